package sessions

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The fixtures are written by nbformat itself (testdata/generate.py), so
// writing them back byte for byte shows that Write formats as Jupyter.
var fixtures = []string{"jupyter_python.ipynb", "workbench_go.ipynb", "future.ipynb"}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestRoundTripFixtures(t *testing.T) {
	for _, name := range fixtures {
		t.Run(name, func(t *testing.T) {
			src := readFixture(t, name)
			nb, err := Parse(src)
			if err != nil {
				t.Fatal(err)
			}
			out, err := Marshal(nb)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out, src) {
				t.Errorf("written back differently:\n%s", firstDiff(string(src), string(out)))
			}
			// A clone writes the same.
			out2, err := Marshal(nb.Clone())
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out2, out) {
				t.Errorf("a clone writes differently:\n%s", firstDiff(string(out), string(out2)))
			}
		})
	}
}

// firstDiff shows the first line where a and b differ.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range max(len(al), len(bl)) {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "line " + strconv.Itoa(i+1) + ":\n want " + x + "\n got  " + y
		}
	}
	return "(no line differs)"
}

func TestReadModel(t *testing.T) {
	nb, err := Parse(readFixture(t, "jupyter_python.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	if nb.Format != 4 || nb.Minor != 5 || len(nb.Cells) != 6 {
		t.Fatalf("nbformat %d.%d with %d cells", nb.Format, nb.Minor, len(nb.Cells))
	}
	if got := nb.Language(); got != "python" {
		t.Errorf("Language() = %q", got)
	}
	if _, ok := nb.Metadata["widgets"]; !ok {
		t.Error("widget state lost")
	}
	md := nb.Cells[0]
	if md.Type != MarkdownCell || md.ID != "intro" || !strings.HasPrefix(md.Source, "# Results\n\nThe plot") {
		t.Errorf("markdown cell: %+v", md)
	}
	var att map[string]map[string]string
	if err := json.Unmarshal(md.Attachments, &att); err != nil || att["red.png"]["image/png"] == "" {
		t.Errorf("attachments %s: %v", md.Attachments, err)
	}
	c1 := nb.Cells[1]
	if c1.ExecutionCount == nil || *c1.ExecutionCount != 1 || len(c1.Outputs) != 2 {
		t.Fatalf("code cell: %+v", c1)
	}
	if o := c1.Outputs[0]; o.Type != OutputStream || o.Name != "stdout" || o.Text != "[0.  0.5 1. ]\nline\u2028next\r\nend" {
		t.Errorf("stream: %+v", o)
	}
	if o := c1.Outputs[1]; string(o.Data[MIMEHTML]) != "<b>x</b>\n<i>y</i>\n" || o.ExecutionCount == nil {
		t.Errorf("execute_result: %+v", o)
	}
	img := nb.Cells[2].Outputs[0]
	if !bytes.HasPrefix(img.Data[MIMEPNG], []byte("\x89PNG")) {
		t.Errorf("image/png not decoded from base64: %q", img.Data[MIMEPNG][:8])
	}
	if string(img.Metadata["image/png"]) != `{"height":30,"width":40}` {
		t.Errorf("output metadata: %s", img.Metadata["image/png"])
	}
	if w := nb.Cells[2].Outputs[1].Data["application/vnd.jupyter.widget-view+json"]; string(w) != `{"model_id":"5d1c0e2b","version_major":2,"version_minor":0}` {
		t.Errorf("widget view: %s", w)
	}
	e := nb.Cells[3].Outputs[0]
	if e.Type != OutputError || e.EName != "ZeroDivisionError" || len(e.Traceback) != 2 || !strings.HasPrefix(e.Traceback[0], "\x1b[0;31m") {
		t.Errorf("error: %+v", e)
	}
	if r := nb.Cells[4]; r.Type != RawCell || string(r.Metadata["raw_mimetype"]) != `"text/latex"` {
		t.Errorf("raw cell: %+v", r)
	}
	if c := nb.Cells[5]; c.Source != "" || c.ExecutionCount != nil || c.Outputs == nil {
		t.Errorf("empty cell: %+v", c)
	}
}

func TestReadRecord(t *testing.T) {
	nb, err := Parse(readFixture(t, "workbench_go.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	r := nb.Record
	if r == nil || r.Environment == nil || r.Verify == nil {
		t.Fatalf("record: %+v", r)
	}
	env := r.Environment
	if env.Arch != "amd64" || env.SIMD != "avx512" || env.Workers != 8 || env.Seed != 42 || len(env.CPUFeatures) != 3 {
		t.Errorf("environment: %+v", env)
	}
	if seed, ok := nb.Seed(); !ok || seed != 42 {
		t.Errorf("Seed() = %d, %v", seed, ok)
	}
	if r.Date != "2026-03-01T12:00:00Z" || r.Verify.Tolerance.RTol != 1e-9 || r.Verify.Mask[0] != "[0-9.]+ms" {
		t.Errorf("record: %+v, verify %+v", r, r.Verify)
	}
	c := nb.Cells[2].Record
	if c == nil || c.Device != "cpu" || c.Duration != 0.0125 || c.Verify == nil || c.Verify.VolatileOutputs[0] != 0 {
		t.Errorf("cell record: %+v", c)
	}
	if err := RefuseForeign(nb); err != nil {
		t.Error(err)
	}
}

func TestReadFuture(t *testing.T) {
	nb, err := Parse(readFixture(t, "future.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	if nb.Minor != 6 || nb.Extra["future_top_level"] == nil {
		t.Errorf("top level: %d %v", nb.Minor, nb.Extra)
	}
	c := nb.Cells[0]
	if string(c.Extra["future_cell_key"]) != `"kept"` || c.Outputs[0].Type != "hologram" || string(c.Outputs[0].Extra["depth"]) != "3" {
		t.Errorf("code cell: %+v", c)
	}
	if c.Outputs[1].Text != "a\nb" || string(c.Outputs[1].Extra["future_key"]) != "true" {
		t.Errorf("stream: %+v", c.Outputs[1])
	}
	s := nb.Cells[1]
	if s.Type != "sketch" || string(s.Extra["source"]) != "7" || s.Extra["strokes"] == nil {
		t.Errorf("unknown cell: %+v", s)
	}
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		line, col int
		want      string
	}{
		{"empty", "", 1, 1, "empty"},
		{"not JSON", "{\n \"cells\": [\n  oops\n ]\n}", 3, 3, "invalid character 'o'"},
		{"trailing comma", "{\"cells\": [1,]}", 1, 14, "looking for a value"},
		{"unterminated", "{\"cells\": [", 1, 12, "unexpected end"},
		{"control character", "{\"a\": \"x\ny\"}", 1, 9, "control character"},
		{"bad UTF-8", "{\"a\": \"\xff\"}", 1, 8, "UTF-8"},
		{"NaN", "{\"a\": NaN}", 1, 7, "invalid character 'N'"},
		{"after the value", "{} x", 1, 4, "text after"},
		{"bad escape", `{"a": "\q"}`, 1, 8, `invalid escape \q`},
		{"not an object", "[1]", 1, 1, "a notebook is a JSON object"},
		{"no nbformat", `{"cells": []}`, 1, 1, "no nbformat"},
		{"nbformat 3", `{"nbformat": 3, "worksheets": []}`, 1, 14, "nbformat 3 is too old"},
		{"nbformat 5", "{\n\"nbformat\": 5}", 2, 13, "nbformat 5 is newer"},
		{"no cells", `{"nbformat": 4, "nbformat_minor": 5, "metadata": {}}`, 1, 1, "no cells"},
		{"bad source", "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {},\n \"cells\": [{\"cell_type\": \"code\", \"source\": 5}]}", 2, 44, "cell 1: source must be a string or a list of strings, not the number 5"},
		{"bad output", `{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "code", "source": "", "outputs": [{"output_type": "stream", "name": "stdout", "text": 1}]}]}`, 1, 164, "cell 1, output 1: text must be a string"},
		{"bad base64", `{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "code", "source": "", "outputs": [{"output_type": "display_data", "data": {"image/png": "**"}, "metadata": {}}]}]}`, 1, 166, "image/png data is not base64"},
		{"bad record", `{"nbformat": 4, "nbformat_minor": 5, "metadata": {"workbench": {"seed": "x"}}, "cells": []}`, 1, 64, "metadata.workbench.seed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.src))
			var fe *FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v (%T), want a *FormatError", err, err)
			}
			if fe.Line != tc.line || fe.Column != tc.col || !strings.Contains(fe.Msg, tc.want) {
				t.Errorf("got %d:%d %q, want %d:%d and %q", fe.Line, fe.Column, fe.Msg, tc.line, tc.col, tc.want)
			}
		})
	}
}

func TestLoadErrorNamesFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.ipynb")
	os.WriteFile(path, []byte("{\n  \"nbformat\": 4,\n  \"cells\": [}\n"), 0o644)
	_, err := Load(path)
	if err == nil || !strings.HasPrefix(err.Error(), path+":3:13: bad JSON") {
		t.Errorf("Load error = %v", err)
	}
}

func TestUpgradeAndIDs(t *testing.T) {
	src := `{"nbformat": 4, "nbformat_minor": 2, "metadata": {"orig_nbformat": 3},
	 "cells": [
	  {"cell_type": "code", "metadata": {"trusted": true}, "source": ["a\n", "b"], "execution_count": null, "outputs": []},
	  {"cell_type": "markdown", "id": "same", "metadata": {}, "source": ""},
	  {"cell_type": "markdown", "id": "same", "metadata": {}, "source": ""},
	  {"cell_type": "raw", "id": "not valid!", "metadata": {}, "source": ""}
	 ]}`
	nb, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for i, c := range nb.Cells {
		if !ValidCellID(c.ID) || seen[c.ID] {
			t.Errorf("cell %d has id %q", i, c.ID)
		}
		seen[c.ID] = true
	}
	if nb.Cells[1].ID != "same" {
		t.Errorf("the first of two equal ids changed to %q", nb.Cells[1].ID)
	}
	out, err := Marshal(nb)
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	if !strings.Contains(s, `"nbformat_minor": 5`) || strings.Contains(s, "orig_nbformat") || strings.Contains(s, "trusted") {
		t.Errorf("written:\n%s", s)
	}
}

func TestValidCellID(t *testing.T) {
	for id, want := range map[string]bool{
		"": false, "a": true, "a-b_C9": true, strings.Repeat("x", 64): true,
		strings.Repeat("x", 65): false, "a b": false, "é": false, "a.b": false,
	} {
		if got := ValidCellID(id); got != want {
			t.Errorf("ValidCellID(%q) = %v", id, got)
		}
	}
	if id := NewCellID(); !ValidCellID(id) || len(id) != 8 {
		t.Errorf("NewCellID() = %q", id)
	}
}

func TestWriteFormatting(t *testing.T) {
	nb := New()
	c := NewCode("x := 1\nx")
	c.ID = "c"
	c.ExecutionCount = new(1)
	c.Outputs = []Output{
		{Type: OutputStream, Name: "stdout", Text: "a\nb\n"},
		{Type: OutputExecuteResult, ExecutionCount: new(1), Data: Bundle{
			MIMEText:          []byte("1"),
			MIMEArray:         []byte(`{"dtype":"int64","shape":[],"data":[1]}`),
			MIMEPNG:           []byte{0x89, 'P', 'N', 'G'},
			MIMESVG:           []byte("<svg>\n</svg>"),
			"text/x-weird<&>": []byte("<&>\u2028"),
		}},
	}
	nb.Cells = []*Cell{c}
	out, err := Marshal(nb)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n",
		"     \"text\": [\n      \"a\\n\",\n      \"b\\n\"\n     ]",
		"\"application/vnd.workbench.array+json\": {\n       \"data\": [\n        1\n       ],\n       \"dtype\": \"int64\",\n       \"shape\": []\n      },",
		"\"image/png\": \"iVBORw==\"",
		"\"image/svg+xml\": [\n       \"<svg>\\n\",\n       \"</svg>\"\n      ]",
		"\"text/x-weird<&>\": [\n       \"<&>\u2028\"\n      ]",
		"\"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("written notebook lacks %q:\n%s", want, out)
		}
	}
	back, err := Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	got := back.Cells[0].Outputs[1].Data
	for k, v := range c.Outputs[1].Data {
		if k != MIMEArray && !bytes.Equal(got[k], v) {
			t.Errorf("%s read back as %q, want %q", k, got[k], v)
		}
	}
}

func TestSplitLines(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", []string{}},
		{"a", []string{"a"}},
		{"a\n", []string{"a\n"}},
		{"a\nb", []string{"a\n", "b"}},
		{"a\r\nb\rc\n\n", []string{"a\r\n", "b\r", "c\n", "\n"}},
		{"a\u2028b\x0cc\x1ed\u0085", []string{"a\u2028", "b\x0c", "c\x1e", "d\u0085"}},
	} {
		got := splitLines(tc.in)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") || len(got) != len(tc.want) {
			t.Errorf("splitLines(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestPythonFloat(t *testing.T) {
	// Python's repr of the same floats.
	for x, want := range map[float64]string{
		1e-4: "0.0001", 1e-5: "1e-05", 1e16: "1e+16", 1e15: "1000000000000000.0",
		1234567890123456.0: "1234567890123456.0", 12345678901234567.0: "1.2345678901234568e+16",
		0.001234: "0.001234", 1e-9: "1e-09", -2.5e-300: "-2.5e-300",
		1.7976931348623157e308: "1.7976931348623157e+308", 0.1: "0.1", 100: "100.0",
	} {
		if got := pythonFloat(x); got != want {
			t.Errorf("pythonFloat(%v) = %s, want %s", x, got, want)
		}
	}
}

func TestSave(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.ipynb")
	nb := New()
	nb.Cells = []*Cell{NewCode("1")}
	if err := Save(nb, path); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	nb.Cells = append(nb.Cells, NewMarkdown("two"))
	if err := Save(nb, path); err != nil {
		t.Fatal(err)
	}
	back, err := Load(path)
	if err != nil || len(back.Cells) != 2 {
		t.Fatalf("Load after Save: %v, %v", back, err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v after save, want 0600", fi.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}

	// A file that does not load is never overwritten.
	bad := filepath.Join(dir, "damaged.ipynb")
	damaged := []byte("{\"nbformat\": 4, \"cells\": [")
	os.WriteFile(bad, damaged, 0o644)
	err = Save(nb, bad)
	var oe *OverwriteError
	if !errors.As(err, &oe) || !strings.Contains(err.Error(), "damaged.ipynb:1:27") {
		t.Errorf("Save over a damaged file: %v", err)
	}
	if b, _ := os.ReadFile(bad); !bytes.Equal(b, damaged) {
		t.Error("the damaged file was changed")
	}
	// An empty file may be replaced.
	empty := filepath.Join(dir, "empty.ipynb")
	os.WriteFile(empty, nil, 0o644)
	if err := Save(nb, empty); err != nil {
		t.Error(err)
	}
	// Percent format by extension.
	gofile := filepath.Join(dir, "s.go")
	if err := Save(nb, gofile); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(gofile); !strings.Contains(string(b), "// %% [markdown]\n// two\n") {
		t.Errorf("percent file:\n%s", b)
	}
	// Go source is not a session: Save will not replace it.
	src := filepath.Join(dir, "main.go")
	os.WriteFile(src, []byte("package main\n\nfunc main() {}\n"), 0o644)
	if err := Save(nb, src); !errors.As(err, &oe) || !strings.Contains(err.Error(), "not a session in percent format") {
		t.Errorf("Save over Go source: %v", err)
	}
	back, err = Load(gofile)
	if err != nil || len(back.Cells) != 2 || back.Cells[1].Source != "two" {
		t.Errorf("Load percent: %v %v", back, err)
	}
}
