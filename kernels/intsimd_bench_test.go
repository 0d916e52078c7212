package kernels

import (
	"strings"
	"testing"
)

// The integer, comparison and complex loops on streamN (10 million)
// elements in one goroutine, at the widest SIMD level ("vector") and in
// portable Go ("go"); the throughput counts the bytes read and written.
// BenchmarkVxCached runs some of them on 4096 elements, in the L1 and L2
// caches, where the arithmetic shows rather than the memory.
// Compare the two with
//
//	go test -run '^$' -bench 'Vx' -benchtime 5x ./kernels/

// benchVx times loop on streamN elements of x and y (or x and the scalar
// y[0]) into d at the widest level and in portable Go.
func benchVx[T, R any](b *testing.B, name string, gen func(int) T, loop bin1D[T, R], scalar bool) {
	benchVxN(b, name, streamN, gen, loop, scalar)
}

// benchVxN is benchVx on n elements.
func benchVxN[T, R any](b *testing.B, name string, n int, gen func(int) T, loop bin1D[T, R], scalar bool) {
	x, y := make([]T, n), make([]T, n)
	for i := range x {
		x[i], y[i] = gen(i), gen(i+n)
	}
	d := make([]R, n)
	loop(n, d, 0, 1, x, 0, 1, y, 0, 1) // fault the pages in before timing
	bytes := int64(n) * int64(len(vxBytesOf(x))+len(vxBytesOf(d)))
	ys := 1
	if !scalar {
		bytes += int64(n) * int64(len(vxBytesOf(y)))
	} else {
		ys = 0
	}
	levels := simdLevels()
	for _, lv := range []simdLevel{levels[0], levels[len(levels)-1]} {
		label := "vector"
		if lv.name == "go" {
			label = "go"
		}
		b.Run(name+"/"+label, func(b *testing.B) {
			defer lv.set()()
			b.SetBytes(bytes)
			for b.Loop() {
				loop(n, d, 0, 1, x, 0, 1, y, 0, ys)
			}
		})
	}
}

// vxBytesOf is one element of s as bytes (for the element size).
func vxBytesOf[T any](s []T) []byte {
	return []byte(strings.Repeat("x", vxSize[T]()))
}

func vxSize[T any]() int {
	var z T
	switch any(z).(type) {
	case bool, int8, uint8:
		return 1
	case int16, uint16:
		return 2
	case int32, uint32, float32:
		return 4
	case complex128:
		return 16
	}
	return 8
}

func BenchmarkVxInt(b *testing.B) {
	benchVx(b, "int64/add", vxInt[int64], signedBinary[int64](Add), false)
	benchVx(b, "int64/add_scalar", vxInt[int64], signedBinary[int64](Add), true)
	benchVx(b, "int64/sub", vxInt[int64], signedBinary[int64](Subtract), false)
	benchVx(b, "int64/mul", vxInt[int64], signedBinary[int64](Multiply), false)
	benchVx(b, "int64/and", vxInt[int64], signedBinary[int64](BitwiseAnd), false)
	benchVx(b, "int64/max", vxInt[int64], signedBinary[int64](Maximum), false)
	benchVx(b, "uint64/min", vxInt[uint64], unsignedBinary[uint64](Minimum), false)
	benchVx(b, "int32/add", vxInt[int32], signedBinary[int32](Add), false)
	benchVx(b, "int32/mul", vxInt[int32], signedBinary[int32](Multiply), false)
	benchVx(b, "int32/min", vxInt[int32], signedBinary[int32](Minimum), false)
	benchVx(b, "int16/add", vxInt[int16], signedBinary[int16](Add), false)
	benchVx(b, "int16/mul", vxInt[int16], signedBinary[int16](Multiply), false)
	benchVx(b, "uint8/add", vxInt[uint8], unsignedBinary[uint8](Add), false)
	benchVx(b, "uint8/xor", vxInt[uint8], unsignedBinary[uint8](BitwiseXor), false)
	benchVx(b, "int8/max", vxInt[int8], signedBinary[int8](Maximum), false)
}

func BenchmarkVxCompare(b *testing.B) {
	benchVx(b, "float64/less", vxFloat[float64], orderedCompare[float64](Less), false)
	benchVx(b, "float64/less_scalar", vxFloat[float64], orderedCompare[float64](Less), true)
	benchVx(b, "float64/equal", vxFloat[float64], orderedCompare[float64](Equal), false)
	benchVx(b, "float32/less", vxFloat[float32], orderedCompare[float32](Less), false)
	benchVx(b, "int64/less", vxInt[int64], orderedCompare[int64](Less), false)
	benchVx(b, "int32/equal", vxInt[int32], orderedCompare[int32](Equal), false)
	benchVx(b, "uint64/greater_equal", vxInt[uint64], orderedCompare[uint64](GreaterEqual), false)
	benchVx(b, "int16/less", vxInt[int16], orderedCompare[int16](Less), false)
	benchVx(b, "uint8/greater_scalar", vxInt[uint8], orderedCompare[uint8](Greater), true)
}

func BenchmarkVxComplex(b *testing.B) {
	benchVx(b, "complex128/add", vxComplex[complex128], complexBinary[complex128](Add), false)
	benchVx(b, "complex128/mul", vxComplex[complex128], complexBinary[complex128](Multiply), false)
	benchVx(b, "complex128/mul_scalar", vxComplex[complex128], complexBinary[complex128](Multiply), true)
	benchVx(b, "complex64/mul", vxComplex[complex64], complexBinary[complex64](Multiply), false)
	benchVx(b, "complex64/sub", vxComplex[complex64], complexBinary[complex64](Subtract), false)
}

func BenchmarkVxCached(b *testing.B) {
	const n = 4096
	benchVxN(b, "int64/add", n, vxInt[int64], signedBinary[int64](Add), false)
	benchVxN(b, "int64/mul", n, vxInt[int64], signedBinary[int64](Multiply), false)
	benchVxN(b, "int32/max", n, vxInt[int32], signedBinary[int32](Maximum), false)
	benchVxN(b, "uint8/add", n, vxInt[uint8], unsignedBinary[uint8](Add), false)
	benchVxN(b, "float64/less", n, vxFloat[float64], orderedCompare[float64](Less), false)
	benchVxN(b, "float64/less_scalar", n, vxFloat[float64], orderedCompare[float64](Less), true)
	benchVxN(b, "int32/equal", n, vxInt[int32], orderedCompare[int32](Equal), false)
	benchVxN(b, "complex128/mul", n, vxComplex[complex128], complexBinary[complex128](Multiply), false)
	benchVxN(b, "complex64/mul", n, vxComplex[complex64], complexBinary[complex64](Multiply), false)
}
