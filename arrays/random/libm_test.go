package random

import (
	"math"
	"os"
	"regexp"
	"testing"
)

// TestLibm compares cexp, clog and cpow with the C library's exp, log and
// pow as Python called them, on arguments like the samplers' (pow with
// exponents up to 1e4), and Go's math versions for contrast: ours must
// agree bit for bit except in rare near-halfway cases (at most 1 ulp, in
// at most 1% of the arguments).
func TestLibm(t *testing.T) {
	d := loadDist(t)
	type fn struct {
		name string
		ours func(a []float64) float64
		gos  func(a []float64) float64
		data [][]float64
	}
	for _, f := range []fn{
		{"exp", func(a []float64) float64 { return cexp(a[0]) }, func(a []float64) float64 { return math.Exp(a[0]) }, d.Libm.Exp},
		{"log", func(a []float64) float64 { return clog(a[0]) }, func(a []float64) float64 { return math.Log(a[0]) }, d.Libm.Log},
		{"pow", func(a []float64) float64 { return cpow(a[0], a[1]) }, func(a []float64) float64 { return math.Pow(a[0], a[1]) }, d.Libm.Pow},
	} {
		if len(f.data) < 100 {
			t.Fatalf("%s: only %d cases in the golden file", f.name, len(f.data))
		}
		var off, goOff int
		var worst uint64
		for _, c := range f.data {
			want := c[len(c)-1]
			u := ulpDiff(f.ours(c), want)
			if u != 0 {
				off++
			}
			worst = max(worst, u)
			if ulpDiff(f.gos(c), want) != 0 {
				goOff++
			}
		}
		if worst > 1 || off*100 > len(f.data) {
			t.Errorf("%s: %d of %d differ from the C library, by up to %d ulps", f.name, off, len(f.data), worst)
		}
		t.Logf("%s: %d of %d differ from the C library (Go's math: %d)", f.name, off, len(f.data), goOff)
	}
	if !math.IsNaN(clog(-1)) || clog(0) != math.Inf(-1) || cexp(-800) != 0 || !math.IsInf(cexp(800), 1) || cpow(0, 3) != 0 || cpow(1, 1e300) != 1 {
		t.Error("special cases of clog, cexp, cpow")
	}
}

// TestZigguratTables checks the committed tables: they come from the NumPy
// the goldens were made with, and satisfy the ziggurat's relations
// (f = exp(-x) at the layer edges for the exponential, exp(-x²/2) for the
// normal, with x = w·2^53 and w·2^52), so a hand edit or a partial
// regeneration shows.
func TestZigguratTables(t *testing.T) {
	src, err := os.ReadFile("ziggurat_tables.go")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`from NumPy (\S+);`).FindSubmatch(src)
	if m == nil {
		t.Error("ziggurat_tables.go does not say which NumPy it comes from")
	} else if v := loadDist(t).NumPy; string(m[1]) != v {
		t.Errorf("ziggurat_tables.go is from NumPy %s, the goldens from %s: run go generate", m[1], v)
	}
	for name, gd := range loadGolden(t) {
		if v := loadDist(t).NumPy; gd.NumPy != v {
			t.Errorf("testdata/%s is from NumPy %s, testdata/dist.golden from %s: run go generate", name, gd.NumPy, v)
		}
	}
	for i := 1; i < 256; i++ {
		x := weDouble[i] * 0x1p53
		if math.Abs(feDouble[i]-math.Exp(-x)) > 1e-14 {
			t.Errorf("feDouble[%d] = %v, exp(-x) = %v", i, feDouble[i], math.Exp(-x))
		}
		if i < 255 {
			// ke[i] = floor(2^53 x[i-1]/x[i]).
			if xp := weDouble[i-1] * 0x1p53; i > 1 && math.Abs(float64(keDouble[i])-0x1p53*xp/x) > 0x1p53*1e-13 {
				t.Errorf("keDouble[%d] = %d, want about %v", i, keDouble[i], 0x1p53*xp/x)
			}
		}
		xn := wiDouble[i] * 0x1p52
		if math.Abs(fiDouble[i]-math.Exp(-xn*xn/2)) > 1e-14 {
			t.Errorf("fiDouble[%d] = %v, exp(-x²/2) = %v", i, fiDouble[i], math.Exp(-xn*xn/2))
		}
	}
}
