package clapack

import (
	"math"
	"math/cmplx"
)

// gebd2 reduces the column-major m×n matrix c (m ≥ n ≥ 1; column j is
// c[j*m : j*m+m]) to real upper bidiagonal form B = Qᴴ·A·P as LAPACK's
// zgebd2: d is B's diagonal, e its superdiagonal (length n, e[n-1] = 0).
// The left reflectors stay below c's diagonal with scalars tauq; the right
// ones are returned in the column-major (n-1)×(n-1) matrix pv (reflector i
// in column i, rows i.., its first element 1 implied) with scalars taup,
// so that P = diag(1, P') with P' = ung2r(pv, taup).
func gebd2(m, n int, c []complex128, wantP bool) (d, e []float64, tauq, taup, pv []complex128) {
	d = make([]float64, n)
	e = make([]float64, n)
	tauq = make([]complex128, n)
	nm := n - 1
	taup = make([]complex128, nm)
	if wantP {
		pv = make([]complex128, nm*nm)
	}
	row := make([]complex128, nm)
	w := make([]complex128, m)
	for i := 0; i < n; i++ {
		// H(i) annihilates A(i+1:m, i).
		col := c[i*m : i*m+m]
		beta, tq := larfg(col[i], col[i+1:])
		d[i] = real(beta)
		tauq[i] = tq
		if tq != 0 && i < nm {
			col[i] = 1
			v := col[i:]
			ct := cmplx.Conj(tq)
			for j := i + 1; j < n; j++ {
				applyLeft(ct, v, c[j*m+i:j*m+m])
			}
		}
		col[i] = beta
		if i >= nm {
			break
		}
		// G(i) annihilates A(i, i+2:n): a reflector for the conjugated row.
		s := n - i - 1
		x := row[:s]
		for j := 0; j < s; j++ {
			x[j] = cmplx.Conj(c[(i+1+j)*m+i])
		}
		beta, tp := larfg(x[0], x[1:])
		e[i] = real(beta)
		taup[i] = tp
		if tp != 0 && i+1 < m {
			// A(i+1:m, i+1:n) := A(i+1:m, i+1:n)·(I - tp·x·xᴴ).
			x[0] = 1
			wi := w[i+1 : m]
			clear(wi)
			for j := 0; j < s; j++ {
				axpy(x[j], c[(i+1+j)*m+i+1:(i+1+j)*m+m], wi)
			}
			for j := 0; j < s; j++ {
				axpy(-tp*cmplx.Conj(x[j]), wi, c[(i+1+j)*m+i+1:(i+1+j)*m+m])
			}
		}
		c[(i+1)*m+i] = beta
		for j := 1; j < s; j++ {
			c[(i+1+j)*m+i] = 0
		}
		if wantP {
			copy(pv[i*nm+i+1:i*nm+nm], x[1:])
		}
	}
	return d, e, tauq, taup, pv
}

// bdsqr computes the singular values of the real n×n upper bidiagonal
// matrix with diagonal s and superdiagonal e (length n, e[n-1] = 0; both
// destroyed) by the implicit-shift QR iteration of LINPACK's zsvdc, as
// JAMA has it: on return s holds them in descending order. With ut and vt
// non-nil (n×n, row j the j-th column of U or V), the rotations are
// accumulated into them so that B = U·diag(s)·Vᵀ when they start as the
// identity. It reports false when a singular value needed more than 75
// iterations, or the input is not finite.
func bdsqr(s, e []float64, ut, vt []float64) bool {
	n := len(s)
	wantu, wantv := ut != nil, vt != nil
	rotRows := func(a []float64, j, k int, cs, sn float64) {
		x, y := a[j*n:j*n+n], a[k*n:k*n+n]
		y = y[:len(x)]
		for i, xv := range x {
			t := cs*xv + sn*y[i]
			y[i] = -sn*xv + cs*y[i]
			x[i] = t
		}
	}
	hyp := func(a, b float64) (t, cs, sn float64) {
		t = math.Hypot(a, b)
		if t == 0 {
			return 0, 1, 0
		}
		return t, a / t, b / t
	}
	const eps = 0x1p-52
	const tiny = 0x1p-966
	p := n
	pp := p - 1
	iter := 0
	for passes := 0; p > 0; passes++ {
		// Deflations (cases 1, 2 and 4) make progress and QR steps are
		// counted per singular value; the pass count is a backstop.
		if iter > 75 || passes > 1000+200*n {
			return false
		}
		var k, kase int
		for k = p - 2; k >= -1; k-- {
			if k == -1 {
				break
			}
			if math.Abs(e[k]) <= tiny+eps*(math.Abs(s[k])+math.Abs(s[k+1])) {
				e[k] = 0
				break
			}
		}
		if k == p-2 {
			kase = 4
		} else {
			var ks int
			for ks = p - 1; ks >= k; ks-- {
				if ks == k {
					break
				}
				t := 0.0
				if ks != p {
					t += math.Abs(e[ks])
				}
				if ks != k+1 {
					t += math.Abs(e[ks-1])
				}
				if math.Abs(s[ks]) <= tiny+eps*t {
					s[ks] = 0
					break
				}
			}
			switch {
			case ks == k:
				kase = 3
			case ks == p-1:
				kase = 1
			default:
				kase = 2
				k = ks
			}
		}
		k++
		switch kase {
		case 1: // deflate negligible s(p)
			f := e[p-2]
			e[p-2] = 0
			for j := p - 2; j >= k; j-- {
				t, cs, sn := hyp(s[j], f)
				s[j] = t
				if j != k {
					f = -sn * e[j-1]
					e[j-1] = cs * e[j-1]
				}
				if wantv {
					rotRows(vt, j, p-1, cs, sn)
				}
			}
		case 2: // split at negligible s(k)
			f := e[k-1]
			e[k-1] = 0
			for j := k; j < p; j++ {
				t, cs, sn := hyp(s[j], f)
				s[j] = t
				f = -sn * e[j]
				e[j] = cs * e[j]
				if wantu {
					rotRows(ut, j, k-1, cs, sn)
				}
			}
		case 3: // one QR step
			scale := math.Max(math.Max(math.Max(math.Max(
				math.Abs(s[p-1]), math.Abs(s[p-2])), math.Abs(e[p-2])),
				math.Abs(s[k])), math.Abs(e[k]))
			sp := s[p-1] / scale
			spm1 := s[p-2] / scale
			epm1 := e[p-2] / scale
			sk := s[k] / scale
			ek := e[k] / scale
			b := ((spm1+sp)*(spm1-sp) + epm1*epm1) / 2
			c := (sp * epm1) * (sp * epm1)
			shift := 0.0
			if b != 0 || c != 0 {
				shift = math.Sqrt(b*b + c)
				if b < 0 {
					shift = -shift
				}
				shift = c / (b + shift)
			}
			f := (sk+sp)*(sk-sp) + shift
			g := sk * ek
			for j := k; j < p-1; j++ {
				t, cs, sn := hyp(f, g)
				if j != k {
					e[j-1] = t
				}
				f = cs*s[j] + sn*e[j]
				e[j] = cs*e[j] - sn*s[j]
				g = sn * s[j+1]
				s[j+1] = cs * s[j+1]
				if wantv {
					rotRows(vt, j, j+1, cs, sn)
				}
				t, cs, sn = hyp(f, g)
				s[j] = t
				f = cs*e[j] + sn*s[j+1]
				s[j+1] = -sn*e[j] + cs*s[j+1]
				g = sn * e[j+1]
				e[j+1] = cs * e[j+1]
				if wantu {
					rotRows(ut, j, j+1, cs, sn)
				}
			}
			e[p-2] = f
			iter++
		case 4: // convergence
			if s[k] <= 0 {
				if s[k] < 0 {
					s[k] = -s[k]
				} else {
					s[k] = 0
				}
				if wantv {
					for i := range n {
						vt[k*n+i] = -vt[k*n+i]
					}
				}
			}
			for k < pp && s[k] < s[k+1] {
				s[k], s[k+1] = s[k+1], s[k]
				if wantv {
					swapRows(vt, n, k, k+1)
				}
				if wantu {
					swapRows(ut, n, k, k+1)
				}
				k++
			}
			iter = 0
			p--
		}
	}
	for _, v := range s {
		if math.IsNaN(v) {
			return false
		}
	}
	return true
}

func swapRows[T any](a []T, n, i, j int) {
	x, y := a[i*n:i*n+n], a[j*n:j*n+n]
	for k := range x {
		x[k], y[k] = y[k], x[k]
	}
}

// svd is SVD.
func svd(m, n int, a []complex128, vectors, full bool) (u []complex128, s []float64, vh []complex128, err error) {
	if m < n {
		// A = (Aᴴ)ᴴ: Aᴴ = U'·S·V'ᴴ gives A = V'·S·U'ᴴ.
		ah := conjTranspose(m, n, a)
		u2, s, vh2, err := svd(n, m, ah, vectors, full)
		if err != nil || !vectors {
			return nil, s, nil, err
		}
		// u2 is n×k2 (k2 = m, or n when full); vh2 is m×m.
		k2 := m
		if full {
			k2 = n
		}
		return conjTranspose(m, m, vh2), s, conjTranspose(n, k2, u2), nil
	}
	// m ≥ n from here.
	k := n
	ucols := k
	if full {
		ucols = m
	}
	if n == 0 {
		s = []float64{}
		if vectors {
			u = make([]complex128, m*ucols)
			for i := 0; i < ucols; i++ {
				u[i*ucols+i] = 1
			}
			vh = []complex128{}
		}
		return u, s, vh, nil
	}
	if !allFinite(a[:m*n]) {
		return nil, nil, nil, ErrNoConvergence
	}
	c := transpose(m, n, a) // column-major
	f := rangeScale(maxAbs(c))
	if f != 1 {
		scaleReal(f, c)
	}
	d, e, tauq, taup, pv := gebd2(m, n, c, vectors)
	var ut, vt []float64
	if vectors {
		ut = make([]float64, n*n)
		vt = make([]float64, n*n)
		for i := 0; i < n; i++ {
			ut[i*n+i] = 1
			vt[i*n+i] = 1
		}
	}
	if !bdsqr(d, e, ut, vt) {
		return nil, nil, nil, ErrNoConvergence
	}
	if f != 1 {
		for i := range d {
			d[i] /= f
		}
	}
	if !vectors {
		return nil, d, nil, nil
	}
	// Q (m×ucols, column-major) from the left reflectors.
	qc := make([]complex128, m*ucols)
	copy(qc, c[:m*n])
	ung2r(m, ucols, n, qc, tauq)
	q := transpose(ucols, m, qc) // row-major m×ucols
	// U[:, :n] = Q[:, :n]·Ub, U[:, n:] = Q[:, n:].
	u = make([]complex128, m*ucols)
	for r := 0; r < m; r++ {
		qrow := q[r*ucols : r*ucols+n]
		urow := u[r*ucols : r*ucols+ucols]
		for j := 0; j < n; j++ {
			urow[j] = dotReal(qrow, ut[j*n:j*n+n])
		}
		copy(urow[n:], q[r*ucols+n:r*ucols+ucols])
	}
	// P = diag(1, P'); V = P·Vb, so Vᴴ[i][j] = Σ_k Vb[k][i]·conj(P[j][k]).
	nm := n - 1
	if nm > 0 {
		ung2r(nm, nm, nm, pv, taup)
	}
	pr := make([]complex128, n*n) // conj(P), row-major
	pr[0] = 1
	for kk := 1; kk < n; kk++ {
		col := pv[(kk-1)*nm : (kk-1)*nm+nm]
		for j := 1; j < n; j++ {
			pr[j*n+kk] = cmplx.Conj(col[j-1])
		}
	}
	vh = make([]complex128, n*n)
	for i := 0; i < n; i++ {
		vrow := vt[i*n : i*n+n]
		for j := 0; j < n; j++ {
			vh[i*n+j] = dotReal(pr[j*n:j*n+n], vrow)
		}
	}
	return u, d, vh, nil
}

// dotReal is Σ x[k]·y[k] for complex x and real y.
func dotReal(x []complex128, y []float64) complex128 {
	y = y[:len(x)]
	var sr, si float64
	for k, v := range x {
		sr += real(v) * y[k]
		si += imag(v) * y[k]
	}
	return complex(sr, si)
}
