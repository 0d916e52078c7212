package random

import "math"

// exp, log and pow as the C library computes them for NumPy. glibc's are
// within about 0.52 ulp of the true value (nearly always the correctly
// rounded one); Go's math.Exp, Log and Pow are within 1 ulp, and Pow loses
// far more for large exponents (pow(u, 1000) is hundreds of ulps off),
// which NumPy's gamma and beta samplers use. These versions compute in
// double-double arithmetic (about 106 bits) and round once at the end, so
// they give glibc's result except in the rare near-halfway cases.

// dd is an unevaluated sum hi + lo with |lo| <= ulp(hi)/2.
type dd struct{ hi, lo float64 }

func twoSum(a, b float64) dd {
	s := a + b
	bb := s - a
	return dd{s, (a - (s - bb)) + (b - bb)}
}

func quickTwoSum(a, b float64) dd {
	s := a + b
	return dd{s, b - (s - a)}
}

func twoProd(a, b float64) dd {
	p := a * b
	return dd{p, math.FMA(a, b, -p)}
}

func (a dd) add(b dd) dd {
	s := twoSum(a.hi, b.hi)
	t := twoSum(a.lo, b.lo)
	s.lo += t.hi
	s = quickTwoSum(s.hi, s.lo)
	s.lo += t.lo
	return quickTwoSum(s.hi, s.lo)
}

func (a dd) neg() dd { return dd{-a.hi, -a.lo} }

func (a dd) mul(b dd) dd {
	p := twoProd(a.hi, b.hi)
	p.lo += a.hi*b.lo + a.lo*b.hi
	return quickTwoSum(p.hi, p.lo)
}

func (a dd) mulFloat(b float64) dd {
	p := twoProd(a.hi, b)
	p.lo += a.lo * b
	return quickTwoSum(p.hi, p.lo)
}

func (a dd) div(b dd) dd {
	q1 := a.hi / b.hi
	r := a.add(b.mulFloat(q1).neg())
	q2 := r.hi / b.hi
	r = r.add(b.mulFloat(q2).neg())
	q3 := r.hi / b.hi
	return quickTwoSum(q1, q2).add(dd{q3, 0})
}

// invDD[n] is 1/n in double-double, for the series.
var invDD = func() (t [128]dd) {
	for n := 1; n < len(t); n++ {
		f := float64(n)
		q := 1 / f
		t[n] = dd{q, -math.FMA(q, f, -1) / f}
	}
	return t
}()

// ln2 in double-double.
var ln2DD = dd{0.6931471805599453, 2.3190468138462996e-17}

// The tables of the argument reductions: logTable[j] = log(1 + j/64) and
// exp2Table[j] = 2^(j/64), in double-double, made at start by the plain
// series below.
var logTable, exp2Table = func() (l, e [65]dd) {
	for j := range l {
		l[j] = ddLogSeries(1 + float64(j)/64)
		e[j] = ddExpSeries(ln2DD.mulFloat(float64(j) / 64))
	}
	return
}()

// ddLogSeries is log(m) for m in [1/2, 2], 2 atanh((m-1)/(m+1)) by its
// series, in double-double.
func ddLogSeries(m float64) dd {
	s := dd{m - 1, 0}.div(twoSum(m, 1))
	sum := s
	if s.hi != 0 {
		s2 := s.mul(s)
		term := s
		for n := 3; n < len(invDD); n += 2 {
			term = term.mul(s2)
			t := term.mul(invDD[n])
			sum = sum.add(t)
			if math.Abs(t.hi) <= 1e-36*math.Abs(sum.hi) {
				break
			}
		}
	}
	return dd{2 * sum.hi, 2 * sum.lo}
}

// ddExpSeries is exp(r) for a small r by its Taylor series, in
// double-double.
func ddExpSeries(r dd) dd {
	sum := dd{1, 0}
	term := dd{1, 0}
	for n := 1; n < len(invDD); n++ {
		term = term.mul(r).mul(invDD[n])
		sum = sum.add(term)
		if math.Abs(term.hi) <= 1e-36 {
			break
		}
	}
	return sum
}

// ddLog returns log(x) in double-double for a finite x > 0: x = m 2^k with
// m in [1, 2), m = c (1 + t) with c = 1 + j/64 from the table, and
// log(1 + t) by the series (|t| < 1/64, a few terms).
func ddLog(x float64) dd {
	m, k := math.Frexp(x)
	m *= 2
	k--
	j := int(math.Floor((m - 1) * 64))
	c := 1 + float64(j)/64
	// m/c in double-double, then its logarithm.
	q := dd{m, 0}.div(dd{c, 0})
	// log(q) = 2 atanh((q-1)/(q+1)), q-1 exact-ish in double-double.
	num := q.add(dd{-1, 0})
	s := num.div(q.add(dd{1, 0}))
	sum := s
	if s.hi != 0 {
		s2 := s.mul(s)
		term := s
		for n := 3; n < len(invDD); n += 2 {
			term = term.mul(s2)
			t := term.mul(invDD[n])
			sum = sum.add(t)
			if math.Abs(t.hi) <= 1e-36*math.Abs(sum.hi) {
				break
			}
		}
	}
	l := dd{2 * sum.hi, 2 * sum.lo}.add(logTable[j])
	return ln2DD.mulFloat(float64(k)).add(l)
}

// ddExp returns exp(a.hi + a.lo) rounded to float64: a = (64k + j) ln2/64
// + r with |r| <= ln2/128, exp(a) = 2^k 2^(j/64) exp(r).
func ddExp(a dd) float64 {
	switch {
	case math.IsNaN(a.hi):
		return a.hi
	case a.hi > 710:
		return math.Inf(1)
	case a.hi < -746:
		return 0
	}
	n := math.Round(a.hi / ln2DD.hi * 64)
	r := a.add(ln2DD.mulFloat(n / 64).neg())
	// n/64 is exact; ln2DD.mulFloat(n/64) is exact to double-double.
	k := math.Floor(n / 64)
	j := int(n - 64*k)
	sum := ddExpSeries(r).mul(exp2Table[j])
	// sum.hi is sum rounded to float64; scaling it is exact unless the
	// result is subnormal (then it rounds a second time).
	return math.Ldexp(sum.hi, int(k))
}

// cexp is the C library's exp.
func cexp(x float64) float64 {
	if math.IsInf(x, 0) {
		return math.Exp(x)
	}
	return ddExp(dd{x, 0})
}

// clog is the C library's log.
func clog(x float64) float64 {
	if !(x > 0) || math.IsInf(x, 1) {
		return math.Log(x)
	}
	return ddLog(x).hi
}

// cpow is the C library's pow.
func cpow(x, y float64) float64 {
	if !(x > 0) || math.IsInf(x, 1) || math.IsInf(y, 0) || math.IsNaN(y) || y == 0 || x == 1 {
		return math.Pow(x, y)
	}
	return ddExp(ddLog(x).mulFloat(y))
}
