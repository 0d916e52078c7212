// Package eigsym computes the eigenvalues and eigenvectors of dense real
// symmetric matrices by the divide and conquer method, with nearly all
// the arithmetic of the eigenvectors in the matrix multiply of package
// kernels.
//
// Tridiag is LAPACK's dstedc (compz = 'I') for a symmetric tridiagonal
// matrix: Cuppen's method as in dlaed0 and dlaed1. The matrix is cut in
// two by a rank-one modification, the halves are solved recursively
// (blocks of at most 25 by gonum's implicit QL/QR, Dsteqr), and the two
// eigensystems are merged: deflation of negligible components and close
// eigenvalues (dlaed2), the roots of the secular equation by the
// rational interpolation of Ren-Cang Li (dlaed4, dlaed5, and dlaed6
// after Gragg, Thornton and Warner), the eigenvectors of the rank-one
// problem recomputed from the roots as Gu and Eisenstat do to keep them
// orthogonal, and the back-transformation as two matrix products on the
// nonzero blocks (dlaed3); the roots and the eigenvectors of a merge run
// in chunks on the workers of package kernels. Sym is dsyevd: gonum's
// Dsytrd, Tridiag, and Q's Householder reflectors applied to the
// eigenvectors in blocks of 64 as three matrix products each (dormtr).
// Values is dsyev without vectors (gonum's Dsytrd and Dsterf).
//
// The code is written from the published algorithms and LAPACK's
// reference implementation (LAPACK 3, Univ. of Tennessee, Univ. of
// California Berkeley, Univ. of Colorado Denver and NAG Ltd.,
// https://www.netlib.org/lapack/, modified BSD license). LAPACK stores
// matrices column-major; this package keeps the eigenvectors of the
// tridiagonal problem as the rows of a row-major matrix, which is the
// same memory, and turns each column-major product C = A·B into the
// row-major Cᵀ = Bᵀ·Aᵀ.
//
// References:
//
//   - J. J. M. Cuppen, A divide and conquer method for the symmetric
//     tridiagonal eigenproblem, Numer. Math. 36 (1981) 177–195.
//   - M. Gu and S. C. Eisenstat, A divide-and-conquer algorithm for the
//     symmetric tridiagonal eigenproblem, SIAM J. Matrix Anal. Appl. 16
//     (1995) 172–191.
//   - R.-C. Li, Solving secular equations stably and efficiently, LAPACK
//     Working Note 89 (1993).
//   - J. Rutter, A serial implementation of Cuppen's divide and conquer
//     algorithm for the symmetric eigenvalue problem, LAPACK Working Note
//     69 (1994).
package eigsym
