package arrays

//go:generate /usr/bin/python3 testdata/npy/generate.py

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

const npyDir = "testdata/npy"

// npyEntry is one array in testdata/npy/manifest.json.
type npyEntry struct {
	File    string `json:"file"`
	DType   string `json:"dtype"`
	Descr   string `json:"descr"`
	Shape   []int  `json:"shape"`
	Fortran bool   `json:"fortran"`
	Version string `json:"version"`
	NpSave  bool   `json:"np_save"`
	Values  []any  `json:"values"`
}

type npyManifest struct {
	NumPy       string     `json:"numpy"`
	SHA256      string     `json:"generator_sha256"`
	Npy         []npyEntry `json:"npy"`
	Unsupported []struct {
		File  string `json:"file"`
		Descr string `json:"descr"`
		What  string `json:"what"`
	} `json:"unsupported"`
	Npz []struct {
		File       string              `json:"file"`
		Compressed bool                `json:"compressed"`
		Arrays     map[string]npyEntry `json:"arrays"`
	} `json:"npz"`
}

func npyLoadManifest(t testing.TB) *npyManifest {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(npyDir, "manifest.json"))
	if err != nil {
		t.Fatalf("%v: run go generate ./arrays", err)
	}
	var m npyManifest
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Npy) == 0 || len(m.Npz) == 0 || len(m.Unsupported) == 0 {
		t.Fatal("manifest.json lists no files: run go generate ./arrays")
	}
	return &m
}

// TestNpyDataFresh fails when generate.py has changed since it wrote the
// test files.
func TestNpyDataFresh(t *testing.T) {
	m := npyLoadManifest(t)
	script, err := os.ReadFile(filepath.Join(npyDir, "generate.py"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(script)
	if m.SHA256 != hex.EncodeToString(sum[:]) {
		t.Fatalf("testdata/npy is stale: run go generate ./arrays (generate.py has changed since it wrote the files)")
	}
	for _, e := range m.Npy {
		if _, err := os.Stat(filepath.Join(npyDir, e.File)); err != nil {
			t.Errorf("%v: run go generate ./arrays", err)
		}
	}
}

// npyParseFloat reads a value of float.hex(): "0x1.8p+1", "-0x0.0p+0",
// "inf", "nan".
func npyParseFloat(t testing.TB, v any) float64 {
	t.Helper()
	s, ok := v.(string)
	if !ok {
		t.Fatalf("float value %v is not a string", v)
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("float value %q: %v", s, err)
	}
	return f
}

func npySameFloat(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Float64bits(a) == math.Float64bits(b)
}

// npyCheck compares a with a manifest entry: dtype, shape, layout, values.
func npyCheck(t *testing.T, name string, a *Array, e npyEntry) {
	t.Helper()
	if a.DType().String() != e.DType {
		t.Errorf("%s: dtype %v, want %s", name, a.DType(), e.DType)
		return
	}
	if fmt.Sprint(a.Shape()) != fmt.Sprint(e.Shape) {
		t.Errorf("%s: shape %v, want %v", name, a.Shape(), e.Shape)
		return
	}
	if e.Fortran {
		// F order: strides grow from the first axis, in one buffer.
		want := 1
		for i, d := range a.shape {
			if d > 1 && a.strides[i] != want {
				t.Errorf("%s: strides %v are not Fortran order for shape %v", name, a.Strides(), a.Shape())
			}
			want *= d
		}
		if a.IsContiguous() || a.offset != 0 || a.buf.Len() != a.Size() {
			t.Errorf("%s: want an F-contiguous view of its own buffer", name)
		}
	} else if !a.IsContiguous() {
		t.Errorf("%s: not C-contiguous (strides %v)", name, a.Strides())
	}
	n := a.Size()
	if len(e.Values) != n {
		t.Fatalf("%s: manifest has %d values for %d elements", name, len(e.Values), n)
	}
	bad := func(i int, got, want any) {
		t.Errorf("%s: element %d is %v, want %v", name, i, got, want)
	}
	switch data := a.Data().(type) {
	case []bool:
		for i, v := range data {
			if v != e.Values[i].(bool) {
				bad(i, v, e.Values[i])
			}
		}
	case []float32:
		for i, v := range data {
			if w := float32(npyParseFloat(t, e.Values[i])); !npySameFloat(float64(v), float64(w)) {
				bad(i, v, w)
			}
		}
	case []float64:
		for i, v := range data {
			if w := npyParseFloat(t, e.Values[i]); !npySameFloat(v, w) {
				bad(i, v, w)
			}
		}
	case []complex64:
		for i, v := range data {
			p := e.Values[i].([]any)
			re, im := float32(npyParseFloat(t, p[0])), float32(npyParseFloat(t, p[1]))
			if !npySameFloat(float64(real(v)), float64(re)) || !npySameFloat(float64(imag(v)), float64(im)) {
				bad(i, v, complex(re, im))
			}
		}
	case []complex128:
		for i, v := range data {
			p := e.Values[i].([]any)
			re, im := npyParseFloat(t, p[0]), npyParseFloat(t, p[1])
			if !npySameFloat(real(v), re) || !npySameFloat(imag(v), im) {
				bad(i, v, complex(re, im))
			}
		}
	default: // integers
		for i := range n {
			if got := fmt.Sprint(elementAt(data, i)); got != e.Values[i].(string) {
				bad(i, got, e.Values[i])
			}
		}
	}
}

// onlyReader hides everything of a reader but Read, so that ReadNpy cannot
// tell its length.
type onlyReader struct{ r io.Reader }

func (o onlyReader) Read(p []byte) (int, error) { return o.r.Read(p) }

// TestNpyLoadNumPyFiles loads every file NumPy wrote, through Load and
// through ReadNpy from readers of known and unknown length.
func TestNpyLoadNumPyFiles(t *testing.T) {
	m := npyLoadManifest(t)
	kinds := map[string]bool{}
	for _, e := range m.Npy {
		path := filepath.Join(npyDir, e.File)
		a, err := Load(path)
		if err != nil {
			t.Errorf("Load: %v", err)
			continue
		}
		npyCheck(t, e.File, a, e)
		kinds[e.DType+" "+e.Descr[:1]+" "+strconv.FormatBool(e.Fortran)] = true
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range []io.Reader{bytes.NewReader(raw), onlyReader{bytes.NewReader(raw)}} {
			b, err := ReadNpy(r)
			if err != nil {
				t.Errorf("%s: ReadNpy(%T): %v", e.File, r, err)
				continue
			}
			npyCheck(t, e.File+" (ReadNpy)", b, e)
		}
	}
	// Every dtype in both byte orders and both layouts.
	for _, dt := range []DType{Int16, Int32, Int64, Uint16, Uint32, Uint64, Float32, Float64, Complex64, Complex128} {
		for _, bo := range []string{"<", ">"} {
			for _, f := range []bool{false, true} {
				if !kinds[dt.String()+" "+bo+" "+strconv.FormatBool(f)] {
					t.Errorf("no test file for %v %s fortran=%v", dt, bo, f)
				}
			}
		}
	}
}

// TestNpyWritesNumPyBytes checks that WriteNpy writes what np.save wrote,
// byte for byte, for every file np.save wrote little-endian, and that a
// big-endian file saves as its little-endian twin.
func TestNpyWritesNumPyBytes(t *testing.T) {
	m := npyLoadManifest(t)
	count := 0
	for _, e := range m.Npy {
		want := e.File
		if strings.Contains(e.File, "_be_") && !strings.Contains(e.File, "_3d") {
			want = strings.Replace(e.File, "_be_", "_le_", 1)
		} else if !e.NpSave {
			continue
		}
		a, err := Load(filepath.Join(npyDir, e.File))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := WriteNpy(&buf, a); err != nil {
			t.Fatal(err)
		}
		raw, err := os.ReadFile(filepath.Join(npyDir, want))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(buf.Bytes(), raw) {
			t.Errorf("%s: WriteNpy differs from NumPy's %s:\n got %q\nwant %q", e.File, want, npyShort(buf.Bytes()), npyShort(raw))
		}
		count++
	}
	if count < 40 {
		t.Errorf("only %d files compared", count)
	}
}

func npyShort(b []byte) []byte {
	if len(b) > 200 {
		return b[:200]
	}
	return b
}

func TestNpyUnsupportedDTypes(t *testing.T) {
	m := npyLoadManifest(t)
	for _, u := range m.Unsupported {
		path := filepath.Join(npyDir, u.File)
		_, err := Load(path)
		var fe *FileError
		if !errors.As(err, &fe) {
			t.Errorf("%s: got %v, want a *FileError", u.File, err)
			continue
		}
		msg := err.Error()
		for _, want := range []string{path, "unsupported dtype", u.What} {
			if !strings.Contains(msg, want) {
				t.Errorf("%s: error %q does not mention %q", u.File, msg, want)
			}
		}
		if u.Descr != "structured" && !strings.Contains(msg, u.Descr) {
			t.Errorf("%s: error %q does not name the dtype %s", u.File, msg, u.Descr)
		}
	}
}

func TestNpzLoadNumPyFiles(t *testing.T) {
	m := npyLoadManifest(t)
	for _, z := range m.Npz {
		got, err := LoadZ(filepath.Join(npyDir, z.File))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(z.Arrays) {
			t.Errorf("%s: %d arrays, want %d", z.File, len(got), len(z.Arrays))
		}
		for k, e := range z.Arrays {
			a, ok := got[k]
			if !ok {
				t.Errorf("%s: no array %q", z.File, k)
				continue
			}
			npyCheck(t, z.File+":"+k, a, e)
		}
	}
}

// npyTestArrays returns arrays of every dtype in several layouts, for
// round trips. fortran says which of them np.save would write in Fortran
// order.
func npyTestArrays() (names []string, xs []*Array, fortran []bool) {
	add := func(name string, x *Array, f bool) {
		names, xs, fortran = append(names, name), append(xs, x), append(fortran, f)
	}
	for _, dt := range []DType{Bool, Int8, Int16, Int32, Int64, Uint8, Uint16, Uint32, Uint64, Float32, Float64, Complex64, Complex128} {
		base := Arange(24).Sub(7).Mul(3).Astype(dt)
		if dt.IsInexact() {
			base = Arange(24).Sub(7).Mul(0.1).Astype(dt)
		}
		c := base.Reshape(2, 3, 4)
		add(dt.String()+" C", c, false)
		add(dt.String()+" F", PermuteDims(base.Reshape(4, 3, 2), 2, 1, 0), true)
		add(dt.String()+" strided", c.Index(":, ::2, 1:"), false)
		add(dt.String()+" reversed", c.Index("::-1"), false)
		add(dt.String()+" transposed 2 axes", c.T(), false)
		add(dt.String()+" offset", c.Index("1"), false)
		add(dt.String()+" 0-d", c.Index("1, 2, 3"), false)
		add(dt.String()+" empty", Zeros(0, 3).Astype(dt), false)
		add(dt.String()+" empty F", PermuteDims(Zeros(3, 0).Astype(dt), 1, 0), false)
	}
	return
}

// npyBytesOf returns an array's elements in C order as bytes.
func npyBytesOf(x *Array) []byte { return append([]byte{}, sliceBytes(x.Data())...) }

func npySame(t *testing.T, name string, got, want *Array, fortran bool) {
	t.Helper()
	if got.DType() != want.DType() || fmt.Sprint(got.Shape()) != fmt.Sprint(want.Shape()) {
		t.Errorf("%s: got %v %v, want %v %v", name, got.DType(), got.Shape(), want.DType(), want.Shape())
		return
	}
	if !bytes.Equal(npyBytesOf(got), npyBytesOf(want)) {
		t.Errorf("%s: elements differ:\n got %v\nwant %v", name, got.Data(), want.Data())
	}
	if fortran && (got.IsContiguous() || !got.isFContiguous()) {
		t.Errorf("%s: loaded with strides %v, want Fortran order", name, got.Strides())
	}
	if !fortran && !got.IsContiguous() {
		t.Errorf("%s: loaded with strides %v, want C order", name, got.Strides())
	}
}

func TestNpyRoundTrip(t *testing.T) {
	dir := t.TempDir()
	names, xs, fortran := npyTestArrays()
	named := map[string]*Array{}
	for i, x := range xs {
		path := filepath.Join(dir, fmt.Sprintf("x%d.npy", i))
		if err := Save(path, x); err != nil {
			t.Fatal(err)
		}
		got, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		npySame(t, names[i], got, x, fortran[i])
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if wantF := fortran[i]; strings.Contains(string(raw[:128]), "'fortran_order': True") != wantF {
			t.Errorf("%s: header %q, want fortran_order %v", names[i], raw[:64], wantF)
		}
		if len(raw[:bytes.IndexByte(raw, '\n')+1])%64 != 0 {
			t.Errorf("%s: header not padded to 64 bytes", names[i])
		}
		var buf bytes.Buffer
		if err := WriteNpy(&buf, x); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(buf.Bytes(), raw) {
			t.Errorf("%s: WriteNpy and Save differ", names[i])
		}
		named[fmt.Sprintf("x%d", i)] = x
	}
	for _, save := range []func(string, map[string]*Array) error{SaveZ, SaveZCompressed} {
		path := filepath.Join(dir, "all.npz")
		if err := save(path, named); err != nil {
			t.Fatal(err)
		}
		got, err := LoadZ(path)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(named) {
			t.Fatalf("LoadZ: %d arrays, want %d", len(got), len(named))
		}
		for i := range xs {
			k := fmt.Sprintf("x%d", i)
			npySame(t, names[i]+" (npz)", got[k], xs[i], fortran[i])
		}
	}
}

// TestNpzReproducible checks that SaveZ writes the same bytes every time,
// whatever the map order, and puts members in the order of their names.
func TestNpzReproducible(t *testing.T) {
	dir := t.TempDir()
	named := map[string]*Array{}
	for i := range 20 {
		named[fmt.Sprintf("a%02d", i)] = Arange(i)
	}
	var first []byte
	for i := range 3 {
		path := filepath.Join(dir, fmt.Sprintf("z%d.npz", i))
		if err := SaveZCompressed(path, named); err != nil {
			t.Fatal(err)
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = raw
		} else if !bytes.Equal(raw, first) {
			t.Fatal("two SaveZCompressed of the same arrays differ")
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range zr.File {
		if want := fmt.Sprintf("a%02d.npy", i); f.Name != want || f.Method != zip.Deflate {
			t.Errorf("member %d is %s (method %d), want %s deflated", i, f.Name, f.Method, want)
		}
	}
}

func TestNpyReadConsecutive(t *testing.T) {
	var buf bytes.Buffer
	x, y := Arange(5), Eye(3)
	for _, a := range []*Array{x, y} {
		if err := WriteNpy(&buf, a); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range []io.Reader{bytes.NewReader(buf.Bytes()), onlyReader{bytes.NewReader(buf.Bytes())}} {
		for _, want := range []*Array{x, y} {
			got, err := ReadNpy(r)
			if err != nil {
				t.Fatal(err)
			}
			npySame(t, "consecutive", got, want, false)
		}
		if _, err := ReadNpy(r); err == nil || !strings.Contains(err.Error(), "npy stream: empty") {
			t.Errorf("reading past the end: got %v", err)
		}
	}
}

// npyFile returns a .npy file with the given header dict, version 1.0,
// padded as NumPy pads, followed by data.
func npyFile(header string, data []byte) []byte {
	hlen := len(header) + 1
	pad := 64 - (10+hlen)%64
	out := []byte(npyMagic + "\x01\x00")
	out = append(out, byte(hlen+pad), byte((hlen+pad)>>8))
	out = append(out, header...)
	out = append(out, bytes.Repeat([]byte{' '}, pad)...)
	out = append(out, '\n')
	return append(out, data...)
}

func TestNpyBrokenFiles(t *testing.T) {
	good := npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", make([]byte, 24))
	v2 := func(hlen uint32) []byte {
		return append([]byte(npyMagic+"\x02\x00"), byte(hlen), byte(hlen>>8), byte(hlen>>16), byte(hlen>>24))
	}
	hdr := func(h string) []byte { return npyFile(h, make([]byte, 64)) }
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "empty: no magic string"},
		{"not npy", []byte("hello, world"), `not a .npy file: it starts with "hello,"`},
		{"short magic", []byte("\x93NUM"), "ends at byte 4, inside the magic string"},
		{"no version", []byte("\x93NUMPY\x01"), "ends at byte 7, inside the format version"},
		{"version 4", []byte("\x93NUMPY\x04\x00\x10\x00"), "unsupported .npy format version 4.0"},
		{"no header length", []byte("\x93NUMPY\x01\x00\x76"), "truncated header: the file ends at byte 9, inside the header length"},
		{"truncated header", good[:30], "truncated header: the header length says 118 bytes, but the file ends at byte 30"},
		{"huge v2 header", v2(1 << 31), "truncated header: the header length says 2147483648 bytes"},
		{"not a dict", hdr("[1, 2]"), "header is not a dict but a list"},
		{"syntax", hdr("{'descr': '<f8' 'shape': (3,)}"), `unexpected '\'' at byte 26 where ',' or '}' should be`},
		{"unclosed", hdr("{'descr': '<f8', "), "the header ends (at byte 64) where a value should be"},
		{"missing key", hdr("{'descr': '<f8', 'shape': (3,)}"), "header has no 'fortran_order' key"},
		{"extra key", hdr("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), 'x': 1}"), `unexpected key "x"`},
		{"shape not tuple", hdr("{'descr': '<f8', 'fortran_order': False, 'shape': 3}"), "shape is not a tuple but an integer 3"},
		{"shape (3) is 3", hdr("{'descr': '<f8', 'fortran_order': False, 'shape': (3)}"), "shape is not a tuple"},
		{"shape of strings", hdr("{'descr': '<f8', 'fortran_order': False, 'shape': ('a',)}"), `shape has a string "a" where an integer should be`},
		{"float dim", hdr("{'descr': '<f8', 'fortran_order': False, 'shape': (3.0,)}"), "unexpected '.'"},
		{"negative dim", hdr("{'descr': '<f8', 'fortran_order': False, 'shape': (-3,)}"), "negative dimension: -3"},
		{"huge dim", hdr("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,)}"), "dimension too large"},
		{"overflow", hdr("{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296)}"), "is too large"},
		{"fortran not bool", hdr("{'descr': '<f8', 'fortran_order': 0, 'shape': (3,)}"), "fortran_order is not True or False but an integer 0"},
		{"descr not str", hdr("{'descr': 8, 'fortran_order': False, 'shape': (3,)}"), "descr is not a dtype string"},
		{"unknown dtype", hdr("{'descr': '<x9', 'fortran_order': False, 'shape': (3,)}"), `unsupported dtype "<x9" (an unknown dtype)`},
		{"nested", hdr("{'descr': " + strings.Repeat("[", 40) + "}"), "nested more than 32 deep"},
		{"short data", good[:len(good)-5], "truncated data: the header's shape (3,) and dtype float64 need 24 bytes of data, got 19"},
		{"absurd shape", npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000000,), }", nil), "need 8000000000000 bytes of data, got 0"},
		{"bad v3 utf-8", append(append(v2(64)[:6:6], "\x03\x00\x40\x00\x00\x00"...), bytes.Repeat([]byte{0xff}, 64)...), "not valid UTF-8"},
	}
	for _, c := range cases {
		for _, r := range []io.Reader{bytes.NewReader(c.data), onlyReader{bytes.NewReader(c.data)}} {
			if c.name == "huge v2 header" {
				if _, ok := r.(onlyReader); ok {
					c.want = "header length 2147483648 (at byte 8) is more than"
				}
			}
			a, err := ReadNpy(r)
			if err == nil {
				t.Errorf("%s: no error, got %v", c.name, a)
				continue
			}
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Errorf("%s: %T is not a *FileError", c.name, err)
			}
			if !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "read_npy npy stream: ") {
				t.Errorf("%s (%T):\n got %q\nwant %q", c.name, r, err, c.want)
			}
		}
	}
	// Load names the file, and wants no data after the array.
	dir := t.TempDir()
	path := filepath.Join(dir, "long.npy")
	if err := os.WriteFile(path, append(good, 1, 2, 3), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(path)
	if want := "load " + path + ": the header's shape (3,) and dtype float64 need 24 bytes of data, got 27 (3 bytes too many after byte 152)"; err == nil || err.Error() != want {
		t.Errorf("Load with extra bytes:\n got %v\nwant %s", err, want)
	}
	_, err = Load(filepath.Join(dir, "missing.npy"))
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "missing.npy: cannot open the file") {
		t.Errorf("Load of a missing file: %v", err)
	}
}

// TestNpyAbsurdShapeAllocates checks that a header claiming a huge array
// on a stream of unknown length fails before it allocates the array.
func TestNpyAbsurdShapeAllocates(t *testing.T) {
	data := npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000000,), }", make([]byte, 1000))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := ReadNpy(onlyReader{bytes.NewReader(data)})
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "got 1000") {
		t.Errorf("got %v", err)
	}
	if d := after.TotalAlloc - before.TotalAlloc; d > 2<<20 {
		t.Errorf("allocated %d bytes for a 1000-byte stream", d)
	}
}

func TestNpyHeaderVersion2(t *testing.T) {
	shp := make([]int, 30000)
	for i := range shp {
		shp[i] = 1
	}
	b := npyHeaderBytes(Float64, shp, false)
	if b[6] != 2 || len(b)%64 != 0 || b[len(b)-1] != '\n' {
		t.Fatalf("header of %d dims: version %d, length %d", len(shp), b[6], len(b))
	}
	a, err := ReadNpy(bytes.NewReader(append(b, make([]byte, 8)...)))
	if err != nil {
		t.Fatal(err)
	}
	if a.Ndim() != len(shp) || a.Size() != 1 {
		t.Errorf("got %d dims, size %d", a.Ndim(), a.Size())
	}
}

// TestNpySaveFailure checks that a failed save leaves what was there and
// no temporary file.
func TestNpySaveFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.npy")
	if err := Save(path, Arange(3)); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Save(path, Arange(4)); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(path); err != nil || (runtime.GOOS != "windows" && st.Mode().Perm() != 0o600) {
		t.Errorf("replaced file: %v, %v; want mode 0600 kept", st.Mode(), err)
	}
	// A directory in the way: the rename fails.
	sub := filepath.Join(dir, "sub.npy")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sub, "keep"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Save(sub, Arange(3)); err == nil || !strings.HasPrefix(err.Error(), "save "+sub+": cannot rename") {
		t.Errorf("Save over a directory: %v", err)
	}
	if err := SaveZ(sub, map[string]*Array{"a": Arange(3)}); err == nil {
		t.Errorf("SaveZ over a directory: no error")
	}
	if err := SaveZ(path, map[string]*Array{"a": nil}); err == nil || !strings.Contains(err.Error(), `the array "a" is nil`) {
		t.Errorf("SaveZ of nil: %v", err)
	}
	if err := Save(filepath.Join(dir, "no", "such", "dir.npy"), Arange(3)); err == nil || !strings.Contains(err.Error(), "cannot create a temporary file") {
		t.Errorf("Save into a missing folder: %v", err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 {
		for _, e := range entries {
			t.Log(e.Name())
		}
		t.Errorf("%d entries in the folder, want x.npy and sub.npy", len(entries))
	}
	got, err := Load(path)
	if err != nil || got.Size() != 4 {
		t.Errorf("after failed saves: %v, %v", got, err)
	}
}

func TestNpzBroken(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(npyDir, "savez.npz"))
	if err != nil {
		t.Fatal(err)
	}
	check := func(name string, data []byte, want string) {
		t.Helper()
		_, err := readNpz(bytes.NewReader(data), int64(len(data)), "t.npz")
		if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), "loadz t.npz") {
			t.Errorf("%s:\n got %v\nwant %q", name, err, want)
		}
	}
	check("not a zip", []byte("hello"), "not a .npz (zip) archive")
	check("truncated", raw[:len(raw)/2], "not a .npz (zip) archive")
	// Flip a byte of the first member's data: the checksum catches it
	// (or the .npy reader, if it lands in the header).
	bad := append([]byte{}, raw...)
	i := bytes.Index(bad, []byte("\x93NUMPY")) + 140
	bad[i] ^= 0x55
	check("flipped byte", bad, "checksum")

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("readme.txt")
	w.Write([]byte("hi"))
	zw.Close()
	check("not npy", buf.Bytes(), "t.npz: readme.txt: not a .npy file")

	buf.Reset()
	zw = zip.NewWriter(&buf)
	w, _ = zw.Create("x.npy")
	w.Write(npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", make([]byte, 16)))
	zw.Close()
	check("short member", buf.Bytes(), "t.npz: x.npy: truncated data")
}

// TestNpyNumPyReadsOurFiles has NumPy load what Save and SaveZ wrote.
func TestNpyNumPyReadsOurFiles(t *testing.T) {
	const python = "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		t.Skipf("%s is absent, so NumPy cannot check our files (CI installs python3-numpy)", python)
	}
	if out, err := exec.Command(python, "-c", "import numpy").CombinedOutput(); err != nil {
		t.Skipf("NumPy is absent (%s -c 'import numpy': %v: %s); CI installs python3-numpy", python, err, bytes.TrimSpace(out))
	}
	dir := t.TempDir()
	names, xs, fortran := npyTestArrays()
	type want struct {
		File, Key, Descr string
		Shape            []int
		Fortran          bool
		Hex              string
	}
	var wants []want
	named := map[string]*Array{}
	for i, x := range xs {
		file := fmt.Sprintf("x%d.npy", i)
		if err := Save(filepath.Join(dir, file), x); err != nil {
			t.Fatal(err)
		}
		w := want{File: file, Descr: npyDescr(x.DType()), Shape: x.Shape(), Fortran: fortran[i], Hex: hex.EncodeToString(npyBytesOf(x))}
		wants = append(wants, w)
		key := fmt.Sprintf("k%d", i)
		named[key] = x
		for _, z := range []string{"s.npz", "c.npz"} {
			w.File, w.Key = z, key
			wants = append(wants, w)
		}
		_ = names
	}
	if err := SaveZ(filepath.Join(dir, "s.npz"), named); err != nil {
		t.Fatal(err)
	}
	if err := SaveZCompressed(filepath.Join(dir, "c.npz"), named); err != nil {
		t.Fatal(err)
	}
	js, err := json.Marshal(wants)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "want.json"), js, 0o644); err != nil {
		t.Fatal(err)
	}
	const script = `
import json, os, sys
import numpy as np
d = sys.argv[1]
npz = {}
bad = 0
wants = json.load(open(os.path.join(d, "want.json")))
for w in wants:
    if w["Key"]:
        if w["File"] not in npz:
            npz[w["File"]] = np.load(os.path.join(d, w["File"]))
        a = npz[w["File"]][w["Key"]]
        name = w["File"] + ":" + w["Key"]
    else:
        a = np.load(os.path.join(d, w["File"]))
        name = w["File"]
    exp = np.frombuffer(bytes.fromhex(w["Hex"]), dtype=w["Descr"]).reshape(w["Shape"])
    f = bool(a.flags.f_contiguous and not a.flags.c_contiguous)
    if a.dtype.str != w["Descr"] or list(a.shape) != w["Shape"] or f != w["Fortran"] or a.tobytes(order="C") != exp.tobytes():
        print("%s: got %s %s fortran=%s %r, want %s %s fortran=%s %r" % (name, a.dtype.str, a.shape, f, a, w["Descr"], w["Shape"], w["Fortran"], exp))
        bad += 1
print("checked", len(wants))
sys.exit(1 if bad else 0)
`
	out, err := exec.Command(python, "-c", script, dir).CombinedOutput()
	if err != nil {
		t.Fatalf("NumPy disagrees: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), fmt.Sprintf("checked %d", len(wants))) {
		t.Errorf("NumPy printed %q", out)
	}
}

// BenchmarkSaveLoadNpy saves and loads a 100 MB float64 array (12.5
// million elements) in a temporary folder; Save includes its fsync.
func BenchmarkSaveLoadNpy(b *testing.B) {
	const n = 100_000_000 / 8
	x := Arange(n).Astype(Float64)
	path := filepath.Join(b.TempDir(), "x.npy")
	b.Run("Save", func(b *testing.B) {
		b.SetBytes(n * 8)
		for b.Loop() {
			if err := Save(path, x); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Load", func(b *testing.B) {
		if err := Save(path, x); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(n * 8)
		for b.Loop() {
			if _, err := Load(path); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestNpyBoolBytes checks that any non-zero byte of a bool file loads as
// true, as in NumPy, and saves back as 1.
func TestNpyBoolBytes(t *testing.T) {
	data := npyFile("{'descr': '|b1', 'fortran_order': False, 'shape': (4,), }", []byte{0, 1, 2, 255})
	a, err := ReadNpy(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(a.Data()); got != "[false true true true]" {
		t.Errorf("got %s", got)
	}
	var buf bytes.Buffer
	if err := WriteNpy(&buf, a); err != nil {
		t.Fatal(err)
	}
	if got := buf.Bytes()[buf.Len()-4:]; !bytes.Equal(got, []byte{0, 1, 1, 1}) {
		t.Errorf("saved as %v", got)
	}
}

// TestNpyReadInParts reads a stream of unknown length in parts.
func TestNpyReadInParts(t *testing.T) {
	defer func(c int) { npyChunk = c }(npyChunk)
	npyChunk = 1 << 16
	x := Arange(100_000).Astype(Float64).Reshape(1000, 100).T()
	var buf bytes.Buffer
	if err := WriteNpy(&buf, x); err != nil {
		t.Fatal(err)
	}
	got, err := ReadNpy(onlyReader{bytes.NewReader(buf.Bytes())})
	if err != nil {
		t.Fatal(err)
	}
	npySame(t, "in parts", got, x, true)
	_, err = ReadNpy(onlyReader{bytes.NewReader(buf.Bytes()[:buf.Len()-100])})
	if err == nil || !strings.Contains(err.Error(), "need 800000 bytes of data, got 799900") {
		t.Errorf("truncated: %v", err)
	}
}
