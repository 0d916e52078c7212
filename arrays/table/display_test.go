package table

import (
	"math"
	"strings"
	"testing"
	"time"

	"workbench/arrays"
)

// The expected texts are what pandas 1.5.3 prints for the same data (with
// a nullable Int64 column for i, an object column for b), except for
// complex numbers, which pandas prints as 1.0-2.0j.
func TestString(t *testing.T) {
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	times := func(name string, ts ...time.Time) *Column { return TimeColumn(name, ts) }
	long := strings.Repeat("abcdefghij", 6)
	cases := []struct {
		name string
		tab  *Table
		want string
	}{
		{"missing values of each kind", tblNew(t,
			withMissing(colI("i", 1, -20), 1),
			colF("f", math.NaN(), 2.5),
			withMissing(colS("s", "", "x"), 0),
			withMissing(colB("b", true, false), 1),
			withMissing(times("t", day, day), 0),
		), "" +
			"      i    f    s     b          t\n" +
			"0     1  NaN  NaN  True        NaT\n" +
			"1  <NA>  2.5    x   NaN 2024-03-01"},
		{"times of day and fractions", tblNew(t,
			times("day", day, day.Add(24*time.Hour)),
			times("clock", day.Add(90*time.Minute), day),
			times("ms", day.Add(1500*time.Millisecond), day),
			times("ns", day.Add(7), day),
		), "" +
			"         day               clock                      ms                            ns\n" +
			"0 2024-03-01 2024-03-01 01:30:00 2024-03-01 00:00:01.500 2024-03-01 00:00:00.000000007\n" +
			"1 2024-03-02 2024-03-01 00:00:00 2024-03-01 00:00:00.000 2024-03-01 00:00:00.000000000"},
		{"long and odd strings", tblNew(t, colS("s", long, "a\nb")), "" +
			"                                                   s\n" +
			"0  abcdefghijabcdefghijabcdefghijabcdefghijabcdef...\n" +
			"1                                               a\\nb"},
		{"unsigned and complex", tblNew(t,
			&Column{Name: "u", Kind: Numeric, Values: arrays.FromSlice([]uint64{math.MaxUint64, 0})},
			&Column{Name: "z", Kind: Numeric, Values: arrays.FromSlice([]complex128{complex(1, -2), complex(0.5, 3)})},
		), "" +
			"                      u       z\n" +
			"0  18446744073709551615    1-2j\n" +
			"1                     0  0.5+3j"},
		{"exponents", tblNew(t, colF("x", 1e-9, -2)), "" +
			"              x\n" +
			"0  1.000000e-09\n" +
			"1 -2.000000e+00"},
		{"no columns", tblNew(t), "Empty Table\nColumns: []\nIndex: []"},
		{"no rows", tblNew(t, colF("x"), colS("s")), "Empty Table\nColumns: [x, s]\nIndex: []"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.tab.String(); got != c.want {
				t.Errorf("String() =\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

func TestStringCut(t *testing.T) {
	n := 12345
	tab, err := FromArrays([]string{"i", "x"}, []*arrays.Array{arrays.Arange(n), arrays.Arange(n).Astype(arrays.Float64).Div(4)})
	if err != nil {
		t.Fatal(err)
	}
	want := "" +
		"           i        x\n" +
		"0          0     0.00\n" +
		"1          1     0.25\n" +
		"2          2     0.50\n" +
		"3          3     0.75\n" +
		"4          4     1.00\n" +
		"...      ...      ...\n" +
		"12340  12340  3085.00\n" +
		"12341  12341  3085.25\n" +
		"12342  12342  3085.50\n" +
		"12343  12343  3085.75\n" +
		"12344  12344  3086.00\n" +
		"\n" +
		"[12345 rows x 2 columns]"
	if got := tab.String(); got != want {
		t.Errorf("String() =\n%s\nwant\n%s", got, want)
	}
	if got := tab.Head(10).String(); strings.Contains(got, "...") || strings.Count(got, "\n") != 10 {
		t.Errorf("a table of 10 rows is cut:\n%s", got)
	}
}

func TestHTML(t *testing.T) {
	small := tblNew(t, colS("<b>&name", "x<y", "a&b"), withMissing(colF("v", 1.5, 2), 1))
	big, err := FromArrays([]string{"n"}, []*arrays.Array{arrays.Arange(20)})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name    string
		tab     *Table
		has     []string
		hasNot  []string
		bodyTRs int
	}{
		{"small", small, []string{
			`<table class="workbench-table">`,
			"<thead>\n<tr><th></th><th>&lt;b&gt;&amp;name</th><th>v</th></tr>",
			`<tr class="dtype"><th></th><td><small>string</small></td><td><small>float64</small></td></tr>`,
			"<tr><th>0</th><td>x&lt;y</td><td>1.5</td></tr>",
			"<tr><th>1</th><td>a&amp;b</td><td>NaN</td></tr>",
			"</tbody>\n</table>",
		}, []string{"…", "rows ×", "<b>"}, 2},
		{"cut", big, []string{
			"<tr><th>4</th><td>4</td></tr>\n<tr><th>…</th><td>…</td></tr>\n<tr><th>15</th><td>15</td></tr>",
			"<p>20 rows × 1 columns</p>",
			"<small>int64</small>",
		}, []string{"<th>5</th>", "<th>14</th>"}, 11},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := c.tab.HTML()
			for _, s := range c.has {
				if !strings.Contains(h, s) {
					t.Errorf("HTML lacks %q:\n%s", s, h)
				}
			}
			for _, s := range c.hasNot {
				if strings.Contains(h, s) {
					t.Errorf("HTML has %q:\n%s", s, h)
				}
			}
			body := h[strings.Index(h, "<tbody>"):]
			if n := strings.Count(body, "<tr>"); n != c.bodyTRs {
				t.Errorf("%d body rows, want %d", n, c.bodyTRs)
			}
		})
	}
}
