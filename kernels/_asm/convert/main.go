// Command convert generates the conversion and gather kernels of package
// kernels (kernels/convert_amd64.s) with avo: element type conversions
// between float64, float32, int64, int32, int8, uint8 and bool, and copies
// of a run with a constant element stride into a contiguous destination,
// in AVX2 and AVX-512 variants, and the AVX-512 block sums of every other
// float64 (strided sums without a buffer). The conversion and gather
// kernels handle whole vectors only; the Go code that calls them does the
// tail. It shares the module of kernels/_asm. Run it through go generate in
// package kernels.
package main

import (
	"fmt"
	"strings"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"

	"workbench/kernels/_asm/internal/gen"
)

// conv is one conversion: per vector step it reads lanes elements of
// srcSize bytes and writes lanes elements of dstSize bytes.
type conv struct {
	name, src, dst   string // kernel name part, Go element types
	srcSize, dstSize int
	doc              string // the Go expression of one element, of x
	// step converts the lanes elements at s into d, for each level
	// (nil where the level has no instruction for it).
	step2, step512 func(s, d Mem)
	lanes2         int
	lanes512       int
	note           string
}

// byteOne is a 64-byte constant of dwords 1, for clamping bools.
var byteOne Mem

// clampBool turns the dwords of r (zero-extended bool bytes) into 0 or 1:
// Go reads any non-zero byte as true.
func clampBool(r VecVirtual) { VPMINUD(byteOne, r, r) }

var convs = []conv{
	{name: "F64F32", src: "float64", dst: "float32", srcSize: 8, dstSize: 4, doc: "float32(x)",
		lanes2: 4, step2: func(s, d Mem) { x := XMM(); VCVTPD2PSY(s, x); VMOVUPS(x, d) },
		lanes512: 8, step512: func(s, d Mem) { y := YMM(); VCVTPD2PS(s, y); VMOVUPS(y, d) }},
	{name: "F32F64", src: "float32", dst: "float64", srcSize: 4, dstSize: 8, doc: "float64(x)",
		lanes2: 4, step2: func(s, d Mem) { y := YMM(); VCVTPS2PD(s, y); VMOVUPD(y, d) },
		lanes512: 8, step512: func(s, d Mem) { z := ZMM(); VCVTPS2PD(s, z); VMOVUPD(z, d) }},
	{name: "I32F64", src: "int32", dst: "float64", srcSize: 4, dstSize: 8, doc: "float64(x)",
		lanes2: 4, step2: func(s, d Mem) { y := YMM(); VCVTDQ2PD(s, y); VMOVUPD(y, d) },
		lanes512: 8, step512: func(s, d Mem) { z := ZMM(); VCVTDQ2PD(s, z); VMOVUPD(z, d) }},
	{name: "I32F32", src: "int32", dst: "float32", srcSize: 4, dstSize: 4, doc: "float32(x)",
		lanes2: 8, step2: func(s, d Mem) { y := YMM(); VCVTDQ2PS(s, y); VMOVUPS(y, d) },
		lanes512: 16, step512: func(s, d Mem) { z := ZMM(); VCVTDQ2PS(s, z); VMOVUPS(z, d) }},
	{name: "I64F64", src: "int64", dst: "float64", srcSize: 8, dstSize: 8, doc: "float64(x)",
		lanes512: 8, step512: func(s, d Mem) { z := ZMM(); VCVTQQ2PD(s, z); VMOVUPD(z, d) },
		note: "It needs AVX-512DQ."},
	{name: "F64I64", src: "float64", dst: "int64", srcSize: 8, dstSize: 8, doc: "int64(x)",
		lanes512: 8, step512: func(s, d Mem) { z := ZMM(); VCVTTPD2QQ(s, z); VMOVDQU64(z, d) },
		note: "NaN and values out of range give math.MinInt64, as Go's conversion on amd64.\nIt needs AVX-512DQ."},
	{name: "F64I32", src: "float64", dst: "int32", srcSize: 8, dstSize: 4, doc: "int32(x)",
		lanes2: 4, step2: func(s, d Mem) { x := XMM(); VCVTTPD2DQY(s, x); VMOVDQU(x, d) },
		lanes512: 8, step512: func(s, d Mem) { y := YMM(); VCVTTPD2DQ(s, y); VMOVDQU(y, d) },
		note: "NaN and values out of range give math.MinInt32, as Go's conversion on amd64."},
	{name: "F32I32", src: "float32", dst: "int32", srcSize: 4, dstSize: 4, doc: "int32(x)",
		lanes2: 8, step2: func(s, d Mem) { y := YMM(); VCVTTPS2DQ(s, y); VMOVDQU(y, d) },
		lanes512: 16, step512: func(s, d Mem) { z := ZMM(); VCVTTPS2DQ(s, z); VMOVDQU32(z, d) },
		note: "NaN and values out of range give math.MinInt32, as Go's conversion on amd64."},
	{name: "U8F64", src: "uint8", dst: "float64", srcSize: 1, dstSize: 8, doc: "float64(x)",
		lanes2: 4, step2: func(s, d Mem) { x, y := XMM(), YMM(); VPMOVZXBD(s, x); VCVTDQ2PD(x, y); VMOVUPD(y, d) },
		lanes512: 8, step512: func(s, d Mem) { y, z := YMM(), ZMM(); VPMOVZXBD(s, y); VCVTDQ2PD(y, z); VMOVUPD(z, d) }},
	{name: "I8F64", src: "int8", dst: "float64", srcSize: 1, dstSize: 8, doc: "float64(x)",
		lanes2: 4, step2: func(s, d Mem) { x, y := XMM(), YMM(); VPMOVSXBD(s, x); VCVTDQ2PD(x, y); VMOVUPD(y, d) },
		lanes512: 8, step512: func(s, d Mem) { y, z := YMM(), ZMM(); VPMOVSXBD(s, y); VCVTDQ2PD(y, z); VMOVUPD(z, d) }},
	{name: "BoolF64", src: "bool", dst: "float64", srcSize: 1, dstSize: 8, doc: "1 if x else 0",
		lanes2: 4, step2: func(s, d Mem) {
			x, y := XMM(), YMM()
			VPMOVZXBD(s, x)
			clampBool(x)
			VCVTDQ2PD(x, y)
			VMOVUPD(y, d)
		},
		lanes512: 8, step512: func(s, d Mem) {
			y, z := YMM(), ZMM()
			VPMOVZXBD(s, y)
			clampBool(y)
			VCVTDQ2PD(y, z)
			VMOVUPD(z, d)
		}},
	{name: "U8F32", src: "uint8", dst: "float32", srcSize: 1, dstSize: 4, doc: "float32(x)",
		lanes2: 8, step2: func(s, d Mem) { y := YMM(); VPMOVZXBD(s, y); VCVTDQ2PS(y, y); VMOVUPS(y, d) },
		lanes512: 16, step512: func(s, d Mem) { z := ZMM(); VPMOVZXBD(s, z); VCVTDQ2PS(z, z); VMOVUPS(z, d) }},
	{name: "I8F32", src: "int8", dst: "float32", srcSize: 1, dstSize: 4, doc: "float32(x)",
		lanes2: 8, step2: func(s, d Mem) { y := YMM(); VPMOVSXBD(s, y); VCVTDQ2PS(y, y); VMOVUPS(y, d) },
		lanes512: 16, step512: func(s, d Mem) { z := ZMM(); VPMOVSXBD(s, z); VCVTDQ2PS(z, z); VMOVUPS(z, d) }},
	{name: "BoolF32", src: "bool", dst: "float32", srcSize: 1, dstSize: 4, doc: "1 if x else 0",
		lanes2: 8, step2: func(s, d Mem) {
			y := YMM()
			VPMOVZXBD(s, y)
			clampBool(y)
			VCVTDQ2PS(y, y)
			VMOVUPS(y, d)
		},
		lanes512: 16, step512: func(s, d Mem) {
			z := ZMM()
			VPMOVZXBD(s, z)
			clampBool(z)
			VCVTDQ2PS(z, z)
			VMOVUPS(z, d)
		}},
}

func main() {
	ConstraintExpr("!purego")
	byteOne = gen.Splat("convert_one32", 4, 1)
	evens := GLOBL("convert_evens", RODATA|NOPTR)
	// Qword indices 0, 2, ..., 14, then dword indices 0, 2, ..., 30.
	for i := 0; i < 8; i++ {
		DATA(8*i, U64(uint64(2*i)))
	}
	for i := 0; i < 16; i++ {
		DATA(64+4*i, U32(uint32(2*i)))
	}
	for _, v := range []gen.ISA{gen.AVX2, gen.AVX512} {
		for _, c := range convs {
			convert(c, v)
		}
		for _, size := range []int{8, 4} {
			gather(size, v)
			gather2(size, v, evens)
		}
	}
	sumBlocksStride2(evens)
	Generate()
}

// convert writes the kernel of conversion c at level v.
func convert(c conv, v gen.ISA) {
	lanes, step := c.lanes2, c.step2
	if v.AVX512 {
		lanes, step = c.lanes512, c.step512
	}
	if step == nil {
		return
	}
	name := "cvt" + c.name + v.Name
	TEXT(name, NOSPLIT, fmt.Sprintf("func(d []%s, s []%s)", c.dst, c.src))
	Pragma("noescape")
	doc := []string{
		fmt.Sprintf("%s sets d[i] = %s, x = s[i], for i < len(d) rounded down to a", name, c.doc),
		fmt.Sprintf("multiple of %d; s is at least as long.", lanes),
	}
	if c.note != "" {
		doc = append(doc, strings.Split(c.note, "\n")...)
	}
	Doc(doc...)
	dp := Load(Param("d").Base(), GP64())
	sp := Load(Param("s").Base(), GP64())
	n := Load(Param("d").Len(), GP64())
	loop(name, n, lanes, func(u int) {
		step(Mem{Base: sp, Disp: u * lanes * c.srcSize}, Mem{Base: dp, Disp: u * lanes * c.dstSize})
	}, func(k int) {
		ADDQ(U32(k*lanes*c.srcSize), sp)
		ADDQ(U32(k*lanes*c.dstSize), dp)
	})
}

// loop emits the skeleton of a kernel over n elements: steps of
// gen.Unroll vectors, then single vectors, until fewer than lanes elements
// are left, then the return. body emits vector u of a step; advance moves
// the pointers on by k vectors.
func loop(prefix string, n Register, lanes int, body func(u int), advance func(k int)) {
	gen.UnrolledLoop(prefix, n, lanes, prefix+"_done", body, advance)
	Label(prefix + "_done")
	VZEROUPPER()
	RET()
}

// goType is the unsigned integer type of an element size.
func goType(size int) string {
	if size == 8 {
		return "uint64"
	}
	return "uint32"
}

// gather writes the copy of a run with any constant stride into a
// contiguous destination, with gather instructions (qword indices: any
// stride whose byte offsets fit in 64 bits).
func gather(size int, v gen.ISA) {
	name := fmt.Sprintf("gather%d%s", size*8, v.Name)
	lanes := v.Lanes(8) // qword indices
	TEXT(name, NOSPLIT, fmt.Sprintf("func(d []%s, s *%s, idx *[8]int64)", goType(size), goType(size)))
	Pragma("noescape")
	Doc(fmt.Sprintf("%s sets d[i] to the element at byte offset i*stride from s, for", name),
		fmt.Sprintf("i < len(d) rounded down to a multiple of %d; idx holds the byte offsets", lanes),
		"0, stride, ..., 7*stride.")
	dp := Load(Param("d").Base(), GP64())
	sp := Load(Param("s"), GP64())
	ip := Load(Param("idx"), GP64())
	n := Load(Param("d").Len(), GP64())
	var idx VecVirtual
	if v.AVX512 {
		idx = ZMM()
		VMOVDQU64(Mem{Base: ip}, idx)
	} else {
		idx = YMM()
		VMOVDQU(Mem{Base: ip}, idx)
	}
	// The step of the source pointer per vector: the offset of lane
	// lanes-1 plus one stride.
	stepReg := GP64()
	MOVQ(Mem{Base: ip, Disp: 8 * (lanes - 1)}, stepReg)
	str := GP64()
	MOVQ(Mem{Base: ip, Disp: 8}, str)
	ADDQ(str, stepReg)
	loop(name, n, lanes, func(u int) {
		src := Mem{Base: sp, Index: idx, Scale: 1}
		dst := Mem{Base: dp, Disp: u * lanes * size}
		if v.AVX512 {
			k := K()
			KXNORW(k, k, k)
			if size == 8 {
				z := ZMM()
				VPXORQ(z, z, z)
				VPGATHERQQ(src, k, z)
				VMOVDQU64(z, dst)
			} else {
				y := YMM()
				VPXOR(y, y, y)
				VPGATHERQD(src, k, y)
				VMOVDQU(y, dst)
			}
		} else {
			if size == 8 {
				m, y := YMM(), YMM()
				VPCMPEQQ(m, m, m)
				VPXOR(y, y, y)
				VPGATHERQQ(m, src, y)
				VMOVDQU(y, dst)
			} else {
				m, x := XMM(), XMM()
				VPCMPEQD(m, m, m)
				VPXOR(x, x, x)
				VPGATHERQD(m, src, x)
				VMOVDQU(x, dst)
			}
		}
		ADDQ(stepReg, sp)
	}, func(k int) {
		ADDQ(U32(k*lanes*size), dp)
	})
}

// gather2 writes the copy of every other element (stride 2) into a
// contiguous destination, with two loads and a permutation per vector.
func gather2(size int, v gen.ISA, evens Mem) {
	name := fmt.Sprintf("gather%dStride2%s", size*8, v.Name)
	vb := v.Bytes
	lanes := vb / size
	TEXT(name, NOSPLIT, fmt.Sprintf("func(d []%s, s []%s)", goType(size), goType(size)))
	Pragma("noescape")
	Doc(fmt.Sprintf("%s sets d[i] = s[2*i] for i < len(d) rounded down to a multiple", name),
		fmt.Sprintf("of %d; len(s) >= 2*len(d).", lanes))
	dp := Load(Param("d").Base(), GP64())
	sp := Load(Param("s").Base(), GP64())
	n := Load(Param("d").Len(), GP64())
	var perm VecVirtual
	if v.AVX512 {
		perm = ZMM()
		if size == 8 {
			VMOVDQU64(evens, perm)
		} else {
			VMOVDQU32(evens.Offset(64), perm)
		}
	}
	loop(name, n, lanes, func(u int) {
		a := Mem{Base: sp, Disp: 2 * u * vb}
		b := Mem{Base: sp, Disp: 2*u*vb + vb}
		dst := Mem{Base: dp, Disp: u * vb}
		switch {
		case v.AVX512 && size == 8:
			// The table (a, b) indexed by 0, 2, ..., 14: y is the first
			// half and is overwritten.
			y := ZMM()
			VMOVDQU64(a, y)
			VPERMT2Q(b, perm, y)
			VMOVDQU64(y, dst)
		case v.AVX512:
			y := ZMM()
			VMOVDQU32(a, y)
			VPERMT2D(b, perm, y)
			VMOVDQU32(y, dst)
		case size == 8:
			// [a0 a1 a2 a3], [b0 b1 b2 b3] -> [a0 b0 a2 b2] -> [a0 a2 b0 b2].
			x, y := YMM(), YMM()
			VMOVUPD(a, x)
			VUNPCKLPD(b, x, y)
			VPERMPD(U8(0xd8), y, y)
			VMOVUPD(y, dst)
		default:
			// Per 128-bit half [a0 a2 b0 b2 | a4 a6 b4 b6] -> [a0 a2 a4 a6 b0 b2 b4 b6].
			x, y := YMM(), YMM()
			VMOVUPS(a, x)
			VSHUFPS(U8(0x88), b, x, y)
			VPERMPD(U8(0xd8), y, y)
			VMOVUPS(y, dst)
		}
	}, func(k int) {
		ADDQ(U32(k*2*vb), sp)
		ADDQ(U32(k*vb), dp)
	})
}

// sumBlocksStride2 writes the block sums of every other element, with
// AVX-512: dst[k] is the eight-accumulator sum of the values
// src[2*(k*blk+i)] for i < blk, in the order of blockSum in
// kernels/reduce.go and of the sumBlocks kernels of _asm/simd (lane j adds
// the values j, j+8, j+16, ... from -0; the lanes combine as
// ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7))), so that the strided sum needs no
// buffer.
func sumBlocksStride2(evens Mem) {
	name := "sumBlocksStride2F64AVX512"
	TEXT(name, NOSPLIT, "func(dst, src []float64, blk int)")
	Pragma("noescape")
	Doc(name+" sets dst[k] to blockSum of the values src[2*(k*blk+i)], i < blk,",
		"for k < len(dst): the same bits as the sum of those values gathered.",
		"blk is a non-zero multiple of 8, and len(src) at least 2*len(dst)*blk.")
	dp := Load(Param("dst").Base(), GP64())
	k := Load(Param("dst").Len(), GP64())
	sp := Load(Param("src").Base(), GP64())
	blk := Load(Param("blk"), GP64())
	negZero := gen.Splat("convert_negzero", 8, 1<<63)
	perm := ZMM()
	VMOVDQU64(evens, perm)
	i := GP64()

	gen.EachBlock(name, k, i, func() {
		acc := ZMM()
		VMOVUPD(negZero, acc)
		// add adds the eight values from element i (16 source elements).
		add := func(d int) {
			x := ZMM()
			VMOVUPD(Mem{Base: sp, Disp: d}, x)
			VPERMT2PD(Mem{Base: sp, Disp: d + 64}, perm, x)
			VADDPD(x, acc, acc)
		}
		gen.BlockLoop(name, i, blk, func(u int) { add(128 * u) }, func(steps int) { ADDQ(U32(steps*128), sp) })

		// ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), as the sumBlocks kernels fold.
		lo, hi := gen.Halves(acc)
		gen.FoldSum8F64(lo, hi, Mem{Base: dp})
		ADDQ(U32(8), dp)
	})
}
