package linalg

import (
	"fmt"
	"math"
	"math/cmplx"
	"sync"

	"gonum.org/v1/gonum/blas/blas64"

	"workbench/arrays"
	"workbench/arrays/internal/adopt"
	"workbench/arrays/linalg/internal/clapack"
	"workbench/arrays/linalg/internal/lu"
	"workbench/arrays/shape"
	"workbench/devices"
)

// general wraps a row-major r×c matrix for gonum.
func general(r, c int, a []float64) blas64.General {
	return blas64.General{Rows: r, Cols: c, Stride: max(1, c), Data: a}
}

// luRe factorizes the n×n row-major matrix a in place (LAPACK's dgetrf,
// package lu); ok is false for an exactly singular matrix (a zero pivot).
func luRe(n int, a []float64) (ipiv []int, ok bool) {
	ipiv = make([]int, n)
	return ipiv, lu.Factor(n, n, a, max(1, n), ipiv) < 0
}

// Real matrices are factorized in scratch buffers that are used again:
// fresh memory costs a page fault per page on first touch, which for a
// 1000×1000 matrix takes longer than its factorization.

// scratchMin is the least number of elements worth recycling.
const scratchMin = 1 << 12

// scratchSizes bounds the number of buffer lengths kept.
const scratchSizes = 64

// scratch holds the free buffers, by length.
var scratch struct {
	sync.Mutex
	pools map[int]*sync.Pool
}

// scratchPool returns the pool of buffers of n float64s, nil when there
// is none and there are scratchSizes pools already.
func scratchPool(n int) *sync.Pool {
	scratch.Lock()
	defer scratch.Unlock()
	p := scratch.pools[n]
	if p == nil && len(scratch.pools) < scratchSizes {
		if scratch.pools == nil {
			scratch.pools = map[int]*sync.Pool{}
		}
		p = new(sync.Pool)
		scratch.pools[n] = p
	}
	return p
}

// getScratch returns a buffer of n float64s, with whatever contents its
// last user left: one given back by putScratch, else one of the arrays'
// recycled buffers (devices.HostSlice), else fresh memory.
func getScratch(n int) []float64 {
	if n < scratchMin {
		return make([]float64, n)
	}
	if p := scratchPool(n); p != nil {
		if s, _ := p.Get().(*[]float64); s != nil {
			return *s
		}
	}
	return hostFloat64s(n)
}

// putScratch gives back a buffer of getScratch, which the caller no
// longer uses.
func putScratch(s []float64) {
	if len(s) < scratchMin {
		return
	}
	if p := scratchPool(len(s)); p != nil {
		p.Put(&s)
	}
}

// loadRe copies the matrices of the stack x (shape (..., m, n), real)
// converted to float64 into a scratch buffer, in C order; the caller
// gives it back with putScratch.
func loadRe(x *arrays.Array, batch []int, m, n int) []float64 {
	shp := append(append([]int{}, batch...), m, n)
	size := shape.Shape(shp).Size()
	buf := getScratch(size)
	if size > 0 {
		// A device array (the caller gave the notice) comes over first.
		arrays.FromSlice(buf).Reshape(shp...).Assign(x.To(devices.CPU()))
	}
	return buf
}

// pooled builds the result of shape shp and dtype dt from float64 data in
// C order that the caller no longer uses, on like's device; data's memory
// goes back to the arrays' pool once the float64 array is unreachable.
func pooled(data []float64, shp []int, dt arrays.DType, like *arrays.Array) *arrays.Array {
	a := adopt.Adopt(data, shp).(*arrays.Array).Astype(dt)
	if like != nil && a.Device() != like.Device() {
		a = a.To(like.Device())
	}
	return a
}

// squareStack checks that x is a square matrix or a stack of them for op
// and returns its leading axes and order (the checks of load).
func squareStack(op string, x *arrays.Array) (batch []int, n int) {
	if x == nil {
		panic(valueErr(op, "nil array"))
	}
	shp := x.Shape()
	if len(shp) < 2 {
		panic(shapeErr(op, "needs a matrix or a stack of matrices (at least 2 dimensions), got shape", shp))
	}
	m, n := shp[len(shp)-2], shp[len(shp)-1]
	if m != n {
		panic(shapeErr(op, fmt.Sprintf("needs square matrices in the last two axes, got %d×%d; shape", m, n), shp))
	}
	noteCPU(op, x)
	return shp[:len(shp)-2], n
}

// Inv returns the inverse of each square matrix of x (shape (..., n, n)).
// It panics with an *Error wrapping ErrSingular when a matrix is exactly
// singular (a zero pivot), naming its index in a stack. Integers and bools
// compute in float64. A 0×0 matrix has a 0×0 inverse. As NumPy's, a real
// inverse is the solution of A·X = I from the LU factorization of A.
func Inv(x *arrays.Array) *arrays.Array {
	const op = "linalg.Inv"
	batch, n := squareStack(op, x)
	dt := floatDType(x.DType())
	if dt == arrays.Complex64 || dt == arrays.Complex128 {
		s := load(op, x, true)
		sz := n * n
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
	shp := x.Shape()
	ad := loadRe(x, batch, n, n)
	defer putScratch(ad)
	out := hostFloat64s(len(ad))
	sz := n * n
	forEach(op, batch, func(b int) error {
		if n == 0 {
			return nil
		}
		a, inv := ad[b*sz:(b+1)*sz], out[b*sz:(b+1)*sz]
		ipiv, ok := luRe(n, a)
		if !ok {
			return ErrSingular
		}
		clear(inv)
		for i := 0; i < n; i++ {
			inv[i*n+i] = 1
		}
		lu.Solve(n, n, a, n, ipiv, inv, n)
		return nil
	})
	return pooled(out, shp, dt, x)
}

// hostFloat64s returns n float64s for a result that is written whole:
// recycled memory when the arrays' pool has a buffer of that size.
func hostFloat64s(n int) []float64 {
	data, err := devices.HostSlice(arrays.Float64, n)
	if err != nil {
		panic(err)
	}
	return data.([]float64)
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
	noteCPU(op, a, b)
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
	ad := loadRe(am, batch, n, n)
	defer putScratch(ad)
	bd := bm.Astype(arrays.Float64).Data().([]float64)
	forEach(op, batch, func(i int) error {
		if n == 0 || k == 0 {
			return nil
		}
		a := ad[i*sa : (i+1)*sa]
		ipiv, ok := luRe(n, a)
		if !ok {
			return ErrSingular
		}
		lu.Solve(n, k, a, n, ipiv, bd[i*sb:(i+1)*sb], max(1, k))
		return nil
	})
	return pooled(bd, outShape, dt, a)
}

// slogdets computes the sign and the log of the absolute value of the
// determinant of each matrix of x (the stack of square matrices, checked,
// with leading axes batch) as NumPy does: from the LU factorization, sign
// = ±1 (or u/|u| products for complex) and logabsdet = Σ log|u_ii|; an
// exactly singular matrix has sign 0 and logabsdet -Inf. cplx tells which
// of signRe and signCx it returns.
func slogdets(op string, x *arrays.Array, batch []int, n int, cplx bool) (signRe []float64, signCx []complex128, logdet []float64) {
	if cplx {
		return slogdetsCx(load(op, x, true))
	}
	nb := shape.Shape(batch).Size()
	logdet = make([]float64, nb)
	signRe = make([]float64, nb)
	ad := loadRe(x, batch, n, n)
	defer putScratch(ad)
	sz := n * n
	forEach(op, batch, func(b int) error {
		a := ad[b*sz : (b+1)*sz]
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
	return signRe, nil, logdet
}

// slogdetsCx is slogdets for a complex stack.
func slogdetsCx(s *stack) (signRe []float64, signCx []complex128, logdet []float64) {
	nb := s.count()
	n := s.n
	logdet = make([]float64, nb)
	signCx = make([]complex128, nb)
	s.each(func(b int) error {
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
	})
	return nil, signCx, logdet
}

// Det returns the determinant of each square matrix of x (shape
// (..., n, n)), with x's float dtype (integers and bools give float64).
// As NumPy's, it is computed from the LU factorization as
// sign·exp(Σ log|u_ii|), which neither overflows nor underflows on the way;
// a 0×0 matrix has determinant 1.
func Det(x *arrays.Array) *arrays.Array {
	const op = "linalg.Det"
	batch, n := squareStack(op, x)
	dt := floatDType(x.DType())
	cplx := dt == arrays.Complex64 || dt == arrays.Complex128
	sr, sc, ld := slogdets(op, x, batch, n, cplx)
	if cplx {
		out := make([]complex128, len(ld))
		for i := range out {
			out[i] = sc[i] * complex(math.Exp(ld[i]), 0)
		}
		return result(out, batch, dt, x)
	}
	out := make([]float64, len(ld))
	for i := range out {
		out[i] = sr[i] * math.Exp(ld[i])
	}
	return result(out, batch, dt, x)
}

// Slogdet returns the sign and the natural log of the absolute value of
// the determinant of each square matrix of x. The sign has x's float
// dtype (a complex number of modulus 1 for complex x) and is 0 for a
// singular matrix, whose logabsdet is -Inf; logabsdet is real.
func Slogdet(x *arrays.Array) (sign, logabsdet *arrays.Array) {
	const op = "linalg.Slogdet"
	batch, n := squareStack(op, x)
	dt := floatDType(x.DType())
	cplx := dt == arrays.Complex64 || dt == arrays.Complex128
	sr, sc, ld := slogdets(op, x, batch, n, cplx)
	if cplx {
		sign = result(sc, batch, dt, x)
	} else {
		sign = result(sr, batch, dt, x)
	}
	return sign, result(ld, batch, realDType(dt), x)
}
