package linalg

// The cases of testdata/cases.json.gz (written by testdata/generate.py from
// NumPy and SciPy), checked as the generator's docstring says.

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/cmplx"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"workbench/arrays"
)

const casesFile = "testdata/cases.json.gz"

type caseFile struct {
	SHA256 string     `json:"generator_sha256"`
	Cases  []testCase `json:"cases"`
}

type testCase struct {
	Name   string                     `json:"name"`
	Func   string                     `json:"func"`
	Args   []json.RawMessage          `json:"args"`
	Kwargs map[string]json.RawMessage `json:"kwargs"`
	Out    json.RawMessage            `json:"out"`
	Check  string                     `json:"check"`
	Tol    float64                    `json:"tol"`
}

// jsonArray is an array as the generator writes it; Data is absent for
// results that are checked by invariants.
type jsonArray struct {
	DType string  `json:"dtype"`
	Shape []int   `json:"shape"`
	Data  []any   `json:"data"`
	View  *string `json:"view"`
	Int   *int    `json:"int"`
}

// knownGaps lists cases that cannot pass yet, with the reason; they are
// skipped (see TestCases).
var knownGaps = map[string]string{}

func decode(data []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	return d.Decode(v)
}

func loadCases(t *testing.T) *caseFile {
	t.Helper()
	data, err := os.ReadFile(casesFile)
	if err != nil {
		t.Fatalf("%v (run go generate ./arrays/linalg)", err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", casesFile, err)
	}
	if data, err = io.ReadAll(zr); err != nil {
		t.Fatalf("%s: %v", casesFile, err)
	}
	var f caseFile
	if err := decode(data, &f); err != nil {
		t.Fatal(err)
	}
	return &f
}

func parseFloat(v any) float64 {
	switch x := v.(type) {
	case json.Number:
		f, err := strconv.ParseFloat(string(x), 64)
		if err != nil {
			panic(err)
		}
		return f
	case string:
		switch x {
		case "nan":
			return math.NaN()
		case "inf":
			return math.Inf(1)
		case "-inf":
			return math.Inf(-1)
		}
	}
	panic(fmt.Sprintf("not a float: %#v", v))
}

func parseDType(name string) arrays.DType {
	for _, d := range []arrays.DType{arrays.Bool, arrays.Int8, arrays.Int16, arrays.Int32, arrays.Int64,
		arrays.Uint8, arrays.Uint16, arrays.Uint32, arrays.Uint64, arrays.Float32, arrays.Float64,
		arrays.Complex64, arrays.Complex128} {
		if d.String() == name {
			return d
		}
	}
	panic("unknown dtype " + name)
}

// values returns the data as complex128 (bools as 0 and 1).
func (j *jsonArray) values() []complex128 {
	out := make([]complex128, len(j.Data))
	for i, v := range j.Data {
		switch x := v.(type) {
		case bool:
			if x {
				out[i] = 1
			}
		case []any:
			out[i] = complex(parseFloat(x[0]), parseFloat(x[1]))
		default:
			out[i] = complex(parseFloat(x), 0)
		}
	}
	return out
}

// build makes the input array, view included.
func (j *jsonArray) build() *arrays.Array {
	dt := parseDType(j.DType)
	var x *arrays.Array
	switch {
	case dt == arrays.Bool:
		b := make([]bool, len(j.Data))
		for i, v := range j.Data {
			b[i] = v.(bool)
		}
		x = arrays.FromSlice(b)
	case dt.IsInteger():
		n := make([]int64, len(j.Data))
		for i, v := range j.Data {
			k, err := strconv.ParseInt(string(v.(json.Number)), 10, 64)
			if err != nil {
				panic(err)
			}
			n[i] = k
		}
		x = arrays.FromSlice(n).Astype(dt)
	default:
		x = arrays.FromSlice(j.values()).Astype(dt)
	}
	x = x.Reshape(j.Shape...)
	if j.View != nil {
		if *j.View == "T" {
			x = arrays.MatrixTranspose(x)
		} else {
			x = x.Index(*j.View)
		}
	}
	return x
}

// ---------------------------------------------------------------- calling

type kwargs map[string]json.RawMessage

func (k kwargs) has(name string) bool { _, ok := k[name]; return ok }

func (k kwargs) get(name string, v any) {
	if err := decode(k[name], v); err != nil {
		panic(fmt.Sprintf("kwarg %s: %v", name, err))
	}
}

func (k kwargs) ints(name string) []int {
	var n int
	if err := decode(k[name], &n); err == nil {
		return []int{n}
	}
	var ns []int
	k.get(name, &ns)
	return ns
}

func (k kwargs) float(name string) float64 {
	var v any
	k.get(name, &v)
	return parseFloat(v)
}

func (k kwargs) bool(name string) bool {
	var b bool
	k.get(name, &b)
	return b
}

// ord reads an order: a string ("fro", "nuc", "inf", "-inf") or a number
// (an int when it is integral).
func (k kwargs) ord() any {
	var v any
	k.get("ord", &v)
	switch x := v.(type) {
	case string:
		switch x {
		case "inf", "-inf", "nan":
			return parseFloat(x)
		}
		return x
	case json.Number:
		if i, err := strconv.Atoi(string(x)); err == nil {
			return i
		}
		return parseFloat(x)
	}
	panic(fmt.Sprintf("bad ord %v", v))
}

func (k kwargs) options() []Option {
	var opts []Option
	if k.has("full_matrices") {
		opts = append(opts, FullMatrices(k.bool("full_matrices")))
	}
	if k.has("mode") {
		var s string
		k.get("mode", &s)
		opts = append(opts, Mode(s))
	}
	if k.has("upper") && k.bool("upper") {
		opts = append(opts, Upper())
	}
	if k.has("rtol") {
		opts = append(opts, Rtol(k.float("rtol")))
	}
	if k.has("tol") {
		opts = append(opts, Tol(k.float("tol")))
	}
	if k.has("rcond") {
		opts = append(opts, Rcond(k.float("rcond")))
	}
	if k.has("hermitian") && k.bool("hermitian") {
		opts = append(opts, Hermitian())
	}
	if k.has("ord") {
		opts = append(opts, Ord(k.ord()))
	}
	if k.has("axis") {
		opts = append(opts, Axis(k.ints("axis")...))
	}
	if k.has("keepdims") && k.bool("keepdims") {
		opts = append(opts, Keepdims())
	}
	if k.has("offset") {
		opts = append(opts, Offset(k.ints("offset")[0]))
	}
	if k.has("dtype") {
		var s string
		k.get("dtype", &s)
		opts = append(opts, Dtype(parseDType(s)))
	}
	return opts
}

func arr(args []any, i int) *arrays.Array { return args[i].(*arrays.Array) }

// call runs the case's function and returns its results (arrays, and an
// int for Lstsq's rank).
func call(c *testCase, args []any) []any {
	kw := kwargs(c.Kwargs)
	opts := kw.options()
	a := func(xs ...*arrays.Array) []any {
		out := make([]any, len(xs))
		for i, x := range xs {
			out[i] = x
		}
		return out
	}
	switch c.Func {
	case "Inv":
		return a(Inv(arr(args, 0)))
	case "Det":
		return a(Det(arr(args, 0)))
	case "Slogdet":
		return a(Slogdet(arr(args, 0)))
	case "Solve":
		return a(Solve(arr(args, 0), arr(args, 1)))
	case "Eigh":
		return a(Eigh(arr(args, 0)))
	case "Eigvalsh":
		return a(Eigvalsh(arr(args, 0)))
	case "Eig":
		return a(Eig(arr(args, 0)))
	case "Eigvals":
		return a(Eigvals(arr(args, 0)))
	case "Svd":
		return a(Svd(arr(args, 0), opts...))
	case "Svdvals":
		return a(Svdvals(arr(args, 0)))
	case "Pinv":
		return a(Pinv(arr(args, 0), opts...))
	case "MatrixRank":
		return a(MatrixRank(arr(args, 0), opts...))
	case "Lstsq":
		x, res, rank, s := Lstsq(arr(args, 0), arr(args, 1), opts...)
		return []any{x, res, rank, s}
	case "Qr":
		q, r := Qr(arr(args, 0), opts...)
		if q == nil {
			return a(r)
		}
		return a(q, r)
	case "Cholesky":
		return a(Cholesky(arr(args, 0), opts...))
	case "MatrixNorm":
		return a(MatrixNorm(arr(args, 0), opts...))
	case "VectorNorm":
		return a(VectorNorm(arr(args, 0), opts...))
	case "Norm":
		return a(Norm(arr(args, 0), opts...))
	case "MatrixPower":
		return a(MatrixPower(arr(args, 0), args[1].(int)))
	case "Cross":
		return a(Cross(arr(args, 0), arr(args, 1), opts...))
	case "Outer":
		return a(Outer(arr(args, 0), arr(args, 1)))
	case "Trace":
		return a(Trace(arr(args, 0), opts...))
	case "Diagonal":
		return a(Diagonal(arr(args, 0), opts...))
	case "Matmul":
		return a(Matmul(arr(args, 0), arr(args, 1)))
	case "Tensordot":
		var n int
		kw.get("axes", &n)
		return a(Tensordot(arr(args, 0), arr(args, 1), n))
	case "Vecdot":
		return a(Vecdot(arr(args, 0), arr(args, 1), opts...))
	case "MatrixTranspose":
		return a(MatrixTranspose(arr(args, 0)))
	}
	panic("no Go function for " + c.Func)
}

// ---------------------------------------------------------------- checking

// errorMatches says whether err is the kind of error the case expects.
func errorMatches(err error, kind string) bool {
	var se *arrays.ShapeError
	var ve *arrays.ValueError
	switch kind {
	case "singular":
		return errors.Is(err, ErrSingular)
	case "notpd":
		return errors.Is(err, ErrNotPositiveDefinite)
	case "nonfinite":
		return errors.Is(err, ErrNonFinite)
	case "shape":
		return errors.As(err, &se)
	case "value":
		return errors.As(err, &ve) || errors.As(err, &se)
	}
	return false
}

func maxAbs(v []complex128) float64 {
	m := 0.0
	for _, z := range v {
		if a := cmplx.Abs(z); !math.IsInf(a, 0) && !math.IsNaN(a) {
			m = math.Max(m, a)
		}
	}
	return m
}

// partsMatch compares one part of a complex number.
func partsMatch(w, g, tol float64) bool {
	switch {
	case math.IsNaN(w):
		return math.IsNaN(g)
	case math.IsInf(w, 0):
		return w == g
	}
	return math.Abs(w-g) <= tol
}

// compareValues lists how got differs from want (within tol·max(1, max|want|)).
func compareValues(got *arrays.Array, want *jsonArray, tol float64) []string {
	if got.DType().String() != want.DType {
		return []string{fmt.Sprintf("dtype: got %v, want %s", got.DType(), want.DType)}
	}
	if !equalInts(got.Shape(), want.Shape) {
		return []string{fmt.Sprintf("shape: got %v, want %v", got.Shape(), want.Shape)}
	}
	if want.Data == nil {
		return nil
	}
	w := want.values()
	g := got.Complex128s()
	exact := !got.DType().IsFloat() && !got.DType().IsComplex()
	abs := tol * math.Max(1, maxAbs(w))
	var diffs []string
	for i := range w {
		ok := false
		if exact {
			ok = w[i] == g[i]
		} else {
			ok = partsMatch(real(w[i]), real(g[i]), abs) && partsMatch(imag(w[i]), imag(g[i]), abs)
		}
		if !ok {
			diffs = append(diffs, fmt.Sprintf("index %d: got %v, want %v (tolerance %.3g)", i, g[i], w[i], abs))
		}
	}
	return diffs
}

// mat is a stack of complex matrices for the invariant checks.
type mat struct {
	batch, r, c int
	d           []complex128
}

func matOf(x *arrays.Array) mat {
	s := x.Shape()
	r, c := s[len(s)-2], s[len(s)-1]
	nb := 1
	for _, d := range s[:len(s)-2] {
		nb *= d
	}
	return mat{nb, r, c, x.Complex128s()}
}

func (m mat) at(b, i, j int) complex128 { return m.d[b*m.r*m.c+i*m.c+j] }

// maxDev returns max |Σ_l f(b,i,l)·g(b,l,j) - h(b,i,j)| over all entries.
func maxDev(nb, r, c, k int, f, g, h func(b, i, j int) complex128) float64 {
	dev := 0.0
	for b := 0; b < nb; b++ {
		for i := 0; i < r; i++ {
			for j := 0; j < c; j++ {
				var s complex128
				for l := 0; l < k; l++ {
					s += f(b, i, l) * g(b, l, j)
				}
				d := cmplx.Abs(s - h(b, i, j))
				if math.IsNaN(d) {
					return math.Inf(1)
				}
				dev = math.Max(dev, d)
			}
		}
	}
	return dev
}

func eye(b, i, j int) complex128 {
	if i == j {
		return 1
	}
	return 0
}

// matchMultiset pairs each wanted value with the closest unused got value.
func matchMultiset(got, want []complex128, tol float64) bool {
	used := make([]bool, len(got))
	// The largest wanted values first: they are the least ambiguous.
	order := make([]int, len(want))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return cmplx.Abs(want[order[a]]) > cmplx.Abs(want[order[b]]) })
	for _, wi := range order {
		best, bd := -1, math.Inf(1)
		for gi := range got {
			if used[gi] {
				continue
			}
			if d := cmplx.Abs(got[gi] - want[wi]); d < bd {
				best, bd = gi, d
			}
		}
		if best < 0 || !(bd <= tol) {
			return false
		}
		used[best] = true
	}
	return true
}

func checkCase(c *testCase, input []any, outs []any, want []jsonArray) []string {
	tol := c.Tol
	var diffs []string
	add := func(label string, ds []string) {
		for _, d := range ds {
			diffs = append(diffs, label+": "+d)
		}
	}
	if len(outs) != len(want) {
		return []string{fmt.Sprintf("got %d results, want %d", len(outs), len(want))}
	}
	// Dtypes and shapes first, for every check.
	for i, o := range outs {
		if want[i].Int != nil {
			if n, ok := o.(int); !ok || n != *want[i].Int {
				diffs = append(diffs, fmt.Sprintf("result %d: got %v, want %d", i, o, *want[i].Int))
			}
			continue
		}
		g := o.(*arrays.Array)
		if g.DType().String() != want[i].DType || !equalInts(g.Shape(), want[i].Shape) {
			diffs = append(diffs, fmt.Sprintf("result %d: got %v%v, want %s%v", i, g.DType(), g.Shape(), want[i].DType, want[i].Shape))
		}
	}
	if len(diffs) > 0 {
		return diffs
	}
	var a mat
	var scale float64
	if len(input) > 0 {
		if x, ok := input[0].(*arrays.Array); ok && x.Ndim() >= 2 {
			a = matOf(x)
			scale = math.Max(1, maxAbs(a.d))
		}
	}
	inv := 10 * tol * scale // tolerance of the invariants
	switch c.Check {
	case "values":
		for i, o := range outs {
			if g, ok := o.(*arrays.Array); ok {
				add(fmt.Sprintf("result %d", i), compareValues(g, &want[i], tol))
			}
		}
	case "eigh":
		add("w", compareValues(outs[0].(*arrays.Array), &want[0], tol))
		v := matOf(outs[1].(*arrays.Array))
		w := outs[0].(*arrays.Array).Complex128s()
		n := a.r
		h := func(b, i, j int) complex128 {
			if i >= j {
				return a.at(b, i, j)
			}
			return cmplx.Conj(a.at(b, j, i))
		}
		vw := func(b, i, j int) complex128 { return v.at(b, i, j) * w[b*n+j] }
		if d := maxDev(a.batch, n, n, n, h, v.at, vw); !(d <= inv) {
			diffs = append(diffs, fmt.Sprintf("|A·v - v·diag(w)| = %.3g > %.3g", d, inv))
		}
		vh := func(b, i, j int) complex128 { return cmplx.Conj(v.at(b, j, i)) }
		if d := maxDev(a.batch, n, n, n, vh, v.at, eye); !(d <= 10*tol) {
			diffs = append(diffs, fmt.Sprintf("|vᴴv - I| = %.3g > %.3g", d, 10*tol))
		}
	case "eig", "eigvals":
		wg := outs[0].(*arrays.Array).Complex128s()
		ww := want[0].values()
		n := a.r
		for b := 0; b < a.batch; b++ {
			if !matchMultiset(wg[b*n:(b+1)*n], ww[b*n:(b+1)*n], tol*math.Max(1, maxAbs(ww[b*n:(b+1)*n]))) {
				diffs = append(diffs, fmt.Sprintf("matrix %d: eigenvalues %v, want %v (as multisets)", b, wg[b*n:(b+1)*n], ww[b*n:(b+1)*n]))
			}
		}
		if c.Check == "eig" {
			v := matOf(outs[1].(*arrays.Array))
			vw := func(b, i, j int) complex128 { return v.at(b, i, j) * wg[b*n+j] }
			if d := maxDev(a.batch, n, n, n, a.at, v.at, vw); !(d <= inv) {
				diffs = append(diffs, fmt.Sprintf("|A·v - v·diag(w)| = %.3g > %.3g", d, inv))
			}
			for b := 0; b < a.batch; b++ {
				for j := 0; j < n; j++ {
					var s float64
					for i := 0; i < n; i++ {
						s += math.Pow(cmplx.Abs(v.at(b, i, j)), 2)
					}
					if math.Abs(math.Sqrt(s)-1) > 10*tol {
						diffs = append(diffs, fmt.Sprintf("matrix %d: eigenvector %d has norm %v", b, j, math.Sqrt(s)))
					}
				}
			}
		}
	case "svd":
		add("s", compareValues(outs[1].(*arrays.Array), &want[1], tol))
		u, vh := matOf(outs[0].(*arrays.Array)), matOf(outs[2].(*arrays.Array))
		s := outs[1].(*arrays.Array).Float64s()
		k := min(a.r, a.c)
		us := func(b, i, l int) complex128 { return u.at(b, i, l) * complex(s[b*k+l], 0) }
		if d := maxDev(a.batch, a.r, a.c, k, us, vh.at, a.at); !(d <= inv) {
			diffs = append(diffs, fmt.Sprintf("|u·diag(s)·vh - A| = %.3g > %.3g", d, inv))
		}
		uh := func(b, i, j int) complex128 { return cmplx.Conj(u.at(b, j, i)) }
		if d := maxDev(u.batch, u.c, u.c, u.r, uh, u.at, eye); !(d <= 10*tol) {
			diffs = append(diffs, fmt.Sprintf("|uᴴu - I| = %.3g", d))
		}
		vhh := func(b, i, j int) complex128 { return cmplx.Conj(vh.at(b, j, i)) }
		if d := maxDev(vh.batch, vh.r, vh.r, vh.c, vh.at, vhh, eye); !(d <= 10*tol) {
			diffs = append(diffs, fmt.Sprintf("|vh·vhᴴ - I| = %.3g", d))
		}
	case "qr":
		ri := len(outs) - 1
		r := matOf(outs[ri].(*arrays.Array))
		for b := 0; b < r.batch; b++ {
			for i := 0; i < r.r; i++ {
				for j := 0; j < min(i, r.c); j++ {
					if r.at(b, i, j) != 0 {
						diffs = append(diffs, fmt.Sprintf("r[%d] is not upper triangular at (%d, %d)", b, i, j))
					}
				}
			}
		}
		for i := range outs {
			if want[i].Data != nil {
				add(fmt.Sprintf("result %d", i), compareValues(outs[i].(*arrays.Array), &want[i], tol))
			}
		}
		if len(outs) == 2 {
			q := matOf(outs[0].(*arrays.Array))
			if d := maxDev(a.batch, a.r, a.c, q.c, q.at, r.at, a.at); !(d <= inv) {
				diffs = append(diffs, fmt.Sprintf("|q·r - A| = %.3g > %.3g", d, inv))
			}
			qh := func(b, i, j int) complex128 { return cmplx.Conj(q.at(b, j, i)) }
			if d := maxDev(q.batch, q.c, q.c, q.r, qh, q.at, eye); !(d <= 10*tol) {
				diffs = append(diffs, fmt.Sprintf("|qᴴq - I| = %.3g", d))
			}
		} else {
			// R alone: Rᴴ·R = Aᴴ·A.
			rh := func(b, i, j int) complex128 { return cmplx.Conj(r.at(b, j, i)) }
			ah := func(b, i, j int) complex128 { return cmplx.Conj(a.at(b, j, i)) }
			ata := func(b, i, j int) complex128 {
				var s complex128
				for l := 0; l < a.r; l++ {
					s += ah(b, i, l) * a.at(b, l, j)
				}
				return s
			}
			if d := maxDev(a.batch, a.c, a.c, r.r, rh, r.at, ata); !(d <= inv*scale) {
				diffs = append(diffs, fmt.Sprintf("|rᴴr - AᴴA| = %.3g", d))
			}
		}
	default:
		diffs = append(diffs, "unknown check "+c.Check)
	}
	return diffs
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// runCase runs one case: "" if it passes, else what went wrong. A panic
// that is no error (a clapack routine that is not implemented, say) comes
// back as gap.
func runCase(c *testCase) (problem string, gap string) {
	args := make([]any, len(c.Args))
	for i, raw := range c.Args {
		var j jsonArray
		if err := decode(raw, &j); err != nil {
			return fmt.Sprintf("argument %d: %v", i, err), ""
		}
		if j.Int != nil {
			args[i] = *j.Int
		} else {
			args[i] = j.build()
		}
	}
	var outs []any
	var err error
	func() {
		defer func() {
			if r := recover(); r != nil {
				if e, ok := r.(error); ok {
					err = e
					return
				}
				if s, ok := r.(string); ok && strings.Contains(s, "not implemented") {
					gap = s
					return
				}
				panic(r)
			}
		}()
		outs = call(c, args)
	}()
	if gap != "" {
		return "", gap
	}
	var wantErr struct {
		Error string `json:"error"`
	}
	if decode(c.Out, &wantErr) == nil && wantErr.Error != "" {
		switch {
		case err == nil:
			return fmt.Sprintf("want an error (%s), got none", wantErr.Error), ""
		case !errorMatches(err, wantErr.Error):
			return fmt.Sprintf("want an error (%s), got %T: %v", wantErr.Error, err, err), ""
		}
		return "", ""
	}
	if err != nil {
		return fmt.Sprintf("unexpected error: %v", err), ""
	}
	var want []jsonArray
	if err := decode(c.Out, &want); err != nil {
		return fmt.Sprintf("bad out: %v", err), ""
	}
	diffs := checkCase(c, args, outs, want)
	if len(diffs) == 0 {
		return "", ""
	}
	const most = 6
	msg := fmt.Sprintf("%d differences", len(diffs))
	for i, d := range diffs {
		if i == most {
			msg += fmt.Sprintf("\n\t... and %d more", len(diffs)-most)
			break
		}
		msg += "\n\t" + d
	}
	return msg, ""
}

func TestCases(t *testing.T) {
	f := loadCases(t)
	if len(f.Cases) == 0 {
		t.Fatal("no cases")
	}
	seen := map[string]bool{}
	for i := range f.Cases {
		c := &f.Cases[i]
		seen[c.Name] = true
		t.Run(c.Name, func(t *testing.T) {
			if reason, ok := knownGaps[c.Name]; ok {
				t.Skip("known gap: " + reason)
			}
			problem, gap := runCase(c)
			if gap != "" {
				t.Skipf("known gap: %s (the complex routine of internal/clapack is not written yet)", gap)
			}
			if problem != "" {
				t.Error(problem)
			}
		})
	}
	for name := range knownGaps {
		if !seen[name] {
			t.Errorf("knownGaps names %q, which is no case", name)
		}
	}
}

// TestCasesFresh fails when testdata/generate.py has changed since it wrote
// testdata/cases.json.gz.
func TestCasesFresh(t *testing.T) {
	script, err := os.ReadFile("testdata/generate.py")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(script)
	f := loadCases(t)
	if f.SHA256 != hex.EncodeToString(sum[:]) {
		t.Fatal("testdata/cases.json.gz is stale: run go generate ./arrays/linalg")
	}
}
