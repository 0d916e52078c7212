package devices

import (
	"fmt"
	"runtime"

	"workbench/arrays/dtype"
	"workbench/kernels"
)

// cpuDevice runs operations with the kernels package on the shared worker
// pool. Its buffers are typed Go slices.
type cpuDevice struct{}

type cpuBuffer struct {
	data any
	dt   dtype.DType
	n    int
}

func (b *cpuBuffer) Device() Device     { return cpu }
func (b *cpuBuffer) DType() dtype.DType { return b.dt }
func (b *cpuBuffer) Len() int           { return b.n }
func (b *cpuBuffer) Data() any          { return b.data }

var cpu Device = cpuDevice{}

func init() { Register(cpu) }

// CPU returns the CPU device, which is always present.
func CPU() Device { return cpu }

// WrapHost returns a CPU buffer that uses data (a typed Go slice) as its
// storage, without copying. The caller must not use data afterwards except
// through the buffer.
func WrapHost(data any) (Buffer, error) {
	dt := DTypeOf(data)
	if dt == dtype.Invalid {
		return nil, fmt.Errorf("devices: %T is not a slice of a supported element type", data)
	}
	return &cpuBuffer{data: data, dt: dt, n: SliceLen(data)}, nil
}

func (cpuDevice) Name() string { return "cpu" }
func (cpuDevice) Kind() Kind   { return KindCPU }

func (cpuDevice) Info() Info {
	return Info{
		Name: "cpu", Kind: KindCPU,
		Description: fmt.Sprintf("%s/%s, %d workers, %s", runtime.GOOS, runtime.GOARCH, kernels.Workers(), kernels.SIMDLevel()),
		Details: map[string]string{
			"workers":      fmt.Sprint(kernels.Workers()),
			"simd":         kernels.SIMDLevel(),
			"cpu_features": kernels.CPUFeatures(),
		},
	}
}

func (cpuDevice) Alloc(dt dtype.DType, n int) (Buffer, error) {
	if n < 0 {
		return nil, fmt.Errorf("devices: negative buffer length %d", n)
	}
	return newHostBuffer(dt, n, true)
}

// AllocUninit returns a buffer of n elements whose contents are not set,
// for results that are about to be overwritten whole.
func (cpuDevice) AllocUninit(dt dtype.DType, n int) (Buffer, error) {
	if n < 0 {
		return nil, fmt.Errorf("devices: negative buffer length %d", n)
	}
	return newHostBuffer(dt, n, false)
}

func (d cpuDevice) FromHost(data any) (Buffer, error) {
	dt := DTypeOf(data)
	if dt == dtype.Invalid {
		return nil, fmt.Errorf("devices: %T is not a slice of a supported element type", data)
	}
	n := SliceLen(data)
	b, err := d.Alloc(dt, n)
	if err != nil {
		return nil, err
	}
	shape := []int{n}
	err = kernels.Copy(shape, kernels.Operand{Data: b.(*cpuBuffer).data, Strides: []int{1}},
		kernels.Operand{Data: data, Strides: []int{1}})
	return b, err
}

// Each method keeps its views' buffers alive until the kernel is done: a
// recycled buffer must not go back to the pool while a kernel still uses
// its slice.

func (cpuDevice) ToHost(v View, dst any) error {
	defer runtime.KeepAlive(v.Buf)
	size := 1
	for _, d := range v.Shape {
		size *= d
	}
	if got, want := DTypeOf(dst), v.Buf.DType(); got != want {
		return fmt.Errorf("devices: ToHost into %T, want a slice of %v", dst, want)
	}
	if n := SliceLen(dst); n != size {
		return fmt.Errorf("devices: ToHost into a slice of %d elements, want %d", n, size)
	}
	strides := contiguous(v.Shape)
	return kernels.Copy(v.Shape, kernels.Operand{Data: dst, Strides: strides}, operand(v))
}

func (cpuDevice) Copy(dst, src View) error {
	defer keepAlive(dst, src)
	return kernels.Copy(dst.Shape, operand(dst), operand(src))
}

func (cpuDevice) Unary(op kernels.UnaryOp, dst, src View) error {
	defer keepAlive(dst, src)
	return kernels.Unary(op, dst.Shape, operand(dst), operand(src))
}

func (cpuDevice) Binary(op kernels.BinaryOp, dst, a, b View) error {
	defer keepAlive(dst, a, b)
	return kernels.Binary(op, dst.Shape, operand(dst), operand(a), operand(b))
}

func (cpuDevice) Reduce(op kernels.ReduceOp, dst, src View, axes []bool) error {
	defer keepAlive(dst, src)
	return kernels.Reduce(op, src.Shape, operand(src), axes, operand(dst))
}

func (cpuDevice) Cumulative(op kernels.ReduceOp, dst, src View, axis int) error {
	defer keepAlive(dst, src)
	return kernels.Cumulative(op, src.Shape, axis, operand(dst), operand(src))
}

func keepAlive(views ...View) {
	for _, v := range views {
		runtime.KeepAlive(v.Buf)
	}
}

func operand(v View) kernels.Operand {
	var data any
	if hb, ok := v.Buf.(HostBuffer); ok {
		data = hb.Data()
	}
	return kernels.Operand{Data: data, Offset: v.Offset, Strides: v.Strides}
}

func contiguous(shape []int) []int {
	st := make([]int, len(shape))
	acc := 1
	for i := len(shape) - 1; i >= 0; i-- {
		st[i] = acc
		acc *= max(shape[i], 1)
	}
	return st
}
