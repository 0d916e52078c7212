package ui

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"workbench/interp"
	"workbench/interp/client"
	"workbench/sessions"
)

// shellKernel is a kernel without a process: it records what the shell
// asks of it.
type shellKernel struct {
	mu       sync.Mutex
	dir      string
	seed     uint64
	state    string
	onState  func(string)
	vars     []interp.Variable
	varCalls int
	inspect  interp.Inspection
	executed []string
	closed   bool
}

func (k *shellKernel) Execute(_ context.Context, code string, emit func(interp.Output)) (client.Reply, error) {
	k.mu.Lock()
	k.executed = append(k.executed, code)
	k.mu.Unlock()
	return client.Reply{Status: "ok"}, nil
}
func (k *shellKernel) Interrupt() error                  { return nil }
func (k *shellKernel) Restart(ctx context.Context) error { k.setState("idle"); return nil }
func (k *shellKernel) Complete(context.Context, string, int) (interp.Completion, error) {
	return interp.Completion{}, nil
}
func (k *shellKernel) Inspect(context.Context, string, int) (interp.Inspection, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.inspect, nil
}
func (k *shellKernel) IsComplete(context.Context, string) (string, string, error) {
	return "complete", "", nil
}
func (k *shellKernel) Variables(context.Context) ([]interp.Variable, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.varCalls++
	return k.vars, nil
}
func (k *shellKernel) Environment() interp.Environment {
	return interp.Environment{SIMD: "avx512", Workers: 8, Devices: []string{"cpu"}, Go: "go1.26.8", OS: "linux", Arch: "amd64"}
}
func (k *shellKernel) State() string {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.state
}
func (k *shellKernel) Close() error {
	k.mu.Lock()
	k.closed = true
	k.mu.Unlock()
	k.setState("dead")
	return nil
}

// setState changes the state and tells the shell, as the client does.
func (k *shellKernel) setState(s string) {
	k.mu.Lock()
	k.state = s
	f := k.onState
	k.mu.Unlock()
	if f != nil {
		f(s)
	}
}

func (k *shellKernel) isClosed() bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.closed
}

func (k *shellKernel) ran() []string {
	k.mu.Lock()
	defer k.mu.Unlock()
	return append([]string(nil), k.executed...)
}

// shellHarness is a shell on Fyne's test driver whose calls from other
// goroutines wait in a queue until the test runs them (wait).
type shellHarness struct {
	t        *testing.T
	app      fyne.App
	s        *Shell
	queue    chan func()
	mu       sync.Mutex
	kernels  []*shellKernel
	startErr error
	opts     ShellOptions
}

func newShellHarness(t *testing.T) *shellHarness {
	t.Helper()
	h := &shellHarness{t: t, app: test.NewTempApp(t)}
	h.opts = ShellOptions{
		RecoveryDir:      filepath.Join(t.TempDir(), "recovery"),
		AutosaveInterval: time.Hour,
		AutosaveDelay:    time.Hour,
		MemoryInterval:   -1,
		WorkDir:          t.TempDir(),
	}
	return h
}

// open makes the shell (after the test has set h.opts).
func (h *shellHarness) open() *Shell {
	h.queue = make(chan func(), 10000)
	post := func(f func()) { h.queue <- f }
	h.s = newShell(h.app, h.start, h.opts, post)
	// The view's calls from its goroutines wait in the queue too.
	h.s.view.post = post
	h.t.Cleanup(func() {
		if !h.s.closed {
			h.s.Close()
		}
	})
	return h.s
}

// start is the shellHarness's StartKernel: a fake kernel at once.
func (h *shellHarness) start(ctx context.Context, dir string, seed uint64, onState func(string)) (Kernel, error) {
	if h.startErr != nil {
		return nil, h.startErr
	}
	k := &shellKernel{dir: dir, seed: seed, state: "idle", onState: onState}
	h.mu.Lock()
	h.kernels = append(h.kernels, k)
	h.mu.Unlock()
	return k, nil
}

// kernel returns the i-th kernel started.
func (h *shellHarness) kernel(i int) *shellKernel {
	h.mu.Lock()
	defer h.mu.Unlock()
	if i >= len(h.kernels) {
		return nil
	}
	return h.kernels[i]
}

func (h *shellHarness) started() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.kernels)
}

// wait runs the queued UI calls until cond holds.
func (h *shellHarness) wait(what string, cond func() bool) {
	h.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		select {
		case f := <-h.queue:
			f()
		case <-time.After(2 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// settle runs the queued UI calls for a while.
func (h *shellHarness) settle() {
	end := time.Now().Add(50 * time.Millisecond)
	for time.Now().Before(end) {
		select {
		case f := <-h.queue:
			f()
		case <-time.After(2 * time.Millisecond):
		}
	}
}

// waitKernel waits until the shell has a kernel.
func (h *shellHarness) waitKernel() Kernel {
	h.t.Helper()
	h.wait("the kernel", func() bool { return h.s.Kernel() != nil })
	return h.s.Kernel()
}

// writeShellNotebook saves a Go notebook with the given code cells.
func writeShellNotebook(t *testing.T, path string, cells ...string) *sessions.Notebook {
	t.Helper()
	nb := sessions.New()
	nb.Cells = append(nb.Cells, sessions.NewMarkdown("# A test"))
	for _, c := range cells {
		nb.Cells = append(nb.Cells, sessions.NewCode(c))
	}
	if err := sessions.Save(nb, path); err != nil {
		t.Fatal(err)
	}
	return nb
}

// sources returns the sources of a notebook's cells.
func cellSources(nb *sessions.Notebook) []string {
	var out []string
	for _, c := range nb.Cells {
		out = append(out, string(c.Type)+":"+c.Source)
	}
	return out
}

func hasShellNotice(s *Shell, text string) bool {
	for _, n := range s.Notices() {
		if strings.Contains(n, text) {
			return true
		}
	}
	return false
}

func TestOpenStartsAKernelAndRunsNothing(t *testing.T) {
	h := newShellHarness(t)
	s := h.open()
	dir := t.TempDir()
	p := filepath.Join(dir, "analysis.ipynb")
	writeShellNotebook(t, p, "x := 1", "x + 1")
	if err := s.OpenFile(p); err != nil {
		t.Fatal(err)
	}
	if got, want := s.Title(), "analysis.ipynb — Workbench"; got != want {
		t.Errorf("title %q, want %q", got, want)
	}
	if s.Window().Title() != s.Title() {
		t.Errorf("window title %q, shell title %q", s.Window().Title(), s.Title())
	}
	if !hasShellNotice(s, "This notebook was opened from a file: nothing has run. Run All to run it.") {
		t.Errorf("no untrusted notice: %q", s.Notices())
	}
	h.waitKernel()
	k := h.kernel(0)
	if k.dir != dir {
		t.Errorf("kernel started in %q, want the file's folder %q", k.dir, dir)
	}
	h.settle()
	if ran := k.ran(); len(ran) != 0 {
		t.Errorf("opening ran cells: %q", ran)
	}
	if got := s.View().Document(); len(got.Cells) != 3 {
		t.Errorf("view shows %d cells, want 3", len(got.Cells))
	}
	// Running (the user's choice) takes the notice away.
	s.onRan(1)
	if hasShellNotice(s, "nothing has run") {
		t.Errorf("notice stays after a run: %q", s.Notices())
	}
}

func TestKernelSeedFromFile(t *testing.T) {
	h := newShellHarness(t)
	s := h.open()
	p := filepath.Join(t.TempDir(), "seeded.ipynb")
	nb := writeShellNotebook(t, p, "rng.Random(3)")
	nb.Record = &sessions.Record{}
	seed := uint64(1234)
	nb.Record.Seed = &seed
	if err := sessions.Save(nb, p); err != nil {
		t.Fatal(err)
	}
	if err := s.OpenFile(p); err != nil {
		t.Fatal(err)
	}
	h.waitKernel()
	if got := h.kernel(0).seed; got != 1234 {
		t.Errorf("kernel seed %d, want the file's 1234", got)
	}
}

func TestOpeningAnotherClosesTheKernel(t *testing.T) {
	h := newShellHarness(t)
	s := h.open()
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.ipynb"), filepath.Join(dir, "b.ipynb")
	writeShellNotebook(t, a, "1")
	writeShellNotebook(t, b, "2")
	if err := s.OpenFile(a); err != nil {
		t.Fatal(err)
	}
	h.waitKernel()
	if err := s.OpenFile(b); err != nil {
		t.Fatal(err)
	}
	h.wait("the second kernel", func() bool { return h.started() == 2 && s.Kernel() == Kernel(h.kernel(1)) })
	h.wait("the first kernel to close", h.kernel(0).isClosed)
	s.Close()
	h.wait("the second kernel to close", h.kernel(1).isClosed)
}

func TestRunAllWaitsForTheKernel(t *testing.T) {
	h := newShellHarness(t)
	s := h.open()
	p := filepath.Join(t.TempDir(), "a.ipynb")
	writeShellNotebook(t, p, "1")
	if err := s.OpenFile(p); err != nil {
		t.Fatal(err)
	}
	// The kernel starts off the UI goroutine; Run All asked meanwhile
	// waits for it.
	s.RunAll()
	if !s.Busy() {
		t.Error("Run All before the kernel started: not busy")
	}
	if hasShellNotice(s, "nothing has run") {
		t.Error("Run All leaves the untrusted notice")
	}
	h.waitKernel()
	if len(s.pending) != 0 {
		t.Error("Run All still waits after the kernel started")
	}
}

func TestKernelThatFailsToStart(t *testing.T) {
	h := newShellHarness(t)
	h.startErr = errors.New("no kernel here")
	s := h.open()
	s.New()
	h.wait("the failure", func() bool { return s.kernelState == "failed" })
	if !hasShellNotice(s, "The kernel did not start: no kernel here") {
		t.Errorf("notices %q", s.Notices())
	}
	if !strings.Contains(s.StatusText(), "Kernel failed to start") {
		t.Errorf("status %q", s.StatusText())
	}
	h.startErr = nil
	s.Restart(false)
	h.waitKernel()
	if hasShellNotice(s, "did not start") {
		t.Errorf("notice stays after a successful start: %q", s.Notices())
	}
}

func TestKernelDiesWindowLives(t *testing.T) {
	h := newShellHarness(t)
	s := h.open()
	s.New()
	k := h.waitKernel().(*shellKernel)
	k.setState("dead")
	h.wait("the dead state", func() bool { return s.kernelState == "dead" })
	if !strings.Contains(s.StatusText(), "Kernel dead") {
		t.Errorf("status %q", s.StatusText())
	}
	if !hasShellNotice(s, "The kernel stopped") {
		t.Errorf("notices %q", s.Notices())
	}
	if s.closed {
		t.Error("the window closed")
	}
	k.setState("idle") // as after Kernel ▸ Restart
	h.wait("the idle state", func() bool { return s.kernelState == "idle" })
	if hasShellNotice(s, "The kernel stopped") {
		t.Errorf("notice stays after the restart: %q", s.Notices())
	}
}

func TestExampleOpensUntitled(t *testing.T) {
	h := newShellHarness(t)
	s := h.open()
	if err := s.OpenExample("tour.ipynb"); err != nil {
		t.Fatal(err)
	}
	if s.Path() != "" {
		t.Errorf("example has a path: %q", s.Path())
	}
	if got, want := s.Title(), "tour.ipynb (example) — Workbench"; got != want {
		t.Errorf("title %q, want %q", got, want)
	}
	if !hasShellNotice(s, "nothing has run") {
		t.Errorf("notices %q", s.Notices())
	}
	k := h.waitKernel().(*shellKernel)
	if k.dir != h.opts.WorkDir {
		t.Errorf("kernel dir %q, want the work dir %q", k.dir, h.opts.WorkDir)
	}
	// Save asks where: a dialog.
	s.Save()
	if s.Window().Canvas().Overlays().Top() == nil {
		t.Error("Save of an example shows no Save As dialog")
	}
}

// findShellButton returns the button labelled text in o's tree, or nil.
func findShellButton(o fyne.CanvasObject, text string) *widget.Button {
	switch o := o.(type) {
	case *widget.Button:
		if o.Text == text {
			return o
		}
	case *fyne.Container:
		for _, c := range o.Objects {
			if b := findShellButton(c, text); b != nil {
				return b
			}
		}
	case *shellTint:
		return findShellButton(o.content, text)
	}
	return nil
}

// tapShellButton taps the button labelled text in o's tree.
func tapShellButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	b := findShellButton(o, text)
	if b == nil {
		t.Fatalf("no button %q", text)
	}
	test.Tap(b)
}
