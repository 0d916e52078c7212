package arrays

// Matrix products: Matmul, Tensordot and Vecdot.
//
// Float64 and float32 matrices multiply with the packed, register-blocked
// kernels of package kernels (kernels.GemmStrided64 and GemmStrided32),
// which take the operands at any strides, form every product (so 0·Inf
// gives NaN, as NumPy's OpenBLAS does) and give the same bits for any
// number of workers. Complex128 and complex64 run on the same kernels
// (kernels.GemmStridedC128 and C64: four real products over the real and
// imaginary parts, read in place at twice the strides). Integers and bools use a plain loop; integer products and sums
// wrap on overflow, as NumPy's do, and a bool product is the logical or of
// ands.

import (
	"errors"
	"fmt"
	"runtime"

	"workbench/arrays/dtype"
	"workbench/arrays/shape"
	"workbench/devices"
	"workbench/kernels"
)

// Matmul returns the matrix product of x and y, as NumPy's matmul and the
// array API standard's matmul (Python's @):
//
//   - two 2-d arrays multiply as matrices: (m, k) times (k, n) gives (m, n);
//   - a 1-d x is a row vector, (k) times (k, n) gives (n); a 1-d y is a
//     column vector, (m, k) times (k) gives (m); two 1-d arrays give their
//     dot product as a 0-d array;
//   - arrays of more than two axes are stacks of matrices in their last two
//     axes, and the leading (batch) axes broadcast: (2, 1, m, k) times
//     (3, k, n) gives (2, 3, m, n).
//
// The dtype is the promotion of x's and y's. Integer arithmetic wraps on
// overflow; bools give the logical or of ands. 0-d arrays are refused, and
// a size mismatch of the contracted axis is a *ShapeError that names both
// shapes and both sizes.
func Matmul(x, y *Array) *Array {
	const op = "matmul"
	if x == nil || y == nil {
		panic(valueErr(op, "nil array"))
	}
	off := offHost(op, x, y)
	if _, ok := off.(devices.Matmuler); off != nil && !ok {
		ranOnCPU("Matmul", off, "matrix products")
		return Matmul(x.hosted(), y.hosted()).To(off)
	}
	if len(x.shape) == 0 || len(y.shape) == 0 {
		panic(shapeErr(op, "0-d arrays cannot be multiplied as matrices (use Multiply); shapes", x.shape, y.shape))
	}
	dt, err := dtype.Promote(x.dt, y.dt)
	if err != nil {
		panic(dtypeErr(op, "no common dtype for", x.dt, y.dt))
	}
	// 1-d operands become a row (x) or a column (y) vector.
	xs, ys := x.shape, y.shape
	if len(xs) == 1 {
		xs = []int{1, xs[0]}
	}
	if len(ys) == 1 {
		ys = []int{ys[0], 1}
	}
	m, k := xs[len(xs)-2], xs[len(xs)-1]
	k2, n := ys[len(ys)-2], ys[len(ys)-1]
	if k != k2 {
		yAxis := "second-to-last axis"
		if len(y.shape) == 1 {
			yAxis = "only axis"
		}
		xAxis := "last axis"
		if len(x.shape) == 1 {
			xAxis = "only axis"
		}
		panic(shapeErr(op, fmt.Sprintf("the contracted axes differ: x's %s has length %d, y's %s has length %d; shapes", xAxis, k, yAxis, k2), x.shape, y.shape))
	}
	bx, by := xs[:len(xs)-2], ys[:len(ys)-2]
	batch, err := shape.Broadcast(bx, by)
	if err != nil {
		panic(shapeErr(op, "the stacked (batch) axes, all but the last two, do not broadcast; shapes", x.shape, y.shape))
	}
	// The result's shape: batch, then m and n, without the axes of 1-d
	// operands.
	outShape := append([]int{}, batch...)
	if len(x.shape) > 1 {
		outShape = append(outShape, m)
	}
	if len(y.shape) > 1 {
		outShape = append(outShape, n)
	}
	dev := x.Device()
	xc, yc := x.Astype(dt), y.Astype(dt)
	// The strides of the operands as matrices; the stride of an axis added
	// to a 1-d operand is never used.
	xst, yst := xc.strides, yc.strides
	if len(xst) == 1 {
		xst = []int{0, xst[0]}
	}
	if len(yst) == 1 {
		yst = []int{yst[0], 0}
	}
	xbst, _ := shape.BroadcastStrides(bx, xst[:len(xst)-2], batch)
	ybst, _ := shape.BroadcastStrides(by, yst[:len(yst)-2], batch)
	if off != nil {
		// A device with a matrix multiply of its own (the GPU's); the CPU
		// for the dtypes it declines.
		full := func(b []int, dims ...int) []int { return append(append([]int{}, b...), dims...) }
		out := allocOut(off, dt, full(batch, m, n))
		xv := devices.View{Buf: xc.buf, Shape: full(batch, m, k), Strides: full(xbst, xst[len(xst)-2], xst[len(xst)-1]), Offset: xc.offset}
		yv := devices.View{Buf: yc.buf, Shape: full(batch, k, n), Strides: full(ybst, yst[len(yst)-2], yst[len(yst)-1]), Offset: yc.offset}
		err := off.(devices.Matmuler).Matmul(out.view(), xv, yv)
		if err == nil {
			return out.Reshape(outShape...)
		}
		if !errors.Is(err, devices.ErrNotImplemented) {
			check(op, err)
		}
		ranOnCPU("Matmul", off, "matrix products of "+dt.String())
		return Matmul(x.hosted(), y.hosted()).To(off)
	}

	var out *Array
	if k > 0 && (dt == Float64 || dt == Float32 || dt == Complex128 || dt == Complex64) {
		out = allocOut(nil, dt, outShape) // Gemm overwrites every element
	} else {
		out = alloc(nil, dt, outShape) // zeroed: the k = 0 case needs no work
	}
	nb := shape.Shape(batch).Size()
	if nb == 0 || m == 0 || n == 0 || k == 0 {
		return out.onDevice(dev)
	}
	xd, xoff, _ := xc.hostView()
	yd, yoff, _ := yc.hostView()
	od, _, _ := out.hostView()
	p := matmulProblem{
		m: m, n: n, k: k,
		x: panel{rs: xst[len(xst)-2], cs: xst[len(xst)-1]},
		y: panel{rs: yst[len(yst)-2], cs: yst[len(yst)-1]},
	}
	// The offsets of each matrix of the stack.
	xo, yo := batchOffsets(batch, xbst, xoff), batchOffsets(batch, ybst, yoff)
	work := m * n * k
	grain := max(1, (1<<16)/max(work, 1))
	kernels.Parallel(nb, grain, func(_, lo, hi int) {
		for b := lo; b < hi; b++ {
			q := p
			q.x.off, q.y.off, q.out = xo[b], yo[b], b*m*n
			matmulPanel(q, xd, yd, od)
		}
	})
	// The buffers go back to their pool once unreachable: keep the
	// operands' until the work on their data is done.
	runtime.KeepAlive(xc)
	runtime.KeepAlive(yc)
	return out.onDevice(dev)
}

// Matmul returns the matrix product a @ y (see the function Matmul).
func (a *Array) Matmul(y *Array) *Array { return Matmul(a, y) }

// batchOffsets lists, in C order of the batch shape, the offset of each
// matrix of an operand whose batch axes have strides st.
func batchOffsets(batch, st []int, base int) []int {
	n := shape.Shape(batch).Size()
	out := make([]int, n)
	idx := make([]int, len(batch))
	off := base
	for b := 0; b < n; b++ {
		out[b] = off
		for ax := len(batch) - 1; ax >= 0; ax-- {
			idx[ax]++
			off += st[ax]
			if idx[ax] < batch[ax] {
				break
			}
			off -= st[ax] * idx[ax]
			idx[ax] = 0
		}
	}
	return out
}

// panel is a strided 2-d matrix in a buffer: element (i, j) is at
// off + i*rs + j*cs.
type panel struct{ off, rs, cs int }

// matmulProblem is one product (m, k) times (k, n) into the contiguous
// (m, n) matrix at out.
type matmulProblem struct {
	m, n, k int
	x, y    panel
	out     int
}

func matmulPanel(p matmulProblem, xd, yd, od any) {
	switch o := od.(type) {
	case []float64:
		x, y := xd.([]float64), yd.([]float64)
		kernels.GemmStrided64(p.m, p.n, p.k, 1, x, p.x.off, p.x.rs, p.x.cs, y, p.y.off, p.y.rs, p.y.cs,
			0, o, p.out, p.n, 1)
	case []float32:
		x, y := xd.([]float32), yd.([]float32)
		kernels.GemmStrided32(p.m, p.n, p.k, 1, x, p.x.off, p.x.rs, p.x.cs, y, p.y.off, p.y.rs, p.y.cs,
			0, o, p.out, p.n, 1)
	case []complex128:
		kernels.GemmStridedC128(p.m, p.n, p.k, xd.([]complex128), p.x.off, p.x.rs, p.x.cs,
			yd.([]complex128), p.y.off, p.y.rs, p.y.cs, o, p.out, p.n, 1)
		alphaScale128(o[p.out : p.out+p.m*p.n])
	case []complex64:
		kernels.GemmStridedC64(p.m, p.n, p.k, xd.([]complex64), p.x.off, p.x.rs, p.x.cs,
			yd.([]complex64), p.y.off, p.y.rs, p.y.cs, o, p.out, p.n, 1)
		alphaScale64(o[p.out : p.out+p.m*p.n])
	case []int8:
		loopPanel(p, xd.([]int8), yd.([]int8), o)
	case []int16:
		loopPanel(p, xd.([]int16), yd.([]int16), o)
	case []int32:
		loopPanel(p, xd.([]int32), yd.([]int32), o)
	case []int64:
		loopPanel(p, xd.([]int64), yd.([]int64), o)
	case []uint8:
		loopPanel(p, xd.([]uint8), yd.([]uint8), o)
	case []uint16:
		loopPanel(p, xd.([]uint16), yd.([]uint16), o)
	case []uint32:
		loopPanel(p, xd.([]uint32), yd.([]uint32), o)
	case []uint64:
		loopPanel(p, xd.([]uint64), yd.([]uint64), o)
	case []bool:
		boolPanel(p, xd.([]bool), yd.([]bool), o)
	default:
		panic(fmt.Sprintf("matmul: unexpected data %T", od))
	}
}

// alphaScale128 multiplies the elements with an infinite or NaN part by 1+0i
// with the real formula, as BLAS's scaling of a product by alpha does in
// NumPy (OpenBLAS): (re·1 - im·0) + (re·0 + im·1)i, which makes an infinite
// part's partner NaN and Inf+NaNi into NaN+NaNi. Finite elements are left
// alone (the formula would change the sign of some zeros).
func alphaScale128(c []complex128) {
	for i, z := range c {
		re, im := real(z), imag(z)
		if re-re == 0 && im-im == 0 {
			continue
		}
		var zero, one float64 = 0, 1
		c[i] = complex(re*one-im*zero, re*zero+im*one)
	}
}

// alphaScale64 is alphaScale128 for complex64.
func alphaScale64(c []complex64) {
	for i, z := range c {
		re, im := real(z), imag(z)
		if re-re == 0 && im-im == 0 {
			continue
		}
		var zero, one float32 = 0, 1
		c[i] = complex(re*one-im*zero, re*zero+im*one)
	}
}

type matmulNumber interface {
	~int8 | ~int16 | ~int32 | ~int64 | ~uint8 | ~uint16 | ~uint32 | ~uint64 |
		~float32 | ~float64 | ~complex64 | ~complex128
}

// loopPanel multiplies with a plain loop that forms every product (integer
// arithmetic wraps as Go's does).
func loopPanel[T matmulNumber](p matmulProblem, x, y, out []T) {
	o := out[p.out : p.out+p.m*p.n]
	row := make([]T, p.n)
	for i := 0; i < p.m; i++ {
		for j := range row {
			row[j] = 0
		}
		xo := p.x.off + i*p.x.rs
		for l := 0; l < p.k; l++ {
			a := x[xo+l*p.x.cs]
			yo := p.y.off + l*p.y.rs
			for j := range row {
				row[j] += a * y[yo+j*p.y.cs]
			}
		}
		copy(o[i*p.n:], row)
	}
}

// boolPanel is the product of bool matrices: out[i,j] = OR_l x[i,l] AND y[l,j].
func boolPanel(p matmulProblem, x, y, out []bool) {
	o := out[p.out : p.out+p.m*p.n]
	for i := 0; i < p.m; i++ {
		xo := p.x.off + i*p.x.rs
		for l := 0; l < p.k; l++ {
			if !x[xo+l*p.x.cs] {
				continue
			}
			yo := p.y.off + l*p.y.rs
			for j := 0; j < p.n; j++ {
				if y[yo+j*p.y.cs] {
					o[i*p.n+j] = true
				}
			}
		}
	}
}

// Vecdot returns the dot product of the vectors along an axis of x and y
// (Axis(k), default -1, the last), with x conjugated when complex, as the
// array API standard's vecdot: sum over the axis of conj(x)*y. The axis
// counts from the end of each array (a non-negative axis counts in the
// shape that the two broadcast to); its length must be the same in x and y,
// and the other axes broadcast. The dtype is the promotion of x's and y's;
// integers wrap on overflow.
func Vecdot(x, y *Array, opts ...Option) *Array {
	const op = "vecdot"
	if x == nil || y == nil {
		panic(valueErr(op, "nil array"))
	}
	c := configure(opts)
	axis := -1
	if c.hasAxis {
		if len(c.axes) != 1 {
			panic(valueErr(op, "takes one axis, got %v", c.axes))
		}
		axis = c.axes[0]
	}
	if len(x.shape) == 0 || len(y.shape) == 0 {
		panic(shapeErr(op, "needs arrays of at least one dimension; shapes", x.shape, y.shape))
	}
	nd := max(len(x.shape), len(y.shape))
	ax, err := shape.NormalizeAxis(axis, nd)
	if err != nil {
		panic(shapeErr(op, fmt.Sprintf("%v; shapes", err), x.shape, y.shape))
	}
	xs, ys := padShape(x.shape, nd), padShape(y.shape, nd)
	if xs[ax] != ys[ax] {
		panic(shapeErr(op, fmt.Sprintf("the vectors along axis %d differ in length (%d and %d); shapes", axis, xs[ax], ys[ax]), x.shape, y.shape))
	}
	if _, err := shape.Broadcast(x.shape, y.shape); err != nil {
		panic(shapeErr(op, "the arrays do not broadcast; shapes", x.shape, y.shape))
	}
	xv := moveAxisLast(x.Reshape(xs...), ax)
	yv := moveAxisLast(y.Reshape(ys...), ax)
	if xv.dt.IsComplex() {
		xv = Conj(xv)
	}
	// (..., 1, n) @ (..., n, 1) -> (..., 1, 1)
	r := Matmul(ExpandDims(xv, -2), ExpandDims(yv, -1))
	return r.Reshape(r.shape[:len(r.shape)-2]...)
}

// padShape puts axes of length 1 before s up to nd axes.
func padShape(s []int, nd int) []int {
	out := make([]int, 0, nd)
	for i := len(s); i < nd; i++ {
		out = append(out, 1)
	}
	return append(out, s...)
}

// moveAxisLast returns a view of x with axis ax moved to the end.
func moveAxisLast(x *Array, ax int) *Array {
	perm := make([]int, 0, len(x.shape))
	for i := range x.shape {
		if i != ax {
			perm = append(perm, i)
		}
	}
	return PermuteDims(x, append(perm, ax)...)
}

// Tensordot returns the tensor contraction of x and y over the axes given,
// as the array API standard's tensordot and NumPy's. axes is
//
//   - an int N: the last N axes of x with the first N of y (0 gives the
//     outer product);
//   - a pair of axis lists, [][]int{{ax...}, {ay...}} or [2][]int: axis
//     ax[i] of x with axis ay[i] of y (negative axes count from the end);
//   - a pair of single axes, [2]int{ax, ay} or []int{ax, ay}.
//
// Contracted axes must have equal lengths (a *ShapeError names the shapes
// and the axes). The result has x's free axes, then y's; its dtype is the
// promotion of x's and y's.
func Tensordot(x, y *Array, axes any) *Array {
	const op = "tensordot"
	if x == nil || y == nil {
		panic(valueErr(op, "nil array"))
	}
	var ax, ay []int
	switch a := axes.(type) {
	case int:
		if a < 0 {
			panic(valueErr(op, "the number of axes must be non-negative, got %d", a))
		}
		if a > len(x.shape) || a > len(y.shape) {
			panic(shapeErr(op, fmt.Sprintf("cannot contract %d axes of arrays of shapes", a), x.shape, y.shape))
		}
		for i := 0; i < a; i++ {
			ax = append(ax, len(x.shape)-a+i)
			ay = append(ay, i)
		}
	case [][]int:
		if len(a) != 2 {
			panic(valueErr(op, "axes must be two lists of axes, got %d lists", len(a)))
		}
		ax, ay = a[0], a[1]
	case [2][]int:
		ax, ay = a[0], a[1]
	case [2]int:
		ax, ay = []int{a[0]}, []int{a[1]}
	case []int:
		if len(a) != 2 {
			panic(valueErr(op, "axes as []int must be a pair {axis of x, axis of y}, got %v", a))
		}
		ax, ay = []int{a[0]}, []int{a[1]}
	default:
		panic(valueErr(op, "axes must be an int, a pair of axis lists ([][]int or [2][]int) or a pair of axes ([2]int), got %T", axes))
	}
	if len(ax) != len(ay) {
		panic(valueErr(op, "the axis lists differ in length: %v and %v", ax, ay))
	}
	nx, err := shape.NormalizeAxes(ax, len(x.shape))
	if err != nil {
		panic(shapeErr(op, fmt.Sprintf("axes %v of x: %v; shapes", ax, err), x.shape, y.shape))
	}
	ny, err := shape.NormalizeAxes(ay, len(y.shape))
	if err != nil {
		panic(shapeErr(op, fmt.Sprintf("axes %v of y: %v; shapes", ay, err), x.shape, y.shape))
	}
	k := 1
	for i := range nx {
		if x.shape[nx[i]] != y.shape[ny[i]] {
			panic(shapeErr(op, fmt.Sprintf("contracted axis %d of x has length %d, axis %d of y has length %d; shapes", ax[i], x.shape[nx[i]], ay[i], y.shape[ny[i]]), x.shape, y.shape))
		}
		k *= x.shape[nx[i]]
	}
	freeX, freeY := freeAxes(len(x.shape), nx), freeAxes(len(y.shape), ny)
	var outShape []int
	m, n := 1, 1
	for _, a := range freeX {
		outShape = append(outShape, x.shape[a])
		m *= x.shape[a]
	}
	for _, a := range freeY {
		outShape = append(outShape, y.shape[a])
		n *= y.shape[a]
	}
	if outShape == nil {
		outShape = []int{}
	}
	xp := PermuteDims(x, append(freeX, nx...)...).Reshape(m, k)
	yp := PermuteDims(y, append(ny, freeY...)...).Reshape(k, n)
	return Matmul(xp, yp).Reshape(outShape...)
}

// freeAxes lists the axes of an nd-dimensional array that are not in used.
func freeAxes(nd int, used []int) []int {
	in := make([]bool, nd)
	for _, a := range used {
		in[a] = true
	}
	out := []int{}
	for a := 0; a < nd; a++ {
		if !in[a] {
			out = append(out, a)
		}
	}
	return out
}
