package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"workbench/interp"
	"workbench/interp/jupyter"
)

// TestMain makes the test binary a kernel when WORKBENCH_KERNEL_MAIN=1:
// the tests start it with Options.Command = [the test binary], so its
// arguments are those of "workbench kernel".
func TestMain(m *testing.M) {
	if os.Getenv("WORKBENCH_KERNEL_MAIN") == "1" {
		os.Exit(jupyter.Main(os.Args[1:], os.Stdout, os.Stderr))
	}
	if os.Getenv("WORKBENCH_CLIENT_MAIN") == "1" {
		// A client that says its kernel's pid and folder, and waits to
		// be killed.
		c, err := Start(context.Background(), kernelOptions())
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println(c.k.cmd.Process.Pid, c.k.dir)
		select {}
	}
	code := m.Run()
	if sharedClient != nil {
		sharedClient.Close()
	}
	os.Exit(code)
}

// kernelOptions runs this test binary as the kernel, without the GPU
// (opening it makes each kernel start slower); TestReplyDevice starts one
// with it.
func kernelOptions() Options {
	return Options{
		Command:        []string{os.Args[0]},
		Env:            []string{"WORKBENCH_KERNEL_MAIN=1", "WORKBENCH_GPU=off"},
		Workers:        2,
		InterruptGrace: 2 * time.Second,
	}
}

// start starts a kernel that the test closes.
func start(t testing.TB, opts Options) *Client {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := Start(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

var (
	sharedOnce   sync.Once
	sharedClient *Client
	sharedErr    error
)

// shared returns a kernel shared by the tests that do not disturb it (no
// interrupts, restarts or crashes).
func shared(t *testing.T) *Client {
	t.Helper()
	sharedOnce.Do(func() {
		sharedClient, sharedErr = Start(context.Background(), kernelOptions())
	})
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return sharedClient
}

// run executes a cell that must not fail at the protocol level.
func run(t *testing.T, c *Client, code string) Reply {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	r, err := c.Execute(ctx, code, nil)
	if err != nil {
		t.Fatalf("Execute(%q): %v", code, err)
	}
	return r
}

// result is the text/plain of a reply's execute_result, or "".
func result(r Reply) string {
	for _, o := range r.Outputs {
		if o.Type == interp.ExecuteResult {
			return string(o.Data[interp.MIMEText])
		}
	}
	return ""
}

// want checks that a cell's result is want, with no error.
func want(t *testing.T, c *Client, code, want string) {
	t.Helper()
	r := run(t, c, code)
	if r.Error != nil {
		t.Fatalf("%q: %s: %s", code, r.Error.ErrName, r.Error.ErrValue)
	}
	if got := result(r); got != want {
		t.Fatalf("%q: result %q, want %q (outputs %+v)", code, got, want, r.Outputs)
	}
}

func TestStartEnvironment(t *testing.T) {
	c := shared(t)
	env := c.Environment()
	if env.Go == "" || env.OS == "" || env.Workers != 2 {
		t.Errorf("environment %+v: want Go and OS set and 2 workers", env)
	}
	if s := c.State(); s != StateIdle {
		t.Errorf("state %q after start, want idle", s)
	}
}

func TestSeed(t *testing.T) {
	opts := kernelOptions()
	opts.Seed = 42
	c := start(t, opts)
	if s := c.Environment().Seed; s != 42 {
		t.Errorf("environment seed %d, want 42", s)
	}
}

func TestStreamWhileRunning(t *testing.T) {
	c := shared(t)
	var mu sync.Mutex
	var firstEmit time.Time
	var emitted []interp.Output
	code := "import \"time\"\nfor i := 0; i < 3; i++ {\n\tfmt.Println(\"tick\", i)\n\ttime.Sleep(300 * time.Millisecond)\n}"
	r, err := c.Execute(context.Background(), code, func(o interp.Output) {
		mu.Lock()
		defer mu.Unlock()
		if firstEmit.IsZero() {
			firstEmit = time.Now()
		}
		emitted = append(emitted, o)
	})
	done := time.Now()
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != "ok" || r.Error != nil {
		t.Fatalf("status %q, error %+v", r.Status, r.Error)
	}
	var text strings.Builder
	for _, o := range r.Outputs {
		if o.Type != interp.Stream || o.Name != "stdout" {
			t.Errorf("unexpected output %+v", o)
		}
		text.WriteString(o.Text)
	}
	if got := text.String(); got != "tick 0\ntick 1\ntick 2\n" {
		t.Errorf("stdout %q", got)
	}
	mu.Lock()
	defer mu.Unlock()
	if !slices.EqualFunc(emitted, r.Outputs, func(a, b interp.Output) bool { return a.Text == b.Text }) {
		t.Errorf("emitted %+v, reply has %+v", emitted, r.Outputs)
	}
	if firstEmit.IsZero() || done.Sub(firstEmit) < 400*time.Millisecond {
		t.Errorf("the first output came %v before the reply: not streamed while the cell ran", done.Sub(firstEmit))
	}
}

func TestStateAcrossCells(t *testing.T) {
	c := shared(t)
	r1 := run(t, c, "acrossX := 40")
	want(t, c, "func acrossAdd(n int) int { return acrossX + n }\nacrossAdd(2)", "42")
	r3 := run(t, c, "acrossX")
	if r3.ExecutionCount <= r1.ExecutionCount {
		t.Errorf("execution counts %d then %d: want increasing", r1.ExecutionCount, r3.ExecutionCount)
	}
}

func TestErrorOutput(t *testing.T) {
	c := shared(t)
	r := run(t, c, "errY := 1\n_ = errY\nnoSuchFunction()")
	if r.Status != "error" || r.Error == nil {
		t.Fatalf("status %q, error %+v: want an error", r.Status, r.Error)
	}
	if !strings.Contains(r.Error.ErrValue, "line 3") || !strings.Contains(r.Error.ErrValue, "noSuchFunction") {
		t.Errorf("error %s: %q: want line 3 and the name", r.Error.ErrName, r.Error.ErrValue)
	}
	if last := r.Outputs[len(r.Outputs)-1]; last.Type != interp.Error || last.ErrValue != r.Error.ErrValue {
		t.Errorf("the error is not the last output: %+v", r.Outputs)
	}
	// The kernel goes on.
	want(t, c, "1 + 1", "2")
}

func TestRichOutputs(t *testing.T) {
	c := shared(t)
	r := run(t, c, "arrays.Zeros(2, 3)")
	var res *interp.Output
	for i := range r.Outputs {
		if r.Outputs[i].Type == interp.ExecuteResult {
			res = &r.Outputs[i]
		}
	}
	if res == nil {
		t.Fatalf("no execute_result: %+v", r.Outputs)
	}
	var arr map[string]any
	if err := json.Unmarshal(res.Data[interp.MIMEArray], &arr); err != nil {
		t.Errorf("%s is not JSON: %v\n%s", interp.MIMEArray, err, res.Data[interp.MIMEArray])
	}
	if !strings.HasPrefix(string(res.Data[interp.MIMEText]), "array(") {
		t.Errorf("text/plain %q", res.Data[interp.MIMEText])
	}

	r = run(t, c, "fig := plotting.New(plotting.Size(4, 3))\nfig.Axes().Line([]float64{0, 1, 2}, []float64{1, 3, 2})\nfig")
	res = nil
	for i := range r.Outputs {
		if r.Outputs[i].Type == interp.ExecuteResult {
			res = &r.Outputs[i]
		}
	}
	if res == nil {
		t.Fatalf("no execute_result: %+v", r.Outputs)
	}
	if !bytes.HasPrefix(res.Data[interp.MIMEPNG], []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("image/png is not a PNG after decoding: %.20q", res.Data[interp.MIMEPNG])
	}
	if !bytes.Contains(res.Data[interp.MIMESVG], []byte("<svg")) {
		t.Errorf("image/svg+xml: %.60q", res.Data[interp.MIMESVG])
	}
}

func TestInterruptCooperative(t *testing.T) {
	c := start(t, kernelOptions())
	run(t, c, "kept := 7")
	done := make(chan Reply, 1)
	go func() { done <- run(t, c, "for {}") }()
	waitState(t, c, StateBusy)
	time.Sleep(300 * time.Millisecond)
	if err := c.Interrupt(); err != nil {
		t.Fatal(err)
	}
	r := <-done
	if r.Restarted || r.Error == nil || r.Error.ErrName != "Interrupted" {
		t.Fatalf("reply %+v: want an Interrupted error, no restart", r)
	}
	want(t, c, "kept", "7")
}

func TestCancelInterrupts(t *testing.T) {
	c := start(t, kernelOptions())
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	r, err := c.Execute(ctx, "for {}", nil)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err %v, want the context's", err)
	}
	if r.Error == nil || r.Error.ErrName != "Interrupted" {
		t.Errorf("reply %+v: want an Interrupted error", r)
	}
	want(t, c, "3 * 3", "9")
	// A cancelled context before the cell runs: nothing is sent.
	if _, err := c.Execute(ctx, "1", nil); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Execute with a done context: %v", err)
	}
}

func TestInterruptStuckInCompiledCode(t *testing.T) {
	opts := kernelOptions()
	opts.InterruptGrace = time.Second
	c := start(t, opts)
	pid := c.k.cmd.Process.Pid
	run(t, c, "lost := 1")
	done := make(chan Reply, 1)
	go func() { done <- run(t, c, "import \"time\"\ntime.Sleep(time.Hour)") }()
	waitState(t, c, StateBusy)
	time.Sleep(300 * time.Millisecond)
	c.Interrupt()
	r := <-done
	if !r.Restarted {
		t.Fatalf("reply %+v: want a restart", r)
	}
	if r.Error == nil || r.Error.ErrName != ErrKernelRestarted || r.Note == "" {
		t.Errorf("reply %+v: want a KernelRestarted error and a note", r)
	}
	if c.k.cmd.Process.Pid == pid {
		t.Errorf("the same kernel process (pid %d) after a restart", pid)
	}
	if r := run(t, c, "lost"); r.Error == nil {
		t.Errorf("a variable survived the restart: %+v", r.Outputs)
	}
	want(t, c, "2 + 2", "4")
}

func TestGoroutinePanicKillsKernel(t *testing.T) {
	var states []string
	var mu sync.Mutex
	opts := kernelOptions()
	opts.OnState = func(s string) { mu.Lock(); states = append(states, s); mu.Unlock() }
	c := start(t, opts)
	r := run(t, c, "import \"time\"\ngo func() { panic(\"boom\") }()\ntime.Sleep(time.Second)")
	if r.Error == nil || r.Error.ErrName != ErrKernelDied {
		t.Fatalf("reply %+v: want KernelDied", r)
	}
	if r.ExecutionCount != 1 || r.Status != "error" || r.Note == "" || len(r.Error.Traceback) == 0 {
		t.Errorf("reply %+v: want count 1 (from execute_input), status error, a note and the stderr lines", r)
	}
	if !strings.Contains(r.Error.ErrValue, "boom") || !strings.Contains(r.Error.ErrValue, "exit status 2") {
		t.Errorf("KernelDied message %q: want the panic and the exit status", r.Error.ErrValue)
	}
	t.Logf("%s: %s", r.Error.ErrName, r.Error.ErrValue)
	if s := c.State(); s != StateDead {
		t.Errorf("state %q, want dead", s)
	}
	if _, err := c.Execute(context.Background(), "1", nil); !errors.Is(err, ErrDead) {
		t.Errorf("Execute on a dead kernel: %v, want ErrDead", err)
	}
	if _, err := c.Variables(context.Background()); !errors.Is(err, ErrDead) {
		t.Errorf("Variables on a dead kernel: %v, want ErrDead", err)
	}
	if err := c.Restart(context.Background()); err != nil {
		t.Fatal(err)
	}
	want(t, c, "5 + 5", "10")
	mu.Lock()
	defer mu.Unlock()
	if !slices.Equal(states, []string{StateStarting, StateIdle, StateBusy, StateDead, StateStarting, StateIdle, StateBusy, StateIdle}) {
		t.Errorf("states %q", states)
	}
}

func TestComplete(t *testing.T) {
	c := shared(t)
	run(t, c, "completeMe := 1\n_ = completeMe")
	// Text before the cursor that is not ASCII: offsets must come back
	// as bytes.
	code := "s := \"héllo wörld\"\ncomple"
	comp, err := c.Complete(context.Background(), code, len(code))
	if err != nil {
		t.Fatal(err)
	}
	if comp.End != len(code) || comp.Start > comp.End || comp.Start < 0 {
		t.Fatalf("completion replaces [%d, %d) of %d bytes", comp.Start, comp.End, len(code))
	}
	if code[comp.Start:comp.End] != "comple" {
		t.Errorf("completion replaces %q, want %q", code[comp.Start:comp.End], "comple")
	}
	found := false
	for _, m := range comp.Matches {
		found = found || m.Name == "completeMe"
	}
	if !found {
		t.Errorf("matches %+v: no completeMe", comp.Matches)
	}
	// Kinds, signatures and docs come through.
	comp, err = c.Complete(context.Background(), "arrays.Ze", 9)
	if err != nil {
		t.Fatal(err)
	}
	if comp.Start != 7 || comp.End != 9 || len(comp.Matches) == 0 {
		t.Fatalf("completion of arrays.Ze: %+v", comp)
	}
	if m := comp.Matches[0]; m.Name != "Zeros" || m.Kind != "func" || !strings.HasPrefix(m.Signature, "func Zeros(") || m.Doc == "" {
		t.Errorf("first match %+v: want func Zeros with its signature and doc", m)
	}
}

func TestInspectIsComplete(t *testing.T) {
	c := shared(t)
	in, err := c.Inspect(context.Background(), "arrays.Zeros(2)", 9)
	if err != nil {
		t.Fatal(err)
	}
	if !in.Found || in.Name != "arrays.Zeros" || !strings.HasPrefix(in.Signature, "func Zeros(") || in.Doc == "" {
		t.Errorf("inspection %+v: want arrays.Zeros with its signature and doc", in)
	}
	if in, err := c.Inspect(context.Background(), "  ", 1); err != nil || in.Found {
		t.Errorf("inspection of blanks: %+v, %v", in, err)
	}
	status, _, err := c.IsComplete(context.Background(), "x := 1")
	if err != nil {
		t.Fatal(err)
	}
	if status != "complete" {
		t.Errorf("is_complete %q for a complete cell", status)
	}
	status, indent, err := c.IsComplete(context.Background(), "for i := 0; i < 3; i++ {")
	if err != nil {
		t.Fatal(err)
	}
	if status != "incomplete" || indent == "" {
		t.Errorf("is_complete %q, %q for an open brace", status, indent)
	}
}

func TestVariables(t *testing.T) {
	c := shared(t)
	run(t, c, "varsN := 12")
	vars, err := c.Variables(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(vars, func(v interp.Variable) bool { return v.Name == "varsN" })
	if i < 0 || vars[i].Type != "int" || vars[i].Summary != "12" {
		t.Errorf("variables %+v: want varsN int 12", vars)
	}
}

func TestQueuedCells(t *testing.T) {
	c := shared(t)
	var wg sync.WaitGroup
	results := make([]string, 5)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := c.Execute(context.Background(), "import \"time\"\ntime.Sleep(10 * time.Millisecond)\n"+strings.Repeat("1+", i)+"1", nil)
			if err != nil {
				t.Error(err)
			}
			results[i] = result(r)
		}()
	}
	wg.Wait()
	for i, r := range results {
		if want := string(rune('1' + i)); r != want {
			t.Errorf("cell %d: %q, want %q", i, r, want)
		}
	}
}

func TestRestartDuringExecute(t *testing.T) {
	c := start(t, kernelOptions())
	done := make(chan Reply, 1)
	go func() { done <- run(t, c, "for {}") }()
	waitState(t, c, StateBusy)
	// A cell queued behind it waits for the new kernel rather than fail.
	queued := make(chan Reply, 1)
	go func() { queued <- run(t, c, "restarted := 1\nrestarted") }()
	time.Sleep(50 * time.Millisecond)
	if err := c.Restart(context.Background()); err != nil {
		t.Fatal(err)
	}
	r := <-done
	if !r.Restarted || r.Error == nil || r.Error.ErrName != ErrKernelRestarted {
		t.Errorf("reply %+v: want KernelRestarted", r)
	}
	if r := <-queued; r.Error != nil || result(r) != "1" {
		t.Errorf("the queued cell: %+v", r)
	}
	want(t, c, "restarted + 1", "2")
}

func TestStartFails(t *testing.T) {
	opts := kernelOptions()
	opts.Command = []string{os.Args[0], "--no-such-flag"}
	_, err := Start(context.Background(), opts)
	if err == nil || !strings.Contains(err.Error(), "exit status 2") || !strings.Contains(err.Error(), "no-such-flag") {
		t.Errorf("Start with a bad flag: %v", err)
	}
	opts.Command = []string{filepath.Join(t.TempDir(), "no-such-program")}
	if _, err := Start(context.Background(), opts); err == nil {
		t.Errorf("Start with no program: no error")
	}
}

func TestRelativeDir(t *testing.T) {
	parent := t.TempDir()
	if err := os.Mkdir(filepath.Join(parent, "nb"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(parent)
	opts := kernelOptions()
	opts.Dir = "nb"
	c := start(t, opts)
	r := run(t, c, "import \"os\"\nwd, _ := os.Getwd()\nwd")
	wantDir, _ := filepath.EvalSymlinks(filepath.Join(parent, "nb"))
	if got, _ := filepath.EvalSymlinks(result(r)); got != wantDir {
		t.Errorf("the kernel runs in %q (%+v), want %q", result(r), r.Outputs, wantDir)
	}
}

func TestStderrCopied(t *testing.T) {
	opts := kernelOptions()
	var buf syncBuffer
	opts.Stderr = &buf
	c := start(t, opts)
	c.Close()
	if !strings.Contains(buf.String(), "workbench kernel") || !strings.Contains(c.Stderr(), "workbench kernel") {
		t.Errorf("the kernel's log was not copied: %q", buf.String())
	}
}

// waitState waits until c is in state s.
func waitState(t *testing.T, c *Client, s string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); c.State() != s; {
		if time.Now().After(deadline) {
			t.Fatalf("state %q, want %q", c.State(), s)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func BenchmarkTrivialCellRoundTrip(b *testing.B) {
	c, err := Start(context.Background(), kernelOptions())
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		r, err := c.Execute(ctx, "1", nil)
		if err != nil || r.Status != "ok" {
			b.Fatal(err, r)
		}
	}
}
