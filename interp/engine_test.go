package interp

import (
	"context"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"workbench/arrays"
)

// newTestSession starts a session that the test closes.
func newTestSession(t testing.TB, opts Options) *Session {
	t.Helper()
	s, err := NewSession(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// render writes outputs as the golden programs show them: stream text as
// is, "=> value" for a result, "display: value" for a display and
// "Name: value" for an error.
func render(outs []Output) string {
	var b strings.Builder
	for _, o := range outs {
		switch o.Type {
		case Stream:
			if o.Name == "stderr" {
				for _, l := range strings.SplitAfter(o.Text, "\n") {
					if l != "" {
						b.WriteString("stderr: " + l)
					}
				}
			} else {
				b.WriteString(o.Text)
			}
			if !strings.HasSuffix(o.Text, "\n") {
				b.WriteString("\n")
			}
		case ExecuteResult:
			b.WriteString("=> " + string(o.Data[MIMEText]) + "\n")
		case DisplayData:
			b.WriteString("display: " + string(o.Data[MIMEText]) + "\n")
		case Error:
			b.WriteString(o.ErrName + ": " + o.ErrValue + "\n")
		}
	}
	return b.String()
}

// runCells runs cells in one session and returns what they showed.
func runCells(t testing.TB, s *Session, cells ...string) string {
	t.Helper()
	var b strings.Builder
	for _, c := range cells {
		outs, err := s.Run(context.Background(), c)
		if err != nil {
			t.Fatalf("Run(%q): %v", c, err)
		}
		b.WriteString(render(outs))
	}
	return b.String()
}

func TestCells(t *testing.T) {
	tests := []struct {
		name  string
		cells []string
		want  string
	}{
		{"state across cells", []string{"x := 40", "func add(n int) int { return x + n }", "add(2)"}, "=> 42\n"},
		{"declarations after statements", []string{"y := 2\nfunc twice() int { return 2 * y }\ny = 5\ntwice()"}, "=> 10\n"},
		{"function redefined", []string{"func f() int { return 1 }", "f()", "func f() int { return 2 }", "f()"}, "=> 1\n=> 2\n"},
		{"variable redefined with another type", []string{"x := 1", "x := \"a\"\nx + \"b\""}, "=> ab\n"},
		{"variable redefined from itself", []string{"x := 1", "x := x + 1\nx"}, "=> 2\n"},
		{"type redefined", []string{"type T struct{ A int }", "type T struct{ B string }\nT{B: \"b\"}"}, "=> {b}\n"},
		{"method redefined", []string{
			"type T struct{}\nfunc (T) Name() string { return \"one\" }\nfunc (T) Other() int { return 7 }",
			"func (T) Name() string { return \"two\" }\nT{}.Name() + fmt.Sprint(T{}.Other())"}, "=> two7\n"},
		{"same type declared again", []string{"type P struct{ X int }\np := P{1}", "type P struct{ X int }\nq := P{2}\np = q\np"}, "=> {2}\n"},
		{"var from a cell variable", []string{"x := 2", "var y = x * 3\nfunc get() int { return y }\nget()"}, "=> 6\n"},
		{"loops do not touch session variables", []string{"i := 42", "for i := 0; i < 3; i++ {}\nfor range 2 { i := 7; _ = i }\ni"}, "=> 42\n"},
		{"generic function", []string{"func Sum[T int | float64](xs []T) (s T) { for _, x := range xs { s += x }; return }", "Sum([]float64{1, 2.5})"}, "=> 3.5\n"},
		{"no value", []string{"func g() {}\ng()"}, ""},
		{"println is not a result", []string{"fmt.Println(1)"}, "1\n"},
		{"two results are not a result", []string{"func two() (int, int) { return 1, 2 }\ntwo()"}, ""},
		{"nil is not shown", []string{"var e error\ne"}, ""},
		{"import once", []string{"import \"strings\"", "import \"strings\"\nstrings.ToUpper(\"a\")"}, "=> A\n"},
		{"auto import", []string{"math.Sqrt(16)"}, "=> 4\n"},
		{"arrays without import", []string{"x := arrays.Asarray([]float64{1, 2, 3, 4})\nx.Add(1)"}, "=> array([2., 3., 4., 5.])\n"},
		{"func literal statement", []string{"func() { fmt.Println(\"lit\") }()"}, "lit\n"},
		{"if with init", []string{"if v := 3; v > 2 { fmt.Println(\"big\") }"}, "big\n"},
		{"for three clauses", []string{"for i := 0; i < 3; i++ { fmt.Print(i) }"}, "012\n"},
		{"range over int", []string{"for i := range 3 { fmt.Print(i) }"}, "012\n"},
		{"range over int variable", []string{"n := 2", "for i := range n { fmt.Print(i) }"}, "01\n"},
		{"range over int64", []string{"var n int64 = 2\nfor i := range n { fmt.Printf(\"%T \", i) }"}, "int64 int64 \n"},
		{"range over int parameter", []string{"func sum(n int) (s int) { for i := range n { s += i }; return }\nsum(5)"}, "=> 10\n"},
		{"range over len", []string{"xs := []string{\"a\", \"b\"}\nfor i := range len(xs) { fmt.Print(i) }"}, "01\n"},
		{"range over array size", []string{"a := arrays.Zeros(3)\nfor i := range a.Size() { fmt.Print(i) }"}, "012\n"},
		{"range over field", []string{"type C struct{ N int }\nc := C{2}", "for range c.N { fmt.Print(\"x\") }"}, "xx\n"},
		{"range over slice still works", []string{"for i, v := range []string{\"a\", \"b\"} { fmt.Print(i, v) }"}, "0a1b\n"},
		{"range over int with labels", []string{"outer:\nfor i := range 3 {\n\tfor j := range 3 {\n\t\tif j > i { continue outer }\n\t\tfmt.Print(i, j, \" \")\n\t}\n}"}, "0 0 1 0 1 1 2 0 2 1 2 2 \n"},
		{"range over unknown integer", []string{"type L struct{}\nfunc (L) Len() int { return 2 }\nl := L{}", "for i := range l.Len() { fmt.Print(i) }"},
			"CompileError: line 1, column 16: cannot range over l.Len(): if it is an integer, write range int(l.Len())\n"},
		{"range over int conversion", []string{"type L struct{}\nfunc (L) Len() int { return 2 }\nl := L{}", "for i := range int(l.Len()) { fmt.Print(i) }"}, "01\n"},
		{"min max", []string{"a, b := 3, 7\nfmt.Println(min(a, b), max(a, b), min(2.5, 1), max(1, 2, 3), min(\"b\", \"a\"))"}, "3 7 1 3 a\n"},
		{"min max typed", []string{"x := 2.5\ny := min(x, 1)\nfmt.Printf(\"%v %T\\n\", y, y)"}, "1 float64\n"},
		{"min max inside functions", []string{"func clamp(v, lo, hi float64) float64 { return max(lo, min(v, hi)) }\nclamp(5, 0, 1)"}, "=> 1\n"},
		{"min of NaN", []string{"min(1, math.NaN())"}, "=> NaN\n"},
		{"min shadowed", []string{"func min(a, b int) int { return 100 }", "min(1, 2)"}, "=> 100\n"},
		{"clear", []string{"m := map[string]int{\"a\": 1}\ns := []int{1, 2}\nclear(m)\nclear(s)\nfmt.Println(len(m), s)"}, "0 [0 0]\n"},
		{"loop variable per iteration", []string{
			"var fs []func()\nfor i := 0; i < 2; i++ { fs = append(fs, func() { fmt.Print(i) }) }\nfor _, v := range []int{7, 8} { fs = append(fs, func() { fmt.Print(v) }) }\nfor i := range 2 { fs = append(fs, func() { fmt.Print(i) }) }\nfor _, f := range fs { f() }"},
			"017801\n"},
		{"shadowing copy", []string{"for _, v := range []int{1, 2} { v := v * 10; fmt.Print(v, \" \") }"}, "10 20 \n"},
		{"rng", []string{"rng.Normal(0, 1, 3)"}, "=> array([ 0.30471708, -1.03998411,  0.7504512 ])\n"},
		{"display values", []string{"type P struct{ X, Y int }\ndisplay(P{1, 2}, 3, \"s\")"}, "display: {1 2}\ndisplay: 3\ndisplay: s\n"},
		{"display a Stringer", []string{"type Q struct{ N int }\nfunc (q Q) String() string { return fmt.Sprint(\"Q#\", q.N) }\ndisplay(Q{1}, &Q{2})\nQ{3}"}, "display: Q#1\ndisplay: Q#2\n=> Q#3\n"},
		{"display in a function", []string{"func show(v any) { display(v) }\nshow([]int{1})"}, "display: [1]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSession(t, Options{Seed: 42})
			if got := runCells(t, s, tt.cells...); got != tt.want {
				t.Errorf("cells %q:\ngot:\n%s\nwant:\n%s", tt.cells, got, tt.want)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name        string
		cell        string
		errName     string
		errValue    string
		beforeError string // what the cell showed before its error
	}{
		{"syntax error line 1", "x := )", "CompileError", "line 1, column 6: expected operand, found ')'", ""},
		{"syntax error later line", "x := 1\n\ny := (", "CompileError", "line 3, column 7: expected operand, found end of cell", ""},
		{"undefined line 1", "y := nothing + 1", "CompileError", "line 1, column 6: undefined: nothing", ""},
		{"undefined in a function", "func h() {\n\tnothing()\n}", "CompileError", "line 2, column 2: undefined: nothing", ""},
		{"type error later line", "a := 1\nb := \"s\"\nc := a + b", "CompileError", "line 3, column 6: invalid operation: mismatched types int and string", ""},
		{"type error in a declaration", "var v int = \"s\"", "CompileError", "line 1, column 13: cannot convert \"s\" to int", ""},
		{"compile error runs nothing", "fmt.Println(\"no\")\nnothing()", "CompileError", "line 2, column 1: undefined: nothing", ""},
		{"panic line 1", "panic(\"boom\")", "Panic", "line 1, column 1: boom", ""},
		{"panic later line", "fmt.Println(\"a\")\n  panic(fmt.Sprint(\"b\", 1))", "Panic", "line 2, column 3: b1", "a\n"},
		{"panic in a function", "func f() { panic(\"deep\") }\nfmt.Print(\"x\")\nf()", "Panic", "line 3, column 1: deep", "x\n"},
		{"arrays panic", "arrays.Add(arrays.Zeros(2, 3), arrays.Zeros(4))", "Panic",
			"line 1, column 1: add: operands could not be broadcast together with shapes: (2, 3) and (4,)", ""},
		{"index out of range", "s := []int{1}\ns[5] = 2", "RuntimeError", "line 2, column 1: index out of range", ""},
		{"nil dereference", "type P struct{ X int }\nvar p *P\np.X = 1", "RuntimeError", "line 3, column 1: invalid memory address or nil pointer dereference", ""},
		{"integer division by zero", "z := 0\nfmt.Println(1 / z)", "RuntimeError", "line 2, column 1: runtime error: integer divide by zero", ""},
		{"generic call at the top level", "func Id[T any](x T) T { return x }\nv := Id(3)", "CompileError",
			"line 2, column 6: the interpreter cannot give a variable of the cell the type of a call of the generic function Id: declare its type (var v T = Id(...)), or call Id inside a function", ""},
		{"log.Fatal", "import \"log\"\nlog.SetFlags(0)\nlog.Fatal(\"fatal\")", "Panic", "line 3, column 1: fatal", "stderr: fatal\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSession(t, Options{})
			outs, err := s.Run(context.Background(), tt.cell)
			if err != nil {
				t.Fatal(err)
			}
			if len(outs) == 0 || outs[len(outs)-1].Type != Error {
				t.Fatalf("%q: no error in %q", tt.cell, render(outs))
			}
			e := outs[len(outs)-1]
			if e.ErrName != tt.errName || e.ErrValue != tt.errValue {
				t.Errorf("%q: got %s %q, want %s %q", tt.cell, e.ErrName, e.ErrValue, tt.errName, tt.errValue)
			}
			if got := render(outs[:len(outs)-1]); got != tt.beforeError {
				t.Errorf("%q: before the error got %q, want %q", tt.cell, got, tt.beforeError)
			}
			if strings.Contains(e.ErrValue, "_.go") || strings.Contains(e.ErrValue, "_wb") {
				t.Errorf("%q: message names the engine's internals: %q", tt.cell, e.ErrValue)
			}
			// The session goes on.
			if got := runCells(t, s, "1 + 1"); got != "=> 2\n" {
				t.Errorf("after %q: got %q", tt.cell, got)
			}
		})
	}
}

func TestPanicTraceback(t *testing.T) {
	s := newTestSession(t, Options{})
	runCells(t, s, "func inner() { panic(\"x\") }\nfunc outer() { inner() }")
	outs, _ := s.Run(context.Background(), "\nouter()")
	e := outs[len(outs)-1]
	if e.ErrValue != "line 2, column 1: x" {
		t.Errorf("ErrValue %q", e.ErrValue)
	}
	tb := strings.Join(e.Traceback, "\n")
	if !strings.Contains(tb, "in inner (cell 1") || !strings.Contains(tb, "in outer (cell 1") {
		t.Errorf("traceback %q lacks the functions", e.Traceback)
	}
}

func TestCapture(t *testing.T) {
	s := newTestSession(t, Options{})
	outs, err := s.Run(context.Background(), `import "os"
import "log"
log.SetFlags(0)
fmt.Print("a")
fmt.Println("b")
os.Stdout.WriteString("c\n")
fmt.Fprintln(os.Stdout, "d")
println("e")
fmt.Fprintln(os.Stderr, "f")
log.Println("g")
fmt.Println("h")
display(1)
fmt.Println("i")`)
	if err != nil {
		t.Fatal(err)
	}
	want := []Output{
		{Type: Stream, Name: "stdout", Text: "ab\nc\nd\ne\n"},
		{Type: Stream, Name: "stderr", Text: "f\ng\n"},
		{Type: Stream, Name: "stdout", Text: "h\n"},
		{Type: DisplayData, Data: Bundle{MIMEText: []byte("1")}},
		{Type: Stream, Name: "stdout", Text: "i\n"},
	}
	if len(outs) != len(want) {
		t.Fatalf("got %d outputs %q, want %d", len(outs), render(outs), len(want))
	}
	for i, o := range outs {
		w := want[i]
		if o.Type != w.Type || o.Name != w.Name || o.Text != w.Text || string(o.Data[MIMEText]) != string(w.Data[MIMEText]) {
			t.Errorf("output %d: got %+v, want %+v", i, o, w)
		}
	}
}

func TestEmitStreams(t *testing.T) {
	var mu sync.Mutex
	var emitted []Output
	var stdout strings.Builder
	s := newTestSession(t, Options{Stdout: &stdout, Emit: func(o Output) {
		mu.Lock()
		emitted = append(emitted, o)
		mu.Unlock()
	}})
	// "first" must reach Emit while the cell still sleeps.
	outs, err := s.Run(context.Background(), `import "time"
fmt.Println("first")
time.Sleep(300 * time.Millisecond)
fmt.Println("second")`)
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(emitted) != 2 || emitted[0].Text != "first\n" || emitted[1].Text != "second\n" {
		t.Errorf("emitted %q, want first and second apart", render(emitted))
	}
	if len(outs) != 1 || outs[0].Text != "first\nsecond\n" {
		t.Errorf("returned %q, want one merged stream", render(outs))
	}
	if stdout.String() != "first\nsecond\n" {
		t.Errorf("Stdout got %q", stdout.String())
	}
}

// raceEnabled says whether the test binary was built with -race.
func raceEnabled() bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range bi.Settings {
		if s.Key == "-race" && s.Value == "true" {
			return true
		}
	}
	return false
}

func TestInterrupt(t *testing.T) {
	if raceEnabled() {
		// yaegi's ExecuteWithContext writes its named results from both
		// goroutines when the context ends first: harmless (nothing reads
		// them after), but the race detector says so.
		t.Skip("yaegi v0.16.1 ExecuteWithContext races on cancel")
	}
	s := newTestSession(t, Options{})
	for _, cell := range []string{"for {}", "func spin() { for { } }\nspin()", "x := 0\nfor { x++ }"} {
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		start := time.Now()
		outs, err := s.Run(ctx, cell)
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%q: interrupt took %v", cell, d)
		}
		if len(outs) == 0 || outs[len(outs)-1].ErrName != "Interrupted" {
			t.Errorf("%q: got %q, want an Interrupted error", cell, render(outs))
		}
		if got := runCells(t, s, "fmt.Println(\"after\")"); got != "after\n" {
			t.Errorf("after interrupting %q: got %q", cell, got)
		}
	}
}

func TestRngReproducible(t *testing.T) {
	cells := []string{"rng.Random(3)", "rng.Integers(0, 10, 5)"}
	a := runCells(t, newTestSession(t, Options{Seed: 42}), cells...)
	b := runCells(t, newTestSession(t, Options{Seed: 42}), cells...)
	c := runCells(t, newTestSession(t, Options{Seed: 43}), cells...)
	if a != b {
		t.Errorf("same seed, different numbers:\n%s\n%s", a, b)
	}
	if a == c {
		t.Errorf("seeds 42 and 43 gave the same numbers: %s", a)
	}
	// NumPy: default_rng(42).random(3), then .integers(0, 10, 5).
	want := "=> array([0.77395605, 0.43887844, 0.85859792])\n"
	if !strings.HasPrefix(a, want) {
		t.Errorf("got %q, want it to start with %q", a, want)
	}
}

func TestImportFromDir(t *testing.T) {
	root := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/study\n\ngo 1.22\n")
	write("helpers/helpers.go", "package helpers\n\nfunc Double(x int) int { return 2 * x }\n")
	write("lib/lib.go", "package lib\n\nimport \"example.com/study/helpers\"\n\nfunc Quad(x int) int { return helpers.Double(helpers.Double(x)) }\n")
	write("notebooks/.keep", "")

	s := newTestSession(t, Options{Dir: root})
	if got := runCells(t, s, "import \"./helpers\"\nhelpers.Double(21)", "import \"example.com/study/lib\"\nlib.Quad(3)"); got != "=> 42\n=> 12\n" {
		t.Errorf("from the module root: got %q", got)
	}
	s = newTestSession(t, Options{Dir: filepath.Join(root, "notebooks")})
	if got := runCells(t, s, "import \"../helpers\"\nhelpers.Double(1)", "import \"example.com/study/lib\"\nlib.Quad(1)"); got != "=> 2\n=> 4\n" {
		t.Errorf("from a folder of the module: got %q", got)
	}
}

func TestClosed(t *testing.T) {
	s, err := NewSession(Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := s.Run(context.Background(), "1"); err != ErrClosed {
		t.Errorf("Run after Close: %v, want ErrClosed", err)
	}
}

// BenchmarkArrayCallFromInterpreter measures one call of an array method
// from interpreted code: x.Add(1) on a 4-element array, per call.
func BenchmarkArrayCallFromInterpreter(b *testing.B) {
	s := newTestSession(b, Options{})
	runCells(b, s, "x := arrays.Asarray([]float64{1, 2, 3, 4})\nvar n int")
	runCells(b, s, "n = "+strconv.Itoa(b.N))
	b.ResetTimer()
	if got := runCells(b, s, "for i := 0; i < n; i++ { x.Add(1) }"); got != "" {
		b.Fatal(got)
	}
}

// BenchmarkArrayCallCompiled is the same call from compiled Go.
func BenchmarkArrayCallCompiled(b *testing.B) {
	x := arrays.Asarray([]float64{1, 2, 3, 4})
	for i := 0; i < b.N; i++ {
		x.Add(1)
	}
}

// BenchmarkScalarLoop10M runs a 10-million-step float64 loop in the
// interpreter; BenchmarkScalarLoop10MCompiled is the same loop compiled.
func BenchmarkScalarLoop10M(b *testing.B) {
	s := newTestSession(b, Options{})
	runCells(b, s, "func loop() float64 { s := 0.0; for i := 0; i < 10000000; i++ { s += float64(i) * 0.5 }; return s }")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if got := runCells(b, s, "loop()"); got != "=> 2.49999975e+13\n" {
			b.Fatal(got)
		}
	}
}

func BenchmarkScalarLoop10MCompiled(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if s := scalarLoop(10_000_000); s != 2.49999975e+13 {
			b.Fatal(s)
		}
	}
}

//go:noinline
func scalarLoop(n int) float64 {
	s := 0.0
	for i := 0; i < n; i++ {
		s += float64(i) * 0.5
	}
	return s
}

// TestPrograms runs the notebooks in testdata/programs: cells separated by
// "// %%" lines, then "// Output:" and what the cells show, as render
// writes it, one "// " line each. Sessions have seed 42.
func TestPrograms(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "programs", "*.cells"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no programs: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			src, want, ok := strings.Cut(string(b), "// Output:\n")
			if !ok {
				t.Fatal("no // Output: line")
			}
			var w strings.Builder
			for _, l := range strings.SplitAfter(want, "\n") {
				w.WriteString(strings.TrimPrefix(strings.TrimPrefix(l, "//"), " "))
			}
			cells := strings.Split(src, "// %%\n")
			s := newTestSession(t, Options{Seed: 42, Dir: filepath.Dir(file)})
			if got := runCells(t, s, cells...); got != w.String() {
				t.Errorf("got:\n%s\nwant:\n%s", got, w.String())
			}
		})
	}
}

func TestStuck(t *testing.T) {
	if raceEnabled() {
		t.Skip("yaegi v0.16.1 ExecuteWithContext races on cancel")
	}
	t.Parallel()
	interrupt := func(s *Session, cell string) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		outs, err := s.Run(ctx, cell)
		if err != nil || len(outs) == 0 || outs[len(outs)-1].ErrName != "Interrupted" {
			t.Fatalf("%q: %v %q, want an interrupt", cell, err, render(outs))
		}
	}

	// A long call into compiled code goes on after the interrupt.
	s := newTestSession(t, Options{})
	if s.Stuck() {
		t.Error("a new session is stuck")
	}
	runCells(t, s, `import "time"`)
	start := time.Now()
	interrupt(s, "time.Sleep(3 * time.Second)")
	if !s.Stuck() {
		t.Error("not stuck while time.Sleep(3s) goes on")
	}
	// Until it returns.
	for s.Stuck() {
		if time.Since(start) > 10*time.Second {
			t.Fatal("still stuck after 10s")
		}
		time.Sleep(100 * time.Millisecond)
	}
	if d := time.Since(start); d < 2*time.Second {
		t.Errorf("stuck for %v only: the sleep lasts 3s", d)
	}
	if got := runCells(t, s, `fmt.Println("after")`); got != "after\n" {
		t.Errorf("after: %q", got)
	}

	// Interpreted code stops at the interrupt; another session's running
	// cell does not count.
	s2 := newTestSession(t, Options{})
	other := newTestSession(t, Options{})
	runCells(t, other, `import "time"`)
	done := make(chan string)
	go func() {
		outs, _ := other.Run(context.Background(), "time.Sleep(time.Second)\nfmt.Println(\"slept\")")
		done <- render(outs)
	}()
	time.Sleep(50 * time.Millisecond)
	interrupt(s2, "for {}")
	if s2.Stuck() {
		t.Error("stuck after interrupting an endless interpreted loop")
	}
	if got := <-done; got != "slept\n" {
		t.Errorf("the other session: %q", got)
	}
}

// BenchmarkTrivialCellInProcess runs the cell "1" in-process: the anchor
// of interp/client's BenchmarkTrivialCellRoundTrip (the same cell through
// the kernel process).
func BenchmarkTrivialCellInProcess(b *testing.B) {
	s := newTestSession(b, Options{})
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.Run(ctx, "1"); err != nil {
			b.Fatal(err)
		}
	}
}
