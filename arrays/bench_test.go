package arrays

import (
	"os"
	"strconv"
	"testing"
)

// BENCH_WORKERS=n runs the benchmarks on n workers (scripts/bench_numpy.sh
// passes it through), to compare with single-threaded NumPy core for core.
func init() {
	if n, err := strconv.Atoi(os.Getenv("BENCH_WORKERS")); err == nil {
		SetWorkers(n)
	}
}

// The benchmarks of issue 2, on 10 million float64 values; the NumPy
// comparison script (scripts/bench_numpy.sh) runs the same work in NumPy.

const benchN = 10_000_000

func benchInputs() (a, b, c *Array) {
	a = Linspace(0, 1, benchN)
	b = Linspace(1, 2, benchN)
	c = Linspace(-1, 1, benchN)
	return
}

// BenchmarkTriad computes a*b+c (two element-wise passes, as NumPy does).
func BenchmarkTriad(b *testing.B) {
	x, y, z := benchInputs()
	b.SetBytes(6 * 8 * benchN)
	for b.Loop() {
		_ = Add(Multiply(x, y), z)
	}
}

// BenchmarkSum adds 10 million float64 values (pairwise).
func BenchmarkSum(b *testing.B) {
	x, _, _ := benchInputs()
	b.SetBytes(8 * benchN)
	for b.Loop() {
		_ = Sum(x)
	}
}

// BenchmarkSin takes the sine of 10 million float64 values.
func BenchmarkSin(b *testing.B) {
	x, _, _ := benchInputs()
	b.SetBytes(2 * 8 * benchN)
	for b.Loop() {
		_ = Sin(x)
	}
}

// BenchmarkCallOverhead measures one small array call: the fixed cost that
// interpreted code pays per operation.
func BenchmarkCallOverhead(b *testing.B) {
	x := Ones(4)
	for b.Loop() {
		_ = x.Add(1)
	}
}
