package linalg_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"workbench/arrays"
	"workbench/arrays/linalg"
)

// randomMatrix returns an n×n float64 matrix with elements uniform in
// [-1, 1) plus n on the diagonal (well conditioned), symmetric when sym
// is set.
func randomMatrix(n int, sym bool) *arrays.Array {
	r := rand.New(rand.NewPCG(1, 2))
	d := make([]float64, n*n)
	for i := range d {
		d[i] = r.Float64()*2 - 1
	}
	for i := 0; i < n; i++ {
		d[i*n+i] += float64(n)
		if sym {
			for j := 0; j < i; j++ {
				d[i*n+j] = d[j*n+i]
			}
		}
	}
	return arrays.FromSlice(d).Reshape(n, n)
}

// benchWorkers runs fn as sub-benchmarks w1 and w2, on 1 and 2 workers.
func benchWorkers(b *testing.B, fn func(b *testing.B)) {
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprintf("w%d", w), func(b *testing.B) {
			defer arrays.SetWorkers(arrays.SetWorkers(w))
			fn(b)
		})
	}
}

// BenchmarkSolve1000 is linalg.Solve of a 1000×1000 float64 system with
// one right-hand side (scripts/bench_linalg.sh compares it with NumPy).
func BenchmarkSolve1000(b *testing.B) {
	a := randomMatrix(1000, false)
	rhs := arrays.Ones(1000)
	benchWorkers(b, func(b *testing.B) {
		linalg.Solve(a, rhs)
		b.ResetTimer()
		for range b.N {
			linalg.Solve(a, rhs)
		}
	})
}

// BenchmarkEigh1000 is linalg.Eigh of a 1000×1000 float64 symmetric
// matrix (eigenvalues and eigenvectors).
func BenchmarkEigh1000(b *testing.B) {
	a := randomMatrix(1000, true)
	benchWorkers(b, func(b *testing.B) {
		for range b.N {
			linalg.Eigh(a)
		}
	})
}

// BenchmarkInv1000 is linalg.Inv of a 1000×1000 float64 matrix.
func BenchmarkInv1000(b *testing.B) {
	a := randomMatrix(1000, false)
	benchWorkers(b, func(b *testing.B) {
		for range b.N {
			linalg.Inv(a)
		}
	})
}

// BenchmarkDet1000 is linalg.Det of a 1000×1000 float64 matrix.
func BenchmarkDet1000(b *testing.B) {
	a := randomMatrix(1000, false)
	benchWorkers(b, func(b *testing.B) {
		for range b.N {
			linalg.Det(a)
		}
	})
}

// BenchmarkCholesky1000 is linalg.Cholesky of a 1000×1000 float64
// symmetric positive definite matrix (gonum's Dpotrf, whose triangular
// solves run on fastBLAS's Dtrsm).
func BenchmarkCholesky1000(b *testing.B) {
	a := randomMatrix(1000, true)
	benchWorkers(b, func(b *testing.B) {
		for range b.N {
			linalg.Cholesky(a)
		}
	})
}
