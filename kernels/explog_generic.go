//go:build !amd64 || purego

package kernels

// exp64 sets dst[i] to Exp64(src[i]).
func exp64(dst, src []float64) { exp64Go(dst, src) }

// log64 sets dst[i] to Log64(src[i]).
func log64(dst, src []float64) { log64Go(dst, src) }

// exp32 sets dst[i] to float32(Exp64(float64(src[i]))).
func exp32(dst, src []float32) { exp32Go(dst, src) }

// log32 sets dst[i] to float32(Log64(float64(src[i]))).
func log32(dst, src []float32) { log32Go(dst, src) }
