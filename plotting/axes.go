package plotting

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
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

// SetXLog makes the x axis logarithmic (base 10).
func (ax *Axes) SetXLog() *Axes { ax.xlog = true; return ax }

// SetYLog makes the y axis logarithmic (base 10).
func (ax *Axes) SetYLog() *Axes { ax.ylog = true; return ax }

// SetXLim fixes the x range.
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

// Grid draws grid lines at the ticks.
func (ax *Axes) Grid() *Axes { ax.grid = true; return ax }

// Legend shows a legend of the labelled series, at the top right unless a
// position is given: "top right", "top left", "bottom right", "bottom left".
func (ax *Axes) Legend(position ...string) *Axes {
	ax.legend = true
	if len(position) > 0 {
		switch position[0] {
		case "top right":
			ax.legendTop, ax.legendLeft = true, false
		case "top left":
			ax.legendTop, ax.legendLeft = true, true
		case "bottom right":
			ax.legendTop, ax.legendLeft = false, false
		case "bottom left":
			ax.legendTop, ax.legendLeft = false, true
		default:
			panic(errorf("Legend", "unknown position %q (want top right, top left, bottom right or bottom left)", position[0]))
		}
	}
	return ax
}

// SetXTickFormat sets a fmt verb for the x tick labels, such as "%.2f" or "%.0e".
func (ax *Axes) SetXTickFormat(format string) *Axes { ax.xtickFormat = format; return ax }

// SetYTickFormat sets a fmt verb for the y tick labels.
func (ax *Axes) SetYTickFormat(format string) *Axes { ax.ytickFormat = format; return ax }

// build makes the gonum plot of the panel.
func (ax *Axes) build(pixels int) (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = ax.title
	p.X.Label.Text = ax.xlabel
	p.Y.Label.Text = ax.ylabel
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
		entries = append(entries, le...)
	}
	if ax.xlim == nil {
		pad(&p.X, ax.xlog)
	}
	if ax.ylim == nil {
		pad(&p.Y, ax.ylog)
	}
	if ax.xlog {
		p.X.Scale = plot.LogScale{}
		p.X.Tick.Marker = plot.LogTicks{Prec: -1}
		clampLog(&p.X)
	}
	if ax.ylog {
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = plot.LogTicks{Prec: -1}
		clampLog(&p.Y)
	}
	if ax.xtickFormat != "" {
		p.X.Tick.Marker = formatTicks{marker: p.X.Tick.Marker, format: ax.xtickFormat}
	}
	if ax.ytickFormat != "" {
		p.Y.Tick.Marker = formatTicks{marker: p.Y.Tick.Marker, format: ax.ytickFormat}
	}
	if ax.xlim != nil {
		p.X.Min, p.X.Max = ax.xlim[0], ax.xlim[1]
	}
	if ax.ylim != nil {
		p.Y.Min, p.Y.Max = ax.ylim[0], ax.ylim[1]
	}
	if ax.legend {
		p.Legend.Top = ax.legendTop
		p.Legend.Left = ax.legendLeft
		for _, e := range entries {
			if e.label != "" {
				p.Legend.Add(e.label, e.thumbs...)
			}
		}
	}
	return p, nil
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
		}
		return
	}
	d := (hi - lo) * margin
	if d == 0 {
		d = 0.5
	}
	a.Min, a.Max = lo-d, hi+d
}

// clampLog keeps a log axis off zero and negative values.
func clampLog(a *plot.Axis) {
	if a.Min <= 0 {
		a.Min = math.Min(a.Max/1e3, 1)
		if a.Min <= 0 {
			a.Min = 1
		}
	}
	if a.Max <= a.Min {
		a.Max = a.Min * 10
	}
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
