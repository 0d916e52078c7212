package kernels

import (
	"fmt"
	"unsafe"
)

// The complex matrix multiply runs on the real one. Seen as real numbers,
// a row-major complex m×k matrix A is an m×2k real matrix (each element's
// real and imaginary parts side by side), and so is C (m×2n). Then
//
//	C = A·B  is  C' = A'·B''
//
// with A' and C' those real views, used in place, and B'' the 2k×2n real
// matrix whose row 2l is B's row l as it is, (re, im) pairs, and whose row
// 2l+1 is the pairs (−im, re): the sum over the 2k steps of row i of A'
// times column 2j of B'' is Σ re·re − im·im, the real part of element
// (i, j), and column 2j+1 gives Σ re·im + im·re, its imaginary part. One
// real product of the packed SIMD micro-kernels, the same 8 real flops per
// complex multiply-add as a complex kernel does, with each complex term
// added in turn; every product is formed, so 0·Inf gives NaN. B'' is built
// a panel at a time (one k block of the real kernel by up to a few MiB of
// columns), which costs O(k·n) against the O(m·k·n) product. A with a non-unit column
// stride and a C whose columns are not at unit stride go through a
// contiguous copy.

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
	complexGemm(m, n, k, conjA, af, aOff, aRow, aCol, conjB, bf, bOff, bRow, bCol, cf, cOff, cRow, cCol, GemmStrided64)
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
	complexGemm(m, n, k, conjA, af, aOff, aRow, aCol, conjB, bf, bOff, bRow, bCol, cf, cOff, cRow, cCol, GemmStrided32)
}

// complexPanelBytes bounds the B” panel of complexGemm.
const complexPanelBytes = 2 << 20

// complexGemm computes C = op(A)·op(B) on the real views of complex
// matrices: offsets and strides are in complex elements, a, b and c the
// float views (twice as long). conjA and conjB conjugate the operands.
func complexGemm[T gemmFloat](m, n, k int, conjA bool, a []T, aOff, aRow, aCol int, conjB bool, b []T, bOff, bRow, bCol int, c []T, cOff, cRow, cCol int,
	real func(m, n, k int, alpha T, a []T, aOff, aRow, aCol int, b []T, bOff, bRow, bCol int, beta T, c []T, cOff, cRow, cCol int)) {
	if m == 0 || n == 0 {
		return
	}
	if k == 0 {
		for i := 0; i < m; i++ {
			for j := 0; j < n; j++ {
				o := 2 * (cOff + i*cRow + j*cCol)
				c[o], c[o+1] = 0, 0
			}
		}
		return
	}
	// A's real view needs its pairs side by side along a row.
	if aCol != 1 && k > 1 {
		pa := getGemmBuf[T](2 * m * k)
		defer putGemmBuf(pa)
		for i := 0; i < m; i++ {
			for l := 0; l < k; l++ {
				o := 2 * (aOff + i*aRow + l*aCol)
				pa[2*(i*k+l)], pa[2*(i*k+l)+1] = a[o], a[o+1]
			}
		}
		a, aOff, aRow, aCol = pa, 0, k, 1
	}
	if m == 1 {
		aRow = 0
	}
	// So does C's.
	if cCol != 1 && n > 1 {
		pc := getGemmBuf[T](2 * m * n)
		defer putGemmBuf(pc)
		complexGemm(m, n, k, conjA, a, aOff, aRow, 1, conjB, b, bOff, bRow, bCol, pc, 0, n, 1, real)
		for i := 0; i < m; i++ {
			for j := 0; j < n; j++ {
				o := 2 * (cOff + i*cRow + j*cCol)
				c[o], c[o+1] = pc[2*(i*n+j)], pc[2*(i*n+j)+1]
			}
		}
		return
	}
	if m == 1 {
		cRow = 0
	}
	// A conjugated operand's imaginary parts enter with the opposite sign:
	// row 2l of B'' is (re, sb·im), row 2l+1 is (−sa·sb·im, sa·re).
	var sa, sb T = 1, 1
	if conjA {
		sa = -1
	}
	if conjB {
		sb = -1
	}
	// Panels of B'': kb complex steps (one k block of the real kernel)
	// by up to nb columns, each added into C (beta 1 after the first).
	kb := gemmKC64 / 2
	var zero T
	if _, ok := any(zero).(float32); ok {
		kb = gemmKC32 / 2
	}
	kb = min(k, kb)
	nb := min(n, max(64, complexPanelBytes/(4*kb*int(unsafe.Sizeof(zero)))))
	panel := getGemmBuf[T](4 * kb * nb)
	defer putGemmBuf(panel)
	for j0 := 0; j0 < n; j0 += nb {
		w := min(nb, n-j0)
		for l0 := 0; l0 < k; l0 += kb {
			kw := min(kb, k-l0)
			// The 2kw×2w panel of B'', rows 2w apart, built by all the
			// workers (serial, it would cost a fifth of the product on two).
			Parallel(kw, max(1, 16384/w), func(_, lo, hi int) {
				for l := lo; l < hi; l++ {
					r0 := panel[(2*l)*2*w : (2*l+1)*2*w]
					r1 := panel[(2*l+1)*2*w : (2*l+2)*2*w]
					for j := 0; j < w; j++ {
						o := 2 * (bOff + (l0+l)*bRow + (j0+j)*bCol)
						re, im := b[o], sb*b[o+1]
						r0[2*j], r0[2*j+1] = re, im
						r1[2*j], r1[2*j+1] = -sa*im, sa*re
					}
				}
			})
			var beta T
			if l0 > 0 {
				beta = 1
			}
			real(m, 2*w, 2*kw, 1, a, 2*(aOff+l0), 2*aRow, 1, panel, 0, 2*w, 1, beta, c, 2*(cOff+j0), 2*cRow, 1)
		}
	}
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
		if lo, hi := stridedSpan(off, rs, cs, r, c); lo < 0 || hi >= l {
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
