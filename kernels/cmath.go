package kernels

import (
	"math"
	"math/cmplx"
)

// Complex functions with the special values of C99's Annex G, which the
// array API standard adopts, and with full accuracy near zero. math/cmplx
// misses some of both: sqrt(NaN+0j), tanh(+0+inf j), the sign of zero on
// branch cuts, isnan of inf+NaN j, and digits of asin, atan, asinh, atanh
// and log1p for small arguments.

// IsNaNComplex reports whether either part of z is NaN.
func IsNaNComplex(z complex128) bool {
	return real(z) != real(z) || imag(z) != imag(z)
}

// IsInfComplex reports whether either part of z is infinite.
func IsInfComplex(z complex128) bool {
	return math.IsInf(real(z), 0) || math.IsInf(imag(z), 0)
}

// SqrtComplex is the principal square root with C99's special values.
func SqrtComplex(z complex128) complex128 {
	x, y := real(z), imag(z)
	switch {
	case math.IsInf(y, 0):
		return complex(math.Inf(1), y)
	case x != x:
		return complex(x, x+y) // NaN + NaN j, also for NaN + 0j
	case math.IsInf(x, 1):
		if y != y {
			return complex(x, y)
		}
		return complex(x, math.Copysign(0, y))
	case math.IsInf(x, -1):
		if y != y {
			return complex(y, math.Inf(1))
		}
		return complex(0, math.Copysign(math.Inf(1), y))
	case y != y:
		return complex(y, y)
	}
	return cmplx.Sqrt(z)
}

// TanhComplex is the hyperbolic tangent (FreeBSD's s_ctanh.c, Kahan's
// algorithm), with the standard's special values.
func TanhComplex(z complex128) complex128 {
	x, y := real(z), imag(z)
	if math.IsInf(x, 0) || x != x {
		if x != x {
			if y == 0 {
				return complex(x, y)
			}
			return complex(x, x+y)
		}
		im := math.Sin(y) * math.Cos(y)
		if math.IsInf(y, 0) || y != y {
			im = y
		}
		return complex(math.Copysign(1, x), math.Copysign(0, im))
	}
	if math.IsInf(y, 0) || y != y {
		if x == 0 {
			return complex(x, y-y)
		}
		return complex(y-y, y-y)
	}
	if math.Abs(x) >= 22 {
		e := Exp64(-math.Abs(x))
		return complex(math.Copysign(1, x), 4*Sin64(y)*Cos64(y)*e*e)
	}
	t := Tan64(y)
	beta := 1 + t*t
	s := Sinh64(x)
	rho := math.Sqrt(1 + s*s)
	den := 1 + beta*s*s
	return complex(beta*rho*s/den, t/den)
}

// TanComplex is tan(z) = -i tanh(iz).
func TanComplex(z complex128) complex128 {
	w := TanhComplex(complex(-imag(z), real(z)))
	return complex(imag(w), -real(w))
}

// oddConjSymmetric evaluates an odd function f with f(conj z) = conj f(z)
// in the first quadrant and carries the signs of z's parts over, so that
// zeros on branch cuts pick the side their sign says.
func oddConjSymmetric(f func(complex128) complex128, z complex128) complex128 {
	x, y := real(z), imag(z)
	if x != x || y != y {
		return f(z)
	}
	w := f(complex(math.Abs(x), math.Abs(y)))
	return complex(math.Copysign(real(w), x), math.Copysign(imag(w), y))
}

// series evaluates z*(c0 + c1 z² + c2 z⁴ + ...) for small z.
func series(z complex128, c []float64) complex128 {
	z2 := z * z
	var s complex128
	for i := len(c) - 1; i >= 0; i-- {
		s = s*z2 + complex(c[i], 0)
	}
	return z * s
}

// Taylor coefficients for |z| < smallZ, where they reach full precision.
const smallZ = 1.0 / 128

var (
	asinCoef  = []float64{1, 1.0 / 6, 3.0 / 40, 5.0 / 112, 35.0 / 1152, 63.0 / 2816, 231.0 / 13312}
	asinhCoef = []float64{1, -1.0 / 6, 3.0 / 40, -5.0 / 112, 35.0 / 1152, -63.0 / 2816, 231.0 / 13312}
	atanhCoef = []float64{1, 1.0 / 3, 1.0 / 5, 1.0 / 7, 1.0 / 9, 1.0 / 11, 1.0 / 13}
	atanCoef  = []float64{1, -1.0 / 3, 1.0 / 5, -1.0 / 7, 1.0 / 9, -1.0 / 11, 1.0 / 13}
)

func asinhQ1(z complex128) complex128 {
	if cmplx.Abs(z) < smallZ {
		return series(z, asinhCoef)
	}
	return cmplx.Asinh(z)
}

func atanhQ1(z complex128) complex128 {
	if cmplx.Abs(z) < smallZ {
		return series(z, atanhCoef)
	}
	if real(z) == 1 && imag(z) == 0 {
		return complex(math.Inf(1), 0)
	}
	return cmplx.Atanh(z)
}

// AsinhComplex is the inverse hyperbolic sine.
func AsinhComplex(z complex128) complex128 { return oddConjSymmetric(asinhQ1, z) }

// AtanhComplex is the inverse hyperbolic tangent.
func AtanhComplex(z complex128) complex128 { return oddConjSymmetric(atanhQ1, z) }

// AsinComplex is asin(z) = -i asinh(iz).
func AsinComplex(z complex128) complex128 {
	w := AsinhComplex(complex(-imag(z), real(z)))
	return complex(imag(w), -real(w))
}

// AtanComplex is atan(z) = -i atanh(iz).
func AtanComplex(z complex128) complex128 {
	w := AtanhComplex(complex(-imag(z), real(z)))
	return complex(imag(w), -real(w))
}

// AcosComplex is the inverse cosine, with acos(conj z) = conj acos(z) so that
// the sign of a zero imaginary part picks the side of the branch cut.
func AcosComplex(z complex128) complex128 {
	x, y := real(z), imag(z)
	if x != x || y != y || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return cmplx.Acos(z)
	}
	var w complex128
	if cmplx.Abs(z) < smallZ {
		w = complex(math.Pi/2, 0) - AsinComplex(complex(x, math.Abs(y)))
	} else {
		w = cmplx.Acos(complex(x, math.Abs(y)))
	}
	return complex(real(w), -math.Copysign(math.Abs(imag(w)), y))
}

// AcoshComplex is the inverse hyperbolic cosine, with acosh(conj z) =
// conj acosh(z).
func AcoshComplex(z complex128) complex128 {
	x, y := real(z), imag(z)
	if x != x || y != y {
		return cmplx.Acosh(z)
	}
	w := cmplx.Acosh(complex(x, math.Abs(y)))
	return complex(real(w), math.Copysign(imag(w), y))
}

// Log1pComplex is log(1 + z), accurate for small z: the real part is
// log|1+z| = log1p(2x + x² + y²)/2.
func Log1pComplex(z complex128) complex128 {
	x, y := real(z), imag(z)
	if IsInfComplex(z) || IsNaNComplex(z) || math.Abs(x) > 1e150 || math.Abs(y) > 1e150 {
		return cmplx.Log(1 + z)
	}
	return complex(0.5*math.Log1p(x*(2+x)+y*y), math.Atan2(y, 1+x))
}

// LogComplex is the natural logarithm with the standard's special values.
func LogComplex(z complex128) complex128 { return cmplx.Log(z) }

// Log2Complex is log(z)/ln 2, scaling both parts by a real factor.
func Log2Complex(z complex128) complex128 {
	w := cmplx.Log(z)
	return complex(real(w)*(1/math.Ln2), imag(w)*(1/math.Ln2))
}

// Log10Complex is log(z)/ln 10, scaling both parts by a real factor.
func Log10Complex(z complex128) complex128 {
	w := cmplx.Log(z)
	return complex(real(w)*(1/math.Ln10), imag(w)*(1/math.Ln10))
}

// ExpComplex is e**z with the standard's special values.
func ExpComplex(z complex128) complex128 {
	if imag(z) == 0 && !math.IsNaN(real(z)) {
		return complex(Exp64(real(z)), imag(z))
	}
	return cmplx.Exp(z)
}

// Expm1Complex is e**z - 1, accurate near zero (NumPy's formula), with the
// special values of exp where the imaginary part is zero.
func Expm1Complex(z complex128) complex128 {
	x, y := real(z), imag(z)
	if y == 0 {
		return complex(math.Expm1(x), y)
	}
	if math.IsInf(x, 0) || math.IsInf(y, 0) || x != x || y != y {
		return ExpComplex(z) - 1
	}
	a := math.Sin(y / 2)
	return complex(math.Expm1(x)*math.Cos(y)-2*a*a, Exp64(x)*math.Sin(y))
}

// ReciprocalComplex is 1/z by Smith's method, as NumPy computes it.
func ReciprocalComplex(z complex128) complex128 {
	x, y := real(z), imag(z)
	if math.Abs(y) <= math.Abs(x) {
		r := y / x
		d := x + y*r
		return complex(1/d, -r/d)
	}
	r := x / y
	d := x*r + y
	return complex(r/d, -1/d)
}

// ComplexPow is a**b as NumPy computes it: 1 for b = 0; for a = 0, 0 when b
// is real and positive and NaN otherwise; repeated multiplication for
// integer b below 100 in magnitude (a itself for b = 1); exp(b log a)
// otherwise.
func ComplexPow(a, b complex128) complex128 {
	br, bi := real(b), imag(b)
	if br == 0 && bi == 0 {
		return 1
	}
	if a == 0 {
		if br > 0 && bi == 0 {
			return 0
		}
		return complex(math.NaN(), math.NaN())
	}
	if bi == 0 && br == math.Trunc(br) && math.Abs(br) < 100 {
		n := int(br)
		switch n {
		case 1:
			return a
		case 2:
			return a * a
		case 3:
			return a * a * a
		}
		k := n
		if k < 0 {
			k = -k
		}
		aa, p := complex128(1), a
		for mask := 1; ; mask <<= 1 {
			if k&mask != 0 {
				aa *= p
			}
			if k < mask<<1 {
				break
			}
			p *= p
		}
		if n < 0 {
			return 1 / aa
		}
		return aa
	}
	return cmplx.Exp(b * cmplx.Log(a))
}

// SinhComplex is the hyperbolic sine with C99's special values (FreeBSD's
// s_csinh.c for the cases math/cmplx gets wrong).
func SinhComplex(z complex128) complex128 {
	x, y := real(z), imag(z)
	if y == 0 && !math.IsInf(x, 0) && x == x {
		return complex(Sinh64(x), y)
	}
	if x == 0 && (math.IsInf(y, 0) || y != y) {
		return complex(x, y-y)
	}
	if math.IsInf(x, 0) {
		switch {
		case y == 0:
			return complex(x, y)
		case math.IsInf(y, 0) || y != y:
			return complex(x, y-y)
		}
		return complex(x*math.Cos(y), math.Inf(1)*math.Sin(y))
	}
	return cmplx.Sinh(z)
}

// CoshComplex is the hyperbolic cosine with C99's special values.
func CoshComplex(z complex128) complex128 {
	x, y := real(z), imag(z)
	if y == 0 && !math.IsInf(x, 0) && x == x {
		return complex(Cosh64(x), x*y)
	}
	if x == 0 && (math.IsInf(y, 0) || y != y) {
		return complex(y-y, math.Copysign(0, x*(y-y)))
	}
	if math.IsInf(x, 0) {
		switch {
		case y == 0:
			return complex(math.Inf(1), y*math.Copysign(1, x))
		case math.IsInf(y, 0) || y != y:
			return complex(x*x, x*(y-y))
		}
		return complex(math.Inf(1)*math.Cos(y), x*math.Sin(y))
	}
	return cmplx.Cosh(z)
}
