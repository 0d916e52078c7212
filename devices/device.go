package devices

import (
	"errors"
	"fmt"
	"sort"
	"sync"

	"workbench/arrays/dtype"
	"workbench/kernels"
)

// Kind says what sort of processor a device is.
type Kind uint8

// The kinds of device.
const (
	KindCPU Kind = iota + 1
	KindGPU
)

func (k Kind) String() string {
	switch k {
	case KindCPU:
		return "cpu"
	case KindGPU:
		return "gpu"
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// ErrNotImplemented says that a device cannot run an operation; callers may
// fall back to the CPU, visibly.
var ErrNotImplemented = kernels.ErrNotImplemented

// Buffer is a block of elements of one dtype, owned by a device.
type Buffer interface {
	Device() Device
	DType() dtype.DType
	Len() int
}

// HostBuffer is a Buffer whose elements the CPU can address directly, as a
// typed Go slice ([]float64 for Float64, []bool for Bool, ...).
type HostBuffer interface {
	Buffer
	Data() any
}

// View is a strided window onto a buffer: the shape it shows, a stride per
// axis in elements (0 for broadcast axes, negative for reversed ones), and
// the index of the element at the origin.
type View struct {
	Buf     Buffer
	Shape   []int
	Strides []int
	Offset  int
}

// Info describes a device for people and for reproducibility records.
type Info struct {
	Name        string            // as in the registry: "cpu", "gpu"
	Kind        Kind              // what sort of processor
	Description string            // one line, such as "AMD EPYC 9R14, 2 workers, AVX-512"
	Details     map[string]string // more facts, such as GL version or SIMD level
}

// Device runs array operations on memory it owns. All views given to one
// call belong to this device; shapes have been checked by the caller, and
// broadcast operands carry stride 0.
type Device interface {
	// Name is the registry name.
	Name() string
	// Kind says what sort of processor this is.
	Kind() Kind
	// Info describes the device.
	Info() Info
	// Alloc returns a zeroed buffer of n elements.
	Alloc(dt dtype.DType, n int) (Buffer, error)
	// FromHost returns a buffer holding a copy of a typed Go slice.
	FromHost(data any) (Buffer, error)
	// ToHost copies the elements of v, in C order, into dst, a typed Go
	// slice of v's dtype and v's size.
	ToHost(v View, dst any) error
	// Copy copies src into dst (same shape), converting the dtype.
	Copy(dst, src View) error
	// Unary computes dst = op(src) element-wise.
	Unary(op kernels.UnaryOp, dst, src View) error
	// Binary computes dst = op(a, b) element-wise.
	Binary(op kernels.BinaryOp, dst, a, b View) error
	// Reduce reduces src over the axes marked true into dst, which has
	// src's shape with the reduced axes' strides ignored.
	Reduce(op kernels.ReduceOp, dst, src View, axes []bool) error
	// Cumulative writes the running sum or product along axis.
	Cumulative(op kernels.ReduceOp, dst, src View, axis int) error
}

// UninitAllocator is implemented by devices that can hand out buffers
// without clearing them, for results that a kernel overwrites whole.
type UninitAllocator interface {
	AllocUninit(dt dtype.DType, n int) (Buffer, error)
}

var registry = struct {
	sync.Mutex
	devices map[string]Device
	absent  map[string]error
}{devices: map[string]Device{}, absent: map[string]error{}}

// Register adds a device to the registry under its name.
func Register(d Device) {
	registry.Lock()
	defer registry.Unlock()
	registry.devices[d.Name()] = d
	delete(registry.absent, d.Name())
}

// RegisterAbsent records that a device is not available, and why, so that
// asking for it gives a useful error.
func RegisterAbsent(name string, why error) {
	registry.Lock()
	defer registry.Unlock()
	if _, ok := registry.devices[name]; !ok {
		registry.absent[name] = why
	}
}

// AbsentError is the error of asking for a device that is not there.
type AbsentError struct {
	Name string
	Why  error
}

func (e *AbsentError) Error() string {
	if e.Why == nil {
		return fmt.Sprintf("devices: no device named %q (have %v)", e.Name, Names())
	}
	return fmt.Sprintf("devices: device %q is not available: %v", e.Name, e.Why)
}

func (e *AbsentError) Unwrap() error { return e.Why }

// ErrAbsent matches every AbsentError with errors.Is.
var ErrAbsent = errors.New("devices: device not available")

// Is reports whether target is ErrAbsent.
func (e *AbsentError) Is(target error) bool { return target == ErrAbsent }

// Lookup returns the device registered under name, or an *AbsentError that
// says why it is missing. Looking up "gpu" probes for the GPU first (once;
// see GPU). The probe itself must not call Lookup or List.
func Lookup(name string) (Device, error) {
	var probeErr error
	if name == GPUName {
		// Not under the registry lock: the probe registers its result.
		_, probeErr = probeGPU()
	}
	registry.Lock()
	defer registry.Unlock()
	if d, ok := registry.devices[name]; ok {
		return d, nil
	}
	why := registry.absent[name]
	if why == nil {
		why = probeErr // such as "no GPU package linked in", never registered
	}
	return nil, &AbsentError{Name: name, Why: why}
}

// List returns the registered devices, the CPU first. The first call
// probes for the GPU (see GPU), so that it is listed when there is one;
// later calls use the probe's result.
func List() []Device {
	probeGPU() // once: afterwards it returns the result it keeps
	registry.Lock()
	defer registry.Unlock()
	out := make([]Device, 0, len(registry.devices))
	for _, d := range registry.devices {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Kind() != out[j].Kind() {
			return out[i].Kind() < out[j].Kind()
		}
		return out[i].Name() < out[j].Name()
	})
	return out
}

// Names returns the names of the registered devices, the CPU first.
func Names() []string {
	var names []string
	for _, d := range List() {
		names = append(names, d.Name())
	}
	return names
}
