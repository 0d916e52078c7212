#version 430
// Generated from kernels/glsl/shaders; {{.Name}}.
//
// C = A B for a stack of matrices: A (m, k), B (k, n), C (m, n), each
// addressed through its strides, the stack (batch) through u_bndim axes
// of shape u_bshape with a stride per operand (0 for broadcast axes).
//
// A work group of TX x TY invocations computes a tile of BM x BN = (TY
// RM) x (TX RN) elements of C, each invocation an RM x RN block of it
// (rows ty + TY i, columns tx + TX j), stepping through k by TK: each
// step loads a BM x TK tile of A and a TK x BN tile of B into shared
// memory (zeros beyond the edges), with the invocations walking along
// the operand's fastest axis. Work groups loop over the tiles and the
// stack when there are more than the dispatch covers.
#define TX {{.TX}}
#define TY {{.TY}}
#define RM {{.RM}}
#define RN {{.RN}}
#define TK {{.TK}}
#define BM (TY * RM)
#define BN (TX * RN)
#define NT (TX * TY)
layout(local_size_x = TX, local_size_y = TY) in;

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
uniform int u_afast;  // 1: load A along its rows (m), 0: along k
uniform int u_bfast;  // 1: load B along k, 0: along its columns (n)

layout(std430, binding = 0) buffer B0 { uint w0[]; };
layout(std430, binding = 1) readonly buffer B1 { uint w1[]; };
layout(std430, binding = 2) readonly buffer B2 { uint w2[]; };
{{.Access}}
#define T {{.T}}

shared T sa[TK][BM];
shared T sb[TK][BN];

void main() {
	int tx = int(gl_LocalInvocationID.x);
	int ty = int(gl_LocalInvocationID.y);
	int lid = ty * TX + tx;
	int tilesM = (u_m + BM - 1) / BM;
	int tilesN = (u_n + BN - 1) / BN;
	for (int bt = int(gl_WorkGroupID.z); bt < u_nbatch; bt += int(gl_NumWorkGroups.z)) {
		int oc = u_off[0], oa = u_off[1], ob = u_off[2];
		int q = bt;
		for (int d = u_bndim - 1; d >= 0; d--) {
			int s = u_bshape[d];
			int r = q / s;
			int i = q - r * s;
			oc += i * u_bsc[d];
			oa += i * u_bsa[d];
			ob += i * u_bsb[d];
			q = r;
		}
		for (int tm = int(gl_WorkGroupID.y); tm < tilesM; tm += int(gl_NumWorkGroups.y)) {
			for (int tn = int(gl_WorkGroupID.x); tn < tilesN; tn += int(gl_NumWorkGroups.x)) {
				int m0 = tm * BM, n0 = tn * BN;
				T acc[RM][RN];
				for (int i = 0; i < RM; i++) {
					for (int j = 0; j < RN; j++) {
						acc[i][j] = T(0);
					}
				}
				for (int k0 = 0; k0 < u_k; k0 += TK) {
					// Load the tiles: BM * TK and TK * BN elements, NT at a time.
					for (int e = lid; e < BM * TK; e += NT) {
						int i, p;
						if (u_afast != 0) {
							i = e % BM;
							p = e / BM;
						} else {
							p = e % TK;
							i = e / TK;
						}
						int gi = m0 + i, gp = k0 + p;
						sa[p][i] = gi < u_m && gp < u_k ? ld1(oa + gi * u_sa[0] + gp * u_sa[1]) : T(0);
					}
					for (int e = lid; e < TK * BN; e += NT) {
						int j, p;
						if (u_bfast != 0) {
							p = e % TK;
							j = e / TK;
						} else {
							j = e % BN;
							p = e / BN;
						}
						int gj = n0 + j, gp = k0 + p;
						sb[p][j] = gj < u_n && gp < u_k ? ld2(ob + gp * u_sb[0] + gj * u_sb[1]) : T(0);
					}
					barrier();
					for (int p = 0; p < TK; p++) {
						T a[RM], b[RN];
						for (int i = 0; i < RM; i++) {
							a[i] = sa[p][ty + TY * i];
						}
						for (int j = 0; j < RN; j++) {
							b[j] = sb[p][tx + TX * j];
						}
						for (int i = 0; i < RM; i++) {
							for (int j = 0; j < RN; j++) {
								acc[i][j] += a[i] * b[j];
							}
						}
					}
					barrier();
				}
				for (int i = 0; i < RM; i++) {
					int gi = m0 + ty + TY * i;
					if (gi >= u_m) {
						break;
					}
					for (int j = 0; j < RN; j++) {
						int gj = n0 + tx + TX * j;
						if (gj < u_n) {
							st0(oc + gi * u_sc[0] + gj * u_sc[1], acc[i][j]);
						}
					}
				}
			}
		}
	}
}
