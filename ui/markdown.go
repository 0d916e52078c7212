package ui

// Markdown cells: Fyne's markdown renderer (headings, lists, code,
// emphasis, links, quotes), with LaTeX math ($...$ and $$...$$) turned into
// readable Unicode text first and shown as code, so that markdown's own
// rules (_ and * inside formulas) never mangle it.

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"workbench/sessions"
)

// renderMarkdown returns the rich text of a markdown cell.
func renderMarkdown(src string) *widget.RichText {
	rt := widget.NewRichTextFromMarkdown(mathToCode(src))
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// mathToCode replaces the math spans of markdown src, outside code, by
// code spans holding their Unicode rendering: $$...$$ (which may span
// lines) as a paragraph of its own, $...$ inline. As in Pandoc, an inline
// span's $ must not be followed by a space (opening) nor preceded by one
// (closing), the closing $ must not be followed by a digit, and \$ is a
// dollar sign.
func mathToCode(src string) string {
	var b strings.Builder
	lines := strings.SplitAfter(src, "\n")
	inFence := false
	var fence string
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		trim := strings.TrimSpace(line)
		if inFence {
			b.WriteString(line)
			if strings.HasPrefix(trim, fence) {
				inFence = false
			}
			continue
		}
		if strings.HasPrefix(trim, "```") || strings.HasPrefix(trim, "~~~") {
			inFence, fence = true, trim[:3]
			b.WriteString(line)
			continue
		}
		if strings.HasPrefix(trim, "$$") {
			// Display math, up to the line that closes it.
			body := strings.TrimPrefix(trim, "$$")
			j := i
			for !strings.Contains(body, "$$") && j+1 < len(lines) {
				j++
				body += "\n" + strings.TrimSpace(lines[j])
			}
			if k := strings.Index(body, "$$"); k >= 0 {
				rest := strings.TrimSpace(body[k+2:])
				body = body[:k]
				b.WriteString("\n" + codeSpan(latexText(body)) + "\n\n")
				if rest != "" {
					b.WriteString(inlineMath(rest) + "\n")
				}
				i = j
				continue
			}
		}
		b.WriteString(inlineMath(line))
	}
	return b.String()
}

// inlineMath replaces the $...$ spans of one line, outside code spans.
func inlineMath(line string) string {
	var b strings.Builder
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '\\' && i+1 < len(line) && line[i+1] == '$':
			b.WriteString(`\$`)
			i++
		case c == '`':
			// A code span: copy it through its closing run of backticks.
			n := 1
			for i+n < len(line) && line[i+n] == '`' {
				n++
			}
			run := line[i : i+n]
			if end := strings.Index(line[i+n:], run); end >= 0 {
				b.WriteString(line[i : i+n+end+n])
				i += n + end + n - 1
			} else {
				b.WriteString(run)
				i += n - 1
			}
		case c == '$' && i+1 < len(line) && line[i+1] != ' ' && line[i+1] != '$':
			end := closingDollar(line, i+1)
			if end < 0 {
				b.WriteByte(c)
				continue
			}
			b.WriteString(codeSpan(latexText(line[i+1 : end])))
			i = end
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// closingDollar returns the index of the $ that closes an inline span
// whose text starts at from, or -1.
func closingDollar(line string, from int) int {
	for j := from; j < len(line); j++ {
		switch line[j] {
		case '\\':
			j++
		case '$':
			if line[j-1] == ' ' || j+1 < len(line) && unicode.IsDigit(rune(line[j+1])) {
				return -1
			}
			return j
		}
	}
	return -1
}

// codeSpan returns s as a markdown code span, fenced by more backticks
// than s has in a row.
func codeSpan(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "\n", " ")
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// markdownOutput shows a text/markdown output.
type markdownOutput struct {
	widget.BaseWidget
	rich *widget.RichText
}

func newMarkdownOutput() *markdownOutput {
	m := &markdownOutput{rich: renderMarkdown("")}
	m.ExtendBaseWidget(m)
	return m
}

func (m *markdownOutput) update(o *sessions.Output) bool {
	src, ok := o.Data["text/markdown"]
	if !ok {
		return false
	}
	m.rich.ParseMarkdown(mathToCode(string(src)))
	return true
}

// CreateRenderer implements fyne.Widget.
func (m *markdownOutput) CreateRenderer() fyne.WidgetRenderer { return newWrapRenderer(m.rich) }
