package interp

// Splitting a cell into chunks that yaegi can evaluate.
//
// yaegi evaluates a piece of source either as declarations (when its first
// word is import, func, type, var or const) or as the body of a function
// (anything else), whose := variables stay visible to later pieces but
// which cannot declare functions or types. A notebook cell mixes both, so
// the engine cuts it, with go/scanner, into its top-level statements and
// declarations, groups runs of declarations into one chunk (so that they
// may refer to each other) and makes each top-level statement a chunk of
// its own (so that a panic is reported at its statement), and parses each
// chunk itself with go/parser on the interpreter's FileSet, then hands the
// syntax tree to yaegi (CompileAST). All chunks are compiled before the
// first runs: a compile error anywhere in the cell runs nothing. As in a
// REPL, a name must be declared above its first use in the cell (a group
// of declarations may refer to each other in any order).
//
// Positions: each chunk's source starts with a /*line wbcellN/_.go:L:C*/
// comment, so that every position yaegi or go/parser reports is the line
// and column within cell N (the Nth cell the session ran), on line 1 as on
// any other, and never a position in the wrapper. All the files share the
// base name "_.go", which yaegi uses to scope imports: an import in one
// cell is seen by the next.

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"

	"workbench/sessions/cellsplit"
)

type chunkKind uint8

const (
	declChunk chunkKind = iota + 1 // imports, functions, types and constants
	stmtChunk                      // a statement (var declarations included), run at the top level
)

// chunk is a run of top-level declarations or statements of a cell.
type chunk struct {
	kind      chunkKind
	text      string // the cell's text of the chunk
	line, col int    // where text starts in the cell (1-based)

	fname string         // "wbcellN/_.go"
	src   string         // what was parsed: the text in a wrapper
	tfile *token.File    // src's file in the interpreter's FileSet
	file  *ast.File      // the parsed wrapper
	body  *ast.BlockStmt // the statements, for a statement chunk

	// lastExpr marks a chunk that is the cell's last expression statement
	// alone: its value is shown as the cell's result.
	lastExpr bool
}

// cellFile is the name positions of cell n carry.
func cellFile(n int) string { return fmt.Sprintf("wbcell%d/_.go", n) }

// parseName is the name every chunk is parsed under: the base name yaegi
// scopes imports with is the same for all.
const parseName = "_.go"

// splitCell cuts a cell into chunks, in order (cellsplit.Split cuts it
// into units; consecutive declarations make one chunk). Syntax errors are
// left to the parser, which reports them with their position.
func splitCell(src string) []chunk {
	var chunks []chunk
	for _, u := range cellsplit.Split(src) {
		kind := stmtChunk
		if u.Decl {
			kind = declChunk
		}
		if n := len(chunks); n > 0 && kind == declChunk && chunks[n-1].kind == declChunk {
			c := &chunks[n-1]
			c.text = src[offsetOf(src, c.line, c.col):u.End]
			continue
		}
		line, col := lineCol(src, u.Start)
		chunks = append(chunks, chunk{kind: kind, text: src[u.Start:u.End], line: line, col: col})
	}
	return chunks
}

// lineCol returns the 1-based line and byte column of offset off.
func lineCol(src string, off int) (line, col int) {
	line = 1 + strings.Count(src[:off], "\n")
	col = off - strings.LastIndex(src[:off], "\n")
	return line, col
}

// offsetOf is the inverse of lineCol.
func offsetOf(src string, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		off += strings.IndexByte(src[off:], '\n') + 1
	}
	return off + col - 1
}

// lineDirective places what follows it at line:col of file.
func lineDirective(file string, line, col int) string {
	return fmt.Sprintf("/*line %s:%d:%d*/", file, line, col)
}

// parseChunk parses c on fset; positions come out within the cell.
func parseChunk(fset *token.FileSet, c *chunk, fname string) error {
	c.fname = fname
	dir := lineDirective(fname, c.line, c.col)
	if c.kind == declChunk {
		c.src = "package main\n" + dir + c.text + "\n"
	} else {
		c.src = "package main; func main() {" + dir + c.text + "\n}\n"
	}
	f, err := parser.ParseFile(fset, parseName, c.src, parser.DeclarationErrors)
	if f != nil {
		c.tfile = fset.File(f.Package)
	}
	if err != nil {
		return err
	}
	c.file = f
	if c.kind == stmtChunk {
		c.body = f.Decls[0].(*ast.FuncDecl).Body
	}
	return nil
}

// splitLastExpr puts a final expression statement into a chunk of its
// own, marked lastExpr.
func splitLastExpr(chunks []chunk) []chunk {
	n := len(chunks)
	if n == 0 || chunks[n-1].kind != stmtChunk {
		return chunks
	}
	last := &chunks[n-1]
	list := last.body.List
	if len(list) == 0 {
		return chunks
	}
	if _, ok := list[len(list)-1].(*ast.ExprStmt); !ok {
		return chunks
	}
	if len(list) == 1 {
		last.lastExpr = true
		return chunks
	}
	tail := *last
	tail.body = &ast.BlockStmt{Lbrace: last.body.Lbrace, List: list[len(list)-1:], Rbrace: last.body.Rbrace}
	tail.lastExpr = true
	last.body = &ast.BlockStmt{Lbrace: last.body.Lbrace, List: list[:len(list)-1], Rbrace: last.body.Rbrace}
	return append(chunks, tail)
}

// textOf returns the source text of node n in chunk c.
func (c *chunk) textOf(n ast.Node) string {
	return c.src[c.tfile.Offset(n.Pos()):c.tfile.Offset(n.End())]
}

// root is the part of the chunk that is the user's code: the file of a
// declaration chunk, the block of a statement chunk.
func (c *chunk) root() ast.Node {
	if c.kind == stmtChunk {
		return c.body
	}
	return c.file
}
