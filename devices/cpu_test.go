package devices_test

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"workbench/arrays/dtype"
	"workbench/devices"
	"workbench/devices/devicetest"
	"workbench/kernels"
)

func TestCPUConformance(t *testing.T) {
	devicetest.Run(t, devices.CPU())
}

func TestLookup(t *testing.T) {
	d, err := devices.Lookup("cpu")
	if err != nil || d != devices.CPU() {
		t.Fatalf(`Lookup("cpu") = %v, %v; want the CPU device`, d, err)
	}
	if d.Name() != "cpu" || d.Kind() != devices.KindCPU {
		t.Errorf("CPU device is %q of kind %v", d.Name(), d.Kind())
	}
	for _, name := range []string{"gpu", "", "CPU", "nonesuch"} {
		d, err := devices.Lookup(name)
		if err == nil || d != nil {
			t.Errorf("Lookup(%q) = %v, %v; want an error", name, d, err)
			continue
		}
		if !errors.Is(err, devices.ErrAbsent) {
			t.Errorf("Lookup(%q) error %v does not match ErrAbsent", name, err)
		}
		var ae *devices.AbsentError
		if !errors.As(err, &ae) || ae.Name != name {
			t.Errorf("Lookup(%q) error %#v, want an *AbsentError naming it", name, err)
		}
		if msg := err.Error(); !strings.Contains(msg, `"`+name+`"`) {
			t.Errorf("Lookup(%q) error %q does not quote the name", name, msg)
		}
	}
	// Without a recorded reason, the message lists what there is.
	_, err = devices.Lookup("nonesuch")
	if err == nil || !strings.Contains(err.Error(), "cpu") {
		t.Errorf(`Lookup("nonesuch") error %v does not list the devices there are`, err)
	}
}

func TestRegisterAbsent(t *testing.T) {
	why := errors.New("no OpenGL 4.3 context: EGL_NOT_INITIALIZED")
	devices.RegisterAbsent("test-absent-gpu", why)
	d, err := devices.Lookup("test-absent-gpu")
	if err == nil || d != nil {
		t.Fatalf("Lookup of an absent device = %v, %v; want an error", d, err)
	}
	if msg := err.Error(); !strings.Contains(msg, why.Error()) || !strings.Contains(msg, "test-absent-gpu") {
		t.Errorf("error %q does not name the device and say why it is absent", msg)
	}
	if !errors.Is(err, devices.ErrAbsent) {
		t.Errorf("error %v does not match ErrAbsent", err)
	}
	if !errors.Is(err, why) {
		t.Errorf("error %v does not unwrap to its reason", err)
	}
	// A present device is never shadowed by a report that it is absent.
	devices.RegisterAbsent("cpu", errors.New("should be ignored"))
	if d, err := devices.Lookup("cpu"); err != nil || d != devices.CPU() {
		t.Errorf(`after RegisterAbsent("cpu"), Lookup("cpu") = %v, %v`, d, err)
	}
}

// fakeGPU is a GPU-kind device that computes on the CPU, to check the
// registry's order. Its name sorts before "cpu".
type fakeGPU struct{ devices.Device }

func (fakeGPU) Name() string       { return "aaa-test-gpu" }
func (fakeGPU) Kind() devices.Kind { return devices.KindGPU }
func (f fakeGPU) Info() devices.Info {
	return devices.Info{Name: f.Name(), Kind: f.Kind(), Description: "test device"}
}

func TestListAndNames(t *testing.T) {
	devices.RegisterAbsent("aaa-test-gpu", errors.New("not yet"))
	devices.Register(fakeGPU{devices.CPU()})
	if d, err := devices.Lookup("aaa-test-gpu"); err != nil || d.Name() != "aaa-test-gpu" {
		t.Fatalf("Register after RegisterAbsent: Lookup = %v, %v", d, err)
	}
	list := devices.List()
	names := devices.Names()
	if len(list) < 2 || len(names) != len(list) {
		t.Fatalf("List() = %v, Names() = %v", list, names)
	}
	if list[0] != devices.CPU() || names[0] != "cpu" {
		t.Errorf("List()[0] = %v, Names() = %v; want the CPU first", list[0].Name(), names)
	}
	for i := range list {
		if list[i].Name() != names[i] {
			t.Errorf("List()[%d] is %q but Names()[%d] is %q", i, list[i].Name(), i, names[i])
		}
		if i > 0 && list[i-1].Kind() > list[i].Kind() {
			t.Errorf("List() puts %v before %v", list[i-1].Kind(), list[i].Kind())
		}
	}
	found := false
	for _, n := range names {
		found = found || n == "aaa-test-gpu"
	}
	if !found {
		t.Errorf("Names() = %v lacks the registered test device", names)
	}
}

func TestInfo(t *testing.T) {
	info := devices.CPU().Info()
	if info.Name != "cpu" || info.Kind != devices.KindCPU {
		t.Errorf("Info() = %+v, want name cpu, kind cpu", info)
	}
	if info.Description == "" || !strings.Contains(info.Description, runtime.GOARCH) {
		t.Errorf("Info().Description = %q, want one line naming the architecture", info.Description)
	}
	for _, k := range []string{"workers", "simd", "cpu_features"} {
		if info.Details[k] == "" {
			t.Errorf("Info().Details lacks %q: %v", k, info.Details)
		}
	}
}

func TestKindString(t *testing.T) {
	for _, tc := range []struct {
		k    devices.Kind
		want string
	}{{devices.KindCPU, "cpu"}, {devices.KindGPU, "gpu"}, {devices.Kind(0), "kind(0)"}, {devices.Kind(9), "kind(9)"}} {
		if got := tc.k.String(); got != tc.want {
			t.Errorf("Kind(%d).String() = %q, want %q", uint8(tc.k), got, tc.want)
		}
	}
	if devices.ErrNotImplemented != kernels.ErrNotImplemented {
		t.Error("devices.ErrNotImplemented is not kernels.ErrNotImplemented")
	}
}

func TestHostHelpers(t *testing.T) {
	for _, dt := range dtype.All {
		s, err := devices.MakeSlice(dt, 5)
		if err != nil {
			t.Fatalf("MakeSlice(%v, 5): %v", dt, err)
		}
		if got := devices.DTypeOf(s); got != dt {
			t.Errorf("DTypeOf(MakeSlice(%v)) = %v", dt, got)
		}
		if got := devices.SliceLen(s); got != 5 {
			t.Errorf("SliceLen(MakeSlice(%v, 5)) = %d", dt, got)
		}
	}
	for _, dt := range []dtype.DType{dtype.Invalid, dtype.Float128, dtype.DType(99)} {
		if s, err := devices.MakeSlice(dt, 1); err == nil {
			t.Errorf("MakeSlice(%v) = %T, want an error", dt, s)
		}
	}
	for _, x := range []any{nil, []int{1}, "s", 1.5, [3]float64{}} {
		if dt := devices.DTypeOf(x); dt != dtype.Invalid {
			t.Errorf("DTypeOf(%T) = %v, want invalid", x, dt)
		}
		if n := devices.SliceLen(x); n != -1 {
			t.Errorf("SliceLen(%T) = %d, want -1", x, n)
		}
	}
}

func TestWrapHost(t *testing.T) {
	data := []int16{1, 2, 3}
	b, err := devices.WrapHost(data)
	if err != nil {
		t.Fatal(err)
	}
	if b.DType() != dtype.Int16 || b.Len() != 3 || b.Device() != devices.CPU() {
		t.Errorf("WrapHost gave %v x %d on %v", b.DType(), b.Len(), b.Device().Name())
	}
	hb, ok := b.(devices.HostBuffer)
	if !ok {
		t.Fatal("a CPU buffer is not a HostBuffer")
	}
	hb.Data().([]int16)[1] = 20 // shares memory, no copy
	if data[1] != 20 {
		t.Error("WrapHost copied its slice")
	}
	if _, err := devices.WrapHost([]string{"x"}); err == nil {
		t.Error("WrapHost([]string) gave no error")
	}
}

// TestPoolRecyclesZeroed checks the CPU device's buffer pool directly: a
// dropped large buffer goes back to the pool, the next Alloc of its dtype
// and length takes it, and it comes back zeroed.
func TestPoolRecyclesZeroed(t *testing.T) {
	cpu := devices.CPU()
	for _, tc := range []struct {
		dt dtype.DType
		n  int // an unusual length, so no other test shares the pool slot
	}{{dtype.Float64, 1<<17 + 11}, {dtype.Uint8, 1<<20 + 13}, {dtype.Complex64, 1<<17 + 17}, {dtype.Bool, 1<<20 + 19}} {
		src, _ := devices.MakeSlice(tc.dt, tc.n)
		if err := kernels.Copy([]int{tc.n}, kernels.Operand{Data: src, Strides: []int{1}},
			kernels.Operand{Data: []float64{3}, Strides: []int{0}}); err != nil {
			t.Fatal(err)
		}
		for round := 0; round < 3; round++ {
			func() {
				b, err := cpu.FromHost(src)
				if err != nil {
					t.Fatal(err)
				}
				if devices.SliceLen(b.(devices.HostBuffer).Data()) != tc.n {
					t.Fatal("FromHost gave the wrong length")
				}
			}()
			for i := 0; i < 200 && devices.PoolFree(tc.dt, tc.n) == 0; i++ {
				runtime.GC()
				time.Sleep(time.Millisecond)
			}
			free := devices.PoolFree(tc.dt, tc.n)
			if free == 0 {
				t.Fatalf("%v x %d: a dropped buffer never came back to the pool", tc.dt, tc.n)
			}
			b, err := cpu.Alloc(tc.dt, tc.n)
			if err != nil {
				t.Fatal(err)
			}
			if got := devices.PoolFree(tc.dt, tc.n); got != free-1 {
				t.Errorf("%v x %d: Alloc left %d buffers in the pool, want %d (no reuse)", tc.dt, tc.n, got, free-1)
			}
			data := b.(devices.HostBuffer).Data()
			zero, _ := devices.MakeSlice(tc.dt, tc.n)
			out, _ := devices.MakeSlice(tc.dt, tc.n)
			if err := cpu.ToHost(devices.View{Buf: b, Shape: []int{tc.n}, Strides: []int{1}}, out); err != nil {
				t.Fatal(err)
			}
			if !sameSlice(out, zero) || !sameSlice(data, zero) {
				t.Fatalf("%v x %d round %d: a recycled buffer is not zeroed", tc.dt, tc.n, round)
			}
			runtime.KeepAlive(b)
		}
	}
}

func sameSlice(a, b any) bool {
	switch x := a.(type) {
	case []float64:
		y := b.([]float64)
		for i := range x {
			if x[i] != y[i] {
				return false
			}
		}
		return len(x) == len(y)
	case []uint8:
		return string(x) == string(b.([]uint8))
	case []complex64:
		y := b.([]complex64)
		for i := range x {
			if x[i] != y[i] {
				return false
			}
		}
		return len(x) == len(y)
	case []bool:
		y := b.([]bool)
		for i := range x {
			if x[i] != y[i] {
				return false
			}
		}
		return len(x) == len(y)
	}
	return false
}
