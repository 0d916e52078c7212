//go:build cgo && linux

package gpu

import (
	"errors"
	"fmt"
	"sync"

	"workbench/devices"
	"workbench/kernels"
)

// fallback is the GPU device with what the arrays layer will add: an
// operation the GPU does not implement runs on the CPU, on copies of the
// buffers, and the destination buffer is written back. It records each
// fallback, so that tests can show and check them.
type fallback struct {
	*Device
	mu    sync.Mutex
	notes []string
}

func (f *fallback) note(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.notes = append(f.notes, fmt.Sprintf(format, args...))
}

// onCPU runs op on the CPU with the views' buffers copied to the host, and
// writes the destination (views[0]) back.
func (f *fallback) onCPU(op func(cpu devices.Device, v []devices.View) error, views ...devices.View) error {
	host := map[*Buffer]devices.Buffer{}
	cv := make([]devices.View, len(views))
	for i, v := range views {
		b, ok := v.Buf.(*Buffer)
		if !ok {
			return fmt.Errorf("fallback: view %d is not on the GPU", i)
		}
		if _, ok := host[b]; !ok {
			data, err := devices.MakeSlice(b.dt, b.n)
			if err != nil {
				return err
			}
			if err := f.ToHost(devices.View{Buf: b, Shape: []int{b.n}, Strides: []int{1}}, data); err != nil {
				return err
			}
			hb, err := devices.WrapHost(data)
			if err != nil {
				return err
			}
			host[b] = hb
		}
		cv[i] = v
		cv[i].Buf = host[b]
	}
	if err := op(devices.CPU(), cv); err != nil {
		return err
	}
	dst := views[0].Buf.(*Buffer)
	return f.write(dst, host[dst].(devices.HostBuffer).Data())
}

func (f *fallback) Copy(dst, src devices.View) error {
	err := f.Device.Copy(dst, src)
	if !errors.Is(err, devices.ErrNotImplemented) {
		return err
	}
	f.note("copy %v -> %v: %v", src.Buf.DType(), dst.Buf.DType(), err)
	return f.onCPU(func(c devices.Device, v []devices.View) error { return c.Copy(v[0], v[1]) }, dst, src)
}

func (f *fallback) Unary(op kernels.UnaryOp, dst, src devices.View) error {
	err := f.Device.Unary(op, dst, src)
	if !errors.Is(err, devices.ErrNotImplemented) {
		return err
	}
	f.note("unary %v of %v: %v", op, src.Buf.DType(), err)
	return f.onCPU(func(c devices.Device, v []devices.View) error { return c.Unary(op, v[0], v[1]) }, dst, src)
}

func (f *fallback) Binary(op kernels.BinaryOp, dst, a, b devices.View) error {
	err := f.Device.Binary(op, dst, a, b)
	if !errors.Is(err, devices.ErrNotImplemented) {
		return err
	}
	f.note("binary %v of %v: %v", op, a.Buf.DType(), err)
	return f.onCPU(func(c devices.Device, v []devices.View) error { return c.Binary(op, v[0], v[1], v[2]) }, dst, a, b)
}

func (f *fallback) Reduce(op kernels.ReduceOp, dst, src devices.View, axes []bool) error {
	err := f.Device.Reduce(op, dst, src, axes)
	if !errors.Is(err, devices.ErrNotImplemented) {
		return err
	}
	f.note("reduce %v of %v: %v", op, src.Buf.DType(), err)
	return f.onCPU(func(c devices.Device, v []devices.View) error { return c.Reduce(op, v[0], v[1], axes) }, dst, src)
}

func (f *fallback) Cumulative(op kernels.ReduceOp, dst, src devices.View, axis int) error {
	err := f.Device.Cumulative(op, dst, src, axis)
	if !errors.Is(err, devices.ErrNotImplemented) {
		return err
	}
	f.note("cumulative %v of %v: %v", op, src.Buf.DType(), err)
	return f.onCPU(func(c devices.Device, v []devices.View) error { return c.Cumulative(op, v[0], v[1], axis) }, dst, src)
}
