package interp

// What the session keeps of the declarations its cells made, for
// completion, inspection and the variables listing: yaegi's Globals
// gives the values of variables and constants only, and its reflect types
// of interpreted types have no names and no methods; the declarations'
// source says what they are.

import (
	"go/parser"
	"go/token"
	"strings"
)

// noteDecls records the top-level declarations of a chunk that compiled:
// their kind, declaration and doc comment, a function's result types, a
// struct type's fields, the methods of the cells' types. The chunk's
// text is parsed again (with its comments): the engine's own parse has
// been rewritten.
func (s *Session) noteDecls(c *chunk) {
	if s.info == nil {
		s.info = map[string]*nameInfo{}
		s.methods = map[string]map[string]*memberInfo{}
	}
	text := c.text
	if c.kind == declChunk {
		text = withDocComment(s.cellSrc, c.text, c.line, c.col)
	}
	src := "package main\n" + text + "\n"
	if c.kind == stmtChunk {
		src = "package main; func main() {\n" + text + "\n}\n"
	}
	fset := token.NewFileSet()
	f, _ := parser.ParseFile(fset, "", src, parser.ParseComments|parser.SkipObjectResolution)
	if f == nil {
		return
	}
	names := map[string]*nameInfo{}
	d := &declReader{fset: fset, names: names, method: func(typ, name string, m *memberInfo) {
		if s.methods[typ] == nil {
			s.methods[typ] = map[string]*memberInfo{}
		}
		s.methods[typ][name] = m
	}}
	d.topLevel(f, c.kind == stmtChunk)
	for n, ni := range names {
		if ni.kind != "package" { // imports are the engine's (Session.imports)
			s.info[n] = ni
		}
	}
}

// withDocComment returns a chunk's text with the comment lines just above
// it in the cell (its first declaration's doc comment, which the chunk
// does not hold), when cell is the chunk's cell.
func withDocComment(cell, text string, line, col int) string {
	start := offsetOf(cell, line, col)
	if start < 0 || start > len(cell) || !strings.HasPrefix(cell[start:], text) {
		return text
	}
	return cell[docCommentStart(cell, start):start] + text
}

// docCommentStart returns where the comment lines that end on the line
// above offset start begin (start itself when there are none). A chunk
// starts at the beginning of its line or after a semicolon.
func docCommentStart(src string, start int) int {
	lineStart := strings.LastIndexByte(src[:start], '\n') + 1
	if strings.TrimSpace(src[lineStart:start]) != "" {
		return start
	}
	begin := start
	for lineStart > 0 {
		prev := strings.LastIndexByte(src[:lineStart-1], '\n') + 1
		l := strings.TrimSpace(src[prev : lineStart-1])
		if !strings.HasPrefix(l, "//") {
			break
		}
		begin, lineStart = prev, prev
	}
	return begin
}
