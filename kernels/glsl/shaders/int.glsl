// int32 and uint32 helpers with the CPU's semantics: division by zero
// gives 0, floor division and remainder round toward minus infinity,
// shifts by the width or more give 0 (or -1 for negative numbers shifted
// right).
int i_floordiv(int a, int b) {
	if (b == 0) return 0;
	if (b == -1) return -a;
	int q = a / b;
	if ((a - q * b) != 0 && ((a < 0) != (b < 0))) q--;
	return q;
}

int i_remainder(int a, int b) {
	if (b == 0 || b == -1) return 0;
	int r = a - (a / b) * b;
	if (r != 0 && ((r < 0) != (b < 0))) r += b;
	return r;
}

int i_shl(int a, int b) { return (b < 0 || b >= 32) ? 0 : a << b; }
int i_shr(int a, int b) {
	if (b < 0 || b >= 32) return a < 0 ? -1 : 0;
	return a >> b;
}

int i_sign(int x) { return x > 0 ? 1 : (x < 0 ? -1 : 0); }

uint u_floordiv(uint a, uint b) { return b == 0u ? 0u : a / b; }
uint u_remainder(uint a, uint b) { return b == 0u ? 0u : a % b; }
uint u_shl(uint a, uint b) { return b >= 32u ? 0u : a << b; }
uint u_shr(uint a, uint b) { return b >= 32u ? 0u : a >> b; }

uint u_pow(uint a, uint b) {
	uint r = 1u;
	while (b > 0u) {
		if ((b & 1u) == 1u) r *= a;
		a *= a;
		b >>= 1;
	}
	return r;
}
