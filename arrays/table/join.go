package table

import (
	"fmt"

	"workbench/arrays"
)

// Join merges t and other on the key column on, as pandas' merge(t, other,
// on=on, how=how) with its default sort=False, in the row order that
// pandas (2.2 and later) documents:
//
//   - "inner": the rows whose key is in both tables, in t's row order;
//   - "left": every row of t, in t's order;
//   - "right": every row of other, in other's order;
//   - "outer": every row of both, sorted by key (missing keys last).
//
// A row of t whose key occurs several times in other gives one result row
// per match, in other's order (and the other way round), so duplicate keys
// give the cartesian product. Missing keys (and NaN) match each other, as
// in pandas (unlike SQL). The result has the key column (where t has it),
// t's other columns, then other's other columns; a name that both tables
// use for a non-key column gets the suffix "_x" in t's copy and "_y" in
// other's. Rows without a match have missing values in the other table's
// columns (NaN for floats, and integer columns become float64 when that
// happens, as in pandas; bool, string and time columns keep their kind and
// mark the value missing).
//
// The key columns must be of the same kind; an integer key may meet a
// float key, and the result key has the promoted dtype.
func (t *Table) Join(other *Table, on string, how string) (*Table, error) {
	if other == nil {
		return nil, &Error{Op: "Join", Msg: "nil table"}
	}
	switch how {
	case "inner", "left", "right", "outer":
	default:
		return nil, &Error{Op: "Join", Msg: fmt.Sprintf(`how must be "inner", "left", "right" or "outer", got %q`, how)}
	}
	lc, err := t.lookup("Join", on)
	if err != nil {
		return nil, err
	}
	rc, err := other.lookup("Join", on)
	if err != nil {
		err.(*Error).Msg = "in the other table: " + err.(*Error).Msg
		return nil, err
	}
	ldev, rdev := deviceOf(lc), deviceOf(rc)
	if ldev != rdev && lc.Values != nil && rc.Values != nil {
		return nil, &arrays.DeviceError{Op: "table.Join", Msg: fmt.Sprintf("the key columns %q are on different devices (%s and %s); move one with To", on, lc.Values.Device().Name(), rc.Values.Device().Name())}
	}
	lh, rh := hostOf("Table.Join", lc), hostOf("Table.Join", rc)
	asFloat := false
	switch {
	case lh.vk == rh.vk && lc.Kind == rc.Kind:
	case lh.numericKey() && rh.numericKey():
		asFloat = true
	default:
		return nil, &Error{Op: "Join", Column: on, Msg: fmt.Sprintf("cannot match a %s key with a %s key", keyKind(lh), keyKind(rh))}
	}
	if lh.vk == vComplex {
		return nil, &Error{Op: "Join", Column: on, Msg: "complex keys are not supported"}
	}
	nl, nr := lh.len(), rh.len()
	keysOf := func(h *hostCol) []string {
		out := make([]string, h.len())
		var buf []byte
		for i := range out {
			buf = h.key(buf[:0], i, asFloat)
			out[i] = string(buf)
		}
		return out
	}
	lk, rk := keysOf(lh), keysOf(rh)
	rowsOf := func(keys []string) map[string][]int {
		m := map[string][]int{}
		for i, k := range keys {
			m[k] = append(m[k], i)
		}
		return m
	}
	var li, ri []int
	pair := func(l, r int) { li, ri = append(li, l), append(ri, r) }
	switch how {
	case "inner", "left":
		right := rowsOf(rk)
		for i := range nl {
			m := right[lk[i]]
			for _, j := range m {
				pair(i, j)
			}
			if len(m) == 0 && how == "left" {
				pair(i, -1)
			}
		}
	case "right":
		left := rowsOf(lk)
		for j := range nr {
			m := left[rk[j]]
			for _, i := range m {
				pair(i, j)
			}
			if len(m) == 0 {
				pair(-1, j)
			}
		}
	case "outer":
		// Key by key in order of first appearance; sorted by key below.
		left, right := rowsOf(lk), rowsOf(rk)
		done := map[string]bool{}
		for _, keys := range [][]string{lk, rk} {
			for _, k := range keys {
				if done[k] {
					continue
				}
				done[k] = true
				ls, rs := left[k], right[k]
				switch {
				case len(ls) == 0:
					for _, j := range rs {
						pair(-1, j)
					}
				case len(rs) == 0:
					for _, i := range ls {
						pair(i, -1)
					}
				default:
					for _, i := range ls {
						for _, j := range rs {
							pair(i, j)
						}
					}
				}
			}
		}
	}

	// The key: t's value where the row has one, else other's.
	both := concatColumns(lc, rc)
	kidx := make([]int, len(li))
	for k := range li {
		if li[k] >= 0 {
			kidx[k] = li[k]
		} else {
			kidx[k] = nl + ri[k]
		}
	}
	key := onDeviceOf("Table.Join", both.take("", kidx), lc)
	key.Name = on

	names := map[string]int{}
	for _, c := range t.cols {
		names[c.Name]++
	}
	for _, c := range other.cols {
		names[c.Name]++
	}
	var cols []*Column
	for _, c := range t.cols {
		if c.Name == on {
			cols = append(cols, key)
			continue
		}
		x := c.take("Table.Join", li)
		if names[c.Name] > 1 {
			x.Name += "_x"
		}
		cols = append(cols, x)
	}
	for _, c := range other.cols {
		if c.Name == on {
			continue
		}
		x := c.take("Table.Join", ri)
		if names[c.Name] > 1 {
			x.Name += "_y"
		}
		cols = append(cols, x)
	}
	out, err := New(cols...)
	if err != nil {
		err.(*Error).Op = "Join"
		return nil, err
	}
	if how == "outer" {
		return out.sortBy("Join", []string{on}, nil)
	}
	return out, nil
}

func keyKind(h *hostCol) string {
	switch h.vk {
	case vComplex:
		return "complex"
	case vFloat, vInt, vUint:
		return h.col.Values.DType().String()
	}
	return h.col.Kind.String()
}

// concatColumns returns a's values followed by b's, of a's kind, for
// columns of the same kind (numbers promote).
func concatColumns(a, b *Column) *Column {
	out := &Column{Name: a.Name, Kind: a.Kind}
	if a.Missing != nil || b.Missing != nil {
		out.Missing = make([]bool, 0, a.Len()+b.Len())
		for _, c := range []*Column{a, b} {
			for i := range c.Len() {
				out.Missing = append(out.Missing, c.IsMissing(i))
			}
		}
	}
	if a.Kind == String {
		out.Strings = append(append([]string(nil), a.Strings...), b.Strings...)
		return out
	}
	dt := arrays.ResultType(a.Values, b.Values)
	out.Values = arrays.FromSlice(appendData(a.Values.Astype(dt).Data(), b.Values.Astype(dt).Data()))
	return out
}

func appendData(x, y any) any {
	switch s := x.(type) {
	case []bool:
		return append(s, y.([]bool)...)
	case []int8:
		return append(s, y.([]int8)...)
	case []int16:
		return append(s, y.([]int16)...)
	case []int32:
		return append(s, y.([]int32)...)
	case []int64:
		return append(s, y.([]int64)...)
	case []uint8:
		return append(s, y.([]uint8)...)
	case []uint16:
		return append(s, y.([]uint16)...)
	case []uint32:
		return append(s, y.([]uint32)...)
	case []uint64:
		return append(s, y.([]uint64)...)
	case []float32:
		return append(s, y.([]float32)...)
	case []float64:
		return append(s, y.([]float64)...)
	case []complex64:
		return append(s, y.([]complex64)...)
	case []complex128:
		return append(s, y.([]complex128)...)
	}
	panic(fmt.Sprintf("table: unexpected data %T", x))
}
