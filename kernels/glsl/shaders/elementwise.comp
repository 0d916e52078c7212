{{template "header.glsl" .}}
{{if .Strided}}#define STRIDED
{{end}}{{template "index.glsl" .}}
layout(std430, binding = 0) buffer B0 { uint w0[]; };
layout(std430, binding = 1) readonly buffer B1 { uint w1[]; };
{{if .Binary}}layout(std430, binding = 2) readonly buffer B2 { uint w2[]; };
{{end}}
{{.Access}}
{{.Helpers}}
void main() {
	int step = int(gl_NumWorkGroups.x) * WG;
	for (int i = int(gl_GlobalInvocationID.x); i < u_n; i += step) {
		int o0, o1, o2;
		offsets(i, o0, o1, o2);
		{{.In}} a = ld1(o1);
{{if .Binary}}		{{.In}} b = ld2(o2);
{{end}}		st0(o0, {{.Expr}});
	}
}
