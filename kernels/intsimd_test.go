package kernels

import (
	"fmt"
	"math"
	"testing"
	"unsafe"
)

// The integer, comparison and complex vector kernels (intsimd.go) at every
// SIMD level this CPU has (simdLevels): each kernel alone, whose leading
// part must equal an independent reference and leave the rest of the
// destination and the guards around it untouched, and the loops of
// binary.go that call them, which must give the reference everywhere. Sizes
// 0 to 70, 127 and 1000, unaligned starts, integer extremes (wrapping) and
// NaN, ±Inf and ±0 among the inputs.

// vxSizes are the lengths tried.
var vxSizes = func() []int {
	var s []int
	for n := 0; n <= 70; n++ {
		s = append(s, n)
	}
	return append(s, 127, 1000)
}()

// vxOffsets are the starts (in elements) of the operands in their buffers.
var vxOffsets = []int{0, 1, 3}

const vxGuard = 7

// vxInt is the k-th integer input: the extremes, 0, ±1 and values near
// them, or spread bits.
func vxInt[T integer](k int) T {
	h := mix(k)
	bits := 8 * sizeOf[T]()
	var z T
	minT := T(0)
	if ^z < 0 { // signed
		minT = T(1) << (bits - 1)
	}
	maxT := ^minT
	switch h % 16 {
	case 0:
		return minT
	case 1:
		return maxT
	case 2:
		return minT + 1
	case 3:
		return maxT - 1
	case 4:
		return 0
	case 5:
		return 1
	case 6:
		return ^T(0) // -1 or the largest unsigned
	case 7:
		return T(h>>40) % 7
	}
	return T(h >> 7)
}

// vxFloat is the k-th float input: NaN, ±0, ±Inf, extremes and ties
// among spread values.
func vxFloat[T float](k int) T {
	h := mix(k)
	switch h % 16 {
	case 0:
		return T(math.NaN())
	case 1:
		return T(math.Copysign(0, -1))
	case 2:
		return 0
	case 3:
		return T(math.Inf(1))
	case 4:
		return T(math.Inf(-1))
	case 5:
		return 1.5
	case 6:
		tiny := math.SmallestNonzeroFloat64
		return T(tiny) // 0 for float32
	case 7:
		if sizeOf[T]() == 4 {
			return math.MaxFloat32
		}
		m := math.MaxFloat64
		return T(m)
	}
	mag := math.Ldexp(1, int(h>>58)-30)
	return T((float64(h>>11)/(1<<53) - 0.5) * mag)
}

func vxComplex[T complexT](k int) T {
	if sizeOf[T]() == 8 {
		return T(complex(vxFloat[float32](k), vxFloat[float32](k+7_777_777)))
	}
	return T(complex(vxFloat[float64](k), vxFloat[float64](k+7_777_777)))
}

// vxOperands returns x and y of n values (at offset off in their buffers),
// y equal to x in about a quarter of the places, and the scalar s.
func vxOperands[T any](n, off, seed int, gen func(int) T) (x, y, s []T) {
	xb, yb := make([]T, off+n), make([]T, off+n)
	for i := range xb {
		xb[i] = gen(seed + 3*i)
		if mix(seed+3*i+1)%4 == 0 {
			yb[i] = xb[i]
		} else {
			yb[i] = gen(seed + 3*i + 2)
		}
	}
	return xb[off:], yb[off:], []T{gen(seed - 1)}
}

// vxBoolGuard is the byte around bool destinations: no bool, so that a
// stray write of false or true shows.
const vxBoolGuard = 0xa5

// vxDest returns a destination of n values at offset off in a buffer of
// guards.
func vxDest[T any](n, off int) (buf, d []T) {
	buf = make([]T, off+n+2*vxGuard)
	if b, ok := any(buf).([]bool); ok {
		for i := range b {
			*(*byte)(unsafe.Pointer(&b[i])) = vxBoolGuard
		}
	} else {
		g := guardValue[T]()
		for i := range buf {
			buf[i] = g
		}
	}
	return buf, buf[vxGuard+off : vxGuard+off+n]
}

// vxIsGuard reports whether *p holds the guard still.
func vxIsGuard[T any](p *T) bool {
	if _, ok := any(p).(*bool); ok {
		return *(*byte)(unsafe.Pointer(p)) == vxBoolGuard
	}
	return vxSame(*p, guardValue[T]())
}

// vxIs reports whether *p holds want (a bool as the byte 0 or 1).
func vxIs[T any](p *T, want T) bool {
	if _, ok := any(p).(*bool); ok {
		b := *(*byte)(unsafe.Pointer(p))
		return (b == 0 || b == 1) && (b == 1) == any(want).(bool)
	}
	return vxSame(*p, want)
}

// vxSame reports whether a and b are equal values, NaN matching NaN
// (payloads aside), +0 not matching -0.
func vxSame[T any](a, b T) bool {
	switch a := any(a).(type) {
	case float64:
		b := any(b).(float64)
		return a != a && b != b || math.Float64bits(a) == math.Float64bits(b)
	case float32:
		b := any(b).(float32)
		return a != a && b != b || math.Float32bits(a) == math.Float32bits(b)
	case complex128:
		b := any(b).(complex128)
		return vxSame(real(a), real(b)) && vxSame(imag(a), imag(b))
	case complex64:
		b := any(b).(complex64)
		return vxSame(real(a), real(b)) && vxSame(imag(a), imag(b))
	}
	return any(a) == any(b)
}

// vxCheck checks d (in buf) against want for the first m elements and the
// guard everywhere else.
func vxCheck[R any](t *testing.T, what string, buf, d, want []R, m int) {
	t.Helper()
	start := len(buf) - len(d) - vxGuard
	for i := range buf {
		j := i - start
		if j >= 0 && j < m {
			if !vxIs(&buf[i], want[j]) {
				t.Fatalf("%s: d[%d] = %v, want %v", what, j, buf[i], want[j])
			}
		} else if !vxIsGuard(&buf[i]) {
			t.Fatalf("%s: element %d of the buffer (d[%d]) = %v was written", what, i, j, buf[i])
		}
	}
}

// vxCase is one operation: the kernel, the BinaryOp of binary.go, and the
// reference.
type vxCase[T, R any] struct {
	op  vxOp
	bop BinaryOp
	ref func(a, b T) R
}

// testVx runs the cases on T at every level: the kernels alone (vec,
// vecScalar) and the loops of binary.go (loop).
func testVx[T, R any](t *testing.T, name string, gen func(int) T, cases []vxCase[T, R],
	vec func(vxOp, []R, []T, []T) int, vecScalar func(vxOp, []R, []T, []T) int,
	loop func(BinaryOp) bin1D[T, R]) {
	for _, lv := range simdLevels() {
		restore := lv.set()
		for _, c := range cases {
			k := loop(c.bop)
			if k == nil {
				t.Fatalf("%s %v: no loop", name, c.bop)
			}
			for _, n := range vxSizes {
				for _, off := range vxOffsets {
					seed := 1000*n + 17*off + int(c.op)
					x, y, s := vxOperands(n, off, seed, gen)
					want, wantS, wantSF := make([]R, n), make([]R, n), make([]R, n)
					for i := range want {
						want[i] = c.ref(x[i], y[i])
						wantS[i] = c.ref(x[i], s[0])
						wantSF[i] = c.ref(s[0], y[i])
					}
					what := fmt.Sprintf("%s %s %v n=%d off=%d", lv.name, name, c.bop, n, off)

					// The kernels alone.
					buf, d := vxDest[R](n, off)
					m := vec(c.op, d, x, y)
					vxCheckDone(t, what, lv.name, c.op, vxKindOf[T](), 0, n, m)
					vxCheck(t, what+" kernel", buf, d, want, m)
					buf, d = vxDest[R](n, off)
					m = vecScalar(c.op, d, x, s)
					vxCheckDone(t, what, lv.name, c.op, vxKindOf[T](), 1, n, m)
					vxCheck(t, what+" scalar kernel", buf, d, wantS, m)

					// The loops, contiguous, scalar on either side, and
					// strided (portable).
					buf, d = vxDest[R](n, off)
					k(n, buf, vxGuard+off, 1, x, 0, 1, y, 0, 1)
					vxCheck(t, what+" loop", buf, d, want, n)
					buf, d = vxDest[R](n, off)
					k(n, buf, vxGuard+off, 1, x, 0, 1, s, 0, 0)
					vxCheck(t, what+" scalar loop", buf, d, wantS, n)
					buf, d = vxDest[R](n, off)
					k(n, buf, vxGuard+off, 1, s, 0, 0, y, 0, 1)
					vxCheck(t, what+" scalar-first loop", buf, d, wantSF, n)
					if n > 1 {
						h := n / 2
						buf, d = vxDest[R](n, off)
						k(h, buf, vxGuard+off, 2, x, 0, 2, y, 0, 2)
						for i := 0; i < n; i++ {
							if i%2 == 1 || i/2 >= h {
								if !vxIsGuard(&d[i]) {
									t.Fatalf("%s strided: d[%d] written", what, i)
								}
							} else if !vxIs(&d[i], want[i]) {
								t.Fatalf("%s strided: d[%d] = %v, want %v", what, i, d[i], want[i])
							}
						}
					}
				}
			}
		}
		restore()
	}
}

// vxCheckDone checks how much of n elements a kernel did: nothing in
// portable Go, all of them at AVX-512, the whole vectors at AVX2 (for the
// operations that have kernels there).
func vxCheckDone(t *testing.T, what, level string, op vxOp, kind vxKind, form, n, m int) {
	t.Helper()
	k := vxLookup(op, kind, form)
	want := 0
	switch {
	case level == "go" || k.f == nil:
	case k.whole > 0:
		want = n - n%k.whole
	default:
		want = n
	}
	if m != want {
		t.Fatalf("%s: the kernel did %d elements, want %d", what, m, want)
	}
	if level != "go" && vxExpected(op, kind) && k.f == nil && vxHasLevel(level) {
		t.Fatalf("%s: no %s kernel", what, level)
	}
}

// vxExpected reports whether op on kind has vector kernels at both levels.
func vxExpected(op vxOp, kind vxKind) bool {
	switch {
	case op == vxMul && (kind == vkI8 || kind == vkU8 || kind == vkI64 || kind == vkU64):
		return false // no 8-bit multiply; 64-bit needs AVX-512DQ
	case op >= vxEq:
		return kind != vkC64 && kind != vkC128
	case kind == vkF64 || kind == vkF32:
		return false // simd.go's kernels
	case kind == vkC64 || kind == vkC128:
		return op == vxAdd || op == vxSub || op == vxMul
	}
	return true
}

func intCases[T integer]() []vxCase[T, T] {
	return []vxCase[T, T]{
		{vxAdd, Add, func(a, b T) T { return a + b }},
		{vxSub, Subtract, func(a, b T) T { return a - b }},
		{vxMul, Multiply, func(a, b T) T { return a * b }},
		{vxAnd, BitwiseAnd, func(a, b T) T { return a & b }},
		{vxOr, BitwiseOr, func(a, b T) T { return a | b }},
		{vxXor, BitwiseXor, func(a, b T) T { return a ^ b }},
		{vxMin, Minimum, func(a, b T) T {
			if b < a {
				return b
			}
			return a
		}},
		{vxMax, Maximum, func(a, b T) T {
			if b > a {
				return b
			}
			return a
		}},
	}
}

func cmpCases[T realNum]() []vxCase[T, bool] {
	return []vxCase[T, bool]{
		{vxEq, Equal, func(a, b T) bool { return a == b }},
		{vxNe, NotEqual, func(a, b T) bool { return !(a == b) }},
		{vxLt, Less, func(a, b T) bool { return a < b }},
		{vxLe, LessEqual, func(a, b T) bool { return a < b || a == b }},
		{vxGt, Greater, func(a, b T) bool { return b < a }},
		{vxGe, GreaterEqual, func(a, b T) bool { return b < a || a == b }},
	}
}

func testIntVx[T signed](t *testing.T, name string) {
	testVx(t, name, vxInt[T], intCases[T](), vecArith[T], vecArithScalar[T], signedBinary[T])
}

func testUintVx[T unsigned](t *testing.T, name string) {
	testVx(t, name, vxInt[T], intCases[T](), vecArith[T], vecArithScalar[T], unsignedBinary[T])
}

func TestVxIntegers(t *testing.T) {
	testIntVx[int8](t, "int8")
	testIntVx[int16](t, "int16")
	testIntVx[int32](t, "int32")
	testIntVx[int64](t, "int64")
	testUintVx[uint8](t, "uint8")
	testUintVx[uint16](t, "uint16")
	testUintVx[uint32](t, "uint32")
	testUintVx[uint64](t, "uint64")
}

func testCmpVx[T realNum](t *testing.T, name string, gen func(int) T) {
	testVx(t, name, gen, cmpCases[T](), vecCompare[T], vecCompareScalar[T], orderedCompare[T])
}

func TestVxCompare(t *testing.T) {
	testCmpVx(t, "float64", vxFloat[float64])
	testCmpVx(t, "float32", vxFloat[float32])
	testCmpVx(t, "int64", vxInt[int64])
	testCmpVx(t, "int32", vxInt[int32])
	testCmpVx(t, "uint64", vxInt[uint64])
	testCmpVx(t, "uint32", vxInt[uint32])
	testCmpVx(t, "int16", vxInt[int16])
	testCmpVx(t, "uint16", vxInt[uint16])
	testCmpVx(t, "int8", vxInt[int8])
	testCmpVx(t, "uint8", vxInt[uint8])
}

// mulC128 is Go's complex128 product on amd64 written out: each product
// rounded (the conversions forbid fusing), then one subtraction or
// addition. complex64 products are computed so in float64 and rounded to
// float32 at the end.
func mulC128(x, y complex128) complex128 {
	a, b, c, d := real(x), imag(x), real(y), imag(y)
	return complex(float64(a*c)-float64(b*d), float64(a*d)+float64(b*c))
}

func mulC64(x, y complex64) complex64 {
	p := mulC128(complex128(x), complex128(y))
	return complex(float32(real(p)), float32(imag(p)))
}

func complexCases[T complexT](mul func(a, b T) T) []vxCase[T, T] {
	return []vxCase[T, T]{
		{vxAdd, Add, func(a, b T) T { return a + b }},
		{vxSub, Subtract, func(a, b T) T { return a - b }},
		{vxMul, Multiply, mul},
	}
}

func TestVxComplex(t *testing.T) {
	testVx(t, "complex128", vxComplex[complex128], complexCases(mulC128), vecArith[complex128], vecArithScalar[complex128], complexBinary[complex128])
	testVx(t, "complex64", vxComplex[complex64], complexCases(mulC64), vecArith[complex64], vecArithScalar[complex64], complexBinary[complex64])
}

// fusedMulAdd is x*x + y as this build compiles it: (1+2**-30)**2 -
// (1+2**-29) is 2**-60 when fused, 0 when the product is rounded first.
// (Not inlined, so that the addition cannot take its operand from memory,
// which would keep it apart.)
//
//go:noinline
func fusedMulAdd(x, y float64) float64 { return x*x + y }

// The reference product is Go's operator in the builds that do not fuse
// multiply-adds (amd64 with the default GOAMD64=v1), the result the
// portable loop gives in every build.
func TestVxComplexMulMatchesOperator(t *testing.T) {
	if fusedMulAdd(1+0x1p-30, -(1+0x1p-29)) != 0 {
		t.Skip("skipped: this build fuses multiply-adds, so the * operator rounds differently")
	}
	for k := 0; k < 10_000; k++ {
		x, y := vxComplex[complex128](k), vxComplex[complex128](k+5)
		if got, want := x*y, mulC128(x, y); !vxSame(got, want) {
			t.Fatalf("complex128 %v * %v = %v in Go, %v by the reference", x, y, got, want)
		}
		u, v := vxComplex[complex64](k), vxComplex[complex64](k+5)
		if got, want := u*v, mulC64(u, v); !vxSame(got, want) {
			t.Fatalf("complex64 %v * %v = %v in Go, %v by the reference", u, v, got, want)
		}
	}
}

func vxBool(k int) bool { return mix(k)%3 != 0 }

func TestVxBool(t *testing.T) {
	or := func(a, b bool) bool { return a || b }
	and := func(a, b bool) bool { return a && b }
	xor := func(a, b bool) bool { return a != b }
	testVx(t, "bool", vxBool, []vxCase[bool, bool]{
		{vxOr, BitwiseOr, or}, {vxOr, Add, or}, {vxOr, Maximum, or},
		{vxAnd, BitwiseAnd, and}, {vxAnd, Multiply, and}, {vxAnd, Minimum, and},
		{vxXor, BitwiseXor, xor},
	}, vecArith[bool], vecArithScalar[bool], boolBinary)
	testVx(t, "bool", vxBool, []vxCase[bool, bool]{
		{vxXor, NotEqual, xor}, {vxXor, LogicalXor, xor},
		{vxAnd, LogicalAnd, and}, {vxOr, LogicalOr, or},
	}, vecArith[bool], vecArithScalar[bool], boolCompare)
}

// Binary runs the kernels through the public entry point too.
func TestVxBinaryEntry(t *testing.T) {
	for _, lv := range simdLevels() {
		restore := lv.set()
		n := 1000
		x, y, _ := vxOperands(n, 0, 99, vxInt[int64])
		d := make([]int64, n)
		if err := Binary(Add, []int{n}, Operand{Data: d, Strides: []int{1}}, Operand{Data: x, Strides: []int{1}}, Operand{Data: y, Strides: []int{1}}); err != nil {
			t.Fatal(err)
		}
		for i := range d {
			if d[i] != x[i]+y[i] {
				t.Fatalf("%s: Binary Add d[%d] = %d, want %d", lv.name, i, d[i], x[i]+y[i])
			}
		}
		fx, fy, _ := vxOperands(n, 0, 7, vxFloat[float64])
		b := make([]bool, n)
		if err := Binary(Less, []int{n}, Operand{Data: b, Strides: []int{1}}, Operand{Data: fx, Strides: []int{1}}, Operand{Data: fy, Strides: []int{1}}); err != nil {
			t.Fatal(err)
		}
		for i := range b {
			if b[i] != (fx[i] < fy[i]) {
				t.Fatalf("%s: Binary Less d[%d] = %v for %v < %v", lv.name, i, b[i], fx[i], fy[i])
			}
		}
		restore()
	}
}
