package kernels

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// withWorkers runs f with the pool set to w workers, then restores it.
func withWorkers(t *testing.T, w int, f func()) {
	t.Helper()
	prev := SetWorkers(w)
	defer SetWorkers(prev)
	if got := Workers(); got != w {
		t.Fatalf("after SetWorkers(%d), Workers() = %d", w, got)
	}
	f()
}

// within fails the test if f does not return within d, instead of hanging.
func within(t *testing.T, d time.Duration, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s did not finish within %v (deadlock?)", what, d)
	}
}

func TestChunks(t *testing.T) {
	for _, tc := range []struct{ n, grain, want int }{
		{0, 10, 0}, {-5, 10, 0}, {1, 10, 1}, {10, 10, 1}, {11, 10, 2}, {20, 10, 2}, {21, 10, 3},
		{5, 1, 5}, {5, 0, 5}, {5, -3, 5}, {Grain, Grain, 1}, {Grain + 1, Grain, 2},
		{1_000_003, ReduceGrain, 16}, {1 << 20, ReduceGrain, 16},
	} {
		if got := Chunks(tc.n, tc.grain); got != tc.want {
			t.Errorf("Chunks(%d, %d) = %d, want %d", tc.n, tc.grain, got, tc.want)
		}
	}
}

func TestSetWorkers(t *testing.T) {
	orig := Workers()
	defer SetWorkers(orig)
	for _, tc := range []struct{ set, want int }{{3, 3}, {1, 1}, {8, 8}} {
		SetWorkers(tc.set)
		if got := Workers(); got != tc.want {
			t.Errorf("SetWorkers(%d): Workers() = %d", tc.set, got)
		}
	}
	if prev := SetWorkers(5); prev != 8 {
		t.Errorf("SetWorkers returned %d, want the previous 8", prev)
	}
	SetWorkers(0)
	if got := Workers(); got < 1 {
		t.Errorf("SetWorkers(0) gave %d workers, want one per CPU", got)
	}
	SetWorkers(-2)
	if got := Workers(); got < 1 {
		t.Errorf("SetWorkers(-2) gave %d workers, want one per CPU", got)
	}
}

func TestParallelVisitsEachIndexOnce(t *testing.T) {
	ns := []int{0, 1, 2, 7, 8, 9, 63, 64, 65, 1000, 4097, 100_003}
	grains := []int{-1, 0, 1, 3, 8, 64, 1000, 1 << 15}
	for _, w := range []int{1, 2, 3, 8} {
		withWorkers(t, w, func() {
			for _, n := range ns {
				for _, g := range grains {
					if g <= 1 && n > 5000 {
						continue // a chunk per index: slow and says nothing new
					}
					checkParallel(t, w, n, g)
				}
			}
		})
	}
}

func checkParallel(t *testing.T, w, n, grain int) {
	t.Helper()
	g := max(grain, 1)
	nc := Chunks(n, grain)
	counts := make([]int32, n)
	chunkSeen := make([]int32, nc)
	var bad atomic.Value
	Parallel(n, grain, func(c, lo, hi int) {
		if c < 0 || c >= nc {
			bad.Store(fmt.Sprintf("chunk %d out of [0, %d)", c, nc))
			return
		}
		atomic.AddInt32(&chunkSeen[c], 1)
		if lo != c*g || hi != min(lo+g, n) || lo >= hi {
			bad.Store(fmt.Sprintf("chunk %d is [%d, %d), want [%d, %d)", c, lo, hi, c*g, min(c*g+g, n)))
			return
		}
		for i := lo; i < hi; i++ {
			atomic.AddInt32(&counts[i], 1)
		}
	})
	if b := bad.Load(); b != nil {
		t.Fatalf("workers %d, n %d, grain %d: %s", w, n, grain, b)
	}
	for c, k := range chunkSeen {
		if k != 1 {
			t.Fatalf("workers %d, n %d, grain %d: chunk %d ran %d times", w, n, grain, c, k)
		}
	}
	for i, k := range counts {
		if k != 1 {
			t.Fatalf("workers %d, n %d, grain %d: index %d visited %d times", w, n, grain, i, k)
		}
	}
}

func TestParallelUsesSeveralGoroutines(t *testing.T) {
	// With 4 workers and chunks that wait for each other, the job only
	// finishes if at least two chunks run at the same time.
	withWorkers(t, 4, func() {
		within(t, 10*time.Second, "Parallel with 4 workers", func() {
			var wg sync.WaitGroup
			wg.Add(2)
			Parallel(2, 1, func(c, lo, hi int) {
				wg.Done()
				wg.Wait()
			})
		})
	})
}

func TestParallelNested(t *testing.T) {
	for _, w := range []int{1, 2, 3, 8} {
		withWorkers(t, w, func() {
			const outer, inner = 37, 1001
			var total atomic.Int64
			counts := make([]int32, outer*inner)
			within(t, 20*time.Second, fmt.Sprintf("nested Parallel with %d workers", w), func() {
				Parallel(outer, 1, func(c, lo, hi int) {
					for i := lo; i < hi; i++ {
						Parallel(inner, 10, func(_, a, b int) {
							for j := a; j < b; j++ {
								atomic.AddInt32(&counts[i*inner+j], 1)
								total.Add(1)
							}
						})
					}
				})
			})
			if got := total.Load(); got != outer*inner {
				t.Errorf("workers %d: nested Parallel did %d items, want %d", w, got, outer*inner)
			}
			for i, k := range counts {
				if k != 1 {
					t.Fatalf("workers %d: nested item %d done %d times", w, i, k)
				}
			}
		})
	}
}

func TestParallelFromManyGoroutines(t *testing.T) {
	// Parallel calls from goroutines racing for the pool: the losers run
	// inline; all must complete with correct results.
	withWorkers(t, 3, func() {
		within(t, 20*time.Second, "concurrent Parallel calls", func() {
			var wg sync.WaitGroup
			sums := make([]int64, 6)
			for g := range sums {
				wg.Add(1)
				go func() {
					defer wg.Done()
					var s atomic.Int64
					Parallel(50_000, 997, func(_, lo, hi int) {
						for i := lo; i < hi; i++ {
							s.Add(int64(i))
						}
					})
					sums[g] = s.Load()
				}()
			}
			wg.Wait()
			for g, s := range sums {
				if want := int64(50_000) * 49_999 / 2; s != want {
					t.Errorf("goroutine %d: sum %d, want %d", g, s, want)
				}
			}
		})
	})
}

func TestParallelPanic(t *testing.T) {
	type boom struct{ chunk int }
	for _, w := range []int{1, 2, 3, 8} {
		for _, tc := range []struct {
			n, grain, panicAt int
		}{
			{100, 10, 0}, {100, 10, 5}, {100, 10, 9}, {5, 10, 0}, {100_000, 7, 9000},
		} {
			withWorkers(t, w, func() {
				var r any
				within(t, 10*time.Second, "Parallel with a panicking chunk", func() {
					defer func() { r = recover() }()
					Parallel(tc.n, tc.grain, func(c, lo, hi int) {
						if c == tc.panicAt {
							panic(boom{c})
						}
					})
				})
				b, ok := r.(boom)
				if !ok || b.chunk != tc.panicAt {
					t.Errorf("workers %d, n %d, grain %d: recovered %#v, want boom{%d}", w, tc.n, tc.grain, r, tc.panicAt)
				}
			})
		}
	}
	// The pool still works after a panic.
	withWorkers(t, 3, func() {
		var k atomic.Int64
		within(t, 10*time.Second, "Parallel after a panic", func() {
			Parallel(1000, 10, func(_, lo, hi int) { k.Add(int64(hi - lo)) })
		})
		if k.Load() != 1000 {
			t.Errorf("after a panic, Parallel did %d items, want 1000", k.Load())
		}
	})
}

func TestParallelPanicError(t *testing.T) {
	// An error value panicked in a worker keeps its identity.
	withWorkers(t, 2, func() {
		want := &OpError{Op: "pow", Type: "test"}
		var r any
		func() {
			defer func() { r = recover() }()
			Parallel(10, 1, func(c, lo, hi int) {
				if c == 7 {
					panic(want)
				}
			})
		}()
		if r != any(want) {
			t.Errorf("recovered %v, want the *OpError panicked", r)
		}
		if e, ok := r.(error); !ok || !strings.Contains(e.Error(), "pow") {
			t.Errorf("recovered %v, want an error naming pow", r)
		}
	})
}
