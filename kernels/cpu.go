package kernels

import (
	"runtime"
	"strings"

	"golang.org/x/sys/cpu"
)

// CPUFeatures lists the vector features this CPU reports, such as
// "avx2 fma avx512f".
func CPUFeatures() string {
	var f []string
	switch runtime.GOARCH {
	case "amd64":
		for _, x := range []struct {
			ok   bool
			name string
		}{
			{cpu.X86.HasSSE42, "sse4.2"}, {cpu.X86.HasAVX, "avx"}, {cpu.X86.HasAVX2, "avx2"},
			{cpu.X86.HasFMA, "fma"}, {cpu.X86.HasAVX512F, "avx512f"}, {cpu.X86.HasAVX512BW, "avx512bw"},
			{cpu.X86.HasAVX512DQ, "avx512dq"}, {cpu.X86.HasAVX512VL, "avx512vl"},
			{cpu.X86.HasAVX512VNNI, "avx512vnni"},
		} {
			if x.ok {
				f = append(f, x.name)
			}
		}
	case "arm64":
		for _, x := range []struct {
			ok   bool
			name string
		}{{cpu.ARM64.HasASIMD, "asimd"}, {cpu.ARM64.HasFPHP, "fphp"}, {cpu.ARM64.HasSVE, "sve"}} {
			if x.ok {
				f = append(f, x.name)
			}
		}
	}
	if len(f) == 0 {
		return "none"
	}
	return strings.Join(f, " ")
}
