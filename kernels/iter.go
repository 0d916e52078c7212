package kernels

// Operand is one strided operand of a kernel: a typed Go slice ([]float64,
// []int8, []bool, ...), the index of the element at the origin, and a stride
// per axis, in elements (0 for a broadcast axis, negative for a reversed one).
type Operand struct {
	Data    any
	Offset  int
	Strides []int
}

// loop walks the elements of one or more operands of the same shape in C
// order, as runs along the innermost axis. Axes of length 1 are dropped and
// adjacent axes that are contiguous in every operand are merged, so a
// contiguous array is one long run.
type loop struct {
	shape   []int   // collapsed shape, innermost last; empty for one element
	strides [][]int // per operand, per collapsed axis
	offsets []int   // per operand, offset of the first element
	size    int
}

// newElementwiseLoop is newLoop with the axes ordered by the first operand's
// strides, largest first, so that an element-wise kernel walks memory in
// order when the operands are laid out alike but not in C order (a
// transposed array and a result allocated in its layout). Each element is
// computed on its own, so the order changes nothing but speed.
func newElementwiseLoop(shape []int, ops ...Operand) *loop {
	nd := len(shape)
	if nd < 2 {
		return newLoop(shape, ops...)
	}
	perm := make([]int, nd)
	for i := range perm {
		perm[i] = i
	}
	key := func(i int) int {
		st := ops[0].Strides[perm[i]]
		if st < 0 {
			st = -st
		}
		return st
	}
	sorted := true
	for i := 1; i < nd; i++ {
		if shape[perm[i-1]] > 1 && shape[perm[i]] > 1 && key(i-1) < key(i) {
			sorted = false
			break
		}
	}
	if sorted {
		return newLoop(shape, ops...)
	}
	// Insertion sort, stable: few axes.
	for i := 1; i < nd; i++ {
		for j := i; j > 0 && key(j-1) < key(j); j-- {
			perm[j-1], perm[j] = perm[j], perm[j-1]
		}
	}
	pshape := make([]int, nd)
	for i, p := range perm {
		pshape[i] = shape[p]
	}
	pops := make([]Operand, len(ops))
	for k, op := range ops {
		st := make([]int, nd)
		for i, p := range perm {
			st[i] = op.Strides[p]
		}
		pops[k] = Operand{Data: op.Data, Offset: op.Offset, Strides: st}
	}
	return newLoop(pshape, pops...)
}

func newLoop(shape []int, ops ...Operand) *loop {
	l := &loop{size: 1, strides: make([][]int, len(ops)), offsets: make([]int, len(ops))}
	for _, d := range shape {
		l.size *= d
	}
	for k, op := range ops {
		l.offsets[k] = op.Offset
	}
	if l.size == 0 {
		return l
	}
	// Keep axes longer than 1, innermost last.
	for i, d := range shape {
		if d == 1 {
			continue
		}
		n := len(l.shape)
		merge := n > 0
		if merge {
			for k, op := range ops {
				if l.strides[k][n-1] != op.Strides[i]*d {
					merge = false
					break
				}
			}
		}
		if merge {
			l.shape[n-1] *= d
			for k, op := range ops {
				l.strides[k][n-1] = op.Strides[i]
			}
			continue
		}
		l.shape = append(l.shape, d)
		for k, op := range ops {
			l.strides[k] = append(l.strides[k], op.Strides[i])
		}
	}
	return l
}

// inner returns the stride of operand k along the innermost axis.
func (l *loop) inner(k int) int {
	if len(l.shape) == 0 {
		return 0
	}
	return l.strides[k][len(l.shape)-1]
}

// runs calls fn for the elements [lo, hi) in C order, once per run along the
// innermost axis, with the offset of the run's first element in each operand
// and the run's length. offs is reused between calls.
func (l *loop) runs(lo, hi int, fn func(offs []int, n int)) {
	if lo >= hi {
		return
	}
	nd := len(l.shape)
	offs := make([]int, len(l.offsets))
	if nd == 0 {
		copy(offs, l.offsets)
		fn(offs, 1)
		return
	}
	// Multi-index of lo.
	idx := make([]int, nd)
	rem := lo
	for i := nd - 1; i >= 0; i-- {
		idx[i] = rem % l.shape[i]
		rem /= l.shape[i]
	}
	for k := range offs {
		o := l.offsets[k]
		for i := 0; i < nd; i++ {
			o += idx[i] * l.strides[k][i]
		}
		offs[k] = o
	}
	last := nd - 1
	inner := l.shape[last]
	pos := lo
	for pos < hi {
		n := min(inner-idx[last], hi-pos)
		fn(offs, n)
		pos += n
		if pos >= hi {
			return
		}
		// Advance to the start of the next run.
		for k := range offs {
			offs[k] += n * l.strides[k][last]
		}
		idx[last] += n
		for i := last; i > 0 && idx[i] == l.shape[i]; i-- {
			for k := range offs {
				offs[k] += l.strides[k][i-1] - l.shape[i]*l.strides[k][i]
			}
			idx[i] = 0
			idx[i-1]++
		}
	}
}
