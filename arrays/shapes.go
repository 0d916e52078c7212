package arrays

import (
	"fmt"
	"reflect"
	"slices"

	"workbench/arrays/shape"
	"workbench/devices"
)

// This file holds the shape functions beyond manip.go's: Ravel, Flip, Roll,
// Split, ArraySplit, Unstack, Tile, Repeat, BroadcastArrays,
// BroadcastShapes, Moveaxis, Swapaxes, Meshgrid, Tril, Triu and
// Atleast1d/2d/3d (Pad is in pad.go). They follow NumPy; those that NumPy answers with views return
// views here too, sharing memory with their input.

// intsArg reads an integer or a list of integers given as a Go value: an
// int (of any size), a []int, []int64 or []int32, or an integer array of at
// most one axis. scalar says whether it was a single integer.
func intsArg(op, what string, v any) (vals []int, scalar bool) {
	switch x := v.(type) {
	case []int:
		return append([]int{}, x...), false
	case []int64:
		out := make([]int, len(x))
		for i, e := range x {
			out[i] = int(e)
		}
		return out, false
	case []int32:
		out := make([]int, len(x))
		for i, e := range x {
			out[i] = int(e)
		}
		return out, false
	case *Array:
		if x == nil {
			panic(valueErr(op, "%s: nil array", what))
		}
		if !x.dt.IsInteger() && !x.dt.IsBool() {
			panic(dtypeErr(op, what+" must be integers, got an array of", x.dt))
		}
		if x.Ndim() > 1 {
			panic(shapeErr(op, what+" must be an integer or a 1-d array of integers, got an array of shape", x.shape))
		}
		vals := x.Int64s()
		out := make([]int, len(vals))
		for i, e := range vals {
			out[i] = int(e)
		}
		return out, x.Ndim() == 0
	case nil:
		panic(valueErr(op, "%s: want an integer or a list of integers, got nil", what))
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return []int{int(rv.Int())}, true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return []int{int(rv.Uint())}, true
	case reflect.Slice, reflect.Array:
		out := make([]int, rv.Len())
		for i := range out {
			e := rv.Index(i)
			switch e.Kind() {
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
				out[i] = int(e.Int())
			case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
				out[i] = int(e.Uint())
			default:
				panic(valueErr(op, "%s: want integers, got %T", what, v))
			}
		}
		return out, false
	}
	panic(valueErr(op, "%s: want an integer or a list of integers, got %T", what, v))
}

// axisView returns the view of a that keeps count elements along axis,
// starting at index first and stepping by step (negative to go backwards).
// The caller checks the range.
func axisView(a *Array, axis, first, count, step int) *Array {
	shp := append([]int{}, a.shape...)
	st := append([]int{}, a.strides...)
	off := a.offset
	if count > 0 {
		off += first * a.strides[axis]
	}
	shp[axis] = count
	st[axis] = a.strides[axis] * step
	return a.withView(shp, st, off)
}

// copyInto copies src (broadcast to dst's shape, converted to its dtype)
// into dst. The two must not overlap in memory. A conversion that dst's
// device does not implement runs on the CPU, after the notice.
func copyInto(op string, dst, src *Array) {
	if src.Device() != dst.Device() {
		src = src.To(dst.Device())
	}
	dev := dst.Device()
	err := tryDevice(op, dev, func() error { return dev.Copy(dst.view(), broadcastView(src, dst.shape)) })
	if err != nil && src.dt != dst.dt {
		// Convert on the CPU, then copy without conversion (which every
		// device does).
		ranOnCPU(op, dev, fmt.Sprintf("conversion from %v to %v", src.dt, dst.dt))
		src = src.hosted().Astype(dst.dt).To(dev)
		err = dev.Copy(dst.view(), broadcastView(src, dst.shape))
	}
	check(op, err)
}

// Ravel returns the elements of x in C order as a 1-d array: a view when
// Reshape can give one (x contiguous, or strided in a way that a single
// stride covers), and a copy otherwise. A 0-d array gives shape (1,).
func Ravel(x *Array) *Array { return Reshape(x, -1) }

// Ravel returns a's elements as a 1-d array (see the function Ravel).
func (a *Array) Ravel() *Array { return Ravel(a) }

// Flatten returns a 1-d copy of a's elements in C order (NumPy's
// ndarray.flatten); it never shares memory with a.
func (a *Array) Flatten() *Array { return Copy(a).Reshape(-1) }

// Flip reverses the order of the elements along the axes given by Axis (all
// of them by default). The result is a view with negative strides.
func Flip(x *Array, opts ...Option) *Array {
	c := configure(opts)
	axes := make([]int, len(x.shape))
	for i := range axes {
		axes[i] = i
	}
	if c.hasAxis {
		var err error
		if axes, err = shape.NormalizeAxes(c.axes, len(x.shape)); err != nil {
			panic(shapeErr("flip", fmt.Sprintf("axes %v: %v; array shape", c.axes, err), x.shape))
		}
	}
	st := append([]int{}, x.strides...)
	off := x.offset
	for _, ax := range axes {
		if n := x.shape[ax]; n > 0 {
			off += (n - 1) * x.strides[ax]
		}
		st[ax] = -st[ax]
	}
	return x.withView(append([]int{}, x.shape...), st, off)
}

// Roll shifts the elements of x along axes, those that fall off one end
// coming back at the other. shift is an int or a list of ints; with Axis
// (one or several axes) shift and axes pair up, a single value of either
// going with every value of the other (NumPy's broadcasting), and shifts of
// an axis that appears twice add up. Without Axis, x is rolled as if
// flattened and then given its shape back. The result is a new array.
func Roll(x *Array, shift any, opts ...Option) *Array {
	shifts, _ := intsArg("roll", "shift", shift)
	c := configure(opts)
	if !c.hasAxis {
		total := 0
		for _, s := range shifts {
			total += s
		}
		flat := Ravel(x)
		return Reshape(rollAxes(flat, []int{total}), x.shape...)
	}
	axes := c.axes
	switch {
	case len(shifts) == len(axes):
	case len(shifts) == 1:
		shifts = slices.Repeat(shifts, len(axes))
	case len(axes) == 1:
		axes = slices.Repeat(axes, len(shifts))
	default:
		panic(valueErr("roll", "shift %v and axis %v cannot be paired: give as many shifts as axes, or one of either", shifts, axes))
	}
	per := make([]int, len(x.shape))
	for i, a := range axes {
		ax, err := shape.NormalizeAxis(a, len(x.shape))
		if err != nil {
			panic(shapeErr("roll", err.Error()+"; array shape", x.shape))
		}
		per[ax] += shifts[i]
	}
	return rollAxes(x, per)
}

// rollAxes rolls x by shift[i] along each axis i, copying at most two
// blocks per rolled axis.
func rollAxes(x *Array, shift []int) *Array {
	out := allocOut(x.Device(), x.dt, x.shape)
	if out.Size() == 0 {
		return out
	}
	// Per axis, the blocks: (source start, destination start, length).
	type block struct{ src, dst, n int }
	blocks := make([][]block, len(x.shape))
	for ax, n := range x.shape {
		s := shift[ax] % n
		if s < 0 {
			s += n
		}
		if s == 0 {
			blocks[ax] = []block{{0, 0, n}}
		} else {
			blocks[ax] = []block{{n - s, 0, s}, {0, s, n - s}}
		}
	}
	pick := make([]int, len(x.shape))
	for {
		src, dst := x, out
		for ax, b := range pick {
			bl := blocks[ax][b]
			src = axisView(src, ax, bl.src, bl.n, 1)
			dst = axisView(dst, ax, bl.dst, bl.n, 1)
		}
		copyInto("roll", dst, src)
		// The next combination of blocks.
		ax := len(pick) - 1
		for ; ax >= 0; ax-- {
			pick[ax]++
			if pick[ax] < len(blocks[ax]) {
				break
			}
			pick[ax] = 0
		}
		if ax < 0 {
			return out
		}
	}
}

// Split divides x into views along an axis (Axis(k), default 0). sections
// is either an int, the number of equal parts (an error unless it divides
// the axis' length), or a list of ints, the indices at which to cut, as in
// NumPy: []int{2, 3} gives x[:2], x[2:3] and x[3:] (indices past the end
// give empty parts; negative ones count from the end).
func Split(x *Array, sections any, opts ...Option) []*Array {
	return split("split", x, sections, false, opts)
}

// ArraySplit is Split that allows a number of parts that does not divide
// the axis' length (NumPy's array_split): the first len % n parts are one
// element longer than the others.
func ArraySplit(x *Array, sections any, opts ...Option) []*Array {
	return split("array_split", x, sections, true, opts)
}

func split(op string, x *Array, sections any, unequal bool, opts []Option) []*Array {
	c := configure(opts)
	if len(x.shape) == 0 {
		panic(shapeErr(op, "cannot split a 0-d array; its shape is", x.shape))
	}
	ax := oneAxis(op, x, c, 0)
	n := x.shape[ax]
	vals, scalar := intsArg(op, "sections", sections)
	var cuts []int // the start of each part after the first
	if scalar {
		parts := vals[0]
		if parts <= 0 {
			panic(valueErr(op, "number of sections must be larger than 0, got %d", parts))
		}
		if !unequal && n%parts != 0 {
			panic(shapeErr(op, fmt.Sprintf("%d sections do not divide axis %d of length %d equally; shape", parts, ax, n), x.shape))
		}
		each, extra := n/parts, n%parts
		pos := 0
		for i := 0; i < parts-1; i++ {
			pos += each
			if i < extra {
				pos++
			}
			cuts = append(cuts, pos)
		}
	} else {
		cuts = vals
	}
	out := make([]*Array, 0, len(cuts)+1)
	for i := 0; i <= len(cuts); i++ {
		sp := Span{Step: 1}
		if i > 0 {
			sp.Start, sp.HasStart = cuts[i-1], true
		}
		if i < len(cuts) {
			sp.Stop, sp.HasStop = cuts[i], true
		}
		start, _, length := sp.indices(n)
		out = append(out, axisView(x, ax, start, length, 1))
	}
	return out
}

// Unstack splits x along an axis (Axis(k), default 0) into the views
// x[i] along it, each without that axis (the inverse of Stack).
func Unstack(x *Array, opts ...Option) []*Array {
	c := configure(opts)
	if len(x.shape) == 0 {
		panic(shapeErr("unstack", "cannot unstack a 0-d array; its shape is", x.shape))
	}
	ax := oneAxis("unstack", x, c, 0)
	shp := slices.Delete(append([]int{}, x.shape...), ax, ax+1)
	st := slices.Delete(append([]int{}, x.strides...), ax, ax+1)
	out := make([]*Array, x.shape[ax])
	for i := range out {
		out[i] = x.withView(append([]int{}, shp...), append([]int{}, st...), x.offset+i*x.strides[ax])
	}
	return out
}

// Tile repeats x reps[i] times along axis i. With fewer reps than axes, the
// reps apply to the last axes; with more, x gains leading axes of length 1
// (NumPy's tile). The result is a new array.
func Tile(x *Array, reps ...int) *Array {
	for _, r := range reps {
		if r < 0 {
			panic(valueErr("tile", "negative repetitions are not allowed, got %v", reps))
		}
	}
	d := max(len(reps), len(x.shape))
	r := append(slices.Repeat([]int{1}, d-len(reps)), reps...)
	xs := append(slices.Repeat([]int{1}, d-len(x.shape)), x.shape...)
	xst := append(make([]int, d-len(x.shape)), x.strides...)
	big := make([]int, 2*d)
	bigSt := make([]int, 2*d)
	final := make([]int, d)
	for i := 0; i < d; i++ {
		big[2*i], big[2*i+1] = r[i], xs[i]
		bigSt[2*i], bigSt[2*i+1] = 0, xst[i]
		final[i] = r[i] * xs[i]
	}
	out := allocOut(x.Device(), x.dt, big)
	if out.Size() > 0 {
		copyInto("tile", out, x.withView(big, bigSt, x.offset))
	}
	return out.withView(final, shape.ContiguousStrides(final), 0)
}

// Repeat repeats each element of x along an axis (Axis(k); without it x is
// flattened first). repeats is an int, the same count for every element,
// or per-element counts: a []int or an integer array as long as the axis
// (or of length 1). Counts must not be negative. A 0-d x counts as 1-d.
// The result is a new array.
func Repeat(x *Array, repeats any, opts ...Option) *Array {
	c := configure(opts)
	counts, scalar := intsArg("repeat", "repeats", repeats)
	if !c.hasAxis || len(x.shape) == 0 {
		x = Ravel(x)
	}
	ax := oneAxis("repeat", x, c, 0)
	n := x.shape[ax]
	for _, k := range counts {
		if k < 0 {
			panic(valueErr("repeat", "repeats may not contain negative values, got %v", counts))
		}
	}
	if scalar || len(counts) == 1 {
		k := counts[0]
		// View x with a stretched axis after ax, copy, and merge the two.
		shp := slices.Insert(append([]int{}, x.shape...), ax+1, k)
		st := slices.Insert(append([]int{}, x.strides...), ax+1, 0)
		out := allocOut(x.Device(), x.dt, shp)
		if out.Size() > 0 {
			copyInto("repeat", out, x.withView(shp, st, x.offset))
		}
		final := append([]int{}, x.shape...)
		final[ax] = n * k
		return out.withView(final, shape.ContiguousStrides(final), 0)
	}
	if len(counts) != n {
		panic(shapeErr("repeat", fmt.Sprintf("%d repeats do not match axis %d of length %d; shape", len(counts), ax, n), x.shape))
	}
	var idx []int
	for i, k := range counts {
		for j := 0; j < k; j++ {
			idx = append(idx, i)
		}
	}
	if !x.onHost() {
		dev := x.Device()
		ranOnCPU("Repeat", dev, "repeating by counts")
		return takeAxis(x.hosted(), ax, idx).To(dev)
	}
	return takeAxis(x, ax, idx)
}

// Repeat repeats a's elements (see the function Repeat).
func (a *Array) Repeat(repeats any, opts ...Option) *Array { return Repeat(a, repeats, opts...) }

// takeAxis returns the elements of x at the indices idx (in range) along
// axis, gathered on the host.
func takeAxis(x *Array, axis int, idx []int) *Array {
	shp := append([]int{}, x.shape...)
	shp[axis] = len(idx)
	outer := shape.Shape(x.shape[:axis]).Size()
	inner := shape.Shape(x.shape[axis+1:]).Size()
	src := x.hostData()
	dst, err := devices.MakeSlice(x.dt, shape.Shape(shp).Size())
	check("take", err)
	gatherAny(dst, src, outer, x.shape[axis], inner, idx)
	return shaped(dst, shp).onDevice(x.Device())
}

func gatherAny(dst, src any, outer, n, inner int, idx []int) {
	switch d := dst.(type) {
	case []bool:
		gather(d, src.([]bool), outer, n, inner, idx)
	case []int8:
		gather(d, src.([]int8), outer, n, inner, idx)
	case []int16:
		gather(d, src.([]int16), outer, n, inner, idx)
	case []int32:
		gather(d, src.([]int32), outer, n, inner, idx)
	case []int64:
		gather(d, src.([]int64), outer, n, inner, idx)
	case []uint8:
		gather(d, src.([]uint8), outer, n, inner, idx)
	case []uint16:
		gather(d, src.([]uint16), outer, n, inner, idx)
	case []uint32:
		gather(d, src.([]uint32), outer, n, inner, idx)
	case []uint64:
		gather(d, src.([]uint64), outer, n, inner, idx)
	case []float32:
		gather(d, src.([]float32), outer, n, inner, idx)
	case []float64:
		gather(d, src.([]float64), outer, n, inner, idx)
	case []complex64:
		gather(d, src.([]complex64), outer, n, inner, idx)
	case []complex128:
		gather(d, src.([]complex128), outer, n, inner, idx)
	default:
		panic(fmt.Sprintf("gather: unexpected %T", dst))
	}
}

// gather copies, for each of outer blocks of n*inner elements of src, the
// inner-long rows at idx into dst.
func gather[T any](dst, src []T, outer, n, inner int, idx []int) {
	m := len(idx)
	for o := 0; o < outer; o++ {
		for j, i := range idx {
			d := (o*m + j) * inner
			s := (o*n + i) * inner
			copy(dst[d:d+inner], src[s:s+inner])
		}
	}
}

// BroadcastArrays broadcasts arrays against one another: it returns views
// of them all with the broadcast shape (see BroadcastTo).
func BroadcastArrays(xs ...*Array) []*Array {
	shapes := make([]shape.Shape, len(xs))
	raw := make([][]int, len(xs))
	for i, x := range xs {
		if x == nil {
			panic(valueErr("broadcast_arrays", "array %d is nil", i))
		}
		shapes[i], raw[i] = x.shape, x.shape
	}
	shp, err := shape.Broadcast(shapes...)
	if err != nil {
		panic(shapeErr("broadcast_arrays", broadcastMsg(err), raw...))
	}
	out := make([]*Array, len(xs))
	for i, x := range xs {
		out[i] = BroadcastTo(x, shp...)
	}
	return out
}

// BroadcastShapes returns the shape that arrays of the given shapes
// broadcast to. It panics with a *ShapeError naming them when they do not
// broadcast together.
func BroadcastShapes(shapes ...[]int) []int {
	ss := make([]shape.Shape, len(shapes))
	for i, s := range shapes {
		for _, d := range s {
			if d < 0 {
				panic(shapeErr("broadcast_shapes", "negative dimensions are not allowed", s))
			}
		}
		ss[i] = s
	}
	shp, err := shape.Broadcast(ss...)
	if err != nil {
		panic(shapeErr("broadcast_shapes", broadcastMsg(err), shapes...))
	}
	return []int(shp)
}

func broadcastMsg(err error) string {
	if se, ok := err.(*shape.Error); ok {
		return se.Msg
	}
	return err.Error()
}

// Moveaxis moves axes of x to new positions, the others keeping their
// order (a view). source and destination are ints or lists of ints of the
// same length; negative axes count from the end.
func Moveaxis(x *Array, source, destination any) *Array {
	src, _ := intsArg("moveaxis", "source", source)
	dst, _ := intsArg("moveaxis", "destination", destination)
	nd := len(x.shape)
	s, err := shape.NormalizeAxes(src, nd)
	if err != nil {
		panic(shapeErr("moveaxis", fmt.Sprintf("source %v: %v; array shape", src, err), x.shape))
	}
	d, err := shape.NormalizeAxes(dst, nd)
	if err != nil {
		panic(shapeErr("moveaxis", fmt.Sprintf("destination %v: %v; array shape", dst, err), x.shape))
	}
	if len(s) != len(d) {
		panic(valueErr("moveaxis", "source %v and destination %v must have the same number of elements", src, dst))
	}
	moved := make([]bool, nd)
	for _, a := range s {
		moved[a] = true
	}
	var order []int
	for a := 0; a < nd; a++ {
		if !moved[a] {
			order = append(order, a)
		}
	}
	// Insert the moved axes at their destinations, lowest first.
	pairs := make([][2]int, len(s))
	for i := range s {
		pairs[i] = [2]int{d[i], s[i]}
	}
	slices.SortFunc(pairs, func(a, b [2]int) int { return a[0] - b[0] })
	for _, p := range pairs {
		order = slices.Insert(order, p[0], p[1])
	}
	return PermuteDims(x, order...)
}

// Swapaxes interchanges two axes of x (a view; NumPy's swapaxes).
func Swapaxes(x *Array, axis1, axis2 int) *Array {
	nd := len(x.shape)
	a, err := shape.NormalizeAxis(axis1, nd)
	if err == nil {
		axis1 = a
		a, err = shape.NormalizeAxis(axis2, nd)
		axis2 = a
	}
	if err != nil {
		panic(shapeErr("swapaxes", err.Error()+"; array shape", x.shape))
	}
	order := make([]int, nd)
	for i := range order {
		order[i] = i
	}
	order[axis1], order[axis2] = axis2, axis1
	return PermuteDims(x, order...)
}

// Meshgrid returns coordinate arrays from 1-d coordinate vectors: for n
// inputs of lengths N1, ..., Nn, n arrays of shape (N2, N1, N3, ..., Nn)
// with Indexing("xy") (the default, as in NumPy and the array API
// standard), or (N1, N2, ..., Nn) with Indexing("ij"); array i holds input
// i's values along its own axis. Each result keeps its input's dtype and
// is a new array. Inputs with more than one axis are flattened, as NumPy
// does.
func Meshgrid(xs []*Array, opts ...Option) []*Array {
	c := configure(opts)
	xy := true
	switch c.indexing {
	case "", "xy":
	case "ij":
		xy = false
	default:
		panic(valueErr("meshgrid", "indexing must be \"xy\" or \"ij\", got %q", c.indexing))
	}
	n := len(xs)
	flat := make([]*Array, n)
	shp := make([]int, n)
	for i, x := range xs {
		if x == nil {
			panic(valueErr("meshgrid", "array %d is nil", i))
		}
		flat[i] = Ravel(x)
		shp[i] = flat[i].shape[0]
	}
	sameDevice("meshgrid", xs...)
	if xy && n > 1 {
		shp[0], shp[1] = shp[1], shp[0]
	}
	out := make([]*Array, n)
	for i, f := range flat {
		ax := i
		if xy && n > 1 && i < 2 {
			ax = 1 - i
		}
		st := make([]int, n)
		st[ax] = f.strides[0]
		out[i] = Copy(f.withView(append([]int{}, shp...), st, f.offset))
	}
	return out
}

// Tril returns x with the elements above the kth diagonal of its last two
// axes set to zero: k = 0 (the default) keeps the main diagonal and below,
// k > 0 diagonals above it too, k < 0 fewer. x is a matrix or a stack of
// matrices (at least two axes, as the array API standard requires). The
// result is a new array of x's dtype.
func Tril(x *Array, k ...int) *Array { return triangle("tril", x, k, true) }

// Triu returns x with the elements below the kth diagonal of its last two
// axes set to zero (see Tril).
func Triu(x *Array, k ...int) *Array { return triangle("triu", x, k, false) }

func triangle(op string, x *Array, k []int, lower bool) *Array {
	if len(k) > 1 {
		panic(valueErr(op, "give at most one diagonal offset k, got %v", k))
	}
	diag := 0
	if len(k) == 1 {
		diag = k[0]
	}
	nd := len(x.shape)
	if nd < 2 {
		panic(shapeErr(op, "needs an array of at least two dimensions (a matrix or a stack of them), got shape", x.shape))
	}
	rows, cols := x.shape[nd-2], x.shape[nd-1]
	keep := make([]bool, rows*cols)
	for i := 0; i < rows; i++ {
		for j := 0; j < cols; j++ {
			if lower {
				keep[i*cols+j] = j-i <= diag
			} else {
				keep[i*cols+j] = j-i >= diag
			}
		}
	}
	mask := FromSlice(keep, rows, cols).onDevice(x.Device())
	zero := alloc(x.Device(), x.dt, nil)
	return Where(mask, x, zero)
}

// Atleast1d returns x viewed with at least one axis: a 0-d array becomes
// shape (1,); others are returned as they are (NumPy's atleast_1d).
func Atleast1d(x *Array) *Array {
	if len(x.shape) == 0 {
		return x.withView([]int{1}, []int{0}, x.offset)
	}
	return x
}

// Atleast2d returns x viewed with at least two axes: shape () becomes
// (1, 1) and (n,) becomes (1, n) (NumPy's atleast_2d).
func Atleast2d(x *Array) *Array {
	for len(x.shape) < 2 {
		x = ExpandDims(x, 0)
	}
	return x
}

// Atleast3d returns x viewed with at least three axes: shape () becomes
// (1, 1, 1), (n,) becomes (1, n, 1) and (m, n) becomes (m, n, 1) (NumPy's
// atleast_3d).
func Atleast3d(x *Array) *Array {
	switch len(x.shape) {
	case 0:
		return x.withView([]int{1, 1, 1}, []int{0, 0, 0}, x.offset)
	case 1:
		return ExpandDims(ExpandDims(x, 0), 2)
	case 2:
		return ExpandDims(x, 2)
	}
	return x
}
