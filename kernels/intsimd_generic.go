//go:build !amd64 || purego

package kernels

// vxLookup finds no kernel: this build has no vector kernels.
func vxLookup(op vxOp, kind vxKind, form int) vxKernel { return vxKernel{} }
