package interp

// Rewriting cells so that Go as written today runs on yaegi v0.16.1.
//
// What the engine rewrites (go/ast, before yaegi sees the chunk):
//
//   - for i := range n, over an integer (Go 1.22): yaegi panics on it. The
//     loop becomes { _wbN := n; for _wbI := _wbN - _wbN; _wbI < _wbN; _wbI++
//     { i := _wbI; ... } }, which keeps n's type, evaluates n once, gives i
//     a fresh copy each iteration, and keeps labels working. Whether n is
//     an integer is decided without a type checker: literals, len, cap,
//     integer conversions, arithmetic on those, variables declared in the
//     cell from such values or with an integer type, integer parameters,
//     session variables and constants (their type asked of yaegi),
//     functions of an earlier cell returning an integer, and fields, index
//     expressions, functions and methods of compiled packages over those
//     (their types seen through reflect, nothing is evaluated).
//   - min and max (Go 1.21): interpreted generic functions over the ordered
//     types; untyped constant arguments are moved after typed ones (yaegi
//     infers the type parameter from the first argument) and, when all are
//     constants mixing integers and floats, made float64. At the top level
//     of a cell, x := min(a, b) is computed in statements instead (yaegi
//     cannot type a cell's variable from a generic call).
//   - clear (Go 1.21): a compiled helper (reflect.Value.Clear).
//   - loop variables per iteration (Go 1.22): yaegi shares one variable
//     across iterations. In a for or range loop whose body has a function
//     literal or a go statement, the body works on a fresh copy of each
//     loop variable (unless a three-clause loop's body assigns it).
//   - variables declared inside a cell's statements (in blocks, loop and
//     if headers, function literals): yaegi takes a declaration of a name
//     the session already has for the session's variable and overwrites
//     it (for i := 0; ... would change the cell's i). They are renamed.
//   - x := x (shadowing a variable with itself, as in v := v) inside a
//     function: yaegi binds the right side to the new variable; the new
//     one is renamed.
//   - x := f(x) at the top level of a cell, redefining a session variable
//     from its old value: yaegi sees the new (zero) variable on the right;
//     the value goes through a temporary, compiled apart.
//   - var at the top level of a cell runs as a statement (cells.go): yaegi
//     cannot initialise a package-level variable from a cell's variable.
//   - redefining a type, or a method of a type, in a later cell: yaegi
//     keeps the first definition silently. The new definition is given a
//     fresh internal name (T_wb2), the type's other methods are declared
//     again for it, and later cells' T means the new type. Values made
//     before keep the old type, as do functions declared before that
//     mention T (run their cell again).
//   - display(a, b, c) statements become one call per value.
//
// What still does not work (yaegi v0.16.1):
//
//   - range over a function (Go 1.23 iterators), and range over an integer
//     whose type the kernel cannot see (a method of an interpreted type,
//     range p.Len()): the error says to write range int(p.Len()).
//   - x := f(...) at the top level of a cell where f is a generic function
//     of the user's (the error says so: declare the type, var x T = f(...),
//     or call f inside a function); inference of several type parameters
//     is unreliable.
//   - min and max are functions, not constants: const c = min(1, 2) fails;
//     min(-0.0, 0.0) may return 0.0.
//   - generic functions of the standard library: slices, maps and cmp are
//     missing or partial (slices.Sort is undefined), as are generic
//     functions and types of our packages (yaegi extract skips them).
//   - packages and functions added to the standard library after Go 1.22.
//   - three-clause for loops whose body assigns the loop variable keep the
//     old shared-variable semantics for closures.
//   - within a cell, a name must be declared above its first use (a group
//     of declarations may refer to each other in any order).
//   - assigning to an exported variable of a compiled package.
//   - positions of panics: the top-level statement of the cell that was
//     running, not the expression; inside functions yaegi gives only the
//     function (the traceback names them).
//   - unused variables and imports are not errors, as they are in Go.
//   - when yaegi's compiler panics, it also logs a line ("nil type") to the
//     process's standard error through the log package.
//   - a panic in a goroutine the cell started kills the kernel process;
//     interrupting does not stop a long call into compiled code.

import (
	"bytes"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/printer"
	"go/token"
	"reflect"
	"strconv"
)

// rewriter rewrites one chunk.
type rewriter struct {
	s       *Session
	c       *chunk
	globals map[string]reflect.Value
	// unknownRanges are range expressions that may be integers the
	// rewriter could not recognise; a failed compile mentions them.
	unknownRanges []ast.Expr
}

// root is the part of the chunk that is the user's code.
func (r *rewriter) root() ast.Node { return r.c.root() }

// rewrite applies every rewrite to the chunk.
func (r *rewriter) rewrite() {
	r.applyRenames()
	if r.c.kind == stmtChunk {
		r.localRename()
		r.topLevelSelfRef()
	} else {
		r.shadowRename()
	}
	r.floatConsts()
	r.rangeInt()
	r.loopVars()
	r.builtins()
}

// walkIdents calls f for every identifier in n that refers to something:
// not the selector after a dot, a label, a method's name, an import's
// name, a field or parameter name. key is true for the key of a composite
// literal element (a struct field name, or a map key).
func walkIdents(n ast.Node, f func(id *ast.Ident, key bool)) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.SelectorExpr:
			walkIdents(x.X, f)
			return false
		case *ast.KeyValueExpr:
			if id, ok := x.Key.(*ast.Ident); ok {
				f(id, true)
			} else {
				walkIdents(x.Key, f)
			}
			walkIdents(x.Value, f)
			return false
		case *ast.LabeledStmt:
			walkIdents(x.Stmt, f)
			return false
		case *ast.BranchStmt, *ast.ImportSpec:
			return false
		case *ast.File:
			for _, d := range x.Decls {
				walkIdents(d, f)
			}
			return false
		case *ast.FuncDecl:
			if x.Recv != nil {
				walkIdents(x.Recv, f)
			} else {
				f(x.Name, false)
			}
			if x.Type.TypeParams != nil {
				walkIdents(x.Type.TypeParams, f)
			}
			walkIdents(x.Type, f)
			if x.Body != nil {
				walkIdents(x.Body, f)
			}
			return false
		case *ast.Field:
			walkIdents(x.Type, f)
			return false
		case *ast.Ident:
			f(x, false)
		}
		return true
	})
}

// freeIdents calls f for every identifier in n that the chunk does not
// declare: a name of the session, a package, or a predeclared one.
func freeIdents(n ast.Node, f func(id *ast.Ident)) {
	walkIdents(n, func(id *ast.Ident, key bool) {
		if id.Obj == nil && !key && id.Name != "_" {
			f(id)
		}
	})
}

// renameObj renames every identifier in n bound to obj.
func renameObj(n ast.Node, obj *ast.Object, name string) {
	walkIdents(n, func(id *ast.Ident, _ bool) {
		if id.Obj == obj {
			id.Name = name
		}
	})
}

// mentions says whether n refers to name, other than through obj.
func mentions(n ast.Node, name string, obj *ast.Object) bool {
	found := false
	walkIdents(n, func(id *ast.Ident, key bool) {
		if id.Name == name && id.Obj != obj && !(key && id.Obj == nil) {
			found = true
		}
	})
	return found
}

// applyRenames points the chunk's free names at the current definitions
// of redefined types.
func (r *rewriter) applyRenames() {
	if len(r.s.renames) == 0 {
		return
	}
	freeIdents(r.root(), func(id *ast.Ident) {
		if to, ok := r.s.renames[id.Name]; ok {
			id.Name = to
		}
	})
}

// shadowRename renames variables declared from a variable of the same
// name (v := v) inside functions and blocks.
func (r *rewriter) shadowRename() {
	top := map[ast.Stmt]bool{}
	if r.c.kind == stmtChunk {
		for _, s := range r.c.body.List {
			top[s] = true
		}
	}
	root := r.root()
	ast.Inspect(root, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.AssignStmt:
			if x.Tok != token.DEFINE || top[x] {
				return true
			}
			for _, l := range x.Lhs {
				id, ok := l.(*ast.Ident)
				if !ok || id.Obj == nil || id.Obj.Decl != x {
					continue
				}
				for _, e := range x.Rhs {
					if mentions(e, id.Name, id.Obj) {
						renameObj(root, id.Obj, r.s.fresh(id.Name))
						break
					}
				}
			}
		case *ast.ValueSpec:
			for _, id := range x.Names {
				if id.Obj == nil || id.Obj.Decl != x || id.Obj.Kind != ast.Var {
					continue
				}
				for _, e := range x.Values {
					if mentions(e, id.Name, id.Obj) {
						renameObj(root, id.Obj, r.s.fresh(id.Name))
						break
					}
				}
			}
		}
		return true
	})
}

// localRename gives every variable that a statement chunk declares below
// its top level (in blocks, loop and if headers, function literals) a
// name of its own: yaegi takes such a declaration of a name the session
// already has for the session's variable, and overwrites it.
func (r *rewriter) localRename() {
	top := map[*ast.Object]bool{}
	for _, id := range topLevelNames(r.c.body) {
		if id.Obj != nil {
			top[id.Obj] = true
		}
	}
	names := map[*ast.Object]string{}
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.StructType:
			// Field names are not variables.
			for _, f := range x.Fields.List {
				ast.Inspect(f.Type, visit)
			}
			return false
		case *ast.SelectorExpr:
			ast.Inspect(x.X, visit)
			return false
		case *ast.CompositeLit:
			if x.Type != nil {
				ast.Inspect(x.Type, visit)
			}
			_, isMap := x.Type.(*ast.MapType)
			for _, e := range x.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok && !isMap {
					if _, ok := kv.Key.(*ast.Ident); ok {
						// A struct field name (or an elided map type's key: rare).
						ast.Inspect(kv.Value, visit)
						continue
					}
				}
				ast.Inspect(e, visit)
			}
			return false
		case *ast.Ident:
			if x.Obj != nil && x.Obj.Kind == ast.Var && !top[x.Obj] && x.Name != "_" {
				to, ok := names[x.Obj]
				if !ok {
					to = r.s.fresh(x.Name)
					names[x.Obj] = to
				}
				x.Name = to
			}
		}
		return true
	}
	ast.Inspect(r.c.body, visit)
}

// topLevelNames returns the variables a statement chunk declares at its
// top level, with := or var: the session's variables.
func topLevelNames(body *ast.BlockStmt) []*ast.Ident {
	var ids []*ast.Ident
	for _, st := range body.List {
		switch st := st.(type) {
		case *ast.AssignStmt:
			if st.Tok == token.DEFINE {
				for _, l := range st.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						ids = append(ids, id)
					}
				}
			}
		case *ast.DeclStmt:
			if g, ok := st.Decl.(*ast.GenDecl); ok && g.Tok == token.VAR {
				for _, sp := range g.Specs {
					ids = append(ids, sp.(*ast.ValueSpec).Names...)
				}
			}
		}
	}
	return ids
}

// topLevelSelfRef rewrites x := f(x) at the top level of a statement chunk
// into _wbT1 := f(x); x := _wbT1.
func (r *rewriter) topLevelSelfRef() {
	var out []ast.Stmt
	for _, s := range r.c.body.List {
		a, ok := s.(*ast.AssignStmt)
		if !ok || a.Tok != token.DEFINE || !r.selfRef(a) {
			out = append(out, s)
			continue
		}
		pos := a.Pos()
		var tmps, lhs, rhs []ast.Expr
		for i, l := range a.Lhs {
			if id, ok := l.(*ast.Ident); ok && id.Name == "_" {
				tmps = append(tmps, ast.NewIdent("_"))
				continue
			}
			t := "_wbT" + strconv.Itoa(i+1)
			tmps = append(tmps, &ast.Ident{NamePos: pos, Name: t})
			lhs = append(lhs, l)
			rhs = append(rhs, &ast.Ident{NamePos: pos, Name: t})
		}
		out = append(out,
			&ast.AssignStmt{Lhs: tmps, TokPos: a.TokPos, Tok: token.DEFINE, Rhs: a.Rhs},
			&ast.AssignStmt{Lhs: lhs, TokPos: a.TokPos, Tok: token.DEFINE, Rhs: rhs})
	}
	r.c.body.List = out
}

func (r *rewriter) selfRef(a *ast.AssignStmt) bool {
	for _, l := range a.Lhs {
		id, ok := l.(*ast.Ident)
		if !ok || id.Name == "_" {
			continue
		}
		for _, e := range a.Rhs {
			if mentions(e, id.Name, id.Obj) {
				return true
			}
		}
	}
	return false
}

// stmtLists calls f on every statement list in n, replacing it by what f
// returns.
func stmtLists(n ast.Node, f func([]ast.Stmt) []ast.Stmt) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.BlockStmt:
			x.List = f(x.List)
		case *ast.CaseClause:
			x.Body = f(x.Body)
		case *ast.CommClause:
			x.Body = f(x.Body)
		}
		return true
	})
}

// rangeInt rewrites range loops over integers into three-clause loops.
func (r *rewriter) rangeInt() {
	stmtLists(r.root(), func(list []ast.Stmt) []ast.Stmt {
		for i, s := range list {
			var label *ast.LabeledStmt
			if l, ok := s.(*ast.LabeledStmt); ok {
				label = l
				s = l.Stmt
			}
			rs, ok := s.(*ast.RangeStmt)
			if !ok || rs.X == nil {
				continue
			}
			if !r.isInt(rs.X, 0) {
				if r.maybeInt(rs.X) {
					r.unknownRanges = append(r.unknownRanges, rs.X)
				}
				continue
			}
			list[i] = r.rangeIntLoop(rs, label)
		}
		return list
	})
}

func (r *rewriter) rangeIntLoop(rs *ast.RangeStmt, label *ast.LabeledStmt) ast.Stmt {
	pos := rs.For
	id := func(name string) *ast.Ident { return &ast.Ident{NamePos: pos, Name: name} }
	k := r.s.next()
	n, i := "_wbN"+k, "_wbI"+k
	var body []ast.Stmt
	if rs.Key != nil {
		if kid, ok := rs.Key.(*ast.Ident); !ok || kid.Name != "_" {
			tok := rs.Tok
			if tok != token.DEFINE {
				tok = token.ASSIGN
			}
			body = append(body, &ast.AssignStmt{Lhs: []ast.Expr{cloneExpr(rs.Key)}, TokPos: pos, Tok: tok, Rhs: []ast.Expr{id(i)}})
		}
	}
	body = append(body, rs.Body.List...)
	loop := &ast.ForStmt{
		For:  pos,
		Init: &ast.AssignStmt{Lhs: []ast.Expr{id(i)}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{&ast.BinaryExpr{X: id(n), OpPos: pos, Op: token.SUB, Y: id(n)}}},
		Cond: &ast.BinaryExpr{X: id(i), OpPos: pos, Op: token.LSS, Y: id(n)},
		Post: &ast.IncDecStmt{X: id(i), TokPos: pos, Tok: token.INC},
		Body: &ast.BlockStmt{Lbrace: rs.Body.Lbrace, List: body, Rbrace: rs.Body.Rbrace},
	}
	var inner ast.Stmt = loop
	if label != nil {
		label.Stmt = loop
		inner = label
	}
	return &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{
		&ast.AssignStmt{Lhs: []ast.Expr{id(n)}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{rs.X}},
		inner,
	}, Rbrace: rs.End()}
}

// integerTypes are the predeclared integer types.
var integerTypes = map[string]bool{
	"int": true, "int8": true, "int16": true, "int32": true, "int64": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true,
	"uintptr": true, "byte": true, "rune": true,
}

// isIntType says whether a type expression names an integer type.
func (r *rewriter) isIntType(t ast.Expr) bool {
	id, ok := t.(*ast.Ident)
	return ok && id.Obj == nil && integerTypes[id.Name] && !r.s.decls[id.Name]
}

// isInt says whether e is surely an integer.
func (r *rewriter) isInt(e ast.Expr, depth int) bool {
	if depth > 8 {
		return false
	}
	switch x := e.(type) {
	case *ast.BasicLit:
		return x.Kind == token.INT || x.Kind == token.CHAR
	case *ast.ParenExpr:
		return r.isInt(x.X, depth+1)
	case *ast.UnaryExpr:
		switch x.Op {
		case token.ADD, token.SUB, token.XOR:
			return r.isInt(x.X, depth+1)
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.SHL, token.SHR:
			return r.isInt(x.X, depth+1)
		case token.ADD, token.SUB, token.MUL, token.QUO, token.REM, token.AND, token.OR, token.XOR, token.AND_NOT:
			return r.isInt(x.X, depth+1) || r.isInt(x.Y, depth+1)
		}
	case *ast.CallExpr:
		fn, ok := x.Fun.(*ast.Ident)
		if !ok {
			break
		}
		if fn.Obj == nil && !r.s.decls[fn.Name] {
			switch {
			case fn.Name == "len" || fn.Name == "cap":
				return true
			case integerTypes[fn.Name]:
				return true
			case fn.Name == "min" || fn.Name == "max" || fn.Name == "_wbMin" || fn.Name == "_wbMax":
				for _, a := range x.Args {
					if r.isInt(a, depth+1) {
						return true
					}
				}
				return false
			}
		}
		if fn.Obj == nil {
			if r.s.intFuncs[fn.Name] {
				return true
			}
			break
		}
		if d, ok := fn.Obj.Decl.(*ast.FuncDecl); ok {
			res := d.Type.Results
			return res != nil && len(res.List) == 1 && len(res.List[0].Names) <= 1 && r.isIntType(res.List[0].Type)
		}
	case *ast.Ident:
		if x.Obj == nil {
			if d, ok := r.s.cellNames[x.Name]; ok && d.Obj != nil && d != x {
				return r.isInt(d, depth+1)
			}
			return r.globalIsInt(x.Name)
		}
		switch d := x.Obj.Decl.(type) {
		case *ast.AssignStmt:
			if len(d.Lhs) != len(d.Rhs) {
				return false
			}
			for i, l := range d.Lhs {
				if l == ast.Expr(x) || (isIdent(l, x.Name) && l.(*ast.Ident).Obj == x.Obj) {
					return r.isInt(d.Rhs[i], depth+1)
				}
			}
		case *ast.ValueSpec:
			if d.Type != nil {
				return r.isIntType(d.Type)
			}
			for i, n := range d.Names {
				if n.Obj == x.Obj && i < len(d.Values) {
					return r.isInt(d.Values[i], depth+1)
				}
			}
		case *ast.Field:
			return r.isIntType(d.Type)
		}
	}
	if t := r.typeOf(e, depth+1); t != nil {
		return isIntKind(t.Kind())
	}
	return false
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

func isIntKind(k reflect.Kind) bool {
	return k >= reflect.Int && k <= reflect.Uintptr
}

// maybeInt says whether e could be an integer that isInt did not see:
// anything but a literal or an expression that builds a container.
func (r *rewriter) maybeInt(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.CompositeLit, *ast.BasicLit, *ast.SliceExpr, *ast.FuncLit:
		return false
	case *ast.CallExpr:
		if fn, ok := x.Fun.(*ast.Ident); ok && fn.Obj == nil && (fn.Name == "make" || fn.Name == "append") {
			return false
		}
	}
	return true
}

// globalIsInt says whether a session variable or constant is an integer.
func (r *rewriter) globalIsInt(name string) bool {
	if r.globals == nil {
		r.globals = r.s.globals()
	}
	v, ok := r.globals[name]
	if !ok || !v.IsValid() {
		return false
	}
	if c, ok := v.Interface().(constant.Value); ok {
		return c.Kind() == constant.Int
	}
	return isIntKind(v.Kind())
}

// typeOf returns the type of e when it can be seen without a type
// checker: session variables (their values' types), functions and
// variables of compiled packages, and fields, methods of compiled types,
// calls with one result, indexes and dereferences of those. It returns
// nil otherwise (for names the chunk declares, and for interpreted
// methods, which yaegi's reflect types do not carry).
func (r *rewriter) typeOf(e ast.Expr, depth int) reflect.Type {
	if depth > 8 {
		return nil
	}
	switch x := e.(type) {
	case *ast.ParenExpr:
		return r.typeOf(x.X, depth+1)
	case *ast.Ident:
		if x.Obj == nil {
			if d := r.s.cellNames[x.Name]; d != nil && d != x {
				return r.typeOf(d, depth+1)
			}
		}
		if x.Obj != nil {
			// Declared in the cell: the type of what it was declared from.
			if a, ok := x.Obj.Decl.(*ast.AssignStmt); ok && len(a.Lhs) == len(a.Rhs) {
				for i, l := range a.Lhs {
					if id, ok := l.(*ast.Ident); ok && id.Obj == x.Obj {
						return r.typeOf(a.Rhs[i], depth+1)
					}
				}
			}
			return nil
		}
		if r.globals == nil {
			r.globals = r.s.globals()
		}
		if v, ok := r.globals[x.Name]; ok && v.IsValid() {
			if _, c := v.Interface().(constant.Value); !c {
				return v.Type()
			}
		}
	case *ast.SelectorExpr:
		if id, ok := x.X.(*ast.Ident); ok && id.Obj == nil && r.s.cellNames[id.Name] == nil {
			if p, ok := r.s.imports[id.Name]; ok {
				if v, ok := r.s.syms[p][x.Sel.Name]; ok && v.IsValid() {
					if _, c := v.Interface().(constant.Value); !c {
						return v.Type()
					}
				}
				return nil
			}
		}
		t := r.typeOf(x.X, depth+1)
		if t == nil {
			return nil
		}
		if m, ok := t.MethodByName(x.Sel.Name); ok {
			return m.Type
		}
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() == reflect.Struct {
			if f, ok := t.FieldByName(x.Sel.Name); ok {
				return f.Type
			}
		}
	case *ast.CallExpr:
		t := r.typeOf(x.Fun, depth+1)
		if t != nil && t.Kind() == reflect.Func && t.NumOut() == 1 {
			return t.Out(0)
		}
	case *ast.IndexExpr:
		t := r.typeOf(x.X, depth+1)
		if t == nil {
			return nil
		}
		switch t.Kind() {
		case reflect.Pointer:
			if t.Elem().Kind() == reflect.Array {
				return t.Elem().Elem()
			}
		case reflect.Slice, reflect.Array, reflect.Map:
			return t.Elem()
		case reflect.String:
			return reflect.TypeOf(byte(0))
		}
	case *ast.StarExpr:
		if t := r.typeOf(x.X, depth+1); t != nil && t.Kind() == reflect.Pointer {
			return t.Elem()
		}
	}
	return nil
}

// loopVars gives each iteration of a loop whose body makes closures or
// goroutines its own copy of the loop variables.
func (r *rewriter) loopVars() {
	ast.Inspect(r.root(), func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.RangeStmt:
			if x.Tok != token.DEFINE || !capturing(x.Body) {
				return true
			}
			var copies []ast.Stmt
			for _, e := range []ast.Expr{x.Key, x.Value} {
				if c := r.copyLoopVar(e, x.Body); c != nil {
					copies = append(copies, c)
				}
			}
			x.Body.List = append(copies, x.Body.List...)
		case *ast.ForStmt:
			init, ok := x.Init.(*ast.AssignStmt)
			if !ok || init.Tok != token.DEFINE || !capturing(x.Body) {
				return true
			}
			var copies []ast.Stmt
			for _, e := range init.Lhs {
				if id, ok := e.(*ast.Ident); ok && id.Obj != nil && !assigns(x.Body, id.Obj) {
					if c := r.copyLoopVar(e, x.Body); c != nil {
						copies = append(copies, c)
					}
				}
			}
			x.Body.List = append(copies, x.Body.List...)
		}
		return true
	})
}

// copyLoopVar renames loop variable e in body to a fresh name, and
// returns fresh := e.
func (r *rewriter) copyLoopVar(e ast.Expr, body *ast.BlockStmt) ast.Stmt {
	id, ok := e.(*ast.Ident)
	if !ok || id.Name == "_" || id.Obj == nil {
		return nil
	}
	name := r.s.fresh(id.Name)
	obj := ast.NewObj(ast.Var, name)
	walkIdents(body, func(x *ast.Ident, _ bool) {
		if x.Obj == id.Obj {
			x.Name = name
			x.Obj = obj
		}
	})
	lhs := &ast.Ident{NamePos: body.Lbrace, Name: name, Obj: obj}
	a := &ast.AssignStmt{Lhs: []ast.Expr{lhs}, TokPos: body.Lbrace, Tok: token.DEFINE,
		Rhs: []ast.Expr{&ast.Ident{NamePos: body.Lbrace, Name: id.Name, Obj: id.Obj}}}
	obj.Decl = a
	return a
}

// capturing says whether a loop body has a function literal or a go
// statement, which may keep the loop variable beyond its iteration.
func capturing(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit, *ast.GoStmt:
			found = true
		}
		return !found
	})
	return found
}

// assigns says whether n assigns to, increments or takes the address of
// the variable obj.
func assigns(n ast.Node, obj *ast.Object) bool {
	is := func(e ast.Expr) bool {
		id, ok := e.(*ast.Ident)
		return ok && id.Obj == obj
	}
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.AssignStmt:
			for _, l := range x.Lhs {
				found = found || is(l)
			}
		case *ast.IncDecStmt:
			found = found || is(x.X)
		case *ast.UnaryExpr:
			found = found || (x.Op == token.AND && is(x.X))
		case *ast.RangeStmt:
			found = found || (x.Tok == token.ASSIGN && (is(x.Key) || is(x.Value)))
		}
		return !found
	})
	return found
}

// builtins rewrites min, max, clear and display, unless the session
// declared names of its own for them.
func (r *rewriter) builtins() {
	is := func(e ast.Expr, name string) bool {
		id, ok := e.(*ast.Ident)
		return ok && id.Obj == nil && id.Name == name && !r.s.decls[name]
	}
	// x := min(a, b) at the top level: yaegi cannot type a session
	// variable from a generic call, so the minimum is computed in
	// statements before it.
	if r.c.kind == stmtChunk {
		var out []ast.Stmt
		m := 0
		for _, st := range r.c.body.List {
			if a, ok := st.(*ast.AssignStmt); ok && a.Tok == token.DEFINE {
				out = append(out, r.hoistMinMax(a, is, &m)...)
			}
			out = append(out, st)
		}
		r.c.body.List = out
	}
	// display(a, b) statements: one call per value.
	stmtLists(r.root(), func(list []ast.Stmt) []ast.Stmt {
		var out []ast.Stmt
		changed := false
		for _, s := range list {
			var call *ast.CallExpr
			if es, ok := s.(*ast.ExprStmt); ok {
				call, _ = es.X.(*ast.CallExpr)
			}
			if call == nil || !is(call.Fun, "display") || call.Ellipsis.IsValid() {
				out = append(out, s)
				continue
			}
			changed = true
			for _, a := range call.Args {
				out = append(out, &ast.ExprStmt{X: builtinCall("Display", a.Pos(), a)})
			}
		}
		if !changed {
			return list
		}
		return out
	})
	ast.Inspect(r.root(), func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		switch {
		case is(call.Fun, "min"):
			call.Fun.(*ast.Ident).Name = "_wbMin"
			call.Args = orderMinMaxArgs(call.Args)
		case is(call.Fun, "max"):
			call.Fun.(*ast.Ident).Name = "_wbMax"
			call.Args = orderMinMaxArgs(call.Args)
		case is(call.Fun, "clear"):
			call.Fun = builtinSel("Clear", call.Fun.Pos())
		case is(call.Fun, "display"):
			call.Fun = builtinSel("DisplayAll", call.Fun.Pos())
		}
		return true
	})
}

// hoistMinMax computes the min and max calls of a into temporaries
// _wbM1, _wbM2, ... declared by the statements it returns.
func (r *rewriter) hoistMinMax(a *ast.AssignStmt, is func(ast.Expr, string) bool, m *int) []ast.Stmt {
	var calls []*ast.CallExpr
	for _, e := range a.Rhs {
		ast.Inspect(e, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.CallExpr:
				if (is(x.Fun, "min") || is(x.Fun, "max")) && len(x.Args) > 0 && !x.Ellipsis.IsValid() {
					calls = append(calls, x)
				}
			}
			return true
		})
	}
	var out []ast.Stmt
	for i := len(calls) - 1; i >= 0; i-- { // innermost first
		call := calls[i]
		op := token.LSS
		if call.Fun.(*ast.Ident).Name == "max" {
			op = token.GTR
		}
		pos := call.Pos()
		id := func(name string) *ast.Ident { return &ast.Ident{NamePos: pos, Name: name} }
		*m++
		tmp := "_wbM" + strconv.Itoa(*m)
		args := orderMinMaxArgs(call.Args)
		out = append(out, &ast.AssignStmt{Lhs: []ast.Expr{id(tmp)}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{args[0]}})
		for _, arg := range args[1:] {
			// if _wbV := arg; _wbV != _wbV || _wbV < tmp { tmp = _wbV }, or
			// with the constant itself in place of _wbV.
			v := func() ast.Expr { return id("_wbV") }
			var init ast.Stmt
			if ok, _ := isConstLit(arg); ok {
				v = func() ast.Expr { return cloneExpr(arg) }
			} else {
				init = &ast.AssignStmt{Lhs: []ast.Expr{id("_wbV")}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{arg}}
			}
			out = append(out, &ast.IfStmt{
				If:   pos,
				Init: init,
				Cond: &ast.BinaryExpr{
					X:  &ast.BinaryExpr{X: v(), OpPos: pos, Op: token.NEQ, Y: v()},
					Op: token.LOR, OpPos: pos,
					Y: &ast.BinaryExpr{X: v(), OpPos: pos, Op: op, Y: id(tmp)},
				},
				Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{
					&ast.AssignStmt{Lhs: []ast.Expr{id(tmp)}, TokPos: pos, Tok: token.ASSIGN, Rhs: []ast.Expr{v()}},
				}, Rbrace: pos},
			})
		}
		replaceExpr(a, call, id(tmp))
	}
	return out
}

var (
	exprType      = reflect.TypeOf((*ast.Expr)(nil)).Elem()
	exprSliceType = reflect.TypeOf([]ast.Expr(nil))
)

// replaceExpr replaces the expression old by new wherever it is a child
// of a node in n.
func replaceExpr(n ast.Node, old, new ast.Expr) {
	ast.Inspect(n, func(x ast.Node) bool {
		v := reflect.ValueOf(x)
		if x == nil || v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
			return x != nil
		}
		v = v.Elem()
		for i := 0; i < v.NumField(); i++ {
			f := v.Field(i)
			switch f.Type() {
			case exprType:
				if !f.IsNil() && f.Interface() == ast.Expr(old) {
					f.Set(reflect.ValueOf(new))
				}
			case exprSliceType:
				for j := 0; j < f.Len(); j++ {
					if f.Index(j).Interface() == ast.Expr(old) {
						f.Index(j).Set(reflect.ValueOf(new))
					}
				}
			}
		}
		return true
	})
}

// builtinSel is _wb.name.
func builtinSel(name string, pos token.Pos) ast.Expr {
	return &ast.SelectorExpr{X: &ast.Ident{NamePos: pos, Name: "_wb"}, Sel: &ast.Ident{NamePos: pos, Name: name}}
}

// builtinCall is _wb.name(args...).
func builtinCall(name string, pos token.Pos, args ...ast.Expr) *ast.CallExpr {
	return &ast.CallExpr{Fun: builtinSel(name, pos), Lparen: pos, Args: args, Rparen: pos}
}

// isConstLit says whether e is made of literals only.
func isConstLit(e ast.Expr) (ok, float bool) {
	ok = true
	ast.Inspect(e, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.BasicLit:
			float = float || x.Kind == token.FLOAT
		case *ast.ParenExpr, *ast.UnaryExpr, *ast.BinaryExpr, nil:
		default:
			ok = false
		}
		return ok
	})
	return ok, float
}

// orderMinMaxArgs puts typed arguments first, and makes all-constant
// integer and float mixes float64.
func orderMinMaxArgs(args []ast.Expr) []ast.Expr {
	var typed, consts []ast.Expr
	anyFloat := false
	for _, a := range args {
		if ok, f := isConstLit(a); ok {
			consts = append(consts, a)
			anyFloat = anyFloat || f
		} else {
			typed = append(typed, a)
		}
	}
	if len(typed) == 0 && anyFloat {
		for i, a := range consts {
			consts[i] = &ast.CallExpr{Fun: &ast.Ident{NamePos: a.Pos(), Name: "float64"}, Lparen: a.Pos(), Args: []ast.Expr{a}, Rparen: a.End()}
		}
	}
	return append(typed, consts...)
}

// exprString prints an expression as Go.
func exprString(e ast.Expr) string {
	var buf bytes.Buffer
	printer.Fprint(&buf, token.NewFileSet(), e)
	return buf.String()
}

// Redefining types.

// source is the text of a declaration and where it was in its cell.
type source struct {
	text      string
	file      string
	line, col int
}

// typeDef is a type a cell declared, kept to declare it again.
type typeDef struct {
	internal string            // the name yaegi knows it by
	spec     source            // the type spec, without "type"
	methods  map[string]source // its methods, whole
}

// typeChanges is what a declaration chunk does to the session's types,
// applied once it compiles.
type typeChanges struct {
	specs     map[string]source            // types the chunk declares
	methods   map[string]map[string]source // methods it declares, by type
	internal  map[string]string            // the internal name of each type it touches
	refreshed map[string]bool              // types given a new internal name
}

// sourceOf returns the text and place of a node of the chunk.
func (r *rewriter) sourceOf(n ast.Node) source {
	p := r.s.it.FileSet().Position(n.Pos())
	return source{text: r.c.textOf(n), file: p.Filename, line: p.Line, col: p.Column}
}

// recvTypeName returns the name of a method's receiver type.
func recvTypeName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return ""
	}
	t := fd.Recv.List[0].Type
	if st, ok := t.(*ast.StarExpr); ok {
		t = st.X
	}
	switch x := t.(type) {
	case *ast.IndexExpr:
		t = x.X
	case *ast.IndexListExpr:
		t = x.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// redefineTypes gives a type that a declaration chunk redefines (its spec
// or one of its methods differs from before) a fresh internal name, with
// its spec and its other methods declared again, and points the chunk's
// mentions of its types at their internal names.
func (r *rewriter) redefineTypes() *typeChanges {
	if r.c.kind != declChunk {
		return nil
	}
	ch := &typeChanges{
		specs:     map[string]source{},
		methods:   map[string]map[string]source{},
		internal:  map[string]string{},
		refreshed: map[string]bool{},
	}
	for _, d := range r.c.file.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			if d.Tok != token.TYPE {
				continue
			}
			for _, sp := range d.Specs {
				ts := sp.(*ast.TypeSpec)
				ch.specs[ts.Name.Name] = r.sourceOf(ts)
			}
		case *ast.FuncDecl:
			if t := recvTypeName(d); t != "" {
				if ch.methods[t] == nil {
					ch.methods[t] = map[string]source{}
				}
				ch.methods[t][d.Name.Name] = r.sourceOf(d)
			}
		}
	}
	if len(ch.specs) == 0 && len(ch.methods) == 0 {
		return ch
	}
	changed := func(t string) bool {
		old := r.s.types[t]
		if old == nil {
			return false
		}
		if sp, ok := ch.specs[t]; ok && sp.text != old.spec.text {
			return true
		}
		for m, src := range ch.methods[t] {
			if o, ok := old.methods[m]; ok && o.text != src.text {
				return true
			}
		}
		return false
	}
	touched := map[string]bool{}
	for t := range ch.specs {
		touched[t] = true
	}
	for t := range ch.methods {
		if changed(t) {
			touched[t] = true
		}
	}
	for t := range touched {
		old := r.s.types[t]
		switch {
		case changed(t):
			ch.internal[t] = r.s.fresh(t)
			ch.refreshed[t] = true
			if _, ok := ch.specs[t]; !ok {
				if d := r.reparse("type ", old.spec); d != nil {
					r.c.file.Decls = append([]ast.Decl{d}, r.c.file.Decls...)
				}
			}
			for m, src := range old.methods {
				if _, ok := ch.methods[t][m]; ok {
					continue
				}
				if d := r.reparse("", src); d != nil {
					r.c.file.Decls = append(r.c.file.Decls, d)
				}
			}
		case old != nil:
			ch.internal[t] = old.internal
		default:
			ch.internal[t] = t
		}
	}
	walkIdents(r.c.file, func(id *ast.Ident, key bool) {
		if key && id.Obj == nil {
			return
		}
		if to, ok := ch.internal[id.Name]; ok && to != id.Name && (id.Obj == nil || id.Obj.Kind == ast.Typ) {
			id.Name = to
		}
	})
	return ch
}

// reparse parses a kept declaration again, at its place in its cell.
func (r *rewriter) reparse(prefix string, src source) ast.Decl {
	text := "package main\n" + prefix + lineDirective(src.file, src.line, src.col) + src.text + "\n"
	f, err := parser.ParseFile(r.s.it.FileSet(), parseName, text, 0)
	if err != nil || len(f.Decls) != 1 {
		return nil
	}
	return f.Decls[0]
}

// commitTypes records what a compiled chunk did to the session's types.
func (r *rewriter) commitTypes(ch *typeChanges) {
	if ch == nil {
		return
	}
	s := r.s
	for t, internal := range ch.internal {
		td := s.types[t]
		if td == nil || ch.refreshed[t] {
			nt := &typeDef{internal: internal, methods: map[string]source{}}
			if td != nil {
				nt.spec = td.spec
				for m, src := range td.methods {
					nt.methods[m] = src
				}
			}
			td = nt
			s.types[t] = td
		}
		if sp, ok := ch.specs[t]; ok {
			td.spec = sp
		}
		s.decls[t] = true
		if internal != t {
			s.renames[t] = internal
		} else {
			delete(s.renames, t)
		}
	}
	for t, ms := range ch.methods {
		if td := s.types[t]; td != nil {
			for m, src := range ms {
				td.methods[m] = src
			}
		}
	}
}

// cloneExpr returns a deep copy of an expression: yaegi must not see one
// syntax node in two places.
func cloneExpr(e ast.Expr) ast.Expr {
	return cloneValue(reflect.ValueOf(e)).Interface().(ast.Expr)
}

var objectType = reflect.TypeOf((*ast.Object)(nil))

func cloneValue(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		c := cloneValue(v.Elem())
		out := reflect.New(v.Type()).Elem()
		out.Set(c)
		return out
	case reflect.Pointer:
		if v.IsNil() || v.Type() == objectType || v.Elem().Kind() != reflect.Struct {
			return v
		}
		c := reflect.New(v.Type().Elem())
		c.Elem().Set(v.Elem())
		for i := 0; i < c.Elem().NumField(); i++ {
			f := c.Elem().Field(i)
			if f.CanSet() {
				f.Set(cloneValue(f))
			}
		}
		return c
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			c.Index(i).Set(cloneValue(v.Index(i)))
		}
		return c
	}
	return v
}
