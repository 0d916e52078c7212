package arrays

// Searching: Argmax, Argmin, Nonzero, Where, Searchsorted, CountNonzero.

import (
	"fmt"

	"workbench/arrays/dtype"
	"workbench/arrays/shape"
)

// argAxes reads the axis of Argmax and friends: one axis, or all (the
// flattened array) when none is given.
func argAxes(op string, x *Array, c *config) []bool {
	if c.hasAxis {
		return axisMask(len(x.shape), oneAxis(op, x, c, 0))
	}
	red := make([]bool, len(x.shape))
	for i := range red {
		red[i] = true
	}
	return red
}

func argExtreme(op string, x *Array, max, skipNaN bool, opts []Option) *Array {
	if !x.onHost() {
		return cpuOnly(op, "arg-extremes", x, func(x *Array) *Array { return argExtreme(op, x, max, skipNaN, opts) })
	}
	c := configure(opts)
	if x.dt.IsComplex() {
		// STANDARD: argmax and argmin need real numbers (NumPy orders
		// complex numbers lexicographically), as Max and Min do.
		panic(dtypeErr(op, "complex numbers have no order", x.dt))
	}
	red := argAxes(op, x, c)
	data, rows, n, _ := laneCopy(x, red)
	if n == 0 {
		panic(valueErr(op, "attempt to get %s of an empty sequence (shape %v)", op, shape.Shape(x.shape)))
	}
	idx := lanesOf(data).argextremeRows(n, max, skipNaN && x.dt.IsFloat())
	for r := 0; r < rows; r++ {
		if idx[r] < 0 {
			panic(valueErr(op, "all-NaN slice encountered"))
		}
	}
	return reducedResult(x, idx, red, c.keepdims)
}

// Argmax returns the int64 index of the largest element along Axis(k), or
// of the flattened array when no axis is given; of equal largest elements
// the first. A NaN counts as the largest (the first NaN wins). Options:
// Axis, Keepdims. An empty axis is an error.
func Argmax(x *Array, opts ...Option) *Array { return argExtreme("argmax", x, true, false, opts) }

// Argmin returns the int64 index of the smallest element (see Argmax; a NaN
// counts as the smallest there too).
func Argmin(x *Array, opts ...Option) *Array { return argExtreme("argmin", x, false, false, opts) }

// Argmax is Argmax(a, opts...).
func (a *Array) Argmax(opts ...Option) *Array { return Argmax(a, opts...) }

// Argmin is Argmin(a, opts...).
func (a *Array) Argmin(opts ...Option) *Array { return Argmin(a, opts...) }

// Nonzero returns the indices of the non-zero (true) elements of x, one
// int64 array per axis, in C order of the elements: x at (idx[0][i],
// idx[1][i], ...) is the i-th non-zero element. NaN is non-zero. A 0-d x is
// an error, as the standard asks (NumPy treats it as 1-d, deprecated).
func Nonzero(x *Array) []*Array {
	if len(x.shape) == 0 {
		panic(shapeErr("nonzero", "needs an array of at least one dimension, got shape", x.shape))
	}
	if !x.onHost() {
		dev := x.Device()
		ranOnCPU("Nonzero", dev, "nonzero")
		return toDevice(dev, Nonzero(x.hosted())...)
	}
	flags := lanesOf(x.hostData()).nonzero()
	count := 0
	for _, f := range flags {
		if f {
			count++
		}
	}
	nd := len(x.shape)
	idx := make([][]int64, nd)
	for k := range idx {
		idx[k] = make([]int64, 0, count)
	}
	pos := make([]int64, nd)
	for _, f := range flags {
		if f {
			for k := range idx {
				idx[k] = append(idx[k], pos[k])
			}
		}
		for k := nd - 1; k >= 0; k-- {
			pos[k]++
			if pos[k] < int64(x.shape[k]) {
				break
			}
			pos[k] = 0
		}
	}
	out := make([]*Array, nd)
	for k := range out {
		out[k] = FromSlice(idx[k]).onDevice(x.Device())
	}
	return out
}

// Nonzero is Nonzero(a).
func (a *Array) Nonzero() []*Array { return Nonzero(a) }

// Where returns x where cond is true and y elsewhere. cond (converted to
// bool: non-zero is true), x and y broadcast together; x and y are arrays
// or Go numbers (weak scalars) and promote as in Add. With cond alone,
// NumPy's where is Nonzero.
func Where(cond *Array, x, y any) *Array {
	if cond == nil {
		panic(valueErr("where", "nil condition"))
	}
	if dev := offHost("where", cond, arrayOf(x), arrayOf(y)); dev != nil {
		ranOnCPU("Where", dev, "where")
		return Where(cond.hosted(), hostedAny(x), hostedAny(y)).To(dev)
	}
	a, b, dt := binaryOperands("where", x, y)
	shp, err := shape.Broadcast(cond.shape, a.shape, b.shape)
	if err != nil {
		panic(shapeErr("where", "operands could not be broadcast together with shapes", cond.shape, a.shape, b.shape))
	}
	for _, o := range []*Array{a, b} {
		if o.Device() != cond.Device() {
			panic(&DeviceError{Op: "where", Msg: fmt.Sprintf("the arrays are on different devices (%s and %s); move one with To", cond.Device().Name(), o.Device().Name())})
		}
	}
	keep := BroadcastTo(cond.Astype(Bool), shp...).hostData().([]bool)
	data := BroadcastTo(a.Astype(dt), shp...).hostData()
	other := BroadcastTo(b.Astype(dt), shp...).hostData()
	lanesOf(data).selectFrom(other, keep)
	return shaped(data, shp).onDevice(cond.Device())
}

// Searchsorted returns the int64 indices at which the values in x2 (an
// array or a Go number) would be inserted into the sorted 1-d array x1 to
// keep it sorted: for Side("left") (the default) the first suitable index,
// for Side("right") the last. Sorter(idx) gives indices that sort x1 when
// x1 itself is not sorted. x1 and x2 promote to a common dtype; the order
// is Sort's (NaNs last). The result has x2's shape.
func Searchsorted(x1 *Array, x2 any, opts ...Option) *Array {
	c := configure(opts)
	if len(x1.shape) != 1 {
		panic(shapeErr("searchsorted", "x1 must be 1-d; got shape", x1.shape))
	}
	right := false
	switch c.side {
	case "", "left":
	case "right":
		right = true
	default:
		panic(valueErr("searchsorted", "side must be \"left\" or \"right\", got %q", c.side))
	}
	indexDevices("searchsorted", x1, c.sorter) // indices into x1, as Take's
	if dev := offHost("searchsorted", x1, arrayOf(x2)); dev != nil {
		ranOnCPU("Searchsorted", dev, "searching")
		if c.sorter != nil {
			opts = append(opts[:len(opts):len(opts)], Sorter(c.sorter.hosted()))
		}
		return Searchsorted(x1.hosted(), hostedAny(x2), opts...).To(dev)
	}
	a, v, dt := binaryOperands("searchsorted", x1, x2)
	var sorter []int64
	if c.sorter != nil {
		s := c.sorter
		if !s.dt.IsInteger() {
			panic(dtypeErr("searchsorted", "sorter must hold integers", s.dt))
		}
		if !shape.Shape(s.shape).Equal(a.shape) {
			panic(shapeErr("searchsorted", "sorter must have the shape of x1", s.shape, a.shape))
		}
		sorter = s.Int64s()
		for _, i := range sorter {
			if i < 0 || i >= int64(a.shape[0]) {
				panic(valueErr("searchsorted", "sorter index %d out of range for x1 of length %d", i, a.shape[0]))
			}
		}
	}
	sorted := a.Astype(dt).hostData()
	vals := v.Astype(dt).hostData()
	idx := lanesOf(sorted).searchsorted(vals, sorter, right)
	return shaped(idx, v.shape).onDevice(x1.Device())
}

// Searchsorted is Searchsorted(a, v, opts...).
func (a *Array) Searchsorted(v any, opts ...Option) *Array { return Searchsorted(a, v, opts...) }

// CountNonzero counts the non-zero (true) elements over the axes given by
// Axis (all by default), as an int64 array. NaN is non-zero. Options: Axis,
// Keepdims.
func CountNonzero(x *Array, opts ...Option) *Array {
	c := configure(opts)
	kc := *c
	kc.dtype = dtype.Invalid
	return Sum(x.Astype(Bool), func(cc *config) { *cc = kc })
}
