package sessions

import (
	"bufio"
	"encoding/base64"
	"go/scanner"
	"go/token"
	"html"
	"io"
	"regexp"
	"strconv"
	"strings"

	"workbench/version"
)

// ExportHTML writes the notebook as one self-contained HTML page that
// loads nothing from elsewhere, to read and print:
//
//   - the title is the first heading of the markdown cells, or else
//     opts.Name;
//   - markdown cells are rendered (a safe subset of CommonMark with pipe
//     tables; raw HTML is shown as text; LaTeX math stays readable text in
//     <span class="math">; images only from the cell's attachments or data:
//     URIs);
//   - code cells show their execution count (In [n]:) and their source,
//     Go highlighted (keywords, strings, comments, numbers);
//   - outputs: stream text in <pre> (stderr and errors styled apart); each
//     display shows its richest MIME type: a raster image (PNG, JPEG, GIF)
//     inline as a data: URI, an SVG as a data: URI in an <img> (which runs
//     no script), the text/html of Workbench's own arrays, tables and
//     progress bars (bundles with an application/vnd.workbench.* type),
//     reduced to table markup, text/markdown rendered, else text/plain in
//     <pre>. Other HTML is never inserted;
//   - a footer gives the reproducibility record (versions of Workbench
//     and Go, OS and architecture, SIMD level, workers, devices, seed and
//     date) when the file has one.
//
// The page carries a small built-in style sheet, light and print
// friendly. ExportHTML fails only on errors of w.
func ExportHTML(w io.Writer, nb *Notebook, opts ExportOptions) error {
	bw := bufio.NewWriter(w)
	title := notebookTitle(nb)
	if title == "" {
		title = opts.name()
	}
	goCode := nb.Language() == "" || nb.Language() == Language || nb.Language() == "golang"
	p := func(s ...string) {
		for _, x := range s {
			bw.WriteString(x)
		}
	}
	esc := html.EscapeString
	p("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
		"<meta name=\"generator\" content=\"Workbench ", esc(version.Version), "\">\n",
		"<title>", esc(title), "</title>\n<style>\n", exportCSS, "</style>\n</head>\n<body>\n<main class=\"notebook\">\n")
	for i, c := range nb.Cells {
		switch c.Type {
		case MarkdownCell:
			r := &mdRenderer{attachments: attachmentURIs(c.Attachments), highlight: highlightFence}
			p("<section class=\"cell markdown\" id=\"cell-", strconv.Itoa(i+1), "\">\n", r.render(c.Source), "</section>\n")
		case CodeCell:
			p("<section class=\"cell code\" id=\"cell-", strconv.Itoa(i+1), "\">\n")
			count := " "
			if c.ExecutionCount != nil {
				count = strconv.Itoa(*c.ExecutionCount)
			}
			src := esc(c.Source)
			if goCode {
				src = highlightGo(c.Source)
			}
			p("<div class=\"input\"><div class=\"prompt\">In [", count, "]:</div><pre class=\"source\"><code>", src, "</code></pre></div>\n")
			if len(c.Outputs) > 0 {
				p("<div class=\"outputs\">\n")
				for _, o := range c.Outputs {
					body := outputHTML(o)
					if body == "" {
						continue
					}
					prompt := ""
					if o.Type == OutputExecuteResult {
						n := count
						if o.ExecutionCount != nil {
							n = strconv.Itoa(*o.ExecutionCount)
						}
						prompt = "Out [" + n + "]:"
					}
					p("<div class=\"output\"><div class=\"prompt out\">", prompt, "</div>", body, "</div>\n")
				}
				p("</div>\n")
			}
			p("</section>\n")
		case RawCell:
			if strings.TrimSpace(c.Source) != "" {
				p("<section class=\"cell raw\" id=\"cell-", strconv.Itoa(i+1), "\"><pre>", esc(c.Source), "</pre></section>\n")
			}
		}
	}
	if parts := recordSummary(nb); len(parts) > 0 {
		p("<footer class=\"record\">\n<p>Reproducibility record: ")
		for i, s := range parts {
			if i > 0 {
				p(" · ")
			}
			p("<span>", esc(s), "</span>")
		}
		p(".</p>\n<p>Re-run and check with <code>workbench verify</code>.</p>\n</footer>\n")
	}
	p("</main>\n</body>\n</html>\n")
	return bw.Flush()
}

// outputHTML renders one output, or "" for an output with nothing to
// show.
func outputHTML(o Output) string {
	esc := html.EscapeString
	switch o.Type {
	case OutputStream:
		if o.Text == "" {
			return ""
		}
		class := "stream stdout"
		if o.Name == "stderr" {
			class = "stream stderr"
		}
		return "<pre class=\"" + class + "\">" + esc(strings.TrimSuffix(stripANSI(o.Text), "\n")) + "</pre>"
	case OutputError:
		return "<pre class=\"error\">" + esc(errorText(o)) + "</pre>"
	case OutputDisplayData, OutputExecuteResult:
		return bundleHTML(o.Data)
	}
	return ""
}

// bundleHTML shows the richest MIME type of a bundle that the page can
// show safely.
func bundleHTML(b Bundle) string {
	esc := html.EscapeString
	alt := "output"
	if t, ok := b[MIMEText]; ok {
		alt = strings.TrimSpace(string(t))
	}
	for _, im := range imageMIMEs {
		if data, ok := b[im.mime]; ok && len(data) > 0 {
			return "<img src=\"" + dataURI(im.mime, data) + "\" alt=\"" + esc(alt) + "\">"
		}
	}
	if data, ok := b[MIMESVG]; ok && len(data) > 0 {
		return "<img src=\"" + dataURI(MIMESVG, data) + "\" alt=\"" + esc(alt) + "\">"
	}
	if data, ok := b[MIMEHTML]; ok && isWorkbenchBundle(b) {
		return "<div class=\"rich\">" + sanitizeHTML(string(data)) + "</div>"
	}
	if data, ok := b["text/markdown"]; ok {
		r := &mdRenderer{highlight: highlightFence}
		return "<div class=\"rich markdown\">" + r.render(string(data)) + "</div>"
	}
	if data, ok := b[MIMEText]; ok {
		return "<pre>" + esc(stripANSI(string(data))) + "</pre>"
	}
	if data, ok := b["text/latex"]; ok {
		return "<div class=\"math\">" + esc(string(data)) + "</div>"
	}
	return ""
}

// dataURI is a data: URI of the bytes, in base64.
func dataURI(mime string, data []byte) string {
	return "data:" + mime + ";base64," + base64.StdEncoding.EncodeToString(data)
}

// highlightFence highlights a fenced code block of Go in markdown.
func highlightFence(code, lang string) string {
	if lang == "go" || lang == "golang" {
		return highlightGo(code)
	}
	return ""
}

// goPredeclared are the predeclared identifiers that highlightGo marks,
// and the names of a Workbench cell's own builtins.
var goPredeclared = map[string]bool{
	"append": true, "cap": true, "clear": true, "close": true, "complex": true, "copy": true,
	"delete": true, "imag": true, "len": true, "make": true, "max": true, "min": true,
	"new": true, "panic": true, "print": true, "println": true, "real": true, "recover": true,
	"true": true, "false": true, "nil": true, "iota": true,
	"bool": true, "byte": true, "rune": true, "string": true, "error": true, "any": true,
	"int": true, "int8": true, "int16": true, "int32": true, "int64": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true, "uintptr": true,
	"float32": true, "float64": true, "complex64": true, "complex128": true,
	"display": true, "progress": true,
}

// highlightGo returns Go source as escaped HTML with <span>s around
// keywords (kw), predeclared names (bi), strings and characters (str),
// numbers (num) and comments (com). Text that does not scan stays plain.
func highlightGo(src string) string {
	var b strings.Builder
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), func(token.Position, string) {}, scanner.ScanComments)
	prev := 0
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		off := file.Offset(pos)
		if tok == token.SEMICOLON && lit == "\n" || off < prev {
			continue
		}
		end := off + len(lit)
		if lit == "" {
			end = off + len(tok.String())
		}
		if tok == token.STRING && strings.HasPrefix(lit, "`") {
			if k := strings.IndexByte(src[off+1:], '`'); k >= 0 {
				end = off + k + 2
			}
		}
		if tok == token.COMMENT && strings.HasPrefix(lit, "/*") {
			if k := strings.Index(src[off:], "*/"); k >= 0 {
				end = off + k + 2
			}
		}
		end = min(end, len(src))
		b.WriteString(html.EscapeString(src[prev:off]))
		text := html.EscapeString(src[off:end])
		class := ""
		switch {
		case tok.IsKeyword():
			class = "kw"
		case tok == token.IDENT && goPredeclared[lit]:
			class = "bi"
		case tok == token.STRING || tok == token.CHAR:
			class = "str"
		case tok == token.INT || tok == token.FLOAT || tok == token.IMAG:
			class = "num"
		case tok == token.COMMENT:
			class = "com"
		}
		if class != "" {
			b.WriteString("<span class=\"" + class + "\">" + text + "</span>")
		} else {
			b.WriteString(text)
		}
		prev = end
	}
	b.WriteString(html.EscapeString(src[min(prev, len(src)):]))
	return b.String()
}

// The markup that sanitizeHTML keeps: the elements of Workbench's tables
// and progress bars and plain inline formatting, with harmless attributes.
var (
	allowedTags = map[string]bool{
		"table": true, "caption": true, "thead": true, "tbody": true, "tfoot": true, "tr": true,
		"th": true, "td": true, "colgroup": true, "col": true, "small": true, "p": true, "div": true,
		"span": true, "progress": true, "b": true, "strong": true, "i": true, "em": true,
		"code": true, "pre": true, "br": true, "sub": true, "sup": true,
	}
	allowedAttrs = map[string]bool{
		"class": true, "value": true, "max": true, "colspan": true, "rowspan": true,
		"title": true, "align": true, "scope": true,
	}
	// droppedWithContent are elements whose content goes too.
	droppedWithContent = map[string]bool{
		"script": true, "style": true, "iframe": true, "object": true, "embed": true,
		"template": true, "noscript": true, "textarea": true, "title": true, "svg": true,
		"math": true, "frameset": true, "noembed": true, "xmp": true, "select": true,
	}
	tagRe  = regexp.MustCompile(`^<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s/>"'=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>` + "`" + `]+))?)*)\s*(/?)>`)
	attrRe = regexp.MustCompile(`([^\s/>"'=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>` + "`" + `]+)))?`)
)

// sanitizeHTML keeps the table markup of an HTML fragment and escapes or
// drops the rest: only allowedTags with allowedAttrs are written (their
// values escaped again), scripts and styles go with their content,
// comments go, and text is escaped afresh.
func sanitizeHTML(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			b.WriteString(escapeText(s[i:]))
			break
		}
		b.WriteString(escapeText(s[i : i+j]))
		i += j
		if strings.HasPrefix(s[i:], "<!--") {
			k := strings.Index(s[i+4:], "-->")
			if k < 0 {
				break
			}
			i += 4 + k + 3
			continue
		}
		m := tagRe.FindStringSubmatch(s[i:])
		if m == nil {
			b.WriteString("&lt;")
			i++
			continue
		}
		i += len(m[0])
		closing, name := m[1] == "/", strings.ToLower(m[2])
		if droppedWithContent[name] && !closing {
			if k := strings.Index(strings.ToLower(s[i:]), "</"+name); k >= 0 {
				i += k
				if e := strings.IndexByte(s[i:], '>'); e >= 0 {
					i += e + 1
				} else {
					i = len(s)
				}
			} else {
				i = len(s)
			}
			continue
		}
		if !allowedTags[name] {
			continue
		}
		if closing {
			b.WriteString("</" + name + ">")
			continue
		}
		b.WriteString("<" + name)
		for _, a := range attrRe.FindAllStringSubmatch(m[3], -1) {
			an := strings.ToLower(a[1])
			if !allowedAttrs[an] {
				continue
			}
			v := a[2] + a[3] + a[4]
			b.WriteString(" " + an + "=\"" + html.EscapeString(html.UnescapeString(v)) + "\"")
		}
		b.WriteString(">")
	}
	return b.String()
}

// exportCSS is the page's style sheet.
const exportCSS = `:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1f2328;
  font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
pre, code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.85rem; }
pre { margin: 0; padding: 0.5rem 0.75rem; overflow-x: auto; line-height: 1.45; tab-size: 4; }
a { color: #0550ae; }
.cell { margin: 0 0 1.25rem; }
.input, .output { display: grid; grid-template-columns: 5.5rem minmax(0, 1fr); gap: 0.5rem; align-items: start; }
.prompt { color: #57606a; font: 0.8rem/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  text-align: right; padding-top: 0.55rem; white-space: nowrap; }
.prompt.out { color: #9a3412; }
.source { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; }
.outputs { margin-top: 0.25rem; }
.output pre { padding-left: 0.75rem; }
.output img { max-width: 100%; height: auto; display: block; margin: 0.25rem 0.75rem; }
.stream.stderr { background: #fff8eb; }
.error { background: #ffebe9; color: #82071e; border-left: 3px solid #cf222e; }
.rich { padding: 0.25rem 0.75rem; overflow-x: auto; }
.markdown { padding: 0 0.25rem 0 6rem; }
.markdown pre { background: #f6f8fa; border-radius: 6px; }
.markdown code { background: #f6f8fa; padding: 0.1em 0.3em; border-radius: 4px; }
.markdown pre code { background: none; padding: 0; }
.markdown blockquote { margin: 0 0 1rem; padding: 0 1rem; color: #57606a; border-left: 0.25rem solid #d0d7de; }
.markdown h1, .markdown h2 { border-bottom: 1px solid #d8dee4; padding-bottom: 0.3rem; }
.markdown img { max-width: 100%; }
table { border-collapse: collapse; font-size: 0.85rem; font-variant-numeric: tabular-nums; margin: 0.25rem 0; }
th, td { border: 1px solid #d0d7de; padding: 0.2rem 0.6rem; text-align: right; }
.markdown th, .markdown td { text-align: left; }
thead th { background: #f6f8fa; }
caption { caption-side: top; text-align: left; color: #57606a; font-size: 0.8rem; padding-bottom: 0.2rem; }
tr.dtype td { color: #57606a; }
.math { font-family: "Latin Modern Math", "STIX Two Math", "Cambria Math", serif; color: #24292f; }
div.math { margin: 0.75rem 0; text-align: center; white-space: pre-wrap; }
.kw { color: #cf222e; } .bi { color: #8250df; } .str { color: #0a3069; }
.num { color: #0550ae; } .com { color: #6e7781; font-style: italic; }
.record { margin-top: 2.5rem; padding-top: 0.75rem; border-top: 1px solid #d0d7de; color: #57606a; font-size: 0.8rem; }
.record p { margin: 0.2rem 0; }
@media (max-width: 40rem) {
  .input, .output { grid-template-columns: 1fr; gap: 0; }
  .prompt { text-align: left; padding: 0; }
  .markdown { padding-left: 0; }
}
@media print {
  main { max-width: none; padding: 0; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; }
  .source { border-color: #999; }
  .cell { break-inside: avoid; }
  a { color: inherit; }
}
`
