//go:build !amd64 || purego

package kernels

// sinCos64 sets dst[i] to Sin64(src[i]) (or Cos64 when cos is set).
func sinCos64(dst, src []float64, cos bool) { sinCos64Go(dst, src, cos) }

// SIMDLevel names the widest vector instructions that kernels use: "go",
// portable Go, in this build.
func SIMDLevel() string { return "go" }
