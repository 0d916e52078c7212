package random

import (
	"math"
	"math/bits"
)

// The samplers of numpy/random/src/distributions/distributions.c, on PCG64.

const (
	zigguratNorR    = 3.6541528853610087963519472518
	zigguratNorInvR = 0.27366123732975827203338247596
)

// standardNormal is random_standard_normal: NumPy's 256-level ziggurat.
// One 64-bit draw gives the layer (8 bits), the sign (1 bit) and a 52-bit
// mantissa; the rare rejections draw more uniforms.
func (p *pcg64) standardNormal() float64 {
	for {
		r := p.next64()
		idx := r & 0xff
		r >>= 8
		sign := r & 1
		rabs := (r >> 1) & 0x000fffffffffffff
		x := float64(rabs) * wiDouble[idx]
		if sign != 0 {
			x = -x
		}
		if rabs < kiDouble[idx] {
			return x // 99.3% of the time
		}
		if idx == 0 {
			// The tail beyond r, by Marsaglia's method.
			for {
				xx := -zigguratNorInvR * math.Log1p(-p.nextDouble())
				yy := -math.Log1p(-p.nextDouble())
				if yy+yy > xx*xx {
					if (rabs>>8)&1 != 0 {
						return -(zigguratNorR + xx)
					}
					return zigguratNorR + xx
				}
			}
		}
		if (fiDouble[idx-1]-fiDouble[idx])*p.nextDouble()+fiDouble[idx] < math.Exp(-0.5*x*x) {
			return x
		}
	}
}

// bounded is random_bounded_uint64 with use_masked false: a number in
// [off, off+rng] (wrapping), by Lemire's method. Ranges that fit in 32 bits
// use next32, and so the PCG64's 32-bit buffer; this is also what each
// element of random_bounded_uint64_fill does (its own buffer is unused on
// this path), so a vectorised draw equals successive scalar draws.
func (p *pcg64) bounded(off, rng uint64) uint64 {
	switch {
	case rng == 0:
		return off
	case rng < math.MaxUint32:
		return off + uint64(p.lemire32(uint32(rng)))
	case rng == math.MaxUint32:
		// What NumPy 1.24 draws for a range of exactly 2**32 values: one
		// next32, as Lemire's method gives with a 64-bit product.
		return off + uint64(p.next32())
	case rng == math.MaxUint64:
		return off + p.next64()
	default:
		return off + p.lemire64(rng)
	}
}

// lemire32 is buffered_bounded_lemire_uint32: a number in [0, rng].
// rng must not be MaxUint32.
func (p *pcg64) lemire32(rng uint32) uint32 {
	excl := rng + 1
	m := uint64(p.next32()) * uint64(excl)
	if leftover := uint32(m); leftover < excl {
		threshold := (math.MaxUint32 - rng) % excl
		for leftover < threshold {
			m = uint64(p.next32()) * uint64(excl)
			leftover = uint32(m)
		}
	}
	return uint32(m >> 32)
}

// lemire64 is bounded_lemire_uint64: a number in [0, rng]. rng must not be
// MaxUint64.
func (p *pcg64) lemire64(rng uint64) uint64 {
	excl := rng + 1
	hi, lo := bits.Mul64(p.next64(), excl)
	if lo < excl {
		threshold := (math.MaxUint64 - rng) % excl
		for lo < threshold {
			hi, lo = bits.Mul64(p.next64(), excl)
		}
	}
	return hi
}

// interval is random_interval: a number in [0, max] by masked rejection,
// from next32 when max fits in 32 bits and from next64 otherwise.
func (p *pcg64) interval(max uint64) uint64 {
	if max == 0 {
		return 0
	}
	mask := max
	mask |= mask >> 1
	mask |= mask >> 2
	mask |= mask >> 4
	mask |= mask >> 8
	mask |= mask >> 16
	mask |= mask >> 32
	if max <= math.MaxUint32 {
		for {
			if v := uint64(p.next32()) & mask; v <= max {
				return v
			}
		}
	}
	for {
		if v := p.next64() & mask; v <= max {
			return v
		}
	}
}

// shuffle is NumPy's Fisher–Yates shuffle (Generator.shuffle of a 1-D
// array): for i from n-1 down to 1, swap i with random_interval(i).
func (p *pcg64) shuffle(n int, swap func(i, j int)) {
	for i := n - 1; i > 0; i-- {
		j := int(p.interval(uint64(i)))
		swap(i, j)
	}
}

func shuffleSlice[T any](p *pcg64, s []T) {
	for i := len(s) - 1; i > 0; i-- {
		j := p.interval(uint64(i))
		s[i], s[j] = s[j], s[i]
	}
}
