package ui

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The kinds of notice, in the order they are shown.
const (
	noticeRecovery  = "recovery"
	noticeForeign   = "foreign"
	noticeUntrusted = "untrusted"
	noticeKernel    = "kernel"
)

var noticeOrder = []string{noticeRecovery, noticeForeign, noticeKernel, noticeUntrusted}

// shellNotices is the banner above the notebook: one row per notice, each a
// message and its buttons.
type shellNotices struct {
	box  *fyne.Container
	text map[string]string
	rows map[string]fyne.CanvasObject
}

func newShellNotices() *shellNotices {
	return &shellNotices{box: container.NewVBox(), text: map[string]string{}, rows: map[string]fyne.CanvasObject{}}
}

// set shows a notice of kind (replacing the one of that kind).
func (n *shellNotices) set(kind, msg string, buttons ...fyne.CanvasObject) {
	label := widget.NewLabel(msg)
	label.Wrapping = fyne.TextWrapWord
	icon := theme.InfoIcon()
	colorName := theme.ColorNamePrimary
	switch kind {
	case noticeForeign, noticeRecovery:
		icon, colorName = theme.WarningIcon(), theme.ColorNameWarning
	case noticeKernel:
		icon, colorName = theme.ErrorIcon(), theme.ColorNameError
	}
	right := container.NewHBox(buttons...)
	text := container.NewVBox(layout.NewSpacer(), label, layout.NewSpacer())
	row := newShellTint(colorName, container.NewBorder(nil, nil,
		container.NewCenter(widget.NewIcon(icon)), container.NewCenter(right), text))
	n.text[kind] = msg
	n.rows[kind] = row
	n.layout()
}

// clear removes the notice of kind.
func (n *shellNotices) clear(kind string) {
	if _, ok := n.rows[kind]; !ok {
		return
	}
	delete(n.text, kind)
	delete(n.rows, kind)
	n.layout()
}

// clearAll removes every notice.
func (n *shellNotices) clearAll() {
	n.text = map[string]string{}
	n.rows = map[string]fyne.CanvasObject{}
	n.layout()
}

func (n *shellNotices) layout() {
	var objs []fyne.CanvasObject
	for _, k := range noticeOrder {
		if r, ok := n.rows[k]; ok {
			objs = append(objs, r)
		}
	}
	n.box.Objects = objs
	n.box.Refresh()
}

// Notices returns the texts of the notices shown above the notebook, in
// order.
func (s *Shell) Notices() []string {
	var out []string
	for _, k := range noticeOrder {
		if t, ok := s.notices.text[k]; ok {
			out = append(out, t)
		}
	}
	return out
}

// shellTint is a widget that draws its content on a light wash of a theme
// colour, kept in step with the theme.
type shellTint struct {
	widget.BaseWidget
	color   fyne.ThemeColorName
	content fyne.CanvasObject
}

func newShellTint(c fyne.ThemeColorName, content fyne.CanvasObject) *shellTint {
	t := &shellTint{color: c, content: content}
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer implements fyne.Widget.
func (t *shellTint) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(color.Transparent)
	bg.CornerRadius = theme.InputRadiusSize()
	r := &shellTintRenderer{t: t, bg: bg}
	r.Refresh()
	return r
}

type shellTintRenderer struct {
	t  *shellTint
	bg *canvas.Rectangle
}

func (r *shellTintRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.t.content.Resize(size)
}

func (r *shellTintRenderer) MinSize() fyne.Size { return r.t.content.MinSize() }

func (r *shellTintRenderer) Refresh() {
	c := color.NRGBAModel.Convert(theme.Color(r.t.color)).(color.NRGBA)
	c.A = 0x38
	r.bg.FillColor = c
	r.bg.Refresh()
	r.t.content.Refresh()
}

func (r *shellTintRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.t.content}
}

func (r *shellTintRenderer) Destroy() {}

// shellSavePrompt is the dialog that asks what to do with unsaved changes.
type shellSavePrompt struct {
	d                     *dialog.CustomDialog
	save, discard, cancel *widget.Button
}

// confirmDiscard calls then at once when nothing is unsaved; otherwise it
// asks first: Save (then, once saved), Don't Save (then) or Cancel.
func (s *Shell) confirmDiscard(doing string, then func()) {
	if !s.dirty {
		then()
		return
	}
	msg := widget.NewLabel(fmt.Sprintf("%s has unsaved changes.\nSave them before %s?", s.docName(), doing))
	p := &shellSavePrompt{}
	p.d = dialog.NewCustomWithoutButtons("Save changes?", msg, s.win)
	done := func() { p.d.Hide(); s.prompt = nil }
	p.cancel = widget.NewButton("Cancel", done)
	p.discard = widget.NewButton("Don't Save", func() {
		done()
		s.removeRecovery(recoveryKey(s.path, s.example))
		s.dirty = false
		then()
	})
	p.discard.Importance = widget.DangerImportance
	p.save = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() {
		done()
		s.saveThen(then)
	})
	p.save.Importance = widget.HighImportance
	p.d.SetButtons([]fyne.CanvasObject{p.cancel, p.discard, p.save})
	s.prompt = p
	p.d.Show()
}

// RequestClose is what closing the window does (its close button, File ▸
// Quit): when there are unsaved changes it asks whether to save them
// first, then closes the window.
func (s *Shell) RequestClose() {
	if s.closed {
		return
	}
	s.confirmDiscard("closing", s.Close)
}

// Close closes the window at once, without asking: the kernel process
// ends, and unsaved changes are dropped with their recovery file (a crash,
// unlike Close, leaves the recovery file to be offered back).
func (s *Shell) Close() {
	if s.closed {
		return
	}
	s.removeRecovery(recoveryKey(s.path, s.example))
	s.closed = true
	close(s.stop)
	if s.timer != nil {
		s.timer.Stop()
	}
	s.stopKernel(3 * time.Second)
	s.win.Close()
}
