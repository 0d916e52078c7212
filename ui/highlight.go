package ui

// Go syntax highlighting: go/scanner splits a cell into tokens, each kind
// of token gets a style, and the styles name theme colors (see
// syntaxTheme), so that the light and the dark theme both work.

import (
	"go/scanner"
	"go/token"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tokenKind is what a span of source is, for highlighting.
type tokenKind uint8

// The kinds of highlighted spans.
const (
	tokPlain tokenKind = iota
	tokKeyword
	tokString
	tokNumber
	tokComment
	tokBuiltin
)

// span is a highlighted part of a cell's source, in byte offsets.
type span struct {
	start, end int
	kind       tokenKind
}

// predeclared are Go's predeclared identifiers (types, constants, nil and
// the built-in functions) with the engine's own (display, progress).
var predeclared = map[string]bool{}

func init() {
	for _, s := range strings.Fields(`any bool byte comparable complex64 complex128 error float32
		float64 int int8 int16 int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr
		true false iota nil append cap clear close complex copy delete imag len make max min new
		panic print println real recover display progress`) {
		predeclared[s] = true
	}
}

// tokenize returns the highlighted spans of src in order; text between
// them is plain. It never fails: partial or wrong code gives what the
// scanner makes of it.
func tokenize(src string) []span {
	var spans []span
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), func(token.Position, string) {}, scanner.ScanComments)
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		off := file.Offset(pos)
		if off >= len(src) {
			break
		}
		var kind tokenKind
		end := off + len(lit)
		switch {
		case tok == token.COMMENT:
			kind = tokComment
			end = literalEnd(src, off, lit)
		case tok == token.STRING || tok == token.CHAR:
			kind = tokString
			end = literalEnd(src, off, lit)
		case tok == token.INT || tok == token.FLOAT || tok == token.IMAG:
			kind = tokNumber
		case tok.IsKeyword():
			kind = tokKeyword
			end = off + len(tok.String())
		case tok == token.IDENT && predeclared[lit]:
			kind = tokBuiltin
		default:
			continue
		}
		spans = append(spans, span{off, min(end, len(src)), kind})
	}
	return spans
}

// literalEnd returns where a comment or string literal that starts at off
// ends in src. The scanner drops carriage returns from raw strings and
// comments, so the literal's length may fall short of the source's.
func literalEnd(src string, off int, lit string) int {
	rest := src[off:]
	switch {
	case strings.HasPrefix(rest, "/*"):
		if i := strings.Index(rest[2:], "*/"); i >= 0 {
			return off + 2 + i + 2
		}
		return len(src)
	case strings.HasPrefix(rest, "`"):
		if i := strings.IndexByte(rest[1:], '`'); i >= 0 {
			return off + 1 + i + 1
		}
		return len(src)
	}
	return min(off+len(lit), len(src))
}

// The theme colors of highlighted code, which syntaxTheme derives from the
// app theme's own colors.
const (
	colorNameSyntaxKeyword fyne.ThemeColorName = "workbench.syntax.keyword"
	colorNameSyntaxString  fyne.ThemeColorName = "workbench.syntax.string"
	colorNameSyntaxNumber  fyne.ThemeColorName = "workbench.syntax.number"
	colorNameSyntaxComment fyne.ThemeColorName = "workbench.syntax.comment"
	colorNameSyntaxBuiltin fyne.ThemeColorName = "workbench.syntax.builtin"
)

// tokenColor is the theme color of each kind of span.
func tokenColor(k tokenKind) fyne.ThemeColorName {
	switch k {
	case tokKeyword:
		return colorNameSyntaxKeyword
	case tokString:
		return colorNameSyntaxString
	case tokNumber:
		return colorNameSyntaxNumber
	case tokComment:
		return colorNameSyntaxComment
	case tokBuiltin:
		return colorNameSyntaxBuiltin
	}
	return theme.ColorNameForeground
}

// codeStyle is the style of a span of code of kind k.
func codeStyle(k tokenKind) widget.RichTextStyle {
	st := widget.RichTextStyle{
		Inline:    true,
		ColorName: tokenColor(k),
		TextStyle: fyne.TextStyle{Monospace: true},
	}
	// No bold or italic: monospace fonts come in one style (and a theme
	// need not have the others).
	return st
}

// highlight returns the rich-text segments of src, highlighted.
func highlight(src string) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	add := func(text string, k tokenKind) {
		if text != "" {
			segs = append(segs, &widget.TextSegment{Text: text, Style: codeStyle(k)})
		}
	}
	at := 0
	for _, s := range tokenize(src) {
		if s.start < at {
			continue
		}
		add(src[at:s.start], tokPlain)
		add(src[s.start:s.end], s.kind)
		at = s.end
	}
	add(src[at:], tokPlain)
	if len(segs) == 0 {
		add(" ", tokPlain) // keep one line's height
	}
	return segs
}

// expandTabs replaces the tabs in segs' text by spaces up to the next
// tab stop (every 4 columns from the start of the line), as the entry
// draws them: Fyne measures a tab from the start of each text it draws,
// so a tab in a segment that starts mid-line would come out too wide.
func expandTabs(segs []widget.RichTextSegment) []widget.RichTextSegment {
	const tabWidth = 4
	col := 0
	for _, s := range segs {
		ts, ok := s.(*widget.TextSegment)
		if !ok {
			continue
		}
		if !strings.Contains(ts.Text, "\t") {
			if i := strings.LastIndexByte(ts.Text, '\n'); i >= 0 {
				col = utf8.RuneCountInString(ts.Text[i+1:])
			} else {
				col += utf8.RuneCountInString(ts.Text)
			}
			continue
		}
		var b strings.Builder
		for _, r := range ts.Text {
			switch r {
			case '\t':
				n := tabWidth - col%tabWidth
				b.WriteString("    "[:n])
				col += n
				continue
			case '\n':
				col = 0
			default:
				col++
			}
			b.WriteRune(r)
		}
		ts.Text = b.String()
	}
	return segs
}
