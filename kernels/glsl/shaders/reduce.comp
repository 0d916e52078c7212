{{template "header.glsl" .}}
// Reduces u_k elements for each of u_m outputs. Output m sits at kept
// indices (m decomposed over u_kshape), input element (m, k) at m's kept
// offset plus k decomposed over u_rshape. Partial results are rows of
// u_groups values, one per work group along x.
{{if .FromPartials}}#define FROM_PARTIALS
{{end}}{{if .ToPartials}}#define TO_PARTIALS
{{end}}{{if .Serial}}#define SERIAL
{{end}}
uniform int u_m;
uniform int u_k;
uniform int u_chunk;
uniform int u_groups;
uniform int u_kndim;
uniform int u_kshape[8];
uniform int u_kin[8];
uniform int u_kout[8];
uniform int u_rndim;
uniform int u_rshape[8];
uniform int u_rin[8];
uniform int u_inoff;
uniform int u_outoff;

layout(std430, binding = 0) buffer B0 { uint w0[]; };
layout(std430, binding = 1) readonly buffer B1 { uint w1[]; };
{{.Access}}
{{.Helpers}}
#define T {{.In}}
T combine(T acc, T x) { return {{.Combine}}; }

int inBase(int m) {
#ifdef FROM_PARTIALS
	return m * u_k;
#else
	int o = u_inoff;
	for (int d = u_kndim - 1; d >= 0; d--) {
		int n = u_kshape[d];
		int q = m / n;
		o += (m - q * n) * u_kin[d];
		m = q;
	}
	return o;
#endif
}

int inIndex(int base, int k) {
#ifdef FROM_PARTIALS
	return base + k;
#else
	if (u_rndim == 1) {
		return base + k * u_rin[0];
	}
	int o = base;
	for (int d = u_rndim - 1; d >= 0; d--) {
		int n = u_rshape[d];
		int q = k / n;
		o += (k - q * n) * u_rin[d];
		k = q;
	}
	return o;
#endif
}

int outIndex(int m, int g) {
#ifdef TO_PARTIALS
	return m * u_groups + g;
#else
	int o = u_outoff;
	for (int d = u_kndim - 1; d >= 0; d--) {
		int n = u_kshape[d];
		int q = m / n;
		o += (m - q * n) * u_kout[d];
		m = q;
	}
	return o;
#endif
}

#ifdef SERIAL
void main() {
	int step = int(gl_NumWorkGroups.x) * WG;
	for (int m = int(gl_GlobalInvocationID.x); m < u_m; m += step) {
		int base = inBase(m);
		T acc = {{.Identity}};
		for (int k = 0; k < u_k; k++) {
			acc = combine(acc, ld1(inIndex(base, k)));
		}
		st0(outIndex(m, 0), acc);
	}
}
#else
shared T sh[WG];

void main() {
	int lid = int(gl_LocalInvocationID.x);
	for (int m = int(gl_WorkGroupID.y); m < u_m; m += int(gl_NumWorkGroups.y)) {
		int base = inBase(m);
		for (int g = int(gl_WorkGroupID.x); g < u_groups; g += int(gl_NumWorkGroups.x)) {
			int lo = g * u_chunk;
			int hi = min(u_k, lo + u_chunk);
			T acc = {{.Identity}};
			for (int k = lo + lid; k < hi; k += WG) {
				acc = combine(acc, ld1(inIndex(base, k)));
			}
			sh[lid] = acc;
			barrier();
			for (int s = WG / 2; s > 0; s >>= 1) {
				if (lid < s) {
					sh[lid] = combine(sh[lid], sh[lid + s]);
				}
				barrier();
			}
			if (lid == 0) {
				st0(outIndex(m, g), sh[0]);
			}
			barrier();
		}
	}
}
#endif
