package kernels

import "math"

// Sine and cosine of float64, computed the same way in every path (portable
// Go, and the AVX2 and AVX-512 assembly mirror these steps operation for
// operation, without fused multiply-adds), so that a value's result never
// depends on whether it sat in a contiguous block or a strided view.
//
// The algorithm is FreeBSD's (msun e_rem_pio2.c medium path, k_sin.c,
// k_cos.c), made branch-free: the argument |x| is reduced by a multiple of
// pi/2 in up to three Cody–Waite rounds, each round's result is computed and
// the one FreeBSD would pick is selected by the cancellation it saw (the
// portable code branches as FreeBSD does, to the same bits); then
// both the sine and the cosine polynomial are evaluated on the reduced
// argument and the quadrant selects one and its sign. Errors stay below one
// ulp. Arguments of magnitude trigLimit or more are reduced exactly with a
// 1200-bit pi/2 (reduceHuge, slow but rare); infinities and NaN give NaN.

const (
	trigLimit = 1.6470993291652855e6 // 2^20 * pi/2

	invPio2 = 6.36619772367581382433e-01 // 2/pi
	pio2_1  = 1.57079632673412561417e+00 // the first 33 bits of pi/2
	pio2_1t = 6.07710050650619224932e-11 // pi/2 - pio2_1
	pio2_2  = 6.07710050630396597660e-11 // the next 33 bits
	pio2_2t = 2.02226624879595063154e-21 // pi/2 - (pio2_1 + pio2_2)
	pio2_3  = 2.02226624871116645580e-21 // the next 33 bits
	pio2_3t = 8.47842766036889956997e-32 // pi/2 - (pio2_1 + pio2_2 + pio2_3)

	sinS1 = -1.66666666666666324348e-01
	sinS2 = 8.33333333332248946124e-03
	sinS3 = -1.98412698298579493134e-04
	sinS4 = 2.75573137070700676789e-06
	sinS5 = -2.50507602534068634195e-08
	sinS6 = 1.58969099521155010221e-10

	cosC1 = 4.16666666666666019037e-02
	cosC2 = -1.38888888888741095749e-03
	cosC3 = 2.48015872894767294178e-05
	cosC4 = -2.75573143513906633035e-07
	cosC5 = 2.08757232129817482790e-09
	cosC6 = -1.13596475577881948265e-11
)

// expOf returns the biased exponent field of x.
func expOf(x float64) int64 { return int64(math.Float64bits(x)>>52) & 0x7ff }

// Sin64 is the sine of x (see the comment above for the algorithm).
func Sin64(x float64) float64 {
	ax := math.Abs(x)
	var n uint64
	var y0, y1 float64
	switch {
	case ax < trigLimit:
		n, y0, y1 = reducePio2(ax)
	case math.IsInf(x, 0) || x != x:
		return x - x
	default:
		n, y0, y1 = reduceHuge(ax)
	}
	r := sinCosQuadrant(n, y0, y1)
	if math.Signbit(x) {
		return -r
	}
	return r
}

// Cos64 is the cosine of x (see the comment above for the algorithm).
func Cos64(x float64) float64 {
	ax := math.Abs(x)
	var n uint64
	var y0, y1 float64
	switch {
	case ax < trigLimit:
		n, y0, y1 = reducePio2(ax)
	case math.IsInf(x, 0) || x != x:
		return x - x
	default:
		n, y0, y1 = reduceHuge(ax)
	}
	return sinCosQuadrant(n+1, y0, y1)
}

// reducePio2 returns n and y0 + y1 = ax - n*pi/2 for 0 <= ax < trigLimit.
func reducePio2(ax float64) (n uint64, y0, y1 float64) {
	fn := math.RoundToEven(float64(ax * invPio2))
	j := expOf(ax)
	// Round 1.
	r := ax - float64(fn*pio2_1) // exact
	w := float64(fn * pio2_1t)
	y0 = r - w
	if j-expOf(y0) > 16 {
		// Round 2, only near multiples of pi/2 (the vector kernels compute
		// it always and select it by the same test).
		t := r
		p := float64(fn * pio2_2)
		r = t - p
		w = float64(fn*pio2_2t) - ((t - r) - p)
		y0 = r - w
		if j-expOf(y0) > 49 {
			// Round 3.
			t = r
			p = float64(fn * pio2_3)
			r = t - p
			w = float64(fn*pio2_3t) - ((t - r) - p)
			y0 = r - w
		}
	}
	y1 = (r - y0) - w
	return uint64(int64(fn)), y0, y1
}

// sinCosQuadrant returns sin(n*pi/2 + y0 + y1) for |y0 + y1| <= pi/4.
func sinCosQuadrant(n uint64, y0, y1 float64) float64 {
	z := float64(y0 * y0)
	w := float64(z * z)
	// k_sin.c with a tail.
	rs := sinS2 + float64(z*(sinS3+float64(z*sinS4))) + float64(float64(z*w)*(sinS5+float64(z*sinS6)))
	v := float64(z * y0)
	s := y0 - ((float64(z*(float64(0.5*y1)-float64(v*rs))) - y1) - float64(v*sinS1))
	// k_cos.c.
	rc := float64(z*(cosC1+float64(z*(cosC2+float64(z*cosC3))))) + float64(float64(w*w)*(cosC4+float64(z*(cosC5+float64(z*cosC6)))))
	hz := float64(0.5 * z)
	wc := 1 - hz
	c := wc + (((1 - wc) - hz) + (float64(z*rc) - float64(y0*y1)))
	r := s
	if n&1 == 1 {
		r = c
	}
	if n&2 == 2 {
		r = -r
	}
	return r
}

// sinCos32 sets dst[i] to float32(Sin64(float64(src[i]))) (or Cos64 when
// cos is set): blocks widened into a buffer (with the vector conversions)
// go through the float64 vector kernel, which gives Sin64's very bits, so
// the result is the scalar path's, four times sooner. dst and src may be
// the same slice.
func sinCos32(dst, src []float32, cos bool) {
	widened(dst, src, func(d, s []float64) { sinCos64(d, s, cos) })
}

// widened sets dst[i] to float32(f64(float64(src[i]))) for a float64
// vector function f64: blocks widened into a buffer with the vector
// conversions, computed, narrowed back. dst and src may be the same slice.
func widened(dst, src []float32, f64 func(d, s []float64)) {
	bufs := getStridedBufs[float64]()
	defer putStridedBufs(bufs)
	in, out := bufs[0][:], bufs[1][:]
	widen, narrow := withVec(convertLoop[float64, float32]), withVec(convertLoop[float32, float64])
	for lo := 0; lo < len(src); lo += len(in) {
		hi := min(lo+len(in), len(src))
		b, c := in[:hi-lo], out[:hi-lo]
		widen(b, src[lo:hi])
		f64(c, b)
		narrow(dst[lo:hi], c)
	}
}

// tan64 sets dst[i] to Tan64(src[i]) with the sine and cosine vector
// kernels: Sin64(x)/Cos64(x) divides the very polynomials Tan64 divides,
// with signs that cancel as Tan64's quadrant rule does, so the bits are
// Tan64's (below 2^-27, where Tan64 returns x, so does this). dst and src
// may be the same slice.
func tan64(dst, src []float64) {
	bufs := getStridedBufs[float64]()
	defer putStridedBufs(bufs)
	sb, cb := bufs[0][:], bufs[1][:]
	for lo := 0; lo < len(src); lo += len(sb) {
		hi := min(lo+len(sb), len(src))
		s, c, x := sb[:hi-lo], cb[:hi-lo], src[lo:hi]
		sinCos64(s, x, false)
		sinCos64(c, x, true)
		d := dst[lo:hi]
		for i, v := range x {
			if math.Abs(v) < 1.0/(1<<27) {
				d[i] = v
			} else {
				d[i] = s[i] / c[i]
			}
		}
	}
}

// tan32 is tan64 for float32: float32(Tan64(float64(src[i]))).
func tan32(dst, src []float32) { widened(dst, src, tan64) }

// sinCos64Go is the portable loop behind sinCos64.
func sinCos64Go(dst, src []float64, cos bool) {
	if cos {
		for i, x := range src {
			dst[i] = Cos64(x)
		}
		return
	}
	for i, x := range src {
		dst[i] = Sin64(x)
	}
}
