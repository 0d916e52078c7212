package random

import "math"

// More samplers of numpy/random/src/distributions/distributions.c (NumPy
// 1.24), on PCG64. Each draws what its C namesake draws, in the same order.
// Products that feed a sum are wrapped in float64(...) so that the Go
// compiler may not fuse them into an FMA, which the C build does not do.
//
// Where C's exp, log or pow give (part of) the value returned, these use
// cexp, clog and cpow (libm.go), which round as the C library does. Where
// they only decide a comparison (acceptance tests, the bounds of the
// rejection loops), they use Go's math, which is faster: a result within
// an ulp of glibc's can only flip a comparison that falls within that ulp,
// as with the ziggurat's wedge tests.

const zigguratExpR = 7.69711747013104972

// standardExponential is random_standard_exponential: NumPy's 256-level
// exponential ziggurat. One 64-bit draw gives the layer (8 bits) and a
// 53-bit mantissa (the low 3 bits are dropped).
func (p *pcg64) standardExponential() float64 {
	for {
		ri := p.next64() >> 3
		idx := ri & 0xff
		ri >>= 8
		x := float64(ri) * weDouble[idx]
		if ri < keDouble[idx] {
			return x // 98.9% of the time
		}
		if idx == 0 {
			return zigguratExpR - math.Log1p(-p.nextDouble())
		}
		if float64((feDouble[idx-1]-feDouble[idx])*p.nextDouble())+feDouble[idx] < math.Exp(-x) {
			return x
		}
	}
}

// standardGamma is random_standard_gamma: an exponential for shape 1,
// 0 for shape 0, Johnk-like rejection from exponentials for shape < 1 and
// Marsaglia and Tsang's method from normals otherwise.
func (p *pcg64) standardGamma(shape float64) float64 {
	switch {
	case shape == 1:
		return p.standardExponential()
	case shape == 0:
		return 0
	case shape < 1:
		for {
			u := p.nextDouble()
			v := p.standardExponential()
			if u <= 1-shape {
				x := cpow(u, 1/shape)
				if x <= v {
					return x
				}
			} else {
				y := -clog((1 - u) / shape)
				x := cpow(1-shape+float64(shape*y), 1/shape)
				if x <= v+y {
					return x
				}
			}
		}
	}
	b := shape - 1.0/3.0
	c := 1 / math.Sqrt(9*b)
	for {
		var x, v float64
		for {
			x = p.standardNormal()
			v = 1 + float64(c*x)
			if !(v <= 0) { // a NaN shape goes on, as in C
				break
			}
		}
		v = v * v * v
		u := p.nextDouble()
		if u < 1-float64(0.0331*(x*x)*(x*x)) {
			return b * v
		}
		if math.Log(u) < float64(0.5*x*x)+float64(b*(1-v+math.Log(v))) {
			return b * v
		}
	}
}

// beta is random_beta: Johnk's algorithm when a and b are both <= 1,
// otherwise the ratio of two gammas.
func (p *pcg64) beta(a, b float64) float64 {
	if a <= 1 && b <= 1 {
		for {
			u := p.nextDouble()
			v := p.nextDouble()
			x := cpow(u, 1/a)
			y := cpow(v, 1/b)
			xpy := x + y
			// NumPy 1.24 rejects the pair when x + y underflows to 0 too
			// (its logarithmic fallback for that case is unreachable).
			if xpy <= 1 && xpy > 0 {
				return x / xpy
			}
		}
	}
	ga := p.standardGamma(a)
	gb := p.standardGamma(b)
	return ga / (ga + gb)
}

// loggam is random_loggam: log(gamma(x)) by the series of Zhang and Jin.
func loggam(x float64) float64 {
	a := [10]float64{8.333333333333333e-02, -2.777777777777778e-03,
		7.936507936507937e-04, -5.952380952380952e-04,
		8.417508417508418e-04, -1.917526917526918e-03,
		6.410256410256410e-03, -2.955065359477124e-02,
		1.796443723688307e-01, -1.39243221690590e+00}
	if x == 1 || x == 2 {
		return 0
	}
	x0 := x
	n := int64(0)
	if x <= 7 {
		n = int64(7 - x)
		x0 = x + float64(n)
	}
	x2 := 1 / (x0 * x0)
	const xp = 2 * math.Pi
	gl0 := a[9]
	for k := 8; k >= 0; k-- {
		gl0 *= x2
		gl0 += a[k]
	}
	gl := gl0/x0 + float64(0.5*math.Log(xp)) + float64((x0-0.5)*math.Log(x0)) - x0
	if x <= 7 {
		for k := int64(1); k <= n; k++ {
			gl -= math.Log(x0 - 1)
			x0 -= 1
		}
	}
	return gl
}

// poisson is random_poisson: 0 for lam 0, multiplication of uniforms for
// lam < 10 and Hörmann's transformed rejection (PTRS) for lam >= 10.
func (p *pcg64) poisson(lam float64) int64 {
	if lam >= 10 {
		return p.poissonPTRS(lam)
	}
	if lam == 0 {
		return 0
	}
	enlam := math.Exp(-lam)
	x := int64(0)
	prod := 1.0
	for {
		prod *= p.nextDouble()
		if prod > enlam {
			x++
		} else {
			return x
		}
	}
}

func (p *pcg64) poissonPTRS(lam float64) int64 {
	slam := math.Sqrt(lam)
	loglam := math.Log(lam)
	b := 0.931 + float64(2.53*slam)
	a := -0.059 + float64(0.02483*b)
	invalpha := 1.1239 + 1.1328/(b-3.4)
	vr := 0.9277 - 3.6224/(b-2)
	for {
		u := p.nextDouble() - 0.5
		v := p.nextDouble()
		us := 0.5 - math.Abs(u)
		k := int64(math.Floor(float64((2*a/us+b)*u) + lam + 0.43))
		if us >= 0.07 && v <= vr {
			return k
		}
		if k < 0 || (us < 0.013 && v > us) {
			continue
		}
		if math.Log(v)+math.Log(invalpha)-math.Log(a/(us*us)+b) <=
			-lam+float64(float64(k)*loglam)-loggam(float64(k+1)) {
			return k
		}
	}
}

// binomial is random_binomial: inversion when min(p, 1-p)*n <= 30, BTPE
// otherwise, drawing for min(p, 1-p) and reflecting.
func (p *pcg64) binomial(n int64, prob float64) int64 {
	if n == 0 || prob == 0 {
		return 0
	}
	if prob <= 0.5 {
		if prob*float64(n) <= 30 {
			return p.binomialInversion(n, prob)
		}
		return p.binomialBTPE(n, prob)
	}
	q := 1 - prob
	if q*float64(n) <= 30 {
		return n - p.binomialInversion(n, q)
	}
	return n - p.binomialBTPE(n, q)
}

func (p *pcg64) binomialInversion(n int64, prob float64) int64 {
	q := 1 - prob
	qn := math.Exp(float64(n) * math.Log(q))
	np := float64(n) * prob
	bound := int64(math.Min(float64(n), np+float64(10*math.Sqrt(np*q+1))))
	x := int64(0)
	px := qn
	u := p.nextDouble()
	for u > px {
		x++
		if x > bound {
			x = 0
			px = qn
			u = p.nextDouble()
		} else {
			u -= px
			px = (float64(n-x+1) * prob * px) / (float64(x) * q)
		}
	}
	return x
}

// binomialBTPE is random_binomial_btpe (Kachitvichyanukul and Schmeiser),
// for p <= 0.5.
func (p *pcg64) binomialBTPE(n int64, prob float64) int64 {
	fn := float64(n)
	r := math.Min(prob, 1-prob)
	q := 1 - r
	fm := fn*r + r
	m := int64(math.Floor(fm))
	fmm := float64(m)
	p1 := math.Floor(float64(2.195*math.Sqrt(fn*r*q))-float64(4.6*q)) + 0.5
	xm := fmm + 0.5
	xl := xm - p1
	xr := xm + p1
	c := 0.134 + 20.5/(15.3+fmm)
	a := (fm - xl) / (fm - xl*r)
	laml := a * (1 + a/2)
	a = (xr - fm) / (xr * q)
	lamr := a * (1 + a/2)
	p2 := p1 * (1 + 2*c)
	p3 := p2 + c/laml
	p4 := p3 + c/lamr

	var y int64
	for {
		nrq := fn * r * q
		u := p.nextDouble() * p4
		v := p.nextDouble()
		if u <= p1 {
			y = int64(math.Floor(xm - float64(p1*v) + u))
			break // Step60
		}
		if u <= p2 {
			x := xl + (u-p1)/c
			v = float64(v*c) + 1 - math.Abs(fmm-x+0.5)/p1
			if v > 1 {
				continue
			}
			y = int64(math.Floor(x))
		} else if u <= p3 {
			y = int64(math.Floor(xl + math.Log(v)/laml))
			if y < 0 || v == 0 {
				continue
			}
			v = v * (u - p2) * laml
		} else {
			y = int64(math.Floor(xr - math.Log(v)/lamr))
			if y > n || v == 0 {
				continue
			}
			v = v * (u - p3) * lamr
		}
		// Step50.
		k := y - m
		if k < 0 {
			k = -k
		}
		fk := float64(k)
		if k > 20 && fk < nrq/2-1 {
			// Step52: squeeze with the normal approximation.
			rho := (fk / nrq) * ((float64(fk*(fk/3+0.625))+0.16666666666666666)/nrq + 0.5)
			t := float64(-k*k) / (2 * nrq)
			A := math.Log(v)
			if A < t-rho {
				break
			}
			if A > t+rho {
				continue
			}
			x1 := float64(y + 1)
			f1 := float64(m + 1)
			z := float64(n + 1 - m)
			w := float64(n - y + 1)
			x2 := x1 * x1
			f2 := f1 * f1
			z2 := z * z
			w2 := w * w
			bound := float64(xm*math.Log(f1/x1)) + float64(float64(n-m)+0.5)*math.Log(z/w) +
				float64(float64(y-m)*math.Log(w*r/(x1*q))) +
				(13680.-(462.-(132.-(99.-140./f2)/f2)/f2)/f2)/f1/166320. +
				(13680.-(462.-(132.-(99.-140./z2)/z2)/z2)/z2)/z/166320. +
				(13680.-(462.-(132.-(99.-140./x2)/x2)/x2)/x2)/x1/166320. +
				(13680.-(462.-(132.-(99.-140./w2)/w2)/w2)/w2)/w/166320.
			if A > bound {
				continue
			}
			break
		}
		s := r / q
		aa := s * (fn + 1)
		F := 1.0
		if m < y {
			for i := m + 1; i <= y; i++ {
				F *= aa/float64(i) - s
			}
		} else if m > y {
			for i := y + 1; i <= m; i++ {
				F /= aa/float64(i) - s
			}
		}
		if v > F {
			continue
		}
		break
	}
	if prob > 0.5 {
		y = n - y
	}
	return y
}

// geometric is random_geometric: a search for p >= 1/3, inversion of an
// exponential otherwise.
func (p *pcg64) geometric(prob float64) int64 {
	if prob >= 0.333333333333333333333333 {
		x := int64(1)
		sum, prod := prob, prob
		q := 1 - prob
		u := p.nextDouble()
		for u > sum {
			prod *= q
			sum += prod
			x++
		}
		return x
	}
	z := math.Ceil(-p.standardExponential() / math.Log1p(-prob))
	if z >= 9.223372036854776e+18 {
		return math.MaxInt64
	}
	return int64(z)
}

// laplace is random_laplace.
func (p *pcg64) laplace(loc, scale float64) float64 {
	for {
		u := p.nextDouble()
		if u >= 0.5 {
			return loc - float64(scale*clog(2-u-u))
		}
		if u > 0 {
			return loc + float64(scale*clog(u+u))
		}
	}
}

// logistic is random_logistic.
func (p *pcg64) logistic(loc, scale float64) float64 {
	for {
		if u := p.nextDouble(); u > 0 {
			return loc + float64(scale*clog(u/(1-u)))
		}
	}
}

// triangular is random_triangular.
func (p *pcg64) triangular(left, mode, right float64) float64 {
	base := right - left
	leftbase := mode - left
	ratio := leftbase / base
	leftprod := leftbase * base
	rightprod := (right - mode) * base
	u := p.nextDouble()
	if u <= ratio {
		return left + math.Sqrt(u*leftprod)
	}
	return right - math.Sqrt((1-u)*rightprod)
}

// logFactorial is NumPy's logfactorial: its table up to 125, then the
// Stirling series to the 1/k³ term.
func logFactorial(k int64) float64 {
	if k < int64(len(logFactTable)) {
		return logFactTable[k]
	}
	const halfLn2Pi = 0.9189385332046728
	fk := float64(k)
	return float64((fk+0.5)*math.Log(fk)) - fk + (halfLn2Pi + float64((1.0/fk)*(1/12.0-1/(360.0*fk*fk))))
}

// hypergeometric is random_hypergeometric: drawing one by one (random
// interval draws) for samples under 10 or within 10 of the population,
// Stadlober's ratio of uniforms (HRUA) otherwise.
func (p *pcg64) hypergeometric(good, bad, sample int64) int64 {
	if sample >= 10 && sample <= good+bad-10 {
		return p.hypergeometricHRUA(good, bad, sample)
	}
	total := good + bad
	computed := sample
	if sample > total/2 {
		computed = total - sample
	}
	remTotal, remGood := total, good
	for computed > 0 && remGood > 0 && remTotal > remGood {
		remTotal--
		if int64(p.interval(uint64(remTotal))) < remGood {
			remGood--
		}
		computed--
	}
	if remTotal == remGood {
		remGood -= computed
	}
	if sample > total/2 {
		return remGood
	}
	return good - remGood
}

func (p *pcg64) hypergeometricHRUA(good, bad, sample int64) int64 {
	const d1, d2 = 1.7155277699214135, 0.8989161620588988
	popsize := good + bad
	computed := min(sample, popsize-sample)
	minGB, maxGB := min(good, bad), max(good, bad)
	pp := float64(minGB) / float64(popsize)
	q := float64(maxGB) / float64(popsize)
	mu := float64(computed) * pp
	a := mu + 0.5
	variance := float64(popsize-computed) * float64(computed) * pp * q / float64(popsize-1)
	c := math.Sqrt(variance + 0.5)
	h := float64(d1*c) + d2
	m := int64(math.Floor(float64(computed+1) * float64(minGB+1) / float64(popsize+2)))
	g := logFactorial(m) + logFactorial(minGB-m) + logFactorial(computed-m) + logFactorial(maxGB-computed+m)
	b := math.Min(float64(min(computed, minGB)+1), math.Floor(a+float64(16*c)))
	var k int64
	for {
		u := p.nextDouble()
		v := p.nextDouble()
		x := a + float64(h*(v-0.5))/u
		if x < 0 || x >= b {
			continue
		}
		k = int64(math.Floor(x))
		gp := logFactorial(k) + logFactorial(minGB-k) + logFactorial(computed-k) + logFactorial(maxGB-computed+k)
		t := g - gp
		if float64(u*(4-u))-3 <= t {
			break
		}
		if u*(u-t) >= 1 {
			continue
		}
		if 2*math.Log(u) <= t {
			break
		}
	}
	if good > bad {
		k = computed - k
	}
	if computed < sample {
		k = good - k
	}
	return k
}
