//go:build cgo && !linux

package gpu

import (
	"fmt"
	"runtime"

	"workbench/devices"
)

// Open returns the GPU device; it needs Linux (headless EGL with OpenGL
// 4.3 compute shaders), so there is none here.
func Open() (devices.Device, error) {
	return nil, fmt.Errorf("no GPU device on %s: it needs headless EGL and OpenGL 4.3 compute shaders (Linux)", runtime.GOOS)
}
