package plotting

import (
	"fmt"
	"math"
	"testing"
)

func init() {
	registerGolden("fill_between_band", func() *Figure {
		n := 60
		x, y, lo, hi := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
		for i := range x {
			x[i] = float64(i) / 6
			y[i] = math.Sin(x[i])
			lo[i], hi[i] = y[i]-0.3, y[i]+0.3
		}
		hi[30] = math.NaN() // a gap in the band
		f := New(Size(4, 3))
		f.Axes().FillBetween(x, lo, hi, Label("±0.3")).
			Line(x, y, Label("sin")).
			FillBetween(x, y, 0, Color("C1"), Alpha(0.2), Label("to 0")).
			SetTitle("Fill between").Legend("bottom left")
		return f
	})
}

func TestFillBetweenErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		fn   func()
		want []string
	}{
		{"x and y1", func() { New().Axes().FillBetween([]float64{1, 2, 3}, []float64{1, 2}, 0) }, []string{"x has 3", "y has 2"}},
		{"y1 and y2", func() { New().Axes().FillBetween(nil, []float64{1, 2, 3}, []float64{1, 2}) }, []string{"y1 has 3", "y2 has 2"}},
	} {
		checkPlotError(t, c.name, c.fn, c.want...)
	}
}

func TestFillBetweenPieces(t *testing.T) {
	nan := math.NaN()
	ax := New().Axes()
	ax.FillBetween([]float64{0, 1, 2, 3, 4, 5, 6}, []float64{1, 1, nan, 1, 1, 1, 1}, []int{0, 0, 0, 0, 0, 0, math.MaxInt8})
	ps, _, err := ax.items[0].plotters(ax, 100)
	if err != nil || len(ps) != 1 {
		t.Fatalf("%v, %d plotters", err, len(ps))
	}
	f := ps[0].(*fillPlotter)
	// Pieces: x 0..1, then x 3..6 (NaN at 2 breaks it).
	if len(f.polys) != 2 || len(f.polys[0]) != 4 || len(f.polys[1]) != 8 {
		t.Fatalf("polygons %v", f.polys)
	}
	if p := f.polys[0]; p[0].X != 0 || p[1].X != 1 || p[2].X != 1 || p[2].Y != 0 || p[3].X != 0 {
		t.Errorf("first piece %v: want y1 forwards, y2 backwards", p)
	}
	g := New(Size(2, 2), DPI(30))
	g.Axes().FillBetween(nil, []float64{nan, 1, nan}, 0).FillBetween(nil, []float64{}, 0)
	if _, err := g.PNG(); err != nil {
		t.Fatal(err)
	}
}

func ExampleAxes_FillBetween() {
	x := []float64{0, 1, 2, 3}
	fig := New(Size(4, 3))
	fig.Axes().FillBetween(x, []float64{1, 3, 2, 4}, 0, Label("area")).Legend()
	png, err := fig.PNG()
	fmt.Println(err, len(png) > 0)
	// Output: <nil> true
}
