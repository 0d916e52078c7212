package clapack

import (
	"math"
	"testing"
)

// TestRandomKinds runs the property checks on matrices of assorted kinds
// and shapes: uniform, small integers (ties in the pivot and deflation
// tests), graded, low rank and real.
func TestRandomKinds(t *testing.T) {
	rng := newRand(99)
	for trial := 0; trial < 60; trial++ {
		n := 1 + rng.IntN(40)
		m := 1 + rng.IntN(40)
		kind := trial % 5
		gen := func(r, c int) []complex128 {
			a := randMatrix(rng, r, c)
			switch kind {
			case 1: // small integers: ties
				for i := range a {
					a[i] = complex(math.Round(2*real(a[i])), math.Round(2*imag(a[i])))
				}
			case 2: // graded
				for i := 0; i < r; i++ {
					for j := 0; j < c; j++ {
						a[i*c+j] *= complex(math.Pow(10, float64(-(i+j)%12)), 0)
					}
				}
			case 3: // low rank
				k := 1 + rng.IntN(3)
				x, y := randMatrix(rng, r, k), randMatrix(rng, k, c)
				a = mul(r, k, c, x, y)
			case 4: // real
				for i := range a {
					a[i] = complex(real(a[i]), 0)
				}
			}
			return a
		}
		a := gen(n, n)
		checkEig(t, n, a)
		h := clone(a)
		for i := 0; i < n; i++ {
			h[i*n+i] = complex(real(h[i*n+i]), 0)
			for j := 0; j < i; j++ {
				h[j*n+i] = complex(real(h[i*n+j]), -imag(h[i*n+j]))
			}
		}
		checkEigh(t, n, h)
		b := gen(m, n)
		checkSVD(t, m, n, b)
		checkQR(t, m, n, b)
		if t.Failed() {
			t.Fatalf("trial %d kind %d n=%d m=%d", trial, kind, n, m)
		}
	}
}

// TestStructured: larger random matrices, permutation matrices (eigenvalues
// on the unit circle), companion matrices and Wilkinson-like tridiagonal
// ones (close eigenvalue pairs).
func TestStructured(t *testing.T) {
	rng := newRand(7)
	for _, n := range []int{60, 100} {
		a := randMatrix(rng, n, n)
		checkEig(t, n, a)
		checkEigh(t, n, randHermitian(rng, n))
		checkSVD(t, n, n/2, randMatrix(rng, n, n/2))
	}
	// random permutation matrices
	for trial := 0; trial < 10; trial++ {
		n := 2 + rng.IntN(30)
		p := rng.Perm(n)
		a := make([]complex128, n*n)
		for i, j := range p {
			a[i*n+j] = 1
		}
		checkEig(t, n, a)
		checkSVD(t, n, n, a)
		// companion matrix of random polynomial
		c := make([]complex128, n*n)
		coef := randMatrix(rng, 1, n)
		for j := 0; j < n; j++ {
			c[j] = -coef[j]
		}
		for i := 1; i < n; i++ {
			c[i*n+i-1] = 1
		}
		checkEig(t, n, c)
		// Wilkinson-like tridiagonal Hermitian
		w := make([]complex128, n*n)
		for i := 0; i < n; i++ {
			w[i*n+i] = complex(float64(abs(i-n/2)), 0)
			if i > 0 {
				w[i*n+i-1] = 1
				w[(i-1)*n+i] = 1
			}
		}
		checkEigh(t, n, w)
		checkEig(t, n, w)
		checkSVD(t, n, n, w)
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
