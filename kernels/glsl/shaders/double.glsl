// float64 helpers: arithmetic, comparisons and bit operations only (GLSL
// has no double-precision transcendentals).
bool d_isnan(double x) { uvec2 u = unpackDouble2x32(x); return (u.y & 0x7fffffffu) > 0x7ff00000u || ((u.y & 0x7fffffffu) == 0x7ff00000u && u.x != 0u); }
bool d_isinf(double x) { uvec2 u = unpackDouble2x32(x); return (u.y & 0x7fffffffu) == 0x7ff00000u && u.x == 0u; }
bool d_isfinite(double x) { return (unpackDouble2x32(x).y & 0x7ff00000u) != 0x7ff00000u; }
bool d_signbit(double x) { return (unpackDouble2x32(x).y >> 31) != 0u; }
#define D_NAN packDouble2x32(uvec2(0u, 0x7ff80000u))
#define D_INF packDouble2x32(uvec2(0u, 0x7ff00000u))

double d_copysign(double a, double b) {
	uvec2 ua = unpackDouble2x32(a);
	uvec2 ub = unpackDouble2x32(b);
	return packDouble2x32(uvec2(ua.x, (ua.y & 0x7fffffffu) | (ub.y & 0x80000000u)));
}

double d_sign(double x) {
	if (x > 0.0LF) return 1.0LF;
	if (x < 0.0LF) return -1.0LF;
	if (x == 0.0LF) return 0.0LF;
	return x;
}

double d_maximum(double a, double b) {
	if (d_isnan(a) || d_isnan(b)) return D_NAN;
	if (a == b && a == 0.0LF) return d_signbit(a) ? b : a;
	return a > b ? a : b;
}

double d_minimum(double a, double b) {
	if (d_isnan(a) || d_isnan(b)) return D_NAN;
	if (a == b && a == 0.0LF) return d_signbit(a) ? a : b;
	return a < b ? a : b;
}

double d_nanmax(double a, double b) {
	if (d_isnan(a) || d_isnan(b)) return D_NAN;
	return b > a ? b : a;
}

double d_nanmin(double a, double b) {
	if (d_isnan(a) || d_isnan(b)) return D_NAN;
	return b < a ? b : a;
}

int d_toint(double x) {
	if (!(x > -2147483649.0LF && x < 2147483648.0LF)) return int(0x80000000u);
	return int(x);
}

// Float to uint32 as the CPU (Go on amd64) converts: through int64, so
// the low 32 bits of the truncated value (negative values wrap), and 0
// for NaN and values beyond int64's range.
uint d_touint(double x) {
	if (x >= 0.0LF && x < 4294967296.0LF) return uint(x);
	if (!(x >= -9223372036854775808.0LF && x < 9223372036854775808.0LF)) return 0u;
	double t = trunc(x);
	return uint(t - 4294967296.0LF * floor(t / 4294967296.0LF));
}
