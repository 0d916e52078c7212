package main

import (
	"bytes"
	"errors"
	"runtime"
	"strings"
	"testing"

	"workbench/devices"
	"workbench/version"
)

func TestVersion(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := runVersion(&stdout, &stderr, nil); code != 0 {
		t.Fatalf("runVersion returned %d, stderr: %s", code, stderr.String())
	}
	if stderr.Len() != 0 {
		t.Errorf("unexpected stderr: %q", stderr.String())
	}
	out := stdout.String()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	want := []string{"Workbench ", "Go ", "CPU features: ", "SIMD level: ", "Workers: ", "Devices: ", "gpu: "}
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(want), out)
	}
	for i, prefix := range want {
		if !strings.HasPrefix(lines[i], prefix) || len(lines[i]) == len(prefix) {
			t.Errorf("line %d = %q, want %q followed by a value", i+1, lines[i], prefix)
		}
	}
	if !strings.Contains(lines[0], version.Version) {
		t.Errorf("first line %q does not contain %q", lines[0], version.Version)
	}
	if !strings.Contains(lines[1], runtime.Version()) {
		t.Errorf("Go line %q does not contain %q", lines[1], runtime.Version())
	}
	if !strings.Contains(lines[5], "cpu") {
		t.Errorf("devices line %q does not list the cpu device", lines[5])
	}
	// The command probes for the GPU: it is listed when present, and the
	// last line says why when it is absent.
	if gpu := devices.GPU(); gpu != nil {
		if !strings.Contains(lines[5], devices.GPUName) || lines[6] != gpuLine(gpu, nil) || !strings.HasPrefix(lines[6], "gpu: "+gpu.Info().Description) {
			t.Errorf("with a GPU, got %q and %q", lines[5], lines[6])
		}
	} else if want := "gpu: absent (" + devices.GPUAbsence().Error() + ")"; lines[6] != want {
		t.Errorf("gpu line %q, want %q", lines[6], want)
	}
}

// describedDevice is a device that only describes itself.
type describedDevice struct {
	devices.Device
	info devices.Info
}

func (d describedDevice) Info() devices.Info { return d.info }

func TestGPULine(t *testing.T) {
	gpu := describedDevice{info: devices.Info{Name: "gpu", Kind: devices.KindGPU, Description: "NVIDIA H100/PCIe/SSE2, OpenGL 4.6.0"}}
	full := describedDevice{info: devices.Info{Name: "gpu", Kind: devices.KindGPU, Description: "llvmpipe, OpenGL 4.5",
		Details: map[string]string{"fp64": "yes (GL_ARB_gpu_shader_fp64)", "int64": "no (no GL_ARB_gpu_shader_int64)"}}}
	for _, tc := range []struct {
		gpu     devices.Device
		absence error
		want    string
	}{
		{gpu, nil, "gpu: NVIDIA H100/PCIe/SSE2, OpenGL 4.6.0"},
		{full, nil, "gpu: llvmpipe, OpenGL 4.5; float64: yes, int64: no"},
		{nil, errors.New("no EGL display"), "gpu: absent (no EGL display)"},
		{nil, errors.New("built without cgo"), "gpu: absent (built without cgo)"},
		{nil, nil, "gpu: absent (no reason given)"},
	} {
		if got := gpuLine(tc.gpu, tc.absence); got != tc.want {
			t.Errorf("gpuLine(%v, %v) = %q, want %q", tc.gpu != nil, tc.absence, got, tc.want)
		}
	}
}

func TestDispatch(t *testing.T) {
	for _, tc := range []struct {
		args       []string
		code       int
		stdout     string // substring expected on stdout ("" = must be empty)
		stderrWant string // substring expected on stderr ("" = must be empty)
	}{
		{[]string{"version"}, 0, "Workbench ", ""},
		{[]string{"--version"}, 0, "Workbench ", ""},
		{[]string{"help"}, 0, "Usage: workbench", ""},
		{[]string{"nonsense"}, 2, "", "unknown command"},
		{[]string{"version", "extra"}, 2, "", "unexpected arguments"},
	} {
		var stdout, stderr bytes.Buffer
		code := dispatch(&stdout, &stderr, tc.args)
		if code != tc.code {
			t.Errorf("%q: exit %d, want %d", tc.args, code, tc.code)
		}
		check := func(name, got, want string) {
			if want == "" && got != "" {
				t.Errorf("%q: unexpected %s: %q", tc.args, name, got)
			} else if !strings.Contains(got, want) {
				t.Errorf("%q: %s %q does not contain %q", tc.args, name, got, want)
			}
		}
		check("stdout", stdout.String(), tc.stdout)
		check("stderr", stderr.String(), tc.stderrWant)
	}
}
