package table

import (
	"math"
	"strings"
	"testing"
	"time"

	"workbench/arrays"
)

func TestDescribe(t *testing.T) {
	tab := tblNew(t,
		withMissing(colI("i", 4, 1, 3, 100), 3),
		&Column{Name: "u", Kind: Numeric, Values: arrays.FromSlice([]uint8{0, 10, 0, 10})},
		&Column{Name: "f", Kind: Numeric, Values: arrays.FromSlice([]float32{1, 2, 3, 4})},
		colB("b", true, false, true, true),
		colS("s", "a", "b", "c", "d"),
		zeroTimes("t", 4),
		&Column{Name: "z", Kind: Numeric, Values: arrays.FromSlice([]complex128{1, 2, 3, 4})},
		colF("nan", math.NaN(), math.NaN(), math.NaN(), math.NaN()),
	)
	got, err := tab.Describe()
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Join(got.Names(), ","); n != "statistic,i,u,f,nan" {
		t.Fatalf("names %s, want statistic,i,u,f,nan", n)
	}
	want := map[string]string{
		"statistic": "[count mean std min 25% 50% 75% max]",
		"i":         "[3 2.6666666666666665 1.5275252316519468 1 2 3 3.5 4]",
		"u":         "[4 5 5.773502691896258 0 0 5 10 10]",
		"f":         "[4 2.5 1.2909944487358056 1 1.75 2.5 3.25 4]",
		"nan":       "[0 NA NA NA NA NA NA NA]",
	}
	for name, w := range want {
		if v := tblVals(t, got, name); v != w {
			t.Errorf("%s = %s, want %s", name, v, w)
		}
		if c, _ := got.Column(name); name != "statistic" && c.Values.DType() != arrays.Float64 {
			t.Errorf("%s has dtype %v, want float64", name, c.Values.DType())
		}
	}
	_, err = tblNew(t, colS("s", "a"), TimeColumn("t", []time.Time{{}})).Describe()
	wantError(t, err, "Describe", "", "no numeric column")
}

func TestPercentile(t *testing.T) {
	cases := []struct {
		sorted []float64
		q      float64
		want   float64
	}{
		{[]float64{1, 2, 3, 4}, 0.25, 1.75},
		{[]float64{1, 2, 3, 4}, 0.5, 2.5},
		{[]float64{1, 2, 3, 4}, 0.75, 3.25},
		{[]float64{0, 10}, 0.75, 7.5},
		// numpy interpolates from the upper value when the fraction is >= 0.5.
		{[]float64{0.1, 0.7}, 0.5, 0.39999999999999997},
		{[]float64{0.1, 1.3}, 0.75, 1.0},
		{[]float64{0.1, 2.9}, 0.75, 2.2},
		{[]float64{7}, 0.25, 7},
		{[]float64{1, 2}, 1, 2},
		{nil, 0.5, math.NaN()},
	}
	for _, c := range cases {
		got := percentile(c.sorted, c.q)
		if got != c.want && !(math.IsNaN(got) && math.IsNaN(c.want)) {
			t.Errorf("percentile(%v, %v) = %v, want %v (numpy.percentile)", c.sorted, c.q, got, c.want)
		}
	}
}

func TestNumpySum(t *testing.T) {
	big := make([]float64, 17)
	big[0], big[16] = 1e16, -1e16
	for i := 1; i < 16; i++ {
		big[i] = 1
	}
	long := make([]float64, 300)
	for i := range long {
		long[i] = float64(float64((i*37)%3)*0.1) - 0.7
	}
	cases := []struct {
		name string
		x    []float64
		want float64 // numpy.sum's result
	}{
		{"empty", nil, 0},
		{"short", []float64{0.1, 0.2, 0.3}, 0.6000000000000001},
		{"eight accumulators", big, 14},
		{"pairwise halves", long, -180},
		{"negative zero", []float64{math.Copysign(0, -1)}, 0},
	}
	for _, c := range cases {
		got := numpySum(c.x)
		if math.Float64bits(got) != math.Float64bits(c.want) {
			t.Errorf("%s: numpySum = %v, want %v", c.name, got, c.want)
		}
	}
}
