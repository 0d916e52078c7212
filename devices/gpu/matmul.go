//go:build cgo && linux

package gpu

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"

	"github.com/go-gl/gl/v4.3-core/gl"

	"workbench/devices"
	"workbench/kernels/glsl"
)

var _ devices.Matmuler = (*Device)(nil)

// Matmul computes dst = a b for a stack of matrices (see
// devices.Matmuler): a is (..., m, k), b (..., k, n), dst (..., m, n),
// the batch axes equal in all three (stride 0 where broadcast), any
// strides. It runs for float32, int32 and uint32 (wrapping), where the
// GPU has fp64 for float64 and where it has int64 for int64 and uint64
// (wrapping), in one dispatch for the whole stack, with
// the work shaped by the sizes (see matmulPlan): tiles of C per work
// group through shared memory (glsl.Matmul: 128 x 128 or 64 x 64) for
// large m and n; rows of C per invocation, straight from the buffers
// (glsl.Matvec), when m or n is at most matvecMaxCols (a matrix-vector
// product, as arrays.Matmul passes a 1-d operand, among them). Other
// dtypes give an error matching devices.ErrNotImplemented.
//
// Float sums: with tiles, each element sums its k products in order, one
// at a time. With rows, each element's k is split between 1, 8 or 64
// lanes: lane l sums the products of k = l, l + lanes, ... in order, one
// at a time, and the lanes' sums add up pairwise in a tree (lane l +
// lanes/2 into lane l, and so on); one lane, in order of k, unless the
// rows are too few to keep the GPU busy. The GLSL compiler may fuse the
// multiply-adds. The order, and so the rounding, depends on the shapes,
// the layouts and the GPU (llvmpipe or not), never on the values: float32
// errors are within (k+1) 2^-24 of sum |a||b| over k (the tests' bound,
// which holds for any order); on llvmpipe they stay below 3e-7 of it for
// k up to 1000.
func (d *Device) Matmul(dst, a, b devices.View) error {
	return d.matmul(dst, a, b, nil)
}

// matmul is Matmul with the plan chosen by matmulPlan, or by force where
// not nil (for tests and benchmarks).
func (d *Device) matmul(dst, a, b devices.View, force *mmPlan) error {
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
	// The dtype's errors come before those of the shapes that need no work.
	if _, err := d.feat.MatmulType(ab.dt); err != nil {
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
	pl := matmulPlan(m, n, k, nbatch, a.Strides[nd-2:], b.Strides[nd-2:], d.minGroups())
	if force != nil {
		pl = *force
	}
	var p glsl.Program
	if pl.tiled {
		p, err = d.feat.Matmul(ab.dt, pl.tiling)
	} else {
		p, err = d.feat.Matvec(ab.dt, pl.matvec)
	}
	if err != nil {
		return err
	}
	// The operands in the plan's roles: C^T = B^T A^T when transposed.
	sa := []int{a.Strides[nd-2], a.Strides[nd-1]}
	sb := []int{b.Strides[nd-2], b.Strides[nd-1]}
	sc := []int{dst.Strides[nd-2], dst.Strides[nd-1]}
	bsa, bsb := bst[1], bst[2]
	bufs := []*Buffer{cb, ab, bb}
	offA, offB := a.Offset, b.Offset
	if pl.transposed {
		m, n = n, m
		sa, sb = []int{sb[1], sb[0]}, []int{sa[1], sa[0]}
		sc = []int{sc[1], sc[0]}
		bsa, bsb = bsb, bsa
		bufs[1], bufs[2] = bufs[2], bufs[1]
		offA, offB = offB, offA
	}
	u := map[string][]int32{
		"u_m": {int32(m)}, "u_n": {int32(n)}, "u_k": {int32(k)}, "u_nbatch": {int32(nbatch)},
		"u_bndim": {int32(len(bshape))}, "u_bshape": ints32(bshape),
		"u_bsc": ints32(bst[0]), "u_bsa": ints32(bsa), "u_bsb": ints32(bsb),
		"u_sa": ints32(sa), "u_sb": ints32(sb), "u_sc": ints32(sc),
		"u_off": ints32([]int{dst.Offset, offA, offB}),
	}
	var x, y int
	if pl.tiled {
		// Load each operand's tiles along its shorter stride.
		u["u_afast"] = []int32{b2i(abs(sa[0]) < abs(sa[1]))}
		u["u_bfast"] = []int32{b2i(abs(sb[0]) < abs(sb[1]))}
		x, y = ceilDiv(n, pl.tiling.BN()), ceilDiv(m, pl.tiling.BM())
	} else {
		x, y = ceilDiv(m, pl.matvec.Rows), ceilDiv(n, pl.matvec.Cols)
	}
	x, y, z := min(x, d.maxGroups[0]), min(y, d.maxGroups[1]), min(nbatch, maxGroupsZ)
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

// The choice of the matrix multiply's work (see matmulPlan).
const (
	// matvecMaxCols is the most columns (or rows) of C for glsl.Matvec,
	// and the most columns of a block of them.
	matvecMaxCols = 32
	// matvecLaneK is the least number of products per lane when
	// glsl.Matvec splits k between lanes.
	matvecLaneK = 8
	// gpuMinGroups is the number of work groups that keeps a hardware
	// GPU busy (a hundred or so compute units of large GPUs): fewer
	// make Matmul choose smaller tiles, or split k in glsl.Matvec.
	gpuMinGroups = 128
)

// The shapes of glsl.Matvec's work, 64 invocations each (Cols is set per
// call): one invocation per row; 8 rows of 8 lanes; one row of 64 lanes.
var matvecShapes = []glsl.MatvecShape{
	{Rows: 64, Lanes: 1},
	{Rows: 8, Lanes: 8},
	{Rows: 1, Lanes: 64},
}

// minGroups is the number of work groups that keeps the GPU busy: on
// Mesa's llvmpipe, which runs a work group per thread and a thread per
// CPU (or LP_NUM_THREADS), that number of threads; on other GPUs
// gpuMinGroups.
func (d *Device) minGroups() int {
	if !strings.Contains(d.info.Details["renderer"], "llvmpipe") {
		return gpuMinGroups
	}
	if n, err := strconv.Atoi(os.Getenv("LP_NUM_THREADS")); err == nil {
		return max(n, 1)
	}
	return runtime.NumCPU()
}

// mmPlan is how Matmul shapes its work: with glsl.Matmul's tiling or
// glsl.Matvec's shape, for C or (transposed) for C^T = B^T A^T.
type mmPlan struct {
	transposed bool
	tiled      bool
	tiling     glsl.MatmulTiling
	matvec     glsl.MatvecShape
}

func (p mmPlan) String() string {
	s := "matvec " + p.matvec.String()
	if p.tiled {
		s = "matmul " + p.tiling.String()
	}
	if p.transposed {
		s += " transposed"
	}
	return s
}

// matmulPlan chooses the work of a multiply of nbatch (m x k)(k x n)
// matrices, A and B at strides sa and sb (row, column), on a GPU that
// minGroups work groups keep busy (of 256 invocations; 64 times as many
// invocations).
//
// A C of at most matvecMaxCols columns or rows is computed as C or as
// C^T, whichever has more rows, with glsl.Matvec: blocks of as many
// columns as the next power of two (at most 8 when more are needed to
// keep the GPU busy), one invocation per row where that keeps the GPU
// busy or k is short, else rows of 8 or 64 lanes along k (at least
// matvecLaneK products each), numbered along k unless A's rows are
// adjacent in memory. On llvmpipe this is faster than the tiles for every
// shape tried (a single row of B broadcast to the invocations of a row
// block costs it little; shared memory and barriers much).
//
// Larger results take glsl.MatmulLarge where that gives at least
// minGroups work groups and both m and n exceed half its tile, otherwise
// glsl.MatmulMedium.
func matmulPlan(m, n, k, nbatch int, sa, sb []int, minGroups int) mmPlan {
	var p mmPlan
	if min(m, n) <= matvecMaxCols {
		if n > m {
			p.transposed = true
			m, n = n, m
			sa = []int{sb[1], sb[0]}
		}
		target := 64 * minGroups
		cols := 1
		for cols < n {
			cols *= 2
		}
		if nbatch*m*ceilDiv(n, cols) < target {
			cols = min(cols, 8)
		}
		s := matvecShapes[0]
		for _, t := range matvecShapes[1:] {
			if nbatch*m*ceilDiv(n, cols)*s.Lanes >= target || k < matvecLaneK*t.Lanes {
				break
			}
			s = t
		}
		s.Cols = cols
		s.KFast = s.Lanes > 1 && s.Rows > 1 && (m == 1 || abs(sa[0]) >= abs(sa[1]))
		p.matvec = s
		return p
	}
	p.tiled, p.tiling = true, glsl.MatmulMedium
	l := glsl.MatmulLarge
	if ceilDiv(m, l.BM())*ceilDiv(n, l.BN())*nbatch >= minGroups && 2*m > l.BM() && 2*n > l.BN() {
		p.tiling = l
	}
	return p
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

func b2i(b bool) int32 {
	if b {
		return 1
	}
	return 0
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
