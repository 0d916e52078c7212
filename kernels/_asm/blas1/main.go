// Command blas1 generates the vector kernels of package kernels behind its
// BLAS routines (kernels/blas1_amd64.s) with avo: the dot product, axpy
// (y += a*x), the fused row of a symmetric matrix-vector product, the
// plane rotation, and the row loops of the matrix-vector product (a dot
// product per row; axpy of every row into a block of y held in
// registers), for float64 and float32, in AVX2+FMA and AVX-512 variants.
// It shares the module of kernels/_asm. Run it through go generate in
// package kernels.
//
// The dot product keeps P partial sums, P = 32 for float64 and 64 for
// float32: element i goes to partial sum i mod P, each updated by a fused
// multiply-add. AVX-512 holds them in 4 registers, AVX2 in 8, so both
// levels (and the portable Go code) compute the same sums and fold them
// in the same tree: v[l] = (s[l]+s[l+P/4]) + (s[l+P/2]+s[l+3P/4]) for
// l < P/4, then halves added pairwise down to one value.
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
	add, mul     func(...Op)
	fma231       func(...Op) // dst = a*b + dst
	fms231       func(...Op) // dst = a*b - dst
	movu         func(...Op)
	movuZ        func(a, k, b Op)
	maskmov      func(a, b, c Op)
	bcast        func(...Op)
}

var f64 = elem{
	name: "F64", goType: "float64", size: 8,
	add: VADDPD, mul: VMULPD, fma231: VFMADD231PD, fms231: VFMSUB231PD,
	movu: VMOVUPD, movuZ: VMOVUPD_Z, maskmov: VMASKMOVPD, bcast: VBROADCASTSD,
}

var f32 = elem{
	name: "F32", goType: "float32", size: 4,
	add: VADDPS, mul: VMULPS, fma231: VFMADD231PS, fms231: VFMSUB231PS,
	movu: VMOVUPS, movuZ: VMOVUPS_Z, maskmov: VMASKMOVPS, bcast: VBROADCASTSS,
}

// isa describes one vector instruction set; accs is the number of
// accumulator registers of the dot product (P / lanes).
type isa struct {
	name   string
	bytes  int
	vec    func() VecVirtual
	avx512 bool
	accs   int
}

var (
	avx2   = isa{name: "AVX2", bytes: 32, vec: YMM, accs: 8}
	avx512 = isa{name: "AVX512", bytes: 64, vec: ZMM, avx512: true, accs: 4}
)

func (v isa) lanes(e elem) int { return v.bytes / e.size }

var tailTable Mem

func main() {
	ConstraintExpr("!purego")
	tailTable = GLOBL("blas1_tailmask", RODATA|NOPTR)
	for i := 0; i < 8; i++ {
		bits := uint64(0)
		if i < 4 {
			bits = math.MaxUint64
		}
		DATA(8*i, U64(bits))
	}
	for _, e := range []elem{f64, f32} {
		for _, v := range []isa{avx2, avx512} {
			dot(e, v, false)
			dot(e, v, true)
			axpy(e, v)
			rot(e, v)
			gemvN(e, v)
			gemvT(e, v)
		}
	}
	Generate()
}

// tail holds what a masked vector needs: an AVX-512 mask register or an
// AVX2 mask vector for the first n lanes.
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
	// 32 bytes of blas1_tailmask from offset 32 - n*size: n*size bytes of
	// ones, then zeros.
	off, base, t := GP64(), GP64(), GP64()
	MOVQ(U64(32), off)
	MOVQ(n, t)
	if e.size == 8 {
		SHLQ(U8(3), t)
	} else {
		SHLQ(U8(2), t)
	}
	SUBQ(t, off)
	LEAQ(tailTable, base)
	m := YMM()
	VMOVDQU(Mem{Base: base, Index: off, Scale: 1}, m)
	return tail{m: m}
}

// load loads a vector from p, or with a tail only its lanes (the others
// are zero).
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

// store stores a vector to p, or with a tail only its lanes.
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

// dot writes the dot product of x and y (P partial sums, see the package
// comment), or with sym the fused row of the symmetric matrix-vector
// product: the dot product of r and x, and y[i] += s*r[i] on the way.
func dot(e elem, v isa, sym bool) {
	lanes := v.lanes(e)
	var name string
	var xp, yp, rp, n, phase Register
	var sv VecVirtual
	if sym {
		name = "symRow" + e.name + v.name
		TEXT(name, NOSPLIT, fmt.Sprintf("func(r, x, y []%s, s %s, phase int) %s", e.goType, e.goType, e.goType))
		Pragma("noescape")
		Doc(fmt.Sprintf("%s sets y[i] = s*r[i] + y[i] (fused) for i < len(r) and returns", name),
			"the dot product of r and x in the order of the dot kernels, but for",
			"element i going to partial sum (i+phase) mod P, 0 <= phase < P/4: as if",
			"r and x started with phase zeros (the vectors then fall on the same",
			"offsets of y whatever the phase). x and y are at least as long as r.")
		rp = Load(Param("r").Base(), GP64())
		xp = Load(Param("x").Base(), GP64())
		yp = Load(Param("y").Base(), GP64())
		n = Load(Param("r").Len(), GP64())
		sx := XMM()
		Load(Param("s"), sx)
		sv = v.vec()
		e.bcast(sx, sv)
		phase = Load(Param("phase"), GP64())
	} else {
		name = "dot" + e.name + v.name
		TEXT(name, NOSPLIT, fmt.Sprintf("func(x, y []%s) %s", e.goType, e.goType))
		Pragma("noescape")
		Doc(fmt.Sprintf("%s returns the dot product of x and y[:len(x)] with %d partial", name, v.accs*lanes),
			"sums (element i in sum i mod P), folded as the package comment of",
			"kernels/_asm/blas1 says.")
		rp = Load(Param("x").Base(), GP64())
		xp = Load(Param("y").Base(), GP64())
		n = Load(Param("x").Len(), GP64())
	}
	x := dotBody(e, v, name, rp, xp, yp, n, sv, phase)
	Store(x, ReturnIndex(0))
	VZEROUPPER()
	RET()
}

// dotBody emits the dot product of the n elements at rp and xp (P partial
// sums, see the package comment), with yp the fused y[i] += s*r[i] of the
// symmetric row (sv the broadcast s), and returns the register whose low
// lane holds the result. It advances rp, xp, yp and counts n down to 0;
// labels start with name. With phase (symmetric rows only), the elements
// go to the partial sums phase onwards: the pointers move back by phase
// elements and the first block of P has the lanes below phase masked off.
func dotBody(e elem, v isa, name string, rp, xp, yp, n Register, sv VecVirtual, phase Register) Register {
	sym := yp != nil
	lanes := v.lanes(e)
	acc := make([]VecVirtual, v.accs)
	for u := range acc {
		acc[u] = v.vec()
		VXORPS(acc[u].AsY(), acc[u].AsY(), acc[u].AsY()) // zeroes a ZMM too
	}
	body := func(u int, tl *tail) {
		off := u * v.bytes
		a, b := v.vec(), v.vec()
		tl.load(e, Mem{Base: rp, Disp: off}, a)
		tl.load(e, Mem{Base: xp, Disp: off}, b)
		e.fma231(b, a, acc[u])
		if sym {
			c := v.vec()
			tl.load(e, Mem{Base: yp, Disp: off}, c)
			e.fma231(sv, a, c)
			tl.store(e, c, Mem{Base: yp, Disp: off})
		}
	}
	step := v.accs * lanes
	if phase != nil {
		head(e, v, name, rp, xp, yp, n, phase, body)
	}
	Label(name + "_loop")
	CMPQ(n, U32(step))
	JL(LabelRef(name + "_tail"))
	for u := range acc {
		body(u, nil)
	}
	for _, p := range []Register{rp, xp, yp} {
		if p != nil {
			ADDQ(U32(step*e.size), p)
		}
	}
	SUBQ(U32(step), n)
	JMP(LabelRef(name + "_loop"))

	// The last n < P elements: vector u holds elements u*lanes onwards.
	Label(name + "_tail")
	for u := range acc {
		lbl := fmt.Sprintf("%s_tail%d", name, u)
		TESTQ(n, n)
		JZ(LabelRef(name + "_fold"))
		CMPQ(n, U32(lanes))
		JL(LabelRef(lbl + "_mask"))
		body(u, nil)
		SUBQ(U32(lanes), n)
		JMP(LabelRef(lbl + "_next"))
		Label(lbl + "_mask")
		tl := makeTail(e, v, n)
		body(u, &tl)
		JMP(LabelRef(name + "_fold"))
		Label(lbl + "_next")
	}

	Label(name + "_fold")
	var r Register
	if v.avx512 {
		// v = (a0+a1) + (a2+a3), then the upper half onto the lower.
		e.add(acc[1], acc[0], acc[0])
		e.add(acc[3], acc[2], acc[2])
		e.add(acc[2], acc[0], acc[0])
		hi := YMM()
		VEXTRACTF64X4(U8(1), acc[0], hi)
		r = acc[0].AsY()
		e.add(hi, r, r)
	} else {
		// lanes l of v: (b0+b2)+(b4+b6); lanes l+lanes: (b1+b3)+(b5+b7).
		for _, h := range []int{0, 1} {
			e.add(acc[h+2], acc[h], acc[h])
			e.add(acc[h+6], acc[h+4], acc[h+4])
			e.add(acc[h+4], acc[h], acc[h])
		}
		e.add(acc[1], acc[0], acc[0])
		r = acc[0]
	}
	x := r.(VecVirtual).AsX()
	hx := XMM()
	VEXTRACTF128(U8(1), r, hx)
	e.add(hx, x, x)
	t := XMM()
	if e.size == 8 {
		VPERMILPD(U8(1), x, t)
		VADDSD(t, x, x)
	} else {
		VMOVHLPS(x, x, t)
		VADDPS(t, x, x)
		VMOVSHDUP(x, t)
		VADDSS(t, x, x)
	}
	return x
}

// streamLoop emits an element-wise loop over n elements: four vectors at
// a time, then one, then a masked tail. body gets the byte offset from the
// pointers and the tail (nil for full vectors); advance moves the pointers
// on by a number of bytes.
func streamLoop(e elem, v isa, name string, n Register, body func(off int, tl *tail), advance func(bytes int)) {
	lanes := v.lanes(e)
	Label(name + "_loop4")
	CMPQ(n, U32(4*lanes))
	JL(LabelRef(name + "_loop1"))
	for u := 0; u < 4; u++ {
		body(u*v.bytes, nil)
	}
	advance(4 * v.bytes)
	SUBQ(U32(4*lanes), n)
	JMP(LabelRef(name + "_loop4"))

	Label(name + "_loop1")
	CMPQ(n, U32(lanes))
	JL(LabelRef(name + "_tail"))
	body(0, nil)
	advance(v.bytes)
	SUBQ(U32(lanes), n)
	JMP(LabelRef(name + "_loop1"))

	Label(name + "_tail")
	TESTQ(n, n)
	JZ(LabelRef(name + "_done"))
	tl := makeTail(e, v, n)
	body(0, &tl)

	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// axpy writes y[i] = a*x[i] + y[i], rounded once.
func axpy(e elem, v isa) {
	name := "axpy" + e.name + v.name
	TEXT(name, NOSPLIT, fmt.Sprintf("func(a %s, x, y []%s)", e.goType, e.goType))
	Pragma("noescape")
	Doc(fmt.Sprintf("%s sets y[i] = a*x[i] + y[i], rounded once, for i < len(x); y is at", name),
		"least as long.")
	ax := XMM()
	Load(Param("a"), ax)
	av := v.vec()
	e.bcast(ax, av)
	xp := Load(Param("x").Base(), GP64())
	yp := Load(Param("y").Base(), GP64())
	n := Load(Param("x").Len(), GP64())
	streamLoop(e, v, name, n, func(off int, tl *tail) {
		a, b := v.vec(), v.vec()
		tl.load(e, Mem{Base: xp, Disp: off}, a)
		tl.load(e, Mem{Base: yp, Disp: off}, b)
		e.fma231(av, a, b)
		tl.store(e, b, Mem{Base: yp, Disp: off})
	}, func(bytes int) {
		ADDQ(U32(bytes), xp)
		ADDQ(U32(bytes), yp)
	})
}

// rot applies the plane rotation x, y = c*x + s*y, c*y - s*x, each with
// one rounded product and one fused multiply-add.
func rot(e elem, v isa) {
	name := "rot" + e.name + v.name
	TEXT(name, NOSPLIT, fmt.Sprintf("func(x, y []%s, c, s %s)", e.goType, e.goType))
	Pragma("noescape")
	Doc(fmt.Sprintf("%s sets x[i], y[i] = c*x[i] + s*y[i], c*y[i] - s*x[i] for i < len(x)", name),
		"(the products s*y[i] and s*x[i] rounded, then a fused multiply-add); y is",
		"at least as long.")
	cx, sx := XMM(), XMM()
	Load(Param("c"), cx)
	Load(Param("s"), sx)
	cv, sv := v.vec(), v.vec()
	e.bcast(cx, cv)
	e.bcast(sx, sv)
	xp := Load(Param("x").Base(), GP64())
	yp := Load(Param("y").Base(), GP64())
	n := Load(Param("x").Len(), GP64())
	streamLoop(e, v, name, n, func(off int, tl *tail) {
		a, b := v.vec(), v.vec()
		tl.load(e, Mem{Base: xp, Disp: off}, a)
		tl.load(e, Mem{Base: yp, Disp: off}, b)
		nx, ny := v.vec(), v.vec()
		e.mul(b, sv, nx)    // s*y
		e.fma231(cv, a, nx) // c*x + s*y
		e.mul(a, sv, ny)    // s*x
		e.fms231(cv, b, ny) // c*y - s*x
		tl.store(e, nx, Mem{Base: xp, Disp: off})
		tl.store(e, ny, Mem{Base: yp, Disp: off})
	}, func(bytes int) {
		ADDQ(U32(bytes), xp)
		ADDQ(U32(bytes), yp)
	})
}

// scalar instructions of an element type.
func (e elem) mulS(a, b, c Op) {
	if e.size == 8 {
		VMULSD(a, b, c)
	} else {
		VMULSS(a, b, c)
	}
}

func (e elem) addS(a, b, c Op) {
	if e.size == 8 {
		VADDSD(a, b, c)
	} else {
		VADDSS(a, b, c)
	}
}

func (e elem) movS(a, b Op) {
	if e.size == 8 {
		VMOVSD(a, b)
	} else {
		VMOVSS(a, b)
	}
}

func (e elem) shift() uint8 {
	if e.size == 8 {
		return 3
	}
	return 2
}

// gemvN writes y[i] += alpha*dot(row i, x) for every row: the dot product
// of the dot kernels, times alpha rounded, added rounded.
func gemvN(e elem, v isa) {
	name := "gemvN" + e.name + v.name
	TEXT(name, NOSPLIT, fmt.Sprintf("func(a []%s, lda int, x, y []%s, alpha %s)", e.goType, e.goType, e.goType))
	Pragma("noescape")
	Doc(fmt.Sprintf("%s sets y[i] += alpha*d[i] (the product rounded, then the sum) for", name),
		"i < len(y), where d[i] is the dot product of a[i*lda:i*lda+len(x)] and x",
		"in the order of the dot kernels. a holds those rows.")
	ap := Load(Param("a").Base(), GP64())
	m := Load(Param("y").Len(), GP64())
	yp := Load(Param("y").Base(), GP64())
	al := XMM()
	Load(Param("alpha"), al)
	rp, xp, n := GP64(), GP64(), GP64()

	Label(name + "_row")
	TESTQ(m, m)
	JZ(LabelRef(name + "_done"))
	MOVQ(ap, rp)
	Load(Param("x").Base(), xp)
	Load(Param("x").Len(), n)
	d := dotBody(e, v, name, rp, xp, nil, n, nil, nil)
	e.mulS(al, d, d)
	e.addS(Mem{Base: yp}, d, d)
	e.movS(d, Mem{Base: yp})
	ld := GP64()
	Load(Param("lda"), ld)
	SHLQ(U8(e.shift()), ld)
	ADDQ(ld, ap)
	ADDQ(U32(e.size), yp)
	DECQ(m)
	JMP(LabelRef(name + "_row"))

	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// gemvT writes y += (alpha*x[i])*row i for the rows in order, each element
// of y by a chain of fused multiply-adds, as repeated axpy does. y is
// taken in blocks of v.accs vectors kept in registers while every row
// streams past.
func gemvT(e elem, v isa) {
	name := "gemvT" + e.name + v.name
	lanes := v.lanes(e)
	TEXT(name, NOSPLIT, fmt.Sprintf("func(a []%s, lda int, x []%s, alpha %s, y []%s)", e.goType, e.goType, e.goType, e.goType))
	Pragma("noescape")
	Doc(fmt.Sprintf("%s sets y[j] = s[i]*a[i*lda+j] + y[j] (fused) for i < len(x) in", name),
		"order and j < len(y), where s[i] = alpha*x[i] rounded: repeated axpy. a",
		"holds those rows.")
	ap := Load(Param("a").Base(), GP64())
	yp := Load(Param("y").Base(), GP64())
	n := Load(Param("y").Len(), GP64())
	al := XMM()
	Load(Param("alpha"), al)
	ld := GP64()
	Load(Param("lda"), ld)
	SHLQ(U8(e.shift()), ld)

	// block emits the sweep over all rows of nv full vectors of y and,
	// with masked, one more of the lanes of tl.
	block := func(lbl string, nv int, tl *tail) {
		acc := make([]VecVirtual, nv)
		for u := range acc {
			acc[u] = v.vec()
			e.movu(Mem{Base: yp, Disp: u * v.bytes}, acc[u])
		}
		var last VecVirtual
		if tl != nil {
			last = v.vec()
			tl.load(e, Mem{Base: yp, Disp: nv * v.bytes}, last)
		}
		rp, xp, m := GP64(), GP64(), GP64()
		MOVQ(ap, rp)
		Load(Param("x").Base(), xp)
		Load(Param("x").Len(), m)
		Label(lbl + "_rows")
		TESTQ(m, m)
		JZ(LabelRef(lbl + "_store"))
		sx := XMM()
		e.mulS(Mem{Base: xp}, al, sx)
		sv := v.vec()
		e.bcast(sx, sv)
		for u := range acc {
			e.fma231(Mem{Base: rp, Disp: u * v.bytes}, sv, acc[u])
		}
		if tl != nil {
			t := v.vec()
			tl.load(e, Mem{Base: rp, Disp: nv * v.bytes}, t)
			e.fma231(t, sv, last)
		}
		ADDQ(ld, rp)
		ADDQ(U32(e.size), xp)
		DECQ(m)
		JMP(LabelRef(lbl + "_rows"))
		Label(lbl + "_store")
		for u := range acc {
			e.movu(acc[u], Mem{Base: yp, Disp: u * v.bytes})
		}
		if tl != nil {
			tl.store(e, last, Mem{Base: yp, Disp: nv * v.bytes})
		}
	}

	width := v.accs * lanes
	Label(name + "_block")
	CMPQ(n, U32(width))
	JL(LabelRef(name + "_rest"))
	block(name+"_full", v.accs, nil)
	ADDQ(U32(width*e.size), ap)
	ADDQ(U32(width*e.size), yp)
	SUBQ(U32(width), n)
	JMP(LabelRef(name + "_block"))

	// The last n < width elements: nv = n/lanes full vectors, then the
	// n%lanes lanes of one masked vector.
	Label(name + "_rest")
	for nv := 0; nv < v.accs; nv++ {
		lbl := fmt.Sprintf("%s_rest%d", name, nv)
		CMPQ(n, U32((nv+1)*lanes))
		JGE(LabelRef(lbl + "_skip"))
		if nv > 0 {
			CMPQ(n, U32(nv*lanes))
			JNE(LabelRef(lbl + "_mask"))
			block(lbl+"_exact", nv, nil)
			JMP(LabelRef(name + "_done"))
		}
		Label(lbl + "_mask")
		TESTQ(n, n)
		JZ(LabelRef(name + "_done"))
		r := GP64()
		MOVQ(n, r)
		SUBQ(U32(nv*lanes), r)
		tl := makeTail(e, v, r)
		block(lbl, nv, &tl)
		JMP(LabelRef(name + "_done"))
		Label(lbl + "_skip")
	}

	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// head emits the first block of P = accs*lanes elements of a symmetric row
// with phase: the pointers move back by phase elements, n grows by phase,
// and vector u of the block takes the lanes u*lanes+l with phase <= u*lanes+l
// < n; then the pointers move on by P and n drops by P, jumping to the fold
// when nothing is left.
func head(e elem, v isa, name string, rp, xp, yp, n, phase Register, body func(u int, tl *tail)) {
	lanes := v.lanes(e)
	step := v.accs * lanes
	t := GP64()
	MOVQ(phase, t)
	SHLQ(U8(e.shift()), t)
	SUBQ(t, rp)
	SUBQ(t, xp)
	SUBQ(t, yp)
	ADDQ(phase, n)
	// bits = the lanes in [phase, min(n, P)).
	c, p := GP64(), GP64()
	MOVQ(n, c)
	MOVQ(U32(step), p)
	CMPQ(c, p)
	CMOVQGT(p, c)
	ones, hi, lo := GP64(), GP64(), GP64()
	MOVQ(I64(-1), ones)
	BZHIQ(c, ones, hi)
	BZHIQ(phase, ones, lo)
	bits := GP64()
	ANDNQ(hi, lo, bits)
	for u := 0; u < v.accs; u++ {
		m := GP64()
		MOVQ(bits, m)
		if u > 0 {
			SHRQ(U8(u*lanes), m)
		}
		var tl tail
		if v.avx512 {
			k := K()
			KMOVW(m.As32(), k)
			tl.k = k
		} else {
			// Lane l on when bit l of m is: broadcast m, AND with the lane
			// bits, compare equal.
			x := XMM()
			vm := YMM()
			if e.size == 8 {
				VMOVQ(m, x)
				VPBROADCASTQ(x, vm)
				VPAND(laneBits(e), vm, vm)
				VPCMPEQQ(laneBits(e), vm, vm)
			} else {
				VMOVD(m.As32(), x)
				VPBROADCASTD(x, vm)
				VPAND(laneBits(e), vm, vm)
				VPCMPEQD(laneBits(e), vm, vm)
			}
			tl.m = vm
		}
		body(u, &tl)
	}
	for _, p := range []Register{rp, xp, yp} {
		ADDQ(U32(step*e.size), p)
	}
	SUBQ(U32(step), n)
	JLE(LabelRef(name + "_fold"))
}

var laneBitsMem = map[int]Mem{}

// laneBits is the 32-byte constant whose lane l (of the element size)
// holds 1<<l.
func laneBits(e elem) Mem {
	if m, ok := laneBitsMem[e.size]; ok {
		return m
	}
	m := GLOBL(fmt.Sprintf("blas1_lanebits%d", e.size), RODATA|NOPTR)
	for l := 0; l < 32/e.size; l++ {
		if e.size == 8 {
			DATA(8*l, U64(1<<l))
		} else {
			DATA(4*l, U32(1<<l))
		}
	}
	laneBitsMem[e.size] = m
	return m
}
