package devices

import (
	"errors"
	"sync"
)

// GPUName is the registry name of the GPU device.
const GPUName = "gpu"

// errNoGPUPackage is the absence of a GPU when no GPU package is linked in.
var errNoGPUPackage = errors.New("no GPU support in this program (it does not import workbench/devices/gpu)")

var gpuState struct {
	sync.Mutex
	probe func() (Device, error)
	done  bool
	dev   Device
	err   error
}

// SetGPUProbe installs the function that opens the GPU device. Package
// devices/gpu calls it from its init; the probe runs once, on the first
// call of GPU or GPUAbsence, and registers the device (or its absence).
func SetGPUProbe(probe func() (Device, error)) {
	gpuState.Lock()
	defer gpuState.Unlock()
	gpuState.probe = probe
	gpuState.done = false
}

func probeGPU() (Device, error) {
	gpuState.Lock()
	defer gpuState.Unlock()
	if gpuState.done {
		return gpuState.dev, gpuState.err
	}
	if gpuState.probe == nil {
		return nil, errNoGPUPackage
	}
	dev, err := gpuState.probe()
	switch {
	case err != nil:
		dev = nil
		RegisterAbsent(GPUName, err)
	case dev == nil:
		err = errors.New("the GPU probe returned no device and no reason")
		RegisterAbsent(GPUName, err)
	default:
		Register(dev)
	}
	gpuState.dev, gpuState.err, gpuState.done = dev, err, true
	return dev, err
}

// GPU returns the GPU device, probing for it on the first call (which may
// take a moment: it creates a GL context), or nil when there is none;
// GPUAbsence says why. Once probed, the device is in List and Lookup.
func GPU() Device {
	d, _ := probeGPU()
	return d
}

// GPUAbsence returns nil when GPU returns a device, and otherwise the
// reason there is none, such as "built without cgo" or "no EGL display".
func GPUAbsence() error {
	_, err := probeGPU()
	return err
}
