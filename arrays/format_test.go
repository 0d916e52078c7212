package arrays

//go:generate /usr/bin/python3 testdata/format/generate.py

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strconv"
	"testing"

	"workbench/arrays/dtype"
)

// formatCase is one array from testdata/format/cases.json with NumPy 1.24's
// str() and repr() of it.
type formatCase struct {
	Name   string `json:"name"`
	DType  string `json:"dtype"`
	Shape  []int  `json:"shape"`
	Data   []any  `json:"data"`
	Arange *struct {
		Start float64 `json:"start"`
		Step  float64 `json:"step"`
	} `json:"arange"`
	Tile *struct {
		Base  []any   `json:"base"`
		Patch [][]any `json:"patch"`
	} `json:"tile"`
	Str  string `json:"str"`
	Repr string `json:"repr"`
}

func formatLoadCases(t *testing.T) []formatCase {
	t.Helper()
	raw, err := os.ReadFile("testdata/format/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		NumPy string       `json:"numpy"`
		Cases []formatCase `json:"cases"`
	}
	if err := json.Unmarshal(raw, &file); err != nil {
		t.Fatal(err)
	}
	if len(file.Cases) == 0 {
		t.Fatal("no cases in testdata/format/cases.json")
	}
	return file.Cases
}

// formatCaseElems expands a case's elements to their JSON values in C order.
func formatCaseElems(c *formatCase, n int) ([]any, error) {
	switch {
	case c.Data != nil:
		if len(c.Data) != n {
			return nil, fmt.Errorf("%d elements for shape %v", len(c.Data), c.Shape)
		}
		return c.Data, nil
	case c.Tile != nil:
		if len(c.Tile.Base) == 0 {
			return nil, fmt.Errorf("empty tile base")
		}
		out := make([]any, n)
		for i := range out {
			out[i] = c.Tile.Base[i%len(c.Tile.Base)]
		}
		for _, p := range c.Tile.Patch {
			if len(p) != 2 {
				return nil, fmt.Errorf("bad patch %v", p)
			}
			idx, ok := p[0].(float64)
			if !ok || int(idx) < 0 || int(idx) >= n {
				return nil, fmt.Errorf("bad patch index %v", p[0])
			}
			out[int(idx)] = p[1]
		}
		return out, nil
	}
	return nil, fmt.Errorf("no data")
}

func formatParseFloat(v any) (float64, error) {
	s, ok := v.(string)
	if !ok {
		return 0, fmt.Errorf("float element %v is not a string", v)
	}
	return strconv.ParseFloat(s, 64)
}

func formatParseComplex(v any) (complex128, error) {
	pair, ok := v.([]any)
	if !ok || len(pair) != 2 {
		return 0, fmt.Errorf("complex element %v is not a pair", v)
	}
	re, err := formatParseFloat(pair[0])
	if err != nil {
		return 0, err
	}
	im, err := formatParseFloat(pair[1])
	if err != nil {
		return 0, err
	}
	return complex(re, im), nil
}

// formatCaseData builds the typed Go slice for a case.
func formatCaseData(c *formatCase) (dtype.DType, any, error) {
	dt, err := dtype.Parse(c.DType)
	if err != nil {
		return 0, nil, err
	}
	n := formatSize(c.Shape)
	if c.Arange != nil {
		// (np.arange(n, dtype=float64) * step + start).astype(dtype)
		vals := make([]float64, n)
		for i := range vals {
			vals[i] = float64(float64(i)*c.Arange.Step) + c.Arange.Start
		}
		switch dt {
		case dtype.Float64:
			return dt, vals, nil
		case dtype.Float32:
			out := make([]float32, n)
			for i, v := range vals {
				out[i] = float32(v)
			}
			return dt, out, nil
		case dtype.Int64:
			return dt, formatConvertInts(vals, func(v int64) int64 { return v }), nil
		case dtype.Int32:
			return dt, formatConvertInts(vals, func(v int64) int32 { return int32(v) }), nil
		case dtype.Uint8:
			return dt, formatConvertInts(vals, func(v int64) uint8 { return uint8(v) }), nil
		}
		return 0, nil, fmt.Errorf("arange for %v not supported", dt)
	}
	elems, err := formatCaseElems(c, n)
	if err != nil {
		return 0, nil, err
	}
	switch dt {
	case dtype.Bool:
		out := make([]bool, n)
		for i, v := range elems {
			b, ok := v.(bool)
			if !ok {
				return 0, nil, fmt.Errorf("bool element %v", v)
			}
			out[i] = b
		}
		return dt, out, nil
	case dtype.Int8:
		return formatParseInts[int8](dt, elems, 8)
	case dtype.Int16:
		return formatParseInts[int16](dt, elems, 16)
	case dtype.Int32:
		return formatParseInts[int32](dt, elems, 32)
	case dtype.Int64:
		return formatParseInts[int64](dt, elems, 64)
	case dtype.Uint8:
		return formatParseUints[uint8](dt, elems, 8)
	case dtype.Uint16:
		return formatParseUints[uint16](dt, elems, 16)
	case dtype.Uint32:
		return formatParseUints[uint32](dt, elems, 32)
	case dtype.Uint64:
		return formatParseUints[uint64](dt, elems, 64)
	case dtype.Float32, dtype.Float64:
		vals := make([]float64, n)
		for i, v := range elems {
			if vals[i], err = formatParseFloat(v); err != nil {
				return 0, nil, err
			}
		}
		if dt == dtype.Float64 {
			return dt, vals, nil
		}
		out := make([]float32, n)
		for i, v := range vals {
			out[i] = float32(v)
		}
		return dt, out, nil
	case dtype.Complex64, dtype.Complex128:
		vals := make([]complex128, n)
		for i, v := range elems {
			if vals[i], err = formatParseComplex(v); err != nil {
				return 0, nil, err
			}
		}
		if dt == dtype.Complex128 {
			return dt, vals, nil
		}
		out := make([]complex64, n)
		for i, v := range vals {
			out[i] = complex64(v)
		}
		return dt, out, nil
	}
	return 0, nil, fmt.Errorf("dtype %v not supported", dt)
}

func formatConvertInts[T any](vals []float64, conv func(int64) T) []T {
	out := make([]T, len(vals))
	for i, v := range vals {
		out[i] = conv(int64(v))
	}
	return out
}

func formatParseInts[T int8 | int16 | int32 | int64](dt dtype.DType, elems []any, bits int) (dtype.DType, any, error) {
	out := make([]T, len(elems))
	for i, v := range elems {
		s, ok := v.(string)
		if !ok {
			return 0, nil, fmt.Errorf("integer element %v is not a string", v)
		}
		x, err := strconv.ParseInt(s, 10, bits)
		if err != nil {
			return 0, nil, err
		}
		out[i] = T(x)
	}
	return dt, out, nil
}

func formatParseUints[T uint8 | uint16 | uint32 | uint64](dt dtype.DType, elems []any, bits int) (dtype.DType, any, error) {
	out := make([]T, len(elems))
	for i, v := range elems {
		s, ok := v.(string)
		if !ok {
			return 0, nil, fmt.Errorf("integer element %v is not a string", v)
		}
		x, err := strconv.ParseUint(s, 10, bits)
		if err != nil {
			return 0, nil, err
		}
		out[i] = T(x)
	}
	return dt, out, nil
}

// TestFormatNumPy compares formatArray and formatArrayRepr with the str()
// and repr() NumPy 1.24 gave for the same arrays.
func TestFormatNumPy(t *testing.T) {
	cases := formatLoadCases(t)
	seen := map[dtype.DType]bool{}
	for i := range cases {
		c := &cases[i]
		t.Run(c.Name, func(t *testing.T) {
			dt, data, err := formatCaseData(c)
			if err != nil {
				t.Fatalf("case %s: bad test data: %v", c.Name, err)
			}
			seen[dt] = true
			if got := formatArray(dt, c.Shape, data); got != c.Str {
				t.Errorf("case %s: str mismatch\nexpected:\n%s\ngot:\n%s", c.Name, c.Str, got)
			}
			if got := formatArrayRepr(dt, c.Shape, data); got != c.Repr {
				t.Errorf("case %s: repr mismatch\nexpected:\n%s\ngot:\n%s", c.Name, c.Repr, got)
			}
		})
	}
	for _, dt := range dtype.All {
		if !seen[dt] {
			t.Errorf("no golden case for dtype %v", dt)
		}
	}
}

// TestFormatExamples spells out a few outputs, so that the expectations are
// readable without the golden file.
func TestFormatExamples(t *testing.T) {
	tests := []struct {
		dt        dtype.DType
		shape     []int
		data      any
		str, repr string
	}{
		{dtype.Float64, []int{2}, []float64{1, 2}, "[1. 2.]", "array([1., 2.])"},
		{dtype.Float64, nil, []float64{1.5}, "1.5", "array(1.5)"},
		{dtype.Int8, []int{2}, []int8{1, 2}, "[1 2]", "array([1, 2], dtype=int8)"},
		{dtype.Float64, []int{0, 3}, []float64{}, "[]", "array([], shape=(0, 3), dtype=float64)"},
		{dtype.Int32, []int{0}, []int32{}, "[]", "array([], dtype=int32)"},
		{dtype.Bool, []int{2}, []bool{true, false}, "[ True False]", "array([ True, False])"},
		{dtype.Complex128, []int{1}, []complex128{1 + 2i}, "[1.+2.j]", "array([1.+2.j])"},
		{dtype.Float64, []int{3}, []float64{1e-5, 1, math.Copysign(0, -1)}, "[ 1.e-05  1.e+00 -0.e+00]",
			"array([ 1.e-05,  1.e+00, -0.e+00])"},
		{dtype.Float32, []int{2, 2}, []float32{0.1, 2, 3, 4}, "[[0.1 2. ]\n [3.  4. ]]",
			"array([[0.1, 2. ],\n       [3. , 4. ]], dtype=float32)"},
	}
	for _, tc := range tests {
		if got := formatArray(tc.dt, tc.shape, tc.data); got != tc.str {
			t.Errorf("formatArray(%v, %v, %v):\nexpected:\n%s\ngot:\n%s", tc.dt, tc.shape, tc.data, tc.str, got)
		}
		if got := formatArrayRepr(tc.dt, tc.shape, tc.data); got != tc.repr {
			t.Errorf("formatArrayRepr(%v, %v, %v):\nexpected:\n%s\ngot:\n%s", tc.dt, tc.shape, tc.data, tc.repr, got)
		}
	}
}
