package plotting

import (
	"image/color"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Axes is one panel of a figure: its series, labels, scales and limits.
// Setters return the Axes, so calls chain.
type Axes struct {
	fig                   *Figure
	title, xlabel, ylabel string
	xlog, ylog            bool
	xlim, ylim            []float64 // nil, or {min, max}
	grid                  bool
	legend                bool
	legendTop, legendLeft bool
	legendBest            bool // place the legend where it hides the least data
	xtickFormat           string
	ytickFormat           string
	items                 []item
	nextColor             int
}

// item is one series on an Axes; it becomes gonum plotters when the figure
// is drawn, knowing how many pixels the panel is wide (lines with more
// points than pixels are decimated then).
type item interface {
	plotters(ax *Axes, pixels int) ([]plot.Plotter, []legendEntry, error)
}

type legendEntry struct {
	label  string
	thumbs []plot.Thumbnailer
}

func newAxes(f *Figure) *Axes { return &Axes{fig: f, legendTop: true} }

func init() {
	// Sans-serif text, as most plotting tools use by default.
	plot.DefaultFont = font.Font{Typeface: "Liberation", Variant: "Sans"}
}

// add puts a series on the axes and returns the axes.
func (ax *Axes) add(it item) *Axes {
	ax.items = append(ax.items, it)
	return ax
}

// colorFor returns the series' colour, or the next one of the cycle.
func (ax *Axes) colorFor(s *style) color.Color {
	if s.color != nil {
		return s.color
	}
	c := cycle[ax.nextColor%len(cycle)]
	ax.nextColor++
	return c
}

// SetTitle sets the panel's title.
func (ax *Axes) SetTitle(s string) *Axes { ax.title = s; return ax }

// SetXLabel sets the x axis label.
func (ax *Axes) SetXLabel(s string) *Axes { ax.xlabel = s; return ax }

// SetYLabel sets the y axis label.
func (ax *Axes) SetYLabel(s string) *Axes { ax.ylabel = s; return ax }

// SetXLog makes the x axis logarithmic (base 10). Points whose x is zero
// or negative are left out (they break a line, as NaN does). Ticks are at
// the powers of ten, labelled "0.01", "1", "100", "10000", then "1e+05",
// "1e+06" (see SetXTickFormat to change them).
func (ax *Axes) SetXLog() *Axes { ax.xlog = true; return ax }

// SetYLog makes the y axis logarithmic (base 10); points whose y is zero or
// negative are left out, and the ticks are as SetXLog's.
func (ax *Axes) SetYLog() *Axes { ax.ylog = true; return ax }

// SetXLim fixes the x range; data outside it is clipped.
func (ax *Axes) SetXLim(lo, hi float64) *Axes {
	if !(lo < hi) {
		panic(errorf("SetXLim", "limits [%g, %g]: the lower must be below the upper", lo, hi))
	}
	ax.xlim = []float64{lo, hi}
	return ax
}

// SetYLim fixes the y range.
func (ax *Axes) SetYLim(lo, hi float64) *Axes {
	if !(lo < hi) {
		panic(errorf("SetYLim", "limits [%g, %g]: the lower must be below the upper", lo, hi))
	}
	ax.ylim = []float64{lo, hi}
	return ax
}

// Grid draws light grid lines at the major ticks, under the data.
func (ax *Axes) Grid() *Axes { ax.grid = true; return ax }

// Legend shows a legend of the labelled series. Without a position it
// goes where it hides the least data ("best", as matplotlib's loc="best"):
// the corner of the data area with the fewest points and line segments
// under it, trying top right, top left, bottom left and bottom right in
// turn. A position fixes it: "best", "top right", "top left",
// "bottom right", "bottom left".
func (ax *Axes) Legend(position ...string) *Axes {
	ax.legend = true
	ax.legendBest = true
	if len(position) > 0 {
		ax.legendBest = false
		switch position[0] {
		case "best":
			ax.legendBest = true
		case "top right":
			ax.legendTop, ax.legendLeft = true, false
		case "top left":
			ax.legendTop, ax.legendLeft = true, true
		case "bottom right":
			ax.legendTop, ax.legendLeft = false, false
		case "bottom left":
			ax.legendTop, ax.legendLeft = false, true
		default:
			panic(errorf("Legend", "unknown position %q (want best, top right, top left, bottom right or bottom left)", position[0]))
		}
	}
	return ax
}

// SetXTickFormat sets a fmt verb for the x tick labels, such as "%.2f" or "%.0e".
func (ax *Axes) SetXTickFormat(format string) *Axes { ax.xtickFormat = format; return ax }

// SetYTickFormat sets a fmt verb for the y tick labels.
func (ax *Axes) SetYTickFormat(format string) *Axes { ax.ytickFormat = format; return ax }

// panel is an Axes made into a gonum plot, with what the figure needs to
// finish it once the panel's place is known: the plotters (to find where
// the data lies) and the legend, drawn by the figure in a frame.
type panel struct {
	ax       *Axes
	p        *plot.Plot
	plotters []plot.Plotter
	legend   *plot.Legend // nil: no legend
}

// build makes the gonum plot of the panel.
func (ax *Axes) build(pixels int) (*plot.Plot, error) {
	pn, err := ax.buildPanel(pixels)
	if err != nil {
		return nil, err
	}
	return pn.p, nil
}

// buildPanel makes the gonum plot of the panel, pixels wide at most.
func (ax *Axes) buildPanel(pixels int) (*panel, error) {
	p := plot.New()
	pn := &panel{ax: ax, p: p}
	p.Title.Text = ax.title
	p.Title.Padding = vg.Points(4)
	p.X.Label.Text = ax.xlabel
	p.Y.Label.Text = ax.ylabel
	// Major ticks at round values, as many as the panel has room for (it
	// fills about three quarters of its share of the figure), short tick
	// marks.
	pw, ph := ax.fig.width/float64(ax.fig.cols)*0.75, ax.fig.height/float64(ax.fig.rows)*0.75
	p.X.Tick.Marker = linearTicks{max: maxTicks(pw, 0.45)}
	p.Y.Tick.Marker = linearTicks{max: maxTicks(ph, 0.3)}
	p.X.Tick.Length = vg.Points(4)
	p.Y.Tick.Length = vg.Points(4)
	if ax.grid {
		g := plotter.NewGrid()
		g.Vertical.Color = color.Gray{0xdd}
		g.Horizontal.Color = color.Gray{0xdd}
		p.Add(g)
	}
	var entries []legendEntry
	for _, it := range ax.items {
		ps, le, err := it.plotters(ax, pixels)
		if err != nil {
			return nil, err
		}
		p.Add(ps...)
		pn.plotters = append(pn.plotters, ps...)
		entries = append(entries, le...)
	}
	// Colour bars and the fit of images and contour grids (colorbar.go),
	// before the margins; the data's y range for the bars' sticky base.
	fit := ax.fit(p)
	ylo, yhi := p.Y.Min, p.Y.Max
	if ax.xlim == nil {
		if !fit.tightX {
			pad(&p.X, ax.xlog)
		}
	} else {
		p.X.Min, p.X.Max = ax.xlim[0], ax.xlim[1]
	}
	if ax.ylim == nil {
		if !fit.tightY {
			pad(&p.Y, ax.ylog)
		}
	} else {
		p.Y.Min, p.Y.Max = ax.ylim[0], ax.ylim[1]
	}
	if ax.xlog {
		p.X.Scale = logScale{}
		p.X.Tick.Marker = logTicks{}
		clampLog(&p.X)
	}
	if ax.ylog {
		p.Y.Scale = logScale{}
		p.Y.Tick.Marker = logTicks{}
		clampLog(&p.Y)
	}
	if ax.xtickFormat != "" {
		p.X.Tick.Marker = formatTicks{marker: p.X.Tick.Marker, format: ax.xtickFormat}
	}
	if ax.ytickFormat != "" {
		p.Y.Tick.Marker = formatTicks{marker: p.Y.Tick.Marker, format: ax.ytickFormat}
	}
	// Bars stand on the x axis, categories label it (bar.go); images grow
	// downward and colour bars stand side by side (colorbar.go).
	applyBarAxes(ax, p, ylo, yhi)
	fit.apply(p)
	if ax.legend {
		leg := plot.NewLegend()
		leg.TextStyle.Font.Size = vg.Points(10)
		leg.Top, leg.Left = true, true // inside its frame: top down, icons first
		leg.Padding = vg.Points(2)
		n := 0
		for _, e := range entries {
			if e.label != "" {
				leg.Add(e.label, e.thumbs...)
				n++
			}
		}
		if n > 0 {
			pn.legend = &leg
		}
	}
	return pn, nil
}

// margin is the fraction of the data range left free on each side, as
// matplotlib's default axes margins.
const margin = 0.05

// pad widens an axis range by the margin (multiplicatively on a log axis),
// so markers at the extremes are not cut.
func pad(a *plot.Axis, log bool) {
	lo, hi := a.Min, a.Max
	if math.IsInf(lo, 0) || math.IsInf(hi, 0) || math.IsNaN(lo) || math.IsNaN(hi) {
		return
	}
	if log {
		if lo > 0 && hi > lo {
			f := math.Pow(hi/lo, margin)
			a.Min, a.Max = lo/f, hi*f
		} else if lo > 0 && hi == lo {
			a.Min, a.Max = lo/2, hi*2
		}
		return
	}
	d := (hi - lo) * margin
	if d == 0 {
		d = 0.5
	}
	a.Min, a.Max = lo-d, hi+d
}

// clampLog keeps a log axis on positive values: an empty or non-positive
// range becomes one that shows the positive data, or [1, 10].
func clampLog(a *plot.Axis) {
	if math.IsNaN(a.Max) || math.IsInf(a.Max, 0) || a.Max <= 0 {
		a.Min, a.Max = 1, 10
		return
	}
	if math.IsNaN(a.Min) || math.IsInf(a.Min, 0) || a.Min <= 0 {
		a.Min = math.Min(a.Max/1e3, 1)
	}
	if a.Max <= a.Min {
		a.Max = a.Min * 10
	}
}

// logScale is gonum's log scale without its panic: values that are not
// positive go far below the axis (they are clipped or fall outside), so a
// series that still holds such values (a bar from 0) draws the rest.
type logScale struct{}

func (logScale) Normalize(lo, hi, x float64) float64 {
	if !(lo > 0 && hi > 0) {
		return math.NaN()
	}
	if !(x > 0) {
		return -10
	}
	l := math.Log(lo)
	return (math.Log(x) - l) / (math.Log(hi) - l)
}

// logTicks marks the powers of ten of a log axis, with minor ticks at 2..9
// times them. The labels are plain numbers from 0.0001 to 10000 ("0.01",
// "1", "1000") and in exponent form outside ("1e-05", "1e+06"), as %g
// writes them. Over many decades only every 2nd, 3rd, ... decade is
// labelled; within less than a decade 2 and 5 times the powers are labelled
// too; and when that still leaves fewer than two labels (a range narrower
// than 1 to 2), round values as on a linear axis mark it instead, so an
// axis always has labels to read values by.
type logTicks struct{}

func (logTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(lo > 0 && hi > lo) || math.IsInf(hi, 0) {
		return nil
	}
	const eps = 1e-9
	in := func(v float64) bool { return v >= lo*(1-eps) && v <= hi*(1+eps) }
	e0, e1 := int(math.Floor(math.Log10(lo))), int(math.Ceil(math.Log10(hi)))
	step := 1
	for (e1-e0)/step > 8 {
		step++
	}
	majors := 0
	for e := e0; e <= e1; e++ {
		if e%step == 0 && in(math.Pow10(e)) {
			majors++
		}
	}
	var ts []plot.Tick
	for e := e0; e <= e1; e++ {
		p := math.Pow10(e)
		if in(p) {
			t := plot.Tick{Value: p}
			if e%step == 0 {
				t.Label = logLabel(p)
			}
			ts = append(ts, t)
		}
		if step > 1 {
			continue
		}
		for k := 2; k <= 9; k++ {
			v := float64(k) * p
			if !in(v) {
				continue
			}
			t := plot.Tick{Value: v}
			if majors < 2 && (k == 2 || k == 5 || hi/lo < 3) {
				t.Label = logLabel(v)
			}
			ts = append(ts, t)
		}
	}
	labelled := 0
	for _, t := range ts {
		if t.Label != "" {
			labelled++
		}
	}
	if labelled < 2 {
		return linearTicks{max: 5}.Ticks(lo, hi)
	}
	return ts
}

// logLabel writes a log tick value: plain from 0.0001 up to 10000, in
// exponent form outside.
func logLabel(v float64) string {
	if v >= 1e-4*(1-1e-9) && v < 1e5 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'e', 0, 64)
}

// formatTicks relabels the ticks of another marker with a fmt verb.
type formatTicks struct {
	marker plot.Ticker
	format string
}

func (f formatTicks) Ticks(lo, hi float64) []plot.Tick {
	ts := f.marker.Ticks(lo, hi)
	for i := range ts {
		if ts[i].Label != "" {
			ts[i].Label = sprintf(f.format, ts[i].Value)
		}
	}
	return ts
}

// hideTickLabels draws an axis's tick marks without their labels (the inner
// panels of a grid with shared axes), taking no room for them.
func hideTickLabels(a *plot.Axis) {
	a.Tick.Label.Font.Size = 0
}

// Legend frame: padding inside it, and its look (as matplotlib's: white,
// a little transparent, light grey edge).
const legendPad = 4 // points

var (
	legendFill = color.NRGBA{0xff, 0xff, 0xff, 0xcc}
	legendEdge = color.Gray{0xcc}
)

// drawLegend draws the panel's legend in a frame inside the data area of c
// (the canvas the panel was drawn on), in the corner asked for or, for
// "best", in the corner that hides the least data.
func (pn *panel) drawLegend(c draw.Canvas) {
	if pn.legend == nil {
		return
	}
	leg := pn.legend
	dataC := pn.p.DataCanvas(c)
	size := leg.Rectangle(dataC).Size()
	descent := leg.TextStyle.FontExtents().Descent
	pad := vg.Points(legendPad)
	bw, bh := size.X+2*pad, size.Y+descent+2*pad
	box := func(top, left bool) vg.Rectangle {
		r := vg.Rectangle{Min: dataC.Min, Max: vg.Point{X: dataC.Min.X + bw, Y: dataC.Min.Y + bh}}
		if !left {
			r.Min.X, r.Max.X = dataC.Max.X-bw, dataC.Max.X
		}
		if top {
			r.Min.Y, r.Max.Y = dataC.Max.Y-bh, dataC.Max.Y
		}
		return r
	}
	top, left := pn.ax.legendTop, pn.ax.legendLeft
	if pn.ax.legendBest {
		top, left = pn.bestCorner(dataC, box)
	}
	r := box(top, left)
	c.SetColor(legendFill)
	c.Fill(rectPath(r))
	c.StrokeLines(draw.LineStyle{Color: legendEdge, Width: vg.Points(0.8)},
		[]vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}, r.Min})
	inner := draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
		Min: vg.Point{X: r.Min.X + pad, Y: r.Min.Y + pad},
		Max: vg.Point{X: r.Max.X - pad, Y: r.Max.Y - pad + descent},
	}}
	leg.Draw(inner)
}

func rectPath(r vg.Rectangle) vg.Path {
	var p vg.Path
	p.Move(r.Min)
	p.Line(vg.Point{X: r.Max.X, Y: r.Min.Y})
	p.Line(r.Max)
	p.Line(vg.Point{X: r.Min.X, Y: r.Max.Y})
	p.Close()
	return p
}

// coverer is implemented by plotters of filled areas (bars, fills, ...) so
// that a "best" legend keeps off them: the rectangles they fill, in data
// coordinates, as {x0, x1, y0, y1}.
type coverer interface {
	coveredRects() [][4]float64
}

// bestCorner returns the corner of the data area where a legend box hides
// the least data, as matplotlib's loc="best": each point of a line or
// scatter under the box counts one, each line segment crossing it one
// more, and filled areas count by the fraction of the box they cover (a
// box fully covered counts as 100 points). Ties go to top right, top left,
// bottom left, bottom right, in this order.
func (pn *panel) bestCorner(dataC draw.Canvas, box func(top, left bool) vg.Rectangle) (top, left bool) {
	corners := [4][2]bool{{true, false}, {true, true}, {false, true}, {false, false}}
	var boxes [4]vg.Rectangle
	for i, tl := range corners {
		boxes[i] = box(tl[0], tl[1])
	}
	var score [4]float64
	trX, trY := pn.p.Transforms(&dataC)
	pt := func(x, y float64) (vg.Point, bool) {
		if !isFinite(x) || !isFinite(y) || (pn.ax.xlog && x <= 0) || (pn.ax.ylog && y <= 0) {
			return vg.Point{}, false
		}
		return vg.Point{X: trX(x), Y: trY(y)}, true
	}
	addRect := func(x0, x1, y0, y1 float64) {
		a, ok1 := pt(x0, y0)
		b, ok2 := pt(x1, y1)
		if !ok1 || !ok2 {
			return
		}
		r := vg.Rectangle{Min: vg.Point{X: min(a.X, b.X), Y: min(a.Y, b.Y)}, Max: vg.Point{X: max(a.X, b.X), Y: max(a.Y, b.Y)}}
		for i, bx := range boxes {
			w := min(r.Max.X, bx.Max.X) - max(r.Min.X, bx.Min.X)
			h := min(r.Max.Y, bx.Max.Y) - max(r.Min.Y, bx.Min.Y)
			if w > 0 && h > 0 {
				area := (bx.Max.X - bx.Min.X) * (bx.Max.Y - bx.Min.Y)
				score[i] += 100 * float64(w*h/area)
			}
		}
	}
	base := math.Max(pn.p.Y.Min, 0)
	if pn.ax.ylog {
		base = pn.p.Y.Min
	}
	for _, ps := range pn.plotters {
		switch v := ps.(type) {
		case coverer:
			for _, r := range v.coveredRects() {
				addRect(r[0], r[1], r[2], r[3])
			}
		case *plotter.Histogram:
			for _, b := range v.Bins {
				addRect(b.Min, b.Max, base, b.Weight)
			}
		case *plotter.Polygon:
			for _, ring := range v.XYs {
				pn.scorePath(&score, boxes, ring, true, pt)
			}
		case *plotter.Line:
			pn.scorePath(&score, boxes, v.XYs, false, pt)
		case plotter.XYer:
			for i := 0; i < v.Len(); i++ {
				if p, ok := pt(v.XY(i)); ok {
					for j, bx := range boxes {
						if inRect(p, bx) {
							score[j]++
						}
					}
				}
			}
		}
	}
	best := 0
	for i := range score {
		if score[i] < score[best] {
			best = i
		}
	}
	return corners[best][0], corners[best][1]
}

// scorePath adds to score the points of a polyline under each box and the
// segments that cross it.
func (pn *panel) scorePath(score *[4]float64, boxes [4]vg.Rectangle, xys plotter.XYer, closed bool, pt func(x, y float64) (vg.Point, bool)) {
	n := xys.Len()
	var prev vg.Point
	havePrev := false
	for i := 0; i < n+btoi(closed && n > 2); i++ {
		p, ok := pt(xys.XY(i % n))
		if !ok {
			havePrev = false
			continue
		}
		for j, bx := range boxes {
			if inRect(p, bx) {
				score[j]++
			} else if havePrev && segmentHits(prev, p, bx) {
				score[j]++
			}
		}
		prev, havePrev = p, true
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func inRect(p vg.Point, r vg.Rectangle) bool {
	return p.X >= r.Min.X && p.X <= r.Max.X && p.Y >= r.Min.Y && p.Y <= r.Max.Y
}

// segmentHits reports whether the segment a-b passes through r
// (Liang–Barsky clipping).
func segmentHits(a, b vg.Point, r vg.Rectangle) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
	clip := func(p, q float64) bool {
		if p == 0 {
			return q >= 0
		}
		t := q / p
		if p < 0 {
			if t > t1 {
				return false
			}
			t0 = max(t0, t)
		} else {
			if t < t0 {
				return false
			}
			t1 = min(t1, t)
		}
		return true
	}
	return clip(-dx, float64(a.X-r.Min.X)) && clip(dx, float64(r.Max.X-a.X)) &&
		clip(-dy, float64(a.Y-r.Min.Y)) && clip(dy, float64(r.Max.Y-a.Y)) && t0 <= t1
}

// linearTicks marks a linear axis at round values, as matplotlib's
// MaxNLocator: steps of 1, 2, 2.5 or 5 times a power of ten, the smallest
// that gives at most max ticks, labelled with as many decimals as the step
// needs ("0.25", "0.50", ...), in exponent form when the values are large
// (1e6 and up) or small (under 1e-4). No minor ticks.
type linearTicks struct{ max int }

func (t linearTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(hi > lo) || math.IsInf(hi-lo, 0) {
		return nil
	}
	nmax := max(t.max, 2)
	mag := math.Pow10(int(math.Floor(math.Log10((hi - lo) / float64(nmax)))))
	var step, mant float64
	for _, m := range []float64{1, 2, 2.5, 5, 10, 20} {
		step, mant = m*mag, m
		n := math.Floor(hi/step+1e-9) - math.Ceil(lo/step-1e-9) + 1
		if n <= float64(nmax) {
			break
		}
	}
	if mant >= 10 {
		mant /= 10
	}
	first, last := math.Ceil(lo/step-1e-9), math.Floor(hi/step+1e-9)
	big := math.Max(math.Abs(lo), math.Abs(hi))
	sci := big >= 1e6 || big < 1e-4
	dec := max(0, -int(math.Floor(math.Log10(step)+1e-9)))
	if mant == 2.5 {
		dec++
	}
	sig := int(math.Floor(math.Log10(big)+1e-9)) - int(math.Floor(math.Log10(step)+1e-9))
	if mant == 2.5 {
		sig++
	}
	var ts []plot.Tick
	for k := first; k <= last; k++ {
		v := k * step
		if k == 0 {
			v = 0
		}
		var s string
		switch {
		case sci && v != 0:
			s = trimMantissa(strconv.FormatFloat(v, 'e', max(sig, 0), 64))
		case sci:
			s = "0"
		default:
			s = strconv.FormatFloat(v, 'f', dec, 64)
		}
		ts = append(ts, plot.Tick{Value: v, Label: s})
	}
	return ts
}

// trimMantissa drops the trailing zeros of an exponent form's mantissa:
// "2.50e+05" is "2.5e+05", "2.0e+05" is "2e+05".
func trimMantissa(s string) string {
	i := strings.IndexByte(s, 'e')
	if i < 0 || !strings.Contains(s[:i], ".") {
		return s
	}
	m := strings.TrimRight(s[:i], "0")
	m = strings.TrimSuffix(m, ".")
	return m + s[i:]
}

// maxTicks is the most ticks an axis of the given length in inches gets:
// room for labels of about inchesPerTick each, between 3 and 9.
func maxTicks(length, inchesPerTick float64) int {
	return min(max(int(length/inchesPerTick), 3), 9)
}
