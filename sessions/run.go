package sessions

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sync"
	"time"
)

// RunOptions say which cells Run runs and how.
type RunOptions struct {
	// Cells lists the indices (into Notebook.Cells) of the cells to run,
	// in the order given; nil runs every code cell in order. Cells not
	// of type code are an error.
	Cells []int
	// ContinueOnError goes on after a cell fails (as nbconvert's
	// --allow-errors does); otherwise Run stops at the first failure.
	ContinueOnError bool
	// Progress, when set, is told as each cell starts and ends, from the
	// goroutine that called Run.
	Progress func(Progress)
	// Now is the clock for the record's date and the durations; nil
	// means time.Now.
	Now func() time.Time
}

// ProgressState says where a cell is.
type ProgressState int

// The states that Progress reports.
const (
	// CellStarted: the cell was sent to the kernel.
	CellStarted ProgressState = iota
	// CellOK: the cell ran without error.
	CellOK
	// CellFailed: the cell failed (Err says how).
	CellFailed
)

// String returns "started", "ok" or "failed".
func (s ProgressState) String() string {
	switch s {
	case CellStarted:
		return "started"
	case CellOK:
		return "ok"
	case CellFailed:
		return "failed"
	}
	return "unknown"
}

// Progress is what Run tells RunOptions.Progress about one cell.
type Progress struct {
	// Index is the cell's index in Notebook.Cells, Cell the cell.
	Index int
	Cell  *Cell
	// N counts the cells of this run (1 for the first) and Total is how
	// many the run has.
	N, Total int
	State    ProgressState
	// Duration is how long the cell ran (CellOK and CellFailed).
	Duration time.Duration
	// Err is the failure (CellFailed).
	Err *CellError
}

// String reads "[3/10] cell 5 ok (1.2s)", or with the error when failed.
func (p Progress) String() string {
	s := fmt.Sprintf("[%d/%d] cell %d %s", p.N, p.Total, p.Index+1, p.State)
	if p.State != CellStarted {
		s += fmt.Sprintf(" (%s)", p.Duration.Round(time.Millisecond))
	}
	if p.Err != nil {
		s += ": " + p.Err.Message()
	}
	return s
}

// CellError is a cell that failed: its place, and the error it raised.
type CellError struct {
	// Index is the cell's index in Notebook.Cells (from 0).
	Index int
	// ID is the cell's id and Line the first line of its source.
	ID, Line string
	// EName, EValue and Traceback are those of the error output.
	EName, EValue string
	Traceback     []string
	// Kernel is set when the kernel itself failed (it died or did not
	// answer) rather than the cell's code.
	Kernel bool
}

// Message returns the error without the cell's place: "EName: EValue".
func (e *CellError) Message() string {
	switch {
	case e.EName == "":
		return e.EValue
	case e.EValue == "":
		return e.EName
	}
	return e.EName + ": " + e.EValue
}

// Error reads `cell 3 (id "1a2b3c4d": x := foo()): CompileError: 1:6:
// undefined: foo`; the cell is counted from 1.
func (e *CellError) Error() string {
	return fmt.Sprintf("cell %d (id %q: %s): %s", e.Index+1, e.ID, e.Line, e.Message())
}

// Result is what Run did.
type Result struct {
	// Ran counts the cells run.
	Ran int
	// Failed lists the cells that failed, in order.
	Failed []*CellError
	// Stopped is set when the run ended before its last cell: at a
	// failure, because the kernel failed, or because ctx ended.
	Stopped bool
	// Environment is the kernel's environment record.
	Environment Environment
}

// Run runs the code cells of nb through the kernel k, in order, and
// records what comes out in nb: each cell's outputs (consecutive stream
// outputs of the same name are merged, and an update_display_data
// replaces the data of the earlier display with its display id, as
// Jupyter does), its execution count, and in its metadata.workbench the
// device, the duration and the digest of each output; in the notebook's
// metadata.workbench the kernel's environment record, the seed and the
// date; and the kernelspec and language_info of Workbench's Go kernel.
//
// When opts.Cells is nil every code cell runs, and the outputs of all are
// cleared first, so that cells after a failure show none. A cell fails
// when it emits an error output or the kernel replies with an error
// status (unless it is tagged raises-exception, as Jupyter's cells that
// are meant to fail are); the run stops there unless opts.ContinueOnError. If the kernel
// itself fails (Execute returns an error), the cell gets an error output
// saying so and the run stops whatever the options.
//
// The error is nil when every cell ran without error. Otherwise it is the
// *CellError of the failing cell (errors.Join of them all with
// ContinueOnError), or ctx's error, or the kernel's when its environment
// could not be had (then nothing ran and the result is nil).
func Run(ctx context.Context, nb *Notebook, k Kernel, opts RunOptions) (*Result, error) {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	todo := opts.Cells
	if todo == nil {
		todo = []int{}
		for i, c := range nb.Cells {
			if c.Type == CodeCell {
				todo = append(todo, i)
			}
		}
	} else {
		for _, i := range todo {
			if i < 0 || i >= len(nb.Cells) {
				return nil, fmt.Errorf("sessions: no cell %d: the notebook has %d cells", i+1, len(nb.Cells))
			}
			if t := nb.Cells[i].Type; t != CodeCell {
				return nil, fmt.Errorf("sessions: cell %d is a %s cell, not code", i+1, t)
			}
		}
	}
	env, err := k.Environment(ctx)
	if err != nil {
		return nil, fmt.Errorf("sessions: the kernel's environment: %w", err)
	}
	if opts.Cells == nil {
		nb.ClearOutputs()
	}
	if nb.Record == nil {
		nb.Record = &Record{}
	}
	nb.Record.Environment = env.clone()
	seed := env.Seed
	nb.Record.Seed = &seed
	nb.Record.Date = now().UTC().Format(time.RFC3339)
	SetGoMetadata(nb, env.Go)
	if nb.Format == 0 {
		nb.Format = FormatMajor
	}

	res := &Result{Environment: env}
	r := &recorder{nb: nb, touched: map[*Cell]bool{}}
	for n, i := range todo {
		c := nb.Cells[i]
		if err := ctx.Err(); err != nil {
			res.Stopped = true
			r.finish()
			return res, err
		}
		report := func(st ProgressState, d time.Duration, ce *CellError) {
			if opts.Progress != nil {
				opts.Progress(Progress{Index: i, Cell: c, N: n + 1, Total: len(todo), State: st, Duration: d, Err: ce})
			}
		}
		report(CellStarted, 0, nil)
		c.clearRun()
		r.start(c)
		t0 := now()
		reply, kerr := k.Execute(ctx, c.Source, r.emit)
		d := now().Sub(t0)
		r.stop()
		res.Ran++

		if reply.ExecutionCount > 0 {
			count := reply.ExecutionCount
			c.ExecutionCount = &count
			for j := range c.Outputs {
				if c.Outputs[j].Type == OutputExecuteResult && c.Outputs[j].ExecutionCount == nil {
					c.Outputs[j].ExecutionCount = new(count)
				}
			}
		}
		if c.Record == nil {
			c.Record = &CellRecord{}
		}
		c.Record.Device = reply.Device
		if c.Record.Device == "" {
			c.Record.Device = "cpu"
		}
		c.Record.Duration = math.Round(d.Seconds()*1e6) / 1e6
		r.touched[c] = true

		var ce *CellError
		switch {
		case kerr != nil && ctx.Err() != nil:
			res.Stopped = true
			r.finish()
			report(CellFailed, d, &CellError{Index: i, ID: c.ID, Line: c.FirstLine(), EName: "Interrupted", EValue: ctx.Err().Error(), Kernel: true})
			return res, ctx.Err()
		case kerr != nil:
			o := Output{Type: OutputError, EName: "KernelError", EValue: kerr.Error()}
			c.Outputs = append(c.Outputs, o)
			ce = cellError(i, c, o)
			ce.Kernel = true
		default:
			for _, o := range c.Outputs {
				if o.Type == OutputError {
					ce = cellError(i, c, o)
					break
				}
			}
			if ce == nil && reply.Status != StatusOK && reply.Status != "" {
				msg := "the kernel replied " + reply.Status
				if reply.Status == StatusAborted {
					msg = "the kernel did not run the cell (aborted)"
				}
				ce = cellError(i, c, Output{EName: "Error", EValue: msg})
			}
		}
		if ce == nil || (!ce.Kernel && c.HasTag(TagRaisesException)) {
			// A cell tagged raises-exception is meant to fail.
			report(CellOK, d, nil)
			continue
		}
		res.Failed = append(res.Failed, ce)
		report(CellFailed, d, ce)
		if ce.Kernel || !opts.ContinueOnError {
			res.Stopped = n < len(todo)-1
			break
		}
	}
	r.finish()
	switch len(res.Failed) {
	case 0:
		return res, nil
	case 1:
		return res, res.Failed[0]
	}
	errs := make([]error, len(res.Failed))
	for i, e := range res.Failed {
		errs[i] = e
	}
	return res, errors.Join(errs...)
}

func cellError(i int, c *Cell, o Output) *CellError {
	return &CellError{Index: i, ID: c.ID, Line: c.FirstLine(), EName: o.EName, EValue: o.EValue, Traceback: o.Traceback}
}

// recorder takes the outputs of the running cell.
type recorder struct {
	mu      sync.Mutex
	nb      *Notebook
	cell    *Cell          // the running cell, nil between cells
	touched map[*Cell]bool // cells whose outputs changed
}

func (r *recorder) start(c *Cell) {
	r.mu.Lock()
	r.cell = c
	r.mu.Unlock()
}

func (r *recorder) stop() {
	r.mu.Lock()
	r.cell = nil
	r.mu.Unlock()
}

// emit records one output of the running cell.
func (r *recorder) emit(o Output) {
	r.mu.Lock()
	defer r.mu.Unlock()
	c := r.cell
	if c == nil {
		return // late: the cell is over
	}
	o = o.Clone()
	switch o.Type {
	case OutputUpdateDisplayData:
		if o.DisplayID == "" {
			return
		}
		for _, d := range r.nb.Cells {
			for j := range d.Outputs {
				if d.Outputs[j].DisplayID == o.DisplayID {
					d.Outputs[j].Data = o.Data
					d.Outputs[j].Metadata = o.Metadata
					r.touched[d] = true
				}
			}
		}
		return
	case OutputStream:
		if n := len(c.Outputs); n > 0 && c.Outputs[n-1].Type == OutputStream && c.Outputs[n-1].Name == o.Name {
			c.Outputs[n-1].Text += o.Text
			return
		}
	}
	c.Outputs = append(c.Outputs, o)
}

// finish records the digests of the cells whose outputs changed.
func (r *recorder) finish() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for c := range r.touched {
		if c.Record == nil {
			c.Record = &CellRecord{}
		}
		c.Record.Digests = nil
		for _, o := range c.Outputs {
			c.Record.Digests = append(c.Record.Digests, OutputDigest(o))
		}
	}
}
