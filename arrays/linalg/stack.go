package linalg

import (
	"fmt"
	"math"
	"math/cmplx"
	"sync"

	"workbench/arrays"
	"workbench/devices"
	"workbench/kernels"
)

// floatDType is the dtype a routine computes and returns for input of
// dtype dt: float32, float64, complex64 and complex128 stay; integers and
// bools become float64, as NumPy's linalg does.
func floatDType(dt arrays.DType) arrays.DType {
	switch dt {
	case arrays.Float32, arrays.Float64, arrays.Complex64, arrays.Complex128:
		return dt
	}
	return arrays.Float64
}

// realDType is the real dtype of the same precision as the float dtype dt.
func realDType(dt arrays.DType) arrays.DType {
	switch dt {
	case arrays.Complex64, arrays.Float32:
		return arrays.Float32
	}
	return arrays.Float64
}

// complexDType is the complex dtype of the same precision as dt.
func complexDType(dt arrays.DType) arrays.DType {
	if realDType(dt) == arrays.Float32 {
		return arrays.Complex64
	}
	return arrays.Complex128
}

// eps is the machine epsilon of dt's precision (NumPy's finfo(dt).eps).
func eps(dt arrays.DType) float64 {
	if realDType(dt) == arrays.Float32 {
		return 0x1p-23
	}
	return 0x1p-52
}

// stack is a stack of m×n matrices copied out of an array, as float64 or
// complex128 in C order (matrix b starts at b*m*n).
type stack struct {
	op    string
	shape []int // the array's shape
	batch []int // its leading axes
	m, n  int
	dt    arrays.DType // the float dtype of the results
	cplx  bool
	re    []float64
	cx    []complex128

	// Scratch buffers (getScratch) that release gives back: re itself,
	// and the copies matRe handed out.
	mu      sync.Mutex
	scratch [][]float64
}

// noteCPU gives the notice that op runs on the CPU when its operands are
// on another device (linalg has only CPU routines; results go back to the
// operands' device).
func noteCPU(op string, xs ...*arrays.Array) {
	for _, x := range xs {
		if x != nil && x.Device() != devices.CPU() {
			arrays.RanOnCPU(op, x.Device(), "linear algebra")
			return
		}
	}
}

// load copies x's matrices; square requires square ones.
func load(op string, x *arrays.Array, square bool) *stack {
	if x == nil {
		panic(valueErr(op, "nil array"))
	}
	shp := x.Shape()
	if len(shp) < 2 {
		panic(shapeErr(op, "needs a matrix or a stack of matrices (at least 2 dimensions), got shape", shp))
	}
	m, n := shp[len(shp)-2], shp[len(shp)-1]
	if square && m != n {
		panic(shapeErr(op, fmt.Sprintf("needs square matrices in the last two axes, got %d×%d; shape", m, n), shp))
	}
	noteCPU(op, x)
	s := &stack{op: op, shape: shp, batch: shp[:len(shp)-2], m: m, n: n, dt: floatDType(x.DType())}
	s.cplx = s.dt == arrays.Complex64 || s.dt == arrays.Complex128
	if s.cplx {
		s.cx = x.Astype(arrays.Complex128).Data().([]complex128)
	} else {
		// Recycled memory: a fresh page costs a fault (about 9 µs), which
		// for a 1000×1000 matrix is more than its Cholesky factorization.
		s.re = loadRe(x, s.batch, m, n)
		s.scratch = append(s.scratch, s.re)
	}
	return s
}

// release gives the stack's scratch buffers back for the next call. The
// caller must hold no slice of s.re or of matRe's copies (results are
// built in buffers of their own), and must not use s after.
func (s *stack) release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, b := range s.scratch {
		putScratch(b)
	}
	s.scratch, s.re = nil, nil
}

// count is the number of matrices.
func (s *stack) count() int {
	c := 1
	for _, d := range s.batch {
		c *= d
	}
	return c
}

// matRe returns a copy of matrix b (real stacks).
func (s *stack) matRe(b int) []float64 {
	sz := s.m * s.n
	c := getScratch(sz)
	copy(c, s.re[b*sz:(b+1)*sz])
	s.mu.Lock()
	s.scratch = append(s.scratch, c)
	s.mu.Unlock()
	return c
}

// matCx returns a copy of matrix b (complex stacks).
func (s *stack) matCx(b int) []complex128 {
	sz := s.m * s.n
	return append([]complex128(nil), s.cx[b*sz:(b+1)*sz]...)
}

// finite reports whether matrix b holds only finite numbers; lower limits
// the test to the lower triangle (what Eigh reads).
func (s *stack) finite(b int, lower bool) bool {
	sz := s.m * s.n
	for k := 0; k < sz; k++ {
		i, j := k/s.n, k%s.n
		if lower && j > i {
			continue
		}
		if s.cplx {
			z := s.cx[b*sz+k]
			if cmplx.IsInf(z) || cmplx.IsNaN(z) {
				return false
			}
		} else if v := s.re[b*sz+k]; math.IsInf(v, 0) || math.IsNaN(v) {
			return false
		}
	}
	return true
}

// each runs fn for every matrix of the stack (in parallel), and panics with
// an *Error for the first matrix (in C order of the stack) whose fn failed.
func (s *stack) each(fn func(b int) error) {
	forEach(s.op, s.batch, fn)
}

// forEach runs fn for each index of a stack of the given batch shape.
func forEach(op string, batch []int, fn func(b int) error) {
	nb := 1
	for _, d := range batch {
		nb *= d
	}
	if nb == 0 {
		return
	}
	errs := make([]error, nb)
	var mu sync.Mutex
	var panicked any
	kernels.Parallel(nb, 1, func(_, lo, hi int) {
		defer func() {
			if r := recover(); r != nil {
				mu.Lock()
				if panicked == nil {
					panicked = r
				}
				mu.Unlock()
			}
		}()
		for b := lo; b < hi; b++ {
			errs[b] = fn(b)
		}
	})
	if panicked != nil {
		panic(panicked)
	}
	for b, err := range errs {
		if err != nil {
			var idx []int
			if len(batch) > 0 {
				idx = unravel(b, batch)
			}
			panic(&Error{Op: op, Err: err, Index: idx})
		}
	}
}

// unravel turns a flat C-order index into a multi-index of shape shp.
func unravel(b int, shp []int) []int {
	idx := make([]int, len(shp))
	for ax := len(shp) - 1; ax >= 0; ax-- {
		idx[ax] = b % shp[ax]
		b /= shp[ax]
	}
	return idx
}

// result builds an array of shape shp and dtype dt from float64 or
// complex128 data in C order, on like's device.
func result(data any, shp []int, dt arrays.DType, like *arrays.Array) *arrays.Array {
	a := arrays.FromSlice(data).Reshape(shp...).Astype(dt)
	if like != nil && a.Device() != like.Device() {
		a = a.To(like.Device())
	}
	return a
}

// with returns shp's batch axes followed by dims.
func (s *stack) with(dims ...int) []int {
	return append(append([]int{}, s.batch...), dims...)
}

// transposeRe returns the transpose (c×r) of the row-major r×c matrix a.
func transposeRe(a []float64, r, c int) []float64 {
	out := make([]float64, r*c)
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			out[j*r+i] = a[i*c+j]
		}
	}
	return out
}

// conjTransposeCx returns the conjugate transpose (c×r) of the r×c matrix a.
func conjTransposeCx(a []complex128, r, c int) []complex128 {
	out := make([]complex128, r*c)
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			out[j*r+i] = cmplx.Conj(a[i*c+j])
		}
	}
	return out
}
