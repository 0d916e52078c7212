package sessions

import (
	"context"
)

// Kernel runs code for Run. Workbench's kernel client implements it (so a
// cell that crashes the kernel process never takes the runner down), and
// tests use a fake.
type Kernel interface {
	// Environment returns the kernel's environment record (from its
	// kernel_info reply): versions, CPU, workers, devices and seed.
	Environment(ctx context.Context) (Environment, error)
	// Execute runs one cell's code and returns when the kernel is done
	// with it. It calls emit for each output as it comes, in order, from
	// the goroutine that called Execute or from another, never two at
	// once, and never after returning. A cell that fails (a compile
	// error, a panic) emits an error output and returns a reply with
	// Status "error" and a nil error; a non-nil error means the kernel
	// itself failed (it died, or ctx ended).
	Execute(ctx context.Context, code string, emit func(Output)) (ExecuteReply, error)
	// Restart restarts the kernel, with its state and execution count
	// cleared, and the same seed.
	Restart(ctx context.Context) error
}

// The statuses of an execute reply.
const (
	StatusOK      = "ok"
	StatusError   = "error"
	StatusAborted = "aborted"
)

// ExecuteReply is the kernel's answer to Execute.
type ExecuteReply struct {
	// Status is StatusOK, StatusError (the cell failed; its error is an
	// error output) or StatusAborted (not run).
	Status string
	// ExecutionCount is the cell's execution count ([3] in Jupyter).
	ExecutionCount int
	// Device is the device the cell ran on: "gpu" when its arrays were
	// moved to or computed on the GPU (the names of such devices joined
	// with "," when there are several), else "cpu"; "" when the kernel
	// does not say, and then Run records "cpu". Workbench's kernel says it
	// in its execute_reply (metadata.workbench.device), and its client
	// gives it as Reply.Device.
	Device string
}
