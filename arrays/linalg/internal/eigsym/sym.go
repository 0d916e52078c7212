package eigsym

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/lapack/gonum"

	"workbench/kernels"
)

// Sym computes all the eigenvalues and eigenvectors of the n×n real
// symmetric matrix A stored row-major in a (leading dimension lda ≥
// max(1, n)), of which only the lower triangle is read: A = V·diag(w)·Vᵀ.
// The eigenvalues go to w (len(w) ≥ n) in ascending order and the
// orthonormal eigenvectors to the columns of the row-major n×n matrix v
// (leading dimension ldv ≥ max(1, n)): column j belongs to w[j]. a is
// overwritten. The input must be finite. The error wraps ErrNoConvergence
// if an iteration failed.
//
// This is LAPACK's dsyevd: A is reduced to tridiagonal form T = Qᵀ·A·Q
// (gonum's Dsytrd), T's eigenvectors Z come from Tridiag (divide and
// conquer), and V = Q·Z applies Q's Householder reflectors to Z in blocks
// (dormtr) as matrix products.
func Sym(n int, a []float64, lda int, w, v []float64, ldv int) error {
	switch {
	case lda < max(1, n) || ldv < max(1, n):
		panic(fmt.Sprintf("eigsym: Sym of order %d with lda %d and ldv %d", n, lda, ldv))
	case len(w) < n:
		panic(fmt.Sprintf("eigsym: Sym of order %d with len(w) %d", n, len(w)))
	case n > 0 && (len(a) < (n-1)*lda+n || len(v) < (n-1)*ldv+n):
		panic(fmt.Sprintf("eigsym: Sym of order %d with len(a) %d and len(v) %d", n, len(a), len(v)))
	}
	if n == 0 {
		return nil
	}
	ws := getWorkspace(n)
	defer putWorkspace(ws)
	// Scale a matrix whose norm is near under- or overflow into the safe
	// range, as dsyevd does.
	anrm := 0.0
	for i := range n {
		for _, x := range a[i*lda : i*lda+i+1] {
			if x := math.Abs(x); x > anrm {
				anrm = x
			}
		}
	}
	sigma := 1.0
	switch {
	case anrm == 0:
		// The zero matrix: V = I.
		for i := range n {
			w[i] = 0
			row := v[i*ldv : i*ldv+n]
			clear(row)
			row[i] = 1
		}
		return nil
	case anrm < rmin:
		sigma = rmin / anrm
	case anrm > rmax:
		sigma = rmax / anrm
	}
	if sigma != 1 {
		for i := range n {
			for j := range a[i*lda : i*lda+i+1] {
				a[i*lda+j] *= sigma
			}
		}
	}
	d := w[:n]
	ws.reduce(n, a, lda, d)
	e := ws.ev[:n]
	perm, err := ws.tridiag(d, e, ws.zt, n)
	if err != nil {
		return err
	}
	// Z, in order, with the eigenvectors as columns; then V = Q·Z.
	transposePermute(d, ws.zt, n, perm, v, ldv, ws.dsave)
	ws.applyQ(n, a, lda, ws.ev[n:2*n], v, ldv)
	if sigma != 1 {
		for i := range d {
			d[i] /= sigma
		}
	}
	return nil
}

// Values computes the eigenvalues of the n×n real symmetric matrix A
// stored row-major in a (leading dimension lda ≥ max(1, n); only the
// lower triangle is read, and a is overwritten) into w (len(w) ≥ n) in
// ascending order: gonum's Dsytrd and Dsterf (LAPACK's dsyev without
// vectors), on the matrix scaled by a power of two to norm about 1 when
// its norm is far from 1 (gonum's Dsterf panics when it has to scale a
// tridiagonal matrix itself). The input must be finite. The error wraps
// ErrNoConvergence if the iteration failed.
func Values(n int, a []float64, lda int, w []float64) error {
	switch {
	case lda < max(1, n):
		panic(fmt.Sprintf("eigsym: Values of order %d with lda %d", n, lda))
	case len(w) < n:
		panic(fmt.Sprintf("eigsym: Values of order %d with len(w) %d", n, len(w)))
	case n > 0 && len(a) < (n-1)*lda+n:
		panic(fmt.Sprintf("eigsym: Values of order %d with len(a) %d", n, len(a)))
	}
	if n == 0 {
		return nil
	}
	anrm := 0.0
	for i := range n {
		for _, x := range a[i*lda : i*lda+i+1] {
			if x := math.Abs(x); x > anrm {
				anrm = x
			}
		}
	}
	if anrm == 0 {
		clear(w[:n])
		return nil
	}
	_, exp := math.Frexp(anrm)
	if exp < -300 || exp > 300 {
		for i := range n {
			for j := range a[i*lda : i*lda+i+1] {
				a[i*lda+j] = math.Ldexp(a[i*lda+j], -exp)
			}
		}
	} else {
		exp = 0
	}
	impl := gonum.Implementation{}
	d, e, tau := w[:n], make([]float64, n), make([]float64, n)
	var query [1]float64
	impl.Dsytrd(blas.Lower, n, a, lda, d, e, tau, query[:], -1)
	work := make([]float64, max(int(query[0]), 1))
	impl.Dsytrd(blas.Lower, n, a, lda, d, e, tau, work, len(work))
	if !impl.Dsterf(n, d, e) {
		return fmt.Errorf("%w (QL/QR iteration of the eigenvalues of order %d)", ErrNoConvergence, n)
	}
	if exp != 0 {
		for i := range d {
			d[i] = math.Ldexp(d[i], exp)
		}
	}
	return nil
}

// transposePermute sorts the eigenpairs and transposes the eigenvectors:
// d becomes d[perm[0]], d[perm[1]], … and column j of v (row-major,
// leading dimension ldv) row perm[j] of zt (stride ldz). dtmp is scratch
// of length n.
func transposePermute(d, zt []float64, ldz int, perm []int, v []float64, ldv int, dtmp []float64) {
	n := len(d)
	for j, p := range perm[:n] {
		dtmp[j] = d[p]
	}
	copy(d, dtmp[:n])
	const bs = 32 // tiles of bs×bs stay in L1
	for j0 := 0; j0 < n; j0 += bs {
		j1 := min(j0+bs, n)
		for i0 := 0; i0 < n; i0 += bs {
			i1 := min(i0+bs, n)
			for j := j0; j < j1; j++ {
				src := zt[perm[j]*ldz+i0 : perm[j]*ldz+i1]
				for i, x := range src {
					v[(i0+i)*ldv+j] = x
				}
			}
		}
	}
}

// reflectorBlock is the number of Householder reflectors that applyQ
// applies at once.
const reflectorBlock = 64

// applyQ overwrites the row-major n×n matrix z (leading dimension ldz)
// with Q·z, where Q = H₀·H₁·…·H_{n-2} is the orthogonal matrix of Dsytrd
// (lower), whose reflectors are in a and tau: LAPACK's dormtr (left, no
// transpose), blocked by reflectorBlock reflectors in the compact WY form
// H_i·…·H_{i+ib-1} = I − V·T·Vᵀ (T from gonum's Dlarft), with every
// product on kernels.Gemm64.
func (ws *workspace) applyQ(n int, a []float64, lda int, tau, z []float64, ldz int) {
	if n < 2 {
		return
	}
	nb := min(reflectorBlock, n-1)
	// V (at most n×nb), W and TW (nb×n) and T (nb×nb); ws.s is free.
	need := 3*n*nb + nb*nb
	buf := ws.s
	if len(buf) < need {
		buf = make([]float64, need)
	}
	vb, w, tw, t := buf[:n*nb], buf[n*nb:2*n*nb], buf[2*n*nb:3*n*nb], buf[3*n*nb:need]
	impl := gonum.Implementation{}
	for i := ((n - 2) / nb) * nb; i >= 0; i -= nb {
		ib := min(nb, n-1-i)
		m := n - 1 - i // the reflectors of the block act on rows i+1:n
		// V: column c is reflector i+c, zero above row c and one on it.
		for r := range m {
			row := vb[r*ib : (r+1)*ib]
			src := a[(i+1+r)*lda+i:]
			for c := range row {
				switch {
				case r > c:
					row[c] = src[c]
				case r == c:
					row[c] = 1
				default:
					row[c] = 0
				}
			}
		}
		tt := t[:ib*ib]
		clear(tt)
		impl.Dlarft(lapack.Forward, lapack.ColumnWise, m, ib, vb, ib, tau[i:i+ib], tt, ib)
		zb := z[(i+1)*ldz:]
		// z[i+1:n, :] −= V·(T·(Vᵀ·z[i+1:n, :])).
		kernels.Gemm64(true, false, ib, n, m, 1, vb, ib, zb, ldz, 0, w, n)
		kernels.Gemm64(false, false, ib, n, ib, 1, tt, ib, w, n, 0, tw, n)
		kernels.Gemm64(false, false, m, n, ib, -1, vb, ib, tw, n, 1, zb, ldz)
	}
}

// The range of matrix norms that need no scaling (LAPACK's dsyevd: the
// square roots of smlnum = safmin/eps and of 1/smlnum).
var (
	rmin = math.Sqrt(0x1p-1022 / eps)
	rmax = math.Sqrt(eps / 0x1p-1022)
)

// reduce reduces the symmetric matrix a (lower triangle) to tridiagonal
// form by gonum's Dsytrd, leaving its diagonal in d, its off-diagonal in
// ws.ev[0:n-1], and the reflectors of Q in a and ws.ev[n:2n-1].
func (ws *workspace) reduce(n int, a []float64, lda int, d []float64) {
	impl := gonum.Implementation{}
	e, tau := ws.ev[:n], ws.ev[n:2*n]
	var query [1]float64
	impl.Dsytrd(blas.Lower, n, a, lda, d, e, tau, query[:], -1)
	lwork := max(int(query[0]), 1)
	// ws.s is free until the divide and conquer starts.
	work := ws.s
	if len(work) < lwork {
		work = make([]float64, lwork)
	}
	impl.Dsytrd(blas.Lower, n, a, lda, d, e, tau, work[:lwork], lwork)
}
