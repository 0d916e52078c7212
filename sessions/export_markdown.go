package sessions

// A small, safe renderer of Markdown to HTML for the HTML export: the
// subset of CommonMark that notebooks use (ATX and setext headings,
// paragraphs, emphasis and strong emphasis, inline code, fenced and
// indented code blocks, bullet and ordered lists, nested, block quotes,
// thematic breaks, links, images, autolinks, hard line breaks) and GitHub's
// pipe tables, with LaTeX math ($...$ and $$...$$) kept as text in
// <span class="math"> and <div class="math">.
//
// Everything else is text and is escaped: raw HTML is never passed
// through, links keep only safe schemes (http, https, mailto, ftp, or
// none), and images are shown only from data: URIs and the cell's
// attachments, so that the page loads nothing from outside.

import (
	"encoding/json"
	"html"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// mdRenderer renders the markdown of one cell.
type mdRenderer struct {
	// attachments maps an attachment's name to a data: URI of its image.
	attachments map[string]string
	// highlight renders the code of a fenced block in a language, or
	// returns "" to leave it plain.
	highlight func(code, lang string) string
	// depth counts the block quotes and lists around the blocks being
	// rendered; past maxMarkdownDepth their content is plain text.
	depth int
}

// maxMarkdownDepth bounds the nesting of block quotes and lists, which
// would otherwise cost time quadratic in the input's length.
const maxMarkdownDepth = 16

// renderMarkdown renders markdown source to HTML.
func (r *mdRenderer) render(src string) string {
	src = strings.ReplaceAll(src, "\r\n", "\n")
	src = strings.ReplaceAll(src, "\r", "\n")
	src = strings.ReplaceAll(src, "\x00", "\uFFFD")
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		lines[i] = detab(l)
	}
	var b strings.Builder
	r.blocks(lines, &b, false)
	return b.String()
}

// attachmentURIs returns the data: URIs of a cell's image attachments, by
// name.
func attachmentURIs(raw json.RawMessage) map[string]string {
	if len(raw) == 0 {
		return nil
	}
	var att map[string]map[string]json.RawMessage
	if json.Unmarshal(raw, &att) != nil {
		return nil
	}
	m := map[string]string{}
	for name, bundle := range att {
		for _, im := range imageMIMEs {
			var s string
			if v, ok := bundle[im.mime]; ok && json.Unmarshal(v, &s) == nil {
				if data, err := decodeBase64(s); err == nil {
					m[name] = dataURI(im.mime, data)
					break
				}
			}
		}
		if _, ok := m[name]; ok {
			continue
		}
		var s string
		if v, ok := bundle[MIMESVG]; ok && json.Unmarshal(v, &s) == nil {
			m[name] = dataURI(MIMESVG, []byte(s))
		}
	}
	return m
}

// detab expands the tabs of a line's leading white space to 4-column tab
// stops.
func detab(line string) string {
	if !strings.Contains(line, "\t") {
		return line
	}
	var b strings.Builder
	col := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\t':
			n := 4 - col%4
			b.WriteString(strings.Repeat(" ", n))
			col += n
		case ' ':
			b.WriteByte(' ')
			col++
		default:
			b.WriteString(line[i:])
			return b.String()
		}
	}
	return b.String()
}

// indentOf is the number of leading spaces of a line.
func indentOf(line string) int {
	return len(line) - len(strings.TrimLeft(line, " "))
}

func isBlank(line string) bool { return strings.TrimSpace(line) == "" }

var (
	atxRe      = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	hrRe       = regexp.MustCompile(`^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	fenceRe    = regexp.MustCompile("^( {0,3})(`{3,}|~{3,})(.*)$")
	setextRe   = regexp.MustCompile(`^ {0,3}(=+|-+)[ \t]*$`)
	bulletRe   = regexp.MustCompile(`^( {0,3})([-*+])( {1,4}|$)`)
	orderedRe  = regexp.MustCompile(`^( {0,3})([0-9]{1,9})([.)])( {1,4}|$)`)
	blockEnd   = regexp.MustCompile(`(</(ul|ol|p|pre|blockquote|table|h[1-6]|div)>|<hr>)$`)
	tableDelim = regexp.MustCompile(`^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$`)
)

// atxHeading parses "## Text ##" into its level and text.
func atxHeading(line string) (level int, text string, ok bool) {
	m := atxRe.FindStringSubmatch(line)
	if m == nil {
		return 0, "", false
	}
	return len(m[1]), strings.TrimSpace(m[2]), true
}

// setextUnderline reports whether a line underlines a setext heading,
// and its level.
func setextUnderline(line string) (int, bool) {
	m := setextRe.FindStringSubmatch(line)
	if m == nil {
		return 0, false
	}
	if m[1][0] == '=' {
		return 1, true
	}
	return 2, true
}

// fenceOpen returns the fence (``` or ~~~, as long as written) that a
// line opens, or "".
func fenceOpen(line string) string {
	m := fenceRe.FindStringSubmatch(line)
	if m == nil || m[2][0] == '`' && strings.Contains(m[3], "`") {
		return ""
	}
	return m[2]
}

// fenceCloses reports whether a line closes a code block opened by fence.
func fenceCloses(line, fence string) bool {
	if indentOf(line) > 3 {
		return false
	}
	t := strings.TrimSpace(line)
	return len(t) >= len(fence) && strings.Trim(t, fence[:1]) == ""
}

// listMarker parses a list item's marker.
type listMarker struct {
	ordered bool
	char    byte // bullet, or the delimiter '.' or ')' after a number
	start   int  // an ordered list's number
	content int  // the column where the item's content starts
	empty   bool // nothing follows the marker
}

func parseListMarker(line string) (listMarker, bool) {
	if hrRe.MatchString(line) {
		return listMarker{}, false
	}
	if m := bulletRe.FindStringSubmatch(line); m != nil {
		lm := listMarker{char: m[2][0], empty: isBlank(line[len(m[1])+1:])}
		lm.content = contentColumn(line, len(m[1])+1, m[3])
		return lm, true
	}
	if m := orderedRe.FindStringSubmatch(line); m != nil {
		n, _ := strconv.Atoi(m[2])
		lm := listMarker{ordered: true, char: m[3][0], start: n}
		w := len(m[1]) + len(m[2]) + 1
		lm.empty = isBlank(line[w:])
		lm.content = contentColumn(line, w, m[4])
		return lm, true
	}
	return listMarker{}, false
}

// contentColumn is where an item's text starts: after the marker and its
// spaces, or one space after the marker when it has none or more than 4.
func contentColumn(line string, afterMarker int, spaces string) int {
	if isBlank(line[afterMarker:]) || len(spaces) > 4 {
		return afterMarker + 1
	}
	return afterMarker + len(spaces)
}

// startsBlock reports whether a line starts a block that interrupts a
// paragraph.
func startsBlock(line string) bool {
	if indentOf(line) > 3 {
		return false
	}
	if _, _, ok := atxHeading(line); ok {
		return true
	}
	if hrRe.MatchString(line) || fenceOpen(line) != "" {
		return true
	}
	t := strings.TrimLeft(line, " ")
	if strings.HasPrefix(t, ">") || strings.HasPrefix(t, "$$") {
		return true
	}
	if lm, ok := parseListMarker(line); ok && !lm.empty && (!lm.ordered || lm.start == 1) {
		return true
	}
	return false
}

// blocks renders a sequence of lines as blocks. In a tight list item,
// paragraphs are not wrapped in <p>.
func (r *mdRenderer) blocks(lines []string, b *strings.Builder, tight bool) {
	if r.depth > maxMarkdownDepth {
		b.WriteString("<p>" + html.EscapeString(strings.TrimSpace(strings.Join(lines, "\n"))) + "</p>\n")
		return
	}
	i := 0
	for i < len(lines) {
		line := lines[i]
		if isBlank(line) {
			i++
			continue
		}
		if indentOf(line) >= 4 {
			i = r.indentedCode(lines, i, b)
			continue
		}
		if fence := fenceOpen(line); fence != "" {
			i = r.fencedCode(lines, i, fence, b)
			continue
		}
		if level, text, ok := atxHeading(line); ok {
			b.WriteString("<h" + strconv.Itoa(level) + ">" + r.inline(text) + "</h" + strconv.Itoa(level) + ">\n")
			i++
			continue
		}
		if hrRe.MatchString(line) {
			b.WriteString("<hr>\n")
			i++
			continue
		}
		t := strings.TrimLeft(line, " ")
		if strings.HasPrefix(t, "$$") {
			i = r.mathBlock(lines, i, b)
			continue
		}
		if strings.HasPrefix(t, ">") {
			i = r.blockQuote(lines, i, b)
			continue
		}
		if lm, ok := parseListMarker(line); ok {
			i = r.list(lines, i, lm, b)
			continue
		}
		if i+1 < len(lines) && strings.Contains(line, "|") && tableDelim.MatchString(lines[i+1]) {
			if n := r.table(lines, i, b); n > i {
				i = n
				continue
			}
		}
		i = r.paragraph(lines, i, b, tight)
	}
}

func (r *mdRenderer) indentedCode(lines []string, i int, b *strings.Builder) int {
	var code []string
	for i < len(lines) && (isBlank(lines[i]) || indentOf(lines[i]) >= 4) {
		l := lines[i]
		if len(l) >= 4 {
			l = l[4:]
		} else {
			l = ""
		}
		code = append(code, l)
		i++
	}
	for len(code) > 0 && isBlank(code[len(code)-1]) {
		code = code[:len(code)-1]
	}
	b.WriteString("<pre><code>" + html.EscapeString(strings.Join(code, "\n")) + "</code></pre>\n")
	return i
}

func (r *mdRenderer) fencedCode(lines []string, i int, fence string, b *strings.Builder) int {
	m := fenceRe.FindStringSubmatch(lines[i])
	indent := len(m[1])
	info := strings.TrimSpace(m[3])
	lang, _, _ := strings.Cut(info, " ")
	lang = strings.ToLower(html.UnescapeString(lang))
	i++
	var code []string
	for i < len(lines) {
		if fenceCloses(lines[i], fence) {
			i++
			break
		}
		l := lines[i]
		l = l[min(indent, indentOf(l)):]
		code = append(code, l)
		i++
	}
	text := strings.Join(code, "\n")
	body := ""
	if r.highlight != nil {
		body = r.highlight(text, lang)
	}
	if body == "" {
		body = html.EscapeString(text)
	}
	class := ""
	if lang != "" {
		class = ` class="language-` + html.EscapeString(lang) + `"`
	}
	b.WriteString("<pre><code" + class + ">" + body + "</code></pre>\n")
	return i
}

func (r *mdRenderer) mathBlock(lines []string, i int, b *strings.Builder) int {
	first := strings.TrimLeft(lines[i], " ")[2:]
	var parts []string
	if j := strings.Index(first, "$$"); j >= 0 {
		parts = append(parts, first[:j])
		i++
	} else {
		parts = append(parts, first)
		i++
		for i < len(lines) {
			l := lines[i]
			i++
			if j := strings.Index(l, "$$"); j >= 0 {
				parts = append(parts, l[:j])
				break
			}
			parts = append(parts, l)
		}
	}
	text := strings.TrimSpace(strings.Join(parts, "\n"))
	b.WriteString(`<div class="math">$$` + html.EscapeString(text) + "$$</div>\n")
	return i
}

func (r *mdRenderer) blockQuote(lines []string, i int, b *strings.Builder) int {
	var inner []string
	for i < len(lines) {
		l := lines[i]
		t := strings.TrimLeft(l, " ")
		switch {
		case indentOf(l) <= 3 && strings.HasPrefix(t, ">"):
			t = t[1:]
			if strings.HasPrefix(t, " ") {
				t = t[1:]
			}
			inner = append(inner, t)
		case !isBlank(l) && len(inner) > 0 && !isBlank(inner[len(inner)-1]) && !startsBlock(l):
			inner = append(inner, l) // a lazy continuation line
		default:
			goto done
		}
		i++
	}
done:
	b.WriteString("<blockquote>\n")
	r.depth++
	r.blocks(inner, b, false)
	r.depth--
	b.WriteString("</blockquote>\n")
	return i
}

// list renders a list starting at line i, whose first marker is first.
func (r *mdRenderer) list(lines []string, i int, first listMarker, b *strings.Builder) int {
	var items [][]string
	loose := false
	for i < len(lines) {
		lm, ok := parseListMarker(lines[i])
		if !ok || lm.ordered != first.ordered || lm.char != first.char {
			break
		}
		item := []string{strings.TrimLeft(lines[i][min(lm.content, len(lines[i])):], " ")}
		if lm.content < len(lines[i]) && indentOf(lines[i][lm.content:]) > 0 {
			item[0] = lines[i][lm.content:] // indented code inside the item
		}
		i++
		for i < len(lines) {
			l := lines[i]
			if isBlank(l) {
				// The item goes on only when an indented line follows.
				j := i
				for j < len(lines) && isBlank(lines[j]) {
					j++
				}
				if j < len(lines) && indentOf(lines[j]) >= lm.content && !(len(item) == 1 && isBlank(item[0])) {
					for ; i < j; i++ {
						item = append(item, "")
					}
					continue
				}
				break
			}
			if indentOf(l) >= lm.content {
				item = append(item, l[lm.content:])
				i++
				continue
			}
			if _, ok := parseListMarker(l); ok {
				break
			}
			last := item[len(item)-1]
			if !isBlank(last) && !startsBlock(l) && fenceOpen(strings.TrimLeft(last, " ")) == "" {
				item = append(item, strings.TrimLeft(l, " ")) // lazy continuation
				i++
				continue
			}
			break
		}
		// A blank line between two of the item's blocks makes the list loose.
		for k := 1; k+1 < len(item); k++ {
			if isBlank(item[k]) && !isBlank(item[k+1]) && !isBlank(item[k-1]) && indentOf(item[k+1]) == 0 {
				if _, nested := parseListMarker(item[k+1]); !nested {
					loose = true
				}
			}
		}
		items = append(items, item)
		// Blank lines before the next item of this list make it loose.
		j := i
		for j < len(lines) && isBlank(lines[j]) {
			j++
		}
		if j > i && j < len(lines) {
			if lm2, ok := parseListMarker(lines[j]); ok && lm2.ordered == first.ordered && lm2.char == first.char {
				loose = true
				i = j
				continue
			}
		}
		if j > i {
			break
		}
	}
	tag := "ul"
	open := "<ul>\n"
	if first.ordered {
		tag = "ol"
		open = "<ol>\n"
		if first.start != 1 {
			open = `<ol start="` + strconv.Itoa(first.start) + "\">\n"
		}
	}
	b.WriteString(open)
	for _, item := range items {
		var ib strings.Builder
		r.depth++
		r.blocks(item, &ib, !loose)
		r.depth--
		s := strings.TrimSuffix(ib.String(), "\n")
		if blockEnd.MatchString(s) {
			b.WriteString("<li>" + s + "\n</li>\n")
		} else {
			b.WriteString("<li>" + s + "</li>\n")
		}
	}
	b.WriteString("</" + tag + ">\n")
	return i
}

// splitRow splits a table row at its unescaped pipes, outside code spans.
func splitRow(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	if strings.HasSuffix(line, "|") && !strings.HasSuffix(line, `\|`) {
		line = line[:len(line)-1]
	}
	var cells []string
	var cur strings.Builder
	inCode := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '\\' && i+1 < len(line) && line[i+1] == '|':
			cur.WriteByte('|')
			i++
		case c == '`':
			inCode = !inCode
			cur.WriteByte(c)
		case c == '|' && !inCode:
			cells = append(cells, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(c)
		}
	}
	return append(cells, strings.TrimSpace(cur.String()))
}

func (r *mdRenderer) table(lines []string, i int, b *strings.Builder) int {
	head := splitRow(lines[i])
	delims := splitRow(lines[i+1])
	if len(head) != len(delims) {
		return i
	}
	aligns := make([]string, len(delims))
	for k, d := range delims {
		switch {
		case strings.HasPrefix(d, ":") && strings.HasSuffix(d, ":"):
			aligns[k] = ` style="text-align:center"`
		case strings.HasSuffix(d, ":"):
			aligns[k] = ` style="text-align:right"`
		case strings.HasPrefix(d, ":"):
			aligns[k] = ` style="text-align:left"`
		}
	}
	row := func(cells []string, tag string) {
		b.WriteString("<tr>")
		for k := range head {
			c := ""
			if k < len(cells) {
				c = cells[k]
			}
			b.WriteString("<" + tag + aligns[k] + ">" + r.inline(c) + "</" + tag + ">")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("<table>\n<thead>\n")
	row(head, "th")
	b.WriteString("</thead>\n<tbody>\n")
	i += 2
	for i < len(lines) && !isBlank(lines[i]) && strings.Contains(lines[i], "|") && !startsBlock(lines[i]) {
		row(splitRow(lines[i]), "td")
		i++
	}
	b.WriteString("</tbody>\n</table>\n")
	return i
}

func (r *mdRenderer) paragraph(lines []string, i int, b *strings.Builder, tight bool) int {
	var para []string
	for i < len(lines) {
		l := lines[i]
		if isBlank(l) {
			break
		}
		if len(para) > 0 {
			if level, ok := setextUnderline(l); ok {
				text := strings.TrimSpace(strings.Join(para, "\n"))
				b.WriteString("<h" + strconv.Itoa(level) + ">" + r.inline(text) + "</h" + strconv.Itoa(level) + ">\n")
				return i + 1
			}
			if startsBlock(l) {
				break
			}
		}
		para = append(para, strings.TrimLeft(l, " "))
		i++
	}
	text := strings.TrimRight(strings.Join(para, "\n"), " \t")
	if tight {
		b.WriteString(r.inline(text) + "\n")
	} else {
		b.WriteString("<p>" + r.inline(text) + "</p>\n")
	}
	return i
}

// Inline content.

type inodeKind uint8

const (
	iText  inodeKind = iota // text, escaped when written
	iHTML                   // HTML made by the renderer
	iDelim                  // a run of * or _
)

type inode struct {
	kind     inodeKind
	text     string
	ch       byte
	n, orig  int
	canOpen  bool
	canClose bool
	inactive bool
	opens    []string
	closes   []string
}

var (
	autolinkRe = regexp.MustCompile(`^<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*)>`)
	emailRe    = regexp.MustCompile(`^<([A-Za-z0-9.!#$%&'*+/=?^_{|}~\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*)>`)
)

// inline renders a paragraph's text: code spans, math, links, images,
// autolinks, emphasis, escapes and line breaks; everything else escaped.
func (r *mdRenderer) inline(s string) string {
	var nodes []inode
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			nodes = append(nodes, inode{kind: iText, text: text.String()})
			text.Reset()
		}
	}
	addHTML := func(h string) {
		flush()
		nodes = append(nodes, inode{kind: iHTML, text: h})
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && s[i+1] == '\n':
			addHTML("<br>\n")
			i += 2
			continue
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			text.WriteByte(s[i+1])
			i += 2
			continue
		case c == '`':
			if code, n := codeSpan(s[i:]); n > 0 {
				addHTML("<code>" + html.EscapeString(code) + "</code>")
				i += n
				continue
			}
			n := runLen(s[i:], '`')
			text.WriteString(s[i : i+n])
			i += n
			continue
		case c == '$':
			if m, n := mathSpan(s[i:]); n > 0 {
				addHTML(`<span class="math">` + html.EscapeString(m) + "</span>")
				i += n
				continue
			}
		case c == '*' || c == '_':
			flush()
			n := runLen(s[i:], c)
			nodes = append(nodes, delimNode(s, i, n))
			i += n
			continue
		case c == '!' && i+1 < len(s) && s[i+1] == '[':
			if h, n := r.link(s[i+1:], true); n > 0 {
				addHTML(h)
				i += 1 + n
				continue
			}
		case c == '[':
			if h, n := r.link(s[i:], false); n > 0 {
				addHTML(h)
				i += n
				continue
			}
		case c == '<':
			if m := autolinkRe.FindStringSubmatch(s[i:]); m != nil {
				if u, ok := safeURL(m[1]); ok {
					addHTML(`<a href="` + html.EscapeString(u) + `">` + html.EscapeString(m[1]) + "</a>")
				} else {
					addHTML(html.EscapeString(m[0]))
				}
				i += len(m[0])
				continue
			}
			if m := emailRe.FindStringSubmatch(s[i:]); m != nil {
				addHTML(`<a href="mailto:` + html.EscapeString(m[1]) + `">` + html.EscapeString(m[1]) + "</a>")
				i += len(m[0])
				continue
			}
		case c == '\n':
			t := text.String()
			if strings.HasSuffix(t, "  ") {
				text.Reset()
				text.WriteString(strings.TrimRight(t, " "))
				addHTML("<br>\n")
			} else {
				text.Reset()
				text.WriteString(strings.TrimRight(t, " "))
				text.WriteByte('\n')
			}
			i++
			for i < len(s) && s[i] == ' ' {
				i++
			}
			continue
		}
		text.WriteByte(c)
		i++
	}
	flush()
	processEmphasis(nodes)
	var b strings.Builder
	for _, n := range nodes {
		switch n.kind {
		case iText:
			b.WriteString(escapeText(n.text))
		case iHTML:
			b.WriteString(n.text)
		case iDelim:
			for _, t := range n.closes {
				b.WriteString(t)
			}
			b.WriteString(strings.Repeat(string(n.ch), n.n))
			for k := len(n.opens) - 1; k >= 0; k-- {
				b.WriteString(n.opens[k])
			}
		}
	}
	return b.String()
}

// escapeText escapes text for HTML, reading the character references
// that markdown allows (&amp;, &copy;, &#123;) first.
func escapeText(s string) string {
	if strings.Contains(s, "&") {
		s = html.UnescapeString(s)
	}
	return html.EscapeString(s)
}

func isASCIIPunct(c byte) bool {
	return c < 128 && unicode.IsPunct(rune(c)) || strings.IndexByte("$+<=>^`|~", c) >= 0
}

// runLen is the length of the run of c that starts s.
func runLen(s string, c byte) int {
	n := 0
	for n < len(s) && s[n] == c {
		n++
	}
	return n
}

// codeSpan parses a code span at the start of s: its content and length,
// or 0 when the backticks are not closed.
func codeSpan(s string) (string, int) {
	n := runLen(s, '`')
	for j := n; j < len(s); {
		k := strings.IndexByte(s[j:], '`')
		if k < 0 {
			return "", 0
		}
		j += k
		m := runLen(s[j:], '`')
		if m == n {
			code := strings.ReplaceAll(s[n:j], "\n", " ")
			if len(code) >= 2 && code[0] == ' ' && code[len(code)-1] == ' ' && strings.Trim(code, " ") != "" {
				code = code[1 : len(code)-1]
			}
			return code, j + m
		}
		j += m
	}
	return "", 0
}

// mathSpan parses $$...$$ or $...$ (the opening $ not followed by a space,
// the closing one not preceded by a space nor followed by a digit) at the
// start of s: the math with its dollars, and the length.
func mathSpan(s string) (string, int) {
	if strings.HasPrefix(s, "$$") {
		if j := strings.Index(s[2:], "$$"); j > 0 {
			return s[:j+4], j + 4
		}
		return "", 0
	}
	if len(s) < 3 || s[1] == ' ' || s[1] == '\n' || s[1] == '$' {
		return "", 0
	}
	for j := 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '$':
			if s[j-1] == ' ' || s[j-1] == '\n' || j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
				continue
			}
			return s[:j+1], j + 1
		}
	}
	return "", 0
}

// delimNode makes the node of a run of n delimiters at s[i:], deciding
// whether it can open or close emphasis from the characters around it.
func delimNode(s string, i, n int) inode {
	c := s[i]
	before, after := ' ', ' '
	if i > 0 {
		before, _ = utf8.DecodeLastRuneInString(s[:i])
	}
	if i+n < len(s) {
		after, _ = utf8.DecodeRuneInString(s[i+n:])
	}
	space := func(r rune) bool { return unicode.IsSpace(r) }
	punct := func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }
	left := !space(after) && (!punct(after) || space(before) || punct(before))
	right := !space(before) && (!punct(before) || space(after) || punct(after))
	nd := inode{kind: iDelim, ch: c, n: n, orig: n}
	if c == '*' {
		nd.canOpen, nd.canClose = left, right
	} else {
		nd.canOpen = left && (!right || punct(before))
		nd.canClose = right && (!left || punct(after))
	}
	return nd
}

// processEmphasis pairs delimiter runs into <em> and <strong>, after
// CommonMark's algorithm.
func processEmphasis(nodes []inode) {
	for ci := range nodes {
		c := &nodes[ci]
		if c.kind != iDelim || !c.canClose {
			continue
		}
		for c.n > 0 {
			oi := -1
			for j := ci - 1; j >= 0; j-- {
				o := &nodes[j]
				if o.kind != iDelim || o.inactive || o.ch != c.ch || !o.canOpen || o.n == 0 {
					continue
				}
				if (o.canClose || c.canOpen) && (o.orig+c.orig)%3 == 0 && !(o.orig%3 == 0 && c.orig%3 == 0) {
					continue
				}
				oi = j
				break
			}
			if oi < 0 {
				break
			}
			o := &nodes[oi]
			k, tag := 1, "em"
			if o.n >= 2 && c.n >= 2 {
				k, tag = 2, "strong"
			}
			o.n -= k
			c.n -= k
			o.opens = append(o.opens, "<"+tag+">")
			c.closes = append(c.closes, "</"+tag+">")
			for j := oi + 1; j < ci; j++ {
				if nodes[j].kind == iDelim {
					nodes[j].inactive = true
				}
			}
		}
	}
}

// link parses [text](destination "title") at the start of s, an image's
// when image is set (s starts at its "["): the HTML and the length, or 0.
func (r *mdRenderer) link(s string, image bool) (string, int) {
	depth, end := 0, -1
	for j := 0; j < len(s) && end < 0; j++ {
		switch s[j] {
		case '\\':
			j++
		case '`':
			if _, n := codeSpan(s[j:]); n > 0 {
				j += n - 1
			}
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				end = j
			}
		}
	}
	if end < 0 || end+1 >= len(s) || s[end+1] != '(' {
		return "", 0
	}
	label := s[1:end]
	dest, title, n := linkTail(s[end+1:])
	if n == 0 {
		return "", 0
	}
	total := end + 1 + n
	titleAttr := ""
	if title != "" {
		titleAttr = ` title="` + html.EscapeString(title) + `"`
	}
	if image {
		alt := plainText(label)
		if uri, ok := r.imageSource(dest); ok {
			return `<img src="` + html.EscapeString(uri) + `" alt="` + html.EscapeString(alt) + `"` + titleAttr + ">", total
		}
		// An image from elsewhere is not loaded: the page stays
		// self-contained. It becomes a link.
		if u, ok := safeURL(dest); ok {
			return `<a class="image-link" href="` + html.EscapeString(u) + `"` + titleAttr + ">[image: " + html.EscapeString(alt) + "]</a>", total
		}
		return html.EscapeString("[image: " + alt + "]"), total
	}
	inner := r.inline(label)
	if u, ok := safeURL(dest); ok {
		return `<a href="` + html.EscapeString(u) + `"` + titleAttr + ">" + inner + "</a>", total
	}
	return inner, total
}

// linkTail parses "(destination "title")" at the start of s.
func linkTail(s string) (dest, title string, n int) {
	j := 1
	for j < len(s) && (s[j] == ' ' || s[j] == '\n') {
		j++
	}
	if j < len(s) && s[j] == '<' {
		k := strings.IndexAny(s[j:], ">\n")
		if k < 0 || s[j+k] != '>' {
			return "", "", 0
		}
		dest = s[j+1 : j+k]
		j += k + 1
	} else {
		start, depth := j, 0
	loop:
		for j < len(s) {
			switch s[j] {
			case '\\':
				j++
			case '(':
				depth++
			case ')':
				if depth == 0 {
					break loop
				}
				depth--
			case ' ', '\n', '\t':
				break loop
			}
			j++
		}
		if j > len(s) {
			return "", "", 0
		}
		dest = s[start:j]
	}
	for j < len(s) && (s[j] == ' ' || s[j] == '\n') {
		j++
	}
	if j < len(s) && (s[j] == '"' || s[j] == '\'' || s[j] == '(') {
		closer := s[j]
		if closer == '(' {
			closer = ')'
		}
		k := strings.IndexByte(s[j+1:], closer)
		if k < 0 {
			return "", "", 0
		}
		title = s[j+1 : j+1+k]
		j += k + 2
		for j < len(s) && (s[j] == ' ' || s[j] == '\n') {
			j++
		}
	}
	if j >= len(s) || s[j] != ')' {
		return "", "", 0
	}
	return unescapeMD(dest), unescapeMD(title), j + 1
}

// unescapeMD removes the backslashes of escaped punctuation and reads
// character references.
func unescapeMD(s string) string {
	if strings.Contains(s, `\`) {
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			if s[i] == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
				i++
			}
			b.WriteByte(s[i])
		}
		s = b.String()
	}
	return html.UnescapeString(s)
}

// plainText is the text of inline markdown without its markup (for an
// image's alt text).
func plainText(s string) string {
	s = inlineLink.ReplaceAllString(s, "$1")
	return strings.NewReplacer("*", "", "_", "", "`", "", `\`, "").Replace(s)
}

var dataImageRe = regexp.MustCompile(`^data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$`)

// imageSource returns the data: URI an image may be shown from: an
// attachment of the cell or an inline data: URI of a raster image.
func (r *mdRenderer) imageSource(dest string) (string, bool) {
	if name, ok := strings.CutPrefix(dest, "attachment:"); ok {
		uri, ok := r.attachments[name]
		return uri, ok
	}
	if dataImageRe.MatchString(dest) {
		return dest, true
	}
	return "", false
}

// safeURL returns a link target that is safe to follow: relative, or of
// the schemes http, https, mailto and ftp.
func safeURL(u string) (string, bool) {
	u = strings.TrimSpace(u)
	clean := strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, u)
	i := strings.IndexAny(clean, ":/?#")
	if i < 0 || clean[i] != ':' {
		return u, true // relative
	}
	switch strings.ToLower(clean[:i]) {
	case "http", "https", "mailto", "ftp":
		return u, true
	}
	return "", false
}
