package random

import (
	"math"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/lapack/lapack64"

	"workbench/arrays"
)

// mvnTol is the tolerance of NumPy's multivariate_normal (tol=1e-8).
const mvnTol = 1e-8

// MultivariateNormal draws from the multivariate normal distribution with
// the given mean (a []float64 or 1-D array of length n) and covariance (a
// [][]float64 or n×n array), as rng.multivariate_normal(mean, cov, size,
// method=...): the result has shape size + [n], and is mean + z @ F.T for
// standard normals z drawn as rng.standard_normal(size + [n]) and a factor
// F with F @ F.T = cov:
//
//   - Method("svd") (the default, as NumPy): F = u * sqrt(s) from the SVD
//     of cov (gonum's LAPACK Dgesvd);
//   - Method("eigh"): F = u * sqrt(|w|) from the eigendecomposition of cov
//     (its lower triangle, gonum's Dsyev);
//   - Method("cholesky"): F = L, the lower Cholesky factor of cov.
//
// The normals are NumPy's, bit for bit. With "cholesky" the result is
// NumPy's to rounding. The singular and eigen vectors are only defined up
// to sign (and up to a rotation for repeated values), and gonum's may
// differ from NumPy's LAPACK there, so "svd" and "eigh" draw from the same
// distribution as NumPy but not always the same numbers.
//
// NumPy's check_valid="warn" becomes an error: a covariance that is not
// symmetric positive semi-definite (within 1e-8, NumPy's test for the
// method) panics with an *Error, as does a Cholesky factorization that
// fails, shapes that do not match, or an unknown method.
func (g *Generator) MultivariateNormal(mean, cov any, size []int, opts ...Option) *arrays.Array {
	const op = "MultivariateNormal"
	o := configure(op, opts)
	if o.method != "svd" && o.method != "eigh" && o.method != "cholesky" {
		panic(errorf(op, "method must be one of svd, eigh, cholesky, got %q", o.method))
	}
	dev := inputDevice(op, arrayArg(mean), arrayArg(cov))
	mu := mvnMean(op, mean)
	n := len(mu)
	c := mvnCov(op, cov)
	if c.Rows != n {
		panic(errorf(op, "mean and cov must have the same length, got %d and %d", n, c.Rows))
	}
	shape := append(append([]int{}, size...), n)
	m := checkShape(op, shape)
	z := make([]float64, m)
	g.fillStandardNormal(z)

	f := mvnFactor(op, o.method, c)
	out := make([]float64, m)
	for r := 0; r+n <= m && n > 0; r += n {
		zr := z[r : r+n]
		for i := 0; i < n; i++ {
			// x[i] = mean[i] + sum_k z[k] F[i][k]
			s := 0.0
			fi := f[i*n : (i+1)*n]
			for k, zk := range zr {
				s += float64(zk * fi[k])
			}
			out[r+i] = mu[i] + s
		}
	}
	return placed(op, "random sampling", dev, wrap(out, shape))
}

func mvnMean(op string, mean any) []float64 {
	switch v := mean.(type) {
	case []float64:
		return v
	case *arrays.Array:
		if v.Ndim() != 1 {
			panic(errorf(op, "mean must be 1-dimensional, got shape %v", v.Shape()))
		}
		if v.DType().IsComplex() {
			panic(errorf(op, "mean must not be complex"))
		}
		return v.Float64s()
	}
	panic(errorf(op, "mean must be a []float64 or a 1-D array, got %T", mean))
}

func mvnCov(op string, cov any) blas64.General {
	var rows, cols int
	var data []float64
	switch v := cov.(type) {
	case [][]float64:
		rows = len(v)
		for i, r := range v {
			if len(r) != rows {
				panic(errorf(op, "cov must be 2-dimensional and square, row %d has length %d, want %d", i, len(r), rows))
			}
			data = append(data, r...)
		}
		cols = rows
	case *arrays.Array:
		if v.DType().IsComplex() {
			panic(errorf(op, "cov must not be complex"))
		}
		s := v.Shape()
		if len(s) != 2 || s[0] != s[1] {
			panic(errorf(op, "cov must be 2-dimensional and square, got shape %v", s))
		}
		rows, cols, data = s[0], s[1], v.Float64s()
	default:
		panic(errorf(op, "cov must be a [][]float64 or a 2-D array, got %T", cov))
	}
	return blas64.General{Rows: rows, Cols: cols, Stride: max(cols, 1), Data: data}
}

// mvnFactor returns F (n×n, row-major) with F @ F.T = cov.
func mvnFactor(op, method string, c blas64.General) []float64 {
	n := c.Rows
	f := make([]float64, n*n)
	if n == 0 {
		return f
	}
	switch method {
	case "cholesky":
		a := append([]float64{}, c.Data...)
		t, ok := lapack64.Potrf(blas64.Symmetric{Uplo: blas.Lower, N: n, Stride: n, Data: a})
		if !ok {
			panic(errorf(op, "cov is not positive definite (the Cholesky factorization failed)"))
		}
		for i := 0; i < n; i++ {
			for k := 0; k <= i; k++ {
				f[i*n+k] = t.Data[i*t.Stride+k]
			}
		}
	case "svd":
		a := blas64.General{Rows: n, Cols: n, Stride: n, Data: append([]float64{}, c.Data...)}
		u := blas64.General{Rows: n, Cols: n, Stride: n, Data: make([]float64, n*n)}
		vt := blas64.General{Rows: n, Cols: n, Stride: n, Data: make([]float64, n*n)}
		s := make([]float64, n)
		work := []float64{0}
		lapack64.Gesvd(lapack.SVDAll, lapack.SVDAll, a, u, vt, s, work, -1)
		work = make([]float64, int(work[0]))
		if !lapack64.Gesvd(lapack.SVDAll, lapack.SVDAll, a, u, vt, s, work, len(work)) {
			panic(errorf(op, "the SVD of cov did not converge"))
		}
		// NumPy's check: allclose(vh.T * s @ vh, cov, rtol=tol, atol=tol).
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				r := 0.0
				for k := 0; k < n; k++ {
					r += vt.Data[k*n+i] * s[k] * vt.Data[k*n+j]
				}
				want := c.Data[i*c.Stride+j]
				if !(math.Abs(r-want) <= mvnTol+mvnTol*math.Abs(want)) {
					panic(errorf(op, "covariance is not symmetric positive-semidefinite (cov[%d][%d] = %v, but the SVD gives back %v)", i, j, want, r))
				}
			}
		}
		for i := 0; i < n; i++ {
			for k := 0; k < n; k++ {
				f[i*n+k] = u.Data[i*n+k] * math.Sqrt(s[k])
			}
		}
	case "eigh":
		a := append([]float64{}, c.Data...)
		w := make([]float64, n)
		sym := blas64.Symmetric{Uplo: blas.Lower, N: n, Stride: n, Data: a}
		work := []float64{0}
		lapack64.Syev(lapack.EVCompute, sym, w, work, -1)
		work = make([]float64, int(work[0]))
		if !lapack64.Syev(lapack.EVCompute, sym, w, work, len(work)) {
			panic(errorf(op, "the eigendecomposition of cov did not converge"))
		}
		for _, v := range w {
			if v < -mvnTol {
				panic(errorf(op, "covariance is not symmetric positive-semidefinite (eigenvalue %v)", v))
			}
		}
		for i := 0; i < n; i++ {
			for k := 0; k < n; k++ {
				f[i*n+k] = a[i*n+k] * math.Sqrt(math.Abs(w[k]))
			}
		}
	}
	return f
}
