package ui

import (
	"testing"

	"fyne.io/fyne/v2/widget"

	"workbench/interp"
)

func TestVariablesPanel(t *testing.T) {
	h := newShellHarness(t)
	s := h.open()
	s.New()
	k := h.waitKernel().(*shellKernel)
	k.mu.Lock()
	k.vars = []interp.Variable{
		{Name: "x", Type: "*arrays.Array", Shape: "(3, 4)", DType: "float64", Summary: "[[0 1 2 3] ...]"},
		{Name: "n", Type: "int", Summary: "12"},
	}
	k.mu.Unlock()
	if k.varCalls != 0 {
		t.Error("variables asked for while the panel is hidden")
	}
	s.MenuItem("View", "Variables Panel").Action()
	if !s.VariablesShown() || !s.MenuItem("View", "Variables Panel").Checked {
		t.Fatal("panel not shown")
	}
	h.wait("the variables", func() bool { return len(s.Variables()) == 2 })
	// The table shows name, type, shape, dtype and value.
	var row []string
	for col := range variableColumns {
		l := widget.NewLabel("")
		s.vars.table.UpdateCell(widget.TableCellID{Row: 0, Col: col}, l)
		row = append(row, l.Text)
	}
	want := []string{"x", "*arrays.Array", "(3, 4)", "float64", "[[0 1 2 3] ...]"}
	for i := range want {
		if row[i] != want[i] {
			t.Errorf("column %d: %q, want %q", i, row[i], want[i])
		}
	}
	// Refreshed after each cell.
	calls := func() int { k.mu.Lock(); defer k.mu.Unlock(); return k.varCalls }
	before := calls()
	k.mu.Lock()
	k.vars = append(k.vars, interp.Variable{Name: "y", Type: "string"})
	k.mu.Unlock()
	s.onRan(2)
	h.wait("the refresh", func() bool { return len(s.Variables()) == 3 })
	if calls() != before+1 {
		t.Errorf("%d requests after a cell, want 1", calls()-before)
	}
	// Beside the help panel too.
	s.ShowHelp(true)
	if s.split == nil {
		t.Error("no split with both panels")
	}
	s.ShowVariables(false)
	s.ShowHelp(false)
	if s.split != nil || len(s.center.Objects) != 1 || s.center.Objects[0] != s.View() {
		t.Error("panels hidden but the notebook is not alone")
	}
}
