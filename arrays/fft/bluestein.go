package fft

// bluestein does a length n with a large prime factor as a convolution of
// length m >= 2n-1 (m 5-smooth), computed by two transforms of length m:
//
//	X[k] = w_k · Σ_j (x_j w_j) · conj(w_(k-j)),  w_k = exp(-iπk²/n)
type bluestein struct {
	n, m int
	pm   *plan
	w    []complex128 // chirp, len n
	bk   []complex128 // transform of the conjugate chirp, divided by m
}

func newBluestein(n int) *bluestein {
	m := goodSize(2*n - 1)
	b := &bluestein{n: n, m: m, pm: getPlan(m)}
	b.w = make([]complex128, n)
	for k := range n {
		kk := (k * k) % (2 * n)
		b.w[k] = cisNeg(kk, 2*n)
	}
	bk := make([]complex128, m)
	bk[0] = conj(b.w[0])
	for k := 1; k < n; k++ {
		bk[k] = conj(b.w[k])
		bk[m-k] = bk[k]
	}
	b.pm.exec(bk, true)
	s := 1 / float64(m)
	for i := range bk {
		bk[i] = complex(real(bk[i])*s, imag(bk[i])*s)
	}
	b.bk = bk
	return b
}

func conj(z complex128) complex128 { return complex(real(z), -imag(z)) }

func (b *bluestein) exec(x []complex128, fwd bool) {
	n, m := b.n, b.m
	ab := getBuf(m)
	a := *ab
	// The backward transform is conj(forward(conj(x))).
	split(m, func(lo, hi int) {
		for k := lo; k < min(hi, n); k++ {
			v := x[k]
			if !fwd {
				v = conj(v)
			}
			a[k] = v * b.w[k]
		}
		if hi > n {
			clear(a[max(lo, n):hi])
		}
	})
	b.pm.exec(a, true)
	split(m, func(lo, hi int) {
		for k := lo; k < hi; k++ {
			a[k] *= b.bk[k]
		}
	})
	b.pm.exec(a, false)
	split(n, func(lo, hi int) {
		for k := lo; k < hi; k++ {
			v := a[k] * b.w[k]
			if !fwd {
				v = conj(v)
			}
			x[k] = v
		}
	})
	putBuf(ab)
}
