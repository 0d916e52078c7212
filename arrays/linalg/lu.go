package linalg

import (
	"fmt"
	"math"
	"math/cmplx"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack/lapack64"

	"workbench/arrays"
	"workbench/arrays/linalg/internal/clapack"
	"workbench/arrays/shape"
)

// general wraps a row-major r×c matrix for gonum.
func general(r, c int, a []float64) blas64.General {
	return blas64.General{Rows: r, Cols: c, Stride: max(1, c), Data: a}
}

// luRe factorizes the n×n matrix a in place (LAPACK's dgetrf); ok is false
// for an exactly singular matrix.
func luRe(n int, a []float64) (ipiv []int, ok bool) {
	ipiv = make([]int, n)
	ok = lapack64.Getrf(general(n, n, a), ipiv)
	return ipiv, ok
}

// Inv returns the inverse of each square matrix of x (shape (..., n, n)).
// It panics with an *Error wrapping ErrSingular when a matrix is exactly
// singular (a zero pivot), naming its index in a stack. Integers and bools
// compute in float64. A 0×0 matrix has a 0×0 inverse.
func Inv(x *arrays.Array) *arrays.Array {
	s := load("linalg.Inv", x, true)
	n := s.n
	sz := n * n
	if s.cplx {
		out := make([]complex128, len(s.cx))
		s.each(func(b int) error {
			a := s.matCx(b)
			if err := clapack.Inverse(n, a); err != nil {
				return fromClapack(err)
			}
			copy(out[b*sz:], a)
			return nil
		})
		return result(out, s.shape, s.dt, x)
	}
	out := make([]float64, len(s.re))
	s.each(func(b int) error {
		if n == 0 {
			return nil
		}
		a := s.matRe(b)
		ipiv, ok := luRe(n, a)
		if !ok {
			return ErrSingular
		}
		g := general(n, n, a)
		work := make([]float64, 1)
		lapack64.Getri(g, ipiv, work, -1)
		work = make([]float64, max(n, int(work[0])))
		if !lapack64.Getri(g, ipiv, work, len(work)) {
			return ErrSingular
		}
		copy(out[b*sz:], a)
		return nil
	})
	return result(out, s.shape, s.dt, x)
}

// Solve returns the solution X of A·X = B for each square matrix of a
// (shape (..., n, n)), as the array API standard's solve: b is a vector
// when it is 1-d (shape (n,), the same for every matrix of a stack; the
// result has shape (..., n)), and otherwise a stack of n×k matrices whose
// leading axes broadcast against a's (the result has shape
// (broadcast..., n, k)). The dtype is the promotion of a's and b's
// (integers and bools compute in float64). An exactly singular matrix is
// an *Error wrapping ErrSingular, with its index in the stack.
func Solve(a, b *arrays.Array) *arrays.Array {
	const op = "linalg.Solve"
	if a == nil || b == nil {
		panic(valueErr(op, "nil array"))
	}
	as, bs := a.Shape(), b.Shape()
	if len(as) < 2 || as[len(as)-1] != as[len(as)-2] {
		panic(shapeErr(op, "a must be a square matrix or a stack of square matrices; shapes", as, bs))
	}
	n := as[len(as)-1]
	dt := floatDType(arrays.ResultType(a, b))
	var batch []int
	var bm *arrays.Array
	k := 1
	vector := len(bs) == 1
	switch {
	case len(bs) == 0:
		panic(shapeErr(op, "b must be a vector or a stack of matrices, not 0-d; shapes", as, bs))
	case vector:
		if bs[0] != n {
			panic(shapeErr(op, fmt.Sprintf("b has %d elements, a's matrices have %d rows; shapes", bs[0], n), as, bs))
		}
		batch = as[:len(as)-2]
		bm = b.Reshape(n, 1)
	default:
		if bs[len(bs)-2] != n {
			panic(shapeErr(op, fmt.Sprintf("b's matrices have %d rows, a's have %d; shapes", bs[len(bs)-2], n), as, bs))
		}
		k = bs[len(bs)-1]
		bb, err := shape.Broadcast(as[:len(as)-2], bs[:len(bs)-2])
		if err != nil {
			panic(shapeErr(op, "the stacked (batch) axes of a and b do not broadcast; shapes", as, bs))
		}
		batch = bb
		bm = b
	}
	full := func(dims ...int) []int { return append(append([]int{}, batch...), dims...) }
	am := arrays.BroadcastTo(a, full(n, n)...)
	bm = arrays.BroadcastTo(bm, full(n, k)...)
	outShape := full(n, k)
	if vector {
		outShape = full(n)
	}
	cplx := dt == arrays.Complex64 || dt == arrays.Complex128
	sa, sb := n*n, n*k
	if cplx {
		ad := am.Astype(arrays.Complex128).Data().([]complex128)
		bd := bm.Astype(arrays.Complex128).Data().([]complex128)
		forEach(op, batch, func(i int) error {
			if n == 0 || k == 0 {
				return nil
			}
			lu := append([]complex128(nil), ad[i*sa:(i+1)*sa]...)
			piv, _, singular := clapack.LU(n, lu)
			if singular {
				return ErrSingular
			}
			clapack.LUSolve(n, k, lu, piv, bd[i*sb:(i+1)*sb])
			return nil
		})
		return result(bd, outShape, dt, a)
	}
	ad := am.Astype(arrays.Float64).Data().([]float64)
	bd := bm.Astype(arrays.Float64).Data().([]float64)
	forEach(op, batch, func(i int) error {
		if n == 0 || k == 0 {
			return nil
		}
		lu := append([]float64(nil), ad[i*sa:(i+1)*sa]...)
		ipiv, ok := luRe(n, lu)
		if !ok {
			return ErrSingular
		}
		lapack64.Getrs(blas.NoTrans, general(n, n, lu), general(n, k, bd[i*sb:(i+1)*sb]), ipiv)
		return nil
	})
	return result(bd, outShape, dt, a)
}

// slogdets computes the sign and the log of the absolute value of the
// determinant of each matrix of s, as NumPy does: from the LU
// factorization, sign = ±1 (or u/|u| products for complex) and logabsdet =
// Σ log|u_ii|; an exactly singular matrix has sign 0 and logabsdet -Inf.
func slogdets(s *stack) (signRe []float64, signCx []complex128, logdet []float64) {
	nb := s.count()
	n := s.n
	logdet = make([]float64, nb)
	if s.cplx {
		signCx = make([]complex128, nb)
	} else {
		signRe = make([]float64, nb)
	}
	s.each(func(b int) error {
		if s.cplx {
			a := s.matCx(b)
			sg, ld := complex(1, 0), 0.0
			if n > 0 {
				_, psign, singular := clapack.LU(n, a)
				if singular {
					signCx[b], logdet[b] = 0, math.Inf(-1)
					return nil
				}
				sg = complex(float64(psign), 0)
				for i := 0; i < n; i++ {
					u := a[i*n+i]
					au := cmplx.Abs(u)
					sg *= u / complex(au, 0)
					ld += math.Log(au)
				}
			}
			signCx[b], logdet[b] = sg, ld
			return nil
		}
		a := s.matRe(b)
		sg, ld := 1.0, 0.0
		if n > 0 {
			ipiv, ok := luRe(n, a)
			if !ok {
				signRe[b], logdet[b] = 0, math.Inf(-1)
				return nil
			}
			for i := 0; i < n; i++ {
				if ipiv[i] != i {
					sg = -sg
				}
				u := a[i*n+i]
				if u < 0 {
					sg = -sg
				}
				ld += math.Log(math.Abs(u))
			}
		}
		signRe[b], logdet[b] = sg, ld
		return nil
	})
	return signRe, signCx, logdet
}

// Det returns the determinant of each square matrix of x (shape
// (..., n, n)), with x's float dtype (integers and bools give float64).
// As NumPy's, it is computed from the LU factorization as
// sign·exp(Σ log|u_ii|), which neither overflows nor underflows on the way;
// a 0×0 matrix has determinant 1.
func Det(x *arrays.Array) *arrays.Array {
	s := load("linalg.Det", x, true)
	sr, sc, ld := slogdets(s)
	if s.cplx {
		out := make([]complex128, len(ld))
		for i := range out {
			out[i] = sc[i] * complex(math.Exp(ld[i]), 0)
		}
		return result(out, s.batch, s.dt, x)
	}
	out := make([]float64, len(ld))
	for i := range out {
		out[i] = sr[i] * math.Exp(ld[i])
	}
	return result(out, s.batch, s.dt, x)
}

// Slogdet returns the sign and the natural log of the absolute value of
// the determinant of each square matrix of x. The sign has x's float
// dtype (a complex number of modulus 1 for complex x) and is 0 for a
// singular matrix, whose logabsdet is -Inf; logabsdet is real.
func Slogdet(x *arrays.Array) (sign, logabsdet *arrays.Array) {
	s := load("linalg.Slogdet", x, true)
	sr, sc, ld := slogdets(s)
	if s.cplx {
		sign = result(sc, s.batch, s.dt, x)
	} else {
		sign = result(sr, s.batch, s.dt, x)
	}
	return sign, result(ld, s.batch, realDType(s.dt), x)
}
