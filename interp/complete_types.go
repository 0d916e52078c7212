package interp

// Seeing the type of an expression without running it, for completion
// and inspection: the types of session variables (their values'), of the
// members of compiled packages (through the symbol tables, with reflect),
// of calls, fields, methods, indexes and dereferences of those, and, in
// the cell being edited, of the names it declares from such expressions.
// Nothing is evaluated.

import (
	"go/ast"
	"go/constant"
	"go/token"
	"path"
	"reflect"
	"strconv"
	"strings"
)

// operand is what an expression is, as far as it can be seen.
type operand struct {
	// pkg is the import path when the expression names a package.
	pkg string
	// typ is the value's type (or the type itself, when isType), when
	// reflect knows it.
	typ reflect.Type
	// user is the name of a type a cell declared, when the value is of
	// that type (or a pointer to it): yaegi's reflect types of
	// interpreted types carry no name and no methods.
	user string
	// isType says the expression denotes a type, not a value.
	isType bool
	// results are the result types of a function declared by a cell
	// (typ is nil for those), as type expressions resolved on demand.
	results []ast.Expr
}

func (o operand) known() bool { return o.pkg != "" || o.typ != nil || o.user != "" || o.results != nil }

// maxDepth bounds the resolution of names declared from one another.
const maxDepth = 12

// resolver resolves expressions of a cell against the session.
type resolver struct {
	s       *Session
	globals map[string]reflect.Value
	local   *cellScope // the cell's own names before the cursor (may be nil)
}

func (s *Session) newResolver(local *cellScope) *resolver {
	return &resolver{s: s, globals: s.globals(), local: local}
}

// pkgOf returns the import path of a package name in scope: imported by
// the cell before the cursor, by an earlier cell, or auto-imported, and
// not shadowed by a name of the cell or the session.
func (r *resolver) pkgOf(name string) (string, bool) {
	if r.local != nil {
		if ln := r.local.names[name]; ln != nil {
			if ln.kind == "package" {
				return ln.path, true
			}
			return "", false
		}
	}
	if p, ok := r.s.importedPackages()[name]; ok {
		return p, true
	}
	if r.s.decls[name] {
		return "", false
	}
	if p, ok := autoImports[name]; ok && r.s.binPaths[p] {
		return p, true
	}
	return "", false
}

// importedPackages returns the packages earlier cells imported, by the
// name they are known by. (Session.imports names a package after the
// last element of its path: "v2" for "math/rand/v2", whose name is
// "rand".)
func (s *Session) importedPackages() map[string]string {
	out := make(map[string]string, len(s.imports))
	for n, p := range s.imports {
		if n == "_wb" {
			continue
		}
		if n == path.Base(p) {
			n = packageName(p)
		}
		out[n] = p
	}
	return out
}

// basicTypes are the predeclared types.
var basicTypes = map[string]reflect.Type{
	"bool": reflect.TypeFor[bool](), "string": reflect.TypeFor[string](),
	"int": reflect.TypeFor[int](), "int8": reflect.TypeFor[int8](), "int16": reflect.TypeFor[int16](),
	"int32": reflect.TypeFor[int32](), "int64": reflect.TypeFor[int64](),
	"uint": reflect.TypeFor[uint](), "uint8": reflect.TypeFor[uint8](), "uint16": reflect.TypeFor[uint16](),
	"uint32": reflect.TypeFor[uint32](), "uint64": reflect.TypeFor[uint64](), "uintptr": reflect.TypeFor[uintptr](),
	"float32": reflect.TypeFor[float32](), "float64": reflect.TypeFor[float64](),
	"complex64": reflect.TypeFor[complex64](), "complex128": reflect.TypeFor[complex128](),
	"byte": reflect.TypeFor[byte](), "rune": reflect.TypeFor[rune](),
	"error": reflect.TypeFor[error](), "any": reflect.TypeFor[any](),
}

// symbolKind classifies an entry of a yaegi symbol table: yaegi extract
// binds a variable as an addressable value, a type as a nil pointer to
// it, a function as itself and a constant as its value (a
// constant.Value when untyped).
func symbolKind(v reflect.Value) string {
	switch {
	case !v.IsValid():
		return ""
	case v.CanAddr():
		return "var"
	case v.Kind() == reflect.Func:
		return "func"
	case v.Kind() == reflect.Pointer && v.IsNil():
		return "type"
	}
	return "const"
}

// symbol returns a member of a compiled package.
func (r *resolver) symbol(pkg, name string) (reflect.Value, bool) {
	v, ok := r.s.syms[pkg][name]
	return v, ok && v.IsValid()
}

// typeExpr resolves a type expression.
func (r *resolver) typeExpr(e ast.Expr, depth int) operand {
	if depth > maxDepth || e == nil {
		return operand{}
	}
	switch x := e.(type) {
	case *ast.ParenExpr:
		return r.typeExpr(x.X, depth+1)
	case *ast.Ident:
		if r.local != nil {
			if ln := r.local.names[x.Name]; ln != nil && ln.kind == "type" {
				return operand{user: x.Name, isType: true}
			}
		}
		if inf, ok := r.s.info[x.Name]; ok && inf.kind == "type" {
			return operand{user: x.Name, isType: true}
		}
		if t, ok := basicTypes[x.Name]; ok {
			return operand{typ: t, isType: true}
		}
	case *ast.SelectorExpr:
		if id, ok := x.X.(*ast.Ident); ok {
			if p, ok := r.pkgOf(id.Name); ok {
				if v, ok := r.symbol(p, x.Sel.Name); ok && symbolKind(v) == "type" {
					return operand{typ: v.Type().Elem(), isType: true}
				}
			}
		}
	case *ast.StarExpr:
		o := r.typeExpr(x.X, depth+1)
		if o.typ != nil {
			o.typ = reflect.PointerTo(o.typ)
		}
		return o
	case *ast.ArrayType:
		if el := r.typeExpr(x.Elt, depth+1); el.typ != nil {
			if x.Len != nil {
				if bl, ok := x.Len.(*ast.BasicLit); ok && bl.Kind == token.INT {
					if n, err := strconv.Atoi(bl.Value); err == nil && n >= 0 && n < 1<<20 {
						return operand{typ: reflect.ArrayOf(n, el.typ), isType: true}
					}
				}
			}
			return operand{typ: reflect.SliceOf(el.typ), isType: true}
		}
	case *ast.MapType:
		k, v := r.typeExpr(x.Key, depth+1), r.typeExpr(x.Value, depth+1)
		if k.typ != nil && v.typ != nil && k.typ.Comparable() {
			return operand{typ: reflect.MapOf(k.typ, v.typ), isType: true}
		}
	case *ast.InterfaceType:
		if x.Methods == nil || len(x.Methods.List) == 0 {
			return operand{typ: basicTypes["any"], isType: true}
		}
	}
	return operand{}
}

// expr resolves a value expression (or a package name, or a type).
func (r *resolver) expr(e ast.Expr, depth int) operand {
	if depth > maxDepth || e == nil {
		return operand{}
	}
	switch x := e.(type) {
	case *ast.ParenExpr:
		return r.expr(x.X, depth+1)
	case *ast.Ident:
		return r.ident(x.Name, depth)
	case *ast.BasicLit:
		switch x.Kind {
		case token.INT:
			return operand{typ: basicTypes["int"]}
		case token.FLOAT:
			return operand{typ: basicTypes["float64"]}
		case token.IMAG:
			return operand{typ: basicTypes["complex128"]}
		case token.CHAR:
			return operand{typ: basicTypes["rune"]}
		case token.STRING:
			return operand{typ: basicTypes["string"]}
		}
	case *ast.CompositeLit:
		o := r.typeExpr(x.Type, depth+1)
		o.isType = false
		return o
	case *ast.UnaryExpr:
		o := r.expr(x.X, depth+1)
		switch x.Op {
		case token.AND:
			if o.typ != nil {
				o.typ = reflect.PointerTo(o.typ)
			}
			return o
		case token.ARROW:
			if o.typ != nil && o.typ.Kind() == reflect.Chan {
				return operand{typ: o.typ.Elem()}
			}
			return operand{}
		case token.NOT:
			return operand{typ: basicTypes["bool"]}
		}
		return o
	case *ast.BinaryExpr:
		switch x.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ, token.LAND, token.LOR:
			return operand{typ: basicTypes["bool"]}
		}
		if o := r.expr(x.X, depth+1); o.typ != nil {
			return o
		}
		return r.expr(x.Y, depth+1)
	case *ast.StarExpr:
		o := r.expr(x.X, depth+1)
		if o.isType {
			return r.typeExpr(x, depth+1)
		}
		if o.typ != nil && o.typ.Kind() == reflect.Pointer {
			return operand{typ: o.typ.Elem()}
		}
		if o.user != "" {
			return operand{user: o.user}
		}
	case *ast.TypeAssertExpr:
		o := r.typeExpr(x.Type, depth+1)
		o.isType = false
		return o
	case *ast.SelectorExpr:
		return r.selector(x, depth)
	case *ast.CallExpr:
		return r.call(x, depth)
	case *ast.IndexExpr:
		o := r.expr(x.X, depth+1)
		if o.typ == nil {
			return operand{}
		}
		t := o.typ
		if t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Array {
			t = t.Elem()
		}
		switch t.Kind() {
		case reflect.Slice, reflect.Array, reflect.Map:
			return operand{typ: t.Elem()}
		case reflect.String:
			return operand{typ: basicTypes["byte"]}
		}
	case *ast.SliceExpr:
		o := r.expr(x.X, depth+1)
		if o.typ != nil {
			t := o.typ
			if t.Kind() == reflect.Pointer {
				t = t.Elem()
			}
			if t.Kind() == reflect.Array {
				return operand{typ: reflect.SliceOf(t.Elem())}
			}
			return operand{typ: t}
		}
	case *ast.ArrayType, *ast.MapType, *ast.InterfaceType:
		return r.typeExpr(x, depth+1)
	}
	return operand{}
}

// ident resolves a name: the cell's own first, then the session's, a
// package, a predeclared type.
func (r *resolver) ident(name string, depth int) operand {
	if r.local != nil {
		if ln := r.local.names[name]; ln != nil {
			if o := r.localName(ln, depth+1); o.known() {
				return o
			}
			if ln.kind != "var" {
				return operand{}
			}
			// A variable whose type the cell's text does not show: the
			// session's value, if the cell ran before.
		}
	}
	if inf, ok := r.s.info[name]; ok {
		switch inf.kind {
		case "type":
			return operand{user: name, isType: true}
		case "func":
			return operand{results: inf.results}
		}
	}
	if v, ok := r.globals[name]; ok && v.IsValid() {
		if _, c := v.Interface().(constant.Value); c {
			return operand{}
		}
		o := operand{typ: v.Type()}
		if inf, ok := r.s.info[name]; ok && unnamedStruct(v.Type()) {
			o.user = r.declaredType(inf, depth)
		}
		return o
	}
	if p, ok := r.pkgOf(name); ok {
		return operand{pkg: p}
	}
	if t, ok := basicTypes[name]; ok {
		return operand{typ: t, isType: true}
	}
	return operand{}
}

// declaredType returns the name of the type a cell declared that a
// session variable's declaration gives it ("P", "*P"), or "": var p P, p
// := &P{}, p := newP() (a function of a cell's).
func (r *resolver) declaredType(ni *nameInfo, depth int) string {
	if ni.typeName != "" {
		return ni.typeName
	}
	if ni.value == nil || depth > maxDepth {
		return ""
	}
	saved := r.local // the value was written in the session's cell
	r.local = nil
	defer func() { r.local = saved }()
	o := r.localName(&nameInfo{name: ni.name, kind: "var", value: ni.value, index: ni.index, multi: ni.multi}, depth+1)
	return o.user
}

// unnamedStruct says whether t is (a pointer to, a slice of, ...) a
// struct type without a name: how yaegi's interpreted types look.
func unnamedStruct(t reflect.Type) bool {
	for t != nil {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			t = t.Elem()
			continue
		case reflect.Struct:
			return t.Name() == ""
		}
		return false
	}
	return false
}

// localName resolves a name declared in the cell.
func (r *resolver) localName(ln *nameInfo, depth int) operand {
	switch ln.kind {
	case "package":
		return operand{pkg: ln.path}
	case "type":
		return operand{user: ln.name, isType: true}
	case "func":
		return operand{results: ln.results}
	}
	if ln.typeExpr != nil {
		o := r.typeExpr(ln.typeExpr, depth+1)
		o.isType = false
		return o
	}
	if ln.rangeOf != nil {
		o := r.expr(ln.rangeOf, depth+1)
		if o.typ == nil {
			return operand{}
		}
		t := o.typ
		if t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Array {
			t = t.Elem()
		}
		switch t.Kind() {
		case reflect.Slice, reflect.Array, reflect.String:
			if ln.rangeKey {
				return operand{typ: basicTypes["int"]}
			}
			if t.Kind() == reflect.String {
				return operand{typ: basicTypes["rune"]}
			}
			return operand{typ: t.Elem()}
		case reflect.Map:
			if ln.rangeKey {
				return operand{typ: t.Key()}
			}
			return operand{typ: t.Elem()}
		case reflect.Chan:
			return operand{typ: t.Elem()}
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			return operand{typ: t}
		}
		return operand{}
	}
	if ln.value != nil {
		if ln.multi {
			return r.result(ln.value, ln.index, depth+1)
		}
		o := r.expr(ln.value, depth+1)
		if o.isType || o.pkg != "" {
			return operand{}
		}
		return o
	}
	return operand{}
}

// result resolves result i of a call (x, err := f()).
func (r *resolver) result(e ast.Expr, i, depth int) operand {
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := r.expr(x.Fun, depth+1)
		if fn.typ != nil && fn.typ.Kind() == reflect.Func && !fn.isType && i < fn.typ.NumOut() {
			return operand{typ: fn.typ.Out(i)}
		}
		if fn.results != nil && i < len(fn.results) {
			o := r.typeExpr(fn.results[i], depth+1)
			o.isType = false
			return o
		}
	case *ast.IndexExpr: // v, ok := m[k]
		if i == 0 {
			return r.expr(x, depth+1)
		}
		return operand{typ: basicTypes["bool"]}
	case *ast.TypeAssertExpr: // v, ok := x.(T)
		if i == 0 {
			return r.expr(x, depth+1)
		}
		return operand{typ: basicTypes["bool"]}
	}
	return operand{}
}

// selector resolves x.Sel; with known given, x is that operand.
func (r *resolver) selector(x *ast.SelectorExpr, depth int, known ...operand) operand {
	var o operand
	if len(known) > 0 {
		o = known[0]
	} else {
		o = r.expr(x.X, depth+1)
	}
	name := x.Sel.Name
	switch {
	case o.pkg != "":
		v, ok := r.symbol(o.pkg, name)
		if !ok {
			return operand{}
		}
		switch symbolKind(v) {
		case "type":
			return operand{typ: v.Type().Elem(), isType: true}
		case "func", "var":
			return operand{typ: v.Type()}
		case "const":
			if _, c := v.Interface().(constant.Value); c {
				return operand{}
			}
			return operand{typ: v.Type()}
		}
	case o.isType && o.typ != nil:
		// A method expression: T.M is a function of the receiver and
		// the method's arguments.
		if m, ok := o.typ.MethodByName(name); ok {
			return operand{typ: m.Type}
		}
	case o.typ != nil && (o.user == "" || !unnamedStruct(o.typ)):
		t := o.typ
		if t.Kind() != reflect.Interface && t.Kind() != reflect.Pointer {
			if m, ok := reflect.PointerTo(t).MethodByName(name); ok {
				return operand{typ: methodType(m.Type, true)}
			}
		}
		if m, ok := t.MethodByName(name); ok {
			return operand{typ: methodType(m.Type, t.Kind() != reflect.Interface)}
		}
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() == reflect.Struct {
			if f, ok := t.FieldByName(name); ok {
				return operand{typ: f.Type}
			}
		}
	case o.user != "":
		return r.userSelector(strings.TrimPrefix(o.user, "*"), name, depth)
	}
	return operand{}
}

// userSelector resolves x.name for x of a type a cell declared, the
// members of its embedded fields included.
func (r *resolver) userSelector(typ, name string, depth int) operand {
	if depth > maxDepth {
		return operand{}
	}
	members := r.userMembers(typ)
	if m, ok := members[name]; ok {
		switch {
		case m.kind == "field" && m.typeExpr != nil:
			res := r.typeExpr(m.typeExpr, depth+1)
			res.isType = false
			return res
		case m.kind == "method":
			return operand{results: m.results}
		}
		return operand{}
	}
	for _, n := range sortedKeys(members) {
		m := members[n]
		if !m.embedded {
			continue
		}
		e := r.typeExpr(m.typeExpr, depth+1)
		e.isType = false
		if e.user != "" && e.typ == nil {
			if res := r.userSelector(strings.TrimPrefix(e.user, "*"), name, depth+1); res.known() {
				return res
			}
		} else if e.typ != nil {
			if res := r.selector(&ast.SelectorExpr{X: ast.NewIdent("_"), Sel: ast.NewIdent(name)}, depth+1, e); res.known() {
				return res
			}
		}
	}
	return operand{}
}

// methodType drops the receiver from a method's type as reflect.Type's
// Method gives it.
func methodType(t reflect.Type, hasRecv bool) reflect.Type {
	if !hasRecv || t.NumIn() == 0 {
		return t
	}
	in := make([]reflect.Type, t.NumIn()-1)
	for i := range in {
		in[i] = t.In(i + 1)
	}
	out := make([]reflect.Type, t.NumOut())
	for i := range out {
		out[i] = t.Out(i)
	}
	return reflect.FuncOf(in, out, t.IsVariadic())
}

// builtinResults are the result types of builtin functions that do not
// depend on their arguments.
var builtinResults = map[string]string{
	"len": "int", "cap": "int", "real": "float64", "imag": "float64", "complex": "complex128",
	"recover": "any", "copy": "int",
}

// call resolves a call or a conversion.
func (r *resolver) call(x *ast.CallExpr, depth int) operand {
	if id, ok := x.Fun.(*ast.Ident); ok && r.isBuiltin(id.Name) {
		switch id.Name {
		case "new":
			if len(x.Args) == 1 {
				o := r.typeExpr(x.Args[0], depth+1)
				if o.typ != nil {
					return operand{typ: reflect.PointerTo(o.typ)}
				}
				return operand{user: o.user}
			}
		case "make":
			if len(x.Args) > 0 {
				o := r.typeExpr(x.Args[0], depth+1)
				o.isType = false
				return o
			}
		case "append", "min", "max":
			if len(x.Args) > 0 {
				return r.expr(x.Args[0], depth+1)
			}
		default:
			if t, ok := builtinResults[id.Name]; ok {
				return operand{typ: basicTypes[t]}
			}
		}
		return operand{}
	}
	fn := r.expr(x.Fun, depth+1)
	switch {
	case fn.isType:
		fn.isType = false
		return fn
	case fn.typ != nil && fn.typ.Kind() == reflect.Func && fn.typ.NumOut() >= 1:
		return operand{typ: fn.typ.Out(0)}
	case len(fn.results) >= 1:
		o := r.typeExpr(fn.results[0], depth+1)
		o.isType = false
		return o
	}
	return operand{}
}

// isBuiltin says whether name is a predeclared function that neither
// the cell nor the session redeclared.
func (r *resolver) isBuiltin(name string) bool {
	if r.local != nil && r.local.names[name] != nil {
		return false
	}
	if r.s.decls[name] {
		return false
	}
	switch name {
	case "new", "make", "append", "min", "max", "len", "cap", "real", "imag", "complex", "recover", "copy":
		return true
	}
	return false
}

// userMembers returns the fields and methods of a type a cell declared
// (the cell being edited first, then the session's).
func (r *resolver) userMembers(typ string) map[string]*memberInfo {
	if r.local != nil {
		if ln := r.local.names[typ]; ln != nil && ln.kind == "type" {
			out := map[string]*memberInfo{}
			if inf, ok := r.s.info[typ]; ok && inf.kind == "type" {
				for n, m := range r.s.methods[typ] {
					out[n] = m
				}
			}
			for n, m := range ln.members {
				out[n] = m
			}
			for n, m := range r.local.methods[typ] {
				out[n] = m
			}
			return out
		}
	}
	out := map[string]*memberInfo{}
	if inf, ok := r.s.info[typ]; ok && inf.kind == "type" {
		for n, m := range inf.members {
			out[n] = m
		}
	}
	for n, m := range r.s.methods[typ] {
		out[n] = m
	}
	if r.local != nil {
		for n, m := range r.local.methods[typ] {
			out[n] = m
		}
	}
	return out
}

// typeString writes a reflect type as Go source: "*arrays.Array",
// "[]float64", "func(int, ...any) string".
func typeString(t reflect.Type) string {
	if t == nil {
		return ""
	}
	return strings.ReplaceAll(t.String(), "interface {}", "any")
}

// funcSigFromType writes a function's declaration from its type, for
// want of its source: "func Zeros(...any) *arrays.Array".
func funcSigFromType(name string, t reflect.Type) string {
	return "func " + name + strings.TrimPrefix(typeString(t), "func")
}

// symbolSig writes the declaration of a member of a compiled package from
// its symbol, for want of its source.
func symbolSig(name string, v reflect.Value) string {
	switch symbolKind(v) {
	case "func":
		return funcSigFromType(name, v.Type())
	case "type":
		t := v.Type().Elem()
		return "type " + name + " " + kindWord(t)
	case "var":
		return "var " + name + " " + typeString(v.Type())
	case "const":
		if c, ok := v.Interface().(constant.Value); ok {
			return "const " + name + " = " + cutValue(c.ExactString())
		}
		return "const " + name + " " + typeString(v.Type()) + " = " + cutValue(fmtValue(v))
	}
	return name
}

// kindWord is a type's underlying kind as a declaration would say it.
func kindWord(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Struct:
		return "struct{ ... }"
	case reflect.Interface:
		return "interface{ ... }"
	case reflect.Func, reflect.Slice, reflect.Array, reflect.Map, reflect.Chan, reflect.Pointer:
		return "(" + t.Kind().String() + ")"
	}
	return t.Kind().String()
}

// cutValue keeps a value's text to one short line.
func cutValue(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + " ..."
	}
	return truncate(s, 80)
}

// truncate cuts s to at most n bytes, on a rune boundary, ending it with
// "…" when cut.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - len("…")
	for cut > 0 && !utf8RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }
