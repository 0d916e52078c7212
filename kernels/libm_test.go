package kernels

import (
	"math"
	"testing"
)

//go:generate /usr/bin/python3 testdata/generate_libm.py

// The real functions of libm.go against the C library's values, within the
// ulps each one promises.
func TestLibmAgainstC(t *testing.T) {
	rows := readGenerated[[4]string](t, "testdata/libm.json", "testdata/generate_libm.py")
	funcs := map[string]struct {
		f1  func(float64) float64
		f2  func(float64, float64) float64
		ulp float64
	}{
		"exp":   {f1: Exp64, ulp: 1},
		"log":   {f1: Log64, ulp: 1},
		"log2":  {f1: Log2_64, ulp: 1},
		"log10": {f1: Log10_64, ulp: 1},
		"asin":  {f1: Asin64, ulp: 1},
		"acos":  {f1: Acos64, ulp: 1},
		"sinh":  {f1: Sinh64, ulp: 2},
		"cosh":  {f1: Cosh64, ulp: 2},
		"tan":   {f1: Tan64, ulp: 2},
		"pow":   {f2: Pow64, ulp: 2},
		// The Go standard library's own, good enough to keep.
		"expm1": {f1: math.Expm1, ulp: 1},
		"log1p": {f1: math.Log1p, ulp: 1},
		"exp2":  {f1: math.Exp2, ulp: 1},
		"atan":  {f1: math.Atan, ulp: 1},
		"tanh":  {f1: math.Tanh, ulp: 2},
		"asinh": {f1: math.Asinh, ulp: 2},
		"acosh": {f1: math.Acosh, ulp: 2},
		"atanh": {f1: math.Atanh, ulp: 2},
		"atan2": {f2: math.Atan2, ulp: 1},
		"hypot": {f2: math.Hypot, ulp: 1},
	}
	worst := map[string]float64{}
	count := map[string]int{}
	for _, r := range rows {
		fn, ok := funcs[r[0]]
		if !ok {
			t.Fatalf("unknown function %q in testdata", r[0])
		}
		x, y, want := parseHexFloat(t, r[1]), parseHexFloat(t, r[2]), parseHexFloat(t, r[3])
		var got float64
		if fn.f2 != nil {
			got = fn.f2(x, y)
		} else {
			got = fn.f1(x)
		}
		d := ulpDiff(got, want)
		if math.IsInf(want, 0) || math.IsInf(got, 0) || want == 0 || got == 0 {
			if got != want {
				d = math.Inf(1)
			} else {
				d = 0
			}
		}
		if d > fn.ulp {
			t.Errorf("%s(%v, %v) = %v, C library %v (%.1f ulp, want <= %v)", r[0], x, y, got, want, d, fn.ulp)
		}
		worst[r[0]] = max(worst[r[0]], d)
		count[r[0]]++
	}
	for name, w := range worst {
		t.Logf("%-6s %4d arguments, worst %.2f ulp", name, count[name], w)
	}
}
