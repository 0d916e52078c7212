package arrays

import (
	"errors"
	"testing"
)

// The values are NumPy 1.24's np.finfo and np.iinfo (printed with repr).
func TestFinfoMatchesNumPy(t *testing.T) {
	for _, c := range []struct {
		d    DType
		want FloatInfo
	}{
		{Float32, FloatInfo{32, 1.1920928955078125e-07, 3.4028234663852886e+38, -3.4028234663852886e+38, 1.1754943508222875e-38, Float32}},
		{Float64, FloatInfo{64, 2.220446049250313e-16, 1.7976931348623157e+308, -1.7976931348623157e+308, 2.2250738585072014e-308, Float64}},
		{Complex64, FloatInfo{32, 1.1920928955078125e-07, 3.4028234663852886e+38, -3.4028234663852886e+38, 1.1754943508222875e-38, Float32}},
		{Complex128, FloatInfo{64, 2.220446049250313e-16, 1.7976931348623157e+308, -1.7976931348623157e+308, 2.2250738585072014e-308, Float64}},
	} {
		if got := Finfo(c.d); got != c.want {
			t.Errorf("Finfo(%v) = %+v, NumPy %+v", c.d, got, c.want)
		}
		if got := Finfo(Zeros(2, Dtype(c.d))); got != c.want {
			t.Errorf("Finfo(array of %v) = %+v, NumPy %+v", c.d, got, c.want)
		}
	}
}

func TestIinfoMatchesNumPy(t *testing.T) {
	for _, c := range []IntInfo{
		{8, -128, 127, Int8}, {16, -32768, 32767, Int16}, {32, -2147483648, 2147483647, Int32},
		{64, -9223372036854775808, 9223372036854775807, Int64}, {8, 0, 255, Uint8}, {16, 0, 65535, Uint16},
		{32, 0, 4294967295, Uint32}, {64, 0, 18446744073709551615, Uint64},
	} {
		if got := Iinfo(c.Dtype); got != c {
			t.Errorf("Iinfo(%v) = %+v, NumPy %+v", c.Dtype, got, c)
		}
	}
}

func TestIsdtype(t *testing.T) {
	kinds := []string{"bool", "signed integer", "unsigned integer", "integral", "real floating", "complex floating", "numeric"}
	// want[d] lists the kinds d is of (the standard's table).
	want := map[DType][]bool{
		Bool:       {true, false, false, false, false, false, false},
		Int8:       {false, true, false, true, false, false, true},
		Int64:      {false, true, false, true, false, false, true},
		Uint16:     {false, false, true, true, false, false, true},
		Uint64:     {false, false, true, true, false, false, true},
		Float32:    {false, false, false, false, true, false, true},
		Float64:    {false, false, false, false, true, false, true},
		Complex64:  {false, false, false, false, false, true, true},
		Complex128: {false, false, false, false, false, true, true},
	}
	for d, w := range want {
		for i, k := range kinds {
			if got := Isdtype(d, k); got != w[i] {
				t.Errorf("Isdtype(%v, %q) = %v, want %v", d, k, got, w[i])
			}
		}
	}
	if !Isdtype(Int32, Int32) || Isdtype(Int32, Int64) {
		t.Error("Isdtype with a dtype kind compares dtypes")
	}
	if !Isdtype(Float32, []any{"integral", Float32}) || Isdtype(Bool, []string{"numeric", "real floating"}) {
		t.Error("Isdtype with a list is true when any kind matches")
	}
	for _, f := range []func(){
		func() { Isdtype(Int8, "integer") },
		func() { Isdtype(Int8, 3) },
		func() { Finfo(Int32) },
		func() { Iinfo(Float64) },
		func() { Finfo("float64") },
	} {
		func() {
			defer func() {
				r := recover()
				var ve *ValueError
				var de *DTypeError
				if err, ok := r.(error); !ok || !(errors.As(err, &ve) || errors.As(err, &de)) {
					t.Errorf("want a ValueError or DTypeError panic, got %v", r)
				}
			}()
			f()
		}()
	}
}
