package random

// NumPy's SeedSequence (numpy/random/bit_generator.pyx), reduced to what
// default_rng needs: no spawn key, a pool of four 32-bit words.

const (
	poolSize = 4

	initA    uint32 = 0x43b0d7e5
	multA    uint32 = 0x931e8875
	initB    uint32 = 0x8b51f9dd
	multB    uint32 = 0x58f38ded
	mixMultL uint32 = 0xca01f9dd
	mixMultR uint32 = 0x4973f715
	xshift          = 16
)

// seedWords splits a non-negative integer into little-endian 32-bit words,
// as NumPy's _int_to_uint32_array does (0 gives one word, 0).
func seedWords(seed uint64) []uint32 {
	if seed>>32 == 0 {
		return []uint32{uint32(seed)}
	}
	return []uint32{uint32(seed), uint32(seed >> 32)}
}

// hashmix is NumPy's hashmix: it hashes value with the running constant h
// and advances h.
func hashmix(value uint32, h *uint32) uint32 {
	value ^= *h
	*h *= multA
	value *= *h
	value ^= value >> xshift
	return value
}

// mix is NumPy's mix of two pool words.
func mix(x, y uint32) uint32 {
	r := mixMultL*x - mixMultR*y
	r ^= r >> xshift
	return r
}

// seedPool is SeedSequence.mix_entropy: it mixes the entropy words into
// the pool.
func seedPool(entropy []uint32) [poolSize]uint32 {
	var pool [poolSize]uint32
	h := initA
	for i := range pool {
		var v uint32
		if i < len(entropy) {
			v = entropy[i]
		}
		pool[i] = hashmix(v, &h)
	}
	for src := range pool {
		for dst := range pool {
			if src != dst {
				pool[dst] = mix(pool[dst], hashmix(pool[src], &h))
			}
		}
	}
	for src := poolSize; src < len(entropy); src++ {
		for dst := range pool {
			pool[dst] = mix(pool[dst], hashmix(entropy[src], &h))
		}
	}
	return pool
}

// generateState is SeedSequence.generate_state(n, np.uint64): n 64-bit
// words, each made of two consecutive 32-bit outputs, low word first.
func generateState(pool [poolSize]uint32, n int) []uint64 {
	out := make([]uint64, n)
	h := initB
	for i := 0; i < 2*n; i++ {
		v := pool[i%poolSize]
		v ^= h
		h *= multB
		v *= h
		v ^= v >> xshift
		out[i/2] |= uint64(v) << (32 * uint(i%2))
	}
	return out
}
