//go:build !purego

package kernels

//go:generate sh -c "cd _asm/blas1 && go run . -out ../../blas1_amd64.s -stubs ../../blas1_stub_amd64.go -pkg kernels"

// blas1Level returns 2 for the AVX-512 kernels of kernels/blas1_amd64.s, 1
// for the AVX2+FMA ones and 0 for portable Go, as useAVX512 and useAVX2
// allow.
func blas1Level() int {
	switch {
	case useAVX512 && hasBMI2:
		return 2
	case useAVX2 && hasFMA:
		return 1
	}
	return 0
}

func dotF64(x, y []float64) float64 {
	switch blas1Level() {
	case 2:
		return dotF64AVX512(x, y)
	case 1:
		return dotF64AVX2(x, y)
	}
	return dotGo(x, y)
}

func dotF32(x, y []float32) float32 {
	switch blas1Level() {
	case 2:
		return dotF32AVX512(x, y)
	case 1:
		return dotF32AVX2(x, y)
	}
	return dotGo(x, y)
}

func axpyF64(a float64, x, y []float64) {
	switch blas1Level() {
	case 2:
		axpyF64AVX512(a, x, y)
	case 1:
		axpyF64AVX2(a, x, y)
	default:
		axpyGo(a, x, y)
	}
}

func axpyF32(a float32, x, y []float32) {
	switch blas1Level() {
	case 2:
		axpyF32AVX512(a, x, y)
	case 1:
		axpyF32AVX2(a, x, y)
	default:
		axpyGo(a, x, y)
	}
}

func symRowF64(r, x, y []float64, s float64, phase int) float64 {
	switch blas1Level() {
	case 2:
		return symRowF64AVX512(r, x, y, s, phase)
	case 1:
		return symRowF64AVX2(r, x, y, s, phase)
	}
	return symRowGo(r, x, y, s, phase)
}

func symRowF32(r, x, y []float32, s float32, phase int) float32 {
	switch blas1Level() {
	case 2:
		return symRowF32AVX512(r, x, y, s, phase)
	case 1:
		return symRowF32AVX2(r, x, y, s, phase)
	}
	return symRowGo(r, x, y, s, phase)
}

func rotF64(x, y []float64, c, s float64) {
	switch blas1Level() {
	case 2:
		rotF64AVX512(x, y, c, s)
	case 1:
		rotF64AVX2(x, y, c, s)
	default:
		rotGo(x, y, c, s)
	}
}

func rotF32(x, y []float32, c, s float32) {
	switch blas1Level() {
	case 2:
		rotF32AVX512(x, y, c, s)
	case 1:
		rotF32AVX2(x, y, c, s)
	default:
		rotGo(x, y, c, s)
	}
}

func gemvNF64(a []float64, lda int, x, y []float64, alpha float64) {
	switch blas1Level() {
	case 2:
		gemvNF64AVX512(a, lda, x, y, alpha)
	case 1:
		gemvNF64AVX2(a, lda, x, y, alpha)
	default:
		gemvNGo(a, lda, x, y, alpha)
	}
}

func gemvTF64(a []float64, lda int, x []float64, alpha float64, y []float64) {
	switch blas1Level() {
	case 2:
		gemvTF64AVX512(a, lda, x, alpha, y)
	case 1:
		gemvTF64AVX2(a, lda, x, alpha, y)
	default:
		gemvTGo(a, lda, x, alpha, y)
	}
}

func gemvNF32(a []float32, lda int, x, y []float32, alpha float32) {
	switch blas1Level() {
	case 2:
		gemvNF32AVX512(a, lda, x, y, alpha)
	case 1:
		gemvNF32AVX2(a, lda, x, y, alpha)
	default:
		gemvNGo(a, lda, x, y, alpha)
	}
}

func gemvTF32(a []float32, lda int, x []float32, alpha float32, y []float32) {
	switch blas1Level() {
	case 2:
		gemvTF32AVX512(a, lda, x, alpha, y)
	case 1:
		gemvTF32AVX2(a, lda, x, alpha, y)
	default:
		gemvTGo(a, lda, x, alpha, y)
	}
}
