package interp

import (
	"context"
	"testing"

	"workbench/devices"
	_ "workbench/devices/gpu" // the GPU device, where there is one
)

// TestLastDeviceGPU moves an array to the GPU, where there is one (Mesa's
// llvmpipe will do): the cell ran on "gpu", and one that only reads the
// result back ran on the CPU.
func TestLastDeviceGPU(t *testing.T) {
	if devices.GPU() == nil {
		t.Skipf("no GPU: %v", devices.GPUAbsence())
	}
	s := newTestSession(t, Options{})
	for _, c := range []struct{ src, want string }{
		{`g := arrays.Linspace(0, 1, 5).Astype(arrays.Float32).To(devices.GPU()); h := arrays.Add(g, g); _ = h`, "gpu"},
		{`fmt.Println(arrays.Linspace(0, 1, 5).Sum())`, "cpu"},
		{`fmt.Println(arrays.Sum(h).Item())`, "gpu"},
	} {
		if outs, err := s.Run(context.Background(), c.src); err != nil || hasError(outs) {
			t.Fatalf("%q: %v %s", c.src, err, render(outs))
		}
		if d := s.LastDevice(); d != c.want {
			t.Errorf("%q: %q, want %q", c.src, d, c.want)
		}
	}
}
