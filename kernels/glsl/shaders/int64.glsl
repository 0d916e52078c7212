// int64 and uint64 helpers (GL_ARB_gpu_shader_int64) with the CPU's
// semantics, as int.glsl's for 32 bits: division by zero gives 0, floor
// division and remainder round toward minus infinity, shifts by the width
// or more give 0 (or -1 for negative numbers shifted right).
int64_t l_floordiv(int64_t a, int64_t b) {
	if (b == 0l) return 0l;
	if (b == -1l) return -a;
	int64_t q = a / b;
	if ((a - q * b) != 0l && ((a < 0l) != (b < 0l))) q -= 1l;
	return q;
}

int64_t l_remainder(int64_t a, int64_t b) {
	if (b == 0l || b == -1l) return 0l;
	int64_t r = a - (a / b) * b;
	if (r != 0l && ((r < 0l) != (b < 0l))) r += b;
	return r;
}

int64_t l_shl(int64_t a, int64_t b) { return (b < 0l || b >= 64l) ? 0l : a << int(b); }
int64_t l_shr(int64_t a, int64_t b) {
	if (b < 0l || b >= 64l) return a < 0l ? -1l : 0l;
	return a >> int(b);
}

int64_t l_sign(int64_t x) { return x > 0l ? 1l : (x < 0l ? -1l : 0l); }
int64_t l_min(int64_t a, int64_t b) { return b < a ? b : a; }
int64_t l_max(int64_t a, int64_t b) { return b > a ? b : a; }

uint64_t ul_floordiv(uint64_t a, uint64_t b) { return b == 0ul ? 0ul : a / b; }
uint64_t ul_remainder(uint64_t a, uint64_t b) { return b == 0ul ? 0ul : a % b; }
uint64_t ul_shl(uint64_t a, uint64_t b) { return b >= 64ul ? 0ul : a << uint(b); }
uint64_t ul_shr(uint64_t a, uint64_t b) { return b >= 64ul ? 0ul : a >> uint(b); }
uint64_t ul_min(uint64_t a, uint64_t b) { return b < a ? b : a; }
uint64_t ul_max(uint64_t a, uint64_t b) { return b > a ? b : a; }

uint64_t ul_pow(uint64_t a, uint64_t b) {
	uint64_t r = 1ul;
	while (b > 0ul) {
		if ((b & 1ul) == 1ul) r *= a;
		a *= a;
		b >>= 1;
	}
	return r;
}
