package arrays

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"workbench/kernels"
)

func TestViewsShareMemory(t *testing.T) {
	x := Arange(12).Reshape(3, 4)
	views := map[string]*Array{
		"index":     x.Index("1:, ::2"),
		"transpose": x.T(),
		"reshape":   x.Reshape(2, 6),
		"broadcast": BroadcastTo(x.Index(0), 5, 4),
		"expand":    ExpandDims(x, 0),
		"permute":   PermuteDims(x, 1, 0),
	}
	for name, v := range views {
		if !v.sharesBuffer(x) {
			t.Errorf("%s: not a view", name)
		}
	}
	x.Index("1:, ::2").Assign(-1)
	want := []int64{0, 1, 2, 3, -1, 5, -1, 7, -1, 9, -1, 11}
	got := x.Int64s()
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("assign through a view: got %v, want %v", got, want)
		}
	}
	if got := x.T().Index(2, 1).Int(); got != -1 {
		t.Errorf("x.T()[2,1] = %d, want -1", got)
	}
}

func TestIndexForms(t *testing.T) {
	x := Arange(24).Reshape(2, 3, 4)
	cases := []struct {
		name  string
		view  *Array
		shape []int
		first int64
	}{
		{"int", x.Index(1), []int{3, 4}, 12},
		{"negative int", x.Index(-1, -1), []int{4}, 20},
		{"string slice", x.Index("::-1, 1:, ::2"), []int{2, 2, 2}, 16},
		{"ellipsis", x.Index("..., 1"), []int{2, 3}, 1},
		{"newaxis", x.Index(NewAxis, Ellipsis, NewAxis), []int{1, 2, 3, 4, 1}, 0},
		{"span", x.Index(Slice(), Slice(1, 3), From(2)), []int{2, 2, 2}, 6},
		{"reverse", x.Index(Ellipsis, Slice().WithStep(-1)), []int{2, 3, 4}, 3},
		{"empty slice", x.Index("5:"), []int{0, 3, 4}, -1},
		{"scalar", x.Index(1, 2, 3), []int{}, 23},
	}
	for _, c := range cases {
		if !equalInts(c.view.Shape(), c.shape) {
			t.Errorf("%s: shape %v, want %v", c.name, c.view.Shape(), c.shape)
			continue
		}
		if c.first >= 0 && c.view.Int64s()[0] != c.first {
			t.Errorf("%s: first element %d, want %d", c.name, c.view.Int64s()[0], c.first)
		}
	}
}

func TestIndexErrors(t *testing.T) {
	x := Zeros(2, 3)
	for _, idx := range [][]any{{5}, {0, 0, 0}, {"1:2:0"}, {"a"}, {"...", "..."}, {1.5}} {
		err := Maybe(func() { x.Index(idx...) })
		var ie *IndexError
		if !errors.As(err, &ie) {
			t.Errorf("Index(%v): got %v, want an IndexError", idx, err)
		}
	}
}

func TestBroadcastErrorNamesShapes(t *testing.T) {
	err := Maybe(func() { Add(Zeros(2, 3), Zeros(4)) })
	var se *ShapeError
	if !errors.As(err, &se) {
		t.Fatalf("got %v, want a ShapeError", err)
	}
	if !strings.Contains(err.Error(), "(2, 3)") || !strings.Contains(err.Error(), "(4,)") {
		t.Errorf("error %q does not name both shapes", err)
	}
}

func TestWeakScalars(t *testing.T) {
	cases := []struct {
		name string
		got  *Array
		want DType
	}{
		{"float32 * 2", Ones(3, Dtype(Float32)).Mul(2), Float32},
		{"float32 * 2.5", Ones(3, Dtype(Float32)).Mul(2.5), Float32},
		{"int8 + 1", Ones(3, Dtype(Int8)).Add(1), Int8},
		{"int8 + 1.5", Ones(3, Dtype(Int8)).Add(1.5), Float64},
		{"float32 + 1i", Ones(3, Dtype(Float32)).Add(1i), Complex64},
		{"uint8 / 2", Ones(3, Dtype(Uint8)).Div(2), Float64},
		{"bool + 1", Ones(3, Dtype(Bool)).Add(1), Int64},
		{"int16 + int8 array", Ones(3, Dtype(Int16)).Add(Ones(3, Dtype(Int8))), Int16},
		{"uint8 + int8 array", Ones(3, Dtype(Uint8)).Add(Ones(3, Dtype(Int8))), Int16},
		{"float32 + int64 array", Ones(3, Dtype(Float32)).Add(Ones(3, Dtype(Int64))), Float64},
		{"2 * float32", Multiply(2, Ones(3, Dtype(Float32))), Float32},
	}
	for _, c := range cases {
		if c.got.DType() != c.want {
			t.Errorf("%s: dtype %v, want %v", c.name, c.got.DType(), c.want)
		}
	}
	if err := Maybe(func() { Ones(3, Dtype(Uint8)).Add(300) }); err == nil {
		t.Error("uint8 + 300: want an out-of-bounds error")
	}
	if err := Maybe(func() { Ones(3, Dtype(Int8)).Add(-129) }); err == nil {
		t.Error("int8 + -129: want an out-of-bounds error")
	}
}

func TestAsarray(t *testing.T) {
	a := Asarray([][]float64{{1, 2, 3}, {4, 5, 6}})
	if !equalInts(a.Shape(), []int{2, 3}) || a.DType() != Float64 {
		t.Fatalf("nested float64: shape %v dtype %v", a.Shape(), a.DType())
	}
	b := Asarray([]any{1, 2.5, int8(3)})
	if b.DType() != Float64 || b.Float64s()[1] != 2.5 {
		t.Errorf("mixed: dtype %v values %v", b.DType(), b.Float64s())
	}
	if got := Asarray(3).DType(); got != Int64 {
		t.Errorf("Asarray(3) dtype %v", got)
	}
	if got := Asarray([]int32{1}, Dtype(Complex64)).DType(); got != Complex64 {
		t.Errorf("Dtype option ignored: %v", got)
	}
	for _, bad := range []any{[][]int{{1, 2}, {3}}, []any{1, []int{2}}, []any{"x"}, nil} {
		if err := Maybe(func() { Asarray(bad) }); err == nil {
			t.Errorf("Asarray(%v): want an error", bad)
		}
	}
}

func TestReshapeWithoutCopy(t *testing.T) {
	x := Arange(24).Reshape(4, 6).Index(":, :4") // non-contiguous rows
	y := x.Reshape(4, 2, 2)
	if !y.sharesBuffer(x) {
		t.Error("splitting an axis of a strided view should not copy")
	}
	z := x.Reshape(16)
	if z.sharesBuffer(x) {
		t.Error("merging non-contiguous axes must copy")
	}
	if got := z.Int64s(); got[4] != 6 || got[15] != 21 {
		t.Errorf("reshape copy: %v", got)
	}
	if err := Maybe(func() { x.Reshape(5, -1) }); err == nil || !strings.Contains(err.Error(), "size 16") {
		t.Errorf("bad reshape: %v", err)
	}
}

func TestConcatStack(t *testing.T) {
	a := Arange(6).Reshape(2, 3)
	b := Arange(3).Reshape(1, 3).Astype(Float32)
	c := Concat([]*Array{a, b})
	if !equalInts(c.Shape(), []int{3, 3}) || c.DType() != Float64 {
		t.Fatalf("concat: shape %v dtype %v", c.Shape(), c.DType())
	}
	s := Stack([]*Array{a, a}, Axis(-1))
	if !equalInts(s.Shape(), []int{2, 3, 2}) || s.Index(1, 2, 1).Int() != 5 {
		t.Fatalf("stack: shape %v", s.Shape())
	}
	if err := Maybe(func() { Concat([]*Array{a, Zeros(2, 2)}) }); err == nil {
		t.Error("concat of mismatched shapes: want an error")
	}
}

// A parallel sum of 10 million values must give identical bits for any
// number of workers.
func TestParallelSumIsDeterministic(t *testing.T) {
	n := 10_000_000
	data := make([]float64, n)
	s := uint64(1)
	for i := range data {
		s = s*6364136223846793005 + 1442695040888963407
		data[i] = float64(s>>11) / (1 << 53) * math.Pow(10, float64(i%7)-3)
	}
	x := FromSlice(data)
	defer kernels.SetWorkers(kernels.SetWorkers(1))
	var first uint64
	for i, w := range []int{1, 2, 3, 8} {
		kernels.SetWorkers(w)
		got := math.Float64bits(Sum(x).Float())
		mean := math.Float64bits(Mean(x).Float())
		if i == 0 {
			first = got ^ mean
			continue
		}
		if got^mean != first {
			t.Errorf("%d workers: sum/mean bits differ from 1 worker", w)
		}
	}
}

func TestMaybePassesOtherPanicsOn(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("a non-error panic was swallowed")
		}
	}()
	_ = Maybe(func() { panic("not an error") })
}

func TestCumulativeSumIncludeInitial(t *testing.T) {
	x := Asarray([]int8{1, 2, 3})
	got := CumulativeSum(x, IncludeInitial())
	if got.DType() != Int64 || !equalI64(got.Int64s(), []int64{0, 1, 3, 6}) {
		t.Errorf("got %v %v", got.DType(), got.Int64s())
	}
}

func equalInts(a, b []int) bool {
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

func equalI64(a, b []int64) bool {
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

func TestAssignOverlapping(t *testing.T) {
	x := Arange(6)
	x.Index("1:").Assign(x.Index(":-1"))
	if got := x.Int64s(); !equalI64(got, []int64{0, 0, 1, 2, 3, 4}) {
		t.Errorf("x[1:] = x[:-1] gave %v", got)
	}
	y := Arange(4)
	y.Assign(y.Index("::-1"))
	if got := y.Int64s(); !equalI64(got, []int64{3, 2, 1, 0}) {
		t.Errorf("y[:] = y[::-1] gave %v", got)
	}
}

func TestScalarAccessErrors(t *testing.T) {
	cases := []struct {
		name string
		fn   func()
	}{
		{"Float of size 2", func() { Zeros(2).Float() }},
		{"Float of complex", func() { Zeros(1, Dtype(Complex128)).Float() }},
		{"Int of float", func() { Zeros(1).Int() }},
		{"To nil device", func() { Zeros(1).To(nil) }},
		{"T of 1-d", func() { Zeros(3).T() }},
		{"min of empty", func() { Min(Zeros(0)) }},
		{"sub of bools", func() { Zeros(2, Dtype(Bool)).Sub(true) }},
		{"shift of floats", func() { Zeros(2).Lshift(1) }},
		{"order of complex", func() { Zeros(2, Dtype(Complex64)).Lt(0) }},
		{"int to negative power", func() { Arange(3).Pow(-1) }},
	}
	for _, c := range cases {
		if err := Maybe(c.fn); err == nil {
			t.Errorf("%s: want an error", c.name)
		}
	}
}

// Element-wise results of a transposed array are laid out as their input
// (NumPy's order K), hold the same values as for a C-order copy, and
// reshape correctly afterwards.
func TestResultsKeepInputLayout(t *testing.T) {
	x := Arange(24).Astype(Float64).Reshape(2, 3, 4)
	xt := PermuteDims(x, 2, 0, 1)
	y := xt.Add(1)
	if y.IsContiguous() {
		t.Errorf("result of a permuted input is C-contiguous; want the input's layout")
	}
	if got := y.Strides(); !equalInts(got, []int{1, 12, 4}) {
		t.Errorf("strides %v, want [1 12 4] (as the input's)", got)
	}
	want := Copy(xt).Add(1)
	if !equalF64(y.Float64s(), want.Float64s()) {
		t.Errorf("values %v, want %v", y.Float64s(), want.Float64s())
	}
	if got := y.Reshape(-1).Float64s(); !equalF64(got, want.Reshape(-1).Float64s()) {
		t.Errorf("reshape of a K-order result: %v", got)
	}
	// A reversed input falls back to C order; so does a result whose shape
	// comes from broadcasting.
	if !x.Index("::-1").Add(1).IsContiguous() {
		t.Errorf("result of a reversed input is not C-contiguous")
	}
	if !Add(xt.Index(Ellipsis, 0), Ones(4, 1, 1)).IsContiguous() {
		t.Errorf("result of a broadcast is not C-contiguous")
	}
	if z := Sin(xt); !equalF64(z.Float64s(), Sin(Copy(xt)).Float64s()) {
		t.Errorf("sin of a transposed array differs from sin of its copy")
	}
}

func equalF64(a, b []float64) bool {
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

func TestExpandDimsSeveralAxes(t *testing.T) {
	x := Arange(6).Reshape(2, 3)
	for _, c := range []struct {
		axes []int
		want []int
	}{
		{[]int{0}, []int{1, 2, 3}},
		{[]int{-1}, []int{2, 3, 1}},
		{[]int{0, 2}, []int{1, 2, 1, 3}},
		{[]int{0, -1}, []int{1, 2, 3, 1}},
		{[]int{3, 1}, []int{2, 1, 3, 1}},
		{[]int{0, 1, 2}, []int{1, 1, 1, 2, 3}},
	} {
		got := ExpandDims(x, c.axes[0], c.axes[1:]...)
		if !slices.Equal(got.Shape(), c.want) {
			t.Errorf("ExpandDims(2x3, %v): shape %v, want %v (NumPy)", c.axes, got.Shape(), c.want)
		}
		if !slices.Equal(got.Reshape(6).Int64s(), []int64{0, 1, 2, 3, 4, 5}) {
			t.Errorf("ExpandDims(2x3, %v) changed the values: %v", c.axes, got)
		}
	}
	for _, axes := range [][]int{{0, 0}, {0, -4}, {4}, {-5}} {
		func() {
			defer func() {
				if r := recover(); r == nil {
					t.Errorf("ExpandDims(2x3, %v) did not panic", axes)
				} else if err, ok := r.(error); !ok || !strings.Contains(err.Error(), "expand_dims") {
					t.Errorf("ExpandDims(2x3, %v) panicked with %v", axes, r)
				}
			}()
			ExpandDims(x, axes[0], axes[1:]...)
		}()
	}
}

// TestFullSumInMemoryOrder checks that a sum over all axes walks the
// elements in memory order, as NumPy does: the sum of a transposed or
// reversed view is bit for bit the sum of its contiguous original.
func TestFullSumInMemoryOrder(t *testing.T) {
	x := Sin(Arange(300*700).Astype(Float64)).Mul(1e3).Reshape(300, 700)
	want := math.Float64bits(Sum(x).Float())
	for name, v := range map[string]*Array{
		"T":          x.T(),
		"reversed":   x.Index("::-1, ::-1").Index("::-1, ::-1"),
		"permuted 3": PermuteDims(x.Reshape(30, 10, 700), 2, 0, 1),
	} {
		if got := math.Float64bits(Sum(v).Float()); got != want {
			t.Errorf("Sum of %s: %v, the contiguous original's %v", name, math.Float64frombits(got), math.Float64frombits(want))
		}
	}
	// Prod and Any as well (exact for integers and bools).
	xi := Arange(1, 61).Reshape(6, 10).Astype(Int64)
	if Prod(xi.T()).Int() != Prod(xi).Int() {
		t.Error("Prod of a transposed integer array differs")
	}
}
