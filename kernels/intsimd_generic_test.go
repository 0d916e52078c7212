//go:build !amd64 || purego

package kernels

// vxHasLevel is false: this build has no vector kernels.
func vxHasLevel(level string) bool { return false }
