package table

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/cmplx"
	"sort"
	"strings"
	"time"

	"workbench/arrays"
	"workbench/devices"
)

// This file holds the row and column operations (Select, Drop, Rename,
// WithColumn, Head, Tail, Slice, Take, Filter, FilterFunc, Row) and
// sorting (SortBy, SortByMany), with the helpers the other operations
// share: host copies of columns, gathering rows, comparing values.

// Select returns a table of the named columns, in the order given.
func (t *Table) Select(names ...string) (*Table, error) {
	cols := make([]*Column, 0, len(names))
	seen := map[string]bool{}
	for _, name := range names {
		c, err := t.lookup("Select", name)
		if err != nil {
			return nil, err
		}
		if seen[name] {
			return nil, &Error{Op: "Select", Column: name, Msg: "named twice"}
		}
		seen[name] = true
		cols = append(cols, c)
	}
	return &Table{cols: cols}, nil
}

// Drop returns the table without the named columns.
func (t *Table) Drop(names ...string) (*Table, error) {
	drop := map[string]bool{}
	for _, name := range names {
		if _, err := t.lookup("Drop", name); err != nil {
			return nil, err
		}
		drop[name] = true
	}
	var cols []*Column
	for _, c := range t.cols {
		if !drop[c.Name] {
			cols = append(cols, c)
		}
	}
	return &Table{cols: cols}, nil
}

// Rename returns the table with column old renamed to new.
func (t *Table) Rename(old, new string) (*Table, error) {
	c, err := t.lookup("Rename", old)
	if err != nil {
		return nil, err
	}
	if new != old {
		if _, err := t.Column(new); err == nil {
			return nil, &Error{Op: "Rename", Column: new, Msg: "a column of that name exists already"}
		}
	}
	cols := t.Columns()
	for i, x := range cols {
		if x == c {
			cp := *c
			cp.Name = new
			cols[i] = &cp
		}
	}
	return &Table{cols: cols}, nil
}

// WithColumn returns the table with c added at the end, or in place of the
// column of the same name. c must have NumRows values (any length when the
// table has no columns).
func (t *Table) WithColumn(c *Column) (*Table, error) {
	if c == nil {
		return nil, &Error{Op: "WithColumn", Msg: "nil column"}
	}
	if err := c.check(); err != nil {
		err.(*Error).Op = "WithColumn"
		return nil, err
	}
	cols := t.Columns()
	replaced := false
	for i, x := range cols {
		if x.Name == c.Name {
			cols[i] = c
			replaced = true
		}
	}
	if !replaced {
		cols = append(cols, c)
	}
	if len(t.cols) > 0 && c.Len() != t.NumRows() {
		return nil, &Error{Op: "WithColumn", Column: c.Name, Msg: fmt.Sprintf("has %d values, the table has %d rows", c.Len(), t.NumRows())}
	}
	return &Table{cols: cols}, nil
}

// Head returns the first n rows (all rows but the last -n when n < 0, as
// pandas).
func (t *Table) Head(n int) *Table { return t.Slice(0, n) }

// Tail returns the last n rows (all rows but the first -n when n < 0, as
// pandas).
func (t *Table) Tail(n int) *Table {
	if n < 0 {
		return t.Slice(-n, t.NumRows())
	}
	return t.Slice(max(t.NumRows()-n, 0), t.NumRows())
}

// Slice returns rows start to stop-1, with Python's rules: negative bounds
// count from the end and bounds out of range are clamped. The columns
// share memory with t's.
func (t *Table) Slice(start, stop int) *Table {
	n := t.NumRows()
	start, stop = clampBound(start, n), clampBound(stop, n)
	if stop < start {
		stop = start
	}
	cols := make([]*Column, len(t.cols))
	for i, c := range t.cols {
		cols[i] = c.slice(start, stop)
	}
	return &Table{cols: cols}
}

func clampBound(i, n int) int {
	if i < 0 {
		i += n
	}
	return min(max(i, 0), n)
}

// Take returns the rows at the given positions, in that order (repeats
// allowed; negative positions count from the end).
func (t *Table) Take(rows []int) (*Table, error) {
	n := t.NumRows()
	idx := make([]int, len(rows))
	for k, r := range rows {
		if r < -n || r >= n {
			return nil, &Error{Op: "Take", Msg: fmt.Sprintf("row %d is out of range for a table of %d rows", r, n)}
		}
		if r < 0 {
			r += n
		}
		idx[k] = r
	}
	return t.take("Table.Take", idx), nil
}

// Filter returns the rows where mask, a bool array of NumRows elements, is
// true: t.Filter(t.Col("x").Gt(3)).
func (t *Table) Filter(mask *arrays.Array) (*Table, error) {
	if mask == nil {
		return nil, &Error{Op: "Filter", Msg: "nil mask"}
	}
	if mask.DType() != arrays.Bool || mask.Ndim() != 1 {
		return nil, &Error{Op: "Filter", Msg: fmt.Sprintf("the mask must be a 1-d bool array, got %v of shape %v", mask.DType(), mask.Shape())}
	}
	if mask.Size() != t.NumRows() {
		return nil, &Error{Op: "Filter", Msg: fmt.Sprintf("the mask has %d values, the table has %d rows", mask.Size(), t.NumRows())}
	}
	if md := mask.Device(); md != devices.CPU() {
		// As an index array: on the CPU, or on the columns' device.
		for _, c := range t.cols {
			if c.Values != nil && c.Values.Device() != md {
				return nil, &arrays.DeviceError{Op: "table.Filter", Msg: fmt.Sprintf("the mask is on %s, column %q on %s; move one with To", md.Name(), c.Name, c.Values.Device().Name())}
			}
		}
	}
	var idx []int
	for i, keep := range mask.Bools() {
		if keep {
			idx = append(idx, i)
		}
	}
	return t.take("Table.Filter", idx), nil
}

// FilterFunc returns the rows i for which keep(i) is true.
func (t *Table) FilterFunc(keep func(i int) bool) *Table {
	var idx []int
	for i := range t.NumRows() {
		if keep(i) {
			idx = append(idx, i)
		}
	}
	return t.take("Table.FilterFunc", idx)
}

// Row returns row i (negative counts from the end) as a map from column
// name to value: float64, int64, uint64, complex128, bool, string or
// time.Time (UTC), and nil for a missing value. It panics with an *Error
// when i is out of range, for interactive use.
func (t *Table) Row(i int) map[string]any {
	n := t.NumRows()
	if i < -n || i >= n {
		panic(&Error{Op: "Row", Msg: fmt.Sprintf("row %d is out of range for a table of %d rows", i, n)})
	}
	if i < 0 {
		i += n
	}
	out := make(map[string]any, len(t.cols))
	for _, c := range t.cols {
		h := hostOf("", c.slice(i, i+1))
		out[c.Name] = h.value(0)
	}
	return out
}

// slice returns rows start..stop-1 of c (bounds in range).
func (c *Column) slice(start, stop int) *Column {
	cp := *c
	if c.Kind == String {
		cp.Strings = c.Strings[start:stop:stop]
	} else {
		cp.Values = c.Values.Index(arrays.Slice(start, stop))
	}
	if c.Missing != nil {
		cp.Missing = c.Missing[start:stop:stop]
	}
	return &cp
}

// SortBy returns the rows sorted by the named column, ascending or
// descending. The sort is stable; missing values (and NaN) come last in
// both directions, as pandas' na_position="last". Strings sort in byte
// order, bools false first, times chronologically, complex numbers by real
// then imaginary part.
func (t *Table) SortBy(name string, descending bool) (*Table, error) {
	return t.sortBy("SortBy", []string{name}, []bool{descending})
}

// SortByMany sorts by several columns, the first the most significant;
// descending[k] gives the direction of names[k] (a nil or short slice
// means ascending for the rest). Stable, missing values last.
func (t *Table) SortByMany(names []string, descending []bool) (*Table, error) {
	return t.sortBy("SortByMany", names, descending)
}

func (t *Table) sortBy(op string, names []string, descending []bool) (*Table, error) {
	if len(names) == 0 {
		return nil, &Error{Op: op, Msg: "no column to sort by"}
	}
	if len(descending) > len(names) {
		return nil, &Error{Op: op, Msg: fmt.Sprintf("%d directions for %d columns", len(descending), len(names))}
	}
	keys := make([]*hostCol, len(names))
	for k, name := range names {
		c, err := t.lookup(op, name)
		if err != nil {
			return nil, err
		}
		keys[k] = hostOf("Table."+op, c)
	}
	idx := make([]int, t.NumRows())
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		i, j := idx[a], idx[b]
		for k, h := range keys {
			mi, mj := h.missing(i), h.missing(j)
			switch {
			case mi && mj:
				continue
			case mi:
				return false
			case mj:
				return true
			}
			c := h.cmp(i, j)
			if k < len(descending) && descending[k] {
				c = -c
			}
			if c != 0 {
				return c < 0
			}
		}
		return false
	})
	return t.take("Table."+op, idx), nil
}

// lookup finds a column for operation op.
func (t *Table) lookup(op, name string) (*Column, error) {
	c, err := t.Column(name)
	if err != nil {
		err.(*Error).Op = op
	}
	return c, err
}

// take gathers rows idx of every column for operation op (see
// Column.take); -1 gives a missing value.
func (t *Table) take(op string, idx []int) *Table {
	cols := make([]*Column, len(t.cols))
	for i, c := range t.cols {
		cols[i] = c.take(op, idx)
	}
	return &Table{cols: cols}
}

// take gathers values idx of c; an index of -1 gives a missing value
// (NaN for floats). An integer column that gets a missing value becomes
// float64, as in pandas. The values are gathered on the CPU; for a column
// on another device, op names the table operation (such as "Table.Filter")
// in the notice that says so, and the result goes back to that device,
// or, for op "" (display), stays on the CPU without a notice.
func (c *Column) take(op string, idx []int) *Column {
	out := &Column{Name: c.Name, Kind: c.Kind}
	anyNew := false
	for _, i := range idx {
		if i < 0 {
			anyNew = true
			break
		}
	}
	if anyNew || c.Missing != nil {
		miss := make([]bool, len(idx))
		anyMiss := false
		for k, i := range idx {
			miss[k] = i < 0 || c.IsMissing(i)
			anyMiss = anyMiss || miss[k]
		}
		if anyMiss {
			out.Missing = miss
		}
	}
	if c.Kind == String {
		out.Strings = gather(c.Strings, idx, "")
		return out
	}
	vals := c.Values
	if anyNew && c.Kind == Numeric && vals.DType().IsInteger() {
		vals = vals.Astype(arrays.Float64)
	}
	out.Values = arrays.FromSlice(gatherAny(vals.Data(), idx))
	return onDeviceOf(op, out, c)
}

func gather[T any](src []T, idx []int, fill T) []T {
	out := make([]T, len(idx))
	for k, i := range idx {
		if i >= 0 {
			out[k] = src[i]
		} else {
			out[k] = fill
		}
	}
	return out
}

func gatherAny(data any, idx []int) any {
	nan := math.NaN()
	switch s := data.(type) {
	case []bool:
		return gather(s, idx, false)
	case []int8:
		return gather(s, idx, 0)
	case []int16:
		return gather(s, idx, 0)
	case []int32:
		return gather(s, idx, 0)
	case []int64:
		return gather(s, idx, 0)
	case []uint8:
		return gather(s, idx, 0)
	case []uint16:
		return gather(s, idx, 0)
	case []uint32:
		return gather(s, idx, 0)
	case []uint64:
		return gather(s, idx, 0)
	case []float32:
		return gather(s, idx, float32(nan))
	case []float64:
		return gather(s, idx, nan)
	case []complex64:
		return gather(s, idx, complex(float32(nan), 0))
	case []complex128:
		return gather(s, idx, complex(nan, 0))
	}
	panic(fmt.Sprintf("table: unexpected data %T", data))
}

// valKind is how a column's values are held on the host.
type valKind uint8

const (
	vFloat valKind = iota + 1
	vInt
	vUint
	vComplex
	vBool
	vString
	vTime
)

// hostCol is a host copy of a column's values in one of a few Go types,
// with the missing values (including NaN) marked.
type hostCol struct {
	col  *Column
	vk   valKind
	f    []float64
	i    []int64 // ints and times
	u    []uint64
	z    []complex128
	b    []bool
	s    []string
	miss []bool // nil when no value is missing
}

// hostOf reads c's values into host memory for table operation op, with
// the notice of noteCPU for a column on another device (none for op "").
func hostOf(op string, c *Column) *hostCol {
	noteCPU(op, c)
	h := &hostCol{col: c}
	n := c.Len()
	switch c.Kind {
	case String:
		h.vk, h.s = vString, c.Strings
	case Bool:
		h.vk, h.b = vBool, c.Values.Bools()
	case Time:
		h.vk, h.i = vTime, c.Values.Int64s()
	default:
		dt := c.Values.DType()
		switch {
		case dt.IsFloat():
			h.vk, h.f = vFloat, c.Values.Float64s()
		case dt.IsComplex():
			h.vk, h.z = vComplex, c.Values.Complex128s()
		case dt.IsUnsigned():
			h.vk, h.u = vUint, toUint64(c.Values.Data())
		default:
			h.vk, h.i = vInt, c.Values.Int64s()
		}
	}
	var miss []bool
	mark := func(i int) {
		if miss == nil {
			miss = make([]bool, n)
		}
		miss[i] = true
	}
	for i := range n {
		switch {
		case c.IsMissing(i),
			h.vk == vFloat && math.IsNaN(h.f[i]),
			h.vk == vComplex && cmplx.IsNaN(h.z[i]):
			mark(i)
		}
	}
	h.miss = miss
	return h
}

func toUint64(data any) []uint64 {
	conv := func(n int, at func(int) uint64) []uint64 {
		out := make([]uint64, n)
		for i := range out {
			out[i] = at(i)
		}
		return out
	}
	switch s := data.(type) {
	case []uint8:
		return conv(len(s), func(i int) uint64 { return uint64(s[i]) })
	case []uint16:
		return conv(len(s), func(i int) uint64 { return uint64(s[i]) })
	case []uint32:
		return conv(len(s), func(i int) uint64 { return uint64(s[i]) })
	case []uint64:
		return s
	}
	panic(fmt.Sprintf("table: unexpected data %T", data))
}

func (h *hostCol) len() int { return h.col.Len() }

func (h *hostCol) missing(i int) bool { return h.miss != nil && h.miss[i] }

// cmp compares values i and j, neither missing.
func (h *hostCol) cmp(i, j int) int {
	switch h.vk {
	case vFloat:
		return cmp3(h.f[i], h.f[j])
	case vInt, vTime:
		return cmp3(h.i[i], h.i[j])
	case vUint:
		return cmp3(h.u[i], h.u[j])
	case vComplex:
		if c := cmp3(real(h.z[i]), real(h.z[j])); c != 0 {
			return c
		}
		return cmp3(imag(h.z[i]), imag(h.z[j]))
	case vBool:
		return cmp3(b2i(h.b[i]), b2i(h.b[j]))
	case vString:
		return strings.Compare(h.s[i], h.s[j])
	}
	return 0
}

func cmp3[T int64 | uint64 | float64 | int](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// float returns value i as a float64 (NaN when missing); for numeric and
// bool columns.
func (h *hostCol) float(i int) float64 {
	if h.missing(i) {
		return math.NaN()
	}
	switch h.vk {
	case vFloat:
		return h.f[i]
	case vInt:
		return float64(h.i[i])
	case vUint:
		return float64(h.u[i])
	case vBool:
		return float64(b2i(h.b[i]))
	case vComplex:
		return real(h.z[i])
	}
	return math.NaN()
}

// value returns value i as a Go value, nil when missing.
func (h *hostCol) value(i int) any {
	if h.missing(i) {
		return nil
	}
	switch h.vk {
	case vFloat:
		return h.f[i]
	case vInt:
		return h.i[i]
	case vUint:
		return h.u[i]
	case vComplex:
		return h.z[i]
	case vBool:
		return h.b[i]
	case vString:
		return h.s[i]
	case vTime:
		return time.Unix(0, h.i[i]).UTC()
	}
	return nil
}

// numericKey reports whether keys of this column compare as numbers, so
// that an integer key can meet a float key.
func (h *hostCol) numericKey() bool {
	return h.vk == vFloat || h.vk == vInt || h.vk == vUint
}

// appendKey appends an encoding of value i (not missing) for hashing: equal
// values give equal bytes (-0 and +0 too). With asFloat, numbers are
// encoded as float64 so that integer and float columns can be matched.
func (h *hostCol) appendKey(buf []byte, i int, asFloat bool) []byte {
	if asFloat && h.numericKey() {
		f := h.float(i)
		if f == 0 {
			f = 0
		}
		return binary.LittleEndian.AppendUint64(append(buf, 'f'), math.Float64bits(f))
	}
	switch h.vk {
	case vFloat:
		f := h.f[i]
		if f == 0 {
			f = 0
		}
		return binary.LittleEndian.AppendUint64(append(buf, 'f'), math.Float64bits(f))
	case vInt, vTime:
		return binary.LittleEndian.AppendUint64(append(buf, 'i'), uint64(h.i[i]))
	case vUint:
		return binary.LittleEndian.AppendUint64(append(buf, 'u'), h.u[i])
	case vComplex:
		re, im := real(h.z[i]), imag(h.z[i])
		if re == 0 {
			re = 0
		}
		if im == 0 {
			im = 0
		}
		buf = binary.LittleEndian.AppendUint64(append(buf, 'z'), math.Float64bits(re))
		return binary.LittleEndian.AppendUint64(buf, math.Float64bits(im))
	case vBool:
		return append(buf, 'b', byte(b2i(h.b[i])))
	case vString:
		buf = binary.LittleEndian.AppendUint64(append(buf, 's'), uint64(len(h.s[i])))
		return append(buf, h.s[i]...)
	}
	return buf
}

// missingKey is the key of a missing value (missing values are grouped
// and matched together, as pandas does in merge).
var missingKey = []byte{'m'}

func (h *hostCol) key(buf []byte, i int, asFloat bool) []byte {
	if h.missing(i) {
		return append(buf, missingKey...)
	}
	return h.appendKey(buf, i, asFloat)
}
