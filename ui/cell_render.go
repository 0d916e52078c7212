package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// cellRenderer lays a cell out: the selection bar on the left edge, the
// left column (prompt, run button, time), then the editor or rendered
// markdown with the outputs under it.
type cellRenderer struct{ cw *cellWidget }

// metrics returns the padding, the selection bar's width and the width
// of the left column (prompt, run button, time).
func (r *cellRenderer) metrics() (pad, barW, leftW float32) {
	th := r.cw.Theme()
	pad = th.Size(theme.SizeNamePadding)
	w := fyne.MeasureText("[000]:", th.Size(theme.SizeNameText), fyne.TextStyle{Monospace: true}).Width
	return pad, pad, w + 2*pad
}

// body returns what the right column shows: the editor or the rendered
// markdown, and the outputs.
func (r *cellRenderer) body() (main, outs fyne.CanvasObject) {
	cw := r.cw
	if !cw.isCode() {
		if cw.editingMD {
			return cw.editor, nil
		}
		return cw.md, nil
	}
	if len(cw.outs.views) == 0 {
		return cw.editor, nil
	}
	return cw.editor, cw.outs.stack
}

func (r *cellRenderer) Destroy() {}

func (r *cellRenderer) Layout(size fyne.Size) {
	cw := r.cw
	pad, barW, leftW := r.metrics()
	cw.bg.Move(fyne.NewPos(0, 0))
	cw.bg.Resize(size)
	cw.bar.Move(fyne.NewPos(0, 0))
	cw.bar.Resize(fyne.NewSize(barW, size.Height))

	x := barW + pad
	ph := cw.prompt.MinSize().Height
	top := pad + cw.Theme().Size(theme.SizeNameInnerPadding) - 2
	cw.prompt.Move(fyne.NewPos(x, top))
	cw.prompt.Resize(fyne.NewSize(leftW-pad, ph))
	bs := cw.runBtn.MinSize()
	cw.runBtn.Move(fyne.NewPos(x+leftW-pad-bs.Width, top+ph))
	cw.runBtn.Resize(bs)
	cw.timer.Move(fyne.NewPos(x, top+ph+bs.Height))
	cw.timer.Resize(fyne.NewSize(leftW-pad, cw.timer.MinSize().Height))

	bx := x + leftW
	bw := max(size.Width-bx-pad, 0)
	main, outs := r.body()
	main.Move(fyne.NewPos(bx, pad))
	h := fitHeight(main, bw)
	if outs != nil {
		outs.Move(fyne.NewPos(bx, pad+h+pad))
		fitHeight(outs, bw)
	}
}

func (r *cellRenderer) MinSize() fyne.Size {
	cw := r.cw
	pad, barW, leftW := r.metrics()
	main, outs := r.body()
	m := main.MinSize()
	w, h := m.Width, m.Height
	if outs != nil {
		o := outs.MinSize()
		w = max(w, o.Width)
		h += pad + o.Height
	}
	left := cw.prompt.MinSize().Height + cw.runBtn.MinSize().Height + cw.timer.MinSize().Height
	if !cw.isCode() {
		left = 0
	}
	return fyne.NewSize(barW+pad+leftW+w+pad, max(h, left)+2*pad)
}

func (r *cellRenderer) Objects() []fyne.CanvasObject {
	cw := r.cw
	main, outs := r.body()
	objs := []fyne.CanvasObject{cw.bg, cw.bar}
	if cw.isCode() {
		objs = append(objs, cw.prompt, cw.runBtn, cw.timer)
	}
	objs = append(objs, main)
	if outs != nil {
		objs = append(objs, outs)
	}
	return objs
}

func (r *cellRenderer) Refresh() {
	cw := r.cw
	th := cw.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	cw.bar.FillColor = color0(th, v, theme.ColorNamePrimary, cw.selected)
	cw.bg.FillColor = color0(th, v, theme.ColorNameHover, cw.selected && cw.view.editing != cw)
	cw.prompt.Color = th.Color(theme.ColorNamePlaceHolder, v)
	if cw.state != idle {
		cw.prompt.Color = th.Color(theme.ColorNamePrimary, v)
	}
	cw.prompt.TextSize = th.Size(theme.SizeNameText)
	cw.timer.Color = th.Color(theme.ColorNamePlaceHolder, v)
	cw.timer.TextSize = th.Size(theme.SizeNameCaptionText)
	cw.bar.Refresh()
	cw.bg.Refresh()
	cw.prompt.Refresh()
	cw.timer.Refresh()
	r.Layout(cw.Size())
	canvas.Refresh(cw)
}

// color0 is the named color when on, else transparent.
func color0(th fyne.Theme, v fyne.ThemeVariant, n fyne.ThemeColorName, on bool) color.Color {
	if !on {
		return color.Transparent
	}
	return th.Color(n, v)
}
