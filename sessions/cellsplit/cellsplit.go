// Package cellsplit cuts a notebook cell of Go into its top-level
// declarations and statements, which a cell may mix in any order. The
// kernel's engine (interp) runs the pieces in order, and the Go export
// (sessions) places them in a program; both cut cells here, so that they
// agree. It is a leaf package: it imports only the standard library, and
// any layer may import it.
package cellsplit

import (
	"go/scanner"
	"go/token"
)

// Unit is one top-level declaration or statement of a cell: the bytes
// [Start, End) of the cell's text, without the semicolon or line break
// that ends it.
type Unit struct {
	// Decl is set for a declaration: import, type, const, a named
	// function or a method. A var declaration is a statement (the
	// engine cannot initialise a package-level variable from a variable
	// that a cell declared with :=).
	Decl       bool
	Start, End int
}

// Split cuts src at the semicolons (written or implied) outside brackets
// and outside the headers of for, if, switch and select. Syntax errors are
// left to the parser, which reports them with their position.
func Split(src string) []Unit {
	fset := token.NewFileSet()
	tf := fset.AddFile("", -1, len(src))
	var sc scanner.Scanner
	sc.Init(tf, []byte(src), nil, 0)

	var units []Unit
	var cur []token.Token // the tokens of the unit being read
	start, depth := 0, 0
	header := false // in the header of a for, if or switch, whose ; do not end it
	closeUnit := func(end int) {
		if len(cur) > 0 {
			units = append(units, Unit{Decl: isDecl(cur), Start: start, End: end})
		}
		cur = cur[:0]
	}
	for {
		pos, t, lit := sc.Scan()
		off := tf.Offset(pos)
		if t == token.EOF {
			closeUnit(len(src))
			return units
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
			start = off
		}
		cur = append(cur, t)
	}
}

// isDecl says whether a unit, given by its tokens, is a declaration: it
// starts with import, type or const, or with func followed by a name, or
// by a receiver and a name (a method); func followed by a parameter list
// and anything else is a function literal.
func isDecl(toks []token.Token) bool {
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
