package symbols_test

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"strings"
	"testing"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"

	"workbench/interp/symbols"
)

// newInterp returns an interpreter with the standard library and our
// symbols bound, as the kernel builds it, writing to out.
func newInterp(t *testing.T, out io.Writer) *interp.Interpreter {
	t.Helper()
	i := interp.New(interp.Options{Stdout: out, Stderr: out})
	if err := i.Use(stdlib.Symbols); err != nil {
		t.Fatal(err)
	}
	if err := i.Use(symbols.Symbols); err != nil {
		t.Fatal(err)
	}
	return i
}

// evalChunks evaluates the chunks in order and returns the value of the
// last one printed with fmt.Sprint. A panic out of Eval (yaegi raises some)
// comes back as an error.
func evalChunks(i *interp.Interpreter, chunks []string) (res string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic out of Eval: %v", r)
		}
	}()
	for n, c := range chunks {
		v, err := i.Eval(c)
		if err != nil {
			return "", fmt.Errorf("chunk %d %q: %w", n, c, err)
		}
		if v.IsValid() && v.CanInterface() {
			res = fmt.Sprint(v.Interface())
		} else {
			res = ""
		}
	}
	return res, nil
}

func TestAll(t *testing.T) {
	all := symbols.All()
	if len(all) != 2 || len(all[0]) < 100 || len(all[1]) != 17 {
		t.Fatalf("All() = %d tables, ours of %d packages; want stdlib's and our 17 packages", len(all), len(all[1]))
	}
	for _, key := range []string{"workbench/arrays/arrays", "workbench/arrays/linalg/linalg", "workbench/arrays/fft/fft", "gonum.org/v1/gonum/mat/mat", "gonum.org/v1/gonum/dsp/fourier/fourier"} {
		if _, ok := all[1][key]; !ok {
			t.Errorf("Symbols has no %q", key)
		}
	}
}

// Each case is a cell split into chunks, evaluated in one interpreter; want
// is fmt.Sprint of the last chunk's value.
var evalCases = []struct {
	name   string
	chunks []string
	want   string
}{
	// arrays: functions, methods, functional options into ...Option.
	{"linspace", []string{`import "workbench/arrays"`, `x := arrays.Linspace(0, 1, 5)`, `x.Sum().Float()`}, "2.5"},
	{"dtype option", []string{`import "workbench/arrays"`, `arrays.Zeros(2, 3, arrays.Dtype(arrays.Float32)).DType().String()`}, "float32"},
	{"axis keepdims", []string{`import "workbench/arrays"`, `x := arrays.Arange(6).Reshape(2, 3)`, `arrays.Sum(x, arrays.Axis(0), arrays.Keepdims()).Shape()`}, "[1 3]"},
	{"method options", []string{`import "workbench/arrays"`, `x := arrays.Arange(6).Reshape(2, 3)`, `x.Sum(arrays.Axis(1)).Int64s()`}, "[3 12]"},
	{"options slice...", []string{`import "workbench/arrays"`, `opts := []arrays.Option{arrays.Axis(0)}`, `arrays.Sum(arrays.Ones(2, 2), opts...).Float64s()`}, "[2 2]"},
	{"option variable", []string{`import "workbench/arrays"`, `var o arrays.Option = arrays.Keepdims()`, `arrays.Ones(2).Sum(o).Shape()`}, "[1]"},
	{"constants", []string{`import "workbench/arrays"`, `arrays.Ones(2, arrays.Dtype(arrays.Float32)).Mul(arrays.Pi).Add(arrays.E).DType().String()`}, "float32"},
	{"nan constant", []string{`import ("math"; "workbench/arrays")`, `math.IsNaN(arrays.Asarray([]float64{1, arrays.NaN}).Max().Float())`}, "true"},
	{"advanced index", []string{`import "workbench/arrays"`, `x := arrays.Arange(10)`, `x.Index(x.Gt(6)).Int64s()`}, "[7 8 9]"},
	{"advanced index slice", []string{`import "workbench/arrays"`, `x := arrays.Arange(10)`, `x.Index([]int{3, 1}).Int64s()`}, "[3 1]"},
	{"linalg solve", []string{`import ("workbench/arrays"; "workbench/arrays/linalg")`, `a := arrays.Asarray([][]float64{{2, 0}, {0, 4}})`, `linalg.Solve(a, arrays.Asarray([]float64{2, 8})).Float64s()`}, "[1 2]"},
	{"linalg several results", []string{`import ("workbench/arrays"; "workbench/arrays/linalg")`, `w, v := linalg.Eigh(arrays.Eye(2))`, `fmt.Sprint(w.Float64s(), v.Shape())`}, "[1 1] [2 2]"},
	{"fft", []string{`import ("workbench/arrays"; "workbench/arrays/fft")`, `fft.Fft(arrays.Ones(4), fft.Norm("ortho")).Complex128s()`}, "[(2+0i) (0+0i) (0+0i) (0+0i)]"},
	{"index string", []string{`import "workbench/arrays"`, `x := arrays.Arange(6)`, `x.Index("1:3").Int64s()`}, "[1 2]"},
	{"index span", []string{`import "workbench/arrays"`, `x := arrays.Arange(10)`, `x.Index(arrays.Slice(0, 10).WithStep(3)).Int64s()`}, "[0 3 6 9]"},
	{"index span literal", []string{`import "workbench/arrays"`, `x := arrays.Arange(6)`, `x.Index(arrays.Span{Start: 1, Stop: 3, Step: 1, HasStart: true, HasStop: true}).Int64s()`}, "[1 2]"},
	{"index markers", []string{`import "workbench/arrays"`, `x := arrays.Arange(6).Reshape(2, 3)`, `x.Index(arrays.Ellipsis, arrays.NewAxis).Shape()`}, "[2 3 1]"},
	{"index negative", []string{`import "workbench/arrays"`, `arrays.Arange(6).Index(-1).Int()`}, "5"},
	{"set index", []string{`import "workbench/arrays"`, `x := arrays.Zeros(3)`, `x.SetIndex(arrays.Ones(2), "1:")`, `x.Float64s()`}, "[0 1 1]"},
	{"assign view", []string{`import "workbench/arrays"`, `x := arrays.Zeros(2, 2)`, `x.Index(0).Assign(5)`, `x.Float64s()`}, "[5 5 0 0]"},
	{"method value", []string{`import "workbench/arrays"`, `x := arrays.Arange(3)`, `f := x.Mul`, `f(2).Int64s()`}, "[0 2 4]"},
	{"function value", []string{`import "workbench/arrays"`, `f := arrays.Sin`, `f(arrays.Zeros(2)).Float64s()`}, "[0 0]"},
	{"chained operators", []string{`import "workbench/arrays"`, `x := arrays.Arange(4)`, `x.Add(x).Mul(x).Sub(1).Div(2).Pow(2).Float64s()`}, "[0.25 0.25 12.25 72.25]"},
	{"asarray nested", []string{`import "workbench/arrays"`, `arrays.Asarray([][]float64{{1, 2}, {3, 4}}).T().String()`}, "[[1. 3.]\n [2. 4.]]"},
	{"complex", []string{`import "workbench/arrays"`, `arrays.Asarray([]complex128{1 + 2i}).Complex()`}, "(1+2i)"},
	{"fmt stringer", []string{`import "workbench/arrays"`, `fmt.Sprintf("%v|%#v", arrays.Linspace(0, 1, 3), arrays.Asarray(0.5))`}, "[0.  0.5 1. ]|array(0.5)"},
	{"concat slice", []string{`import "workbench/arrays"`, `arrays.Concat([]*arrays.Array{arrays.Ones(2), arrays.Zeros(2)}).Float64s()`}, "[1 1 0 0]"},
	{"script func", []string{`import "workbench/arrays"`, `func double(x *arrays.Array) *arrays.Array { return x.Mul(2) }`, `double(arrays.Ones(2)).Float64s()`}, "[2 2]"},
	{"script struct field", []string{`import "workbench/arrays"`, `type W struct{ X *arrays.Array }`, `w := W{arrays.Ones(2)}`, `w.X.Sum().Float()`}, "2"},
	{"npy round trip", []string{`import "workbench/arrays"`, `var b bytes.Buffer`, `err := arrays.WriteNpy(&b, arrays.Ones(3))`, `y, err := arrays.ReadNpy(&b)`, `y.Sum().Float()`}, "3"},
	{"maybe closure", []string{`import "workbench/arrays"`, `n := 0`, `err := arrays.Maybe(func() { n = 7 })`, `fmt.Sprint(err, n)`}, "<nil> 7"},
	{"maybe error", []string{`import "workbench/arrays"`, `err := arrays.Maybe(func() { arrays.Ones(2).Add(arrays.Ones(3)) })`, `err.Error()`}, "add: operands could not be broadcast together with shapes: (2,) and (3,)"},
	{"errors.As", []string{`import ("errors"; "workbench/arrays")`, `err := arrays.Maybe(func() { arrays.Ones(2).Add(arrays.Ones(3)) })`, `var se *arrays.ShapeError`, `errors.As(err, &se)`}, "true"},
	{"type switch", []string{`import "workbench/arrays"`, `err := arrays.Maybe(func() { arrays.Ones(2).Add(arrays.Ones(3)) })`, `k := ""`, `switch err.(type) { case *arrays.ShapeError: k = "shape"; default: k = "other" }`, `k`}, "shape"},
	{"comma-ok assign", []string{`import "workbench/arrays"`, `err := arrays.Maybe(func() { arrays.Ones(2).Add(arrays.Ones(3)) })`, `var ok bool`, `_, ok = err.(*arrays.ShapeError)`, `ok`}, "true"},
	{"comma-ok in func", []string{`import "workbench/arrays"`, `func isShape(err error) bool { _, ok := err.(*arrays.ShapeError); return ok }`, `isShape(arrays.Maybe(func() { arrays.Ones(2).Add(arrays.Ones(3)) }))`}, "true"},
	{"script recover", []string{`import "workbench/arrays"`, `r := 0`, `func() { defer func() { if recover() != nil { r = 1 } }(); arrays.Ones(2).Add(arrays.Ones(3)) }()`, `r`}, "1"},
	// One chunk: a goroutine that outlives its Eval races with the next
	// Eval, which resizes the frame of globals (yaegi's resizeFrame).
	{"goroutine", []string{`import "workbench/arrays"`, `done := make(chan float64); go func() { done <- arrays.Ones(4).Sum().Float() }(); r := <-done`, `r`}, "4"},
	{"workers", []string{`import "workbench/arrays"`, `old := arrays.SetWorkers(1)`, `n := arrays.Workers()`, `arrays.SetWorkers(old)`, `n`}, "1"},
	{"result type", []string{`import "workbench/arrays"`, `arrays.ResultType(arrays.Int8, arrays.Float32).String()`}, "float32"},
	// leaf packages
	{"dtype", []string{`import "workbench/arrays/dtype"`, `dtype.Float64.Size()`}, "8"},
	{"shape", []string{`import "workbench/arrays/shape"`, `s, err := shape.Broadcast([]int{2, 1}, []int{3})`, `fmt.Sprint(s, err)`}, "(2, 3) <nil>"},
	// random
	{"random", []string{`import "workbench/arrays/random"`, `random.New(42).Random(3).Size()`}, "3"},
	{"random scalar", []string{`import "workbench/arrays/random"`, `random.New(42).Float64()`}, "0.7739560485559633"},
	{"random normal", []string{`import "workbench/arrays/random"`, `random.New(1).Normal(0, 1, 2, 3).Shape()`}, "[2 3]"},
	// table
	{"table csv", []string{`import ("strings"; "workbench/arrays/table")`, `t, err := table.ReadCSVFrom(strings.NewReader("a,b\n1,2\n"), "x")`, `fmt.Sprint(t.NumRows(), t.Names(), err)`}, "1 [a b] <nil>"},
	{"table col", []string{`import ("strings"; "workbench/arrays/table")`, `t, _ := table.ReadCSVFrom(strings.NewReader("a,b\n1,2\n3,4\n"), "x")`, `t.Col("b").Sum().Float()`}, "6"},
	{"table csv option", []string{`import ("strings"; "workbench/arrays/table")`, `t, _ := table.ReadCSVFrom(strings.NewReader("a;b\n1;2\n"), "x", table.Delimiter(';'))`, `t.Names()`}, "[a b]"},
	{"table filter closure", []string{`import ("strings"; "workbench/arrays/table")`, `t, _ := table.ReadCSVFrom(strings.NewReader("a,b\n1,2\n3,4\n"), "x")`, `t.FilterFunc(func(i int) bool { return i == 1 }).NumRows()`}, "1"},
	{"table group", []string{`import ("strings"; "workbench/arrays/table")`, `t, _ := table.ReadCSVFrom(strings.NewReader("k,b\nx,2\nx,4\n"), "x")`, `g, _ := t.GroupBy("k")`, `r, err := g.Agg(table.Sum("b"))`, `fmt.Sprint(r.NumRows(), err)`}, "1 <nil>"},
	// plotting
	{"plot png", []string{`import "workbench/plotting"`, `fig := plotting.New()`, `fig.Axes().Line(nil, []float64{1, 2, 3})`, `b, err := fig.PNG()`, `fmt.Sprint(bytes.HasPrefix(b, []byte("\x89PNG")), err)`}, "true <nil>"},
	{"plot options", []string{`import ("strings"; "workbench/arrays"; "workbench/plotting")`, `fig := plotting.New(plotting.Size(4, 3), plotting.Title("t"))`, `x := arrays.Linspace(0, 1, 10)`, `fig.Axes().Line(x, arrays.Sin(x), plotting.Label("s"), plotting.Color("red")).SetTitle("a").Legend()`, `b, err := fig.SVG()`, `fmt.Sprint(strings.Contains(string(b), "<svg"), err)`}, "true <nil>"},
	{"plot grid", []string{`import ("workbench/arrays"; "workbench/plotting")`, `fig := plotting.Grid(1, 2, plotting.ShareY())`, `fig.At(0, 1).Scatter(arrays.Ones(3), arrays.Arange(3), plotting.Marker("o"))`, `w, h := fig.PixelSize()`, `w > 0 && h > 0`}, "true"},
	{"plot error", []string{`import ("workbench/arrays"; "workbench/plotting")`, `e := arrays.Maybe(func() { plotting.New().Axes().Line([]float64{1}, []float64{1, 2}) })`, `e.Error()`}, "plotting.Line: x has 1 values, y has 2"},
	// devices
	{"devices", []string{`import ("workbench/arrays"; "workbench/devices")`, `arrays.Ones(2, arrays.OnDevice(devices.CPU())).Device().Name()`}, "cpu"},
	{"devices absent", []string{`import ("errors"; "workbench/devices")`, `_, err := devices.Lookup("nosuchdevice")`, `errors.Is(err, devices.ErrAbsent)`}, "true"},
	// gonum
	{"mat det", []string{`import "gonum.org/v1/gonum/mat"`, `a := mat.NewDense(2, 2, []float64{1, 2, 3, 4})`, `mat.Det(a)`}, "-2"},
	{"mat mul", []string{`import "gonum.org/v1/gonum/mat"`, `a := mat.NewDense(2, 2, []float64{1, 2, 3, 4})`, `var b mat.Dense`, `b.Mul(a, a.T())`, `b.At(0, 0)`}, "5"},
	{"mat solve", []string{`import "gonum.org/v1/gonum/mat"`, `a := mat.NewDense(2, 2, []float64{2, 0, 0, 4})`, `var x mat.VecDense`, `err := x.SolveVec(a, mat.NewVecDense(2, []float64{2, 2}))`, `fmt.Sprint(x.RawVector().Data, err)`}, "[1 0.5] <nil>"},
	{"mat eigen", []string{`import "gonum.org/v1/gonum/mat"`, `var e mat.EigenSym`, `ok := e.Factorize(mat.NewSymDense(2, []float64{2, 1, 1, 2}), false)`, `fmt.Sprint(ok, e.Values(nil))`}, "true [1 3]"},
	{"mat formatted", []string{`import "gonum.org/v1/gonum/mat"`, `fmt.Sprintf("%v", mat.Formatted(mat.NewDense(1, 2, []float64{1, 2})))`}, "[1  2]"},
	{"mat apply closure", []string{`import "gonum.org/v1/gonum/mat"`, `a := mat.NewDense(2, 2, []float64{1, 2, 3, 4})`, `a.Apply(func(i, j int, v float64) float64 { return v * 2 }, a)`, `a.At(1, 1)`}, "8"},
	{"mat script Matrix", []string{`import "gonum.org/v1/gonum/mat"`, `type M struct{}`, `func (M) Dims() (int, int) { return 2, 2 }`, `func (M) At(i, j int) float64 { if i == j { return 2 }; return 0 }`, `func (m M) T() mat.Matrix { return m }`, `mat.Det(M{})`}, "4"},
	{"stat mean", []string{`import "gonum.org/v1/gonum/stat"`, `stat.Mean([]float64{1, 2, 3}, nil)`}, "2"},
	{"stat regression", []string{`import "gonum.org/v1/gonum/stat"`, `a, b := stat.LinearRegression([]float64{0, 1, 2}, []float64{1, 3, 5}, nil, false)`, `fmt.Sprint(a, b)`}, "1 2"},
	{"distuv", []string{`import "gonum.org/v1/gonum/stat/distuv"`, `distuv.Normal{Mu: 0, Sigma: 1}.CDF(0)`}, "0.5"},
	{"distuv src", []string{`import ("math/rand/v2"; "gonum.org/v1/gonum/stat/distuv")`, `n := distuv.Normal{Mu: 0, Sigma: 1, Src: rand.NewPCG(1, 2)}`, `n.Rand() != 0`}, "true"},
	{"fourier", []string{`import "gonum.org/v1/gonum/dsp/fourier"`, `c := fourier.NewFFT(4).Coefficients(nil, []float64{1, 2, 3, 4})`, `fmt.Sprint(c[0], len(c))`}, "(10+0i) 3"},
	{"quad compiled func", []string{`import ("math"; "gonum.org/v1/gonum/integrate/quad")`, `fmt.Sprintf("%.12f", quad.Fixed(math.Sin, 0, math.Pi, 10, nil, 0))`}, "2.000000000000"},
	{"quad closure", []string{`import "gonum.org/v1/gonum/integrate/quad"`, `fmt.Sprintf("%.12f", quad.Fixed(func(x float64) float64 { return x * x }, 0, 1, 10, quad.Legendre{}, 0))`}, "0.333333333333"},
	{"fd", []string{`import ("math"; "gonum.org/v1/gonum/diff/fd")`, `fmt.Sprintf("%.6f", fd.Derivative(math.Cos, 0, &fd.Settings{Formula: fd.Central}))`}, "0.000000"},
	{"fd gradient closure", []string{`import "gonum.org/v1/gonum/diff/fd"`, `g := fd.Gradient(nil, func(x []float64) float64 { return x[0]*x[0] + x[1] }, []float64{1, 1}, nil)`, `fmt.Sprintf("%.4f", g)`}, "[2.0000 1.0000]"},
	{"optimize closure", []string{`import "gonum.org/v1/gonum/optimize"`, `p := optimize.Problem{Func: func(x []float64) float64 { return (x[0]-1)*(x[0]-1) + (x[1]+2)*(x[1]+2) }}`, `r, err := optimize.Minimize(p, []float64{0, 0}, nil, &optimize.NelderMead{})`, `fmt.Sprintf("%.3f %.3f %v", r.X[0], r.X[1], err)`}, "1.000 -2.000 <nil>"},
	{"optimize grad", []string{`import "gonum.org/v1/gonum/optimize"`, `p := optimize.Problem{Func: func(x []float64) float64 { return (x[0] - 1) * (x[0] - 1) }, Grad: func(g, x []float64) { g[0] = 2 * (x[0] - 1) }}`, `r, err := optimize.Minimize(p, []float64{0}, nil, &optimize.BFGS{})`, `fmt.Sprintf("%.3f %v", r.X[0], err)`}, "1.000 <nil>"},
	{"interp", []string{`import "gonum.org/v1/gonum/interp"`, `var pl interp.PiecewiseLinear`, `err := pl.Fit([]float64{0, 1, 2}, []float64{0, 10, 20})`, `fmt.Sprint(pl.Predict(1.5), err)`}, "15 <nil>"},
}

func TestEval(t *testing.T) {
	for _, c := range evalCases {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			i := newInterp(t, &out)
			// Most cases also need fmt and bytes; importing them in their
			// own chunk keeps each case's import line short.
			chunks := append([]string{`import ("bytes"; "fmt")`, `var _ = bytes.MinRead; var _ = fmt.Sprint`}, c.chunks...)
			got, err := evalChunks(i, chunks)
			if err != nil {
				t.Fatalf("%v\noutput: %s", err, out.String())
			}
			if got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// What yaegi v0.16.1 gets wrong with our packages bound: each case must
// still fail with the error given. When one starts to work (a yaegi
// upgrade), move it to evalCases and tell the engine, which works around it.
var limitations = []struct {
	name   string
	chunks []string
	err    string
}{
	// A comma-ok form declared with := at the top level of a cell.
	{"comma-ok type assertion", []string{`import "workbench/arrays"`, `var err error = &arrays.ValueError{}`, `_, ok := err.(*arrays.ValueError)`}, "panic out of Eval: nil type"},
	{"comma-ok map index", []string{`m := map[string]int{"a": 1}`, `_, ok := m["a"]`}, "panic out of Eval: nil type"},
	{"comma-ok in if", []string{`var x any = 1`, `if _, ok := x.(int); ok { x = 2 }`}, "panic out of Eval: nil type"},
	{"range over int", []string{`s := 0`, `for i := range 3 { s += i }`}, "panic out of Eval: nil type"},
	{"method expression", []string{`import "workbench/arrays"`, `f := (*arrays.Array).Sum`, `f(arrays.Ones(3)).Float()`}, "reflect: Method index out of range"},
	// A bad conversion that should be a compile error.
	{"constant called", []string{`import "gonum.org/v1/gonum/optimize"`, `optimize.GradientThreshold(1e-6)`}, "CFG post-order panic: reflect: NumIn of non-func type optimize.Status"},
	// A package imported again by a later cell.
	{"import twice", []string{`import "fmt"`, `import "fmt"`}, "fmt/_.go redeclared in this block"},
	{"import twice, grouped", []string{`import "fmt"`, `x := 1`, `import ("fmt"; "strings")`}, "fmt/_.go redeclared in this block"},
	// An undefined name inside := (here a missing import).
	{"undefined in :=", []string{`e := arrays.Ones(1)`}, "constant definition loop"},
}

func TestLimitations(t *testing.T) {
	// yaegi logs "nil type" with the standard logger before it panics.
	w := log.Writer()
	log.SetOutput(io.Discard)
	defer log.SetOutput(w)
	for _, c := range limitations {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			got, err := evalChunks(newInterp(t, &out), c.chunks)
			if err == nil {
				t.Fatalf("now works (gives %q): move it to evalCases and tell the engine", got)
			}
			if !strings.Contains(err.Error(), c.err) {
				t.Errorf("error %q, want it to contain %q", err, c.err)
			}
		})
	}
}
