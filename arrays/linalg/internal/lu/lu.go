package lu

import (
	"fmt"
	"math"
	"sync"

	"workbench/kernels"
)

// Float is the element type of the matrices.
type Float interface{ float32 | float64 }

// leafCols is the width of the panels that Factor factorizes element by
// element; wider ones are split in halves.
const leafCols = 16

// Factor computes the LU factorization with partial pivoting of the m×n
// row-major matrix a (row i at a[i*lda:]), P·A = L·U, in place: L (unit
// lower triangular or trapezoidal, its unit diagonal not stored) below the
// diagonal and U on and above it, as LAPACK's dgetrf. ipiv must have
// min(m, n) elements; it receives the interchanges: row i was
// interchanged with row ipiv[i] (0-based), for i in increasing order.
//
// Factor returns the index of the first exactly zero diagonal element of
// U (the matrix is singular), or -1; as LAPACK, it completes the
// factorization either way.
func Factor[T Float](m, n int, a []T, lda int, ipiv []int) int {
	mn := min(m, n)
	switch {
	case m < 0 || n < 0:
		panic(fmt.Sprintf("lu: Factor: negative size %d×%d", m, n))
	case lda < max(1, n):
		panic(fmt.Sprintf("lu: Factor: row stride %d is less than the %d columns", lda, n))
	case len(ipiv) != mn:
		panic(fmt.Sprintf("lu: Factor: ipiv has %d elements, want min(m, n) = %d", len(ipiv), mn))
	}
	if mn == 0 {
		return -1
	}
	if len(a) < (m-1)*lda+n {
		panic(fmt.Sprintf("lu: Factor: a has %d elements, too few for %d×%d with row stride %d", len(a), m, n, lda))
	}
	return factor(m, n, a, lda, ipiv)
}

// factor is Factor without the checks (min(m, n) > 0).
func factor[T Float](m, n int, a []T, lda int, ipiv []int) int {
	mn := min(m, n)
	if mn <= leafCols {
		return panel(m, n, a, lda, ipiv)
	}
	n1 := mn / 2
	n2 := n - n1
	info := factor(m, n1, a, lda, ipiv[:n1])
	// The left half's interchanges, then A12 = L11⁻¹·A12 and
	// A22 -= A21·A12.
	swapRows(n2, a[n1:], lda, ipiv[:n1], 0)
	lowerUnit(n1, n2, a, lda, a[n1:], lda)
	gemm(m-n1, n2, n1, -1, a[n1*lda:], lda, a[n1:], lda, 1, a[n1*lda+n1:], lda)
	info2 := factor(m-n1, n2, a[n1*lda+n1:], lda, ipiv[n1:])
	if info < 0 && info2 >= 0 {
		info = info2 + n1
	}
	for i := n1; i < mn; i++ {
		ipiv[i] += n1
	}
	// The right half's interchanges, on the left half's columns.
	swapRows(n1, a, lda, ipiv[n1:], n1)
	return info
}

// panel factorizes the m×n matrix a element by element (LAPACK's dgetf2,
// right-looking, the updates with fused multiply-adds), on a copy in
// column-major order so that the pivot searches and the updates run down
// contiguous columns, on the vector kernels of package kernels.
func panel[T Float](m, n int, a []T, lda int, ipiv []int) int {
	wp := getWork[T](m * n)
	defer putWork(wp)
	w := (*wp)[:m*n]
	for i := 0; i < m; i++ {
		for j, v := range a[i*lda : i*lda+n] {
			w[j*m+i] = v
		}
	}
	info := -1
	sfmin := T(0x1p-1022)
	if _, ok := any(sfmin).(float32); ok {
		sfmin = T(0x1p-126)
	}
	p := iamax(w[:m])
	for j := range min(m, n) {
		col := w[j*m : (j+1)*m]
		ipiv[j] = p
		if piv := col[p]; piv != 0 {
			if p != j {
				for k := 0; k < n; k++ {
					w[k*m+j], w[k*m+p] = w[k*m+p], w[k*m+j]
				}
			}
			below := col[j+1:]
			if abs(piv) >= sfmin {
				r := 1 / piv
				for i := range below {
					below[i] *= r
				}
			} else {
				for i := range below {
					below[i] /= piv
				}
			}
		} else if info < 0 {
			info = j
		}
		// The update of the trailing columns; the first one's pivot
		// search on the way.
		l := col[j+1:]
		for k := j + 1; k < n; k++ {
			ck := w[k*m+j : (k+1)*m]
			f := ck[0]
			axpySub(f, l, ck[1:])
			if k == j+1 {
				p = j + 1 + iamax(ck[1:])
			}
		}
	}
	for i := 0; i < m; i++ {
		r := a[i*lda : i*lda+n]
		for j := range r {
			r[j] = w[j*m+i]
		}
	}
	return info
}

// iamax returns the index of the first element of x of largest absolute
// value (BLAS's idamax; NaNs are passed over unless x[0] is one), or 0
// when x is empty.
func iamax[T Float](x []T) int {
	if len(x) == 0 {
		return 0
	}
	p, big := 0, abs(x[0])
	for i, v := range x {
		if a := abs(v); a > big {
			p, big = i, a
		}
	}
	return p
}

// axpySub computes y -= f·x (len(y) ≥ len(x)) with fused multiply-adds,
// y[i] = -f·x[i] + y[i] rounded once: kernels.Axpy64 or Axpy32.
func axpySub[T Float](f T, x, y []T) {
	switch x := any(x).(type) {
	case []float64:
		kernels.Axpy64(-float64(f), x, any(y).([]float64))
	case []float32:
		kernels.Axpy32(-float32(f), x, any(y).([]float32))
	}
}

// workPools holds the column-major copies of panels, by element type.
var workPools = [2]sync.Pool{}

// getWork returns a buffer of at least n elements from the pool.
func getWork[T Float](n int) *[]T {
	i := 0
	if _, ok := any(T(0)).(float32); ok {
		i = 1
	}
	if p, _ := workPools[i].Get().(*[]T); p != nil && cap(*p) >= n {
		return p
	}
	s := make([]T, max(n, 1<<14))
	return &s
}

// putWork gives back a buffer of getWork.
func putWork[T Float](p *[]T) {
	i := 0
	if _, ok := any(T(0)).(float32); ok {
		i = 1
	}
	workPools[i].Put(p)
}

// abs is |x|, without a branch (math.Abs clears the sign bit).
func abs[T Float](x T) T { return T(math.Abs(float64(x))) }

// swapRows applies the interchanges ipiv (for rows off, off+1, ...; the
// row numbers in ipiv count from 0) to the n columns of a, in increasing
// order: row off+i and row ipiv[i] are swapped.
func swapRows[T Float](n int, a []T, lda int, ipiv []int, off int) {
	if n == 0 {
		return
	}
	for i, p := range ipiv {
		if r := off + i; p != r {
			x, y := a[r*lda:r*lda+n], a[p*lda:p*lda+n]
			for k := range x {
				x[k], y[k] = y[k], x[k]
			}
		}
	}
}

// gemm computes C = alpha·A·B + beta·C (A m×k, B k×n, row-major) on the
// kernels' matrix multiply.
func gemm[T Float](m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int) {
	if m == 0 || n == 0 {
		return
	}
	switch c := any(c).(type) {
	case []float64:
		kernels.Gemm64(false, false, m, n, k, float64(alpha), any(a).([]float64), lda, any(b).([]float64), ldb, float64(beta), c, ldc)
	case []float32:
		kernels.Gemm32(false, false, m, n, k, float32(alpha), any(a).([]float32), lda, any(b).([]float32), ldb, float32(beta), c, ldc)
	}
}
