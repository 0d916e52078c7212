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

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"

	"workbench/kernels/_asm/internal/gen"
)

// isa describes one vector instruction set; accs is the number of
// accumulator registers of the dot product (P / lanes).
type isa struct {
	gen.ISA
	accs int
}

var (
	avx2   = isa{ISA: gen.AVX2, accs: 8}
	avx512 = isa{ISA: gen.AVX512, accs: 4}
)

var masks gen.Masks

func main() {
	ConstraintExpr("!purego")
	masks = gen.NewMasks("blas1_tailmask")
	for _, e := range []gen.Elem{gen.Float64, gen.Float32} {
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

// dot writes the dot product of x and y (P partial sums, see the package
// comment), or with sym the fused row of the symmetric matrix-vector
// product: the dot product of r and x, and y[i] += s*r[i] on the way.
func dot(e gen.Elem, v isa, sym bool) {
	lanes := v.Lanes(e.Size)
	var name string
	var xp, yp, rp, n, phase Register
	var sv VecVirtual
	if sym {
		name = "symRow" + e.Name + v.Name
		TEXT(name, NOSPLIT, fmt.Sprintf("func(r, x, y []%s, s %s, phase int) %s", e.GoType, e.GoType, e.GoType))
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
		sv = gen.LoadBroadcast(e, v.ISA, "s")
		phase = Load(Param("phase"), GP64())
	} else {
		name = "dot" + e.Name + v.Name
		TEXT(name, NOSPLIT, fmt.Sprintf("func(x, y []%s) %s", e.GoType, e.GoType))
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
func dotBody(e gen.Elem, v isa, name string, rp, xp, yp, n Register, sv VecVirtual, phase Register) Register {
	sym := yp != nil
	lanes := v.Lanes(e.Size)
	acc := make([]VecVirtual, v.accs)
	for u := range acc {
		acc[u] = v.Vec()
		VXORPS(acc[u].AsY(), acc[u].AsY(), acc[u].AsY()) // zeroes a ZMM too
	}
	body := func(u int, tl *gen.Tail) {
		off := u * v.Bytes
		a, b := v.Vec(), v.Vec()
		tl.Load(e, Mem{Base: rp, Disp: off}, a)
		tl.Load(e, Mem{Base: xp, Disp: off}, b)
		e.FMA231(b, a, acc[u])
		if sym {
			c := v.Vec()
			tl.Load(e, Mem{Base: yp, Disp: off}, c)
			e.FMA231(sv, a, c)
			tl.Store(e, c, Mem{Base: yp, Disp: off})
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
			ADDQ(U32(step*e.Size), p)
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
		tl := masks.Tail(e, v.ISA, n)
		body(u, &tl)
		JMP(LabelRef(name + "_fold"))
		Label(lbl + "_next")
	}

	Label(name + "_fold")
	var r Register
	if v.AVX512 {
		// v = (a0+a1) + (a2+a3), then the upper half onto the lower.
		e.Add(acc[1], acc[0], acc[0])
		e.Add(acc[3], acc[2], acc[2])
		e.Add(acc[2], acc[0], acc[0])
		lo, hi := gen.Halves(acc[0])
		r = lo
		e.Add(hi, r, r)
	} else {
		// lanes l of v: (b0+b2)+(b4+b6); lanes l+lanes: (b1+b3)+(b5+b7).
		for _, h := range []int{0, 1} {
			e.Add(acc[h+2], acc[h], acc[h])
			e.Add(acc[h+6], acc[h+4], acc[h+4])
			e.Add(acc[h+4], acc[h], acc[h])
		}
		e.Add(acc[1], acc[0], acc[0])
		r = acc[0]
	}
	x := r.(VecVirtual).AsX()
	hx := XMM()
	VEXTRACTF128(U8(1), r, hx)
	e.Add(hx, x, x)
	t := XMM()
	if e.Size == 8 {
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

// axpy writes y[i] = a*x[i] + y[i], rounded once.
func axpy(e gen.Elem, v isa) {
	name := "axpy" + e.Name + v.Name
	TEXT(name, NOSPLIT, fmt.Sprintf("func(a %s, x, y []%s)", e.GoType, e.GoType))
	Pragma("noescape")
	Doc(fmt.Sprintf("%s sets y[i] = a*x[i] + y[i], rounded once, for i < len(x); y is at", name),
		"least as long.")
	av := gen.LoadBroadcast(e, v.ISA, "a")
	xp := Load(Param("x").Base(), GP64())
	yp := Load(Param("y").Base(), GP64())
	n := Load(Param("x").Len(), GP64())
	masks.StreamLoop(e, v.ISA, name, n, func(off int, tl *gen.Tail) {
		a, b := v.Vec(), v.Vec()
		tl.Load(e, Mem{Base: xp, Disp: off}, a)
		tl.Load(e, Mem{Base: yp, Disp: off}, b)
		e.FMA231(av, a, b)
		tl.Store(e, b, Mem{Base: yp, Disp: off})
	}, func(bytes int) {
		ADDQ(U32(bytes), xp)
		ADDQ(U32(bytes), yp)
	})
}

// rot applies the plane rotation x, y = c*x + s*y, c*y - s*x, each with
// one rounded product and one fused multiply-add.
func rot(e gen.Elem, v isa) {
	name := "rot" + e.Name + v.Name
	TEXT(name, NOSPLIT, fmt.Sprintf("func(x, y []%s, c, s %s)", e.GoType, e.GoType))
	Pragma("noescape")
	Doc(fmt.Sprintf("%s sets x[i], y[i] = c*x[i] + s*y[i], c*y[i] - s*x[i] for i < len(x)", name),
		"(the products s*y[i] and s*x[i] rounded, then a fused multiply-add); y is",
		"at least as long.")
	cx, sx := XMM(), XMM()
	Load(Param("c"), cx)
	Load(Param("s"), sx)
	cv, sv := v.Vec(), v.Vec()
	e.Bcast(cx, cv)
	e.Bcast(sx, sv)
	xp := Load(Param("x").Base(), GP64())
	yp := Load(Param("y").Base(), GP64())
	n := Load(Param("x").Len(), GP64())
	masks.StreamLoop(e, v.ISA, name, n, func(off int, tl *gen.Tail) {
		a, b := v.Vec(), v.Vec()
		tl.Load(e, Mem{Base: xp, Disp: off}, a)
		tl.Load(e, Mem{Base: yp, Disp: off}, b)
		nx, ny := v.Vec(), v.Vec()
		e.Mul(b, sv, nx)    // s*y
		e.FMA231(cv, a, nx) // c*x + s*y
		e.Mul(a, sv, ny)    // s*x
		e.FMS231(cv, b, ny) // c*y - s*x
		tl.Store(e, nx, Mem{Base: xp, Disp: off})
		tl.Store(e, ny, Mem{Base: yp, Disp: off})
	}, func(bytes int) {
		ADDQ(U32(bytes), xp)
		ADDQ(U32(bytes), yp)
	})
}

// gemvN writes y[i] += alpha*dot(row i, x) for every row: the dot product
// of the dot kernels, times alpha rounded, added rounded.
func gemvN(e gen.Elem, v isa) {
	name := "gemvN" + e.Name + v.Name
	TEXT(name, NOSPLIT, fmt.Sprintf("func(a []%s, lda int, x, y []%s, alpha %s)", e.GoType, e.GoType, e.GoType))
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
	e.MulS(al, d, d)
	e.AddS(Mem{Base: yp}, d, d)
	e.MovS(d, Mem{Base: yp})
	ld := GP64()
	Load(Param("lda"), ld)
	SHLQ(U8(e.Shift()), ld)
	ADDQ(ld, ap)
	ADDQ(U32(e.Size), yp)
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
func gemvT(e gen.Elem, v isa) {
	name := "gemvT" + e.Name + v.Name
	lanes := v.Lanes(e.Size)
	TEXT(name, NOSPLIT, fmt.Sprintf("func(a []%s, lda int, x []%s, alpha %s, y []%s)", e.GoType, e.GoType, e.GoType, e.GoType))
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
	SHLQ(U8(e.Shift()), ld)

	// block emits the sweep over all rows of nv full vectors of y and,
	// with masked, one more of the lanes of tl.
	block := func(lbl string, nv int, tl *gen.Tail) {
		acc := make([]VecVirtual, nv)
		for u := range acc {
			acc[u] = v.Vec()
			e.Movu(Mem{Base: yp, Disp: u * v.Bytes}, acc[u])
		}
		var last VecVirtual
		if tl != nil {
			last = v.Vec()
			tl.Load(e, Mem{Base: yp, Disp: nv * v.Bytes}, last)
		}
		rp, xp, m := GP64(), GP64(), GP64()
		MOVQ(ap, rp)
		Load(Param("x").Base(), xp)
		Load(Param("x").Len(), m)
		Label(lbl + "_rows")
		TESTQ(m, m)
		JZ(LabelRef(lbl + "_store"))
		sx := XMM()
		e.MulS(Mem{Base: xp}, al, sx)
		sv := v.Vec()
		e.Bcast(sx, sv)
		for u := range acc {
			e.FMA231(Mem{Base: rp, Disp: u * v.Bytes}, sv, acc[u])
		}
		if tl != nil {
			t := v.Vec()
			tl.Load(e, Mem{Base: rp, Disp: nv * v.Bytes}, t)
			e.FMA231(t, sv, last)
		}
		ADDQ(ld, rp)
		ADDQ(U32(e.Size), xp)
		DECQ(m)
		JMP(LabelRef(lbl + "_rows"))
		Label(lbl + "_store")
		for u := range acc {
			e.Movu(acc[u], Mem{Base: yp, Disp: u * v.Bytes})
		}
		if tl != nil {
			tl.Store(e, last, Mem{Base: yp, Disp: nv * v.Bytes})
		}
	}

	width := v.accs * lanes
	Label(name + "_block")
	CMPQ(n, U32(width))
	JL(LabelRef(name + "_rest"))
	block(name+"_full", v.accs, nil)
	ADDQ(U32(width*e.Size), ap)
	ADDQ(U32(width*e.Size), yp)
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
		tl := masks.Tail(e, v.ISA, r)
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
func head(e gen.Elem, v isa, name string, rp, xp, yp, n, phase Register, body func(u int, tl *gen.Tail)) {
	lanes := v.Lanes(e.Size)
	step := v.accs * lanes
	t := GP64()
	MOVQ(phase, t)
	SHLQ(U8(e.Shift()), t)
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
		var tl gen.Tail
		if v.AVX512 {
			k := K()
			KMOVW(m.As32(), k)
			tl.K = k
		} else {
			// Lane l on when bit l of m is: broadcast m, AND with the lane
			// bits, compare equal.
			x := XMM()
			vm := YMM()
			if e.Size == 8 {
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
			tl.M = vm
		}
		body(u, &tl)
	}
	for _, p := range []Register{rp, xp, yp} {
		ADDQ(U32(step*e.Size), p)
	}
	SUBQ(U32(step), n)
	JLE(LabelRef(name + "_fold"))
}

var laneBitsMem = map[int]Mem{}

// laneBits is the 32-byte constant whose lane l (of the element size)
// holds 1<<l.
func laneBits(e gen.Elem) Mem {
	if m, ok := laneBitsMem[e.Size]; ok {
		return m
	}
	m := GLOBL(fmt.Sprintf("blas1_lanebits%d", e.Size), RODATA|NOPTR)
	for l := 0; l < 32/e.Size; l++ {
		if e.Size == 8 {
			DATA(8*l, U64(1<<l))
		} else {
			DATA(4*l, U32(1<<l))
		}
	}
	laneBitsMem[e.Size] = m
	return m
}
