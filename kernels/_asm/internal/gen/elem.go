package gen

import (
	"math"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// Elem is a float element type and its instructions: the packed ones
// (vector forms), the scalar ones (suffix S) and the masked moves.
type Elem struct {
	Name   string // the part of the kernel names: "F64" or "F32"
	GoType string // "float64" or "float32"
	Size   int    // bytes per element

	Add, Sub, Mul, Div, Max, Min func(...Op)
	FMA231                       func(...Op) // dst = a*b + dst
	FMS231                       func(...Op) // dst = a*b - dst
	Cmp                          func(...Op) // with a predicate immediate
	Movu                         func(...Op) // unaligned move, masked with a K register
	MovuZ                        func(a, k, b Op)
	Maskmov                      func(a, b, c Op) // AVX2 masked move
	Bcast                        func(...Op)      // broadcast one element
	And, Or                      func(...Op)      // AVX2 forms
	AndAVX512, OrAVX512          func(...Op)      // AVX-512F forms
	Blendv                       func(a, b, c, d Op)
	MovS, AddS, MulS             func(...Op) // scalar forms

	// NaNBits is the NaN that the Go code writes: math.NaN() converted to
	// the type.
	NaNBits uint64
}

// Float64 is float64.
var Float64 = Elem{
	Name: "F64", GoType: "float64", Size: 8,
	Add: VADDPD, Sub: VSUBPD, Mul: VMULPD, Div: VDIVPD, Max: VMAXPD, Min: VMINPD,
	FMA231: VFMADD231PD, FMS231: VFMSUB231PD, Cmp: VCMPPD,
	Movu: VMOVUPD, MovuZ: VMOVUPD_Z, Maskmov: VMASKMOVPD, Bcast: VBROADCASTSD,
	And: VANDPD, Or: VORPD, AndAVX512: VPANDQ, OrAVX512: VPORQ, Blendv: VBLENDVPD,
	MovS: VMOVSD, AddS: VADDSD, MulS: VMULSD,
	NaNBits: math.Float64bits(math.NaN()),
}

// Float32 is float32.
var Float32 = Elem{
	Name: "F32", GoType: "float32", Size: 4,
	Add: VADDPS, Sub: VSUBPS, Mul: VMULPS, Div: VDIVPS, Max: VMAXPS, Min: VMINPS,
	FMA231: VFMADD231PS, FMS231: VFMSUB231PS, Cmp: VCMPPS,
	Movu: VMOVUPS, MovuZ: VMOVUPS_Z, Maskmov: VMASKMOVPS, Bcast: VBROADCASTSS,
	And: VANDPS, Or: VORPS, AndAVX512: VPANDD, OrAVX512: VPORD, Blendv: VBLENDVPS,
	MovS: VMOVSS, AddS: VADDSS, MulS: VMULSS,
	// float32(math.NaN()) on amd64: the quiet bit, no payload.
	NaNBits: 0x7fc00000,
}

// Shift is log2 of the element size: the shift from an element count to
// bytes.
func (e Elem) Shift() uint8 { return ShiftOf(e.Size) }

// ShiftOf is log2 of an element size of 8 or 4 bytes.
func ShiftOf(size int) uint8 {
	if size == 8 {
		return 3
	}
	return 2
}

// LoadBroadcast loads the scalar parameter param, of type e, and returns a
// new vector holding it in every lane.
func LoadBroadcast(e Elem, v ISA, param string) VecVirtual {
	x := XMM()
	Load(Param(param), x)
	r := v.Vec()
	e.Bcast(x, r)
	return r
}
