package interp

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// completionSession is a session with a few cells run: an array, a type
// of the user's with a method and a constructor, variables.
func completionSession(t *testing.T) *Session {
	t.Helper()
	s := newTestSession(t, Options{})
	cells := []string{
		"x := arrays.Zeros(2, 3)",
		"// Point is a point of the plane.\ntype Point struct{ X, Y float64 }\n\n// Norm is the distance to the origin.\nfunc (p Point) Norm() float64 { return math.Hypot(p.X, p.Y) }\n\n// origin returns the origin.\nfunc origin() *Point { return &Point{} }",
		"pt := origin()\nmyCounter := 42\nconst limit = 10\nsigma := 1.5\nSigma := 2.5",
		`import "math/rand/v2"`,
		"type Labeled struct {\n\tPoint\n\tLabel string\n}\nlp := Labeled{}",
	}
	for _, c := range cells {
		outs, err := s.Run(context.Background(), c)
		if err != nil || hasError(outs) {
			t.Fatalf("cell %q: %v %s", c, err, render(outs))
		}
	}
	return s
}

func hasError(outs []Output) bool {
	for _, o := range outs {
		if o.Type == Error {
			return true
		}
	}
	return false
}

// want describes a candidate that must be among the matches.
type want struct {
	name, kind, sig, doc string // sig and doc: substrings ("" for any)
}

func TestComplete(t *testing.T) {
	s := completionSession(t)
	tests := []struct {
		name       string
		cell       string
		cursor     int // -1: the end
		start, end int // -1: the cursor
		first      string
		order      []string // these names, in this order (others between)
		has        []want
		hasNot     []string
		none       bool // no matches at all
	}{
		{name: "package member", cell: "arrays.Ze", cursor: -1, start: 7, end: -1, first: "Zeros",
			has:    []want{{"Zeros", "func", "func Zeros(dims ...any) *Array", "Zeros returns an array of zeros."}, {"ZerosLike", "func", "func ZerosLike(", ""}},
			hasNot: []string{"Ones", "Zeros(", "zeros"}},
		{name: "inside a name", cell: "arrays.Zeros(3)", cursor: 9, start: 7, end: 12, first: "Zeros"},
		{name: "method of a session variable", cell: "x.Su", cursor: -1, start: 2, end: -1,
			has:    []want{{"Sum", "method", "func (a *Array) Sum(opts ...Option) *Array", "Sum is Sum(a, opts...)."}, {"Sub", "method", "", ""}},
			hasNot: []string{"Mean"}},
		{name: "all methods after the dot", cell: "x.", cursor: -1, start: 2, end: -1,
			has: []want{{"Sum", "method", "", ""}, {"Reshape", "method", "", ""}, {"Shape", "method", "", ""}}},
		{name: "chained calls", cell: "x.T().Sum().Resh", cursor: -1, first: "Reshape",
			has: []want{{"Reshape", "method", "func (a *Array) Reshape(", ""}}},
		{name: "user's variable from an earlier cell", cell: "myC", cursor: -1, start: 0, end: -1, first: "myCounter",
			has: []want{{"myCounter", "var", "var myCounter int", ""}}},
		{name: "constant", cell: "lim", cursor: -1, first: "limit", has: []want{{"limit", "const", "const limit = 10", ""}}},
		{name: "user's function with its doc", cell: "ori", cursor: -1, first: "origin",
			has: []want{{"origin", "func", "func origin() *Point", "origin returns the origin."}}},
		{name: "user's type", cell: "Poi", cursor: -1, first: "Point",
			has: []want{{"Point", "type", "type Point struct", "Point is a point of the plane."}}},
		{name: "fields and methods of a user's type", cell: "pt.", cursor: -1,
			has: []want{{"X", "field", "X float64", ""}, {"Norm", "method", "func (p Point) Norm() float64", "Norm is the distance to the origin."}}},
		{name: "promoted from an embedded field", cell: "lp.", cursor: -1,
			has: []want{{"Label", "field", "Label string", ""}, {"Point", "field", "Point Point", ""}, {"X", "field", "X float64", ""}, {"Norm", "method", "func (p Point) Norm() float64", "Norm is the distance"}}},
		{name: "through a promoted field", cell: "lp.Point.No", cursor: -1, first: "Norm"},
		{name: "through a user's function", cell: "origin().No", cursor: -1, first: "Norm"},
		{name: "inside a partial cell", cell: "y := arrays.Linspace(0, 1, 5)\nfor i := range 3 {\n\tfmt.Println(i, y.Me", cursor: -1, first: "Mean",
			has: []want{{"Mean", "method", "func (a *Array) Mean(", ""}}},
		{name: "a name declared earlier in the cell", cell: "total := 0.0\nfor i := range 3 {\n\ttot", cursor: -1, first: "total",
			has: []want{{"total", "var", "var total float64", ""}}},
		{name: "loop variable of the cell", cell: "for idx, v := range []string{\"a\"} {\n\tfmt.Println(id", cursor: -1, first: "idx",
			has: []want{{"idx", "var", "var idx int", ""}}},
		{name: "range value's methods", cell: "import \"strings\"\nvar bs []strings.Builder\nfor _, b := range bs {\n\tb.WriteSt", cursor: -1, first: "WriteString"},
		{name: "package imported in the cell", cell: "import \"strings\"\nstrings.Spl", cursor: -1, first: "Split",
			has: []want{{"Split", "func", "func Split(s, sep string) []string", "Split slices s"}}},
		{name: "package imported by an earlier cell", cell: "rand.Per", cursor: -1, first: "Perm",
			has: []want{{"Perm", "func", "func Perm(n int) []int", "Perm returns"}}},
		{name: "package names", cell: "ra", cursor: -1, first: "rand", hasNot: []string{"v2"},
			has: []want{{"rand", "package", `import "math/rand/v2"`, "Package rand implements pseudo-random"}}},
		{name: "exact case first", cell: "Si", cursor: -1, order: []string{"Sigma", "sigma"}},
		{name: "prefix before substring", cell: "arrays.Sum", cursor: -1, first: "Sum", order: []string{"Sum", "CumulativeSum"}},
		{name: "alphabetical", cell: "fmt.Print", cursor: -1, order: []string{"Print", "Printf", "Println"}},
		{name: "keyword", cell: "fu", cursor: -1, has: []want{{"func", "keyword", "", ""}}},
		{name: "builtins", cell: "pro", cursor: -1, first: "progress",
			has: []want{{"progress", "func", "func progress(i, n int)", "progress shows a progress bar"}}},
		{name: "builtin doc", cell: "appe", cursor: -1, first: "append", has: []want{{"append", "func", "func append(slice []Type, elems ...Type) []Type", "appends elements"}}},
		{name: "auto-imported package", cell: "plot", cursor: -1, first: "plotting", has: []want{{"plotting", "package", "import \"workbench/plotting\"", "Package plotting"}}},
		{name: "the engine's names are hidden", cell: "_w", cursor: -1, none: true},
		{name: "in a string", cell: "fmt.Println(\"arrays.Ze", cursor: -1, none: true},
		{name: "in a comment", cell: "// x.Su", cursor: -1, none: true},
		{name: "a number", cell: "f := 1.", cursor: -1, none: true},
		{name: "after a call", cell: "x.Sum()", cursor: -1, none: true},
		{name: "not imported", cell: "mat.NewD", cursor: -1, none: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cursor := tt.cursor
			if cursor < 0 {
				cursor = len(tt.cell)
			}
			c := s.Complete(tt.cell, cursor)
			names := make([]string, len(c.Matches))
			for i, m := range c.Matches {
				names[i] = m.Name
			}
			if tt.none {
				if len(c.Matches) != 0 {
					t.Errorf("got %v, want none", names)
				}
				return
			}
			if len(c.Matches) == 0 {
				t.Fatalf("no matches")
			}
			start, end := tt.start, tt.end
			if end < 0 {
				end = cursor
			}
			if tt.start != 0 || tt.end != 0 {
				if c.Start != start || c.End != end {
					t.Errorf("Start, End = %d, %d, want %d, %d", c.Start, c.End, start, end)
				}
			}
			if tt.first != "" && names[0] != tt.first {
				t.Errorf("first match %q, want %q (all: %v)", names[0], tt.first, names)
			}
			last := -1
			for _, n := range tt.order {
				i := slices.Index(names, n)
				if i <= last {
					t.Errorf("%q at %d: want the order %v, got %v", n, i, tt.order, names)
				}
				last = i
			}
			for _, w := range tt.has {
				i := slices.Index(names, w.name)
				if i < 0 {
					t.Errorf("%q missing from %v", w.name, names)
					continue
				}
				m := c.Matches[i]
				if m.Kind != w.kind || !strings.Contains(m.Signature, w.sig) || !strings.Contains(m.Doc, w.doc) {
					t.Errorf("%q: got %+v, want kind %q, signature with %q, doc with %q", w.name, m, w.kind, w.sig, w.doc)
				}
				if strings.Contains(m.Doc, "\n") {
					t.Errorf("%q: doc %q is more than its first sentence", w.name, m.Doc)
				}
			}
			for _, n := range tt.hasNot {
				if slices.Contains(names, n) {
					t.Errorf("%q among %v", n, names)
				}
			}
			seen := map[string]bool{}
			for _, n := range names {
				if seen[n] {
					t.Errorf("%q twice", n)
				}
				seen[n] = true
			}
		})
	}
}

func TestCompleteClosed(t *testing.T) {
	s, err := NewSession(Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if c := s.Complete("fm", 2); len(c.Matches) != 0 {
		t.Errorf("closed session: %v", c.Matches)
	}
	if in := s.Inspect("fmt", 1); in.Found {
		t.Errorf("closed session: %+v", in)
	}
	if v := s.Variables(); v != nil {
		t.Errorf("closed session: %v", v)
	}
}

func TestInspect(t *testing.T) {
	s := completionSession(t)
	tests := []struct {
		cell   string
		cursor int
		name   string // "" when nothing is found
		kind   string
		sig    string   // substring
		doc    []string // substrings
		value  string   // substring
	}{
		{"arrays.Zeros(2, 3)", 9, "arrays.Zeros", "func", "func Zeros(dims ...any) *Array",
			[]string{"Zeros returns an array of zeros.", "The default dtype is\nfloat64."}, ""},
		{"arrays.Zeros(2, 3)", 12, "arrays.Zeros", "func", "func Zeros(", nil, ""},
		{"arrays.Zeros(2, ", 16, "arrays.Zeros", "func", "func Zeros(", nil, ""}, // in the call's arguments
		{"x.Sum()", 3, "(*arrays.Array).Sum", "method", "func (a *Array) Sum(opts ...Option) *Array", []string{"Sum is Sum(a, opts...)."}, ""},
		{"x", 1, "x", "var", "var x *arrays.Array", []string{"n-dimensional array"}, "(2, 3)"},
		{"pt", 0, "pt", "var", "var pt *Point", []string{"Point is a point of the plane."}, "{X:0 Y:0}"},
		{"pt.Norm()", 5, "Point.Norm", "method", "func (p Point) Norm() float64", []string{"Norm is the distance to the origin."}, ""},
		{"origin()", 3, "origin", "func", "func origin() *Point", []string{"origin returns the origin."}, ""},
		{"fmt.Println", 1, "fmt", "package", "import \"fmt\"", []string{"Package fmt implements formatted I/O"}, ""},
		{"math.Pi", 6, "math.Pi", "const", "const Pi = 3.14159", nil, ""},
		{"len(x)", 2, "len", "func", "func len(v Type) int", []string{"The len built-in function"}, ""},
		{"rng", 3, "rng", "var", "var rng *random.Generator", []string{"seeded"}, ""},
		{"y := arrays.Ones(3)\ny.Mean()", 23, "(*arrays.Array).Mean", "method", "Mean(", nil, ""},
		{"for", 1, "", "", "", nil, ""},
		{"// arrays.Zeros", 12, "", "", "", nil, ""},
		{"nosuchname", 3, "", "", "", nil, ""},
		{"x := 1 + 2", 9, "", "", "", nil, ""},
	}
	for _, tt := range tests {
		in := s.Inspect(tt.cell, tt.cursor)
		if tt.name == "" {
			if in.Found {
				t.Errorf("Inspect(%q, %d): found %+v", tt.cell, tt.cursor, in)
			}
			continue
		}
		if !in.Found || in.Name != tt.name || in.Kind != tt.kind || !strings.Contains(in.Signature, tt.sig) || !strings.Contains(in.Value, tt.value) {
			t.Errorf("Inspect(%q, %d) = %+v, want %s %s with signature %q, value %q", tt.cell, tt.cursor, in, tt.kind, tt.name, tt.sig, tt.value)
			continue
		}
		for _, d := range tt.doc {
			if !strings.Contains(in.Doc, d) {
				t.Errorf("Inspect(%q, %d): doc %q lacks %q", tt.cell, tt.cursor, in.Doc, d)
			}
		}
	}
}

func TestVariables(t *testing.T) {
	s := newTestSession(t, Options{})
	runCells(t, s,
		"a := arrays.Ones(3, 4, arrays.Dtype(arrays.Float32))",
		"n := 7\nname := \"Ada\"\nconst c = 1\nfunc f() {}\ntype T struct{ V int }\nt := T{V: 1}\nxs := make([]float64, 1000)\nvar e error",
		"import (\n\t\"strings\"\n\t\"workbench/arrays/table\"\n)\ntb, err := table.ReadCSVFrom(strings.NewReader(\"a,b\\n1,2\\n3,4\\n5,6\\n\"), \"t.csv\")",
		"long := strings.Repeat(\"word \", 100)\nvar nilArray *arrays.Array",
		"n := 8", // redefined
	)
	vars := s.Variables()
	byName := map[string]Variable{}
	var names []string
	for _, v := range vars {
		byName[v.Name] = v
		names = append(names, v.Name)
		if n := utf8.RuneCountInString(v.Summary); n > summaryMax || strings.Contains(v.Summary, "\n") {
			t.Errorf("%s: summary of %d runes or several lines: %q", v.Name, n, v.Summary)
		}
	}
	want := []string{"a", "e", "err", "long", "n", "name", "nilArray", "t", "tb", "xs"}
	if !slices.Equal(names, want) {
		t.Fatalf("variables %v, want %v", names, want)
	}
	tests := []struct {
		name, typ, shape, dtype, summary string // summary: substring
	}{
		{"a", "*arrays.Array", "(3, 4)", "float32", "[[1. 1. 1. 1.]"},
		{"n", "int", "", "", "8"},
		{"name", "string", "", "", `"Ada"`},
		{"t", "T", "", "", "{V:1}"},
		{"xs", "[]float64", "", "", "(len 1000)"},
		{"e", "error", "", "", "nil"},
		{"tb", "*table.Table", "(3, 2)", "", "3 rows × 2 columns: a, b"},
		{"long", "string", "", "", `"word word`},
		{"nilArray", "*arrays.Array", "", "", "nil"},
	}
	for _, tt := range tests {
		v := byName[tt.name]
		if v.Type != tt.typ || v.Shape != tt.shape || v.DType != tt.dtype || !strings.Contains(v.Summary, tt.summary) {
			t.Errorf("%s: got %+v, want type %q, shape %q, dtype %q, summary with %q", tt.name, v, tt.typ, tt.shape, tt.dtype, tt.summary)
		}
	}
}

func TestSummarize(t *testing.T) {
	type inner struct{ A []int }
	big := make(map[int]int, 200)
	for i := range 200 {
		big[i] = i
	}
	tests := []struct {
		v    any
		want string
	}{
		{nil, "nil"},
		{3, "3"},
		{2.5, "2.5"},
		{true, "true"},
		{"hi", `"hi"`},
		{[]int{1, 2, 3}, "[1 2 3]"},
		{map[string]int{"b": 2, "a": 1}, `map["a":1 "b":2]`},
		{big, "map with 200 entries"},
		{&inner{A: []int{1}}, "&{A:[1]}"},
		{[]string(nil), "nil"},
		{func(int) int { return 0 }, "func(int) int"},
		{complex(1, 2), "(1+2i)"},
	}
	for _, tt := range tests {
		if got := summarize(reflect.ValueOf(tt.v)); got != tt.want {
			t.Errorf("summarize(%#v) = %q, want %q", tt.v, got, tt.want)
		}
	}
	long := summarize(reflect.ValueOf(make([]float64, 10000)))
	if !strings.HasSuffix(long, "(len 10000)") && !strings.HasSuffix(long, "…") || utf8.RuneCountInString(long) > summaryMax {
		t.Errorf("long slice: %q", long)
	}
}

func TestIsComplete(t *testing.T) {
	tests := []struct {
		cell, status, indent string
	}{
		{"", "complete", ""},
		{"  \n", "complete", ""},
		{"x := 1", "complete", ""},
		{"fmt.Println(\"a\")\n", "complete", ""},
		{"func f() int {\n\treturn 1\n}", "complete", ""},
		{"// just a comment", "complete", ""},
		{"x := 1 // and a comment", "complete", ""},
		{"m := map[string]int{\"a\": 1}\nm[\"a\"]", "complete", ""},
		{"for i := 0; i < 3; i++ {", "incomplete", "\t"},
		{"func f() {\n\tif x {", "incomplete", "\t\t"},
		{"func f() {\n\tx := 1\n", "incomplete", "\t"},
		{"fmt.Println(1,", "incomplete", ""},
		{"fmt.Println(", "incomplete", "\t"},
		{"x := []int{\n\t1,\n\t2,", "incomplete", "\t"},
		{"switch x {\ncase 1:", "incomplete", "\t"},
		{"x := 1 +", "incomplete", ""},
		{"y := x.", "incomplete", ""},
		{"if x {\n} else", "incomplete", ""},
		{"s := `abc", "incomplete", ""},
		{"/* note", "incomplete", ""},
		{"x := 1 2", "invalid", ""},
		{"x := )", "invalid", ""},
		{"f(]", "invalid", ""},
		{"}", "invalid", ""},
		{"s := \"abc", "invalid", ""},
		{"x := 1 @", "invalid", ""},
		{"func f() {\n\tx := 1 2\n", "invalid", ""},
	}
	for _, tt := range tests {
		status, indent := IsComplete(tt.cell)
		if status != tt.status || indent != tt.indent {
			t.Errorf("IsComplete(%q) = %q, %q; want %q, %q", tt.cell, status, indent, tt.status, tt.indent)
		}
	}
}

// FuzzComplete checks that completion, inspection and IsComplete take any
// cell and cursor without panicking, and that the range to replace holds
// the cursor.
func FuzzComplete(f *testing.F) {
	for _, seed := range []string{
		"arrays.Ze", "x.T().Sum().", "for i := range 3 {\n\ty.", "fmt.Println(\"a.", "/* x.", "`raw x.",
		"}}}.", ")(.", "a.b.c.d.", "func (p *P) M() { p.", "x := []int{1, 2}[0].", "é.ü", "\xff.\xfe", "import (\n\t\"str",
		"type T struct{ A int }\nvar t T\nt.", "switch v := x.(type) {\ncase int:\n\tv.",
	} {
		f.Add(seed, len(seed))
		f.Add(seed, len(seed)/2)
	}
	s, err := NewSession(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	runCells(f, s, "x := arrays.Zeros(2, 3)")
	f.Fuzz(func(t *testing.T, cell string, cursor int) {
		c := s.Complete(cell, cursor)
		cur := max(0, min(cursor, len(cell)))
		if c.Start < 0 || c.Start > cur || c.End < cur || c.End > len(cell) {
			t.Errorf("Complete(%q, %d): range %d..%d", cell, cursor, c.Start, c.End)
		}
		s.Inspect(cell, cursor)
		switch st, _ := IsComplete(cell); st {
		case "complete", "incomplete", "invalid":
		default:
			t.Errorf("IsComplete(%q) = %q", cell, st)
		}
	})
}
