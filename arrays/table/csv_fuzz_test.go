package table

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// FuzzReadCSV reads arbitrary bytes, with options chosen by opt. It checks
// that nothing panics, that every error is a *Error, that the result does
// not depend on how the rows are cut into chunks (a cut every few bytes
// against one piece), and that what WriteCSVTo writes reads back with the
// same names and number of rows.
func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{
		"a,b,c\n1,2.5,x\n3,NA,\"y,\"\"z\"\"\"\n",
		"a;b\n1;true\n2;FALSE\n",
		"\ufeffa\tb\r\n2024-01-31\t1e5\r\n2024-01-31T12:00:00Z\t-inf",
		"a,b\n\"x\ny\",1\n\"two\r\nlines\",2\n3,\"open",
		"a,a,,a.1\n1,2,3,4\n",
		"# comment\nx|y\n1|2 # trailing\n",
		"a\n1\n2\nx\n\n  \nNA\n",
		"a,b\n1,2\n3\n",
		"h\n9223372036854775808\n-0\n.5\n1.\n",
	} {
		f.Add([]byte(s), uint8(0))
	}
	f.Add([]byte("1,2\n3,4\n"), uint8(1))
	f.Add([]byte("#x\na;b\n1;2#c\n"), uint8(2|4))
	f.Add([]byte("title\na,b\n1,2\n"), uint8(8))
	f.Fuzz(func(t *testing.T, data []byte, opt uint8) {
		var opts []CSVOption
		delim := ','
		if opt&1 != 0 {
			opts = append(opts, NoHeader())
		}
		if opt&2 != 0 {
			opts = append(opts, Comment('#'))
		}
		if opt&4 != 0 {
			opts = append(opts, Delimiter(';'))
			delim = ';'
		}
		if opt&8 != 0 {
			opts = append(opts, SkipRows(1))
		}
		if opt&16 != 0 {
			opts = append(opts, ColumnKind("column_0", Numeric))
		}
		if opt&32 != 0 {
			opts = append(opts, NAValues("x"))
		}
		read := func(chunk int) (*Table, error) {
			old := csvChunkSize
			csvChunkSize = chunk
			defer func() { csvChunkSize = old }()
			tb, err := ReadCSVFrom(bytes.NewReader(data), "fuzz.csv", opts...)
			var te *Error
			if err != nil && !errors.As(err, &te) {
				t.Fatalf("%T is not a *Error: %v", err, err)
			}
			return tb, err
		}
		tb, err := read(1 << 30)
		small, serr := read(1 + int(opt>>6))
		if (err == nil) != (serr == nil) || (err != nil && err.Error() != serr.Error()) {
			t.Fatalf("one piece: %v; small chunks: %v", err, serr)
		}
		if err != nil {
			return
		}
		if a, b := strings.Join(csvDescribe(t, tb), "\n"), strings.Join(csvDescribe(t, small), "\n"); a != b {
			t.Fatalf("one piece:\n%s\nsmall chunks:\n%s", a, b)
		}
		var buf bytes.Buffer
		if err := tb.WriteCSVTo(&buf, Delimiter(delim)); err != nil {
			t.Fatal(err)
		}
		back, err := ReadCSVFrom(bytes.NewReader(buf.Bytes()), "back.csv", Delimiter(delim), NAValues(""))
		if err != nil {
			t.Fatalf("reading back %q: %v", buf.String(), err)
		}
		if back.NumRows() != tb.NumRows() || back.NumCols() != tb.NumCols() {
			t.Fatalf("read back %d×%d from %q, wrote %d×%d", back.NumRows(), back.NumCols(), buf.String(), tb.NumRows(), tb.NumCols())
		}
		if names := tb.Names(); !strings.HasPrefix(names[0], "\ufeff") && strings.Join(back.Names(), "\x00") != strings.Join(names, "\x00") {
			t.Fatalf("read back names %q, wrote %q", back.Names(), names)
		}
	})
}
