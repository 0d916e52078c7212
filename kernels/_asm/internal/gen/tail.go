package gen

import (
	"math"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// Masks is the table behind the AVX2 tail masks of one generator: 32 bytes
// of ones, then 32 bytes of zeros.
type Masks struct{ table Mem }

// NewMasks emits the tail-mask table under name.
func NewMasks(name string) Masks {
	m := GLOBL(name, RODATA|NOPTR)
	for i := 0; i < 8; i++ {
		bits := uint64(0)
		if i < 4 {
			bits = math.MaxUint64
		}
		DATA(8*i, U64(bits))
	}
	return Masks{table: m}
}

// Tail is what a masked vector of float elements needs: an AVX-512 mask
// register K or an AVX2 mask vector M of its lanes. A nil *Tail stands for
// a whole vector.
type Tail struct {
	K Register
	M VecVirtual
}

// Tail builds the mask of the first n (0 < n < lanes) lanes of elements of
// e.
func (t Masks) Tail(e Elem, v ISA, n Register) Tail {
	if v.AVX512 {
		ones, bits := GP64(), GP64()
		MOVQ(I64(-1), ones)
		BZHIQ(n, ones, bits)
		k := K()
		KMOVW(bits.As32(), k)
		return Tail{K: k}
	}
	// 32 bytes of the table from offset 32 - n*size: n*size bytes of
	// ones, then zeros.
	off, base, c := GP64(), GP64(), GP64()
	MOVQ(U64(32), off)
	MOVQ(n, c)
	SHLQ(U8(e.Shift()), c)
	SUBQ(c, off)
	LEAQ(t.table, base)
	m := YMM()
	VMOVDQU(Mem{Base: base, Index: off, Scale: 1}, m)
	return Tail{M: m}
}

// Load loads a vector from p, or with a tail only its lanes (the others
// are zero).
func (tl *Tail) Load(e Elem, p Mem, dst VecVirtual) {
	switch {
	case tl == nil:
		e.Movu(p, dst)
	case tl.K != nil:
		e.MovuZ(p, tl.K, dst)
	default:
		e.Maskmov(p, tl.M, dst)
	}
}

// Store stores a vector to p, or with a tail only its lanes.
func (tl *Tail) Store(e Elem, src VecVirtual, p Mem) {
	switch {
	case tl == nil:
		e.Movu(src, p)
	case tl.K != nil:
		e.Movu(src, tl.K, p)
	default:
		e.Maskmov(src, tl.M, p)
	}
}

// StreamLoop emits an element-wise kernel's loop over n elements of e and
// its return: Unroll vectors at a time, then one, then a masked tail. body
// gets the byte offset from the pointers and the tail (nil for whole
// vectors); advance moves the pointers on by a number of bytes. Labels
// start with prefix.
func (t Masks) StreamLoop(e Elem, v ISA, prefix string, n Register, body func(off int, tl *Tail), advance func(bytes int)) {
	UnrolledLoop(prefix, n, v.Lanes(e.Size), prefix+"_tail",
		func(u int) { body(u*v.Bytes, nil) },
		func(k int) { advance(k * v.Bytes) })

	Label(prefix + "_tail")
	TESTQ(n, n)
	JZ(LabelRef(prefix + "_done"))
	tl := t.Tail(e, v, n)
	body(0, &tl)

	Label(prefix + "_done")
	VZEROUPPER()
	RET()
}
