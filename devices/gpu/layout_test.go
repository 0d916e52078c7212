//go:build cgo && linux

package gpu

import (
	"fmt"
	"math"
	"testing"

	"workbench/arrays/dtype"
	"workbench/devices"
	"workbench/kernels"
)

// sizes are lengths that are not multiples of the work-group size (and
// some that are), up to more than a million.
var sizes = []int{1, 2, 255, 256, 257, 1000, 65537, 1<<20 + 3}

// big reports whether n elements are too many for go test -short.
func big(n int) bool { return testing.Short() && n > 70000 }

// layout makes views of n logical elements over a buffer of length
// bufLen(n): contiguous, reversed, every other, broadcast, transposed.
type layout struct {
	name   string
	bufLen func(n int) int
	view   func(b devices.Buffer, n int) devices.View
}

var layouts = []layout{
	{"contiguous", func(n int) int { return n }, func(b devices.Buffer, n int) devices.View {
		return devices.View{Buf: b, Shape: []int{n}, Strides: []int{1}}
	}},
	{"reversed", func(n int) int { return n }, func(b devices.Buffer, n int) devices.View {
		return devices.View{Buf: b, Shape: []int{n}, Strides: []int{-1}, Offset: n - 1}
	}},
	{"every other", func(n int) int { return 2*n + 1 }, func(b devices.Buffer, n int) devices.View {
		return devices.View{Buf: b, Shape: []int{n}, Strides: []int{2}, Offset: 1}
	}},
	{"scalar broadcast", func(int) int { return 3 }, func(b devices.Buffer, n int) devices.View {
		return devices.View{Buf: b, Shape: []int{n}, Strides: []int{0}, Offset: 2}
	}},
	// n = rows*cols with rows the largest divisor <= sqrt(n): a
	// transposed matrix (column-major walk), and a broadcast row.
	{"transposed", func(n int) int { return n }, func(b devices.Buffer, n int) devices.View {
		r, c := split(n)
		return devices.View{Buf: b, Shape: []int{r, c}, Strides: []int{1, r}}
	}},
	{"broadcast row", func(n int) int { _, c := split(n); return c }, func(b devices.Buffer, n int) devices.View {
		r, c := split(n)
		return devices.View{Buf: b, Shape: []int{r, c}, Strides: []int{0, 1}}
	}},
	{"3-d reversed middle", func(n int) int { return n }, func(b devices.Buffer, n int) devices.View {
		r, c := split(n)
		if r%2 == 0 && r > 2 {
			return devices.View{Buf: b, Shape: []int{2, r / 2, c}, Strides: []int{r / 2 * c, -c, 1}, Offset: (r/2 - 1) * c}
		}
		return devices.View{Buf: b, Shape: []int{r, c}, Strides: []int{c, 1}}
	}},
}

func split(n int) (rows, cols int) {
	rows = 1
	for d := 1; d*d <= n; d++ {
		if n%d == 0 {
			rows = d
		}
	}
	return rows, n / rows
}

// reshape returns v's view over n elements as a destination of the same
// shape as like (a fresh contiguous buffer viewed with like's shape).
func contiguousLike(b devices.Buffer, like devices.View) devices.View {
	return devices.View{Buf: b, Shape: like.Shape, Strides: cStrides(like.Shape)}
}

// TestLayouts runs a few operations of each kind over every size and
// layout (the sources strided, the destination contiguous, and the
// destination strided too), against the CPU device.
func TestLayouts(t *testing.T) {
	d := gpu(t)
	type opCase struct {
		name string
		in   dtype.DType
		out  dtype.DType
		run  func(dev devices.Device, dst, a, b devices.View) error
	}
	cases := []opCase{
		{"add float32", dtype.Float32, dtype.Float32, func(dev devices.Device, dst, a, b devices.View) error {
			return dev.Binary(kernels.Add, dst, a, b)
		}},
		{"multiply int32", dtype.Int32, dtype.Int32, func(dev devices.Device, dst, a, b devices.View) error {
			return dev.Binary(kernels.Multiply, dst, a, b)
		}},
		{"less uint32", dtype.Uint32, dtype.Bool, func(dev devices.Device, dst, a, b devices.View) error {
			return dev.Binary(kernels.Less, dst, a, b)
		}},
		{"logical_xor bool", dtype.Bool, dtype.Bool, func(dev devices.Device, dst, a, b devices.View) error {
			return dev.Binary(kernels.LogicalXor, dst, a, b)
		}},
		{"sqrt float32", dtype.Float32, dtype.Float32, func(dev devices.Device, dst, a, _ devices.View) error {
			return dev.Unary(kernels.Sqrt, dst, a)
		}},
		{"copy float32 to int32", dtype.Float32, dtype.Int32, func(dev devices.Device, dst, a, _ devices.View) error {
			return dev.Copy(dst, a)
		}},
		{"copy int32 to float32", dtype.Int32, dtype.Float32, func(dev devices.Device, dst, a, _ devices.View) error {
			return dev.Copy(dst, a)
		}},
		{"copy uint32 to bool", dtype.Uint32, dtype.Bool, func(dev devices.Device, dst, a, _ devices.View) error {
			return dev.Copy(dst, a)
		}},
		{"copy float32", dtype.Float32, dtype.Float32, func(dev devices.Device, dst, a, _ devices.View) error {
			return dev.Copy(dst, a)
		}},
	}
	if d.feat.Int64 {
		cases = append(cases,
			opCase{"multiply int64", dtype.Int64, dtype.Int64, func(dev devices.Device, dst, a, b devices.View) error {
				return dev.Binary(kernels.Multiply, dst, a, b)
			}},
			opCase{"copy int64 to float32", dtype.Int64, dtype.Float32, func(dev devices.Device, dst, a, _ devices.View) error {
				return dev.Copy(dst, a)
			}})
	}
	if d.fp64 {
		cases = append(cases,
			opCase{"divide float64", dtype.Float64, dtype.Float64, func(dev devices.Device, dst, a, b devices.View) error {
				return dev.Binary(kernels.Divide, dst, a, b)
			}},
			opCase{"copy float64 to float32", dtype.Float64, dtype.Float32, func(dev devices.Device, dst, a, _ devices.View) error {
				return dev.Copy(dst, a)
			}},
			opCase{"copy float32 to float64", dtype.Float32, dtype.Float64, func(dev devices.Device, dst, a, _ devices.View) error {
				return dev.Copy(dst, a)
			}})
	}
	for _, n := range sizes {
		if big(n) {
			continue
		}
		for _, la := range layouts {
			// b: another layout of the same shape.
			shape := fmt.Sprint(la.view(nil, n).Shape)
			lb := la
			for k := range layouts {
				c := layouts[(n+len(la.name)+k)%len(layouts)]
				if fmt.Sprint(c.view(nil, n).Shape) == shape {
					lb = c
					break
				}
			}
			for _, tc := range cases {
				if n > 65537 && tc.name != "add float32" && tc.name != "copy float32" {
					continue // the largest size for the cheap cases only
				}
				name := fmt.Sprintf("%s n=%d a=%s b=%s", tc.name, n, la.name, lb.name)
				a := newPair(t, d, hostData(tc.in, la.bufLen(n), 1))
				b := newPair(t, d, hostData(tc.in, lb.bufLen(n), 2))
				va := la.view(a.gpu, n)
				vb := lb.view(b.gpu, n)
				// Destinations: contiguous, and a reversed one with a gap.
				for _, dl := range []string{"contiguous", "strided"} {
					var dst pair
					var vd devices.View
					if dl == "contiguous" {
						dst = allocPair(t, d, tc.out, n)
						vd = contiguousLike(dst.gpu, va)
					} else {
						dst = allocPair(t, d, tc.out, 2*n)
						st := cStrides(va.Shape)
						for i := range st {
							st[i] *= -2
						}
						vd = devices.View{Buf: dst.gpu, Shape: va.Shape, Strides: st, Offset: 2*n - 2}
					}
					if err := tc.run(d, vd, va, vb); err != nil {
						t.Fatalf("%s into %s: %v", name, dl, err)
					}
					if err := tc.run(devices.CPU(), on(vd, dst.cpu), on(va, a.cpu), on(vb, b.cpu)); err != nil {
						t.Fatalf("%s on the CPU: %v", name, err)
					}
					want, got := dst.host(t)
					if i, msg := mismatch(got, want, tol{}); i >= 0 {
						t.Errorf("%s into %s: element %d: %s", name, dl, i, msg)
					}
				}
			}
		}
	}
}

// TestToHostLayouts reads strided views of every dtype back, against the
// CPU device (the GPU gathers 4-, 8- and 16-byte elements; the CPU the
// 1- and 2-byte ones).
func TestToHostLayouts(t *testing.T) {
	d := gpu(t)
	for _, dt := range dtype.All {
		for _, n := range []int{1, 257, 65537} {
			for _, la := range layouts {
				data, _ := devices.MakeSlice(dt, la.bufLen(n))
				fill(data)
				p := newPair(t, d, data)
				vg := la.view(p.gpu, n)
				got, _ := devices.MakeSlice(dt, n)
				want, _ := devices.MakeSlice(dt, n)
				if err := d.ToHost(vg, got); err != nil {
					t.Fatalf("%v %s n=%d: %v", dt, la.name, n, err)
				}
				if err := devices.CPU().ToHost(on(vg, p.cpu), want); err != nil {
					t.Fatal(err)
				}
				if !equalBits(got, want) {
					t.Errorf("%v %s n=%d: ToHost differs from the CPU's", dt, la.name, n)
				}
			}
		}
	}
}

// fill sets s[i] to a value that differs between neighbours.
func fill(s any) {
	switch x := s.(type) {
	case []bool:
		for i := range x {
			x[i] = i%3 == 1
		}
	case []int8:
		for i := range x {
			x[i] = int8(i*7 + 1)
		}
	case []int16:
		for i := range x {
			x[i] = int16(i*31 - 5)
		}
	case []int32:
		for i := range x {
			x[i] = int32(i*1001 - 7)
		}
	case []int64:
		for i := range x {
			x[i] = int64(i)*1e10 - 3
		}
	case []uint8:
		for i := range x {
			x[i] = uint8(i*13 + 2)
		}
	case []uint16:
		for i := range x {
			x[i] = uint16(i*257 + 3)
		}
	case []uint32:
		for i := range x {
			x[i] = uint32(i)*2654435761 + 1
		}
	case []uint64:
		for i := range x {
			x[i] = uint64(i)*0x9E3779B97F4A7C15 + 1
		}
	case []float32:
		for i := range x {
			x[i] = float32(i)*0.25 - 3
		}
	case []float64:
		for i := range x {
			x[i] = float64(i)*0.1 - 7
		}
	case []complex64:
		for i := range x {
			x[i] = complex(float32(i), -float32(i)/3)
		}
	case []complex128:
		for i := range x {
			x[i] = complex(float64(i), math.Pi*float64(i))
		}
	}
}

func equalBits(a, b any) bool {
	return fmt.Sprint(a) == fmt.Sprint(b)
}

// TestByteCopy copies 1- and 2-byte elements between contiguous views at
// odd offsets (whole bytes, with glCopyBufferSubData), and between views
// of every layout (a shader storing each element's bits of its word with
// atomics), into the middle of a destination whose other elements must
// stay as they were: against the CPU device.
func TestByteCopy(t *testing.T) {
	d := gpu(t)
	src, err := d.FromHost([]int8{1, 2, 3, 4, 5, 6, 7})
	if err != nil {
		t.Fatal(err)
	}
	dst, _ := d.Alloc(dtype.Int8, 9)
	if err := d.Copy(devices.View{Buf: dst, Shape: []int{5}, Strides: []int{1}, Offset: 3},
		devices.View{Buf: src, Shape: []int{5}, Strides: []int{1}, Offset: 1}); err != nil {
		t.Fatal(err)
	}
	got := make([]int8, 9)
	if err := d.ToHost(vec(dst), got); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != "[0 0 0 2 3 4 5 6 0]" {
		t.Errorf("int8 copy at odd offsets: %v", got)
	}
	for _, dt := range []dtype.DType{dtype.Int8, dtype.Uint8, dtype.Int16, dtype.Uint16} {
		for _, n := range []int{1, 3, 257, 65537} {
			for i, la := range layouts {
				lb := layouts[(i+3)%len(layouts)] // the destination's layout
				if lb.name == "scalar broadcast" || lb.name == "broadcast row" {
					lb = layouts[1] // a destination cannot repeat elements
				}
				if fmt.Sprint(la.view(nil, n).Shape) != fmt.Sprint(lb.view(nil, n).Shape) {
					lb = layouts[2] // every other: one axis, as la's when the shapes differ
					if len(la.view(nil, n).Shape) != 1 {
						continue
					}
				}
				sdata, _ := devices.MakeSlice(dt, la.bufLen(n))
				fill(sdata)
				ddata, _ := devices.MakeSlice(dt, lb.bufLen(n)+5)
				fill(ddata)
				s := newPair(t, d, sdata)
				o := newPair(t, d, ddata)
				vs, vd := la.view(s.gpu, n), lb.view(o.gpu, n)
				vd.Offset += 5
				if err := d.Copy(vd, vs); err != nil {
					t.Errorf("%v %s into %s, n=%d: %v", dt, la.name, lb.name, n, err)
					continue
				}
				if err := devices.CPU().Copy(on(vd, o.cpu), on(vs, s.cpu)); err != nil {
					t.Fatal(err)
				}
				want, have := o.host(t)
				if !equalBits(have, want) {
					t.Errorf("%v %s into %s, n=%d: the destination differs from the CPU's", dt, la.name, lb.name, n)
				}
			}
		}
	}
}
