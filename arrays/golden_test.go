package arrays

// Golden tests: every function of the package against values that NumPy
// computed. The data lives in testdata/golden (see golden_gen.go, and
// test/golden/generate.py for the format and for where our expected values
// follow the array API standard or our documented choices rather than
// NumPy).

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/cmplx"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const (
	goldenDir    = "testdata/golden"
	goldenScript = "../test/golden/generate.py"
)

// goldenScripts are the generator's scripts, in the order in which
// scripts_digest in generate.py hashes them.
var goldenScripts = []string{"generate.py", "gen_advanced.py", "gen_shapes.py", "gen_matmul.py"}

var goldenGroups = []string{"elementwise_unary", "elementwise_binary", "promotion", "reductions",
	"creation", "manipulation", "indexing", "sorting", "searching", "sets", "statistics", "nanreductions",
	"advanced_indexing", "shapes", "matmul"}

// knownDifferences lists golden cases that fail because of a known bug in
// arrays or kernels (or in the Go standard library functions they call),
// with the reason. They are still run and still fail (the message starts
// with KNOWN DIFFERENCE); delete an entry once its bug is fixed (the test
// says so when the case passes).
var knownDifferences = map[string]string{}

// goldenTol says how closely a function's results must match NumPy's. The
// zero value means bit for bit, with signed zeros checked.
type goldenTol struct {
	ulp64, ulp32    float64 // most ULPs between float64 (float32) results, and complex parts when crel is 0
	crel128, crel64 float64 // most |got-want|/|want| for complex128 (complex64) results
	anyZeroSign     bool    // -0 and +0 are both right
}

var (
	// Our float32 math computes in float64 and rounds; NumPy's float32
	// routines (SIMD) may be an ULP or so from the correctly rounded value.
	goldenTolMath = goldenTol{ulp64: 2, ulp32: 4, crel128: 1e-15, crel64: 1e-6}
	// Complex products and quotients: NumPy and Go round differently
	// (NumPy's Smith division multiplies by a reciprocal).
	goldenTolComplexArith = goldenTol{crel128: 1e-15, crel64: 1e-6}
	// Sums of inexact values: the pairwise trees of NumPy and of our chunked
	// reduction (kernels.ReduceGrain) differ for long inputs.
	goldenTolSum = goldenTol{ulp64: 8, ulp32: 8, crel128: 1e-15, crel64: 1e-6}
	// Variances: as sums (NumPy adds the rows of an axis-0 reduction one
	// after another, which is the less accurate: for a 70001x3 input it is
	// 10 ULP from the exact variance, ours 2), and |z|² of complex
	// deviations computes as hypot(re, im)² (NumPy: re*re + im*im).
	goldenTolVar = goldenTol{ulp64: 32, ulp32: 32, crel128: 1e-14, crel64: 1e-5}
	// Complex inverse functions: Go's math/cmplx and glibc differ by some
	// ULPs even where both are accurate.
	goldenTolInverse = goldenTol{ulp64: 2, ulp32: 4, crel128: 1e-14, crel64: 1e-6}
)

var goldenTolerance = map[string]goldenTol{
	"Exp": goldenTolMath, "Expm1": goldenTolMath, "Exp2": goldenTolMath, "Log": goldenTolMath, "Log1p": goldenTolMath,
	"Log2": goldenTolMath, "Log10": goldenTolMath, "Sin": goldenTolMath, "Cos": goldenTolMath, "Tan": goldenTolMath,
	"Sinh": goldenTolMath, "Cosh": goldenTolMath,
	"Tanh": goldenTolMath, "Asin": goldenTolInverse, "Acos": goldenTolInverse, "Atan": goldenTolInverse,
	"Asinh": goldenTolInverse, "Acosh": goldenTolInverse, "Atanh": goldenTolInverse,
	// x**y for complex numbers is exp(y*log(x)): ill-conditioned for large |x|.
	"Pow":   {ulp64: 2, ulp32: 4, crel128: 2e-14, crel64: 1e-6},
	"Atan2": goldenTolMath, "Hypot": goldenTolMath, "Logaddexp": goldenTolMath,
	// Exact for real numbers; complex results within tolComplexArith.
	"Sqrt": goldenTolComplexArith, "Multiply": goldenTolComplexArith, "Divide": goldenTolComplexArith,
	"Reciprocal": goldenTolComplexArith, "Square": goldenTolComplexArith, "Sign": goldenTolComplexArith,
	// |z| of complex z is hypot: glibc's is correctly rounded, Go's within
	// 2 ULP. (Real input is compared bit for bit all the same: |x| is exact.)
	"Abs": {ulp64: 2, ulp32: 2},
	"Sum": goldenTolSum, "Mean": goldenTolSum, "Var": goldenTolVar, "Std": goldenTolVar,
	// Complex products round (and sign their zeros) by the order of the
	// factors, which differs from NumPy's for multi-axis reductions.
	"Prod":           {crel128: 1e-15, crel64: 1e-6, anyZeroSign: true},
	"CumulativeProd": goldenTolComplexArith,

	"NanSum": goldenTolSum, "NanMean": goldenTolSum, "NanVar": goldenTolVar, "NanStd": goldenTolVar,
	"NanProd":           {crel128: 1e-15, crel64: 1e-6, anyZeroSign: true},
	"NanCumulativeProd": goldenTolComplexArith,
	// Which of equal -0 and +0 lands at the kth place is up to the
	// selection algorithm, in NumPy as here.
	"Partition": {anyZeroSign: true}, "Argpartition": {anyZeroSign: true},
	// The same for the element a quantile or a median picks (and NumPy's
	// nanmedian of small arrays adds a +0).
	"Quantile": {anyZeroSign: true}, "Percentile": {anyZeroSign: true},
	"NanQuantile": {anyZeroSign: true}, "NanPercentile": {anyZeroSign: true},
	"Median": {anyZeroSign: true}, "NanMedian": {anyZeroSign: true},
}

// ---------------------------------------------------------------- the data

type goldenFile struct {
	Group string       `json:"group"`
	Cases []goldenCase `json:"cases"`
}

type goldenCase struct {
	Name   string                     `json:"name"`
	Func   string                     `json:"func"`
	Args   []json.RawMessage          `json:"args"`
	Kwargs map[string]json.RawMessage `json:"kwargs"`
	Out    goldenOut                  `json:"out"`
}

type goldenArray struct {
	DType   string         `json:"dtype"`
	Shape   []int          `json:"shape"`
	Data    []any          `json:"data"`
	View    *string        `json:"view"`
	Recipe  *goldenRecipe  `json:"recipe"`
	Samples *goldenSamples `json:"samples"`
}

type goldenOut struct {
	goldenArray
	Error     bool        `json:"error"`
	DTypeOnly string      `json:"dtype_only"`
	Tuple     []goldenOut `json:"tuple"` // the results of a function that returns several arrays
}

type goldenSamples struct {
	Index []int `json:"index"`
	Data  []any `json:"data"`
}

// goldenRecipe describes an input that Go and NumPy both compute: element i
// is k = (i*Mul) % Mod; integers and bools are k + Offset (converted with
// wrapping), floats float64(k)*Scale + Offset, complex numbers have that as
// the real part and (i*MulIm % Mod)*Scale as the imaginary part; Set
// replaces elements afterwards.
type goldenRecipe struct {
	N      int      `json:"n"`
	Mul    int64    `json:"mul"`
	Mod    int64    `json:"mod"`
	Scale  *float64 `json:"scale"`
	Offset float64  `json:"offset"`
	MulIm  int64    `json:"mul_im"`
	Set    [][]any  `json:"set"`
}

func goldenDecode(data []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	return d.Decode(v)
}

func loadGolden(t *testing.T, group string) *goldenFile {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(goldenDir, group+".json"))
	if err != nil {
		t.Fatalf("%v (run go generate ./arrays)", err)
	}
	var f goldenFile
	if err := goldenDecode(data, &f); err != nil {
		t.Fatalf("%s: %v", group, err)
	}
	return &f
}

// ---------------------------------------------------------------- values

func goldenParseFloat(v any) (float64, error) {
	switch x := v.(type) {
	case json.Number:
		return strconv.ParseFloat(string(x), 64)
	case string:
		switch x {
		case "nan":
			return math.NaN(), nil
		case "inf":
			return math.Inf(1), nil
		case "-inf":
			return math.Inf(-1), nil
		}
	}
	return 0, fmt.Errorf("not a float: %#v", v)
}

func goldenParseComplex(v any) (complex128, error) {
	p, ok := v.([]any)
	if !ok || len(p) != 2 {
		return 0, fmt.Errorf("not a complex number: %#v", v)
	}
	re, err := goldenParseFloat(p[0])
	if err != nil {
		return 0, err
	}
	im, err := goldenParseFloat(p[1])
	return complex(re, im), err
}

// parseGoldenInt returns an integer as int64, or as uint64 when it is too big.
func goldenParseInt(v any) (i int64, u uint64, big bool, err error) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, 0, false, fmt.Errorf("not an integer: %#v", v)
	}
	if i, err = strconv.ParseInt(string(n), 10, 64); err == nil {
		return i, uint64(i), false, nil
	}
	u, err = strconv.ParseUint(string(n), 10, 64)
	return int64(u), u, true, err
}

type goldenSignedInt interface{ int8 | int16 | int32 | int64 }
type goldenUnsignedInt interface {
	uint8 | uint16 | uint32 | uint64
}

func goldenSignedSlice[T goldenSignedInt](vals []any) ([]T, error) {
	out := make([]T, len(vals))
	for i, v := range vals {
		x, _, _, err := goldenParseInt(v)
		if err != nil {
			return nil, err
		}
		out[i] = T(x)
	}
	return out, nil
}

func goldenUnsignedSlice[T goldenUnsignedInt](vals []any) ([]T, error) {
	out := make([]T, len(vals))
	for i, v := range vals {
		_, x, _, err := goldenParseInt(v)
		if err != nil {
			return nil, err
		}
		out[i] = T(x)
	}
	return out, nil
}

func goldenFloatSlice[T float32 | float64](vals []any) ([]T, error) {
	out := make([]T, len(vals))
	for i, v := range vals {
		x, err := goldenParseFloat(v)
		if err != nil {
			return nil, err
		}
		out[i] = T(x)
	}
	return out, nil
}

func goldenComplexSlice[T complex64 | complex128](vals []any) ([]T, error) {
	out := make([]T, len(vals))
	for i, v := range vals {
		x, err := goldenParseComplex(v)
		if err != nil {
			return nil, err
		}
		out[i] = T(x)
	}
	return out, nil
}

// goldenSlice converts JSON values to a typed Go slice of dtype dt.
func goldenSlice(dt DType, vals []any) (any, error) {
	switch dt {
	case Bool:
		out := make([]bool, len(vals))
		for i, v := range vals {
			b, ok := v.(bool)
			if !ok {
				return nil, fmt.Errorf("not a bool: %#v", v)
			}
			out[i] = b
		}
		return out, nil
	case Int8:
		return goldenSignedSlice[int8](vals)
	case Int16:
		return goldenSignedSlice[int16](vals)
	case Int32:
		return goldenSignedSlice[int32](vals)
	case Int64:
		return goldenSignedSlice[int64](vals)
	case Uint8:
		return goldenUnsignedSlice[uint8](vals)
	case Uint16:
		return goldenUnsignedSlice[uint16](vals)
	case Uint32:
		return goldenUnsignedSlice[uint32](vals)
	case Uint64:
		return goldenUnsignedSlice[uint64](vals)
	case Float32:
		return goldenFloatSlice[float32](vals)
	case Float64:
		return goldenFloatSlice[float64](vals)
	case Complex64:
		return goldenComplexSlice[complex64](vals)
	case Complex128:
		return goldenComplexSlice[complex128](vals)
	}
	return nil, fmt.Errorf("dtype %v", dt)
}

// recipeValues computes a recipe's elements as JSON-like values, so that
// goldenSlice converts them as it converts stored data.
func goldenRecipeValues(r *goldenRecipe, dt DType) ([]any, error) {
	scale := 1.0
	if r.Scale != nil {
		scale = *r.Scale
	}
	vals := make([]any, r.N)
	for i := range vals {
		k := (int64(i) * r.Mul) % r.Mod
		switch {
		case dt == Bool:
			vals[i] = k+int64(r.Offset) != 0
		case dt.IsInteger():
			v := k + int64(r.Offset)
			if dt == Uint64 {
				vals[i] = json.Number(strconv.FormatUint(uint64(v), 10))
			} else {
				vals[i] = json.Number(strconv.FormatInt(v, 10))
			}
		default:
			// The explicit conversion rounds the product, so that no fused
			// multiply-add changes the sum.
			re := float64(float64(k)*scale) + r.Offset
			if dt.IsComplex() {
				ki := (int64(i) * r.MulIm) % r.Mod
				vals[i] = []any{re, float64(ki) * scale}
			} else {
				vals[i] = re
			}
		}
	}
	for _, s := range r.Set {
		if len(s) != 2 {
			return nil, fmt.Errorf("bad recipe set %v", s)
		}
		j, _, _, err := goldenParseInt(s[0])
		if err != nil {
			return nil, err
		}
		vals[j] = s[1]
	}
	// Floats computed here go through goldenSlice as float64 values.
	for i, v := range vals {
		switch x := v.(type) {
		case float64:
			vals[i] = json.Number(strconv.FormatFloat(x, 'g', -1, 64))
		case []any:
			re, im := x[0].(float64), x[1].(float64)
			vals[i] = []any{json.Number(strconv.FormatFloat(re, 'g', -1, 64)), json.Number(strconv.FormatFloat(im, 'g', -1, 64))}
		}
	}
	return vals, nil
}

func goldenParseDType(name string) (DType, error) {
	dt, err := goldenParseDTypeName(name)
	if err != nil {
		return 0, err
	}
	if !dt.Valid() {
		return 0, fmt.Errorf("dtype %q is not computed with", name)
	}
	return dt, nil
}

func goldenParseDTypeName(name string) (DType, error) {
	for _, d := range []DType{Bool, Int8, Int16, Int32, Int64, Uint8, Uint16, Uint32, Uint64,
		Float32, Float64, Complex64, Complex128} {
		if d.String() == name {
			return d, nil
		}
	}
	return 0, fmt.Errorf("unknown dtype %q", name)
}

// build makes the array a golden input describes, view included.
func (g *goldenArray) build() (*Array, error) {
	dt, err := goldenParseDType(g.DType)
	if err != nil {
		return nil, err
	}
	vals := g.Data
	if g.Recipe != nil {
		if vals, err = goldenRecipeValues(g.Recipe, dt); err != nil {
			return nil, err
		}
	}
	data, err := goldenSlice(dt, vals)
	if err != nil {
		return nil, err
	}
	x := FromSlice(data).Reshape(g.Shape...)
	if g.View != nil {
		x = applyGoldenView(x, *g.View)
	}
	return x, nil
}

func applyGoldenView(x *Array, view string) *Array {
	switch {
	case view == "T":
		return x.T()
	case strings.HasPrefix(view, "broadcast:"):
		var dims []int
		for _, s := range strings.Split(strings.TrimPrefix(view, "broadcast:"), ",") {
			n, err := strconv.Atoi(s)
			if err != nil {
				panic(fmt.Sprintf("bad view %q", view))
			}
			dims = append(dims, n)
		}
		return BroadcastTo(x, dims...)
	}
	return x.Index(view)
}

// nestedValue is the argument of Asarray: nested []any of Go numbers.
type goldenNested struct{ v any }

func goldenToNested(v any) (any, error) {
	switch x := v.(type) {
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			var err error
			if out[i], err = goldenToNested(e); err != nil {
				return nil, err
			}
		}
		return out, nil
	case json.Number:
		if strings.ContainsAny(string(x), ".eE") {
			return goldenParseFloat(x)
		}
		i, u, big, err := goldenParseInt(x)
		if big {
			return u, err
		}
		return int(i), err
	case string:
		return goldenParseFloat(x)
	case bool:
		return x, nil
	case map[string]any:
		return goldenParseComplex(x["c"])
	}
	return nil, fmt.Errorf("bad nested value %#v", v)
}

// goldenArg turns an argument into what the Go function takes: *Array, a
// Go number, nil, []*Array or nestedValue.
func goldenArg(raw json.RawMessage) (any, error) {
	if string(raw) == "null" {
		return nil, nil
	}
	var m map[string]json.RawMessage
	if err := goldenDecode(raw, &m); err != nil {
		return nil, err
	}
	if s, ok := m["scalar"]; ok {
		var kind string
		var v any
		if err := goldenDecode(m["kind"], &kind); err != nil {
			return nil, err
		}
		if err := goldenDecode(s, &v); err != nil {
			return nil, err
		}
		switch kind {
		case "bool":
			return v.(bool), nil
		case "int":
			i, u, big, err := goldenParseInt(v)
			if big {
				return u, err
			}
			return int(i), err
		case "float":
			return goldenParseFloat(v)
		case "complex":
			return goldenParseComplex(v)
		}
		return nil, fmt.Errorf("bad scalar kind %q", kind)
	}
	if l, ok := m["arrays"]; ok {
		var gs []goldenArray
		if err := goldenDecode(l, &gs); err != nil {
			return nil, err
		}
		xs := make([]*Array, len(gs))
		for i := range gs {
			var err error
			if xs[i], err = gs[i].build(); err != nil {
				return nil, err
			}
		}
		return xs, nil
	}
	if n, ok := m["nested"]; ok {
		var v any
		if err := goldenDecode(n, &v); err != nil {
			return nil, err
		}
		v, err := goldenToNested(v)
		return goldenNested{v}, err
	}
	var g goldenArray
	if err := goldenDecode(raw, &g); err != nil {
		return nil, err
	}
	return g.build()
}

func goldenDescribe(a any) string {
	switch x := a.(type) {
	case *Array:
		s := fmt.Sprintf("%v%v", x.DType(), x.Shape())
		if !x.IsContiguous() {
			s += "(strided)"
		}
		return s
	case nil:
		return "nil"
	case []*Array:
		parts := make([]string, len(x))
		for i, y := range x {
			parts[i] = goldenDescribe(y)
		}
		return "[" + strings.Join(parts, " ") + "]"
	case goldenNested:
		return "nested"
	}
	return fmt.Sprintf("%T(%v)", a, a)
}

// ---------------------------------------------------------------- keyword arguments

type goldenKwargs map[string]json.RawMessage

func (k goldenKwargs) has(name string) bool {
	v, ok := k[name]
	return ok && string(v) != "null"
}

func (k goldenKwargs) get(name string, v any) {
	if err := goldenDecode(k[name], v); err != nil {
		panic(fmt.Sprintf("kwarg %s: %v", name, err))
	}
}

func (k goldenKwargs) int(name string) int {
	var n int
	k.get(name, &n)
	return n
}

// ints reads an int or a list of ints.
func (k goldenKwargs) ints(name string) []int {
	var n int
	if err := goldenDecode(k[name], &n); err == nil {
		return []int{n}
	}
	ns := []int{}
	k.get(name, &ns)
	return ns
}

func (k goldenKwargs) str(name string) string {
	var s string
	k.get(name, &s)
	return s
}

func (k goldenKwargs) float(name string) float64 {
	var v any
	k.get(name, &v)
	f, err := goldenParseFloat(v)
	if err != nil {
		panic(err)
	}
	return f
}

func (k goldenKwargs) bool(name string) bool {
	var b bool
	k.get(name, &b)
	return b
}

// options turns the standard's keyword arguments into Options.
func (k goldenKwargs) options() []Option {
	var opts []Option
	if k.has("axis") {
		opts = append(opts, Axis(k.ints("axis")...))
	}
	if k.has("keepdims") && k.bool("keepdims") {
		opts = append(opts, Keepdims())
	}
	if k.has("correction") {
		opts = append(opts, Correction(k.float("correction")))
	}
	if k.has("dtype") {
		dt, err := goldenParseDType(k.str("dtype"))
		if err != nil {
			panic(err)
		}
		opts = append(opts, Dtype(dt))
	}
	if k.has("include_initial") && k.bool("include_initial") {
		opts = append(opts, IncludeInitial())
	}
	if k.has("endpoint") {
		opts = append(opts, Endpoint(k.bool("endpoint")))
	}
	if k.has("descending") && k.bool("descending") {
		opts = append(opts, Descending())
	}
	if k.has("stable") && k.bool("stable") {
		opts = append(opts, Stable())
	}
	if k.has("side") {
		opts = append(opts, Side(k.str("side")))
	}
	if k.has("invert") && k.bool("invert") {
		opts = append(opts, Invert())
	}
	if k.has("n") {
		opts = append(opts, N(k.int("n")))
	}
	if k.has("method") {
		opts = append(opts, Method(k.str("method")))
	}
	if k.has("minlength") {
		opts = append(opts, Minlength(k.int("minlength")))
	}
	if k.has("density") && k.bool("density") {
		opts = append(opts, Density())
	}
	if k.has("range") {
		var r []any
		k.get("range", &r)
		lo, err1 := goldenParseFloat(r[0])
		hi, err2 := goldenParseFloat(r[1])
		if err1 != nil || err2 != nil {
			panic(fmt.Sprintf("kwarg range: %v", r))
		}
		opts = append(opts, Range(lo, hi))
	}
	return opts
}

func goldenOptionArgs(opts []Option) []any {
	out := make([]any, len(opts))
	for i, o := range opts {
		out[i] = o
	}
	return out
}

// ---------------------------------------------------------------- the functions

type goldenFunc func(args []any, kw goldenKwargs) *Array

func goldenUnary(f func(*Array) *Array) goldenFunc {
	return func(args []any, _ goldenKwargs) *Array { return f(args[0].(*Array)) }
}

func goldenBinary(f func(x, y any) *Array) goldenFunc {
	return func(args []any, _ goldenKwargs) *Array { return f(args[0], args[1]) }
}

func goldenReduction(f func(*Array, ...Option) *Array) goldenFunc {
	return func(args []any, kw goldenKwargs) *Array { return f(args[0].(*Array), kw.options()...) }
}

func goldenCreation(f func(...any) *Array) goldenFunc {
	return func(_ []any, kw goldenKwargs) *Array {
		return f(append([]any{kw.ints("shape")}, goldenOptionArgs(kw.options())...)...)
	}
}

var goldenFuncs = map[string]goldenFunc{
	"Abs": goldenUnary(Abs), "Negative": goldenUnary(Negative), "Positive": goldenUnary(Positive),
	"Sqrt": goldenUnary(Sqrt), "Square": goldenUnary(Square), "Reciprocal": goldenUnary(Reciprocal),
	"Exp": goldenUnary(Exp), "Expm1": goldenUnary(Expm1), "Exp2": goldenUnary(Exp2),
	"Log": goldenUnary(Log), "Log1p": goldenUnary(Log1p), "Log2": goldenUnary(Log2),
	"Log10": goldenUnary(Log10), "Sin": goldenUnary(Sin), "Cos": goldenUnary(Cos),
	"Tan": goldenUnary(Tan), "Asin": goldenUnary(Asin), "Acos": goldenUnary(Acos),
	"Atan": goldenUnary(Atan), "Sinh": goldenUnary(Sinh), "Cosh": goldenUnary(Cosh),
	"Tanh": goldenUnary(Tanh), "Asinh": goldenUnary(Asinh), "Acosh": goldenUnary(Acosh),
	"Atanh": goldenUnary(Atanh), "Floor": goldenUnary(Floor), "Ceil": goldenUnary(Ceil),
	"Trunc": goldenUnary(Trunc), "Round": goldenUnary(Round), "Sign": goldenUnary(Sign),
	"Signbit": goldenUnary(Signbit), "IsNaN": goldenUnary(IsNaN), "IsInf": goldenUnary(IsInf),
	"IsFinite": goldenUnary(IsFinite), "LogicalNot": goldenUnary(LogicalNot),
	"BitwiseInvert": goldenUnary(BitwiseInvert), "Conj": goldenUnary(Conj),
	"Real": goldenUnary(Real), "Imag": goldenUnary(Imag),
	"Clip": func(args []any, _ goldenKwargs) *Array { return Clip(args[0].(*Array), args[1], args[2]) },

	"Add": goldenBinary(Add), "Subtract": goldenBinary(Subtract), "Multiply": goldenBinary(Multiply),
	"Divide": goldenBinary(Divide), "FloorDivide": goldenBinary(FloorDivide),
	"Remainder": goldenBinary(Remainder), "Pow": goldenBinary(Pow), "Maximum": goldenBinary(Maximum),
	"Minimum": goldenBinary(Minimum), "Atan2": goldenBinary(Atan2), "Hypot": goldenBinary(Hypot),
	"Copysign": goldenBinary(Copysign), "Nextafter": goldenBinary(Nextafter),
	"Logaddexp": goldenBinary(Logaddexp), "BitwiseAnd": goldenBinary(BitwiseAnd),
	"BitwiseOr": goldenBinary(BitwiseOr), "BitwiseXor": goldenBinary(BitwiseXor),
	"BitwiseLeftShift": goldenBinary(BitwiseLeftShift), "BitwiseRightShift": goldenBinary(BitwiseRightShift),
	"Equal": goldenBinary(Equal), "NotEqual": goldenBinary(NotEqual), "Less": goldenBinary(Less),
	"LessEqual": goldenBinary(LessEqual), "Greater": goldenBinary(Greater),
	"GreaterEqual": goldenBinary(GreaterEqual), "LogicalAnd": goldenBinary(LogicalAnd),
	"LogicalOr": goldenBinary(LogicalOr), "LogicalXor": goldenBinary(LogicalXor),

	"Sum": goldenReduction(Sum), "Prod": goldenReduction(Prod), "Min": goldenReduction(Min),
	"Max": goldenReduction(Max), "Mean": goldenReduction(Mean), "Var": goldenReduction(Var),
	"Std": goldenReduction(Std), "All": goldenReduction(All), "Any": goldenReduction(Any),
	"CumulativeSum": goldenReduction(CumulativeSum), "CumulativeProd": goldenReduction(CumulativeProd),

	"Asarray": func(args []any, kw goldenKwargs) *Array {
		return Asarray(args[0].(goldenNested).v, kw.options()...)
	},
	"Zeros": goldenCreation(Zeros), "Ones": goldenCreation(Ones), "Empty": goldenCreation(Empty),
	"Full": func(args []any, kw goldenKwargs) *Array {
		return Full(args[0], append([]any{kw.ints("shape")}, goldenOptionArgs(kw.options())...)...)
	},
	"Arange": func(args []any, kw goldenKwargs) *Array {
		return Arange(append(args, goldenOptionArgs(kw.options())...)...)
	},
	"Linspace": func(_ []any, kw goldenKwargs) *Array {
		return Linspace(kw.float("start"), kw.float("stop"), kw.int("num"), kw.options()...)
	},
	"Eye": func(_ []any, kw goldenKwargs) *Array {
		n := kw.int("n")
		var rest []any
		if kw.has("m") || kw.has("k") {
			m := n
			if kw.has("m") {
				m = kw.int("m")
			}
			rest = append(rest, m)
		}
		if kw.has("k") {
			rest = append(rest, kw.int("k"))
		}
		return Eye(n, append(rest, goldenOptionArgs(kw.options())...)...)
	},

	"Reshape": func(args []any, kw goldenKwargs) *Array { return Reshape(args[0].(*Array), kw.ints("shape")...) },
	"PermuteDims": func(args []any, kw goldenKwargs) *Array {
		return PermuteDims(args[0].(*Array), kw.ints("axes")...)
	},
	"MatrixTranspose": goldenUnary(MatrixTranspose),
	"ExpandDims":      func(args []any, kw goldenKwargs) *Array { return ExpandDims(args[0].(*Array), kw.int("axis")) },
	"Squeeze":         func(args []any, kw goldenKwargs) *Array { return Squeeze(args[0].(*Array), kw.ints("axes")...) },
	"BroadcastTo": func(args []any, kw goldenKwargs) *Array {
		return BroadcastTo(args[0].(*Array), kw.ints("shape")...)
	},
	"Concat": func(args []any, kw goldenKwargs) *Array { return Concat(args[0].([]*Array), kw.options()...) },
	"Stack":  func(args []any, kw goldenKwargs) *Array { return Stack(args[0].([]*Array), kw.options()...) },

	"Index": func(args []any, kw goldenKwargs) *Array { return args[0].(*Array).Index(kw.str("index")) },
	"SetIndex": func(args []any, kw goldenKwargs) *Array {
		return args[0].(*Array).SetIndex(args[1], kw.str("index"))
	},
	// SetIndexSelf assigns a view of x to another view of x.
	"SetIndexSelf": func(args []any, kw goldenKwargs) *Array {
		x := args[0].(*Array)
		return x.SetIndex(x.Index(kw.str("source")), kw.str("index"))
	},

	"Sort": goldenReduction(Sort), "Argsort": goldenReduction(Argsort),
	// A partition is compared in a canonical form: both sides sorted.
	"Partition": func(args []any, kw goldenKwargs) *Array {
		x := args[0].(*Array)
		p := Partition(x, kw.int("kth"), kw.options()...)
		return goldenCanonPartition(p, kw)
	},
	"Argpartition": func(args []any, kw goldenKwargs) *Array {
		x := args[0].(*Array)
		idx := Argpartition(x, kw.int("kth"), kw.options()...)
		return goldenCanonPartition(goldenTakeAlongAxis(x, idx, kw), kw)
	},
	"Argmax": goldenReduction(Argmax), "Argmin": goldenReduction(Argmin),
	"NanArgmax": goldenReduction(NanArgmax), "NanArgmin": goldenReduction(NanArgmin),
	"CountNonzero": goldenReduction(CountNonzero),
	"Where":        func(args []any, _ goldenKwargs) *Array { return Where(args[0].(*Array), args[1], args[2]) },
	"Searchsorted": func(args []any, kw goldenKwargs) *Array {
		opts := kw.options()
		if args[2] != nil {
			opts = append(opts, Sorter(args[2].(*Array)))
		}
		return Searchsorted(args[0].(*Array), args[1], opts...)
	},
	"UniqueValues": goldenUnary(UniqueValues),
	"Isin":         func(args []any, kw goldenKwargs) *Array { return Isin(args[0], args[1], kw.options()...) },
	"Diff": func(args []any, kw goldenKwargs) *Array {
		opts := kw.options()
		if args[1] != nil {
			opts = append(opts, Prepend(args[1]))
		}
		if args[2] != nil {
			opts = append(opts, Append(args[2]))
		}
		return Diff(args[0].(*Array), opts...)
	},
	"Bincount": func(args []any, kw goldenKwargs) *Array {
		opts := kw.options()
		if args[1] != nil {
			opts = append(opts, Weights(args[1].(*Array)))
		}
		return Bincount(args[0].(*Array), opts...)
	},
	"Quantile": goldenQuantile(Quantile), "Percentile": goldenQuantile(Percentile),
	"NanQuantile": goldenQuantile(NanQuantile), "NanPercentile": goldenQuantile(NanPercentile),
	"Median": goldenReduction(Median), "NanMedian": goldenReduction(NanMedian),

	"NanSum": goldenReduction(NanSum), "NanProd": goldenReduction(NanProd),
	"NanMin": goldenReduction(NanMin), "NanMax": goldenReduction(NanMax),
	"NanMean": goldenReduction(NanMean), "NanVar": goldenReduction(NanVar),
	"NanStd":           goldenReduction(NanStd),
	"NanCumulativeSum": goldenReduction(NanCumulativeSum), "NanCumulativeProd": goldenReduction(NanCumulativeProd),
}

// goldenMultiFuncs are the functions that return several arrays; their
// cases have a "tuple" output.
var goldenMultiFuncs = map[string]func(args []any, kw goldenKwargs) []*Array{
	"Nonzero": func(args []any, _ goldenKwargs) []*Array { return Nonzero(args[0].(*Array)) },
	"UniqueAll": func(args []any, _ goldenKwargs) []*Array {
		v, i, inv, c := UniqueAll(args[0].(*Array))
		return []*Array{v, i, inv, c}
	},
	"UniqueCounts": func(args []any, _ goldenKwargs) []*Array {
		v, c := UniqueCounts(args[0].(*Array))
		return []*Array{v, c}
	},
	"UniqueInverse": func(args []any, _ goldenKwargs) []*Array {
		v, inv := UniqueInverse(args[0].(*Array))
		return []*Array{v, inv}
	},
	"Histogram": func(args []any, kw goldenKwargs) []*Array {
		opts := kw.options()
		if args[2] != nil {
			opts = append(opts, Weights(args[2].(*Array)))
		}
		counts, edges := Histogram(args[0].(*Array), args[1], opts...)
		return []*Array{counts, edges}
	},
}

func goldenQuantile(f func(*Array, any, ...Option) *Array) goldenFunc {
	return func(args []any, kw goldenKwargs) *Array { return f(args[0].(*Array), args[1], kw.options()...) }
}

// goldenAxis is the axis a sorting case works along.
func goldenAxis(x *Array, kw goldenKwargs) int {
	ax := -1
	if kw.has("axis") {
		ax = kw.ints("axis")[0]
	}
	if ax < 0 {
		ax += x.Ndim()
	}
	return ax
}

// goldenCanonPartition sorts both sides of the kth element of a partition
// along its axis, which turns every valid partition into the sorted array.
func goldenCanonPartition(p *Array, kw goldenKwargs) *Array {
	ax := goldenAxis(p, kw)
	n := p.Shape()[ax]
	kth := kw.int("kth")
	if kth < 0 {
		kth += n
	}
	left := Sort(p.Index(spanOnAxis(ax, 0, kth)...), Axis(ax))
	mid := p.Index(spanOnAxis(ax, kth, kth+1)...)
	right := Sort(p.Index(spanOnAxis(ax, kth+1, n)...), Axis(ax))
	return Concat([]*Array{left, mid, right}, Axis(ax))
}

// goldenTakeAlongAxis gathers x's elements at idx along the case's axis,
// checking that idx holds each index of every lane once.
func goldenTakeAlongAxis(x, idx *Array, kw goldenKwargs) *Array {
	ax := goldenAxis(x, kw)
	perm := []int{}
	for i := 0; i < x.Ndim(); i++ {
		if i != ax {
			perm = append(perm, i)
		}
	}
	perm = append(perm, ax)
	xs := Copy(PermuteDims(x, perm...))
	is := PermuteDims(idx, perm...).Int64s()
	n := x.Shape()[ax]
	out := EmptyLike(xs)
	flatX, flatOut := xs.Reshape(-1), out.Reshape(-1)
	for r := 0; r*n < len(is); r++ {
		seen := make([]bool, n)
		for j := 0; j < n; j++ {
			i := is[r*n+j]
			if i < 0 || int(i) >= n || seen[i] {
				panic(fmt.Sprintf("argpartition: lane %d is no permutation: %v", r, is[r*n:(r+1)*n]))
			}
			seen[i] = true
			flatOut.SetIndex(flatX.Index(r*n+int(i)), r*n+j)
		}
	}
	inv := make([]int, len(perm))
	for i, p := range perm {
		inv[p] = i
	}
	return Copy(PermuteDims(out, inv...))
}

// ---------------------------------------------------------------- comparing

// isPackageError reports whether err is one of the typed errors that the
// package documents for misuse.
func goldenIsPackageError(err error) bool {
	var se *ShapeError
	var de *DTypeError
	var ie *IndexError
	var ve *ValueError
	var dve *DeviceError
	return errors.As(err, &se) || errors.As(err, &de) || errors.As(err, &ie) ||
		errors.As(err, &ve) || errors.As(err, &dve)
}

// ord maps a float's bits onto integers that order like the floats, with
// -0 and +0 both at 0.
func goldenOrd(x float64, bits int) int64 {
	if bits == 32 {
		b := int64(math.Float32bits(float32(x)))
		if b&(1<<31) != 0 {
			return -(b &^ (1 << 31))
		}
		return b
	}
	b := math.Float64bits(x)
	if b&(1<<63) != 0 {
		return -int64(b &^ (1 << 63))
	}
	return int64(b)
}

// ulps is the number of floats from want to got (of the given bits).
func goldenULPs(want, got float64, bits int) float64 {
	a, b := goldenOrd(want, bits), goldenOrd(got, bits)
	if (a < 0) != (b < 0) {
		return math.Abs(float64(a) - float64(b)) // far apart anyway; avoids overflow
	}
	if a < b {
		a, b = b, a
	}
	return float64(uint64(a - b))
}

func goldenFmtFloat(x float64, bits int) string {
	if x == 0 && math.Signbit(x) {
		return "-0"
	}
	return strconv.FormatFloat(x, 'g', -1, bits)
}

// floatsMatch compares one float within maxULP (and, when rel > 0, within
// rel*scale in absolute terms). Signed zeros must match unless anySign.
func goldenFloatsMatch(want, got float64, bits int, maxULP, rel, scale float64, anySign bool) bool {
	wn, gn := math.IsNaN(want), math.IsNaN(got)
	if wn || gn {
		return wn && gn
	}
	if anySign {
		want, got = math.Abs(want), math.Abs(got)
	}
	if math.IsInf(want, 0) || math.IsInf(got, 0) {
		return want == got
	}
	if want == 0 && got == 0 {
		return math.Signbit(want) == math.Signbit(got)
	}
	if want == got || goldenULPs(want, got, bits) <= maxULP {
		return true
	}
	return rel > 0 && math.Abs(want-got) <= rel*scale
}

// elementMismatch compares element i of got (a typed slice) with the JSON
// value want, and describes the difference, or returns "".
func goldenElementMismatch(dt DType, got any, i int, want any, tol goldenTol) string {
	bits := 64
	if dt == Float32 || dt == Complex64 {
		bits = 32
	}
	maxULP, rel := tol.ulp64, tol.crel128
	if bits == 32 {
		maxULP, rel = tol.ulp32, tol.crel64
	}
	switch g := got.(type) {
	case []bool:
		if w, ok := want.(bool); !ok || w != g[i] {
			return fmt.Sprintf("want %v, got %v", want, g[i])
		}
		return ""
	case []float32, []float64:
		w, err := goldenParseFloat(want)
		if err != nil {
			return err.Error()
		}
		var v float64
		if f, ok := g.([]float32); ok {
			v = float64(f[i])
		} else {
			v = g.([]float64)[i]
		}
		if !goldenFloatsMatch(w, v, bits, maxULP, 0, 0, tol.anyZeroSign && w == 0) {
			return fmt.Sprintf("want %s, got %s (%.0f ULP; tolerance %g)", goldenFmtFloat(w, bits), goldenFmtFloat(v, bits), goldenULPs(w, v, bits), maxULP)
		}
		return ""
	case []complex64, []complex128:
		w, err := goldenParseComplex(want)
		if err != nil {
			return err.Error()
		}
		var v complex128
		if c, ok := g.([]complex64); ok {
			v = complex128(c[i])
		} else {
			v = g.([]complex128)[i]
		}
		// Where one part of the result is NaN, C99 (and so the standard)
		// leaves the sign of the other unspecified, as in cos(inf+0j) =
		// NaN ± 0j: compare its magnitude only.
		reNaN, imNaN := math.IsNaN(real(w)), math.IsNaN(imag(w))
		anyRe := imNaN && !reNaN || tol.anyZeroSign && real(w) == 0
		anyIm := reNaN && !imNaN || tol.anyZeroSign && imag(w) == 0
		scale := cmplx.Abs(w)
		if !goldenFloatsMatch(real(w), real(v), bits, maxULP, rel, scale, anyRe) || !goldenFloatsMatch(imag(w), imag(v), bits, maxULP, rel, scale, anyIm) {
			return fmt.Sprintf("want (%s%+si), got (%s%+si) (tolerance %g relative)", goldenFmtFloat(real(w), bits), goldenFmtFloat(imag(w), bits),
				goldenFmtFloat(real(v), bits), goldenFmtFloat(imag(v), bits), rel)
		}
		return ""
	}
	// Integers.
	wi, wu, _, err := goldenParseInt(want)
	if err != nil {
		return err.Error()
	}
	var ok bool
	var gs string
	switch g := got.(type) {
	case []int8:
		ok, gs = int64(g[i]) == wi, fmt.Sprint(g[i])
	case []int16:
		ok, gs = int64(g[i]) == wi, fmt.Sprint(g[i])
	case []int32:
		ok, gs = int64(g[i]) == wi, fmt.Sprint(g[i])
	case []int64:
		ok, gs = g[i] == wi, fmt.Sprint(g[i])
	case []uint8:
		ok, gs = uint64(g[i]) == wu, fmt.Sprint(g[i])
	case []uint16:
		ok, gs = uint64(g[i]) == wu, fmt.Sprint(g[i])
	case []uint32:
		ok, gs = uint64(g[i]) == wu, fmt.Sprint(g[i])
	case []uint64:
		ok, gs = g[i] == wu, fmt.Sprint(g[i])
	default:
		return fmt.Sprintf("unexpected data %T", got)
	}
	if !ok {
		return fmt.Sprintf("want %v, got %s", want, gs)
	}
	return ""
}

// compareGolden lists how got differs from want.
func compareGolden(got *Array, want *goldenOut, tol goldenTol) []string {
	if want.DTypeOnly != "" {
		var diffs []string
		if got.DType().String() != want.DTypeOnly {
			diffs = append(diffs, fmt.Sprintf("dtype: want %s, got %v", want.DTypeOnly, got.DType()))
		}
		if want.Shape != nil && !equalInts(got.Shape(), want.Shape) {
			diffs = append(diffs, fmt.Sprintf("shape: want %v, got %v", want.Shape, got.Shape()))
		}
		return diffs
	}
	if got.DType().String() != want.DType {
		return []string{fmt.Sprintf("dtype: want %s, got %v", want.DType, got.DType())}
	}
	if !equalInts(got.Shape(), want.Shape) {
		return []string{fmt.Sprintf("shape: want %v, got %v", want.Shape, got.Shape())}
	}
	data := got.Data()
	index, vals := []int(nil), want.Data
	if want.Samples != nil {
		index, vals = want.Samples.Index, want.Samples.Data
	} else if len(vals) != got.Size() {
		return []string{fmt.Sprintf("want %d values, got %d", len(vals), got.Size())}
	}
	var diffs []string
	for j, w := range vals {
		i := j
		if index != nil {
			i = index[j]
		}
		if d := goldenElementMismatch(got.DType(), data, i, w, tol); d != "" {
			diffs = append(diffs, fmt.Sprintf("index %d: %s", i, d))
		}
	}
	return diffs
}

// runGoldenCase runs one case and returns what went wrong, or "".
func runGoldenCase(c *goldenCase) (string, error) {
	f, ok := goldenFuncs[c.Func]
	multi, isMulti := goldenMultiFuncs[c.Func]
	if c.Func == "ResultType" || isMulti {
		ok = true
	}
	if !ok {
		return "", fmt.Errorf("no Go function for %q", c.Func)
	}
	args := make([]any, len(c.Args))
	for i, raw := range c.Args {
		var err error
		if args[i], err = goldenArg(raw); err != nil {
			return "", fmt.Errorf("argument %d: %v", i, err)
		}
	}
	descr := make([]string, len(args))
	for i, a := range args {
		descr[i] = goldenDescribe(a)
	}
	call := fmt.Sprintf("%s(%s)", c.Func, strings.Join(descr, ", "))
	if len(c.Kwargs) > 0 {
		keys := make([]string, 0, len(c.Kwargs))
		for k := range c.Kwargs {
			keys = append(keys, k+"="+string(c.Kwargs[k]))
		}
		sort.Strings(keys)
		call += " " + strings.Join(keys, " ")
	}

	var got *Array
	var gots []*Array
	var gotDType DType
	err := Maybe(func() {
		if isMulti {
			gots = multi(args, goldenKwargs(c.Kwargs))
			return
		}
		if c.Func == "ResultType" {
			var names []string
			goldenKwargs(c.Kwargs).get("dtypes", &names)
			var ds []any
			for _, n := range names {
				d, err := goldenParseDType(n)
				if err != nil {
					panic(err)
				}
				ds = append(ds, d)
			}
			gotDType = ResultType(ds...)
			return
		}
		got = f(args, goldenKwargs(c.Kwargs))
	})
	if c.Out.Error {
		switch {
		case err == nil && got != nil:
			return fmt.Sprintf("%s: want an error (a panic with one of the package's typed errors), got %v%v", call, got.DType(), got.Shape()), nil
		case err == nil && gots != nil:
			return fmt.Sprintf("%s: want an error (a panic with one of the package's typed errors), got %d arrays", call, len(gots)), nil
		case err == nil:
			return fmt.Sprintf("%s: want an error, got none", call), nil
		case !goldenIsPackageError(err):
			return fmt.Sprintf("%s: want one of the package's typed errors, got %T: %v", call, err, err), nil
		}
		return "", nil
	}
	if err != nil {
		return fmt.Sprintf("%s: unexpected panic: %v", call, err), nil
	}
	if c.Func == "ResultType" {
		if gotDType.String() != c.Out.DTypeOnly {
			return fmt.Sprintf("%s: want %s, got %v", call, c.Out.DTypeOnly, gotDType), nil
		}
		return "", nil
	}
	var diffs []string
	if isMulti {
		if len(gots) != len(c.Out.Tuple) {
			return fmt.Sprintf("%s: want %d arrays, got %d", call, len(c.Out.Tuple), len(gots)), nil
		}
		for i, g := range gots {
			for _, d := range compareGolden(g, &c.Out.Tuple[i], goldenTolerance[c.Func]) {
				diffs = append(diffs, fmt.Sprintf("result %d: %s", i, d))
			}
		}
		if len(diffs) == 0 {
			return "", nil
		}
		got = gots[0]
	} else {
		diffs = compareGolden(got, &c.Out, goldenTolerance[c.Func])
	}
	if len(diffs) == 0 {
		return "", nil
	}
	const most = 6
	msg := fmt.Sprintf("%s -> %v%v: %d differences", call, got.DType(), got.Shape(), len(diffs))
	for i, d := range diffs {
		if i == most {
			msg += fmt.Sprintf("\n\t... and %d more", len(diffs)-most)
			break
		}
		msg += "\n\t" + d
	}
	return msg, nil
}

func TestGolden(t *testing.T) {
	seen := map[string]bool{}
	for _, group := range goldenGroups {
		t.Run(group, func(t *testing.T) {
			f := loadGolden(t, group)
			if len(f.Cases) == 0 {
				t.Fatalf("%s: no cases", group)
			}
			for i := range f.Cases {
				c := &f.Cases[i]
				seen[c.Name] = true
				problem, err := runGoldenCase(c)
				if err != nil {
					t.Errorf("%s: broken case: %v", c.Name, err)
					continue
				}
				reason, known := knownDifferences[c.Name]
				switch {
				case problem != "" && known:
					t.Errorf("KNOWN DIFFERENCE (%s)\n%s: %s", reason, c.Name, problem)
				case problem != "":
					t.Errorf("%s: %s", c.Name, problem)
				case known:
					t.Errorf("%s passes now: delete it from knownDifferences", c.Name)
				}
			}
		})
	}
	for name := range knownDifferences {
		if !seen[name] {
			t.Errorf("knownDifferences names %q, which is no golden case", name)
		}
	}
}

// TestGoldenDataFresh fails when test/golden/generate.py has changed since
// it wrote the golden data.
func TestGoldenDataFresh(t *testing.T) {
	digest := sha256.New()
	for _, name := range goldenScripts {
		script, err := os.ReadFile(filepath.Join(filepath.Dir(goldenScript), name))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(script)
		digest.Write(sum[:])
	}
	data, err := os.ReadFile(filepath.Join(goldenDir, "manifest.json"))
	if err != nil {
		t.Fatalf("%v: golden data is stale: run go generate ./arrays", err)
	}
	var m struct {
		SHA256 string         `json:"generator_sha256"`
		Cases  map[string]int `json:"cases"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	if m.SHA256 != hex.EncodeToString(digest.Sum(nil)) {
		t.Fatalf("golden data is stale: run go generate ./arrays (a script in %s has changed since it wrote %s)", filepath.Dir(goldenScript), goldenDir)
	}
	for _, group := range goldenGroups {
		if m.Cases[group] == 0 {
			t.Errorf("manifest lists no cases for %s: run go generate ./arrays", group)
		}
	}
}
