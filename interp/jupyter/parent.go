package jupyter

import (
	"context"
	"time"
)

// watchParent cancels the kernel when the process that started it ends (as
// ipykernel's parent poller does), so that a kernel never outlives its
// client or Jupyter server, on any system: when the parent ends, the
// kernel is given another parent, and getppid changes. It returns the
// context to serve with, and a function that says whether the parent's
// end was the cause.
func watchParent(ctx context.Context, getppid func() int, every time.Duration) (context.Context, func() bool) {
	parent := getppid()
	if parent <= 1 {
		// Started by init, or the parent is already gone: nothing to
		// watch.
		return ctx, func() bool { return false }
	}
	ctx, cancel := context.WithCancel(ctx)
	gone := make(chan struct{})
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		defer cancel()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if getppid() != parent {
					close(gone)
					cancel()
					return
				}
			}
		}
	}()
	return ctx, func() bool {
		select {
		case <-gone:
			return true
		default:
			return false
		}
	}
}
