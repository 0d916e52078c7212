package sessions

import (
	"bytes"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func TestExportMarkdown(t *testing.T) {
	nb := exportNotebook()
	nb.Cells = append(nb.Cells, NewCode("s := \"```\"\ns"))
	var buf bytes.Buffer
	files, err := ExportMarkdown(&buf, nb, ExportOptions{Name: "my analysis"})
	if err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	var names []string
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	want := []string{
		"my analysis_files/cell1_pasted.png",  // the markdown cell's attachment
		"my analysis_files/cell2_output2.png", // the figure: its PNG
		"my analysis_files/cell2_output3.svg", // an SVG alone
	}
	if strings.Join(names, "\n") != strings.Join(want, "\n") {
		t.Errorf("files %q, want %q", names, want)
	}
	if got := string(files["my analysis_files/cell2_output2.png"]); got != "\x89PNG\r\n\x1a\nfake" {
		t.Errorf("the PNG file holds %q", got)
	}
	if !strings.HasPrefix(string(files["my analysis_files/cell2_output3.svg"]), "<svg") {
		t.Error("the SVG file is not the SVG")
	}
	for _, want := range []string{
		"# Results *now*\n",
		"![pasted](my%20analysis_files/cell1_pasted.png)",
		"```go\nx := arrays.Linspace(0, 1, 3) // <b>\nfmt.Println(\"<script>\")\nx\n```\n",
		"```\n<script>alert('out')</script>\n```\n",
		"```\nwarning\n```\n",
		"```\narray([0. , 0.5, 1. ])\n```\n",
		"![cell 2 output 2](my%20analysis_files/cell2_output2.png)",
		"![cell 2 output 3](my%20analysis_files/cell2_output3.svg)",
		"```\nplain <i>text</i>\n```\n",
		"```\nPanic: boom <now>\ngoroutine 1\nmain.go:3\n```\n",
		"````go\ns := \"```\"\ns\n````\n", // a longer fence around backticks
		"*Reproducibility record: Workbench 0.1.0-dev · go1.26.8 · linux/amd64 · SIMD avx2 · 4 workers · devices cpu · seed 42 · run 2026-03-01T12:00:00Z.*",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the markdown lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "\n\n\n") {
		t.Error("blocks are separated by more than one blank line")
	}
}

func TestExportMarkdownFixture(t *testing.T) {
	nb, err := Load(filepath.Join("testdata", "export", "session.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	files, err := ExportMarkdown(&buf, nb, ExportOptions{Name: "session"})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || files["session_files/cell14_output1.png"] == nil {
		t.Errorf("files: %d, want the figure of cell 14", len(files))
	}
	if !strings.Contains(buf.String(), "![cell 14 output 1](session_files/cell14_output1.png)") {
		t.Error("the figure is not referenced")
	}
}
