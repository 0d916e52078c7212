// Operand k (0 = destination, 1 = first input, 2 = second input) of
// element i: offset u_off[k] plus, per axis d, the index along d times the
// stride u_st[8*k+d]. STRIDED walks up to 8 axes; otherwise the view is
// one axis (contiguous, reversed, strided or broadcast).
uniform int u_n;
uniform int u_ndim;
uniform int u_shape[8];
uniform int u_st[24];
uniform int u_off[3];

void offsets(int i, out int o0, out int o1, out int o2) {
	o0 = u_off[0];
	o1 = u_off[1];
	o2 = u_off[2];
#ifdef STRIDED
	for (int d = u_ndim - 1; d >= 0; d--) {
		int n = u_shape[d];
		int q = i / n;
		int r = i - q * n;
		o0 += r * u_st[d];
		o1 += r * u_st[8 + d];
		o2 += r * u_st[16 + d];
		i = q;
	}
#else
	o0 += i * u_st[0];
	o1 += i * u_st[8];
	o2 += i * u_st[16];
#endif
}
