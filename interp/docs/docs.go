package docs

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"fmt"
	"go/doc"
	"io"
	"sync"
)

//go:generate go run ./gen -o docs.json.gz

// data is the generated data: Data as JSON, gzip-compressed.
//
//go:embed docs.json.gz
var data []byte

// Entry is what is known of one declared name.
type Entry struct {
	// Kind is "func", "type", "const" or "var" for a package's members,
	// "method" or "field" for a type's.
	Kind string `json:"k"`
	// Sig is the declaration as Go source, without the doc comment or a
	// function's body: "func Zeros(dims ...any) *Array", "func (a *Array)
	// Sum(opts ...Option) *Array", "const Pi = 3.14159...", "Title string"
	// (a field). A type's declaration may span lines: its exported fields
	// or methods, one a line.
	Sig string `json:"s,omitempty"`
	// Doc is the whole doc comment, as plain text (go/doc's form, with
	// doc links in brackets).
	Doc string `json:"d,omitempty"`
}

// Package is what is known of one package.
type Package struct {
	// Name is the package's name ("rand" for "math/rand/v2").
	Name string `json:"name"`
	// Doc is the package's doc comment.
	Doc string `json:"doc,omitempty"`
	// Members are the package's exported functions, types, constants and
	// variables, by name.
	Members map[string]Entry `json:"members,omitempty"`
	// Types holds, by type name, the exported methods (promoted ones
	// included) and fields of the package's exported types, by name.
	Types map[string]map[string]Entry `json:"types,omitempty"`
}

// Data is the whole data set.
type Data struct {
	// Go is the Go release whose standard library the data describes
	// (runtime.Version() of the generator: "go1.26.8").
	Go string `json:"go"`
	// Packages maps import paths to packages.
	Packages map[string]*Package `json:"packages"`
}

// Encode writes d as the embedded file holds it: JSON (maps with sorted
// keys, so that the same data gives the same bytes), gzip-compressed.
func Encode(d *Data) ([]byte, error) {
	js, err := json.Marshal(d)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	zw, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(js); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Decode reads what Encode wrote.
func Decode(b []byte) (*Data, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("docs: %v", err)
	}
	js, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("docs: %v", err)
	}
	d := new(Data)
	if err := json.Unmarshal(js, d); err != nil {
		return nil, fmt.Errorf("docs: %v", err)
	}
	if d.Packages == nil {
		d.Packages = map[string]*Package{}
	}
	return d, nil
}

// load decodes the embedded data once.
var load = sync.OnceValues(func() (*Data, error) { return Decode(data) })

// Load returns the embedded data, decoded on first use (about 0.1 s of
// CPU time, 3 MB of JSON). The caller must not modify it.
func Load() (*Data, error) { return load() }

// pkg returns the package with import path p, or nil.
func pkg(p string) *Package {
	d, err := load()
	if err != nil {
		return nil
	}
	return d.Packages[p]
}

// GoVersion returns the Go release of the standard library part of the
// data, or "" if the data cannot be read.
func GoVersion() string {
	d, err := load()
	if err != nil {
		return ""
	}
	return d.Go
}

// PackageDoc returns the name and doc comment of the package with import
// path p ("workbench/arrays", "math/rand/v2", "builtin").
func PackageDoc(p string) (name, doc string, ok bool) {
	if pk := pkg(p); pk != nil {
		return pk.Name, pk.Doc, true
	}
	return "", "", false
}

// Lookup returns a member of the package with import path p: a function,
// type, constant or variable. Lookup("workbench/arrays", "Zeros").
func Lookup(p, name string) (Entry, bool) {
	if pk := pkg(p); pk != nil {
		e, ok := pk.Members[name]
		return e, ok
	}
	return Entry{}, false
}

// Method returns the method name of type typ in the package with import
// path p, whatever its receiver (T or *T), promoted methods included:
// Method("workbench/arrays", "Array", "Sum").
func Method(p, typ, name string) (Entry, bool) {
	return typeMember(p, typ, name, "method")
}

// Field returns the exported field name of struct type typ in the
// package with import path p, promoted fields excluded.
func Field(p, typ, name string) (Entry, bool) {
	return typeMember(p, typ, name, "field")
}

func typeMember(p, typ, name, kind string) (Entry, bool) {
	if pk := pkg(p); pk != nil {
		e, ok := pk.Types[typ][name]
		if ok && e.Kind == kind {
			return e, true
		}
	}
	return Entry{}, false
}

// Synopsis returns the first sentence of a doc comment, on one line, as
// go/doc finds it (text up to the first period followed by a space and
// not preceded by exactly one capital letter, or up to the first blank
// line).
func Synopsis(text string) string {
	return new(doc.Package).Synopsis(text)
}
