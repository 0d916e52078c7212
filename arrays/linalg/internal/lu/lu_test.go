package lu

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"
	gblas "gonum.org/v1/gonum/blas/gonum"
	"gonum.org/v1/gonum/lapack/gonum"
)

// ref is gonum's pure-Go LAPACK and BLAS, the independent reference.
var ref gonum.Implementation

// randMat returns an m×n matrix with elements uniform in [-1, 1).
func randMat(r *rand.Rand, m, n int) []float64 {
	a := make([]float64, m*n)
	for i := range a {
		a[i] = 2*r.Float64() - 1
	}
	return a
}

// testSizes are the shapes Factor is checked on: squares of every order
// up to 70, odd ones around the recursion's splits, and rectangles.
func testSizes() [][2]int {
	var s [][2]int
	for n := 0; n <= 70; n++ {
		s = append(s, [2]int{n, n})
	}
	for _, n := range []int{127, 129, 513} {
		s = append(s, [2]int{n, n})
	}
	for _, mn := range [][2]int{{1, 5}, {5, 1}, {9, 40}, {40, 9}, {17, 100}, {100, 17}, {70, 33}, {33, 70}, {200, 131}} {
		s = append(s, mn)
	}
	return s
}

// firstZero returns the index of the first zero on the diagonal of the
// factor u (m×n), or -1.
func firstZero(m, n int, u []float64) int {
	for i := 0; i < min(m, n); i++ {
		if u[i*n+i] == 0 {
			return i
		}
	}
	return -1
}

// reconstruct returns P·L·U for the factorization f (m×n) of Factor.
func reconstruct(m, n int, f []float64, ipiv []int) []float64 {
	k := min(m, n)
	a := make([]float64, m*n)
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			var s float64
			for l := 0; l <= min(i, j, k-1); l++ {
				li := 1.0
				if l < i {
					li = f[i*n+l]
				}
				s += li * f[l*n+j]
			}
			a[i*n+j] = s
		}
	}
	// P·(L·U): undo the interchanges, last first.
	for i := k - 1; i >= 0; i-- {
		if p := ipiv[i]; p != i {
			for j := 0; j < n; j++ {
				a[i*n+j], a[p*n+j] = a[p*n+j], a[i*n+j]
			}
		}
	}
	return a
}

func maxAbs(a []float64) float64 {
	var m float64
	for _, v := range a {
		m = max(m, math.Abs(v))
	}
	return m
}

// checkFactor factorizes a (m×n) with Factor and with gonum's Dgetrf and
// compares the pivots, the zero-pivot report, the factors and P·L·U.
// The factors are compared element by element only when exact is set
// (random matrices: the factors of an ill-conditioned one are sensitive
// to the order of the operations).
func checkFactor(t *testing.T, name string, m, n int, a []float64, exact bool) {
	t.Helper()
	k := min(m, n)
	f := append([]float64(nil), a...)
	ipiv := make([]int, k)
	info := Factor(m, n, f, max(1, n), ipiv)
	g := append([]float64(nil), a...)
	gpiv := make([]int, k)
	ok := ref.Dgetrf(m, n, g, max(1, n), gpiv)
	for i := range ipiv {
		if ipiv[i] != gpiv[i] {
			t.Fatalf("%s %d×%d: ipiv[%d] = %d, gonum's %d", name, m, n, i, ipiv[i], gpiv[i])
		}
	}
	if want := firstZero(m, n, g); info != want || (info < 0) != ok {
		t.Fatalf("%s %d×%d: first zero pivot %d, gonum's %d (ok %v)", name, m, n, info, want, ok)
	}
	if got := firstZero(m, n, f); got != info {
		t.Fatalf("%s %d×%d: reported zero pivot %d, but U's first zero diagonal element is %d", name, m, n, info, got)
	}
	scale := max(maxAbs(a), math.SmallestNonzeroFloat64)
	tol := 64 * float64(max(k, 1)) * 0x1p-52
	for i := range f {
		if d := math.Abs(f[i] - g[i]); exact && d > tol*max(scale, math.Abs(g[i])) {
			t.Fatalf("%s %d×%d: factor element (%d, %d) = %g, gonum's %g", name, m, n, i/n, i%n, f[i], g[i])
		}
	}
	pa := reconstruct(m, n, f, ipiv)
	for i := range pa {
		if d := math.Abs(pa[i] - a[i]); d > tol*scale {
			t.Fatalf("%s %d×%d: (P·L·U)(%d, %d) = %g, A's %g", name, m, n, i/n, i%n, pa[i], a[i])
		}
	}
}

func TestFactorRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, s := range testSizes() {
		checkFactor(t, "random", s[0], s[1], randMat(r, s[0], s[1]), true)
	}
}

func TestFactorIllConditioned(t *testing.T) {
	// Hilbert and Vandermonde matrices up to order 12 (condition numbers
	// up to about 1e16; beyond, the pivots of the last columns are
	// rounding noise).
	for _, n := range []int{5, 8, 12} {
		h := make([]float64, n*n)
		v := make([]float64, n*n)
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				h[i*n+j] = 1 / float64(i+j+1)
				v[i*n+j] = math.Pow(float64(i+1)/float64(n), float64(j))
			}
		}
		checkFactor(t, "hilbert", n, n, h, false)
		checkFactor(t, "vandermonde", n, n, v, false)
	}
	// Random matrices with rows, or columns, scaled from 1 to 1e-12.
	r := rand.New(rand.NewPCG(15, 16))
	for _, n := range []int{100, 129} {
		rows, cols := randMat(r, n, n), randMat(r, n, n)
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				rows[i*n+j] *= math.Pow(10, -12*float64(i)/float64(n))
				cols[i*n+j] *= math.Pow(10, -12*float64(j)/float64(n))
			}
		}
		checkFactor(t, "graded rows", n, n, rows, false)
		checkFactor(t, "graded columns", n, n, cols, false)
	}
}

func TestFactorSingular(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	zeroCols := func(m, n int, cols ...int) []float64 {
		a := randMat(r, m, n)
		for _, c := range cols {
			for i := 0; i < m; i++ {
				a[i*n+c] = 0
			}
		}
		return a
	}
	cases := []struct {
		name string
		m, n int
		a    []float64
	}{
		{"1x1 zero", 1, 1, []float64{0}},
		{"2x2 zero", 2, 2, make([]float64, 4)},
		{"zero 40x40", 40, 40, make([]float64, 1600)},
		{"first column zero", 30, 30, zeroCols(30, 30, 0)},
		{"last column zero", 30, 30, zeroCols(30, 30, 29)},
		{"middle columns zero", 129, 129, zeroCols(129, 129, 64, 65, 100)},
		{"column 9 zero", 50, 50, zeroCols(50, 50, 9)},
		{"tall, column zero", 80, 20, zeroCols(80, 20, 13)},
		{"wide, column zero", 20, 80, zeroCols(20, 80, 3, 11)},
		{"ones", 3, 3, []float64{1, 1, 1, 1, 1, 1, 1, 1, 1}},
		{"integers", 3, 3, []float64{1, 2, 3, 4, 5, 6, 7, 8, 9}},
	}
	for _, c := range cases {
		checkFactor(t, c.name, c.m, c.n, c.a, true)
		f := append([]float64(nil), c.a...)
		if info := Factor(c.m, c.n, f, c.n, make([]int, min(c.m, c.n))); info < 0 && c.name != "integers" {
			t.Errorf("%s: no zero pivot reported", c.name)
		}
	}
}

// refGetf2 is LAPACK's reference dgetf2 (unblocked, right-looking) for a
// row-major n×n matrix, written out plainly (the rank-1 updates with
// fused multiply-adds, as Factor's); it returns the first zero pivot or
// -1. (gonum's Dgetf2 differs from it when a pivot is NaN or
// below the smallest normal number: it divides one element only.)
func refGetf2(n int, a []float64, ipiv []int) int {
	info := -1
	for j := 0; j < n; j++ {
		p, big := j, math.Abs(a[j*n+j])
		for i := j + 1; i < n; i++ {
			if v := math.Abs(a[i*n+j]); v > big {
				p, big = i, v
			}
		}
		ipiv[j] = p
		if a[p*n+j] != 0 {
			for k := 0; k < n; k++ {
				a[j*n+k], a[p*n+k] = a[p*n+k], a[j*n+k]
			}
			piv := a[j*n+j]
			for i := j + 1; i < n; i++ {
				if math.Abs(piv) >= 0x1p-1022 {
					a[i*n+j] *= 1 / piv
				} else {
					a[i*n+j] /= piv
				}
			}
		} else if info < 0 {
			info = j
		}
		for i := j + 1; i < n; i++ {
			for k := j + 1; k < n; k++ {
				a[i*n+k] = math.FMA(-a[i*n+j], a[j*n+k], a[i*n+k])
			}
		}
	}
	return info
}

// TestFactorNonFinite checks matrices holding NaNs and infinities, and
// tiny pivots, small enough to be one panel, where Factor does the
// operations of LAPACK's dgetf2 in the same order: the pivots, the
// zero-pivot report and the factors must agree bit for bit (NaN for NaN).
func TestFactorNonFinite(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	for _, c := range []struct {
		name string
		n    int
		set  map[int]float64
	}{
		{"NaN first", 5, map[int]float64{0: math.NaN()}},
		{"NaN inside", 6, map[int]float64{13: math.NaN()}},
		{"NaN column", 4, map[int]float64{1: math.NaN(), 5: math.NaN(), 9: math.NaN(), 13: math.NaN()}},
		{"Inf", 7, map[int]float64{20: math.Inf(1)}},
		{"-Inf and NaN", 8, map[int]float64{3: math.Inf(-1), 40: math.NaN()}},
		{"subnormal pivot", 3, map[int]float64{0: 0x1p-1070, 3: 0x1p-1072, 6: 0, 1: 1, 4: 0.5, 7: 0.25}},
	} {
		n := c.n
		a := randMat(r, n, n)
		for i, v := range c.set {
			a[i] = v
		}
		f := append([]float64(nil), a...)
		ipiv := make([]int, n)
		info := Factor(n, n, f, n, ipiv)
		g := append([]float64(nil), a...)
		gpiv := make([]int, n)
		if want := refGetf2(n, g, gpiv); info != want {
			t.Errorf("%s: zero pivot %d, LAPACK's %d", c.name, info, want)
		}
		for i := range ipiv {
			if ipiv[i] != gpiv[i] {
				t.Fatalf("%s: ipiv[%d] = %d, LAPACK's %d", c.name, i, ipiv[i], gpiv[i])
			}
		}
		for i := range f {
			if f[i] != g[i] && !(math.IsNaN(f[i]) && math.IsNaN(g[i])) {
				t.Fatalf("%s: factor element (%d, %d) = %g, LAPACK's %g", c.name, i/n, i%n, f[i], g[i])
			}
		}
	}
}

func TestFactorStride(t *testing.T) {
	// A submatrix with a row stride larger than its width, the rest of
	// each row untouched.
	r := rand.New(rand.NewPCG(5, 6))
	m, n, lda := 45, 37, 50
	a := randMat(r, m, lda)
	f := append([]float64(nil), a...)
	ipiv := make([]int, n)
	Factor(m, n, f, lda, ipiv)
	g := append([]float64(nil), a...)
	gpiv := make([]int, n)
	ref.Dgetrf(m, n, g, lda, gpiv)
	for i := range f {
		if j := i % lda; j >= n && f[i] != a[i] {
			t.Fatalf("element (%d, %d) outside the matrix changed", i/lda, j)
		} else if math.Abs(f[i]-g[i]) > 1e-12 {
			t.Fatalf("element (%d, %d) = %g, gonum's %g", i/lda, j, f[i], g[i])
		}
	}
}

func TestFactor32(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{1, 7, 33, 100} {
		a := randMat(r, n, n)
		a32 := make([]float32, len(a))
		for i, v := range a {
			a32[i] = float32(v)
			a[i] = float64(a32[i])
		}
		ipiv := make([]int, n)
		Factor(n, n, a32, n, ipiv)
		f := make([]float64, len(a))
		for i, v := range a32 {
			f[i] = float64(v)
		}
		pa := reconstruct(n, n, f, ipiv)
		for i := range pa {
			if d := math.Abs(pa[i] - a[i]); d > 64*float64(n)*0x1p-23 {
				t.Fatalf("%d×%d: (P·L·U)(%d, %d) = %g, A's %g", n, n, i/n, i%n, pa[i], a[i])
			}
		}
		// Solve A·x = A·1 for x ≈ 1, with one and with five right-hand
		// sides.
		for _, k := range []int{1, 5} {
			x := make([]float32, n*k)
			for i := 0; i < n; i++ {
				var s float64
				for j := 0; j < n; j++ {
					s += a[i*n+j]
				}
				for c := 0; c < k; c++ {
					x[i*k+c] = float32(s)
				}
			}
			Solve(n, k, a32, n, ipiv, x, k)
			for i, v := range x {
				if math.Abs(float64(v)-1) > 1e-2 {
					t.Fatalf("%d×%d, %d right-hand sides: x[%d] = %g, want 1", n, n, k, i, v)
				}
			}
		}
	}
}

func TestFactorPanics(t *testing.T) {
	for _, c := range []struct {
		name    string
		f       func()
		message string
	}{
		{"short ipiv", func() { Factor(2, 2, make([]float64, 4), 2, make([]int, 1)) }, "lu: Factor: ipiv has 1 elements, want min(m, n) = 2"},
		{"short a", func() { Factor(2, 2, make([]float64, 3), 2, make([]int, 2)) }, "lu: Factor: a has 3 elements, too few for 2×2 with row stride 2"},
		{"stride", func() { Factor(2, 3, make([]float64, 6), 2, make([]int, 2)) }, "lu: Factor: row stride 2 is less than the 3 columns"},
		{"solve ipiv", func() { Solve(2, 1, make([]float64, 4), 2, make([]int, 1), make([]float64, 2), 1) }, "lu: Solve: ipiv has 1 elements, want 2"},
	} {
		func() {
			defer func() {
				if r := recover(); fmt.Sprint(r) != c.message {
					t.Errorf("%s: panic %v, want %q", c.name, r, c.message)
				}
			}()
			c.f()
		}()
	}
}

func TestSolve(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for _, n := range []int{0, 1, 2, 3, 8, 17, 40, 129} {
		for _, k := range []int{1, 2, 3, 4, 5, 17, 100} {
			a := randMat(r, n, n)
			b := randMat(r, n, k)
			f := append([]float64(nil), a...)
			ipiv := make([]int, n)
			Factor(n, n, f, max(1, n), ipiv)
			x := append([]float64(nil), b...)
			Solve(n, k, f, max(1, n), ipiv, x, max(1, k))
			g := append([]float64(nil), a...)
			gpiv := make([]int, n)
			ref.Dgetrf(n, n, g, max(1, n), gpiv)
			y := append([]float64(nil), b...)
			ref.Dgetrs(blas.NoTrans, n, k, g, max(1, n), gpiv, y, max(1, k))
			for i := range x {
				if d := math.Abs(x[i] - y[i]); d > 1e-9*max(1, math.Abs(y[i])) {
					t.Fatalf("n=%d k=%d: X(%d, %d) = %g, gonum's %g", n, k, i/k, i%k, x[i], y[i])
				}
			}
			// The residual A·X - B, independent of gonum.
			for i := 0; i < n; i++ {
				for c := 0; c < k; c++ {
					s := -b[i*k+c]
					for j := 0; j < n; j++ {
						s += a[i*n+j] * x[j*k+c]
					}
					if math.Abs(s) > 1e-9*(1+maxAbs(x)) {
						t.Fatalf("n=%d k=%d: residual (%d, %d) = %g", n, k, i, c, s)
					}
				}
			}
		}
	}
}

func TestTriangular(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for _, n := range []int{0, 1, 5, 16, 17, 33, 100, 257} {
		for _, k := range []int{1, 3, 4, 9, 64} {
			// A well-conditioned triangle: a dominant diagonal.
			a := randMat(r, n, n)
			for i := 0; i < n; i++ {
				a[i*n+i] = 4 + float64(i%3)
			}
			b := randMat(r, n, k)
			lda, ldb := max(1, n), max(1, k)
			for _, c := range []struct {
				name string
				ul   blas.Uplo
				d    blas.Diag
				f    func(x []float64)
			}{
				{"LowerUnit", blas.Lower, blas.Unit, func(x []float64) { LowerUnit(n, k, a, lda, x, ldb) }},
				{"Upper", blas.Upper, blas.NonUnit, func(x []float64) { Upper(n, k, a, lda, x, ldb) }},
			} {
				x := append([]float64(nil), b...)
				c.f(x)
				y := append([]float64(nil), b...)
				gblas.Implementation{}.Dtrsm(blas.Left, c.ul, blas.NoTrans, c.d, n, k, 1, a, lda, y, ldb)
				scale := max(1, maxAbs(y))
				for i := range x {
					if d := math.Abs(x[i] - y[i]); d > 1e-12*scale {
						t.Fatalf("%s n=%d k=%d: X(%d, %d) = %g, gonum's %g", c.name, n, k, i/k, i%k, x[i], y[i])
					}
				}
			}
		}
	}
}

func TestIamax(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for _, c := range []struct {
		x    []float64
		want int
	}{
		{nil, 0},
		{[]float64{-3}, 0},
		{[]float64{1, -3, 3, 2}, 1},
		{[]float64{0, 0, 0, 0, 0, 0}, 0},
		{[]float64{1, 2, 3, 4, 5, 6, 7, -7, 7}, 6},
		{[]float64{1, 2, 3, 4, 5, 6, 7, 8, -9}, 8},
		{[]float64{nan, 5, 9}, 0},
		{[]float64{1, nan, 0.5, nan, nan, 2, nan}, 5},
		{[]float64{nan, nan}, 0},
		{[]float64{0, nan, nan, nan, nan, nan}, 0},
		{[]float64{1, 2, -inf, 3, inf}, 2},
	} {
		// The reference: the first element of largest absolute value,
		// from the left, as BLAS's idamax.
		if got := iamax(c.x); got != c.want {
			t.Errorf("iamax(%v) = %d, want %d", c.x, got, c.want)
		}
	}
	// Random vectors against a sequential search, with ties.
	r := rand.New(rand.NewPCG(17, 18))
	for n := 1; n < 40; n++ {
		x := make([]float64, n)
		for i := range x {
			x[i] = float64(r.IntN(7) - 3)
		}
		want, big := 0, math.Abs(x[0])
		for i, v := range x {
			if math.Abs(v) > big {
				want, big = i, math.Abs(v)
			}
		}
		if got := iamax(x); got != want {
			t.Errorf("iamax(%v) = %d, want %d", x, got, want)
		}
	}
}
