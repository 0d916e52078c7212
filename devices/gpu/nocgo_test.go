//go:build !cgo

package gpu

import (
	"errors"
	"strings"
	"testing"

	"workbench/devices"
)

// TestAbsentWithoutCgo checks that a build without cgo has no GPU, and
// says so.
func TestAbsentWithoutCgo(t *testing.T) {
	if d, err := Open(); d != nil || !errors.Is(err, ErrNoCgo) {
		t.Errorf("Open() = %v, %v; want nil, %v", d, err, ErrNoCgo)
	}
	if devices.GPU() != nil {
		t.Error("devices.GPU() is not nil without cgo")
	}
	if err := devices.GPUAbsence(); err == nil || !strings.Contains(err.Error(), "built without cgo") {
		t.Errorf("devices.GPUAbsence() = %v, want built without cgo", err)
	}
	if _, err := devices.Lookup(devices.GPUName); !errors.Is(err, devices.ErrAbsent) || !strings.Contains(err.Error(), "built without cgo") {
		t.Errorf("Lookup(gpu) = %v, want the absence with its reason", err)
	}
}
