package interp

import (
	"errors"
	"go/scanner"
	"go/token"
	"strings"
)

// IsComplete says whether cell is ready to run, as Jupyter's is_complete
// asks: "complete", "incomplete" (more lines are coming; indent is what
// the next line should start with) or "invalid".
//
// A cell is incomplete when it ends inside an open brace, parenthesis or
// bracket, a raw string or a block comment, or after a token that cannot
// end a statement (a binary operator, a comma, a dot, an assignment, a
// keyword such as else): where Go would not insert a semicolon at the
// line's end. indent is then the indentation of the last line, plus a tab
// after an opening brace, parenthesis or bracket or a case's colon (none
// inside a raw string). A cell is invalid when it has a syntax error that
// more lines cannot fix: an error at or before its last token, an unmatched
// closing bracket, an unterminated interpreted string or rune literal, an
// illegal character. An empty cell is complete.
func IsComplete(cell string) (status, indent string) {
	if strings.TrimSpace(cell) == "" {
		return "complete", ""
	}
	fset := token.NewFileSet()
	tf := fset.AddFile("", -1, len(cell))
	var sc scanner.Scanner
	var scanErrs []string
	sc.Init(tf, []byte(cell), func(_ token.Position, msg string) { scanErrs = append(scanErrs, msg) }, scanner.ScanComments)
	var stack []token.Token
	var last scanned // the last token that is not a comment nor an inserted semicolon
	lastAny := scanned{off: -1}
	seen := false
	for {
		pos, tok, lit := sc.Scan()
		if tok == token.EOF {
			break
		}
		t := scanned{off: tf.Offset(pos), tok: tok, lit: lit}
		lastAny = t
		switch tok {
		case token.COMMENT:
			continue
		case token.SEMICOLON:
			if lit == "\n" {
				continue
			}
		case token.LPAREN, token.LBRACK, token.LBRACE:
			stack = append(stack, tok)
		case token.RPAREN, token.RBRACK, token.RBRACE:
			open := map[token.Token]token.Token{token.RPAREN: token.LPAREN, token.RBRACK: token.LBRACK, token.RBRACE: token.LBRACE}[tok]
			if len(stack) == 0 || stack[len(stack)-1] != open {
				return "invalid", ""
			}
			stack = stack[:len(stack)-1]
		}
		last, seen = t, true
	}
	for _, msg := range scanErrs {
		switch msg {
		case "raw string literal not terminated":
			return "incomplete", ""
		case "comment not terminated":
			return "incomplete", lineIndent(cell, lastAny.off)
		}
	}
	if len(scanErrs) > 0 {
		return "invalid", ""
	}
	if !seen { // only comments
		return "complete", ""
	}
	cont := continues(last.tok)
	if len(stack) == 0 && !cont {
		if parseErrorAt(cell) >= 0 {
			return "invalid", ""
		}
		return "complete", ""
	}
	// More is coming; but an error before the last token stays.
	text := cell
	if cont {
		text += " _"
	}
	text += closers(text)
	if off := parseErrorAt(text); off >= 0 && off <= last.off {
		return "invalid", ""
	}
	indent = lineIndent(cell, last.off)
	switch last.tok {
	case token.LBRACE, token.LPAREN, token.LBRACK:
		indent += "\t"
	case token.COLON:
		if len(stack) > 0 && stack[len(stack)-1] == token.LBRACE {
			indent += "\t"
		}
	}
	return "incomplete", indent
}

// continues says whether a statement goes on after tok at the end of a
// line: Go inserts no semicolon after it.
func continues(tok token.Token) bool {
	switch tok {
	case token.IDENT, token.INT, token.FLOAT, token.IMAG, token.CHAR, token.STRING,
		token.BREAK, token.CONTINUE, token.FALLTHROUGH, token.RETURN,
		token.INC, token.DEC, token.RPAREN, token.RBRACK, token.RBRACE, token.SEMICOLON:
		return false
	}
	return true
}

// lineIndent returns the leading spaces and tabs of the line holding
// offset off.
func lineIndent(src string, off int) string {
	off = max(0, min(off, len(src)))
	start := strings.LastIndexByte(src[:off], '\n') + 1
	end := start
	for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
		end++
	}
	return src[start:end]
}

// parseErrorAt parses src as the engine parses a cell and returns the
// byte offset of the first syntax error, or -1.
func parseErrorAt(src string) int {
	fset := token.NewFileSet()
	first := -1
	for _, c := range splitCell(src) {
		err := parseChunk(fset, &c, "wbcell1/_.go")
		if err == nil {
			continue
		}
		off := len(src)
		var el scanner.ErrorList
		if errors.As(err, &el) && len(el) > 0 {
			p := el[0].Pos
			if p.Line >= 1 && p.Filename == "wbcell1/_.go" {
				off = lineColOffset(src, p.Line, p.Column)
			}
		}
		if first < 0 || off < first {
			first = off
		}
	}
	return first
}

// lineColOffset turns a 1-based line and column into an offset of src,
// clamped to its length.
func lineColOffset(src string, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(src[off:], '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	return min(off+col-1, len(src))
}
