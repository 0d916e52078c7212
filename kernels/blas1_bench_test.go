package kernels

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"
)

// The vector kernels and the matrix-vector products against gonum's BLAS
// in the same run: GB/s of the operands read (and written), or GFLOP/s.
//
//	go test -run XXX -bench BLAS1 -benchtime 200x ./kernels/

func blasBenchData(n int) []float64 {
	r := rand.New(rand.NewPCG(1, uint64(n)))
	v := make([]float64, n)
	for i := range v {
		v[i] = 2*r.Float64() - 1
	}
	return v
}

func BenchmarkBLAS1Dot(b *testing.B) {
	var impl gonum.Implementation
	for _, n := range []int{100, 4096, 1 << 20} {
		x, y := blasBenchData(n), blasBenchData(n + 1)[:n]
		var sink float64
		for _, v := range []struct {
			name string
			f    func() float64
		}{
			{"kernels", func() float64 { return Dot64(x, y) }},
			{"gonum", func() float64 { return impl.Ddot(n, x, 1, y, 1) }},
		} {
			b.Run(fmt.Sprintf("n=%d/%s", n, v.name), func(b *testing.B) {
				b.SetBytes(int64(16 * n))
				for range b.N {
					sink += v.f()
				}
			})
		}
		_ = sink
	}
}

func BenchmarkBLAS1Axpy(b *testing.B) {
	var impl gonum.Implementation
	for _, n := range []int{100, 4096, 1 << 20} {
		x, y := blasBenchData(n), blasBenchData(n + 1)[:n]
		for _, v := range []struct {
			name string
			f    func()
		}{
			{"kernels", func() { Axpy64(1e-9, x, y) }},
			{"gonum", func() { impl.Daxpy(n, 1e-9, x, 1, y, 1) }},
		} {
			b.Run(fmt.Sprintf("n=%d/%s", n, v.name), func(b *testing.B) {
				b.SetBytes(int64(24 * n))
				for range b.N {
					v.f()
				}
			})
		}
	}
}

// BenchmarkBLAS1Gemv reports GFLOP/s of y = A·x + y and y = Aᵀ·x + y.
func BenchmarkBLAS1Gemv(b *testing.B) {
	var impl gonum.Implementation
	for _, n := range []int{200, 1000, 3000} {
		a, x, y := blasBenchData(n*n), blasBenchData(n), blasBenchData(n + 1)[:n]
		for _, trans := range []bool{false, true} {
			tA := blas.NoTrans
			if trans {
				tA = blas.Trans
			}
			for _, v := range []struct {
				name string
				f    func()
			}{
				{"kernels", func() { Gemv64(trans, n, n, 1, a, n, x, 1, 1e-3, y, 1) }},
				{"gonum", func() { impl.Dgemv(tA, n, n, 1, a, n, x, 1, 1e-3, y, 1) }},
			} {
				b.Run(fmt.Sprintf("n=%d/trans=%v/%s", n, trans, v.name), func(b *testing.B) {
					for range b.N {
						v.f()
					}
					b.ReportMetric(2*float64(n)*float64(n)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
				})
			}
		}
	}
}

// BenchmarkBLAS1Symv reports GFLOP/s of y = A·x + y for a symmetric A
// (2n² flops, n²/2 elements read).
func BenchmarkBLAS1Symv(b *testing.B) {
	var impl gonum.Implementation
	for _, n := range []int{200, 1000, 3000} {
		a, x, y := blasBenchData(n*n), blasBenchData(n), blasBenchData(n + 1)[:n]
		for _, upper := range []bool{false, true} {
			ul := blas.Lower
			if upper {
				ul = blas.Upper
			}
			for _, v := range []struct {
				name string
				f    func()
			}{
				{"kernels", func() { Symv64(upper, n, 1, a, n, x, 1, 1e-3, y, 1) }},
				{"gonum", func() { impl.Dsymv(ul, n, 1, a, n, x, 1, 1e-3, y, 1) }},
			} {
				b.Run(fmt.Sprintf("n=%d/upper=%v/%s", n, upper, v.name), func(b *testing.B) {
					for range b.N {
						v.f()
					}
					b.ReportMetric(2*float64(n)*float64(n)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
				})
			}
		}
	}
}
