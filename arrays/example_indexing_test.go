package arrays_test

import (
	"fmt"

	"workbench/arrays"
)

// Integer arrays pick elements by position; several of them broadcast
// together and pick one element per position of their broadcast shape.
func ExampleArray_Index_integerArrays() {
	x := arrays.Arange(12).Reshape(3, 4)
	fmt.Println(x.Index([]int{2, 0}))                  // rows 2 and 0
	fmt.Println(x.Index("[0, 2], [1, 3]"))             // x[0, 1] and x[2, 3]
	fmt.Println(x.Index(arrays.Slice(), []int{-1, 0})) // columns -1 and 0
	// Output:
	// [[ 8  9 10 11]
	//  [ 0  1  2  3]]
	// [ 1 11]
	// [[ 3  0]
	//  [ 7  4]
	//  [11  8]]
}

// A boolean mask selects the elements where it is true, in C order.
func ExampleArray_Index_mask() {
	x := arrays.Asarray([][]float64{{1, -2, 3}, {-4, 5, -6}})
	fmt.Println(x.Index(arrays.Greater(x, 0)))
	fmt.Println(x.Index([]bool{false, true}, "1:")) // a mask on one axis
	// Output:
	// [1. 3. 5.]
	// [[ 5. -6.]]
}

// The advanced dimensions stand in place of the axes they index when the
// advanced indices are next to each other, and go first when a slice
// separates them, as in NumPy.
func ExampleArray_Index_placement() {
	x := arrays.Zeros([]int{2, 3, 4, 5})
	fmt.Println(x.Index(":, [0, 1], [0, 1], :").Shape())
	fmt.Println(x.Index(":, [0, 1], :, [0, 1]").Shape())
	fmt.Println(x.Index(0, ":", ":", []int{0, 1}).Shape()) // an int counts as an advanced index
	// Output:
	// [2 2 5]
	// [2 2 4]
	// [2 3 4]
}

// Assignment with advanced indices scatters the value, broadcast to the
// selected shape; where an index repeats, the last value stays.
func ExampleArray_SetIndex_advanced() {
	x := arrays.Arange(-3, 4)
	x.SetIndex(0, arrays.Less(x, 0))
	fmt.Println(x)
	x.SetIndex([]int{10, 20, 30}, []int{6, 6, 0})
	fmt.Println(x)
	// Output:
	// [0 0 0 0 1 2 3]
	// [30  0  0  0  1  2 20]
}

func ExampleTake() {
	x := arrays.Asarray([][]int{{1, 2, 3}, {4, 5, 6}})
	fmt.Println(arrays.Take(x, []int{0, 5}))                    // from the flattened x
	fmt.Println(arrays.Take(x, []int{2, 2, 0}, arrays.Axis(1))) // along axis 1
	fmt.Println(arrays.Take(x, []int{3, -4}, arrays.IndexMode("wrap")))
	// Output:
	// [1 6]
	// [[3 3 1]
	//  [6 6 4]]
	// [4 3]
}

func ExampleTakeAlongAxis() {
	x := arrays.Asarray([][]float64{{3, 1, 2}, {0, 5, 4}})
	fmt.Println(arrays.TakeAlongAxis(x, arrays.Argsort(x, arrays.Axis(1)), 1))
	fmt.Println(arrays.TakeAlongAxis(x, arrays.Argmax(x, arrays.Axis(1), arrays.Keepdims()), 1))
	// Output:
	// [[1. 2. 3.]
	//  [0. 4. 5.]]
	// [[3.]
	//  [5.]]
}

func ExamplePut() {
	x := arrays.Zeros([]int{2, 3}, arrays.Dtype(arrays.Int64))
	arrays.Put(x, []int{0, 2, 4, 5}, []int{7, 8}) // values repeat
	fmt.Println(x)
	// Output:
	// [[7 0 8]
	//  [0 7 8]]
}

func ExampleCompress() {
	x := arrays.Asarray([][]int{{1, 2}, {3, 4}, {5, 6}})
	fmt.Println(arrays.Compress([]bool{false, true, true}, x, arrays.Axis(0)))
	fmt.Println(arrays.Compress([]bool{false, true}, x, arrays.Axis(1)))
	// Output:
	// [[3 4]
	//  [5 6]]
	// [[2]
	//  [4]
	//  [6]]
}

func ExampleExtract() {
	x := arrays.Arange(6).Reshape(2, 3)
	fmt.Println(arrays.Extract(arrays.Equal(arrays.Remainder(x, 2), 0), x))
	// Output:
	// [0 2 4]
}
