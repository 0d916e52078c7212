package kernels

import (
	"errors"
	"fmt"
	"math"
	"testing"
)

// crossSizes are element counts around the SIMD widths and the parallel
// grains (Grain = 32768, ReduceGrain = 65536).
var crossSizes = []int{0, 1, 7, 8, 9, 127, 128, 129, 32767, 32768, 32769, 65537, 200003}

// bigSize is the size above which only the first operation of a test runs
// (the largest sizes cross the grains again; the loops are shared).
const bigSize = 40_000

// guardLen is the number of guard elements on each side of every buffer.
const guardLen = 5

// mix is SplitMix64's finaliser: a cheap, well-spread hash of k, used to make
// test data without a random generator.
func mix(k int) uint64 {
	x := uint64(k)*0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	return x
}

// eighth is a float64 in [-125, 125], a multiple of 1/8 (never -0), so sums
// of fewer than 2**40 of them are exact in any order.
func eighth(k int) float64 { return float64(int64(mix(k)%2001)-1000) / 8 }

func genF64(k int) float64     { return eighth(k) }
func genI32(k int) int32       { return int32(uint32(mix(k))) }
func genU8(k int) uint8        { return uint8(mix(k) >> 17) }
func genC128(k int) complex128 { return complex(eighth(k), eighth(k+1_000_003)) }
func genBool(k int) bool       { return mix(k)%3 != 0 }
func genMostlyTrue(k int) bool { return mix(k)%50_000 != 0 }
func genSmallI32(k int) int32  { return int32(mix(k)%19) - 9 }
func genUnitF64(k int) float64 { return [...]float64{1, -1, 2, 1, 0.5, -1}[k%6] }
func genUnitC128(k int) complex128 {
	return [...]complex128{1, 1i, 2, -1, 0.5, -1i}[k%6]
}

// guardValue is what surrounds every buffer: NaN with a payload no kernel
// makes for the inexact types (as gonum's asm tests do), an unlikely value
// for the others.
func guardValue[T any]() T {
	var z T
	var g any
	nan64 := math.Float64frombits(0x7ff8_0000_dead_beef)
	nan32 := math.Float32frombits(0x7fc0_beef)
	switch any(z).(type) {
	case float64:
		g = nan64
	case float32:
		g = nan32
	case complex128:
		g = complex(nan64, nan64)
	case complex64:
		g = complex(nan32, nan32)
	case int8:
		g = int8(-0x5b)
	case int16:
		g = int16(-0x5a5b)
	case int32:
		g = int32(-0x5a5a5a5b)
	case int64:
		g = int64(-0x5a5a5a5a5a5a5a5b)
	case uint8:
		g = uint8(0xa5)
	case uint16:
		g = uint16(0xa5a5)
	case uint32:
		g = uint32(0xa5a5a5a5)
	case uint64:
		g = uint64(0xa5a5a5a5a5a5a5a5)
	case bool:
		g = true
	default:
		panic(fmt.Sprintf("no guard for %T", z))
	}
	return g.(T)
}

// identical compares bit for bit (so NaN payloads and signed zeros count).
func identical[T any](a, b T) bool {
	switch x := any(a).(type) {
	case float64:
		return math.Float64bits(x) == math.Float64bits(any(b).(float64))
	case float32:
		return math.Float32bits(x) == math.Float32bits(any(b).(float32))
	case complex128:
		y := any(b).(complex128)
		return identical(real(x), real(y)) && identical(imag(x), imag(y))
	case complex64:
		y := any(b).(complex64)
		return identical(real(x), real(y)) && identical(imag(x), imag(y))
	}
	return any(a) == any(b)
}

// compareBuffers fails the test at the first element of got that differs
// from want, saying whether it is a guard.
func compareBuffers[T any](t *testing.T, what string, got, want []T) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: buffer length %d, want %d", what, len(got), len(want))
	}
	for i := range got {
		if !identical(got[i], want[i]) {
			where := "element"
			if i < guardLen || i >= len(got)-guardLen {
				where = "guard element"
			}
			t.Fatalf("%s: %s %d is %v, want %v", what, where, i, got[i], want[i])
		}
	}
}

// opLayout places one operand: its strides and the offset of its origin
// (before the leading guards).
type opLayout struct {
	strides []int
	offset  int
}

// layout is a shape and a placement for each operand, dst first.
type layout struct {
	name  string
	shape []int
	ops   []opLayout
	big   bool // also used for sizes above bigSize
}

// span is the lowest and highest index an operand reaches (hi < lo when the
// shape is empty).
func span(shape []int, o opLayout) (lo, hi int) {
	size := 1
	for _, d := range shape {
		size *= d
	}
	if size == 0 {
		return o.offset, o.offset - 1
	}
	lo, hi = o.offset, o.offset
	for i, d := range shape {
		e := (d - 1) * o.strides[i]
		lo += min(e, 0)
		hi += max(e, 0)
	}
	return lo, hi
}

// newBuffer allocates a guarded buffer for an operand placed by o, filled
// with the guard value, and returns it with its Operand.
func newBuffer[T any](t *testing.T, shape []int, o opLayout) ([]T, Operand) {
	t.Helper()
	lo, hi := span(shape, o)
	if lo < 0 {
		t.Fatalf("layout %+v of %v reaches index %d", o, shape, lo)
	}
	buf := make([]T, guardLen+max(hi+1, o.offset)+guardLen)
	g := guardValue[T]()
	for i := range buf {
		buf[i] = g
	}
	return buf, Operand{Data: buf, Offset: o.offset + guardLen, Strides: o.strides}
}

// fill writes gen(k) at the k-th element, in C order, of an operand.
func fill[T any](buf []T, shape []int, op Operand, gen func(int) T) {
	for k, o := range naiveOffsets(shape, op) {
		buf[o] = gen(k)
	}
}

// elementwiseLayouts places nops operands of n elements in ways that
// exercise the fast and strided paths: contiguous, strided and reversed,
// broadcast (stride 0), and a 2-D transposed view.
func elementwiseLayouts(n, nops int) []layout {
	c := (n + 1) / 2
	ls := []layout{
		{"contiguous", []int{n}, []opLayout{{[]int{1}, 0}, {[]int{1}, 0}, {[]int{1}, 0}}, true},
		{"strided", []int{n}, []opLayout{{[]int{2}, 1}, {[]int{3}, 0}, {[]int{-1}, max(n-1, 0)}}, false},
		{"broadcast", []int{n}, []opLayout{{[]int{1}, 0}, {[]int{-1}, max(n-1, 0)}, {[]int{0}, 0}}, false},
		{"2-d transposed", []int{2, c}, []opLayout{{[]int{c, 1}, 0}, {[]int{1, 2}, 0}, {[]int{-c, 1}, c}}, true},
	}
	for i := range ls {
		ls[i].ops = ls[i].ops[:nops]
	}
	return ls
}

func isNotImpl(err error) bool { return errors.Is(err, ErrNotImplemented) }

// compareClose is compareBuffers with a relative tolerance for float64 and
// complex128 elements (a complex number's parts on the scale of its modulus).
func compareClose[T any](t *testing.T, what string, got, want []T, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: buffer length %d, want %d", what, len(got), len(want))
	}
	near := func(a, b float64) bool {
		return math.Abs(a-b) <= tol*math.Max(math.Abs(a), math.Abs(b)) || (math.IsNaN(a) && math.IsNaN(b))
	}
	for i := range got {
		if identical(got[i], want[i]) {
			continue
		}
		ok := false
		if i >= guardLen && i < len(got)-guardLen { // guards must be exact
			switch g := any(got[i]).(type) {
			case float64:
				ok = near(g, any(want[i]).(float64))
			case complex128:
				w := any(want[i]).(complex128)
				scale := tol * math.Max(math.Hypot(real(g), imag(g)), math.Hypot(real(w), imag(w)))
				ok = math.Abs(real(g)-real(w)) <= scale && math.Abs(imag(g)-imag(w)) <= scale
			}
		}
		if !ok {
			t.Fatalf("%s: element %d is %v, want %v (within %g)", what, i, got[i], want[i], tol)
		}
	}
}
