//go:build !amd64 || purego

package kernels

// Without vector kernels the BLAS kernels run the portable Go code.

func dotF64(x, y []float64) float64 { return dotGo(x, y) }

func dotF32(x, y []float32) float32 { return dotGo(x, y) }

func axpyF64(a float64, x, y []float64) { axpyGo(a, x, y) }

func axpyF32(a float32, x, y []float32) { axpyGo(a, x, y) }

func symRowF64(r, x, y []float64, s float64, phase int) float64 {
	return symRowGo(r, x, y, s, phase)
}

func symRowF32(r, x, y []float32, s float32, phase int) float32 {
	return symRowGo(r, x, y, s, phase)
}

func rotF64(x, y []float64, c, s float64) { rotGo(x, y, c, s) }

func rotF32(x, y []float32, c, s float32) { rotGo(x, y, c, s) }

func gemvNF64(a []float64, lda int, x, y []float64, alpha float64) { gemvNGo(a, lda, x, y, alpha) }

func gemvNF32(a []float32, lda int, x, y []float32, alpha float32) { gemvNGo(a, lda, x, y, alpha) }

func gemvTF64(a []float64, lda int, x []float64, alpha float64, y []float64) {
	gemvTGo(a, lda, x, alpha, y)
}

func gemvTF32(a []float32, lda int, x []float32, alpha float32, y []float32) {
	gemvTGo(a, lda, x, alpha, y)
}
