package random

import (
	"fmt"
	"math"
	"testing"

	"workbench/arrays"
)

// TestDistArrays checks that each array method gives the dtype and shape
// asked for, and the numbers of as many successive scalar draws.
func TestDistArrays(t *testing.T) {
	type draw struct {
		name  string
		dt    arrays.DType
		array func(g *Generator, shape ...int) *arrays.Array
		one   func(g *Generator) float64
	}
	draws := []draw{
		{"StandardExponential", arrays.Float64, (*Generator).StandardExponential, (*Generator).ExpFloat64},
		{"Exponential", arrays.Float64, func(g *Generator, s ...int) *arrays.Array { return g.Exponential(3, s...) },
			func(g *Generator) float64 { return 3 * g.ExpFloat64() }},
		{"StandardGamma", arrays.Float64, func(g *Generator, s ...int) *arrays.Array { return g.StandardGamma(0.7, s...) },
			func(g *Generator) float64 { return g.GammaFloat64(0.7, 1) }},
		{"Gamma", arrays.Float64, func(g *Generator, s ...int) *arrays.Array { return g.Gamma(3, 2, s...) },
			func(g *Generator) float64 { return g.GammaFloat64(3, 2) }},
		{"Beta", arrays.Float64, func(g *Generator, s ...int) *arrays.Array { return g.Beta(2, 0.5, s...) },
			func(g *Generator) float64 { return g.BetaFloat64(2, 0.5) }},
		{"Poisson", arrays.Int64, func(g *Generator, s ...int) *arrays.Array { return g.Poisson(20, s...) },
			func(g *Generator) float64 { return float64(g.PoissonInt64(20)) }},
		{"Binomial", arrays.Int64, func(g *Generator, s ...int) *arrays.Array { return g.Binomial(500, 0.8, s...) },
			func(g *Generator) float64 { return float64(g.BinomialInt64(500, 0.8)) }},
	}
	for _, d := range draws {
		for _, shape := range [][]int{nil, {0}, {5}, {2, 3}} {
			x := d.array(New(9), shape...)
			if x.DType() != d.dt || fmt.Sprint(x.Shape()) != fmt.Sprint(append([]int{}, shape...)) {
				t.Errorf("%s(%v): dtype %v, shape %v", d.name, shape, x.DType(), x.Shape())
			}
			g := New(9)
			for i, v := range x.Float64s() {
				if w := d.one(g); v != w {
					t.Errorf("%s(%v)[%d] = %v, scalar draw %v", d.name, shape, i, v, w)
				}
			}
		}
	}
	for name, x := range map[string]*arrays.Array{
		"Lognormal": New(1).Lognormal(0, 1, 4), "ChiSquare": New(1).ChiSquare(2, 4),
		"StandardCauchy": New(1).StandardCauchy(4), "Laplace": New(1).Laplace(0, 1, 4),
		"Logistic": New(1).Logistic(0, 1, 4), "Weibull": New(1).Weibull(2, 4), "Pareto": New(1).Pareto(2, 4),
		"Rayleigh": New(1).Rayleigh(1, 4), "Triangular": New(1).Triangular(0, 1, 2, 4),
	} {
		if x.DType() != arrays.Float64 || x.Size() != 4 {
			t.Errorf("%s: dtype %v, shape %v", name, x.DType(), x.Shape())
		}
	}
	for name, x := range map[string]*arrays.Array{
		"Geometric": New(1).Geometric(0.2, 4), "NegativeBinomial": New(1).NegativeBinomial(3, 0.5, 4),
		"Hypergeometric": New(1).Hypergeometric(5, 6, 3, 4),
	} {
		if x.DType() != arrays.Int64 || x.Size() != 4 {
			t.Errorf("%s: dtype %v, shape %v", name, x.DType(), x.Shape())
		}
	}
}

// TestDistEdges checks the degenerate parameters NumPy answers without
// drawing, or with a constant.
func TestDistEdges(t *testing.T) {
	g := New(3)
	for name, x := range map[string]*arrays.Array{
		"Gamma(0, 1)": g.Gamma(0, 1, 5), "Poisson(0)": g.Poisson(0, 5),
		"Binomial(0, 0.5)": g.Binomial(0, 0.5, 5), "Binomial(9, 0)": g.Binomial(9, 0, 5), "Weibull(0)": g.Weibull(0, 5),
	} {
		for _, v := range x.Float64s() {
			if v != 0 {
				t.Errorf("%s gave %v, want 0", name, x.Float64s())
				break
			}
		}
	}
	if g.Uint64() != New(3).Uint64() {
		t.Error("the zero cases drew numbers (NumPy draws none for shape 0, lam 0, n 0, p 0, Weibull a 0)")
	}
	// p = 1 is n minus an inversion draw with p = 0, which takes a uniform.
	if s := g.Binomial(9, 1, 3).Int64s(); s[0] != 9 || s[1] != 9 || s[2] != 9 {
		t.Errorf("Binomial(9, 1) = %v, want 9s", s)
	}
	if v := New(1).GammaFloat64(math.NaN(), 1); !math.IsNaN(v) {
		t.Errorf("GammaFloat64(NaN, 1) = %v, want NaN (as NumPy)", v)
	}
}

func TestDistErrors(t *testing.T) {
	g := New(0)
	for _, c := range []struct {
		what, want string
		f          func()
	}{
		{"Gamma shape", "random.Gamma: shape must be >= 0, got -1", func() { g.Gamma(-1, 1) }},
		{"Gamma scale", "scale must be >= 0, got -2", func() { g.Gamma(1, -2) }},
		{"Gamma -0", "shape must be >= 0, got -0", func() { g.Gamma(math.Copysign(0, -1), 1) }},
		{"StandardGamma", "StandardGamma: shape must be >= 0", func() { g.StandardGamma(-0.5) }},
		{"GammaFloat64", "GammaFloat64: shape", func() { g.GammaFloat64(-0.5, 1) }},
		{"Exponential", "Exponential: scale must be >= 0, got -1", func() { g.Exponential(-1) }},
		{"Beta a", "Beta: a must be > 0, got 0", func() { g.Beta(0, 1) }},
		{"Beta b NaN", "b must be > 0, got NaN", func() { g.Beta(1, math.NaN()) }},
		{"BetaFloat64", "BetaFloat64: a must be > 0", func() { g.BetaFloat64(-1, 1) }},
		{"Poisson", "Poisson: lam must be >= 0, got -1", func() { g.Poisson(-1) }},
		{"Poisson big", "lam must be <=", func() { g.Poisson(1e19) }},
		{"Poisson NaN", "lam must be <=", func() { g.PoissonInt64(math.NaN()) }},
		{"Binomial n", "Binomial: n must be >= 0, got -1", func() { g.Binomial(-1, 0.5) }},
		{"Binomial p", "p must be in [0, 1], got 1.5", func() { g.Binomial(3, 1.5) }},
		{"BinomialInt64 p", "BinomialInt64: p must be in [0, 1], got NaN", func() { g.BinomialInt64(3, math.NaN()) }},
		{"Lognormal", "sigma must be >= 0", func() { g.Lognormal(0, -1) }},
		{"ChiSquare", "df must be > 0, got 0", func() { g.ChiSquare(0) }},
		{"Laplace", "scale must be >= 0", func() { g.Laplace(0, -1) }},
		{"Logistic", "scale must be >= 0", func() { g.Logistic(0, -1) }},
		{"Geometric", "p must be in (0, 1], got 0", func() { g.Geometric(0) }},
		{"Weibull", "a must be >= 0", func() { g.Weibull(-1) }},
		{"Pareto", "a must be > 0", func() { g.Pareto(0) }},
		{"Rayleigh", "scale must be >= 0", func() { g.Rayleigh(-1) }},
		{"Triangular", "left must be <= mode", func() { g.Triangular(1, 0, 2) }},
		{"Triangular right", "mode must be <= right", func() { g.Triangular(0, 3, 2) }},
		{"Triangular equal", "left must be < right", func() { g.Triangular(1, 1, 1) }},
		{"NegativeBinomial n", "n must be > 0", func() { g.NegativeBinomial(0, 0.5) }},
		{"NegativeBinomial p", "p must be in (0, 1]", func() { g.NegativeBinomial(1, 0) }},
		{"Hypergeometric ngood", "ngood must be >= 0, got -1", func() { g.Hypergeometric(-1, 2, 1) }},
		{"Hypergeometric nsample", "nsample must be <= ngood + nbad", func() { g.Hypergeometric(1, 2, 4) }},
		{"Hypergeometric max", "less than 1000000000", func() { g.Hypergeometric(1e9, 2, 1) }},
		{"shape", "negative dimensions", func() { g.Poisson(1, -2) }},
	} {
		expectError(t, c.what, c.want, c.f)
	}
}
