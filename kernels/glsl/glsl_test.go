package glsl

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"workbench/arrays/dtype"
	"workbench/kernels"
)

// checkSource checks the shape of generated GLSL: the version line first,
// the name in the header, balanced braces and parentheses, and no
// template text left over.
func checkSource(t *testing.T, p Program) {
	t.Helper()
	if !strings.HasPrefix(p.Source, "#version 430\n") {
		t.Errorf("%s: does not start with #version 430", p.Name)
	}
	if !strings.Contains(p.Source, p.Name) {
		t.Errorf("%s: the source does not name itself", p.Name)
	}
	if strings.Contains(p.Source, "{{") || strings.Contains(p.Source, "<no value>") {
		t.Errorf("%s: template text left in the source", p.Name)
	}
	for _, pair := range []string{"{}", "()", "[]"} {
		if o, c := strings.Count(p.Source, pair[:1]), strings.Count(p.Source, pair[1:]); o != c {
			t.Errorf("%s: %d %q but %d %q", p.Name, o, pair[:1], c, pair[1:])
		}
	}
	if !strings.Contains(p.Source, "void main()") {
		t.Errorf("%s: no main", p.Name)
	}
}

// TestUnaryAndBinary generates every operation for every dtype: those
// that exist give well-formed sources with distinct names, the others an
// error matching kernels.ErrNotImplemented.
func TestUnaryAndBinary(t *testing.T) {
	names := map[string]bool{}
	count := 0
	for _, dt := range dtype.All {
		for _, fp64 := range []bool{false, true} {
			for _, strided := range []bool{false, true} {
				for op := kernels.UnaryOp(0); op.String() != fmt.Sprintf("unary(%d)", uint8(op)); op++ {
					p, err := Unary(op, dt, fp64, strided)
					count += check(t, p, err, names, fmt.Sprintf("unary %v %v", op, dt))
				}
				for op := kernels.BinaryOp(0); op.String() != fmt.Sprintf("binary(%d)", uint8(op)); op++ {
					p, err := Binary(op, dt, fp64, strided)
					count += check(t, p, err, names, fmt.Sprintf("binary %v %v", op, dt))
				}
			}
		}
	}
	if count < 150 {
		t.Errorf("only %d element-wise shaders", count)
	}
}

func check(t *testing.T, p Program, err error, names map[string]bool, what string) int {
	t.Helper()
	if err != nil {
		if !errors.Is(err, kernels.ErrNotImplemented) {
			t.Errorf("%s: error %v does not match kernels.ErrNotImplemented", what, err)
		}
		if !strings.Contains(err.Error(), "not implemented") {
			t.Errorf("%s: error %q does not say what is missing", what, err)
		}
		return 0
	}
	checkSource(t, p)
	if names[p.Name] {
		return 0 // the same shader for fp64 on and off
	}
	names[p.Name] = true
	return 1
}

// TestCoverage pins down which dtypes and operations the shaders compute.
func TestCoverage(t *testing.T) {
	for _, tc := range []struct {
		what string
		err  error
		ok   bool
	}{
		{"sqrt float32", second(Unary(kernels.Sqrt, dtype.Float32, false, false)), true},
		{"exp float32", second(Unary(kernels.Exp, dtype.Float32, false, false)), true},
		{"sqrt float64 with fp64", second(Unary(kernels.Sqrt, dtype.Float64, true, false)), true},
		{"sqrt float64 without fp64", second(Unary(kernels.Sqrt, dtype.Float64, false, false)), false},
		{"exp float64", second(Unary(kernels.Exp, dtype.Float64, true, false)), false},
		{"sqrt int32", second(Unary(kernels.Sqrt, dtype.Int32, true, false)), false},
		{"abs int8", second(Unary(kernels.Abs, dtype.Int8, true, false)), true},
		{"conj complex64", second(Unary(kernels.Conj, dtype.Complex64, true, false)), false},
		{"isnan bool", second(Unary(kernels.IsNaN, dtype.Bool, true, false)), true},
		{"add uint32", second(Binary(kernels.Add, dtype.Uint32, false, true)), true},
		{"pow uint32", second(Binary(kernels.Pow, dtype.Uint32, false, true)), true},
		{"pow int32", second(Binary(kernels.Pow, dtype.Int32, false, true)), false},
		{"divide int32", second(Binary(kernels.Divide, dtype.Int32, false, true)), false},
		{"less float64", second(Binary(kernels.Less, dtype.Float64, true, true)), true},
		{"hypot float64", second(Binary(kernels.Hypot, dtype.Float64, true, true)), false},
		{"logical_and float32", second(Binary(kernels.LogicalAnd, dtype.Float32, true, true)), false},
		{"logical_and bool", second(Binary(kernels.LogicalAnd, dtype.Bool, true, true)), true},
		{"copy int8 to int8", second(Convert(dtype.Int8, dtype.Int8, true, true)), true},
		{"copy complex128 to complex128", second(Convert(dtype.Complex128, dtype.Complex128, false, true)), true},
		{"copy int64 to float32", second(Convert(dtype.Float32, dtype.Int64, true, true)), false},
		{"copy float64 to int32", second(Convert(dtype.Int32, dtype.Float64, true, false)), true},
		{"copy bool to uint32", second(Convert(dtype.Uint32, dtype.Bool, false, false)), true},
		{"reduce all bool", second(Reduce(kernels.ReduceAll, dtype.Bool, false, TreeFirst)), true},
		{"reduce all int32", second(Reduce(kernels.ReduceAll, dtype.Int32, false, TreeFirst)), false},
		{"reduce max float64 without fp64", second(Reduce(kernels.ReduceMax, dtype.Float64, false, Serial)), false},
		{"scan prod uint32", second(Scan(kernels.ReduceProd, dtype.Uint32, false, ScanBlocks)), true},
		{"scan sum bool", second(Scan(kernels.ReduceSum, dtype.Bool, false, ScanBlocks)), false},
		{"scan max float32", second(Scan(kernels.ReduceMax, dtype.Float32, false, ScanBlocks)), false},
	} {
		if (tc.err == nil) != tc.ok {
			t.Errorf("%s: error %v, want success %v", tc.what, tc.err, tc.ok)
		}
		if tc.err != nil && !errors.Is(tc.err, kernels.ErrNotImplemented) {
			t.Errorf("%s: %v does not match kernels.ErrNotImplemented", tc.what, tc.err)
		}
	}
}

func second(_ Program, err error) error { return err }

// TestReduceAndScan generates every reduction and scan pass for the
// dtypes that have them.
func TestReduceAndScan(t *testing.T) {
	for _, dt := range []dtype.DType{dtype.Float32, dtype.Float64, dtype.Int32, dtype.Uint32, dtype.Bool} {
		for op := kernels.ReduceSum; op <= kernels.ReduceAny; op++ {
			for _, st := range []ReduceStage{Serial, TreeFirstLast, TreeFirst, TreeLast} {
				if p, err := Reduce(op, dt, true, st); err == nil {
					checkSource(t, p)
					if st == TreeFirst && !strings.Contains(p.Source, "#define TO_PARTIALS") {
						t.Errorf("%s: not writing partial results", p.Name)
					}
				} else if dt == dtype.Bool || op < kernels.ReduceAll {
					t.Errorf("reduce %v %v: %v", op, dt, err)
				}
			}
			for _, ph := range []ScanPhase{ScanSerial, ScanBlocks, ScanAdd} {
				p, err := Scan(op, dt, true, ph)
				want := dt != dtype.Bool && (op == kernels.ReduceSum || op == kernels.ReduceProd)
				if (err == nil) != want {
					t.Errorf("scan %v %v: %v", op, dt, err)
				}
				if err == nil {
					checkSource(t, p)
				}
			}
		}
	}
}

// TestStorage pins down the buffer layout.
func TestStorage(t *testing.T) {
	for _, tc := range []struct {
		dt      dtype.DType
		n, want int
	}{
		{dtype.Float32, 3, 12}, {dtype.Bool, 3, 12}, {dtype.Int8, 5, 8}, {dtype.Uint16, 3, 8},
		{dtype.Float64, 3, 24}, {dtype.Complex128, 2, 32}, {dtype.Float32, 0, 4},
	} {
		if got := StorageBytes(tc.dt, tc.n); got != tc.want {
			t.Errorf("StorageBytes(%v, %d) = %d, want %d", tc.dt, tc.n, got, tc.want)
		}
	}
	for dt, want := range map[dtype.DType]Type{dtype.Float32: Words1, dtype.Bool: Words1, dtype.Int64: Words2,
		dtype.Complex64: Words2, dtype.Complex128: Words4, dtype.Int16: Bytes2, dtype.Uint8: Bytes1} {
		if got, _ := Raw(dt); got != want {
			t.Errorf("Raw(%v) = %v, want %v", dt, got, want)
		}
	}
}

// TestMatmulShaders generates the matrix multiply's shaders for every
// dtype and a range of tilings and matrix-vector shapes: float32, int32,
// uint32 and (with fp64) float64 give well-formed sources with distinct
// names; other dtypes an error matching kernels.ErrNotImplemented;
// shapes that no GPU runs a plain error.
func TestMatmulShaders(t *testing.T) {
	tilings := []MatmulTiling{MatmulLarge, MatmulMedium, {TX: 8, TY: 32, RM: 4, RN: 2, TK: 8}, {TX: 1, TY: 1, RM: 1, RN: 1, TK: 1}}
	shapes := []MatvecShape{{Rows: 64, Lanes: 1, Cols: 1}, {Rows: 8, Lanes: 8, Cols: 4}, {Rows: 8, Lanes: 8, Cols: 4, KFast: true},
		{Rows: 1, Lanes: 64, Cols: 32}}
	names := map[string]bool{}
	for _, dt := range dtype.All {
		for _, fp64 := range []bool{false, true} {
			want := dt == dtype.Float32 || dt == dtype.Int32 || dt == dtype.Uint32 || dt == dtype.Float64 && fp64
			var progs []Program
			var errs []error
			for _, tl := range tilings {
				p, err := Matmul(dt, fp64, tl)
				progs, errs = append(progs, p), append(errs, err)
			}
			for _, s := range shapes {
				p, err := Matvec(dt, fp64, s)
				progs, errs = append(progs, p), append(errs, err)
			}
			for i, err := range errs {
				what := fmt.Sprintf("matmul %v fp64 %v, shape %d", dt, fp64, i)
				if (err == nil) != want {
					t.Errorf("%s: error %v", what, err)
					continue
				}
				if err != nil {
					if !errors.Is(err, kernels.ErrNotImplemented) {
						t.Errorf("%s: error %v does not match kernels.ErrNotImplemented", what, err)
					}
					continue
				}
				checkSource(t, progs[i])
				again := fp64 && dt != dtype.Float64 // the shader made without fp64
				if names[progs[i].Name] && !again {
					t.Errorf("%s: name %q used twice", what, progs[i].Name)
				}
				names[progs[i].Name] = true
				if !strings.Contains(progs[i].Source, "#define T "+map[dtype.DType]string{dtype.Float32: "float", dtype.Float64: "double", dtype.Int32: "int", dtype.Uint32: "uint"}[dt]) {
					t.Errorf("%s: computes with the wrong type", what)
				}
			}
		}
	}
	if len(names) != 4*(len(tilings)+len(shapes)) {
		t.Errorf("%d distinct matrix multiply shaders, want %d", len(names), 4*(len(tilings)+len(shapes)))
	}
	// The same work under another name would compile twice.
	a, _ := Matvec(dtype.Float32, false, MatvecShape{Rows: 1, Lanes: 64, Cols: 2, KFast: true})
	b, _ := Matvec(dtype.Float32, false, MatvecShape{Rows: 1, Lanes: 64, Cols: 2})
	if a != b {
		t.Errorf("lanes numbered along k or the rows of a single row: %q and %q differ", a.Name, b.Name)
	}
	for _, tl := range []MatmulTiling{{TX: 0, TY: 16, RM: 8, RN: 8, TK: 8}, {TX: 64, TY: 32, RM: 1, RN: 1, TK: 8}, {TX: 16, TY: 16, RM: 16, RN: 16, TK: 32}} {
		if _, err := Matmul(dtype.Float32, false, tl); err == nil || errors.Is(err, kernels.ErrNotImplemented) {
			t.Errorf("tiling %+v: error %v, want a plain error", tl, err)
		}
	}
	for _, s := range []MatvecShape{{Rows: 8, Lanes: 6, Cols: 1}, {Rows: 0, Lanes: 1, Cols: 1}, {Rows: 64, Lanes: 1, Cols: 0},
		{Rows: 4, Lanes: 512, Cols: 1}, {Rows: 8, Lanes: 128, Cols: 32}} {
		if _, err := Matvec(dtype.Float32, false, s); err == nil || errors.Is(err, kernels.ErrNotImplemented) {
			t.Errorf("shape %+v: error %v, want a plain error", s, err)
		}
	}
}
