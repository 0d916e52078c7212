package table

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// csvBenchRows gives a file of about 100 MB: 10 float columns, half like
// 0.123456789012, half like -12345.678.
const csvBenchRows = 800_000

// csvBenchData makes the benchmark file's content: fixed seed, so that
// scripts/bench_csv.sh times NumPy and pandas on the very same bytes.
func csvBenchData() []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	buf := make([]byte, 0, 112*csvBenchRows)
	for j := 0; j < 10; j++ {
		if j > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, 'c')
		buf = strconv.AppendInt(buf, int64(j), 10)
	}
	buf = append(buf, '\n')
	for i := 0; i < csvBenchRows; i++ {
		for j := 0; j < 10; j++ {
			if j > 0 {
				buf = append(buf, ',')
			}
			if j%2 == 0 {
				buf = strconv.AppendFloat(buf, rng.Float64(), 'f', 12, 64)
			} else {
				buf = strconv.AppendFloat(buf, (rng.Float64()-0.5)*1e5, 'f', 3, 64)
			}
		}
		buf = append(buf, '\n')
	}
	return buf
}

// csvBenchFile returns the path of the benchmark file: CSV_BENCH_FILE when
// it is set and exists (scripts/bench_csv.sh), else a new file in dir.
func csvBenchFile(tb testing.TB, dir string) string {
	if p := os.Getenv("CSV_BENCH_FILE"); p != "" {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	p := filepath.Join(dir, "numeric.csv")
	if err := os.WriteFile(p, csvBenchData(), 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

// TestWriteCSVBenchFile writes the benchmark file to CSV_BENCH_OUT (for
// scripts/bench_csv.sh); without it, it is skipped.
func TestWriteCSVBenchFile(t *testing.T) {
	out := os.Getenv("CSV_BENCH_OUT")
	if out == "" {
		t.Skip("CSV_BENCH_OUT not set")
	}
	if err := os.WriteFile(out, csvBenchData(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkReadCSVNumeric reads a ~100 MB file of 10 float columns.
func BenchmarkReadCSVNumeric(b *testing.B) {
	path := csvBenchFile(b, b.TempDir())
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	b.ResetTimer()
	for b.Loop() {
		t, err := ReadCSV(path)
		if err != nil {
			b.Fatal(err)
		}
		if t.NumCols() != 10 {
			b.Fatalf("%d columns", t.NumCols())
		}
	}
}
