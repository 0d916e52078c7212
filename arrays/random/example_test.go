package random_test

import (
	"fmt"

	"workbench/arrays/random"
)

// New(42) draws what numpy.random.default_rng(42) draws.
func Example() {
	rng := random.New(42)
	x := rng.Random(3) // rng.random(3)
	fmt.Println(x.Shape(), x.DType())
	fmt.Println(x.Float64s())
	// Output:
	// [3] float64
	// [0.7739560485559633 0.4388784397520523 0.8585979199113825]
}

// The scalar core: one draw per call, in the order NumPy draws them.
func ExampleGenerator_Float64() {
	rng := random.New(42)
	fmt.Println(rng.Float64())                    // rng.random()
	fmt.Println(rng.NormFloat64())                // rng.standard_normal()
	fmt.Println(rng.Int64n(1, 7))                 // rng.integers(1, 7)
	fmt.Println(rng.Integers(0, 100, 5).Int64s()) // rng.integers(0, 100, size=5)
	fmt.Println(rng.Permutation(5).Int64s())      // rng.permutation(5)
	// Output:
	// 0.7739560485559633
	// -1.0399841062404955
	// 3
	// [85 8 69 20 9]
	// [0 2 3 1 4]
}
