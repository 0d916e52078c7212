#version 430
// Generated from kernels/glsl/shaders; {{.Name}}.
//
// C = A B for a stack of matrices with few columns in C (n = 1: a
// matrix-vector product): A (m, k), B (k, n), C (m, n), each addressed
// through its strides, the stack (batch) through u_bndim axes of shape
// u_bshape with a stride per operand (0 for broadcast axes).
//
// A work group of RW x KL invocations computes RW rows of C, NC columns
// of them: invocation (r, l) of row r sums the products of k = l, l + KL,
// ... for each of the NC columns, straight from the buffers, and the KL
// lanes of a row add their sums up pairwise in shared memory. With
// KFAST the invocations are numbered along k first (the lanes of a row
// adjacent), otherwise along the rows. Work groups loop over the blocks
// of rows (x) and of columns (y) and the stack (z) when there are more
// than the dispatch covers.
#define RW {{.RW}}
#define KL {{.KL}}
#define NC {{.NC}}
#define NT {{.NT}}
{{if .KFast}}#define KFAST
{{end}}layout(local_size_x = NT) in;

uniform int u_m;
uniform int u_n;
uniform int u_k;
uniform int u_nbatch;
uniform int u_bndim;
uniform int u_bshape[8];
uniform int u_bsa[8];
uniform int u_bsb[8];
uniform int u_bsc[8];
uniform int u_sa[2];  // A's strides: row, k
uniform int u_sb[2];  // B's strides: k, column
uniform int u_sc[2];  // C's strides: row, column
uniform int u_off[3]; // offsets of C, A, B

layout(std430, binding = 0) buffer B0 { uint w0[]; };
layout(std430, binding = 1) readonly buffer B1 { uint w1[]; };
layout(std430, binding = 2) readonly buffer B2 { uint w2[]; };
{{.Access}}
#define T {{.T}}

#ifdef KFAST
#define LSTEP 1
#else
#define LSTEP RW
#endif
#if KL > 1
shared T part[NC][NT];
#endif

void main() {
	int lid = int(gl_LocalInvocationID.x);
#ifdef KFAST
	int r = lid / KL, l = lid - r * KL;
#else
	int l = lid / RW, r = lid - l * RW;
#endif
	int blocksM = (u_m + RW - 1) / RW;
	int blocksN = (u_n + NC - 1) / NC;
	for (int bt = int(gl_WorkGroupID.z); bt < u_nbatch; bt += int(gl_NumWorkGroups.z)) {
		int oc = u_off[0], oa = u_off[1], ob = u_off[2];
		int q = bt;
		for (int d = u_bndim - 1; d >= 0; d--) {
			int s = u_bshape[d];
			int qq = q / s;
			int i = q - qq * s;
			oc += i * u_bsc[d];
			oa += i * u_bsa[d];
			ob += i * u_bsb[d];
			q = qq;
		}
		for (int tn = int(gl_WorkGroupID.y); tn < blocksN; tn += int(gl_NumWorkGroups.y)) {
			int j0 = tn * NC;
			// B's columns past the last are read as the last (and not
			// stored).
			int cb[NC];
			for (int j = 0; j < NC; j++) {
				cb[j] = ob + min(j0 + j, u_n - 1) * u_sb[1];
			}
			for (int tm = int(gl_WorkGroupID.x); tm < blocksM; tm += int(gl_NumWorkGroups.x)) {
				int i = tm * RW + r;
				T acc[NC];
				for (int j = 0; j < NC; j++) {
					acc[j] = T(0);
				}
				if (i < u_m) {
					int pa = oa + i * u_sa[0];
					for (int p = l; p < u_k; p += KL) {
						T x = ld1(pa + p * u_sa[1]);
						int pb = p * u_sb[0];
						for (int j = 0; j < NC; j++) {
							acc[j] += x * ld2(cb[j] + pb);
						}
					}
				}
#if KL > 1
				for (int j = 0; j < NC; j++) {
					part[j][lid] = acc[j];
				}
				barrier();
				for (int s = KL / 2; s > 0; s >>= 1) {
					if (l < s) {
						for (int j = 0; j < NC; j++) {
							part[j][lid] += part[j][lid + s * LSTEP];
						}
					}
					barrier();
				}
				for (int j = 0; j < NC; j++) {
					acc[j] = part[j][lid];
				}
#endif
				if (l == 0 && i < u_m) {
					for (int j = 0; j < NC; j++) {
						if (j0 + j < u_n) {
							st0(oc + i * u_sc[0] + (j0 + j) * u_sc[1], acc[j]);
						}
					}
				}
			}
		}
	}
}
