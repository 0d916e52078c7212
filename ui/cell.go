package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workbench/sessions"
)

// runState is where a cell is in the run queue.
type runState int

const (
	idle runState = iota
	queued
	running
)

// doubleTapDelay is the most time between two taps of a double tap (the
// cell tells them apart itself, so that a single tap is not delayed).
const doubleTapDelay = 400 * time.Millisecond

// cellWidget shows one cell: on the left its execution count ("[3]:",
// "[*]:" while queued or running), a run button and the time it ran (or
// has been running); on the right its editor (a markdown cell: the
// rendered text, or the editor while it is edited) and its outputs. The
// selected cell has a bar in the theme's primary color on its left.
type cellWidget struct {
	widget.BaseWidget
	view   *NotebookView
	cell   *sessions.Cell
	editor *sourceEditor
	md     *widget.RichText // a markdown cell's rendered text
	outs   *outputArea
	env    *outputEnv

	prompt *canvas.Text
	timer  *canvas.Text
	runBtn *widget.Button
	bar    *canvas.Rectangle
	bg     *canvas.Rectangle

	selected bool
	// editingMD is set while a markdown cell shows its editor.
	editingMD bool
	state     runState
	started   time.Time
	// took is how long the last run took (0: not known).
	took    time.Duration
	lastTap time.Time
	// min caches the minimum size at width minW (a notebook's layout
	// asks every cell; measuring text is dear): valid until Refresh.
	min      fyne.Size
	minW     float32
	minValid bool
}

func newCellWidget(v *NotebookView, c *sessions.Cell) *cellWidget {
	cw := &cellWidget{view: v, cell: c}
	cw.env = &outputEnv{
		scroll:  v.parentScroll,
		width:   v.outputWidth,
		source:  func() string { return cw.cell.Source },
		status:  v.status,
		resized: func() { cw.relayout() },
		tapped:  func() { cw.Tapped(nil) },
		keys:    v,
	}
	cw.editor = newSourceEditor(cw, c.Type == sessions.CodeCell, c.Source)
	cw.outs = newOutputArea(cw.env)
	cw.prompt = canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder))
	cw.prompt.TextStyle.Monospace = true
	cw.prompt.Alignment = fyne.TextAlignTrailing
	cw.timer = canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder))
	cw.timer.Alignment = fyne.TextAlignTrailing
	cw.runBtn = widget.NewButtonWithIcon("", theme.MediaPlayIcon(), cw.runTapped)
	cw.runBtn.Importance = widget.LowImportance
	cw.bar = canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	cw.bg = canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	if c.Type == sessions.MarkdownCell {
		cw.md = widget.NewRichText()
		cw.md.Wrapping = fyne.TextWrapWord
		cw.setMarkdown(c.Source)
	}
	cw.outs.sync(c.Outputs)
	cw.markError()
	cw.ExtendBaseWidget(cw)
	cw.updatePrompt()
	return cw
}

// isCode reports whether the cell is a code cell.
func (cw *cellWidget) isCode() bool { return cw.cell.Type == sessions.CodeCell }

// setMarkdown renders a markdown cell's source.
func (cw *cellWidget) setMarkdown(src string) {
	if src == "" {
		cw.md.Segments = []widget.RichTextSegment{&widget.TextSegment{
			Text:  "Empty markdown cell: double-click or press Enter to edit.",
			Style: widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, TextStyle: fyne.TextStyle{Italic: true}},
		}}
		cw.md.Refresh()
		return
	}
	cw.md.ParseMarkdown(mathToCode(src))
}

// sourceChanged: the user edited the source.
func (cw *cellWidget) sourceChanged(text string, resized bool) {
	cw.cell.Source = text
	if resized {
		cw.relayout()
	}
	cw.view.changed()
}

// relayout lays the cell and the notebook out again after a change of
// size.
func (cw *cellWidget) relayout() {
	cw.Refresh()
	cw.view.relayout()
}

// startEditing shows the editor (markdown: instead of the rendered text)
// and focuses it.
func (cw *cellWidget) startEditing(row, col int) {
	if !cw.isCode() && !cw.editingMD {
		cw.editingMD = true
		cw.relayout()
	}
	cw.editor.startEditing(row, col)
}

// stopEditing ends editing: a markdown cell is rendered again.
func (cw *cellWidget) stopEditing() {
	cw.editor.stopEditing()
	if !cw.isCode() && cw.editingMD {
		cw.editingMD = false
		cw.setMarkdown(cw.editor.source())
		cw.relayout()
	}
}

// setSelected shows the cell as selected or not.
func (cw *cellWidget) setSelected(sel bool) {
	if cw.selected != sel {
		cw.selected = sel
		cw.Refresh()
	}
}

// runTapped is the run button: run the cell, or stop it while it runs.
func (cw *cellWidget) runTapped() {
	if cw.state != idle {
		cw.view.Interrupt()
		return
	}
	cw.view.selectCell(cw)
	cw.view.enqueue([]*cellWidget{cw})
}

// Tapped implements fyne.Tappable: select the cell (command mode); a
// second tap soon after edits a markdown cell.
func (cw *cellWidget) Tapped(*fyne.PointEvent) {
	now := time.Now()
	double := now.Sub(cw.lastTap) < doubleTapDelay
	cw.lastTap = now
	if double && !cw.isCode() {
		cw.view.editCell(cw, -1, -1)
		return
	}
	cw.view.selectCell(cw)
	cw.view.commandMode()
}

// TappedSecondary implements fyne.SecondaryTappable: the cell's menu.
func (cw *cellWidget) TappedSecondary(ev *fyne.PointEvent) {
	v := cw.view
	v.selectCell(cw)
	v.commandMode()
	kind := "Markdown"
	to := sessions.MarkdownCell
	if !cw.isCode() {
		kind, to = "Code", sessions.CodeCell
	}
	showMenu(cw, ev,
		fyne.NewMenuItem("Run", func() { v.RunSelected(false) }),
		fyne.NewMenuItem("Run all above", v.RunAbove),
		fyne.NewMenuItem("Run this and below", v.RunBelow),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Insert cell above", func() { v.InsertCell(false, sessions.CodeCell) }),
		fyne.NewMenuItem("Insert cell below", func() { v.InsertCell(true, sessions.CodeCell) }),
		fyne.NewMenuItem("Change to "+kind, func() { v.SetSelectedType(to) }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Cut cell", v.Cut),
		fyne.NewMenuItem("Copy cell", v.Copy),
		fyne.NewMenuItem("Paste cell below", v.Paste),
		fyne.NewMenuItem("Delete cell", v.DeleteSelected),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Clear output", func() { v.ClearOutputs(false) }),
		fyne.NewMenuItem("Copy output text", cw.copyOutputs),
	)
}

// copyOutputs copies the text of the cell's outputs.
func (cw *cellWidget) copyOutputs() {
	var text string
	for i := range cw.cell.Outputs {
		if t := plainText(&cw.cell.Outputs[i]); t != "" {
			if text != "" && text[len(text)-1] != '\n' {
				text += "\n"
			}
			text += t
		}
	}
	fyne.CurrentApp().Clipboard().SetContent(text)
}

// updatePrompt writes the execution count, the state and the time.
func (cw *cellWidget) updatePrompt() {
	if !cw.isCode() {
		cw.prompt.Text, cw.timer.Text = "", ""
		return
	}
	switch cw.state {
	case queued:
		cw.prompt.Text, cw.timer.Text = "[*]:", "queued"
	case running:
		cw.prompt.Text = "[*]:"
		cw.timer.Text = formatDuration(time.Since(cw.started))
	default:
		cw.prompt.Text = "[ ]:"
		if n := cw.cell.ExecutionCount; n != nil {
			cw.prompt.Text = fmt.Sprintf("[%d]:", *n)
		}
		cw.timer.Text = ""
		if cw.took > 0 {
			cw.timer.Text = formatDuration(cw.took)
		}
	}
	icon := theme.MediaPlayIcon()
	if cw.state != idle {
		icon = theme.MediaStopIcon()
	}
	if cw.runBtn.Icon != icon {
		cw.runBtn.SetIcon(icon)
	}
	cw.prompt.Refresh()
	cw.timer.Refresh()
}

// formatDuration writes a run's time: "0.4s", "12.3s", "2m05s".
func formatDuration(d time.Duration) string {
	if d < time.Minute {
		return fmt.Sprintf("%.1fs", d.Seconds())
	}
	d = d.Round(time.Second)
	return fmt.Sprintf("%dm%02ds", int(d.Minutes()), int(d.Seconds())%60)
}

// markError marks the line of the cell's error, if any, in the gutter.
func (cw *cellWidget) markError() {
	line := 0
	for i := range cw.cell.Outputs {
		if o := &cw.cell.Outputs[i]; o.Type == sessions.OutputError {
			if l, _ := errorLine(o); l > 0 {
				line = l
			}
		}
	}
	cw.editor.setErrorLine(line)
}

// syncOutputs brings the output views in step with the document.
func (cw *cellWidget) syncOutputs() {
	if cw.outs.sync(cw.cell.Outputs) {
		cw.relayout()
	}
}

// resetOutputs drops the output views (the outputs were cleared).
func (cw *cellWidget) resetOutputs() {
	cw.outs.reset()
	cw.outs.sync(cw.cell.Outputs)
	cw.markError()
	cw.relayout()
}

// CreateRenderer implements fyne.Widget.
func (cw *cellWidget) CreateRenderer() fyne.WidgetRenderer { return &cellRenderer{cw: cw} }

// MinSize implements fyne.CanvasObject, from the cache while the cell has
// neither changed nor been resized.
func (cw *cellWidget) MinSize() fyne.Size {
	w := cw.Size().Width
	if cw.minValid && cw.minW == w {
		return cw.min
	}
	cw.min, cw.minW, cw.minValid = cw.BaseWidget.MinSize(), w, true
	return cw.min
}

// Refresh implements fyne.CanvasObject: the cell is measured again.
func (cw *cellWidget) Refresh() {
	cw.minValid = false
	cw.BaseWidget.Refresh()
}
