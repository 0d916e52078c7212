// Package linalg is the array API standard's linear algebra extension for
// package arrays, with NumPy's meanings where the standard is silent:
//
//	Matmul, Tensordot, Vecdot, MatrixTranspose  (the arrays functions)
//	Solve, Inv, Det, Slogdet                    (LU factorization)
//	Eigh, Eigvalsh, Eig, Eigvals                (eigenvalues)
//	Svd, Svdvals, Pinv, MatrixRank, Lstsq       (singular values)
//	Qr, Cholesky                                (factorizations)
//	MatrixNorm, VectorNorm, Norm                (norms)
//	MatrixPower, Cross, Outer, Trace, Diagonal
//
// # Matrices and dtypes
//
// Functions on matrices take an array of shape (..., m, n): a matrix, or a
// stack of matrices in the last two axes, each computed on its own (in
// parallel). Float32, float64, complex64 and complex128 arrays keep their
// dtype; integers and bools compute in float64, as NumPy's linalg. Real
// matrices use gonum's LAPACK (lapack64: getrf, getri, getrs, potrf, geqrf,
// orgqr, syev, geev, gesvd); complex ones this package's own routines
// (internal/clapack). Float32 and complex64 compute in double precision and
// round the results. Eigenvalues of Hermitian matrices, singular values,
// norms and log-determinants are real (float32 for float32 and complex64
// input). Eig and Eigvals always return complex arrays (the standard's
// choice, and NumPy 2.5's). Results live on the input's device.
//
// Functions that return several arrays return them as several values:
//
//	w, v := linalg.Eigh(a)
//	u, s, vh := linalg.Svd(a, linalg.FullMatrices(false))
//	q, r := linalg.Qr(a, linalg.Mode("complete"))
//	sign, logdet := linalg.Slogdet(a)
//	x, residuals, rank, sv := linalg.Lstsq(a, b)
//
// # Options
//
// Keyword arguments are Options of this package (not those of package
// arrays): FullMatrices(bool) for Svd; Mode("reduced"|"complete"|"r") for
// Qr; Upper() for Cholesky; Ord(any) for the norms ("fro", "nuc", or a
// number such as 1, 2, math.Inf(1)); Axis(...int) for VectorNorm, Norm,
// Cross and Vecdot; Keepdims() for the norms; Rtol(float64) for Pinv and
// MatrixRank, Tol(float64) for MatrixRank; Rcond(float64) for Lstsq;
// Hermitian() for Pinv and MatrixRank; Offset(int) for Diagonal and Trace;
// Dtype(arrays.DType) for Trace. A function refuses an option it does not
// take. Default tolerances follow the standard: max(m, n)·eps of the dtype
// (NumPy's pinv defaults to 1e-15 instead).
//
// # Errors
//
// As in package arrays, misuse panics with a typed error, which
// arrays.Maybe turns back into an error: an *arrays.ShapeError names the
// shapes (a non-square matrix where a square one is needed, mismatched
// operands), an *arrays.ValueError a bad option. A matrix whose values
// defeat a routine gives an *Error naming the function and, in a stack,
// the index of the first such matrix; errors.Is tells the reason:
//
//   - ErrSingular: Solve or Inv of an exactly singular matrix (Det and
//     Slogdet give 0 and (0, -Inf) instead);
//   - ErrNotPositiveDefinite: Cholesky;
//   - ErrNonFinite: Eig, Eigvals and the SVD-based functions (Svd,
//     Svdvals, Pinv, MatrixRank, Lstsq, the norms 2, -2 and "nuc") given
//     an infinity or a NaN, where NumPy raises LinAlgError;
//   - ErrNoConvergence: an iteration that did not converge.
//
// Other functions let NaNs and infinities propagate as NumPy does (Inv of a
// matrix with a NaN is all NaN, Det is NaN, Eigh and Eigvalsh give NaNs
// for a matrix with a NaN or an infinity in the lower triangle they read;
// Cholesky reports such a matrix as not positive definite).
//
// # Conventions where the standard and NumPy differ
//
// Solve treats b as a vector only when it is 1-d (the standard; NumPy
// before 2.0 also when b has one dimension less than a). Cross needs
// 3-element vectors. Outer needs 1-d arrays (NumPy flattens). MatrixRank of
// an empty matrix is 0 (NumPy raises an error). Lstsq's default rcond is
// max(m, n)·eps (NumPy's rcond=None). Cholesky with Upper() reads the upper
// triangle, as NumPy 2's upper=True.
package linalg
