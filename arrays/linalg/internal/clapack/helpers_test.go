package clapack

import (
	"fmt"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"
)

// squareSizes and rectShapes are the sizes the property tests run on.
var squareSizes = []int{0, 1, 2, 3, 5, 8, 17, 33}

var rectShapes = [][2]int{
	{0, 0}, {0, 3}, {3, 0}, {1, 1}, {1, 4}, {4, 1}, {2, 3}, {3, 2},
	{5, 5}, {7, 3}, {3, 7}, {8, 8}, {17, 5}, {5, 17}, {33, 17}, {17, 33}, {33, 33},
}

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15)) }

// randMatrix is an m×n matrix with entries uniform in the unit square
// [-1, 1]×[-1, 1]i.
func randMatrix(rng *rand.Rand, m, n int) []complex128 {
	a := make([]complex128, m*n)
	for i := range a {
		a[i] = complex(2*rng.Float64()-1, 2*rng.Float64()-1)
	}
	return a
}

// randHermitian is a Hermitian n×n matrix.
func randHermitian(rng *rand.Rand, n int) []complex128 {
	a := randMatrix(rng, n, n)
	for i := 0; i < n; i++ {
		a[i*n+i] = complex(real(a[i*n+i]), 0)
		for j := 0; j < i; j++ {
			a[j*n+i] = cmplx.Conj(a[i*n+j])
		}
	}
	return a
}

// mul is the m×p product of the m×k matrix a and the k×p matrix b.
func mul(m, k, p int, a, b []complex128) []complex128 {
	c := make([]complex128, m*p)
	for i := 0; i < m; i++ {
		for l := 0; l < k; l++ {
			x := a[i*k+l]
			for j := 0; j < p; j++ {
				c[i*p+j] += x * b[l*p+j]
			}
		}
	}
	return c
}

// ct is the n×m conjugate transpose of the m×n matrix a.
func ct(m, n int, a []complex128) []complex128 { return conjTranspose(m, n, a) }

func eye(n int) []complex128 {
	a := make([]complex128, n*n)
	for i := 0; i < n; i++ {
		a[i*n+i] = 1
	}
	return a
}

// fro is the Frobenius norm.
func fro(a []complex128) float64 {
	var s float64
	for _, v := range a {
		s += abs2(v)
	}
	return math.Sqrt(s)
}

// maxDiff is max |a[i] - b[i]|.
func maxDiff(a, b []complex128) float64 {
	if len(a) != len(b) {
		return math.Inf(1)
	}
	var d float64
	for i := range a {
		d = math.Max(d, cmplx.Abs(a[i]-b[i]))
	}
	return d
}

// tol is the tolerance 1e-12·max(n,1)·max(‖A‖,1) of the property tests.
func tol(n int, a []complex128) float64 {
	return 1e-12 * float64(max(n, 1)) * math.Max(fro(a), 1)
}

func clone(a []complex128) []complex128 { return append([]complex128(nil), a...) }

func checkClose(t *testing.T, what string, got, want []complex128, eps float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: length %d, want %d", what, len(got), len(want))
	}
	if d := maxDiff(got, want); !(d <= eps) {
		t.Errorf("%s: max difference %.3g > %.3g", what, d, eps)
	}
}

// checkOrthonormalColumns checks QᴴQ = I for the m×k matrix q.
func checkOrthonormalColumns(t *testing.T, what string, m, k int, q []complex128, eps float64) {
	t.Helper()
	if len(q) != m*k {
		t.Fatalf("%s: length %d, want %d×%d", what, len(q), m, k)
	}
	checkClose(t, what+": QᴴQ = I", mul(k, m, k, ct(m, k, q), q), eye(k), eps)
}

func name(m, n int) string { return fmt.Sprintf("%dx%d", m, n) }
