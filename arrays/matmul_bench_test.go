package arrays_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/blas/gonum"

	"workbench/arrays"
	"workbench/arrays/linalg"
	"workbench/kernels"
)

// BenchmarkMatmul multiplies square matrices and reports GFLOP/s (real
// flops: 8 per complex multiply-add); the worker count is part of the name
// (w1, w2). Complex matrices run at 1024 only.
func BenchmarkMatmul(b *testing.B) {
	for _, n := range []int{1024, 2048} {
		for _, dt := range []arrays.DType{arrays.Float64, arrays.Float32, arrays.Complex128, arrays.Complex64} {
			flops := 2.0
			if dt == arrays.Complex128 || dt == arrays.Complex64 {
				if n > 1024 {
					continue
				}
				flops = 8
			}
			for _, w := range []int{1, 2} {
				b.Run(fmt.Sprintf("%v/%d/w%d", dt, n, w), func(b *testing.B) {
					x := arrays.Arange(n*n).Reshape(n, n).Mod(7).Sub(3).Astype(dt)
					defer arrays.SetWorkers(arrays.SetWorkers(w))
					arrays.Matmul(x, x)
					b.ResetTimer()
					for range b.N {
						arrays.Matmul(x, x)
					}
					b.ReportMetric(flops*float64(n)*float64(n)*float64(n)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
				})
			}
		}
	}
}

// BenchmarkGonumGemm is gonum's pure-Go Dgemm and Sgemm on the same
// sizes, for the comparison (gonum parallelises on its own, over
// GOMAXPROCS: run it with -cpu 1,2).
func BenchmarkGonumGemm(b *testing.B) {
	for _, n := range []int{1024, 2048} {
		b.Run(fmt.Sprintf("float64/%d", n), func(b *testing.B) {
			x := make([]float64, n*n)
			for i := range x {
				x[i] = float64(i%7) - 3
			}
			c := make([]float64, n*n)
			var impl gonum.Implementation
			b.ResetTimer()
			for range b.N {
				impl.Dgemm(blas.NoTrans, blas.NoTrans, n, n, n, 1, x, n, x, n, 0, c, n)
			}
			b.ReportMetric(2*float64(n)*float64(n)*float64(n)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
		})
		b.Run(fmt.Sprintf("float32/%d", n), func(b *testing.B) {
			x := make([]float32, n*n)
			for i := range x {
				x[i] = float32(i%7) - 3
			}
			c := make([]float32, n*n)
			var impl gonum.Implementation
			b.ResetTimer()
			for range b.N {
				impl.Sgemm(blas.NoTrans, blas.NoTrans, n, n, n, 1, x, n, x, n, 0, c, n)
			}
			b.ReportMetric(2*float64(n)*float64(n)*float64(n)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
		})
	}
}

// gemmBLAS is gonum's BLAS with Dgemm on kernels.Gemm64, as package linalg
// registers with blas64.Use (see BenchmarkSolveGemm).
type gemmBLAS struct{ gonum.Implementation }

func (gemmBLAS) Dgemm(tA, tB blas.Transpose, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	kernels.Gemm64(tA != blas.NoTrans, tB != blas.NoTrans, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// BenchmarkSolveGemm times linalg.Solve of a 1000×1000 system with gonum's
// BLAS and with gemmBLAS registered.
func BenchmarkSolveGemm(b *testing.B) {
	const n = 1000
	r := rand.New(rand.NewPCG(1, 2))
	d := make([]float64, n*n)
	for i := range d {
		d[i] = r.Float64()*2 - 1
	}
	for i := 0; i < n; i++ {
		d[i*n+i] += n
	}
	a := arrays.FromSlice(d).Reshape(n, n)
	rhs := arrays.Ones(n)
	for _, impl := range []struct {
		name string
		blas blas.Float64
	}{{"gonum", gonum.Implementation{}}, {"ours", gemmBLAS{}}} {
		b.Run(impl.name, func(b *testing.B) {
			defer blas64.Use(blas64.Implementation()) // linalg registers its own
			blas64.Use(impl.blas)
			defer arrays.SetWorkers(arrays.SetWorkers(1))
			for range b.N {
				linalg.Solve(a, rhs)
			}
		})
	}
}
