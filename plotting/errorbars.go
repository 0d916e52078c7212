package plotting

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// ErrorBars draws markers at (x, y) with vertical error bars from y-yerr
// to y+yerr, capped at both ends; x may be nil for 0, 1, 2, ... yerr is an
// array or slice as long as y, or one number for every point, or nil for
// no vertical bars. Points with a NaN coordinate are left out; a NaN error
// leaves out that point's bar only. Negative errors panic. Options: XErr
// (horizontal error bars), Label, Color, Marker ("o" by default),
// MarkerSize, LineWidth (of the bars), Alpha.
func (ax *Axes) ErrorBars(x, y, yerr any, opts ...Option) *Axes {
	xs, ys := xy("ErrorBars", x, y)
	s := makeStyle(opts)
	it := &errorItem{xs: xs, ys: ys, style: s}
	if yerr != nil {
		it.yerr = errorValues("ErrorBars", "yerr", yerr, "y", len(ys))
	}
	if s.xerr != nil {
		it.xerr = errorValues("ErrorBars", "XErr", s.xerr, "x", len(xs))
	}
	it.color = ax.colorFor(s)
	return ax.add(it)
}

// XErr gives ErrorBars horizontal error bars from x-v to x+v: an array or
// slice as long as x, or one number for every point.
func XErr(v any) Option { return func(st *style) { st.xerr = v } }

// errorValues reads errors for n points: n values, or one for all; they
// must not be negative (NaN is allowed: no bar).
func errorValues(op, what string, v any, other string, n int) []float64 {
	e := broadcast(op, what, floats(op, what, v), other, n)
	for i, x := range e {
		if x < 0 {
			panic(errorf(op, "%s[%d] is %g: errors must not be negative", what, i, x))
		}
	}
	return e
}

// broadcast returns vals for n points: vals itself when it has n values, n
// copies of it when it has one.
func broadcast(op, what string, vals []float64, other string, n int) []float64 {
	if len(vals) == n {
		return vals
	}
	if len(vals) == 1 {
		out := make([]float64, n)
		for i := range out {
			out[i] = vals[0]
		}
		return out
	}
	panic(errorf(op, "%s has %d values, %s has %d", other, n, what, len(vals)))
}

type errorItem struct {
	xs, ys, xerr, yerr []float64
	style              *style
	color              color.Color
}

func (it *errorItem) plotters(ax *Axes, pixels int) ([]plot.Plotter, []legendEntry, error) {
	var pts plotter.XYs
	var ybars, xbars errorPoints
	for i := range it.xs {
		x, y := it.xs[i], it.ys[i]
		if !finite(x) || !finite(y) {
			continue
		}
		pts = append(pts, plotter.XY{X: x, Y: y})
		if it.yerr != nil && finite(it.yerr[i]) {
			ybars.XYs = append(ybars.XYs, plotter.XY{X: x, Y: y})
			ybars.err = append(ybars.err, it.yerr[i])
		}
		if it.xerr != nil && finite(it.xerr[i]) {
			xbars.XYs = append(xbars.XYs, plotter.XY{X: x, Y: y})
			xbars.err = append(xbars.err, it.xerr[i])
		}
	}
	if len(pts) == 0 {
		return nil, nil, nil
	}
	line := it.lineStyle()
	var ps []plot.Plotter
	if len(ybars.XYs) > 0 {
		yb, err := plotter.NewYErrorBars(ybars)
		if err != nil {
			return nil, nil, err
		}
		yb.LineStyle = line
		ps = append(ps, yb)
	}
	if len(xbars.XYs) > 0 {
		xb, err := plotter.NewXErrorBars(xbars)
		if err != nil {
			return nil, nil, err
		}
		xb.LineStyle = line
		ps = append(ps, xb)
	}
	sc, err := plotter.NewScatter(pts)
	if err != nil {
		return nil, nil, err
	}
	sc.GlyphStyle = it.style.glyphStyle(it.color)
	ps = append(ps, sc)
	thumb := &errorThumb{line: line, glyph: sc.GlyphStyle, vertical: it.yerr != nil || it.xerr == nil}
	return ps, []legendEntry{{label: it.style.label, thumbs: []plot.Thumbnailer{thumb}}}, nil
}

// lineStyle of the bars: the series colour, 1 pt unless LineWidth says.
func (it *errorItem) lineStyle() draw.LineStyle {
	w := it.style.lineWidth
	if w == 0 {
		w = 1
	}
	return draw.LineStyle{Color: it.style.withAlpha(it.color), Width: vg.Points(w)}
}

// errorPoints are points with symmetric errors, for gonum's error bars.
type errorPoints struct {
	plotter.XYs
	err []float64
}

func (e errorPoints) YError(i int) (float64, float64) { return e.err[i], e.err[i] }
func (e errorPoints) XError(i int) (float64, float64) { return e.err[i], e.err[i] }

// errorThumb is the legend entry of error bars: a capped bar through a
// marker.
type errorThumb struct {
	line     draw.LineStyle
	glyph    draw.GlyphStyle
	vertical bool
}

func (t *errorThumb) Thumbnail(c *draw.Canvas) {
	ctr := c.Center()
	half := plotter.DefaultCapWidth / 2
	if t.vertical {
		h := math.Min(float64(c.Max.Y-c.Min.Y), float64(c.Max.X-c.Min.X)) / 2
		y0, y1 := ctr.Y-vg.Length(h), ctr.Y+vg.Length(h)
		c.StrokeLine2(t.line, ctr.X, y0, ctr.X, y1)
		c.StrokeLine2(t.line, ctr.X-half, y0, ctr.X+half, y0)
		c.StrokeLine2(t.line, ctr.X-half, y1, ctr.X+half, y1)
	} else {
		c.StrokeLine2(t.line, c.Min.X, ctr.Y, c.Max.X, ctr.Y)
		c.StrokeLine2(t.line, c.Min.X, ctr.Y-half, c.Min.X, ctr.Y+half)
		c.StrokeLine2(t.line, c.Max.X, ctr.Y-half, c.Max.X, ctr.Y+half)
	}
	c.DrawGlyphNoClip(t.glyph, ctr)
}
