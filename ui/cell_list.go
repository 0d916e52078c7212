package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// vstack lays its objects out top to bottom at its full width, each at
// its minimum height (measured at that width, so that wrapped text gets
// the height it needs there). Unlike a fyne.Container, refreshing it only
// lays it out again: it does not refresh every object inside, so that one
// cell's new output never redraws the whole notebook.
type vstack struct {
	widget.BaseWidget
	objects []fyne.CanvasObject
	gap     float32
	// grown, when set, is called when a layout finds the objects taller
	// or shorter than the size given (wrapped text re-measured).
	grown func()
}

func newVStack(gap float32, objs ...fyne.CanvasObject) *vstack {
	s := &vstack{objects: objs, gap: gap}
	s.ExtendBaseWidget(s)
	return s
}

// set replaces the objects and lays them out.
func (s *vstack) set(objs []fyne.CanvasObject) {
	s.objects = objs
	s.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (s *vstack) CreateRenderer() fyne.WidgetRenderer { return &vstackRenderer{s: s} }

type vstackRenderer struct{ s *vstack }

func (r *vstackRenderer) Destroy() {}

func (r *vstackRenderer) Objects() []fyne.CanvasObject { return r.s.objects }

func (r *vstackRenderer) Layout(size fyne.Size) {
	y := float32(0)
	n := 0
	for _, o := range r.s.objects {
		if !o.Visible() {
			continue
		}
		if n > 0 {
			y += r.s.gap
		}
		n++
		o.Move(fyne.NewPos(0, y))
		y += fitHeight(o, size.Width)
	}
	if r.s.grown != nil && y != size.Height && y > 0 && size.Height > 0 && y > size.Height {
		r.s.grown()
	}
}

func (r *vstackRenderer) MinSize() fyne.Size {
	var w, h float32
	n := 0
	for _, o := range r.s.objects {
		if !o.Visible() {
			continue
		}
		if n > 0 {
			h += r.s.gap
		}
		n++
		m := o.MinSize()
		w = max(w, m.Width)
		h += m.Height
	}
	return fyne.NewSize(w, h)
}

func (r *vstackRenderer) Refresh() {
	r.Layout(r.s.Size())
	canvas.Refresh(r.s)
}

// fitHeight sizes o to width w and its minimum height there, and returns
// that height. An object whose minimum height depends on its width
// (wrapped text) is measured again once it has the width.
func fitHeight(o fyne.CanvasObject, w float32) float32 {
	h := o.MinSize().Height
	o.Resize(fyne.NewSize(w, h))
	if h2 := o.MinSize().Height; h2 != h {
		o.Resize(fyne.NewSize(w, h2))
		return h2
	}
	return h
}

// hScroll scrolls wide content sideways. A wheel turned up or down over
// it scrolls the notebook instead (a plain horizontal scroller would turn
// it into sideways scrolling, and trap the wheel over every wide output).
type hScroll struct {
	container.Scroll
	parent func() *container.Scroll
}

func newHScroll(content fyne.CanvasObject, parent func() *container.Scroll) *hScroll {
	s := &hScroll{parent: parent}
	s.Direction = container.ScrollHorizontalOnly
	s.Content = content
	s.ExtendBaseWidget(s)
	return s
}

// Scrolled implements fyne.Scrollable.
func (s *hScroll) Scrolled(ev *fyne.ScrollEvent) {
	if abs32(ev.Scrolled.DY) > abs32(ev.Scrolled.DX) && s.parent != nil {
		if p := s.parent(); p != nil {
			p.Scrolled(ev)
			return
		}
	}
	s.Scroll.Scrolled(ev)
}

func abs32(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}

// wrapRenderer renders a widget as one object that fills it.
type wrapRenderer struct{ obj fyne.CanvasObject }

func newWrapRenderer(obj fyne.CanvasObject) *wrapRenderer { return &wrapRenderer{obj} }

func (r *wrapRenderer) Destroy()                     {}
func (r *wrapRenderer) Layout(size fyne.Size)        { r.obj.Resize(size) }
func (r *wrapRenderer) MinSize() fyne.Size           { return r.obj.MinSize() }
func (r *wrapRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.obj} }
func (r *wrapRenderer) Refresh()                     { r.obj.Refresh() }

// showMenu pops a menu up where a secondary tap on o happened.
func showMenu(o fyne.CanvasObject, ev *fyne.PointEvent, items ...*fyne.MenuItem) {
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	if c == nil {
		return
	}
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, ev.AbsolutePosition)
}
