// Package glsl holds the GLSL compute shaders of the GPU device and makes
// their source text for one operation and element type at a time.
//
// The shaders are files under shaders/, embedded in the binary; each
// function here fills one of them in (text/template) with the element
// type's loads and stores, the operation's expression and helper
// functions, and returns a Program: a name that is also its cache key, and
// the complete source. Compiling is the GPU device's business
// (devices/gpu), once per context and key. This package has no cgo and no
// GL: it builds everywhere, and its tests check the generated text.
//
// # Storage
//
// Every buffer is a shader storage buffer of 32-bit words, read as uint
// and converted in the shader:
//
//   - float32, int32, uint32: one word per element;
//   - bool: one word per element, 0 or 1 (StorageBytes counts 4 bytes);
//   - float64, int64, uint64, complex64: two words (little-endian halves);
//   - complex128: four words;
//   - int8, uint8, int16, uint16: packed bytes, rounded up to whole words.
//
// All dtypes can be stored and copied unchanged (Copy of the same dtype
// moves whole words; the byte-sized ones cannot be gathered in a shader
// and are left to the device), but arithmetic exists only for float32,
// int32, uint32, bool and, where the GPU has them (Features), float64
// (GL_ARB_gpu_shader_fp64) and int64 and uint64 (GL_ARB_gpu_shader_int64,
// enabled in the shaders that use it). Everything else gives an error
// matching kernels.ErrNotImplemented, so that callers fall back to the CPU.
//
// # Precision
//
// Integer and bool operations, comparisons, copies and conversions,
// float32 and float64 +, -, *, /, sqrt, abs, floor, ceil, trunc, round,
// sign, copysign, nextafter, maximum and minimum give the CPU's bits on
// IEEE-conforming GPUs (GLSL allows 2.5 ulp for float32 division; Mesa's
// llvmpipe is exact). The float32 transcendentals are written here (exp
// with Cody and Waite's reduction, atan after Cephes, asin and acos
// through atan2, logarithms near 1 by series and of subnormals from their
// bits, pow through float64 where the GPU has it; sin, cos and tan whole,
// with Payne and Hanek's exact argument reduction in integers and
// Cephes' polynomials) on top of GLSL's exp, exp2, log and log2,
// whose precision GLSL leaves to the implementation. On llvmpipe they come
// within 4 ulps of the CPU's correctly rounded results over the whole
// float32 range (sin and cos within 2, tan 2 to 4; 8 for expm1, tanh and
// the inverse hyperbolics), pow within 1 ulp with float64 and 160 ulps
// without, logaddexp within 4 ulps of its larger operand (as NumPy's
// float32 formula);
// results below the smallest normal float32 may flush to zero.
// devices/gpu's tests check these bounds. Sums and products in
// reductions and cumulative operations combine in tree order, not the
// CPU's pairwise or sequential order.
package glsl
