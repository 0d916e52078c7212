package interp

// Completion, inspection and the variables listing: what a front end asks
// of a session besides running cells.
//
// Where the names come from:
//
//   - the cell being edited, up to the cursor: the names it declares at
//     any depth (parameters, loop variables, := and var, functions, types
//     and imports), read with go/parser however incomplete the cell is;
//   - the session: the top-level names earlier cells declared (the engine
//     keeps their declarations and doc comments), the values of its
//     variables (through yaegi's Globals), the packages imported and the
//     ones a cell may use without importing them;
//   - compiled packages, after "pkg.": the yaegi symbol tables, with the
//     declarations and doc comments gathered from their source at build
//     time (package interp/docs), or a declaration made from the reflect
//     type when the source is not known;
//   - values, after "x.": the methods and fields of x's type. The type is
//     found without running anything: a session variable's value, the
//     results of functions and methods of compiled packages (chained calls
//     included: x.T().Sum().), fields, indexes, composite literals, and
//     the names of the cell declared from those. Types that cells declare
//     are known by their declarations (yaegi's reflect types have neither
//     names nor methods for them);
//   - Go's keywords and predeclared names, with the engine's own (display,
//     progress).
//
// Completion, inspection and the variables listing wait for a running
// cell to finish.

import (
	"go/ast"
	"go/constant"
	"reflect"
	"sort"
	"strings"

	"workbench/interp/docs"
)

// Completion is the answer to a completion request: the names that fit at
// the cursor, and the part of the cell they replace.
type Completion struct {
	// Start and End are byte offsets into the cell: the text that a
	// chosen match replaces (the partial name before the cursor, and the
	// rest of the name when the cursor is inside one).
	Start, End int
	// Matches are the candidates, best first.
	Matches []Candidate
}

// Candidate is one name that fits.
type Candidate struct {
	// Name is the text to insert.
	Name string
	// Kind is "var", "const", "func", "type", "package", "method",
	// "field" or "keyword".
	Kind string
	// Signature is the declaration in short: "func Zeros(shape []int,
	// dt ...dtype.DType) *Array", "var x *arrays.Array". A struct or
	// interface type is cut to its first line: "type Array struct { ...
	// }".
	Signature string
	// Doc is the first sentence of the doc comment, if any.
	Doc string
}

// Inspection is the answer to an inspection request: what the name under
// the cursor is.
type Inspection struct {
	// Found is false when there is nothing known under the cursor.
	Found bool
	// Name is the qualified name: "arrays.Zeros", "(*arrays.Array).Sum",
	// "x".
	Name string
	// Kind is as in Candidate.
	Kind string
	// Signature is the declaration, as in Candidate, whole.
	Signature string
	// Doc is the whole doc comment. For a variable, it is the doc comment
	// of its declaration or, without one, of its type.
	Doc string
	// Value is a short form of the value, for session variables.
	Value string
}

// Variable is one variable of the session, for a variables panel.
type Variable struct {
	Name string `json:"name"`
	// Type is the Go type: "*arrays.Array", "int", "[]float64".
	Type string `json:"type"`
	// Shape and DType are set for arrays: "(3, 4)", "float64". Shape is
	// also set for tables: "(rows, columns)".
	Shape string `json:"shape,omitempty"`
	DType string `json:"dtype,omitempty"`
	// Summary is a short, one-line form of the value (at most about 80
	// characters).
	Summary string `json:"summary"`
}

// described is one name that may fit, with all that is known of it.
type described struct {
	name string // as written after the dot or alone
	qual string // qualified, for Inspect
	kind string
	sig  string // the whole declaration
	doc  string // the whole doc comment
	// global is set for the session's variables: the name to look up in
	// Globals for Inspect's value.
	global string
}

// Complete returns the names that fit at byte offset cursor of cell:
// variables and functions in scope (the session's and the cell's own),
// package members after "pkg.", methods and fields after "value.", and
// keywords. Names that start with what is typed come first (those of the
// same case first), then those that merely contain it (from two
// characters typed on), each group in alphabetical order. Inside a
// comment or a string there is nothing to complete. It waits for a
// running cell to finish.
func (s *Session) Complete(cell string, cursor int) Completion {
	cursor = max(0, min(cursor, len(cell)))
	start, end := wordAt(cell, cursor)
	c := Completion{Start: start, End: end, Matches: []Candidate{}}
	prefix := cell[start:cursor]
	if startsWithDigit(cell[start:end]) || afterOperand(cell, start) || inLiteral(cell, cursor) {
		c.Start, c.End = cursor, cursor
		return c
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return c
	}
	r := s.newResolver(parseScope(cell[:start]))
	var ds []described
	if start > 0 && cell[start-1] == '.' {
		x := operandBefore(cell, start-1)
		if x == nil {
			return c
		}
		ds = r.members(r.expr(x, 0))
	} else {
		ds = r.scopeNames()
	}
	c.Matches = rankMatches(ds, prefix)
	return c
}

// afterOperand says whether offset start follows a closing bracket or a
// literal: no name may follow there.
func afterOperand(cell string, start int) bool {
	if start == 0 {
		return false
	}
	switch cell[start-1] {
	case ')', ']', '}', '"', '`', '\'':
		return true
	}
	return false
}

// rankMatches keeps the names that fit prefix, best first, one per name.
func rankMatches(ds []described, prefix string) []Candidate {
	lp := strings.ToLower(prefix)
	rank := func(name string) int {
		switch ln := strings.ToLower(name); {
		case strings.HasPrefix(name, prefix):
			return 0
		case strings.HasPrefix(ln, lp):
			return 1
		case len(prefix) >= 2 && strings.Contains(ln, lp):
			return 2
		}
		return -1
	}
	type ranked struct {
		c    Candidate
		rank int
	}
	seen := map[string]bool{}
	var rs []ranked
	for _, d := range ds {
		if seen[d.name] {
			continue
		}
		seen[d.name] = true
		k := rank(d.name)
		if k < 0 {
			continue
		}
		rs = append(rs, ranked{Candidate{Name: d.name, Kind: d.kind, Signature: shortSig(d.sig), Doc: docs.Synopsis(d.doc)}, k})
	}
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		la, lb := strings.ToLower(a.c.Name), strings.ToLower(b.c.Name)
		if la != lb {
			return la < lb
		}
		return a.c.Name < b.c.Name
	})
	out := make([]Candidate, len(rs))
	for i, r := range rs {
		out[i] = r.c
	}
	return out
}

// shortSig keeps the first line of a declaration that spans several.
func shortSig(sig string) string {
	first, _, ok := strings.Cut(sig, "\n")
	if !ok {
		return sig
	}
	first = strings.TrimRight(first, " ")
	switch {
	case strings.HasSuffix(first, "{"):
		return first + " ... }"
	case strings.HasSuffix(first, "("):
		return first + " ... )"
	}
	return first + " ..."
}

// scopeNames lists the names in scope where no dot precedes: the cell's
// own, the session's, packages, predeclared names and keywords, in that
// order of precedence (a name appears once).
func (r *resolver) scopeNames() []described {
	var out []described
	if r.local != nil {
		for _, ni := range sortedNames(r.local.names) {
			out = append(out, r.describeLocal(ni))
		}
	}
	s := r.s
	for _, n := range sortedKeys(s.info) {
		ni := s.info[n]
		if internalOrHidden(n) || ni.kind == "var" && !s.decls[n] {
			continue
		}
		out = append(out, r.describeSession(ni))
	}
	for _, n := range sortedKeys(r.globals) {
		if _, ok := s.info[n]; ok || internalOrHidden(n) {
			continue
		}
		out = append(out, r.describeGlobal(n))
	}
	pkgs := map[string]string{}
	for n, p := range autoImports {
		if s.binPaths[p] && !s.decls[n] {
			pkgs[n] = p
		}
	}
	for n, p := range s.importedPackages() {
		pkgs[n] = p
	}
	for _, n := range sortedKeys(pkgs) {
		out = append(out, describePackage(n, pkgs[n]))
	}
	for _, n := range sortedKeys(universe) {
		out = append(out, describeBuiltin(n))
	}
	for _, k := range keywords {
		out = append(out, described{name: k, qual: k, kind: "keyword"})
	}
	return out
}

// internalOrHidden says whether a session name is the engine's own.
func internalOrHidden(n string) bool {
	return strings.HasPrefix(n, "_") || strings.Contains(n, "_wb")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func sortedNames(m map[string]*nameInfo) []*nameInfo {
	out := make([]*nameInfo, 0, len(m))
	for _, k := range sortedKeys(m) {
		out = append(out, m[k])
	}
	return out
}

// describeLocal describes a name the cell being edited declares.
func (r *resolver) describeLocal(ni *nameInfo) described {
	d := described{name: ni.name, qual: ni.name, kind: ni.kind, sig: ni.sig, doc: ni.doc}
	switch ni.kind {
	case "package":
		_, d.doc, _ = docs.PackageDoc(ni.path)
	case "var":
		o := r.localName(ni, 0)
		if t := r.typeText(o); t != "" {
			d.sig = "var " + ni.name + " " + t
		} else if v, ok := r.globals[ni.name]; ok && v.IsValid() && r.s.decls[ni.name] {
			// Declared here, and by a cell that ran: the value's type.
			d.sig = "var " + ni.name + " " + typeString(v.Type())
		} else if d.sig == "" {
			d.sig = "var " + ni.name
		}
		if d.doc == "" {
			d.doc = r.typeDoc(o)
		}
	}
	return d
}

// typeText writes the type of an operand as Go source.
func (r *resolver) typeText(o operand) string {
	switch {
	case o.user != "" && (o.typ == nil || unnamedStruct(o.typ)):
		if o.typ != nil && o.typ.Kind() == reflect.Pointer {
			return "*" + strings.TrimPrefix(o.user, "*")
		}
		return o.user
	case o.typ != nil:
		return typeString(o.typ)
	}
	return ""
}

// typeDoc is the doc comment of a value's named type, if known.
func (r *resolver) typeDoc(o operand) string {
	if o.user != "" {
		if ni, ok := r.s.info[strings.TrimPrefix(o.user, "*")]; ok && ni.kind == "type" {
			return ni.doc
		}
		if r.local != nil {
			if ni := r.local.names[strings.TrimPrefix(o.user, "*")]; ni != nil {
				return ni.doc
			}
		}
		return ""
	}
	t := o.typ
	if t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t != nil && t.Name() != "" && t.PkgPath() != "" {
		if e, ok := docs.Lookup(t.PkgPath(), t.Name()); ok {
			return e.Doc
		}
	}
	return ""
}

// describeSession describes a top-level name of the session.
func (r *resolver) describeSession(ni *nameInfo) described {
	d := described{name: ni.name, qual: ni.name, kind: ni.kind, sig: ni.sig, doc: ni.doc}
	if ni.kind == "var" {
		d.global = ni.name
		o := r.ident(ni.name, 0)
		if t := r.typeText(o); t != "" {
			d.sig = "var " + ni.name + " " + t
		}
		if d.doc == "" {
			d.doc = r.typeDoc(o)
		}
	}
	return d
}

// globalDocs documents the variables the engine predeclares.
var globalDocs = map[string]string{
	"rng": "rng is the session's random number generator, seeded from the seed recorded in the notebook, so that a notebook run again draws the same numbers.\n",
}

// describeGlobal describes a session variable the cells did not declare.
func (r *resolver) describeGlobal(n string) described {
	d := described{name: n, qual: n, kind: "var", sig: "var " + n, doc: globalDocs[n], global: n}
	if v := r.globals[n]; v.IsValid() {
		if _, c := v.Interface().(constant.Value); c {
			d.kind, d.sig = "const", "const "+n
		} else {
			d.sig += " " + typeString(v.Type())
		}
	}
	return d
}

// describePackage describes a package name.
func describePackage(name, p string) described {
	d := described{name: name, qual: name, kind: "package", sig: importSig(name, p)}
	_, d.doc, _ = docs.PackageDoc(p)
	return d
}

// engineBuiltins are the predeclared functions of the engine's own.
var engineBuiltins = map[string]described{
	"display": {kind: "func", sig: "func display(values ...any)",
		doc: "display shows each value as an output of the cell, as the value of the cell's last expression is shown: arrays, tables and figures with their rich forms, other values as text.\n"},
	"progress": {kind: "func", sig: "func progress(i, n int)",
		doc: "progress shows a progress bar for step i of n of a loop, updated in place as the loop goes on: call it with the number of steps done (progress(i+1, n) at the end of the loop's body). A bar starts on the first call, and again when i goes down or after a bar reached n; the bar kept in the notebook is its last state.\n"},
}

// describeBuiltin describes a predeclared name.
func describeBuiltin(n string) described {
	if d, ok := engineBuiltins[n]; ok {
		d.name, d.qual = n, n
		return d
	}
	d := described{name: n, qual: n, kind: "func"}
	if e, ok := docs.Lookup("builtin", n); ok {
		d.kind, d.sig, d.doc = e.Kind, e.Sig, e.Doc
	}
	return d
}

// members lists what may follow a dot after an operand: a package's
// members, or a value's methods and fields.
func (r *resolver) members(o operand) []described {
	switch {
	case o.pkg != "":
		return r.packageMembers(o.pkg)
	case o.isType:
		return nil
	case o.user != "" && (o.typ == nil || unnamedStruct(o.typ)):
		return r.userTypeMembers(strings.TrimPrefix(o.user, "*"))
	case o.typ != nil:
		return reflectMembers(o.typ)
	}
	return nil
}

// packageMembers lists the exported members of a compiled package.
func (r *resolver) packageMembers(p string) []described {
	syms := r.s.syms[p]
	q := packageName(p)
	out := make([]described, 0, len(syms))
	for _, n := range sortedKeys(syms) {
		if !ast.IsExported(n) {
			continue
		}
		v := syms[n]
		d := described{name: n, qual: q + "." + n, kind: symbolKind(v)}
		if e, ok := docs.Lookup(p, n); ok {
			d.sig, d.doc = e.Sig, e.Doc
			if d.kind == "" {
				d.kind = e.Kind
			}
		} else {
			d.sig = symbolSig(n, v)
		}
		out = append(out, d)
	}
	return out
}

// userTypeMembers lists the fields and methods of a type a cell declared.
// Members of embedded fields are promoted, unless the type has its own of
// the same name.
func (r *resolver) userTypeMembers(typ string) []described {
	return r.userTypeMembersDepth(typ, 0)
}

func (r *resolver) userTypeMembersDepth(typ string, depth int) []described {
	if depth > 4 {
		return nil
	}
	ms := r.userMembers(typ)
	out := make([]described, 0, len(ms))
	own := map[string]bool{}
	for _, n := range sortedKeys(ms) {
		m := ms[n]
		qual := typ + "." + n
		if m.kind == "method" && strings.Contains(strings.SplitN(m.sig, ")", 2)[0], "*") {
			qual = "(*" + typ + ")." + n
		}
		own[n] = true
		out = append(out, described{name: n, qual: qual, kind: m.kind, sig: m.sig, doc: m.doc})
	}
	for _, n := range sortedKeys(ms) {
		m := ms[n]
		if !m.embedded {
			continue
		}
		var promoted []described
		o := r.typeExpr(m.typeExpr, 0)
		switch {
		case o.user != "" && o.typ == nil:
			promoted = r.userTypeMembersDepth(strings.TrimPrefix(o.user, "*"), depth+1)
		case o.typ != nil:
			promoted = reflectMembers(o.typ)
		}
		for _, d := range promoted {
			if !own[d.name] {
				own[d.name] = true
				out = append(out, d)
			}
		}
	}
	return out
}

// reflectMembers lists the exported methods and fields of a compiled
// type, with their declarations and doc comments when the docs data has
// them.
func reflectMembers(t reflect.Type) []described {
	named := t
	if named.Kind() == reflect.Pointer {
		named = named.Elem()
	}
	qualT := typeString(named)
	var out []described
	// Methods: those of *T too, for a T value (a variable is addressable).
	set := t
	if t.Kind() != reflect.Interface && t.Kind() != reflect.Pointer {
		set = reflect.PointerTo(t)
	}
	for i := 0; i < set.NumMethod(); i++ {
		m := set.Method(i)
		if !m.IsExported() {
			continue
		}
		d := described{name: m.Name, kind: "method"}
		ptrOnly := false
		if named.Kind() != reflect.Interface {
			_, onValue := named.MethodByName(m.Name)
			ptrOnly = !onValue
		}
		if ptrOnly {
			d.qual = "(*" + qualT + ")." + m.Name
		} else {
			d.qual = qualT + "." + m.Name
		}
		if e, ok := docs.Method(docsPath(named), named.Name(), m.Name); ok && named.Name() != "" {
			d.sig, d.doc = e.Sig, e.Doc
		} else {
			mt := methodType(m.Type, set.Kind() != reflect.Interface)
			recv := typeString(set)
			if set.Kind() == reflect.Interface || !ptrOnly {
				recv = qualT
			}
			d.sig = "func (" + recv + ") " + m.Name + strings.TrimPrefix(typeString(mt), "func")
		}
		out = append(out, d)
	}
	if named.Kind() != reflect.Struct {
		return out
	}
	interpreted := named.Name() == ""
	for _, f := range reflect.VisibleFields(named) {
		if !f.IsExported() || (interpreted && yaegiHidden(f.Name)) {
			continue
		}
		if _, dup := named.FieldByName(f.Name); !dup {
			continue // ambiguous at the same depth
		}
		d := described{name: f.Name, kind: "field", qual: qualT + "." + f.Name,
			sig: f.Name + " " + typeString(f.Type)}
		owner := named
		if len(f.Index) > 1 {
			owner = named.FieldByIndex(f.Index[:len(f.Index)-1]).Type
			if owner.Kind() == reflect.Pointer {
				owner = owner.Elem()
			}
		}
		if e, ok := docs.Field(docsPath(owner), owner.Name(), f.Name); ok && owner.Name() != "" {
			d.sig, d.doc = e.Sig, e.Doc
		}
		out = append(out, d)
	}
	return out
}

// docsPath is the import path under which the docs data holds a named
// type: its package's, or "builtin" for error.
func docsPath(t reflect.Type) string {
	if t.PkgPath() == "" {
		return "builtin"
	}
	return t.PkgPath()
}

// yaegiHidden says whether a field name is one yaegi made of an
// unexported field of an interpreted struct ("Xcount" for "count").
func yaegiHidden(n string) bool {
	return len(n) > 1 && n[0] == 'X' && (n[1] == '_' || n[1] >= 'a' && n[1] <= 'z')
}

// Inspect describes the name at byte offset cursor of cell (the name the
// cursor is in or just after; inside a call's parentheses, away from any
// name, the function called): a package member ("arrays.Zeros"), a method
// ("(*arrays.Array).Sum") or field, a package, a name of the session or of
// the cell with its type (and, for a session variable, a short form of
// its value), or a predeclared name. It waits for a running cell to
// finish.
func (s *Session) Inspect(cell string, cursor int) Inspection {
	cursor = max(0, min(cursor, len(cell)))
	if inLiteral(cell, cursor) {
		return Inspection{}
	}
	start, end := wordAt(cell, cursor)
	if start == end || startsWithDigit(cell[start:end]) {
		open := openCall(cell[:cursor])
		if open < 0 {
			return Inspection{}
		}
		start, end = wordAt(cell, open)
		if start == end || end != open || startsWithDigit(cell[start:end]) {
			return Inspection{}
		}
	}
	word := cell[start:end]
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return Inspection{}
	}
	r := s.newResolver(parseScope(cell[:start]))
	var ds []described
	if start > 0 && cell[start-1] == '.' {
		x := operandBefore(cell, start-1)
		if x == nil {
			return Inspection{}
		}
		ds = r.members(r.expr(x, 0))
	} else {
		ds = r.scopeNames()
	}
	for _, d := range ds {
		if d.name != word || d.kind == "keyword" {
			continue
		}
		in := Inspection{Found: true, Name: d.qual, Kind: d.kind, Signature: d.sig, Doc: d.doc}
		if d.global != "" {
			if v, ok := r.globals[d.global]; ok {
				in.Value = summarize(v)
			}
		}
		return in
	}
	return Inspection{}
}
