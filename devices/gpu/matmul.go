//go:build cgo && linux

package gpu

import (
	"fmt"

	"github.com/go-gl/gl/v4.3-core/gl"

	"workbench/devices"
	"workbench/kernels/glsl"
)

var _ devices.Matmuler = (*Device)(nil)

// Matmul computes dst = a b for a stack of matrices (see
// devices.Matmuler): a is (..., m, k), b (..., k, n), dst (..., m, n),
// the batch axes equal in all three (stride 0 where broadcast), any
// strides. It runs for float32, int32 and uint32 (wrapping) and, where
// the GPU has fp64, float64, in one dispatch for the whole stack: tiles
// of glsl.MatmulBlock x glsl.MatmulBlock results per work group through
// shared memory (see package kernels/glsl). Other dtypes give an error
// matching devices.ErrNotImplemented. Each float element sums its k
// products in order, one at a time (the GLSL compiler may fuse the
// multiply-adds): float32 errors are within (k+1) 2^-24 of sum |a||b|
// over k (the tests' bound, which holds for any order); on llvmpipe they
// stay below 3e-7 of it for k up to 1000.
func (d *Device) Matmul(dst, a, b devices.View) error {
	cb, err := d.buf(dst, "Matmul's destination")
	if err != nil {
		return err
	}
	ab, err := d.buf(a, "Matmul's first operand")
	if err != nil {
		return err
	}
	bb, err := d.buf(b, "Matmul's second operand")
	if err != nil {
		return err
	}
	if ab.dt != bb.dt || cb.dt != ab.dt {
		return fmt.Errorf("gpu: Matmul of %v and %v into %v: the dtypes must be equal (promote first)", ab.dt, bb.dt, cb.dt)
	}
	nd := len(a.Shape)
	if nd < 2 || len(b.Shape) != nd || len(dst.Shape) != nd {
		return fmt.Errorf("gpu: Matmul of shapes %v and %v into %v: want (..., m, k), (..., k, n) and (..., m, n) with the same batch axes",
			a.Shape, b.Shape, dst.Shape)
	}
	m, k, n := a.Shape[nd-2], a.Shape[nd-1], b.Shape[nd-1]
	ok := b.Shape[nd-2] == k && dst.Shape[nd-2] == m && dst.Shape[nd-1] == n
	for i := 0; i < nd-2; i++ {
		ok = ok && a.Shape[i] == dst.Shape[i] && b.Shape[i] == dst.Shape[i]
	}
	if !ok {
		return fmt.Errorf("gpu: Matmul of shapes %v and %v into %v: want (..., m, k), (..., k, n) and (..., m, n) with the same batch axes",
			a.Shape, b.Shape, dst.Shape)
	}
	p, err := glsl.Matmul(ab.dt, d.fp64)
	if err != nil {
		return err
	}
	bshape, bst := coalesce(dst.Shape[:nd-2], [][]int{dst.Strides[:nd-2], a.Strides[:nd-2], b.Strides[:nd-2]})
	if len(bshape) > glsl.MaxDims {
		return errTooManyAxes
	}
	nbatch := prod(bshape)
	if nbatch == 0 || m == 0 || n == 0 {
		return nil
	}
	sa := []int{a.Strides[nd-2], a.Strides[nd-1]}
	sb := []int{b.Strides[nd-2], b.Strides[nd-1]}
	// Load each operand's tiles along its shorter stride.
	afast, bfast := 0, 0
	if abs(sa[0]) < abs(sa[1]) {
		afast = 1
	}
	if abs(sb[0]) < abs(sb[1]) {
		bfast = 1
	}
	u := map[string][]int32{
		"u_m": {int32(m)}, "u_n": {int32(n)}, "u_k": {int32(k)}, "u_nbatch": {int32(nbatch)},
		"u_bndim": {int32(len(bshape))}, "u_bshape": ints32(bshape),
		"u_bsc": ints32(bst[0]), "u_bsa": ints32(bst[1]), "u_bsb": ints32(bst[2]),
		"u_sa": ints32(sa), "u_sb": ints32(sb), "u_sc": ints32(dst.Strides[nd-2:]),
		"u_off":   ints32([]int{dst.Offset, a.Offset, b.Offset}),
		"u_afast": {int32(afast)}, "u_bfast": {int32(bfast)},
	}
	tiles := func(x int) int { return (x + glsl.MatmulBlock - 1) / glsl.MatmulBlock }
	x, y, z := min(tiles(n), d.maxGroups[0]), min(tiles(m), d.maxGroups[1]), min(nbatch, maxGroupsZ)
	bufs := []*Buffer{cb, ab, bb}
	defer keep(bufs...)
	return d.run(func() error {
		pr, err := d.programGL(p)
		if err != nil {
			return err
		}
		d.useGL(pr, u)
		for i, b := range bufs {
			gl.BindBufferBase(gl.SHADER_STORAGE_BUFFER, uint32(i), b.id)
		}
		gl.DispatchCompute(uint32(x), uint32(y), uint32(z))
		gl.MemoryBarrier(gl.ALL_BARRIER_BITS)
		return glError(p.Name)
	})
}

// maxGroupsZ is the most work groups of one dispatch along z that every
// OpenGL 4.3 GPU runs; the matrix multiply loops over larger stacks.
const maxGroupsZ = 65535

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
