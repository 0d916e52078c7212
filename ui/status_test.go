package ui

import (
	"strings"
	"testing"

	"workbench/interp"
)

func TestStatusBar(t *testing.T) {
	h := newShellHarness(t)
	s := h.open()
	if got := s.StatusText(); !strings.HasPrefix(got, "No kernel") {
		t.Errorf("status before a notebook %q", got)
	}
	s.New()
	if got := s.StatusText(); !strings.Contains(got, "Kernel starting…") {
		t.Errorf("status while starting %q", got)
	}
	k := h.waitKernel().(*shellKernel)
	want := "Kernel idle | CPU · AVX-512 · 8 workers"
	if got := s.StatusText(); !strings.HasPrefix(got, want) {
		t.Errorf("status %q, want it to start with %q", got, want)
	}
	k.setState("busy")
	h.wait("busy", func() bool { return strings.HasPrefix(s.StatusText(), "Kernel busy | CPU") })
	s.onStatus("cell 3 failed: CompileError\nmore lines")
	if got := s.StatusText(); !strings.HasSuffix(got, " | cell 3 failed: CompileError") {
		t.Errorf("status with a message %q", got)
	}
	k.setState("dead")
	h.wait("dead", func() bool { return strings.HasPrefix(s.StatusText(), "Kernel dead") })

	// Memory: the app's own, and the kernel's when its process is found.
	s.readMemory()
	h.wait("the memory", func() bool { return s.status.memory.Text != "" })
	if got := s.status.memory.Text; !strings.HasPrefix(got, "Memory: app ") || !strings.Contains(got, "MB (Go runtime)") {
		t.Errorf("memory %q", got)
	}
}

func TestDeviceText(t *testing.T) {
	for _, tc := range []struct {
		env  interp.Environment
		want string
	}{
		{interp.Environment{SIMD: "avx2", Workers: 2, Devices: []string{"cpu"}}, "CPU · AVX2 · 2 workers"},
		{interp.Environment{SIMD: "go", Workers: 1}, "CPU · portable Go (no SIMD) · 1 worker"},
		{interp.Environment{SIMD: "neon", Workers: 4, Devices: []string{"cpu", "NVIDIA H100"}}, "CPU · NEON · 4 workers | GPU: NVIDIA H100"},
		{interp.Environment{SIMD: "avx512", Workers: 8, Devices: []string{"cpu", "gpu"}, GPU: "NVIDIA H100/PCIe/SSE2, OpenGL 4.6.0"},
			"CPU · AVX-512 · 8 workers | GPU: NVIDIA H100/PCIe/SSE2, OpenGL 4.6.0"},
		{interp.Environment{SIMD: "avx2", Workers: 2, Devices: []string{"cpu", "gpu"}, GPU: "NVIDIA H100 80GB HBM3/PCIe/SSE2, OpenGL 4.6.0 NVIDIA 550.54.15"},
			"CPU · AVX2 · 2 workers | GPU: NVIDIA H100 80GB HBM3/PCIe/SSE2, OpenGL 4.6.0 N…"},
		{interp.Environment{SIMD: "avx2", Workers: 2, Devices: []string{"cpu"}, GPUAbsent: "no EGL display"}, "CPU · AVX2 · 2 workers"},
	} {
		if got := deviceText(tc.env); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.env, got, tc.want)
		}
	}
}

func TestMemoryText(t *testing.T) {
	if got, want := memoryText(50<<20, 0, false), "Memory: app 50 MB (Go runtime)"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	if got, want := memoryText(50<<20, 300<<20, true), "Memory: app 50 MB (Go runtime) · kernel 300 MB (RSS)"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	if appMemory() == 0 {
		t.Error("appMemory is 0")
	}
}
