package linalg

import (
	"fmt"

	"workbench/arrays"
	"workbench/arrays/shape"
)

// Matmul is arrays.Matmul: the matrix product of x and y, with 1-d
// operands as vectors and broadcasting of stacked matrices.
func Matmul(x, y *arrays.Array) *arrays.Array { return arrays.Matmul(x, y) }

// Tensordot is arrays.Tensordot: the contraction of x and y over axes (an
// int N, or a pair of axis lists such as [][]int{{1, 2}, {0, 1}}).
func Tensordot(x, y *arrays.Array, axes any) *arrays.Array { return arrays.Tensordot(x, y, axes) }

// Vecdot is arrays.Vecdot: the dot products of the vectors along Axis
// (default -1) of x and y, x conjugated when complex.
func Vecdot(x, y *arrays.Array, opts ...Option) *arrays.Array {
	c := configure("linalg.Vecdot", optAxis, opts)
	if c.has(optAxis) {
		return arrays.Vecdot(x, y, arrays.Axis(c.axes...))
	}
	return arrays.Vecdot(x, y)
}

// MatrixTranspose is arrays.MatrixTranspose: x with its last two axes
// swapped (a view).
func MatrixTranspose(x *arrays.Array) *arrays.Array { return arrays.MatrixTranspose(x) }

// Outer returns the outer product of the 1-d arrays x (length m) and y
// (length n): the m×n matrix x[i]·y[j], of the promoted dtype.
func Outer(x, y *arrays.Array) *arrays.Array {
	const op = "linalg.Outer"
	if x == nil || y == nil {
		panic(valueErr(op, "nil array"))
	}
	if x.Ndim() != 1 || y.Ndim() != 1 {
		panic(shapeErr(op, "needs two 1-d arrays; shapes", x.Shape(), y.Shape()))
	}
	return arrays.Multiply(x.Reshape(-1, 1), y.Reshape(1, -1))
}

// Cross returns the cross product of the 3-element vectors along Axis
// (default -1) of x and y, as the array API standard's cross: the axis
// counts in the shape that x and y broadcast to, must have length 3 in
// both (it does not broadcast), and the other axes broadcast. The dtype is
// the promotion of x's and y's (integers wrap; bools are refused).
func Cross(x, y *arrays.Array, opts ...Option) *arrays.Array {
	const op = "linalg.Cross"
	c := configure(op, optAxis, opts)
	if x == nil || y == nil {
		panic(valueErr(op, "nil array"))
	}
	axis := -1
	if c.has(optAxis) {
		if len(c.axes) != 1 {
			panic(valueErr(op, "takes one axis, got %v", c.axes))
		}
		axis = c.axes[0]
	}
	xs, ys := x.Shape(), y.Shape()
	if len(xs) == 0 || len(ys) == 0 {
		panic(shapeErr(op, "needs arrays of at least one dimension; shapes", xs, ys))
	}
	nd := max(len(xs), len(ys))
	ax, err := shape.NormalizeAxis(axis, nd)
	if err != nil {
		panic(shapeErr(op, fmt.Sprintf("%v; shapes", err), xs, ys))
	}
	xp, yp := pad(xs, nd), pad(ys, nd)
	if xp[ax] != 3 || yp[ax] != 3 {
		panic(shapeErr(op, fmt.Sprintf("the vectors along axis %d must have 3 elements in both arrays, got %d and %d; shapes", axis, xp[ax], yp[ax]), xs, ys))
	}
	if _, err := shape.Broadcast(xs, ys); err != nil {
		panic(shapeErr(op, "the arrays do not broadcast; shapes", xs, ys))
	}
	dt := arrays.ResultType(x, y)
	if dt == arrays.Bool {
		panic(&arrays.DTypeError{Op: op, DTypes: []arrays.DType{x.DType(), y.DType()}, Msg: "not defined for bools"})
	}
	xv := lastAxis(x.Reshape(xp...), ax).Astype(dt)
	yv := lastAxis(y.Reshape(yp...), ax).Astype(dt)
	comp := func(a *arrays.Array, i int) *arrays.Array { return a.Index(arrays.Ellipsis, i) }
	x0, x1, x2 := comp(xv, 0), comp(xv, 1), comp(xv, 2)
	y0, y1, y2 := comp(yv, 0), comp(yv, 1), comp(yv, 2)
	c0 := arrays.Subtract(arrays.Multiply(x1, y2), arrays.Multiply(x2, y1))
	c1 := arrays.Subtract(arrays.Multiply(x2, y0), arrays.Multiply(x0, y2))
	c2 := arrays.Subtract(arrays.Multiply(x0, y1), arrays.Multiply(x1, y0))
	r := arrays.Stack([]*arrays.Array{c0, c1, c2}, arrays.Axis(-1))
	// Move the vector axis back to its place.
	perm := make([]int, nd)
	for i, j := 0, 0; i < nd; i++ {
		if i == ax {
			perm[i] = nd - 1
			continue
		}
		perm[i] = j
		j++
	}
	return arrays.Copy(arrays.PermuteDims(r, perm...))
}

// pad puts axes of length 1 before s up to nd axes.
func pad(s []int, nd int) []int {
	out := make([]int, 0, nd)
	for i := len(s); i < nd; i++ {
		out = append(out, 1)
	}
	return append(out, s...)
}

// lastAxis returns a view of x with axis ax moved to the end.
func lastAxis(x *arrays.Array, ax int) *arrays.Array {
	perm := []int{}
	for i := 0; i < x.Ndim(); i++ {
		if i != ax {
			perm = append(perm, i)
		}
	}
	return arrays.PermuteDims(x, append(perm, ax)...)
}

// MatrixPower returns the n-th power of each square matrix of x: the
// identity (of x's dtype) for n = 0, repeated products (by squaring) for n
// > 0, and powers of Inv(x) for n < 0 (float dtypes; integers give
// float64). Integer powers wrap on overflow as Matmul does.
func MatrixPower(x *arrays.Array, n int) *arrays.Array {
	const op = "linalg.MatrixPower"
	if x == nil {
		panic(valueErr(op, "nil array"))
	}
	shp := x.Shape()
	if len(shp) < 2 || shp[len(shp)-1] != shp[len(shp)-2] {
		panic(shapeErr(op, "needs square matrices in the last two axes, got shape", shp))
	}
	if n == 0 {
		m := shp[len(shp)-1]
		eye := arrays.Eye(m, arrays.Dtype(x.DType()))
		if eye.Device() != x.Device() {
			eye = eye.To(x.Device())
		}
		return arrays.Copy(arrays.BroadcastTo(eye, shp...))
	}
	if n < 0 {
		x = Inv(x)
		n = -n
	}
	var r *arrays.Array
	p := x
	for {
		if n&1 != 0 {
			if r == nil {
				r = p
			} else {
				r = arrays.Matmul(r, p)
			}
		}
		n >>= 1
		if n == 0 {
			break
		}
		p = arrays.Matmul(p, p)
	}
	if r == x {
		r = arrays.Copy(x)
	}
	return r
}

// Diagonal returns the diagonal of each matrix of x (shape (..., m, n)),
// Offset(k) selecting the k-th above the main one (k > 0) or below (k < 0):
// shape (..., L) with L its length. It is a copy (NumPy's is a read-only
// view).
func Diagonal(x *arrays.Array, opts ...Option) *arrays.Array {
	const op = "linalg.Diagonal"
	c := configure(op, optOffset, opts)
	return diagonal(op, x, c.offset)
}

func diagonal(op string, x *arrays.Array, k int) *arrays.Array {
	if x == nil {
		panic(valueErr(op, "nil array"))
	}
	shp := x.Shape()
	if len(shp) < 2 {
		panic(shapeErr(op, "needs a matrix or a stack of matrices (at least 2 dimensions), got shape", shp))
	}
	m, n := shp[len(shp)-2], shp[len(shp)-1]
	batch := shp[:len(shp)-2]
	var start, length int
	if k >= 0 {
		start, length = k, max(0, min(m, n-k))
	} else {
		start, length = -k*n, max(0, min(m+k, n))
	}
	flat := arrays.Copy(x).Reshape(append(append([]int{}, batch...), m*n)...)
	if length == 0 {
		return arrays.Copy(flat.Index(arrays.Ellipsis, arrays.Slice(0, 0)))
	}
	return arrays.Copy(flat.Index(arrays.Ellipsis, arrays.Slice(start, start+(length-1)*(n+1)+1, n+1)))
}

// Trace returns the sum of the diagonal (Offset(k) as in Diagonal) of
// each matrix of x (shape (..., m, n); the result has shape (...)). The
// dtype is Sum's (int64 for signed integers and bools, uint64 for unsigned
// ones, x's for floats and complex numbers), or Dtype's.
func Trace(x *arrays.Array, opts ...Option) *arrays.Array {
	const op = "linalg.Trace"
	c := configure(op, optOffset|optDtype, opts)
	d := diagonal(op, x, c.offset)
	so := []arrays.Option{arrays.Axis(-1)}
	if c.has(optDtype) {
		so = append(so, arrays.Dtype(c.dtype))
	}
	return arrays.Sum(d, so...)
}
