package arrays

import (
	"fmt"

	"workbench/arrays/dtype"
	"workbench/arrays/shape"
)

// Reshape returns x with a new shape of the same size; one length may be -1
// and is then inferred. The result is a view when x is C-contiguous, and a
// copy otherwise.
func Reshape(x *Array, dims ...int) *Array {
	shp := inferShape(x, dims)
	if x.IsContiguous() {
		return x.withView(shp, shape.ContiguousStrides(shp), x.offset)
	}
	if st, ok := reshapeStrides(x.shape, x.strides, shp); ok {
		return x.withView(shp, st, x.offset)
	}
	c := Copy(x)
	return c.withView(shp, shape.ContiguousStrides(shp), 0)
}

// Reshape returns a with a new shape (see the function Reshape).
func (a *Array) Reshape(dims ...int) *Array { return Reshape(a, dims...) }

func inferShape(x *Array, dims []int) []int {
	shp := append([]int{}, dims...)
	unknown := -1
	known := 1
	for i, d := range shp {
		switch {
		case d == -1 && unknown >= 0:
			panic(shapeErr("reshape", "can only specify one unknown dimension", dims))
		case d == -1:
			unknown = i
		case d < 0:
			panic(shapeErr("reshape", "negative dimensions are not allowed", dims))
		default:
			known *= d
		}
	}
	size := x.Size()
	if unknown >= 0 {
		if known == 0 || size%known != 0 {
			panic(shapeErr("reshape", fmt.Sprintf("cannot reshape array of size %d into shape", size), dims))
		}
		shp[unknown] = size / known
	} else if known != size {
		panic(shapeErr("reshape", fmt.Sprintf("cannot reshape array of size %d into shape", size), dims))
	}
	return shp
}

// reshapeStrides finds strides that show a strided array with a new shape
// without copying, when they exist (NumPy's _attempt_nocopy_reshape).
func reshapeStrides(old, oldSt, shp []int) ([]int, bool) {
	// Drop axes of length 1 from the old shape.
	var os, ost []int
	for i, d := range old {
		if d != 1 {
			os = append(os, d)
			ost = append(ost, oldSt[i])
		}
	}
	st := make([]int, len(shp))
	oi, oj, ni, nj := 0, 1, 0, 1
	for ni < len(shp) && oi < len(os) {
		np, op := shp[ni], os[oi]
		for np != op {
			if np < op {
				np *= shp[nj]
				nj++
			} else {
				op *= os[oj]
				oj++
			}
		}
		for k := oi; k < oj-1; k++ {
			if ost[k] != os[k+1]*ost[k+1] {
				return nil, false
			}
		}
		st[nj-1] = ost[oj-1]
		for k := nj - 1; k > ni; k-- {
			st[k-1] = st[k] * shp[k]
		}
		ni, nj = nj, nj+1
		oi, oj = oj, oj+1
	}
	// Trailing axes of length 1.
	last := 1
	if ni > 0 {
		last = st[ni-1]
	}
	for k := ni; k < len(shp); k++ {
		st[k] = last
	}
	return st, true
}

// PermuteDims returns a view of x with its axes in the order given.
func PermuteDims(x *Array, axes ...int) *Array {
	if len(axes) != len(x.shape) {
		panic(shapeErr("permute_dims", fmt.Sprintf("axes %v do not match an array of shape", axes), x.shape))
	}
	norm, err := shape.NormalizeAxes(axes, len(x.shape))
	if err != nil {
		panic(shapeErr("permute_dims", fmt.Sprintf("axes %v: %v; array shape", axes, err), x.shape))
	}
	shp := make([]int, len(axes))
	st := make([]int, len(axes))
	for i, ax := range norm {
		shp[i], st[i] = x.shape[ax], x.strides[ax]
	}
	return x.withView(shp, st, x.offset)
}

// MatrixTranspose swaps the last two axes of x (a view); x needs at least two.
func MatrixTranspose(x *Array) *Array {
	n := len(x.shape)
	if n < 2 {
		panic(shapeErr("matrix_transpose", "needs an array of at least two dimensions, got shape", x.shape))
	}
	axes := make([]int, n)
	for i := range axes {
		axes[i] = i
	}
	axes[n-2], axes[n-1] = n-1, n-2
	return PermuteDims(x, axes...)
}

// T returns the matrix transpose of a (its last two axes swapped), a view.
func (a *Array) T() *Array { return MatrixTranspose(a) }

// ExpandDims returns a view of x with a new axis of length 1 at each
// position of axis and axes (positions in the result, which may be
// negative, counting from its end; as the standard's expand_dims with a
// tuple of axes since v2025.12).
func ExpandDims(x *Array, axis int, axes ...int) *Array {
	all := append([]int{axis}, axes...)
	n := len(x.shape) + len(all)
	added := make([]bool, n)
	for _, a := range all {
		ax, err := shape.NormalizeAxis(a, n)
		if err != nil {
			panic(shapeErr("expand_dims", fmt.Sprintf("axis %d is out of range for a result of %d dimensions, expanding shape", a, n), x.shape))
		}
		if added[ax] {
			panic(shapeErr("expand_dims", fmt.Sprintf("axis %d is repeated (positions %v), expanding shape", a, all), x.shape))
		}
		added[ax] = true
	}
	shp := make([]int, 0, n)
	st := make([]int, 0, n)
	k := 0
	for i := range n {
		if added[i] {
			shp, st = append(shp, 1), append(st, 0)
			continue
		}
		shp, st = append(shp, x.shape[k]), append(st, x.strides[k])
		k++
	}
	return x.withView(shp, st, x.offset)
}

// Squeeze returns a view of x without the given axes, which must have length
// 1; with no axes, without every axis of length 1.
func Squeeze(x *Array, axes ...int) *Array {
	drop := make([]bool, len(x.shape))
	if len(axes) == 0 {
		for i, d := range x.shape {
			drop[i] = d == 1
		}
	} else {
		norm, err := shape.NormalizeAxes(axes, len(x.shape))
		if err != nil {
			panic(shapeErr("squeeze", fmt.Sprintf("axes %v: %v; array shape", axes, err), x.shape))
		}
		for _, ax := range norm {
			if x.shape[ax] != 1 {
				panic(shapeErr("squeeze", fmt.Sprintf("cannot select an axis to squeeze out which has size not equal to one (axis %d)", ax), x.shape))
			}
			drop[ax] = true
		}
	}
	shp, st := []int{}, []int{}
	for i, d := range x.shape {
		if !drop[i] {
			shp = append(shp, d)
			st = append(st, x.strides[i])
		}
	}
	return x.withView(shp, st, x.offset)
}

// BroadcastTo returns a read-only-in-spirit view of x with the given shape,
// repeating x along stretched axes without copying.
func BroadcastTo(x *Array, dims ...int) *Array {
	st, err := shape.BroadcastStrides(x.shape, x.strides, dims)
	if err != nil {
		panic(shapeErr("broadcast_to", "cannot broadcast an array of shape", x.shape, dims))
	}
	return x.withView(append([]int{}, dims...), st, x.offset)
}

// Concat joins arrays along an existing axis (Axis(k), default 0). Their
// shapes must match on every other axis; the dtype is the promoted one.
func Concat(xs []*Array, opts ...Option) *Array {
	if len(xs) == 0 {
		panic(valueErr("concat", "need at least one array to concatenate"))
	}
	c := configure(opts)
	axis := 0
	if c.hasAxis {
		if len(c.axes) != 1 {
			panic(valueErr("concat", "give one axis, got %v", c.axes))
		}
		axis = c.axes[0]
	}
	first := xs[0]
	if len(first.shape) == 0 {
		panic(shapeErr("concat", "zero-dimensional arrays cannot be concatenated", first.shape))
	}
	ax, err := shape.NormalizeAxis(axis, len(first.shape))
	if err != nil {
		panic(shapeErr("concat", err.Error()+"; first array has shape", first.shape))
	}
	dts := make([]DType, len(xs))
	total := 0
	for i, x := range xs {
		dts[i] = x.dt
		bad := len(x.shape) != len(first.shape)
		for k := 0; !bad && k < len(x.shape); k++ {
			bad = k != ax && x.shape[k] != first.shape[k]
		}
		if bad {
			panic(shapeErr("concat", fmt.Sprintf("all dimensions except axis %d must match, but array %d differs", ax, i), first.shape, x.shape))
		}
		if x.Device() != first.Device() {
			panic(&DeviceError{Op: "concat", Msg: fmt.Sprintf("array %d is on %s, array 0 on %s", i, x.Device().Name(), first.Device().Name())})
		}
		total += x.shape[ax]
	}
	dt, err := dtype.ResultOf(dts...)
	if err != nil {
		panic(dtypeErr("concat", "no common dtype", dts...))
	}
	shp := append([]int{}, first.shape...)
	shp[ax] = total
	out := allocOut(first.Device(), c.dtypeOr(dt), shp)
	pos := 0
	for _, x := range xs {
		n := x.shape[ax]
		dst := out.Index(spanOnAxis(ax, pos, pos+n)...)
		dev := out.Device()
		if err := tryDevice("concat", dev, func() error { return dev.Copy(dst.view(), x.view()) }); err != nil {
			dst.Assign(x) // converts on the CPU, with a notice
		}
		pos += n
	}
	return out
}

func spanOnAxis(axis, start, stop int) []any {
	idx := make([]any, axis+1)
	for i := 0; i < axis; i++ {
		idx[i] = Slice()
	}
	idx[axis] = Slice(start, stop)
	return idx
}

// Stack joins arrays of one shape along a new axis (Axis(k), default 0).
func Stack(xs []*Array, opts ...Option) *Array {
	if len(xs) == 0 {
		panic(valueErr("stack", "need at least one array to stack"))
	}
	c := configure(opts)
	axis := 0
	if c.hasAxis {
		if len(c.axes) != 1 {
			panic(valueErr("stack", "give one axis, got %v", c.axes))
		}
		axis = c.axes[0]
	}
	ax, err := shape.NormalizeAxis(axis, len(xs[0].shape)+1)
	if err != nil {
		panic(shapeErr("stack", err.Error()+"; arrays have shape", xs[0].shape))
	}
	ex := make([]*Array, len(xs))
	for i, x := range xs {
		if !shape.Shape(x.shape).Equal(xs[0].shape) {
			panic(shapeErr("stack", fmt.Sprintf("all input arrays must have the same shape, but array %d differs", i), xs[0].shape, x.shape))
		}
		ex[i] = ExpandDims(x, ax)
	}
	return Concat(ex, append(opts, Axis(ax))...)
}
