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

// trigBlock is how many elements sinCos64 checks for out-of-range arguments
// before handing them to the assembly kernel as one block.
const trigBlock = 256

// sinCos64 sets dst[i] to Sin64(src[i]) (or Cos64 when cos is set), with
// the AVX2 kernel where the CPU has it. dst and src may be the same slice.
func sinCos64(dst, src []float64, cos bool) {
	if !useAVX2 && !useAVX512 {
		sinCos64Go(dst, src, cos)
		return
	}
	for lo := 0; lo < len(src); lo += trigBlock {
		hi := min(lo+trigBlock, len(src))
		s, d := src[lo:hi], dst[lo:hi]
		inRange := true
		for _, x := range s {
			if !(math.Abs(x) < trigLimit) {
				inRange = false
				break
			}
		}
		n := len(s) &^ 3
		if useAVX512 {
			n = len(s) &^ 7
		}
		if !inRange || n == 0 {
			sinCos64Go(d, s, cos)
			continue
		}
		if useAVX512 {
			sinCosAVX512(d[:n], s[:n], cos)
		} else {
			sinCosAVX2(d[:n], s[:n], cos)
		}
		sinCos64Go(d[n:], s[n:], cos)
	}
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
