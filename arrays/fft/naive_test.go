package fft

import (
	"math"
	"math/cmplx"
	"testing"
)

// naiveDFT is the O(n²) definition, with the angles reduced exactly mod n
// (a table of math.Sincos values) and Kahan-compensated sums, so that it is
// far more accurate than the errors it checks.
func naiveDFT(x []complex128, sign float64) []complex128 {
	n := len(x)
	w := make([]complex128, n)
	for e := range w {
		s, c := math.Sincos(sign * 2 * math.Pi * float64(e) / float64(n))
		w[e] = complex(c, s)
	}
	out := make([]complex128, n)
	for k := range n {
		var sr, si, cr, ci float64
		e := 0
		for _, v := range x {
			p := w[e] * v
			e += k
			if e >= n {
				e -= n
			}
			y := real(p) - cr
			t := sr + y
			cr = (t - sr) - y
			sr = t
			y = imag(p) - ci
			t = si + y
			ci = (t - si) - y
			si = t
		}
		out[k] = complex(sr, si)
	}
	return out
}

// lcgData returns n complex numbers in [-1, 1) from a fixed integer
// recurrence.
func lcgData(n int, seed uint64) []complex128 {
	x := make([]complex128, n)
	s := seed
	next := func() float64 {
		s = s*6364136223846793005 + 1442695040888963407
		return float64(s>>11)/float64(1<<53)*2 - 1
	}
	for i := range x {
		x[i] = complex(next(), next())
	}
	return x
}

func relRMS(got, want []complex128) float64 {
	var num, den float64
	for i := range got {
		d := cmplx.Abs(got[i] - want[i])
		num += d * d
		a := cmplx.Abs(want[i])
		den += a * a
	}
	if den == 0 {
		return math.Sqrt(num)
	}
	return math.Sqrt(num / den)
}

func TestPlanAgainstNaiveDFT(t *testing.T) {
	sizes := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 15, 16, 17, 25, 31, 32, 49, 60, 64, 97, 100, 121,
		127, 128, 243, 256, 257, 360, 509, 512, 625, 1000, 1009, 1024, 2048, 4096, 4099, 4100, 5000, 6007, 8192}
	if testing.Short() {
		sizes = sizes[:len(sizes)-4]
	}
	for _, n := range sizes {
		x := lcgData(n, uint64(n))
		for _, fwd := range []bool{true, false} {
			sign := -1.0
			if !fwd {
				sign = 1
			}
			want := naiveDFT(x, sign)
			got := append([]complex128(nil), x...)
			getPlan(n).exec(got, fwd)
			tol := 1e-15 * math.Max(1, math.Log2(float64(n)))
			if e := relRMS(got, want); e > tol {
				t.Errorf("n=%d fwd=%v: relative RMS error %.3g > %.3g (plan kind %d)", n, fwd, e, tol, getPlan(n).kind)
			}
		}
	}
}
