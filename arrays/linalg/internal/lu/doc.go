// Package lu is the LU factorization with partial pivoting of dense
// row-major matrices, and the triangular solves that use it, with nearly
// all the arithmetic in the matrix multiply of package kernels.
//
// Factor is LAPACK's dgetrf in the recursive form of dgetrf2 (Toledo's
// algorithm, as in ReLAPACK): the columns are split in halves, the left
// half is factorized, its row interchanges are applied to the right half,
// which is solved with the left half's unit lower triangle and updated by
// a matrix product before the right half's own factorization; the
// interchanges of the right half are then applied back to the left. Only
// panels of a few columns are factorized element by element. The pivots
// and the report of an exactly zero pivot follow LAPACK: the pivot of a
// column is the first element of largest absolute value, ipiv is 0-based
// (row i was interchanged with row ipiv[i], as gonum's lapack64.Getrf),
// the first zero pivot is reported and the factorization goes on.
//
// LowerUnit and Upper solve triangular systems with many right-hand
// sides, in blocks whose bulk is matrix products; Solve is LAPACK's dgetrs
// (no transpose), with a substitution path for one right-hand side.
//
// The routines take float32 or float64 matrices in row-major order with
// a row stride (lda) at least the number of columns, like the C interface
// of LAPACK; the matrix products run on the shared worker pool
// (kernels.Gemm64 and kernels.Gemm32), the rest on the calling goroutine.
package lu
