package sessions

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// exportNotebook is a notebook with every kind of cell and output, and
// hostile content in markdown, outputs and images.
func exportNotebook() *Notebook {
	nb := New()
	md := NewMarkdown("# Results *now*\n\nSome <script>alert('md')</script> text, $x^2$ and a [link](javascript:alert(1)).\n\n![pasted](attachment:pasted.png)")
	md.Attachments = json.RawMessage(`{"pasted.png":{"image/png":"iVBORw0KGgo="}}`)
	one, two := 1, 2
	code := NewCode("x := arrays.Linspace(0, 1, 3) // <b>\nfmt.Println(\"<script>\")\nx")
	code.ExecutionCount = &one
	png := []byte("\x89PNG\r\n\x1a\nfake")
	svg := `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><rect width="4" height="3"/></svg>`
	code.Outputs = []Output{
		{Type: OutputStream, Name: "stdout", Text: "<script>alert('out')</script>\n"},
		{Type: OutputStream, Name: "stderr", Text: "warning\n"},
		{Type: OutputExecuteResult, ExecutionCount: &one, Data: Bundle{
			MIMEText:  []byte("array([0. , 0.5, 1. ])"),
			MIMEHTML:  []byte(`<table class="workbench-array"><tr><td onclick="x()">0.5</td></tr></table><script>alert(3)</script>`),
			MIMEArray: []byte(`{"dtype":"float64","shape":[3],"data":[0,0.5,1]}`),
		}},
		{Type: OutputDisplayData, Data: Bundle{MIMEText: []byte("<Figure>"), MIMEPNG: png, MIMESVG: []byte(svg)}},
		{Type: OutputDisplayData, Data: Bundle{MIMEText: []byte("only svg"), MIMESVG: []byte(svg)}},
		{Type: OutputDisplayData, Data: Bundle{MIMEText: []byte("plain <i>text</i>"), MIMEHTML: []byte(`<img src="https://evil.example/x.png"><script>alert(4)</script>`)}},
	}
	bad := NewCode("panic(\"boom\")")
	bad.ExecutionCount = &two
	bad.Outputs = []Output{{Type: OutputError, EName: "Panic", EValue: "boom <now>", Traceback: []string{"\x1b[31mgoroutine 1\x1b[0m", "main.go:3"}}}
	raw := &Cell{ID: "raw1", Type: RawCell, Source: "raw <text>"}
	nb.Cells = append(nb.Cells, md, code, bad, raw)
	seed := uint64(42)
	nb.Record = &Record{
		Environment: &Environment{Workbench: "0.1.0-dev", Go: "go1.26.8", OS: "linux", Arch: "amd64", SIMD: "avx2", Workers: 4, Devices: []string{"cpu"}, Seed: 42},
		Seed:        &seed,
		Date:        "2026-03-01T12:00:00Z",
	}
	return nb
}

func TestExportHTML(t *testing.T) {
	var buf bytes.Buffer
	if err := ExportHTML(&buf, exportNotebook(), ExportOptions{Name: "analysis"}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{
		"<!DOCTYPE html>",
		"<title>Results now</title>",
		"<h1>Results <em>now</em></h1>",
		"&lt;script&gt;alert(&#39;md&#39;)&lt;/script&gt;", // markdown HTML is text
		`<span class="math">$x^2$</span>`,
		`<img src="data:image/png;base64,iVBORw0KGgo=" alt="pasted">`, // the attachment
		"In [1]:", "Out [1]:", "In [2]:",
		`x := arrays.Linspace(<span class="num">0</span>`,
		`<span class="com">// &lt;b&gt;</span>`,
		`<pre class="stream stdout">&lt;script&gt;alert(&#39;out&#39;)&lt;/script&gt;`,
		`<pre class="stream stderr">warning`,
		`<table class="workbench-array"><tr><td>0.5</td></tr></table>`, // our table, cleaned
		"data:image/png;base64," + base64.StdEncoding.EncodeToString([]byte("\x89PNG\r\n\x1a\nfake")),
		"data:image/svg+xml;base64,",               // the SVG only as an image
		"<pre>plain &lt;i&gt;text&lt;/i&gt;</pre>", // HTML not of ours: its text
		`<pre class="error">Panic: boom &lt;now&gt;` + "\ngoroutine 1\nmain.go:3</pre>",
		"<pre>raw &lt;text&gt;</pre>",
		`<footer class="record">`,
		"Workbench 0.1.0-dev", "go1.26.8", "linux/amd64", "SIMD avx2", "4 workers", "seed 42", "2026-03-01T12:00:00Z",
		"@media print",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	// Self-contained and safe: nothing is loaded from elsewhere, no
	// script, no event handler, no link that runs code.
	lower := strings.ToLower(page)
	for _, bad := range []string{"<script", "javascript:", "onload=", "onclick=", "onerror=", "evil.example", "<link", "@import", "url("} {
		if strings.Contains(lower, bad) {
			t.Errorf("the page has %q", bad)
		}
	}
	if m := regexp.MustCompile(`(?i)(src|href)\s*=\s*"(https?:)?//`).FindString(page); m != "" {
		t.Errorf("the page loads %q", m)
	}
	for _, m := range regexp.MustCompile(`src="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		if !strings.HasPrefix(m[1], "data:image/") {
			t.Errorf("an image from %q", m[1][:min(len(m[1]), 40)])
		}
	}
	// The SVG in the data: URI is the output, script and all: an <img>
	// never runs it. The first display shows its PNG, the richest.
	if strings.Count(page, "data:image/svg+xml") != 1 {
		t.Errorf("want one SVG image (the PNG wins where both are present)")
	}
}

func TestExportHTMLTitleAndNoRecord(t *testing.T) {
	nb := New()
	nb.Cells = append(nb.Cells, NewMarkdown("Some text\n\n```\n# not a title\n```"), NewCode("1 + 1"))
	var buf bytes.Buffer
	if err := ExportHTML(&buf, nb, ExportOptions{Name: "my <notes>"}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if !strings.Contains(page, "<title>my &lt;notes&gt;</title>") {
		t.Errorf("the title is not the name: %s", page[:300])
	}
	if strings.Contains(page, "<footer") {
		t.Error("a footer without a record")
	}
	if !strings.Contains(page, "In [ ]:") {
		t.Error("a cell that has not run shows In [ ]:")
	}
}

// TestExportHTMLFixture exports the fixture session from a real run.
func TestExportHTMLFixture(t *testing.T) {
	nb, err := Load(filepath.Join("testdata", "export", "session.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := ExportHTML(&buf, nb, ExportOptions{Name: "session"}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{"<title>Export fixture</title>", "data:image/png;base64,", "array(2.5)", "workbench-array", "seed 42", "<progress value=\"5\" max=\"5\">"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(page, `src="http`) {
		t.Error("the page loads something from elsewhere")
	}
}
