package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"workbench/sessions"
)

func TestLatexText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`x^2 + y_i`, "x² + yᵢ"},
		{`\alpha + \beta \le \gamma`, "α + β ≤ γ"},
		{`\frac{1}{2}`, "1/2"},
		{`\frac{a+b}{c}`, "(a+b)/c"},
		{`\sqrt{x}`, "√x"},
		{`\sum_{i=1}^{n} x_i`, "∑ᵢ₌₁ⁿ xᵢ"},
		{`e^{-t/\tau}`, "e^(−t/τ)"},
		{`\mathbb{R}^n`, "ℝⁿ"},
		{`\text{if } x \to \infty`, "if  x → ∞"},
		{`\hat{x}`, "x̂"},
		{`\left( a \right)`, "( a )"},
		{`\unknown{z}`, "unknownz"},
		{`x^{2`, "x²"},
	} {
		if got := latexText(tc.in); got != tc.want {
			t.Errorf("latexText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestMathToCode(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Energy $E = mc^2$ here.", "Energy `E = mc²` here."},
		{"Costs $5 and $6 each.", "Costs $5 and $6 each."},
		{`A \$ sign and $x$`, "A \\$ sign and `x`"},
		{"Code `$x$` stays.", "Code `$x$` stays."},
		{"```\n$x$\n```\n$y$", "```\n$x$\n```\n`y`"},
		{"$$\n\\sum_i a_i\n$$\nafter", "\n`∑ᵢ aᵢ`\n\nafter"},
		{"$$x^2$$", "\n`x²`\n\n"},
		{"a $b$ c $d$", "a `b` c `d`"},
	} {
		if got := mathToCode(tc.in); got != tc.want {
			t.Errorf("mathToCode(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := codeSpan("a`b"); got != "``a`b``" {
		t.Errorf("codeSpan = %q", got)
	}
}

func TestRenderMarkdown(t *testing.T) {
	test.NewTempApp(t)
	rt := renderMarkdown("# Title\n\nSome *emphasis*, `code` and [a link](https://go.dev).\n\n- one\n- two\n\nMath: $\\alpha^2$")
	var kinds []string
	text := rt.String()
	for _, s := range rt.Segments {
		switch s := s.(type) {
		case *widget.HyperlinkSegment:
			kinds = append(kinds, "link")
		case *widget.ListSegment:
			kinds = append(kinds, "list")
		case *widget.TextSegment:
			if s.Style == widget.RichTextStyleHeading {
				kinds = append(kinds, "heading")
			}
		}
	}
	for _, k := range []string{"heading", "list"} {
		if !strings.Contains(strings.Join(kinds, " "), k) {
			t.Errorf("no %s in %v", k, kinds)
		}
	}
	for _, want := range []string{"Title", "emphasis", "code", "α²"} {
		if !strings.Contains(text, want) {
			t.Errorf("rendered text %q lacks %q", text, want)
		}
	}
}

// TestMarkdownCellEditing: a markdown cell shows rendered text; a double
// click (or Enter) edits it; Shift+Enter renders it again.
func TestMarkdownCellEditing(t *testing.T) {
	nb := sessions.New()
	nb.Cells = append(nb.Cells, sessions.NewMarkdown("# Hello"), sessions.NewCode("value 1"))
	h := newHarness(t, nb)
	cw := h.cell(0)
	main, _ := (&cellRenderer{cw: cw}).body()
	if main != cw.md || !strings.Contains(cw.md.String(), "Hello") {
		t.Fatalf("markdown cell shows %T %q", main, cw.md.String())
	}
	test.Tap(cw)
	test.Tap(cw) // a double click
	if !cw.editingMD || h.v.editing != cw || h.focused() != cw.editor.entry {
		t.Fatalf("double click: editing %v, focus %T", cw.editingMD, h.focused())
	}
	if main, _ := (&cellRenderer{cw: cw}).body(); main != cw.editor {
		t.Errorf("editing shows %T", main)
	}
	cw.editor.entry.SetText("")
	test.Type(cw.editor.entry, "## Changed $x^2$")
	shiftEnter(cw.editor.entry)
	if cw.editingMD || !strings.Contains(cw.md.String(), "Changed x²") {
		t.Errorf("after Shift+Enter: editing %v, shows %q", cw.editingMD, cw.md.String())
	}
	if h.v.Selected() != 1 || len(h.k.executed()) != 0 {
		t.Errorf("selected %d, ran %v", h.v.Selected(), h.k.executed())
	}
	if got := h.v.Document().Cells[0].Source; got != "## Changed $x^2$" {
		t.Errorf("document has %q", got)
	}
	// Enter in command mode edits the selected cell.
	h.v.Select(0)
	h.v.commandMode()
	h.v.TypedKey(key(fyne.KeyReturn))
	if !cw.editingMD {
		t.Error("Enter did not edit the markdown cell")
	}
}
