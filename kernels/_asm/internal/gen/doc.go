// Package gen holds what the avo generators of package kernels share:
//
//   - ISA: the vector instruction sets (AVX2, AVX512), their registers and
//     the bitwise, rounding, blend and lane-mask operations that differ
//     between them;
//   - Elem: the float element types (Float64, Float32) with their packed,
//     scalar and masked instructions, and LoadBroadcast;
//   - Splat and Pool: 64-byte read-only broadcast constants;
//   - Masks and Tail: the masked tails of element-wise kernels;
//   - the loop skeletons around kernel bodies: UnrolledLoop,
//     Masks.StreamLoop, FlaggedLoop, EachBlock and BlockLoop;
//   - the reduction steps Halves and FoldSum8F64.
//
// Everything here emits through avo's global build context, in the order
// the generator calls it, exactly as if the generator had written the
// instructions itself: moving code here must not change a byte of the
// generated files.
package gen
