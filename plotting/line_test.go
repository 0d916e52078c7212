package plotting

import (
	"errors"
	"math"
	"strings"
	"testing"

	"workbench/arrays"
)

func init() {
	registerGolden("line_sine", func() *Figure {
		x := arrays.Linspace(0, 2*math.Pi, 200)
		f := New(Size(4, 3))
		f.Axes().Line(x, arrays.Sin(x), Label("sin")).
			Line(x, arrays.Cos(x), Label("cos"), Dashes(4, 2)).
			SetTitle("Sine and cosine").SetXLabel("x").SetYLabel("y").Grid().Legend()
		return f
	})
	registerGolden("line_nan_gap", func() *Figure {
		y := []float64{0, 1, 2, math.NaN(), 2, 1, 0, math.Inf(1), 1, 2}
		f := New(Size(4, 3))
		f.Axes().Line(nil, y, Marker("o"))
		return f
	})
	registerGolden("scatter_sizes_values", func() *Figure {
		n := 50
		x, y, s, v := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
		for i := range x {
			x[i] = float64(i)
			y[i] = math.Sin(float64(i) / 5)
			s[i] = 1 + float64(i%5)
			v[i] = float64(i)
		}
		f := New(Size(4, 3))
		f.Axes().Scatter(x, y, Sizes(s), Values(v), Label("points")).Legend("bottom left")
		return f
	})
}

func TestLengthMismatchNamesBoth(t *testing.T) {
	var pe *Error
	err := arrays.Maybe(func() { New().Axes().Line([]float64{1, 2, 3}, []int{1, 2}) })
	if !errors.As(err, &pe) || !strings.Contains(err.Error(), "3") || !strings.Contains(err.Error(), "2") {
		t.Errorf("got %v, want an error naming both lengths", err)
	}
	err = arrays.Maybe(func() { New().Axes().Line(nil, arrays.Zeros(3, Dtype(arrays.Complex128))) })
	if !errors.As(err, &pe) {
		t.Errorf("complex input: got %v, want a *plotting.Error", err)
	}
}

// Dtype is arrays.Dtype, for brevity in these tests.
var Dtype = arrays.Dtype

func TestFormats(t *testing.T) {
	f := New(Size(3, 2), DPI(50))
	f.Axes().Line(nil, []int32{3, 1, 2})
	for _, c := range []struct {
		format, magic string
	}{{"png", "\x89PNG"}, {"svg", "<?xml"}, {"pdf", "%PDF"}} {
		data, err := f.Render(c.format)
		if err != nil {
			t.Fatalf("%s: %v", c.format, err)
		}
		if !strings.HasPrefix(string(data), c.magic) {
			t.Errorf("%s output starts with %q", c.format, data[:min(8, len(data))])
		}
	}
	img, err := f.Image()
	if err != nil {
		t.Fatal(err)
	}
	if w, h := f.PixelSize(); img.Bounds().Dx() != w || img.Bounds().Dy() != h || w != 150 || h != 100 {
		t.Errorf("image %v, PixelSize %dx%d, want 150x100", img.Bounds(), w, h)
	}
	if _, err := f.Render("gif"); err == nil {
		t.Error("unknown format: want an error")
	}
}
