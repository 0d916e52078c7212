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

float f_log(float x) {
	float t = x - 1.0;
	return abs(t) < 0.25 ? f_lognear1(t) : log(x);
}

float f_log2(float x) {
	float t = x - 1.0;
	return abs(t) < 0.25 ? f_lognear1(t) * 1.4426950408889634 : log2(x);
}

float f_log10(float x) {
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

float f_sinh(float x) {
	float ax = abs(x);
	if (ax < 0.5) {
		float x2 = x * x;
		return x + x * x2 * (1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 / 5040.0));
	}
	float e = f_exp(ax);
	return f_copysign(0.5 * e - 0.5 / e, x);
}

float f_cosh(float x) {
	float e = f_exp(abs(x));
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

uint f_touint(float x) {
	if (x >= 0.0 && x < 4294967296.0) return uint(x);
	return uint(f_toint(x));
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

