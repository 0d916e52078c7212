//go:build cgo && linux

package gpu

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"workbench/arrays/dtype"
	"workbench/kernels"
)

// trigArgs returns float32 arguments that stress the argument reduction of
// sin, cos and tan: random bit patterns over every exponent, the floats
// nearest to multiples of pi/2 and their neighbours, the float32 known to
// lie closest to a multiple of pi/2 (16367173 2^72, Muller's table), huge
// and subnormal values, and the special values.
func trigArgs() []float32 {
	r := rand.New(rand.NewPCG(7, 11))
	var xs []float32
	add := func(x float32) {
		xs = append(xs, x, -x, math.Nextafter32(x, 0), math.Nextafter32(x, float32(math.Inf(1))))
	}
	for range 20000 {
		x := math.Float32frombits(r.Uint32() &^ (1 << 31))
		if x < float32(math.Inf(1)) {
			add(x)
		}
	}
	for k := 1; k < 5000; k++ {
		add(float32(float64(k) * math.Pi / 2))
	}
	for k := 1; k < 2000; k++ { // larger multiples, spaced out
		add(float32(float64(k) * 997 * math.Pi / 2))
		add(float32(float64(k) * 104729 * math.Pi / 2))
	}
	add(float32(math.Ldexp(16367173, 72)))
	add(float32(math.Ldexp(13176795, -1))) // 6588397.5, near a multiple of pi/2
	for _, x := range []float32{0, 1e-45, 1e-40, 1e-38, 1e-20, 2.44140625e-4, 0.78539816, 0.7853982, 1, 1e5, 105615, 1e6,
		1 << 24, 1e10, 1e20, 1e30, math.MaxFloat32, float32(math.Inf(1))} {
		add(x)
	}
	return append(xs, float32(math.NaN()), float32(math.Copysign(0, -1)))
}

// TestTrigAccuracy checks float32 sin, cos and tan on the GPU against
// Go's math package (exact argument reduction, float64 results rounded
// to float32) over the whole float32 range, not only the small arguments
// that GLSL's built-in functions handle: within 2 ulps for sin and cos,
// 4 for tan (its odd quadrants divide, and GLSL's division may be off by
// 2.5 ulps), or within 2^-24 absolutely where the result is below 2^-24
// (a few subnormal-scale values the GPU flushes). Infinities and NaN give
// NaN.
func TestTrigAccuracy(t *testing.T) {
	d := gpu(t)
	xs := trigArgs()
	cases := []struct {
		op   kernels.UnaryOp
		f    func(float64) float64
		ulps float64
	}{
		{kernels.Sin, math.Sin, 2},
		{kernels.Cos, math.Cos, 2},
		{kernels.Tan, math.Tan, 4},
	}
	src, err := d.FromHost(xs)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		dst, err := d.Alloc(dtype.Float32, len(xs))
		if err != nil {
			t.Fatal(err)
		}
		if err := d.Unary(c.op, vec(dst), vec(src)); err != nil {
			t.Fatalf("%v: %v", c.op, err)
		}
		got := make([]float32, len(xs))
		if err := d.ToHost(vec(dst), got); err != nil {
			t.Fatal(err)
		}
		worst, bad := 0.0, 0
		for i, x := range xs {
			want := float32(c.f(float64(x)))
			g := got[i]
			if math.IsNaN(float64(want)) {
				if !math.IsNaN(float64(g)) {
					t.Errorf("%v(%g) = %g, want NaN", c.op, x, g)
				}
				continue
			}
			dist := ulpDiff32(g, want)
			if math.Abs(float64(want)) < 0x1p-24 && math.Abs(float64(g-want)) <= 0x1p-24*math.Abs(float64(want))+smallest32 {
				continue
			}
			worst = max(worst, dist)
			if dist > c.ulps {
				if bad++; bad <= 10 {
					t.Errorf("%v(%g) [bits %#08x] = %g, want %g (%.0f ulps)", c.op, x, math.Float32bits(x), g, want, dist)
				}
			}
		}
		if bad > 10 {
			t.Errorf("%v: %d arguments of %d off by more than %.0f ulps", c.op, bad, len(xs), c.ulps)
		}
		t.Logf("%v of float32: at most %.2g ulps over %d arguments", c.op, worst, len(xs))
	}
}

// TestUnaryFullRange checks the float32 functions with stated tolerances
// (float32Unary) over random arguments of every exponent, against Go's
// math package: a function that is right for small arguments only (as
// GLSL's sin on llvmpipe was) fails here. Results and arguments below the
// smallest normal float32 are allowed to be flushed to zero.
func TestUnaryFullRange(t *testing.T) {
	d := gpu(t)
	r := rand.New(rand.NewPCG(3, 5))
	var xs []float32
	for range 40000 {
		xs = append(xs, math.Float32frombits(r.Uint32()))
	}
	xs = append(xs, 0, float32(math.Copysign(0, -1)), 1, -1, float32(math.Inf(1)), float32(math.Inf(-1)), math.MaxFloat32, -math.MaxFloat32)
	ref := map[kernels.UnaryOp]func(float64) float64{
		kernels.Exp: math.Exp, kernels.Expm1: math.Expm1, kernels.Exp2: math.Exp2,
		kernels.Log: math.Log, kernels.Log1p: math.Log1p, kernels.Log2: math.Log2, kernels.Log10: math.Log10,
		kernels.Sin: math.Sin, kernels.Cos: math.Cos, kernels.Tan: math.Tan,
		kernels.Asin: math.Asin, kernels.Acos: math.Acos, kernels.Atan: math.Atan,
		kernels.Sinh: math.Sinh, kernels.Cosh: math.Cosh, kernels.Tanh: math.Tanh,
		kernels.Asinh: math.Asinh, kernels.Acosh: math.Acosh, kernels.Atanh: math.Atanh,
		kernels.Sqrt: math.Sqrt, kernels.Reciprocal: func(x float64) float64 { return 1 / x },
	}
	src, err := d.FromHost(xs)
	if err != nil {
		t.Fatal(err)
	}
	for op := kernels.UnaryOp(0); op.String() != fmt.Sprintf("unary(%d)", uint8(op)); op++ {
		f, ok := ref[op]
		if !ok {
			continue
		}
		tl, ok := float32Unary[op]
		if !ok {
			tl = tol{ulps: 1} // sqrt, reciprocal: GLSL's precision
		}
		dst, err := d.Alloc(dtype.Float32, len(xs))
		if err != nil {
			t.Fatal(err)
		}
		if err := d.Unary(op, vec(dst), vec(src)); err != nil {
			t.Fatalf("%v: %v", op, err)
		}
		got := make([]float32, len(xs))
		if err := d.ToHost(vec(dst), got); err != nil {
			t.Fatal(err)
		}
		worst, bad := 0.0, 0
		for i, x := range xs {
			want := float32(f(float64(x)))
			g := got[i]
			if math.IsNaN(float64(want)) || math.IsNaN(float64(g)) {
				if math.IsNaN(float64(want)) != math.IsNaN(float64(g)) {
					if bad++; bad <= 10 {
						t.Errorf("%v(%g) = %g, want %g", op, x, g, want)
					}
				}
				continue
			}
			if math.Abs(float64(want)) < smallest32 && math.Abs(float64(g)) <= smallest32 ||
				math.Abs(float64(x)) < smallest32 && ulpDiff32(g, float32(f(0))) <= tl.ulps {
				continue // flushed subnormals
			}
			dist := ulpDiff32(g, want)
			worst = max(worst, dist)
			if dist > tl.ulps {
				if bad++; bad <= 10 {
					t.Errorf("%v(%g) [bits %#08x] = %g, want %g (%.0f ulps)", op, x, math.Float32bits(x), g, want, dist)
				}
			}
		}
		if bad > 10 {
			t.Errorf("%v: %d arguments of %d wrong", op, bad, len(xs))
		}
		t.Logf("%v of float32: at most %.2g ulps over %d arguments", op, worst, len(xs))
	}
}

// TestBinaryFullRange is TestUnaryFullRange for the float32 binary
// functions with stated tolerances: random arguments of every exponent
// (and small ones, where most results are neither 0 nor infinite), against
// Go's math package.
func TestBinaryFullRange(t *testing.T) {
	d := gpu(t)
	r := rand.New(rand.NewPCG(13, 17))
	n := 30000
	xs, ys := make([]float32, n), make([]float32, n)
	for i := range xs {
		if i%2 == 0 {
			xs[i], ys[i] = math.Float32frombits(r.Uint32()), math.Float32frombits(r.Uint32())
		} else {
			xs[i], ys[i] = float32(r.NormFloat64()*10), float32(r.NormFloat64()*10)
		}
	}
	ref := map[kernels.BinaryOp]func(x, y float64) float64{
		kernels.Pow: math.Pow, kernels.Atan2: math.Atan2, kernels.Hypot: math.Hypot,
		kernels.Logaddexp: func(x, y float64) float64 {
			m := max(x, y)
			if math.IsInf(m, 0) && x == y {
				return x
			}
			return m + math.Log1p(math.Exp(-math.Abs(x-y)))
		},
	}
	a, err := d.FromHost(xs)
	if err != nil {
		t.Fatal(err)
	}
	b, err := d.FromHost(ys)
	if err != nil {
		t.Fatal(err)
	}
	for op, f := range ref {
		tl := float32Binary[op]
		if op == kernels.Pow && !d.fp64 {
			tl = tol{ulps: 160} // exp2(b log2 a) in float32
		}
		dst, err := d.Alloc(dtype.Float32, n)
		if err != nil {
			t.Fatal(err)
		}
		if err := d.Binary(op, vec(dst), vec(a), vec(b)); err != nil {
			t.Fatalf("%v: %v", op, err)
		}
		got := make([]float32, n)
		if err := d.ToHost(vec(dst), got); err != nil {
			t.Fatal(err)
		}
		worst, bad := 0.0, 0
		for i := range got {
			x, y := xs[i], ys[i]
			want := float32(f(float64(x), float64(y)))
			g := got[i]
			if math.IsNaN(float64(want)) || math.IsNaN(float64(g)) {
				if math.IsNaN(float64(want)) != math.IsNaN(float64(g)) {
					if bad++; bad <= 10 {
						t.Errorf("%v(%g, %g) = %g, want %g", op, x, y, g, want)
					}
				}
				continue
			}
			if math.Abs(float64(want)) < smallest32 && math.Abs(float64(g)) <= smallest32 ||
				math.Abs(float64(x)) < smallest32 || math.Abs(float64(y)) < smallest32 {
				continue // subnormal arguments and results may be flushed
			}
			if op == kernels.Logaddexp && math.Abs(float64(g-want)) <= 0x1p-22*max(math.Abs(float64(x)), math.Abs(float64(y))) {
				// max(x, y) + log1p(e^-|x-y|) in float32, as NumPy's
				// float32 logaddexp: results near zero cancel, and the
				// error is 4 ulps of the larger operand, not of the result.
				continue
			}
			dist := ulpDiff32(g, want)
			worst = max(worst, dist)
			if dist > tl.ulps {
				if bad++; bad <= 10 {
					t.Errorf("%v(%g, %g) = %g, want %g (%.0f ulps)", op, x, y, g, want, dist)
				}
			}
		}
		if bad > 10 {
			t.Errorf("%v: %d argument pairs of %d wrong", op, bad, n)
		}
		t.Logf("%v of float32: at most %.2g ulps over %d argument pairs", op, worst, n)
	}
}
