package arrays

// matmulOptions holds the options of Matmul, Tensordot and Vecdot.
type matmulOptions struct{}
