// Package kernels is where Workbench computes: loops over typed slices with
// strides, the shared worker pool that splits large work across cores, and
// (later) generated SIMD assembly and GLSL compute shaders.
//
// Kernels know nothing of arrays: they take Go slices, an offset and strides
// in elements, and a shape to iterate over. Every loop has a fast path for
// contiguous data and a general strided path.
//
// Parallel work is cut into chunks whose size depends only on the work, never
// on the number of workers, and partial results are combined in a fixed
// order, so results are bit-for-bit the same for any worker count.
package kernels
