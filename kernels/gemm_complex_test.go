package kernels

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"
)

// naiveComplexGemm is the reference: each element a sum of complex
// products, in float64 (long double would not change the tolerance).
func naiveComplexGemm(m, n, k int, at, bt func(i, j int) complex128) []complex128 {
	c := make([]complex128, m*n)
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			var s complex128
			for l := 0; l < k; l++ {
				s += at(i, l) * bt(l, j)
			}
			c[i*n+j] = s
		}
	}
	return c
}

func TestGemmStridedComplex(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	rnd := func(n int) []complex128 {
		s := make([]complex128, n)
		for i := range s {
			s[i] = complex(r.Float64()*2-1, r.Float64()*2-1)
		}
		return s
	}
	cases := []struct {
		name    string
		m, n, k int
		// transA/transB store the operand transposed; step doubles its
		// column stride; neg walks its rows backwards.
		transA, transB, step, neg bool
	}{
		{"empty", 0, 3, 4, false, false, false, false},
		{"k0", 3, 2, 0, false, false, false, false},
		{"1x1x1", 1, 1, 1, false, false, false, false},
		{"row", 1, 17, 9, false, false, false, false},
		{"column", 13, 1, 5, false, false, false, false},
		{"odd", 37, 29, 41, false, false, false, false},
		{"transA", 31, 27, 19, true, false, false, false},
		{"transB", 21, 35, 33, false, true, false, false},
		{"both", 9, 70, 64, true, true, false, false},
		{"step2", 25, 23, 30, false, false, true, false},
		{"negative", 17, 19, 21, false, false, false, true},
		{"large", 130, 110, 400, false, false, false, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, n, k := tc.m, tc.n, tc.k
			colStep := 1
			if tc.step {
				colStep = 2
			}
			// A: m×k, stored with row stride aRow and column stride aCol.
			aRow, aCol, aOff := k*colStep, colStep, 0
			if tc.transA {
				aRow, aCol = 1, m
			}
			if tc.neg && m > 0 {
				aOff, aRow = (m-1)*k, -k
			}
			bRow, bCol := n*colStep, colStep
			if tc.transB {
				bRow, bCol = 1, k
			}
			a := rnd(m*k*colStep + 1)
			b := rnd(k*n*colStep + 1)
			at := func(i, l int) complex128 { return a[aOff+i*aRow+l*aCol] }
			bt := func(l, j int) complex128 { return b[l*bRow+j*bCol] }
			want := naiveComplexGemm(m, n, k, at, bt)

			// C with guards around it that must stay NaN.
			const guard = 5
			c := make([]complex128, m*n+2*guard)
			for i := range c {
				c[i] = cmplx.NaN()
			}
			GemmStridedC128(m, n, k, a, aOff, aRow, aCol, b, 0, bRow, bCol, c, guard, n, 1)
			for i := 0; i < guard; i++ {
				if !cmplx.IsNaN(c[i]) || !cmplx.IsNaN(c[len(c)-1-i]) {
					t.Fatalf("a guard element was written")
				}
			}
			tol := 1e-14 * float64(k+1)
			for i, w := range want {
				if g := c[guard+i]; cmplx.Abs(g-w) > tol {
					t.Fatalf("element %d: got %v, want %v", i, g, w)
				}
			}

			// complex64 on the same data.
			a32 := make([]complex64, len(a))
			for i, z := range a {
				a32[i] = complex64(z)
			}
			b32 := make([]complex64, len(b))
			for i, z := range b {
				b32[i] = complex64(z)
			}
			at32 := func(i, l int) complex128 { return complex128(a32[aOff+i*aRow+l*aCol]) }
			bt32 := func(l, j int) complex128 { return complex128(b32[l*bRow+j*bCol]) }
			want = naiveComplexGemm(m, n, k, at32, bt32)
			c32 := make([]complex64, m*n)
			GemmStridedC64(m, n, k, a32, aOff, aRow, aCol, b32, 0, bRow, bCol, c32, 0, n, 1)
			tol32 := 1e-6 * float64(k+1)
			for i, w := range want {
				if g := complex128(c32[i]); cmplx.Abs(g-w) > tol32 {
					t.Fatalf("complex64 element %d: got %v, want %v", i, g, w)
				}
			}
		})
	}
}

// Products with an infinite part give the NaNs of the real formula.
func TestGemmComplexSpecialValues(t *testing.T) {
	inf := math.Inf(1)
	a := []complex128{complex(inf, 0)}
	b := []complex128{complex(1, 0)}
	c := make([]complex128, 1)
	GemmStridedC128(1, 1, 1, a, 0, 1, 1, b, 0, 1, 1, c, 0, 1, 1)
	// (inf+0i)(1+0i) by the real formula: inf·1 − 0·0 = inf, inf·0 + 0·1 = NaN.
	if !math.IsInf(real(c[0]), 1) || !math.IsNaN(imag(c[0])) {
		t.Errorf("(inf+0i)(1+0i) = %v, want (+Inf+NaNi)", c[0])
	}
}

func TestGemmComplexWorkers(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	const m, n, k = 300, 200, 500
	a := make([]complex128, m*k)
	b := make([]complex128, k*n)
	for i := range a {
		a[i] = complex(r.NormFloat64(), r.NormFloat64())
	}
	for i := range b {
		b[i] = complex(r.NormFloat64(), r.NormFloat64())
	}
	run := func(w int) []complex128 {
		defer SetWorkers(SetWorkers(w))
		c := make([]complex128, m*n)
		GemmStridedC128(m, n, k, a, 0, k, 1, b, 0, n, 1, c, 0, n, 1)
		return c
	}
	one, two := run(1), run(2)
	for i := range one {
		if math.Float64bits(real(one[i])) != math.Float64bits(real(two[i])) ||
			math.Float64bits(imag(one[i])) != math.Float64bits(imag(two[i])) {
			t.Fatalf("element %d: %v on 1 worker, %v on 2", i, one[i], two[i])
		}
	}
}
