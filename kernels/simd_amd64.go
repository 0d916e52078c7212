//go:build !purego

package kernels

import "golang.org/x/sys/cpu"

//go:generate sh -c "cd _asm/simd && go run . -out ../../simd_amd64.s -stubs ../../simd_stub_amd64.go -pkg kernels"

// The AVX2 kernels also need FMA (for the fused multiply-add); the AVX-512
// ones BMI2 (for their tail masks). useAVX2 and useAVX512 (trig_amd64.go)
// switch the levels off in tests.
var (
	hasFMA  = cpu.X86.HasFMA
	hasBMI2 = cpu.X86.HasBMI2
)

var (
	avx512F64 = simdKernels[float64]{
		bin:       [numVecOps]func(d, x, y []float64){addF64AVX512, subF64AVX512, mulF64AVX512, divF64AVX512, maxF64AVX512, minF64AVX512},
		binScalar: [numVecOps]func(d, x []float64, s float64){addScalarF64AVX512, subScalarF64AVX512, mulScalarF64AVX512, divScalarF64AVX512, maxScalarF64AVX512, minScalarF64AVX512},
		fma:       fmaF64AVX512, maxReduce: maxReduceF64AVX512, minReduce: minReduceF64AVX512,
		lanes: 8,
	}
	avx2F64 = simdKernels[float64]{
		bin:       [numVecOps]func(d, x, y []float64){addF64AVX2, subF64AVX2, mulF64AVX2, divF64AVX2, maxF64AVX2, minF64AVX2},
		binScalar: [numVecOps]func(d, x []float64, s float64){addScalarF64AVX2, subScalarF64AVX2, mulScalarF64AVX2, divScalarF64AVX2, maxScalarF64AVX2, minScalarF64AVX2},
		fma:       fmaF64AVX2, maxReduce: maxReduceF64AVX2, minReduce: minReduceF64AVX2,
		lanes: 4,
	}
	avx512F32 = simdKernels[float32]{
		bin:       [numVecOps]func(d, x, y []float32){addF32AVX512, subF32AVX512, mulF32AVX512, divF32AVX512, maxF32AVX512, minF32AVX512},
		binScalar: [numVecOps]func(d, x []float32, s float32){addScalarF32AVX512, subScalarF32AVX512, mulScalarF32AVX512, divScalarF32AVX512, maxScalarF32AVX512, minScalarF32AVX512},
		fma:       fmaF32AVX512, maxReduce: maxReduceF32AVX512, minReduce: minReduceF32AVX512,
		lanes: 16,
	}
	avx2F32 = simdKernels[float32]{
		bin:       [numVecOps]func(d, x, y []float32){addF32AVX2, subF32AVX2, mulF32AVX2, divF32AVX2, maxF32AVX2, minF32AVX2},
		binScalar: [numVecOps]func(d, x []float32, s float32){addScalarF32AVX2, subScalarF32AVX2, mulScalarF32AVX2, divScalarF32AVX2, maxScalarF32AVX2, minScalarF32AVX2},
		fma:       fmaF32AVX2, maxReduce: maxReduceF32AVX2, minReduce: minReduceF32AVX2,
		lanes: 8,
	}
)

// simdF64 and simdF32 return the kernels of the widest level this CPU
// allows, or nil for portable Go.
func simdF64() *simdKernels[float64] {
	switch {
	case useAVX512 && hasBMI2:
		return &avx512F64
	case useAVX2 && hasFMA:
		return &avx2F64
	}
	return nil
}

func simdF32() *simdKernels[float32] {
	switch {
	case useAVX512 && hasBMI2:
		return &avx512F32
	case useAVX2 && hasFMA:
		return &avx2F32
	}
	return nil
}

// sumBlocksVec sets dst[k] = blockSum(src[k*blk:(k+1)*blk]) with the
// widest block-sum kernel (calls made directly, so that dst may live on
// the caller's stack).
func sumBlocksVec[T float](dst, src []T, blk int) {
	if blk < 8 || blk%8 != 0 || len(src) < len(dst)*blk {
		panic("kernels: bad block sum")
	}
	switch d := any(dst).(type) {
	case []float64:
		s := any(src).([]float64)
		if useAVX512 && hasBMI2 {
			sumBlocksF64AVX512(d, s, blk)
		} else {
			sumBlocksF64AVX2(d, s, blk)
		}
	case []float32:
		sumBlocksF32AVX2(d, any(src).([]float32), blk)
	}
}
