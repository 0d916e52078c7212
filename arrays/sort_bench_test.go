package arrays

import (
	"math/rand"
	"testing"
)

// Sorting benchmarks on 2^20 float64 values drawn uniformly from [-1, 1)
// (math/rand, seed 1: NumPy's comparison draws its own).

const sortBenchN = 1 << 20

func sortBenchInput() *Array {
	r := rand.New(rand.NewSource(1))
	d := make([]float64, sortBenchN)
	for i := range d {
		d[i] = 2*r.Float64() - 1
	}
	return FromSlice(d)
}

func BenchmarkSort(b *testing.B) {
	x := sortBenchInput()
	b.SetBytes(8 * sortBenchN)
	for b.Loop() {
		Sort(x)
	}
}

func BenchmarkArgsort(b *testing.B) {
	x := sortBenchInput()
	b.SetBytes(8 * sortBenchN)
	for b.Loop() {
		Argsort(x)
	}
}

// BenchmarkSortRows sorts 1024 rows of 1024 (in parallel).
func BenchmarkSortRows(b *testing.B) {
	x := sortBenchInput().Reshape(1024, 1024)
	b.SetBytes(8 * sortBenchN)
	for b.Loop() {
		Sort(x)
	}
}

func BenchmarkMedian(b *testing.B) {
	x := sortBenchInput()
	b.SetBytes(8 * sortBenchN)
	for b.Loop() {
		Median(x)
	}
}

func BenchmarkUniqueValues(b *testing.B) {
	x := sortBenchInput().Mul(1000).Astype(Int64)
	b.SetBytes(8 * sortBenchN)
	for b.Loop() {
		UniqueValues(x)
	}
}
