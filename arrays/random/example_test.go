package random_test

import (
	"fmt"

	"workbench/arrays"
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

// Non-uniform distributions draw what NumPy's do, in the same order. The
// values in Output are those NumPy 1.24 prints for the same calls on
// numpy.random.default_rng(42).
func ExampleGenerator_Exponential() {
	rng := random.New(42)
	fmt.Println(rng.Exponential(2, 3).Float64s())  // rng.exponential(2.0, 3)
	fmt.Println(rng.Poisson(3.5, 5).Int64s())      // rng.poisson(3.5, 5)
	fmt.Println(rng.Binomial(10, 0.3, 5).Int64s()) // rng.binomial(10, 0.3, 5)
	fmt.Println(rng.Gamma(2, 1, 2).Float64s())     // rng.gamma(2.0, 1.0, 2)
	fmt.Println(rng.Beta(0.5, 0.5, 2).Float64s())  // rng.beta(0.5, 0.5, 2)
	// Output:
	// [4.808417207931989 4.672379311648907 4.76952199974851]
	// [5 6 2 6 1]
	// [2 4 4 6 2]
	// [0.8213721908776778 3.5903052019605837]
	// [0.814647234659238 0.7012879605898297]
}

// Choice and Shuffle, as rng.choice and rng.shuffle; NumPy 1.24 gives the
// same values for numpy.random.default_rng(7).
func ExampleGenerator_Choice() {
	rng := random.New(7)
	fmt.Println(rng.Choice(10, []int{3}, random.Replace(false)).Int64s()) // rng.choice(10, 3, replace=False)
	p := []float64{0.1, 0, 0.3, 0.6, 0}
	fmt.Println(rng.Choice(5, []int{4}, random.P(p)).Int64s()) // rng.choice(5, 4, p=p)
	x := arrays.Arange(6).Astype(arrays.Int64).Reshape(3, 2)
	rng.Shuffle(x) // rng.shuffle(x): the rows
	fmt.Println(x.Int64s())
	fmt.Println(rng.Choice([]float64{1.5, 2.5, 3.5}, []int{2}).Float64s()) // rng.choice([1.5, 2.5, 3.5], 2)
	// Output:
	// [7 5 6]
	// [2 2 3 0]
	// [0 1 4 5 2 3]
	// [1.5 3.5]
}

// With the Cholesky factor the draws are NumPy's to rounding (here to 6
// decimals, as NumPy 1.24 prints rng.multivariate_normal([0, 10],
// [[1, 0.5], [0.5, 2]], 2, method='cholesky') for default_rng(1)).
func ExampleGenerator_MultivariateNormal() {
	rng := random.New(1)
	cov := [][]float64{{1, 0.5}, {0.5, 2}}
	x := rng.MultivariateNormal([]float64{0, 10}, cov, []int{2}, random.Method("cholesky"))
	fmt.Println(x.Shape())
	v := x.Float64s()
	fmt.Printf("%.6f %.6f\n%.6f %.6f\n", v[0], v[1], v[2], v[3])
	// Output:
	// [2 2]
	// 0.345584 11.259691
	// 0.330437 8.441304
}
