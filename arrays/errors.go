package arrays

import (
	"fmt"
	"strings"

	"workbench/arrays/dtype"
	"workbench/arrays/shape"
	"workbench/kernels"
)

// ShapeError says that shapes do not fit together; it names them.
type ShapeError = shape.Error

// DTypeError says that an operation is not defined for the dtypes given.
type DTypeError struct {
	Op     string
	DTypes []DType
	Msg    string
}

func (e *DTypeError) Error() string {
	names := make([]string, len(e.DTypes))
	for i, d := range e.DTypes {
		names[i] = d.String()
	}
	msg := e.Msg
	if msg == "" {
		msg = "not defined for this dtype"
	}
	return fmt.Sprintf("%s: %s: %s", e.Op, msg, strings.Join(names, " and "))
}

// IndexError says that an index is out of range or malformed.
type IndexError struct {
	Msg string
}

func (e *IndexError) Error() string { return "index: " + e.Msg }

// ValueError says that an argument has a bad value.
type ValueError struct {
	Op  string
	Msg string
}

func (e *ValueError) Error() string { return e.Op + ": " + e.Msg }

// DeviceError says that arrays live on different devices, or that a device
// is absent or cannot run an operation.
type DeviceError struct {
	Op  string
	Msg string
	Err error
}

func (e *DeviceError) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Op, e.Msg, e.Err)
	}
	return e.Op + ": " + e.Msg
}

func (e *DeviceError) Unwrap() error { return e.Err }

// Maybe runs fn and returns the error of a panic raised by this package
// (or any panic whose value is an error), or nil. Other panics propagate.
func Maybe(fn func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = e
				return
			}
			panic(r)
		}
	}()
	fn()
	return nil
}

func shapeErr(op, msg string, shapes ...[]int) *ShapeError {
	ss := make([]shape.Shape, len(shapes))
	for i, s := range shapes {
		ss[i] = shape.Shape(s).Clone()
	}
	return &ShapeError{Op: op, Shapes: ss, Msg: msg}
}

func dtypeErr(op, msg string, dts ...dtype.DType) *DTypeError {
	return &DTypeError{Op: op, DTypes: dts, Msg: msg}
}

func valueErr(op, format string, args ...any) *ValueError {
	return &ValueError{Op: op, Msg: fmt.Sprintf(format, args...)}
}

// run calls a device operation and checks its error. A kernel that finds a
// bad value only while computing (an integer to a negative power) panics
// with a *kernels.OpError; run turns that into a *ValueError.
func run(op string, fn func() error) {
	defer func() {
		if r := recover(); r != nil {
			if ke, ok := r.(*kernels.OpError); ok {
				panic(&ValueError{Op: op, Msg: "not defined for " + ke.Type})
			}
			panic(r)
		}
	}()
	check(op, fn())
}

// check panics with err unless it is nil, wrapping kernel and device errors
// so that the message names the operation.
func check(op string, err error) {
	if err == nil {
		return
	}
	switch err.(type) {
	case *ShapeError, *DTypeError, *IndexError, *ValueError, *DeviceError:
		panic(err)
	}
	panic(&DeviceError{Op: op, Msg: "the device failed", Err: err})
}
