// Package random provides explicitly seeded random number generators that
// give bit for bit the numbers of NumPy's default generator,
// numpy.random.default_rng(seed): a PCG64 bit generator (the XSL-RR 128-bit
// LCG) seeded through NumPy's SeedSequence, and NumPy's Generator algorithms
// on top of it (53-bit uniform floats, the 256-level ziggurat for normals,
// Lemire's method for bounded integers, Fisher–Yates shuffles with masked
// rejection).
//
// A Generator has a scalar core that works on Go values (Float64,
// NormFloat64, Int64n, Uint64, ...) and methods that return arrays
// (Random, Uniform, Normal, StandardNormal, Integers, Permutation). The
// array methods draw exactly what the NumPy call with the same arguments
// and size draws, in the same order; for the dtypes offered here (float64,
// float32 and int64) that is also what as many successive scalar draws give.
//
//	g := random.New(42)          // numpy.random.default_rng(42)
//	x := g.Random(3)             // rng.random(3)
//	k := g.Integers(0, 10, 2, 2) // rng.integers(0, 10, size=(2, 2))
//
// The non-uniform distributions are NumPy's samplers (distributions.c and
// _generator.pyx of NumPy 1.24) on the same stream: StandardExponential
// and Exponential (NumPy's exponential ziggurat), StandardGamma and Gamma
// (Marsaglia–Tsang, NumPy's rejection for shape < 1), Beta (Johnk for
// a, b <= 1, else two gammas), Poisson (multiplication below lam 10, PTRS
// above), Binomial (inversion or BTPE), Lognormal, ChiSquare,
// StandardCauchy, Laplace, Logistic, Geometric, Weibull, Pareto, Rayleigh,
// Triangular, NegativeBinomial and Hypergeometric; Choice, Shuffle of
// arrays (by rows), Permuted and MultivariateNormal complete NumPy's
// Generator methods.
// Where NumPy's C code calls exp, log or pow for a value, this package
// computes them in double-double precision and rounds once, which gives
// the C library's result except in rare near-halfway cases (1 ulp); Go's
// math.Pow, off by hundreds of ulps for pow(u, 1000), would not.
//
// PCG64 makes 64-bit outputs. Draws that need 32 bits (Uint32, Float32,
// integers with a range below 2**32, permutations and shuffles of fewer
// than 2**32+1 elements) take the low half of an output and keep the high
// half for the next such draw, whatever is drawn in between, as NumPy's
// PCG64 does (its has_uint32 state). NumPy's 8- and 16-bit and bool
// integers also keep a buffer local to one call, so for those dtypes a
// vectorised call and successive scalar calls differ; this package offers
// none of them.
//
// The rare wedge test of the ziggurat compares with exp(-x*x/2); Go's
// math.Exp and the C library's may differ in the last bit, which could only
// change a result when the comparison falls within that bit (none seen in
// 40 million normals compared with NumPy).
//
// A Generator draws on the CPU. The methods that take arrays (Choice,
// Shuffle, Permuted, MultivariateNormal) accept arrays of another device
// (a GPU): they read copies, give the notice that they ran on the CPU (see
// arrays.SetNotice), and return their result on that device; Shuffle
// writes back into the array. Arrays of two devices in one call panic with
// an *arrays.DeviceError.
//
// A Generator is not safe for concurrent use: give each goroutine its own,
// with its own seed. Misuse (an empty range, a negative scale or size)
// panics with an *Error.
package random
