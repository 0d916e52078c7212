package random

import (
	"math"
	"reflect"
	"sort"

	"workbench/arrays"
)

// Option is an optional argument of Choice and MultivariateNormal, NumPy's
// keyword arguments: Replace, P and ChoiceShuffle for Choice, Method for
// MultivariateNormal.
type Option func(*options)

type options struct {
	replace    bool
	p          any
	hasP       bool
	shuffle    bool
	method     string
	choiceOnly bool
	mvnOnly    bool
}

// Replace says whether Choice draws with replacement (true, the default)
// or without.
func Replace(replace bool) Option {
	return func(o *options) { o.replace = replace; o.choiceOnly = true }
}

// P gives Choice the probabilities of the population's elements, a
// []float64 or a 1-D *arrays.Array as long as the population; they must be
// non-negative and sum to 1 within sqrt(machine epsilon).
func P(p any) Option {
	return func(o *options) { o.p = p; o.hasP = true; o.choiceOnly = true }
}

// ChoiceShuffle says whether Choice without replacement and without
// probabilities shuffles its result (true, the default, NumPy's
// shuffle=True). Without the shuffle the draws are those of NumPy's
// shuffle=False.
func ChoiceShuffle(shuffle bool) Option {
	return func(o *options) { o.shuffle = shuffle; o.choiceOnly = true }
}

// Method chooses how MultivariateNormal factors the covariance: "svd"
// (the default, as NumPy), "eigh" or "cholesky".
func Method(method string) Option {
	return func(o *options) { o.method = method; o.mvnOnly = true }
}

func configure(op string, opts []Option) *options {
	o := &options{replace: true, shuffle: true, method: "svd"}
	for _, f := range opts {
		f(o)
	}
	if op == "Choice" && o.mvnOnly {
		panic(errorf(op, "the Method option is for MultivariateNormal"))
	}
	if op == "MultivariateNormal" && o.choiceOnly {
		panic(errorf(op, "the Replace, P and ChoiceShuffle options are for Choice"))
	}
	return o
}

// Choice draws a sample from a population, as rng.choice(a, size,
// replace, p, shuffle=...) along axis 0. a is an int n (the population
// 0, 1, ..., n-1; the result is int64) or an array or Go slice (the result
// holds its elements, or its rows for an n-D array). size is the shape of
// the sample; nil or empty gives one draw in a 0-d array (NumPy's
// size=None gives a scalar; it draws the same).
//
// Options: Replace(false) draws without replacement; P(p) gives
// probabilities; ChoiceShuffle(false) is NumPy's shuffle=False. The draws
// are NumPy's: integers (Lemire) with replacement; uniforms searched in the
// cumulative sum of p with p; without replacement and without p, Floyd's
// algorithm, or a partial Fisher–Yates shuffle when the population is
// over 10000 and the sample over 1/50 of it (1/20 without shuffle); without
// replacement with p, NumPy's repeated drawing from the remaining
// probabilities.
//
// It panics with an *Error if a is negative or empty while samples are
// asked for, if p is not a vector of probabilities as long as the
// population (negative, NaN, or not summing to 1), or if without
// replacement the sample is larger than the population (or than the
// number of non-zero probabilities).
func (g *Generator) Choice(a any, size []int, opts ...Option) *arrays.Array {
	const op = "Choice"
	o := configure(op, opts)
	dev := inputDevice(op, arrayArg(a), arrayArg(o.p))
	n := checkShape(op, size)
	shape := append([]int{}, size...)

	var pop *arrays.Array
	var popSize int64
	switch v := a.(type) {
	case int:
		popSize = int64(v)
	case int64:
		popSize = v
	case int32:
		popSize = int64(v)
	case *arrays.Array:
		pop = v
	default:
		rv := reflect.ValueOf(a)
		if rv.Kind() != reflect.Slice {
			panic(errorf(op, "a must be an int, an array or a slice, got %T", a))
		}
		pop = arrays.FromSlice(a)
	}
	if pop != nil && pop.Ndim() == 0 {
		popSize = pop.Int64s()[0]
		pop = nil
	}
	if pop != nil {
		popSize = int64(pop.Shape()[0])
		if popSize == 0 && n != 0 {
			panic(errorf(op, "a cannot be empty unless no samples are taken"))
		}
	} else if popSize <= 0 && n != 0 {
		panic(errorf(op, "a must be a positive integer unless no samples are taken, got %d", popSize))
	}

	var p []float64
	if o.hasP {
		p = choiceProbabilities(op, o.p, popSize)
	}

	var idx []int64
	switch {
	case o.replace && p != nil:
		cdf := cumulative(p)
		idx = make([]int64, n)
		for i := range idx {
			idx[i] = searchRight(cdf, g.bitgen.nextDouble())
		}
	case o.replace:
		idx = make([]int64, n)
		if n > 0 {
			g.fillIntegers(idx, 0, popSize)
		}
	default:
		if int64(n) > popSize {
			panic(errorf(op, "cannot take a larger sample (%d) than the population (%d) when replace is false", n, popSize))
		}
		if p != nil {
			idx = g.choiceWeighted(op, p, n)
		} else {
			idx = g.choiceUniform(popSize, int64(n), o.shuffle)
		}
	}

	if pop == nil {
		return placed(op, "random sampling", dev, wrap(idx, shape))
	}
	return placed(op, "random sampling", dev, takeRows(pop, idx, shape))
}

// choiceProbabilities converts and checks p as Generator.choice does.
func choiceProbabilities(op string, pv any, popSize int64) []float64 {
	var p []float64
	switch v := pv.(type) {
	case []float64:
		p = v
	case *arrays.Array:
		if v.Ndim() != 1 {
			panic(errorf(op, "p must be 1-dimensional, got shape %v", v.Shape()))
		}
		p = v.Float64s()
	default:
		panic(errorf(op, "p must be a []float64 or a 1-D array, got %T", pv))
	}
	if int64(len(p)) != popSize {
		panic(errorf(op, "a and p must have the same size, got %d and %d", popSize, len(p)))
	}
	sum := kahanSum(p)
	if math.IsNaN(sum) {
		panic(errorf(op, "probabilities contain NaN"))
	}
	for i, v := range p {
		if v < 0 {
			panic(errorf(op, "probabilities are not non-negative, p[%d] = %v", i, v))
		}
	}
	if atol := math.Sqrt(0x1p-52); math.Abs(sum-1) > atol {
		panic(errorf(op, "probabilities do not sum to 1, sum(p) = %v", sum))
	}
	return p
}

// kahanSum is NumPy's kahan_sum (in _common.pyx).
func kahanSum(p []float64) float64 {
	if len(p) == 0 {
		return 0
	}
	sum := p[0]
	c := 0.0
	for _, v := range p[1:] {
		y := v - c
		t := sum + y
		c = (t - sum) - y
		sum = t
	}
	return sum
}

// cumulative is cdf = cumsum(p); cdf /= cdf[-1].
func cumulative(p []float64) []float64 {
	cdf := make([]float64, len(p))
	s := 0.0
	for i, v := range p {
		s += v
		cdf[i] = s
	}
	last := cdf[len(cdf)-1]
	for i := range cdf {
		cdf[i] /= last
	}
	return cdf
}

// searchRight is searchsorted(cdf, u, side='right'): the number of
// elements of cdf that are <= u.
func searchRight(cdf []float64, u float64) int64 {
	return int64(sort.Search(len(cdf), func(i int) bool { return cdf[i] > u }))
}

// choiceWeighted is Generator.choice without replacement with p: draw
// uniforms for the missing elements, keep the new distinct ones in order of
// first appearance, zero their probabilities, and repeat.
func (g *Generator) choiceWeighted(op string, p []float64, n int) []int64 {
	nonzero := 0
	for _, v := range p {
		if v > 0 {
			nonzero++
		}
	}
	if nonzero < n {
		panic(errorf(op, "fewer non-zero entries in p (%d) than size (%d)", nonzero, n))
	}
	p = append([]float64{}, p...)
	found := make([]int64, 0, n)
	for len(found) < n {
		x := make([]float64, n-len(found))
		g.fillRandom(x)
		for _, k := range found {
			p[k] = 0
		}
		cdf := cumulative(p)
		seen := map[int64]bool{}
		for _, u := range x {
			k := searchRight(cdf, u)
			if !seen[k] {
				seen[k] = true
				found = append(found, k)
			}
		}
	}
	return found
}

// choiceUniform is Generator.choice without replacement and without p.
func (g *Generator) choiceUniform(pop, size int64, shuffle bool) []int64 {
	cutoff := int64(20)
	if shuffle {
		cutoff = 50
	}
	if pop > 10000 && size > pop/cutoff {
		// Tail shuffle: the last size elements of a partial Fisher–Yates
		// shuffle of 0, ..., pop-1 (NumPy's _shuffle_int, Lemire bounds).
		idx := make([]int64, pop)
		for i := range idx {
			idx[i] = int64(i)
		}
		shuffleInt(&g.bitgen, idx, max(pop-size, 1))
		return append([]int64{}, idx[pop-size:]...)
	}
	// Floyd's algorithm. NumPy keeps the set in a hash table; only
	// membership matters to the result.
	idx := make([]int64, size)
	set := make(map[int64]struct{}, size)
	for j := pop - size; j < pop; j++ {
		val := int64(g.bitgen.bounded(0, uint64(j)))
		if _, ok := set[val]; !ok {
			set[val] = struct{}{}
			idx[j-pop+size] = val
		} else {
			set[j] = struct{}{}
			idx[j-pop+size] = j
		}
	}
	if shuffle {
		shuffleInt(&g.bitgen, idx, 1)
	}
	return idx
}

// shuffleInt is NumPy's _shuffle_int: for i from len(data)-1 down to
// first, swap i with a Lemire-bounded draw in [0, i].
func shuffleInt(p *pcg64, data []int64, first int64) {
	for i := int64(len(data)) - 1; i >= first; i-- {
		j := p.bounded(0, uint64(i))
		data[i], data[j] = data[j], data[i]
	}
}

// takeRows returns the rows idx of x (along axis 0), shaped
// shape + x.shape[1:].
func takeRows(x *arrays.Array, idx []int64, shape []int) *arrays.Array {
	xs := x.Shape()
	row := 1
	for _, d := range xs[1:] {
		row *= d
	}
	src := reflect.ValueOf(x.Data())
	dst := reflect.MakeSlice(src.Type(), len(idx)*row, len(idx)*row)
	for i, k := range idx {
		reflect.Copy(dst.Slice(i*row, (i+1)*row), src.Slice(int(k)*row, (int(k)+1)*row))
	}
	return wrap(dst.Interface(), append(shape, xs[1:]...))
}
