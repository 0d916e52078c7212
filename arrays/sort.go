package arrays

// Sorting: Sort, Argsort, Partition and Argpartition.
//
// The order is NumPy's: numbers ascending, NaN after every number (all NaNs
// equal), -0 equal to +0, false before true, and complex numbers
// lexicographically by real then imaginary part, those holding a NaN last
// (R+Rj < R+NaNj < NaN+Rj < NaN+NaNj). Sorts are stable: equal elements
// keep their order. Descending reverses the order of the numbers but keeps
// NaNs last, and stays stable.

import "fmt"

// Sort returns a sorted copy of x along an axis: Axis(k) (default -1, the
// last). Options: Axis, Descending, Stable (the default anyway).
func Sort(x *Array, opts ...Option) *Array {
	if !x.onHost() {
		return cpuOnly("Sort", "sorting", x, func(x *Array) *Array { return Sort(x, opts...) })
	}
	c := configure(opts)
	ax := oneAxis("sort", x, c, -1)
	data, _, n, perm := laneCopy(x, axisMask(len(x.shape), ax))
	lanesOf(data).sortRows(n, c.descending)
	return fromLanes(x, data, perm)
}

// Argsort returns the int64 indices that sort x along an axis (default -1),
// stably: equal elements keep their order. Options: Axis, Descending,
// Stable.
func Argsort(x *Array, opts ...Option) *Array {
	if !x.onHost() {
		return cpuOnly("Argsort", "sorting", x, func(x *Array) *Array { return Argsort(x, opts...) })
	}
	c := configure(opts)
	ax := oneAxis("argsort", x, c, -1)
	data, _, n, perm := laneCopy(x, axisMask(len(x.shape), ax))
	idx := lanesOf(data).argsortRows(n, c.descending)
	return fromLanes(x, idx, perm)
}

// partitionIndex checks kth against the length n of the axis and makes it
// non-negative.
func partitionIndex(op string, x *Array, kth, n int) int {
	if kth < -n || kth >= n {
		panic(shapeErr(op, fmt.Sprintf("kth %d out of bounds along an axis of length %d; array shape", kth, n), x.shape))
	}
	if kth < 0 {
		kth += n
	}
	return kth
}

// Partition returns a copy of x in which, along an axis (default -1), the
// element at index kth is the one a sort would put there, no element
// before it is greater, and no element after it is smaller (NaNs count as
// greatest). The order within the two parts is unspecified, as NumPy's.
// A negative kth counts from the end.
func Partition(x *Array, kth int, opts ...Option) *Array {
	if !x.onHost() {
		return cpuOnly("Partition", "partitioning", x, func(x *Array) *Array { return Partition(x, kth, opts...) })
	}
	c := configure(opts)
	ax := oneAxis("partition", x, c, -1)
	kth = partitionIndex("partition", x, kth, x.shape[ax])
	data, _, n, perm := laneCopy(x, axisMask(len(x.shape), ax))
	lanesOf(data).partitionRows(n, kth)
	return fromLanes(x, data, perm)
}

// Argpartition returns the int64 indices that would partition x along an
// axis (default -1) as Partition does.
func Argpartition(x *Array, kth int, opts ...Option) *Array {
	if !x.onHost() {
		return cpuOnly("Argpartition", "partitioning", x, func(x *Array) *Array { return Argpartition(x, kth, opts...) })
	}
	c := configure(opts)
	ax := oneAxis("argpartition", x, c, -1)
	kth = partitionIndex("argpartition", x, kth, x.shape[ax])
	data, _, n, perm := laneCopy(x, axisMask(len(x.shape), ax))
	idx := lanesOf(data).argpartitionRows(n, kth)
	return fromLanes(x, idx, perm)
}

// Sort is Sort(a, opts...): a sorted copy (a itself is not changed).
func (a *Array) Sort(opts ...Option) *Array { return Sort(a, opts...) }

// Argsort is Argsort(a, opts...).
func (a *Array) Argsort(opts ...Option) *Array { return Argsort(a, opts...) }
