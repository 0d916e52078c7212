package table

// Reading and writing CSV.
//
// The reader takes the whole input into memory, finds the delimiter and the
// header, then cuts the rows after the header into chunks of about 1 MiB at
// line ends and scans the chunks on the shared worker pool. Each chunk
// infers its columns' kinds as it goes (see csv_infer.go); the chunks are
// then joined (int with float gives float, other mixtures give string). A
// chunk that started inside a quoted field (a quoted newline near a cut)
// shows as a row running past the chunk's end; the reader then scans the
// whole input again in one piece, so the result never depends on the cut.

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
	"unsafe"

	"workbench/arrays"
	"workbench/kernels"
)

// CSVOption changes how ReadCSV, ReadCSVFrom, WriteCSV and WriteCSVTo work;
// an option that has no meaning for writing (or reading) is ignored there.
type CSVOption func(*csvConfig)

type csvConfig struct {
	delim    rune
	noHeader bool
	names    []string
	na       []string
	naSet    bool
	kinds    []csvKindOpt
	comment  rune
	skipRows int
	layout   string
	errs     []string
}

type csvKindOpt struct {
	name string
	kind Kind
}

// Delimiter sets the field delimiter, an ASCII character other than the
// quote and line ends. Reading without it detects the delimiter: of comma,
// tab, semicolon and pipe, the first (in that order) that splits the first
// 20 rows into the same number of fields, more than one; writing without it
// uses a comma.
func Delimiter(r rune) CSVOption {
	return func(c *csvConfig) {
		if !csvValidSep(r) {
			c.errs = append(c.errs, fmt.Sprintf("Delimiter(%q): want an ASCII character other than '\"', '\\r' and '\\n'", r))
		}
		c.delim = r
	}
}

// NoHeader says that the file has no header row: the columns are named
// column_0, column_1, ... When writing, the header row is left out.
func NoHeader() CSVOption { return func(c *csvConfig) { c.noHeader = true } }

// Header names the columns of a file that has no header row (the first row
// is data). When writing, the names replace the column names in the header
// row.
func Header(names ...string) CSVOption {
	return func(c *csvConfig) { c.names = append([]string{}, names...) }
}

// NAValues replaces the list of texts that mean a missing value. The default
// is pandas' list: "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN",
// "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN",
// "None", "n/a", "nan" and "null". A field is missing only when it is one of
// them exactly (no spaces around). With no values nothing is missing. When
// writing, the first value is written for a missing value (default "").
func NAValues(values ...string) CSVOption {
	return func(c *csvConfig) { c.na, c.naSet = append([]string{}, values...), true }
}

// ColumnKind forces the kind of the column named name (the name after
// duplicates got their suffixes) instead of inferring it; a value that does
// not fit is an error that names its line and column. A forced Numeric
// column is int64, or float64 when some value is not an integer or is
// missing.
func ColumnKind(name string, k Kind) CSVOption {
	return func(c *csvConfig) {
		if k < Numeric || k > Time {
			c.errs = append(c.errs, fmt.Sprintf("ColumnKind(%q): unknown kind %v", name, k))
		}
		c.kinds = append(c.kinds, csvKindOpt{name, k})
	}
}

// Comment makes lines that start with r be skipped, and the rest of a line
// after an r outside quotes be ignored. When writing, fields holding r are
// quoted.
func Comment(r rune) CSVOption {
	return func(c *csvConfig) {
		if !csvValidSep(r) {
			c.errs = append(c.errs, fmt.Sprintf("Comment(%q): want an ASCII character other than '\"', '\\r' and '\\n'", r))
		}
		c.comment = r
	}
}

// SkipRows skips the first n lines of the file (after a byte-order mark)
// before the header.
func SkipRows(n int) CSVOption {
	return func(c *csvConfig) {
		if n < 0 {
			c.errs = append(c.errs, fmt.Sprintf("SkipRows(%d): negative", n))
		}
		c.skipRows = n
	}
}

// TimeLayout adds a Go time layout (as time.Parse takes it) for date-times
// in other forms than ISO 8601; they are read as UTC unless the layout has
// a zone. A column whose values all read as numbers stays numeric: force it
// with ColumnKind(name, Time). When writing, date-times are formatted with
// the layout.
func TimeLayout(layout string) CSVOption { return func(c *csvConfig) { c.layout = layout } }

func csvValidSep(r rune) bool {
	return r > 0 && r < utf8.RuneSelf && r != '"' && r != '\n' && r != '\r'
}

func csvConfigure(op string, opts []CSVOption) (*csvConfig, error) {
	c := &csvConfig{}
	for _, o := range opts {
		if o != nil {
			o(c)
		}
	}
	if c.delim != 0 && c.delim == c.comment {
		c.errs = append(c.errs, fmt.Sprintf("the delimiter and the comment are both %q", c.delim))
	}
	if len(c.errs) > 0 {
		return nil, &Error{Op: op, Msg: strings.Join(c.errs, "; ")}
	}
	return c, nil
}

// ReadCSV reads a CSV file into a table.
//
// The first row is the header (unless NoHeader or Header): an empty name
// becomes column_i (i counts from 0) and a name used before gets a suffix
// .1, .2, ... as in pandas. Fields follow RFC 4180: a field that starts
// with a double quote runs to the closing quote, holds delimiters and line
// ends, and "" in it stands for one quote; text after the closing quote is
// kept (as pandas does). Lines may end in LF or CRLF; a UTF-8 byte-order
// mark is skipped, and blank lines are skipped. Without Delimiter the
// delimiter is detected (comma, tab, semicolon or pipe; see Delimiter).
//
// Each column gets the first of these kinds that all its values (leaving
// out missing ones, see NAValues) fit: Numeric int64, Numeric float64
// (decimal numbers with an optional exponent, inf, infinity and nan in any
// case; spaces around a number are ignored; integers beyond int64 give
// float64), Bool (true/false, True/False, TRUE/FALSE), Time (ISO 8601:
// 2024-01-31, 2024-01-31T12:00:00 or with a space, optional fraction of a
// second and zone Z, ±hh, ±hhmm or ±hh:mm; UTC when no zone is given),
// else String, which keeps the text exactly. A missing value is marked in
// Missing and stored as NaN in a float column, as false, 0 or "" in the
// others; as in pandas, an integer column with a missing value becomes
// float64. A column of missing values only is float64 (String when there
// are no rows).
//
// Errors name the file, the line and, where it helps, the column of the
// text, counted from 1 as an editor shows them: a row with another number
// of fields than the header, a quoted field not closed, a value that does
// not fit a kind forced by ColumnKind.
//
// Where pandas.read_csv (1.5, default options) does otherwise, on purpose:
// a row with fewer fields than the header is an error (pandas fills it
// with NaN); an empty header field is named column_i (pandas "Unnamed: i");
// integers beyond int64 are float64 (pandas: uint64 up to 2^64-1, else
// strings) and a number too large for float64 is ±Inf (pandas: a string);
// a bool column with missing values is Bool (pandas: object); ISO 8601
// date-times are Time (pandas keeps strings unless told to parse dates);
// floats are always correctly rounded (pandas' default parser can be one
// unit in the last place off); "None" is missing (as in pandas 2).
func ReadCSV(path string, opts ...CSVOption) (*Table, error) {
	cfg, err := csvConfigure("ReadCSV", opts)
	if err != nil {
		return nil, err
	}
	data, err := csvReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("table.ReadCSV: %w", err)
	}
	return csvRead(data, path, cfg)
}

// csvReadFile reads a file as os.ReadFile does, but a large one in pieces
// on the worker pool: the first touch of fresh memory (a page fault per
// page) costs as much as the copy, and the cores share it.
func csvReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	const piece = 4 << 20
	size := st.Size()
	if !st.Mode().IsRegular() || size < 2*piece || int64(int(size)) != size {
		return io.ReadAll(f)
	}
	data := make([]byte, size)
	errs := make([]error, kernels.Chunks(int(size), piece))
	kernels.Parallel(int(size), piece, func(c, lo, hi int) {
		_, errs[c] = f.ReadAt(data[lo:hi], int64(lo))
	})
	for _, e := range errs {
		if e != nil {
			return nil, &os.PathError{Op: "read", Path: path, Err: e}
		}
	}
	// The file may have grown since Stat.
	var rest bytes.Buffer
	if _, err := rest.ReadFrom(io.NewSectionReader(f, size, 1<<62)); err != nil {
		return nil, err
	}
	return append(data, rest.Bytes()...), nil
}

// ReadCSVFrom reads CSV from r as ReadCSV does; name stands for the input
// in error messages.
func ReadCSVFrom(r io.Reader, name string, opts ...CSVOption) (*Table, error) {
	cfg, err := csvConfigure("ReadCSV", opts)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("table.ReadCSV: %s: %w", name, err)
	}
	return csvRead(data, name, cfg)
}

// csvSpan is one field of the row last scanned: data[lo:hi], or
// scratch[lo:hi] when the field had to be unescaped.
type csvSpan struct {
	lo, hi int
	at     int  // the offset of the field's first byte in data
	esc    bool // in scratch
	quoted bool
}

// csvScanner splits rows into fields.
type csvScanner struct {
	data    []byte
	delim   byte
	comment byte // 0: none
	stop    [256]bool
	spans   []csvSpan
	scratch []byte
	// limit: a quoted field that runs past it ends the scan (csvPast): a
	// chunk does not look for closing quotes beyond its end.
	limit int
}

// csvPast is the quote result of a row whose quoted field ran past the
// scanner's limit.
const csvPast = -2

func newCSVScanner(data []byte, delim, comment byte) *csvScanner {
	s := &csvScanner{data: data, delim: delim, comment: comment, limit: len(data)}
	s.stop[delim] = true
	s.stop['\n'] = true
	s.stop['\r'] = true
	if comment != 0 {
		s.stop[comment] = true
	}
	return s
}

// field returns the bytes of field i of the row last scanned.
func (s *csvScanner) field(i int) []byte {
	sp := &s.spans[i]
	if sp.esc {
		return s.scratch[sp.lo:sp.hi]
	}
	return s.data[sp.lo:sp.hi]
}

// row scans the first row that starts at or after pos and before hi,
// skipping blank lines, lines of spaces and tabs, and comment lines. It
// returns where the row starts and the offset after its line end (a row
// may run past hi); ok is false when no row starts before hi. quote is the
// offset of a quote that is never closed, csvPast, or -1.
func (s *csvScanner) row(pos, hi int) (start, next int, ok bool, quote int) {
	data := s.data
	for {
		for pos < hi {
			c := data[pos]
			if c == '\n' || c == '\r' {
				pos++
				continue
			}
			if s.comment != 0 && c == s.comment {
				if j := bytes.IndexByte(data[pos:], '\n'); j >= 0 {
					pos += j + 1
				} else {
					pos = len(data)
				}
				continue
			}
			break
		}
		if pos >= hi {
			return pos, pos, false, -1
		}
		start = pos
		s.spans = s.spans[:0]
		s.scratch = s.scratch[:0]
		next, quote = s.fields(pos)
		if quote != -1 {
			return start, next, false, quote
		}
		if len(s.spans) == 1 && !s.spans[0].quoted && csvBlank(data[s.spans[0].lo:s.spans[0].hi]) {
			pos = next
			continue
		}
		return start, next, true, -1
	}
}

// closing returns the offset of the next quote at or after i and before
// the limit, or -1.
func (s *csvScanner) closing(i int) int {
	if i > s.limit {
		return -1
	}
	j := bytes.IndexByte(s.data[i:s.limit], '"')
	if j < 0 {
		return -1
	}
	return i + j
}

// unclosed is the quote result for a quote at q that closing did not find
// closed.
func (s *csvScanner) unclosed(q int) int {
	if s.limit < len(s.data) {
		return csvPast
	}
	return q
}

func csvBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// fields scans the fields of the row at pos into s.spans.
func (s *csvScanner) fields(pos int) (next, quote int) {
	data := s.data
	n := len(data)
	for {
		if pos < n && data[pos] == '"' {
			q := pos
			i := pos + 1
			j := s.closing(i)
			if j < 0 {
				return n, s.unclosed(q)
			}
			if j+1 < n && !s.stop[data[j+1]] {
				// Doubled quotes, or text after the closing quote.
				lo := len(s.scratch)
				for {
					s.scratch = append(s.scratch, data[i:j]...)
					if j+1 < n && data[j+1] == '"' {
						s.scratch = append(s.scratch, '"')
						i = j + 2
						if j = s.closing(i); j < 0 {
							return n, s.unclosed(q)
						}
						continue
					}
					break
				}
				k := j + 1
				for k < n && !s.stop[data[k]] {
					k++
				}
				s.scratch = append(s.scratch, data[j+1:k]...)
				s.spans = append(s.spans, csvSpan{lo: lo, hi: len(s.scratch), at: q, esc: true, quoted: true})
				pos = k
			} else {
				s.spans = append(s.spans, csvSpan{lo: i, hi: j, at: q, quoted: true})
				pos = j + 1
			}
		} else {
			i := pos
			for i < n && !s.stop[data[i]] {
				i++
			}
			s.spans = append(s.spans, csvSpan{lo: pos, hi: i, at: pos})
			pos = i
		}
		if pos >= n {
			return n, -1
		}
		switch c := data[pos]; {
		case c == s.delim:
			pos++
		case c == '\n':
			return pos + 1, -1
		case c == '\r':
			if pos+1 < n && data[pos+1] == '\n' {
				return pos + 2, -1
			}
			return pos + 1, -1
		default: // the comment character: skip the rest of the line
			if j := bytes.IndexByte(data[pos:], '\n'); j >= 0 {
				return pos + j + 1, -1
			}
			return n, -1
		}
	}
}

// csvReader reads one input.
type csvReader struct {
	name    string
	data    []byte
	bom     int // 3 when the input starts with a byte-order mark
	delim   byte
	comment byte
	names   []string
	forced  []Kind
	what    string // where the number of fields comes from, for errors
	p       csvParser
	// The final buffers of the number and date-time columns, made when a
	// chunk first needs them; chunk k owns [base, base+bound) of each.
	bufs  []csvBuf
	bound int
}

type csvBuf struct {
	once sync.Once
	buf  []uint64
}

// csvChunk is a run of rows scanned by one worker.
type csvChunk struct {
	lo, hi   int
	base     int // where the chunk's values go in the column buffers
	bound    int // at most as many rows as the chunk has lines
	cols     []csvCol
	rows     int
	err      error
	straddle bool // the last row ran past hi
}

// csvChunkSize is the size of the pieces the rows are cut into; it depends
// on nothing else, so the cut (and so the result) is the same for any
// number of workers. (A variable so that the fuzz test can cut small inputs
// into many chunks.)
var csvChunkSize = 1 << 20

func csvRead(data []byte, name string, cfg *csvConfig) (*Table, error) {
	r := &csvReader{name: name, data: data, comment: byte(cfg.comment)}
	r.p.layout = cfg.layout
	if cfg.naSet {
		r.p.na = newCSVNASet(cfg.na)
	} else {
		r.p.na = newCSVNASet(csvDefaultNA)
	}
	pos := 0
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		r.bom, pos = 3, 3
	}
	for k := 0; k < cfg.skipRows && pos < len(data); k++ {
		if j := bytes.IndexByte(data[pos:], '\n'); j >= 0 {
			pos += j + 1
		} else {
			pos = len(data)
		}
	}
	if cfg.delim != 0 {
		r.delim = byte(cfg.delim)
	} else {
		r.delim = r.sniff(pos)
	}

	// The header.
	s := newCSVScanner(data, r.delim, r.comment)
	switch {
	case cfg.names != nil:
		r.names = cfg.names
		if len(r.names) == 0 {
			return nil, &Error{Op: "ReadCSV", Msg: "Header: no names"}
		}
		seen := map[string]bool{}
		for _, nm := range r.names {
			if seen[nm] {
				return nil, &Error{Op: "ReadCSV", Msg: fmt.Sprintf("Header: the name %q is given twice", nm)}
			}
			seen[nm] = true
		}
		r.what = fmt.Sprintf("%d names given", len(r.names))
	case cfg.noHeader:
		_, _, ok, q := s.row(pos, len(data))
		if q >= 0 {
			return nil, r.quoteErr(q)
		}
		if !ok {
			return nil, &Error{Op: "ReadCSV", Msg: name + ": no data (the file is empty)"}
		}
		r.names = make([]string, len(s.spans))
		for i := range r.names {
			r.names[i] = "column_" + strconv.Itoa(i)
		}
		r.what = fmt.Sprintf("the first row has %d", len(r.names))
	default:
		_, next, ok, q := s.row(pos, len(data))
		if q >= 0 {
			return nil, r.quoteErr(q)
		}
		if !ok {
			return nil, &Error{Op: "ReadCSV", Msg: name + ": no header row (the file is empty)"}
		}
		raw := make([]string, len(s.spans))
		for i := range raw {
			raw[i] = string(s.field(i))
		}
		r.names = csvDedupNames(raw)
		r.what = fmt.Sprintf("header has %d", len(r.names))
		pos = next
	}
	r.forced = make([]Kind, len(r.names))
	for _, ko := range cfg.kinds {
		i := csvIndex(r.names, ko.name)
		if i < 0 {
			return nil, &Error{Op: "ReadCSV", Column: ko.name, Msg: fmt.Sprintf("ColumnKind: %s has no such column (have %q)", name, r.names)}
		}
		r.forced[i] = ko.kind
	}

	// The rows, in chunks.
	chunks := r.cut(pos)
	kernels.Parallel(len(chunks), 1, func(_, lo, hi int) {
		for k := lo; k < hi; k++ {
			r.bounds(chunks[k])
		}
	})
	for _, ch := range chunks {
		ch.base = r.bound
		r.bound += ch.bound
	}
	r.bufs = make([]csvBuf, len(r.names))
	kernels.Parallel(len(chunks), 1, func(_, lo, hi int) {
		for k := lo; k < hi; k++ {
			r.scan(chunks[k])
		}
	})
	for k, ch := range chunks {
		if ch.err != nil {
			return nil, ch.err
		}
		if ch.straddle && k < len(chunks)-1 {
			// A quoted line end near a cut: scan it all in one piece.
			chunks = []*csvChunk{{lo: pos, hi: len(data), bound: r.bound}}
			r.scan(chunks[0])
			if chunks[0].err != nil {
				return nil, chunks[0].err
			}
			break
		}
	}
	return r.assemble(chunks)
}

func csvIndex(names []string, name string) int {
	for i, n := range names {
		if n == name {
			return i
		}
	}
	return -1
}

// csvDedupNames names empty header fields column_i and gives repeated names
// the suffixes .1, .2, ... as pandas 1.5's C parser does: given names are
// handled before empty ones, and a suffixed name that the header has
// elsewhere is passed over.
func csvDedupNames(raw []string) []string {
	names := append([]string(nil), raw...)
	inHeader := map[string]bool{}
	var unnamed, order []int
	for i, n := range names {
		if n == "" {
			names[i] = "column_" + strconv.Itoa(i)
			unnamed = append(unnamed, i)
		} else {
			order = append(order, i)
		}
	}
	for _, n := range names {
		inHeader[n] = true
	}
	order = append(order, unnamed...)
	counts := map[string]int{}
	for _, i := range order {
		col := names[i]
		old := col
		cur := counts[col]
		for cur > 0 {
			counts[old] = cur + 1
			col = old + "." + strconv.Itoa(cur)
			if inHeader[col] {
				cur++
			} else {
				cur = counts[col]
			}
		}
		names[i] = col
		counts[col] = cur + 1
	}
	return names
}

// sniff picks the delimiter: of comma, tab, semicolon and pipe, the first
// that gives the first rows (up to 20, or 64 KiB) one and the same number
// of fields, more than one; else the one that splits the first row into
// the most fields; else a comma.
func (r *csvReader) sniff(pos int) byte {
	best, bestFields := byte(','), 1
	for _, d := range []byte{',', '\t', ';', '|'} {
		if d == r.comment {
			continue
		}
		s := newCSVScanner(r.data, d, r.comment)
		first, same := -1, true
		p := pos
		for rows := 0; rows < 20 && p < len(r.data) && p-pos < 64<<10; rows++ {
			_, next, ok, _ := s.row(p, len(r.data))
			if !ok {
				break
			}
			if first < 0 {
				first = len(s.spans)
			} else if len(s.spans) != first {
				same = false
				break
			}
			p = next
		}
		if same && first > 1 {
			return d
		}
		if first > bestFields {
			best, bestFields = d, first
		}
	}
	return best
}

// cut cuts data[pos:] into chunks that end after a line feed.
func (r *csvReader) cut(pos int) []*csvChunk {
	var chunks []*csvChunk
	n := len(r.data)
	for lo := pos; ; {
		hi := n
		if n-lo > csvChunkSize+csvChunkSize/2 {
			if j := bytes.IndexByte(r.data[lo+csvChunkSize:], '\n'); j >= 0 {
				hi = lo + csvChunkSize + j + 1
			}
		}
		chunks = append(chunks, &csvChunk{lo: lo, hi: hi})
		if hi >= n {
			return chunks
		}
		lo = hi
	}
}

// bounds counts the lines of a chunk, the most rows it can have.
func (r *csvReader) bounds(ch *csvChunk) {
	ch.bound = bytes.Count(r.data[ch.lo:ch.hi], []byte{'\n'})
	if ch.hi > ch.lo && r.data[ch.hi-1] != '\n' {
		ch.bound++
	}
}

// slots returns the function that gives chunk ch its part of column ci's
// buffer (see csvCol).
func (r *csvReader) slots(ch *csvChunk, ci int) func() []uint64 {
	return func() []uint64 {
		b := &r.bufs[ci]
		b.once.Do(func() { b.buf = make([]uint64, r.bound) })
		return b.buf[ch.base : ch.base : ch.base+ch.bound]
	}
}

// scan reads the rows of a chunk into its column builders.
func (r *csvReader) scan(ch *csvChunk) {
	s := newCSVScanner(r.data, r.delim, r.comment)
	s.limit = ch.hi
	ch.cols = make([]csvCol, len(r.names))
	for i := range ch.cols {
		ch.cols[i].init(r.forced[i], ch.bound, r.slots(ch, i))
	}
	ch.rows = 0
	ch.straddle = false
	var ar csvArena
	ncols := len(r.names)
	pos := ch.lo
	for pos < ch.hi {
		start, next, ok, q := s.row(pos, ch.hi)
		if q == csvPast {
			ch.straddle = true
			return
		}
		if q >= 0 {
			ch.err = r.quoteErr(q)
			return
		}
		if !ok {
			break
		}
		if len(s.spans) != ncols {
			ch.err = r.errorAt(start, false, "", fmt.Sprintf("%d fields, expected %d (%s)", len(s.spans), ncols, r.what))
			return
		}
		for ci := range ch.cols {
			if !ch.cols[ci].add(&r.p, &ar, s.field(ci)) {
				ch.err = r.forcedErr(ci, s.spans[ci].at, s.field(ci))
				return
			}
		}
		ch.rows++
		pos = next
	}
	ch.straddle = pos > ch.hi
}

// where turns an offset into a line and a column counted from 1, the column
// in characters.
func (r *csvReader) where(off int) (line, col int) {
	line = bytes.Count(r.data[:off], []byte{'\n'}) + 1
	ls := max(bytes.LastIndexByte(r.data[:off], '\n')+1, r.bom)
	ls = min(ls, off)
	return line, utf8.RuneCount(r.data[ls:off]) + 1
}

func (r *csvReader) errorAt(off int, withCol bool, column, msg string) error {
	line, col := r.where(off)
	loc := fmt.Sprintf("%s, line %d", r.name, line)
	if withCol {
		loc += fmt.Sprintf(", column %d", col)
	}
	return &Error{Op: "ReadCSV", Column: column, Msg: loc + ": " + msg}
}

func (r *csvReader) quoteErr(off int) error {
	return r.errorAt(off, true, "", "quoted field not closed before end of file")
}

func (r *csvReader) forcedErr(ci, at int, b []byte) error {
	text := string(b)
	if len(text) > 40 {
		text = text[:40] + "..."
	}
	var want string
	switch r.forced[ci] {
	case Numeric:
		want = "a number"
	case Bool:
		want = "true or false"
	case Time:
		want = "a date-time (2024-01-31, 2024-01-31T12:00:00, ...)"
		if r.p.layout != "" {
			want = fmt.Sprintf("a date-time (ISO 8601 or layout %q)", r.p.layout)
		}
	}
	return r.errorAt(at, true, r.names[ci], fmt.Sprintf("%q is not %s (ColumnKind forces %v)", text, want, r.forced[ci]))
}

// assemble joins the chunks' columns into the table.
func (r *csvReader) assemble(chunks []*csvChunk) (*Table, error) {
	ncols := len(r.names)
	offs := make([]int, len(chunks)+1)
	for k, ch := range chunks {
		offs[k+1] = offs[k] + ch.rows
	}
	total := offs[len(chunks)]

	// The kind of each column, and the text still to fetch for string
	// columns.
	final := make([]csvState, ncols)
	anyMiss := make([]bool, ncols)
	need := make([][]int, len(chunks))
	for k := range need {
		need[k] = make([]int, ncols)
	}
	for ci := range final {
		st := csvNone
		for _, ch := range chunks {
			c := &ch.cols[ci]
			if c.n == 0 {
				continue
			}
			if c.miss != nil || c.state == csvNone {
				anyMiss[ci] = true
			}
			switch {
			case c.state == csvNone || c.state == st:
			case st == csvNone:
				st = c.state
			case st == csvInt && c.state == csvFloat, st == csvFloat && c.state == csvInt:
				st = csvFloat
			default:
				st = csvString
			}
		}
		if st == csvInt && anyMiss[ci] {
			st = csvFloat
		}
		if st == csvNone {
			switch r.forced[ci] {
			case Bool:
				st = csvBool
			case Time:
				st = csvTime
			case String:
				st = csvString
			case Numeric:
				st = csvFloat
			default:
				st = csvFloat
				if total == 0 {
					st = csvString
				}
			}
		}
		final[ci] = st
		if st != csvString {
			continue
		}
		for k, ch := range chunks {
			c := &ch.cols[ci]
			switch c.state {
			case csvString:
				need[k][ci] = c.backfill
			case csvNone:
				c.strs = make([]string, c.n)
			default:
				c.strs = make([]string, c.n)
				c.vals, c.bools = nil, nil
				need[k][ci] = c.n
			}
			c.state = csvString
		}
	}
	kernels.Parallel(len(chunks), 1, func(_, lo, hi int) {
		for k := lo; k < hi; k++ {
			r.backfill(chunks[k], need[k])
		}
	})

	cols := make([]*Column, ncols)
	for ci := range cols {
		col := &Column{Name: r.names[ci]}
		var miss []bool
		if anyMiss[ci] {
			miss = make([]bool, total)
			kernels.Parallel(len(chunks), 1, func(_, lo, hi int) {
				for k := lo; k < hi; k++ {
					c := &chunks[k].cols[ci]
					if c.state == csvNone {
						for i := 0; i < c.n; i++ {
							miss[offs[k]+i] = true
						}
					} else if c.miss != nil {
						copy(miss[offs[k]:], c.miss)
					}
				}
			})
		}
		switch st := final[ci]; st {
		case csvInt, csvFloat, csvTime:
			vals := r.joinValues(chunks, ci, st, total)
			p := unsafe.Pointer(unsafe.SliceData(vals))
			if st == csvFloat {
				col.Kind, col.Values = Numeric, arrays.FromSlice(unsafe.Slice((*float64)(p), total))
			} else {
				col.Kind, col.Values = Numeric, arrays.FromSlice(unsafe.Slice((*int64)(p), total))
				if st == csvTime {
					col.Kind = Time
				}
			}
		case csvBool:
			bools := make([]bool, total)
			for k, ch := range chunks {
				copy(bools[offs[k]:], ch.cols[ci].bools)
			}
			col.Kind, col.Values = Bool, arrays.FromSlice(bools)
		case csvString:
			strs := make([]string, total)
			for k, ch := range chunks {
				copy(strs[offs[k]:], ch.cols[ci].strs)
			}
			col.Kind, col.Strings = String, strs
		}
		if miss != nil && csvAny(miss) {
			col.Missing = miss
		}
		cols[ci] = col
	}
	return New(cols...)
}

// joinValues gathers the chunks' parts of an int, float or time column
// into one buffer: in place in the column's buffer, moving each part down
// over the unused room that the chunks before it left.
func (r *csvReader) joinValues(chunks []*csvChunk, ci int, st csvState, total int) []uint64 {
	buf := r.bufs[ci].buf
	inPlace := buf != nil
	for _, ch := range chunks {
		if c := &ch.cols[ci]; c.n > ch.bound || (c.vals != nil && cap(c.vals) != ch.bound) {
			inPlace = false // a part outgrew its room
		}
	}
	if !inPlace {
		buf = make([]uint64, total)
	}
	off := 0
	for _, ch := range chunks {
		c := &ch.cols[ci]
		dst := buf[off : off+c.n]
		off += c.n
		if c.state == csvNone {
			fill := uint64(0)
			if st == csvFloat {
				fill = csvNaNBits
			}
			for i := range dst {
				dst[i] = fill
			}
			continue
		}
		copy(dst, c.vals) // a no-op when the part is in place already
		if st == csvFloat && c.state == csvInt {
			c.intsToFloats(dst)
		}
	}
	return buf[:total]
}

func csvAny(b []bool) bool {
	for _, v := range b {
		if v {
			return true
		}
	}
	return false
}

// backfill fetches the text of the first need[ci] rows of the chunk for the
// columns that turned to strings.
func (r *csvReader) backfill(ch *csvChunk, need []int) {
	upto := 0
	for _, n := range need {
		upto = max(upto, n)
	}
	if upto == 0 {
		return
	}
	s := newCSVScanner(r.data, r.delim, r.comment)
	var ar csvArena
	pos := ch.lo
	for row := 0; row < upto; row++ {
		_, next, ok, _ := s.row(pos, ch.hi)
		if !ok {
			return
		}
		for ci, n := range need {
			if row < n && !ch.cols[ci].isMissing(row) {
				ch.cols[ci].strs[row] = ar.str(s.field(ci))
			}
		}
		pos = next
	}
}

// WriteCSV writes the table to a CSV file: to a temporary file in the same
// folder first, which then replaces path, so that path never holds half a
// table. See WriteCSVTo for the format.
func (t *Table) WriteCSV(path string, opts ...CSVOption) (err error) {
	if _, err := csvConfigure("WriteCSV", opts); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("table.WriteCSV: %w", err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err = t.writeCSV("WriteCSV", f, opts); err != nil {
		return err
	}
	mode := os.FileMode(0o644)
	if st, e := os.Stat(path); e == nil {
		mode = st.Mode().Perm()
	}
	if err = f.Chmod(mode); err != nil {
		return fmt.Errorf("table.WriteCSV: %w", err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("table.WriteCSV: %w", err)
	}
	if err = os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("table.WriteCSV: %w", err)
	}
	return nil
}

// WriteCSVTo writes the table as CSV to w: a header row (unless NoHeader),
// then one line per row ending in LF. Integers are written in decimal,
// floats as Python writes them (1.0, 0.1, 1e-05, inf; the shortest text
// that reads back to the same float), bools as True and False, date-times
// in RFC 3339 in UTC (2024-01-31T12:00:00Z, or 2024-01-31 when every value
// of the column is at midnight), strings as they are; a missing value (or a
// NaN) is written as the first of NAValues, by default nothing. Fields with
// the delimiter, a quote, a line end or the comment character are quoted
// (RFC 4180), and so is an empty or blank field of a one-column table, which
// would otherwise be a blank line. ReadCSV reads the result back to the same
// table, except that an empty string reads back as missing, and a string
// column whose values all look like numbers, bools or date-times reads back
// as that kind (force String with ColumnKind).
func (t *Table) WriteCSVTo(w io.Writer, opts ...CSVOption) error {
	return t.writeCSV("WriteCSV", w, opts)
}

type csvWriter struct {
	w       io.Writer
	buf     []byte
	delim   byte
	comment byte
	single  bool
	err     error
}

func (t *Table) writeCSV(op string, w io.Writer, opts []CSVOption) error {
	cfg, err := csvConfigure(op, opts)
	if err != nil {
		return err
	}
	cw := &csvWriter{w: w, buf: make([]byte, 0, 64<<10), delim: ',', comment: byte(cfg.comment), single: len(t.cols) == 1}
	if cfg.delim != 0 {
		cw.delim = byte(cfg.delim)
	}
	na := ""
	if cfg.naSet && len(cfg.na) > 0 {
		na = cfg.na[0]
	}
	if !cfg.noHeader {
		names := t.Names()
		if cfg.names != nil {
			if len(cfg.names) != len(names) {
				return &Error{Op: op, Msg: fmt.Sprintf("Header: %d names for %d columns", len(cfg.names), len(names))}
			}
			names = cfg.names
		}
		for i, n := range names {
			if i > 0 {
				cw.buf = append(cw.buf, cw.delim)
			}
			cw.buf = cw.appendText(cw.buf, n)
		}
		cw.buf = append(cw.buf, '\n')
	}
	fmts := make([]func(dst []byte, i int) []byte, len(t.cols))
	for ci, c := range t.cols {
		fmts[ci] = cw.formatter(c, na, cfg.layout)
	}
	rows := t.NumRows()
	for i := 0; i < rows; i++ {
		for ci, f := range fmts {
			if ci > 0 {
				cw.buf = append(cw.buf, cw.delim)
			}
			cw.buf = f(cw.buf, i)
		}
		cw.buf = append(cw.buf, '\n')
		if len(cw.buf) > 60<<10 {
			cw.flush()
		}
	}
	cw.flush()
	if cw.err != nil {
		return fmt.Errorf("table.%s: %w", op, cw.err)
	}
	return nil
}

func (cw *csvWriter) flush() {
	if cw.err == nil && len(cw.buf) > 0 {
		_, cw.err = cw.w.Write(cw.buf)
	}
	cw.buf = cw.buf[:0]
}

// appendText appends a string field, quoted when it has to be.
func (cw *csvWriter) appendText(dst []byte, s string) []byte {
	quote := cw.single && csvBlank([]byte(s))
	for i := 0; i < len(s) && !quote; i++ {
		c := s[i]
		quote = c == cw.delim || c == '"' || c == '\n' || c == '\r' || (cw.comment != 0 && c == cw.comment)
	}
	if !quote {
		return append(dst, s...)
	}
	dst = append(dst, '"')
	for {
		i := strings.IndexByte(s, '"')
		if i < 0 {
			break
		}
		dst = append(dst, s[:i+1]...)
		dst = append(dst, '"')
		s = s[i+1:]
	}
	dst = append(dst, s...)
	return append(dst, '"')
}

// formatter returns a function that appends value i of c.
func (cw *csvWriter) formatter(c *Column, na, layout string) func(dst []byte, i int) []byte {
	naText := cw.appendText(nil, na)
	miss := c.Missing
	isMiss := func(i int) bool { return miss != nil && miss[i] }
	switch c.Kind {
	case String:
		vals := c.Strings
		return func(dst []byte, i int) []byte {
			if isMiss(i) {
				return append(dst, naText...)
			}
			return cw.appendText(dst, vals[i])
		}
	case Bool:
		vals := c.Values.Bools()
		return func(dst []byte, i int) []byte {
			switch {
			case isMiss(i):
				return append(dst, naText...)
			case vals[i]:
				return append(dst, "True"...)
			}
			return append(dst, "False"...)
		}
	case Time:
		vals := c.Values.Int64s()
		if layout == "" {
			layout = "2006-01-02"
			for i, v := range vals {
				if !isMiss(i) && v%(86400*1e9) != 0 {
					layout = time.RFC3339Nano
					break
				}
			}
		}
		return func(dst []byte, i int) []byte {
			if isMiss(i) {
				return append(dst, naText...)
			}
			s := time.Unix(0, vals[i]).UTC().AppendFormat(nil, layout)
			return cw.appendText(dst, string(s))
		}
	}
	// Numeric.
	switch vals := c.Values.Data().(type) {
	case []float64:
		return func(dst []byte, i int) []byte {
			if isMiss(i) || math.IsNaN(vals[i]) {
				return append(dst, naText...)
			}
			return csvAppendFloat(dst, vals[i], 64)
		}
	case []float32:
		return func(dst []byte, i int) []byte {
			if isMiss(i) || vals[i] != vals[i] {
				return append(dst, naText...)
			}
			return csvAppendFloat(dst, float64(vals[i]), 32)
		}
	case []complex64, []complex128:
		cs := c.Values.Complex128s()
		bits := 128
		if _, ok := vals.([]complex64); ok {
			bits = 64
		}
		return func(dst []byte, i int) []byte {
			if isMiss(i) {
				return append(dst, naText...)
			}
			return append(dst, strconv.FormatComplex(cs[i], 'g', -1, bits)...)
		}
	case []uint8, []uint16, []uint32, []uint64:
		us := c.Values.Astype(arrays.Uint64).Data().([]uint64)
		return func(dst []byte, i int) []byte {
			if isMiss(i) {
				return append(dst, naText...)
			}
			return strconv.AppendUint(dst, us[i], 10)
		}
	}
	is := c.Values.Int64s()
	return func(dst []byte, i int) []byte {
		if isMiss(i) {
			return append(dst, naText...)
		}
		return strconv.AppendInt(dst, is[i], 10)
	}
}

// csvAppendFloat formats f as Python's repr does: the shortest digits that
// read back to f, in positional notation with at least one decimal (1.0)
// when the decimal exponent is in [-4, 16), else in exponent notation
// (1e-05, 1.5e+16); inf and -inf.
func csvAppendFloat(dst []byte, f float64, bits int) []byte {
	switch {
	case math.IsInf(f, 1):
		return append(dst, "inf"...)
	case math.IsInf(f, -1):
		return append(dst, "-inf"...)
	}
	if a := math.Abs(f); a != 0 && (a < 1e-4 || a >= 1e16) {
		return strconv.AppendFloat(dst, f, 'e', -1, bits)
	}
	start := len(dst)
	dst = strconv.AppendFloat(dst, f, 'f', -1, bits)
	if bytes.IndexByte(dst[start:], '.') < 0 {
		dst = append(dst, ".0"...)
	}
	return dst
}
