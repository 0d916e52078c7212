//go:build !amd64 || purego

package kernels

// simdF64 and simdF32 return nil: this build has no vector kernels.
func simdF64() *simdKernels[float64] { return nil }

func simdF32() *simdKernels[float32] { return nil }

// sumBlocksVec is never called without vector kernels.
func sumBlocksVec[T float](dst, src []T, blk int) { panic("kernels: no vector kernels in this build") }
