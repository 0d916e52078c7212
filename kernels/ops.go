package kernels

import (
	"errors"
	"fmt"
)

// ErrNotImplemented says that a kernel has no loop for an operation on the
// given element type. Callers may fall back to another route.
var ErrNotImplemented = errors.New("kernels: not implemented")

// UnaryOp names an element-wise function of one argument.
type UnaryOp uint8

// The unary operations. Those marked "-> bool" write bool results; Abs, Real
// and Imag of complex input write the matching real type; the rest write the
// input's type.
const (
	Positive UnaryOp = iota
	Negative
	Abs
	Sqrt
	Square
	Reciprocal
	Exp
	Expm1
	Exp2
	Log
	Log1p
	Log2
	Log10
	Sin
	Cos
	Tan
	Asin
	Acos
	Atan
	Sinh
	Cosh
	Tanh
	Asinh
	Acosh
	Atanh
	Floor
	Ceil
	Trunc
	Round
	Sign
	Signbit // -> bool
	IsNaN   // -> bool
	IsInf   // -> bool
	IsFinite
	LogicalNot // bool -> bool
	BitwiseInvert
	Conj
	Real
	Imag
	numUnaryOps
)

var unaryNames = [...]string{"positive", "negative", "abs", "sqrt", "square", "reciprocal",
	"exp", "expm1", "exp2", "log", "log1p", "log2", "log10", "sin", "cos", "tan", "asin", "acos",
	"atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "floor", "ceil", "trunc", "round",
	"sign", "signbit", "isnan", "isinf", "isfinite", "logical_not", "bitwise_invert", "conj",
	"real", "imag"}

func (op UnaryOp) String() string {
	if int(op) < len(unaryNames) {
		return unaryNames[op]
	}
	return fmt.Sprintf("unary(%d)", uint8(op))
}

// BinaryOp names an element-wise function of two arguments.
type BinaryOp uint8

// The binary operations. Comparisons and logical operations write bool
// results; the rest write the inputs' type.
const (
	Add BinaryOp = iota
	Subtract
	Multiply
	Divide
	FloorDivide
	Remainder
	Pow
	Maximum
	Minimum
	Atan2
	Hypot
	Copysign
	Nextafter
	Logaddexp
	BitwiseAnd
	BitwiseOr
	BitwiseXor
	BitwiseLeftShift
	BitwiseRightShift
	Equal
	NotEqual
	Less
	LessEqual
	Greater
	GreaterEqual
	LogicalAnd
	LogicalOr
	LogicalXor
	numBinaryOps
)

var binaryNames = [...]string{"add", "subtract", "multiply", "divide", "floor_divide",
	"remainder", "pow", "maximum", "minimum", "atan2", "hypot", "copysign", "nextafter",
	"logaddexp", "bitwise_and", "bitwise_or", "bitwise_xor", "bitwise_left_shift",
	"bitwise_right_shift", "equal", "not_equal", "less", "less_equal", "greater",
	"greater_equal", "logical_and", "logical_or", "logical_xor"}

func (op BinaryOp) String() string {
	if int(op) < len(binaryNames) {
		return binaryNames[op]
	}
	return fmt.Sprintf("binary(%d)", uint8(op))
}

// IsComparison reports whether op writes bool results from non-bool inputs.
func (op BinaryOp) IsComparison() bool { return op >= Equal && op <= GreaterEqual }

// IsLogical reports whether op is a logical operation on bools.
func (op BinaryOp) IsLogical() bool { return op >= LogicalAnd && op <= LogicalXor }

// ReduceOp names a reduction.
type ReduceOp uint8

// The reductions.
const (
	ReduceSum ReduceOp = iota
	ReduceProd
	ReduceMin
	ReduceMax
	ReduceAll
	ReduceAny
)

func (op ReduceOp) String() string {
	return [...]string{"sum", "prod", "min", "max", "all", "any"}[op]
}

// OpError is the error of a kernel asked for something it does not do.
type OpError struct {
	Op   string
	Type string
	Err  error
}

func (e *OpError) Error() string {
	return fmt.Sprintf("kernels: %s is not defined for %s", e.Op, e.Type)
}

func (e *OpError) Unwrap() error { return e.Err }

func notImpl(op fmt.Stringer, data any) error {
	return &OpError{Op: op.String(), Type: typeName(data), Err: ErrNotImplemented}
}

func typeName(data any) string {
	switch data.(type) {
	case []bool:
		return "bool"
	case []int8:
		return "int8"
	case []int16:
		return "int16"
	case []int32:
		return "int32"
	case []int64:
		return "int64"
	case []uint8:
		return "uint8"
	case []uint16:
		return "uint16"
	case []uint32:
		return "uint32"
	case []uint64:
		return "uint64"
	case []float32:
		return "float32"
	case []float64:
		return "float64"
	case []complex64:
		return "complex64"
	case []complex128:
		return "complex128"
	}
	return fmt.Sprintf("%T", data)
}

type signed interface {
	~int8 | ~int16 | ~int32 | ~int64
}
type unsigned interface {
	~uint8 | ~uint16 | ~uint32 | ~uint64
}
type integer interface{ signed | unsigned }
type float interface{ ~float32 | ~float64 }
type complexT interface{ ~complex64 | ~complex128 }
type realNum interface{ integer | float }
type number interface{ realNum | complexT }

// Grain is the number of elements in one chunk of parallel element-wise
// work. It is a constant so that results never depend on the worker count.
const Grain = 1 << 15
