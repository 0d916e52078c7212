package gen

import (
	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// ISA is one vector instruction set: AVX2 (32-byte vectors, lane masks
// held in vectors) or AVX-512 (64-byte vectors, lane masks in K
// registers).
type ISA struct {
	Name   string // the suffix of the kernel names: "AVX2" or "AVX512"
	Bytes  int    // bytes per vector
	AVX512 bool
}

// The two instruction sets.
var (
	AVX2   = ISA{Name: "AVX2", Bytes: 32}
	AVX512 = ISA{Name: "AVX512", Bytes: 64, AVX512: true}
)

// Vec returns a new vector register: a YMM or a ZMM.
func (v ISA) Vec() VecVirtual {
	if v.AVX512 {
		return ZMM()
	}
	return YMM()
}

// Lanes is the number of elements of size bytes in a vector.
func (v ISA) Lanes(size int) int { return v.Bytes / size }

// Mask returns a new lane mask: a vector for AVX2, a K register for
// AVX-512.
func (v ISA) Mask() Register {
	if v.AVX512 {
		return K()
	}
	return YMM()
}

// And sets dst = a & b (VPAND, VPANDQ).
func (v ISA) And(a, b, dst Op) {
	if v.AVX512 {
		VPANDQ(a, b, dst)
		return
	}
	VPAND(a, b, dst)
}

// Or sets dst = a | b (VPOR, VPORQ).
func (v ISA) Or(a, b, dst Op) {
	if v.AVX512 {
		VPORQ(a, b, dst)
		return
	}
	VPOR(a, b, dst)
}

// Xor sets dst = a ^ b (VPXOR, VPXORQ).
func (v ISA) Xor(a, b, dst Op) {
	if v.AVX512 {
		VPXORQ(a, b, dst)
		return
	}
	VPXOR(a, b, dst)
}

// RoundF64 rounds the float64 lanes of x into dst with the rounding
// immediate mode (0 to nearest even, 3 toward zero).
func (v ISA) RoundF64(mode uint64, x, dst Op) {
	if v.AVX512 {
		VRNDSCALEPD(Imm(mode), x, dst)
		return
	}
	VROUNDPD(Imm(mode), x, dst)
}

// BlendF64 sets the float64 lanes dst = mask ? a : b.
func (v ISA) BlendF64(mask Register, a, b, dst Op) {
	if v.AVX512 {
		VBLENDMPD(a, b, mask, dst)
		return
	}
	VBLENDVPD(mask, a, b, dst)
}

// ClearMask clears the lane mask m.
func (v ISA) ClearMask(m Register) {
	if v.AVX512 {
		KXORW(m, m, m)
		return
	}
	VPXOR(m, m, m)
}

// OrMask sets the lane mask acc |= m (float64 lanes for AVX2).
func (v ISA) OrMask(m, acc Register) {
	if v.AVX512 {
		KORW(m, acc, acc)
		return
	}
	VORPD(m, acc, acc)
}

// TestMask sets the zero flag when no lane of the mask m is set.
func (v ISA) TestMask(m Register) {
	if v.AVX512 {
		KORTESTW(m, m)
		return
	}
	VPTEST(m, m)
}

// SetIfAny sets the byte out to 1 when some lane of the mask acc is set,
// to 0 otherwise.
func (v ISA) SetIfAny(acc Register, out Op) {
	v.TestMask(acc)
	SETNE(out)
}
