package sessions

// A small JSON reader and writer of our own. The reader keeps the position
// of every value, so that an error in a notebook (bad JSON, or a value of
// the wrong kind) names its line and column, and keeps numbers as written,
// so that nothing is lost. The writer writes as nbformat does: Python's
// json.dumps with indent=1, sort_keys=True, separators (",", ": ") and
// ensure_ascii=False.

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// maxDepth bounds the nesting of arrays and objects the reader accepts.
const maxDepth = 1000

type jkind uint8

const (
	jNull jkind = iota
	jBool
	jNumber
	jString
	jArray
	jObject
)

func (k jkind) String() string {
	switch k {
	case jNull:
		return "null"
	case jBool:
		return "a boolean"
	case jNumber:
		return "a number"
	case jString:
		return "a string"
	case jArray:
		return "a list"
	case jObject:
		return "an object"
	}
	return "a value"
}

// jnode is one JSON value.
type jnode struct {
	kind jkind
	// off and end delimit the value in the text it was read from.
	off, end int
	b        bool
	// s is a string's value, or a number's text.
	s     string
	elems []*jnode
	// keys and vals are an object's members in the order read; a key
	// given twice keeps its last value (as Python's json does), in the
	// place of the first.
	keys []string
	vals []*jnode
	// index finds the members of large objects.
	index map[string]int
}

// get returns the member key of an object, or nil.
func (n *jnode) get(key string) *jnode {
	if i := n.find(key); i >= 0 {
		return n.vals[i]
	}
	return nil
}

// find returns the index of the member key, or -1.
func (n *jnode) find(key string) int {
	if n.index != nil {
		if i, ok := n.index[key]; ok {
			return i
		}
		return -1
	}
	for i, k := range n.keys {
		if k == key {
			return i
		}
	}
	return -1
}

// set adds or replaces the member key of an object.
func (n *jnode) set(key string, v *jnode) {
	if i := n.find(key); i >= 0 {
		n.vals[i] = v
		return
	}
	n.keys = append(n.keys, key)
	n.vals = append(n.vals, v)
	switch {
	case n.index != nil:
		n.index[key] = len(n.keys) - 1
	case len(n.keys) > 16:
		n.index = make(map[string]int, 2*len(n.keys))
		for i, k := range n.keys {
			n.index[k] = i
		}
	}
}

func jstr(s string) *jnode     { return &jnode{kind: jString, s: s} }
func jnum(text string) *jnode  { return &jnode{kind: jNumber, s: text} }
func jint(i int) *jnode        { return jnum(strconv.Itoa(i)) }
func jobj() *jnode             { return &jnode{kind: jObject} }
func jarr(e ...*jnode) *jnode  { return &jnode{kind: jArray, elems: e} }
func jnull() *jnode            { return &jnode{kind: jNull} }
func jstrs(ss []string) *jnode { return jarrOf(ss, jstr) }

func jarrOf[T any](xs []T, f func(T) *jnode) *jnode {
	n := jarr()
	n.elems = make([]*jnode, 0, len(xs))
	for _, x := range xs {
		n.elems = append(n.elems, f(x))
	}
	return n
}

// jsonError is a syntax error at a byte offset.
type jsonError struct {
	off int
	msg string
}

func (e *jsonError) Error() string { return e.msg }

type jparser struct {
	src   []byte
	pos   int
	depth int
}

// parseJSON reads one JSON value that fills src (surrounding white space
// and a leading UTF-8 byte-order mark aside). It is strict: RFC 8259
// grammar, valid UTF-8, no NaN or Infinity.
func parseJSON(src []byte) (*jnode, error) {
	p := &jparser{src: src}
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		p.pos = 3
	}
	p.space()
	if p.pos == len(src) {
		return nil, &jsonError{p.pos, "no JSON here: the text is empty"}
	}
	n, err := p.value()
	if err != nil {
		return nil, err
	}
	p.space()
	if p.pos != len(src) {
		return nil, p.fail("text after the end of the JSON value")
	}
	return n, nil
}

func (p *jparser) fail(format string, args ...any) error {
	return &jsonError{p.pos, fmt.Sprintf(format, args...)}
}

func (p *jparser) space() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// describe names the character at the current position for an error.
func (p *jparser) describe() string {
	if p.pos >= len(p.src) {
		return "the end of the text"
	}
	r, _ := utf8.DecodeRune(p.src[p.pos:])
	if r == utf8.RuneError {
		return fmt.Sprintf("byte 0x%02x", p.src[p.pos])
	}
	return strconv.QuoteRune(r)
}

func (p *jparser) value() (*jnode, error) {
	if p.pos >= len(p.src) {
		return nil, p.fail("unexpected end of the text, looking for a value")
	}
	start := p.pos
	var n *jnode
	var err error
	switch c := p.src[p.pos]; {
	case c == '{':
		n, err = p.object()
	case c == '[':
		n, err = p.array()
	case c == '"':
		var s string
		s, err = p.str()
		n = &jnode{kind: jString, s: s}
	case c == '-' || c >= '0' && c <= '9':
		n, err = p.number()
	case c == 't' || c == 'f' || c == 'n':
		n, err = p.literal()
	default:
		err = p.fail("invalid character %s, looking for a value", p.describe())
	}
	if err != nil {
		return nil, err
	}
	n.off, n.end = start, p.pos
	return n, nil
}

func (p *jparser) literal() (*jnode, error) {
	for _, l := range []struct {
		word string
		n    jnode
	}{{"true", jnode{kind: jBool, b: true}}, {"false", jnode{kind: jBool}}, {"null", jnode{kind: jNull}}} {
		if bytes.HasPrefix(p.src[p.pos:], []byte(l.word)) {
			p.pos += len(l.word)
			n := l.n
			return &n, nil
		}
	}
	return nil, p.fail("invalid character %s, looking for a value", p.describe())
}

func (p *jparser) number() (*jnode, error) {
	start := p.pos
	digits := func() int {
		k := 0
		for p.pos < len(p.src) && p.src[p.pos] >= '0' && p.src[p.pos] <= '9' {
			p.pos++
			k++
		}
		return k
	}
	if p.src[p.pos] == '-' {
		p.pos++
	}
	if p.pos < len(p.src) && p.src[p.pos] == '0' {
		p.pos++
	} else if digits() == 0 {
		if bytes.HasPrefix(p.src[p.pos:], []byte("Infinity")) {
			return nil, p.fail("-Infinity is not JSON")
		}
		return nil, p.fail("invalid character %s in a number", p.describe())
	}
	if p.pos < len(p.src) && p.src[p.pos] == '.' {
		p.pos++
		if digits() == 0 {
			return nil, p.fail("invalid character %s after the decimal point", p.describe())
		}
	}
	if p.pos < len(p.src) && (p.src[p.pos] == 'e' || p.src[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.src) && (p.src[p.pos] == '+' || p.src[p.pos] == '-') {
			p.pos++
		}
		if digits() == 0 {
			return nil, p.fail("invalid character %s in an exponent", p.describe())
		}
	}
	return &jnode{kind: jNumber, s: string(p.src[start:p.pos])}, nil
}

func (p *jparser) str() (string, error) {
	p.pos++ // the opening quote
	var b []byte
	start := p.pos
	for {
		if p.pos >= len(p.src) {
			return "", p.fail("unexpected end of the text in a string")
		}
		c := p.src[p.pos]
		switch {
		case c == '"':
			if b == nil {
				s := string(p.src[start:p.pos])
				p.pos++
				return s, nil
			}
			b = append(b, p.src[start:p.pos]...)
			p.pos++
			return string(b), nil
		case c == '\\':
			b = append(b, p.src[start:p.pos]...)
			if b == nil {
				b = []byte{}
			}
			var err error
			if b, err = p.escape(b); err != nil {
				return "", err
			}
			start = p.pos
		case c < 0x20:
			return "", p.fail("control character %s in a string (write it as an escape)", strconv.QuoteRune(rune(c)))
		case c < utf8.RuneSelf:
			p.pos++
		default:
			r, size := utf8.DecodeRune(p.src[p.pos:])
			if r == utf8.RuneError && size == 1 {
				return "", p.fail("invalid UTF-8 (byte 0x%02x)", c)
			}
			p.pos += size
		}
	}
}

// escape reads the escape at p.pos (a backslash) and appends its value.
func (p *jparser) escape(b []byte) ([]byte, error) {
	if p.pos+1 >= len(p.src) {
		p.pos++
		return nil, p.fail("unexpected end of the text in a string")
	}
	c := p.src[p.pos+1]
	switch c {
	case '"', '\\', '/':
		b = append(b, c)
	case 'b':
		b = append(b, '\b')
	case 'f':
		b = append(b, '\f')
	case 'n':
		b = append(b, '\n')
	case 'r':
		b = append(b, '\r')
	case 't':
		b = append(b, '\t')
	case 'u':
		r, ok := p.hex4(p.pos + 2)
		if !ok {
			p.pos++
			return nil, p.fail(`invalid \u escape: want four hexadecimal digits`)
		}
		p.pos += 6
		if utf16.IsSurrogate(r) {
			if r2, ok := p.hex4(p.pos + 2); ok && p.pos+1 < len(p.src) && p.src[p.pos] == '\\' && p.src[p.pos+1] == 'u' {
				if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
					p.pos += 6
					return utf8.AppendRune(b, d), nil
				}
			}
			r = utf8.RuneError
		}
		return utf8.AppendRune(b, r), nil
	default:
		r, _ := utf8.DecodeRune(p.src[p.pos+1:])
		return nil, p.fail("invalid escape \\%c in a string", r)
	}
	p.pos += 2
	return b, nil
}

func (p *jparser) hex4(at int) (rune, bool) {
	if at+4 > len(p.src) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(p.src[at:at+4]), 16, 32)
	if err != nil {
		return 0, false
	}
	return rune(v), true
}

func (p *jparser) enter() error {
	p.depth++
	if p.depth > maxDepth {
		return p.fail("lists and objects nested more than %d deep", maxDepth)
	}
	return nil
}

func (p *jparser) array() (*jnode, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	p.pos++
	n := &jnode{kind: jArray}
	p.space()
	if p.pos < len(p.src) && p.src[p.pos] == ']' {
		p.pos++
		n.elems = []*jnode{}
		return n, nil
	}
	for {
		p.space()
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		n.elems = append(n.elems, v)
		p.space()
		if p.pos >= len(p.src) {
			return nil, p.fail("unexpected end of the text in a list")
		}
		switch p.src[p.pos] {
		case ',':
			p.pos++
		case ']':
			p.pos++
			return n, nil
		default:
			return nil, p.fail("invalid character %s after a list element, looking for ',' or ']'", p.describe())
		}
	}
}

func (p *jparser) object() (*jnode, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	p.pos++
	n := &jnode{kind: jObject}
	p.space()
	if p.pos < len(p.src) && p.src[p.pos] == '}' {
		p.pos++
		return n, nil
	}
	for {
		p.space()
		if p.pos >= len(p.src) {
			return nil, p.fail("unexpected end of the text in an object")
		}
		if p.src[p.pos] != '"' {
			return nil, p.fail("invalid character %s, looking for a key in quotes", p.describe())
		}
		k, err := p.str()
		if err != nil {
			return nil, err
		}
		p.space()
		if p.pos >= len(p.src) || p.src[p.pos] != ':' {
			return nil, p.fail("invalid character %s after the key %q, looking for ':'", p.describe(), k)
		}
		p.pos++
		p.space()
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		n.set(k, v)
		p.space()
		if p.pos >= len(p.src) {
			return nil, p.fail("unexpected end of the text in an object")
		}
		switch p.src[p.pos] {
		case ',':
			p.pos++
		case '}':
			p.pos++
			return n, nil
		default:
			return nil, p.fail("invalid character %s after an object member, looking for ',' or '}'", p.describe())
		}
	}
}

// lineCol turns a byte offset of src into a 1-based line and column (the
// column counts characters, not bytes).
func lineCol(src []byte, off int) (line, col int) {
	off = min(max(off, 0), len(src))
	before := src[:off]
	line = 1 + bytes.Count(before, []byte("\n"))
	if i := bytes.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	return line, 1 + utf8.RuneCount(before)
}

// writeJSON writes n as nbformat does: one space of indent per level, keys
// sorted, ", " and ": " separators, non-ASCII characters as they are.
// A negative indent writes the compact form (no white space at all).
func writeJSON(buf *bytes.Buffer, n *jnode, indent int) {
	newline := func(level int) {
		if indent >= 0 {
			buf.WriteByte('\n')
			for range level {
				buf.WriteByte(' ')
			}
		}
	}
	switch n.kind {
	case jNull:
		buf.WriteString("null")
	case jBool:
		buf.WriteString(strconv.FormatBool(n.b))
	case jNumber:
		buf.WriteString(n.s)
	case jString:
		quote(buf, n.s)
	case jArray:
		if len(n.elems) == 0 {
			buf.WriteString("[]")
			return
		}
		buf.WriteByte('[')
		for i, e := range n.elems {
			if i > 0 {
				buf.WriteByte(',')
			}
			newline(indent + 1)
			writeJSON(buf, e, next(indent))
		}
		newline(indent)
		buf.WriteByte(']')
	case jObject:
		if len(n.keys) == 0 {
			buf.WriteString("{}")
			return
		}
		order := make([]int, len(n.keys))
		for i := range order {
			order[i] = i
		}
		sort.Slice(order, func(a, b int) bool { return n.keys[order[a]] < n.keys[order[b]] })
		buf.WriteByte('{')
		for i, k := range order {
			if i > 0 {
				buf.WriteByte(',')
			}
			newline(indent + 1)
			quote(buf, n.keys[k])
			buf.WriteByte(':')
			if indent >= 0 {
				buf.WriteByte(' ')
			}
			writeJSON(buf, n.vals[k], next(indent))
		}
		newline(indent)
		buf.WriteByte('}')
	}
}

func next(indent int) int {
	if indent < 0 {
		return indent
	}
	return indent + 1
}

// quote writes s as a JSON string the way Python's json.dumps does with
// ensure_ascii=False: only the quote, the backslash and control characters
// are escaped. Invalid UTF-8 is written as U+FFFD.
func quote(buf *bytes.Buffer, s string) {
	buf.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case '"':
				buf.WriteString(`\"`)
			case '\\':
				buf.WriteString(`\\`)
			case '\n':
				buf.WriteString(`\n`)
			case '\r':
				buf.WriteString(`\r`)
			case '\t':
				buf.WriteString(`\t`)
			case '\b':
				buf.WriteString(`\b`)
			case '\f':
				buf.WriteString(`\f`)
			default:
				if c < 0x20 {
					fmt.Fprintf(buf, `\u%04x`, c)
				} else {
					buf.WriteByte(c)
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			buf.WriteString("\ufffd")
		} else {
			buf.WriteString(s[i : i+size])
		}
		i += size
	}
	buf.WriteByte('"')
}

// compactJSON returns n in the compact canonical form: keys sorted, no
// white space.
func compactJSON(n *jnode) []byte {
	var buf bytes.Buffer
	writeJSON(&buf, n, -1)
	return buf.Bytes()
}

// splitLines splits s after each line break, as Python's
// str.splitlines(keepends=True) does (nbformat writes multi-line strings
// so): "\n", "\r\n", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e", U+0085,
// U+2028 and U+2029 end a line.
func splitLines(s string) []string {
	lines := []string{}
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		end := -1
		switch r {
		case '\r':
			end = i + 1
			if i+1 < len(s) && s[i+1] == '\n' {
				end = i + 2
			}
		case '\n', '\v', '\f', '\x1c', '\x1d', '\x1e', '\u0085', '\u2028', '\u2029':
			end = i + size
		}
		if end < 0 {
			i += size
			continue
		}
		lines = append(lines, s[start:end])
		start, i = end, end
	}
	if start < len(s) {
		lines = append(lines, s[start:])
	}
	return lines
}

// multiline is the node nbformat writes for a multi-line string: a list of
// its lines.
func multiline(s string) *jnode { return jstrs(splitLines(s)) }

// joinStrings returns the text of a multi-line string node (a string, or a
// list of strings), or false when n is neither.
func joinStrings(n *jnode) (string, bool) {
	switch n.kind {
	case jString:
		return n.s, true
	case jArray:
		var b strings.Builder
		for _, e := range n.elems {
			if e.kind != jString {
				return "", false
			}
			b.WriteString(e.s)
		}
		return b.String(), true
	}
	return "", false
}

// pythonNumbers rewrites the floats of a tree that encoding/json wrote
// (numbers with a fraction or an exponent) as Python writes them, so that
// the records we write read as those Jupyter writes: 1e-09, not 1e-9.
func pythonNumbers(n *jnode) {
	switch n.kind {
	case jNumber:
		if strings.ContainsAny(n.s, ".eE") {
			if x, err := strconv.ParseFloat(n.s, 64); err == nil {
				n.s = pythonFloat(x)
			}
		}
	case jArray:
		for _, e := range n.elems {
			pythonNumbers(e)
		}
	case jObject:
		for _, v := range n.vals {
			pythonNumbers(v)
		}
	}
}

// pythonFloat writes a finite float as Python's repr does: the shortest
// digits that read back, fixed notation with at least one digit after the
// point from 1e-4 up to 1e16, else d.ddde±XX.
func pythonFloat(x float64) string {
	e := strconv.FormatFloat(x, 'e', -1, 64) // -d.ddde±XX
	mant, exp, _ := strings.Cut(e, "e")
	k, _ := strconv.Atoi(exp)
	if decpt := k + 1; decpt > -4 && decpt <= 16 {
		f := strconv.FormatFloat(x, 'f', -1, 64)
		if !strings.Contains(f, ".") {
			f += ".0"
		}
		return f
	}
	sign := "+"
	if k < 0 {
		sign, k = "-", -k
	}
	return fmt.Sprintf("%se%s%02d", mant, sign, k)
}
