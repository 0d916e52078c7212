package interp

import (
	"go/token"
	"strings"
	"testing"
)

func TestSplitCell(t *testing.T) {
	type c struct {
		kind      chunkKind
		line, col int
		text      string
	}
	tests := []struct {
		name string
		cell string
		want []c
	}{
		{"empty", "", nil},
		{"comment only", "// nothing\n", nil},
		{"one statement", "x := 1", []c{{stmtChunk, 1, 1, "x := 1"}}},
		{"statements one by one", "x := 1\n  y := 2; z := 3",
			[]c{{stmtChunk, 1, 1, "x := 1"}, {stmtChunk, 2, 3, "y := 2"}, {stmtChunk, 2, 11, "z := 3"}}},
		{"declarations together", "func f() {}\ntype T int\nconst k = 1\nx := f",
			[]c{{declChunk, 1, 1, "func f() {}\ntype T int\nconst k = 1"}, {stmtChunk, 4, 1, "x := f"}}},
		{"var is a statement", "type T int\nvar v T", []c{{declChunk, 1, 1, "type T int"}, {stmtChunk, 2, 1, "var v T"}}},
		{"mixed", "import \"os\"\nos.Exit(0)\nconst c = 1\n\nc",
			[]c{{declChunk, 1, 1, "import \"os\""}, {stmtChunk, 2, 1, "os.Exit(0)"}, {declChunk, 3, 1, "const c = 1"}, {stmtChunk, 5, 1, "c"}}},
		{"multi-line statement", "for i := 0; i < 3; i++ {\n\tfmt.Println(i)\n}\nx",
			[]c{{stmtChunk, 1, 1, "for i := 0; i < 3; i++ {\n\tfmt.Println(i)\n}"}, {stmtChunk, 4, 1, "x"}}},
		{"if with init", "if v := f(); v > 0 { g() }", []c{{stmtChunk, 1, 1, "if v := f(); v > 0 { g() }"}}},
		{"method", "func (p P) M() {}", []c{{declChunk, 1, 1, "func (p P) M() {}"}}},
		{"generic method", "func (l L[T]) M() {}", []c{{declChunk, 1, 1, "func (l L[T]) M() {}"}}},
		{"function literal called", "func() { x() }()", []c{{stmtChunk, 1, 1, "func() { x() }()"}}},
		{"function literal with a result", "func() T { return T{} }()", []c{{stmtChunk, 1, 1, "func() T { return T{} }()"}}},
		{"grouped declaration", "var (\n\ta = 1\n\tb = 2\n)", []c{{stmtChunk, 1, 1, "var (\n\ta = 1\n\tb = 2\n)"}}},
		{"label", "outer:\nfor {\n\tbreak outer\n}", []c{{stmtChunk, 1, 1, "outer:\nfor {\n\tbreak outer\n}"}}},
		{"unbalanced", "x := (1 +", []c{{stmtChunk, 1, 1, "x := (1 +"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := splitCell(tt.cell)
			if len(got) != len(tt.want) {
				t.Fatalf("%q: got %d chunks %+v, want %d", tt.cell, len(got), got, len(tt.want))
			}
			for i, g := range got {
				w := tt.want[i]
				if g.kind != w.kind || g.line != w.line || g.col != w.col || g.text != w.text {
					t.Errorf("%q chunk %d: got %v %d:%d %q, want %v %d:%d %q", tt.cell, i, g.kind, g.line, g.col, g.text, w.kind, w.line, w.col, w.text)
				}
			}
		})
	}
}

// TestParseChunkPositions checks that positions in a parsed chunk are
// those of the cell, on line 1 as on later lines.
func TestParseChunkPositions(t *testing.T) {
	cell := "x := 1\n  y := x + 2\nfunc f() {}"
	fset := token.NewFileSet()
	for _, ch := range splitCell(cell) {
		if err := parseChunk(fset, &ch, cellFile(7)); err != nil {
			t.Fatal(err)
		}
		var pos token.Pos
		if ch.kind == stmtChunk {
			pos = ch.body.List[0].Pos()
		} else {
			pos = ch.file.Decls[0].Pos()
		}
		p := fset.Position(pos)
		if p.Filename != "wbcell7/_.go" || p.Line != ch.line || p.Column != ch.col {
			t.Errorf("chunk %q at %v, want wbcell7/_.go:%d:%d", ch.text, p, ch.line, ch.col)
		}
		if got := ch.textOf(ch.root()); !strings.Contains(got, strings.TrimSpace(ch.text)) {
			t.Errorf("textOf %q, want %q", got, ch.text)
		}
	}
}

func TestSplitLastExpr(t *testing.T) {
	fset := token.NewFileSet()
	chunks := splitCell("x := 1\nx + 1")
	for i := range chunks {
		if err := parseChunk(fset, &chunks[i], cellFile(1)); err != nil {
			t.Fatal(err)
		}
	}
	chunks = splitLastExpr(chunks)
	if !chunks[len(chunks)-1].lastExpr || chunks[0].lastExpr {
		t.Errorf("lastExpr marks: %v %v", chunks[0].lastExpr, chunks[1].lastExpr)
	}
}
