package clapack

import "errors"

// ErrSingular is returned when a matrix is exactly singular (a zero pivot).
var ErrSingular = errors.New("singular matrix")

// ErrNotPositiveDefinite is returned by Cholesky when the matrix is not
// Hermitian positive definite.
var ErrNotPositiveDefinite = errors.New("matrix is not positive definite")

// ErrNoConvergence is returned when an iterative algorithm (eigenvalues,
// SVD) did not converge.
var ErrNoConvergence = errors.New("the algorithm did not converge")

// LU factorizes the n×n matrix a in place as P·A = L·U with partial
// pivoting (LAPACK's zgetrf): on return a holds U in its upper triangle and
// L (unit diagonal, not stored) below it; piv[i] is the row swapped with
// row i at step i; sign is the determinant's sign from the swaps (+1 or -1).
// singular reports a zero pivot (the factorization still completes).
func LU(n int, a []complex128) (piv []int, sign int, singular bool) {
	need("LU", a, n, n)
	return luFactor(n, a)
}

// LUSolve solves A·X = B for the n×nrhs matrix b, in place, from LU's
// output (LAPACK's zgetrs).
func LUSolve(n, nrhs int, lu []complex128, piv []int, b []complex128) {
	need("LUSolve", lu, n, n)
	need("LUSolve", b, n, nrhs)
	if len(piv) < n {
		panic("clapack.LUSolve: piv too short")
	}
	luSolve(n, nrhs, lu, piv, b)
}

// Inverse replaces the n×n matrix a with its inverse, or returns
// ErrSingular and leaves a unspecified.
func Inverse(n int, a []complex128) error {
	need("Inverse", a, n, n)
	return inverse(n, a)
}

// Cholesky replaces the Hermitian positive definite n×n matrix a (only its
// lower triangle is read) with the lower triangular L such that A = L·Lᴴ,
// the upper triangle zeroed (LAPACK's zpotrf), or returns
// ErrNotPositiveDefinite.
func Cholesky(n int, a []complex128) error {
	need("Cholesky", a, n, n)
	return cholesky(n, a)
}

// QR factorizes the m×n matrix a as A = Q·R by Householder reflections
// (LAPACK's zgeqrf and zungqr). With complete false (NumPy's "reduced"), Q
// is m×k and R is k×n with k = min(m, n); with complete true, Q is m×m and
// R is m×n. The diagonal of R is what LAPACK gives (not made real or
// positive), so that the result matches NumPy's.
func QR(m, n int, a []complex128, complete bool) (q, r []complex128) {
	need("QR", a, m, n)
	return qr(m, n, a, complete)
}

// Eigh computes the eigenvalues, in ascending order, of the Hermitian n×n
// matrix a (only its lower triangle is read; LAPACK's zheevd with UPLO='L',
// which NumPy uses) and, when vectors is true, the orthonormal eigenvectors
// as the columns of the n×n matrix v.
func Eigh(n int, a []complex128, vectors bool) (w []float64, v []complex128, err error) {
	need("Eigh", a, n, n)
	return eigh(n, a, vectors)
}

// Eig computes the eigenvalues of the general n×n matrix a (LAPACK's zgeev)
// and, when vectors is true, the right eigenvectors as the columns of v,
// each of Euclidean norm 1 with its largest component real, as zgeev
// normalizes them. The order of the eigenvalues is the one the QR algorithm
// finds them in.
func Eig(n int, a []complex128, vectors bool) (w []complex128, v []complex128, err error) {
	need("Eig", a, n, n)
	return eig(n, a, vectors)
}

// SVD computes the singular values of the m×n matrix a, in descending
// order, and, when vectors is true, U and Vᴴ such that A = U·diag(s)·Vᴴ
// (LAPACK's zgesdd, which NumPy uses): with full false U is m×k and Vᴴ is
// k×n (k = min(m, n)); with full true, U is m×m and Vᴴ is n×n.
func SVD(m, n int, a []complex128, vectors, full bool) (u []complex128, s []float64, vh []complex128, err error) {
	need("SVD", a, m, n)
	return svd(m, n, a, vectors, full)
}

// need panics unless the dimensions are non-negative and x holds at least
// their product of elements.
func need(fn string, x []complex128, dims ...int) {
	size := 1
	for _, d := range dims {
		if d < 0 {
			panic("clapack." + fn + ": negative dimension")
		}
		size *= d
	}
	if len(x) < size {
		panic("clapack." + fn + ": slice shorter than the matrix")
	}
}
