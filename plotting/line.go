package plotting

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

func sprintf(format string, v float64) string { return fmt.Sprintf(format, v) }

// Line draws y against x as a line; x may be nil for 0, 1, 2, ... NaN
// values break the line. Options: Label, Color, LineWidth, Dashes, Alpha,
// Marker (draws markers at the points too).
func (ax *Axes) Line(x, y any, opts ...Option) *Axes {
	xs, ys := xy("Line", x, y)
	s := makeStyle(opts)
	return ax.add(&lineItem{xs: xs, ys: ys, style: s, color: ax.colorFor(s)})
}

// Scatter draws markers at (x, y). Options: Label, Color, Marker,
// MarkerSize, Alpha, Sizes (per point, in points), Values (per point,
// coloured through Colormap), Colorbar.
func (ax *Axes) Scatter(x, y any, opts ...Option) *Axes {
	xs, ys := xy("Scatter", x, y)
	s := makeStyle(opts)
	it := &scatterItem{xs: xs, ys: ys, style: s, color: ax.colorFor(s)}
	if s.sizes != nil {
		it.sizes = floats("Scatter", "Sizes", s.sizes)
		sameLen("Scatter", []string{"x", "Sizes"}, xs, it.sizes)
	}
	if s.colors != nil {
		it.values = floats("Scatter", "Values", s.colors)
		sameLen("Scatter", []string{"x", "Values"}, xs, it.values)
	}
	return ax.add(it)
}

// Sizes gives each scatter point its own marker size, in points.
func Sizes(v any) Option { return func(st *style) { st.sizes = v } }

// Values gives each scatter point a value that the colormap colours.
func Values(v any) Option { return func(st *style) { st.colors = v } }

type lineItem struct {
	xs, ys []float64
	style  *style
	color  color.Color
}

// segments splits points at NaN and infinite values into runs to draw.
func segments(xs, ys []float64) []plotter.XYs {
	var out []plotter.XYs
	var cur plotter.XYs
	for i := range xs {
		x, y := xs[i], ys[i]
		if math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, plotter.XY{X: x, Y: y})
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

func (it *lineItem) plotters(ax *Axes, pixels int) ([]plot.Plotter, []legendEntry, error) {
	xs, ys := ax.logMask(it.xs, it.ys)
	if it.style.marker == "" {
		// Markers show every point, so only bare lines are decimated.
		xs, ys = decimateView(xs, ys, pixels, ax.xspan(), ax.xlog)
	}
	var ps []plot.Plotter
	var thumb plot.Thumbnailer
	for _, seg := range it.pieces(segments(xs, ys)) {
		l, err := plotter.NewLine(seg)
		if err != nil {
			return nil, nil, err
		}
		l.LineStyle = it.style.lineStyle(it.color)
		ps = append(ps, l)
		thumb = l
		if it.style.marker != "" {
			sc, err := plotter.NewScatter(seg)
			if err != nil {
				return nil, nil, err
			}
			sc.GlyphStyle = it.style.glyphStyle(it.color)
			ps = append(ps, sc)
			thumb = lineMarkerThumb{l, sc}
		}
	}
	if thumb == nil {
		return ps, nil, nil
	}
	return ps, []legendEntry{{label: it.style.label, thumbs: []plot.Thumbnailer{thumb}}}, nil
}

// strokeChunk is the most points one stroke of a long line gets. The
// rasteriser (freetype's, under gonum's image canvas) keeps each pixel row's
// cells in a list that it searches from the start, so one stroke across the
// whole panel costs time in proportion to its length times its width;
// strokes of a few dozen pixels each keep that short. Consecutive pieces
// share their end point, so the line stays joined (each piece's butt end
// meets the next one's start; only a round join's sliver, under a pixel,
// can differ).
const strokeChunk = 128

// pieces splits long runs into strokes of at most strokeChunk points. Lines
// with dashes are not split (the dash pattern would restart at each piece),
// nor is anything when decimation is off (the tests' reference picture is
// a single stroke per run, as gonum draws it).
func (it *lineItem) pieces(runs []plotter.XYs) []plotter.XYs {
	if noDecimate || len(it.style.dashes) > 0 {
		return runs
	}
	var out []plotter.XYs
	for _, r := range runs {
		for len(r) > strokeChunk {
			out = append(out, r[:strokeChunk])
			r = r[strokeChunk-1:]
		}
		out = append(out, r)
	}
	return out
}

// lineMarkerThumb is the legend sample of a line with markers.
type lineMarkerThumb struct {
	l  *plotter.Line
	sc *plotter.Scatter
}

func (t lineMarkerThumb) Thumbnail(c *draw.Canvas) {
	t.l.Thumbnail(c)
	t.sc.Thumbnail(c)
}

// logMask returns xs and ys with the points that a log axis cannot show
// (zero or negative there) made NaN, so they are left out and break a
// line; the inputs are copied only when something changes.
func (ax *Axes) logMask(xs, ys []float64) ([]float64, []float64) {
	bad := func(i int) bool { return (ax.xlog && xs[i] <= 0) || (ax.ylog && ys[i] <= 0) }
	if !ax.xlog && !ax.ylog {
		return xs, ys
	}
	for i := range xs {
		if !bad(i) {
			continue
		}
		mx, my := append([]float64(nil), xs...), append([]float64(nil), ys...)
		for j := i; j < len(xs); j++ {
			if bad(j) {
				mx[j], my[j] = math.NaN(), math.NaN()
			}
		}
		return mx, my
	}
	return xs, ys
}

// xspan is the widest x range the panel can show, for decimation: the
// limits' width (in decades on a log axis), or +Inf for the data's range.
func (ax *Axes) xspan() float64 {
	if ax.xlim == nil {
		return math.Inf(1)
	}
	lo, hi := ax.xlim[0], ax.xlim[1]
	if ax.xlog {
		if lo <= 0 {
			return math.Inf(1)
		}
		return math.Log10(hi / lo)
	}
	return hi - lo
}

type scatterItem struct {
	xs, ys, sizes, values []float64
	style                 *style
	color                 color.Color
}

func (it *scatterItem) plotters(ax *Axes, pixels int) ([]plot.Plotter, []legendEntry, error) {
	var pts plotter.XYs
	var idx []int
	for i := range it.xs {
		if !isFinite(it.xs[i]) || !isFinite(it.ys[i]) || (ax.xlog && it.xs[i] <= 0) || (ax.ylog && it.ys[i] <= 0) {
			continue
		}
		pts = append(pts, plotter.XY{X: it.xs[i], Y: it.ys[i]})
		idx = append(idx, i)
	}
	if len(pts) == 0 {
		return nil, nil, nil
	}
	sc, err := plotter.NewScatter(pts)
	if err != nil {
		return nil, nil, err
	}
	base := it.style.glyphStyle(it.color)
	sc.GlyphStyle = base
	var cm *colorMapper
	if it.values != nil {
		cm = newColorMapper(it.style, it.values)
	}
	if it.sizes != nil || cm != nil {
		sc.GlyphStyleFunc = func(i int) draw.GlyphStyle {
			g := base
			if it.sizes != nil {
				g.Radius = vg.Points(it.sizes[idx[i]])
			}
			if cm != nil {
				g.Color = it.style.withAlpha(cm.color(it.values[idx[i]]))
			}
			return g
		}
	}
	ps := []plot.Plotter{sc}
	return ps, []legendEntry{{label: it.style.label, thumbs: []plot.Thumbnailer{sc}}}, nil
}
