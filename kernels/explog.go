package kernels

import "math"

// The vector kernels of Exp64 and Log64 (explog_amd64.s, written by the avo
// generator in _asm/explog) mirror the portable code of libm.go operation
// for operation, so that a value's result never depends on where it sits in
// memory or on the CPU's vector width. They handle the common range only;
// the other lanes are computed again with the scalar code.

// expFast reports whether the exp kernels compute Exp64(x) themselves:
// |x| <= 708, where the result is normal and finite (exp(-708) is about
// 3.3e-308).
func expFast(x float64) bool { return math.Abs(x) <= 708 }

// logFast reports whether the log kernels compute Log64(x) themselves: x
// positive, normal and finite.
func logFast(x float64) bool { return x >= 0x1p-1022 && x <= math.MaxFloat64 }

// exp64Go, log64Go, exp32Go and log32Go are the portable loops behind
// exp64, log64, exp32 and log32.
func exp64Go(dst, src []float64) {
	for i, x := range src {
		dst[i] = Exp64(x)
	}
}

func log64Go(dst, src []float64) {
	for i, x := range src {
		dst[i] = Log64(x)
	}
}

func exp32Go(dst, src []float32) {
	for i, x := range src {
		dst[i] = float32(Exp64(float64(x)))
	}
}

func log32Go(dst, src []float32) {
	for i, x := range src {
		dst[i] = float32(Log64(float64(x)))
	}
}
