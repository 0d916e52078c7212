package fft

import (
	"math"
	"sync"
)

// A plan computes the complex DFT of one length, forward or backward,
// unnormalised, in place. Plans hold their twiddle factors and are cached
// per length; a plan is read-only once built, so goroutines share it.
type plan struct {
	n      int
	kind   int        // one of the kinds below
	passes []pass     // kindStockham
	fs     *fourStep  // kindFourStep
	bs     *bluestein // kindBluestein
	rd     *rader     // kindRader
}

const (
	kindTrivial = iota // n == 1
	kindStockham
	kindFourStep
	kindBluestein
	kindRader
)

// smallMax is the largest length done by plain Stockham passes; longer
// lengths are cut into two factors (the four-step algorithm) so that each
// pass works on data that stays in cache.
const smallMax = 1 << 12

// planCache maps a length to its *plan.
var planCache sync.Map // int -> *plan

// getPlan returns the cached plan for length n, building it on first use.
func getPlan(n int) *plan {
	if p, ok := planCache.Load(n); ok {
		return p.(*plan)
	}
	p, _ := planCache.LoadOrStore(n, newPlan(n))
	return p.(*plan)
}

func newPlan(n int) *plan {
	p := &plan{n: n}
	switch {
	case n == 1:
		p.kind = kindTrivial
	case useRader(n):
		p.kind = kindRader
		p.rd = newRader(n)
	case useBluestein(n):
		p.kind = kindBluestein
		p.bs = newBluestein(n)
	case n > smallMax:
		if n1 := splitFactor(n); n1 > 1 {
			p.kind = kindFourStep
			p.fs = newFourStep(n, n1)
			break
		}
		fallthrough
	default:
		p.kind = kindStockham
		p.passes = stockhamPasses(n)
	}
	return p
}

// factors returns the radices of n: eights and fours for the power of two
// (a two only when it is 2 itself), then odd primes in increasing order.
func factors(n int) []int {
	var f []int
	k := 0
	for n%2 == 0 {
		n /= 2
		k++
	}
	switch {
	case k == 1:
		f = append(f, 2)
	case k%3 == 1:
		for ; k > 4; k -= 3 {
			f = append(f, 8)
		}
		f = append(f, 4, 4)
	case k%3 == 2:
		for ; k > 2; k -= 3 {
			f = append(f, 8)
		}
		f = append(f, 4)
	default:
		for ; k > 0; k -= 3 {
			f = append(f, 8)
		}
	}
	for d := 3; d*d <= n; d += 2 {
		for n%d == 0 {
			f = append(f, d)
			n /= d
		}
	}
	if n > 1 {
		f = append(f, n)
	}
	return f
}

// costGuess estimates the work of the mixed-radix algorithm for n (the
// model of pocketfft).
func costGuess(n int) float64 {
	const lfp = 1.1 // penalty for non-hard-coded radices
	ni := n
	result := 0.0
	for _, f := range factors(n) {
		if f <= 5 || f == 8 {
			result += float64(f)
		} else {
			result += lfp * float64(f)
		}
	}
	return result * float64(ni)
}

// goodSize returns the smallest 2^a 3^b 5^c that is >= n.
func goodSize(n int) int {
	if n <= 6 {
		return n
	}
	best := 2 * n
	for f2 := 1; f2 < best; f2 *= 2 {
		for f23 := f2; f23 < best; f23 *= 3 {
			for f235 := f23; f235 < best; f235 *= 5 {
				if f235 >= n {
					best = f235
				}
			}
		}
	}
	return best
}

// useBluestein reports whether n is better done by Bluestein's algorithm
// (n has a large prime factor).
func useBluestein(n int) bool {
	if n < 50 {
		return false
	}
	f := factors(n)
	if f[len(f)-1] <= 31 {
		return false
	}
	comp1 := costGuess(n)
	comp2 := 2 * costGuess(goodSize(2*n-1))
	comp2 *= 1.5 // fudge factor that appears to give good overall performance
	return comp2 < comp1
}

// splitFactor returns the divisor n1 of n closest to sqrt(n) from below
// that is at least 16, or 1 when there is none.
func splitFactor(n int) int {
	r := int(math.Sqrt(float64(n)))
	for d := r; d >= 16; d-- {
		if n%d == 0 {
			return d
		}
	}
	return 1
}

// cisNeg returns exp(-2πi k/n), reducing the angle to the first octant so
// that every twiddle factor is correct to about one ulp.
func cisNeg(k, n int) complex128 {
	k %= n
	if k < 0 {
		k += n
	}
	// angle = (π/2)·(q + r/n) with q the quadrant.
	k4 := 4 * k
	q := k4 / n
	r := k4 - q*n
	var c, s float64
	if 2*r <= n {
		s, c = math.Sincos(math.Pi / 2 * float64(r) / float64(n))
	} else {
		c, s = math.Sincos(math.Pi / 2 * float64(n-r) / float64(n))
	}
	// (c, s) is cos and sin of the angle within the quadrant.
	switch q {
	case 0:
		return complex(c, -s)
	case 1:
		return complex(-s, -c)
	case 2:
		return complex(-c, s)
	default:
		return complex(s, c)
	}
}

// exec transforms x (len n) in place: forward (exp(-2πi jk/n)) when fwd,
// else backward (exp(+2πi jk/n)); no normalisation. It may run on the
// shared worker pool.
func (p *plan) exec(x []complex128, fwd bool) {
	switch p.kind {
	case kindTrivial:
	case kindStockham:
		buf := getBuf(p.n)
		p.stockham(x, *buf, fwd)
		putBuf(buf)
	case kindFourStep:
		p.fs.exec(x, fwd)
	case kindBluestein:
		p.bs.exec(x, fwd)
	case kindRader:
		p.rd.exec(x, fwd)
	}
}

// execWith is exec with a caller's scratch buffer (len >= n) for the
// Stockham passes.
func (p *plan) execWith(x, scratch []complex128, fwd bool) {
	if p.kind == kindStockham {
		p.stockham(x, scratch, fwd)
		return
	}
	p.exec(x, fwd)
}

// Scratch buffers of complex128, kept by size class (powers of two) on
// free lists that, unlike a sync.Pool, survive garbage collections: a
// large transform then reuses its work space instead of asking the system
// for fresh pages each time. Each class keeps at most keepBufs buffers.
var bufCache [64]struct {
	mu   sync.Mutex
	free []*[]complex128
}

const keepBufs = 8

func sizeClass(n int) int {
	c := 0
	for 1<<c < n {
		c++
	}
	return c
}

func getBuf(n int) *[]complex128 {
	c := sizeClass(n)
	bc := &bufCache[c]
	bc.mu.Lock()
	if k := len(bc.free); k > 0 {
		b := bc.free[k-1]
		bc.free = bc.free[:k-1]
		bc.mu.Unlock()
		*b = (*b)[:n]
		return b
	}
	bc.mu.Unlock()
	b := make([]complex128, n, 1<<c)
	return &b
}

func putBuf(b *[]complex128) {
	c := sizeClass(cap(*b))
	if 1<<c != cap(*b) {
		return
	}
	bc := &bufCache[c]
	bc.mu.Lock()
	if len(bc.free) < keepBufs {
		bc.free = append(bc.free, b)
	}
	bc.mu.Unlock()
}
