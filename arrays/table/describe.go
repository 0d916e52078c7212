package table

import (
	"math"
	"slices"
)

// describeStats are the rows of Describe's result.
var describeStats = []string{"count", "mean", "std", "min", "25%", "50%", "75%", "max"}

// Describe summarises the numeric columns (not bool, time, string or
// complex ones) as pandas' describe(): a table whose first column,
// "statistic", holds the names count, mean, std, min, 25%, 50%, 75% and
// max, and whose other columns, one per numeric column, hold them as
// float64. Missing values (and NaN) are skipped; std is the sample
// standard deviation (correction 1); the quartiles interpolate linearly
// between the sorted values, as numpy.percentile's default. A column with
// no values has count 0 and NaN elsewhere. It is an error when the table
// has no numeric column.
func (t *Table) Describe() (*Table, error) {
	cols := []*Column{StringColumn("statistic", append([]string(nil), describeStats...))}
	for _, c := range t.cols {
		if c.Kind != Numeric || c.Values.DType().IsComplex() {
			continue
		}
		h := hostOf("Table.Describe", c)
		x := make([]float64, h.len())
		var present []float64
		for i := range x {
			if !h.missing(i) {
				x[i] = h.float(i)
				present = append(present, x[i])
			}
		}
		n := float64(len(present))
		// As pandas' nanops: missing values count as 0 in the sums, which
		// add as NumPy does (pairwise).
		mean := numpySum(x) / n
		std := math.NaN()
		if len(present) > 1 {
			sq := make([]float64, len(x))
			for i := range x {
				if !h.missing(i) {
					d := mean - x[i]
					sq[i] = d * d
				}
			}
			std = math.Sqrt(numpySum(sq) / (n - 1))
		}
		slices.Sort(present)
		lo, hi := math.NaN(), math.NaN()
		if len(present) > 0 {
			lo, hi = present[0], present[len(present)-1]
		}
		vals := []float64{n, mean, std, lo,
			percentile(present, 0.25), percentile(present, 0.5), percentile(present, 0.75), hi}
		col := onDeviceOf("Table.Describe", floatColumn(c.Name, vals), c)
		cols = append(cols, col)
	}
	if len(cols) == 1 {
		return nil, &Error{Op: "Describe", Msg: "the table has no numeric column"}
	}
	out, err := New(cols...)
	if err != nil {
		err.(*Error).Op = "Describe"
		return nil, err
	}
	return out, nil
}

// numpySum adds x as NumPy's sum does: 0 plus the pairwise sum of x.
func numpySum(x []float64) float64 {
	zero := 0.0
	return zero + pairwiseSum(x)
}

// pairwiseSum is NumPy's pairwise summation (blocks of 128, eight
// accumulators).
func pairwiseSum(a []float64) float64 {
	n := len(a)
	switch {
	case n < 8:
		res := 0.0
		for _, v := range a {
			res += v
		}
		return res
	case n <= 128:
		var r [8]float64
		copy(r[:], a[:8])
		i := 8
		for ; i < n-n%8; i += 8 {
			for j := range 8 {
				r[j] += a[i+j]
			}
		}
		res := ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
		for ; i < n; i++ {
			res += a[i]
		}
		return res
	}
	n2 := n / 2
	n2 -= n2 % 8
	return pairwiseSum(a[:n2]) + pairwiseSum(a[n2:])
}

// percentile is numpy.percentile's linear method on sorted values, with
// its two-sided interpolation.
func percentile(sorted []float64, q float64) float64 {
	n := len(sorted)
	if n == 0 {
		return math.NaN()
	}
	h := float64(n-1) * q
	lo := math.Floor(h)
	i := int(lo)
	if i >= n-1 {
		return sorted[n-1]
	}
	a, b, g := sorted[i], sorted[i+1], h-lo
	d := b - a
	if g >= 0.5 {
		return b - d*(1-g)
	}
	return a + d*g
}
