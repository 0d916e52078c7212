package plotting

import (
	"fmt"
	"math"
	"testing"
)

func init() {
	registerGolden("errorbars_caps", func() *Figure {
		x := []float64{1, 2, 3, 4, 5, 6}
		y := []float64{1.2, 2.1, 2.8, 4.3, 4.9, 6.2}
		yerr := []float64{0.3, 0.5, math.NaN(), 0.4, 0.8, 0.2}
		f := New(Size(4, 3))
		f.Axes().Line(x, x, Dashes(3, 2), Color("gray"), Label("y = x")).
			ErrorBars(x, y, yerr, XErr(0.2), Label("measured")).
			SetTitle("Error bars").Legend("top left")
		return f
	})
}

func TestErrorBarsErrors(t *testing.T) {
	x := []float64{1, 2, 3}
	for _, c := range []struct {
		name string
		fn   func()
		want []string
	}{
		{"x and y", func() { New().Axes().ErrorBars(x, []float64{1, 2}, 0.1) }, []string{"x has 3", "y has 2"}},
		{"yerr", func() { New().Axes().ErrorBars(x, x, []float64{1, 2}) }, []string{"y has 3", "yerr has 2"}},
		{"XErr", func() { New().Axes().ErrorBars(x, x, nil, XErr([]float64{1, 2, 3, 4})) }, []string{"x has 3", "XErr has 4"}},
		{"negative", func() { New().Axes().ErrorBars(x, x, []float64{0.1, -0.2, 0.1}) }, []string{"yerr[1] is -0.2"}},
	} {
		checkPlotError(t, c.name, c.fn, c.want...)
	}
}

func TestErrorBarsNaN(t *testing.T) {
	ax := New().Axes()
	nan := math.NaN()
	ax.ErrorBars([]float64{1, 2, nan, 4}, []float64{1, nan, 3, 4}, []float64{0.5, 0.5, 0.5, nan}, XErr(0.1))
	ps, _, err := ax.items[0].plotters(ax, 100)
	if err != nil {
		t.Fatal(err)
	}
	// Points 0 and 3 stay; only point 0 has a y bar; both have x bars.
	if len(ps) != 3 {
		t.Fatalf("%d plotters, want y bars, x bars, markers", len(ps))
	}
	f := New(Size(2, 2), DPI(30))
	f.Axes().ErrorBars(nil, []float64{nan, nan}, 1).ErrorBars(nil, []float64{1, 2}, []float64{nan, nan})
	if _, err := f.PNG(); err != nil {
		t.Fatal(err)
	}
}

func ExampleAxes_ErrorBars() {
	fig := New(Size(4, 3))
	fig.Axes().ErrorBars([]float64{1, 2, 3}, []float64{2, 4, 3}, 0.5, XErr([]float64{0.1, 0.2, 0.1}), Label("data")).Legend()
	png, err := fig.PNG()
	fmt.Println(err, len(png) > 0)
	// Output: <nil> true
}
