// Command intsimd generates the integer, comparison and complex element-wise
// kernels of package kernels (kernels/intsimd_amd64.s) with avo, in AVX2 and
// AVX-512 variants, and the table that names them
// (kernels/intsimd_table_amd64.go): integer +, -, *, &, |, ^, minimum and
// maximum; ==, !=, <, <=, > and >= of float64, float32 and integers into
// Go bools; complex +, - and *. Every kernel takes
// (d, x, y *byte, n int): y points at an array, or at one value that the
// scalar forms broadcast. The AVX-512 kernels finish with masked tails; the
// AVX2 ones stop at the last whole vector and leave the rest to the Go
// caller. It shares the module of kernels/_asm. Run it through go generate
// in package kernels.
package main

import (
	"bytes"
	"fmt"
	"go/format"
	"log"
	"os"
	"strings"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// kind is an element type.
type kind struct {
	name    string // as in the Go constants: I8 ... C128
	size    int    // bytes per element
	signed  bool
	float   bool
	complex bool
}

var (
	i8   = kind{name: "I8", size: 1, signed: true}
	i16  = kind{name: "I16", size: 2, signed: true}
	i32  = kind{name: "I32", size: 4, signed: true}
	i64  = kind{name: "I64", size: 8, signed: true}
	u8   = kind{name: "U8", size: 1}
	u16  = kind{name: "U16", size: 2}
	u32  = kind{name: "U32", size: 4}
	u64  = kind{name: "U64", size: 8}
	f32  = kind{name: "F32", size: 4, float: true, signed: true}
	f64  = kind{name: "F64", size: 8, float: true, signed: true}
	c64  = kind{name: "C64", size: 8, complex: true}
	c128 = kind{name: "C128", size: 16, complex: true}
)

// partner is the other signedness of an integer kind: the kernels of the
// operations that give the same bits for both are shared.
var partner = map[string]string{"I8": "U8", "I16": "U16", "I32": "U32", "I64": "U64"}

// isa is one vector instruction set.
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

// entry is one line of the generated table.
type entry struct {
	op, kind string
	scalar   bool
	fn       string
	whole    int // the lanes of an AVX2 kernel (it leaves n%whole elements)
}

var tables = map[string][]entry{}

var byteBits Mem // 256 uint64: byte j of entry i is bit j of i

func main() {
	// avo's Generate parses -out, -stubs and -pkg; -table is ours.
	var table string
	args := []string{os.Args[0]}
	for i := 1; i < len(os.Args); i++ {
		if os.Args[i] == "-table" && i+1 < len(os.Args) {
			table = os.Args[i+1]
			i++
			continue
		}
		args = append(args, os.Args[i])
	}
	if table == "" {
		log.Fatal("intsimd: -table is required")
	}
	cmdline := strings.Join(os.Args[1:], " ")
	os.Args = args

	ConstraintExpr("!purego")
	byteBits = GLOBL("intsimd_bytebits", RODATA|NOPTR)
	for i := 0; i < 256; i++ {
		var b uint64
		for j := 0; j < 8; j++ {
			if i>>j&1 == 1 {
				b |= 1 << (8 * j)
			}
		}
		DATA(8*i, U64(b))
	}
	for _, v := range []isa{avx2, avx512} {
		for _, k := range []kind{i8, i16, i32, i64} {
			for _, op := range []string{"add", "sub", "and", "or", "xor"} {
				both(v, k, op, intArith)
			}
			if k.size > 1 {
				// 64-bit multiplication is AVX-512DQ only.
				if k.size < 8 || v.avx512 {
					both(v, k, "mul", intArith)
				}
			}
		}
		for _, k := range []kind{i8, i16, i32, i64, u8, u16, u32, u64} {
			both(v, k, "min", intArith)
			both(v, k, "max", intArith)
		}
		for _, k := range []kind{f64, f32, i64, i32, u64, u32} {
			for _, op := range []string{"eq", "ne", "lt", "le", "gt", "ge"} {
				both(v, k, op, compare)
			}
		}
		for _, k := range []kind{i16, i8, u16, u8} {
			for _, op := range []string{"eq", "ne", "lt", "le", "gt", "ge"} {
				both(v, k, op, compareSmall)
			}
		}
		for _, k := range []kind{c128, c64} {
			both(v, k, "add", complexArith)
			both(v, k, "sub", complexArith)
			both(v, k, "mul", complexArith)
		}
	}
	Generate()
	if err := os.WriteFile(table, writeTable(cmdline), 0o644); err != nil {
		log.Fatal(err)
	}
}

func both(v isa, k kind, op string, gen func(v isa, k kind, op string, scalar bool) (string, int)) {
	for _, scalar := range []bool{false, true} {
		fn, lanes := gen(v, k, op, scalar)
		whole := 0
		if !v.avx512 {
			whole = lanes
		}
		tables[v.name] = append(tables[v.name], entry{op, k.name, scalar, fn, whole})
		if p, ok := partner[k.name]; ok && !k.float && !isCompare[op] && op != "min" && op != "max" {
			tables[v.name] = append(tables[v.name], entry{op, p, scalar, fn, whole})
		}
	}
}

var isCompare = map[string]bool{"eq": true, "ne": true, "lt": true, "le": true, "gt": true, "ge": true}

var opNames = map[string]string{
	"add": "vxAdd", "sub": "vxSub", "mul": "vxMul", "and": "vxAnd", "or": "vxOr", "xor": "vxXor",
	"min": "vxMin", "max": "vxMax", "eq": "vxEq", "ne": "vxNe", "lt": "vxLt", "le": "vxLe", "gt": "vxGt", "ge": "vxGe",
}

func writeTable(cmdline string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by command: go run main.go %s. DO NOT EDIT.\n\n", cmdline)
	b.WriteString("//go:build !purego\n\npackage kernels\n")
	for _, v := range []isa{avx512, avx2} {
		fmt.Fprintf(&b, "\n// vx%s holds the %s kernels of intsimd_amd64.s.\n", v.name, v.name)
		fmt.Fprintf(&b, "var vx%s = vxTable{\n", v.name)
		for _, e := range tables[v.name] {
			form := 0
			if e.scalar {
				form = 1
			}
			fmt.Fprintf(&b, "\t{%s, vk%s, %d}: {%s, %d},\n", opNames[e.op], e.kind, form, e.fn, e.whole)
		}
		b.WriteString("}\n")
	}
	src, err := format.Source(b.Bytes())
	if err != nil {
		log.Fatal(err)
	}
	return src
}

// begin starts the kernel of op on k at v (scalar: with *y broadcast),
// with its doc, and returns its name; what is what it computes.
func begin(v isa, k kind, op string, scalar bool, what string, lanes int) string {
	name := op + k.name + v.name
	args := "x and y point at n values"
	if scalar {
		name = op + "Scalar" + k.name + v.name
		args = "x points at n values and y at one"
		what = strings.ReplaceAll(what, "y[i]", "*y")
	}
	TEXT(name, NOSPLIT, "func(d, x, y *byte, n int)")
	Pragma("noescape")
	tailDoc := "all n elements (a masked tail)"
	if !v.avx512 {
		tailDoc = fmt.Sprintf("the whole vectors only: n - n%%%d elements", lanes)
	}
	Doc(fmt.Sprintf("%s sets d[i] = %s; %s;", name, what, args),
		fmt.Sprintf("it does %s.", tailDoc))
	return name
}

// tail is the mask of the last, partial vector of AVX-512 kernels.
type tail struct{ k Register }

// makeTail makes the mask of the first n lanes.
func makeTail(n Register) *tail {
	ones, bits := GP64(), GP64()
	MOVQ(I64(-1), ones)
	BZHIQ(n, ones, bits)
	k := K()
	KMOVQ(bits, k)
	return &tail{k: k}
}

// load moves the vector at p into r (the lanes of the tail only, others
// zero); lane is the lane size for the tail mask.
func (t *tail) load(lane int, p Mem, r VecVirtual) {
	if t == nil {
		VMOVDQU64(p, r)
		return
	}
	switch lane {
	case 1:
		VMOVDQU8_Z(p, t.k, r)
	case 2:
		VMOVDQU16_Z(p, t.k, r)
	case 4:
		VMOVDQU32_Z(p, t.k, r)
	default:
		VMOVDQU64_Z(p, t.k, r)
	}
}

func (t *tail) store(lane int, r VecVirtual, p Mem) {
	if t == nil {
		VMOVDQU64(r, p)
		return
	}
	switch lane {
	case 1:
		VMOVDQU8(r, t.k, p)
	case 2:
		VMOVDQU16(r, t.k, p)
	case 4:
		VMOVDQU32(r, t.k, p)
	default:
		VMOVDQU64(r, t.k, p)
	}
}

// ld and st move a whole AVX2 vector, or a (masked) AVX-512 one.
func ld(v isa, t *tail, lane int, p Mem, r VecVirtual) {
	if !v.avx512 {
		VMOVDQU(p, r)
		return
	}
	t.load(lane, p, r)
}

func st(v isa, t *tail, lane int, r VecVirtual, p Mem) {
	if !v.avx512 {
		VMOVDQU(r, p)
		return
	}
	t.store(lane, r, p)
}

// stream emits the loop over n elements, lanes at a time, unrolled: body
// gets the element offset from the pointers and the tail (nil for whole
// vectors); advance moves the pointers on by a number of elements. AVX2
// kernels stop before the partial vector; AVX-512 ones mask it with the
// mask of tailLanes(n) lanes.
func stream(v isa, name string, n Register, lanes int, tailLanes func(n Register) Register,
	body func(elem int, t *tail), advance func(elems int)) {
	Label(name + "_loop4")
	CMPQ(n, U32(unroll*lanes))
	JL(LabelRef(name + "_loop1"))
	for u := 0; u < unroll; u++ {
		body(u*lanes, nil)
	}
	advance(unroll * lanes)
	SUBQ(U32(unroll*lanes), n)
	JMP(LabelRef(name + "_loop4"))

	Label(name + "_loop1")
	CMPQ(n, U32(lanes))
	JL(LabelRef(name + "_tail"))
	body(0, nil)
	advance(lanes)
	SUBQ(U32(lanes), n)
	JMP(LabelRef(name + "_loop1"))

	Label(name + "_tail")
	if v.avx512 {
		TESTQ(n, n)
		JZ(LabelRef(name + "_done"))
		m := n
		if tailLanes != nil {
			m = tailLanes(n)
		}
		body(0, makeTail(m))
	}
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// bcast loads the one value at p into every lane of r.
func bcast(v isa, size int, p Mem, r VecVirtual) {
	switch size {
	case 1:
		VPBROADCASTB(p, r)
	case 2:
		VPBROADCASTW(p, r)
	case 4:
		VPBROADCASTD(p, r)
	default:
		VPBROADCASTQ(p, r)
	}
}

func bcastReg(v isa, size int, x VecVirtual, r VecVirtual) {
	switch size {
	case 1:
		VPBROADCASTB(x, r)
	case 2:
		VPBROADCASTW(x, r)
	case 4:
		VPBROADCASTD(x, r)
	default:
		VPBROADCASTQ(x, r)
	}
}

// bias returns a vector of the sign bit of lanes of size bytes.
func bias(v isa, size int) VecVirtual {
	g := GP64()
	MOVQ(U64(uint64(1)<<(8*size-1)), g)
	x := XMM()
	MOVQ(g, x)
	r := v.vec()
	bcastReg(v, size, x, r)
	return r
}

func pick(size int, fs ...func(...Op)) func(...Op) {
	switch size {
	case 1:
		return fs[0]
	case 2:
		return fs[1]
	case 4:
		return fs[2]
	}
	return fs[3]
}

// intArith emits an integer kernel: add, sub, mul, and, or, xor, min, max.
func intArith(v isa, k kind, op string, scalar bool) (string, int) {
	sym := map[string]string{"add": "x[i] + y[i]", "sub": "x[i] - y[i]", "mul": "x[i] * y[i]",
		"and": "x[i] & y[i]", "or": "x[i] | y[i]", "xor": "x[i] ^ y[i]",
		"min": "min(x[i], y[i])", "max": "max(x[i], y[i])"}[op]
	typ := map[int]string{1: "int8", 2: "int16", 4: "int32", 8: "int64"}[k.size]
	if !k.signed {
		typ = "u" + typ
	} else if _, ok := partner[k.name]; ok && op != "min" && op != "max" {
		typ += " or u" + typ
	}
	if op == "add" || op == "sub" || op == "mul" {
		sym += " (wrapping)"
	}
	lanes := v.bytes / k.size
	name := begin(v, k, op, scalar, sym+" of "+typ, lanes)
	dp := Load(Param("d"), GP64())
	xp := Load(Param("x"), GP64())
	yp := Load(Param("y"), GP64())
	n := Load(Param("n"), GP64())

	var emit func(a, b, r VecVirtual)
	switch op {
	case "add":
		f := pick(k.size, VPADDB, VPADDW, VPADDD, VPADDQ)
		emit = func(a, b, r VecVirtual) { f(b, a, r) }
	case "sub":
		f := pick(k.size, VPSUBB, VPSUBW, VPSUBD, VPSUBQ)
		emit = func(a, b, r VecVirtual) { f(b, a, r) }
	case "mul":
		f := pick(k.size, nil, VPMULLW, VPMULLD, VPMULLQ)
		emit = func(a, b, r VecVirtual) { f(b, a, r) }
	case "and", "or", "xor":
		var f func(...Op)
		if v.avx512 {
			f = map[string]func(...Op){"and": VPANDQ, "or": VPORQ, "xor": VPXORQ}[op]
		} else {
			g := map[string]func(a, b, c Op){"and": VPAND, "or": VPOR, "xor": VPXOR}[op]
			f = func(o ...Op) { g(o[0], o[1], o[2]) }
		}
		emit = func(a, b, r VecVirtual) { f(b, a, r) }
	case "min", "max":
		var f func(...Op)
		switch {
		case op == "min" && k.signed:
			f = pick(k.size, VPMINSB, VPMINSW, VPMINSD, VPMINSQ)
		case op == "min":
			f = pick(k.size, VPMINUB, VPMINUW, VPMINUD, VPMINUQ)
		case k.signed:
			f = pick(k.size, VPMAXSB, VPMAXSW, VPMAXSD, VPMAXSQ)
		default:
			f = pick(k.size, VPMAXUB, VPMAXUW, VPMAXUD, VPMAXUQ)
		}
		if k.size < 8 || v.avx512 {
			emit = func(a, b, r VecVirtual) { f(b, a, r) }
			break
		}
		// AVX2 has no 64-bit minimum or maximum: compare (with the sign
		// bits flipped for unsigned values) and blend.
		var bs VecVirtual
		if !k.signed {
			bs = bias(v, 8)
		}
		emit = func(a, b, r VecVirtual) {
			ca, cb := a, b
			if !k.signed {
				ca, cb = v.vec(), v.vec()
				VPXOR(bs, a, ca)
				VPXOR(bs, b, cb)
			}
			m := v.vec()
			VPCMPGTQ(cb, ca, m) // m = a > b
			if op == "max" {
				VPBLENDVB(m, a, b, r) // m ? a : b
			} else {
				VPBLENDVB(m, b, a, r)
			}
		}
	}
	var s VecVirtual
	if scalar {
		s = v.vec()
		bcast(v, k.size, Mem{Base: yp}, s)
	}
	stream(v, name, n, lanes, nil, func(e int, t *tail) {
		off := e * k.size
		a := v.vec()
		ld(v, t, k.size, Mem{Base: xp, Disp: off}, a)
		b := s
		if !scalar {
			b = v.vec()
			ld(v, t, k.size, Mem{Base: yp, Disp: off}, b)
		}
		r := v.vec()
		emit(a, b, r)
		st(v, t, k.size, r, Mem{Base: dp, Disp: off})
	}, func(elems int) {
		ADDQ(U32(elems*k.size), dp)
		ADDQ(U32(elems*k.size), xp)
		if !scalar {
			ADDQ(U32(elems*k.size), yp)
		}
	})
	return name, lanes
}

// Predicates of VCMPPD/VCMPPS (ordered and signalling except != which is
// unordered: NaN compares false but for !=) and of VPCMP[U]D/Q.
var (
	floatPred = map[string]int{"eq": 0x00, "lt": 0x01, "le": 0x02, "ne": 0x04, "ge": 0x0d, "gt": 0x0e}
	intPred   = map[string]int{"eq": 0, "lt": 1, "le": 2, "ne": 4, "ge": 5, "gt": 6}
)

// compare emits a comparison into bools (bytes of 0 or 1).
func compare(v isa, k kind, op string, scalar bool) (string, int) {
	sym := map[string]string{"eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}[op]
	typ := map[string]string{"F64": "float64", "F32": "float32", "I64": "int64", "I32": "int32", "U64": "uint64", "U32": "uint32"}[k.name]
	lanes := v.bytes / k.size
	name := begin(v, k, op, scalar, "x[i] "+sym+" y[i] of "+typ+", a bool", lanes)
	dp := Load(Param("d"), GP64())
	xp := Load(Param("x"), GP64())
	yp := Load(Param("y"), GP64())
	n := Load(Param("n"), GP64())
	tbl := GP64()
	LEAQ(byteBits, tbl)

	var s VecVirtual
	if scalar {
		s = v.vec()
		bcast(v, k.size, Mem{Base: yp}, s)
	}
	// AVX2 integers: only == and signed > exist; the others swap the
	// operands, negate the result, and flip sign bits for unsigned values.
	var bs VecVirtual
	if !v.avx512 && !k.float && !k.signed && op != "eq" && op != "ne" {
		bs = bias(v, k.size)
		if scalar {
			t := v.vec()
			VPXOR(bs, s, t)
			s = t
		}
	}
	negate := false
	if !v.avx512 && !k.float {
		negate = op == "ne" || op == "le" || op == "ge"
	}
	all := uint32(1)<<lanes - 1

	// bits compares the vectors a and b into the low lanes bits of a
	// register.
	bits := func(a, b VecVirtual) GPVirtual {
		r := GP64()
		if v.avx512 {
			kr := K()
			switch {
			case k.float && k.size == 8:
				VCMPPD(Imm(uint64(floatPred[op])), b, a, kr)
			case k.float:
				VCMPPS(Imm(uint64(floatPred[op])), b, a, kr)
			case k.signed && k.size == 8:
				VPCMPQ(Imm(uint64(intPred[op])), b, a, kr)
			case k.signed:
				VPCMPD(Imm(uint64(intPred[op])), b, a, kr)
			case k.size == 8:
				VPCMPUQ(Imm(uint64(intPred[op])), b, a, kr)
			default:
				VPCMPUD(Imm(uint64(intPred[op])), b, a, kr)
			}
			KMOVW(kr, r.As32())
			return r
		}
		m := v.vec()
		if k.float {
			if k.size == 8 {
				VCMPPD(Imm(uint64(floatPred[op])), b, a, m)
				VMOVMSKPD(m, r.As32())
			} else {
				VCMPPS(Imm(uint64(floatPred[op])), b, a, m)
				VMOVMSKPS(m, r.As32())
			}
			return r
		}
		eq := pick(k.size, nil, nil, VPCMPEQD, VPCMPEQQ)
		gt := pick(k.size, nil, nil, VPCMPGTD, VPCMPGTQ)
		switch op {
		case "eq", "ne":
			eq(b, a, m)
		case "gt", "le": // a > b
			gt(b, a, m)
		default: // lt, ge: b > a
			gt(a, b, m)
		}
		if k.size == 8 {
			VMOVMSKPD(m, r.As32())
		} else {
			VMOVMSKPS(m, r.As32())
		}
		if negate {
			XORL(U32(all), r.As32())
		}
		return r
	}
	load := func(t *tail, p Mem) VecVirtual {
		a := v.vec()
		ld(v, t, k.size, p, a)
		if bs != nil {
			c := v.vec()
			VPXOR(bs, a, c)
			return c
		}
		return a
	}
	stream(v, name, n, lanes, nil, func(e int, t *tail) {
		a := load(t, Mem{Base: xp, Disp: e * k.size})
		b := s
		if !scalar {
			b = load(t, Mem{Base: yp, Disp: e * k.size})
		}
		r := bits(a, b)
		if t != nil {
			// Write n bytes, one bit at a time.
			Label(name + "_bytes")
			c := GP64()
			MOVL(r.As32(), c.As32())
			ANDL(U32(1), c.As32())
			MOVB(c.As8(), Mem{Base: dp})
			SHRQ(U8(1), r)
			INCQ(dp)
			DECQ(n)
			JNZ(LabelRef(name + "_bytes"))
			return
		}
		for done := 0; done < lanes; done += 8 {
			c := GP64()
			if done > 0 {
				MOVL(r.As32(), c.As32())
				SHRL(U8(done), c.As32())
				ANDL(U32(0xff), c.As32())
			} else if lanes > 8 {
				MOVL(r.As32(), c.As32())
				ANDL(U32(0xff), c.As32())
			} else {
				c = r
			}
			w := GP64()
			MOVQ(Mem{Base: tbl, Index: c, Scale: 8}, w)
			if lanes == 4 {
				MOVL(w.As32(), Mem{Base: dp, Disp: e + done})
			} else {
				MOVQ(w, Mem{Base: dp, Disp: e + done})
			}
		}
	}, func(elems int) {
		ADDQ(U32(elems), dp)
		ADDQ(U32(elems*k.size), xp)
		if !scalar {
			ADDQ(U32(elems*k.size), yp)
		}
	})
	return name, lanes
}

// compareSmall emits a comparison of 8- or 16-bit integers into bools:
// the comparison gives a mask (AVX-512) or lanes of ones (AVX2), made
// bytes of 0 or 1; 32 results a step (64 for bytes at AVX-512).
func compareSmall(v isa, k kind, op string, scalar bool) (string, int) {
	sym := map[string]string{"eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}[op]
	typ := map[string]string{"I8": "int8", "I16": "int16", "U8": "uint8", "U16": "uint16"}[k.name]
	lanes := v.bytes / k.size
	if !v.avx512 {
		lanes = 32
	}
	name := begin(v, k, op, scalar, "x[i] "+sym+" y[i] of "+typ+", a bool", lanes)
	dp := Load(Param("d"), GP64())
	xp := Load(Param("x"), GP64())
	yp := Load(Param("y"), GP64())
	n := Load(Param("n"), GP64())

	var s VecVirtual
	if scalar {
		s = v.vec()
		bcast(v, k.size, Mem{Base: yp}, s)
	}
	var bs, ones VecVirtual
	negate := false
	if !v.avx512 {
		if !k.signed && op != "eq" && op != "ne" {
			bs = bias(v, k.size)
			if scalar {
				t := v.vec()
				VPXOR(bs, s, t)
				s = t
			}
		}
		negate = op == "ne" || op == "le" || op == "ge"
		if negate {
			ones = v.vec()
			VPCMPEQB(ones, ones, ones)
		}
	}
	load := func(t *tail, p Mem) VecVirtual {
		a := v.vec()
		ld(v, t, k.size, p, a)
		if bs != nil {
			c := v.vec()
			VPXOR(bs, a, c)
			return c
		}
		return a
	}
	// cmp2 compares a and b into lanes of ones (AVX2).
	cmp2 := func(a, b VecVirtual) VecVirtual {
		eq := pick(k.size, VPCMPEQB, VPCMPEQW, nil, nil)
		gt := pick(k.size, VPCMPGTB, VPCMPGTW, nil, nil)
		m := v.vec()
		switch op {
		case "eq", "ne":
			eq(b, a, m)
		case "gt", "le": // a > b
			gt(b, a, m)
		default: // lt, ge: b > a
			gt(a, b, m)
		}
		return m
	}
	stream(v, name, n, lanes, nil, func(e int, t *tail) {
		in := Mem{Base: xp, Disp: e * k.size}
		out := Mem{Base: dp, Disp: e}
		if v.avx512 {
			a := load(t, in)
			b := s
			if !scalar {
				b = load(t, Mem{Base: yp, Disp: e * k.size})
			}
			kr := K()
			f := map[string]func(...Op){"I8": VPCMPB, "U8": VPCMPUB, "I16": VPCMPW, "U16": VPCMPUW}[k.name]
			f(Imm(uint64(intPred[op])), b, a, kr)
			var r VecVirtual = ZMM()
			if k.size == 2 {
				r = YMM()
			}
			VPMOVM2B(kr, r)
			VPABSB(r, r)
			switch {
			case t != nil:
				VMOVDQU8(r, t.k, out)
			case k.size == 2:
				VMOVDQU(r, out)
			default:
				VMOVDQU64(r, out)
			}
			return
		}
		var r VecVirtual
		if k.size == 1 {
			a := load(nil, in)
			b := s
			if !scalar {
				b = load(nil, Mem{Base: yp, Disp: e})
			}
			r = cmp2(a, b)
		} else {
			var m [2]VecVirtual
			for h := range m {
				a := load(nil, Mem{Base: xp, Disp: e*2 + 32*h})
				b := s
				if !scalar {
					b = load(nil, Mem{Base: yp, Disp: e*2 + 32*h})
				}
				m[h] = cmp2(a, b)
			}
			p := v.vec()
			VPACKSSWB(m[1], m[0], p) // quadwords: m0 lo, m1 lo, m0 hi, m1 hi
			r = v.vec()
			VPERMQ(U8(0xd8), p, r)
		}
		if negate {
			VPXOR(ones, r, r)
		}
		VPABSB(r, r)
		VMOVDQU(r, out)
	}, func(elems int) {
		ADDQ(U32(elems), dp)
		ADDQ(U32(elems*k.size), xp)
		if !scalar {
			ADDQ(U32(elems*k.size), yp)
		}
	})
	return name, lanes
}

// complexArith emits complex +, - and *. The product is Go's on amd64:
// (a+bi)(c+di) = (a*c - b*d) + (a*d + b*c)i, each product rounded, no
// fused multiply-add; complex64 values are widened to float64 for it and
// the results narrowed, as the Go compiler does.
func complexArith(v isa, k kind, op string, scalar bool) (string, int) {
	sym := map[string]string{"add": "x[i] + y[i]", "sub": "x[i] - y[i]", "mul": "x[i] * y[i]"}[op]
	typ := map[string]string{"C64": "complex64", "C128": "complex128"}[k.name]
	lanes := v.bytes / k.size // for + and -
	if op == "mul" {
		lanes = v.bytes / 16 // the products are in float64 vectors
	}
	name := begin(v, k, op, scalar, sym+" of "+typ, lanes)
	dp := Load(Param("d"), GP64())
	xp := Load(Param("x"), GP64())
	yp := Load(Param("y"), GP64())
	n := Load(Param("n"), GP64())
	part := k.size / 2 // float size
	twice := func(n Register) Register {
		m := GP64()
		LEAQ(Mem{Base: n, Index: n, Scale: 1}, m)
		return m
	}

	if op != "mul" {
		f := map[string]func(...Op){"addF64": VADDPD, "subF64": VSUBPD, "addF32": VADDPS, "subF32": VSUBPS}[op+map[int]string{8: "F64", 4: "F32"}[part]]
		var s VecVirtual
		if scalar {
			s = v.vec()
			if k.size == 16 {
				if v.avx512 {
					VBROADCASTF32X4(Mem{Base: yp}, s)
				} else {
					VBROADCASTF128(Mem{Base: yp}, s)
				}
			} else {
				VPBROADCASTQ(Mem{Base: yp}, s)
			}
		}
		stream(v, name, n, lanes, twice, func(e int, t *tail) {
			off := e * k.size
			a := v.vec()
			ld(v, t, part, Mem{Base: xp, Disp: off}, a)
			b := s
			if !scalar {
				b = v.vec()
				ld(v, t, part, Mem{Base: yp, Disp: off}, b)
			}
			r := v.vec()
			f(b, a, r)
			st(v, t, part, r, Mem{Base: dp, Disp: off})
		}, func(elems int) {
			ADDQ(U32(elems*k.size), dp)
			ADDQ(U32(elems*k.size), xp)
			if !scalar {
				ADDQ(U32(elems*k.size), yp)
			}
		})
		return name, lanes
	}

	// The narrow vectors that hold lanes complex64 values.
	narrow := func() VecVirtual {
		if v.avx512 {
			return YMM()
		}
		return XMM()
	}
	var keven Register
	if v.avx512 {
		g := GP64()
		MOVL(U32(0x55), g.As32())
		keven = K()
		KMOVW(g.As32(), keven)
	}
	// loadWide loads lanes complex values at p as float64 pairs.
	loadWide := func(t *tail, p Mem) VecVirtual {
		w := v.vec()
		if k.size == 16 {
			ld(v, t, 8, p, w)
			return w
		}
		h := narrow()
		switch {
		case !v.avx512:
			VMOVUPS(p, h)
		case t == nil:
			VMOVUPS(p, h)
		default:
			VMOVUPS_Z(p, t.k, h)
		}
		VCVTPS2PD(h, w)
		return w
	}
	var ys, yb VecVirtual
	if scalar {
		yb = v.vec()
		if k.size == 16 {
			if v.avx512 {
				VBROADCASTF32X4(Mem{Base: yp}, yb)
			} else {
				VBROADCASTF128(Mem{Base: yp}, yb)
			}
		} else {
			h := narrow()
			if v.avx512 {
				VBROADCASTSD(Mem{Base: yp}, h)
			} else {
				VMOVDDUP(Mem{Base: yp}, h)
			}
			VCVTPS2PD(h, yb)
		}
		ys = v.vec()
		VPERMILPD(U8(0x55), yb, ys)
	}
	stream(v, name, n, lanes, twice, func(e int, t *tail) {
		off := e * k.size
		x := loadWide(t, Mem{Base: xp, Disp: off})
		y, sw := yb, ys
		if !scalar {
			y = loadWide(t, Mem{Base: yp, Disp: off})
			sw = v.vec()
			VPERMILPD(U8(0x55), y, sw) // (d, c)
		}
		xr, xi := v.vec(), v.vec()
		VMOVDDUP(x, xr)            // (a, a)
		VPERMILPD(U8(0xff), x, xi) // (b, b)
		t1, t2 := v.vec(), v.vec()
		VMULPD(y, xr, t1)  // (a*c, a*d)
		VMULPD(sw, xi, t2) // (b*d, b*c)
		r := v.vec()
		if v.avx512 {
			VADDPD(t2, t1, r)        // (., a*d + b*c)
			VSUBPD(t2, t1, keven, r) // (a*c - b*d, .)
		} else {
			VADDSUBPD(t2, t1, r)
		}
		if k.size == 16 {
			st(v, t, 8, r, Mem{Base: dp, Disp: off})
			return
		}
		h := narrow()
		if v.avx512 {
			VCVTPD2PS(r, h)
		} else {
			VCVTPD2PSY(r, h)
		}
		switch {
		case !v.avx512, t == nil:
			VMOVUPS(h, Mem{Base: dp, Disp: off})
		default:
			VMOVUPS(h, t.k, Mem{Base: dp, Disp: off})
		}
	}, func(elems int) {
		ADDQ(U32(elems*k.size), dp)
		ADDQ(U32(elems*k.size), xp)
		if !scalar {
			ADDQ(U32(elems*k.size), yp)
		}
	})
	return name, lanes
}
