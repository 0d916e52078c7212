package linalg

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas32"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/blas/cblas128"
	"gonum.org/v1/gonum/blas/gonum"
)

// TestFastBLASRegistered checks that importing the package puts our
// matrix products under gonum's LAPACK.
func TestFastBLASRegistered(t *testing.T) {
	if _, ok := blas64.Implementation().(fastBLAS); !ok {
		t.Errorf("blas64.Implementation() is %T, want linalg's fastBLAS", blas64.Implementation())
	}
	if _, ok := blas32.Implementation().(fastBLAS); !ok {
		t.Errorf("blas32.Implementation() is %T, want linalg's fastBLAS", blas32.Implementation())
	}
}

// TestFastBLASMatchesGonum compares Dgemm and Sgemm with gonum's own on
// every transpose, padded leading dimensions, k = 0, alpha = 0 and beta
// values that read C or not.
func TestFastBLASMatchesGonum(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	fill := func(n int) []float64 {
		s := make([]float64, n)
		for i := range s {
			s[i] = r.Float64()*2 - 1
		}
		return s
	}
	trans := []blas.Transpose{blas.NoTrans, blas.Trans, blas.ConjTrans}
	var ref gonum.Implementation
	for _, sz := range [][3]int{{1, 1, 1}, {3, 5, 7}, {17, 9, 33}, {40, 70, 13}, {8, 24, 0}, {0, 4, 4}, {65, 1, 129}} {
		m, n, k := sz[0], sz[1], sz[2]
		for _, tA := range trans {
			for _, tB := range trans {
				for _, ab := range [][2]float64{{1, 0}, {-0.5, 1}, {0, 2}, {2, 0.25}} {
					alpha, beta := ab[0], ab[1]
					ar, ac := m, k
					if tA != blas.NoTrans {
						ar, ac = k, m
					}
					br, bc := k, n
					if tB != blas.NoTrans {
						br, bc = n, k
					}
					lda, ldb, ldc := ac+2, bc+1, n+3
					a, b := fill(max(ar*lda, 1)), fill(max(br*ldb, 1))
					c := fill(max(m*ldc, 1))
					want := append([]float64{}, c...)
					fastBLAS{}.Dgemm(tA, tB, m, n, k, alpha, a, max(lda, 1), b, max(ldb, 1), beta, c, max(ldc, 1))
					ref.Dgemm(tA, tB, m, n, k, alpha, a, max(lda, 1), b, max(ldb, 1), beta, want, max(ldc, 1))
					for i := range c {
						if math.Abs(c[i]-want[i]) > 1e-13*float64(k+1) {
							t.Fatalf("Dgemm %v %v m=%d n=%d k=%d alpha=%v beta=%v: c[%d] = %v, gonum %v", tA, tB, m, n, k, alpha, beta, i, c[i], want[i])
						}
					}
					a32, b32, c32 := to32(a), to32(b), to32(c)
					want32 := append([]float32{}, c32...)
					fastBLAS{}.Sgemm(tA, tB, m, n, k, float32(alpha), a32, max(lda, 1), b32, max(ldb, 1), float32(beta), c32, max(ldc, 1))
					ref.Sgemm(tA, tB, m, n, k, float32(alpha), a32, max(lda, 1), b32, max(ldb, 1), float32(beta), want32, max(ldc, 1))
					for i := range c32 {
						if math.Abs(float64(c32[i]-want32[i])) > 1e-5*float64(k+1) {
							t.Fatalf("Sgemm %v %v m=%d n=%d k=%d: c[%d] = %v, gonum %v", tA, tB, m, n, k, i, c32[i], want32[i])
						}
					}
				}
			}
		}
	}
}

func to32(s []float64) []float32 {
	out := make([]float32, len(s))
	for i, v := range s {
		out[i] = float32(v)
	}
	return out
}

// TestFastComplexGemmMatchesGonum compares Zgemm and Cgemm with gonum's on
// every transpose (ConjTrans conjugates), padded leading dimensions, k = 0,
// alpha = 0 and beta values that read C or not.
func TestFastComplexGemmMatchesGonum(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	fill := func(n int) []complex128 {
		s := make([]complex128, n)
		for i := range s {
			s[i] = complex(r.Float64()*2-1, r.Float64()*2-1)
		}
		return s
	}
	if _, ok := cblas128.Implementation().(fastBLAS); !ok {
		t.Errorf("cblas128.Implementation() is %T, want linalg's fastBLAS", cblas128.Implementation())
	}
	trans := []blas.Transpose{blas.NoTrans, blas.Trans, blas.ConjTrans}
	var ref gonum.Implementation
	for _, sz := range [][3]int{{1, 1, 1}, {3, 5, 7}, {17, 9, 33}, {40, 70, 13}, {8, 24, 0}, {0, 4, 4}, {65, 1, 129}} {
		m, n, k := sz[0], sz[1], sz[2]
		for _, tA := range trans {
			for _, tB := range trans {
				for _, ab := range [][2]complex128{{1, 0}, {-0.5 + 2i, 1}, {0, 2i}, {2, 0.25 - 1i}} {
					alpha, beta := ab[0], ab[1]
					ar, ac := m, k
					if tA != blas.NoTrans {
						ar, ac = k, m
					}
					br, bc := k, n
					if tB != blas.NoTrans {
						br, bc = n, k
					}
					lda, ldb, ldc := max(ac+2, 1), max(bc+1, 1), n+3
					a, b := fill(max(ar*lda, 1)), fill(max(br*ldb, 1))
					c := fill(max(m*ldc, 1))
					want := append([]complex128{}, c...)
					fastBLAS{}.Zgemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
					ref.Zgemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, want, ldc)
					for i := range c {
						if cmplx.Abs(c[i]-want[i]) > 1e-13*float64(k+1) {
							t.Fatalf("Zgemm %v %v m=%d n=%d k=%d alpha=%v beta=%v: c[%d] = %v, gonum %v", tA, tB, m, n, k, alpha, beta, i, c[i], want[i])
						}
					}
					a64, b64, c64 := toC64(a), toC64(b), toC64(c)
					want64 := append([]complex64{}, c64...)
					fastBLAS{}.Cgemm(tA, tB, m, n, k, complex64(alpha), a64, lda, b64, ldb, complex64(beta), c64, ldc)
					ref.Cgemm(tA, tB, m, n, k, complex64(alpha), a64, lda, b64, ldb, complex64(beta), want64, ldc)
					for i := range c64 {
						if cmplx.Abs(complex128(c64[i]-want64[i])) > 1e-5*float64(k+1) {
							t.Fatalf("Cgemm %v %v m=%d n=%d k=%d: c[%d] = %v, gonum %v", tA, tB, m, n, k, i, c64[i], want64[i])
						}
					}
				}
			}
		}
	}
}

func toC64(s []complex128) []complex64 {
	out := make([]complex64, len(s))
	for i, z := range s {
		out[i] = complex64(z)
	}
	return out
}
