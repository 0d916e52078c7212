// Package clapack is the part of LAPACK that gonum lacks: factorizations and
// eigen- and singular value decompositions of complex matrices, in pure Go.
//
// Matrices are dense, row-major []complex128 with a leading dimension equal
// to their number of columns (element (i, j) of an m×n matrix is a[i*n+j]).
// Inputs are not modified unless a function says so. Package linalg calls
// these for complex64 and complex128 arrays (complex64 computes in
// complex128 and rounds).
package clapack
