package random

import "math/bits"

// PCG64's multiplier, 0x2360ed051fc65da44385df649fccf645.
const (
	pcgMultHi = 0x2360ed051fc65da4
	pcgMultLo = 0x4385df649fccf645
)

// pcg64 is NumPy's PCG64 bit generator: a 128-bit LCG with the XSL-RR
// output function, plus the 32-bit buffer of pcg64_next32 (has_uint32,
// uinteger).
type pcg64 struct {
	stateHi, stateLo uint64
	incHi, incLo     uint64
	hasUint32        bool
	uinteger         uint32
}

// seed is NumPy's PCG64 seeded from a SeedSequence: four 64-bit words from
// generate_state, then pcg64_set_seed and pcg_setseq_128_srandom_r.
func (p *pcg64) seed(entropy []uint32) {
	w := generateState(seedPool(entropy), 4)
	// initstate = w0<<64 | w1, initseq = w2<<64 | w3, inc = initseq<<1 | 1.
	*p = pcg64{
		incHi: w[2]<<1 | w[3]>>63,
		incLo: w[3]<<1 | 1,
	}
	p.step()
	var c uint64
	p.stateLo, c = bits.Add64(p.stateLo, w[1], 0)
	p.stateHi, _ = bits.Add64(p.stateHi, w[0], c)
	p.step()
}

// step advances the LCG: state = state*mult + inc (mod 2^128).
func (p *pcg64) step() {
	hi, lo := bits.Mul64(p.stateLo, pcgMultLo)
	hi += p.stateHi*pcgMultLo + p.stateLo*pcgMultHi
	var c uint64
	p.stateLo, c = bits.Add64(lo, p.incLo, 0)
	p.stateHi, _ = bits.Add64(hi, p.incHi, c)
}

// next64 is pcg64_next64: step, then XSL-RR output.
func (p *pcg64) next64() uint64 {
	p.step()
	return bits.RotateLeft64(p.stateHi^p.stateLo, -int(p.stateHi>>58))
}

// next32 is pcg64_next32: the low half of a fresh 64-bit output, keeping
// the high half for the next call.
func (p *pcg64) next32() uint32 {
	if p.hasUint32 {
		p.hasUint32 = false
		return p.uinteger
	}
	n := p.next64()
	p.hasUint32 = true
	p.uinteger = uint32(n >> 32)
	return uint32(n)
}

// nextDouble is next_double: 53 random bits scaled into [0, 1).
func (p *pcg64) nextDouble() float64 {
	return float64(p.next64()>>11) * (1.0 / 9007199254740992.0)
}

// nextFloat is next_float: 24 random bits of next32 scaled into [0, 1).
func (p *pcg64) nextFloat() float32 {
	return float32(p.next32()>>8) * (1.0 / 16777216.0)
}
