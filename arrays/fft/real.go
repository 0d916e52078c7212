package fft

import (
	"sync"
	"unsafe"

	"workbench/kernels"
)

// splitGrain is the size of the pieces of element-wise loops that split
// runs on the shared pool.
const splitGrain = 1 << 15

// split calls fn on pieces of [0, n): one piece when n is small, pieces of
// splitGrain on the shared pool otherwise. The pieces depend on n only.
func split(n int, fn func(lo, hi int)) {
	if n <= splitGrain {
		fn(0, n)
		return
	}
	kernels.Parallel(n, splitGrain, func(_, lo, hi int) { fn(lo, hi) })
}

// A realPlan transforms real data of even length n through a complex
// transform of length n/2: the even and odd samples are packed as the real
// and imaginary parts, and a post-twiddle separates their spectra
//
//	X[k] = (Z[k] + conj(Z[h-k]))/2 + W_n^k (Z[k] - conj(Z[h-k]))/(2i)
//
// (and the reverse for the inverse). Odd lengths have no such split; their
// lines are transformed two at a time, as the real and imaginary parts of
// one complex line (a lone last line goes through a complex transform).
type realPlan struct {
	n, h int
	cp   *plan        // length h
	tw   []complex128 // W_n^k, k <= h/2
}

var realCache sync.Map // int -> *realPlan

func getRealPlan(n int) *realPlan {
	if p, ok := realCache.Load(n); ok {
		return p.(*realPlan)
	}
	h := n / 2
	rp := &realPlan{n: n, h: h, cp: getPlan(h)}
	rp.tw = make([]complex128, h/2+1)
	for k := range rp.tw {
		rp.tw[k] = cisNeg(k, n)
	}
	p, _ := realCache.LoadOrStore(n, rp)
	return p.(*realPlan)
}

// asComplex views a float64 slice of even length as complex128 pairs.
func asComplex(f []float64) []complex128 {
	if len(f) == 0 {
		return nil
	}
	return unsafe.Slice((*complex128)(unsafe.Pointer(&f[0])), len(f)/2)
}

// forward computes the n/2+1 outputs of one line x (len n) into out; it
// uses x as its work space, overwriting it.
func (rp *realPlan) forward(x []float64, out []complex128) {
	h := rp.h
	z := asComplex(x[:2*h])
	rp.cp.exec(z, true)
	z0 := z[0]
	out[0] = complex(real(z0)+imag(z0), 0)
	out[h] = complex(real(z0)-imag(z0), 0)
	split(h/2+1, func(lo, hi int) {
		for k := max(lo, 1); k < hi; k++ {
			a, b := z[k], z[h-k]
			// e = (A + conj(B))/2, o = (A - conj(B))/(2i)
			er, ei := 0.5*(real(a)+real(b)), 0.5*(imag(a)-imag(b))
			or, oi := 0.5*(imag(a)+imag(b)), -0.5*(real(a)-real(b))
			w := rp.tw[k]
			tr := real(w)*or - imag(w)*oi
			ti := real(w)*oi + imag(w)*or
			out[k] = complex(er+tr, ei+ti)
			if 2*k != h {
				// For h-k: e' = conj(e), o' = conj(o), W^(h-k) = -conj(W^k).
				out[h-k] = complex(er-tr, -ei+ti)
			}
		}
	})
}

// inverse computes one real line out (len n) from its n/2+1 spectrum
// values x; the imaginary parts of x[0] and x[n/2] are ignored.
func (rp *realPlan) inverse(x []complex128, out []float64) {
	h := rp.h
	z := asComplex(out[:2*h])
	x0, xh := real(x[0]), real(x[h])
	z[0] = complex(x0+xh, x0-xh)
	split(h/2+1, func(lo, hi int) {
		for k := max(lo, 1); k < hi; k++ {
			a, b := x[k], x[h-k]
			// E = A + conj(B), O = (A - conj(B))·conj(W^k), Z = E + iO
			er, ei := real(a)+real(b), imag(a)-imag(b)
			dr, di := real(a)-real(b), imag(a)+imag(b)
			w := rp.tw[k]
			or := dr*real(w) + di*imag(w)
			oi := di*real(w) - dr*imag(w)
			z[k] = complex(er-oi, ei+or)
			if 2*k != h {
				// For h-k: E' = conj(E), O' = conj(O)
				z[h-k] = complex(er+oi, -ei+or)
			}
		}
	})
	rp.cp.exec(z, false)
}

// realPair transforms two real lines a and b of odd length n (b may be
// nil) with one complex transform, writing n/2+1 outputs of each.
func realPair(a, b []float64, oa, ob []complex128) {
	n := len(a)
	zb := getBuf(n)
	z := *zb
	for j := range n {
		im := 0.0
		if b != nil {
			im = b[j]
		}
		z[j] = complex(a[j], im)
	}
	getPlan(n).exec(z, true)
	m := n/2 + 1
	for k := range m {
		p, q := z[k], z[(n-k)%n]
		// A = (P + conj(Q))/2, B = (P - conj(Q))/(2i)
		oa[k] = complex(0.5*(real(p)+real(q)), 0.5*(imag(p)-imag(q)))
		if b != nil {
			ob[k] = complex(0.5*(imag(p)+imag(q)), -0.5*(real(p)-real(q)))
		}
	}
	if n >= 1 {
		oa[0] = complex(real(oa[0]), 0)
		if b != nil {
			ob[0] = complex(real(ob[0]), 0)
		}
	}
	putBuf(zb)
}

// realPairInverse computes two real lines oa and ob of odd length n (ob
// may be nil) from their n/2+1 spectrum values a and b with one complex
// transform; the imaginary parts of a[0] and b[0] are ignored.
func realPairInverse(a, b []complex128, oa, ob []float64) {
	n := len(oa)
	zb := getBuf(n)
	z := *zb
	m := n/2 + 1
	for k := range m {
		va := a[k]
		var vb complex128
		if b != nil {
			vb = b[k]
		}
		if k == 0 {
			va, vb = complex(real(va), 0), complex(real(vb), 0)
		}
		// Z[k] = A[k] + i·B[k], Z[n-k] = conj(A[k]) + i·conj(B[k])
		z[k] = complex(real(va)-imag(vb), imag(va)+real(vb))
		if k > 0 {
			z[n-k] = complex(real(va)+imag(vb), -imag(va)+real(vb))
		}
	}
	getPlan(n).exec(z, false)
	for j := range n {
		oa[j] = real(z[j])
		if ob != nil {
			ob[j] = imag(z[j])
		}
	}
	putBuf(zb)
}
