package linalg

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack/lapack64"

	"workbench/arrays"
	"workbench/arrays/linalg/internal/clapack"
)

// qrRe factorizes the m×n matrix a (LAPACK's dgeqrf and dorgqr): Q is m×qc
// and R is rr×n, with qc = rr = k = min(m, n) (reduced) or m (complete).
func qrRe(m, n int, a []float64, complete, wantQ bool) (q, r []float64) {
	k := min(m, n)
	qc := k
	if complete {
		qc = m
	}
	r = make([]float64, qc*n)
	if k == 0 {
		if wantQ {
			q = eyeRe(m, qc)
		}
		return q, r
	}
	tau := make([]float64, k)
	g := general(m, n, a)
	work := make([]float64, 1)
	lapack64.Geqrf(g, tau, work, -1)
	work = make([]float64, max(int(work[0]), n, 1))
	lapack64.Geqrf(g, tau, work, len(work))
	for i := 0; i < min(qc, m); i++ {
		for j := i; j < n; j++ {
			r[i*n+j] = a[i*n+j]
		}
	}
	if !wantQ {
		return nil, r
	}
	// Q's first k columns hold the reflectors; dorgqr builds Q from them.
	q = make([]float64, m*qc)
	for i := 0; i < m; i++ {
		for j := 0; j < min(k, qc); j++ {
			q[i*qc+j] = a[i*n+j]
		}
	}
	gq := general(m, qc, q)
	lapack64.Orgqr(gq, tau, work, -1)
	work = make([]float64, max(int(work[0]), qc, 1))
	lapack64.Orgqr(gq, tau, work, len(work))
	return q, r
}

// Qr returns the QR decomposition x = q·r of each matrix of x (shape
// (..., m, n)), by Householder reflections as LAPACK's geqrf and orgqr (the
// diagonal of r is what they give, of either sign, so that real results
// match NumPy's). Mode: "reduced" (default; q m×k with orthonormal columns,
// r k×n upper triangular, k = min(m, n)), "complete" (q m×m, r m×n) or "r"
// (q is nil, r is k×n). Both have x's float dtype.
func Qr(x *arrays.Array, opts ...Option) (q, r *arrays.Array) {
	const op = "linalg.Qr"
	c := configure(op, optMode, opts)
	complete, wantQ := false, true
	switch c.mode {
	case "reduced":
	case "complete":
		complete = true
	case "r":
		wantQ = false
	default:
		panic(valueErr(op, "unknown mode %q (want \"reduced\", \"complete\" or \"r\")", c.mode))
	}
	st := load(op, x, false)
	defer st.release()
	m, n := st.m, st.n
	k := min(m, n)
	qc := k
	if complete {
		qc = m
	}
	nb := st.count()
	var qre, rre []float64
	var qcx, rcx []complex128
	if st.cplx {
		qcx, rcx = make([]complex128, nb*m*qc), make([]complex128, nb*qc*n)
	} else {
		qre, rre = make([]float64, nb*m*qc), make([]float64, nb*qc*n)
	}
	st.each(func(b int) error {
		if st.cplx {
			var qq, rr []complex128
			if k == 0 {
				qq, rr = eyeCx(m, qc), make([]complex128, qc*n)
			} else {
				qq, rr = clapack.QR(m, n, st.matCx(b), complete)
			}
			copy(qcx[b*m*qc:], qq)
			copy(rcx[b*qc*n:], rr)
			return nil
		}
		qq, rr := qrRe(m, n, st.matRe(b), complete, wantQ)
		copy(qre[b*m*qc:], qq)
		copy(rre[b*qc*n:], rr)
		return nil
	})
	if st.cplx {
		if wantQ {
			q = result(qcx, st.with(m, qc), st.dt, x)
		}
		return q, result(rcx, st.with(qc, n), st.dt, x)
	}
	if wantQ {
		q = result(qre, st.with(m, qc), st.dt, x)
	}
	return q, result(rre, st.with(qc, n), st.dt, x)
}

// Cholesky returns the Cholesky factor of each Hermitian (real symmetric)
// positive definite matrix of x (shape (..., n, n)): the lower triangular L
// with x = L·Lᴴ, computed from x's lower triangle (LAPACK's potrf, as
// NumPy), or with Upper() the upper triangular U with x = Uᴴ·U, computed
// from x's upper triangle (as NumPy 2's upper=True). The other triangle of
// the result is zero. A matrix that is not positive definite (a NaN on the
// way included) is an *Error wrapping ErrNotPositiveDefinite, with its
// index in a stack.
func Cholesky(x *arrays.Array, opts ...Option) *arrays.Array {
	const op = "linalg.Cholesky"
	c := configure(op, optUpper, opts)
	st := load(op, x, true)
	defer st.release()
	n := st.n
	sz := n * n
	if st.cplx {
		out := make([]complex128, len(st.cx))
		st.each(func(b int) error {
			if n == 0 {
				return nil
			}
			a := st.matCx(b)
			if c.upper {
				a = conjTransposeCx(a, n, n)
			}
			if err := clapack.Cholesky(n, a); err != nil {
				return fromClapack(err)
			}
			if c.upper {
				a = conjTransposeCx(a, n, n)
			}
			copy(out[b*sz:], a)
			return nil
		})
		return result(out, st.shape, st.dt, x)
	}
	out := hostFloat64s(len(st.re)) // every element is written below
	st.each(func(b int) error {
		if n == 0 {
			return nil
		}
		a := st.matRe(b)
		if c.upper {
			a = transposeRe(a, n, n)
		}
		t, ok := lapack64.Potrf(blas64.Symmetric{N: n, Stride: n, Data: a, Uplo: blas.Lower})
		if !ok {
			return ErrNotPositiveDefinite
		}
		l := t.Data
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				l[i*n+j] = 0
			}
		}
		if c.upper {
			l = transposeRe(l, n, n)
		}
		copy(out[b*sz:], l)
		return nil
	})
	return pooled(out, st.shape, st.dt, x)
}
