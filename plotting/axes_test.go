package plotting

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

func init() {
	// A power law on log-log axes: straight lines, ticks at the powers of
	// ten; the zero, negative and NaN points of "measured" are left out.
	registerGolden("loglog_powerlaw", func() *Figure {
		n := 60
		x, y, m := make([]float64, n), make([]float64, n), make([]float64, n)
		for i := range x {
			x[i] = math.Pow(10, float64(i)/float64(n-1)*4) // 1 .. 1e4
			y[i] = 50 * math.Pow(x[i], -1.5)
			m[i] = y[i] * (1 + 0.3*math.Sin(float64(i)))
		}
		m[10], m[20], m[30] = 0, -1, math.NaN()
		f := New(Size(5, 4))
		f.Axes().Line(x, y, Label("50 x^-1.5")).
			Scatter(x, m, Label("measured"), Color("C3")).
			SetXLog().SetYLog().Grid().Legend().
			SetTitle("Power law").SetXLabel("frequency (Hz)").SetYLabel("power")
		return f
	})
	// Fixed limits that cut the data, and tick formats.
	registerGolden("limits_tickformat", func() *Figure {
		x := make([]float64, 300)
		y := make([]float64, 300)
		for i := range x {
			x[i] = float64(i) / 100
			y[i] = math.Sin(3*x[i]) * math.Exp(x[i]/2)
		}
		f := New(Size(4, 3))
		f.Axes().Line(x, y).SetXLim(0.5, 2.5).SetYLim(-2, 2).
			SetXTickFormat("%.2f").SetYTickFormat("%+.1f").Grid().
			SetTitle("Limits and formats")
		return f
	})
	// Data in the top right, top left and bottom left: the legend goes to
	// the bottom right, where it hides nothing.
	registerGolden("legend_best", func() *Figure {
		n := 100
		x, a, b := make([]float64, n), make([]float64, n), make([]float64, n)
		for i := range x {
			x[i] = float64(i) / float64(n-1)
			a[i] = x[i] * x[i]
			b[i] = 1 - 2*x[i] + 2*x[i]*x[i]*x[i]
		}
		f := New(Size(4, 3))
		f.Axes().Line(x, a, Label("x²")).Line(x, b, Label("1 - 2x + 2x³")).
			Scatter([]float64{0.05, 0.1, 0.15}, []float64{0.05, 0.1, 0.02}, Label("samples")).
			Legend().SetTitle("Legend where the data is not")
		return f
	})
}

func TestLogTicks(t *testing.T) {
	labels := func(ts []plot.Tick) []string {
		var out []string
		for _, tk := range ts {
			if tk.Label != "" {
				out = append(out, tk.Label)
			}
		}
		return out
	}
	for _, c := range []struct {
		lo, hi float64
		want   []string
	}{
		{0.9, 1100, []string{"1", "10", "100", "1000"}},
		{0.005, 20, []string{"0.01", "0.1", "1", "10"}},
		{3e4, 2e7, []string{"1e+05", "1e+06", "1e+07"}},
		{2, 9, []string{"2", "5"}},
		{2, 4.5, []string{"2", "3", "4"}},
		// Narrower than 1 to 2: round values, as on a linear axis.
		{0.17, 0.25, []string{"0.18", "0.20", "0.22", "0.24"}},
		{1e-12, 1e12, []string{"1e-12", "1e-09", "1e-06", "0.001", "1", "1000", "1e+06", "1e+09", "1e+12"}},
	} {
		got := labels(logTicks{}.Ticks(c.lo, c.hi))
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("log ticks on [%g, %g]: %q, want %q", c.lo, c.hi, got, c.want)
		}
	}
	if ts := (logTicks{}).Ticks(-1, 10); ts != nil {
		t.Errorf("non-positive range: %v, want none", ts)
	}
}

func TestLinearTicks(t *testing.T) {
	for _, c := range []struct {
		lo, hi float64
		max    int
		want   []string
	}{
		{-1.1, 1.1, 8, []string{"-1.0", "-0.5", "0.0", "0.5", "1.0"}},
		{-1.1, 1.1, 9, []string{"-1.00", "-0.75", "-0.50", "-0.25", "0.00", "0.25", "0.50", "0.75", "1.00"}},
		{-2.45, 51.45, 7, []string{"0", "10", "20", "30", "40", "50"}},
		{0, 1e6, 6, []string{"0", "2e+05", "4e+05", "6e+05", "8e+05", "1e+06"}},
		{1e-5, 5e-5, 5, []string{"1e-05", "2e-05", "3e-05", "4e-05", "5e-05"}},
		{-0.3, 0.3, 3, []string{"-0.2", "0.0", "0.2"}},
	} {
		var got []string
		for _, tk := range (linearTicks{max: c.max}).Ticks(c.lo, c.hi) {
			got = append(got, tk.Label)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("ticks on [%g, %g] (at most %d): %q, want %q", c.lo, c.hi, c.max, got, c.want)
		}
	}
}

// TestLogDropsBadValues: zero, negative and NaN values on a log axis are
// left out, not a panic; the rest of the series is drawn; a series with
// nothing drawable still renders an empty panel.
func TestLogDropsBadValues(t *testing.T) {
	f := Grid(1, 3)
	f.At(0, 0).Line([]float64{1, 2, 3, 4, 5}, []float64{10, 0, -5, math.NaN(), 1000}).SetYLog()
	f.At(0, 1).Scatter([]float64{-1, 0, 1, 10, 100}, []float64{1, 2, 3, 4, 5}).SetXLog().SetYLog()
	f.At(0, 2).Line([]float64{-1, -2}, []float64{0, 0}).SetXLog().SetYLog().SetXLim(-5, 10)
	if _, err := f.PNG(); err != nil {
		t.Fatal(err)
	}
	p, err := f.At(0, 0).build(100)
	if err != nil {
		t.Fatal(err)
	}
	if p.Y.Min <= 0 || p.Y.Min > 10 || p.Y.Max < 1000 {
		t.Errorf("log y range [%g, %g], want it to cover [10, 1000] and stay positive", p.Y.Min, p.Y.Max)
	}
	p, err = f.At(0, 1).build(100)
	if err != nil {
		t.Fatal(err)
	}
	if p.X.Min <= 0 || p.X.Min > 1 || p.X.Max < 100 {
		t.Errorf("log x range [%g, %g], want it to cover [1, 100]", p.X.Min, p.X.Max)
	}
	// The caller's slices are not changed.
	y := []float64{1, 0, 2}
	New().Axes().Line(nil, y).SetYLog().fig.PNG()
	if y[1] != 0 {
		t.Errorf("input changed: %v", y)
	}
}

func TestLegendPositions(t *testing.T) {
	ax := New().Axes()
	if ax.Legend(); !ax.legendBest {
		t.Error("Legend(): want best placement")
	}
	if ax.Legend("bottom left"); ax.legendBest || ax.legendTop || !ax.legendLeft {
		t.Error("Legend(bottom left) not kept")
	}
	if ax.Legend("best"); !ax.legendBest {
		t.Error("Legend(best) not kept")
	}
	err := recoverError(func() { ax.Legend("middle") })
	if err == nil || !strings.Contains(err.Error(), "middle") {
		t.Errorf("unknown position: %v", err)
	}
}

func recoverError(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err, _ = r.(error)
		}
	}()
	f()
	return nil
}

// TestLegendBestCorner: the legend goes to the corner with the least data.
func TestLegendBestCorner(t *testing.T) {
	x := []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	up := make([]float64, len(x))
	for i := range x {
		up[i] = x[i] * x[i]
	}
	down := make([]float64, len(x))
	for i := range x {
		down[i] = 100 - up[i]
	}
	for _, c := range []struct {
		name      string
		y         []float64
		top, left bool
	}{
		{"rising: top left", up, true, true},
		{"falling: top right", down, true, false},
	} {
		f := New(Size(4, 3))
		ax := f.Axes().Line(x, c.y, Label("data")).Legend()
		pn, err := ax.buildPanel(400)
		if err != nil {
			t.Fatal(err)
		}
		cv := vgimg.New(4*vg.Inch, 3*vg.Inch)
		dc := draw.New(cv)
		dataC := pn.p.DataCanvas(dc)
		box := func(top, left bool) vg.Rectangle {
			r := vg.Rectangle{Min: dataC.Min, Max: vg.Point{X: dataC.Min.X + 60, Y: dataC.Min.Y + 30}}
			if !left {
				r.Min.X, r.Max.X = dataC.Max.X-60, dataC.Max.X
			}
			if top {
				r.Min.Y, r.Max.Y = dataC.Max.Y-30, dataC.Max.Y
			}
			return r
		}
		top, left := pn.bestCorner(dataC, box)
		if top != c.top || left != c.left {
			t.Errorf("%s: got top %v left %v", c.name, top, left)
		}
	}
}
