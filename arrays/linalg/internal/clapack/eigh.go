package clapack

import (
	"math"
	"math/cmplx"
)

// hetrdLower reduces the Hermitian n×n matrix whose lower triangle is in
// the row-major h (destroyed) to real symmetric tridiagonal form
// T = Qᴴ·A·Q, as LAPACK's zhetd2 with UPLO='L': d is T's diagonal, e its
// subdiagonal (length n-1). With wantQ, Q is returned column-major
// (column j is q[j*n : j*n+n]).
func hetrdLower(n int, h []complex128, wantQ bool) (d, e []float64, q []complex128) {
	d = make([]float64, n)
	e = make([]float64, max(n-1, 0))
	if n == 0 {
		return d, e, nil
	}
	nm := n - 1
	tau := make([]complex128, nm)
	var refl []complex128 // column-major (n-1)×(n-1): reflector i in column i, rows i..
	if wantQ {
		refl = make([]complex128, nm*nm)
	}
	v := make([]complex128, nm)
	x := make([]complex128, nm)
	h[0] = complex(real(h[0]), 0)
	for i := 0; i < nm; i++ {
		o := i + 1 // the trailing block is h[o:, o:]
		s := n - o
		vi := v[:s]
		for r := 0; r < s; r++ {
			vi[r] = h[(o+r)*n+i]
		}
		beta, ti := larfg(vi[0], vi[1:])
		e[i] = real(beta)
		if ti != 0 {
			vi[0] = 1
			// x := ti·A22·v (A22 Hermitian, lower triangle stored).
			xi := x[:s]
			clear(xi)
			for r := 0; r < s; r++ {
				row := h[(o+r)*n+o : (o+r)*n+o+r]
				vr := vi[r]
				var sum complex128
				xr := xi[:len(row)]
				vv := vi[:len(row)]
				for c, a := range row {
					sum += a * vv[c]
					xr[c] += cmplx.Conj(a) * vr
				}
				xi[r] += sum + complex(real(h[(o+r)*n+o+r]), 0)*vr
			}
			scal(ti, xi)
			// w := x - ½·ti·(xᴴv)·v
			alpha := -0.5 * ti * dotc(xi, vi)
			axpy(alpha, vi, xi)
			// A22 -= v·wᴴ + w·vᴴ (lower triangle).
			for r := 0; r < s; r++ {
				row := h[(o+r)*n+o : (o+r)*n+o+r+1]
				vr, wr := vi[r], xi[r]
				ww := xi[:len(row)]
				vv := vi[:len(row)]
				for c := range row {
					row[c] -= vr*cmplx.Conj(ww[c]) + wr*cmplx.Conj(vv[c])
				}
				row[r] = complex(real(row[r]), 0)
			}
		} else {
			h[o*n+o] = complex(real(h[o*n+o]), 0)
		}
		d[i] = real(h[i*n+i])
		tau[i] = ti
		if wantQ {
			col := refl[i*nm : i*nm+nm]
			copy(col[i+1:], vi[1:])
		}
	}
	d[nm] = real(h[nm*n+nm])
	if !wantQ {
		return d, e, nil
	}
	ung2r(nm, nm, nm, refl, tau)
	q = make([]complex128, n*n)
	q[0] = 1
	for j := 1; j < n; j++ {
		copy(q[j*n+1:j*n+n], refl[(j-1)*nm:(j-1)*nm+nm])
	}
	return d, e, q
}

// tql2 computes the eigenvalues (ascending, in d) of the symmetric
// tridiagonal matrix with diagonal d and subdiagonal e (length n-1, or n
// with e[n-1] ignored; destroyed) by the implicit QL method with Wilkinson
// shifts (EISPACK's tql2, as in JAMA). With zt non-nil (n×n, row i the i-th
// column of the transformation, normally the identity on entry), the
// rotations are accumulated into it, so that on return row i of zt is the
// eigenvector of the i-th eigenvalue. It reports false when an eigenvalue
// needed more than 30 iterations, or the input is not finite.
func tql2(d, e []float64, zt []float64) bool {
	n := len(d)
	if n == 0 {
		return true
	}
	ee := make([]float64, n)
	copy(ee, e[:n-1])
	e = ee
	const eps = 0x1p-52
	f, tst1 := 0.0, 0.0
	for l := 0; l < n; l++ {
		tst1 = math.Max(tst1, math.Abs(d[l])+math.Abs(e[l]))
		m := l
		for m < n && !(math.Abs(e[m]) <= eps*tst1) {
			m++
		}
		if m == n {
			return false // NaN or overflow
		}
		if m > l {
			for iter := 0; ; iter++ {
				if iter >= 30 {
					return false
				}
				g := d[l]
				p := (d[l+1] - g) / (2 * e[l])
				r := math.Hypot(p, 1)
				if p < 0 {
					r = -r
				}
				d[l] = e[l] / (p + r)
				d[l+1] = e[l] * (p + r)
				dl1 := d[l+1]
				h := g - d[l]
				for i := l + 2; i < n; i++ {
					d[i] -= h
				}
				f += h
				p = d[m]
				c, c2, c3 := 1.0, 1.0, 1.0
				el1 := e[l+1]
				s, s2 := 0.0, 0.0
				for i := m - 1; i >= l; i-- {
					c3 = c2
					c2 = c
					s2 = s
					g = c * e[i]
					h = c * p
					r = math.Hypot(p, e[i])
					e[i+1] = s * r
					s = e[i] / r
					c = p / r
					p = c*d[i] - s*g
					d[i+1] = h + s*(c*g+s*d[i])
					if zt != nil {
						rot(zt[i*n:i*n+n], zt[(i+1)*n:(i+1)*n+n], c, s)
					}
				}
				p = -s * s2 * c3 * el1 * (e[l] / dl1)
				e[l] = s * p
				d[l] = c * p
				if !(math.Abs(e[l]) > eps*tst1) {
					break
				}
			}
		}
		d[l] += f
		e[l] = 0
	}
	for i := 0; i < n; i++ {
		if math.IsNaN(d[i]) {
			return false
		}
	}
	// Selection sort, ascending.
	for i := 0; i < n-1; i++ {
		k, p := i, d[i]
		for j := i + 1; j < n; j++ {
			if d[j] < p {
				k, p = j, d[j]
			}
		}
		if k != i {
			d[k], d[i] = d[i], p
			if zt != nil {
				a, b := zt[i*n:i*n+n], zt[k*n:k*n+n]
				for j := range a {
					a[j], b[j] = b[j], a[j]
				}
			}
		}
	}
	return true
}

// rot applies the plane rotation x, y := c·x - s·y, s·x + c·y (the update
// of JAMA's tql2: columns i and i+1 of V).
func rot(x, y []float64, c, s float64) {
	y = y[:len(x)]
	for k, xv := range x {
		h := y[k]
		y[k] = s*xv + c*h
		x[k] = c*xv - s*h
	}
}

// eigh is Eigh.
func eigh(n int, a []complex128, vectors bool) (w []float64, v []complex128, err error) {
	if n == 0 {
		if vectors {
			v = []complex128{}
		}
		return []float64{}, v, nil
	}
	h := make([]complex128, n*n)
	for i := 0; i < n; i++ {
		copy(h[i*n:i*n+i+1], a[i*n:i*n+i+1])
		if !allFinite(h[i*n : i*n+i+1]) {
			return nil, nil, ErrNoConvergence
		}
	}
	// Scale the lower triangle into range (zheev does too).
	var anrm float64
	for i := 0; i < n; i++ {
		anrm = math.Max(anrm, maxAbs(h[i*n:i*n+i+1]))
	}
	f := rangeScale(anrm)
	if f != 1 {
		for i := 0; i < n; i++ {
			scaleReal(f, h[i*n:i*n+i+1])
		}
	}
	d, e, q := hetrdLower(n, h, vectors)
	var zt []float64
	if vectors {
		zt = make([]float64, n*n)
		for i := 0; i < n; i++ {
			zt[i*n+i] = 1
		}
	}
	if !tql2(d, e, zt) {
		return nil, nil, ErrNoConvergence
	}
	if f != 1 {
		for i := range d {
			d[i] /= f
		}
	}
	if !vectors {
		return d, nil, nil
	}
	// V = Q·Z: V[r][c] = Σ_k Q[r][k]·Z[k][c] = Σ_k Q[r][k]·zt[c][k].
	qr := transpose(n, n, q) // q is column-major: this is Q row-major
	v = make([]complex128, n*n)
	for r := 0; r < n; r++ {
		qrow := qr[r*n : r*n+n]
		for c := 0; c < n; c++ {
			z := zt[c*n : c*n+n]
			z = z[:len(qrow)]
			var sr, si float64
			for k, qv := range qrow {
				sr += real(qv) * z[k]
				si += imag(qv) * z[k]
			}
			v[r*n+c] = complex(sr, si)
		}
	}
	return d, v, nil
}
