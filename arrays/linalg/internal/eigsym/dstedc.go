package eigsym

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sync/atomic"

	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/lapack/gonum"

	"workbench/arrays/dtype"
	"workbench/devices"
	"workbench/kernels"
)

// ErrNoConvergence is the error of a solver whose iteration (QL/QR on a
// small subproblem, or the secular equation's root finder) did not
// converge.
var ErrNoConvergence = errors.New("eigsym: eigenvalue iteration did not converge")

// smallSize is the largest subproblem solved by the implicit QL/QR
// iteration (gonum's Dsteqr) instead of being divided (LAPACK's SMLSIZ).
const smallSize = 25

// Tridiag computes all the eigenvalues and eigenvectors of the n×n
// symmetric tridiagonal matrix T with diagonal d (n = len(d)) and
// off-diagonal e (len(e) ≥ n-1) by Cuppen's divide and conquer method
// (LAPACK's dstedc). On return d holds the eigenvalues in ascending order,
// e is destroyed, and row j of z (z[j*ldz : j*ldz+n], ldz ≥ max(1, n))
// is the unit eigenvector of d[j]: z holds Vᵀ, where T = V·diag(d)·Vᵀ.
// d and e must be finite. The error wraps ErrNoConvergence if an
// iteration failed.
func Tridiag(d, e, z []float64, ldz int) error {
	n := len(d)
	switch {
	case len(e) < n-1:
		panic(fmt.Sprintf("eigsym: Tridiag of order %d with %d off-diagonal elements", n, len(e)))
	case ldz < max(1, n):
		panic(fmt.Sprintf("eigsym: Tridiag of order %d with ldz %d", n, ldz))
	case n > 0 && len(z) < (n-1)*ldz+n:
		panic(fmt.Sprintf("eigsym: Tridiag of order %d with len(z) %d < %d", n, len(z), (n-1)*ldz+n))
	}
	if n == 0 {
		return nil
	}
	ws := getWorkspace(n)
	defer putWorkspace(ws)
	perm, err := ws.tridiag(d, e, z, ldz)
	if err != nil {
		return err
	}
	tmp := ws.q2[:n*n]
	permute(d, z, ldz, perm, tmp, ws.dsave)
	for j := range n {
		copy(z[j*ldz:j*ldz+n], tmp[j*n:(j+1)*n])
	}
	return nil
}

// permute sorts the eigenpairs: d becomes d[perm[0]], d[perm[1]], … and
// row j of dst (n×n, stride n) row perm[j] of z (stride ldz). dtmp is
// scratch of length n.
func permute(d, z []float64, ldz int, perm []int, dst, dtmp []float64) {
	n := len(d)
	for j, p := range perm[:n] {
		dtmp[j] = d[p]
		copy(dst[j*n:(j+1)*n], z[p*ldz:p*ldz+n])
	}
	copy(d, dtmp[:n])
}

// workspace is the scratch memory of the solver for order up to n.
type workspace struct {
	n                           int
	q2, s, zt                   []float64 // n*n each
	z, dlamda, w, dsave, t1, ev []float64 // n each (ev 2n)
	small                       []float64 // smallSize² + 2·smallSize
	indxq, indx, indxc, indxp   []int     // n each
	coltyp                      []int8    // n
}

// getWorkspace returns a workspace for order n. Its three n×n arrays
// come from the devices' pool of recycled buffers: fresh memory costs a
// page fault per page on first touch, as much as the divide and conquer.
func getWorkspace(n int) *workspace {
	m := max(n, 1)
	return &workspace{
		n:      n,
		q2:     pooled(m * m),
		s:      pooled(m * m),
		zt:     pooled(m * m),
		z:      make([]float64, m),
		dlamda: make([]float64, m),
		w:      make([]float64, m),
		dsave:  make([]float64, m),
		t1:     make([]float64, m),
		ev:     make([]float64, 2*m),
		small:  make([]float64, smallSize*smallSize+2*smallSize),
		indxq:  make([]int, m),
		indx:   make([]int, m),
		indxc:  make([]int, m),
		indxp:  make([]int, m),
		coltyp: make([]int8, m),
	}
}

// putWorkspace hands ws's n×n arrays back to the devices' pool (once the
// garbage collector finds them unreachable); ws must not be used after.
func putWorkspace(ws *workspace) {
	for _, b := range [][]float64{ws.q2, ws.s, ws.zt} {
		if _, err := devices.WrapPooled(b); err != nil {
			panic(err)
		}
	}
	*ws = workspace{}
}

// pooled returns n float64s of unspecified contents from the devices'
// pool of recycled buffers, or fresh ones.
func pooled(n int) []float64 {
	data, err := devices.HostSlice(dtype.Float64, n)
	if err != nil {
		panic(err)
	}
	return data.([]float64)
}

// tridiag is Tridiag in the column-major terms of LAPACK: column j of the
// n×n matrix q (leading dimension ldq) — row j of Vᵀ in row-major terms —
// is the eigenvector of d[j]. The eigenpairs come out unsorted; perm lists
// their indices in ascending order of the eigenvalues (ws.indxq).
func (ws *workspace) tridiag(d, e, q []float64, ldq int) (perm []int, err error) {
	n := len(d)
	perm = ws.indxq[:n]
	for i := range perm {
		perm[i] = i
	}
	if n == 1 {
		q[0] = 1
		return perm, nil
	}
	for j := range n {
		col := q[j*ldq : j*ldq+n]
		clear(col)
		col[j] = 1
	}
	if maxAbs(d, e[:n-1]) == 0 {
		return perm, nil
	}
	// Solve each unreduced block (split at negligible off-diagonal
	// elements) on its own.
	for start := 0; start < n; {
		finish := start
		for finish < n-1 {
			tiny := eps * math.Sqrt(math.Abs(d[finish])) * math.Sqrt(math.Abs(d[finish+1]))
			if math.Abs(e[finish]) <= tiny {
				break
			}
			finish++
		}
		m := finish - start + 1
		bd, be := d[start:finish+1], e[start:finish]
		blk := q[start+start*ldq:]
		if m == 1 {
			start = finish + 1
			continue
		}
		// Scale the block to norm 1 (the secular equation solver relies
		// on that, and Dsteqr then needs no scaling of its own), solve and
		// scale back.
		nrm := maxAbs(bd, be)
		for i := range bd {
			bd[i] /= nrm
		}
		for i := range be {
			be[i] /= nrm
		}
		bq := perm[start : finish+1]
		if err := ws.divide(bd, be, blk, ldq, bq); err != nil {
			return nil, err
		}
		for i := range bd {
			bd[i] *= nrm
		}
		for i := range bq {
			bq[i] += start
		}
		start = finish + 1
	}
	// Merge the blocks' orders; within blocks perm is (nearly) sorted
	// already, so a stable sort is cheap and guarantees ascending order.
	slices.SortStableFunc(perm, func(a, b int) int {
		switch {
		case d[a] < d[b]:
			return -1
		case d[a] > d[b]:
			return 1
		}
		return 0
	})
	return perm, nil
}

// maxAbs returns the largest absolute value in a and b (NaNs ignored).
func maxAbs(a, b []float64) float64 {
	m := 0.0
	for _, v := range a {
		if v := math.Abs(v); v > m {
			m = v
		}
	}
	for _, v := range b {
		if v := math.Abs(v); v > m {
			m = v
		}
	}
	return m
}

// steqr solves the small tridiagonal problem (d, e), n = len(d) ≤
// smallSize, by gonum's Dsteqr, and stores the eigenvectors as the
// columns of the column-major q (leading dimension ldq), in ascending
// order of the eigenvalues.
func (ws *workspace) steqr(d, e, q []float64, ldq int) error {
	n := len(d)
	zr := ws.small[:n*n]
	work := ws.small[smallSize*smallSize:]
	if !(gonum.Implementation{}).Dsteqr(lapack.EVTridiag, n, d, e, zr, n, work) {
		return fmt.Errorf("%w (QL/QR iteration on a block of order %d)", ErrNoConvergence, n)
	}
	for j := range n {
		col := q[j*ldq : j*ldq+n]
		for i := range col {
			col[i] = zr[i*n+j]
		}
	}
	return nil
}

// divide solves the unreduced tridiagonal problem (d, e), n = len(d),
// into the n×n block q (column-major, leading dimension ldq, all zero
// outside its diagonal on entry) by cutting it in two with a rank-one
// modification, solving the halves and merging them (LAPACK's dlaed0 for
// icompq = 2). On return d[indxq[0]] ≤ d[indxq[1]] ≤ … and column j of q
// is the eigenvector of d[j].
func (ws *workspace) divide(d, e, q []float64, ldq int, indxq []int) error {
	n := len(d)
	if n <= smallSize {
		for i := range indxq[:n] {
			indxq[i] = i
		}
		return ws.steqr(d, e[:n-1], q, ldq)
	}
	n1 := n / 2
	rho := e[n1-1]
	d[n1-1] -= math.Abs(rho)
	d[n1] -= math.Abs(rho)
	if err := ws.divide(d[:n1], e[:n1-1], q, ldq, indxq[:n1]); err != nil {
		return err
	}
	if err := ws.divide(d[n1:], e[n1:n-1], q[n1+n1*ldq:], ldq, indxq[n1:n]); err != nil {
		return err
	}
	return ws.merge(n, n1, d, q, ldq, indxq, rho)
}

// Column types of merge: a column with only its top n1 components
// nonzero, both, only its bottom n-n1, or deflated.
const (
	colTop int8 = iota
	colBoth
	colBottom
	colDeflated
)

// merge computes the eigensystem of the n×n block from those of its
// leading n1×n1 and trailing (n-n1)×(n-n1) blocks, joined by the rank-one
// modification |rho|·v·vᵀ (v = e_{n1-1} + sign(rho)·e_{n1}) (LAPACK's
// dlaed1, with the deflation of dlaed2 and the secular equation and
// eigenvector update of dlaed3). On entry d[0:n1], q's leading block and
// indxq[0:n1] (local) describe the first half, and d[n1:n], q's trailing
// block and indxq[n1:n] (local to the half) the second; on return d, q
// and indxq describe the whole block as in divide.
func (ws *workspace) merge(n, n1 int, d, q []float64, ldq int, indxq []int, rho float64) error {
	n2 := n - n1
	z, dlamda, w := ws.z[:n], ws.dlamda[:n], ws.w[:n]
	indx, indxc, indxp, coltyp := ws.indx[:n], ws.indxc[:n], ws.indxp[:n], ws.coltyp[:n]

	// z is the last row of the first block's eigenvectors and the first
	// row of the second's.
	for j := range n1 {
		z[j] = q[n1-1+j*ldq]
	}
	for j := n1; j < n; j++ {
		z[j] = q[n1+j*ldq]
	}
	// Normalize to rho·z·zᵀ with ‖z‖ = 1 and rho > 0.
	if rho < 0 {
		for j := n1; j < n; j++ {
			z[j] = -z[j]
		}
	}
	for j := range z {
		z[j] *= 1 / math.Sqrt2
	}
	rho = math.Abs(2 * rho)

	// indx lists the columns in ascending order of d.
	for i := n1; i < n; i++ {
		indxq[i] += n1
	}
	for i := range n {
		dlamda[i] = d[indxq[i]]
	}
	mergeOrder(dlamda, n1, false, indxc)
	for i := range n {
		indx[i] = indxq[indxc[i]]
	}

	zmax, dmax := maxAbs(z, nil), maxAbs(d[:n], nil)
	tol := 8 * eps * math.Max(dmax, zmax)
	if rho*zmax <= tol {
		// The modification is negligible: the eigensystem is the halves'.
		copy(indxq, indx)
		return nil
	}

	// Deflate: an eigenpair whose z component is negligible is one of the
	// whole block; two close eigenvalues are rotated so that one z
	// component vanishes. The other eigenvalues go to dlamda (ascending),
	// their z components to w and their columns to indxp[0:k]; the
	// deflated columns to indxp[k:n] in descending order of d.
	for j := range n {
		if j < n1 {
			coltyp[j] = colTop
		} else {
			coltyp[j] = colBottom
		}
	}
	k, k2, pj := 0, n, -1
	for j := range n {
		nj := indx[j]
		if rho*math.Abs(z[nj]) <= tol {
			k2--
			coltyp[nj] = colDeflated
			indxp[k2] = nj
			continue
		}
		if pj < 0 {
			pj = nj
			continue
		}
		s, c := z[pj], z[nj]
		tau := math.Hypot(c, s)
		t := d[nj] - d[pj]
		c /= tau
		s = -s / tau
		if math.Abs(t*c*s) > tol {
			dlamda[k], w[k], indxp[k] = d[pj], z[pj], pj
			k++
			pj = nj
			continue
		}
		// Rotate columns pj and nj so that z[pj] vanishes.
		z[nj], z[pj] = tau, 0
		if coltyp[nj] != coltyp[pj] {
			coltyp[nj] = colBoth
		}
		coltyp[pj] = colDeflated
		x, y := q[pj*ldq:pj*ldq+n], q[nj*ldq:nj*ldq+n]
		for i := range x {
			xi, yi := x[i], y[i]
			x[i] = c*xi + s*yi
			y[i] = c*yi - s*xi
		}
		t = d[pj]*c*c + d[nj]*s*s
		d[nj] = d[pj]*s*s + d[nj]*c*c
		d[pj] = t
		k2--
		p := k2
		for p+1 < n && d[pj] < d[indxp[p+1]] {
			indxp[p] = indxp[p+1]
			p++
		}
		indxp[p] = pj
		pj = nj
	}
	dlamda[k], w[k], indxp[k] = d[pj], z[pj], pj
	k++

	// Group the columns by type, each group in the order of indxp:
	// indx[p] is the column at grouped position p, indxc[p] its position
	// in indxp (for p < k, its index in dlamda).
	var ctot, psm [4]int
	for _, ct := range coltyp {
		ctot[ct]++
	}
	psm[colBoth] = ctot[colTop]
	psm[colBottom] = psm[colBoth] + ctot[colBoth]
	psm[colDeflated] = psm[colBottom] + ctot[colBottom]
	if k != n-ctot[colDeflated] {
		panic("eigsym: inconsistent deflation count")
	}
	for j := range n {
		js := indxp[j]
		ct := coltyp[js]
		indx[psm[ct]] = js
		indxc[psm[ct]] = j
		psm[ct]++
	}

	// Pack the nonzero parts of the columns: p1 (n1×n12) holds the top
	// halves of the top and both columns, p2 (n2×n23) the bottom halves
	// of the both and bottom columns; the deflated columns go back to q's
	// last n-k columns, their eigenvalues to d[k:n].
	n12 := ctot[colTop] + ctot[colBoth]
	n23 := ctot[colBoth] + ctot[colBottom]
	p1 := ws.q2[:n1*n12]
	p2 := ws.q2[n1*n12 : n1*n12+n2*n23]
	pd := ws.q2[n1*n12+n2*n23:]
	dsave := ws.dsave[:n]
	for p, js := range indx {
		col := q[js*ldq : js*ldq+n]
		dsave[p] = d[js]
		switch {
		case p < ctot[colTop]:
			copy(p1[p*n1:(p+1)*n1], col[:n1])
		case p < n12:
			copy(p1[p*n1:(p+1)*n1], col[:n1])
			c := p - ctot[colTop]
			copy(p2[c*n2:(c+1)*n2], col[n1:])
		case p < k:
			c := p - ctot[colTop]
			copy(p2[c*n2:(c+1)*n2], col[n1:])
		default:
			c := p - k
			copy(pd[c*n:(c+1)*n], col)
		}
	}
	for c := range n - k {
		copy(q[(k+c)*ldq:(k+c)*ldq+n], pd[c*n:(c+1)*n])
		d[k+c] = dsave[k+c]
	}

	// Solve the secular equation: column j of s gets dlamda − λⱼ.
	// The roots are independent: chunks of them run on the workers.
	s := ws.s[:k*k]
	dl, wk := dlamda[:k], w[:k]
	grain := rootGrain(k)
	var failed atomic.Int64
	failed.Store(-1)
	kernels.Parallel(k, grain, func(_, lo, hi int) {
		for j := lo; j < hi; j++ {
			lam, ok := secularRoot(j, dl, wk, s[j*k:(j+1)*k], rho)
			if !ok {
				failed.CompareAndSwap(-1, int64(j))
			}
			d[j] = lam
		}
	})
	if j := failed.Load(); j >= 0 {
		return fmt.Errorf("%w (secular equation, root %d of %d)", ErrNoConvergence, j, k)
	}
	switch {
	case k == 2:
		// secularRoot left the eigenvectors in s; order their components
		// as the packed columns.
		for j := range 2 {
			v0, v1 := s[2*j], s[2*j+1]
			v := [2]float64{v0, v1}
			s[2*j], s[2*j+1] = v[indxc[0]], v[indxc[1]]
		}
	case k >= 3:
		// Gu and Eisenstat: recompute z from the computed eigenvalues, so
		// that the eigenvectors of the computed λ are orthogonal:
		// ẑᵢ² = Πⱼ(λⱼ − dᵢ) / Πⱼ≠ᵢ(dⱼ − dᵢ) (up to the factor rho).
		// Chunks of i, then of j, run on the workers.
		wsave, zh := ws.t1[:k], w[:k]
		copy(wsave, wk)
		kernels.Parallel(k, grain, func(_, lo, hi int) {
			for i := lo; i < hi; i++ {
				zh[i] = s[i+i*k]
			}
			for j := range k {
				col := s[j*k : (j+1)*k]
				for i := lo; i < min(j, hi); i++ {
					zh[i] *= col[i] / (dl[i] - dl[j])
				}
				for i := max(j+1, lo); i < hi; i++ {
					zh[i] *= col[i] / (dl[i] - dl[j])
				}
			}
			for i := lo; i < hi; i++ {
				zh[i] = math.Copysign(math.Sqrt(-zh[i]), wsave[i])
			}
		})
		// Eigenvector j has components ẑᵢ/(dᵢ − λⱼ).
		kernels.Parallel(k, grain, func(_, lo, hi int) {
			v := make([]float64, k)
			for j := lo; j < hi; j++ {
				col := s[j*k : (j+1)*k]
				for i := range k {
					v[i] = zh[i] / col[i]
				}
				r := 1 / norm2(v)
				for p, c := range indxc[:k] {
					col[p] = v[c] * r
				}
			}
		})
	}

	// Back-transform: the new eigenvectors are the packed columns times
	// the rank-one problem's eigenvectors, top and bottom halves apart.
	if n23 > 0 {
		colGemm(n2, k, n23, p2, n2, s[ctot[colTop]:], k, q[n1:], ldq)
	} else {
		for j := range k {
			clear(q[j*ldq+n1 : j*ldq+n])
		}
	}
	if n12 > 0 {
		colGemm(n1, k, n12, p1, n1, s, k, q, ldq)
	} else {
		for j := range k {
			clear(q[j*ldq : j*ldq+n1])
		}
	}

	// The first k eigenvalues ascend, the deflated ones descend.
	mergeOrder(d[:n], k, true, indxq)
	return nil
}

// rootGrain is the number of roots of the secular equation (of k) that a
// worker takes at a time: enough that a chunk outweighs its scheduling.
func rootGrain(k int) int {
	return max(32, (k+4*kernels.Workers()-1)/(4*kernels.Workers()))
}

// colGemm computes C = A·B for the column-major m×kk matrix A, kk×nn
// matrix B and m×nn matrix C with leading dimensions lda, ldb and ldc: in
// row-major terms Cᵀ = Bᵀ·Aᵀ.
func colGemm(m, nn, kk int, a []float64, lda int, b []float64, ldb int, c []float64, ldc int) {
	kernels.Gemm64(false, false, nn, m, kk, 1, b, ldb, a, lda, 0, c, ldc)
}

// norm2 returns the Euclidean norm of x without overflow or destructive
// underflow.
func norm2(x []float64) float64 {
	sum := 0.0
	for _, v := range x {
		sum += v * v
	}
	// Scale only when the plain sum of squares may have lost accuracy.
	if sum > 0x1p-900 && sum < 0x1p900 {
		return math.Sqrt(sum)
	}
	m := 0.0
	for _, v := range x {
		if a := math.Abs(v); a > m {
			m = a
		}
	}
	if m == 0 || math.IsInf(m, 0) || math.IsNaN(sum) {
		return m + sum
	}
	sum = 0
	for _, v := range x {
		v /= m
		sum += v * v
	}
	return m * math.Sqrt(sum)
}

// mergeOrder sets index to the order that sorts a ascending, where
// a[0:n1] is ascending and a[n1:] is ascending, or descending if
// secondDesc (LAPACK's dlamrg).
func mergeOrder(a []float64, n1 int, secondDesc bool, index []int) {
	n := len(a)
	i1, i2, step2 := 0, n1, 1
	if secondDesc {
		i2, step2 = n-1, -1
	}
	r1, r2 := n1, n-n1
	for p := range n {
		if r2 == 0 || (r1 > 0 && a[i1] <= a[i2]) {
			index[p] = i1
			i1++
			r1--
		} else {
			index[p] = i2
			i2 += step2
			r2--
		}
	}
}
