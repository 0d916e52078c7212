package random

import (
	"math"
	"reflect"

	"workbench/arrays"
)

//go:generate /usr/bin/python3 testdata/ziggurat.py
//go:generate /usr/bin/python3 testdata/generate.py
//go:generate /usr/bin/python3 testdata/generate_dist.py

// Generator is a seeded source of random numbers that draws what NumPy's
// numpy.random.default_rng with the same seed draws: NumPy's Generator
// over a PCG64 bit generator seeded by a SeedSequence.
//
// The zero value is not usable; make one with New or NewWords. A Generator
// is not safe for concurrent use.
type Generator struct {
	entropy []uint32
	bitgen  pcg64
}

// New returns a generator equal to numpy.random.default_rng(seed).
func New(seed uint64) *Generator {
	return NewWords(seedWords(seed)...)
}

// NewWords returns a generator seeded with a list of 32-bit words, equal to
// numpy.random.default_rng([w0, w1, ...]) when every word is below 2**32.
// NewWords(uint32(s), uint32(s>>32)) equals New(s): NumPy pads short
// entropy with zeros.
func NewWords(words ...uint32) *Generator {
	g := &Generator{entropy: append([]uint32{}, words...)}
	g.bitgen.seed(g.entropy)
	return g
}

// Seed returns the seed: the value given to New, or for NewWords, the
// first two words as an integer (w0 + w1<<32), which is the whole seed when
// the other words are zero or there are none.
func (g *Generator) Seed() uint64 {
	var s uint64
	for i := 0; i < len(g.entropy) && i < 2; i++ {
		s |= uint64(g.entropy[i]) << (32 * uint(i))
	}
	return s
}

// Entropy returns the seed as NumPy's SeedSequence sees it: the list of
// 32-bit words, least significant first (a copy).
func (g *Generator) Entropy() []uint32 { return append([]uint32{}, g.entropy...) }

// Uint64 returns the next raw 64-bit output of the PCG64 bit generator
// (rng.bit_generator.random_raw()).
func (g *Generator) Uint64() uint64 { return g.bitgen.next64() }

// Uint32 returns the next 32-bit output of the bit generator, NumPy's
// next_uint32: the low half of a fresh 64-bit output, then its high half at
// the next call. Bounded integers with a range below 2**32, permutations
// and float32 draws share this buffer.
func (g *Generator) Uint32() uint32 { return g.bitgen.next32() }

// Float64 returns a uniform float64 in [0, 1), one rng.random(): 53 bits
// of one 64-bit output.
func (g *Generator) Float64() float64 { return g.bitgen.nextDouble() }

// Float32 returns a uniform float32 in [0, 1), one
// rng.random(dtype=np.float32): 24 bits of one 32-bit output (see Uint32).
func (g *Generator) Float32() float32 { return g.bitgen.nextFloat() }

// NormFloat64 returns a standard normal float64, one rng.standard_normal(),
// by NumPy's ziggurat.
func (g *Generator) NormFloat64() float64 { return g.bitgen.standardNormal() }

// Int64n returns an integer in [low, high), one rng.integers(low, high).
// Ranges below 2**32 draw 32-bit outputs (see Uint32), wider ones 64-bit
// outputs, by Lemire's method; n successive calls give what
// rng.integers(low, high, size=n) gives. It panics if high <= low.
func (g *Generator) Int64n(low, high int64) int64 {
	if high <= low {
		panic(errorf("Int64n", "low >= high (low %d, high %d)", low, high))
	}
	return int64(g.bitgen.bounded(uint64(low), uint64(high)-1-uint64(low)))
}

// Perm returns a random permutation of 0, 1, ..., n-1 as ints, the values
// of rng.permutation(n). It panics if n < 0.
func (g *Generator) Perm(n int) []int {
	if n < 0 {
		panic(errorf("Perm", "negative n %d", n))
	}
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	shuffleSlice(&g.bitgen, p)
	return p
}

// Shuffle shuffles x in place as rng.shuffle does: x may be a Go slice of
// any element type (shuffled as a 1-D array or list of the same length), or
// an *arrays.Array of at least one dimension, whose sub-arrays along the
// first axis are shuffled with the same sequence of swaps. Anything else
// panics with an *Error.
func (g *Generator) Shuffle(x any) {
	switch s := x.(type) {
	case *arrays.Array:
		g.shuffleArray(s)
	case []float64:
		shuffleSlice(&g.bitgen, s)
	case []float32:
		shuffleSlice(&g.bitgen, s)
	case []int:
		shuffleSlice(&g.bitgen, s)
	case []int64:
		shuffleSlice(&g.bitgen, s)
	case []int32:
		shuffleSlice(&g.bitgen, s)
	case []int16:
		shuffleSlice(&g.bitgen, s)
	case []int8:
		shuffleSlice(&g.bitgen, s)
	case []uint:
		shuffleSlice(&g.bitgen, s)
	case []uint64:
		shuffleSlice(&g.bitgen, s)
	case []uint32:
		shuffleSlice(&g.bitgen, s)
	case []uint16:
		shuffleSlice(&g.bitgen, s)
	case []uint8:
		shuffleSlice(&g.bitgen, s)
	case []bool:
		shuffleSlice(&g.bitgen, s)
	case []complex128:
		shuffleSlice(&g.bitgen, s)
	case []complex64:
		shuffleSlice(&g.bitgen, s)
	case []string:
		shuffleSlice(&g.bitgen, s)
	default:
		v := reflect.ValueOf(x)
		if v.Kind() != reflect.Slice {
			panic(errorf("Shuffle", "want a slice, got %T", x))
		}
		g.bitgen.shuffle(v.Len(), reflect.Swapper(x))
	}
}

// checkShape returns the number of elements of shape, panicking if a
// dimension is negative or the size overflows an int.
func checkShape(op string, shape []int) int {
	n := 1
	for _, d := range shape {
		if d < 0 {
			panic(errorf(op, "negative dimensions are not allowed (shape %v)", shape))
		}
		if d != 0 && n > math.MaxInt/d {
			panic(errorf(op, "shape %v is too large", shape))
		}
		n *= d
	}
	return n
}
