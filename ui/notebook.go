package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"workbench/sessions"
)

// NotebookView shows one notebook as a scrolling list of cells and runs
// them in a kernel. It is a fyne.Widget: put it in a window's content.
//
// (Skeleton: the contract between the view and the app shell; the view's
// work fills it in.)
type NotebookView struct {
	widget.BaseWidget
	doc *sessions.Notebook
	k   Kernel
	ev  ViewEvents
	sel int
}

// NewNotebookView returns a view of doc that runs cells in k. k may be nil
// (cells cannot run until SetKernel). Opening never runs anything.
func NewNotebookView(doc *sessions.Notebook, k Kernel, ev ViewEvents) *NotebookView {
	v := &NotebookView{doc: doc, k: k, ev: ev}
	v.ExtendBaseWidget(v)
	return v
}

// CreateRenderer implements fyne.Widget.
func (v *NotebookView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(widget.NewLabel("notebook"))
}

// Document returns the notebook with the editors' current text.
func (v *NotebookView) Document() *sessions.Notebook { return v.doc }

// SetDocument replaces the notebook shown (File > Open, New).
func (v *NotebookView) SetDocument(doc *sessions.Notebook) { v.doc = doc; v.Refresh() }

// SetKernel sets the kernel that runs cells (after a start or restart by
// the shell).
func (v *NotebookView) SetKernel(k Kernel) { v.k = k }

// Kernel returns the kernel that runs cells, or nil.
func (v *NotebookView) Kernel() Kernel { return v.k }

// Selected returns the index of the selected cell (-1 for none).
func (v *NotebookView) Selected() int { return v.sel }

// Select selects cell i and scrolls it into view.
func (v *NotebookView) Select(i int) { v.sel = i }

// RunSelected queues the selected cell; advance moves the selection to the
// next cell (Shift+Enter), inserting one at the end, as Jupyter does.
func (v *NotebookView) RunSelected(advance bool) {}

// RunAll queues every code cell; RunAbove the cells above the selected
// one, RunBelow the selected one and those below.
func (v *NotebookView) RunAll()   {}
func (v *NotebookView) RunAbove() {}
func (v *NotebookView) RunBelow() {}

// Running reports whether a cell runs or waits in the queue.
func (v *NotebookView) Running() bool { return false }

// Interrupt stops the running cell and empties the queue.
func (v *NotebookView) Interrupt() {}

// Restart restarts the kernel (clearing execution counts' meaning), and
// then runs every cell when runAll.
func (v *NotebookView) Restart(runAll bool) {}

// ClearOutputs clears the selected cell's outputs, or every cell's.
func (v *NotebookView) ClearOutputs(all bool) {}

// InsertCell adds a cell of kind above or below the selected one and
// selects it.
func (v *NotebookView) InsertCell(below bool, kind sessions.CellType) {}

// DeleteSelected deletes the selected cell (Undo brings it back).
func (v *NotebookView) DeleteSelected() {}

// Undo undoes the last cell deletion (or other cell operation).
func (v *NotebookView) Undo() {}

// Cut, Copy and Paste work on whole cells (command mode's X, C, V).
func (v *NotebookView) Cut()   {}
func (v *NotebookView) Copy()  {}
func (v *NotebookView) Paste() {}

// MoveSelected moves the selected cell up (delta -1) or down (+1).
func (v *NotebookView) MoveSelected(delta int) {}

// SetSelectedType changes the selected cell to code or markdown.
func (v *NotebookView) SetSelectedType(kind sessions.CellType) {}

// Find selects the next cell (after the selected one, wrapping) whose
// source or text output contains text, and returns how many cells match.
func (v *NotebookView) Find(text string) int { return 0 }

// CursorContext returns the focused code editor's text and the cursor's
// byte offset in it, for the help panel; ok is false when no code editor
// has the focus.
func (v *NotebookView) CursorContext() (code string, cursor int, ok bool) { return "", 0, false }
