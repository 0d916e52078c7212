package plotting

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// FillBetween fills the area between the curves (x, y1) and (x, y2); x may
// be nil for 0, 1, 2, ...; y2 may be one number (FillBetween(x, y, 0)
// fills down to zero). A NaN or infinite value breaks the area into
// pieces. Options: Label, Color, Alpha (0.3 by default).
func (ax *Axes) FillBetween(x, y1, y2 any, opts ...Option) *Axes {
	xs, y1s := xy("FillBetween", x, y1)
	y2s := broadcast("FillBetween", "y2", floats("FillBetween", "y2", y2), "y1", len(y1s))
	s := makeStyle(opts)
	return ax.add(&fillItem{xs: xs, y1: y1s, y2: y2s, style: s, color: ax.colorFor(s)})
}

type fillItem struct {
	xs, y1, y2 []float64
	style      *style
	color      color.Color
}

func (it *fillItem) plotters(ax *Axes, pixels int) ([]plot.Plotter, []legendEntry, error) {
	s := *it.style
	if s.alpha == 0 {
		s.alpha = 0.3
	}
	f := &fillPlotter{color: s.withAlpha(it.color)}
	start := 0
	for i := 0; i <= len(it.xs); i++ {
		if i < len(it.xs) && finite(it.xs[i]) && finite(it.y1[i]) && finite(it.y2[i]) {
			continue
		}
		// it.xs[start:i] is a run of finite points.
		if i-start >= 2 {
			poly := make(plotter.XYs, 0, 2*(i-start))
			for k := start; k < i; k++ {
				poly = append(poly, plotter.XY{X: it.xs[k], Y: it.y1[k]})
			}
			for k := i - 1; k >= start; k-- {
				poly = append(poly, plotter.XY{X: it.xs[k], Y: it.y2[k]})
			}
			f.polys = append(f.polys, poly)
		}
		start = i + 1
	}
	if len(f.polys) == 0 {
		return nil, nil, nil
	}
	return []plot.Plotter{f}, []legendEntry{{label: it.style.label, thumbs: []plot.Thumbnailer{f}}}, nil
}

// fillPlotter fills polygons given in data coordinates, without outlines.
type fillPlotter struct {
	polys []plotter.XYs
	color color.Color
}

func (f *fillPlotter) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for _, poly := range f.polys {
		pts := make([]vg.Point, len(poly))
		for i, q := range poly {
			pts[i] = vg.Point{X: trX(q.X), Y: trY(q.Y)}
		}
		c.FillPolygon(f.color, c.ClipPolygonXY(pts))
	}
}

func (f *fillPlotter) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for _, poly := range f.polys {
		for _, q := range poly {
			xmin, xmax = min(xmin, q.X), max(xmax, q.X)
			ymin, ymax = min(ymin, q.Y), max(ymax, q.Y)
		}
	}
	return xmin, xmax, ymin, ymax
}

func (f *fillPlotter) Thumbnail(c *draw.Canvas) {
	c.FillPolygon(f.color, []vg.Point{
		{X: c.Min.X, Y: c.Min.Y}, {X: c.Min.X, Y: c.Max.Y},
		{X: c.Max.X, Y: c.Max.Y}, {X: c.Max.X, Y: c.Min.Y},
	})
}

// coveredRects approximates the filled area by one rectangle per interval
// between neighbouring x values, {x0, x1, y0, y1}, for placing a legend
// where it hides the least.
func (f *fillPlotter) coveredRects() [][4]float64 {
	var out [][4]float64
	for _, poly := range f.polys {
		n := len(poly) / 2 // poly is the y1 curve, then the y2 curve backwards
		for k := 0; k+1 < n; k++ {
			a1, b1 := poly[k], poly[k+1]
			a2, b2 := poly[len(poly)-1-k], poly[len(poly)-2-k]
			out = append(out, [4]float64{
				min(a1.X, b1.X), max(a1.X, b1.X),
				min(a1.Y, b1.Y, a2.Y, b2.Y), max(a1.Y, b1.Y, a2.Y, b2.Y),
			})
		}
	}
	return out
}
