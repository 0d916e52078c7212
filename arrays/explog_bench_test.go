package arrays

import (
	"math/rand/v2"
	"testing"
)

// The exp and log benchmarks of issue 9, on 10 million float64 values, as
// NumPy's np.exp(x) with x = uniform(-700, 700) and np.log(x) with x =
// uniform(0, 1000) (BENCH_WORKERS sets the worker count, see bench_test.go).

func explogInput(lo, hi float64) *Array {
	r := rand.New(rand.NewPCG(1, 2))
	v := make([]float64, benchN)
	for i := range v {
		v[i] = lo + (hi-lo)*r.Float64()
	}
	return FromSlice(v)
}

// BenchmarkExp takes the exponential of 10 million float64 in [-700, 700).
func BenchmarkExp(b *testing.B) {
	x := explogInput(-700, 700)
	b.SetBytes(2 * 8 * benchN)
	for b.Loop() {
		_ = Exp(x)
	}
}

// BenchmarkLog takes the logarithm of 10 million float64 in (0, 1000).
func BenchmarkLog(b *testing.B) {
	x := explogInput(0, 1000)
	b.SetBytes(2 * 8 * benchN)
	for b.Loop() {
		_ = Log(x)
	}
}

func explogInput32(lo, hi float64) *Array {
	r := rand.New(rand.NewPCG(1, 2))
	v := make([]float32, benchN)
	for i := range v {
		v[i] = float32(lo + (hi-lo)*r.Float64())
	}
	return FromSlice(v)
}

// BenchmarkExp32 takes the exponential of 10 million float32 in [-80, 80).
func BenchmarkExp32(b *testing.B) {
	x := explogInput32(-80, 80)
	b.SetBytes(2 * 4 * benchN)
	for b.Loop() {
		_ = Exp(x)
	}
}

// BenchmarkLog32 takes the logarithm of 10 million float32 in (0, 1000).
func BenchmarkLog32(b *testing.B) {
	x := explogInput32(0, 1000)
	b.SetBytes(2 * 4 * benchN)
	for b.Loop() {
		_ = Log(x)
	}
}
