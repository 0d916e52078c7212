package kernels

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestStridedVectorFunctions checks that sin, cos, exp and log of strided
// runs (gathered into blocks for the vector kernels) give the very bits of
// the scalar functions, with positive and negative strides, lengths that
// leave partial blocks, and a destination that is strided too.
func TestStridedVectorFunctions(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	src := make([]float64, 3*1000+7)
	for i := range src {
		switch i % 97 {
		case 0:
			src[i] = math.NaN()
		case 1:
			src[i] = math.Inf(1)
		case 2:
			src[i] = -0.0
		case 3:
			src[i] = 5e-320
		default:
			src[i] = (r.Float64()*2 - 1) * math.Pow(10, float64(r.IntN(7)-3))
		}
	}
	funcs := map[UnaryOp]func(float64) float64{Sin: Sin64, Cos: Cos64, Exp: Exp64, Log: Log64}
	for op, f := range funcs {
		for _, c := range []struct {
			n, off, stride, dstStride int
		}{{1000, 0, 3, 1}, {999, 2, 3, 2}, {257, 3000, -3, 1}, {1, 5, 7, 3}, {0, 0, 2, 1}} {
			dst := make([]float64, max(1, c.n*c.dstStride))
			for i := range dst {
				dst[i] = math.NaN()
			}
			err := Unary(op, []int{c.n}, Operand{Data: dst, Strides: []int{c.dstStride}}, Operand{Data: src, Offset: c.off, Strides: []int{c.stride}})
			if err != nil {
				t.Fatal(err)
			}
			for i := range c.n {
				want := f(src[c.off+i*c.stride])
				if got := dst[i*c.dstStride]; math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
					t.Fatalf("op %v n=%d stride %d: element %d of %v is %v, scalar %v", op, c.n, c.stride, i, src[c.off+i*c.stride], got, want)
				}
			}
			for i := range dst {
				if i%c.dstStride != 0 && !math.IsNaN(dst[i]) {
					t.Fatalf("op %v: wrote between the strided destination's elements, at %d", op, i)
				}
			}
		}
	}
	// float32 exp and log: the float32 of the float64 function.
	src32 := make([]float32, 2*500)
	for i := range src32 {
		src32[i] = float32(r.Float64()*60 - 30)
	}
	for op, f := range map[UnaryOp]func(float64) float64{Exp: Exp64, Log: Log64} {
		dst := make([]float32, 500)
		if err := Unary(op, []int{500}, Operand{Data: dst, Strides: []int{1}}, Operand{Data: src32, Strides: []int{2}}); err != nil {
			t.Fatal(err)
		}
		for i := range dst {
			want := float32(f(float64(src32[2*i])))
			if math.Float32bits(dst[i]) != math.Float32bits(want) && !(dst[i] != dst[i] && want != want) {
				t.Fatalf("float32 op %v: element %d of %v is %v, want %v", op, i, src32[2*i], dst[i], want)
			}
		}
	}
}
