//go:build !purego

package kernels

import (
	"math"

	"golang.org/x/sys/cpu"
)

//go:generate sh -c "cd _asm && go run . -out ../trig_amd64.s -stubs ../trig_stub_amd64.go -pkg kernels"

// useAVX2 and useAVX512 say whether the AVX2 and AVX-512 kernels may run;
// tests switch them off to compare the paths.
var (
	useAVX2   = cpu.X86.HasAVX2
	useAVX512 = cpu.X86.HasAVX512F
)

// trigBlock is how many elements sinCos64 hands to the vector kernel at a
// time (short enough for the goroutine to be preempted between blocks).
const trigBlock = 1024

// sinCos64 sets dst[i] to Sin64(src[i]) (or Cos64 when cos is set), with
// the widest vector kernel the CPU has. dst and src may be the same slice.
func sinCos64(dst, src []float64, cos bool) {
	if !useAVX2 && !useAVX512 {
		sinCos64Go(dst, src, cos)
		return
	}
	f := Sin64
	if cos {
		f = Cos64
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
		if n == 0 || alias && !trigInRange(s) {
			// In place, an out-of-range argument would be overwritten
			// before it could be computed again.
			sinCos64Go(d, s, cos)
			continue
		}
		var bad bool
		if useAVX512 {
			bad = sinCosAVX512(d[:n], s[:n], cos)
		} else {
			bad = sinCosAVX2(d[:n], s[:n], cos)
		}
		if bad {
			for i, x := range s[:n] {
				if !(math.Abs(x) < trigLimit) {
					d[i] = f(x)
				}
			}
		}
		sinCos64Go(d[n:], s[n:], cos)
	}
}

// trigInRange reports whether every argument is below trigLimit in
// magnitude (and so neither NaN nor infinite).
func trigInRange(s []float64) bool {
	for _, x := range s {
		if !(math.Abs(x) < trigLimit) {
			return false
		}
	}
	return true
}

// SIMDLevel names the widest vector instructions that kernels use on this
// CPU: "avx512", "avx2", or "go" for portable Go.
func SIMDLevel() string {
	switch {
	case useAVX512:
		return "avx512"
	case useAVX2:
		return "avx2"
	}
	return "go"
}
