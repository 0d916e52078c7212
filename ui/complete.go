package ui

// Completion: Ctrl+Space (or Tab after a name) asks the kernel for the
// names that fit at the cursor, off the UI goroutine, and shows them in a
// pop-up under the cursor with their signatures and first doc line.
// Typing goes on into the editor and narrows the list; Up/Down choose,
// Enter, Tab or a click inserts, Esc closes.

import (
	"context"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workbench/interp"
)

// completeTimeout bounds a completion request (the kernel answers once
// the running cell, if any, is done).
const completeTimeout = 5 * time.Second

// complete asks the kernel for completions at cw's cursor.
func (v *NotebookView) complete(cw *cellWidget) {
	k := v.k
	if k == nil {
		v.status("No kernel to complete with.")
		return
	}
	e := cw.editor.entry
	code, cur := e.Text, e.cursorByte()
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), completeTimeout)
		defer cancel()
		comp, err := k.Complete(ctx, code, cur)
		v.do(func() {
			if err != nil {
				v.status("Completion failed: " + err.Error())
				return
			}
			if v.editing != cw || e.Text != code || e.cursorByte() != cur {
				return // typed on, or left: the answer is stale
			}
			v.showCompletion(cw, comp, cur)
		})
	}()
}

// showCompletion inserts the only match, or shows them all.
func (v *NotebookView) showCompletion(cw *cellWidget, comp interp.Completion, cur int) {
	v.closeCompletion()
	switch len(comp.Matches) {
	case 0:
		v.status("No completions.")
		return
	case 1:
		cw.editor.entry.replaceBytes(comp.Start, comp.End, comp.Matches[0].Name)
		return
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(cw.editor.entry)
	if c == nil {
		return
	}
	v.comp = newCompleter(v, cw, comp, cur)
	v.comp.show(c)
}

// closeCompletion closes the pop-up, if any.
func (v *NotebookView) closeCompletion() {
	if v.comp != nil {
		v.comp.close()
	}
}

// completer is the completion pop-up's content. It takes the keyboard
// while shown (pop-ups have their own focus) and hands typing on to the
// editor.
type completer struct {
	widget.BaseWidget
	v    *NotebookView
	cw   *cellWidget
	comp interp.Completion
	// after is the length of the text after the cursor that the match
	// replaces (End - cursor at the request).
	after int
	shown []interp.Candidate
	cur   int

	list  *widget.List
	doc   *widget.Label
	popup *widget.PopUp
	box   *fyne.Container
}

func newCompleter(v *NotebookView, cw *cellWidget, comp interp.Completion, cur int) *completer {
	m := &completer{v: v, cw: cw, comp: comp, after: max(comp.End-cur, 0)}
	m.list = widget.NewList(
		func() int { return len(m.shown) },
		func() fyne.CanvasObject { return newCompletionRow(m) },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(m.shown) {
				o.(*completionRow).set(id, m.shown[id])
			}
		},
	)
	m.doc = widget.NewLabel("")
	m.doc.Wrapping = fyne.TextWrapWord
	m.box = container.NewBorder(nil, m.doc, nil, nil, m.list)
	m.filter()
	m.ExtendBaseWidget(m)
	return m
}

// shortSignature cuts a signature to its first line.
func shortSignature(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + " …"
	}
	return s
}

// CreateRenderer implements fyne.Widget.
func (m *completer) CreateRenderer() fyne.WidgetRenderer { return newWrapRenderer(m.box) }

// show pops the list up under the editor's cursor and gives it the
// keyboard.
func (m *completer) show(c fyne.Canvas) {
	e := m.cw.editor.entry
	th := m.v.Theme()
	rowH := newCompletionRow(m).MinSize().Height
	rows := min(len(m.shown), 8)
	docH := 2*fyne.MeasureText("M", th.Size(theme.SizeNameText), fyne.TextStyle{}).Height + 2*th.Size(theme.SizeNameInnerPadding)
	pad := th.Size(theme.SizeNamePadding)
	size := fyne.NewSize(min(560, c.Size().Width-20), float32(rows)*(rowH+pad)+docH+2*pad)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e).Add(e.CursorPosition())
	pos = pos.AddXY(0, fyne.MeasureText("M", th.Size(theme.SizeNameText), fyne.TextStyle{Monospace: true}).Height+th.Size(theme.SizeNameInnerPadding))
	if cs := c.Size(); cs.Height > 0 && pos.Y+size.Height > cs.Height {
		pos.Y = max(pos.Y-size.Height-2*rowH, 0)
	}
	m.popup = widget.NewPopUp(m, c)
	m.popup.Resize(size)
	m.popup.ShowAtPosition(pos)
	c.Focus(m)
}

// close hides the pop-up; the editor has the keyboard again.
func (m *completer) close() {
	if m.popup != nil {
		m.popup.Hide()
		m.popup = nil
	}
	if m.v.comp == m {
		m.v.comp = nil
	}
}

// typed returns the part of the name typed so far (from the completion's
// start to the cursor), and whether the cursor is still within a name.
func (m *completer) typed() (string, bool) {
	e := m.cw.editor.entry
	cur := e.cursorByte()
	if cur < m.comp.Start || cur > len(e.Text) {
		return "", false
	}
	s := e.Text[m.comp.Start:cur]
	for _, r := range s {
		if r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return "", false
		}
	}
	return s, true
}

// filter keeps the matches that fit what is typed: those that start with
// it (ignoring case) first, then those that contain it.
func (m *completer) filter() {
	p, _ := m.typed()
	p = strings.ToLower(p)
	var first, then []interp.Candidate
	for _, c := range m.comp.Matches {
		n := strings.ToLower(c.Name)
		switch {
		case strings.HasPrefix(n, p):
			first = append(first, c)
		case strings.Contains(n, p):
			then = append(then, c)
		}
	}
	m.shown = append(first, then...)
	m.cur = 0
	m.list.Refresh()
	m.choose(0)
}

// choose highlights match i and shows its signature and doc line.
func (m *completer) choose(i int) {
	if len(m.shown) == 0 {
		m.doc.SetText("no match")
		return
	}
	i = min(max(i, 0), len(m.shown)-1)
	m.cur = i
	m.list.Select(i)
	m.list.ScrollTo(i)
	c := m.shown[i]
	text := c.Signature
	if c.Doc != "" {
		text += "\n" + c.Doc
	}
	m.doc.SetText(text)
}

// insert puts the chosen name in place of the partial one.
func (m *completer) insert() {
	if m.cur >= len(m.shown) {
		m.close()
		return
	}
	e := m.cw.editor.entry
	name := m.shown[m.cur].Name
	cur := e.cursorByte()
	m.close()
	e.replaceBytes(m.comp.Start, min(cur+m.after, len(e.Text)), name)
	m.refocus()
}

// refocus gives the editor the keyboard back.
func (m *completer) refocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(m.cw.editor.entry); c != nil && c.Focused() != m.cw.editor.entry {
		c.Focus(m.cw.editor.entry)
	}
}

// FocusGained implements fyne.Focusable.
func (m *completer) FocusGained() {}

// FocusLost implements fyne.Focusable.
func (m *completer) FocusLost() {}

// TypedRune implements fyne.Focusable: typing goes to the editor and
// narrows the list; a character that cannot be in a name closes it.
func (m *completer) TypedRune(r rune) {
	e := m.cw.editor.entry
	e.TypedRune(r)
	if _, ok := m.typed(); !ok || !(r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
		m.close()
		m.refocus()
		return
	}
	m.filter()
}

// TypedKey implements fyne.Focusable.
func (m *completer) TypedKey(k *fyne.KeyEvent) {
	e := m.cw.editor.entry
	switch k.Name {
	case fyne.KeyUp:
		m.choose(m.cur - 1)
	case fyne.KeyDown:
		m.choose(m.cur + 1)
	case fyne.KeyPageUp:
		m.choose(m.cur - 8)
	case fyne.KeyPageDown:
		m.choose(m.cur + 8)
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyTab:
		m.insert()
	case fyne.KeyEscape:
		m.close()
		m.refocus()
	case fyne.KeyBackspace:
		e.Entry.TypedKey(k)
		if _, ok := m.typed(); !ok {
			m.close()
			m.refocus()
			return
		}
		m.filter()
	default:
		m.close()
		m.refocus()
		e.TypedKey(k)
	}
}

// completionRow is one match in the list: its name, kind and signature.
// A click on it inserts it.
type completionRow struct {
	widget.BaseWidget
	m    *completer
	id   int
	name *widget.Label
	sig  *widget.Label
	box  *fyne.Container
}

func newCompletionRow(m *completer) *completionRow {
	r := &completionRow{m: m, name: widget.NewLabel(""), sig: widget.NewLabel("")}
	r.name.TextStyle.Monospace = true
	r.name.Importance = widget.HighImportance
	r.sig.TextStyle.Monospace = true
	r.sig.Truncation = fyne.TextTruncateEllipsis
	r.box = container.NewBorder(nil, nil, r.name, nil, r.sig)
	r.ExtendBaseWidget(r)
	return r
}

func (r *completionRow) set(id int, c interp.Candidate) {
	r.id = id
	r.name.SetText(c.Name)
	r.sig.SetText(c.Kind + "  " + shortSignature(c.Signature))
	r.box.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (r *completionRow) CreateRenderer() fyne.WidgetRenderer { return newWrapRenderer(r.box) }

// Tapped implements fyne.Tappable: insert this match.
func (r *completionRow) Tapped(*fyne.PointEvent) {
	r.m.cur = r.id
	r.m.insert()
}
