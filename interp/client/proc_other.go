//go:build !unix

package client

import (
	"os"
	"os/exec"
)

func setProcAttr(*exec.Cmd) {}

// killGroup kills the kernel (there are no process groups to kill here).
func killGroup(p *os.Process) { p.Kill() }
