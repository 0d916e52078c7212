package arrays_test

import (
	"fmt"

	"workbench/arrays"
)

func ExampleFlip() {
	x := arrays.Arange(6).Reshape(2, 3)
	fmt.Println(arrays.Flip(x, arrays.Axis(1)))
	fmt.Println(arrays.Flip(x))
	// Output:
	// [[2 1 0]
	//  [5 4 3]]
	// [[5 4 3]
	//  [2 1 0]]
}

func ExampleRoll() {
	x := arrays.Arange(6).Reshape(2, 3)
	fmt.Println(arrays.Roll(x, 1))
	fmt.Println(arrays.Roll(x, []int{1, -1}, arrays.Axis(0, 1)))
	// Output:
	// [[5 0 1]
	//  [2 3 4]]
	// [[4 5 3]
	//  [1 2 0]]
}

func ExampleSplit() {
	x := arrays.Arange(7)
	for _, part := range arrays.Split(x, []int{2, 5}) {
		fmt.Println(part)
	}
	for _, part := range arrays.ArraySplit(x, 3) {
		fmt.Println(part)
	}
	// Output:
	// [0 1]
	// [2 3 4]
	// [5 6]
	// [0 1 2]
	// [3 4]
	// [5 6]
}

func ExampleTile() {
	x := arrays.Asarray([]int{1, 2})
	fmt.Println(arrays.Tile(x, 2, 3))
	// Output:
	// [[1 2 1 2 1 2]
	//  [1 2 1 2 1 2]]
}

func ExampleRepeat() {
	x := arrays.Asarray([][]int{{1, 2}, {3, 4}})
	fmt.Println(arrays.Repeat(x, 2))
	fmt.Println(arrays.Repeat(x, []int{1, 2}, arrays.Axis(0)))
	// Output:
	// [1 1 2 2 3 3 4 4]
	// [[1 2]
	//  [3 4]
	//  [3 4]]
}

func ExampleBroadcastShapes() {
	fmt.Println(arrays.BroadcastShapes([]int{3, 1}, []int{4}))
	err := arrays.Maybe(func() { arrays.BroadcastShapes([]int{3}, []int{4}) })
	fmt.Println(err)
	// Output:
	// [3 4]
	// broadcast_shapes: shapes cannot be broadcast together (axis -1: 3 against 4): (3,) and (4,)
}

func ExampleMoveaxis() {
	x := arrays.Zeros(2, 3, 4)
	fmt.Println(arrays.Moveaxis(x, 0, -1).Shape())
	fmt.Println(arrays.Moveaxis(x, []int{0, 1}, []int{-1, -2}).Shape())
	// Output:
	// [3 4 2]
	// [4 3 2]
}

func ExampleMeshgrid() {
	x := arrays.Asarray([]float64{1, 2, 3})
	y := arrays.Asarray([]float64{10, 20})
	grids := arrays.Meshgrid([]*arrays.Array{x, y})
	fmt.Println(grids[0])
	fmt.Println(grids[1])
	ij := arrays.Meshgrid([]*arrays.Array{x, y}, arrays.Indexing("ij"))
	fmt.Println(ij[0].Shape())
	// Output:
	// [[1. 2. 3.]
	//  [1. 2. 3.]]
	// [[10. 10. 10.]
	//  [20. 20. 20.]]
	// [3 2]
}

func ExampleTril() {
	x := arrays.Ones(3, 3, arrays.Dtype(arrays.Int64))
	fmt.Println(arrays.Tril(x))
	fmt.Println(arrays.Triu(x, 1))
	// Output:
	// [[1 0 0]
	//  [1 1 0]
	//  [1 1 1]]
	// [[0 1 1]
	//  [0 0 1]
	//  [0 0 0]]
}

func ExamplePad() {
	x := arrays.Asarray([]int{1, 2, 3})
	fmt.Println(arrays.Pad(x, 2))
	fmt.Println(arrays.Pad(x, []int{1, 2}, arrays.ConstantValues(9)))
	for _, mode := range []string{"edge", "reflect", "symmetric", "wrap", "linear_ramp", "mean"} {
		fmt.Println(mode, arrays.Pad(x, 2, arrays.PadMode(mode)))
	}
	// Output:
	// [0 0 1 2 3 0 0]
	// [9 1 2 3 9 9]
	// edge [1 1 1 2 3 3 3]
	// reflect [3 2 1 2 3 2 1]
	// symmetric [2 1 1 2 3 3 2]
	// wrap [2 3 1 2 3 1 2]
	// linear_ramp [0 0 1 2 3 1 0]
	// mean [2 2 1 2 3 2 2]
}

func ExamplePad_matrix() {
	x := arrays.Asarray([][]float64{{1, 2}, {3, 4}})
	fmt.Println(arrays.Pad(x, [][2]int{{1, 0}, {0, 2}}, arrays.PadMode("edge")))
	// Output:
	// [[1. 2. 2. 2.]
	//  [1. 2. 2. 2.]
	//  [3. 4. 4. 4.]]
}

func ExampleInfo() {
	info := arrays.Info()
	fmt.Println(info.DefaultDtypes()["real floating"], info.DefaultDtypes()["indexing"])
	fmt.Println(len(info.Dtypes()), len(info.Dtypes("integral")), len(info.Dtypes("real floating", "complex floating")))
	fmt.Println(info.Capabilities()["boolean indexing"], info.Capabilities()["max dimensions"])
	fmt.Println(info.DefaultDevice().Name())
	// Output:
	// float64 int64
	// 13 8 4
	// true <nil>
	// cpu
}

func Example_constants() {
	x := arrays.Asarray([]float32{0, 0.5, 1})
	fmt.Println(x.Mul(arrays.Pi).DType())
	y := arrays.Asarray([]float64{1, arrays.NaN, arrays.Inf})
	fmt.Println(arrays.IsNaN(y), arrays.IsInf(y))
	fmt.Println(x.Index(arrays.Newaxis, arrays.Ellipsis).Shape())
	fmt.Printf("%.4f\n", arrays.E)
	// Output:
	// float32
	// [False  True False] [False False  True]
	// [1 3]
	// 2.7183
}
