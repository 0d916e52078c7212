package kernels

import (
	"fmt"
	"testing"
)

// BenchmarkGemm reports GFLOP/s of square products with the default
// micro-kernel, on 1 and 2 workers.
func BenchmarkGemm(b *testing.B) {
	for _, n := range []int{256, 1024, 2048} {
		for _, f64 := range []bool{true, false} {
			for _, w := range []int{1, 2} {
				name := fmt.Sprintf("f32/%d/w%d", n, w)
				if f64 {
					name = fmt.Sprintf("f64/%d/w%d", n, w)
				}
				b.Run(name, func(b *testing.B) {
					defer SetWorkers(SetWorkers(w))
					if f64 {
						x := make([]float64, n*n)
						for i := range x {
							x[i] = float64(i%7) - 3
						}
						c := make([]float64, n*n)
						b.ResetTimer()
						for range b.N {
							Gemm64(false, false, n, n, n, 1, x, n, x, n, 0, c, n)
						}
					} else {
						x := make([]float32, n*n)
						for i := range x {
							x[i] = float32(i%7) - 3
						}
						c := make([]float32, n*n)
						b.ResetTimer()
						for range b.N {
							Gemm32(false, false, n, n, n, 1, x, n, x, n, 0, c, n)
						}
					}
					b.ReportMetric(2*float64(n)*float64(n)*float64(n)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
				})
			}
		}
	}
}
