package arrays

import (
	"fmt"

	"workbench/arrays/shape"
	"workbench/devices"
	"workbench/kernels"
)

// reducedAxes returns which axes of x the options select (all by default)
// and the shape of the result with them kept as length 1.
func reducedAxes(name string, x *Array, c *config) (axes []bool, kept []int) {
	axes = make([]bool, len(x.shape))
	if !c.hasAxis {
		for i := range axes {
			axes[i] = true
		}
	} else {
		norm, err := shape.NormalizeAxes(c.axes, len(x.shape))
		if err != nil {
			panic(shapeErr(name, fmt.Sprintf("axis %v: %v; array shape", c.axes, err), x.shape))
		}
		for _, a := range norm {
			axes[a] = true
		}
	}
	kept = make([]int, len(x.shape))
	for i, d := range x.shape {
		if axes[i] {
			kept[i] = 1
		} else {
			kept[i] = d
		}
	}
	return axes, kept
}

// finish drops the reduced axes unless Keepdims was given.
func finish(out *Array, axes []bool, c *config) *Array {
	if c.keepdims {
		return out
	}
	var shp []int
	for i, d := range out.shape {
		if !axes[i] {
			shp = append(shp, d)
		}
	}
	if shp == nil {
		shp = []int{}
	}
	return out.withView(shp, shape.ContiguousStrides(shp), out.offset)
}

// reduce runs a reduction in dtype dt on x.
func reduce(name string, op kernels.ReduceOp, x *Array, dt DType, c *config) *Array {
	axes, kept := reducedAxes(name, x, c)
	if op == kernels.ReduceMin || op == kernels.ReduceMax {
		for i, d := range x.shape {
			if axes[i] && d == 0 {
				panic(&ValueError{Op: name, Msg: fmt.Sprintf("zero-size array (shape %v) to reduction operation %s which has no identity", shape.Shape(x.shape), name)})
			}
		}
	}
	src := x.Astype(dt)
	dev := x.Device()
	out := allocOut(dev, dt, kept)
	if err := tryDevice(name, dev, func() error { return dev.Reduce(op, out.view(), src.view(), axes) }); err != nil {
		ranOnCPU(name, dev, fmt.Sprintf("the reduction %s on %v", name, dt))
		hout := allocOut(devices.CPU(), dt, kept)
		run(name, func() error { return devices.CPU().Reduce(op, hout.view(), src.hosted().view(), axes) })
		out = hout.To(dev)
	}
	return finish(out, axes, c)
}

// sumDType is the dtype that Sum and Prod accumulate in: at least int64 for
// signed integers and bool, uint64 for unsigned, and the input's own dtype for
// floats and complex numbers.
func sumDType(d DType) DType {
	switch {
	case d == Bool || d.IsSigned():
		return Int64
	case d.IsUnsigned():
		return Uint64
	}
	return d
}

// Sum adds the elements over the axes given by Axis (all by default), with
// pairwise summation for floats. Options: Axis, Keepdims, Dtype.
func Sum(x *Array, opts ...Option) *Array {
	c := configure(opts)
	return reduce("sum", kernels.ReduceSum, x, c.dtypeOr(sumDType(x.dt)), c)
}

// Prod multiplies the elements over the axes given by Axis (all by default).
func Prod(x *Array, opts ...Option) *Array {
	c := configure(opts)
	return reduce("prod", kernels.ReduceProd, x, c.dtypeOr(sumDType(x.dt)), c)
}

// Min returns the smallest element over the axes (NaN if any is NaN). A
// zero-size reduction is an error.
func Min(x *Array, opts ...Option) *Array {
	if x.dt.IsComplex() {
		panic(dtypeErr("min", "complex numbers have no order", x.dt))
	}
	return reduce("min", kernels.ReduceMin, x, x.dt, configure(opts))
}

// Max returns the largest element over the axes (NaN if any is NaN). A
// zero-size reduction is an error.
func Max(x *Array, opts ...Option) *Array {
	if x.dt.IsComplex() {
		panic(dtypeErr("max", "complex numbers have no order", x.dt))
	}
	return reduce("max", kernels.ReduceMax, x, x.dt, configure(opts))
}

// All reports whether every element over the axes is true (non-zero).
func All(x *Array, opts ...Option) *Array {
	return reduce("all", kernels.ReduceAll, x, Bool, configure(opts))
}

// Any reports whether some element over the axes is true (non-zero).
func Any(x *Array, opts ...Option) *Array {
	return reduce("any", kernels.ReduceAny, x, Bool, configure(opts))
}

// meanDType is the dtype Mean computes in: float64 for integers and bools.
func meanDType(d DType) DType {
	if d.IsInexact() {
		return d
	}
	return Float64
}

// count is the number of elements a reduction over axes takes in.
func count(x *Array, axes []bool) int {
	n := 1
	for i, d := range x.shape {
		if axes[i] {
			n *= d
		}
	}
	return n
}

// Mean returns the arithmetic mean over the axes (float64 for integer input;
// NaN for an empty reduction).
func Mean(x *Array, opts ...Option) *Array {
	c := configure(opts)
	dt := c.dtypeOr(meanDType(x.dt))
	axes, _ := reducedAxes("mean", x, c)
	s := reduce("mean", kernels.ReduceSum, x, dt, c)
	return Divide(s, float64(count(x, axes))).Astype(dt)
}

// Var returns the variance over the axes: the mean of |x - mean(x)|² with
// n - correction in the denominator (Correction(1) for the sample
// variance). Complex input gives a real result.
func Var(x *Array, opts ...Option) *Array {
	c := configure(opts)
	dt := c.dtypeOr(meanDType(x.dt))
	axes, _ := reducedAxes("var", x, c)
	kc := *c
	kc.keepdims = true
	mean := Mean(x, func(cc *config) { *cc = kc }, Dtype(dt))
	dev := Subtract(x.Astype(dt), mean)
	var sq *Array
	if dt.IsComplex() {
		a := Abs(dev)
		sq = Multiply(a, a)
	} else {
		sq = Multiply(dev, dev)
	}
	s := reduce("var", kernels.ReduceSum, sq, sq.dt, c)
	n := float64(count(x, axes)) - c.correction
	if n < 0 {
		n = 0
	}
	return Divide(s, n).Astype(dt.RealOf())
}

// Std returns the standard deviation over the axes: the square root of Var
// (with the same options).
func Std(x *Array, opts ...Option) *Array { return Sqrt(Var(x, opts...)) }

// CumulativeSum returns the running sum along Axis (needed when x has more
// than one axis). IncludeInitial starts the result with a zero. The dtype is
// as Sum's unless Dtype is given.
func CumulativeSum(x *Array, opts ...Option) *Array {
	return cumulative("cumulative_sum", kernels.ReduceSum, x, opts)
}

// CumulativeProd returns the running product along Axis (see CumulativeSum).
func CumulativeProd(x *Array, opts ...Option) *Array {
	return cumulative("cumulative_prod", kernels.ReduceProd, x, opts)
}

func cumulative(name string, op kernels.ReduceOp, x *Array, opts []Option) *Array {
	c := configure(opts)
	if len(x.shape) == 0 {
		panic(shapeErr(name, "needs an array of at least one dimension, got shape", x.shape))
	}
	axis := 0
	switch {
	case c.hasAxis && len(c.axes) == 1:
		axis = c.axes[0]
	case c.hasAxis:
		panic(valueErr(name, "give one axis, got %v", c.axes))
	case len(x.shape) > 1:
		panic(shapeErr(name, "give an Axis for an array of more than one dimension; shape", x.shape))
	}
	ax, err := shape.NormalizeAxis(axis, len(x.shape))
	if err != nil {
		panic(shapeErr(name, err.Error()+"; shape", x.shape))
	}
	dt := c.dtypeOr(sumDType(x.dt))
	if dt == Bool {
		dt = Int64
	}
	src := x.Astype(dt)
	shp := append([]int{}, x.shape...)
	if c.include {
		shp[ax]++
	}
	out := alloc(x.Device(), dt, shp)
	dst := out
	if c.include {
		idx := spanOnAxis(ax, 1, shp[ax])
		dst = out.Index(idx...)
		if op == kernels.ReduceProd {
			out.Index(spanOnAxis(ax, 0, 1)...).Assign(1)
		}
	}
	dev := x.Device()
	if err := tryDevice(name, dev, func() error { return dev.Cumulative(op, dst.view(), src.view(), ax) }); err != nil {
		ranOnCPU(name, dev, fmt.Sprintf("the cumulative %s on %v", name, dt))
		hdst := alloc(devices.CPU(), dt, dst.shape)
		run(name, func() error { return devices.CPU().Cumulative(op, hdst.view(), src.hosted().view(), ax) })
		dst.Assign(hdst.To(dev))
	}
	return out
}

// Methods for the reductions.

// Sum is Sum(a, opts...).
func (a *Array) Sum(opts ...Option) *Array { return Sum(a, opts...) }

// Prod is Prod(a, opts...).
func (a *Array) Prod(opts ...Option) *Array { return Prod(a, opts...) }

// Min is Min(a, opts...).
func (a *Array) Min(opts ...Option) *Array { return Min(a, opts...) }

// Max is Max(a, opts...).
func (a *Array) Max(opts ...Option) *Array { return Max(a, opts...) }

// Mean is Mean(a, opts...).
func (a *Array) Mean(opts ...Option) *Array { return Mean(a, opts...) }

// Var is Var(a, opts...).
func (a *Array) Var(opts ...Option) *Array { return Var(a, opts...) }

// Std is Std(a, opts...).
func (a *Array) Std(opts ...Option) *Array { return Std(a, opts...) }

// All is All(a, opts...).
func (a *Array) All(opts ...Option) *Array { return All(a, opts...) }

// Any is Any(a, opts...).
func (a *Array) Any(opts ...Option) *Array { return Any(a, opts...) }
