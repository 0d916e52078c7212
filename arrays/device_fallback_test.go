package arrays_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	. "workbench/arrays"
	"workbench/arrays/internal/devicefake"
	"workbench/devices"
)

// TestDeviceFallbackIndexing runs indexing, assignment and the functions
// with array options on arrays of a device whose memory the CPU cannot
// address: the same values as on the CPU, results (and arrays written in
// place) on the device, and the notice naming the function once, even
// for two calls.
func TestDeviceFallbackIndexing(t *testing.T) {
	fake := devicefake.New("fake")
	noconv := devicefake.New("noconv")
	noconv.Convert = false
	x := FromSlice([]float64{3, 1, 4, 1, 5, 9, 2, 6}, 2, 4)
	flat := FromSlice([]float64{3, 1, 4, 1, 5, 9, 2, 6})
	ints := FromSlice([]int64{3, 1, 3, 0, 2, 1})
	w := FromSlice([]float64{1, 2, 1, 2, 1, 2, 1, 2})
	idx := FromSlice([]int64{1, 0, 1})
	cols := FromSlice([]int64{3, 0, -1})
	mask := FromSlice([]bool{true, false, true, false, false, true, true, false}, 2, 4)
	cond := FromSlice([]bool{true, false, true})
	along := FromSlice([]int64{3, 0, 1, 2, 2, 1, 0, 3}, 2, 4)
	cpu := func(a *Array) *Array { return a }

	cases := []struct {
		name   string
		f      func(on func(*Array) *Array) any
		dev    *devicefake.Device // default fake
		notice string             // the function named in the notice; "" for none
	}{
		{"Index int array", func(on func(*Array) *Array) any { return on(x).Index(on(idx)) }, nil, "Index"},
		{"Index two arrays", func(on func(*Array) *Array) any { return on(x).Index(on(idx), on(cols)) }, nil, "Index"},
		{"Index mask", func(on func(*Array) *Array) any { return on(x).Index(on(mask)) }, nil, "Index"},
		{"Index CPU array", func(on func(*Array) *Array) any { return on(x).Index(Slice(), cpu(cols)) }, nil, "Index"},
		{"Index Go slice", func(on func(*Array) *Array) any { return on(x).Index([]int{1, 1}, 2) }, nil, "Index"},
		{"Take", func(on func(*Array) *Array) any { return Take(on(x), on(cols), Axis(1)) }, nil, "Take"},
		{"Take wrap", func(on func(*Array) *Array) any { return Take(on(x), on(FromSlice([]int64{9, -9})), IndexMode("wrap")) }, nil, "Take"},
		{"TakeAlongAxis", func(on func(*Array) *Array) any { return TakeAlongAxis(on(x), on(along), 1) }, nil, "TakeAlongAxis"},
		{"Compress", func(on func(*Array) *Array) any { return Compress(on(cond), on(x), Axis(1)) }, nil, "Compress"},
		{"Extract", func(on func(*Array) *Array) any { return Extract(on(mask), on(x)) }, nil, "Extract"},
		{"SetIndex int array", func(on func(*Array) *Array) any {
			return on(x).Copy().SetIndex(on(FromSlice([]float64{7, 8, 9})), 1, on(cols))
		}, nil, "SetIndex"},
		{"SetIndex mask", func(on func(*Array) *Array) any { return on(x).Copy().SetIndex(-1, on(mask)) }, nil, "SetIndex"},
		{"SetIndex CPU values", func(on func(*Array) *Array) any {
			return on(x).Copy().SetIndex(cpu(FromSlice([]float64{7, 8})), 0, []int{0, 3})
		}, nil, "SetIndex"},
		{"SetIndex of a view", func(on func(*Array) *Array) any {
			a := on(x).Copy()
			a.T().SetIndex(0, on(idx))
			return a
		}, nil, "SetIndex"},
		{"SetIndex basic CPU value", func(on func(*Array) *Array) any {
			return on(x).Copy().SetIndex(cpu(FromSlice([]float64{7, 8})), 1, Slice(1, 3))
		}, nil, ""},
		{"Put", func(on func(*Array) *Array) any {
			return Put(on(x).Copy(), on(FromSlice([]int64{7, 0})), on(FromSlice([]float64{10, 20})))
		}, nil, "Put"},
		{"Put clip", func(on func(*Array) *Array) any {
			return Put(on(x).Copy(), on(FromSlice([]int64{70, -3})), 5, IndexMode("clip"))
		}, nil, "Put"},
		{"Searchsorted sorter", func(on func(*Array) *Array) any {
			return Searchsorted(on(flat), on(FromSlice([]float64{2, 5})), Sorter(on(Argsort(flat))))
		}, nil, "Searchsorted"},
		{"Searchsorted CPU sorter", func(on func(*Array) *Array) any {
			return Searchsorted(on(flat), 4.0, Side("right"), Sorter(Argsort(flat)))
		}, nil, "Searchsorted"},
		{"Histogram weights", func(on func(*Array) *Array) any {
			c, e := Histogram(on(flat), 3, Weights(on(w)))
			return []*Array{c, e}
		}, nil, "Histogram"},
		{"Histogram edges", func(on func(*Array) *Array) any {
			c, e := Histogram(on(flat), on(FromSlice([]float64{0, 2.5, 5, 10})), Density())
			return []*Array{c, e}
		}, nil, "Histogram"},
		{"Bincount weights", func(on func(*Array) *Array) any {
			return Bincount(on(ints), Weights(on(w.Index(Slice(0, 6)))))
		}, nil, "Bincount"},
		{"Quantile array q", func(on func(*Array) *Array) any {
			return Quantile(on(x), on(FromSlice([]float64{0.25, 0.5})), Axis(1))
		}, nil, "Quantile"},
		{"NanPercentile array q", func(on func(*Array) *Array) any {
			return NanPercentile(on(x), on(FromSlice([]float64{10, 90})))
		}, nil, "NanPercentile"},
		{"Diff prepend", func(on func(*Array) *Array) any {
			return Diff(on(x), Prepend(on(FromSlice([]float64{0, 0}).Reshape(2, 1))), Append(1.5))
		}, nil, "-"}, // Subtract falls back on the fake device
		{"Pad linear_ramp without conversion", func(on func(*Array) *Array) any {
			return Pad(on(ints), 2, PadMode("linear_ramp"), EndValues(10))
		}, noconv, "Astype"},
		{"Pad mean without conversion", func(on func(*Array) *Array) any {
			return Pad(on(ints), []int{1, 2}, PadMode("mean"))
		}, noconv, "Astype"},
		{"Pad reflect odd", func(on func(*Array) *Array) any {
			return Pad(on(x), 2, PadMode("reflect"), ReflectType("odd"))
		}, nil, "-"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dev := tc.dev
			if dev == nil {
				dev = fake
			}
			notices := captureNotices(t)
			want := results(tc.f(cpu))
			if len(*notices) != 0 {
				t.Fatalf("notices on the CPU: %q", *notices)
			}
			on := func(a *Array) *Array { return a.To(dev) }
			got := results(tc.f(on))
			results(tc.f(on)) // a second call gives no second notice
			if len(got) != len(want) {
				t.Fatalf("%d results on %s, %d on the CPU", len(got), dev.Name(), len(want))
			}
			for i := range want {
				w, g := want[i].(*Array), got[i].(*Array)
				if g.Device() != devices.Device(dev) {
					t.Errorf("result %d is on %s, want %s", i, g.Device().Name(), dev.Name())
				}
				if g.DType() != w.DType() || !reflect.DeepEqual(g.Shape(), w.Shape()) {
					t.Errorf("result %d: %v %v, want %v %v", i, g.DType(), g.Shape(), w.DType(), w.Shape())
				}
				if gd, wd := g.Data(), w.Data(); !reflect.DeepEqual(gd, wd) {
					t.Errorf("result %d = %v, want %v", i, gd, wd)
				}
			}
			switch tc.notice {
			case "-":
			case "":
				if len(*notices) != 0 {
					t.Errorf("unexpected notices: %q", *notices)
				}
			default:
				prefix := "notice: arrays." + tc.notice + " ran on the CPU: the " + dev.Name() + " device does not implement "
				n := 0
				for _, m := range *notices {
					if strings.HasPrefix(m, prefix) && strings.HasSuffix(m, "; the result was moved back to "+dev.Name()) {
						n++
					}
				}
				if n != 1 {
					t.Errorf("notices %q: want one starting %q, got %d", *notices, prefix, n)
				}
			}
		})
	}
}

// TestDeviceFallbackMixed checks that index arrays, values and array
// options on a device other than the array's (the CPU's arrays aside,
// which may index an array of any device) are a *DeviceError that names
// the operation and both devices, and that nothing was written.
func TestDeviceFallbackMixed(t *testing.T) {
	captureNotices(t)
	fake, other := devicefake.New("fake"), devicefake.New("other")
	x := FromSlice([]float64{3, 1, 4, 1, 5, 9, 2, 6})
	xf := x.To(fake)
	idx := FromSlice([]int64{1, 0})
	idxf, idxo := idx.To(fake), idx.To(other)
	vals := FromSlice([]float64{7, 8})
	valsf := vals.To(fake)
	maskf := Less(x, 3).To(fake)
	cases := []struct {
		name, op string
		f        func()
		a, b     string // the devices named
	}{
		{"Index with a device array", "index", func() { x.Index(idxf) }, "cpu", "fake"},
		{"Index with a mask of another device", "index", func() { xf.Index(maskf.To(other)) }, "fake", "other"},
		{"Index with an array of another device", "index", func() { xf.Index(idxo) }, "fake", "other"},
		{"Take", "take", func() { Take(x, idxf) }, "cpu", "fake"},
		{"Take wrap", "take", func() { Take(xf, idxo, IndexMode("wrap")) }, "fake", "other"},
		{"TakeAlongAxis", "take_along_axis", func() { TakeAlongAxis(x, idxf, 0) }, "cpu", "fake"},
		{"SetIndex index", "setindex", func() { x.Copy().SetIndex(0, idxf) }, "cpu", "fake"},
		{"SetIndex value", "setindex", func() { x.Copy().SetIndex(valsf, idx) }, "cpu", "fake"},
		{"SetIndex basic value", "setindex", func() { x.Copy().SetIndex(valsf, Slice(0, 2)) }, "cpu", "fake"},
		{"SetIndex value of another device", "setindex", func() { xf.Copy().SetIndex(vals.To(other), idxf) }, "fake", "other"},
		{"Put indices", "put", func() { Put(x.Copy(), idxf, 1) }, "cpu", "fake"},
		{"Put values", "put", func() { Put(xf.Copy(), idx, vals.To(other)) }, "fake", "other"},
		{"Compress", "compress", func() { Compress(maskf, x) }, "cpu", "fake"},
		{"Extract", "extract", func() { Extract(maskf, xf.To(other)) }, "other", "fake"},
		{"Searchsorted sorter", "searchsorted", func() { Searchsorted(x, 2.0, Sorter(Argsort(x).To(fake))) }, "cpu", "fake"},
		{"Histogram weights", "histogram", func() { Histogram(x, 2, Weights(x.To(fake))) }, "cpu", "fake"},
		{"Histogram edges", "histogram", func() { Histogram(xf, FromSlice([]float64{0, 5, 10})) }, "fake", "cpu"},
		{"Bincount weights", "bincount", func() { Bincount(idxf, Weights(vals)) }, "fake", "cpu"},
		{"Quantile q", "quantile", func() { Quantile(x, FromSlice([]float64{0.5}).To(fake)) }, "cpu", "fake"},
		{"Diff prepend", "diff", func() { Diff(xf, Prepend(vals)) }, "fake", "cpu"},
	}
	for _, tc := range cases {
		err := Maybe(tc.f)
		var de *DeviceError
		if !errors.As(err, &de) {
			t.Errorf("%s: err = %v, want a *DeviceError", tc.name, err)
			continue
		}
		want := tc.op + ": the arrays are on different devices (" + tc.a + " and " + tc.b + ")"
		if !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s: %q, want it to start %q", tc.name, err, want)
		}
	}
	if d := x.Data(); !reflect.DeepEqual(d, []float64{3, 1, 4, 1, 5, 9, 2, 6}) {
		t.Errorf("x changed to %v", d)
	}
}

// TestGPUIndexing checks indexing and assignment at array indices on the
// GPU device (Mesa's llvmpipe is enough): the CPU's values, results on the
// GPU, and assignments written back into the GPU's buffers.
func TestGPUIndexing(t *testing.T) {
	g := gpuOrSkip(t)
	captureNotices(t)
	x := FromSlice([]float32{3, 1, 4, 1, 5, 9, 2, 6}, 2, 4)
	xb := FromSlice([]bool{true, false, false, true, true})
	cases := []struct {
		name string
		f    func(on func(*Array) *Array) *Array
	}{
		{"Index", func(on func(*Array) *Array) *Array { return on(x).Index(on(FromSlice([]int32{1, 0})), Slice(1, 3)) }},
		{"Index mask", func(on func(*Array) *Array) *Array { return on(x).Index(on(Less(x, 4))) }},
		{"Take", func(on func(*Array) *Array) *Array {
			return Take(on(x), on(FromSlice([]int64{7, 0})), IndexMode("wrap"))
		}},
		{"SetIndex mask", func(on func(*Array) *Array) *Array { return on(x).Copy().SetIndex(7, on(Less(x, 4))) }},
		{"SetIndex of a view", func(on func(*Array) *Array) *Array {
			a := on(x).Copy()
			a.T().SetIndex(on(FromSlice([]float32{-1, -2})), []int{1}, Slice())
			return a
		}},
		{"Put", func(on func(*Array) *Array) *Array {
			return Put(on(x).Copy(), []int{7, 0}, on(FromSlice([]float32{10, 20})))
		}},
		{"Pad reflect bool", func(on func(*Array) *Array) *Array { return Pad(on(xb), 3, PadMode("reflect")) }},
	}
	for _, tc := range cases {
		want := tc.f(func(a *Array) *Array { return a })
		got := tc.f(func(a *Array) *Array { return a.To(g) })
		if got.Device() != g {
			t.Errorf("%s: result on %s, want %s", tc.name, got.Device().Name(), g.Name())
		}
		if gd, wd := got.Data(), want.Data(); !reflect.DeepEqual(gd, wd) {
			t.Errorf("%s = %v, want %v", tc.name, gd, wd)
		}
	}
}
