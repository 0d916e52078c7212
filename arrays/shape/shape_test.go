package shape

import (
	"errors"
	"strings"
	"testing"
)

func TestString(t *testing.T) {
	for _, tc := range []struct {
		s    Shape
		want string
	}{
		{nil, "()"},
		{Shape{}, "()"},
		{Shape{3}, "(3,)"},
		{Shape{0}, "(0,)"},
		{Shape{2, 3}, "(2, 3)"},
		{Shape{1, 0, 4, 5}, "(1, 0, 4, 5)"},
	} {
		if got := tc.s.String(); got != tc.want {
			t.Errorf("Shape(%v).String() = %q, want %q", []int(tc.s), got, tc.want)
		}
	}
}

func TestSizeNdimEqualClone(t *testing.T) {
	for _, tc := range []struct {
		s          Shape
		size, ndim int
	}{
		{nil, 1, 0}, {Shape{5}, 5, 1}, {Shape{2, 3, 4}, 24, 3}, {Shape{2, 0, 4}, 0, 3}, {Shape{1, 1}, 1, 2},
	} {
		if got := tc.s.Size(); got != tc.size {
			t.Errorf("%v.Size() = %d, want %d", tc.s, got, tc.size)
		}
		if got := tc.s.Ndim(); got != tc.ndim {
			t.Errorf("%v.Ndim() = %d, want %d", tc.s, got, tc.ndim)
		}
		c := tc.s.Clone()
		if !c.Equal(tc.s) || !tc.s.Equal(c) {
			t.Errorf("%v.Clone() = %v, not Equal", tc.s, c)
		}
		if len(c) > 0 {
			c[0]++
			if c.Equal(tc.s) {
				t.Errorf("Clone of %v shares memory", tc.s)
			}
		}
	}
	for _, tc := range []struct {
		a, b Shape
		want bool
	}{
		{nil, Shape{}, true}, {Shape{2}, Shape{2, 1}, false}, {Shape{2, 3}, Shape{3, 2}, false}, {Shape{0}, Shape{0}, true},
	} {
		if got := tc.a.Equal(tc.b); got != tc.want {
			t.Errorf("%v.Equal(%v) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestContiguousStrides(t *testing.T) {
	for _, tc := range []struct {
		s    Shape
		want []int
	}{
		{nil, []int{}},
		{Shape{5}, []int{1}},
		{Shape{2, 3}, []int{3, 1}},
		{Shape{2, 3, 4}, []int{12, 4, 1}},
		{Shape{4, 1, 3}, []int{3, 3, 1}},
		// NumPy (_array_fill_strides) does not multiply by a zero length.
		{Shape{2, 0, 3}, []int{3, 3, 1}},
		{Shape{1, 1}, []int{1, 1}},
	} {
		got := ContiguousStrides(tc.s)
		if !equalInts(got, tc.want) {
			t.Errorf("ContiguousStrides(%v) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

func TestBroadcast(t *testing.T) {
	for _, tc := range []struct {
		in   []Shape
		want Shape
	}{
		{nil, Shape{}},
		{[]Shape{nil}, Shape{}},
		{[]Shape{nil, nil}, Shape{}},
		{[]Shape{{3}}, Shape{3}},
		{[]Shape{{2, 3}, {2, 3}}, Shape{2, 3}},
		{[]Shape{{2, 3}, nil}, Shape{2, 3}},
		{[]Shape{nil, {2, 3}}, Shape{2, 3}},
		{[]Shape{{2, 3}, {3}}, Shape{2, 3}},
		{[]Shape{{3}, {2, 1}}, Shape{2, 3}},
		{[]Shape{{4, 1, 5}, {3, 1}}, Shape{4, 3, 5}},
		{[]Shape{{1}, {1, 1, 1}}, Shape{1, 1, 1}},
		{[]Shape{{8, 1, 6, 1}, {7, 1, 5}}, Shape{8, 7, 6, 5}},
		// Zero-length axes: 0 broadcasts with 1 and 0, never with n > 1.
		{[]Shape{{0}, {1}}, Shape{0}},
		{[]Shape{{1}, {0}}, Shape{0}},
		{[]Shape{{0, 3}, {3}}, Shape{0, 3}},
		{[]Shape{{2, 0}, {2, 1}}, Shape{2, 0}},
		{[]Shape{{0}, nil}, Shape{0}},
		{[]Shape{{1, 0}, {5, 1}}, Shape{5, 0}},
		// Many shapes.
		{[]Shape{{1, 2, 1}, {3, 1, 1}, {1, 1, 4}, nil, {4}}, Shape{3, 2, 4}},
		{[]Shape{{5, 1, 1, 1}, {1, 6, 1, 1}, {1, 1, 7, 1}, {1, 1, 1, 8}}, Shape{5, 6, 7, 8}},
	} {
		got, err := Broadcast(tc.in...)
		if err != nil || !got.Equal(tc.want) {
			t.Errorf("Broadcast(%v) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
}

func TestBroadcastDoesNotChangeInputs(t *testing.T) {
	a, b := Shape{3, 1}, Shape{4}
	if _, err := Broadcast(a, b); err != nil {
		t.Fatal(err)
	}
	if !a.Equal(Shape{3, 1}) || !b.Equal(Shape{4}) {
		t.Errorf("Broadcast changed its inputs: %v %v", a, b)
	}
}

func TestBroadcastIncompatible(t *testing.T) {
	for _, tc := range []struct {
		in []Shape
	}{
		{[]Shape{{3}, {4}}},
		{[]Shape{{2, 3}, {3, 2}}},
		{[]Shape{{0}, {2}}},
		{[]Shape{{2}, {0}}},
		{[]Shape{{2, 1}, {8, 4, 3}}},
		{[]Shape{{1, 2}, {3, 1}, {1, 4}}},
		{[]Shape{{5}, nil, {5, 1}, {6}}},
	} {
		got, err := Broadcast(tc.in...)
		if err == nil {
			t.Errorf("Broadcast(%v) = %v, want an error", tc.in, got)
			continue
		}
		if got != nil {
			t.Errorf("Broadcast(%v) returned shape %v with its error", tc.in, got)
		}
		var se *Error
		if !errors.As(err, &se) {
			t.Errorf("Broadcast(%v) error %T, want *shape.Error", tc.in, err)
			continue
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, "broadcast: ") {
			t.Errorf("error %q does not start with the operation", msg)
		}
		for _, s := range tc.in {
			if !strings.Contains(msg, s.String()) {
				t.Errorf("error %q does not name shape %v", msg, s)
			}
		}
	}
}

func TestBroadcastErrorMessage(t *testing.T) {
	_, err := Broadcast(Shape{2, 3}, Shape{4})
	want := "broadcast: shapes cannot be broadcast together (axis -1: 3 against 4): (2, 3) and (4,)"
	if err == nil || err.Error() != want {
		t.Errorf("Broadcast((2, 3), (4,)) error = %v, want %q", err, want)
	}
	e := &Error{Op: "matmul", Shapes: []Shape{{2, 3}, {4, 5}}}
	if got := e.Error(); got != "matmul: shapes do not match: (2, 3) and (4, 5)" {
		t.Errorf("Error with no Msg = %q", got)
	}
}

func TestBroadcastStrides(t *testing.T) {
	for _, tc := range []struct {
		from Shape
		st   []int
		to   Shape
		want []int
	}{
		{nil, nil, nil, []int{}},
		{nil, nil, Shape{2, 3}, []int{0, 0}},
		{Shape{3}, []int{1}, Shape{2, 3}, []int{0, 1}},
		{Shape{3}, []int{-2}, Shape{4, 2, 3}, []int{0, 0, -2}},
		{Shape{2, 1}, []int{1, 1}, Shape{2, 5}, []int{1, 0}},
		{Shape{1, 3}, []int{3, 1}, Shape{4, 3}, []int{0, 1}},
		{Shape{2, 3}, []int{1, 2}, Shape{2, 3}, []int{1, 2}}, // transposed, unchanged
		{Shape{1}, []int{7}, Shape{0}, []int{0}},
		{Shape{0}, []int{1}, Shape{4, 0}, []int{0, 1}},
		{Shape{1, 1}, []int{5, 9}, Shape{1, 1}, []int{5, 9}}, // equal length 1 keeps its stride
	} {
		got, err := BroadcastStrides(tc.from, tc.st, tc.to)
		if err != nil || !equalInts(got, tc.want) {
			t.Errorf("BroadcastStrides(%v, %v, %v) = %v, %v; want %v", tc.from, tc.st, tc.to, got, err, tc.want)
		}
	}
	for _, tc := range []struct {
		from Shape
		st   []int
		to   Shape
	}{
		{Shape{3}, []int{1}, Shape{4}},
		{Shape{2, 3}, []int{3, 1}, Shape{3}},
		{Shape{2}, []int{1}, Shape{2, 1}},
		{Shape{2}, []int{1}, Shape{0}},
		{Shape{0}, []int{1}, Shape{1}},
		{Shape{3}, []int{1}, nil},
	} {
		got, err := BroadcastStrides(tc.from, tc.st, tc.to)
		if err == nil {
			t.Errorf("BroadcastStrides(%v, %v, %v) = %v, want an error", tc.from, tc.st, tc.to, got)
			continue
		}
		var se *Error
		if !errors.As(err, &se) || se.Op != "broadcast_to" {
			t.Errorf("BroadcastStrides error %#v, want a *shape.Error for broadcast_to", err)
		}
		msg := err.Error()
		if !strings.Contains(msg, tc.from.String()) || !strings.Contains(msg, tc.to.String()) {
			t.Errorf("error %q does not name both %v and %v", msg, tc.from, tc.to)
		}
	}
}

// TestBroadcastStridesAgree checks that viewing each input of a broadcast
// through BroadcastStrides addresses the element NumPy's rule picks.
func TestBroadcastStridesAgree(t *testing.T) {
	in := []Shape{{3, 1, 4}, {2, 1}, {4}, nil}
	out, err := Broadcast(in...)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range in {
		st, err := BroadcastStrides(s, ContiguousStrides(s), out)
		if err != nil {
			t.Fatal(err)
		}
		idx := make([]int, len(out))
		for n := 0; n < out.Size(); n++ {
			rem := n
			for i := len(out) - 1; i >= 0; i-- {
				idx[i] = rem % out[i]
				rem /= out[i]
			}
			got := 0
			for i := range idx {
				got += idx[i] * st[i]
			}
			// Reference: the input's own index, with stretched axes at 0.
			want, acc := 0, 1
			off := len(out) - len(s)
			for i := len(s) - 1; i >= 0; i-- {
				if s[i] != 1 {
					want += idx[off+i] * acc
				}
				acc *= s[i]
			}
			if got != want {
				t.Fatalf("input %v at %v: offset %d, want %d", s, idx, got, want)
			}
		}
	}
}

func TestNormalizeAxis(t *testing.T) {
	for _, tc := range []struct {
		axis, ndim, want int
	}{
		{0, 1, 0}, {-1, 1, 0}, {2, 3, 2}, {-1, 3, 2}, {-3, 3, 0}, {1, 3, 1}, {-2, 3, 1},
	} {
		got, err := NormalizeAxis(tc.axis, tc.ndim)
		if err != nil || got != tc.want {
			t.Errorf("NormalizeAxis(%d, %d) = %d, %v; want %d", tc.axis, tc.ndim, got, err, tc.want)
		}
	}
	for _, tc := range []struct{ axis, ndim int }{
		{0, 0}, {-1, 0}, {1, 1}, {-2, 1}, {3, 3}, {-4, 3}, {100, 2},
	} {
		_, err := NormalizeAxis(tc.axis, tc.ndim)
		if err == nil {
			t.Errorf("NormalizeAxis(%d, %d) gave no error", tc.axis, tc.ndim)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, "out of bounds") {
			t.Errorf("NormalizeAxis(%d, %d) error %q does not say out of bounds", tc.axis, tc.ndim, msg)
		}
	}
}

func TestNormalizeAxes(t *testing.T) {
	for _, tc := range []struct {
		axes []int
		ndim int
		want []int
	}{
		{nil, 3, []int{}},
		{[]int{0}, 1, []int{0}},
		{[]int{-1, 0}, 3, []int{2, 0}},
		{[]int{1, -3}, 3, []int{1, 0}},
		{[]int{0, 1, 2, 3}, 4, []int{0, 1, 2, 3}},
	} {
		got, err := NormalizeAxes(tc.axes, tc.ndim)
		if err != nil || !equalInts(got, tc.want) {
			t.Errorf("NormalizeAxes(%v, %d) = %v, %v; want %v", tc.axes, tc.ndim, got, err, tc.want)
		}
	}
	for _, tc := range []struct {
		axes []int
		ndim int
		msg  string
	}{
		{[]int{0, 0}, 2, "repeated"},
		{[]int{1, -1}, 2, "repeated"},
		{[]int{-2, 0}, 2, "repeated"},
		{[]int{0, 2}, 2, "out of bounds"},
		{[]int{-3}, 2, "out of bounds"},
		{[]int{0}, 0, "out of bounds"},
	} {
		got, err := NormalizeAxes(tc.axes, tc.ndim)
		if err == nil {
			t.Errorf("NormalizeAxes(%v, %d) = %v, want an error", tc.axes, tc.ndim, got)
			continue
		}
		if !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("NormalizeAxes(%v, %d) error %q, want it to say %q", tc.axes, tc.ndim, err, tc.msg)
		}
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
