package interp

// Turning Go values into display outputs, and the structured MIME types
// that verify compares.
//
// # The array JSON (MIMEArray, application/vnd.workbench.array+json)
//
// One JSON object, written without spaces, with its keys in this order:
//
//	{"dtype":"float64","shape":[2,3],"data":[1,2.5,"nan",-0.0,"inf","-inf"]}
//
//   - dtype: the NumPy name of the dtype ("bool", "int8" ... "uint64",
//     "float32", "float64", "complex64", "complex128").
//   - shape: the length of each axis; [] for a 0-d array.
//   - data: every element, flat, in C order.
//
// Elements are written so that they read back exactly:
//
//   - bool: true or false.
//   - integers (int8 ... uint64): JSON integers written from the integer
//     itself (never through float64), so int64 minimum and uint64 maximum
//     are exact.
//   - finite floats: the shortest decimal that reads back as the same
//     float of the element's size (strconv.FormatFloat(x, 'g', -1, 64), or
//     32 for float32), such as 0.1, 1e+100, 5e-324. Negative zero is the
//     number -0.0 (not -0, which some JSON readers, Python's among them,
//     read as the integer 0); positive zero is 0.
//   - NaN, +Inf and -Inf: the strings "nan", "inf" and "-inf" (JSON has no
//     numbers for them). Every NaN is "nan": payloads and the sign of NaN
//     are not kept, as NumPy does not print them.
//   - complex: a pair [re, im], each part a float as above (float32 parts
//     for complex64).
//
// Arrays of more than ArrayJSONMaxElements elements (a million) are not
// written whole. Instead of data the object has
//
//	{"dtype":"float64","shape":[2000,1000],"truncated":true,
//	 "head":[...the first 1000 elements...],"tail":[...the last 1000...],
//	 "sha256":"<64 lowercase hex digits>"}
//
// (on one line). head and tail are ArrayJSONEdgeElements elements each, in
// C order. sha256 is the SHA-256 of every element in C order as
// little-endian bytes of the element's size: bool as one byte 0 or 1,
// integers in two's complement, floats as their IEEE 754 bits, complex as
// the real part then the imaginary part. NaNs are hashed as the one quiet
// NaN (0x7ff8000000000000, or 0x7fc00000 for float32 parts) so that two
// arrays have the same digest exactly when their full JSON would be the
// same; signed zeros stay distinct. verify compares head and tail within
// its tolerances and the digest exactly.
//
// # The table JSON (MIMETable, application/vnd.workbench.table+json)
//
//	{"columns":[{"name":"x","kind":"numeric","dtype":"float64","data":[1,"nan"],"missing":[false,true]},
//	            {"name":"s","kind":"string","dtype":"string","data":["a",""],"missing":[false,true]},
//	            {"name":"t","kind":"time","dtype":"int64","data":[1709251200000000000,0]}],
//	 "rows":2}
//
// (on one line). Each column has, in this order, name; kind ("numeric",
// "bool", "string" or "time"); dtype (the dtype of a numeric column, "bool"
// for bool columns, "string" for string columns and "int64" for time
// columns); data, its values with the number rules of arrays (strings as
// JSON strings); and missing, one bool a row (true: missing), present
// only when some value is missing. A missing value is written as a fixed
// placeholder whatever the column holds there: "nan" for floats, ["nan",
// "nan"] for complex, 0 for integers and times, false for bools and "" for
// strings. Times are int64 nanoseconds since the Unix epoch, UTC: exact,
// and what the table holds.
//
// A table of more than ArrayJSONMaxElements values (rows times columns)
// and more than 2*ArrayJSONEdgeElements rows is cut: the object gains
// "truncated":true after "rows", and each column has, instead of data and
// missing, head and tail (its first and last ArrayJSONEdgeElements
// values), head_missing and tail_missing (present when a value of head or
// tail is missing), and sha256: the SHA-256 of every value of the column
// as for arrays (missing values as their placeholder; a string as its
// byte length, 8 bytes little-endian, then its bytes) followed by one byte
// a row, 1 where the value is missing and 0 elsewhere.
//
// Strings are JSON strings with ", \ and control characters escaped
// (\n, \r, \t, else \u00XX), U+2028 and U+2029 escaped, and each byte of
// invalid UTF-8 written as \ufffd; everything else is written as is.

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"html"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"workbench/arrays"
	"workbench/arrays/dtype"
	"workbench/arrays/table"
	"workbench/plotting"
)

// The limits of the array and table JSON.
const (
	// ArrayJSONMaxElements is the most elements written whole; larger
	// arrays (and tables of more values) are written as head, tail and a
	// SHA-256 digest.
	ArrayJSONMaxElements = 1_000_000
	// ArrayJSONEdgeElements is the length of head and tail.
	ArrayJSONEdgeElements = 1000
)

// How much of an array the HTML table shows: at most htmlMaxRows rows (and
// columns); more are cut to the first and last htmlEdge around a "…".
const (
	htmlMaxRows = 20
	htmlEdge    = 10
)

// Display returns the MIME bundle a notebook shows for v:
//
//   - a value whose type implements Displayer: its own bundle;
//   - nil: an empty bundle (nothing is shown);
//   - an *arrays.Array: text/plain, NumPy's repr (GoString, as IPython shows
//     the last expression of a cell); text/html, for 1-d and 2-d arrays, an
//     HTML table of the values with the dtype and shape in its caption,
//     cut to the first and last 10 rows and columns past 20; and the array
//     JSON (MIMEArray, described at the top of this file);
//   - a *table.Table: text/plain (its String), text/html (its HTML) and the
//     table JSON (MIMETable);
//   - a *plotting.Figure: image/png, image/svg+xml and a text/plain such as
//     "<Figure 640x480 with 1 panel>";
//   - anything else: text/plain, its %v form.
//
// Display never panics: a value that cannot be shown (a figure that fails
// to render, a Displayer that panics) gives a text/plain bundle that says
// why.
func Display(v any) (b Bundle) {
	if v == nil {
		return Bundle{}
	}
	defer func() {
		if r := recover(); r != nil {
			b = errorBundle(v, fmt.Errorf("panic: %v", r))
		}
	}()
	switch x := v.(type) {
	case Displayer:
		b = x.DisplayBundle()
		if b == nil {
			b = Bundle{}
		}
		return b
	case *arrays.Array:
		if x == nil {
			return textBundle("<nil array>")
		}
		return displayArray(x)
	case *table.Table:
		if x == nil {
			return textBundle("<nil table>")
		}
		return displayTable(x)
	case *plotting.Figure:
		if x == nil {
			return textBundle("<nil figure>")
		}
		return displayFigure(x)
	}
	return textBundle(fmt.Sprintf("%v", v))
}

func textBundle(s string) Bundle { return Bundle{MIMEText: []byte(s)} }

// errorBundle is what Display shows for a value it cannot show.
func errorBundle(v any, err error) Bundle {
	return textBundle(fmt.Sprintf("<%T: cannot display: %v>", v, err))
}

// displayArray is Display for an array.
func displayArray(a *arrays.Array) Bundle {
	data := a.Data()
	shp := a.Shape()
	b := Bundle{
		MIMEText:  []byte(a.GoString()),
		MIMEArray: encodeArrayJSON(a.DType(), shp, data),
	}
	if len(shp) == 1 || len(shp) == 2 {
		b[MIMEHTML] = []byte(arrayHTML(a.DType(), shp, data))
	}
	return b
}

// displayTable is Display for a table.
func displayTable(t *table.Table) Bundle {
	return Bundle{
		MIMEText:  []byte(t.String()),
		MIMEHTML:  []byte(t.HTML()),
		MIMETable: EncodeTableJSON(t),
	}
}

// figure is what displayFigure needs of a *plotting.Figure (an interface,
// so that tests can make rendering fail).
type figure interface {
	PNG() ([]byte, error)
	SVG() ([]byte, error)
	PixelSize() (w, h int)
}

// displayFigure is Display for a figure.
func displayFigure(f figure) Bundle {
	w, h := f.PixelSize()
	n := 1
	if pf, ok := f.(*plotting.Figure); ok {
		n = figurePanels(pf)
	}
	desc := fmt.Sprintf("<Figure %dx%d with %d panel", w, h, n)
	if n != 1 {
		desc += "s"
	}
	desc += ">"
	png, err := f.PNG()
	if err != nil {
		return textBundle(fmt.Sprintf("%s (cannot render: %v)", desc, err))
	}
	svg, err := f.SVG()
	if err != nil {
		return textBundle(fmt.Sprintf("%s (cannot render: %v)", desc, err))
	}
	return Bundle{MIMEText: []byte(desc), MIMEPNG: png, MIMESVG: svg}
}

// figurePanels counts the panels of a figure.
func figurePanels(f *plotting.Figure) int {
	rows, cols := f.Panels()
	return rows * cols
}

// arrayHTML is the HTML table of a 1-d or 2-d array: a 1-d array is one
// column with the indices on the left, a 2-d array has its column indices
// on top and its row indices on the left.
func arrayHTML(dt dtype.DType, shp []int, data any) string {
	rows, cols := shp[0], 1
	if len(shp) == 2 {
		cols = shp[1]
	}
	var b strings.Builder
	fmt.Fprintf(&b, "<table class=\"workbench-array\">\n<caption>%s, shape %s</caption>\n",
		html.EscapeString(dt.String()), shapeTuple(shp))
	ci := shownIndices(cols)
	if len(shp) == 2 {
		b.WriteString("<thead>\n<tr><th></th>")
		for _, j := range ci {
			if j < 0 {
				b.WriteString("<th>…</th>")
			} else {
				fmt.Fprintf(&b, "<th>%d</th>", j)
			}
		}
		b.WriteString("</tr>\n</thead>\n")
	}
	b.WriteString("<tbody>\n")
	for _, i := range shownIndices(rows) {
		if i < 0 {
			b.WriteString("<tr><th>…</th>")
			for range ci {
				b.WriteString("<td>…</td>")
			}
			b.WriteString("</tr>\n")
			continue
		}
		fmt.Fprintf(&b, "<tr><th>%d</th>", i)
		for _, j := range ci {
			if j < 0 {
				b.WriteString("<td>…</td>")
			} else {
				fmt.Fprintf(&b, "<td>%s</td>", html.EscapeString(elementString(data, i*cols+j)))
			}
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>")
	return b.String()
}

// shownIndices are the indices of an axis of length n that the HTML shows,
// with -1 where the "…" goes.
func shownIndices(n int) []int {
	var idx []int
	if n <= htmlMaxRows {
		for i := range n {
			idx = append(idx, i)
		}
		return idx
	}
	for i := range htmlEdge {
		idx = append(idx, i)
	}
	idx = append(idx, -1)
	for i := n - htmlEdge; i < n; i++ {
		idx = append(idx, i)
	}
	return idx
}

// elementString is element i of data as NumPy's str() of the scalar
// writes it (1.0, nan, (1+2j), True).
func elementString(data any, i int) string {
	one := reflect.ValueOf(data).Slice(i, i+1).Interface()
	return arrays.FromSlice(one).Reshape().String()
}

// shapeTuple writes a shape as Python does: (), (3,), (2, 3).
func shapeTuple(shp []int) string {
	parts := make([]string, len(shp))
	for i, d := range shp {
		parts[i] = strconv.Itoa(d)
	}
	if len(shp) == 1 {
		return "(" + parts[0] + ",)"
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// EncodeArrayJSON returns the array JSON of a (see the top of this file):
// the content of MIMEArray.
func EncodeArrayJSON(a *arrays.Array) []byte {
	return encodeArrayJSON(a.DType(), a.Shape(), a.Data())
}

func encodeArrayJSON(dt dtype.DType, shp []int, data any) []byte {
	n := sliceLen(data)
	var b []byte
	b = append(b, `{"dtype":"`...)
	b = append(b, dt.String()...)
	b = append(b, `","shape":[`...)
	for i, d := range shp {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(d), 10)
	}
	b = append(b, ']')
	if n <= ArrayJSONMaxElements {
		b = append(b, `,"data":[`...)
		b = appendValues(b, data, 0, n, nil)
		return append(b, "]}"...)
	}
	b = append(b, `,"truncated":true,"head":[`...)
	b = appendValues(b, data, 0, ArrayJSONEdgeElements, nil)
	b = append(b, `],"tail":[`...)
	b = appendValues(b, data, n-ArrayJSONEdgeElements, n, nil)
	b = append(b, `],"sha256":"`...)
	b = append(b, digest(data, nil, false)...)
	return append(b, `"}`...)
}

// EncodeTableJSON returns the table JSON of t (see the top of this file):
// the content of MIMETable.
func EncodeTableJSON(t *table.Table) []byte {
	rows := t.NumRows()
	cut := rows > 2*ArrayJSONEdgeElements && rows*max(t.NumCols(), 1) > ArrayJSONMaxElements
	var b []byte
	b = append(b, `{"columns":[`...)
	for k, c := range t.Columns() {
		if k > 0 {
			b = append(b, ',')
		}
		var data any
		dt := "string"
		if c.Kind == table.String {
			data = c.Strings
		} else {
			data = c.Values.Data()
			dt = c.Values.DType().String()
		}
		miss := c.Missing
		b = append(b, `{"name":`...)
		b = appendString(b, c.Name)
		b = append(b, `,"kind":"`...)
		b = append(b, c.Kind.String()...)
		b = append(b, `","dtype":"`...)
		b = append(b, dt...)
		b = append(b, '"')
		if !cut {
			b = append(b, `,"data":[`...)
			b = appendValues(b, data, 0, rows, miss)
			b = append(b, ']')
			b = appendMissing(b, "missing", miss, 0, rows)
		} else {
			b = append(b, `,"head":[`...)
			b = appendValues(b, data, 0, ArrayJSONEdgeElements, miss)
			b = append(b, `],"tail":[`...)
			b = appendValues(b, data, rows-ArrayJSONEdgeElements, rows, miss)
			b = append(b, ']')
			b = appendMissing(b, "head_missing", miss, 0, ArrayJSONEdgeElements)
			b = appendMissing(b, "tail_missing", miss, rows-ArrayJSONEdgeElements, rows)
			b = append(b, `,"sha256":"`...)
			b = append(b, digest(data, miss, true)...)
			b = append(b, '"')
		}
		b = append(b, '}')
	}
	b = append(b, `],"rows":`...)
	b = strconv.AppendInt(b, int64(rows), 10)
	if cut {
		b = append(b, `,"truncated":true`...)
	}
	return append(b, '}')
}

// appendMissing appends ,"key":[...] with miss[lo:hi] when one of them is
// true.
func appendMissing(b []byte, key string, miss []bool, lo, hi int) []byte {
	if miss == nil {
		return b
	}
	some := false
	for _, m := range miss[lo:hi] {
		some = some || m
	}
	if !some {
		return b
	}
	b = append(b, `,"`...)
	b = append(b, key...)
	b = append(b, `":[`...)
	for i, m := range miss[lo:hi] {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendBool(b, m)
	}
	return append(b, ']')
}

// appendValues appends data[lo:hi], comma-separated, by the number rules
// of the array JSON; where miss (if not nil) is true, the placeholder.
func appendValues(b []byte, data any, lo, hi int, miss []bool) []byte {
	switch s := data.(type) {
	case []bool:
		return appendEach(b, lo, hi, miss, "false", func(b []byte, i int) []byte { return strconv.AppendBool(b, s[i]) })
	case []int8:
		return appendEach(b, lo, hi, miss, "0", func(b []byte, i int) []byte { return strconv.AppendInt(b, int64(s[i]), 10) })
	case []int16:
		return appendEach(b, lo, hi, miss, "0", func(b []byte, i int) []byte { return strconv.AppendInt(b, int64(s[i]), 10) })
	case []int32:
		return appendEach(b, lo, hi, miss, "0", func(b []byte, i int) []byte { return strconv.AppendInt(b, int64(s[i]), 10) })
	case []int64:
		return appendEach(b, lo, hi, miss, "0", func(b []byte, i int) []byte { return strconv.AppendInt(b, s[i], 10) })
	case []uint8:
		return appendEach(b, lo, hi, miss, "0", func(b []byte, i int) []byte { return strconv.AppendUint(b, uint64(s[i]), 10) })
	case []uint16:
		return appendEach(b, lo, hi, miss, "0", func(b []byte, i int) []byte { return strconv.AppendUint(b, uint64(s[i]), 10) })
	case []uint32:
		return appendEach(b, lo, hi, miss, "0", func(b []byte, i int) []byte { return strconv.AppendUint(b, uint64(s[i]), 10) })
	case []uint64:
		return appendEach(b, lo, hi, miss, "0", func(b []byte, i int) []byte { return strconv.AppendUint(b, s[i], 10) })
	case []float32:
		return appendEach(b, lo, hi, miss, `"nan"`, func(b []byte, i int) []byte { return appendFloat(b, float64(s[i]), 32) })
	case []float64:
		return appendEach(b, lo, hi, miss, `"nan"`, func(b []byte, i int) []byte { return appendFloat(b, s[i], 64) })
	case []complex64:
		return appendEach(b, lo, hi, miss, `["nan","nan"]`, func(b []byte, i int) []byte {
			b = append(b, '[')
			b = appendFloat(b, float64(real(s[i])), 32)
			b = append(b, ',')
			b = appendFloat(b, float64(imag(s[i])), 32)
			return append(b, ']')
		})
	case []complex128:
		return appendEach(b, lo, hi, miss, `["nan","nan"]`, func(b []byte, i int) []byte {
			b = append(b, '[')
			b = appendFloat(b, real(s[i]), 64)
			b = append(b, ',')
			b = appendFloat(b, imag(s[i]), 64)
			return append(b, ']')
		})
	case []string:
		return appendEach(b, lo, hi, miss, `""`, func(b []byte, i int) []byte { return appendString(b, s[i]) })
	}
	panic(fmt.Sprintf("interp: no JSON for values of type %T", data))
}

func appendEach(b []byte, lo, hi int, miss []bool, placeholder string, one func([]byte, int) []byte) []byte {
	for i := lo; i < hi; i++ {
		if i > lo {
			b = append(b, ',')
		}
		if miss != nil && miss[i] {
			b = append(b, placeholder...)
		} else {
			b = one(b, i)
		}
	}
	return b
}

// appendFloat appends x by the number rules of the array JSON; bits is 32
// for float32 values.
func appendFloat(b []byte, x float64, bits int) []byte {
	switch {
	case math.IsNaN(x):
		return append(b, `"nan"`...)
	case math.IsInf(x, 1):
		return append(b, `"inf"`...)
	case math.IsInf(x, -1):
		return append(b, `"-inf"`...)
	case x == 0 && math.Signbit(x):
		return append(b, "-0.0"...)
	}
	return strconv.AppendFloat(b, x, 'g', -1, bits)
}

// appendString appends s as a JSON string (see the top of this file).
func appendString(b []byte, s string) []byte {
	const hexDigits = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20 || c == 0x7f:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028':
			b = append(b, `\u2028`...)
		case r == '\u2029':
			b = append(b, `\u2029`...)
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}

// digest is the SHA-256, in hex, of the bytes hashValues writes.
func digest(data any, miss []bool, column bool) string {
	h := sha256.New()
	hashValues(h, data, miss, column)
	return hex.EncodeToString(h.Sum(nil))
}

// hashValues writes the bytes that the sha256 of the array and table JSON
// covers: the values as little-endian bytes (placeholders where miss is
// true), then, for a table column, one byte a row for the missing mask.
func hashValues(h hash.Hash, data any, miss []bool, column bool) {
	n := sliceLen(data)
	missing := func(i int) bool { return miss != nil && miss[i] }
	buf := make([]byte, 0, 1<<16)
	flush := func() {
		h.Write(buf)
		buf = buf[:0]
	}
	f32 := func(x float32) uint32 {
		if x != x {
			return 0x7fc00000
		}
		return math.Float32bits(x)
	}
	f64 := func(x float64) uint64 {
		if x != x {
			return 0x7ff8000000000000
		}
		return math.Float64bits(x)
	}
	for i := range n {
		if len(buf) > cap(buf)-64 {
			flush()
		}
		m := missing(i)
		switch s := data.(type) {
		case []bool:
			v := byte(0)
			if s[i] && !m {
				v = 1
			}
			buf = append(buf, v)
		case []int8:
			buf = append(buf, byte(pick(m, 0, s[i])))
		case []int16:
			buf = binary.LittleEndian.AppendUint16(buf, uint16(pick(m, 0, s[i])))
		case []int32:
			buf = binary.LittleEndian.AppendUint32(buf, uint32(pick(m, 0, s[i])))
		case []int64:
			buf = binary.LittleEndian.AppendUint64(buf, uint64(pick(m, 0, s[i])))
		case []uint8:
			buf = append(buf, pick(m, 0, s[i]))
		case []uint16:
			buf = binary.LittleEndian.AppendUint16(buf, pick(m, 0, s[i]))
		case []uint32:
			buf = binary.LittleEndian.AppendUint32(buf, pick(m, 0, s[i]))
		case []uint64:
			buf = binary.LittleEndian.AppendUint64(buf, pick(m, 0, s[i]))
		case []float32:
			buf = binary.LittleEndian.AppendUint32(buf, f32(pick(m, float32(math.NaN()), s[i])))
		case []float64:
			buf = binary.LittleEndian.AppendUint64(buf, f64(pick(m, math.NaN(), s[i])))
		case []complex64:
			z := pick(m, complex(float32(math.NaN()), float32(math.NaN())), s[i])
			buf = binary.LittleEndian.AppendUint32(buf, f32(real(z)))
			buf = binary.LittleEndian.AppendUint32(buf, f32(imag(z)))
		case []complex128:
			z := pick(m, complex(math.NaN(), math.NaN()), s[i])
			buf = binary.LittleEndian.AppendUint64(buf, f64(real(z)))
			buf = binary.LittleEndian.AppendUint64(buf, f64(imag(z)))
		case []string:
			v := pick(m, "", s[i])
			buf = binary.LittleEndian.AppendUint64(buf, uint64(len(v)))
			flush()
			h.Write([]byte(v))
		default:
			panic(fmt.Sprintf("interp: no digest for values of type %T", data))
		}
	}
	if column {
		for i := range n {
			if len(buf) == cap(buf) {
				flush()
			}
			v := byte(0)
			if missing(i) {
				v = 1
			}
			buf = append(buf, v)
		}
	}
	flush()
}

// pick is placeholder when missing, else v.
func pick[T any](missing bool, placeholder, v T) T {
	if missing {
		return placeholder
	}
	return v
}

func sliceLen(data any) int { return reflect.ValueOf(data).Len() }

// ArrayJSON is an array JSON document read back by DecodeArrayJSON.
type ArrayJSON struct {
	// DType is the dtype's name, such as "float64".
	DType string
	// Shape is the length of each axis (empty for a 0-d array).
	Shape []int
	// Data holds every element in C order as a typed Go slice ([]float64
	// for float64, []complex64 for complex64, []bool for bool, ...); nil
	// when Truncated.
	Data any
	// Truncated is set for arrays of more than ArrayJSONMaxElements
	// elements, which have Head, Tail and SHA256 instead of Data.
	Truncated bool
	// Head and Tail are the first and last elements (typed Go slices) of a
	// truncated array.
	Head, Tail any
	// SHA256 is the digest of all elements of a truncated array, in hex.
	SHA256 string
}

// TableJSON is a table JSON document read back by DecodeTableJSON.
type TableJSON struct {
	Columns []ColumnJSON
	// Rows is the number of rows.
	Rows int
	// Truncated is set for large tables, whose columns have Head, Tail
	// and SHA256 instead of Data and Missing.
	Truncated bool
}

// ColumnJSON is one column of a TableJSON.
type ColumnJSON struct {
	Name string
	// Kind is "numeric", "bool", "string" or "time".
	Kind string
	// DType is the dtype of a numeric column, "bool", "string", or
	// "int64" for a time column (nanoseconds since the Unix epoch, UTC).
	DType string
	// Data are the values as a typed Go slice ([]float64, []string,
	// []int64 for times, ...), placeholders where missing; nil when the
	// table is truncated.
	Data any
	// Missing marks the missing values; nil when none is missing.
	Missing []bool
	// Head and Tail are the first and last values of a truncated table's
	// column; HeadMissing and TailMissing mark their missing values (nil
	// when none is missing), and SHA256 is the column's digest.
	Head, Tail               any
	HeadMissing, TailMissing []bool
	SHA256                   string
}

type arrayWire struct {
	DType     *string         `json:"dtype"`
	Shape     *[]int          `json:"shape"`
	Data      json.RawMessage `json:"data"`
	Truncated bool            `json:"truncated"`
	Head      json.RawMessage `json:"head"`
	Tail      json.RawMessage `json:"tail"`
	SHA256    string          `json:"sha256"`
}

// DecodeArrayJSON reads an array JSON document (the content of MIMEArray)
// back, checking it against the schema: a known dtype, a shape of
// non-negative lengths, as many elements as the shape says, each of the
// dtype's JSON form and in its range. Keys it does not know are ignored.
func DecodeArrayJSON(b []byte) (*ArrayJSON, error) {
	var w arrayWire
	if err := strictUnmarshal(b, &w); err != nil {
		return nil, fmt.Errorf("interp: array JSON: %w", err)
	}
	bad := func(format string, args ...any) (*ArrayJSON, error) {
		return nil, fmt.Errorf("interp: array JSON: "+format, args...)
	}
	if w.DType == nil {
		return bad("no dtype")
	}
	dt, err := dtype.Parse(*w.DType)
	if err != nil || !dt.Valid() || dt.String() != *w.DType {
		return bad("unknown dtype %q", *w.DType)
	}
	if w.Shape == nil {
		return bad("no shape")
	}
	size := 1
	for _, d := range *w.Shape {
		if d < 0 {
			return bad("negative length in shape %v", *w.Shape)
		}
		if d > 0 && size > math.MaxInt/d {
			return bad("shape %v is too large", *w.Shape)
		}
		size *= d
	}
	out := &ArrayJSON{DType: dt.String(), Shape: append([]int{}, *w.Shape...), Truncated: w.Truncated}
	if !w.Truncated {
		if w.Data == nil {
			return bad("no data")
		}
		if w.Head != nil || w.Tail != nil || w.SHA256 != "" {
			return bad("head, tail or sha256 in an array that is not truncated")
		}
		if out.Data, err = decodeValues(dt.String(), w.Data); err != nil {
			return bad("data: %v", err)
		}
		if n := sliceLen(out.Data); n != size {
			return bad("%d elements for shape %v", n, *w.Shape)
		}
		return out, nil
	}
	if w.Data != nil {
		return bad("data in a truncated array")
	}
	if out.Head, err = decodeValues(dt.String(), w.Head); err != nil {
		return bad("head: %v", err)
	}
	if out.Tail, err = decodeValues(dt.String(), w.Tail); err != nil {
		return bad("tail: %v", err)
	}
	if h, t := sliceLen(out.Head), sliceLen(out.Tail); h+t > size {
		return bad("head and tail have %d elements, more than shape %v holds", h+t, *w.Shape)
	}
	if out.SHA256, err = checkDigest(w.SHA256); err != nil {
		return bad("%v", err)
	}
	return out, nil
}

type tableWire struct {
	Columns   *[]columnWire `json:"columns"`
	Rows      *int          `json:"rows"`
	Truncated bool          `json:"truncated"`
}

type columnWire struct {
	Name        *string         `json:"name"`
	Kind        string          `json:"kind"`
	DType       string          `json:"dtype"`
	Data        json.RawMessage `json:"data"`
	Missing     []bool          `json:"missing"`
	Head        json.RawMessage `json:"head"`
	Tail        json.RawMessage `json:"tail"`
	HeadMissing []bool          `json:"head_missing"`
	TailMissing []bool          `json:"tail_missing"`
	SHA256      string          `json:"sha256"`
}

// DecodeTableJSON reads a table JSON document (the content of MIMETable)
// back, checking it against the schema: kinds and dtypes that go
// together, as many values (and missing flags) as rows, each of the
// dtype's JSON form. Keys it does not know are ignored.
func DecodeTableJSON(b []byte) (*TableJSON, error) {
	var w tableWire
	if err := strictUnmarshal(b, &w); err != nil {
		return nil, fmt.Errorf("interp: table JSON: %w", err)
	}
	bad := func(format string, args ...any) (*TableJSON, error) {
		return nil, fmt.Errorf("interp: table JSON: "+format, args...)
	}
	if w.Columns == nil || w.Rows == nil {
		return bad("no columns or no rows")
	}
	rows := *w.Rows
	if rows < 0 {
		return bad("negative rows %d", rows)
	}
	out := &TableJSON{Rows: rows, Truncated: w.Truncated}
	for k, c := range *w.Columns {
		if c.Name == nil {
			return bad("column %d has no name", k)
		}
		col := ColumnJSON{Name: *c.Name, Kind: c.Kind, DType: c.DType}
		badCol := func(format string, args ...any) (*TableJSON, error) {
			return bad("column %q: "+format, append([]any{*c.Name}, args...)...)
		}
		if err := checkKind(c.Kind, c.DType); err != nil {
			return badCol("%v", err)
		}
		var err error
		if !w.Truncated {
			if c.Data == nil {
				return badCol("no data")
			}
			if col.Data, err = decodeValues(c.DType, c.Data); err != nil {
				return badCol("data: %v", err)
			}
			if n := sliceLen(col.Data); n != rows {
				return badCol("%d values for %d rows", n, rows)
			}
			if col.Missing, err = checkMask(c.Missing, rows); err != nil {
				return badCol("missing: %v", err)
			}
			out.Columns = append(out.Columns, col)
			continue
		}
		if c.Data != nil || c.Missing != nil {
			return badCol("data or missing in a truncated table")
		}
		if col.Head, err = decodeValues(c.DType, c.Head); err != nil {
			return badCol("head: %v", err)
		}
		if col.Tail, err = decodeValues(c.DType, c.Tail); err != nil {
			return badCol("tail: %v", err)
		}
		h, t := sliceLen(col.Head), sliceLen(col.Tail)
		if h+t > rows {
			return badCol("head and tail have %d values, more than %d rows", h+t, rows)
		}
		if col.HeadMissing, err = checkMask(c.HeadMissing, h); err != nil {
			return badCol("head_missing: %v", err)
		}
		if col.TailMissing, err = checkMask(c.TailMissing, t); err != nil {
			return badCol("tail_missing: %v", err)
		}
		if col.SHA256, err = checkDigest(c.SHA256); err != nil {
			return badCol("%v", err)
		}
		out.Columns = append(out.Columns, col)
	}
	return out, nil
}

// strictUnmarshal is json.Unmarshal that also rejects trailing data.
func strictUnmarshal(b []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(b))
	if err := d.Decode(v); err != nil {
		return err
	}
	if d.More() {
		return errors.New("data after the JSON object")
	}
	return nil
}

func checkKind(kind, dt string) error {
	switch kind {
	case "numeric":
		d, err := dtype.Parse(dt)
		if err != nil || !d.Valid() || d == dtype.Bool || d.String() != dt {
			return fmt.Errorf("dtype %q for a numeric column", dt)
		}
	case "bool", "string":
		if dt != kind {
			return fmt.Errorf("dtype %q for a %s column", dt, kind)
		}
	case "time":
		if dt != "int64" {
			return fmt.Errorf("dtype %q for a time column (want int64)", dt)
		}
	default:
		return fmt.Errorf("unknown kind %q", kind)
	}
	return nil
}

func checkMask(m []bool, n int) ([]bool, error) {
	if m == nil {
		return nil, nil
	}
	if len(m) != n {
		return nil, fmt.Errorf("%d flags for %d values", len(m), n)
	}
	return m, nil
}

func checkDigest(s string) (string, error) {
	if _, err := hex.DecodeString(s); err != nil || len(s) != 2*sha256.Size || strings.ToLower(s) != s {
		return "", fmt.Errorf("sha256 %q is not 64 lowercase hex digits", s)
	}
	return s, nil
}

// decodeValues parses a JSON list of values of dtype dt ("string" for
// strings) into a typed Go slice.
func decodeValues(dt string, raw json.RawMessage) (any, error) {
	if raw == nil {
		return nil, errors.New("missing")
	}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var items []any
	if err := d.Decode(&items); err != nil {
		return nil, err
	}
	if items == nil {
		return nil, errors.New("not a list")
	}
	n := len(items)
	fail := func(i int, want string) error {
		return fmt.Errorf("element %d: %s is not %s", i, jsonText(items[i]), want)
	}
	ints := func(bits int, set func(i int, v int64)) error {
		for i, it := range items {
			num, ok := it.(json.Number)
			if !ok {
				return fail(i, "an integer")
			}
			v, err := strconv.ParseInt(string(num), 10, bits)
			if err != nil {
				return fail(i, fmt.Sprintf("an int%d", bits))
			}
			set(i, v)
		}
		return nil
	}
	uints := func(bits int, set func(i int, v uint64)) error {
		for i, it := range items {
			num, ok := it.(json.Number)
			if !ok {
				return fail(i, "an integer")
			}
			v, err := strconv.ParseUint(string(num), 10, bits)
			if err != nil {
				return fail(i, fmt.Sprintf("a uint%d", bits))
			}
			set(i, v)
		}
		return nil
	}
	floats := func(bits int, set func(i int, v float64)) error {
		for i, it := range items {
			v, ok := parseFloat(it, bits)
			if !ok {
				return fail(i, fmt.Sprintf("a float%d", bits))
			}
			set(i, v)
		}
		return nil
	}
	complexes := func(bits int, set func(i int, re, im float64)) error {
		for i, it := range items {
			pair, ok := it.([]any)
			if !ok || len(pair) != 2 {
				return fail(i, "a pair [re, im]")
			}
			re, ok1 := parseFloat(pair[0], bits)
			im, ok2 := parseFloat(pair[1], bits)
			if !ok1 || !ok2 {
				return fail(i, fmt.Sprintf("a pair of float%d", bits))
			}
			set(i, re, im)
		}
		return nil
	}
	switch dt {
	case "bool":
		out := make([]bool, n)
		for i, it := range items {
			v, ok := it.(bool)
			if !ok {
				return nil, fail(i, "true or false")
			}
			out[i] = v
		}
		return out, nil
	case "string":
		out := make([]string, n)
		for i, it := range items {
			v, ok := it.(string)
			if !ok {
				return nil, fail(i, "a string")
			}
			out[i] = v
		}
		return out, nil
	case "int8":
		out := make([]int8, n)
		return out, ints(8, func(i int, v int64) { out[i] = int8(v) })
	case "int16":
		out := make([]int16, n)
		return out, ints(16, func(i int, v int64) { out[i] = int16(v) })
	case "int32":
		out := make([]int32, n)
		return out, ints(32, func(i int, v int64) { out[i] = int32(v) })
	case "int64":
		out := make([]int64, n)
		return out, ints(64, func(i int, v int64) { out[i] = v })
	case "uint8":
		out := make([]uint8, n)
		return out, uints(8, func(i int, v uint64) { out[i] = uint8(v) })
	case "uint16":
		out := make([]uint16, n)
		return out, uints(16, func(i int, v uint64) { out[i] = uint16(v) })
	case "uint32":
		out := make([]uint32, n)
		return out, uints(32, func(i int, v uint64) { out[i] = uint32(v) })
	case "uint64":
		out := make([]uint64, n)
		return out, uints(64, func(i int, v uint64) { out[i] = v })
	case "float32":
		out := make([]float32, n)
		return out, floats(32, func(i int, v float64) { out[i] = float32(v) })
	case "float64":
		out := make([]float64, n)
		return out, floats(64, func(i int, v float64) { out[i] = v })
	case "complex64":
		out := make([]complex64, n)
		return out, complexes(32, func(i int, re, im float64) { out[i] = complex(float32(re), float32(im)) })
	case "complex128":
		out := make([]complex128, n)
		return out, complexes(64, func(i int, re, im float64) { out[i] = complex(re, im) })
	}
	return nil, fmt.Errorf("unknown dtype %q", dt)
}

// parseFloat reads one float of the array JSON: a number, or "nan",
// "inf", "-inf". A number beyond the range of the float's size is an
// error, not an infinity.
func parseFloat(it any, bits int) (float64, bool) {
	switch v := it.(type) {
	case json.Number:
		x, err := strconv.ParseFloat(string(v), bits)
		return x, err == nil
	case string:
		switch v {
		case "nan":
			return math.NaN(), true
		case "inf":
			return math.Inf(1), true
		case "-inf":
			return math.Inf(-1), true
		}
	}
	return 0, false
}

// jsonText writes a decoded JSON value back for an error message.
func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil || len(b) > 40 {
		return fmt.Sprintf("a %T", v)
	}
	return string(b)
}
