package plotting_test

import (
	"bytes"
	"fmt"
	"image/png"
	"math"
	"os"
	"path/filepath"

	"workbench/arrays"
	"workbench/plotting"
)

// A figure with one panel: a line, a title, a legend, written as PNG.
func ExampleNew() {
	x := arrays.Linspace(0, 2*math.Pi, 200)
	fig := plotting.New()
	fig.Axes().Line(x, arrays.Sin(x), plotting.Label("sin")).
		SetTitle("A sine").SetXLabel("t (s)").Legend()
	data, err := fig.PNG()
	if err != nil {
		fmt.Println(err)
		return
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	fmt.Println(cfg.Width, cfg.Height, err)
	// Output: 640 480 <nil>
}

// Line takes arrays or Go slices; x may be nil for 0, 1, 2, ... and NaN
// leaves a gap.
func ExampleAxes_Line() {
	fig := plotting.New(plotting.Size(4, 3))
	fig.Axes().
		Line(nil, []float64{1, 4, 9, math.NaN(), 25}, plotting.Label("squares"), plotting.Marker("o")).
		Line([]int{0, 4}, []int{0, 20}, plotting.Color("black"), plotting.Dashes(4, 2))
	w, h := fig.PixelSize()
	fmt.Println(w, h)
	// Output: 400 300
}

// Legend without a position puts the legend in the corner of the panel
// that hides the least data; a position fixes it.
func ExampleAxes_Legend() {
	x := []float64{0, 1, 2, 3, 4}
	fig := plotting.New()
	fig.Axes().
		Line(x, []float64{0, 1, 4, 9, 16}, plotting.Label("x²")).
		Line(x, []float64{0, 1, 8, 27, 64}, plotting.Label("x³")).
		SetYLog().Legend()
	_, err := fig.SVG()
	fmt.Println(err)
	// Output: <nil>
}

// PNG renders at the figure's size and resolution:
// round(width*dpi) x round(height*dpi) pixels.
func ExampleFigure_PNG() {
	fig := plotting.New(plotting.Size(3, 2), plotting.DPI(150))
	fig.Axes().Scatter([]float64{1, 2, 3}, []float64{3, 1, 2})
	data, err := fig.PNG()
	if err != nil {
		fmt.Println(err)
		return
	}
	cfg, _ := png.DecodeConfig(bytes.NewReader(data))
	fmt.Printf("%dx%d\n", cfg.Width, cfg.Height)
	// Output: 450x300
}

// Save picks the format by the file's extension.
func ExampleFigure_Save() {
	dir, _ := os.MkdirTemp("", "plotting")
	defer os.RemoveAll(dir)
	fig := plotting.New()
	fig.Axes().Line(nil, []float64{1, 3, 2})
	fmt.Println(fig.Save(filepath.Join(dir, "fig.svg")))
	fmt.Println(fig.Save(filepath.Join(dir, "fig.gif")) != nil)
	// Output:
	// <nil>
	// true
}

// A 2 x 2 grid with shared axes: tick labels only on the outer panels.
func ExampleGrid() {
	fig := plotting.Grid(2, 2, plotting.ShareX(), plotting.ShareY(), plotting.Title("Four panels"))
	for r := 0; r < 2; r++ {
		for c := 0; c < 2; c++ {
			k := float64(2*r + c + 1)
			x := arrays.Linspace(0, 10, 100)
			fig.At(r, c).Line(x, arrays.Sin(x.Mul(k))).SetTitle(fmt.Sprintf("k = %g", k))
		}
	}
	w, h := fig.PixelSize()
	_, err := fig.PNG()
	fmt.Println(w, h, err)
	// Output: 960 720 <nil>
}
