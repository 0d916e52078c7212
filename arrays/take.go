package arrays

// Take, TakeAlongAxis, Put, Compress and Extract: advanced indexing as
// functions, with NumPy's meanings.

import (
	"fmt"
	"math"
	"runtime"

	"workbench/arrays/shape"
)

// IndexMode says what Take and Put do with an index out of bounds, by
// NumPy's names: "raise" (the default) panics with an *IndexError, "wrap"
// wraps it around (Python's modulo: -1 is the last element, n the first),
// "clip" moves it to the nearest end (negative indices become 0: they do
// not count from the end in this mode).
func IndexMode(mode string) Option { return func(c *config) { c.indexMode = mode } }

// indexModeOf checks the IndexMode option of op.
func indexModeOf(op string, c *config) string {
	switch c.indexMode {
	case "", "raise":
		return "raise"
	case "wrap", "clip":
		return c.indexMode
	}
	panic(valueErr(op, "mode must be \"raise\", \"wrap\" or \"clip\", got %q", c.indexMode))
}

// indicesArg turns the indices argument of Take and Put into an integer
// array: an *Array of an integer dtype (bools count as 0 and 1, as NumPy
// casts them), a Go integer (a 0-d array) or Go slices of integers.
func indicesArg(op string, indices any) *Array {
	var a *Array
	switch v := indices.(type) {
	case *Array:
		if v == nil {
			panic(valueErr(op, "nil indices"))
		}
		a = v
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		a = Asarray(v)
	default:
		a = goIndexArray(indices)
	}
	if a.dt == Bool {
		a = a.Astype(Int64)
	}
	if !a.dt.IsInteger() {
		panic(&IndexError{Msg: fmt.Sprintf("%s: indices must be integers, got an array of %v", op, a.dt)})
	}
	return a
}

// checkHugeIndices panics when uint64 indices hold a value above
// MaxInt64: Take and Put read uint64 indices as the numbers they are, where
// indexing (as NumPy's cast to intp) would wrap them to negative ones.
// (NumPy's take and put refuse uint64 indices.)
func checkHugeIndices(idx *Array, axis, n int) {
	if idx.dt != Uint64 {
		return
	}
	for _, v := range idx.hostData().([]uint64) {
		if v > math.MaxInt64 {
			panic(&IndexError{Msg: fmt.Sprintf("index %d is out of bounds for axis %d with size %d", v, axis, n)})
		}
	}
}

// modeIndices applies mode "wrap" or "clip" to indices into an axis of
// length n: the result is an int64 array of indices in bounds.
func modeIndices(op string, idx *Array, n int, mode string) *Array {
	vals := idx.Astype(Int64).hostData().([]int64)
	if len(vals) > 0 && n == 0 {
		panic(&IndexError{Msg: fmt.Sprintf("%s: cannot do a non-empty take from an empty axis", op)})
	}
	if idx.dt == Uint64 {
		// Values above MaxInt64 read as negative int64: take them modulo n
		// as the unsigned numbers they are.
		u := idx.hostData().([]uint64)
		for i, x := range u {
			if x > 1<<63-1 {
				if mode == "clip" {
					vals[i] = int64(n - 1)
				} else {
					vals[i] = int64(x % uint64(n))
				}
			}
		}
	}
	for i, v := range vals {
		if mode == "clip" {
			vals[i] = max(0, min(int64(n-1), v))
		} else {
			vals[i] = ((v % int64(n)) + int64(n)) % int64(n)
		}
	}
	return shaped(vals, idx.shape)
}

// Take returns the elements of x at indices (an integer array, a Go int or
// Go slices of ints) along Axis(k): x.Index with indices at axis k, so
// that the result has the shape x.shape[:k] + indices.shape +
// x.shape[k+1:]. Without Axis it takes from the flattened x, as NumPy's
// take does (the array API standard asks for an axis when x has more than
// one dimension). Negative indices count from the end; IndexMode("wrap") or
// IndexMode("clip") changes what an index out of bounds does (by default it
// is an *IndexError). The result is a copy. Indices are on x's device or on
// the CPU; an array on another device panics with a *DeviceError.
//
// uint64 indices count as the numbers they are here (NumPy's take refuses
// them), while indexing, as NumPy's, casts them to int64.
func Take(x *Array, indices any, opts ...Option) *Array {
	c := configure(opts)
	mode := indexModeOf("take", c)
	idx := indicesArg("take", indices)
	indexDevices("take", x, idx)
	axis := 0
	if c.hasAxis {
		axis = oneAxis("take", x, c, 0)
	} else {
		x = x.Reshape(-1)
	}
	if mode != "raise" {
		idx = modeIndices("take", idx, x.shape[axis], mode)
	} else {
		checkHugeIndices(idx, axis, x.shape[axis])
	}
	items := make([]indexItem, axis+1)
	for i := 0; i < axis; i++ {
		items[i] = indexItem{kind: itemSpan, span: Slice()}
	}
	items[axis] = arrayItem(idx)
	if items[axis].kind == itemInt {
		return Copy(x.basicIndex(items))
	}
	return x.fancyGet("take", "Take", items)
}

// Take is Take(a, indices, opts...).
func (a *Array) Take(indices any, opts ...Option) *Array { return Take(a, indices, opts...) }

// TakeAlongAxis returns the elements of x at indices along axis, where
// indices (an integer array with as many dimensions as x, such as Argsort
// gives) holds an index for each position: the result at position (i, j,
// k) with axis 1 is x[i, indices[i, j, k], k]. The other axes of x and
// indices broadcast together. A negative axis counts from the end.
func TakeAlongAxis(x, indices *Array, axis int) *Array {
	if x == nil || indices == nil {
		panic(valueErr("take_along_axis", "nil array"))
	}
	if !indices.dt.IsInteger() {
		panic(&IndexError{Msg: fmt.Sprintf("take_along_axis: indices must be an integer array, got %v", indices.dt)})
	}
	if len(indices.shape) != len(x.shape) {
		panic(shapeErr("take_along_axis", "indices and x must have the same number of dimensions; their shapes", indices.shape, x.shape))
	}
	ax, err := shape.NormalizeAxis(axis, len(x.shape))
	if err != nil {
		panic(shapeErr("take_along_axis", fmt.Sprintf("axis %d: %v; array shape", axis, err), x.shape))
	}
	indexDevices("take_along_axis", x, indices)
	items := make([]indexItem, len(x.shape))
	for d := range x.shape {
		if d == ax {
			items[d] = indexItem{kind: itemArray, arr: indices}
			continue
		}
		// NumPy's _make_along_axis_idx: arange(n) along axis d.
		r := make([]int64, x.shape[d])
		for i := range r {
			r[i] = int64(i)
		}
		shp := make([]int, len(x.shape))
		for i := range shp {
			shp[i] = 1
		}
		shp[d] = x.shape[d]
		items[d] = indexItem{kind: itemArray, arr: shaped(r, shp)}
	}
	return x.fancyGet("take_along_axis", "TakeAlongAxis", items)
}

// Put writes values (an array or Go numbers, converted to x's dtype) into
// x at flat indices, C order, as NumPy's put: x.flat[indices[i]] =
// values.flat[i % len(values)], so values repeat when there are fewer of
// them than indices. Where an index repeats, the last value written stays.
// Negative indices count from the end; IndexMode("wrap") or
// IndexMode("clip") changes what an index out of bounds does (by default
// it is an *IndexError and x is left unchanged). With no values, as in
// NumPy, Put does nothing. It returns x. Indices and an array of values
// are on x's device or on the CPU; an array on another device panics with
// a *DeviceError.
func Put(x *Array, indices any, values any, opts ...Option) *Array {
	if x == nil {
		panic(valueErr("put", "nil array"))
	}
	c := configure(opts)
	mode := indexModeOf("put", c)
	idx := indicesArg("put", indices)
	indexDevices("put", x, idx, arrayOf(values))
	v := operandFor("put", values, x).Astype(x.dt)
	if v.Size() == 0 {
		return x // as NumPy: no values, nothing to do (indices unchecked)
	}
	n := x.Size()
	if mode != "raise" && idx.Size() > 0 && n == 0 {
		panic(&IndexError{Msg: "put: cannot replace elements of an empty array"})
	}
	if mode != "raise" {
		idx = modeIndices("put", idx, n, mode)
	} else {
		checkHugeIndices(idx, 0, n)
	}
	flat := make([]int, idx.Size())
	fancyIndexOffsets(flat, idx, n, 1, 0)
	if len(flat) == 0 {
		return x
	}
	vals := rawWords(v.hostData())
	fancyWithHostData("Put", x, func(dst any, base int, hs []int) {
		offs := flatOffsets(flat, x.shape, hs)
		putRaw(rawWords(dst), base, offs, vals)
	})
	runtime.KeepAlive(v)
	return x
}

// flatOffsets turns flat C-order indices into an array of shape shp into
// offsets for strides st (in place when the strides are C order).
func flatOffsets(flat []int, shp, st []int) []int {
	cst := shape.ContiguousStrides(shp)
	contiguous := true
	for d := range shp {
		if shp[d] > 1 && st[d] != cst[d] {
			contiguous = false
		}
	}
	if contiguous {
		return flat
	}
	for i, f := range flat {
		o := 0
		for d := range shp {
			if shp[d] > 1 {
				o += (f / cst[d]) % shp[d] * st[d]
			}
		}
		flat[i] = o
	}
	return flat
}

// Compress returns the elements of x where condition (a 1-d array, or a Go
// []bool; non-zero is true) is true, along Axis(k), or of the flattened x
// without Axis: Take(x, Nonzero(condition)[0], ...). As in NumPy, the
// condition may be shorter than the axis (the elements after it are not
// taken); a true beyond the axis is an *IndexError.
func Compress(condition any, x *Array, opts ...Option) *Array {
	indexDevices("compress", x, arrayOf(condition))
	if !x.onHost() {
		return cpuOnly("Compress", "selection", x, func(x *Array) *Array { return Compress(hostedAny(condition), x, opts...) })
	}
	cond := conditionArg("compress", condition)
	if len(cond.shape) != 1 {
		panic(shapeErr("compress", "condition must be a 1-d array; its shape", cond.shape))
	}
	return Take(x, Nonzero(cond)[0], opts...)
}

// Extract returns the elements of the flattened x where the flattened
// condition (an array or Go slices; non-zero is true) is true, as NumPy's
// extract: Take(x, Nonzero(Reshape(condition, -1))[0]).
func Extract(condition any, x *Array) *Array {
	indexDevices("extract", x, arrayOf(condition))
	if !x.onHost() {
		return cpuOnly("Extract", "selection", x, func(x *Array) *Array { return Extract(hostedAny(condition), x) })
	}
	cond := conditionArg("extract", condition)
	return Take(x, Nonzero(cond.Reshape(-1))[0])
}

func conditionArg(op string, condition any) *Array {
	if a, ok := condition.(*Array); ok {
		if a == nil {
			panic(valueErr(op, "nil condition"))
		}
		return a
	}
	var a *Array
	if err := Maybe(func() { a = Asarray(condition) }); err != nil {
		panic(valueErr(op, "cannot use %T as a condition: %v", condition, err))
	}
	return a
}
