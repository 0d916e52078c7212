package random

import (
	"reflect"

	"workbench/arrays"
	"workbench/devices"
)

// shuffleArray is Generator.shuffle of an ndarray along axis 0: for i from
// n-1 down to 1, swap sub-array i with sub-array random_interval(i). An
// empty array draws nothing.
func (g *Generator) shuffleArray(x *arrays.Array) {
	if x.Ndim() == 0 {
		panic(errorf("Shuffle", "cannot shuffle a 0-d array"))
	}
	if x.Size() == 0 {
		return
	}
	// An array of another device is shuffled in a copy on the CPU, which
	// Assign writes back into its memory.
	noteCPU("Shuffle", "shuffles", inputDevice("Shuffle", x))
	shape := x.Shape()
	n := shape[0]
	row := x.Size() / n
	data := reflect.ValueOf(x.Data())
	buf := reflect.MakeSlice(data.Type(), row, row)
	for i := n - 1; i > 0; i-- {
		j := int(g.bitgen.interval(uint64(i)))
		if i == j {
			continue
		}
		ri, rj := data.Slice(i*row, (i+1)*row), data.Slice(j*row, (j+1)*row)
		reflect.Copy(buf, rj)
		reflect.Copy(rj, ri)
		reflect.Copy(ri, buf)
	}
	x.Assign(arrays.FromSlice(data.Interface(), shape...))
}

// Permuted returns a copy of x with each slice along the given axis
// shuffled independently, as rng.permuted(x, axis=axis); with no axis,
// the flattened array is shuffled (axis=None). The lanes along the axis
// are shuffled one after another in C order of the other indices, each with
// NumPy's Fisher–Yates swaps. It panics if more than one axis is given or
// the axis is out of range.
func (g *Generator) Permuted(x *arrays.Array, axis ...int) *arrays.Array {
	const op = "Permuted"
	if dev := inputDevice(op, x); dev != nil {
		return placed(op, "shuffles", dev, g.Permuted(x.To(devices.CPU()), axis...))
	}
	shape := x.Shape()
	out := x.Copy()
	if len(axis) == 0 {
		if x.Ndim() == 0 {
			panic(errorf(op, "cannot shuffle a 0-d array"))
		}
		flat := out.Reshape(out.Size())
		g.shuffleArray(flat)
		return flat.Reshape(shape...)
	}
	if len(axis) > 1 {
		panic(errorf(op, "want at most one axis, got %v", axis))
	}
	ax := axis[0]
	if ax < 0 {
		ax += len(shape)
	}
	if ax < 0 || ax >= len(shape) {
		panic(errorf(op, "axis %d is out of bounds for an array of dimension %d", axis[0], len(shape)))
	}
	if out.Size() == 0 {
		return out
	}
	data := reflect.ValueOf(out.Data())
	swap := reflect.Swapper(data.Interface())
	n := shape[ax]
	inner := 1
	for _, d := range shape[ax+1:] {
		inner *= d
	}
	outer := out.Size() / (n * inner)
	for o := 0; o < outer; o++ {
		for in := 0; in < inner; in++ {
			base := o*n*inner + in
			for i := n - 1; i > 0; i-- {
				j := int(g.bitgen.interval(uint64(i)))
				swap(base+i*inner, base+j*inner)
			}
		}
	}
	return arrays.FromSlice(data.Interface(), shape...)
}
