package random

import "workbench/arrays"

// The array-returning draws. Each takes the shape of the result and draws
// what the NumPy call with size=shape draws, in C order; no shape gives a
// 0-d array holding one draw (NumPy's size=()).

// wrap adopts data as an array of the given shape.
func wrap(data any, shape []int) *arrays.Array {
	if len(shape) == 0 {
		return arrays.FromSlice(data).Reshape()
	}
	return arrays.FromSlice(data, shape...)
}

// Random returns a float64 array of uniform numbers in [0, 1), as
// rng.random(shape).
func (g *Generator) Random(shape ...int) *arrays.Array {
	out := make([]float64, checkShape("Random", shape))
	g.fillRandom(out)
	return wrap(out, shape)
}

// RandomFloat32 returns a float32 array of uniform numbers in [0, 1), as
// rng.random(shape, dtype=np.float32).
func (g *Generator) RandomFloat32(shape ...int) *arrays.Array {
	out := make([]float32, checkShape("RandomFloat32", shape))
	g.fillRandom32(out)
	return wrap(out, shape)
}

// Uniform returns a float64 array of uniform numbers in [low, high), as
// rng.uniform(low, high, shape): low + (high-low)*u. It panics if
// high < low or high - low overflows.
func (g *Generator) Uniform(low, high float64, shape ...int) *arrays.Array {
	out := make([]float64, checkShape("Uniform", shape))
	g.fillUniform(out, low, high)
	return wrap(out, shape)
}

// Normal returns a float64 array of normal numbers with mean loc and
// standard deviation scale, as rng.normal(loc, scale, shape). It panics if
// scale is negative.
func (g *Generator) Normal(loc, scale float64, shape ...int) *arrays.Array {
	out := make([]float64, checkShape("Normal", shape))
	g.fillNormal(out, loc, scale)
	return wrap(out, shape)
}

// StandardNormal returns a float64 array of standard normal numbers, as
// rng.standard_normal(shape).
func (g *Generator) StandardNormal(shape ...int) *arrays.Array {
	out := make([]float64, checkShape("StandardNormal", shape))
	g.fillStandardNormal(out)
	return wrap(out, shape)
}

// Integers returns an int64 array of integers in [low, high), as
// rng.integers(low, high, shape). It panics if high <= low.
func (g *Generator) Integers(low, high int64, shape ...int) *arrays.Array {
	out := make([]int64, checkShape("Integers", shape))
	g.fillIntegers(out, low, high)
	return wrap(out, shape)
}

// Permutation returns a random permutation of 0, 1, ..., n-1 as a 1-D
// int64 array, as rng.permutation(n). It panics if n < 0 (NumPy returns an
// empty array).
func (g *Generator) Permutation(n int) *arrays.Array {
	return arrays.FromSlice(g.permutation(n))
}
