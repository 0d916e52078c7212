package arrays

// Tests of advanced indexing, Take, TakeAlongAxis, Put, Compress and
// Extract beyond the NumPy golden cases (testdata/golden/advanced_indexing):
// the Go forms of an index, copies and views, errors, other devices, and
// the benchmarks.

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"workbench/arrays/dtype"
	"workbench/devices"
	"workbench/kernels"
)

func wantArray(t *testing.T, what string, got *Array, shp []int, vals []int64) {
	t.Helper()
	if !slices.Equal(got.Shape(), shp) {
		t.Errorf("%s: shape %v, want %v", what, got.Shape(), shp)
		return
	}
	if g := got.Int64s(); !slices.Equal(g, vals) {
		t.Errorf("%s: %v, want %v", what, g, vals)
	}
}

// sameData reports whether two arrays hold the same elements (no NaNs).
func sameData(a, b *Array) bool { return reflect.DeepEqual(a.Data(), b.Data()) }

func wantIndexError(t *testing.T, what string, fn func(), parts ...string) {
	t.Helper()
	err := Maybe(fn)
	var ie *IndexError
	if !errors.As(err, &ie) {
		t.Errorf("%s: want an *IndexError, got %T %v", what, err, err)
		return
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("%s: error %q does not say %q", what, err, p)
		}
	}
}

func TestIndexGoForms(t *testing.T) {
	x := Arange(12).Reshape(3, 4)
	// The same index written in each form.
	forms := []struct {
		name string
		idx  []any
	}{
		{"[]int", []any{[]int{2, 0}, Slice(1, 3)}},
		{"[]int64", []any{[]int64{2, 0}, Slice(1, 3)}},
		{"[]int32", []any{[]int32{2, 0}, Slice(1, 3)}},
		{"[]uint8", []any{[]uint8{2, 0}, Slice(1, 3)}},
		{"*Array", []any{FromSlice([]int16{2, 0}), Slice(1, 3)}},
		{"string", []any{"[2, 0], 1:3"}},
		{"mixed", []any{"[2, 0]", "1:3"}},
		{"mask", []any{[]bool{true, false, true}, Slice(1, 3)}},
	}
	for _, f := range forms {
		want := []int64{9, 10, 1, 2}
		if f.name == "mask" {
			want = []int64{1, 2, 9, 10}
		}
		wantArray(t, f.name, x.Index(f.idx...), []int{2, 2}, want)
	}
	wantArray(t, "[][]int", x.Index([][]int{{0, 1}, {2, 2}}, 3), []int{2, 2}, []int64{3, 7, 11, 11})
	wantArray(t, "[][]bool", x.Index([][]bool{{true, false, false, false}, {false, false, false, true}, {false, true, false, false}}),
		[]int{3}, []int64{0, 7, 9})
	wantArray(t, "bool true", x.Index(true), []int{1, 3, 4}, x.Int64s())
	wantArray(t, "bool false", x.Index(false), []int{0, 3, 4}, []int64{})
	wantArray(t, "empty []int", x.Index([]int{}), []int{0, 4}, []int64{})
	wantArray(t, "empty []any", x.Index([]any{}), []int{0, 4}, []int64{})
	wantArray(t, "[]any ints", x.Index([]any{1, 2}, 0), []int{2}, []int64{4, 8})
	wantArray(t, "0-d int array", x.Index(Asarray(int64(-1))), []int{4}, []int64{8, 9, 10, 11})
	wantIndexError(t, "float slice", func() { x.Index([]float64{1}) }, "integer (or boolean)")
	wantIndexError(t, "ragged", func() { x.Index([][]int{{1}, {1, 2}}) }, "ragged")
	wantIndexError(t, "struct", func() { x.Index(struct{}{}) }, "struct")
}

func TestIndexStringLists(t *testing.T) {
	x := Arange(10)
	cases := []struct {
		idx  string
		shp  []int
		want []int64
	}{
		{"[0, 2, 1]", []int{3}, []int64{0, 2, 1}},
		{"[[0, 1], [2, 3]]", []int{2, 2}, []int64{0, 1, 2, 3}},
		{"[]", []int{0}, []int64{}},
		{"[[], []]", []int{2, 0}, []int64{}},
		{" [ -1 ,-2, ] ", []int{2}, []int64{9, 8}},
		{"[True, False, True, False, False, False, False, False, False, True]", []int{3}, []int64{0, 2, 9}},
		{"[True, 1]", []int{2}, []int64{1, 1}},
		{"True", []int{1, 10}, x.Int64s()},
		{"None, [3]", []int{1, 1}, []int64{3}},
	}
	for _, c := range cases {
		wantArray(t, c.idx, x.Index(c.idx), c.shp, c.want)
	}
	for _, bad := range []string{"[0, 1", "0]", "[1, [2]]", "[[1], 2]", "[[1], [2, 3]]", "[x]", "[1.5]", "[1 2]", "[1], ]"} {
		wantIndexError(t, bad, func() { x.Index(bad) })
	}
}

func TestAdvancedIndexIsACopy(t *testing.T) {
	x := Arange(6)
	for _, idx := range [][]any{{[]int{1, 2}}, {[]bool{true, false, true, false, false, false}}, {Asarray(int64(2))}, {true}} {
		y := x.Index(idx...)
		if y.sharesBuffer(x) {
			t.Errorf("x.Index(%v) shares x's memory", idx)
		}
	}
	if !x.Index(2).sharesBuffer(x) || !x.Index("1:").sharesBuffer(x) {
		t.Error("basic indexing should give views")
	}
}

func TestIndexErrorsMessages(t *testing.T) {
	x := Zeros([]int{2, 3, 4})
	wantIndexError(t, "out of bounds", func() { x.Index(nil, Slice(), []int{0, 5}) }, "index 5", "axis 1", "size 3")
	wantIndexError(t, "negative out of bounds", func() { x.Index(Ellipsis, []int{-5}) }, "index -5", "axis 2", "size 4")
	wantIndexError(t, "int with arrays", func() { x.Index(2, []int{0}) }, "index 2", "axis 0", "size 2")
	wantIndexError(t, "mask shape", func() { x.Index(Slice(), [][]bool{{true, false}, {true, true}}) }, "(2, 2)", "(3, 4)", "axis 1", "size is 3", "size is 2")
	wantIndexError(t, "broadcast", func() { x.Index([]int{0, 1}, []int{0, 1, 2}) }, "(2,)", "(3,)")
	wantIndexError(t, "too many", func() { x.Index([]int{0}, 0, 0, 0) }, "too many indices")
	wantIndexError(t, "two ellipses", func() { x.Index(Ellipsis, []int{0}, Ellipsis) }, "single ellipsis")
	wantIndexError(t, "float array", func() { x.Index(Ones(2)) }, "float64")
	wantIndexError(t, "empty result", func() { x.Index([]int{}, []int{7}) }, "index 7")
	err := Maybe(func() { x.SetIndex(Ones(3), []int{0, 1}) })
	var se *ShapeError
	if !errors.As(err, &se) || !strings.Contains(err.Error(), "(3,)") || !strings.Contains(err.Error(), "(2, 3, 4)") {
		t.Errorf("SetIndex with a value that does not broadcast: %v", err)
	}
}

func TestSetIndexAdvanced(t *testing.T) {
	x := Arange(10)
	x.SetIndex([]int{-1, -2, -3}, []int{1, 1, 1})
	x.SetIndex(100, []bool{true, false, false, false, false, false, false, false, false, true})
	wantArray(t, "repeated, mask", x, []int{10}, []int64{100, -3, 2, 3, 4, 5, 6, 7, 8, 100})

	// The value may be x itself, or overlap it.
	y := Arange(5)
	y.SetIndex(y, []int{4, 3, 2, 1, 0})
	wantArray(t, "self, reversed", y, []int{5}, []int64{4, 3, 2, 1, 0})
	y.SetIndex(y.Index("1:"), "[0, 1, 2, 3]")
	wantArray(t, "self, shifted", y, []int{5}, []int64{3, 2, 1, 0, 0})

	// Writing through a view changes the base.
	z := Arange(12).Reshape(3, 4)
	z.T().SetIndex(-1, []int{0, 3}, []int{2, 0})
	wantArray(t, "through T", z, []int{3, 4}, []int64{0, 1, 2, -1, 4, 5, 6, 7, -1, 9, 10, 11})

	// Leading axes of length 1 on the value, in basic indexing too.
	w := Zeros([]int{2, 3}, Dtype(Int64))
	w.SetIndex(FromSlice([]int64{1, 2, 3}).Reshape(1, 1, 3), []int{1})
	w.SetIndex(FromSlice([]int64{7, 8}).Reshape(1, 2), 0, Slice(0, 2))
	wantArray(t, "leading ones", w, []int{2, 3}, []int64{7, 8, 0, 1, 2, 3})

	// A complex value into floats drops the imaginary part, as Assign does.
	f := Zeros([]int{3})
	f.SetIndex(complex(2, 5), []int{1})
	if got := f.Float64s(); got[1] != 2 {
		t.Errorf("complex into float: %v", got)
	}
}

func TestTakeAndFriends(t *testing.T) {
	x := Arange(12).Reshape(3, 4)
	wantArray(t, "Take flat", Take(x, []int{11, 0, -1}), []int{3}, []int64{11, 0, 11})
	wantArray(t, "Take int", Take(x, 5), []int{}, []int64{5})
	wantArray(t, "Take axis", x.Take([][]int{{3}, {0}}, Axis(1)), []int{3, 2, 1}, []int64{3, 0, 7, 4, 11, 8})
	wantArray(t, "Take axis int", Take(x, -1, Axis(0)), []int{4}, []int64{8, 9, 10, 11})
	wantArray(t, "Take wrap", Take(x, []int{12, -13}, IndexMode("wrap")), []int{2}, []int64{0, 11})
	wantArray(t, "Take clip", Take(x, []int{12, -13}, IndexMode("clip")), []int{2}, []int64{11, 0})
	wantArray(t, "Take uint64 wrap", Take(x, []uint64{1<<64 - 1}, IndexMode("wrap")), []int{1}, []int64{(1<<64 - 1) % 12})
	wantIndexError(t, "Take uint64", func() { Take(x, []uint64{1 << 63}) }, "9223372036854775808")
	wantIndexError(t, "Take bounds", func() { Take(x, []int{4}, Axis(1)) }, "index 4", "axis 1", "size 4")
	if err := Maybe(func() { Take(x, 0, IndexMode("nope")) }); err == nil {
		t.Error("Take with a bad mode: no error")
	}

	idx := Argsort(Negative(x), Axis(1))
	wantArray(t, "TakeAlongAxis", TakeAlongAxis(x, idx, -1), []int{3, 4}, []int64{3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8})

	p := Arange(6)
	Put(p, []int{0, 2, 4, -1}, []int{-1, -2})
	wantArray(t, "Put", p, []int{6}, []int64{-1, 1, -2, 3, -1, -2})
	Put(p, 7, 9, IndexMode("wrap"))
	wantArray(t, "Put wrap", p, []int{6}, []int64{-1, 9, -2, 3, -1, -2})
	before := p.Int64s()
	wantIndexError(t, "Put bounds", func() { Put(p, []int{0, 6}, 5) }, "index 6")
	wantArray(t, "Put bounds leaves x", p, []int{6}, before)
	q := Arange(12).Reshape(3, 4)
	Put(q.T(), []int{1, 4}, []int{-1, -2}) // flat C order of the transposed view
	wantArray(t, "Put through T", q, []int{3, 4}, []int64{0, 1, 2, 3, -1, -2, 6, 7, 8, 9, 10, 11})

	wantArray(t, "Compress", Compress([]bool{true, false, true}, x, Axis(0)), []int{2, 4}, []int64{0, 1, 2, 3, 8, 9, 10, 11})
	wantArray(t, "Compress flat", Compress(FromSlice([]int64{0, 3, 0, 1}), x), []int{2}, []int64{1, 3})
	wantArray(t, "Extract", Extract(Greater(Remainder(x, 5), 3), x), []int{2}, []int64{4, 9})
}

// TestIndexDtypes checks the bit-moving loops on every dtype against
// element-by-element basic indexing.
func TestIndexDtypes(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, dt := range []DType{Bool, Int8, Int16, Int32, Int64, Uint8, Uint16, Uint32, Uint64, Float32, Float64, Complex64, Complex128} {
		x := Astype(Arange(60).Reshape(5, 12).Add(-30), dt)
		idx := make([]int, 40)
		for i := range idx {
			idx[i] = r.IntN(24) - 12
		}
		mask := make([]bool, 12)
		for i := range mask {
			mask[i] = r.IntN(2) == 0
		}
		for _, view := range []*Array{x, x.Index("::-1, ::-1"), x.Index(":, ::2")} {
			n := view.Shape()[1]
			ix := make([]int, 0, len(idx))
			for _, i := range idx {
				if i >= -n && i < n {
					ix = append(ix, i)
				}
			}
			got := view.Index(Slice(), ix)
			for row := 0; row < 5; row++ {
				for j, i := range ix {
					if !sameData(got.Index(row, j), view.Index(row, i)) {
						t.Fatalf("%v: x[:, ix][%d, %d] differs from x[%d, %d]", dt, row, j, row, i)
					}
				}
			}
			m := mask[:n]
			got = view.Index(Slice(), m)
			j := 0
			for i, b := range m {
				if b {
					if !sameData(got.Index(2, j), view.Index(2, i)) {
						t.Fatalf("%v: masked column %d differs", dt, i)
					}
					j++
				}
			}
			// Scatter the gathered values back to a zeroed copy.
			z := ZerosLike(view)
			z.SetIndex(view.Index(Slice(), ix), Slice(), ix)
			for _, i := range ix {
				if !sameData(z.Index(Slice(), i), view.Index(Slice(), i)) {
					t.Fatalf("%v: scatter of column %d differs", dt, i)
				}
			}
		}
	}
}

// TestIndexLarge checks the parallel loops (inputs of several chunks)
// against plain Go loops.
func TestIndexLarge(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	const n = 200_000
	xs := make([]float64, n)
	ms := make([]bool, n)
	for i := range xs {
		xs[i] = float64(i) * 0.5
		ms[i] = r.IntN(3) == 0
	}
	ids := make([]int32, 150_000)
	for i := range ids {
		ids[i] = int32(r.IntN(2*n) - n)
	}
	x := FromSlice(xs)
	var want []float64
	for i, b := range ms {
		if b {
			want = append(want, xs[i])
		}
	}
	if got := x.Index(ms).Float64s(); !slices.Equal(got, want) {
		t.Errorf("x[mask]: %d elements, want %d (or values differ)", len(got), len(want))
	}
	want = want[:0]
	for i := n - 1; i >= 0; i-- {
		if ms[n-1-i] {
			want = append(want, xs[i])
		}
	}
	if got := x.Index("::-1").Index(ms).Float64s(); !slices.Equal(got, want) {
		t.Error("x[::-1][mask] differs")
	}
	want = want[:0]
	for _, i := range ids {
		if i < 0 {
			i += n
		}
		want = append(want, xs[i])
	}
	if got := Take(x, ids).Float64s(); !slices.Equal(got, want) {
		t.Error("Take(x, ids) differs")
	}
	bad := slices.Clone(ids)
	bad[100_000], bad[140_000] = n, -n-1
	wantIndexError(t, "first bad index", func() { x.Index(bad) }, fmt.Sprintf("index %d is", n))

	// The general gather: rows of a matrix, columns, and a transposed view.
	m := Arange(300*500).Reshape(300, 500)
	cols := make([]int, 200)
	for i := range cols {
		cols[i] = r.IntN(500)
	}
	got := m.Index(Slice(), cols).Int64s()
	for i := 0; i < 300; i++ {
		for j, c := range cols {
			if got[i*200+j] != int64(i*500+c) {
				t.Fatalf("m[:, cols][%d, %d] = %d", i, j, got[i*200+j])
			}
		}
	}
	rows := make([]int, 1500)
	for i := range rows {
		rows[i] = r.IntN(300)
	}
	for _, v := range []struct {
		name string
		x    *Array
		at   func(i, j int) int64
	}{
		{"rows", m, func(i, j int) int64 { return int64(i*500 + j) }},
		{"rows of T", m.T(), func(i, j int) int64 { return int64(j*500 + i) }},
	} {
		got := v.x.Index(rows).Int64s()
		w := v.x.Shape()[1]
		for k, i := range rows {
			for j := 0; j < w; j++ {
				if got[k*w+j] != v.at(i, j) {
					t.Fatalf("%s: [%d, %d] = %d, want %d", v.name, k, j, got[k*w+j], v.at(i, j))
				}
			}
		}
	}
}

// ---------------------------------------------------------------- a device without host memory

// hiddenDevice is the CPU with buffers that do not show their memory, as a
// GPU's would not.
type hiddenDevice struct{}

type hiddenBuffer struct{ b devices.Buffer }

func (h hiddenBuffer) Device() devices.Device { return hiddenDevice{} }
func (h hiddenBuffer) DType() dtype.DType     { return h.b.DType() }
func (h hiddenBuffer) Len() int               { return h.b.Len() }

func unhide(v devices.View) devices.View {
	if h, ok := v.Buf.(hiddenBuffer); ok {
		v.Buf = h.b
	}
	return v
}

func (hiddenDevice) Name() string       { return "test-hidden" }
func (hiddenDevice) Kind() devices.Kind { return devices.KindGPU }
func (hiddenDevice) Info() devices.Info { return devices.Info{Name: "test-hidden"} }
func (hiddenDevice) Alloc(dt dtype.DType, n int) (devices.Buffer, error) {
	b, err := devices.CPU().Alloc(dt, n)
	return hiddenBuffer{b}, err
}
func (hiddenDevice) FromHost(data any) (devices.Buffer, error) {
	b, err := devices.CPU().FromHost(data)
	return hiddenBuffer{b}, err
}
func (hiddenDevice) ToHost(v devices.View, dst any) error {
	return devices.CPU().ToHost(unhide(v), dst)
}
func (hiddenDevice) Copy(dst, src devices.View) error {
	return devices.CPU().Copy(unhide(dst), unhide(src))
}
func (hiddenDevice) Unary(op kernels.UnaryOp, dst, src devices.View) error {
	return devices.CPU().Unary(op, unhide(dst), unhide(src))
}
func (hiddenDevice) Binary(op kernels.BinaryOp, dst, a, b devices.View) error {
	return devices.CPU().Binary(op, unhide(dst), unhide(a), unhide(b))
}
func (hiddenDevice) Reduce(op kernels.ReduceOp, dst, src devices.View, axes []bool) error {
	return devices.CPU().Reduce(op, unhide(dst), unhide(src), axes)
}
func (hiddenDevice) Cumulative(op kernels.ReduceOp, dst, src devices.View, axis int) error {
	return devices.CPU().Cumulative(op, unhide(dst), unhide(src), axis)
}

func TestAdvancedIndexOtherDevice(t *testing.T) {
	dev := hiddenDevice{}
	x := Arange(12).Reshape(3, 4).To(dev)
	if _, ok := x.buf.(devices.HostBuffer); ok {
		t.Fatal("the test device shows host memory")
	}
	got := x.T().Index([]int{3, 0}, "1:")
	if got.Device() != dev {
		t.Errorf("result on %s", got.Device().Name())
	}
	wantArray(t, "gather", got, []int{2, 2}, []int64{7, 11, 4, 8})
	wantArray(t, "mask", x.Index(Greater(x, 8).To(dev)), []int{3}, []int64{9, 10, 11})
	x.T().SetIndex([]int{-1, -2}, []int{1, 2}, []int{0, 2})
	wantArray(t, "scatter", x, []int{3, 4}, []int64{0, -1, 2, 3, 4, 5, 6, 7, 8, 9, -2, 11})
	Put(x.Index("::2"), []int{0, 7}, 100)
	wantArray(t, "put", x, []int{3, 4}, []int64{100, -1, 2, 3, 4, 5, 6, 7, 8, 9, -2, 100})
	wantArray(t, "take", Take(x, []int{1, 1}, Axis(0)), []int{2, 4}, []int64{4, 5, 6, 7, 4, 5, 6, 7})
}

// ---------------------------------------------------------------- benchmarks

// The benchmarks of issue 8 on 1e6 float64 elements; NumPy's times for the
// same work (python3 -m timeit, see the report) are x[m] and np.take(x, i).

const fancyBenchN = 1_000_000

func fancyBenchInputs() (x, mask, idx *Array) {
	r := rand.New(rand.NewPCG(3, 4))
	xs := make([]float64, fancyBenchN)
	ms := make([]bool, fancyBenchN)
	is := make([]int64, fancyBenchN)
	for i := range xs {
		xs[i] = r.Float64()
		ms[i] = xs[i] > 0.5
		is[i] = int64(r.IntN(fancyBenchN))
	}
	return FromSlice(xs), FromSlice(ms), FromSlice(is)
}

// BenchmarkIndexMask is x[mask] with a random half of 1e6 elements set.
func BenchmarkIndexMask(b *testing.B) {
	x, m, _ := fancyBenchInputs()
	b.SetBytes(9 * fancyBenchN)
	for b.Loop() {
		_ = x.Index(m)
	}
}

// BenchmarkTake is Take(x, idx) with 1e6 random indices.
func BenchmarkTake(b *testing.B) {
	x, _, idx := fancyBenchInputs()
	b.SetBytes(16 * fancyBenchN)
	for b.Loop() {
		_ = Take(x, idx)
	}
}

// BenchmarkIndexInt is x[idx] with 1e6 random indices.
func BenchmarkIndexInt(b *testing.B) {
	x, _, idx := fancyBenchInputs()
	b.SetBytes(16 * fancyBenchN)
	for b.Loop() {
		_ = x.Index(idx)
	}
}

// BenchmarkSetIndexMask is x[mask] = 0.
func BenchmarkSetIndexMask(b *testing.B) {
	x, m, _ := fancyBenchInputs()
	b.SetBytes(9 * fancyBenchN)
	for b.Loop() {
		x.SetIndex(0.0, m)
	}
}

// BenchmarkIndexRows is x[idx] on a 1000x1000 matrix with 1000 random rows.
func BenchmarkIndexRows(b *testing.B) {
	x, _, idx := fancyBenchInputs()
	x = x.Reshape(1000, 1000)
	rows := Remainder(idx.Index(Slice(1000)), 1000)
	b.SetBytes(8 * fancyBenchN)
	for b.Loop() {
		_ = x.Index(rows)
	}
}
