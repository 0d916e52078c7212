package fft

import (
	"math/bits"

	"workbench/kernels"
)

// fourStep does a length n = n1·n2 as n2 transforms of length n1 (the
// columns of x seen as an n1×n2 matrix), a twiddle multiplication, and n1
// transforms of length n2, so that each small transform works in cache:
//
//	X[k1 + n1·k2] = Σ_j2 W_n2^(j2·k2) · W_n^(j2·k1) · Σ_j1 x[j1·n2 + j2] W_n1^(j1·k1)
//
// Columns are gathered a block at a time into a contiguous buffer, and the
// rows are scattered a block at a time into the transposed result, so that
// memory is read and written in whole cache lines. Both loops run over the
// shared worker pool; each block's arithmetic does not depend on the split.
type fourStep struct {
	n, n1, n2 int
	p1, p2    *plan
	sh        uint
	mask      int
	hi, lo    []complex128 // W_n^e = hi[e>>sh]·lo[e&mask]
}

// blk is how many columns (rows) the four-step algorithm gathers
// (scatters) at a time: 8 complex128 make two cache lines.
const blk = 8

func newFourStep(n, n1 int) *fourStep {
	f := &fourStep{n: n, n1: n1, n2: n / n1}
	f.p1, f.p2 = getPlan(f.n1), getPlan(f.n2)
	f.sh = uint(bits.Len(uint(n))) / 2
	f.mask = 1<<f.sh - 1
	f.lo = make([]complex128, 1<<f.sh)
	for i := range f.lo {
		f.lo[i] = cisNeg(i, n)
	}
	f.hi = make([]complex128, n>>f.sh+1)
	for i := range f.hi {
		f.hi[i] = cisNeg(i<<f.sh, n)
	}
	return f
}

func (f *fourStep) exec(x []complex128, fwd bool) {
	n1, n2 := f.n1, f.n2
	wb := getBuf(f.n)
	w := *wb
	// Step 1: column transforms, twiddles, into w as an n1×n2 matrix.
	nb := (n2 + blk - 1) / blk
	kernels.Parallel(nb, 1, func(_, lo, hi int) {
		bb, sb := getBuf(blk*n1), getBuf(n1)
		buf, scr := *bb, *sb
		for b := lo; b < hi; b++ {
			j0 := b * blk
			bw := min(blk, n2-j0)
			for j1 := 0; j1 < n1; j1++ {
				row := x[j1*n2+j0 : j1*n2+j0+bw]
				for c, v := range row {
					buf[c*n1+j1] = v
				}
			}
			for c := 0; c < bw; c++ {
				f.p1.execWith(buf[c*n1:(c+1)*n1], scr, fwd)
			}
			for k1 := 0; k1 < n1; k1++ {
				dst := w[k1*n2+j0 : k1*n2+j0+bw]
				for c := range dst {
					e := (j0 + c) * k1
					t := f.hi[e>>f.sh] * f.lo[e&f.mask]
					if !fwd {
						t = complex(real(t), -imag(t))
					}
					dst[c] = buf[c*n1+k1] * t
				}
			}
		}
		putBuf(bb)
		putBuf(sb)
	})
	// Step 2: row transforms, scattered into x transposed.
	nr := (n1 + blk - 1) / blk
	kernels.Parallel(nr, 1, func(_, lo, hi int) {
		sb := getBuf(n2)
		scr := *sb
		for b := lo; b < hi; b++ {
			k0 := b * blk
			bw := min(blk, n1-k0)
			for c := 0; c < bw; c++ {
				f.p2.execWith(w[(k0+c)*n2:(k0+c+1)*n2], scr, fwd)
			}
			for k2 := 0; k2 < n2; k2++ {
				dst := x[k2*n1+k0 : k2*n1+k0+bw]
				for c := range dst {
					dst[c] = w[(k0+c)*n2+k2]
				}
			}
		}
		putBuf(sb)
	})
	putBuf(wb)
}
