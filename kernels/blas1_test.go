package kernels

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// b1Sizes are the vector lengths the kernel tests run: every length up
// to 70 (all tails of both SIMD widths and of the 32 and 64 partial sums),
// and a few long ones.
var b1Sizes = func() []int {
	var s []int
	for n := 0; n <= 70; n++ {
		s = append(s, n)
	}
	return append(s, 127, 128, 129, 1000, 1031)
}()

// b1Guard is the number of NaN guard elements around every destination.
const b1Guard = 5

// b1Guarded returns a buffer of off+n+b1Guard elements filled with NaN
// (or the float32 NaN) and the n elements at off.
func b1Guarded[T float](off, n int) (buf, v []T) {
	buf = make([]T, off+n+b1Guard)
	for i := range buf {
		buf[i] = T(math.NaN())
	}
	return buf, buf[off : off+n]
}

// b1CheckGuards fails unless buf is NaN outside [off, off+n).
func b1CheckGuards[T float](t *testing.T, what string, buf []T, off, n int) {
	t.Helper()
	for i, v := range buf {
		if (i < off || i >= off+n) && !math.IsNaN(float64(v)) {
			t.Fatalf("%s: guard element %d overwritten: %v", what, i, v)
		}
	}
}

// b1RandVec returns n random values in [-1, 1), or small integers.
func b1RandVec[T float](r *rand.Rand, n int, ints bool) []T {
	v := make([]T, n)
	for i := range v {
		if ints {
			v[i] = T(r.IntN(17) - 8)
		} else {
			v[i] = T(2*r.Float64() - 1)
		}
	}
	return v
}

// b1ExactDot returns the dot product of x and y rounded once from the exact
// sum, and the sum of the magnitudes of the products.
func b1ExactDot[T float](x, y []T) (float64, float64) {
	s := new(big.Float).SetPrec(2000)
	var mag float64
	for i := range x {
		p := new(big.Float).SetPrec(2000).SetFloat64(float64(x[i]))
		p.Mul(p, new(big.Float).SetFloat64(float64(y[i])))
		s.Add(s, p)
		mag += math.Abs(float64(x[i]) * float64(y[i]))
	}
	f, _ := s.Float64()
	return f, mag
}

// b1ForLevels runs f at each SIMD level this build has.
func b1ForLevels(t *testing.T, f func(t *testing.T)) {
	for _, lv := range simdLevels() {
		t.Run(lv.name, func(t *testing.T) {
			defer lv.set()()
			f(t)
		})
	}
}

func b1Eps[T float]() float64 {
	var z T
	if _, ok := any(z).(float32); ok {
		return 0x1p-24
	}
	return 0x1p-53
}

func b1TestDot[T float](t *testing.T, dot func(x, y []T) T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, ints := range []bool{false, true} {
		for _, n := range b1Sizes {
			for _, off := range []int{0, 1, 3} {
				x := b1RandVec[T](r, n+off, ints)[off:]
				y := b1RandVec[T](r, n+off+2, ints)[off:]
				got := dot(x, y)
				want, mag := b1ExactDot(x, y[:n])
				if ints {
					if float64(got) != want {
						t.Fatalf("n=%d off=%d integers: got %v, want %v", n, off, got, want)
					}
					continue
				}
				if tol := 2 * float64(n+2) * b1Eps[T]() * mag; math.Abs(float64(got)-want) > tol {
					t.Fatalf("n=%d off=%d: got %v, want %v (tol %g)", n, off, got, want, tol)
				}
				// The documented order: bit for bit the portable code.
				if g := dotGo(x, y); T(got) != g {
					t.Fatalf("n=%d off=%d: %v, portable order gives %v", n, off, got, g)
				}
			}
		}
	}
}

func TestBLASDot(t *testing.T) {
	b1ForLevels(t, func(t *testing.T) {
		t.Run("f64", func(t *testing.T) { b1TestDot(t, Dot64) })
		t.Run("f32", func(t *testing.T) { b1TestDot(t, Dot32) })
	})
}

// TestDotOrder checks the documented order of the partial sums on values
// where it shows: 1, then 2^-60 in every other partial sum, then -1.
func TestBLASDotOrder(t *testing.T) {
	b1ForLevels(t, func(t *testing.T) {
		n := 32*3 + 5
		x := make([]float64, n)
		y := make([]float64, n)
		for i := range x {
			y[i] = 1
		}
		x[0] = 1
		x[32] = -1
		for i := 1; i < n; i++ {
			if i != 32 {
				x[i] = 0x1p-60
			}
		}
		// The documented order, written out for float64.
		var s [32]float64
		for i := range x {
			s[i%32] = math.FMA(x[i], y[i], s[i%32])
		}
		var v [8]float64
		for l := range v {
			v[l] = (s[l] + s[l+8]) + (s[l+16] + s[l+24])
		}
		want := ((v[0] + v[4]) + (v[2] + v[6])) + ((v[1] + v[5]) + (v[3] + v[7]))
		if got := Dot64(x, y); got != want {
			t.Fatalf("got %v, want %v", got, want)
		}
	})
}

// b1FmaRef returns a*x + y with one rounding for float64, and within the
// double rounding of the float64 FMA for float32.
func b1FmaRef[T float](a, x, y T) T { return T(math.FMA(float64(a), float64(x), float64(y))) }

// b1CloseTo reports whether got is want, or (float32) one ulp from it.
func b1CloseTo[T float](got, want T) bool {
	if got == want || (math.IsNaN(float64(got)) && math.IsNaN(float64(want))) {
		return true
	}
	if _, ok := any(got).(float32); ok {
		g, w := float32(got), float32(want)
		return math.Nextafter32(w, g) == g
	}
	return false
}

func b1TestAxpy[T float](t *testing.T, axpy func(a T, x, y []T)) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, a := range []T{0, 1, -0.75, 3.25} {
		for _, n := range b1Sizes {
			for _, off := range []int{0, 1, 2} {
				x := b1RandVec[T](r, n+off, false)[off:]
				buf, y := b1Guarded[T](off, n)
				y0 := b1RandVec[T](r, n, false)
				copy(y, y0)
				axpy(a, x, y)
				b1CheckGuards(t, fmt.Sprintf("a=%v n=%d off=%d", a, n, off), buf, off, n)
				for i := range y {
					if want := b1FmaRef(a, x[i], y0[i]); !b1CloseTo(y[i], want) {
						t.Fatalf("a=%v n=%d off=%d: y[%d] = %v, want %v", a, n, off, i, y[i], want)
					}
				}
			}
		}
	}
}

func TestBLASAxpy(t *testing.T) {
	b1ForLevels(t, func(t *testing.T) {
		t.Run("f64", func(t *testing.T) { b1TestAxpy(t, Axpy64) })
		t.Run("f32", func(t *testing.T) { b1TestAxpy(t, Axpy32) })
	})
}

func b1TestSymRow[T float](t *testing.T, symRow func(r, x, y []T, s T, phase int) T) {
	r := rand.New(rand.NewPCG(5, 6))
	q := dotParts[T]() / 4
	for _, ints := range []bool{false, true} {
		for _, n := range b1Sizes {
			for _, off := range []int{0, 1, 3} {
				for _, phase := range []int{0, 1, q/2 + 1, q - 1} {
					row := b1RandVec[T](r, n+off, ints)[off:]
					x := b1RandVec[T](r, n+2*off, ints)[2*off:]
					s := T(-0.5)
					if ints {
						s = 3
					}
					buf, y := b1Guarded[T](off+b1Guard, n)
					y0 := b1RandVec[T](r, n, ints)
					copy(y, y0)
					got := symRow(row, x, y, s, phase)
					what := fmt.Sprintf("ints=%v n=%d off=%d phase=%d", ints, n, off, phase)
					b1CheckGuards(t, what, buf, off+b1Guard, n)
					for i := range y {
						if want := b1FmaRef(s, row[i], y0[i]); !b1CloseTo(y[i], want) {
							t.Fatalf("%s: y[%d] = %v, want %v", what, i, y[i], want)
						}
					}
					want, mag := b1ExactDot(row, x[:n])
					if ints && float64(got) != want {
						t.Fatalf("%s: dot %v, want %v", what, got, want)
					}
					if tol := 2 * float64(n+2) * b1Eps[T]() * mag; math.Abs(float64(got)-want) > tol {
						t.Fatalf("%s: dot %v, want %v", what, got, want)
					}
					// The order: the dot product of the vectors with phase
					// zeros in front.
					zr := append(make([]T, phase), row...)
					zx := append(make([]T, phase), x[:n]...)
					if g := dotGo(zr, zx); got != g {
						t.Fatalf("%s: dot %v, the documented order gives %v", what, got, g)
					}
				}
			}
		}
	}
}

func TestBLASSymRow(t *testing.T) {
	b1ForLevels(t, func(t *testing.T) {
		t.Run("f64", func(t *testing.T) { b1TestSymRow(t, symRowF64) })
		t.Run("f32", func(t *testing.T) { b1TestSymRow(t, symRowF32) })
	})
}

func b1TestRot[T float](t *testing.T, rot func(x, y []T, c, s T)) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, cs := range [][2]T{{1, 0}, {0, 1}, {0.6, 0.8}, {-0.28, 0.96}} {
		c, s := cs[0], cs[1]
		for _, n := range b1Sizes {
			for _, off := range []int{0, 1, 3} {
				bx, x := b1Guarded[T](off, n)
				by, y := b1Guarded[T](2*off, n)
				x0, y0 := b1RandVec[T](r, n, false), b1RandVec[T](r, n, false)
				copy(x, x0)
				copy(y, y0)
				rot(x, y, c, s)
				what := fmt.Sprintf("c=%v s=%v n=%d off=%d", c, s, n, off)
				b1CheckGuards(t, what+" x", bx, off, n)
				b1CheckGuards(t, what+" y", by, 2*off, n)
				for i := range x {
					wx := b1FmaRef(c, x0[i], s*y0[i])
					wy := b1FmaRef(c, y0[i], -(s * x0[i]))
					if !b1CloseTo(x[i], wx) || !b1CloseTo(y[i], wy) {
						t.Fatalf("%s: i=%d got %v, %v, want %v, %v", what, i, x[i], y[i], wx, wy)
					}
				}
			}
		}
	}
}

func TestBLASRot(t *testing.T) {
	b1ForLevels(t, func(t *testing.T) {
		t.Run("f64", func(t *testing.T) { b1TestRot(t, Rot64) })
		t.Run("f32", func(t *testing.T) { b1TestRot(t, Rot32) })
	})
}

// TestBLASKernelsNaN checks that NaN and Inf propagate through the dot
// products, also from the masked tails.
func TestBLASKernelsNaN(t *testing.T) {
	b1ForLevels(t, func(t *testing.T) {
		for _, n := range []int{1, 7, 33, 100} {
			for _, pos := range []int{0, n / 2, n - 1} {
				for _, bad := range []float64{math.NaN(), math.Inf(-1)} {
					x, y := make([]float64, n), make([]float64, n)
					x32, y32 := make([]float32, n), make([]float32, n)
					for i := range y {
						y[i], y32[i] = 1, 1
					}
					x[pos], x32[pos] = bad, float32(bad)
					g64, g32 := Dot64(x, y), Dot32(x32, y32)
					if !b1CloseTo(g64, bad) || !b1CloseTo(float64(g32), bad) {
						t.Errorf("n=%d pos=%d: dot with %v = %v, %v", n, pos, bad, g64, g32)
					}
				}
			}
		}
	})
}

// b1GemvRef computes y = alpha·op(A)·x + beta·y in the plain BLAS way
// (float64 sums) for contiguous vectors; y is left alone when m or n is 0,
// as BLAS does.
func b1GemvRef(trans bool, m, n int, alpha float64, a []float64, lda int, x []float64, beta float64, y []float64) {
	if m == 0 || n == 0 {
		return
	}
	ny, nx := m, n
	if trans {
		ny, nx = n, m
	}
	for i := 0; i < ny; i++ {
		var s float64
		for j := 0; j < nx; j++ {
			if trans {
				s += a[j*lda+i] * x[j]
			} else {
				s += a[i*lda+j] * x[j]
			}
		}
		if beta == 0 {
			y[i] = alpha * s
		} else {
			y[i] = beta*y[i] + alpha*s
		}
	}
}

// b1StridedVec stores v inc apart (BLAS order) in a NaN-filled buffer with
// guards, returning the buffer and the slice to pass.
func b1StridedVec[T float](v []T, inc int) (buf []T, s []T) {
	span := blasVecSpan(len(v), inc)
	buf, s = b1Guarded[T](b1Guard, span)
	k := 0
	if inc < 0 {
		k = (1 - len(v)) * inc
	}
	for _, e := range v {
		s[k] = e
		k += inc
	}
	return buf, s
}

// b1Unstride reads the n elements of s inc apart, and checks that every
// other element of buf is still NaN.
func b1Unstride[T float](t *testing.T, what string, buf, s []T, n, inc int) []T {
	t.Helper()
	out := make([]T, n)
	k := 0
	if inc < 0 {
		k = (1 - n) * inc
	}
	touched := map[int]bool{}
	for i := range out {
		out[i] = s[k]
		touched[k+b1Guard] = true
		k += inc
	}
	for i, v := range buf {
		if !touched[i] && !math.IsNaN(float64(v)) {
			t.Fatalf("%s: element %d outside y overwritten: %v", what, i, v)
		}
	}
	return out
}

type b1MvCase struct {
	m, n, lda, incX, incY int
	alpha, beta           float64
}

func b1MvCases(square bool) []b1MvCase {
	var out []b1MvCase
	dims := [][2]int{{0, 0}, {0, 3}, {3, 0}, {1, 1}, {5, 3}, {3, 5}, {17, 33}, {64, 64}, {70, 9}, {130, 257}}
	for _, d := range dims {
		if square && d[0] != d[1] {
			d[1] = d[0]
		}
		for _, inc := range [][2]int{{1, 1}, {2, 3}, {-1, -2}, {-3, 1}} {
			for _, ab := range [][2]float64{{1, 0}, {1, 1}, {0, 0.5}, {-1.5, 0}, {0.75, -2}, {0, 0}} {
				for _, pad := range []int{0, 3} {
					out = append(out, b1MvCase{d[0], d[1], max(1, d[1]) + pad, inc[0], inc[1], ab[0], ab[1]})
				}
			}
		}
	}
	return out
}

// testGemvCase runs one case of Gemv with integer data (exact) and compares
// with b1GemvRef, with A's padding and y's gaps NaN.
func b1TestGemv[T float](t *testing.T, gemv func(trans bool, m, n int, alpha T, a []T, lda int, x []T, incX int, beta T, y []T, incY int)) {
	r := rand.New(rand.NewPCG(9, 10))
	for _, c := range b1MvCases(false) {
		for _, trans := range []bool{false, true} {
			nx, ny := c.n, c.m
			if trans {
				nx, ny = c.m, c.n
			}
			a := make([]T, max(0, c.lda*(c.m-1)+c.n))
			a64 := make([]float64, len(a))
			for i := range a {
				if i%c.lda < c.n {
					a[i] = T(r.IntN(9) - 4)
				} else {
					a[i] = T(math.NaN())
				}
				a64[i] = float64(a[i])
			}
			x := b1RandVec[T](r, nx, true)
			y := b1RandVec[T](r, ny, true)
			if c.beta == 0 && ny > 0 {
				y[0] = T(math.NaN()) // not read
			}
			x64, y64 := make([]float64, nx), make([]float64, ny)
			for i := range x {
				x64[i] = float64(x[i])
			}
			for i := range y {
				y64[i] = float64(y[i])
			}
			b1GemvRef(trans, c.m, c.n, c.alpha, a64, c.lda, x64, c.beta, y64)
			_, xs := b1StridedVec(x, c.incX)
			yb, ys := b1StridedVec(y, c.incY)
			gemv(trans, c.m, c.n, T(c.alpha), a, c.lda, xs, c.incX, T(c.beta), ys, c.incY)
			what := fmt.Sprintf("trans=%v %+v", trans, c)
			got := b1Unstride(t, what, yb, ys, ny, c.incY)
			for i := range got {
				if g := float64(got[i]); g != y64[i] && !(math.IsNaN(g) && math.IsNaN(y64[i])) {
					t.Fatalf("%s: y[%d] = %v, want %v", what, i, got[i], y64[i])
				}
			}
		}
	}
}

func TestBLASGemv(t *testing.T) {
	b1ForLevels(t, func(t *testing.T) {
		t.Run("f64", func(t *testing.T) { b1TestGemv(t, Gemv64) })
		t.Run("f32", func(t *testing.T) { b1TestGemv(t, Gemv32) })
	})
}

// b1SymvRef computes y = alpha·A·x + beta·y from the triangle of A.
func b1SymvRef(upper bool, n int, alpha float64, a []float64, lda int, x []float64, beta float64, y []float64) {
	at := func(i, j int) float64 {
		if (i > j) == upper {
			i, j = j, i
		}
		return a[i*lda+j]
	}
	for i := 0; i < n; i++ {
		var s float64
		for j := 0; j < n; j++ {
			s += at(i, j) * x[j]
		}
		if beta == 0 {
			y[i] = alpha * s
		} else {
			y[i] = beta*y[i] + alpha*s
		}
	}
}

func b1TestSymv[T float](t *testing.T, symv func(upper bool, n int, alpha T, a []T, lda int, x []T, incX int, beta T, y []T, incY int)) {
	r := rand.New(rand.NewPCG(11, 12))
	cases := b1MvCases(true)
	cases = append(cases, b1MvCase{m: 600, n: 600, lda: 601, incX: 1, incY: 1, alpha: 1.5, beta: -1})
	for _, c := range cases {
		for _, upper := range []bool{false, true} {
			n := c.n
			a := make([]T, max(0, c.lda*(n-1)+n))
			a64 := make([]float64, len(a))
			for i := range a {
				row, col := i/c.lda, i%c.lda
				if col < n && (col >= row) == upper || col == row {
					a[i] = T(r.IntN(9) - 4)
				} else {
					a[i] = T(math.NaN()) // the other triangle and the padding: not read
				}
				a64[i] = float64(a[i])
			}
			x := b1RandVec[T](r, n, true)
			y := b1RandVec[T](r, n, true)
			if c.beta == 0 && n > 0 {
				y[n-1] = T(math.Inf(1)) // not read
			}
			x64, y64 := make([]float64, n), make([]float64, n)
			for i := range x {
				x64[i], y64[i] = float64(x[i]), float64(y[i])
			}
			b1SymvRef(upper, n, c.alpha, a64, c.lda, x64, c.beta, y64)
			_, xs := b1StridedVec(x, c.incX)
			yb, ys := b1StridedVec(y, c.incY)
			symv(upper, n, T(c.alpha), a, c.lda, xs, c.incX, T(c.beta), ys, c.incY)
			what := fmt.Sprintf("upper=%v %+v", upper, c)
			got := b1Unstride(t, what, yb, ys, n, c.incY)
			for i := range got {
				if g := float64(got[i]); g != y64[i] && !(math.IsNaN(g) && math.IsNaN(y64[i])) {
					t.Fatalf("%s: y[%d] = %v, want %v", what, i, got[i], y64[i])
				}
			}
		}
	}
}

func TestBLASSymv(t *testing.T) {
	b1ForLevels(t, func(t *testing.T) {
		t.Run("f64", func(t *testing.T) { b1TestSymv(t, Symv64) })
		t.Run("f32", func(t *testing.T) { b1TestSymv(t, Symv32) })
	})
}

// TestGemvSymvWorkers checks that the parallel products give the same bits
// for any number of workers, and at every SIMD level for float64, on
// random (not integer) data large enough to be split.
func TestBLASGemvSymvWorkers(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	const m, n = 700, 530
	a := b1RandVec[float64](r, m*n, false)
	x := b1RandVec[float64](r, max(m, n), false)
	y0 := b1RandVec[float64](r, max(m, n), false)
	run := func() [][]float64 {
		var out [][]float64
		for _, trans := range []bool{false, true} {
			y := append([]float64(nil), y0...)
			Gemv64(trans, m, n, 0.5, a, n, x, 1, -1, y, 1)
			out = append(out, y)
		}
		for _, upper := range []bool{false, true} {
			y := append([]float64(nil), y0...)
			Symv64(upper, n, 0.5, a, n, x, 1, -1, y, 1)
			out = append(out, y)
		}
		return out
	}
	defer SetWorkers(SetWorkers(1))
	want := run()
	for _, w := range []int{2, 3, 8} {
		SetWorkers(w)
		for _, lv := range simdLevels() {
			restore := lv.set()
			got := run()
			restore()
			for k := range want {
				for i := range want[k] {
					if math.Float64bits(got[k][i]) != math.Float64bits(want[k][i]) {
						t.Fatalf("workers=%d level %s product %d: y[%d] = %v, want %v", w, lv.name, k, i, got[k][i], want[k][i])
					}
				}
			}
		}
	}
}

func TestBLASPanics(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    func()
	}{
		{"Dot64 short y", func() { Dot64(make([]float64, 3), make([]float64, 2)) }},
		{"Axpy32 short y", func() { Axpy32(1, make([]float32, 3), make([]float32, 2)) }},
		{"Gemv64 short A", func() { Gemv64(false, 2, 2, 1, make([]float64, 3), 2, make([]float64, 2), 1, 0, make([]float64, 2), 1) }},
		{"Gemv64 incX 0", func() { Gemv64(false, 2, 2, 1, make([]float64, 4), 2, make([]float64, 2), 0, 0, make([]float64, 2), 1) }},
		{"Symv64 short x", func() { Symv64(true, 2, 1, make([]float64, 4), 2, make([]float64, 2), 2, 0, make([]float64, 2), 1) }},
		{"Symv32 bad lda", func() { Symv32(true, 2, 1, make([]float32, 4), 1, make([]float32, 2), 1, 0, make([]float32, 2), 1) }},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", tc.name)
				}
			}()
			tc.f()
		}()
	}
}

// b1TestGemvKernels runs the row kernels of Gemv (all rows in one call) for
// every width up to 70 against the portable code, with NaN padding in A
// and guards around y: the same bits for float64, within an ulp per
// operation for float32 (its portable FMA rounds twice), and exact on
// integers.
func b1TestGemvKernels[T float](t *testing.T, ops *blasOps[T]) {
	r := rand.New(rand.NewPCG(15, 16))
	for _, ints := range []bool{false, true} {
		for _, m := range []int{1, 2, 7} {
			for _, n := range append(b1Sizes[:71:71], 127, 129) {
				lda := n + 3
				a := b1RandVec[T](r, m*lda, ints)
				for i := range a {
					if i%lda >= n {
						a[i] = T(math.NaN())
					}
				}
				for _, trans := range []bool{false, true} {
					nx, ny := n, m
					if trans {
						nx, ny = m, n
					}
					x := b1RandVec[T](r, nx, ints)
					buf, y := b1Guarded[T](1, ny)
					y0 := b1RandVec[T](r, ny, ints)
					copy(y, y0)
					want := append([]T(nil), y0...)
					alpha := T(0.5)
					if trans {
						ops.gemvT(a, lda, x, alpha, y)
						gemvTGo(a, lda, x, alpha, want)
					} else {
						ops.gemvN(a, lda, x, y, alpha)
						gemvNGo(a, lda, x, want, alpha)
					}
					what := fmt.Sprintf("ints=%v trans=%v m=%d n=%d", ints, trans, m, n)
					b1CheckGuards(t, what, buf, 1, ny)
					tol := 0.0
					if _, ok := any(alpha).(float32); ok && !ints {
						tol = 1e-6 * float64(m+n)
					}
					for i := range y {
						if d := math.Abs(float64(y[i] - want[i])); d > tol || math.IsNaN(d) {
							t.Fatalf("%s: y[%d] = %v, portable %v", what, i, y[i], want[i])
						}
					}
				}
			}
		}
	}
}

func TestBLASGemvKernels(t *testing.T) {
	b1ForLevels(t, func(t *testing.T) {
		t.Run("f64", func(t *testing.T) { b1TestGemvKernels(t, &blasOps64) })
		t.Run("f32", func(t *testing.T) { b1TestGemvKernels(t, &blasOps32) })
	})
}
