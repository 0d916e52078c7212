package arrays

import (
	"fmt"

	"workbench/arrays/shape"
	"workbench/devices"
	"workbench/kernels"
)

// binaryRule says which dtypes a binary operation takes and what it computes in.
type binaryRule uint8

const (
	ruleArith    binaryRule = iota // numbers, and bool as NumPy allows (+ is or, * is and)
	ruleNumeric                    // numbers only
	ruleDivide                     // true division: integers and bools compute in float64
	ruleRealNum                    // real numbers (no complex); bool is refused
	ruleRealOrd                    // real numbers and bool (maximum, minimum)
	ruleFloat                      // real floats; integers and bools compute in float64
	ruleBitwise                    // integers and bool
	ruleShift                      // integers
	ruleEquality                   // any dtype, result bool
	ruleOrder                      // real numbers and bool, result bool
	ruleLogical                    // anything, converted to bool
)

// binary runs an element-wise binary operation on arrays or Go numbers.
func binary(name string, op kernels.BinaryOp, rule binaryRule, x, y any) *Array {
	a, b, dt := binaryOperands(name, x, y)
	if a.Device() != b.Device() {
		panic(&DeviceError{Op: name, Msg: fmt.Sprintf("the arrays are on different devices (%s and %s); move one with To", a.Device().Name(), b.Device().Name())})
	}
	refuse := func(msg string) { panic(dtypeErr(name, msg, a.dt, b.dt)) }
	out := dt
	switch rule {
	case ruleArith:
		if dt == Bool && op == kernels.Subtract {
			refuse("bool subtraction is not supported (use LogicalXor)")
		}
	case ruleNumeric:
		if dt == Bool {
			refuse("not defined for bool")
		}
	case ruleDivide:
		if !dt.IsInexact() {
			dt, out = Float64, Float64
		}
	case ruleRealNum:
		if dt == Bool || dt.IsComplex() {
			refuse("defined only for real numbers")
		}
	case ruleRealOrd:
		if dt.IsComplex() {
			refuse("not defined for complex numbers")
		}
	case ruleFloat:
		if dt.IsComplex() {
			refuse("defined only for real numbers")
		}
		if !dt.IsFloat() {
			dt, out = Float64, Float64
		}
	case ruleBitwise:
		if !dt.IsInteger() && dt != Bool {
			refuse("defined only for integers and bools")
		}
	case ruleShift:
		if !dt.IsInteger() {
			refuse("defined only for integers")
		}
	case ruleEquality:
		out = Bool
	case ruleOrder:
		if dt.IsComplex() {
			refuse("complex numbers have no order")
		}
		out = Bool
	case ruleLogical:
		dt, out = Bool, Bool
	}
	shp, err := shape.Broadcast(a.shape, b.shape)
	if err != nil {
		panic(shapeErr(name, "operands could not be broadcast together with shapes", a.shape, b.shape))
	}
	like := a
	if !shape.Shape(a.shape).Equal(shp) {
		like = b
	}
	a, b = a.Astype(dt), b.Astype(dt)
	dev := a.Device()
	res := allocOutLike(dev, out, shp, like)
	err = tryDeviceRun(name, dev, func() error {
		return dev.Binary(op, res.view(), broadcastView(a, shp), broadcastView(b, shp))
	})
	if err != nil {
		ranOnCPU(name, dev, fmt.Sprintf("%s on %v", name, dt))
		ha, hb := a.hosted(), b.hosted()
		hres := allocOut(devices.CPU(), out, shp)
		run(name, func() error {
			return devices.CPU().Binary(op, hres.view(), broadcastView(ha, shp), broadcastView(hb, shp))
		})
		return hres.To(dev)
	}
	return res
}

// broadcastView views a with shape shp (stride 0 along stretched axes).
func broadcastView(a *Array, shp []int) devices.View {
	st, err := shape.BroadcastStrides(a.shape, a.strides, shp)
	if err != nil {
		panic(shapeErr("broadcast", "cannot broadcast", a.shape, shp))
	}
	return devices.View{Buf: a.buf, Shape: shp, Strides: st, Offset: a.offset}
}

// Add returns x + y element-wise. x and y are arrays or Go numbers.
func Add(x, y any) *Array { return binary("add", kernels.Add, ruleArith, x, y) }

// Subtract returns x - y element-wise.
func Subtract(x, y any) *Array { return binary("subtract", kernels.Subtract, ruleArith, x, y) }

// Multiply returns x * y element-wise.
func Multiply(x, y any) *Array { return binary("multiply", kernels.Multiply, ruleArith, x, y) }

// Divide returns x / y element-wise (true division: integers give float64).
func Divide(x, y any) *Array { return binary("divide", kernels.Divide, ruleDivide, x, y) }

// FloorDivide returns the floor of x / y element-wise (Python's //).
func FloorDivide(x, y any) *Array {
	return binary("floor_divide", kernels.FloorDivide, ruleRealNum, x, y)
}

// Remainder returns x mod y with the sign of y (Python's %).
func Remainder(x, y any) *Array { return binary("remainder", kernels.Remainder, ruleRealNum, x, y) }

// Pow returns x to the power y element-wise. Integers to negative integer
// powers are an error.
func Pow(x, y any) *Array { return binary("pow", kernels.Pow, ruleNumeric, x, y) }

// Maximum returns the larger of x and y element-wise (NaN if either is NaN).
func Maximum(x, y any) *Array { return binary("maximum", kernels.Maximum, ruleRealOrd, x, y) }

// Minimum returns the smaller of x and y element-wise (NaN if either is NaN).
func Minimum(x, y any) *Array { return binary("minimum", kernels.Minimum, ruleRealOrd, x, y) }

// Atan2 returns the angle of the point (y, x) element-wise, in radians; note
// the order: Atan2(y, x) as in math.Atan2.
func Atan2(y, x any) *Array { return binary("atan2", kernels.Atan2, ruleFloat, y, x) }

// Hypot returns sqrt(x*x + y*y) element-wise without overflow.
func Hypot(x, y any) *Array { return binary("hypot", kernels.Hypot, ruleFloat, x, y) }

// Copysign returns x with the sign of y element-wise.
func Copysign(x, y any) *Array { return binary("copysign", kernels.Copysign, ruleFloat, x, y) }

// Nextafter returns the next representable value after x toward y.
func Nextafter(x, y any) *Array { return binary("nextafter", kernels.Nextafter, ruleFloat, x, y) }

// Logaddexp returns log(exp(x) + exp(y)) element-wise without overflow.
func Logaddexp(x, y any) *Array { return binary("logaddexp", kernels.Logaddexp, ruleFloat, x, y) }

// BitwiseAnd returns x & y element-wise (integers and bools).
func BitwiseAnd(x, y any) *Array {
	return binary("bitwise_and", kernels.BitwiseAnd, ruleBitwise, x, y)
}

// BitwiseOr returns x | y element-wise (integers and bools).
func BitwiseOr(x, y any) *Array { return binary("bitwise_or", kernels.BitwiseOr, ruleBitwise, x, y) }

// BitwiseXor returns x ^ y element-wise (integers and bools).
func BitwiseXor(x, y any) *Array {
	return binary("bitwise_xor", kernels.BitwiseXor, ruleBitwise, x, y)
}

// BitwiseLeftShift returns x << y element-wise (integers; shifts of the
// width or more give 0).
func BitwiseLeftShift(x, y any) *Array {
	return binary("bitwise_left_shift", kernels.BitwiseLeftShift, ruleShift, x, y)
}

// BitwiseRightShift returns x >> y element-wise (integers; arithmetic for
// signed types).
func BitwiseRightShift(x, y any) *Array {
	return binary("bitwise_right_shift", kernels.BitwiseRightShift, ruleShift, x, y)
}

// Equal returns x == y element-wise.
func Equal(x, y any) *Array { return binary("equal", kernels.Equal, ruleEquality, x, y) }

// NotEqual returns x != y element-wise.
func NotEqual(x, y any) *Array { return binary("not_equal", kernels.NotEqual, ruleEquality, x, y) }

// Less returns x < y element-wise.
func Less(x, y any) *Array { return binary("less", kernels.Less, ruleOrder, x, y) }

// LessEqual returns x <= y element-wise.
func LessEqual(x, y any) *Array { return binary("less_equal", kernels.LessEqual, ruleOrder, x, y) }

// Greater returns x > y element-wise.
func Greater(x, y any) *Array { return binary("greater", kernels.Greater, ruleOrder, x, y) }

// GreaterEqual returns x >= y element-wise.
func GreaterEqual(x, y any) *Array {
	return binary("greater_equal", kernels.GreaterEqual, ruleOrder, x, y)
}

// LogicalAnd returns the truth of x and y element-wise.
func LogicalAnd(x, y any) *Array {
	return binary("logical_and", kernels.LogicalAnd, ruleLogical, x, y)
}

// LogicalOr returns the truth of x or y element-wise.
func LogicalOr(x, y any) *Array { return binary("logical_or", kernels.LogicalOr, ruleLogical, x, y) }

// LogicalXor returns the truth of x xor y element-wise.
func LogicalXor(x, y any) *Array {
	return binary("logical_xor", kernels.LogicalXor, ruleLogical, x, y)
}

// unaryRule says which dtypes a unary operation takes and what it computes in.
type unaryRule uint8

const (
	uMath        unaryRule = iota // integers and bools compute in float64
	uRealMath                     // as uMath, complex refused
	uNumeric                      // numbers; bool refused
	uAny                          // any dtype
	uRounding                     // integers and bools are returned as they are; complex refused
	uPredicate                    // any dtype, result bool
	uRealPred                     // real dtypes, result bool
	uLogical                      // converted to bool
	uBitwise                      // integers and bools
	uComplexPart                  // complex gives its real dtype
)

func unary(name string, op kernels.UnaryOp, rule unaryRule, x *Array) *Array {
	if x == nil {
		panic(valueErr(name, "nil array"))
	}
	dt, out := x.dt, x.dt
	refuse := func(msg string) { panic(dtypeErr(name, msg, x.dt)) }
	switch rule {
	case uMath:
		if !dt.IsInexact() {
			dt, out = Float64, Float64
		}
	case uRealMath:
		if dt.IsComplex() {
			refuse("defined only for real numbers")
		}
		if !dt.IsInexact() {
			dt, out = Float64, Float64
		}
	case uNumeric:
		if dt == Bool {
			refuse("not defined for bool")
		}
	case uRounding:
		if dt.IsComplex() && op != kernels.Round {
			refuse("not defined for complex numbers")
		}
		if !dt.IsInexact() {
			return Copy(x)
		}
	case uPredicate:
		out = Bool
	case uRealPred:
		if dt.IsComplex() {
			refuse("defined only for real numbers")
		}
		out = Bool
	case uLogical:
		dt, out = Bool, Bool
	case uBitwise:
		if !dt.IsInteger() && dt != Bool {
			refuse("defined only for integers and bools")
		}
	case uComplexPart:
		out = dt.RealOf()
	}
	src := x.Astype(dt)
	dev := x.Device()
	res := allocOutLike(dev, out, x.shape, x)
	if err := tryDevice(name, dev, func() error { return dev.Unary(op, res.view(), src.view()) }); err != nil {
		ranOnCPU(name, dev, fmt.Sprintf("%s on %v", name, dt))
		hres := allocOut(devices.CPU(), out, x.shape)
		run(name, func() error { return devices.CPU().Unary(op, hres.view(), src.hosted().view()) })
		return hres.To(dev)
	}
	return res
}

// Abs returns |x| element-wise; complex input gives its real dtype.
func Abs(x *Array) *Array { return unary("abs", kernels.Abs, uComplexPart, x) }

// Negative returns -x element-wise.
func Negative(x *Array) *Array { return unary("negative", kernels.Negative, uNumeric, x) }

// Positive returns +x element-wise (a copy).
func Positive(x *Array) *Array { return unary("positive", kernels.Positive, uNumeric, x) }

// Sqrt returns the square root element-wise.
func Sqrt(x *Array) *Array { return unary("sqrt", kernels.Sqrt, uMath, x) }

// Square returns x*x element-wise.
func Square(x *Array) *Array { return unary("square", kernels.Square, uNumeric, x) }

// Reciprocal returns 1/x element-wise (integers give float64).
func Reciprocal(x *Array) *Array { return unary("reciprocal", kernels.Reciprocal, uMath, x) }

// Exp returns e**x element-wise.
func Exp(x *Array) *Array { return unary("exp", kernels.Exp, uMath, x) }

// Expm1 returns e**x - 1 element-wise, accurate near zero.
func Expm1(x *Array) *Array { return unary("expm1", kernels.Expm1, uMath, x) }

// Exp2 returns 2**x element-wise.
func Exp2(x *Array) *Array { return unary("exp2", kernels.Exp2, uMath, x) }

// Log returns the natural logarithm element-wise.
func Log(x *Array) *Array { return unary("log", kernels.Log, uMath, x) }

// Log1p returns log(1 + x) element-wise, accurate near zero.
func Log1p(x *Array) *Array { return unary("log1p", kernels.Log1p, uMath, x) }

// Log2 returns the base-2 logarithm element-wise.
func Log2(x *Array) *Array { return unary("log2", kernels.Log2, uMath, x) }

// Log10 returns the base-10 logarithm element-wise.
func Log10(x *Array) *Array { return unary("log10", kernels.Log10, uMath, x) }

// Sin returns the sine element-wise (radians).
func Sin(x *Array) *Array { return unary("sin", kernels.Sin, uMath, x) }

// Cos returns the cosine element-wise (radians).
func Cos(x *Array) *Array { return unary("cos", kernels.Cos, uMath, x) }

// Tan returns the tangent element-wise (radians).
func Tan(x *Array) *Array { return unary("tan", kernels.Tan, uMath, x) }

// Asin returns the inverse sine element-wise.
func Asin(x *Array) *Array { return unary("asin", kernels.Asin, uMath, x) }

// Acos returns the inverse cosine element-wise.
func Acos(x *Array) *Array { return unary("acos", kernels.Acos, uMath, x) }

// Atan returns the inverse tangent element-wise.
func Atan(x *Array) *Array { return unary("atan", kernels.Atan, uMath, x) }

// Sinh returns the hyperbolic sine element-wise.
func Sinh(x *Array) *Array { return unary("sinh", kernels.Sinh, uMath, x) }

// Cosh returns the hyperbolic cosine element-wise.
func Cosh(x *Array) *Array { return unary("cosh", kernels.Cosh, uMath, x) }

// Tanh returns the hyperbolic tangent element-wise.
func Tanh(x *Array) *Array { return unary("tanh", kernels.Tanh, uMath, x) }

// Asinh returns the inverse hyperbolic sine element-wise.
func Asinh(x *Array) *Array { return unary("asinh", kernels.Asinh, uMath, x) }

// Acosh returns the inverse hyperbolic cosine element-wise.
func Acosh(x *Array) *Array { return unary("acosh", kernels.Acosh, uMath, x) }

// Atanh returns the inverse hyperbolic tangent element-wise.
func Atanh(x *Array) *Array { return unary("atanh", kernels.Atanh, uMath, x) }

// Floor rounds toward minus infinity element-wise (integers are unchanged).
func Floor(x *Array) *Array { return unary("floor", kernels.Floor, uRounding, x) }

// Ceil rounds toward plus infinity element-wise (integers are unchanged).
func Ceil(x *Array) *Array { return unary("ceil", kernels.Ceil, uRounding, x) }

// Trunc rounds toward zero element-wise (integers are unchanged).
func Trunc(x *Array) *Array { return unary("trunc", kernels.Trunc, uRounding, x) }

// Round rounds to the nearest integer element-wise, halves to even.
func Round(x *Array) *Array { return unary("round", kernels.Round, uRounding, x) }

// Sign returns -1, 0 or 1 by the sign of x (x/|x| for complex numbers).
func Sign(x *Array) *Array { return unary("sign", kernels.Sign, uNumeric, x) }

// Signbit reports whether the sign bit is set element-wise (true for -0).
func Signbit(x *Array) *Array { return unary("signbit", kernels.Signbit, uRealPred, x) }

// IsNaN reports NaN element-wise (for complex, either part).
func IsNaN(x *Array) *Array { return unary("isnan", kernels.IsNaN, uPredicate, x) }

// IsInf reports infinities element-wise (for complex, either part).
func IsInf(x *Array) *Array { return unary("isinf", kernels.IsInf, uPredicate, x) }

// IsFinite reports finite values element-wise (for complex, both parts).
func IsFinite(x *Array) *Array { return unary("isfinite", kernels.IsFinite, uPredicate, x) }

// LogicalNot returns the negated truth of x element-wise.
func LogicalNot(x *Array) *Array { return unary("logical_not", kernels.LogicalNot, uLogical, x) }

// BitwiseInvert returns ^x element-wise (integers and bools).
func BitwiseInvert(x *Array) *Array {
	return unary("bitwise_invert", kernels.BitwiseInvert, uBitwise, x)
}

// Conj returns the complex conjugate element-wise (real input is copied).
func Conj(x *Array) *Array { return unary("conj", kernels.Conj, uAny, x) }

// Real returns the real part element-wise, in the matching real dtype.
func Real(x *Array) *Array { return unary("real", kernels.Real, uComplexPart, x) }

// Imag returns the imaginary part element-wise (zeros for real input).
func Imag(x *Array) *Array { return unary("imag", kernels.Imag, uComplexPart, x) }

// Clip limits x to [lo, hi] element-wise; lo or hi may be nil for no bound.
// The result has x's dtype; NaN in x or in a bound gives NaN.
func Clip(x *Array, lo, hi any) *Array {
	out := x
	if x.dt.IsComplex() {
		panic(dtypeErr("clip", "complex numbers have no order", x.dt))
	}
	if lo != nil {
		out = Maximum(out, lo)
	}
	if hi != nil {
		out = Minimum(out, hi)
	}
	if out == x {
		return Copy(x)
	}
	return out.Astype(x.dt)
}
