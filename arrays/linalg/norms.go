package linalg

import (
	"fmt"
	"math"

	"workbench/arrays"
	"workbench/arrays/shape"
)

// ordValue reads a numeric order (int or float) of a norm.
func ordValue(ord any) (float64, bool) {
	switch v := ord.(type) {
	case int:
		return float64(v), true
	case int64:
		return float64(v), true
	case int32:
		return float64(v), true
	case float64:
		return v, true
	case float32:
		return float64(v), true
	}
	return 0, false
}

// absFloat returns |x| as a real float array (integers and bools as
// float64).
func absFloat(x *arrays.Array) *arrays.Array {
	dt := floatDType(x.DType())
	return arrays.Abs(x.Astype(dt))
}

// squares returns |x|² element-wise as NumPy's norms compute it: x·x for
// real x, (conj(x)·x).real for complex x.
func squares(x *arrays.Array) *arrays.Array {
	dt := floatDType(x.DType())
	x = x.Astype(dt)
	if dt == arrays.Complex64 || dt == arrays.Complex128 {
		return arrays.Real(arrays.Multiply(arrays.Conj(x), x))
	}
	return arrays.Multiply(x, x)
}

// MatrixNorm returns a norm of each matrix of x (shape (..., m, n)), as the
// array API standard's matrix_norm: Ord "fro" (the default, the square root
// of the sum of |x|²), "nuc" (the sum of the singular values), 2 and -2
// (the largest and the smallest singular value), 1 and -1 (the largest and
// smallest column sum of |x|), math.Inf(1) and math.Inf(-1) (the largest
// and smallest row sum). Keepdims keeps the last two axes as axes of
// length 1. The result is real: float32 for float32 and complex64 input,
// float64 otherwise.
func MatrixNorm(x *arrays.Array, opts ...Option) *arrays.Array {
	const op = "linalg.MatrixNorm"
	c := configure(op, optOrd|optKeepdims, opts)
	if x == nil {
		panic(valueErr(op, "nil array"))
	}
	if x.Ndim() < 2 {
		panic(shapeErr(op, "needs a matrix or a stack of matrices (at least 2 dimensions), got shape", x.Shape()))
	}
	ord := any("fro")
	if c.has(optOrd) {
		ord = c.ord
	}
	return matrixNorm(op, x, ord, c.keepdims)
}

// matrixNorm computes the matrix norm of order ord over x's last two axes.
func matrixNorm(op string, x *arrays.Array, ord any, keepdims bool) *arrays.Array {
	nd := x.Ndim()
	rowAx, colAx := nd-2, nd-1
	var r *arrays.Array
	reduceLast := func(f func(*arrays.Array, ...arrays.Option) *arrays.Array, a *arrays.Array) *arrays.Array {
		return f(a, arrays.Axis(-1))
	}
	svd := func() *arrays.Array {
		st := load(op, x, false)
		defer st.release()
		return result(svdvalsStack(st), st.with(min(st.m, st.n)), realDType(st.dt), x)
	}
	switch o := ord.(type) {
	case string:
		switch o {
		case "fro":
			r = arrays.Sqrt(arrays.Sum(squares(x), arrays.Axis(rowAx, colAx)))
		case "nuc":
			r = reduceLast(arrays.Sum, svd())
		default:
			panic(valueErr(op, "unknown order %q (want \"fro\", \"nuc\", 1, -1, 2, -2, +Inf or -Inf)", o))
		}
	default:
		v, ok := ordValue(ord)
		if !ok {
			panic(valueErr(op, "the order must be a string or a number, got %T", ord))
		}
		switch {
		case v == 2:
			r = reduceLast(arrays.Max, svd())
		case v == -2:
			r = reduceLast(arrays.Min, svd())
		case v == 1:
			r = arrays.Max(arrays.Sum(absFloat(x), arrays.Axis(rowAx)), arrays.Axis(-1))
		case v == -1:
			r = arrays.Min(arrays.Sum(absFloat(x), arrays.Axis(rowAx)), arrays.Axis(-1))
		case math.IsInf(v, 1):
			r = arrays.Max(arrays.Sum(absFloat(x), arrays.Axis(colAx)), arrays.Axis(-1))
		case math.IsInf(v, -1):
			r = arrays.Min(arrays.Sum(absFloat(x), arrays.Axis(colAx)), arrays.Axis(-1))
		default:
			panic(valueErr(op, "invalid order %v for a matrix norm (want \"fro\", \"nuc\", 1, -1, 2, -2, +Inf or -Inf)", ord))
		}
	}
	r = r.Astype(realDType(floatDType(x.DType())))
	if keepdims {
		shp := r.Shape()
		r = r.Reshape(append(shp, 1, 1)...)
	}
	return r
}

// VectorNorm returns a vector norm of x over the axes of Axis (all by
// default, as one vector; several axes also count as one vector), as the
// array API standard's vector_norm. Ord (default 2) is any number p:
// (Σ|x|^p)^(1/p), with 1 the sum of magnitudes, 2 the Euclidean norm,
// math.Inf(1) and math.Inf(-1) the largest and smallest magnitude, and 0
// the number of non-zero elements. Keepdims keeps the reduced axes as axes
// of length 1. The result is real: float32 for float32 and complex64
// input, float64 otherwise.
func VectorNorm(x *arrays.Array, opts ...Option) *arrays.Array {
	const op = "linalg.VectorNorm"
	c := configure(op, optOrd|optAxis|optKeepdims, opts)
	if x == nil {
		panic(valueErr(op, "nil array"))
	}
	ord := 2.0
	if c.has(optOrd) {
		v, ok := ordValue(c.ord)
		if !ok {
			panic(valueErr(op, "the order must be a number (int or float64), got %T %v", c.ord, c.ord))
		}
		ord = v
	}
	var axes []int
	if c.has(optAxis) {
		axes = c.axes
	}
	return vectorNorm(op, x, ord, axes, c.has(optAxis), c.keepdims)
}

func vectorNorm(op string, x *arrays.Array, ord float64, axes []int, hasAxis, keepdims bool) *arrays.Array {
	var ro []arrays.Option
	if hasAxis {
		if _, err := shape.NormalizeAxes(axes, x.Ndim()); err != nil {
			panic(shapeErr(op, fmt.Sprintf("axes %v: %v; shape", axes, err), x.Shape()))
		}
		ro = append(ro, arrays.Axis(axes...))
	}
	if keepdims {
		ro = append(ro, arrays.Keepdims())
	}
	rdt := realDType(floatDType(x.DType()))
	var r *arrays.Array
	switch {
	case ord == 2:
		r = arrays.Sqrt(arrays.Sum(squares(x), ro...))
	case math.IsInf(ord, 1):
		r = arrays.Max(absFloat(x), ro...)
	case math.IsInf(ord, -1):
		r = arrays.Min(absFloat(x), ro...)
	case ord == 0:
		r = arrays.Sum(arrays.NotEqual(x, 0).Astype(rdt), ro...)
	case ord == 1:
		r = arrays.Sum(absFloat(x), ro...)
	case math.IsNaN(ord):
		panic(valueErr(op, "the order is NaN"))
	default:
		r = arrays.Pow(arrays.Sum(arrays.Pow(absFloat(x), ord), ro...), 1/ord)
	}
	return r.Astype(rdt)
}

// Norm is NumPy's norm: with no Axis, the 2-norm of x flattened (Ord not
// given), or the norm of order Ord of x as a vector (1-d) or a matrix
// (2-d); with one axis, the vector norm along it; with two, the matrix norm
// of the matrices in those axes (Ord "fro", "nuc", ±1, ±2, ±Inf). Keepdims
// keeps the reduced axes.
func Norm(x *arrays.Array, opts ...Option) *arrays.Array {
	const op = "linalg.Norm"
	c := configure(op, optOrd|optAxis|optKeepdims, opts)
	if x == nil {
		panic(valueErr(op, "nil array"))
	}
	nd := x.Ndim()
	axes := c.axes
	if !c.has(optAxis) {
		if !c.has(optOrd) {
			r := vectorNorm(op, x, 2, nil, false, c.keepdims)
			return r
		}
		switch nd {
		case 1:
			axes = []int{0}
		case 2:
			axes = []int{0, 1}
		default:
			panic(shapeErr(op, "an order without axes needs a 1-d or 2-d array, got shape", x.Shape()))
		}
	}
	norm, err := shape.NormalizeAxes(axes, nd)
	if err != nil {
		panic(shapeErr(op, fmt.Sprintf("axes %v: %v; shape", axes, err), x.Shape()))
	}
	switch len(norm) {
	case 1:
		ord := 2.0
		if c.has(optOrd) {
			v, ok := ordValue(c.ord)
			if !ok {
				panic(valueErr(op, "invalid order %v for a vector norm", c.ord))
			}
			ord = v
		}
		return vectorNorm(op, x, ord, norm, true, c.keepdims)
	case 2:
		ord := any("fro")
		if c.has(optOrd) {
			ord = c.ord
		}
		// Move the two axes to the end, in their order.
		perm := []int{}
		for a := 0; a < nd; a++ {
			if a != norm[0] && a != norm[1] {
				perm = append(perm, a)
			}
		}
		perm = append(perm, norm[0], norm[1])
		r := matrixNorm(op, arrays.PermuteDims(x, perm...), ord, false)
		if c.keepdims {
			shp := x.Shape()
			shp[norm[0]], shp[norm[1]] = 1, 1
			r = r.Reshape(shp...)
		}
		return r
	}
	panic(valueErr(op, "takes one axis (a vector norm) or two (a matrix norm), got %v", axes))
}
