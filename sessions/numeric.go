package sessions

// Comparing arrays and tables by their values. The JSON forms are those
// the kernel writes (package interp, display.go):
//
//	{"dtype":"float64","shape":[2,3],"data":[1,2.5,"nan",-0.0,"inf","-inf"]}
//
// with integers as JSON integers, floats as numbers or "nan", "inf",
// "-inf", complex numbers as [re, im] pairs, and, for arrays of more than
// a million elements, "truncated":true with "head", "tail" (the first and
// last thousand elements) and "sha256" in place of "data". Tables are
//
//	{"columns":[{"name":"x","kind":"numeric","dtype":"float64","data":[...],"missing":[...]}, ...],"rows":2}
//
// with, when truncated, "head", "tail", "head_missing", "tail_missing" and
// "sha256" per column.

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// vclass is what kind of values a dtype holds, for comparing them.
type vclass int

const (
	vExact   vclass = iota // bools, integers, strings: compared as text
	vFloat                 // compared as floats
	vComplex               // compared as pairs of floats
)

// values are the decoded values of an array or a column.
type values struct {
	class vclass
	bits  int       // 32 or 64, for floats and complex
	s     []string  // vExact: the canonical text of each value
	f     []float64 // vFloat: each value; vComplex: re, im of each
}

func (v values) len() int {
	switch v.class {
	case vFloat:
		return len(v.f)
	case vComplex:
		return len(v.f) / 2
	}
	return len(v.s)
}

// format writes value i for a report.
func (v values) format(i int) string {
	switch v.class {
	case vFloat:
		return formatFloat(v.f[i], v.bits)
	case vComplex:
		return "[" + formatFloat(v.f[2*i], v.bits) + ", " + formatFloat(v.f[2*i+1], v.bits) + "]"
	}
	return v.s[i]
}

func formatFloat(x float64, bits int) string {
	switch {
	case math.IsNaN(x):
		return "nan"
	case math.IsInf(x, 1):
		return "inf"
	case math.IsInf(x, -1):
		return "-inf"
	}
	return strconv.FormatFloat(x, 'g', -1, bits)
}

// classOf returns how values of dtype dt are compared.
func classOf(dt string) (vclass, int, error) {
	switch dt {
	case "bool", "string", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64":
		return vExact, 0, nil
	case "float32":
		return vFloat, 32, nil
	case "float64":
		return vFloat, 64, nil
	case "complex64":
		return vComplex, 32, nil
	case "complex128":
		return vComplex, 64, nil
	}
	return 0, 0, fmt.Errorf("unknown dtype %q", dt)
}

// decodeList reads a JSON list of values of dtype dt.
func decodeList(n *jnode, dt string) (values, error) {
	cl, bits, err := classOf(dt)
	v := values{class: cl, bits: bits}
	if err != nil {
		return v, err
	}
	if n == nil || n.kind != jArray {
		return v, errors.New("values are not a list")
	}
	for i, e := range n.elems {
		bad := func() (values, error) {
			return v, fmt.Errorf("value %d is not of dtype %s", i, dt)
		}
		switch cl {
		case vExact:
			switch {
			case dt == "bool" && e.kind == jBool:
				v.s = append(v.s, strconv.FormatBool(e.b))
			case dt == "string" && e.kind == jString:
				v.s = append(v.s, strconv.Quote(e.s))
			case e.kind == jNumber && strings.HasPrefix(dt, "int"):
				x, err := strconv.ParseInt(e.s, 10, 64)
				if err != nil {
					return bad()
				}
				v.s = append(v.s, strconv.FormatInt(x, 10))
			case e.kind == jNumber && strings.HasPrefix(dt, "uint"):
				x, err := strconv.ParseUint(e.s, 10, 64)
				if err != nil {
					return bad()
				}
				v.s = append(v.s, strconv.FormatUint(x, 10))
			default:
				return bad()
			}
		case vFloat:
			x, ok := jsonFloat(e, bits)
			if !ok {
				return bad()
			}
			v.f = append(v.f, x)
		case vComplex:
			if e.kind != jArray || len(e.elems) != 2 {
				return bad()
			}
			re, ok1 := jsonFloat(e.elems[0], bits)
			im, ok2 := jsonFloat(e.elems[1], bits)
			if !ok1 || !ok2 {
				return bad()
			}
			v.f = append(v.f, re, im)
		}
	}
	return v, nil
}

// jsonFloat reads a float of the array JSON: a number or "nan", "inf",
// "-inf".
func jsonFloat(n *jnode, bits int) (float64, bool) {
	switch n.kind {
	case jNumber:
		x, err := strconv.ParseFloat(n.s, bits)
		return x, err == nil
	case jString:
		switch n.s {
		case "nan":
			return math.NaN(), true
		case "inf":
			return math.Inf(1), true
		case "-inf":
			return math.Inf(-1), true
		}
	}
	return 0, false
}

// agree reports whether two floats agree: bit for bit when exact (any NaN
// matching any NaN), else within tol.
func agree(x, y float64, tol Tolerance, exact bool) bool {
	if math.IsNaN(x) || math.IsNaN(y) {
		return math.IsNaN(x) && math.IsNaN(y)
	}
	if exact {
		return math.Float64bits(x) == math.Float64bits(y)
	}
	if x == y {
		return true
	}
	if math.IsInf(x, 0) || math.IsInf(y, 0) {
		return false
	}
	return math.Abs(x-y) <= tol.ATol+tol.RTol*max(math.Abs(x), math.Abs(y))
}

// tally counts the values that differ and keeps the first and the
// largest difference.
type tally struct {
	n, count        int
	first           int // the index of the first difference, -1 when none
	saved, now      string
	firstAbs        float64
	firstRel        float64
	maxAbs, maxRel  float64
	hasAbs          bool
	where           func(i int) string // names the place of value i
	tol             Tolerance
	exact, floating bool
}

func newTally(where func(int) string) *tally { return &tally{first: -1, where: where} }

// add compares a and b (of the same class and length), whose first value
// has index offset.
func (t *tally) add(a, b values, offset int, set settings, exact bool) {
	t.exact = exact
	t.tol = set.tol
	if a.bits == 32 {
		t.tol = set.tol32
	}
	n := a.len()
	t.n += n
	for i := range n {
		same := true
		var abs, rel float64
		switch a.class {
		case vExact:
			same = a.s[i] == b.s[i]
		case vFloat, vComplex:
			t.floating = true
			k := 1
			if a.class == vComplex {
				k = 2
			}
			for j := range k {
				x, y := a.f[k*i+j], b.f[k*i+j]
				if !agree(x, y, t.tol, exact) {
					same = false
				}
				if d := math.Abs(x - y); !math.IsNaN(d) && !math.IsInf(d, 0) {
					abs = max(abs, d)
					if m := max(math.Abs(x), math.Abs(y)); m > 0 {
						rel = max(rel, d/m)
					}
				}
			}
		}
		if same {
			continue
		}
		t.count++
		if abs > 0 {
			t.hasAbs = true
			t.maxAbs, t.maxRel = max(t.maxAbs, abs), max(t.maxRel, rel)
		}
		if t.first < 0 {
			t.first = offset + i
			t.saved, t.now = a.format(i), b.format(i)
			t.firstAbs, t.firstRel = abs, rel
		}
	}
}

// difference returns the tally as a Difference, or nil when none differs.
func (t *tally) difference(what string) *Difference {
	if t.count == 0 {
		return nil
	}
	first := fmt.Sprintf("%s: saved %s, now %s", t.where(t.first), t.saved, t.now)
	if t.firstAbs > 0 {
		first += fmt.Sprintf(" (difference %.3g, relative %.3g)", t.firstAbs, t.firstRel)
	}
	size := fmt.Sprintf("%d of %d %s differ", t.count, t.n, what)
	if t.hasAbs {
		size += fmt.Sprintf(", by up to %.3g (relative %.3g)", t.maxAbs, t.maxRel)
	}
	if t.floating {
		if t.exact {
			size += "; compared bit for bit"
		} else {
			size += fmt.Sprintf("; tolerance rtol %g, atol %g", t.tol.RTol, t.tol.ATol)
		}
	}
	return &Difference{First: first, Size: size}
}

// multiIndex writes flat index i of an array of shape as "[1 2]".
func multiIndex(i int, shape []int) string {
	idx := make([]int, len(shape))
	for k := len(shape) - 1; k >= 0; k-- {
		if shape[k] > 0 {
			idx[k] = i % shape[k]
			i /= shape[k]
		}
	}
	return strings.ReplaceAll(fmt.Sprint(idx), ",", "")
}

// arrayDoc is a decoded array JSON.
type arrayDoc struct {
	dtype      string
	shape      []int
	size       int
	data       values
	truncated  bool
	head, tail values
	sha        string
}

func decodeArrayDoc(b []byte) (*arrayDoc, error) {
	n, err := parseJSON(b)
	if err != nil {
		return nil, err
	}
	if n.kind != jObject {
		return nil, errors.New("not an object")
	}
	a := &arrayDoc{size: 1}
	dt := n.get("dtype")
	if dt == nil || dt.kind != jString {
		return nil, errors.New("no dtype")
	}
	a.dtype = dt.s
	sh := n.get("shape")
	if sh == nil || sh.kind != jArray {
		return nil, errors.New("no shape")
	}
	for _, e := range sh.elems {
		d, ok := intValue(e)
		if !ok || d < 0 {
			return nil, errors.New("bad shape")
		}
		a.shape = append(a.shape, d)
		if d > 0 && a.size > math.MaxInt/d {
			return nil, errors.New("shape too large")
		}
		a.size *= d
	}
	if t := n.get("truncated"); t != nil && t.kind == jBool && t.b {
		a.truncated = true
		if a.head, err = decodeList(n.get("head"), a.dtype); err != nil {
			return nil, fmt.Errorf("head: %v", err)
		}
		if a.tail, err = decodeList(n.get("tail"), a.dtype); err != nil {
			return nil, fmt.Errorf("tail: %v", err)
		}
		if s := n.get("sha256"); s != nil && s.kind == jString {
			a.sha = s.s
		}
		return a, nil
	}
	if a.data, err = decodeList(n.get("data"), a.dtype); err != nil {
		return nil, err
	}
	if a.data.len() != a.size {
		return nil, fmt.Errorf("%d values for shape %v", a.data.len(), a.shape)
	}
	return a, nil
}

// compareArrayJSON compares two array JSON documents by their values.
func compareArrayJSON(a, b []byte, set settings, exact bool) *Difference {
	x, err1 := decodeArrayDoc(a)
	y, err2 := decodeArrayDoc(b)
	switch {
	case err1 != nil:
		return &Difference{First: "the saved array cannot be read: " + err1.Error()}
	case err2 != nil:
		return &Difference{First: "the new array cannot be read: " + err2.Error()}
	case x.dtype != y.dtype:
		return &Difference{First: fmt.Sprintf("dtype: saved %s, now %s", x.dtype, y.dtype)}
	case !slices.Equal(x.shape, y.shape):
		return &Difference{First: fmt.Sprintf("shape: saved %v, now %v", x.shape, y.shape)}
	case x.truncated != y.truncated:
		return &Difference{First: "one array is written whole, the other truncated"}
	}
	t := newTally(func(i int) string { return "element " + multiIndex(i, x.shape) })
	if !x.truncated {
		t.add(x.data, y.data, 0, set, exact)
		return t.difference("elements")
	}
	if x.head.len() != y.head.len() || x.tail.len() != y.tail.len() {
		return &Difference{First: "the truncated arrays keep heads or tails of other lengths"}
	}
	t.add(x.head, y.head, 0, set, exact)
	t.add(x.tail, y.tail, x.size-x.tail.len(), set, exact)
	if d := t.difference("elements shown"); d != nil {
		return d
	}
	if exact && x.sha != y.sha {
		return &Difference{First: "the elements between head and tail differ (their SHA-256 digests differ)"}
	}
	return nil
}

// column is a decoded column of a table JSON.
type column struct {
	name, kind, dtype     string
	data, head, tail      values
	missing               []bool
	headMissing, tailMiss []bool
	sha                   string
}

type tableDoc struct {
	rows      int
	truncated bool
	columns   []column
}

func decodeMask(n *jnode, count int) ([]bool, error) {
	m := make([]bool, count)
	if n == nil {
		return m, nil
	}
	if n.kind != jArray || len(n.elems) != count {
		return nil, errors.New("bad missing marks")
	}
	for i, e := range n.elems {
		if e.kind != jBool {
			return nil, errors.New("bad missing marks")
		}
		m[i] = e.b
	}
	return m, nil
}

func decodeTableDoc(b []byte) (*tableDoc, error) {
	n, err := parseJSON(b)
	if err != nil {
		return nil, err
	}
	if n.kind != jObject {
		return nil, errors.New("not an object")
	}
	t := &tableDoc{}
	rows := n.get("rows")
	r, ok := 0, false
	if rows != nil {
		r, ok = intValue(rows)
	}
	if !ok || r < 0 {
		return nil, errors.New("no rows")
	}
	t.rows = r
	if tr := n.get("truncated"); tr != nil && tr.kind == jBool && tr.b {
		t.truncated = true
	}
	cols := n.get("columns")
	if cols == nil || cols.kind != jArray {
		return nil, errors.New("no columns")
	}
	str := func(c *jnode, k string) string {
		if v := c.get(k); v != nil && v.kind == jString {
			return v.s
		}
		return ""
	}
	for k, c := range cols.elems {
		if c.kind != jObject {
			return nil, fmt.Errorf("column %d is not an object", k)
		}
		col := column{name: str(c, "name"), kind: str(c, "kind"), dtype: str(c, "dtype"), sha: str(c, "sha256")}
		fail := func(err error) (*tableDoc, error) { return nil, fmt.Errorf("column %q: %v", col.name, err) }
		if !t.truncated {
			if col.data, err = decodeList(c.get("data"), col.dtype); err != nil {
				return fail(err)
			}
			if col.data.len() != t.rows {
				return fail(fmt.Errorf("%d values for %d rows", col.data.len(), t.rows))
			}
			if col.missing, err = decodeMask(c.get("missing"), t.rows); err != nil {
				return fail(err)
			}
		} else {
			if col.head, err = decodeList(c.get("head"), col.dtype); err != nil {
				return fail(err)
			}
			if col.tail, err = decodeList(c.get("tail"), col.dtype); err != nil {
				return fail(err)
			}
			if col.headMissing, err = decodeMask(c.get("head_missing"), col.head.len()); err != nil {
				return fail(err)
			}
			if col.tailMiss, err = decodeMask(c.get("tail_missing"), col.tail.len()); err != nil {
				return fail(err)
			}
		}
		t.columns = append(t.columns, col)
	}
	return t, nil
}

// compareTableJSON compares two table JSON documents by their values.
func compareTableJSON(a, b []byte, set settings, exact bool) *Difference {
	x, err1 := decodeTableDoc(a)
	y, err2 := decodeTableDoc(b)
	switch {
	case err1 != nil:
		return &Difference{First: "the saved table cannot be read: " + err1.Error()}
	case err2 != nil:
		return &Difference{First: "the new table cannot be read: " + err2.Error()}
	case x.rows != y.rows:
		return &Difference{First: fmt.Sprintf("rows: saved %d, now %d", x.rows, y.rows)}
	case len(x.columns) != len(y.columns):
		return &Difference{First: fmt.Sprintf("columns: saved %d, now %d", len(x.columns), len(y.columns))}
	case x.truncated != y.truncated:
		return &Difference{First: "one table is written whole, the other truncated"}
	}
	for k := range x.columns {
		p, q := x.columns[k], y.columns[k]
		if p.name != q.name || p.kind != q.kind || p.dtype != q.dtype {
			return &Difference{First: fmt.Sprintf("column %d: saved %q (%s, %s), now %q (%s, %s)", k+1, p.name, p.kind, p.dtype, q.name, q.kind, q.dtype)}
		}
	}
	for k := range x.columns {
		p, q := x.columns[k], y.columns[k]
		t := newTally(func(i int) string { return fmt.Sprintf("column %q, row %d", p.name, i) })
		mt := newTally(func(i int) string { return fmt.Sprintf("column %q, row %d, missing", p.name, i) })
		if !x.truncated {
			t.add(p.data, q.data, 0, set, exact)
			mt.add(maskValues(p.missing), maskValues(q.missing), 0, set, exact)
		} else {
			if p.head.len() != q.head.len() || p.tail.len() != q.tail.len() {
				return &Difference{First: fmt.Sprintf("column %q: the truncated tables keep heads or tails of other lengths", p.name)}
			}
			t.add(p.head, q.head, 0, set, exact)
			t.add(p.tail, q.tail, x.rows-p.tail.len(), set, exact)
			mt.add(maskValues(p.headMissing), maskValues(q.headMissing), 0, set, exact)
			mt.add(maskValues(p.tailMiss), maskValues(q.tailMiss), x.rows-p.tail.len(), set, exact)
		}
		if d := mt.difference("missing marks"); d != nil {
			return d
		}
		if d := t.difference("values of the column"); d != nil {
			return d
		}
		if x.truncated && exact && p.sha != q.sha {
			return &Difference{First: fmt.Sprintf("column %q: the rows between head and tail differ (their SHA-256 digests differ)", p.name)}
		}
	}
	return nil
}

func maskValues(m []bool) values {
	v := values{class: vExact, s: make([]string, len(m))}
	for i, b := range m {
		v.s[i] = strconv.FormatBool(b)
	}
	return v
}
