package linalg

import (
	"fmt"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas32"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/blas/cblas128"
	"gonum.org/v1/gonum/blas/cblas64"
	"gonum.org/v1/gonum/blas/gonum"

	"workbench/kernels"
)

// gonum's LAPACK (which this package uses for real matrices, and
// gonum/mat in a cell) spends its time in the matrix products Dgemm and
// Sgemm of the BLAS registered with blas64.Use and blas32.Use. Importing
// this package registers gonum's own BLAS with those two products on our
// kernels (packed panels, SIMD micro-kernels, the shared worker pool):
// Solve of 1000x1000 runs about 4x faster than on gonum's pure-Go Dgemm.
// The complex products Zgemm and Cgemm (cblas128.Use, cblas64.Use) run on
// the same kernels, as four real products over the parts.

// fastBLAS is gonum's BLAS with Dgemm and Sgemm on kernels.Gemm64/32.
type fastBLAS struct{ gonum.Implementation }

// Dgemm computes C = alpha*op(A)*op(B) + beta*C on kernels.Gemm64.
func (fastBLAS) Dgemm(tA, tB blas.Transpose, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	kernels.Gemm64(tA != blas.NoTrans, tB != blas.NoTrans, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// Sgemm computes C = alpha*op(A)*op(B) + beta*C on kernels.Gemm32.
func (fastBLAS) Sgemm(tA, tB blas.Transpose, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) {
	kernels.Gemm32(tA != blas.NoTrans, tB != blas.NoTrans, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// Zgemm computes C = alpha*op(A)*op(B) + beta*C for complex128 on
// kernels.GemmStridedConjC128 (ConjTrans conjugates the operand).
func (fastBLAS) Zgemm(tA, tB blas.Transpose, m, n, k int, alpha complex128, a []complex128, lda int, b []complex128, ldb int, beta complex128, c []complex128, ldc int) {
	complexGemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, "Zgemm", kernels.GemmStridedConjC128)
}

// Cgemm is Zgemm for complex64.
func (fastBLAS) Cgemm(tA, tB blas.Transpose, m, n, k int, alpha complex64, a []complex64, lda int, b []complex64, ldb int, beta complex64, c []complex64, ldc int) {
	complexGemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, "Cgemm", kernels.GemmStridedConjC64)
}

// complexGemm is Zgemm and Cgemm: the product into C when alpha is 1 and
// beta 0, otherwise into a scratch matrix that is then scaled and added.
func complexGemm[T complex64 | complex128](tA, tB blas.Transpose, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int, name string,
	product func(m, n, k int, conjA bool, a []T, aOff, aRow, aCol int, conjB bool, b []T, bOff, bRow, bCol int, c []T, cOff, cRow, cCol int)) {
	// BLAS's argument checks, with gonum's messages.
	for _, t := range []blas.Transpose{tA, tB} {
		if t != blas.NoTrans && t != blas.Trans && t != blas.ConjTrans {
			panic("blas: illegal transpose")
		}
	}
	if m < 0 || n < 0 || k < 0 {
		panic(fmt.Sprintf("blas: %s: negative dimension m=%d n=%d k=%d", name, m, n, k))
	}
	rowsA, colsA := m, k
	if tA != blas.NoTrans {
		rowsA, colsA = k, m
	}
	rowsB, colsB := k, n
	if tB != blas.NoTrans {
		rowsB, colsB = n, k
	}
	if lda < max(1, colsA) || ldb < max(1, colsB) || ldc < max(1, n) {
		panic(fmt.Sprintf("blas: %s: bad leading dimension lda=%d ldb=%d ldc=%d", name, lda, ldb, ldc))
	}
	if m == 0 || n == 0 {
		return
	}
	if len(c) < ldc*(m-1)+n {
		panic(fmt.Sprintf("blas: %s: C holds %d elements, needs %d", name, len(c), ldc*(m-1)+n))
	}
	if alpha == 0 || k == 0 {
		for i := 0; i < m; i++ {
			row := c[i*ldc : i*ldc+n]
			for j := range row {
				if beta == 0 {
					row[j] = 0
				} else {
					row[j] *= beta
				}
			}
		}
		return
	}
	if len(a) < lda*(rowsA-1)+colsA || len(b) < ldb*(rowsB-1)+colsB {
		panic(fmt.Sprintf("blas: %s: A or B is shorter than its dimensions need", name))
	}
	aRow, aCol := lda, 1
	if tA != blas.NoTrans {
		aRow, aCol = 1, lda
	}
	bRow, bCol := ldb, 1
	if tB != blas.NoTrans {
		bRow, bCol = 1, ldb
	}
	conjA, conjB := tA == blas.ConjTrans, tB == blas.ConjTrans
	if alpha == 1 && beta == 0 {
		product(m, n, k, conjA, a, 0, aRow, aCol, conjB, b, 0, bRow, bCol, c, 0, ldc, 1)
		return
	}
	t := make([]T, m*n)
	product(m, n, k, conjA, a, 0, aRow, aCol, conjB, b, 0, bRow, bCol, t, 0, n, 1)
	for i := 0; i < m; i++ {
		row, tr := c[i*ldc:i*ldc+n], t[i*n:(i+1)*n]
		for j := range row {
			if beta == 0 {
				row[j] = alpha * tr[j]
			} else {
				row[j] = alpha*tr[j] + beta*row[j]
			}
		}
	}
}

func init() {
	blas64.Use(fastBLAS{})
	blas32.Use(fastBLAS{})
	cblas128.Use(fastBLAS{})
	cblas64.Use(fastBLAS{})
}
