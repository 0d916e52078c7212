package arrays

import "workbench/kernels"

// SetWorkers sets how many goroutines the shared worker pool uses for every
// CPU kernel, and returns the previous number; n < 1 means one per CPU.
// Results are bit-for-bit the same for any number of workers.
func SetWorkers(n int) int { return kernels.SetWorkers(n) }

// Workers returns how many goroutines the shared worker pool uses.
func Workers() int { return kernels.Workers() }
