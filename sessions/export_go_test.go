package sessions

import (
	"bytes"
	"context"
	"fmt"
	"go/format"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// goRun writes a program into a fresh folder under testdata/export (inside
// the module, so that it can import our packages), vets it and runs it
// there, and returns its standard output and the folder, which is removed
// when the test ends.
func goRun(t *testing.T, program []byte) (stdout string, dir string) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs a Go program")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("the go command is not on PATH: %v", err)
	}
	dir, err = os.MkdirTemp(filepath.Join("testdata", "export"), "tmp-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.WriteFile(filepath.Join(dir, "main.go"), program, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	for _, args := range [][]string{{"vet", "."}, {"run", "."}} {
		cmd := exec.CommandContext(ctx, gobin, args...)
		cmd.Dir = dir
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			t.Fatalf("go %s: %v\n%s\nthe program:\n%s", strings.Join(args, " "), err, errb.String(), numbered(program))
		}
		stdout = out.String()
	}
	return stdout, dir
}

// numbered returns source with line numbers, for failure messages.
func numbered(src []byte) string {
	var b strings.Builder
	for i, l := range strings.Split(string(src), "\n") {
		fmt.Fprintf(&b, "%4d  %s\n", i+1, l)
	}
	return b.String()
}

// TestExportGoRunsLikeTheNotebook exports the fixture session (written by
// testdata/export/gen.go from a run of Workbench's kernel), builds and runs
// the program, and checks that it prints what the notebook printed and
// showed, in order, and writes the figure.
func TestExportGoRunsLikeTheNotebook(t *testing.T) {
	nb, err := Load(filepath.Join("testdata", "export", "session.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := ExportGo(&buf, nb, ExportOptions{Name: "session"}); err != nil {
		t.Fatal(err)
	}
	program := buf.Bytes()
	if formatted, err := format.Source(program); err != nil || !bytes.Equal(formatted, program) {
		t.Errorf("the program is not gofmt-formatted (%v)", err)
	}
	for _, want := range []string{
		"func f_cell4(v float64) float64", // the first f, renamed
		"fmt.Println(\"f before:\", f_cell4(1))",
		"func f(v float64) float64 { return 3 * v }",
		"var rng = random.New(42)",
		"scaled = func(v float64) float64 { return v * scale }", // uses main's scale: a closure
		"display(x_cell2.Sum())",
		"x := \"now a string\"",
		"_ = unused",
		"// # Export fixture",
	} {
		if !bytes.Contains(program, []byte(want)) {
			t.Errorf("the program lacks %q", want)
		}
	}
	stdout, dir := goRun(t, program)

	// What the notebook printed and showed, in order.
	var want []string
	for i, c := range nb.Cells {
		k := 0
		for _, o := range c.Outputs {
			switch o.Type {
			case OutputStream:
				if o.Name == "stdout" {
					want = append(want, o.Text)
				}
			case OutputDisplayData, OutputExecuteResult:
				if _, ok := o.Data[MIMEProgress]; ok {
					continue
				}
				k++
				if _, ok := o.Data[MIMEPNG]; ok {
					want = append(want, fmt.Sprintf("cell%d_%d.png\n", i+1, k))
					continue
				}
				want = append(want, string(o.Data[MIMEText])+"\n")
			}
		}
	}
	if len(want) < 10 {
		t.Fatalf("the fixture has only %d outputs", len(want))
	}
	rest := stdout
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Fatalf("the program's output lacks %q (in order) in:\n%s", w, stdout)
		}
		rest = rest[i+len(w):]
	}
	f, err := os.Open(filepath.Join(dir, "cell14_1.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 300 || b.Dy() != 200 {
		t.Errorf("the figure is %dx%d, want 300x200 as in the notebook", b.Dx(), b.Dy())
	}
}

// TestExportGoHardCases exports cells that a notebook allows and Go does
// not as written (redefinitions of variables, types, methods and
// constants, functions using main's variables, unused variables and
// imports, cells that fail), builds the program and runs it.
func TestExportGoHardCases(t *testing.T) {
	nb := New()
	add := func(src string) *Cell {
		c := NewCode(src)
		nb.Cells = append(nb.Cells, c)
		return c
	}
	add("import (\n\tm \"math\"\n\t\"sort\" // unused\n\t\"strings\"\n)\n\nx := 2\nfmt.Println(\"m\", m.Sqrt(16), strings.Repeat(\"a\", x))")
	add("x := x * 10\nfmt.Println(\"x\", x)")
	add("type shape struct{ w, h float64 }\n\nfunc (s shape) area() float64 { return s.w * s.h }\nfunc (s shape) name() string { return \"shape\" }\n\nfmt.Println(shape{w: 2, h: 3}.area(), shape{2, 3}.name())")
	add("type shape struct{ w, h, d float64 }\n\nfunc (s shape) area() float64 { return 2 * s.w * s.h }\n\ns := shape{w: 1, h: 2, d: 3}\nfmt.Println(s.area(), s.name())")
	add("type tag string\n\nfunc (t tag) String() string { return \"tag:\" + string(t) }\nfmt.Println(tag(\"a\"))")
	add("func (t tag) String() string { return \"TAG:\" + string(t) }\nfmt.Println(tag(\"b\"))")
	add("const k = 3\n\nfunc sum[T int | float64](xs ...T) T {\n\tvar s T\n\tfor _, v := range xs {\n\t\ts += v\n\t}\n\treturn s\n}\n\nfmt.Println(sum(1, 2, k))")
	add("const k = 4.5\nfmt.Println(sum(1.0, k))")
	add("base := 100\n\nfunc fib(n int) int {\n\tif n < 2 {\n\t\treturn n\n\t}\n\treturn fib(n-1) + fib(n-2) + base*0\n}\n\nfunc twice(n int) int { return 2 * fib(n) }\n\nfmt.Println(fib(10), twice(5))")
	add("w := \"key\"\ncounts := map[string]int{w: 1}\nsh := shape{w: 5, h: 1}\nif n := len(counts); true {\n\tfmt.Println(\"map\", counts[\"key\"], sh.w)\n}")
	add("w := 7\nfmt.Println(\"w\", w)")
	add("var v any = 3.5\nswitch t := v.(type) {\ncase int:\n\tfmt.Println(\"int\")\ncase float64:\n\tfmt.Println(\"float\", t)\n}\nouter:\nfor i := range 3 {\n\tfor j := range 3 {\n\t\tif j == 1 {\n\t\t\tcontinue outer\n\t\t}\n\t\tif i == 2 {\n\t\t\tbreak outer\n\t\t}\n\t\tfmt.Println(\"ij\", i, j)\n\t}\n}")
	add("fmt.Println(")
	bad := add("fmt.Println(undefinedThing)")
	one := 1
	bad.ExecutionCount = &one
	bad.Outputs = []Output{{Type: OutputError, EName: "CompileError", EValue: "1:13: undefined: undefinedThing"}}
	add("len(counts)")
	add("fmt.Println(\"plain\")")
	add("twice(3)")
	add("func main() { fmt.Println(\"user main\") }\nmain()")
	add("display := 3\nfmt.Println(display)")
	add("func helper() int { return 1 }\nbeginCell := helper()\nbeginCell")
	nb.Cells = append(nb.Cells, NewMarkdown("The end: *done*."))

	var buf bytes.Buffer
	seed := uint64(7)
	if err := ExportGo(&buf, nb, ExportOptions{Name: "hard", Seed: &seed}); err != nil {
		t.Fatal(err)
	}
	program := buf.Bytes()
	for _, want := range []string{
		"x_cell1 := 2",
		"x := x_cell1 * 10",
		"type shape_cell3 struct{ w, h float64 }",
		"func (s shape) name() string", // name copied to the new shape
		"// NOTE: this defines tag.String again",
		"const k_cell7 = 3",
		"var fib func(n int) int", // uses base: a closure
		"var twice func(n int) int",
		"counts := map[string]int{w_cell10: 1}",
		"sh := shape{w: 5, h: 1}",
		"_ = n",
		"// NOTE: this cell is left out: it does not parse: line 1: expected operand",
		"// NOTE: this cell is left out: it failed to compile in the notebook",
		"display(len(counts))",
		"\tfmt.Println(\"plain\")",
		"display(twice(3))",
		"// The end: *done*.",
		"func main_cell18() {",
		"\tmain_cell18()",
		"display_cell19 := 3",
		"beginCell := helper()",
		"beginCell_2(20)",
		"display(beginCell)",
		"m \"math\"",
	} {
		if !bytes.Contains(program, []byte(want)) {
			t.Errorf("the program lacks %q:\n%s", want, numbered(program))
		}
	}
	for _, bad := range []string{"\"sort\"", "random"} {
		if bytes.Contains(program, []byte(bad)) {
			t.Errorf("the program has %s, which it does not use", bad)
		}
	}
	stdout, _ := goRun(t, program)
	want := "m 4 aa\nx 20\n6 shape\n4 shape\nTAG:a\nTAG:b\n6\n5.5\n55 10\nmap 1 5\nw 7\nfloat 3.5\nij 0 0\nij 1 0\n1\nplain\n4\nuser main\n3\n1\n"
	if stdout != want {
		t.Errorf("the program printed\n%s\nwant\n%s", stdout, want)
	}
}

func TestExportGoSmallCases(t *testing.T) {
	export := func(t *testing.T, nb *Notebook, opts ExportOptions) string {
		t.Helper()
		var buf bytes.Buffer
		if err := ExportGo(&buf, nb, opts); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	t.Run("no seed", func(t *testing.T) {
		nb := New()
		nb.Cells = append(nb.Cells, NewCode("fmt.Println(rng.Random(2))"))
		got := export(t, nb, ExportOptions{})
		for _, want := range []string{"// NOTE: the notebook records no seed; rng is seeded with 0.", "var rng = random.New(0)", "\"workbench/arrays/random\""} {
			if !strings.Contains(got, want) {
				t.Errorf("lacks %q:\n%s", want, got)
			}
		}
	})
	t.Run("no code", func(t *testing.T) {
		nb := New()
		nb.Cells = append(nb.Cells, NewMarkdown("# Only words"))
		got := export(t, nb, ExportOptions{})
		if !strings.Contains(got, "func main() {\n\t// Cell 1 (markdown):") || strings.Contains(got, "\nimport") || strings.Contains(got, "func display") {
			t.Errorf("got:\n%s", got)
		}
	})
	t.Run("foreign", func(t *testing.T) {
		nb, err := Load(filepath.Join("testdata", "jupyter_python.ipynb"))
		if err != nil {
			t.Fatal(err)
		}
		if err := ExportGo(&bytes.Buffer{}, nb, ExportOptions{}); err == nil || !strings.Contains(err.Error(), "python") {
			t.Errorf("a Python notebook: %v", err)
		}
	})
	t.Run("reserved names", func(t *testing.T) {
		nb := New()
		nb.Cells = append(nb.Cells,
			NewCode("func main() { fmt.Println(\"user main\") }\nmain()"),
			NewCode("display := 3\nfmt.Println(display)"),
			NewCode("func helper() int { return 1 }\nbeginCell := helper()\nbeginCell"))
		got := export(t, nb, ExportOptions{})
		for _, want := range []string{"func main_cell1() {", "\tmain_cell1()", "display_cell2 := 3", "beginCell := helper()", "beginCell_2(3)", "display(beginCell)"} {
			if !strings.Contains(got, want) {
				t.Errorf("lacks %q:\n%s", want, got)
			}
		}
	})
}
