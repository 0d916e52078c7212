package kernels

import (
	"math"
	"math/cmplx"
	"sync"
)

// un1D is a loop of n steps over a run: d[od+i*ds] = f(s[os+i*ss]).
type un1D[T, R any] func(n int, d []R, od, ds int, s []T, os, ss int)

// Unary computes dst = op(src) element-wise over shape. dst holds bool for
// the predicates (Signbit, IsNaN, IsInf, IsFinite, LogicalNot), the matching
// real type for Abs, Real and Imag of complex input, and src's type for the
// rest.
func Unary(op UnaryOp, shape []int, dst, src Operand) error {
	l := newElementwiseLoop(shape, dst, src)
	if l.size == 0 {
		return nil
	}
	switch s := src.Data.(type) {
	case []bool:
		if d, ok := dst.Data.([]bool); ok {
			return runUnary(l, op, d, s, boolUnary(op))
		}
	case []int8:
		return unarySigned(l, op, dst.Data, s)
	case []int16:
		return unarySigned(l, op, dst.Data, s)
	case []int32:
		return unarySigned(l, op, dst.Data, s)
	case []int64:
		return unarySigned(l, op, dst.Data, s)
	case []uint8:
		return unaryUnsigned(l, op, dst.Data, s)
	case []uint16:
		return unaryUnsigned(l, op, dst.Data, s)
	case []uint32:
		return unaryUnsigned(l, op, dst.Data, s)
	case []uint64:
		return unaryUnsigned(l, op, dst.Data, s)
	case []float32:
		return unaryFloat(l, op, dst.Data, s)
	case []float64:
		return unaryFloat(l, op, dst.Data, s)
	case []complex64:
		return unaryComplex[complex64, float32](l, op, dst.Data, s)
	case []complex128:
		return unaryComplex[complex128, float64](l, op, dst.Data, s)
	}
	return notImpl(op, src.Data)
}

func runUnary[T, R any](l *loop, op UnaryOp, d []R, s []T, k un1D[T, R]) error {
	if k == nil {
		return notImpl(op, s)
	}
	ds, ss := l.inner(0), l.inner(1)
	Parallel(l.size, Grain, func(_, lo, hi int) {
		l.runs(lo, hi, func(o []int, n int) {
			k(n, d, o[0], ds, s, o[1], ss)
		})
	})
	return nil
}

func runUnaryAny[T, R any](l *loop, op UnaryOp, dst any, s []T, k un1D[T, R]) error {
	d, ok := dst.([]R)
	if !ok {
		return &OpError{Op: op.String(), Type: typeName(s) + " into " + typeName(dst)}
	}
	return runUnary(l, op, d, s, k)
}

func unLoop[T, R any](f func(T) R) un1D[T, R] {
	return func(n int, d []R, od, ds int, s []T, os, ss int) {
		if ds == 1 && ss == 1 {
			d, s := d[od:od+n], s[os:os+n]
			for i := range d {
				d[i] = f(s[i])
			}
			return
		}
		for i := 0; i < n; i++ {
			d[od] = f(s[os])
			od, os = od+ds, os+ss
		}
	}
}

func isPredicate(op UnaryOp) bool {
	switch op {
	case Signbit, IsNaN, IsInf, IsFinite, LogicalNot:
		return true
	}
	return false
}

func boolUnary(op UnaryOp) un1D[bool, bool] {
	switch op {
	case LogicalNot, BitwiseInvert:
		return unLoop(func(x bool) bool { return !x })
	case Positive, Abs, Floor, Ceil, Trunc, Round, Conj, Real, Square:
		return unLoop(func(x bool) bool { return x })
	case IsNaN, IsInf, Signbit:
		return unLoop(func(bool) bool { return false })
	case IsFinite:
		return unLoop(func(bool) bool { return true })
	case Imag:
		return unLoop(func(bool) bool { return false })
	}
	return nil
}

func intPredicate[T integer](op UnaryOp) un1D[T, bool] {
	switch op {
	case IsNaN, IsInf:
		return unLoop(func(T) bool { return false })
	case IsFinite:
		return unLoop(func(T) bool { return true })
	case Signbit:
		return unLoop(func(x T) bool { return x < 0 })
	case LogicalNot:
		return unLoop(func(x T) bool { return x == 0 })
	}
	return nil
}

func unarySigned[T signed](l *loop, op UnaryOp, dst any, s []T) error {
	if isPredicate(op) {
		return runUnaryAny(l, op, dst, s, intPredicate[T](op))
	}
	var f func(T) T
	switch op {
	case Positive, Floor, Ceil, Trunc, Round, Conj, Real:
		f = func(x T) T { return x }
	case Imag:
		f = func(T) T { return 0 }
	case Negative:
		f = func(x T) T { return -x }
	case Abs:
		f = func(x T) T {
			if x < 0 {
				return -x
			}
			return x
		}
	case Square:
		f = func(x T) T { return x * x }
	case Sign:
		f = func(x T) T {
			switch {
			case x > 0:
				return 1
			case x < 0:
				return -1
			}
			return 0
		}
	case BitwiseInvert:
		f = func(x T) T { return ^x }
	default:
		return notImpl(op, s)
	}
	return runUnaryAny(l, op, dst, s, unLoop(f))
}

func unaryUnsigned[T unsigned](l *loop, op UnaryOp, dst any, s []T) error {
	if isPredicate(op) {
		return runUnaryAny(l, op, dst, s, intPredicate[T](op))
	}
	var f func(T) T
	switch op {
	case Positive, Abs, Floor, Ceil, Trunc, Round, Conj, Real:
		f = func(x T) T { return x }
	case Imag:
		f = func(T) T { return 0 }
	case Negative:
		f = func(x T) T { return -x }
	case Square:
		f = func(x T) T { return x * x }
	case Sign:
		f = func(x T) T {
			if x > 0 {
				return 1
			}
			return 0
		}
	case BitwiseInvert:
		f = func(x T) T { return ^x }
	default:
		return notImpl(op, s)
	}
	return runUnaryAny(l, op, dst, s, unLoop(f))
}

// floatFuncs are the float64 functions behind the float unary operations.
var floatFuncs = map[UnaryOp]func(float64) float64{
	Positive:   func(x float64) float64 { return x },
	Real:       func(x float64) float64 { return x },
	Conj:       func(x float64) float64 { return x },
	Imag:       func(x float64) float64 { return 0 },
	Negative:   func(x float64) float64 { return -x },
	Abs:        math.Abs,
	Sqrt:       math.Sqrt,
	Square:     func(x float64) float64 { return x * x },
	Reciprocal: func(x float64) float64 { return 1 / x },
	Exp:        Exp64,
	Expm1:      math.Expm1,
	Exp2:       math.Exp2,
	Log:        Log64,
	Log1p:      math.Log1p,
	Log2:       Log2_64,
	Log10:      Log10_64,
	Sin:        Sin64,
	Cos:        Cos64,
	Tan:        Tan64,
	Asin:       Asin64,
	Acos:       Acos64,
	Atan:       math.Atan,
	Sinh:       Sinh64,
	Cosh:       Cosh64,
	Tanh:       math.Tanh,
	Asinh:      math.Asinh,
	Acosh:      math.Acosh,
	Atanh:      math.Atanh,
	Floor:      math.Floor,
	Ceil:       math.Ceil,
	Trunc:      math.Trunc,
	Round:      math.RoundToEven,
	Sign: func(x float64) float64 {
		switch {
		case x > 0:
			return 1
		case x < 0:
			return -1
		case x == 0:
			return 0
		}
		return x // NaN
	},
}

func unaryFloat[T float](l *loop, op UnaryOp, dst any, s []T) error {
	switch op {
	case Signbit:
		return runUnaryAny(l, op, dst, s, unLoop(func(x T) bool { return math.Signbit(float64(x)) }))
	case IsNaN:
		return runUnaryAny(l, op, dst, s, unLoop(func(x T) bool { return x != x }))
	case IsInf:
		return runUnaryAny(l, op, dst, s, unLoop(func(x T) bool { return math.IsInf(float64(x), 0) }))
	case IsFinite:
		return runUnaryAny(l, op, dst, s, unLoop(func(x T) bool { return x-x == 0 }))
	case LogicalNot:
		return runUnaryAny(l, op, dst, s, unLoop(func(x T) bool { return x == 0 }))
	case Negative:
		return runUnaryAny(l, op, dst, s, unLoop(func(x T) T { return -x }))
	case Square:
		return runUnaryAny(l, op, dst, s, unLoop(func(x T) T { return x * x }))
	case Abs:
		return runUnaryAny(l, op, dst, s, absLoop[T])
	case Sin, Cos:
		switch s := any(s).(type) {
		case []float64:
			return runUnaryAny(l, op, dst, s, sinCosLoop(op == Cos))
		case []float32:
			cos := op == Cos
			return runUnaryAny(l, op, dst, s, vecLoop(func(d, s []float32) { sinCos32(d, s, cos) }))
		}
	case Tan:
		switch s := any(s).(type) {
		case []float64:
			return runUnaryAny(l, op, dst, s, vecLoop(tan64))
		case []float32:
			return runUnaryAny(l, op, dst, s, vecLoop(tan32))
		}
	case Exp, Log:
		switch s := any(s).(type) {
		case []float64:
			if op == Exp {
				return runUnaryAny(l, op, dst, s, vecLoop(exp64))
			}
			return runUnaryAny(l, op, dst, s, vecLoop(log64))
		case []float32:
			if op == Exp {
				return runUnaryAny(l, op, dst, s, vecLoop(exp32))
			}
			return runUnaryAny(l, op, dst, s, vecLoop(log32))
		}
	}
	f, ok := floatFuncs[op]
	if !ok {
		return notImpl(op, s)
	}
	return runUnaryAny(l, op, dst, s, unLoop(func(x T) T { return T(f(float64(x))) }))
}

// sinCosLoop is: for i := range n { d[i] = Sin64(s[i]) } (or Cos64), on
// the vector kernel (which gives the same bits), strided runs gathered.
func sinCosLoop(cos bool) un1D[float64, float64] {
	vec := func(d, s []float64) { sinCos64(d, s, cos) }
	return func(n int, d []float64, od, ds int, s []float64, os, ss int) {
		if ds == 1 && ss == 1 {
			vec(d[od:od+n], s[os:os+n])
			return
		}
		stridedVec(vec, n, d, od, ds, s, os, ss)
	}
}

// vecLoop is: for i := range n { d[i] = T(f(float64(s[i]))) } for the
// scalar function f that the vector kernel vec gives the same bits of,
// strided runs gathered.
func vecLoop[T float](vec func(d, s []T)) un1D[T, T] {
	return func(n int, d []T, od, ds int, s []T, os, ss int) {
		if ds == 1 && ss == 1 {
			vec(d[od:od+n], s[os:os+n])
			return
		}
		stridedVec(vec, n, d, od, ds, s, os, ss)
	}
}

// stridedVec runs the vector kernel vec on a strided run, in blocks
// gathered into contiguous buffers and scattered back. The kernels give
// the very bits of the scalar functions, so the result does not depend on
// the layout; a strided run costs little more than a contiguous one.
func stridedVec[T float](vec func(d, s []T), n int, d []T, od, ds int, s []T, os, ss int) {
	// The buffers come from a pool: passed to vec (a function value), they
	// would escape to the heap, an allocation per run.
	bufs := getStridedBufs[T]()
	defer putStridedBufs(bufs)
	in, out := &bufs[0], &bufs[1]
	for n > 0 {
		m := min(n, len(in))
		for i := range m {
			in[i] = s[os]
			os += ss
		}
		vec(out[:m], in[:m])
		for i := range m {
			d[od] = out[i]
			od += ds
		}
		n -= m
	}
}

// stridedBufs64 and stridedBufs32 hold the gather and result buffers of
// stridedVec.
var (
	stridedBufs64 = sync.Pool{New: func() any { return new([2][256]float64) }}
	stridedBufs32 = sync.Pool{New: func() any { return new([2][256]float32) }}
)

func getStridedBufs[T float]() *[2][256]T {
	var zero T
	if _, ok := any(zero).(float32); ok {
		return any(stridedBufs32.Get()).(*[2][256]T)
	}
	return any(stridedBufs64.Get()).(*[2][256]T)
}

func putStridedBufs[T float](b *[2][256]T) {
	switch b := any(b).(type) {
	case *[2][256]float32:
		stridedBufs32.Put(b)
	case *[2][256]float64:
		stridedBufs64.Put(b)
	}
}

// absLoop is: for i := range n { d[i] = |s[i]| } (with strides).
func absLoop[T float](n int, d []T, od, ds int, s []T, os, ss int) {
	for i := 0; i < n; i++ {
		d[od] = T(math.Abs(float64(s[os])))
		od, os = od+ds, os+ss
	}
}

// complexFuncs are the complex128 functions behind the complex unary
// operations.
var complexFuncs = map[UnaryOp]func(complex128) complex128{
	Positive:   func(z complex128) complex128 { return z },
	Negative:   func(z complex128) complex128 { return -z },
	Conj:       cmplx.Conj,
	Sqrt:       SqrtComplex,
	Square:     func(z complex128) complex128 { return z * z },
	Reciprocal: ReciprocalComplex,
	Exp:        ExpComplex,
	Expm1:      Expm1Complex,
	Exp2:       func(z complex128) complex128 { return ExpComplex(complex(real(z)*math.Ln2, imag(z)*math.Ln2)) },
	Log:        LogComplex,
	Log1p:      Log1pComplex,
	Log2:       Log2Complex,
	Log10:      Log10Complex,
	Sin: func(z complex128) complex128 {
		w := SinhComplex(complex(-imag(z), real(z)))
		return complex(imag(w), -real(w))
	},
	Cos:   func(z complex128) complex128 { return CoshComplex(complex(-imag(z), real(z))) },
	Tan:   TanComplex,
	Asin:  AsinComplex,
	Acos:  AcosComplex,
	Atan:  AtanComplex,
	Sinh:  SinhComplex,
	Cosh:  CoshComplex,
	Tanh:  TanhComplex,
	Asinh: AsinhComplex,
	Acosh: AcoshComplex,
	Atanh: AtanhComplex,
	Round: func(z complex128) complex128 {
		return complex(math.RoundToEven(real(z)), math.RoundToEven(imag(z)))
	},
	Sign: func(z complex128) complex128 {
		if IsNaNComplex(z) {
			return cmplx.NaN()
		}
		if z == 0 {
			return z
		}
		a := cmplx.Abs(z)
		if math.IsInf(a, 1) {
			re, im := real(z), imag(z)
			switch {
			case math.IsInf(re, 0) && math.IsInf(im, 0):
				return cmplx.NaN()
			case math.IsInf(re, 0):
				return complex(math.Copysign(1, re), 0)
			default:
				return complex(0, math.Copysign(1, im))
			}
		}
		return complex(real(z)/a, imag(z)/a)
	},
}

func unaryComplex[T complexT, F float](l *loop, op UnaryOp, dst any, s []T) error {
	switch op {
	case IsNaN:
		return runUnaryAny(l, op, dst, s, unLoop(func(z T) bool { return IsNaNComplex(complex128(z)) }))
	case IsInf:
		return runUnaryAny(l, op, dst, s, unLoop(func(z T) bool { return IsInfComplex(complex128(z)) }))
	case IsFinite:
		return runUnaryAny(l, op, dst, s, unLoop(func(z T) bool {
			c := complex128(z)
			return real(c)-real(c) == 0 && imag(c)-imag(c) == 0
		}))
	case LogicalNot:
		return runUnaryAny(l, op, dst, s, unLoop(func(z T) bool { return z == 0 }))
	case Abs:
		return runUnaryAny(l, op, dst, s, unLoop(func(z T) F { return F(cmplx.Abs(complex128(z))) }))
	case Real:
		return runUnaryAny(l, op, dst, s, unLoop(func(z T) F { return F(real(complex128(z))) }))
	case Imag:
		return runUnaryAny(l, op, dst, s, unLoop(func(z T) F { return F(imag(complex128(z))) }))
	case Square:
		return runUnaryAny(l, op, dst, s, unLoop(func(z T) T { return z * z }))
	}
	f, ok := complexFuncs[op]
	if !ok {
		return notImpl(op, s)
	}
	return runUnaryAny(l, op, dst, s, unLoop(func(z T) T { return T(f(complex128(z))) }))
}
