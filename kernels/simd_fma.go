package kernels

import "math"

// fma1D is a loop of n steps over a run: d[i] = a[i]*b[i] + c[i] (with
// strides).
type fma1D[T any] func(n int, d []T, od, ds int, a []T, oa, as int, b []T, ob, bs int, c []T, oc, cs int)

// MultiplyAdd computes dst = a*b + c element-wise over shape, in one pass.
// All four operands have that shape (broadcast operands have stride 0) and
// the same element type. For float32 and float64 the product is not
// rounded: each result is a*b + c rounded once, as math.FMA does; other
// types compute a*b + c in their own arithmetic.
func MultiplyAdd(shape []int, dst, a, b, c Operand) error {
	l := newElementwiseLoop(shape, dst, a, b, c)
	if l.size == 0 {
		return nil
	}
	switch d := dst.Data.(type) {
	case []int8:
		return runFMA(l, d, a.Data, b.Data, c.Data, fmaLoop(func(x, y, z int8) int8 { return x*y + z }))
	case []int16:
		return runFMA(l, d, a.Data, b.Data, c.Data, fmaLoop(func(x, y, z int16) int16 { return x*y + z }))
	case []int32:
		return runFMA(l, d, a.Data, b.Data, c.Data, fmaLoop(func(x, y, z int32) int32 { return x*y + z }))
	case []int64:
		return runFMA(l, d, a.Data, b.Data, c.Data, fmaLoop(func(x, y, z int64) int64 { return x*y + z }))
	case []uint8:
		return runFMA(l, d, a.Data, b.Data, c.Data, fmaLoop(func(x, y, z uint8) uint8 { return x*y + z }))
	case []uint16:
		return runFMA(l, d, a.Data, b.Data, c.Data, fmaLoop(func(x, y, z uint16) uint16 { return x*y + z }))
	case []uint32:
		return runFMA(l, d, a.Data, b.Data, c.Data, fmaLoop(func(x, y, z uint32) uint32 { return x*y + z }))
	case []uint64:
		return runFMA(l, d, a.Data, b.Data, c.Data, fmaLoop(func(x, y, z uint64) uint64 { return x*y + z }))
	case []float32:
		return runFMA(l, d, a.Data, b.Data, c.Data, fmaFloatLoop(FMA32))
	case []float64:
		return runFMA(l, d, a.Data, b.Data, c.Data, fmaFloatLoop(math.FMA))
	case []complex64:
		return runFMA(l, d, a.Data, b.Data, c.Data, fmaLoop(func(x, y, z complex64) complex64 { return x*y + z }))
	case []complex128:
		return runFMA(l, d, a.Data, b.Data, c.Data, fmaLoop(func(x, y, z complex128) complex128 { return x*y + z }))
	}
	return &OpError{Op: "multiply_add", Type: typeName(dst.Data), Err: ErrNotImplemented}
}

func runFMA[T any](l *loop, d []T, a, b, c any, k fma1D[T]) error {
	x, ok1 := a.([]T)
	y, ok2 := b.([]T)
	z, ok3 := c.([]T)
	if !ok1 || !ok2 || !ok3 {
		return &OpError{Op: "multiply_add", Type: typeName(a) + ", " + typeName(b) + " and " + typeName(c)}
	}
	ds, as, bs, cs := l.inner(0), l.inner(1), l.inner(2), l.inner(3)
	Parallel(l.size, Grain, func(_, lo, hi int) {
		l.runs(lo, hi, func(o []int, n int) {
			k(n, d, o[0], ds, x, o[1], as, y, o[2], bs, z, o[3], cs)
		})
	})
	return nil
}

func fmaLoop[T any](f func(x, y, z T) T) fma1D[T] {
	return func(n int, d []T, od, ds int, a []T, oa, as int, b []T, ob, bs int, c []T, oc, cs int) {
		for i := 0; i < n; i++ {
			d[od] = f(a[oa], b[ob], c[oc])
			od, oa, ob, oc = od+ds, oa+as, ob+bs, oc+cs
		}
	}
}

// fmaFloatLoop is fmaLoop with the vector kernel on contiguous runs.
func fmaFloatLoop[T float](f func(x, y, z T) T) fma1D[T] {
	return func(n int, d []T, od, ds int, a []T, oa, as int, b []T, ob, bs int, c []T, oc, cs int) {
		if ds == 1 && as == 1 && bs == 1 && cs == 1 {
			d, a, b, c := d[od:od+n], a[oa:oa+n], b[ob:ob+n], c[oc:oc+n]
			if vecFMA(d, a, b, c) {
				return
			}
			for i := range d {
				d[i] = f(a[i], b[i], c[i])
			}
			return
		}
		for i := 0; i < n; i++ {
			d[od] = f(a[oa], b[ob], c[oc])
			od, oa, ob, oc = od+ds, oa+as, ob+bs, oc+cs
		}
	}
}

// vecFMA sets d[i] = a[i]*b[i] + c[i], rounded once, with a vector kernel
// when T is float64 or float32 and the CPU has one, and reports whether it
// did.
func vecFMA[T float](d, a, b, c []T) bool {
	if len(a) < len(d) || len(b) < len(d) || len(c) < len(d) {
		panic("kernels: operand shorter than the destination")
	}
	switch d := any(d).(type) {
	case []float64:
		if k := simdF64(); k != nil {
			k.fma(d, any(a).([]float64), any(b).([]float64), any(c).([]float64))
			return true
		}
	case []float32:
		if k := simdF32(); k != nil {
			k.fma(d, any(a).([]float32), any(b).([]float32), any(c).([]float32))
			return true
		}
	}
	return false
}

// FMA32 returns x*y + z for float32, computed with only one rounding, as
// the FMA instructions do. The product is exact in float64 and the sum is
// rounded to odd in float64, which rounds correctly to float32 (53 >= 2*24+2).
func FMA32(x, y, z float32) float32 {
	p, c := float64(x)*float64(y), float64(z)
	s := p + c
	if math.IsInf(s, 0) || s != s {
		return float32(s)
	}
	// The exact error of s (TwoSum; p and c are float64 values).
	bb := s - p
	e := (p - (s - bb)) + (c - bb)
	if bits := math.Float64bits(s); e != 0 && bits&1 == 0 {
		// Round to odd: step to the neighbour on e's side.
		if (e > 0) == (s > 0) {
			bits++
		} else {
			bits--
		}
		s = math.Float64frombits(bits)
	}
	return float32(s)
}
