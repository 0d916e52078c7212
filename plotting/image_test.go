package plotting

import (
	"errors"
	"fmt"
	"image"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"workbench/arrays"
)

// gaussian is a bump of height 1 at (cx, cy) (column, row) on a rows x
// cols grid.
func gaussian(rows, cols int, cx, cy, sigma float64) [][]float64 {
	z := make([][]float64, rows)
	for i := range z {
		z[i] = make([]float64, cols)
		for j := range z[i] {
			dx, dy := float64(j)-cx, float64(i)-cy
			z[i][j] = math.Exp(-(dx*dx + dy*dy) / (2 * sigma * sigma))
		}
	}
	return z
}

// saddle is x*y over [-1, 1]^2: negative at the top right and bottom left.
func saddle(n int) [][]float64 {
	z := make([][]float64, n)
	for i := range z {
		z[i] = make([]float64, n)
		for j := range z[i] {
			x, y := -1+2*float64(j)/float64(n-1), -1+2*float64(i)/float64(n-1)
			z[i][j] = x * y
		}
	}
	return z
}

func init() {
	// A bump off centre, towards the top left: row 0 is the top.
	registerGolden("imshow_gaussian", func() *Figure {
		f := New(Size(4, 3))
		f.Axes().Imshow(gaussian(30, 40, 12, 8, 6), Colorbar()).
			SetTitle("Gaussian bump, row 0 at the top")
		return f
	})
	registerGolden("imshow_saddle_coolwarm", func() *Figure {
		f := New(Size(4, 3))
		f.Axes().Imshow(saddle(25), Colormap("coolwarm"), ColorRange(-1, 1), Colorbar()).
			SetTitle("x·y, coolwarm")
		return f
	})
	// Values grow with the row (0 at the top, dark) and NaN cells leave
	// holes; 4 rows, 6 columns of large cells.
	registerGolden("imshow_nan_holes", func() *Figure {
		z := make([][]float64, 4)
		for i := range z {
			z[i] = make([]float64, 6)
			for j := range z[i] {
				z[i][j] = float64(i*6 + j)
			}
		}
		z[1][1], z[2][4], z[3][0] = math.NaN(), math.NaN(), math.NaN()
		f := New(Size(4, 3))
		f.Axes().Heatmap(z, Colorbar()).SetTitle("0..23 by rows, 3 NaN holes")
		return f
	})
}

// imageRecorder is an image canvas that keeps the images drawn on it.
type imageRecorder struct {
	*vgimg.Canvas
	images []image.Image
}

func (r *imageRecorder) DrawImage(rect vg.Rectangle, img image.Image) {
	r.images = append(r.images, img)
	r.Canvas.DrawImage(rect, img)
}

// drawnImages renders f and returns the images drawn: the panel's, then
// the colour bars'.
func drawnImages(t *testing.T, f *Figure) []image.Image {
	t.Helper()
	rec := &imageRecorder{Canvas: vgimg.New(vg.Length(f.width)*vg.Inch, vg.Length(f.height)*vg.Inch)}
	if err := f.draw(draw.New(rec), rec.DPI()); err != nil {
		t.Fatal(err)
	}
	return rec.images
}

func TestImshowOrientationNaNAndRange(t *testing.T) {
	// Row 0 is {NaN, 1}: at the top, its left cell transparent. The
	// bottom row is beyond ColorRange on both sides.
	z := [][]float64{{math.NaN(), 1}, {-5, 5}}
	f := New(Size(3, 3))
	f.Axes().Imshow(z, ColorRange(0, 1), Colorbar())
	imgs := drawnImages(t, f)
	if len(imgs) != 2 {
		t.Fatalf("drew %d images, want the cells and the colour bar", len(imgs))
	}
	img, bar := imgs[0].(*image.RGBA), imgs[1].(*image.RGBA)
	b := img.Bounds()
	at := func(x, y int) [4]uint8 {
		px := img.Pix[img.PixOffset(x, y):]
		return [4]uint8{px[0], px[1], px[2], px[3]}
	}
	low, high := [4]uint8{68, 1, 84, 255}, [4]uint8{253, 231, 37, 255}
	w, h := b.Dx(), b.Dy()
	for _, c := range []struct {
		name string
		x, y int
		want [4]uint8
	}{
		{"NaN at the top left", w / 4, h / 4, [4]uint8{}},
		{"1 at the top right", 3 * w / 4, h / 4, high},
		{"-5 at the bottom left", w / 4, 3 * h / 4, low},
		{"5 at the bottom right", 3 * w / 4, 3 * h / 4, high},
	} {
		if got := at(c.x, c.y); got != c.want {
			t.Errorf("%s: pixel %v, want %v", c.name, got, c.want)
		}
	}
	// The image fills the data area at the output's resolution: 3 inches
	// at 72 dpi leave well over 100 pixels for it.
	if w < 100 || h < 100 {
		t.Errorf("image %v: want it at the canvas's resolution", b)
	}
	// The colour bar runs from the high end at the top to the low end.
	top := bar.Pix[bar.PixOffset(0, 0):]
	bot := bar.Pix[bar.PixOffset(0, bar.Bounds().Dy()-1):]
	if top[0] < 240 || top[1] < 220 || bot[0] > 80 || bot[1] > 10 || bot[2] < 70 {
		t.Errorf("colour bar: top %v, bottom %v", top[:4], bot[:4])
	}
}

func TestImshowDownsamplesByAveraging(t *testing.T) {
	// A 600x600 checkerboard of 0 and 1 drawn in about 150 pixels: every
	// pixel averages several cells, so none is the pure end colour.
	z := make([][]float64, 600)
	for i := range z {
		z[i] = make([]float64, 600)
		for j := range z[i] {
			z[i][j] = float64((i + j) % 2)
		}
	}
	f := New(Size(3, 3))
	f.Axes().Imshow(z, Colormap("gray"))
	img := drawnImages(t, f)[0].(*image.RGBA)
	b := img.Bounds()
	px := img.Pix[img.PixOffset(b.Dx()/2, b.Dy()/2):]
	if px[0] < 100 || px[0] > 155 || px[3] != 255 {
		t.Errorf("centre pixel %v, want a mid gray", px[:4])
	}
}

func TestImshowWantsTwoDims(t *testing.T) {
	var pe *Error
	for _, c := range []struct {
		z     any
		shape string
	}{
		{[]float64{1, 2, 3}, "[3]"},
		{arrays.Zeros(2, 3, 4), "[2 3 4]"},
	} {
		err := arrays.Maybe(func() { New().Axes().Imshow(c.z) })
		if !errors.As(err, &pe) || !strings.Contains(err.Error(), "2-d") || !strings.Contains(err.Error(), c.shape) {
			t.Errorf("Imshow(shape %s): got %v, want a *Error naming the shape", c.shape, err)
		}
	}
	err := arrays.Maybe(func() { New().Axes().Heatmap(arrays.Zeros(0, 3)) })
	if !errors.As(err, &pe) || pe.Op != "Heatmap" || !strings.Contains(err.Error(), "[0 3]") {
		t.Errorf("empty: got %v", err)
	}
	err = arrays.Maybe(func() { New().Axes().Imshow([][]float64{{1}}, ColorRange(2, 1)) })
	if !errors.As(err, &pe) || !strings.Contains(err.Error(), "ColorRange(2, 1)") {
		t.Errorf("reversed ColorRange: got %v", err)
	}
}

func TestImshowVectorFormats(t *testing.T) {
	f := New(Size(3, 2))
	f.Axes().Imshow(gaussian(50, 80, 40, 25, 10), Colorbar())
	for _, format := range []string{"svg", "pdf"} {
		if _, err := f.Render(format); err != nil {
			t.Errorf("%s: %v", format, err)
		}
	}
}

func TestCellSpans(t *testing.T) {
	// Three cells 2 dots wide from dot 10: upsampled, each pixel shows the
	// cell under its centre.
	lo, hi := cellSpans([]float64{10, 12, 14, 16}, 10, 6)
	if fmt.Sprint(lo, hi) != "[0 0 1 1 2 2] [1 1 2 2 3 3]" {
		t.Errorf("upsampling: %v %v", lo, hi)
	}
	// Six cells half a dot wide, edges decreasing: two cells a pixel.
	lo, hi = cellSpans([]float64{13, 12.5, 12, 11.5, 11, 10.5, 10}, 10, 3)
	if fmt.Sprint(lo, hi) != "[4 2 0] [6 4 2]" {
		t.Errorf("downsampling, reversed: %v %v", lo, hi)
	}
}

func ExampleAxes_Imshow() {
	// Row 0 is drawn at the top, as matplotlib's imshow.
	z := [][]float64{
		{1, 1},
		{0, 0},
	}
	fig := New(Size(2, 2))
	fig.Axes().Imshow(z) // viridis: dark purple for 0, yellow for 1
	img, err := fig.Image()
	if err != nil {
		panic(err)
	}
	b := img.Bounds()
	hex := func(y int) string {
		r, g, b, _ := img.At(b.Dx()/2, y).RGBA()
		return fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8)
	}
	fmt.Println("upper half:", hex(b.Dy()*35/100))
	fmt.Println("lower half:", hex(b.Dy()*65/100))
	// Output:
	// upper half: #fde725
	// lower half: #440154
}

func BenchmarkImshow1000x1000(b *testing.B) {
	vals := make([]float64, 1000*1000)
	for i := range 1000 {
		for j := range 1000 {
			vals[i*1000+j] = math.Sin(float64(i)/50) * math.Cos(float64(j)/70)
		}
	}
	z := arrays.Reshape(arrays.Asarray(vals), 1000, 1000)
	b.ResetTimer()
	for range b.N {
		f := New()
		f.Axes().Imshow(z, Colorbar())
		if _, err := f.PNG(); err != nil {
			b.Fatal(err)
		}
	}
}
