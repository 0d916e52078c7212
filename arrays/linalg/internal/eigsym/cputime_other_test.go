//go:build !unix

package eigsym_test

import "time"

var start = time.Now()

// cpuTime is the wall clock where the processor time is not available.
func cpuTime() time.Duration { return time.Since(start) }
