package clapack

import (
	"math"
	"math/cmplx"
)

// Machine constants as LAPACK's dlamch gives them for float64.
const (
	dlamchE = 0x1p-53   // relative machine epsilon (rounding)
	dlamchP = 0x1p-52   // eps·base
	dlamchS = 0x1p-1022 // safe minimum
)

// cabs1 is |re| + |im| (BLAS's dcabs1), the measure izamax pivots by.
func cabs1(z complex128) float64 { return math.Abs(real(z)) + math.Abs(imag(z)) }

// abs2 is |z|².
func abs2(z complex128) float64 { return real(z)*real(z) + imag(z)*imag(z) }

// nrm2 is the Euclidean norm of x without overflow or harmful underflow
// (dznrm2).
func nrm2(x []complex128) float64 {
	var s float64
	for _, v := range x {
		s += real(v)*real(v) + imag(v)*imag(v)
	}
	// The plain sum of squares is exact enough unless it overflowed or
	// underflowed; redo those scaled.
	if s > 0x1p-900 && s < 0x1p900 {
		return math.Sqrt(s)
	}
	if s == 0 {
		// All zero, or every square underflowed.
		var m float64
		for _, v := range x {
			m = math.Max(m, math.Max(math.Abs(real(v)), math.Abs(imag(v))))
		}
		if m == 0 {
			return 0
		}
	}
	if math.IsNaN(s) {
		return s
	}
	scale, ssq := 0.0, 1.0
	for _, v := range x {
		for _, c := range [2]float64{real(v), imag(v)} {
			if c != 0 {
				a := math.Abs(c)
				if scale < a {
					ssq = 1 + ssq*(scale/a)*(scale/a)
					scale = a
				} else {
					ssq += (a / scale) * (a / scale)
				}
			}
		}
	}
	return scale * math.Sqrt(ssq)
}

// dlapy3 is sqrt(x²+y²+z²) without unnecessary overflow.
func dlapy3(x, y, z float64) float64 {
	x, y, z = math.Abs(x), math.Abs(y), math.Abs(z)
	w := math.Max(x, math.Max(y, z))
	if w == 0 || math.IsInf(w, 0) {
		return x + y + z
	}
	x, y, z = x/w, y/w, z/w
	return w * math.Sqrt(x*x+y*y+z*z)
}

// scal multiplies x by a.
func scal(a complex128, x []complex128) {
	for i := range x {
		x[i] *= a
	}
}

// axpy adds a·x to y.
func axpy(a complex128, x, y []complex128) {
	y = y[:len(x)]
	for i, v := range x {
		y[i] += a * v
	}
}

// dotc is xᴴ·y.
func dotc(x, y []complex128) complex128 {
	y = y[:len(x)]
	var sr, si float64
	for i, v := range x {
		w := y[i]
		sr += real(v)*real(w) + imag(v)*imag(w)
		si += real(v)*imag(w) - imag(v)*real(w)
	}
	return complex(sr, si)
}

// dotu is xᵀ·y.
func dotu(x, y []complex128) complex128 {
	y = y[:len(x)]
	var sr, si float64
	for i, v := range x {
		w := y[i]
		sr += real(v)*real(w) - imag(v)*imag(w)
		si += real(v)*imag(w) + imag(v)*real(w)
	}
	return complex(sr, si)
}

// larfg generates an elementary reflector H = I - tau·v·vᴴ of order
// len(x)+1 such that Hᴴ·(alpha; x) = (beta; 0) with beta real (LAPACK's
// zlarfg). On return x holds v[1:] (v[0] = 1); the returned beta is a
// complex128 with zero imaginary part.
func larfg(alpha complex128, x []complex128) (beta, tau complex128) {
	xnorm := nrm2(x)
	alphr, alphi := real(alpha), imag(alpha)
	if xnorm == 0 && alphi == 0 {
		return alpha, 0
	}
	b := -math.Copysign(dlapy3(alphr, alphi, xnorm), alphr)
	const safmin = dlamchS / dlamchE
	const rsafmn = 1 / safmin
	knt := 0
	if math.Abs(b) < safmin {
		// xnorm and beta may be inaccurate; scale x and recompute them.
		for {
			knt++
			scal(rsafmn, x)
			b *= rsafmn
			alphr *= rsafmn
			alphi *= rsafmn
			if math.Abs(b) >= safmin || knt >= 20 {
				break
			}
		}
		xnorm = nrm2(x)
		alpha = complex(alphr, alphi)
		b = -math.Copysign(dlapy3(alphr, alphi, xnorm), alphr)
	}
	tau = complex((b-alphr)/b, -alphi/b)
	scal(1/(alpha-complex(b, 0)), x)
	for ; knt > 0; knt-- {
		b *= safmin
	}
	return complex(b, 0), tau
}

// applyLeft applies H = I - tau·v·vᴴ from the left to the vector c:
// c -= tau·(vᴴc)·v.
func applyLeft(tau complex128, v, c []complex128) {
	w := dotc(v, c)
	if w != 0 {
		axpy(-tau*w, v, c)
	}
}

// ung2r forms, in place, the first ncol columns of Q = H(0)·H(1)···H(k-1)
// from k reflectors stored LAPACK-style in the column-major m×ncol matrix a
// (column j holds v_j below its diagonal, v_j[j] = 1 implied), tau their
// scalars (LAPACK's zung2r). Column j of a is a[j*m : j*m+m].
func ung2r(m, ncol, k int, a []complex128, tau []complex128) {
	for j := k; j < ncol; j++ {
		col := a[j*m : j*m+m]
		clear(col)
		col[j] = 1
	}
	for i := k - 1; i >= 0; i-- {
		col := a[i*m : i*m+m]
		if i < ncol-1 {
			col[i] = 1
			v := col[i:]
			t := tau[i]
			for j := i + 1; j < ncol; j++ {
				applyLeft(t, v, a[j*m+i:j*m+m])
			}
		}
		if i < m-1 {
			scal(-tau[i], col[i+1:])
		}
		col[i] = 1 - tau[i]
		clear(col[:i])
	}
}

// allFinite reports whether every element of x is finite.
func allFinite(x []complex128) bool {
	for _, v := range x {
		if math.IsNaN(real(v)) || math.IsNaN(imag(v)) || math.IsInf(real(v), 0) || math.IsInf(imag(v), 0) {
			return false
		}
	}
	return true
}

// transpose returns the n×m transpose (not conjugated) of the m×n matrix a.
func transpose(m, n int, a []complex128) []complex128 {
	t := make([]complex128, m*n)
	for i := 0; i < m; i++ {
		row := a[i*n : i*n+n]
		for j, v := range row {
			t[j*m+i] = v
		}
	}
	return t
}

// conjTranspose returns the n×m conjugate transpose of the m×n matrix a.
func conjTranspose(m, n int, a []complex128) []complex128 {
	t := make([]complex128, m*n)
	for i := 0; i < m; i++ {
		row := a[i*n : i*n+n]
		for j, v := range row {
			t[j*m+i] = cmplx.Conj(v)
		}
	}
	return t
}

// Bounds of the matrix norm (max |a_ij|) inside which the eigenvalue and
// singular value routines work unscaled: LAPACK's sqrt(safmin)/eps and its
// reciprocal, as zgeev and zgesdd use them.
const (
	smallNorm = 0x1p-459
	bigNorm   = 0x1p459
)

// rangeScale returns the power of 2 that brings the largest modulus anrm
// (finite) into [smallNorm, bigNorm], or 1 when it is there already or 0.
// Scaling by it is exact.
func rangeScale(anrm float64) float64 {
	switch {
	case anrm == 0 || anrm >= smallNorm && anrm <= bigNorm:
		return 1
	case anrm < smallNorm:
		return math.Ldexp(1, int(math.Ceil(math.Log2(smallNorm/anrm))))
	default:
		return math.Ldexp(1, -int(math.Ceil(math.Log2(anrm/bigNorm))))
	}
}

// maxAbs is max |x_i|.
func maxAbs(x []complex128) float64 {
	var m float64
	for _, v := range x {
		m = math.Max(m, cmplxAbs(v))
	}
	return m
}

// scaleReal multiplies x by the real f, elementwise on both parts.
func scaleReal(f float64, x []complex128) {
	for i, v := range x {
		x[i] = complex(real(v)*f, imag(v)*f)
	}
}
