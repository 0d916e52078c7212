package client

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"workbench/interp"
	"workbench/interp/jupyter"
)

// Options configure the kernel process that a Client starts.
type Options struct {
	// Command is the program to run and its first arguments; the client
	// appends "-f CONNECTION_FILE --seed N", then "--workers N" when
	// Workers > 0 and "--dir D" when Dir is set. The default is this
	// executable with the argument "kernel" (workbench's kernel
	// subcommand).
	Command []string
	// Seed seeds the session's generator rng.
	Seed uint64
	// Workers is the size of the kernel's CPU worker pool; 0 leaves the
	// kernel's default.
	Workers int
	// Dir is the notebook's folder: the kernel's working directory and
	// where cells import local packages from. Empty means the current
	// directory.
	Dir string
	// Env is added to this process's environment for the kernel
	// ("NAME=value").
	Env []string
	// Stderr, when not nil, receives a copy of what the kernel process
	// writes to its stdout and stderr (not what cells print: that comes
	// as outputs). The last 64 KB are kept in any case (see
	// Client.Stderr).
	Stderr io.Writer
	// StartTimeout bounds starting a kernel until it answers; default
	// 30 s.
	StartTimeout time.Duration
	// InterruptGrace is how long an interrupted cell has to stop before
	// the kernel is restarted; default 3 s.
	InterruptGrace time.Duration
	// OnState, when not nil, is called with the new state each time it
	// changes (see Client.State), from whichever goroutine made the
	// change. It must return quickly and must not call the Client's
	// methods other than State and Environment.
	OnState func(state string)
}

// The states of a client, as State reports them.
const (
	// StateStarting is the state while a kernel process starts.
	StateStarting = "starting"
	// StateIdle is the state of a ready kernel with no cell running.
	StateIdle = "idle"
	// StateBusy is the state while a cell runs.
	StateBusy = "busy"
	// StateDead is the state after the kernel ended by itself (Restart
	// starts a new one) or the client was closed.
	StateDead = "dead"
)

// Errors of a client's methods.
var (
	// ErrDead is returned (wrapped, with the reason) by requests to a
	// kernel that has ended; Restart starts a new one.
	ErrDead = errors.New("client: the kernel is dead (restart it)")
	// ErrClosed is returned by calls after Close.
	ErrClosed = errors.New("client: closed")
)

// The names of the error outputs the client makes itself.
const (
	// ErrKernelDied names the error output of a cell during which the
	// kernel process ended.
	ErrKernelDied = "KernelDied"
	// ErrKernelRestarted names the error output of a cell that ended
	// because the kernel was restarted: it did not stop when
	// interrupted, or Restart was called while it ran.
	ErrKernelRestarted = "KernelRestarted"
)

// Reply is the result of running a cell.
type Reply struct {
	// Status is "ok", "error" or "aborted" (the kernel skipped the
	// cell because an earlier one failed).
	Status string
	// ExecutionCount is the kernel's counter for the cell.
	ExecutionCount int
	// Outputs are all of the cell's outputs in the order they came, as
	// they were handed to emit: update_display_data outputs are listed,
	// not applied.
	Outputs []interp.Output
	// Error is the cell's error output (the last one), if any.
	Error *interp.Output
	// Restarted is set when the kernel was restarted while the cell ran:
	// the session's variables are gone.
	Restarted bool
	// Note explains, when set, what the client did beyond running the
	// cell ("the kernel was restarted because ...").
	Note string
	// Device is the device the cell ran on, as the kernel's execute_reply
	// says (its metadata.workbench.device): "gpu" when the cell's arrays
	// were moved to or computed on the GPU, else "cpu"; "" when no reply
	// says (the kernel died under the cell, or aborted it).
	Device string
}

// Client runs cells in a kernel process. Its methods may be called from
// several goroutines.
type Client struct {
	opts   Options
	stderr io.Writer

	exec chan struct{} // a token per running Execute: one at a time
	life sync.Mutex    // held while the kernel is replaced or closed

	notify sync.Mutex // orders OnState calls

	mu       sync.Mutex
	k        *kernel // the current kernel; nil only before the first start
	env      interp.Environment
	run      *running      // the Execute in flight
	starting bool          // a kernel is being started
	started  chan struct{} // closed when that start has ended
	closed   bool
	state    string
}

// running is an Execute in flight.
type running struct {
	interrupt chan struct{}
}

// Start starts a kernel process and returns a client connected to it,
// once the kernel has answered kernel_info (so its Environment is known).
// ctx bounds the start, as does Options.StartTimeout.
func Start(ctx context.Context, opts Options) (*Client, error) {
	if len(opts.Command) == 0 {
		exe, err := os.Executable()
		if err != nil {
			return nil, fmt.Errorf("client: finding the kernel's executable: %w", err)
		}
		opts.Command = []string{exe, "kernel"}
	}
	if opts.Dir != "" {
		// The kernel runs in Dir and is told --dir Dir: relative, it
		// would be taken twice.
		dir, err := filepath.Abs(opts.Dir)
		if err != nil {
			return nil, fmt.Errorf("client: %w", err)
		}
		opts.Dir = dir
	}
	if opts.StartTimeout <= 0 {
		opts.StartTimeout = 30 * time.Second
	}
	if opts.InterruptGrace <= 0 {
		opts.InterruptGrace = 3 * time.Second
	}
	c := &Client{opts: opts, exec: make(chan struct{}, 1), state: StateDead}
	if opts.Stderr != nil {
		c.stderr = &lockedWriter{w: opts.Stderr}
	}
	c.life.Lock()
	defer c.life.Unlock()
	if err := c.startLocked(ctx, c.beginStart()); err != nil {
		return nil, err
	}
	return c, nil
}

// beginStart marks the client as starting a kernel: requests wait for the
// start to end (see current). The start must then be ended by
// startLocked.
func (c *Client) beginStart() chan struct{} {
	c.mu.Lock()
	c.starting = true
	started := make(chan struct{})
	c.started = started
	c.mu.Unlock()
	c.updateState()
	return started
}

// startLocked starts a new kernel and makes it current, then closes
// started; c.life is held.
func (c *Client) startLocked(ctx context.Context, started chan struct{}) error {
	defer close(started)
	k, err := startKernel(ctx, &c.opts, c.stderr)
	// The free ports of the connection file are free only until the
	// kernel binds them; another process may take one meanwhile.
	var taken *portTakenError
	for try := 1; try < 4 && errors.As(err, &taken) && ctx.Err() == nil; try++ {
		k, err = startKernel(ctx, &c.opts, c.stderr)
	}
	c.mu.Lock()
	c.starting = false
	if err == nil {
		c.k = k
		c.env = k.env
	}
	c.mu.Unlock()
	c.updateState()
	if err != nil {
		return err
	}
	go func() {
		<-k.dead
		c.updateState()
	}()
	return nil
}

// replace ends kernel old (when it is still the current one) and starts a
// new one. grace > 0 asks old to shut down first.
func (c *Client) replace(ctx context.Context, old *kernel, grace time.Duration) error {
	c.life.Lock()
	defer c.life.Unlock()
	c.mu.Lock()
	closed, cur := c.closed, c.k
	c.mu.Unlock()
	if closed {
		return ErrClosed
	}
	if old != nil && cur != old {
		return nil // replaced already
	}
	// Starting from now, so that a cell queued behind one that the
	// shutdown ends waits for the new kernel.
	started := c.beginStart()
	if cur != nil {
		cur.retire("restart", grace)
	}
	return c.startLocked(ctx, started)
}

// State returns the client's state: StateStarting, StateIdle, StateBusy
// or StateDead.
func (c *Client) State() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.state
}

// updateState works out the state and reports a change to OnState.
func (c *Client) updateState() {
	c.notify.Lock()
	defer c.notify.Unlock()
	c.mu.Lock()
	s := StateIdle
	switch {
	case c.closed:
		s = StateDead
	case c.starting:
		s = StateStarting
	case c.k == nil || c.k.isDead():
		s = StateDead
	case c.run != nil:
		s = StateBusy
	}
	changed := s != c.state
	c.state = s
	c.mu.Unlock()
	if changed && c.opts.OnState != nil {
		c.opts.OnState(s)
	}
}

// Environment returns the environment the kernel reported when it
// started (the most recent kernel's, after a restart).
func (c *Client) Environment() interp.Environment {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.env
}

// Stderr returns the last 64 KB that the current kernel process wrote to
// its stdout and stderr: for reports when it crashed.
func (c *Client) Stderr() string {
	c.mu.Lock()
	k := c.k
	c.mu.Unlock()
	if k == nil {
		return ""
	}
	return k.out.String()
}

// current returns the kernel for a request, or why there is none. While
// a kernel starts (a restart), it waits for it.
func (c *Client) current(ctx context.Context) (*kernel, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for c.starting && !c.closed {
		started := c.started
		c.mu.Unlock()
		select {
		case <-started:
		case <-ctx.Done():
			c.mu.Lock()
			return nil, ctx.Err()
		}
		c.mu.Lock()
	}
	switch {
	case c.closed:
		return nil, ErrClosed
	case c.k == nil:
		return nil, ErrDead
	case c.k.isDead():
		return nil, c.k.deadError()
	}
	return c.k, nil
}

// Execute runs one cell. Each output is handed to emit (when not nil) as
// it arrives, in order, on Execute's goroutine; Execute returns once the
// kernel has replied and said it is idle, so no output is missed.
//
// Cells run one at a time: a call waits for the one before it. If ctx is
// cancelled while the cell runs, Execute interrupts it (as Interrupt
// does) and still waits for its end, then returns the reply with
// ctx.Err(). When the kernel dies or is restarted during the cell, the
// reply has an error output saying so (ErrKernelDied,
// ErrKernelRestarted) and err is nil, unless starting the new kernel
// failed. Otherwise the error is for a cell that could not be sent: the
// client is closed or dead, or ctx ended while waiting for an earlier
// cell or for a restart.
func (c *Client) Execute(ctx context.Context, code string, emit func(interp.Output)) (Reply, error) {
	select {
	case c.exec <- struct{}{}:
	case <-ctx.Done():
		return Reply{}, ctx.Err()
	}
	defer func() { <-c.exec }()
	if err := ctx.Err(); err != nil {
		return Reply{}, err
	}
	k, err := c.current(ctx)
	if err != nil {
		return Reply{}, err
	}
	run := &running{interrupt: make(chan struct{}, 1)}
	c.mu.Lock()
	c.run = run
	c.mu.Unlock()
	c.updateState()
	defer func() {
		c.mu.Lock()
		c.run = nil
		c.mu.Unlock()
		c.updateState()
	}()
	if emit == nil {
		emit = func(interp.Output) {}
	}
	return c.execute(ctx, k, run, code, emit)
}

// execution collects one cell's outputs.
type execution struct {
	r    Reply
	emit func(interp.Output)
}

func (e *execution) add(o interp.Output) {
	e.r.Outputs = append(e.r.Outputs, o)
	if o.Type == interp.Error {
		oc := o
		e.r.Error = &oc
	}
	e.emit(o)
}

// handle takes the iopub messages about the cell; it reports whether the
// kernel said it is idle.
func (e *execution) handle(ms []*jupyter.Message) (idle bool) {
	for _, m := range ms {
		if m.Header.MsgType == "execute_input" {
			// The count, for a cell that never gets its reply.
			var in struct {
				Count int `json:"execution_count"`
			}
			if jupyter.DecodeContent(m, &in) == nil {
				e.r.ExecutionCount = in.Count
			}
			continue
		}
		if m.Header.MsgType == "status" {
			var st struct {
				State string `json:"execution_state"`
			}
			if jupyter.DecodeContent(m, &st) == nil && st.State == "idle" {
				idle = true
			}
			continue
		}
		if o, ok, err := toOutput(m); err == nil && ok {
			e.add(o)
		}
	}
	return idle
}

func (c *Client) execute(ctx context.Context, k *kernel, run *running, code string, emit func(interp.Output)) (Reply, error) {
	e := &execution{emit: emit}
	m := k.newMsg("execute_request", map[string]any{
		"code":             code,
		"silent":           false,
		"store_history":    true,
		"user_expressions": map[string]any{},
		"allow_stdin":      false,
		"stop_on_error":    true,
	})
	id := m.Header.MsgID
	replies, pub := newInbox(), newInbox()
	k.expect(id, replies, pub)
	defer k.forget(id)
	if err := k.send(k.shell, m); err != nil {
		if k.isDead() {
			return c.died(k, e, pub)
		}
		return Reply{}, err
	}

	var (
		reply       *jupyter.Message
		idle        bool
		ctxDone     = ctx.Done()
		ctxErr      error
		interrupted bool
		grace       <-chan time.Time
		idleWait    <-chan time.Time
	)
	interrupt := func() {
		if interrupted || reply != nil {
			return
		}
		interrupted = true
		k.send(k.control, k.newMsg("interrupt_request", struct{}{}))
		grace = time.After(c.opts.InterruptGrace)
	}
	for reply == nil || !idle {
		select {
		case <-pub.ready:
			if e.handle(pub.take()) {
				idle = true
			}
		case <-replies.ready:
			for _, r := range replies.take() {
				if r.Header.MsgType == "execute_reply" && reply == nil {
					reply = r
				}
			}
			if reply != nil && !idle {
				// The idle status follows the reply at once; do not hang
				// on a kernel that forgets it.
				idleWait = time.After(2 * time.Second)
			}
		case <-idleWait:
			idle = true
		case <-ctxDone:
			ctxDone, ctxErr = nil, ctx.Err()
			interrupt()
		case <-run.interrupt:
			interrupt()
		case <-grace:
			r, err := c.restartAfter(ctx, k, e, fmt.Sprintf(
				"the cell did not stop within %v of the interrupt; the kernel was restarted", c.opts.InterruptGrace))
			if err == nil {
				err = ctxErr
			}
			return r, err
		case <-k.dead:
			r, err := c.died(k, e, pub)
			if err == nil {
				err = ctxErr
			}
			return r, err
		}
	}
	e.handle(pub.take()) // anything that came with the idle status

	var rc struct {
		Status         string   `json:"status"`
		ExecutionCount int      `json:"execution_count"`
		EName          string   `json:"ename"`
		EValue         string   `json:"evalue"`
		Traceback      []string `json:"traceback"`
	}
	if err := jupyter.DecodeContent(reply, &rc); err != nil {
		return e.r, fmt.Errorf("client: %w", err)
	}
	e.r.Status, e.r.ExecutionCount = rc.Status, rc.ExecutionCount
	e.r.Device = replyDevice(reply)
	if rc.Status == "error" && e.r.Error == nil {
		// The kernel published no error output: make one from the reply.
		e.add(interp.Output{Type: interp.Error, ErrName: rc.EName, ErrValue: rc.EValue, Traceback: rc.Traceback})
	}
	switch _, retired := k.reason(); {
	case retired == "restart":
		// Restart was called while the cell ran: the kernel stopped the
		// cell before it shut down.
		e.add(interp.Output{Type: interp.Error, ErrName: ErrKernelRestarted,
			ErrValue: "the kernel was restarted while this cell ran (variables are lost)"})
		e.r.Status, e.r.Restarted = "error", true
	case retired == "close":
		e.add(interp.Output{Type: interp.Error, ErrName: ErrKernelRestarted,
			ErrValue: "the kernel was shut down while this cell ran"})
		e.r.Status = "error"
		return e.r, ErrClosed
	case stuck(reply):
		return c.restartAfter(ctx, k, e,
			"the interrupted cell was still running compiled code (such as time.Sleep or a long computation), which cannot be stopped; the kernel was restarted")
	}
	return e.r, ctxErr
}

// replyDevice returns the device an execute_reply says the cell ran on,
// or "".
func replyDevice(reply *jupyter.Message) string {
	wb, _ := reply.Metadata["workbench"].(map[string]any)
	d, _ := wb["device"].(string)
	return d
}

// stuck reports whether an execute_reply says that the interrupted cell
// goes on in compiled code.
func stuck(reply *jupyter.Message) bool {
	wb, _ := reply.Metadata["workbench"].(map[string]any)
	s, _ := wb["stuck"].(bool)
	return s
}

// restartAfter ends a cell whose kernel must be restarted: it kills the
// kernel, starts a new one, and adds the KernelRestarted error.
func (c *Client) restartAfter(ctx context.Context, k *kernel, e *execution, note string) (Reply, error) {
	e.add(interp.Output{Type: interp.Error, ErrName: ErrKernelRestarted,
		ErrValue: "the cell did not stop when interrupted; the kernel was restarted (variables are lost)"})
	e.r.Status, e.r.Restarted, e.r.Note = "error", true, note
	// The restart must not depend on ctx: it may be why we are here.
	err := c.replace(context.WithoutCancel(ctx), k, 0)
	if err != nil {
		e.r.Note += "; starting a new kernel failed: " + err.Error()
	}
	return e.r, err
}

// died ends a cell whose kernel is gone.
func (c *Client) died(k *kernel, e *execution, pub *inbox) (Reply, error) {
	k.waitExit(3 * time.Second)
	// What the kernel sent just before it ended may still be on its way.
	time.Sleep(50 * time.Millisecond)
	e.handle(pub.take())
	e.r.Status = "error"
	why, retired := k.reason()
	switch retired {
	case "close":
		e.add(interp.Output{Type: interp.Error, ErrName: ErrKernelRestarted,
			ErrValue: "the kernel was shut down while this cell ran"})
		return e.r, ErrClosed
	case "restart":
		e.add(interp.Output{Type: interp.Error, ErrName: ErrKernelRestarted,
			ErrValue: "the kernel was restarted while this cell ran (variables are lost)"})
		e.r.Restarted = true
		return e.r, nil
	}
	out := k.out.String()
	msg := fmt.Sprintf("the kernel process ended (%s) while this cell ran", why)
	if s := crashSummary(out); s != "" {
		msg += ": " + s
	}
	var tb []string
	if l := lastLines(out, 40); l != "" {
		tb = strings.Split(l, "\n")
	}
	e.add(interp.Output{Type: interp.Error, ErrName: ErrKernelDied, ErrValue: msg, Traceback: tb})
	e.r.Note = "the kernel is dead: restart it to run more cells"
	return e.r, nil
}

// Interrupt interrupts the running cell, if any: the kernel is asked to
// stop it (on the control channel), and when it has not stopped within
// Options.InterruptGrace the kernel is restarted; the pending Execute
// then ends with a KernelRestarted error and Reply.Restarted set.
// Interrupt does not wait for any of this.
func (c *Client) Interrupt() error {
	c.mu.Lock()
	run, closed := c.run, c.closed
	c.mu.Unlock()
	if closed {
		return ErrClosed
	}
	if run != nil {
		select {
		case run.interrupt <- struct{}{}:
		default:
		}
	}
	return nil
}

// Restart ends the kernel (asking it to shut down, then killing it if it
// has not ended within a short while) and starts a fresh one with the
// same options: the session's variables are lost. A cell running at the
// time ends with a KernelRestarted error. Restart is how a dead client
// comes back to life.
func (c *Client) Restart(ctx context.Context) error {
	return c.replace(ctx, nil, 2*time.Second)
}

// Close shuts the kernel down (killing it if it does not end within a
// few seconds), closes the sockets and removes the connection file. A
// cell running at the time ends with an error output and ErrClosed.
func (c *Client) Close() error {
	c.life.Lock()
	defer c.life.Unlock()
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil
	}
	c.closed = true
	k := c.k
	c.mu.Unlock()
	if k != nil {
		k.retire("close", 2*time.Second)
	}
	c.updateState()
	return nil
}
