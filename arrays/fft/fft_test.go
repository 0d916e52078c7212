package fft

import (
	"errors"
	"math"
	"testing"

	"workbench/arrays"
	"workbench/kernels"
)

func complexArray(n int, seed uint64) *arrays.Array {
	return arrays.FromSlice(lcgData(n, seed))
}

func TestRoundTripAndParsevalLarge(t *testing.T) {
	sizes := []int{1 << 20, 1000003, 3 * 5 * 7 * 4096}
	if testing.Short() {
		sizes = []int{1 << 16, 65537}
		t.Log("-short: 2^20 and 1000003 left out")
	}
	for _, n := range sizes {
		x := complexArray(n, 7)
		X := Fft(x)
		xs, Xs := x.Complex128s(), X.Complex128s()
		var ex, eX float64
		for i := range xs {
			ex += real(xs[i])*real(xs[i]) + imag(xs[i])*imag(xs[i])
			eX += real(Xs[i])*real(Xs[i]) + imag(Xs[i])*imag(Xs[i])
		}
		if d := math.Abs(eX/float64(n)-ex) / ex; d > 1e-13 {
			t.Errorf("n=%d: Parseval: Σ|X|²/n = %g, Σ|x|² = %g (rel. diff %.3g)", n, eX/float64(n), ex, d)
		}
		back := Ifft(X).Complex128s()
		tol := 1e-15 * math.Log2(float64(n))
		if e := relRMS(back, xs); e > tol {
			t.Errorf("n=%d: Ifft(Fft(x)) differs from x by %.3g (relative RMS) > %.3g", n, e, tol)
		}
		// Real transforms of the real part.
		re := arrays.FromSlice(realParts(xs))
		r := Irfft(Rfft(re), N(n)).Float64s()
		if e := relRMS(toC(r), toC(realParts(xs))); e > tol {
			t.Errorf("n=%d: Irfft(Rfft(x)) differs from x by %.3g > %.3g", n, e, tol)
		}
	}
}

func realParts(z []complex128) []float64 {
	out := make([]float64, len(z))
	for i, v := range z {
		out[i] = real(v)
	}
	return out
}

func toC(f []float64) []complex128 {
	out := make([]complex128, len(f))
	for i, v := range f {
		out[i] = complex(v, 0)
	}
	return out
}

// TestRfftMatchesFft checks the real-input algorithms (half-length packing
// for even n, lines in pairs for odd n) against the complex transform.
func TestRfftMatchesFft(t *testing.T) {
	for _, n := range []int{1, 2, 3, 6, 9, 10, 64, 99, 250, 1 << 13, 6000, 8191} {
		for _, lines := range []int{1, 3} {
			data := realParts(lcgData(n*lines, uint64(n)))
			x := arrays.FromSlice(data, lines, n)
			got := Rfft(x).Complex128s()
			full := Fft(x).Complex128s()
			m := n/2 + 1
			want := make([]complex128, 0, lines*m)
			for l := range lines {
				want = append(want, full[l*n:l*n+m]...)
			}
			if e := relRMS(got, want); e > 1e-15*math.Max(2, math.Log2(float64(n))) {
				t.Errorf("n=%d lines=%d: Rfft differs from Fft by %.3g", n, lines, e)
			}
			back := Irfft(Rfft(x), N(n)).Float64s()
			if e := relRMS(toC(back), toC(data)); e > 1e-15*math.Max(2, math.Log2(float64(n))) {
				t.Errorf("n=%d lines=%d: Irfft(Rfft(x)) differs from x by %.3g", n, lines, e)
			}
		}
	}
}

func TestWorkerCountIndependence(t *testing.T) {
	old := kernels.SetWorkers(1)
	defer kernels.SetWorkers(old)
	n := 1 << 18
	if testing.Short() {
		n = 1 << 15
	}
	cases := []struct {
		name string
		f    func() *arrays.Array
	}{
		{"fft", func() *arrays.Array { return Fft(complexArray(n, 3)) }},
		{"ifft-prime", func() *arrays.Array { return Ifft(complexArray(65537, 4)) }},
		{"rfft", func() *arrays.Array { return Rfft(arrays.FromSlice(realParts(lcgData(n, 5)))) }},
		{"fftn", func() *arrays.Array { return Fftn(arrays.FromSlice(lcgData(256*200, 6), 256, 200)) }},
		{"batch-axis0", func() *arrays.Array { return Fft(arrays.FromSlice(lcgData(300*70, 8), 300, 70), Axis(0)) }},
		{"irfft-odd-batch", func() *arrays.Array {
			return Irfft(arrays.FromSlice(lcgData(33*50, 9), 33, 50), N(99), Axis(0))
		}},
	}
	for _, c := range cases {
		kernels.SetWorkers(1)
		a := c.f().Complex128s()
		kernels.SetWorkers(3)
		b := c.f().Complex128s()
		for i := range a {
			if math.Float64bits(real(a[i])) != math.Float64bits(real(b[i])) ||
				math.Float64bits(imag(a[i])) != math.Float64bits(imag(b[i])) {
				t.Errorf("%s: element %d differs between 1 and 3 workers: %v, %v", c.name, i, a[i], b[i])
				break
			}
		}
	}
}

func TestStridedInput(t *testing.T) {
	// A strided view (every other element) transforms like its copy.
	base := arrays.FromSlice(lcgData(2*97, 11))
	view := base.Index(arrays.Slice(0, 2*97, 2))
	got := Fft(view).Complex128s()
	want := naiveDFT(view.Complex128s(), -1)
	if e := relRMS(got, want); e > 1e-14 {
		t.Errorf("strided view: error %.3g", e)
	}
}

func TestErrors(t *testing.T) {
	x := complexArray(8, 1)
	r := arrays.FromSlice([]float64{1, 2, 3, 4})
	cases := []struct {
		name string
		f    func()
		arg  string // "" for a DTypeError
	}{
		{"n=0", func() { Fft(x, N(0)) }, "n"},
		{"n<0 irfft", func() { Irfft(x, N(-2)) }, "n"},
		{"axis", func() { Ifft(x, Axis(1)) }, "axis"},
		{"0-d", func() { Fft(arrays.Asarray(1.0)) }, "axis"},
		{"norm", func() { Rfft(r, Norm("none")) }, "norm"},
		{"norm fftn", func() { Fftn(x, Norm("Ortho")) }, "norm"},
		{"N on fftn", func() { Fftn(x, N(4)) }, "n"},
		{"S on fft", func() { Fft(x, S(4)) }, "s"},
		{"axes", func() { Fftn(x, Axes(0, 1)) }, "axes"},
		{"s too long", func() { Rfftn(r, S(2, 2)) }, "s"},
		{"fftfreq n", func() { Fftfreq(0) }, "n"},
		{"fftfreq d", func() { Rfftfreq(4, D(0)) }, "d"},
		{"fftfreq dtype", func() { Fftfreq(4, Dtype(arrays.Int64)) }, "dtype"},
		{"shift axis", func() { Fftshift(x, Axes(3)) }, "axes"},
		{"complex rfft", func() { Rfft(x) }, ""},
		{"complex ihfft", func() { Ihfft(x) }, ""},
	}
	for _, c := range cases {
		err := arrays.Maybe(c.f)
		if c.arg == "" {
			var de *arrays.DTypeError
			if !errors.As(err, &de) {
				t.Errorf("%s: want a *arrays.DTypeError, got %v", c.name, err)
			}
			continue
		}
		var fe *Error
		if !errors.As(err, &fe) || fe.Arg != c.arg {
			t.Errorf("%s: want an *fft.Error naming %q, got %v", c.name, c.arg, err)
		}
	}
}

func TestFreqDtype(t *testing.T) {
	f := Fftfreq(5, D(0.5), Dtype(arrays.Float32))
	if f.DType() != arrays.Float32 {
		t.Fatalf("dtype %v, want float32", f.DType())
	}
	// NumPy: np.fft.fftfreq(5, 0.5) = [0, 0.4, 0.8, -0.8, -0.4]
	want := []float32{0, 0.4, 0.8, -0.8, -0.4}
	got := f.Data().([]float32)
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("fftfreq(5, 0.5)[%d] = %v, want %v", i, got[i], want[i])
		}
	}
}
