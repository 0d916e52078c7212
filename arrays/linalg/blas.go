package linalg

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas32"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/blas/gonum"

	"workbench/kernels"
)

// gonum's LAPACK (which this package uses for real matrices, and
// gonum/mat in a cell) spends its time in the matrix products Dgemm and
// Sgemm of the BLAS registered with blas64.Use and blas32.Use. Importing
// this package registers gonum's own BLAS with those two products on our
// kernels (packed panels, SIMD micro-kernels, the shared worker pool):
// Solve of 1000x1000 runs about 4x faster than on gonum's pure-Go Dgemm.

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

func init() {
	blas64.Use(fastBLAS{})
	blas32.Use(fastBLAS{})
}
