package devicefake

import (
	"errors"
	"testing"

	"workbench/arrays/dtype"
	"workbench/devices"
	"workbench/devices/devicetest"
	"workbench/kernels"
)

// TestConformance runs the device suite on a fake device that implements
// everything the suite tries.
func TestConformance(t *testing.T) {
	d := New("fake")
	for op := kernels.UnaryOp(0); op < 255; op++ {
		d.UnaryOps[op] = true
	}
	for op := kernels.BinaryOp(0); op < 255; op++ {
		d.BinaryOps[op] = true
	}
	for op := kernels.ReduceOp(0); op < 255; op++ {
		d.ReduceOps[op] = true
	}
	d.CumulativeOps = true
	devicetest.Run(t, d)
}

// TestNotHost checks that buffers hide their memory and that the
// operations left out answer ErrNotImplemented.
func TestNotHost(t *testing.T) {
	d := New("fake")
	b, err := d.FromHost([]float64{1, 4, 9})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := b.(devices.HostBuffer); ok {
		t.Fatal("a fake buffer is a HostBuffer")
	}
	out, _ := d.Alloc(dtype.Float64, 3)
	v := func(b devices.Buffer) devices.View {
		return devices.View{Buf: b, Shape: []int{3}, Strides: []int{1}}
	}
	if err := d.Unary(kernels.Sqrt, v(out), v(b)); err != nil {
		t.Fatalf("Sqrt: %v", err)
	}
	got := make([]float64, 3)
	if err := d.ToHost(v(out), got); err != nil || got[0] != 1 || got[1] != 2 || got[2] != 3 {
		t.Fatalf("Sqrt gave %v (%v), want [1 2 3]", got, err)
	}
	if err := d.Unary(kernels.Exp, v(out), v(b)); !errors.Is(err, devices.ErrNotImplemented) {
		t.Errorf("Exp: err = %v, want ErrNotImplemented", err)
	}
	if err := d.Cumulative(kernels.ReduceSum, v(out), v(b), 0); !errors.Is(err, devices.ErrNotImplemented) {
		t.Errorf("Cumulative: err = %v, want ErrNotImplemented", err)
	}
	cpu, _ := devices.CPU().FromHost([]float64{1, 2, 3})
	if err := d.ToHost(v(cpu), got); err == nil {
		t.Error("ToHost of a CPU buffer: no error")
	}
}
