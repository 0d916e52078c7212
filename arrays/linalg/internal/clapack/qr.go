package clapack

import "math/cmplx"

// geqr2 factorizes the column-major m×n matrix c (column j is
// c[j*m : j*m+m]) in place by Householder reflections as LAPACK's zgeqr2
// does: R in the upper triangle, the reflectors' vectors below it, their
// scalars returned.
func geqr2(m, n int, c []complex128) (tau []complex128) {
	k := min(m, n)
	tau = make([]complex128, k)
	for j := 0; j < k; j++ {
		col := c[j*m : j*m+m]
		beta, t := larfg(col[j], col[j+1:])
		tau[j] = t
		if t != 0 && j+1 < n {
			col[j] = 1
			v := col[j:]
			ct := cmplx.Conj(t)
			for jj := j + 1; jj < n; jj++ {
				applyLeft(ct, v, c[jj*m+j:jj*m+m])
			}
		}
		col[j] = beta
	}
	return tau
}

// qr is QR.
func qr(m, n int, a []complex128, complete bool) (q, r []complex128) {
	k := min(m, n)
	c := transpose(m, n, a) // column-major copy
	tau := geqr2(m, n, c)

	rrows, qcols := k, k
	if complete {
		rrows, qcols = m, m
	}
	r = make([]complex128, rrows*n)
	for i := 0; i < min(rrows, k); i++ {
		for j := i; j < n; j++ {
			r[i*n+j] = c[j*m+i]
		}
	}

	qc := make([]complex128, m*qcols)
	copy(qc, c[:m*min(k, qcols)])
	ung2r(m, qcols, k, qc, tau)
	q = transpose(qcols, m, qc)
	return q, r
}
