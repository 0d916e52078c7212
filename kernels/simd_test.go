package kernels

import (
	"math"
	"math/big"
	"testing"
)

// The vector kernels against the portable Go, at every SIMD level this CPU
// has (simdLevels), for sizes 0 to 70 and others that leave tails, unaligned
// starts, and NaN, ±0 and ±Inf among the inputs. Destinations sit between
// NaN guards with a payload no kernel writes; sources too, so that a stray
// read shows in a reduction.

// simdSizes are the lengths tried: 0 to 70, then around the block and chunk
// lengths of the sums.
var simdSizes = func() []int {
	var s []int
	for n := 0; n <= 70; n++ {
		s = append(s, n)
	}
	return append(s, 127, 128, 129, 255, 257, 1000, 1031, 4096+3)
}()

const simdGuard = 9

// simdValue is the k-th test input: mostly spread finite values, with NaN,
// ±0, ±Inf and ties mixed in.
func simdValue[T float](k int) T {
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
	}
	mag := math.Ldexp(1, int(h>>58)-30)
	return T((float64(h>>11)/(1<<53) - 0.5) * mag)
}

// finiteValue is the k-th finite input, of spread magnitudes, so that sums
// depend on the order of additions.
func finiteValue[T float](k int) T {
	h := mix(k)
	mag := math.Ldexp(1, int(h>>59)-16)
	return T((float64(h>>11)/(1<<53) - 0.5) * mag)
}

// guarded returns a buffer of n values from gen starting at off, between
// guards, and the slice of the values.
func guarded[T float](n, off int, gen func(int) T, seed int) (buf, s []T) {
	buf = make([]T, off+n+simdGuard)
	g := guardValue[T]()
	for i := range buf {
		buf[i] = g
	}
	s = buf[off : off+n : off+n]
	for i := range s {
		s[i] = gen(seed + i)
	}
	return buf, s
}

func checkGuards[T float](t *testing.T, what string, buf []T, off, n int) {
	t.Helper()
	g := guardValue[T]()
	for i, v := range buf {
		if (i < off || i >= off+n) && !identical(v, g) {
			t.Fatalf("%s: element %d outside the destination [%d, %d) was written: %v", what, i, off, off+n, v)
		}
	}
}

// sameFloat reports whether a and b have the same bits, or are both NaN
// when anyNaN is set (NaN payloads of arithmetic differ by operand order).
func sameFloat[T float](a, b T, anyNaN bool) bool {
	if anyNaN && a != a && b != b {
		return true
	}
	return identical(a, b)
}

func forSIMDLevels(t *testing.T, f func(t *testing.T)) {
	for _, lv := range simdLevels() {
		t.Run(lv.name, func(t *testing.T) {
			defer lv.set()()
			f(t)
		})
	}
}

func TestSIMDBinary(t *testing.T) {
	forSIMDLevels(t, func(t *testing.T) {
		testSIMDBinary[float64](t)
		testSIMDBinary[float32](t)
	})
}

func testSIMDBinary[T float](t *testing.T) {
	type opCase struct {
		name string
		loop bin1D[T, T]
		ref  func(a, b T) T
	}
	cases := []opCase{
		{"add", addLoop[T], func(a, b T) T { return a + b }},
		{"sub", subLoop[T], func(a, b T) T { return a - b }},
		{"mul", mulLoop[T], func(a, b T) T { return a * b }},
		{"div", divLoop[T], func(a, b T) T { return a / b }},
		{"max", maxLoop[T], floatMaximum[T]},
		{"min", minLoop[T], floatMinimum[T]},
	}
	for _, c := range cases {
		exactNaN := c.name == "max" || c.name == "min"
		for _, n := range simdSizes {
			off := 1 + n%7
			dbuf, d := guarded[T](n, off, func(int) T { return 0 }, 0)
			_, x := guarded(n, (off+3)%8, simdValue[T], 1000*n)
			_, y := guarded(n, (off+5)%8, simdValue[T], 7777+1000*n)
			// Two arrays.
			c.loop(n, dbuf, off, 1, x, 0, 1, y, 0, 1)
			checkGuards(t, c.name, dbuf, off, n)
			for i := range d {
				if want := c.ref(x[i], y[i]); !sameFloat(d[i], want, !exactNaN) {
					t.Fatalf("%T %s n=%d: element %d: op(%v, %v) = %v (%#x), want %v", d[i], c.name, n, i, x[i], y[i], d[i], bitsOf(d[i]), want)
				}
			}
			// An array and a scalar.
			for _, sc := range []T{T(math.NaN()), T(math.Copysign(0, -1)), 0, 2.5, T(math.Inf(-1))} {
				sbuf := []T{guardValue[T](), sc, guardValue[T]()}
				c.loop(n, dbuf, off, 1, x, 0, 1, sbuf, 1, 0)
				checkGuards(t, c.name+" scalar", dbuf, off, n)
				for i := range d {
					if want := c.ref(x[i], sc); !sameFloat(d[i], want, !exactNaN) {
						t.Fatalf("%T %s n=%d: element %d: op(%v, scalar %v) = %v (%#x), want %v", d[i], c.name, n, i, x[i], sc, d[i], bitsOf(d[i]), want)
					}
				}
			}
		}
	}
}

// The block sums give the bits of the portable pairwise summation (which a
// stride of 2 runs), on finite values of spread magnitudes, and NaN when a
// NaN is among them; the guards are NaN, so a stray read shows.
func TestSIMDPairwiseSum(t *testing.T) {
	forSIMDLevels(t, func(t *testing.T) {
		testSIMDPairwiseSum[float64](t)
		testSIMDPairwiseSum[float32](t)
	})
}

func testSIMDPairwiseSum[T float](t *testing.T) {
	sizes := append(append([]int{}, simdSizes...), 8*pairwiseBlock, maxLeaves*pairwiseBlock, maxLeaves*pairwiseBlock+8, 2*maxLeaves*pairwiseBlock+5, 100_003)
	for _, n := range sizes {
		off := 1 + n%7
		buf, s := guarded(n, off, finiteValue[T], 31*n)
		strided := make([]T, 2*n)
		for i, v := range s {
			strided[2*i] = v
		}
		want := PairwiseSum(strided, 0, 2, n)
		if got := PairwiseSum(buf, off, 1, n); !identical(got, want) {
			t.Fatalf("%T n=%d: sum %v, portable %v", got, n, got, want)
		}
		if n > 0 {
			s[n/2] = T(math.NaN())
			if got := PairwiseSum(buf, off, 1, n); got == got {
				t.Fatalf("%T n=%d: sum with a NaN is %v", got, n, got)
			}
		}
	}
}

// Maximum and minimum reductions give the bits of the portable loop
// (which a stride of 2 runs), NaN included, and the sign of a zero.
func TestSIMDExtremum(t *testing.T) {
	forSIMDLevels(t, func(t *testing.T) {
		testSIMDExtremum[float64](t)
		testSIMDExtremum[float32](t)
	})
}

func testSIMDExtremum[T float](t *testing.T) {
	gens := map[string]func(int) T{
		"finite": finiteValue[T],
		"special": func(k int) T {
			if mix(k)%16 == 0 { // NaN is rare, so that some runs have none
				return 1
			}
			return simdValue[T](k)
		},
		"nonpositive": func(k int) T { // the maximum is a zero of either sign
			v := -T(math.Abs(float64(finiteValue[T](k))))
			if mix(k+5)%5 == 0 {
				v = T(math.Copysign(0, float64(int(mix(k+9)%2)*2-1)))
			}
			return v
		},
		"nonnegative": func(k int) T {
			v := T(math.Abs(float64(finiteValue[T](k))))
			if mix(k+5)%5 == 0 {
				v = T(math.Copysign(0, float64(int(mix(k+9)%2)*2-1)))
			}
			return v
		},
	}
	for _, op := range []ReduceOp{ReduceMax, ReduceMin} {
		r := floatReducer[T](op)
		for gname, gen := range gens {
			for _, n := range simdSizes {
				if n == 0 {
					continue
				}
				off := 1 + n%7
				buf, s := guarded(n, off, gen, 13*n)
				strided := make([]T, 2*n)
				for i, v := range s {
					strided[2*i] = v
				}
				want := r.run(strided, 0, 2, n)
				if got := r.run(buf, off, 1, n); !identical(got, want) {
					t.Fatalf("%T %v %s n=%d: %v (%#x), portable %v (%#x)", got, op, gname, n, got, bitsOf(got), want, bitsOf(want))
				}
			}
		}
	}
}

// MultiplyAdd rounds once: float64 against math.FMA, float32 against the
// exact a*b + c rounded by math/big; contiguous runs take the vector kernel,
// strided and broadcast ones the Go loop.
func TestMultiplyAddKernel(t *testing.T) {
	forSIMDLevels(t, func(t *testing.T) {
		testMultiplyAdd[float64](t, func(a, b, c float64) float64 { return math.FMA(a, b, c) })
		testMultiplyAdd[float32](t, exactFMA32)
	})
}

func testMultiplyAdd[T float](t *testing.T, ref func(a, b, c T) T) {
	for _, n := range simdSizes {
		off := 1 + n%7
		dbuf, d := guarded[T](n, off, func(int) T { return 0 }, 0)
		abuf, a := guarded(n, (off+2)%8, simdValue[T], 5*n)
		bbuf, b := guarded(n, (off+4)%8, simdValue[T], 5*n+100_000)
		cbuf, c := guarded(n, (off+6)%8, simdValue[T], 5*n+200_000)
		aop := Operand{Data: abuf, Offset: (off + 2) % 8, Strides: []int{1}}
		bop := Operand{Data: bbuf, Offset: (off + 4) % 8, Strides: []int{1}}
		cop := Operand{Data: cbuf, Offset: (off + 6) % 8, Strides: []int{1}}
		check := func(what string, want func(i int) T) {
			t.Helper()
			checkGuards(t, what, dbuf, off, n)
			for i := range d {
				if w := want(i); !sameFloat(d[i], w, true) {
					t.Fatalf("%T %s n=%d: element %d: fma(%v, %v, %v) = %v, want %v", d[i], what, n, i, a[i], b[i], c[i], d[i], w)
				}
			}
		}
		dop := Operand{Data: dbuf, Offset: off, Strides: []int{1}}
		if err := MultiplyAdd([]int{n}, dop, aop, bop, cop); err != nil {
			t.Fatal(err)
		}
		check("contiguous", func(i int) T { return ref(a[i], b[i], c[i]) })
		if n == 0 {
			continue
		}
		// b broadcast (stride 0), c reversed.
		bop.Strides = []int{0}
		cop = Operand{Data: cbuf, Offset: cop.Offset + n - 1, Strides: []int{-1}}
		if err := MultiplyAdd([]int{n}, dop, aop, bop, cop); err != nil {
			t.Fatal(err)
		}
		check("strided", func(i int) T { return ref(a[i], b[0], c[n-1-i]) })
	}
}

// exactFMA32 is a*b + c rounded once to float32, by math/big.
func exactFMA32(a, b, c float32) float32 {
	fa, fb, fc := float64(a), float64(b), float64(c)
	if math.IsInf(fa, 0) || math.IsInf(fb, 0) || math.IsInf(fc, 0) || fa != fa || fb != fb || fc != fc {
		return float32(fa*fb + fc)
	}
	x := new(big.Float).SetPrec(1000).SetFloat64(fa)
	x.Mul(x, new(big.Float).SetFloat64(fb))
	x.Add(x, new(big.Float).SetFloat64(fc))
	r, _ := x.Float32()
	if r == 0 && x.Sign() == 0 {
		// big.Float has no signed zero from a sum: IEEE gives -0 only
		// when both terms are -0.
		p := fa * fb
		return float32(p + fc)
	}
	return r
}

// FMA32 rounds once, also near the ties that rounding twice would get wrong.
func TestFMA32(t *testing.T) {
	for k := 0; k < 200_000; k++ {
		a, b := finiteValue[float32](k), finiteValue[float32](k+1_000_000)
		// c close to -a*b, so that the sum cancels, or a tie-maker.
		c := float32(-float64(a) * float64(b))
		switch k % 3 {
		case 1:
			c = finiteValue[float32](k + 2_000_000)
		case 2:
			c = math.Nextafter32(c, 0)
		}
		if got, want := FMA32(a, b, c), exactFMA32(a, b, c); !identical(got, want) {
			t.Fatalf("FMA32(%v, %v, %v) = %v, want %v", a, b, c, got, want)
		}
	}
	// Ties: 1 + 2^-24 is halfway between float32 neighbours; a small
	// product on either side decides the rounding.
	for _, tc := range []struct{ a, b, c float32 }{
		{1 + 0x1p-23, 0x1p-25, 1 + 0x1p-23},
		{-(1 + 0x1p-23), 0x1p-25, 1},
		{0x1p-24, 1 + 0x1p-23, 1},
		{0x1p-24, -(1 + 0x1p-23), 1},
	} {
		if got, want := FMA32(tc.a, tc.b, tc.c), exactFMA32(tc.a, tc.b, tc.c); !identical(got, want) {
			t.Errorf("FMA32(%v, %v, %v) = %v, want %v", tc.a, tc.b, tc.c, got, want)
		}
	}
}

// Benchmarks on 10 million values, one pass each, on all workers: compare
// the bytes per second with BenchmarkStreamTriad and BenchmarkStreamSum.
func BenchmarkSIMD(b *testing.B) {
	const n = streamN
	b.Run("MaxF64", func(b *testing.B) { benchExtremum[float64](b, n) })
	b.Run("MaxF32", func(b *testing.B) { benchExtremum[float32](b, n) })
	b.Run("SumF64", func(b *testing.B) { benchSum[float64](b, n) })
	b.Run("SumF32", func(b *testing.B) { benchSum[float32](b, n) })
	b.Run("FMAF64", func(b *testing.B) { benchFMA[float64](b, n) })
	b.Run("FMAF32", func(b *testing.B) { benchFMA[float32](b, n) })
}

func benchData[T float](n, seed int) []T {
	x := make([]T, n)
	for i := range x {
		x[i] = T(i%1000+seed) * 0.5
	}
	return x
}

func benchExtremum[T float](b *testing.B, n int) {
	x := benchData[T](n, 0)
	d := []T{0}
	b.SetBytes(int64(n) * int64(sizeOf[T]()))
	for b.Loop() {
		if err := Reduce(ReduceMax, []int{n}, Operand{Data: x, Strides: []int{1}}, []bool{true}, Operand{Data: d, Strides: []int{0}}); err != nil {
			b.Fatal(err)
		}
	}
}

func benchSum[T float](b *testing.B, n int) {
	x := benchData[T](n, 0)
	d := []T{0}
	b.SetBytes(int64(n) * int64(sizeOf[T]()))
	for b.Loop() {
		if err := Reduce(ReduceSum, []int{n}, Operand{Data: x, Strides: []int{1}}, []bool{true}, Operand{Data: d, Strides: []int{0}}); err != nil {
			b.Fatal(err)
		}
	}
}

func benchFMA[T float](b *testing.B, n int) {
	x, y, z, d := benchData[T](n, 0), benchData[T](n, 1), benchData[T](n, 2), make([]T, n)
	b.SetBytes(4 * int64(n) * int64(sizeOf[T]()))
	op := func(s []T) Operand { return Operand{Data: s, Strides: []int{1}} }
	for b.Loop() {
		if err := MultiplyAdd([]int{n}, op(d), op(x), op(y), op(z)); err != nil {
			b.Fatal(err)
		}
	}
}

func bitsOf[T float](v T) uint64 {
	switch v := any(v).(type) {
	case float32:
		return uint64(math.Float32bits(v))
	case float64:
		return math.Float64bits(v)
	}
	return 0
}
