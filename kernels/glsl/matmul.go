package glsl

import (
	"bytes"
	"fmt"

	"workbench/arrays/dtype"
)

// The shape of the matrix multiply's work: a work group of MatmulTile x
// MatmulTile invocations computes a tile of MatmulBlock x MatmulBlock
// elements of the result (each invocation MatmulRegs x MatmulRegs of
// them), stepping through the inner dimension MatmulDepth at a time
// through shared memory (2 MatmulDepth MatmulBlock elements: 8 KiB of
// float32, 16 KiB of float64). This is the classic 128 x 128 x 8 tiling
// of GPU SGEMMs; on llvmpipe it is also the fastest tried (1024x1024
// float32 on 2 busy cores: 1 to 2.9 GFLOP/s, against 0.5 to 0.7 with
// 64 x 64 x 16 tiles of 4 x 4 blocks).
const (
	MatmulTile  = 16
	MatmulRegs  = 8
	MatmulDepth = 8
	MatmulBlock = MatmulTile * MatmulRegs
)

// Matmul returns the shader that multiplies stacks of matrices of dtype
// dt: float32, int32 and uint32 (wrapping, as on the CPU) and, with fp64,
// float64; other dtypes give an error matching kernels.ErrNotImplemented.
// The result (binding 0) and the operands A (binding 1) and B (binding 2)
// are addressed through strides given as uniforms (see shaders/matmul.comp
// for their names); the work groups are MatmulTile x MatmulTile, one per
// MatmulBlock x MatmulBlock tile along x (columns) and y (rows), one per
// matrix of the stack along z. Float sums run in order of k within each
// element, as products accumulated one at a time (the compiler may fuse
// them).
func Matmul(dt dtype.DType, fp64 bool) (Program, error) {
	t, err := Compute(dt, fp64)
	if err != nil {
		return Program{}, err
	}
	if t == Bool {
		return Program{}, notImpl("matrix multiply of bool", "the GPU multiplies float32, float64, int32 and uint32 matrices")
	}
	p := struct {
		Name, Access, T string
		TS, RB, TK      int
	}{
		Name:   fmt.Sprintf("matmul %v %dx%d/%d", dt, MatmulBlock, MatmulBlock, MatmulDepth),
		Access: access(0, t, false, true) + access(1, t, true, false) + access(2, t, true, false),
		T:      t.GLSL(), TS: MatmulTile, RB: MatmulRegs, TK: MatmulDepth,
	}
	var b bytes.Buffer
	if err := templates.ExecuteTemplate(&b, "matmul.comp", p); err != nil {
		panic(fmt.Sprintf("glsl: template matmul.comp for %s: %v", p.Name, err)) // a bug in the embedded file
	}
	return Program{Name: p.Name, Source: b.String()}, nil
}
