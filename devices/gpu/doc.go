// Package gpu is the GPU device: the Device interface of package devices
// on OpenGL 4.3 compute shaders, in a headless EGL context of its own.
//
// Importing the package installs its probe (devices.SetGPUProbe); the
// context is created on the first call of devices.GPU, devices.GPUAbsence
// or Open, on a goroutine locked to its OS thread that runs every GL call.
// Where there is no EGL display, no OpenGL 4.3 core context or no compute
// shaders, or the program was built without cgo, the device is absent and
// devices.GPUAbsence says why; WORKBENCH_GPU=off in the environment turns
// it off. Mesa's llvmpipe (software) gives a working device on any Linux
// machine with libEGL; it is for correctness, not speed.
//
// Buffers are shader storage buffers laid out as package kernels/glsl
// describes (bool takes one 32-bit word per element). Every dtype can be
// allocated, filled from the host, read back through any strided view and
// copied unchanged (the 1- and 2-byte dtypes with atomic stores into their
// shared words). Conversions, element-wise arithmetic, reductions and
// scans run for float32, int32, uint32, int8, uint8, int16, uint16 and
// bool; for float64 where the GPU has double precision (without
// transcendental functions), and for int64 and uint64 where it has
// GL_ARB_gpu_shader_int64 (Info's "fp64" and "int64" details say). Matrix
// products run for float32, int32, uint32, float64, int64 and uint64 (the
// last three with those features). Everything else
// returns an error matching devices.ErrNotImplemented, so that callers
// fall back to the CPU. A
// buffer's GL storage is freed when the buffer is garbage collected, or
// at once by its Release method.
//
// The device is safe for concurrent use: its GL work is queued to the one
// GL thread. Operations return once queued; reading back (ToHost) waits
// for them, and Sync waits for everything.
//
// Results match the CPU device bit for bit for integers, bools, copies,
// conversions, comparisons and IEEE-exact float operations. Float32
// transcendentals come within a few ulps over the whole float32 range
// (see package kernels/glsl).
// Float sums are within 1e-6 (float32) or 1e-13 (float64) of the sum of
// the magnitudes of the terms from the exact sum, products within 1e-5
// (1e-13) relative for reductions; cumulative products accumulate
// rounding errors with the number of factors, as on the CPU (float32,
// 65536 factors near 1: 3.3e-4 relative, the CPU's sequential product
// 4.6e-5). The package's tests check all this against the CPU device on
// llvmpipe.
//
// The EGL library is loaded at run time (dlopen of libEGL.so.1), so a
// program that imports this package still starts where there is none;
// the context is made on an EGL device that is not a software renderer
// (a real GPU) if there is one, and otherwise on Mesa's surfaceless
// platform. Other systems than Linux have no GPU device.
package gpu
