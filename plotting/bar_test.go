package plotting

import (
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/plot"
)

func init() {
	registerGolden("bar_signed", func() *Figure {
		x := []float64{1, 2, 3, 4, 5, 6}
		f := New(Size(4, 3))
		f.Axes().Bar(x, []float64{3, -1.5, 2, math.NaN(), 4, -2.5}, Label("change")).
			Bar([]float64{7.5}, []float64{1}, BarWidth(2), Color("C3"), Label("wide")).
			SetTitle("Bars up and down").Legend()
		return f
	})
}

func TestBarErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		fn   func()
		want []string
	}{
		{"x and heights", func() { New().Axes().Bar([]float64{1, 2, 3}, []int{1, 2}) }, []string{"Bar", "3", "2"}},
		{"labels and heights", func() { New().Axes().BarLabels([]string{"a", "b"}, []float64{1, 2, 3}) }, []string{"labels has 2", "heights has 3"}},
		{"BarWidth(0)", func() { BarWidth(0) }, []string{"width 0"}},
		{"BarWidth(-1)", func() { BarWidth(-1) }, []string{"width -1"}},
		{"BarWidth(NaN)", func() { BarWidth(math.NaN()) }, []string{"NaN"}},
	} {
		checkPlotError(t, c.name, c.fn, c.want...)
	}
}

func TestBarGeometry(t *testing.T) {
	ax := New().Axes()
	ax.Bar([]int{1, 2, 3}, []float64{2, math.NaN(), -1}, BarWidth(0.5))
	ps, le, err := ax.items[0].plotters(ax, 100)
	if err != nil || len(ps) != 1 || len(le) != 1 {
		t.Fatalf("plotters: %v %d %d", err, len(ps), len(le))
	}
	b := ps[0].(*barsPlotter)
	want := []rect{{0.75, 1.25, 0, 2}, {2.75, 3.25, 0, -1}}
	if len(b.rects) != len(want) {
		t.Fatalf("rects %v, want %v (the NaN bar left out)", b.rects, want)
	}
	for i := range want {
		if b.rects[i] != want[i] {
			t.Errorf("rect %d: %v, want %v", i, b.rects[i], want[i])
		}
	}
	if x0, x1, y0, y1 := b.DataRange(); x0 != 0.75 || x1 != 3.25 || y0 != -1 || y1 != 2 {
		t.Errorf("DataRange %g %g %g %g", x0, x1, y0, y1)
	}
	// All NaN: nothing drawn, no crash.
	f := New(Size(2, 2), DPI(30))
	f.Axes().Bar(nil, []float64{math.NaN(), math.NaN()}).Bar(nil, []float64{})
	if _, err := f.PNG(); err != nil {
		t.Fatal(err)
	}
}

func TestBarLabelsTicks(t *testing.T) {
	ax := New().Axes()
	ax.BarLabels([]string{"a", "b", "c"}, []int{3, 1, 2})
	it := ax.items[0].(*barItem)
	want := []plot.Tick{{Value: 0, Label: "a"}, {Value: 1, Label: "b"}, {Value: 2, Label: "c"}}
	got := it.xticks()
	if len(got) != len(want) {
		t.Fatalf("ticks %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("tick %d: %v, want %v", i, got[i], want[i])
		}
	}
}

func ExampleAxes_Bar() {
	fig := New(Size(4, 3))
	fig.Axes().Bar([]float64{1, 2, 3}, []float64{2, -1, 3}, BarWidth(0.5), Label("delta")).
		BarLabels([]string{"a", "b"}, []int{1, 2}, Color("C1"))
	png, err := fig.PNG()
	fmt.Println(err, len(png) > 0)
	// Output: <nil> true
}

// barAxesPlot builds the panel's plot as Axes.build does up to pad, then
// applies applyBarAxes.
func barAxesPlot(t *testing.T, ax *Axes) *plot.Plot {
	t.Helper()
	p := plot.New()
	for _, it := range ax.items {
		ps, _, err := it.plotters(ax, 100)
		if err != nil {
			t.Fatal(err)
		}
		p.Add(ps...)
	}
	ylo, yhi := p.Y.Min, p.Y.Max
	pad(&p.X, false)
	pad(&p.Y, false)
	applyBarAxes(ax, p, ylo, yhi)
	return p
}

func TestApplyBarAxes(t *testing.T) {
	for _, c := range []struct {
		name           string
		ax             *Axes
		minAt0, maxAt0 bool // the y range stops at 0, unpadded
	}{
		{"hist", New().Axes().Hist([]float64{1, 2, 2, 3}), true, false},
		{"positive bars", New().Axes().Bar(nil, []float64{1, 3}), true, false},
		{"negative bars", New().Axes().Bar(nil, []float64{-1, -3}), false, true},
		{"mixed bars", New().Axes().Bar(nil, []float64{-1, 3}), false, false},
		{"line below 0", New().Axes().Bar(nil, []float64{1, 3}).Line(nil, []float64{-1, 2}), false, false},
		{"fixed ylim", New().Axes().Bar(nil, []float64{1, 3}).SetYLim(-1, 5), false, false},
		{"log y", New().Axes().Bar(nil, []float64{1, 3}).SetYLog(), false, false},
	} {
		p := barAxesPlot(t, c.ax)
		if (p.Y.Min == 0) != c.minAt0 || (p.Y.Max == 0) != c.maxAt0 {
			t.Errorf("%s: y range [%g, %g]; want it to stop at 0 below %v, above %v", c.name, p.Y.Min, p.Y.Max, c.minAt0, c.maxAt0)
		}
	}
	ax := New().Axes().BarLabels([]string{"a", "b"}, []float64{1, 2})
	p := barAxesPlot(t, ax)
	ts := p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max)
	if len(ts) != 2 || ts[0].Label != "a" || ts[1].Label != "b" {
		t.Errorf("x ticks %v, want a and b", ts)
	}
}
