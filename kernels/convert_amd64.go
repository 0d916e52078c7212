//go:build !purego

package kernels

import (
	"unsafe"

	"golang.org/x/sys/cpu"
)

//go:generate sh -c "cd _asm/convert && go run . -out ../../convert_amd64.s -stubs ../../convert_stub_amd64.go -pkg kernels"

// hasAVX512DQ says whether the int64 <-> float64 kernels may run (they
// need AVX-512DQ besides AVX-512F); tests switch it off.
var hasAVX512DQ = cpu.X86.HasAVX512DQ

// cvtKernels are the kernels of one conversion at both levels (nil where
// a level has none) and their vector lengths.
type cvtKernels[D, S any] struct {
	k512, k2 func(d []D, s []S)
	l512, l2 int
	dq       bool // k512 needs AVX-512DQ
}

// run converts the leading elements of s into d with the widest kernel
// the switches allow and returns how many it converted (a multiple of the
// vector length).
func (c *cvtKernels[D, S]) run(d []D, s []S) int {
	k, l := c.level()
	if k == nil {
		return 0
	}
	n := len(d) &^ (l - 1)
	if n > 0 {
		k(d[:n], s[:n])
	}
	return n
}

// level returns the widest kernel the switches allow and its vector
// length, or nil.
func (c *cvtKernels[D, S]) level() (func(d []D, s []S), int) {
	switch {
	case useAVX512 && c.k512 != nil && (!c.dq || hasAVX512DQ):
		return c.k512, c.l512
	case useAVX2 && c.k2 != nil:
		return c.k2, c.l2
	}
	return nil, 0
}

var (
	cvtF64F32  = cvtKernels[float32, float64]{k512: cvtF64F32AVX512, k2: cvtF64F32AVX2, l512: 8, l2: 4}
	cvtF32F64  = cvtKernels[float64, float32]{k512: cvtF32F64AVX512, k2: cvtF32F64AVX2, l512: 8, l2: 4}
	cvtI32F64  = cvtKernels[float64, int32]{k512: cvtI32F64AVX512, k2: cvtI32F64AVX2, l512: 8, l2: 4}
	cvtI32F32  = cvtKernels[float32, int32]{k512: cvtI32F32AVX512, k2: cvtI32F32AVX2, l512: 16, l2: 8}
	cvtI64F64  = cvtKernels[float64, int64]{k512: cvtI64F64AVX512, l512: 8, dq: true}
	cvtF64I64  = cvtKernels[int64, float64]{k512: cvtF64I64AVX512, l512: 8, dq: true}
	cvtF64I32  = cvtKernels[int32, float64]{k512: cvtF64I32AVX512, k2: cvtF64I32AVX2, l512: 8, l2: 4}
	cvtF32I32  = cvtKernels[int32, float32]{k512: cvtF32I32AVX512, k2: cvtF32I32AVX2, l512: 16, l2: 8}
	cvtU8F64   = cvtKernels[float64, uint8]{k512: cvtU8F64AVX512, k2: cvtU8F64AVX2, l512: 8, l2: 4}
	cvtI8F64   = cvtKernels[float64, int8]{k512: cvtI8F64AVX512, k2: cvtI8F64AVX2, l512: 8, l2: 4}
	cvtBoolF64 = cvtKernels[float64, bool]{k512: cvtBoolF64AVX512, k2: cvtBoolF64AVX2, l512: 8, l2: 4}
	cvtU8F32   = cvtKernels[float32, uint8]{k512: cvtU8F32AVX512, k2: cvtU8F32AVX2, l512: 16, l2: 8}
	cvtI8F32   = cvtKernels[float32, int8]{k512: cvtI8F32AVX512, k2: cvtI8F32AVX2, l512: 16, l2: 8}
	cvtBoolF32 = cvtKernels[float32, bool]{k512: cvtBoolF32AVX512, k2: cvtBoolF32AVX2, l512: 16, l2: 8}
)

// vecConverter returns the function that converts the leading elements of
// s into d with the vector kernel of the current SIMD level and returns
// how many it converted, or nil where no kernel converts S into D.
func vecConverter[D, S any]() func(d []D, s []S) int {
	var c any
	switch any(*new(D)).(type) {
	case float64:
		switch any(*new(S)).(type) {
		case float32:
			c = &cvtF32F64
		case int32:
			c = &cvtI32F64
		case int64:
			c = &cvtI64F64
		case uint8:
			c = &cvtU8F64
		case int8:
			c = &cvtI8F64
		case bool:
			c = &cvtBoolF64
		}
	case float32:
		switch any(*new(S)).(type) {
		case float64:
			c = &cvtF64F32
		case int32:
			c = &cvtI32F32
		case uint8:
			c = &cvtU8F32
		case int8:
			c = &cvtI8F32
		case bool:
			c = &cvtBoolF32
		}
	case int64:
		if _, ok := any(*new(S)).(float64); ok {
			c = &cvtF64I64
		}
	case int32:
		switch any(*new(S)).(type) {
		case float64:
			c = &cvtF64I32
		case float32:
			c = &cvtF32I32
		}
	}
	k, ok := c.(*cvtKernels[D, S])
	if !ok {
		return nil
	}
	if f, _ := k.level(); f == nil {
		return nil
	}
	return k.run
}

// gatherMin is the shortest strided run that the general gather kernels
// copy; shorter runs are not worth the set-up.
const gatherMin = 16

// useGatherInsn says whether strides other than 2 use the gather
// instructions (measured slower than the Go loop on AMD Zen 4: tests
// switch it on to check the kernels).
var useGatherInsn = false

// vecGather copies s[o+i*st] into d[i] for the leading elements of d with
// a vector kernel and returns how many it copied; T must be a number. The
// caller has checked that the first and the last element are in s. (The
// kernels are called directly, not through function values, so that d may
// live on the caller's stack.)
func vecGather[T any](d, s []T, o, st int) int {
	if !useAVX2 && !useAVX512 {
		return 0
	}
	switch any(d).(type) {
	case []float64, []int64, []uint64, []complex64:
		dd := unsafe.Slice((*uint64)(unsafe.Pointer(unsafe.SliceData(d))), len(d))
		ss := unsafe.Slice((*uint64)(unsafe.Pointer(unsafe.SliceData(s))), len(s))
		return gather64(dd, ss, o, st)
	case []float32, []int32, []uint32:
		dd := unsafe.Slice((*uint32)(unsafe.Pointer(unsafe.SliceData(d))), len(d))
		ss := unsafe.Slice((*uint32)(unsafe.Pointer(unsafe.SliceData(s))), len(s))
		return gather32(dd, ss, o, st)
	}
	return 0
}

// gather64 is vecGather for elements of 8 bytes.
func gather64(d, s []uint64, o, st int) int {
	if st == 2 {
		// The kernel reads whole pairs: the last pair must be in s.
		lanes := 4
		if useAVX512 {
			lanes = 8
		}
		n := min(len(d), (len(s)-o)/2) &^ (lanes - 1)
		if n > 0 {
			if useAVX512 {
				gather64Stride2AVX512(d[:n], s[o:o+2*n])
			} else {
				gather64Stride2AVX2(d[:n], s[o:o+2*n])
			}
		}
		return n
	}
	if !useGatherInsn || len(d) < gatherMin {
		return 0
	}
	idx := gatherIndex(st, 8)
	if useAVX512 {
		n := len(d) &^ 7
		gather64AVX512(d[:n], &s[o], &idx)
		return n
	}
	n := len(d) &^ 3
	gather64AVX2(d[:n], &s[o], &idx)
	return n
}

// gather32 is vecGather for elements of 4 bytes.
func gather32(d, s []uint32, o, st int) int {
	if st == 2 {
		lanes := 8
		if useAVX512 {
			lanes = 16
		}
		n := min(len(d), (len(s)-o)/2) &^ (lanes - 1)
		if n > 0 {
			if useAVX512 {
				gather32Stride2AVX512(d[:n], s[o:o+2*n])
			} else {
				gather32Stride2AVX2(d[:n], s[o:o+2*n])
			}
		}
		return n
	}
	if !useGatherInsn || len(d) < gatherMin {
		return 0
	}
	idx := gatherIndex(st, 4)
	if useAVX512 {
		n := len(d) &^ 7
		gather32AVX512(d[:n], &s[o], &idx)
		return n
	}
	n := len(d) &^ 3
	gather32AVX2(d[:n], &s[o], &idx)
	return n
}

// gatherIndex returns the byte offsets of 8 elements of size bytes, st
// elements apart.
func gatherIndex(st, size int) [8]int64 {
	var idx [8]int64
	for i := range idx {
		idx[i] = int64(i * st * size)
	}
	return idx
}

// hasStride2Sum says whether sumBlocksStride2 may run: at the AVX-512
// level of the block sums.
func hasStride2Sum() bool { return useAVX512 && hasBMI2 }

// sumBlocksStride2 sets dst[k] to the block sum of the values
// src[2*(k*blk+i)], i < blk, with the AVX-512 kernel (called directly, so
// that dst may live on the caller's stack).
func sumBlocksStride2(dst, src []float64, blk int) {
	if blk < 8 || blk%8 != 0 || len(src) < 2*len(dst)*blk {
		panic("kernels: bad block sum")
	}
	sumBlocksStride2F64AVX512(dst, src, blk)
}
