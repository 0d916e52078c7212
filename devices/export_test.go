package devices

import "workbench/arrays/dtype"

// PoolFree is the number of recycled buffers of dtype dt and length n that
// wait in the pool.
func PoolFree(dt dtype.DType, n int) int {
	bufPool.Lock()
	defer bufPool.Unlock()
	return len(bufPool.free[poolKey{dt, n}])
}
