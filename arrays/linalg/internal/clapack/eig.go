package clapack

import (
	"math"
	"math/cmplx"
)

// balance scales the row-major n×n matrix h in place by a diagonal
// similarity D⁻¹·A·D with powers of 2 so that rows and columns have
// comparable norms (LAPACK's zgebal with JOB='S'; no permutations). It
// returns D's diagonal.
func balance(n int, h []complex128) []float64 {
	scale := make([]float64, n)
	for i := range scale {
		scale[i] = 1
	}
	const sfmin1 = dlamchS / dlamchP
	const sfmax1 = 1 / sfmin1
	const sfmin2 = sfmin1 * 2
	const sfmax2 = 1 / sfmin2
	for iter := 0; iter < 100; iter++ { // zgebal loops until no change; bound it
		noconv := false
		for i := 0; i < n; i++ {
			var c, r, ca, ra float64
			var cs, rs float64
			for j := 0; j < n; j++ {
				cv, rv := h[j*n+i], h[i*n+j]
				cs += abs2(cv)
				rs += abs2(rv)
				ca = math.Max(ca, cmplxAbs(cv))
				ra = math.Max(ra, cmplxAbs(rv))
			}
			c, r = math.Sqrt(cs), math.Sqrt(rs)
			if c == 0 || r == 0 || math.IsInf(c, 0) || math.IsInf(r, 0) || math.IsNaN(c+r) {
				continue
			}
			g := r / 2
			f := 1.0
			s := c + r
			for c < g && math.Max(f, math.Max(c, ca)) < sfmax2 && math.Min(r, math.Min(g, ra)) > sfmin2 {
				f *= 2
				c *= 2
				ca *= 2
				r /= 2
				g /= 2
				ra /= 2
			}
			g = c / 2
			for g >= r && math.Max(r, ra) < sfmax2 && math.Min(math.Min(f, c), math.Min(g, ca)) > sfmin2 {
				f /= 2
				c /= 2
				g /= 2
				ca /= 2
				r *= 2
				ra *= 2
			}
			if c+r >= 0.95*s {
				continue
			}
			if f < 1 && scale[i] < 1 && f*scale[i] <= sfmin1 {
				continue
			}
			if f > 1 && scale[i] > 1 && scale[i] >= sfmax1/f {
				continue
			}
			g = 1 / f
			scale[i] *= f
			noconv = true
			for j := 0; j < n; j++ {
				h[i*n+j] *= complex(g, 0)
				h[j*n+i] *= complex(f, 0)
			}
		}
		if !noconv {
			break
		}
	}
	return scale
}

// gehd2 reduces the row-major n×n matrix h in place to upper Hessenberg
// form Qᴴ·A·Q as LAPACK's zgehd2 (the entries below the subdiagonal are
// zeroed). With wantQ, Q is returned column-major (column j is
// q[j*n : j*n+n]), which is the row-major Qᵀ.
func gehd2(n int, h []complex128, wantQ bool) (q []complex128) {
	if n == 0 {
		return nil
	}
	nm := n - 1
	tau := make([]complex128, nm)
	var refl []complex128
	if wantQ {
		refl = make([]complex128, nm*nm)
	}
	v := make([]complex128, nm)
	w := make([]complex128, n)
	for i := 0; i < nm; i++ {
		o := i + 1
		s := n - o
		vi := v[:s]
		for r := 0; r < s; r++ {
			vi[r] = h[(o+r)*n+i]
		}
		beta, t := larfg(vi[0], vi[1:])
		h[o*n+i] = beta
		for r := 1; r < s; r++ {
			h[(o+r)*n+i] = 0
		}
		tau[i] = t
		if wantQ {
			copy(refl[i*nm+i+1:i*nm+nm], vi[1:])
		}
		if t == 0 {
			continue
		}
		vi[0] = 1
		// A(0:n, o:n) := A(0:n, o:n)·H: each row r gets -t·(row·v)·vᴴ.
		for r := 0; r < n; r++ {
			row := h[r*n+o : r*n+n]
			x := dotu(row, vi)
			if x != 0 {
				x *= -t
				row = row[:len(vi)]
				for c, vc := range vi {
					row[c] += x * cmplx.Conj(vc)
				}
			}
		}
		// A(o:n, o:n) := Hᴴ·A(o:n, o:n) = A - conj(t)·v·(vᴴA).
		wi := w[:s]
		clear(wi)
		for r := 0; r < s; r++ {
			axpy(cmplx.Conj(vi[r]), h[(o+r)*n+o:(o+r)*n+n], wi)
		}
		ct := -cmplx.Conj(t)
		for r := 0; r < s; r++ {
			axpy(ct*vi[r], wi, h[(o+r)*n+o:(o+r)*n+n])
		}
	}
	if !wantQ {
		return nil
	}
	ung2r(nm, nm, nm, refl, tau)
	q = make([]complex128, n*n)
	q[0] = 1
	for j := 1; j < n; j++ {
		copy(q[j*n+1:j*n+n], refl[(j-1)*nm:(j-1)*nm+nm])
	}
	return q
}

// lahqr computes the eigenvalues of the row-major upper Hessenberg n×n
// matrix h by the single-shift complex QR algorithm of LAPACK's zlahqr
// (Wilkinson shifts, exceptional shifts, the Ahues–Tisseur deflation test).
// With wantt, h is reduced to the upper triangular Schur form T; with zt
// non-nil (row j the j-th column of Z), the transformations are
// accumulated into it. It reports false when the iteration count exceeds
// 30·max(10, n) over all eigenvalues.
func lahqr(n int, h []complex128, w []complex128, wantt bool, zt []complex128) bool {
	if n == 0 {
		return true
	}
	if n == 1 {
		w[0] = h[0]
		return true
	}
	H := func(i, j int) complex128 { return h[i*n+j] }
	wantz := zt != nil
	// Clear out the trash.
	for j := 0; j < n-3; j++ {
		h[(j+2)*n+j] = 0
		h[(j+3)*n+j] = 0
	}
	if n >= 3 {
		h[(n-1)*n+n-3] = 0
	}
	jlo, jhi := 0, n-1
	if !wantt {
		jlo, jhi = 0, n-1 // ilo = 0, ihi = n-1 here: the whole matrix
	}
	// Ensure the subdiagonal entries are real.
	for i := 1; i < n; i++ {
		if sub := H(i, i-1); imag(sub) != 0 {
			sc := sub / complex(cabs1(sub), 0)
			sc = cmplx.Conj(sc) / complex(cmplxAbs(sc), 0)
			h[i*n+i-1] = complex(cmplxAbs(sub), 0)
			scal(sc, h[i*n+i:i*n+jhi+1])
			csc := cmplx.Conj(sc)
			for r := jlo; r <= min(jhi, i+1); r++ {
				h[r*n+i] *= csc
			}
			if wantz {
				scal(csc, zt[i*n:i*n+n])
			}
		}
	}
	const ulp = dlamchP
	const safmin = dlamchS
	smlnum := safmin * (float64(n) / ulp)
	const dat1 = 0.75
	const kexsh = 10
	i1, i2 := 0, n-1
	itmax := 30 * max(10, n)
	its := 0
	kdefl := 0
	ilo := 0
	i := n - 1
	var v [2]complex128
	for i >= ilo {
		l := ilo
		converged := false
		for ; its <= itmax; its++ {
			// Look for a single small subdiagonal element.
			var k int
			for k = i; k > l; k-- {
				if cabs1(H(k, k-1)) <= smlnum {
					break
				}
				tst := cabs1(H(k-1, k-1)) + cabs1(H(k, k))
				if tst == 0 {
					if k-2 >= ilo {
						tst += math.Abs(real(H(k-1, k-2)))
					}
					if k+1 <= n-1 {
						tst += math.Abs(real(H(k+1, k)))
					}
				}
				if math.Abs(real(H(k, k-1))) <= ulp*tst {
					ab := math.Max(cabs1(H(k, k-1)), cabs1(H(k-1, k)))
					ba := math.Min(cabs1(H(k, k-1)), cabs1(H(k-1, k)))
					aa := math.Max(cabs1(H(k, k)), cabs1(H(k-1, k-1)-H(k, k)))
					bb := math.Min(cabs1(H(k, k)), cabs1(H(k-1, k-1)-H(k, k)))
					s := aa + ab
					if ba*(ab/s) <= math.Max(smlnum, ulp*(bb*(aa/s))) {
						break
					}
				}
			}
			l = k
			if l > ilo {
				h[l*n+l-1] = 0
			}
			if l >= i {
				converged = true
				break
			}
			kdefl++
			if !wantt {
				i1, i2 = l, i
			}
			var t complex128
			switch {
			case kdefl%(2*kexsh) == 0:
				s := dat1 * math.Abs(real(H(i, i-1)))
				t = complex(s, 0) + H(i, i)
			case kdefl%kexsh == 0:
				s := dat1 * math.Abs(real(H(l+1, l)))
				t = complex(s, 0) + H(l, l)
			default:
				// Wilkinson's shift.
				t = H(i, i)
				u := cmplx.Sqrt(H(i-1, i)) * cmplx.Sqrt(H(i, i-1))
				s := cabs1(u)
				if s != 0 {
					x := 0.5 * (H(i-1, i-1) - t)
					sx := cabs1(x)
					s = math.Max(s, cabs1(x))
					cs := complex(s, 0)
					y := cs * cmplx.Sqrt((x/cs)*(x/cs)+(u/cs)*(u/cs))
					if sx > 0 {
						xs := x / complex(sx, 0)
						if real(xs)*real(y)+imag(xs)*imag(y) < 0 {
							y = -y
						}
					}
					t -= u * (u / (x + y))
				}
			}
			// Look for two consecutive small subdiagonal elements.
			var m int
			for m = i - 1; m > l; m-- {
				h11 := H(m, m)
				h22 := H(m+1, m+1)
				h11s := h11 - t
				h21 := real(H(m+1, m))
				s := cabs1(h11s) + math.Abs(h21)
				h11s /= complex(s, 0)
				h21 /= s
				v[0] = h11s
				v[1] = complex(h21, 0)
				h10 := real(H(m, m-1))
				if math.Abs(h10)*math.Abs(h21) <= ulp*(cabs1(h11s)*(cabs1(h11)+cabs1(h22))) {
					break
				}
			}
			if m == l {
				h11 := H(l, l)
				h11s := h11 - t
				h21 := real(H(l+1, l))
				s := cabs1(h11s) + math.Abs(h21)
				h11s /= complex(s, 0)
				h21 /= s
				v[0] = h11s
				v[1] = complex(h21, 0)
			}
			// Single-shift QR step.
			for k := m; k < i; k++ {
				if k > m {
					v[0] = H(k, k-1)
					v[1] = H(k+1, k-1)
				}
				var t1 complex128
				var x1 [1]complex128
				x1[0] = v[1]
				v[0], t1 = larfg(v[0], x1[:])
				v[1] = x1[0]
				if k > m {
					h[k*n+k-1] = v[0]
					h[(k+1)*n+k-1] = 0
				}
				v2 := v[1]
				t2 := real(t1 * v2)
				ct1 := cmplx.Conj(t1)
				// Rows k and k+1, columns k..i2, from the left.
				rk := h[k*n+k : k*n+i2+1]
				rk1 := h[(k+1)*n+k : (k+1)*n+i2+1]
				rk1 = rk1[:len(rk)]
				for j, a := range rk {
					b := rk1[j]
					sum := ct1*a + complex(t2*real(b), t2*imag(b))
					rk[j] = a - sum
					rk1[j] = b - sum*v2
				}
				// Columns k and k+1, rows i1..min(k+2, i), from the right.
				cv2 := cmplx.Conj(v2)
				for j := i1; j <= min(k+2, i); j++ {
					a, b := h[j*n+k], h[j*n+k+1]
					sum := t1*a + complex(t2*real(b), t2*imag(b))
					h[j*n+k] = a - sum
					h[j*n+k+1] = b - sum*cv2
				}
				if wantz {
					zk := zt[k*n : k*n+n]
					zk1 := zt[(k+1)*n : (k+1)*n+n]
					zk1 = zk1[:len(zk)]
					for j, a := range zk {
						b := zk1[j]
						sum := t1*a + complex(t2*real(b), t2*imag(b))
						zk[j] = a - sum
						zk1[j] = b - sum*cv2
					}
				}
				if k == m && m > l {
					// The step started at row m > l: extra scaling keeps
					// H(m, m-1) real.
					temp := 1 - t1
					temp /= complex(cmplxAbs(temp), 0)
					h[(m+1)*n+m] *= cmplx.Conj(temp)
					if m+2 <= i {
						h[(m+2)*n+m+1] *= temp
					}
					for j := m; j <= i; j++ {
						if j != m+1 {
							if i2 > j {
								scal(temp, h[j*n+j+1:j*n+i2+1])
							}
							ct := cmplx.Conj(temp)
							for r := i1; r < j; r++ {
								h[r*n+j] *= ct
							}
							if wantz {
								scal(ct, zt[j*n:j*n+n])
							}
						}
					}
				}
			}
			// Ensure H(i, i-1) is real.
			if temp := H(i, i-1); imag(temp) != 0 {
				rtemp := cmplxAbs(temp)
				h[i*n+i-1] = complex(rtemp, 0)
				temp /= complex(rtemp, 0)
				if i2 > i {
					scal(cmplx.Conj(temp), h[i*n+i+1:i*n+i2+1])
				}
				for r := i1; r < i; r++ {
					h[r*n+i] *= temp
				}
				if wantz {
					scal(temp, zt[i*n:i*n+n])
				}
			}
		}
		if !converged {
			return false
		}
		// H(i, i) is an eigenvalue.
		w[i] = H(i, i)
		kdefl = 0
		i = l - 1
	}
	return true
}

// trevc computes the eigenvectors of the upper triangular n×n matrix t
// (row-major; only its upper triangle is read) as LAPACK's ztrevc does and
// returns them back-transformed by Z (zt: row j is column j of Z) as the
// rows of the result: row c is Z·x_c, where x_c solves
// (T - T(c,c))·x = 0 with x_c[c] = 1 and x_c[j] = 0 for j > c.
func trevc(n int, t []complex128, zt []complex128) []complex128 {
	const ulp = dlamchP
	smlnum := dlamchS * (float64(n) / ulp)
	const big = 0x1p500
	vt := make([]complex128, n*n)
	x := make([]complex128, n)
	for c := 0; c < n; c++ {
		lambda := t[c*n+c]
		smin := math.Max(ulp*cabs1(lambda), smlnum)
		xc := x[:c+1]
		clear(xc)
		xc[c] = 1
		for j := c - 1; j >= 0; j-- {
			s := dotu(t[j*n+j+1:j*n+c+1], xc[j+1:c+1])
			d := t[j*n+j] - lambda
			if cabs1(d) < smin {
				d = complex(smin, 0)
			}
			xj := -s / d
			xc[j] = xj
			if a := cabs1(xj); a > big {
				scal(complex(1/a, 0), xc[j:])
			}
		}
		row := vt[c*n : c*n+n]
		for k := 0; k <= c; k++ {
			if xk := xc[k]; xk != 0 {
				axpy(xk, zt[k*n:k*n+n], row)
			}
		}
	}
	return vt
}

// eig is Eig.
func eig(n int, a []complex128, vectors bool) (w []complex128, v []complex128, err error) {
	if n == 0 {
		if vectors {
			v = []complex128{}
		}
		return []complex128{}, v, nil
	}
	if !allFinite(a[:n*n]) {
		return nil, nil, ErrNoConvergence
	}
	h := make([]complex128, n*n)
	copy(h, a)
	f := rangeScale(maxAbs(h))
	if f != 1 {
		scaleReal(f, h)
	}
	scale := balance(n, h)
	zt := gehd2(n, h, vectors) // column-major Q is row-major Zᵀ
	w = make([]complex128, n)
	if !lahqr(n, h, w, vectors, zt) {
		return nil, nil, ErrNoConvergence
	}
	if f != 1 {
		for i := range w {
			w[i] = complex(real(w[i])/f, imag(w[i])/f)
		}
	}
	if !vectors {
		return w, nil, nil
	}
	vt := trevc(n, h, zt)
	// Undo the balancing and normalize as zgeev: Euclidean norm 1, the
	// component of largest modulus real.
	for c := 0; c < n; c++ {
		row := vt[c*n : c*n+n]
		for r := range row {
			row[r] *= complex(scale[r], 0)
		}
		nrm := nrm2(row)
		if nrm > 0 {
			scal(complex(1/nrm, 0), row)
		}
		best, bi := -1.0, 0
		for r, z := range row {
			if a := abs2(z); a > best {
				best, bi = a, r
			}
		}
		if best > 0 {
			tmp := cmplx.Conj(row[bi]) / complex(math.Sqrt(best), 0)
			scal(tmp, row)
			row[bi] = complex(real(row[bi]), 0)
		}
	}
	return w, transpose(n, n, vt), nil
}
