package fft

import (
	"math"

	"workbench/arrays"
	"workbench/devices"
	"workbench/kernels"
)

// The transforms work on C-ordered Go slices with a shape; a transform
// along axis ax sees the data as outer × n × inner, a "line" being the n
// elements of one (outer, inner) position, inner apart in memory.

// layout returns the counts of lines before and after axis ax.
func layout(shp []int, ax int) (outer, inner int) {
	outer, inner = 1, 1
	for _, d := range shp[:ax] {
		outer *= d
	}
	for _, d := range shp[ax+1:] {
		inner *= d
	}
	return outer, inner
}

// resize returns data with axis ax cropped or zero-padded to length n, and
// the new shape; data itself when the length is n already.
func resize[T any](data []T, shp []int, ax, n int) ([]T, []int) {
	old := shp[ax]
	ns := append([]int{}, shp...)
	ns[ax] = n
	if old == n {
		return data, ns
	}
	outer, inner := layout(shp, ax)
	out := make([]T, outer*n*inner)
	keep := min(old, n) * inner
	for o := range outer {
		copy(out[o*n*inner:o*n*inner+keep], data[o*old*inner:o*old*inner+keep])
	}
	return out, ns
}

// lineGrain is about how many elements one block of lines holds.
const lineGrain = 1 << 14

// forLines runs kern over all lines: in has lines of nIn elements, out of
// nOut, both laid out as outer × len × inner. kern gets count lines one
// after the other in contiguous slices (gathered and scattered when
// inner > 1; the very slices of in and out otherwise). With inPlace (T and
// U the same type) the gathered lines are transformed in their own buffer.
// Blocks of lines run on the shared pool; which lines form a block depends
// on the sizes only, so results do not depend on the worker count.
func forLines[T, U any](in []T, nIn int, out []U, nOut int, outer, inner int, inPlace bool, kern func(in []T, out []U, count int)) {
	if outer == 0 || inner == 0 {
		return
	}
	lb := max(1, lineGrain/max(nIn, nOut, 1))
	if inner == 1 {
		nb := (outer + lb - 1) / lb
		kernels.Parallel(nb, 1, func(_, lo, hi int) {
			for b := lo; b < hi; b++ {
				l0, l1 := b*lb, min(outer, (b+1)*lb)
				kern(in[l0*nIn:l1*nIn], out[l0*nOut:l1*nOut], l1-l0)
			}
		})
		return
	}
	// Gathering 8 lines reads two cache lines of complex128 per step.
	lb = min(lb, inner, 8)
	bpo := (inner + lb - 1) / lb
	nb := outer * bpo
	// At most 32 chunks, so that each allocates its buffers once.
	kernels.Parallel(nb, (nb+31)/32, func(_, lo, hi int) {
		tin, releaseIn := scratch[T](lb * max(nIn, nOut))
		defer releaseIn()
		var tout []U
		if inPlace {
			tout = any(tin).([]U)
		} else {
			var releaseOut func()
			tout, releaseOut = scratch[U](lb * nOut)
			defer releaseOut()
		}
		for b := lo; b < hi; b++ {
			o, i0 := b/bpo, (b%bpo)*lb
			cnt := min(lb, inner-i0)
			src := in[o*nIn*inner:]
			for j := range nIn {
				row := src[j*inner+i0 : j*inner+i0+cnt]
				for c, v := range row {
					tin[c*nIn+j] = v
				}
			}
			kern(tin[:cnt*nIn], tout[:cnt*nOut], cnt)
			dst := out[o*nOut*inner:]
			for j := range nOut {
				row := dst[j*inner+i0 : j*inner+i0+cnt]
				for c := range row {
					row[c] = tout[c*nOut+j]
				}
			}
		}
	})
}

// hostSlice returns n elements for a result that is written whole: recycled
// memory when the arrays' pool has a buffer of that size.
func hostSlice[T complex128 | float64](n int) []T {
	dt := arrays.Float64
	if _, ok := any(*new(T)).(complex128); ok {
		dt = arrays.Complex128
	}
	data, err := devices.HostSlice(dt, n)
	if err != nil {
		panic(err)
	}
	return data.([]T)
}

// scratch returns a buffer of n elements for gathered lines, from the
// plan's buffer cache when T is complex128 (fresh memory costs a page
// fault per page), and the function that gives it back.
func scratch[T any](n int) ([]T, func()) {
	if _, ok := any(*new(T)).(complex128); ok {
		b := getBuf(n)
		return any(*b).([]T), func() { putBuf(b) }
	}
	return make([]T, n), func() {}
}

// normScale returns the factor that the transform of length n is
// multiplied by under norm; inverse is true for the backward direction.
func normScale(op, norm string, n int, inverse bool) float64 {
	switch norm {
	case "", "backward":
		if inverse {
			return 1 / float64(n)
		}
		return 1
	case "ortho":
		return 1 / math.Sqrt(float64(n))
	case "forward":
		if inverse {
			return 1
		}
		return 1 / float64(n)
	}
	panic(argErr(op, "norm", `must be "backward", "ortho" or "forward", not %q`, norm))
}

func scaleC(x []complex128, f float64) {
	if f == 1 {
		return
	}
	split(len(x), func(lo, hi int) {
		for i, v := range x[lo:hi] {
			x[lo+i] = complex(real(v)*f, imag(v)*f)
		}
	})
}

func scaleR(x []float64, f float64) {
	if f == 1 {
		return
	}
	split(len(x), func(lo, hi int) {
		for i := range x[lo:hi] {
			x[lo+i] *= f
		}
	})
}

// c2c transforms data along ax (length shp[ax]) in place.
func c2c(data []complex128, shp []int, ax int, fwd bool, f float64) {
	n := shp[ax]
	outer, inner := layout(shp, ax)
	p := getPlan(n)
	forLines(data, n, data, n, outer, inner, true, func(in, out []complex128, cnt int) {
		if &in[0] != &out[0] {
			copy(out, in)
		}
		for c := range cnt {
			line := out[c*n : (c+1)*n]
			p.exec(line, fwd)
			scaleC(line, f)
		}
	})
}

// r2c is the real forward transform along ax: n real values to n/2+1
// complex ones per line. It overwrites data.
func r2c(data []float64, shp []int, ax int, f float64) ([]complex128, []int) {
	n := shp[ax]
	m := n/2 + 1
	outer, inner := layout(shp, ax)
	ns := append([]int{}, shp...)
	ns[ax] = m
	out := hostSlice[complex128](outer * m * inner) // every element is written
	forLines(data, n, out, m, outer, inner, false, func(in []float64, out []complex128, cnt int) {
		if n%2 == 0 {
			rp := getRealPlan(n)
			for c := range cnt {
				rp.forward(in[c*n:(c+1)*n], out[c*m:(c+1)*m])
			}
		} else {
			for c := 0; c < cnt; c += 2 {
				if c+1 < cnt {
					realPair(in[c*n:(c+1)*n], in[(c+1)*n:(c+2)*n], out[c*m:(c+1)*m], out[(c+1)*m:(c+2)*m])
				} else {
					realPair(in[c*n:(c+1)*n], nil, out[c*m:(c+1)*m], nil)
				}
			}
		}
		scaleC(out[:cnt*m], f)
	})
	return out, ns
}

// c2r is the inverse real transform along ax: the first n/2+1 complex
// values of each line (shp[ax] must be n/2+1) to n real ones.
func c2r(data []complex128, shp []int, ax, n int, f float64) ([]float64, []int) {
	m := n/2 + 1
	outer, inner := layout(shp, ax)
	ns := append([]int{}, shp...)
	ns[ax] = n
	out := hostSlice[float64](outer * n * inner) // every element is written
	forLines(data, m, out, n, outer, inner, false, func(in []complex128, out []float64, cnt int) {
		if n%2 == 0 {
			rp := getRealPlan(n)
			for c := range cnt {
				rp.inverse(in[c*m:(c+1)*m], out[c*n:(c+1)*n])
			}
		} else {
			for c := 0; c < cnt; c += 2 {
				if c+1 < cnt {
					realPairInverse(in[c*m:(c+1)*m], in[(c+1)*m:(c+2)*m], out[c*n:(c+1)*n], out[(c+1)*n:(c+2)*n])
				} else {
					realPairInverse(in[c*m:(c+1)*m], nil, out[c*n:(c+1)*n], nil)
				}
			}
		}
		scaleR(out[:cnt*n], f)
	})
	return out, ns
}
