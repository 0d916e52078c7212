package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"workbench/sessions"
)

// typeKeys types runes at the view, in command mode.
func (h *harness) typeKeys(keys string) {
	h.v.commandMode()
	for _, r := range keys {
		h.focused().TypedRune(r)
	}
}

func TestCommandModeKeys(t *testing.T) {
	h := newHarness(t, notebook("one", "two", "three"))
	check := func(what string, want ...string) {
		t.Helper()
		if got := h.sources(); !slices.Equal(got, want) {
			t.Errorf("%s: cells %q, want %q", what, got, want)
		}
	}
	h.v.Select(1)
	h.typeKeys("a")
	check("A", "one", "", "two", "three")
	if h.v.Selected() != 1 {
		t.Errorf("A selects %d", h.v.Selected())
	}
	h.typeKeys("b")
	check("B", "one", "", "", "two", "three")
	if h.v.Selected() != 2 {
		t.Fatalf("B selects %d", h.v.Selected())
	}
	h.typeKeys("dd")
	check("DD", "one", "", "two", "three")
	if h.v.Selected() != 2 {
		t.Errorf("after DD the cell below is selected, not %d", h.v.Selected())
	}
	h.v.Select(1)
	h.typeKeys("dd")
	check("DD", "one", "two", "three")
	h.typeKeys("z")
	check("Z", "one", "", "two", "three")
	h.typeKeys("z")
	check("Z Z", "one", "", "", "two", "three")
	h.v.Select(1)
	h.typeKeys("dddd")
	check("DD DD", "one", "two", "three")
	// d, then another key, then d does not delete.
	h.v.Select(0)
	h.typeKeys("djd")
	check("d j d", "one", "two", "three")

	// M and Y change the type; Z brings the code cell back.
	h.v.Select(1)
	h.typeKeys("m")
	if c := h.v.Document().Cells[1]; c.Type != sessions.MarkdownCell || c.Source != "two" {
		t.Errorf("M: %s %q", c.Type, c.Source)
	}
	h.typeKeys("y")
	if c := h.v.Document().Cells[1]; c.Type != sessions.CodeCell {
		t.Errorf("Y: %s", c.Type)
	}

	// X, V, C, V: cut and paste cells.
	h.v.Select(0)
	h.typeKeys("x")
	check("X", "two", "three")
	h.typeKeys("v")
	check("V", "two", "one", "three")
	h.typeKeys("c")
	h.v.Select(2)
	h.typeKeys("v")
	check("C, V", "two", "one", "three", "one")
	if ids := []string{h.v.Document().Cells[1].ID, h.v.Document().Cells[3].ID}; ids[0] == ids[1] {
		t.Error("a pasted cell has the id of the copied one")
	}
	if got := h.app.Clipboard().Content(); got != "one" {
		t.Errorf("clipboard %q", got)
	}

	// J, K, Up and Down select.
	h.v.Select(0)
	h.typeKeys("jj")
	if h.v.Selected() != 2 {
		t.Errorf("J J: %d", h.v.Selected())
	}
	h.typeKeys("k")
	h.focused().TypedKey(key(fyne.KeyUp))
	if h.v.Selected() != 0 {
		t.Errorf("K, Up: %d", h.v.Selected())
	}
	h.focused().TypedKey(key(fyne.KeyDown))
	if h.v.Selected() != 1 {
		t.Errorf("Down: %d", h.v.Selected())
	}

	// Move up and down.
	h.v.MoveSelected(-1)
	check("move up", "one", "two", "three", "one")
	h.v.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierControl})
	check("move down", "two", "one", "three", "one")
	if h.v.Selected() != 1 {
		t.Errorf("moved cell selected %d", h.v.Selected())
	}
	h.v.Undo()
	check("undo move", "one", "two", "three", "one")

	// Enter edits, Esc leaves.
	h.focused().TypedKey(key(fyne.KeyReturn))
	if h.v.editing == nil || h.focused() != h.v.editing.editor.entry {
		t.Fatalf("Enter: editing %v", h.v.editing)
	}
	h.focused().TypedKey(key(fyne.KeyEscape))
	if h.v.editing != nil || h.focused() != h.v {
		t.Error("Esc did not leave edit mode")
	}

	// Shift+Enter in command mode runs and moves on.
	h.v.Select(2)
	shiftEnter(h.v)
	h.idle()
	if h.v.Selected() != 3 || !slices.Equal(h.k.executed(), []string{"three"}) {
		t.Errorf("Shift+Enter in command mode: selected %d, ran %v", h.v.Selected(), h.k.executed())
	}
	if h.changed == 0 {
		t.Error("no Changed events")
	}
}

func TestDeleteLastCellLeavesOne(t *testing.T) {
	h := newHarness(t, notebook("only"))
	h.typeKeys("dd")
	if got := h.sources(); !slices.Equal(got, []string{""}) {
		t.Errorf("cells %q", got)
	}
	h.v.Undo()
	if got := h.sources(); !slices.Equal(got, []string{"only"}) {
		t.Errorf("after undo %q", got)
	}
}

func TestClickSelectsAndEdits(t *testing.T) {
	h := newHarness(t, notebook("a := 1\nb := 2", "c := 3"))
	// A click on the cell (not its editor) selects it in command mode.
	test.Tap(h.cell(1))
	if h.v.Selected() != 1 || h.v.editing != nil || h.focused() != h.v {
		t.Errorf("tap: selected %d, editing %v, focus %T", h.v.Selected(), h.v.editing, h.focused())
	}
	// A click in the source edits it there.
	ed := h.cell(0).editor
	th := ed.Theme()
	line := ed.lineHeight()
	pos := fyne.NewPos(ed.gutterWidth()+th.Size("innerPadding")+3*charWidth(ed), th.Size("innerPadding")+1.5*line)
	test.TapAt(ed, pos)
	if h.v.editing != h.cell(0) || h.focused() != ed.entry {
		t.Fatalf("tap in the source: editing %v focus %T", h.v.editing, h.focused())
	}
	if ed.entry.CursorRow != 1 || ed.entry.CursorColumn != 3 {
		t.Errorf("cursor at %d:%d, want 1:3", ed.entry.CursorRow, ed.entry.CursorColumn)
	}
}

// charWidth is the width of a monospace character in ed.
func charWidth(ed *sourceEditor) float32 {
	th := ed.Theme()
	return fyne.MeasureText("M", th.Size("text"), fyne.TextStyle{Monospace: true}).Width
}

func TestFind(t *testing.T) {
	h := newHarness(t, notebook("x := 1", "print Apple", "y := 2", "value apple pie"))
	h.v.RunAll()
	h.idle()
	h.v.Select(0)
	if n := h.v.Find("APPLE"); n != 2 || h.v.Selected() != 1 {
		t.Errorf("find: %d matches, selected %d", n, h.v.Selected())
	}
	if n := h.v.Find("apple"); n != 2 || h.v.Selected() != 3 {
		t.Errorf("find next: %d, selected %d", n, h.v.Selected())
	}
	h.v.Find("apple")
	if h.v.Selected() != 1 {
		t.Errorf("find wraps to %d", h.v.Selected())
	}
	// Outputs are searched too.
	h.v.Select(0)
	if n := h.v.Find("pie"); n != 1 || h.v.Selected() != 3 {
		t.Errorf("find in outputs: %d, %d", n, h.v.Selected())
	}
	if n := h.v.Find("absent"); n != 0 {
		t.Errorf("absent: %d", n)
	}
	// The find bar.
	h.typeKeys("f")
	if !h.v.find.Visible() || h.focused() != h.v.find.entry {
		t.Fatalf("F: bar %v, focus %T", h.v.find.Visible(), h.focused())
	}
	test.Type(h.v.find.entry, "y :=")
	h.v.find.entry.TypedKey(key(fyne.KeyReturn))
	if h.v.Selected() != 2 || h.v.find.count.Text != "1 cell" {
		t.Errorf("find bar: selected %d, %q", h.v.Selected(), h.v.find.count.Text)
	}
	h.v.find.entry.TypedKey(key(fyne.KeyEscape))
	if h.v.find.Visible() || h.focused() != h.v {
		t.Error("Esc did not close the find bar")
	}
}

func TestDocumentReflectsEdits(t *testing.T) {
	h := newHarness(t, notebook("x := 1"))
	h.typeIn(0, "\ny := x")
	h.v.InsertCell(true, sessions.MarkdownCell)
	h.v.editCell(h.cell(1), -1, -1)
	test.Type(h.cell(1).editor.entry, "# Notes")
	doc := h.v.Document()
	if len(doc.Cells) != 2 || doc.Cells[0].Source != "x := 1\ny := x" || doc.Cells[1].Source != "# Notes" || doc.Cells[1].Type != sessions.MarkdownCell {
		t.Errorf("document: %+v %+v", doc.Cells[0], doc.Cells[1])
	}
	before := h.changed
	h.typeIn(0, "!")
	if h.changed <= before {
		t.Error("typing sends no Changed")
	}
	code, cur, ok := h.v.CursorContext()
	if !ok || code != "x := 1\ny := x!" || cur != len(code) {
		t.Errorf("CursorContext = %q, %d, %v", code, cur, ok)
	}
	h.v.commandMode()
	if _, _, ok := h.v.CursorContext(); ok {
		t.Error("CursorContext in command mode")
	}
}

func TestMergeAndPasteAbove(t *testing.T) {
	h := newHarness(t, notebook("a", "b", "c"))
	h.typeKeys("M")
	if got := h.sources(); !slices.Equal(got, []string{"a\n\nb", "c"}) {
		t.Errorf("Shift+M: %q", got)
	}
	h.v.Select(1)
	h.typeKeys("cV")
	if got := h.sources(); !slices.Equal(got, []string{"a\n\nb", "c", "c"}) || h.v.Selected() != 1 {
		t.Errorf("C, Shift+V: %q, selected %d", got, h.v.Selected())
	}
	h.typeKeys("z")
	h.typeKeys("z")
	if got := h.sources(); !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Errorf("Z Z: %q", got)
	}
}
