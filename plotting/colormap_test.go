package plotting

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image/color"
	"math"
	"os"
	"strings"
	"testing"

	"gonum.org/v1/plot/palette"

	"workbench/arrays"
)

func init() {
	// A coloured scatter with its colour bar beside the panel, and a
	// legend that stays inside the data area.
	registerGolden("scatter_colorbar", func() *Figure {
		n := 60
		x, y, v := make([]float64, n), make([]float64, n), make([]float64, n)
		for i := range x {
			x[i] = float64(i) / 6
			y[i] = math.Sin(x[i]) * 10
			v[i] = float64(i)
		}
		f := New(Size(4, 3))
		f.Axes().Scatter(x, y, Values(v), Colormap("plasma"), Colorbar(), Label("sin")).
			Legend("top right").SetTitle("Values through plasma")
		return f
	})
}

// The generated tables must come from the generator as it is now: after
// editing testdata/colormaps/generate.py, run go generate ./plotting.
func TestColormapDataIsFresh(t *testing.T) {
	src, err := os.ReadFile("testdata/colormaps/generate.py")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(src)
	if got := hex.EncodeToString(sum[:]); got != colormapGeneratorSHA256 {
		t.Errorf("colormap_data.go was written by another generate.py (sha256 %s, the script's is now %s): run go generate ./plotting",
			colormapGeneratorSHA256, got)
	}
}

func rgbOf(c color.Color) [3]uint8 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	return [3]uint8{n.R, n.G, n.B}
}

// Entries of matplotlib 3.6's lookup tables (cmap(i) for i in 0, 127, 128,
// 255, times 255, rounded), typed in from matplotlib itself rather than
// from the generated file.
func TestColormapsMatchMatplotlib(t *testing.T) {
	want := map[string][4][3]uint8{
		"viridis":  {{68, 1, 84}, {33, 144, 141}, {33, 145, 140}, {253, 231, 37}},
		"magma":    {{0, 0, 4}, {181, 54, 122}, {183, 55, 121}, {252, 253, 191}},
		"coolwarm": {{59, 76, 192}, {220, 221, 221}, {221, 220, 220}, {180, 4, 38}},
		"RdBu_r":   {{5, 48, 97}, {246, 247, 247}, {247, 246, 246}, {103, 0, 31}},
		"gray":     {{0, 0, 0}, {127, 127, 127}, {128, 128, 128}, {255, 255, 255}},
	}
	for name, entries := range want {
		cm := NewColormap(name)
		// Over [-1, 3]: entry i is at -1 + 4*i/255.
		cm.SetMin(-1)
		cm.SetMax(3)
		for k, i := range []int{0, 127, 128, 255} {
			v := -1 + 4*float64(i)/255
			c, err := cm.At(v)
			if err != nil {
				t.Fatalf("%s.At(%g): %v", name, v, err)
			}
			if got := rgbOf(c); got != entries[k] {
				t.Errorf("%s entry %d: got %v, want %v", name, i, got, entries[k])
			}
		}
	}
}

func TestColormapInterpolatesAndReports(t *testing.T) {
	cm := NewColormap("viridis")
	// Halfway between entries 0 (68, 1, 84) and 1 (68, 2, 86).
	c, err := cm.At(0.5 / 255)
	if err != nil || rgbOf(c) != [3]uint8{68, 2, 85} {
		t.Errorf("At(0.5/255) = %v, %v; want {68 2 85}", rgbOf(c), err)
	}
	if _, err := cm.At(math.NaN()); !errors.Is(err, palette.ErrNaN) {
		t.Errorf("At(NaN): err %v, want palette.ErrNaN", err)
	}
	if c, err := cm.At(-1); !errors.Is(err, palette.ErrUnderflow) || rgbOf(c) != [3]uint8{68, 1, 84} {
		t.Errorf("At(-1) = %v, %v; want the low end and ErrUnderflow", c, err)
	}
	if c, err := cm.At(2); !errors.Is(err, palette.ErrOverflow) || rgbOf(c) != [3]uint8{253, 231, 37} {
		t.Errorf("At(2) = %v, %v; want the high end and ErrOverflow", c, err)
	}
	cm.SetAlpha(0.5)
	if c, _ := cm.At(1); c.(color.NRGBA).A != 128 || cm.Alpha() != 0.5 {
		t.Errorf("alpha 0.5: got %v", c)
	}
	p := NewColormap("gray").Palette(3).Colors()
	if len(p) != 3 || rgbOf(p[0]) != [3]uint8{0, 0, 0} || rgbOf(p[2]) != [3]uint8{255, 255, 255} {
		t.Errorf("gray Palette(3) = %v", p)
	}
}

func TestUnknownColormapListsNames(t *testing.T) {
	err := arrays.Maybe(func() { NewColormap("jet") })
	var pe *Error
	if !errors.As(err, &pe) || !strings.Contains(err.Error(), `"jet"`) ||
		!strings.Contains(err.Error(), "viridis") || !strings.Contains(err.Error(), "coolwarm") {
		t.Errorf("got %v, want a *Error naming jet and the known colormaps", err)
	}
	// The option itself checks the name, so the error comes at the call.
	err = arrays.Maybe(func() { New().Axes().Imshow([][]float64{{1}}, Colormap("parula")) })
	if !errors.As(err, &pe) || pe.Op != "Colormap" || !strings.Contains(err.Error(), "RdBu_r") {
		t.Errorf("Imshow with an unknown colormap: got %v", err)
	}
	names := Colormaps()
	if len(names) != 16 || names[0] != "cividis" || names[len(names)-1] != "viridis_r" {
		t.Errorf("Colormaps() = %v", names)
	}
}

func TestColorRangeClamps(t *testing.T) {
	s := makeStyle([]Option{ColorRange(0, 10)})
	m := newColorMapper(s, []float64{-100, 5, 100})
	if m.lo != 0 || m.hi != 10 {
		t.Fatalf("range [%g, %g], want [0, 10]", m.lo, m.hi)
	}
	if rgbOf(m.color(-100)) != rgbOf(m.color(0)) || rgbOf(m.color(100)) != rgbOf(m.color(10)) ||
		rgbOf(m.color(math.Inf(1))) != [3]uint8{253, 231, 37} {
		t.Error("values beyond ColorRange should take the end colours")
	}
	if c := m.color(math.NaN()); c != color.Transparent {
		t.Errorf("NaN: got %v, want transparent", c)
	}
	if px := m.rgba(math.NaN()); px != [4]uint8{} {
		t.Errorf("NaN pixel: got %v, want all zero", px)
	}
	// Without a range: the finite values' range.
	m = newColorMapper(makeStyle(nil), []float64{math.NaN(), 2, math.Inf(1), 4})
	if m.lo != 2 || m.hi != 4 || m.name != "viridis" {
		t.Errorf("got %s over [%g, %g], want viridis over [2, 4]", m.name, m.lo, m.hi)
	}
}

func ExampleNewColormap() {
	// Over [0, 1] until SetMin and SetMax; 0.5 falls between entries 127
	// and 128 and mixes them.
	cm := NewColormap("viridis")
	for _, v := range []float64{0, 0.5, 1} {
		c, _ := cm.At(v)
		n := c.(color.NRGBA)
		fmt.Printf("%.1f #%02x%02x%02x\n", v, n.R, n.G, n.B)
	}
	// Output:
	// 0.0 #440154
	// 0.5 #21918d
	// 1.0 #fde725
}
