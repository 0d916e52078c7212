package linalg

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"workbench/arrays"
)

func catch(fn func()) error { return arrays.Maybe(fn) }

func TestErrorsNameTheMatrix(t *testing.T) {
	st := arrays.Zeros(2, 3, 2, 2)
	for i := 0; i < 2; i++ {
		for j := 0; j < 3; j++ {
			st.SetIndex(arrays.Eye(2), i, j)
		}
	}
	st.SetIndex(arrays.Asarray([][]float64{{1, 2}, {2, 4}}), 1, 2)
	st.SetIndex(arrays.Asarray([][]float64{{1, 2}, {2, 4}}), 1, 1)
	cases := []struct {
		name string
		fn   func()
		is   error
		msg  string
	}{
		{"Inv", func() { Inv(st) }, ErrSingular, "linalg.Inv: singular matrix (the matrix at index [1, 1] of the stack)"},
		{"Solve", func() { Solve(st, arrays.Ones(2)) }, ErrSingular, "linalg.Solve: singular matrix (the matrix at index [1, 1] of the stack)"},
		{"Solve-single", func() { Solve(st.Index(1, 2), arrays.Ones(2)) }, ErrSingular, "linalg.Solve: singular matrix"},
		{"Cholesky", func() { Cholesky(st) }, ErrNotPositiveDefinite, "linalg.Cholesky: matrix is not positive definite (the matrix at index [1, 1] of the stack)"},
		{"Eig", func() { Eig(arrays.Asarray([][]float64{{1, math.NaN()}, {0, 1}})) }, ErrNonFinite, "linalg.Eig: matrix holds infinities or NaNs"},
		{"Svd", func() { Svd(arrays.Asarray([][]float64{{1, math.Inf(1)}, {0, 1}})) }, ErrNonFinite, "linalg.Svd"},
		{"MatrixNorm", func() { MatrixNorm(arrays.Asarray([][]float64{{math.NaN()}}), Ord(2)) }, ErrNonFinite, "linalg.MatrixNorm"},
	}
	for _, c := range cases {
		err := catch(c.fn)
		var le *Error
		if !errors.As(err, &le) || !errors.Is(err, c.is) {
			t.Errorf("%s: got %T %v, want an *Error wrapping %v", c.name, err, err, c.is)
			continue
		}
		if !strings.HasPrefix(err.Error(), c.msg) {
			t.Errorf("%s: %q, want %q", c.name, err, c.msg)
		}
	}
	// The single matrix has no index.
	var le *Error
	errors.As(catch(func() { Inv(st.Index(1, 2)) }), &le)
	if le == nil || le.Index != nil {
		t.Errorf("Inv of one matrix: %+v", le)
	}
}

func TestShapeErrorsNameTheShapes(t *testing.T) {
	cases := []struct {
		name string
		fn   func()
		want []string
	}{
		{"Inv", func() { Inv(arrays.Ones(2, 3)) }, []string{"linalg.Inv", "square", "(2, 3)"}},
		{"Det-1d", func() { Det(arrays.Ones(3)) }, []string{"linalg.Det", "(3,)"}},
		{"Solve", func() { Solve(arrays.Eye(3), arrays.Ones(4)) }, []string{"linalg.Solve", "(3, 3)", "(4,)"}},
		{"Solve-batch", func() { Solve(arrays.Ones(2, 3, 3), arrays.Ones(4, 3, 1)) }, []string{"(2, 3, 3)", "(4, 3, 1)"}},
		{"Cross", func() { Cross(arrays.Ones(2), arrays.Ones(2)) }, []string{"linalg.Cross", "3 elements"}},
		{"Lstsq", func() { Lstsq(arrays.Ones(3, 2), arrays.Ones(4)) }, []string{"linalg.Lstsq", "(3, 2)", "(4,)"}},
		{"Outer", func() { Outer(arrays.Ones(2, 2), arrays.Ones(2)) }, []string{"linalg.Outer", "(2, 2)"}},
		{"MatrixPower", func() { MatrixPower(arrays.Ones(2, 3), 2) }, []string{"linalg.MatrixPower", "(2, 3)"}},
	}
	for _, c := range cases {
		err := catch(c.fn)
		var se *arrays.ShapeError
		if !errors.As(err, &se) {
			t.Errorf("%s: got %T %v, want a *ShapeError", c.name, err, err)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %q does not say %q", c.name, err, w)
			}
		}
	}
}

func TestOptionsRefused(t *testing.T) {
	x := arrays.Eye(3)
	cases := map[string]func(){
		"Svd-Mode":        func() { Svd(x, Mode("r")) },
		"Inv-less":        func() { Cholesky(x, Ord(2)) },
		"Qr-bad-mode":     func() { Qr(x, Mode("raw")) },
		"MatrixNorm-ord3": func() { MatrixNorm(x, Ord(3)) },
		"MatrixNorm-str":  func() { MatrixNorm(x, Ord("max")) },
		"VectorNorm-str":  func() { VectorNorm(x, Ord("fro")) },
		"Vecdot-Offset":   func() { Vecdot(x, x, Offset(1)) },
	}
	for name, fn := range cases {
		var ve *arrays.ValueError
		if err := catch(fn); !errors.As(err, &ve) {
			t.Errorf("%s: got %T %v, want a *ValueError", name, err, err)
		}
	}
	err := catch(func() { Svd(x, Mode("r")) })
	if !strings.Contains(err.Error(), "does not take the option Mode (it takes FullMatrices)") {
		t.Errorf("Svd with Mode: %v", err)
	}
}

func TestDTypes(t *testing.T) {
	f32 := arrays.Asarray([][]float32{{2, 1}, {1, 3}})
	c64 := f32.Astype(arrays.Complex64)
	i64 := f32.Astype(arrays.Int64)
	check := func(name string, got *arrays.Array, want arrays.DType) {
		t.Helper()
		if got.DType() != want {
			t.Errorf("%s: dtype %v, want %v", name, got.DType(), want)
		}
	}
	check("Inv f32", Inv(f32), arrays.Float32)
	check("Inv i64", Inv(i64), arrays.Float64)
	check("Det c64", Det(c64), arrays.Complex64)
	w, v := Eigh(c64)
	check("Eigh w c64", w, arrays.Float32)
	check("Eigh v c64", v, arrays.Complex64)
	w, v = Eig(f32)
	check("Eig w f32", w, arrays.Complex64)
	check("Eig v f32", v, arrays.Complex64)
	check("Eigvals i64", Eigvals(i64), arrays.Complex128)
	_, s, _ := Svd(c64)
	check("Svd s c64", s, arrays.Float32)
	check("MatrixNorm c64", MatrixNorm(c64), arrays.Float32)
	check("VectorNorm i64", VectorNorm(i64), arrays.Float64)
	check("MatrixRank", MatrixRank(f32), arrays.Int64)
	sign, logdet := Slogdet(c64)
	check("Slogdet sign", sign, arrays.Complex64)
	check("Slogdet logdet", logdet, arrays.Float32)
	check("Solve f32+f64", Solve(f32, arrays.Ones(2)), arrays.Float64)
	check("MatrixPower i64 2", MatrixPower(i64, 2), arrays.Int64)
	check("MatrixPower i64 0", MatrixPower(i64, 0), arrays.Int64)
	check("MatrixPower i64 -1", MatrixPower(i64, -1), arrays.Float64)
	check("Trace uint8", Trace(arrays.Ones(2, 2, arrays.Dtype(arrays.Uint8))), arrays.Uint64)
}

// TestLargeStacks runs bigger problems than the NumPy cases, in stacks, and
// checks them by residuals.
func TestLargeStacks(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	const n = 60
	data := make([]float64, 4*n*n)
	for i := range data {
		data[i] = r.Float64()*2 - 1
	}
	a := arrays.FromSlice(data).Reshape(4, n, n).Add(arrays.Eye(n).Mul(4))
	inv := Inv(a)
	res := arrays.Max(arrays.Abs(arrays.Matmul(a, inv).Sub(arrays.Eye(n)))).Float()
	if res > 1e-12 {
		t.Errorf("|A·inv(A) - I| = %g", res)
	}
	b := arrays.FromSlice(data[:4*n*3]).Reshape(4, n, 3)
	x := Solve(a, b)
	if res := arrays.Max(arrays.Abs(arrays.Matmul(a, x).Sub(b))).Float(); res > 1e-12 {
		t.Errorf("|A·x - b| = %g", res)
	}
	// The same in one worker gives the same bits.
	old := arrays.SetWorkers(1)
	inv1 := Inv(a)
	arrays.SetWorkers(old)
	if !arrays.All(arrays.Equal(inv, inv1)).Bool() {
		t.Error("Inv differs with one worker")
	}
	sym := a.Add(arrays.MatrixTranspose(a))
	w, v := Eigh(sym)
	if res := arrays.Max(arrays.Abs(arrays.Matmul(sym, v).Sub(v.Mul(arrays.ExpandDims(w, -2))))).Float(); res > 1e-11 {
		t.Errorf("eigh residual %g", res)
	}
	u, s, vh := Svd(a, FullMatrices(false))
	if res := arrays.Max(arrays.Abs(arrays.Matmul(u.Mul(arrays.ExpandDims(s, -2)), vh).Sub(a))).Float(); res > 1e-11 {
		t.Errorf("svd residual %g", res)
	}
}

func TestQrModeR(t *testing.T) {
	q, r := Qr(arrays.Ones(4, 3), Mode("r"))
	if q != nil || !equalInts(r.Shape(), []int{3, 3}) {
		t.Errorf("Qr mode r: q %v, r %v", q, r.Shape())
	}
}

func TestInputsUnchanged(t *testing.T) {
	a := arrays.Asarray([][]float64{{4, 2}, {2, 5}})
	before := a.Float64s()
	Inv(a)
	Cholesky(a)
	Eigh(a)
	Eig(a)
	Svd(a)
	Qr(a)
	Solve(a, arrays.Ones(2))
	Lstsq(a, arrays.Ones(2))
	Pinv(a, Hermitian())
	after := a.Float64s()
	for i := range before {
		if before[i] != after[i] {
			t.Fatalf("an input changed: %v -> %v", before, after)
		}
	}
}
