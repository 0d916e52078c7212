package linalg

import (
	"gonum.org/v1/gonum/blas"

	"workbench/kernels"
)

// gonum's LAPACK spends the time of the symmetric eigensolver (Dsytrd),
// the Cholesky factorization (Dpotrf) and others in Level-1 and Level-2
// BLAS and in the rank-k updates Dsyrk and Dsyr2k. fastBLAS runs those on
// the vector kernels of package kernels (Ddot, Daxpy and the unit-stride
// paths), on kernels.Gemv64 and kernels.Symv64 (each stored element read
// once, the rows split across the worker pool), and the rank-k updates on
// kernels.Gemm64 over blocks of the triangle. Arguments that gonum
// rejects go to gonum's own routine, so the panics are gonum's.

// vecOK reports whether v holds n elements inc apart (inc != 0).
func vecOK(n, inc, l int) bool {
	if inc == 0 {
		return false
	}
	if n == 0 {
		return true
	}
	if inc < 0 {
		inc = -inc
	}
	return l > (n-1)*inc
}

// Ddot returns the dot product of x and y; unit strides run
// kernels.Dot64 (32 partial sums), others gonum's Ddot.
func (f fastBLAS) Ddot(n int, x []float64, incX int, y []float64, incY int) float64 {
	if incX != 1 || incY != 1 || n < 0 || len(x) < n || len(y) < n {
		return f.Implementation.Ddot(n, x, incX, y, incY)
	}
	return kernels.Dot64(x[:n], y[:n])
}

// Sdot is Ddot for float32 (kernels.Dot32, accumulated in float32).
func (f fastBLAS) Sdot(n int, x []float32, incX int, y []float32, incY int) float32 {
	if incX != 1 || incY != 1 || n < 0 || len(x) < n || len(y) < n {
		return f.Implementation.Sdot(n, x, incX, y, incY)
	}
	return kernels.Dot32(x[:n], y[:n])
}

// Daxpy sets y += alpha*x; unit strides run kernels.Axpy64 (fused
// multiply-adds), others gonum's Daxpy.
func (f fastBLAS) Daxpy(n int, alpha float64, x []float64, incX int, y []float64, incY int) {
	if incX != 1 || incY != 1 || n < 0 || len(x) < n || len(y) < n {
		f.Implementation.Daxpy(n, alpha, x, incX, y, incY)
		return
	}
	if alpha == 0 {
		return
	}
	kernels.Axpy64(alpha, x[:n], y[:n])
}

// Saxpy is Daxpy for float32.
func (f fastBLAS) Saxpy(n int, alpha float32, x []float32, incX int, y []float32, incY int) {
	if incX != 1 || incY != 1 || n < 0 || len(x) < n || len(y) < n {
		f.Implementation.Saxpy(n, alpha, x, incX, y, incY)
		return
	}
	if alpha == 0 {
		return
	}
	kernels.Axpy32(alpha, x[:n], y[:n])
}

// Drot applies a plane rotation; unit strides run kernels.Rot64, others
// gonum's Drot.
func (f fastBLAS) Drot(n int, x []float64, incX int, y []float64, incY int, c, s float64) {
	if incX != 1 || incY != 1 || n < 0 || len(x) < n || len(y) < n {
		f.Implementation.Drot(n, x, incX, y, incY, c, s)
		return
	}
	kernels.Rot64(x[:n], y[:n], c, s)
}

// Srot is Drot for float32.
func (f fastBLAS) Srot(n int, x []float32, incX int, y []float32, incY int, c, s float32) {
	if incX != 1 || incY != 1 || n < 0 || len(x) < n || len(y) < n {
		f.Implementation.Srot(n, x, incX, y, incY, c, s)
		return
	}
	kernels.Rot32(x[:n], y[:n], c, s)
}

// gemvOK reports whether gonum's Dgemv accepts the arguments and has work
// to do.
func gemvOK(tA blas.Transpose, m, n, lda, la, lx, incX, ly, incY int) bool {
	if tA != blas.NoTrans && tA != blas.Trans && tA != blas.ConjTrans {
		return false
	}
	if m <= 0 || n <= 0 || lda < n {
		return false
	}
	nx, ny := n, m
	if tA != blas.NoTrans {
		nx, ny = m, n
	}
	return la >= lda*(m-1)+n && vecOK(nx, incX, lx) && vecOK(ny, incY, ly)
}

// Dgemv computes y = alpha*op(A)*x + beta*y on kernels.Gemv64.
func (f fastBLAS) Dgemv(tA blas.Transpose, m, n int, alpha float64, a []float64, lda int, x []float64, incX int, beta float64, y []float64, incY int) {
	if !gemvOK(tA, m, n, lda, len(a), len(x), incX, len(y), incY) {
		f.Implementation.Dgemv(tA, m, n, alpha, a, lda, x, incX, beta, y, incY)
		return
	}
	if alpha == 0 && beta == 1 {
		return
	}
	kernels.Gemv64(tA != blas.NoTrans, m, n, alpha, a, lda, x, incX, beta, y, incY)
}

// Sgemv is Dgemv for float32 (kernels.Gemv32).
func (f fastBLAS) Sgemv(tA blas.Transpose, m, n int, alpha float32, a []float32, lda int, x []float32, incX int, beta float32, y []float32, incY int) {
	if !gemvOK(tA, m, n, lda, len(a), len(x), incX, len(y), incY) {
		f.Implementation.Sgemv(tA, m, n, alpha, a, lda, x, incX, beta, y, incY)
		return
	}
	if alpha == 0 && beta == 1 {
		return
	}
	kernels.Gemv32(tA != blas.NoTrans, m, n, alpha, a, lda, x, incX, beta, y, incY)
}

func symvOK(ul blas.Uplo, n, lda, la, lx, incX, ly, incY int) bool {
	if ul != blas.Upper && ul != blas.Lower {
		return false
	}
	return n > 0 && lda >= n && la >= lda*(n-1)+n && vecOK(n, incX, lx) && vecOK(n, incY, ly)
}

// Dsymv computes y = alpha*A*x + beta*y for a symmetric A stored in its
// upper or lower triangle, on kernels.Symv64: one pass over the stored
// triangle.
func (f fastBLAS) Dsymv(ul blas.Uplo, n int, alpha float64, a []float64, lda int, x []float64, incX int, beta float64, y []float64, incY int) {
	if !symvOK(ul, n, lda, len(a), len(x), incX, len(y), incY) {
		f.Implementation.Dsymv(ul, n, alpha, a, lda, x, incX, beta, y, incY)
		return
	}
	if alpha == 0 && beta == 1 {
		return
	}
	kernels.Symv64(ul == blas.Upper, n, alpha, a, lda, x, incX, beta, y, incY)
}

// Ssymv is Dsymv for float32 (kernels.Symv32).
func (f fastBLAS) Ssymv(ul blas.Uplo, n int, alpha float32, a []float32, lda int, x []float32, incX int, beta float32, y []float32, incY int) {
	if !symvOK(ul, n, lda, len(a), len(x), incX, len(y), incY) {
		f.Implementation.Ssymv(ul, n, alpha, a, lda, x, incX, beta, y, incY)
		return
	}
	if alpha == 0 && beta == 1 {
		return
	}
	kernels.Symv32(ul == blas.Upper, n, alpha, a, lda, x, incX, beta, y, incY)
}

// rankKOK reports whether gonum's Dsyrk/Dsyr2k accepts the arguments (A,
// and B when ldb > 0) and n > 0.
func rankKOK(ul blas.Uplo, tA blas.Transpose, n, k, lda, la, ldb, lb, ldc, lc int, withB bool) bool {
	if ul != blas.Upper && ul != blas.Lower {
		return false
	}
	if tA != blas.NoTrans && tA != blas.Trans && tA != blas.ConjTrans {
		return false
	}
	if n <= 0 || k < 0 || ldc < n {
		return false
	}
	rows, cols := n, k
	if tA != blas.NoTrans {
		rows, cols = k, n
	}
	if lda < max(1, cols) || (withB && ldb < max(1, cols)) {
		return false
	}
	if k > 0 && (la < lda*(rows-1)+cols || (withB && lb < ldb*(rows-1)+cols)) {
		return false
	}
	return lc >= ldc*(n-1)+n
}

// rankKBlock is the block order of the rank-k updates: each block row of
// the triangle is one matrix product off the diagonal and one into a
// temporary square on it.
const rankKBlock = 128

type gemmFunc[T float32 | float64] func(transA, transB bool, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int)

// rankK computes the upper or lower triangle of C = alpha*op(A)*op(B)^T
// (+ alpha*op(B)*op(A)^T when two) + beta*C, op(X) n×k, block by block on
// gemm. Each element of the triangle gets the same operations as in one
// full product: gemm with beta, then (two) gemm with beta 1. The diagonal
// blocks run on a copy of the whole square block, of which only the
// triangle is written back.
func rankK[T float32 | float64](gemm gemmFunc[T], upper, trans bool, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int, two bool) {
	if alpha == 0 || k == 0 {
		for i := 0; i < n; i++ {
			lo, hi := 0, i+1
			if upper {
				lo, hi = i, n
			}
			row := c[i*ldc+lo : i*ldc+hi]
			switch beta {
			case 1:
			case 0:
				clear(row)
			default:
				for j := range row {
					row[j] *= beta
				}
			}
		}
		return
	}
	// rowsOf returns op(X)'s rows i0 onwards.
	rowsOf := func(x []T, ld, i0 int) []T {
		if trans {
			return x[i0:]
		}
		return x[i0*ld:]
	}
	prod := func(mi, nj, i0, j0 int, cc []T, ldcc int, beta T) {
		gemm(trans, !trans, mi, nj, k, alpha, rowsOf(a, lda, i0), lda, rowsOf(b, ldb, j0), ldb, beta, cc, ldcc)
		if two {
			gemm(trans, !trans, mi, nj, k, alpha, rowsOf(b, ldb, i0), ldb, rowsOf(a, lda, j0), lda, 1, cc, ldcc)
		}
	}
	tmp := make([]T, rankKBlock*rankKBlock)
	for i0 := 0; i0 < n; i0 += rankKBlock {
		i1 := min(i0+rankKBlock, n)
		ni := i1 - i0
		// Off the diagonal block: straight into C.
		if upper && i1 < n {
			prod(ni, n-i1, i0, i1, c[i0*ldc+i1:], ldc, beta)
		}
		if !upper && i0 > 0 {
			prod(ni, i0, i0, 0, c[i0*ldc:], ldc, beta)
		}
		// The diagonal block on a copy.
		t := tmp[:ni*ni]
		if beta != 0 {
			for i := 0; i < ni; i++ {
				copy(t[i*ni:(i+1)*ni], c[(i0+i)*ldc+i0:])
			}
		}
		prod(ni, ni, i0, i0, t, ni, beta)
		for i := 0; i < ni; i++ {
			lo, hi := 0, i+1
			if upper {
				lo, hi = i, ni
			}
			copy(c[(i0+i)*ldc+i0+lo:(i0+i)*ldc+i0+hi], t[i*ni+lo:i*ni+hi])
		}
	}
}

// Dsyrk computes the upper or lower triangle of C = alpha*A*A^T + beta*C
// (A^T*A with Trans) on kernels.Gemm64, block by block.
func (f fastBLAS) Dsyrk(ul blas.Uplo, tA blas.Transpose, n, k int, alpha float64, a []float64, lda int, beta float64, c []float64, ldc int) {
	if !rankKOK(ul, tA, n, k, lda, len(a), 0, 0, ldc, len(c), false) {
		f.Implementation.Dsyrk(ul, tA, n, k, alpha, a, lda, beta, c, ldc)
		return
	}
	rankK(kernels.Gemm64, ul == blas.Upper, tA != blas.NoTrans, n, k, alpha, a, lda, a, lda, beta, c, ldc, false)
}

// Ssyrk is Dsyrk for float32 (kernels.Gemm32).
func (f fastBLAS) Ssyrk(ul blas.Uplo, tA blas.Transpose, n, k int, alpha float32, a []float32, lda int, beta float32, c []float32, ldc int) {
	if !rankKOK(ul, tA, n, k, lda, len(a), 0, 0, ldc, len(c), false) {
		f.Implementation.Ssyrk(ul, tA, n, k, alpha, a, lda, beta, c, ldc)
		return
	}
	rankK(kernels.Gemm32, ul == blas.Upper, tA != blas.NoTrans, n, k, alpha, a, lda, a, lda, beta, c, ldc, false)
}

// Dsyr2k computes the upper or lower triangle of C = alpha*A*B^T +
// alpha*B*A^T + beta*C (A^T*B + B^T*A with Trans) on kernels.Gemm64, block
// by block.
func (f fastBLAS) Dsyr2k(ul blas.Uplo, tA blas.Transpose, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	if !rankKOK(ul, tA, n, k, lda, len(a), ldb, len(b), ldc, len(c), true) {
		f.Implementation.Dsyr2k(ul, tA, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
		return
	}
	rankK(kernels.Gemm64, ul == blas.Upper, tA != blas.NoTrans, n, k, alpha, a, lda, b, ldb, beta, c, ldc, true)
}

// Ssyr2k is Dsyr2k for float32 (kernels.Gemm32).
func (f fastBLAS) Ssyr2k(ul blas.Uplo, tA blas.Transpose, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) {
	if !rankKOK(ul, tA, n, k, lda, len(a), ldb, len(b), ldc, len(c), true) {
		f.Implementation.Ssyr2k(ul, tA, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
		return
	}
	rankK(kernels.Gemm32, ul == blas.Upper, tA != blas.NoTrans, n, k, alpha, a, lda, b, ldb, beta, c, ldc, true)
}
