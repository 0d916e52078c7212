// Package clapack is the part of LAPACK that gonum lacks: factorizations and
// eigen- and singular value decompositions of complex matrices, in pure Go.
//
// Matrices are dense, row-major []complex128 with a leading dimension equal
// to their number of columns (element (i, j) of an m×n matrix is a[i*n+j]).
// Inputs are not modified unless a function says so. Package linalg calls
// these for complex64 and complex128 arrays (complex64 computes in
// complex128 and rounds).
//
// The algorithms are LAPACK's, unblocked except for LU:
//
//   - LU: zgetrf's partial pivoting (the pivot is the first entry of largest
//     |re|+|im| in its column, so the pivots are SciPy's), right-looking
//     with panels of 32 columns; Inverse is zgetri's U⁻¹·L⁻¹·P.
//   - Cholesky: zpotrf's lower factor, row by row.
//   - QR: zgeqr2's Householder reflectors with zlarfg's conventions (β real,
//     τ complex, so R's diagonal is LAPACK's and NumPy's, real for a square
//     matrix), Q formed as zung2r does.
//   - Eigh: zhetd2 (UPLO='L') to a real tridiagonal matrix, then the
//     implicit QL method with Wilkinson shifts (EISPACK's tql2), the
//     rotations accumulated in real arithmetic and applied to Q at the end.
//   - SVD: zgebd2 to a real bidiagonal matrix, then the implicit-shift QR
//     iteration of LINPACK's zsvdc (Golub–Kahan–Reinsch) on it; U and Vᴴ
//     are the reflectors' products times the accumulated rotations, and for
//     full matrices U's extra columns are the remaining columns of the
//     reflectors' unitary product. m < n works on Aᴴ.
//   - Eig: zgebal's scaling (no permutations), zgehd2 to Hessenberg form,
//     zlahqr's single-shift complex QR (Wilkinson and exceptional shifts,
//     the Ahues–Tisseur deflation test), ztrevc's back substitution on the
//     Schur form and zgeev's normalization.
//
// Eigh, SVD and Eig scale a matrix whose largest modulus lies outside
// [2⁻⁴⁵⁹, 2⁴⁵⁹] by a power of 2 first, as zheev, zgesdd and zgeev do.
//
// Non-finite input never makes an iteration hang. Eigh (which reads the
// lower triangle only), SVD and Eig return ErrNoConvergence for a matrix
// with a NaN or an infinity, as do their iterations when they exceed their
// bounds (30 QL steps per eigenvalue; 75 QR sweeps per singular value;
// 30·max(10, n) QR sweeps in all for Eig). LU, LUSolve, Inverse and QR
// propagate NaNs; Cholesky returns ErrNotPositiveDefinite for a NaN in the
// lower triangle (it reaches a diagonal element, which zpotrf tests).
package clapack
