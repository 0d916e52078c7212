package arrays_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	. "workbench/arrays"
	"workbench/arrays/internal/devicefake"
	"workbench/arrays/linalg"
	"workbench/devices"
)

// captureNotices collects the notices given while the test runs.
func captureNotices(t *testing.T) *[]string {
	t.Helper()
	var got []string
	prev := SetNotice(func(msg string) { got = append(got, msg) })
	ResetNotices()
	t.Cleanup(func() { SetNotice(prev); ResetNotices() })
	return &got
}

// results flattens what a case returns into arrays and strings.
func results(v any) []any {
	switch r := v.(type) {
	case *Array:
		return []any{r}
	case []*Array:
		out := make([]any, len(r))
		for i, a := range r {
			out[i] = a
		}
		return out
	case string:
		return []any{r}
	}
	panic("unexpected result type")
}

// TestFakeDeviceMatchesCPU runs a representative set of the API on arrays
// of a device whose memory the CPU cannot address, and compares with the
// same calls on CPU arrays: the same values, dtypes and shapes, results on
// the fake device, and a notice exactly where the work fell back to the
// CPU.
func TestFakeDeviceMatchesCPU(t *testing.T) {
	fake := devicefake.New("fake")
	x := FromSlice([]float64{3, 1, 4, 1, 5, 9, 2, 6}, 2, 4)
	y := FromSlice([]float64{2, 7, 1, 8, 2, 8, 1, 8}, 2, 4)
	v := FromSlice([]float64{1, 5, 9})
	m := FromSlice([]float64{4, 1, 0, 2, 5, 1, 0, 1, 3}, 3, 3)
	b := FromSlice([]float64{1, 2, 3}, 3, 1)
	ints := FromSlice([]int64{3, 1, 3, 0, 2, 1})
	cond := FromSlice([]bool{true, false, true, false, false, true, true, false}, 2, 4)

	cases := []struct {
		name   string
		f      func(on func(*Array) *Array) any
		notice string // the function named in the notice; "" for none
	}{
		{"Add", func(on func(*Array) *Array) any { return Add(on(x), on(y)) }, ""},
		{"Add scalar", func(on func(*Array) *Array) any { return Add(on(x), 1.5) }, ""},
		{"Add broadcast", func(on func(*Array) *Array) any { return Add(on(x), on(y.Index(0))) }, ""},
		{"Multiply transposed", func(on func(*Array) *Array) any { return Multiply(on(x).T(), on(y).T()) }, ""},
		{"Subtract", func(on func(*Array) *Array) any { return Subtract(on(x), on(y)) }, "Subtract"},
		{"Less", func(on func(*Array) *Array) any { return Less(on(x), on(y)) }, "Less"},
		{"Negative", func(on func(*Array) *Array) any { return Negative(on(x)) }, ""},
		{"Sqrt of ints", func(on func(*Array) *Array) any { return Sqrt(on(ints)) }, ""},
		{"Exp", func(on func(*Array) *Array) any { return Exp(on(x)) }, "Exp"},
		{"IsNaN", func(on func(*Array) *Array) any { return IsNaN(on(x)) }, "IsNaN"},
		{"Sum", func(on func(*Array) *Array) any { return Sum(on(x)) }, ""},
		{"Sum axis", func(on func(*Array) *Array) any { return Sum(on(x), Axis(1), Keepdims()) }, ""},
		{"Max", func(on func(*Array) *Array) any { return Max(on(x), Axis(0)) }, "Max"},
		{"CumulativeSum", func(on func(*Array) *Array) any { return CumulativeSum(on(x), Axis(1)) }, "CumulativeSum"},
		{"CumulativeProd include", func(on func(*Array) *Array) any { return CumulativeProd(on(v), IncludeInitial()) }, "CumulativeProd"},
		{"Sort", func(on func(*Array) *Array) any { return Sort(on(x)) }, "Sort"},
		{"Argsort axis 0", func(on func(*Array) *Array) any { return Argsort(on(x), Axis(0)) }, "Argsort"},
		{"Argmax", func(on func(*Array) *Array) any { return Argmax(on(x), Axis(1)) }, "Argmax"},
		{"Median", func(on func(*Array) *Array) any { return Median(on(x)) }, "Median"},
		{"NanQuantile", func(on func(*Array) *Array) any { return NanQuantile(on(x), 0.25, Axis(1)) }, "NanQuantile"},
		{"Index basic", func(on func(*Array) *Array) any { return on(x).Index(1, Slice(1, 3)) }, ""},
		{"Index array", func(on func(*Array) *Array) any { return on(x).Index(FromSlice([]int64{1, 0, 1})) }, "Index"},
		{"Index mask", func(on func(*Array) *Array) any { return on(x).Index(on(cond)) }, "Index"},
		{"Take", func(on func(*Array) *Array) any { return Take(on(x), []int{7, 0}) }, "Take"},
		{"SetIndex basic", func(on func(*Array) *Array) any {
			return on(x).Copy().SetIndex(on(v.Index(Slice(0, 2))), 0, Slice(2, 4))
		}, ""},
		{"SetIndex array", func(on func(*Array) *Array) any {
			return on(x).Copy().SetIndex(-1.0, Slice(), FromSlice([]int64{3, 0}))
		}, "SetIndex"},
		{"Put", func(on func(*Array) *Array) any { return Put(on(x).Copy(), []int{1, 6}, []float64{10, 20}) }, "Put"},
		{"Assign converts", func(on func(*Array) *Array) any { return on(x).Copy().Assign(on(ints.Index(Slice(0, 4)))) }, ""},
		{"Where", func(on func(*Array) *Array) any { return Where(on(cond), on(x), 0.0) }, "Where"},
		{"Nonzero", func(on func(*Array) *Array) any { return Nonzero(on(cond)) }, "Nonzero"},
		{"Searchsorted", func(on func(*Array) *Array) any { return Searchsorted(on(v), on(x)) }, "Searchsorted"},
		{"Concat", func(on func(*Array) *Array) any { return Concat([]*Array{on(x), on(y)}, Axis(1)) }, ""},
		{"Concat converts", func(on func(*Array) *Array) any {
			return Concat([]*Array{on(x), on(ints.Index(Slice(0, 4)).Reshape(1, 4))})
		}, ""},
		{"Stack", func(on func(*Array) *Array) any { return Stack([]*Array{on(x), on(y)}) }, ""},
		{"Matmul", func(on func(*Array) *Array) any { return Matmul(on(x), on(y).T()) }, "Matmul"},
		{"Matmul vector", func(on func(*Array) *Array) any { return Matmul(on(m), on(v)) }, "Matmul"},
		{"MultiplyAdd", func(on func(*Array) *Array) any { return MultiplyAdd(on(x), on(y), 1.0) }, "MultiplyAdd"},
		{"linalg.Inv", func(on func(*Array) *Array) any { return linalg.Inv(on(m)) }, "-"}, // lu.go has no notice yet
		{"linalg.Svdvals", func(on func(*Array) *Array) any { return linalg.Svdvals(on(m)) }, "linalg.Svdvals"},
		{"linalg.Solve", func(on func(*Array) *Array) any { return linalg.Solve(on(m), on(b)) }, "-"},
		{"UniqueValues", func(on func(*Array) *Array) any { return UniqueValues(on(ints)) }, "UniqueValues"},
		{"UniqueAll", func(on func(*Array) *Array) any {
			a, b, c, d := UniqueAll(on(ints))
			return []*Array{a, b, c, d}
		}, "UniqueAll"},
		{"Isin", func(on func(*Array) *Array) any { return Isin(on(ints), []int64{1, 2}) }, "Isin"},
		{"Histogram", func(on func(*Array) *Array) any {
			c, e := Histogram(on(x), 3)
			return []*Array{c, e}
		}, "Histogram"},
		{"Repeat counts", func(on func(*Array) *Array) any { return Repeat(on(v), []int{2, 0, 1}) }, "Repeat"},
		{"Astype", func(on func(*Array) *Array) any { return on(x).Astype(Int32) }, ""},
		{"Flip", func(on func(*Array) *Array) any { return Flip(on(x), Axis(1)) }, ""},
		{"String", func(on func(*Array) *Array) any { return on(x).String() }, ""},
		{"String of a view", func(on func(*Array) *Array) any { return on(x).T().Index(Slice(1, 3)).String() }, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			notices := captureNotices(t)
			want := results(tc.f(func(a *Array) *Array { return a }))
			if len(*notices) != 0 {
				t.Fatalf("notices on the CPU: %q", *notices)
			}
			got := results(tc.f(func(a *Array) *Array {
				fa := a.To(fake)
				if fa.Device() != devices.Device(fake) {
					t.Fatalf("To(fake) gave an array on %s", fa.Device().Name())
				}
				return fa
			}))
			if len(got) != len(want) {
				t.Fatalf("%d results on the fake device, %d on the CPU", len(got), len(want))
			}
			for i := range want {
				switch w := want[i].(type) {
				case string:
					if got[i] != w {
						t.Errorf("result %d = %q, want %q", i, got[i], w)
					}
				case *Array:
					g := got[i].(*Array)
					if g.Device() != devices.Device(fake) {
						t.Errorf("result %d is on %s, want fake", i, g.Device().Name())
					}
					if g.DType() != w.DType() || !reflect.DeepEqual(g.Shape(), w.Shape()) {
						t.Errorf("result %d: %v %v, want %v %v", i, g.DType(), g.Shape(), w.DType(), w.Shape())
					}
					if gd, wd := g.Data(), w.Data(); !reflect.DeepEqual(gd, wd) {
						t.Errorf("result %d = %v, want %v", i, gd, wd)
					}
				}
			}
			switch tc.notice {
			case "-": // not checked
			case "":
				if len(*notices) != 0 {
					t.Errorf("unexpected notices: %q", *notices)
				}
			default:
				name := tc.notice
				if !strings.Contains(name, ".") {
					name = "arrays." + name
				}
				prefix := "notice: " + name + " ran on the CPU: the fake device does not implement "
				found := false
				for _, n := range *notices {
					found = found || strings.HasPrefix(n, prefix) && strings.HasSuffix(n, "; the result was moved back to fake")
				}
				if !found {
					t.Errorf("notices %q, want one starting %q", *notices, prefix)
				}
			}
		})
	}
}

// TestFakeDeviceConversion checks Astype on a device that cannot convert:
// the conversion falls back, with a notice, and the result is on the
// device.
func TestFakeDeviceConversion(t *testing.T) {
	notices := captureNotices(t)
	fake := devicefake.New("noconv")
	fake.Convert = false
	x := FromSlice([]float64{1.5, -2.5, 3})
	got := x.To(fake).Astype(Int16)
	if got.Device() != devices.Device(fake) {
		t.Errorf("Astype result on %s", got.Device().Name())
	}
	if d := got.Data(); !reflect.DeepEqual(d, []int16{1, -2, 3}) {
		t.Errorf("Astype = %v, want [1 -2 3]", d)
	}
	want := "notice: arrays.Astype ran on the CPU: the noconv device does not implement conversion from float64 to int16; the result was moved back to noconv"
	if len(*notices) != 1 || (*notices)[0] != want {
		t.Errorf("notices %q, want [%q]", *notices, want)
	}
}

// TestNoticeOnce checks that a notice is given once per function and
// device until ResetNotices, and that SetNotice returns what it replaces.
func TestNoticeOnce(t *testing.T) {
	notices := captureNotices(t)
	fake, other := devicefake.New("fake"), devicefake.New("other")
	x := FromSlice([]float64{3, 1, 2})
	xf, xo := x.To(fake), x.To(other)
	Sort(xf)
	Sort(xf)
	Argsort(xf)
	Sort(xo)
	if len(*notices) != 3 {
		t.Fatalf("notices %q, want 3 (Sort and Argsort on fake, Sort on other)", *notices)
	}
	ResetNotices()
	Sort(xf)
	if len(*notices) != 4 {
		t.Errorf("after ResetNotices: notices %q, want a 4th", *notices)
	}
	var mine []string
	prev := SetNotice(func(m string) { mine = append(mine, m) })
	ResetNotices()
	Sort(xf)
	if back := SetNotice(prev); back == nil {
		t.Error("SetNotice returned nil for the receiver it replaced")
	}
	if len(mine) != 1 || len(*notices) != 4 {
		t.Errorf("the installed receiver got %q, the previous one %d notices", mine, len(*notices))
	}
}

// TestCrossDevice checks that operations on arrays of two devices are a
// *DeviceError that names both.
func TestCrossDevice(t *testing.T) {
	captureNotices(t)
	fake := devicefake.New("fake")
	x := FromSlice([]float64{1, 2, 3})
	xf := x.To(fake)
	cases := map[string]func(){
		"Add":          func() { Add(xf, x) },
		"Matmul":       func() { Matmul(x, xf) },
		"Where":        func() { Where(Less(xf, 2), x, 0) },
		"Concat":       func() { Concat([]*Array{xf, x}) },
		"Searchsorted": func() { Searchsorted(xf, x) },
		"Isin":         func() { Isin(x, xf) },
		"MultiplyAdd":  func() { MultiplyAdd(x, xf, x) },
	}
	for name, f := range cases {
		err := Maybe(f)
		var de *DeviceError
		if !errors.As(err, &de) {
			t.Errorf("%s: err = %v, want a *DeviceError", name, err)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, "fake") || !strings.Contains(msg, "cpu") {
			t.Errorf("%s: %q does not name both devices", name, msg)
		}
	}
}

// TestToBothWays moves arrays to the fake device and back, and checks To
// with no device.
func TestToBothWays(t *testing.T) {
	fake := devicefake.New("fake")
	x := Arange(12).Reshape(3, 4).T() // not contiguous
	xf := x.To(fake)
	if xf.Device() != devices.Device(fake) || xf.To(fake) != xf {
		t.Fatalf("To(fake): device %s; To the same device must return the array", xf.Device().Name())
	}
	back := xf.To(devices.CPU())
	if back.Device() != devices.CPU() || !reflect.DeepEqual(back.Data(), x.Data()) || !reflect.DeepEqual(back.Shape(), []int{4, 3}) {
		t.Errorf("back on the CPU: %v %v on %s, want %v", back.Shape(), back.Data(), back.Device().Name(), x.Data())
	}
	if got := xf.Index(2, 1).Item(); got != int64(6) {
		t.Errorf("Item on the fake device = %v, want 6", got)
	}
	if got := Sum(xf).Int(); got != 66 {
		t.Errorf("Sum on the fake device = %d, want 66", got)
	}
	err := Maybe(func() { x.To(nil) })
	var de *DeviceError
	if !errors.As(err, &de) {
		t.Fatalf("To(nil): err = %v, want a *DeviceError", err)
	}
	if why := devices.GPUAbsence(); why != nil {
		if !errors.Is(err, why) || !strings.Contains(err.Error(), why.Error()) {
			t.Errorf("To(nil) = %q, want it to say why there is no GPU (%q)", err, why)
		}
	}
	if !strings.Contains(err.Error(), "devices.List()") {
		t.Errorf("To(nil) = %q, want a pointer to devices.List()", err)
	}
}

// TestCPUOperandsUntouched checks that operations on CPU arrays never
// reach another device, and that those a device implements run there.
func TestCPUOperandsUntouched(t *testing.T) {
	fake := devicefake.New("fake")
	x := FromSlice([]float64{1, 2})
	before := fake.Calls()
	Sort(x)
	Add(x, x)
	if fake.Calls() != before {
		t.Errorf("CPU operations ran %d fake device operations", fake.Calls()-before)
	}
	// A device op that the fake implements runs there, not on the CPU.
	xf := x.To(fake)
	before = fake.Calls()
	Add(xf, xf)
	if fake.Calls() == before {
		t.Error("Add on the fake device did not run on it")
	}
}

// TestDevicesUsed checks that moving to a device and computing there is
// recorded until ResetNotices, and that CPU work is not.
func TestDevicesUsed(t *testing.T) {
	ResetNotices()
	defer ResetNotices()
	x := Arange(6).Add(1)
	if got := DevicesUsed(); got != nil {
		t.Fatalf("after CPU work DevicesUsed() = %v, want nil", got)
	}
	dev := devicefake.New("fake-used")
	g := x.To(dev)
	ResetNotices()
	if got := DevicesUsed(); got != nil {
		t.Fatalf("after ResetNotices DevicesUsed() = %v, want nil", got)
	}
	g.Mul(2)
	if got := DevicesUsed(); len(got) != 1 || got[0] != "fake-used" {
		t.Fatalf("after an op on the fake device DevicesUsed() = %v, want [fake-used]", got)
	}
}

// TestDeviceEdges checks the device rules at the edges: OnDevice(nil) (a
// machine without the GPU asked for) panics with a *DeviceError instead of
// leaving the result on the CPU; assigning a value of another device into
// a CPU array is a *DeviceError naming both, while a CPU value into a
// device array is copied over.
func TestDeviceEdges(t *testing.T) {
	var de *DeviceError
	func() {
		defer func() {
			err, _ := recover().(error)
			if !errors.As(err, &de) || !strings.Contains(err.Error(), "no device given") {
				t.Errorf("OnDevice(nil): %v, want a *DeviceError saying no device was given", err)
			}
		}()
		Zeros(3, OnDevice(nil))
	}()
	fake := devicefake.New("edge")
	func() {
		defer func() {
			err, _ := recover().(error)
			if !errors.As(err, &de) || !strings.Contains(err.Error(), "cpu") || !strings.Contains(err.Error(), "edge") {
				t.Errorf("assigning a device value into a CPU array: %v, want a *DeviceError naming both devices", err)
			}
		}()
		Zeros(3).Assign(Arange(3).To(fake))
	}()
	g := Zeros(3).To(fake)
	g.Assign(Arange(3))
	if got := g.String(); got != "[0. 1. 2.]" {
		t.Errorf("a CPU value assigned into a device array: %s", got)
	}
}
