package fft

import (
	"fmt"
	"runtime/debug"
	"testing"

	"workbench/arrays"
)

// The benchmarks that scripts/bench_fft.sh compares with NumPy; each runs
// with 1 and with 2 workers (sub-benchmarks w1 and w2).

func benchWorkers(b *testing.B, bytes int, f func()) {
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprintf("w%d", w), func(b *testing.B) {
			old := arrays.SetWorkers(w)
			defer arrays.SetWorkers(old)
			f() // plans
			// Hand back what earlier benchmarks left, now rather than by
			// the scavenger while this one runs.
			debug.FreeOSMemory()
			b.SetBytes(int64(bytes))
			b.ResetTimer()
			for range b.N {
				f()
			}
		})
	}
}

func benchFft(b *testing.B, n int) {
	x := complexArray(n, 1)
	benchWorkers(b, 16*n, func() { Fft(x) })
}

// BenchmarkFft1M is np.fft.fft of 2^20 complex128.
func BenchmarkFft1M(b *testing.B) { benchFft(b, 1<<20) }

// BenchmarkFft1024 is np.fft.fft of 1024 complex128.
func BenchmarkFft1024(b *testing.B) { benchFft(b, 1024) }

// BenchmarkFftPrime65537 is np.fft.fft of 65537 (prime) complex128.
func BenchmarkFftPrime65537(b *testing.B) { benchFft(b, 65537) }

// BenchmarkFftPrime1000003 is np.fft.fft of 1000003 (prime) complex128.
func BenchmarkFftPrime1000003(b *testing.B) { benchFft(b, 1000003) }

// BenchmarkRfft1M is np.fft.rfft of 2^20 float64.
func BenchmarkRfft1M(b *testing.B) {
	n := 1 << 20
	x := arrays.FromSlice(realParts(lcgData(n, 2)))
	benchWorkers(b, 8*n, func() { Rfft(x) })
}

// BenchmarkFftn1024x1024 is np.fft.fftn of a 1024×1024 complex128 array.
func BenchmarkFftn1024x1024(b *testing.B) {
	x := arrays.FromSlice(lcgData(1<<20, 3), 1024, 1024)
	benchWorkers(b, 16<<20, func() { Fftn(x) })
}
