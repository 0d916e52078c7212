package table

import (
	"fmt"
	"math"
	"slices"
	"sort"

	"workbench/arrays"
)

// Grouped is a table split into groups of rows with equal keys, made by
// GroupBy; Agg summarises each group in one row.
type Grouped struct {
	t      *Table
	keys   []string
	groups [][]int // the rows of each group, groups sorted by key
}

// GroupBy groups the rows by the values of the key columns (numeric, bool,
// string or time). As pandas' default (sort=True, dropna=True), the groups
// are sorted by key, ascending, the first key the most significant, and
// rows whose key is missing (or NaN) belong to no group. -0 and +0 are the
// same key.
func (t *Table) GroupBy(keys ...string) (*Grouped, error) {
	if len(keys) == 0 {
		return nil, &Error{Op: "GroupBy", Msg: "no key column"}
	}
	hs := make([]*hostCol, len(keys))
	seen := map[string]bool{}
	for k, name := range keys {
		c, err := t.lookup("GroupBy", name)
		if err != nil {
			return nil, err
		}
		if seen[name] {
			return nil, &Error{Op: "GroupBy", Column: name, Msg: "named twice"}
		}
		seen[name] = true
		hs[k] = hostOf("Table.GroupBy", c)
		if hs[k].vk == vComplex {
			return nil, &Error{Op: "GroupBy", Column: name, Msg: "complex keys are not supported"}
		}
	}
	index := map[string]int{}
	var groups [][]int
	var buf []byte
rows:
	for i := range t.NumRows() {
		buf = buf[:0]
		for _, h := range hs {
			if h.missing(i) {
				continue rows
			}
			buf = h.appendKey(buf, i, false)
		}
		g, ok := index[string(buf)]
		if !ok {
			g = len(groups)
			index[string(buf)] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], i)
	}
	sort.SliceStable(groups, func(a, b int) bool {
		i, j := groups[a][0], groups[b][0]
		for _, h := range hs {
			if c := h.cmp(i, j); c != 0 {
				return c < 0
			}
		}
		return false
	})
	return &Grouped{t: t, keys: append([]string(nil), keys...), groups: groups}, nil
}

// NumGroups is the number of groups.
func (g *Grouped) NumGroups() int { return len(g.groups) }

// Keys are the names of the key columns.
func (g *Grouped) Keys() []string { return append([]string(nil), g.keys...) }

// Agg is one aggregation of a column, made by Count, Sum, Mean, Std, Var,
// Min, Max, First, Last or Median.
type Agg struct {
	Column string // the column to summarise
	Func   string // "count", "sum", "mean", "std", "var", "min", "max", "first", "last" or "median"
	Name   string // the name of the result column; "" means Column + "_" + Func
}

// As returns the aggregation with its result column named name.
func (a Agg) As(name string) Agg { a.Name = name; return a }

func (a Agg) name() string {
	if a.Name != "" {
		return a.Name
	}
	return a.Column + "_" + a.Func
}

// Count counts the values of col that are not missing (int64).
func Count(col string) Agg { return Agg{Column: col, Func: "count"} }

// Sum adds the values of col that are not missing (0 for none): int64 for
// integer and bool columns (uint64 for unsigned), float64 for floats,
// complex128 for complex numbers.
func Sum(col string) Agg { return Agg{Column: col, Func: "sum"} }

// Mean is the mean of the values of col that are not missing (float64; NaN
// for none).
func Mean(col string) Agg { return Agg{Column: col, Func: "mean"} }

// Std is the sample standard deviation (correction 1, as pandas) of the
// values of col that are not missing (float64; NaN for fewer than two).
func Std(col string) Agg { return Agg{Column: col, Func: "std"} }

// Var is the sample variance (correction 1, as pandas) of the values of
// col that are not missing (float64; NaN for fewer than two).
func Var(col string) Agg { return Agg{Column: col, Func: "var"} }

// Min is the least value of col that is not missing, of col's kind and
// dtype (any kind but complex; missing when none).
func Min(col string) Agg { return Agg{Column: col, Func: "min"} }

// Max is the greatest value of col that is not missing (see Min).
func Max(col string) Agg { return Agg{Column: col, Func: "max"} }

// First is the first value of col that is not missing, as pandas' first.
func First(col string) Agg { return Agg{Column: col, Func: "first"} }

// Last is the last value of col that is not missing, as pandas' last.
func Last(col string) Agg { return Agg{Column: col, Func: "last"} }

// Median is the median of the values of col that are not missing (float64,
// the mean of the middle two for an even count; NaN for none).
func Median(col string) Agg { return Agg{Column: col, Func: "median"} }

// Agg returns a table with one row per group: the key columns, then one
// column per aggregation, named by the rule "<column>_<func>" (such as
// "x_mean") unless the Agg has a Name (see Agg.As). Missing values (and
// NaN) are skipped, as pandas' skipna. Sum, Mean, Std, Var and Median take
// numeric and bool columns; Count, Min, Max, First and Last take any kind.
// A float result that is undefined (the mean of no values) is NaN and
// marked missing; an integer column whose Min, Max, First or Last is
// missing in some group becomes float64, as in pandas.
func (g *Grouped) Agg(specs ...Agg) (*Table, error) {
	first := make([]int, len(g.groups))
	for k, rows := range g.groups {
		first[k] = rows[0]
	}
	var cols []*Column
	for _, name := range g.keys {
		c, _ := g.t.Column(name)
		cols = append(cols, c.take("Grouped.Agg", first))
	}
	for _, a := range specs {
		c, err := g.t.lookup("Agg", a.Column)
		if err != nil {
			return nil, err
		}
		out, err := g.agg(hostOf("Grouped.Agg", c), a)
		if err != nil {
			return nil, err
		}
		out = onDeviceOf("Grouped.Agg", out, c)
		out.Name = a.name()
		cols = append(cols, out)
	}
	t, err := New(cols...)
	if err != nil {
		err.(*Error).Op = "Agg"
		return nil, err
	}
	return t, nil
}

func (g *Grouped) agg(h *hostCol, a Agg) (*Column, error) {
	bad := func(msg string) error {
		return &Error{Op: "Agg", Column: a.Column, Msg: fmt.Sprintf("%s: %s", a.Func, msg)}
	}
	numeric := h.vk == vFloat || h.vk == vInt || h.vk == vUint || h.vk == vBool
	ng := len(g.groups)
	// present returns the rows of group k whose value is not missing.
	present := func(k int) []int {
		var out []int
		for _, i := range g.groups[k] {
			if !h.missing(i) {
				out = append(out, i)
			}
		}
		return out
	}
	floats := func(f func(rows []int) float64) *Column {
		out := make([]float64, ng)
		for k := range ng {
			out[k] = f(present(k))
		}
		return floatColumn("", out)
	}
	switch a.Func {
	case "count":
		out := make([]int64, ng)
		for k := range ng {
			out[k] = int64(len(present(k)))
		}
		return &Column{Kind: Numeric, Values: arrays.FromSlice(out)}, nil
	case "sum":
		switch h.vk {
		case vFloat:
			return floats(func(rows []int) float64 { return kahanSum(h.f, rows) }), nil
		case vInt, vBool:
			out := make([]int64, ng)
			for k := range ng {
				for _, i := range present(k) {
					if h.vk == vBool {
						out[k] += int64(b2i(h.b[i]))
					} else {
						out[k] += h.i[i]
					}
				}
			}
			return &Column{Kind: Numeric, Values: arrays.FromSlice(out)}, nil
		case vUint:
			out := make([]uint64, ng)
			for k := range ng {
				for _, i := range present(k) {
					out[k] += h.u[i]
				}
			}
			return &Column{Kind: Numeric, Values: arrays.FromSlice(out)}, nil
		case vComplex:
			out := make([]complex128, ng)
			for k := range ng {
				for _, i := range present(k) {
					out[k] += h.z[i]
				}
			}
			return &Column{Kind: Numeric, Values: arrays.FromSlice(out)}, nil
		}
		return nil, bad(fmt.Sprintf("not defined for a %v column", h.col.Kind))
	case "mean", "std", "var", "median":
		if !numeric {
			return nil, bad(fmt.Sprintf("not defined for a %v column", describeKind(h)))
		}
		x := make([]float64, h.len())
		for i := range x {
			x[i] = h.float(i)
		}
		switch a.Func {
		case "mean":
			return floats(func(rows []int) float64 {
				if len(rows) == 0 {
					return math.NaN()
				}
				return kahanSum(x, rows) / float64(len(rows))
			}), nil
		case "median":
			return floats(func(rows []int) float64 { return median(x, rows) }), nil
		case "var":
			return floats(func(rows []int) float64 { return welfordVar(x, rows) }), nil
		default:
			return floats(func(rows []int) float64 { return math.Sqrt(welfordVar(x, rows)) }), nil
		}
	case "min", "max", "first", "last":
		if h.vk == vComplex && (a.Func == "min" || a.Func == "max") {
			return nil, bad("not defined for complex numbers")
		}
		pick := make([]int, ng)
		for k := range ng {
			rows := present(k)
			pick[k] = -1
			if len(rows) == 0 {
				continue
			}
			switch a.Func {
			case "first":
				pick[k] = rows[0]
			case "last":
				pick[k] = rows[len(rows)-1]
			default:
				best := rows[0]
				for _, i := range rows[1:] {
					c := h.cmp(i, best)
					if (a.Func == "min" && c < 0) || (a.Func == "max" && c > 0) {
						best = i
					}
				}
				pick[k] = best
			}
		}
		return h.col.take("Grouped.Agg", pick), nil
	}
	return nil, bad(`unknown aggregation (want "count", "sum", "mean", "std", "var", "min", "max", "first", "last" or "median")`)
}

func describeKind(h *hostCol) string {
	if h.vk == vComplex {
		return "complex"
	}
	return h.col.Kind.String()
}

// floatColumn makes a float64 column whose NaNs are marked missing.
func floatColumn(name string, vals []float64) *Column {
	c := &Column{Name: name, Kind: Numeric, Values: arrays.FromSlice(vals)}
	for i, v := range vals {
		if math.IsNaN(v) {
			if c.Missing == nil {
				c.Missing = make([]bool, len(vals))
			}
			c.Missing[i] = true
		}
	}
	return c
}

// kahanSum adds x[rows] with Kahan's compensation, as pandas' group_sum.
func kahanSum(x []float64, rows []int) float64 {
	sum, comp := 0.0, 0.0
	for _, i := range rows {
		y := x[i] - comp
		t := sum + y
		comp = t - sum - y
		if math.IsNaN(comp) { // an infinity: keep it
			comp = 0
		}
		sum = t
	}
	return sum
}

// welfordVar is the sample variance of x[rows] by Welford's method, as
// pandas' group_var.
func welfordVar(x []float64, rows []int) float64 {
	if len(rows) < 2 {
		return math.NaN()
	}
	mean, m2 := 0.0, 0.0
	for n, i := range rows {
		old := mean
		mean += (x[i] - old) / float64(n+1)
		m2 += (x[i] - mean) * (x[i] - old)
	}
	return m2 / float64(len(rows)-1)
}

// median is the median of x[rows], the mean of the middle two for an even
// count, as pandas' group_median.
func median(x []float64, rows []int) float64 {
	n := len(rows)
	if n == 0 {
		return math.NaN()
	}
	v := make([]float64, n)
	for k, i := range rows {
		v[k] = x[i]
	}
	slices.Sort(v)
	if n%2 == 1 {
		return v[n/2]
	}
	return (v[n/2] + v[n/2-1]) / 2
}
