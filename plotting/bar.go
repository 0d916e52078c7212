package plotting

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Bar draws a bar of each height at each x position (x may be nil for 0,
// 1, 2, ...), from 0 up to the height, or down for a negative height.
// Bars with a NaN position or height are left out. Options: BarWidth (in x
// units, 0.8 by default), Label, Color, Alpha (of the fill, 0.8 by
// default), LineWidth (of the bars' edges).
func (ax *Axes) Bar(x, heights any, opts ...Option) *Axes {
	xs, hs := xy("Bar", x, heights)
	return ax.bars(xs, hs, nil, opts)
}

// BarLabels draws one bar per category, at x = 0, 1, 2, ..., with the
// labels as the x tick labels. Options as Bar.
func (ax *Axes) BarLabels(labels []string, heights any, opts ...Option) *Axes {
	hs := floats("BarLabels", "heights", heights)
	if len(labels) != len(hs) {
		panic(errorf("BarLabels", "labels has %d values, heights has %d", len(labels), len(hs)))
	}
	xs := make([]float64, len(hs))
	ticks := make([]plot.Tick, len(hs))
	for i := range xs {
		xs[i] = float64(i)
		ticks[i] = plot.Tick{Value: float64(i), Label: labels[i]}
	}
	return ax.bars(xs, hs, ticks, opts)
}

// BarWidth sets the width of bars in x units (0.8 by default).
func BarWidth(w float64) Option {
	if !(w > 0) || math.IsInf(w, 0) {
		panic(errorf("BarWidth", "width %g must be positive and finite", w))
	}
	return func(st *style) { st.barWidth = w }
}

func (ax *Axes) bars(xs, hs []float64, ticks []plot.Tick, opts []Option) *Axes {
	s := makeStyle(opts)
	w := s.barWidth
	if w == 0 {
		w = 0.8
	}
	left, right := make([]float64, len(xs)), make([]float64, len(xs))
	for i, x := range xs {
		left[i], right[i] = x-w/2, x+w/2
	}
	return ax.add(&barItem{left: left, right: right, heights: hs, ticks: ticks,
		style: s, color: ax.colorFor(s)})
}

// barItem is a set of bars from 0 to each height, over [left, right]: a
// histogram or a bar chart.
type barItem struct {
	left, right, heights []float64
	ticks                []plot.Tick // category labels, or nil
	style                *style
	color                color.Color
}

func (it *barItem) plotters(ax *Axes, pixels int) ([]plot.Plotter, []legendEntry, error) {
	b := &barsPlotter{fill: it.fillColor(), edge: it.edgeStyle()}
	for i := range it.heights {
		l, r, h := it.left[i], it.right[i], it.heights[i]
		if !finite(l) || !finite(r) || !finite(h) {
			continue
		}
		b.rects = append(b.rects, rect{x0: l, x1: r, y0: 0, y1: h})
	}
	if len(b.rects) == 0 {
		return nil, nil, nil
	}
	return []plot.Plotter{b}, []legendEntry{{label: it.style.label, thumbs: []plot.Thumbnailer{b}}}, nil
}

// stickyY is the value that the y range should not be padded past when the
// data stop there (the bars' base, as matplotlib's sticky edges).
func (it *barItem) stickyY() []float64 { return []float64{0} }

// xticks are the category labels of BarLabels, for the x axis.
func (it *barItem) xticks() []plot.Tick { return it.ticks }

// applyBarAxes finishes the ranges and ticks of a panel with bars: where
// the y data stop at a bar's base (0), the margin that pad added beyond it
// is taken back, so bars stand on the x axis (as matplotlib's sticky
// edges); the category labels of BarLabels become the x ticks. ylo and yhi
// are the y data range before pad. Axes.build is to call it after pad and
// the tick formats (it does not yet).
func applyBarAxes(ax *Axes, p *plot.Plot, ylo, yhi float64) {
	var sticky []float64
	var ticks []plot.Tick
	for _, it := range ax.items {
		if s, ok := it.(interface{ stickyY() []float64 }); ok {
			sticky = append(sticky, s.stickyY()...)
		}
		if t, ok := it.(interface{ xticks() []plot.Tick }); ok && t.xticks() != nil {
			ticks = t.xticks()
		}
	}
	if ax.ylim == nil && !ax.ylog && ylo < yhi {
		for _, s := range sticky {
			if ylo == s && p.Y.Min < s {
				p.Y.Min = s
			}
			if yhi == s && p.Y.Max > s {
				p.Y.Max = s
			}
		}
	}
	if ticks != nil && ax.xtickFormat == "" && !ax.xlog {
		p.X.Tick.Marker = plot.ConstantTicks(ticks)
	}
}

// fillColor is the series colour at the style's alpha, 0.8 by default.
func (it *barItem) fillColor() color.Color {
	s := *it.style
	if s.alpha == 0 {
		s.alpha = 0.8
	}
	return s.withAlpha(it.color)
}

// edgeStyle is an opaque outline in the series colour, 0.75 pt by default.
func (it *barItem) edgeStyle() draw.LineStyle {
	w := it.style.lineWidth
	if w == 0 {
		w = 0.75
	}
	return draw.LineStyle{Color: it.color, Width: vg.Points(w)}
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

type rect struct{ x0, x1, y0, y1 float64 }

// barsPlotter draws filled, outlined rectangles in data coordinates.
type barsPlotter struct {
	rects []rect
	fill  color.Color
	edge  draw.LineStyle
}

func (b *barsPlotter) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for _, r := range b.rects {
		if r.y0 == r.y1 {
			continue // an empty bin: nothing to see, and no line along the axis
		}
		pts := []vg.Point{
			{X: trX(r.x0), Y: trY(r.y0)}, {X: trX(r.x0), Y: trY(r.y1)},
			{X: trX(r.x1), Y: trY(r.y1)}, {X: trX(r.x1), Y: trY(r.y0)},
		}
		if b.fill != nil {
			c.FillPolygon(b.fill, c.ClipPolygonXY(pts))
		}
		if b.edge.Width > 0 {
			c.StrokeLines(b.edge, c.ClipLinesXY(append(pts, pts[0]))...)
		}
	}
}

func (b *barsPlotter) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = math.Inf(1), math.Inf(-1)
	ymin, ymax = 0, 0
	for _, r := range b.rects {
		xmin, xmax = min(xmin, r.x0, r.x1), max(xmax, r.x0, r.x1)
		ymin, ymax = min(ymin, r.y0, r.y1), max(ymax, r.y0, r.y1)
	}
	return xmin, xmax, ymin, ymax
}

func (b *barsPlotter) Thumbnail(c *draw.Canvas) {
	pts := []vg.Point{
		{X: c.Min.X, Y: c.Min.Y}, {X: c.Min.X, Y: c.Max.Y},
		{X: c.Max.X, Y: c.Max.Y}, {X: c.Max.X, Y: c.Min.Y},
	}
	if b.fill != nil {
		c.FillPolygon(b.fill, pts)
	}
	if b.edge.Width > 0 {
		c.StrokeLines(b.edge, append(pts, pts[0]))
	}
}

// coveredRects are the filled bars, {x0, x1, y0, y1}, for placing a legend
// where it hides the least.
func (b *barsPlotter) coveredRects() [][4]float64 {
	out := make([][4]float64, 0, len(b.rects))
	for _, r := range b.rects {
		if r.y0 != r.y1 {
			out = append(out, [4]float64{r.x0, r.x1, min(r.y0, r.y1), max(r.y0, r.y1)})
		}
	}
	return out
}
