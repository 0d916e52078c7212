package glsl

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"workbench/arrays/dtype"
	"workbench/kernels"
)

// TestInt64Shaders generates the int64 and uint64 shaders: with the Int64
// feature they exist, are well formed and enable GL_ARB_gpu_shader_int64
// right after #version (as GLSL requires); without it they are not
// implemented, and shaders of other dtypes never enable the extension.
func TestInt64Shaders(t *testing.T) {
	with, without := Features{FP64: true, Int64: true}, Features{FP64: true}
	names := map[string]bool{}
	count := 0
	for _, dt := range []dtype.DType{dtype.Int64, dtype.Uint64} {
		gen := []struct {
			what string
			make func(f Features) (Program, error)
		}{
			{"convert to float32", func(f Features) (Program, error) { return f.Convert(dtype.Float32, dt, true) }},
			{"convert from float64", func(f Features) (Program, error) { return f.Convert(dt, dtype.Float64, false) }},
			{"convert from int32", func(f Features) (Program, error) { return f.Convert(dt, dtype.Int32, false) }},
			{"reduce sum", func(f Features) (Program, error) { return f.Reduce(kernels.ReduceSum, dt, TreeFirst) }},
			{"reduce min", func(f Features) (Program, error) { return f.Reduce(kernels.ReduceMin, dt, Serial) }},
			{"scan sum", func(f Features) (Program, error) { return f.Scan(kernels.ReduceSum, dt, ScanBlocks) }},
			{"matmul", func(f Features) (Program, error) { return f.Matmul(dt, MatmulLarge) }},
			{"matvec", func(f Features) (Program, error) {
				return f.Matvec(dt, MatvecShape{Rows: 8, Lanes: 8, Cols: 4, KFast: true})
			}},
		}
		for op := kernels.UnaryOp(0); op.String() != fmt.Sprintf("unary(%d)", uint8(op)); op++ {
			gen = append(gen, struct {
				what string
				make func(f Features) (Program, error)
			}{op.String(), func(f Features) (Program, error) { return f.Unary(op, dt, true) }})
		}
		for op := kernels.BinaryOp(0); op.String() != fmt.Sprintf("binary(%d)", uint8(op)); op++ {
			gen = append(gen, struct {
				what string
				make func(f Features) (Program, error)
			}{op.String(), func(f Features) (Program, error) { return f.Binary(op, dt, false) }})
		}
		for _, g := range gen {
			what := fmt.Sprintf("%s of %v", g.what, dt)
			if _, err := g.make(without); !errors.Is(err, kernels.ErrNotImplemented) {
				t.Errorf("%s without Int64: %v, want not implemented", what, err)
			}
			p, err := g.make(with)
			if err != nil {
				if !errors.Is(err, kernels.ErrNotImplemented) {
					t.Errorf("%s: %v", what, err)
				}
				continue
			}
			checkSource(t, p)
			if !strings.HasPrefix(p.Source, "#version 430\n"+int64Extension) {
				t.Errorf("%s: the source does not enable the extension after #version:\n%.120s", what, p.Source)
			}
			if !names[p.Name] {
				names[p.Name] = true
				count++
			}
		}
	}
	if count < 60 {
		t.Errorf("only %d int64 and uint64 shaders", count)
	}
	p, err := with.Binary(kernels.Add, dtype.Int32, false)
	if err != nil || strings.Contains(p.Source, "int64") {
		t.Errorf("int32 add enables int64 (%v):\n%.200s", err, p.Source)
	}
}
