package ui

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"image/png"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"workbench/interp"
	"workbench/plotting"
	"workbench/sessions"
)

func TestTextHead(t *testing.T) {
	many := strings.Repeat("abc\n", 10)
	for _, tc := range []struct {
		in         string
		lines, max int
		want       string
		cut        bool
	}{
		{"a\nb\n", 10, 100, "a\nb\n", false},
		{many, 3, 1000, "abc\nabc\nabc\n", true},
		{many, 100, 10, "abc\nabc\n", true},
		{strings.Repeat("é", 10), 10, 5, "éé", true},
		{"abc\n", 1, 100, "abc\n", false},
	} {
		got, cut := textHead(tc.in, tc.lines, tc.max)
		if got != tc.want || cut != tc.cut {
			t.Errorf("textHead(%q, %d, %d) = %q, %v; want %q, %v", tc.in, tc.lines, tc.max, got, cut, tc.want, tc.cut)
		}
	}
	long := strings.Repeat("x", textLineRunes+5)
	if got, _ := textHead(long+"\nshort", 10, 1<<20); !strings.HasSuffix(got, "… (5 more characters)\nshort") {
		t.Errorf("long line: %q", got[len(got)-40:])
	}
	if commas(1234567) != "1,234,567" || commas(12) != "12" || commas(-1000) != "-1,000" {
		t.Error("commas")
	}
}

func TestOutputKinds(t *testing.T) {
	test.NewTempApp(t)
	env := &outputEnv{scroll: nil, width: func() float32 { return 300 }, source: func() string { return "x := 1\ny := z" }}
	for _, tc := range []struct {
		o    sessions.Output
		want string
	}{
		{sessions.Output{Type: sessions.OutputStream, Name: "stdout", Text: "hi\n"}, "*ui.textOutput"},
		{sessions.Output{Type: sessions.OutputError, EName: "E", EValue: "line 2, column 6: undefined: z"}, "*ui.errorOutput"},
		{sessions.Output{Type: sessions.OutputExecuteResult, Data: sessions.Bundle{sessions.MIMEText: []byte("[1 2 3]"), sessions.MIMEArray: []byte("{}")}}, "*ui.textOutput"},
		{sessions.Output{Type: sessions.OutputDisplayData, Data: sessions.Bundle{sessions.MIMEPNG: testPNG(600, 100)}}, "*ui.imageOutput"},
		{sessions.Output{Type: sessions.OutputDisplayData, Data: sessions.Bundle{sessions.MIMESVG: []byte(`<svg width="200" height="100"></svg>`)}}, "*ui.imageOutput"},
		{sessions.Output{Type: sessions.OutputDisplayData, Data: sessions.Bundle{sessions.MIMEProgress: []byte(`{"i":1,"n":2}`)}}, "*ui.progressOutput"},
		{sessions.Output{Type: sessions.OutputDisplayData, Data: sessions.Bundle{sessions.MIMETable: []byte(`{"columns":[],"rows":0}`)}}, "*ui.tableOutput"},
		{sessions.Output{Type: sessions.OutputDisplayData, Data: sessions.Bundle{sessions.MIMETable: []byte(`not json`), sessions.MIMEText: []byte("t")}}, "*ui.textOutput"},
		{sessions.Output{Type: sessions.OutputDisplayData, Data: sessions.Bundle{"text/markdown": []byte("**b**")}}, "*ui.markdownOutput"},
		{sessions.Output{Type: sessions.OutputDisplayData, Data: sessions.Bundle{sessions.MIMEHTML: []byte("<b>x</b> &amp; y")}}, "*ui.textOutput"},
		{sessions.Output{Type: "future_type"}, "*ui.textOutput"},
	} {
		v := newOutputView(&tc.o, env)
		if got := fmt.Sprintf("%T", v); got != tc.want {
			t.Errorf("%s %v: %s, want %s", tc.o.Type, keys(tc.o.Data), got, tc.want)
		}
	}
	html := sessions.Output{Type: sessions.OutputDisplayData, Data: sessions.Bundle{sessions.MIMEHTML: []byte("<b>x</b> &amp; y")}}
	if got := plainText(&html); got != "x & y" {
		t.Errorf("html as text: %q", got)
	}
	// An image is fitted to the width, keeping its aspect.
	im := newOutputView(&sessions.Output{Type: sessions.OutputDisplayData, Data: sessions.Bundle{sessions.MIMEPNG: testPNG(600, 100)}}, env).(*imageOutput)
	if s := im.shown(); s.Width != 300 || s.Height != 50 {
		t.Errorf("600x100 in 300: %v", s)
	}
	if s := svgSize([]byte(`<svg xmlns="x" width="200pt" height="100pt">`)); s != fyne.NewSize(200, 100) {
		t.Errorf("svg size %v", s)
	}
}

func keys(b sessions.Bundle) []string {
	var k []string
	for m := range b {
		k = append(k, m)
	}
	return k
}

func TestSaveImage(t *testing.T) {
	b := sessions.Bundle{sessions.MIMEPNG: testPNG(40, 20), sessions.MIMESVG: []byte("<svg/>")}
	if got := formats(b); strings.Join(got, ",") != "png,svg,pdf" {
		t.Errorf("formats %v", got)
	}
	var out bytes.Buffer
	if err := writeImage(&out, b, "png"); err != nil || !bytes.Equal(out.Bytes(), b[sessions.MIMEPNG]) {
		t.Errorf("png: %v", err)
	}
	out.Reset()
	if err := writeImage(&out, b, "svg"); err != nil || out.String() != "<svg/>" {
		t.Errorf("svg: %v %q", err, out.String())
	}
	out.Reset()
	if err := writeImage(&out, b, "pdf"); err != nil {
		t.Fatal(err)
	}
	checkPDF(t, out.Bytes(), 40, 20)
	if err := writeImage(&out, sessions.Bundle{sessions.MIMESVG: []byte("<svg/>")}, "pdf"); err == nil {
		t.Error("a PDF of an SVG that is not a plot's, without a PNG")
	}
	if got := formats(sessions.Bundle{sessions.MIMESVG: []byte("<svg/>")}); strings.Join(got, ",") != "svg,pdf" {
		t.Errorf("svg only: %v", got)
	}
	if l := pdfLabel(sessions.Bundle{sessions.MIMEPNG: testPNG(4, 4)}); l != "PDF (picture)…" {
		t.Errorf("PNG only: %q", l)
	}
}

// TestSavePlotAsVectorPDF: a plot's PDF is drawn from its SVG, as vectors.
func TestSavePlotAsVectorPDF(t *testing.T) {
	fig := plotting.New(plotting.Size(3, 2))
	fig.Axes().Line([]float64{0, 1, 2, 3}, []float64{0, 1, 4, 9}).SetTitle("squares")
	svg, err := fig.SVG()
	if err != nil {
		t.Fatal(err)
	}
	b := sessions.Bundle{sessions.MIMEPNG: testPNG(40, 20), sessions.MIMESVG: svg}
	if l := pdfLabel(b); l != "PDF…" {
		t.Errorf("label %q", l)
	}
	var out bytes.Buffer
	if err := writeImage(&out, b, "pdf"); err != nil {
		t.Fatal(err)
	}
	pdf := out.Bytes()
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || bytes.Contains(pdf, []byte("/Subtype /Image")) {
		t.Error("not a PDF without pictures")
	}
	// The page is the figure's size in points (3x2 inches), not the PNG's.
	if !regexp.MustCompile(`/MediaBox \[0 0 216(\.0+)? 144(\.0+)?\]`).Match(pdf) {
		t.Errorf("page size: %s", regexp.MustCompile(`/MediaBox \[[^]]*\]`).Find(pdf))
	}
}

// checkPDF checks the structure of a PDF from writePDF: the objects are
// where the cross-reference table says, and the picture decompresses to
// w*h RGB pixels equal to the PNG's.
func checkPDF(t *testing.T, pdf []byte, w, h int) {
	t.Helper()
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.4")) || !bytes.HasSuffix(pdf, []byte("%%EOF\n")) {
		t.Fatal("not a PDF")
	}
	m := regexp.MustCompile(`startxref\n(\d+)\n`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no startxref")
	}
	xref := mustAtoi(string(m[1]))
	if !bytes.HasPrefix(pdf[xref:], []byte("xref\n")) {
		t.Fatalf("startxref %d does not point at the xref table", xref)
	}
	offsets := regexp.MustCompile(`(\d{10}) 00000 n`).FindAllSubmatch(pdf[xref:], -1)
	for i, o := range offsets {
		at := mustAtoi(string(o[1]))
		if want := []byte(strconv.Itoa(i+1) + " 0 obj"); !bytes.HasPrefix(pdf[at:], want) {
			t.Errorf("object %d is not at %d", i+1, at)
		}
	}
	if !bytes.Contains(pdf, []byte("/MediaBox [0 0 30.00 15.00]")) {
		t.Error("page size is not the picture's at 96 dpi")
	}
	start := bytes.Index(pdf, []byte("/Subtype /Image"))
	s := bytes.Index(pdf[start:], []byte("stream\n")) + start + len("stream\n")
	e := bytes.Index(pdf[s:], []byte("\nendstream")) + s
	z, err := zlib.NewReader(bytes.NewReader(pdf[s:e]))
	if err != nil {
		t.Fatal(err)
	}
	pix, _ := io.ReadAll(z)
	if len(pix) != w*h*3 {
		t.Fatalf("%d bytes of pixels, want %d", len(pix), w*h*3)
	}
	img, _ := png.Decode(bytes.NewReader(testPNG(w, h)))
	r, g, b, _ := img.At(7, 3).RGBA()
	if p := pix[(3*w+7)*3:]; p[0] != byte(r>>8) || p[1] != byte(g>>8) || p[2] != byte(b>>8) {
		t.Errorf("pixel (7,3) = %v, want %v %v %v", p[:3], r>>8, g>>8, b>>8)
	}
}

func TestTableCells(t *testing.T) {
	tab := &interp.TableJSON{Rows: 25, Columns: []interp.ColumnJSON{
		{Name: "n", Kind: "numeric", DType: "int64", Data: make([]int64, 25)},
		{Name: "f", Kind: "numeric", DType: "float64", Data: make([]float64, 25), Missing: make([]bool, 25)},
		{Name: "t", Kind: "time", DType: "int64", Data: make([]int64, 25)},
	}}
	tab.Columns[0].Data.([]int64)[24] = 24
	tab.Columns[1].Data.([]float64)[1] = 0.5
	tab.Columns[1].Missing[2] = true
	rows := tableCells(tab)
	if len(rows) != 1+10+1+10 {
		t.Fatalf("%d rows shown", len(rows))
	}
	if rows[0][0].text != "n" || rows[11] != nil || rows[21][0].text != "24" {
		t.Errorf("header %q, gap %v, last %q", rows[0][0].text, rows[11], rows[21][0].text)
	}
	if rows[2][1].text != "0.5" || !rows[3][1].missing || rows[3][1].text != "NA" {
		t.Errorf("floats: %q %q", rows[2][1].text, rows[3][1].text)
	}
	if rows[1][2].text != "1970-01-01 00:00:00" || !rows[1][0].numeric {
		t.Errorf("time %q", rows[1][2].text)
	}
	// A truncated table shows its head and tail.
	tr := &interp.TableJSON{Rows: 5000, Truncated: true, Columns: []interp.ColumnJSON{
		{Name: "x", Kind: "string", DType: "string", Head: []string{"h0", "h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "h9"},
			Tail: []string{"t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9"}},
	}}
	rows = tableCells(tr)
	if rows[1][0].text != "h0" || rows[21][0].text != "t9" || rows[12][0].text != "t0" {
		t.Errorf("truncated: %q %q %q", rows[1][0].text, rows[12][0].text, rows[21][0].text)
	}
}

func TestExcerpt(t *testing.T) {
	src := "x := 1\n\ty := zz + 1"
	got := excerpt(src, 2, 7)
	want := "   2 │     y := zz + 1\n" + strings.Repeat(" ", 7+4+5) + "^"
	if got != want {
		t.Errorf("excerpt\n%q\nwant\n%q", got, want)
	}
	if excerpt(src, 9, 1) != "" {
		t.Error("an excerpt of a line that is not there")
	}
	o := sessions.Output{Type: sessions.OutputError, EName: "RuntimeError", EValue: "line 2, column 7: boom", Traceback: []string{"line 2, column 7: boom", "in f (cell 1, line 2)"}}
	if l, c := errorLine(&o); l != 2 || c != 7 {
		t.Errorf("errorLine = %d, %d", l, c)
	}
	if got := errorText(&o); got != "RuntimeError: line 2, column 7: boom\nin f (cell 1, line 2)" {
		t.Errorf("errorText = %q", got)
	}
	other := sessions.Output{Type: sessions.OutputError, EValue: "cell 2, line 1, column 1: x"}
	if l, _ := errorLine(&other); l != 0 {
		t.Error("an error of another cell marks this one")
	}
}

func TestImageOutputSaveMenu(t *testing.T) {
	h := newHarness(t, notebook("png 2000 100"))
	h.v.RunAll()
	h.idle()
	im, ok := h.cell(0).outs.views[0].(*imageOutput)
	if !ok {
		t.Fatalf("shown as %T", h.cell(0).outs.views[0])
	}
	// Scaled to the window's width.
	if s := im.img.Size(); s.Width >= 1280 || s.Width < 900 || s.Height*20 != s.Width {
		t.Errorf("a 2000x100 image is drawn at %v", s)
	}
	im.saveMenu()
	if len(h.win.Canvas().Overlays().List()) == 0 {
		t.Error("no save menu")
	}
}

func mustAtoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// TestWheelScrollsNotebook: the wheel over a wide output or an editor
// scrolls the notebook, not the output sideways.
func TestWheelScrollsNotebook(t *testing.T) {
	var src []string
	for i := range 30 {
		src = append(src, fmt.Sprintf("print %d %s", i, strings.Repeat("wide ", 100)))
	}
	h := newHarness(t, notebook(src...))
	h.v.RunAll()
	h.idle()
	down := &fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -60}}
	out := h.cell(0).outs.views[0].(*textOutput)
	out.scroll.Scrolled(down)
	if h.v.scroll.Offset.Y != 60 || out.scroll.Offset.X != 0 {
		t.Errorf("wheel over an output: notebook at %v, output at %v", h.v.scroll.Offset.Y, out.scroll.Offset.X)
	}
	h.typeIn(1, "")
	h.cell(1).editor.escroll.Scrolled(down)
	if h.v.scroll.Offset.Y != 120 {
		t.Errorf("wheel over an editor: notebook at %v", h.v.scroll.Offset.Y)
	}
	// Sideways, the output scrolls.
	out.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DX: -40}})
	if out.scroll.Offset.X != 40 {
		t.Errorf("sideways: %v", out.scroll.Offset.X)
	}
	// A click on an output selects its cell.
	test.Tap(out)
	if h.v.Selected() != 0 {
		t.Errorf("click on an output selects %d", h.v.Selected())
	}
}
