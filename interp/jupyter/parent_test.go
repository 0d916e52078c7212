package jupyter

import (
	"context"
	"sync/atomic"
	"testing"
	"time"
)

func TestWatchParent(t *testing.T) {
	var ppid atomic.Int64
	ppid.Store(4242)
	get := func() int { return int(ppid.Load()) }
	ctx, orphaned := watchParent(context.Background(), get, 5*time.Millisecond)
	time.Sleep(30 * time.Millisecond)
	if ctx.Err() != nil || orphaned() {
		t.Fatal("cancelled while the parent lives")
	}
	ppid.Store(1) // the parent ended: the kernel was given to init
	select {
	case <-ctx.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("not cancelled after the parent ended")
	}
	if !orphaned() {
		t.Error("orphaned() = false after the parent ended")
	}

	// A kernel started by init has no parent to watch.
	ctx, orphaned = watchParent(context.Background(), func() int { return 1 }, time.Millisecond)
	time.Sleep(10 * time.Millisecond)
	if ctx.Err() != nil || orphaned() {
		t.Error("a kernel whose parent is init was cancelled")
	}
}
