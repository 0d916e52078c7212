package table

//go:generate /usr/bin/python3 testdata/csv/generate.py

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"workbench/arrays"
)

// csvDescribe writes each column as "name kind/dtype v1 v2 ..." with NA
// for a missing value, and checks the invariants of missing values.
func csvDescribe(t *testing.T, tb *Table) []string {
	t.Helper()
	var out []string
	for _, c := range tb.Columns() {
		n := c.Len()
		vals := make([]string, n)
		dt := "-"
		switch c.Kind {
		case String:
			for i, s := range c.Strings {
				vals[i] = strconv.Quote(s)
				if c.IsMissing(i) && s != "" {
					t.Errorf("column %q: missing value %d holds %q", c.Name, i, s)
				}
			}
		case Bool:
			dt = c.Values.DType().String()
			for i, b := range c.Values.Bools() {
				vals[i] = strconv.FormatBool(b)
				if c.IsMissing(i) && b {
					t.Errorf("column %q: missing value %d is true", c.Name, i)
				}
			}
		case Time:
			dt = c.Values.DType().String()
			for i, ns := range c.Values.Int64s() {
				vals[i] = time.Unix(0, ns).UTC().Format(time.RFC3339Nano)
				if c.IsMissing(i) && ns != 0 {
					t.Errorf("column %q: missing value %d is %d", c.Name, i, ns)
				}
			}
		case Numeric:
			dt = c.Values.DType().String()
			if c.Values.DType() == arrays.Int64 {
				for i, v := range c.Values.Int64s() {
					vals[i] = strconv.FormatInt(v, 10)
				}
			} else {
				for i, v := range c.Values.Float64s() {
					vals[i] = strconv.FormatFloat(v, 'g', -1, 64)
					if c.IsMissing(i) && !math.IsNaN(v) {
						t.Errorf("column %q: missing value %d is %v, not NaN", c.Name, i, v)
					}
				}
			}
		}
		if c.Missing != nil {
			any := false
			for i, m := range c.Missing {
				if m {
					vals[i] = "NA"
					any = true
				}
			}
			if !any {
				t.Errorf("column %q: Missing is set but marks nothing", c.Name)
			}
		}
		out = append(out, strings.TrimSpace(fmt.Sprintf("%s %v/%s %s", c.Name, c.Kind, dt, strings.Join(vals, " "))))
	}
	return out
}

func csvReadString(src string, opts ...CSVOption) (*Table, error) {
	return ReadCSVFrom(strings.NewReader(src), "test.csv", opts...)
}

func TestReadCSV(t *testing.T) {
	long := strings.Repeat("x", 200_000)
	wide := make([]string, 3000)
	wideRow := make([]string, 3000)
	for i := range wide {
		wide[i] = "c" + strconv.Itoa(i)
		wideRow[i] = strconv.Itoa(i)
	}
	cases := []struct {
		name string
		src  string
		opts []CSVOption
		want []string
	}{
		{"ints and floats", "a,b\n1,2.5\n-3,1e3\n",
			nil, []string{"a numeric/int64 1 -3", "b numeric/float64 2.5 1000"}},
		{"quoted delimiters", "a,b\n\"x,y\",1\n\"\",2\n",
			nil, []string{`a string/- "x,y" NA`, "b numeric/int64 1 2"}},
		{"doubled quotes", "a\n\"say \"\"hi\"\"\"\n\"\"\"\"\n",
			nil, []string{`a string/- "say \"hi\"" "\""`}},
		{"text after the closing quote", "a,b\n\"x\"y,1\nx\"y\"z,2\n",
			nil, []string{`a string/- "xy" "x\"y\"z"`, "b numeric/int64 1 2"}},
		{"embedded newlines", "a,b\n\"one\ntwo\",1\n\"three\r\nfour\",2\n",
			nil, []string{`a string/- "one\ntwo" "three\r\nfour"`, "b numeric/int64 1 2"}},
		{"quoted numbers are numbers", "a\n\"1\"\n\" 2 \"\n",
			nil, []string{"a numeric/int64 1 2"}},
		{"byte-order mark", "\ufeffa,b\n1,2\n",
			nil, []string{"a numeric/int64 1", "b numeric/int64 2"}},
		{"CRLF", "a,b\r\n1,x\r\n2,y\r\n",
			nil, []string{"a numeric/int64 1 2", `b string/- "x" "y"`}},
		{"no trailing newline", "a,b\n1,x\n2,y",
			nil, []string{"a numeric/int64 1 2", `b string/- "x" "y"`}},
		{"CRLF, no trailing newline", "a,b\r\n1,x\r\n2,y",
			nil, []string{"a numeric/int64 1 2", `b string/- "x" "y"`}},
		{"old Mac line ends", "a,b\r1,x\r2,y\r",
			nil, []string{"a numeric/int64 1 2", `b string/- "x" "y"`}},
		{"blank lines are skipped", "a,b\n\n1,2\n  \n\r\n3,4\n\n",
			nil, []string{"a numeric/int64 1 3", "b numeric/int64 2 4"}},
		{"empty fields", "a,b,c\n1,,x\n,2,\n",
			nil, []string{"a numeric/float64 1 NA", "b numeric/float64 NA 2", `c string/- "x" NA`}},
		{"trailing delimiter", "a,b,\n1,2,\n",
			nil, []string{"a numeric/int64 1", "b numeric/int64 2", "column_2 numeric/float64 NA"}},
		{"header only", "a,b\n",
			nil, []string{"a string/-", "b string/-"}},
		{"header only, no newline", "a,b",
			nil, []string{"a string/-", "b string/-"}},
		{"single column", "x\n1.5\n2\n",
			nil, []string{"x numeric/float64 1.5 2"}},
		{"single column with missing", "x\n1\nNA\n3\n",
			nil, []string{"x numeric/float64 1 NA 3"}},
		{"spaces around numbers", "a,b,c\n 1,2.5 ,\t3\n2 , -1e2 ,4\n",
			nil, []string{"a numeric/int64 1 2", "b numeric/float64 2.5 -100", "c numeric/int64 3 4"}},
		{"spaces kept in strings and bools", "a,b\n x , True\ny,False\n",
			nil, []string{`a string/- " x " "y"`, `b string/- " True" "False"`}},
		{"int64 limits", "a,b,c\n9223372036854775807,-9223372036854775808,00000000000000000000001\n",
			nil, []string{"a numeric/int64 9223372036854775807", "b numeric/int64 -9223372036854775808", "c numeric/int64 1"}},
		{"ints beyond int64 become floats", "a,b\n9223372036854775808,-9223372036854775809\n1,2\n",
			nil, []string{"a numeric/float64 9.223372036854776e+18 1", "b numeric/float64 -9.223372036854776e+18 2"}},
		{"float forms", "a\n1.\n.5\n-0.0\n1E+05\n+2e-3\ninf\n-Infinity\n1e500\n1e-500\n",
			nil, []string{"a numeric/float64 1 0.5 -0 100000 0.002 +Inf -Inf +Inf 0"}},
		{"nan is missing by default", "a\nnan\nNaN\n1.5\n",
			nil, []string{"a numeric/float64 NA NA 1.5"}},
		{"nan without NA markers", "a\nnan\n1.5\n",
			[]CSVOption{NAValues()}, []string{"a numeric/float64 NaN 1.5"}},
		{"-0 is an int 0, or -0 in a float column", "a,b\n-0,-0\n1,1.5\n",
			nil, []string{"a numeric/int64 0 1", "b numeric/float64 -0 1.5"}},
		{"ints with a float", "a\n1\n2\n2.5\n",
			nil, []string{"a numeric/float64 1 2 2.5"}},
		{"ints with a missing value become float", "a\n1\nNA\n3\n",
			nil, []string{"a numeric/float64 1 NA 3"}},
		{"not numbers", "a,b,c,d\n0x10,1_000,1e,--1\n",
			nil, []string{`a string/- "0x10"`, `b string/- "1_000"`, `c string/- "1e"`, `d string/- "--1"`}},
		{"bools", "a,b\ntrue,False\nTRUE,false\nFalse,NA\n",
			nil, []string{"a bool/bool true true false", "b bool/bool false false NA"}},
		{"yes and no are strings", "a\nyes\nno\n",
			nil, []string{`a string/- "yes" "no"`}},
		{"ints and bools give strings", "a\n1\ntrue\n",
			nil, []string{`a string/- "1" "true"`}},
		{"date-times", "d\n2024-01-31\n2024-01-31T12:00:00\n2024-01-31 12:00:00.5\n2024-01-31T12:00:00.123456789Z\n2024-01-31T12:00:00+01:00\n2024-01-31T12:00-0130\n2024-02-29T23:59:59+05\n1900-01-01\nNA\n",
			nil, []string{"d time/int64 2024-01-31T00:00:00Z 2024-01-31T12:00:00Z 2024-01-31T12:00:00.5Z 2024-01-31T12:00:00.123456789Z 2024-01-31T11:00:00Z 2024-01-31T13:30:00Z 2024-02-29T18:59:59Z 1900-01-01T00:00:00Z NA"}},
		{"not date-times", "a,b,c,d\n2023-02-29,2024-13-01,2024-01-31T25:00,3000-01-01\n",
			nil, []string{`a string/- "2023-02-29"`, `b string/- "2024-13-01"`, `c string/- "2024-01-31T25:00"`, `d string/- "3000-01-01"`}},
		{"strings", "s\nhello\n1\n",
			nil, []string{`s string/- "hello" "1"`}},
		{"a late string keeps the text of the numbers", "s\n1.50\nNA\n2\nx\n",
			nil, []string{`s string/- "1.50" NA "2" "x"`}},
		{"a late string after dates", "s\n2024-01-31\n1\n",
			nil, []string{`s string/- "2024-01-31" "1"`}},
		{"all missing", "a,b\nNA,1\n,2\n",
			nil, []string{"a numeric/float64 NA NA", "b numeric/int64 1 2"}},
		{"missing first, then a kind", "a,b,c\nNA,NA,NA\ntrue,2024-01-31,x\n",
			nil, []string{"a bool/bool NA true", "b time/int64 NA 2024-01-31T00:00:00Z", `c string/- NA "x"`}},
		{"default NA markers", "s\nNA\nN/A\n#N/A\nNULL\nnull\nNone\n<NA>\n-nan\nx\n",
			nil, []string{`s string/- NA NA NA NA NA NA NA NA "x"`}},
		{"NA markers match exactly", "s\n NA\n-\n",
			nil, []string{`s string/- " NA" "-"`}},
		{"custom NA markers", "a,b\n-,x\n1,\n",
			[]CSVOption{NAValues("-")}, []string{"a numeric/float64 NA 1", `b string/- "x" ""`}},
		{"no NA markers", "a\nNA\n\n",
			[]CSVOption{NAValues()}, []string{`a string/- "NA"`}},
		{"semicolons", "a;b\n1,5;x\n2,5;y\n",
			nil, []string{`a string/- "1,5" "2,5"`, `b string/- "x" "y"`}},
		{"tabs", "a\tb\n1\t2\n",
			nil, []string{"a numeric/int64 1", "b numeric/int64 2"}},
		{"pipes", "a|b\n1|2\n",
			nil, []string{"a numeric/int64 1", "b numeric/int64 2"}},
		{"a quoted comma does not make commas the delimiter", "a;b\n\"x,y\";1\n\"z,w\";2\n",
			nil, []string{`a string/- "x,y" "z,w"`, "b numeric/int64 1 2"}},
		{"Delimiter", "a;b,c\n1;2,3\n",
			[]CSVOption{Delimiter(',')}, []string{`a;b string/- "1;2"`, "c numeric/int64 3"}},
		{"duplicate names", "a,a,,a.1,a\n1,2,3,4,5\n",
			nil, []string{"a numeric/int64 1", "a.2 numeric/int64 2", "column_2 numeric/int64 3", "a.1 numeric/int64 4", "a.3 numeric/int64 5"}},
		{"NoHeader", "1,x\n2,y\n",
			[]CSVOption{NoHeader()}, []string{"column_0 numeric/int64 1 2", `column_1 string/- "x" "y"`}},
		{"Header", "1,x\n2,y\n",
			[]CSVOption{Header("n", "s")}, []string{"n numeric/int64 1 2", `s string/- "x" "y"`}},
		{"Header, empty file", "",
			[]CSVOption{Header("n", "s")}, []string{"n string/-", "s string/-"}},
		{"Comment", "# made by hand\na,b\n1,2 # two\n#3,4\n5,\"#6\"\n",
			[]CSVOption{Comment('#')}, []string{"a numeric/int64 1 5", `b string/- "2 " "#6"`}},
		{"SkipRows", "title\nmore title\na,b\n1,2\n",
			[]CSVOption{SkipRows(2)}, []string{"a numeric/int64 1", "b numeric/int64 2"}},
		{"ColumnKind", "a,b,c,d\n1,1,2024-01-31,true\n2,x,NA,NA\n",
			[]CSVOption{ColumnKind("a", String), ColumnKind("c", Time), ColumnKind("d", Bool)},
			[]string{`a string/- "1" "2"`, `b string/- "1" "x"`, "c time/int64 2024-01-31T00:00:00Z NA", "d bool/bool true NA"}},
		{"ColumnKind Numeric", "a,b,c\n1,1,NA\n2,2.5,NA\n",
			[]CSVOption{ColumnKind("a", Numeric), ColumnKind("b", Numeric), ColumnKind("c", Numeric)},
			[]string{"a numeric/int64 1 2", "b numeric/float64 1 2.5", "c numeric/float64 NA NA"}},
		{"ColumnKind with no rows", "a,b\n",
			[]CSVOption{ColumnKind("a", Numeric), ColumnKind("b", Bool)},
			[]string{"a numeric/float64", "b bool/bool"}},
		{"TimeLayout", "d\n01/31/2024\n02/01/2024\n",
			[]CSVOption{TimeLayout("01/02/2006")}, []string{"d time/int64 2024-01-31T00:00:00Z 2024-02-01T00:00:00Z"}},
		{"TimeLayout and a forced kind", "d\n20240131\n20240201\n",
			[]CSVOption{TimeLayout("20060102"), ColumnKind("d", Time)}, []string{"d time/int64 2024-01-31T00:00:00Z 2024-02-01T00:00:00Z"}},
		{"a very long field", "a,b\n" + long + ",1\n",
			nil, []string{"a string/- " + strconv.Quote(long), "b numeric/int64 1"}},
		{"a very wide row", strings.Join(wide, ",") + "\n" + strings.Join(wideRow, ",") + "\n",
			nil, nil},
		{"UTF-8", "名前,値\nÅsa,1\n",
			nil, []string{`名前 string/- "Åsa"`, "値 numeric/int64 1"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tb, err := csvReadString(c.src, c.opts...)
			if err != nil {
				t.Fatal(err)
			}
			got := csvDescribe(t, tb)
			if c.want == nil { // the wide row
				if len(got) != 3000 || got[2999] != "c2999 numeric/int64 2999" {
					t.Fatalf("got %d columns, the last %q", len(got), got[len(got)-1])
				}
				return
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(c.want, "\n\t"))
			}
		})
	}
}

func TestReadCSVErrors(t *testing.T) {
	cases := []struct {
		name string
		src  string
		opts []CSVOption
		want string
	}{
		{"more fields", "a,b,c\n1,2,3\n1,2,3,4\n", nil,
			"table.ReadCSV: test.csv, line 3: 4 fields, expected 3 (header has 3)"},
		{"fewer fields", "a,b,c\n1,2,3\n\n1,2\n", nil,
			"table.ReadCSV: test.csv, line 4: 2 fields, expected 3 (header has 3)"},
		{"line numbers count quoted newlines", "a,b\n\"x\ny\",1\n1\n", nil,
			"table.ReadCSV: test.csv, line 4: 1 fields, expected 2 (header has 2)"},
		{"unclosed quote", "a,b\n1,2\n3,\"four\n5,6\n", nil,
			"table.ReadCSV: test.csv, line 3, column 3: quoted field not closed before end of file"},
		{"unclosed quote after a doubled one", "a\n\"x\"\"y\n", nil,
			"table.ReadCSV: test.csv, line 2, column 1: quoted field not closed before end of file"},
		{"unclosed quote in the header", "a,\"b\n", nil,
			"table.ReadCSV: test.csv, line 1, column 3: quoted field not closed before end of file"},
		{"columns count characters", "é,b\nü,\"x\n", nil,
			"table.ReadCSV: test.csv, line 2, column 3: quoted field not closed before end of file"},
		{"the byte-order mark is not a column", "\ufeff\"a\n", nil,
			"table.ReadCSV: test.csv, line 1, column 1: quoted field not closed before end of file"},
		{"empty", "", nil, "table.ReadCSV: test.csv: no header row (the file is empty)"},
		{"blank", "\n\n  \n", nil, "table.ReadCSV: test.csv: no header row (the file is empty)"},
		{"empty without header", "", []CSVOption{NoHeader()}, "table.ReadCSV: test.csv: no data (the file is empty)"},
		{"NoHeader ragged", "1,2\n3\n", []CSVOption{NoHeader()},
			"table.ReadCSV: test.csv, line 2: 1 fields, expected 2 (the first row has 2)"},
		{"Header ragged", "1,2\n", []CSVOption{Header("a")},
			"table.ReadCSV: test.csv, line 1: 2 fields, expected 1 (1 names given)"},
		{"forced numeric", "a,price\nx,1\ny,  abc\n", []CSVOption{ColumnKind("price", Numeric)},
			`table.ReadCSV: column "price": test.csv, line 3, column 3: "  abc" is not a number (ColumnKind forces numeric)`},
		{"forced bool", "a\ntrue\nyes\n", []CSVOption{ColumnKind("a", Bool)},
			`table.ReadCSV: column "a": test.csv, line 3, column 1: "yes" is not true or false (ColumnKind forces bool)`},
		{"forced time", "a\n2024-01-31\n\"31.1.2024\"\n", []CSVOption{ColumnKind("a", Time)},
			`table.ReadCSV: column "a": test.csv, line 3, column 1: "31.1.2024" is not a date-time (2024-01-31, 2024-01-31T12:00:00, ...) (ColumnKind forces time)`},
		{"ColumnKind of no column", "a,b\n1,2\n", []CSVOption{ColumnKind("c", Numeric)},
			`table.ReadCSV: column "c": ColumnKind: test.csv has no such column (have ["a" "b"])`},
		{"bad delimiter", "a\n", []CSVOption{Delimiter('"')},
			`table.ReadCSV: Delimiter('"'): want an ASCII character other than '"', '\r' and '\n'`},
		{"non-ASCII delimiter", "a\n", []CSVOption{Delimiter('§')},
			`table.ReadCSV: Delimiter('§'): want an ASCII character other than '"', '\r' and '\n'`},
		{"delimiter is the comment", "a\n", []CSVOption{Delimiter('#'), Comment('#')},
			`table.ReadCSV: the delimiter and the comment are both '#'`},
		{"bad kind", "a\n", []CSVOption{ColumnKind("a", Kind(9))},
			`table.ReadCSV: ColumnKind("a"): unknown kind kind(9)`},
		{"negative SkipRows", "a\n", []CSVOption{SkipRows(-1)},
			`table.ReadCSV: SkipRows(-1): negative`},
		{"Header without names", "1,2\n", []CSVOption{Header()},
			`table.ReadCSV: Header: no names`},
		{"Header twice", "1,2\n", []CSVOption{Header("a", "a")},
			`table.ReadCSV: Header: the name "a" is given twice`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := csvReadString(c.src, c.opts...)
			if err == nil {
				t.Fatalf("no error, want %q", c.want)
			}
			if err.Error() != c.want {
				t.Errorf("got  %q\nwant %q", err.Error(), c.want)
			}
			var te *Error
			if !errors.As(err, &te) {
				t.Errorf("%T is not a *table.Error", err)
			}
		})
	}
	_, err := ReadCSV(filepath.Join(t.TempDir(), "absent.csv"))
	if !errors.Is(err, fs.ErrNotExist) || !strings.HasPrefix(err.Error(), "table.ReadCSV: open ") {
		t.Errorf("a missing file: %v", err)
	}
}

// csvBig makes a CSV of n rows large enough to be read in several chunks:
// an int column, a float column that is int in the first chunks, a string
// column with quoted newlines (so that chunk cuts fall inside quotes), a
// column that turns to string in the last rows and one missing in the first
// rows only.
func csvBig(n int, quotes bool) (src string, want func(i int) []string) {
	var b strings.Builder
	b.WriteString("id,x,s,late,early\n")
	cell := func(i int) []string {
		x := strconv.Itoa(i)
		if i > n/2 {
			x = strconv.Itoa(i) + ".5"
		}
		s := "plain" + strconv.Itoa(i%7)
		if quotes && i%3 == 0 {
			s = "\"two\nlines, " + strconv.Itoa(i) + "\""
		}
		late := strconv.Itoa(i%100) + ".0"
		if i == n-2 {
			late = "text"
		}
		early := "NA"
		if i >= n/3 {
			early = "true"
		}
		return []string{strconv.Itoa(i), x, s, late, early}
	}
	for i := 0; i < n; i++ {
		b.WriteString(strings.Join(cell(i), ","))
		b.WriteString("\n")
	}
	return b.String(), cell
}

func TestReadCSVChunks(t *testing.T) {
	for _, quotes := range []bool{false, true} {
		n := 120_000
		src, cell := csvBig(n, quotes)
		if len(src) < 3*csvChunkSize {
			t.Fatalf("only %d bytes", len(src))
		}
		for _, w := range []int{1, 2, 4} {
			old := arrays.SetWorkers(w)
			tb, err := csvReadString(src)
			arrays.SetWorkers(old)
			if err != nil {
				t.Fatal(err)
			}
			if tb.NumRows() != n {
				t.Fatalf("%d rows, want %d", tb.NumRows(), n)
			}
			kinds := []string{}
			for _, c := range tb.Columns() {
				dt := "-"
				if c.Values != nil {
					dt = c.Values.DType().String()
				}
				kinds = append(kinds, c.Kind.String()+"/"+dt)
			}
			if got, want := strings.Join(kinds, " "), "numeric/int64 numeric/float64 string/- string/- bool/bool"; got != want {
				t.Fatalf("kinds %s, want %s", got, want)
			}
			ids := tb.Col("id").Int64s()
			xs := tb.Col("x").Float64s()
			s, _ := tb.Column("s")
			late, _ := tb.Column("late")
			early, _ := tb.Column("early")
			eb := early.Values.Bools()
			for i := 0; i < n; i++ {
				want := cell(i)
				ws := strings.Trim(want[2], "\"")
				x, _ := strconv.ParseFloat(want[1], 64)
				if ids[i] != int64(i) || xs[i] != x || s.Strings[i] != ws || late.Strings[i] != want[3] ||
					early.IsMissing(i) != (want[4] == "NA") || eb[i] != (want[4] == "true") {
					t.Fatalf("quotes %v, workers %d, row %d: got %d %v %q %q %v/%v, want %q",
						quotes, w, i, ids[i], xs[i], s.Strings[i], late.Strings[i], eb[i], early.IsMissing(i), want)
				}
			}
		}
	}
}

func TestReadCSVChunkErrors(t *testing.T) {
	src, _ := csvBig(100_000, true)
	lines := strings.SplitAfter(src, "\n")
	// A ragged row far into the file: the line number counts every line.
	bad := append([]string{}, lines...)
	bad[90_001] = "1,2\n"
	_, err := csvReadString(strings.Join(bad, ""))
	if err == nil || !strings.Contains(err.Error(), "line 90002: 2 fields, expected 5 (header has 5)") {
		t.Errorf("ragged: %v", err)
	}
	// An unclosed quote at the very end.
	_, err = csvReadString(src + "1,2,\"open,4,5\n")
	want := fmt.Sprintf("line %d, column 5: quoted field not closed", strings.Count(src, "\n")+1)
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("unclosed: %v, want %q", err, want)
	}
}

// csvRoundTrip is a table with every kind and missing values.
func csvRoundTrip(t *testing.T) *Table {
	t.Helper()
	ts := []time.Time{
		time.Date(2024, 1, 31, 12, 30, 0, 0, time.UTC),
		time.Date(1969, 7, 20, 20, 17, 40, 123456789, time.UTC),
		{},
		time.Date(2262, 1, 1, 0, 0, 0, 0, time.UTC),
	}
	tc := TimeColumn("when", ts)
	tc.Missing = []bool{false, false, true, false}
	tc.Values = arrays.FromSlice([]int64{ts[0].UnixNano(), ts[1].UnixNano(), 0, ts[3].UnixNano()})
	days := TimeColumn("day", []time.Time{time.Date(2024, 1, 31, 0, 0, 0, 0, time.UTC), {}, time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2000, 2, 29, 0, 0, 0, 0, time.UTC)})
	days.Missing = []bool{false, true, false, false}
	days.Values = arrays.FromSlice([]int64{days.Values.Int64s()[0], 0, days.Values.Int64s()[2], days.Values.Int64s()[3]})
	tb, err := New(
		&Column{Name: "i", Kind: Numeric, Values: arrays.FromSlice([]int64{1, -2, math.MaxInt64, math.MinInt64})},
		&Column{Name: "f", Kind: Numeric, Values: arrays.FromSlice([]float64{0.1, math.NaN(), 1e-300, math.Inf(-1)}), Missing: []bool{false, true, false, false}},
		&Column{Name: "whole floats", Kind: Numeric, Values: arrays.FromSlice([]float64{1, 2, 1e16, math.Copysign(0, -1)})},
		&Column{Name: "b", Kind: Bool, Values: arrays.FromSlice([]bool{true, false, false, true}), Missing: []bool{false, false, true, false}},
		tc, days,
		&Column{Name: "s, \"quoted\"", Kind: String, Strings: []string{"plain", "with,comma", "", "two\nlines \"q\""}, Missing: []bool{false, false, true, false}},
		&Column{Name: "spaces", Kind: String, Strings: []string{" lead", "trail ", "in side", "x"}},
	)
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

func TestWriteCSVRoundTrip(t *testing.T) {
	tb := csvRoundTrip(t)
	path := filepath.Join(t.TempDir(), "out.csv")
	if err := tb.WriteCSV(path); err != nil {
		t.Fatal(err)
	}
	text, _ := os.ReadFile(path)
	wantText := "i,f,whole floats,b,when,day,\"s, \"\"quoted\"\"\",spaces\n" +
		"1,0.1,1.0,True,2024-01-31T12:30:00Z,2024-01-31,plain, lead\n" +
		"-2,,2.0,False,1969-07-20T20:17:40.123456789Z,,\"with,comma\",trail \n" +
		"9223372036854775807,1e-300,1e+16,,,1900-03-01,,in side\n" +
		"-9223372036854775808,-inf,-0.0,True,2262-01-01T00:00:00Z,2000-02-29,\"two\nlines \"\"q\"\"\",x\n"
	if string(text) != wantText {
		t.Errorf("wrote\n%s\nwant\n%s", text, wantText)
	}
	back, err := ReadCSV(path)
	if err != nil {
		t.Fatal(err)
	}
	got, want := csvDescribe(t, back), csvDescribe(t, tb)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("read back\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	// No temporary file is left beside it.
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("the folder holds %d files", len(entries))
	}
	// Options: another delimiter, an NA text, no header.
	var buf bytes.Buffer
	if err := tb.WriteCSVTo(&buf, Delimiter(';'), NAValues("NA"), NoHeader()); err != nil {
		t.Fatal(err)
	}
	back, err = ReadCSVFrom(&buf, "buf", Delimiter(';'), NAValues("NA"), Header(tb.Names()...))
	if err != nil {
		t.Fatal(err)
	}
	got = csvDescribe(t, back)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("read back with options\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

func TestWriteCSVSingleColumn(t *testing.T) {
	// Missing and blank values would be blank lines: they are quoted.
	tb, err := New(&Column{Name: "s", Kind: String, Strings: []string{"a", "", "  ", "b"}, Missing: []bool{false, true, false, false}})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := tb.WriteCSVTo(&buf); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), "s\na\n\"\"\n\"  \"\nb\n"; got != want {
		t.Errorf("wrote %q, want %q", got, want)
	}
	back, err := ReadCSVFrom(&buf, "buf")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(csvDescribe(t, back), "\n"); got != `s string/- "a" NA "  " "b"` {
		t.Errorf("read back %s", got)
	}
}

func TestWriteCSVErrors(t *testing.T) {
	tb := csvRoundTrip(t)
	err := tb.WriteCSV(filepath.Join(t.TempDir(), "no", "such", "dir.csv"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing folder: %v", err)
	}
	if err := tb.WriteCSVTo(&bytes.Buffer{}, Header("a")); err == nil || err.Error() != "table.WriteCSV: Header: 1 names for 8 columns" {
		t.Errorf("Header: %v", err)
	}
	if err := tb.WriteCSVTo(&bytes.Buffer{}, Delimiter('\n')); err == nil {
		t.Errorf("Delimiter('\\n'): no error")
	}
	werr := errors.New("disk full")
	if err := tb.WriteCSVTo(csvFailWriter{werr}); !errors.Is(err, werr) {
		t.Errorf("a failing writer: %v", err)
	}
	// WriteCSV keeps an existing file when it fails.
	path := filepath.Join(t.TempDir(), "keep.csv")
	os.WriteFile(path, []byte("old"), 0o644)
	if err := tb.WriteCSV(path, Header("x")); err == nil {
		t.Errorf("no error")
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("the file holds %q", b)
	}
}

type csvFailWriter struct{ err error }

func (w csvFailWriter) Write([]byte) (int, error) { return 0, w.err }

func TestCSVAppendFloat(t *testing.T) {
	// As Python's repr.
	for _, c := range []struct {
		f    float64
		want string
	}{
		{0, "0.0"}, {math.Copysign(0, -1), "-0.0"}, {1, "1.0"}, {0.1, "0.1"}, {1e-4, "0.0001"},
		{9.5e-5, "9.5e-05"}, {1234567.0, "1234567.0"}, {1e15, "1000000000000000.0"},
		{1e16, "1e+16"}, {1.5e16, "1.5e+16"}, {123.456, "123.456"}, {5e-324, "5e-324"},
		{math.MaxFloat64, "1.7976931348623157e+308"}, {math.Inf(1), "inf"}, {math.Inf(-1), "-inf"},
	} {
		if got := string(csvAppendFloat(nil, c.f, 64)); got != c.want {
			t.Errorf("%v: got %s, want %s", c.f, got, c.want)
		}
	}
}

func TestCSVParseFloat(t *testing.T) {
	check := func(s string) {
		t.Helper()
		got, ok := csvParseFloat([]byte(s))
		want, err := strconv.ParseFloat(s, 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			t.Fatalf("strconv rejects %q: %v", s, err)
		}
		if !ok || math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("%q: got %v (%x, ok %v), want %v (%x)", s, got, math.Float64bits(got), ok, want, math.Float64bits(want))
		}
	}
	for _, s := range []string{"0", "-0", "0.1", "1.7976931348623157e308", "1.7976931348623159e308",
		"2.2250738585072011e-308", "4.9406564584124654e-324", "2.4703282292062327e-324",
		"9007199254740993", "9007199254740992.5", "123456789012345678901234567890",
		"0.000000000000000000000000000001", "1e23", "8.98846567431158e307", "1e22", "1e37",
		"9007199254740991e22", "9007199254740991e23", "4503599627370497.5", "0.30000000000000004",
		"1.00000000000000011102230246251565404236316680908203125", "1e-22", "123e-25", "1.e5", ".5e-3"} {
		check(s)
	}
	rng := rand.New(rand.NewPCG(7, 8))
	var b []byte
	for n := 0; n < 500_000; n++ {
		b = b[:0]
		if rng.IntN(2) == 0 {
			b = append(b, "-+"[rng.IntN(2)])
		}
		nd := 1 + rng.IntN(25)
		dot := rng.IntN(nd + 2)
		for i := 0; i < nd; i++ {
			if i == dot {
				b = append(b, '.')
			}
			d := byte(rng.IntN(10))
			if i < 3 && rng.IntN(3) == 0 {
				d = 0
			}
			b = append(b, '0'+d)
		}
		if rng.IntN(3) == 0 {
			b = append(b, "eE"[rng.IntN(2)])
			if rng.IntN(2) == 0 {
				b = append(b, "-+"[rng.IntN(2)])
			}
			b = strconv.AppendInt(b, int64(rng.IntN(700)), 10)
		}
		check(string(b))
	}
	// Exactly representable ints times powers of ten: the fast path's edge.
	for n := 0; n < 200_000; n++ {
		m := rng.Uint64N(1 << 54)
		e := rng.IntN(80) - 40
		check(strconv.FormatUint(m, 10) + "e" + strconv.Itoa(e))
	}
	for _, s := range []string{"", ".", "e5", "1e", "1e+", "1.2.3", "--1", "1-", "0x1p3", "1_0", "in", "infx", "nana", "1 2", "+", "1e5.5"} {
		if v, ok := csvParseFloat([]byte(s)); ok {
			t.Errorf("%q: parsed as %v", s, v)
		}
	}
	for _, c := range []struct {
		s    string
		want float64
	}{{"inf", math.Inf(1)}, {"-Infinity", math.Inf(-1)}, {"+INF", math.Inf(1)}, {" 2.5\t", 2.5}} {
		if v, ok := csvParseFloat([]byte(c.s)); !ok || v != c.want {
			t.Errorf("%q: got %v %v", c.s, v, ok)
		}
	}
	if v, ok := csvParseFloat([]byte("-nan")); !ok || !math.IsNaN(v) {
		t.Errorf("-nan: got %v %v", v, ok)
	}
}

func TestCSVParseInt(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for n := 0; n < 200_000; n++ {
		var s string
		switch rng.IntN(4) {
		case 0:
			s = strconv.FormatInt(int64(rng.Uint64()), 10)
		case 1:
			s = strconv.FormatInt(rng.Int64N(1000)-500, 10)
		case 2:
			s = strconv.FormatUint(rng.Uint64(), 10) // may overflow
		default:
			s = "+" + strings.Repeat("0", rng.IntN(25)) + strconv.FormatInt(rng.Int64(), 10)
		}
		got, ok := csvParseInt([]byte(s))
		want, err := strconv.ParseInt(s, 10, 64)
		if ok != (err == nil) || (ok && got != want) {
			t.Fatalf("%q: got %d %v, want %d %v", s, got, ok, want, err)
		}
	}
	for _, s := range []string{"", "-", "+", "1.0", "1e3", "0x1", "1_000", "١"} {
		if _, ok := csvParseInt([]byte(s)); ok {
			t.Errorf("%q parsed", s)
		}
	}
}

func TestCSVParseTime(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	lo := time.Date(1678, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	hi := time.Date(2261, 12, 31, 0, 0, 0, 0, time.UTC).Unix()
	layouts := []string{"2006-01-02", "2006-01-02T15:04:05", "2006-01-02 15:04:05.999999999",
		"2006-01-02T15:04:05Z07:00", "2006-01-02T15:04:05.000-0700", "2006-01-02T15:04Z07:00"}
	for n := 0; n < 100_000; n++ {
		tm := time.Unix(lo+rng.Int64N(hi-lo), rng.Int64N(1e9)).In(time.FixedZone("", (rng.IntN(49)-24)*1800))
		layout := layouts[rng.IntN(len(layouts))]
		s := tm.Format(layout)
		want, err := time.Parse(layout, s)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := csvParseTime([]byte(s))
		if !ok || got != want.UnixNano() {
			t.Fatalf("%q: got %v %v, want %v", s, time.Unix(0, got).UTC(), ok, want.UTC())
		}
	}
}

func TestCSVDedupNames(t *testing.T) {
	// As pandas 1.5 (with column_i for its "Unnamed: i").
	for _, c := range []struct{ in, want string }{
		{"a,a,a", "a a.1 a.2"},
		{"a,a,a.1,a", "a a.2 a.1 a.3"},
		{"a.1,a,a", "a.1 a a.2"},
		{"a,a.1,a,a.1", "a a.1 a.2 a.1.1"},
		{",,a,column_0", "column_0.1 column_1 a column_0"},
		{"b,a,,a", "b a column_2 a.1"},
	} {
		if got := strings.Join(csvDedupNames(strings.Split(c.in, ",")), " "); got != c.want {
			t.Errorf("%s: got %s, want %s", c.in, got, c.want)
		}
	}
}

// csvGolden is testdata/csv/golden.json (see generate.py there).
type csvGolden struct {
	Sha256 string `json:"generator_sha256"`
	Pandas string `json:"pandas"`
	Files  []struct {
		File    string `json:"file"`
		Columns []struct {
			Name   string    `json:"name"`
			Dtype  string    `json:"dtype"`
			Values []any     `json:"values"`
			AsTime []*string `json:"as_time"`
		} `json:"columns"`
	} `json:"files"`
}

func csvLoadGolden(t *testing.T) *csvGolden {
	t.Helper()
	b, err := os.ReadFile("testdata/csv/golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var g csvGolden
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	return &g
}

// TestCSVGoldenFresh fails when generate.py changed after golden.json was
// written: run go generate ./arrays/table.
func TestCSVGoldenFresh(t *testing.T) {
	g := csvLoadGolden(t)
	src, err := os.ReadFile("testdata/csv/generate.py")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(src)
	if got := hex.EncodeToString(sum[:]); got != g.Sha256 {
		t.Fatalf("testdata/csv/golden.json is stale (generate.py has SHA-256 %s, the data was made by %s): run go generate ./arrays/table", got, g.Sha256)
	}
}

// TestReadCSVGolden reads the files of testdata/csv and compares every
// column with what pandas.read_csv made of it. The deliberate differences
// (documented on ReadCSV):
//   - pandas names an empty header field "Unnamed: i", we "column_i";
//   - pandas makes integers beyond int64 uint64 (or strings), we float64;
//   - pandas keeps a bool column with missing values as objects, we make
//     it Bool with Missing;
//   - pandas keeps ISO 8601 date-times as strings, we make them Time;
//   - pandas' default float parser can be one unit in the last place off
//     (the data is from float_precision="round_trip"), we round correctly.
//
// The semicolon and tab files are read without options: we find the
// delimiter that pandas was told.
func TestReadCSVGolden(t *testing.T) {
	g := csvLoadGolden(t)
	for _, f := range g.Files {
		t.Run(f.File, func(t *testing.T) {
			tb, err := ReadCSV(filepath.Join("testdata/csv", f.File))
			if err != nil {
				t.Fatal(err)
			}
			if tb.NumCols() != len(f.Columns) {
				t.Fatalf("%d columns, pandas %d", tb.NumCols(), len(f.Columns))
			}
			for ci, want := range f.Columns {
				c := tb.Columns()[ci]
				name := want.Name
				if rest, ok := strings.CutPrefix(name, "Unnamed: "); ok {
					name = "column_" + rest
				}
				if c.Name != name {
					t.Errorf("column %d is named %q, pandas %q", ci, c.Name, want.Name)
				}
				if c.Len() != len(want.Values) {
					t.Fatalf("column %q: %d values, pandas %d", c.Name, c.Len(), len(want.Values))
				}
				bad := func(i int, got any) {
					t.Errorf("column %q (pandas %s), row %d: got %v (missing %v), pandas %v", c.Name, want.Dtype, i, got, c.IsMissing(i), want.Values[i])
				}
				kind := func(k Kind, dt arrays.DType) bool {
					if c.Kind != k || (c.Values != nil && c.Values.DType() != dt) {
						t.Errorf("column %q: %v, pandas %s", c.Name, c.Kind, want.Dtype)
						return false
					}
					return true
				}
				switch {
				case want.Dtype == "int64":
					if !kind(Numeric, arrays.Int64) {
						continue
					}
					for i, v := range c.Values.Int64s() {
						if strconv.FormatInt(v, 10) != want.Values[i] || c.IsMissing(i) {
							bad(i, v)
						}
					}
				case want.Dtype == "uint64":
					if !kind(Numeric, arrays.Float64) {
						continue
					}
					for i, v := range c.Values.Float64s() {
						u, _ := strconv.ParseUint(want.Values[i].(string), 10, 64)
						if v != float64(u) || c.IsMissing(i) {
							bad(i, v)
						}
					}
				case want.Dtype == "float64":
					if !kind(Numeric, arrays.Float64) {
						continue
					}
					for i, v := range c.Values.Float64s() {
						w, err := strconv.ParseFloat(want.Values[i].(string), 64)
						if err != nil {
							t.Fatal(err)
						}
						if math.IsNaN(w) != c.IsMissing(i) || (!math.IsNaN(w) && math.Float64bits(v) != math.Float64bits(w)) {
							bad(i, v)
						}
					}
				case want.Dtype == "bool" || (want.Dtype == "object" && csvAllBools(want.Values)):
					if !kind(Bool, arrays.Bool) {
						continue
					}
					for i, v := range c.Values.Bools() {
						if (want.Values[i] == nil) != c.IsMissing(i) || (want.Values[i] != nil && want.Values[i] != v) {
							bad(i, v)
						}
					}
				case want.AsTime != nil:
					if !kind(Time, arrays.Int64) {
						continue
					}
					for i, v := range c.Values.Int64s() {
						w := want.AsTime[i]
						if (w == nil) != c.IsMissing(i) || (w != nil && strconv.FormatInt(v, 10) != *w) {
							bad(i, v)
						}
					}
				default:
					if !kind(String, 0) {
						continue
					}
					for i, v := range c.Strings {
						if (want.Values[i] == nil) != c.IsMissing(i) || (want.Values[i] != nil && want.Values[i] != v) {
							bad(i, v)
						}
					}
				}
			}
		})
	}
}

func csvAllBools(vals []any) bool {
	n := 0
	for _, v := range vals {
		switch v.(type) {
		case bool:
			n++
		case nil:
		default:
			return false
		}
	}
	return n > 0
}

func ExampleReadCSVFrom() {
	src := `city,temp,rain,date
Oslo,3.5,true,2024-01-31
"Rio de Janeiro, BR",NA,false,2024-02-01T12:00:00
Lima,19,,2024-02-02
`
	t, err := ReadCSVFrom(strings.NewReader(src), "weather.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range t.Columns() {
		fmt.Printf("%-5s %-8v", c.Name, c.Kind)
		switch c.Kind {
		case String:
			fmt.Printf("%q", c.Strings)
		case Time:
			for _, ns := range c.Values.Int64s() {
				fmt.Print(time.Unix(0, ns).UTC().Format(time.DateTime), "  ")
			}
		default:
			fmt.Print(c.Values.DType(), " ", c.Values.Data())
		}
		fmt.Println(" missing:", c.Missing)
	}
	_, err = ReadCSVFrom(strings.NewReader("a,b\n1,2\n3,4,5\n"), "bad.csv")
	fmt.Println(err)
	// Output:
	// city  string  ["Oslo" "Rio de Janeiro, BR" "Lima"] missing: []
	// temp  numeric float64 [3.5 NaN 19] missing: [false true false]
	// rain  bool    bool [true false false] missing: [false false true]
	// date  time    2024-01-31 00:00:00  2024-02-01 12:00:00  2024-02-02 00:00:00   missing: []
	// table.ReadCSV: bad.csv, line 3: 3 fields, expected 2 (header has 2)
}

// TestReadCSVLargeFile reads a file large enough for csvReadFile to read it
// in pieces on the worker pool.
func TestReadCSVLargeFile(t *testing.T) {
	src, _ := csvBig(330_000, true)
	if len(src) < 9<<20 {
		t.Fatalf("only %d bytes", len(src))
	}
	path := filepath.Join(t.TempDir(), "big.csv")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := csvReadFile(path)
	if err != nil || string(data) != src {
		t.Fatalf("csvReadFile: %d bytes, %v", len(data), err)
	}
	fromFile, err := ReadCSV(path)
	if err != nil {
		t.Fatal(err)
	}
	fromReader, err := csvReadString(src)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := csvDescribe(t, fromFile), csvDescribe(t, fromReader); strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Errorf("ReadCSV and ReadCSVFrom differ")
	}
}
