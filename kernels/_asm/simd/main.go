// Command simd generates the element-wise and reduction kernels of package
// kernels (kernels/simd_amd64.s) with avo: arithmetic, minimum and maximum
// of two arrays or of an array and a scalar, the block sums of the pairwise
// summation, maximum and minimum reductions and a fused multiply-add, for
// float64 and float32, in AVX2+FMA and AVX-512 variants. It shares the
// module of kernels/_asm. Run it through go generate in package kernels.
package main

import (
	"fmt"
	"math"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// elem describes one element type and its instructions.
type elem struct {
	name, goType string
	size         int
	add, sub     func(...Op)
	mul, div     func(...Op)
	max, min     func(...Op)
	fma231       func(...Op)
	cmp          func(...Op)
	movu         func(...Op)
	movuZ        func(a, k, b Op)
	maskmov      func(a, b, c Op)
	bcast        func(...Op)
	and, or      func(...Op) // AVX2 forms
	and512       func(...Op) // AVX-512F forms
	or512        func(...Op)
	blendv       func(a, b, c, d Op)
	movs         func(...Op) // scalar move
	nanBits      uint64      // the NaN that the Go code writes (math.NaN() converted to the type)
}

var f64 = elem{
	name: "F64", goType: "float64", size: 8,
	add: VADDPD, sub: VSUBPD, mul: VMULPD, div: VDIVPD, max: VMAXPD, min: VMINPD,
	fma231: VFMADD231PD, cmp: VCMPPD, movu: VMOVUPD, movuZ: VMOVUPD_Z, maskmov: VMASKMOVPD,
	bcast: VBROADCASTSD, and: VANDPD, or: VORPD, and512: VPANDQ, or512: VPORQ,
	blendv: VBLENDVPD, movs: VMOVSD,
	nanBits: math.Float64bits(math.NaN()),
}

var f32 = elem{
	name: "F32", goType: "float32", size: 4,
	add: VADDPS, sub: VSUBPS, mul: VMULPS, div: VDIVPS, max: VMAXPS, min: VMINPS,
	fma231: VFMADD231PS, cmp: VCMPPS, movu: VMOVUPS, movuZ: VMOVUPS_Z, maskmov: VMASKMOVPS,
	bcast: VBROADCASTSS, and: VANDPS, or: VORPS, and512: VPANDD, or512: VPORD,
	blendv: VBLENDVPS, movs: VMOVSS,
	// float32(math.NaN()) on amd64: the quiet bit, no payload.
	nanBits: 0x7fc00000,
}

// isa describes one vector instruction set.
type isa struct {
	name   string
	bytes  int
	vec    func() VecVirtual
	avx512 bool
}

var (
	avx2   = isa{name: "AVX2", bytes: 32, vec: YMM}
	avx512 = isa{name: "AVX512", bytes: 64, vec: ZMM, avx512: true}
)

const unroll = 4

// Comparison predicates of VCMPPD/VCMPPS.
const (
	cmpEQ    = 0 // equal, ordered
	cmpUnord = 3 // unordered (either is NaN)
)

var (
	consts    = map[string]Mem{}
	tailTable Mem
)

// constOf returns a 64-byte constant holding copies of bits, each an
// element of e.
func constOf(e elem, name string, bits uint64) Mem {
	key := name + e.name
	if m, ok := consts[key]; ok {
		return m
	}
	m := GLOBL("simd_"+key, RODATA|NOPTR)
	for i := 0; i < 64/e.size; i++ {
		if e.size == 8 {
			DATA(8*i, U64(bits))
		} else {
			DATA(4*i, U32(uint32(bits)))
		}
	}
	consts[key] = m
	return m
}

// nan returns a 64-byte constant of the NaN that the Go code writes.
func nan(e elem) Mem { return constOf(e, "nan", e.nanBits) }

func main() {
	ConstraintExpr("!purego")
	tailTable = GLOBL("simd_tailmask", RODATA|NOPTR)
	for i := 0; i < 8; i++ {
		bits := uint64(0)
		if i < 4 {
			bits = math.MaxUint64
		}
		DATA(8*i, U64(bits))
	}
	for _, e := range []elem{f64, f32} {
		for _, v := range []isa{avx2, avx512} {
			for _, op := range ops {
				binary(e, v, op, false)
				binary(e, v, op, true)
			}
			fma(e, v)
			for _, isMax := range []bool{true, false} {
				extremum(e, v, isMax)
			}
		}
	}
	sumBlocks(f64, avx2)
	sumBlocks(f64, avx512)
	sumBlocks(f32, avx2)
	Generate()
}

// ops are the element-wise binary operations.
var ops = []struct {
	name, doc string
	emit      func(e elem, v isa, a, b, dst VecVirtual, nanReg VecVirtual)
}{
	{"add", "x[i] + y[i]", func(e elem, _ isa, a, b, dst, _ VecVirtual) { e.add(b, a, dst) }},
	{"sub", "x[i] - y[i]", func(e elem, _ isa, a, b, dst, _ VecVirtual) { e.sub(b, a, dst) }},
	{"mul", "x[i] * y[i]", func(e elem, _ isa, a, b, dst, _ VecVirtual) { e.mul(b, a, dst) }},
	{"div", "x[i] / y[i]", func(e elem, _ isa, a, b, dst, _ VecVirtual) { e.div(b, a, dst) }},
	{"max", "floatMaximum(x[i], y[i])", func(e elem, v isa, a, b, dst, n VecVirtual) { minMax(e, v, a, b, dst, n, true) }},
	{"min", "floatMinimum(x[i], y[i])", func(e elem, v isa, a, b, dst, n VecVirtual) { minMax(e, v, a, b, dst, n, false) }},
}

// minMax sets dst to the maximum (or minimum) of a and b with the Go code's
// special cases: NaN if either is NaN (the NaN of math.NaN()), and of two
// equal values the bitwise AND (maximum) or OR (minimum), so that +0 beats
// -0 in the maximum and -0 beats +0 in the minimum.
func minMax(e elem, v isa, a, b, dst, nanReg VecVirtual, isMax bool) {
	if isMax {
		e.max(b, a, dst)
	} else {
		e.min(b, a, dst)
	}
	t := v.vec()
	if v.avx512 {
		k := K()
		e.cmp(Imm(cmpEQ), b, a, k)
		if isMax {
			e.and512(b, a, t)
		} else {
			e.or512(b, a, t)
		}
		e.movu(t, k, dst)
		k2 := K()
		e.cmp(Imm(cmpUnord), b, a, k2)
		e.movu(nanReg, k2, dst)
		return
	}
	m := v.vec()
	e.cmp(Imm(cmpEQ), b, a, m)
	if isMax {
		e.and(b, a, t)
	} else {
		e.or(b, a, t)
	}
	e.blendv(m, t, dst, dst)
	e.cmp(Imm(cmpUnord), b, a, m)
	e.blendv(m, nanReg, dst, dst)
}

// tail holds what the masked tail of a kernel needs: an AVX-512 mask
// register or an AVX2 mask vector for the first n lanes.
type tail struct {
	k Register
	m VecVirtual
}

// makeTail builds the mask of the first n (0 < n < lanes) lanes.
func makeTail(e elem, v isa, n Register) tail {
	if v.avx512 {
		ones, bits := GP64(), GP64()
		MOVQ(I64(-1), ones)
		BZHIQ(n, ones, bits)
		k := K()
		KMOVW(bits.As32(), k)
		return tail{k: k}
	}
	// Load 32 bytes of simd_tailmask from offset 32 - n*size: n*size
	// bytes of ones, then zeros.
	off, base := GP64(), GP64()
	MOVQ(U64(32), off)
	t := GP64()
	MOVQ(n, t)
	SHLQ(U8(shiftOf(e.size)), t)
	SUBQ(t, off)
	LEAQ(tailTable, base)
	m := YMM()
	VMOVDQU(Mem{Base: base, Index: off, Scale: 1}, m)
	return tail{m: m}
}

func shiftOf(size int) int {
	if size == 8 {
		return 3
	}
	return 2
}

// load loads a vector from p, or, with a tail, the lanes of the tail mask
// (the others are zero).
func (tl *tail) load(e elem, p Mem, dst VecVirtual) {
	switch {
	case tl == nil:
		e.movu(p, dst)
	case tl.k != nil:
		e.movuZ(p, tl.k, dst)
	default:
		e.maskmov(p, tl.m, dst)
	}
}

// store stores a vector to p, or only the lanes of the tail mask.
func (tl *tail) store(e elem, src VecVirtual, p Mem) {
	switch {
	case tl == nil:
		e.movu(src, p)
	case tl.k != nil:
		e.movu(src, tl.k, p)
	default:
		e.maskmov(src, tl.m, p)
	}
}

// streamLoop emits the loop skeleton of an element-wise kernel over n
// elements: unrolled full vectors, single vectors, then a masked tail. body
// gets the byte offset from the pointers and the tail (nil for full
// vectors); advance moves the pointers on by a number of bytes.
func streamLoop(e elem, v isa, prefix string, n Register, body func(off int, tl *tail), advance func(bytes int)) {
	lanes := v.bytes / e.size
	Label(prefix + "_loop4")
	CMPQ(n, U32(unroll*lanes))
	JL(LabelRef(prefix + "_loop1"))
	for u := 0; u < unroll; u++ {
		body(u*v.bytes, nil)
	}
	advance(unroll * v.bytes)
	SUBQ(U32(unroll*lanes), n)
	JMP(LabelRef(prefix + "_loop4"))

	Label(prefix + "_loop1")
	CMPQ(n, U32(lanes))
	JL(LabelRef(prefix + "_tail"))
	body(0, nil)
	advance(v.bytes)
	SUBQ(U32(lanes), n)
	JMP(LabelRef(prefix + "_loop1"))

	Label(prefix + "_tail")
	TESTQ(n, n)
	JZ(LabelRef(prefix + "_done"))
	tl := makeTail(e, v, n)
	body(0, &tl)

	Label(prefix + "_done")
	VZEROUPPER()
	RET()
}

// binary writes d[i] = op(x[i], y[i]) (or op(x[i], s) with a scalar).
func binary(e elem, v isa, op struct {
	name, doc string
	emit      func(e elem, v isa, a, b, dst VecVirtual, nanReg VecVirtual)
}, scalar bool) {
	name := op.name + e.name + v.name
	sig := fmt.Sprintf("func(d, x, y []%s)", e.goType)
	doc, args := op.doc, "x and y are"
	if scalar {
		args = "x is"
		name = op.name + "Scalar" + e.name + v.name
		sig = fmt.Sprintf("func(d, x []%s, s %s)", e.goType, e.goType)
		doc = replaceY(doc)
	}
	TEXT(name, NOSPLIT, sig)
	Pragma("noescape")
	Doc(fmt.Sprintf("%s sets d[i] = %s for i < len(d); %s at least as long.", name, doc, args))
	dp := Load(Param("d").Base(), GP64())
	xp := Load(Param("x").Base(), GP64())
	n := Load(Param("d").Len(), GP64())
	var yp Register
	var sv VecVirtual
	if scalar {
		sv = v.vec()
		sx := XMM()
		Load(Param("s"), sx)
		e.bcast(sx, sv)
	} else {
		yp = Load(Param("y").Base(), GP64())
	}
	var nanReg VecVirtual
	if op.name == "max" || op.name == "min" {
		nanReg = v.vec()
		e.movu(nan(e).Offset(0), nanReg)
	}
	streamLoop(e, v, name, n, func(off int, tl *tail) {
		a := v.vec()
		tl.load(e, Mem{Base: xp, Disp: off}, a)
		b := sv
		if !scalar {
			b = v.vec()
			tl.load(e, Mem{Base: yp, Disp: off}, b)
		}
		r := v.vec()
		op.emit(e, v, a, b, r, nanReg)
		tl.store(e, r, Mem{Base: dp, Disp: off})
	}, func(bytes int) {
		ADDQ(U32(bytes), dp)
		ADDQ(U32(bytes), xp)
		if !scalar {
			ADDQ(U32(bytes), yp)
		}
	})
}

func replaceY(s string) string {
	out := []byte{}
	for i := 0; i < len(s); i++ {
		if i+4 <= len(s) && s[i:i+4] == "y[i]" {
			out = append(out, 's')
			i += 3
			continue
		}
		out = append(out, s[i])
	}
	return string(out)
}

// fma writes d[i] = a[i]*b[i] + c[i], rounded once.
func fma(e elem, v isa) {
	name := "fma" + e.name + v.name
	TEXT(name, NOSPLIT, fmt.Sprintf("func(d, a, b, c []%s)", e.goType))
	Pragma("noescape")
	Doc(fmt.Sprintf("%s sets d[i] = a[i]*b[i] + c[i], rounded once, for i < len(d);", name),
		"a, b and c are at least as long.")
	dp := Load(Param("d").Base(), GP64())
	ap := Load(Param("a").Base(), GP64())
	bp := Load(Param("b").Base(), GP64())
	cp := Load(Param("c").Base(), GP64())
	n := Load(Param("d").Len(), GP64())
	streamLoop(e, v, name, n, func(off int, tl *tail) {
		x, y, z := v.vec(), v.vec(), v.vec()
		tl.load(e, Mem{Base: ap, Disp: off}, x)
		tl.load(e, Mem{Base: bp, Disp: off}, y)
		tl.load(e, Mem{Base: cp, Disp: off}, z)
		e.fma231(y, x, z) // z = x*y + z
		tl.store(e, z, Mem{Base: dp, Disp: off})
	}, func(bytes int) {
		for _, p := range []Register{dp, ap, bp, cp} {
			ADDQ(U32(bytes), p)
		}
	})
}

// extremum writes the maximum (or minimum) reduction of len(s) values, a
// multiple of the vector length and not zero: the largest (smallest) of the
// values that are not NaN, and whether some value is NaN. Which zero comes
// out when the result is zero is unspecified.
func extremum(e elem, v isa, isMax bool) {
	op, red := "max", e.max
	if !isMax {
		op, red = "min", e.min
	}
	lanes := v.bytes / e.size
	name := op + "Reduce" + e.name + v.name
	TEXT(name, NOSPLIT, fmt.Sprintf("func(s []%s) (m %s, nan bool)", e.goType, e.goType))
	Pragma("noescape")
	Doc(fmt.Sprintf("%s returns the %simum of the values of s that are not NaN, and", name, op),
		fmt.Sprintf("whether some value is NaN. len(s) is a non-zero multiple of %d. Of +0 and", lanes),
		"-0, either may come out.")
	sp := Load(Param("s").Base(), GP64())
	n := Load(Param("s").Len(), GP64())
	acc := make([]VecVirtual, unroll)
	first := v.vec()
	e.movu(Mem{Base: sp}, first)
	for u := range acc {
		acc[u] = v.vec()
		e.movu(first, acc[u])
	}
	var kn Register
	var vn VecVirtual
	if v.avx512 {
		kn = K()
		KXORW(kn, kn, kn)
	} else {
		vn = v.vec()
		VXORPS(vn, vn, vn)
	}
	body := func(u, off int) {
		x := v.vec()
		e.movu(Mem{Base: sp, Disp: off}, x)
		if v.avx512 {
			k := K()
			e.cmp(Imm(cmpUnord), x, x, k)
			KORW(k, kn, kn)
		} else {
			t := v.vec()
			e.cmp(Imm(cmpUnord), x, x, t)
			e.or(t, vn, vn)
		}
		red(x, acc[u], acc[u])
	}
	Label(name + "_loop4")
	CMPQ(n, U32(unroll*lanes))
	JL(LabelRef(name + "_loop1"))
	for u := 0; u < unroll; u++ {
		body(u, u*v.bytes)
	}
	ADDQ(U32(unroll*v.bytes), sp)
	SUBQ(U32(unroll*lanes), n)
	JMP(LabelRef(name + "_loop4"))
	Label(name + "_loop1")
	TESTQ(n, n)
	JZ(LabelRef(name + "_fold"))
	body(0, 0)
	ADDQ(U32(v.bytes), sp)
	SUBQ(U32(lanes), n)
	JMP(LabelRef(name + "_loop1"))

	Label(name + "_fold")
	red(acc[1], acc[0], acc[0])
	red(acc[3], acc[2], acc[2])
	red(acc[2], acc[0], acc[0])
	r := acc[0]
	// Fold the halves down to one lane.
	y := Register(r)
	if v.avx512 {
		y = r.AsY()
		hi := YMM()
		VEXTRACTF64X4(U8(1), r, hi)
		red(hi, y, y)
	}
	x := y.(VecVirtual).AsX()
	hx := XMM()
	VEXTRACTF128(U8(1), y, hx)
	red(hx, x, x)
	t := XMM()
	if e.size == 8 {
		VPERMILPD(U8(1), x, t)
		red(t, x, x)
	} else {
		VPERMILPS(U8(0x4e), x, t) // swap the 64-bit halves
		red(t, x, x)
		VPERMILPS(U8(0xb1), x, t) // swap adjacent lanes
		red(t, x, x)
	}
	Store(x, ReturnIndex(0))
	flag := GP8()
	if v.avx512 {
		KORTESTW(kn, kn)
	} else {
		VPTEST(vn, vn)
	}
	SETNE(flag)
	Store(flag, ReturnIndex(1))
	VZEROUPPER()
	RET()
}

// sumBlocks writes dst[k] = the eight-accumulator sum of the k-th block of
// blk values of src, in the order of blockSum in kernels/reduce.go: lane j
// of the accumulators adds the elements j, j+8, j+16, ... of the block, and
// the lanes combine as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)). The blocks
// are added one after the other, reading memory in order (two blocks side
// by side measured slower from memory: two streams 1 KiB apart).
func sumBlocks(e elem, v isa) {
	name := "sumBlocks" + e.name + v.name
	TEXT(name, NOSPLIT, fmt.Sprintf("func(dst, src []%s, blk int)", e.goType))
	Pragma("noescape")
	Doc(fmt.Sprintf("%s sets dst[k] to blockSum(src[k*blk:(k+1)*blk]) for k < len(dst):", name),
		"eight accumulators in NumPy's order, the same bits as the Go code.",
		"blk is a non-zero multiple of 8, and len(src) at least len(dst)*blk.")
	dp := Load(Param("dst").Base(), GP64())
	k := Load(Param("dst").Len(), GP64())
	sp := Load(Param("src").Base(), GP64())
	blk := Load(Param("blk"), GP64())
	negZero := constOf(e, "negzero", 1<<(8*e.size-1))
	bytes := GP64()
	MOVQ(blk, bytes)
	SHLQ(U8(shiftOf(e.size)), bytes)
	i := GP64()

	Label(name + "_block")
	TESTQ(k, k)
	JZ(LabelRef(name + "_done"))
	XORQ(i, i)
	a := newBlockAcc(e, v, negZero)
	loopAdd(name, i, blk, e.size, func(d int) { a.add(sp, i, d) })
	a.fold(Mem{Base: dp})
	ADDQ(U32(e.size), dp)
	ADDQ(bytes, sp)
	DECQ(k)
	JMP(LabelRef(name + "_block"))

	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// blockAcc holds the eight accumulators of one block: one ZMM (float64,
// AVX-512), two YMM (float64, AVX2) or one YMM (float32). They start at
// -0, which adds nothing to any value (and keeps the -0 of an all -0
// lane), so that every vector of the block is added alike and the loop can
// be unrolled.
type blockAcc struct {
	e    elem
	regs []VecVirtual
}

func newBlockAcc(e elem, v isa, negZero Mem) *blockAcc {
	var regs []VecVirtual
	switch {
	case e.size == 8 && v.avx512:
		regs = []VecVirtual{ZMM()}
	case e.size == 8:
		regs = []VecVirtual{YMM(), YMM()}
	default:
		regs = []VecVirtual{YMM()}
	}
	for _, r := range regs {
		e.movu(negZero, r)
	}
	return &blockAcc{e: e, regs: regs}
}

// add adds the eight values at base + i*size + d.
func (a *blockAcc) add(base, i Register, d int) {
	for j, r := range a.regs {
		a.e.add(Mem{Base: base, Index: i, Scale: uint8(a.e.size), Disp: d + 32*j}, r, r)
	}
}

// fold stores ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) at m.
func (a *blockAcc) fold(m Mem) {
	if a.e.size == 8 {
		var lo, hi Register
		if len(a.regs) == 2 {
			lo, hi = a.regs[0], a.regs[1]
		} else {
			lo, hi = a.regs[0].AsY(), YMM()
			VEXTRACTF64X4(U8(1), a.regs[0], hi)
		}
		t := YMM()
		VHADDPD(hi, lo, t) // r0+r1, r4+r5, r2+r3, r6+r7
		h := XMM()
		VEXTRACTF128(U8(1), t, h)
		VADDPD(h, t.AsX(), h) // (r0+r1)+(r2+r3), (r4+r5)+(r6+r7)
		VHADDPD(h, h, h)
		VMOVSD(h, m)
		return
	}
	// Within each 128-bit half: (r0+r1), (r2+r3), then their sum.
	t := YMM()
	VHADDPS(a.regs[0], a.regs[0], t)
	VHADDPS(t, t, t)
	h := XMM()
	VEXTRACTF128(U8(1), t, h)
	VADDSS(h, t.AsX(), h) // ((r0+r1)+(r2+r3)) + ((r4+r5)+(r6+r7))
	VMOVSS(h, m)
}

// loopAdd emits: for i := 0; i < blk; i += 8 { add(0) }, four steps at a
// time while they fit (add gets a byte offset from element i).
func loopAdd(name string, i, blk Register, size int, add func(disp int)) {
	end := GP64()
	Label(name + "_add4")
	LEAQ(Mem{Base: i, Disp: 32}, end)
	CMPQ(end, blk)
	JG(LabelRef(name + "_add1"))
	for u := 0; u < 4; u++ {
		add(8 * u * size)
	}
	MOVQ(end, i)
	JMP(LabelRef(name + "_add4"))
	Label(name + "_add1")
	CMPQ(i, blk)
	JGE(LabelRef(name + "_fold"))
	add(0)
	ADDQ(U32(8), i)
	JMP(LabelRef(name + "_add1"))
	Label(name + "_fold")
}
