package docs_test

import (
	"encoding/json"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"testing"

	"workbench/interp/docs"
	"workbench/interp/docs/docgen"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		name           string
		get            func() (docs.Entry, bool)
		kind, sig, doc string // sig and doc: substrings
		wantNotFound   bool
	}{
		{"arrays.Zeros", func() (docs.Entry, bool) { return docs.Lookup("workbench/arrays", "Zeros") },
			"func", "func Zeros(dims ...any) *Array", "Zeros returns an array of zeros.", false},
		{"arrays.Array", func() (docs.Entry, bool) { return docs.Lookup("workbench/arrays", "Array") },
			"type", "type Array struct {", "n-dimensional array", false},
		{"(*arrays.Array).Sum", func() (docs.Entry, bool) { return docs.Method("workbench/arrays", "Array", "Sum") },
			"method", "func (a *Array) Sum(opts ...Option) *Array", "Sum is Sum(a, opts...).", false},
		{"math.Pi", func() (docs.Entry, bool) { return docs.Lookup("math", "Pi") },
			"const", "const Pi = 3.14159", "Mathematical constants.", false},
		{"os.Args", func() (docs.Entry, bool) { return docs.Lookup("os", "Args") },
			"var", "var Args []string", "command-line arguments", false},
		{"mat.Dense.At", func() (docs.Entry, bool) { return docs.Method("gonum.org/v1/gonum/mat", "Dense", "At") },
			"method", "func (m *Dense) At(i, j int) float64", "At returns the element", false},
		{"http.Request.Method field", func() (docs.Entry, bool) { return docs.Field("net/http", "Request", "Method") },
			"field", "Method string", "HTTP method", false},
		{"fmt.Stringer.String", func() (docs.Entry, bool) { return docs.Method("fmt", "Stringer", "String") },
			"method", "String() string", "", false},
		{"builtin append", func() (docs.Entry, bool) { return docs.Lookup("builtin", "append") },
			"func", "func append(slice []Type, elems ...Type) []Type", "appends elements", false},
		// A field is not a method, unexported names and unknown packages
		// are not there.
		{"field as method", func() (docs.Entry, bool) { return docs.Method("net/http", "Request", "Method") }, "", "", "", true},
		{"unexported", func() (docs.Entry, bool) { return docs.Lookup("workbench/arrays", "configure") }, "", "", "", true},
		{"no package", func() (docs.Entry, bool) { return docs.Lookup("example.com/none", "X") }, "", "", "", true},
	}
	for _, tt := range tests {
		e, ok := tt.get()
		if tt.wantNotFound {
			if ok {
				t.Errorf("%s: found %+v", tt.name, e)
			}
			continue
		}
		if !ok {
			t.Errorf("%s: not found", tt.name)
			continue
		}
		if e.Kind != tt.kind || !strings.Contains(e.Sig, tt.sig) || !strings.Contains(e.Doc, tt.doc) {
			t.Errorf("%s: got %+v, want kind %s, sig containing %q, doc containing %q", tt.name, e, tt.kind, tt.sig, tt.doc)
		}
	}
	if name, doc, ok := docs.PackageDoc("math/rand/v2"); !ok || name != "rand" || !strings.Contains(doc, "pseudo-random") {
		t.Errorf("PackageDoc(math/rand/v2) = %q, %q, %v", name, doc, ok)
	}
}

func TestNoInternalPackages(t *testing.T) {
	d, err := docs.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Packages) < 100 {
		t.Errorf("only %d packages", len(d.Packages))
	}
	for p, pk := range d.Packages {
		if strings.Contains(p, "internal") || strings.HasPrefix(p, "github.com/traefik/yaegi") {
			t.Errorf("package %s is in the data", p)
		}
		for n := range pk.Members {
			if p != docgen.Builtin && !isExported(n) {
				t.Errorf("%s.%s: unexported member", p, n)
			}
		}
	}
}

func isExported(n string) bool { return n != "" && strings.ToUpper(n[:1]) == n[:1] && n[0] != '_' }

func TestSynopsis(t *testing.T) {
	for in, want := range map[string]string{
		"Zeros returns an array of zeros. Arguments are the axis lengths.": "Zeros returns an array of zeros.",
		"Sum is Sum(a, opts...).\n":                                        "Sum is Sum(a, opts...).",
		"One line\nwrapped. Then more.":                                    "One line wrapped.",
		"":                                                                 "",
	} {
		if got := docs.Synopsis(in); got != want {
			t.Errorf("Synopsis(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestUpToDate regenerates the data from the source and compares it with
// the committed file. The standard library part depends on the Go
// release: when the toolchain differs from the one that generated the
// data, only our packages and gonum are compared, and the log says so.
func TestUpToDate(t *testing.T) {
	committed, err := docs.Load()
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := docgen.Generate(".")
	if err != nil {
		t.Fatal(err)
	}
	diffs, compared, note := differences(committed, fresh)
	if note != "" {
		t.Logf("%s (runtime.Version() %s)", note, runtime.Version())
	}
	for _, d := range diffs {
		t.Error(d)
	}
	if len(diffs) > 0 {
		t.Error("the docs data is stale: run go generate ./interp/docs")
	}
	t.Logf("compared %d of %d packages", compared, len(fresh.Packages))
}

// TestDifferences checks that the comparison of TestUpToDate sees a
// change, and leaves the standard library out only when the Go releases
// differ.
func TestDifferences(t *testing.T) {
	committed, err := docs.Load()
	if err != nil {
		t.Fatal(err)
	}
	changed := func(p, member string) *docs.Data {
		c := &docs.Data{Go: committed.Go, Packages: map[string]*docs.Package{}}
		for k, v := range committed.Packages {
			c.Packages[k] = v
		}
		pk := *c.Packages[p]
		pk.Members = map[string]docs.Entry{}
		for k, v := range c.Packages[p].Members {
			pk.Members[k] = v
		}
		e := pk.Members[member]
		e.Doc += "changed"
		pk.Members[member] = e
		c.Packages[p] = &pk
		return c
	}
	other := func(d *docs.Data) *docs.Data { c := *d; c.Go = "go0.0"; return &c }
	tests := []struct {
		name     string
		fresh    *docs.Data
		diffs    int
		noteWord string
	}{
		{"same", committed, 0, ""},
		{"our package", changed("workbench/arrays", "Zeros"), 1, ""},
		{"stdlib", changed("math", "Sqrt"), 1, ""},
		{"stdlib, other Go", other(changed("math", "Sqrt")), 0, "not compared"},
		{"ours, other Go", other(changed("gonum.org/v1/gonum/mat", "NewDense")), 1, "not compared"},
	}
	for _, tt := range tests {
		diffs, _, note := differences(committed, tt.fresh)
		if len(diffs) != tt.diffs || !strings.Contains(note, tt.noteWord) || (tt.noteWord == "") != (note == "") {
			t.Errorf("%s: differences %q, note %q", tt.name, diffs, note)
		}
	}
}

// differences compares the committed data with freshly generated data:
// one line per package that differs. The standard library is compared
// only when both come from the same Go release; note says when it was
// not.
func differences(committed, fresh *docs.Data) (diffs []string, compared int, note string) {
	compareStd := fresh.Go == committed.Go
	if !compareStd {
		note = "the standard library part was not compared: the data describes " + committed.Go +
			"'s standard library, this toolchain is " + fresh.Go + "; our packages and gonum were compared"
	}
	var paths []string
	for p := range fresh.Packages {
		paths = append(paths, p)
	}
	for p := range committed.Packages {
		if fresh.Packages[p] == nil {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	for _, p := range paths {
		if docgen.IsStd(p) && !compareStd {
			continue
		}
		compared++
		a, b := committed.Packages[p], fresh.Packages[p]
		switch {
		case a == nil:
			diffs = append(diffs, "package "+p+" is missing from the data")
		case b == nil:
			diffs = append(diffs, "package "+p+" is in the data but no longer bound")
		case !reflect.DeepEqual(a, b):
			diffs = append(diffs, "package "+p+" differs: "+firstDifference(a, b))
		}
	}
	return diffs, compared, note
}

// firstDifference names a member whose entry differs.
func firstDifference(a, b *docs.Package) string {
	if a.Name != b.Name || a.Doc != b.Doc {
		return "the package's name or doc comment"
	}
	for n, e := range b.Members {
		if a.Members[n] != e {
			return describe(n, a.Members[n], e)
		}
	}
	for n := range a.Members {
		if _, ok := b.Members[n]; !ok {
			return n + " is gone"
		}
	}
	for typ, ms := range b.Types {
		for n, e := range ms {
			if a.Types[typ][n] != e {
				return describe(typ+"."+n, a.Types[typ][n], e)
			}
		}
	}
	return "the methods or fields of a type"
}

func describe(name string, old, new docs.Entry) string {
	o, _ := json.Marshal(old)
	n, _ := json.Marshal(new)
	return name + ": committed " + string(o) + ", source " + string(n)
}
