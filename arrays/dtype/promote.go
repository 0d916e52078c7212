package dtype

import "fmt"

// PromotionError says that two dtypes have no common type.
type PromotionError struct{ A, B DType }

func (e *PromotionError) Error() string {
	return fmt.Sprintf("dtype: no common dtype for %v and %v", e.A, e.B)
}

// Promote returns the dtype that a binary operation on arrays of dtypes a and
// b computes in. It follows the Python array API standard's promotion table;
// where the standard leaves a pair open (bool with numbers, signed with
// unsigned 64-bit, integers with floats), it does what NumPy 2 does.
func Promote(a, b DType) (DType, error) {
	if !a.Valid() || !b.Valid() {
		return Invalid, &PromotionError{a, b}
	}
	if a == b {
		return a, nil
	}
	ka, kb := a.Kind(), b.Kind()
	if ka > kb || (ka == kb && a > b) {
		a, b, ka, kb = b, a, kb, ka
	}
	// Now ka <= kb, and within a kind a < b (so a.Size() <= b.Size()).
	switch {
	case ka == KindBool:
		return b, nil
	case ka == kb:
		if a.Size() >= b.Size() {
			return a, nil
		}
		return b, nil
	case ka == KindSignedInt && kb == KindUnsignedInt:
		if b.Size() < a.Size() {
			return a, nil
		}
		switch b {
		case Uint8:
			return Int16, nil
		case Uint16:
			return Int32, nil
		case Uint32:
			return Int64, nil
		}
		return Float64, nil // uint64 with a signed integer, as NumPy does.
	case a.IsInteger() && kb == KindFloat:
		return higher(intFloat(a), b), nil
	case a.IsInteger() && kb == KindComplex:
		return higher(intFloat(a).ComplexOf(), b), nil
	case ka == KindFloat && kb == KindComplex:
		return higher(a.ComplexOf(), b), nil
	}
	return Invalid, &PromotionError{a, b}
}

// intFloat is the smallest float dtype that holds every value of integer
// dtype d exactly, or float64 where none does (NumPy's rule without float16).
func intFloat(d DType) DType {
	if d.Size() <= 2 {
		return Float32
	}
	return Float64
}

// higher returns whichever of two dtypes of the same kind is larger.
func higher(a, b DType) DType {
	if a.Size() >= b.Size() {
		return a
	}
	return b
}

// ResultOf promotes any number of dtypes, left to right.
func ResultOf(ds ...DType) (DType, error) {
	if len(ds) == 0 {
		return Invalid, fmt.Errorf("dtype: no dtypes to promote")
	}
	r := ds[0]
	for _, d := range ds[1:] {
		var err error
		if r, err = Promote(r, d); err != nil {
			return Invalid, err
		}
	}
	return r, nil
}

// ScalarKind is the kind of a Go number mixed with an array: only its kind
// matters, never its size (a weak scalar).
type ScalarKind uint8

// The kinds of weak scalars.
const (
	ScalarBool ScalarKind = iota + 1
	ScalarInt
	ScalarFloat
	ScalarComplex
)

// WithScalar returns the dtype of an operation between an array of dtype d
// and a weak scalar of kind k: the array's dtype where the scalar's kind fits
// it, otherwise the default dtype of the scalar's kind (complex64 for a
// complex scalar with float32), as NEP 50 and the standard say.
func WithScalar(d DType, k ScalarKind) DType {
	switch k {
	case ScalarBool:
		return d
	case ScalarInt:
		if d == Bool {
			return DefaultInt
		}
		return d
	case ScalarFloat:
		if d.IsInexact() {
			return d
		}
		return DefaultFloat
	case ScalarComplex:
		switch {
		case d.IsComplex():
			return d
		case d == Float32:
			return Complex64
		}
		return DefaultComplex
	}
	return Invalid
}
