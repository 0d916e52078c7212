//go:build !purego

package kernels

import (
	"math"
	"testing"
)

// explogInputs are arguments for the exp and log kernels: random over the
// whole float64 range and over the ranges that matter, the special values,
// subnormals, and values near the thresholds.
func explogInputs() []float64 {
	s := uint64(12345)
	next := func() uint64 {
		s = s*6364136223846793005 + 1442695040888963407
		return s
	}
	var v []float64
	for i := 0; i < 3000; i++ {
		// Any bit pattern (NaNs, infinities, subnormals, huge values).
		v = append(v, math.Float64frombits(next()))
	}
	for i := 0; i < 3000; i++ {
		u := float64(next()>>11) / (1 << 53)
		v = append(v, (u-0.5)*1500)                                        // exp's whole range
		v = append(v, (u-0.5)*2*math.Pow(2, float64(int(next()>>58))-40))  // small and medium
		v = append(v, 1+(u-0.5)*math.Pow(2, -float64(next()>>59)))         // near 1
		v = append(v, math.Float64frombits(next()>>12))                    // subnormals
		v = append(v, math.Float64frombits(0x0010000000000000+next()>>20)) // smallest normals
	}
	special := []float64{0, math.Copysign(0, -1), 1, -1, 2, 0.5, math.Inf(1), math.Inf(-1), math.NaN(),
		math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64, 0x1p-1022, 0x1p-1022 - 0x1p-1074,
		708, -708, 709, 709.7, expOver, expUnder, -745, -744, 710, -710, 1.0 / (1 << 28), -1.0 / (1 << 28),
		math.Sqrt2 / 2, math.Sqrt2, math.E, 1e-300, 1e300}
	for _, x := range special {
		v = append(v, x, math.Nextafter(x, math.Inf(1)), math.Nextafter(x, math.Inf(-1)))
	}
	return v
}

func explogLevels() []struct{ avx2, avx512 bool } {
	var l []struct{ avx2, avx512 bool }
	if useAVX512 {
		l = append(l, struct{ avx2, avx512 bool }{useAVX2, true})
	}
	if useAVX2 {
		l = append(l, struct{ avx2, avx512 bool }{true, false})
	}
	return l
}

func sameBits[T float](a, b T) bool {
	return float64(a) == float64(b) && math.Signbit(float64(a)) == math.Signbit(float64(b)) || a != a && b != b
}

// The vector kernels give the very bits of the portable code, on every
// input, at every SIMD level the CPU has, for float64 and float32.
func TestExpLogVectorMatchesPortable(t *testing.T) {
	src := explogInputs()
	src32 := make([]float32, 0, 2*len(src))
	s := uint32(7)
	for _, x := range src {
		s = s*1664525 + 1013904223
		src32 = append(src32, float32(x), math.Float32frombits(s))
	}
	src32 = append(src32, 88.7, 88.8, -87.3, -103.9, -104, math.SmallestNonzeroFloat32, math.MaxFloat32, 0x1p-126)
	defer func(a, b bool) { useAVX2, useAVX512 = a, b }(useAVX2, useAVX512)
	for _, lv := range explogLevels() {
		useAVX2, useAVX512 = lv.avx2, lv.avx512
		checkExpLogVector(t, "exp", exp64, Exp64, src)
		checkExpLogVector(t, "log", log64, Log64, src)
		checkExpLogVector(t, "exp32", exp32, Exp64, src32)
		checkExpLogVector(t, "log32", log32, Log64, src32)
		t.Logf("SIMD level %s: exp and log give the same bits as portable Go", SIMDLevel())
	}
}

func checkExpLogVector[T float](t *testing.T, name string, vec func(d, s []T), f64 func(float64) float64, src []T) {
	t.Helper()
	f := func(x T) T { return T(f64(float64(x))) }
	// The whole input at once, then shifted (other lanes).
	for _, off := range []int{0, 1, 3} {
		got := make([]T, len(src)-off)
		vec(got, src[off:])
		for i, x := range src[off:] {
			if want := f(x); !sameBits(got[i], want) {
				t.Fatalf("%s %s: %s(%v) = %v, portable %v", SIMDLevel(), name, name, x, got[i], want)
			}
		}
	}
	// Sizes 0..70 and odd, at unaligned starts, with NaN guards.
	nan := T(math.NaN())
	for _, n := range append(seq(0, 70), 127, 1023, 1025, 2049) {
		for _, start := range []int{0, 1, 5} {
			s := src[start*7 : start*7+n]
			buf := make([]T, n+start+4)
			for i := range buf {
				buf[i] = nan
			}
			d := buf[start : start+n]
			vec(d, s)
			for i := range d {
				if want := f(s[i]); !sameBits(d[i], want) {
					t.Fatalf("%s %s n=%d start=%d: element %d (x=%v): %v, portable %v", SIMDLevel(), name, n, start, i, s[i], d[i], want)
				}
			}
			for i := range buf {
				if (i < start || i >= start+n) && buf[i] == buf[i] {
					t.Fatalf("%s %s n=%d start=%d: wrote outside the destination at %d", SIMDLevel(), name, n, start, i)
				}
			}
		}
	}
	// In place.
	buf := append([]T(nil), src...)
	vec(buf, buf)
	for i := range buf {
		if want := f(src[i]); !sameBits(buf[i], want) {
			t.Fatalf("%s %s in place: element %d (x=%v): %v, portable %v", SIMDLevel(), name, i, src[i], buf[i], want)
		}
	}
}

func seq(lo, hi int) []int {
	var s []int
	for i := lo; i <= hi; i++ {
		s = append(s, i)
	}
	return s
}
