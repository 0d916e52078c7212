package kernels

import "testing"

func BenchmarkSinCos64(b *testing.B) {
	src := make([]float64, 1<<16)
	dst := make([]float64, 1<<16)
	for i := range src {
		src[i] = float64(i) / (1 << 16)
	}
	b.SetBytes(16 << 16)
	for b.Loop() {
		sinCos64(dst, src, false)
	}
}

func BenchmarkSinCos64Go(b *testing.B) {
	src := make([]float64, 1<<16)
	dst := make([]float64, 1<<16)
	for i := range src {
		src[i] = float64(i) / (1 << 16)
	}
	b.SetBytes(16 << 16)
	for b.Loop() {
		sinCos64Go(dst, src, false)
	}
}
