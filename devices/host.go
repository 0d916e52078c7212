package devices

import (
	"fmt"

	"workbench/arrays/dtype"
)

// DTypeOf returns the dtype of a typed Go slice such as []float64, or
// dtype.Invalid for anything else.
func DTypeOf(data any) dtype.DType {
	switch data.(type) {
	case []bool:
		return dtype.Bool
	case []int8:
		return dtype.Int8
	case []int16:
		return dtype.Int16
	case []int32:
		return dtype.Int32
	case []int64:
		return dtype.Int64
	case []uint8:
		return dtype.Uint8
	case []uint16:
		return dtype.Uint16
	case []uint32:
		return dtype.Uint32
	case []uint64:
		return dtype.Uint64
	case []float32:
		return dtype.Float32
	case []float64:
		return dtype.Float64
	case []complex64:
		return dtype.Complex64
	case []complex128:
		return dtype.Complex128
	}
	return dtype.Invalid
}

// MakeSlice returns a zeroed typed Go slice of n elements of dtype dt.
func MakeSlice(dt dtype.DType, n int) (any, error) {
	switch dt {
	case dtype.Bool:
		return make([]bool, n), nil
	case dtype.Int8:
		return make([]int8, n), nil
	case dtype.Int16:
		return make([]int16, n), nil
	case dtype.Int32:
		return make([]int32, n), nil
	case dtype.Int64:
		return make([]int64, n), nil
	case dtype.Uint8:
		return make([]uint8, n), nil
	case dtype.Uint16:
		return make([]uint16, n), nil
	case dtype.Uint32:
		return make([]uint32, n), nil
	case dtype.Uint64:
		return make([]uint64, n), nil
	case dtype.Float32:
		return make([]float32, n), nil
	case dtype.Float64:
		return make([]float64, n), nil
	case dtype.Complex64:
		return make([]complex64, n), nil
	case dtype.Complex128:
		return make([]complex128, n), nil
	}
	return nil, fmt.Errorf("devices: no storage for dtype %v", dt)
}

// SliceLen returns the length of a typed Go slice.
func SliceLen(data any) int {
	switch s := data.(type) {
	case []bool:
		return len(s)
	case []int8:
		return len(s)
	case []int16:
		return len(s)
	case []int32:
		return len(s)
	case []int64:
		return len(s)
	case []uint8:
		return len(s)
	case []uint16:
		return len(s)
	case []uint32:
		return len(s)
	case []uint64:
		return len(s)
	case []float32:
		return len(s)
	case []float64:
		return len(s)
	case []complex64:
		return len(s)
	case []complex128:
		return len(s)
	}
	return -1
}
