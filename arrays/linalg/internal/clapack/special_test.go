package clapack

import (
	"errors"
	"math"
	"math/cmplx"
	"testing"
	"time"
)

func TestSingularLU(t *testing.T) {
	for _, c := range []struct {
		n int
		a []complex128
	}{
		{1, []complex128{0}},
		{2, []complex128{1, 2, 2, 4}},
		{3, []complex128{1, 2i, 3, 4, 5, 6 + 1i, 1, 2i, 3}},
		{3, []complex128{0, 1, 2, 0, 3, 4, 0, 5, 6}}, // zero first column
		{3, make([]complex128, 9)},
	} {
		lu := clone(c.a)
		piv, _, singular := LU(c.n, lu)
		if !singular {
			t.Errorf("%v: LU did not report singular", c.a)
		}
		// The factorization still completes: P·A = L·U.
		l, u := splitLU(c.n, lu)
		checkClose(t, "singular P·A = L·U", mul(c.n, c.n, c.n, l, u), permute(c.n, c.n, piv, c.a), 1e-14)
		if err := Inverse(c.n, clone(c.a)); !errors.Is(err, ErrSingular) {
			t.Errorf("%v: Inverse err = %v, want ErrSingular", c.a, err)
		}
	}
}

func TestJordanBlock(t *testing.T) {
	n := 5
	lambda := complex(2, 1)
	a := make([]complex128, n*n)
	for i := 0; i < n; i++ {
		a[i*n+i] = lambda
		if i+1 < n {
			a[i*n+i+1] = 1
		}
	}
	w := checkEig(t, n, a)
	for _, x := range w {
		if cmplx.Abs(x-lambda) > 1e-12 {
			t.Errorf("eigenvalue %v, want %v", x, lambda)
		}
	}
	_, v, _ := Eig(n, a, true)
	// Every computed eigenvector is e1, the only one.
	for j := 0; j < n; j++ {
		if cmplx.Abs(v[j]-1) > 1e-12 {
			t.Errorf("v%d[0] = %v, want 1", j, v[j])
		}
	}
	// The transposed block is lower triangular: Hessenberg reduction and
	// deflation do real work, and the eigenvalues are perturbed by about
	// eps^(1/n) but the residuals stay small.
	at := transpose(n, n, a)
	w = checkEig(t, n, at)
	for _, x := range w {
		if cmplx.Abs(x-lambda) > 1e-2 {
			t.Errorf("transposed Jordan block: eigenvalue %v, want ≈ %v", x, lambda)
		}
	}
	checkSVD(t, n, n, a)
	checkQR(t, n, n, a)
	checkLU(t, n, a)
}

func TestRepeatedEigenvalues(t *testing.T) {
	rng := newRand(11)
	n := 8
	q, _ := QR(n, n, randMatrix(rng, n, n), false)
	vals := []float64{-1, -1, -1, 2, 2, 5, 5, 5}
	d := make([]complex128, n*n)
	for i := 0; i < n; i++ {
		d[i*n+i] = complex(vals[i], 0)
	}
	a := mul(n, n, n, mul(n, n, n, q, d), ct(n, n, q))
	for i := 0; i < n; i++ { // exactly Hermitian
		a[i*n+i] = complex(real(a[i*n+i]), 0)
		for j := 0; j < i; j++ {
			a[j*n+i] = cmplx.Conj(a[i*n+j])
		}
	}
	checkEigh(t, n, a)
	w, _, _ := Eigh(n, a, false)
	for i := range w {
		if math.Abs(w[i]-vals[i]) > 1e-13*float64(n) {
			t.Errorf("eigenvalues %v, want %v", w, vals)
			break
		}
	}
	checkEig(t, n, a)
	checkSVD(t, n, n, a)
	// The identity: every eigenvalue repeated.
	checkEigh(t, 6, eye(6))
	checkEig(t, 6, eye(6))
	checkSVD(t, 6, 6, eye(6))
}

func TestDiagonal(t *testing.T) {
	diag := []complex128{3 - 1i, -0.5, 2i, 1e-3, 7, 0}
	n := len(diag)
	a := make([]complex128, n*n)
	for i, x := range diag {
		a[i*n+i] = x
	}
	w, v, err := Eig(n, a, true)
	if err != nil {
		t.Fatal(err)
	}
	for i := range diag {
		if w[i] != diag[i] {
			t.Errorf("Eig of a diagonal matrix: %v, want %v", w, diag)
			break
		}
	}
	checkClose(t, "eigenvectors of a diagonal matrix", v, eye(n), 0)
	checkEig(t, n, a)
	_, s, _, err := SVD(n, n, a, false, false)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{7, math.Sqrt(10), 2, 0.5, 1e-3, 0}
	closeFloats(t, "singular values of a diagonal matrix", s, want, 1e-14)
	checkSVD(t, n, n, a)
	// A real diagonal matrix is Hermitian.
	r := []float64{4, -2, 0, 1, 1}
	n = len(r)
	a = make([]complex128, n*n)
	for i, x := range r {
		a[i*n+i] = complex(x, 0)
	}
	wh, _, _ := Eigh(n, a, false)
	closeFloats(t, "Eigh of a diagonal matrix", wh, []float64{-2, 0, 1, 1, 4}, 0)
	checkEigh(t, n, a)
}

func TestZeros(t *testing.T) {
	for _, n := range []int{1, 2, 5} {
		a := make([]complex128, n*n)
		checkEigh(t, n, a)
		checkEig(t, n, a)
		checkSVD(t, n, n, a)
		checkSVD(t, n, n+2, make([]complex128, n*(n+2)))
		checkSVD(t, n+2, n, make([]complex128, n*(n+2)))
		checkQR(t, n, n, a)
		if err := Cholesky(n, clone(a)); !errors.Is(err, ErrNotPositiveDefinite) {
			t.Errorf("Cholesky of zeros: %v", err)
		}
	}
}

// TestHardEigenproblems covers matrices that defeat unshifted or plain
// Wilkinson-shifted QR (the cyclic shift, whose eigenvalues are the roots
// of unity) and badly scaled ones (balancing).
func TestHardEigenproblems(t *testing.T) {
	for _, n := range []int{2, 3, 8, 16} {
		a := make([]complex128, n*n)
		for i := 0; i < n; i++ {
			a[i*n+(i+1)%n] = 1
		}
		w := checkEig(t, n, a)
		for _, x := range w {
			if math.Abs(cmplx.Abs(x)-1) > 1e-12 || cmplx.Abs(cmplx.Pow(x, complex(float64(n), 0))-1) > 1e-11 {
				t.Errorf("cyclic n=%d: eigenvalue %v is no root of unity", n, x)
			}
		}
	}
	// Badly scaled: D·A·D⁻¹ with D = diag(1e-6 … 1e6).
	rng := newRand(12)
	n := 7
	a := randMatrix(rng, n, n)
	w0, _, _ := Eig(n, a, false)
	b := clone(a)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			b[i*n+j] *= complex(math.Pow(10, float64(2*(i-j))), 0)
		}
	}
	w1, v, err := Eig(n, b, true)
	if err != nil {
		t.Fatal(err)
	}
	checkClose(t, "eigenvalues after diagonal scaling", sortedComplex(w1), sortedComplex(w0), 1e-10)
	_ = v
	// Tiny and huge magnitudes.
	for _, scale := range []float64{1e-300, 1e-150, 1e150, 1e300} {
		c := clone(a)
		for i := range c {
			c[i] *= complex(scale, 0)
		}
		w2, _, err := Eig(n, c, false)
		if err != nil {
			t.Fatalf("scale %g: %v", scale, err)
		}
		for i := range w2 {
			w2[i] /= complex(scale, 0)
		}
		checkClose(t, "eigenvalues of a scaled matrix", sortedComplex(w2), sortedComplex(w0), 1e-12)
		_, s, _, err := SVD(n, n, c, false, false)
		if err != nil {
			t.Fatalf("scale %g: %v", scale, err)
		}
		_, s0, _, _ := SVD(n, n, a, false, false)
		for i := range s {
			if math.Abs(s[i]/scale-s0[i]) > 1e-12 {
				t.Errorf("scale %g: singular values %v, unscaled %v", scale, s, s0)
				break
			}
		}
		h := randHermitian(newRand(13), n)
		wh0, _, _ := Eigh(n, h, false)
		for i := range h {
			h[i] *= complex(scale, 0)
		}
		wh, _, err := Eigh(n, h, false)
		if err != nil {
			t.Fatalf("scale %g: %v", scale, err)
		}
		for i := range wh {
			if math.Abs(wh[i]/scale-wh0[i]) > 1e-12 {
				t.Errorf("scale %g: Hermitian eigenvalues %v, unscaled %v", scale, wh, wh0)
				break
			}
		}
	}
}

// TestRankDeficientSVD: repeated columns give zero singular values, and U
// and V stay orthonormal.
func TestRankDeficientSVD(t *testing.T) {
	rng := newRand(14)
	m, n := 9, 6
	a := randMatrix(rng, m, n)
	for i := 0; i < m; i++ {
		a[i*n+3] = a[i*n+0]
		a[i*n+4] = 2i * a[i*n+1]
	}
	checkSVD(t, m, n, a)
	checkSVD(t, n, m, ct(m, n, a))
	_, s, _, _ := SVD(m, n, a, false, false)
	if s[4] > 1e-14 || s[5] > 1e-14 {
		t.Errorf("rank 4: singular values %v", s)
	}
}

// TestNonFinite: NaN or Inf input gives an error or NaNs, promptly.
func TestNonFinite(t *testing.T) {
	for _, bad := range []complex128{complex(math.NaN(), 0), complex(0, math.Inf(1)), cmplx.Inf()} {
		for _, n := range []int{1, 2, 5, 20} {
			rng := newRand(15)
			a := randMatrix(rng, n, n)
			a[(n-1)*n+n/2] = bad // in the lower triangle
			start := time.Now()

			lu := clone(a)
			LU(n, lu)
			if allFinite(lu) {
				t.Errorf("n=%d %v: LU is finite", n, bad)
			}
			// 1/∞ = 0: only a NaN must reach the inverse.
			if inv := clone(a); Inverse(n, inv) == nil && allFinite(inv) && cmplx.IsNaN(bad) {
				t.Errorf("n=%d %v: Inverse is finite", n, bad)
			}
			h := randHermitian(rng, n)
			h[(n-1)*n+n/2] = bad
			if n/2 == n-1 { // on the diagonal, where only the real part is read
				h[(n-1)*n+n/2] = complex(real(bad)+imag(bad), 0)
			}
			if l := clone(h); Cholesky(n, l) == nil && allFinite(l) {
				t.Errorf("n=%d %v: Cholesky is finite", n, bad)
			}
			q, r := QR(n, n, a, true)
			if allFinite(q) && allFinite(r) {
				t.Errorf("n=%d %v: QR is finite", n, bad)
			}
			if _, _, err := Eigh(n, h, true); !errors.Is(err, ErrNoConvergence) {
				t.Errorf("n=%d %v: Eigh err = %v", n, bad, err)
			}
			if _, _, err := Eig(n, a, true); !errors.Is(err, ErrNoConvergence) {
				t.Errorf("n=%d %v: Eig err = %v", n, bad, err)
			}
			if _, _, _, err := SVD(n, n+1, append(clone(a), make([]complex128, n)...), true, true); !errors.Is(err, ErrNoConvergence) {
				t.Errorf("n=%d %v: SVD err = %v", n, bad, err)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("n=%d %v: took %v", n, bad, d)
			}
		}
	}
	// A NaN in the strict upper triangle is not read by Eigh and Cholesky.
	a := []complex128{2, complex(math.NaN(), 0), 1, 3}
	if _, _, err := Eigh(2, a, true); err != nil {
		t.Errorf("Eigh read the upper triangle: %v", err)
	}
	if err := Cholesky(2, clone(a)); err != nil {
		t.Errorf("Cholesky read the upper triangle: %v", err)
	}
}

// TestEigInPlaceContracts: LU, Inverse and Cholesky work in place; the
// others leave their input alone (checked in the property tests).
func TestLUSolveAgreesWithInverse(t *testing.T) {
	rng := newRand(16)
	n := 9
	a := randMatrix(rng, n, n)
	lu := clone(a)
	piv, _, _ := LU(n, lu)
	x := eye(n)
	LUSolve(n, n, lu, piv, x)
	inv := clone(a)
	if err := Inverse(n, inv); err != nil {
		t.Fatal(err)
	}
	checkClose(t, "LUSolve(I) = Inverse", x, inv, 1e-12)
}
