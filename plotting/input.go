package plotting

import (
	"fmt"

	"workbench/arrays"
)

// floats turns an input into float64 values: an *arrays.Array of any real
// dtype (flattened in C order) or a Go slice of numbers. nil gives nil.
func floats(op, what string, v any) []float64 {
	switch s := v.(type) {
	case nil:
		return nil
	case []float64:
		return s
	case *arrays.Array:
		if s == nil {
			return nil
		}
		if s.DType().IsComplex() {
			panic(errorf(op, "%s is complex (%v); plot its Real, Imag or Abs", what, s.DType()))
		}
		return s.Float64s()
	}
	var out []float64
	err := arrays.Maybe(func() {
		a := arrays.Asarray(v)
		if a.DType().IsComplex() {
			panic(errorf(op, "%s is complex (%v); plot its Real, Imag or Abs", what, a.DType()))
		}
		out = a.Float64s()
	})
	if err != nil {
		if pe, ok := err.(*Error); ok {
			panic(pe)
		}
		panic(errorf(op, "%s: want an array or a slice of numbers, got %T (%v)", what, v, err))
	}
	return out
}

// matrix turns a 2-d input into rows of float64 values.
func matrix(op, what string, v any) (rows, cols int, data []float64) {
	a, ok := v.(*arrays.Array)
	if !ok {
		err := arrays.Maybe(func() { a = arrays.Asarray(v) })
		if err != nil {
			panic(errorf(op, "%s: want a 2-d array or nested slices, got %T (%v)", what, v, err))
		}
	}
	if a.Ndim() != 2 {
		panic(errorf(op, "%s must be 2-d, got shape %v", what, a.Shape()))
	}
	shp := a.Shape()
	return shp[0], shp[1], floats(op, what, a)
}

// xy resolves the x and y inputs of a series: x may be nil (0, 1, 2, ...);
// otherwise the lengths must match.
func xy(op string, x, y any) (xs, ys []float64) {
	ys = floats(op, "y", y)
	if x == nil {
		xs = make([]float64, len(ys))
		for i := range xs {
			xs[i] = float64(i)
		}
		return xs, ys
	}
	xs = floats(op, "x", x)
	if len(xs) != len(ys) {
		panic(errorf(op, "x has %d values, y has %d", len(xs), len(ys)))
	}
	return xs, ys
}

func sameLen(op string, names []string, vals ...[]float64) {
	for i := 1; i < len(vals); i++ {
		if len(vals[i]) != len(vals[0]) {
			panic(&Error{Op: op, Msg: fmt.Sprintf("%s has %d values, %s has %d", names[0], len(vals[0]), names[i], len(vals[i]))})
		}
	}
}
