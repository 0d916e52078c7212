//go:build purego || !amd64

package kernels

func gemmArches64() []*gemmArch[float64] { return []*gemmArch[float64]{gemmGo64} }
func gemmArches32() []*gemmArch[float32] { return []*gemmArch[float32]{gemmGo32} }

// The micro-kernels Gemm64 and Gemm32 use.
var (
	gemmArch64 = gemmGo64
	gemmArch32 = gemmGo32
)
