package arrays

// Sets: UniqueAll, UniqueCounts, UniqueInverse, UniqueValues and Isin, as
// the array API standard defines them.
//
// The unique functions work on the flattened array and return the distinct
// elements in Sort's order (NaNs last). Elements are distinct when they
// compare unequal, so every NaN is its own element (STANDARD: NumPy 1.24's
// np.unique merges NaNs; NumPy 2's unique_* functions do not), and -0 and
// +0 are one element, shown as the one that comes first in x.

func uniqueOf(fn string, x *Array, all bool) (values, index, inverse, counts *Array) {
	if !x.onHost() {
		dev := x.Device()
		ranOnCPU(fn, dev, "set functions")
		values, index, inverse, counts = uniqueOf(fn, x.hosted(), all)
		r := toDevice(dev, values, index, inverse, counts)
		return r[0], r[1], r[2], r[3]
	}
	vals, idx, inv, cnt := lanesOf(x.hostData()).unique(all)
	dev := x.Device()
	values = FromSlice(vals).onDevice(dev)
	if all {
		index = FromSlice(idx).onDevice(dev)
		inverse = shaped(inv, x.shape).onDevice(dev)
		counts = FromSlice(cnt).onDevice(dev)
	}
	return values, index, inverse, counts
}

// UniqueAll returns the distinct elements of x (flattened, sorted), the
// int64 index in the flattened x of each one's first occurrence, the
// int64 inverse indices (of x's shape: values at inverse rebuild x), and
// the int64 count of each.
func UniqueAll(x *Array) (values, indices, inverseIndices, counts *Array) {
	return uniqueOf("UniqueAll", x, true)
}

// UniqueCounts returns the distinct elements of x (flattened, sorted) and
// the int64 count of each.
func UniqueCounts(x *Array) (values, counts *Array) {
	v, _, _, c := uniqueOf("UniqueCounts", x, true)
	return v, c
}

// UniqueInverse returns the distinct elements of x (flattened, sorted) and
// the int64 inverse indices, of x's shape, such that the values at them
// rebuild x.
func UniqueInverse(x *Array) (values, inverseIndices *Array) {
	v, _, inv, _ := uniqueOf("UniqueInverse", x, true)
	return v, inv
}

// UniqueValues returns the distinct elements of x (flattened), sorted.
func UniqueValues(x *Array) *Array {
	v, _, _, _ := uniqueOf("UniqueValues", x, false)
	return v
}

// Isin reports, for each element of x1, whether it equals some element of
// x2 (by value: NaN equals nothing, -0 equals +0). x1 and x2 are arrays or
// Go numbers and promote to a common dtype; the bool result has x1's
// shape. Invert() reports the elements that are not in x2.
func Isin(x1, x2 any, opts ...Option) *Array {
	c := configure(opts)
	if dev := offHost("isin", arrayOf(x1), arrayOf(x2)); dev != nil {
		ranOnCPU("Isin", dev, "set functions")
		return Isin(hostedAny(x1), hostedAny(x2), opts...).To(dev)
	}
	a, b, dt := binaryOperands("isin", x1, x2)
	in := lanesOf(a.Astype(dt).hostData()).isin(b.Astype(dt).hostData())
	if c.invert {
		for i := range in {
			in[i] = !in[i]
		}
	}
	return shaped(in, a.shape).onDevice(a.Device())
}
