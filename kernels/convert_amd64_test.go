//go:build !purego

package kernels

import "testing"

// forConvLevels runs f at every SIMD level of this CPU, and besides at
// AVX-512 without AVX-512DQ (no int64 <-> float64 kernels) and with the
// gather instructions on for every stride.
func forConvLevels(t *testing.T, f func(t *testing.T)) {
	for _, lv := range simdLevels() {
		t.Run(lv.name, func(t *testing.T) {
			defer lv.set()()
			f(t)
		})
		if lv.name == "go" {
			continue
		}
		t.Run(lv.name+"+gather", func(t *testing.T) {
			defer lv.set()()
			g := useGatherInsn
			useGatherInsn = true
			defer func() { useGatherInsn = g }()
			f(t)
		})
		if lv.name == "avx512" && hasAVX512DQ {
			t.Run(lv.name+"-dq", func(t *testing.T) {
				defer lv.set()()
				hasAVX512DQ = false
				defer func() { hasAVX512DQ = true }()
				f(t)
			})
		}
	}
}

// TestVecConverterLevels checks that the conversions with kernels get one
// at the vector levels, and none in portable Go, so that the other tests
// compare what they mean to.
func TestVecConverterLevels(t *testing.T) {
	for _, lv := range simdLevels() {
		func() {
			defer lv.set()()
			vec := lv.name != "go"
			if got := vecConverter[float32, float64]() != nil; got != vec {
				t.Errorf("%s: float64->float32 kernel %v, want %v", lv.name, got, vec)
			}
			if got := vecConverter[float64, bool]() != nil; got != vec {
				t.Errorf("%s: bool->float64 kernel %v, want %v", lv.name, got, vec)
			}
			wantDQ := lv.name == "avx512" && hasAVX512DQ
			if got := vecConverter[int64, float64]() != nil; got != wantDQ {
				t.Errorf("%s: float64->int64 kernel %v, want %v", lv.name, got, wantDQ)
			}
			if vecConverter[int16, float64]() != nil {
				t.Errorf("%s: float64->int16 has a kernel", lv.name)
			}
		}()
	}
}
