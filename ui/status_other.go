//go:build !linux

package ui

// kernelRSS is unknown outside Linux: the kernel client does not expose
// the kernel's process, and finding it would cost more than it is worth.
func kernelRSS() (uint64, bool) { return 0, false }
