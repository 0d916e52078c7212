package dtype

import "fmt"

// DType is the element type of an array.
type DType uint8

// The element types. The zero value is Invalid so that a forgotten dtype is
// caught. Float128 (IEEE binary128) is reserved for a later release: it has a
// name and a size, but no device computes with it yet.
const (
	Invalid DType = iota
	Bool
	Int8
	Int16
	Int32
	Int64
	Uint8
	Uint16
	Uint32
	Uint64
	Float32
	Float64
	Complex64
	Complex128
	Float128
	numDTypes
)

// Kind groups dtypes the way the array API standard does.
type Kind uint8

// The kinds, from the lowest to the highest in promotion order.
const (
	KindInvalid Kind = iota
	KindBool
	KindSignedInt
	KindUnsignedInt
	KindFloat
	KindComplex
)

var info = [numDTypes]struct {
	name string
	size int
	kind Kind
}{
	Invalid:    {"invalid", 0, KindInvalid},
	Bool:       {"bool", 1, KindBool},
	Int8:       {"int8", 1, KindSignedInt},
	Int16:      {"int16", 2, KindSignedInt},
	Int32:      {"int32", 4, KindSignedInt},
	Int64:      {"int64", 8, KindSignedInt},
	Uint8:      {"uint8", 1, KindUnsignedInt},
	Uint16:     {"uint16", 2, KindUnsignedInt},
	Uint32:     {"uint32", 4, KindUnsignedInt},
	Uint64:     {"uint64", 8, KindUnsignedInt},
	Float32:    {"float32", 4, KindFloat},
	Float64:    {"float64", 8, KindFloat},
	Complex64:  {"complex64", 8, KindComplex},
	Complex128: {"complex128", 16, KindComplex},
	Float128:   {"float128", 16, KindFloat},
}

// All lists the dtypes that arrays compute with today, in promotion order
// within each kind.
var All = []DType{Bool, Int8, Int16, Int32, Int64, Uint8, Uint16, Uint32, Uint64,
	Float32, Float64, Complex64, Complex128}

// String returns the NumPy name of the dtype, such as "float64".
func (d DType) String() string {
	if d >= numDTypes {
		return fmt.Sprintf("dtype(%d)", uint8(d))
	}
	return info[d].name
}

// Size is the number of bytes of one element.
func (d DType) Size() int {
	if d >= numDTypes {
		return 0
	}
	return info[d].size
}

// Kind is the dtype's kind.
func (d DType) Kind() Kind {
	if d >= numDTypes {
		return KindInvalid
	}
	return info[d].kind
}

// Valid reports whether d names an element type that arrays compute with.
func (d DType) Valid() bool { return d > Invalid && d < Float128 }

// IsBool reports whether d is Bool.
func (d DType) IsBool() bool { return d == Bool }

// IsInteger reports whether d is a signed or unsigned integer type.
func (d DType) IsInteger() bool {
	k := d.Kind()
	return k == KindSignedInt || k == KindUnsignedInt
}

// IsSigned reports whether d is a signed integer type.
func (d DType) IsSigned() bool { return d.Kind() == KindSignedInt }

// IsUnsigned reports whether d is an unsigned integer type.
func (d DType) IsUnsigned() bool { return d.Kind() == KindUnsignedInt }

// IsFloat reports whether d is a real floating-point type.
func (d DType) IsFloat() bool { return d.Kind() == KindFloat }

// IsComplex reports whether d is a complex type.
func (d DType) IsComplex() bool { return d.Kind() == KindComplex }

// IsNumeric reports whether d is anything but Bool.
func (d DType) IsNumeric() bool { return d.Valid() && d != Bool }

// IsInexact reports whether d is a float or complex type.
func (d DType) IsInexact() bool { return d.IsFloat() || d.IsComplex() }

// Bits is the number of bits of one element (of each part, for complex).
func (d DType) Bits() int {
	if d.IsComplex() {
		return d.Size() * 4
	}
	return d.Size() * 8
}

// RealOf is the real dtype matching d: float32 for complex64, float64 for
// complex128, d itself otherwise.
func (d DType) RealOf() DType {
	switch d {
	case Complex64:
		return Float32
	case Complex128:
		return Float64
	}
	return d
}

// ComplexOf is the complex dtype matching a float dtype: complex64 for
// float32, complex128 for float64 (and for every integer type).
func (d DType) ComplexOf() DType {
	switch d {
	case Float32, Complex64:
		return Complex64
	}
	return Complex128
}

// Parse returns the dtype named s ("float64", "f8", "int", "complex", ...).
func Parse(s string) (DType, error) {
	switch s {
	case "bool", "?", "b1":
		return Bool, nil
	case "int8", "i1":
		return Int8, nil
	case "int16", "i2":
		return Int16, nil
	case "int32", "i4":
		return Int32, nil
	case "int64", "i8", "int":
		return Int64, nil
	case "uint8", "u1":
		return Uint8, nil
	case "uint16", "u2":
		return Uint16, nil
	case "uint32", "u4":
		return Uint32, nil
	case "uint64", "u8", "uint":
		return Uint64, nil
	case "float32", "f4":
		return Float32, nil
	case "float64", "f8", "float":
		return Float64, nil
	case "complex64", "c8":
		return Complex64, nil
	case "complex128", "c16", "complex":
		return Complex128, nil
	case "float128", "f16":
		return Float128, nil
	}
	return Invalid, fmt.Errorf("dtype: unknown dtype %q", s)
}

// Default dtypes, as the array API standard's inspection API reports them.
const (
	DefaultInt     = Int64
	DefaultFloat   = Float64
	DefaultComplex = Complex128
	DefaultIndex   = Int64
)
