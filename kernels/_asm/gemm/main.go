// Command gemm generates the matrix-multiply micro-kernels of package
// kernels (kernels/gemm_amd64.s) with avo. It belongs to the generator
// module in kernels/_asm; run it through go generate in package kernels.
//
// Every kernel computes one mr×nr tile of C from packed panels, the same
// arithmetic as gemmKernelGo in kernels/gemm.go:
//
//	acc[i][j] = 0
//	for l := 0; l < k; l++ { acc[i][j] = fma(a[l*mr+i], b[l*nr+j], acc[i][j]) }
//	c[i*ldc+j] = alpha*acc[i][j]                          (loadC false)
//	c[i*ldc+j] = fma(beta, c[i*ldc+j], alpha*acc[i][j])  (loadC true)
//
// The vectors run along a row of the tile (nr = vecs × lanes); the mr
// elements of A of each step are broadcast.
package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"

	"workbench/kernels/_asm/internal/gen"
)

// isa is one kernel: its instruction set, element type, name and tile.
type isa struct {
	gen.ISA
	e    gen.Elem
	name string
	mr   int // rows of the tile: broadcasts of A per step
	vecs int // vectors per row of the tile
}

// lanes is the number of elements per vector.
func (v isa) lanes() int { return v.Lanes(v.e.Size) }

func (v isa) nr() int { return v.vecs * v.lanes() }

// zero clears r (VPXORD on zmm needs AVX-512F only, VXORPD needs DQ).
func (v isa) zero(r Register) {
	if v.AVX512 {
		VPXORD(r, r, r)
	} else {
		VXORPD(r, r, r)
	}
}

func main() {
	ConstraintExpr("!purego")
	for _, v := range []isa{
		{ISA: gen.AVX512, e: gen.Float64, name: "gemmKernel64AVX512", mr: 8, vecs: 3},
		{ISA: gen.AVX512, e: gen.Float32, name: "gemmKernel32AVX512", mr: 8, vecs: 3},
		{ISA: gen.AVX2, e: gen.Float64, name: "gemmKernel64AVX2", mr: 6, vecs: 2},
		{ISA: gen.AVX2, e: gen.Float32, name: "gemmKernel32AVX2", mr: 6, vecs: 2},
	} {
		kernel(v)
	}
	Generate()
}

func kernel(v isa) {
	typ := v.e.GoType
	TEXT(v.name, NOSPLIT, fmt.Sprintf("func(k int, a, b, c *%s, ldc int, alpha, beta %s, loadC bool)", typ, typ))
	Doc(fmt.Sprintf("%s computes the %d×%d tile at c (rows ldc elements apart)", v.name, v.mr, v.nr()),
		fmt.Sprintf("from the packed panels a (k steps of %d) and b (k steps of %d), k ≥ 1,", v.mr, v.nr()),
		"as gemmKernelGo does.")
	k := Load(Param("k"), GP64())
	pa := Load(Param("a"), GP64())
	pb := Load(Param("b"), GP64())
	pc := Load(Param("c"), GP64())
	ldc := Load(Param("ldc"), GP64())
	es := v.e.Size
	SHLQ(U8(v.e.Shift()), ldc)

	acc := make([][]VecVirtual, v.mr)
	for i := range acc {
		acc[i] = make([]VecVirtual, v.vecs)
		for j := range acc[i] {
			acc[i][j] = v.Vec()
			v.zero(acc[i][j])
		}
	}
	vb := v.lanes() * es // bytes per vector
	// Bring the tile of C towards the cache while the loop runs.
	row := GP64()
	MOVQ(pc, row)
	for i := 0; i < v.mr; i++ {
		PREFETCHT0(Mem{Base: row})
		PREFETCHT0(Mem{Base: row, Disp: v.nr()*es - 1})
		if i+1 < v.mr {
			ADDQ(ldc, row)
		}
	}
	// step is one step of k at offset u steps from pa and pb.
	step := func(u int) {
		bv := make([]VecVirtual, v.vecs)
		for j := range bv {
			bv[j] = v.Vec()
			v.e.Movu(Mem{Base: pb, Disp: u*v.nr()*es + j*vb}, bv[j])
		}
		for i := 0; i < v.mr; i++ {
			t := v.Vec()
			v.e.Bcast(Mem{Base: pa, Disp: u*v.mr*es + i*es}, t)
			for j := 0; j < v.vecs; j++ {
				v.e.FMA231(bv[j], t, acc[i][j])
			}
		}
	}
	const unroll = 4
	loop4, loop1, tail, done := v.name+"_loop4", v.name+"_loop1", v.name+"_tail", v.name+"_done"
	CMPQ(k, U8(unroll))
	JB(LabelRef(tail))
	Label(loop4)
	for u := 0; u < unroll; u++ {
		step(u)
	}
	ADDQ(U32(unroll*v.mr*es), pa)
	ADDQ(U32(unroll*v.nr()*es), pb)
	SUBQ(U8(unroll), k)
	CMPQ(k, U8(unroll))
	JAE(LabelRef(loop4))
	Label(tail)
	TESTQ(k, k)
	JZ(LabelRef(done))
	Label(loop1)
	step(0)
	ADDQ(U32(v.mr*es), pa)
	ADDQ(U32(v.nr()*es), pb)
	DECQ(k)
	JNZ(LabelRef(loop1))
	Label(done)

	// acc *= alpha
	av := v.Vec()
	v.e.Bcast(paramAddr("alpha"), av)
	for i := range acc {
		for j := range acc[i] {
			v.e.Mul(av, acc[i][j], acc[i][j])
		}
	}
	loadC := Load(Param("loadC"), GP8())
	store := v.name + "_store"
	TESTB(loadC, loadC)
	JZ(LabelRef(store))
	bt := v.Vec()
	v.e.Bcast(paramAddr("beta"), bt)
	MOVQ(pc, row)
	for i := range acc {
		for j := range acc[i] {
			v.e.FMA231(Mem{Base: row, Disp: j * vb}, bt, acc[i][j])
		}
		if i+1 < len(acc) {
			ADDQ(ldc, row)
		}
	}
	Label(store)
	for i := range acc {
		for j := range acc[i] {
			v.e.Movu(acc[i][j], Mem{Base: pc, Disp: j * vb})
		}
		if i+1 < len(acc) {
			ADDQ(ldc, pc)
		}
	}
	VZEROUPPER()
	RET()
}

// paramAddr is the address of a scalar parameter (broadcast straight from
// memory: an AVX-512 kernel's virtual register may be beyond X15, which
// MOVSD cannot reach).
func paramAddr(name string) Mem {
	b, err := Param(name).Resolve()
	if err != nil {
		panic(err)
	}
	return b.Addr
}
