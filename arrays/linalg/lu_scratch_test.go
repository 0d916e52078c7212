package linalg

import (
	"runtime"
	"testing"

	"workbench/arrays"
)

// TestSolveReusesScratch checks that Solve, Inv and Det factorize in
// recycled buffers: after a warm-up call, a call allocates far less than
// the matrix. (A garbage collection may empty the pool between calls, so
// each is given three tries.)
func TestSolveReusesScratch(t *testing.T) {
	const n = 200
	d := make([]float64, n*n)
	for i := range d {
		d[i] = float64((i*7)%13) - 6
	}
	for i := 0; i < n; i++ {
		d[i*n+i] += 100
	}
	a := arrays.FromSlice(d).Reshape(n, n)
	b := arrays.Ones(n)
	matrixBytes := uint64(n * n * 8)
	for _, c := range []struct {
		name  string
		f     func()
		limit uint64 // bytes per call
	}{
		{"Solve", func() { Solve(a, b) }, matrixBytes / 2},
		{"Det", func() { Det(a) }, matrixBytes / 2},
		// Inv allocates its result.
		{"Inv", func() { Inv(a) }, matrixBytes + matrixBytes/2},
	} {
		c.f()
		var per uint64
		for try := 0; try < 3; try++ {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			const calls = 4
			for range calls {
				c.f()
			}
			runtime.ReadMemStats(&after)
			if per = (after.TotalAlloc - before.TotalAlloc) / calls; per < c.limit {
				break
			}
		}
		if per >= c.limit {
			t.Errorf("%s of %d×%d allocates %d bytes a call, want less than %d", c.name, n, n, per, c.limit)
		}
	}
}
