package arrays

import "testing"

// The strided-input benchmarks of issue 9 ("strided and transposed inputs
// no more than 2x slower than contiguous ones"): the same work on 10
// million float64 values laid out contiguously, transposed (a 2000x5000
// matrix read through T()), and every other element of a 20 million one.
func BenchmarkLayout(b *testing.B) {
	x := Linspace(0, 1, benchN).Reshape(2000, 5000)
	xt := Linspace(0, 1, benchN).Reshape(5000, 2000).T()
	every2 := Linspace(0, 1, 2*benchN).Index("::2").Reshape(2000, 5000)
	for _, c := range []struct {
		name string
		x    *Array
	}{{"contiguous", x}, {"transposed", xt}, {"step2", every2}} {
		b.Run("Sum/"+c.name, func(b *testing.B) {
			b.SetBytes(8 * benchN)
			for b.Loop() {
				_ = Sum(c.x)
			}
		})
		b.Run("Add/"+c.name, func(b *testing.B) {
			b.SetBytes(3 * 8 * benchN)
			for b.Loop() {
				_ = Add(c.x, c.x)
			}
		})
		b.Run("Exp/"+c.name, func(b *testing.B) {
			b.SetBytes(2 * 8 * benchN)
			for b.Loop() {
				_ = Exp(c.x)
			}
		})
	}
	a := Linspace(-1, 1, 1024*1024).Reshape(1024, 1024)
	for _, c := range []struct {
		name string
		x    *Array
	}{{"contiguous", a}, {"transposed", a.T()}, {"step2", Linspace(-1, 1, 2048*1024).Reshape(1024, 2048).Index(":, ::2")}} {
		b.Run("Matmul1024/"+c.name, func(b *testing.B) {
			for b.Loop() {
				_ = Matmul(c.x, a)
			}
		})
	}
}
