package arrays

// NaN-aware reductions: as the plain ones, with NaNs left out (for complex
// numbers, the elements with a NaN part). Integer and bool input, which
// holds no NaNs, gives what the plain reduction gives.

import (
	"math"

	"workbench/arrays/dtype"
)

// nanFilled returns x with its NaNs replaced by v, and the mask of the
// NaNs; for a dtype without NaNs, x itself and nil.
func nanFilled(x *Array, v float64) (filled, mask *Array) {
	if !x.dt.IsInexact() {
		return x, nil
	}
	mask = IsNaN(x)
	return Where(mask, v, x), mask
}

// axesOption passes on the axes of c, and keepdims as asked, but no dtype.
func axesOption(c *config, keepdims bool) Option {
	kc := *c
	kc.dtype = dtype.Invalid
	kc.keepdims = keepdims
	return func(cc *config) { *cc = kc }
}

// NanSum is Sum with NaNs counted as zero (an all-NaN slice sums to 0).
func NanSum(x *Array, opts ...Option) *Array {
	f, _ := nanFilled(x, 0)
	return Sum(f, opts...)
}

// NanProd is Prod with NaNs counted as one.
func NanProd(x *Array, opts ...Option) *Array {
	f, _ := nanFilled(x, 1)
	return Prod(f, opts...)
}

func nanExtreme(op string, x *Array, max bool, opts []Option) *Array {
	if x.dt.IsComplex() {
		panic(dtypeErr(op, "complex numbers have no order", x.dt))
	}
	fill, red := math.Inf(1), Min
	if max {
		fill, red = math.Inf(-1), Max
	}
	f, mask := nanFilled(x, fill)
	r := red(f, opts...)
	if mask == nil {
		return r
	}
	c := configure(opts)
	return Where(All(mask, axesOption(c, c.keepdims)), math.NaN(), r)
}

// NanMin is Min ignoring NaNs: the smallest element that is not NaN, or NaN
// for a slice of NaNs. A zero-size reduction is an error.
func NanMin(x *Array, opts ...Option) *Array { return nanExtreme("nanmin", x, false, opts) }

// NanMax is Max ignoring NaNs (see NanMin).
func NanMax(x *Array, opts ...Option) *Array { return nanExtreme("nanmax", x, true, opts) }

// NanMean is Mean of the elements that are not NaN: NaN for a slice of
// NaNs or an empty one. Options: Axis, Keepdims, Dtype.
func NanMean(x *Array, opts ...Option) *Array {
	c := configure(opts)
	f, mask := nanFilled(x, 0)
	if mask == nil {
		return Mean(x, opts...)
	}
	dt := c.dtypeOr(meanDType(x.dt))
	cnt := Sum(LogicalNot(mask), axesOption(c, c.keepdims))
	tot := Sum(f, axesOption(c, c.keepdims), Dtype(dt))
	return Divide(tot, cnt.Astype(dt.RealOf())).Astype(dt)
}

// NanVar is Var of the elements that are not NaN, with n - correction in
// the denominator, n counting them; NaN where that is not positive.
// Options: Axis, Keepdims, Correction, Dtype.
func NanVar(x *Array, opts ...Option) *Array {
	c := configure(opts)
	f, mask := nanFilled(x, 0)
	if mask == nil {
		return Var(x, opts...)
	}
	dt := c.dtypeOr(x.dt)
	rt := dt.RealOf()
	arr := f.Astype(dt)
	cnt := Sum(LogicalNot(mask), axesOption(c, true))
	avg := Divide(Sum(arr, axesOption(c, true)), cnt.Astype(rt)).Astype(dt)
	dev := Where(mask, 0, Subtract(arr, avg))
	var sq *Array
	if dt.IsComplex() {
		re, im := Real(dev), Imag(dev)
		sq = Add(Multiply(re, re), Multiply(im, im))
	} else {
		sq = Multiply(dev, dev)
	}
	s := Sum(sq, axesOption(c, c.keepdims))
	dof := Subtract(Sum(LogicalNot(mask), axesOption(c, c.keepdims)).Astype(Float64), c.correction)
	v := Divide(s, dof.Astype(rt)).Astype(rt)
	return Where(LessEqual(dof, 0), math.NaN(), v)
}

// NanStd is the square root of NanVar (with the same options).
func NanStd(x *Array, opts ...Option) *Array { return Sqrt(NanVar(x, opts...)) }

// NanArgmax is Argmax ignoring NaNs: the index of the largest element that
// is not NaN. A slice of NaNs is an error.
func NanArgmax(x *Array, opts ...Option) *Array {
	return argExtreme("nanargmax", x, true, true, opts)
}

// NanArgmin is Argmin ignoring NaNs (see NanArgmax).
func NanArgmin(x *Array, opts ...Option) *Array {
	return argExtreme("nanargmin", x, false, true, opts)
}

// NanMedian is Median of the elements that are not NaN (NaN for a slice of
// NaNs).
func NanMedian(x *Array, opts ...Option) *Array { return median("nanmedian", x, true, opts) }

// NanQuantile is Quantile of the elements that are not NaN (NaN for a
// slice of NaNs).
func NanQuantile(x *Array, q any, opts ...Option) *Array {
	return quantile("nanquantile", x, q, 1, true, opts)
}

// NanPercentile is Percentile of the elements that are not NaN.
func NanPercentile(x *Array, q any, opts ...Option) *Array {
	return quantile("nanpercentile", x, q, 100, true, opts)
}

// NanCumulativeSum is CumulativeSum with NaNs counted as zero.
func NanCumulativeSum(x *Array, opts ...Option) *Array {
	f, _ := nanFilled(x, 0)
	return CumulativeSum(f, opts...)
}

// NanCumulativeProd is CumulativeProd with NaNs counted as one.
func NanCumulativeProd(x *Array, opts ...Option) *Array {
	f, _ := nanFilled(x, 1)
	return CumulativeProd(f, opts...)
}
