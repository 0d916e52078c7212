package kernels

// Cumulative writes the running sum (op ReduceSum) or product (ReduceProd) of
// src along axis into dst; both have shape. Each line along the axis is
// accumulated in order, so results do not depend on the worker count.
func Cumulative(op ReduceOp, shape []int, axis int, dst, src Operand) error {
	switch s := src.Data.(type) {
	case []int8:
		return cumulative(op, shape, axis, dst, src, s)
	case []int16:
		return cumulative(op, shape, axis, dst, src, s)
	case []int32:
		return cumulative(op, shape, axis, dst, src, s)
	case []int64:
		return cumulative(op, shape, axis, dst, src, s)
	case []uint8:
		return cumulative(op, shape, axis, dst, src, s)
	case []uint16:
		return cumulative(op, shape, axis, dst, src, s)
	case []uint32:
		return cumulative(op, shape, axis, dst, src, s)
	case []uint64:
		return cumulative(op, shape, axis, dst, src, s)
	case []float32:
		return cumulative(op, shape, axis, dst, src, s)
	case []float64:
		return cumulative(op, shape, axis, dst, src, s)
	case []complex64:
		return cumulative(op, shape, axis, dst, src, s)
	case []complex128:
		return cumulative(op, shape, axis, dst, src, s)
	}
	return notImpl(op, src.Data)
}

func cumulative[T number](op ReduceOp, shape []int, axis int, dst, src Operand, s []T) error {
	d, ok := dst.Data.([]T)
	if !ok {
		return &OpError{Op: "cumulative " + op.String(), Type: typeName(s) + " into " + typeName(dst.Data)}
	}
	if op != ReduceSum && op != ReduceProd {
		return notImpl(op, s)
	}
	var lines []int
	var ls, ld []int
	for i, n := range shape {
		if i != axis {
			lines = append(lines, n)
			ls = append(ls, src.Strides[i])
			ld = append(ld, dst.Strides[i])
		}
	}
	n := shape[axis]
	sa, da := src.Strides[axis], dst.Strides[axis]
	l := newLoop(lines, Operand{Offset: dst.Offset, Strides: ld}, Operand{Offset: src.Offset, Strides: ls})
	if l.size == 0 || n == 0 {
		return nil
	}
	prod := op == ReduceProd
	line := func(od, os int) {
		acc := s[os] // the first element as it is, so -0 stays -0
		d[od] = acc
		od, os = od+da, os+sa
		for i := 1; i < n; i++ {
			if prod {
				acc *= s[os]
			} else {
				acc += s[os]
			}
			d[od] = acc
			od, os = od+da, os+sa
		}
	}
	ds, ss := l.inner(0), l.inner(1)
	Parallel(l.size, max(1, Grain/n), func(_, lo, hi int) {
		l.runs(lo, hi, func(o []int, m int) {
			od, os := o[0], o[1]
			for i := 0; i < m; i++ {
				line(od, os)
				od, os = od+ds, os+ss
			}
		})
	})
	return nil
}
