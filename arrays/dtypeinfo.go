package arrays

import (
	"fmt"
	"math"
	"slices"
)

// FloatInfo describes a floating-point dtype, as the standard's finfo.
type FloatInfo struct {
	Bits           int     // bits of the real floating-point type
	Eps            float64 // the difference between 1 and the next larger number
	Max            float64 // the largest finite number
	Min            float64 // the smallest (most negative) finite number
	SmallestNormal float64 // the smallest positive normal number
	Dtype          DType   // the real floating-point dtype described (Float32 for Complex64)
}

// IntInfo describes an integer dtype, as the standard's iinfo. Max is a
// uint64 so that it holds the largest uint64.
type IntInfo struct {
	Bits  int
	Min   int64
	Max   uint64
	Dtype DType
}

// dtypeOf reads a dtype argument: a DType or an array's dtype.
func dtypeOf(op string, t any) DType {
	switch v := t.(type) {
	case DType:
		return v
	case *Array:
		return v.dt
	}
	panic(valueErr(op, "want a dtype or an array, got %T", t))
}

// Finfo describes the floating-point dtype of t (a DType or an *Array);
// a complex dtype is described by its real part's dtype.
func Finfo(t any) FloatInfo {
	d := dtypeOf("finfo", t)
	switch d {
	case Float32, Complex64:
		return FloatInfo{Bits: 32, Eps: 0x1p-23, Max: math.MaxFloat32, Min: -math.MaxFloat32,
			SmallestNormal: 0x1p-126, Dtype: Float32}
	case Float64, Complex128:
		return FloatInfo{Bits: 64, Eps: 0x1p-52, Max: math.MaxFloat64, Min: -math.MaxFloat64,
			SmallestNormal: 0x1p-1022, Dtype: Float64}
	}
	panic(dtypeErr("finfo", "not a floating-point dtype", d))
}

// Iinfo describes the integer dtype of t (a DType or an *Array).
func Iinfo(t any) IntInfo {
	d := dtypeOf("iinfo", t)
	if !d.IsInteger() {
		panic(dtypeErr("iinfo", "not an integer dtype", d))
	}
	bits := d.Bits()
	if d.IsUnsigned() {
		return IntInfo{Bits: bits, Min: 0, Max: math.MaxUint64 >> (64 - bits), Dtype: d}
	}
	return IntInfo{Bits: bits, Min: math.MinInt64 >> (64 - bits), Max: math.MaxInt64 >> (64 - bits), Dtype: d}
}

// Isdtype reports whether d is of kind, as the standard's isdtype: kind is
// a DType, one of the names "bool", "signed integer", "unsigned integer",
// "integral", "real floating", "complex floating" and "numeric", or a
// []any or []string of those (true when any matches).
func Isdtype(d DType, kind any) bool {
	switch k := kind.(type) {
	case DType:
		return d == k
	case []any:
		for _, x := range k {
			if Isdtype(d, x) {
				return true
			}
		}
		return false
	case []string:
		for _, x := range k {
			if Isdtype(d, x) {
				return true
			}
		}
		return false
	case string:
		test, ok := dtypeKinds[k]
		if !ok {
			names := make([]string, 0, len(dtypeKinds))
			for n := range dtypeKinds {
				names = append(names, n)
			}
			slices.Sort(names)
			panic(valueErr("isdtype", "unknown kind %q (want one of %q)", k, names))
		}
		return test(d)
	}
	panic(valueErr("isdtype", "kind must be a dtype, a kind name or a list of them, got %s", fmt.Sprintf("%T", kind)))
}
