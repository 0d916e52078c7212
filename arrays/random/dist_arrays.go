package random

import (
	"math"

	"workbench/arrays"
)

// The non-uniform distributions of NumPy's Generator. Each array method
// takes the distribution's parameters, then the shape of the result, and
// draws what the NumPy call with size=shape draws, in C order; no shape
// gives a 0-d array holding one draw. The checks on the parameters are
// NumPy's; a bad one panics with an *Error that names it and its value.

// poissonLamMax is NumPy's POISSON_LAM_MAX for a 64-bit long:
// iinfo(int64).max - sqrt(iinfo(int64).max)*10.
const poissonLamMax = 9.223372006484771e+18

func (g *Generator) floats(op string, shape []int, f func() float64) *arrays.Array {
	out := make([]float64, checkShape(op, shape))
	for i := range out {
		out[i] = f()
	}
	return wrap(out, shape)
}

func (g *Generator) ints(op string, shape []int, f func() int64) *arrays.Array {
	out := make([]int64, checkShape(op, shape))
	for i := range out {
		out[i] = f()
	}
	return wrap(out, shape)
}

// nonNegative is NumPy's CONS_NON_NEGATIVE: -0.0 is rejected too, NaN
// passes.
func nonNegative(op, name string, v float64) {
	if math.Signbit(v) && !math.IsNaN(v) {
		panic(errorf(op, "%s must be >= 0, got %v", name, v))
	}
}

// positive is NumPy's CONS_POSITIVE (NaN is rejected).
func positive(op, name string, v float64) {
	if !(v > 0) {
		panic(errorf(op, "%s must be > 0, got %v", name, v))
	}
}

// unitInterval is NumPy's CONS_BOUNDED_0_1 (NaN is rejected).
func unitInterval(op, name string, v float64) {
	if !(v >= 0 && v <= 1) {
		panic(errorf(op, "%s must be in [0, 1], got %v", name, v))
	}
}

// openUnitInterval is NumPy's CONS_BOUNDED_GT_0_1: 0 < v <= 1.
func openUnitInterval(op, name string, v float64) {
	if !(v > 0 && v <= 1) {
		panic(errorf(op, "%s must be in (0, 1], got %v", name, v))
	}
}

func checkLam(op string, lam float64) {
	if !(lam <= poissonLamMax) {
		panic(errorf(op, "lam must be <= %v, got %v", poissonLamMax, lam))
	}
	if !(lam >= 0) {
		panic(errorf(op, "lam must be >= 0, got %v", lam))
	}
}

// ExpFloat64 returns a standard exponential float64 (rate 1), one
// rng.standard_exponential(), by NumPy's exponential ziggurat.
func (g *Generator) ExpFloat64() float64 { return g.bitgen.standardExponential() }

// StandardExponential returns standard exponential numbers (rate 1), as
// rng.standard_exponential(shape), by NumPy's exponential ziggurat.
func (g *Generator) StandardExponential(shape ...int) *arrays.Array {
	return g.floats("StandardExponential", shape, g.bitgen.standardExponential)
}

// Exponential returns exponential numbers with mean scale, as
// rng.exponential(scale, shape). It panics if scale < 0.
func (g *Generator) Exponential(scale float64, shape ...int) *arrays.Array {
	nonNegative("Exponential", "scale", scale)
	return g.floats("Exponential", shape, func() float64 { return scale * g.bitgen.standardExponential() })
}

// GammaFloat64 returns one gamma number with the given shape and scale, as
// rng.gamma(shape, scale). It panics if shape or scale is negative.
func (g *Generator) GammaFloat64(shape, scale float64) float64 {
	nonNegative("GammaFloat64", "shape", shape)
	nonNegative("GammaFloat64", "scale", scale)
	return scale * g.bitgen.standardGamma(shape)
}

// StandardGamma returns gamma numbers with shape k and scale 1, as
// rng.standard_gamma(k, shape): Marsaglia and Tsang's method for k > 1,
// NumPy's rejection from exponentials for k < 1, exponentials for k == 1
// and zeros for k == 0. It panics if k < 0.
func (g *Generator) StandardGamma(k float64, shape ...int) *arrays.Array {
	nonNegative("StandardGamma", "shape", k)
	return g.floats("StandardGamma", shape, func() float64 { return g.bitgen.standardGamma(k) })
}

// Gamma returns gamma numbers with shape k and the given scale, as
// rng.gamma(k, scale, shape). It panics if k or scale is negative.
func (g *Generator) Gamma(k, scale float64, shape ...int) *arrays.Array {
	nonNegative("Gamma", "shape", k)
	nonNegative("Gamma", "scale", scale)
	return g.floats("Gamma", shape, func() float64 { return scale * g.bitgen.standardGamma(k) })
}

// BetaFloat64 returns one beta number, as rng.beta(a, b). It panics
// unless a > 0 and b > 0.
func (g *Generator) BetaFloat64(a, b float64) float64 {
	positive("BetaFloat64", "a", a)
	positive("BetaFloat64", "b", b)
	return g.bitgen.beta(a, b)
}

// Beta returns beta numbers, as rng.beta(a, b, shape): Johnk's algorithm
// when a <= 1 and b <= 1, otherwise G(a)/(G(a)+G(b)) with two gammas. It
// panics unless a > 0 and b > 0.
func (g *Generator) Beta(a, b float64, shape ...int) *arrays.Array {
	positive("Beta", "a", a)
	positive("Beta", "b", b)
	return g.floats("Beta", shape, func() float64 { return g.bitgen.beta(a, b) })
}

// PoissonInt64 returns one Poisson number with mean lam, as
// rng.poisson(lam). It panics if lam is negative, NaN or above NumPy's
// limit (about 9.2e18).
func (g *Generator) PoissonInt64(lam float64) int64 {
	checkLam("PoissonInt64", lam)
	return g.bitgen.poisson(lam)
}

// Poisson returns int64 Poisson numbers with mean lam, as
// rng.poisson(lam, shape): by multiplying uniforms for lam < 10 and by
// Hörmann's PTRS for lam >= 10. It panics if lam is negative, NaN or above
// NumPy's limit (about 9.2e18).
func (g *Generator) Poisson(lam float64, shape ...int) *arrays.Array {
	checkLam("Poisson", lam)
	return g.ints("Poisson", shape, func() int64 { return g.bitgen.poisson(lam) })
}

// BinomialInt64 returns one binomial number, the successes in n trials
// of probability p, as rng.binomial(n, p). It panics if n < 0 or p is not
// in [0, 1].
func (g *Generator) BinomialInt64(n int64, p float64) int64 {
	checkBinomial("BinomialInt64", n, p)
	return g.bitgen.binomial(n, p)
}

func checkBinomial(op string, n int64, p float64) {
	if n < 0 {
		panic(errorf(op, "n must be >= 0, got %d", n))
	}
	unitInterval(op, "p", p)
}

// Binomial returns int64 binomial numbers, the successes in n trials of
// probability p, as rng.binomial(n, p, shape): by inversion when
// n*min(p, 1-p) <= 30, by BTPE otherwise, drawing for min(p, 1-p) and
// reflecting when p > 0.5. It panics if n < 0 or p is not in [0, 1].
func (g *Generator) Binomial(n int64, p float64, shape ...int) *arrays.Array {
	checkBinomial("Binomial", n, p)
	return g.ints("Binomial", shape, func() int64 { return g.bitgen.binomial(n, p) })
}

// Lognormal returns numbers whose logarithm is normal with the given mean
// and standard deviation sigma, as rng.lognormal(mean, sigma, shape). It
// panics if sigma < 0.
func (g *Generator) Lognormal(mean, sigma float64, shape ...int) *arrays.Array {
	nonNegative("Lognormal", "sigma", sigma)
	return g.floats("Lognormal", shape, func() float64 {
		return cexp(mean + float64(sigma*g.bitgen.standardNormal()))
	})
}

// ChiSquare returns chi-square numbers with df degrees of freedom, as
// rng.chisquare(df, shape): twice a standard gamma of shape df/2. It panics
// unless df > 0.
func (g *Generator) ChiSquare(df float64, shape ...int) *arrays.Array {
	positive("ChiSquare", "df", df)
	return g.floats("ChiSquare", shape, func() float64 { return 2 * g.bitgen.standardGamma(df/2) })
}

// StandardCauchy returns standard Cauchy numbers, as
// rng.standard_cauchy(shape): the ratio of two standard normals.
func (g *Generator) StandardCauchy(shape ...int) *arrays.Array {
	return g.floats("StandardCauchy", shape, func() float64 {
		n := g.bitgen.standardNormal()
		return n / g.bitgen.standardNormal()
	})
}

// Laplace returns Laplace (double exponential) numbers, as
// rng.laplace(loc, scale, shape). It panics if scale < 0.
func (g *Generator) Laplace(loc, scale float64, shape ...int) *arrays.Array {
	nonNegative("Laplace", "scale", scale)
	return g.floats("Laplace", shape, func() float64 { return g.bitgen.laplace(loc, scale) })
}

// Logistic returns logistic numbers, as rng.logistic(loc, scale, shape).
// It panics if scale < 0.
func (g *Generator) Logistic(loc, scale float64, shape ...int) *arrays.Array {
	nonNegative("Logistic", "scale", scale)
	return g.floats("Logistic", shape, func() float64 { return g.bitgen.logistic(loc, scale) })
}

// Geometric returns int64 geometric numbers (trials up to and including
// the first success, so >= 1), as rng.geometric(p, shape). It panics
// unless 0 < p <= 1.
func (g *Generator) Geometric(p float64, shape ...int) *arrays.Array {
	openUnitInterval("Geometric", "p", p)
	return g.ints("Geometric", shape, func() int64 { return g.bitgen.geometric(p) })
}

// Weibull returns Weibull numbers with shape a and scale 1, as
// rng.weibull(a, shape). It panics if a < 0.
func (g *Generator) Weibull(a float64, shape ...int) *arrays.Array {
	nonNegative("Weibull", "a", a)
	return g.floats("Weibull", shape, func() float64 {
		if a == 0 {
			return 0
		}
		return cpow(g.bitgen.standardExponential(), 1/a)
	})
}

// Pareto returns Pareto II (Lomax) numbers with shape a, as
// rng.pareto(a, shape). It panics unless a > 0.
func (g *Generator) Pareto(a float64, shape ...int) *arrays.Array {
	positive("Pareto", "a", a)
	return g.floats("Pareto", shape, func() float64 {
		return math.Expm1(g.bitgen.standardExponential() / a)
	})
}

// Rayleigh returns Rayleigh numbers with the given scale, as
// rng.rayleigh(scale, shape). It panics if scale < 0.
func (g *Generator) Rayleigh(scale float64, shape ...int) *arrays.Array {
	nonNegative("Rayleigh", "scale", scale)
	return g.floats("Rayleigh", shape, func() float64 {
		return scale * math.Sqrt(2*g.bitgen.standardExponential())
	})
}

// Triangular returns numbers of the triangular distribution on
// [left, right] with the given mode, as rng.triangular(left, mode, right,
// shape). It panics unless left <= mode <= right and left < right.
func (g *Generator) Triangular(left, mode, right float64, shape ...int) *arrays.Array {
	switch {
	case left > mode:
		panic(errorf("Triangular", "left must be <= mode, got left %v, mode %v", left, mode))
	case mode > right:
		panic(errorf("Triangular", "mode must be <= right, got mode %v, right %v", mode, right))
	case left == right:
		panic(errorf("Triangular", "left must be < right, got left == right == %v", left))
	}
	return g.floats("Triangular", shape, func() float64 { return g.bitgen.triangular(left, mode, right) })
}

// NegativeBinomial returns int64 negative binomial numbers (failures
// before the n-th success, with success probability p), as
// rng.negative_binomial(n, p, shape): a Poisson draw whose mean is a gamma
// draw of shape n and scale (1-p)/p. It panics unless n > 0 and
// 0 < p <= 1.
func (g *Generator) NegativeBinomial(n, p float64, shape ...int) *arrays.Array {
	positive("NegativeBinomial", "n", n)
	openUnitInterval("NegativeBinomial", "p", p)
	return g.ints("NegativeBinomial", shape, func() int64 {
		y := (1 - p) / p * g.bitgen.standardGamma(n)
		return g.bitgen.poisson(y)
	})
}

// hypergeomMax is NumPy's HYPERGEOM_MAX: ngood and nbad must be below it.
const hypergeomMax = 1_000_000_000

// Hypergeometric returns int64 hypergeometric numbers, the good items in
// nsample drawn without replacement from ngood good and nbad bad ones, as
// rng.hypergeometric(ngood, nbad, nsample, shape): item by item for
// samples under 10 (or within 10 of the population), by Stadlober's ratio
// of uniforms otherwise. It panics if a count is negative, if
// nsample > ngood + nbad, or if ngood or nbad is 1e9 or more (NumPy's
// limit).
func (g *Generator) Hypergeometric(ngood, nbad, nsample int64, shape ...int) *arrays.Array {
	const op = "Hypergeometric"
	for _, c := range []struct {
		name string
		v    int64
	}{{"ngood", ngood}, {"nbad", nbad}, {"nsample", nsample}} {
		if c.v < 0 {
			panic(errorf(op, "%s must be >= 0, got %d", c.name, c.v))
		}
	}
	if ngood >= hypergeomMax || nbad >= hypergeomMax {
		panic(errorf(op, "ngood and nbad must be less than %d, got %d and %d", hypergeomMax, ngood, nbad))
	}
	if ngood+nbad < nsample {
		panic(errorf(op, "nsample must be <= ngood + nbad, got %d > %d + %d", nsample, ngood, nbad))
	}
	return g.ints(op, shape, func() int64 { return g.bitgen.hypergeometric(ngood, nbad, nsample) })
}
