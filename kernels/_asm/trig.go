// Command _asm generates the assembly kernels of package kernels with avo.
// It lives in its own module so that avo never enters the product's
// dependencies. Run it through go generate in package kernels.
package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"

	"workbench/kernels/_asm/internal/gen"
)

// The constants of kernels/trig.go; the test in package kernels checks that
// the assembly gives the same bits as the Go code.
const (
	trigLimit = 1.6470993291652855e6 // 2^20 * pi/2

	invPio2 = 6.36619772367581382433e-01
	pio2_1  = 1.57079632673412561417e+00
	pio2_1t = 6.07710050650619224932e-11
	pio2_2  = 6.07710050630396597660e-11
	pio2_2t = 2.02226624879595063154e-21
	pio2_3  = 2.02226624871116645580e-21
	pio2_3t = 8.47842766036889956997e-32

	sinS1 = -1.66666666666666324348e-01
	sinS2 = 8.33333333332248946124e-03
	sinS3 = -1.98412698298579493134e-04
	sinS4 = 2.75573137070700676789e-06
	sinS5 = -2.50507602534068634195e-08
	sinS6 = 1.58969099521155010221e-10

	cosC1 = 4.16666666666666019037e-02
	cosC2 = -1.38888888888741095749e-03
	cosC3 = 2.48015872894767294178e-05
	cosC4 = -2.75573143513906633035e-07
	cosC5 = 2.08757232129817482790e-09
	cosC6 = -1.13596475577881948265e-11
)

// consts are the vector constants of the trigonometric kernels.
type consts struct {
	invPio2, p1, p1t, p2, p2t, p3, p3t Mem
	s, c                               []Mem
	half, one, abs, sign, magic, limit Mem
	expMask, i16, i49, i1, i2          Mem
}

func makeConsts() *consts {
	pool := gen.Pool{Prefix: "trig_"}
	vec, vecBits := pool.F64, pool.Bits64
	return &consts{
		invPio2: vec("invpio2", invPio2),
		p1:      vec("pio2_1", pio2_1), p1t: vec("pio2_1t", pio2_1t),
		p2: vec("pio2_2", pio2_2), p2t: vec("pio2_2t", pio2_2t),
		p3: vec("pio2_3", pio2_3), p3t: vec("pio2_3t", pio2_3t),
		s:    []Mem{vec("s1", sinS1), vec("s2", sinS2), vec("s3", sinS3), vec("s4", sinS4), vec("s5", sinS5), vec("s6", sinS6)},
		c:    []Mem{vec("c1", cosC1), vec("c2", cosC2), vec("c3", cosC3), vec("c4", cosC4), vec("c5", cosC5), vec("c6", cosC6)},
		half: vec("half", 0.5), one: vec("one", 1),
		abs: vecBits("absmask", 1<<63-1), sign: vecBits("signmask", 1<<63),
		magic: vec("magic", 0x1.8p52), expMask: vecBits("expmask", 0x7ff), limit: vec("limit", trigLimit),
		i16: vecBits("i16", 16), i49: vecBits("i49", 49), i1: vecBits("i1", 1), i2: vecBits("i2", 2),
	}
}

// isa is an instruction set (gen.ISA has what the kernels share with the
// other generators) with the kernel's name and the operations only this
// generator needs.
type isa struct {
	gen.ISA
	name string
	// gt sets mask = x > c (64-bit signed integers), under mask in when it is not nil.
	gt func(c Mem, x Op, in, mask Register)
	// odd sets mask = (x & 1) != 0.
	odd func(one Mem, x Op, mask Register)
}

var avx2 = isa{
	ISA: gen.AVX2, name: "sinCosAVX2",
	gt: func(c Mem, x Op, in, mask Register) {
		VPCMPGTQ(c, x, mask)
		if in != nil {
			VPAND(in, mask, mask)
		}
	},
	odd: func(one Mem, x Op, mask Register) {
		VPAND(one, x, mask)
		VPCMPEQQ(one, mask, mask)
	},
}

var avx512 = isa{
	ISA: gen.AVX512, name: "sinCosAVX512",
	gt: func(c Mem, x Op, in, mask Register) {
		if in != nil {
			VPCMPGTQ(c, x, in, mask)
			return
		}
		VPCMPGTQ(c, x, mask)
	},
	odd: func(one Mem, x Op, mask Register) { VPTESTMQ(one, x, mask) },
}

// outOfRange accumulates into acc the lanes where !(ax < limit).
func outOfRange(v isa, limit Mem, ax Op, acc Register) {
	t := v.Mask()
	VCMPPD(Imm(5), limit, ax, t) // not less than, true for NaN
	v.OrMask(t, acc)
}

// jumpIfNone jumps to label when no lane of mask is set.
func jumpIfNone(v isa, mask Register, label string) {
	v.TestMask(mask)
	JZ(LabelRef(label))
}

func main() {
	ConstraintExpr("!purego")
	c := makeConsts()
	kernel(avx2, c)
	kernel(avx512, c)
	Generate()
}

// kernel writes one sine/cosine kernel; the steps mirror kernels/trig.go.
func kernel(v isa, c *consts) {
	lanes := v.Lanes(8)
	TEXT(v.name, NOSPLIT, "func(dst, src []float64, cos bool) (outOfRange bool)")
	Doc(fmt.Sprintf("%s sets dst[i] to Sin64(src[i]), or Cos64(src[i]) when cos is set,", v.name),
		fmt.Sprintf("for i < len(src), which is a multiple of %d. It reports whether some", lanes),
		"argument was NaN, infinite or of magnitude trigLimit or more: their",
		"results are garbage, and the caller computes them again.")
	dstP := Load(Param("dst").Base(), GP64())
	srcP := Load(Param("src").Base(), GP64())
	n := Load(Param("src").Len(), GP64())
	cosFlag := Load(Param("cos"), GP8())
	loop := v.name + "_loop"

	// qAdd is the quadrant offset: 1 for cosine, 0 for sine; signKeep keeps
	// x's sign bit for sine, nothing for cosine.
	qAdd, signKeep := v.Vec(), v.Vec()
	bad := v.Mask()
	v.ClearMask(bad)
	v.Xor(qAdd, qAdd, qAdd)
	VMOVUPD(c.sign, signKeep)
	TESTB(cosFlag, cosFlag)
	JZ(LabelRef(loop))
	VMOVUPD(c.i1, qAdd)
	v.Xor(signKeep, signKeep, signKeep)

	gen.FlaggedLoop(v.ISA, v.name, srcP, dstP, n, lanes, 8*lanes, bad, func() {
		step(v, c, srcP, dstP, qAdd, signKeep, bad)
	})
}

// step writes the results of one vector from srcP to dstP, accumulating
// into bad the lanes out of range. qAdd is the quadrant offset and
// signKeep the sign mask of sine or cosine.
func step(v isa, c *consts, srcP, dstP Register, qAdd, signKeep VecVirtual, bad Register) {
	reduced := v.name + "_reduced"
	x, ax := v.Vec(), v.Vec()
	VMOVUPD(Mem{Base: srcP}, x)
	v.And(c.abs, x, ax)
	outOfRange(v, c.limit, ax, bad)

	// fn = roundeven(ax * 2/pi); q = its integer bits (+1 for cosine).
	fn, q := v.Vec(), v.Vec()
	VMULPD(c.invPio2, ax, fn)
	v.RoundF64(0, fn, fn)
	VADDPD(c.magic, fn, q)
	VPADDQ(qAdd, q, q)

	// j = exponent of ax.
	j := v.Vec()
	VPSRLQ(Imm(52), ax, j)
	v.And(c.expMask, j, j)

	t, p := v.Vec(), v.Vec()
	// Round 1: r1 = ax - fn*p1 (exact); w = fn*p1t; y0 = r1 - w.
	r1, w, y0, r := v.Vec(), v.Vec(), v.Vec(), v.Vec()
	VMULPD(c.p1, fn, t)
	VSUBPD(t, ax, r1)
	VMULPD(c.p1t, fn, w)
	VSUBPD(w, r1, y0)
	VMOVUPD(r1, r)
	// m1 = j - exp(y0) > 16
	m1 := v.Mask()
	gap := v.Vec()
	exponentGap(v, y0, j, c.expMask, gap)
	v.gt(c.i16, gap, nil, m1)
	// Rounds 2 and 3 matter only near multiples of pi/2: skip them when no
	// lane needs them (the blends below would change nothing).
	jumpIfNone(v, m1, reduced)

	// Round 2 from r1.
	r2, w2, y02 := v.Vec(), v.Vec(), v.Vec()
	VMULPD(c.p2, fn, p)
	VSUBPD(p, r1, r2)
	VSUBPD(r2, r1, t) // r1 - r2
	VSUBPD(p, t, t)   // (r1 - r2) - p
	VMULPD(c.p2t, fn, w2)
	VSUBPD(t, w2, w2) // fn*p2t - ((r1 - r2) - p)
	VSUBPD(w2, r2, y02)
	v.BlendF64(m1, r2, r, r)
	v.BlendF64(m1, w2, w, w)
	v.BlendF64(m1, y02, y0, y0)
	// m2 = m1 && j - exp(y02) > 49
	m2 := v.Mask()
	exponentGap(v, y02, j, c.expMask, gap)
	v.gt(c.i49, gap, m1, m2)
	jumpIfNone(v, m2, reduced)

	// Round 3 from r2.
	r3, w3, y03 := v.Vec(), v.Vec(), v.Vec()
	VMULPD(c.p3, fn, p)
	VSUBPD(p, r2, r3)
	VSUBPD(r3, r2, t) // r2 - r3
	VSUBPD(p, t, t)   // (r2 - r3) - p
	VMULPD(c.p3t, fn, w3)
	VSUBPD(t, w3, w3)
	VSUBPD(w3, r3, y03)
	v.BlendF64(m2, r3, r, r)
	v.BlendF64(m2, w3, w, w)
	v.BlendF64(m2, y03, y0, y0)

	Label(reduced)
	// y1 = (r - y0) - w
	y1 := v.Vec()
	VSUBPD(y0, r, y1)
	VSUBPD(w, y1, y1)

	// z = y0*y0, zz = z*z
	z, zz := v.Vec(), v.Vec()
	VMULPD(y0, y0, z)
	VMULPD(z, z, zz)

	// Sine: rs = s2 + z*(s3 + z*s4) + (z*zz)*(s5 + z*s6)
	rs, a := v.Vec(), v.Vec()
	VMULPD(c.s[3], z, a)
	VADDPD(c.s[2], a, a)
	VMULPD(a, z, a)
	VADDPD(c.s[1], a, rs)
	VMULPD(c.s[5], z, a)
	VADDPD(c.s[4], a, a)
	VMULPD(zz, z, t)
	VMULPD(a, t, a)
	VADDPD(a, rs, rs)
	vv := v.Vec()
	VMULPD(y0, z, vv) // v = z*y0
	// s = y0 - ((z*(0.5*y1 - v*rs) - y1) - v*s1)
	s := v.Vec()
	VMULPD(c.half, y1, a)
	VMULPD(rs, vv, t)
	VSUBPD(t, a, a)
	VMULPD(a, z, a)
	VSUBPD(y1, a, a)
	VMULPD(c.s[0], vv, t)
	VSUBPD(t, a, a)
	VSUBPD(a, y0, s)

	// Cosine: rc = z*(c1 + z*(c2 + z*c3)) + (zz*zz)*(c4 + z*(c5 + z*c6))
	rc := v.Vec()
	VMULPD(c.c[2], z, a)
	VADDPD(c.c[1], a, a)
	VMULPD(a, z, a)
	VADDPD(c.c[0], a, a)
	VMULPD(a, z, rc)
	VMULPD(c.c[5], z, a)
	VADDPD(c.c[4], a, a)
	VMULPD(a, z, a)
	VADDPD(c.c[3], a, a)
	VMULPD(zz, zz, t)
	VMULPD(a, t, a)
	VADDPD(a, rc, rc)
	// co = wc + (((1 - wc) - hz) + (z*rc - y0*y1)), hz = 0.5*z, wc = 1 - hz
	hz, wc, co := v.Vec(), v.Vec(), v.Vec()
	VMULPD(c.half, z, hz)
	VMOVUPD(c.one, wc)
	VSUBPD(hz, wc, wc)
	VMOVUPD(c.one, a)
	VSUBPD(wc, a, a)
	VSUBPD(hz, a, a)
	VMULPD(rc, z, t)
	VMULPD(y1, y0, co)
	VSUBPD(co, t, t)
	VADDPD(t, a, a)
	VADDPD(a, wc, co)

	// Pick by quadrant: odd q takes the cosine; q&2 flips the sign; sine
	// also takes x's sign.
	odd := v.Mask()
	v.odd(c.i1, q, odd)
	res := v.Vec()
	v.BlendF64(odd, co, s, res)
	v.And(c.i2, q, t)
	VPSLLQ(Imm(62), t, t)
	v.Xor(t, res, res)
	v.And(signKeep, x, t)
	v.Xor(t, res, res)
	VMOVUPD(res, Mem{Base: dstP})
}

// exponentGap sets out to j - exponent(y), as 64-bit integers.
func exponentGap(v isa, y, j VecVirtual, expMask Mem, out VecVirtual) {
	VPSRLQ(Imm(52), y, out)
	v.And(expMask, out, out)
	VPSUBQ(out, j, out)
}
