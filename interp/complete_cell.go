package interp

// Reading the cell being edited, for completion and inspection: where the
// cursor is (in a name, after a dot, in a comment or a string), the
// expression before a dot, and the names the cell declares before the
// cursor. The cell may be incomplete: it is read with go/scanner, closed
// where it is open, and parsed chunk by chunk with go/parser, keeping
// whatever parses.

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/scanner"
	"go/token"
	"path"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	yaegi "github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"

	"workbench/interp/symbols"
)

// nameInfo is what is known of a name a cell declares, from its source:
// the session's top-level names (Session.info) and the names the cell
// being edited declares before the cursor.
type nameInfo struct {
	name string
	// kind is "var", "const", "func", "type" or "package" (an import).
	kind string
	// path is an import's path.
	path string
	// sig is the declaration (functions, types, constants, variables
	// with a type): "func f(n int) int".
	sig string
	// doc is the doc comment.
	doc string

	// How a variable's type may be found: its declared type; or its
	// value, result index of value when multi (x, err := f()); or the
	// expression it ranges over (rangeKey: the key, else the value).
	typeExpr, value, rangeOf ast.Expr
	index                    int
	multi, rangeKey          bool

	// results are a function's result types.
	results []ast.Expr
	// members are a struct type's fields.
	members map[string]*memberInfo
	// typeName is a variable's type as its declaration names it ("P",
	// "*P"): yaegi's reflect types of interpreted types have no name.
	typeName string
}

// memberInfo is a field or method of a type a cell declares.
type memberInfo struct {
	kind     string // "field" or "method"
	sig, doc string
	typeExpr ast.Expr   // a field's type
	results  []ast.Expr // a method's result types
	embedded bool       // an embedded field
}

// cellScope holds the names a piece of a cell declares, at any depth.
type cellScope struct {
	names   map[string]*nameInfo
	methods map[string]map[string]*memberInfo // by receiver type name
}

// declReader records the declarations of parsed source.
type declReader struct {
	fset   *token.FileSet
	names  map[string]*nameInfo
	method func(typ string, name string, m *memberInfo)
}

// nodeString prints a node without its comments.
func nodeString(fset *token.FileSet, n any) string {
	var b bytes.Buffer
	if err := (&printer.Config{Mode: printer.UseSpaces, Tabwidth: 4}).Fprint(&b, fset, n); err != nil {
		return ""
	}
	return b.String()
}

func (d *declReader) add(n *nameInfo) {
	if n.name == "_" || n.name == "" {
		return
	}
	d.names[n.name] = n
}

// funcDecl records a function, or a method of its receiver's type.
func (d *declReader) funcDecl(fd *ast.FuncDecl) {
	c := *fd
	c.Body, c.Doc = nil, nil
	sig := nodeString(d.fset, &c)
	results := resultTypes(fd.Type)
	if fd.Recv != nil {
		if typ := recvName(fd); typ != "" && d.method != nil {
			d.method(typ, fd.Name.Name, &memberInfo{kind: "method", sig: sig, doc: fd.Doc.Text(), results: results})
		}
		return
	}
	d.add(&nameInfo{name: fd.Name.Name, kind: "func", sig: sig, doc: fd.Doc.Text(), results: results})
}

// recvName is the name of a method's receiver type.
func recvName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return ""
	}
	t := fd.Recv.List[0].Type
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
		case *ast.ParenExpr:
			t = x.X
		case *ast.IndexExpr:
			t = x.X
		case *ast.IndexListExpr:
			t = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// resultTypes lists a function's result types, one per result.
func resultTypes(ft *ast.FuncType) []ast.Expr {
	if ft == nil || ft.Results == nil {
		return nil
	}
	var out []ast.Expr
	for _, f := range ft.Results.List {
		n := max(len(f.Names), 1)
		for range n {
			out = append(out, f.Type)
		}
	}
	if out == nil {
		out = []ast.Expr{}
	}
	return out
}

// params records a function's receiver, parameters and named results
// as variables.
func (d *declReader) params(recv *ast.FieldList, ft *ast.FuncType) {
	for _, fl := range []*ast.FieldList{recv, ft.Params, ft.Results} {
		if fl == nil {
			continue
		}
		for _, f := range fl.List {
			t := f.Type
			if el, ok := t.(*ast.Ellipsis); ok {
				t = &ast.ArrayType{Elt: el.Elt}
			}
			for _, n := range f.Names {
				d.add(&nameInfo{name: n.Name, kind: "var", typeExpr: t})
			}
		}
	}
}

// genDecl records imports, constants, variables and types.
func (d *declReader) genDecl(g *ast.GenDecl) {
	var implicit ast.Expr // the type of constants that repeat the one above
	var implicitValues []ast.Expr
	for _, sp := range g.Specs {
		switch sp := sp.(type) {
		case *ast.ImportSpec:
			p, err := strconv.Unquote(sp.Path.Value)
			if err != nil {
				continue
			}
			name := packageName(p)
			if sp.Name != nil {
				name = sp.Name.Name
			}
			if name != "_" && name != "." {
				d.add(&nameInfo{name: name, kind: "package", path: p, sig: importSig(name, p)})
			}
		case *ast.ValueSpec:
			kind := "var"
			if g.Tok == token.CONST {
				kind = "const"
				if sp.Type != nil || len(sp.Values) > 0 {
					implicit, implicitValues = sp.Type, sp.Values
				}
			}
			docText := sp.Doc.Text()
			if docText == "" {
				docText = g.Doc.Text()
			}
			for i, n := range sp.Names {
				ni := &nameInfo{name: n.Name, kind: kind, doc: docText, typeExpr: sp.Type}
				values := sp.Values
				if kind == "const" && sp.Type == nil && len(sp.Values) == 0 {
					ni.typeExpr, values = implicit, implicitValues
				}
				switch {
				case len(values) == len(sp.Names):
					ni.value = values[i]
				case len(values) == 1 && len(sp.Names) > 1:
					ni.value, ni.index, ni.multi = values[0], i, true
				}
				sig := kind + " " + n.Name
				if ni.typeExpr != nil {
					sig += " " + nodeString(d.fset, ni.typeExpr)
				}
				if ni.value != nil && !ni.multi && kind == "const" {
					sig += " = " + cutValue(nodeString(d.fset, ni.value))
				}
				ni.sig = sig
				ni.typeName = typeNameOf(d.fset, ni)
				d.add(ni)
			}
		case *ast.TypeSpec:
			c := *sp
			c.Doc, c.Comment = nil, nil
			docText := sp.Doc.Text()
			if docText == "" {
				docText = g.Doc.Text()
			}
			ni := &nameInfo{name: sp.Name.Name, kind: "type", doc: docText,
				sig: "type " + nodeString(d.fset, &c)}
			if st, ok := sp.Type.(*ast.StructType); ok && st.Fields != nil {
				ni.members = map[string]*memberInfo{}
				for _, f := range st.Fields.List {
					fdoc := f.Doc.Text()
					if fdoc == "" {
						fdoc = f.Comment.Text()
					}
					names := f.Names
					embedded := len(names) == 0
					if embedded {
						if id := embeddedName(f.Type); id != "" {
							names = []*ast.Ident{{Name: id}}
						}
					}
					for _, n := range names {
						ni.members[n.Name] = &memberInfo{kind: "field", sig: n.Name + " " + nodeString(d.fset, f.Type), doc: fdoc, typeExpr: f.Type, embedded: embedded}
					}
				}
			}
			d.add(ni)
		}
	}
}

// embeddedName is the field name of an embedded type.
func embeddedName(t ast.Expr) string {
	switch x := t.(type) {
	case *ast.StarExpr:
		return embeddedName(x.X)
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return x.Sel.Name
	}
	return ""
}

// typeNameOf is a variable's type as its declaration names it: var p P,
// p := P{...}, p := &P{...}.
func typeNameOf(fset *token.FileSet, ni *nameInfo) string {
	if ni.typeExpr != nil {
		return nodeString(fset, ni.typeExpr)
	}
	if ni.value == nil || ni.multi {
		return ""
	}
	x := ast.Unparen(ni.value)
	ptr := ""
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
		x, ptr = ast.Unparen(u.X), "*"
	}
	if cl, ok := x.(*ast.CompositeLit); ok && cl.Type != nil {
		return ptr + nodeString(fset, cl.Type)
	}
	return ""
}

// assign records the variables of a := statement.
func (d *declReader) assign(a *ast.AssignStmt) {
	if a.Tok != token.DEFINE {
		return
	}
	for i, l := range a.Lhs {
		id, ok := l.(*ast.Ident)
		if !ok {
			continue
		}
		ni := &nameInfo{name: id.Name, kind: "var"}
		switch {
		case len(a.Rhs) == len(a.Lhs):
			ni.value = a.Rhs[i]
		case len(a.Rhs) == 1:
			ni.value, ni.index, ni.multi = a.Rhs[0], i, true
		}
		ni.typeName = typeNameOf(d.fset, ni)
		d.add(ni)
	}
}

// rangeStmt records the key and value of a range loop.
func (d *declReader) rangeStmt(r *ast.RangeStmt) {
	if r.Tok != token.DEFINE {
		return
	}
	if id, ok := r.Key.(*ast.Ident); ok {
		d.add(&nameInfo{name: id.Name, kind: "var", rangeOf: r.X, rangeKey: true})
	}
	if id, ok := r.Value.(*ast.Ident); ok {
		d.add(&nameInfo{name: id.Name, kind: "var", rangeOf: r.X})
	}
}

// topLevel records the top-level declarations of a chunk.
func (d *declReader) topLevel(f *ast.File, stmts bool) {
	for _, decl := range f.Decls {
		switch decl := decl.(type) {
		case *ast.FuncDecl:
			if stmts {
				if decl.Body != nil {
					for _, st := range decl.Body.List {
						switch st := st.(type) {
						case *ast.AssignStmt:
							d.assign(st)
						case *ast.DeclStmt:
							if g, ok := st.Decl.(*ast.GenDecl); ok {
								d.genDecl(g)
							}
						}
					}
				}
				continue
			}
			d.funcDecl(decl)
		case *ast.GenDecl:
			d.genDecl(decl)
		}
	}
}

// everywhere records the declarations of a chunk at any depth, in
// source order: later ones replace earlier ones of the same name.
func (d *declReader) everywhere(f *ast.File, stmts bool) {
	ast.Inspect(f, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncDecl:
			if stmts && x.Name.Name == "main" && x.Recv == nil {
				return true // the wrapper
			}
			d.funcDecl(x)
			d.params(x.Recv, x.Type)
		case *ast.FuncLit:
			d.params(nil, x.Type)
		case *ast.GenDecl:
			d.genDecl(x)
		case *ast.AssignStmt:
			d.assign(x)
		case *ast.RangeStmt:
			d.rangeStmt(x)
		}
		return true
	})
}

// scanned is one token of a cell.
type scanned struct {
	off int
	tok token.Token
	lit string
}

// scanCell returns the tokens of src, comments and the semicolons that
// Go inserts at line ends included, and whether the scanner found an
// error.
func scanCell(src string) (toks []scanned, errs int) {
	fset := token.NewFileSet()
	tf := fset.AddFile("", -1, len(src))
	var sc scanner.Scanner
	sc.Init(tf, []byte(src), func(token.Position, string) { errs++ }, scanner.ScanComments)
	for {
		pos, tok, lit := sc.Scan()
		if tok == token.EOF {
			return toks, errs
		}
		toks = append(toks, scanned{off: tf.Offset(pos), tok: tok, lit: lit})
	}
}

// tokenEnd returns the offset just after a token.
func tokenEnd(t scanned) int {
	switch {
	case t.tok == token.SEMICOLON && t.lit == "\n":
		return t.off
	case t.lit != "":
		return t.off + len(t.lit)
	}
	return t.off + len(t.tok.String())
}

// inLiteral says whether offset off of src is inside a comment, a string
// or a character literal (still being typed, when unterminated).
func inLiteral(src string, off int) bool {
	toks, _ := scanCell(src[:off])
	for _, t := range toks {
		switch t.tok {
		case token.COMMENT, token.STRING, token.CHAR:
		default:
			continue
		}
		end := tokenEnd(t)
		if off < end {
			return true
		}
		if off == end && !literalClosed(t) {
			return true
		}
	}
	return false
}

// literalClosed says whether a comment or literal token is terminated
// (a line comment never is while the line goes on).
func literalClosed(t scanned) bool {
	l := t.lit
	switch t.tok {
	case token.COMMENT:
		return strings.HasPrefix(l, "/*") && len(l) >= 4 && strings.HasSuffix(l, "*/")
	case token.STRING:
		if len(l) < 2 {
			return false
		}
		q := l[0]
		if q == '`' {
			return l[len(l)-1] == '`'
		}
		return l[len(l)-1] == '"' && !escapedEnd(l)
	case token.CHAR:
		return len(l) >= 3 && l[len(l)-1] == '\'' && !escapedEnd(l)
	}
	return true
}

// escapedEnd says whether the last quote of an interpreted literal is
// escaped by an odd number of backslashes.
func escapedEnd(l string) bool {
	n := 0
	for i := len(l) - 2; i > 0 && l[i] == '\\'; i-- {
		n++
	}
	return n%2 == 1
}

// isIdentRune says whether r may be part of an identifier.
func isIdentRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// wordAt returns the identifier around offset off: start is where it
// begins (at or before off), end where it ends (at or after off).
func wordAt(src string, off int) (start, end int) {
	start, end = off, off
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(src[:start])
		if !isIdentRune(r) {
			break
		}
		start -= n
	}
	for end < len(src) {
		r, n := utf8.DecodeRuneInString(src[end:])
		if !isIdentRune(r) {
			break
		}
		end += n
	}
	return start, end
}

// startsWithDigit says whether a word is a number, not a name.
func startsWithDigit(w string) bool {
	return w != "" && w[0] >= '0' && w[0] <= '9'
}

// operandBefore returns the expression that ends at offset end of src
// (just before a dot, or an opening parenthesis): a name, a selector
// chain, calls and indexes of those, a composite literal. It returns nil
// when there is none.
func operandBefore(src string, end int) ast.Expr {
	toks, _ := scanCell(src[:end])
	// Drop comments and the semicolons Go would insert at line ends.
	var ts []scanned
	for _, t := range toks {
		if t.tok == token.COMMENT || (t.tok == token.SEMICOLON && t.lit == "\n") {
			continue
		}
		ts = append(ts, t)
	}
	i := len(ts) - 1
	start := -1
loop:
	for i >= 0 {
		t := ts[i]
		switch t.tok {
		case token.IDENT:
			start = t.off
			if i > 0 && ts[i-1].tok == token.PERIOD {
				i -= 2
				continue
			}
			break loop
		case token.RPAREN, token.RBRACK, token.RBRACE:
			j := matchOpen(ts, i)
			if j < 0 {
				return nil
			}
			start = ts[j].off
			i = j - 1
			if i < 0 {
				break loop
			}
			switch ts[i].tok {
			case token.IDENT, token.RPAREN, token.RBRACK, token.RBRACE:
				if ts[j].tok == token.LBRACE && ts[i].tok != token.IDENT && ts[i].tok != token.RBRACK {
					break loop
				}
				continue
			}
			break loop
		case token.STRING, token.CHAR, token.INT, token.FLOAT, token.IMAG:
			start = t.off
			break loop
		default:
			if start < 0 {
				return nil
			}
			break loop
		}
	}
	if start < 0 {
		return nil
	}
	x, err := parser.ParseExpr(src[start:end])
	if err != nil {
		return nil
	}
	return x
}

// matchOpen returns the index of the bracket that the closing bracket at
// index i closes, or -1.
func matchOpen(ts []scanned, i int) int {
	depth := 0
	for j := i; j >= 0; j-- {
		switch ts[j].tok {
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth++
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// openCall returns the offset of the innermost parenthesis that is open
// at the end of src, or -1.
func openCall(src string) int {
	toks, _ := scanCell(src)
	var stack []scanned
	for _, t := range toks {
		switch t.tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			stack = append(stack, t)
		case token.RPAREN, token.RBRACK, token.RBRACE:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i].tok == token.LPAREN {
			return stack[i].off
		}
		if stack[i].tok == token.LBRACE {
			return -1
		}
	}
	return -1
}

// closers returns what closes the brackets open at the end of src.
func closers(src string) string {
	toks, _ := scanCell(src)
	var stack []token.Token
	for _, t := range toks {
		switch t.tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			stack = append(stack, t.tok)
		case token.RPAREN, token.RBRACK, token.RBRACE:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	var b strings.Builder
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i] {
		case token.LPAREN:
			b.WriteString(")")
		case token.LBRACK:
			b.WriteString("]")
		case token.LBRACE:
			b.WriteString("\n}")
		}
	}
	return b.String()
}

// parseScope reads the names that src (a cell up to the cursor, maybe
// incomplete) declares, at any depth.
func parseScope(src string) *cellScope {
	sc := &cellScope{names: map[string]*nameInfo{}, methods: map[string]map[string]*memberInfo{}}
	if strings.TrimSpace(src) == "" {
		return sc
	}
	// A placeholder name where an operand may be missing, then what
	// closes the open brackets.
	text := src + " _" + closers(src)
	fset := token.NewFileSet()
	d := &declReader{fset: fset, names: sc.names, method: func(typ, name string, m *memberInfo) {
		if sc.methods[typ] == nil {
			sc.methods[typ] = map[string]*memberInfo{}
		}
		sc.methods[typ][name] = m
	}}
	for _, c := range splitCell(text) {
		var wrapped string
		if c.kind == declChunk {
			wrapped = "package main\n" + withDocComment(text, c.text, c.line, c.col) + "\n"
		} else {
			wrapped = "package main; func main() {\n" + c.text + "\n}\n"
		}
		f, _ := parser.ParseFile(fset, "", wrapped, parser.ParseComments|parser.SkipObjectResolution)
		if f == nil {
			continue
		}
		d.everywhere(f, c.kind == stmtChunk)
	}
	return sc
}

// packageNames maps the import paths of bound packages to their names
// ("math/rand/v2" to "rand").
var packageNames = func() map[string]string {
	m := map[string]string{}
	for _, table := range []yaegi.Exports{stdlib.Symbols, symbols.Symbols} {
		for k := range table {
			if k != "." {
				m[path.Dir(k)] = path.Base(k)
			}
		}
	}
	return m
}()

// packageName returns the name of the package with import path p.
func packageName(p string) string {
	if n, ok := packageNames[p]; ok {
		return n
	}
	return path.Base(p)
}

// importSig is the declaration a package name stands for.
func importSig(name, p string) string {
	if packageName(p) == name {
		return "import " + strconv.Quote(p)
	}
	return "import " + name + " " + strconv.Quote(p)
}

// keywords are Go's keywords.
var keywords = strings.Fields(`break case chan const continue default defer else fallthrough
	for func go goto if import interface map package range return select struct switch type var`)
