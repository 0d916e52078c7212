package arrays

import "workbench/arrays/dtype"

// DType is the element type of an array (see package dtype).
type DType = dtype.DType

// The dtypes, so that cells can write arrays.Float32.
const (
	Bool       = dtype.Bool
	Int8       = dtype.Int8
	Int16      = dtype.Int16
	Int32      = dtype.Int32
	Int64      = dtype.Int64
	Uint8      = dtype.Uint8
	Uint16     = dtype.Uint16
	Uint32     = dtype.Uint32
	Uint64     = dtype.Uint64
	Float32    = dtype.Float32
	Float64    = dtype.Float64
	Complex64  = dtype.Complex64
	Complex128 = dtype.Complex128
)

// ResultType returns the dtype that arrays and dtypes given promote to, by
// the array API standard's table. Arguments may be *Array or DType.
func ResultType(args ...any) DType {
	var ds []DType
	for _, a := range args {
		switch v := a.(type) {
		case *Array:
			ds = append(ds, v.dt)
		case DType:
			ds = append(ds, v)
		default:
			panic(valueErr("result_type", "want arrays or dtypes, got %T", a))
		}
	}
	r, err := dtype.ResultOf(ds...)
	if err != nil {
		panic(dtypeErr("result_type", "no common dtype", ds...))
	}
	return r
}

// CanCast reports whether values of dtype from convert to dtype to without
// loss under the standard's promotion rules (Promote(from, to) == to).
func CanCast(from, to DType) bool {
	r, err := dtype.Promote(from, to)
	return err == nil && r == to
}
