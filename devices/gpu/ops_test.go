//go:build cgo && linux

package gpu

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"workbench/arrays/dtype"
	"workbench/devices"
	"workbench/kernels"
	"workbench/kernels/glsl"
)

// tol is how far a float result may be from the CPU's: within ulps units
// in the last place, or within abs (for results near zero of functions
// such as sin). The zero tol asks for the same bits (any NaN matches any
// NaN).
type tol struct {
	ulps float64
	abs  float64
	// domain, when set, is the largest |x| for which the tolerance holds:
	// results of larger arguments are not compared.
	domain float64
}

// smallest32 is the smallest normal float32: GPUs may flush results
// below it to zero (llvmpipe does), so a result of zero matches a CPU
// result smaller than that, for the inexact operations.
const smallest32 = 0x1p-126

// float32Unary are the stated float32 tolerances of the unary operations
// that the shaders compute with GLSL's built-in functions or their own
// approximations (measured on Mesa's llvmpipe for the test data: |x| <= 20
// and special values up to 3e38). The others give the CPU's bits.
var float32Unary = map[kernels.UnaryOp]tol{
	kernels.Exp: {ulps: 4}, kernels.Expm1: {ulps: 8}, kernels.Exp2: {ulps: 4},
	kernels.Log: {ulps: 4}, kernels.Log1p: {ulps: 4}, kernels.Log2: {ulps: 4}, kernels.Log10: {ulps: 4},
	kernels.Sin: {ulps: 2}, kernels.Cos: {ulps: 2}, kernels.Tan: {ulps: 4}, // all |x|: see TestTrigAccuracy
	kernels.Asin: {ulps: 4}, kernels.Acos: {ulps: 4}, kernels.Atan: {ulps: 4},
	kernels.Sinh: {ulps: 4}, kernels.Cosh: {ulps: 4}, kernels.Tanh: {ulps: 8},
	kernels.Asinh: {ulps: 8}, kernels.Acosh: {ulps: 8}, kernels.Atanh: {ulps: 8},
}

// float32Binary are the stated float32 tolerances of the binary
// operations built from GLSL's transcendental functions.
var float32Binary = map[kernels.BinaryOp]tol{
	kernels.Pow: {ulps: 1}, kernels.Atan2: {ulps: 4}, kernels.Hypot: {ulps: 2}, kernels.Logaddexp: {ulps: 4},
}

var specials32 = []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -0.5, 2, -3, math.NaN(), math.Inf(1), math.Inf(-1),
	1e-3, -1e-3, 1e-20, 100, -100, 3e38, -3e38, 0.999, 1.001, 1e4, -12345.678, 9e4, 0.75, 1.2, 1e-5, 88.7, -88.7, 0.3, -0.7, 0.9999, 2.5}

// floatData returns n float values: the specials first, then uniform in
// [-20, 20].
func floatData(r *rand.Rand, n int, specials []float64) []float64 {
	v := make([]float64, n)
	for i := range v {
		if i < len(specials) {
			v[i] = specials[(i*7)%len(specials)]
		} else {
			v[i] = 40*r.Float64() - 20
		}
	}
	return v
}

// hostData returns n test values of dtype dt (for binary operations, pass
// a different seed for the second operand).
func hostData(dt dtype.DType, n int, seed uint64) any {
	r := rand.New(rand.NewPCG(seed, 99))
	switch dt {
	case dtype.Float32:
		f := floatData(r, n, specials32)
		out := make([]float32, n)
		for i, x := range f {
			out[i] = float32(x)
		}
		return out
	case dtype.Float64:
		return floatData(r, n, append(specials32, 1e300, -1e-300, 1.5e308))
	case dtype.Int32:
		sp := []int32{0, 1, -1, 2, -2, 31, 32, 33, math.MaxInt32, math.MinInt32, 7, -7, 100}
		out := make([]int32, n)
		for i := range out {
			switch {
			case i < len(sp):
				out[i] = sp[(i*5)%len(sp)]
			case i%3 == 0:
				out[i] = int32(r.Uint32())
			default:
				out[i] = int32(r.IntN(81)) - 40
			}
		}
		return out
	case dtype.Uint32:
		sp := []uint32{0, 1, 2, 31, 32, 33, math.MaxUint32, 1 << 31, 7, 100}
		out := make([]uint32, n)
		for i := range out {
			switch {
			case i < len(sp):
				out[i] = sp[(i*3)%len(sp)]
			case i%3 == 0:
				out[i] = r.Uint32()
			default:
				out[i] = uint32(r.IntN(41))
			}
		}
		return out
	case dtype.Int64:
		sp := []int64{0, 1, -1, 2, -2, 63, 64, 65, 31, 32, math.MaxInt64, math.MinInt64, 7, -7, 100, 1 << 40, -1 << 40}
		out := make([]int64, n)
		for i := range out {
			switch {
			case i < len(sp):
				out[i] = sp[(i*5)%len(sp)]
			case i%3 == 0:
				out[i] = int64(r.Uint64())
			default:
				out[i] = int64(r.IntN(81)) - 40
			}
		}
		return out
	case dtype.Uint64:
		sp := []uint64{0, 1, 2, 31, 32, 63, 64, 65, math.MaxUint64, 1 << 63, 1 << 32, 7, 100}
		out := make([]uint64, n)
		for i := range out {
			switch {
			case i < len(sp):
				out[i] = sp[(i*3)%len(sp)]
			case i%3 == 0:
				out[i] = r.Uint64()
			default:
				out[i] = uint64(r.IntN(41))
			}
		}
		return out
	case dtype.Int8, dtype.Uint8, dtype.Int16, dtype.Uint16:
		// The narrow integers: int64 test data, wrapped by the conversion
		// (so every bit pattern, small shift counts and ±1 occur).
		wide := hostData(dtype.Int64, n, seed).([]int64)
		out, _ := devices.MakeSlice(dt, n)
		for i, x := range wide {
			if i%5 == 4 {
				x = x % 9 // small values: shift counts, divisors
			}
			switch o := out.(type) {
			case []int8:
				o[i] = int8(x)
			case []uint8:
				o[i] = uint8(x)
			case []int16:
				o[i] = int16(x)
			case []uint16:
				o[i] = uint16(x)
			}
		}
		return out
	case dtype.Bool:
		out := make([]bool, n)
		for i := range out {
			out[i] = r.IntN(2) == 1
		}
		return out
	}
	panic(fmt.Sprintf("no test data for %v", dt))
}

// ulpDiff is the distance of two floats in units in the last place (0 for
// two NaNs, +Inf for a NaN and a number).
func ulpDiff32(a, b float32) float64 {
	if a != a || b != b {
		if a != a && b != b {
			return 0
		}
		return math.Inf(1)
	}
	ord := func(x float32) int64 {
		i := int64(int32(math.Float32bits(x)))
		if i < 0 {
			i = math.MinInt32 - i
		}
		return i
	}
	return math.Abs(float64(ord(a) - ord(b)))
}

func ulpDiff64(a, b float64) float64 {
	if a != a || b != b {
		if a != a && b != b {
			return 0
		}
		return math.Inf(1)
	}
	ord := func(x float64) float64 {
		i := int64(math.Float64bits(x))
		if i < 0 {
			i = math.MinInt64 - i
		}
		return float64(i)
	}
	return math.Abs(ord(a) - ord(b))
}

// mismatch returns the index of the first element of got (a typed slice)
// that is not within tl of want's, and a description, or -1.
func mismatch(got, want any, tl tol, inputs ...any) (int, string) {
	outside := func(i int) bool {
		for _, in := range inputs {
			if x, ok := in.([]float32); ok && tl.domain > 0 && math.Abs(float64(x[i])) > tl.domain {
				return true
			}
		}
		return false
	}
	switch g := got.(type) {
	case []float32:
		w := want.([]float32)
		for i := range g {
			if tl != (tol{}) && (outside(i) || g[i] == 0 && math.Abs(float64(w[i])) < smallest32) {
				continue
			}
			if d := ulpDiff32(g[i], w[i]); d > tl.ulps && !(math.Abs(float64(g[i]-w[i])) <= tl.abs) {
				if tl == (tol{}) && g[i] == 0 && w[i] == 0 {
					if math.Signbit(float64(g[i])) == math.Signbit(float64(w[i])) {
						continue
					}
				}
				return i, fmt.Sprintf("got %v, want %v (%.0f ulps)", g[i], w[i], d)
			}
		}
	case []float64:
		w := want.([]float64)
		for i := range g {
			if d := ulpDiff64(g[i], w[i]); d > tl.ulps && !(math.Abs(g[i]-w[i]) <= tl.abs) {
				return i, fmt.Sprintf("got %v, want %v (%.0f ulps)", g[i], w[i], d)
			}
		}
	case []int32:
		w := want.([]int32)
		for i := range g {
			if g[i] != w[i] {
				return i, fmt.Sprintf("got %v, want %v", g[i], w[i])
			}
		}
	case []uint32:
		w := want.([]uint32)
		for i := range g {
			if g[i] != w[i] {
				return i, fmt.Sprintf("got %v, want %v", g[i], w[i])
			}
		}
	case []int64:
		w := want.([]int64)
		for i := range g {
			if g[i] != w[i] {
				return i, fmt.Sprintf("got %v, want %v", g[i], w[i])
			}
		}
	case []int8, []uint8, []int16, []uint16:
		gv, wv := reflect.ValueOf(g), reflect.ValueOf(want)
		for i := range gv.Len() {
			if a, b := gv.Index(i).Interface(), wv.Index(i).Interface(); a != b {
				return i, fmt.Sprintf("got %v, want %v", a, b)
			}
		}
	case []uint64:
		w := want.([]uint64)
		for i := range g {
			if g[i] != w[i] {
				return i, fmt.Sprintf("got %v, want %v", g[i], w[i])
			}
		}
	case []bool:
		w := want.([]bool)
		for i := range g {
			if g[i] != w[i] {
				return i, fmt.Sprintf("got %v, want %v", g[i], w[i])
			}
		}
	default:
		panic(fmt.Sprintf("mismatch of %T", got))
	}
	return -1, ""
}

func vec(b devices.Buffer) devices.View {
	return devices.View{Buf: b, Shape: []int{b.Len()}, Strides: []int{1}}
}

// pair holds the same data on the CPU and on the GPU.
type pair struct{ cpu, gpu devices.Buffer }

func newPair(t testing.TB, d *Device, data any) pair {
	t.Helper()
	c, err := devices.CPU().FromHost(data)
	if err != nil {
		t.Fatal(err)
	}
	g, err := d.FromHost(data)
	if err != nil {
		t.Fatal(err)
	}
	return pair{c, g}
}

func allocPair(t testing.TB, d *Device, dt dtype.DType, n int) pair {
	t.Helper()
	c, err := devices.CPU().Alloc(dt, n)
	if err != nil {
		t.Fatal(err)
	}
	g, err := d.Alloc(dt, n)
	if err != nil {
		t.Fatal(err)
	}
	return pair{c, g}
}

// host returns copies of both buffers' contents (copies: the CPU device
// recycles the storage of large buffers once they are unreachable).
func (p pair) host(t testing.TB) (cpu, gpu any) {
	t.Helper()
	cpu, _ = devices.MakeSlice(p.cpu.DType(), p.cpu.Len())
	if err := devices.CPU().ToHost(vec(p.cpu), cpu); err != nil {
		t.Fatal(err)
	}
	gpu, _ = devices.MakeSlice(p.gpu.DType(), p.gpu.Len())
	if err := p.gpu.Device().ToHost(vec(p.gpu), gpu); err != nil {
		t.Fatal(err)
	}
	return cpu, gpu
}

// on returns v with its buffer replaced by p's CPU or GPU buffer.
func on(v devices.View, b devices.Buffer) devices.View {
	v.Buf = b
	return v
}

var computeTypes = []dtype.DType{dtype.Float32, dtype.Int32, dtype.Uint32, dtype.Bool, dtype.Float64, dtype.Int64, dtype.Uint64,
	dtype.Int8, dtype.Uint8, dtype.Int16, dtype.Uint16}

// lacks reports whether d lacks the feature that dt's arithmetic needs
// (fp64 for float64, GL_ARB_gpu_shader_int64 for int64 and uint64), so
// that a test skips dt.
func lacks(d *Device, dt dtype.DType) bool {
	switch dt {
	case dtype.Float64:
		return !d.feat.FP64
	case dtype.Int64, dtype.Uint64:
		return !d.feat.Int64
	}
	return false
}

// TestUnaryOps runs every unary operation on every dtype that the GPU
// computes with, against the CPU device on the same data: the same bits,
// or within the stated float32 tolerance. Operations that the GPU lacks
// must say so with devices.ErrNotImplemented, and the CPU must agree that
// the others exist.
func TestUnaryOps(t *testing.T) {
	d := gpu(t)
	for _, dt := range computeTypes {
		if lacks(d, dt) {
			continue
		}
		for _, n := range []int{1, 257, 1000} {
			src := newPair(t, d, hostData(dt, n, 1))
			for op := kernels.UnaryOp(0); op.String() != fmt.Sprintf("unary(%d)", uint8(op)); op++ {
				out := glsl.UnaryOut(op, dt)
				dst := allocPair(t, d, out, n)
				gerr := d.Unary(op, vec(dst.gpu), vec(src.gpu))
				if gerr != nil {
					if !errors.Is(gerr, devices.ErrNotImplemented) {
						t.Errorf("%v of %v: %v", op, dt, gerr)
					}
					if _, err := d.feat.Unary(op, dt, false); err == nil {
						t.Errorf("%v of %v: the GPU failed (%v) where glsl has a shader", op, dt, gerr)
					}
					continue
				}
				if err := devices.CPU().Unary(op, vec(dst.cpu), vec(src.cpu)); err != nil {
					t.Errorf("%v of %v: the GPU computes what the CPU does not: %v", op, dt, err)
					continue
				}
				tl := tol{}
				if dt == dtype.Float32 {
					tl = float32Unary[op]
				}
				want, got := dst.host(t)
				x, _ := src.host(t)
				if tl != (tol{}) && n == 1000 {
					t.Logf("%v of float32: at most %.0f ulps from the CPU", op, maxUlps(got, want, tl, x))
				}
				if i, msg := mismatch(got, want, tl, x); i >= 0 {
					t.Errorf("%v of %v (%d elements): element %d (of %v): %s", op, dt, n, i, elem(x, i), msg)
				}
			}
		}
	}
}

// maxUlps is the largest distance in ulps between float32 results (for
// the log of measured errors), over the arguments within the domain.
func maxUlps(got, want any, tl tol, inputs ...any) float64 {
	g, ok := got.([]float32)
	if !ok {
		return 0
	}
	w := want.([]float32)
	m := 0.0
outer:
	for i := range g {
		for _, in := range inputs {
			if x := in.([]float32); tl.domain > 0 && math.Abs(float64(x[i])) > tl.domain {
				continue outer
			}
		}
		if g[i] == 0 && math.Abs(float64(w[i])) < smallest32 || math.Abs(float64(g[i]-w[i])) <= tl.abs {
			continue
		}
		m = max(m, ulpDiff32(g[i], w[i]))
	}
	return m
}

func elem(s any, i int) any {
	switch x := s.(type) {
	case []float32:
		return x[i]
	case []float64:
		return x[i]
	case []int32:
		return x[i]
	case []uint32:
		return x[i]
	case []int64:
		return x[i]
	case []uint64:
		return x[i]
	case []bool:
		return x[i]
	case []int8, []uint8, []int16, []uint16:
		return reflect.ValueOf(x).Index(i).Interface()
	}
	return nil
}

// withoutFloat64 returns a device on d's context that acts as a GPU
// without double precision.
func withoutFloat64(d *Device) *Device {
	return &Device{gl: d.gl, info: d.info, maxBytes: d.maxBytes, maxGroups: d.maxGroups, progs: d.progs}
}

// TestWithoutFloat64 checks a GPU without double precision: float64
// arithmetic is not implemented (copies still work), and float32 pow
// falls back to GLSL's float exp2 and log2 (a looser tolerance).
func TestWithoutFloat64(t *testing.T) {
	d := withoutFloat64(gpu(t))
	a := newPair(t, d, []float64{1, 2, 3})
	out := allocPair(t, d, dtype.Float64, 3)
	if err := d.Binary(kernels.Add, vec(out.gpu), vec(a.gpu), vec(a.gpu)); !errors.Is(err, devices.ErrNotImplemented) {
		t.Errorf("float64 add without fp64: %v", err)
	}
	if err := d.Copy(devices.View{Buf: out.gpu, Shape: []int{3}, Strides: []int{-1}, Offset: 2}, vec(a.gpu)); err != nil {
		t.Errorf("float64 copy without fp64: %v", err)
	}
	if _, got := out.host(t); fmt.Sprint(got) != "[3 2 1]" {
		t.Errorf("reversed float64 copy without fp64: %v", got)
	}
	x := newPair(t, d, hostData(dtype.Float32, 1000, 1))
	y := newPair(t, d, hostData(dtype.Float32, 1000, 2))
	p := allocPair(t, d, dtype.Float32, 1000)
	if err := d.Binary(kernels.Pow, vec(p.gpu), vec(x.gpu), vec(y.gpu)); err != nil {
		t.Fatal(err)
	}
	if err := devices.CPU().Binary(kernels.Pow, vec(p.cpu), vec(x.cpu), vec(y.cpu)); err != nil {
		t.Fatal(err)
	}
	want, got := p.host(t)
	xs, _ := x.host(t)
	ys, _ := y.host(t)
	tl := tol{ulps: 160}
	t.Logf("pow of float32 without fp64: at most %.0f ulps from the CPU", maxUlps(got, want, tl, xs, ys))
	if i, msg := mismatch(got, want, tl, xs, ys); i >= 0 {
		t.Errorf("pow without fp64: element %d: %s", i, msg)
	}
}

// TestBinaryOps runs every binary operation on every dtype that the GPU
// computes with, against the CPU device.
func TestBinaryOps(t *testing.T) {
	d := gpu(t)
	for _, dt := range computeTypes {
		if lacks(d, dt) {
			continue
		}
		for _, n := range []int{2, 255, 1000} {
			a := newPair(t, d, hostData(dt, n, 1))
			b := newPair(t, d, hostData(dt, n, 2))
			for op := kernels.BinaryOp(0); op.String() != fmt.Sprintf("binary(%d)", uint8(op)); op++ {
				out := glsl.BinaryOut(op, dt)
				dst := allocPair(t, d, out, n)
				gerr := d.Binary(op, vec(dst.gpu), vec(a.gpu), vec(b.gpu))
				if gerr != nil {
					if !errors.Is(gerr, devices.ErrNotImplemented) {
						t.Errorf("%v of %v: %v", op, dt, gerr)
					}
					if _, err := d.feat.Binary(op, dt, false); err == nil {
						t.Errorf("%v of %v: the GPU failed (%v) where glsl has a shader", op, dt, gerr)
					}
					continue
				}
				if err := devices.CPU().Binary(op, vec(dst.cpu), vec(a.cpu), vec(b.cpu)); err != nil {
					t.Errorf("%v of %v: the GPU computes what the CPU does not: %v", op, dt, err)
					continue
				}
				tl := tol{}
				if dt == dtype.Float32 {
					tl = float32Binary[op]
					if op == kernels.Pow && !d.fp64 {
						tl = tol{ulps: 160} // exp2(b log2 a) in float32
					}
				}
				want, got := dst.host(t)
				x, _ := a.host(t)
				y, _ := b.host(t)
				if tl != (tol{}) && n == 1000 {
					t.Logf("%v of float32: at most %.0f ulps from the CPU", op, maxUlps(got, want, tl, x, y))
				}
				if i, msg := mismatch(got, want, tl, x, y); i >= 0 {
					t.Errorf("%v of %v (%d elements): element %d (of %v, %v): %s", op, dt, n, i, elem(x, i), elem(y, i), msg)
				}
			}
		}
	}
}

// TestConvert converts between every pair of dtypes the GPU computes
// with (float32, float64, int32, uint32, int64, uint64, bool, as this GPU
// has them), against the CPU device: the same values, including NaN,
// infinities and values out of the target's range (the smallest integer,
// as on the CPU), negative values to unsigned types (wrapping) and wide
// integers to narrow ones (their low bits).
func TestConvert(t *testing.T) {
	d := gpu(t)
	for _, from := range computeTypes {
		for _, to := range computeTypes {
			if lacks(d, from) || lacks(d, to) {
				continue
			}
			for _, n := range []int{1, 1000} {
				src := newPair(t, d, hostData(from, n, 5))
				dst := allocPair(t, d, to, n)
				if err := d.Copy(vec(dst.gpu), vec(src.gpu)); err != nil {
					t.Errorf("%v to %v: %v", from, to, err)
					continue
				}
				if err := devices.CPU().Copy(vec(dst.cpu), vec(src.cpu)); err != nil {
					t.Fatalf("%v to %v on the CPU: %v", from, to, err)
				}
				want, got := dst.host(t)
				x, _ := src.host(t)
				if i, msg := mismatch(got, want, tol{}); i >= 0 {
					t.Errorf("%v to %v (%d elements): element %d (%v): %s", from, to, n, i, elem(x, i), msg)
				}
			}
		}
	}
}

// TestWithoutInt64 checks a GPU without GL_ARB_gpu_shader_int64: int64
// arithmetic and conversions are not implemented (the CPU takes them),
// and copies of the same dtype still work.
func TestWithoutInt64(t *testing.T) {
	g := gpu(t)
	d := withoutFloat64(g)
	d.fp64, d.feat.FP64 = g.fp64, g.feat.FP64
	a := newPair(t, d, []int64{1, -2, 3})
	out := allocPair(t, d, dtype.Int64, 3)
	if err := d.Binary(kernels.Add, vec(out.gpu), vec(a.gpu), vec(a.gpu)); !errors.Is(err, devices.ErrNotImplemented) {
		t.Errorf("int64 add without int64: %v", err)
	}
	f := allocPair(t, d, dtype.Float32, 3)
	if err := d.Copy(vec(f.gpu), vec(a.gpu)); !errors.Is(err, devices.ErrNotImplemented) {
		t.Errorf("int64 to float32 without int64: %v", err)
	}
	if err := d.Copy(devices.View{Buf: out.gpu, Shape: []int{3}, Strides: []int{-1}, Offset: 2}, vec(a.gpu)); err != nil {
		t.Errorf("int64 copy without int64: %v", err)
	}
	if _, got := out.host(t); fmt.Sprint(got) != "[3 -2 1]" {
		t.Errorf("reversed int64 copy without int64: %v", got)
	}
}
