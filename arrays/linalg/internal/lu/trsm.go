package lu

import (
	"fmt"

	"workbench/kernels"
)

// trsmLeaf is the order of the diagonal blocks that the triangular solves
// substitute element by element; larger ones are split in halves.
const trsmLeaf = 8

// fewCols is the number of right-hand sides below which the triangular
// solves substitute one column at a time with dot products.
const fewCols = 4

// LowerUnit overwrites the n×k row-major matrix B with L⁻¹·B, for L the
// unit lower triangle of the n×n matrix l (its diagonal and upper
// triangle are not read): BLAS's dtrsm with side left, lower, no
// transpose, unit diagonal and alpha 1.
func LowerUnit[T Float](n, k int, l []T, ldl int, b []T, ldb int) {
	checkTri("LowerUnit", n, k, l, ldl, b, ldb)
	lowerUnit(n, k, l, ldl, b, ldb)
}

// Upper overwrites the n×k row-major matrix B with U⁻¹·B, for U the upper
// triangle of the n×n matrix u (its strict lower triangle is not read):
// BLAS's dtrsm with side left, upper, no transpose, non-unit diagonal and
// alpha 1. A zero on the diagonal gives infinities or NaNs, as in BLAS.
func Upper[T Float](n, k int, u []T, ldu int, b []T, ldb int) {
	checkTri("Upper", n, k, u, ldu, b, ldb)
	upper(n, k, u, ldu, b, ldb)
}

// Solve overwrites the n×k row-major matrix B with the solution X of
// A·X = B, given the LU factorization of A computed by Factor (lu and
// ipiv): LAPACK's dgetrs without transpose. A singular factorization
// gives infinities or NaNs.
func Solve[T Float](n, k int, lu []T, lda int, ipiv []int, b []T, ldb int) {
	checkTri("Solve", n, k, lu, lda, b, ldb)
	if len(ipiv) != n {
		panic(fmt.Sprintf("lu: Solve: ipiv has %d elements, want %d", len(ipiv), n))
	}
	if n == 0 || k == 0 {
		return
	}
	swapRows(k, b, ldb, ipiv, 0)
	lowerUnit(n, k, lu, lda, b, ldb)
	upper(n, k, lu, lda, b, ldb)
}

// checkTri checks the arguments of a triangular solve of op.
func checkTri[T Float](op string, n, k int, a []T, lda int, b []T, ldb int) {
	switch {
	case n < 0 || k < 0:
		panic(fmt.Sprintf("lu: %s: negative size n=%d k=%d", op, n, k))
	case lda < max(1, n):
		panic(fmt.Sprintf("lu: %s: row stride %d of the triangle is less than its order %d", op, lda, n))
	case ldb < max(1, k):
		panic(fmt.Sprintf("lu: %s: row stride %d of B is less than its %d columns", op, ldb, k))
	case n > 0 && len(a) < (n-1)*lda+n:
		panic(fmt.Sprintf("lu: %s: the triangle has %d elements, too few for order %d with row stride %d", op, len(a), n, lda))
	case n > 0 && k > 0 && len(b) < (n-1)*ldb+k:
		panic(fmt.Sprintf("lu: %s: B has %d elements, too few for %d×%d with row stride %d", op, len(b), n, k, ldb))
	}
}

// lowerUnit is LowerUnit without the checks.
func lowerUnit[T Float](n, k int, l []T, ldl int, b []T, ldb int) {
	if n == 0 || k == 0 {
		return
	}
	if k < fewCols {
		forEachCol(n, k, b, ldb, func(x []T) { forward(n, l, ldl, x) })
		return
	}
	if n <= trsmLeaf {
		lowerLeaf(n, k, l, ldl, b, ldb)
		return
	}
	n1 := n / 2
	lowerUnit(n1, k, l, ldl, b, ldb)
	gemm(n-n1, k, n1, -1, l[n1*ldl:], ldl, b, ldb, 1, b[n1*ldb:], ldb)
	lowerUnit(n-n1, k, l[n1*ldl+n1:], ldl, b[n1*ldb:], ldb)
}

// upper is Upper without the checks.
func upper[T Float](n, k int, u []T, ldu int, b []T, ldb int) {
	if n == 0 || k == 0 {
		return
	}
	if k < fewCols {
		forEachCol(n, k, b, ldb, func(x []T) { backward(n, u, ldu, x) })
		return
	}
	if n <= trsmLeaf {
		upperLeaf(n, k, u, ldu, b, ldb)
		return
	}
	n1 := n / 2
	upper(n-n1, k, u[n1*ldu+n1:], ldu, b[n1*ldb:], ldb)
	gemm(n1, k, n-n1, -1, u[n1:], ldu, b[n1*ldb:], ldb, 1, b, ldb)
	upper(n1, k, u, ldu, b, ldb)
}

// forEachCol calls fn with each of the k columns of the n-row matrix b as
// a contiguous vector, and stores what fn leaves in it back.
func forEachCol[T Float](n, k int, b []T, ldb int, fn func(x []T)) {
	if ldb == 1 {
		fn(b[:n]) // k == 1
		return
	}
	x := make([]T, n)
	for c := 0; c < k; c++ {
		for i := range x {
			x[i] = b[i*ldb+c]
		}
		fn(x)
		for i, v := range x {
			b[i*ldb+c] = v
		}
	}
}

// forward overwrites x with L⁻¹·x (L unit lower, row-major), by rows:
// x[i] -= L[i, :i]·x[:i].
func forward[T Float](n int, l []T, ldl int, x []T) {
	x = x[:n]
	for i := 1; i < n; i++ {
		x[i] -= dot(l[i*ldl:i*ldl+i], x[:i])
	}
}

// backward overwrites x with U⁻¹·x (U upper, row-major), by rows.
func backward[T Float](n int, u []T, ldu int, x []T) {
	x = x[:n]
	for i := n - 1; i >= 0; i-- {
		r := u[i*ldu+i : i*ldu+n]
		x[i] = (x[i] - dot(r[1:], x[i+1:])) / r[0]
	}
}

// dot returns x·y (len(y) ≥ len(x)): kernels.Dot64 or Dot32 (SIMD, with
// partial sums).
func dot[T Float](x, y []T) T {
	switch x := any(x).(type) {
	case []float64:
		return T(kernels.Dot64(x, any(y).([]float64)))
	case []float32:
		return T(kernels.Dot32(x, any(y).([]float32)))
	}
	panic("unreachable")
}

// lowerLeaf is lowerUnit by rows: B[i] -= Σ_{j<i} L[i,j]·B[j].
func lowerLeaf[T Float](n, k int, l []T, ldl int, b []T, ldb int) {
	for i := 1; i < n; i++ {
		bi := b[i*ldb : i*ldb+k]
		li := l[i*ldl : i*ldl+i]
		for j, f := range li {
			axpySub(f, b[j*ldb:j*ldb+k], bi)
		}
	}
}

// upperLeaf is upper by rows, from the last: B[i] = (B[i] - Σ_{j>i}
// U[i,j]·B[j]) / U[i,i], the division a multiplication by the
// reciprocal.
func upperLeaf[T Float](n, k int, u []T, ldu int, b []T, ldb int) {
	for i := n - 1; i >= 0; i-- {
		bi := b[i*ldb : i*ldb+k]
		ui := u[i*ldu : i*ldu+n]
		for j := i + 1; j < n; j++ {
			axpySub(ui[j], b[j*ldb:j*ldb+k], bi)
		}
		r := 1 / ui[i]
		for c := range bi {
			bi[c] *= r
		}
	}
}
