package arrays

import (
	"math"
	"math/big"
	"testing"
)

// fusedValues are test inputs of spread magnitudes with NaN, ±0 and ±Inf.
func fusedValues(n, seed int) []float64 {
	v := make([]float64, n)
	x := uint64(seed)*0x9E3779B97F4A7C15 + 1
	for i := range v {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		switch x % 23 {
		case 0:
			v[i] = math.NaN()
		case 1:
			v[i] = math.Copysign(0, -1)
		case 2:
			v[i] = math.Inf(1)
		case 3:
			v[i] = math.Inf(-1)
		default:
			v[i] = (float64(x>>11)/(1<<53) - 0.5) * math.Ldexp(1, int(x>>59)-8)
		}
	}
	return v
}

// sameBits compares floats bit for bit, any NaN matching any NaN.
func sameBits(a, b float64) bool {
	return a != a && b != b || math.Float64bits(a) == math.Float64bits(b)
}

// fma32 is a*b + c rounded once to float32, by math/big.
func fma32(a, b, c float32) float32 {
	fa, fb, fc := float64(a), float64(b), float64(c)
	if math.IsInf(fa, 0) || math.IsInf(fb, 0) || math.IsInf(fc, 0) || fa != fa || fb != fb || fc != fc {
		return float32(fa*fb + fc)
	}
	x := new(big.Float).SetPrec(1000).SetFloat64(fa)
	x.Mul(x, new(big.Float).SetFloat64(fb))
	x.Add(x, new(big.Float).SetFloat64(fc))
	if x.Sign() == 0 {
		return float32(fa*fb + fc) // the sign of an exact zero, as IEEE gives it
	}
	r, _ := x.Float32()
	return r
}

// Element by element against math.FMA (float64) and the exactly rounded
// result (float32), for sizes that leave vector tails.
func TestMultiplyAddMatchesFMA(t *testing.T) {
	for _, n := range []int{0, 1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 64, 65, 1001} {
		av, bv, cv := fusedValues(n, 1), fusedValues(n, 2), fusedValues(n, 3)
		got := MultiplyAdd(Asarray(av), Asarray(bv), Asarray(cv))
		if got.DType() != Float64 || len(got.Shape()) != 1 || got.Shape()[0] != n {
			t.Fatalf("n=%d: dtype %v shape %v", n, got.DType(), got.Shape())
		}
		for i, g := range got.Float64s() {
			if want := math.FMA(av[i], bv[i], cv[i]); !sameBits(g, want) {
				t.Fatalf("float64 n=%d: element %d: fma(%v, %v, %v) = %v, want %v", n, i, av[i], bv[i], cv[i], g, want)
			}
		}
		a32, b32, c32 := Asarray(av).Astype(Float32), Asarray(bv).Astype(Float32), Asarray(cv).Astype(Float32)
		got32 := MultiplyAdd(a32, b32, c32)
		if got32.DType() != Float32 {
			t.Fatalf("float32 inputs give %v", got32.DType())
		}
		x, y, z := a32.Data().([]float32), b32.Data().([]float32), c32.Data().([]float32)
		for i, g := range got32.Data().([]float32) {
			if want := fma32(x[i], y[i], z[i]); !sameBits(float64(g), float64(want)) {
				t.Fatalf("float32 n=%d: element %d: fma(%v, %v, %v) = %v, want %v", n, i, x[i], y[i], z[i], g, want)
			}
		}
	}
}

// The product is not rounded: (1+2^-30)^2 - (1+2^-29) is 2^-60 exactly,
// which the unfused sum loses.
func TestMultiplyAddIsFused(t *testing.T) {
	x := 1 + 0x1p-30
	got := MultiplyAdd(Asarray([]float64{x}), x, -(1 + 0x1p-29)).Float64s()[0]
	if got != 0x1p-60 {
		t.Fatalf("fused: %g, want 2^-60", got)
	}
	if unfused := Add(Multiply(Asarray([]float64{x}), x), -(1 + 0x1p-29)).Float64s()[0]; unfused != 0 {
		t.Fatalf("unfused: %g, want 0", unfused)
	}
}

// Broadcasting, weak scalars and dtypes follow Add(Multiply(a, b), c).
func TestMultiplyAddBroadcastAndDtypes(t *testing.T) {
	a := Arange(6).Astype(Float64).Reshape(2, 3)
	b := Asarray([]float64{1, 2, 3})
	c := Asarray([]float64{10, 20}).Reshape(2, 1)
	got := MultiplyAdd(a, b, c)
	want := Add(Multiply(a, b), c)
	if s := got.Shape(); len(s) != 2 || s[0] != 2 || s[1] != 3 {
		t.Fatalf("shape %v", s)
	}
	for i, g := range got.Float64s() {
		if w := want.Float64s()[i]; g != w {
			t.Fatalf("element %d: %v, want %v", i, g, w)
		}
	}
	// Transposed (strided) operands and scalars in every position.
	tr := a.T()
	if g, w := MultiplyAdd(tr, 2, 1).Float64s(), Add(Multiply(tr, 2), 1).Float64s(); len(g) != 6 || g[1] != w[1] || g[5] != w[5] {
		t.Fatalf("transposed: %v, want %v", g, w)
	}
	if g := MultiplyAdd(2, b, 0.5).Float64s(); g[2] != 6.5 {
		t.Fatalf("scalar a: %v", g)
	}
	// Weak scalars keep the array's dtype; integers stay integers.
	if dt := MultiplyAdd(Asarray([]float32{1, 2}), 2.5, 1).DType(); dt != Float32 {
		t.Fatalf("float32 with scalars: %v", dt)
	}
	ints := MultiplyAdd(Asarray([]int32{1, 2, 3}), Asarray([]int32{4, 5, 6}), 7)
	if ints.DType() != Int32 || ints.Int64s()[2] != 25 {
		t.Fatalf("int32: %v %v", ints.DType(), ints.Int64s())
	}
	if dt := MultiplyAdd(Asarray([]int32{1}), Asarray([]float64{2}), 1).DType(); dt != Float64 {
		t.Fatalf("int32 and float64: %v", dt)
	}
	cx := MultiplyAdd(Asarray([]complex128{1i}), Asarray([]complex128{1i}), 1)
	if v := cx.Complex128s()[0]; v != 0 {
		t.Fatalf("complex: %v", v)
	}
}

func TestMultiplyAddErrors(t *testing.T) {
	mustPanic := func(what string, f func()) {
		t.Helper()
		defer func() {
			if recover() == nil {
				t.Errorf("%s: no panic", what)
			}
		}()
		f()
	}
	mustPanic("shapes", func() { MultiplyAdd(Ones(2), Ones(3), 1) })
	mustPanic("bool", func() { MultiplyAdd(Asarray([]bool{true}), true, false) })
}

// The benchmarks of the fused a*b+c on 10 million values: 32 bytes move
// per element (three reads, one write), in one pass.
func BenchmarkMultiplyAdd(b *testing.B) {
	x, y, z := benchInputs()
	b.SetBytes(4 * 8 * benchN)
	for b.Loop() {
		_ = MultiplyAdd(x, y, z)
	}
}

func BenchmarkMultiplyAddF32(b *testing.B) {
	x, y, z := benchInputs()
	x, y, z = x.Astype(Float32), y.Astype(Float32), z.Astype(Float32)
	b.SetBytes(4 * 4 * benchN)
	for b.Loop() {
		_ = MultiplyAdd(x, y, z)
	}
}

// BenchmarkMax reduces 10 million float64 values to their maximum.
func BenchmarkMax(b *testing.B) {
	x, _, _ := benchInputs()
	b.SetBytes(8 * benchN)
	for b.Loop() {
		_ = Max(x)
	}
}

func BenchmarkMaxF32(b *testing.B) {
	x, _, _ := benchInputs()
	x = x.Astype(Float32)
	b.SetBytes(4 * benchN)
	for b.Loop() {
		_ = Max(x)
	}
}

func BenchmarkSumF32(b *testing.B) {
	x, _, _ := benchInputs()
	x = x.Astype(Float32)
	b.SetBytes(4 * benchN)
	for b.Loop() {
		_ = Sum(x)
	}
}
