package plotting

import (
	"math"
	"sort"
)

// Hist draws the histogram of x (an array of any real dtype, flattened, or
// a slice of numbers) as filled bars. The bins are those of
// numpy.histogram: Bins(n) equal bins over the range of the data (10 by
// default; the last bin is closed, so the maximum is counted), or
// BinRange(lo, hi) instead of the data's range, or explicit BinEdges.
// Density() scales the heights so that the bars' area is 1. NaN and
// infinite values are left out (numpy would raise). Options: Bins,
// BinEdges, BinRange, Density, Label, Color, Alpha (of the fill, 0.8 by
// default), LineWidth (of the bars' edges).
func (ax *Axes) Hist(x any, opts ...Option) *Axes {
	s := makeStyle(opts)
	counts, edges := histogram("Hist", x, s)
	return ax.add(&barItem{
		left: edges[:len(edges)-1], right: edges[1:], heights: counts,
		style: s, color: ax.colorFor(s),
	})
}

// Histogram returns the heights and the bin edges that Hist draws for x,
// the same as numpy.histogram's (len(edges) == len(counts)+1). It takes
// the options Bins, BinEdges, BinRange and Density.
func Histogram(x any, opts ...Option) (counts, edges []float64) {
	return histogram("Histogram", x, makeStyle(opts))
}

// Bins sets the number of equal bins of a histogram (10 by default).
func Bins(n int) Option {
	if n < 1 {
		panic(errorf("Bins", "bin count %d must be at least 1", n))
	}
	return func(st *style) { st.bins = n }
}

// BinEdges sets the edges of a histogram's bins (an array or a slice of at
// least two finite numbers, increasing; equal neighbours make an empty
// bin): bin i holds the values in [edges[i], edges[i+1]), the last bin
// [edges[n-1], edges[n]]. Values outside are left out. It overrides Bins
// and BinRange.
func BinEdges(edges any) Option { return func(st *style) { st.binEdges = edges } }

// BinRange sets the range that a histogram's equal bins cover, instead of
// the data's minimum and maximum (numpy.histogram's range); values outside
// are left out.
func BinRange(lo, hi float64) Option {
	if !(lo <= hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		panic(errorf("BinRange", "range [%g, %g]: want finite limits, the lower not above the upper", lo, hi))
	}
	return func(st *style) { st.binRange = &binRange{lo, hi} }
}

// Density scales a histogram's heights to a probability density: each
// count divided by its bin's width and by the number of values counted,
// so that the bars' area is 1 (numpy's density=True).
func Density() Option { return func(st *style) { st.density = true } }

// binRange is the range of BinRange.
type binRange struct{ lo, hi float64 }

// histogram computes the counts and edges as numpy.histogram (1.24) does.
func histogram(op string, x any, s *style) (counts, edges []float64) {
	all := floats(op, "x", x)
	vals := make([]float64, 0, len(all))
	for _, v := range all {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			vals = append(vals, v)
		}
	}
	if s.xerr != nil {
		panic(errorf(op, "XErr is an option of ErrorBars, not of %s", op))
	}
	if s.binEdges != nil {
		edges = checkEdges(op, floats(op, "BinEdges", s.binEdges))
		counts = edgesHistogram(vals, edges)
	} else {
		counts, edges = uniformHistogram(vals, s.bins, s.binRange)
	}
	if s.density {
		total := 0.0
		for _, c := range counts {
			total += c
		}
		for i := range counts {
			// n/db/n.sum(), in numpy's order.
			counts[i] = counts[i] / (edges[i+1] - edges[i]) / total
		}
	}
	return counts, edges
}

func checkEdges(op string, edges []float64) []float64 {
	if len(edges) < 2 {
		panic(errorf(op, "BinEdges has %d values, want at least 2", len(edges)))
	}
	for i, e := range edges {
		if math.IsNaN(e) || math.IsInf(e, 0) {
			panic(errorf(op, "BinEdges[%d] is %g, want finite edges", i, e))
		}
		if i > 0 && e < edges[i-1] {
			panic(errorf(op, "BinEdges must increase: BinEdges[%d] = %g is below BinEdges[%d] = %g", i, e, i-1, edges[i-1]))
		}
	}
	return append([]float64(nil), edges...)
}

// uniformHistogram counts finite values in n equal bins over [min, max] of
// the values, or over rng.
func uniformHistogram(vals []float64, n int, rng *binRange) (counts, edges []float64) {
	if n == 0 {
		n = 10
	}
	var first, last float64
	switch {
	case rng != nil:
		first, last = rng.lo, rng.hi
	case len(vals) == 0:
		first, last = 0, 1
	default:
		first, last = vals[0], vals[0]
		for _, v := range vals {
			first, last = min(first, v), max(last, v)
		}
	}
	if first == last {
		first, last = first-0.5, last+0.5
	}
	edges = linspace(first, last, n+1)
	counts = make([]float64, n)
	norm := float64(n) / (last - first)
	for _, v := range vals {
		if !(v >= first && v <= last) {
			continue
		}
		f := float64(v-first) * norm
		i := n - 1
		if f < float64(n) {
			i = max(int(f), 0)
		}
		// The index may be off by one within an ulp of an edge; the edges
		// decide, the last bin being closed.
		if i > 0 && v < edges[i] {
			i--
		}
		if i < n-1 && v >= edges[i+1] {
			i++
		}
		counts[i]++
	}
	return counts, edges
}

// linspace is numpy.linspace(start, stop, num) with endpoint, rounding as
// numpy does: i*step + start, and the last value stop.
func linspace(start, stop float64, num int) []float64 {
	out := make([]float64, num)
	div := float64(num - 1)
	delta := stop - start
	step := delta / div
	for i := range out {
		if step == 0 {
			out[i] = float64(float64(i)/div)*delta + start
		} else {
			out[i] = float64(float64(i)*step) + start // no fused multiply-add
		}
	}
	out[num-1] = stop
	return out
}

// edgesHistogram counts values in [edges[i], edges[i+1]), the last bin
// closed, through cumulative counts as numpy does (so that equal edges
// make an empty bin).
func edgesHistogram(vals, edges []float64) []float64 {
	sorted := append([]float64(nil), vals...)
	sort.Float64s(sorted)
	cum := make([]int, len(edges))
	for i, e := range edges {
		if i < len(edges)-1 {
			cum[i] = sort.Search(len(sorted), func(k int) bool { return sorted[k] >= e })
		} else {
			cum[i] = sort.Search(len(sorted), func(k int) bool { return sorted[k] > e })
		}
	}
	counts := make([]float64, len(edges)-1)
	for i := range counts {
		counts[i] = float64(cum[i+1] - cum[i])
	}
	return counts
}
