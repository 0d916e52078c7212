package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

func TestAutoIndent(t *testing.T) {
	h := newHarness(t, notebook(""))
	h.typeIn(0, "func f() {")
	e := h.cell(0).editor.entry
	e.TypedKey(key(fyne.KeyReturn))
	test.Type(e, "if x {")
	e.TypedKey(key(fyne.KeyReturn))
	test.Type(e, "y(")
	e.TypedKey(key(fyne.KeyReturn))
	test.Type(e, "1,")
	e.TypedKey(key(fyne.KeyReturn))
	test.Type(e, ")")
	e.TypedKey(key(fyne.KeyReturn))
	test.Type(e, "}")
	e.TypedKey(key(fyne.KeyReturn))
	test.Type(e, "}")
	want := "func f() {\n\tif x {\n\t\ty(\n\t\t\t1,\n\t\t)\n\t}\n}"
	if e.Text != want {
		t.Errorf("typed\n%q\nwant\n%q", e.Text, want)
	}
	if got := h.v.Document().Cells[0].Source; got != want {
		t.Errorf("document has %q", got)
	}
	// The line count grows the editor and its gutter.
	if h.cell(0).editor.lines != 7 {
		t.Errorf("%d lines", h.cell(0).editor.lines)
	}
	// A newline typed as a rune is plain.
	test.Type(e, "\nz")
	if e.Text != want+"\nz" {
		t.Errorf("rune newline: %q", e.Text)
	}
}

func TestTabIndentsOrCompletes(t *testing.T) {
	h := newHarness(t, notebook(""))
	e := h.cell(0).editor.entry
	h.typeIn(0, "")
	e.TypedKey(key(fyne.KeyTab))
	if e.Text != "\t" {
		t.Errorf("Tab at the start: %q", e.Text)
	}
	// Shift+Tab takes it back.
	e.KeyDown(key(desktop.KeyShiftLeft))
	e.TypedKey(key(fyne.KeyTab))
	e.KeyUp(key(desktop.KeyShiftLeft))
	if e.Text != "" {
		t.Errorf("Shift+Tab: %q", e.Text)
	}
	// After a name, Tab asks the kernel.
	h.k.completions.Matches = nil
	test.Type(e, "fmt.Pr")
	e.TypedKey(key(fyne.KeyTab))
	h.waitFor("the completion", func() bool { return h.lastStatus() == "No completions." })
	if e.Text != "fmt.Pr" {
		t.Errorf("Tab after a name inserted: %q", e.Text)
	}
}

func TestEditorShortcutsRun(t *testing.T) {
	h := newHarness(t, notebook("value 1", "value 2"))
	h.typeIn(0, "")
	e := h.cell(0).editor.entry
	// Alt+Enter runs and inserts a cell below.
	e.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierAlt})
	h.idle()
	if len(h.v.cells) != 3 || h.v.Selected() != 1 || h.v.editing != h.cell(1) || h.cell(1).editor.source() != "" {
		t.Errorf("Alt+Enter: %d cells, selected %d", len(h.v.cells), h.v.Selected())
	}
	if h.outputText(0) != "1" {
		t.Errorf("output %q", h.outputText(0))
	}
	// Shift+Enter on a cell that is not the last selects the next one,
	// editing it.
	h.v.editCell(h.cell(0), 0, 0)
	shiftEnter(h.cell(0).editor.entry)
	h.idle()
	if h.v.Selected() != 1 || h.v.editing != h.cell(1) || len(h.v.cells) != 3 {
		t.Errorf("Shift+Enter: selected %d, editing %v, %d cells", h.v.Selected(), h.v.editing != nil, len(h.v.cells))
	}
}

func TestEditorHeightFollowsLines(t *testing.T) {
	h := newHarness(t, notebook("a"))
	ed := h.cell(0).editor
	h1 := ed.MinSize().Height
	h.typeIn(0, "\nb\nc")
	h2 := ed.MinSize().Height
	if h2 <= h1 {
		t.Errorf("3 lines: height %v, 1 line: %v", h2, h1)
	}
	// Not editing, the highlighted source has the same height.
	h.v.commandMode()
	if h3 := ed.MinSize().Height; h3 != h2 {
		t.Errorf("height %v not editing, %v editing", h3, h2)
	}
	if !ed.gutter.Visible() || ed.gutter.String() != "1\n2\n3" {
		t.Errorf("gutter %q", ed.gutter.String())
	}
}
