package kernels

import "math"

// ReduceGrain is the number of elements in one chunk of a parallel
// reduction to a single value. Chunk sums are combined pairwise in chunk
// order, so the result does not depend on the number of workers.
const ReduceGrain = 1 << 16

// pairwiseBlock is the length below which pairwise summation adds into
// eight interleaved accumulators, as NumPy's pairwise_sum does.
const pairwiseBlock = 128

// reducer reduces runs of T and combines partial results.
type reducer[T any] struct {
	identity T
	run      func(s []T, o, stride, n int) T
	combine  func(a, b T) T
	// rows, when set, combines a contiguous row into an accumulator row
	// element by element: acc[k] = combine(acc[k], v[k]). Reductions over
	// outer axes use it to walk memory in order, as NumPy does.
	rows func(acc, v []T)
}

// Reduce reduces src over the axes of shape marked true in axes, and writes
// one result per position of the other axes into dst. dst has a stride for
// every axis of shape; the strides of reduced axes are ignored. Sum and Prod
// write src's type; Min and Max do too and need at least one element; All
// and Any read and write bool.
func Reduce(op ReduceOp, shape []int, src Operand, axes []bool, dst Operand) error {
	switch s := src.Data.(type) {
	case []bool:
		return reduceBool(op, shape, s, src, axes, dst)
	case []int8:
		return reduceTyped(op, shape, s, src, axes, dst, intReducer[int8](op))
	case []int16:
		return reduceTyped(op, shape, s, src, axes, dst, intReducer[int16](op))
	case []int32:
		return reduceTyped(op, shape, s, src, axes, dst, intReducer[int32](op))
	case []int64:
		return reduceTyped(op, shape, s, src, axes, dst, intReducer[int64](op))
	case []uint8:
		return reduceTyped(op, shape, s, src, axes, dst, intReducer[uint8](op))
	case []uint16:
		return reduceTyped(op, shape, s, src, axes, dst, intReducer[uint16](op))
	case []uint32:
		return reduceTyped(op, shape, s, src, axes, dst, intReducer[uint32](op))
	case []uint64:
		return reduceTyped(op, shape, s, src, axes, dst, intReducer[uint64](op))
	case []float32:
		return reduceTyped(op, shape, s, src, axes, dst, floatReducer[float32](op))
	case []float64:
		return reduceTyped(op, shape, s, src, axes, dst, floatReducer[float64](op))
	case []complex64:
		return reduceTyped(op, shape, s, src, axes, dst, complexReducer[complex64](op))
	case []complex128:
		return reduceTyped(op, shape, s, src, axes, dst, complexReducer[complex128](op))
	}
	return notImpl(op, src.Data)
}

func reduceBool(op ReduceOp, shape []int, s []bool, src Operand, axes []bool, dst Operand) error {
	var r *reducer[bool]
	switch op {
	case ReduceAll, ReduceMin, ReduceProd:
		r = &reducer[bool]{identity: true, combine: func(a, b bool) bool { return a && b },
			run: func(s []bool, o, st, n int) bool {
				for i := 0; i < n; i++ {
					if !s[o+i*st] {
						return false
					}
				}
				return true
			}}
	case ReduceAny, ReduceMax, ReduceSum:
		r = &reducer[bool]{identity: false, combine: func(a, b bool) bool { return a || b },
			run: func(s []bool, o, st, n int) bool {
				for i := 0; i < n; i++ {
					if s[o+i*st] {
						return true
					}
				}
				return false
			}}
	}
	return reduceTyped(op, shape, s, src, axes, dst, r)
}

func reduceTyped[T any](op ReduceOp, shape []int, s []T, src Operand, axes []bool, dst Operand, r *reducer[T]) error {
	if r == nil {
		return notImpl(op, s)
	}
	d, ok := dst.Data.([]T)
	if !ok {
		return &OpError{Op: op.String(), Type: typeName(s) + " into " + typeName(dst.Data)}
	}
	var keptShape, keptSrc, keptDst, redShape, redSrc []int
	for i, n := range shape {
		if axes[i] {
			redShape = append(redShape, n)
			redSrc = append(redSrc, src.Strides[i])
		} else {
			keptShape = append(keptShape, n)
			keptSrc = append(keptSrc, src.Strides[i])
			keptDst = append(keptDst, dst.Strides[i])
		}
	}
	outer := newLoop(keptShape, Operand{Offset: dst.Offset, Strides: keptDst}, Operand{Offset: src.Offset, Strides: keptSrc})
	if outer.size == 0 {
		return nil
	}
	// A sum, product, all or any does not depend on the order of the
	// reduced elements but for rounding: walk them in memory order, as
	// NumPy does, so that a transposed input reads memory in order (its
	// sum is then bit for bit the sum of the contiguous original). Min and
	// Max keep C order: which of equal zeros or NaNs wins depends on it.
	var inner *loop
	if op == ReduceMin || op == ReduceMax {
		inner = newLoop(redShape, Operand{Strides: redSrc})
	} else {
		inner = newElementwiseLoop(redShape, Operand{Strides: redSrc})
	}
	if (op == ReduceMin || op == ReduceMax) && inner.size == 0 {
		return &OpError{Op: op.String(), Type: "a zero-size array (it has no identity)"}
	}
	reduceRange := func(base, lo, hi int) T {
		acc := r.identity
		first := true
		inner.runs(lo, hi, func(o []int, n int) {
			v := r.run(s, base+o[0], inner.inner(0), n)
			if first {
				acc, first = v, false
			} else {
				acc = r.combine(acc, v)
			}
		})
		return acc
	}
	if outer.size == 1 {
		nc := Chunks(inner.size, ReduceGrain)
		if nc <= 1 {
			d[dst.Offset] = reduceRange(src.Offset, 0, inner.size)
			return nil
		}
		partial := make([]T, nc)
		Parallel(inner.size, ReduceGrain, func(c, lo, hi int) {
			partial[c] = reduceRange(src.Offset, lo, hi)
		})
		d[dst.Offset] = combineTree(partial, r.combine)
		return nil
	}
	ds, ss := outer.inner(0), outer.inner(1)
	if r.rows != nil && ss == 1 && inner.inner(0) != 1 && inner.size > 1 {
		// The kept elements are contiguous and the reduced ones are not:
		// accumulate whole rows, in the order of the reduced positions.
		reduceRows(outer, inner, s, d, ds, r)
		return nil
	}
	grain := max(1, Grain/max(1, inner.size))
	Parallel(outer.size, grain, func(_, lo, hi int) {
		outer.runs(lo, hi, func(o []int, n int) {
			od, os := o[0], o[1]
			for i := 0; i < n; i++ {
				d[od] = reduceRange(os, 0, inner.size)
				od, os = od+ds, os+ss
			}
		})
	})
	return nil
}

// reduceRows reduces by rows: for each run of kept elements (contiguous in
// src), it starts from the first reduced position's row and combines the
// rows of the others in order. Each result depends only on its own column of
// values, never on how the work is cut.
func reduceRows[T any](outer, inner *loop, s, d []T, ds int, r *reducer[T]) {
	// Long rows read memory in order (halves of the kept elements measured
	// faster than shorter pieces); no result depends on the cut.
	grain := max(4096, outer.size/2)
	Parallel(outer.size, grain, func(_, lo, hi int) {
		outer.runs(lo, hi, func(o []int, n int) {
			od, os := o[0], o[1]
			acc := d[od : od+n]
			if ds != 1 {
				acc = make([]T, n)
			}
			first := true
			inner.runs(0, inner.size, func(io []int, m int) {
				off, st := os+io[0], inner.inner(0)
				for j := 0; j < m; j++ {
					row := s[off : off+n]
					if first {
						copy(acc, row)
						first = false
					} else {
						r.rows(acc, row)
					}
					off += st
				}
			})
			if ds != 1 {
				for k, v := range acc {
					d[od+k*ds] = v
				}
			}
		})
	})
}

// combineTree combines partial results pairwise, in order.
func combineTree[T any](p []T, combine func(a, b T) T) T {
	if len(p) == 1 {
		return p[0]
	}
	h := len(p) / 2
	return combine(combineTree(p[:h], combine), combineTree(p[h:], combine))
}

// PairwiseSum adds n elements of s starting at o with stride st, by NumPy's
// pairwise summation: blocks of up to 128 elements add into eight
// accumulators, and longer runs split in halves. The error grows as
// O(log n) rather than O(n).
func PairwiseSum[T number](s []T, o, st, n int) T {
	if n < 8 {
		var res T
		if n > 0 {
			res = s[o]
			for i := 1; i < n; i++ {
				res += s[o+i*st]
			}
		}
		return res
	}
	if st == 1 {
		if r, ok := vecPairwiseSum(s[o : o+n]); ok {
			return r
		}
	} else if n >= stridedSumMin {
		if r, ok := vecStridedSum(s, o, st, n); ok {
			return r
		}
	}
	if n <= pairwiseBlock {
		if st == 1 {
			return blockSum(s[o : o+n])
		}
		var r [8]T
		for j := range r {
			r[j] = s[o+j*st]
		}
		i := 8
		for ; i+8 <= n; i += 8 {
			for j := range r {
				r[j] += s[o+(i+j)*st]
			}
		}
		res := ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
		for ; i < n; i++ {
			res += s[o+i*st]
		}
		return res
	}
	n2 := n / 2
	n2 -= n2 % 8
	return PairwiseSum(s, o, st, n2) + PairwiseSum(s, o+n2*st, st, n-n2)
}

// Strided runs from stridedSumMin to stridedSumBlock elements long are
// gathered into a buffer and summed with the block-sum kernel; longer ones
// split in halves first, as any run does. The halves are cut at the same
// places whatever the stride, so the sum of a strided run is bit for bit
// the sum of the same values stored contiguously.
const (
	stridedSumMin   = 32
	stridedSumBlock = 2048
)

// vecStridedSum is PairwiseSum of a strided run with the vector kernels:
// float64 values two apart (every other element) straight from memory where
// the CPU has the kernel for them, else runs of at most stridedSumBlock
// values gathered into a buffer; ok is false when there is no kernel for T
// or the run is too long for the buffer (the caller splits it).
func vecStridedSum[T number](s []T, o, st, n int) (sum T, ok bool) {
	switch s := any(s).(type) {
	case []float64:
		if st == 2 && o+2*n <= len(s) && hasStride2Sum() {
			return any(pairwiseStride2(s, o, n)).(T), true
		}
		if n <= stridedSumBlock && simdF64() != nil {
			return any(stridedPairwise(s, o, st, n)).(T), true
		}
	case []float32:
		if n <= stridedSumBlock && simdF32() != nil {
			return any(stridedPairwise(s, o, st, n)).(T), true
		}
	}
	return sum, false
}

// stridedPairwise gathers the run into a buffer on the stack (a short one
// for short runs) and adds it with pairwiseVec.
func stridedPairwise[T float](s []T, o, st, n int) T {
	if n <= convBuf {
		var buf [convBuf]T
		b := buf[:n]
		gatherRun(b, s, o, st)
		return pairwiseVec(b)
	}
	var buf [stridedSumBlock]T
	b := buf[:n]
	gatherRun(b, s, o, st)
	return pairwiseVec(b)
}

// pairwiseStride2 is PairwiseSum(s, o, 2, n): pairwiseVec of the values
// s[o], s[o+2], ..., the blocks added by the stride-2 block-sum kernel
// straight from s. s holds the pair of the last value (o+2*n <= len(s)).
func pairwiseStride2(s []float64, o, n int) float64 {
	if n < 8 {
		var res float64
		if n > 0 {
			res = s[o]
			for i := 1; i < n; i++ {
				res += s[o+2*i]
			}
		}
		return res
	}
	if n <= pairwiseBlock {
		m := n &^ 7
		var r [1]float64
		sumBlocksStride2(r[:], s[o:o+2*m], m)
		res := r[0]
		for i := m; i < n; i++ {
			res += s[o+2*i]
		}
		return res
	}
	if k := n / pairwiseBlock; n%pairwiseBlock == 0 && k&(k-1) == 0 && k <= maxLeaves {
		var leaves [maxLeaves]float64
		sumBlocksStride2(leaves[:k], s[o:o+2*n], pairwiseBlock)
		return sumTree(leaves[:k])
	}
	n2 := n / 2
	n2 -= n2 % 8
	return pairwiseStride2(s, o, n2) + pairwiseStride2(s, o+2*n2, n-n2)
}

// blockSum adds up to 128 contiguous values into eight accumulators held in
// registers, in NumPy's order.
func blockSum[T number](v []T) T {
	r0, r1, r2, r3, r4, r5, r6, r7 := v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]
	i := 8
	for ; i+8 <= len(v); i += 8 {
		w := v[i : i+8 : i+8]
		r0 += w[0]
		r1 += w[1]
		r2 += w[2]
		r3 += w[3]
		r4 += w[4]
		r5 += w[5]
		r6 += w[6]
		r7 += w[7]
	}
	res := ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
	for ; i < len(v); i++ {
		res += v[i]
	}
	return res
}

func sumReducer[T number]() *reducer[T] {
	return &reducer[T]{run: PairwiseSum[T], combine: func(a, b T) T { return a + b }, rows: addRows[T]}
}

// addRows is: for k := range acc { acc[k] += v[k] }.
func addRows[T number](acc, v []T) {
	v = v[:len(acc)]
	for k := range acc {
		acc[k] += v[k]
	}
}

// mulRows is: for k := range acc { acc[k] *= v[k] }.
func mulRows[T number](acc, v []T) {
	v = v[:len(acc)]
	for k := range acc {
		acc[k] *= v[k]
	}
}

func prodReducer[T number]() *reducer[T] {
	return &reducer[T]{identity: 1, combine: func(a, b T) T { return a * b }, rows: mulRows[T],
		run: func(s []T, o, st, n int) T {
			p := T(1)
			for i := 0; i < n; i++ {
				p *= s[o+i*st]
			}
			return p
		}}
}

func intReducer[T integer](op ReduceOp) *reducer[T] {
	switch op {
	case ReduceSum:
		return &reducer[T]{combine: func(a, b T) T { return a + b }, rows: addRows[T],
			run: func(s []T, o, st, n int) T {
				var acc T
				for i := 0; i < n; i++ {
					acc += s[o+i*st]
				}
				return acc
			}}
	case ReduceProd:
		return prodReducer[T]()
	case ReduceMin:
		return &reducer[T]{combine: func(a, b T) T { return min(a, b) },
			rows: func(acc, v []T) {
				for k := range acc {
					acc[k] = min(acc[k], v[k])
				}
			},
			run: func(s []T, o, st, n int) T {
				m := s[o]
				for i := 1; i < n; i++ {
					m = min(m, s[o+i*st])
				}
				return m
			}}
	case ReduceMax:
		return &reducer[T]{combine: func(a, b T) T { return max(a, b) },
			rows: func(acc, v []T) {
				for k := range acc {
					acc[k] = max(acc[k], v[k])
				}
			},
			run: func(s []T, o, st, n int) T {
				m := s[o]
				for i := 1; i < n; i++ {
					m = max(m, s[o+i*st])
				}
				return m
			}}
	}
	return nil
}

func floatReducer[T float](op ReduceOp) *reducer[T] {
	switch op {
	case ReduceSum:
		return sumReducer[T]()
	case ReduceProd:
		return prodReducer[T]()
	case ReduceMin:
		return &reducer[T]{combine: nanMin[T],
			rows: func(acc, v []T) {
				for k := range acc {
					acc[k] = nanMin(acc[k], v[k])
				}
			},
			run: func(s []T, o, st, n int) T {
				if st == 1 {
					if m, ok := vecExtremum(s[o:o+n], false); ok {
						return m
					}
				}
				m := s[o]
				for i := 1; i < n; i++ {
					m = nanMin(m, s[o+i*st])
				}
				return m
			}}
	case ReduceMax:
		return &reducer[T]{combine: nanMax[T],
			rows: func(acc, v []T) {
				for k := range acc {
					acc[k] = nanMax(acc[k], v[k])
				}
			},
			run: func(s []T, o, st, n int) T {
				if st == 1 {
					if m, ok := vecExtremum(s[o:o+n], true); ok {
						return m
					}
				}
				m := s[o]
				for i := 1; i < n; i++ {
					m = nanMax(m, s[o+i*st])
				}
				return m
			}}
	}
	return nil
}

// nanMin is the smaller of a and b, NaN if either is NaN.
func nanMin[T float](a, b T) T {
	if a != a || b != b {
		return T(math.NaN())
	}
	if b < a {
		return b
	}
	return a
}

// nanMax is the larger of a and b, NaN if either is NaN.
func nanMax[T float](a, b T) T {
	if a != a || b != b {
		return T(math.NaN())
	}
	if b > a {
		return b
	}
	return a
}

func complexReducer[T complexT](op ReduceOp) *reducer[T] {
	switch op {
	case ReduceSum:
		return sumReducer[T]()
	case ReduceProd:
		return prodReducer[T]()
	}
	return nil
}
