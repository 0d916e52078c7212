package table

// Tests of the row and column operations and of sorting, and the golden
// tests of sorting, grouping, joining, describing and display.

// Golden tests: sorting, grouping, joining and describing against pandas.
// testdata/golden/generate.py builds the tables with Debian's
// python3-pandas and records pandas' results in testdata/golden/table.json
// (see the script for the format and for where our documented choices
// differ from pandas 1.5.3). These tests rebuild the same tables from the
// file, run the same operations and compare.

//go:generate /usr/bin/python3 testdata/golden/generate.py

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"workbench/arrays"
)

const (
	goldenFile   = "testdata/golden/table.json"
	goldenScript = "testdata/golden/generate.py"
)

type goldenColumn struct {
	Name   string            `json:"name"`
	Kind   string            `json:"kind"`
	Values []json.RawMessage `json:"values"`
}

type goldenCase struct {
	Op         string         `json:"op"`
	Table      string         `json:"table"`
	By         []string       `json:"by"`
	Descending []bool         `json:"descending"`
	Keys       []string       `json:"keys"`
	Aggs       [][2]string    `json:"aggs"`
	Left       string         `json:"left"`
	Right      string         `json:"right"`
	Drop       []string       `json:"drop"`
	On         string         `json:"on"`
	How        string         `json:"how"`
	Result     []goldenColumn `json:"result"`
	Head       int            `json:"head"`
	Text       string         `json:"text"`
}

type goldenDoc struct {
	SHA256 string                    `json:"generator_sha256"`
	Pandas string                    `json:"pandas_version"`
	Tables map[string][]goldenColumn `json:"tables"`
	Cases  []goldenCase              `json:"cases"`
}

func loadGolden(t *testing.T) *goldenDoc {
	t.Helper()
	data, err := os.ReadFile(goldenFile)
	if err != nil {
		t.Fatalf("%v (run go generate ./arrays/table with python3-pandas installed)", err)
	}
	var doc goldenDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: %v", goldenFile, err)
	}
	return &doc
}

func TestGoldenDataFresh(t *testing.T) {
	doc := loadGolden(t)
	script, err := os.ReadFile(goldenScript)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(script)
	if doc.SHA256 != hex.EncodeToString(sum[:]) {
		t.Fatalf("%s was made by another version of %s: run go generate ./arrays/table", goldenFile, goldenScript)
	}
	ops := map[string]int{}
	for _, c := range doc.Cases {
		ops[c.Op]++
	}
	for _, op := range []string{"sort", "groupby", "join", "describe", "display"} {
		if ops[op] == 0 {
			t.Errorf("the golden data has no %s cases", op)
		}
	}
}

// goldenFloat reads a Python repr of a float ("1.5", "-0.0", "nan", "inf").
func goldenFloat(t *testing.T, raw json.RawMessage) float64 {
	t.Helper()
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatalf("float %s: %v", raw, err)
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("float %q: %v", s, err)
	}
	return f
}

func goldenNull(raw json.RawMessage) bool { return string(raw) == "null" }

// goldenColumnOf rebuilds an input column. Float columns mark missing values
// by NaN alone (no Missing slice), the others by Missing.
func goldenColumnOf(t *testing.T, gc goldenColumn) *Column {
	t.Helper()
	n := len(gc.Values)
	var miss []bool
	mark := func(i int) {
		if miss == nil {
			miss = make([]bool, n)
		}
		miss[i] = true
	}
	c := &Column{Name: gc.Name}
	switch gc.Kind {
	case "float64":
		v := make([]float64, n)
		for i, raw := range gc.Values {
			v[i] = goldenFloat(t, raw)
		}
		c.Kind, c.Values = Numeric, arrays.FromSlice(v)
	case "int64", "time":
		v := make([]int64, n)
		for i, raw := range gc.Values {
			if goldenNull(raw) {
				mark(i)
				continue
			}
			var s json.Number
			if err := json.Unmarshal(raw, &s); err != nil {
				var str string
				if err2 := json.Unmarshal(raw, &str); err2 != nil {
					t.Fatalf("int %s: %v", raw, err)
				}
				s = json.Number(str)
			}
			x, err := strconv.ParseInt(string(s), 10, 64)
			if err != nil {
				t.Fatalf("int %s: %v", raw, err)
			}
			v[i] = x
		}
		c.Kind, c.Values = Numeric, arrays.FromSlice(v)
		if gc.Kind == "time" {
			c.Kind = Time
		}
	case "bool":
		v := make([]bool, n)
		for i, raw := range gc.Values {
			if goldenNull(raw) {
				mark(i)
				continue
			}
			if err := json.Unmarshal(raw, &v[i]); err != nil {
				t.Fatal(err)
			}
		}
		c.Kind, c.Values = Bool, arrays.FromSlice(v)
	case "string":
		v := make([]string, n)
		for i, raw := range gc.Values {
			if goldenNull(raw) {
				mark(i)
				continue
			}
			if err := json.Unmarshal(raw, &v[i]); err != nil {
				t.Fatal(err)
			}
		}
		c.Kind, c.Strings = String, v
	default:
		t.Fatalf("column %q: unknown kind %q", gc.Name, gc.Kind)
	}
	c.Missing = miss
	return c
}

func goldenTableOf(t *testing.T, cols []goldenColumn) *Table {
	t.Helper()
	cs := make([]*Column, len(cols))
	for i, gc := range cols {
		cs[i] = goldenColumnOf(t, gc)
	}
	tab, err := New(cs...)
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

// goldenCompare checks got against pandas' result: names, kinds, dtypes,
// missing values and values (floats bit for bit, signed zeros too).
func goldenCompare(t *testing.T, result []goldenColumn, got *Table) {
	t.Helper()
	want := goldenTableOf(t, result)
	if g, w := strings.Join(got.Names(), ","), strings.Join(want.Names(), ","); g != w {
		t.Fatalf("columns %s, want %s", g, w)
	}
	if got.NumRows() != want.NumRows() {
		t.Fatalf("%d rows, want %d\ngot:\n%v\nwant:\n%v", got.NumRows(), want.NumRows(), got, want)
	}
	bad := 0
	for j, wc := range want.cols {
		gc := got.cols[j]
		if gc.Kind != wc.Kind || gc.dtypeName() != wc.dtypeName() {
			t.Errorf("column %q: %v %s, want %v %s", wc.Name, gc.Kind, gc.dtypeName(), wc.Kind, wc.dtypeName())
			continue
		}
		gh, wh := hostOf("", gc), hostOf("", wc)
		for i := range wh.len() {
			gm, wm := gh.missing(i), wh.missing(i)
			ok := gm == wm
			if ok && !wm {
				if wh.vk == vFloat {
					ok = goldenSame(gh.f[i], wh.f[i])
				} else {
					ok = gh.cmp(i, i) == 0 && fmt.Sprint(gh.value(i)) == fmt.Sprint(wh.value(i))
				}
			}
			if !ok {
				bad++
				if bad <= 10 {
					t.Errorf("column %q row %d: got %s, want %s", wc.Name, i, goldenShow(gh, i), goldenShow(wh, i))
				}
			}
		}
	}
	if bad > 0 {
		t.Logf("got:\n%v\nwant:\n%v", got, want)
	}
}

func goldenShow(h *hostCol, i int) string {
	if h.missing(i) {
		return "missing"
	}
	if h.vk == vFloat {
		return strconv.FormatFloat(h.f[i], 'g', -1, 64)
	}
	return fmt.Sprintf("%#v", h.value(i))
}

// goldenSame reports whether a and b are the same float64, bit for bit
// (signed zeros included).
func goldenSame(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }

var goldenAggs = map[string]func(string) Agg{
	"count": Count, "sum": Sum, "mean": Mean, "std": Std, "var": Var,
	"min": Min, "max": Max, "first": First, "last": Last, "median": Median,
}

func TestGolden(t *testing.T) {
	doc := loadGolden(t)
	tables := map[string]*Table{}
	for name, cols := range doc.Tables {
		tables[name] = goldenTableOf(t, cols)
	}
	input := func(t *testing.T, name string) *Table {
		tab, ok := tables[name]
		if !ok {
			t.Fatalf("no input table %q", name)
		}
		return tab
	}
	for _, c := range doc.Cases {
		var name string
		switch c.Op {
		case "sort":
			name = fmt.Sprintf("sort/%s/%v/%v", c.Table, c.By, c.Descending)
		case "groupby":
			name = fmt.Sprintf("groupby/%s/%v", c.Table, c.Keys)
		case "join":
			name = fmt.Sprintf("join/%s/%s", c.On, c.How)
		case "describe":
			name = "describe/" + c.Table
		case "display":
			name = fmt.Sprintf("display/%s/%d", c.Table, c.Head)
		}
		t.Run(name, func(t *testing.T) {
			var got *Table
			var err error
			switch c.Op {
			case "sort":
				tab := input(t, c.Table)
				if len(c.By) == 1 {
					got, err = tab.SortBy(c.By[0], c.Descending[0])
					if err == nil {
						goldenCompare(t, c.Result, got)
					}
				}
				if err == nil {
					got, err = tab.SortByMany(c.By, c.Descending)
				}
			case "groupby":
				var g *Grouped
				g, err = input(t, c.Table).GroupBy(c.Keys...)
				if err == nil {
					specs := make([]Agg, len(c.Aggs))
					for k, a := range c.Aggs {
						f, ok := goldenAggs[a[1]]
						if !ok {
							t.Fatalf("unknown aggregation %q", a[1])
						}
						specs[k] = f(a[0])
					}
					got, err = g.Agg(specs...)
				}
			case "join":
				var l, r *Table
				l, err = input(t, c.Left).Drop(c.Drop...)
				if err == nil {
					r, err = input(t, c.Right).Drop(c.Drop...)
				}
				if err == nil {
					got, err = l.Join(r, c.On, c.How)
				}
			case "describe":
				got, err = input(t, c.Table).Describe()
			case "display":
				tab := input(t, c.Table)
				if c.Head > 0 {
					tab = tab.Head(c.Head)
				}
				if s := tab.String(); s != c.Text {
					t.Errorf("String() =\n%s\npandas prints\n%s", s, c.Text)
				}
				return
			default:
				t.Fatalf("unknown op %q", c.Op)
			}
			if err != nil {
				t.Fatal(err)
			}
			goldenCompare(t, c.Result, got)
		})
	}
}

// Helpers for building small tables in tests.

func colF(name string, v ...float64) *Column {
	return &Column{Name: name, Kind: Numeric, Values: arrays.FromSlice(v)}
}

func colI(name string, v ...int64) *Column {
	return &Column{Name: name, Kind: Numeric, Values: arrays.FromSlice(v)}
}

func colB(name string, v ...bool) *Column {
	return &Column{Name: name, Kind: Bool, Values: arrays.FromSlice(v)}
}

func colS(name string, v ...string) *Column { return StringColumn(name, v) }

// withMissing marks the values at rows missing.
func withMissing(c *Column, rows ...int) *Column {
	c.Missing = make([]bool, c.Len())
	for _, i := range rows {
		c.Missing[i] = true
	}
	return c
}

func tblNew(t testing.TB, cols ...*Column) *Table {
	t.Helper()
	tab, err := New(cols...)
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

// tblVals prints the values of a column as "[1 2 NA]" (NA for missing).
func tblVals(t testing.TB, tab *Table, name string) string {
	t.Helper()
	c, err := tab.Column(name)
	if err != nil {
		t.Fatal(err)
	}
	h := hostOf("", c)
	parts := make([]string, h.len())
	for i := range parts {
		if h.missing(i) {
			parts[i] = "NA"
		} else {
			parts[i] = fmt.Sprint(h.value(i))
		}
	}
	return "[" + strings.Join(parts, " ") + "]"
}

// wantError checks that err is an *Error of operation op about column col
// whose message contains each of the fragments.
func wantError(t testing.TB, err error, op, col string, fragments ...string) {
	t.Helper()
	var te *Error
	if !errors.As(err, &te) {
		t.Fatalf("error %v (%T), want a *table.Error", err, err)
	}
	if te.Op != op || te.Column != col {
		t.Errorf("error %q: op %q column %q, want op %q column %q", err, te.Op, te.Column, op, col)
	}
	for _, f := range fragments {
		if !strings.Contains(err.Error(), f) {
			t.Errorf("error %q does not mention %q", err, f)
		}
	}
}

func sampleTable(t testing.TB) *Table {
	return tblNew(t,
		colI("id", 0, 1, 2, 3, 4, 5),
		colF("x", 2.5, math.NaN(), -1, 4, 7.5, 0),
		colS("name", "a", "b", "", "d", "e", "f"),
		withMissing(colS("tag", "p", "", "q", "p", "", "r"), 1, 4),
		colB("ok", true, false, true, true, false, false),
	)
}

func TestSelectDropRename(t *testing.T) {
	tab := sampleTable(t)
	cases := []struct {
		name      string
		run       func() (*Table, error)
		wantNames string
		errCol    string
		errFrags  []string
		errOp     string
	}{
		{"select", func() (*Table, error) { return tab.Select("x", "id") }, "x,id", "", nil, ""},
		{"select none", func() (*Table, error) { return tab.Select() }, "", "", nil, ""},
		{"select unknown", func() (*Table, error) { return tab.Select("x", "nope") }, "", "nope", []string{"no such column", "[id x name tag ok]"}, "Select"},
		{"select twice", func() (*Table, error) { return tab.Select("x", "x") }, "", "x", []string{"twice"}, "Select"},
		{"drop", func() (*Table, error) { return tab.Drop("x", "tag") }, "id,name,ok", "", nil, ""},
		{"drop unknown", func() (*Table, error) { return tab.Drop("y") }, "", "y", []string{"[id x name tag ok]"}, "Drop"},
		{"rename", func() (*Table, error) { return tab.Rename("x", "y") }, "id,y,name,tag,ok", "", nil, ""},
		{"rename to itself", func() (*Table, error) { return tab.Rename("x", "x") }, "id,x,name,tag,ok", "", nil, ""},
		{"rename unknown", func() (*Table, error) { return tab.Rename("w", "y") }, "", "w", []string{"no such column"}, "Rename"},
		{"rename onto another", func() (*Table, error) { return tab.Rename("x", "id") }, "", "id", []string{"exists"}, "Rename"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := c.run()
			if c.errOp != "" {
				wantError(t, err, c.errOp, c.errCol, c.errFrags...)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if g := strings.Join(got.Names(), ","); g != c.wantNames {
				t.Errorf("names %q, want %q", g, c.wantNames)
			}
		})
	}
	// Tables are values: the input keeps its names.
	if g := strings.Join(tab.Names(), ","); g != "id,x,name,tag,ok" {
		t.Errorf("the input table changed: %s", g)
	}
	r, _ := tab.Rename("x", "y")
	if got := tblVals(t, r, "y"); got != "[2.5 NA -1 4 7.5 0]" {
		t.Errorf("renamed column holds %s", got)
	}
}

func TestWithColumn(t *testing.T) {
	tab := sampleTable(t)
	cases := []struct {
		name      string
		col       *Column
		wantNames string
		errFrags  []string
	}{
		{"add", colI("z", 1, 2, 3, 4, 5, 6), "id,x,name,tag,ok,z", nil},
		{"replace", colS("x", "1", "2", "3", "4", "5", "6"), "id,x,name,tag,ok", nil},
		{"short", colI("z", 1, 2), "", []string{"has 2 values", "6 rows"}},
		{"nil", nil, "", []string{"nil column"}},
		{"bad kind", &Column{Name: "z", Kind: Bool, Values: arrays.FromSlice([]int64{1, 2, 3, 4, 5, 6})}, "", []string{"bool column of dtype int64"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := tab.WithColumn(c.col)
			if c.errFrags != nil {
				col := ""
				if c.col != nil {
					col = c.col.Name
				}
				wantError(t, err, "WithColumn", col, c.errFrags...)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if g := strings.Join(got.Names(), ","); g != c.wantNames {
				t.Errorf("names %q, want %q", g, c.wantNames)
			}
			if g := tblVals(t, got, c.col.Name); g != tblVals(t, tblNew(t, c.col), c.col.Name) {
				t.Errorf("column %q holds %s", c.col.Name, g)
			}
		})
	}
	empty := tblNew(t)
	got, err := empty.WithColumn(colI("a", 1, 2, 3))
	if err != nil || got.NumRows() != 3 {
		t.Errorf("adding to an empty table: %v, %d rows", err, got.NumRows())
	}
}

func TestRowRanges(t *testing.T) {
	tab := sampleTable(t)
	cases := []struct {
		name string
		got  *Table
		want string // the id column
	}{
		{"head 2", tab.Head(2), "[0 1]"},
		{"head 0", tab.Head(0), "[]"},
		{"head 99", tab.Head(99), "[0 1 2 3 4 5]"},
		{"head -2", tab.Head(-2), "[0 1 2 3]"},
		{"tail 2", tab.Tail(2), "[4 5]"},
		{"tail 0", tab.Tail(0), "[]"},
		{"tail 99", tab.Tail(99), "[0 1 2 3 4 5]"},
		{"tail 8", tab.Tail(8), "[0 1 2 3 4 5]"},
		{"tail -8", tab.Tail(-8), "[]"},
		{"head 8", tab.Head(8), "[0 1 2 3 4 5]"},
		{"head -8", tab.Head(-8), "[]"},
		{"tail -2", tab.Tail(-2), "[2 3 4 5]"},
		{"slice", tab.Slice(1, 4), "[1 2 3]"},
		{"slice negative", tab.Slice(-3, -1), "[3 4]"},
		{"slice clamped", tab.Slice(-99, 99), "[0 1 2 3 4 5]"},
		{"slice empty", tab.Slice(4, 2), "[]"},
		{"filterfunc", tab.FilterFunc(func(i int) bool { return i%2 == 1 }), "[1 3 5]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if g := tblVals(t, c.got, "id"); g != c.want {
				t.Errorf("id %s, want %s", g, c.want)
			}
			if c.got.NumCols() != tab.NumCols() {
				t.Errorf("%d columns, want %d", c.got.NumCols(), tab.NumCols())
			}
			for _, name := range tab.Names() {
				col, _ := c.got.Column(name)
				if col.Len() != c.got.NumRows() {
					t.Errorf("column %q has %d values for %d rows", name, col.Len(), c.got.NumRows())
				}
			}
		})
	}
	// Missing marks travel with the rows.
	if g := tblVals(t, tab.Slice(1, 5), "tag"); g != "[NA q p NA]" {
		t.Errorf("Slice(1, 5) tag = %s", g)
	}
}

func TestTakeAndFilter(t *testing.T) {
	tab := sampleTable(t)
	took, err := tab.Take([]int{5, 0, -1, 1, 1})
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"id": "[5 0 5 1 1]", "x": "[0 2.5 0 NA NA]", "name": "[f a f b b]",
		"tag": "[r p r NA NA]", "ok": "[false true false false false]",
	} {
		if g := tblVals(t, took, name); g != want {
			t.Errorf("Take: %s = %s, want %s", name, g, want)
		}
	}
	_, err = tab.Take([]int{0, 6})
	wantError(t, err, "Take", "", "row 6", "6 rows")
	_, err = tab.Take([]int{-7})
	wantError(t, err, "Take", "", "row -7")

	cases := []struct {
		name     string
		mask     *arrays.Array
		want     string
		errFrags []string
	}{
		{"greater", tab.Col("x").Gt(1), "[0 3 4]", nil},
		{"nan is not greater", tab.Col("x").Le(1), "[2 5]", nil},
		{"bools", tab.Col("ok"), "[0 2 3]", nil},
		{"none", arrays.FromSlice(make([]bool, 6)), "[]", nil},
		{"not bool", tab.Col("x"), "", []string{"1-d bool", "float64"}},
		{"wrong length", arrays.FromSlice([]bool{true, false}), "", []string{"2 values", "6 rows"}},
		{"2-d", arrays.FromSlice(make([]bool, 6), 2, 3), "", []string{"[2 3]"}},
		{"nil", nil, "", []string{"nil mask"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := tab.Filter(c.mask)
			if c.errFrags != nil {
				wantError(t, err, "Filter", "", c.errFrags...)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if g := tblVals(t, got, "id"); g != c.want {
				t.Errorf("id %s, want %s", g, c.want)
			}
		})
	}
}

func TestRow(t *testing.T) {
	when := time.Date(2024, 2, 29, 13, 14, 15, 16, time.UTC)
	tc := TimeColumn("t", []time.Time{when, when})
	tc.Missing = []bool{false, true}
	u := &Column{Name: "u", Kind: Numeric, Values: arrays.FromSlice([]uint8{7, 250})}
	tab := tblNew(t, colF("x", 1.5, math.NaN()), withMissing(colS("s", "a", ""), 1), tc, colB("b", true, false), u, colI("i", -3, 4))
	cases := []struct {
		row  int
		want map[string]any
	}{
		{0, map[string]any{"x": 1.5, "s": "a", "t": when, "b": true, "u": uint64(7), "i": int64(-3)}},
		{-1, map[string]any{"x": nil, "s": nil, "t": nil, "b": false, "u": uint64(250), "i": int64(4)}},
	}
	for _, c := range cases {
		got := tab.Row(c.row)
		if len(got) != len(c.want) {
			t.Errorf("Row(%d) has %d entries, want %d", c.row, len(got), len(c.want))
		}
		for k, w := range c.want {
			g, ok := got[k]
			if !ok || g != w {
				t.Errorf("Row(%d)[%q] = %#v, want %#v", c.row, k, g, w)
			}
		}
	}
	err := arrays.Maybe(func() { tab.Row(2) })
	wantError(t, err, "Row", "", "row 2", "2 rows")
}

func TestSortKinds(t *testing.T) {
	t0 := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	tc := TimeColumn("t", []time.Time{t0.Add(3 * time.Hour), t0, t0.Add(-time.Hour), t0, t0.Add(time.Hour)})
	tc.Missing = []bool{false, false, false, false, true}
	tab := tblNew(t,
		colI("id", 0, 1, 2, 3, 4),
		colS("s", "b", "B", "é", "a", "B"),
		&Column{Name: "u", Kind: Numeric, Values: arrays.FromSlice([]uint64{math.MaxUint64, 0, 5, 5, 1})},
		&Column{Name: "f32", Kind: Numeric, Values: arrays.FromSlice([]float32{2, float32(math.NaN()), -1, 2, 0})},
		withMissing(colI("m", 5, 1, 9, 1, 3), 2),
		colB("b", true, false, true, false, true),
		tc,
		&Column{Name: "z", Kind: Numeric, Values: arrays.FromSlice([]complex128{complex(1, 2), complex(1, -1), complex(0, 5), complex(math.NaN(), 0), complex(1, 2)})},
	)
	cases := []struct {
		by   []string
		desc []bool
		want string // the id column
	}{
		{[]string{"s"}, nil, "[1 4 3 0 2]"},
		{[]string{"s"}, []bool{true}, "[2 0 3 1 4]"},
		{[]string{"u"}, nil, "[1 4 2 3 0]"},
		{[]string{"u"}, []bool{true}, "[0 2 3 4 1]"},
		{[]string{"f32"}, nil, "[2 4 0 3 1]"},
		{[]string{"f32"}, []bool{true}, "[0 3 4 2 1]"},
		{[]string{"m"}, nil, "[1 3 4 0 2]"},
		{[]string{"m"}, []bool{true}, "[0 4 1 3 2]"},
		{[]string{"b"}, nil, "[1 3 0 2 4]"},
		{[]string{"t"}, nil, "[2 1 3 0 4]"},
		{[]string{"t"}, []bool{true}, "[0 1 3 2 4]"},
		{[]string{"z"}, nil, "[2 1 0 4 3]"},
		{[]string{"b", "s"}, []bool{true}, "[4 0 2 1 3]"},
		{[]string{"b", "s"}, []bool{false, true}, "[3 1 2 0 4]"},
	}
	for _, c := range cases {
		name := fmt.Sprintf("%v/%v", c.by, c.desc)
		t.Run(name, func(t *testing.T) {
			got, err := tab.SortByMany(c.by, c.desc)
			if err != nil {
				t.Fatal(err)
			}
			if g := tblVals(t, got, "id"); g != c.want {
				t.Errorf("id %s, want %s", g, c.want)
			}
			if len(c.by) == 1 {
				got, err := tab.SortBy(c.by[0], len(c.desc) > 0 && c.desc[0])
				if err != nil {
					t.Fatal(err)
				}
				if g := tblVals(t, got, "id"); g != c.want {
					t.Errorf("SortBy: id %s, want %s", g, c.want)
				}
			}
		})
	}
	if g := tblVals(t, tab, "id"); g != "[0 1 2 3 4]" {
		t.Errorf("sorting changed the input: %s", g)
	}
}

func TestSortErrors(t *testing.T) {
	tab := sampleTable(t)
	_, err := tab.SortBy("nope", false)
	wantError(t, err, "SortBy", "nope", "[id x name tag ok]")
	_, err = tab.SortByMany([]string{"x", "nope"}, nil)
	wantError(t, err, "SortByMany", "nope", "no such column")
	_, err = tab.SortByMany(nil, nil)
	wantError(t, err, "SortByMany", "", "no column")
	_, err = tab.SortByMany([]string{"x"}, []bool{true, false})
	wantError(t, err, "SortByMany", "", "2 directions for 1 columns")
}

// TestEveryDType gathers, groups and joins columns of every dtype.
func TestEveryDType(t *testing.T) {
	for _, dt := range []arrays.DType{arrays.Bool, arrays.Int8, arrays.Int16, arrays.Int32, arrays.Int64,
		arrays.Uint8, arrays.Uint16, arrays.Uint32, arrays.Uint64, arrays.Float32, arrays.Float64,
		arrays.Complex64, arrays.Complex128} {
		t.Run(dt.String(), func(t *testing.T) {
			kind := Numeric
			if dt == arrays.Bool {
				kind = Bool
			}
			c := &Column{Name: "c", Kind: kind, Values: arrays.Asarray([]int64{0, 1, 0}).Astype(dt)}
			// A gather with a missing row (-1), as Join makes.
			got := c.take("", []int{1, -1, 0})
			wantDT := dt
			if dt.IsInteger() {
				wantDT = arrays.Float64 // as pandas
			}
			if got.Values.DType() != wantDT {
				t.Errorf("take gave dtype %v, want %v", got.Values.DType(), wantDT)
			}
			if got.IsMissing(0) || !got.IsMissing(1) || got.IsMissing(2) {
				t.Errorf("take: missing %v, want [false true false]", got.Missing)
			}
			if v := got.Values.Float64s(); v[0] != 1 || v[2] != 0 {
				t.Errorf("take: values %v", v)
			}
			// Without missing rows the dtype stays.
			if same := c.take("", []int{2, 1}); same.Values.DType() != dt || same.Missing != nil {
				t.Errorf("take without -1 gave %v, missing %v", same.Values.DType(), same.Missing)
			}
			tab := tblNew(t, c, colI("n", 10, 20, 30))
			g, err := tab.GroupBy("c")
			if dt.IsComplex() {
				wantError(t, err, "GroupBy", "c", "complex")
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			s, err := g.Agg(Sum("n"), Min("c"), First("n"))
			if err != nil {
				t.Fatal(err)
			}
			if v := tblVals(t, s, "n_sum"); v != "[40 20]" {
				t.Errorf("n_sum %s, want [40 20]", v)
			}
			if col, _ := s.Column("c_min"); col.Values.DType() != dt {
				t.Errorf("c_min has dtype %v, want %v", col.Values.DType(), dt)
			}
			j, err := tab.Join(tblNew(t, &Column{Name: "c", Kind: kind, Values: c.Values.Index(arrays.Slice(1, 2))}), "c", "outer")
			if err != nil {
				t.Fatal(err)
			}
			if v := tblVals(t, j, "n"); v != "[10 30 20]" {
				t.Errorf("outer join n = %s, want [10 30 20]", v)
			}
		})
	}
}
