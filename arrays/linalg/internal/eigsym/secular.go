package eigsym

import "math"

// eps is LAPACK's dlamch('Epsilon'): the relative machine precision of
// float64 with rounding, 2⁻⁵³.
const eps = 0x1p-53

// maxSecularIter is the most iterations secularRoot spends on one root
// (LAPACK's MAXIT in dlaed4).
const maxSecularIter = 30

// secularRoot computes the i-th (0-based) eigenvalue lam of the rank-one
// modification diag(d) + rho·z·zᵀ, where d (n = len(d) ≥ 1) is strictly
// increasing, rho > 0 and z has no zero component; it is the i-th root of
// the secular equation
//
//	f(λ) = 1/rho + Σⱼ zⱼ²/(dⱼ − λ) = 0.
//
// For n ≥ 3 it sets delta[j] = dⱼ − lam, computed with respect to the
// nearest pole so that the differences keep their relative accuracy (what
// the eigenvectors of Gu and Eisenstat need). For n = 1 it sets delta[0] =
// 1 and for n = 2 delta holds the normalized eigenvector (laed5). ok is
// false if the iteration did not converge. It is LAPACK's dlaed4.
func secularRoot(i int, d, z, delta []float64, rho float64) (lam float64, ok bool) {
	n := len(d)
	if n == 1 {
		delta[0] = 1
		return d[0] + rho*z[0]*z[0], true
	}
	if n == 2 {
		return secular2(i, d, z, delta, rho), true
	}
	rhoinv := 1 / rho
	if i == n-1 {
		return secularLast(d, z, delta, rho, rhoinv)
	}
	return secularInner(i, d, z, delta, rho, rhoinv)
}

// secularLast is secularRoot for the largest root, which lies in
// (d[n-1], d[n-1]+rho·‖z‖²]: the origin is d[n-1] and the iteration
// interpolates f by the two poles d[n-2] and d[n-1].
func secularLast(d, z, delta []float64, rho, rhoinv float64) (float64, bool) {
	n := len(d)
	ii := n - 2
	last := d[n-1]
	midpt := rho / 2
	psi := 0.0
	for j, zj := range z[:n-2] {
		psi += zj * zj / ((d[j] - last) - midpt)
	}
	del := d[n-1] - d[n-2]
	c := rhoinv + psi
	w := c + z[ii]*z[ii]/(-del-midpt) + z[n-1]*z[n-1]/(-midpt)
	twoPole := func() float64 {
		a := -c*del + z[n-2]*z[n-2] + z[n-1]*z[n-1]
		b := z[n-1] * z[n-1] * del
		if a < 0 {
			return 2 * b / (math.Sqrt(a*a+4*b*c) - a)
		}
		return (a + math.Sqrt(a*a+4*b*c)) / (2 * c)
	}
	var tau, dltlb, dltub float64
	if w <= 0 {
		temp := z[n-2]*z[n-2]/(del+rho) + z[n-1]*z[n-1]/rho
		if c <= temp {
			tau = rho
		} else {
			tau = twoPole()
		}
		// d[n-1] + rho/2 ≤ λ < d[n-1] + tau ≤ d[n-1] + rho.
		dltlb, dltub = midpt, rho
	} else {
		tau = twoPole()
		// d[n-1] < d[n-1] + tau < λ < d[n-1] + rho/2.
		dltlb, dltub = 0, midpt
	}
	var dpsi, dphi, phi, erretm float64
	eval := func() {
		var er float64
		psi, dpsi, er = setLow(z, d, delta, ii+1, last, tau)
		delta[n-1] = -tau
		t := z[n-1] / delta[n-1]
		phi = z[n-1] * t
		dphi = t * t
		erretm = 8*(-phi-psi) + math.Abs(er) - phi + rhoinv + math.Abs(tau)*(dpsi+dphi)
		w = rhoinv + phi + psi
	}
	eval()
	for range maxSecularIter {
		if math.Abs(w) <= eps*erretm {
			return last + tau, true
		}
		if w <= 0 {
			dltlb = math.Max(dltlb, tau)
		} else {
			dltub = math.Min(dltub, tau)
		}
		// Interpolate f by c + s/δ[n-2] + t/δ[n-1] (fixed weight method).
		c := w - delta[n-2]*dpsi - delta[n-1]*dphi
		a := (delta[n-2]+delta[n-1])*w - delta[n-2]*delta[n-1]*(dpsi+dphi)
		b := delta[n-2] * delta[n-1] * w
		c = math.Abs(c)
		var eta float64
		switch {
		case c == 0:
			eta = -w / (dpsi + dphi)
		case a >= 0:
			eta = (a + math.Sqrt(math.Abs(a*a-4*b*c))) / (2 * c)
		default:
			eta = 2 * b / (a - math.Sqrt(math.Abs(a*a-4*b*c)))
		}
		// eta must have the sign opposite to w's; roundoff may break that,
		// and a Newton step restores it.
		if w*eta > 0 {
			eta = -w / (dpsi + dphi)
		}
		if t := tau + eta; t > dltub || t < dltlb {
			if w < 0 {
				eta = (dltub - tau) / 2
			} else {
				eta = (dltlb - tau) / 2
			}
		}
		delta[n-1] -= eta
		tau += eta
		var er float64
		psi, dpsi, er = sweepLow(z, delta, ii+1, eta)
		t := z[n-1] / delta[n-1]
		phi = z[n-1] * t
		dphi = t * t
		erretm = 8*(-phi-psi) + math.Abs(er) - phi + rhoinv + math.Abs(tau)*(dpsi+dphi)
		w = rhoinv + phi + psi
	}
	return last + tau, false
}

// secularInner is secularRoot for a root i < n-1, which lies in
// (d[i], d[i+1]): the origin is the nearer of the two poles, and the
// iteration interpolates f by the two poles around the root or, when that
// converges slowly, by the three poles nearest the origin (laed6).
func secularInner(i int, d, z, delta []float64, rho, rhoinv float64) (float64, bool) {
	n := len(d)
	ip1 := i + 1
	del := d[ip1] - d[i]
	midpt := del / 2
	// f at the midpoint, with the terms of i and i+1 apart.
	psi := 0.0
	for j, zj := range z[:i] {
		psi += zj * zj / ((d[j] - d[i]) - midpt)
	}
	phi := 0.0
	for j := n - 1; j > ip1; j-- {
		phi += z[j] * z[j] / ((d[j] - d[i]) - midpt)
	}
	c := rhoinv + psi + phi
	w := c + z[i]*z[i]/(-midpt) + z[ip1]*z[ip1]/(del-midpt)

	var orgati bool
	var tau, dltlb, dltub float64
	if w > 0 {
		// d[i] < λ < (d[i]+d[i+1])/2: the origin is d[i].
		orgati = true
		a := c*del + z[i]*z[i] + z[ip1]*z[ip1]
		b := z[i] * z[i] * del
		if a > 0 {
			tau = 2 * b / (a + math.Sqrt(math.Abs(a*a-4*b*c)))
		} else {
			tau = (a - math.Sqrt(math.Abs(a*a-4*b*c))) / (2 * c)
		}
		dltlb, dltub = 0, midpt
	} else {
		// (d[i]+d[i+1])/2 ≤ λ < d[i+1]: the origin is d[i+1].
		a := c*del - z[i]*z[i] - z[ip1]*z[ip1]
		b := z[ip1] * z[ip1] * del
		if a < 0 {
			tau = 2 * b / (a - math.Sqrt(math.Abs(a*a+4*b*c)))
		} else {
			tau = -(a + math.Sqrt(math.Abs(a*a+4*b*c))) / (2 * c)
		}
		dltlb, dltub = -midpt, 0
	}
	origin, ii := d[i], i
	if !orgati {
		origin, ii = d[ip1], ip1
	}
	iim1, iip1 := ii-1, ii+1

	var dpsi, dphi, dw, erretm float64
	// evalTail completes f (w) from psi and phi, its derivative dw and the
	// bound erretm on the error of f at origin+taunew.
	evalTail := func(erpsi, erphi, taunew float64) {
		t := z[ii] / delta[ii]
		dw = dpsi + dphi + t*t
		t *= z[ii]
		w = rhoinv + phi + psi + t
		erretm = 8*(phi-psi) + math.Abs(erpsi) + erphi + 2*rhoinv + 3*math.Abs(t) + math.Abs(taunew)*dw
	}
	// eval subtracts eta from delta and evaluates f at origin+taunew (where
	// delta is then).
	eval := func(eta, taunew float64) {
		var erpsi, erphi float64
		psi, dpsi, erpsi = sweepLow(z, delta, ii, eta)
		phi, dphi, erphi = sweepHigh(z, delta, iip1, eta)
		delta[ii] -= eta
		evalTail(erpsi, erphi, taunew)
	}
	// The first evaluation sets delta = (d − origin) − tau.
	var erpsi, erphi float64
	psi, dpsi, erpsi = setLow(z, d, delta, ii, origin, tau)
	phi, dphi, erphi = setHigh(z, d, delta, iip1, origin, tau)
	delta[ii] = (d[ii] - origin) - tau
	evalTail(erpsi, erphi, tau)
	// w without its ii-th term decides whether three poles are used.
	swtch3 := false
	if wo := rhoinv + phi + psi; (orgati && wo < 0) || (!orgati && wo > 0) {
		swtch3 = true
	}
	if ii == 0 || ii == n-1 {
		swtch3 = false
	}

	swtch := false
	var zz, dd [3]float64
	for niter := 2; niter <= maxSecularIter+1; niter++ {
		if math.Abs(w) <= eps*erretm {
			return origin + tau, true
		}
		if niter == maxSecularIter+1 {
			break
		}
		if w <= 0 {
			dltlb = math.Max(dltlb, tau)
		} else {
			dltub = math.Min(dltub, tau)
		}
		var eta float64
		if !swtch3 {
			var c float64
			if !swtch {
				if orgati {
					t := z[i] / delta[i]
					c = w - delta[ip1]*dw - (d[i]-d[ip1])*t*t
				} else {
					t := z[ip1] / delta[ip1]
					c = w - delta[i]*dw - (d[ip1]-d[i])*t*t
				}
			} else {
				t := z[ii] / delta[ii]
				if orgati {
					dpsi += t * t
				} else {
					dphi += t * t
				}
				c = w - delta[i]*dpsi - delta[ip1]*dphi
			}
			a := (delta[i]+delta[ip1])*w - delta[i]*delta[ip1]*dw
			b := delta[i] * delta[ip1] * w
			switch {
			case c == 0:
				if a == 0 {
					switch {
					case swtch:
						a = delta[i]*delta[i]*dpsi + delta[ip1]*delta[ip1]*dphi
					case orgati:
						a = z[i]*z[i] + delta[ip1]*delta[ip1]*(dpsi+dphi)
					default:
						a = z[ip1]*z[ip1] + delta[i]*delta[i]*(dpsi+dphi)
					}
				}
				eta = b / a
			case a <= 0:
				eta = (a - math.Sqrt(math.Abs(a*a-4*b*c))) / (2 * c)
			default:
				eta = 2 * b / (a + math.Sqrt(math.Abs(a*a-4*b*c)))
			}
		} else {
			// Interpolation by the three poles nearest the origin.
			t := rhoinv + psi + phi
			var c float64
			if swtch {
				c = t - delta[iim1]*dpsi - delta[iip1]*dphi
				zz[0] = delta[iim1] * delta[iim1] * dpsi
				zz[2] = delta[iip1] * delta[iip1] * dphi
			} else if orgati {
				t1 := z[iim1] / delta[iim1]
				t1 *= t1
				c = t - delta[iip1]*(dpsi+dphi) - (d[iim1]-d[iip1])*t1
				zz[0] = z[iim1] * z[iim1]
				zz[2] = delta[iip1] * delta[iip1] * ((dpsi - t1) + dphi)
			} else {
				t1 := z[iip1] / delta[iip1]
				t1 *= t1
				c = t - delta[iim1]*(dpsi+dphi) - (d[iip1]-d[iim1])*t1
				zz[0] = delta[iim1] * delta[iim1] * (dpsi + (dphi - t1))
				zz[2] = z[iip1] * z[iip1]
			}
			zz[1] = z[ii] * z[ii]
			dd = [3]float64{delta[iim1], delta[ii], delta[iip1]}
			var ok bool
			eta, ok = cubicRoot(niter, orgati, c, dd, zz, w)
			if !ok {
				return origin + tau, false
			}
		}
		// eta must have the sign opposite to w's; roundoff may break that,
		// and a Newton step restores it.
		if w*eta >= 0 {
			eta = -w / dw
		}
		if t := tau + eta; t > dltub || t < dltlb {
			if w < 0 {
				eta = (dltub - tau) / 2
			} else {
				eta = (dltlb - tau) / 2
			}
		}
		prew := w
		eval(eta, tau+eta)
		tau += eta
		if niter == 2 {
			if orgati {
				swtch = -w > math.Abs(prew)/10
			} else {
				swtch = w > math.Abs(prew)/10
			}
		} else if w*prew > 0 && math.Abs(w) > math.Abs(prew)/10 {
			swtch = !swtch
		}
	}
	return origin + tau, false
}

// secular2 is secularRoot for n = 2 (LAPACK's dlaed5): it returns the
// i-th eigenvalue of diag(d) + rho·z·zᵀ and sets delta to its normalized
// eigenvector.
func secular2(i int, d, z, delta []float64, rho float64) float64 {
	del := d[1] - d[0]
	var lam float64
	if i == 0 {
		w := 1 + 2*rho*(z[1]*z[1]-z[0]*z[0])/del
		if w > 0 {
			b := del + rho*(z[0]*z[0]+z[1]*z[1])
			c := rho * z[0] * z[0] * del
			// b > 0 always.
			tau := 2 * c / (b + math.Sqrt(math.Abs(b*b-4*c)))
			lam = d[0] + tau
			delta[0] = -z[0] / tau
			delta[1] = z[1] / (del - tau)
		} else {
			b := -del + rho*(z[0]*z[0]+z[1]*z[1])
			c := rho * z[1] * z[1] * del
			var tau float64
			if b > 0 {
				tau = -2 * c / (b + math.Sqrt(b*b+4*c))
			} else {
				tau = (b - math.Sqrt(b*b+4*c)) / 2
			}
			lam = d[1] + tau
			delta[0] = -z[0] / (del + tau)
			delta[1] = -z[1] / tau
		}
	} else {
		b := -del + rho*(z[0]*z[0]+z[1]*z[1])
		c := rho * z[1] * z[1] * del
		var tau float64
		if b > 0 {
			tau = (b + math.Sqrt(b*b+4*c)) / 2
		} else {
			tau = 2 * c / (-b + math.Sqrt(b*b+4*c))
		}
		lam = d[1] + tau
		delta[0] = -z[0] / (del + tau)
		delta[1] = -z[1] / tau
	}
	t := math.Hypot(delta[0], delta[1])
	delta[0] /= t
	delta[1] /= t
	return lam
}

// cubicRoot computes the step tau from the current point to the root of
//
//	g(t) = rho + Σₖ z[k]/(d[k] − t) (k = 0, 1, 2)
//
// between d[1] and d[2] (orgati) or d[0] and d[1] (not orgati), where
// finit = g(0) (LAPACK's dlaed6, with the cubically convergent iteration
// of Gragg, Thornton and Warner). kniter is the caller's iteration count:
// on its second iteration the initial guess comes from a two-pole model.
func cubicRoot(kniter int, orgati bool, rho float64, d, z [3]float64, finit float64) (float64, bool) {
	const maxit = 40
	var lbd, ubd float64
	if orgati {
		lbd, ubd = d[1], d[2]
	} else {
		lbd, ubd = d[0], d[1]
	}
	if finit < 0 {
		lbd = 0
	} else {
		ubd = 0
	}
	tau := 0.0
	if kniter == 2 {
		var a, b, c float64
		if orgati {
			t := (d[2] - d[1]) / 2
			c = rho + z[0]/((d[0]-d[1])-t)
			a = c*(d[1]+d[2]) + z[1] + z[2]
			b = c*d[1]*d[2] + z[1]*d[2] + z[2]*d[1]
		} else {
			t := (d[0] - d[1]) / 2
			c = rho + z[2]/((d[2]-d[1])-t)
			a = c*(d[0]+d[1]) + z[0] + z[1]
			b = c*d[0]*d[1] + z[0]*d[1] + z[1]*d[0]
		}
		t := math.Max(math.Abs(a), math.Max(math.Abs(b), math.Abs(c)))
		a, b, c = a/t, b/t, c/t
		switch {
		case c == 0:
			tau = b / a
		case a <= 0:
			tau = (a - math.Sqrt(math.Abs(a*a-4*b*c))) / (2 * c)
		default:
			tau = 2 * b / (a + math.Sqrt(math.Abs(a*a-4*b*c)))
		}
		if tau < lbd || tau > ubd {
			tau = (lbd + ubd) / 2
		}
		if d[0] == tau || d[1] == tau || d[2] == tau {
			tau = 0
		} else {
			t := finit + tau*z[0]/(d[0]*(d[0]-tau)) +
				tau*z[1]/(d[1]*(d[1]-tau)) +
				tau*z[2]/(d[2]*(d[2]-tau))
			if t <= 0 {
				lbd = tau
			} else {
				ubd = tau
			}
			if math.Abs(finit) <= math.Abs(t) {
				tau = 0
			}
		}
	}

	// Scale up when 1/(d-tau)³ could overflow; d, z and tau are O(1), as
	// the caller scales the problem.
	const (
		small1 = 0x1p-340 // 2^⌊log₂(safmin)/3⌋
		sminv1 = 0x1p340
		small2 = small1 * small1
		sminv2 = sminv1 * sminv1
	)
	var t float64
	if orgati {
		t = math.Min(math.Abs(d[1]-tau), math.Abs(d[2]-tau))
	} else {
		t = math.Min(math.Abs(d[0]-tau), math.Abs(d[1]-tau))
	}
	scale := false
	sclinv := 1.0
	dscale, zscale := d, z
	if t <= small1 {
		scale = true
		sclfac := sminv1
		sclinv = small1
		if t <= small2 {
			sclfac, sclinv = sminv2, small2
		}
		for k := range 3 {
			dscale[k] = d[k] * sclfac
			zscale[k] = z[k] * sclfac
		}
		tau *= sclfac
		lbd *= sclfac
		ubd *= sclfac
	}
	unscale := func(tau float64) float64 {
		if scale {
			return tau * sclinv
		}
		return tau
	}

	var fc, df, ddf float64
	for k := range 3 {
		t := 1 / (dscale[k] - tau)
		t1 := zscale[k] * t
		t2 := t1 * t
		t3 := t2 * t
		fc += t1 / dscale[k]
		df += t2
		ddf += t3
	}
	f := finit + tau*fc
	if math.Abs(f) <= 0 {
		return unscale(tau), true
	}
	if f <= 0 {
		lbd = tau
	} else {
		ubd = tau
	}
	for range maxit - 1 {
		var t1, t2 float64
		if orgati {
			t1, t2 = dscale[1]-tau, dscale[2]-tau
		} else {
			t1, t2 = dscale[0]-tau, dscale[1]-tau
		}
		a := (t1+t2)*f - t1*t2*df
		b := t1 * t2 * f
		c := f - (t1+t2)*df + t1*t2*ddf
		t := math.Max(math.Abs(a), math.Max(math.Abs(b), math.Abs(c)))
		a, b, c = a/t, b/t, c/t
		var eta float64
		switch {
		case c == 0:
			eta = b / a
		case a <= 0:
			eta = (a - math.Sqrt(math.Abs(a*a-4*b*c))) / (2 * c)
		default:
			eta = 2 * b / (a + math.Sqrt(math.Abs(a*a-4*b*c)))
		}
		if f*eta >= 0 {
			eta = -f / df
		}
		tau += eta
		if tau < lbd || tau > ubd {
			tau = (lbd + ubd) / 2
		}
		fc, df, ddf = 0, 0, 0
		erretm := 0.0
		for k := range 3 {
			if dscale[k]-tau == 0 {
				return unscale(tau), true
			}
			t := 1 / (dscale[k] - tau)
			t1 := zscale[k] * t
			t2 := t1 * t
			t3 := t2 * t
			t4 := t1 / dscale[k]
			fc += t4
			erretm += math.Abs(t4)
			df += t2
			ddf += t3
		}
		f = finit + tau*fc
		erretm = 8*(math.Abs(finit)+math.Abs(tau)*erretm) + math.Abs(tau)*df
		if math.Abs(f) <= 4*eps*erretm || ubd-lbd <= 4*eps*math.Abs(tau) {
			return unscale(tau), true
		}
		if f <= 0 {
			lbd = tau
		} else {
			ubd = tau
		}
	}
	return unscale(tau), false
}

// sweepLow subtracts eta from delta[0:m] and returns, over those terms,
// psi = Σ zⱼ²/δⱼ, its derivative dpsi = Σ (zⱼ/δⱼ)² and the sum of the
// partial sums of psi (for the error bound).
func sweepLow(z, delta []float64, m int, eta float64) (psi, dpsi, er float64) {
	z, delta = z[:m], delta[:m]
	for j, zj := range z {
		dj := delta[j] - eta
		delta[j] = dj
		t := zj / dj
		psi += zj * t
		dpsi += t * t
		er += psi
	}
	return psi, dpsi, er
}

// sweepHigh is sweepLow for delta[m:], summed from the end.
func sweepHigh(z, delta []float64, m int, eta float64) (phi, dphi, er float64) {
	z, delta = z[m:], delta[m:len(z)]
	for j := len(z) - 1; j >= 0; j-- {
		dj := delta[j] - eta
		delta[j] = dj
		t := z[j] / dj
		phi += z[j] * t
		dphi += t * t
		er += phi
	}
	return phi, dphi, er
}

// setLow is sweepLow that sets delta[j] = (d[j] − origin) − tau first.
func setLow(z, d, delta []float64, m int, origin, tau float64) (psi, dpsi, er float64) {
	z, d, delta = z[:m], d[:m], delta[:m]
	for j, zj := range z {
		dj := (d[j] - origin) - tau
		delta[j] = dj
		t := zj / dj
		psi += zj * t
		dpsi += t * t
		er += psi
	}
	return psi, dpsi, er
}

// setHigh is sweepHigh that sets delta[j] = (d[j] − origin) − tau first.
func setHigh(z, d, delta []float64, m int, origin, tau float64) (phi, dphi, er float64) {
	n := len(z)
	z, d, delta = z[m:], d[m:n], delta[m:n]
	for j := len(z) - 1; j >= 0; j-- {
		dj := (d[j] - origin) - tau
		delta[j] = dj
		t := z[j] / dj
		phi += z[j] * t
		dphi += t * t
		er += phi
	}
	return phi, dphi, er
}
