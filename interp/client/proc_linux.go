package client

import "syscall"

// setDeathSignal has the kernel killed when the process that started it
// ends without closing the client (a crash of the app), so that no
// orphaned kernel keeps its memory. (Linux sends the signal when the
// thread that started the kernel ends: Go ends threads only under
// goroutines that exit locked to them, which Start's callers do not.)
func setDeathSignal(a *syscall.SysProcAttr) {
	a.Pdeathsig = syscall.SIGKILL
}
