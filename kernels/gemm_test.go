package kernels

import (
	"fmt"
	"math"
	"testing"
)

// gemmLayout says how a test matrix is stored.
type gemmLayout int

const (
	gemmRowMajor gemmLayout = iota // rows apart by cols+pad
	gemmColMajor                   // transposed storage
	gemmStrided                    // both strides > 1
	gemmNegative                   // gemmNegative row stride, column stride 2
	gemmNumLayouts
)

func (l gemmLayout) String() string {
	return [...]string{"row", "col", "gemmStrided", "gemmNegative"}[l]
}

// gemmGuard is the number of NaN elements before and after each matrix.
const gemmGuard = 5

// gemmTestMat stores an r×c matrix with values gen(i, j) in gemmLayout l, with NaN
// everywhere else in its buffer.
func gemmTestMat[T gemmFloat](r, c int, l gemmLayout, gen func(i, j int) T) gemmMat[T] {
	var rs, cs, size int
	switch l {
	case gemmRowMajor:
		rs, cs, size = c+3, 1, r*(c+3)
	case gemmColMajor:
		rs, cs, size = 1, r+2, c*(r+2)
	case gemmStrided:
		rs, cs, size = 2*c+1, 2, r*(2*c+1)
	case gemmNegative:
		rs, cs, size = -(2*c + 3), 2, r*(2*c+3)
	}
	d := make([]T, size+2*gemmGuard+1)
	for i := range d {
		d[i] = T(math.NaN())
	}
	off := gemmGuard + 1 // unaligned start
	if rs < 0 {
		off += (r - 1) * -rs
	}
	m := gemmMat[T]{d: d, off: off, rs: rs, cs: cs}
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			d[off+i*rs+j*cs] = gen(i, j)
		}
	}
	return m
}

func gemmCloneMat[T gemmFloat](m gemmMat[T]) gemmMat[T] {
	m.d = append([]T(nil), m.d...)
	return m
}

// gemmCheckGuards fails unless every element of c's buffer outside the r×c
// matrix is still NaN.
func gemmCheckGuards[T gemmFloat](t *testing.T, name string, m gemmMat[T], r, c int) {
	t.Helper()
	in := map[int]bool{}
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			in[m.off+i*m.rs+j*m.cs] = true
		}
	}
	for i, v := range m.d {
		if !in[i] && v == v {
			t.Fatalf("%s: stray write at %d of the buffer: %v", name, i, v)
		}
	}
}

func gemmRandF(seed int) func(i, j int) float64 {
	return func(i, j int) float64 {
		u := mix(seed*1_000_003 + i*7919 + j)
		return float64(int64(u>>11)-1<<52) / (1 << 52)
	}
}

func gemmIntF(seed int) func(i, j int) float64 {
	return func(i, j int) float64 { return float64(int64(mix(seed*1_000_003+i*7919+j)%9) - 4) }
}

// gemmNaive computes alpha·A·B + beta·C in float64 and a bound on its error.
func gemmNaive[T gemmFloat](m, n, k int, alpha T, a, b gemmMat[T], beta T, c gemmMat[T]) (want, bound []float64) {
	want, bound = make([]float64, m*n), make([]float64, m*n)
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			var s, abs float64
			for l := 0; l < k; l++ {
				p := float64(a.at(i, l)) * float64(b.at(l, j))
				s += p
				abs += math.Abs(p)
			}
			v := float64(alpha) * s
			abs *= math.Abs(float64(alpha))
			if beta != 0 {
				cv := float64(c.at(i, j))
				v += float64(beta) * cv
				abs += math.Abs(float64(beta) * cv)
			}
			want[i*n+j], bound[i*n+j] = v, abs
		}
	}
	return
}

var gemmSizes = []int{0, 1, 2, 3, 5, 7, 8, 9, 13, 16, 17, 23, 24, 25, 31, 33, 47, 48, 49, 63, 64, 65, 70}

type gemmCase struct {
	m, n, k       int
	la, lb, lc    gemmLayout
	alpha, beta   float64
	integerValued bool
}

func (g gemmCase) String() string {
	return fmt.Sprintf("%dx%dx%d A=%v B=%v C=%v alpha=%v beta=%v", g.m, g.n, g.k, g.la, g.lb, g.lc, g.alpha, g.beta)
}

func gemmCases() []gemmCase {
	var cs []gemmCase
	betas := []float64{0, 1, -0.5}
	alphas := []float64{1, 1, 2.5}
	i := 0
	for _, m := range gemmSizes {
		for _, n := range gemmSizes {
			k := gemmSizes[(i*7)%len(gemmSizes)]
			cs = append(cs, gemmCase{m: m, n: n, k: k,
				la: gemmLayout(i % int(gemmNumLayouts)), lb: gemmLayout((i / 4) % int(gemmNumLayouts)),
				lc:    []gemmLayout{gemmRowMajor, gemmRowMajor, gemmStrided, gemmNegative}[(i/3)%4],
				alpha: alphas[i%3], beta: betas[(i/2)%3]})
			i++
		}
	}
	// Sizes that cross the k, n and m blocks.
	for _, s := range [][3]int{{130, 200, 777}, {67, 401, 390}, {1200, 30, 9}, {50, 61, 1025}} {
		for _, la := range []gemmLayout{gemmRowMajor, gemmColMajor} {
			cs = append(cs, gemmCase{m: s[0], n: s[1], k: s[2], la: la, lb: 1 - la, lc: gemmRowMajor, alpha: 1, beta: 0.5})
		}
	}
	return cs
}

// gemmRunGemm runs one case with arch and returns C's buffer.
func gemmRunGemm[T gemmFloat](arch *gemmArch[T], g gemmCase, gen func(int) func(i, j int) float64) (a, b, c0, c gemmMat[T]) {
	a = gemmTestMat(g.m, g.k, g.la, gemmAs[T](gen(1)))
	b = gemmTestMat(g.k, g.n, g.lb, gemmAs[T](gen(2)))
	c0 = gemmTestMat(g.m, g.n, g.lc, gemmAs[T](gen(3)))
	c = gemmCloneMat(c0)
	gemm(arch, g.m, g.n, g.k, T(g.alpha), a, b, T(g.beta), c)
	return
}

func gemmAs[T gemmFloat](f func(i, j int) float64) func(i, j int) T {
	return func(i, j int) T { return T(f(i, j)) }
}

func gemmCheckNaive[T gemmFloat](t *testing.T, name string, g gemmCase, a, b, c0, c gemmMat[T], eps float64) {
	t.Helper()
	want, bound := gemmNaive(g.m, g.n, g.k, T(g.alpha), a, b, T(g.beta), c0)
	for i := 0; i < g.m; i++ {
		for j := 0; j < g.n; j++ {
			got := float64(c.at(i, j))
			if d := math.Abs(got - want[i*g.n+j]); !(d <= 4*eps*float64(g.k+2)*bound[i*g.n+j]) {
				t.Fatalf("%s %v: C[%d,%d] = %v, want %v (error %g, bound %g)", name, g, i, j, got, want[i*g.n+j], d, bound[i*g.n+j])
			}
		}
	}
	gemmCheckGuards(t, name+" "+g.String(), c, g.m, g.n)
}

func gemmSameBits[T gemmFloat](x, y []T) int {
	for i := range x {
		if math.Float64bits(float64(x[i])) != math.Float64bits(float64(y[i])) {
			return i
		}
	}
	return -1
}

// Every micro-kernel against the gemmNaive loop, and the assembly ones bit for
// bit against the portable one.
func TestGemm64(t *testing.T) {
	for _, g := range gemmCases() {
		var ref []float64
		for _, arch := range gemmArches64() {
			a, b, c0, c := gemmRunGemm(arch, g, gemmRandF)
			gemmCheckNaive(t, arch.name, g, a, b, c0, c, 0x1p-53)
			if ref == nil {
				ref = c.d
			} else if i := gemmSameBits(c.d, ref); i >= 0 {
				t.Fatalf("%s %v: element %d of the buffer is %v, the first kernel gave %v", arch.name, g, i, c.d[i], ref[i])
			}
		}
	}
}

// float32: bit for bit on integer values (exact sums), within rounding on
// random ones (the portable kernel rounds its FMA twice, through float64).
func TestGemm32(t *testing.T) {
	for _, g := range gemmCases() {
		var ref []float32
		for _, arch := range gemmArches32() {
			a, b, c0, c := gemmRunGemm(arch, g, gemmRandF)
			gemmCheckNaive(t, arch.name, g, a, b, c0, c, 0x1p-24)
			_, _, _, c = gemmRunGemm(arch, g, gemmIntF)
			if ref == nil {
				ref = c.d
			} else if i := gemmSameBits(c.d, ref); i >= 0 {
				t.Fatalf("%s %v (integer values): element %d is %v, the first kernel gave %v", arch.name, g, i, c.d[i], ref[i])
			}
		}
	}
}

// The result is the same whatever the number of workers.
func TestGemmWorkers(t *testing.T) {
	defer SetWorkers(SetWorkers(1))
	for _, s := range [][3]int{{300, 290, 500}, {700, 40, 400}, {33, 900, 70}} {
		g := gemmCase{m: s[0], n: s[1], k: s[2], lc: gemmRowMajor, alpha: 1}
		SetWorkers(1)
		_, _, _, c1 := gemmRunGemm(gemmArch64, g, gemmRandF)
		_, _, _, f1 := gemmRunGemm(gemmArch32, g, gemmRandF)
		for _, w := range []int{2, 3, 7} {
			SetWorkers(w)
			_, _, _, c := gemmRunGemm(gemmArch64, g, gemmRandF)
			_, _, _, f := gemmRunGemm(gemmArch32, g, gemmRandF)
			if i := gemmSameBits(c.d, c1.d); i >= 0 {
				t.Fatalf("float64 %v, %d workers: element %d is %v, 1 worker gave %v", g, w, i, c.d[i], c1.d[i])
			}
			if i := gemmSameBits(f.d, f1.d); i >= 0 {
				t.Fatalf("float32 %v, %d workers: element %d is %v, 1 worker gave %v", g, w, i, f.d[i], f1.d[i])
			}
		}
	}
}

// No product is skipped: 0·Inf and 0·NaN give NaN; beta = 0 overwrites a
// NaN in C; alpha = 0 does not read A and B.
func TestGemmSpecialValues(t *testing.T) {
	inf := math.Inf(1)
	for _, arch := range gemmArches64() {
		a := gemmMat[float64]{d: []float64{0, 1, 2, 3}, rs: 2, cs: 1}
		b := gemmMat[float64]{d: []float64{inf, 1, 1, 1}, rs: 2, cs: 1}
		c := gemmMat[float64]{d: []float64{math.NaN(), math.NaN(), math.NaN(), math.NaN()}, rs: 2, cs: 1}
		gemm(arch, 2, 2, 2, 1, a, b, 0, c)
		if !math.IsNaN(c.d[0]) || c.d[1] != 1 || !math.IsInf(c.d[2], 1) || c.d[3] != 5 {
			t.Errorf("%s: [0 1; 2 3]·[Inf 1; 1 1] = %v, want [NaN 1 +Inf 5]", arch.name, c.d)
		}
		c.d = []float64{1, 2, 3, 4}
		gemm(arch, 2, 2, 2, 0, a, b, 2, c)
		if fmt.Sprint(c.d) != "[2 4 6 8]" {
			t.Errorf("%s: alpha = 0, beta = 2 gave %v", arch.name, c.d)
		}
	}
}

// The BLAS-style entry points against the gemmNaive loop.
func TestGemmBLAS(t *testing.T) {
	for _, ta := range []bool{false, true} {
		for _, tb := range []bool{false, true} {
			m, n, k := 37, 29, 41
			lda, ldb, ldc := k+1, n+2, n+3
			if ta {
				lda = m + 1
			}
			if tb {
				ldb = k + 2
			}
			a := make([]float64, lda*max(m, k))
			b := make([]float64, ldb*max(n, k))
			c := make([]float64, ldc*m)
			for i := range a {
				a[i] = gemmRandF(4)(i, 0)
			}
			for i := range b {
				b[i] = gemmRandF(5)(i, 0)
			}
			Gemm64(ta, tb, m, n, k, 1, a, lda, b, ldb, 0, c, ldc)
			c32 := make([]float32, len(c))
			a32, b32 := make([]float32, len(a)), make([]float32, len(b))
			for i := range a {
				a32[i] = float32(a[i])
			}
			for i := range b {
				b32[i] = float32(b[i])
			}
			Gemm32(ta, tb, m, n, k, 1, a32, lda, b32, ldb, 0, c32, ldc)
			for i := 0; i < m; i++ {
				for j := 0; j < n; j++ {
					var s float64
					for l := 0; l < k; l++ {
						av, bv := a[i*lda+l], b[l*ldb+j]
						if ta {
							av = a[l*lda+i]
						}
						if tb {
							bv = b[j*ldb+l]
						}
						s += av * bv
					}
					if d := math.Abs(c[i*ldc+j] - s); d > 1e-13 {
						t.Fatalf("transA=%v transB=%v: C[%d,%d] = %v, want %v", ta, tb, i, j, c[i*ldc+j], s)
					}
					if d := math.Abs(float64(c32[i*ldc+j]) - s); d > 1e-4 {
						t.Fatalf("float32 transA=%v transB=%v: C[%d,%d] = %v, want %v", ta, tb, i, j, c32[i*ldc+j], s)
					}
				}
			}
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("a too short C did not panic")
		}
	}()
	Gemm64(false, false, 2, 2, 2, 1, make([]float64, 4), 2, make([]float64, 4), 2, 0, make([]float64, 3), 2)
}

// The path for vectors (m or n = 1) gives the bits of the blocked one.
func TestGemmThinMatchesBlocked(t *testing.T) {
	for _, s := range [][3]int{{1, 70, 900}, {53, 1, 1000}, {1, 1, 2000}, {1, 5, 3}} {
		for li, lc := range []gemmLayout{gemmRowMajor, gemmStrided, gemmNegative} {
			lb := []gemmLayout{gemmRowMajor, gemmStrided, gemmColMajor}[li]
			g := gemmCase{m: s[0], n: s[1], k: s[2], la: gemmColMajor, lb: lb, lc: lc, alpha: 1.5, beta: -0.5}
			_, _, _, thin := gemmRunGemm(gemmArch64, g, gemmRandF)
			a := gemmTestMat(g.m, g.k, g.la, gemmAs[float64](gemmRandF(1)))
			b := gemmTestMat(g.k, g.n, g.lb, gemmAs[float64](gemmRandF(2)))
			c := gemmTestMat(g.m, g.n, g.lc, gemmAs[float64](gemmRandF(3)))
			gemmSerial(gemmArch64, g.m, g.n, g.k, gemmBlocks(g.k, gemmKC64), gemmNC64, 1.5, a, b, -0.5, c)
			if i := gemmSameBits(thin.d, c.d); i >= 0 {
				t.Fatalf("%v: element %d of the buffer: %v by the vector path, %v blocked", g, i, thin.d[i], c.d[i])
			}
		}
	}
}
