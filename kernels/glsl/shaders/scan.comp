{{template "header.glsl" .}}
// Running sums or products along lines: u_m lines of u_k elements. Line m
// starts at its offsets (m decomposed over u_lshape, with the source and
// destination strides u_lsrc, u_ldst); element k of it is k strides u_ksrc
// (u_kdst) further. SERIAL scans each line in one invocation, in order.
// BLOCKS scans blocks of WG elements in shared memory and writes each
// block's total to row m of the sums (u_nb per row); ADD then combines the
// scanned sums of the blocks before each block into its elements.
#define {{.Phase}}
uniform int u_m;
uniform int u_k;
uniform int u_nb;
uniform int u_lndim;
uniform int u_lshape[8];
uniform int u_lsrc[8];
uniform int u_ldst[8];
uniform int u_ksrc;
uniform int u_kdst;
uniform int u_soff;
uniform int u_doff;

layout(std430, binding = 0) buffer B0 { uint w0[]; };
layout(std430, binding = 1) readonly buffer B1 { uint w1[]; };
layout(std430, binding = 2) buffer B2 { uint w2[]; };
{{.Access}}
{{.Helpers}}
#define T {{.In}}
T combine(T acc, T x) { return {{.Combine}}; }

void lineStart(int m, out int s, out int d) {
	s = u_soff;
	d = u_doff;
	for (int i = u_lndim - 1; i >= 0; i--) {
		int n = u_lshape[i];
		int q = m / n;
		int r = m - q * n;
		s += r * u_lsrc[i];
		d += r * u_ldst[i];
		m = q;
	}
}

#ifdef SERIAL
void main() {
	int step = int(gl_NumWorkGroups.x) * WG;
	for (int m = int(gl_GlobalInvocationID.x); m < u_m; m += step) {
		int s, d;
		lineStart(m, s, d);
		T acc = {{.Identity}};
		for (int k = 0; k < u_k; k++) {
			acc = combine(acc, ld1(s + k * u_ksrc));
			st0(d + k * u_kdst, acc);
		}
	}
}
#endif

#ifdef BLOCKS
shared T sh[WG];

void main() {
	int lid = int(gl_LocalInvocationID.x);
	for (int m = int(gl_WorkGroupID.y); m < u_m; m += int(gl_NumWorkGroups.y)) {
		int s, d;
		lineStart(m, s, d);
		for (int b = int(gl_WorkGroupID.x); b < u_nb; b += int(gl_NumWorkGroups.x)) {
			int k = b * WG + lid;
			T v = {{.Identity}};
			if (k < u_k) {
				v = ld1(s + k * u_ksrc);
			}
			sh[lid] = v;
			barrier();
			for (int off = 1; off < WG; off <<= 1) {
				T t = {{.Identity}};
				if (lid >= off) {
					t = sh[lid - off];
				}
				barrier();
				sh[lid] = combine(t, sh[lid]);
				barrier();
			}
			if (k < u_k) {
				st0(d + k * u_kdst, sh[lid]);
			}
			if (lid == WG - 1) {
				st2(m * u_nb + b, sh[lid]);
			}
			barrier();
		}
	}
}
#endif

#ifdef ADD
void main() {
	int step = int(gl_NumWorkGroups.x) * WG;
	int n = u_m * u_k;
	for (int i = int(gl_GlobalInvocationID.x); i < n; i += step) {
		int m = i / u_k;
		int k = i - m * u_k;
		int b = k / WG;
		if (b == 0) {
			continue;
		}
		int s, d;
		lineStart(m, s, d);
		int o = d + k * u_kdst;
		st0(o, combine(ld2(m * u_nb + b - 1), ld0(o)));
	}
}
#endif
