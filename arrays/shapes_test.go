package arrays

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// The shape functions return views where NumPy does, and new arrays
// elsewhere.
func TestShapeFunctionsViews(t *testing.T) {
	x := Arange(24).Reshape(2, 3, 4)
	views := map[string]*Array{
		"Ravel":           Ravel(x),
		"Ravel/strided":   Ravel(x.Index("..., ::2").Reshape(-1)),
		"Flip":            Flip(x),
		"Flip/axis":       Flip(x, Axis(1)),
		"Split":           Split(x, 2, Axis(-1))[1],
		"ArraySplit":      ArraySplit(x, 5, Axis(2))[4],
		"Unstack":         Unstack(x, Axis(1))[2],
		"Moveaxis":        Moveaxis(x, 0, -1),
		"Swapaxes":        Swapaxes(x, 0, 2),
		"BroadcastArrays": BroadcastArrays(x, Zeros(4))[0],
	}
	for name, v := range views {
		if !v.sharesBuffer(x) {
			t.Errorf("%s: want a view of x", name)
		}
	}
	copies := map[string]*Array{
		"Ravel/transposed": Ravel(x.T()),
		"Roll":             Roll(x, 1),
		"Roll/zero":        Roll(x, 0, Axis(0)),
		"Tile":             Tile(x, 1),
		"Repeat":           Repeat(x, 1, Axis(0)),
		"Repeat/counts":    Repeat(x, []int{1, 2}, Axis(0)),
		"Meshgrid":         Meshgrid([]*Array{Ravel(x)})[0],
		"Tril":             Tril(x),
		"Pad":              Pad(x, 0),
		"Flatten":          x.Flatten(),
	}
	for name, c := range copies {
		if c.sharesBuffer(x) {
			t.Errorf("%s: want a new array, got a view of x", name)
		}
	}
	// Writing through a view changes x.
	Flip(x).SetIndex(-1, 0, 0, 0)
	if got := x.Index(1, 2, 3).Int(); got != -1 {
		t.Errorf("Flip view: x[1, 2, 3] = %d after writing -1 through the view", got)
	}
	if f := Flip(x, Axis(2)); f.Strides()[2] >= 0 {
		t.Errorf("Flip: want a negative stride, got strides %v", f.Strides())
	}
}

func TestShapeFunctionErrors(t *testing.T) {
	x := Arange(12).Reshape(3, 4)
	cases := []struct {
		name string
		fn   func()
		want any // a pointer to the error type
		msg  string
	}{
		{"BroadcastShapes", func() { BroadcastShapes([]int{2, 3}, []int{4}) }, new(*ShapeError), "(2, 3) and (4,)"},
		{"BroadcastArrays", func() { BroadcastArrays(Zeros(2, 3), Zeros(4)) }, new(*ShapeError), "(2, 3) and (4,)"},
		{"Split/unequal", func() { Split(x, 5, Axis(1)) }, new(*ShapeError), "5 sections"},
		{"Split/0d", func() { Split(Asarray(1.0), 1) }, new(*ShapeError), "0-d"},
		{"ArraySplit/zero", func() { ArraySplit(x, 0) }, new(*ValueError), "larger than 0"},
		{"Split/axis", func() { Split(x, 2, Axis(2)) }, new(*ShapeError), "out of bounds"},
		{"Roll/pairs", func() { Roll(x, []int{1, 2, 3}, Axis(0, 1)) }, new(*ValueError), "paired"},
		{"Roll/shift", func() { Roll(x, 1.5) }, new(*ValueError), "float64"},
		{"Tile/negative", func() { Tile(x, -1) }, new(*ValueError), "negative"},
		{"Repeat/negative", func() { Repeat(x, []int{1, -1, 1}, Axis(0)) }, new(*ValueError), "negative"},
		{"Repeat/length", func() { Repeat(x, []int{1, 2}, Axis(0)) }, new(*ShapeError), "2 repeats"},
		{"Repeat/float", func() { Repeat(x, Asarray([]float64{1, 2, 3}), Axis(0)) }, new(*DTypeError), "integers"},
		{"Moveaxis/length", func() { Moveaxis(x, []int{0, 1}, 0) }, new(*ValueError), "same number"},
		{"Moveaxis/repeat", func() { Moveaxis(x, []int{0, 0}, []int{0, 1}) }, new(*ShapeError), "repeated"},
		{"Meshgrid/indexing", func() { Meshgrid([]*Array{x}, Indexing("yx")) }, new(*ValueError), "indexing"},
		{"Tril/1d", func() { Tril(Zeros(3)) }, new(*ShapeError), "two dimensions"},
		{"Triu/k", func() { Triu(x, 1, 2) }, new(*ValueError), "one diagonal"},
		{"Unstack/0d", func() { Unstack(Asarray(1)) }, new(*ShapeError), "0-d"},
		{"Pad/negative", func() { Pad(x, -1) }, new(*ValueError), "negative"},
		{"Pad/shape", func() { Pad(x, []int{1, 2, 3}) }, new(*ValueError), "pair per axis"},
		{"Pad/mode", func() { Pad(x, 1, PadMode("nope")) }, new(*ValueError), "not supported"},
		{"Pad/option", func() { Pad(x, 1, PadMode("edge"), ConstantValues(1)) }, new(*ValueError), "ConstantValues"},
		{"Pad/empty", func() { Pad(Zeros(0, 2), 1, PadMode("wrap")) }, new(*ShapeError), "empty axis 0"},
		{"Pad/statlength", func() { Pad(x, 1, PadMode("maximum"), StatLength(0)) }, new(*ValueError), "stat length of 0"},
		{"Pad/width", func() { Pad(x, 1.5) }, new(*ValueError), "integers"},
	}
	for _, c := range cases {
		err := Maybe(c.fn)
		if err == nil {
			t.Errorf("%s: want an error, got none", c.name)
			continue
		}
		if !errors.As(err, c.want) {
			t.Errorf("%s: want %T, got %T: %v", c.name, c.want, err, err)
		}
		if !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: error %q does not say %q", c.name, err, c.msg)
		}
	}
}

func TestRepeatCountsLarge(t *testing.T) {
	// Per-element counts on a long axis, checked against a plain loop.
	n := 5000
	data := make([]float64, n)
	counts := make([]int, n)
	var want []float64
	for i := range data {
		data[i] = float64(i) * 0.5
		counts[i] = i % 4
		for range counts[i] {
			want = append(want, data[i])
		}
	}
	got := Repeat(FromSlice(data), counts).Float64s()
	if !slices.Equal(got, want) {
		t.Fatalf("Repeat: %d values, want %d (or the values differ)", len(got), len(want))
	}
	// Along the middle axis of a strided 3-d array.
	x := Arange(60).Reshape(3, 4, 5).Index("::-1, :, ::2")
	r := Repeat(x, Asarray([]int64{0, 1, 2, 3}), Axis(1))
	if s := r.Shape(); !slices.Equal(s, []int{3, 6, 3}) {
		t.Fatalf("Repeat shape %v", s)
	}
	if v := r.Index(0, 5, 2).Int(); v != x.Index(0, 3, 2).Int() {
		t.Errorf("Repeat: r[0, 5, 2] = %d, want %d", v, x.Index(0, 3, 2).Int())
	}
}

func TestRollInverse(t *testing.T) {
	x := Arange(30).Reshape(5, 6).T()
	for _, s := range []int{-31, -7, -1, 0, 1, 6, 29} {
		back := Roll(Roll(x, s), -s)
		if !slices.Equal(back.Int64s(), x.Int64s()) {
			t.Errorf("Roll(Roll(x, %d), %d) != x", s, -s)
		}
		back = Roll(Roll(x, []int{s, 2 * s}, Axis(0, 1)), []int{-s, -2 * s}, Axis(0, 1))
		if !slices.Equal(back.Int64s(), x.Int64s()) {
			t.Errorf("Roll by (%d, %d) along both axes and back != x", s, 2*s)
		}
	}
}

func TestSplitUnstackRoundTrip(t *testing.T) {
	x := Arange(24).Reshape(2, 3, 4).Astype(Complex64)
	for ax := -3; ax < 3; ax++ {
		parts := Unstack(x, Axis(ax))
		if got := Stack(parts, Axis(ax)); !slices.Equal(got.Complex128s(), x.Complex128s()) {
			t.Errorf("Stack(Unstack(x, %d)) != x", ax)
		}
		pieces := ArraySplit(x, 2, Axis(ax))
		if got := Concat(pieces, Axis(ax)); !slices.Equal(got.Complex128s(), x.Complex128s()) {
			t.Errorf("Concat(ArraySplit(x, 2, %d)) != x", ax)
		}
	}
}

func TestMeshgridStandardShapes(t *testing.T) {
	xs := []*Array{Zeros(2), Zeros(3), Zeros(4)}
	for _, c := range []struct {
		opts []Option
		want []int
	}{{nil, []int{3, 2, 4}}, {[]Option{Indexing("xy")}, []int{3, 2, 4}}, {[]Option{Indexing("ij")}, []int{2, 3, 4}}} {
		for i, g := range Meshgrid(xs, c.opts...) {
			if !slices.Equal(g.Shape(), c.want) {
				t.Errorf("Meshgrid %v: result %d has shape %v, want %v", c.opts, i, g.Shape(), c.want)
			}
		}
	}
	if got := Meshgrid(nil); len(got) != 0 {
		t.Errorf("Meshgrid of nothing: %d arrays", len(got))
	}
}

func TestPadValuesForms(t *testing.T) {
	x := Asarray([][]int{{1, 2}, {3, 4}})
	// The same padding written in each accepted form.
	forms := []any{[][2]int{{1, 2}, {1, 2}}, [2]int{1, 2}, []int{1, 2}, [][]int{{1, 2}}, Asarray([]int{1, 2}), []int64{1, 2}}
	want := Pad(x, [][]int{{1, 2}, {1, 2}}, ConstantValues([]float64{7, 8})).Int64s()
	for _, f := range forms {
		got := Pad(x, f, ConstantValues([2]int{7, 8})).Int64s()
		if !slices.Equal(got, want) {
			t.Errorf("Pad(x, %v): %v, want %v", f, got, want)
		}
	}
	// Per-axis constants: the corners take the later axis' values.
	p := Pad(x, 1, ConstantValues([][2]float64{{1, 2}, {3, 4}}))
	if got := p.Int64s(); !slices.Equal(got, []int64{3, 1, 1, 4, 3, 1, 2, 4, 3, 3, 4, 4, 3, 2, 2, 4}) {
		t.Errorf("per-axis constants: %v", got)
	}
}

func TestConstantsAsWeakScalars(t *testing.T) {
	x := Ones(3, Dtype(Float32))
	if d := x.Mul(Pi).DType(); d != Float32 {
		t.Errorf("float32 * Pi: %v", d)
	}
	if d := x.Add(Inf).DType(); d != Float32 {
		t.Errorf("float32 + Inf: %v", d)
	}
	if d := Full(NaN, 2).DType(); d != Float64 {
		t.Errorf("Full(NaN): %v", d)
	}
	if !IsNaN(Full(NaN, 2)).All().Bool() {
		t.Error("NaN is not NaN")
	}
	if got := Arange(3).Index(Ellipsis, Newaxis).Shape(); !slices.Equal(got, []int{3, 1}) {
		t.Errorf("Newaxis: shape %v", got)
	}
	if E < 2.718281828 || E > 2.718281829 || Pi < 3.14159265 || Pi > 3.14159266 {
		t.Errorf("E = %v, Pi = %v", E, Pi)
	}
}
