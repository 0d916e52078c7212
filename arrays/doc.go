// Package arrays is Workbench's n-dimensional array engine.
//
// Its names and meanings follow the Python array API standard in Go's
// CamelCase (Asarray, Zeros, Linspace, Expm1, CumulativeSum, ...), and NumPy
// where the standard is silent, so that someone who knows NumPy can guess
// them:
//
//	x := arrays.Linspace(0, 2*math.Pi, 1000)
//	y := arrays.Sin(x).Mul(2)
//	s := arrays.Sum(y, arrays.Axis(0), arrays.Keepdims())
//
// An Array is a strided view of a buffer that belongs to a device (the CPU,
// or a GPU); views from slicing, transposing, reshaping contiguous data and
// broadcasting share memory. Every operation asks the array's device to run
// it. x.To(devices.GPU()) moves an array to the GPU and x.To(devices.CPU())
// back; operations on arrays of two devices are a *DeviceError. What a
// device does not implement (and what only the CPU implements: sorting,
// indexing with arrays, sets, ...) runs on the CPU on a copy, after a
// notice (SetNotice), and the result goes back to the array's device.
//
// Binary operations take arrays or plain Go numbers. A Go number is a weak
// scalar: only its kind (bool, integer, float, complex) matters, so
// x.Mul(2) keeps x's dtype. Arrays of different dtypes promote by the
// standard's table.
//
// Misuse panics with a typed error (*ShapeError, *DTypeError, *IndexError,
// *ValueError, *DeviceError) that names the shapes or dtypes involved;
// Maybe turns such a panic back into an error. Functions that read or write
// files return errors.
package arrays
