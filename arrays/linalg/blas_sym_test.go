package linalg

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/blas/gonum"
	lapackgonum "gonum.org/v1/gonum/lapack/gonum"
)

// The Level-1, Level-2 and rank-k routines of fastBLAS against gonum's own
// on the same inputs: random values (within a rounding tolerance) and
// small integers (exactly, every operation being exact). Whole buffers are
// compared, so what gonum leaves alone (the other triangle, padding, the
// gaps between strided elements, all NaN) must stay as it is.

// symGen fills n values: random in [-1, 1), or integers in [-4, 4].
func symGen[T float32 | float64](r *rand.Rand, n int, ints bool) []T {
	v := make([]T, n)
	for i := range v {
		if ints {
			v[i] = T(r.IntN(9) - 4)
		} else {
			v[i] = T(2*r.Float64() - 1)
		}
	}
	return v
}

// symNaNOutside sets every element of a rows×cols matrix (rows ld apart)
// outside keep(i, j) to NaN, and the padding of each row.
func symNaNOutside[T float32 | float64](a []T, ld int, keep func(i, j int) bool) {
	for k := range a {
		if !keep(k/ld, k%ld) {
			a[k] = T(math.NaN())
		}
	}
}

// symCompare fails unless got and want agree: both NaN, or within tol.
func symCompare[T float32 | float64](t *testing.T, what string, got, want []T, tol float64) {
	t.Helper()
	for i := range want {
		g, w := float64(got[i]), float64(want[i])
		if math.IsNaN(g) && math.IsNaN(w) {
			continue
		}
		if math.IsNaN(g) || math.IsNaN(w) || math.Abs(g-w) > tol {
			t.Fatalf("%s: element %d = %v, gonum %v", what, i, g, w)
		}
	}
}

func symTol[T float32 | float64](ints bool, terms int) float64 {
	if ints {
		return 0
	}
	var z T
	if _, ok := any(z).(float32); ok {
		return 2e-6 * float64(terms+2)
	}
	return 4e-15 * float64(terms+2)
}

var symIncs = [][2]int{{1, 1}, {2, 3}, {-1, -2}, {-3, 1}, {1, -1}}

// symVec returns a buffer holding n elements inc apart with NaN gaps.
func symVec[T float32 | float64](r *rand.Rand, n, inc int, ints bool) []T {
	if n == 0 {
		return nil
	}
	if inc < 0 {
		inc = -inc
	}
	v := make([]T, 1+(n-1)*inc+2)
	vals := symGen[T](r, n, ints)
	for i := range v {
		v[i] = T(math.NaN())
	}
	for i := 0; i < n; i++ {
		v[i*inc] = vals[i]
	}
	return v
}

// symKeepGaps restores in got the elements of orig outside the n
// elements inc apart.
func symKeepGaps[T float32 | float64](got, orig []T, n, inc int) {
	if inc < 0 {
		inc = -inc
	}
	for i := range got {
		if i%inc != 0 || i/inc >= n {
			got[i] = orig[i]
		}
	}
}

func clone[T any](s []T) []T { return append([]T(nil), s...) }

type symImpl[T float32 | float64] struct {
	dot   func(n int, x []T, incX int, y []T, incY int) T
	axpy  func(n int, alpha T, x []T, incX int, y []T, incY int)
	rot   func(n int, x []T, incX int, y []T, incY int, c, s T)
	gemv  func(tA blas.Transpose, m, n int, alpha T, a []T, lda int, x []T, incX int, beta T, y []T, incY int)
	symv  func(ul blas.Uplo, n int, alpha T, a []T, lda int, x []T, incX int, beta T, y []T, incY int)
	syrk  func(ul blas.Uplo, tA blas.Transpose, n, k int, alpha T, a []T, lda int, beta T, c []T, ldc int)
	syr2k func(ul blas.Uplo, tA blas.Transpose, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int)
}

var (
	fast64 = symImpl[float64]{fastBLAS{}.Ddot, fastBLAS{}.Daxpy, fastBLAS{}.Drot, fastBLAS{}.Dgemv, fastBLAS{}.Dsymv, fastBLAS{}.Dsyrk, fastBLAS{}.Dsyr2k}
	ref64  = symImpl[float64]{gonum.Implementation{}.Ddot, gonum.Implementation{}.Daxpy, gonum.Implementation{}.Drot, gonum.Implementation{}.Dgemv, gonum.Implementation{}.Dsymv, gonum.Implementation{}.Dsyrk, gonum.Implementation{}.Dsyr2k}
	fast32 = symImpl[float32]{fastBLAS{}.Sdot, fastBLAS{}.Saxpy, fastBLAS{}.Srot, fastBLAS{}.Sgemv, fastBLAS{}.Ssymv, fastBLAS{}.Ssyrk, fastBLAS{}.Ssyr2k}
	ref32  = symImpl[float32]{gonum.Implementation{}.Sdot, gonum.Implementation{}.Saxpy, gonum.Implementation{}.Srot, gonum.Implementation{}.Sgemv, gonum.Implementation{}.Ssymv, gonum.Implementation{}.Ssyrk, gonum.Implementation{}.Ssyr2k}
)

// symRun runs f for random and integer data and both element types.
func symRun(t *testing.T, f64 func(*testing.T, symImpl[float64], symImpl[float64], bool), f32 func(*testing.T, symImpl[float32], symImpl[float32], bool)) {
	for _, ints := range []bool{false, true} {
		t.Run(fmt.Sprintf("ints=%v/f64", ints), func(t *testing.T) { f64(t, fast64, ref64, ints) })
		t.Run(fmt.Sprintf("ints=%v/f32", ints), func(t *testing.T) { f32(t, fast32, ref32, ints) })
	}
}

func testLevel1[T float32 | float64](t *testing.T, fast, ref symImpl[T], ints bool) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 7, 33, 100, 1001} {
		for _, inc := range symIncs {
			x := symVec[T](r, n, inc[0], ints)
			y := symVec[T](r, n, inc[1], ints)
			what := fmt.Sprintf("n=%d inc=%v", n, inc)
			got, want := fast.dot(n, x, inc[0], y, inc[1]), ref.dot(n, x, inc[0], y, inc[1])
			symCompare(t, "dot "+what, []T{got}, []T{want}, symTol[T](ints, n))
			for _, alpha := range []T{0, 1, -0.5} {
				yg, yw := clone(y), clone(y)
				fast.axpy(n, alpha, x, inc[0], yg, inc[1])
				ref.axpy(n, alpha, x, inc[0], yw, inc[1])
				symCompare(t, fmt.Sprintf("axpy alpha=%v %s", alpha, what), yg, yw, symTol[T](ints, 1))
			}
			xg, yg, xw, yw := clone(x), clone(y), clone(x), clone(y)
			fast.rot(n, xg, inc[0], yg, inc[1], 0.6, -0.8)
			ref.rot(n, xw, inc[0], yw, inc[1], 0.6, -0.8)
			symCompare(t, "rot x "+what, xg, xw, symTol[T](false, 1))
			symCompare(t, "rot y "+what, yg, yw, symTol[T](false, 1))
		}
	}
}

func TestFastBLASLevel1(t *testing.T) { symRun(t, testLevel1[float64], testLevel1[float32]) }

var symAlphaBeta = [][2]float64{{1, 0}, {1, 1}, {0, 1}, {0, 0}, {0, -2}, {0.75, -1.5}, {-2, 0}}

func testGemv[T float32 | float64](t *testing.T, fast, ref symImpl[T], ints bool) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, mn := range [][2]int{{0, 3}, {3, 0}, {1, 1}, {5, 3}, {17, 40}, {70, 9}, {300, 301}} {
		m, n := mn[0], mn[1]
		for _, tA := range []blas.Transpose{blas.NoTrans, blas.Trans, blas.ConjTrans} {
			nx, ny := n, m
			if tA != blas.NoTrans {
				nx, ny = m, n
			}
			for _, pad := range []int{0, 3} {
				lda := max(1, n+pad)
				a := symGen[T](r, max(0, lda*m), ints)
				symNaNOutside(a, lda, func(_, j int) bool { return j < n })
				for _, inc := range symIncs {
					x := symVec[T](r, nx, inc[0], ints)
					y := symVec[T](r, ny, inc[1], ints)
					for _, ab := range symAlphaBeta {
						yg, yw := clone(y), clone(y)
						if ab[1] == 0 && ny > 0 {
							yg[0], yw[0] = T(math.Inf(1)), T(math.Inf(1)) // not read
						}
						fast.gemv(tA, m, n, T(ab[0]), a, lda, x, inc[0], T(ab[1]), yg, inc[1])
						ref.gemv(tA, m, n, T(ab[0]), a, lda, x, inc[0], T(ab[1]), yw, inc[1])
						// gonum's Sgemv with beta 0 zeroes the whole slice y:
						// the gaps must stay NaN.
						symKeepGaps(yw, y, ny, inc[1])
						symCompare(t, fmt.Sprintf("gemv %v m=%d n=%d lda=%d inc=%v alpha,beta=%v", tA, m, n, lda, inc, ab), yg, yw, symTol[T](ints, m+n))
					}
				}
			}
		}
	}
}

func TestFastBLASGemv(t *testing.T) { symRun(t, testGemv[float64], testGemv[float32]) }

var symUplos = []blas.Uplo{blas.Upper, blas.Lower}

// stored reports whether (i, j) of an n×n matrix is in the triangle ul.
func stored(ul blas.Uplo, n int) func(i, j int) bool {
	return func(i, j int) bool {
		return j < n && (ul == blas.Upper && j >= i || ul == blas.Lower && j <= i)
	}
}

func testSymv[T float32 | float64](t *testing.T, fast, ref symImpl[T], ints bool) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{0, 1, 2, 5, 17, 64, 150, 333} {
		for _, ul := range symUplos {
			for _, pad := range []int{0, 5} {
				lda := max(1, n+pad)
				a := symGen[T](r, lda*n, ints)
				symNaNOutside(a, lda, stored(ul, n))
				for _, inc := range symIncs {
					x := symVec[T](r, n, inc[0], ints)
					y := symVec[T](r, n, inc[1], ints)
					for _, ab := range symAlphaBeta {
						yg, yw := clone(y), clone(y)
						if ab[1] == 0 && n > 0 {
							yg[0], yw[0] = T(math.NaN()), T(math.NaN()) // not read
						}
						fast.symv(ul, n, T(ab[0]), a, lda, x, inc[0], T(ab[1]), yg, inc[1])
						ref.symv(ul, n, T(ab[0]), a, lda, x, inc[0], T(ab[1]), yw, inc[1])
						symCompare(t, fmt.Sprintf("symv %v n=%d lda=%d inc=%v alpha,beta=%v", ul, n, lda, inc, ab), yg, yw, symTol[T](ints, n))
					}
				}
			}
		}
	}
}

func TestFastBLASSymv(t *testing.T) { symRun(t, testSymv[float64], testSymv[float32]) }

func testRankK[T float32 | float64](t *testing.T, fast, ref symImpl[T], ints bool) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, nk := range [][2]int{{1, 1}, {5, 0}, {5, 3}, {17, 33}, {130, 7}, {260, 40}} {
		n, k := nk[0], nk[1]
		for _, ul := range symUplos {
			for _, tA := range []blas.Transpose{blas.NoTrans, blas.Trans} {
				rows, cols := n, k
				if tA != blas.NoTrans {
					rows, cols = k, n
				}
				for _, pad := range []int{0, 2} {
					lda, ldc := max(1, cols+pad), n+pad+1
					a := symGen[T](r, lda*rows, ints)
					b := symGen[T](r, lda*rows, ints)
					symNaNOutside(a, lda, func(_, j int) bool { return j < cols })
					symNaNOutside(b, lda, func(_, j int) bool { return j < cols })
					c := symGen[T](r, ldc*n, ints)
					symNaNOutside(c, ldc, stored(ul, n))
					for _, ab := range symAlphaBeta {
						what := fmt.Sprintf("%v %v n=%d k=%d pad=%d alpha,beta=%v", ul, tA, n, k, pad, ab)
						cg, cw := clone(c), clone(c)
						if ab[1] == 0 {
							// Not read: NaN on the diagonal. (gonum's transposed
							// Dsyrk multiplies C by beta = 0, so it gets a 0.)
							cg[0], cw[0] = T(math.NaN()), 0
						}
						fast.syrk(ul, tA, n, k, T(ab[0]), a, lda, T(ab[1]), cg, ldc)
						ref.syrk(ul, tA, n, k, T(ab[0]), a, lda, T(ab[1]), cw, ldc)
						symCompare(t, "syrk "+what, cg, cw, symTol[T](ints, k))
						cg, cw = clone(c), clone(c)
						if ab[1] == 0 {
							cg[0], cw[0] = T(math.NaN()), 0
						}
						fast.syr2k(ul, tA, n, k, T(ab[0]), a, lda, b, lda, T(ab[1]), cg, ldc)
						ref.syr2k(ul, tA, n, k, T(ab[0]), a, lda, b, lda, T(ab[1]), cw, ldc)
						symCompare(t, "syr2k "+what, cg, cw, symTol[T](ints, 2*k))
					}
				}
			}
		}
	}
}

func TestFastBLASRankK(t *testing.T) { symRun(t, testRankK[float64], testRankK[float32]) }

// TestFastBLASPanicsAsGonum checks that rejected arguments panic with
// gonum's messages.
func TestFastBLASPanicsAsGonum(t *testing.T) {
	msg := func(f func()) (s string) {
		defer func() { s = fmt.Sprint(recover()) }()
		f()
		return ""
	}
	var f fastBLAS
	var g gonum.Implementation
	a, x, y := make([]float64, 9), make([]float64, 3), make([]float64, 3)
	for _, tc := range []struct {
		name       string
		fast, gnum func()
	}{
		{"Ddot short x", func() { f.Ddot(4, x, 1, y, 1) }, func() { g.Ddot(4, x, 1, y, 1) }},
		{"Dgemv lda", func() { f.Dgemv(blas.NoTrans, 3, 3, 1, a, 2, x, 1, 0, y, 1) }, func() { g.Dgemv(blas.NoTrans, 3, 3, 1, a, 2, x, 1, 0, y, 1) }},
		{"Dgemv incY", func() { f.Dgemv(blas.Trans, 3, 3, 1, a, 3, x, 1, 0, y, 0) }, func() { g.Dgemv(blas.Trans, 3, 3, 1, a, 3, x, 1, 0, y, 0) }},
		{"Dsymv short x", func() { f.Dsymv(blas.Upper, 3, 1, a, 3, x, 2, 0, y, 1) }, func() { g.Dsymv(blas.Upper, 3, 1, a, 3, x, 2, 0, y, 1) }},
		{"Dsymv uplo", func() { f.Dsymv(blas.All, 3, 1, a, 3, x, 1, 0, y, 1) }, func() { g.Dsymv(blas.All, 3, 1, a, 3, x, 1, 0, y, 1) }},
		{"Dsyrk short c", func() { f.Dsyrk(blas.Upper, blas.NoTrans, 4, 2, 1, a, 2, 0, y, 4) }, func() { g.Dsyrk(blas.Upper, blas.NoTrans, 4, 2, 1, a, 2, 0, y, 4) }},
		{"Dsyr2k k<0", func() { f.Dsyr2k(blas.Lower, blas.Trans, 2, -1, 1, a, 2, a, 2, 0, a, 2) }, func() { g.Dsyr2k(blas.Lower, blas.Trans, 2, -1, 1, a, 2, a, 2, 0, a, 2) }},
	} {
		got, want := msg(tc.fast), msg(tc.gnum)
		if want == "" || got != want {
			t.Errorf("%s: panic %q, gonum %q", tc.name, got, want)
		}
	}
}

// gemmOnlyBLAS is gonum's BLAS with only the matrix products of fastBLAS
// (what fastBLAS was without this file), a baseline for the benchmarks.
type gemmOnlyBLAS struct{ gonum.Implementation }

func (gemmOnlyBLAS) Dgemm(tA, tB blas.Transpose, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	fastBLAS{}.Dgemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// BenchmarkFastBLASLapack runs gonum's Dsytrd (the reduction to
// tridiagonal form of the symmetric eigensolver) and Dpotrf (Cholesky) of
// order n on fastBLAS, on gonum's BLAS with fastBLAS's Dgemm only, and on
// gonum's own BLAS, in the same run:
//
//	go test -run XXX -bench FastBLASLapack -benchtime 5x ./arrays/linalg/
func BenchmarkFastBLASLapack(b *testing.B) {
	defer blas64.Use(blas64.Implementation())
	var impl lapackgonum.Implementation
	for _, n := range []int{300, 1000} {
		r := rand.New(rand.NewPCG(1, uint64(n)))
		sym := make([]float64, n*n)
		for i := 0; i < n; i++ {
			for j := 0; j <= i; j++ {
				v := 2*r.Float64() - 1
				sym[i*n+j], sym[j*n+i] = v, v
			}
			sym[i*n+i] += float64(n) // positive definite for Dpotrf
		}
		d, e, tau := make([]float64, n), make([]float64, n-1), make([]float64, n-1)
		work := make([]float64, 1)
		impl.Dsytrd(blas.Upper, n, sym, n, d, e, tau, work, -1)
		work = make([]float64, int(work[0]))
		a := make([]float64, n*n)
		for _, bl := range []struct {
			name string
			impl blas.Float64
		}{{"fastBLAS", fastBLAS{}}, {"gemmOnly", gemmOnlyBLAS{}}, {"gonum", gonum.Implementation{}}} {
			for _, ul := range symUplos {
				b.Run(fmt.Sprintf("Dsytrd/n=%d/%c/%s", n, ul, bl.name), func(b *testing.B) {
					blas64.Use(bl.impl)
					for range b.N {
						copy(a, sym)
						impl.Dsytrd(ul, n, a, n, d, e, tau, work, len(work))
					}
				})
				b.Run(fmt.Sprintf("Dpotrf/n=%d/%c/%s", n, ul, bl.name), func(b *testing.B) {
					blas64.Use(bl.impl)
					for range b.N {
						copy(a, sym)
						if !impl.Dpotrf(ul, n, a, n) {
							b.Fatal("not positive definite")
						}
					}
				})
			}
		}
	}
}
