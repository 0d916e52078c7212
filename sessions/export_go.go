package sessions

// The Go export: a notebook's code cells as one plain Go program.
//
// A cell mixes declarations and statements at its top level, as a REPL
// does. Like the kernel's engine, the export cuts each cell with
// go/scanner into its top-level declarations and statements and parses
// each with go/parser. Declarations (func, type, const, import) go to the
// package level; statements, var declarations included, go into main in
// order. Names are followed with go/parser's object resolution: every
// top-level definition of a name is a version of it, each use means the
// version in force at that point of the notebook, and all versions but
// the last are renamed (f_cell3: the f of cell 3), so that redefinitions
// keep the notebook's meaning. A function that uses a variable of main
// becomes a closure in main (var f func(...); f = func(...) {...}). The
// program is then parsed again as a whole to add `_ = x` for variables
// that are never used and to import exactly the packages it names, and
// formatted with go/format.

import (
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/scanner"
	"go/token"
	"io"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"workbench/sessions/cellsplit"
)

// ExportGo writes the notebook's code as a plain Go program (package
// main) that builds with go build inside the Workbench module and does
// what a run of the notebook did:
//
//   - Each code cell is cut into its top-level declarations and
//     statements. Functions, methods, types and constants become
//     package-level declarations; statements, := and var declarations go
//     into main, in the order of the cells. Markdown and raw cells become
//     comments in main, and each cell is introduced by a "// Cell N"
//     comment.
//   - Imports of all cells are gathered at the top, and the packages a
//     cell may use without importing them (arrays, plotting, devices, fmt,
//     math) are imported when the program names them; imports that nothing
//     names are left out.
//   - rng is a package-level random.New(seed), seeded with opts.Seed or
//     else the notebook's recorded seed (0, with a note, when it has
//     none).
//   - The last expression of a cell is shown as the notebook showed it,
//     with display(x): when the cell ran and has a result output, or, for
//     a cell that has not run, when the expression surely has one value.
//     display prints values with fmt.Println (arrays as NumPy's repr) and
//     writes figures (values with a PNG method) to cellN_K.png, printing
//     the file's name. progress(i, n) prints to standard error.
//   - A name defined again in a later cell (a function, variable, type or
//     constant) keeps its name for its last definition; the earlier ones
//     are renamed f_cellN (N the notebook cell that defined it), with their
//     uses in the cells between. A function that uses a variable of main
//     becomes a closure in main. A type defined again is given the methods
//     of the old one that the new cell does not define, as the kernel
//     does; a method defined again replaces the earlier definition in the
//     whole program (Go allows one), with a note.
//   - A variable that is never used gets `_ = x`, since Go refuses unused
//     variables and the notebook did not.
//   - A cell that failed to compile in the notebook (a CompileError
//     output), or that does not parse, is left out as a comment with a
//     note; other failures are kept (the program fails there too).
//
// Limits: a method or a generic function that uses a variable of main
// cannot become a closure and is left with a note (the program does not
// compile); functions see the definitions in force where they were
// defined; a deferred call at the top of a cell runs when main ends; a
// notebook in another language than Go is refused.
func ExportGo(w io.Writer, nb *Notebook, opts ExportOptions) error {
	if lang := nb.Language(); lang != "" && lang != Language && lang != "golang" {
		return fmt.Errorf("sessions: cannot export a notebook in %s as a Go program", lang)
	}
	g := &goExport{nb: nb, opts: opts}
	src, err := g.program()
	if err != nil {
		return err
	}
	_, err = w.Write(src)
	return err
}

// autoImportPaths are the packages the exported program imports when it
// names them: the kernel's automatic imports and random, for rng.
var autoImportPaths = map[string]string{
	"arrays":   "workbench/arrays",
	"plotting": "workbench/plotting",
	"devices":  "workbench/devices",
	"fmt":      "fmt",
	"math":     "math",
	"random":   "workbench/arrays/random",
	"os":       "os",
}

// reservedNames are names the program needs for itself: a notebook's
// definitions of them are all renamed.
var reservedNames = map[string]bool{"main": true, "init": true, "display": true, "progress": true}

// goUnit is one top-level declaration or statement of a cell.
type goUnit struct {
	decl bool
	lead string // the comments and space before the unit
	text string // the unit's source
	tf   *token.File
	base int // where text starts in the parsed source
	file *ast.File
	// stmts are a statement unit's statements (one, normally).
	stmts []ast.Stmt
	// topObjs are the objects a statement unit declares at the top level.
	topObjs map[*ast.Object]bool
}

// off is the offset of p in the unit's text.
func (u *goUnit) off(p token.Pos) int { return u.tf.Offset(p) - u.base }

// goCell is a code cell cut into units.
type goCell struct {
	index    int // in Notebook.Cells
	cell     *Cell
	units    []*goUnit
	trailing string // comments after the last unit
	// skip says why the cell is left out; "" when it is exported.
	skip string
}

// goPart is a declaration at the package level.
type goPart struct {
	head    string // "// From cell N:" before the first of a cell
	note    string // NOTE comments
	text    string // the declaration, with the comments before it
	dropped bool   // replaced by a later definition
	// typeRefs are where a method's receiver type is named in text, so
	// that a copy can be made for a redefined type.
	typeRefs [][2]int
	recv     string // a method's receiver type (its version name)
	method   string
	cellNo   int
}

// goRef is an identifier of a unit that names a version.
type goRef struct {
	start, end int
	version    string
}

// goEdit replaces text[start:end] with repl.
type goEdit struct {
	start, end int
	repl       string
}

type goExport struct {
	nb   *Notebook
	opts ExportOptions

	cells []*goCell
	taken map[string]bool // every identifier of the notebook, and the names made

	queue     map[string][]string // each name's versions, in order of definition
	cur       map[string]string   // name to its version in force
	mainLevel map[string]bool     // versions declared in main (variables, closures)
	results   map[string]int      // function versions to their number of results
	used      map[string]bool     // versions referenced
	free      map[string]bool     // free names that are no definition of the notebook

	imports  []goImport
	pkgParts []*goPart
	main     []string
	methods  map[string]map[string]int // receiver version, method: index in pkgParts
	rngName  string
	helpers  map[string]string // helper to its name in the program
	notes    []string          // notes for the top of the program
	lastCell int               // the cell whose package-level parts are being written
	cellFree map[string]bool   // the free names of the cell being exported
}

type goImport struct{ name, path string }

// program returns the formatted program.
func (g *goExport) program() ([]byte, error) {
	g.taken = map[string]bool{}
	for i, c := range g.nb.Cells {
		if c.Type != CodeCell {
			continue
		}
		gc := &goCell{index: i, cell: c}
		if why := compileFailure(c); why != "" {
			gc.skip = why
		} else if err := gc.parse(); err != nil {
			gc.skip = "it does not parse: " + err.Error()
		}
		for _, u := range gc.units {
			ast.Inspect(u.file, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok {
					g.taken[id.Name] = true
				}
				return true
			})
		}
		g.cells = append(g.cells, gc)
	}
	g.helpers = map[string]string{}
	for _, h := range []string{"beginCell", "exportCell", "exportShown"} {
		g.helpers[h] = g.unique(h)
	}
	g.versions()
	g.cur = map[string]string{"rng": g.pop("rng")}
	g.rngName = g.cur["rng"]
	g.mainLevel = map[string]bool{}
	g.results = map[string]int{}
	g.used = map[string]bool{}
	g.free = map[string]bool{}
	g.methods = map[string]map[string]int{}

	ci := 0
	for i, c := range g.nb.Cells {
		switch c.Type {
		case MarkdownCell, RawCell:
			if strings.TrimSpace(c.Source) != "" {
				g.main = append(g.main, fmt.Sprintf("\n// Cell %d (%s):\n//\n%s\n", i+1, c.Type, commentLines(c.Source)))
			}
		case CodeCell:
			g.cell(g.cells[ci])
			ci++
		}
	}
	src := g.assemble()
	return g.finish(src)
}

// compileFailure says why a cell that failed to compile in the notebook
// is left out, or "".
func compileFailure(c *Cell) string {
	for _, o := range c.Outputs {
		if o.Type == OutputError && (o.EName == "CompileError" || o.EName == "SyntaxError") {
			return "it failed to compile in the notebook (" + firstLine(o.EValue) + ")"
		}
	}
	return ""
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// commentLines turns text into // comment lines.
func commentLines(s string) string {
	s = strings.TrimRight(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		l = strings.TrimRight(l, " \t")
		if l == "" {
			lines[i] = "//"
		} else {
			lines[i] = "// " + l
		}
	}
	return strings.Join(lines, "\n")
}

// unique returns name, or name with a suffix, that no identifier of the
// notebook has, and takes it.
func (g *goExport) unique(name string) string {
	n := name
	for k := 2; g.taken[n]; k++ {
		n = name + "_" + strconv.Itoa(k)
	}
	g.taken[n] = true
	return n
}

// parse cuts the cell into units and parses each.
func (gc *goCell) parse() error {
	src := strings.ReplaceAll(gc.cell.Source, "\r\n", "\n")
	spans := splitGoUnits(src)
	prev := 0
	for _, sp := range spans {
		lead := src[prev:sp.Start]
		if prev > 0 {
			// The end of the unit before: a semicolon or a line break.
			lead = strings.TrimPrefix(strings.TrimPrefix(lead, ";"), "\n")
		}
		u := &goUnit{decl: sp.Decl, lead: lead, text: src[sp.Start:sp.End]}
		prev = sp.End
		if err := u.parse(); err != nil {
			gc.units = nil
			if line, ok := err.(unitError); ok {
				return fmt.Errorf("line %d: %s", strings.Count(src[:sp.Start], "\n")+line.line, line.msg)
			}
			return err
		}
		gc.units = append(gc.units, u)
	}
	gc.trailing = src[prev:]
	return nil
}

// parse parses a unit: a declaration as a file, a statement as the body
// of a function.
func (u *goUnit) parse() error {
	fset := token.NewFileSet()
	var wrapped string
	if u.decl {
		wrapped = "package main\n"
		u.base = len(wrapped)
		wrapped += u.text + "\n"
	} else {
		wrapped = "package main\nfunc _() {\n" // a name that declares nothing
		u.base = len(wrapped)
		wrapped += u.text + "\n}\n"
	}
	f, err := parser.ParseFile(fset, "", wrapped, 0)
	if err != nil {
		if el, ok := err.(scanner.ErrorList); ok && len(el) > 0 {
			line := el[0].Pos.Line - strings.Count(wrapped[:u.base], "\n")
			return unitError{min(max(line, 1), strings.Count(u.text, "\n")+1), el[0].Msg}
		}
		return err
	}
	u.file = f
	u.tf = fset.File(f.Pos())
	if !u.decl {
		u.stmts = f.Decls[0].(*ast.FuncDecl).Body.List
		u.topObjs = map[*ast.Object]bool{}
		for _, d := range u.defs() {
			if d.Obj != nil {
				u.topObjs[d.Obj] = true
			}
		}
	} else if len(f.Decls) != 1 {
		return fmt.Errorf("expected one declaration")
	}
	return nil
}

// unitError is a syntax error at a line of a unit (from 1).
type unitError struct {
	line int
	msg  string
}

func (e unitError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

var trailingComment = regexp.MustCompile(`^[ \t]*//[^\n]*`)

// splitGoUnits cuts a cell into its top-level declarations and statements
// as the kernel's engine does (cellsplit.Split); a comment on a unit's last
// line goes with it.
func splitGoUnits(src string) []cellsplit.Unit {
	units := cellsplit.Split(src)
	for i := range units {
		end := units[i].End
		if m := trailingComment.FindString(src[end:]); m != "" {
			end += len(m)
		}
		if i+1 < len(units) {
			end = min(end, units[i+1].Start) // keep units apart
		}
		units[i].End = end
	}
	return units
}

// defs returns the identifiers that a unit defines at the top level:
// functions (not methods), types, constants; variables of := and var.
func (u *goUnit) defs() []*ast.Ident {
	var ids []*ast.Ident
	add := func(id *ast.Ident) {
		if id != nil && id.Name != "_" {
			ids = append(ids, id)
		}
	}
	if u.decl {
		for _, d := range u.file.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					add(d.Name)
				}
			case *ast.GenDecl:
				for _, sp := range d.Specs {
					switch sp := sp.(type) {
					case *ast.TypeSpec:
						add(sp.Name)
					case *ast.ValueSpec:
						for _, n := range sp.Names {
							add(n)
						}
					}
				}
			}
		}
		return ids
	}
	for _, s := range u.stmts {
		switch s := s.(type) {
		case *ast.AssignStmt:
			if s.Tok == token.DEFINE {
				for _, l := range s.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						add(id)
					}
				}
			}
		case *ast.DeclStmt:
			if gd, ok := s.Decl.(*ast.GenDecl); ok {
				for _, sp := range gd.Specs {
					if vs, ok := sp.(*ast.ValueSpec); ok {
						for _, n := range vs.Names {
							add(n)
						}
					}
				}
			}
		}
	}
	return ids
}

// walkRefs calls fn for each identifier of the unit that names something
// of the notebook's top level (or nothing the unit declares): free
// identifiers and the unit's own top-level definitions. Selectors' names,
// fields, labels, method names, import names and the keys of struct
// literals are left out.
func (u *goUnit) walkRefs(fn func(id *ast.Ident)) {
	skip := map[*ast.Ident]bool{}
	litDone := map[*ast.CompositeLit]bool{}
	var markLit func(lit *ast.CompositeLit, typ ast.Expr)
	markLit = func(lit *ast.CompositeLit, typ ast.Expr) {
		litDone[lit] = true
		if lit.Type != nil {
			typ = lit.Type
		}
		for {
			switch t := typ.(type) {
			case *ast.ParenExpr:
				typ = t.X
				continue
			case *ast.StarExpr:
				typ = t.X
				continue
			}
			break
		}
		var keyType, elemType ast.Expr
		exprKeys := false
		switch t := typ.(type) {
		case *ast.MapType:
			exprKeys, keyType, elemType = true, t.Key, t.Value
		case *ast.ArrayType:
			exprKeys, elemType = true, t.Elt
		}
		sub := func(e ast.Expr, typ ast.Expr) {
			if cl, ok := e.(*ast.CompositeLit); ok && cl.Type == nil {
				markLit(cl, typ)
			} else if ue, ok := e.(*ast.UnaryExpr); ok && ue.Op == token.AND {
				if cl, ok := ue.X.(*ast.CompositeLit); ok && cl.Type == nil {
					markLit(cl, typ)
				}
			}
		}
		for _, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && !exprKeys {
					skip[id] = true
				}
				sub(kv.Key, keyType)
				sub(kv.Value, elemType)
				continue
			}
			sub(e, elemType)
		}
	}
	var roots []ast.Node
	if u.decl {
		for _, d := range u.file.Decls {
			roots = append(roots, d)
		}
	} else {
		for _, s := range u.stmts {
			roots = append(roots, s)
		}
	}
	for _, r := range roots {
		ast.Inspect(r, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				skip[n.Sel] = true
			case *ast.Field:
				for _, id := range n.Names {
					skip[id] = true
				}
			case *ast.LabeledStmt:
				skip[n.Label] = true
			case *ast.BranchStmt:
				if n.Label != nil {
					skip[n.Label] = true
				}
			case *ast.FuncDecl:
				if n.Recv != nil {
					skip[n.Name] = true
				}
			case *ast.ImportSpec:
				if n.Name != nil {
					skip[n.Name] = true
				}
			case *ast.CompositeLit:
				if !litDone[n] {
					markLit(n, nil)
				}
			}
			return true
		})
	}
	for _, r := range roots {
		ast.Inspect(r, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok || skip[id] || id.Name == "_" {
				return true
			}
			top := id.Obj == nil
			if !top {
				if u.decl {
					top = u.file.Scope.Lookup(id.Name) == id.Obj
				} else {
					top = u.topObjs[id.Obj]
				}
			}
			if top {
				fn(id)
			}
			return true
		})
	}
}

// versions numbers every top-level definition of the notebook and names
// its versions: the last keeps the name, the earlier ones are renamed
// NAME_cellN. The session's rng is the first version of rng.
func (g *goExport) versions() {
	type event struct {
		name string
		cell int
	}
	events := []event{{"rng", 0}}
	for _, gc := range g.cells {
		if gc.skip != "" {
			continue
		}
		for _, u := range gc.units {
			for _, id := range u.defs() {
				events = append(events, event{id.Name, gc.index + 1})
			}
		}
	}
	count := map[string]int{}
	for _, e := range events {
		count[e.name]++
	}
	seen := map[string]int{}
	g.queue = map[string][]string{}
	for _, e := range events {
		seen[e.name]++
		v := e.name
		if seen[e.name] < count[e.name] || reservedNames[e.name] {
			if e.cell == 0 {
				v = g.unique(e.name + "_session")
			} else {
				v = g.unique(fmt.Sprintf("%s_cell%d", e.name, e.cell))
			}
		}
		g.queue[e.name] = append(g.queue[e.name], v)
	}
}

// pop returns the next version of name.
func (g *goExport) pop(name string) string {
	q := g.queue[name]
	if len(q) == 0 {
		return name
	}
	g.queue[name] = q[1:]
	return q[0]
}

// cell exports one code cell.
func (g *goExport) cell(gc *goCell) {
	cellNo := gc.index + 1
	c := gc.cell
	header := fmt.Sprintf("// Cell %d", cellNo)
	if c.ExecutionCount != nil {
		header += fmt.Sprintf(", In [%d]", *c.ExecutionCount)
	}
	header += ":"
	if gc.skip != "" {
		text := fmt.Sprintf("\n%s\n// NOTE: this cell is left out: %s.\n", header, gc.skip)
		if strings.TrimSpace(c.Source) != "" {
			text += commentLines(c.Source) + "\n"
		}
		g.main = append(g.main, text)
		return
	}
	g.cellFree = map[string]bool{}
	var body strings.Builder
	for _, o := range c.Outputs {
		if o.Type == OutputError {
			fmt.Fprintf(&body, "// NOTE: this cell failed in the notebook (%s: %s); the program fails here too.\n", o.EName, firstLine(o.EValue))
			break
		}
	}
	shown := false
	for i := 0; i < len(gc.units); {
		u := gc.units[i]
		if u.decl {
			j := i
			for j < len(gc.units) && gc.units[j].decl {
				j++
			}
			body.WriteString(g.declGroup(gc, gc.units[i:j]))
			i = j
			continue
		}
		text, s := g.stmtUnit(gc, u, i == len(gc.units)-1)
		body.WriteString(text)
		shown = shown || s
		i++
	}
	if t := strings.TrimSpace(gc.trailing); t != "" {
		body.WriteString("\n" + t + "\n")
	}
	if strings.TrimSpace(body.String()) == "" {
		return
	}
	start := "\n" + header + "\n"
	text := strings.TrimLeft(body.String(), "\n")
	if shown || g.cellFree["display"] {
		g.free["display"] = true
		start += fmt.Sprintf("%s(%d)\n", g.helpers["beginCell"], cellNo)
	}
	g.main = append(g.main, start+text)
}

// freeName records a name that no definition of the notebook gives.
func (g *goExport) freeName(name string) {
	g.free[name] = true
	g.cellFree[name] = true
}

// stmtUnit exports a top-level statement into main; shown reports that it
// displays the cell's last expression.
func (g *goExport) stmtUnit(gc *goCell, u *goUnit, last bool) (text string, shown bool) {
	defs := u.defs()
	newV := map[*ast.Ident]string{}
	for _, d := range defs {
		newV[d] = g.pop(d.Name)
	}
	var edits []goEdit
	u.walkRefs(func(id *ast.Ident) {
		if v, ok := newV[id]; ok {
			if v != id.Name {
				edits = append(edits, goEdit{u.off(id.Pos()), u.off(id.End()), v})
			}
			return
		}
		if v, ok := g.cur[id.Name]; ok {
			g.used[v] = true
			if v != id.Name {
				edits = append(edits, goEdit{u.off(id.Pos()), u.off(id.End()), v})
			}
			return
		}
		g.freeName(id.Name)
	})
	if last && len(u.stmts) == 1 {
		if es, ok := u.stmts[0].(*ast.ExprStmt); ok && g.showsValue(gc.cell, es.X) {
			edits = append(edits, goEdit{u.off(es.X.Pos()), u.off(es.X.Pos()), "display("},
				goEdit{u.off(es.X.End()), u.off(es.X.End()), ")"})
			shown = true
		}
	}
	for _, d := range defs {
		v := newV[d]
		g.cur[d.Name] = v
		g.mainLevel[v] = true
		delete(g.results, v)
	}
	// A function literal assigned to a new variable: remember its results.
	if len(u.stmts) == 1 {
		if as, ok := u.stmts[0].(*ast.AssignStmt); ok && as.Tok == token.DEFINE && len(as.Lhs) == len(as.Rhs) {
			for i, l := range as.Lhs {
				id, ok := l.(*ast.Ident)
				fl, isFunc := as.Rhs[i].(*ast.FuncLit)
				if ok && isFunc && newV[id] != "" {
					g.results[newV[id]] = fl.Type.Results.NumFields()
				}
			}
		}
	}
	edited, _ := applyEdits(u.text, edits)
	return u.lead + edited + "\n", shown
}

// declGroup exports a run of declarations: to the package level, but
// functions that use variables of main, which become closures in main. It
// returns what goes into main.
func (g *goExport) declGroup(gc *goCell, units []*goUnit) string {
	cellNo := gc.index + 1
	scope := make(map[string]string, len(g.cur))
	for k, v := range g.cur {
		scope[k] = v
	}
	defV := map[*ast.Ident]string{}
	prevV := map[string]string{} // a type's version before the group
	for _, u := range units {
		for _, d := range u.defs() {
			v := g.pop(d.Name)
			defV[d] = v
			if old, ok := g.cur[d.Name]; ok {
				prevV[v] = old
			}
			scope[d.Name] = v
		}
	}
	edits := make([][]goEdit, len(units))
	refs := make([][]goRef, len(units))
	uses := make([]map[string]bool, len(units))
	for i, u := range units {
		uses[i] = map[string]bool{}
		u.walkRefs(func(id *ast.Ident) {
			v, ok := scope[id.Name]
			if !ok {
				g.freeName(id.Name)
				return
			}
			if _, isDef := defV[id]; !isDef {
				g.used[v] = true
				uses[i][v] = true
			}
			refs[i] = append(refs[i], goRef{u.off(id.Pos()), u.off(id.End()), v})
			if v != id.Name {
				edits[i] = append(edits[i], goEdit{u.off(id.Pos()), u.off(id.End()), v})
			}
		})
	}
	for k, v := range scope {
		g.cur[k] = v
	}
	// Which functions must be closures: those that use main's variables,
	// or closures, until nothing changes.
	closure := make([]bool, len(units))
	for changed := true; changed; {
		changed = false
		for i, u := range units {
			fd, ok := u.file.Decls[0].(*ast.FuncDecl)
			if !ok || fd.Recv != nil || fd.Type.TypeParams != nil || fd.Body == nil || closure[i] {
				continue
			}
			for v := range uses[i] {
				if g.mainLevel[v] {
					closure[i] = true
					g.mainLevel[defV[fd.Name]] = true
					changed = true
					break
				}
			}
		}
	}
	var vars, assigns strings.Builder
	for i, u := range units {
		d := u.file.Decls[0]
		edited, mapOff := applyEdits(u.text, edits[i])
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			for _, sp := range gd.Specs {
				is := sp.(*ast.ImportSpec)
				p, _ := strconv.Unquote(is.Path.Value)
				name := ""
				if is.Name != nil {
					name = is.Name.Name
				}
				g.addImport(name, p)
			}
			continue
		}
		fd, isFunc := d.(*ast.FuncDecl)
		if isFunc && fd.Recv == nil {
			g.results[defV[fd.Name]] = fd.Type.Results.NumFields()
		}
		if closure[i] {
			v := defV[fd.Name]
			sig := edited[mapOff(u.off(fd.Type.Params.Pos())):mapOff(u.off(fd.Type.End()))]
			bodyText := edited[mapOff(u.off(fd.Body.Lbrace)):mapOff(u.off(fd.Body.End()))]
			fmt.Fprintf(&vars, "var %s func%s\n", v, sig)
			fmt.Fprintf(&assigns, "%s%s = func%s %s\n", u.lead, v, sig, bodyText)
			continue
		}
		var mainVars []string
		for v := range uses[i] {
			if g.mainLevel[v] {
				mainVars = append(mainVars, v)
			}
		}
		sort.Strings(mainVars)
		part := &goPart{text: u.lead + edited, cellNo: cellNo}
		if len(mainVars) > 0 {
			part.note = fmt.Sprintf("// NOTE: this declaration uses %s, declared in main: declare them at the package level to build it.\n", strings.Join(mainVars, ", "))
		}
		if isFunc && fd.Recv != nil && len(fd.Recv.List) == 1 {
			if id := recvTypeName(fd); id != nil {
				recv := scope[id.Name]
				if recv == "" {
					recv = id.Name
				}
				for _, r := range refs[i] {
					if r.version == recv {
						s := len(u.lead) + mapOff(r.start)
						part.typeRefs = append(part.typeRefs, [2]int{s, s + len(recv)})
					}
				}
				g.addMethod(part, recv, fd.Name.Name)
				continue
			}
		}
		g.addPart(part)
		// A type defined again gets the old type's methods that this
		// group does not define.
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
			for _, sp := range gd.Specs {
				ts := sp.(*ast.TypeSpec)
				if v := defV[ts.Name]; prevV[v] != "" {
					g.copyMethods(ts.Name.Name, prevV[v], v, units)
				}
			}
		}
	}
	out := vars.String() + assigns.String()
	if out != "" {
		out = fmt.Sprintf("// Functions of cell %d that use variables of main, as closures.\n", cellNo) + out
	}
	return out
}

// addPart adds a package-level declaration, introduced by the number of
// its cell when it is the cell's first.
func (g *goExport) addPart(p *goPart) {
	if p.cellNo != g.lastCell {
		p.head = fmt.Sprintf("// From cell %d:\n\n", p.cellNo)
		g.lastCell = p.cellNo
	}
	g.pkgParts = append(g.pkgParts, p)
}

// recvTypeName returns the name of a method's receiver type.
func recvTypeName(fd *ast.FuncDecl) *ast.Ident {
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
			return x
		default:
			return nil
		}
	}
}

// addMethod adds a method of the type version recv, replacing an earlier
// definition of the same method (Go allows one).
func (g *goExport) addMethod(part *goPart, recv, method string) {
	part.recv, part.method = recv, method
	m := g.methods[recv]
	if m == nil {
		m = map[string]int{}
		g.methods[recv] = m
	}
	if k, ok := m[method]; ok {
		old := g.pkgParts[k]
		old.dropped = true
		part.note += fmt.Sprintf("// NOTE: this defines %s.%s again (first defined in cell %d); a Go program has one definition, used by all cells.\n",
			recv, method, old.cellNo)
	}
	g.addPart(part)
	m[method] = len(g.pkgParts) - 1
}

// copyMethods gives newV, a redefined type, the methods of its previous
// version oldV that the group does not define itself.
func (g *goExport) copyMethods(name, oldV, newV string, units []*goUnit) {
	defined := map[string]bool{}
	for _, u := range units {
		if fd, ok := u.file.Decls[0].(*ast.FuncDecl); ok && fd.Recv != nil {
			if id := recvTypeName(fd); id != nil && id.Name == name {
				defined[fd.Name.Name] = true
			}
		}
	}
	names := make([]string, 0, len(g.methods[oldV]))
	for m := range g.methods[oldV] {
		names = append(names, m)
	}
	sort.Strings(names)
	for _, m := range names {
		old := g.pkgParts[g.methods[oldV][m]]
		if defined[m] || old.dropped {
			continue
		}
		lead := fmt.Sprintf("\n// %s of %s (cell %d) again for %s defined again, as the kernel does.\n", m, name, old.cellNo, name)
		text := strings.TrimLeft(old.text, "\n")
		shift := len(old.text) - len(text)
		var b strings.Builder
		b.WriteString(lead)
		p := &goPart{recv: newV, method: m, cellNo: g.lastCell}
		prev := 0
		for _, r := range old.typeRefs {
			b.WriteString(text[prev : r[0]-shift])
			p.typeRefs = append(p.typeRefs, [2]int{b.Len(), b.Len() + len(newV)})
			b.WriteString(newV)
			prev = r[1] - shift
		}
		b.WriteString(text[prev:])
		p.text = b.String()
		g.addMethod(p, newV, m)
	}
}

// addImport records an import of a cell.
func (g *goExport) addImport(name, p string) {
	for _, im := range g.imports {
		if im.name == name && im.path == p {
			return
		}
	}
	g.imports = append(g.imports, goImport{name, p})
}

// showsValue decides whether the last expression of a cell is shown:
// when the cell ran, whether it has a result; otherwise whether the
// expression surely has exactly one value.
func (g *goExport) showsValue(c *Cell, x ast.Expr) bool {
	if c.ExecutionCount != nil || len(c.Outputs) > 0 {
		for _, o := range c.Outputs {
			if o.Type == OutputExecuteResult {
				return true
			}
		}
		return false
	}
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok {
		return true
	}
	switch fn := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		if v, ok := g.cur[fn.Name]; ok {
			n, known := g.results[v]
			return known && n == 1
		}
		switch fn.Name {
		case "print", "println", "panic", "close", "delete", "clear", "display", "progress":
			return false
		}
		return true // builtins with a value, conversions
	case *ast.SelectorExpr:
		pkg, ok := fn.X.(*ast.Ident)
		if !ok || pkg.Obj != nil {
			return false
		}
		if _, defined := g.cur[pkg.Name]; defined {
			return false
		}
		switch pkg.Name {
		case "fmt":
			return strings.HasPrefix(fn.Sel.Name, "Sprint") || strings.HasPrefix(fn.Sel.Name, "Append") || fn.Sel.Name == "Errorf"
		case "arrays", "plotting", "math", "strings", "strconv":
			return true
		case "devices":
			return fn.Sel.Name != "Register" && fn.Sel.Name != "RegisterAbsent"
		}
		return false
	case *ast.ArrayType, *ast.MapType, *ast.ChanType, *ast.InterfaceType, *ast.StructType:
		return true // conversions
	case *ast.FuncLit:
		return fn.Type.Results.NumFields() == 1
	}
	return false
}

// applyEdits applies edits to text; mapOff maps an offset of text to the
// result (for offsets not inside an edit).
func applyEdits(text string, edits []goEdit) (string, func(int) int) {
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		return edits[i].end-edits[i].start < edits[j].end-edits[j].start
	})
	var b strings.Builder
	prev := 0
	for _, e := range edits {
		if e.start < prev {
			continue
		}
		b.WriteString(text[prev:e.start])
		b.WriteString(e.repl)
		prev = e.end
	}
	b.WriteString(text[prev:])
	mapOff := func(off int) int {
		d := 0
		for _, e := range edits {
			if e.end <= off && e.end > e.start || e.start < off && e.start == e.end {
				d += len(e.repl) - (e.end - e.start)
			}
		}
		return off + d
	}
	return b.String(), mapOff
}

// assemble writes the program's source, without its imports.
func (g *goExport) assemble() string {
	var b strings.Builder
	name := g.opts.name()
	fmt.Fprintf(&b, "// This program is the code of the notebook %q, exported by Workbench\n", name)
	b.WriteString("// (workbench export --to go) to run as compiled Go. Build or run it inside\n")
	b.WriteString("// the Workbench module, whose packages it imports: go run ./FOLDER. It\n")
	b.WriteString("// prints what the cells printed and shows the value of each cell's last\n")
	b.WriteString("// expression; figures are written to cellN_K.png files.\n")
	if title := notebookTitle(g.nb); title != "" {
		b.WriteString("//\n// " + title + "\n")
	}
	for _, n := range g.notes {
		b.WriteString("//\n// NOTE: " + n + "\n")
	}
	b.WriteString("package main\n\n")
	if g.used[g.rngName] {
		seed, ok := g.opts.seed(g.nb)
		if !ok {
			b.WriteString("// NOTE: the notebook records no seed; rng is seeded with 0.\n")
		}
		fmt.Fprintf(&b, "// %s is the session's random generator, seeded as the notebook was.\nvar %s = random.New(%d)\n\n", g.rngName, g.rngName, seed)
	}
	for _, p := range g.pkgParts {
		if p.dropped {
			continue
		}
		b.WriteString(p.head)
		b.WriteString(p.note)
		b.WriteString(strings.TrimLeft(strings.TrimRight(p.text, " \t\n"), "\n"))
		b.WriteString("\n\n")
	}
	b.WriteString("func main() {\n")
	b.WriteString(strings.TrimLeft(strings.Join(g.main, ""), "\n"))
	b.WriteString("}\n")
	h := g.helpers
	if g.free["display"] {
		fmt.Fprintf(&b, `
// %[2]s and %[3]s name the files of the figures that display writes:
// cellN_K.png for the Kth value cell N showed.
var %[2]s, %[3]s int

// %[1]s starts the outputs of notebook cell n.
func %[1]s(n int) { %[2]s, %[3]s = n, 0 }

// display shows values as the notebook did: a figure (a value with a PNG
// method) is written to cellN_K.png and the file's name printed; an array
// is printed as NumPy's repr; anything else as fmt.Println prints it. nil
// shows nothing.
func display(vs ...any) {
	for _, v := range vs {
		if v == nil {
			continue
		}
		%[3]s++
		switch x := v.(type) {
		case interface{ PNG() ([]byte, error) }:
			name := fmt.Sprintf("cell%%d_%%d.png", %[2]s, %[3]s)
			png, err := x.PNG()
			if err == nil {
				err = os.WriteFile(name, png, 0o644)
			}
			if err != nil {
				fmt.Fprintln(os.Stderr, "display:", err)
				continue
			}
			fmt.Println(name)
		case interface {
			GoString() string
			Shape() []int
		}:
			fmt.Println(x.GoString())
		default:
			fmt.Println(v)
		}
	}
}
`, h["beginCell"], h["exportCell"], h["exportShown"])
	}
	if g.free["progress"] {
		b.WriteString(`
// progress shows step i of n of a loop on standard error.
func progress(i, n int) {
	switch {
	case n <= 0:
		fmt.Fprintf(os.Stderr, "\r%d/?", i)
	case i >= n:
		fmt.Fprintf(os.Stderr, "\r%d/%d\n", i, n)
	default:
		fmt.Fprintf(os.Stderr, "\r%d/%d", i, n)
	}
}
`)
	}
	return b.String()
}

// finish parses the assembled program as a whole, uses every variable it
// never uses (`_ = x`), adds the imports it needs and formats it.
func (g *goExport) finish(src string) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "main.go", src, parser.ParseComments)
	if err != nil {
		return nil, fmt.Errorf("sessions: the exported program does not parse: %v", err)
	}
	tf := fset.File(f.Pos())
	edits := unusedVarEdits(f, tf, src)
	src, _ = applyEdits(src, edits)

	// Imports: the packages the program names.
	used := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && id.Obj == nil {
				used[id.Name] = true
			}
		}
		return true
	})
	var lines []string
	have := map[string]bool{}
	var notes []string
	for _, im := range g.imports {
		name := im.name
		if name == "" {
			name = importPathName(im.path)
		}
		if name != "_" && name != "." && !used[name] {
			continue
		}
		if have[name] && name != "_" && name != "." {
			notes = append(notes, fmt.Sprintf("// NOTE: %q is left out: the name %s is imported already.", im.path, name))
			continue
		}
		have[name] = true
		if im.name != "" {
			lines = append(lines, fmt.Sprintf("%s %q", im.name, im.path))
		} else {
			lines = append(lines, strconv.Quote(im.path))
		}
	}
	var auto []string
	for name := range used {
		if _, ok := autoImportPaths[name]; ok && !have[name] {
			auto = append(auto, name)
		}
	}
	sort.Strings(auto)
	for _, name := range auto {
		p := autoImportPaths[name]
		if importPathName(p) == name {
			lines = append(lines, strconv.Quote(p))
		} else {
			lines = append(lines, fmt.Sprintf("%s %q", name, p))
		}
	}
	sort.SliceStable(lines, func(i, j int) bool { return importSortKey(lines[i]) < importSortKey(lines[j]) })
	var block strings.Builder
	if len(lines) > 0 {
		block.WriteString("import (\n")
		prevStd := true
		for i, l := range lines {
			std := importSortKey(l)[0] == '0'
			if i > 0 && std != prevStd {
				block.WriteString("\n")
			}
			prevStd = std
			block.WriteString("\t" + l + "\n")
		}
		block.WriteString(")\n")
		for _, n := range notes {
			block.WriteString(n + "\n")
		}
		block.WriteString("\n")
	}
	i := strings.Index(src, "package main\n")
	src = src[:i] + "package main\n\n" + block.String() + strings.TrimLeft(src[i+len("package main\n"):], "\n")
	out, err := format.Source([]byte(src))
	if err != nil {
		return nil, fmt.Errorf("sessions: formatting the exported program: %v", err)
	}
	return out, nil
}

// importSortKey sorts import lines: standard library first, then others,
// each by path.
func importSortKey(line string) string {
	q := strings.IndexByte(line, '"')
	p := line[q+1 : len(line)-1]
	first, _, _ := strings.Cut(p, "/")
	if !strings.Contains(first, ".") && first != "workbench" {
		return "0" + p
	}
	return "1" + p
}

var majorVersion = regexp.MustCompile(`^v[0-9]+$`)

// importPathName guesses the name a package is imported under: the last
// element of its path, without a major version suffix (/v2, .v3) or a
// go- prefix.
func importPathName(p string) string {
	elems := strings.Split(p, "/")
	name := elems[len(elems)-1]
	if len(elems) > 1 && majorVersion.MatchString(name) {
		name = elems[len(elems)-2]
	}
	if i := strings.Index(name, ".v"); i > 0 && majorVersion.MatchString(name[i+1:]) {
		name = name[:i]
	}
	name = strings.TrimPrefix(name, "go-")
	name = strings.NewReplacer("-", "_", ".", "_").Replace(name)
	return path.Base(name)
}

// unusedVarEdits returns edits that add `_ = x` for each local variable
// of the file that is declared and never used, which Go refuses.
func unusedVarEdits(f *ast.File, tf *token.File, src string) []goEdit {
	type declInfo struct {
		id   *ast.Ident
		uses int
	}
	decls := map[*ast.Object]*declInfo{}
	var order []*ast.Object
	notUse := map[*ast.Ident]bool{}
	parents := map[ast.Node]ast.Node{}
	rangeOf := map[ast.Expr]*ast.RangeStmt{}
	var stack []ast.Node
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if len(stack) > 0 {
			parents[n] = stack[len(stack)-1]
		}
		stack = append(stack, n)
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if id, ok := l.(*ast.Ident); ok {
					notUse[id] = true
				}
			}
		case *ast.IncDecStmt:
			if id, ok := n.X.(*ast.Ident); ok {
				notUse[id] = true
			}
		case *ast.RangeStmt:
			rangeOf[n.X] = n
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if id, ok := e.(*ast.Ident); ok {
					notUse[id] = true
				}
			}
		case *ast.ValueSpec:
			for _, id := range n.Names {
				notUse[id] = true
			}
		case *ast.CompositeLit:
			if !compositeKeysAreExprs(n) {
				for _, e := range n.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						if id, ok := kv.Key.(*ast.Ident); ok {
							notUse[id] = true
						}
					}
				}
			}
		}
		return true
	})
	ast.Inspect(f, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || id.Obj == nil || id.Obj.Kind != ast.Var || id.Name == "_" {
			return true
		}
		obj := id.Obj
		if f.Scope.Lookup(id.Name) == obj {
			return true // package level
		}
		local := false
		switch d := obj.Decl.(type) {
		case *ast.AssignStmt:
			local = d.Tok == token.DEFINE
		case *ast.ValueSpec:
			local = true
		}
		if !local {
			return true
		}
		di := decls[obj]
		if di == nil {
			di = &declInfo{}
			decls[obj] = di
			order = append(order, obj)
		}
		if obj.Pos() == id.Pos() || declares(obj, id) {
			di.id = id
			return true
		}
		if !notUse[id] {
			di.uses++
		}
		return true
	})
	var edits []goEdit
	for _, obj := range order {
		di := decls[obj]
		if di.uses > 0 || di.id == nil {
			continue
		}
		ins := "\n_ = " + di.id.Name
		var stmt ast.Node
		switch d := obj.Decl.(type) {
		case *ast.AssignStmt:
			if len(d.Rhs) == 1 {
				if ue, ok := d.Rhs[0].(*ast.UnaryExpr); ok && ue.Op == token.RANGE {
					if rs := rangeOf[ue.X]; rs != nil {
						edits = append(edits, goEdit{tf.Offset(rs.Body.Lbrace) + 1, tf.Offset(rs.Body.Lbrace) + 1, ins})
					}
					continue
				}
			}
			stmt = d
		case *ast.ValueSpec:
			stmt = parents[parents[d]] // ValueSpec, GenDecl, DeclStmt
		}
		if stmt == nil {
			continue
		}
		switch p := parents[stmt].(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			// After the statement, and after a comment that ends its line.
			at := tf.Offset(stmt.End())
			if m := trailingComment.FindString(src[at:]); m != "" {
				at += len(m)
			}
			edits = append(edits, goEdit{at, at, ins})
		case *ast.IfStmt:
			edits = append(edits, goEdit{tf.Offset(p.Body.Lbrace) + 1, tf.Offset(p.Body.Lbrace) + 1, ins})
		case *ast.ForStmt:
			edits = append(edits, goEdit{tf.Offset(p.Body.Lbrace) + 1, tf.Offset(p.Body.Lbrace) + 1, ins})
		case *ast.SwitchStmt:
			for _, cc := range p.Body.List {
				c := cc.(*ast.CaseClause)
				edits = append(edits, goEdit{tf.Offset(c.Colon) + 1, tf.Offset(c.Colon) + 1, ins})
			}
		case *ast.TypeSwitchStmt:
			for _, cc := range p.Body.List {
				c := cc.(*ast.CaseClause)
				edits = append(edits, goEdit{tf.Offset(c.Colon) + 1, tf.Offset(c.Colon) + 1, ins})
			}
		}
	}
	return edits
}

// declares reports whether id is one of the names its object's
// declaration declares.
func declares(obj *ast.Object, id *ast.Ident) bool {
	switch d := obj.Decl.(type) {
	case *ast.AssignStmt:
		for _, l := range d.Lhs {
			if l == id {
				return true
			}
		}
	case *ast.ValueSpec:
		for _, n := range d.Names {
			if n == id {
				return true
			}
		}
	}
	return false
}

// compositeKeysAreExprs says whether the keys of a composite literal are
// expressions (a map or an array) rather than field names; literals
// whose type is elided count as structs.
func compositeKeysAreExprs(lit *ast.CompositeLit) bool {
	t := lit.Type
	for {
		switch x := t.(type) {
		case *ast.ParenExpr:
			t = x.X
			continue
		case *ast.MapType, *ast.ArrayType:
			return true
		}
		return false
	}
}
