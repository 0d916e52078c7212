package kernels

import (
	"fmt"
	"math"
	"math/cmplx"
	"testing"
)

// binCase is one binary operation and the reference loop body it replaces.
type binCase[T, R any] struct {
	op BinaryOp
	f  func(a, b T) R
}

// checkBinary runs every case on every layout and size, and compares the
// whole destination buffer (guards and gaps included) with a naive loop.
func checkBinary[T, R any](t *testing.T, gen func(int) T, cases []binCase[T, R]) {
	t.Helper()
	for _, n := range crossSizes {
		for _, lay := range elementwiseLayouts(n, 3) {
			if n > bigSize && !lay.big {
				continue
			}
			a, aop := newBuffer[T](t, lay.shape, lay.ops[1])
			b, bop := newBuffer[T](t, lay.shape, lay.ops[2])
			fill(a, lay.shape, aop, gen)
			fill(b, lay.shape, bop, func(k int) T { return gen(k + 7_777_777) })
			offD := naiveOffsets(lay.shape, Operand{Offset: lay.ops[0].offset + guardLen, Strides: lay.ops[0].strides})
			offA, offB := naiveOffsets(lay.shape, aop), naiveOffsets(lay.shape, bop)
			for i, c := range cases {
				if i > 0 && n > bigSize {
					continue // the largest sizes for the first operation only
				}
				d, dop := newBuffer[R](t, lay.shape, lay.ops[0])
				want := append([]R(nil), d...)
				for k := range offD {
					want[offD[k]] = c.f(a[offA[k]], b[offB[k]])
				}
				what := fmt.Sprintf("Binary %v %s n=%d %s", c.op, typeName(a), n, lay.name)
				if err := Binary(c.op, lay.shape, dop, aop, bop); err != nil {
					t.Fatalf("%s: %v", what, err)
				}
				compareBuffers(t, what, d, want)
			}
		}
	}
}

func floorDivInt32(a, b int32) int32 {
	if b == 0 {
		return 0
	}
	q := int64(a) / int64(b)
	if int64(a)%int64(b) != 0 && (a < 0) != (b < 0) {
		q--
	}
	return int32(q) // -2**31 // -1 wraps, as in NumPy
}

func TestBinaryFloat64(t *testing.T) {
	checkBinary(t, genF64, []binCase[float64, float64]{
		{Add, func(a, b float64) float64 { return a + b }},
		{Subtract, func(a, b float64) float64 { return a - b }},
		{Multiply, func(a, b float64) float64 { return a * b }},
		{Divide, func(a, b float64) float64 { return a / b }},
		{Maximum, math.Max},
		{Minimum, math.Min},
		{Copysign, math.Copysign},
	})
	checkBinary(t, genF64, []binCase[float64, bool]{
		{Less, func(a, b float64) bool { return a < b }},
		{GreaterEqual, func(a, b float64) bool { return a >= b }},
		{Equal, func(a, b float64) bool { return a == b }},
	})
}

func TestBinaryInt32(t *testing.T) {
	checkBinary(t, genI32, []binCase[int32, int32]{
		{Add, func(a, b int32) int32 { return a + b }},
		{Subtract, func(a, b int32) int32 { return a - b }},
		{Multiply, func(a, b int32) int32 { return a * b }},
		{BitwiseXor, func(a, b int32) int32 { return a ^ b }},
		{Maximum, func(a, b int32) int32 { return max(a, b) }},
	})
	// Small values so that zeros and negative divisors turn up.
	checkBinary(t, genSmallI32, []binCase[int32, int32]{
		{FloorDivide, floorDivInt32},
		{Remainder, func(a, b int32) int32 {
			if b == 0 {
				return 0
			}
			return a - floorDivInt32(a, b)*b
		}},
	})
	checkBinary(t, genI32, []binCase[int32, bool]{
		{Less, func(a, b int32) bool { return a < b }},
		{NotEqual, func(a, b int32) bool { return a != b }},
	})
}

func TestBinaryUint8(t *testing.T) {
	checkBinary(t, genU8, []binCase[uint8, uint8]{
		{Add, func(a, b uint8) uint8 { return a + b }},
		{Subtract, func(a, b uint8) uint8 { return a - b }},
		{Multiply, func(a, b uint8) uint8 { return a * b }},
		{Remainder, func(a, b uint8) uint8 {
			if b == 0 {
				return 0
			}
			return a % b
		}},
		{BitwiseAnd, func(a, b uint8) uint8 { return a & b }},
	})
	checkBinary(t, genU8, []binCase[uint8, bool]{
		{Greater, func(a, b uint8) bool { return a > b }},
	})
}

func TestBinaryComplex128(t *testing.T) {
	checkBinary(t, genC128, []binCase[complex128, complex128]{
		{Add, func(a, b complex128) complex128 { return a + b }},
		{Subtract, func(a, b complex128) complex128 { return a - b }},
		{Multiply, func(a, b complex128) complex128 { return a * b }},
		{Divide, func(a, b complex128) complex128 { return a / b }},
	})
	checkBinary(t, genC128, []binCase[complex128, bool]{
		{Equal, func(a, b complex128) bool { return a == b }},
		{NotEqual, func(a, b complex128) bool { return a != b }},
	})
}

func TestBinaryBool(t *testing.T) {
	checkBinary(t, genBool, []binCase[bool, bool]{
		{Add, func(a, b bool) bool { return a || b }},
		{Multiply, func(a, b bool) bool { return a && b }},
		{BitwiseXor, func(a, b bool) bool { return a != b }},
		{LogicalAnd, func(a, b bool) bool { return a && b }},
		{LogicalOr, func(a, b bool) bool { return a || b }},
		{LogicalXor, func(a, b bool) bool { return a != b }},
		{Less, func(a, b bool) bool { return !a && b }},
		{Equal, func(a, b bool) bool { return a == b }},
	})
}

func TestBinaryErrors(t *testing.T) {
	shape := []int{4}
	st := []int{1}
	op := func(data any) Operand { return Operand{Data: data, Strides: st} }
	f64, i32, c128, bl := make([]float64, 4), make([]int32, 4), make([]complex128, 4), make([]bool, 4)
	for _, tc := range []struct {
		name       string
		op         BinaryOp
		d, a, b    any
		notImplErr bool
	}{
		{"mixed inputs", Add, f64, f64, i32, false},
		{"dst of another type", Add, i32, f64, f64, false},
		{"comparison into float", Less, f64, f64, f64, true},
		{"complex ordering", Less, bl, c128, c128, true},
		{"bitwise on floats", BitwiseAnd, f64, f64, f64, true},
		{"divide on ints", Divide, i32, i32, i32, true},
		{"atan2 on complex", Atan2, c128, c128, c128, true},
		{"unknown slice type", Add, []int{1, 2, 3, 4}, []int{1, 2, 3, 4}, []int{1, 2, 3, 4}, true},
		{"nil data", Add, nil, nil, nil, true},
	} {
		err := Binary(tc.op, shape, op(tc.d), op(tc.a), op(tc.b))
		if err == nil {
			t.Errorf("%s: Binary(%v) gave no error", tc.name, tc.op)
			continue
		}
		if _, ok := err.(*OpError); !ok {
			t.Errorf("%s: error %T, want *OpError", tc.name, err)
		}
		if got := isNotImpl(err); got != tc.notImplErr {
			t.Errorf("%s: errors.Is(err, ErrNotImplemented) = %v, want %v (%v)", tc.name, got, tc.notImplErr, err)
		}
	}
	// An empty shape is a no-op, whatever the operands.
	if err := Binary(Add, []int{0, 3}, op(f64), op(f64), op(f64)); err != nil {
		t.Errorf("Binary on an empty shape: %v", err)
	}
}

// TestBinarySpecialValues pins the NumPy semantics that the reference
// loops above do not reach: NaN in maximum/minimum, signed zeros, and
// integer division by zero and overflow.
func TestBinarySpecialValues(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	negz := math.Copysign(0, -1)
	for _, tc := range []struct {
		op         BinaryOp
		a, b, want float64
	}{
		{Maximum, nan, 1, nan}, {Maximum, 1, nan, nan}, {Minimum, nan, 1, nan},
		{Maximum, negz, 0, 0}, {Maximum, 0, negz, 0}, {Minimum, negz, 0, negz}, {Minimum, 0, negz, negz},
		{FloorDivide, 7, -2, -4}, {FloorDivide, -7, 2, -4}, {FloorDivide, 1, 0, inf}, {FloorDivide, -1, 0, -inf},
		{Remainder, 7, -2, -1}, {Remainder, -7, 2, 1}, {Remainder, 6, -3, negz},
		{Pow, 2, 10, 1024}, {Nextafter, 1, 2, math.Nextafter(1, 2)}, {Hypot, 3, 4, 5},
		{Logaddexp, 0, 0, math.Ln2}, {Logaddexp, -inf, -inf, -inf}, {Atan2, 0, -1, math.Pi},
	} {
		d := []float64{42}
		err := Binary(tc.op, []int{1}, Operand{Data: d, Strides: []int{1}},
			Operand{Data: []float64{tc.a}, Strides: []int{1}}, Operand{Data: []float64{tc.b}, Strides: []int{1}})
		if err != nil {
			t.Errorf("%v(%v, %v): %v", tc.op, tc.a, tc.b, err)
			continue
		}
		if !identical(d[0], tc.want) && !(math.IsNaN(d[0]) && math.IsNaN(tc.want)) {
			t.Errorf("%v(%v, %v) = %v, want %v", tc.op, tc.a, tc.b, d[0], tc.want)
		}
	}
	for _, tc := range []struct {
		op         BinaryOp
		a, b, want int8
	}{
		{FloorDivide, 7, 0, 0}, {FloorDivide, -128, -1, -128}, {FloorDivide, -7, 2, -4},
		{Remainder, 7, 0, 0}, {Remainder, -128, -1, 0}, {Remainder, -7, 2, 1}, {Remainder, 7, -2, -1},
		{Pow, 3, 4, 81}, {Pow, 2, 7, -128},
		{BitwiseLeftShift, 1, 8, 0}, {BitwiseLeftShift, 1, 6, 64}, {BitwiseRightShift, -8, 100, -1}, {BitwiseRightShift, -8, 1, -4},
	} {
		d := []int8{42}
		err := Binary(tc.op, []int{1}, Operand{Data: d, Strides: []int{1}},
			Operand{Data: []int8{tc.a}, Strides: []int{1}}, Operand{Data: []int8{tc.b}, Strides: []int{1}})
		if err != nil || d[0] != tc.want {
			t.Errorf("int8 %v(%d, %d) = %d, %v; want %d", tc.op, tc.a, tc.b, d[0], err, tc.want)
		}
	}
}

// unCase is one unary operation and its reference loop body.
type unCase[T, R any] struct {
	op UnaryOp
	f  func(T) R
}

// checkUnary compares bit for bit when tol is 0, and otherwise within a
// relative tolerance tol (for functions that are not correctly rounded, whose
// results may differ in the last place from Go's math package).
func checkUnary[T, R any](t *testing.T, tol float64, gen func(int) T, cases []unCase[T, R]) {
	t.Helper()
	for _, n := range crossSizes {
		for _, lay := range elementwiseLayouts(n, 2) {
			if n > bigSize && (!lay.big || tol > 0) {
				continue
			}
			s, sop := newBuffer[T](t, lay.shape, lay.ops[1])
			fill(s, lay.shape, sop, gen)
			offD := naiveOffsets(lay.shape, Operand{Offset: lay.ops[0].offset + guardLen, Strides: lay.ops[0].strides})
			offS := naiveOffsets(lay.shape, sop)
			for i, c := range cases {
				if (i > 0 || tol > 0) && n > bigSize {
					continue // the largest sizes for the first exact operation only
				}
				d, dop := newBuffer[R](t, lay.shape, lay.ops[0])
				want := append([]R(nil), d...)
				for k := range offD {
					want[offD[k]] = c.f(s[offS[k]])
				}
				what := fmt.Sprintf("Unary %v %s n=%d %s", c.op, typeName(s), n, lay.name)
				if err := Unary(c.op, lay.shape, dop, sop); err != nil {
					t.Fatalf("%s: %v", what, err)
				}
				if tol > 0 {
					compareClose(t, what, d, want, tol)
				} else {
					compareBuffers(t, what, d, want)
				}
			}
		}
	}
}

func TestUnaryFloat64(t *testing.T) {
	checkUnary(t, 0, genF64, []unCase[float64, float64]{
		{Negative, func(x float64) float64 { return -x }},
		{Abs, math.Abs},
		{Square, func(x float64) float64 { return x * x }},
		{Sqrt, math.Sqrt},
		{Floor, math.Floor},
		{Round, math.RoundToEven},
		{Trunc, math.Trunc},
	})
	checkUnary(t, 1e-15, func(k int) float64 { return genF64(k) / 16 }, []unCase[float64, float64]{
		{Exp, math.Exp},
		{Sin, math.Sin},
		{Tanh, math.Tanh},
	})
	checkUnary(t, 0, genF64, []unCase[float64, bool]{
		{Signbit, math.Signbit},
		{IsNaN, math.IsNaN},
		{LogicalNot, func(x float64) bool { return x == 0 }},
	})
}

func TestUnaryInt32(t *testing.T) {
	checkUnary(t, 0, genI32, []unCase[int32, int32]{
		{Negative, func(x int32) int32 { return -x }},
		{Abs, func(x int32) int32 {
			if x < 0 {
				return -x
			}
			return x
		}},
		{Square, func(x int32) int32 { return x * x }},
		{BitwiseInvert, func(x int32) int32 { return ^x }},
		{Sign, func(x int32) int32 {
			switch {
			case x > 0:
				return 1
			case x < 0:
				return -1
			}
			return 0
		}},
	})
	checkUnary(t, 0, genSmallI32, []unCase[int32, bool]{
		{LogicalNot, func(x int32) bool { return x == 0 }},
		{Signbit, func(x int32) bool { return x < 0 }},
	})
}

func TestUnaryUint8(t *testing.T) {
	checkUnary(t, 0, genU8, []unCase[uint8, uint8]{
		{Negative, func(x uint8) uint8 { return -x }},
		{Square, func(x uint8) uint8 { return x * x }},
		{BitwiseInvert, func(x uint8) uint8 { return ^x }},
		{Abs, func(x uint8) uint8 { return x }},
	})
}

func TestUnaryComplex128(t *testing.T) {
	checkUnary(t, 0, genC128, []unCase[complex128, complex128]{
		{Negative, func(z complex128) complex128 { return -z }},
		{Conj, cmplx.Conj},
		{Square, func(z complex128) complex128 { return z * z }},
	})
	checkUnary(t, 1e-14, func(k int) complex128 { return genC128(k) / 16 }, []unCase[complex128, complex128]{
		{Exp, cmplx.Exp},
		{Sqrt, cmplx.Sqrt},
	})
	checkUnary(t, 1e-15, genC128, []unCase[complex128, float64]{
		{Abs, cmplx.Abs},
	})
	checkUnary(t, 0, genC128, []unCase[complex128, float64]{
		{Real, func(z complex128) float64 { return real(z) }},
		{Imag, func(z complex128) float64 { return imag(z) }},
	})
	checkUnary(t, 0, genC128, []unCase[complex128, bool]{
		{IsNaN, cmplx.IsNaN},
	})
}

func TestUnaryBool(t *testing.T) {
	checkUnary(t, 0, genBool, []unCase[bool, bool]{
		{LogicalNot, func(x bool) bool { return !x }},
		{BitwiseInvert, func(x bool) bool { return !x }},
		{Positive, func(x bool) bool { return x }},
		{IsFinite, func(bool) bool { return true }},
	})
}

func TestUnaryErrors(t *testing.T) {
	shape, st := []int{3}, []int{1}
	op := func(data any) Operand { return Operand{Data: data, Strides: st} }
	for _, tc := range []struct {
		name       string
		op         UnaryOp
		d, s       any
		notImplErr bool
	}{
		{"sqrt of int", Sqrt, make([]int32, 3), make([]int32, 3), true},
		{"predicate into float", IsNaN, make([]float64, 3), make([]float64, 3), false},
		{"abs of complex into complex", Abs, make([]complex128, 3), make([]complex128, 3), false},
		{"float into other float", Negative, make([]float32, 3), make([]float64, 3), false},
		{"bool into int", LogicalNot, make([]int8, 3), make([]bool, 3), true},
		{"sqrt of bool", Sqrt, make([]bool, 3), make([]bool, 3), true},
		{"unknown type", Negative, []int{1, 2, 3}, []int{1, 2, 3}, true},
	} {
		err := Unary(tc.op, shape, op(tc.d), op(tc.s))
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		if got := isNotImpl(err); got != tc.notImplErr {
			t.Errorf("%s: errors.Is(err, ErrNotImplemented) = %v, want %v (%v)", tc.name, got, tc.notImplErr, err)
		}
	}
}

// checkCopy checks Copy from T to R against Go's conversion, with the
// largest sizes only when all is set.
func checkCopy[T, R any](t *testing.T, all bool, gen func(int) T, conv func(T) R) {
	t.Helper()
	for _, n := range crossSizes {
		if !all && n > bigSize {
			continue
		}
		for _, lay := range elementwiseLayouts(n, 2) {
			if n > bigSize && !lay.big {
				continue
			}
			s, sop := newBuffer[T](t, lay.shape, lay.ops[1])
			fill(s, lay.shape, sop, gen)
			d, dop := newBuffer[R](t, lay.shape, lay.ops[0])
			want := append([]R(nil), d...)
			offD, offS := naiveOffsets(lay.shape, dop), naiveOffsets(lay.shape, sop)
			for k := range offD {
				want[offD[k]] = conv(s[offS[k]])
			}
			what := fmt.Sprintf("Copy %s to %s n=%d %s", typeName(s), typeName(d), n, lay.name)
			if err := Copy(lay.shape, dop, sop); err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			compareBuffers(t, what, d, want)
		}
	}
}

func TestCopy(t *testing.T) {
	checkCopy(t, false, genF64, func(x float64) float64 { return x })
	checkCopy(t, true, genF64, func(x float64) int32 { return int32(x) }) // toward zero
	checkCopy(t, false, genF64, func(x float64) bool { return x != 0 })
	checkCopy(t, false, genF64, func(x float64) complex128 { return complex(x, 0) })
	checkCopy(t, false, genI32, func(x int32) float64 { return float64(x) })
	checkCopy(t, false, genI32, func(x int32) uint8 { return uint8(x) }) // wraps
	checkCopy(t, false, genI32, func(x int32) int32 { return x })
	checkCopy(t, false, genU8, func(x uint8) complex128 { return complex(float64(x), 0) })
	checkCopy(t, false, genU8, func(x uint8) int32 { return int32(x) })
	checkCopy(t, true, genC128, func(z complex128) float64 { return real(z) })
	checkCopy(t, false, genC128, func(z complex128) bool { return z != 0 })
	checkCopy(t, false, genC128, func(z complex128) complex64 { return complex64(z) })
	checkCopy(t, false, genBool, func(b bool) uint8 {
		if b {
			return 1
		}
		return 0
	})
	checkCopy(t, false, genBool, func(b bool) bool { return b })
	checkCopy(t, false, genBool, func(b bool) float64 {
		if b {
			return 1
		}
		return 0
	})
}

func TestCopyConversions(t *testing.T) {
	// Exact cases of NumPy's astype(casting="unsafe") within defined ranges.
	f := []float64{-2.9, -0.5, 0.5, 2.9, 127.99, -128.5}
	i8 := make([]int8, len(f))
	if err := Copy([]int{len(f)}, Operand{Data: i8, Strides: []int{1}}, Operand{Data: f, Strides: []int{1}}); err != nil {
		t.Fatal(err)
	}
	if want := []int8{-2, 0, 0, 2, 127, -128}; fmt.Sprint(i8) != fmt.Sprint(want) {
		t.Errorf("float64 %v to int8 = %v, want %v", f, i8, want)
	}
	z := []complex128{0, 1i, 2 - 3i, complex(math.Copysign(0, -1), 0)}
	b := make([]bool, len(z))
	if err := Copy([]int{len(z)}, Operand{Data: b, Strides: []int{1}}, Operand{Data: z, Strides: []int{1}}); err != nil {
		t.Fatal(err)
	}
	if want := []bool{false, true, true, false}; fmt.Sprint(b) != fmt.Sprint(want) {
		t.Errorf("complex128 %v to bool = %v, want %v", z, b, want)
	}
	u := []int64{-1, 256, 257, 1 << 40}
	u8 := make([]uint8, len(u))
	if err := Copy([]int{len(u)}, Operand{Data: u8, Strides: []int{1}}, Operand{Data: u, Strides: []int{1}}); err != nil {
		t.Fatal(err)
	}
	if want := []uint8{255, 0, 1, 0}; fmt.Sprint(u8) != fmt.Sprint(want) {
		t.Errorf("int64 %v to uint8 = %v, want %v", u, u8, want)
	}
	for _, tc := range []struct {
		name string
		d, s any
	}{
		{"unknown dst", []int{0}, []float64{1}},
		{"unknown src", []float64{0}, []string{"x"}},
		{"unknown src into bool", []bool{false}, []string{"x"}},
		{"unknown src into complex", []complex64{0}, []int{1}},
	} {
		if err := Copy([]int{1}, Operand{Data: tc.d, Strides: []int{1}}, Operand{Data: tc.s, Strides: []int{1}}); err == nil {
			t.Errorf("Copy %s: no error", tc.name)
		}
	}
}
