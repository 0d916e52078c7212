package plotting

import (
	"bytes"
	"compress/zlib"
	"image"
	"image/png"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// testFigure is a figure with lines (one dashed, with markers), text
// (a title, axis labels, one of them rotated) and a legend.
func testFigure() *Figure {
	x := make([]float64, 100)
	y := make([]float64, 100)
	for i := range x {
		x[i] = float64(i) / 10
		y[i] = math.Sin(x[i])
	}
	fig := New(Size(4, 3))
	fig.Axes().Line(x, y, Label("sin")).
		Line([]float64{0, 5, 10}, []float64{-1, 0, 1}, Label("ramp"), Dashes(4, 2), Marker("o")).
		SetTitle("A sine").SetXLabel("t (s)").SetYLabel("volts").Legend()
	return fig
}

// pdfStreams returns the PDF's streams, inflated where they are
// compressed.
func pdfStreams(t *testing.T, pdf []byte) []string {
	t.Helper()
	var out []string
	re := regexp.MustCompile(`(?s)stream\r?\n(.*?)\r?\nendstream`)
	for _, m := range re.FindAllSubmatch(pdf, -1) {
		data := m[1]
		if r, err := zlib.NewReader(bytes.NewReader(data)); err == nil {
			if b, err := io.ReadAll(r); err == nil {
				data = b
			}
		}
		out = append(out, string(data))
	}
	return out
}

func TestPDFFromSVGIsVector(t *testing.T) {
	fig := testFigure()
	svg, err := fig.SVG()
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := PDFFromSVG(svg)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", pdf[:min(len(pdf), 20)])
	}
	if bytes.Contains(pdf, []byte("/Subtype /Image")) {
		t.Error("a line plot's PDF holds an image XObject")
	}
	// The page's content draws lines (l), curves (c for the markers),
	// strokes (S) and text (Tj) itself.
	var page string
	for _, s := range pdfStreams(t, pdf) {
		if strings.Count(s, " l\n") > strings.Count(page, " l\n") {
			page = s
		}
	}
	if page == "" {
		t.Fatal("no content stream with line operators")
	}
	for _, op := range []string{" m", " l", " c", "S", "Tj", "[4.00 2.00] 0.00 d"} {
		if !strings.Contains(page, op) {
			t.Errorf("the page has no %q operator", op)
		}
	}
	if n := strings.Count(page, " l"); n < 99 {
		t.Errorf("the page has %d line segments, want the sine's 99 at least", n)
	}
}

// TestPDFFromSVGLooksLikeTheFigure renders the PDF converted from a
// figure's SVG with poppler's pdftoppm, and compares it with the figure's
// own PNG (gonum's vgimg) and, where the figure has no pictures and no
// translucency, its own PDF (gonum's vgpdf, which draws pictures upside
// down and translucent colors too dark: the converter makes up for both).
func TestPDFFromSVGLooksLikeTheFigure(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm (Debian's poppler-utils) is not installed: cannot render the PDFs to compare them")
	}
	heat := New(Size(3, 3))
	heat.Axes().Heatmap([][]float64{{0, 1, 2}, {3, 4, 5}, {6, 7, 8}}).SetTitle("heat")
	for _, tc := range []struct {
		name string
		fig  *Figure
		// the most mean difference from the PNG (fonts are drawn by
		// another rasterizer) and from the figure's own PDF (-1: not
		// compared).
		png, pdf float64
	}{
		// The legend's box is translucent: vgpdf's own is darker.
		{"lines", testFigure(), 4, 1.5},
		{"heatmap", heat, 4, -1},
		{"every kind", everyKind(), 4, -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svg, err := tc.fig.SVG()
			if err != nil {
				t.Fatal(err)
			}
			got, err := PDFFromSVG(svg)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			conv := render(t, dir, "got", got)
			pngData, err := tc.fig.PNG()
			if err != nil {
				t.Fatal(err)
			}
			ref, err := png.Decode(bytes.NewReader(pngData))
			if err != nil {
				t.Fatal(err)
			}
			compare(t, "the figure's PNG", ref, conv, tc.png)
			if tc.pdf >= 0 {
				own, err := tc.fig.PDF()
				if err != nil {
					t.Fatal(err)
				}
				compare(t, "the figure's own PDF", render(t, dir, "own", own), conv, tc.pdf)
			}
			if tc.name != "lines" && !bytes.Contains(got, []byte("/Subtype /Image")) {
				t.Error("the heatmap's picture is missing")
			}
		})
	}
}

// compare checks that b looks like a: the same size, a mean difference
// of gray levels (0-255) of at most maxMean, and few pixels far off.
func compare(t *testing.T, what string, a, b image.Image, maxMean float64) {
	t.Helper()
	if a.Bounds().Size() != b.Bounds().Size() {
		t.Fatalf("sizes differ from %s: %v and %v", what, a.Bounds(), b.Bounds())
	}
	var diff, ink, off int
	ab, bb := a.Bounds(), b.Bounds()
	for y := 0; y < ab.Dy(); y++ {
		for x := 0; x < ab.Dx(); x++ {
			ga, gb := gray(a.At(ab.Min.X+x, ab.Min.Y+y)), gray(b.At(bb.Min.X+x, bb.Min.Y+y))
			d := ga - gb
			if d < 0 {
				d = -d
			}
			diff += d
			if d > 128 {
				off++
			}
			if ga < 200 {
				ink++
			}
		}
	}
	n := ab.Dx() * ab.Dy()
	mean := float64(diff) / float64(n)
	t.Logf("against %s: %dx%d pixels, %d inked, mean difference %.3f, %d pixels off by more than 128", what, ab.Dx(), ab.Dy(), ink, mean, off)
	if ink < n/100 {
		t.Errorf("%s is nearly blank (%d inked pixels)", what, ink)
	}
	if mean > maxMean || off > n/100 {
		t.Errorf("the converted PDF looks different from %s: mean difference %.3f, %d pixels off", what, mean, off)
	}
}

func gray(c interface{ RGBA() (r, g, b, a uint32) }) int {
	r, g, b, _ := c.RGBA()
	return int((r + g + b) / 3 >> 8)
}

// render rasterizes a one-page PDF at 100 dpi.
func render(t *testing.T, dir, name string, pdf []byte) image.Image {
	t.Helper()
	in := filepath.Join(dir, name+".pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, name)
	if b, err := exec.Command("pdftoppm", "-r", "100", "-png", "-singlefile", in, out).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, b)
	}
	f, err := os.Open(out + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func TestPDFFromSVGErrors(t *testing.T) {
	for _, tc := range []struct{ svg, want string }{
		{`<svg width="10pt" height="10pt"><circle r="3"/></svg>`, "<circle>: element not supported"},
		{`<svg width="10pt" height="10pt"><path d="m1,1l2,2"/></svg>`, `command 'm' is not supported`},
		{`<svg width="10pt" height="10pt"><g transform="skewX(3)"></g></svg>`, "skewX with 1 arguments is not supported"},
		{`<svg width="10pt" height="10pt"><text style="font-family:Comic Sans;font-size:12px">x</text></svg>`, `font "Comic Sans"`},
		{`<svg width="10pt" height="10pt"><image href="file.png" width="1" height="1"/></svg>`, "only embedded"},
		{`<svg height="10pt"></svg>`, "want width and height"},
		{`<p>no</p>`, "before <svg>"},
		{``, "no <svg> element"},
	} {
		_, err := PDFFromSVG([]byte(tc.svg))
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "plotting.PDFFromSVG: ") {
			t.Errorf("PDFFromSVG(%q) = %v, want an error with %q", tc.svg, err, tc.want)
		}
	}
	// A hand-written SVG in the subset converts: an arc, a quadratic, a
	// transform list, a short color.
	ok := `<svg width="20pt" height="20pt" viewBox="0 0 20 20"><g transform="translate(10, 10) rotate(45) scale(2)">` +
		`<path d="M0,0 L3,0 A3,3 0 0 1 0,3 Q-2,-2 0,0 Z" style="fill:#f00;stroke:#000000;stroke-width:0.5"/></g></svg>`
	if _, err := PDFFromSVG([]byte(ok)); err != nil {
		t.Error(err)
	}
}

// everyKind is a figure with every kind of plot (markers of each shape,
// alpha, log axes, a colorbar, a grid of panels with a figure title).
func everyKind() *Figure {
	x := []float64{1, 2, 3, 4, 5}
	y := []float64{1, 4, 9, 16, 25}
	z := [][]float64{{0, 1, 2}, {1, 2, 3}, {2, 3, 5}}
	fig := Grid(2, 3, Size(9, 6), Title("every kind"))
	fig.At(0, 0).Line(x, y, Label("line"), Marker("o")).Scatter(x, y, Marker("s"), Alpha(0.5), Label("dots")).
		Step(x, y, Marker("^")).SetYLog().Grid().Legend().SetXLabel("x").SetYLabel("y")
	fig.At(0, 1).Bar(x, y, BarWidth(0.5)).ErrorBars(x, y, []float64{1, 1, 2, 2, 3}, XErr(0.2))
	fig.At(0, 2).Hist([]float64{1, 2, 2, 3, 3, 3, 4}, Bins(4), Density()).FillBetween(x, []float64{0, 0, 0, 0, 0}, []float64{1, 2, 1, 2, 1}, Alpha(0.3))
	fig.At(1, 0).Contour(z, Levels(4))
	fig.At(1, 1).Heatmap(z, Colormap("viridis"), Colorbar())
	fig.At(1, 2).BarLabels([]string{"a", "b"}, []float64{3, 1}).Scatter(x, y, Marker("x")).Scatter(x, y, Marker("+")).Scatter(x, y, Marker("d"))
	return fig
}

// TestPDFFromSVGEveryKind: the converter reads all that plotting writes
// (without pdftoppm, only that it converts).
func TestPDFFromSVGEveryKind(t *testing.T) {
	svg, err := everyKind().SVG()
	if err != nil {
		t.Fatal(err)
	}
	if pdf, err := PDFFromSVG(svg); err != nil || len(pdf) < 1000 {
		t.Errorf("%d bytes, %v", len(pdf), err)
	}
}
