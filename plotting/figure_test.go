package plotting

import (
	"bytes"
	"encoding/xml"
	"errors"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/plot"
)

func init() {
	// A 2 x 2 grid with shared axes: tick labels only on the bottom row
	// (x) and the left column (y), panel titles, a figure title.
	registerGolden("grid_shared_2x2", func() *Figure {
		f := Grid(2, 2, ShareX(), ShareY(), Title("Damped oscillations"))
		for r := 0; r < 2; r++ {
			for c := 0; c < 2; c++ {
				k := float64(2*r + c + 1)
				x := make([]float64, 200)
				y := make([]float64, 200)
				for i := range x {
					x[i] = float64(i) / 20
					y[i] = math.Exp(-x[i]/(2*k)) * math.Sin(k*x[i])
				}
				ax := f.At(r, c).Line(x, y).SetTitle("k = " + itoa(int(k)))
				if r == 1 {
					ax.SetXLabel("t (s)")
				}
				if c == 0 {
					ax.SetYLabel("amplitude")
				}
			}
		}
		return f
	})
	// One row of three unshared panels of different ranges.
	registerGolden("grid_1x3", func() *Figure {
		f := Grid(1, 3, Title("Three views"))
		x := make([]float64, 100)
		sq, cube, sq2 := make([]float64, 100), make([]float64, 100), make([]float64, 100)
		for i := range x {
			x[i] = float64(i)/10 - 5
			sq[i], cube[i], sq2[i] = x[i]*x[i], x[i]*x[i]*x[i], math.Sqrt(math.Abs(x[i]))
		}
		f.At(0, 0).Line(x, sq).SetTitle("x²").SetXLabel("x").SetYLabel("y")
		f.At(0, 1).Line(x, cube, Color("C1")).SetTitle("x³").SetXLabel("x").Grid()
		f.At(0, 2).Scatter(x, sq2, Color("C2")).SetTitle("√|x|").SetXLabel("x")
		return f
	})
}

// TestPNGPixelSize: a PNG is round(width*dpi) x round(height*dpi) pixels,
// for whole and fractional resolutions.
func TestPNGPixelSize(t *testing.T) {
	for _, c := range []struct{ w, h, dpi float64 }{
		{6.4, 4.8, 100}, {3, 2, 50}, {3.33, 2.01, 100}, {4, 3, 72.5}, {2.5, 1.7, 133}, {5, 5, 96.4},
	} {
		f := New(Size(c.w, c.h), DPI(c.dpi))
		f.Axes().Line(nil, []float64{1, 3, 2})
		data, err := f.PNG()
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		ww, wh := int(math.Round(c.w*c.dpi)), int(math.Round(c.h*c.dpi))
		if cfg.Width != ww || cfg.Height != wh {
			t.Errorf("%gx%g in at %g dpi: PNG %dx%d, want %dx%d", c.w, c.h, c.dpi, cfg.Width, cfg.Height, ww, wh)
		}
		if pw, ph := f.PixelSize(); pw != ww || ph != wh {
			t.Errorf("PixelSize %dx%d, want %dx%d", pw, ph, ww, wh)
		}
		img, err := f.Image()
		if err != nil {
			t.Fatal(err)
		}
		if img.Bounds().Dx() != ww || img.Bounds().Dy() != wh {
			t.Errorf("Image %v, want %dx%d", img.Bounds(), ww, wh)
		}
	}
}

// sampleFigure is a small figure with a bit of everything.
func sampleFigure() *Figure {
	f := Grid(1, 2, Size(5, 2.5), Title("Sample <&> \"quotes\""))
	f.At(0, 0).Line(nil, []float64{1, 3, 2, math.NaN(), 4}, Label("a & b")).Legend()
	f.At(0, 1).Scatter([]float64{1, 10, 100}, []float64{2, 20, 200}).SetXLog().SetYLog().SetTitle("log <log>")
	return f
}

func TestSVGIsXML(t *testing.T) {
	for _, f := range []*Figure{sampleFigure(), goldenCases["grid_shared_2x2"]()} {
		data, err := f.SVG()
		if err != nil {
			t.Fatal(err)
		}
		d := xml.NewDecoder(bytes.NewReader(data))
		root := ""
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("SVG does not parse as XML: %v", err)
			}
			if se, ok := tok.(xml.StartElement); ok && root == "" {
				root = se.Name.Local
			}
		}
		if root != "svg" {
			t.Errorf("root element %q, want svg", root)
		}
	}
}

func TestPDFFraming(t *testing.T) {
	for _, f := range []*Figure{sampleFigure(), goldenCases["grid_shared_2x2"]()} {
		data, err := f.PDF()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte("%PDF-")) {
			t.Errorf("PDF starts with %q", data[:min(8, len(data))])
		}
		if !bytes.HasSuffix(bytes.TrimRight(data, "\r\n"), []byte("%%EOF")) {
			t.Errorf("PDF ends with %q", data[max(0, len(data)-16):])
		}
	}
}

func TestSave(t *testing.T) {
	dir := t.TempDir()
	f := sampleFigure()
	for _, name := range []string{"a.png", "b.svg", "c.pdf", "D.PNG"} {
		path := filepath.Join(dir, name)
		if err := f.Save(path); err != nil {
			t.Fatalf("Save(%s): %v", name, err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		magic := map[string]string{".png": "\x89PNG", ".svg": "<?xml", ".pdf": "%PDF"}[strings.ToLower(filepath.Ext(name))]
		if !bytes.HasPrefix(data, []byte(magic)) {
			t.Errorf("%s starts with %q", name, data[:min(8, len(data))])
		}
		if st, _ := os.Stat(path); st.Mode().Perm()&0o044 == 0 {
			t.Errorf("%s has mode %v: not readable by others", name, st.Mode())
		}
	}
	// Overwriting keeps the new figure.
	path := filepath.Join(dir, "a.png")
	if err := New(Size(2, 1), DPI(10)).Save(path); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); len(data) == 0 {
		t.Error("overwritten file is empty")
	} else if cfg, err := png.DecodeConfig(bytes.NewReader(data)); err != nil || cfg.Width != 20 {
		t.Errorf("overwritten file: %v, %d wide", err, cfg.Width)
	}
	assertOnly(t, dir, "a.png", "b.svg", "c.pdf", "D.PNG")
}

func TestSaveFailuresLeaveNothing(t *testing.T) {
	dir := t.TempDir()
	f := sampleFigure()
	for _, name := range []string{"fig.gif", "fig", "fig.png.bak"} {
		err := f.Save(filepath.Join(dir, name))
		var pe *Error
		if !errors.As(err, &pe) {
			t.Errorf("Save(%s): got %v, want a *plotting.Error", name, err)
			continue
		}
		ext := filepath.Ext(name)
		if !strings.Contains(err.Error(), `"`+ext+`"`) || !strings.Contains(err.Error(), ".png") {
			t.Errorf("Save(%s): %v; want the extension %q named and the known ones listed", name, err, ext)
		}
	}
	// Rendering fails: nothing is written, no temporary file is left.
	bad := New()
	bad.Axes().add(failingItem{})
	if err := bad.Save(filepath.Join(dir, "bad.png")); err == nil || !strings.Contains(err.Error(), "bad.png") {
		t.Errorf("failing render: got %v, want an error naming the file", err)
	}
	// The directory does not exist.
	if err := f.Save(filepath.Join(dir, "no", "such", "x.svg")); err == nil {
		t.Error("missing directory: want an error")
	}
	// An existing file is left as it was when a save fails.
	keep := filepath.Join(dir, "keep.png")
	if err := os.WriteFile(keep, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := bad.Save(keep); err == nil {
		t.Error("failing render over an existing file: want an error")
	}
	if data, _ := os.ReadFile(keep); string(data) != "old" {
		t.Errorf("existing file changed to %d bytes", len(data))
	}
	assertOnly(t, dir, "keep.png")
}

type failingItem struct{}

func (failingItem) plotters(*Axes, int) ([]plot.Plotter, []legendEntry, error) {
	return nil, nil, errors.New("this series cannot be drawn")
}

// assertOnly fails unless dir holds exactly the named files.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	if len(got) != len(names) {
		t.Errorf("directory holds %v, want %v", got, names)
		return
	}
	for _, g := range got {
		if !want[g] {
			t.Errorf("directory holds %v, want %v", got, names)
			return
		}
	}
}

// TestSharedGridHidesInnerTickLabels: with ShareX and ShareY, only the
// bottom row draws x tick labels and only the left column y tick labels;
// all panels get the common ranges.
func TestSharedGridHidesInnerTickLabels(t *testing.T) {
	f := Grid(2, 3, ShareX(), ShareY())
	for i := range 6 {
		f.At(i/3, i%3).Line([]float64{0, float64(i + 1)}, []float64{float64(-i), 1})
	}
	plots := make([][]*plot.Plot, 2)
	for r := range plots {
		for c := 0; c < 3; c++ {
			p, err := f.At(r, c).build(100)
			if err != nil {
				t.Fatal(err)
			}
			plots[r] = append(plots[r], p)
		}
	}
	f.share(plots)
	for r := range plots {
		for c, p := range plots[r] {
			xHidden, yHidden := p.X.Tick.Label.Font.Size == 0, p.Y.Tick.Label.Font.Size == 0
			if xHidden != (r < 1) || yHidden != (c > 0) {
				t.Errorf("panel (%d, %d): x labels hidden %v, y labels hidden %v", r, c, xHidden, yHidden)
			}
			if p.X.Min != plots[0][0].X.Min || p.X.Max != plots[0][0].X.Max || p.Y.Min != plots[0][0].Y.Min || p.Y.Max != plots[0][0].Y.Max {
				t.Errorf("panel (%d, %d): ranges x [%g, %g] y [%g, %g] not shared", r, c, p.X.Min, p.X.Max, p.Y.Min, p.Y.Max)
			}
		}
	}
	if lo, hi := plots[0][0].X.Min, plots[0][0].X.Max; lo > 0 || hi < 6 {
		t.Errorf("shared x range [%g, %g] does not cover [0, 6]", lo, hi)
	}
	if _, err := f.PNG(); err != nil {
		t.Fatal(err)
	}
}
