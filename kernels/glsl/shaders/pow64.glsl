// The core of float32 pow where the GPU has double precision: 2^(b log2 m)
// with log2 and exp2 evaluated in double by their series, so that the
// product b log2 m keeps the bits that GLSL's float exp2 and log2 lose
// (float32 results then come within an ulp or two of the CPU's).
float f_powcore(float b, float m) {
	int e;
	double x = frexp(double(m), e); // m = x 2^e, 0.5 <= x < 1
	if (x < 0.70710678118654752LF) {
		x *= 2.0LF;
		e -= 1;
	}
	double s = (x - 1.0LF) / (x + 1.0LF);
	double s2 = s * s;
	double ln = 2.0LF * s * (1.0LF + s2 * (1.0LF / 3.0LF + s2 * (1.0LF / 5.0LF + s2 * (1.0LF / 7.0LF +
		s2 * (1.0LF / 9.0LF + s2 * (1.0LF / 11.0LF + s2 * (1.0LF / 13.0LF)))))));
	double y = double(b) * (double(e) + ln * 1.4426950408889634074LF);
	if (y > 129.0LF) return F_INF;
	if (y < -160.0LF) return 0.0;
	double n = floor(y + 0.5LF);
	double t = (y - n) * 0.69314718055994530942LF;
	double p = 1.0LF + t * (1.0LF + t * (1.0LF / 2.0LF + t * (1.0LF / 6.0LF + t * (1.0LF / 24.0LF + t * (1.0LF / 120.0LF +
		t * (1.0LF / 720.0LF + t * (1.0LF / 5040.0LF + t * (1.0LF / 40320.0LF + t * (1.0LF / 362880.0LF)))))))));
	int k = int(n);
	return float(ldexp(ldexp(p, k / 2), k - k / 2));
}
