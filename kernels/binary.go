package kernels

import "math"

// bin1D is a loop of n steps over a run: d[od+i*ds] = f(x[ox+i*xs], y[oy+i*ys]).
type bin1D[T, R any] func(n int, d []R, od, ds int, x []T, ox, xs int, y []T, oy, ys int)

// Binary computes dst = op(a, b) element-wise over shape. All three operands
// have that shape (broadcast operands have stride 0). a and b hold the same
// element type; dst holds bool for comparisons and logical operations and
// the inputs' type otherwise.
func Binary(op BinaryOp, shape []int, dst, a, b Operand) (err error) {
	l := newElementwiseLoop(shape, dst, a, b)
	if l.size == 0 {
		return nil
	}
	if op.IsComparison() || op.IsLogical() {
		d, ok := dst.Data.([]bool)
		if !ok {
			return notImpl(op, dst.Data)
		}
		switch x := a.Data.(type) {
		case []bool:
			return runBinary(l, op, d, x, b.Data, boolCompare(op))
		case []int8:
			return runBinary(l, op, d, x, b.Data, orderedCompare[int8](op))
		case []int16:
			return runBinary(l, op, d, x, b.Data, orderedCompare[int16](op))
		case []int32:
			return runBinary(l, op, d, x, b.Data, orderedCompare[int32](op))
		case []int64:
			return runBinary(l, op, d, x, b.Data, orderedCompare[int64](op))
		case []uint8:
			return runBinary(l, op, d, x, b.Data, orderedCompare[uint8](op))
		case []uint16:
			return runBinary(l, op, d, x, b.Data, orderedCompare[uint16](op))
		case []uint32:
			return runBinary(l, op, d, x, b.Data, orderedCompare[uint32](op))
		case []uint64:
			return runBinary(l, op, d, x, b.Data, orderedCompare[uint64](op))
		case []float32:
			return runBinary(l, op, d, x, b.Data, orderedCompare[float32](op))
		case []float64:
			return runBinary(l, op, d, x, b.Data, orderedCompare[float64](op))
		case []complex64:
			return runBinary(l, op, d, x, b.Data, complexCompare[complex64](op))
		case []complex128:
			return runBinary(l, op, d, x, b.Data, complexCompare[complex128](op))
		}
		return notImpl(op, a.Data)
	}
	switch d := dst.Data.(type) {
	case []bool:
		return runBinary(l, op, d, a.Data, b.Data, boolBinary(op))
	case []int8:
		return runBinary(l, op, d, a.Data, b.Data, signedBinary[int8](op))
	case []int16:
		return runBinary(l, op, d, a.Data, b.Data, signedBinary[int16](op))
	case []int32:
		return runBinary(l, op, d, a.Data, b.Data, signedBinary[int32](op))
	case []int64:
		return runBinary(l, op, d, a.Data, b.Data, signedBinary[int64](op))
	case []uint8:
		return runBinary(l, op, d, a.Data, b.Data, unsignedBinary[uint8](op))
	case []uint16:
		return runBinary(l, op, d, a.Data, b.Data, unsignedBinary[uint16](op))
	case []uint32:
		return runBinary(l, op, d, a.Data, b.Data, unsignedBinary[uint32](op))
	case []uint64:
		return runBinary(l, op, d, a.Data, b.Data, unsignedBinary[uint64](op))
	case []float32:
		return runBinary(l, op, d, a.Data, b.Data, floatBinary[float32](op))
	case []float64:
		return runBinary(l, op, d, a.Data, b.Data, floatBinary[float64](op))
	case []complex64:
		return runBinary(l, op, d, a.Data, b.Data, complexBinary[complex64](op))
	case []complex128:
		return runBinary(l, op, d, a.Data, b.Data, complexBinary[complex128](op))
	}
	return notImpl(op, dst.Data)
}

func runBinary[T, R any](l *loop, op BinaryOp, d []R, a any, b any, k bin1D[T, R]) error {
	x, ok1 := a.([]T)
	y, ok2 := b.([]T)
	if !ok1 || !ok2 {
		return &OpError{Op: op.String(), Type: typeName(a) + " and " + typeName(b)}
	}
	if k == nil {
		return notImpl(op, a)
	}
	ds, xs, ys := l.inner(0), l.inner(1), l.inner(2)
	Parallel(l.size, Grain, func(_, lo, hi int) {
		l.runs(lo, hi, func(o []int, n int) {
			k(n, d, o[0], ds, x, o[1], xs, y, o[2], ys)
		})
	})
	return nil
}

// binLoop makes a loop that applies f to each pair of elements.
func binLoop[T, R any](f func(T, T) R) bin1D[T, R] {
	return func(n int, d []R, od, ds int, x []T, ox, xs int, y []T, oy, ys int) {
		if ds == 1 && xs == 1 && ys == 1 {
			d, x, y := d[od:od+n], x[ox:ox+n], y[oy:oy+n]
			for i := range d {
				d[i] = f(x[i], y[i])
			}
			return
		}
		for i := 0; i < n; i++ {
			d[od] = f(x[ox], y[oy])
			od, ox, oy = od+ds, ox+xs, oy+ys
		}
	}
}

// arith returns the dedicated loop for +, -, * and / (the hot paths), or nil.
func arith[T number](op BinaryOp) bin1D[T, T] {
	switch op {
	case Add:
		return addLoop[T]
	case Subtract:
		return subLoop[T]
	case Multiply:
		return mulLoop[T]
	}
	return nil
}

// addLoop is: for i := range n { d[i] = x[i] + y[i] } (with strides).
func addLoop[T number](n int, d []T, od, ds int, x []T, ox, xs int, y []T, oy, ys int) {
	switch {
	case ds == 1 && xs == 1 && ys == 1:
		d, x, y := d[od:od+n], x[ox:ox+n], y[oy:oy+n]
		if vecBinary(vAdd, d, x, y) {
			return
		}
		for i := vecArith(vxAdd, d, x, y); i < len(d); i++ {
			d[i] = x[i] + y[i]
		}
	case ds == 1 && xs == 1 && ys == 0:
		d, x, s := d[od:od+n], x[ox:ox+n], y[oy]
		if vecBinaryScalar(vAdd, d, x, s) {
			return
		}
		for i := vecArithScalar(vxAdd, d, x, y[oy:oy+1]); i < len(d); i++ {
			d[i] = x[i] + s
		}
	default:
		for i := 0; i < n; i++ {
			d[od] = x[ox] + y[oy]
			od, ox, oy = od+ds, ox+xs, oy+ys
		}
	}
}

// subLoop is: for i := range n { d[i] = x[i] - y[i] } (with strides).
func subLoop[T number](n int, d []T, od, ds int, x []T, ox, xs int, y []T, oy, ys int) {
	switch {
	case ds == 1 && xs == 1 && ys == 1:
		d, x, y := d[od:od+n], x[ox:ox+n], y[oy:oy+n]
		if vecBinary(vSub, d, x, y) {
			return
		}
		for i := vecArith(vxSub, d, x, y); i < len(d); i++ {
			d[i] = x[i] - y[i]
		}
	case ds == 1 && xs == 1 && ys == 0:
		d, x, s := d[od:od+n], x[ox:ox+n], y[oy]
		if vecBinaryScalar(vSub, d, x, s) {
			return
		}
		for i := vecArithScalar(vxSub, d, x, y[oy:oy+1]); i < len(d); i++ {
			d[i] = x[i] - s
		}
	default:
		for i := 0; i < n; i++ {
			d[od] = x[ox] - y[oy]
			od, ox, oy = od+ds, ox+xs, oy+ys
		}
	}
}

// mulLoop is: for i := range n { d[i] = x[i] * y[i] } (with strides).
func mulLoop[T number](n int, d []T, od, ds int, x []T, ox, xs int, y []T, oy, ys int) {
	switch {
	case ds == 1 && xs == 1 && ys == 1:
		d, x, y := d[od:od+n], x[ox:ox+n], y[oy:oy+n]
		if vecBinary(vMul, d, x, y) {
			return
		}
		for i := vecArith(vxMul, d, x, y); i < len(d); i++ {
			d[i] = x[i] * y[i]
		}
	case ds == 1 && xs == 1 && ys == 0:
		d, x, s := d[od:od+n], x[ox:ox+n], y[oy]
		if vecBinaryScalar(vMul, d, x, s) {
			return
		}
		for i := vecArithScalar(vxMul, d, x, y[oy:oy+1]); i < len(d); i++ {
			d[i] = x[i] * s
		}
	default:
		for i := 0; i < n; i++ {
			d[od] = x[ox] * y[oy]
			od, ox, oy = od+ds, ox+xs, oy+ys
		}
	}
}

// cmul is x*y as the Go compiler computes it for amd64 by default:
// (a*c - b*d) + (a*d + b*c)i, each product rounded (the conversions forbid
// fused multiply-adds, which builds for GOAMD64=v3 and arm64 would make),
// complex64 values widened to float64 for it and the parts rounded back.
// The vector kernels give these very bits.
func cmul[T complexT](x, y T) T {
	a, b := real(complex128(x)), imag(complex128(x))
	c, d := real(complex128(y)), imag(complex128(y))
	return T(complex(float64(a*c)-float64(b*d), float64(a*d)+float64(b*c)))
}

// cmulLoop is: for i := range n { d[i] = cmul(x[i], y[i]) } (with strides).
func cmulLoop[T complexT](n int, d []T, od, ds int, x []T, ox, xs int, y []T, oy, ys int) {
	switch {
	case ds == 1 && xs == 1 && ys == 1:
		d, x, y := d[od:od+n], x[ox:ox+n], y[oy:oy+n]
		for i := vecArith(vxMul, d, x, y); i < len(d); i++ {
			d[i] = cmul(x[i], y[i])
		}
	case ds == 1 && xs == 1 && ys == 0:
		d, x, s := d[od:od+n], x[ox:ox+n], y[oy]
		for i := vecArithScalar(vxMul, d, x, y[oy:oy+1]); i < len(d); i++ {
			d[i] = cmul(x[i], s)
		}
	default:
		for i := 0; i < n; i++ {
			d[od] = cmul(x[ox], y[oy])
			od, ox, oy = od+ds, ox+xs, oy+ys
		}
	}
}

// divLoop is: for i := range n { d[i] = x[i] / y[i] } (with strides), for
// inexact types only.
func divLoop[T float | complexT](n int, d []T, od, ds int, x []T, ox, xs int, y []T, oy, ys int) {
	switch {
	case ds == 1 && xs == 1 && ys == 1:
		d, x, y := d[od:od+n], x[ox:ox+n], y[oy:oy+n]
		if vecBinary(vDiv, d, x, y) {
			return
		}
		for i := range d {
			d[i] = x[i] / y[i]
		}
	case ds == 1 && xs == 1 && ys == 0:
		d, x, s := d[od:od+n], x[ox:ox+n], y[oy]
		if vecBinaryScalar(vDiv, d, x, s) {
			return
		}
		for i := range d {
			d[i] = x[i] / s
		}
	default:
		for i := 0; i < n; i++ {
			d[od] = x[ox] / y[oy]
			od, ox, oy = od+ds, ox+xs, oy+ys
		}
	}
}

func boolBinary(op BinaryOp) bin1D[bool, bool] {
	switch op {
	case Add, BitwiseOr, Maximum:
		return vxLoop(vxOr, func(a, b bool) bool { return a || b })
	case Multiply, BitwiseAnd, Minimum:
		return vxLoop(vxAnd, func(a, b bool) bool { return a && b })
	case BitwiseXor:
		return vxLoop(vxXor, func(a, b bool) bool { return a != b })
	}
	return nil
}

func boolCompare(op BinaryOp) bin1D[bool, bool] {
	switch op {
	case Equal:
		return binLoop(func(a, b bool) bool { return a == b })
	case NotEqual, LogicalXor:
		return vxLoop(vxXor, func(a, b bool) bool { return a != b })
	case Less:
		return binLoop(func(a, b bool) bool { return !a && b })
	case LessEqual:
		return binLoop(func(a, b bool) bool { return !a || b })
	case Greater:
		return binLoop(func(a, b bool) bool { return a && !b })
	case GreaterEqual:
		return binLoop(func(a, b bool) bool { return a || !b })
	case LogicalAnd:
		return vxLoop(vxAnd, func(a, b bool) bool { return a && b })
	case LogicalOr:
		return vxLoop(vxOr, func(a, b bool) bool { return a || b })
	}
	return nil
}

func orderedCompare[T realNum](op BinaryOp) bin1D[T, bool] {
	switch op {
	case Equal:
		return cmpLoop(vxEq, func(a, b T) bool { return a == b })
	case NotEqual:
		return cmpLoop(vxNe, func(a, b T) bool { return a != b })
	case Less:
		return cmpLoop(vxLt, func(a, b T) bool { return a < b })
	case LessEqual:
		return cmpLoop(vxLe, func(a, b T) bool { return a <= b })
	case Greater:
		return cmpLoop(vxGt, func(a, b T) bool { return a > b })
	case GreaterEqual:
		return cmpLoop(vxGe, func(a, b T) bool { return a >= b })
	}
	return nil
}

func complexCompare[T complexT](op BinaryOp) bin1D[T, bool] {
	switch op {
	case Equal:
		return binLoop(func(a, b T) bool { return a == b })
	case NotEqual:
		return binLoop(func(a, b T) bool { return a != b })
	}
	return nil
}

func signedBinary[T signed](op BinaryOp) bin1D[T, T] {
	if k := arith[T](op); k != nil {
		return k
	}
	bits := uint64(8 * sizeOf[T]())
	switch op {
	case FloorDivide:
		return binLoop(func(a, b T) T {
			if b == 0 {
				return 0
			}
			if b == -1 {
				return -a // wraps for the most negative value, as NumPy does
			}
			q := a / b
			if (a%b != 0) && ((a < 0) != (b < 0)) {
				q--
			}
			return q
		})
	case Remainder:
		return binLoop(func(a, b T) T {
			if b == 0 || b == -1 {
				return 0
			}
			r := a % b
			if r != 0 && ((r < 0) != (b < 0)) {
				r += b
			}
			return r
		})
	case Pow:
		return binLoop(func(a, b T) T {
			if b < 0 {
				panic(&OpError{Op: "pow", Type: "a negative integer exponent (integers to negative integer powers are not allowed)"})
			}
			return T(ipow(uint64(int64(a)), uint64(b)))
		})
	case Maximum:
		return vxLoop(vxMax, func(a, b T) T { return max(a, b) })
	case Minimum:
		return vxLoop(vxMin, func(a, b T) T { return min(a, b) })
	case BitwiseAnd:
		return vxLoop(vxAnd, func(a, b T) T { return a & b })
	case BitwiseOr:
		return vxLoop(vxOr, func(a, b T) T { return a | b })
	case BitwiseXor:
		return vxLoop(vxXor, func(a, b T) T { return a ^ b })
	case BitwiseLeftShift:
		return binLoop(func(a, b T) T {
			if b < 0 || uint64(b) >= bits {
				return 0
			}
			return a << uint64(b)
		})
	case BitwiseRightShift:
		return binLoop(func(a, b T) T {
			// A negative count is a huge one, as NumPy's unsigned cast makes it.
			if b < 0 || uint64(b) >= bits {
				if a < 0 {
					return -1
				}
				return 0
			}
			return a >> uint64(b)
		})
	}
	return nil
}

func unsignedBinary[T unsigned](op BinaryOp) bin1D[T, T] {
	if k := arith[T](op); k != nil {
		return k
	}
	bits := uint64(8 * sizeOf[T]())
	switch op {
	case FloorDivide:
		return binLoop(func(a, b T) T {
			if b == 0 {
				return 0
			}
			return a / b
		})
	case Remainder:
		return binLoop(func(a, b T) T {
			if b == 0 {
				return 0
			}
			return a % b
		})
	case Pow:
		return binLoop(func(a, b T) T { return T(ipow(uint64(a), uint64(b))) })
	case Maximum:
		return vxLoop(vxMax, func(a, b T) T { return max(a, b) })
	case Minimum:
		return vxLoop(vxMin, func(a, b T) T { return min(a, b) })
	case BitwiseAnd:
		return vxLoop(vxAnd, func(a, b T) T { return a & b })
	case BitwiseOr:
		return vxLoop(vxOr, func(a, b T) T { return a | b })
	case BitwiseXor:
		return vxLoop(vxXor, func(a, b T) T { return a ^ b })
	case BitwiseLeftShift:
		return binLoop(func(a, b T) T {
			if uint64(b) >= bits {
				return 0
			}
			return a << uint64(b)
		})
	case BitwiseRightShift:
		return binLoop(func(a, b T) T {
			if uint64(b) >= bits {
				return 0
			}
			return a >> uint64(b)
		})
	}
	return nil
}

// ipow is a**b by squaring, wrapping modulo 2**64.
func ipow(a, b uint64) uint64 {
	r := uint64(1)
	for b > 0 {
		if b&1 == 1 {
			r *= a
		}
		a *= a
		b >>= 1
	}
	return r
}

func sizeOf[T number]() int {
	var z T
	switch any(z).(type) {
	case int8, uint8:
		return 1
	case int16, uint16:
		return 2
	case int32, uint32, float32:
		return 4
	case complex128:
		return 16
	}
	return 8
}

func floatBinary[T float](op BinaryOp) bin1D[T, T] {
	if k := arith[T](op); k != nil {
		return k
	}
	is32 := sizeOf[T]() == 4
	f := func(g func(a, b float64) float64) bin1D[T, T] {
		return binLoop(func(a, b T) T { return T(g(float64(a), float64(b))) })
	}
	switch op {
	case Divide:
		return divLoop[T]
	case FloorDivide:
		return f(FloorDivFloat)
	case Remainder:
		return f(RemainderFloat)
	case Pow:
		return f(Pow64)
	case Maximum:
		return maxLoop[T]
	case Minimum:
		return minLoop[T]
	case Atan2:
		return f(math.Atan2)
	case Hypot:
		return f(math.Hypot)
	case Copysign:
		return f(math.Copysign)
	case Nextafter:
		if is32 {
			return binLoop(func(a, b T) T { return T(Nextafter32(float32(a), float32(b))) })
		}
		return f(Nextafter64)
	case Logaddexp:
		return f(Logaddexp64)
	}
	return nil
}

func complexBinary[T complexT](op BinaryOp) bin1D[T, T] {
	if op == Multiply {
		return cmulLoop[T]
	}
	if k := arith[T](op); k != nil {
		return k
	}
	switch op {
	case Divide:
		return divLoop[T]
	case Pow:
		return binLoop(func(a, b T) T { return T(ComplexPow(complex128(a), complex128(b))) })
	}
	return nil
}

// FloorDivFloat is Python's a // b for floats, as NumPy computes it
// (npy_floor_divide).
func FloorDivFloat(a, b float64) float64 {
	if b == 0 {
		return a / b
	}
	div, _ := divmod(a, b)
	return div
}

// RemainderFloat is Python's a % b for floats (the sign of b), as NumPy
// computes it (npy_remainder).
func RemainderFloat(a, b float64) float64 {
	if b == 0 {
		return math.Mod(a, b)
	}
	_, mod := divmod(a, b)
	return mod
}

func divmod(a, b float64) (floordiv, mod float64) {
	mod = math.Mod(a, b)
	div := (a - mod) / b
	if mod != 0 {
		if (b < 0) != (mod < 0) {
			mod += b
			div -= 1.0
		}
	} else {
		mod = math.Copysign(0, b)
	}
	if div != 0 {
		floordiv = math.Floor(div)
		if div-floordiv > 0.5 {
			floordiv += 1.0
		}
	} else {
		floordiv = math.Copysign(0, a/b)
	}
	return floordiv, mod
}

// Logaddexp64 is log(exp(x) + exp(y)) without overflow, as NumPy computes it.
func Logaddexp64(x, y float64) float64 {
	if x == y {
		return x + math.Ln2 // handles infinities of the same sign
	}
	d := x - y
	switch {
	case d > 0:
		return x + math.Log1p(math.Exp(-d))
	case d <= 0:
		return y + math.Log1p(math.Exp(d))
	}
	return d // NaN
}
