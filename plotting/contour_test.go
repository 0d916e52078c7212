package plotting

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"workbench/arrays"
)

// ring is exp(-(r-r0)^2/w^2) around the centre of an n x n grid: a ridge
// of height 1 on the circle of radius r0.
func ring(n int, r0, w float64) [][]float64 {
	z := make([][]float64, n)
	c := float64(n-1) / 2
	for i := range z {
		z[i] = make([]float64, n)
		for j := range z[i] {
			r := math.Hypot(float64(j)-c, float64(i)-c)
			z[i][j] = math.Exp(-(r - r0) * (r - r0) / (w * w))
		}
	}
	return z
}

func init() {
	registerGolden("contour_ring", func() *Figure {
		f := New(Size(4, 3))
		f.Axes().Contour(ring(41, 12, 5), Levels(5), Colorbar()).SetTitle("Ring, 5 levels")
		return f
	})
	// Black contours over the image of the same array: the lines lie on
	// the cells, negative levels dashed.
	registerGolden("contour_over_imshow", func() *Figure {
		z := saddle(25)
		f := New(Size(4, 3))
		f.Axes().Imshow(z, Colormap("RdBu_r"), ColorRange(-1, 1), Colorbar()).
			Contour(z, LevelValues([]float64{-0.6, -0.3, 0.3, 0.6}), Color("black"), LineWidth(1)).
			SetTitle("x·y with contours")
		return f
	})
	// A bump with a block of NaN cells in rows 3 to 9, near the bottom
	// (contour puts row 0 there, as matplotlib): the lines stop at it.
	registerGolden("contour_nan_hole", func() *Figure {
		z := gaussian(30, 40, 20, 15, 8)
		for i := 3; i < 10; i++ {
			for j := 15; j < 26; j++ {
				z[i][j] = math.NaN()
			}
		}
		f := New(Size(4, 3))
		f.Axes().Contour(z, Colormap("magma"), LineWidth(2)).SetTitle("NaN cells left out")
		return f
	})
}

func TestNiceLevels(t *testing.T) {
	// The levels matplotlib 3.6 picks for data over [lo, hi]
	// (plt.contour(z, n).levels).
	for _, c := range []struct {
		lo, hi float64
		n      int
		want   string
	}{
		{-1, 1, 7, "[-1 -0.75 -0.5 -0.25 0 0.25 0.5 0.75 1]"},
		{0, 1, 7, "[0 0.15 0.3 0.45 0.6 0.75 0.9 1.05]"},
		{0.013, 0.997, 4, "[0 0.2 0.4 0.6 0.8 1]"},
		{-30, 170, 3, "[-50 0 50 100 150 200]"},
		{1000, 1001, 4, "[1000 1000.2 1000.4 1000.6 1000.8 1001]"},
		{3, 3, 7, "[]"},
	} {
		if got := fmt.Sprint(niceLevels(c.lo, c.hi, c.n)); got != c.want {
			t.Errorf("niceLevels(%g, %g, %d) = %s, want %s", c.lo, c.hi, c.n, got, c.want)
		}
	}
}

func TestContourLinesOfACone(t *testing.T) {
	// z = distance from (10, 10): the level 6 line is one closed circle.
	const n = 21
	z := make([]float64, n*n)
	for i := range n {
		for j := range n {
			z[i*n+j] = math.Hypot(float64(j-10), float64(i-10))
		}
	}
	lines := contourLines(n, n, z, 6)
	if len(lines) != 1 {
		t.Fatalf("got %d lines, want 1", len(lines))
	}
	l := lines[0]
	if len(l) < 20 || l[0] != l[len(l)-1] {
		t.Errorf("line of %d points from %v to %v: want a closed loop", len(l), l[0], l[len(l)-1])
	}
	for _, p := range l {
		if r := math.Hypot(p.X-10, p.Y-10); math.Abs(r-6) > 0.1 {
			t.Fatalf("point %v is %g from the centre, want about 6", p, r)
		}
	}
	// A NaN in the grid removes the four cells around it: the circle
	// opens into one line that stops short of (16, 10).
	z[10*n+16] = math.NaN()
	lines = contourLines(n, n, z, 6)
	if len(lines) != 1 || lines[0][0] == lines[0][len(lines[0])-1] {
		t.Fatalf("with a NaN on the circle: %d lines, want one open line", len(lines))
	}
	for _, p := range lines[0] {
		if math.Abs(p.X-16) < 1 && math.Abs(p.Y-10) < 1 {
			t.Errorf("point %v is in a cell with a NaN corner", p)
		}
	}
}

func TestContourOptionsAndErrors(t *testing.T) {
	var pe *Error
	err := arrays.Maybe(func() { New().Axes().Contour(arrays.Zeros(5)) })
	if !errors.As(err, &pe) || !strings.Contains(err.Error(), "[5]") {
		t.Errorf("1-d: got %v, want a *Error naming the shape", err)
	}
	err = arrays.Maybe(func() { New().Axes().Contour([][]float64{{1, 2, 3}}) })
	if !errors.As(err, &pe) || !strings.Contains(err.Error(), "[1 3]") {
		t.Errorf("one row: got %v, want a *Error naming the shape", err)
	}
	err = arrays.Maybe(func() { LevelValues([]float64{1, 3, 2}) })
	if !errors.As(err, &pe) || !strings.Contains(err.Error(), "increase") {
		t.Errorf("decreasing levels: got %v", err)
	}
	err = arrays.Maybe(func() { Levels(0) })
	if !errors.As(err, &pe) {
		t.Errorf("Levels(0): got %v", err)
	}
	ax := New().Axes().Contour(saddle(11), Levels(3)).Contour(saddle(11), LevelValues(arrays.Asarray([]float64{0.5})))
	a, b := ax.items[0].(*contourItem), ax.items[1].(*contourItem)
	if fmt.Sprint(a.levels) != "[-1 -0.5 0 0.5 1]" || fmt.Sprint(b.levels) != "[0.5]" {
		t.Errorf("levels %v and %v", a.levels, b.levels)
	}
	// Lines are coloured by level: the lowest level takes the colormap's
	// low end, the highest its high end.
	if rgbOf(a.lineStyle(0).Color) != [3]uint8{68, 1, 84} || rgbOf(a.lineStyle(4).Color) != [3]uint8{253, 231, 37} {
		t.Errorf("level colours %v, %v", a.lineStyle(0).Color, a.lineStyle(4).Color)
	}
	// One colour: negative levels dashed.
	c := New().Axes().Contour(saddle(11), Levels(3), Color("black")).items[0].(*contourItem)
	if len(c.lineStyle(0).Dashes) == 0 || len(c.lineStyle(4).Dashes) != 0 {
		t.Error("one-colour contours: want negative levels dashed, positive solid")
	}
}

func ExampleAxes_Contour() {
	// Contours of a ring-shaped ridge at the levels 0.25 and 0.75,
	// coloured through viridis: the higher level takes its yellow.
	fig := New(Size(3, 3))
	fig.Axes().Contour(ring(41, 12, 5), LevelValues([]float64{0.25, 0.75}), LineWidth(3))
	img, err := fig.Image()
	if err != nil {
		panic(err)
	}
	yellow, purple := 0, 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			switch [3]uint32{r >> 8, g >> 8, b >> 8} {
			case [3]uint32{253, 231, 37}:
				yellow++
			case [3]uint32{68, 1, 84}:
				purple++
			}
		}
	}
	fmt.Println("yellow lines:", yellow > 100, "purple lines:", purple > 100)
	// Output:
	// yellow lines: true purple lines: true
}
