package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"workbench/interp"
	"workbench/interp/client"
	"workbench/sessions"
)

// kernelOptions returns the options of the kernel processes that the
// commands start; tests replace it to run their own binary as the kernel.
var kernelOptions = func() client.Options { return client.Options{} }

// sessionKernel adapts the kernel client to the runner's interface
// (sessions.Kernel), which has plain types of its own.
type sessionKernel struct {
	c *client.Client
}

// startKernel starts a kernel process for a notebook in dir.
func startKernel(ctx context.Context, dir string, seed uint64, workers int) (*sessionKernel, error) {
	opts := kernelOptions()
	opts.Dir, opts.Seed, opts.Workers = dir, seed, workers
	c, err := client.Start(ctx, opts)
	if err != nil {
		return nil, fmt.Errorf("starting the kernel: %w", err)
	}
	return &sessionKernel{c: c}, nil
}

func (k *sessionKernel) Close() error { return k.c.Close() }

// Environment converts the kernel's record: the two types share their
// JSON form.
func (k *sessionKernel) Environment(ctx context.Context) (sessions.Environment, error) {
	var env sessions.Environment
	b, err := json.Marshal(k.c.Environment())
	if err != nil {
		return env, err
	}
	return env, json.Unmarshal(b, &env)
}

// Execute runs a cell. A kernel that died or was restarted under the cell
// is the kernel's failure, not the cell's: it is an error, which stops the
// run (the runner puts it on the cell).
func (k *sessionKernel) Execute(ctx context.Context, code string, emit func(sessions.Output)) (sessions.ExecuteReply, error) {
	r, err := k.c.Execute(ctx, code, func(o interp.Output) {
		if o.Type == interp.Error && (o.ErrName == client.ErrKernelDied || o.ErrName == client.ErrKernelRestarted) {
			return
		}
		emit(toSessionOutput(o))
	})
	if err != nil {
		return sessions.ExecuteReply{}, err
	}
	if r.Error != nil && (r.Error.ErrName == client.ErrKernelDied || r.Error.ErrName == client.ErrKernelRestarted) {
		return sessions.ExecuteReply{}, errors.New(r.Error.ErrName + ": " + r.Error.ErrValue)
	}
	return sessions.ExecuteReply{Status: r.Status, ExecutionCount: r.ExecutionCount, Device: r.Device}, nil
}

func (k *sessionKernel) Restart(ctx context.Context) error { return k.c.Restart(ctx) }

// toSessionOutput converts an output of the kernel to the document's.
func toSessionOutput(o interp.Output) sessions.Output {
	return sessions.Output{
		Type:      sessions.OutputType(o.Type.String()),
		Name:      o.Name,
		Text:      o.Text,
		Data:      sessions.Bundle(o.Data),
		DisplayID: o.DisplayID,
		EName:     o.ErrName,
		EValue:    o.ErrValue,
		Traceback: o.Traceback,
	}
}
