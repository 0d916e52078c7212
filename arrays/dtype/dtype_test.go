package dtype

//go:generate /usr/bin/python3 testdata/generate.py

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
)

// promotionTable is testdata/promotion.json, written by testdata/generate.py
// from NumPy 1.24 (numpy.array_api for the pairs the array API standard
// defines, numpy.result_type for the rest).
type promotionTable struct {
	NumPy  string                       `json:"numpy_version"`
	DTypes []string                     `json:"dtypes"`
	Table  map[string]map[string]string `json:"table"`
}

func loadPromotion(t *testing.T) promotionTable {
	t.Helper()
	b, err := os.ReadFile("testdata/promotion.json")
	if err != nil {
		t.Fatal(err)
	}
	var p promotionTable
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatalf("testdata/promotion.json: %v", err)
	}
	return p
}

func TestPromoteMatchesNumPy(t *testing.T) {
	p := loadPromotion(t)
	if len(p.DTypes) != len(All) {
		t.Fatalf("promotion.json has %d dtypes, All has %d", len(p.DTypes), len(All))
	}
	checked := 0
	for _, an := range p.DTypes {
		for _, bn := range p.DTypes {
			a, err := Parse(an)
			if err != nil {
				t.Fatal(err)
			}
			b, err := Parse(bn)
			if err != nil {
				t.Fatal(err)
			}
			want, err := Parse(p.Table[an][bn])
			if err != nil {
				t.Fatalf("table entry %s, %s: %v", an, bn, err)
			}
			got, err := Promote(a, b)
			if err != nil {
				t.Errorf("Promote(%v, %v): unexpected error %v", a, b, err)
				continue
			}
			if got != want {
				t.Errorf("Promote(%v, %v) = %v, NumPy %s says %v", a, b, got, p.NumPy, want)
			}
			checked++
		}
	}
	if checked != 169 {
		t.Errorf("checked %d pairs, want 169", checked)
	}
}

func TestPromoteSymmetricAndIdempotent(t *testing.T) {
	for _, a := range All {
		if got, err := Promote(a, a); err != nil || got != a {
			t.Errorf("Promote(%v, %v) = %v, %v; want %v", a, a, got, err, a)
		}
		for _, b := range All {
			ab, err1 := Promote(a, b)
			ba, err2 := Promote(b, a)
			if err1 != nil || err2 != nil || ab != ba {
				t.Errorf("Promote(%v, %v) = %v, %v but Promote(%v, %v) = %v, %v", a, b, ab, err1, b, a, ba, err2)
			}
		}
	}
}

func TestPromoteInvalid(t *testing.T) {
	for _, tc := range []struct{ a, b DType }{
		{Invalid, Float64}, {Float64, Invalid}, {Invalid, Invalid},
		{Float128, Float64}, {Int8, Float128}, {Float128, Float128}, {DType(200), Int8},
	} {
		got, err := Promote(tc.a, tc.b)
		var pe *PromotionError
		if !errors.As(err, &pe) {
			t.Errorf("Promote(%v, %v) = %v, %v; want a *PromotionError", tc.a, tc.b, got, err)
			continue
		}
		if got != Invalid {
			t.Errorf("Promote(%v, %v) returned %v with its error, want invalid", tc.a, tc.b, got)
		}
		if msg := err.Error(); !strings.Contains(msg, tc.a.String()) || !strings.Contains(msg, tc.b.String()) {
			t.Errorf("error %q does not name both %v and %v", msg, tc.a, tc.b)
		}
	}
}

func TestResultOf(t *testing.T) {
	for _, tc := range []struct {
		in      []DType
		want    DType
		wantErr bool
	}{
		{[]DType{Int8}, Int8, false},
		{[]DType{Int8, Uint8}, Int16, false},
		{[]DType{Int8, Uint8, Float32}, Float32, false},
		{[]DType{Bool, Uint16, Int32, Complex64}, Complex128, false},
		{[]DType{Int64, Uint64}, Float64, false},
		{nil, Invalid, true},
		{[]DType{Int8, Invalid}, Invalid, true},
	} {
		got, err := ResultOf(tc.in...)
		if (err != nil) != tc.wantErr || got != tc.want {
			t.Errorf("ResultOf(%v) = %v, %v; want %v, error %v", tc.in, got, err, tc.want, tc.wantErr)
		}
	}
}

// TestWithScalar checks the weak-scalar rule of NEP 50 ("Promotion rules for
// Python scalars", https://numpy.org/neps/nep-0050-scalar-promotion.html),
// which the array API standard adopts: a Python bool, int, float or complex
// mixed with an array takes the array's dtype when its kind is no higher than
// the array's kind; otherwise the result is the default dtype of the scalar's
// kind (int64, float64, complex128), except that a complex scalar with a
// float32 array gives complex64 (the complex type of the same precision).
// Examples from NEP 50: uint8(1) + 2 -> uint8, float32(3) + 3.0 -> float32,
// int8 array + 1.0 -> float64, array(True) + 1 -> int64.
func TestWithScalar(t *testing.T) {
	// Columns: bool, int, float, complex scalar.
	want := map[DType][4]DType{
		Bool:       {Bool, Int64, Float64, Complex128},
		Int8:       {Int8, Int8, Float64, Complex128},
		Int16:      {Int16, Int16, Float64, Complex128},
		Int32:      {Int32, Int32, Float64, Complex128},
		Int64:      {Int64, Int64, Float64, Complex128},
		Uint8:      {Uint8, Uint8, Float64, Complex128},
		Uint16:     {Uint16, Uint16, Float64, Complex128},
		Uint32:     {Uint32, Uint32, Float64, Complex128},
		Uint64:     {Uint64, Uint64, Float64, Complex128},
		Float32:    {Float32, Float32, Float32, Complex64},
		Float64:    {Float64, Float64, Float64, Complex128},
		Complex64:  {Complex64, Complex64, Complex64, Complex64},
		Complex128: {Complex128, Complex128, Complex128, Complex128},
	}
	if len(want) != len(All) {
		t.Fatalf("table covers %d dtypes, All has %d", len(want), len(All))
	}
	kinds := [4]ScalarKind{ScalarBool, ScalarInt, ScalarFloat, ScalarComplex}
	kindNames := [4]string{"bool", "int", "float", "complex"}
	for _, d := range All {
		for i, k := range kinds {
			if got := WithScalar(d, k); got != want[d][i] {
				t.Errorf("WithScalar(%v, %s scalar) = %v, want %v", d, kindNames[i], got, want[d][i])
			}
		}
	}
	if got := WithScalar(Float64, ScalarKind(0)); got != Invalid {
		t.Errorf("WithScalar(float64, ScalarKind(0)) = %v, want invalid", got)
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want DType
	}{
		{"bool", Bool}, {"?", Bool}, {"b1", Bool},
		{"int8", Int8}, {"i1", Int8},
		{"int16", Int16}, {"i2", Int16},
		{"int32", Int32}, {"i4", Int32},
		{"int64", Int64}, {"i8", Int64}, {"int", Int64},
		{"uint8", Uint8}, {"u1", Uint8},
		{"uint16", Uint16}, {"u2", Uint16},
		{"uint32", Uint32}, {"u4", Uint32},
		{"uint64", Uint64}, {"u8", Uint64}, {"uint", Uint64},
		{"float32", Float32}, {"f4", Float32},
		{"float64", Float64}, {"f8", Float64}, {"float", Float64},
		{"complex64", Complex64}, {"c8", Complex64},
		{"complex128", Complex128}, {"c16", Complex128}, {"complex", Complex128},
		{"float128", Float128}, {"f16", Float128},
	} {
		got, err := Parse(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("Parse(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	// Every dtype's String parses back to itself.
	for d := Bool; d < numDTypes; d++ {
		if got, err := Parse(d.String()); err != nil || got != d {
			t.Errorf("Parse(%v.String()) = %v, %v", d, got, err)
		}
	}
	for _, bad := range []string{"", "float16", "Float64", "int 8", "double", "invalid", "f2", " int8"} {
		got, err := Parse(bad)
		if err == nil || got != Invalid {
			t.Errorf("Parse(%q) = %v, %v; want invalid and an error", bad, got, err)
			continue
		}
		if !strings.Contains(err.Error(), "unknown dtype") || !strings.Contains(err.Error(), `"`+bad+`"`) {
			t.Errorf("Parse(%q) error %q should say unknown dtype and quote the name", bad, err)
		}
	}
}

func TestProperties(t *testing.T) {
	for _, tc := range []struct {
		d         DType
		name      string
		size      int
		kind      Kind
		bits      int
		real, cpx DType
	}{
		{Invalid, "invalid", 0, KindInvalid, 0, Invalid, Complex128},
		{Bool, "bool", 1, KindBool, 8, Bool, Complex128},
		{Int8, "int8", 1, KindSignedInt, 8, Int8, Complex128},
		{Int16, "int16", 2, KindSignedInt, 16, Int16, Complex128},
		{Int32, "int32", 4, KindSignedInt, 32, Int32, Complex128},
		{Int64, "int64", 8, KindSignedInt, 64, Int64, Complex128},
		{Uint8, "uint8", 1, KindUnsignedInt, 8, Uint8, Complex128},
		{Uint16, "uint16", 2, KindUnsignedInt, 16, Uint16, Complex128},
		{Uint32, "uint32", 4, KindUnsignedInt, 32, Uint32, Complex128},
		{Uint64, "uint64", 8, KindUnsignedInt, 64, Uint64, Complex128},
		{Float32, "float32", 4, KindFloat, 32, Float32, Complex64},
		{Float64, "float64", 8, KindFloat, 64, Float64, Complex128},
		{Complex64, "complex64", 8, KindComplex, 32, Float32, Complex64},
		{Complex128, "complex128", 16, KindComplex, 64, Float64, Complex128},
		{Float128, "float128", 16, KindFloat, 128, Float128, Complex128},
		{DType(200), "dtype(200)", 0, KindInvalid, 0, DType(200), Complex128},
	} {
		if got := tc.d.String(); got != tc.name {
			t.Errorf("DType(%d).String() = %q, want %q", uint8(tc.d), got, tc.name)
		}
		if got := tc.d.Size(); got != tc.size {
			t.Errorf("%v.Size() = %d, want %d", tc.d, got, tc.size)
		}
		if got := tc.d.Kind(); got != tc.kind {
			t.Errorf("%v.Kind() = %d, want %d", tc.d, got, tc.kind)
		}
		if got := tc.d.Bits(); got != tc.bits {
			t.Errorf("%v.Bits() = %d, want %d", tc.d, got, tc.bits)
		}
		if got := tc.d.RealOf(); got != tc.real {
			t.Errorf("%v.RealOf() = %v, want %v", tc.d, got, tc.real)
		}
		if got := tc.d.ComplexOf(); got != tc.cpx {
			t.Errorf("%v.ComplexOf() = %v, want %v", tc.d, got, tc.cpx)
		}
	}
}

func TestPredicates(t *testing.T) {
	type preds struct{ valid, isBool, integer, signed, unsigned, float, cpx, numeric, inexact bool }
	for _, tc := range []struct {
		d    DType
		want preds
	}{
		{Invalid, preds{}},
		{Bool, preds{valid: true, isBool: true}},
		{Int32, preds{valid: true, integer: true, signed: true, numeric: true}},
		{Uint16, preds{valid: true, integer: true, unsigned: true, numeric: true}},
		{Float32, preds{valid: true, float: true, numeric: true, inexact: true}},
		{Complex128, preds{valid: true, cpx: true, numeric: true, inexact: true}},
		{Float128, preds{float: true, inexact: true}}, // named but not computed with
	} {
		d := tc.d
		got := preds{d.Valid(), d.IsBool(), d.IsInteger(), d.IsSigned(), d.IsUnsigned(),
			d.IsFloat(), d.IsComplex(), d.IsNumeric(), d.IsInexact()}
		if got != tc.want {
			t.Errorf("%v predicates = %+v, want %+v", d, got, tc.want)
		}
	}
	for _, d := range All {
		if !d.Valid() {
			t.Errorf("All holds %v, which is not Valid", d)
		}
	}
}

func TestDefaults(t *testing.T) {
	if DefaultInt != Int64 || DefaultFloat != Float64 || DefaultComplex != Complex128 || DefaultIndex != Int64 {
		t.Errorf("defaults = %v %v %v %v; want int64 float64 complex128 int64",
			DefaultInt, DefaultFloat, DefaultComplex, DefaultIndex)
	}
}
