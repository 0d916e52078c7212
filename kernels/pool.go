package kernels

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// The shared worker pool. One pool serves every CPU kernel. A parallel call
// made while the pool is already busy (from inside a kernel that the pool runs,
// or from a second goroutine) runs inline on its caller, so kernels never
// nest into oversubscription.
var pool struct {
	mu      sync.Mutex // held while a parallel job runs
	workers atomic.Int32
}

func init() { pool.workers.Store(int32(runtime.GOMAXPROCS(0))) }

// SetWorkers sets the number of goroutines that parallel kernels use, and
// returns the previous number. n < 1 means one per available CPU.
func SetWorkers(n int) int {
	if n < 1 {
		n = runtime.GOMAXPROCS(0)
	}
	return int(pool.workers.Swap(int32(n)))
}

// Workers returns the number of goroutines that parallel kernels use.
func Workers() int { return int(pool.workers.Load()) }

// Chunks returns how many chunks of at most grain items n items are cut
// into. The count depends on n and grain only.
func Chunks(n, grain int) int {
	if n <= 0 {
		return 0
	}
	if grain < 1 {
		grain = 1
	}
	return (n + grain - 1) / grain
}

// Parallel calls fn(chunk, lo, hi) for each chunk of at most grain items of
// [0, n), chunk numbered from 0. Chunks run on the shared pool, each exactly
// once, in no particular order; Parallel returns when all are done. The cut
// depends on n and grain only. A panic in fn is re-raised in the caller
// after the other chunks stop.
func Parallel(n, grain int, fn func(chunk, lo, hi int)) {
	nc := Chunks(n, grain)
	if nc == 0 {
		return
	}
	if grain < 1 {
		grain = 1
	}
	w := Workers()
	if nc == 1 || w == 1 || !pool.mu.TryLock() {
		for c := 0; c < nc; c++ {
			lo := c * grain
			fn(c, lo, min(lo+grain, n))
		}
		return
	}
	defer pool.mu.Unlock()
	w = min(w, nc)
	var next atomic.Int64
	var wg sync.WaitGroup
	var firstPanic atomic.Pointer[any]
	work := func() {
		defer wg.Done()
		defer func() {
			if r := recover(); r != nil {
				firstPanic.CompareAndSwap(nil, &r)
				next.Store(int64(nc)) // stop handing out chunks
			}
		}()
		for {
			c := int(next.Add(1) - 1)
			if c >= nc {
				return
			}
			lo := c * grain
			fn(c, lo, min(lo+grain, n))
		}
	}
	wg.Add(w)
	for i := 1; i < w; i++ {
		go work()
	}
	work()
	wg.Wait()
	if p := firstPanic.Load(); p != nil {
		panic(*p)
	}
}
