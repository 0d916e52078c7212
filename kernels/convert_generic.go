//go:build !amd64 || purego

package kernels

// vecConverter returns nil: this build has no vector kernels.
func vecConverter[D, S any]() func(d []D, s []S) int { return nil }

// vecGather copies nothing: this build has no vector kernels.
func vecGather[T any](d, s []T, o, st int) int { return 0 }

// hasStride2Sum is false: this build has no vector kernels.
func hasStride2Sum() bool { return false }

// sumBlocksStride2 is never called without vector kernels.
func sumBlocksStride2(dst, src []float64, blk int) { panic("kernels: no vector kernels in this build") }
