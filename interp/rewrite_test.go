package interp

import (
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"regexp"
	"strings"
	"testing"
)

// rewritten returns a cell's chunks after the rewrites, as Go, with the
// engine's numbered names made stable (_wbN1 becomes _wbN#).
func rewritten(t *testing.T, s *Session, cell string) string {
	t.Helper()
	chunks := splitCell(cell)
	s.cellNames = map[string]*ast.Ident{}
	var b strings.Builder
	for i := range chunks {
		c := &chunks[i]
		if err := parseChunk(s.it.FileSet(), c, cellFile(99)); err != nil {
			t.Fatal(err)
		}
		r := &rewriter{s: s, c: c}
		r.rewrite()
		s.recordDecls(c)
		var n ast.Node = c.file
		if c.kind == stmtChunk {
			n = c.body
		}
		printer.Fprint(&b, token.NewFileSet(), n)
		b.WriteString("\n")
	}
	return regexp.MustCompile(`_wb([A-Z]?)\d+`).ReplaceAllString(b.String(), "_wb$1#")
}

func TestRewrite(t *testing.T) {
	tests := []struct {
		name       string
		setup      string // run first
		cell       string
		has, lacks []string
	}{
		{name: "range over int literal", cell: "for i := range 3 { f(i) }",
			has: []string{"_wbN# := 3", "for _wbI# := _wbN# - _wbN#; _wbI# < _wbN#; _wbI#++", "i_wb# := _wbI#"}, lacks: []string{"range"}},
		{name: "range over slice kept", cell: "for i := range []int{1} { f(i) }", has: []string{"range []int{1}"}},
		{name: "range over session int", setup: "n := 4", cell: "for range n {}", has: []string{"_wbN# := n"}},
		{name: "range over session slice kept", setup: "xs := []int{1}", cell: "for i := range xs { f(i) }", has: []string{"range xs"}},
		{name: "range over session constant", setup: "const K = 2", cell: "for range K {}", has: []string{"_wbN# := K"}},
		{name: "range over cell variable", cell: "m := 2 * 3\nfor range m {}", has: []string{"_wbN# := m"}},
		{name: "range over parameter", cell: "func f(n uint8) { for range n {} }", has: []string{"_wbN# := n"}},
		{name: "range over method of compiled type", setup: "a := arrays.Zeros(2)", cell: "for range a.Size() {}", has: []string{"_wbN# := a.Size()"}},
		{name: "range with assignment", cell: "var i int\nfor i = range 2 {}", has: []string{"i = _wbI#"}},
		{name: "labelled range", cell: "L:\nfor range 2 { continue L }", has: []string{"L:\n\t\tfor _wbI#"}},
		{name: "min with constant after", cell: "func g(x float64) float64 { return min(1, x) }", has: []string{"_wbMin(x, 1)"}},
		{name: "min of mixed constants", cell: "func g() float64 { return min(1, 2.5) }", has: []string{"_wbMin(float64(1), float64(2.5))"}},
		{name: "top-level min in statements", cell: "y := min(a, 2)", has: []string{"_wbM# := a", "if 2 != 2 || 2 < _wbM# {", "y := _wbM#"}},
		{name: "max shadowed by the user", setup: "func max(a, b int) int { return a }", cell: "func g() int { return max(1, 2) }", has: []string{"max(1, 2)"}},
		{name: "clear", cell: "clear(m)", has: []string{"_wb.Clear(m)"}},
		{name: "display one per value", cell: "display(a, b)", has: []string{"_wb.Display(a)\n\t_wb.Display(b)"}},
		{name: "loop variable copied", cell: "for _, v := range xs { go f(v) }", has: []string{"v_wb# := v", "go f(v_wb#)"}},
		{name: "three-clause loop variable copied", cell: "func g() { for i := 0; i < 3; i++ { go f(i) } }", has: []string{"i_wb# := i", "go f(i_wb#)"}},
		{name: "assigned loop variable not copied", cell: "func g() { for i := 0; i < 3; i++ { i++; go f(i) } }", lacks: []string{"i_wb#"}},
		{name: "self shadowing renamed", cell: "func g(v int) { if true { v := v + 1; f(v) } }", has: []string{"v_wb# := v + 1", "f(v_wb#)"}},
		{name: "nested declarations renamed", cell: "if true { x := 1; f(x) }", has: []string{"x_wb# := 1", "f(x_wb#)"}},
		{name: "top-level declaration kept", cell: "x := 1", has: []string{"x := 1"}, lacks: []string{"x_wb"}},
		{name: "struct literal key kept", cell: "if true { x := 1; f(S{x: x}) }", has: []string{"S{x: x_wb#}"}},
		{name: "map literal key renamed", cell: "if true { x := 1; f(map[int]int{x: x}) }", has: []string{"map[int]int{x_wb#: x_wb#}"}},
		{name: "redefinition from itself", setup: "x := 1", cell: "x := x + 1", has: []string{"_wbT# := x + 1", "x := _wbT#"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSession(t, Options{})
			if tt.setup != "" {
				if out := runCells(t, s, tt.setup); out != "" {
					t.Fatalf("setup: %s", out)
				}
			}
			got := rewritten(t, s, tt.cell)
			for _, h := range tt.has {
				if !strings.Contains(got, h) {
					t.Errorf("%q rewritten:\n%s\nlacks %q", tt.cell, got, h)
				}
			}
			for _, l := range tt.lacks {
				if strings.Contains(got, l) {
					t.Errorf("%q rewritten:\n%s\nhas %q", tt.cell, got, l)
				}
			}
		})
	}
}

func TestOrderMinMaxArgs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"min(1, x)", "[x 1]"},
		{"min(x, 1)", "[x 1]"},
		{"min(1, 2)", "[1 2]"},
		{"min(1, 2.5)", "[float64(1) float64(2.5)]"},
		{"min(-1, x, 2*3)", "[x -1 2 * 3]"},
	}
	for _, tt := range tests {
		e, err := parser.ParseExpr(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		var parts []string
		for _, a := range orderMinMaxArgs(e.(*ast.CallExpr).Args) {
			parts = append(parts, exprString(a))
		}
		if got := "[" + strings.Join(parts, " ") + "]"; got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestCleanMessage(t *testing.T) {
	s := newTestSession(t, Options{})
	s.cell = 3
	tests := []struct{ in, want string }{
		{"undefined: x_wb12", "undefined: x"},
		{"cannot use T_wb2 as int", "cannot use T as int"},
		{"untyped float does not implement main._wbOrdered", "untyped float does not implement ordered type"},
		{"redeclared at wbcell3/_.go:2:5", "redeclared at line 2, column 5"},
		{"see wbcell1/_.go:4:1", "see cell 1, line 4, column 1"},
	}
	for _, tt := range tests {
		if got := s.cleanMessage(tt.in); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCloneExpr(t *testing.T) {
	e, _ := parser.ParseExpr("f(a+1, []int{2})")
	c := cloneExpr(e)
	if exprString(c) != exprString(e) {
		t.Errorf("clone %s of %s", exprString(c), exprString(e))
	}
	if c.(*ast.CallExpr).Args[0] == e.(*ast.CallExpr).Args[0] {
		t.Error("clone shares nodes")
	}
}
