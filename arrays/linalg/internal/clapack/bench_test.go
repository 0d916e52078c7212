package clapack

import (
	"fmt"
	"testing"
)

// The benchmarks time each decomposition of a random n×n complex matrix
// for n = 100 and 400 (np.linalg's counterparts: see the package's notes
// on timing in the report that introduced them).
var benchSizes = []int{100, 400}

func benchSquare(b *testing.B, hermitian bool, pd bool, f func(n int, a []complex128)) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			rng := newRand(uint64(n))
			var a []complex128
			switch {
			case pd:
				m := randMatrix(rng, n, n)
				a = mul(n, n, n, m, ct(n, n, m))
				for i := 0; i < n; i++ {
					a[i*n+i] += complex(float64(n), 0)
				}
			case hermitian:
				a = randHermitian(rng, n)
			default:
				a = randMatrix(rng, n, n)
			}
			w := make([]complex128, len(a))
			b.ResetTimer()
			for b.Loop() {
				copy(w, a)
				f(n, w)
			}
		})
	}
}

func BenchmarkLU(b *testing.B) {
	benchSquare(b, false, false, func(n int, a []complex128) { LU(n, a) })
}

func BenchmarkInverse(b *testing.B) {
	benchSquare(b, false, false, func(n int, a []complex128) { _ = Inverse(n, a) })
}

func BenchmarkCholesky(b *testing.B) {
	benchSquare(b, false, true, func(n int, a []complex128) { _ = Cholesky(n, a) })
}

func BenchmarkQR(b *testing.B) {
	benchSquare(b, false, false, func(n int, a []complex128) { QR(n, n, a, false) })
}

func BenchmarkEighValues(b *testing.B) {
	benchSquare(b, true, false, func(n int, a []complex128) { _, _, _ = Eigh(n, a, false) })
}

func BenchmarkEigh(b *testing.B) {
	benchSquare(b, true, false, func(n int, a []complex128) { _, _, _ = Eigh(n, a, true) })
}

func BenchmarkSVDValues(b *testing.B) {
	benchSquare(b, false, false, func(n int, a []complex128) { _, _, _, _ = SVD(n, n, a, false, false) })
}

func BenchmarkSVD(b *testing.B) {
	benchSquare(b, false, false, func(n int, a []complex128) { _, _, _, _ = SVD(n, n, a, true, false) })
}

func BenchmarkEigValues(b *testing.B) {
	benchSquare(b, false, false, func(n int, a []complex128) { _, _, _ = Eig(n, a, false) })
}

func BenchmarkEig(b *testing.B) {
	benchSquare(b, false, false, func(n int, a []complex128) { _, _, _ = Eig(n, a, true) })
}
