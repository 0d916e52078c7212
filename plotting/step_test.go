package plotting

import (
	"fmt"
	"math"
	"testing"
)

func init() {
	registerGolden("step_where", func() *Figure {
		x := []float64{0, 1, 2, 3, 4, 5}
		y := []float64{1, 3, 2, 4, 3, 5}
		up := func(d float64) []float64 {
			out := make([]float64, len(y))
			for i := range y {
				out[i] = y[i] + d
			}
			return out
		}
		f := New(Size(4, 3))
		f.Axes().SetYLim(0, 19).Step(x, y, Label("pre")).
			Step(x, up(5), Where("post"), Label("post")).
			Step(x, up(10), Where("mid"), Label("mid")).
			Scatter(x, y, Color("gray"), MarkerSize(2)).
			Scatter(x, up(5), Color("gray"), MarkerSize(2)).
			Scatter(x, up(10), Color("gray"), MarkerSize(2)).
			SetTitle("Step: pre, post, mid").Legend("top left")
		return f
	})
}

func TestSteps(t *testing.T) {
	x, y := []float64{0, 1, 2}, []float64{10, 20, 30}
	for _, c := range []struct {
		where  string
		sx, sy []float64
	}{
		{"pre", []float64{0, 0, 1, 1, 2}, []float64{10, 20, 20, 30, 30}},
		{"post", []float64{0, 1, 1, 2, 2}, []float64{10, 10, 20, 20, 30}},
		{"mid", []float64{0, 0.5, 0.5, 1.5, 1.5, 2}, []float64{10, 10, 20, 20, 30, 30}},
	} {
		sx, sy := steps(x, y, c.where)
		if !equalFloats(sx, c.sx) || !equalFloats(sy, c.sy) {
			t.Errorf("%s: %v %v, want %v %v (as matplotlib)", c.where, sx, sy, c.sx, c.sy)
		}
	}
	// The default is pre.
	ax := New().Axes().Step(x, y)
	if it := ax.items[0].(*stepItem); !equalFloats(it.xs, []float64{0, 0, 1, 1, 2}) {
		t.Errorf("default: %v, want pre", it.xs)
	}
}

func TestStepErrors(t *testing.T) {
	checkPlotError(t, "lengths", func() { New().Axes().Step([]float64{1, 2}, []float64{1, 2, 3}) }, "x has 2", "y has 3")
	checkPlotError(t, "where", func() { Where("middle") }, `"middle"`)
	nan := math.NaN()
	f := New(Size(2, 2), DPI(30))
	f.Axes().Step(nil, []float64{1, nan, 2, 3}, Where("mid")).Step([]float64{nan}, []float64{1}).Step(nil, []float64{})
	if _, err := f.PNG(); err != nil {
		t.Fatal(err)
	}
}

func ExampleAxes_Step() {
	fig := New(Size(4, 3))
	fig.Axes().Step([]float64{0, 1, 2, 3}, []float64{1, 3, 2, 4}, Where("post"), Label("post")).Legend()
	png, err := fig.PNG()
	fmt.Println(err, len(png) > 0)
	// Output: <nil> true
}
