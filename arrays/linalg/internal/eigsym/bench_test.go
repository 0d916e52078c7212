package eigsym_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/lapack/gonum"

	"workbench/arrays"
	_ "workbench/arrays/linalg" // gonum's BLAS with the SIMD products
	"workbench/arrays/linalg/internal/eigsym"
)

func benchSym(n int) []float64 {
	r := rand.New(rand.NewPCG(1, 2))
	a := make([]float64, n*n)
	for i := range n {
		for j := 0; j <= i; j++ {
			v := r.Float64()*2 - 1
			a[i*n+j], a[j*n+i] = v, v
		}
		a[i*n+i] += float64(n)
	}
	return a
}

// BenchmarkSym times Sym.
func BenchmarkSym(b *testing.B) {
	for _, n := range []int{300, 1000} {
		for _, workers := range []int{1, 2} {
			b.Run(fmt.Sprintf("n=%d/workers=%d", n, workers), func(b *testing.B) {
				defer arrays.SetWorkers(arrays.SetWorkers(workers))
				a0 := benchSym(n)
				a := make([]float64, n*n)
				w := make([]float64, n)
				v := make([]float64, n*n)
				for range b.N {
					copy(a, a0)
					if err := eigsym.Sym(n, a, n, w, v, n); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkStages reports the processor time of each stage of Sym: the
// reduction (Dsytrd), the divide and conquer (Tridiag) and the
// application of Q's reflectors to the eigenvectors (with two workers,
// the sum of both).
func BenchmarkStages(b *testing.B) {
	for _, n := range []int{300, 1000} {
		for _, workers := range []int{1, 2} {
			b.Run(fmt.Sprintf("n=%d/workers=%d", n, workers), func(b *testing.B) {
				defer arrays.SetWorkers(arrays.SetWorkers(workers))
				a0 := benchSym(n)
				a := make([]float64, n*n)
				w := make([]float64, n)
				var tr, dc, mq time.Duration
				impl := gonum.Implementation{}
				e, tau := make([]float64, n), make([]float64, n)
				work := make([]float64, 32*n)
				z := make([]float64, n*n)
				for range b.N {
					copy(a, a0)
					t0 := cpuTime()
					impl.Dsytrd(blas.Lower, n, a, n, w, e, tau, work, len(work))
					t1 := cpuTime()
					if err := eigsym.Tridiag(w, e, z, n); err != nil {
						b.Fatal(err)
					}
					t2 := cpuTime()
					eigsym.ApplyQ(n, a, n, tau, z, n)
					t3 := cpuTime()
					tr += t1 - t0
					dc += t2 - t1
					mq += t3 - t2
				}
				ms := func(d time.Duration) float64 { return d.Seconds() * 1e3 / float64(b.N) }
				b.ReportMetric(ms(tr), "cpu-ms-dsytrd")
				b.ReportMetric(ms(dc), "cpu-ms-dstedc")
				b.ReportMetric(ms(mq), "cpu-ms-applyQ")
			})
		}
	}
}

// BenchmarkTridiag times the divide and conquer alone, on the tridiagonal
// form of the benchmark matrix.
func BenchmarkTridiag(b *testing.B) {
	n := 1000
	defer arrays.SetWorkers(arrays.SetWorkers(1))
	a := benchSym(n)
	d, e, tau := make([]float64, n), make([]float64, n), make([]float64, n)
	work := make([]float64, 64*n)
	(gonum.Implementation{}).Dsytrd(blas.Lower, n, a, n, d, e, tau, work, len(work))
	z := make([]float64, n*n)
	dd, ee := make([]float64, n), make([]float64, n)
	b.ResetTimer()
	var cpu time.Duration
	for range b.N {
		copy(dd, d)
		copy(ee, e)
		t0 := cpuTime()
		if err := eigsym.Tridiag(dd, ee, z, n); err != nil {
			b.Fatal(err)
		}
		cpu += cpuTime() - t0
	}
	b.ReportMetric(cpu.Seconds()*1e3/float64(b.N), "cpu-ms")
}
