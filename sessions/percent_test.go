package sessions

import (
	"bytes"
	"flag"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var regen = flag.Bool("regen", false, "rewrite the golden percent files in testdata/percent")

func TestReadPercentHandwritten(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "percent", "handwritten.go"))
	if err != nil {
		t.Fatal(err)
	}
	nb, err := ParsePercent(src)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		typ    CellType
		source string
		meta   string
	}{
		{CodeCell, "package main\n\n// Text before the first marker is a code cell.", ""},
		{MarkdownCell, "# Loading\n\nRead the **CSV**.", `tags=["setup"] title="Load the data"`},
		{CodeCell, "t, err := table.ReadCSV(\"data.csv\")\n", ""},
		{CodeCell, "fig := plotting.Line(x, y)\nfig", `collapsed=true tags=["plot","slow"]`},
		{RawCell, "\\begin{equation}\nE = mc^2\n\\end{equation}", ""},
	}
	if len(nb.Cells) != len(want) {
		t.Fatalf("%d cells, want %d", len(nb.Cells), len(want))
	}
	for i, w := range want {
		c := nb.Cells[i]
		if c.Type != w.typ || c.Source != w.source || metaString(c) != w.meta {
			t.Errorf("cell %d: %s %q %s, want %s %q %s", i+1, c.Type, c.Source, metaString(c), w.typ, w.source, w.meta)
		}
	}
	if nb.Language() != "go" || nb.KernelSpec().Name != KernelName {
		t.Errorf("metadata %v", nb.Metadata)
	}
}

func metaString(c *Cell) string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(c.Metadata)) {
		parts = append(parts, k+"="+string(c.Metadata[k]))
	}
	return strings.Join(parts, " ")
}

// TestPercentRoundTrip goes .ipynb -> .go -> .ipynb and checks the sources
// and cell types, and .go -> .ipynb -> .go for the text; the .go forms are
// golden files (go test -regen rewrites them).
func TestPercentRoundTrip(t *testing.T) {
	for _, name := range []string{"jupyter_python.ipynb", "workbench_go.ipynb"} {
		t.Run(name, func(t *testing.T) {
			nb, err := Parse(readFixture(t, name))
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := WritePercent(&buf, nb); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "percent", strings.TrimSuffix(name, ".ipynb")+".go")
			if *regen {
				os.WriteFile(golden, buf.Bytes(), 0o644)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("WritePercent differs from %s:\n%s", golden, firstDiff(string(want), buf.String()))
			}
			back, err := ReadPercent(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if len(back.Cells) != len(nb.Cells) {
				t.Fatalf("%d cells back, want %d", len(back.Cells), len(nb.Cells))
			}
			for i, c := range nb.Cells {
				b := back.Cells[i]
				if b.Type != c.Type || b.Source != c.Source || b.Outputs != nil {
					t.Errorf("cell %d back as %s %q, want %s %q", i+1, b.Type, b.Source, c.Type, c.Source)
				}
				if metaString(b) != metaString(c) {
					t.Errorf("cell %d metadata back as %s, want %s", i+1, metaString(b), metaString(c))
				}
			}
			if nb.KernelSpec() != back.KernelSpec() {
				t.Errorf("kernelspec back as %+v, want %+v", back.KernelSpec(), nb.KernelSpec())
			}
			var again bytes.Buffer
			WritePercent(&again, back)
			if again.String() != buf.String() {
				t.Errorf("written again differently:\n%s", firstDiff(buf.String(), again.String()))
			}
		})
	}
}

func TestPercentSources(t *testing.T) {
	// Sources with blank lines of their own round-trip (but for blank lines
	// at the very end of the last cell).
	for _, sources := range [][]string{
		{"a", "b"},
		{"", "x"},
		{"a\n", "\n\nb\n\n", "c"},
		{"# md\n\nsecond paragraph", "x := 1 // %% not a marker", "last"},
		{"# \n#  indented"},
	} {
		nb := notebookOf(sources...)
		var buf bytes.Buffer
		if err := WritePercent(&buf, nb); err != nil {
			t.Fatal(err)
		}
		back, err := ParsePercent(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if len(back.Cells) != len(sources) {
			t.Errorf("%q: %d cells back:\n%s", sources, len(back.Cells), buf.String())
			continue
		}
		for i, s := range sources {
			if back.Cells[i].Source != s {
				t.Errorf("%q: cell %d back as %q:\n%s", sources, i+1, back.Cells[i].Source, buf.String())
			}
		}
	}
}

func TestPercentVerifySettings(t *testing.T) {
	nb := notebookOf("print x")
	nb.Record = &Record{Verify: &VerifySettings{Mask: []string{`\d+ms`}, Tolerance: &Tolerance{RTol: 1e-9}}}
	nb.Cells[0].Record = &CellRecord{Device: "cpu", Verify: &VerifySettings{Volatile: true}}
	var buf bytes.Buffer
	if err := WritePercent(&buf, nb); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`//   workbench: {"verify":{"mask":["\\d+ms"],"tolerance":{"atol":0,"rtol":1e-09}}}`,
		`// %% workbench={"verify":{"volatile":true}}`,
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("no %s in\n%s", want, buf.String())
		}
	}
	back, err := ParsePercent(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if back.Record == nil || back.Record.Verify.Tolerance.RTol != 1e-9 || back.Cells[0].Record == nil || !back.Cells[0].Record.Verify.Volatile {
		t.Errorf("verify settings lost: %+v %+v", back.Record, back.Cells[0].Record)
	}
}

func TestParsePercentErrors(t *testing.T) {
	_, err := ParsePercent([]byte("// %%\nx := 1\ny := \"\xff\"\n"))
	if err == nil || err.Error() != "3:7: the file is not UTF-8 text" {
		t.Errorf("error %v", err)
	}
	nb, err := ParsePercent(nil)
	if err != nil || len(nb.Cells) != 0 {
		t.Errorf("empty file: %v %v", nb, err)
	}
}
