package arrays

import (
	"math"
	"reflect"

	"workbench/arrays/dtype"
)

// scalarKind returns the kind of a Go number, or 0 when v is not one.
func scalarKind(v any) dtype.ScalarKind {
	switch v.(type) {
	case bool:
		return dtype.ScalarBool
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, uintptr:
		return dtype.ScalarInt
	case float32, float64:
		return dtype.ScalarFloat
	case complex64, complex128:
		return dtype.ScalarComplex
	}
	return 0
}

// goDType is the dtype of a Go value's own type: float64 for float64, int64
// for int, and so on.
func goDType(v any) DType {
	switch v.(type) {
	case bool:
		return Bool
	case int8:
		return Int8
	case int16:
		return Int16
	case int32:
		return Int32
	case int, int64:
		return Int64
	case uint8:
		return Uint8
	case uint16:
		return Uint16
	case uint32:
		return Uint32
	case uint, uint64, uintptr:
		return Uint64
	case float32:
		return Float32
	case float64:
		return Float64
	case complex64:
		return Complex64
	case complex128:
		return Complex128
	}
	return dtype.Invalid
}

// scalarArray returns a 0-d array of dtype dt holding the Go number v. For
// an integer dtype, an integer v outside its range is an error (NumPy 2
// raises OverflowError), and so is a non-integer value.
func scalarArray(op string, v any, dt DType) *Array {
	a := alloc(nil, dt, nil)
	setHost(op, a.buf.(interface{ Data() any }).Data(), 0, v, dt)
	return a
}

// setHost stores Go number v into element i of the typed slice data.
func setHost(op string, data any, i int, v any, dt DType) {
	rv := reflect.ValueOf(v)
	var (
		iv     int64
		uv     uint64
		fv     float64
		cv     complex128
		isInt  bool
		isUint bool
	)
	switch rv.Kind() {
	case reflect.Bool:
		if rv.Bool() {
			iv, uv, fv, cv = 1, 1, 1, 1
		}
		isInt = true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		iv = rv.Int()
		uv, fv, cv = uint64(iv), float64(iv), complex(float64(iv), 0)
		isInt = true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		uv = rv.Uint()
		iv, fv, cv = int64(uv), float64(uv), complex(float64(uv), 0)
		isUint = true
	case reflect.Float32, reflect.Float64:
		fv = rv.Float()
		iv, uv, cv = int64(fv), uint64(int64(fv)), complex(fv, 0)
		if fv >= 0 && fv < math.MaxUint64 {
			uv = uint64(fv)
		}
	case reflect.Complex64, reflect.Complex128:
		cv = rv.Complex()
		fv = real(cv)
		iv, uv = int64(fv), uint64(int64(fv))
	default:
		panic(valueErr(op, "%T is not a number", v))
	}
	if dt.IsInteger() {
		if !isInt && !isUint {
			panic(valueErr(op, "%v is not an integer, so it cannot be a %v", v, dt))
		}
		if !fitsInt(iv, uv, isUint, dt) {
			panic(valueErr(op, "Go integer %v is out of bounds for %v", v, dt))
		}
	}
	switch s := data.(type) {
	case []bool:
		s[i] = cv != 0
	case []int8:
		s[i] = int8(iv)
	case []int16:
		s[i] = int16(iv)
	case []int32:
		s[i] = int32(iv)
	case []int64:
		s[i] = iv
	case []uint8:
		s[i] = uint8(uv)
	case []uint16:
		s[i] = uint16(uv)
	case []uint32:
		s[i] = uint32(uv)
	case []uint64:
		s[i] = uv
	case []float32:
		s[i] = float32(fv)
	case []float64:
		s[i] = fv
	case []complex64:
		s[i] = complex64(cv)
	case []complex128:
		s[i] = cv
	default:
		panic(valueErr(op, "cannot store into %T", data))
	}
}

func fitsInt(iv int64, uv uint64, isUint bool, dt DType) bool {
	if isUint {
		switch dt {
		case Uint64:
			return true
		case Int64:
			return uv <= math.MaxInt64
		}
		iv = int64(uv)
		if uv > math.MaxInt64 {
			return false
		}
	}
	lo, hi := intRange(dt)
	if dt == Uint64 {
		return iv >= 0
	}
	return iv >= lo && iv <= hi
}

func intRange(dt DType) (lo, hi int64) {
	switch dt {
	case Int8:
		return math.MinInt8, math.MaxInt8
	case Int16:
		return math.MinInt16, math.MaxInt16
	case Int32:
		return math.MinInt32, math.MaxInt32
	case Int64:
		return math.MinInt64, math.MaxInt64
	case Uint8:
		return 0, math.MaxUint8
	case Uint16:
		return 0, math.MaxUint16
	case Uint32:
		return 0, math.MaxUint32
	}
	return 0, math.MaxInt64
}

// operandFor turns value, an array or a Go number, into an array. A Go number
// becomes a 0-d array of like's dtype (or of its own default dtype when it
// does not fit like's kind).
func operandFor(op string, value any, like *Array) *Array {
	if a, ok := value.(*Array); ok {
		if a == nil {
			panic(valueErr(op, "nil array"))
		}
		return a
	}
	if k := scalarKind(value); k != 0 {
		dt := dtype.WithScalar(like.dt, k)
		if like.dt.IsInteger() && k == dtype.ScalarInt {
			dt = like.dt
		}
		return scalarArray(op, value, dt).To(like.Device())
	}
	return Asarray(value)
}

// binaryOperands resolves the two operands of a binary operation to arrays
// of one dtype, following the promotion rules with weak Go scalars.
func binaryOperands(op string, x, y any) (a, b *Array, dt DType) {
	xa, xIsArr := x.(*Array)
	ya, yIsArr := y.(*Array)
	kx, ky := scalarKind(x), scalarKind(y)
	switch {
	case xIsArr && yIsArr:
		if xa == nil || ya == nil {
			panic(valueErr(op, "nil array"))
		}
		d, err := dtype.Promote(xa.dt, ya.dt)
		if err != nil {
			panic(dtypeErr(op, "no common dtype for", xa.dt, ya.dt))
		}
		return xa, ya, d
	case xIsArr && ky != 0:
		dt = dtype.WithScalar(xa.dt, ky)
		return xa, scalarArray(op, y, dt).To(xa.Device()), dt
	case yIsArr && kx != 0:
		dt = dtype.WithScalar(ya.dt, kx)
		return scalarArray(op, x, dt).To(ya.Device()), ya, dt
	}
	if !xIsArr {
		xa = Asarray(x)
	}
	if !yIsArr {
		ya = Asarray(y)
	}
	return binaryOperands(op, xa, ya)
}
