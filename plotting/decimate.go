package plotting

import "math"

// Line decimation.
//
// A line of a million points drawn on a panel a few hundred pixels wide puts
// thousands of points in every pixel column; rasterising them all is slow
// and changes nothing that can be seen. Within one column a connected line
// covers every height between the lowest and the highest of its points, and
// it enters the column at its first point and leaves it at its last. So per
// column it is enough to keep the first, the lowest, the highest and the last
// point, in their original order (the M4 algorithm of Jugel et al., 2014):
// the drawn pixels are the same.
//
// Columns are counted at decimateOversample times the panel's width in pixels
// (the data area is narrower than the panel, so each bucket is well under a
// pixel wide), over the x range that is visible: the series' own x range,
// or the axis limits when they are narrower.

// decimateOversample is the number of buckets per pixel of panel width.
const decimateOversample = 2

// decimateMinRatio: lines with fewer than decimateMinRatio points per bucket
// are drawn as they are (decimating them would save little).
const decimateMinRatio = 4

// noDecimate turns decimation off (the tests compare the pictures with and
// without it).
var noDecimate = false

// decimate returns the points of a line to draw on a panel pixels wide: for
// x that never decreases and many more points than pixel columns, the first,
// lowest, highest and last point of each column, in order; NaN and infinite
// points stay, once per run, to break the line. Otherwise xs and ys as they
// are (the slices are never modified).
func decimate(xs, ys []float64, pixels int) ([]float64, []float64) {
	return decimateView(xs, ys, pixels, math.Inf(1), false)
}

// decimateView is decimate for a panel that shows at most span of x (in
// log10 units when logx is set; +Inf for the series' own range). On a log
// axis non-positive x must already be NaN.
func decimateView(xs, ys []float64, pixels int, span float64, logx bool) ([]float64, []float64) {
	n := len(xs)
	cols := pixels * decimateOversample
	if noDecimate || pixels <= 0 || len(ys) != n || n < decimateMinRatio*cols {
		return xs, ys
	}
	pos := func(x float64) float64 { return x }
	if logx {
		pos = math.Log10
	}
	// One pass: x never decreases over the finite points, and their range.
	lo, hi := math.Inf(1), math.Inf(-1)
	prev := math.Inf(-1)
	for i, x := range xs {
		if !isFinite(x) || !isFinite(ys[i]) {
			continue
		}
		if x < prev {
			return xs, ys
		}
		prev = x
		if lo == math.Inf(1) {
			lo = x
		}
		hi = x
	}
	if !(lo < hi) {
		return xs, ys
	}
	plo := pos(lo)
	w := min(pos(hi)-plo, span) / float64(cols)
	if !(w > 0) || math.IsInf(w, 0) {
		return xs, ys
	}

	outX := make([]float64, 0, 4*cols+64)
	outY := make([]float64, 0, 4*cols+64)
	var (
		open                     bool    // a bucket is being collected
		bucket                   float64 // its index
		first, lowest, top, last int     // its points
		sepOpen                  bool    // the last point out is a separator
		emittedAny               bool
	)
	flush := func() {
		if !open {
			return
		}
		// first <= lowest, top <= last: only the middle two may be swapped.
		k := [4]int{first, lowest, top, last}
		if k[1] > k[2] {
			k[1], k[2] = k[2], k[1]
		}
		for j, i := range k {
			if j > 0 && i == k[j-1] {
				continue
			}
			outX = append(outX, xs[i])
			outY = append(outY, ys[i])
		}
		open = false
		sepOpen = false
		emittedAny = true
	}
	for i, x := range xs {
		y := ys[i]
		if !isFinite(x) || !isFinite(y) {
			flush()
			if emittedAny && !sepOpen {
				outX = append(outX, math.NaN())
				outY = append(outY, math.NaN())
				sepOpen = true
			}
			continue
		}
		b := math.Floor((pos(x) - plo) / w)
		if open && b == bucket {
			if y < ys[lowest] {
				lowest = i
			}
			if y > ys[top] {
				top = i
			}
			last = i
			continue
		}
		flush()
		open, bucket = true, b
		first, lowest, top, last = i, i, i, i
	}
	flush()
	if len(outX) >= n {
		return xs, ys
	}
	return outX, outY
}

func isFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
