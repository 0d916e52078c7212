package plotting

import (
	"bytes"
	"image/png"
	"math"
	"math/rand/v2"
	"testing"
)

// noisyLine is n points of a slow sine with noise, x = 0, 1, 2, ...
func noisyLine(n int, seed uint64) (xs, ys []float64) {
	r := rand.New(rand.NewPCG(seed, 1))
	xs, ys = make([]float64, n), make([]float64, n)
	for i := range xs {
		xs[i] = float64(i)
		ys[i] = math.Sin(6*math.Pi*float64(i)/float64(n)) + 0.3*r.NormFloat64()
	}
	return xs, ys
}

func TestDecimateM4(t *testing.T) {
	xs, ys := noisyLine(100000, 1)
	const pixels = 100
	dx, dy := decimate(xs, ys, pixels)
	cols := pixels * decimateOversample
	if len(dx) > 4*cols || len(dx) < cols {
		t.Fatalf("%d points out for %d columns", len(dx), cols)
	}
	// The points out are points in, in their order.
	j := 0
	for i := range dx {
		for j < len(xs) && (xs[j] != dx[i] || ys[j] != dy[i]) {
			j++
		}
		if j == len(xs) {
			t.Fatalf("point %d (%g, %g) is not an input point in order", i, dx[i], dy[i])
		}
	}
	// Per column: the first, last, lowest and highest point are kept.
	w := (xs[len(xs)-1] - xs[0]) / float64(cols)
	type ext struct{ first, last, lo, hi float64 }
	col := func(x float64) int { return int(math.Floor((x - xs[0]) / w)) }
	want := map[int]*ext{}
	for i, x := range xs {
		c := col(x)
		e := want[c]
		if e == nil {
			e = &ext{first: ys[i], lo: ys[i], hi: ys[i]}
			want[c] = e
		}
		e.last, e.lo, e.hi = ys[i], min(e.lo, ys[i]), max(e.hi, ys[i])
	}
	got := map[int]*ext{}
	for i, x := range dx {
		c := col(x)
		e := got[c]
		if e == nil {
			e = &ext{first: dy[i], lo: dy[i], hi: dy[i]}
			got[c] = e
		}
		e.last, e.lo, e.hi = dy[i], min(e.lo, dy[i]), max(e.hi, dy[i])
	}
	if len(got) != len(want) {
		t.Fatalf("%d columns out, %d in", len(got), len(want))
	}
	for c, e := range want {
		if *got[c] != *e {
			t.Fatalf("column %d: got %+v, want %+v", c, *got[c], *e)
		}
	}
}

func TestDecimateKeepsBreaks(t *testing.T) {
	xs, ys := noisyLine(50000, 2)
	ys[20000] = math.NaN()
	xs[30000] = math.Inf(1)
	ys[30001] = math.Inf(-1)
	dx, dy := decimate(xs, ys, 50)
	if len(dx) >= len(xs)/10 {
		t.Fatalf("not decimated: %d points", len(dx))
	}
	if got, want := len(segments(dx, dy)), len(segments(xs, ys)); got != want || want != 3 {
		t.Errorf("%d runs after decimation, %d before (want 3)", got, want)
	}
	// The ends of every run are kept.
	a, b := segments(xs, ys), segments(dx, dy)
	for i := range a {
		if a[i][0] != b[i][0] || a[i][len(a[i])-1] != b[i][len(b[i])-1] {
			t.Errorf("run %d: ends %v %v, want %v %v", i, b[i][0], b[i][len(b[i])-1], a[i][0], a[i][len(a[i])-1])
		}
	}
}

func TestDecimateLeavesAlone(t *testing.T) {
	xs, ys := noisyLine(1000, 3)
	if dx, _ := decimate(xs, ys, 640); len(dx) != len(xs) {
		t.Errorf("small input: %d points out of %d", len(dx), len(xs))
	}
	xs, ys = noisyLine(100000, 3)
	xs[500], xs[501] = xs[501], xs[500] // x goes back once
	if dx, _ := decimate(xs, ys, 100); len(dx) != len(xs) {
		t.Errorf("non-monotonic x: %d points out of %d", len(dx), len(xs))
	}
	for i := range xs {
		xs[i] = 7 // all at one x
	}
	if dx, _ := decimate(xs, ys, 100); len(dx) != len(xs) {
		t.Errorf("constant x: %d points out of %d", len(dx), len(xs))
	}
	xs, ys = noisyLine(100000, 3)
	noDecimate = true
	dx, _ := decimate(xs, ys, 100)
	noDecimate = false
	if len(dx) != len(xs) {
		t.Errorf("noDecimate: %d points out of %d", len(dx), len(xs))
	}
}

// renderBoth renders the figure with and without decimation.
func renderBoth(t *testing.T, fig *Figure) (dec, full []byte) {
	t.Helper()
	dec, err := fig.PNG()
	if err != nil {
		t.Fatal(err)
	}
	noDecimate = true
	defer func() { noDecimate = false }()
	full, err = fig.PNG()
	if err != nil {
		t.Fatal(err)
	}
	return dec, full
}

// samePicture fails unless the two PNGs differ by more than 32 in some
// channel in under 0.5% of the pixels, and logs how many did.
func samePicture(t *testing.T, a, b []byte) {
	t.Helper()
	ia, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	ib, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if ia.Bounds() != ib.Bounds() {
		t.Fatalf("sizes %v and %v", ia.Bounds(), ib.Bounds())
	}
	r := ia.Bounds()
	bad, worst := 0, 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			d := pixelDiff(ia, ib, x, y)
			worst = max(worst, d)
			if d > 32 {
				bad++
			}
		}
	}
	frac := float64(bad) / float64(r.Dx()*r.Dy())
	t.Logf("%d of %d pixels (%.3f%%) differ by more than 32; largest difference %d", bad, r.Dx()*r.Dy(), 100*frac, worst)
	if frac >= 0.005 {
		t.Errorf("decimation changed the picture: %.3f%% of the pixels", 100*frac)
	}
}

// TestDecimatePictureUnchanged: a noisy line of a million points looks the
// same decimated and not, and so does a smooth one. (What differences
// there are lie on the antialiased edges: the rasteriser sums the partial
// coverage of overlapping sub-pixel segments, so even the same smooth curve
// drawn undecimated from 2,000 or from 1,000,000 samples differs by about
// as much.)
func TestDecimatePictureUnchanged(t *testing.T) {
	if testing.Short() {
		t.Skip("renders a million points without decimation")
	}
	xs, ys := noisyLine(1_000_000, 4)
	ys[400_000] = math.NaN() // a gap
	// (4 x 3 inches: without decimation the rasteriser takes about 10 s
	// for this line at that size, 30 s at the default size.)
	fig := New(Size(4, 3))
	fig.Axes().Line(xs, ys, Label("noisy")).SetTitle("1,000,000 points").Legend()
	dec, full := renderBoth(t, fig)
	samePicture(t, dec, full)

	smooth := make([]float64, len(xs))
	for i := range smooth {
		smooth[i] = math.Cos(8 * math.Pi * float64(i) / float64(len(xs)))
	}
	fig = New(Size(4, 3))
	fig.Axes().Line(xs, smooth, Label("smooth")).Legend()
	dec, full = renderBoth(t, fig)
	samePicture(t, dec, full)
}

// The same on a log x axis, and zoomed in by limits narrower than the data
// (decimation then works at the zoomed resolution).
func TestDecimatePictureUnchangedLogAndLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("renders many points without decimation")
	}
	xs, ys := noisyLine(200_000, 5)
	for i := range xs {
		xs[i] = 1 + xs[i]/10
	}
	fig := Grid(1, 2, Size(6, 2.5))
	fig.At(0, 0).Line(xs, ys).SetXLog()
	fig.At(0, 1).Line(xs, ys).SetXLim(1000, 1200)
	dec, full := renderBoth(t, fig)
	samePicture(t, dec, full)
}
