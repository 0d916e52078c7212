package arrays

// Devices other than the CPU: moving arrays, and the one fallback path.
//
// An array on a device whose memory the CPU cannot address (a GPU's
// shader storage buffers) is computed on by that device where it can: the
// element-wise operations, reductions, cumulative sums and conversions go
// to Device.Unary, Binary, Reduce, Cumulative and Copy. Where the device
// answers devices.ErrNotImplemented, and for every function that has only
// a CPU implementation (sorting, indexing with arrays, searching, sets,
// statistics, matrix products, ...), the operation runs on the CPU on a
// host copy of the operands, a notice says so (once per function and
// device until ResetNotices), and the result is moved back to the
// operands' device, so that code written for one device runs on any.
// Arrays in host memory take none of these paths and are never copied.

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"

	"workbench/devices"
)

var notices = struct {
	sync.Mutex
	fn   func(msg string)
	seen map[string]bool
}{seen: map[string]bool{}}

// stderrNotice is the default receiver of notices.
func stderrNotice(msg string) { fmt.Fprintln(os.Stderr, msg) }

// SetNotice installs fn as the receiver of notices, the messages that say
// an operation on arrays of a device other than the CPU ran on the CPU
// instead (see To), and returns the receiver it replaces. fn may be called
// from any goroutine, and from several at once. With nil, notices go to the
// default receiver, which writes each on a line of its own to os.Stderr.
// A notice is given once per function and device until ResetNotices.
func SetNotice(fn func(msg string)) (previous func(msg string)) {
	notices.Lock()
	defer notices.Unlock()
	previous = notices.fn
	if previous == nil {
		previous = stderrNotice
	}
	notices.fn = fn
	return previous
}

// ResetNotices forgets which notices have been given, so that each is
// given again, once, and which devices were used (DevicesUsed). The
// notebook's kernel calls it before each cell.
func ResetNotices() {
	resetUsed()
	notices.Lock()
	defer notices.Unlock()
	clear(notices.seen)
}

// RanOnCPU gives the notice that function fn (such as "arrays.Sort" or
// "linalg.Solve") ran on the CPU for arrays on device dev, because dev
// does not implement what (such as "sorting"), and that the result was
// moved back to dev. Packages built on arrays call it where they fall
// back; it does nothing for the CPU device or a nil one.
func RanOnCPU(fn string, dev devices.Device, what string) {
	if dev == nil || dev == devices.CPU() {
		return
	}
	name := dev.Name()
	key := fn + "\x00" + name
	notices.Lock()
	if notices.seen[key] {
		notices.Unlock()
		return
	}
	notices.seen[key] = true
	out := notices.fn
	notices.Unlock()
	if out == nil {
		out = stderrNotice
	}
	out(fmt.Sprintf("notice: %s ran on the CPU: the %s device does not implement %s; the result was moved back to %s", fn, name, what, name))
}

// ranOnCPU is RanOnCPU for a function of this package, named as in Go
// (fn "Sort") or as the operation (fn "cumulative_sum").
func ranOnCPU(fn string, dev devices.Device, what string) {
	RanOnCPU("arrays."+goName(fn), dev, what)
}

// goName turns an operation's name ("bitwise_and") into the name of the
// Go function that runs it ("BitwiseAnd").
func goName(op string) string {
	if strings.HasPrefix(op, "nan") && len(op) > 3 {
		return "Nan" + goName(op[3:]) // nanquantile: NanQuantile
	}
	switch op {
	case "isnan":
		return "IsNaN"
	case "isinf":
		return "IsInf"
	case "isfinite":
		return "IsFinite"
	}
	parts := strings.Split(op, "_")
	for i, p := range parts {
		if p != "" {
			parts[i] = strings.ToUpper(p[:1]) + p[1:]
		}
	}
	return strings.Join(parts, "")
}

// onHost reports whether the CPU can address a's memory directly (true for
// nil, which the CPU code reports).
func (a *Array) onHost() bool {
	if a == nil {
		return true
	}
	_, ok := a.buf.(devices.HostBuffer)
	return ok
}

// hosted returns a itself when its memory is host memory, else a
// C-contiguous copy of it on the CPU.
func (a *Array) hosted() *Array {
	if a == nil || a.onHost() {
		return a
	}
	return shaped(a.hostData(), a.shape)
}

// hostedAny is hosted for an operand that may be an array or a Go value.
func hostedAny(v any) any {
	if a, ok := v.(*Array); ok && a != nil {
		return a.hosted()
	}
	return v
}

// arrayOf returns v when it is an array, else nil.
func arrayOf(v any) *Array {
	a, _ := v.(*Array)
	return a
}

// offHost returns the device of the arrays xs (nil ones are skipped) when
// its memory is not host memory, so that a function with only a CPU
// implementation must fall back, and nil otherwise. Arrays on different
// devices are a *DeviceError naming op.
func offHost(op string, xs ...*Array) devices.Device {
	var first *Array
	off := false
	for _, x := range xs {
		if x == nil {
			continue
		}
		if first == nil {
			first = x
		} else if x.buf.Device() != first.buf.Device() {
			panic(differentDevices(op, first.Device(), x.Device()))
		}
		off = off || !x.onHost()
	}
	if !off {
		return nil
	}
	return first.Device()
}

// sameDevice panics with a *DeviceError naming op when arrays of xs (nil
// ones are skipped) are on different devices.
func sameDevice(op string, xs ...*Array) { offHost(op, xs...) }

// indexDevices checks the arrays xs (index arrays, masks, values to write;
// nil ones are skipped) that operation op uses with a: each must be on a's
// device, or in host memory, which the CPU code reads as it reads Go
// slices (so a CPU index array may index an array on any device). An
// array on another device whose memory the CPU cannot address, such as a
// GPU index array for a CPU array, is a *DeviceError naming both devices.
func indexDevices(op string, a *Array, xs ...*Array) {
	if a == nil {
		return // the operation reports it
	}
	for _, x := range xs {
		if x != nil && x.buf.Device() != a.buf.Device() && !x.onHost() {
			panic(differentDevices(op, a.Device(), x.Device()))
		}
	}
}

// differentDevices is the error of an operation on arrays of two devices.
func differentDevices(op string, a, b devices.Device) *DeviceError {
	return &DeviceError{Op: op, Msg: fmt.Sprintf("the arrays are on different devices (%s and %s); move one with To", a.Name(), b.Name())}
}

// cpuOnly runs f, a function with only a CPU implementation, on x: directly
// when x is in host memory, else on a host copy after a notice, with the
// result moved back to x's device.
func cpuOnly(fn, what string, x *Array, f func(x *Array) *Array) *Array {
	if x == nil || x.onHost() {
		return f(x)
	}
	dev := x.Device()
	ranOnCPU(fn, dev, what)
	return f(x.hosted()).To(dev)
}

// toDevice moves each array of xs to dev (nil ones stay nil).
func toDevice(dev devices.Device, xs ...*Array) []*Array {
	for i, x := range xs {
		if x != nil {
			xs[i] = x.To(dev)
		}
	}
	return xs
}

// notImplemented reports whether err says that dev, a device other than
// the CPU, does not implement an operation, which then runs on the CPU.
func notImplemented(err error, dev devices.Device) bool {
	return err != nil && dev != devices.CPU() && errors.Is(err, devices.ErrNotImplemented)
}

// tryDevice runs a device operation and checks its error as check does,
// but returns an error that says the device does not implement the
// operation instead of panicking with it.
func tryDevice(op string, dev devices.Device, fn func() error) error {
	err := fn()
	if notImplemented(err, dev) {
		return err
	}
	check(op, err)
	return nil
}

// tryDeviceRun is tryDevice for operations that run checks, as run does.
func tryDeviceRun(op string, dev devices.Device, fn func() error) (err error) {
	run(op, func() error {
		err = fn()
		if notImplemented(err, dev) {
			return nil
		}
		return err
	})
	return err
}

// absentDevice is the error of To with no device: it says why the GPU is
// absent when there is none, as devices.GPU() returns nil then.
func absentDevice() *DeviceError { return absentDeviceIn("to") }

// absentDeviceIn is absentDevice for operation op.
func absentDeviceIn(op string) *DeviceError {
	have := strings.Join(devices.Names(), ", ")
	if why := devices.GPUAbsence(); why != nil {
		return &DeviceError{Op: op, Msg: fmt.Sprintf("no device given (nil), and there is no GPU device (devices.List() shows what there is: %s)", have), Err: why}
	}
	return &DeviceError{Op: op, Msg: fmt.Sprintf("no device given (nil); devices.List() shows what there is: %s", have)}
}
