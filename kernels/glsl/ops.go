package glsl

import (
	"fmt"
	"strings"

	"workbench/arrays/dtype"
	"workbench/kernels"
)

// IsPredicate reports whether op writes bool results (from any input).
func IsPredicate(op kernels.UnaryOp) bool {
	switch op {
	case kernels.Signbit, kernels.IsNaN, kernels.IsInf, kernels.IsFinite, kernels.LogicalNot:
		return true
	}
	return false
}

// unaryFloat are the float32 expressions of x ("a" in the shader).
var unaryFloat = map[kernels.UnaryOp]string{
	kernels.Positive: "a", kernels.Real: "a", kernels.Conj: "a", kernels.Imag: "0.0",
	kernels.Negative: "-a", kernels.Abs: "abs(a)", kernels.Sqrt: "sqrt(a)",
	kernels.Square: "a * a", kernels.Reciprocal: "1.0 / a",
	kernels.Exp: "f_exp(a)", kernels.Expm1: "f_expm1(a)", kernels.Exp2: "exp2(a)",
	kernels.Log: "f_log(a)", kernels.Log1p: "f_log1p(a)", kernels.Log2: "f_log2(a)", kernels.Log10: "f_log10(a)",
	kernels.Sin: "f_sin(a)", kernels.Cos: "f_cos(a)", kernels.Tan: "f_tan(a)",
	kernels.Asin: "f_asin(a)", kernels.Acos: "f_acos(a)", kernels.Atan: "f_atan(a)",
	kernels.Sinh: "f_sinh(a)", kernels.Cosh: "f_cosh(a)", kernels.Tanh: "f_tanh(a)",
	kernels.Asinh: "f_asinh(a)", kernels.Acosh: "f_acosh(a)", kernels.Atanh: "f_atanh(a)",
	kernels.Floor: "floor(a)", kernels.Ceil: "ceil(a)", kernels.Trunc: "trunc(a)", kernels.Round: "roundEven(a)",
	kernels.Sign: "f_sign(a)", kernels.Signbit: "f_signbit(a)", kernels.IsNaN: "f_isnan(a)",
	kernels.IsInf: "f_isinf(a)", kernels.IsFinite: "f_isfinite(a)", kernels.LogicalNot: "a == 0.0",
}

// unaryDouble are the float64 expressions: no transcendentals.
var unaryDouble = map[kernels.UnaryOp]string{
	kernels.Positive: "a", kernels.Real: "a", kernels.Conj: "a", kernels.Imag: "0.0LF",
	kernels.Negative: "-a", kernels.Abs: "abs(a)", kernels.Sqrt: "sqrt(a)",
	kernels.Square: "a * a", kernels.Reciprocal: "1.0LF / a",
	kernels.Floor: "floor(a)", kernels.Ceil: "ceil(a)", kernels.Trunc: "trunc(a)", kernels.Round: "roundEven(a)",
	kernels.Sign: "d_sign(a)", kernels.Signbit: "d_signbit(a)", kernels.IsNaN: "d_isnan(a)",
	kernels.IsInf: "d_isinf(a)", kernels.IsFinite: "d_isfinite(a)", kernels.LogicalNot: "a == 0.0LF",
}

var unaryInt = map[kernels.UnaryOp]string{
	kernels.Positive: "a", kernels.Real: "a", kernels.Conj: "a", kernels.Imag: "0",
	kernels.Floor: "a", kernels.Ceil: "a", kernels.Trunc: "a", kernels.Round: "a",
	kernels.Negative: "-a", kernels.Abs: "(a < 0 ? -a : a)", kernels.Square: "a * a",
	kernels.Sign: "i_sign(a)", kernels.BitwiseInvert: "~a",
	kernels.Signbit: "a < 0", kernels.IsNaN: "false", kernels.IsInf: "false", kernels.IsFinite: "true",
	kernels.LogicalNot: "a == 0",
}

var unaryUint = map[kernels.UnaryOp]string{
	kernels.Positive: "a", kernels.Real: "a", kernels.Conj: "a", kernels.Imag: "0u", kernels.Abs: "a",
	kernels.Floor: "a", kernels.Ceil: "a", kernels.Trunc: "a", kernels.Round: "a",
	kernels.Negative: "0u - a", kernels.Square: "a * a",
	kernels.Sign: "(a > 0u ? 1u : 0u)", kernels.BitwiseInvert: "~a",
	kernels.Signbit: "false", kernels.IsNaN: "false", kernels.IsInf: "false", kernels.IsFinite: "true",
	kernels.LogicalNot: "a == 0u",
}

var unaryInt64 = map[kernels.UnaryOp]string{
	kernels.Positive: "a", kernels.Real: "a", kernels.Conj: "a", kernels.Imag: "0l",
	kernels.Floor: "a", kernels.Ceil: "a", kernels.Trunc: "a", kernels.Round: "a",
	kernels.Negative: "-a", kernels.Abs: "(a < 0l ? -a : a)", kernels.Square: "a * a",
	kernels.Sign: "l_sign(a)", kernels.BitwiseInvert: "~a",
	kernels.Signbit: "a < 0l", kernels.IsNaN: "false", kernels.IsInf: "false", kernels.IsFinite: "true",
	kernels.LogicalNot: "a == 0l",
}

var unaryUint64 = map[kernels.UnaryOp]string{
	kernels.Positive: "a", kernels.Real: "a", kernels.Conj: "a", kernels.Imag: "0ul", kernels.Abs: "a",
	kernels.Floor: "a", kernels.Ceil: "a", kernels.Trunc: "a", kernels.Round: "a",
	kernels.Negative: "0ul - a", kernels.Square: "a * a",
	kernels.Sign: "(a > 0ul ? 1ul : 0ul)", kernels.BitwiseInvert: "~a",
	kernels.Signbit: "false", kernels.IsNaN: "false", kernels.IsInf: "false", kernels.IsFinite: "true",
	kernels.LogicalNot: "a == 0ul",
}

var unaryBool = map[kernels.UnaryOp]string{
	kernels.LogicalNot: "!a", kernels.BitwiseInvert: "!a",
	kernels.Positive: "a", kernels.Abs: "a", kernels.Floor: "a", kernels.Ceil: "a", kernels.Trunc: "a",
	kernels.Round: "a", kernels.Conj: "a", kernels.Real: "a", kernels.Square: "a",
	kernels.IsNaN: "false", kernels.IsInf: "false", kernels.Signbit: "false", kernels.Imag: "false",
	kernels.IsFinite: "true",
}

// UnaryOut returns the dtype that op writes for input in: bool for the
// predicates, in otherwise.
func UnaryOut(op kernels.UnaryOp, in dtype.DType) dtype.DType {
	if IsPredicate(op) {
		return dtype.Bool
	}
	return in
}

// Unary returns the shader for dst = op(src) element-wise, with src of
// dtype in (dst's dtype is UnaryOut(op, in)). Operations and dtypes that
// GLSL cannot compute give an error matching kernels.ErrNotImplemented.
func Unary(op kernels.UnaryOp, in dtype.DType, fp64, strided bool) (Program, error) {
	return Features{FP64: fp64}.Unary(op, in, strided)
}

// Unary is the package's Unary on a GPU with features f.
func (f Features) Unary(op kernels.UnaryOp, in dtype.DType, strided bool) (Program, error) {
	t, err := f.Compute(in)
	if err != nil {
		return Program{}, err
	}
	table := map[Type]map[kernels.UnaryOp]string{Float: unaryFloat, Double: unaryDouble, Int: unaryInt, Uint: unaryUint,
		Int64: unaryInt64, Uint64: unaryUint64, Bool: unaryBool}[t.base()]
	expr, ok := table[op]
	if !ok {
		why := "not defined for " + in.String()
		if t == Double {
			why = "GLSL has no double-precision transcendentals"
		}
		return Program{}, notImpl(op.String()+" of "+in.String(), why)
	}
	out := t
	if IsPredicate(op) {
		out = Bool
	}
	return elementwise(fmt.Sprintf("unary %v %v", op, in), t, out, false, strided, expr), nil
}

var binaryFloat = map[kernels.BinaryOp]string{
	kernels.Add: "a + b", kernels.Subtract: "a - b", kernels.Multiply: "a * b", kernels.Divide: "a / b",
	kernels.Pow: "f_pow(a, b)", kernels.Maximum: "f_maximum(a, b)", kernels.Minimum: "f_minimum(a, b)",
	kernels.Atan2: "f_atan2(a, b)", kernels.Hypot: "f_hypot(a, b)", kernels.Copysign: "f_copysign(a, b)",
	kernels.Nextafter: "f_nextafter(a, b)", kernels.Logaddexp: "f_logaddexp(a, b)",
}

var binaryDouble = map[kernels.BinaryOp]string{
	kernels.Add: "a + b", kernels.Subtract: "a - b", kernels.Multiply: "a * b", kernels.Divide: "a / b",
	kernels.Maximum: "d_maximum(a, b)", kernels.Minimum: "d_minimum(a, b)", kernels.Copysign: "d_copysign(a, b)",
}

var binaryInt = map[kernels.BinaryOp]string{
	kernels.Add: "a + b", kernels.Subtract: "a - b", kernels.Multiply: "a * b",
	kernels.FloorDivide: "i_floordiv(a, b)", kernels.Remainder: "i_remainder(a, b)",
	kernels.Maximum: "max(a, b)", kernels.Minimum: "min(a, b)",
	kernels.BitwiseAnd: "a & b", kernels.BitwiseOr: "a | b", kernels.BitwiseXor: "a ^ b",
	kernels.BitwiseLeftShift: "i_shl(a, b)", kernels.BitwiseRightShift: "i_shr(a, b)",
}

var binaryUint = map[kernels.BinaryOp]string{
	kernels.Add: "a + b", kernels.Subtract: "a - b", kernels.Multiply: "a * b",
	kernels.FloorDivide: "u_floordiv(a, b)", kernels.Remainder: "u_remainder(a, b)", kernels.Pow: "u_pow(a, b)",
	kernels.Maximum: "max(a, b)", kernels.Minimum: "min(a, b)",
	kernels.BitwiseAnd: "a & b", kernels.BitwiseOr: "a | b", kernels.BitwiseXor: "a ^ b",
	kernels.BitwiseLeftShift: "u_shl(a, b)", kernels.BitwiseRightShift: "u_shr(a, b)",
}

var binaryInt64 = map[kernels.BinaryOp]string{
	kernels.Add: "a + b", kernels.Subtract: "a - b", kernels.Multiply: "a * b",
	kernels.FloorDivide: "l_floordiv(a, b)", kernels.Remainder: "l_remainder(a, b)",
	kernels.Maximum: "l_max(a, b)", kernels.Minimum: "l_min(a, b)",
	kernels.BitwiseAnd: "a & b", kernels.BitwiseOr: "a | b", kernels.BitwiseXor: "a ^ b",
	kernels.BitwiseLeftShift: "l_shl(a, b)", kernels.BitwiseRightShift: "l_shr(a, b)",
}

var binaryUint64 = map[kernels.BinaryOp]string{
	kernels.Add: "a + b", kernels.Subtract: "a - b", kernels.Multiply: "a * b",
	kernels.FloorDivide: "ul_floordiv(a, b)", kernels.Remainder: "ul_remainder(a, b)", kernels.Pow: "ul_pow(a, b)",
	kernels.Maximum: "ul_max(a, b)", kernels.Minimum: "ul_min(a, b)",
	kernels.BitwiseAnd: "a & b", kernels.BitwiseOr: "a | b", kernels.BitwiseXor: "a ^ b",
	kernels.BitwiseLeftShift: "ul_shl(a, b)", kernels.BitwiseRightShift: "ul_shr(a, b)",
}

var binaryBool = map[kernels.BinaryOp]string{
	kernels.Add: "a || b", kernels.BitwiseOr: "a || b", kernels.Maximum: "a || b",
	kernels.Multiply: "a && b", kernels.BitwiseAnd: "a && b", kernels.Minimum: "a && b",
	kernels.BitwiseXor: "a != b",
	kernels.Equal:      "a == b", kernels.NotEqual: "a != b", kernels.LogicalXor: "a != b",
	kernels.Less: "!a && b", kernels.LessEqual: "!a || b", kernels.Greater: "a && !b",
	kernels.GreaterEqual: "a || !b", kernels.LogicalAnd: "a && b", kernels.LogicalOr: "a || b",
}

var comparisons = map[kernels.BinaryOp]string{
	kernels.Equal: "a == b", kernels.NotEqual: "a != b", kernels.Less: "a < b",
	kernels.LessEqual: "a <= b", kernels.Greater: "a > b", kernels.GreaterEqual: "a >= b",
}

// BinaryOut returns the dtype that op writes for inputs of dtype in: bool
// for comparisons and logical operations, in otherwise.
func BinaryOut(op kernels.BinaryOp, in dtype.DType) dtype.DType {
	if op.IsComparison() || op.IsLogical() {
		return dtype.Bool
	}
	return in
}

// Binary returns the shader for dst = op(a, b) element-wise, with a and b
// of dtype in (dst's dtype is BinaryOut(op, in)). Operations and dtypes
// that GLSL cannot compute give an error matching
// kernels.ErrNotImplemented.
func Binary(op kernels.BinaryOp, in dtype.DType, fp64, strided bool) (Program, error) {
	return Features{FP64: fp64}.Binary(op, in, strided)
}

// Binary is the package's Binary on a GPU with features f.
func (f Features) Binary(op kernels.BinaryOp, in dtype.DType, strided bool) (Program, error) {
	fp64 := f.FP64
	t, err := f.Compute(in)
	if err != nil {
		return Program{}, err
	}
	var expr string
	var ok bool
	switch {
	case t == Bool:
		expr, ok = binaryBool[op]
	case op.IsComparison():
		expr, ok = comparisons[op]
	default:
		table := map[Type]map[kernels.BinaryOp]string{Float: binaryFloat, Double: binaryDouble, Int: binaryInt, Uint: binaryUint,
			Int64: binaryInt64, Uint64: binaryUint64}[t.base()]
		expr, ok = table[op]
	}
	if !ok {
		why := "not defined for " + in.String()
		switch {
		case t == Double:
			why = "float64 has arithmetic, comparisons, maximum, minimum and copysign only"
		case (t.base() == Int || t == Int64) && op == kernels.Pow:
			why = "a negative exponent is an error that a shader cannot report"
		}
		return Program{}, notImpl(op.String()+" of "+in.String(), why)
	}
	out := t
	if op.IsComparison() || op.IsLogical() {
		out = Bool
	}
	name := fmt.Sprintf("binary %v %v", op, in)
	if t == Float && op == kernels.Pow && fp64 {
		// float32 pow through double-precision log2 and exp2.
		p := elementwise(name+" via float64", t, out, true, strided, expr)
		p.Source = strings.Replace(p.Source, "// float32 helpers:", "#define POW_FP64\n"+file("pow64.glsl")+"\n// float32 helpers:", 1)
		return p, nil
	}
	return elementwise(name, t, out, true, strided, expr), nil
}

// ReduceStage says which pass of a reduction a shader runs.
type ReduceStage uint8

// The reduction passes. Serial reduces each output in one invocation, from
// the source view into the destination view. Tree reduces chunks in
// shared memory; First reads the source view and writes partial results,
// Last reads partial results and writes the destination view, and a
// single-pass tree reduction (one chunk per output) is both.
const (
	Serial ReduceStage = iota
	TreeFirstLast
	TreeFirst
	TreeLast
)

// reduceExpr returns the combining expression of acc and x and the
// identity of op for shader type t.
func reduceExpr(op kernels.ReduceOp, t Type) (combine, identity string, ok bool) {
	switch t {
	case Bool:
		switch op {
		case kernels.ReduceAll, kernels.ReduceMin, kernels.ReduceProd:
			return "acc && x", "true", true
		case kernels.ReduceAny, kernels.ReduceMax, kernels.ReduceSum:
			return "acc || x", "false", true
		}
	case Float:
		switch op {
		case kernels.ReduceSum:
			return "acc + x", "0.0", true
		case kernels.ReduceProd:
			return "acc * x", "1.0", true
		case kernels.ReduceMin:
			return "f_nanmin(acc, x)", "F_INF", true
		case kernels.ReduceMax:
			return "f_nanmax(acc, x)", "-F_INF", true
		}
	case Double:
		switch op {
		case kernels.ReduceSum:
			return "acc + x", "0.0LF", true
		case kernels.ReduceProd:
			return "acc * x", "1.0LF", true
		case kernels.ReduceMin:
			return "d_nanmin(acc, x)", "D_INF", true
		case kernels.ReduceMax:
			return "d_nanmax(acc, x)", "-D_INF", true
		}
	case Int:
		switch op {
		case kernels.ReduceSum:
			return "acc + x", "0", true
		case kernels.ReduceProd:
			return "acc * x", "1", true
		case kernels.ReduceMin:
			return "min(acc, x)", "int(0x7fffffffu)", true
		case kernels.ReduceMax:
			return "max(acc, x)", "int(0x80000000u)", true
		}
	case Uint:
		switch op {
		case kernels.ReduceSum:
			return "acc + x", "0u", true
		case kernels.ReduceProd:
			return "acc * x", "1u", true
		case kernels.ReduceMin:
			return "min(acc, x)", "0xffffffffu", true
		case kernels.ReduceMax:
			return "max(acc, x)", "0u", true
		}
	case Int64:
		switch op {
		case kernels.ReduceSum:
			return "acc + x", "0l", true
		case kernels.ReduceProd:
			return "acc * x", "1l", true
		case kernels.ReduceMin:
			return "l_min(acc, x)", "int64_t(0x7ffffffffffffffful)", true
		case kernels.ReduceMax:
			return "l_max(acc, x)", "int64_t(0x8000000000000000ul)", true
		}
	case Uint64:
		switch op {
		case kernels.ReduceSum:
			return "acc + x", "0ul", true
		case kernels.ReduceProd:
			return "acc * x", "1ul", true
		case kernels.ReduceMin:
			return "ul_min(acc, x)", "0xfffffffffffffffful", true
		case kernels.ReduceMax:
			return "ul_max(acc, x)", "0ul", true
		}
	}
	return "", "", false
}

// Reduce returns the shader for one pass of the reduction op over elements
// of dtype dt (the result has the same dtype). Bool reduces with all
// (prod, min) and any (sum, max), as the CPU does.
func Reduce(op kernels.ReduceOp, dt dtype.DType, fp64 bool, stage ReduceStage) (Program, error) {
	return Features{FP64: fp64}.Reduce(op, dt, stage)
}

// Reduce is the package's Reduce on a GPU with features f.
func (f Features) Reduce(op kernels.ReduceOp, dt dtype.DType, stage ReduceStage) (Program, error) {
	t, err := f.Compute(dt)
	if err != nil {
		return Program{}, err
	}
	combine, identity, ok := reduceExpr(op, t.base())
	if !ok {
		return Program{}, notImpl("reduce "+op.String()+" of "+dt.String(), "not defined for "+dt.String())
	}
	p := params{
		Name:   fmt.Sprintf("reduce %v %v %v", op, dt, [...]string{"serial", "tree", "tree-first", "tree-last"}[stage]),
		Serial: stage == Serial, FromPartials: stage == TreeLast, ToPartials: stage == TreeFirst,
		Access:  access(0, t, false, true) + access(1, t, true, false),
		Helpers: helpers(t), In: t.GLSL(), Combine: combine, Identity: identity,
	}
	return render("reduce.comp", p), nil
}

// ScanPhase says which pass of a cumulative sum or product a shader runs.
type ScanPhase uint8

// The scan passes: see shaders/scan.comp.
const (
	ScanSerial ScanPhase = iota
	ScanBlocks
	ScanAdd
)

// Scan returns the shader for one pass of the running sum (op ReduceSum)
// or product (ReduceProd) of elements of dtype dt. Bool has none, as on
// the CPU.
func Scan(op kernels.ReduceOp, dt dtype.DType, fp64 bool, phase ScanPhase) (Program, error) {
	return Features{FP64: fp64}.Scan(op, dt, phase)
}

// Scan is the package's Scan on a GPU with features f.
func (f Features) Scan(op kernels.ReduceOp, dt dtype.DType, phase ScanPhase) (Program, error) {
	if dt == dtype.Bool || (op != kernels.ReduceSum && op != kernels.ReduceProd) {
		return Program{}, notImpl("cumulative "+op.String()+" of "+dt.String(), "not defined for "+dt.String())
	}
	t, err := f.Compute(dt)
	if err != nil {
		return Program{}, err
	}
	combine, identity, _ := reduceExpr(op, t.base())
	phaseName := [...]string{"SERIAL", "BLOCKS", "ADD"}[phase]
	acc := access(0, t, true, true) + access(1, t, true, false) + access(2, t, true, true)
	p := params{
		Name:  fmt.Sprintf("cumulative %v %v %s", op, dt, strings.ToLower(phaseName)),
		Phase: phaseName, Access: acc, Helpers: helpers(t), In: t.GLSL(),
		Combine: combine, Identity: identity,
	}
	return render("scan.comp", p), nil
}
