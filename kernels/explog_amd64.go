//go:build !purego

package kernels

//go:generate sh -c "cd _asm/explog && go run . -out ../../explog_amd64.s -stubs ../../explog_stub_amd64.go -pkg kernels"

// exp64 sets dst[i] to Exp64(src[i]), with the widest vector kernel the CPU
// has. dst and src may be the same slice.
func exp64(dst, src []float64) { vecUnary(dst, src, expAVX512, expAVX2, Exp64, expFast) }

// log64 sets dst[i] to Log64(src[i]), with the widest vector kernel the CPU
// has. dst and src may be the same slice.
func log64(dst, src []float64) { vecUnary(dst, src, logAVX512, logAVX2, Log64, logFast) }

// exp32 sets dst[i] to float32(Exp64(float64(src[i]))), with the widest
// vector kernel the CPU has. dst and src may be the same slice.
func exp32(dst, src []float32) { vecUnary(dst, src, exp32AVX512, exp32AVX2, Exp64, expFast) }

// log32 sets dst[i] to float32(Log64(float64(src[i]))), with the widest
// vector kernel the CPU has. dst and src may be the same slice.
func log32(dst, src []float32) { vecUnary(dst, src, log32AVX512, log32AVX2, Log64, logFast) }

// vecUnary sets dst[i] = T(f(float64(src[i]))) with the vector kernel k512 or k2 (as
// useAVX512 and useAVX2 allow), block by block; the lanes where fast(x) is
// false are computed again with f. dst and src may be the same slice.
func vecUnary[T float](dst, src []T, k512, k2 func(d, s []T) bool, f func(float64) float64, fast func(float64) bool) {
	if !useAVX2 && !useAVX512 {
		for i, x := range src {
			dst[i] = T(f(float64(x)))
		}
		return
	}
	lanes := 4
	if useAVX512 {
		lanes = 8
	}
	alias := len(src) > 0 && len(dst) > 0 && &dst[0] == &src[0]
	for lo := 0; lo < len(src); lo += trigBlock {
		hi := min(lo+trigBlock, len(src))
		s, d := src[lo:hi], dst[lo:hi]
		n := len(s) &^ (lanes - 1)
		if n == 0 || alias && !allFast(s, fast) {
			// In place, a lane that needs f would be overwritten
			// before it could be computed again.
			for i, x := range s {
				d[i] = T(f(float64(x)))
			}
			continue
		}
		var bad bool
		if useAVX512 {
			bad = k512(d[:n], s[:n])
		} else {
			bad = k2(d[:n], s[:n])
		}
		if bad {
			for i, x := range s[:n] {
				if !fast(float64(x)) {
					d[i] = T(f(float64(x)))
				}
			}
		}
		for i, x := range s[n:] {
			d[n+i] = T(f(float64(x)))
		}
	}
}

func allFast[T float](s []T, fast func(float64) bool) bool {
	for _, x := range s {
		if !fast(float64(x)) {
			return false
		}
	}
	return true
}
