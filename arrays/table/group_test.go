package table

import (
	"math"
	"strings"
	"testing"

	"workbench/arrays"
)

func TestGroupByAgg(t *testing.T) {
	negZero := math.Copysign(0, -1)
	tab := tblNew(t,
		colF("k", 1, negZero, 0, math.NaN(), 1, 2),
		withMissing(colI("n", 5, 1, 2, 9, 7, 3), 5),
		colF("x", 0.5, math.NaN(), 1.5, 3, 2.5, math.NaN()),
		&Column{Name: "u", Kind: Numeric, Values: arrays.FromSlice([]uint8{200, 100, 100, 1, 200, 3})},
		colS("s", "p", "q", "r", "s", "t", "u"),
	)
	g, err := tab.GroupBy("k")
	if err != nil {
		t.Fatal(err)
	}
	if g.NumGroups() != 3 || strings.Join(g.Keys(), ",") != "k" {
		t.Fatalf("%d groups of keys %v, want 3 of [k]", g.NumGroups(), g.Keys())
	}
	cases := []struct {
		agg       Agg
		name      string
		dtypeName string
		want      string
	}{
		// Keys: -0 and +0 are one group (its key the first seen); NaN is no group.
		{Count("n"), "n_count", "int64", "[2 2 0]"},
		{Sum("n"), "n_sum", "int64", "[3 12 0]"},
		{Sum("u"), "u_sum", "uint64", "[200 400 3]"},
		{Mean("n"), "n_mean", "float64", "[1.5 6 NA]"},
		{Mean("x"), "x_mean", "float64", "[1.5 1.5 NA]"},
		{Median("n"), "n_median", "float64", "[1.5 6 NA]"},
		{Var("n"), "n_var", "float64", "[0.5 2 NA]"},
		{Std("x"), "x_std", "float64", "[NA 1.4142135623730951 NA]"},
		{Min("n"), "n_min", "float64", "[1 5 NA]"},
		{Max("u"), "u_max", "uint8", "[100 200 3]"},
		{First("x"), "x_first", "float64", "[1.5 0.5 NA]"},
		{Last("s"), "s_last", "string", "[r t u]"},
		{Count("s").As("rows"), "rows", "int64", "[2 2 1]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := g.Agg(c.agg)
			if err != nil {
				t.Fatal(err)
			}
			if n := strings.Join(got.Names(), ","); n != "k,"+c.name {
				t.Fatalf("names %s, want k,%s", n, c.name)
			}
			if k := tblVals(t, got, "k"); k != "[-0 1 2]" {
				t.Errorf("keys %s, want [-0 1 2]", k)
			}
			col, _ := got.Column(c.name)
			if col.dtypeName() != c.dtypeName {
				t.Errorf("dtype %s, want %s", col.dtypeName(), c.dtypeName)
			}
			if v := tblVals(t, got, c.name); v != c.want {
				t.Errorf("values %s, want %s", v, c.want)
			}
		})
	}
}

func TestGroupByKeysOfEachKind(t *testing.T) {
	tab := tblNew(t,
		withMissing(colS("s", "b", "a", "", "b", "a"), 2),
		colB("b", true, false, true, true, false),
		colI("n", 1, 2, 3, 4, 5),
	)
	cases := []struct {
		keys []string
		want string // n_sum
	}{
		{[]string{"s"}, "[7 5]"},
		{[]string{"b"}, "[7 8]"},
		{[]string{"b", "s"}, "[7 5]"},
		{[]string{"s", "b"}, "[7 5]"},
		{[]string{"n"}, "[1 2 3 4 5]"},
	}
	for _, c := range cases {
		g, err := tab.GroupBy(c.keys...)
		if err != nil {
			t.Fatal(err)
		}
		got, err := g.Agg(Sum("n"))
		if err != nil {
			t.Fatal(err)
		}
		if v := tblVals(t, got, "n_sum"); v != c.want {
			t.Errorf("%v: n_sum %s, want %s", c.keys, v, c.want)
		}
	}
}

func TestGroupByErrors(t *testing.T) {
	tab := tblNew(t, colI("k", 1, 1, 2), colS("s", "a", "b", "c"), zeroTimes("t", 3),
		&Column{Name: "z", Kind: Numeric, Values: arrays.FromSlice([]complex128{1, 2, 3})})
	_, err := tab.GroupBy()
	wantError(t, err, "GroupBy", "", "no key")
	_, err = tab.GroupBy("nope")
	wantError(t, err, "GroupBy", "nope", "no such column", "[k s t z]")
	_, err = tab.GroupBy("k", "k")
	wantError(t, err, "GroupBy", "k", "twice")
	_, err = tab.GroupBy("z")
	wantError(t, err, "GroupBy", "z", "complex")

	g, err := tab.GroupBy("k")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		agg   Agg
		col   string
		frags []string
	}{
		{Mean("nope"), "nope", []string{"no such column"}},
		{Mean("s"), "s", []string{"mean", "string"}},
		{Median("t"), "t", []string{"median", "time"}},
		{Sum("t"), "t", []string{"sum", "time"}},
		{Std("z"), "z", []string{"std", "complex"}},
		{Min("z"), "z", []string{"min", "complex"}},
		{Agg{Column: "s", Func: "mode"}, "s", []string{"unknown aggregation"}},
		{Count("s").As("k"), "k", []string{"used twice"}},
	}
	for _, c := range cases {
		_, err := g.Agg(c.agg)
		wantError(t, err, "Agg", c.col, c.frags...)
	}
}

// zeroTimes is a time column of n times at the epoch.
func zeroTimes(name string, n int) *Column {
	return &Column{Name: name, Kind: Time, Values: arrays.FromSlice(make([]int64, n))}
}

func TestAggEmptyAndAllMissing(t *testing.T) {
	empty := tblNew(t, colS("k"), colF("x"), colI("n"))
	g, err := empty.GroupBy("k")
	if err != nil {
		t.Fatal(err)
	}
	got, err := g.Agg(Count("x"), Sum("n"), Mean("x"), Max("n"))
	if err != nil {
		t.Fatal(err)
	}
	if got.NumRows() != 0 || strings.Join(got.Names(), ",") != "k,x_count,n_sum,x_mean,n_max" {
		t.Errorf("empty: %d rows, names %v", got.NumRows(), got.Names())
	}

	tab := tblNew(t, colS("k", "a", "a", "b"), colF("x", math.NaN(), math.NaN(), 1))
	g, _ = tab.GroupBy("k")
	got, err = g.Agg(Count("x"), Sum("x"), Mean("x"), Std("x"), Min("x"), First("x"), Median("x"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"x_count": "[0 1]", "x_sum": "[0 1]", "x_mean": "[NA 1]", "x_std": "[NA NA]",
		"x_min": "[NA 1]", "x_first": "[NA 1]", "x_median": "[NA 1]"}
	for name, w := range want {
		if v := tblVals(t, got, name); v != w {
			t.Errorf("%s = %s, want %s", name, v, w)
		}
	}
	// An undefined float result is NaN and marked missing.
	c, _ := got.Column("x_mean")
	if !c.IsMissing(0) || !math.IsNaN(c.Values.Float64s()[0]) {
		t.Errorf("x_mean[0] is not a missing NaN: %v %v", c.Missing, c.Values.Float64s())
	}
}
