//go:build cgo && linux

package gpu

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"workbench/arrays/dtype"
	"workbench/devices"
	"workbench/kernels"
)

// Stated tolerances of float sums and products, which the GPU combines in
// tree order (the CPU: pairwise sums, sequential products). They bound
// the distance from the exact result (computed on the CPU in float64 for
// float32): a sum within sumTol times the sum of the magnitudes of its
// terms, a product within prodTol relative. Integer and bool reductions,
// min and max are exact.
const (
	sumTol32  = 1e-6
	sumTol64  = 1e-13
	prodTol32 = 1e-5
	prodTol64 = 1e-13
)

// reference runs f (a reduction or cumulative operation writing the view
// dstView over a buffer of dstLen elements from the view srcView) on the
// CPU: for float sources in float64, for the others in their dtype. It
// returns the results (float64 for float sources) and, for floats, the
// same operation's sums of magnitudes (for the tolerances).
func reference(t *testing.T, f func(dev devices.Device, dst, src devices.View) error, data any,
	srcView func(devices.Buffer) devices.View, dstLen int, dstView func(devices.Buffer) devices.View, sumOfAbs func(dev devices.Device, dst, src devices.View) error) (want any, mag []float64) {
	t.Helper()
	cpu := devices.CPU()
	dt := devices.DTypeOf(data)
	if dt.IsFloat() {
		f64 := make([]float64, devices.SliceLen(data))
		switch x := data.(type) {
		case []float32:
			for i, v := range x {
				f64[i] = float64(v)
			}
		case []float64:
			copy(f64, x)
		}
		data = f64
		dt = dtype.Float64
	}
	src, err := cpu.FromHost(data)
	if err != nil {
		t.Fatal(err)
	}
	dst, err := cpu.Alloc(dt, dstLen)
	if err != nil {
		t.Fatal(err)
	}
	if err := f(cpu, dstView(dst), srcView(src)); err != nil {
		t.Fatalf("reference: %v", err)
	}
	want, _ = devices.MakeSlice(dt, dstLen)
	if err := cpu.ToHost(vec(dst), want); err != nil {
		t.Fatal(err)
	}
	if dt != dtype.Float64 {
		return want, nil
	}
	abs := make([]float64, len(data.([]float64)))
	for i, v := range data.([]float64) {
		abs[i] = math.Abs(v)
	}
	asrc, _ := cpu.FromHost(abs)
	adst, _ := cpu.Alloc(dt, dstLen)
	if err := sumOfAbs(cpu, dstView(adst), srcView(asrc)); err != nil {
		t.Fatal(err)
	}
	mag = make([]float64, dstLen)
	if err := cpu.ToHost(vec(adst), mag); err != nil {
		t.Fatal(err)
	}
	return want, mag
}

// reduceCase is a source view shape and the axes reduced.
type reduceCase struct {
	shape []int
	axes  []bool
	// layout: "c" (C order), "f" (transposed: Fortran order), "rev"
	// (every axis reversed), "bcast" (axis 0 broadcast).
	layout string
}

func reduceCases() []reduceCase {
	var cs []reduceCase
	for _, n := range sizes {
		cs = append(cs, reduceCase{[]int{n}, []bool{true}, "c"})
	}
	for _, l := range []string{"c", "f", "rev"} {
		for _, sh := range [][]int{{3, 1000}, {1000, 3}, {7, 65537}, {300, 5000}, {4096, 300}, {2, 1<<20 + 3}} {
			for _, ax := range [][]bool{{true, false}, {false, true}, {true, true}} {
				if sh[1] > 65537 && l != "c" {
					continue
				}
				cs = append(cs, reduceCase{sh, ax, l})
			}
		}
		for _, ax := range [][]bool{{false, true, false}, {true, false, true}, {true, true, false}, {false, false, false}} {
			cs = append(cs, reduceCase{[]int{4, 50, 33}, ax, l})
		}
	}
	cs = append(cs, reduceCase{[]int{5, 777}, []bool{true, false}, "bcast"}, reduceCase{[]int{5, 777}, []bool{true, true}, "bcast"})
	cs = append(cs, reduceCase{[]int{0, 5}, []bool{true, false}, "c"}, reduceCase{[]int{5, 0}, []bool{true, false}, "c"})
	return cs
}

// sourceView lays shape over a buffer of the view's span, as rc.layout
// says, and returns the view and the buffer length it needs.
func sourceView(shape []int, layout string) (func(devices.Buffer) devices.View, int) {
	n := prod(shape)
	switch layout {
	case "f":
		st := make([]int, len(shape))
		acc := 1
		for i := range shape {
			st[i] = acc
			acc *= max(shape[i], 1)
		}
		return func(b devices.Buffer) devices.View { return devices.View{Buf: b, Shape: shape, Strides: st} }, n
	case "rev":
		st := cStrides(shape)
		off := 0
		for i := range st {
			off += st[i] * max(shape[i]-1, 0)
			st[i] = -st[i]
		}
		return func(b devices.Buffer) devices.View {
			return devices.View{Buf: b, Shape: shape, Strides: st, Offset: off}
		}, n
	case "bcast":
		st := cStrides(shape[1:])
		st = append([]int{0}, st...)
		return func(b devices.Buffer) devices.View { return devices.View{Buf: b, Shape: shape, Strides: st} }, prod(shape[1:])
	}
	st := cStrides(shape)
	return func(b devices.Buffer) devices.View { return devices.View{Buf: b, Shape: shape, Strides: st} }, n
}

// reduceData is the source data for op: values near 1 for float products
// (so that they do not overflow), the usual test data otherwise (with
// NaN and infinities for min and max).
func reduceData(op kernels.ReduceOp, dt dtype.DType, n int) any {
	data := hostData(dt, n, 3)
	switch x := data.(type) {
	case []float32:
		for i := range x {
			switch {
			case op == kernels.ReduceProd:
				x[i] = 1 + float32(math.Sin(float64(i)))/64
			case op == kernels.ReduceSum && (x[i] != x[i] || math.IsInf(float64(x[i]), 0) || math.Abs(float64(x[i])) > 1e30):
				x[i] = float32(i % 5)
			}
		}
	case []float64:
		for i := range x {
			switch {
			case op == kernels.ReduceProd:
				x[i] = 1 + math.Sin(float64(i))/64
			case op == kernels.ReduceSum && (x[i] != x[i] || math.IsInf(x[i], 0) || math.Abs(x[i]) > 1e30):
				x[i] = float64(i % 5)
			}
		}
	}
	return data
}

// closeSum reports whether got is within tolerance of want, a sum (or
// product) whose terms have magnitudes adding up to mag.
func closeTo(got, want, mag, rel float64) bool {
	if math.IsNaN(want) || math.IsInf(want, 0) {
		return math.IsNaN(got) && math.IsNaN(want) || got == want
	}
	return math.Abs(got-want) <= rel*mag
}

// TestReduce reduces over every case of axes, shapes and layouts, for
// every reduction and dtype the GPU computes, against the CPU device.
func TestReduce(t *testing.T) {
	d := gpu(t)
	for _, dt := range computeTypes {
		if lacks(d, dt) {
			continue
		}
		for _, op := range []kernels.ReduceOp{kernels.ReduceSum, kernels.ReduceProd, kernels.ReduceMin, kernels.ReduceMax, kernels.ReduceAll, kernels.ReduceAny} {
			for _, rc := range reduceCases() {
				name := fmt.Sprintf("%v of %v %v over %v (%s)", op, dt, rc.shape, rc.axes, rc.layout)
				if big(prod(rc.shape)) {
					continue
				}
				if prod(rc.shape) > 65537 && (dt != dtype.Float32 || op != kernels.ReduceSum && op != kernels.ReduceMax) {
					continue // the largest sizes for a few cases only
				}
				view, n := sourceView(rc.shape, rc.layout)
				// The destination: src's shape, reduced axes of stride 0.
				dshape := make([]int, len(rc.shape))
				for i, s := range rc.shape {
					dshape[i] = s
					if rc.axes[i] {
						dshape[i] = 1
					}
				}
				dstrides := cStrides(dshape)
				for i := range dstrides {
					if rc.axes[i] {
						dstrides[i] = 0
					}
				}
				data := reduceData(op, dt, n)
				src, err := d.FromHost(data)
				if err != nil {
					t.Fatal(err)
				}
				dst, err := d.Alloc(dt, prod(dshape))
				if err != nil {
					t.Fatal(err)
				}
				dview := func(b devices.Buffer) devices.View {
					return devices.View{Buf: b, Shape: rc.shape, Strides: dstrides}
				}
				gerr := d.Reduce(op, dview(dst), view(src), rc.axes)
				_, cerr := safeReduce(op, dt, rc.shape, rc.axes, prod(dshape), dstrides)
				if gerr != nil || cerr != nil {
					switch {
					case errors.Is(gerr, devices.ErrNotImplemented) && cerr != nil:
						// Neither computes it (all and any of numbers).
					case errors.Is(gerr, devices.ErrNotImplemented):
						t.Errorf("%s: the GPU does not implement it: %v", name, gerr)
					case gerr != nil && cerr != nil:
						// Both refuse (such as min of no elements).
					default:
						t.Errorf("%s: GPU error %v, CPU error %v", name, gerr, cerr)
					}
					continue
				}
				want, mag := reference(t, func(c devices.Device, dv, sv devices.View) error { return c.Reduce(op, dv, sv, rc.axes) },
					data, view, prod(dshape), dview,
					func(c devices.Device, dv, sv devices.View) error { return c.Reduce(kernels.ReduceSum, dv, sv, rc.axes) })
				got, _ := devices.MakeSlice(dt, prod(dshape))
				if err := d.ToHost(vec(dst), got); err != nil {
					t.Fatal(err)
				}
				checkReduced(t, name, op, got, want, mag)
			}
		}
	}
}

// safeReduce reports whether the CPU reduces zeros of dtype dt of shape
// over axes (an error for what it does not define).
func safeReduce(op kernels.ReduceOp, dt dtype.DType, shape []int, axes []bool, dstLen int, dstrides []int) (any, error) {
	cpu := devices.CPU()
	src, err := cpu.Alloc(dt, prod(shape))
	if err != nil {
		return nil, err
	}
	dst, err := cpu.Alloc(dt, dstLen)
	if err != nil {
		return nil, err
	}
	return nil, cpu.Reduce(op, devices.View{Buf: dst, Shape: shape, Strides: dstrides},
		devices.View{Buf: src, Shape: shape, Strides: cStrides(shape)}, axes)
}

func toFloat64(s any) []float64 {
	switch x := s.(type) {
	case []float32:
		out := make([]float64, len(x))
		for i, v := range x {
			out[i] = float64(v)
		}
		return out
	case []float64:
		return x
	}
	return nil
}

func checkReduced(t *testing.T, name string, op kernels.ReduceOp, got, want any, mag []float64) {
	t.Helper()
	if mag == nil {
		if i, msg := mismatch(got, want, tol{}); i >= 0 {
			t.Errorf("%s: output %d: %s", name, i, msg)
		}
		return
	}
	g, w := toFloat64(got), toFloat64(want)
	_, is32 := got.([]float32)
	for i := range g {
		var ok bool
		switch op {
		case kernels.ReduceSum:
			ok = closeTo(g[i], w[i], mag[i], map[bool]float64{true: sumTol32, false: sumTol64}[is32])
		case kernels.ReduceProd:
			ok = closeTo(g[i], w[i], math.Abs(w[i]), map[bool]float64{true: prodTol32, false: prodTol64}[is32])
		default:
			ok = g[i] == w[i] || math.IsNaN(g[i]) && math.IsNaN(w[i])
		}
		if !ok {
			t.Errorf("%s: output %d: got %v, want %v (terms' magnitudes %v)", name, i, g[i], w[i], mag[i])
			return
		}
	}
}

// TestCumulative runs cumulative sums and products along every axis of
// several shapes and layouts, against the CPU device: integers exactly,
// floats within the stated tolerances (relative to the running sum of
// magnitudes for sums).
func TestCumulative(t *testing.T) {
	d := gpu(t)
	type cc struct {
		shape  []int
		layout string
	}
	var cases []cc
	for _, n := range sizes {
		cases = append(cases, cc{[]int{n}, "c"}, cc{[]int{n}, "rev"})
	}
	for _, l := range []string{"c", "f", "rev"} {
		cases = append(cases, cc{[]int{3, 1000}, l}, cc{[]int{5000, 300}, l}, cc{[]int{2, 70000}, l}, cc{[]int{4, 50, 33}, l})
	}
	for _, dt := range computeTypes {
		if lacks(d, dt) {
			continue
		}
		for _, op := range []kernels.ReduceOp{kernels.ReduceSum, kernels.ReduceProd} {
			for _, c := range cases {
				if big(prod(c.shape)) || prod(c.shape) > 70000 && (dt == dtype.Uint32 || op == kernels.ReduceProd || c.layout != "c") {
					continue
				}
				for axis := range c.shape {
					name := fmt.Sprintf("cumulative %v of %v %v along %d (%s)", op, dt, c.shape, axis, c.layout)
					view, n := sourceView(c.shape, c.layout)
					data := reduceData(op, dt, n)
					if op == kernels.ReduceProd {
						// Running products of factors near 1 accumulate
						// rounding errors with the number of factors, in
						// any order (after 65536 factors within 1e-4 of 1,
						// the GPU's float32 result was 3.3e-4 from the
						// exact one, the CPU's sequential one 4.6e-5).
						// Powers of two give exact products to compare.
						dyadic := func(i int) float64 {
							switch {
							case i%97 == 0:
								return 2
							case i%89 == 0:
								return 0.5
							case i%31 == 0:
								return -1
							}
							return 1
						}
						switch x := data.(type) {
						case []float32:
							for i := range x {
								x[i] = float32(dyadic(i))
							}
						case []float64:
							for i := range x {
								x[i] = dyadic(i)
							}
						}
					}
					src, err := d.FromHost(data)
					if err != nil {
						t.Fatal(err)
					}
					dst, err := d.Alloc(dt, 2*n)
					if err != nil {
						t.Fatal(err)
					}
					// A destination in reverse order, every other element.
					dview := func(b devices.Buffer) devices.View { return sourceViewStrided(b, c.shape) }
					gerr := d.Cumulative(op, dview(dst), view(src), axis)
					if gerr != nil {
						if !errors.Is(gerr, devices.ErrNotImplemented) || dt != dtype.Bool {
							t.Errorf("%s: %v", name, gerr)
						}
						continue
					}
					want, mag := reference(t, func(c devices.Device, dv, sv devices.View) error { return c.Cumulative(op, dv, sv, axis) },
						data, view, 2*n, dview,
						func(c devices.Device, dv, sv devices.View) error {
							return c.Cumulative(kernels.ReduceSum, dv, sv, axis)
						})
					got, _ := devices.MakeSlice(dt, 2*n)
					if err := d.ToHost(vec(dst), got); err != nil {
						t.Fatal(err)
					}
					checkReduced(t, name, op, got, want, mag)
				}
			}
		}
	}
}

// sourceViewStrided is a destination view of shape over a buffer of twice
// its size: every other element, in reverse order.
func sourceViewStrided(b devices.Buffer, shape []int) devices.View {
	st := cStrides(shape)
	off := 0
	for i := range st {
		st[i] *= -2
		off -= st[i] * max(shape[i]-1, 0)
	}
	return devices.View{Buf: b, Shape: shape, Strides: st, Offset: off}
}
