package kernels

import (
	"fmt"
	"math"
	"math/big"
	"testing"
)

// ignoredStride is given to dst for reduced axes, which Reduce must ignore:
// using it would index far outside the buffer.
const ignoredStride = 1 << 40

// noPanic runs f and turns a panic into a test failure.
func noPanic(t *testing.T, what string, f func() error) error {
	t.Helper()
	var err error
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("%s panicked: %v", what, r)
			}
		}()
		err = f()
	}()
	return err
}

type redLayout struct {
	big   bool // also used for sizes above bigSize
	name  string
	shape []int
	axes  []bool
	src   opLayout
	dst   opLayout // strides of reduced axes are 0 here; Reduce gets ignoredStride
}

func reduceLayouts(n int) []redLayout {
	c := (n + 1) / 2
	return []redLayout{
		{true, "1-d", []int{n}, []bool{true}, opLayout{[]int{1}, 0}, opLayout{[]int{0}, 0}},
		{true, "1-d reversed stride 2", []int{n}, []bool{true}, opLayout{[]int{-2}, 2 * (n - 1)}, opLayout{[]int{0}, 3}},
		{false, "1-d no axes", []int{n}, []bool{false}, opLayout{[]int{-1}, n - 1}, opLayout{[]int{1}, 0}},
		{true, "2-d rows of transposed", []int{2, c}, []bool{false, true}, opLayout{[]int{1, 2}, 0}, opLayout{[]int{1, 0}, 0}},
		{false, "2-d columns", []int{2, c}, []bool{true, false}, opLayout{[]int{c, 1}, 0}, opLayout{[]int{0, 2}, 1}},
		{true, "2-d all", []int{2, c}, []bool{true, true}, opLayout{[]int{c, 1}, 0}, opLayout{[]int{0, 0}, 0}},
		{true, "2-d all of transposed", []int{2, c}, []bool{true, true}, opLayout{[]int{1, 2}, 0}, opLayout{[]int{0, 0}, 0}},
		{false, "3-d two axes", []int{c, 2, 1}, []bool{true, false, true}, opLayout{[]int{2, 1, 5}, 0}, opLayout{[]int{0, 1, 0}, 0}},
		{false, "3-d middle", []int{2, c, 2}, []bool{false, true, false}, opLayout{[]int{1, 4, 2}, 0}, opLayout{[]int{2, 0, -1}, 1}},
	}
}

type redCase[T any] struct {
	op  ReduceOp
	gen func(int) T
	f   func(acc, x T) T
}

// checkReduce compares Reduce with a naive fold in C order, for every
// layout and every size that crosses ReduceGrain and Grain. With loose it
// compares with == (where the sign of a zero may depend on the grouping).
func checkReduce[T any](t *testing.T, loose bool, cases []redCase[T]) {
	t.Helper()
	for _, n := range crossSizes[1:] {
		for _, lay := range reduceLayouts(n) {
			if n > bigSize && !lay.big {
				continue
			}
			var offS, offD []int
			for _, c := range cases {
				s, sop := newBuffer[T](t, lay.shape, lay.src)
				d, dop := newBuffer[T](t, lay.shape, lay.dst)
				if offS == nil {
					offS, offD = naiveOffsets(lay.shape, sop), naiveOffsets(lay.shape, dop)
				}
				for k, o := range offS {
					s[o] = c.gen(k)
				}
				dst := Operand{Data: d, Offset: dop.Offset, Strides: make([]int, len(lay.shape))}
				for i, r := range lay.axes {
					dst.Strides[i] = lay.dst.strides[i]
					if r {
						dst.Strides[i] = ignoredStride
					}
				}
				want := append([]T(nil), d...)
				seen := make([]bool, len(d))
				for k := range offS {
					o := offD[k]
					if !seen[o] {
						want[o], seen[o] = s[offS[k]], true // the first element as it is
					} else {
						want[o] = c.f(want[o], s[offS[k]])
					}
				}
				what := fmt.Sprintf("Reduce %v %s n=%d %s", c.op, typeName(s), n, lay.name)
				if err := noPanic(t, what, func() error { return Reduce(c.op, lay.shape, sop, lay.axes, dst) }); err != nil {
					t.Fatalf("%s: %v", what, err)
				}
				if loose {
					for i := range d {
						if any(d[i]) != any(want[i]) && !identical(d[i], want[i]) {
							t.Fatalf("%s: element %d is %v, want %v", what, i, d[i], want[i])
						}
					}
					continue
				}
				compareBuffers(t, what, d, want)
			}
		}
	}
}

func TestReduceFloat64(t *testing.T) {
	checkReduce(t, false, []redCase[float64]{
		{ReduceSum, genF64, func(a, x float64) float64 { return a + x }}, // exact: eighths
		{ReduceProd, genUnitF64, func(a, x float64) float64 { return a * x }},
		{ReduceMin, genF64, math.Min},
		{ReduceMax, genF64, math.Max},
	})
}

func TestReduceInt32(t *testing.T) {
	checkReduce(t, false, []redCase[int32]{
		{ReduceSum, genI32, func(a, x int32) int32 { return a + x }}, // wraps: exact in any order
		{ReduceProd, genSmallI32, func(a, x int32) int32 { return a * x }},
		{ReduceMin, genI32, func(a, x int32) int32 { return min(a, x) }},
		{ReduceMax, genI32, func(a, x int32) int32 { return max(a, x) }},
	})
}

func TestReduceUint8(t *testing.T) {
	checkReduce(t, false, []redCase[uint8]{
		{ReduceSum, genU8, func(a, x uint8) uint8 { return a + x }},
		{ReduceProd, func(k int) uint8 { return genU8(k) | 1 }, func(a, x uint8) uint8 { return a * x }},
		{ReduceMin, genU8, func(a, x uint8) uint8 { return min(a, x) }},
		{ReduceMax, genU8, func(a, x uint8) uint8 { return max(a, x) }},
	})
}

func TestReduceComplex128(t *testing.T) {
	// The parts of products of units like 1i are zeros whose signs depend
	// on the grouping (NumPy's too), so products compare with ==.
	checkReduce(t, false, []redCase[complex128]{
		{ReduceSum, genC128, func(a, x complex128) complex128 { return a + x }},
	})
	checkReduce(t, true, []redCase[complex128]{
		{ReduceProd, genUnitC128, func(a, x complex128) complex128 { return a * x }},
	})
}

func TestReduceBool(t *testing.T) {
	and := func(a, x bool) bool { return a && x }
	or := func(a, x bool) bool { return a || x }
	mostlyFalse := func(k int) bool { return !genMostlyTrue(k) }
	checkReduce(t, false, []redCase[bool]{
		{ReduceAll, genMostlyTrue, and},
		{ReduceAll, genBool, and},
		{ReduceAny, mostlyFalse, or},
		{ReduceAny, genBool, or},
		{ReduceMin, genMostlyTrue, and},
		{ReduceMax, mostlyFalse, or},
	})
}

func TestReduceEmpty(t *testing.T) {
	// Sum and product of nothing are the identities; min and max of nothing
	// are errors. A zero-size result writes nothing.
	for _, tc := range []struct {
		op   ReduceOp
		want float64
	}{{ReduceSum, 0}, {ReduceProd, 1}} {
		d := []float64{42, 42, 42}
		err := Reduce(tc.op, []int{3, 0}, Operand{Data: []float64{}, Strides: []int{0, 1}}, []bool{false, true},
			Operand{Data: d, Strides: []int{1, ignoredStride}})
		if err != nil || d[0] != tc.want || d[1] != tc.want || d[2] != tc.want {
			t.Errorf("%v over an empty axis = %v, %v; want %v each", tc.op, d, err, tc.want)
		}
		d1 := []float64{42}
		err = Reduce(tc.op, []int{0}, Operand{Data: []float64{}, Strides: []int{1}}, []bool{true},
			Operand{Data: d1, Strides: []int{ignoredStride}})
		if err != nil || d1[0] != tc.want {
			t.Errorf("%v of a 0-length vector = %v, %v; want %v", tc.op, d1[0], err, tc.want)
		}
	}
	for _, op := range []ReduceOp{ReduceMin, ReduceMax} {
		d := []float64{42}
		err := Reduce(op, []int{0}, Operand{Data: []float64{}, Strides: []int{1}}, []bool{true},
			Operand{Data: d, Strides: []int{ignoredStride}})
		if err == nil {
			t.Errorf("%v of nothing gave no error", op)
		}
		d2 := []int32{7}
		err = Reduce(op, []int{1, 0}, Operand{Data: []int32{}, Strides: []int{0, 1}}, []bool{false, true},
			Operand{Data: d2, Strides: []int{1, ignoredStride}})
		if err == nil {
			t.Errorf("%v over an empty axis gave no error", op)
		}
	}
	d := []bool{false, true}
	if err := Reduce(ReduceAll, []int{2, 0}, Operand{Data: []bool{}, Strides: []int{0, 1}}, []bool{false, true},
		Operand{Data: d, Strides: []int{1, 0}}); err != nil || !d[0] || !d[1] {
		t.Errorf("all over an empty axis = %v, %v; want [true true]", d, err)
	}
	if err := Reduce(ReduceMax, []int{0, 3}, Operand{Data: []float64{}, Strides: []int{3, 1}}, []bool{false, true},
		Operand{Data: []float64{}, Strides: []int{1, 0}}); err != nil {
		t.Errorf("max into a zero-size result: %v", err)
	}
	// A 0-d reduction reduces one element.
	d0 := []int64{0}
	if err := Reduce(ReduceSum, nil, Operand{Data: []int64{9}}, nil, Operand{Data: d0}); err != nil || d0[0] != 9 {
		t.Errorf("0-d sum = %v, %v; want 9", d0[0], err)
	}
}

func TestReduceNaN(t *testing.T) {
	nan := math.NaN()
	for _, op := range []ReduceOp{ReduceMin, ReduceMax, ReduceSum} {
		for _, n := range []int{3, 200, ReduceGrain + 5} {
			for _, at := range []int{0, n / 2, n - 1} {
				s := make([]float64, n)
				for i := range s {
					s[i] = float64(i % 17)
				}
				s[at] = nan
				d := []float64{0}
				if err := Reduce(op, []int{n}, Operand{Data: s, Strides: []int{1}}, []bool{true},
					Operand{Data: d, Strides: []int{0}}); err != nil {
					t.Fatal(err)
				}
				if !math.IsNaN(d[0]) {
					t.Errorf("%v of %d values with NaN at %d = %v, want NaN", op, n, at, d[0])
				}
			}
		}
	}
}

func TestReduceErrors(t *testing.T) {
	one := func(data any) Operand { return Operand{Data: data, Strides: []int{1}} }
	for _, tc := range []struct {
		name   string
		op     ReduceOp
		s, d   any
		isImpl bool
	}{
		{"dst of another type", ReduceSum, []float64{1, 2}, []float32{0}, false},
		{"bool into int", ReduceAll, []bool{true}, []int64{0}, false},
		{"min of complex", ReduceMin, []complex128{1, 2}, []complex128{0}, true},
		{"all of float", ReduceAll, []float64{1, 2}, []float64{0}, true},
		{"any of int", ReduceAny, []int32{1, 2}, []int32{0}, true},
		{"unknown type", ReduceSum, []int{1, 2}, []int{0}, true},
	} {
		err := noPanic(t, tc.name, func() error { return Reduce(tc.op, []int{sliceLen(tc.s)}, one(tc.s), []bool{true}, one(tc.d)) })
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		if isNotImpl(err) != tc.isImpl {
			t.Errorf("%s: errors.Is(err, ErrNotImplemented) = %v, want %v", tc.name, !tc.isImpl, tc.isImpl)
		}
	}
}

// sliceLen is the length of the few slice types the error tests use.
func sliceLen(s any) int {
	switch x := s.(type) {
	case []float64:
		return len(x)
	case []bool:
		return len(x)
	case []complex128:
		return len(x)
	case []int32:
		return len(x)
	case []int:
		return len(x)
	}
	return 0
}

type cumLayout struct {
	big      bool // also used for sizes above bigSize
	name     string
	shape    []int
	axis     int
	dst, src opLayout
}

func cumulativeLayouts(n int) []cumLayout {
	c := (n + 1) / 2
	return []cumLayout{
		{true, "1-d", []int{n}, 0, opLayout{[]int{1}, 0}, opLayout{[]int{1}, 0}},
		{false, "1-d strided reversed", []int{n}, 0, opLayout{[]int{2}, 1}, opLayout{[]int{-1}, max(n-1, 0)}},
		{true, "2-d rows of transposed", []int{2, c}, 1, opLayout{[]int{c, 1}, 0}, opLayout{[]int{1, 2}, 0}},
		{true, "2-d columns", []int{2, c}, 0, opLayout{[]int{1, 2}, 0}, opLayout{[]int{c, 1}, 0}},
		{false, "3-d middle", []int{2, c, 1}, 1, opLayout{[]int{c, 1, 7}, 0}, opLayout{[]int{-1, 2, 3}, 1}},
	}
}

func checkCumulative[T any](t *testing.T, gen func(int) T, sum, prod func(a, x T) T) {
	t.Helper()
	for _, n := range crossSizes {
		for _, lay := range cumulativeLayouts(n) {
			if n > bigSize && !lay.big {
				continue
			}
			s, sop := newBuffer[T](t, lay.shape, lay.src)
			fill(s, lay.shape, sop, gen)
			offS := naiveOffsets(lay.shape, sop)
			inner := 1
			for _, d := range lay.shape[lay.axis+1:] {
				inner *= d
			}
			var offD []int
			for _, c := range []struct {
				op ReduceOp
				f  func(a, x T) T
			}{{ReduceSum, sum}, {ReduceProd, prod}} {
				d, dop := newBuffer[T](t, lay.shape, lay.dst)
				want := append([]T(nil), d...)
				if offD == nil {
					offD = naiveOffsets(lay.shape, dop)
				}
				for k := range offD {
					if (k/inner)%lay.shape[lay.axis] == 0 {
						want[offD[k]] = s[offS[k]]
					} else {
						want[offD[k]] = c.f(want[offD[k]-dop.Strides[lay.axis]], s[offS[k]])
					}
				}
				what := fmt.Sprintf("Cumulative %v %s n=%d %s", c.op, typeName(s), n, lay.name)
				if err := noPanic(t, what, func() error { return Cumulative(c.op, lay.shape, lay.axis, dop, sop) }); err != nil {
					t.Fatalf("%s: %v", what, err)
				}
				compareBuffers(t, what, d, want)
			}
		}
	}
}

func TestCumulative(t *testing.T) {
	checkCumulative(t, genF64, func(a, x float64) float64 { return a + x }, func(a, x float64) float64 { return a * x })
	checkCumulative(t, genI32, func(a, x int32) int32 { return a + x }, func(a, x int32) int32 { return a * x })
	checkCumulative(t, genU8, func(a, x uint8) uint8 { return a + x }, func(a, x uint8) uint8 { return a * x })
	checkCumulative(t, genC128, func(a, x complex128) complex128 { return a + x }, func(a, x complex128) complex128 { return a * x })
}

func TestCumulativeErrors(t *testing.T) {
	one := func(data any) Operand { return Operand{Data: data, Strides: []int{1}} }
	for _, tc := range []struct {
		name   string
		op     ReduceOp
		d, s   any
		isImpl bool
	}{
		{"bool", ReduceSum, []bool{false, false}, []bool{true, true}, true},
		{"min", ReduceMin, []float64{0, 0}, []float64{1, 2}, true},
		{"dst of another type", ReduceSum, []float32{0, 0}, []float64{1, 2}, false},
	} {
		err := noPanic(t, tc.name, func() error { return Cumulative(tc.op, []int{2}, 0, one(tc.d), one(tc.s)) })
		if err == nil {
			t.Errorf("cumulative %s: no error", tc.name)
			continue
		}
		if isNotImpl(err) != tc.isImpl {
			t.Errorf("cumulative %s: errors.Is(err, ErrNotImplemented) = %v, want %v", tc.name, !tc.isImpl, tc.isImpl)
		}
	}
	// A negative zero first element stays negative zero.
	negz := math.Copysign(0, -1)
	d := []float64{1, 1}
	if err := Cumulative(ReduceSum, []int{2}, 0, one(d), one([]float64{negz, negz})); err != nil ||
		!math.Signbit(d[0]) || !math.Signbit(d[1]) {
		t.Errorf("cumulative sum of [-0, -0] = %v, %v; want [-0 -0]", d, err)
	}
}

// lcgFloats makes n float64 values in [-1, 1) scaled over six decades with
// Knuth's MMIX linear congruential generator.
func lcgFloats(n int) []float64 {
	x := uint64(12345)
	scale := [...]float64{1e-3, 1e-2, 1e-1, 1, 10, 100}
	v := make([]float64, n)
	for i := range v {
		x = x*6364136223846793005 + 1442695040888963407
		v[i] = (float64(x>>11)/(1<<53)*2 - 1) * scale[(x>>3)%6]
	}
	return v
}

func exactSum(v []float64, o, st, n int) *big.Float {
	s := new(big.Float).SetPrec(2048)
	for i := 0; i < n; i++ {
		s.Add(s, new(big.Float).SetFloat64(v[o+i*st]))
	}
	return s
}

func TestReduceDeterministic(t *testing.T) {
	const n = 1_000_003
	v := lcgFloats(n)
	exact, _ := exactSum(v, 0, 1, n).Float64()
	type job struct {
		name  string
		shape []int
		src   Operand
		axes  []bool
		dst   func() Operand
	}
	jobs := []job{
		{"1-d", []int{n}, Operand{Data: v, Strides: []int{1}}, []bool{true},
			func() Operand { return Operand{Data: make([]float64, 1), Strides: []int{0}} }},
		{"1-d reversed", []int{n / 2}, Operand{Data: v, Offset: n - 1, Strides: []int{-2}}, []bool{true},
			func() Operand { return Operand{Data: make([]float64, 1), Strides: []int{0}} }},
		{"all of transposed", []int{1000, 1000}, Operand{Data: v, Strides: []int{1, 1000}}, []bool{true, true},
			func() Operand { return Operand{Data: make([]float64, 1), Strides: []int{0, 0}} }},
		{"columns", []int{1000, 1000}, Operand{Data: v, Strides: []int{1000, 1}}, []bool{true, false},
			func() Operand { return Operand{Data: make([]float64, 1000), Strides: []int{0, 1}} }},
		{"rows", []int{1000, 1000}, Operand{Data: v, Strides: []int{1000, 1}}, []bool{false, true},
			func() Operand { return Operand{Data: make([]float64, 1000), Strides: []int{1, 0}} }},
	}
	for _, j := range jobs {
		var first []float64
		for _, w := range []int{1, 2, 3, 8} {
			withWorkers(t, w, func() {
				d := j.dst()
				if err := Reduce(ReduceSum, j.shape, j.src, j.axes, d); err != nil {
					t.Fatal(err)
				}
				got := d.Data.([]float64)
				if first == nil {
					first = got
					return
				}
				for i := range got {
					if math.Float64bits(got[i]) != math.Float64bits(first[i]) {
						t.Fatalf("%s: sum %d with %d workers = %x, with 1 worker %x", j.name, i, w, got[i], first[i])
					}
				}
			})
		}
		if j.name == "1-d" {
			if rel := math.Abs(first[0]-exact) / math.Abs(exact); rel > 1e-13 {
				t.Errorf("sum of %d values = %v, exact %v (relative error %g)", n, first[0], exact, rel)
			}
		}
	}
}

// numpyPairwise is NumPy's pairwise_sum (numpy/_core/src/umath/
// loops_utils.h.src), transcribed: the reference PairwiseSum replaces.
func numpyPairwise(a []float64, o, st, n int) float64 {
	if n < 8 {
		res := 0.0
		for i := 0; i < n; i++ {
			res += a[o+i*st]
		}
		return res
	}
	if n <= 128 {
		var r [8]float64
		for j := range r {
			r[j] = a[o+j*st]
		}
		i := 8
		for ; i < n-(n%8); i += 8 {
			for j := range r {
				r[j] += a[o+(i+j)*st]
			}
		}
		res := ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
		for ; i < n; i++ {
			res += a[o+i*st]
		}
		return res
	}
	n2 := n / 2
	n2 -= n2 % 8
	return numpyPairwise(a, o, st, n2) + numpyPairwise(a, o+n2*st, st, n-n2)
}

func TestPairwiseSumMatchesNumPyAlgorithm(t *testing.T) {
	v := lcgFloats(30_000)
	for _, n := range []int{1, 2, 7, 8, 9, 15, 16, 17, 127, 128, 129, 255, 256, 257, 1000, 1023, 4099, 9999} {
		for _, st := range []int{1, 2, 3, -1, -3} {
			o := 0
			if st < 0 {
				o = (n - 1) * -st
			}
			got, want := PairwiseSum(v, o, st, n), numpyPairwise(v, o, st, n)
			if math.Float64bits(got) != math.Float64bits(want) {
				t.Errorf("PairwiseSum(n=%d, stride %d) = %x, NumPy's algorithm gives %x", n, st, got, want)
			}
		}
	}
	if got := PairwiseSum(v, 0, 1, 0); got != 0 {
		t.Errorf("PairwiseSum of nothing = %v", got)
	}
	c := make([]complex128, 300)
	for i := range c {
		c[i] = complex(v[i], v[i+1000])
	}
	re := make([]float64, 300)
	im := make([]float64, 300)
	for i := range c {
		re[i], im[i] = real(c[i]), imag(c[i])
	}
	if got, want := PairwiseSum(c, 0, 1, 300), complex(numpyPairwise(re, 0, 1, 300), numpyPairwise(im, 0, 1, 300)); got != want {
		t.Errorf("complex PairwiseSum = %v, want %v (the parts summed separately)", got, want)
	}
}

// TestPairwiseSumGolden compares with np.sum of the same values, computed by
// Debian's NumPy 1.24 (python3 with numpy; see mixFloat for the data):
//
//	M = (1 << 64) - 1
//	def mix(k): ... (SplitMix64's finaliser, as in mix)
//	P = [1e-3, 1e-2, 1e-1, 1.0, 1e1, 1e2, 1e3]
//	vals = np.array([(float(mix(k) >> 11) / 2.0**53 * 2 - 1) * P[mix(k + 1000003) % 7] for k in range(8192)])
//	float(np.sum(vals[:n])).hex(); float(np.sum(vals[::3])).hex()
//
// For up to 8192 contiguous elements NumPy's sum is pairwise_sum of them all.
func TestPairwiseSumGolden(t *testing.T) {
	vals := make([]float64, 8192)
	for k := range vals {
		vals[k] = mixFloat(k)
	}
	for _, tc := range []struct {
		n, stride int
		want      float64
	}{
		{1, 1, -0x1.2b98ef56a2f75p-13},
		{5, 1, 0x1.352baa0b1cb53p+7},
		{8, 1, 0x1.2b481aaff6263p+7},
		{9, 1, 0x1.2b4f381e20329p+7},
		{100, 1, 0x1.362ca597122e8p+9},
		{127, 1, 0x1.1a27118144744p+9},
		{128, 1, 0x1.1d2e68c4cc718p+9},
		{129, 1, 0x1.41e39cb1e2062p+9},
		{1000, 1, 0x1.5b36db30a964ap+12},
		{4099, 1, -0x1.750e33552ab6dp+14},
		{8192, 1, -0x1.328d3fb326c5ep+14},
		{2731, 3, -0x1.fa0ec727adb64p+12},
	} {
		if got := PairwiseSum(vals, 0, tc.stride, tc.n); got != tc.want {
			t.Errorf("PairwiseSum of %d values, stride %d = %x, NumPy %x", tc.n, tc.stride, got, tc.want)
		}
	}
}

func mixFloat(k int) float64 {
	p := [...]float64{1e-3, 1e-2, 1e-1, 1, 1e1, 1e2, 1e3}
	return (float64(mix(k)>>11)/(1<<53)*2 - 1) * p[mix(k+1000003)%7]
}

func TestPairwiseSumAccuracy(t *testing.T) {
	const n = 1_000_000
	v := make([]float64, n)
	for i := range v {
		v[i] = 0.1
	}
	exact := exactSum(v, 0, 1, n) // n times the float64 nearest 0.1, exactly
	errOf := func(x float64) float64 {
		d, _ := new(big.Float).SetPrec(2048).Sub(new(big.Float).SetFloat64(x), exact).Float64()
		return math.Abs(d)
	}
	naive := 0.0
	for _, x := range v {
		naive += x
	}
	pw := PairwiseSum(v, 0, 1, n)
	en, ep := errOf(naive), errOf(pw)
	if en < 1e-7 {
		t.Fatalf("naive summation error %g: the test data no longer shows the problem", en)
	}
	if ep > en/1000 || ep > 1e-9 {
		t.Errorf("pairwise sum error %g, naive %g: want pairwise far smaller", ep, en)
	}
	// Reduce uses it, chunked: just as accurate.
	d := []float64{0}
	if err := Reduce(ReduceSum, []int{n}, Operand{Data: v, Strides: []int{1}}, []bool{true}, Operand{Data: d, Strides: []int{0}}); err != nil {
		t.Fatal(err)
	}
	if er := errOf(d[0]); er > en/1000 || er > 1e-9 {
		t.Errorf("Reduce sum error %g, naive %g", er, en)
	}
}
