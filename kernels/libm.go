package kernels

import (
	"math"
	"math/big"
	"sync"
)

// Real functions where the Go standard library falls short of the accuracy
// NumPy users get from the C library: the amd64 assembly of math.Exp
// overflows below the threshold (exp(709.5) gives +Inf) and math.Log takes
// subnormal arguments for normal ones; math.Log2 and math.Log10 cancel near
// 1; math.Asin and math.Acos lose digits near ±1; math.Pow loses up to
// dozens of ulps for large results and is wrong for subnormal bases; and the
// trigonometric functions reduce arguments between 2^20 and 2^29 too coarsely.
// These follow FreeBSD's msun (the algorithms NumPy's C library uses) and are
// checked against the C library's values in trig_test.go and libm_test.go.

const (
	ln2Hi     = 6.93147180369123816490e-01 // 0x3fe62e42fee00000
	ln2Lo     = 1.90821492927058770002e-10 // 0x3dea39ef35793c76
	invLn2    = 1.44269504088896338700e+00
	expOver   = 7.09782712893383973096e+02
	expUnder  = -7.45133219101941108420e+02
	expP1     = 1.66666666666666019037e-01
	expP2     = -2.77777777770155933842e-03
	expP3     = 6.61375632143793436117e-05
	expP4     = -1.65339022054652515390e-06
	expP5     = 4.13813679705723846039e-08
	logL1     = 6.666666666666735130e-01
	logL2     = 3.999999999940941908e-01
	logL3     = 2.857142874366239149e-01
	logL4     = 2.222219843214978396e-01
	logL5     = 1.818357216161805012e-01
	logL6     = 1.531383769920937332e-01
	logL7     = 1.479819860511658591e-01
	invLn2Hi  = 1.44269504072144627571e+00 // 0x3ff71547 65200000
	invLn2Lo  = 1.67517131648865118353e-10 // 0x3de705fc 2eefa200
	invLn10Hi = 4.34294481878168880939e-01 // 0x3fdbcb7b 15200000
	invLn10Lo = 2.50829467116452752298e-11 // 0x3dbb9438 ca9aadd5
	log10_2Hi = 3.01029995663611771306e-01 // 0x3FD34413 509F6000
	log10_2Lo = 3.69423907715893078616e-13 // 0x3D59FEF3 11F12B36
)

// Exp64 is e**x, within one ulp, with FreeBSD's e_exp.c algorithm.
func Exp64(x float64) float64 {
	switch {
	case x != x || math.IsInf(x, 1):
		return x
	case math.IsInf(x, -1):
		return 0
	case x > expOver:
		return math.Inf(1)
	case x < expUnder:
		return 0
	case -1.0/(1<<28) < x && x < 1.0/(1<<28):
		return 1 + x
	}
	var k int
	switch {
	case x < 0:
		k = int(invLn2*x - 0.5)
	default:
		k = int(invLn2*x + 0.5)
	}
	hi := x - float64(k)*ln2Hi
	lo := float64(k) * ln2Lo
	return expMulti(hi, lo, k)
}

// expMulti returns e**r * 2**k where r = hi - lo and |r| <= ln2/2.
func expMulti(hi, lo float64, k int) float64 {
	r := hi - lo
	t := r * r
	c := r - t*(expP1+t*(expP2+t*(expP3+t*(expP4+t*expP5))))
	y := 1 - ((lo - (r*c)/(2-c)) - hi)
	return math.Ldexp(y, k)
}

// logReduce splits a positive finite x into 2**k * (1 + f) with 1 + f in
// [sqrt(2)/2, sqrt(2)), and returns k and log(1 + f) - f, the part of the
// logarithm that is small, so that callers can add k*log(2) and f with care.
func logReduce(x float64) (k float64, f, rest float64) {
	m, e := math.Frexp(x) // handles subnormals
	if m < math.Sqrt2/2 {
		m *= 2
		e--
	}
	f = m - 1
	s := f / (2 + f)
	s2 := s * s
	s4 := s2 * s2
	t1 := s2 * (logL1 + s4*(logL3+s4*(logL5+s4*logL7)))
	t2 := s4 * (logL2 + s4*(logL4+s4*logL6))
	r := t1 + t2
	hfsq := 0.5 * f * f
	// log(1+f) = f - hfsq + s*(hfsq + r)
	return float64(e), f, s*(hfsq+r) - hfsq
}

// logSpecial is a logarithm's value for NaN, +Inf, negative and zero
// arguments, and whether x is one of them.
func logSpecial(x float64) (float64, bool) {
	switch {
	case x != x || math.IsInf(x, 1):
		return x, true
	case x < 0:
		return math.NaN(), true
	case x == 0:
		return math.Inf(-1), true
	}
	return 0, false
}

// Log64 is the natural logarithm, within one ulp, subnormals included
// (FreeBSD's e_log.c).
func Log64(x float64) float64 {
	if r, ok := logSpecial(x); ok {
		return r
	}
	k, f, rest := logReduce(x)
	return k*ln2Hi - ((-rest - k*ln2Lo) - f)
}

// Log2_64 is the base-2 logarithm, exact for powers of two and accurate near 1.
func Log2_64(x float64) float64 {
	if r, ok := logSpecial(x); ok {
		return r
	}
	k, f, rest := logReduce(x)
	// log2(1+f) = (f + rest) / ln2, with f split so that the products are exact.
	hi := math.Float64frombits(math.Float64bits(f) &^ (1<<32 - 1))
	lo := (f - hi) + rest
	return k + (hi*invLn2Hi + (lo*invLn2Hi + (f+rest)*invLn2Lo))
}

// Log10_64 is the base-10 logarithm (FreeBSD's e_log10.c), accurate near 1.
func Log10_64(x float64) float64 {
	if r, ok := logSpecial(x); ok {
		return r
	}
	k, f, rest := logReduce(x)
	hi := math.Float64frombits(math.Float64bits(f) &^ (1<<32 - 1))
	lo := (f - hi) + rest
	val := hi*invLn10Hi + (lo*invLn10Hi + (f+rest)*invLn10Lo)
	return k*log10_2Hi + (k*log10_2Lo + val)
}

const (
	pio2Hi = 1.57079632679489655800e+00
	pio2Lo = 6.12323399573676603587e-17
	pio4Hi = 7.85398163397448278999e-01
	asPS0  = 1.66666666666666657415e-01
	asPS1  = -3.25565818622400915405e-01
	asPS2  = 2.01212532134862925881e-01
	asPS3  = -4.00555345006794114027e-02
	asPS4  = 7.91534994289814532176e-04
	asPS5  = 3.47933107596021167570e-05
	asQS1  = -2.40339491173441421878e+00
	asQS2  = 2.02094576023350569471e+00
	asQS3  = -6.88283971605453293030e-01
	asQS4  = 7.70381505559019352791e-02
)

// asinRatio is the rational approximation R(t) of FreeBSD's e_asin.c.
func asinRatio(t float64) float64 {
	p := t * (asPS0 + t*(asPS1+t*(asPS2+t*(asPS3+t*(asPS4+t*asPS5)))))
	q := 1 + t*(asQS1+t*(asQS2+t*(asQS3+t*asQS4)))
	return p / q
}

// lowZero clears the low 32 bits of x.
func lowZero(x float64) float64 {
	return math.Float64frombits(math.Float64bits(x) &^ (1<<32 - 1))
}

// Asin64 is the inverse sine, within one ulp (FreeBSD's e_asin.c).
func Asin64(x float64) float64 {
	ax := math.Abs(x)
	switch {
	case x != x:
		return x
	case ax == 1:
		return x*pio2Hi + x*pio2Lo
	case ax > 1:
		return math.NaN()
	case ax < 0.5:
		if ax < 1.0/(1<<26) {
			return x
		}
		return x + x*asinRatio(x*x)
	}
	w := 1 - ax
	t := w * 0.5
	r := asinRatio(t)
	s := math.Sqrt(t)
	var res float64
	if ax >= 0.975 {
		res = pio2Hi - (2*(s+s*r) - pio2Lo)
	} else {
		w = lowZero(s)
		c := (t - w*w) / (s + w)
		p := 2*s*r - (pio2Lo - 2*c)
		q := pio4Hi - 2*w
		res = pio4Hi - (p - q)
	}
	if x < 0 {
		return -res
	}
	return res
}

// Acos64 is the inverse cosine, within one ulp (FreeBSD's e_acos.c).
func Acos64(x float64) float64 {
	ax := math.Abs(x)
	switch {
	case x != x:
		return x
	case x == 1:
		return 0
	case x == -1:
		return math.Pi + 2*pio2Lo
	case ax > 1:
		return math.NaN()
	case ax < 0.5:
		if ax <= 1.0/(1<<57) {
			return pio2Hi + pio2Lo
		}
		return pio2Hi - (x - (pio2Lo - x*asinRatio(x*x)))
	case x < 0:
		z := (1 + x) * 0.5
		s := math.Sqrt(z)
		w := asinRatio(z)*s - pio2Lo
		return math.Pi - 2*(s+w)
	}
	z := (1 - x) * 0.5
	s := math.Sqrt(z)
	df := lowZero(s)
	c := (z - df*df) / (s + df)
	w := asinRatio(z)*s + c
	return 2 * (df + w)
}

// Sinh64 is the hyperbolic sine (FreeBSD's e_sinh.c), without overflowing
// before the result does.
func Sinh64(x float64) float64 {
	ax := math.Abs(x)
	h := 0.5
	if x < 0 {
		h = -0.5
	}
	switch {
	case x != x || math.IsInf(x, 0):
		return x
	case ax < 22:
		if ax < 1.0/(1<<28) {
			return x
		}
		t := math.Expm1(ax)
		if ax < 1 {
			return h * (2*t - t*t/(t+1))
		}
		return h * (t + t/(t+1))
	case ax < expOver:
		return h * Exp64(ax)
	case ax <= 7.10475860073943863426e+02:
		w := Exp64(0.5 * ax)
		return h * w * w
	}
	return x * math.Inf(1)
}

// Cosh64 is the hyperbolic cosine (FreeBSD's e_cosh.c), without overflowing
// before the result does.
func Cosh64(x float64) float64 {
	ax := math.Abs(x)
	switch {
	case x != x:
		return x
	case ax < 0.5*math.Ln2:
		t := math.Expm1(ax)
		w := 1 + t
		if ax < 1.0/(1<<55) {
			return w
		}
		return 1 + (t*t)/(w+w)
	case ax < 22:
		t := Exp64(ax)
		return 0.5*t + 0.5/t
	case ax < expOver:
		return 0.5 * Exp64(ax)
	case ax <= 7.10475860073943863426e+02:
		w := Exp64(0.5 * ax)
		return 0.5 * w * w
	}
	return math.Inf(1)
}

// Tan64 is the tangent: the ratio of the sine and cosine polynomials on the
// reduced argument (within two ulps).
func Tan64(x float64) float64 {
	ax := math.Abs(x)
	var n uint64
	var y0, y1 float64
	switch {
	case x != x || math.IsInf(x, 0):
		return x - x
	case ax < 1.0/(1<<27):
		return x
	case ax < trigLimit:
		n, y0, y1 = reducePio2(ax)
	default:
		n, y0, y1 = reduceHuge(ax)
	}
	s := sinCosQuadrant(0, y0, y1)
	c := sinCosQuadrant(1, y0, y1)
	r := s / c
	if n&1 == 1 {
		r = -c / s
	}
	if x < 0 {
		return -r
	}
	return r
}

// Nextafter64 is the next float64 after x toward y; y itself when they are
// equal (so the sign of a zero y is kept, as C99 says).
func Nextafter64(x, y float64) float64 {
	if x == y {
		return y
	}
	return math.Nextafter(x, y)
}

// Nextafter32 is Nextafter64 for float32.
func Nextafter32(x, y float32) float32 {
	if x == y {
		return y
	}
	return math.Nextafter32(x, y)
}

// twoProd returns p + e = a*b exactly.
func twoProd(a, b float64) (p, e float64) {
	p = a * b
	return p, math.FMA(a, b, -p)
}

// twoSum returns s + e = a + b exactly.
func twoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	return s, (a - (s - bb)) + (b - bb)
}

// logDD returns hi + lo = log(x) for a positive finite x to about 100 bits:
// the leading term 2s of log(1+f) = 2 atanh(s), s = f/(2+f), and k*log(2)
// are carried in double-double, the small rest of the series in double.
func logDD(x float64) (hi, lo float64) {
	m, e := math.Frexp(x)
	if m < math.Sqrt2/2 {
		m *= 2
		e--
	}
	f := m - 1 // exact
	// s = f / (2 + f) in double-double.
	dh, dl := twoSum(2, f)
	sh := f / dh
	ph, pl := twoProd(sh, dh)
	sl := ((f - ph) - pl - sh*dl) / dh
	// log(1+f) = 2s + 2s^3/3 + 2s^5/5 + ... ; the tail in double.
	s2 := sh * sh
	tail := 2 * sh * s2 * (1.0/3 + s2*(1.0/5+s2*(1.0/7+s2*(1.0/9+s2*(1.0/11+s2*(1.0/13+s2*(1.0/15+s2*(1.0/17+s2*(1.0/19+s2*1.0/21)))))))))
	// The s^3 term's rounding matters: add its error.
	s3h, s3l := twoProd(sh, s2)
	_, s2l := twoProd(sh, sh)
	tail += 2 * (s3l + sh*s2l + 3*s2*sl) / 3
	lh, ll := twoSum(2*sh, tail)
	ll += 2 * sl
	_ = s3h
	// + e*log(2) in double-double (ln2 to 107 bits).
	const ln2H, ln2L = 6.93147180559945286227e-01, 2.31904681384629955842e-17
	kh, kl := twoProd(float64(e), ln2H)
	kl += float64(e) * ln2L
	hi, lo = twoSum(kh, lh)
	lo += kl + ll
	return twoSum(hi, lo)
}

// Pow64 is x**y. Special cases are math.Pow's (which are C99's); finite
// positive bases compute y*log(x) in double-double, so that large results
// keep their digits, and subnormal bases work.
func Pow64(x, y float64) float64 {
	switch {
	case y == 0 || x == 1:
		return 1
	case x != x || y != y, math.IsInf(x, 0), math.IsInf(y, 0), x == 0:
		return math.Pow(x, y)
	case y == 1:
		return x
	}
	neg := false
	if x < 0 {
		yi, yf := math.Modf(y)
		if yf != 0 {
			return math.NaN()
		}
		neg = math.Mod(yi, 2) != 0
		x = -x
	}
	lh, ll := logDD(x)
	th, tl := twoProd(y, lh)
	var r float64
	if !math.IsInf(th, 0) {
		tl += y * ll
		th, tl = twoSum(th, tl)
	}
	switch {
	case th > expOver+1:
		r = math.Inf(1)
	case th < expUnder-1:
		r = 0
	default:
		// e**(th+tl) = e**th * (1 + tl); split off a power of two first so
		// that subnormal and near-overflow results round once.
		k := math.Floor(th*invLn2 + 0.5)
		rh := th - k*ln2Hi
		rl := k * ln2Lo
		// e**rh with rh in about [-0.35, 0.35], times (1 + tl - ...).
		e := expMulti(rh, rl, 0)
		e += e * tl
		r = math.Ldexp(e, int(k))
	}
	if neg {
		return -r
	}
	return r
}

// Large trigonometric arguments are reduced exactly with a 1200-bit pi.
var (
	bigPio2Once sync.Once
	bigPio2     *big.Float
)

const bigPrec = 1200

// bigPi computes pi to bigPrec bits by Machin's formula.
func bigPiOver2() *big.Float {
	bigPio2Once.Do(func() {
		atanInv := func(n int64) *big.Float {
			// atan(1/n) = sum (-1)^k / ((2k+1) n^(2k+1))
			x := new(big.Float).SetPrec(bigPrec).Quo(big.NewFloat(1).SetPrec(bigPrec), new(big.Float).SetPrec(bigPrec).SetInt64(n))
			x2 := new(big.Float).SetPrec(bigPrec).Mul(x, x)
			sum := new(big.Float).SetPrec(bigPrec).Set(x)
			term := new(big.Float).SetPrec(bigPrec).Set(x)
			eps := new(big.Float).SetPrec(bigPrec).SetMantExp(big.NewFloat(1), -bigPrec-8)
			for k := int64(1); ; k++ {
				term.Mul(term, x2)
				t := new(big.Float).SetPrec(bigPrec).Quo(term, new(big.Float).SetPrec(bigPrec).SetInt64(2*k+1))
				if k%2 == 1 {
					sum.Sub(sum, t)
				} else {
					sum.Add(sum, t)
				}
				if t.Cmp(eps) < 0 {
					break
				}
			}
			return sum
		}
		pi := new(big.Float).SetPrec(bigPrec).Mul(big.NewFloat(16).SetPrec(bigPrec), atanInv(5))
		pi.Sub(pi, new(big.Float).SetPrec(bigPrec).Mul(big.NewFloat(4).SetPrec(bigPrec), atanInv(239)))
		bigPio2 = pi.Quo(pi, big.NewFloat(2).SetPrec(bigPrec))
	})
	return bigPio2
}

// reduceHuge returns n and y0 + y1 = ax - n*pi/2 (|y0 + y1| <= pi/4) for a
// finite ax >= trigLimit, exactly rounded, with big.Float.
func reduceHuge(ax float64) (n uint64, y0, y1 float64) {
	p := bigPiOver2()
	x := new(big.Float).SetPrec(bigPrec).SetFloat64(ax)
	q := new(big.Float).SetPrec(bigPrec).Quo(x, p)
	// k = round(q)
	q.Add(q, big.NewFloat(0.5))
	k, _ := q.Int(nil)
	kf := new(big.Float).SetPrec(bigPrec).SetInt(k)
	r := new(big.Float).SetPrec(bigPrec).Mul(kf, p)
	r.Sub(x, r)
	y0, _ = r.Float64()
	rest := new(big.Float).SetPrec(bigPrec).Sub(r, new(big.Float).SetFloat64(y0))
	y1, _ = rest.Float64()
	n = k.Uint64() // only the low bits matter
	if !k.IsUint64() {
		n = new(big.Int).And(k, big.NewInt(3)).Uint64()
	}
	return n, y0, y1
}
