package kernels

import (
	"fmt"
	"math"
	"testing"
)

// genRound is a value whose sums round: a 53-bit mantissa scaled by 2**e,
// e in [-20, 20], either sign, so that a sum in another order gives other
// bits.
func genRound(k int) float64 {
	m := mix(k)
	v := math.Ldexp(float64(m>>11)/(1<<53), int(m>>3%41)-20)
	if m&1 != 0 {
		v = -v
	}
	return v
}

// refPairwise is NumPy's pairwise summation of v, written out plainly:
// fewer than 8 values add in order, up to 128 add into eight interleaved
// accumulators, longer runs split in halves (the first a multiple of 8).
func refPairwise[T float](v []T) T {
	n := len(v)
	switch {
	case n == 0:
		return 0
	case n < 8:
		r := v[0]
		for _, x := range v[1:] {
			r += x
		}
		return r
	case n <= 128:
		var r [8]T
		copy(r[:], v[:8])
		i := 8
		for ; i+8 <= n; i += 8 {
			for j := range r {
				r[j] += v[i+j]
			}
		}
		res := ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
		for ; i < n; i++ {
			res += v[i]
		}
		return res
	}
	n2 := n / 2
	n2 -= n2 % 8
	return refPairwise(v[:n2]) + refPairwise(v[n2:])
}

// refChunkedSum is the sum of a whole array as Reduce computes it: the
// pairwise sums of chunks of ReduceGrain values, combined pairwise in
// order.
func refChunkedSum[T float](v []T) T {
	var p []T
	for lo := 0; lo < len(v); lo += ReduceGrain {
		p = append(p, refPairwise(v[lo:min(lo+ReduceGrain, len(v))]))
	}
	if len(p) == 0 {
		return 0
	}
	var tree func(p []T) T
	tree = func(p []T) T {
		if len(p) == 1 {
			return p[0]
		}
		h := len(p) / 2
		return tree(p[:h]) + tree(p[h:])
	}
	return tree(p)
}

// TestStridedPairwiseSum checks that the sum of a strided run, which goes
// through the gather buffers and the block-sum kernels, is bit for bit
// NumPy's pairwise sum of the same values, at every SIMD level.
func TestStridedPairwiseSum(t *testing.T) {
	sizes := append(append([]int(nil), convSizes...), 2047, 2048, 2049, 4100, 70001)
	forConvLevels(t, func(t *testing.T) {
		testStridedPairwise[float64](t, sizes)
		testStridedPairwise[float32](t, sizes)
	})
}

func testStridedPairwise[T float](t *testing.T, sizes []int) {
	for _, st := range []int{2, -2, 3, -1, -5, 64} {
		for _, n := range sizes {
			if n > 5000 && st != 2 && st != -1 {
				continue
			}
			for _, tight := range []bool{false, true} {
				// tight: the run ends at the end of s (the stride-2
				// kernel, which reads pairs, must not run).
				m := max(1, (n-1)*absInt(st)+1)
				s := make([]T, m+2)
				if tight {
					s = s[:m]
				}
				for i := range s {
					s[i] = T(genRound(i))
				}
				o := 1
				switch {
				case st < 0:
					o = m - 1
				case tight:
					o = 0
				}
				v := make([]T, n)
				for i := range v {
					v[i] = s[o+i*st]
				}
				got, want := PairwiseSum(s, o, st, n), refPairwise(v)
				if !identical(got, want) {
					t.Errorf("%T stride %d n=%d tight %v: sum %v, want %v", got, st, n, tight, got, want)
				}
			}
		}
	}
}

// TestStridedSumReduce sums strided arrays through Reduce with 1, 2 and 3
// workers: the result is the reference's bits whatever the worker count.
func TestStridedSumReduce(t *testing.T) {
	defer SetWorkers(SetWorkers(1))
	forConvLevels(t, func(t *testing.T) {
		testStridedReduce[float64](t)
		testStridedReduce[float32](t)
	})
}

func testStridedReduce[T float](t *testing.T) {
	const n = 200003
	for _, c := range []struct {
		shape   []int
		strides []int
	}{
		{[]int{n}, []int{2}},
		{[]int{n}, []int{-3}},
		{[]int{7, 5000}, []int{10000, 2}}, // merges into one run of stride 2
		{[]int{7, 5000}, []int{-10000, -2}},
		{[]int{1000, 3}, []int{3, 1000 * 3}}, // a transposed view: walked in memory order
	} {
		size := 1
		span := 1
		off := 0
		for i, d := range c.shape {
			size *= d
			span += (d - 1) * absInt(c.strides[i])
			if c.strides[i] < 0 {
				off += (d - 1) * -c.strides[i]
			}
		}
		s := make([]T, span)
		for i := range s {
			s[i] = T(genRound(i))
		}
		src := Operand{Data: s, Offset: off, Strides: c.strides}
		// The values in memory order (the order Reduce adds them in).
		offs := naiveOffsets(c.shape, src)
		if absInt(c.strides[len(c.strides)-1]) > absInt(c.strides[0]) {
			offs = naiveOffsets([]int{c.shape[1], c.shape[0]},
				Operand{Offset: off, Strides: []int{c.strides[1], c.strides[0]}})
		}
		v := make([]T, 0, size)
		for _, o := range offs {
			v = append(v, s[o])
		}
		want := refChunkedSum(v)
		for _, w := range []int{1, 2, 3} {
			SetWorkers(w)
			d := []T{0}
			axes := make([]bool, len(c.shape))
			for i := range axes {
				axes[i] = true
			}
			if err := Reduce(ReduceSum, c.shape, src, axes, Operand{Data: d, Strides: make([]int, len(c.shape))}); err != nil {
				t.Fatal(err)
			}
			if !identical(d[0], want) {
				t.Errorf("%s: %T sum %v, want %v", fmt.Sprint(c.shape, c.strides, " workers ", w), d[0], d[0], want)
			}
		}
	}
}
