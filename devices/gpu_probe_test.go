package devices_test

import (
	"errors"
	"strings"
	"testing"

	"workbench/devices"
)

// TestGPUProbe checks the GPU hook without a GPU package: no probe means
// no GPU and a reason naming the package; a failing probe runs once and
// its reason is what GPUAbsence and Lookup report.
func TestGPUProbe(t *testing.T) {
	if devices.GPU() != nil {
		t.Fatal("a GPU without the GPU package")
	}
	if err := devices.GPUAbsence(); err == nil || !strings.Contains(err.Error(), "workbench/devices/gpu") {
		t.Errorf("GPUAbsence() without a probe = %v", err)
	}
	why := errors.New("no EGL display: test")
	calls := 0
	devices.SetGPUProbe(func() (devices.Device, error) { calls++; return nil, why })
	defer devices.SetGPUProbe(nil)
	for range 3 {
		if d := devices.GPU(); d != nil {
			t.Errorf("GPU() = %v with a failing probe", d)
		}
		if err := devices.GPUAbsence(); err != why {
			t.Errorf("GPUAbsence() = %v, want %v", err, why)
		}
	}
	if calls != 1 {
		t.Errorf("the probe ran %d times, want once", calls)
	}
	if _, err := devices.Lookup(devices.GPUName); !errors.Is(err, why) {
		t.Errorf("Lookup(gpu) = %v, want the probe's reason", err)
	}
}
