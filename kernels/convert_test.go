package kernels

import (
	"fmt"
	"math"
	"testing"
)

// convSizes are the run lengths of the conversion tests: every length
// around the vector widths and unrolled steps, and two longer ones.
var convSizes = func() []int {
	s := make([]int, 0, 73)
	for n := 0; n <= 70; n++ {
		s = append(s, n)
	}
	return append(s, 127, 1000)
}()

// specialF64 are float64 values at the edges of the conversions: NaN
// (quiet, signalling, negative), infinities, signed zeros, the limits of
// int32, int64 and float32, denormals and huge values.
var specialF64 = []float64{
	math.NaN(), math.Float64frombits(0x7ff0_0000_0000_0001), math.Float64frombits(0xfff8_0000_0000_0abc),
	math.Inf(1), math.Inf(-1), 0, math.Copysign(0, -1), 0.5, -0.5, 0.9999, -0.9999, 1.5, -1.5, 2.5, -2.5,
	2147483647, 2147483647.99, 2147483648, -2147483648, -2147483648.99, -2147483649, 4294967296,
	9223372036854774784, 9223372036854775808, -9223372036854775808, -9223372036854777856, 1e19, -1e19,
	math.MaxFloat32, 3.4028235677973366e38, 3.5e38, -3.5e38, 1e-310, -1e-310, 1e-45, 1.4e-45, 7e-46,
	math.SmallestNonzeroFloat64, math.MaxFloat64, -math.MaxFloat64, 1e300, 16777217, 1 + 1.0/(1<<29),
}

// genConvF64 is a special value for some k and otherwise a value of wide
// range, with fractions.
func genConvF64(k int) float64 {
	m := mix(k)
	if m%5 == 0 {
		return specialF64[int(m>>8)%len(specialF64)]
	}
	e := int(m>>40%80) - 40
	v := math.Ldexp(float64(m>>11)/(1<<53), e)
	if m&1 != 0 {
		v = -v
	}
	return v
}

func genConvF32(k int) float32 {
	if mix(k)%7 == 3 {
		return math.Float32frombits(0x7f80_0001) // a signalling NaN
	}
	return float32(genConvF64(k))
}

func genConvI64(k int) int64 {
	m := mix(k)
	switch m % 4 {
	case 0:
		return int64(m) // full range: rounds as a float64
	case 1:
		return int64(m) >> 40
	case 2:
		return [...]int64{math.MinInt64, math.MaxInt64, 0, -1, 1 << 53, 1<<53 + 1, -(1<<53 + 1)}[m>>8%7]
	}
	return int64(m) >> 10
}

func genConvI32(k int) int32 {
	m := mix(k)
	if m%6 == 0 {
		return [...]int32{math.MinInt32, math.MaxInt32, 0, -1, 1 << 24, 1<<24 + 1, -(1<<24 + 1)}[m>>8%7]
	}
	return int32(uint32(m))
}

func genConvI8(k int) int8 { return int8(mix(k)) }

// truncInt is the reference of float-to-integer conversion: x truncated
// toward zero when that lies in [lo, hi], else lo (NaN included).
func truncInt(x, lo, hi float64) (float64, bool) {
	t := math.Trunc(x)
	if x != x || t < lo || t > hi {
		return lo, false
	}
	return t, true
}

func refF64I32(x float64) int32 {
	t, _ := truncInt(x, math.MinInt32, math.MaxInt32)
	return int32(t)
}

func refF64I64(x float64) int64 {
	// MaxInt64 is not a float64: 2**63 is out of range.
	t, ok := truncInt(x, math.MinInt64, math.MaxInt64)
	if !ok || t >= 1<<63 {
		return math.MinInt64
	}
	return int64(t)
}

func refBool[D realNum](x bool) D {
	if x {
		return 1
	}
	return 0
}

// convCase is one conversion under test.
type convCase struct {
	name string
	// run converts n elements from offset os of a source into offset od
	// of a guarded destination and compares with the reference.
	run func(t *testing.T, n, os, od int)
	// copyCase runs Copy over a strided layout.
	copyCase func(t *testing.T, shape []int, dl, sl opLayout)
}

func newConvCase[D, S any](name string, gen func(int) S, conv func(d []D, s []S), ref func(S) D) convCase {
	return convCase{
		name: name,
		run: func(t *testing.T, n, os, od int) {
			src := make([]S, os+n+3)
			for i := range src {
				src[i] = gen(i)
			}
			dst := make([]D, guardLen+od+n+guardLen)
			want := make([]D, len(dst))
			g := guardValue[D]()
			for i := range dst {
				dst[i], want[i] = g, g
			}
			for i := 0; i < n; i++ {
				want[guardLen+od+i] = ref(src[os+i])
			}
			conv(dst[guardLen+od:guardLen+od+n], src[os:os+n])
			compareBuffers(t, fmt.Sprintf("%s n=%d src+%d dst+%d", name, n, os, od), dst, want)
		},
		copyCase: func(t *testing.T, shape []int, dl, sl opLayout) {
			sbuf, sop := newBuffer[S](t, shape, sl)
			fill(sbuf, shape, sop, gen)
			dbuf, dop := newBuffer[D](t, shape, dl)
			want := append([]D(nil), dbuf...)
			so, do := naiveOffsets(shape, sop), naiveOffsets(shape, dop)
			for k := range so {
				want[do[k]] = ref(sbuf[so[k]])
			}
			if err := Copy(shape, dop, sop); err != nil {
				t.Fatal(err)
			}
			compareBuffers(t, fmt.Sprintf("copy %s %v dst %v src %v", name, shape, dl, sl), dbuf, want)
		},
	}
}

// convCases are the conversions with vector kernels, a few without, and
// copies without conversion, each with an independent reference.
var convCases = []convCase{
	newConvCase("float64->float32", genConvF64, convertSlice[float32, float64], func(x float64) float32 { return float32(x) }),
	newConvCase("float32->float64", genConvF32, convertSlice[float64, float32], func(x float32) float64 { return float64(x) }),
	newConvCase("int32->float64", genConvI32, convertSlice[float64, int32], func(x int32) float64 { return float64(x) }),
	newConvCase("int32->float32", genConvI32, convertSlice[float32, int32], func(x int32) float32 { return float32(x) }),
	newConvCase("int64->float64", genConvI64, convertSlice[float64, int64], func(x int64) float64 { return float64(x) }),
	newConvCase("float64->int64", genConvF64, convertSlice[int64, float64], refF64I64),
	newConvCase("float32->int64", genConvF32, convertSlice[int64, float32], func(x float32) int64 { return refF64I64(float64(x)) }),
	newConvCase("float64->int32", genConvF64, convertSlice[int32, float64], refF64I32),
	newConvCase("float32->int32", genConvF32, convertSlice[int32, float32], func(x float32) int32 { return refF64I32(float64(x)) }),
	newConvCase("uint8->float64", genU8, convertSlice[float64, uint8], func(x uint8) float64 { return float64(x) }),
	newConvCase("int8->float64", genConvI8, convertSlice[float64, int8], func(x int8) float64 { return float64(x) }),
	newConvCase("uint8->float32", genU8, convertSlice[float32, uint8], func(x uint8) float32 { return float32(x) }),
	newConvCase("int8->float32", genConvI8, convertSlice[float32, int8], func(x int8) float32 { return float32(x) }),
	newConvCase("bool->float64", genBool, withVec(boolLoop[float64]), refBool[float64]),
	newConvCase("bool->float32", genBool, withVec(boolLoop[float32]), refBool[float32]),
	newConvCase("bool->int32", genBool, withVec(boolLoop[int32]), refBool[int32]),
	newConvCase("int64->float32", genConvI64, convertSlice[float32, int64], func(x int64) float32 { return float32(x) }),
	newConvCase("int32->int8", genConvI32, convertSlice[int8, int32], func(x int32) int8 { return int8(x) }),
	newConvCase("float64", genConvF64, func(d, s []float64) { copy(d, s) }, func(x float64) float64 { return x }),
	newConvCase("float32", genConvF32, func(d, s []float32) { copy(d, s) }, func(x float32) float32 { return x }),
	newConvCase("int64", genConvI64, func(d, s []int64) { copy(d, s) }, func(x int64) int64 { return x }),
	newConvCase("complex64", func(k int) complex64 { return complex(genConvF32(k), genConvF32(k+7)) },
		func(d, s []complex64) { copy(d, s) }, func(x complex64) complex64 { return x }),
	newConvCase("int16", func(k int) int16 { return int16(mix(k)) }, func(d, s []int16) { copy(d, s) }, func(x int16) int16 { return x }),
}

// TestConvertRuns converts contiguous runs of every length up to 70 (and
// two longer), from and to unaligned starts, at every SIMD level, and
// checks every element against the reference and the guards around the
// destination.
func TestConvertRuns(t *testing.T) {
	forConvLevels(t, func(t *testing.T) {
		for _, c := range convCases {
			for _, n := range convSizes {
				for _, off := range [][2]int{{0, 0}, {1, 3}, {3, 1}} {
					c.run(t, n, off[0], off[1])
				}
			}
		}
	})
}

// TestCopyStridedConvert runs Copy over strided layouts: positive and
// negative strides, strided destinations, broadcasts and transposed 2-D
// arrays, short runs and runs longer than the gather buffers.
func TestCopyStridedConvert(t *testing.T) {
	type lay struct {
		shape  []int
		dl, sl opLayout
	}
	var lays []lay
	for _, n := range []int{1, 5, 16, 37, 64, 70, 300, 1000} {
		lays = append(lays,
			lay{[]int{n}, opLayout{[]int{1}, 0}, opLayout{[]int{2}, 1}},
			lay{[]int{n}, opLayout{[]int{1}, 0}, opLayout{[]int{-1}, n - 1}},
			lay{[]int{n}, opLayout{[]int{1}, 0}, opLayout{[]int{-3}, 3*n - 1}},
			lay{[]int{n}, opLayout{[]int{1}, 0}, opLayout{[]int{7}, 2}},
			lay{[]int{n}, opLayout{[]int{2}, 1}, opLayout{[]int{1}, 0}},
			lay{[]int{n}, opLayout{[]int{-2}, 2*n - 1}, opLayout{[]int{3}, 0}},
			lay{[]int{n}, opLayout{[]int{1}, 0}, opLayout{[]int{0}, 4}},
		)
	}
	for _, rc := range [][2]int{{3, 5}, {8, 8}, {37, 53}, {300, 4}, {4, 300}} {
		r, c := rc[0], rc[1]
		lays = append(lays,
			// A transposed copy: the destination is C-contiguous.
			lay{[]int{r, c}, opLayout{[]int{c, 1}, 0}, opLayout{[]int{1, r}, 0}},
			lay{[]int{r, c}, opLayout{[]int{c, 1}, 0}, opLayout{[]int{-1, r}, r - 1}},
			lay{[]int{r, c}, opLayout{[]int{1, r}, 0}, opLayout{[]int{c, 1}, 0}},
		)
	}
	forConvLevels(t, func(t *testing.T) {
		for _, c := range convCases {
			for _, l := range lays {
				c.copyCase(t, l.shape, l.dl, l.sl)
			}
		}
	})
}

// TestFloatToIntOutOfRange pins the documented results of floats that do
// not fit an int32 or int64: the smallest value of the type, as on amd64
// and in NumPy on x86, through Copy.
func TestFloatToIntOutOfRange(t *testing.T) {
	in := []float64{math.NaN(), math.Inf(1), math.Inf(-1), 3e9, -3e9, 2147483648, -2147483649, 1e19, -1e19, 9223372036854775808,
		2147483647.5, -2147483648.5, -9223372036854775808, 0, math.Copysign(0, -1), -7.9}
	want32 := []int32{math.MinInt32, math.MinInt32, math.MinInt32, math.MinInt32, math.MinInt32, math.MinInt32, math.MinInt32,
		math.MinInt32, math.MinInt32, math.MinInt32, 2147483647, -2147483648, math.MinInt32, 0, 0, -7}
	want64 := []int64{math.MinInt64, math.MinInt64, math.MinInt64, 3000000000, -3000000000, 2147483648, -2147483649,
		math.MinInt64, math.MinInt64, math.MinInt64, 2147483647, -2147483648, math.MinInt64, 0, 0, -7}
	forConvLevels(t, func(t *testing.T) {
		// Repeated so that the vector kernels see every value.
		const reps = 5
		var src []float64
		for range reps {
			src = append(src, in...)
		}
		n := len(src)
		d32, d64 := make([]int32, n), make([]int64, n)
		op := func(d any) Operand { return Operand{Data: d, Strides: []int{1}} }
		if err := Copy([]int{n}, op(d32), op(src)); err != nil {
			t.Fatal(err)
		}
		if err := Copy([]int{n}, op(d64), op(src)); err != nil {
			t.Fatal(err)
		}
		f32 := make([]float32, n)
		for i, x := range src {
			f32[i] = float32(x)
		}
		d32f := make([]int32, n)
		if err := Copy([]int{n}, op(d32f), op(f32)); err != nil {
			t.Fatal(err)
		}
		for i, x := range src {
			if d32[i] != want32[i%len(in)] {
				t.Errorf("int32(%v) = %d, want %d", x, d32[i], want32[i%len(in)])
			}
			if d64[i] != want64[i%len(in)] {
				t.Errorf("int64(%v) = %d, want %d", x, d64[i], want64[i%len(in)])
			}
			if w := refF64I32(float64(f32[i])); d32f[i] != w {
				t.Errorf("int32(float32 %v) = %d, want %d", f32[i], d32f[i], w)
			}
		}
	})
}

// TestGatherRun copies strided runs of 4- and 8-byte elements (and others)
// into guarded contiguous buffers at every level.
func TestGatherRun(t *testing.T) {
	forConvLevels(t, func(t *testing.T) {
		testGather[float64](t, genConvF64)
		testGather[int64](t, genConvI64)
		testGather[float32](t, genConvF32)
		testGather[uint32](t, func(k int) uint32 { return uint32(mix(k)) })
		testGather[complex64](t, func(k int) complex64 { return complex(genConvF32(k), genConvF32(-k)) })
		testGather[int16](t, func(k int) int16 { return int16(mix(k)) })
	})
}

func testGather[T any](t *testing.T, gen func(int) T) {
	for _, st := range []int{2, -2, 3, -3, -1, 5, 8, 1000} {
		for _, n := range convSizes {
			for _, tight := range []bool{false, true} {
				// tight: the run ends at the end of the source (the
				// stride-2 kernels read pairs).
				m := max(1, (n-1)*absInt(st)+1)
				if !tight {
					m += 7
				}
				src := make([]T, m)
				for i := range src {
					src[i] = gen(i)
				}
				o := 0
				if st < 0 {
					o = m - 1
				} else if !tight {
					o = 3
				}
				dst := make([]T, guardLen+n+guardLen)
				want := make([]T, len(dst))
				g := guardValue[T]()
				for i := range dst {
					dst[i], want[i] = g, g
				}
				for i := 0; i < n; i++ {
					want[guardLen+i] = src[o+i*st]
				}
				gatherRun(dst[guardLen:guardLen+n], src, o, st)
				compareBuffers(t, fmt.Sprintf("gather %T stride %d n=%d tight %v", *new(T), st, n, tight), dst, want)
			}
		}
	}
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
