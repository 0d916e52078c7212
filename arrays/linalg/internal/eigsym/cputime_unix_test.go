//go:build unix

package eigsym_test

import (
	"syscall"
	"time"
)

// cpuTime returns the processor time of the process so far, user and
// system: on a machine shared with other work it measures a stage better
// than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
