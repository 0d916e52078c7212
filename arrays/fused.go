package arrays

import (
	"fmt"

	"workbench/arrays/dtype"
	"workbench/arrays/shape"
	"workbench/devices"
	"workbench/kernels"
)

// MultiplyAdd returns a*b + c element-wise in one pass over the data,
// without the temporary array that Add(Multiply(a, b), c) makes. a, b and c
// are arrays or Go numbers (weak scalars, as for Add); they broadcast
// together, and the dtype is the one Add(Multiply(a, b), c) would have.
//
// For float32 and float64 the multiply-add is fused: the product is not
// rounded, and each element is a*b + c rounded once, as math.FMA computes
// it (so it may differ from Add(Multiply(a, b), c) in the last bit, and is
// never less accurate). Integers wrap as Multiply and Add do; complex
// numbers compute the rounded product, then the sum. Bool is refused.
func MultiplyAdd(a, b, c any) *Array {
	const name = "multiply_add"
	ops, dt := fusedOperands(name, a, b, c)
	if dt == Bool {
		panic(dtypeErr(name, "not defined for bool", dt))
	}
	dev := ops[0].Device()
	for _, o := range ops[1:] {
		if o.Device() != dev {
			panic(&DeviceError{Op: name, Msg: fmt.Sprintf("the arrays are on different devices (%s and %s); move one with To", dev.Name(), o.Device().Name())})
		}
	}
	shp, err := shape.Broadcast(ops[0].shape, ops[1].shape, ops[2].shape)
	if err != nil {
		panic(shapeErr(name, "operands could not be broadcast together with shapes", ops[0].shape, ops[1].shape, ops[2].shape))
	}
	var like *Array
	for _, o := range ops {
		if shape.Shape(o.shape).Equal(shp) {
			like = o
			break
		}
	}
	for i := range ops {
		ops[i] = ops[i].Astype(dt)
	}
	// The fused kernel runs on memory the CPU addresses; other devices
	// compute on the CPU from copies, and get the result back.
	host := dev
	for _, o := range ops {
		if _, ok := o.buf.(devices.HostBuffer); !ok {
			host = devices.CPU()
		}
	}
	if host != dev {
		ranOnCPU(name, dev, "fused multiply-add")
		for i := range ops {
			ops[i] = ops[i].To(host)
		}
		like = nil
	}
	res := allocOutLike(host, dt, shp, like)
	operand := func(x *Array) kernels.Operand {
		v := broadcastView(x, shp)
		return kernels.Operand{Data: x.buf.(devices.HostBuffer).Data(), Offset: v.Offset, Strides: v.Strides}
	}
	run(name, func() error {
		return kernels.MultiplyAdd(shp, operand(res), operand(ops[0]), operand(ops[1]), operand(ops[2]))
	})
	return res.onDevice(dev)
}

// fusedOperands resolves the operands of a ternary operation to arrays of
// one dtype: the arrays' dtypes promote together, and Go numbers are weak
// scalars that take that dtype (or the smallest kind that holds them).
func fusedOperands(op string, xs ...any) ([]*Array, DType) {
	out := make([]*Array, len(xs))
	dt := dtype.Invalid
	for i, x := range xs {
		a, ok := x.(*Array)
		if !ok {
			continue
		}
		if a == nil {
			panic(valueErr(op, "nil array"))
		}
		out[i] = a
		if dt == dtype.Invalid {
			dt = a.dt
			continue
		}
		d, err := dtype.Promote(dt, a.dt)
		if err != nil {
			panic(dtypeErr(op, "no common dtype for", dt, a.dt))
		}
		dt = d
	}
	if dt == dtype.Invalid {
		// No arrays: Go numbers take their default dtypes, as in Add.
		arrs := make([]any, len(xs))
		for i, x := range xs {
			arrs[i] = Asarray(x)
		}
		return fusedOperands(op, arrs...)
	}
	for i, x := range xs {
		if out[i] != nil {
			continue
		}
		k := scalarKind(x)
		if k == 0 {
			out[i] = Asarray(x)
			d, err := dtype.Promote(dt, out[i].dt)
			if err != nil {
				panic(dtypeErr(op, "no common dtype for", dt, out[i].dt))
			}
			dt = d
			continue
		}
		dt = dtype.WithScalar(dt, k)
	}
	var dev devices.Device
	for _, a := range out {
		if a != nil {
			dev = a.Device()
			break
		}
	}
	for i, x := range xs {
		if out[i] == nil {
			out[i] = scalarArray(op, x, dt).To(dev)
		}
	}
	return out, dt
}
