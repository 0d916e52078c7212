package table_test

import (
	"fmt"
	"math"

	"workbench/arrays"
	"workbench/arrays/table"
)

func samples() *table.Table {
	t, err := table.New(
		table.StringColumn("site", []string{"north", "south", "north", "east", "south", "north"}),
		&table.Column{Name: "temp", Kind: table.Numeric, Values: arrays.Asarray([]float64{12.5, 18, math.NaN(), 15.25, 21, 9.75})},
		&table.Column{Name: "day", Kind: table.Numeric, Values: arrays.Asarray([]int64{1, 1, 2, 2, 3, 3})},
	)
	if err != nil {
		panic(err)
	}
	return t
}

// Keep the warm days, warmest first.
func ExampleTable_Filter() {
	t := samples()
	warm, err := t.Filter(t.Col("temp").Gt(12))
	if err != nil {
		panic(err)
	}
	warm, err = warm.SortBy("temp", true)
	if err != nil {
		panic(err)
	}
	fmt.Println(warm)
	// Output:
	//     site   temp  day
	// 0  south  21.00    3
	// 1  south  18.00    1
	// 2   east  15.25    2
	// 3  north  12.50    1
}

// Summarise each site; the groups come sorted by key, and the NaN is
// skipped.
func ExampleGrouped_Agg() {
	g, err := samples().GroupBy("site")
	if err != nil {
		panic(err)
	}
	s, err := g.Agg(table.Count("temp"), table.Mean("temp"), table.Max("day"))
	if err != nil {
		panic(err)
	}
	fmt.Println(s)
	// Output:
	//     site  temp_count  temp_mean  day_max
	// 0   east           1     15.250        2
	// 1  north           2     11.125        3
	// 2  south           2     19.500        3
}

// Look up each site's altitude; the site "east" has none.
func ExampleTable_Join() {
	alt, err := table.New(
		table.StringColumn("site", []string{"south", "north"}),
		&table.Column{Name: "altitude", Kind: table.Numeric, Values: arrays.Asarray([]int64{250, 1200})},
	)
	if err != nil {
		panic(err)
	}
	j, err := samples().Join(alt, "site", "left")
	if err != nil {
		panic(err)
	}
	fmt.Println(j)
	// Output:
	//     site   temp  day  altitude
	// 0  north  12.50    1    1200.0
	// 1  south  18.00    1     250.0
	// 2  north    NaN    2    1200.0
	// 3   east  15.25    2       NaN
	// 4  south  21.00    3     250.0
	// 5  north   9.75    3    1200.0
}
