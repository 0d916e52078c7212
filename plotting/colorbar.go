package plotting

import (
	"image"
	imagedraw "image/draw"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Colour bars stand to the right of the data area, as matplotlib's: a
// colorbar plotter reserves the room through a glyph box that gonum/plot
// keeps clear of the data, then draws the bar, its ticks and labels there.
const (
	colorbarGap   = vg.Length(8)  // points between the data area and the bar
	colorbarWidth = vg.Length(10) // points
)

// colorbar draws the colour bar of a mapper, offset points to the right
// of the colour bars before it on the same panel.
type colorbar struct {
	m      *colorMapper
	offset vg.Length
}

// ticks are the colour bar's labelled ticks, inside the mapper's range:
// those the panel's y axis would have (the bar is as tall as the data
// area), or gonum's defaults when that axis is not linear.
func (cb *colorbar) ticks(p *plot.Plot) []plot.Tick {
	var marker plot.Ticker = plot.DefaultTicks{}
	if isLinear(p.Y) && p.Y.Tick.Marker != nil {
		marker = p.Y.Tick.Marker
		if f, ok := marker.(formatTicks); ok {
			marker = f.marker // a y tick format is for the y axis only
		}
	}
	lo, hi := cb.m.lo, cb.m.hi
	eps := 1e-9 * (hi - lo)
	var out []plot.Tick
	for _, t := range marker.Ticks(lo, hi) {
		if t.Label != "" && t.Value >= lo-eps && t.Value <= hi+eps {
			out = append(out, t)
		}
	}
	return out
}

// isLinear says whether an axis has a linear scale, growing up or down.
func isLinear(a plot.Axis) bool {
	s := a.Scale
	if inv, ok := s.(plot.InvertedScale); ok {
		s = inv.Normalizer
	}
	_, ok := s.(plot.LinearScale)
	return ok
}

// width is the room the colour bar takes right of the data area, its
// labels included, not counting the bars before it.
func (cb *colorbar) width(p *plot.Plot) vg.Length {
	var lw vg.Length
	for _, t := range cb.ticks(p) {
		lw = max(lw, p.Y.Tick.Label.Width(t.Label))
	}
	return colorbarGap + colorbarWidth + p.Y.Tick.Length + vg.Points(2) + lw + vg.Points(2)
}

// GlyphBoxes reserves the room right of the data area.
func (cb *colorbar) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	return []plot.GlyphBox{{X: 1, Y: 0.5, Rectangle: vg.Rectangle{
		Max: vg.Point{X: cb.offset + cb.width(p)},
	}}}
}

// Plot draws the bar beside the data area c: the colours from the low end
// at the bottom to the high end at the top, a frame, and ticks with labels
// on the right.
func (cb *colorbar) Plot(c draw.Canvas, p *plot.Plot) {
	x0 := c.Max.X + cb.offset + colorbarGap
	x1 := x0 + colorbarWidth
	y0, y1 := c.Min.Y, c.Max.Y
	if y1 <= y0 {
		return
	}
	dpi := canvasDPI(c.Canvas)
	n := max(2, int(math.Ceil((y1 - y0).Dots(dpi))))
	img := image.NewRGBA(image.Rect(0, 0, 1, n))
	for i := range n {
		// Row 0 is the top of the bar; pixel centres sample the range.
		t := 1 - (float64(i)+0.5)/float64(n)
		c := cb.m.rgba(cb.m.lo + t*(cb.m.hi-cb.m.lo))
		copy(img.Pix[i*img.Stride:], c[:])
	}
	c.DrawImage(vg.Rectangle{Min: vg.Point{X: x0, Y: y0}, Max: vg.Point{X: x1, Y: y1}}, img)

	frame := p.Y.LineStyle
	c.StrokeLines(frame, []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}, {X: x0, Y: y0}})
	sty := p.Y.Tick.Label
	sty.XAlign = draw.XLeft
	sty.YAlign = draw.YCenter
	descent := sty.FontExtents().Descent
	tick := p.Y.Tick.Length
	for _, t := range cb.ticks(p) {
		y := y0 + vg.Length((t.Value-cb.m.lo)/(cb.m.hi-cb.m.lo))*(y1-y0)
		c.StrokeLine2(p.Y.Tick.LineStyle, x1, y, x1+tick, y)
		c.FillText(sty, vg.Point{X: x1 + tick + vg.Points(2), Y: y + descent}, t.Label)
	}
}

// canvasDPI is the resolution of a raster canvas, or the one that images
// get in vector output (SVG, PDF).
func canvasDPI(c vg.Canvas) float64 {
	if r, ok := c.(rasterCanvas); ok {
		return r.DPI()
	}
	return vectorImageDPI
}

// rasterCanvas is a vgimg canvas (PNG, JPEG, TIFF or a bare image).
type rasterCanvas interface {
	DPI() float64
	Image() imagedraw.Image
}

// vectorImageDPI is the resolution of images in SVG and PDF output.
const vectorImageDPI = 150

// gridItem is a series drawn over a grid of cells (images, contours):
// panels fit it without margins, as matplotlib does.
type gridItem interface {
	// extent is the data rectangle the grid covers.
	extent() (x0, x1, y0, y1 float64)
	// yDown says whether the y axis should grow downward (an image with
	// row 0 at the top).
	yDown() bool
}

// colorbarItem is a series that may ask for a colour bar: the mapper of
// the bar, or nil.
type colorbarItem interface {
	colorbarMapper() *colorMapper
}

// panelFit is what a panel's grids and colour bars ask of its axes.
type panelFit struct {
	tightX, tightY bool        // no margins: grids span the data on that axis
	yDown          bool        // the y axis grows downward
	bars           []*colorbar // added to the plot, left to right
}

// fit adds the panel's colour bars to p and says which axes fit a grid
// without margins. Axes.build calls it once the series are added, before
// the margins, and calls apply on the result once the scales are set.
func (ax *Axes) fit(p *plot.Plot) panelFit {
	var f panelFit
	gx0, gx1, gy0, gy1 := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	grids := false
	for _, it := range ax.items {
		if g, ok := it.(gridItem); ok {
			x0, x1, y0, y1 := g.extent()
			gx0, gx1 = min(gx0, x0, x1), max(gx1, x0, x1)
			gy0, gy1 = min(gy0, y0, y1), max(gy1, y0, y1)
			f.yDown = f.yDown || g.yDown()
			grids = true
		}
		var m *colorMapper
		switch it := it.(type) {
		case colorbarItem:
			m = it.colorbarMapper()
		case *scatterItem:
			if it.values != nil && it.style.colorbar {
				m = newColorMapper(it.style, it.values)
			}
		}
		if m != nil {
			cb := &colorbar{m: m}
			f.bars = append(f.bars, cb)
			p.Add(cb)
		}
	}
	if grids {
		f.tightX = p.X.Min >= gx0 && p.X.Max <= gx1
		f.tightY = p.Y.Min >= gy0 && p.Y.Max <= gy1
	}
	return f
}

// apply finishes the axes of p once their scales and ticks are set: the
// y axis grows downward under an image, and the colour bars stand side by
// side.
func (f panelFit) apply(p *plot.Plot) {
	if f.yDown {
		if _, ok := p.Y.Scale.(plot.InvertedScale); !ok {
			p.Y.Scale = plot.InvertedScale{Normalizer: p.Y.Scale}
		}
	}
	var off vg.Length
	for _, cb := range f.bars {
		cb.offset = off
		off += cb.width(p)
	}
}
