package linalg

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"
)

// TestDtrsmMatchesGonum compares fastBLAS's Dtrsm and Strsm with gonum's
// on every side, triangle, transpose and diagonal, triangles below and
// above the size that is split (odd sizes included), padded leading
// dimensions, and alpha 1, -0.5 and 0.
func TestDtrsmMatchesGonum(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	var ref gonum.Implementation
	sizes := [][2]int{{0, 5}, {5, 0}, {1, 1}, {7, 3}, {65, 70}, {130, 9}, {9, 130}, {201, 150}}
	for _, s := range []blas.Side{blas.Left, blas.Right} {
		for _, ul := range []blas.Uplo{blas.Lower, blas.Upper} {
			for _, tA := range []blas.Transpose{blas.NoTrans, blas.Trans, blas.ConjTrans} {
				for _, d := range []blas.Diag{blas.NonUnit, blas.Unit} {
					for _, mn := range sizes {
						for _, alpha := range []float64{1, -0.5, 0} {
							m, n := mn[0], mn[1]
							k := n
							if s == blas.Left {
								k = m
							}
							lda, ldb := k+3, n+2
							// A well-conditioned triangle: small
							// off-diagonal elements, a diagonal away
							// from 0 (the other triangle is garbage
							// that must not be read).
							a := make([]float64, max(1, k*lda))
							for i := range a {
								a[i] = (2*r.Float64() - 1) / float64(max(1, k))
							}
							for i := 0; i < k; i++ {
								a[i*lda+i] = 1 + r.Float64()
							}
							b := make([]float64, max(1, m*ldb))
							for i := range b {
								b[i] = 2*r.Float64() - 1
							}
							name := fmt.Sprintf("%c%c%c%c m=%d n=%d alpha=%g", s, ul, tA, d, m, n, alpha)
							got := append([]float64(nil), b...)
							fastBLAS{}.Dtrsm(s, ul, tA, d, m, n, alpha, a, lda, got, ldb)
							want := append([]float64(nil), b...)
							ref.Dtrsm(s, ul, tA, d, m, n, alpha, a, lda, want, ldb)
							scale := 1.0
							for _, v := range want {
								scale = max(scale, math.Abs(v))
							}
							for i := range got {
								if diff := math.Abs(got[i] - want[i]); diff > 1e-12*scale || math.IsNaN(got[i]) != math.IsNaN(want[i]) {
									t.Fatalf("Dtrsm %s: B[%d] = %g, gonum's %g", name, i, got[i], want[i])
								}
							}
							if alpha != -0.5 || m != 201 {
								continue
							}
							got32 := to32(b)
							fastBLAS{}.Strsm(s, ul, tA, d, m, n, float32(alpha), to32(a), lda, got32, ldb)
							want32 := to32(b)
							ref.Strsm(s, ul, tA, d, m, n, float32(alpha), to32(a), lda, want32, ldb)
							for i := range got32 {
								if diff := math.Abs(float64(got32[i] - want32[i])); diff > 1e-4*scale {
									t.Fatalf("Strsm %s: B[%d] = %g, gonum's %g", name, i, got32[i], want32[i])
								}
							}
						}
					}
				}
			}
		}
	}
}

// TestDtrsmPanicsAsGonum checks that invalid arguments panic with gonum's
// message.
func TestDtrsmPanicsAsGonum(t *testing.T) {
	catch := func(f func()) (r any) {
		defer func() { r = recover() }()
		f()
		return nil
	}
	a, b := make([]float64, 100*100), make([]float64, 100*100)
	for _, c := range []struct {
		name string
		f    func(impl blas.Float64Level3)
	}{
		{"short a", func(impl blas.Float64Level3) {
			impl.Dtrsm(blas.Left, blas.Lower, blas.NoTrans, blas.Unit, 100, 100, 1, a[:50], 100, b, 100)
		}},
		{"bad ldb", func(impl blas.Float64Level3) {
			impl.Dtrsm(blas.Right, blas.Upper, blas.NoTrans, blas.Unit, 100, 100, 1, a, 100, b, 99)
		}},
		{"negative m", func(impl blas.Float64Level3) {
			impl.Dtrsm(blas.Left, blas.Upper, blas.Trans, blas.NonUnit, -1, 100, 1, a, 100, b, 100)
		}},
	} {
		got := catch(func() { c.f(fastBLAS{}) })
		want := catch(func() { c.f(gonum.Implementation{}) })
		if got == nil || fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: panic %v, gonum's %v", c.name, got, want)
		}
	}
}
