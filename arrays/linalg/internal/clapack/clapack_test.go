package clapack

import (
	"errors"
	"math"
	"math/cmplx"
	"slices"
	"testing"
)

// permute applies LU's row swaps to a copy of the n×p matrix a: P·A.
func permute(n, p int, piv []int, a []complex128) []complex128 {
	b := clone(a)
	for i := 0; i < n; i++ {
		if k := piv[i]; k != i {
			for j := 0; j < p; j++ {
				b[i*p+j], b[k*p+j] = b[k*p+j], b[i*p+j]
			}
		}
	}
	return b
}

// splitLU returns the unit lower L and the upper U packed in lu.
func splitLU(n int, lu []complex128) (l, u []complex128) {
	l, u = make([]complex128, n*n), make([]complex128, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			switch {
			case j < i:
				l[i*n+j] = lu[i*n+j]
			case j == i:
				l[i*n+j] = 1
				u[i*n+j] = lu[i*n+j]
			default:
				u[i*n+j] = lu[i*n+j]
			}
		}
	}
	return l, u
}

func checkLU(t *testing.T, n int, a []complex128) {
	t.Helper()
	lu := clone(a)
	piv, sign, singular := LU(n, lu)
	if singular {
		t.Errorf("n=%d: random matrix reported singular", n)
	}
	if len(piv) != n {
		t.Fatalf("n=%d: %d pivots", n, len(piv))
	}
	s := 1
	for i, p := range piv {
		if p < i || p >= n {
			t.Fatalf("n=%d: piv[%d] = %d", n, i, p)
		}
		if p != i {
			s = -s
		}
	}
	if sign != s {
		t.Errorf("n=%d: sign %d, swaps say %d", n, sign, s)
	}
	l, u := splitLU(n, lu)
	checkClose(t, name(n, n)+" P·A = L·U", mul(n, n, n, l, u), permute(n, n, piv, a), tol(n, a))
	// Pivoting by |re|+|im| bounds the multipliers' moduli by √2.
	for i := 0; i < n; i++ {
		for j := 0; j < i; j++ {
			if cmplx.Abs(l[i*n+j]) > math.Sqrt2*(1+1e-15) {
				t.Fatalf("n=%d: |L[%d][%d]| = %g > √2", n, i, j, cmplx.Abs(l[i*n+j]))
			}
		}
	}
}

func TestLU(t *testing.T) {
	rng := newRand(1)
	for _, n := range append(squareSizes, 31, 32, 64, 65, 100) {
		checkLU(t, n, randMatrix(rng, n, n))
	}
}

func TestLUSolve(t *testing.T) {
	rng := newRand(2)
	for _, n := range squareSizes {
		for _, nrhs := range []int{0, 1, 3} {
			a := randMatrix(rng, n, n)
			b := randMatrix(rng, n, nrhs)
			lu := clone(a)
			piv, _, _ := LU(n, lu)
			x := clone(b)
			LUSolve(n, nrhs, lu, piv, x)
			checkClose(t, name(n, nrhs)+" A·X = B", mul(n, n, nrhs, a, x), b, tol(n, a)*math.Max(1, fro(x)))
		}
	}
}

func TestInverse(t *testing.T) {
	rng := newRand(3)
	for _, n := range append(squareSizes, 40) {
		a := randMatrix(rng, n, n)
		inv := clone(a)
		if err := Inverse(n, inv); err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		e := tol(n, a) * math.Max(1, fro(inv))
		checkClose(t, name(n, n)+" A·inv(A) = I", mul(n, n, n, a, inv), eye(n), e)
		checkClose(t, name(n, n)+" inv(A)·A = I", mul(n, n, n, inv, a), eye(n), e)
	}
}

func TestCholesky(t *testing.T) {
	rng := newRand(4)
	for _, n := range squareSizes {
		b := randMatrix(rng, n, n)
		a := mul(n, n, n, b, ct(n, n, b))
		for i := 0; i < n; i++ {
			a[i*n+i] += complex(float64(n), 0)
		}
		// Garbage in the strict upper triangle: only the lower one is read.
		in := clone(a)
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				in[i*n+j] = complex(1e3, -7)
			}
		}
		l := clone(in)
		if err := Cholesky(n, l); err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		for i := 0; i < n; i++ {
			if d := l[i*n+i]; imag(d) != 0 || !(real(d) > 0) {
				t.Fatalf("n=%d: L[%d][%d] = %v", n, i, i, d)
			}
			for j := i + 1; j < n; j++ {
				if l[i*n+j] != 0 {
					t.Fatalf("n=%d: upper triangle not zeroed at (%d, %d)", n, i, j)
				}
			}
		}
		checkClose(t, name(n, n)+" L·Lᴴ = A", mul(n, n, n, l, ct(n, n, l)), a, tol(n, a))
	}
}

func TestCholeskyNotPositiveDefinite(t *testing.T) {
	for _, a := range [][]complex128{
		{-1},
		{0},
		{1, 0, 2, 1},                 // [[1, ·], [2, 1]]: 1 - 4 < 0
		{1, 0, 0, 0, 0, 0, 0, 0, -1}, // indefinite diagonal
		{complex(math.NaN(), 0)},
	} {
		n := int(math.Sqrt(float64(len(a))))
		if err := Cholesky(n, clone(a)); !errors.Is(err, ErrNotPositiveDefinite) {
			t.Errorf("%v: err = %v, want ErrNotPositiveDefinite", a, err)
		}
	}
}

func checkQR(t *testing.T, m, n int, a []complex128) {
	t.Helper()
	k := min(m, n)
	orig := clone(a)
	for _, complete := range []bool{false, true} {
		q, r := QR(m, n, a, complete)
		qc, rr := k, k
		if complete {
			qc, rr = m, m
		}
		if len(q) != m*qc || len(r) != rr*n {
			t.Fatalf("%s complete=%v: q %d, r %d elements", name(m, n), complete, len(q), len(r))
		}
		for i := 0; i < rr; i++ {
			for j := 0; j < min(i, n); j++ {
				if r[i*n+j] != 0 {
					t.Fatalf("%s: R not upper triangular at (%d, %d)", name(m, n), i, j)
				}
			}
		}
		checkOrthonormalColumns(t, name(m, n)+" Q", m, qc, q, tol(m, nil))
		checkClose(t, name(m, n)+" Q·R = A", mul(m, qc, n, q, r), a, tol(max(m, n), a))
	}
	checkClose(t, "QR modified its input", a, orig, 0)
}

func TestQR(t *testing.T) {
	rng := newRand(5)
	for _, s := range rectShapes {
		checkQR(t, s[0], s[1], randMatrix(rng, s[0], s[1]))
	}
	// A real diagonal with mixed signs and a column of zeros.
	checkQR(t, 3, 3, []complex128{-2, 0, 0, 0, 0, 0, 0, 0, 3})
}

// TestQRDiagonalConvention checks zlarfg's sign convention on R's
// diagonal: for a square complex matrix every diagonal entry of R is real,
// its sign the opposite of the real part of the column's leading element
// at that step.
func TestQRDiagonalConvention(t *testing.T) {
	rng := newRand(6)
	n := 6
	a := randMatrix(rng, n, n)
	_, r := QR(n, n, a, false)
	for i := 0; i < n; i++ {
		if imag(r[i*n+i]) != 0 {
			t.Errorf("R[%d][%d] = %v is not real", i, i, r[i*n+i])
		}
	}
	if real(a[0]) > 0 && real(r[0]) >= 0 || real(a[0]) < 0 && real(r[0]) <= 0 {
		t.Errorf("R[0][0] = %v for A[0][0] = %v: beta = -sign(alphr)·norm", r[0], a[0])
	}
}

func checkEigh(t *testing.T, n int, a []complex128) {
	t.Helper()
	in := clone(a)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			in[i*n+j] = complex(math.NaN(), 5) // the upper triangle is not read
		}
	}
	orig := clone(in)
	w, v, err := Eigh(n, in, true)
	if err != nil {
		t.Fatalf("n=%d: %v", n, err)
	}
	if len(w) != n || len(v) != n*n {
		t.Fatalf("n=%d: %d values, %d vector elements", n, len(w), len(v))
	}
	if !slices.IsSorted(w) {
		t.Errorf("n=%d: eigenvalues not ascending: %v", n, w)
	}
	wd := make([]complex128, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			wd[i*n+j] = v[i*n+j] * complex(w[j], 0)
		}
	}
	e := tol(n, a)
	checkClose(t, name(n, n)+" A·V = V·diag(w)", mul(n, n, n, a, v), wd, e)
	checkOrthonormalColumns(t, name(n, n)+" V", n, n, v, tol(n, nil))
	w2, v2, err := Eigh(n, in, false)
	if err != nil || v2 != nil {
		t.Fatalf("n=%d values only: %v, %v", n, err, v2)
	}
	for i := range w {
		if math.Abs(w[i]-w2[i]) > e {
			t.Errorf("n=%d: values only %v, with vectors %v", n, w2, w)
			break
		}
	}
	for i := range in {
		if !(in[i] == orig[i] || cmplx.IsNaN(in[i]) && cmplx.IsNaN(orig[i])) {
			t.Fatalf("n=%d: Eigh modified its input", n)
		}
	}
}

func TestEigh(t *testing.T) {
	rng := newRand(7)
	for _, n := range append(squareSizes, 50) {
		checkEigh(t, n, randHermitian(rng, n))
	}
}

func checkSVD(t *testing.T, m, n int, a []complex128) {
	t.Helper()
	k := min(m, n)
	orig := clone(a)
	s0, sv := []float64(nil), []float64(nil)
	for _, full := range []bool{false, true} {
		u, s, vh, err := SVD(m, n, a, true, full)
		if err != nil {
			t.Fatalf("%s: %v", name(m, n), err)
		}
		uc, vr := k, k
		if full {
			uc, vr = m, n
		}
		if len(s) != k || len(u) != m*uc || len(vh) != vr*n {
			t.Fatalf("%s full=%v: s %d, u %d, vh %d elements", name(m, n), full, len(s), len(u), len(vh))
		}
		for i := range s {
			if !(s[i] >= 0) || i > 0 && s[i] > s[i-1] {
				t.Fatalf("%s: singular values not descending and non-negative: %v", name(m, n), s)
			}
		}
		e := tol(max(m, n), a)
		checkOrthonormalColumns(t, name(m, n)+" U", m, uc, u, tol(m, nil))
		checkOrthonormalColumns(t, name(m, n)+" V", n, vr, ct(vr, n, vh), tol(n, nil))
		// U[:, :k]·diag(s)·Vᴴ[:k, :] = A.
		us := make([]complex128, m*k)
		for i := 0; i < m; i++ {
			for j := 0; j < k; j++ {
				us[i*k+j] = u[i*uc+j] * complex(s[j], 0)
			}
		}
		checkClose(t, name(m, n)+" U·S·Vᴴ = A", mul(m, k, n, us, vh[:k*n]), a, e)
		if s0 == nil {
			s0 = s
		}
		_, sv, _, err = SVD(m, n, a, false, full)
		if err != nil {
			t.Fatal(err)
		}
		for i := range s0 {
			if math.Abs(s0[i]-sv[i]) > e || math.Abs(s0[i]-s[i]) > e {
				t.Fatalf("%s: singular values %v, %v, %v", name(m, n), s0, s, sv)
			}
		}
	}
	checkClose(t, "SVD modified its input", a, orig, 0)
}

func TestSVD(t *testing.T) {
	rng := newRand(8)
	for _, s := range rectShapes {
		checkSVD(t, s[0], s[1], randMatrix(rng, s[0], s[1]))
	}
}

func checkEig(t *testing.T, n int, a []complex128) (w []complex128) {
	t.Helper()
	orig := clone(a)
	w, v, err := Eig(n, a, true)
	if err != nil {
		t.Fatalf("n=%d: %v", n, err)
	}
	if len(w) != n || len(v) != n*n {
		t.Fatalf("n=%d: %d values, %d vector elements", n, len(w), len(v))
	}
	e := tol(n, a)
	for j := 0; j < n; j++ {
		col := make([]complex128, n)
		for i := 0; i < n; i++ {
			col[i] = v[i*n+j]
		}
		if d := math.Abs(nrm2(col) - 1); d > 1e-14*float64(max(n, 1)) {
			t.Errorf("n=%d: ‖v%d‖ - 1 = %g", n, j, d)
		}
		// A component of largest modulus is real. (Of near-ties, zgeev
		// makes real the one it found largest.)
		big, real0 := 0.0, 0.0
		for i := range col {
			big = math.Max(big, cmplx.Abs(col[i]))
			if imag(col[i]) == 0 {
				real0 = math.Max(real0, math.Abs(real(col[i])))
			}
		}
		if big-real0 > 1e-14 {
			t.Errorf("n=%d: no component of largest modulus %g of v%d is real", n, big, j)
		}
		av := mul(n, n, 1, a, col)
		lv := make([]complex128, n)
		for i := range lv {
			lv[i] = w[j] * col[i]
		}
		checkClose(t, name(n, n)+" A·v = λ·v", av, lv, e)
	}
	w2, v2, err := Eig(n, a, false)
	if err != nil || v2 != nil {
		t.Fatalf("n=%d values only: %v", n, err)
	}
	checkClose(t, name(n, n)+" values only", sortedComplex(w2), sortedComplex(w), e)
	checkClose(t, "Eig modified its input", a, orig, 0)
	return w
}

// sortedComplex sorts by real part, then imaginary part (np.sort_complex).
func sortedComplex(w []complex128) []complex128 {
	s := clone(w)
	slices.SortFunc(s, func(a, b complex128) int {
		if real(a) != real(b) {
			if real(a) < real(b) {
				return -1
			}
			return 1
		}
		switch {
		case imag(a) < imag(b):
			return -1
		case imag(a) > imag(b):
			return 1
		}
		return 0
	})
	return s
}

func TestEig(t *testing.T) {
	rng := newRand(9)
	for _, n := range append(squareSizes, 50) {
		checkEig(t, n, randMatrix(rng, n, n))
	}
	// Eigenvalues: trace and determinant.
	n := 17
	a := randMatrix(rng, n, n)
	w, _, err := Eig(n, a, false)
	if err != nil {
		t.Fatal(err)
	}
	var tr, sum complex128
	prod := complex(1, 0)
	for i := 0; i < n; i++ {
		tr += a[i*n+i]
		sum += w[i]
		prod *= w[i]
	}
	if cmplx.Abs(tr-sum) > 1e-12*float64(n) {
		t.Errorf("Σλ = %v, trace %v", sum, tr)
	}
	lu := clone(a)
	piv, sign, _ := LU(n, lu)
	_ = piv
	det := complex(float64(sign), 0)
	for i := 0; i < n; i++ {
		det *= lu[i*n+i]
	}
	if cmplx.Abs(det-prod) > 1e-10*cmplx.Abs(det) {
		t.Errorf("Πλ = %v, det %v", prod, det)
	}
}
