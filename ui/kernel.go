package ui

import (
	"context"

	"workbench/interp"
	"workbench/interp/client"
)

// Kernel is what the window needs of a kernel: *client.Client has these
// methods (a kernel process apart from the window, so that nothing a cell
// does takes the window down); tests may use a fake.
type Kernel interface {
	// Execute runs a cell, calling emit for each output as it comes.
	Execute(ctx context.Context, code string, emit func(interp.Output)) (client.Reply, error)
	// Interrupt stops the running cell (restarting the kernel if it
	// does not stop).
	Interrupt() error
	// Restart starts a clean kernel.
	Restart(ctx context.Context) error
	// Complete, Inspect and IsComplete take byte offsets into code.
	Complete(ctx context.Context, code string, cursor int) (interp.Completion, error)
	Inspect(ctx context.Context, code string, cursor int) (interp.Inspection, error)
	IsComplete(ctx context.Context, code string) (status, indent string, err error)
	// Variables lists the session's variables.
	Variables(ctx context.Context) ([]interp.Variable, error)
	// Environment is the kernel's record: SIMD level, workers, devices.
	Environment() interp.Environment
	// State is "starting", "idle", "busy" or "dead".
	State() string
	// Close ends the kernel process.
	Close() error
}

// StartKernel starts a kernel for a notebook in dir with the given seed.
// The app passes one that starts a client.Client; tests pass their own.
type StartKernel func(ctx context.Context, dir string, seed uint64, onState func(state string)) (Kernel, error)

var _ Kernel = (*client.Client)(nil)
