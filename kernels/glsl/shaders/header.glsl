#version 430
// Generated from kernels/glsl/shaders; {{.Name}}.
layout(local_size_x = 256) in;
#define WG 256
#define F_INF uintBitsToFloat(0x7f800000u)
#define F_NAN uintBitsToFloat(0x7fc00000u)
