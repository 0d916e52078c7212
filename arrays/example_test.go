package arrays_test

import (
	"fmt"
	"math"

	"workbench/arrays"
)

func Example() {
	x := arrays.Linspace(0, math.Pi, 5)
	y := arrays.Sin(x).Mul(2)
	fmt.Println(arrays.Round(y))
	fmt.Println(arrays.Sum(y).Float() > 4)
	// Output:
	// [0. 1. 2. 1. 0.]
	// true
}

func ExampleArray_Index() {
	x := arrays.Arange(12).Reshape(3, 4)
	fmt.Println(x.Index("1:, ::2"))
	fmt.Println(x.Index(-1, arrays.Slice().WithStep(-1)))
	x.SetIndex(0, "..., 0")
	fmt.Println(x)
	// Output:
	// [[ 4  6]
	//  [ 8 10]]
	// [11 10  9  8]
	// [[ 0  1  2  3]
	//  [ 0  5  6  7]
	//  [ 0  9 10 11]]
}

func ExampleSum() {
	x := arrays.Asarray([][]float64{{1, 2, 3}, {4, 5, 6}})
	fmt.Println(arrays.Sum(x))
	fmt.Println(arrays.Sum(x, arrays.Axis(0)))
	fmt.Println(arrays.Mean(x, arrays.Axis(1), arrays.Keepdims()))
	fmt.Println(arrays.Std(x, arrays.Correction(1)).Float())
	// Output:
	// 21.0
	// [5. 7. 9.]
	// [[2.]
	//  [5.]]
	// 1.8708286933869707
}

func ExampleAdd_broadcasting() {
	col := arrays.Arange(3).Reshape(3, 1)
	row := arrays.Asarray([]float32{0.5, 1.5})
	sum := arrays.Add(col, row)
	fmt.Println(sum.DType(), sum.Shape())
	fmt.Println(sum)
	// Output:
	// float64 [3 2]
	// [[0.5 1.5]
	//  [1.5 2.5]
	//  [2.5 3.5]]
}

func ExampleArray_Mul_weakScalar() {
	x := arrays.Ones(3, arrays.Dtype(arrays.Float32))
	fmt.Println(x.Mul(2).DType(), x.Mul(2.5).DType(), x.Add(1i).DType())
	// Output:
	// float32 float32 complex64
}

func ExampleMaybe() {
	err := arrays.Maybe(func() {
		arrays.Add(arrays.Zeros(2, 3), arrays.Zeros(4))
	})
	fmt.Println(err)
	// Output:
	// add: operands could not be broadcast together with shapes: (2, 3) and (4,)
}
