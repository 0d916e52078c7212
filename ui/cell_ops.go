package ui

// Operations on whole cells: insert, delete, cut, copy, paste, move,
// change type; each saves the cell list first, so Undo (Z) can bring it
// back. A cell's widget keeps its document cell, so a snapshot of the
// widgets is a snapshot of the notebook's cells.

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"

	"workbench/sessions"
)

// undoDepth is how many cell operations Undo can take back.
const undoDepth = 100

// snapshot is the cell list before an operation.
type snapshot struct {
	cells []*cellWidget
	sel   int
}

// save records the cell list for Undo.
func (v *NotebookView) save() {
	v.undo = append(v.undo, snapshot{slices.Clone(v.cells), v.sel})
	if len(v.undo) > undoDepth {
		v.undo = slices.Delete(v.undo, 0, len(v.undo)-undoDepth)
	}
}

// setCells replaces the cell list, selects sel and tells the shell.
func (v *NotebookView) setCells(cells []*cellWidget, sel int) {
	v.stopEditing()
	for _, cw := range v.cells {
		cw.setSelected(false)
	}
	v.cells = cells
	v.doc.Cells = make([]*sessions.Cell, len(cells))
	for i, cw := range cells {
		v.doc.Cells[i] = cw.cell
	}
	v.showCells()
	v.sel = -1
	v.Select(sel)
	v.changed()
}

// insertAt inserts a new cell of kind at index i (no undo record: the
// caller saves) and selects it.
func (v *NotebookView) insertAt(i int, kind sessions.CellType) {
	c := sessions.NewCode("")
	if kind == sessions.MarkdownCell {
		c = sessions.NewMarkdown("")
	}
	cw := newCellWidget(v, c)
	v.setCells(slices.Insert(slices.Clone(v.cells), i, cw), i)
}

func (v *NotebookView) insertCell(below bool, kind sessions.CellType) {
	v.save()
	i := max(v.sel, 0)
	if below && len(v.cells) > 0 {
		i++
	}
	v.insertAt(min(i, len(v.cells)), kind)
}

func (v *NotebookView) deleteSelected() {
	if v.selected() == nil {
		return
	}
	v.save()
	cells := slices.Delete(slices.Clone(v.cells), v.sel, v.sel+1)
	if len(cells) == 0 {
		cells = append(cells, newCellWidget(v, sessions.NewCode("")))
	}
	v.setCells(cells, min(v.sel, len(cells)-1))
	v.status("Cell deleted (Z to undo).")
}

func (v *NotebookView) undoOp() {
	if len(v.undo) == 0 {
		v.status("Nothing to undo.")
		return
	}
	s := v.undo[len(v.undo)-1]
	v.undo = v.undo[:len(v.undo)-1]
	v.setCells(s.cells, s.sel)
}

func (v *NotebookView) copyCell() {
	cw := v.selected()
	if cw == nil {
		return
	}
	cw.cell.Source = cw.editor.source()
	v.clip = []*sessions.Cell{cw.cell.Clone()}
	fyne.CurrentApp().Clipboard().SetContent(cw.cell.Source)
}

func (v *NotebookView) cutCell() {
	if v.selected() == nil {
		return
	}
	v.copyCell()
	v.deleteSelected()
}

// pasteCells pastes the copied cells below (or above) the selected one.
func (v *NotebookView) pasteCells(below bool) {
	if len(v.clip) == 0 {
		return
	}
	v.save()
	i := max(v.sel, 0)
	if below && len(v.cells) > 0 {
		i++
	}
	var add []*cellWidget
	for _, c := range v.clip {
		c = c.Clone()
		c.ID = sessions.NewCellID()
		add = append(add, newCellWidget(v, c))
	}
	v.setCells(slices.Insert(slices.Clone(v.cells), i, add...), i+len(add)-1)
}

func (v *NotebookView) moveSelected(delta int) {
	j := v.sel + delta
	if v.selected() == nil || j < 0 || j >= len(v.cells) {
		return
	}
	v.save()
	cells := slices.Clone(v.cells)
	cells[v.sel], cells[j] = cells[j], cells[v.sel]
	v.setCells(cells, j)
}

// setSelectedType changes the selected cell's type: the cell is replaced
// by a copy of the new type (outputs dropped when it stops being code),
// so that Undo brings the old one back.
func (v *NotebookView) setSelectedType(kind sessions.CellType) {
	cw := v.selected()
	if cw == nil || cw.cell.Type == kind {
		return
	}
	v.save()
	c := cw.cell.Clone()
	c.Source = cw.editor.source()
	c.Type = kind
	if kind != sessions.CodeCell {
		c.Outputs, c.ExecutionCount, c.Record = nil, nil, nil
	} else {
		c.Attachments = nil
	}
	cells := slices.Clone(v.cells)
	cells[v.sel] = newCellWidget(v, c)
	v.setCells(cells, v.sel)
}

// mergeBelow joins the selected cell and the one below it (Shift+M).
func (v *NotebookView) mergeBelow() {
	cw := v.selected()
	if cw == nil || v.sel+1 >= len(v.cells) {
		return
	}
	next := v.cells[v.sel+1]
	v.save()
	c := cw.cell.Clone()
	c.Source = strings.TrimRight(cw.editor.source(), "\n") + "\n\n" + next.editor.source()
	clearRun(c)
	cells := slices.Clone(v.cells)
	cells[v.sel] = newCellWidget(v, c)
	cells = slices.Delete(cells, v.sel+1, v.sel+2)
	v.setCells(cells, v.sel)
}
