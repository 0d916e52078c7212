package devices

// Matmuler is implemented by devices that multiply stacks of matrices
// themselves. Callers (the arrays layer) check for it with a type
// assertion and otherwise compute on the CPU.
//
// Matmul computes dst = a b for every matrix of a stack: a has shape
// (..., m, k), b (..., k, n) and dst (..., m, n), with the same leading
// (batch) axes in all three, already broadcast by the caller (stride 0
// along a broadcast axis of a or b). Every view may have any strides,
// negative and transposed ones included; dst must not overlap a or b.
// The three dtypes are equal (the caller promotes first); a device
// returns an error matching ErrNotImplemented for a dtype it does not
// multiply, so that the caller can fall back to the CPU. With k = 0, dst
// is set to zeros. Integer products and sums wrap, as element-wise
// integer arithmetic does; float sums may run in any order (blocked,
// fused multiply-adds), so their rounding differs from the CPU's within
// the usual bound of a few units of the dtype's precision times k times
// the sum of |a||b| along k.
type Matmuler interface {
	Matmul(dst, a, b View) error
}
