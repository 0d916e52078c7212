// Package devicetest is a conformance suite for implementations of
// devices.Device: every device runs it from its own tests,
//
//	func TestConformance(t *testing.T) { devicetest.Run(t, mydevice) }
//
// A device that leaves some operations to the CPU (they return an error
// matching devices.ErrNotImplemented) runs it with RunWith and
// Options{AllowNotImplemented: true}.
//
// It checks allocation, transfers in both directions for every dtype,
// copies with conversion and strides, small element-wise operations,
// reductions and cumulative sums with known answers, matrix products for
// devices that implement devices.Matmuler, and that misuse gives an error
// rather than a panic.
package devicetest

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"runtime"
	"sync"
	"testing"

	"workbench/arrays/dtype"
	"workbench/devices"
	"workbench/kernels"
)

// Options adjust the suite to a device.
type Options struct {
	// AllowNotImplemented lets the operations (Copy, Unary, Binary, Reduce
	// and Cumulative) return an error matching devices.ErrNotImplemented:
	// such a case is logged and its check skipped. Every other error, and
	// every result that an operation does compute, is checked as strictly
	// as without it; Alloc, FromHost and ToHost must always work.
	AllowNotImplemented bool
}

// Run runs the whole suite against d, each part as a subtest, with the
// default (strict) options: every operation must be implemented.
func Run(t *testing.T, d devices.Device) {
	t.Helper()
	RunWith(t, d, Options{})
}

// options holds the Options of each running part, by its *testing.T.
var options sync.Map

// RunWith runs the whole suite against d with opts, each part as a
// subtest.
func RunWith(t *testing.T, d devices.Device, opts Options) {
	t.Helper()
	for _, part := range []struct {
		name string
		f    func(*testing.T, devices.Device)
	}{
		{"Identity", testIdentity},
		{"Alloc", testAlloc},
		{"AllocErrors", testAllocErrors},
		{"RoundTrip", testRoundTrip},
		{"ToHostStrided", testToHostStrided},
		{"Copy", testCopy},
		{"CopyStrided", testCopyStrided},
		{"Unary", testUnary},
		{"Binary", testBinary},
		{"Reduce", testReduce},
		{"Cumulative", testCumulative},
		{"MismatchedDTypes", testMismatched},
		{"ToHostMisuse", testToHostMisuse},
		{"LargeAllocZeroed", testLargeAllocZeroed},
		{"Matmul", testMatmul},
	} {
		t.Run(part.name, func(t *testing.T) {
			options.Store(t, opts)
			defer options.Delete(t)
			part.f(t, d)
		})
	}
}

// errPanicked is what safely returns for a call that panicked.
var errPanicked = errors.New("devicetest: the call panicked")

// safely runs f and reports a panic as a test failure (returning
// errPanicked, so that the test can go on with its next case).
func safely(t *testing.T, what string, f func() error) error {
	t.Helper()
	var err error
	var p any
	func() {
		defer func() { p = recover() }()
		err = f()
	}()
	if p != nil {
		t.Errorf("%s panicked: %v", what, p)
		return errPanicked
	}
	return err
}

// must is safely for calls that should succeed.
func must(t *testing.T, what string, f func() error) {
	t.Helper()
	if err := safely(t, what, f); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// op runs an operation that must succeed, and reports whether it ran:
// with Options.AllowNotImplemented, an error matching
// devices.ErrNotImplemented is logged and op returns false, so that the
// caller skips the check of its result.
func op(t *testing.T, what string, f func() error) bool {
	t.Helper()
	err := safely(t, what, f)
	if err == nil {
		return true
	}
	o, _ := options.Load(t)
	if opts, _ := o.(Options); opts.AllowNotImplemented && errors.Is(err, devices.ErrNotImplemented) {
		t.Logf("skipped, not implemented: %s: %v", what, err)
		return false
	}
	if err != errPanicked {
		t.Errorf("%s: %v", what, err)
	}
	return false
}

// host makes a typed Go slice of dtype dt from vals (bool: non-zero is
// true; real types: the real part; integers: truncated, then wrapped).
func host(dt dtype.DType, vals ...complex128) any {
	s, err := devices.MakeSlice(dt, len(vals))
	if err != nil {
		panic(err)
	}
	for i, v := range vals {
		re := real(v)
		switch x := s.(type) {
		case []bool:
			x[i] = v != 0
		case []int8:
			x[i] = int8(int64(re)) // wraps, as NumPy does
		case []int16:
			x[i] = int16(int64(re)) // wraps, as NumPy does
		case []int32:
			x[i] = int32(int64(re)) // wraps, as NumPy does
		case []int64:
			x[i] = int64(int64(re)) // wraps, as NumPy does
		case []uint8:
			x[i] = uint8(int64(re)) // wraps, as NumPy does
		case []uint16:
			x[i] = uint16(int64(re)) // wraps, as NumPy does
		case []uint32:
			x[i] = uint32(int64(re)) // wraps, as NumPy does
		case []uint64:
			x[i] = uint64(int64(re)) // wraps, as NumPy does
		case []float32:
			x[i] = float32(re)
		case []float64:
			x[i] = re
		case []complex64:
			x[i] = complex64(v)
		case []complex128:
			x[i] = v
		}
	}
	return s
}

// nonzeroHost makes n elements of dtype dt that are all non-zero.
func nonzeroHost(dt dtype.DType, n int) any {
	vals := make([]complex128, n)
	for i := range vals {
		vals[i] = complex(float64(i%100+1), float64(i%7))
	}
	return host(dt, vals...)
}

func vec(b devices.Buffer) devices.View {
	return devices.View{Buf: b, Shape: []int{b.Len()}, Strides: []int{1}}
}

// fromHost puts data on d.
func fromHost(t *testing.T, d devices.Device, data any) devices.Buffer {
	t.Helper()
	var b devices.Buffer
	must(t, fmt.Sprintf("FromHost(%T)", data), func() error {
		var err error
		b, err = d.FromHost(data)
		return err
	})
	return b
}

func alloc(t *testing.T, d devices.Device, dt dtype.DType, n int) devices.Buffer {
	t.Helper()
	var b devices.Buffer
	must(t, fmt.Sprintf("Alloc(%v, %d)", dt, n), func() error {
		var err error
		b, err = d.Alloc(dt, n)
		return err
	})
	return b
}

// toHost copies view v to a new typed Go slice.
func toHost(t *testing.T, d devices.Device, v devices.View) any {
	t.Helper()
	n := 1
	for _, s := range v.Shape {
		n *= s
	}
	out, err := devices.MakeSlice(v.Buf.DType(), n)
	if err != nil {
		t.Fatal(err)
	}
	must(t, fmt.Sprintf("ToHost(%v view %v)", v.Buf.DType(), v.Shape), func() error { return d.ToHost(v, out) })
	return out
}

func same(got, want any) bool { return reflect.DeepEqual(got, want) }

func testIdentity(t *testing.T, d devices.Device) {
	if d.Name() == "" {
		t.Error("Name() is empty")
	}
	if k := d.Kind(); k != devices.KindCPU && k != devices.KindGPU {
		t.Errorf("Kind() = %v, want cpu or gpu", k)
	}
	info := d.Info()
	if info.Name != d.Name() || info.Kind != d.Kind() {
		t.Errorf("Info() names %q (%v), device %q (%v)", info.Name, info.Kind, d.Name(), d.Kind())
	}
	if info.Description == "" {
		t.Error("Info().Description is empty")
	}
}

func testAlloc(t *testing.T, d devices.Device) {
	for _, dt := range dtype.All {
		for _, n := range []int{0, 1, 7, 1000} {
			b := alloc(t, d, dt, n)
			if b.Len() != n || b.DType() != dt {
				t.Errorf("Alloc(%v, %d) gave %d elements of %v", dt, n, b.Len(), b.DType())
			}
			if b.Device() == nil || b.Device().Name() != d.Name() {
				t.Errorf("Alloc(%v, %d): buffer belongs to %v, want %s", dt, n, b.Device(), d.Name())
			}
			got := toHost(t, d, vec(b))
			if want, _ := devices.MakeSlice(dt, n); !same(got, want) {
				t.Errorf("Alloc(%v, %d) is not zeroed: %v", dt, n, got)
			}
		}
	}
}

func testAllocErrors(t *testing.T, d devices.Device) {
	for _, tc := range []struct {
		dt dtype.DType
		n  int
	}{{dtype.Float64, -1}, {dtype.Invalid, 4}, {dtype.Float128, 4}, {dtype.DType(200), 1}} {
		err := safely(t, fmt.Sprintf("Alloc(%v, %d)", tc.dt, tc.n), func() error {
			_, err := d.Alloc(tc.dt, tc.n)
			return err
		})
		if err == nil {
			t.Errorf("Alloc(%v, %d) gave no error", tc.dt, tc.n)
		}
	}
	for _, data := range []any{nil, []int{1, 2}, "abc", []string{"a"}, 3.5} {
		err := safely(t, fmt.Sprintf("FromHost(%T)", data), func() error {
			_, err := d.FromHost(data)
			return err
		})
		if err == nil {
			t.Errorf("FromHost(%T) gave no error", data)
		}
	}
}

func testRoundTrip(t *testing.T, d devices.Device) {
	vals := []complex128{0, 1, -1, 2.5, 127, -128, 255, 1e6, complex(3, -4), complex(-0.5, 0.25)}
	for _, dt := range dtype.All {
		for _, n := range []int{0, 1, len(vals), 3000} {
			in := make([]complex128, n)
			for i := range in {
				in[i] = vals[i%len(vals)] + complex(float64(i/len(vals)), 0)
			}
			data := host(dt, in...)
			keep := host(dt, in...)
			b := fromHost(t, d, data)
			if b.Len() != n || b.DType() != dt {
				t.Fatalf("FromHost(%d %v) gave %d elements of %v", n, dt, b.Len(), b.DType())
			}
			// The buffer holds a copy: changing the host slice leaves it alone.
			if n > 0 {
				reflect.ValueOf(data).Index(0).Set(reflect.ValueOf(host(dt, 77)).Index(0))
			}
			if got := toHost(t, d, vec(b)); !same(got, keep) {
				t.Errorf("%v round trip of %d elements: got %v, want %v", dt, n, clip(got), clip(keep))
			}
		}
	}
}

func clip(s any) any {
	v := reflect.ValueOf(s)
	if v.Len() > 12 {
		return fmt.Sprintf("%v...", v.Slice(0, 12).Interface())
	}
	return s
}

func testToHostStrided(t *testing.T, d devices.Device) {
	// [[0 1 2] [3 4 5]] as float64 and int16.
	for _, dt := range []dtype.DType{dtype.Float64, dtype.Int16, dtype.Complex64, dtype.Bool} {
		b := fromHost(t, d, host(dt, 0, 1, 2, 3, 4, 5))
		for _, tc := range []struct {
			name string
			v    devices.View
			want []complex128
		}{
			{"matrix", devices.View{Buf: b, Shape: []int{2, 3}, Strides: []int{3, 1}}, []complex128{0, 1, 2, 3, 4, 5}},
			{"transposed", devices.View{Buf: b, Shape: []int{3, 2}, Strides: []int{1, 3}}, []complex128{0, 3, 1, 4, 2, 5}},
			{"reversed", devices.View{Buf: b, Shape: []int{6}, Strides: []int{-1}, Offset: 5}, []complex128{5, 4, 3, 2, 1, 0}},
			{"every other", devices.View{Buf: b, Shape: []int{3}, Strides: []int{2}, Offset: 1}, []complex128{1, 3, 5}},
			{"broadcast row", devices.View{Buf: b, Shape: []int{2, 3}, Strides: []int{0, 1}, Offset: 3}, []complex128{3, 4, 5, 3, 4, 5}},
			{"0-d", devices.View{Buf: b, Shape: nil, Strides: nil, Offset: 4}, []complex128{4}},
			{"empty", devices.View{Buf: b, Shape: []int{0, 3}, Strides: []int{3, 1}}, []complex128{}},
		} {
			if got, want := toHost(t, d, tc.v), host(dt, tc.want...); !same(got, want) {
				t.Errorf("%v %s: ToHost = %v, want %v", dt, tc.name, got, want)
			}
		}
	}
}

func testCopy(t *testing.T, d devices.Device) {
	for _, tc := range []struct {
		name   string
		src    any
		to     dtype.DType
		want   any
		approx bool
	}{
		{"float64 to int32 truncates toward zero", []float64{-2.5, -1.9, -0.5, 0, 0.5, 1.9, 2.5, 100.7},
			dtype.Int32, []int32{-2, -1, 0, 0, 0, 1, 2, 100}, false},
		{"float32 to int8", []float32{-3.99, 3.99, 127.5}, dtype.Int8, []int8{-3, 3, 127}, false},
		{"complex128 to float64 drops imag", []complex128{1 + 2i, -3.5 - 1i, 5i}, dtype.Float64, []float64{1, -3.5, 0}, false},
		{"complex64 to int64 drops imag", []complex64{7.9 + 2i, -2 - 1i}, dtype.Int64, []int64{7, -2}, false},
		{"int32 to float64", []int32{-7, 0, 1 << 30}, dtype.Float64, []float64{-7, 0, 1 << 30}, false},
		{"uint8 to complex128", []uint8{0, 200}, dtype.Complex128, []complex128{0, 200}, false},
		{"int16 to uint8 wraps", []int16{-1, 256, 300}, dtype.Uint8, []uint8{255, 0, 44}, false},
		{"bool to float32", []bool{true, false}, dtype.Float32, []float32{1, 0}, false},
		{"float64 to float32 rounds", []float64{0.1, 1e-50}, dtype.Float32, []float32{0.1, 0}, false},
		{"float64 to complex64", []float64{1.5}, dtype.Complex64, []complex64{1.5}, false},
	} {
		src := fromHost(t, d, tc.src)
		dst := alloc(t, d, tc.to, src.Len())
		if !op(t, "Copy "+tc.name, func() error { return d.Copy(vec(dst), vec(src)) }) {
			continue
		}
		if got := toHost(t, d, vec(dst)); !same(got, tc.want) {
			t.Errorf("Copy %s: got %v, want %v", tc.name, got, tc.want)
		}
	}
	// Anything to bool: non-zero is true (a complex number with only an
	// imaginary part is non-zero).
	for _, dt := range dtype.All {
		src := fromHost(t, d, host(dt, 0, 1, 2, 0, 100))
		dst := alloc(t, d, dtype.Bool, 5)
		if !op(t, fmt.Sprintf("Copy %v to bool", dt), func() error { return d.Copy(vec(dst), vec(src)) }) {
			continue
		}
		if got, want := toHost(t, d, vec(dst)), []bool{false, true, true, false, true}; !same(got, want) {
			t.Errorf("Copy %v to bool: got %v, want %v", dt, got, want)
		}
	}
	for _, dt := range []dtype.DType{dtype.Complex64, dtype.Complex128} {
		src := fromHost(t, d, host(dt, 1i, complex(math.Copysign(0, -1), 0)))
		dst := alloc(t, d, dtype.Bool, 2)
		if !op(t, "Copy imaginary to bool", func() error { return d.Copy(vec(dst), vec(src)) }) {
			continue
		}
		if got, want := toHost(t, d, vec(dst)), []bool{true, false}; !same(got, want) {
			t.Errorf("Copy %v [1i, -0] to bool: got %v, want %v", dt, got, want)
		}
	}
}

func testCopyStrided(t *testing.T, d devices.Device) {
	// Copy the reverse of [0..5] (float64) into every other element of an
	// int32 buffer of 12, and the transpose of a 2x3 into a 3x2.
	src := fromHost(t, d, []float64{0.5, 1.5, 2.5, 3.5, 4.5, 5.5})
	dst := alloc(t, d, dtype.Int32, 12)
	if op(t, "strided Copy", func() error {
		return d.Copy(devices.View{Buf: dst, Shape: []int{6}, Strides: []int{2}, Offset: 1},
			devices.View{Buf: src, Shape: []int{6}, Strides: []int{-1}, Offset: 5})
	}) {
		if got, want := toHost(t, d, vec(dst)), []int32{0, 5, 0, 4, 0, 3, 0, 2, 0, 1, 0, 0}; !same(got, want) {
			t.Errorf("strided Copy: got %v, want %v", got, want)
		}
	}
	tr := alloc(t, d, dtype.Float64, 6)
	if op(t, "transposing Copy", func() error {
		return d.Copy(devices.View{Buf: tr, Shape: []int{3, 2}, Strides: []int{2, 1}},
			devices.View{Buf: src, Shape: []int{3, 2}, Strides: []int{1, 3}})
	}) {
		if got, want := toHost(t, d, vec(tr)), []float64{0.5, 3.5, 1.5, 4.5, 2.5, 5.5}; !same(got, want) {
			t.Errorf("transposing Copy: got %v, want %v", got, want)
		}
	}
	bc := alloc(t, d, dtype.Complex128, 6)
	if op(t, "broadcasting Copy", func() error {
		return d.Copy(devices.View{Buf: bc, Shape: []int{2, 3}, Strides: []int{3, 1}},
			devices.View{Buf: src, Shape: []int{2, 3}, Strides: []int{0, 2}})
	}) {
		if got, want := toHost(t, d, vec(bc)), []complex128{0.5, 2.5, 4.5, 0.5, 2.5, 4.5}; !same(got, want) {
			t.Errorf("broadcasting Copy: got %v, want %v", got, want)
		}
	}
}

func testUnary(t *testing.T, d devices.Device) {
	for _, tc := range []struct {
		op   kernels.UnaryOp
		src  any
		to   dtype.DType
		want any
	}{
		{kernels.Negative, []float64{1, -2, 0.5}, dtype.Float64, []float64{-1, 2, -0.5}},
		{kernels.Sqrt, []float32{4, 9, 0.25}, dtype.Float32, []float32{2, 3, 0.5}},
		{kernels.Abs, []int32{-3, 0, 5}, dtype.Int32, []int32{3, 0, 5}},
		{kernels.Abs, []complex128{3 + 4i, -5i}, dtype.Float64, []float64{5, 5}},
		{kernels.Real, []complex64{3 + 4i}, dtype.Float32, []float32{3}},
		{kernels.Imag, []complex128{3 + 4i}, dtype.Float64, []float64{4}},
		{kernels.Conj, []complex128{3 + 4i}, dtype.Complex128, []complex128{3 - 4i}},
		{kernels.Square, []uint8{3, 16}, dtype.Uint8, []uint8{9, 0}},
		{kernels.Floor, []float64{-1.5, 1.5}, dtype.Float64, []float64{-2, 1}},
		{kernels.Round, []float64{0.5, 1.5, 2.5, -0.5}, dtype.Float64, []float64{0, 2, 2, math.Copysign(0, -1)}},
		{kernels.LogicalNot, []bool{true, false}, dtype.Bool, []bool{false, true}},
		{kernels.IsNaN, []float64{math.NaN(), 1, math.Inf(1)}, dtype.Bool, []bool{true, false, false}},
		{kernels.IsFinite, []float64{math.NaN(), 1, math.Inf(-1)}, dtype.Bool, []bool{false, true, false}},
		{kernels.Sign, []int64{-9, 0, 4}, dtype.Int64, []int64{-1, 0, 1}},
		{kernels.BitwiseInvert, []int8{0, -1, 5}, dtype.Int8, []int8{-1, 0, -6}},
	} {
		src := fromHost(t, d, tc.src)
		dst := alloc(t, d, tc.to, src.Len())
		what := fmt.Sprintf("Unary %v of %v", tc.op, src.DType())
		if !op(t, what, func() error { return d.Unary(tc.op, vec(dst), vec(src)) }) {
			continue
		}
		if got := toHost(t, d, vec(dst)); !same(got, tc.want) {
			t.Errorf("%s %v: got %v, want %v", what, tc.src, got, tc.want)
		}
	}
	// Strided: exp of a reversed vector into every other element.
	src := fromHost(t, d, []float64{0, 1, 2})
	dst := alloc(t, d, dtype.Float64, 6)
	if op(t, "strided Unary", func() error {
		return d.Unary(kernels.Exp, devices.View{Buf: dst, Shape: []int{3}, Strides: []int{2}},
			devices.View{Buf: src, Shape: []int{3}, Strides: []int{-1}, Offset: 2})
	}) {
		got := toHost(t, d, vec(dst)).([]float64)
		want := []float64{math.Exp(2), 0, math.E, 0, 1, 0}
		for i := range want {
			if math.Abs(got[i]-want[i]) > 1e-12*math.Abs(want[i]) {
				t.Errorf("strided exp: got %v, want %v", got, want)
				break
			}
		}
	}
}

func testBinary(t *testing.T, d devices.Device) {
	for _, tc := range []struct {
		op   kernels.BinaryOp
		a, b any
		to   dtype.DType
		want any
	}{
		{kernels.Add, []float64{1, 2, 3}, []float64{10, 20, 30}, dtype.Float64, []float64{11, 22, 33}},
		{kernels.Subtract, []complex128{1 + 1i}, []complex128{2 - 1i}, dtype.Complex128, []complex128{-1 + 2i}},
		{kernels.Multiply, []int32{-3, 4}, []int32{5, 6}, dtype.Int32, []int32{-15, 24}},
		{kernels.Add, []uint8{250, 1}, []uint8{10, 2}, dtype.Uint8, []uint8{4, 3}},
		{kernels.Divide, []float32{1, -3}, []float32{4, 2}, dtype.Float32, []float32{0.25, -1.5}},
		{kernels.FloorDivide, []int64{7, -7, 7}, []int64{2, 2, 0}, dtype.Int64, []int64{3, -4, 0}},
		{kernels.Remainder, []float64{-7, 7}, []float64{2, -2}, dtype.Float64, []float64{1, -1}},
		{kernels.Pow, []int16{2, 3}, []int16{10, 3}, dtype.Int16, []int16{1024, 27}},
		{kernels.Maximum, []float64{1, math.NaN()}, []float64{2, 0}, dtype.Float64, nil}, // checked below
		{kernels.Less, []int32{1, 5, 3}, []int32{2, 5, 1}, dtype.Bool, []bool{true, false, false}},
		{kernels.Equal, []complex64{1i, 2}, []complex64{1i, 2i}, dtype.Bool, []bool{true, false}},
		{kernels.LogicalXor, []bool{true, true, false}, []bool{true, false, false}, dtype.Bool, []bool{false, true, false}},
		{kernels.BitwiseAnd, []uint16{0xff0f, 3}, []uint16{0x0ff0, 5}, dtype.Uint16, []uint16{0x0f00, 1}},
	} {
		a, b := fromHost(t, d, tc.a), fromHost(t, d, tc.b)
		dst := alloc(t, d, tc.to, a.Len())
		what := fmt.Sprintf("Binary %v of %v", tc.op, a.DType())
		if !op(t, what, func() error { return d.Binary(tc.op, vec(dst), vec(a), vec(b)) }) {
			continue
		}
		got := toHost(t, d, vec(dst))
		if tc.want == nil {
			g := got.([]float64)
			if g[0] != 2 || !math.IsNaN(g[1]) {
				t.Errorf("%s: got %v, want [2 NaN]", what, g)
			}
			continue
		}
		if !same(got, tc.want) {
			t.Errorf("%s %v, %v: got %v, want %v", what, tc.a, tc.b, got, tc.want)
		}
	}
	// Broadcasting: a (2, 3) matrix times a row (3,) and plus a scalar.
	m := fromHost(t, d, []float64{1, 2, 3, 4, 5, 6})
	row := fromHost(t, d, []float64{10, 100, 1000})
	dst := alloc(t, d, dtype.Float64, 6)
	mat := func(b devices.Buffer) devices.View {
		return devices.View{Buf: b, Shape: []int{2, 3}, Strides: []int{3, 1}}
	}
	if op(t, "broadcast Binary", func() error {
		return d.Binary(kernels.Multiply, mat(dst), mat(m), devices.View{Buf: row, Shape: []int{2, 3}, Strides: []int{0, 1}})
	}) {
		if got, want := toHost(t, d, vec(dst)), []float64{10, 200, 3000, 40, 500, 6000}; !same(got, want) {
			t.Errorf("(2, 3) * (3,): got %v, want %v", got, want)
		}
	}
	if op(t, "scalar Binary", func() error {
		return d.Binary(kernels.Subtract, mat(dst), devices.View{Buf: row, Shape: []int{2, 3}, Strides: []int{0, 0}, Offset: 1}, mat(m))
	}) {
		if got, want := toHost(t, d, vec(dst)), []float64{99, 98, 97, 96, 95, 94}; !same(got, want) {
			t.Errorf("100 - (2, 3): got %v, want %v", got, want)
		}
	}
	// Transposed operand, written into a transposed destination.
	if op(t, "transposed Binary", func() error {
		return d.Binary(kernels.Add, devices.View{Buf: dst, Shape: []int{3, 2}, Strides: []int{1, 3}},
			devices.View{Buf: m, Shape: []int{3, 2}, Strides: []int{1, 3}},
			devices.View{Buf: m, Shape: []int{3, 2}, Strides: []int{2, 1}})
	}) {
		// Element (i, j) of the (3, 2) views: dst[i+3j] = m[i+3j] + m[2i+j].
		if got, want := toHost(t, d, vec(dst)), []float64{2, 5, 8, 6, 9, 12}; !same(got, want) {
			t.Errorf("transposed add: got %v, want %v", got, want)
		}
	}
}

func testReduce(t *testing.T, d devices.Device) {
	m := fromHost(t, d, []int64{1, 2, 3, 4, 5, 6}) // [[1 2 3] [4 5 6]]
	src := devices.View{Buf: m, Shape: []int{2, 3}, Strides: []int{3, 1}}
	for _, tc := range []struct {
		name string
		op   kernels.ReduceOp
		axes []bool
		n    int
		dst  []int // strides of dst, reduced axes 0
		want []int64
	}{
		{"sum axis 0", kernels.ReduceSum, []bool{true, false}, 3, []int{0, 1}, []int64{5, 7, 9}},
		{"sum axis 1", kernels.ReduceSum, []bool{false, true}, 2, []int{1, 0}, []int64{6, 15}},
		{"sum all", kernels.ReduceSum, []bool{true, true}, 1, []int{0, 0}, []int64{21}},
		{"prod axis 1", kernels.ReduceProd, []bool{false, true}, 2, []int{1, 0}, []int64{6, 120}},
		{"max axis 0", kernels.ReduceMax, []bool{true, false}, 3, []int{0, 1}, []int64{4, 5, 6}},
		{"min all", kernels.ReduceMin, []bool{true, true}, 1, []int{0, 0}, []int64{1}},
		{"sum none", kernels.ReduceSum, []bool{false, false}, 6, []int{3, 1}, []int64{1, 2, 3, 4, 5, 6}},
	} {
		dst := alloc(t, d, dtype.Int64, tc.n)
		if !op(t, "Reduce "+tc.name, func() error {
			return d.Reduce(tc.op, devices.View{Buf: dst, Shape: []int{2, 3}, Strides: tc.dst}, src, tc.axes)
		}) {
			continue
		}
		if got := toHost(t, d, vec(dst)); !same(got, tc.want) {
			t.Errorf("Reduce %s of [[1 2 3] [4 5 6]]: got %v, want %v", tc.name, got, tc.want)
		}
	}
	// Floats: sum of a transposed view, and of a long vector (exact).
	f := fromHost(t, d, []float64{0.5, 1, 1.5, 2, 2.5, 3})
	fd := alloc(t, d, dtype.Float64, 2)
	if op(t, "Reduce float", func() error {
		return d.Reduce(kernels.ReduceSum, devices.View{Buf: fd, Shape: []int{2, 3}, Strides: []int{1, 0}},
			devices.View{Buf: f, Shape: []int{2, 3}, Strides: []int{1, 2}}, []bool{false, true})
	}) {
		if got, want := toHost(t, d, vec(fd)), []float64{4.5, 6}; !same(got, want) {
			t.Errorf("row sums of a transposed view: got %v, want %v", got, want)
		}
	}
	const n = 100_000
	ones := make([]float32, n)
	for i := range ones {
		ones[i] = 1
	}
	big := fromHost(t, d, ones)
	bd := alloc(t, d, dtype.Float32, 1)
	if op(t, "Reduce long", func() error {
		return d.Reduce(kernels.ReduceSum, devices.View{Buf: bd, Shape: []int{n}, Strides: []int{0}}, vec(big), []bool{true})
	}) {
		if got := toHost(t, d, vec(bd)).([]float32); got[0] != n {
			t.Errorf("sum of %d float32 ones = %v", n, got[0])
		}
	}
	// Bools: all and any along each row.
	bb := fromHost(t, d, []bool{true, true, true, false, true, false})
	for _, tc := range []struct {
		op   kernels.ReduceOp
		want []bool
	}{{kernels.ReduceAll, []bool{true, false}}, {kernels.ReduceAny, []bool{true, true}}} {
		dst := alloc(t, d, dtype.Bool, 2)
		if !op(t, "Reduce bool", func() error {
			return d.Reduce(tc.op, devices.View{Buf: dst, Shape: []int{2, 3}, Strides: []int{1, 0}},
				devices.View{Buf: bb, Shape: []int{2, 3}, Strides: []int{3, 1}}, []bool{false, true})
		}) {
			continue
		}
		if got := toHost(t, d, vec(dst)); !same(got, tc.want) {
			t.Errorf("%v of rows [[T T T] [F T F]]: got %v, want %v", tc.op, got, tc.want)
		}
	}
	// Complex sum.
	c := fromHost(t, d, []complex128{1 + 1i, 2 - 3i, -0.5i})
	cd := alloc(t, d, dtype.Complex128, 1)
	if op(t, "Reduce complex", func() error {
		return d.Reduce(kernels.ReduceSum, devices.View{Buf: cd, Shape: []int{3}, Strides: []int{0}}, vec(c), []bool{true})
	}) {
		if got, want := toHost(t, d, vec(cd)), []complex128{3 - 2.5i}; !same(got, want) {
			t.Errorf("complex sum: got %v, want %v", got, want)
		}
	}
}

func testCumulative(t *testing.T, d devices.Device) {
	f := fromHost(t, d, []float64{1, 2, 3, 4})
	fd := alloc(t, d, dtype.Float64, 4)
	if op(t, "cumulative sum", func() error { return d.Cumulative(kernels.ReduceSum, vec(fd), vec(f), 0) }) {
		if got, want := toHost(t, d, vec(fd)), []float64{1, 3, 6, 10}; !same(got, want) {
			t.Errorf("cumulative sum of [1 2 3 4]: got %v, want %v", got, want)
		}
	}
	m := fromHost(t, d, []int32{1, 2, 3, 4, 5, 6})
	mat := func(b devices.Buffer) devices.View {
		return devices.View{Buf: b, Shape: []int{2, 3}, Strides: []int{3, 1}}
	}
	for _, tc := range []struct {
		op   kernels.ReduceOp
		axis int
		want []int32
	}{
		{kernels.ReduceProd, 1, []int32{1, 2, 6, 4, 20, 120}},
		{kernels.ReduceSum, 0, []int32{1, 2, 3, 5, 7, 9}},
		{kernels.ReduceSum, 1, []int32{1, 3, 6, 4, 9, 15}},
	} {
		dst := alloc(t, d, dtype.Int32, 6)
		if !op(t, "cumulative int32", func() error { return d.Cumulative(tc.op, mat(dst), mat(m), tc.axis) }) {
			continue
		}
		if got := toHost(t, d, vec(dst)); !same(got, tc.want) {
			t.Errorf("cumulative %v along axis %d of [[1 2 3] [4 5 6]]: got %v, want %v", tc.op, tc.axis, got, tc.want)
		}
	}
	// Reversed source into a strided destination.
	dst := alloc(t, d, dtype.Float64, 8)
	if op(t, "strided cumulative", func() error {
		return d.Cumulative(kernels.ReduceSum, devices.View{Buf: dst, Shape: []int{4}, Strides: []int{2}, Offset: 1},
			devices.View{Buf: f, Shape: []int{4}, Strides: []int{-1}, Offset: 3}, 0)
	}) {
		if got, want := toHost(t, d, vec(dst)), []float64{0, 4, 0, 7, 0, 9, 0, 10}; !same(got, want) {
			t.Errorf("strided cumulative sum: got %v, want %v", got, want)
		}
	}
}

// testMismatched gives every operation operands of dtypes that do not fit
// together: each must return an error, never panic.
func testMismatched(t *testing.T, d devices.Device) {
	f64 := fromHost(t, d, []float64{1, 2, 3})
	f32 := fromHost(t, d, []float32{1, 2, 3})
	i32 := fromHost(t, d, []int32{1, 2, 3})
	i64 := fromHost(t, d, []int64{1, 2, 3})
	c128 := fromHost(t, d, []complex128{1, 2, 3})
	bl := fromHost(t, d, []bool{true, false, true})
	one := func(b devices.Buffer) devices.View {
		return devices.View{Buf: b, Shape: []int{3}, Strides: []int{0}}
	}
	for _, tc := range []struct {
		name    string
		f       func() error
		notImpl bool // the error must also match devices.ErrNotImplemented
	}{
		{"Binary float64 + int32", func() error { return d.Binary(kernels.Add, vec(f64), vec(f64), vec(i32)) }, false},
		{"Binary int32 + float64", func() error { return d.Binary(kernels.Add, vec(f64), vec(i32), vec(f64)) }, false},
		{"Binary float64 into int32", func() error { return d.Binary(kernels.Add, vec(i32), vec(f64), vec(f64)) }, false},
		{"Binary less into float64", func() error { return d.Binary(kernels.Less, vec(f64), vec(f64), vec(f64)) }, false},
		{"Binary less of complex", func() error { return d.Binary(kernels.Less, vec(bl), vec(c128), vec(c128)) }, true},
		{"Binary divide of int32", func() error { return d.Binary(kernels.Divide, vec(i32), vec(i32), vec(i32)) }, true},
		{"Unary float64 into float32", func() error { return d.Unary(kernels.Negative, vec(f32), vec(f64)) }, false},
		{"Unary isnan into float64", func() error { return d.Unary(kernels.IsNaN, vec(f64), vec(f64)) }, false},
		{"Unary sqrt of int32", func() error { return d.Unary(kernels.Sqrt, vec(i32), vec(i32)) }, true},
		{"Reduce float64 into float32", func() error { return d.Reduce(kernels.ReduceSum, one(f32), vec(f64), []bool{true}) }, false},
		{"Reduce int32 into int64", func() error { return d.Reduce(kernels.ReduceSum, one(i64), vec(i32), []bool{true}) }, false},
		{"Reduce min of complex", func() error { return d.Reduce(kernels.ReduceMin, one(c128), vec(c128), []bool{true}) }, true},
		{"Cumulative int32 into int64", func() error { return d.Cumulative(kernels.ReduceSum, vec(i64), vec(i32), 0) }, false},
		{"Cumulative of bool", func() error { return d.Cumulative(kernels.ReduceSum, vec(bl), vec(bl), 0) }, true},
	} {
		err := safely(t, tc.name, tc.f)
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		if tc.notImpl && !errors.Is(err, devices.ErrNotImplemented) {
			t.Errorf("%s: error %q does not match devices.ErrNotImplemented", tc.name, err)
		}
	}
}

// testToHostMisuse gives ToHost a destination that is not "a typed Go slice
// of v's dtype and v's size", as the Device interface requires: each must
// return an error, never panic, and never convert silently.
func testToHostMisuse(t *testing.T, d devices.Device) {
	b := fromHost(t, d, []float64{1.5, 2.5, 3.5})
	v := vec(b)
	for _, tc := range []struct {
		name string
		dst  any
	}{
		{"another dtype", make([]int32, 3)},
		{"another dtype of the same size", make([]int64, 3)},
		{"too short", make([]float64, 2)},
		{"too long", make([]float64, 4)},
		{"empty", []float64{}},
		{"nil", nil},
		{"not a slice", new(float64)},
	} {
		if err := safely(t, "ToHost into "+tc.name, func() error { return d.ToHost(v, tc.dst) }); err == nil {
			t.Errorf("ToHost of 3 float64 into %s (%T of %d) gave no error", tc.name, tc.dst, devices.SliceLen(tc.dst))
		}
	}
}

// LargeBytes is the size of the buffers testLargeAllocZeroed recycles: at
// least the 1 MiB above which the CPU device pools buffers.
const LargeBytes = 1<<20 + 4096

// testLargeAllocZeroed fills large buffers, drops them, collects garbage so
// that a device that recycles memory gets them back, and checks that new
// buffers of the same dtype and length come back zeroed.
func testLargeAllocZeroed(t *testing.T, d devices.Device) {
	for _, dt := range []dtype.DType{dtype.Float64, dtype.Uint8, dtype.Complex128, dtype.Bool, dtype.Int32} {
		n := LargeBytes / dt.Size()
		data := nonzeroHost(dt, n)
		for round := 0; round < 3; round++ {
			func() {
				b := fromHost(t, d, data) // filled with non-zero values
				if got := toHost(t, d, vec(b)); !same(got, data) {
					t.Fatalf("%v: large FromHost did not round-trip", dt)
				}
			}()
			dropGarbage()
			b := alloc(t, d, dt, n)
			got := toHost(t, d, vec(b))
			zero, _ := devices.MakeSlice(dt, n)
			if !same(got, zero) {
				t.Fatalf("%v round %d: Alloc(%d) after a filled buffer was dropped is not zeroed (first non-zero at %d)",
					dt, round, n, firstNonzero(got))
			}
			runtime.KeepAlive(b)
		}
	}
}

// dropGarbage runs the collector a few times and yields, so that cleanups
// (which run on their own goroutine) have a chance to run.
func dropGarbage() {
	for i := 0; i < 3; i++ {
		runtime.GC()
		runtime.Gosched()
	}
}

func firstNonzero(s any) int {
	v := reflect.ValueOf(s)
	for i := 0; i < v.Len(); i++ {
		if !v.Index(i).IsZero() {
			return i
		}
	}
	return -1
}

// testMatmul checks devices.Matmuler, where d implements it, on small
// products with known answers: float64 and int32, a transposed operand, a
// stack with a broadcast operand, k = 0, and refusals of shapes that do
// not fit.
func testMatmul(t *testing.T, d devices.Device) {
	mm, ok := d.(devices.Matmuler)
	if !ok {
		t.Skipf("%s does not implement devices.Matmuler", d.Name())
	}
	view := func(b devices.Buffer, shape, strides []int) devices.View {
		return devices.View{Buf: b, Shape: shape, Strides: strides}
	}
	// [[1 2 3] [4 5 6]] [[1 2] [3 4] [5 6]] = [[22 28] [49 64]]
	for _, dt := range []dtype.DType{dtype.Float64, dtype.Int32} {
		a := fromHost(t, d, host(dt, 1, 2, 3, 4, 5, 6))
		b := fromHost(t, d, host(dt, 1, 2, 3, 4, 5, 6))
		c := alloc(t, d, dt, 4)
		if op(t, fmt.Sprintf("Matmul %v (2, 3) (3, 2)", dt), func() error {
			return mm.Matmul(view(c, []int{2, 2}, []int{2, 1}), view(a, []int{2, 3}, []int{3, 1}), view(b, []int{3, 2}, []int{2, 1}))
		}) {
			if got, want := toHost(t, d, vec(c)), host(dt, 22, 28, 49, 64); !same(got, want) {
				t.Errorf("Matmul %v: got %v, want %v", dt, got, want)
			}
		}
		// The transpose of a, (3, 2), times a as (2, 3): a^T a.
		c9 := alloc(t, d, dt, 9)
		if op(t, fmt.Sprintf("Matmul %v transposed", dt), func() error {
			return mm.Matmul(view(c9, []int{3, 3}, []int{3, 1}), view(a, []int{3, 2}, []int{1, 3}), view(a, []int{2, 3}, []int{3, 1}))
		}) {
			if got, want := toHost(t, d, vec(c9)), host(dt, 17, 22, 27, 22, 29, 36, 27, 36, 45); !same(got, want) {
				t.Errorf("Matmul %v of a transposed operand: got %v, want %v", dt, got, want)
			}
		}
	}
	// A stack of two (1, 2) rows times one broadcast (2, 2) matrix.
	rows := fromHost(t, d, []float64{1, 2, 3, 4})
	m := fromHost(t, d, []float64{1, 10, 100, 1000})
	out := alloc(t, d, dtype.Float64, 4)
	if op(t, "Matmul of a stack", func() error {
		return mm.Matmul(view(out, []int{2, 1, 2}, []int{2, 2, 1}), view(rows, []int{2, 1, 2}, []int{2, 2, 1}), view(m, []int{2, 2, 2}, []int{0, 2, 1}))
	}) {
		if got, want := toHost(t, d, vec(out)), []float64{201, 2010, 403, 4030}; !same(got, want) {
			t.Errorf("Matmul of a stack with a broadcast matrix: got %v, want %v", got, want)
		}
	}
	// k = 0: zeros, whatever the destination held.
	z := fromHost(t, d, []float64{7, 7, 7, 7})
	if op(t, "Matmul with k = 0", func() error {
		return mm.Matmul(view(z, []int{2, 2}, []int{2, 1}), view(rows, []int{2, 0}, []int{1, 1}), view(m, []int{0, 2}, []int{2, 1}))
	}) {
		if got, want := toHost(t, d, vec(z)), []float64{0, 0, 0, 0}; !same(got, want) {
			t.Errorf("Matmul with k = 0: got %v, want %v", got, want)
		}
	}
	if err := safely(t, "Matmul of shapes that do not fit", func() error {
		return mm.Matmul(view(z, []int{2, 2}, []int{2, 1}), view(rows, []int{2, 2}, []int{2, 1}), view(m, []int{1, 2}, []int{2, 1}))
	}); err == nil || errors.Is(err, devices.ErrNotImplemented) {
		t.Errorf("Matmul of (2, 2) and (1, 2): %v, want an error about the shapes", err)
	}
}
