package arrays

import (
	"fmt"
	"strconv"
	"strings"
)

// Span is a basic slice along one axis, as Python's start:stop:step. A
// missing start or stop means the end of the axis in the direction of the
// step.
type Span struct {
	Start, Stop, Step int
	HasStart, HasStop bool
}

// Slice returns a Span the way Python's slice() builtin does: Slice() is
// ":", Slice(stop) is ":stop", Slice(start, stop) is "start:stop" and
// Slice(start, stop, step) is "start:stop:step".
func Slice(args ...int) Span {
	switch len(args) {
	case 0:
		return Span{Step: 1}
	case 1:
		return Span{Stop: args[0], HasStop: true, Step: 1}
	case 2:
		return Span{Start: args[0], Stop: args[1], HasStart: true, HasStop: true, Step: 1}
	case 3:
		return Span{Start: args[0], Stop: args[1], Step: args[2], HasStart: true, HasStop: true}
	}
	panic(&IndexError{Msg: fmt.Sprintf("Slice takes at most 3 ints (start, stop, step), got %d", len(args))})
}

// From returns the Span "start:".
func From(start int) Span { return Span{Start: start, HasStart: true, Step: 1} }

// WithStep returns s with the given step ("::-1" is Slice().WithStep(-1)).
func (s Span) WithStep(step int) Span { s.Step = step; return s }

// String prints the span as Python does, such as "1:5:2".
func (s Span) String() string {
	var b strings.Builder
	if s.HasStart {
		b.WriteString(strconv.Itoa(s.Start))
	}
	b.WriteByte(':')
	if s.HasStop {
		b.WriteString(strconv.Itoa(s.Stop))
	}
	if s.Step != 1 && s.Step != 0 {
		fmt.Fprintf(&b, ":%d", s.Step)
	}
	return b.String()
}

// indices resolves the span against an axis of length n, as Python's
// slice.indices does: the first index, the step, and the number of elements.
func (s Span) indices(n int) (start, step, length int) {
	step = s.Step
	if step == 0 {
		panic(&IndexError{Msg: "slice step cannot be zero"})
	}
	if step > 0 {
		start, stop := 0, n
		if s.HasStart {
			start = clampIndex(s.Start, n, 0, n)
		}
		if s.HasStop {
			stop = clampIndex(s.Stop, n, 0, n)
		}
		if stop > start {
			length = (stop - start + step - 1) / step
		}
		return start, step, length
	}
	start, stop := n-1, -1
	if s.HasStart {
		start = clampIndex(s.Start, n, -1, n-1)
	}
	if s.HasStop {
		stop = clampIndex(s.Stop, n, -1, n-1)
	}
	if start > stop {
		length = (start-stop-1)/(-step) + 1
	}
	return start, step, length
}

func clampIndex(i, n, lo, hi int) int {
	if i < 0 {
		i += n
	}
	return max(lo, min(hi, i))
}

// IndexMarker is a special index: NewAxis or Ellipsis.
type IndexMarker int

const (
	// NewAxis inserts an axis of length 1 (NumPy's None or np.newaxis).
	NewAxis IndexMarker = iota + 1
	// Ellipsis stands for as many full slices as are needed (NumPy's ...).
	Ellipsis
)

// Index returns a view of a selected by basic indexing: ints (which drop
// their axis; negative ones count from the end), Spans, NewAxis and
// Ellipsis, or a string in NumPy's notation such as "1:5, ::2, ..., None".
// The view shares a's memory.
func (a *Array) Index(idx ...any) *Array {
	items := parseIndex(idx)
	// Count the axes the items consume, and expand the ellipsis.
	used, ellipses := 0, 0
	for _, it := range items {
		switch it.kind {
		case itemInt, itemSpan:
			used++
		case itemEllipsis:
			ellipses++
		}
	}
	if ellipses > 1 {
		panic(&IndexError{Msg: "an index can only have a single ellipsis ('...')"})
	}
	if used > len(a.shape) {
		panic(&IndexError{Msg: fmt.Sprintf("too many indices for array: array is %d-dimensional, but %d were indexed", len(a.shape), used)})
	}
	var shp, strides []int
	offset := a.offset
	axis := 0
	full := func() {
		shp = append(shp, a.shape[axis])
		strides = append(strides, a.strides[axis])
		axis++
	}
	for _, it := range items {
		switch it.kind {
		case itemInt:
			n := a.shape[axis]
			i := it.i
			if i < -n || i >= n {
				panic(&IndexError{Msg: fmt.Sprintf("index %d is out of bounds for axis %d with size %d", it.i, axis, n)})
			}
			if i < 0 {
				i += n
			}
			offset += i * a.strides[axis]
			axis++
		case itemSpan:
			start, step, length := it.span.indices(a.shape[axis])
			if length > 0 {
				offset += start * a.strides[axis]
			}
			shp = append(shp, length)
			strides = append(strides, a.strides[axis]*step)
			axis++
		case itemNewAxis:
			shp = append(shp, 1)
			strides = append(strides, 0)
		case itemEllipsis:
			for k := 0; k < len(a.shape)-used; k++ {
				full()
			}
		}
	}
	for axis < len(a.shape) {
		full()
	}
	if shp == nil {
		shp = []int{}
		strides = []int{}
	}
	return a.withView(shp, strides, offset)
}

// SetIndex assigns value (an array or a Go number, broadcast and converted to
// a's dtype) to the elements that a.Index(idx...) selects, and returns a.
func (a *Array) SetIndex(value any, idx ...any) *Array {
	a.Index(idx...).Assign(value)
	return a
}

type itemKind uint8

const (
	itemInt itemKind = iota
	itemSpan
	itemNewAxis
	itemEllipsis
)

type indexItem struct {
	kind itemKind
	i    int
	span Span
}

func parseIndex(idx []any) []indexItem {
	var items []indexItem
	for _, x := range idx {
		switch v := x.(type) {
		case int:
			items = append(items, indexItem{kind: itemInt, i: v})
		case int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
			n, _ := strconv.Atoi(fmt.Sprint(v))
			items = append(items, indexItem{kind: itemInt, i: n})
		case Span:
			items = append(items, indexItem{kind: itemSpan, span: v})
		case IndexMarker:
			switch v {
			case NewAxis:
				items = append(items, indexItem{kind: itemNewAxis})
			case Ellipsis:
				items = append(items, indexItem{kind: itemEllipsis})
			default:
				panic(&IndexError{Msg: fmt.Sprintf("unknown index marker %d", v)})
			}
		case nil:
			items = append(items, indexItem{kind: itemNewAxis})
		case string:
			items = append(items, parseIndexString(v)...)
		case *Array:
			panic(&IndexError{Msg: "indexing with an array (integer arrays or boolean masks) is not supported yet; use ints, Spans, NewAxis, Ellipsis or a string such as \"1:5, ::2\""})
		default:
			panic(&IndexError{Msg: fmt.Sprintf("only integers, Spans (arrays.Slice), NewAxis, Ellipsis and strings are valid indices, got %T", x)})
		}
	}
	return items
}

// parseIndexString parses NumPy's index notation: "1", "-1", "1:5",
// "::2", ":", "...", "None", "newaxis", separated by commas.
func parseIndexString(s string) []indexItem {
	var items []indexItem
	if strings.TrimSpace(s) == "" {
		return nil
	}
	for _, part := range strings.Split(s, ",") {
		p := strings.TrimSpace(part)
		switch p {
		case "...", "Ellipsis":
			items = append(items, indexItem{kind: itemEllipsis})
			continue
		case "None", "newaxis", "np.newaxis":
			items = append(items, indexItem{kind: itemNewAxis})
			continue
		case "":
			panic(&IndexError{Msg: fmt.Sprintf("empty index item in %q", s)})
		}
		if !strings.Contains(p, ":") {
			n, err := strconv.Atoi(p)
			if err != nil {
				panic(&IndexError{Msg: fmt.Sprintf("cannot read %q in index %q: want an integer, a slice such as 1:5:2, ..., or None", p, s)})
			}
			items = append(items, indexItem{kind: itemInt, i: n})
			continue
		}
		fields := strings.Split(p, ":")
		if len(fields) > 3 {
			panic(&IndexError{Msg: fmt.Sprintf("slice %q in index %q has more than two colons", p, s)})
		}
		sp := Span{Step: 1}
		num := func(f string) (int, bool) {
			f = strings.TrimSpace(f)
			if f == "" || f == "None" {
				return 0, false
			}
			n, err := strconv.Atoi(f)
			if err != nil {
				panic(&IndexError{Msg: fmt.Sprintf("cannot read %q in slice %q of index %q: want an integer", f, p, s)})
			}
			return n, true
		}
		sp.Start, sp.HasStart = num(fields[0])
		sp.Stop, sp.HasStop = num(fields[1])
		if len(fields) == 3 {
			if st, ok := num(fields[2]); ok {
				sp.Step = st
			}
		}
		items = append(items, indexItem{kind: itemSpan, span: sp})
	}
	return items
}
