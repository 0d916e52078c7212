package random

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// distGolden is testdata/dist.golden, written by testdata/generate_dist.py.
type distGolden struct {
	NumPy string     `json:"numpy"`
	Seeds []distSeed `json:"seeds"`
	Libm  struct {
		Exp, Log, Pow [][]float64
	}
}

type distCall struct {
	Op     string
	Args   []float64
	N      int
	Values []float64
}

type distSeed struct {
	NumPy  string
	Seed   uint64
	Single []distCall
	Big    []struct {
		Op        string
		Args      []float64
		N, Every  int
		Checksums checksums
		Picks     []float64
		Sum       float64
	}
	Mixed  [][]distCall
	Choice []struct {
		A       any
		Size    []int
		Replace *bool
		Shuffle *bool
		P       []float64
		Values  []float64
		Shape   []int
		NextRaw uint64 `json:"next_raw"`
	}
	Shuffle2D    []int64   `json:"shuffle_2d"`
	Shuffle3D    []float64 `json:"shuffle_3d"`
	Shuffle1D    []int64   `json:"shuffle_1d"`
	PermutedNone []int64   `json:"permuted_none"`
	Permuted0    []int64   `json:"permuted_0"`
	Permuted1    []int64   `json:"permuted_1"`
	Permuted31   []int64   `json:"permuted3_1"`
	MVN          []struct {
		Mean     []float64
		Cov      [][]float64
		Size     []int
		Cholesky []float64
		SVD      []float64
		Eigh     []float64
		SvdU     []float64 `json:"svd_u"`
		SvdS     []float64 `json:"svd_s"`
		EighW    []float64 `json:"eigh_w"`
		EighV    []float64 `json:"eigh_v"`
	}
}

func loadDist(t *testing.T) *distGolden {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "dist.golden"))
	if err != nil {
		t.Fatalf("%v (run go generate)", err)
	}
	d := new(distGolden)
	if err := json.Unmarshal(data, d); err != nil {
		t.Fatal(err)
	}
	if len(d.Seeds) == 0 {
		t.Fatal("no seeds in testdata/dist.golden")
	}
	return d
}

// distOp is how the tests draw one value of a NumPy distribution: ulps is
// how far a float may be from NumPy's (0: bit for bit), for samplers that
// return the result of a libm call (exp, log, pow), which may round
// differently from Go's math.
type distOp struct {
	draw func(g *Generator, a []float64) float64
	ulps uint64
}

var distOps = map[string]distOp{
	"standard_exponential": {func(g *Generator, a []float64) float64 { return g.ExpFloat64() }, 0},
	"exponential":          {func(g *Generator, a []float64) float64 { return a[0] * g.bitgen.standardExponential() }, 0},
	"standard_gamma":       {func(g *Generator, a []float64) float64 { return g.bitgen.standardGamma(a[0]) }, 1},
	"gamma":                {func(g *Generator, a []float64) float64 { return g.GammaFloat64(a[0], a[1]) }, 2},
	"beta":                 {func(g *Generator, a []float64) float64 { return g.BetaFloat64(a[0], a[1]) }, 1},
	"poisson":              {func(g *Generator, a []float64) float64 { return float64(g.PoissonInt64(a[0])) }, 0},
	"binomial":             {func(g *Generator, a []float64) float64 { return float64(g.BinomialInt64(int64(a[0]), a[1])) }, 0},
	"standard_normal":      {func(g *Generator, a []float64) float64 { return g.NormFloat64() }, 0},
	"random":               {func(g *Generator, a []float64) float64 { return g.Float64() }, 0},
	"integers":             {func(g *Generator, a []float64) float64 { return float64(g.Int64n(int64(a[0]), int64(a[1]))) }, 0},
	"lognormal":            {array1(func(g *Generator, a []float64) []float64 { return g.Lognormal(a[0], a[1], 1).Float64s() }), 1},
	"chisquare":            {array1(func(g *Generator, a []float64) []float64 { return g.ChiSquare(a[0], 1).Float64s() }), 1},
	"standard_cauchy":      {array1(func(g *Generator, a []float64) []float64 { return g.StandardCauchy(1).Float64s() }), 0},
	"laplace":              {array1(func(g *Generator, a []float64) []float64 { return g.Laplace(a[0], a[1], 1).Float64s() }), 1},
	"logistic":             {array1(func(g *Generator, a []float64) []float64 { return g.Logistic(a[0], a[1], 1).Float64s() }), 1},
	"geometric":            {array1(func(g *Generator, a []float64) []float64 { return g.Geometric(a[0], 1).Float64s() }), 0},
	"weibull":              {array1(func(g *Generator, a []float64) []float64 { return g.Weibull(a[0], 1).Float64s() }), 1},
	"pareto":               {array1(func(g *Generator, a []float64) []float64 { return g.Pareto(a[0], 1).Float64s() }), 1},
	"rayleigh":             {array1(func(g *Generator, a []float64) []float64 { return g.Rayleigh(a[0], 1).Float64s() }), 0},
	"triangular":           {array1(func(g *Generator, a []float64) []float64 { return g.Triangular(a[0], a[1], a[2], 1).Float64s() }), 0},
	"hypergeometric": {array1(func(g *Generator, a []float64) []float64 {
		return g.Hypergeometric(int64(a[0]), int64(a[1]), int64(a[2]), 1).Float64s()
	}), 0},
	"negative_binomial": {array1(func(g *Generator, a []float64) []float64 { return g.NegativeBinomial(a[0], a[1], 1).Float64s() }), 0},
}

func array1(f func(g *Generator, a []float64) []float64) func(g *Generator, a []float64) float64 {
	return func(g *Generator, a []float64) float64 { return f(g, a)[0] }
}

// ulpDiff is the distance between a and b in units in the last place
// (MaxUint64 when their signs differ and they are not both zero).
func ulpDiff(a, b float64) uint64 {
	if a == b || (math.IsNaN(a) && math.IsNaN(b)) {
		return 0
	}
	if math.Signbit(a) != math.Signbit(b) {
		return math.MaxUint64
	}
	x, y := math.Float64bits(math.Abs(a)), math.Float64bits(math.Abs(b))
	if x > y {
		return x - y
	}
	return y - x
}

// ulpStats counts, over the whole test, the float draws compared and those
// that were not bit for bit NumPy's, per op.
var ulpStats = map[string][2]int{}

func checkDraws(t *testing.T, what, op string, got, want []float64) {
	t.Helper()
	tol := distOps[op].ulps
	bad := 0
	for i := range want {
		d := ulpDiff(got[i], want[i])
		s := ulpStats[op]
		s[0]++
		if d != 0 {
			s[1]++
		}
		ulpStats[op] = s
		if d > tol {
			if bad < 3 {
				t.Errorf("%s[%d] = %v, want %v (%d ulps apart, %d allowed)", what, i, got[i], want[i], d, tol)
			}
			bad++
		}
	}
	if bad > 3 {
		t.Errorf("%s: %d of %d values differ", what, bad, len(want))
	}
}

func runCall(g *Generator, c distCall, n int) []float64 {
	op, ok := distOps[c.Op]
	if !ok {
		panic("unknown op " + c.Op)
	}
	out := make([]float64, n)
	for i := range out {
		out[i] = op.draw(g, c.Args)
	}
	return out
}

// TestDistGolden compares the first draws of each distribution, for
// parameters that go through every branch of NumPy's samplers, with
// NumPy's.
func TestDistGolden(t *testing.T) {
	d := loadDist(t)
	for _, sd := range d.Seeds {
		for _, c := range sd.Single {
			what := fmt.Sprintf("seed %d: %s%v", sd.Seed, c.Op, c.Args)
			checkDraws(t, what, c.Op, runCall(New(sd.Seed), c, len(c.Values)), c.Values)
		}
	}
}

// TestDistGoldenMixed draws from several distributions in turn on one
// generator, as NumPy did.
func TestDistGoldenMixed(t *testing.T) {
	d := loadDist(t)
	for _, sd := range d.Seeds {
		for k, calls := range sd.Mixed {
			g := New(sd.Seed)
			for i, c := range calls {
				what := fmt.Sprintf("seed %d, sequence %d, call %d: %s%v", sd.Seed, k, i, c.Op, c.Args)
				checkDraws(t, what, c.Op, runCall(g, c, c.N), c.Values)
			}
		}
	}
}

// TestDistGoldenBig runs long sequences through the rare branches (the
// exponential ziggurat's tail and wedges, the rejections of the gamma,
// beta, PTRS and BTPE samplers); one rejection decided differently would
// shift every later draw.
func TestDistGoldenBig(t *testing.T) {
	d := loadDist(t)
	for _, sd := range d.Seeds {
		for _, c := range sd.Big {
			what := fmt.Sprintf("seed %d: %d x %s%v", sd.Seed, c.N, c.Op, c.Args)
			got := runCall(New(sd.Seed), distCall{Op: c.Op, Args: c.Args}, c.N)
			var picks []float64
			var sums checksums
			isInt := c.Op == "poisson" || c.Op == "binomial" || c.Op == "hypergeometric"
			sum := 0.0
			for i, v := range got {
				if i%c.Every == 0 {
					picks = append(picks, v)
				}
				if isInt {
					sums.add(uint64(int64(v)))
				} else {
					sums.add(math.Float64bits(v))
				}
				sum += v
			}
			checkDraws(t, what+" picks", c.Op, picks, c.Picks)
			if distOps[c.Op].ulps == 0 && sums != c.Checksums {
				t.Errorf("%s: checksums %+v, want %+v", what, sums, c.Checksums)
			}
			if math.Abs(sum-c.Sum) > 1e-9*math.Abs(c.Sum) {
				t.Errorf("%s: sum %v, want %v", what, sum, c.Sum)
			}
		}
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	if testing.Verbose() {
		for op, s := range ulpStats {
			if s[1] > 0 {
				fmt.Printf("%s: %d of %d float draws not bit for bit NumPy's\n", op, s[1], s[0])
			}
		}
	}
	os.Exit(code)
}
