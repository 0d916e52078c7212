package arrays

import (
	"fmt"
	"math"
	"reflect"
	"runtime"
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

// Index returns the elements of a that idx selects, with NumPy's indexing
// rules.
//
// Basic indexing: ints (which drop their axis; negative ones count from the
// end), Spans (Slice, From), NewAxis (or nil) and Ellipsis, or a string in
// NumPy's notation such as "1:5, ::2, ..., None". The result is a view that
// shares a's memory.
//
// Advanced indexing: integer arrays (an *Array of an integer dtype, or Go
// slices such as []int, []int64 and [][]int) and boolean masks (an *Array of
// dtype Bool, []bool, or a Go bool for a 0-d mask), also in the string
// form, as "[0, 2, 1], 1:" or "[True, False, True]". The integer arrays
// broadcast together, and the result takes their broadcast shape in place
// of the axes they index: where the advanced indices stand when they are
// next to each other, first when a Span, NewAxis or Ellipsis separates them
// (ints count as advanced indices then). A mask of k dimensions consumes k
// axes and stands for its Nonzero() indices; a 0-d mask adds an axis of
// length 1 (true) or 0 (false). The result of advanced indexing is a copy.
// A 0-d integer array indexes as an int, but the result is a copy too, as
// in NumPy. Index arrays of dtype Uint64 convert to int64 as NumPy casts
// them to intp (1<<64-1 is -1, the last element).
//
// An index out of range, a mask whose shape does not fit the axes it
// indexes, and index arrays that do not broadcast panic with an *IndexError.
//
// Index arrays and masks are on a's device or on the CPU (as Go slices
// are); one on another device panics with a *DeviceError. Advanced
// indexing of an array on a device other than the CPU runs on the CPU,
// after a notice (see SetNotice), and the result is on a's device.
func (a *Array) Index(idx ...any) *Array {
	items := parseIndex(idx)
	if hasAdvanced(items) {
		return a.fancyGet("index", "Index", items)
	}
	v := a.basicIndex(items)
	for _, it := range items {
		if it.copy {
			return Copy(v)
		}
	}
	return v
}

// basicIndex applies ints, Spans, NewAxis and Ellipsis, and returns a view.
func (a *Array) basicIndex(items []indexItem) *Array {
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
				panic(outOfBounds(it.i, axis, n))
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

func outOfBounds(i, axis, n int) *IndexError {
	return &IndexError{Msg: fmt.Sprintf("index %d is out of bounds for axis %d with size %d", i, axis, n)}
}

// SetIndex assigns value (an array or a Go number, broadcast and converted to
// a's dtype) to the elements that a.Index(idx...) selects, and returns a.
// With advanced indices the value broadcasts to the shape a.Index(idx...)
// would have, and where an index repeats, the last value written to it
// stays, as in NumPy. The value may have extra leading axes of length 1.
// Index arrays and an array value are on a's device or on the CPU; one on
// another device panics with a *DeviceError. With advanced indices, an
// array on a device other than the CPU is written on the CPU, after a
// notice, and the elements go back into its memory.
func (a *Array) SetIndex(value any, idx ...any) *Array {
	items := parseIndex(idx)
	if hasAdvanced(items) {
		a.fancySet(value, items)
		return a
	}
	indexDevices("setindex", a, arrayOf(value))
	dst := a.basicIndex(items)
	if v, ok := value.(*Array); ok && v != nil && len(v.shape) > len(dst.shape) {
		value = dropLeadingOnes(v, len(dst.shape))
	}
	dst.Assign(value)
	return a
}

// dropLeadingOnes views v without leading axes of length 1 beyond ndim
// axes (NumPy lets an assigned value have them).
func dropLeadingOnes(v *Array, ndim int) *Array {
	k := 0
	for len(v.shape)-k > ndim && v.shape[k] == 1 {
		k++
	}
	if k == 0 {
		return v
	}
	return v.withView(v.shape[k:], v.strides[k:], v.offset)
}

type itemKind uint8

const (
	itemInt itemKind = iota
	itemSpan
	itemNewAxis
	itemEllipsis
	itemArray // an integer array of at least one dimension
	itemMask  // a boolean mask (0-d included)
)

type indexItem struct {
	kind itemKind
	i    int
	span Span
	arr  *Array // itemArray, itemMask
	copy bool   // an itemInt from a 0-d integer array: the result is a copy
}

// hasAdvanced reports whether items hold an integer array or a mask.
func hasAdvanced(items []indexItem) bool {
	for _, it := range items {
		if it.kind == itemArray || it.kind == itemMask {
			return true
		}
	}
	return false
}

func parseIndex(idx []any) []indexItem {
	items := make([]indexItem, 0, len(idx))
	for _, x := range idx {
		switch v := x.(type) {
		case int:
			items = append(items, indexItem{kind: itemInt, i: v})
		case int8:
			items = append(items, indexItem{kind: itemInt, i: int(v)})
		case int16:
			items = append(items, indexItem{kind: itemInt, i: int(v)})
		case int32:
			items = append(items, indexItem{kind: itemInt, i: int(v)})
		case int64:
			items = append(items, indexItem{kind: itemInt, i: int(v)})
		case uint, uint8, uint16, uint32, uint64:
			u := reflect.ValueOf(v).Uint()
			if u > math.MaxInt {
				u = math.MaxInt // out of bounds all the same
			}
			items = append(items, indexItem{kind: itemInt, i: int(u)})
		case bool:
			items = append(items, indexItem{kind: itemMask, arr: FromSlice([]bool{v}).withView([]int{}, []int{}, 0)})
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
			items = append(items, arrayItem(v))
		default:
			rv := reflect.ValueOf(x)
			if k := rv.Kind(); k == reflect.Slice || k == reflect.Array {
				items = append(items, arrayItem(goIndexArray(x)))
				continue
			}
			panic(&IndexError{Msg: fmt.Sprintf("only integers, Spans (arrays.Slice), NewAxis, Ellipsis, strings, integer arrays and boolean masks are valid indices, got %T", x)})
		}
	}
	return items
}

// arrayItem classifies an array used as an index.
func arrayItem(a *Array) indexItem {
	if a == nil {
		panic(&IndexError{Msg: "nil array as an index"})
	}
	switch {
	case a.dt == Bool:
		return indexItem{kind: itemMask, arr: a}
	case !a.dt.IsInteger():
		panic(&IndexError{Msg: fmt.Sprintf("arrays used as indices must be of integer (or boolean) type, got %v", a.dt)})
	case len(a.shape) == 0:
		// NumPy reads a 0-d integer array as an int, and copies the result.
		data, off, _ := a.hostView()
		v := indexValue(data, off)
		runtime.KeepAlive(a)
		return indexItem{kind: itemInt, i: v, copy: true}
	}
	return indexItem{kind: itemArray, arr: a}
}

// indexValue reads an integer element as an int (uint64 values wrap, as
// NumPy casts them to intp).
func indexValue(data any, i int) int {
	switch s := data.(type) {
	case []int8:
		return int(s[i])
	case []int16:
		return int(s[i])
	case []int32:
		return int(s[i])
	case []int64:
		return int(s[i])
	case []uint8:
		return int(s[i])
	case []uint16:
		return int(s[i])
	case []uint32:
		return int(s[i])
	case []uint64:
		return int(s[i]) // wraps, as NumPy's cast to intp
	}
	panic(fmt.Sprintf("arrays: indexValue of %T", data))
}

// goIndexArray makes an index array of a Go slice ([]int, [][]int64,
// []bool, ...). An empty slice of no integer type gives an int64 array, as
// an empty list does in NumPy.
func goIndexArray(x any) *Array {
	var a *Array
	if err := Maybe(func() { a = Asarray(x) }); err != nil {
		panic(&IndexError{Msg: fmt.Sprintf("cannot use %T as an index: %v", x, err)})
	}
	if a.Size() == 0 && !a.dt.IsInteger() && a.dt != Bool {
		a = a.Astype(Int64)
	}
	return a
}

// parseIndexString parses NumPy's index notation: "1", "-1", "1:5",
// "::2", ":", "...", "None", "newaxis", "True", "False", and lists of
// integers or bools such as "[0, 2]", "[[0, 1], [2, 3]]" or
// "[True, False]", separated by commas.
func parseIndexString(s string) []indexItem {
	var items []indexItem
	if strings.TrimSpace(s) == "" {
		return nil
	}
	for _, part := range splitTopLevel(s) {
		p := strings.TrimSpace(part)
		switch p {
		case "...", "Ellipsis":
			items = append(items, indexItem{kind: itemEllipsis})
			continue
		case "None", "newaxis", "np.newaxis":
			items = append(items, indexItem{kind: itemNewAxis})
			continue
		case "True", "False":
			items = append(items, indexItem{kind: itemMask, arr: FromSlice([]bool{p == "True"}).withView([]int{}, []int{}, 0)})
			continue
		case "":
			panic(&IndexError{Msg: fmt.Sprintf("empty index item in %q", s)})
		}
		if strings.HasPrefix(p, "[") {
			items = append(items, arrayItem(parseIndexList(p, s)))
			continue
		}
		if !strings.Contains(p, ":") {
			n, err := strconv.Atoi(p)
			if err != nil {
				panic(&IndexError{Msg: fmt.Sprintf("cannot read %q in index %q: want an integer, a slice such as 1:5:2, ..., None, or a list such as [0, 2]", p, s)})
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

// splitTopLevel splits s at the commas outside brackets.
func splitTopLevel(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			depth--
			if depth < 0 {
				panic(&IndexError{Msg: fmt.Sprintf("unbalanced ']' in index %q", s)})
			}
		case ',':
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
	}
	if depth != 0 {
		panic(&IndexError{Msg: fmt.Sprintf("unbalanced '[' in index %q", s)})
	}
	return append(parts, s[start:])
}

// parseIndexList reads a list literal of an index string: nested lists of
// integers (an int64 array) or of True and False (a bool mask; bools among
// integers count as 0 and 1, as in NumPy). An empty list is an int64 array.
func parseIndexList(p, s string) *Array {
	var shp []int
	var ints []int64
	var bools []bool
	allBool := true
	pos := 0
	bad := func(msg string) {
		panic(&IndexError{Msg: fmt.Sprintf("cannot read the list %q in index %q: %s", p, s, msg)})
	}
	skip := func() {
		for pos < len(p) && (p[pos] == ' ' || p[pos] == '\t' || p[pos] == '\n') {
			pos++
		}
	}
	leafDepth := -1
	var list func(depth int)
	list = func(depth int) {
		pos++ // '['
		n := 0
		skip()
		if pos < len(p) && p[pos] == ']' {
			pos++
		} else {
			for {
				skip()
				if pos >= len(p) {
					bad("missing ']'")
				}
				if p[pos] == '[' {
					if leafDepth >= 0 && depth+1 > leafDepth {
						bad("ragged nesting")
					}
					list(depth + 1)
				} else {
					if leafDepth < 0 {
						leafDepth = depth + 1
					} else if leafDepth != depth+1 {
						bad("ragged nesting")
					}
					end := pos
					for end < len(p) && p[end] != ',' && p[end] != ']' {
						end++
					}
					tok := strings.TrimSpace(p[pos:end])
					switch tok {
					case "True":
						ints, bools = append(ints, 1), append(bools, true)
					case "False":
						ints, bools = append(ints, 0), append(bools, false)
					default:
						v, err := strconv.ParseInt(tok, 10, 64)
						if err != nil {
							bad(fmt.Sprintf("%q is not an integer, True or False", tok))
						}
						ints, allBool = append(ints, v), false
					}
					pos = end
				}
				n++
				skip()
				if pos >= len(p) {
					bad("missing ']'")
				}
				if p[pos] == ']' {
					pos++
					break
				}
				if p[pos] != ',' {
					bad(fmt.Sprintf("unexpected %q", p[pos]))
				}
				pos++
				skip()
				if pos < len(p) && p[pos] == ']' { // a trailing comma
					pos++
					break
				}
			}
		}
		for len(shp) <= depth {
			shp = append(shp, -1)
		}
		if shp[depth] < 0 {
			shp[depth] = n
		} else if shp[depth] != n {
			bad("ragged nesting")
		}
	}
	list(0)
	skip()
	if pos != len(p) {
		bad(fmt.Sprintf("unexpected %q after the list", p[pos:]))
	}
	if leafDepth >= 0 && leafDepth != len(shp) {
		bad("ragged nesting")
	}
	if len(ints) > 0 && allBool {
		return FromSlice(bools).Reshape(shp...)
	}
	if ints == nil {
		ints = []int64{}
	}
	return FromSlice(ints).Reshape(shp...)
}
