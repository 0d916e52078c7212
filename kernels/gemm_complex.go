package kernels

import (
	"fmt"
	"unsafe"
)

// The complex matrix multiply runs on the real one: a complex matrix is two
// real matrices at twice its strides (its real parts at even float
// offsets, its imaginary parts at odd ones), so
//
//	re(C) = re(A)·re(B) − im(A)·im(B)
//	im(C) = re(A)·im(B) + im(A)·re(B)
//
// are four real products with the packed SIMD micro-kernels, the same 8
// real flops per complex multiply-add as a complex kernel does. Each part
// of an element is the two sums formed separately and then subtracted (or
// added), where a complex kernel subtracts term by term: the results agree
// to rounding, and every product is formed, so 0·Inf still gives NaN.

// GemmStridedC128 computes C = A·B for complex128 matrices at any strides,
// with the conventions of GemmStrided64 (beta = 0: C is not read). The
// result does not depend on the number of workers.
func GemmStridedC128(m, n, k int, a []complex128, aOff, aRow, aCol int, b []complex128, bOff, bRow, bCol int, c []complex128, cOff, cRow, cCol int) {
	GemmStridedConjC128(m, n, k, false, a, aOff, aRow, aCol, false, b, bOff, bRow, bCol, c, cOff, cRow, cCol)
}

// GemmStridedConjC128 is GemmStridedC128 with A replaced by its complex
// conjugate when conjA is set, and B by its conjugate when conjB is (BLAS's
// ConjTrans is a conjugated operand at transposed strides).
func GemmStridedConjC128(m, n, k int, conjA bool, a []complex128, aOff, aRow, aCol int, conjB bool, b []complex128, bOff, bRow, bCol int, c []complex128, cOff, cRow, cCol int) {
	checkComplexGemm(m, n, k, len(a), aOff, aRow, aCol, len(b), bOff, bRow, bCol, len(c), cOff, cRow, cCol)
	af := gemmPartsC128(a)
	bf := gemmPartsC128(b)
	cf := gemmPartsC128(c)
	complexGemm(m, n, k, conjA, af, 2*aOff, 2*aRow, 2*aCol, conjB, bf, 2*bOff, 2*bRow, 2*bCol, cf, 2*cOff, 2*cRow, 2*cCol, GemmStrided64)
}

// GemmStridedC64 is GemmStridedC128 for complex64 (on the float32 kernels).
func GemmStridedC64(m, n, k int, a []complex64, aOff, aRow, aCol int, b []complex64, bOff, bRow, bCol int, c []complex64, cOff, cRow, cCol int) {
	GemmStridedConjC64(m, n, k, false, a, aOff, aRow, aCol, false, b, bOff, bRow, bCol, c, cOff, cRow, cCol)
}

// GemmStridedConjC64 is GemmStridedConjC128 for complex64.
func GemmStridedConjC64(m, n, k int, conjA bool, a []complex64, aOff, aRow, aCol int, conjB bool, b []complex64, bOff, bRow, bCol int, c []complex64, cOff, cRow, cCol int) {
	checkComplexGemm(m, n, k, len(a), aOff, aRow, aCol, len(b), bOff, bRow, bCol, len(c), cOff, cRow, cCol)
	af := gemmPartsC64(a)
	bf := gemmPartsC64(b)
	cf := gemmPartsC64(c)
	complexGemm(m, n, k, conjA, af, 2*aOff, 2*aRow, 2*aCol, conjB, bf, 2*bOff, 2*bRow, 2*bCol, cf, 2*cOff, 2*cRow, 2*cCol, GemmStrided32)
}

// complexGemm forms the four real products on the float views of complex
// matrices (offsets and strides already doubled).
func complexGemm[T gemmFloat](m, n, k int, conjA bool, a []T, aOff, aRow, aCol int, conjB bool, b []T, bOff, bRow, bCol int, c []T, cOff, cRow, cCol int,
	real func(m, n, k int, alpha T, a []T, aOff, aRow, aCol int, b []T, bOff, bRow, bCol int, beta T, c []T, cOff, cRow, cCol int)) {
	if m == 0 || n == 0 {
		return
	}
	if k == 0 {
		for i := 0; i < m; i++ {
			for j := 0; j < n; j++ {
				o := cOff + i*cRow + j*cCol
				c[o], c[o+1] = 0, 0
			}
		}
		return
	}
	// An operand's row or column of length 1 may carry any stride (even
	// one that reaches past the buffer when doubled with its offset + 1);
	// give such axes a harmless stride.
	if m == 1 {
		aRow, cRow = 0, 0
	}
	if n == 1 {
		bCol, cCol = 0, 0
	}
	if k == 1 {
		aCol, bRow = 0, 0
	}
	// A conjugated operand's imaginary parts enter with the opposite sign.
	var sa, sb T = 1, 1
	if conjA {
		sa = -1
	}
	if conjB {
		sb = -1
	}
	real(m, n, k, 1, a, aOff, aRow, aCol, b, bOff, bRow, bCol, 0, c, cOff, cRow, cCol)
	real(m, n, k, -sa*sb, a, aOff+1, aRow, aCol, b, bOff+1, bRow, bCol, 1, c, cOff, cRow, cCol)
	real(m, n, k, sb, a, aOff, aRow, aCol, b, bOff+1, bRow, bCol, 0, c, cOff+1, cRow, cCol)
	real(m, n, k, sa, a, aOff+1, aRow, aCol, b, bOff, bRow, bCol, 1, c, cOff+1, cRow, cCol)
}

// checkComplexGemm panics, naming the operand, when a strided complex
// matrix reaches outside its buffer.
func checkComplexGemm(m, n, k, la, aOff, aRow, aCol, lb, bOff, bRow, bCol, lc, cOff, cRow, cCol int) {
	if m < 0 || n < 0 || k < 0 {
		panic(fmt.Sprintf("kernels: complex gemm: negative size m=%d n=%d k=%d", m, n, k))
	}
	check := func(name string, l, off, rs, cs, r, c int) {
		if r == 0 || c == 0 {
			return
		}
		lo, hi := off, off
		for _, s := range []int{(r - 1) * rs, (c - 1) * cs} {
			if s < 0 {
				lo += s
			} else {
				hi += s
			}
		}
		if lo < 0 || hi >= l {
			panic(fmt.Sprintf("kernels: complex gemm: the %d×%d matrix %s at offset %d, strides (%d, %d) reaches elements %d to %d of %d", r, c, name, off, rs, cs, lo, hi, l))
		}
	}
	check("A", la, aOff, aRow, aCol, m, k)
	check("B", lb, bOff, bRow, bCol, k, n)
	check("C", lc, cOff, cRow, cCol, m, n)
}

// gemmPartsC128 views a complex128 slice as its 2·len real and
// imaginary parts.
func gemmPartsC128(s []complex128) []float64 {
	if len(s) == 0 {
		return nil
	}
	return unsafe.Slice((*float64)(unsafe.Pointer(&s[0])), 2*len(s))
}

// gemmPartsC64 views a complex64 slice as its 2·len parts.
func gemmPartsC64(s []complex64) []float32 {
	if len(s) == 0 {
		return nil
	}
	return unsafe.Slice((*float32)(unsafe.Pointer(&s[0])), 2*len(s))
}
