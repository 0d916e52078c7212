package glsl

import (
	"embed"
	"fmt"
	"strings"
	"text/template"

	"workbench/arrays/dtype"
	"workbench/kernels"
)

//go:embed shaders
var files embed.FS

var templates = template.Must(template.New("").ParseFS(files, "shaders/*"))

// WorkGroupSize is the local size of every shader: the number of
// invocations in one work group, and the block length of scans.
const WorkGroupSize = 256

// MaxDims is the most axes a strided view may have after the device has
// merged the axes that it can.
const MaxDims = 8

// Program is the source of one compute shader.
type Program struct {
	// Name says what the shader computes, such as
	// "unary sqrt float32->float32 strided"; it is also the cache key.
	Name string
	// Source is the complete GLSL text.
	Source string
}

// Type is how an element is held in a shader.
type Type uint8

// The shader types. Words1, Words2 and Words4 move elements of 4, 8 or 16
// bytes without looking at them.
const (
	None Type = iota
	Float
	Double
	Int
	Uint
	Bool
	Words1
	Words2
	Words4
	Int64
	Uint64
	// Bytes1 and Bytes2 move elements of 1 or 2 bytes, packed in words,
	// without looking at them: loaded as uint, stored with atomicAnd and
	// atomicOr on their own bits of the word, so that invocations writing
	// the other elements of the same word do not race.
	Bytes1
	Bytes2
	// Int8, Uint8, Int16 and Uint16 compute as int or uint (sign- or
	// zero-extended when loaded), and store their low bits as Bytes1 and
	// Bytes2 do: the truncation gives the wrapping arithmetic of the
	// narrow types.
	Int8
	Uint8
	Int16
	Uint16
)

var typeNames = [...]string{"none", "float", "double", "int", "uint", "bool", "uint", "uvec2", "uvec4", "int64_t", "uint64_t",
	"uint", "uint", "int", "uint", "int", "uint"}

// base is the type whose expressions t computes with: int for the narrow
// signed integers, uint for the narrow unsigned ones, t itself otherwise.
func (t Type) base() Type {
	switch t {
	case Int8, Int16:
		return Int
	case Uint8, Uint16:
		return Uint
	}
	return t
}

// Features are what a GPU can compute beyond OpenGL 4.3's core: its
// methods return the shaders for such a GPU.
type Features struct {
	// FP64: double-precision arithmetic (core since OpenGL 4.0, optional
	// in practice), for float64.
	FP64 bool
	// Int64: GL_ARB_gpu_shader_int64, for int64 and uint64.
	Int64 bool
}

// int64Extension is the directive that shaders computing with int64_t
// or uint64_t start with.
const int64Extension = "#extension GL_ARB_gpu_shader_int64 : require\n"

// GLSL returns the GLSL name of the type.
func (t Type) GLSL() string { return typeNames[t] }

// StorageBytes is the number of bytes a buffer of n elements of dt takes
// (see the package documentation), at least 4.
func StorageBytes(dt dtype.DType, n int) int {
	b := n * dt.Size()
	if dt == dtype.Bool {
		b = 4 * n
	}
	b = (b + 3) &^ 3
	return max(b, 4)
}

// ElemBytes is the number of bytes one element of dt takes in a buffer.
func ElemBytes(dt dtype.DType) int {
	if dt == dtype.Bool {
		return 4
	}
	return dt.Size()
}

// Compute returns the type a shader computes dt with, or an error matching
// kernels.ErrNotImplemented. fp64 says whether the GPU has double
// precision.
func Compute(dt dtype.DType, fp64 bool) (Type, error) {
	if dt.Size() < 4 && dt != dtype.Bool {
		// The narrow integers' packed stores are for element-wise
		// shaders (Features.Compute); other shaders keep whole words.
		return None, notImpl(dt.String()+" arithmetic", "this shader computes with whole 32-bit words")
	}
	return Features{FP64: fp64}.Compute(dt)
}

// Compute returns the type a shader computes dt with on a GPU with
// features f, or an error matching kernels.ErrNotImplemented.
func (f Features) Compute(dt dtype.DType) (Type, error) {
	fp64 := f.FP64
	switch dt {
	case dtype.Int64, dtype.Uint64:
		if f.Int64 {
			if dt == dtype.Int64 {
				return Int64, nil
			}
			return Uint64, nil
		}
		return None, notImpl(dt.String()+" arithmetic", "this GPU has no GL_ARB_gpu_shader_int64")
	case dtype.Int8:
		return Int8, nil
	case dtype.Uint8:
		return Uint8, nil
	case dtype.Int16:
		return Int16, nil
	case dtype.Uint16:
		return Uint16, nil
	case dtype.Float32:
		return Float, nil
	case dtype.Int32:
		return Int, nil
	case dtype.Uint32:
		return Uint, nil
	case dtype.Bool:
		return Bool, nil
	case dtype.Float64:
		if fp64 {
			return Double, nil
		}
		return None, notImpl("float64 arithmetic", "this GPU has no GL_ARB_gpu_shader_fp64")
	}
	return None, notImpl(dt.String()+" arithmetic", "the GPU shaders compute with real numbers and bool only")
}

// Raw returns the type that moves elements of dt unchanged: whole words
// for 4, 8 and 16 bytes, Bytes1 and Bytes2 (atomic stores into shared
// words) for the 1- and 2-byte dtypes.
func Raw(dt dtype.DType) (Type, error) {
	switch ElemBytes(dt) {
	case 1:
		return Bytes1, nil
	case 2:
		return Bytes2, nil
	case 4:
		return Words1, nil
	case 8:
		return Words2, nil
	case 16:
		return Words4, nil
	}
	return None, notImpl("a copy of "+dt.String(), fmt.Sprintf("no shader moves elements of %d bytes", ElemBytes(dt)))
}

// NotImplementedError is the error of an operation that the GPU shaders
// do not compute; it matches kernels.ErrNotImplemented (and so
// devices.ErrNotImplemented) with errors.Is.
type NotImplementedError struct {
	What string // such as "sqrt of int32" or "int8 arithmetic"
	Why  string // such as "not defined for int32"
}

func (e *NotImplementedError) Error() string {
	return fmt.Sprintf("gpu: %s is not implemented: %s", e.What, e.Why)
}

// Unwrap returns kernels.ErrNotImplemented.
func (e *NotImplementedError) Unwrap() error { return kernels.ErrNotImplemented }

func notImpl(what, why string) error {
	return &NotImplementedError{What: what, Why: why}
}

// access returns the GLSL functions ldK and stK for buffer binding K
// (an array wK of uint) of type t.
func access(k int, t Type, load, store bool) string {
	var b strings.Builder
	w := fmt.Sprintf("w%d", k)
	n := t.GLSL()
	if load {
		fmt.Fprintf(&b, "%s ld%d(int i) { ", n, k)
		switch t {
		case Float:
			fmt.Fprintf(&b, "return uintBitsToFloat(%s[i]);", w)
		case Int:
			fmt.Fprintf(&b, "return int(%s[i]);", w)
		case Uint, Words1:
			fmt.Fprintf(&b, "return %s[i];", w)
		case Bool:
			fmt.Fprintf(&b, "return %s[i] != 0u;", w)
		case Double:
			fmt.Fprintf(&b, "return packDouble2x32(uvec2(%[1]s[2 * i], %[1]s[2 * i + 1]));", w)
		case Words2:
			fmt.Fprintf(&b, "return uvec2(%[1]s[2 * i], %[1]s[2 * i + 1]);", w)
		case Int64:
			fmt.Fprintf(&b, "return int64_t(packUint2x32(uvec2(%[1]s[2 * i], %[1]s[2 * i + 1])));", w)
		case Bytes1, Uint8:
			fmt.Fprintf(&b, "return (%s[i >> 2] >> (8 * (i & 3))) & 0xffu;", w)
		case Bytes2, Uint16:
			fmt.Fprintf(&b, "return (%s[i >> 1] >> (16 * (i & 1))) & 0xffffu;", w)
		case Int8:
			fmt.Fprintf(&b, "return int(%s[i >> 2] << (24 - 8 * (i & 3))) >> 24;", w)
		case Int16:
			fmt.Fprintf(&b, "return int(%s[i >> 1] << (16 - 16 * (i & 1))) >> 16;", w)
		case Uint64:
			fmt.Fprintf(&b, "return packUint2x32(uvec2(%[1]s[2 * i], %[1]s[2 * i + 1]));", w)
		case Words4:
			fmt.Fprintf(&b, "return uvec4(%[1]s[4 * i], %[1]s[4 * i + 1], %[1]s[4 * i + 2], %[1]s[4 * i + 3]);", w)
		}
		b.WriteString(" }\n")
	}
	if store {
		fmt.Fprintf(&b, "void st%d(int i, %s v) { ", k, n)
		switch t {
		case Float:
			fmt.Fprintf(&b, "%s[i] = floatBitsToUint(v);", w)
		case Int:
			fmt.Fprintf(&b, "%s[i] = uint(v);", w)
		case Uint, Words1:
			fmt.Fprintf(&b, "%s[i] = v;", w)
		case Bool:
			fmt.Fprintf(&b, "%s[i] = v ? 1u : 0u;", w)
		case Double:
			fmt.Fprintf(&b, "uvec2 u = unpackDouble2x32(v); %[1]s[2 * i] = u.x; %[1]s[2 * i + 1] = u.y;", w)
		case Words2:
			fmt.Fprintf(&b, "%[1]s[2 * i] = v.x; %[1]s[2 * i + 1] = v.y;", w)
		case Int64, Uint64:
			fmt.Fprintf(&b, "uvec2 u = unpackUint2x32(uint64_t(v)); %[1]s[2 * i] = u.x; %[1]s[2 * i + 1] = u.y;", w)
		case Bytes1, Int8, Uint8:
			fmt.Fprintf(&b, "uint s = 8u * uint(i & 3); atomicAnd(%[1]s[i >> 2], ~(0xffu << s)); atomicOr(%[1]s[i >> 2], (uint(v) & 0xffu) << s);", w)
		case Bytes2, Int16, Uint16:
			fmt.Fprintf(&b, "uint s = 16u * uint(i & 1); atomicAnd(%[1]s[i >> 1], ~(0xffffu << s)); atomicOr(%[1]s[i >> 1], (uint(v) & 0xffffu) << s);", w)
		case Words4:
			fmt.Fprintf(&b, "%[1]s[4 * i] = v.x; %[1]s[4 * i + 1] = v.y; %[1]s[4 * i + 2] = v.z; %[1]s[4 * i + 3] = v.w;", w)
		}
		b.WriteString(" }\n")
	}
	return b.String()
}

// helpers returns the helper functions for computing with t.
func helpers(t Type) string {
	switch t.base() {
	case Float:
		return file("float.glsl")
	case Double:
		return file("double.glsl")
	case Int, Uint:
		return file("int.glsl")
	case Int64, Uint64:
		return file("int64.glsl")
	}
	return ""
}

func file(name string) string {
	b, err := files.ReadFile("shaders/" + name)
	if err != nil {
		panic(err) // embedded: cannot happen
	}
	return string(b)
}

type params struct {
	Name         string
	Strided      bool
	Binary       bool
	Access       string
	Helpers      string
	In           string
	Expr         string
	Combine      string
	Identity     string
	FromPartials bool
	ToPartials   bool
	Serial       bool
	Phase        string
}

func render(file string, p params) Program { return renderAny(file, p.Name, p) }

func layoutName(strided bool) string {
	if strided {
		return "strided"
	}
	return "1d"
}

// elementwise renders the element-wise shader: dst (binding 0) of type out
// = expr of a (binding 1) and, for binary shaders, b (binding 2) of type in.
func elementwise(name string, in, out Type, binary, strided bool, expr string) Program {
	acc := access(0, out, false, true) + access(1, in, true, false)
	if binary {
		acc += access(2, in, true, false)
	}
	h := helpers(in)
	if in == Double && out == Float || in == Float && out == Double {
		h = helpers(Float) + helpers(Double)
	}
	return render("elementwise.comp", params{
		Name: name + " " + layoutName(strided), Strided: strided, Binary: binary,
		Access: acc, Helpers: h, In: in.GLSL(), Expr: expr,
	})
}

// Convert returns the shader that copies a view of src into a view of dst,
// converting the element type as kernels.Copy does. The same dtype moves
// words unchanged (any dtype of 4, 8 or 16 bytes). Conversions exist
// between float32, float64 (with fp64), int32, uint32 and bool. strided
// selects the shader for views of up to MaxDims axes; otherwise all views
// are one axis.
func Convert(dst, src dtype.DType, fp64, strided bool) (Program, error) {
	return Features{FP64: fp64}.Convert(dst, src, strided)
}

// Convert is the package's Convert on a GPU with features f: with Int64,
// conversions to and from int64 and uint64 too.
func (f Features) Convert(dst, src dtype.DType, strided bool) (Program, error) {
	name := fmt.Sprintf("copy %v->%v", src, dst)
	if dst == src {
		t, err := Raw(dst)
		if err != nil {
			return Program{}, err
		}
		return elementwise(name, t, t, false, strided, "a"), nil
	}
	in, err := f.Compute(src)
	if err != nil {
		return Program{}, err
	}
	out, err := f.Compute(dst)
	if err != nil {
		return Program{}, err
	}
	expr := convertExpr(out.base(), in.base())
	return elementwise(name, in, out, false, strided, expr), nil
}

// Float to int64 as the CPU converts: NaN and values out of range give the
// smallest int64 (as on x86); float to uint64 wraps negative values
// through int64, as NumPy does on x86. The float literals are 2^63 and
// 2^64, exact in float32 and float64.
const (
	floatToInt64   = "((a >= -9223372036854775808.0 && a < 9223372036854775808.0) ? int64_t(a) : int64_t(0x8000000000000000ul))"
	floatToUint64  = "((a >= 0.0 && a < 18446744073709551616.0) ? uint64_t(a) : uint64_t(" + floatToInt64 + "))"
	doubleToInt64  = "((a >= -9223372036854775808.0LF && a < 9223372036854775808.0LF) ? int64_t(a) : int64_t(0x8000000000000000ul))"
	doubleToUint64 = "((a >= 0.0LF && a < 18446744073709551616.0LF) ? uint64_t(a) : uint64_t(" + doubleToInt64 + "))"
)

// convertExpr is the GLSL expression of a (of type in) converted to out.
func convertExpr(out, in Type) string {
	switch out {
	case Bool:
		return map[Type]string{Float: "a != 0.0", Double: "a != 0.0LF", Int: "a != 0", Uint: "a != 0u", Int64: "a != 0l", Uint64: "a != 0ul"}[in]
	case Int:
		switch in {
		case Float:
			return "f_toint(a)"
		case Double:
			return "d_toint(a)"
		}
		return "int(a)" // bool: 0 or 1; the other integers wrap
	case Uint:
		switch in {
		case Float:
			return "f_touint(a)"
		case Double:
			return "d_touint(a)"
		}
		return "uint(a)"
	case Int64:
		switch in {
		case Float:
			return floatToInt64
		case Double:
			return doubleToInt64
		case Bool:
			return "(a ? 1l : 0l)"
		}
		return "int64_t(a)" // int32 extends its sign, uint32 and uint64 keep their bits
	case Uint64:
		switch in {
		case Float:
			return floatToUint64
		case Double:
			return doubleToUint64
		case Bool:
			return "(a ? 1ul : 0ul)"
		case Int:
			return "uint64_t(int64_t(a))"
		}
		return "uint64_t(a)"
	case Float:
		return "float(a)"
	case Double:
		return "double(a)"
	}
	return ""
}
