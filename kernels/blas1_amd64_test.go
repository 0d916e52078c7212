//go:build !purego

package kernels

import (
	"testing"
)

// TestBLAS1LevelsAgree checks that the AVX-512, AVX2 and portable kernels
// give the same float64 bits on random data (the tests of blas1_test.go
// compare each level with the references separately).
func TestBLAS1LevelsAgree(t *testing.T) {
	levels := simdLevels()
	if len(levels) < 2 {
		t.Skip("skipped: this CPU has no vector level")
	}
	for _, n := range []int{3, 31, 32, 33, 95, 1000} {
		x := make([]float64, n)
		y := make([]float64, n)
		for i := range x {
			x[i] = genF64(i) * 1.1
			y[i] = genF64(i+7919) / 3
		}
		var dots []float64
		var axpys, rots [][]float64
		for _, lv := range levels {
			restore := lv.set()
			dots = append(dots, Dot64(x, y))
			ya := append([]float64(nil), y...)
			Axpy64(0.3, x, ya)
			axpys = append(axpys, ya)
			xr, yr := append([]float64(nil), x...), append([]float64(nil), y...)
			Rot64(xr, yr, 0.6, 0.8)
			rots = append(rots, append(xr, yr...))
			restore()
		}
		for k := 1; k < len(levels); k++ {
			if dots[k] != dots[0] {
				t.Errorf("n=%d: Dot64 %s %v, %s %v", n, levels[k].name, dots[k], levels[0].name, dots[0])
			}
			for i := range axpys[0] {
				if axpys[k][i] != axpys[0][i] {
					t.Fatalf("n=%d: Axpy64 %s differs from %s at %d", n, levels[k].name, levels[0].name, i)
				}
			}
			for i := range rots[0] {
				if rots[k][i] != rots[0][i] {
					t.Fatalf("n=%d: Rot64 %s differs from %s at %d", n, levels[k].name, levels[0].name, i)
				}
			}
		}
	}
}
