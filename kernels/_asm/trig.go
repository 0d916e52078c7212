// Command _asm generates the assembly kernels of package kernels with avo.
// It lives in its own module so that avo never enters the product's
// dependencies. Run it through go generate in package kernels.
package main

import (
	"math"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// The constants of kernels/trig.go; the test in package kernels checks that
// the assembly gives the same bits as the Go code.
const (
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

// vec returns a 32-byte constant holding four copies of a float64.
func vec(name string, x float64) Mem { return vecBits(name, math.Float64bits(x)) }

// vecBits returns a 32-byte constant holding four copies of a 64-bit pattern.
func vecBits(name string, bits uint64) Mem {
	m := GLOBL("trig_"+name, RODATA|NOPTR)
	for i := 0; i < 4; i++ {
		DATA(8*i, U64(bits))
	}
	return m
}

func main() {
	ConstraintExpr("!purego")

	cInvPio2 := vec("invpio2", invPio2)
	cP1, cP1t := vec("pio2_1", pio2_1), vec("pio2_1t", pio2_1t)
	cP2, cP2t := vec("pio2_2", pio2_2), vec("pio2_2t", pio2_2t)
	cP3, cP3t := vec("pio2_3", pio2_3), vec("pio2_3t", pio2_3t)
	cS := []Mem{vec("s1", sinS1), vec("s2", sinS2), vec("s3", sinS3), vec("s4", sinS4), vec("s5", sinS5), vec("s6", sinS6)}
	cC := []Mem{vec("c1", cosC1), vec("c2", cosC2), vec("c3", cosC3), vec("c4", cosC4), vec("c5", cosC5), vec("c6", cosC6)}
	cHalf, cOne := vec("half", 0.5), vec("one", 1)
	cAbs := vecBits("absmask", 1<<63-1)
	cSign := vecBits("signmask", 1<<63)
	cMagic := vec("magic", 0x1.8p52)
	cExpMask := vecBits("expmask", 0x7ff)
	c16, c49 := vecBits("i16", 16), vecBits("i49", 49)
	cInt1, cInt2 := vecBits("i1", 1), vecBits("i2", 2)

	TEXT("sinCosAVX2", NOSPLIT, "func(dst, src []float64, cos bool)")
	Doc("sinCosAVX2 sets dst[i] to Sin64(src[i]), or Cos64(src[i]) when cos is set,",
		"for i < len(src), which is a multiple of 4, for arguments of magnitude below",
		"trigLimit (others give garbage: the caller handles them).")
	dstP := Load(Param("dst").Base(), GP64())
	srcP := Load(Param("src").Base(), GP64())
	n := Load(Param("src").Len(), GP64())
	cosFlag := Load(Param("cos"), GP8())

	// qAdd is the quadrant offset: 1 for cosine, 0 for sine; signX keeps x's
	// sign bit for sine, nothing for cosine.
	qAdd := YMM()
	signKeep := YMM()
	VPXOR(qAdd, qAdd, qAdd)
	VMOVUPD(cSign, signKeep)
	TESTB(cosFlag, cosFlag)
	JZ(LabelRef("loop"))
	VMOVUPD(cInt1, qAdd)
	VPXOR(signKeep, signKeep, signKeep)

	Label("loop")
	CMPQ(n, Imm(4))
	JL(LabelRef("done"))

	x := YMM()
	VMOVUPD(Mem{Base: srcP}, x)
	ax := YMM()
	VANDPD(cAbs, x, ax)

	// fn = roundeven(ax * 2/pi); q = its integer bits (+1 for cosine).
	fn := YMM()
	VMULPD(cInvPio2, ax, fn)
	VROUNDPD(Imm(0), fn, fn)
	q := YMM()
	VADDPD(cMagic, fn, q)
	VPADDQ(qAdd, q, q)

	// j = exponent of ax.
	j := YMM()
	VPSRLQ(Imm(52), ax, j)
	VPAND(cExpMask, j, j)

	t := YMM()
	// Round 1: r1 = ax - fn*p1 (exact); w1 = fn*p1t; y0 = r1 - w1.
	r1 := YMM()
	VMULPD(cP1, fn, t)
	VSUBPD(t, ax, r1)
	w := YMM()
	VMULPD(cP1t, fn, w)
	y0 := YMM()
	VSUBPD(w, r1, y0)
	r := YMM()
	VMOVAPD(r1, r)
	// m1 = j - exp(y0) > 16
	m1 := YMM()
	exponentGap(y0, j, cExpMask, m1)
	VPCMPGTQ(c16, m1, m1)

	// Round 2 from r1.
	p := YMM()
	VMULPD(cP2, fn, p)
	r2 := YMM()
	VSUBPD(p, r1, r2)
	w2 := YMM()
	VSUBPD(r2, r1, t) // r1 - r2
	VSUBPD(p, t, t)   // (r1 - r2) - p
	VMULPD(cP2t, fn, w2)
	VSUBPD(t, w2, w2) // fn*p2t - ((r1 - r2) - p)
	y02 := YMM()
	VSUBPD(w2, r2, y02)
	VBLENDVPD(m1, r2, r, r)
	VBLENDVPD(m1, w2, w, w)
	VBLENDVPD(m1, y02, y0, y0)
	// m2 = m1 && j - exp(y02) > 49
	m2 := YMM()
	exponentGap(y02, j, cExpMask, m2)
	VPCMPGTQ(c49, m2, m2)
	VPAND(m1, m2, m2)

	// Round 3 from r2.
	VMULPD(cP3, fn, p)
	r3 := YMM()
	VSUBPD(p, r2, r3)
	VSUBPD(r3, r2, t) // r2 - r3
	VSUBPD(p, t, t)   // (r2 - r3) - p
	w3 := YMM()
	VMULPD(cP3t, fn, w3)
	VSUBPD(t, w3, w3)
	y03 := YMM()
	VSUBPD(w3, r3, y03)
	VBLENDVPD(m2, r3, r, r)
	VBLENDVPD(m2, w3, w, w)
	VBLENDVPD(m2, y03, y0, y0)

	// y1 = (r - y0) - w
	y1 := YMM()
	VSUBPD(y0, r, y1)
	VSUBPD(w, y1, y1)

	// z = y0*y0, ww = z*z
	z, zz := YMM(), YMM()
	VMULPD(y0, y0, z)
	VMULPD(z, z, zz)

	// Sine: rs = s2 + z*(s3 + z*s4) + (z*ww)*(s5 + z*s6)
	rs, a := YMM(), YMM()
	VMULPD(cS[3], z, a)  // z*s4
	VADDPD(cS[2], a, a)  // s3 + z*s4
	VMULPD(a, z, a)      // z*(s3 + z*s4)
	VADDPD(cS[1], a, rs) // s2 + ...
	VMULPD(cS[5], z, a)  // z*s6
	VADDPD(cS[4], a, a)  // s5 + z*s6
	VMULPD(zz, z, t)     // z*ww
	VMULPD(a, t, a)      // (z*ww)*(s5 + z*s6)
	VADDPD(a, rs, rs)    // rs
	v := YMM()
	VMULPD(y0, z, v) // v = z*y0
	// s = y0 - ((z*(0.5*y1 - v*rs) - y1) - v*s1)
	s := YMM()
	VMULPD(cHalf, y1, a) // 0.5*y1
	VMULPD(rs, v, t)     // v*rs
	VSUBPD(t, a, a)      // 0.5*y1 - v*rs
	VMULPD(a, z, a)      // z*(...)
	VSUBPD(y1, a, a)     // ... - y1
	VMULPD(cS[0], v, t)  // v*s1
	VSUBPD(t, a, a)      // (...) - v*s1
	VSUBPD(a, y0, s)     // y0 - (...)

	// Cosine: rc = z*(c1 + z*(c2 + z*c3)) + (ww*ww)*(c4 + z*(c5 + z*c6))
	rc := YMM()
	VMULPD(cC[2], z, a) // z*c3
	VADDPD(cC[1], a, a) // c2 + z*c3
	VMULPD(a, z, a)     // z*(c2 + z*c3)
	VADDPD(cC[0], a, a) // c1 + ...
	VMULPD(a, z, rc)    // z*(c1 + ...)
	VMULPD(cC[5], z, a) // z*c6
	VADDPD(cC[4], a, a) // c5 + z*c6
	VMULPD(a, z, a)     // z*(c5 + z*c6)
	VADDPD(cC[3], a, a) // c4 + ...
	VMULPD(zz, zz, t)   // ww*ww
	VMULPD(a, t, a)     // (ww*ww)*(...)
	VADDPD(a, rc, rc)   // rc
	// c = wc + (((1 - wc) - hz) + (z*rc - y0*y1)), hz = 0.5*z, wc = 1 - hz
	hz, wc, c := YMM(), YMM(), YMM()
	VMULPD(cHalf, z, hz)
	VMOVUPD(cOne, wc)
	VSUBPD(hz, wc, wc) // wc = 1 - hz
	VMOVUPD(cOne, a)
	VSUBPD(wc, a, a)  // 1 - wc
	VSUBPD(hz, a, a)  // (1 - wc) - hz
	VMULPD(rc, z, t)  // z*rc
	VMULPD(y1, y0, c) // y0*y1
	VSUBPD(c, t, t)   // z*rc - y0*y1
	VADDPD(t, a, a)   // (...) + (...)
	VADDPD(a, wc, c)  // c

	// Pick by quadrant: odd q takes the cosine; q&2 flips the sign; sine
	// also takes x's sign.
	odd := YMM()
	VPAND(cInt1, q, odd)
	VPCMPEQQ(cInt1, odd, odd)
	res := YMM()
	VBLENDVPD(odd, c, s, res)
	VPAND(cInt2, q, t)
	VPSLLQ(Imm(62), t, t)
	VXORPD(t, res, res)
	VANDPD(signKeep, x, t)
	VXORPD(t, res, res)
	VMOVUPD(res, Mem{Base: dstP})

	ADDQ(Imm(32), srcP)
	ADDQ(Imm(32), dstP)
	SUBQ(Imm(4), n)
	JMP(LabelRef("loop"))

	Label("done")
	VZEROUPPER()
	RET()

	Generate()
}

// exponentGap sets out to j - exponent(y), as 64-bit integers.
func exponentGap(y, j VecVirtual, expMask Mem, out VecVirtual) {
	VPSRLQ(Imm(52), y, out)
	VPAND(expMask, out, out)
	VPSUBQ(out, j, out)
}
