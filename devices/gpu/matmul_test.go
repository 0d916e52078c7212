//go:build cgo && linux

package gpu

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"workbench/arrays/dtype"
	"workbench/devices"
	"workbench/kernels"
	"workbench/kernels/glsl"
)

// mmOperand is the memory layout of one operand of a matrix multiply
// test: a view's shape, strides and offset, and the length of the
// buffer under it.
type mmOperand struct {
	shape, strides []int
	off, size      int
}

// mmLayout lays out a stack of matrices of shape (..., r, c): 'c' in C
// order, 't' with the last two axes swapped in memory (a transposed
// matrix), 's' in C order at every other element after an offset of 3,
// 'r' with the rows reversed (a negative stride), 'v' in C order with
// stride 0 along the last two axes where they have length 1 (a 1-d
// operand as arrays.Matmul passes it: a row vector, or a column vector).
// The batch axes marked in bcast get stride 0 (a broadcast operand).
func mmLayout(shape []int, kind byte, bcast []bool) mmOperand {
	nd := len(shape)
	mem := append([]int(nil), shape...)
	if kind == 't' {
		mem[nd-2], mem[nd-1] = mem[nd-1], mem[nd-2]
	}
	st := cStrides(mem)
	if kind == 't' {
		st[nd-2], st[nd-1] = st[nd-1], st[nd-2]
	}
	o := mmOperand{shape: shape, strides: st}
	switch kind {
	case 's':
		for i := range st {
			st[i] *= 2
		}
		o.off = 3
	case 'r':
		o.off = (shape[nd-2] - 1) * st[nd-2]
		st[nd-2] = -st[nd-2]
	case 'v':
		for i := nd - 2; i < nd; i++ {
			if shape[i] == 1 {
				st[i] = 0
			}
		}
	}
	for i, b := range bcast {
		if b {
			st[i] = 0
		}
	}
	lo, hi, n := span(shape, st, o.off)
	if lo < 0 {
		panic(fmt.Sprintf("layout %c of %v reaches %d", kind, shape, lo))
	}
	o.size = max(hi+1, 1)
	if n == 0 {
		o.size = max(o.off+1, 1)
	}
	return o
}

// at is the buffer index of the element at idx.
func (o mmOperand) at(idx []int) int {
	p := o.off
	for i, x := range idx {
		p += x * o.strides[i]
	}
	return p
}

func (o mmOperand) view(b devices.Buffer) devices.View {
	return devices.View{Buf: b, Shape: o.shape, Strides: o.strides, Offset: o.off}
}

// mmData returns n values of dt: floats uniform in [-1, 1), integers
// small or (with big) anywhere in their range, so that products wrap.
func mmData(dt dtype.DType, n int, big bool, seed uint64) any {
	r := rand.New(rand.NewPCG(seed, 7))
	switch dt {
	case dtype.Float32:
		v := make([]float32, n)
		for i := range v {
			v[i] = float32(2*r.Float64() - 1)
		}
		return v
	case dtype.Float64:
		v := make([]float64, n)
		for i := range v {
			v[i] = 2*r.Float64() - 1
		}
		return v
	case dtype.Int32:
		v := make([]int32, n)
		for i := range v {
			if big {
				v[i] = int32(r.Uint32())
			} else {
				v[i] = int32(r.IntN(201)) - 100
			}
		}
		return v
	case dtype.Uint32:
		v := make([]uint32, n)
		for i := range v {
			if big {
				v[i] = r.Uint32()
			} else {
				v[i] = uint32(r.IntN(201))
			}
		}
		return v
	case dtype.Int64:
		v := make([]int64, n)
		for i := range v {
			if big {
				v[i] = int64(r.Uint64())
			} else {
				v[i] = int64(r.IntN(201)) - 100
			}
		}
		return v
	case dtype.Uint64:
		v := make([]uint64, n)
		for i := range v {
			if big {
				v[i] = r.Uint64()
			} else {
				v[i] = uint64(r.IntN(201))
			}
		}
		return v
	}
	a, _ := devices.MakeSlice(dt, n) // zeros: for the errors' tests
	return a
}

// mmSentinel fills the destination's buffer before the multiply: every
// element of the view must be overwritten, every other one kept.
func mmSentinel(dt dtype.DType, n int) any {
	s, _ := devices.MakeSlice(dt, n)
	switch v := s.(type) {
	case []float32:
		for i := range v {
			v[i] = 12345
		}
	case []float64:
		for i := range v {
			v[i] = 12345
		}
	case []int32:
		for i := range v {
			v[i] = 12345
		}
	case []uint32:
		for i := range v {
			v[i] = 12345
		}
	case []int64:
		for i := range v {
			v[i] = 12345
		}
	case []uint64:
		for i := range v {
			v[i] = 12345
		}
	}
	return s
}

// forEach calls f with every index of shape, in C order.
func forEach(shape []int, f func(idx []int)) {
	n := prod(shape)
	idx := make([]int, len(shape))
	for range n {
		f(idx)
		for d := len(shape) - 1; d >= 0; d-- {
			idx[d]++
			if idx[d] < shape[d] {
				break
			}
			idx[d] = 0
		}
	}
}

// mmCase is one multiply: batch shape, m x k times k x n, the layouts of
// dst, a and b, and the batch axes broadcast in a and in b.
type mmCase struct {
	name        string
	dt          dtype.DType
	batch       []int
	m, k, n     int
	layout      string // dst, a, b: see mmLayout
	bcastA      []bool
	bcastB      []bool
	bigIntegers bool
	plan        *mmPlan // nil: Matmul's choice
}

// f32Tol is the float32 tolerance of an element of a multiply with inner
// dimension k, relative to the sum of |a||b| over k: the rounding error
// bound of a sum of k products, in any order, fused or not (k units of
// 2^-24), which holds for every GPU. On llvmpipe the error is far below
// it (the test logs the largest seen).
func f32Tol(k int) float64 { return float64(k+1) * 0x1p-24 }

// f64Tol is f32Tol for float64, doubled: the reference itself rounds.
func f64Tol(k int) float64 { return 2 * float64(k+1) * 0x1p-53 }

// TestMatmul multiplies stacks of matrices on the GPU with the work that
// Matmul chooses and checks them against a plain loop on the host
// (float64 sums for floats, wrapping sums for integers): sizes from
// 1x1x1 to 513x300x700 (m x k x n, not multiples of the tiles), thin and
// skinny shapes that take glsl.Matvec (matrix-vector and vector-matrix
// products with 1-d operands as arrays.Matmul passes them, 100000 x 3
// times 3 x 3), transposed, strided and reversed operands and
// destinations, broadcast batch axes, k = 0 and 1, and wrapping
// integers. The elements of the destination's buffer outside its view
// must keep their values. TestMatmulPlans runs every plan on a set of
// these.
func TestMatmul(t *testing.T) {
	d := gpu(t)
	cases := []mmCase{
		{name: "1x1x1", dt: dtype.Float32, m: 1, k: 1, n: 1, layout: "ccc"},
		{name: "1x1000x1 (a dot product)", dt: dtype.Float32, m: 1, k: 1000, n: 1, layout: "vvv"},
		{name: "3x3x3", dt: dtype.Float32, m: 3, k: 3, n: 3, layout: "ccc"},
		{name: "17x33x9", dt: dtype.Float32, m: 17, k: 33, n: 9, layout: "ccc"},
		{name: "64x64x64", dt: dtype.Float32, m: 64, k: 64, n: 64, layout: "ccc"},
		{name: "65x1x70 (k = 1)", dt: dtype.Float32, m: 65, k: 1, n: 70, layout: "ccc"},
		{name: "255x257x129", dt: dtype.Float32, m: 255, k: 257, n: 129, layout: "ccc"},
		{name: "513x300x700", dt: dtype.Float32, m: 513, k: 300, n: 700, layout: "ccc"},
		{name: "100000x3x3", dt: dtype.Float32, m: 100000, k: 3, n: 3, layout: "ccc"},
		{name: "1000x500x1 (matrix-vector)", dt: dtype.Float32, m: 1000, k: 500, n: 1, layout: "vcv"},
		{name: "20x200x1 (matrix-vector, few rows)", dt: dtype.Float32, m: 20, k: 200, n: 1, layout: "vcv"},
		{name: "1x500x999 (vector-matrix)", dt: dtype.Float32, m: 1, k: 500, n: 999, layout: "vvc"},
		{name: "1x300x70 (vector-matrix, b transposed)", dt: dtype.Float32, m: 1, k: 300, n: 70, layout: "vvt"},
		{name: "70x40x33 (n just past the thin kernel)", dt: dtype.Float32, m: 70, k: 40, n: 33, layout: "ccc"},
		{name: "33x40x300 (m just past the thin kernel)", dt: dtype.Float32, m: 33, k: 40, n: 300, layout: "ccc"},
		{name: "300x70x32 (32 columns)", dt: dtype.Float32, m: 300, k: 70, n: 32, layout: "cst"},
		{name: "a transposed", dt: dtype.Float32, m: 65, k: 70, n: 33, layout: "ctc"},
		{name: "b transposed", dt: dtype.Float32, m: 65, k: 70, n: 33, layout: "cct"},
		{name: "all transposed", dt: dtype.Float32, m: 40, k: 129, n: 67, layout: "ttt"},
		{name: "all transposed, thin", dt: dtype.Float32, m: 140, k: 129, n: 7, layout: "ttt"},
		{name: "strided and reversed", dt: dtype.Float32, m: 30, k: 45, n: 70, layout: "srs"},
		{name: "reversed into strided", dt: dtype.Float32, m: 70, k: 20, n: 66, layout: "src"},
		{name: "batch, a broadcast on axis 0, b on axis 1", dt: dtype.Float32, batch: []int{3, 2}, m: 20, k: 17, n: 30,
			layout: "ccc", bcastA: []bool{true, false}, bcastB: []bool{false, true}},
		{name: "batch of transposed, strided", dt: dtype.Float32, batch: []int{4}, m: 33, k: 65, n: 9, layout: "tst"},
		{name: "batch of large, b broadcast", dt: dtype.Float32, batch: []int{3}, m: 130, k: 20, n: 200, layout: "ccc", bcastB: []bool{true}},
		{name: "batch of matrix-vector, the vector broadcast", dt: dtype.Float32, batch: []int{2, 3}, m: 50, k: 100, n: 1,
			layout: "ccv", bcastB: []bool{true, true}},
		{name: "k = 0", dt: dtype.Float32, batch: []int{2}, m: 5, k: 0, n: 7, layout: "ccc"},
		{name: "k = 0, large", dt: dtype.Float32, m: 200, k: 0, n: 300, layout: "ccc"},
		{name: "m = 0", dt: dtype.Float32, m: 0, k: 5, n: 7, layout: "ccc"},
		{name: "empty batch", dt: dtype.Float32, batch: []int{0}, m: 3, k: 5, n: 7, layout: "ccc"},
		{name: "int32", dt: dtype.Int32, m: 33, k: 70, n: 40, layout: "ccc"},
		{name: "int32 wrapping, transposed", dt: dtype.Int32, batch: []int{2}, m: 33, k: 70, n: 40, layout: "ctt", bigIntegers: true},
		{name: "int32 wrapping, matrix-vector", dt: dtype.Int32, m: 90, k: 300, n: 1, layout: "cvv", bigIntegers: true},
		{name: "uint32 wrapping, strided", dt: dtype.Uint32, m: 31, k: 50, n: 70, layout: "sct", bigIntegers: true},
		{name: "uint32 wrapping, large", dt: dtype.Uint32, m: 200, k: 50, n: 260, layout: "ccc", bigIntegers: true},
		{name: "uint32 wrapping, vector-matrix", dt: dtype.Uint32, m: 1, k: 100, n: 130, layout: "vvr", bigIntegers: true},
		{name: "int64 wrapping", dt: dtype.Int64, batch: []int{2}, m: 40, k: 33, n: 70, layout: "ctc", bigIntegers: true},
		{name: "uint64 wrapping, large", dt: dtype.Uint64, m: 200, k: 20, n: 150, layout: "ccc", bigIntegers: true},
		{name: "int64, matrix-vector", dt: dtype.Int64, m: 90, k: 300, n: 1, layout: "cvv"},
		{name: "float64", dt: dtype.Float64, batch: []int{2}, m: 70, k: 90, n: 50, layout: "ctc"},
		{name: "float64 large", dt: dtype.Float64, m: 260, k: 30, n: 140, layout: "ccc"},
		{name: "float64 matrix-vector", dt: dtype.Float64, m: 10, k: 700, n: 1, layout: "ctv"},
	}
	seen := map[string]bool{}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, oa, ob := mmOperands(tc)
			nd := len(tc.batch) + 2
			pl := matmulPlan(tc.m, tc.n, tc.k, max(prod(tc.batch), 1), oa.strides[nd-2:], ob.strides[nd-2:], d.minGroups())
			t.Logf("plan: %v", pl)
			seen[planKind(pl)] = true
			runMatmulCase(t, d, tc)
		})
	}
	t.Logf("plans chosen: %v", seen)
}

// planKind names a plan's program, without its columns.
func planKind(p mmPlan) string {
	if p.tiled {
		return p.tiling.String()
	}
	s := p.matvec
	s.Cols = 0
	return s.String()
}

func runMatmulCase(t *testing.T, d *Device, tc mmCase) {
	t.Helper()
	if (tc.dt == dtype.Int64 || tc.dt == dtype.Uint64) && !d.feat.Int64 {
		dv, av, bv := mmViews(t, d, tc)
		if err := d.matmul(dv, av, bv, tc.plan); !errors.Is(err, devices.ErrNotImplemented) {
			t.Fatalf("int64 Matmul without int64: %v, want devices.ErrNotImplemented", err)
		}
		t.Skip("this GPU has no int64 arithmetic")
	}
	if tc.dt == dtype.Float64 && !d.HasFloat64() {
		dv, av, bv := mmViews(t, d, tc)
		err := d.matmul(dv, av, bv, tc.plan)
		if !errors.Is(err, devices.ErrNotImplemented) {
			t.Fatalf("float64 Matmul without fp64: %v, want devices.ErrNotImplemented", err)
		}
		t.Skip("this GPU has no float64")
	}
	worst := checkMatmul(t, d, tc)
	if tc.dt == dtype.Float32 && tc.k > 0 && tc.m > 0 && tc.n > 0 && prod(tc.batch) > 0 {
		t.Logf("largest float32 error: %.3g of sum |a||b| (tolerance %.3g)", worst, f32Tol(tc.k))
	}
}

// mmPlans are the plans that TestMatmulPlans forces: each tiling of
// matmulPlan's choice, and each shape of glsl.Matvec with blocks of 1, 4
// and 32 columns, lanes numbered along k and along the rows (where that
// makes a difference), each for C and for C^T.
func mmPlans() []mmPlan {
	var plans []mmPlan
	for _, tr := range []bool{false, true} {
		for _, t := range []glsl.MatmulTiling{glsl.MatmulLarge, glsl.MatmulMedium} {
			plans = append(plans, mmPlan{transposed: tr, tiled: true, tiling: t})
		}
		for _, s := range matvecShapes {
			for _, cols := range []int{1, 4, 32} {
				for _, kfast := range []bool{false, true} {
					if kfast && (s.Lanes == 1 || s.Rows == 1) {
						continue // the numbering makes no difference
					}
					s.Cols, s.KFast = cols, kfast
					plans = append(plans, mmPlan{transposed: tr, matvec: s})
				}
			}
		}
	}
	return plans
}

// TestMatmulPlans runs a set of multiplies with every plan in mmPlans,
// whatever matmulPlan would choose for them: sizes that are not
// multiples of any tile or block, k = 0 and 1, a dot product, a batch
// with broadcast axes, transposed, strided and reversed operands, 1-d
// operands, wrapping integers and float64.
func TestMatmulPlans(t *testing.T) {
	d := gpu(t)
	cases := []mmCase{
		{name: "37x70x45", dt: dtype.Float32, m: 37, k: 70, n: 45, layout: "ccc"},
		{name: "130x130x5 transposed", dt: dtype.Float32, m: 130, k: 130, n: 5, layout: "ttt"},
		{name: "1x150x1", dt: dtype.Float32, m: 1, k: 150, n: 1, layout: "vvv"},
		{name: "40x90x1 strided", dt: dtype.Float32, m: 40, k: 90, n: 1, layout: "ssv"},
		{name: "1x90x40 reversed", dt: dtype.Float32, m: 1, k: 90, n: 40, layout: "vvr"},
		{name: "k = 0", dt: dtype.Float32, m: 9, k: 0, n: 35, layout: "ccc"},
		{name: "k = 1", dt: dtype.Float32, m: 35, k: 1, n: 9, layout: "rtc"},
		{name: "batch broadcast", dt: dtype.Float32, batch: []int{2, 3}, m: 11, k: 23, n: 35, layout: "ccs",
			bcastA: []bool{false, true}, bcastB: []bool{true, false}},
		{name: "int32 wrapping", dt: dtype.Int32, m: 21, k: 67, n: 35, layout: "cts", bigIntegers: true},
		{name: "uint32 wrapping", dt: dtype.Uint32, batch: []int{2}, m: 35, k: 67, n: 3, layout: "rct", bigIntegers: true},
		{name: "float64", dt: dtype.Float64, m: 35, k: 67, n: 21, layout: "tcr"},
		{name: "int64 wrapping", dt: dtype.Int64, m: 21, k: 67, n: 35, layout: "cts", bigIntegers: true},
	}
	for _, pl := range mmPlans() {
		t.Run(pl.String(), func(t *testing.T) {
			for _, tc := range cases {
				tc.plan = &pl
				t.Run(tc.name, func(t *testing.T) { runMatmulCase(t, d, tc) })
			}
		})
	}
}

// TestMatmulPlan pins down matmulPlan's choices.
func TestMatmulPlan(t *testing.T) {
	large, medium := glsl.MatmulLarge.String(), glsl.MatmulMedium.String()
	mv := func(rows, lanes, cols int, kfast, tr bool) string {
		return mmPlan{transposed: tr, matvec: glsl.MatvecShape{Rows: rows, Lanes: lanes, Cols: cols, KFast: kfast}}.String()
	}
	row, col := []int{0, 1}, []int{1, 0} // 1-d operands: a row and a column vector
	c := func(cols int) []int { return []int{cols, 1} }
	for _, tc := range []struct {
		m, n, k, nbatch int
		sa, sb          []int
		minGroups       int
		want            string
	}{
		{1024, 1024, 1024, 1, c(1024), c(1024), 2, "matmul " + large},
		{1024, 1024, 1024, 1, c(1024), c(1024), 128, "matmul " + medium},
		{256, 256, 256, 1, c(256), c(256), 2, "matmul " + large},
		{256, 256, 256, 1, c(256), c(256), 128, "matmul " + medium},
		{256, 256, 256, 32, c(256), c(256), 128, "matmul " + large},
		{64, 64, 64, 1, c(64), c(64), 2, "matmul " + medium},
		{40, 5000, 100, 1, c(100), c(5000), 2, "matmul " + medium},
		{33, 33, 1000, 1, c(1000), c(33), 2, "matmul " + medium},
		{3, 3, 3, 1, c(3), c(3), 2, mv(64, 1, 4, false, false)},
		{100000, 3, 3, 1, c(3), c(3), 128, mv(64, 1, 4, false, false)},
		{3, 100000, 3, 1, c(3), c(100000), 128, mv(64, 1, 4, false, true)},
		{1000, 32, 1000, 1, c(1000), c(32), 2, mv(64, 1, 32, false, false)},
		{4096, 1, 4096, 1, c(4096), col, 2, mv(64, 1, 1, false, false)},
		{4096, 1, 4096, 1, c(4096), col, 128, mv(8, 8, 1, true, false)},
		{4096, 1, 4096, 1, []int{1, 4096}, col, 128, mv(8, 8, 1, false, false)},
		{1, 4096, 4096, 1, row, c(4096), 2, mv(64, 1, 1, false, true)},
		{1, 4096, 4096, 1, row, c(4096), 128, mv(8, 8, 1, false, true)},
		{1, 1, 1000, 1, row, col, 2, mv(1, 64, 1, true, false)},
		{1, 1, 100, 1, row, col, 2, mv(8, 8, 1, true, false)},
		{1, 1, 10, 1, row, col, 2, mv(64, 1, 1, false, false)},
		{64, 32, 4096, 1, c(4096), c(32), 128, mv(1, 64, 8, true, false)},
		{20, 1, 200, 1, c(200), col, 2, mv(8, 8, 1, true, false)},
		{5, 7, 0, 2, c(0), c(7), 2, mv(64, 1, 8, false, true)},
	} {
		got := matmulPlan(tc.m, tc.n, tc.k, tc.nbatch, tc.sa, tc.sb, tc.minGroups).String()
		if got != tc.want {
			t.Errorf("%dx%dx%d (batch %d, strides %v %v) with %d groups: %s, want %s",
				tc.m, tc.k, tc.n, tc.nbatch, tc.sa, tc.sb, tc.minGroups, got, tc.want)
		}
	}
}

// mmViews makes the buffers of a case on d and returns the views
// (dst, a, b).
func mmViews(t *testing.T, d *Device, tc mmCase) (dst, a, b devices.View) {
	t.Helper()
	oc, oa, ob := mmOperands(tc)
	bufs := make([]devices.Buffer, 3)
	for i, data := range []any{mmSentinel(tc.dt, oc.size), mmData(tc.dt, oa.size, tc.bigIntegers, 1), mmData(tc.dt, ob.size, tc.bigIntegers, 2)} {
		var err error
		if bufs[i], err = d.FromHost(data); err != nil {
			t.Fatal(err)
		}
	}
	return oc.view(bufs[0]), oa.view(bufs[1]), ob.view(bufs[2])
}

func mmOperands(tc mmCase) (oc, oa, ob mmOperand) {
	shape := func(r, c int) []int { return append(append([]int(nil), tc.batch...), r, c) }
	oc = mmLayout(shape(tc.m, tc.n), tc.layout[0], nil)
	oa = mmLayout(shape(tc.m, tc.k), tc.layout[1], tc.bcastA)
	ob = mmLayout(shape(tc.k, tc.n), tc.layout[2], tc.bcastB)
	return oc, oa, ob
}

// checkMatmul runs one case and compares; it returns the largest float
// error relative to sum |a||b|.
func checkMatmul(t *testing.T, d *Device, tc mmCase) float64 {
	t.Helper()
	oc, oa, ob := mmOperands(tc)
	ha, hb := mmData(tc.dt, oa.size, tc.bigIntegers, 1), mmData(tc.dt, ob.size, tc.bigIntegers, 2)
	hc := mmSentinel(tc.dt, oc.size)
	var bufs [3]devices.Buffer
	for i, data := range []any{hc, ha, hb} {
		var err error
		if bufs[i], err = d.FromHost(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.matmul(oc.view(bufs[0]), oa.view(bufs[1]), ob.view(bufs[2]), tc.plan); err != nil {
		t.Fatalf("Matmul: %v", err)
	}
	got, _ := devices.MakeSlice(tc.dt, oc.size)
	if err := d.ToHost(vec(bufs[0]), got); err != nil {
		t.Fatal(err)
	}
	nb := len(tc.batch)
	inView := make([]bool, oc.size)
	var worst float64
	bad := 0
	forEach(oc.shape, func(idx []int) {
		ai := append(append([]int(nil), idx[:nb]...), idx[nb], 0)
		bi := append(append([]int(nil), idx[:nb]...), 0, idx[nb+1])
		pc := oc.at(idx)
		inView[pc] = true
		var msg string
		switch g := got.(type) {
		case []float32, []float64:
			var sum, mag float64
			fa, fb := floats(ha), floats(hb)
			for p := range tc.k {
				ai[nb+1], bi[nb] = p, p
				x, y := fa(oa.at(ai)), fb(ob.at(bi))
				sum += x * y
				mag += math.Abs(x * y)
			}
			var v, tol float64
			if g32, ok := g.([]float32); ok {
				v, tol = float64(g32[pc]), f32Tol(tc.k)
			} else {
				v, tol = g.([]float64)[pc], f64Tol(tc.k)
			}
			e := math.Abs(v - sum)
			if mag > 0 {
				worst = max(worst, e/mag)
			}
			if e > tol*mag || math.IsNaN(v) {
				msg = fmt.Sprintf("%v, want %v (error %.3g of sum |a||b| %.3g, tolerance %.3g)", v, sum, e/mag, mag, tol)
			}
		case []int32:
			a, b := ha.([]int32), hb.([]int32)
			var sum int32
			for p := range tc.k {
				ai[nb+1], bi[nb] = p, p
				sum += a[oa.at(ai)] * b[ob.at(bi)]
			}
			if g[pc] != sum {
				msg = fmt.Sprintf("%d, want %d", g[pc], sum)
			}
		case []uint32:
			a, b := ha.([]uint32), hb.([]uint32)
			var sum uint32
			for p := range tc.k {
				ai[nb+1], bi[nb] = p, p
				sum += a[oa.at(ai)] * b[ob.at(bi)]
			}
			if g[pc] != sum {
				msg = fmt.Sprintf("%d, want %d", g[pc], sum)
			}
		case []int64:
			a, b := ha.([]int64), hb.([]int64)
			var sum int64
			for p := range tc.k {
				ai[nb+1], bi[nb] = p, p
				sum += a[oa.at(ai)] * b[ob.at(bi)]
			}
			if g[pc] != sum {
				msg = fmt.Sprintf("%d, want %d", g[pc], sum)
			}
		case []uint64:
			a, b := ha.([]uint64), hb.([]uint64)
			var sum uint64
			for p := range tc.k {
				ai[nb+1], bi[nb] = p, p
				sum += a[oa.at(ai)] * b[ob.at(bi)]
			}
			if g[pc] != sum {
				msg = fmt.Sprintf("%d, want %d", g[pc], sum)
			}
		}
		if msg != "" {
			if bad < 5 {
				t.Errorf("%v element %v: %s", tc.dt, idx, msg)
			}
			bad++
		}
	})
	if bad > 0 {
		t.Errorf("%d of %d elements wrong", bad, prod(oc.shape))
	}
	want := mmSentinel(tc.dt, oc.size)
	for i := range inView {
		if !inView[i] && fmt.Sprint(index(got, i)) != fmt.Sprint(index(want, i)) {
			t.Errorf("element %d of the destination's buffer, outside its view, became %v", i, index(got, i))
			break
		}
	}
	return worst
}

func floats(s any) func(int) float64 {
	switch v := s.(type) {
	case []float32:
		return func(i int) float64 { return float64(v[i]) }
	case []float64:
		return func(i int) float64 { return v[i] }
	}
	panic(fmt.Sprintf("floats of %T", s))
}

func index(s any, i int) any {
	switch v := s.(type) {
	case []float32:
		return v[i]
	case []float64:
		return v[i]
	case []int32:
		return v[i]
	case []uint32:
		return v[i]
	}
	panic(fmt.Sprintf("index of %T", s))
}

// TestMatmulErrors checks the refusals: dtypes the GPU does not multiply
// match devices.ErrNotImplemented; mixed dtypes and shapes that do not fit
// are errors that say so (and are not ErrNotImplemented).
func TestMatmulErrors(t *testing.T) {
	d := gpu(t)
	mat := func(dt dtype.DType, r, c int) devices.View {
		b, err := d.Alloc(dt, r*c)
		if err != nil {
			t.Fatal(err)
		}
		return devices.View{Buf: b, Shape: []int{r, c}, Strides: []int{c, 1}}
	}
	f := func(r, c int) devices.View { return mat(dtype.Float32, r, c) }
	for _, tc := range []struct {
		name    string
		err     error
		notImpl bool
		want    string
	}{
		{"int8", d.Matmul(mat(dtype.Int8, 2, 2), mat(dtype.Int8, 2, 3), mat(dtype.Int8, 3, 2)), true, "int8"},
		{"complex64", d.Matmul(mat(dtype.Complex64, 2, 2), mat(dtype.Complex64, 2, 3), mat(dtype.Complex64, 3, 2)), true, "complex64"},
		{"bool", d.Matmul(mat(dtype.Bool, 2, 2), mat(dtype.Bool, 2, 3), mat(dtype.Bool, 3, 2)), true, "bool"},
		{"mixed dtypes", d.Matmul(f(2, 2), f(2, 3), mat(dtype.Int32, 3, 2)), false, "dtypes must be equal"},
		{"inner dimensions differ", d.Matmul(f(2, 2), f(2, 3), f(4, 2)), false, "want (..., m, k), (..., k, n)"},
		{"wrong destination", d.Matmul(f(3, 2), f(2, 3), f(3, 2)), false, "want (..., m, k)"},
		{"vectors", d.Matmul(devices.View{Buf: f(1, 3).Buf, Shape: []int{3}, Strides: []int{1}}, f(1, 3), f(3, 1)), false, "want (..., m, k)"},
		{"a CPU operand", d.Matmul(f(2, 2), mmCPU(t), f(3, 2)), false, "not of the GPU"},
	} {
		switch {
		case tc.err == nil:
			t.Errorf("%s: no error", tc.name)
		case errors.Is(tc.err, devices.ErrNotImplemented) != tc.notImpl:
			t.Errorf("%s: %v: matches devices.ErrNotImplemented: %v, want %v", tc.name, tc.err, !tc.notImpl, tc.notImpl)
		case !strings.Contains(tc.err.Error(), tc.want):
			t.Errorf("%s: error %q does not say %q", tc.name, tc.err, tc.want)
		}
	}
}

func mmCPU(t *testing.T) devices.View {
	b, err := devices.CPU().FromHost(make([]float32, 6))
	if err != nil {
		t.Fatal(err)
	}
	return devices.View{Buf: b, Shape: []int{2, 3}, Strides: []int{3, 1}}
}

// BenchmarkMatmul1024 multiplies two 1024x1024 float32 matrices on the GPU
// (waiting for each) and with kernels.Gemm32 on the CPU, and reports
// GFLOP/s (2 n^3 floating-point operations per multiply).
func BenchmarkMatmul1024(b *testing.B) {
	const n = 1024
	data := mmData(dtype.Float32, n*n, false, 3).([]float32)
	flops := func(b *testing.B, elapsed time.Duration) {
		b.ReportMetric(2*n*n*n*float64(b.N)/elapsed.Seconds()/1e9, "GFLOP/s")
	}
	b.Run("cpu-Gemm32", func(b *testing.B) {
		c := make([]float32, n*n)
		b.ResetTimer()
		start := time.Now()
		for range b.N {
			kernels.Gemm32(false, false, n, n, n, 1, data, n, data, n, 0, c, n)
		}
		flops(b, time.Since(start))
	})
	b.Run("gpu", func(b *testing.B) {
		d, err := Open()
		if err != nil {
			b.Skipf("no GPU: %v", err)
		}
		g := d.(*Device)
		x, err := g.FromHost(data)
		if err != nil {
			b.Fatal(err)
		}
		out, err := g.Alloc(dtype.Float32, n*n)
		if err != nil {
			b.Fatal(err)
		}
		v := func(buf devices.Buffer) devices.View {
			return devices.View{Buf: buf, Shape: []int{n, n}, Strides: []int{n, 1}}
		}
		if err := g.Matmul(v(out), v(x), v(x)); err != nil { // compiles the shader
			b.Fatal(err)
		}
		if err := g.Sync(); err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		start := time.Now()
		for range b.N {
			if err := g.Matmul(v(out), v(x), v(x)); err != nil {
				b.Fatal(err)
			}
			if err := g.Sync(); err != nil {
				b.Fatal(err)
			}
		}
		flops(b, time.Since(start))
	})
}
