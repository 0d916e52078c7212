// Command explog generates the vector exponential and logarithm kernels of
// package kernels (kernels/explog_amd64.s) with avo, in AVX2 and AVX-512
// variants. They mirror Exp64 and Log64 of kernels/libm.go operation for
// operation (no fused multiply-adds), so that they give the very bits of the
// portable code. It shares the module of kernels/_asm. Run it through go
// generate in package kernels.
package main

import (
	"fmt"
	"math"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"

	"workbench/kernels/_asm/internal/gen"
)

// The constants of kernels/libm.go and kernels/explog.go; the test in
// package kernels checks that the assembly gives the same bits as the Go
// code.
const (
	ln2Hi  = 6.93147180369123816490e-01
	ln2Lo  = 1.90821492927058770002e-10
	invLn2 = 1.44269504088896338700e+00
	expP1  = 1.66666666666666019037e-01
	expP2  = -2.77777777770155933842e-03
	expP3  = 6.61375632143793436117e-05
	expP4  = -1.65339022054652515390e-06
	expP5  = 4.13813679705723846039e-08
	logL1  = 6.666666666666735130e-01
	logL2  = 3.999999999940941908e-01
	logL3  = 2.857142874366239149e-01
	logL4  = 2.222219843214978396e-01
	logL5  = 1.818357216161805012e-01
	logL6  = 1.531383769920937332e-01
	logL7  = 1.479819860511658591e-01

	expFastMax = 708.0           // |x| above this (or NaN) goes to Exp64
	expTiny    = 1.0 / (1 << 28) // |x| below this gives 1 + x
	logSqrt2h  = math.Sqrt2 / 2
)

type consts struct {
	abs, sign, half, one, two, magic       Mem
	invLn2, ln2Hi, ln2Lo, fastMax, tiny    Mem
	p                                      []Mem // expP1..expP5
	l                                      []Mem // logL1..logL7
	minNormal, maxFloat, fracMask, expHalf Mem
	sqrt2h, expMagic, expMagicBias         Mem
}

func makeConsts() *consts {
	pool := gen.Pool{Prefix: "explog_"}
	vec, vecBits := pool.F64, pool.Bits64
	return &consts{
		abs: vecBits("absmask", 1<<63-1), sign: vecBits("signmask", 1<<63),
		half: vec("half", 0.5), one: vec("one", 1), two: vec("two", 2), magic: vec("magic", 0x1.8p52),
		invLn2: vec("invln2", invLn2), ln2Hi: vec("ln2hi", ln2Hi), ln2Lo: vec("ln2lo", ln2Lo),
		fastMax: vec("expfastmax", expFastMax), tiny: vec("exptiny", expTiny),
		p: []Mem{vec("p1", expP1), vec("p2", expP2), vec("p3", expP3), vec("p4", expP4), vec("p5", expP5)},
		l: []Mem{vec("l1", logL1), vec("l2", logL2), vec("l3", logL3), vec("l4", logL4),
			vec("l5", logL5), vec("l6", logL6), vec("l7", logL7)},
		minNormal: vecBits("minnormal", 0x0010000000000000), maxFloat: vec("maxfloat", math.MaxFloat64),
		fracMask: vecBits("fracmask", 1<<52-1), expHalf: vecBits("exphalf", 0x3fe0000000000000),
		sqrt2h: vec("sqrt2h", logSqrt2h),
		// 0x4330000000000000 | e is 2^52 + e; minus 2^52 + 1022 is e - 1022.
		expMagic: vecBits("expmagic", 0x4330000000000000), expMagicBias: vec("expmagicbias", 0x1p52+1022),
	}
}

// VCMPPD predicates.
const (
	cmpLT  = 1
	cmpNGE = 9
	cmpNLE = 6
)

func main() {
	ConstraintExpr("!purego")
	c := makeConsts()
	for _, size := range []int{8, 4} {
		for _, v := range []gen.ISA{gen.AVX2, gen.AVX512} {
			kernel(v, c, size, "exp", "Exp64", "was NaN or of magnitude above 708", expBody)
			kernel(v, c, size, "log", "Log64", "was not a positive normal finite number", logBody)
		}
	}
	Generate()
}

// kernel writes the loop of one kernel around body, which computes one
// vector of results from x and accumulates the lanes that need the scalar
// code into bad.
//
// With size 4 the kernel is for float32: each vector of float32 is widened
// to float64, computed as float64 and rounded back to float32, as the
// portable float32(Exp64(float64(x))) does.
func kernel(v gen.ISA, c *consts, size int, name, goName, badText string, body func(v gen.ISA, c *consts, x VecVirtual, bad Register) VecVirtual) {
	lanes := v.Lanes(8)
	fn := name + v.Name
	goType, sig := "float64", fmt.Sprintf("%s(src[i])", goName)
	if size == 4 {
		fn = name + "32" + v.Name
		goType, sig = "float32", fmt.Sprintf("float32(%s(float64(src[i])))", goName)
	}
	TEXT(fn, NOSPLIT, fmt.Sprintf("func(dst, src []%s) (bad bool)", goType))
	Doc(fmt.Sprintf("%s sets dst[i] to %s for i < len(src),", fn, sig),
		fmt.Sprintf("which is a multiple of %d. It reports whether some argument %s:", lanes, badText),
		"their results are garbage, and the caller computes them again.")
	dstP := Load(Param("dst").Base(), GP64())
	srcP := Load(Param("src").Base(), GP64())
	n := Load(Param("src").Len(), GP64())
	bytes := size * lanes

	bad := v.Mask()
	v.ClearMask(bad)

	gen.FlaggedLoop(v, fn, srcP, dstP, n, lanes, bytes, bad, func() {
		x := v.Vec()
		if size == 4 {
			VCVTPS2PD(Mem{Base: srcP}, x)
		} else {
			VMOVUPD(Mem{Base: srcP}, x)
		}
		res := body(v, c, x, bad)
		switch {
		case size == 8:
			VMOVUPD(res, Mem{Base: dstP})
		case lanes == 4:
			r := XMM()
			VCVTPD2PSY(res, r)
			VMOVUPS(r, Mem{Base: dstP})
		default:
			r := YMM()
			VCVTPD2PS(res, r)
			VMOVUPS(r, Mem{Base: dstP})
		}
	})
}

// expBody mirrors Exp64 for 2^-28 <= |x| <= 708 (and 1 + x below).
func expBody(v gen.ISA, c *consts, x VecVirtual, bad Register) VecVirtual {
	ax := v.Vec()
	v.And(c.abs, x, ax)
	m := v.Mask()
	VCMPPD(Imm(cmpNLE), c.fastMax, ax, m) // !(ax <= 708), true for NaN
	v.OrMask(m, bad)
	tiny := v.Mask()
	VCMPPD(Imm(cmpLT), c.tiny, ax, tiny)

	// k = trunc(invLn2*x ± 0.5), the sign of x's.
	t, h := v.Vec(), v.Vec()
	VMULPD(c.invLn2, x, t)
	v.And(c.sign, x, h)
	v.Or(c.half, h, h)
	VADDPD(h, t, t)
	v.RoundF64(3, t, t) // toward zero
	// kb holds k's integer bits; kf = float64(k) (+0 for k = 0).
	kb, kf := v.Vec(), v.Vec()
	VADDPD(c.magic, t, kb)
	VSUBPD(c.magic, kb, kf)

	// hi = x - kf*ln2Hi; lo = kf*ln2Lo; r = hi - lo; tt = r*r
	hi, lo, r, tt := v.Vec(), v.Vec(), v.Vec(), v.Vec()
	VMULPD(c.ln2Hi, kf, t)
	VSUBPD(t, x, hi)
	VMULPD(c.ln2Lo, kf, lo)
	VSUBPD(lo, hi, r)
	VMULPD(r, r, tt)
	// cc = r - tt*(P1 + tt*(P2 + tt*(P3 + tt*(P4 + tt*P5))))
	a := v.Vec()
	VMULPD(c.p[4], tt, a)
	for i := 3; i >= 0; i-- {
		VADDPD(c.p[i], a, a)
		VMULPD(tt, a, a)
	}
	cc := v.Vec()
	VSUBPD(a, r, cc)
	// y = 1 - ((lo - (r*cc)/(2 - cc)) - hi)
	d := v.Vec()
	VMULPD(cc, r, a)
	VMOVUPD(c.two, d)
	VSUBPD(cc, d, d)
	VDIVPD(d, a, a)
	VSUBPD(a, lo, a)
	VSUBPD(hi, a, a)
	y := v.Vec()
	VMOVUPD(c.one, y)
	VSUBPD(a, y, y)
	// y * 2**k, exact for normal results.
	VPSLLQ(Imm(52), kb, kb)
	VPADDQ(kb, y, y)
	// Tiny arguments: 1 + x.
	VADDPD(c.one, x, t)
	v.BlendF64(tiny, t, y, y)
	return y
}

// logBody mirrors Log64 for positive normal finite x.
func logBody(v gen.ISA, c *consts, x VecVirtual, bad Register) VecVirtual {
	m := v.Mask()
	VCMPPD(Imm(cmpNGE), c.minNormal, x, m) // !(x >= MinNormal), true for NaN
	v.OrMask(m, bad)
	m2 := v.Mask()
	VCMPPD(Imm(cmpNLE), c.maxFloat, x, m2) // +Inf
	v.OrMask(m2, bad)

	// Frexp: fr in [0.5, 1), kf = e as float64.
	fr, kf, t := v.Vec(), v.Vec(), v.Vec()
	v.And(c.fracMask, x, fr)
	v.Or(c.expHalf, fr, fr)
	VPSRLQ(Imm(52), x, kf)
	v.Or(c.expMagic, kf, kf)
	VSUBPD(c.expMagicBias, kf, kf)
	// fr < sqrt2/2: fr *= 2, e--.
	lt := v.Mask()
	VCMPPD(Imm(cmpLT), c.sqrt2h, fr, lt)
	VADDPD(fr, fr, t)
	v.BlendF64(lt, t, fr, fr)
	VSUBPD(c.one, kf, t)
	v.BlendF64(lt, t, kf, kf)

	// f = fr - 1; s = f/(2 + f); s2 = s*s; s4 = s2*s2
	f, s, s2, s4 := v.Vec(), v.Vec(), v.Vec(), v.Vec()
	VSUBPD(c.one, fr, f)
	VADDPD(c.two, f, t)
	VDIVPD(t, f, s)
	VMULPD(s, s, s2)
	VMULPD(s2, s2, s4)
	// t1 = s2*(L1 + s4*(L3 + s4*(L5 + s4*L7)))
	t1, t2 := v.Vec(), v.Vec()
	VMULPD(c.l[6], s4, t1)
	VADDPD(c.l[4], t1, t1)
	VMULPD(s4, t1, t1)
	VADDPD(c.l[2], t1, t1)
	VMULPD(s4, t1, t1)
	VADDPD(c.l[0], t1, t1)
	VMULPD(s2, t1, t1)
	// t2 = s4*(L2 + s4*(L4 + s4*L6))
	VMULPD(c.l[5], s4, t2)
	VADDPD(c.l[3], t2, t2)
	VMULPD(s4, t2, t2)
	VADDPD(c.l[1], t2, t2)
	VMULPD(s4, t2, t2)
	// r = t1 + t2; hfsq = 0.5*f*f; rest = s*(hfsq + r) - hfsq
	hfsq, rest := v.Vec(), v.Vec()
	VADDPD(t2, t1, t1)
	VMULPD(c.half, f, hfsq)
	VMULPD(f, hfsq, hfsq)
	VADDPD(hfsq, t1, rest)
	VMULPD(s, rest, rest)
	VSUBPD(hfsq, rest, rest)
	// res = kf*ln2Hi - ((-rest - kf*ln2Lo) - f)
	v.Xor(c.sign, rest, rest)
	VMULPD(c.ln2Lo, kf, t)
	VSUBPD(t, rest, rest)
	VSUBPD(f, rest, rest)
	res := v.Vec()
	VMULPD(c.ln2Hi, kf, res)
	VSUBPD(rest, res, res)
	return res
}
