package arrays

import (
	"errors"
	"math"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"workbench/kernels"
)

// TestSortSearchErrors: misuse panics with the package's typed errors, whose
// messages name what was wrong.
func TestSortSearchErrors(t *testing.T) {
	m := Zeros(2, 3)
	c := Zeros(3, Dtype(Complex128))
	cases := []struct {
		name string
		fn   func()
		want any    // a pointer to the error type wanted
		text string // in the message
	}{
		{"sort axis", func() { Sort(m, Axis(2)) }, new(*ShapeError), "(2, 3)"},
		{"sort two axes", func() { Sort(m, Axis(0, 1)) }, new(*ValueError), "one axis"},
		{"sort 0-d", func() { Sort(Asarray(1.5)) }, new(*ShapeError), "axis"},
		{"argsort axis", func() { Argsort(m, Axis(-3)) }, new(*ShapeError), "(2, 3)"},
		{"partition kth", func() { Partition(m, 3) }, new(*ShapeError), "kth 3"},
		{"argpartition kth", func() { Argpartition(m, -4, Axis(0)) }, new(*ShapeError), "kth -4"},
		{"argmax complex", func() { Argmax(c) }, new(*DTypeError), "complex128"},
		{"argmin empty", func() { Argmin(Zeros(0)) }, new(*ValueError), "empty"},
		{"argmax axis", func() { Argmax(m, Axis(5)) }, new(*ShapeError), "(2, 3)"},
		{"nanargmax all-NaN", func() { NanArgmax(Full(math.NaN(), 2, 2), Axis(1)) }, new(*ValueError), "all-NaN"},
		{"nonzero 0-d", func() { Nonzero(Asarray(1)) }, new(*ShapeError), "()"},
		{"where broadcast", func() { Where(Zeros(2, 3, Dtype(Bool)), Zeros(4), 0) }, new(*ShapeError), "(4,)"},
		{"where dtypes", func() { Where(Zeros(3, Dtype(Bool)), Zeros(3, Dtype(Uint8)), 300) }, nil, "300"},
		{"searchsorted 2-d", func() { Searchsorted(m, 1.0) }, new(*ShapeError), "(2, 3)"},
		{"searchsorted side", func() { Searchsorted(Zeros(3), 1.0, Side("middle")) }, new(*ValueError), "middle"},
		{"searchsorted sorter dtype", func() { Searchsorted(Zeros(3), 1.0, Sorter(Zeros(3))) }, new(*DTypeError), "float64"},
		{"searchsorted sorter range", func() { Searchsorted(Zeros(2), 1.0, Sorter(Asarray([]int{0, 2}))) }, new(*ValueError), "2"},
		{"count_nonzero axis", func() { CountNonzero(m, Axis(2)) }, new(*ShapeError), "(2, 3)"},
		{"diff 0-d", func() { Diff(Asarray(2.0)) }, new(*ShapeError), "()"},
		{"diff n", func() { Diff(m, N(-1)) }, new(*ValueError), "-1"},
		{"diff prepend shape", func() { Diff(m, Prepend(Zeros(4))) }, new(*ShapeError), "(4,)"},
		{"histogram complex", func() { Histogram(c, 3) }, new(*DTypeError), "complex128"},
		{"histogram bins", func() { Histogram(m, 0) }, new(*ValueError), "positive"},
		{"histogram range", func() { Histogram(m, 2, Range(1, 0)) }, new(*ValueError), "range"},
		{"histogram nan", func() { Histogram(Asarray([]float64{1, math.NaN()}), 2) }, new(*ValueError), "not finite"},
		{"histogram edges", func() { Histogram(m, []float64{0, 2, 1}) }, new(*ValueError), "monotonically"},
		{"histogram weights", func() { Histogram(m, 2, Weights(Zeros(3))) }, new(*ShapeError), "(3,)"},
		{"bincount float", func() { Bincount(Zeros(3)) }, new(*DTypeError), "float64"},
		{"bincount negative", func() { Bincount(Asarray([]int{1, -2})) }, new(*ValueError), "-2"},
		{"bincount 2-d", func() { Bincount(Zeros(2, 2, Dtype(Int64))) }, new(*ShapeError), "(2, 2)"},
		{"quantile complex", func() { Quantile(c, 0.5) }, new(*DTypeError), "complex128"},
		{"quantile bool", func() { Quantile(Zeros(3, Dtype(Bool)), 0.5) }, new(*DTypeError), "bool"},
		{"quantile q", func() { Quantile(m, 1.5) }, new(*ValueError), "1.5"},
		{"percentile q", func() { Percentile(m, []float64{50, -1}) }, new(*ValueError), "-1"},
		{"quantile method", func() { Quantile(m, 0.5, Method("hazen")) }, new(*ValueError), "hazen"},
		{"quantile empty", func() { Quantile(Zeros(0), 0.5) }, new(*ValueError), "empty"},
		{"median axis", func() { Median(m, Axis(3)) }, new(*ShapeError), "(2, 3)"},
		{"nanmin complex", func() { NanMin(c) }, new(*DTypeError), "complex128"},
		{"nanmax empty", func() { NanMax(Zeros(0)) }, new(*ValueError), "zero-size"},
		{"nancumsum axis", func() { NanCumulativeSum(m) }, new(*ShapeError), "(2, 3)"},
	}
	for _, tc := range cases {
		err := Maybe(tc.fn)
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		if tc.want != nil && !errors.As(err, tc.want) {
			t.Errorf("%s: got %T (%v), want %T", tc.name, err, err, tc.want)
		}
		if !goldenIsPackageError(err) {
			t.Errorf("%s: %T is not one of the package's errors", tc.name, err)
		}
		if !strings.Contains(err.Error(), tc.text) {
			t.Errorf("%s: error %q does not mention %q", tc.name, err, tc.text)
		}
	}
}

// referenceArgsort sorts indices with the package's order by comparisons
// alone, stably.
func referenceArgsort(l lanes, n int, desc bool) []int64 {
	out := make([]int64, 0, l.len())
	for r := 0; r*n < l.len(); r++ {
		idx := make([]int64, n)
		for i := range idx {
			idx[i] = int64(i)
		}
		switch t := l.(type) {
		case *typed[float64]:
			cmpf := t.argCmp(desc)
			slices.SortStableFunc(idx, func(a, b int64) int {
				return cmpf(indexed[float64]{t.s[r*n+int(a)], 0}, indexed[float64]{t.s[r*n+int(b)], 0})
			})
		case *typed[int16]:
			cmpf := t.argCmp(desc)
			slices.SortStableFunc(idx, func(a, b int64) int {
				return cmpf(indexed[int16]{t.s[r*n+int(a)], 0}, indexed[int16]{t.s[r*n+int(b)], 0})
			})
		}
		out = append(out, idx...)
	}
	return out
}

// TestSortPaths checks the radix sort of long rows and the comparison sort
// of short ones against a plain stable sort, with ties, zeros of both signs
// and NaNs, ascending and descending.
func TestSortPaths(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for _, n := range []int{1, 2, 17, radixMin - 1, radixMin, 3000} {
		f := make([]float64, 2*n)
		iv := make([]int16, 2*n)
		for i := range f {
			switch rng.Intn(6) {
			case 0:
				f[i] = math.NaN()
			case 1:
				f[i] = math.Copysign(0, float64(rng.Intn(2)*2-1))
			default:
				f[i] = float64(rng.Intn(40) - 20)
			}
			iv[i] = int16(rng.Intn(200) - 100)
		}
		for _, data := range []any{f, iv} {
			for _, desc := range []bool{false, true} {
				x := FromSlice(data, 2, n)
				var opts []Option
				if desc {
					opts = append(opts, Descending())
				}
				got := Argsort(x, opts...).Int64s()
				want := referenceArgsort(lanesOf(data), n, desc)
				if !slices.Equal(got, want) {
					t.Errorf("%T n=%d desc=%v: argsort differs from a stable comparison sort", data, n, desc)
				}
				// Sort must be x at those indices, bit for bit.
				sorted := Sort(x, opts...)
				taken := FromSlice(lanesOf(x.Copy().hostData()).take(rowIndices(want, n)), 2, n)
				if !bitsEqual(sorted, taken) {
					t.Errorf("%T n=%d desc=%v: sort is not x at argsort's indices", data, n, desc)
				}
			}
		}
	}
}

func rowIndices(idx []int64, n int) []int64 {
	out := make([]int64, len(idx))
	for i, j := range idx {
		out[i] = int64(i/n*n) + j
	}
	return out
}

func bitsEqual(a, b *Array) bool {
	switch x := a.Data().(type) {
	case []float64:
		y := b.Data().([]float64)
		for i := range x {
			if math.Float64bits(x[i]) != math.Float64bits(y[i]) && !(math.IsNaN(x[i]) && math.IsNaN(y[i])) {
				return false
			}
		}
		return true
	case []int16:
		return slices.Equal(x, b.Data().([]int16))
	}
	return false
}

// TestPartitionProperty: the kth element is in place, none before it is
// greater and none after it smaller, for every kth.
func TestPartitionProperty(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	for _, n := range []int{1, 5, 16, 17, 100, 1000} {
		v := make([]float64, n)
		for i := range v {
			v[i] = float64(rng.Intn(n/3 + 1))
			if rng.Intn(10) == 0 {
				v[i] = math.NaN()
			}
		}
		x := FromSlice(v)
		sorted := Sort(x).Float64s()
		for kth := 0; kth < n; kth += max(1, n/7) {
			p := Partition(x, kth).Float64s()
			ip := Argpartition(x, kth).Int64s()
			for name, q := range map[string][]float64{"partition": p, "argpartition": lanesOf(v).take(ip).([]float64)} {
				if cmpFloat(q[kth], sorted[kth]) != 0 {
					t.Fatalf("%s n=%d kth=%d: element %v, want %v", name, n, kth, q[kth], sorted[kth])
				}
				for i := range q {
					if i < kth && cmpFloat(q[i], q[kth]) > 0 || i > kth && cmpFloat(q[i], q[kth]) < 0 {
						t.Fatalf("%s n=%d kth=%d: element %d (%v) on the wrong side", name, n, kth, i, q[i])
					}
				}
			}
		}
	}
}

// TestWorkerIndependence: results are the same for any number of workers.
func TestWorkerIndependence(t *testing.T) {
	x := Linspace(-50, 50, 300*301).Reshape(300, 301)
	x = Remainder(Multiply(x, 7.25), 3.5)
	run := func() []*Array {
		out := []*Array{Sort(x, Axis(0)), Argsort(x, Descending()), Median(x, Axis(1)),
			Quantile(x, []float64{0.1, 0.9}, Axis(0)), Argmax(x, Axis(0)), Isin(x, x.Index(0))}
		v, _, inv, cnt := UniqueAll(x)
		return append(out, v, inv, cnt)
	}
	old := kernels.SetWorkers(1)
	one := run()
	kernels.SetWorkers(4)
	four := run()
	kernels.SetWorkers(old)
	for i := range one {
		if !Equal(one[i], four[i]).All().Bool() && !IsNaN(one[i]).Any().Bool() {
			t.Errorf("result %d differs between 1 and 4 workers", i)
		}
	}
}

// TestMethodsAndOptions: the methods are the functions, and options read
// as documented.
func TestMethodsAndOptions(t *testing.T) {
	x := Asarray([]float64{3, 1, math.NaN(), 2, 1})
	if got := x.Sort(Descending()).Float64s(); !(got[0] == 3 && got[3] == 1 && math.IsNaN(got[4])) {
		t.Errorf("Sort(Descending()) = %v, want [3 2 1 1 NaN]", got)
	}
	if got := x.Argsort(Stable()).Int64s(); !slices.Equal(got, []int64{1, 4, 3, 0, 2}) {
		t.Errorf("Argsort = %v", got)
	}
	if got := x.Argmax().Int(); got != 2 {
		t.Errorf("Argmax = %d, want the NaN's index 2", got)
	}
	if got := NanArgmax(x).Int(); got != 0 {
		t.Errorf("NanArgmax = %d, want 0", got)
	}
	if got := NanArgmax(Asarray([]float64{math.NaN(), math.Inf(-1)})).Int(); got != 1 {
		t.Errorf("NanArgmax([nan, -inf]) = %d, want 1 (NumPy says 0, the NaN)", got)
	}
	s := Asarray([]int{1, 3, 3, 5})
	if got := s.Searchsorted([]int{3, 4}, Side("right")).Int64s(); !slices.Equal(got, []int64{3, 3}) {
		t.Errorf("Searchsorted right = %v", got)
	}
	nz := Asarray([][]int{{0, 1}, {2, 0}}).Nonzero()
	if !slices.Equal(nz[0].Int64s(), []int64{0, 1}) || !slices.Equal(nz[1].Int64s(), []int64{1, 0}) {
		t.Errorf("Nonzero = %v %v", nz[0], nz[1])
	}
	counts, edges := Histogram(Asarray([]float64{1, 2, 2, 3}), []float64{0, 2, 4})
	if !slices.Equal(counts.Int64s(), []int64{1, 3}) || edges.Size() != 3 {
		t.Errorf("Histogram with edges = %v %v", counts, edges)
	}
	if got := Bincount(Asarray([]int{1, 1, 3}), Minlength(6)).Int64s(); !slices.Equal(got, []int64{0, 2, 0, 1, 0, 0}) {
		t.Errorf("Bincount = %v", got)
	}
	if got := Isin(Asarray([]int{1, 2, 3}), []int{2}, Invert()).Bools(); !slices.Equal(got, []bool{true, false, true}) {
		t.Errorf("Isin(Invert) = %v", got)
	}
	if got := Diff(Asarray([]int{1, 4, 9}), N(2), Prepend(0)).Int64s(); !slices.Equal(got, []int64{2, 2}) {
		t.Errorf("Diff(N(2), Prepend(0)) = %v", got)
	}
	if got := Percentile(Asarray([]float64{1, 2, 3, 4}), 50, Method("lower")).Float(); got != 2 {
		t.Errorf("Percentile lower = %v", got)
	}
}
