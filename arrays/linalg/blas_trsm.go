package linalg

import (
	"gonum.org/v1/gonum/blas"

	"workbench/kernels"
)

// gonum's Dtrsm and Strsm (triangular solves with many right-hand sides,
// in the blocked Cholesky factorization Dpotrf, Dtrtrs, Dgetrs and others)
// are loops over rows in pure Go. fastBLAS splits the triangle in halves
// recursively, so that all but the diagonal blocks of at most trsmLeaf
// rows are matrix products on kernels.Gemm64 and kernels.Gemm32, and
// leaves the diagonal blocks to gonum. Arguments that gonum rejects, alpha
// = 0 and small triangles go to gonum's own routine, so the panics are
// gonum's.

// trsmLeaf is the largest triangle that goes to gonum's Dtrsm whole.
const trsmLeaf = 64

// Dtrsm solves op(A)·X = alpha·B (side Left) or X·op(A) = alpha·B (side
// Right) for X, which overwrites the m×n matrix B; A is triangular (the
// triangle ul, a unit diagonal not read when d is Unit), m×m or n×n, and
// op(A) is A or its transpose.
func (f fastBLAS) Dtrsm(s blas.Side, ul blas.Uplo, tA blas.Transpose, d blas.Diag, m, n int, alpha float64, a []float64, lda int, b []float64, ldb int) {
	leaf := func(m, n int, alpha float64, a, b []float64) {
		f.Implementation.Dtrsm(s, ul, tA, d, m, n, alpha, a, lda, b, ldb)
	}
	if !trsmBlocked(s, ul, tA, d, m, n, alpha == 0, len(a), lda, len(b), ldb) {
		leaf(m, n, alpha, a, b)
		return
	}
	t := trsmProblem[float64]{s: s, ul: ul, tA: tA, lda: lda, ldb: ldb, leaf: leaf, gemm: kernels.Gemm64}
	t.solve(m, n, alpha, a, b)
}

// Strsm is Dtrsm for float32.
func (f fastBLAS) Strsm(s blas.Side, ul blas.Uplo, tA blas.Transpose, d blas.Diag, m, n int, alpha float32, a []float32, lda int, b []float32, ldb int) {
	leaf := func(m, n int, alpha float32, a, b []float32) {
		f.Implementation.Strsm(s, ul, tA, d, m, n, alpha, a, lda, b, ldb)
	}
	if !trsmBlocked(s, ul, tA, d, m, n, alpha == 0, len(a), lda, len(b), ldb) {
		leaf(m, n, alpha, a, b)
		return
	}
	t := trsmProblem[float32]{s: s, ul: ul, tA: tA, lda: lda, ldb: ldb, leaf: leaf, gemm: kernels.Gemm32}
	t.solve(m, n, alpha, a, b)
}

// trsmBlocked reports whether a triangular solve is valid (as gonum
// checks it) and large enough to split.
func trsmBlocked(s blas.Side, ul blas.Uplo, tA blas.Transpose, d blas.Diag, m, n int, alphaZero bool, la, lda, lb, ldb int) bool {
	if s != blas.Left && s != blas.Right || ul != blas.Lower && ul != blas.Upper ||
		tA != blas.NoTrans && tA != blas.Trans && tA != blas.ConjTrans ||
		d != blas.Unit && d != blas.NonUnit || m < 0 || n < 0 || alphaZero {
		return false
	}
	k := n
	if s == blas.Left {
		k = m
	}
	if k <= trsmLeaf || m == 0 || n == 0 || lda < max(1, k) || ldb < max(1, n) {
		return false
	}
	return la >= lda*(k-1)+k && lb >= ldb*(m-1)+n
}

// trsmProblem is a triangular solve being split: the fixed arguments, and
// the routines for the diagonal blocks (leaf, with the problem's strides)
// and for the products.
type trsmProblem[T float32 | float64] struct {
	s        blas.Side
	ul       blas.Uplo
	tA       blas.Transpose
	lda, ldb int
	leaf     func(m, n int, alpha T, a, b []T)
	gemm     func(transA, transB bool, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int)
}

// solve solves the m×n problem whose triangle starts at a[0] and right-hand
// sides at b[0]. The triangle is split into A11 (k1×k1), A22 and the
// off-diagonal block of op(A); the half of X that does not depend on the
// other is solved first (with alpha), the other half's right-hand sides
// updated by one product (B := alpha·B - product) and solved with alpha
// 1.
func (t *trsmProblem[T]) solve(m, n int, alpha T, a, b []T) {
	k := n
	if t.s == blas.Left {
		k = m
	}
	if k <= trsmLeaf {
		t.leaf(m, n, alpha, a, b)
		return
	}
	lda, ldb := t.lda, t.ldb
	k1 := k / 2
	k2 := k - k1
	a11, a22 := a, a[k1*lda+k1:]
	trans := t.tA != blas.NoTrans
	// op(A) is lower triangular: its off-diagonal block op(A)21 is
	// k2×k1, stored as A[k1:, :k1], or transposed as A[:k1, k1:].
	// Otherwise op(A)12 is k1×k2, stored as A[:k1, k1:], or transposed as
	// A[k1:, :k1].
	lower := (t.ul == blas.Lower) != trans
	off := a[k1:] // A[:k1, k1:]
	if lower != trans {
		off = a[k1*lda:] // A[k1:, :k1]
	}
	if t.s == blas.Left {
		b1, b2 := b, b[k1*ldb:]
		if lower {
			t.solve(k1, n, alpha, a11, b1)
			t.gemm(trans, false, k2, n, k1, -1, off, lda, b1, ldb, alpha, b2, ldb)
			t.solve(k2, n, 1, a22, b2)
		} else {
			t.solve(k2, n, alpha, a22, b2)
			t.gemm(trans, false, k1, n, k2, -1, off, lda, b2, ldb, alpha, b1, ldb)
			t.solve(k1, n, 1, a11, b1)
		}
		return
	}
	b1, b2 := b, b[k1:]
	if lower {
		// X1·A11 + X2·A21 = B1 and X2·A22 = B2.
		t.solve(m, k2, alpha, a22, b2)
		t.gemm(false, trans, m, k1, k2, -1, b2, ldb, off, lda, alpha, b1, ldb)
		t.solve(m, k1, 1, a11, b1)
	} else {
		// X1·A11 = B1 and X1·A12 + X2·A22 = B2.
		t.solve(m, k1, alpha, a11, b1)
		t.gemm(false, trans, m, k2, k1, -1, b1, ldb, off, lda, alpha, b2, ldb)
		t.solve(m, k2, 1, a22, b2)
	}
}
