package shape

import (
	"fmt"
	"strings"
)

// Shape is the length of each axis of an array. A nil or empty Shape is the
// shape of a 0-d array (a scalar).
type Shape []int

// Size is the number of elements: the product of the lengths (1 for 0-d).
func (s Shape) Size() int {
	n := 1
	for _, d := range s {
		n *= d
	}
	return n
}

// Ndim is the number of axes.
func (s Shape) Ndim() int { return len(s) }

// Equal reports whether two shapes are the same.
func (s Shape) Equal(t Shape) bool {
	if len(s) != len(t) {
		return false
	}
	for i := range s {
		if s[i] != t[i] {
			return false
		}
	}
	return true
}

// Clone returns a copy that does not share memory with s.
func (s Shape) Clone() Shape {
	return append(Shape{}, s...)
}

// String prints a shape as NumPy prints a tuple: (), (3,), (2, 3).
func (s Shape) String() string {
	if len(s) == 1 {
		return fmt.Sprintf("(%d,)", s[0])
	}
	parts := make([]string, len(s))
	for i, d := range s {
		parts[i] = fmt.Sprint(d)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// ContiguousStrides returns the C-order strides, in elements, of shape s.
func ContiguousStrides(s Shape) []int {
	st := make([]int, len(s))
	acc := 1
	for i := len(s) - 1; i >= 0; i-- {
		st[i] = acc
		if s[i] > 1 {
			acc *= s[i]
		}
	}
	return st
}

// Error is the error of a shape rule, naming the shapes involved.
type Error struct {
	Op     string
	Shapes []Shape
	Msg    string
}

func (e *Error) Error() string {
	parts := make([]string, len(e.Shapes))
	for i, s := range e.Shapes {
		parts[i] = s.String()
	}
	msg := e.Msg
	if msg == "" {
		msg = "shapes do not match"
	}
	return fmt.Sprintf("%s: %s: %s", e.Op, msg, strings.Join(parts, " and "))
}

// Broadcast returns the shape that shapes broadcast to, under NumPy's rule:
// align the shapes at the right; each axis must be equal or 1.
func Broadcast(shapes ...Shape) (Shape, error) {
	nd := 0
	for _, s := range shapes {
		nd = max(nd, len(s))
	}
	out := make(Shape, nd)
	for i := range out {
		out[i] = 1
	}
	for _, s := range shapes {
		off := nd - len(s)
		for i, d := range s {
			o := out[off+i]
			switch {
			case o == d || d == 1:
			case o == 1:
				out[off+i] = d
			default:
				return nil, &Error{Op: "broadcast", Shapes: append([]Shape(nil), shapes...),
					Msg: fmt.Sprintf("shapes cannot be broadcast together (axis %d: %d against %d)", i-len(s), o, d)}
			}
		}
	}
	return out, nil
}

// BroadcastStrides returns strides that view an array of shape from and
// strides st as an array of shape to: stretched axes get stride 0. It
// reports an error if from does not broadcast to to.
func BroadcastStrides(from Shape, st []int, to Shape) ([]int, error) {
	if len(from) > len(to) {
		return nil, &Error{Op: "broadcast_to", Shapes: []Shape{from, to}, Msg: "cannot broadcast to fewer axes"}
	}
	out := make([]int, len(to))
	off := len(to) - len(from)
	for i, d := range from {
		switch {
		case d == to[off+i]:
			out[off+i] = st[i]
		case d == 1:
			out[off+i] = 0
		default:
			return nil, &Error{Op: "broadcast_to", Shapes: []Shape{from, to},
				Msg: fmt.Sprintf("axis %d has length %d, cannot broadcast to %d", i, d, to[off+i])}
		}
	}
	return out, nil
}

// NormalizeAxis turns a possibly negative axis into one in [0, ndim).
func NormalizeAxis(axis, ndim int) (int, error) {
	if axis < -ndim || axis >= ndim {
		return 0, fmt.Errorf("axis %d is out of bounds for an array of dimension %d", axis, ndim)
	}
	if axis < 0 {
		axis += ndim
	}
	return axis, nil
}

// NormalizeAxes normalises a list of axes and rejects repeats.
func NormalizeAxes(axes []int, ndim int) ([]int, error) {
	out := make([]int, len(axes))
	seen := make([]bool, ndim)
	for i, a := range axes {
		n, err := NormalizeAxis(a, ndim)
		if err != nil {
			return nil, err
		}
		if seen[n] {
			return nil, fmt.Errorf("axis %d is repeated", a)
		}
		seen[n] = true
		out[i] = n
	}
	return out, nil
}
