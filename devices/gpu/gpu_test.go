//go:build cgo && linux

package gpu

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/go-gl/gl/v4.3-core/gl"

	"workbench/arrays/dtype"
	"workbench/devices"
	"workbench/devices/devicetest"
	"workbench/kernels"
	"workbench/kernels/glsl"
)

// gpu returns the GPU device, or skips the test saying what is missing.
func gpu(t testing.TB) *Device {
	t.Helper()
	d, err := Open()
	if err != nil {
		t.Skipf("no GPU device (needs cgo, libEGL with a display and OpenGL 4.3 compute shaders): %v", err)
	}
	return d.(*Device)
}

// TestLookupProbes checks that devices.Lookup("gpu") finds the GPU by
// itself: it probes (once), so no devices.GPU call is needed first.
func TestLookupProbes(t *testing.T) {
	d := gpu(t)
	got, err := devices.Lookup(devices.GPUName)
	if err != nil || got != devices.Device(d) {
		t.Fatalf("Lookup(gpu) = %v, %v, want the open device", got, err)
	}
	found := false
	for _, x := range devices.List() {
		found = found || x == devices.Device(d)
	}
	if !found {
		t.Errorf("devices.List() = %v lacks the GPU", devices.Names())
	}
}

// TestConformance runs the device suite on the GPU. The operations that
// the GPU leaves to the CPU (an error matching devices.ErrNotImplemented,
// on which the arrays layer falls back) are logged and skipped; every
// other result is checked strictly.
func TestConformance(t *testing.T) {
	devicetest.RunWith(t, gpu(t), devicetest.Options{AllowNotImplemented: true})
}

// TestProbe checks discovery and registration: devices.GPU finds the
// device, it is listed and looked up, and Info has the facts.
func TestProbe(t *testing.T) {
	d := gpu(t)
	if g := devices.GPU(); g != devices.Device(d) {
		t.Fatalf("devices.GPU() = %v, want the open device", g)
	}
	if err := devices.GPUAbsence(); err != nil {
		t.Errorf("devices.GPUAbsence() = %v with a GPU", err)
	}
	if got, err := devices.Lookup(devices.GPUName); err != nil || got != devices.Device(d) {
		t.Errorf("Lookup(gpu) = %v, %v", got, err)
	}
	names := devices.Names()
	if len(names) < 2 || names[0] != "cpu" || names[len(names)-1] != "gpu" {
		t.Errorf("devices.Names() = %v, want cpu first and gpu", names)
	}
	info := d.Info()
	for _, k := range []string{"vendor", "renderer", "gl_version", "glsl_version", "max_work_group_size",
		"max_work_group_count", "max_storage_buffer_bytes", "fp64", "int64", "egl_platform"} {
		if info.Details[k] == "" {
			t.Errorf("Info().Details[%q] is empty", k)
		}
	}
	if info.Kind != devices.KindGPU || !strings.Contains(info.Description, "OpenGL") {
		t.Errorf("Info() = %+v", info)
	}
	info.Details["vendor"] = "changed"
	if d.Info().Details["vendor"] == "changed" {
		t.Error("Info().Details is shared with the device")
	}
	info = d.Info()
	t.Logf("%s", info.Description)
	for _, k := range []string{"vendor", "renderer", "gl_version", "glsl_version", "egl_platform", "fp64", "int64",
		"max_work_group_size", "max_work_group_count", "max_work_group_invocations", "max_storage_buffer_bytes"} {
		t.Logf("  %s: %s", k, info.Details[k])
	}
}

// TestDisabled checks that WORKBENCH_GPU=off makes the GPU absent.
func TestDisabled(t *testing.T) {
	t.Setenv("WORKBENCH_GPU", "off")
	if _, err := open(); err == nil || !strings.Contains(err.Error(), "WORKBENCH_GPU=off") {
		t.Errorf("open() with WORKBENCH_GPU=off: %v", err)
	}
}

// TestErrors checks that misuse gives errors that say what was wrong.
func TestErrors(t *testing.T) {
	d := gpu(t)
	b, err := d.FromHost([]float32{1, 2, 3})
	if err != nil {
		t.Fatal(err)
	}
	c, _ := devices.CPU().FromHost([]float32{1, 2, 3})
	out, _ := d.Alloc(dtype.Float32, 3)
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"view past the end", d.Unary(kernels.Negative, vec(out), devices.View{Buf: b, Shape: []int{3}, Strides: []int{1}, Offset: 1}),
			"reaches elements 1 to 3 of a buffer of 3"},
		{"negative stride before the start", d.Copy(vec(out), devices.View{Buf: b, Shape: []int{3}, Strides: []int{-1}, Offset: 1}),
			"reaches elements -1 to 1"},
		{"a CPU buffer", d.Copy(vec(out), vec(c)), "not of the GPU"},
		{"strides and shape differ", d.Copy(vec(out), devices.View{Buf: b, Shape: []int{3}}), "0 strides for 1 axes"},
		{"dtype mismatch", d.Binary(kernels.Add, vec(out), vec(b), vec(out)) /* fine */, ""},
	} {
		if tc.want == "" {
			if tc.err != nil {
				t.Errorf("%s: %v", tc.name, tc.err)
			}
			continue
		}
		if tc.err == nil || !strings.Contains(tc.err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one saying %q", tc.name, tc.err, tc.want)
		}
	}
	if _, err := d.Alloc(dtype.Float32, int(d.maxBytes/4)+1); err == nil || !strings.Contains(err.Error(), "largest storage buffer") {
		t.Errorf("Alloc beyond the largest storage buffer: %v", err)
	}
	// A shader that does not compile names itself and quotes GL's log.
	err = d.run(func() error {
		_, err := d.programGL(glsl.Program{Name: "broken test shader", Source: "#version 430\nlayout(local_size_x = 1) in;\nvoid main() { undefinedName = 1; }\n"})
		return err
	})
	if err == nil || !strings.Contains(err.Error(), `compiling shader "broken test shader"`) || !strings.Contains(err.Error(), "undefinedName") {
		t.Errorf("compiling a broken shader: %v", err)
	}
}

// TestRelease checks that Release and garbage collection free the GL
// buffers, and that a released buffer is refused.
func TestRelease(t *testing.T) {
	d := gpu(t)
	isBuffer := func(id uint32) bool {
		var ok bool
		if err := d.run(func() error { ok = gl.IsBuffer(id); return nil }); err != nil {
			t.Fatal(err)
		}
		return ok
	}
	b, err := d.Alloc(dtype.Int32, 10)
	if err != nil {
		t.Fatal(err)
	}
	gb := b.(*Buffer)
	if !isBuffer(gb.id) {
		t.Fatal("a new buffer is not a GL buffer")
	}
	gb.Release()
	gb.Release() // twice is harmless
	if isBuffer(gb.id) {
		t.Error("Release did not delete the GL buffer")
	}
	if err := d.ToHost(vec(gb), make([]int32, 10)); err == nil || !strings.Contains(err.Error(), "released") {
		t.Errorf("ToHost of a released buffer: %v", err)
	}
	id := func() uint32 {
		b, err := d.Alloc(dtype.Int32, 1000)
		if err != nil {
			t.Fatal(err)
		}
		return b.(*Buffer).id
	}()
	for i := 0; i < 50 && isBuffer(id); i++ {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	if isBuffer(id) {
		t.Error("an unreachable buffer was not deleted after 50 collections")
	}
}
