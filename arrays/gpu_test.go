package arrays_test

import (
	"math"
	"strings"
	"testing"

	"workbench/arrays"
	"workbench/devices"
	_ "workbench/devices/gpu" // installs the GPU probe
)

// gpuOrSkip returns the GPU device, or skips the test saying why there is
// none (CI has Mesa's llvmpipe, which is enough).
func gpuOrSkip(t *testing.T) devices.Device {
	t.Helper()
	g := devices.GPU()
	if g == nil {
		t.Skipf("skipped: no GPU device: %v", devices.GPUAbsence())
	}
	return g
}

// TestGPUArrays runs the array API on the GPU device and compares with the
// CPU: element-wise work, a reduction, a matrix product on the device's own
// multiply (transposed and batched operands included), and the visible CPU
// fallback of a dtype it declines.
func TestGPUArrays(t *testing.T) {
	g := gpuOrSkip(t)
	var got []string
	defer arrays.SetNotice(arrays.SetNotice(func(msg string) { got = append(got, msg) }))
	arrays.ResetNotices()
	defer arrays.ResetNotices()

	x := arrays.Arange(33*17).Reshape(33, 17).Mod(11).Sub(5).Astype(arrays.Float32)
	y := arrays.Arange(17*20).Reshape(17, 20).Mod(7).Sub(3).Astype(arrays.Float32)
	xs := arrays.Arange(2*17*33).Reshape(2, 17, 33).Mod(5).Sub(2).Astype(arrays.Float32)
	gx, gy, gxs := x.To(g), y.To(g), xs.To(g)
	cases := []struct {
		name     string
		cpu, gpu *arrays.Array
	}{
		{"add", arrays.Add(x, 1.5), arrays.Add(gx, 1.5)},
		{"sum", arrays.Sum(x, arrays.Axis(0)), arrays.Sum(gx, arrays.Axis(0))},
		{"matmul", arrays.Matmul(x, y), arrays.Matmul(gx, gy)},
		{"matmul transposed", arrays.Matmul(y.T(), x.T()), arrays.Matmul(gy.T(), gx.T())},
		{"matmul batched", arrays.Matmul(arrays.PermuteDims(xs, 0, 2, 1), y), arrays.Matmul(arrays.PermuteDims(gxs, 0, 2, 1), gy)},
		{"matmul vector", arrays.Matmul(x, y.Index(":, 0")), arrays.Matmul(gx, gy.Index(":, 0"))},
	}
	for _, tc := range cases {
		if tc.gpu.Device() != g {
			t.Errorf("%s: the result is on %s, want %s", tc.name, tc.gpu.Device().Name(), g.Name())
		}
		want, have := tc.cpu.Float64s(), tc.gpu.Float64s()
		if len(want) != len(have) {
			t.Fatalf("%s: %d elements on the GPU, %d on the CPU", tc.name, len(have), len(want))
		}
		for i := range want {
			// Small integers: every sum is exact in float32.
			if math.Abs(want[i]-have[i]) > 0 {
				t.Fatalf("%s: element %d is %v on the GPU, %v on the CPU", tc.name, i, have[i], want[i])
			}
		}
	}
	for _, msg := range got {
		if strings.Contains(msg, "Matmul") {
			t.Errorf("float32 products ran on the CPU: %q", msg)
		}
	}

	// Complex products are not on the GPU: the CPU computes them, says so,
	// and the result goes back to the GPU.
	cx := x.Astype(arrays.Complex64)
	p := arrays.Matmul(cx.To(g), cx.T().To(g))
	if p.Device() != g {
		t.Errorf("the complex product is on %s, want %s", p.Device().Name(), g.Name())
	}
	found := false
	for _, msg := range got {
		found = found || strings.Contains(msg, "arrays.Matmul ran on the CPU")
	}
	if !found {
		t.Errorf("no notice for the complex product on the CPU; notices: %q", got)
	}
	want := arrays.Matmul(cx, cx.T()).Data().([]complex64)
	for i, v := range p.Data().([]complex64) {
		if v != want[i] {
			t.Fatalf("complex product element %d: %v, want %v", i, v, want[i])
		}
	}
}

// TestGPUIntegers runs NumPy's default integers (int64, what Arange
// makes) and int32 sums (which NumPy promotes to int64) on the GPU: where
// the GPU has GL_ARB_gpu_shader_int64 (llvmpipe and NVIDIA's drivers do)
// nothing runs on the CPU, and every result matches the CPU's.
func TestGPUIntegers(t *testing.T) {
	g := gpuOrSkip(t)
	if !strings.HasPrefix(g.Info().Details["int64"], "yes") {
		t.Skipf("skipped: the GPU has no int64 arithmetic: %s", g.Info().Details["int64"])
	}
	var got []string
	defer arrays.SetNotice(arrays.SetNotice(func(msg string) { got = append(got, msg) }))
	arrays.ResetNotices()
	defer arrays.ResetNotices()

	x := arrays.Arange(1000)
	gx := x.To(g)
	i32 := x.Sub(500).Astype(arrays.Int32)
	cases := []struct {
		name     string
		cpu, gpu *arrays.Array
	}{
		{"x*3 + x", x.Mul(3).Add(x), gx.Mul(3).Add(gx)},
		{"sum", arrays.Sum(x.Mul(x)), arrays.Sum(gx.Mul(gx))},
		{"max", arrays.Max(x.Mod(7)), arrays.Max(gx.Mod(7))},
		{"cumulative sum", arrays.CumulativeSum(x), arrays.CumulativeSum(gx)},
		{"floor divide", arrays.FloorDivide(x.Sub(500), 7), arrays.FloorDivide(gx.Sub(500), 7)},
		{"shift", arrays.BitwiseLeftShift(x, 40), arrays.BitwiseLeftShift(gx, 40)},
		{"less", arrays.Less(x, 500), arrays.Less(gx, 500)},
		{"to float32", x.Astype(arrays.Float32), gx.Astype(arrays.Float32)},
		{"int32 sum", arrays.Sum(i32), arrays.Sum(i32.To(g))},
		{"matmul", arrays.Matmul(x.Reshape(40, 25), x.Reshape(25, 40)), arrays.Matmul(gx.Reshape(40, 25), gx.Reshape(25, 40))},
		{"matrix-vector", arrays.Matmul(x.Reshape(40, 25), x.Index("0:25")), arrays.Matmul(gx.Reshape(40, 25), gx.Index("0:25"))},
	}
	for _, tc := range cases {
		if tc.gpu.Device() != g {
			t.Errorf("%s: the result is on %s, want %s", tc.name, tc.gpu.Device().Name(), g.Name())
		}
		if tc.gpu.DType() != tc.cpu.DType() {
			t.Errorf("%s: %v on the GPU, %v on the CPU", tc.name, tc.gpu.DType(), tc.cpu.DType())
		}
		if a, b := tc.gpu.String(), tc.cpu.String(); a != b {
			t.Errorf("%s: %s on the GPU, %s on the CPU", tc.name, a, b)
		}
	}
	if len(got) != 0 {
		t.Errorf("integer work ran on the CPU: %q", got)
	}
}

// TestGPUSmallIntegers computes with 1- and 2-byte integers on the GPU
// (wrapping arithmetic, comparisons, sums, conversions) and rolls, tiles
// and assigns into strided views of them (a shader writes each element's
// bits of its word with atomics), against the CPU, with no notice.
func TestGPUSmallIntegers(t *testing.T) {
	g := gpuOrSkip(t)
	var got []string
	defer arrays.SetNotice(arrays.SetNotice(func(msg string) { got = append(got, msg) }))
	arrays.ResetNotices()
	defer arrays.ResetNotices()
	for _, dt := range []arrays.DType{arrays.Int8, arrays.Uint8, arrays.Int16, arrays.Uint16} {
		x := arrays.Arange(35).Mul(997).Reshape(5, 7).Astype(dt)
		gx := x.To(g)
		cases := []struct {
			name     string
			cpu, gpu *arrays.Array
		}{
			{"roll", arrays.Roll(x, 3), arrays.Roll(gx, 3)},
			{"roll transposed", arrays.Roll(x.T(), 2, arrays.Axis(0)), arrays.Roll(gx.T(), 2, arrays.Axis(0))},
			{"tile", arrays.Tile(x.T(), 2, 1), arrays.Tile(gx.T(), 2, 1)},
			{"assign column", x.Copy().Index(":, 1").Assign(arrays.Arange(5).Astype(dt)), gx.Copy().Index(":, 1").Assign(arrays.Arange(5).Astype(dt).To(g))},
			{"x*x + x (wrapping)", x.Mul(x).Add(x), gx.Mul(gx).Add(gx)},
			{"floor divide", arrays.FloorDivide(x, 7), arrays.FloorDivide(gx, 7)},
			{"shift", arrays.BitwiseRightShift(x, 3), arrays.BitwiseRightShift(gx, 3)},
			{"less", arrays.Less(x, x.T().Reshape(5, 7)), arrays.Less(gx, gx.T().Reshape(5, 7))},
			{"sum", arrays.Sum(x, arrays.Axis(1)), arrays.Sum(gx, arrays.Axis(1))},
			{"max", arrays.Max(x, arrays.Axis(0)), arrays.Max(gx, arrays.Axis(0))},
			{"to float32", x.Astype(arrays.Float32), gx.Astype(arrays.Float32)},
		}
		for _, tc := range cases {
			if tc.gpu.Device() != g {
				t.Errorf("%v %s: the result is on %s", dt, tc.name, tc.gpu.Device().Name())
			}
			if a, b := tc.gpu.String(), tc.cpu.String(); a != b {
				t.Errorf("%v %s: %s on the GPU, %s on the CPU", dt, tc.name, a, b)
			}
		}
	}
	if len(got) != 0 {
		t.Errorf("small-integer work ran on the CPU: %q", got)
	}
}
