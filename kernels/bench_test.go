package kernels

import (
	"os"
	"strconv"
	"testing"
)

// BENCH_WORKERS=n runs the benchmarks on n workers.
func init() {
	if n, err := strconv.Atoi(os.Getenv("BENCH_WORKERS")); err == nil {
		SetWorkers(n)
	}
}

const streamN = 10_000_000

// BenchmarkStreamTriad is the STREAM triad a[i] = b[i] + s*c[i] on all
// workers: the memory bandwidth that element-wise kernels are measured
// against (24 bytes moved per element, not counting write-allocate).
func BenchmarkStreamTriad(b *testing.B) {
	x := make([]float64, streamN)
	y := make([]float64, streamN)
	z := make([]float64, streamN)
	for i := range y {
		y[i], z[i] = float64(i), float64(2*i)
	}
	b.SetBytes(3 * 8 * streamN)
	for b.Loop() {
		Parallel(streamN, Grain, func(_, lo, hi int) {
			d, p, q := x[lo:hi], y[lo:hi], z[lo:hi]
			for i := range d {
				d[i] = p[i] + 3*q[i]
			}
		})
	}
}

// BenchmarkStreamSum reads 10 million float64 values on all workers with
// four accumulators: the read bandwidth that sums are measured against.
func BenchmarkStreamSum(b *testing.B) {
	x := make([]float64, streamN)
	for i := range x {
		x[i] = float64(i)
	}
	b.SetBytes(8 * streamN)
	for b.Loop() {
		part := make([]float64, Chunks(streamN, ReduceGrain))
		Parallel(streamN, ReduceGrain, func(c, lo, hi int) {
			var s0, s1, s2, s3 float64
			v := x[lo:hi]
			i := 0
			for ; i+4 <= len(v); i += 4 {
				s0 += v[i]
				s1 += v[i+1]
				s2 += v[i+2]
				s3 += v[i+3]
			}
			for ; i < len(v); i++ {
				s0 += v[i]
			}
			part[c] = s0 + s1 + s2 + s3
		})
	}
}
