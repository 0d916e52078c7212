package gen

import (
	"math"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
)

// Splat emits a 64-byte read-only constant called name holding 64/size
// copies of the low size bytes of bits; size is 8 or 4. AVX2 code reads
// its first 32 bytes.
func Splat(name string, size int, bits uint64) Mem {
	m := GLOBL(name, RODATA|NOPTR)
	for i := 0; i < 64/size; i++ {
		if size == 8 {
			DATA(8*i, U64(bits))
		} else {
			DATA(4*i, U32(uint32(bits)))
		}
	}
	return m
}

// Pool makes the 64-byte constants of one generator, each called
// Prefix+name.
type Pool struct{ Prefix string }

// Bits64 returns a new constant of eight copies of a 64-bit pattern.
func (p Pool) Bits64(name string, bits uint64) Mem { return Splat(p.Prefix+name, 8, bits) }

// F64 returns a new constant of eight copies of a float64.
func (p Pool) F64(name string, x float64) Mem { return p.Bits64(name, math.Float64bits(x)) }
