package sessions

import (
	"strings"
	"testing"
)

func TestMarkdownRendering(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"heading", "# Title *here*", "<h1>Title <em>here</em></h1>\n"},
		{"closed heading", "## Two ##", "<h2>Two</h2>\n"},
		{"setext", "Title\n=====\n\nSub\n---", "<h1>Title</h1>\n<h2>Sub</h2>\n"},
		{"not a heading", "#hashtag", "<p>#hashtag</p>\n"},
		{"paragraphs", "one\ntwo\n\nthree", "<p>one\ntwo</p>\n<p>three</p>\n"},
		{"emphasis", "*a* **b** _c_ __d__ ***e***", "<p><em>a</em> <strong>b</strong> <em>c</em> <strong>d</strong> <em><strong>e</strong></em></p>\n"},
		{"intraword underscore", "snake_case_name", "<p>snake_case_name</p>\n"},
		{"unmatched", "2 * 3 * 4 and a*", "<p>2 * 3 * 4 and a*</p>\n"},
		{"code span", "use `x < y` and ``a ` b``", "<p>use <code>x &lt; y</code> and <code>a ` b</code></p>\n"},
		{"escapes", `\*not\* \# \<b>`, "<p>*not* # &lt;b&gt;</p>\n"},
		{"raw html escaped", "<script>alert(1)</script>\n\n<b onclick=\"x()\">hi</b>",
			"<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>&lt;b onclick=&#34;x()&#34;&gt;hi&lt;/b&gt;</p>\n"},
		{"entities", "AT&T &amp; &copy;", "<p>AT&amp;T &amp; ©</p>\n"},
		{"fenced code", "```go\nx := 1 // one\n```", "<pre><code class=\"language-go\">x := <span class=\"num\">1</span> <span class=\"com\">// one</span></code></pre>\n"},
		{"fenced other", "~~~\n<a>\n~~~", "<pre><code>&lt;a&gt;</code></pre>\n"},
		{"unclosed fence", "```\ncode", "<pre><code>code</code></pre>\n"},
		{"indented code", "    a < b\n    c", "<pre><code>a &lt; b\nc</code></pre>\n"},
		{"bullets", "- a\n- b\n  - c\n  - d\n- e", "<ul>\n<li>a</li>\n<li>b\n<ul>\n<li>c</li>\n<li>d</li>\n</ul>\n</li>\n<li>e</li>\n</ul>\n"},
		{"ordered", "3. x\n4. y", "<ol start=\"3\">\n<li>x</li>\n<li>y</li>\n</ol>\n"},
		{"loose list", "* a\n\n* b", "<ul>\n<li><p>a</p>\n</li>\n<li><p>b</p>\n</li>\n</ul>\n"},
		{"list item paragraphs", "1. first\n   more\n2. second", "<ol>\n<li>first\nmore</li>\n<li>second</li>\n</ol>\n"},
		{"block quote", "> quoted *text*\n> more\n\nafter", "<blockquote>\n<p>quoted <em>text</em>\nmore</p>\n</blockquote>\n<p>after</p>\n"},
		{"rule", "a\n\n***\n\nb", "<p>a</p>\n<hr>\n<p>b</p>\n"},
		{"link", `[the *docs*](https://example.org/a?b=1&c=2 "Title")`, "<p><a href=\"https://example.org/a?b=1&amp;c=2\" title=\"Title\">the <em>docs</em></a></p>\n"},
		{"relative link", "[next](other.ipynb#part)", "<p><a href=\"other.ipynb#part\">next</a></p>\n"},
		{"javascript link", "[click](javascript:alert(1))", "<p>click</p>\n"},
		{"data link", "[x](data:text/html;base64,AAAA)", "<p>x</p>\n"},
		{"autolink", "see <https://go.dev> or <me@example.org>", "<p>see <a href=\"https://go.dev\">https://go.dev</a> or <a href=\"mailto:me@example.org\">me@example.org</a></p>\n"},
		{"remote image is a link", "![plot](https://example.org/p.png)", "<p><a class=\"image-link\" href=\"https://example.org/p.png\">[image: plot]</a></p>\n"},
		{"data image", "![dot](data:image/png;base64,iVBORw0KGgo=)", "<p><img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"dot\"></p>\n"},
		{"inline math", "Euler: $e^{i\\pi} + 1 = 0$, costs $5 and $6.", "<p>Euler: <span class=\"math\">$e^{i\\pi} + 1 = 0$</span>, costs $5 and $6.</p>\n"},
		{"math with markup chars", "$a_1 * b_2 < c$", "<p><span class=\"math\">$a_1 * b_2 &lt; c$</span></p>\n"},
		{"display math", "$$\n\\int_0^1 x\\,dx = \\frac{1}{2}\n$$", "<div class=\"math\">$$\\int_0^1 x\\,dx = \\frac{1}{2}$$</div>\n"},
		{"hard break", "a  \nb\\\nc", "<p>a<br>\nb<br>\nc</p>\n"},
		{"table", "| a | b |\n|:--|--:|\n| `x\\|y` | <i> |", "<table>\n<thead>\n<tr><th style=\"text-align:left\">a</th><th style=\"text-align:right\">b</th></tr>\n</thead>\n<tbody>\n<tr><td style=\"text-align:left\"><code>x|y</code></td><td style=\"text-align:right\">&lt;i&gt;</td></tr>\n</tbody>\n</table>\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &mdRenderer{highlight: highlightFence}
			if got := r.render(tc.src); got != tc.want {
				t.Errorf("render(%q)\n got %q\nwant %q", tc.src, got, tc.want)
			}
		})
	}
}

func TestMarkdownAttachment(t *testing.T) {
	r := &mdRenderer{attachments: attachmentURIs([]byte(`{"dot.png":{"image/png":"iVBORw0KGgo="}}`))}
	got := r.render("![a dot](attachment:dot.png) ![gone](attachment:none.png)")
	want := "<p><img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"a dot\"> [image: gone]</p>\n"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestMarkdownNeverPassesHTML(t *testing.T) {
	// Whatever the input, no tag but the renderer's own comes out.
	for _, src := range []string{
		"<img src=x onerror=alert(1)>",
		"[a](<javascript:alert(1)>)",
		"`<script>`<script>",
		"*<script>*",
		"> <iframe src=\"https://evil\">",
		"- <svg onload=alert(1)>",
		"![x\" onerror=\"alert(1)](data:image/png;base64,AA==)",
		"[x](https://a.b/\" onmouseover=\"alert(1))",
	} {
		got := (&mdRenderer{}).render(src)
		for _, bad := range []string{"<script", "<iframe", "<svg", "<img src=x", "javascript:", "onerror=\"", "onmouseover=\""} {
			if strings.Contains(got, bad) {
				t.Errorf("render(%q) = %q has %q", src, got, bad)
			}
		}
	}
}

func TestHighlightGo(t *testing.T) {
	got := highlightGo("func f() string { return `a<b` } /* c */ // d\nx := 0x1F + len(s)")
	want := `<span class="kw">func</span> f() <span class="bi">string</span> { <span class="kw">return</span> <span class="str">` + "`a&lt;b`" +
		`</span> } <span class="com">/* c */</span> <span class="com">// d</span>` + "\n" +
		`x := <span class="num">0x1F</span> + <span class="bi">len</span>(s)`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	// Text that does not scan stays, escaped.
	if got := highlightGo("a ? <b> \"open"); !strings.Contains(got, "&lt;b&gt;") || !strings.Contains(got, "open") {
		t.Errorf("highlightGo lost text: %q", got)
	}
}

func TestSanitizeHTML(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`<table class="workbench-table"><tr><th>a</th><td>1 &lt; 2</td></tr></table>`,
			`<table class="workbench-table"><tr><th>a</th><td>1 &lt; 2</td></tr></table>`},
		{`<td onclick="x()" class='c'>v</td>`, `<td class="c">v</td>`},
		{`<script>alert(1)</script>ok`, `ok`},
		{`<SCRIPT>alert(1)</script >ok`, `ok`},
		{`<img src=x onerror=alert(1)>`, ``},
		{`<a href="javascript:x">link</a>`, `link`},
		{`<style>body{}</style><!-- c --><b>bold</b>`, `<b>bold</b>`},
		{`a < b > c`, `a &lt; b &gt; c`},
		{`<progress value="3" max="5">60%</progress>`, `<progress value="3" max="5">60%</progress>`},
	} {
		if got := sanitizeHTML(tc.in); got != tc.want {
			t.Errorf("sanitizeHTML(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

// FuzzRenderMarkdown checks that rendering never panics and never lets a
// tag or a script URL of the input through.
func FuzzRenderMarkdown(f *testing.F) {
	for _, s := range []string{
		"# h\n\n- a\n  - b\n\n> q\n\n```go\nx\n```\n",
		"*a **b** c* `d` [e](f \"g\") ![h](attachment:i) <j@k.l> $m$ $$n$$",
		"| a | b |\n|---|---|\n| c | d |\n",
		"1. x\n\n   y\n2) z\n    code\n",
		"<script>x</script> [a](javascript:b) \\",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		got := (&mdRenderer{highlight: highlightFence}).render(src)
		low := strings.ToLower(got)
		for _, bad := range []string{"<script", "<iframe", "<svg", "<object", "<style", "href=\"javascript:", "href=\"vbscript:", "href=\"data:"} {
			if strings.Contains(low, bad) {
				t.Fatalf("render(%q) = %q has %q", src, got, bad)
			}
		}
	})
}
