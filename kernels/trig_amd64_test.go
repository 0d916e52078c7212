//go:build !purego

package kernels

import (
	"math"
	"testing"
)

// The vector kernel gives the very bits of the portable code, for every
// length (so tails and blocks are covered) and with out-of-range values
// mixed in.
func TestSinCosVectorMatchesPortable(t *testing.T) {
	s := uint64(99)
	src := make([]float64, 1031)
	for i := range src {
		s = s*6364136223846793005 + 1442695040888963407
		mag := math.Pow(2, float64(int(s>>58))-40)
		src[i] = (float64(s>>11)/(1<<53) - 0.5) * 2 * mag
	}
	src[3], src[300], src[301] = math.NaN(), math.Inf(-1), 1e10
	defer func(a, b bool) { useAVX2, useAVX512 = a, b }(useAVX2, useAVX512)
	levels := []struct{ avx2, avx512 bool }{{useAVX2, useAVX512}, {useAVX2, false}}
	for _, lv := range levels {
		useAVX2, useAVX512 = lv.avx2, lv.avx512
		checkSinCosVector(t, src)
	}
}

func checkSinCosVector(t *testing.T, src []float64) {
	for _, cos := range []bool{false, true} {
		for _, n := range []int{0, 1, 3, 4, 5, 8, 255, 256, 257, 1031} {
			got := make([]float64, n)
			want := make([]float64, n)
			sinCos64(got, src[:n], cos)
			sinCos64Go(want, src[:n], cos)
			for i := range got {
				if math.Float64bits(got[i]) != math.Float64bits(want[i]) && !(got[i] != got[i] && want[i] != want[i]) {
					t.Fatalf("cos=%v n=%d: element %d (x=%v): vector %v, portable %v", cos, n, i, src[i], got[i], want[i])
				}
			}
		}
	}
	// In place.
	buf := append([]float64(nil), src...)
	sinCos64(buf, buf, false)
	for i := range buf {
		if want := Sin64(src[i]); math.Float64bits(buf[i]) != math.Float64bits(want) && !(want != want && buf[i] != buf[i]) {
			t.Fatalf("in place: element %d: %v, want %v", i, buf[i], want)
		}
	}
	t.Logf("SIMD level %s: same bits as portable Go", SIMDLevel())
}
