package gen

import (
	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// Halves returns the lower half of the ZMM z (its YMM) and a new YMM
// holding its upper half.
func Halves(z VecVirtual) (lo, hi Register) {
	lo, hi = z.AsY(), YMM()
	VEXTRACTF64X4(U8(1), z, hi)
	return lo, hi
}

// FoldSum8F64 stores ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) at m, the eight
// float64 r0..r3 in the YMM lo and r4..r7 in the YMM hi: the order of
// blockSum in kernels/reduce.go.
func FoldSum8F64(lo, hi Register, m Mem) {
	t := YMM()
	VHADDPD(hi, lo, t) // r0+r1, r4+r5, r2+r3, r6+r7
	h := XMM()
	VEXTRACTF128(U8(1), t, h)
	VADDPD(h, t.AsX(), h) // (r0+r1)+(r2+r3), (r4+r5)+(r6+r7)
	VHADDPD(h, h, h)
	VMOVSD(h, m)
}
