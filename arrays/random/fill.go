package random

import "math"

// The vectorised draws behind the array methods, on Go slices. Each fills
// its slice in order with what the matching NumPy call with size=len(out)
// draws; the argument checks are NumPy's.

func (g *Generator) uniform(low, rng float64) float64 {
	return low + rng*g.bitgen.nextDouble()
}

func (g *Generator) fillRandom(out []float64) {
	for i := range out {
		out[i] = g.bitgen.nextDouble()
	}
}

func (g *Generator) fillRandom32(out []float32) {
	for i := range out {
		out[i] = g.bitgen.nextFloat()
	}
}

// uniformRange checks the arguments of Uniform as NumPy does and returns
// high - low.
func uniformRange(low, high float64) float64 {
	rng := high - low
	if math.IsInf(rng, 0) || math.IsNaN(rng) {
		panic(errorf("Uniform", "high - low range exceeds valid bounds (low %v, high %v)", low, high))
	}
	if rng < 0 {
		panic(errorf("Uniform", "high - low < 0 (low %v, high %v)", low, high))
	}
	return rng
}

func (g *Generator) fillUniform(out []float64, low, high float64) {
	rng := uniformRange(low, high)
	for i := range out {
		out[i] = g.uniform(low, rng)
	}
}

// checkScale panics unless scale is >= 0 (NumPy rejects -0.0 too, and lets
// NaN through).
func checkScale(op string, scale float64) {
	if math.Signbit(scale) && !math.IsNaN(scale) {
		panic(errorf(op, "scale < 0 (scale %v)", scale))
	}
}

func (g *Generator) fillNormal(out []float64, loc, scale float64) {
	checkScale("Normal", scale)
	for i := range out {
		out[i] = loc + scale*g.bitgen.standardNormal()
	}
}

func (g *Generator) fillStandardNormal(out []float64) {
	for i := range out {
		out[i] = g.bitgen.standardNormal()
	}
}

// fillIntegers is random_bounded_uint64_fill for int64 [low, high).
func (g *Generator) fillIntegers(out []int64, low, high int64) {
	if high <= low {
		panic(errorf("Integers", "low >= high (low %d, high %d)", low, high))
	}
	off, rng := uint64(low), uint64(high)-1-uint64(low)
	for i := range out {
		out[i] = int64(g.bitgen.bounded(off, rng))
	}
}

func (g *Generator) permutation(n int) []int64 {
	if n < 0 {
		panic(errorf("Permutation", "negative n %d", n))
	}
	p := make([]int64, n)
	for i := range p {
		p[i] = int64(i)
	}
	shuffleSlice(&g.bitgen, p)
	return p
}
