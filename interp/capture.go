package interp

// Capturing what a cell prints.
//
// Where the text of interpreted code goes:
//
//   - fmt.Print*, print and println, and direct writes to os.Stdout
//     (os.Stdout.WriteString, fmt.Fprintln(os.Stdout, ...)): yaegi's
//     Options.Stdout is a temporary file of the session, and yaegi binds the
//     script's os.Stdout to that same *os.File, so all of them land in one
//     file, in the order they were written. The engine reads the file back
//     (a "drain") before every other output, every flushInterval while the
//     cell runs, and when it ends.
//   - log.* goes to yaegi's Options.Stderr, a writer of ours; direct
//     writes to os.Stderr go to a second temporary file, bound in place of
//     the stdlib's os.Stderr symbol.
//   - What is not captured: writes by compiled code (our packages, the
//     standard library called from a script) to the process's own
//     os.Stdout, os.Stderr or file descriptors 1 and 2, and writes to
//     /dev/stdout by name. Those reach the kernel process's real output.
//
// Consecutive writes to the same stream are merged into one Stream output
// in what Run returns; Emit receives the text as it comes, in pieces, at
// most every flushInterval.

import (
	"io"
	"os"
	"regexp"
	"strconv"
	"sync"
	"time"
)

// flushInterval is how often stream text is delivered while a cell runs.
const flushInterval = 50 * time.Millisecond

// truncateAbove is the size of a capture file above which it is emptied
// at the end of a cell.
const truncateAbove = 1 << 20

// fileCapture is a temporary file that interpreted code writes to as its
// os.Stdout or os.Stderr, and that the engine reads back.
type fileCapture struct {
	w    *os.File // the script's end, opened for appending
	r    *os.File // the engine's end
	name string
	read int64 // bytes read so far
	buf  []byte
}

func newFileCapture(pattern string) (*fileCapture, error) {
	r, err := os.CreateTemp("", pattern)
	if err != nil {
		return nil, err
	}
	w, err := os.OpenFile(r.Name(), os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		r.Close()
		os.Remove(r.Name())
		return nil, err
	}
	c := &fileCapture{w: w, r: r, name: r.Name(), buf: make([]byte, 32<<10)}
	// Unix lets an open file be removed at once; elsewhere close does it.
	if os.Remove(c.name) == nil {
		c.name = ""
	}
	return c, nil
}

// drain returns what was written since the last drain.
func (c *fileCapture) drain() []byte {
	var out []byte
	for {
		n, err := c.r.Read(c.buf)
		if n > 0 {
			out = append(out, c.buf[:n]...)
			c.read += int64(n)
		}
		if err != nil || n == 0 {
			return out
		}
	}
}

// reset empties the file once it has grown large; call it only when
// nothing writes to it.
func (c *fileCapture) reset() {
	if c.read < truncateAbove {
		return
	}
	if c.r.Truncate(0) == nil {
		c.r.Seek(0, io.SeekStart)
		c.read = 0
	}
}

func (c *fileCapture) close() {
	c.w.Close()
	c.r.Close()
	if c.name != "" {
		os.Remove(c.name)
	}
}

// frame is one line of the trace that yaegi writes to its stderr as a
// panic unwinds through interpreted functions, innermost first.
type frame struct {
	file      string
	line, col int
	fn        string // "main" for the cell's own top level, else "main.f", "pkg.F"
}

// traceLine matches those lines: "wbcell3/_.go:2:5: panic: main.f(...)".
var traceLine = regexp.MustCompile(`^(\S+\.go):(\d+):(\d+): panic: (.*)\(\.\.\.\)\n?$`)

// collector gathers the outputs of the cell that is running and delivers
// them to the session's Emit and writers.
type collector struct {
	mu   sync.Mutex
	opts *Options

	stdout, stderr *fileCapture

	outs    []Output // everything this cell produced, streams merged
	pending *Output  // stream text not yet delivered to Emit
	trace   []frame  // panic trace lines seen since the last reset
}

// stderrWriter is yaegi's Options.Stderr: log output, and the panic trace
// (which it keeps apart).
type stderrWriter struct{ c *collector }

func (w stderrWriter) Write(p []byte) (int, error) {
	if m := traceLine.FindSubmatch(p); m != nil {
		l, _ := strconv.Atoi(string(m[2]))
		col, _ := strconv.Atoi(string(m[3]))
		w.c.mu.Lock()
		w.c.trace = append(w.c.trace, frame{file: string(m[1]), line: l, col: col, fn: string(m[4])})
		w.c.mu.Unlock()
		return len(p), nil
	}
	w.c.mu.Lock()
	defer w.c.mu.Unlock()
	w.c.drainLocked()
	w.c.streamLocked("stderr", p)
	return len(p), nil
}

// drainLocked moves what the script wrote to its os.Stdout and os.Stderr
// into the outputs.
func (c *collector) drainLocked() {
	if b := c.stdout.drain(); len(b) > 0 {
		c.streamLocked("stdout", b)
	}
	if b := c.stderr.drain(); len(b) > 0 {
		c.streamLocked("stderr", b)
	}
}

// streamLocked appends text to a stream.
func (c *collector) streamLocked(name string, p []byte) {
	if len(p) == 0 {
		return
	}
	if c.pending != nil && c.pending.Name != name {
		c.flushLocked()
	}
	if c.pending == nil {
		c.pending = &Output{Type: Stream, Name: name}
	}
	c.pending.Text += string(p)
	if n := len(c.outs); n > 0 && c.outs[n-1].Type == Stream && c.outs[n-1].Name == name {
		c.outs[n-1].Text += string(p)
	} else {
		c.outs = append(c.outs, Output{Type: Stream, Name: name, Text: string(p)})
	}
}

// flushLocked delivers the pending stream text.
func (c *collector) flushLocked() {
	if c.pending == nil {
		return
	}
	o := *c.pending
	c.pending = nil
	w := c.opts.Stdout
	if o.Name == "stderr" {
		w = c.opts.Stderr
	}
	if w != nil {
		io.WriteString(w, o.Text)
	}
	if c.opts.Emit != nil {
		c.opts.Emit(o)
	}
}

// add records a non-stream output, after the text printed before it.
func (c *collector) add(o Output) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.drainLocked()
	c.flushLocked()
	c.outs = append(c.outs, o)
	if c.opts.Emit != nil {
		c.opts.Emit(o)
	}
}

// tick delivers what has been printed so far.
func (c *collector) tick() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.drainLocked()
	c.flushLocked()
}

// start begins a cell: it delivers text printed in between (by goroutines
// of an earlier cell) with this cell's outputs and starts the flusher,
// which stop ends.
func (c *collector) start() (stop func()) {
	c.mu.Lock()
	c.outs = nil
	c.trace = nil
	c.mu.Unlock()
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(flushInterval)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				c.tick()
			}
		}
	}()
	return func() {
		close(done)
		<-finished
		c.tick()
	}
}

// finish returns the cell's outputs.
func (c *collector) finish() []Output {
	c.mu.Lock()
	defer c.mu.Unlock()
	outs := c.outs
	c.outs = nil
	c.stdout.reset()
	c.stderr.reset()
	return outs
}

// takeTrace returns and forgets the trace lines seen so far.
func (c *collector) takeTrace() []frame {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := c.trace
	c.trace = nil
	return t
}
