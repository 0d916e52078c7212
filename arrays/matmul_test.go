package arrays

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// refMatmul multiplies 2-d float64 or complex128 matrices with a plain
// triple loop, as the reference.
func refMatmul(x, y *Array) []complex128 {
	xs, ys := x.Shape(), y.Shape()
	m, k, n := xs[0], xs[1], ys[1]
	a, b := x.Complex128s(), y.Complex128s()
	out := make([]complex128, m*n)
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			var s complex128
			for l := 0; l < k; l++ {
				s += a[i*k+l] * b[l*n+j]
			}
			out[i*n+j] = s
		}
	}
	return out
}

func randomMatrix(r *rand.Rand, dt DType, m, n int) *Array {
	re := make([]float64, m*n)
	im := make([]float64, m*n)
	for i := range re {
		re[i], im[i] = r.Float64()*2-1, r.Float64()*2-1
	}
	x := FromSlice(re).Reshape(m, n)
	if dt.IsComplex() {
		x = Add(x, Multiply(FromSlice(im).Reshape(m, n), complex(0, 1)))
	}
	return x.Astype(dt)
}

// layouts returns views of x (m×n) with the same values and different
// memory layouts: contiguous, transposed, strided, reversed, broadcast-free.
func layouts(x *Array) map[string]*Array {
	s := x.Shape()
	m, n := s[0], s[1]
	big := Zeros(2*m+1, 3*n+2, Dtype(x.DType()))
	big.Index("1::2, 2::3").Index(Slice(0, m), Slice(0, n)).Assign(x)
	return map[string]*Array{
		"contiguous": x,
		"transposed": Copy(x.T()).T(),
		"strided":    big.Index("1::2, 2::3").Index(Slice(0, m), Slice(0, n)),
		"reversed":   Copy(x.Index("::-1, ::-1")).Index("::-1, ::-1"),
		"row-padded": Copy(Concat([]*Array{x, x}, Axis(1))).Index(Slice(), Slice(0, n)),
	}
}

func TestMatmulLayouts(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	sizes := [][3]int{{1, 1, 1}, {1, 7, 1}, {7, 1, 5}, {5, 9, 1}, {1, 9, 6}, {13, 17, 11}, {70, 90, 80}}
	for _, dt := range []DType{Float64, Float32, Complex128, Complex64, Int32} {
		tol := 1e-12
		if dt == Float32 || dt == Complex64 {
			tol = 1e-4
		}
		for _, sz := range sizes {
			m, k, n := sz[0], sz[1], sz[2]
			x, y := randomMatrix(r, dt, m, k), randomMatrix(r, dt, k, n)
			if dt == Int32 {
				x, y = Round(randomMatrix(r, Float64, m, k).Mul(50)).Astype(Int32), Round(randomMatrix(r, Float64, k, n).Mul(50)).Astype(Int32)
			}
			want := refMatmul(x, y)
			for xn, xv := range layouts(x) {
				for yn, yv := range layouts(y) {
					got := Matmul(xv, yv)
					if got.DType() != dt || !equalInts(got.Shape(), []int{m, n}) {
						t.Fatalf("%v %v: %s@%s gave %v%v", dt, sz, xn, yn, got.DType(), got.Shape())
					}
					g := got.Complex128s()
					for i := range want {
						if d := g[i] - want[i]; math.Hypot(real(d), imag(d)) > tol*float64(k)*(1+math.Hypot(real(want[i]), imag(want[i]))) {
							t.Fatalf("%v %v: %s@%s: element %d = %v, want %v", dt, sz, xn, yn, i, g[i], want[i])
						}
					}
				}
			}
		}
	}
}

func TestMatmulMatchesForAnyWorkers(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	x := Stack([]*Array{randomMatrix(r, Float64, 30, 40), randomMatrix(r, Float64, 30, 40), randomMatrix(r, Float64, 30, 40)})
	y := randomMatrix(r, Float64, 40, 20)
	want := Matmul(x, y).Float64s()
	old := SetWorkers(1)
	got := Matmul(x, y).Float64s()
	SetWorkers(old)
	for i := range want {
		if math.Float64bits(want[i]) != math.Float64bits(got[i]) {
			t.Fatalf("element %d: %v with one worker, %v with %d", i, got[i], want[i], old)
		}
	}
	// Each matrix of the stack equals the product on its own.
	for b := 0; b < 3; b++ {
		one := Matmul(x.Index(b), y).Float64s()
		for i := range one {
			if one[i] != want[b*600+i] {
				t.Fatalf("batch %d element %d: %v, alone %v", b, i, want[b*600+i], one[i])
			}
		}
	}
}

func TestMatmulErrors(t *testing.T) {
	cases := []struct {
		name string
		fn   func()
		want []string
	}{
		{"core", func() { Matmul(Ones(2, 3), Ones(4, 5)) }, []string{"matmul", "(2, 3)", "(4, 5)", "length 3", "length 4"}},
		{"1d", func() { Matmul(Ones(3), Ones(4)) }, []string{"(3,)", "(4,)", "only axis"}},
		{"batch", func() { Matmul(Ones(2, 3, 4), Ones(3, 4, 5)) }, []string{"batch", "(2, 3, 4)", "(3, 4, 5)"}},
		{"0d", func() { Matmul(Asarray(1.0), Ones(3)) }, []string{"0-d", "()", "(3,)"}},
		{"tensordot", func() { Tensordot(Ones(2, 3), Ones(4, 5), 1) }, []string{"tensordot", "(2, 3)", "(4, 5)", "length 3", "length 4"}},
		{"tensordot-too-many", func() { Tensordot(Ones(2, 3), Ones(3), 2) }, []string{"tensordot", "2 axes"}},
		{"vecdot", func() { Vecdot(Ones(2, 3), Ones(2, 4)) }, []string{"vecdot", "(2, 3)", "(2, 4)", "3 and 4"}},
	}
	for _, c := range cases {
		err := Maybe(c.fn)
		var se *ShapeError
		if !errors.As(err, &se) {
			t.Errorf("%s: want a *ShapeError, got %T %v", c.name, err, err)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %q does not say %q", c.name, err, w)
			}
		}
	}
	var ve *ValueError
	if err := Maybe(func() { Tensordot(Ones(2), Ones(2), "x") }); !errors.As(err, &ve) {
		t.Errorf("tensordot with axes of type string: got %v", err)
	}
	if err := Maybe(func() { Tensordot(Ones(2), Ones(2), -1) }); !errors.As(err, &ve) {
		t.Errorf("tensordot with axes -1: got %v", err)
	}
	if err := Maybe(func() { Vecdot(Ones(2), Ones(2), Axis(0, 1)) }); !errors.As(err, &ve) {
		t.Errorf("vecdot with two axes: got %v", err)
	}
	if err := Maybe(func() { Matmul(nil, Ones(2)) }); !errors.As(err, &ve) {
		t.Errorf("matmul of nil: got %v", err)
	}
}

func TestMatmulMethodAndForms(t *testing.T) {
	x := Asarray([][]float64{{1, 2}, {3, 4}})
	y := Asarray([]float64{5, 6})
	if got := x.Matmul(y).Float64s(); got[0] != 17 || got[1] != 39 {
		t.Errorf("x.Matmul(y) = %v", got)
	}
	if got := y.Matmul(y); got.Ndim() != 0 || got.Float() != 61 {
		t.Errorf("1-d @ 1-d = %v (shape %v)", got, got.Shape())
	}
	// The inputs are not changed and the result shares no memory.
	z := x.Matmul(x)
	if z.sharesBuffer(x) || x.Float64s()[3] != 4 {
		t.Error("matmul changed or shares its input")
	}
	// Tensordot's forms of axes agree.
	a, b := Arange(24).Reshape(2, 3, 4), Arange(24).Reshape(4, 3, 2)
	want := Tensordot(a, b, [][]int{{1, 2}, {1, 0}}).Int64s()
	for name, axes := range map[string]any{"[2][]int": [2][]int{{1, 2}, {1, 0}}, "negative": [][]int{{-2, -1}, {-2, -3}}} {
		got := Tensordot(a, b, axes).Int64s()
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("%s: %v, want %v", name, got, want)
			}
		}
	}
	p1 := Tensordot(a, b, [2]int{2, 0}).Int64s()
	p2 := Tensordot(a, b, []int{2, 0}).Int64s()
	p3 := Tensordot(a, b, 1).Int64s()
	for i := range p1 {
		if p1[i] != p2[i] || p1[i] != p3[i] {
			t.Fatal("tensordot: [2]int, []int and 1 disagree")
		}
	}
	// Vecdot conjugates its first argument.
	c := Asarray([]complex128{1 + 1i, 2})
	if got := Vecdot(c, c).Complex(); got != 6 {
		t.Errorf("vecdot(c, c) = %v, want 6", got)
	}
}

// A product large enough to be split across workers gives the same bits
// for any number of workers, for float64 and float32.
func TestMatmulLargeWorkers(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, dt := range []DType{Float64, Float32} {
		x, y := randomMatrix(r, dt, 150, 420), randomMatrix(r, dt, 420, 260)
		old := SetWorkers(1)
		want := Matmul(x, y).Float64s()
		for _, w := range []int{2, 3} {
			SetWorkers(w)
			got := Matmul(x, y).Float64s()
			for i := range want {
				if math.Float64bits(want[i]) != math.Float64bits(got[i]) {
					SetWorkers(old)
					t.Fatalf("%v element %d: %v with one worker, %v with %d", dt, i, want[i], got[i], w)
				}
			}
		}
		SetWorkers(old)
		ref := refMatmul(x.Astype(Float64), y.Astype(Float64))
		tol := 1e-13
		if dt == Float32 {
			tol = 1e-5
		}
		for i := range ref {
			if math.Abs(real(ref[i])-want[i]) > tol*420 {
				t.Fatalf("%v element %d: %v, want %v", dt, i, want[i], real(ref[i]))
			}
		}
	}
}

// No product is skipped: 0·Inf and 0·NaN give NaN on either side.
func TestMatmulNonFinite(t *testing.T) {
	inf := math.Inf(1)
	for _, dt := range []DType{Float64, Float32} {
		x := FromSlice([]float64{0, 1, 2, 3}).Reshape(2, 2).Astype(dt)
		y := FromSlice([]float64{inf, 1, 1, 1}).Reshape(2, 2).Astype(dt)
		got := Matmul(x, y).Float64s()
		if !math.IsNaN(got[0]) || got[1] != 1 || !math.IsInf(got[2], 1) || got[3] != 5 {
			t.Errorf("%v: [0 1; 2 3]@[Inf 1; 1 1] = %v, want [NaN 1 +Inf 5]", dt, got)
		}
		got = Matmul(y.T(), x).Float64s()
		if !math.IsNaN(got[0]) || !math.IsInf(got[1], 1) || got[2] != 2 || got[3] != 4 {
			t.Errorf("%v: [Inf 1; 1 1]@[0 1; 2 3] = %v, want [NaN +Inf 2 4]", dt, got)
		}
	}
}
