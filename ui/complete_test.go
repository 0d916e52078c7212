package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"workbench/interp"
)

var testCandidates = []interp.Candidate{
	{Name: "Linspace", Kind: "func", Signature: "func Linspace(start, stop float64, num int) *Array", Doc: "Linspace returns evenly spaced numbers."},
	{Name: "Log", Kind: "func", Signature: "func Log(x *Array) *Array", Doc: "Log is the natural logarithm."},
	{Name: "Log10", Kind: "func", Signature: "func Log10(x *Array) *Array"},
	{Name: "Ones", Kind: "func", Signature: "func Ones(shape ...int) *Array"},
}

func TestCompletionPopupInserts(t *testing.T) {
	h := newHarness(t, notebook(""))
	h.k.completions.Matches = testCandidates
	h.typeIn(0, "y := arrays.L")
	e := h.cell(0).editor.entry
	e.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeySpace, Modifier: fyne.KeyModifierControl})
	h.waitFor("the pop-up", func() bool { return h.v.comp != nil })
	m := h.v.comp
	if h.focused() != m {
		t.Fatalf("the pop-up does not have the keyboard: %T", h.focused())
	}
	names := func() string {
		var s []string
		for _, c := range m.shown {
			s = append(s, c.Name)
		}
		return strings.Join(s, " ")
	}
	if got := names(); got != "Linspace Log Log10" {
		t.Errorf("shown %q", got)
	}
	if !strings.Contains(m.doc.Text, "func Linspace(") || !strings.Contains(m.doc.Text, "evenly spaced") {
		t.Errorf("doc line %q", m.doc.Text)
	}
	// Typing narrows the list (and goes into the editor).
	test.Type(m, "o")
	if got := names(); got != "Log Log10" || e.Text != "y := arrays.Lo" {
		t.Errorf("after o: %q, text %q", got, e.Text)
	}
	m.TypedKey(key(fyne.KeyDown))
	if !strings.Contains(m.doc.Text, "Log10") {
		t.Errorf("Down: doc %q", m.doc.Text)
	}
	m.TypedKey(key(fyne.KeyReturn))
	if e.Text != "y := arrays.Log10" || h.v.comp != nil {
		t.Errorf("inserted: %q (pop-up %v)", e.Text, h.v.comp != nil)
	}
	if h.focused() != e {
		t.Errorf("focus on %T after inserting", h.focused())
	}
	if got := h.v.Document().Cells[0].Source; got != "y := arrays.Log10" {
		t.Errorf("document %q", got)
	}
	// Esc closes without inserting; a click inserts.
	test.Type(e, "(arrays.L")
	e.TypedKey(key(fyne.KeyTab))
	h.waitFor("the pop-up", func() bool { return h.v.comp != nil })
	h.v.comp.TypedKey(key(fyne.KeyEscape))
	if h.v.comp != nil || e.Text != "y := arrays.Log10(arrays.L" {
		t.Errorf("Esc: %q", e.Text)
	}
	e.TypedKey(key(fyne.KeyTab))
	h.waitFor("the pop-up", func() bool { return h.v.comp != nil })
	var row *completionRow
	for _, o := range test.LaidOutObjects(h.v.comp.list) {
		if r, ok := o.(*completionRow); ok && r.id == 0 && r.Visible() {
			row = r
		}
	}
	if row == nil {
		t.Fatal("no row for the first match")
	}
	test.Tap(row)
	if e.Text != "y := arrays.Log10(arrays.Linspace" {
		t.Errorf("click: %q", e.Text)
	}
}

func TestCompletionSingleMatchInserts(t *testing.T) {
	h := newHarness(t, notebook(""))
	h.k.completions.Matches = testCandidates[3:]
	h.typeIn(0, "arrays.On")
	e := h.cell(0).editor.entry
	e.TypedKey(key(fyne.KeyTab))
	h.waitFor("the insertion", func() bool { return e.Text == "arrays.Ones" })
	if h.v.comp != nil {
		t.Error("a pop-up for one match")
	}
}
