//go:build unix

package client

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// alive reports whether process pid runs (a zombie, ended but not yet
// reaped by whoever inherited it, does not).
func alive(pid int) bool {
	if syscall.Kill(pid, 0) != nil {
		return false
	}
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return !os.IsNotExist(err) // no /proc: trust kill
	}
	// pid (comm) state ...: comm may hold spaces and parentheses.
	s := string(stat)
	i := strings.LastIndexByte(s, ')')
	return i < 0 || i+2 >= len(s) || s[i+2] != 'Z'
}

// Close ends what the cells started too (the kernel's process group).
func TestCloseEndsChildren(t *testing.T) {
	sleep, err := exec.LookPath("sleep")
	if err != nil {
		t.Skip(err)
	}
	c := start(t, kernelOptions())
	r := run(t, c, "import \"os\"\nchild, err := os.StartProcess(\""+sleep+"\", []string{\"sleep\", \"1000\"}, &os.ProcAttr{})\nif err != nil { panic(err) }\nchild.Pid")
	pid, err := strconv.Atoi(result(r))
	if err != nil {
		t.Fatalf("no pid: %+v", r.Outputs)
	}
	if !alive(pid) {
		t.Fatalf("child %d not running", pid)
	}
	c.Close()
	for deadline := time.Now().Add(5 * time.Second); alive(pid); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			syscall.Kill(pid, syscall.SIGKILL)
			t.Fatalf("the cell's child %d outlived Close", pid)
		}
	}
}

func TestCloseLeavesNothing(t *testing.T) {
	c := start(t, kernelOptions())
	pid, dir := c.k.cmd.Process.Pid, c.k.dir
	if !alive(pid) {
		t.Fatalf("kernel %d not running", pid)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if alive(pid) {
		t.Errorf("kernel %d still running after Close", pid)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("connection folder %s: %v, want it gone", dir, err)
	}
	if s := c.State(); s != StateDead {
		t.Errorf("state %q after Close", s)
	}
	if _, err := c.Execute(context.Background(), "1", nil); !errors.Is(err, ErrClosed) {
		t.Errorf("Execute after Close: %v", err)
	}
	if err := c.Restart(context.Background()); !errors.Is(err, ErrClosed) {
		t.Errorf("Restart after Close: %v", err)
	}
	if err := c.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

// A kernel that does not answer the interrupt at all (stopped with
// SIGSTOP here) is killed after InterruptGrace and replaced.
func TestInterruptEscalates(t *testing.T) {
	opts := kernelOptions()
	opts.InterruptGrace = 500 * time.Millisecond
	c := start(t, opts)
	pid := c.k.cmd.Process.Pid
	run(t, c, "gone := 1")
	done := make(chan Reply, 1)
	go func() { done <- run(t, c, "for {}") }()
	waitState(t, c, StateBusy)
	time.Sleep(100 * time.Millisecond)
	if err := syscall.Kill(pid, syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	t0 := time.Now()
	c.Interrupt()
	r := <-done
	if d := time.Since(t0); d < opts.InterruptGrace {
		t.Errorf("restarted after %v, before the grace of %v", d, opts.InterruptGrace)
	}
	if !r.Restarted || r.Error == nil || r.Error.ErrName != ErrKernelRestarted ||
		!strings.Contains(r.Error.ErrValue, "did not stop when interrupted") {
		t.Fatalf("reply %+v: want KernelRestarted", r)
	}
	if alive(pid) {
		t.Errorf("the stopped kernel %d still exists", pid)
	}
	if s := c.State(); s != StateIdle {
		t.Errorf("state %q after the restart", s)
	}
	if r := run(t, c, "gone"); r.Error == nil {
		t.Errorf("a variable survived the restart")
	}
	want(t, c, "6 * 7", "42")
}

// A kernel that stops answering heartbeats while idle is declared dead.
func TestHeartbeatDeath(t *testing.T) {
	defer func(i time.Duration, m int) { hbInterval, hbMisses = i, m }(hbInterval, hbMisses)
	hbInterval, hbMisses = 100*time.Millisecond, 5
	c := start(t, kernelOptions())
	pid := c.k.cmd.Process.Pid
	time.Sleep(300 * time.Millisecond)
	if s := c.State(); s != StateIdle {
		t.Fatalf("state %q with a live kernel (false heartbeat alarm?)", s)
	}
	if err := syscall.Kill(pid, syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	waitState(t, c, StateDead)
	_, err := c.Complete(context.Background(), "x", 1)
	if !errors.Is(err, ErrDead) || !strings.Contains(err.Error(), "heartbeats") {
		t.Errorf("Complete on a silent kernel: %v", err)
	}
	if err := c.Restart(context.Background()); err != nil {
		t.Fatal(err)
	}
	want(t, c, "1", "1")
}
