package arrays_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"workbench/arrays"
)

// Save writes a .npy file that NumPy's np.load reads, and Load reads it
// back; a transposed array keeps its Fortran order.
func ExampleSave() {
	dir, err := os.MkdirTemp("", "npy-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)

	x := arrays.Arange(6).Reshape(2, 3).T()
	path := filepath.Join(dir, "x.npy")
	if err := arrays.Save(path, x); err != nil {
		fmt.Println(err)
		return
	}
	y, err := arrays.Load(path)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(y.DType(), y.Shape(), y.Strides())
	fmt.Println(y)

	if err := arrays.SaveZ(filepath.Join(dir, "xy.npz"), map[string]*arrays.Array{"x": x, "y": y.Mul(2)}); err != nil {
		fmt.Println(err)
		return
	}
	z, err := arrays.LoadZ(filepath.Join(dir, "xy.npz"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(z), z["y"].Index("-1"))

	_, err = arrays.Load(filepath.Join(dir, "missing.npy"))
	fmt.Println(errors.Is(err, fs.ErrNotExist))
	// Output:
	// int64 [3 2] [1 3]
	// [[0 3]
	//  [1 4]
	//  [2 5]]
	// 2 [ 4 10]
	// true
}
