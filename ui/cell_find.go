package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// cellMatches reports whether cw's source or the text of its outputs
// contains text (lower case), ignoring case.
func cellMatches(cw *cellWidget, text string) bool {
	if strings.Contains(strings.ToLower(cw.editor.source()), text) {
		return true
	}
	for i := range cw.cell.Outputs {
		if strings.Contains(strings.ToLower(plainText(&cw.cell.Outputs[i])), text) {
			return true
		}
	}
	return false
}

// findNext selects the next cell after the selected one (wrapping) that
// matches text, ignoring case, and returns how many cells match.
func (v *NotebookView) findNext(text string) int {
	text = strings.ToLower(text)
	if text == "" {
		return 0
	}
	var matches []int
	for i, cw := range v.cells {
		if cellMatches(cw, text) {
			matches = append(matches, i)
		}
	}
	if len(matches) == 0 {
		v.status(fmt.Sprintf("%q not found.", text))
		return 0
	}
	next := matches[0]
	for _, i := range matches {
		if i > v.sel {
			next = i
			break
		}
	}
	v.Select(next)
	return len(matches)
}

// findBar is the find field at the top of the view.
type findBar struct {
	widget.BaseWidget
	v     *NotebookView
	entry *findEntry
	count *widget.Label
	box   *fyne.Container
}

// findEntry is the find bar's field: Enter finds the next match, Esc
// closes the bar.
type findEntry struct {
	widget.Entry
	bar *findBar
}

// TypedKey implements fyne.Focusable.
func (e *findEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		e.bar.close()
		return
	}
	e.Entry.TypedKey(k)
}

func newFindBar(v *NotebookView) *findBar {
	f := &findBar{v: v, count: widget.NewLabel("")}
	f.entry = &findEntry{bar: f}
	f.entry.ExtendBaseWidget(f.entry)
	f.entry.SetPlaceHolder("Find in the notebook (Enter: next, Esc: close)")
	f.entry.OnSubmitted = func(string) { f.next() }
	next := widget.NewButtonWithIcon("", theme.MoveDownIcon(), f.next)
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), f.close)
	next.Importance, closeBtn.Importance = widget.LowImportance, widget.LowImportance
	f.box = container.NewBorder(nil, nil, nil, container.NewHBox(f.count, next, closeBtn), f.entry)
	f.ExtendBaseWidget(f)
	f.Hide()
	return f
}

// CreateRenderer implements fyne.Widget.
func (f *findBar) CreateRenderer() fyne.WidgetRenderer { return newWrapRenderer(f.box) }

// next finds the next match of the field's text.
func (f *findBar) next() {
	n := f.v.findNext(f.entry.Text)
	switch {
	case f.entry.Text == "":
		f.count.SetText("")
	case n == 0:
		f.count.SetText("no match")
	case n == 1:
		f.count.SetText("1 cell")
	default:
		f.count.SetText(fmt.Sprintf("%d cells", n))
	}
}

// open shows the bar and focuses its field.
func (f *findBar) open() {
	f.Show()
	f.v.root.Refresh()
	if c := fyne.CurrentApp().Driver().CanvasForObject(f.v); c != nil {
		c.Focus(f.entry)
	}
}

// close hides the bar and gives the keyboard back to the notebook.
func (f *findBar) close() {
	if !f.Visible() {
		return
	}
	f.Hide()
	f.v.root.Refresh()
	f.v.commandMode()
}
