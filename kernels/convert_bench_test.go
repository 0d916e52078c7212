package kernels

import (
	"fmt"
	"testing"
	"unsafe"
)

// benchConvN is the length of the benchmarks' arrays.
const benchConvN = 10_000_000

// withLevels runs f under each SIMD level of this build ("go" is the
// portable code).
func withLevels(b *testing.B, f func(b *testing.B)) {
	for _, lv := range simdLevels() {
		b.Run(lv.name, func(b *testing.B) {
			defer lv.set()()
			f(b)
		})
	}
}

func benchConvert[D, S realNum](b *testing.B) {
	s := make([]S, benchConvN)
	for i := range s {
		s[i] = S(i % 100)
	}
	d := make([]D, benchConvN)
	for i := range d {
		d[i] = 1
	}
	withLevels(b, func(b *testing.B) {
		b.SetBytes(int64(benchConvN) * int64(convSize[D]()+convSize[S]()))
		for b.Loop() {
			convertSlice(d, s)
		}
	})
}

func convSize[T any]() int { return int(unsafe.Sizeof(*new(T))) }

func BenchmarkConvertF64F32(b *testing.B) { benchConvert[float32, float64](b) }
func BenchmarkConvertF32F64(b *testing.B) { benchConvert[float64, float32](b) }
func BenchmarkConvertI32F64(b *testing.B) { benchConvert[float64, int32](b) }
func BenchmarkConvertF64I32(b *testing.B) { benchConvert[int32, float64](b) }
func BenchmarkConvertI64F64(b *testing.B) { benchConvert[float64, int64](b) }
func BenchmarkConvertU8F64(b *testing.B)  { benchConvert[float64, uint8](b) }

// BenchmarkGather copies every stride-th element of a float64 array into
// a contiguous one of benchConvN/4 elements.
func BenchmarkGather(b *testing.B) {
	for _, st := range []int{2, -3, 8, 3000} {
		n := min(benchConvN/4, 1<<26/absInt(st))
		s := make([]float64, n*absInt(st))
		d := make([]float64, n)
		for i := range s {
			s[i] = float64(i)
		}
		for i := range d {
			d[i] = 1
		}
		o := 0
		if st < 0 {
			o = len(s) - 1
		}
		b.Run(fmt.Sprintf("stride%d", st), func(b *testing.B) {
			withLevels(b, func(b *testing.B) {
				b.SetBytes(int64(8 * n))
				for b.Loop() {
					for lo := 0; lo < n; lo += convBuf {
						hi := min(lo+convBuf, n)
						gatherRun(d[lo:hi], s, o+lo*st, st)
					}
				}
			})
		})
	}
}

// BenchmarkStridedSum adds every other element of a 2*benchConvN array in
// chunks of ReduceGrain, as Reduce does, next to the contiguous sum of as
// many elements ("contiguous") and of the whole span ("span", the same
// memory traffic as the strided sum).
func BenchmarkStridedSum(b *testing.B) {
	s := make([]float64, 2*benchConvN)
	for i := range s {
		s[i] = float64(i%1000) / 8
	}
	sum := func(st, n int) float64 {
		var t float64
		for o := 0; o < n; o += ReduceGrain {
			t += PairwiseSum(s, o*st, st, min(ReduceGrain, n-o))
		}
		return t
	}
	withLevels(b, func(b *testing.B) {
		for _, c := range []struct {
			name  string
			st, n int
		}{{"contiguous", 1, benchConvN}, {"span", 1, 2 * benchConvN}, {"stride2", 2, benchConvN}} {
			b.Run(c.name, func(b *testing.B) {
				for b.Loop() {
					benchSink += sum(c.st, c.n)
				}
			})
		}
	})
}

var benchSink float64
