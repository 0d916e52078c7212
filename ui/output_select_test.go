package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestSelectOutputText: a drag over a text output selects, Ctrl+C and
// the menu copy the selection, and the keys go on to the notebook.
func TestSelectOutputText(t *testing.T) {
	h := newHarness(t, notebook("print hello, world\nprint second line"))
	h.v.RunAll()
	h.idle()
	to, ok := h.cell(0).outs.views[0].(*textOutput)
	if !ok {
		t.Fatalf("shown as %T", h.cell(0).outs.views[0])
	}
	s := to.sel
	pad, lineH, size, style := s.metrics()
	at := func(row int, prefix string) fyne.Position {
		return fyne.NewPos(pad+fyne.MeasureText(prefix, size, style).Width+1, pad+float32(row)*lineH+lineH/2)
	}
	// The selection widget lies under the text, at its size.
	if s.Size() != to.rich.Size() || s.Position() != to.rich.Position() {
		t.Errorf("selection layer %v at %v, text %v at %v", s.Size(), s.Position(), to.rich.Size(), to.rich.Position())
	}
	// Drag from "world" on the first line to after "second" on the next:
	// the press selects the cell too.
	h.v.Select(1)
	s.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at(0, "hello, ")}, Button: desktop.MouseButtonPrimary})
	s.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: at(1, "second")}})
	s.DragEnd()
	if got := s.SelectedText(); got != "world\nsecond" {
		t.Fatalf("selected %q", got)
	}
	if h.focused() != s || h.v.Selected() != 0 {
		t.Errorf("the focus is on %T, not the output; cell %d selected", h.focused(), h.v.Selected())
	}
	// Drawn: one rectangle per row, in the selection color.
	if len(s.rects) != 2 {
		t.Fatalf("%d selection rectangles", len(s.rects))
	}
	if r := s.rects[0].(*canvas.Rectangle); r.FillColor != theme.Color(theme.ColorNameSelection) || r.Position().X < at(0, "hello,").X {
		t.Errorf("first row's selection %v at %v", r.FillColor, r.Position())
	}
	clip := h.app.Clipboard()
	clip.SetContent("")
	s.TypedShortcut(&fyne.ShortcutCopy{Clipboard: clip})
	if clip.Content() != "world\nsecond" {
		t.Errorf("Ctrl+C copied %q", clip.Content())
	}
	// The menu: Copy, Copy output, Select all.
	s.TappedSecondary(&fyne.PointEvent{Position: at(0, "")})
	over := h.win.Canvas().Overlays().Top()
	if over == nil {
		t.Fatal("no menu")
	}
	h.win.Canvas().Overlays().Remove(over)
	s.selectAll()
	if got := s.SelectedText(); got != "hello, world\nsecond line" {
		t.Errorf("select all: %q", got)
	}
	// A click without a drag clears the selection and selects the cell.
	h.v.Select(1)
	test.Tap(s)
	if s.SelectedText() != "" || h.v.Selected() != 0 {
		t.Errorf("after a click: selection %q, cell %d selected", s.SelectedText(), h.v.Selected())
	}
	// Keys go on to the notebook: B adds a cell below.
	n := len(h.v.cells)
	h.win.Canvas().Focus(s)
	s.TypedRune('b')
	if len(h.v.cells) != n+1 {
		t.Errorf("B with the output focused: %d cells, want %d", len(h.v.cells), n+1)
	}
	// New text clears the selection; a double click selects a word.
	s.DoubleTapped(&fyne.PointEvent{Position: at(0, "hello, wo")})
	if got := s.SelectedText(); got != "world" {
		t.Errorf("double click: %q", got)
	}
}
