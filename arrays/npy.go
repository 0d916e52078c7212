package arrays

// NumPy's .npy format: a magic string, a version, a header that is a Python
// dict literal ({'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), })
// and the raw elements. See numpy/lib/format.py (NumPy 1.24) for the
// reference; this file reads versions 1.0, 2.0 and 3.0 and writes what
// np.save writes, byte for byte.

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"math/bits"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"workbench/devices"
)

// npyStream is the name errors give to data read by ReadNpy or written by
// WriteNpy, which have no file name.
const npyStream = "npy stream"

// npyMagic starts every .npy file.
const npyMagic = "\x93NUMPY"

const (
	// npyMaxHeader is the longest header read (NumPy writes a few hundred
	// bytes; its own reader refuses more than 10000 characters).
	npyMaxHeader = 1 << 20
	// npyAlign is the multiple of bytes that magic, length and header fill.
	npyAlign = 64
	// npyGrowthDigits is NumPy's GROWTH_AXIS_MAX_DIGITS: the header leaves
	// room for the growth axis to reach this many digits.
	npyGrowthDigits = 21
)

// npyChunk is the largest array read straight into its memory from a
// stream whose length is not known; larger ones are read in parts of 1 MiB,
// 2 MiB, ... up to npyChunk and then copied, so that a header claiming a
// huge shape cannot make the reader allocate it. (A variable for tests.)
var npyChunk = 64 << 20

// hostLittle says whether this machine stores numbers little-endian.
var hostLittle = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()

// FileError says that a .npy or .npz file, or an npy stream, could not be
// read or written: it names the operation, the file and what was wrong and
// where. Err, when set, is the underlying error (from the operating system,
// the zip reader, ...), and errors.Is and errors.As see it.
type FileError struct {
	Op   string // "load", "save", "read_npy", "write_npy", "loadz", "savez", "savez_compressed"
	File string // the path, "npy stream", or "archive.npz: member.npy"
	Msg  string
	Err  error
}

// Error returns "op file: what was wrong", and the underlying error after
// a colon when there is one.
func (e *FileError) Error() string {
	s := e.Op + " " + e.File
	if e.Msg != "" {
		s += ": " + e.Msg
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the underlying error, if any.
func (e *FileError) Unwrap() error { return e.Err }

func fileErr(op, file, format string, args ...any) *FileError {
	return &FileError{Op: op, File: file, Msg: fmt.Sprintf(format, args...)}
}

// osErr wraps an error from the operating system, dropping the path that
// an *fs.PathError repeats.
func osErr(op, file, msg string, err error) *FileError {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &FileError{Op: op, File: file, Msg: msg, Err: err}
}

// Load reads a NumPy .npy file (format version 1.0, 2.0 or 3.0, as np.save
// writes it) into a new CPU array. Every dtype of this package loads, in
// either byte order (big-endian data is byte-swapped); a file in Fortran
// order loads as an F-contiguous array (its transpose is C-contiguous)
// without a copy. Other dtypes (float16, strings, objects, structured
// dtypes, datetimes) give a *FileError that names the dtype. The elements
// are read straight into the array's memory. Errors are *FileError.
func Load(path string) (*Array, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, osErr("load", path, "cannot open the file", err)
	}
	defer f.Close()
	remaining := int64(-1)
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		remaining = st.Size()
	}
	return readNpy(f, "load", path, remaining, true)
}

// ReadNpy reads one array in NumPy's .npy format from r, as Load does, and
// reads no further than its last element, so that several arrays written
// one after another (by WriteNpy, or np.save to one open file) read back
// one by one. When r can tell how many bytes it holds (a *os.File of a
// regular file, a *bytes.Reader, an io.Seeker), a header whose shape needs
// more data than there is gives an error before anything is allocated;
// from other readers, arrays over 64 MiB are read in parts and copied
// once. Errors are *FileError naming "npy stream".
func ReadNpy(r io.Reader) (*Array, error) {
	if r == nil {
		return nil, fileErr("read_npy", npyStream, "nil reader")
	}
	return readNpy(r, "read_npy", npyStream, readerRemaining(r), false)
}

// readerRemaining returns how many bytes r has left to read, or -1 when it
// cannot tell.
func readerRemaining(r io.Reader) int64 {
	switch v := r.(type) {
	case *os.File:
		st, err := v.Stat()
		if err != nil || !st.Mode().IsRegular() {
			return -1
		}
		cur, err := v.Seek(0, io.SeekCurrent)
		if err != nil || cur > st.Size() {
			return -1
		}
		return st.Size() - cur
	case interface{ Len() int }:
		return int64(v.Len())
	case io.Seeker:
		cur, err := v.Seek(0, io.SeekCurrent)
		if err != nil {
			return -1
		}
		end, err := v.Seek(0, io.SeekEnd)
		if err != nil {
			return -1
		}
		if _, err := v.Seek(cur, io.SeekStart); err != nil || end < cur {
			return -1
		}
		return end - cur
	}
	return -1
}

// npyHeader is what a .npy header says.
type npyHeader struct {
	dt      DType
	swap    bool // the data is in the other byte order than this machine's
	fortran bool
	shape   []int
	nbytes  int   // of the data
	dataAt  int64 // offset of the data from the start of the .npy
	version [2]byte
}

// readNpy reads a .npy from r. remaining is how many bytes r holds (or -1
// when unknown); whole says that r's data must end with the array.
func readNpy(r io.Reader, op, name string, remaining int64, whole bool) (*Array, error) {
	h, err := readNpyHeader(r, remaining)
	if err != nil {
		err.Op, err.File = op, name
		return nil, err
	}
	fail := func(format string, args ...any) (*Array, error) {
		return nil, fileErr(op, name, format, args...)
	}
	need := func() string {
		return fmt.Sprintf("the header's shape %s and dtype %s need %d bytes of data", pyShape(h.shape), h.dt, h.nbytes)
	}
	if remaining >= 0 {
		left := remaining - h.dataAt
		if int64(h.nbytes) > left {
			return fail("truncated data: %s, got %d (the file ends at byte %d)", need(), left, remaining)
		}
		if whole && int64(h.nbytes) < left {
			return fail("%s, got %d (%d bytes too many after byte %d)", need(), left, left-int64(h.nbytes), h.dataAt+int64(h.nbytes))
		}
	}
	var a *Array
	if remaining >= 0 || h.nbytes <= npyChunk {
		a = npyAlloc(h)
		b := hostBytes(a)
		if n, err := io.ReadFull(r, b); err != nil {
			return nil, npyDataErr(op, name, need(), h, n, err)
		}
	} else {
		// The length of r is unknown: read in parts, so that memory grows
		// only as data arrives, then copy into the array.
		var parts [][]byte
		got := 0
		for size := min(1<<20, npyChunk); got < h.nbytes; size = min(2*size, npyChunk) {
			p := make([]byte, min(size, h.nbytes-got))
			n, err := io.ReadFull(r, p)
			got += n
			if err != nil {
				return nil, npyDataErr(op, name, need(), h, got, err)
			}
			parts = append(parts, p)
		}
		a = npyAlloc(h)
		b := hostBytes(a)
		for _, p := range parts {
			b = b[copy(b, p):]
		}
	}
	if whole && remaining < 0 {
		var one [1]byte
		if n, _ := io.ReadFull(r, one[:]); n > 0 {
			return fail("%s, but more data follows (after byte %d)", need(), h.dataAt+int64(h.nbytes))
		}
	}
	b := hostBytes(a)
	if h.swap {
		unit := h.dt.Size()
		if h.dt.IsComplex() {
			unit /= 2
		}
		swapBytes(b, unit)
	}
	if h.dt == Bool {
		for i, v := range b {
			if v > 1 {
				b[i] = 1 // NumPy reads any non-zero byte as True
			}
		}
	}
	runtime.KeepAlive(a)
	return a, nil
}

func npyDataErr(op, name, need string, h *npyHeader, got int, err error) *FileError {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return fileErr(op, name, "truncated data: %s, got %d (the data ends at byte %d)", need, got, h.dataAt+int64(got))
	}
	return &FileError{Op: op, File: name, Msg: fmt.Sprintf("cannot read the data at byte %d", h.dataAt+int64(got)), Err: err}
}

// npyAlloc allocates the array a header describes, its contents not set:
// C order, or for Fortran order the reversed shape viewed with reversed
// axes, so that the file's bytes go straight into the buffer.
func npyAlloc(h *npyHeader) *Array {
	if !h.fortran {
		return allocOut(nil, h.dt, h.shape)
	}
	n := len(h.shape)
	rev := make([]int, n)
	for i, d := range h.shape {
		rev[n-1-i] = d
	}
	c := allocOut(nil, h.dt, rev)
	strides := make([]int, n)
	for i, s := range c.strides {
		strides[n-1-i] = s
	}
	return c.withView(append([]int{}, h.shape...), strides, 0)
}

// hostBytes returns the memory of a's host buffer as bytes. The caller keeps
// a alive while it uses them.
func hostBytes(a *Array) []byte {
	return sliceBytes(a.buf.(devices.HostBuffer).Data())
}

// sliceBytes views a typed Go slice's elements as bytes, without copying.
func sliceBytes(data any) []byte {
	switch s := data.(type) {
	case []bool:
		return asBytes(s)
	case []int8:
		return asBytes(s)
	case []int16:
		return asBytes(s)
	case []int32:
		return asBytes(s)
	case []int64:
		return asBytes(s)
	case []uint8:
		return s
	case []uint16:
		return asBytes(s)
	case []uint32:
		return asBytes(s)
	case []uint64:
		return asBytes(s)
	case []float32:
		return asBytes(s)
	case []float64:
		return asBytes(s)
	case []complex64:
		return asBytes(s)
	case []complex128:
		return asBytes(s)
	}
	panic(fmt.Sprintf("arrays: no bytes view of %T", data))
}

func asBytes[T any](s []T) []byte {
	if len(s) == 0 {
		return nil
	}
	var z T
	return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s))), len(s)*int(unsafe.Sizeof(z)))
}

// swapBytes reverses the bytes of each unit-byte word of b in place. b is
// the memory of a typed slice, so it is aligned for its words.
func swapBytes(b []byte, unit int) {
	if len(b) == 0 {
		return
	}
	p := unsafe.Pointer(unsafe.SliceData(b))
	switch unit {
	case 2:
		s := unsafe.Slice((*uint16)(p), len(b)/2)
		for i, v := range s {
			s[i] = bits.ReverseBytes16(v)
		}
	case 4:
		s := unsafe.Slice((*uint32)(p), len(b)/4)
		for i, v := range s {
			s[i] = bits.ReverseBytes32(v)
		}
	case 8:
		s := unsafe.Slice((*uint64)(p), len(b)/8)
		for i, v := range s {
			s[i] = bits.ReverseBytes64(v)
		}
	}
}

// readNpyHeader reads the magic string, version and header. Its errors
// lack Op and File, which the caller fills in.
func readNpyHeader(r io.Reader, remaining int64) (*npyHeader, *FileError) {
	bad := func(format string, args ...any) (*npyHeader, *FileError) {
		return nil, &FileError{Msg: fmt.Sprintf(format, args...)}
	}
	var pre [8]byte
	n, err := io.ReadFull(r, pre[:])
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, &FileError{Msg: "cannot read the magic string", Err: err}
	}
	m := min(n, len(npyMagic))
	if string(pre[:m]) != npyMagic[:m] {
		return bad("not a .npy file: it starts with %q, not the magic string %q", pre[:m], npyMagic)
	}
	if n < len(npyMagic) {
		if n == 0 {
			return bad("empty: no magic string")
		}
		return bad("truncated: the file ends at byte %d, inside the magic string", n)
	}
	if n < 8 {
		return bad("truncated: the file ends at byte %d, inside the format version", n)
	}
	h := &npyHeader{version: [2]byte{pre[6], pre[7]}}
	lenSize := 4
	switch h.version {
	case [2]byte{1, 0}:
		lenSize = 2
	case [2]byte{2, 0}, [2]byte{3, 0}:
	default:
		return bad("unsupported .npy format version %d.%d (at byte 6); versions 1.0, 2.0 and 3.0 are read", pre[6], pre[7])
	}
	var lb [4]byte
	if n, err := io.ReadFull(r, lb[:lenSize]); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return bad("truncated header: the file ends at byte %d, inside the header length", 8+n)
		}
		return nil, &FileError{Msg: "cannot read the header length", Err: err}
	}
	hlen := int64(lb[0]) | int64(lb[1])<<8 | int64(lb[2])<<16 | int64(lb[3])<<24
	start := int64(8 + lenSize)
	if remaining >= 0 && hlen > remaining-start {
		return bad("truncated header: the header length says %d bytes, but the file ends at byte %d", hlen, remaining)
	}
	if hlen > npyMaxHeader {
		return bad("header length %d (at byte 8) is more than the %d bytes this reader accepts", hlen, npyMaxHeader)
	}
	hdr := make([]byte, hlen)
	if n, err := io.ReadFull(r, hdr); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return bad("truncated header: the header length says %d bytes, but the file ends at byte %d", hlen, start+int64(n))
		}
		return nil, &FileError{Msg: "cannot read the header", Err: err}
	}
	h.dataAt = start + hlen
	if h.version[0] == 3 && !utf8.Valid(hdr) {
		return bad("the version 3.0 header (bytes %d to %d) is not valid UTF-8", start, h.dataAt)
	}
	if msg := h.parse(hdr, int(start)); msg != "" {
		return bad("%s", msg)
	}
	return h, nil
}

// parse reads the header dict into h, or returns what is wrong with it.
// base is the header's offset in the file, for messages.
func (h *npyHeader) parse(hdr []byte, base int) string {
	p := &pyParser{s: hdr, base: base, longInts: h.version[0] <= 2}
	v, err := p.parse()
	if err != "" {
		return "header is not a Python literal: " + err
	}
	d, ok := v.(*pyDict)
	if !ok {
		return fmt.Sprintf("header is not a dict but %s", pyTypeName(v))
	}
	for _, k := range d.keys {
		switch k {
		case "descr", "fortran_order", "shape":
		default:
			return fmt.Sprintf("header has an unexpected key %q (want exactly 'descr', 'fortran_order' and 'shape')", k)
		}
	}
	for _, k := range []string{"descr", "fortran_order", "shape"} {
		if _, ok := d.vals[k]; !ok {
			return fmt.Sprintf("header has no '%s' key", k)
		}
	}
	fo, ok := d.vals["fortran_order"].(bool)
	if !ok {
		return fmt.Sprintf("header's fortran_order is not True or False but %s", pyTypeName(d.vals["fortran_order"]))
	}
	h.fortran = fo
	tup, ok := d.vals["shape"].(pyTuple)
	if !ok {
		return fmt.Sprintf("header's shape is not a tuple but %s", pyTypeName(d.vals["shape"]))
	}
	h.shape = make([]int, len(tup))
	for i, e := range tup {
		lit, ok := e.(pyInt)
		if !ok {
			return fmt.Sprintf("header's shape has %s where an integer should be", pyTypeName(e))
		}
		dim, err := strconv.ParseInt(string(lit), 10, 64)
		switch {
		case err != nil || dim > math.MaxInt:
			return fmt.Sprintf("header's shape has a dimension too large: %s", lit)
		case dim < 0:
			return fmt.Sprintf("header's shape has a negative dimension: %s", lit)
		}
		h.shape[i] = int(dim)
	}
	var msg string
	h.dt, h.swap, msg = parseDescr(d.vals["descr"])
	if msg != "" {
		return msg
	}
	// The data size, without overflow.
	size := uint64(h.dt.Size())
	for _, dim := range h.shape {
		if dim == 0 {
			size = 0
			break
		}
	}
	for _, dim := range h.shape {
		hi, lo := bits.Mul64(size, uint64(dim))
		if hi != 0 || lo > math.MaxInt {
			return fmt.Sprintf("header's shape %s with dtype %s is too large (more than %d bytes)", pyShape(h.shape), h.dt, math.MaxInt)
		}
		size = lo
	}
	h.nbytes = int(size)
	return ""
}

// npyKinds maps the typestr of each supported dtype, without its byte
// order, to the dtype.
var npyKinds = map[string]DType{
	"b1": Bool, "?": Bool,
	"i1": Int8, "i2": Int16, "i4": Int32, "i8": Int64,
	"u1": Uint8, "u2": Uint16, "u4": Uint32, "u8": Uint64,
	"f4": Float32, "f8": Float64,
	"c8": Complex64, "c16": Complex128,
}

// parseDescr turns a header's descr into a dtype and whether its data is
// in the other byte order than this machine's, or says why it cannot.
func parseDescr(v any) (DType, bool, string) {
	const have = "Workbench loads bool, int8 to int64, uint8 to uint64, float32, float64, complex64 and complex128"
	s, ok := v.(string)
	if !ok {
		if l, ok := v.(pyList); ok {
			var names []string
			for _, f := range l {
				if t, ok := f.(pyTuple); ok && len(t) > 0 {
					if n, ok := t[0].(string); ok {
						names = append(names, strconv.Quote(n))
						continue
					}
				}
				names = append(names, "?")
			}
			return 0, false, fmt.Sprintf("unsupported dtype: a structured dtype (fields %s); %s", strings.Join(names, ", "), have)
		}
		return 0, false, fmt.Sprintf("header's descr is not a dtype string but %s", pyTypeName(v))
	}
	order, rest := byte('='), s
	if len(s) > 0 && strings.IndexByte("<>=|", s[0]) >= 0 {
		order, rest = s[0], s[1:]
	}
	dt, ok := npyKinds[rest]
	if !ok {
		what := "an unknown dtype"
		switch {
		case rest == "f2" || rest == "e":
			what = "float16"
		case rest == "f10" || rest == "f12" || rest == "f16" || rest == "g":
			what = "long double"
		case rest == "c20" || rest == "c24" || rest == "c32" || rest == "G":
			what = "complex long double"
		case strings.HasPrefix(rest, "O"):
			what = "Python objects"
		case strings.HasPrefix(rest, "U"):
			what = "unicode strings"
		case strings.HasPrefix(rest, "S") || strings.HasPrefix(rest, "a"):
			what = "byte strings"
		case strings.HasPrefix(rest, "V"):
			what = "raw void data"
		case strings.HasPrefix(rest, "M"):
			what = "datetime64"
		case strings.HasPrefix(rest, "m"):
			what = "timedelta64"
		}
		return 0, false, fmt.Sprintf("unsupported dtype %q (%s); %s", s, what, have)
	}
	swap := dt.Size() > 1 && ((order == '<' && !hostLittle) || (order == '>' && hostLittle))
	return dt, swap, ""
}

// npyDescr is the descr NumPy writes for dt: little-endian, or "|" for
// one-byte dtypes.
func npyDescr(dt DType) string {
	switch dt {
	case Bool:
		return "|b1"
	case Int8:
		return "|i1"
	case Uint8:
		return "|u1"
	case Complex64:
		return "<c8"
	case Complex128:
		return "<c16"
	}
	k := "i"
	switch {
	case dt.IsUnsigned():
		k = "u"
	case dt.IsFloat():
		k = "f"
	}
	return "<" + k + strconv.Itoa(dt.Size())
}

// pyShape formats a shape as Python's repr of a tuple: (), (3,), (3, 4).
func pyShape(shp []int) string {
	var b strings.Builder
	b.WriteByte('(')
	for i, d := range shp {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(d))
	}
	if len(shp) == 1 {
		b.WriteByte(',')
	}
	b.WriteByte(')')
	return b.String()
}

// npyHeaderBytes returns magic, version, header length and header as
// np.save writes them for an array of dtype dt and shape shp: version 1.0
// unless the header is too long for it, padded with spaces to a multiple of
// 64 bytes and ending in '\n'.
func npyHeaderBytes(dt DType, shp []int, fortran bool) []byte {
	fo := "False"
	if fortran {
		fo = "True"
	}
	hdr := "{'descr': '" + npyDescr(dt) + "', 'fortran_order': " + fo + ", 'shape': " + pyShape(shp) + ", }"
	if len(shp) > 0 {
		grow := shp[0]
		if fortran {
			grow = shp[len(shp)-1]
		}
		hdr += strings.Repeat(" ", max(0, npyGrowthDigits-len(strconv.Itoa(grow))))
	}
	wrap := func(lenSize int) []byte {
		hlen := len(hdr) + 1
		pad := npyAlign - (len(npyMagic)+2+lenSize+hlen)%npyAlign
		total := hlen + pad
		if lenSize == 2 && total > math.MaxUint16 {
			return nil
		}
		out := make([]byte, 0, len(npyMagic)+2+lenSize+total)
		out = append(out, npyMagic...)
		if lenSize == 2 {
			out = append(out, 1, 0, byte(total), byte(total>>8))
		} else {
			out = append(out, 2, 0, byte(total), byte(total>>8), byte(total>>16), byte(total>>24))
		}
		out = append(out, hdr...)
		for range pad {
			out = append(out, ' ')
		}
		return append(out, '\n')
	}
	if b := wrap(2); b != nil {
		return b
	}
	return wrap(4)
}

// WriteNpy writes x to w in NumPy's .npy format, exactly as np.save would:
// format version 1.0 (2.0 for a header too long for it), little-endian
// data, Fortran order for an array that is F-contiguous but not
// C-contiguous (a transposed one, say) and C order otherwise. Contiguous
// arrays in CPU memory are written from that memory without a copy; others
// are copied to C order first. Errors are *FileError naming "npy stream".
func WriteNpy(w io.Writer, x *Array) error {
	if w == nil {
		return fileErr("write_npy", npyStream, "nil writer")
	}
	return writeNpy(w, x, "write_npy", npyStream)
}

// Save writes x to the file path in NumPy's .npy format, as WriteNpy does
// (np.save(path, x) writes the same bytes, except that np.save adds ".npy"
// to a path without it; Save uses path as it is). It writes a temporary
// file in the same folder, flushes it to disk and renames it to path, so
// that a failed save leaves any earlier file at path as it was and never a
// broken one. A new file gets permissions 0644, a replaced one keeps its
// own. Errors are *FileError.
func Save(path string, x *Array) error {
	if x == nil {
		return fileErr("save", path, "nil array")
	}
	return writeFileAtomic("save", path, func(f *os.File) error {
		return writeNpy(f, x, "save", path)
	})
}

// writeNpy writes x's header and data to w.
func writeNpy(w io.Writer, x *Array, op, name string) error {
	if x == nil {
		return fileErr(op, name, "nil array")
	}
	var data []byte
	fortran := false
	var keep *Array
	if _, ok := x.buf.(devices.HostBuffer); ok {
		keep = x
		switch {
		case x.Size() == 0:
		case x.IsContiguous():
			data = hostBytes(x)[x.offset*x.dt.Size() : (x.offset+x.Size())*x.dt.Size()]
		case x.isFContiguous():
			fortran = true
			data = hostBytes(x)[x.offset*x.dt.Size() : (x.offset+x.Size())*x.dt.Size()]
		default:
			keep = Copy(x)
			data = hostBytes(keep)
		}
	} else {
		// Another device's memory: one copy, in C order, to the host.
		var host any
		if err := Maybe(func() { host = x.hostData() }); err != nil {
			return &FileError{Op: op, File: name, Msg: "cannot copy the array to the host", Err: err}
		}
		data = sliceBytes(host)
		defer runtime.KeepAlive(host)
	}
	defer runtime.KeepAlive(keep)
	if _, err := w.Write(npyHeaderBytes(x.dt, x.shape, fortran)); err != nil {
		return osErr(op, name, "cannot write the header", err)
	}
	unit := x.dt.Size()
	if x.dt.IsComplex() {
		unit /= 2
	}
	if hostLittle || unit == 1 {
		if _, err := w.Write(data); err != nil {
			return osErr(op, name, "cannot write the data", err)
		}
		return nil
	}
	// A big-endian machine: swap into a scratch buffer, part by part.
	scratch := make([]uint64, min(len(data), 1<<20)/8+1)
	for len(data) > 0 {
		part := sliceBytes(scratch)[:copy(sliceBytes(scratch), data)]
		part = part[:len(part)/unit*unit]
		swapBytes(part, unit)
		if _, err := w.Write(part); err != nil {
			return osErr(op, name, "cannot write the data", err)
		}
		data = data[len(part):]
	}
	return nil
}

// isFContiguous reports whether the elements lie in Fortran order (first
// axis fastest) with no gaps.
func (a *Array) isFContiguous() bool {
	want := 1
	for i, d := range a.shape {
		if d == 1 {
			continue
		}
		if d == 0 {
			return true
		}
		if a.strides[i] != want {
			return false
		}
		want *= d
	}
	return true
}

// writeFileAtomic writes path through write on a temporary file in the
// same folder, flushes it to disk and renames it to path; on any error it
// removes the temporary file and leaves path as it was.
func writeFileAtomic(op, path string, write func(f *os.File) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp*")
	if err != nil {
		return osErr(op, path, "cannot create a temporary file in "+dir, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
		mode = st.Mode().Perm()
	}
	if err := f.Chmod(mode); err != nil && runtime.GOOS != "windows" {
		return osErr(op, path, "cannot set the permissions of "+tmp, err)
	}
	if err := write(f); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return osErr(op, path, "cannot flush "+tmp+" to disk", err)
	}
	if err := f.Close(); err != nil {
		return osErr(op, path, "cannot close "+tmp, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return osErr(op, path, "cannot rename "+tmp+" to it", err)
	}
	return nil
}

// pyParser reads the Python literals a .npy header holds: dicts, tuples,
// lists, strings, integers, True, False and None.
type pyParser struct {
	s        []byte
	pos      int
	base     int  // the offset of s in the file, for messages
	longInts bool // accept Python 2's 3L (format versions 1.0 and 2.0)
	depth    int
}

type (
	pyInt   string // the digits, with a leading '-' if negative
	pyTuple []any
	pyList  []any
	pyDict  struct {
		keys []string // in order, without repeats
		vals map[string]any
	}
)

// pyNone is Python's None.
type pyNone struct{}

func pyTypeName(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("a string %q", v)
	case pyInt:
		return "an integer " + string(v)
	case bool:
		if v {
			return "True"
		}
		return "False"
	case pyNone:
		return "None"
	case pyTuple:
		return "a tuple"
	case pyList:
		return "a list"
	case *pyDict:
		return "a dict"
	}
	return fmt.Sprintf("%T", v)
}

const pyMaxDepth = 32

func (p *pyParser) parse() (any, string) {
	v, err := p.value()
	if err != "" {
		return nil, err
	}
	p.space()
	if p.pos < len(p.s) {
		return nil, p.unexpected("after the end of the literal")
	}
	return v, ""
}

func (p *pyParser) space() {
	for p.pos < len(p.s) {
		switch p.s[p.pos] {
		case ' ', '\t', '\n', '\r', '\f', '\v':
			p.pos++
		default:
			return
		}
	}
}

func (p *pyParser) unexpected(where string) string {
	if p.pos >= len(p.s) {
		return fmt.Sprintf("the header ends (at byte %d) %s", p.base+p.pos, where)
	}
	r, _ := utf8.DecodeRune(p.s[p.pos:])
	return fmt.Sprintf("unexpected %q at byte %d %s", r, p.base+p.pos, where)
}

func (p *pyParser) value() (any, string) {
	p.space()
	if p.pos >= len(p.s) {
		return nil, p.unexpected("where a value should be")
	}
	c := p.s[p.pos]
	switch {
	case c == '{' || c == '(' || c == '[':
		if p.depth >= pyMaxDepth {
			return nil, fmt.Sprintf("nested more than %d deep at byte %d", pyMaxDepth, p.base+p.pos)
		}
		p.depth++
		defer func() { p.depth-- }()
		if c == '{' {
			return p.dict()
		}
		return p.sequence(c)
	case c == '\'' || c == '"':
		return p.str()
	case c == '-' || c == '+' || (c >= '0' && c <= '9'):
		return p.integer()
	}
	for _, w := range []struct {
		name string
		v    any
	}{{"True", true}, {"False", false}, {"None", pyNone{}}} {
		if p.word(w.name) {
			return w.v, ""
		}
	}
	return nil, p.unexpected("where a value should be")
}

// word consumes the identifier w if it is next.
func (p *pyParser) word(w string) bool {
	end := p.pos + len(w)
	if end > len(p.s) || string(p.s[p.pos:end]) != w {
		return false
	}
	if end < len(p.s) {
		if c := p.s[end]; c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			return false
		}
	}
	p.pos = end
	return true
}

func (p *pyParser) integer() (any, string) {
	start := p.pos
	neg := false
	if c := p.s[p.pos]; c == '-' || c == '+' {
		neg = c == '-'
		p.pos++
		p.space()
	}
	d0 := p.pos
	for p.pos < len(p.s) && p.s[p.pos] >= '0' && p.s[p.pos] <= '9' {
		p.pos++
	}
	if p.pos == d0 {
		p.pos = start
		return nil, p.unexpected("where a value should be")
	}
	digits := strings.TrimLeft(string(p.s[d0:p.pos]), "0")
	if digits == "" {
		digits = "0"
	} else if p.s[d0] == '0' {
		p.pos = d0
		return nil, p.unexpected("(an integer with a leading zero)")
	}
	if p.longInts && p.pos < len(p.s) && (p.s[p.pos] == 'L' || p.s[p.pos] == 'l') {
		p.pos++
	}
	if p.pos < len(p.s) {
		if c := p.s[p.pos]; c == '.' || c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			return nil, p.unexpected("after an integer (only decimal integers are read)")
		}
	}
	if neg && digits != "0" {
		digits = "-" + digits
	}
	return pyInt(digits), ""
}

func (p *pyParser) str() (any, string) {
	q := p.s[p.pos]
	start := p.pos
	p.pos++
	var b strings.Builder
	for p.pos < len(p.s) {
		c := p.s[p.pos]
		switch {
		case c == q:
			p.pos++
			return b.String(), ""
		case c == '\n':
			return nil, fmt.Sprintf("the string at byte %d ends at a newline", p.base+start)
		case c == '\\' && p.pos+1 < len(p.s):
			p.pos++
			switch e := p.s[p.pos]; e {
			case '\\', '\'', '"':
				b.WriteByte(e)
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			default:
				return nil, fmt.Sprintf("the string at byte %d has an escape \\%c this reader does not know", p.base+start, e)
			}
			p.pos++
		default:
			b.WriteByte(c)
			p.pos++
		}
	}
	return nil, fmt.Sprintf("the string at byte %d is not closed", p.base+start)
}

// sequence reads a tuple (open is '(') or a list ('['). As in Python, a
// parenthesised value without a comma is that value, not a tuple.
func (p *pyParser) sequence(open byte) (any, string) {
	closer := byte(')')
	if open == '[' {
		closer = ']'
	}
	p.pos++
	var items []any
	comma := false
	for {
		p.space()
		if p.pos < len(p.s) && p.s[p.pos] == closer {
			p.pos++
			break
		}
		if len(items) > 0 && !comma {
			return nil, p.unexpected(fmt.Sprintf("where ',' or '%c' should be", closer))
		}
		v, err := p.value()
		if err != "" {
			return nil, err
		}
		items = append(items, v)
		p.space()
		comma = p.pos < len(p.s) && p.s[p.pos] == ','
		if comma {
			p.pos++
		}
	}
	if open == '[' {
		return pyList(items), ""
	}
	if len(items) == 1 && !comma {
		return items[0], ""
	}
	return pyTuple(items), ""
}

func (p *pyParser) dict() (any, string) {
	p.pos++
	d := &pyDict{vals: map[string]any{}}
	first := true
	for {
		p.space()
		if p.pos < len(p.s) && p.s[p.pos] == '}' {
			p.pos++
			return d, ""
		}
		if !first {
			if p.pos >= len(p.s) || p.s[p.pos] != ',' {
				return nil, p.unexpected("where ',' or '}' should be")
			}
			p.pos++
			p.space()
			if p.pos < len(p.s) && p.s[p.pos] == '}' {
				p.pos++
				return d, ""
			}
		}
		first = false
		at := p.pos
		k, err := p.value()
		if err != "" {
			return nil, err
		}
		key, ok := k.(string)
		if !ok {
			return nil, fmt.Sprintf("the dict key at byte %d is %s, not a string", p.base+at, pyTypeName(k))
		}
		p.space()
		if p.pos >= len(p.s) || p.s[p.pos] != ':' {
			return nil, p.unexpected("where ':' should be")
		}
		p.pos++
		v, err := p.value()
		if err != "" {
			return nil, err
		}
		if _, seen := d.vals[key]; !seen {
			d.keys = append(d.keys, key)
		}
		d.vals[key] = v
	}
}
