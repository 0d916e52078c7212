package fft

import "math"

// One pass of the Stockham (self-sorting, decimation in frequency)
// algorithm. For a sub-length ni = r·m handled with stride s it reads
// a_t = x[q + s(p + t·m)] for t < r and writes
//
//	y[q + s(r·p + u)] = W_ni^(p·u) · Σ_t a_t W_r^(t·u)
//
// for p < m, q < s, u < r. The backward transform uses the same butterflies:
// its output u is the forward output (r-u) mod r, and conjugate twiddles.
type pass struct {
	r, m, s int
	tw      []complex128 // tw[p(r-1)+u-1] = W_ni^(p·u), forward
	twb     []complex128 // conjugates, backward
	cos     []float64    // cos(2πk/r), generic radix only
	sin     []float64    // sin(2πk/r), generic radix only
}

func stockhamPasses(n int) []pass {
	var ps []pass
	ni, s := n, 1
	for _, r := range factors(n) {
		m := ni / r
		pa := pass{r: r, m: m, s: s}
		if m > 1 {
			pa.tw = make([]complex128, m*(r-1))
			pa.twb = make([]complex128, m*(r-1))
			for p := 0; p < m; p++ {
				for u := 1; u < r; u++ {
					w := cisNeg(p*u, ni)
					pa.tw[p*(r-1)+u-1] = w
					pa.twb[p*(r-1)+u-1] = complex(real(w), -imag(w))
				}
			}
		}
		if r > 5 {
			pa.cos = make([]float64, r)
			pa.sin = make([]float64, r)
			for k := range r {
				w := cisNeg(k, r)
				pa.cos[k], pa.sin[k] = real(w), -imag(w)
			}
		}
		ps = append(ps, pa)
		ni, s = m, s*r
	}
	return ps
}

// stockham transforms x in place using work (len >= n) as the other buffer.
func (pl *plan) stockham(x, work []complex128, fwd bool) {
	n := pl.n
	src, dst := x[:n], work[:n]
	for i := range pl.passes {
		pa := &pl.passes[i]
		tw := pa.tw
		if !fwd {
			tw = pa.twb
		}
		switch pa.r {
		case 8:
			pass8(src, dst, pa.m, pa.s, tw, fwd)
		case 4:
			pass4(src, dst, pa.m, pa.s, tw, fwd)
		case 2:
			pass2(src, dst, pa.m, pa.s, tw)
		case 3:
			pass3(src, dst, pa.m, pa.s, tw, fwd)
		case 5:
			pass5(src, dst, pa.m, pa.s, tw, fwd)
		default:
			passGeneric(src, dst, pa, tw, fwd)
		}
		src, dst = dst, src
	}
	if &src[0] != &x[0] {
		copy(x, src)
	}
}

// mulNegI returns -i·z.
func mulNegI(z complex128) complex128 { return complex(imag(z), -real(z)) }

func pass2(x, y []complex128, m, s int, tw []complex128) {
	if s == 1 {
		x0, x1 := x[:m], x[m:2*m]
		y = y[:2*m]
		for p := range x0 {
			a0, a1 := x0[p], x1[p]
			y[2*p] = a0 + a1
			d := a0 - a1
			if p > 0 {
				d *= tw[p]
			}
			y[2*p+1] = d
		}
		return
	}
	for p := 0; p < m; p++ {
		x0 := x[s*p : s*p+s]
		x1 := x[s*(p+m) : s*(p+m)+s]
		x1 = x1[:len(x0)]
		y0 := y[2*s*p : 2*s*p+s]
		y1 := y[2*s*p+s : 2*s*p+2*s]
		y0, y1 = y0[:len(x0)], y1[:len(x0)]
		if p == 0 {
			for q, a0 := range x0 {
				a1 := x1[q]
				y0[q] = a0 + a1
				y1[q] = a0 - a1
			}
			continue
		}
		w := tw[p]
		for q, a0 := range x0 {
			a1 := x1[q]
			y0[q] = a0 + a1
			y1[q] = (a0 - a1) * w
		}
	}
}

func pass4(x, y []complex128, m, s int, tw []complex128, fwd bool) {
	if s == 1 {
		x0, x1, x2, x3 := x[:m], x[m:2*m], x[2*m:3*m], x[3*m:4*m]
		x1, x2, x3 = x1[:len(x0)], x2[:len(x0)], x3[:len(x0)]
		y = y[:4*m]
		// Output slots of butterfly outputs 1 and 3.
		o1, o3 := 1, 3
		if !fwd {
			o1, o3 = 3, 1
		}
		for p, a0 := range x0 {
			a1, a2, a3 := x1[p], x2[p], x3[p]
			t0, t1 := a0+a2, a0-a2
			t2, t3 := a1+a3, mulNegI(a1-a3)
			b0, b1, b2, b3 := t0+t2, t1+t3, t0-t2, t1-t3
			yy := y[4*p : 4*p+4]
			if p == 0 {
				yy[0], yy[o1], yy[2], yy[o3] = b0, b1, b2, b3
				continue
			}
			w := tw[3*p : 3*p+3]
			yy[0] = b0
			yy[o1] = b1 * w[o1-1]
			yy[2] = b2 * w[1]
			yy[o3] = b3 * w[o3-1]
		}
		return
	}
	for p := 0; p < m; p++ {
		x0 := x[s*p : s*p+s]
		x1 := x[s*(p+m) : s*(p+m)+s]
		x2 := x[s*(p+2*m) : s*(p+2*m)+s]
		x3 := x[s*(p+3*m) : s*(p+3*m)+s]
		x1, x2, x3 = x1[:len(x0)], x2[:len(x0)], x3[:len(x0)]
		yb := y[4*s*p : 4*s*p+4*s]
		y0, y1, y2, y3 := yb[:s], yb[s:2*s], yb[2*s:3*s], yb[3*s:4*s]
		if !fwd {
			y1, y3 = y3, y1
		}
		y0, y1, y2, y3 = y0[:len(x0)], y1[:len(x0)], y2[:len(x0)], y3[:len(x0)]
		if p == 0 {
			for q, a0 := range x0 {
				a1, a2, a3 := x1[q], x2[q], x3[q]
				t0, t1 := a0+a2, a0-a2
				t2, t3 := a1+a3, mulNegI(a1-a3)
				y0[q] = t0 + t2
				y1[q] = t1 + t3
				y2[q] = t0 - t2
				y3[q] = t1 - t3
			}
			continue
		}
		w1, w2, w3 := tw[3*p], tw[3*p+1], tw[3*p+2]
		if !fwd {
			w1, w3 = w3, w1
		}
		for q, a0 := range x0 {
			a1, a2, a3 := x1[q], x2[q], x3[q]
			t0, t1 := a0+a2, a0-a2
			t2, t3 := a1+a3, mulNegI(a1-a3)
			y0[q] = t0 + t2
			y1[q] = (t1 + t3) * w1
			y2[q] = (t0 - t2) * w2
			y3[q] = (t1 - t3) * w3
		}
	}
}

const (
	sqrt3h = 0.86602540378443864676 // sin(2π/3)
)

func pass3(x, y []complex128, m, s int, tw []complex128, fwd bool) {
	if s == 1 {
		pass3s1(x, y, m, tw, fwd)
		return
	}
	for p := 0; p < m; p++ {
		x0 := x[s*p : s*p+s]
		x1 := x[s*(p+m) : s*(p+m)+s]
		x2 := x[s*(p+2*m) : s*(p+2*m)+s]
		x1, x2 = x1[:len(x0)], x2[:len(x0)]
		yb := y[3*s*p : 3*s*p+3*s]
		y0, y1, y2 := yb[:s], yb[s:2*s], yb[2*s:3*s]
		w1, w2 := complex(1, 0), complex(1, 0)
		if p > 0 {
			w1, w2 = tw[2*p], tw[2*p+1]
		}
		if !fwd {
			y1, y2 = y2, y1
			w1, w2 = w2, w1
		}
		y0, y1, y2 = y0[:len(x0)], y1[:len(x0)], y2[:len(x0)]
		for q, a0 := range x0 {
			a1, a2 := x1[q], x2[q]
			t1 := a1 + a2
			t2 := complex(real(a0)-0.5*real(t1), imag(a0)-0.5*imag(t1))
			d := a1 - a2
			t3 := complex(sqrt3h*imag(d), -sqrt3h*real(d)) // -i·sin(2π/3)·d
			y0[q] = a0 + t1
			y1[q] = (t2 + t3) * w1
			y2[q] = (t2 - t3) * w2
		}
	}
}

var (
	c5a = math.Cos(2 * math.Pi / 5)
	c5b = math.Cos(4 * math.Pi / 5)
	s5a = math.Sin(2 * math.Pi / 5)
	s5b = math.Sin(4 * math.Pi / 5)
)

func pass5(x, y []complex128, m, s int, tw []complex128, fwd bool) {
	ca, cb, sa, sb := c5a, c5b, s5a, s5b
	for p := 0; p < m; p++ {
		x0 := x[s*p : s*p+s]
		x1 := x[s*(p+m) : s*(p+m)+s]
		x2 := x[s*(p+2*m) : s*(p+2*m)+s]
		x3 := x[s*(p+3*m) : s*(p+3*m)+s]
		x4 := x[s*(p+4*m) : s*(p+4*m)+s]
		x1, x2, x3, x4 = x1[:len(x0)], x2[:len(x0)], x3[:len(x0)], x4[:len(x0)]
		yb := y[5*s*p : 5*s*p+5*s]
		y0, y1, y2, y3, y4 := yb[:s], yb[s:2*s], yb[2*s:3*s], yb[3*s:4*s], yb[4*s:5*s]
		w1, w2, w3, w4 := complex(1, 0), complex(1, 0), complex(1, 0), complex(1, 0)
		if p > 0 {
			w1, w2, w3, w4 = tw[4*p], tw[4*p+1], tw[4*p+2], tw[4*p+3]
		}
		if !fwd {
			y1, y4 = y4, y1
			y2, y3 = y3, y2
			w1, w4 = w4, w1
			w2, w3 = w3, w2
		}
		y0, y1, y2, y3, y4 = y0[:len(x0)], y1[:len(x0)], y2[:len(x0)], y3[:len(x0)], y4[:len(x0)]
		for q, a0 := range x0 {
			a1, a2, a3, a4 := x1[q], x2[q], x3[q], x4[q]
			s14, d14 := a1+a4, a1-a4
			s23, d23 := a2+a3, a2-a3
			r1 := complex(real(a0)+ca*real(s14)+cb*real(s23), imag(a0)+ca*imag(s14)+cb*imag(s23))
			r2 := complex(real(a0)+cb*real(s14)+ca*real(s23), imag(a0)+cb*imag(s14)+ca*imag(s23))
			i1 := complex(sa*real(d14)+sb*real(d23), sa*imag(d14)+sb*imag(d23))
			i2 := complex(sb*real(d14)-sa*real(d23), sb*imag(d14)-sa*imag(d23))
			y0[q] = a0 + s14 + s23
			y1[q] = (r1 + mulNegI(i1)) * w1
			y4[q] = (r1 - mulNegI(i1)) * w4
			y2[q] = (r2 + mulNegI(i2)) * w2
			y3[q] = (r2 - mulNegI(i2)) * w3
		}
	}
}

// passGeneric is a pass of odd prime radix r > 5, O(r²) per butterfly with
// the inputs paired as a_t ± a_(r-t).
func passGeneric(x, y []complex128, pa *pass, tw []complex128, fwd bool) {
	r, m, s := pa.r, pa.m, pa.s
	h := (r - 1) / 2
	a := make([]complex128, r)
	b := make([]complex128, r)
	sum := make([]complex128, h+1)
	dif := make([]complex128, h+1)
	cs, sn := pa.cos, pa.sin
	for p := 0; p < m; p++ {
		for q := 0; q < s; q++ {
			for t := 0; t < r; t++ {
				a[t] = x[q+s*(p+t*m)]
			}
			a0 := a[0]
			b0 := a0
			for t := 1; t <= h; t++ {
				sum[t] = a[t] + a[r-t]
				dif[t] = a[t] - a[r-t]
				b0 += sum[t]
			}
			b[0] = b0
			for u := 1; u <= h; u++ {
				re, im := real(a0), imag(a0)
				ire, iim := 0.0, 0.0
				idx := 0
				for t := 1; t <= h; t++ {
					idx += u
					if idx >= r {
						idx -= r
					}
					c, sv := cs[idx], sn[idx]
					re += c * real(sum[t])
					im += c * imag(sum[t])
					ire += sv * real(dif[t])
					iim += sv * imag(dif[t])
				}
				// b_u = R - i·I, b_(r-u) = R + i·I
				b[u] = complex(re+iim, im-ire)
				b[r-u] = complex(re-iim, im+ire)
			}
			base := q + s*r*p
			y[base] = b[0]
			for u := 1; u < r; u++ {
				v := b[u]
				if !fwd {
					v = b[r-u]
				}
				if p > 0 {
					v *= tw[p*(r-1)+u-1]
				}
				y[base+s*u] = v
			}
		}
	}
}

const invSqrt2 = 0.70710678118654752440 // 1/√2

// pass8 is a radix-8 pass: a radix-2 step across the halves, then two
// radix-4 butterflies (the odd one after multiplying by W_8^t).
func pass8(x, y []complex128, m, s int, tw []complex128, fwd bool) {
	if s == 1 {
		pass8s1(x, y, m, tw, fwd)
		return
	}
	for p := 0; p < m; p++ {
		x0 := x[s*p : s*p+s]
		x1 := x[s*(p+m) : s*(p+m)+s]
		x2 := x[s*(p+2*m) : s*(p+2*m)+s]
		x3 := x[s*(p+3*m) : s*(p+3*m)+s]
		x4 := x[s*(p+4*m) : s*(p+4*m)+s]
		x5 := x[s*(p+5*m) : s*(p+5*m)+s]
		x6 := x[s*(p+6*m) : s*(p+6*m)+s]
		x7 := x[s*(p+7*m) : s*(p+7*m)+s]
		x1, x2, x3, x4 = x1[:len(x0)], x2[:len(x0)], x3[:len(x0)], x4[:len(x0)]
		x5, x6, x7 = x5[:len(x0)], x6[:len(x0)], x7[:len(x0)]
		yb := y[8*s*p : 8*s*p+8*s]
		y0, y1, y2, y3 := yb[:s], yb[s:2*s], yb[2*s:3*s], yb[3*s:4*s]
		y4, y5, y6, y7 := yb[4*s:5*s], yb[5*s:6*s], yb[6*s:7*s], yb[7*s:8*s]
		var w [8]complex128
		for u := range w {
			w[u] = 1
		}
		if p > 0 {
			copy(w[1:], tw[7*p:7*p+7])
		}
		if !fwd {
			y1, y7 = y7, y1
			y2, y6 = y6, y2
			y3, y5 = y5, y3
			w[1], w[7] = w[7], w[1]
			w[2], w[6] = w[6], w[2]
			w[3], w[5] = w[5], w[3]
		}
		w1, w2, w3, w4, w5, w6, w7 := w[1], w[2], w[3], w[4], w[5], w[6], w[7]
		y0, y1, y2, y3 = y0[:len(x0)], y1[:len(x0)], y2[:len(x0)], y3[:len(x0)]
		y4, y5, y6, y7 = y4[:len(x0)], y5[:len(x0)], y6[:len(x0)], y7[:len(x0)]
		for q, a0 := range x0 {
			a1, a2, a3, a4, a5, a6, a7 := x1[q], x2[q], x3[q], x4[q], x5[q], x6[q], x7[q]
			b0, b4 := a0+a4, a0-a4
			b1, b5 := a1+a5, a1-a5
			b2, b6 := a2+a6, a2-a6
			b3, b7 := a3+a7, a3-a7
			// Even outputs: DFT4(b0, b1, b2, b3).
			t0, t1 := b0+b2, b0-b2
			t2, t3 := b1+b3, mulNegI(b1-b3)
			// Odd outputs: DFT4(b4, W8·b5, -i·b6, W8³·b7).
			c5 := complex(invSqrt2*(real(b5)+imag(b5)), invSqrt2*(imag(b5)-real(b5)))
			c6 := mulNegI(b6)
			c7 := complex(invSqrt2*(imag(b7)-real(b7)), -invSqrt2*(real(b7)+imag(b7)))
			u0, u1 := b4+c6, b4-c6
			u2, u3 := c5+c7, mulNegI(c5-c7)
			if p == 0 {
				y0[q] = t0 + t2
				y2[q] = t1 + t3
				y4[q] = t0 - t2
				y6[q] = t1 - t3
				y1[q] = u0 + u2
				y3[q] = u1 + u3
				y5[q] = u0 - u2
				y7[q] = u1 - u3
				continue
			}
			y0[q] = t0 + t2
			y2[q] = (t1 + t3) * w2
			y4[q] = (t0 - t2) * w4
			y6[q] = (t1 - t3) * w6
			y1[q] = (u0 + u2) * w1
			y3[q] = (u1 + u3) * w3
			y5[q] = (u0 - u2) * w5
			y7[q] = (u1 - u3) * w7
		}
	}
}

// pass8s1 is pass8 for stride 1 (the first pass), a butterfly per p.
func pass8s1(x, y []complex128, m int, tw []complex128, fwd bool) {
	x0 := x[:m]
	x1, x2, x3, x4 := x[m:2*m], x[2*m:3*m], x[3*m:4*m], x[4*m:5*m]
	x5, x6, x7 := x[5*m:6*m], x[6*m:7*m], x[7*m:8*m]
	x1, x2, x3, x4 = x1[:len(x0)], x2[:len(x0)], x3[:len(x0)], x4[:len(x0)]
	x5, x6, x7 = x5[:len(x0)], x6[:len(x0)], x7[:len(x0)]
	y = y[:8*len(x0)]
	if m > 1 {
		tw = tw[:7*len(x0)]
	}
	for p, a0 := range x0 {
		a1, a2, a3, a4, a5, a6, a7 := x1[p], x2[p], x3[p], x4[p], x5[p], x6[p], x7[p]
		b0, b4 := a0+a4, a0-a4
		b1, b5 := a1+a5, a1-a5
		b2, b6 := a2+a6, a2-a6
		b3, b7 := a3+a7, a3-a7
		t0, t1 := b0+b2, b0-b2
		t2, t3 := b1+b3, mulNegI(b1-b3)
		c5 := complex(invSqrt2*(real(b5)+imag(b5)), invSqrt2*(imag(b5)-real(b5)))
		c6 := mulNegI(b6)
		c7 := complex(invSqrt2*(imag(b7)-real(b7)), -invSqrt2*(real(b7)+imag(b7)))
		u0, u1 := b4+c6, b4-c6
		u2, u3 := c5+c7, mulNegI(c5-c7)
		o0, o1, o2, o3 := t0+t2, u0+u2, t1+t3, u1+u3
		o4, o5, o6, o7 := t0-t2, u0-u2, t1-t3, u1-u3
		if !fwd {
			o1, o7 = o7, o1
			o2, o6 = o6, o2
			o3, o5 = o5, o3
		}
		yy := y[8*p : 8*p+8]
		if p == 0 {
			yy[0], yy[1], yy[2], yy[3], yy[4], yy[5], yy[6], yy[7] = o0, o1, o2, o3, o4, o5, o6, o7
			continue
		}
		w := tw[7*p : 7*p+7]
		yy[0] = o0
		yy[1] = o1 * w[0]
		yy[2] = o2 * w[1]
		yy[3] = o3 * w[2]
		yy[4] = o4 * w[3]
		yy[5] = o5 * w[4]
		yy[6] = o6 * w[5]
		yy[7] = o7 * w[6]
	}
}

// pass3s1 is pass3 for stride 1 (the first pass), a butterfly per p.
func pass3s1(x, y []complex128, m int, tw []complex128, fwd bool) {
	x0 := x[:m]
	x1, x2 := x[m:2*m], x[2*m:3*m]
	x1, x2 = x1[:len(x0)], x2[:len(x0)]
	y = y[:3*len(x0)]
	for p, a0 := range x0 {
		a1, a2 := x1[p], x2[p]
		t1 := a1 + a2
		t2 := complex(real(a0)-0.5*real(t1), imag(a0)-0.5*imag(t1))
		d := a1 - a2
		t3 := complex(sqrt3h*imag(d), -sqrt3h*real(d))
		o1, o2 := t2+t3, t2-t3
		if !fwd {
			o1, o2 = o2, o1
		}
		yy := y[3*p : 3*p+3]
		yy[0] = a0 + t1
		if p == 0 {
			yy[1], yy[2] = o1, o2
			continue
		}
		w := tw[2*p : 2*p+2]
		yy[1] = o1 * w[0]
		yy[2] = o2 * w[1]
	}
}
