package devices

import (
	"runtime"
	"testing"

	"workbench/arrays/dtype"
)

// TestWrapPooledRecycles checks that a large slice handed over with
// WrapPooled goes back to the pool once its buffer is unreachable, and
// that HostSlice hands that very memory out again (a fresh page costs a
// page fault; recycling is the point).
func TestWrapPooledRecycles(t *testing.T) {
	const n = 1 << 18 // 2 MiB of float64: above poolMinBytes
	data, err := HostSlice(dtype.Float64, n)
	if err != nil {
		t.Fatal(err)
	}
	first := &data.([]float64)[0]
	buf, err := WrapPooled(data)
	if err != nil {
		t.Fatal(err)
	}
	if buf.Len() != n || buf.DType() != dtype.Float64 {
		t.Fatalf("WrapPooled: %d elements of %v, want %d of float64", buf.Len(), buf.DType(), n)
	}
	buf, data = nil, nil
	var again any
	for i := 0; i < 50 && again == nil; i++ {
		runtime.GC()
		runtime.Gosched()
		again = poolGet(dtype.Float64, n)
	}
	if again == nil {
		t.Fatal("the buffer given to WrapPooled did not come back to the pool after it became unreachable")
	}
	if &again.([]float64)[0] != first {
		t.Error("the pool handed out other memory than the recycled buffer")
	}
	poolPut(again)
	got, err := HostSlice(dtype.Float64, n)
	if err != nil {
		t.Fatal(err)
	}
	if &got.([]float64)[0] != first {
		t.Error("HostSlice did not take the recycled buffer from the pool")
	}
	// Small slices are never pooled: WrapPooled is WrapHost for them.
	small, _ := HostSlice(dtype.Int8, 10)
	if b, err := WrapPooled(small); err != nil || b.Len() != 10 {
		t.Errorf("WrapPooled of a small slice: %v, %v", b, err)
	}
	if _, err := WrapPooled([]string{"x"}); err == nil {
		t.Error("WrapPooled of []string: want an error")
	}
}
