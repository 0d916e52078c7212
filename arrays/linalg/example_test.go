package linalg_test

import (
	"errors"
	"fmt"
	"math"

	"workbench/arrays"
	"workbench/arrays/linalg"
)

func Example() {
	a := arrays.Asarray([][]float64{{3, 1}, {1, 2}})
	b := arrays.Asarray([]float64{9, 8})
	x := linalg.Solve(a, b)
	fmt.Println(x)
	fmt.Println(arrays.Matmul(a, x))
	fmt.Printf("%.4f\n", linalg.Det(a).Float())
	// Output:
	// [2. 3.]
	// [9. 8.]
	// 5.0000
}

func ExampleInv() {
	a := arrays.Asarray([][]float64{{4, 7}, {2, 6}})
	fmt.Println(arrays.Round(linalg.Inv(a).Mul(10)))
	// A singular matrix in a stack: the error names the function, the
	// reason and the matrix.
	stack := arrays.Asarray([][][]float64{{{1, 0}, {0, 1}}, {{1, 2}, {2, 4}}})
	err := arrays.Maybe(func() { linalg.Inv(stack) })
	fmt.Println(err)
	fmt.Println(errors.Is(err, linalg.ErrSingular))
	// Output:
	// [[ 6. -7.]
	//  [-2.  4.]]
	// linalg.Inv: singular matrix (the matrix at index [1] of the stack)
	// true
}

func ExampleEigh() {
	a := arrays.Asarray([][]float64{{2, 1}, {1, 2}})
	w, v := linalg.Eigh(a)
	fmt.Println(w)
	// a·v = v·diag(w)
	fmt.Println(arrays.Round(arrays.Matmul(a, v).Sub(v.Mul(w)).Mul(1e12)).Abs())
	// Output:
	// [1. 3.]
	// [[0. 0.]
	//  [0. 0.]]
}

func ExampleEig() {
	// A rotation by 90 degrees has the eigenvalues ±i.
	a := arrays.Asarray([][]float64{{0, -1}, {1, 0}})
	fmt.Println(linalg.Eigvals(a))
	// Output:
	// [0.+1.j 0.-1.j]
}

func ExampleSvd() {
	a := arrays.Asarray([][]float64{{3, 0}, {0, -4}, {0, 0}})
	u, s, vh := linalg.Svd(a, linalg.FullMatrices(false))
	fmt.Println(u.Shape(), s, vh.Shape())
	fmt.Println(linalg.MatrixRank(a))
	// Output:
	// [3 2] [4. 3.] [2 2]
	// 2
}

func ExampleQr() {
	a := arrays.Asarray([][]float64{{1, 2}, {3, 4}, {5, 6}})
	q, r := linalg.Qr(a)
	fmt.Println(q.Shape(), r.Shape())
	fmt.Println(arrays.Round(arrays.Matmul(q, r)))
	_, r = linalg.Qr(a, linalg.Mode("r"))
	fmt.Println(r.Shape())
	// Output:
	// [3 2] [2 2]
	// [[1. 2.]
	//  [3. 4.]
	//  [5. 6.]]
	// [2 2]
}

func ExampleCholesky() {
	a := arrays.Asarray([][]float64{{4, 2}, {2, 5}})
	fmt.Println(linalg.Cholesky(a))
	fmt.Println(linalg.Cholesky(a, linalg.Upper()))
	err := arrays.Maybe(func() { linalg.Cholesky(arrays.Asarray([][]float64{{1, 2}, {2, 1}})) })
	fmt.Println(err)
	// Output:
	// [[2. 0.]
	//  [1. 2.]]
	// [[2. 1.]
	//  [0. 2.]]
	// linalg.Cholesky: matrix is not positive definite
}

func ExampleLstsq() {
	// The line through (0, 1), (1, 3), (2, 5) is y = 1 + 2x.
	a := arrays.Asarray([][]float64{{1, 0}, {1, 1}, {1, 2}})
	b := arrays.Asarray([]float64{1, 3, 5})
	x, residuals, rank, _ := linalg.Lstsq(a, b)
	fmt.Println(arrays.Round(x.Mul(1e6)).Div(1e6), residuals.Float() < 1e-20, rank)
	// Output:
	// [1. 2.] true 2
}

func ExampleVectorNorm() {
	x := arrays.Asarray([][]float64{{3, -4}, {0, 1}})
	fmt.Println(linalg.VectorNorm(x))
	fmt.Println(linalg.VectorNorm(x, linalg.Axis(1), linalg.Ord(1)))
	fmt.Println(linalg.VectorNorm(x, linalg.Ord(math.Inf(1))))
	fmt.Println(linalg.MatrixNorm(x, linalg.Ord(1)))
	// Output:
	// 5.0990195135927845
	// [7. 1.]
	// 4.0
	// 5.0
}

func ExampleCross() {
	x := arrays.Asarray([]float64{1, 0, 0})
	y := arrays.Asarray([][]float64{{0, 1, 0}, {0, 0, 1}})
	fmt.Println(linalg.Cross(x, y))
	// Output:
	// [[ 0.  0.  1.]
	//  [ 0. -1.  0.]]
}

func ExampleTrace() {
	x := arrays.Arange(9).Reshape(3, 3)
	fmt.Println(linalg.Diagonal(x), linalg.Trace(x), linalg.Trace(x, linalg.Offset(1)))
	fmt.Println(linalg.MatrixPower(arrays.Asarray([][]int64{{1, 1}, {1, 0}}), 10))
	// Output:
	// [0 4 8] 12 6
	// [[89 55]
	//  [55 34]]
}
