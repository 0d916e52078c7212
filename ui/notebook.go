package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workbench/sessions"
)

// NotebookView shows one notebook as a scrolling list of cells and runs
// them in a kernel. It is a fyne.Widget: put it in a window's content.
//
// Like Jupyter it has two modes. In edit mode a cell's editor has the
// keyboard (Shift+Enter runs the cell and moves on, Ctrl+Enter runs it in
// place, Alt+Enter runs it and inserts a cell below, Ctrl+Space or Tab
// after a name completes, Esc leaves to command mode). In command mode
// the view itself has it (it is fyne.Focusable and fyne.Shortcutable):
// Enter edits the selected cell, Up/Down or K/J select, A/B insert
// above/below, D D deletes, Z undoes, X/C/V cut, copy and paste cells
// (Shift+V pastes above), M/Y make the cell markdown/code, Shift+M merges
// it with the next, Ctrl+Up/Down move it, I I interrupts, 0 0 restarts, F
// or Ctrl+F finds; Shift+Enter and Ctrl+Enter run as in edit mode.
//
// Cells run one at a time, in the order they were queued, through the
// Kernel (another process: a cell can crash it, never the window); the
// running cell shows "[*]", the time it has run and its outputs as they
// come. Every change goes to the document, so Document is always ready to
// save. All methods are to be called on Fyne's UI goroutine.
type NotebookView struct {
	widget.BaseWidget
	doc *sessions.Notebook
	k   Kernel
	ev  ViewEvents
	sel int

	cells  []*cellWidget
	list   *vstack
	scroll *container.Scroll
	find   *findBar
	root   *fyne.Container

	// editing is the cell in edit mode; nil in command mode.
	editing *cellWidget
	keys    keyState
	undo    []snapshot
	clip    []*sessions.Cell
	q       runQueue
	// dirty are the cells whose outputs changed since they were drawn.
	dirty map[*cellWidget]bool
	comp  *completer
	// post runs f on the UI goroutine: fyne.Do, unless a test sets it.
	post func(f func())
}

// NewNotebookView returns a view of doc that runs cells in k. k may be nil
// (cells cannot run until SetKernel). Opening never runs anything. A
// notebook without cells gets one empty code cell (as in Jupyter); a nil
// doc is a new notebook.
func NewNotebookView(doc *sessions.Notebook, k Kernel, ev ViewEvents) *NotebookView {
	v := &NotebookView{k: k, ev: ev, dirty: map[*cellWidget]bool{}}
	v.ExtendBaseWidget(v)
	v.list = newVStack(0)
	v.list.grown = func() { v.scroll.Refresh() }
	v.scroll = container.NewVScroll(v.list)
	v.find = newFindBar(v)
	v.root = container.NewBorder(v.find, nil, nil, nil, v.scroll)
	v.setDocument(doc)
	return v
}

// CreateRenderer implements fyne.Widget.
func (v *NotebookView) CreateRenderer() fyne.WidgetRenderer { return newWrapRenderer(v.root) }

// Document returns the notebook with the editors' current text.
func (v *NotebookView) Document() *sessions.Notebook {
	for _, cw := range v.cells {
		cw.cell.Source = cw.editor.source()
	}
	return v.doc
}

// SetDocument replaces the notebook shown (File > Open, New). Cells
// waiting to run are dropped; one running goes on in the kernel, its
// outputs going to the old document.
func (v *NotebookView) SetDocument(doc *sessions.Notebook) {
	v.clearQueue()
	v.setDocument(doc)
	v.Refresh()
}

func (v *NotebookView) setDocument(doc *sessions.Notebook) {
	if doc == nil {
		doc = sessions.New()
	}
	if len(doc.Cells) == 0 {
		doc.Cells = append(doc.Cells, sessions.NewCode(""))
	}
	v.stopEditing()
	v.doc = doc
	v.undo = nil
	v.closeCompletion()
	v.cells = make([]*cellWidget, len(doc.Cells))
	for i, c := range doc.Cells {
		v.cells[i] = newCellWidget(v, c)
	}
	v.showCells()
	v.sel = -1
	v.Select(0)
	v.scroll.ScrollToTop()
}

// SetKernel sets the kernel that runs cells (after a start or restart by
// the shell).
func (v *NotebookView) SetKernel(k Kernel) { v.k = k }

// Kernel returns the kernel that runs cells, or nil.
func (v *NotebookView) Kernel() Kernel { return v.k }

// Selected returns the index of the selected cell (-1 for none).
func (v *NotebookView) Selected() int { return v.sel }

// Select selects cell i and scrolls it into view.
func (v *NotebookView) Select(i int) {
	if len(v.cells) == 0 {
		v.sel = -1
		return
	}
	i = min(max(i, 0), len(v.cells)-1)
	if i == v.sel {
		v.scrollTo(v.cells[i])
		return
	}
	if v.sel >= 0 && v.sel < len(v.cells) {
		v.cells[v.sel].setSelected(false)
	}
	if v.editing != nil && v.editing != v.cells[i] {
		v.stopEditing()
	}
	v.sel = i
	v.cells[i].setSelected(true)
	v.scrollTo(v.cells[i])
	if v.ev.Selected != nil {
		v.ev.Selected(i)
	}
}

// RunSelected queues the selected cell; advance moves the selection to the
// next cell (Shift+Enter), inserting one at the end, as Jupyter does.
func (v *NotebookView) RunSelected(advance bool) {
	if cw := v.selected(); cw != nil {
		m := runStay
		if advance {
			m = runAdvance
		}
		v.runFrom(cw, m)
	}
}

// RunAll queues every code cell; RunAbove the cells above the selected
// one, RunBelow the selected one and those below.
func (v *NotebookView) RunAll()   { v.enqueue(v.cells) }
func (v *NotebookView) RunAbove() { v.enqueue(v.cells[:max(v.sel, 0)]) }
func (v *NotebookView) RunBelow() { v.enqueue(v.cells[max(v.sel, 0):]) }

// Running reports whether a cell runs or waits in the queue.
func (v *NotebookView) Running() bool { return v.q.cur != nil || len(v.q.items) > 0 }

// Interrupt stops the running cell and empties the queue.
func (v *NotebookView) Interrupt() { v.interrupt() }

// Restart restarts the kernel (clearing execution counts' meaning), and
// then runs every cell when runAll.
func (v *NotebookView) Restart(runAll bool) { v.restart(runAll) }

// ClearOutputs clears the selected cell's outputs, or every cell's.
func (v *NotebookView) ClearOutputs(all bool) {
	cells := v.cells
	if !all {
		cells = nil
		if cw := v.selected(); cw != nil {
			cells = []*cellWidget{cw}
		}
	}
	changed := false
	for _, cw := range cells {
		if cw.isCode() && (len(cw.cell.Outputs) > 0 || cw.cell.ExecutionCount != nil) {
			if it := v.q.cur; it != nil && it.cw == cw {
				it.streams = nil
			}
			clearRun(cw.cell)
			cw.took = 0
			cw.resetOutputs()
			cw.updatePrompt()
			changed = true
		}
	}
	if changed {
		v.changed()
	}
}

// InsertCell adds a cell of kind above or below the selected one and
// selects it.
func (v *NotebookView) InsertCell(below bool, kind sessions.CellType) { v.insertCell(below, kind) }

// DeleteSelected deletes the selected cell (Undo brings it back).
func (v *NotebookView) DeleteSelected() { v.deleteSelected() }

// Undo undoes the last cell deletion (or other cell operation).
func (v *NotebookView) Undo() { v.undoOp() }

// Cut, Copy and Paste work on whole cells (command mode's X, C, V).
func (v *NotebookView) Cut()   { v.cutCell() }
func (v *NotebookView) Copy()  { v.copyCell() }
func (v *NotebookView) Paste() { v.pasteCells(true) }

// MoveSelected moves the selected cell up (delta -1) or down (+1).
func (v *NotebookView) MoveSelected(delta int) { v.moveSelected(delta) }

// SetSelectedType changes the selected cell to code or markdown.
func (v *NotebookView) SetSelectedType(kind sessions.CellType) { v.setSelectedType(kind) }

// Find selects the next cell (after the selected one, wrapping) whose
// source or text output contains text, and returns how many cells match.
func (v *NotebookView) Find(text string) int { return v.findNext(text) }

// CursorContext returns the focused code editor's text and the cursor's
// byte offset in it, for the help panel; ok is false when no code editor
// has the focus.
func (v *NotebookView) CursorContext() (code string, cursor int, ok bool) {
	cw := v.editing
	if cw == nil || !cw.isCode() {
		return "", 0, false
	}
	e := cw.editor.entry
	return e.Text, e.cursorByte(), true
}

// ShowFind shows the find bar at the top of the view, focused (Ctrl+F,
// or F in command mode); Enter finds the next match, Esc closes it.
func (v *NotebookView) ShowFind() { v.find.open() }

// EditSelected puts the selected cell in edit mode (Enter in command
// mode).
func (v *NotebookView) EditSelected() {
	if cw := v.selected(); cw != nil {
		v.editCell(cw, -1, -1)
	}
}

// CommandMode leaves edit mode and gives the view the keyboard (Esc).
func (v *NotebookView) CommandMode() { v.commandMode() }

// selected is the selected cell's widget, or nil.
func (v *NotebookView) selected() *cellWidget {
	if v.sel < 0 || v.sel >= len(v.cells) {
		return nil
	}
	return v.cells[v.sel]
}

// index returns cw's index, or -1.
func (v *NotebookView) index(cw *cellWidget) int {
	for i, c := range v.cells {
		if c == cw {
			return i
		}
	}
	return -1
}

// selectCell selects cw.
func (v *NotebookView) selectCell(cw *cellWidget) {
	if i := v.index(cw); i >= 0 {
		v.Select(i)
	}
}

// showCells puts the cells' widgets in the list.
func (v *NotebookView) showCells() {
	objs := make([]fyne.CanvasObject, len(v.cells))
	for i, cw := range v.cells {
		objs[i] = cw
	}
	v.list.set(objs)
	v.relayout()
}

// relayout lays the list out again after a cell changed size.
func (v *NotebookView) relayout() {
	v.list.Refresh()
	v.scroll.Refresh()
}

// scrollTo scrolls cw into view (its top, when it is taller than the
// view).
func (v *NotebookView) scrollTo(cw *cellWidget) {
	vh := v.scroll.Size().Height
	if vh <= 0 {
		return
	}
	y, h := cw.Position().Y, cw.Size().Height
	off := v.scroll.Offset.Y
	switch {
	case y < off:
		off = y
	case y+h > off+vh:
		off = min(y, y+h-vh)
	default:
		return
	}
	v.scroll.ScrollToOffset(fyne.NewPos(0, off))
}

// parentScroll is the notebook's scroller (for wide outputs).
func (v *NotebookView) parentScroll() *container.Scroll { return v.scroll }

// outputWidth is about the width outputs have (images are fitted to it
// until they are laid out).
func (v *NotebookView) outputWidth() float32 {
	w := v.Size().Width
	if w <= 0 {
		return 0
	}
	return max(w-100-4*theme.Padding(), 100)
}

// editCell puts cw in edit mode, its cursor at row and col (-1: where it
// was).
func (v *NotebookView) editCell(cw *cellWidget, row, col int) {
	v.selectCell(cw)
	if v.editing != nil && v.editing != cw {
		v.stopEditing()
	}
	v.editing = cw
	cw.startEditing(row, col)
	cw.Refresh()
}

// editingCell: cw's editor got the focus.
func (v *NotebookView) editingCell(cw *cellWidget) {
	if v.editing == cw {
		return
	}
	if v.editing != nil {
		v.stopEditing()
	}
	v.selectCell(cw)
	v.editing = cw
	cw.Refresh()
}

// stopEditing leaves edit mode; the keyboard, if the editor had it,
// goes to the view.
func (v *NotebookView) stopEditing() {
	cw := v.editing
	if cw == nil {
		return
	}
	v.editing = nil
	v.closeCompletion()
	cw.stopEditing()
	cw.Refresh()
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil && c.Focused() == cw.editor.entry {
		c.Focus(v)
	}
}

// Tapped implements fyne.Tappable: a click below the cells is command
// mode.
func (v *NotebookView) Tapped(*fyne.PointEvent) { v.commandMode() }

// commandMode leaves edit mode and focuses the view.
func (v *NotebookView) commandMode() {
	v.stopEditing()
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil && c.Focused() != v {
		c.Focus(v)
	}
}

// do runs f on the UI goroutine.
func (v *NotebookView) do(f func()) {
	if v.post != nil {
		v.post(f)
		return
	}
	fyne.Do(f)
}

// changed tells the shell the document changed.
func (v *NotebookView) changed() {
	if v.ev.Changed != nil {
		v.ev.Changed()
	}
}

// status tells the shell something for its status bar.
func (v *NotebookView) status(msg string) {
	if v.ev.Status != nil {
		v.ev.Status(msg)
	}
}
