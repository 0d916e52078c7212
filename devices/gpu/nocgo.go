//go:build !cgo

package gpu

import (
	"errors"

	"workbench/devices"
)

// ErrNoCgo is the reason the GPU is absent from programs built without cgo.
var ErrNoCgo = errors.New("built without cgo")

// Open returns the GPU device; built without cgo, there is none.
func Open() (devices.Device, error) { return nil, ErrNoCgo }
