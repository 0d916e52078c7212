package random

import (
	"fmt"

	"workbench/arrays"
	"workbench/devices"
)

// Arrays of other devices. The Generator draws on the CPU, from its one
// stream, whatever the device of the arrays it is given: a method given
// arrays of another device (a GPU) reads copies of them, gives the notice
// that it ran on the CPU (see arrays.SetNotice), and returns its result on
// that device (Shuffle writes its result back into the array).

// inputDevice returns the device of the arrays among xs (nil ones are
// skipped) when it is not the CPU, and nil otherwise. Arrays on two
// devices panic with an *arrays.DeviceError naming the method op.
func inputDevice(op string, xs ...*arrays.Array) devices.Device {
	var first *arrays.Array
	for _, x := range xs {
		switch {
		case x == nil:
		case first == nil:
			first = x
		case x.Device() != first.Device():
			panic(&arrays.DeviceError{Op: "random." + op, Msg: fmt.Sprintf(
				"the arrays are on different devices (%s and %s); move one with To",
				first.Device().Name(), x.Device().Name())})
		}
	}
	if first == nil || first.Device() == devices.CPU() {
		return nil
	}
	return first.Device()
}

// noteCPU gives the notice that method op ran on the CPU for arrays of
// dev, which does not implement what; it does nothing for a nil dev.
func noteCPU(op, what string, dev devices.Device) {
	if dev != nil {
		arrays.RanOnCPU("random.Generator."+op, dev, what)
	}
}

// placed returns out, the result of method op, on dev after the notice of
// noteCPU; for a nil dev, out itself.
func placed(op, what string, dev devices.Device, out *arrays.Array) *arrays.Array {
	if dev == nil {
		return out
	}
	noteCPU(op, what, dev)
	return out.To(dev)
}

// arrayArg returns v when it is an *arrays.Array, else nil.
func arrayArg(v any) *arrays.Array {
	a, _ := v.(*arrays.Array)
	return a
}
