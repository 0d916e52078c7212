package arrays

import "math"

// The constants of the array API standard. E and Pi are Go constants; Inf
// and NaN are float64 variables (Go has no constant for them). All of them
// act as weak scalars: x.Mul(arrays.Pi) keeps a float32 x float32, and
// Full(arrays.NaN, 3) is float64.
const (
	// E is Euler's number, the base of natural logarithms (2.718281828...).
	E = math.E
	// Pi is the ratio of a circle's circumference to its diameter (3.14159...).
	Pi = math.Pi
)

var (
	// Inf is positive infinity; -Inf is negative infinity.
	Inf = math.Inf(1)
	// NaN is a quiet IEEE 754 Not a Number. Like every NaN it is unequal to
	// everything, itself included: test for it with IsNaN (or math.IsNaN).
	NaN = math.NaN()
)

// Newaxis is the standard's name for NewAxis: as an index it inserts an
// axis of length 1, as NumPy's None or np.newaxis does.
const Newaxis = NewAxis
