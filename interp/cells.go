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
	"go/scanner"
	"go/token"
	"strings"
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

// unit is one top-level statement or declaration.
type unit struct {
	decl       bool
	start, end int // byte offsets in the cell
}

// splitCell cuts a cell into chunks, in order. Syntax errors are left to
// the parser, which reports them with their position.
func splitCell(src string) []chunk {
	fset := token.NewFileSet()
	tf := fset.AddFile("", -1, len(src))
	var sc scanner.Scanner
	sc.Init(tf, []byte(src), nil, 0)

	var units []unit
	var cur []token.Token // the tokens of the unit being read
	curStart := 0
	depth := 0
	header := false // in the header of a for, if or switch, whose ; do not end it
	closeUnit := func(end int) {
		if len(cur) > 0 {
			units = append(units, unit{decl: isDeclUnit(cur), start: curStart, end: end})
		}
		cur = cur[:0]
	}
	for {
		pos, t, lit := sc.Scan()
		off := tf.Offset(pos)
		if t == token.EOF {
			closeUnit(len(src))
			break
		}
		switch t {
		case token.FOR, token.IF, token.SWITCH, token.SELECT:
			if depth == 0 {
				header = true
			}
		case token.LBRACE:
			if depth == 0 {
				header = false
			}
			depth++
		case token.LPAREN, token.LBRACK:
			depth++
		case token.RPAREN, token.RBRACE, token.RBRACK:
			if depth > 0 {
				depth--
			}
		case token.SEMICOLON:
			if depth == 0 && !(header && lit == ";") {
				closeUnit(min(off, len(src)))
				header = false
				continue
			}
		}
		if len(cur) == 0 {
			curStart = off
		}
		cur = append(cur, t)
	}

	var chunks []chunk
	for _, u := range units {
		kind := stmtChunk
		if u.decl {
			kind = declChunk
		}
		if n := len(chunks); n > 0 && kind == declChunk && chunks[n-1].kind == declChunk {
			c := &chunks[n-1]
			c.text = src[offsetOf(src, c.line, c.col):u.end]
			continue
		}
		line, col := lineCol(src, u.start)
		chunks = append(chunks, chunk{kind: kind, text: src[u.start:u.end], line: line, col: col})
	}
	return chunks
}

// isDeclUnit says whether a unit, given by its tokens, is a declaration:
// it starts with import, type or const, or with func followed by a name,
// or by a receiver and a name (a method); func followed by a parameter
// list and anything else is a function literal. A var declaration is run
// as a statement: yaegi cannot initialise a package-level variable from a
// variable that a cell declared with :=.
func isDeclUnit(toks []token.Token) bool {
	switch toks[0] {
	case token.IMPORT, token.TYPE, token.CONST:
		return true
	case token.FUNC:
	default:
		return false
	}
	if len(toks) < 2 {
		return false
	}
	if toks[1] == token.IDENT {
		return true
	}
	if toks[1] != token.LPAREN {
		return false
	}
	depth := 0
	for i := 1; i < len(toks); i++ {
		switch toks[i] {
		case token.LPAREN:
			depth++
		case token.RPAREN:
			depth--
			if depth == 0 {
				return i+2 < len(toks) && toks[i+1] == token.IDENT &&
					(toks[i+2] == token.LPAREN || toks[i+2] == token.LBRACK)
			}
		}
	}
	return false
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
