package interp

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"workbench/arrays"
	"workbench/arrays/table"
	"workbench/plotting"
)

var updateDisplay = flag.Bool("update-display", false, "rewrite the golden files under testdata/display")

// golden compares got with testdata/display/name, or writes it with
// -update-display.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "display", name)
	if *updateDisplay {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run %s -update-display to write it)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s:\ngot  %s\nwant %s", t.Name(), path, got, want)
	}
}

type selfShown struct{}

func (selfShown) DisplayBundle() Bundle {
	return Bundle{MIMEText: []byte("mine"), "text/markdown": []byte("*mine*")}
}

// An array that knows how to show itself: Displayer wins over the array
// case.
type shownArray struct{ *arrays.Array }

func (shownArray) DisplayBundle() Bundle { return Bundle{MIMEText: []byte("custom array")} }

type panicky struct{}

func (panicky) DisplayBundle() Bundle { panic("boom") }

type silent struct{}

func (silent) DisplayBundle() Bundle { return nil }

type point struct {
	X, Y int
	Name string
}

type stringer struct{}

func (stringer) String() string { return "I am a stringer" }

func keys(b Bundle) []string {
	var ks []string
	for k := range b {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func sampleTable(t *testing.T) *table.Table {
	t.Helper()
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	x := &table.Column{Name: "x", Kind: table.Numeric, Values: arrays.FromSlice([]float64{1.5, math.NaN(), negZero}), Missing: []bool{false, true, false}}
	n := &table.Column{Name: "n", Kind: table.Numeric, Values: arrays.FromSlice([]int64{7, 99, math.MinInt64}), Missing: []bool{false, true, false}}
	b := &table.Column{Name: "ok", Kind: table.Bool, Values: arrays.FromSlice([]bool{true, false, true})}
	s := table.StringColumn("<s&>", []string{"a\"b\\c", "line\nbreak\t\x01", "\u2028é\xff"})
	tm := table.TimeColumn("t", []time.Time{day, day.Add(1500 * time.Millisecond), day.Add(7)})
	z := &table.Column{Name: "z", Kind: table.Numeric, Values: arrays.FromSlice([]complex64{complex(1, -2), complex(float32(math.Inf(1)), 0), 0})}
	tab, err := table.New(x, n, b, s, tm, z)
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

func TestDisplayKinds(t *testing.T) {
	fig := plotting.New()
	fig.Axes().Line([]float64{0, 1, 2}, []float64{1, 3, 2})
	m := arrays.FromSlice([]float64{1, 2, 3, 4, 5, 6}, 2, 3)
	err := errors.New("an error")
	cases := []struct {
		name string
		v    any
		want []string // MIME types
		text string   // text/plain, when not ""
	}{
		{"nil", nil, nil, ""},
		{"int", 42, []string{MIMEText}, "42"},
		{"string", "hello", []string{MIMEText}, "hello"},
		{"struct", point{1, 2, "p"}, []string{MIMEText}, "{1 2 p}"},
		{"pointer to struct", &point{1, 2, "p"}, []string{MIMEText}, "&{1 2 p}"},
		{"slice", []int{1, 2}, []string{MIMEText}, "[1 2]"},
		{"stringer", stringer{}, []string{MIMEText}, "I am a stringer"},
		{"error", err, []string{MIMEText}, "an error"},
		{"2-d array", m, []string{MIMEArray, MIMEHTML, MIMEText}, "array([[1., 2., 3.],\n       [4., 5., 6.]])"},
		{"1-d array", arrays.FromSlice([]int8{1, 2}), []string{MIMEArray, MIMEHTML, MIMEText}, "array([1, 2], dtype=int8)"},
		{"0-d array", arrays.FromSlice([]float64{2.5}).Reshape(), []string{MIMEArray, MIMEText}, "array(2.5)"},
		{"3-d array", arrays.Zeros(2, 1, 2), []string{MIMEArray, MIMEText}, "array([[[0., 0.]],\n\n       [[0., 0.]]])"},
		{"nil array", (*arrays.Array)(nil), []string{MIMEText}, "<nil array>"},
		{"table", sampleTable(t), []string{MIMEHTML, MIMEText, MIMETable}, sampleTable(t).String()},
		{"nil table", (*table.Table)(nil), []string{MIMEText}, "<nil table>"},
		{"figure", fig, []string{MIMEPNG, MIMESVG, MIMEText}, "<Figure 640x480 with 1 panel>"},
		{"grid figure", plotting.Grid(2, 3, plotting.Size(3, 2)), []string{MIMEPNG, MIMESVG, MIMEText}, "<Figure 300x200 with 6 panels>"},
		{"nil figure", (*plotting.Figure)(nil), []string{MIMEText}, "<nil figure>"},
		{"Displayer", selfShown{}, []string{MIMEText, "text/markdown"}, "mine"},
		{"Displayer wins over Array", shownArray{m}, []string{MIMEText}, "custom array"},
		{"Displayer with nil bundle", silent{}, nil, ""},
		{"Displayer that panics", panicky{}, []string{MIMEText}, "<interp.panicky: cannot display: panic: boom>"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := Display(c.v)
			if b == nil {
				t.Fatal("nil bundle; want an empty one")
			}
			want := slices.Clone(c.want)
			sort.Strings(want)
			if got := keys(b); !slices.Equal(got, want) {
				t.Errorf("MIME types %v, want %v", got, want)
			}
			if c.text != "" && string(b[MIMEText]) != c.text {
				t.Errorf("text/plain:\n%s\nwant\n%s", b[MIMEText], c.text)
			}
			for k, v := range b {
				if strings.HasSuffix(k, "+json") && !json.Valid(v) {
					t.Errorf("%s is not valid JSON: %s", k, v)
				}
			}
		})
	}
}

// The text/plain of an array is its repr, which arrays tests against NumPy.
func TestDisplayArrayText(t *testing.T) {
	for _, a := range []*arrays.Array{
		arrays.FromSlice([]float64{1, 2.5, math.NaN()}),
		arrays.FromSlice([]complex64{complex(1, 2)}),
		arrays.FromSlice([]bool{true, false}),
		arrays.Arange(2000),
		arrays.Zeros(0, 3),
	} {
		if got, want := string(Display(a)[MIMEText]), a.GoString(); got != want {
			t.Errorf("text/plain %q, want GoString %q", got, want)
		}
	}
	if got, want := string(Display(arrays.FromSlice([]float32{0.5, -1}))[MIMEText]), "array([ 0.5, -1. ], dtype=float32)"; got != want {
		t.Errorf("float32 repr %q, want %q", got, want)
	}
}

// xmlCheck parses s, an HTML fragment, as XML inside a root element and
// counts its elements by name.
func xmlCheck(t *testing.T, s string) map[string]int {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader("<root>" + s + "</root>"))
	d.Strict = true
	counts := map[string]int{}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, s)
		}
		if se, ok := tok.(xml.StartElement); ok {
			counts[se.Name.Local]++
		}
	}
	return counts
}

func TestArrayHTML(t *testing.T) {
	cases := []struct {
		name                string
		a                   *arrays.Array
		caption             string
		rows, cells, header int // <tr> in all, <td>, <th>
		contains, absent    []string
	}{
		{"2x3", arrays.FromSlice([]float64{1, 2.5, math.NaN(), math.Inf(-1), negZero, 0.1}, 2, 3),
			"<caption>float64, shape (2, 3)</caption>", 3, 6, 4 + 2,
			[]string{"<td>2.5</td>", "<td>nan</td>", "<td>-inf</td>", "<td>-0.0</td>", "<td>0.1</td>", "<th>2</th>"}, []string{"…"}},
		{"1-d", arrays.FromSlice([]int64{5, -6}), "<caption>int64, shape (2,)</caption>", 2, 2, 2,
			[]string{"<tr><th>1</th><td>-6</td></tr>"}, []string{"<thead>", "…"}},
		{"complex and bool", arrays.FromSlice([]complex128{complex(1, -2)}), "<caption>complex128, shape (1,)</caption>", 1, 1, 1,
			[]string{"<td>(1-2j)</td>"}, nil},
		{"bool", arrays.FromSlice([]bool{true}), "shape (1,)", 1, 1, 1, []string{"<td>True</td>"}, nil},
		{"empty", arrays.Zeros(0), "<caption>float64, shape (0,)</caption>", 0, 0, 0, nil, nil},
		{"big 2-d is cut", arrays.Arange(100*30).Reshape(100, 30), "<caption>int64, shape (100, 30)</caption>",
			1 + 21, 21 * 21, 22 + 21,
			[]string{"<th>…</th>", "<td>…</td>", "<th>29</th>", "<th>99</th>", "<td>2999</td>", "<td>0</td>", "<td>299</td>", "<td>2700</td>"},
			[]string{"<th>10</th>", "<td>300</td>"}},
		{"big 1-d is cut", arrays.Arange(21), "shape (21,)", 21, 21, 21, []string{"<th>…</th>", "<td>20</td>"}, []string{"<td>10</td>"}},
		{"20 rows are not cut", arrays.Arange(20), "shape (20,)", 20, 20, 20, []string{"<td>19</td>"}, []string{"…"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := string(Display(c.a)[MIMEHTML])
			n := xmlCheck(t, h)
			if n["table"] != 1 || n["caption"] != 1 || n["tr"] != c.rows || n["td"] != c.cells || n["th"] != c.header {
				t.Errorf("counts %v; want %d tr, %d td, %d th\n%s", n, c.rows, c.cells, c.header, h)
			}
			if !strings.Contains(h, c.caption) {
				t.Errorf("no %q in\n%s", c.caption, h)
			}
			for _, s := range c.contains {
				if !strings.Contains(h, s) {
					t.Errorf("no %q in\n%s", s, h)
				}
			}
			for _, s := range c.absent {
				if strings.Contains(h, s) {
					t.Errorf("unexpected %q in\n%s", s, h)
				}
			}
		})
	}
	golden(t, "array_2x3.html", Display(cases[0].a)[MIMEHTML])
}

func TestTableDisplay(t *testing.T) {
	// (Not sampleTable: its control character U+0001 passes through
	// table.HTML, which XML does not allow.)
	tab, err := table.New(
		&table.Column{Name: "x", Kind: table.Numeric, Values: arrays.FromSlice([]float64{1.5, math.NaN()})},
		table.StringColumn("<s&>", []string{"a\"b", "<i>&amp;</i>"}))
	if err != nil {
		t.Fatal(err)
	}
	b := Display(tab)
	if string(b[MIMEHTML]) != tab.HTML() || string(b[MIMEText]) != tab.String() {
		t.Error("text/html and text/plain should be the table's HTML and String")
	}
	h := string(b[MIMEHTML])
	xmlCheck(t, h)
	if !strings.Contains(h, "&lt;s&amp;&gt;") || strings.Contains(h, "<s&>") || !strings.Contains(h, "&lt;i&gt;&amp;amp;&lt;/i&gt;") {
		t.Errorf("column name not escaped:\n%s", h)
	}
}

func TestFigureDisplay(t *testing.T) {
	fig := plotting.New(plotting.Size(4, 3))
	fig.Axes().Line([]float64{0, 1, 2}, []float64{1, 3, 2}).SetTitle("a <title> & more")
	b := Display(fig)
	if got := string(b[MIMEText]); got != "<Figure 400x300 with 1 panel>" {
		t.Errorf("text/plain %q", got)
	}
	if !bytes.HasPrefix(b[MIMEPNG], []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("image/png does not start with the PNG signature: % x", b[MIMEPNG][:min(8, len(b[MIMEPNG]))])
	}
	n := xmlCheck(t, strings.TrimPrefix(string(b[MIMESVG]), `<?xml version="1.0"?>`))
	if n["svg"] != 1 {
		t.Errorf("SVG has %d <svg> elements", n["svg"])
	}
}

type failingFigure struct{ pngErr, svgErr error }

func (f failingFigure) PNG() ([]byte, error)  { return []byte("png"), f.pngErr }
func (f failingFigure) SVG() ([]byte, error)  { return []byte("<svg/>"), f.svgErr }
func (f failingFigure) PixelSize() (w, h int) { return 640, 480 }

func TestFigureRenderError(t *testing.T) {
	for _, f := range []failingFigure{{pngErr: errors.New("no ink")}, {svgErr: errors.New("no ink")}} {
		b := displayFigure(f)
		if got := keys(b); !slices.Equal(got, []string{MIMEText}) {
			t.Errorf("MIME types %v, want text/plain only", got)
		}
		if got, want := string(b[MIMEText]), "<Figure 640x480 with 1 panel> (cannot render: no ink)"; got != want {
			t.Errorf("text/plain %q, want %q", got, want)
		}
	}
	if b := displayFigure(failingFigure{}); len(b) != 3 {
		t.Errorf("a fake figure that renders: %v", keys(b))
	}
}

// sameBits reports whether two typed slices hold the same elements, NaN
// equal to NaN (any payload) and -0 distinct from 0.
func sameBits(a, b any) bool {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	if va.Type() != vb.Type() || va.Len() != vb.Len() {
		return false
	}
	f := func(x, y float64) bool {
		if math.IsNaN(x) || math.IsNaN(y) {
			return math.IsNaN(x) && math.IsNaN(y)
		}
		return math.Float64bits(x) == math.Float64bits(y)
	}
	for i := range va.Len() {
		x, y := va.Index(i), vb.Index(i)
		switch x.Kind() {
		case reflect.Float32, reflect.Float64:
			if !f(x.Float(), y.Float()) {
				return false
			}
		case reflect.Complex64, reflect.Complex128:
			if !f(real(x.Complex()), real(y.Complex())) || !f(imag(x.Complex()), imag(y.Complex())) {
				return false
			}
		default:
			if !x.Equal(y) {
				return false
			}
		}
	}
	return true
}

var nan, inf, negZero = math.NaN(), math.Inf(1), math.Copysign(0, -1)

// Every dtype with its corners, the JSON it must give, and the round trip.
var arrayJSONCases = []struct {
	data any
	json string
}{
	{[]bool{true, false}, `{"dtype":"bool","shape":[2],"data":[true,false]}`},
	{[]int8{math.MinInt8, -1, math.MaxInt8}, `{"dtype":"int8","shape":[3],"data":[-128,-1,127]}`},
	{[]int16{math.MinInt16, math.MaxInt16}, `{"dtype":"int16","shape":[2],"data":[-32768,32767]}`},
	{[]int32{math.MinInt32, math.MaxInt32}, `{"dtype":"int32","shape":[2],"data":[-2147483648,2147483647]}`},
	{[]int64{math.MinInt64, math.MaxInt64, 0}, `{"dtype":"int64","shape":[3],"data":[-9223372036854775808,9223372036854775807,0]}`},
	{[]uint8{0, math.MaxUint8}, `{"dtype":"uint8","shape":[2],"data":[0,255]}`},
	{[]uint16{math.MaxUint16}, `{"dtype":"uint16","shape":[1],"data":[65535]}`},
	{[]uint32{math.MaxUint32}, `{"dtype":"uint32","shape":[1],"data":[4294967295]}`},
	{[]uint64{math.MaxUint64, 1 << 53, 1<<53 + 1}, `{"dtype":"uint64","shape":[3],"data":[18446744073709551615,9007199254740992,9007199254740993]}`},
	{[]float32{0.1, float32(math.Copysign(0, -1)), 0, float32(nan), float32(inf), float32(-inf), math.MaxFloat32, math.SmallestNonzeroFloat32, 16777217},
		`{"dtype":"float32","shape":[9],"data":[0.1,-0.0,0,"nan","inf","-inf",3.4028235e+38,1e-45,1.6777216e+07]}`},
	{[]float64{0.1, math.Copysign(0, -1), 0, nan, inf, -inf, math.MaxFloat64, math.SmallestNonzeroFloat64, 0.30000000000000004, 1e21, 123456789, -2.5e-8},
		`{"dtype":"float64","shape":[12],"data":[0.1,-0.0,0,"nan","inf","-inf",1.7976931348623157e+308,5e-324,0.30000000000000004,1e+21,1.23456789e+08,-2.5e-08]}`},
	{[]complex64{complex(float32(nan), float32(-inf)), complex(float32(math.Copysign(0, -1)), 0.1)},
		`{"dtype":"complex64","shape":[2],"data":[["nan","-inf"],[-0.0,0.1]]}`},
	{[]complex128{complex(inf, nan), complex(1, math.Copysign(0, -1)), complex(0.1, 1e-300)},
		`{"dtype":"complex128","shape":[3],"data":[["inf","nan"],[1,-0.0],[0.1,1e-300]]}`},
}

func TestArrayJSONRoundTrip(t *testing.T) {
	for _, c := range arrayJSONCases {
		a := arrays.FromSlice(c.data)
		got := Display(a)[MIMEArray]
		if string(got) != c.json {
			t.Errorf("%T:\ngot  %s\nwant %s", c.data, got, c.json)
		}
		if !json.Valid(got) {
			t.Errorf("%T: invalid JSON %s", c.data, got)
		}
		dec, err := DecodeArrayJSON(got)
		if err != nil {
			t.Errorf("%T: %v", c.data, err)
			continue
		}
		if dec.DType != a.DType().String() || !slices.Equal(dec.Shape, a.Shape()) || dec.Truncated || !sameBits(dec.Data, c.data) {
			t.Errorf("%T: read back %+v, want %v", c.data, dec, c.data)
		}
	}
	// Shapes: 0-d, 2-d, empty, a transposed view written in C order.
	m := arrays.FromSlice([]int64{1, 2, 3, 4, 5, 6}, 2, 3)
	for _, c := range []struct {
		a    *arrays.Array
		json string
	}{
		{arrays.FromSlice([]float64{negZero}).Reshape(), `{"dtype":"float64","shape":[],"data":[-0.0]}`},
		{m, `{"dtype":"int64","shape":[2,3],"data":[1,2,3,4,5,6]}`},
		{arrays.MatrixTranspose(m), `{"dtype":"int64","shape":[3,2],"data":[1,4,2,5,3,6]}`},
		{arrays.Zeros(0, 3), `{"dtype":"float64","shape":[0,3],"data":[]}`},
	} {
		got := EncodeArrayJSON(c.a)
		if string(got) != c.json {
			t.Errorf("got  %s\nwant %s", got, c.json)
		}
		dec, err := DecodeArrayJSON(got)
		if err != nil || !slices.Equal(dec.Shape, c.a.Shape()) || !sameBits(dec.Data, c.a.Data()) {
			t.Errorf("%s: read back %+v, %v", c.json, dec, err)
		}
	}
	golden(t, "array_float64.json", EncodeArrayJSON(arrays.FromSlice(arrayJSONCases[10].data, 3, 4)))
}

// Random floats of every magnitude read back bit for bit.
func TestArrayJSONFloatsExact(t *testing.T) {
	var xs []float64
	var ys []float32
	seed := uint64(1)
	for range 20000 {
		seed = seed*6364136223846793005 + 1442695040888963407
		x := math.Float64frombits(seed)
		y := math.Float32frombits(uint32(seed >> 32))
		xs, ys = append(xs, x), append(ys, y)
	}
	for _, data := range []any{xs, ys} {
		dec, err := DecodeArrayJSON(EncodeArrayJSON(arrays.FromSlice(data)))
		if err != nil || !sameBits(dec.Data, data) {
			t.Errorf("%T: not read back exactly (%v)", data, err)
		}
	}
}

// leBytes is the digest's input computed independently, with
// encoding/binary.
func leDigest(t *testing.T, data any) string {
	var buf bytes.Buffer
	if err := binary.Write(&buf, binary.LittleEndian, data); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(buf.Bytes())
	return hex.EncodeToString(sum[:])
}

func TestArrayJSONTruncated(t *testing.T) {
	n := ArrayJSONMaxElements + 1
	x := make([]float64, n)
	for i := range x {
		x[i] = float64(i) / 7
	}
	enc := EncodeArrayJSON(arrays.FromSlice(x, 1, n))
	if len(enc) > 100_000 {
		t.Errorf("truncated JSON is %d bytes", len(enc))
	}
	if !bytes.HasPrefix(enc, []byte(`{"dtype":"float64","shape":[1,1000001],"truncated":true,"head":[0,0.14285714285714285,`)) {
		t.Errorf("starts %s", enc[:100])
	}
	dec, err := DecodeArrayJSON(enc)
	if err != nil {
		t.Fatal(err)
	}
	if !dec.Truncated || dec.Data != nil || !sameBits(dec.Head, x[:ArrayJSONEdgeElements]) || !sameBits(dec.Tail, x[n-ArrayJSONEdgeElements:]) {
		t.Errorf("head, tail or data wrong: truncated %v, data %T", dec.Truncated, dec.Data)
	}
	if want := leDigest(t, x); dec.SHA256 != want {
		t.Errorf("sha256 %s, want %s", dec.SHA256, want)
	}
	digestOf := func(data any) string {
		d, err := DecodeArrayJSON(EncodeArrayJSON(arrays.FromSlice(data)))
		if err != nil {
			t.Fatal(err)
		}
		return d.SHA256
	}
	base := digestOf(x)
	x[n/2] = math.Nextafter(x[n/2], 1)
	if digestOf(x) == base {
		t.Error("changing one middle element by one ulp left the digest as it was")
	}
	// NaN payloads do not count; signed zeros do.
	x[n/2] = math.NaN()
	withNaN := digestOf(x)
	x[n/2] = math.Float64frombits(0xfff0000000000123)
	if digestOf(x) != withNaN {
		t.Error("another NaN payload changed the digest")
	}
	x[n/2] = 0
	zero := digestOf(x)
	x[n/2] = math.Copysign(0, -1)
	if digestOf(x) == zero {
		t.Error("-0 and 0 give the same digest")
	}
	// The other dtypes hash their little-endian bytes.
	for _, data := range []any{
		make([]int8, n), make([]uint16, n), make([]int32, n), make([]uint64, n), make([]float32, n), make([]complex64, n), make([]complex128, n),
	} {
		v := reflect.ValueOf(data)
		one, seven := reflect.ValueOf(1), reflect.ValueOf(7)
		if k := v.Type().Elem().Kind(); k == reflect.Complex64 || k == reflect.Complex128 {
			one, seven = reflect.ValueOf(complex(1, -0.5)), reflect.ValueOf(complex(7, 2))
		}
		v.Index(3).Set(one.Convert(v.Type().Elem()))
		v.Index(n - 1).Set(seven.Convert(v.Type().Elem()))
		if got, want := digestOf(data), leDigest(t, data); got != want {
			t.Errorf("%T: sha256 %s, want %s", data, got, want)
		}
	}
	bs := make([]bool, n)
	bs[5] = true
	u8 := make([]uint8, n)
	u8[5] = 1
	if digestOf(bs) != leDigest(t, u8) {
		t.Error("bools should hash as bytes 0 and 1")
	}
	// A million elements are written whole.
	if d, err := DecodeArrayJSON(EncodeArrayJSON(arrays.Zeros(ArrayJSONMaxElements))); err != nil || d.Truncated || sliceLen(d.Data) != ArrayJSONMaxElements {
		t.Errorf("a million elements: truncated %v, %v", d != nil && d.Truncated, err)
	}
}

func TestDecodeArrayJSONErrors(t *testing.T) {
	sha := strings.Repeat("ab", 32)
	for _, c := range []struct{ doc, want string }{
		{`{"shape":[1],"data":[1]}`, "no dtype"},
		{`{"dtype":"f8","shape":[1],"data":[1]}`, "unknown dtype"},
		{`{"dtype":"float128","shape":[1],"data":[1]}`, "unknown dtype"},
		{`{"dtype":"float64","data":[1]}`, "no shape"},
		{`{"dtype":"float64","shape":[-1],"data":[]}`, "negative"},
		{`{"dtype":"float64","shape":[2],"data":[1]}`, "1 elements for shape [2]"},
		{`{"dtype":"float64","shape":[1]}`, "no data"},
		{`{"dtype":"float64","shape":[1],"data":1}`, "data"},
		{`{"dtype":"float64","shape":[1],"data":["NaN"]}`, `"NaN" is not a float64`},
		{`{"dtype":"float64","shape":[1],"data":[1e999]}`, "not a float64"},
		{`{"dtype":"float32","shape":[1],"data":[1e39]}`, "not a float32"},
		{`{"dtype":"int8","shape":[1],"data":[128]}`, "not an int8"},
		{`{"dtype":"int64","shape":[1],"data":[1.0]}`, "not an int64"},
		{`{"dtype":"int64","shape":[1],"data":[9223372036854775808]}`, "not an int64"},
		{`{"dtype":"uint64","shape":[1],"data":[-1]}`, "not a uint64"},
		{`{"dtype":"uint64","shape":[1],"data":[18446744073709551616]}`, "not a uint64"},
		{`{"dtype":"bool","shape":[1],"data":[1]}`, "not true or false"},
		{`{"dtype":"complex128","shape":[1],"data":[1]}`, "not a pair"},
		{`{"dtype":"complex128","shape":[1],"data":[[1,"x"]]}`, "not a pair of float64"},
		{`{"dtype":"int64","shape":[1],"data":[1]} x`, "after"},
		{`{"dtype":"int64","shape":[1],"data":[1],"sha256":"` + sha + `"}`, "not truncated"},
		{`{"dtype":"int64","shape":[3],"truncated":true,"data":[1,2,3]}`, "data in a truncated"},
		{`{"dtype":"int64","shape":[3],"truncated":true,"head":[1,2],"tail":[3,4],"sha256":"` + sha + `"}`, "more than shape"},
		{`{"dtype":"int64","shape":[9],"truncated":true,"head":[1],"tail":[3],"sha256":"AB"}`, "64 lowercase hex"},
		{`{"dtype":"int64","shape":[9],"truncated":true,"tail":[3],"sha256":"` + sha + `"}`, "head"},
		{`[1]`, "array JSON"},
	} {
		_, err := DecodeArrayJSON([]byte(c.doc))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error with %q", c.doc, err, c.want)
		}
	}
	// Unknown keys are ignored, for later additions.
	if _, err := DecodeArrayJSON([]byte(`{"dtype":"int64","shape":[1],"data":[1],"note":"x"}`)); err != nil {
		t.Errorf("unknown key: %v", err)
	}
}

func TestTableJSON(t *testing.T) {
	tab := sampleTable(t)
	enc := Display(tab)[MIMETable]
	if !json.Valid(enc) {
		t.Fatalf("invalid JSON %s", enc)
	}
	want := `{"columns":[` +
		`{"name":"x","kind":"numeric","dtype":"float64","data":[1.5,"nan",-0.0],"missing":[false,true,false]},` +
		`{"name":"n","kind":"numeric","dtype":"int64","data":[7,0,-9223372036854775808],"missing":[false,true,false]},` +
		`{"name":"ok","kind":"bool","dtype":"bool","data":[true,false,true]},` +
		`{"name":"\u003cs\u0026\u003e","kind":"string","dtype":"string","data":["a\"b\\c","line\nbreak\t\u0001","\u2028é\ufffd"]},` +
		`{"name":"t","kind":"time","dtype":"int64","data":[1709251200000000000,1709251201500000000,1709251200000000007]},` +
		`{"name":"z","kind":"numeric","dtype":"complex64","data":[[1,-2],["inf",0],[0,0]]}` +
		`],"rows":3}`
	// The name is written as is; json.Marshal would escape <, & and >.
	want = strings.Replace(want, `\u003cs\u0026\u003e`, `<s&>`, 1)
	if string(enc) != want {
		t.Errorf("got  %s\nwant %s", enc, want)
	}
	golden(t, "table.json", enc)
	dec, err := DecodeTableJSON(enc)
	if err != nil {
		t.Fatal(err)
	}
	if dec.Rows != 3 || dec.Truncated || len(dec.Columns) != tab.NumCols() {
		t.Fatalf("read back %+v", dec)
	}
	for k, c := range tab.Columns() {
		d := dec.Columns[k]
		if d.Name != c.Name || d.Kind != c.Kind.String() || !slices.Equal(d.Missing, c.Missing) {
			t.Errorf("column %q read back as %+v", c.Name, d)
		}
		var wantData any
		if c.Kind == table.String {
			wantData = c.Strings
			if k == 3 {
				wantData = []string{"a\"b\\c", "line\nbreak\t\x01", "\u2028é\ufffd"}
			}
		} else {
			wantData = c.Values.Data()
			if c.Name == "n" {
				wantData = []int64{7, 0, math.MinInt64} // the placeholder
			}
		}
		if !sameBits(d.Data, wantData) {
			t.Errorf("column %q data %v, want %v", c.Name, d.Data, wantData)
		}
	}
	// Empty tables.
	empty, _ := table.New()
	if got := string(EncodeTableJSON(empty)); got != `{"columns":[],"rows":0}` {
		t.Errorf("empty table: %s", got)
	}
	if d, err := DecodeTableJSON([]byte(`{"columns":[],"rows":0}`)); err != nil || d.Rows != 0 || len(d.Columns) != 0 {
		t.Errorf("empty table read back %+v, %v", d, err)
	}
}

func TestTableJSONTruncated(t *testing.T) {
	rows := ArrayJSONMaxElements/2 + 1
	x := make([]float64, rows)
	s := make([]string, rows)
	miss := make([]bool, rows)
	for i := range x {
		x[i] = float64(i)
		s[i] = fmt.Sprint(i)
	}
	miss[2], miss[rows/2] = true, true
	// mk makes the table from copies of x, s and miss, and lets f change
	// the copies (which the table shares) first.
	mk := func(f func(x []float64, s []string, miss []bool)) *table.Table {
		x, s, miss := slices.Clone(x), slices.Clone(s), slices.Clone(miss)
		f(x, s, miss)
		tab, err := table.New(
			&table.Column{Name: "x", Kind: table.Numeric, Values: arrays.FromSlice(x), Missing: miss},
			table.StringColumn("s", s))
		if err != nil {
			t.Fatal(err)
		}
		return tab
	}
	same := func([]float64, []string, []bool) {}
	enc := EncodeTableJSON(mk(same))
	if len(enc) > 100_000 {
		t.Errorf("truncated table JSON is %d bytes", len(enc))
	}
	if !bytes.HasSuffix(enc, []byte(`],"rows":500001,"truncated":true}`)) {
		t.Errorf("ends %s", enc[len(enc)-60:])
	}
	dec, err := DecodeTableJSON(enc)
	if err != nil {
		t.Fatal(err)
	}
	cx, cs := dec.Columns[0], dec.Columns[1]
	wantHead := slices.Clone(x[:ArrayJSONEdgeElements])
	wantHead[2] = math.NaN()
	if !dec.Truncated || cx.Data != nil || !sameBits(cx.Head, wantHead) || !sameBits(cx.Tail, x[rows-ArrayJSONEdgeElements:]) {
		t.Error("x: head or tail wrong")
	}
	if len(cx.HeadMissing) != ArrayJSONEdgeElements || !cx.HeadMissing[2] || cx.TailMissing != nil {
		t.Errorf("x: head_missing %v..., tail_missing %v", len(cx.HeadMissing), cx.TailMissing)
	}
	if !sameBits(cs.Head, s[:ArrayJSONEdgeElements]) || !sameBits(cs.Tail, s[rows-ArrayJSONEdgeElements:]) || cs.HeadMissing != nil {
		t.Error("s: head or tail wrong")
	}
	// The x digest: values (NaN where missing) then the mask.
	vals := slices.Clone(x)
	qnan := math.Float64frombits(0x7ff8000000000000) // the NaN hashed (math.NaN() has another payload)
	vals[2], vals[rows/2] = qnan, qnan
	var buf bytes.Buffer
	binary.Write(&buf, binary.LittleEndian, vals)
	binary.Write(&buf, binary.LittleEndian, miss)
	if sum := sha256.Sum256(buf.Bytes()); cx.SHA256 != hex.EncodeToString(sum[:]) {
		t.Error("x: sha256 is not that of the values and the mask")
	}
	// Changes in the middle show in the digests, and only there.
	change := func(f func([]float64, []string, []bool)) (string, string) {
		d, err := DecodeTableJSON(EncodeTableJSON(mk(f)))
		if err != nil {
			t.Fatal(err)
		}
		return d.Columns[0].SHA256, d.Columns[1].SHA256
	}
	dx, ds := change(same)
	if dx != cx.SHA256 || ds != cs.SHA256 {
		t.Error("digests are not stable")
	}
	for name, f := range map[string]func([]float64, []string, []bool){
		"value":               func(x []float64, _ []string, _ []bool) { x[rows/3] += 0.5 },
		"missing flag":        func(_ []float64, _ []string, m []bool) { m[rows/3] = true },
		"string":              func(_ []float64, s []string, _ []bool) { s[rows/3] = "changed" },
		"string at a missing": func(_ []float64, s []string, _ []bool) { s[rows/2] += "x" },
	} {
		gx, gs := change(f)
		if name == "string" || name == "string at a missing" {
			if gs == ds || gx != dx {
				t.Errorf("%s: digests %v %v", name, gx != dx, gs != ds)
			}
		} else if gx == dx || gs != ds {
			t.Errorf("%s: digests %v %v", name, gx != dx, gs != ds)
		}
	}
	// Strings hash with their lengths: "ab","c" differs from "a","bc".
	a := digest([]string{"ab", "c"}, nil, true)
	if a == digest([]string{"a", "bc"}, nil, true) {
		t.Error("string digest ignores boundaries")
	}
}

func TestDecodeTableJSONErrors(t *testing.T) {
	for _, c := range []struct{ doc, want string }{
		{`{"columns":[]}`, "no columns or no rows"},
		{`{"columns":[],"rows":-1}`, "negative"},
		{`{"columns":[{"kind":"bool","dtype":"bool","data":[]}],"rows":0}`, "no name"},
		{`{"columns":[{"name":"a","kind":"bool","dtype":"int8","data":[]}],"rows":0}`, `"int8" for a bool`},
		{`{"columns":[{"name":"a","kind":"numeric","dtype":"bool","data":[]}],"rows":0}`, "numeric"},
		{`{"columns":[{"name":"a","kind":"time","dtype":"float64","data":[]}],"rows":0}`, "time"},
		{`{"columns":[{"name":"a","kind":"date","dtype":"int64","data":[]}],"rows":0}`, "unknown kind"},
		{`{"columns":[{"name":"a","kind":"string","dtype":"string","data":[1]}],"rows":1}`, "not a string"},
		{`{"columns":[{"name":"a","kind":"string","dtype":"string","data":["x"]}],"rows":2}`, "1 values for 2 rows"},
		{`{"columns":[{"name":"a","kind":"string","dtype":"string","data":["x"],"missing":[true,false]}],"rows":1}`, "2 flags for 1"},
		{`{"columns":[{"name":"a","kind":"string","dtype":"string"}],"rows":1}`, "no data"},
		{`{"columns":[{"name":"a","kind":"string","dtype":"string","data":["x"]}],"rows":1,"truncated":true}`, "truncated"},
	} {
		_, err := DecodeTableJSON([]byte(c.doc))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error with %q", c.doc, err, c.want)
		}
	}
}

func ExampleDisplay() {
	a := arrays.FromSlice([]float64{1, 2.5, math.NaN(), math.Inf(-1), math.Copysign(0, -1), 0.1}, 2, 3)
	b := Display(a)
	fmt.Println(string(b[MIMEText]))
	fmt.Println(string(b[MIMEArray]))
	// Output:
	// array([[ 1. ,  2.5,  nan],
	//        [-inf, -0. ,  0.1]])
	// {"dtype":"float64","shape":[2,3],"data":[1,2.5,"nan","-inf",-0.0,0.1]}
}
