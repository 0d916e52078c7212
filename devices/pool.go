package devices

import (
	"runtime"
	"sync"

	"workbench/arrays/dtype"
)

// Large host buffers are recycled. Fresh memory from the operating system
// costs a page fault per page on first touch, which for an 80 MB result takes
// longer than computing it; so when a large CPU buffer becomes unreachable
// its slice goes back to a pool (through runtime.AddCleanup), and the next
// allocation of the same dtype and length reuses it, cleared.

// poolMinBytes is the smallest buffer worth recycling.
const poolMinBytes = 1 << 20

// poolMaxBytes bounds the memory the pool holds.
const poolMaxBytes = 1 << 30

type poolKey struct {
	dt dtype.DType
	n  int
}

var bufPool = struct {
	sync.Mutex
	free  map[poolKey][]any
	bytes int
}{free: map[poolKey][]any{}}

// poolGet returns a recycled slice for dt and n, or nil. Its contents are
// whatever the last user left.
func poolGet(dt dtype.DType, n int) any {
	k := poolKey{dt, n}
	bufPool.Lock()
	list := bufPool.free[k]
	if len(list) == 0 {
		bufPool.Unlock()
		return nil
	}
	data := list[len(list)-1]
	bufPool.free[k] = list[:len(list)-1]
	bufPool.bytes -= n * dt.Size()
	bufPool.Unlock()
	return data
}

// poolPut takes back a slice whose buffer is unreachable.
func poolPut(data any) {
	dt, n := DTypeOf(data), SliceLen(data)
	size := n * dt.Size()
	bufPool.Lock()
	defer bufPool.Unlock()
	if bufPool.bytes+size > poolMaxBytes {
		return // let the garbage collector have it
	}
	k := poolKey{dt, n}
	bufPool.free[k] = append(bufPool.free[k], data)
	bufPool.bytes += size
}

// handedOut counts the bytes of large buffers handed out since the last
// collection that a pool miss asked for. When a miss finds that at least as
// much as it needs has been handed out since, some of it is likely garbage,
// and it asks the garbage collector to find it: the collector's own pacing
// counts pooled memory as live, and so runs too rarely for the pool to
// refill by itself. A collection of a heap of large arrays costs far less
// than the page faults of fresh memory.
// collectMinBytes bounds how often a pool miss may ask for a collection:
// at most once per this many bytes handed out, so that a program allocating
// many different sizes does not collect on every allocation.
const collectMinBytes = 32 << 20

var handedOut struct {
	sync.Mutex
	n int
}

// newHostBuffer allocates a CPU buffer, recycling large ones. Unless zero
// is set, a recycled buffer keeps its old contents: for results that a
// kernel overwrites whole, clearing would cost a pass over memory.
func newHostBuffer(dt dtype.DType, n int, zero bool) (*cpuBuffer, error) {
	data, recycled, err := acquire(dt, n)
	if err != nil {
		return nil, err
	}
	if recycled && zero {
		clearSlice(data)
	}
	b := &cpuBuffer{data: data, dt: dt, n: n}
	if n*dt.Size() >= poolMinBytes {
		runtime.AddCleanup(b, poolPut, data)
	}
	return b, nil
}

// acquire returns a slice of n elements of dt: a recycled one (recycled
// set, contents left by its last user) when the buffer is large and the
// pool has one, else fresh (zeroed) memory.
func acquire(dt dtype.DType, n int) (data any, recycled bool, err error) {
	size := n * dt.Size()
	if size < poolMinBytes {
		data, err = MakeSlice(dt, n)
		return data, false, err
	}
	data = poolGet(dt, n)
	handedOut.Lock()
	collect := data == nil && handedOut.n >= max(size, collectMinBytes)
	if collect {
		handedOut.n = 0
	}
	handedOut.n += size
	handedOut.Unlock()
	if data == nil && collect {
		runtime.GC()
		// Cleanups run on their own goroutine after the collection.
		for i := 0; i < 100 && data == nil; i++ {
			runtime.Gosched()
			data = poolGet(dt, n)
		}
	}
	if data != nil {
		return data, true, nil
	}
	data, err = MakeSlice(dt, n)
	return data, false, err
}

func clearSlice(data any) {
	switch s := data.(type) {
	case []bool:
		clear(s)
	case []int8:
		clear(s)
	case []int16:
		clear(s)
	case []int32:
		clear(s)
	case []int64:
		clear(s)
	case []uint8:
		clear(s)
	case []uint16:
		clear(s)
	case []uint32:
		clear(s)
	case []uint64:
		clear(s)
	case []float32:
		clear(s)
	case []float64:
		clear(s)
	case []complex64:
		clear(s)
	case []complex128:
		clear(s)
	}
}

// HostSlice returns a typed Go slice of n elements of dt for a caller that
// overwrites every element: recycled memory when the pool holds a buffer of
// that dtype and length (its contents are whatever the last user left),
// else fresh. The caller owns it; WrapPooled hands it back to the pool
// once unreachable.
func HostSlice(dt dtype.DType, n int) (any, error) {
	data, _, err := acquire(dt, n)
	return data, err
}

// WrapPooled is WrapHost for a slice whose memory, once the buffer is
// unreachable, goes back to the pool for the next large allocation of the
// same dtype and length: the caller must keep no reference to data.
func WrapPooled(data any) (Buffer, error) {
	buf, err := WrapHost(data)
	if err != nil {
		return nil, err
	}
	if b := buf.(*cpuBuffer); b.n*b.dt.Size() >= poolMinBytes {
		runtime.AddCleanup(b, poolPut, data)
	}
	return buf, nil
}
