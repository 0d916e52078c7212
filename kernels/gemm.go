package kernels

// The matrix multiply (GEMM), the BLIS way: the operands are copied
// ("packed") into panels that a register-blocked micro-kernel streams
// through, in blocks sized for the caches.
//
// The micro-kernel computes one MR×NR tile of C, its vectors along a row
// of the tile and the MR elements of A of each step broadcast. The loops
// around it, for one worker's part of C:
//
//	for pc := 0; pc < k; pc += KC          k blocks: fixed by k alone
//	  pack B[pc:pc+KC, :] into NR-column panels (once, rows read in order)
//	  for ic := 0; ic < m; ic += MC        A block, MC×KC, stays in L3
//	    pack A[ic:ic+MC, pc:pc+KC] into MR-row panels
//	    for jc := 0; jc < n; jc += NC      B block, KC×NC, stays in L2
//	      for ir := 0; ir < MC; ir += MR   A micro-panel, MR×KC, stays in L1
//	        for jr := 0; jr < NC; jr += NR
//	          micro-kernel: C[ir:ir+MR, jr:jr+NR] (+)= A panel · B panel
//
// Each element of A and of B is packed once per worker.
//
// The workers split C into bands of whole tiles (columns when C is wide,
// rows when it is tall); every element of C is computed by the same
// sequence of fused multiply-adds whatever the band, and the k blocks
// depend on k only, so the result is bit-for-bit the same for any number
// of workers. Tiles at the right and bottom edges (and every tile of a C
// whose columns are not at unit stride) are computed into a small
// temporary tile and copied out.

import (
	"fmt"
	"math"
	"sync"
)

// Block sizes, chosen for AMD Zen 5 (L1d 48 KiB, L2 1 MiB per core, L3
// shared): the A micro-panel (MR×KC) fills a third to a half of L1, the
// packed B block (KC×NC, 576 KiB) about 56% of L2, the A block (MC×KC) a
// few MiB of L3. (A sweep of KC from 128 to 1024 moved the speed by less
// than the noise of a loaded machine.) KC must not depend on the kernel
// or the worker count: it fixes how each element's sum is split.
const (
	gemmKC64, gemmNC64 = 384, 192
	gemmKC32, gemmNC32 = 512, 288
	gemmMC             = 576
	// gemmGrainFlops is the least work (multiply-adds) worth a worker.
	gemmGrainFlops = 1 << 20
)

// gemmFloat is the element type of the matrix multiply.
type gemmFloat interface{ ~float32 | ~float64 }

// gemmArch is one micro-kernel: it computes the mr×nr tile at c[0:]
// (rows ldc apart) from k steps of the packed panels a (mr per step) and
// b (nr per step), as gemmKernelGo does.
type gemmArch[T gemmFloat] struct {
	name   string
	mr, nr int
	kernel func(k int, a, b, c []T, ldc int, alpha, beta T, loadC bool)
}

// gemmMat is a strided matrix: element (i, j) is d[off+i*rs+j*cs].
type gemmMat[T gemmFloat] struct {
	d           []T
	off, rs, cs int
}

func (x gemmMat[T]) at(i, j int) T { return x.d[x.off+i*x.rs+j*x.cs] }

// gemmFMA returns x*y+z rounded once for float64; for float32 it rounds the
// float64 result, which differs from a float32 FMA in rare double-rounding
// cases.
func gemmFMA[T gemmFloat](x, y, z T) T {
	return T(math.FMA(float64(x), float64(y), float64(z)))
}

// Gemm64 computes C = alpha·op(A)·op(B) + beta·C for row-major matrices,
// as BLAS's dgemm in row-major order: op(A) is m×k, op(B) k×n, C m×n;
// op(X) is X, or its transpose when transX is set (A is then stored k×m).
// lda, ldb and ldc are the distances between rows. When beta is 0, C is
// not read (NaNs in it are overwritten); when alpha is 0 or k is 0, A and
// B are not read. No product is skipped: 0·Inf gives NaN. For each
// element, in this order:
//
//	var s float64
//	for l := range k { s = math.FMA(a(i, l), b(l, j), s) } // in blocks of KC
//	c[i*ldc+j] = alpha*s                          (beta == 0)
//	c[i*ldc+j] = math.FMA(beta, c[i*ldc+j], alpha*s)  (otherwise)
//
// where the sum runs in blocks of k: as few blocks of at most 384 steps
// as can be, equal but for the last; every block after the first is
// added as with beta = 1. The assembly kernels give the same bits as the
// portable one. The work is split across the shared
// worker pool; the result does not depend on the number of workers.
func Gemm64(transA, transB bool, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	am, bm, cm := blasMats(transA, transB, m, n, k, a, lda, b, ldb, c, ldc)
	gemm(gemmArch64, m, n, k, alpha, am, bm, beta, cm)
}

// Gemm32 is Gemm64 for float32 (k blocks of at most 512 steps).
func Gemm32(transA, transB bool, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) {
	am, bm, cm := blasMats(transA, transB, m, n, k, a, lda, b, ldb, c, ldc)
	gemm(gemmArch32, m, n, k, alpha, am, bm, beta, cm)
}

// GemmStrided64 is Gemm64 for matrices at any strides: element (i, l) of
// the m×k matrix A is a[aOff+i*aRow+l*aCol], element (l, j) of the k×n
// matrix B is b[bOff+l*bRow+j*bCol], and element (i, j) of the m×n matrix C
// is c[cOff+i*cRow+j*cCol]. Strides may be negative or zero (zero only for
// A and B); C's elements must not overlap. A C with unit column stride and
// positive row stride is fastest; transposed or strided A and B cost only
// their packing.
func GemmStrided64(m, n, k int, alpha float64, a []float64, aOff, aRow, aCol int, b []float64, bOff, bRow, bCol int, beta float64, c []float64, cOff, cRow, cCol int) {
	am, bm, cm := stridedMats(m, n, k, a, aOff, aRow, aCol, b, bOff, bRow, bCol, c, cOff, cRow, cCol)
	gemm(gemmArch64, m, n, k, alpha, am, bm, beta, cm)
}

// GemmStrided32 is GemmStrided64 for float32.
func GemmStrided32(m, n, k int, alpha float32, a []float32, aOff, aRow, aCol int, b []float32, bOff, bRow, bCol int, beta float32, c []float32, cOff, cRow, cCol int) {
	am, bm, cm := stridedMats(m, n, k, a, aOff, aRow, aCol, b, bOff, bRow, bCol, c, cOff, cRow, cCol)
	gemm(gemmArch32, m, n, k, alpha, am, bm, beta, cm)
}

// GemmKernel names the micro-kernel that Gemm64 (f64) or Gemm32 uses, and
// its tile, such as "avx512 8x24".
func GemmKernel(f64 bool) string {
	if f64 {
		return fmt.Sprintf("%s %dx%d", gemmArch64.name, gemmArch64.mr, gemmArch64.nr)
	}
	return fmt.Sprintf("%s %dx%d", gemmArch32.name, gemmArch32.mr, gemmArch32.nr)
}

func blasMats[T gemmFloat](transA, transB bool, m, n, k int, a []T, lda int, b []T, ldb int, c []T, ldc int) (am, bm, cm gemmMat[T]) {
	if m < 0 || n < 0 || k < 0 {
		panic(fmt.Sprintf("kernels: gemm: negative size m=%d n=%d k=%d", m, n, k))
	}
	am = blasMat("A", a, lda, m, k, transA)
	bm = blasMat("B", b, ldb, k, n, transB)
	cm = blasMat("C", c, ldc, m, n, false)
	return
}

// blasMat checks the r×c matrix stored row-major with leading dimension
// ld (c×r when trans) and returns it as a gemmMat.
func blasMat[T gemmFloat](name string, d []T, ld, r, c int, trans bool) gemmMat[T] {
	sr, sc := r, c // stored shape
	if trans {
		sr, sc = c, r
	}
	if ld < max(1, sc) {
		panic(fmt.Sprintf("kernels: gemm: leading dimension of %s is %d, less than its %d columns", name, ld, sc))
	}
	if sr > 0 && sc > 0 && len(d) < (sr-1)*ld+sc {
		panic(fmt.Sprintf("kernels: gemm: %s holds %d elements, a %d×%d matrix with leading dimension %d needs %d", name, len(d), sr, sc, ld, (sr-1)*ld+sc))
	}
	if trans {
		return gemmMat[T]{d: d, rs: 1, cs: ld}
	}
	return gemmMat[T]{d: d, rs: ld, cs: 1}
}

func stridedMats[T gemmFloat](m, n, k int, a []T, aOff, aRow, aCol int, b []T, bOff, bRow, bCol int, c []T, cOff, cRow, cCol int) (am, bm, cm gemmMat[T]) {
	if m < 0 || n < 0 || k < 0 {
		panic(fmt.Sprintf("kernels: gemm: negative size m=%d n=%d k=%d", m, n, k))
	}
	am = stridedMat("A", a, aOff, aRow, aCol, m, k)
	bm = stridedMat("B", b, bOff, bRow, bCol, k, n)
	cm = stridedMat("C", c, cOff, cRow, cCol, m, n)
	return
}

// stridedMat checks that every element of the r×c matrix lies in d.
func stridedMat[T gemmFloat](name string, d []T, off, rs, cs, r, c int) gemmMat[T] {
	if r > 0 && c > 0 {
		if lo, hi := stridedSpan(off, rs, cs, r, c); lo < 0 || hi >= len(d) {
			panic(fmt.Sprintf("kernels: gemm: the %d×%d matrix %s at offset %d, strides (%d, %d) reaches elements %d to %d of %d", r, c, name, off, rs, cs, lo, hi, len(d)))
		}
	}
	return gemmMat[T]{d: d, off: off, rs: rs, cs: cs}
}

// stridedSpan returns the lowest and highest index that the r×c matrix
// at off with strides rs and cs (r, c > 0) reaches.
func stridedSpan(off, rs, cs, r, c int) (lo, hi int) {
	lo, hi = off, off
	for _, s := range []int{(r - 1) * rs, (c - 1) * cs} {
		if s < 0 {
			lo += s
		} else {
			hi += s
		}
	}
	return lo, hi
}

// gemmBlocks returns the size of the k blocks: k cut into as few blocks
// of at most kc as can be, of equal size but the last. It depends on k
// and kc only.
func gemmBlocks(k, kc int) int {
	nb := (k + kc - 1) / kc
	return (k + nb - 1) / nb
}

// gemm computes C = alpha·A·B + beta·C with the micro-kernel of arch.
func gemm[T gemmFloat](arch *gemmArch[T], m, n, k int, alpha T, a, b gemmMat[T], beta T, c gemmMat[T]) {
	if m == 0 || n == 0 {
		return
	}
	if k == 0 || alpha == 0 {
		for i := 0; i < m; i++ {
			for j := 0; j < n; j++ {
				p := &c.d[c.off+i*c.rs+j*c.cs]
				if beta == 0 {
					*p = 0
				} else {
					*p *= beta
				}
			}
		}
		return
	}
	var kc, nc int
	if _, ok := any(alpha).(float32); ok {
		kc, nc = gemmKC32, gemmNC32
	} else {
		kc, nc = gemmKC64, gemmNC64
	}
	kc = gemmBlocks(k, kc)
	if m == 1 && b.cs == 1 && n >= 16 {
		// A row vector times row-major B: sweep B's rows in order.
		grain := max(64, gemmGrainFlops/k)
		Parallel(n, grain, func(_, lo, hi int) {
			bb, cc := b, c
			bb.off += lo
			cc.off += lo * c.cs
			gemmRowSweep(hi-lo, k, kc, alpha, a, bb, beta, cc)
		})
		return
	}
	if m == 1 || n == 1 {
		// A vector: packing it into a tile would waste most of the
		// kernel's work.
		grain := max(4, gemmGrainFlops/k)
		Parallel(m*n, grain, func(_, lo, hi int) { gemmThin(lo, hi, n, k, kc, alpha, a, b, beta, c) })
		return
	}
	parts := min(Workers(), max(1, m*n*k/gemmGrainFlops))
	if parts <= 1 {
		gemmSerial(arch, m, n, k, kc, nc, alpha, a, b, beta, c)
		return
	}
	if n >= m {
		// Bands of columns, whole tiles each.
		w := (n + parts - 1) / parts
		w = (w + arch.nr - 1) / arch.nr * arch.nr
		Parallel(n, w, func(_, lo, hi int) {
			bb, cc := b, c
			bb.off += lo * b.cs
			cc.off += lo * c.cs
			gemmSerial(arch, m, hi-lo, k, kc, nc, alpha, a, bb, beta, cc)
		})
		return
	}
	h := (m + parts - 1) / parts
	h = (h + arch.mr - 1) / arch.mr * arch.mr
	Parallel(m, h, func(_, lo, hi int) {
		aa, cc := a, c
		aa.off += lo * a.rs
		cc.off += lo * c.rs
		gemmSerial(arch, hi-lo, n, k, kc, nc, alpha, aa, b, beta, cc)
	})
}

// gemmSerial is the blocked product on one goroutine.
func gemmSerial[T gemmFloat](arch *gemmArch[T], m, n, k, kc, nc int, alpha T, a, b gemmMat[T], beta T, c gemmMat[T]) {
	mr, nr := arch.mr, arch.nr
	mc := min(gemmMC, (m+mr-1)/mr*mr)
	kcMax := min(kc, k)
	nPad := (n + nr - 1) / nr * nr
	buf := getGemmBuf[T](mc*kcMax + nPad*kcMax + mr*nr)
	defer putGemmBuf(buf)
	ap := buf[:mc*kcMax]
	bp := buf[mc*kcMax : mc*kcMax+nPad*kcMax]
	tile := buf[mc*kcMax+nPad*kcMax:]
	direct := c.cs == 1 && c.rs > 0
	for pc := 0; pc < k; pc += kc {
		kb := min(kc, k-pc)
		bt, load := beta, beta != 0
		if pc > 0 {
			bt, load = 1, true
		}
		// All of B's rows pc..pc+kb, once: each block of nc columns is
		// then a contiguous run of panels, brought into L2 by its first use.
		gemmPackB(bp, b, pc, 0, kb, n, nr)
		for ic := 0; ic < m; ic += mc {
			mb := min(mc, m-ic)
			gemmPackA(ap, a, ic, pc, mb, kb, mr)
			for jc := 0; jc < n; jc += nc {
				nb := min(nc, n-jc)
				for ir := 0; ir < mb; ir += mr {
					apan := ap[ir*kb : (ir+mr)*kb]
					rows := min(mr, mb-ir)
					for jr := 0; jr < nb; jr += nr {
						bpan := bp[(jc+jr)*kb : (jc+jr+nr)*kb]
						cols := min(nr, nb-jr)
						ci := c.off + (ic+ir)*c.rs + (jc+jr)*c.cs
						if direct && rows == mr && cols == nr {
							arch.kernel(kb, apan, bpan, c.d[ci:], c.rs, alpha, bt, load)
							continue
						}
						arch.kernel(kb, apan, bpan, tile, nr, alpha, 0, false)
						for i := 0; i < rows; i++ {
							for j := 0; j < cols; j++ {
								p := &c.d[ci+i*c.rs+j*c.cs]
								v := tile[i*nr+j]
								if load {
									v = gemmFMA(bt, *p, v)
								}
								*p = v
							}
						}
					}
				}
			}
		}
	}
}

// gemmThin computes the elements lo..hi-1 (in C order of the m×n C, n
// columns) one by one, with the same arithmetic as the micro-kernels (a
// chain of FMAs per k block, the blocks added in order), four at a time.
func gemmThin[T gemmFloat](lo, hi, n, k, kc int, alpha T, a, b gemmMat[T], beta T, c gemmMat[T]) {
	for e := lo; e < hi; e += 4 {
		cnt := min(4, hi-e)
		var ao, bo, co [4]int
		for q := 0; q < 4; q++ {
			i, j := (e+min(q, cnt-1))/n, (e+min(q, cnt-1))%n
			ao[q], bo[q], co[q] = a.off+i*a.rs, b.off+j*b.cs, c.off+i*c.rs+j*c.cs
		}
		for pc := 0; pc < k; pc += kc {
			kb := min(kc, k-pc)
			var s0, s1, s2, s3 T
			if cnt == 1 && a.cs == 1 && b.rs == 1 {
				as, bs := a.d[ao[0]+pc:ao[0]+pc+kb], b.d[bo[0]+pc:bo[0]+pc+kb]
				for l, av := range as {
					s0 = gemmFMA(av, bs[l], s0)
				}
			} else if cnt == 1 {
				for l := pc; l < pc+kb; l++ {
					s0 = gemmFMA(a.d[ao[0]+l*a.cs], b.d[bo[0]+l*b.rs], s0)
				}
			}
			for l := pc; l < pc+kb && cnt > 1; l++ {
				la, lb := l*a.cs, l*b.rs
				s0 = gemmFMA(a.d[ao[0]+la], b.d[bo[0]+lb], s0)
				s1 = gemmFMA(a.d[ao[1]+la], b.d[bo[1]+lb], s1)
				s2 = gemmFMA(a.d[ao[2]+la], b.d[bo[2]+lb], s2)
				s3 = gemmFMA(a.d[ao[3]+la], b.d[bo[3]+lb], s3)
			}
			acc := [4]T{s0, s1, s2, s3}
			for q := 0; q < cnt; q++ {
				p := &c.d[co[q]]
				v := alpha * acc[q]
				switch {
				case pc > 0:
					v = *p + v
				case beta != 0:
					v = gemmFMA(beta, *p, v)
				}
				*p = v
			}
		}
	}
}

// gemmRowSweep computes the 1×n C = alpha·a·B + beta·C for a B whose
// columns are at unit stride, a row of B at a time: each element gets the
// same chain of FMAs as in the micro-kernels.
func gemmRowSweep[T gemmFloat](n, k, kc int, alpha T, a, b gemmMat[T], beta T, c gemmMat[T]) {
	buf := getGemmBuf[T](n)
	defer putGemmBuf(buf)
	for pc := 0; pc < k; pc += kc {
		kb := min(kc, k-pc)
		acc := buf[:n]
		clear(acc)
		for l := pc; l < pc+kb; l++ {
			av := a.d[a.off+l*a.cs]
			row := b.d[b.off+l*b.rs : b.off+l*b.rs+n]
			gemmAxpy(av, row, acc)
		}
		for j, s := range acc {
			p := &c.d[c.off+j*c.cs]
			v := alpha * s
			switch {
			case pc > 0:
				v = *p + v
			case beta != 0:
				v = gemmFMA(beta, *p, v)
			}
			*p = v
		}
	}
}

// gemmAxpy sets acc[j] = av·row[j] + acc[j], rounded once, with the SIMD
// Axpy kernels (the very operation of the micro-kernels' FMAs).
func gemmAxpy[T gemmFloat](av T, row, acc []T) {
	switch r := any(row).(type) {
	case []float64:
		Axpy64(float64(av), r, any(acc).([]float64))
	case []float32:
		Axpy32(float32(av), r, any(acc).([]float32))
	default:
		for j, bv := range row {
			acc[j] = gemmFMA(av, bv, acc[j])
		}
	}
}

// gemmPackA copies rows [i0, i0+mb) and columns [l0, l0+kb) of a into panels
// of mr rows: panel p holds, for each step l, rows p*mr..p*mr+mr-1 of
// column l0+l, contiguous; rows past mb are zero.
func gemmPackA[T gemmFloat](dst []T, a gemmMat[T], i0, l0, mb, kb, mr int) {
	for p := 0; p < mb; p += mr {
		pan := dst[p*kb : (p+mr)*kb]
		rows := min(mr, mb-p)
		base := a.off + (i0+p)*a.rs + l0*a.cs
		switch {
		case a.rs == 1 && rows == mr:
			for l := 0; l < kb; l++ {
				copy(pan[l*mr:l*mr+mr], a.d[base+l*a.cs:])
			}
		case a.cs == 1 && rows == mr && mr == 8:
			gemmPackRows8(pan, a.d, base, a.rs, kb)
		case a.cs == 1 && rows == mr && mr == 6:
			gemmPackRows6(pan, a.d, base, a.rs, kb)
		case a.cs == 1 && rows == mr && mr == 4:
			gemmPackRows4(pan, a.d, base, a.rs, kb)
		case a.cs == 1:
			for i := 0; i < rows; i++ {
				src := a.d[base+i*a.rs : base+i*a.rs+kb]
				for l, v := range src {
					pan[l*mr+i] = v
				}
			}
		default:
			for i := 0; i < rows; i++ {
				o := base + i*a.rs
				for l := 0; l < kb; l++ {
					pan[l*mr+i] = a.d[o+l*a.cs]
				}
			}
		}
		if rows < mr {
			for l := 0; l < kb; l++ {
				clear(pan[l*mr+rows : l*mr+mr])
			}
		}
	}
}

// gemmPackB copies rows [l0, l0+kb) and columns [j0, j0+nb) of b into panels
// of nr columns: panel q holds, for each step l, columns q*nr..q*nr+nr-1
// of row l0+l, contiguous; columns past nb are zero.
func gemmPackB[T gemmFloat](dst []T, b gemmMat[T], l0, j0, kb, nb, nr int) {
	if b.cs == 1 {
		// Rows at unit stride: read each row's segment once, in order.
		full := nb / nr * nr
		for l := 0; l < kb; l++ {
			o := b.off + (l0+l)*b.rs + j0
			src := b.d[o : o+nb]
			for q := 0; q < full; q += nr {
				copy(dst[q*kb+l*nr:q*kb+l*nr+nr], src[q:q+nr])
			}
			if full < nb {
				p := dst[full*kb+l*nr : full*kb+l*nr+nr]
				copy(p, src[full:])
				clear(p[nb-full:])
			}
		}
		return
	}
	for q := 0; q < nb; q += nr {
		pan := dst[q*kb : (q+nr)*kb]
		cols := min(nr, nb-q)
		base := b.off + l0*b.rs + (j0+q)*b.cs
		switch {
		case b.rs == 1:
			for j := 0; j < cols; j++ {
				o := base + j*b.cs
				src := b.d[o : o+kb]
				for l, v := range src {
					pan[l*nr+j] = v
				}
			}
		default:
			for l := 0; l < kb; l++ {
				o := base + l*b.rs
				for j := 0; j < cols; j++ {
					pan[l*nr+j] = b.d[o+j*b.cs]
				}
			}
		}
		if cols < nr {
			for l := 0; l < kb; l++ {
				clear(pan[l*nr+cols : l*nr+nr])
			}
		}
	}
}

// The portable micro-kernel's tile.
const gemmMRGo, gemmNRGo = 4, 4

// gemmKernelGo is the portable micro-kernel, the reference for the
// assembly ones: for the 4×4 tile,
//
//	acc[i][j] = 0
//	for l := 0; l < k; l++ { acc[i][j] = fma(a[l*4+i], b[l*4+j], acc[i][j]) }
//	c[i*ldc+j] = alpha*acc[i][j]                          (loadC false)
//	c[i*ldc+j] = fma(beta, c[i*ldc+j], alpha*acc[i][j])  (loadC true)
func gemmKernelGo[T gemmFloat](k int, a, b, c []T, ldc int, alpha, beta T, loadC bool) {
	var c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33 T
	a, b = a[:4*k], b[:4*k]
	for l := 0; l < len(a); l += 4 {
		av, bv := a[l:l+4:l+4], b[l:l+4:l+4]
		a0, a1, a2, a3 := av[0], av[1], av[2], av[3]
		b0, b1, b2, b3 := bv[0], bv[1], bv[2], bv[3]
		c00, c01, c02, c03 = gemmFMA(a0, b0, c00), gemmFMA(a0, b1, c01), gemmFMA(a0, b2, c02), gemmFMA(a0, b3, c03)
		c10, c11, c12, c13 = gemmFMA(a1, b0, c10), gemmFMA(a1, b1, c11), gemmFMA(a1, b2, c12), gemmFMA(a1, b3, c13)
		c20, c21, c22, c23 = gemmFMA(a2, b0, c20), gemmFMA(a2, b1, c21), gemmFMA(a2, b2, c22), gemmFMA(a2, b3, c23)
		c30, c31, c32, c33 = gemmFMA(a3, b0, c30), gemmFMA(a3, b1, c31), gemmFMA(a3, b2, c32), gemmFMA(a3, b3, c33)
	}
	acc := [16]T{c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33}
	for i := 0; i < 4; i++ {
		row := c[i*ldc : i*ldc+4]
		for j := range row {
			v := alpha * acc[i*4+j]
			if loadC {
				v = gemmFMA(beta, row[j], v)
			}
			row[j] = v
		}
	}
}

// gemmGo64 and gemmGo32 are the portable kernels.
var (
	gemmGo64 = &gemmArch[float64]{name: "go", mr: gemmMRGo, nr: gemmNRGo, kernel: gemmKernelGo[float64]}
	gemmGo32 = &gemmArch[float32]{name: "go", mr: gemmMRGo, nr: gemmNRGo, kernel: gemmKernelGo[float32]}
)

// gemmPackRows8 packs 8 rows at unit column stride, rs apart from base, of kb
// elements each: dst[l*8+i] = d[base+i*rs+l].
func gemmPackRows8[T gemmFloat](dst, d []T, base, rs, kb int) {
	r0, r1, r2, r3 := d[base:base+kb], d[base+rs:base+rs+kb], d[base+2*rs:base+2*rs+kb], d[base+3*rs:base+3*rs+kb]
	r4, r5, r6, r7 := d[base+4*rs:base+4*rs+kb], d[base+5*rs:base+5*rs+kb], d[base+6*rs:base+6*rs+kb], d[base+7*rs:base+7*rs+kb]
	dst = dst[:8*kb]
	for l := range r0 {
		p := dst[8*l : 8*l+8 : 8*l+8]
		p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7] = r0[l], r1[l], r2[l], r3[l], r4[l], r5[l], r6[l], r7[l]
	}
}

// gemmPackRows6 is gemmPackRows8 for 6 rows.
func gemmPackRows6[T gemmFloat](dst, d []T, base, rs, kb int) {
	r0, r1, r2 := d[base:base+kb], d[base+rs:base+rs+kb], d[base+2*rs:base+2*rs+kb]
	r3, r4, r5 := d[base+3*rs:base+3*rs+kb], d[base+4*rs:base+4*rs+kb], d[base+5*rs:base+5*rs+kb]
	dst = dst[:6*kb]
	for l := range r0 {
		p := dst[6*l : 6*l+6 : 6*l+6]
		p[0], p[1], p[2], p[3], p[4], p[5] = r0[l], r1[l], r2[l], r3[l], r4[l], r5[l]
	}
}

// gemmPackRows4 is gemmPackRows8 for 4 rows.
func gemmPackRows4[T gemmFloat](dst, d []T, base, rs, kb int) {
	r0, r1, r2, r3 := d[base:base+kb], d[base+rs:base+rs+kb], d[base+2*rs:base+2*rs+kb], d[base+3*rs:base+3*rs+kb]
	dst = dst[:4*kb]
	for l := range r0 {
		p := dst[4*l : 4*l+4 : 4*l+4]
		p[0], p[1], p[2], p[3] = r0[l], r1[l], r2[l], r3[l]
	}
}

// The packing buffers are kept for the next product (a fresh one costs a
// page fault per 4 KiB, which can take as long as packing it): up to
// gemmKeep of each type, never dropped by the garbage collector.
const gemmKeep = 4

var gemmBufs struct {
	sync.Mutex
	f64 [][]float64
	f32 [][]float32
}

func getGemmBuf[T gemmFloat](n int) []T {
	gemmBufs.Lock()
	defer gemmBufs.Unlock()
	switch l := any(&gemmBufs.f64).(type) {
	case *[][]T:
		return gemmTakeBuf(l, n)
	}
	return gemmTakeBuf(any(&gemmBufs.f32).(*[][]T), n)
}

// gemmTakeBuf removes from l the smallest buffer of at least n elements, or
// makes one.
func gemmTakeBuf[T gemmFloat](l *[][]T, n int) []T {
	best := -1
	for i, b := range *l {
		if cap(b) >= n && (best < 0 || cap(b) < cap((*l)[best])) {
			best = i
		}
	}
	if best < 0 {
		return make([]T, n)
	}
	b := (*l)[best]
	(*l)[best] = (*l)[len(*l)-1]
	*l = (*l)[:len(*l)-1]
	return b[:n]
}

func putGemmBuf[T gemmFloat](b []T) {
	gemmBufs.Lock()
	defer gemmBufs.Unlock()
	l, ok := any(&gemmBufs.f64).(*[][]T)
	if !ok {
		l = any(&gemmBufs.f32).(*[][]T)
	}
	if len(*l) < gemmKeep {
		*l = append(*l, b)
		return
	}
	// Keep the largest ones.
	small := 0
	for i, x := range *l {
		if cap(x) < cap((*l)[small]) {
			small = i
		}
	}
	if cap(b) > cap((*l)[small]) {
		(*l)[small] = b
	}
}
