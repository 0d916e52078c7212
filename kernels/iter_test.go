package kernels

import (
	"math/rand/v2"
	"testing"
)

// naiveOffsets lists, in C order, the offset of every element of an operand
// of the given shape, offset + sum of index*stride, counting the
// multi-index up like an odometer one element at a time.
func naiveOffsets(shape []int, op Operand) []int {
	size := 1
	for _, d := range shape {
		size *= d
	}
	out := make([]int, size)
	idx := make([]int, len(shape))
	o := op.Offset
	for k := range out {
		out[k] = o
		for i := len(idx) - 1; i >= 0; i-- {
			idx[i]++
			o += op.Strides[i]
			if idx[i] < shape[i] {
				break
			}
			o -= shape[i] * op.Strides[i]
			idx[i] = 0
		}
	}
	return out
}

// directOffset is offset + sum of index*stride for the k-th element in C
// order, computed from scratch.
func directOffset(shape []int, op Operand, k int) int {
	o := op.Offset
	for i := len(shape) - 1; i >= 0; i-- {
		o += (k % shape[i]) * op.Strides[i]
		k /= shape[i]
	}
	return o
}

// visited lists the offsets that l.runs(lo, hi) visits, per operand, and
// checks the run lengths.
func visited(t *testing.T, l *loop, nops, lo, hi int) [][]int {
	t.Helper()
	out := make([][]int, nops)
	total := 0
	l.runs(lo, hi, func(offs []int, n int) {
		if n < 1 {
			t.Fatalf("runs(%d, %d) gave a run of length %d", lo, hi, n)
		}
		if len(l.shape) > 0 && n > l.shape[len(l.shape)-1] {
			t.Fatalf("runs(%d, %d) gave a run of %d, longer than the inner axis %d", lo, hi, n, l.shape[len(l.shape)-1])
		}
		total += n
		for k := 0; k < nops; k++ {
			for j := 0; j < n; j++ {
				out[k] = append(out[k], offs[k]+j*l.inner(k))
			}
		}
	})
	if total != max(hi-lo, 0) {
		t.Fatalf("runs(%d, %d) covered %d elements", lo, hi, total)
	}
	return out
}

type iterCase struct {
	name  string
	shape []int
	ops   []Operand
}

func fixedIterCases() []iterCase {
	return []iterCase{
		{"0-d", nil, []Operand{{Offset: 3, Strides: nil}, {Offset: 0, Strides: nil}}},
		{"all ones", []int{1, 1, 1}, []Operand{{Offset: 5, Strides: []int{7, -2, 9}}, {Strides: []int{1, 1, 1}}}},
		{"zero size", []int{3, 0, 2}, []Operand{{Strides: []int{0, 2, 1}}, {Strides: []int{1, 1, 1}}}},
		{"zero size last", []int{4, 0}, []Operand{{Strides: []int{1, 1}}}},
		{"contiguous", []int{2, 3, 4}, []Operand{{Strides: []int{12, 4, 1}}, {Offset: 10, Strides: []int{12, 4, 1}}}},
		{"transposed", []int{3, 4}, []Operand{{Strides: []int{4, 1}}, {Strides: []int{1, 3}}}},
		{"reversed", []int{3, 4}, []Operand{{Offset: 11, Strides: []int{-4, -1}}, {Strides: []int{4, 1}}}},
		{"broadcast", []int{3, 4}, []Operand{{Strides: []int{4, 1}}, {Strides: []int{0, 1}}, {Offset: 2, Strides: []int{1, 0}}}},
		{"all broadcast", []int{5, 6}, []Operand{{Offset: 4, Strides: []int{0, 0}}}},
		{"ones between", []int{2, 1, 3, 1, 2}, []Operand{{Strides: []int{6, 100, 2, -50, 1}}, {Strides: []int{1, 0, 2, 0, 6}}}},
		{"sliced", []int{3, 5}, []Operand{{Offset: 1, Strides: []int{20, 2}}, {Strides: []int{5, 1}}}},
	}
}

func TestLoopRunsFixed(t *testing.T) {
	for _, tc := range fixedIterCases() {
		checkLoop(t, tc)
	}
}

func TestLoopRunsRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for iter := 0; iter < 300; iter++ {
		checkLoop(t, randomIterCase(rng))
	}
}

func randomIterCase(rng *rand.Rand) iterCase {
	nd := rng.IntN(6) // 0..5 dims
	shape := make([]int, nd)
	size := 1
	for i := range shape {
		switch r := rng.IntN(10); {
		case r == 0:
			shape[i] = 0
		case r < 4:
			shape[i] = 1
		default:
			shape[i] = 2 + rng.IntN(4)
		}
		size *= shape[i]
	}
	// Keep exhaustive [lo, hi) splits cheap: shrink axes to 2 until the
	// size is at most 32.
	for i := 0; i < nd && size > 32; i++ {
		if shape[i] > 2 {
			size = size / shape[i] * 2
			shape[i] = 2
		}
	}
	nops := 1 + rng.IntN(3)
	ops := make([]Operand, nops)
	for k := range ops {
		st := make([]int, nd)
		switch rng.IntN(4) {
		case 0: // C-contiguous
			acc := 1
			for i := nd - 1; i >= 0; i-- {
				st[i] = acc
				acc *= max(shape[i], 1)
			}
		case 1: // Fortran order (transposed)
			acc := 1
			for i := 0; i < nd; i++ {
				st[i] = acc
				acc *= max(shape[i], 1)
			}
		case 2: // contiguous, scaled and partly reversed
			acc := 1 + rng.IntN(3)
			for i := nd - 1; i >= 0; i-- {
				st[i] = acc
				if rng.IntN(3) == 0 {
					st[i] = -acc
				}
				acc *= max(shape[i], 1)
			}
		default: // anything, including 0 (broadcast) and negative
			for i := range st {
				st[i] = rng.IntN(21) - 10
			}
		}
		ops[k] = Operand{Offset: rng.IntN(1000), Strides: st}
	}
	return iterCase{"random", shape, ops}
}

func checkLoop(t *testing.T, tc iterCase) {
	t.Helper()
	l := newLoop(tc.shape, tc.ops...)
	want := make([][]int, len(tc.ops))
	size := 1
	for _, d := range tc.shape {
		size *= d
	}
	for k, op := range tc.ops {
		want[k] = naiveOffsets(tc.shape, op)
		for i, o := range want[k] {
			if d := directOffset(tc.shape, op, i); o != d {
				t.Fatalf("test helper: naiveOffsets(%v, %+v)[%d] = %d, direct %d", tc.shape, op, i, o, d)
			}
		}
	}
	if l.size != size {
		t.Fatalf("%s %v: loop size %d, want %d", tc.name, tc.shape, l.size, size)
	}
	for lo := 0; lo <= size; lo++ {
		for hi := lo; hi <= size; hi++ {
			got := visited(t, l, len(tc.ops), lo, hi)
			for k := range tc.ops {
				if !equalIntSlices(got[k], want[k][lo:hi]) {
					t.Fatalf("%s shape %v, operand %d %+v, [%d, %d): visited %v, want %v",
						tc.name, tc.shape, k, tc.ops[k], lo, hi, got[k], want[k][lo:hi])
				}
			}
		}
	}
	// Reversed and empty ranges visit nothing.
	if size > 1 {
		l.runs(size-1, 1, func([]int, int) { t.Fatalf("%s: runs(%d, 1) called fn", tc.name, size-1) })
	}
	l.runs(size, size, func([]int, int) { t.Fatalf("%s: runs(size, size) called fn", tc.name) })
}

// TestLoopCollapses checks that contiguous operands become one long run, so
// the fast paths see them, and that axes of length 1 are dropped.
func TestLoopCollapses(t *testing.T) {
	for _, tc := range []struct {
		shape []int
		ops   []Operand
		nd    int
	}{
		{[]int{2, 3, 4}, []Operand{{Strides: []int{12, 4, 1}}, {Strides: []int{12, 4, 1}}}, 1},
		{[]int{2, 1, 4}, []Operand{{Strides: []int{4, 99, 1}}}, 1},
		{[]int{2, 3}, []Operand{{Strides: []int{0, 0}}}, 1},
		{[]int{2, 3, 4}, []Operand{{Strides: []int{12, 4, 1}}, {Strides: []int{0, 4, 1}}}, 2},
		{[]int{3, 4}, []Operand{{Strides: []int{4, 1}}, {Strides: []int{1, 3}}}, 2},
		{[]int{1, 1}, []Operand{{Strides: []int{1, 1}}}, 0},
		{[]int{5, 6}, []Operand{{Strides: []int{-6, -1}}}, 1},
	} {
		l := newLoop(tc.shape, tc.ops...)
		if len(l.shape) != tc.nd {
			t.Errorf("newLoop(%v, %+v) kept %d axes %v, want %d", tc.shape, tc.ops, len(l.shape), l.shape, tc.nd)
		}
	}
}

func equalIntSlices(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
