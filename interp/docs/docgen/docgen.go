package docgen

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/doc"
	"go/format"
	"go/parser"
	"go/printer"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"github.com/traefik/yaegi/stdlib"

	"workbench/interp/docs"
	"workbench/interp/symbols"
)

// Builtin is the import path of the predeclared identifiers' documentation.
const Builtin = "builtin"

// maxValue is the length above which a constant's or variable's value is
// cut in its declaration.
const maxValue = 80

// Bound returns the packages the interpreter binds, by import path, each
// with the names of its exported members that the symbol tables hold.
// Internal packages and yaegi's own are left out.
func Bound() map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, table := range []map[string]map[string]reflect.Value{stdlib.Symbols, symbols.Symbols} {
		for k, syms := range table {
			if k == "." {
				continue
			}
			p := path.Dir(k)
			if isInternal(p) || strings.HasPrefix(p, "github.com/traefik/yaegi") {
				continue
			}
			if out[p] == nil {
				out[p] = map[string]bool{}
			}
			for n := range syms {
				if token.IsExported(n) {
					out[p][n] = true
				}
			}
		}
	}
	return out
}

// IsStd says whether an import path is in the standard library (its first
// element has no dot), builtin included.
func IsStd(p string) bool {
	first, _, _ := strings.Cut(p, "/")
	return !strings.Contains(first, ".") && first != "workbench"
}

func isInternal(p string) bool {
	return p == "internal" || strings.HasPrefix(p, "internal/") ||
		strings.Contains(p, "/internal/") || strings.HasSuffix(p, "/internal")
}

// listed is what go list says of a package.
type listed struct {
	ImportPath string
	Name       string
	Dir        string
	GoFiles    []string
	CgoFiles   []string
	Error      *struct{ Err string }
}

// goCmd runs the go command in dir with the environment that makes the
// file sets the same everywhere: linux/amd64, cgo on.
func goCmd(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=linux", "GOARCH=amd64", "CGO_ENABLED=1", "GOWORK=off")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go %s: %v: %s", args[0], err, stderr.Bytes())
	}
	return out, nil
}

// Generate gathers the data of the bound packages. dir is a folder inside
// the module (go list runs there).
func Generate(dir string) (*docs.Data, error) {
	bound := Bound()
	paths := make([]string, 0, len(bound)+1)
	for p := range bound {
		paths = append(paths, p)
	}
	paths = append(paths, Builtin)
	sort.Strings(paths)

	v, err := goCmd(dir, "env", "GOVERSION")
	if err != nil {
		return nil, err
	}
	out, err := goCmd(dir, append([]string{"list", "-e", "-json=ImportPath,Name,Dir,GoFiles,CgoFiles,Error"}, paths...)...)
	if err != nil {
		return nil, err
	}
	d := &docs.Data{Go: strings.TrimSpace(string(v)), Packages: map[string]*docs.Package{}}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var l listed
		if err := dec.Decode(&l); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, err
		}
		if l.Error != nil {
			return nil, fmt.Errorf("go list %s: %s", l.ImportPath, l.Error.Err)
		}
		files := append(append([]string{}, l.GoFiles...), l.CgoFiles...)
		pk, err := readPackage(l.ImportPath, l.Dir, files, bound[l.ImportPath])
		if err != nil {
			return nil, err
		}
		d.Packages[l.ImportPath] = pk
	}
	for _, p := range paths {
		if d.Packages[p] == nil {
			return nil, fmt.Errorf("go list did not list %s", p)
		}
	}
	return d, nil
}

// readPackage reads one package's source. keep is the set of members to
// keep (nil: all, for builtin).
func readPackage(importPath, dir string, names []string, keep map[string]bool) (*docs.Package, error) {
	fset := token.NewFileSet()
	sort.Strings(names)
	var files []*ast.File
	for _, n := range names {
		f, err := parser.ParseFile(fset, filepath.Join(dir, n), nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	// AllMethods: the methods promoted from embedded exported types too,
	// as a value of the type has them.
	mode := doc.AllMethods
	if importPath == Builtin {
		mode |= doc.AllDecls
	}
	dp, err := doc.NewFromFiles(fset, files, importPath, mode)
	if err != nil {
		return nil, err
	}
	r := reader{fset: fset, keep: keep, pk: &docs.Package{
		Name:    dp.Name,
		Doc:     dp.Doc,
		Members: map[string]docs.Entry{},
		Types:   map[string]map[string]docs.Entry{},
	}}
	r.values(dp.Consts, "const")
	r.values(dp.Vars, "var")
	r.funcs(dp.Funcs)
	for _, t := range dp.Types {
		r.typ(t)
	}
	// As the JSON reads back: no empty maps.
	if len(r.pk.Members) == 0 {
		r.pk.Members = nil
	}
	if len(r.pk.Types) == 0 {
		r.pk.Types = nil
	}
	return r.pk, nil
}

type reader struct {
	fset *token.FileSet
	keep map[string]bool
	pk   *docs.Package
}

func (r *reader) kept(name string) bool {
	if r.keep == nil {
		return true
	}
	return r.keep[name]
}

func (r *reader) print(n any) string {
	var b bytes.Buffer
	cfg := printer.Config{Mode: printer.UseSpaces | printer.TabIndent, Tabwidth: 8}
	if err := cfg.Fprint(&b, r.fset, n); err != nil {
		return ""
	}
	return b.String()
}

func (r *reader) funcs(fs []*doc.Func) {
	for _, f := range fs {
		if !r.kept(f.Name) {
			continue
		}
		r.pk.Members[f.Name] = docs.Entry{Kind: "func", Sig: r.funcSig(f.Decl), Doc: f.Doc}
	}
}

// funcSig is a function's declaration without its body.
func (r *reader) funcSig(d *ast.FuncDecl) string {
	c := *d
	c.Body, c.Doc = nil, nil
	return r.print(&c)
}

func (r *reader) values(vs []*doc.Value, kind string) {
	for _, v := range vs {
		var typ ast.Expr // the type of implicitly repeated specs
		for _, sp := range v.Decl.Specs {
			vs := sp.(*ast.ValueSpec)
			if vs.Type != nil || len(vs.Values) > 0 {
				typ = vs.Type
			}
			docText := v.Doc
			if vs.Doc != nil {
				docText = vs.Doc.Text()
			} else if vs.Comment != nil && len(v.Decl.Specs) > 1 {
				docText = strings.TrimSpace(vs.Comment.Text())
				if v.Doc != "" {
					docText = v.Doc + "\n" + docText
				}
			}
			for i, n := range vs.Names {
				if !token.IsExported(n.Name) && r.keep != nil || !r.kept(n.Name) {
					continue
				}
				sig := kind + " " + n.Name
				if typ != nil {
					sig += " " + r.print(typ)
				}
				if i < len(vs.Values) {
					sig += " = " + cut(r.print(vs.Values[i]))
				}
				r.pk.Members[n.Name] = docs.Entry{Kind: kind, Sig: sig, Doc: docText}
			}
		}
	}
}

// cut shortens a value's source to one line of at most maxValue bytes.
func cut(s string) string {
	cutAt := len(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		cutAt = i
	}
	cutAt = min(cutAt, maxValue)
	if cutAt == len(s) {
		return s
	}
	for cutAt > 0 && s[cutAt]&0xC0 == 0x80 { // not inside a UTF-8 sequence
		cutAt--
	}
	return strings.TrimRight(s[:cutAt], " \t") + " ..."
}

func (r *reader) typ(t *doc.Type) {
	// Constants, variables and functions grouped with the type are the
	// package's members whether the type is bound or not.
	r.values(t.Consts, "const")
	r.values(t.Vars, "var")
	r.funcs(t.Funcs)
	if !r.kept(t.Name) {
		return
	}
	var spec *ast.TypeSpec
	for _, sp := range t.Decl.Specs {
		if ts := sp.(*ast.TypeSpec); ts.Name.Name == t.Name {
			spec = ts
		}
	}
	if spec == nil {
		return
	}
	c := *spec
	c.Doc, c.Comment = nil, nil
	c.Type = withoutComments(c.Type)
	sig := r.print(&ast.GenDecl{Tok: token.TYPE, Specs: []ast.Spec{&c}})
	r.pk.Members[t.Name] = docs.Entry{Kind: "type", Sig: dropBlankLines(sig), Doc: t.Doc}
	ms := map[string]docs.Entry{}
	if st, ok := spec.Type.(*ast.StructType); ok {
		for _, f := range st.Fields.List {
			docText := ""
			if f.Doc != nil {
				docText = f.Doc.Text()
			} else if f.Comment != nil {
				docText = f.Comment.Text()
			}
			for _, n := range f.Names {
				if token.IsExported(n.Name) {
					ms[n.Name] = docs.Entry{Kind: "field", Sig: n.Name + " " + r.print(f.Type), Doc: docText}
				}
			}
		}
	}
	if it, ok := spec.Type.(*ast.InterfaceType); ok {
		for _, f := range it.Methods.List {
			ft, ok := f.Type.(*ast.FuncType)
			if !ok || len(f.Names) == 0 {
				continue
			}
			docText := ""
			if f.Doc != nil {
				docText = f.Doc.Text()
			} else if f.Comment != nil {
				docText = f.Comment.Text()
			}
			for _, n := range f.Names {
				if token.IsExported(n.Name) {
					sig := r.print(&ast.FuncDecl{Name: n, Type: ft})
					ms[n.Name] = docs.Entry{Kind: "method", Sig: sig, Doc: docText}
				}
			}
		}
	}
	for _, m := range t.Methods {
		if token.IsExported(m.Name) {
			ms[m.Name] = docs.Entry{Kind: "method", Sig: r.funcSig(m.Decl), Doc: m.Doc}
		}
	}
	if len(ms) > 0 {
		r.pk.Types[t.Name] = ms
	}
}

// withoutComments returns a struct or interface type whose fields and
// methods carry no comments (they have entries of their own); other
// types as they are.
func withoutComments(t ast.Expr) ast.Expr {
	strip := func(fl *ast.FieldList) *ast.FieldList {
		if fl == nil {
			return nil
		}
		c := *fl
		c.List = make([]*ast.Field, len(fl.List))
		for i, f := range fl.List {
			cf := *f
			cf.Doc, cf.Comment = nil, nil
			c.List[i] = &cf
		}
		return &c
	}
	switch t := t.(type) {
	case *ast.StructType:
		c := *t
		c.Fields = strip(t.Fields)
		return &c
	case *ast.InterfaceType:
		c := *t
		c.Methods = strip(t.Methods)
		return &c
	}
	return t
}

// dropBlankLines removes the empty lines the printer leaves where
// comments were, and formats the declaration again so that the fields
// line up.
func dropBlankLines(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	s = strings.Join(out, "\n")
	const pre = "package p\n\n"
	if b, err := format.Source([]byte(pre + s)); err == nil {
		return strings.TrimSpace(strings.TrimPrefix(string(b), pre))
	}
	return s
}
