package eigsym

// ApplyQ is applyQ for the benchmarks of package eigsym_test.
func ApplyQ(n int, a []float64, lda int, tau, z []float64, ldz int) {
	ws := getWorkspace(n)
	defer putWorkspace(ws)
	ws.applyQ(n, a, lda, tau, z, ldz)
}
