package client

import (
	"io"
	"strings"
	"sync"
)

// tailSize is how much of the kernel's output is kept for reports.
const tailSize = 64 << 10

// tail keeps the last bytes written to it and copies everything to w.
type tail struct {
	mu  sync.Mutex
	buf []byte
	max int
	w   io.Writer
}

func newTail(max int, w io.Writer) *tail { return &tail{max: max, w: w} }

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	t.buf = append(t.buf, p...)
	if len(t.buf) > t.max {
		t.buf = append(t.buf[:0:0], t.buf[len(t.buf)-t.max:]...)
	}
	t.mu.Unlock()
	if t.w != nil {
		t.w.Write(p) // the copy is a courtesy: its failure must not stop the kernel
	}
	return len(p), nil
}

// String returns what is kept.
func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf)
}

// lockedWriter serializes writes to w (kernels before and after a restart
// may write at once).
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// lastLines returns the last n non-empty lines of s, joined by newlines.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	var keep []string
	for i := len(lines) - 1; i >= 0 && len(keep) < n; i-- {
		if l := strings.TrimRight(lines[i], " \r\t"); l != "" {
			keep = append(keep, l)
		}
	}
	for i, j := 0, len(keep)-1; i < j; i, j = i+1, j-1 {
		keep[i], keep[j] = keep[j], keep[i]
	}
	return strings.Join(keep, "\n")
}

// firstLines returns the first n non-empty lines of s, and " …" when
// there are more.
func firstLines(s string, n int) string {
	var keep []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimRight(l, " \r\t"); l == "" {
			continue
		}
		if len(keep) == n {
			keep[n-1] += " …"
			break
		}
		keep = append(keep, l)
	}
	return strings.Join(keep, "\n")
}

// crashSummary picks the reason out of what a dying Go process printed:
// the panic or fatal error message (not its stack), or else its last few
// lines.
func crashSummary(out string) string {
	lines := strings.Split(out, "\n")
	start := -1
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.HasPrefix(lines[i], "panic: ") || strings.HasPrefix(lines[i], "fatal error: ") {
			start = i
			break
		}
	}
	if start < 0 {
		return lastLines(out, 5)
	}
	// Nested panics print "panic: a [recovered]" then "\tpanic: b"; the
	// message ends at the blank line before the goroutine dump.
	var msg []string
	for _, l := range lines[start:] {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "goroutine ") || len(msg) == 10 {
			break
		}
		msg = append(msg, l)
	}
	return strings.Join(msg, " ")
}
