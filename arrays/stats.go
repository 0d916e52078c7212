package arrays

// Statistics: Diff, Histogram, Bincount, Quantile, Percentile, Median.

import (
	"math"
	"slices"

	"workbench/arrays/dtype"
	"workbench/arrays/shape"
)

// ---------------------------------------------------------------- Diff

// Diff returns the n-th discrete difference along an axis (default -1):
// out[i] = x[i+1] - x[i], taken N(n) times (default 1; N(0) returns x).
// Prepend and Append add values (arrays, or Go numbers as weak scalars,
// broadcast to length 1 along the axis) before and after x first. Bool
// input gives x[i+1] != x[i], as NumPy's; unsigned integers wrap.
func Diff(x *Array, opts ...Option) *Array {
	const op = "diff"
	c := configure(opts)
	if len(x.shape) == 0 {
		panic(shapeErr(op, "needs an array of at least one dimension, got shape", x.shape))
	}
	sameDevice(op, x, arrayOf(c.prepend), arrayOf(c.append))
	ax := oneAxis(op, x, c, -1)
	n := 1
	if c.hasN {
		n = c.n
	}
	if n < 0 {
		panic(valueErr(op, "order must be non-negative but got %d", n))
	}
	parts := []*Array{}
	if c.prepend != nil {
		parts = append(parts, diffEnd(c.prepend, x, ax))
	}
	parts = append(parts, x)
	if c.append != nil {
		parts = append(parts, diffEnd(c.append, x, ax))
	}
	if len(parts) > 1 {
		x = Concat(parts, Axis(ax))
	}
	for i := 0; i < n; i++ {
		m := x.shape[ax]
		hi := x.Index(spanOnAxis(ax, 1, max(m, 1))...)
		lo := x.Index(spanOnAxis(ax, 0, max(m-1, 0))...)
		if x.dt == Bool {
			x = NotEqual(hi, lo)
		} else {
			x = Subtract(hi, lo)
		}
	}
	return x
}

// diffEnd makes the values Diff puts before or after x: a 0-d array or a
// Go number is broadcast to x's shape with length 1 along the axis.
func diffEnd(v any, x *Array, ax int) *Array {
	a := operandFor("diff", v, x)
	if len(a.shape) == 0 {
		shp := append([]int{}, x.shape...)
		shp[ax] = 1
		a = BroadcastTo(a, shp...)
	}
	return a
}

// ---------------------------------------------------------------- Histogram

// Histogram counts the elements of x (flattened) in bins and returns the
// counts and the bin edges, as np.histogram does. bins is a number of
// equal-width bins (an int) spanning Range(lo, hi) or else the smallest to
// the largest element, or the edges themselves (an array or a Go slice,
// increasing). Every bin holds the elements from its left edge up to, not
// including, its right edge, except the last, which includes its right
// edge; NaNs and elements outside the edges are not counted.
//
// The counts are int64; with Weights(w) they are sums of w (of w's dtype),
// with Density() float64 densities. Equal-width edges are float32 for
// float32 input and float64 otherwise; given edges are returned as given.
// Options: Range, Weights, Density.
func Histogram(x *Array, bins any, opts ...Option) (counts, edges *Array) {
	const op = "histogram"
	c := configure(opts)
	if dev := offHost(op, x, arrayOf(bins), c.weights); dev != nil {
		ranOnCPU("Histogram", dev, "histograms")
		counts, edges = Histogram(x.hosted(), hostedAny(bins), hostedWeights(opts, c)...)
		return counts.To(dev), edges.To(dev)
	}
	if x.dt.IsComplex() {
		panic(dtypeErr(op, "complex numbers have no order", x.dt))
	}
	a := x
	if a.dt == Bool {
		a = a.Astype(Uint8) // as NumPy does
	}
	var w *Array
	if c.weights != nil {
		w = c.weights
		if !shape.Shape(w.shape).Equal(x.shape) {
			panic(shapeErr(op, "weights should have the same shape as x", w.shape, x.shape))
		}
		if w.dt.IsComplex() {
			panic(dtypeErr(op, "complex weights are not supported", w.dt))
		}
		if w.dt == Bool {
			w = w.Astype(Int64)
		}
	}
	var nbins int
	switch b := bins.(type) {
	case int:
		nbins = b
	case int64:
		nbins = int(b)
	case int32:
		nbins = int(b)
	default:
		if b == nil {
			panic(valueErr(op, "bins must be a number of bins or the edges"))
		}
		edges = Asarray(b)
		counts = histogramEdges(a, w, edges)
		return histogramDensity(counts, edges, c.density), edges
	}
	if nbins < 1 {
		panic(valueErr(op, "bins must be positive, when an integer; got %d", nbins))
	}
	counts, edges = histogramUniform(a, w, nbins, c)
	return histogramDensity(counts, edges, c.density), edges
}

// hostedWeights returns opts with the Weights option's array (c is opts
// configured) in host memory, for the CPU fallback.
func hostedWeights(opts []Option, c *config) []Option {
	if c.weights == nil || c.weights.onHost() {
		return opts
	}
	return append(opts[:len(opts):len(opts)], Weights(c.weights.hosted()))
}

// histogramDensity divides the counts by their total and the bin widths
// (computed in the edges' dtype), when asked to.
func histogramDensity(counts, edges *Array, density bool) *Array {
	if !density {
		return counts
	}
	nb := counts.Size()
	e := edges.contiguous()
	widths := Subtract(e.Index(Slice(1, nb+1)), e.Index(Slice(0, nb))).Float64s()
	total := Sum(counts).Astype(Float64).Float()
	n := counts.Float64s()
	out := make([]float64, nb)
	for i := range out {
		out[i] = float64(n[i]/widths[i]) / total
	}
	return FromSlice(out).onDevice(counts.Device())
}

// histogramEdges counts with given edges.
func histogramEdges(a, w, edges *Array) *Array {
	const op = "histogram"
	if len(edges.shape) != 1 {
		panic(shapeErr(op, "bins must be 1-d, when an array; got shape", edges.shape))
	}
	if edges.dt.IsComplex() {
		panic(dtypeErr(op, "complex numbers have no order", edges.dt))
	}
	ne := edges.shape[0]
	if ne > 1 && Any(Greater(edges.Index(Slice(0, ne-1)), edges.Index(Slice(1, ne)))).Bool() {
		panic(valueErr(op, "bins must increase monotonically, when an array"))
	}
	dt, err := dtype.Promote(a.dt, edges.dt)
	if err != nil {
		panic(dtypeErr(op, "no common dtype for", a.dt, edges.dt))
	}
	nb := max(ne-1, 0)
	el := lanesOf(edges.Astype(dt).hostData())
	vals := Reshape(a, -1).Astype(dt).hostData()
	left := el.searchsorted(vals, nil, false)
	right := el.searchsorted(vals, nil, true)
	bin := make([]int, len(left))
	for i := range bin {
		switch {
		case right[i] >= 1 && int(right[i]) <= nb:
			bin[i] = int(right[i]) - 1
		case nb > 0 && int(left[i]) <= nb && int(right[i]) > nb:
			bin[i] = nb - 1 // equal to the last edge
		default:
			bin[i] = -1
		}
	}
	if w == nil {
		n := make([]int64, nb)
		for _, b := range bin {
			if b >= 0 {
				n[b]++
			}
		}
		return FromSlice(n).onDevice(a.Device())
	}
	return sumWeights(w, nb, func(yield func(i, b int)) {
		for i, b := range bin {
			if b >= 0 {
				yield(i, b)
			}
		}
	})
}

// sumWeights adds the weights of the elements into their bins, as
// np.histogram does: per block of 65536 elements in float64, each block's
// sums converted to the weights' dtype and added to the totals.
func sumWeights(w *Array, nb int, each func(yield func(i, b int))) *Array {
	ws := Reshape(w, -1).Float64s()
	const block = 65536
	total := make([]float64, nb)
	part := make([]float64, nb)
	blk := -1
	flush := func() {
		for b, v := range part {
			switch w.dt {
			case Float32:
				total[b] = float64(float32(total[b]) + float32(v))
			case Float64:
				total[b] += v
			default: // integers: truncated as astype does
				total[b] += math.Trunc(v)
			}
			part[b] = 0
		}
	}
	each(func(i, b int) {
		if i/block != blk {
			if blk >= 0 {
				flush()
			}
			blk = i / block
		}
		part[b] += ws[i]
	})
	flush()
	out := FromSlice(total)
	switch {
	case w.dt.IsFloat():
		out = out.Astype(w.dt)
	default:
		out = out.Astype(Int64).Astype(w.dt)
	}
	return out.onDevice(w.Device())
}

// histogramUniform counts in nbins equal-width bins, computing the bin of
// each element as np.histogram does (so that elements on an edge fall in
// the same bin).
func histogramUniform(a, w *Array, nbins int, c *config) (counts, edges *Array) {
	const op = "histogram"
	f32 := a.dt == Float32
	var fe, le float64
	var diff float64 // last - first as NumPy computes it
	switch {
	case c.hasRange:
		fe, le = c.rangeLo, c.rangeHi
		if fe > le {
			panic(valueErr(op, "max must be larger than min in range parameter"))
		}
		if math.IsInf(fe, 0) || math.IsNaN(fe) || math.IsInf(le, 0) || math.IsNaN(le) {
			panic(valueErr(op, "supplied range of [%v, %v] is not finite", fe, le))
		}
		diff = le - fe
	case a.Size() == 0:
		fe, le, diff = 0, 1, 1
	default:
		lo, hi := Min(a), Max(a)
		fe, le = lo.Astype(Float64).Float(), hi.Astype(Float64).Float()
		if math.IsInf(fe, 0) || math.IsNaN(fe) || math.IsInf(le, 0) || math.IsNaN(le) {
			panic(valueErr(op, "autodetected range of [%v, %v] is not finite", fe, le))
		}
		switch {
		case f32:
			diff = float64(float32(le) - float32(fe))
		case a.dt.IsInteger():
			// NumPy subtracts in the unsigned type, which is exact.
			if a.dt.IsUnsigned() {
				diff = float64(hi.Astype(Uint64).Item().(uint64) - lo.Astype(Uint64).Item().(uint64))
			} else {
				diff = float64(uint64(hi.Astype(Int64).Item().(int64)) - uint64(lo.Astype(Int64).Item().(int64)))
			}
		default:
			diff = le - fe
		}
	}
	if fe == le {
		fe, le = fe-0.5, le+0.5
		diff = le - fe
	}
	norm := float64(nbins) / diff
	e := histLinspace(fe, le, nbins+1)
	bt := Float64
	if f32 {
		bt = Float32
		for i, v := range e {
			e[i] = float64(float32(v))
		}
	}
	edges = FromSlice(e).Astype(bt).onDevice(a.Device())

	vals := Reshape(a, -1).Astype(Float64).Float64s()
	bin := func(v float64) int {
		// Keep only the elements in range (NaN is not).
		if f32 {
			if !(float32(v) >= float32(fe) && float32(v) <= float32(le)) {
				return -1
			}
		} else if !(v >= fe && v <= le) {
			return -1
		}
		var f float64
		if f32 {
			f = float64(float32(float32(v)-float32(fe)) * float32(norm))
		} else {
			f = float64(v-fe) * norm
		}
		i := int(f)
		if i >= nbins {
			i = nbins - 1
		}
		i = max(i, 0)
		if v < e[i] {
			i--
		}
		if i != nbins-1 && v >= e[i+1] {
			i++
		}
		return i
	}
	if w == nil {
		n := make([]int64, nbins)
		for _, v := range vals {
			if i := bin(v); i >= 0 {
				n[i]++
			}
		}
		return FromSlice(n).onDevice(a.Device()), edges
	}
	counts = sumWeights(w, nbins, func(yield func(i, b int)) {
		for i, v := range vals {
			if b := bin(v); b >= 0 {
				yield(i, b)
			}
		}
	})
	return counts, edges
}

// histLinspace is np.linspace(start, stop, num) in float64, rounding as
// NumPy does (i*step, then + start).
func histLinspace(start, stop float64, num int) []float64 {
	out := make([]float64, num)
	div := num - 1
	delta := stop - start
	step := delta / float64(div)
	for i := range out {
		if step == 0 {
			out[i] = float64(float64(i)/float64(div)*delta) + start
		} else {
			out[i] = float64(float64(i)*step) + start
		}
	}
	out[num-1] = stop
	return out
}

// ---------------------------------------------------------------- Bincount

// Bincount counts the occurrences of each value in a 1-d array of
// non-negative integers (or bools): element i of the int64 result is the
// number of times i occurs. The result is max(x)+1 long, or Minlength(n)
// if longer. With Weights(w) (of x's shape), element i is the sum of the
// weights of the occurrences of i, as float64.
func Bincount(x *Array, opts ...Option) *Array {
	const op = "bincount"
	c := configure(opts)
	if dev := offHost(op, x, c.weights); dev != nil {
		ranOnCPU("Bincount", dev, "counting")
		return Bincount(x.hosted(), hostedWeights(opts, c)...).To(dev)
	}
	if len(x.shape) != 1 {
		panic(shapeErr(op, "needs a 1-d array, got shape", x.shape))
	}
	if !x.dt.IsInteger() && x.dt != Bool || x.dt == Uint64 {
		// uint64 as NumPy: it cannot be cast to int64 safely.
		panic(dtypeErr(op, "needs integers (that convert to int64 safely) or bools", x.dt))
	}
	if c.minlength < 0 {
		panic(valueErr(op, "minlength must be non-negative, got %d", c.minlength))
	}
	vals := x.Int64s()
	size := c.minlength
	for _, v := range vals {
		if v < 0 {
			panic(valueErr(op, "the array must have no negative elements (found %d)", v))
		}
		size = max(size, int(v)+1)
	}
	if c.weights == nil {
		n := make([]int64, size)
		for _, v := range vals {
			n[v]++
		}
		return FromSlice(n).onDevice(x.Device())
	}
	w := c.weights
	if !shape.Shape(w.shape).Equal(x.shape) {
		panic(shapeErr(op, "the weights and x must have the same shape", w.shape, x.shape))
	}
	if w.dt.IsComplex() {
		panic(dtypeErr(op, "weights must be real numbers", w.dt))
	}
	ws := w.Float64s()
	n := make([]float64, size)
	for i, v := range vals {
		n[v] += ws[i]
	}
	return FromSlice(n).onDevice(x.Device())
}

// ---------------------------------------------------------------- quantiles

// quantileMethod is an interpolation method of np.quantile.
type quantileMethod uint8

const (
	qLinear quantileMethod = iota
	qLower
	qHigher
	qNearest
	qMidpoint
)

func parseQuantileMethod(op, name string) quantileMethod {
	switch name {
	case "", "linear":
		return qLinear
	case "lower":
		return qLower
	case "higher":
		return qHigher
	case "nearest":
		return qNearest
	case "midpoint":
		return qMidpoint
	}
	panic(valueErr(op, "%q is not a supported method; use linear, lower, higher, nearest or midpoint", name))
}

// quantileArgs reads q (a Go number, a slice or an array) as float64
// values divided by scale, and their shape; each must lie in [0, 1].
func quantileArgs(op string, q any, scale float64) (qs []float64, qshape []int) {
	if q == nil {
		panic(valueErr(op, "no q given"))
	}
	qa := Asarray(q)
	if qa.dt.IsComplex() {
		panic(dtypeErr(op, "q must hold real numbers", qa.dt))
	}
	qs = qa.Float64s()
	for i := range qs {
		qs[i] /= scale
		if !(qs[i] >= 0 && qs[i] <= 1) {
			if scale == 100 {
				panic(valueErr(op, "percentiles must be in the range [0, 100], got %v", qs[i]*scale))
			}
			panic(valueErr(op, "quantiles must be in the range [0, 1], got %v", qs[i]))
		}
	}
	return qs, qa.Shape()
}

// quantile is Quantile, Percentile and their Nan forms (scale 100 for
// percentiles). Each row is partitioned (quickselect) only at the indices
// that the quantiles need, as NumPy does.
func quantile(op string, x *Array, q any, scale float64, skipNaN bool, opts []Option) *Array {
	if dev := offHost(op, x, arrayOf(q)); dev != nil {
		ranOnCPU(op, dev, "quantiles")
		return quantile(op, x.hosted(), hostedAny(q), scale, skipNaN, opts).To(dev)
	}
	c := configure(opts)
	if x.dt.IsComplex() {
		panic(dtypeErr(op, "a must be an array of real numbers", x.dt))
	}
	if x.dt == Bool {
		panic(dtypeErr(op, "not defined for bool (NumPy cannot subtract bools)", x.dt))
	}
	method := parseQuantileMethod(op, c.method)
	qs, qshape := quantileArgs(op, q, scale)
	red, _ := reducedAxes(op, x, c)
	data, rows, n, _ := laneCopy(x, red)
	if n == 0 && rows > 0 && (!skipNaN || !x.dt.IsFloat()) {
		panic(valueErr(op, "cannot take a quantile of an empty axis (shape %v)", shape.Shape(x.shape)))
	}
	discrete := method == qLower || method == qHigher || method == qNearest
	l := lanesOf(data)
	nq := len(qs)
	outShape := append(append([]int{}, qshape...), keptShape(x, red, c.keepdims)...)
	var take []int64  // discrete: where each result is in data
	var res []float64 // otherwise: the results
	var nanRow []bool
	if discrete {
		take = make([]int64, nq*rows)
		nanRow = make([]bool, rows)
	} else {
		res = make([]float64, nq*rows)
	}
	f32 := x.dt == Float32
	eachRow(rows, n*max(nq, 4), func(r int) {
		m := l.nanLast(r, n)
		if m < n && !skipNaN || m == 0 {
			for j := range qs {
				if discrete {
					nanRow[r] = true
					take[j*rows+r] = int64(r * n) // any element; replaced by NaN
				} else {
					res[j*rows+r] = math.NaN()
				}
			}
			return
		}
		// The order statistics each quantile needs.
		need := make([][2]int, nq)
		var ks []int
		for j, qv := range qs {
			v := float64(m-1) * qv
			var lo, hi int
			switch method {
			case qLower:
				lo = int(math.Floor(v))
				hi = lo
			case qHigher:
				lo = int(math.Ceil(v))
				hi = lo
			case qNearest:
				lo = int(math.RoundToEven(v))
				hi = lo
			default:
				if method == qMidpoint {
					v = 0.5 * (math.Floor(v) + math.Ceil(v))
				}
				lo = min(int(math.Floor(v)), m-1)
				hi = min(lo+1, m-1)
			}
			need[j] = [2]int{lo, hi}
			ks = append(ks, lo, hi)
		}
		slices.Sort(ks)
		ks = slices.Compact(ks)
		l.selectKs(r, n, m, ks)
		for j, qv := range qs {
			if discrete {
				take[j*rows+r] = int64(r*n + need[j][0])
				continue
			}
			a, b := l.float64At(r*n+need[j][0]), l.float64At(r*n+need[j][1])
			res[j*rows+r] = lerpQuantile(m, a, b, qv, method, f32)
		}
	})
	var out *Array
	switch {
	case !discrete:
		out = FromSlice(res)
		if f32 {
			// Documented: NumPy 1.24 returns float64 here; we keep float32
			// (as NumPy 2 does for a Python-number q).
			out = out.Astype(Float32)
		}
	case n == 0: // NanQuantile of an empty float axis
		out = Full(math.NaN(), nq*rows, Dtype(x.dt))
	default:
		out = FromSlice(l.take(take))
		for i, r := 0, 0; i < len(take); i, r = i+1, (r+1)%rows {
			if nanRow[r] {
				out.SetIndex(math.NaN(), i)
			}
		}
	}
	return out.Reshape(outShape...).onDevice(x.Device())
}

// lerpQuantile is np.quantile's linear and midpoint methods for a row of
// m elements without NaNs whose order statistics around (m-1)*q are a and
// b, with NumPy's very roundings (among them: a virtual index at the last
// element interpolates between it and itself, and for float32 input the
// difference b-a is rounded to float32, as NumPy 1.24 subtracts in float32).
func lerpQuantile(m int, a, b, q float64, method quantileMethod, f32 bool) float64 {
	v := float64(m-1) * q
	if method == qMidpoint {
		v = 0.5 * (math.Floor(v) + math.Ceil(v))
	}
	prev := math.Floor(v)
	if v >= float64(m-1) {
		prev = -1 // NumPy's index -1: the last element, for both neighbours
		a = b
	}
	gamma := v - prev
	if method == qMidpoint {
		gamma = 0.5
		if math.Mod(v, 1) == 0 {
			gamma = 0
		}
	}
	d := b - a
	if f32 {
		d = float64(float32(b) - float32(a))
	}
	if gamma >= 0.5 {
		return b - float64(d*(1-gamma))
	}
	return a + float64(d*gamma)
}

// keptShape is the shape of a reduction's result over the axes marked in
// red.
func keptShape(x *Array, red []bool, keepdims bool) []int {
	shp := []int{}
	for i, d := range x.shape {
		switch {
		case !red[i]:
			shp = append(shp, d)
		case keepdims:
			shp = append(shp, 1)
		}
	}
	return shp
}

// Quantile returns the q-th quantiles of x over the axes given by Axis (all
// by default), as np.quantile with its default method, "linear": the
// element at (n-1)*q in sorted order, interpolated between its neighbours.
// q is a Go number or an array of numbers in [0, 1]; the result has q's
// shape followed by the reduced shape (Keepdims keeps the reduced axes).
// Method(name) picks another of NumPy's methods: "lower", "higher",
// "nearest" (which return elements of x, in its dtype) or "midpoint". A
// NaN in a slice gives NaN. The result is float64, or float32 for float32
// input; complex and bool input are refused. Options: Axis, Keepdims,
// Method.
func Quantile(x *Array, q any, opts ...Option) *Array {
	return quantile("quantile", x, q, 1, false, opts)
}

// Percentile is Quantile with q in percent (in [0, 100]).
func Percentile(x *Array, q any, opts ...Option) *Array {
	return quantile("percentile", x, q, 100, false, opts)
}

// Median returns the median of x over the axes given by Axis (all by
// default): the middle element in sorted order, or the mean of the two
// middle ones. The result is float64 for integer and bool input and keeps
// float and complex dtypes (complex numbers sort lexicographically, as
// NumPy's). A NaN in a slice gives NaN; an empty slice gives NaN. Options:
// Axis, Keepdims.
func Median(x *Array, opts ...Option) *Array { return median("median", x, false, opts) }

func median(op string, x *Array, skipNaN bool, opts []Option) *Array {
	if !x.onHost() {
		return cpuOnly(op, "medians", x, func(x *Array) *Array { return median(op, x, skipNaN, opts) })
	}
	c := configure(opts)
	red, _ := reducedAxes(op, x, c)
	data, rows, n, _ := laneCopy(x, red)
	l := lanesOf(data)
	outShape := keptShape(x, red, c.keepdims)
	// middle partitions row r around its middle and returns the number of
	// elements taking part (0 for a NaN result) and where the middle one
	// (or two) are.
	middle := func(r int) (m, lo, hi int) {
		m = l.nanLast(r, n)
		if m < n && !skipNaN || m == 0 {
			return 0, 0, 0
		}
		lo, hi = (m-1)/2, m/2
		l.selectKs(r, n, m, []int{lo, hi})
		return m, r*n + lo, r*n + hi
	}
	if x.dt.IsComplex() {
		c64 := x.dt == Complex64
		res := make([]complex128, rows)
		eachRow(rows, n, func(r int) {
			m, lo, hi := middle(r)
			if m == 0 {
				res[r] = complex(math.NaN(), 0)
				return
			}
			a, b := l.complex128At(lo), l.complex128At(hi)
			switch {
			case m%2 == 1:
				res[r] = a
			case c64:
				s := complex64(a) + complex64(b)
				res[r] = complex(float64(real(s))/2, float64(imag(s))/2)
			default:
				s := a + b
				res[r] = complex(real(s)/2, imag(s)/2)
			}
		})
		return shaped(res, outShape).Astype(x.dt).onDevice(x.Device())
	}
	f32 := x.dt == Float32
	res := make([]float64, rows)
	eachRow(rows, n, func(r int) {
		m, lo, hi := middle(r)
		if m == 0 {
			res[r] = math.NaN()
			return
		}
		a, b := l.float64At(lo), l.float64At(hi)
		switch {
		case m%2 == 1:
			res[r] = a
		case f32:
			res[r] = float64(float32(a)+float32(b)) / 2
		default:
			res[r] = (a + b) / 2
		}
	})
	out := shaped(res, outShape)
	if x.dt.IsFloat() {
		out = out.Astype(x.dt)
	}
	return out.onDevice(x.Device())
}
