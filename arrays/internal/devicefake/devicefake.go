// Package devicefake is a device for tests of code that must work with any
// devices.Device: its buffers are not host buffers (the CPU cannot address
// them, as a GPU's), it moves data with FromHost, ToHost and Copy, and it
// implements only the operations it is told to, answering
// devices.ErrNotImplemented for the others. The work itself is done by the
// CPU device on the memory behind the buffers.
package devicefake

import (
	"fmt"
	"reflect"
	"sync/atomic"

	"workbench/arrays/dtype"
	"workbench/devices"
	"workbench/kernels"
)

// Device is a fake non-host device. The zero value implements no
// operation but transfers and copies without conversion; set the fields
// to choose what it implements. Calls counts the operations it ran.
type Device struct {
	// DeviceName is the name the device reports (default "fake").
	DeviceName string
	// UnaryOps, BinaryOps, ReduceOps: the operations it implements.
	UnaryOps  map[kernels.UnaryOp]bool
	BinaryOps map[kernels.BinaryOp]bool
	ReduceOps map[kernels.ReduceOp]bool
	// CumulativeOps says whether it implements cumulative sums and products.
	CumulativeOps bool
	// Convert says whether Copy converts between dtypes.
	Convert bool

	calls atomic.Int64
}

// New returns a fake device named name that implements Negative and Sqrt,
// Add and Multiply, and Sum, converts in Copy, and has no cumulative
// operations.
func New(name string) *Device {
	return &Device{
		DeviceName: name,
		UnaryOps:   map[kernels.UnaryOp]bool{kernels.Negative: true, kernels.Sqrt: true},
		BinaryOps:  map[kernels.BinaryOp]bool{kernels.Add: true, kernels.Multiply: true},
		ReduceOps:  map[kernels.ReduceOp]bool{kernels.ReduceSum: true},
		Convert:    true,
	}
}

// Calls is the number of operations (Copy, Unary, Binary, Reduce,
// Cumulative) that the device ran itself.
func (d *Device) Calls() int64 { return d.calls.Load() }

// buffer holds its elements in a typed Go slice that it does not show: it
// is no devices.HostBuffer.
type buffer struct {
	dev  *Device
	dt   dtype.DType
	data any
}

func (b *buffer) Device() devices.Device { return b.dev }
func (b *buffer) DType() dtype.DType     { return b.dt }
func (b *buffer) Len() int               { return devices.SliceLen(b.data) }

// Name is the registry name.
func (d *Device) Name() string {
	if d.DeviceName == "" {
		return "fake"
	}
	return d.DeviceName
}

// Kind says the device is a GPU, as far as its users can tell.
func (d *Device) Kind() devices.Kind { return devices.KindGPU }

// Info describes the device.
func (d *Device) Info() devices.Info {
	return devices.Info{Name: d.Name(), Kind: d.Kind(), Description: "fake device for tests", Details: map[string]string{"memory": "not host-addressable"}}
}

// Alloc returns a zeroed buffer of n elements.
func (d *Device) Alloc(dt dtype.DType, n int) (devices.Buffer, error) {
	if n < 0 {
		return nil, fmt.Errorf("%s: negative buffer length %d", d.Name(), n)
	}
	s, err := devices.MakeSlice(dt, n)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", d.Name(), err)
	}
	return &buffer{dev: d, dt: dt, data: s}, nil
}

// FromHost returns a buffer holding a copy of data.
func (d *Device) FromHost(data any) (devices.Buffer, error) {
	dt := devices.DTypeOf(data)
	if dt == dtype.Invalid {
		return nil, fmt.Errorf("%s: %T is not a slice of a supported element type", d.Name(), data)
	}
	b, err := d.Alloc(dt, devices.SliceLen(data))
	if err != nil {
		return nil, err
	}
	reflect.Copy(reflect.ValueOf(b.(*buffer).data), reflect.ValueOf(data))
	return b, nil
}

// host returns v as a view of a CPU buffer that shares v's memory.
func (d *Device) host(v devices.View) (devices.View, error) {
	b, ok := v.Buf.(*buffer)
	if !ok || b.dev != d {
		return devices.View{}, fmt.Errorf("%s: a view of a buffer of another device (%T)", d.Name(), v.Buf)
	}
	hb, err := devices.WrapHost(b.data)
	if err != nil {
		return devices.View{}, err
	}
	v.Buf = hb
	return v, nil
}

// hosts is host for several views.
func (d *Device) hosts(vs ...devices.View) ([]devices.View, error) {
	out := make([]devices.View, len(vs))
	for i, v := range vs {
		h, err := d.host(v)
		if err != nil {
			return nil, err
		}
		out[i] = h
	}
	return out, nil
}

// ToHost copies the elements of v, in C order, into dst.
func (d *Device) ToHost(v devices.View, dst any) error {
	h, err := d.host(v)
	if err != nil {
		return err
	}
	return devices.CPU().ToHost(h, dst)
}

// notImplemented is the error for an operation the device does not run.
func (d *Device) notImplemented(what string) error {
	return fmt.Errorf("%s: %s: %w", d.Name(), what, devices.ErrNotImplemented)
}

// Copy copies src into dst, converting the dtype when Convert is set.
func (d *Device) Copy(dst, src devices.View) error {
	if dst.Buf.DType() != src.Buf.DType() && !d.Convert {
		return d.notImplemented(fmt.Sprintf("conversion from %v to %v", src.Buf.DType(), dst.Buf.DType()))
	}
	h, err := d.hosts(dst, src)
	if err != nil {
		return err
	}
	d.calls.Add(1)
	return devices.CPU().Copy(h[0], h[1])
}

// Unary computes dst = op(src) when op is in d.UnaryOps.
func (d *Device) Unary(op kernels.UnaryOp, dst, src devices.View) error {
	if !d.UnaryOps[op] {
		return d.notImplemented(op.String())
	}
	h, err := d.hosts(dst, src)
	if err != nil {
		return err
	}
	d.calls.Add(1)
	return devices.CPU().Unary(op, h[0], h[1])
}

// Binary computes dst = op(a, b) when op is in d.BinaryOps.
func (d *Device) Binary(op kernels.BinaryOp, dst, a, b devices.View) error {
	if !d.BinaryOps[op] {
		return d.notImplemented(op.String())
	}
	h, err := d.hosts(dst, a, b)
	if err != nil {
		return err
	}
	d.calls.Add(1)
	return devices.CPU().Binary(op, h[0], h[1], h[2])
}

// Reduce reduces src over axes into dst when op is in d.ReduceOps.
func (d *Device) Reduce(op kernels.ReduceOp, dst, src devices.View, axes []bool) error {
	if !d.ReduceOps[op] {
		return d.notImplemented(op.String())
	}
	h, err := d.hosts(dst, src)
	if err != nil {
		return err
	}
	d.calls.Add(1)
	return devices.CPU().Reduce(op, h[0], h[1], axes)
}

// Cumulative writes the running sum or product when d.CumulativeOps is set.
func (d *Device) Cumulative(op kernels.ReduceOp, dst, src devices.View, axis int) error {
	if !d.CumulativeOps {
		return d.notImplemented("cumulative " + op.String())
	}
	h, err := d.hosts(dst, src)
	if err != nil {
		return err
	}
	d.calls.Add(1)
	return devices.CPU().Cumulative(op, h[0], h[1], axis)
}
