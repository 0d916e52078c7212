package ui

import (
	"os/exec"
	"testing"
)

func TestKernelRSSFindsTheChild(t *testing.T) {
	if _, ok := kernelRSS(); ok {
		t.Skip("this test process already has a child called kernel")
	}
	// A child whose arguments include "kernel", as the client starts it.
	cmd := exec.Command("/bin/sh", "-c", "sleep 10; true", "kernel")
	if err := cmd.Start(); err != nil {
		t.Skip(err)
	}
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
	}()
	rss, ok := kernelRSS()
	if !ok || rss == 0 {
		t.Fatalf("kernelRSS = %d, %v; want the child's", rss, ok)
	}
	if kernelPID.pid != cmd.Process.Pid {
		t.Errorf("found pid %d, want %d", kernelPID.pid, cmd.Process.Pid)
	}
	// The cached pid is checked again.
	if _, ok := kernelRSS(); !ok {
		t.Error("second reading failed")
	}
}
