package fft

// rader does a prime length n whose n-1 has only small prime factors as a
// cyclic convolution of length n-1 (Rader's algorithm), with g a
// primitive root mod n:
//
//	X[0] = Σ_j x[j],  X[g^-q] = x[0] + Σ_p x[g^p] · W_n^(g^(p-q))
//
// the sum being a convolution done by two transforms of length n-1.
type rader struct {
	n      int
	pl     *plan // length n-1
	gp, gi []int // g^p and g^-p mod n
	bk     []complex128
}

// useRader reports whether the prime n is best done by Rader's algorithm:
// n-1 is 31-smooth (so its transform is fast).
func useRader(n int) bool {
	if n <= 31 {
		return false
	}
	f := factors(n)
	if len(f) != 1 {
		return false // not prime
	}
	g := factors(n - 1)
	return g[len(g)-1] <= 31
}

func powMod(b, e, m int) int {
	r := 1
	b %= m
	for ; e > 0; e >>= 1 {
		if e&1 == 1 {
			r = r * b % m
		}
		b = b * b % m
	}
	return r
}

// primitiveRoot returns the smallest generator of the multiplicative
// group mod the prime n.
func primitiveRoot(n int) int {
	var ps []int
	for _, f := range factors(n - 1) {
		if f == 4 || f == 8 {
			f = 2
		}
		if len(ps) == 0 || ps[len(ps)-1] != f {
			ps = append(ps, f)
		}
	}
	for g := 2; ; g++ {
		ok := true
		for _, p := range ps {
			if powMod(g, (n-1)/p, n) == 1 {
				ok = false
				break
			}
		}
		if ok {
			return g
		}
	}
}

func newRader(n int) *rader {
	l := n - 1
	r := &rader{n: n, pl: getPlan(l), gp: make([]int, l), gi: make([]int, l)}
	g := primitiveRoot(n)
	ginv := powMod(g, n-2, n)
	r.gp[0], r.gi[0] = 1, 1
	for p := 1; p < l; p++ {
		r.gp[p] = r.gp[p-1] * g % n
		r.gi[p] = r.gi[p-1] * ginv % n
	}
	bk := make([]complex128, l)
	for q := range bk {
		bk[q] = cisNeg(r.gi[q], n)
	}
	r.pl.exec(bk, true)
	s := 1 / float64(l)
	for i, v := range bk {
		bk[i] = complex(real(v)*s, imag(v)*s)
	}
	r.bk = bk
	return r
}

func (r *rader) exec(x []complex128, fwd bool) {
	l := r.n - 1
	ab := getBuf(l)
	a := *ab
	x0 := x[0]
	if !fwd {
		x0 = conj(x0)
	}
	sum := x0
	for p, j := range r.gp {
		v := x[j]
		if !fwd {
			v = conj(v)
		}
		a[p] = v
		sum += v
	}
	r.pl.exec(a, true)
	split(l, func(lo, hi int) {
		for k := lo; k < hi; k++ {
			a[k] *= r.bk[k]
		}
	})
	r.pl.exec(a, false)
	if !fwd {
		sum = conj(sum)
	}
	x[0] = sum
	for q, k := range r.gi {
		v := x0 + a[q]
		if !fwd {
			v = conj(v)
		}
		x[k] = v
	}
	putBuf(ab)
}
