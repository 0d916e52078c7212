package interp

// The engine: a session of cells run one after another in one yaegi
// interpreter.
//
// A cell is cut into chunks of declarations and statements (cells.go),
// each chunk is rewritten for what yaegi lacks (rewrite.go), compiled with
// CompileAST and run with ExecuteWithContext. Variables, functions, types
// and imports of one cell are seen by the next.
//
// Limits that are not the engine's to lift:
//
//   - Interrupting (cancelling Run's context) stops interpreted code
//     promptly, an endless for {} included, but not a long call into
//     compiled code (a big matrix product, time.Sleep): Run returns at once,
//     and the call goes on in the background until it returns (Stuck says
//     so); the kernel process layer restarts the kernel when that matters.
//     Goroutines a cell started keep running after the cell.
//   - A panic inside a goroutine that a cell started cannot be recovered by
//     the engine: it ends the whole process (the kernel process layer
//     reports it and restarts).

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	yaegi "github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"

	"workbench/arrays/random"
	"workbench/interp/docs"
	"workbench/interp/symbols"
)

// Options configure a Session.
type Options struct {
	// Seed seeds the session's generator rng (random.New(Seed)).
	Seed uint64

	// Dir is the notebook's folder (the working directory when empty). A
	// cell may import Go packages from source beside it (yaegi's
	// SourcecodeFilesystem, GOPATH-style, is set up for this):
	//
	//   - import "./helpers" (or "../lib"): the package in that folder,
	//     relative to Dir;
	//   - import "example.com/me/proj/helpers": when Dir or a folder above
	//     it has a go.mod with that module path, the package in the
	//     matching folder of the module; and vendor/ of the module.
	//
	// Such packages are interpreted too, and may import the standard
	// library and our packages, but not other modules (yaegi resolves
	// imports GOPATH-style: there is no module download).
	Dir string

	// Stdout and Stderr, when not nil, receive the text cells print, as
	// it comes.
	Stdout, Stderr io.Writer

	// Emit, when not nil, receives each output as it happens while a cell
	// runs: stream text in pieces (at most every 50 ms), displays at once.
	Emit func(Output)
}

// Session runs cells of Go, one after another, in one interpreter.
// Its methods may be called from any goroutine; one cell runs at a time.
type Session struct {
	mu     sync.Mutex
	opts   Options
	it     *yaegi.Interpreter
	rng    *random.Generator
	coll   *collector
	cell   int  // cells run so far
	closed bool // after Close

	binPaths map[string]bool   // import paths of compiled packages bound
	imports  map[string]string // package names imported by cells: name to path
	decls    map[string]bool   // top-level names the cells declared
	intFuncs map[string]bool   // functions that return one integer
	generics map[string]bool   // generic functions
	types    map[string]*typeDef
	renames  map[string]string // redefined types: name to current internal name
	counter  int

	cellNames map[string]*ast.Ident // top-level names declared by the running cell so far

	syms map[string]map[string]reflect.Value // compiled packages' symbols, by import path

	cellSrc string                            // the cell running
	info    map[string]*nameInfo              // top-level names the cells declared, as declared (complete_decls.go)
	methods map[string]map[string]*memberInfo // methods of the cells' types, by type name
	prog    progressState                     // progress bars (progress.go)
	stuck   stuckState                        // goroutines of interrupted cells
	device  string                            // the device the last cell ran on (LastDevice)
}

// ErrClosed is returned by Run after Close.
var ErrClosed = errors.New("interp: session closed")

// extraSymbols are the symbol tables bound besides the standard library:
// our packages and gonum.
var extraSymbols = []yaegi.Exports{symbols.Symbols}

// autoImports are the packages a cell may use without importing them.
var autoImports = map[string]string{
	"arrays":   "workbench/arrays",
	"plotting": "workbench/plotting",
	"devices":  "workbench/devices",
	"fmt":      "fmt",
	"math":     "math",
}

// builtinsPath is the import path of the engine's own helpers, imported by
// every session as _wb.
const builtinsPath = "workbench/interp/builtins"

// preamble declares what cells see without declaring it: min and max
// (yaegi lacks them), the session generator rng and the progress builtin.
const preamble = `import _wb "workbench/interp/builtins"

type _wbOrdered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string
}

func _wbMin[_wbT _wbOrdered](x _wbT, y ..._wbT) _wbT {
	for _, v := range y {
		if x != x {
			return x
		}
		if v != v || v < x {
			x = v
		}
	}
	return x
}

func _wbMax[_wbT _wbOrdered](x _wbT, y ..._wbT) _wbT {
	for _, v := range y {
		if x != x {
			return x
		}
		if v != v || v > x {
			x = v
		}
	}
	return x
}

var rng = _wb.Rng

func progress(i, n int) { _wb.Progress(i, n) }
`

// NewSession starts an interpreter with the standard library, our
// packages, the auto-imported packages and the session generator rng.
func NewSession(opts Options) (*Session, error) {
	dir := opts.Dir
	if dir == "" {
		dir = "."
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	s := &Session{
		opts:     opts,
		rng:      random.New(opts.Seed),
		binPaths: map[string]bool{},
		imports:  map[string]string{},
		decls:    map[string]bool{},
		intFuncs: map[string]bool{},
		generics: map[string]bool{},
		types:    map[string]*typeDef{},
		renames:  map[string]string{},
		syms:     map[string]map[string]reflect.Value{},
	}
	out, err := newFileCapture("workbench-stdout-*")
	if err != nil {
		return nil, err
	}
	errc, err := newFileCapture("workbench-stderr-*")
	if err != nil {
		out.close()
		return nil, err
	}
	s.coll = &collector{opts: &s.opts, stdout: out, stderr: errc}
	s.it = yaegi.New(yaegi.Options{
		GoPath:               ".",
		Stdout:               out.w, // also the script's os.Stdout
		Stderr:               stderrWriter{s.coll},
		SourcecodeFilesystem: newSourceFS(dir),
		Args:                 []string{"workbench"},
		Env:                  os.Environ(),
	})
	if err := s.use(stdlib.Symbols); err != nil {
		s.Close()
		return nil, err
	}
	scriptStderr := errc.w
	if err := s.use(yaegi.Exports{"os/os": {"Stderr": reflect.ValueOf(&scriptStderr).Elem()}}); err != nil {
		s.Close()
		return nil, err
	}
	for _, e := range extraSymbols {
		if err := s.use(e); err != nil {
			s.Close()
			return nil, err
		}
	}
	if err := s.useBuiltins(); err != nil {
		s.Close()
		return nil, err
	}
	c := chunk{kind: declChunk, text: preamble, line: 1, col: 1}
	if err := parseChunk(s.it.FileSet(), &c, cellFile(0)); err != nil {
		s.Close()
		return nil, fmt.Errorf("interp: preamble: %v", err)
	}
	if err := s.compileRun(context.Background(), c.file); err != nil {
		s.Close()
		return nil, fmt.Errorf("interp: preamble: %v", err)
	}
	s.imports["_wb"] = builtinsPath
	go docs.Load() // for the first completion: decoding takes a moment
	return s, nil
}

func (s *Session) use(e yaegi.Exports) error {
	for k, syms := range e {
		if k == "." {
			continue
		}
		p := path.Dir(k)
		s.binPaths[p] = true
		if s.syms[p] == nil {
			s.syms[p] = map[string]reflect.Value{}
		}
		for n, v := range syms {
			s.syms[p][n] = v
		}
	}
	return s.it.Use(e)
}

// useBuiltins binds the engine's helpers that rewritten cells call.
func (s *Session) useBuiltins() error {
	display := reflect.ValueOf(func(v any) { s.show(DisplayData, v) })
	displayAll := reflect.ValueOf(func(vs ...any) {
		for _, v := range vs {
			s.show(DisplayData, v)
		}
	})
	result := reflect.ValueOf(func(v any) { s.show(ExecuteResult, v) })
	// Interpreted values that have a String or Error method reach the
	// helpers wrapped, so that Display shows what they say of themselves.
	wrap := []reflect.Type{
		reflect.TypeOf((*fmt.Formatter)(nil)).Elem(),
		reflect.TypeOf((*error)(nil)).Elem(),
		reflect.TypeOf((*fmt.Stringer)(nil)).Elem(),
	}
	return s.use(yaegi.Exports{
		builtinsPath + "/_wb": {
			"Display":    display,
			"DisplayAll": displayAll,
			"Result":     result,
			"Clear":      reflect.ValueOf(clearValue),
			"Progress":   reflect.ValueOf(func(i, n int) { s.progress(i, n) }),
			"Rng":        reflect.ValueOf(s.rng),
		},
		".": {"MapTypes": reflect.ValueOf(map[reflect.Value][]reflect.Type{
			display: wrap, displayAll: wrap, result: wrap,
		})},
	})
}

// clearValue is the clear builtin.
func clearValue(v any) {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Map, reflect.Slice:
		rv.Clear()
	default:
		panic(fmt.Sprintf("invalid argument: clear(%T): argument must be a map or a slice", v))
	}
}

// show records a display or the cell's result.
func (s *Session) show(t OutputType, v any) {
	b := displayValue(v)
	if len(b) == 0 {
		return
	}
	s.coll.add(Output{Type: t, Data: b})
}

// displayValue is where values become bundles.
func displayValue(v any) Bundle { return Display(v) }

// Close ends the session and frees its files. Goroutines that cells
// started are not stopped.
func (s *Session) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	unrouteNotices(s)
	s.coll.stdout.close()
	s.coll.stderr.close()
	return nil
}

// Run runs one cell and returns its outputs, in order: what it printed
// (consecutive writes to a stream merged), what it displayed, the value of
// its last expression, and an Error output if it failed. A compile error,
// a panic or a runtime error stops the cell and is an output; so is an
// interrupt (ctx cancelled: ErrName "Interrupted"). The error is for the
// session itself (closed).
func (s *Session) Run(ctx context.Context, cell string) ([]Output, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, ErrClosed
	}
	s.cell++
	s.cellSrc = cell
	stop := s.coll.start()
	routeNotices(s)
	s.progressStart(s.cell)
	func() {
		defer func() {
			// A bug of the engine's (or yaegi's) must not end the kernel.
			if r := recover(); r != nil {
				s.coll.add(Output{Type: Error, ErrName: "InternalError", ErrValue: fmt.Sprint("the kernel failed on this cell: ", r),
					Traceback: strings.Split(string(debug.Stack()), "\n")})
			}
		}()
		s.runCell(ctx, cell)
	}()
	s.device = cellDevice()
	s.progressEnd()
	stop()
	return s.coll.finish(), nil
}

// LastDevice returns the device the last cell that Run ran ran on: the
// names of the devices other than the CPU that its arrays were moved to
// or computed on (arrays.DevicesUsed), joined with "," when there are
// several ("gpu"), or "cpu" when there were none. Before the first cell
// it returns "cpu". The kernel reports it in each execute_reply, and
// session files record it as the cell's device.
func (s *Session) LastDevice() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.device == "" {
		return "cpu"
	}
	return s.device
}

func (s *Session) runCell(ctx context.Context, cell string) {
	fname := cellFile(s.cell)
	s.cellNames = map[string]*ast.Ident{}
	chunks := splitCell(cell)
	for i := range chunks {
		if err := parseChunk(s.it.FileSet(), &chunks[i], fname); err != nil {
			s.coll.add(s.syntaxError(err, &chunks[i]))
			return
		}
	}
	chunks = splitLastExpr(chunks)
	progs := make([][]*yaegi.Program, len(chunks))
	for i := range chunks {
		p, ok := s.compileChunk(&chunks[i])
		if !ok {
			return
		}
		progs[i] = p
	}
	for i, ps := range progs {
		for _, p := range ps {
			if ctx.Err() != nil {
				s.coll.add(interrupted())
				return
			}
			if !s.execute(ctx, p, &chunks[i]) {
				return
			}
		}
	}
}

func interrupted() Output {
	return Output{Type: Error, ErrName: "Interrupted", ErrValue: "interrupted"}
}

// compileChunk rewrites and compiles one chunk; it reports an error and
// returns false when the cell must stop. A chunk with nothing left to run
// (imports the session has) gives no program.
func (s *Session) compileChunk(c *chunk) ([]*yaegi.Program, bool) {
	if c.kind == declChunk {
		s.dedupeImports(c)
		if len(c.file.Decls) == 0 {
			return nil, true
		}
	}
	if !s.autoImport(c) {
		return nil, false
	}
	r := &rewriter{s: s, c: c}
	types := r.redefineTypes()
	r.rewrite()

	var progs []*yaegi.Program
	var err error
	switch {
	case c.kind == declChunk:
		var p *yaegi.Program
		p, err = s.compile(c.file)
		progs = append(progs, p)
	case c.lastExpr && len(c.body.List) == 1 && wantsResult(c.body.List[0]):
		x := c.body.List[0].(*ast.ExprStmt).X
		wrapped := &ast.BlockStmt{Lbrace: c.body.Lbrace, List: []ast.Stmt{
			&ast.ExprStmt{X: builtinCall("Result", x.Pos(), x)}}, Rbrace: c.body.Rbrace}
		var p *yaegi.Program
		p, err = s.compile(wrapped)
		if _, call := ast.Unparen(x).(*ast.CallExpr); err != nil && call {
			// No value, or several: run the call alone.
			p, err = s.compile(c.body)
		}
		progs = append(progs, p)
	default:
		// The rewrites may have made several statements of one: each is
		// compiled on its own (yaegi mishandles a session variable read
		// and then redefined in the same piece of code).
		for _, st := range c.body.List {
			var p *yaegi.Program
			p, err = s.compile(&ast.BlockStmt{Lbrace: c.body.Lbrace, List: []ast.Stmt{st}, Rbrace: c.body.Rbrace})
			if err != nil {
				break
			}
			progs = append(progs, p)
		}
	}
	if err != nil {
		s.coll.add(s.compileError(err, r))
		return nil, false
	}
	r.commitTypes(types)
	s.recordDecls(c)
	return progs, true
}

// execute runs a compiled chunk; it reports an error and returns false
// when the cell must stop.
func (s *Session) execute(ctx context.Context, prog *yaegi.Program, c *chunk) bool {
	s.coll.takeTrace()
	_, err := s.it.ExecuteWithContext(ctx, prog)
	if err == nil {
		return true
	}
	if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		s.noteInterrupted()
		s.coll.add(interrupted())
		return false
	}
	var p yaegi.Panic
	if errors.As(err, &p) {
		s.coll.add(s.panicError(p, s.coll.takeTrace(), c))
		return false
	}
	s.coll.add(s.compileError(err, &rewriter{s: s, c: c}))
	return false
}

// wantsResult says whether a final expression statement may have a value
// to show: not a call of the engine's own helpers.
func wantsResult(st ast.Stmt) bool {
	es, ok := st.(*ast.ExprStmt)
	if !ok {
		return false
	}
	x := es.X
	if call, ok := x.(*ast.CallExpr); ok {
		if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == "_wb" {
				return false
			}
		}
	}
	return true
}

// compile compiles a chunk; a panic inside yaegi is a compile error.
func (s *Session) compile(n ast.Node) (prog *yaegi.Program, err error) {
	defer func() {
		if r := recover(); r != nil {
			prog, err = nil, compilePanic{r}
		}
	}()
	return s.it.CompileAST(n)
}

// compilePanic is a panic out of yaegi's compiler.
type compilePanic struct{ v any }

func (p compilePanic) Error() string { return fmt.Sprint(p.v) }

// compileRun compiles and runs n without a cell around it.
func (s *Session) compileRun(ctx context.Context, n ast.Node) error {
	prog, err := s.compile(n)
	if err != nil {
		return err
	}
	_, err = s.it.ExecuteWithContext(ctx, prog)
	return err
}

// dedupeImports drops imports the session already has (yaegi refuses a
// second import of a package under the same name).
func (s *Session) dedupeImports(c *chunk) {
	var decls []ast.Decl
	for _, d := range c.file.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.IMPORT {
			decls = append(decls, d)
			continue
		}
		var specs []ast.Spec
		for _, sp := range g.Specs {
			is := sp.(*ast.ImportSpec)
			p, _ := strconv.Unquote(is.Path.Value)
			if s.imports[importName(is, p)] != p {
				specs = append(specs, sp)
			}
		}
		if len(specs) > 0 {
			g.Specs = specs
			decls = append(decls, g)
		}
	}
	c.file.Decls = decls
}

// importName is the name an import spec binds (approximately, for source
// packages whose name differs from their folder's).
func importName(is *ast.ImportSpec, p string) string {
	if is.Name != nil {
		return is.Name.Name
	}
	base := path.Base(p)
	// A major-version suffix is not the package's name: math/rand/v2 is
	// rand.
	if dir := path.Dir(p); dir != "." && len(base) > 1 && base[0] == 'v' && strings.Trim(base[1:], "0123456789") == "" {
		return path.Base(dir)
	}
	return base
}

// autoImport imports the predeclared packages that the chunk uses and
// that the session neither imported nor declared.
func (s *Session) autoImport(c *chunk) bool {
	var node ast.Node = c.file
	if c.kind == stmtChunk {
		node = c.body
	}
	need := map[string]bool{}
	ast.Inspect(node, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if id, ok := sel.X.(*ast.Ident); ok && id.Obj == nil {
			if p, ok := autoImports[id.Name]; ok && s.binPaths[p] && !s.decls[id.Name] {
				if _, done := s.imports[id.Name]; !done {
					need[id.Name] = true
				}
			}
		}
		return true
	})
	if len(need) == 0 {
		return true
	}
	names := make([]string, 0, len(need))
	for n := range need {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("package main\n")
	for _, n := range names {
		fmt.Fprintf(&b, "import %q\n", autoImports[n])
	}
	f, err := parser.ParseFile(s.it.FileSet(), parseName, b.String(), 0)
	if err == nil {
		err = s.compileRun(context.Background(), f)
	}
	if err != nil {
		s.coll.add(Output{Type: Error, ErrName: "CompileError", ErrValue: "importing " + strings.Join(names, ", ") + ": " + err.Error()})
		return false
	}
	for _, n := range names {
		s.imports[n] = autoImports[n]
	}
	return true
}

// recordDecls notes the top-level names a compiled chunk declared.
func (s *Session) recordDecls(c *chunk) {
	s.noteDecls(c)
	declare := func(id *ast.Ident) {
		name := id.Name
		if name == "_" {
			return
		}
		s.decls[name] = true
		delete(s.intFuncs, name)
		delete(s.generics, name)
		if s.cellNames != nil {
			s.cellNames[name] = id
		}
	}
	if c.kind == stmtChunk {
		for _, id := range topLevelNames(c.body) {
			declare(id)
		}
		return
	}
	r := &rewriter{s: s, c: c}
	for _, d := range c.file.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv != nil {
				continue
			}
			declare(d.Name)
			if d.Type.TypeParams != nil {
				s.generics[d.Name.Name] = true
			}
			res := d.Type.Results
			if res != nil && len(res.List) == 1 && len(res.List[0].Names) <= 1 && r.isIntType(res.List[0].Type) {
				s.intFuncs[d.Name.Name] = true
			}
		case *ast.GenDecl:
			for _, sp := range d.Specs {
				switch sp := sp.(type) {
				case *ast.ImportSpec:
					p, _ := strconv.Unquote(sp.Path.Value)
					if n := importName(sp, p); n != "_" && n != "." {
						s.imports[n] = p
					}
				case *ast.ValueSpec:
					for _, n := range sp.Names {
						declare(n)
					}
				}
			}
		}
	}
}

// globals returns the session's variables and constants. (yaegi's Globals
// can panic after a compile that panicked, until the next run.)
func (s *Session) globals() (g map[string]reflect.Value) {
	defer func() {
		if recover() != nil {
			g = map[string]reflect.Value{}
		}
	}()
	return s.it.Globals()
}

// fresh returns a new internal name derived from name.
func (s *Session) fresh(name string) string {
	return internalName.ReplaceAllString(name, "$1") + "_wb" + s.next()
}

// next returns a number not returned before.
func (s *Session) next() string {
	s.counter++
	return strconv.Itoa(s.counter)
}

// Errors.

// position is a place in some cell.
type position struct {
	cell, line, col int
}

// cellPos matches a position in a cell, as yaegi and go/parser write it.
var cellPos = regexp.MustCompile(`wbcell(\d+)/_\.go:(\d+):(\d+)`)

// leadingPos matches the position a message starts with.
var leadingPos = regexp.MustCompile(`^(\S+?\.go):(\d+):(\d+): `)

// where writes a position for a message of the current cell.
func (s *Session) where(p position) string {
	if p.cell == s.cell || p.cell == 0 {
		return fmt.Sprintf("line %d, column %d", p.line, p.col)
	}
	return fmt.Sprintf("cell %d, line %d, column %d", p.cell, p.line, p.col)
}

// internalName matches the names the rewrites make.
var internalName = regexp.MustCompile(`\b([A-Za-z]\w*?)(?:_wb\d+)+\b`)

// cleanMessage turns the engine's internal names back into the user's.
func (s *Session) cleanMessage(msg string) string {
	msg = cellPos.ReplaceAllStringFunc(msg, func(m string) string {
		sm := cellPos.FindStringSubmatch(m)
		c, _ := strconv.Atoi(sm[1])
		l, _ := strconv.Atoi(sm[2])
		col, _ := strconv.Atoi(sm[3])
		return s.where(position{c, l, col})
	})
	msg = internalName.ReplaceAllString(msg, "$1")
	msg = strings.NewReplacer(
		"main._wbOrdered", "ordered type", "_wbOrdered", "ordered type",
		"_wbMin", "min", "_wbMax", "max",
		"_wb.Clear", "clear", "_wb.DisplayAll", "display", "_wb.Display", "display",
		"_wb.Result", "", "main.", "",
	).Replace(msg)
	return msg
}

func (s *Session) errorAt(name string, p position, ok bool, msg string) Output {
	msg = s.cleanMessage(msg)
	v := msg
	if ok {
		v = s.where(p) + ": " + msg
	}
	return Output{Type: Error, ErrName: name, ErrValue: v, Traceback: []string{v}}
}

// syntaxError reports a go/parser error in chunk c. An error past the
// chunk's end (in the wrapper the engine put around it) is reported at
// its end.
func (s *Session) syntaxError(err error, c *chunk) Output {
	var el scanner.ErrorList
	if errors.As(err, &el) && len(el) > 0 {
		e := el[0]
		p, ok := s.cellPosition(e.Pos.Filename, e.Pos.Line, e.Pos.Column)
		msg := e.Msg
		endLine, endCol := c.line, c.col+len(c.text)
		if i := strings.LastIndexByte(c.text, '\n'); i >= 0 {
			endLine, endCol = c.line+strings.Count(c.text, "\n"), len(c.text)-i
		}
		if !ok || p.line > endLine || p.line == endLine && p.col > endCol {
			p, ok = position{s.cell, endLine, endCol}, true
			if i := strings.Index(msg, ", found "); i >= 0 {
				msg = msg[:i] + ", found end of cell"
			}
		}
		return s.errorAt("CompileError", p, ok, msg)
	}
	return s.errorAt("CompileError", position{}, false, err.Error())
}

// cellPosition turns a file and line into a position in a cell.
func (s *Session) cellPosition(file string, line, col int) (position, bool) {
	m := cellPos.FindStringSubmatch(file + ":" + strconv.Itoa(line) + ":" + strconv.Itoa(col))
	if m == nil || !strings.HasSuffix(file, "_.go") || !strings.HasPrefix(file, "wbcell") {
		return position{}, false
	}
	c, _ := strconv.Atoi(m[1])
	return position{c, line, col}, true
}

// compileError reports an error of yaegi's compiler.
func (s *Session) compileError(err error, r *rewriter) Output {
	msg := err.Error()
	_, panicked := err.(compilePanic)
	var p position
	ok := false
	if m := leadingPos.FindStringSubmatch(msg); m != nil {
		l, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		if p, ok = s.cellPosition(m[1], l, col); ok {
			msg = msg[len(m[0]):]
		} else if m[1] == parseName {
			msg = msg[len(m[0]):]
		}
	}
	if panicked || msg == "constant definition loop" || strings.Contains(msg, "CFG post-order panic") {
		// yaegi's messages for a name it does not know can mislead.
		if id := s.undefined(r); id != nil {
			pos := s.it.FileSet().Position(id.Pos())
			p, ok = s.cellPosition(pos.Filename, pos.Line, pos.Column)
			return s.errorAt("CompileError", p, ok, "undefined: "+id.Name)
		}
	}
	if panicked && r.c.kind == stmtChunk {
		if id := s.genericAtTop(r.c.body); id != nil {
			pos := s.it.FileSet().Position(id.Pos())
			p, ok = s.cellPosition(pos.Filename, pos.Line, pos.Column)
			return s.errorAt("CompileError", p, ok, fmt.Sprintf(
				"the interpreter cannot give a variable of the cell the type of a call of the generic function %s: declare its type (var v T = %s(...)), or call %s inside a function",
				id.Name, id.Name, id.Name))
		}
	}
	if panicked && len(r.unknownRanges) > 0 {
		x := r.unknownRanges[0]
		pos := s.it.FileSet().Position(x.Pos())
		p, ok = s.cellPosition(pos.Filename, pos.Line, pos.Column)
		return s.errorAt("CompileError", p, ok, fmt.Sprintf(
			"cannot range over %s: if it is an integer, write range int(%s)", exprString(x), exprString(x)))
	}
	if panicked {
		msg = "the interpreter failed on this code: " + msg
		if !ok {
			p, ok = position{r.s.cell, r.c.line, r.c.col}, true
		}
	}
	return s.errorAt("CompileError", p, ok, msg)
}

// genericAtTop returns the generic function called on the right of a
// top-level := or var of a statement chunk, if any: yaegi fails on those.
func (s *Session) genericAtTop(body *ast.BlockStmt) *ast.Ident {
	var found *ast.Ident
	for _, st := range body.List {
		var rhs []ast.Expr
		switch st := st.(type) {
		case *ast.AssignStmt:
			if st.Tok == token.DEFINE {
				rhs = st.Rhs
			}
		case *ast.DeclStmt:
			if g, ok := st.Decl.(*ast.GenDecl); ok {
				for _, sp := range g.Specs {
					if vs, ok := sp.(*ast.ValueSpec); ok && vs.Type == nil {
						rhs = append(rhs, vs.Values...)
					}
				}
			}
		}
		for _, e := range rhs {
			ast.Inspect(e, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok && found == nil {
					fn := call.Fun
					if ix, ok := fn.(*ast.IndexExpr); ok {
						fn = ix.X
					}
					if id, ok := fn.(*ast.Ident); ok && id.Obj == nil && s.generics[id.Name] {
						found = id
					}
				}
				_, lit := n.(*ast.FuncLit)
				return found == nil && !lit
			})
		}
	}
	return found
}

// universe holds Go's predeclared names.
var universe = map[string]bool{}

func init() {
	for _, n := range strings.Fields(`bool byte complex64 complex128 error float32 float64
		int int8 int16 int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr
		any comparable true false iota nil append cap clear close complex copy delete
		imag len make max min new panic print println real recover display progress`) {
		universe[n] = true
	}
}

// undefined returns the first name in the chunk that nothing declares.
func (s *Session) undefined(r *rewriter) *ast.Ident {
	globals := s.globals()
	var found *ast.Ident
	freeIdents(r.root(), func(id *ast.Ident) {
		n := id.Name
		if found != nil || universe[n] || s.decls[n] || strings.HasPrefix(n, "_wb") || strings.Contains(n, "_wb") {
			return
		}
		if _, ok := s.imports[n]; ok {
			return
		}
		if _, ok := globals[n]; ok {
			return
		}
		found = id
	})
	return found
}

// panicError reports a panic or a runtime error at the top-level
// statement (or group of declarations) of the cell that was running. The
// traceback adds the interpreted functions the panic went through,
// innermost first; yaegi gives each one's position only roughly (where
// its code starts), so they are named with their cell and line only.
func (s *Session) panicError(p yaegi.Panic, trace []frame, c *chunk) Output {
	name := "Panic"
	var msg string
	switch v := p.Value.(type) {
	case runtime.Error:
		name, msg = "RuntimeError", v.Error()
	case error:
		msg = v.Error()
	case string:
		msg = v
	default:
		msg = fmt.Sprint(v)
	}
	if t, ok := runtimeMessage(msg); ok {
		name, msg = "RuntimeError", t
	}
	msg = s.cleanMessage(msg)
	v := s.where(position{s.cell, c.line, c.col}) + ": " + msg
	tb := []string{v}
	for _, f := range trace {
		fn := strings.TrimPrefix(f.fn, "main.")
		if fn == "main" {
			continue
		}
		where := fmt.Sprintf("%s:%d", f.file, f.line)
		if pos, ok := s.cellPosition(f.file, f.line, f.col); ok {
			where = fmt.Sprintf("cell %d, line %d", pos.cell, pos.line)
		}
		tb = append(tb, "in "+s.cleanMessage(fn)+" ("+where+")")
	}
	return Output{Type: Error, ErrName: name, ErrValue: v, Traceback: tb}
}

// runtimeMessage turns the reflect panics that yaegi raises for Go's
// runtime errors into Go's words.
func runtimeMessage(msg string) (string, bool) {
	switch {
	case strings.Contains(msg, "on zero Value"), strings.Contains(msg, "nil pointer dereference"):
		return "invalid memory address or nil pointer dereference", true
	case strings.Contains(msg, "index out of range"):
		return "index out of range", true
	case strings.HasPrefix(msg, "reflect"):
		return msg, true
	case strings.HasPrefix(msg, "assignment to entry in nil map"),
		strings.HasPrefix(msg, "integer divide by zero"):
		return msg, true
	}
	return msg, false
}

// Source packages beside the notebook.

// sourceFS is yaegi's source file system: the notebook's folder, and its
// module laid out GOPATH-style under src/.
type sourceFS struct {
	dir     string // the notebook's folder
	modRoot string // the folder of the nearest go.mod at or above dir
	modPath string // its module path
}

func newSourceFS(dir string) sourceFS {
	f := sourceFS{dir: dir}
	for d := dir; ; d = filepath.Dir(d) {
		if b, err := os.ReadFile(filepath.Join(d, "go.mod")); err == nil {
			f.modRoot, f.modPath = d, modulePath(b)
			break
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	return f
}

// modulePath reads the module line of a go.mod.
func modulePath(gomod []byte) string {
	for _, line := range strings.Split(string(gomod), "\n") {
		line = strings.TrimSpace(line)
		if rest, ok := strings.CutPrefix(line, "module"); ok && rest != "" && (rest[0] == ' ' || rest[0] == '\t') {
			p := strings.TrimSpace(rest)
			if u, err := strconv.Unquote(p); err == nil {
				p = u
			}
			return p
		}
	}
	return ""
}

func (f sourceFS) Open(name string) (fs.File, error) {
	name = path.Clean(filepath.ToSlash(name))
	if strings.HasPrefix(name, "../") {
		// import "../lib": beside the notebook's folder.
		return os.Open(filepath.Join(f.dir, filepath.FromSlash(name)))
	}
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if f.modPath != "" {
		p := "src/" + f.modPath
		if name == p || strings.HasPrefix(name, p+"/") {
			return os.Open(filepath.Join(f.modRoot, filepath.FromSlash(strings.TrimPrefix(name[len(p):], "/"))))
		}
		if rest, ok := strings.CutPrefix(name, "src/vendor/"); ok {
			return os.Open(filepath.Join(f.modRoot, "vendor", filepath.FromSlash(rest)))
		}
	}
	return os.Open(filepath.Join(f.dir, filepath.FromSlash(name)))
}

// Cells that go on after an interrupt.

// execFrame is the function yaegi runs a program in, on a goroutine of
// its own, when ExecuteWithContext is called; the goroutine outlives an
// interrupt while it is inside compiled code.
const execFrame = "github.com/traefik/yaegi/interp.(*Interpreter).ExecuteWithContext.func1("

// stuckGrace is how long an interrupted cell may take to stop on its own:
// interpreted code notices the interrupt at its next loop iteration or
// call.
const stuckGrace = 200 * time.Millisecond

// stuckState remembers the goroutines of interrupted cells.
type stuckState struct {
	mu  sync.Mutex
	ids map[uint64]time.Time // goroutine id: when its cell was interrupted
}

// noteInterrupted records the goroutines that are executing interpreted
// code just after an interrupt: no other cell runs then, so they are the
// interrupted cell's (or an earlier interrupted cell's) of this session,
// or those of other sessions in the same process, running now; the
// latter are told apart by the interpreter they run (see execGoroutines).
func (s *Session) noteInterrupted() {
	now := time.Now()
	st := &s.stuck
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.ids == nil {
		st.ids = map[uint64]time.Time{}
	}
	for id := range execGoroutines(s.it) {
		if _, ok := st.ids[id]; !ok {
			st.ids[id] = now
		}
	}
}

// Stuck reports whether a cell that was interrupted is still executing:
// Run returned at the interrupt, but a long call into compiled code (a big
// matrix product, time.Sleep) goes on in the background until it returns,
// and the session's next cells may see its effects. The kernel process
// restarts the kernel when it matters. Just after an interrupt, Stuck
// waits up to stuckGrace (200 ms) for the cell to stop on its own.
// Goroutines that a cell started itself (go statements) are not counted.
func (s *Session) Stuck() bool {
	st := &s.stuck
	st.mu.Lock()
	defer st.mu.Unlock()
	for {
		if len(st.ids) == 0 {
			return false
		}
		live := execGoroutines(s.it)
		latest := time.Time{}
		for id, t := range st.ids {
			if !live[id] {
				delete(st.ids, id)
				continue
			}
			if t.After(latest) {
				latest = t
			}
		}
		if len(st.ids) == 0 {
			return false
		}
		wait := stuckGrace - time.Since(latest)
		if wait <= 0 {
			return true
		}
		time.Sleep(min(wait, 10*time.Millisecond))
	}
}

// execGoroutines returns the ids of the goroutines in which yaegi
// executes a program of interpreter it.
func execGoroutines(it *yaegi.Interpreter) map[uint64]bool {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	// Execute's receiver, the interpreter, is the first word of its
	// arguments in the trace: "...(*Interpreter).Execute(0xc000123400, ...".
	self := fmt.Sprintf("(*Interpreter).Execute(%p", it)
	ids := map[uint64]bool{}
	for _, g := range strings.Split(string(buf), "\n\n") {
		if !strings.Contains(g, "\n"+execFrame) {
			continue
		}
		head, _, _ := strings.Cut(g, "\n")
		f := strings.Fields(head) // goroutine 42 [running]:
		if len(f) < 2 || f[0] != "goroutine" {
			continue
		}
		id, err := strconv.ParseUint(f[1], 10, 64)
		if err != nil {
			continue
		}
		if i := strings.Index(g, "(*Interpreter).Execute(0x"); i >= 0 && !strings.HasPrefix(g[i:], self) {
			continue // another interpreter's
		}
		ids[id] = true
	}
	return ids
}
