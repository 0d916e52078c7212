package lu

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

func BenchmarkFactor(b *testing.B) {
	for _, n := range []int{100, 500, 1000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			a := randMat(rand.New(rand.NewPCG(1, 2)), n, n)
			f := make([]float64, len(a))
			ipiv := make([]int, n)
			b.ResetTimer()
			for range b.N {
				copy(f, a)
				Factor(n, n, f, n, ipiv)
			}
			b.ReportMetric(2*float64(n)*float64(n)*float64(n)/3/b.Elapsed().Seconds()*float64(b.N)/1e9, "GFLOP/s")
		})
	}
}

func BenchmarkSolve1(b *testing.B) {
	n := 1000
	a := randMat(rand.New(rand.NewPCG(1, 2)), n, n)
	ipiv := make([]int, n)
	Factor(n, n, a, n, ipiv)
	x := make([]float64, n)
	b.ResetTimer()
	for range b.N {
		Solve(n, 1, a, n, ipiv, x, 1)
	}
}
