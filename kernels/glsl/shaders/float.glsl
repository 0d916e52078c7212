// float32 helpers: NumPy's semantics for NaN, signed zeros and infinities,
// with GLSL's built-in functions for the transcendentals.
bool f_isnan(float x) { return (floatBitsToUint(x) & 0x7fffffffu) > 0x7f800000u; }
bool f_isinf(float x) { return (floatBitsToUint(x) & 0x7fffffffu) == 0x7f800000u; }
bool f_isfinite(float x) { return (floatBitsToUint(x) & 0x7f800000u) != 0x7f800000u; }
bool f_signbit(float x) { return (floatBitsToUint(x) >> 31) != 0u; }

float f_copysign(float a, float b) {
	return uintBitsToFloat((floatBitsToUint(a) & 0x7fffffffu) | (floatBitsToUint(b) & 0x80000000u));
}

float f_sign(float x) {
	if (x > 0.0) return 1.0;
	if (x < 0.0) return -1.0;
	if (x == 0.0) return 0.0;
	return x;
}

float f_maximum(float a, float b) {
	if (f_isnan(a) || f_isnan(b)) return F_NAN;
	if (a == b && a == 0.0) return f_signbit(a) ? b : a;
	return a > b ? a : b;
}

float f_minimum(float a, float b) {
	if (f_isnan(a) || f_isnan(b)) return F_NAN;
	if (a == b && a == 0.0) return f_signbit(a) ? a : b;
	return a < b ? a : b;
}

// Reduction forms, as the CPU's nanMax and nanMin: NaN wins, else the
// first of equal values.
float f_nanmax(float a, float b) {
	if (f_isnan(a) || f_isnan(b)) return F_NAN;
	return b > a ? b : a;
}

float f_nanmin(float a, float b) {
	if (f_isnan(a) || f_isnan(b)) return F_NAN;
	return b < a ? b : a;
}

// exp with Cody and Waite's reduction: exp(x) = 2^n exp(r), |r| <= ln2/2,
// since GLSL's exp(x) (as exp2(x log2 e)) loses precision as |x| grows.
float f_exp(float x) {
	if (f_isnan(x)) return x;
	if (x > 88.8) return F_INF;
	if (x < -104.0) return 0.0;
	float n = roundEven(x * 1.44269504088896341);
	float r = x - n * 0.693359375;
	r = r + n * 2.12194440e-4;
	int k = int(n);
	return ldexp(ldexp(exp(r), k / 2), k - k / 2);
}

// atan by Cephes' atanf (range reduction and a polynomial, about 2 ulps):
// GLSL's atan on Mesa is off by up to some 60 ulps.
float f_atan(float x) {
	if (f_isnan(x)) return x;
	float ax = abs(x);
	float y0 = 0.0;
	float t = ax;
	if (ax > 2.414213562373095) {
		y0 = 1.5707963267948966;
		t = -1.0 / ax;
	} else if (ax > 0.4142135623730950) {
		y0 = 0.7853981633974483;
		t = (ax - 1.0) / (ax + 1.0);
	}
	float z = t * t;
	float r = (((8.05374449538e-2 * z - 1.38776856032e-1) * z + 1.99777106478e-1) * z - 3.33329491539e-1) * z * t + t;
	return f_copysign(y0 + r, x);
}

// log(1 + t) for |t| < 0.25, as 2 atanh(t / (2 + t)) by its series: GLSL's
// log loses the relative precision of results near zero.
float f_lognear1(float t) {
	float s = t / (2.0 + t);
	float s2 = s * s;
	return 2.0 * s * (1.0 + s2 * (1.0 / 3.0 + s2 * (1.0 / 5.0 + s2 * (1.0 / 7.0 + s2 * (1.0 / 9.0)))));
}

// f_logsub is log(x) for subnormal x > 0, from x's bits: GLSL's log
// misreads their exponent (llvmpipe's log(1e-39) is -87.9, not -89.8),
// and GPUs that flush subnormals would see zero.
float f_logsub(float x) {
	return log(float(floatBitsToUint(x) & 0x7fffffu)) - 103.27892990343185; // 149 ln 2
}

bool f_issub(float x) {
	uint b = floatBitsToUint(x);
	return b != 0u && b < 0x800000u;
}

float f_log(float x) {
	if (f_issub(x)) return f_logsub(x);
	float t = x - 1.0;
	return abs(t) < 0.25 ? f_lognear1(t) : log(x);
}

float f_log2(float x) {
	if (f_issub(x)) return log2(float(floatBitsToUint(x) & 0x7fffffu)) - 149.0;
	float t = x - 1.0;
	return abs(t) < 0.25 ? f_lognear1(t) * 1.4426950408889634 : log2(x);
}

float f_log10(float x) {
	if (f_issub(x)) return f_logsub(x) * 0.43429448190325183;
	float t = x - 1.0;
	return abs(t) < 0.25 ? f_lognear1(t) * 0.43429448190325183 : log2(x) * 0.30102999566398120;
}

float f_log1p(float x) {
	return abs(x) < 0.25 ? f_lognear1(x) : log(1.0 + x);
}

// expm1 by Kahan's trick, accurate near zero.
float f_expm1(float x) {
	if (abs(x) < 1e-5) return x + 0.5 * x * x;
	float u = f_exp(x);
	if (u == 1.0) return x;
	float um1 = u - 1.0;
	if (um1 == -1.0) return -1.0;
	if (f_isinf(u) || abs(x) > 1.0) return um1;
	return um1 * x / f_log(u);
}

// f_halfexp is e^x / 2 for x > 88, finite up to x = 89.4 where e^x itself
// overflows float32 (above 88.7): as (e^(x/2) / 2) e^(x/2).
float f_halfexp(float x) {
	float h = f_exp(0.5 * x);
	return (0.5 * h) * h;
}

float f_sinh(float x) {
	float ax = abs(x);
	if (ax < 0.5) {
		float x2 = x * x;
		return x + x * x2 * (1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 / 5040.0));
	}
	if (ax > 88.0) return f_copysign(f_halfexp(ax), x);
	float e = f_exp(ax);
	return f_copysign(0.5 * e - 0.5 / e, x);
}

float f_cosh(float x) {
	float ax = abs(x);
	if (ax > 88.0) return f_halfexp(ax);
	float e = f_exp(ax);
	return 0.5 * e + 0.5 / e;
}

float f_tanh(float x) {
	float ax = abs(x);
	if (ax < 0.5) {
		return f_sinh(x) / f_cosh(x);
	}
	if (ax > 20.0) return f_copysign(1.0, x);
	return f_copysign(1.0 - 2.0 / (f_exp(2.0 * ax) + 1.0), x);
}

float f_asinh(float x) {
	float ax = abs(x);
	if (ax < 1e-4) return x;
	if (ax > 1e18) return f_copysign(log(ax) + 0.69314718055994531, x);
	return f_copysign(f_log1p(ax + ax * ax / (1.0 + sqrt(1.0 + ax * ax))), x);
}

float f_acosh(float x) {
	if (x < 1.0) return F_NAN;
	if (x > 1e18) return log(x) + 0.69314718055994531;
	float t = x - 1.0;
	return f_log1p(t + sqrt(2.0 * t + t * t));
}

float f_atanh(float x) {
	float ax = abs(x);
	if (ax > 1.0) return F_NAN;
	if (ax < 1e-4) return x;
	return f_copysign(0.5 * f_log1p(2.0 * ax / (1.0 - ax)), x);
}

float f_atan2(float y, float x) {
	if (f_isnan(x) || f_isnan(y)) return F_NAN;
	if (y == 0.0) {
		if (x > 0.0 || (x == 0.0 && !f_signbit(x))) return y;
		return f_copysign(3.14159265358979324, y);
	}
	if (x == 0.0) return f_copysign(1.57079632679489662, y);
	if (f_isinf(x)) {
		if (f_isinf(y)) {
			return f_copysign(x > 0.0 ? 0.78539816339744831 : 2.35619449019234492, y);
		}
		return x > 0.0 ? f_copysign(0.0, y) : f_copysign(3.14159265358979324, y);
	}
	if (f_isinf(y)) return f_copysign(1.57079632679489662, y);
	float r = f_atan(abs(y) / abs(x));
	if (x < 0.0) r = 3.14159265358979324 - r;
	return f_copysign(r, y);
}

float f_hypot(float a, float b) {
	if (f_isinf(a) || f_isinf(b)) return F_INF;
	if (f_isnan(a) || f_isnan(b)) return F_NAN;
	a = abs(a);
	b = abs(b);
	float m = max(a, b);
	if (m == 0.0) return 0.0;
	float s = min(a, b) / m;
	return m * sqrt(1.0 + s * s);
}

#ifndef POW_FP64
float f_powcore(float b, float m) { return exp2(b * log2(m)); }
#endif

float f_pow(float a, float b) {
	if (b == 0.0 || a == 1.0) return 1.0;
	if (f_isnan(a) || f_isnan(b)) return F_NAN;
	bool bint = floor(b) == b && !f_isinf(b);
	bool odd = bint && abs(b) < 16777216.0 && mod(b, 2.0) == 1.0;
	float m = abs(a);
	float r;
	if (m == 0.0) {
		r = b > 0.0 ? 0.0 : F_INF;
	} else if (f_isinf(b)) {
		if (m == 1.0) return 1.0;
		r = (m > 1.0) == (b > 0.0) ? F_INF : 0.0;
	} else if (f_isinf(m)) {
		r = b > 0.0 ? F_INF : 0.0;
	} else {
		r = f_powcore(b, m);
	}
	if (f_signbit(a)) {
		if (!bint && m != 0.0 && !f_isinf(m)) return F_NAN;
		if (odd) r = -r;
	}
	return r;
}

float f_nextafter(float a, float b) {
	if (f_isnan(a) || f_isnan(b)) return F_NAN;
	uint ua = floatBitsToUint(a);
	if (ua == floatBitsToUint(b) || a == b) return b;
	if ((ua & 0x7fffffffu) == 0u) return f_copysign(uintBitsToFloat(1u), b);
	if ((b > a) == (ua < 0x80000000u)) return uintBitsToFloat(ua + 1u);
	return uintBitsToFloat(ua - 1u);
}

float f_logaddexp(float x, float y) {
	if (x == y) return x + 0.69314718055994531;
	float d = x - y;
	if (d > 0.0) return x + f_log1p(f_exp(-d));
	if (d <= 0.0) return y + f_log1p(f_exp(d));
	return d;
}

// Float to int32 as the CPU converts: NaN and values out of range give
// the smallest int32.
int f_toint(float x) {
	if (!(x > -2147483904.0 && x < 2147483648.0)) return int(0x80000000u);
	return int(x);
}

// Float to uint32 as the CPU (Go on amd64) converts: through int64, so
// the low 32 bits of the truncated value (negative values wrap), and 0
// for NaN and values beyond int64's range. Beyond ±2^31 (multiples of
// 2^8), t mod 2^32 is exact in float32.
uint f_touint(float x) {
	if (x >= 0.0 && x < 4294967296.0) return uint(x);
	if (x < 0.0 && x >= -2147483648.0) return uint(int(x));
	if (!(x >= -9223372036854775808.0 && x < 9223372036854775808.0)) return 0u;
	float t = trunc(x);
	return uint(t - 4294967296.0 * floor(t / 4294967296.0));
}

// asin and acos through atan2, far more accurate than GLSL's asin and
// acos on Mesa (off by thousands of ulps).
float f_asin(float x) {
	if (abs(x) > 1.0) return F_NAN;
	return f_atan2(x, sqrt((1.0 - x) * (1.0 + x)));
}

float f_acos(float x) {
	if (abs(x) > 1.0) return F_NAN;
	return f_atan2(sqrt((1.0 - x) * (1.0 + x)), x);
}


// Sine, cosine and tangent with an exact argument reduction: GLSL's sin,
// cos and tan have no stated precision (Mesa's llvmpipe returns ±1 for
// |x| > 1e5, GPUs' hardware sine loses bits as |x| grows). Each reduces
// |x| to r in [-pi/4, pi/4] and a quadrant q, x = q pi/2 + r, then
// evaluates Cephes' sinf, cosf or tanf polynomial on r (below 2 ulps).
//
// The reduction is Payne and Hanek's, in 32-bit integers: the 24-bit
// significand times 192 bits of 2/pi (f_twoOverPi) is a 224-bit product
// from which the two integer bits (q mod 4) and 62 bits of fraction below
// them are taken, at a place set by x's exponent; the fraction, times pi/2,
// becomes r, rounded once. 62 bits leave 32 after the deepest cancellation
// of any float32: 16367173 2^72, whose x 2/pi lies 2^-29.9 from an integer,
// cancels 30.
const uint f_twoOverPi[6] = uint[6](0xa2f9836eu, 0x4e441529u, 0xfc2757d1u, 0xf534ddc0u, 0xdb629599u, 0x3c439041u);

// f_reduce returns r with |r| <= pi/4 and sets q so that |x| = q pi/2 + r
// (q mod 4 is what matters), for finite |x| >= pi/4.
float f_reduce(float ax, out uint q) {
	uint bits = floatBitsToUint(ax);
	int e = int(bits >> 23) - 127;                   // 2^e <= ax < 2^(e+1)
	uint ia = ((bits & 0x7fffffu) | 0x800000u) << 8; // ax = ia 2^(e-31)
	// p = ia * W, W the 192-bit 2/pi (2/pi = W 2^-192), in 32-bit words
	// from the least significant; p[7] stays zero.
	uint p[8];
	uint carry = 0u;
	for (int j = 0; j < 6; j++) {
		uint hi, lo;
		umulExtended(ia, f_twoOverPi[5 - j], hi, lo);
		uint c;
		p[j] = uaddCarry(lo, carry, c);
		carry = hi + c;
	}
	p[6] = carry;
	p[7] = 0u;
	// ax 2/pi = p 2^(e-223): the units bit of the product is bit 223-e of
	// p; take the 64 bits from 161-e (two integer bits, 62 of fraction).
	int low = 161 - e;
	int w = low >> 5;
	int s = low & 31;
	uint vlo = p[w], vhi = p[w + 1];
	if (s != 0) {
		vlo = (vlo >> s) | (p[w + 1] << (32 - s));
		vhi = (vhi >> s) | (p[w + 2] << (32 - s));
	}
	q = vhi >> 30;
	// The fraction 0 <= f < 1 as the 64-bit fixed point (fh, fl) 2^-64.
	uint fh = (vhi << 2) | (vlo >> 30);
	uint fl = vlo << 2;
	bool neg = false;
	if (fh >= 0x80000000u) { // f >= 1/2: round q up, r = -(1 - f) pi/2
		q += 1u;
		neg = true;
		fh = ~fh;
		fl = 0u - fl;
		if (fl == 0u) fh += 1u;
	}
	int ex = 0; // f = (fh, fl) 2^(ex-64), normalized below to fh >= 2^31
	if (fh == 0u) {
		fh = fl;
		fl = 0u;
		ex = -32;
	}
	if (fh == 0u) return 0.0;
	int n = 31 - findMSB(fh);
	if (n != 0) {
		fh = (fh << n) | (fl >> (32 - n));
		fl = fl << n;
		ex -= n;
	}
	// r = f pi/2 = (fh 0xc90fdaa2) 2^(ex-63) (pi/2 = 0xc90fdaa2 2^-31), a
	// 64-bit product (rh, rl) normalized so that 2^31 <= rh < 2^32: then
	// r = rh 2^(ex-31), 2^ex <= r < 2^(ex+1).
	uint rh, rl;
	umulExtended(fh, 0xc90fdaa2u, rh, rl);
	if (rh < 0x80000000u) {
		rh = (rh << 1) | (rl >> 31);
		rl = rl << 1;
		ex -= 1;
	}
	// Round rh's 32 bits to 24 (rl's bits as sticky): the significand's
	// leading bit adds one to the exponent field ex + 126, and a round-up
	// that carries out of the significand reaches the exponent as it should.
	uint rest = rh & 0xffu;
	uint mant = rh >> 8;
	if (rest > 0x80u || (rest == 0x80u && (rl != 0u || (mant & 1u) != 0u))) mant += 1u;
	uint rbits = (uint(ex + 126) << 23) + mant;
	float r = uintBitsToFloat(rbits);
	return neg ? -r : r;
}

// f_sinpoly and f_cospoly are sin and cos on [-pi/4, pi/4] (Cephes).
float f_sinpoly(float r) {
	float z = r * r;
	return ((-1.9515295891e-4 * z + 8.3321608736e-3) * z - 1.6666654611e-1) * z * r + r;
}

float f_cospoly(float r) {
	float z = r * r;
	return ((2.443315711809948e-5 * z - 1.388731625493765e-3) * z + 4.166664568298827e-2) * z * z - 0.5 * z + 1.0;
}

float f_sin(float x) {
	float ax = abs(x);
	if (!(ax < F_INF)) return F_NAN; // the infinities and NaN
	if (ax < 2.44140625e-4) return x; // |x| < 2^-12: sin x rounds to x
	if (ax <= 0.78539816) return f_sinpoly(x);
	uint q;
	float r = f_reduce(ax, q);
	float s = (q & 1u) == 0u ? f_sinpoly(r) : f_cospoly(r);
	if ((q & 2u) != 0u) s = -s;
	return x < 0.0 ? -s : s;
}

float f_cos(float x) {
	float ax = abs(x);
	if (!(ax < F_INF)) return F_NAN;
	if (ax <= 0.78539816) return f_cospoly(ax);
	uint q;
	float r = f_reduce(ax, q);
	float c = (q & 1u) == 0u ? f_cospoly(r) : f_sinpoly(r);
	if (((q + 1u) & 2u) != 0u) c = -c;
	return c;
}

// f_tanpoly is tan on [-pi/4, pi/4] (Cephes' tanf).
float f_tanpoly(float r) {
	float z = r * r;
	return (((((9.38540185543e-3 * z + 3.11992232697e-3) * z + 2.44301354525e-2) * z + 5.34112807005e-2) * z + 1.33387994085e-1) * z + 3.33331568548e-1) * z * r + r;
}

float f_tan(float x) {
	float ax = abs(x);
	if (!(ax < F_INF)) return F_NAN;
	if (ax < 2.44140625e-4) return x;
	if (ax <= 0.78539816) return f_tanpoly(x);
	uint q;
	float r = f_reduce(ax, q);
	float t = f_tanpoly(r);
	if ((q & 1u) != 0u) t = -1.0 / t;
	return x < 0.0 ? -t : t;
}
