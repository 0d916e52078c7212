package kernels

import (
	"math"
	"testing"
)

// Reductions over outer axes add whole rows (reduceRows); each result must
// equal the fold of its column in order, NaN included, for any cut.
func TestReduceRows(t *testing.T) {
	for _, shape := range [][]int{{3, 5}, {7, 300}, {1000, 9000}, {2, 3, 4100}} {
		n := 1
		for _, d := range shape {
			n *= d
		}
		src := make([]float64, n)
		for i := range src {
			src[i] = float64((i*7919)%1009) / 7
		}
		src[n/2] = math.NaN()
		strides := make([]int, len(shape))
		acc := 1
		for i := len(shape) - 1; i >= 0; i-- {
			strides[i] = acc
			acc *= shape[i]
		}
		last := shape[len(shape)-1]
		cols := n / shape[0]
		axes := make([]bool, len(shape))
		axes[0] = true
		if len(shape) == 3 {
			axes[1] = true
			cols = last
		}
		for _, op := range []ReduceOp{ReduceSum, ReduceMax, ReduceMin, ReduceProd} {
			dst := make([]float64, cols)
			dstStrides := make([]int, len(shape))
			dstStrides[len(shape)-1] = 1
			if len(shape) == 3 {
				dstStrides[1] = 0
			} else {
				dstStrides[0] = 0
			}
			if err := Reduce(op, shape, Operand{Data: src, Strides: strides}, axes, Operand{Data: dst, Strides: dstStrides}); err != nil {
				t.Fatal(err)
			}
			rows := n / cols
			for j := 0; j < cols; j++ {
				want := src[j]
				for r := 1; r < rows; r++ {
					x := src[r*cols+j]
					switch op {
					case ReduceSum:
						want += x
					case ReduceProd:
						want *= x
					case ReduceMax:
						want = nanMax(want, x)
					case ReduceMin:
						want = nanMin(want, x)
					}
				}
				if got := dst[j]; got != want && !(got != got && want != want) {
					t.Fatalf("%v over axis 0 of %v: column %d = %v, want %v", op, shape, j, got, want)
				}
			}
		}
	}
}
