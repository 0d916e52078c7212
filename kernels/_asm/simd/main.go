// Command simd generates the element-wise and reduction kernels of package
// kernels (kernels/simd_amd64.s) with avo: arithmetic, minimum and maximum
// of two arrays or of an array and a scalar, the block sums of the pairwise
// summation, maximum and minimum reductions and a fused multiply-add, for
// float64 and float32, in AVX2+FMA and AVX-512 variants. It shares the
// module of kernels/_asm. Run it through go generate in package kernels.
package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"

	"workbench/kernels/_asm/internal/gen"
)

// Comparison predicates of VCMPPD/VCMPPS.
const (
	cmpEQ    = 0 // equal, ordered
	cmpUnord = 3 // unordered (either is NaN)
)

var (
	consts = map[string]Mem{}
	masks  gen.Masks
)

// constOf returns a 64-byte constant holding copies of bits, each an
// element of e.
func constOf(e gen.Elem, name string, bits uint64) Mem {
	key := name + e.Name
	if m, ok := consts[key]; ok {
		return m
	}
	m := gen.Splat("simd_"+key, e.Size, bits)
	consts[key] = m
	return m
}

// nan returns a 64-byte constant of the NaN that the Go code writes.
func nan(e gen.Elem) Mem { return constOf(e, "nan", e.NaNBits) }

func main() {
	ConstraintExpr("!purego")
	masks = gen.NewMasks("simd_tailmask")
	for _, e := range []gen.Elem{gen.Float64, gen.Float32} {
		for _, v := range []gen.ISA{gen.AVX2, gen.AVX512} {
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
	sumBlocks(gen.Float64, gen.AVX2)
	sumBlocks(gen.Float64, gen.AVX512)
	sumBlocks(gen.Float32, gen.AVX2)
	Generate()
}

// ops are the element-wise binary operations.
var ops = []struct {
	name, doc string
	emit      func(e gen.Elem, v gen.ISA, a, b, dst VecVirtual, nanReg VecVirtual)
}{
	{"add", "x[i] + y[i]", func(e gen.Elem, _ gen.ISA, a, b, dst, _ VecVirtual) { e.Add(b, a, dst) }},
	{"sub", "x[i] - y[i]", func(e gen.Elem, _ gen.ISA, a, b, dst, _ VecVirtual) { e.Sub(b, a, dst) }},
	{"mul", "x[i] * y[i]", func(e gen.Elem, _ gen.ISA, a, b, dst, _ VecVirtual) { e.Mul(b, a, dst) }},
	{"div", "x[i] / y[i]", func(e gen.Elem, _ gen.ISA, a, b, dst, _ VecVirtual) { e.Div(b, a, dst) }},
	{"max", "floatMaximum(x[i], y[i])", func(e gen.Elem, v gen.ISA, a, b, dst, n VecVirtual) { minMax(e, v, a, b, dst, n, true) }},
	{"min", "floatMinimum(x[i], y[i])", func(e gen.Elem, v gen.ISA, a, b, dst, n VecVirtual) { minMax(e, v, a, b, dst, n, false) }},
}

// minMax sets dst to the maximum (or minimum) of a and b with the Go code's
// special cases: NaN if either is NaN (the NaN of math.NaN()), and of two
// equal values the bitwise AND (maximum) or OR (minimum), so that +0 beats
// -0 in the maximum and -0 beats +0 in the minimum.
func minMax(e gen.Elem, v gen.ISA, a, b, dst, nanReg VecVirtual, isMax bool) {
	if isMax {
		e.Max(b, a, dst)
	} else {
		e.Min(b, a, dst)
	}
	t := v.Vec()
	if v.AVX512 {
		k := K()
		e.Cmp(Imm(cmpEQ), b, a, k)
		if isMax {
			e.AndAVX512(b, a, t)
		} else {
			e.OrAVX512(b, a, t)
		}
		e.Movu(t, k, dst)
		k2 := K()
		e.Cmp(Imm(cmpUnord), b, a, k2)
		e.Movu(nanReg, k2, dst)
		return
	}
	m := v.Vec()
	e.Cmp(Imm(cmpEQ), b, a, m)
	if isMax {
		e.And(b, a, t)
	} else {
		e.Or(b, a, t)
	}
	e.Blendv(m, t, dst, dst)
	e.Cmp(Imm(cmpUnord), b, a, m)
	e.Blendv(m, nanReg, dst, dst)
}

// binary writes d[i] = op(x[i], y[i]) (or op(x[i], s) with a scalar).
func binary(e gen.Elem, v gen.ISA, op struct {
	name, doc string
	emit      func(e gen.Elem, v gen.ISA, a, b, dst VecVirtual, nanReg VecVirtual)
}, scalar bool) {
	name := op.name + e.Name + v.Name
	sig := fmt.Sprintf("func(d, x, y []%s)", e.GoType)
	doc, args := op.doc, "x and y are"
	if scalar {
		args = "x is"
		name = op.name + "Scalar" + e.Name + v.Name
		sig = fmt.Sprintf("func(d, x []%s, s %s)", e.GoType, e.GoType)
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
		sv = gen.LoadBroadcast(e, v, "s")
	} else {
		yp = Load(Param("y").Base(), GP64())
	}
	var nanReg VecVirtual
	if op.name == "max" || op.name == "min" {
		nanReg = v.Vec()
		e.Movu(nan(e).Offset(0), nanReg)
	}
	masks.StreamLoop(e, v, name, n, func(off int, tl *gen.Tail) {
		a := v.Vec()
		tl.Load(e, Mem{Base: xp, Disp: off}, a)
		b := sv
		if !scalar {
			b = v.Vec()
			tl.Load(e, Mem{Base: yp, Disp: off}, b)
		}
		r := v.Vec()
		op.emit(e, v, a, b, r, nanReg)
		tl.Store(e, r, Mem{Base: dp, Disp: off})
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
func fma(e gen.Elem, v gen.ISA) {
	name := "fma" + e.Name + v.Name
	TEXT(name, NOSPLIT, fmt.Sprintf("func(d, a, b, c []%s)", e.GoType))
	Pragma("noescape")
	Doc(fmt.Sprintf("%s sets d[i] = a[i]*b[i] + c[i], rounded once, for i < len(d);", name),
		"a, b and c are at least as long.")
	dp := Load(Param("d").Base(), GP64())
	ap := Load(Param("a").Base(), GP64())
	bp := Load(Param("b").Base(), GP64())
	cp := Load(Param("c").Base(), GP64())
	n := Load(Param("d").Len(), GP64())
	masks.StreamLoop(e, v, name, n, func(off int, tl *gen.Tail) {
		x, y, z := v.Vec(), v.Vec(), v.Vec()
		tl.Load(e, Mem{Base: ap, Disp: off}, x)
		tl.Load(e, Mem{Base: bp, Disp: off}, y)
		tl.Load(e, Mem{Base: cp, Disp: off}, z)
		e.FMA231(y, x, z) // z = x*y + z
		tl.Store(e, z, Mem{Base: dp, Disp: off})
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
func extremum(e gen.Elem, v gen.ISA, isMax bool) {
	op, red := "max", e.Max
	if !isMax {
		op, red = "min", e.Min
	}
	lanes := v.Bytes / e.Size
	name := op + "Reduce" + e.Name + v.Name
	TEXT(name, NOSPLIT, fmt.Sprintf("func(s []%s) (m %s, nan bool)", e.GoType, e.GoType))
	Pragma("noescape")
	Doc(fmt.Sprintf("%s returns the %simum of the values of s that are not NaN, and", name, op),
		fmt.Sprintf("whether some value is NaN. len(s) is a non-zero multiple of %d. Of +0 and", lanes),
		"-0, either may come out.")
	sp := Load(Param("s").Base(), GP64())
	n := Load(Param("s").Len(), GP64())
	acc := make([]VecVirtual, gen.Unroll)
	first := v.Vec()
	e.Movu(Mem{Base: sp}, first)
	for u := range acc {
		acc[u] = v.Vec()
		e.Movu(first, acc[u])
	}
	nans := v.Mask()
	if v.AVX512 {
		KXORW(nans, nans, nans)
	} else {
		VXORPS(nans, nans, nans)
	}
	body := func(u, off int) {
		x := v.Vec()
		e.Movu(Mem{Base: sp, Disp: off}, x)
		if v.AVX512 {
			k := K()
			e.Cmp(Imm(cmpUnord), x, x, k)
			KORW(k, nans, nans)
		} else {
			t := v.Vec()
			e.Cmp(Imm(cmpUnord), x, x, t)
			e.Or(t, nans, nans)
		}
		red(x, acc[u], acc[u])
	}
	Label(name + "_loop4")
	CMPQ(n, U32(gen.Unroll*lanes))
	JL(LabelRef(name + "_loop1"))
	for u := 0; u < gen.Unroll; u++ {
		body(u, u*v.Bytes)
	}
	ADDQ(U32(gen.Unroll*v.Bytes), sp)
	SUBQ(U32(gen.Unroll*lanes), n)
	JMP(LabelRef(name + "_loop4"))
	Label(name + "_loop1")
	TESTQ(n, n)
	JZ(LabelRef(name + "_fold"))
	body(0, 0)
	ADDQ(U32(v.Bytes), sp)
	SUBQ(U32(lanes), n)
	JMP(LabelRef(name + "_loop1"))

	Label(name + "_fold")
	red(acc[1], acc[0], acc[0])
	red(acc[3], acc[2], acc[2])
	red(acc[2], acc[0], acc[0])
	r := acc[0]
	// Fold the halves down to one lane.
	y := Register(r)
	if v.AVX512 {
		lo, hi := gen.Halves(r)
		red(hi, lo, lo)
		y = lo
	}
	x := y.(VecVirtual).AsX()
	hx := XMM()
	VEXTRACTF128(U8(1), y, hx)
	red(hx, x, x)
	t := XMM()
	if e.Size == 8 {
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
	v.SetIfAny(nans, flag)
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
func sumBlocks(e gen.Elem, v gen.ISA) {
	name := "sumBlocks" + e.Name + v.Name
	TEXT(name, NOSPLIT, fmt.Sprintf("func(dst, src []%s, blk int)", e.GoType))
	Pragma("noescape")
	Doc(fmt.Sprintf("%s sets dst[k] to blockSum(src[k*blk:(k+1)*blk]) for k < len(dst):", name),
		"eight accumulators in NumPy's order, the same bits as the Go code.",
		"blk is a non-zero multiple of 8, and len(src) at least len(dst)*blk.")
	dp := Load(Param("dst").Base(), GP64())
	k := Load(Param("dst").Len(), GP64())
	sp := Load(Param("src").Base(), GP64())
	blk := Load(Param("blk"), GP64())
	negZero := constOf(e, "negzero", 1<<(8*e.Size-1))
	bytes := GP64()
	MOVQ(blk, bytes)
	SHLQ(U8(e.Shift()), bytes)
	i := GP64()

	gen.EachBlock(name, k, i, func() {
		a := newBlockAcc(e, v, negZero)
		gen.BlockLoop(name, i, blk, func(u int) { a.add(sp, i, 8*u*e.Size) }, nil)
		a.fold(Mem{Base: dp})
		ADDQ(U32(e.Size), dp)
		ADDQ(bytes, sp)
	})
}

// blockAcc holds the eight accumulators of one block: one ZMM (float64,
// AVX-512), two YMM (float64, AVX2) or one YMM (float32). They start at
// -0, which adds nothing to any value (and keeps the -0 of an all -0
// lane), so that every vector of the block is added alike and the loop can
// be unrolled.
type blockAcc struct {
	e    gen.Elem
	regs []VecVirtual
}

func newBlockAcc(e gen.Elem, v gen.ISA, negZero Mem) *blockAcc {
	var regs []VecVirtual
	switch {
	case e.Size == 8 && v.AVX512:
		regs = []VecVirtual{ZMM()}
	case e.Size == 8:
		regs = []VecVirtual{YMM(), YMM()}
	default:
		regs = []VecVirtual{YMM()}
	}
	for _, r := range regs {
		e.Movu(negZero, r)
	}
	return &blockAcc{e: e, regs: regs}
}

// add adds the eight values at base + i*size + d.
func (a *blockAcc) add(base, i Register, d int) {
	for j, r := range a.regs {
		a.e.Add(Mem{Base: base, Index: i, Scale: uint8(a.e.Size), Disp: d + 32*j}, r, r)
	}
}

// fold stores ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) at m.
func (a *blockAcc) fold(m Mem) {
	if a.e.Size == 8 {
		if len(a.regs) == 2 {
			gen.FoldSum8F64(a.regs[0], a.regs[1], m)
		} else {
			lo, hi := gen.Halves(a.regs[0])
			gen.FoldSum8F64(lo, hi, m)
		}
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
