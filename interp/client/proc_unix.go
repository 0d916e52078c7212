//go:build unix

package client

import (
	"os"
	"os/exec"
	"syscall"
)

// setProcAttr puts the kernel in a process group of its own: a Ctrl-C at
// the terminal reaches the command line, which interrupts the cell over
// the protocol, rather than the kernel directly; and killing the group
// also ends what the cells started.
func setProcAttr(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	setDeathSignal(cmd.SysProcAttr)
}

// killGroup kills the kernel's process group (the kernel and what its
// cells started).
func killGroup(p *os.Process) {
	syscall.Kill(-p.Pid, syscall.SIGKILL)
}
