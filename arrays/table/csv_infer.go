package table

// Field parsers and the per-column builders that infer a column's kind while
// the CSV is read. Everything here works on byte sub-slices of the input and
// allocates nothing per field (strings go to an arena, see csvArena).

import (
	"math"
	"strconv"
	"time"
	"unsafe"
)

// csvDefaultNA is pandas' default list of missing-value markers (pandas 2;
// pandas 1.5 lacks "None").
var csvDefaultNA = []string{"", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan",
	"1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null"}

// csvNASet tells whether a field is a missing-value marker. The byte tables
// reject most fields (numbers) before the map is consulted.
type csvNASet struct {
	set         map[string]struct{}
	first, last [256]bool
	maxLen      int
	empty       bool
}

func newCSVNASet(values []string) *csvNASet {
	s := &csvNASet{set: map[string]struct{}{}}
	for _, v := range values {
		if v == "" {
			s.empty = true
			continue
		}
		s.set[v] = struct{}{}
		s.first[v[0]] = true
		s.last[v[len(v)-1]] = true
		s.maxLen = max(s.maxLen, len(v))
	}
	return s
}

func (s *csvNASet) match(b []byte) bool {
	if len(b) == 0 {
		return s.empty
	}
	if len(b) > s.maxLen || !s.first[b[0]] || !s.last[b[len(b)-1]] {
		return false
	}
	_, ok := s.set[string(b)]
	return ok
}

// csvTrim removes the spaces and tabs around a number or a date-time (as
// pandas' parser ignores them around numbers).
func csvTrim(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}

// csvParseInt parses an optionally signed decimal integer that fits int64.
func csvParseInt(b []byte) (int64, bool) {
	b = csvTrim(b)
	if len(b) == 0 {
		return 0, false
	}
	neg := false
	if b[0] == '+' || b[0] == '-' {
		neg = b[0] == '-'
		b = b[1:]
	}
	if len(b) > 19 { // leading zeros may make an int64 look longer
		for len(b) > 1 && b[0] == '0' {
			b = b[1:]
		}
	}
	if len(b) == 0 || len(b) > 19 {
		return 0, false
	}
	var v uint64
	for _, c := range b {
		d := c - '0'
		if d > 9 {
			return 0, false
		}
		v = v*10 + uint64(d) // at most 19 digits: no uint64 overflow
	}
	if neg {
		if v > 1<<63 {
			return 0, false
		}
		return -int64(v), true
	}
	if v > math.MaxInt64 {
		return 0, false
	}
	return int64(v), true
}

var csvPow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// csvParseFloat parses a decimal float: [sign] digits [. digits] [e [sign]
// digits] (at least one digit before the exponent), or inf, infinity or nan
// in any case with an optional sign; spaces and tabs around are ignored.
// The result is the correctly rounded float64: a mantissa below 2^53 with a
// power of ten of at most 22 is exact in one multiplication or division
// (Clinger's fast path); anything else goes to strconv.ParseFloat. A number
// too large gives ±Inf.
func csvParseFloat(b []byte) (float64, bool) {
	if len(b) == 0 {
		return 0, false
	}
	if b[0] <= ' ' || b[len(b)-1] <= ' ' {
		if b = csvTrim(b); len(b) == 0 {
			return 0, false
		}
	}
	i := 0
	neg := false
	if b[0] == '+' || b[0] == '-' {
		neg = b[0] == '-'
		i = 1
	}
	start := i
	var mant uint64
	for ; i < len(b); i++ {
		d := b[i] - '0'
		if d > 9 {
			break
		}
		mant = mant*10 + uint64(d)
	}
	nd := i - start
	exp := 0
	if i < len(b) && b[i] == '.' {
		i++
		fs := i
		for ; i < len(b); i++ {
			d := b[i] - '0'
			if d > 9 {
				break
			}
			mant = mant*10 + uint64(d)
		}
		exp = fs - i
		nd += i - fs
	}
	if nd == 0 {
		if i == start && i < len(b) && (b[i]|0x20 == 'i' || b[i]|0x20 == 'n') {
			return csvParseSpecial(b[i:], neg)
		}
		return 0, false
	}
	if nd > 19 {
		return csvParseFloatSlow(b)
	}
	if i < len(b) {
		e, ok := csvExponent(b[i:])
		if !ok {
			return 0, false
		}
		exp += e
	}
	if mant < 1<<53 {
		f := float64(mant)
		if neg {
			f = -f
		}
		switch {
		case exp == 0 || mant == 0:
			return f, true
		case exp < 0 && exp >= -22:
			return f / csvPow10[-exp], true
		case exp > 0 && exp <= 22:
			return f * csvPow10[exp], true
		case exp > 22 && exp <= 22+15:
			// mant * 10^(exp-22) may still be an exact integer below 2^53.
			if m := mant * uint64(csvPow10[exp-22]); m < 1<<53 && m/uint64(csvPow10[exp-22]) == mant {
				f = float64(m) * 1e22
				if neg {
					f = -f
				}
				return f, true
			}
		}
	}
	return csvStrconv(b)
}

// csvExponent parses e[sign]digits (the whole of b).
func csvExponent(b []byte) (int, bool) {
	if len(b) < 2 || b[0]|0x20 != 'e' {
		return 0, false
	}
	i := 1
	sign := 1
	if b[i] == '+' || b[i] == '-' {
		if b[i] == '-' {
			sign = -1
		}
		i++
	}
	if i == len(b) {
		return 0, false
	}
	e := 0
	for ; i < len(b); i++ {
		d := b[i] - '0'
		if d > 9 {
			return 0, false
		}
		if e < 100000 {
			e = e*10 + int(d)
		}
	}
	return e * sign, true
}

// csvStrconv parses b, which has the syntax of a decimal float, with
// strconv.
func csvStrconv(b []byte) (float64, bool) {
	f, err := strconv.ParseFloat(unsafe.String(&b[0], len(b)), 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
			return 0, false
		}
	}
	return f, true
}

// csvParseFloatSlow is csvParseFloat for more than 19 digits: it skips
// leading zeros and drops digits beyond the 19th to see whether the fast
// path still applies.
func csvParseFloatSlow(b []byte) (float64, bool) {
	i := 0
	neg := false
	if b[0] == '+' || b[0] == '-' {
		neg = b[0] == '-'
		i = 1
	}
	var mant uint64
	nd, ndMant, dp := 0, 0, 0
	sawDot, sawDigits, trunc := false, false, false
	for ; i < len(b); i++ {
		c := b[i]
		if c == '.' {
			if sawDot {
				return 0, false
			}
			sawDot = true
			dp = nd
			continue
		}
		d := c - '0'
		if d > 9 {
			break
		}
		sawDigits = true
		if d == 0 && nd == 0 {
			dp-- // a leading zero
			continue
		}
		nd++
		if ndMant < 19 {
			mant = mant*10 + uint64(d)
			ndMant++
		} else if d != 0 {
			trunc = true
		}
	}
	if !sawDigits {
		return 0, false
	}
	if !sawDot {
		dp = nd
	}
	if i < len(b) {
		e, ok := csvExponent(b[i:])
		if !ok {
			return 0, false
		}
		dp += e
	}
	if mant == 0 {
		if neg {
			return math.Copysign(0, -1), true
		}
		return 0, true
	}
	exp := dp - ndMant
	if !trunc && mant < 1<<53 && exp >= -22 && exp <= 22 {
		f := float64(mant)
		if neg {
			f = -f
		}
		if exp < 0 {
			return f / csvPow10[-exp], true
		}
		return f * csvPow10[exp], true
	}
	return csvStrconv(b)
}

// csvParseSpecial parses inf, infinity and nan (any case) after the sign.
func csvParseSpecial(b []byte, neg bool) (float64, bool) {
	lower := func(s string) bool {
		if len(b) != len(s) {
			return false
		}
		for i := range b {
			if b[i]|0x20 != s[i] {
				return false
			}
		}
		return true
	}
	switch {
	case lower("inf"), lower("infinity"):
		if neg {
			return math.Inf(-1), true
		}
		return math.Inf(1), true
	case lower("nan"):
		return math.NaN(), true
	}
	return 0, false
}

// csvParseBool accepts true, True, TRUE, false, False and FALSE (exactly, as
// pandas does: no spaces around).
func csvParseBool(b []byte) (v, ok bool) {
	switch string(b) {
	case "true", "True", "TRUE":
		return true, true
	case "false", "False", "FALSE":
		return false, true
	}
	return false, false
}

func csvDigits(b []byte, n int) (int, bool) {
	if len(b) < n {
		return 0, false
	}
	v := 0
	for _, c := range b[:n] {
		d := c - '0'
		if d > 9 {
			return 0, false
		}
		v = v*10 + int(d)
	}
	return v, true
}

// csvParseTime parses the ISO 8601 / RFC 3339 forms YYYY-MM-DD, then
// optionally T or a space and hh:mm[:ss[.fraction]], then optionally Z,
// ±hh, ±hhmm or ±hh:mm, into nanoseconds since the Unix epoch. Without a
// zone the time is UTC.
func csvParseTime(b []byte) (int64, bool) {
	b = csvTrim(b)
	if len(b) < 10 || b[4] != '-' || b[7] != '-' {
		return 0, false
	}
	year, ok1 := csvDigits(b, 4)
	month, ok2 := csvDigits(b[5:], 2)
	day, ok3 := csvDigits(b[8:], 2)
	if !ok1 || !ok2 || !ok3 || month < 1 || month > 12 || day < 1 || day > csvDaysIn(year, month) {
		return 0, false
	}
	var secs, frac int64
	rest := b[10:]
	if len(rest) > 0 {
		if rest[0] != 'T' && rest[0] != ' ' && rest[0] != 't' {
			return 0, false
		}
		rest = rest[1:]
		if len(rest) < 5 || rest[2] != ':' {
			return 0, false
		}
		hh, ok1 := csvDigits(rest, 2)
		mm, ok2 := csvDigits(rest[3:], 2)
		if !ok1 || !ok2 || hh > 23 || mm > 59 {
			return 0, false
		}
		rest = rest[5:]
		ss := 0
		if len(rest) > 0 && rest[0] == ':' {
			var ok bool
			if ss, ok = csvDigits(rest[1:], 2); !ok || ss > 59 {
				return 0, false
			}
			rest = rest[3:]
			if len(rest) > 0 && (rest[0] == '.' || rest[0] == ',') {
				rest = rest[1:]
				n := 0
				for n < len(rest) && rest[n]-'0' <= 9 {
					if n < 9 {
						frac = frac*10 + int64(rest[n]-'0')
					}
					n++
				}
				if n == 0 {
					return 0, false
				}
				for k := n; k < 9; k++ {
					frac *= 10
				}
				rest = rest[n:]
			}
		}
		secs = int64(hh*3600 + mm*60 + ss)
		if len(rest) > 0 {
			switch rest[0] {
			case 'Z', 'z':
				rest = rest[1:]
			case '+', '-':
				sign := int64(1)
				if rest[0] == '-' {
					sign = -1
				}
				z := rest[1:]
				zh, ok := csvDigits(z, 2)
				if !ok || zh > 23 {
					return 0, false
				}
				z = z[2:]
				zm := 0
				if len(z) > 0 {
					if z[0] == ':' {
						z = z[1:]
					}
					if zm, ok = csvDigits(z, 2); !ok || zm > 59 {
						return 0, false
					}
					z = z[2:]
				}
				secs -= sign * int64(zh*3600+zm*60)
				rest = z
			default:
				return 0, false
			}
			if len(rest) > 0 {
				return 0, false
			}
		}
	}
	days := csvDaysFromCivil(int64(year), int64(month), int64(day))
	total := days*86400 + secs
	// int64 nanoseconds reach from 1677-09-21 to 2262-04-11.
	const lim = math.MaxInt64 / 1_000_000_000
	if total > lim-1 || total < -lim+1 {
		return 0, false
	}
	return total*1e9 + frac, true
}

func csvDaysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// csvDaysFromCivil is the number of days from 1970-01-01 to the given date
// of the proleptic Gregorian calendar (H. Hinnant's algorithm).
func csvDaysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// csvParseLayout parses b with a Go time layout (UTC unless the layout has
// a zone).
func csvParseLayout(layout string, b []byte) (int64, bool) {
	t, err := time.Parse(layout, string(b))
	if err != nil || t.Year() < 1678 || t.Year() > 2261 {
		return 0, false
	}
	return t.UnixNano(), true
}

// csvArena hands out strings copied into large shared blocks, so that a
// string column costs one allocation per 64 KiB rather than one per value.
// A block is never written again once a string points into it.
type csvArena struct{ buf []byte }

func (a *csvArena) str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > 4096 {
		return string(b)
	}
	if cap(a.buf)-len(a.buf) < len(b) {
		a.buf = make([]byte, 0, 64<<10)
	}
	s := len(a.buf)
	a.buf = append(a.buf, b...)
	return unsafe.String(&a.buf[s], len(b))
}

// csvState is what a column builder holds so far.
type csvState uint8

const (
	csvNone   csvState = iota // only missing values so far
	csvInt                    // int64
	csvFloat                  // float64
	csvBool                   // bool
	csvTime                   // int64 nanoseconds
	csvString                 // string
)

// csvCol builds one column of one chunk of rows. It starts from the first
// value's kind and widens: int to float, anything that does not fit to
// string (unless the kind is forced, when a value that does not fit is an
// error).
//
// Numbers and date-times go straight to their place in the column's final
// buffer: slots returns the chunk's part of it (empty, with room for as many
// values as the chunk has lines), so that the chunks need no copying
// afterwards. An int64, the bits of a float64 and nanoseconds all fit a
// uint64.
type csvCol struct {
	state  csvState
	forced Kind
	n      int
	vals   []uint64 // csvInt, csvFloat, csvTime
	bools  []bool
	strs   []string
	miss   []bool // nil until the first missing value
	// backfill > 0: the column turned to string at row backfill; the text
	// of the rows before it is filled in by a second scan.
	backfill int
	capHint  int
	slots    func() []uint64
	// negZero lists the rows of an int column that read "-0": 0 as an
	// int64, -0 when the column turns to float64.
	negZero []int
}

// csvParser holds what every column builder needs: the NA set and the
// time layout.
type csvParser struct {
	na     *csvNASet
	layout string
}

func (p *csvParser) parseTime(b []byte) (int64, bool) {
	if v, ok := csvParseTime(b); ok {
		return v, true
	}
	if p.layout != "" {
		return csvParseLayout(p.layout, b)
	}
	return 0, false
}

var csvNaNBits = math.Float64bits(math.NaN())

func (c *csvCol) init(forced Kind, capHint int, slots func() []uint64) {
	c.forced = forced
	c.capHint = capHint
	c.slots = slots
	switch forced {
	case Numeric:
		c.state = csvInt
		c.vals = slots()
	case Bool:
		c.state = csvBool
		c.bools = make([]bool, 0, capHint)
	case Time:
		c.state = csvTime
		c.vals = slots()
	case String:
		c.state = csvString
		c.strs = make([]string, 0, capHint)
	}
}

func (c *csvCol) present() {
	c.n++
	if c.miss != nil {
		c.miss = append(c.miss, false)
	}
}

func (c *csvCol) missing() {
	if c.miss == nil {
		c.miss = make([]bool, c.n, max(c.capHint, c.n+1))
	}
	c.miss = append(c.miss, true)
	c.n++
	switch c.state {
	case csvInt, csvTime:
		c.vals = append(c.vals, 0)
	case csvFloat:
		c.vals = append(c.vals, csvNaNBits)
	case csvBool:
		c.bools = append(c.bools, false)
	case csvString:
		c.strs = append(c.strs, "")
	}
}

// add appends one field; it reports false when the value does not fit a
// forced kind.
func (c *csvCol) add(p *csvParser, ar *csvArena, b []byte) bool {
	if p.na.match(b) {
		c.missing()
		return true
	}
	switch c.state {
	case csvFloat:
		if f, ok := csvParseFloat(b); ok {
			c.vals = append(c.vals, math.Float64bits(f))
			c.present()
			return true
		}
	case csvInt:
		if v, ok := csvParseInt(b); ok {
			if v == 0 {
				c.noteZero(b)
			}
			c.vals = append(c.vals, uint64(v))
			c.present()
			return true
		}
		if f, ok := csvParseFloat(b); ok {
			c.toFloat()
			c.vals = append(c.vals, math.Float64bits(f))
			c.present()
			return true
		}
	case csvString:
		c.strs = append(c.strs, ar.str(b))
		c.present()
		return true
	case csvBool:
		if v, ok := csvParseBool(b); ok {
			c.bools = append(c.bools, v)
			c.present()
			return true
		}
	case csvTime:
		if v, ok := p.parseTime(b); ok {
			c.vals = append(c.vals, uint64(v))
			c.present()
			return true
		}
	case csvNone:
		c.first(p, ar, b)
		return true
	}
	if c.forced != 0 {
		return false
	}
	c.toString()
	c.strs = append(c.strs, ar.str(b))
	c.present()
	return true
}

// first sets the kind from the first value that is not missing.
func (c *csvCol) first(p *csvParser, ar *csvArena, b []byte) {
	n := c.n
	hint := max(c.capHint, n+1)
	fill := func(st csvState, bits, v uint64) {
		c.state = st
		c.vals = c.slots()
		for i := 0; i < n; i++ {
			c.vals = append(c.vals, bits)
		}
		c.vals = append(c.vals, v)
	}
	if v, ok := csvParseInt(b); ok {
		if v == 0 {
			c.noteZero(b)
		}
		fill(csvInt, 0, uint64(v))
	} else if f, ok := csvParseFloat(b); ok {
		fill(csvFloat, csvNaNBits, math.Float64bits(f))
	} else if v, ok := csvParseBool(b); ok {
		c.state = csvBool
		c.bools = append(make([]bool, n, hint), v)
	} else if v, ok := p.parseTime(b); ok {
		fill(csvTime, 0, uint64(v))
	} else {
		c.state = csvString
		c.strs = append(make([]string, n, hint), ar.str(b))
	}
	c.present()
}

func (c *csvCol) noteZero(b []byte) {
	if b = csvTrim(b); b[0] == '-' {
		c.negZero = append(c.negZero, c.n)
	}
}

// toFloat turns the int64 values so far into float64, in place.
func (c *csvCol) toFloat() {
	c.intsToFloats(c.vals)
	c.state = csvFloat
}

// intsToFloats turns the column's int64 values, copied to dst, into
// float64 in place.
func (c *csvCol) intsToFloats(dst []uint64) {
	for i, v := range dst {
		if c.isMissing(i) {
			dst[i] = csvNaNBits
		} else {
			dst[i] = math.Float64bits(float64(int64(v)))
		}
	}
	for _, i := range c.negZero {
		dst[i] = math.Float64bits(math.Copysign(0, -1))
	}
	c.negZero = nil
}

// toString turns the column into strings; the text of the rows so far is
// filled in later (backfill).
func (c *csvCol) toString() {
	c.strs = make([]string, c.n, max(c.capHint, c.n+1))
	c.backfill = c.n
	c.vals, c.bools = nil, nil
	c.state = csvString
}

func (c *csvCol) isMissing(i int) bool { return c.miss != nil && c.miss[i] }
