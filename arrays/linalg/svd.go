package linalg

import (
	"math"
	"math/cmplx"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/lapack/lapack64"

	"workbench/arrays"
	"workbench/arrays/linalg/internal/clapack"
)

// svdOne is the SVD of one matrix: u (m×ucols), s (k), vh (vrows×n), real
// or complex.
type svdOne struct {
	s            []float64
	ure, vre     []float64
	ucx, vcx     []complex128
	ucols, vrows int
}

// svdMatrix computes the SVD of matrix b of s: singular values in
// descending order and, if vectors, U and Vᴴ (full: m×m and n×n; else m×k
// and k×n).
func svdMatrix(s *stack, b int, vectors, full bool) (svdOne, error) {
	m, n := s.m, s.n
	k := min(m, n)
	r := svdOne{ucols: k, vrows: k}
	if full {
		r.ucols, r.vrows = m, n
	}
	if !s.finite(b, false) {
		return r, ErrNonFinite
	}
	if k == 0 {
		// NumPy gives identity matrices for the full U and Vᴴ of an empty
		// matrix.
		r.s = []float64{}
		if vectors {
			if s.cplx {
				r.ucx, r.vcx = eyeCx(m, r.ucols), eyeCx(r.vrows, n)
			} else {
				r.ure, r.vre = eyeRe(m, r.ucols), eyeRe(r.vrows, n)
			}
		}
		return r, nil
	}
	if s.cplx {
		u, sv, vh, err := clapack.SVD(m, n, s.matCx(b), vectors, full)
		if err != nil {
			return r, fromClapack(err)
		}
		r.s, r.ucx, r.vcx = sv, u, vh
		return r, nil
	}
	a := s.matRe(b)
	r.s = make([]float64, k)
	job := lapack.SVDNone
	u, vt := blas64.General{Stride: 1}, blas64.General{Stride: 1}
	if vectors {
		job = lapack.SVDStore
		if full {
			job = lapack.SVDAll
		}
		u = general(m, r.ucols, make([]float64, m*r.ucols))
		vt = general(r.vrows, n, make([]float64, r.vrows*n))
	}
	g := general(m, n, a)
	work := make([]float64, 1)
	lapack64.Gesvd(job, job, g, u, vt, r.s, work, -1)
	work = make([]float64, max(int(work[0]), 5*k, 3*k+max(m, n), 1))
	if !lapack64.Gesvd(job, job, g, u, vt, r.s, work, len(work)) {
		return r, ErrNoConvergence
	}
	if vectors {
		r.ure, r.vre = u.Data, vt.Data
	}
	return r, nil
}

func eyeRe(r, c int) []float64 {
	out := make([]float64, r*c)
	for i := 0; i < min(r, c); i++ {
		out[i*c+i] = 1
	}
	return out
}

func eyeCx(r, c int) []complex128 {
	out := make([]complex128, r*c)
	for i := 0; i < min(r, c); i++ {
		out[i*c+i] = 1
	}
	return out
}

// svdvalsStack returns the singular values of every matrix of s.
func svdvalsStack(s *stack) []float64 {
	k := min(s.m, s.n)
	out := make([]float64, s.count()*k)
	s.each(func(b int) error {
		r, err := svdMatrix(s, b, false, false)
		if err != nil {
			return err
		}
		copy(out[b*k:], r.s)
		return nil
	})
	return out
}

// Svd returns the singular value decomposition x = u·diag(s)·vh of each
// matrix of x (shape (..., m, n)): s holds the k = min(m, n) singular
// values in descending order (real: float32 for float32 and complex64
// input); u and vh, of x's float dtype, have orthonormal columns and rows.
// By default u is m×m and vh n×n; FullMatrices(false) gives m×k and k×n.
// Singular vectors are not unique (signs, phases). An infinity or NaN is an
// *Error wrapping ErrNonFinite (NumPy: LinAlgError "SVD did not converge").
func Svd(x *arrays.Array, opts ...Option) (u, s, vh *arrays.Array) {
	const op = "linalg.Svd"
	c := configure(op, optFullMatrices, opts)
	st := load(op, x, false)
	defer st.release()
	m, n, k := st.m, st.n, min(st.m, st.n)
	uc, vr := k, k
	if c.fullMatrices {
		uc, vr = m, n
	}
	nb := st.count()
	sv := make([]float64, nb*k)
	var ure, vre []float64
	var ucx, vcx []complex128
	if st.cplx {
		ucx, vcx = make([]complex128, nb*m*uc), make([]complex128, nb*vr*n)
	} else {
		ure, vre = make([]float64, nb*m*uc), make([]float64, nb*vr*n)
	}
	st.each(func(b int) error {
		r, err := svdMatrix(st, b, true, c.fullMatrices)
		if err != nil {
			return err
		}
		copy(sv[b*k:], r.s)
		if st.cplx {
			copy(ucx[b*m*uc:], r.ucx)
			copy(vcx[b*vr*n:], r.vcx)
		} else {
			copy(ure[b*m*uc:], r.ure)
			copy(vre[b*vr*n:], r.vre)
		}
		return nil
	})
	s = result(sv, st.with(k), realDType(st.dt), x)
	if st.cplx {
		return result(ucx, st.with(m, uc), st.dt, x), s, result(vcx, st.with(vr, n), st.dt, x)
	}
	return result(ure, st.with(m, uc), st.dt, x), s, result(vre, st.with(vr, n), st.dt, x)
}

// Svdvals returns the singular values of each matrix of x, in descending
// order, as Svd.
func Svdvals(x *arrays.Array) *arrays.Array {
	st := load("linalg.Svdvals", x, false)
	defer st.release()
	return result(svdvalsStack(st), st.with(min(st.m, st.n)), realDType(st.dt), x)
}

// rtolOf is the relative tolerance of Pinv and MatrixRank: Rtol's, or
// max(m, n)·eps of the dtype.
func rtolOf(c *config, s *stack) float64 {
	if c.has(optRtol) {
		return c.rtol
	}
	return float64(max(s.m, s.n)) * eps(s.dt)
}

// Pinv returns the Moore-Penrose pseudo-inverse of each matrix of x (shape
// (..., m, n); the result is (..., n, m)), from its SVD: singular values
// at or below rtol times the largest count as zero. Options: Rtol (default
// max(m, n)·eps of the dtype, the array API standard's default; NumPy's
// pinv defaults to 1e-15), Hermitian (use the eigenvalue decomposition of
// the lower triangle of a Hermitian matrix).
func Pinv(x *arrays.Array, opts ...Option) *arrays.Array {
	const op = "linalg.Pinv"
	c := configure(op, optRtol|optHermitian, opts)
	st := load(op, x, c.hermitian)
	defer st.release()
	m, n := st.m, st.n
	rtol := rtolOf(c, st)
	nb := st.count()
	var outRe []float64
	var outCx []complex128
	if st.cplx {
		outCx = make([]complex128, nb*n*m)
	} else {
		outRe = make([]float64, nb*n*m)
	}
	if c.hermitian {
		w, vre, vcx := eighStack(st, true)
		for b := 0; b < nb; b++ {
			ww := w[b*n : (b+1)*n]
			largest := 0.0
			for _, v := range ww {
				largest = math.Max(largest, math.Abs(v))
			}
			cut := rtol * largest
			for l := 0; l < n; l++ {
				if !(math.Abs(ww[l]) > cut) {
					continue
				}
				inv := 1 / ww[l]
				for i := 0; i < n; i++ {
					for j := 0; j < n; j++ {
						if st.cplx {
							outCx[b*n*n+i*n+j] += vcx[b*n*n+i*n+l] * complex(inv, 0) * cmplx.Conj(vcx[b*n*n+j*n+l])
						} else {
							outRe[b*n*n+i*n+j] += vre[b*n*n+i*n+l] * inv * vre[b*n*n+j*n+l]
						}
					}
				}
			}
		}
	} else {
		st.each(func(b int) error {
			r, err := svdMatrix(st, b, true, false)
			if err != nil {
				return err
			}
			k := len(r.s)
			if k == 0 {
				return nil
			}
			cut := rtol * r.s[0]
			for l := 0; l < k; l++ {
				if !(r.s[l] > cut) {
					continue
				}
				inv := 1 / r.s[l]
				// pinv[i, j] += conj(vh[l, i]) / s_l * conj(u[j, l])
				for i := 0; i < n; i++ {
					if st.cplx {
						vi := cmplx.Conj(r.vcx[l*n+i]) * complex(inv, 0)
						row := outCx[b*n*m+i*m : b*n*m+(i+1)*m]
						for j := range row {
							row[j] += vi * cmplx.Conj(r.ucx[j*k+l])
						}
					} else {
						vi := r.vre[l*n+i] * inv
						row := outRe[b*n*m+i*m : b*n*m+(i+1)*m]
						for j := range row {
							row[j] += vi * r.ure[j*k+l]
						}
					}
				}
			}
			return nil
		})
	}
	if st.cplx {
		return result(outCx, st.with(n, m), st.dt, x)
	}
	return result(outRe, st.with(n, m), st.dt, x)
}

// MatrixRank returns the rank of each matrix of x (shape (..., m, n)) as
// int64: the number of singular values above the tolerance, which is Tol
// if given, else Rtol (default max(m, n)·eps of the dtype) times the
// largest singular value. Hermitian uses the eigenvalues of the lower
// triangle instead of an SVD. An empty matrix has rank 0 (NumPy raises an
// error there).
func MatrixRank(x *arrays.Array, opts ...Option) *arrays.Array {
	const op = "linalg.MatrixRank"
	c := configure(op, optRtol|optTol|optHermitian, opts)
	st := load(op, x, c.hermitian)
	defer st.release()
	k := min(st.m, st.n)
	var sv []float64
	if c.hermitian {
		sv, _, _ = eighStack(st, false)
		for i := range sv {
			sv[i] = math.Abs(sv[i])
		}
	} else {
		sv = svdvalsStack(st)
	}
	rtol := rtolOf(c, st)
	nb := st.count()
	out := make([]int64, nb)
	for b := 0; b < nb; b++ {
		vals := sv[b*k : (b+1)*k]
		largest := 0.0
		for _, v := range vals {
			largest = math.Max(largest, v)
		}
		tol := rtol * largest
		if c.has(optTol) {
			tol = c.tol
		}
		for _, v := range vals {
			if v > tol {
				out[b]++
			}
		}
	}
	r := arrays.FromSlice(out).Reshape(st.batch...)
	if r.Device() != x.Device() {
		r = r.To(x.Device())
	}
	return r
}

// Lstsq returns the least-squares solution x of a·x = b for the m×n matrix
// a and b of shape (m,) or (m, k), as NumPy's lstsq: the solution of least
// norm, from the SVD of a (LAPACK's gelsd also uses one); singular values
// at or below rcond times the largest count as zero (Rcond; default
// max(m, n)·eps of the dtype, NumPy's rcond=None). It returns the solution
// (shape (n,) or (n, k)), the sums of squared residuals (shape (1,) or
// (k,); empty unless rank = n < m), the rank of a, and a's singular
// values. An infinity or NaN in a is an *Error wrapping ErrNonFinite.
func Lstsq(a, b *arrays.Array, opts ...Option) (x, residuals *arrays.Array, rank int, s *arrays.Array) {
	const op = "linalg.Lstsq"
	c := configure(op, optRcond, opts)
	if a == nil || b == nil {
		panic(valueErr(op, "nil array"))
	}
	as, bs := a.Shape(), b.Shape()
	if len(as) != 2 {
		panic(shapeErr(op, "a must be a matrix (2 dimensions); shapes", as, bs))
	}
	m, n := as[0], as[1]
	if len(bs) < 1 || len(bs) > 2 || bs[0] != m {
		panic(shapeErr(op, "b must have shape (m,) or (m, k) for an m×n matrix a; shapes", as, bs))
	}
	dt := floatDType(arrays.ResultType(a, b))
	cplx := dt == arrays.Complex64 || dt == arrays.Complex128
	k := 1
	if len(bs) == 2 {
		k = bs[1]
	}
	st := load(op, a.Astype(dt), false)
	defer st.release()
	var bre []float64
	var bcx []complex128
	if cplx {
		bcx = b.Astype(arrays.Complex128).Data().([]complex128)
	} else {
		bre = b.Astype(arrays.Float64).Data().([]float64)
	}
	var r svdOne
	forEach(op, nil, func(int) error {
		var err error
		r, err = svdMatrix(st, 0, true, false)
		return err
	})
	q := len(r.s)
	rcond := float64(max(m, n)) * eps(dt)
	if c.has(optRcond) {
		rcond = c.rcond
		if rcond < 0 {
			rcond = eps(dt)
		}
	}
	if q > 0 {
		cut := rcond * r.s[0]
		for _, v := range r.s {
			if v > cut {
				rank++
			}
		}
	}
	// x = Σ_{l<rank} vh[l,:]ᴴ (u[:,l]ᴴ b) / s_l
	var xre []float64
	var xcx []complex128
	if cplx {
		xcx = make([]complex128, n*k)
		for l := 0; l < rank; l++ {
			for col := 0; col < k; col++ {
				var t complex128
				for i := 0; i < m; i++ {
					t += cmplx.Conj(r.ucx[i*q+l]) * bcx[i*k+col]
				}
				t /= complex(r.s[l], 0)
				for j := 0; j < n; j++ {
					xcx[j*k+col] += cmplx.Conj(r.vcx[l*n+j]) * t
				}
			}
		}
	} else {
		xre = make([]float64, n*k)
		for l := 0; l < rank; l++ {
			for col := 0; col < k; col++ {
				var t float64
				for i := 0; i < m; i++ {
					t += r.ure[i*q+l] * bre[i*k+col]
				}
				t /= r.s[l]
				for j := 0; j < n; j++ {
					xre[j*k+col] += r.vre[l*n+j] * t
				}
			}
		}
	}
	res := []float64{}
	if rank == n && m > n {
		res = make([]float64, k)
		for col := 0; col < k; col++ {
			var sum float64
			for i := 0; i < m; i++ {
				if cplx {
					d := bcx[i*k+col]
					for j := 0; j < n; j++ {
						d -= st.cx[i*n+j] * xcx[j*k+col]
					}
					sum += real(d)*real(d) + imag(d)*imag(d)
				} else {
					d := bre[i*k+col]
					for j := 0; j < n; j++ {
						d -= st.re[i*n+j] * xre[j*k+col]
					}
					sum += d * d
				}
			}
			res[col] = sum
		}
	}
	xShape := []int{n, k}
	if len(bs) == 1 {
		xShape = []int{n}
	}
	if cplx {
		x = result(xcx, xShape, dt, a)
	} else {
		x = result(xre, xShape, dt, a)
	}
	return x, result(res, []int{len(res)}, realDType(dt), a), rank, result(r.s, []int{q}, realDType(dt), a)
}
