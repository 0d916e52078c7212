package eigsym

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/lapack/gonum"

	"workbench/kernels"
)

// tridiagCase is a symmetric tridiagonal test matrix.
type tridiagCase struct {
	name string
	d, e []float64
}

func randTridiag(r *rand.Rand, n int) tridiagCase {
	d, e := make([]float64, n), make([]float64, max(n-1, 0))
	for i := range d {
		d[i] = r.NormFloat64()
	}
	for i := range e {
		e[i] = r.NormFloat64()
	}
	return tridiagCase{fmt.Sprintf("random%d", n), d, e}
}

// wilkinson is W(n)+: d = |(n-1)/2 − i|, e = 1, with pairs of eigenvalues
// equal to many digits.
func wilkinson(n int) tridiagCase {
	d, e := make([]float64, n), make([]float64, n-1)
	for i := range d {
		d[i] = math.Abs(float64((n-1)/2 - i))
	}
	for i := range e {
		e[i] = 1
	}
	return tridiagCase{fmt.Sprintf("wilkinson%d", n), d, e}
}

func tridiagCases() []tridiagCase {
	r := rand.New(rand.NewPCG(3, 4))
	var cs []tridiagCase
	for n := 0; n <= 70; n++ {
		cs = append(cs, randTridiag(r, n))
	}
	for _, n := range []int{100, 257, 513} {
		cs = append(cs, randTridiag(r, n))
	}
	cs = append(cs, wilkinson(21), wilkinson(101), wilkinson(201))
	// Glued Wilkinson matrices: tiny couplings between copies of W21+.
	{
		w := wilkinson(21)
		var d, e []float64
		for c := range 10 {
			d = append(d, w.d...)
			e = append(e, w.e...)
			if c < 9 {
				e = append(e, 1e-10)
			}
		}
		cs = append(cs, tridiagCase{"glued-wilkinson", d, e})
	}
	for _, n := range []int{30, 200} {
		// 1-2-1 Toeplitz: eigenvalues 2−2cos(kπ/(n+1)).
		d, e := make([]float64, n), make([]float64, n-1)
		for i := range d {
			d[i] = 2
		}
		for i := range e {
			e[i] = -1
		}
		cs = append(cs, tridiagCase{fmt.Sprintf("toeplitz%d", n), d, e})
		// Constant diagonal, zero and tiny off-diagonal.
		d2 := slices.Repeat([]float64{3}, n)
		cs = append(cs, tridiagCase{fmt.Sprintf("constdiag%d", n), d2, make([]float64, n-1)})
		et := slices.Repeat([]float64{1e-12}, n-1)
		cs = append(cs, tridiagCase{fmt.Sprintf("cluster%d", n), slices.Clone(d2), et})
		cs = append(cs, tridiagCase{fmt.Sprintf("zero%d", n), make([]float64, n), make([]float64, n-1)})
		// Graded: entries from 1 down to 1e-30.
		dg, eg := make([]float64, n), make([]float64, n-1)
		for i := range dg {
			dg[i] = math.Pow(10, -30*float64(i)/float64(n))
		}
		for i := range eg {
			eg[i] = math.Sqrt(dg[i] * dg[i+1])
		}
		cs = append(cs, tridiagCase{fmt.Sprintf("graded%d", n), dg, eg})
		// Random with some zero off-diagonal entries (splits).
		rs := randTridiag(r, n)
		for i := 0; i < n-1; i += 7 {
			rs.e[i] = 0
		}
		rs.name = fmt.Sprintf("split%d", n)
		cs = append(cs, rs)
		// Integers with many repeated eigenvalues.
		di, ei := make([]float64, n), make([]float64, n-1)
		for i := range di {
			di[i] = float64(r.IntN(3))
		}
		for i := range ei {
			ei[i] = float64(r.IntN(2))
		}
		cs = append(cs, tridiagCase{fmt.Sprintf("integer%d", n), di, ei})
		for _, sc := range []float64{1e-300, 1e300} {
			rs := randTridiag(r, n)
			for i := range rs.d {
				rs.d[i] *= sc
			}
			for i := range rs.e {
				rs.e[i] *= sc
			}
			rs.name = fmt.Sprintf("scale%g-%d", sc, n)
			cs = append(cs, rs)
		}
	}
	return cs
}

// checkEig checks that w ascends and agrees with the reference eigenvalues
// ref, and that the columns of v (element (i, j) at v(i, j)) are orthonormal
// eigenvectors of the matrix whose product with column j of v is mul(j).
func checkEig(t *testing.T, name string, n int, anorm float64, w, ref []float64, v func(i, j int) float64, mul func(j int, y []float64)) {
	t.Helper()
	tol := 30 * float64(max(n, 1)) * eps * 2 // in units of ‖A‖
	for j := 1; j < n; j++ {
		if w[j] < w[j-1] {
			t.Errorf("%s: eigenvalues not ascending at %d: %g < %g", name, j, w[j], w[j-1])
			return
		}
	}
	for j := range n {
		if d := math.Abs(w[j] - ref[j]); !(d <= tol*anorm) {
			t.Errorf("%s: eigenvalue %d is %g, want %g (difference %g, ‖A‖ %g)", name, j, w[j], ref[j], d, anorm)
			return
		}
	}
	y := make([]float64, n)
	worstRes, worstOrth := 0.0, 0.0
	for j := range n {
		mul(j, y)
		for i := range n {
			r := math.Abs(y[i] - w[j]*v(i, j))
			if anorm > 0 {
				r /= anorm
			}
			worstRes = math.Max(worstRes, r)
		}
		for k := 0; k <= j; k++ {
			s := 0.0
			for i := range n {
				s += v(i, j) * v(i, k)
			}
			if k == j {
				s--
			}
			worstOrth = math.Max(worstOrth, math.Abs(s))
		}
	}
	if !(worstRes <= tol) || !(worstOrth <= tol) {
		t.Errorf("%s (n=%d): residual ‖AV−VW‖/‖A‖ = %g, ‖VᵀV−I‖ = %g, want ≤ %g", name, n, worstRes, worstOrth, tol)
	}
}

func TestTridiag(t *testing.T) {
	for _, c := range tridiagCases() {
		n := len(c.d)
		// Reference eigenvalues: gonum's Dsterf, on the matrix scaled to
		// norm 1 (its own scaling asks for more elements than e has).
		anorm := maxAbs(c.d, c.e)
		ref := slices.Clone(c.d)
		if n > 0 && anorm > 0 {
			re := make([]float64, n)
			for i := range c.e {
				re[i] = c.e[i] / anorm
			}
			for i := range ref {
				ref[i] /= anorm
			}
			if !(gonum.Implementation{}).Dsterf(n, ref, re) {
				t.Fatalf("%s: reference Dsterf failed", c.name)
			}
			for i := range ref {
				ref[i] *= anorm
			}
		}
		d, e := slices.Clone(c.d), slices.Clone(c.e)
		ldz := n + 3
		z := make([]float64, max(n*ldz, 1))
		if err := Tridiag(d, e, z, ldz); err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		mul := func(j int, y []float64) {
			x := z[j*ldz : j*ldz+n]
			for i := range n {
				s := c.d[i] * x[i]
				if i > 0 {
					s += c.e[i-1] * x[i-1]
				}
				if i < n-1 {
					s += c.e[i] * x[i+1]
				}
				y[i] = s
			}
		}
		checkEig(t, c.name, n, anorm, d, ref, func(i, j int) float64 { return z[j*ldz+i] }, mul)
	}
}

// symCase is a dense symmetric test matrix (row-major, full).
type symCase struct {
	name string
	n    int
	a    []float64
}

func randOrth(r *rand.Rand, n int) []float64 {
	// Q of the QR factorization of a random matrix, by gonum.
	a := make([]float64, n*n)
	for i := range a {
		a[i] = r.NormFloat64()
	}
	tau := make([]float64, n)
	impl := gonum.Implementation{}
	work := make([]float64, 64*n+1)
	impl.Dgeqrf(n, n, a, n, tau, work, len(work))
	impl.Dorgqr(n, n, n, a, n, tau, work, len(work))
	return a
}

// fromSpectrum returns Q·diag(w)·Qᵀ for a random orthogonal Q.
func fromSpectrum(r *rand.Rand, name string, w []float64) symCase {
	n := len(w)
	q := randOrth(r, n)
	a := make([]float64, n*n)
	for i := range n {
		for j := range n {
			s := 0.0
			for k := range n {
				s += q[i*n+k] * w[k] * q[j*n+k]
			}
			a[i*n+j] = s
		}
	}
	for i := range n {
		for j := range i {
			a[j*n+i] = a[i*n+j]
		}
	}
	return symCase{name, n, a}
}

func randSym(r *rand.Rand, n int) symCase {
	a := make([]float64, n*n)
	for i := range n {
		for j := 0; j <= i; j++ {
			v := r.NormFloat64()
			a[i*n+j], a[j*n+i] = v, v
		}
	}
	return symCase{fmt.Sprintf("random%d", n), n, a}
}

func symCases() []symCase {
	r := rand.New(rand.NewPCG(5, 6))
	var cs []symCase
	for n := 0; n <= 70; n++ {
		cs = append(cs, randSym(r, n))
	}
	for _, n := range []int{100, 257, 513} {
		cs = append(cs, randSym(r, n))
	}
	for _, n := range []int{3, 40, 150} {
		id := make([]float64, n*n)
		for i := range n {
			id[i*n+i] = 1
		}
		cs = append(cs, symCase{fmt.Sprintf("identity%d", n), n, id})
		m := make([]float64, n*n)
		for i := range m {
			m[i] = -2.5 * id[i]
		}
		cs = append(cs, symCase{fmt.Sprintf("multiple-identity%d", n), n, m})
		cs = append(cs, symCase{fmt.Sprintf("zero%d", n), n, make([]float64, n*n)})
		dg := make([]float64, n*n)
		for i := range n {
			dg[i*n+i] = float64(r.IntN(5)) - 2
		}
		cs = append(cs, symCase{fmt.Sprintf("diagonal%d", n), n, dg})
		// Rank 1 and rank 2: u·uᵀ + v·vᵀ.
		u, v := make([]float64, n), make([]float64, n)
		for i := range u {
			u[i], v[i] = r.NormFloat64(), r.NormFloat64()
		}
		r1, r2 := make([]float64, n*n), make([]float64, n*n)
		for i := range n {
			for j := range n {
				r1[i*n+j] = u[i] * u[j]
				r2[i*n+j] = u[i]*u[j] - v[i]*v[j]
			}
		}
		cs = append(cs, symCase{fmt.Sprintf("rank1-%d", n), n, r1}, symCase{fmt.Sprintf("rank2-%d", n), n, r2})
		// 2x2 blocks [[1 2] [2 1]] down the diagonal.
		b2 := make([]float64, n*n)
		for i := 0; i+1 < n; i += 2 {
			b2[i*n+i], b2[(i+1)*n+i+1] = 1, 1
			b2[i*n+i+1], b2[(i+1)*n+i] = 2, 2
		}
		if n%2 == 1 {
			b2[n*n-1] = 1
		}
		cs = append(cs, symCase{fmt.Sprintf("blocks2x2-%d", n), n, b2})
		// Repeated and clustered spectra.
		rep := make([]float64, n)
		for i := range rep {
			rep[i] = float64(i % 3)
		}
		cs = append(cs, fromSpectrum(r, fmt.Sprintf("repeated%d", n), rep))
		cl := make([]float64, n)
		for i := range cl {
			cl[i] = 1 + float64(i)*1e-13
		}
		cl[n-1] = 10
		cs = append(cs, fromSpectrum(r, fmt.Sprintf("cluster%d", n), cl))
		// Graded: D·R·D with D from 1 to 1e-20.
		g := randSym(r, n)
		for i := range n {
			for j := range n {
				g.a[i*n+j] *= math.Pow(10, -10*float64(i+j)/float64(n))
			}
		}
		g.name = fmt.Sprintf("graded%d", n)
		cs = append(cs, g)
		for _, sc := range []float64{1e-300, 1e-160, 1e160, 1e300, 1e305} {
			s := randSym(r, n)
			for i := range s.a {
				s.a[i] *= sc
			}
			s.name = fmt.Sprintf("scale%g-%d", sc, n)
			cs = append(cs, s)
		}
	}
	// Wilkinson W21+ as a dense matrix.
	w := wilkinson(21)
	wa := make([]float64, 21*21)
	for i := range 21 {
		wa[i*21+i] = w.d[i]
		if i < 20 {
			wa[i*21+i+1], wa[(i+1)*21+i] = 1, 1
		}
	}
	cs = append(cs, symCase{"wilkinson21-dense", 21, wa})
	return cs
}

func TestSym(t *testing.T) {
	for _, c := range symCases() {
		n := c.n
		// Reference eigenvalues: gonum's Dsyev.
		ref := make([]float64, n)
		if n > 0 {
			impl := gonum.Implementation{}
			// On the matrix scaled to norm 1: gonum's Dsterf panics on
			// some matrices that need its own scaling.
			ac := slices.Clone(c.a)
			sc := maxAbs(ac, nil)
			if sc == 0 {
				sc = 1
			}
			for i := range ac {
				ac[i] /= sc
			}
			work := make([]float64, 1)
			impl.Dsyev(lapack.EVNone, blas.Lower, n, ac, n, ref, work, -1)
			work = make([]float64, int(work[0]))
			if !impl.Dsyev(lapack.EVNone, blas.Lower, n, ac, n, ref, work, len(work)) {
				t.Fatalf("%s: reference Dsyev failed", c.name)
			}
			for i := range ref {
				ref[i] *= sc
			}
		}
		// Sym reads only the lower triangle: spoil the upper one.
		a := slices.Clone(c.a)
		lda := n + 1
		ap := make([]float64, max(n*lda, 1))
		for i := range n {
			for j := range n {
				if j > i {
					ap[i*lda+j] = math.NaN()
				} else {
					ap[i*lda+j] = a[i*n+j]
				}
			}
		}
		w := make([]float64, n)
		ldv := n + 2
		v := make([]float64, max(n*ldv, 1))
		if err := Sym(n, ap, lda, w, v, ldv); err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		anorm := maxAbs(c.a, nil)
		mul := func(j int, y []float64) {
			for i := range n {
				s := 0.0
				for k := range n {
					s += c.a[i*n+k] * v[k*ldv+j]
				}
				y[i] = s
			}
		}
		checkEig(t, c.name, n, anorm*float64(max(n, 1)), w, ref, func(i, j int) float64 { return v[i*ldv+j] }, mul)

		// The eigenvalues alone.
		ap = slices.Clone(c.a)
		wv := make([]float64, n)
		if err := Values(n, ap, max(n, 1), wv); err != nil {
			t.Errorf("%s: Values: %v", c.name, err)
			continue
		}
		tol := 60 * float64(max(n, 1)) * eps * anorm * float64(max(n, 1))
		for j := range n {
			if d := math.Abs(wv[j] - ref[j]); !(d <= tol) {
				t.Errorf("%s: Values: eigenvalue %d is %g, want %g", c.name, j, wv[j], ref[j])
				break
			}
		}
	}
}

// TestSecularRoot checks the roots of the secular equation against
// bisection on random well-separated problems, with the deltas.
func TestSecularRoot(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for trial := range 200 {
		n := 1 + r.IntN(12)
		d := make([]float64, n)
		z := make([]float64, n)
		x := 0.0
		for i := range d {
			x += 0.01 + r.Float64()
			d[i] = x
			z[i] = r.NormFloat64()
		}
		nz := norm2(z)
		for i := range z {
			z[i] /= nz
		}
		rho := 0.1 + 3*r.Float64()
		f := func(lam float64) float64 {
			s := 1 / rho
			for j := range d {
				s += z[j] * z[j] / (d[j] - lam)
			}
			return s
		}
		for i := range n {
			lo, hi := d[i], d[i]+rho
			if i < n-1 {
				hi = d[i+1]
			}
			for range 200 {
				mid := lo + (hi-lo)/2
				if mid == lo || mid == hi {
					break
				}
				if f(mid) < 0 {
					lo = mid
				} else {
					hi = mid
				}
			}
			delta := make([]float64, n)
			lam, ok := secularRoot(i, d, z, delta, rho)
			if !ok {
				t.Errorf("trial %d: root %d of %d did not converge", trial, i, n)
				continue
			}
			if math.Abs(lam-lo) > 1e-13*math.Max(1, math.Abs(lo)) {
				t.Errorf("trial %d: root %d of %d is %.17g, bisection %.17g", trial, i, n, lam, lo)
			}
			if n >= 3 {
				for j := range n {
					if math.Abs(delta[j]-(d[j]-lam)) > 1e-12 {
						t.Errorf("trial %d: root %d: delta[%d] = %g, want %g", trial, i, j, delta[j], d[j]-lam)
					}
				}
			}
		}
	}
}

func TestMergeOrder(t *testing.T) {
	for _, c := range []struct {
		a    []float64
		n1   int
		desc bool
		want []int
	}{
		{[]float64{1, 3, 5, 2, 4}, 3, false, []int{0, 3, 1, 4, 2}},
		{[]float64{1, 3, 5, 4, 2}, 3, true, []int{0, 4, 1, 3, 2}},
		{[]float64{1, 2}, 2, false, []int{0, 1}},
		{[]float64{2, 1}, 0, true, []int{1, 0}},
		{[]float64{}, 0, false, []int{}},
	} {
		got := make([]int, len(c.a))
		mergeOrder(c.a, c.n1, c.desc, got)
		if !slices.Equal(got, c.want) {
			t.Errorf("mergeOrder(%v, %d, %v) = %v, want %v", c.a, c.n1, c.desc, got, c.want)
		}
	}
}

// TestWorkersAgree checks that the result does not depend on the number
// of workers (the roots and eigenvectors run in chunks on them).
func TestWorkersAgree(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for _, n := range []int{60, 300} {
		c := randSym(r, n)
		var ws, vs [2][]float64
		for i, workers := range []int{1, 2} {
			prev := kernels.SetWorkers(workers)
			a := slices.Clone(c.a)
			ws[i], vs[i] = make([]float64, n), make([]float64, n*n)
			err := Sym(n, a, n, ws[i], vs[i], n)
			kernels.SetWorkers(prev)
			if err != nil {
				t.Fatalf("n=%d workers=%d: %v", n, workers, err)
			}
		}
		if !slices.Equal(ws[0], ws[1]) || !slices.Equal(vs[0], vs[1]) {
			t.Errorf("n=%d: the results of 1 and 2 workers differ", n)
		}
	}
}
