package linalg

import (
	"math"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/lapack/lapack64"

	"workbench/arrays"
	"workbench/arrays/internal/adopt"
	"workbench/arrays/linalg/internal/clapack"
	"workbench/arrays/linalg/internal/eigsym"
	"workbench/devices"
)

// eighStack computes the eigenvalues (ascending) and, if vectors, the
// eigenvectors of each Hermitian matrix of s from its lower triangle.
func eighStack(s *stack, vectors bool) (w []float64, vre []float64, vcx []complex128) {
	n := s.n
	nb := s.count()
	w = make([]float64, nb*n)
	if vectors {
		if s.cplx {
			vcx = make([]complex128, nb*n*n)
		} else {
			// Written whole below: recycled memory if the pool has some.
			vre = hostFloat64s(nb * n * n)
		}
	}
	s.each(func(b int) error {
		if n == 0 {
			return nil
		}
		if !s.finite(b, true) {
			// NumPy's eigh (LAPACK) gives NaNs here.
			nan := math.NaN()
			for i := 0; i < n; i++ {
				w[b*n+i] = nan
			}
			for i := 0; i < n*n && vectors; i++ {
				if s.cplx {
					vcx[b*n*n+i] = complex(nan, nan)
				} else {
					vre[b*n*n+i] = nan
				}
			}
			return nil
		}
		if s.cplx {
			ww, v, err := clapack.Eigh(n, s.matCx(b), vectors)
			if err != nil {
				return fromClapack(err)
			}
			copy(w[b*n:], ww)
			if vectors {
				copy(vcx[b*n*n:], v)
			}
			return nil
		}
		// A recycled copy of the real matrix, which the solvers overwrite.
		a := hostFloat64s(n * n)
		defer func() {
			if _, err := devices.WrapPooled(a); err != nil {
				panic(err)
			}
		}()
		mat := s.re[b*n*n : (b+1)*n*n]
		copy(a, mat)
		wb := w[b*n : (b+1)*n]
		if !vectors {
			// Dsytrd and Dsterf (dsyev), scaled as gonum's Dsterf needs.
			if eigsym.Values(n, a, n, wb) != nil {
				return ErrNoConvergence
			}
			return nil
		}
		// Divide and conquer (dsyevd); should it fail to converge, the
		// QL/QR iteration (dsyev).
		if eigsym.Sym(n, a, n, wb, vre[b*n*n:(b+1)*n*n], n) == nil {
			return nil
		}
		copy(a, mat)
		sym := blas64.Symmetric{N: n, Stride: n, Data: a, Uplo: blas.Lower}
		work := make([]float64, 1)
		lapack64.Syev(lapack.EVCompute, sym, wb, work, -1)
		work = make([]float64, max(3*n-1, int(work[0]), 1))
		if !lapack64.Syev(lapack.EVCompute, sym, wb, work, len(work)) {
			return ErrNoConvergence
		}
		copy(vre[b*n*n:], a)
		return nil
	})
	return w, vre, vcx
}

// Eigh returns the eigenvalues, in ascending order, and the eigenvectors
// (the columns of v, orthonormal) of each complex Hermitian or real
// symmetric matrix of x (shape (..., n, n)), so that x·v = v·diag(w). Only
// the lower triangle is read (NumPy's UPLO='L'). w is real (float32 for
// float32 and complex64 input); v has x's float dtype. Eigenvectors are
// not unique (each may be multiplied by a sign, or a phase). A matrix with
// an infinity or a NaN in its lower triangle gives NaNs, as NumPy's.
func Eigh(x *arrays.Array) (w, v *arrays.Array) {
	s := load("linalg.Eigh", x, true)
	defer s.release()
	ww, vre, vcx := eighStack(s, true)
	w = result(ww, s.with(s.n), realDType(s.dt), x)
	if s.cplx {
		return w, result(vcx, s.shape, s.dt, x)
	}
	// vre's memory goes back to the pool once the float64 array is
	// unreachable.
	v = adopt.Adopt(vre, s.shape).(*arrays.Array).Astype(s.dt)
	if v.Device() != x.Device() {
		v = v.To(x.Device())
	}
	return w, v
}

// Eigvalsh returns the eigenvalues of each Hermitian (real symmetric)
// matrix of x, in ascending order, as Eigh.
func Eigvalsh(x *arrays.Array) *arrays.Array {
	s := load("linalg.Eigvalsh", x, true)
	defer s.release()
	w, _, _ := eighStack(s, false)
	return result(w, s.with(s.n), realDType(s.dt), x)
}

// eigStack computes the eigenvalues and, if vectors, the right eigenvectors
// of each general matrix of s.
func eigStack(s *stack, vectors bool) (w []complex128, v []complex128) {
	n := s.n
	nb := s.count()
	w = make([]complex128, nb*n)
	if vectors {
		v = make([]complex128, nb*n*n)
	}
	s.each(func(b int) error {
		if n == 0 {
			return nil
		}
		if !s.finite(b, false) {
			return ErrNonFinite
		}
		if s.cplx {
			ww, vv, err := clapack.Eig(n, s.matCx(b), vectors)
			if err != nil {
				return fromClapack(err)
			}
			copy(w[b*n:], ww)
			if vectors {
				copy(v[b*n*n:], vv)
			}
			return nil
		}
		a := s.matRe(b)
		wr, wi := make([]float64, n), make([]float64, n)
		jobvr := lapack.RightEVNone
		vr := blas64.General{Stride: 1}
		if vectors {
			jobvr = lapack.RightEVCompute
			vr = general(n, n, make([]float64, n*n))
		}
		vl := blas64.General{Stride: 1}
		g := general(n, n, a)
		work := make([]float64, 1)
		lapack64.Geev(lapack.LeftEVNone, jobvr, g, wr, wi, vl, vr, work, -1)
		work = make([]float64, max(4*n, int(work[0]), 1))
		if first := lapack64.Geev(lapack.LeftEVNone, jobvr, g, wr, wi, vl, vr, work, len(work)); first > 0 {
			return ErrNoConvergence
		}
		for j := 0; j < n; j++ {
			w[b*n+j] = complex(wr[j], wi[j])
		}
		if vectors {
			out := v[b*n*n : (b+1)*n*n]
			for j := 0; j < n; j++ {
				if wi[j] == 0 {
					for i := 0; i < n; i++ {
						out[i*n+j] = complex(vr.Data[i*n+j], 0)
					}
					continue
				}
				// A conjugate pair: columns j and j+1 hold the real and
				// imaginary parts of the first vector.
				for i := 0; i < n; i++ {
					re, im := vr.Data[i*n+j], vr.Data[i*n+j+1]
					out[i*n+j] = complex(re, im)
					out[i*n+j+1] = complex(re, -im)
				}
				j++
			}
		}
		return nil
	})
	return w, v
}

// Eig returns the eigenvalues and the right eigenvectors (the columns of
// v, each of norm 1 with its largest component real, as LAPACK's geev) of
// each square matrix of x (shape (..., n, n)), so that x·v = v·diag(w).
// The results are always complex (complex64 for float32 and complex64
// input, complex128 otherwise), as the array API standard's eig and NumPy
// 2.5's: real input gives real eigenvalues or conjugate pairs. The order of
// the eigenvalues is the one the QR algorithm finds them in (unsorted).
// An infinity or NaN is an *Error wrapping ErrNonFinite, as NumPy's
// LinAlgError.
func Eig(x *arrays.Array) (w, v *arrays.Array) {
	s := load("linalg.Eig", x, true)
	defer s.release()
	ww, vv := eigStack(s, true)
	dt := complexDType(s.dt)
	return result(ww, s.with(s.n), dt, x), result(vv, s.shape, dt, x)
}

// Eigvals returns the eigenvalues of each square matrix of x, as Eig.
func Eigvals(x *arrays.Array) *arrays.Array {
	s := load("linalg.Eigvals", x, true)
	defer s.release()
	w, _ := eigStack(s, false)
	return result(w, s.with(s.n), complexDType(s.dt), x)
}
