package plotting

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
)

// Step draws y against x as a staircase, as matplotlib's step; x may be
// nil for 0, 1, 2, ... Where says where the steps are: "pre" (the
// default: y[i] holds over (x[i-1], x[i]]), "post" (y[i] holds over
// [x[i], x[i+1])) or "mid" (the steps are half way between the x values).
// NaN values break the line. Options: Where, Label, Color, LineWidth,
// Dashes, Alpha.
func (ax *Axes) Step(x, y any, opts ...Option) *Axes {
	xs, ys := xy("Step", x, y)
	s := makeStyle(opts)
	sx, sy := steps(xs, ys, s.where)
	return ax.add(&stepItem{xs: sx, ys: sy, style: s, color: ax.colorFor(s)})
}

// Where sets where the steps of Step are: "pre", "post" or "mid".
func Where(w string) Option {
	switch w {
	case "pre", "post", "mid":
	default:
		panic(errorf("Where", "unknown step position %q (want pre, post or mid)", w))
	}
	return func(st *style) { st.where = w }
}

// steps returns the corners of the staircase through the points, as
// matplotlib's pts_to_prestep, pts_to_poststep and pts_to_midstep (NaN
// values carry through, so that they break the line where matplotlib's
// does).
func steps(xs, ys []float64, where string) (sx, sy []float64) {
	n := len(xs)
	if n == 0 {
		return nil, nil
	}
	switch where {
	case "post":
		sx, sy = make([]float64, 2*n-1), make([]float64, 2*n-1)
		for i := range n {
			sx[2*i], sy[2*i] = xs[i], ys[i]
			if i+1 < n {
				sx[2*i+1], sy[2*i+1] = xs[i+1], ys[i]
			}
		}
	case "mid":
		sx, sy = make([]float64, 2*n), make([]float64, 2*n)
		sx[0], sx[2*n-1] = xs[0], xs[n-1]
		for i := range n - 1 {
			m := (xs[i] + xs[i+1]) / 2
			sx[2*i+1], sx[2*i+2] = m, m
		}
		for i := range n {
			sy[2*i], sy[2*i+1] = ys[i], ys[i]
		}
	default: // "pre"
		sx, sy = make([]float64, 2*n-1), make([]float64, 2*n-1)
		for i := range n {
			sx[2*i], sy[2*i] = xs[i], ys[i]
			if i+1 < n {
				sx[2*i+1], sy[2*i+1] = xs[i], ys[i+1]
			}
		}
	}
	return sx, sy
}

type stepItem struct {
	xs, ys []float64 // the staircase's corners
	style  *style
	color  color.Color
}

func (it *stepItem) plotters(ax *Axes, pixels int) ([]plot.Plotter, []legendEntry, error) {
	var ps []plot.Plotter
	var thumb plot.Thumbnailer
	for _, seg := range segments(it.xs, it.ys) {
		l, err := plotter.NewLine(seg)
		if err != nil {
			return nil, nil, err
		}
		l.LineStyle = it.style.lineStyle(it.color)
		ps = append(ps, l)
		thumb = l
	}
	if thumb == nil {
		return nil, nil, nil
	}
	return ps, []legendEntry{{label: it.style.label, thumbs: []plot.Thumbnailer{thumb}}}, nil
}
