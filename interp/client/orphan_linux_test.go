package client

import (
	"bufio"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A kernel does not outlive a client process that was killed.
func TestNoOrphanKernel(t *testing.T) {
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "WORKBENCH_CLIENT_MAIN=1")
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		cmd.Process.Kill()
		t.Fatal(err)
	}
	f := strings.Fields(line)
	if len(f) != 2 {
		cmd.Process.Kill()
		t.Fatalf("no pid and folder: %q", line)
	}
	pid, err := strconv.Atoi(f[0])
	if err != nil {
		cmd.Process.Kill()
		t.Fatalf("no pid: %q", line)
	}
	// A killed client cannot remove its connection folder.
	defer os.RemoveAll(f[1])
	if !alive(pid) {
		t.Fatalf("kernel %d not running", pid)
	}
	cmd.Process.Kill()
	cmd.Wait()
	for deadline := time.Now().Add(5 * time.Second); alive(pid); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			syscall.Kill(-pid, syscall.SIGKILL)
			t.Fatalf("kernel %d outlived its client", pid)
		}
	}
}
