package clapack

import "math"

// luBlock is the panel width of the blocked LU.
const luBlock = 32

// luFactor is LU: a right-looking blocked factorization. Each panel of
// luBlock columns is factorized with partial pivoting (rows swapped across
// the whole matrix), then the block row of U right of it is solved with the
// panel's unit lower triangle and the trailing matrix updated by one
// rank-luBlock product, row by row so that the accesses stay contiguous.
// The pivots are the ones zgetrf chooses (largest |re|+|im|, the first of
// equals).
func luFactor(n int, a []complex128) (piv []int, sign int, singular bool) {
	piv = make([]int, n)
	sign = 1
	for k0 := 0; k0 < n; k0 += luBlock {
		k1 := min(k0+luBlock, n)
		// Factor the panel a[k0:n, k0:k1], updating only its columns.
		for k := k0; k < k1; k++ {
			p, maxv := k, cabs1(a[k*n+k])
			for i := k + 1; i < n; i++ {
				if v := cabs1(a[i*n+k]); v > maxv {
					p, maxv = i, v
				}
			}
			piv[k] = p
			pivot := a[p*n+k]
			if pivot != 0 {
				if p != k {
					rk, rp := a[k*n:k*n+n], a[p*n:p*n+n]
					for j := range rk {
						rk[j], rp[j] = rp[j], rk[j]
					}
					sign = -sign
				}
				if cmplxAbs(pivot) >= dlamchS {
					r := 1 / pivot
					for i := k + 1; i < n; i++ {
						a[i*n+k] *= r
					}
				} else {
					for i := k + 1; i < n; i++ {
						a[i*n+k] /= pivot
					}
				}
			} else {
				singular = true
			}
			// Update the rest of the panel.
			if k+1 < k1 {
				rowk := a[k*n+k+1 : k*n+k1]
				for i := k + 1; i < n; i++ {
					if l := a[i*n+k]; l != 0 {
						axpy(-l, rowk, a[i*n+k+1:i*n+k1])
					}
				}
			}
		}
		if k1 == n {
			break
		}
		// U12: solve L11·U12 = A12 (unit lower, forward substitution by rows).
		for i := k0 + 1; i < k1; i++ {
			ri := a[i*n+k1 : i*n+n]
			for k := k0; k < i; k++ {
				if l := a[i*n+k]; l != 0 {
					axpy(-l, a[k*n+k1:k*n+n], ri)
				}
			}
		}
		// A22 -= L21·U12, one row at a time.
		for i := k1; i < n; i++ {
			ri := a[i*n+k1 : i*n+n]
			li := a[i*n+k0 : i*n+k1]
			k := 0
			for ; k+1 < len(li); k += 2 {
				axpy2(-li[k], -li[k+1], a[(k0+k)*n+k1:(k0+k)*n+n], a[(k0+k+1)*n+k1:(k0+k+1)*n+n], ri)
			}
			for ; k < len(li); k++ {
				if l := li[k]; l != 0 {
					axpy(-l, a[(k0+k)*n+k1:(k0+k)*n+n], ri)
				}
			}
		}
	}
	return piv, sign, singular
}

// axpy2 adds a·x + b·y to z in one pass.
func axpy2(a, b complex128, x, y, z []complex128) {
	x = x[:len(z)]
	y = y[:len(z)]
	for i := range z {
		z[i] += a*x[i] + b*y[i]
	}
}

// cmplxAbs is |z| (hypot, no overflow).
func cmplxAbs(z complex128) float64 { return math.Hypot(real(z), imag(z)) }

// luSolve is LUSolve.
func luSolve(n, nrhs int, lu []complex128, piv []int, b []complex128) {
	if n == 0 || nrhs == 0 {
		return
	}
	for i := 0; i < n; i++ {
		if p := piv[i]; p != i {
			ri, rp := b[i*nrhs:i*nrhs+nrhs], b[p*nrhs:p*nrhs+nrhs]
			for j := range ri {
				ri[j], rp[j] = rp[j], ri[j]
			}
		}
	}
	if nrhs == 1 {
		// L·y = b, then U·x = y, by dot products along the rows of lu.
		for i := 1; i < n; i++ {
			b[i] -= dotu(lu[i*n:i*n+i], b[:i])
		}
		for i := n - 1; i >= 0; i-- {
			s := b[i] - dotu(lu[i*n+i+1:i*n+n], b[i+1:n])
			b[i] = s / lu[i*n+i]
		}
		return
	}
	for i := 1; i < n; i++ {
		bi := b[i*nrhs : i*nrhs+nrhs]
		for k := 0; k < i; k++ {
			if l := lu[i*n+k]; l != 0 {
				axpy(-l, b[k*nrhs:k*nrhs+nrhs], bi)
			}
		}
	}
	for i := n - 1; i >= 0; i-- {
		bi := b[i*nrhs : i*nrhs+nrhs]
		for k := i + 1; k < n; k++ {
			if u := lu[i*n+k]; u != 0 {
				axpy(-u, b[k*nrhs:k*nrhs+nrhs], bi)
			}
		}
		d := lu[i*n+i]
		for j := range bi {
			bi[j] /= d
		}
	}
}

// inverse is Inverse: A = Pᵀ·L·U gives A⁻¹ = U⁻¹·L⁻¹·P. L⁻¹ is formed
// row by row (its rows are as short as their index), U⁻¹·L⁻¹ by backward
// substitution, and the columns are then interchanged as zgetri does.
func inverse(n int, a []complex128) error {
	if n == 0 {
		return nil
	}
	piv, _, singular := luFactor(n, a)
	if singular {
		return ErrSingular
	}
	x := make([]complex128, n*n)
	// Y = L⁻¹: y_i = e_i - Σ_{k<i} L[i][k]·y_k, y_k zero beyond k.
	for i := 0; i < n; i++ {
		xi := x[i*n : i*n+n]
		xi[i] = 1
		for k := 0; k < i; k++ {
			if l := a[i*n+k]; l != 0 {
				axpy(-l, x[k*n:k*n+k+1], xi[:k+1])
			}
		}
	}
	// X = U⁻¹·Y: x_i = (y_i - Σ_{k>i} U[i][k]·x_k) / U[i][i].
	for i := n - 1; i >= 0; i-- {
		xi := x[i*n : i*n+n]
		for k := i + 1; k < n; k++ {
			if u := a[i*n+k]; u != 0 {
				axpy(-u, x[k*n:k*n+n], xi)
			}
		}
		r := 1 / a[i*n+i]
		if cmplxAbs(a[i*n+i]) < dlamchS {
			for j := range xi {
				xi[j] /= a[i*n+i]
			}
		} else {
			scal(r, xi)
		}
	}
	// A⁻¹ = X·P: undo the row interchanges on the columns, last first.
	for j := n - 2; j >= 0; j-- {
		if p := piv[j]; p != j {
			for i := 0; i < n; i++ {
				x[i*n+j], x[i*n+p] = x[i*n+p], x[i*n+j]
			}
		}
	}
	copy(a, x)
	return nil
}

// cholesky is Cholesky: the Cholesky–Banachiewicz order, row by row, so
// that every inner product runs along two rows.
func cholesky(n int, a []complex128) error {
	for i := 0; i < n; i++ {
		ri := a[i*n : i*n+n]
		for j := 0; j < i; j++ {
			s := ri[j] - dotc(a[j*n:j*n+j], ri[:j])
			d := real(a[j*n+j])
			ri[j] = complex(real(s)/d, imag(s)/d)
		}
		var ss float64
		for _, v := range ri[:i] {
			ss += real(v)*real(v) + imag(v)*imag(v)
		}
		d := real(ri[i]) - ss
		if !(d > 0) { // also NaN, as zpotrf
			return ErrNotPositiveDefinite
		}
		ri[i] = complex(math.Sqrt(d), 0)
		clear(ri[i+1:])
	}
	return nil
}
