package table

import (
	"fmt"
	"html"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// How much of a table String and HTML show.
const (
	displayMaxRows  = 10 // more rows than this are cut to the first and last displayEdgeRows
	displayEdgeRows = 5
	displayMaxWidth = 50 // longer cells are cut to 47 characters and "..."
)

// shownRows are the rows that String and HTML show, with -1 where the
// "..." row goes.
func (t *Table) shownRows() (rows []int, cut bool) {
	n := t.NumRows()
	if n <= displayMaxRows {
		rows = make([]int, n)
		for i := range rows {
			rows[i] = i
		}
		return rows, false
	}
	for i := range displayEdgeRows {
		rows = append(rows, i)
	}
	rows = append(rows, -1)
	for i := n - displayEdgeRows; i < n; i++ {
		rows = append(rows, i)
	}
	return rows, true
}

// cells formats the shown values of every column: cells[j][k] is column
// j at shown row k ("" at the "..." row).
func (t *Table) cells(rows []int) [][]string {
	var present []int
	for _, i := range rows {
		if i >= 0 {
			present = append(present, i)
		}
	}
	out := make([][]string, len(t.cols))
	for j, c := range t.cols {
		vals := formatColumn(c.take("", present))
		col := make([]string, 0, len(rows))
		k := 0
		for _, i := range rows {
			if i < 0 {
				col = append(col, "")
				continue
			}
			col = append(col, vals[k])
			k++
		}
		out[j] = col
	}
	return out
}

// String prints the table as pandas prints a DataFrame: a header of
// column names, the row numbers on the left, values right-aligned behind a
// space for the sign (times without one), columns one space apart; floats
// with 6 decimals less the trailing zeros that the column's values share,
// or in exponent form when they need it; NaN for missing floats, strings
// and bools, <NA> for missing integers, NaT for missing times; strings cut
// to 50 characters. A table of more than 10 rows shows its first 5 and
// last 5 around a row of dots, and a footer such as "[1000 rows x 3
// columns]".
func (t *Table) String() string {
	if len(t.cols) == 0 || t.NumRows() == 0 {
		return fmt.Sprintf("Empty Table\nColumns: [%s]\nIndex: []", strings.Join(t.Names(), ", "))
	}
	rows, cut := t.shownRows()
	cells := t.cells(rows)
	index := make([]string, len(rows))
	iw := 0
	for k, i := range rows {
		if i >= 0 {
			index[k] = strconv.Itoa(i)
		}
		iw = max(iw, runes(index[k]))
	}
	// As pandas, the names of numeric and bool columns get a leading space.
	header := make([]string, len(t.cols))
	widths := make([]int, len(t.cols))
	for j, c := range t.cols {
		header[j] = c.Name
		if c.Kind == Numeric || c.Kind == Bool {
			header[j] = " " + c.Name
		}
		widths[j] = runes(header[j])
		for _, s := range cells[j] {
			widths[j] = max(widths[j], runes(s))
		}
	}
	dots := func(w int) string {
		if w > 3 {
			return "..."
		}
		return ".."
	}
	var b strings.Builder
	pad := func(n int) { b.WriteString(strings.Repeat(" ", max(n, 0))) }
	line := func(first string, cell func(j int) string) {
		b.WriteString(first)
		pad(iw - runes(first))
		for j := range t.cols {
			s := cell(j)
			b.WriteByte(' ')
			pad(widths[j] - runes(s))
			b.WriteString(s)
		}
		b.WriteByte('\n')
	}
	line("", func(j int) string { return header[j] })
	for k, i := range rows {
		if i < 0 {
			line(dots(iw), func(j int) string { return dots(widths[j]) })
			continue
		}
		line(index[k], func(j int) string { return cells[j][k] })
	}
	out := strings.TrimSuffix(b.String(), "\n")
	if cut {
		out += fmt.Sprintf("\n\n[%d rows x %d columns]", t.NumRows(), len(t.cols))
	}
	return out
}

func runes(s string) int { return utf8.RuneCountInString(s) }

// HTML returns the table as an HTML <table class="workbench-table"> for
// the notebook: a <thead> with the column names and, below them, their
// dtypes; the row numbers as <th> in each row; the same values and the
// same cut as String (with a "…" row), and a line with the dimensions
// when cut. Everything is escaped with html.EscapeString.
func (t *Table) HTML() string {
	rows, cut := t.shownRows()
	cells := t.cells(rows)
	esc := html.EscapeString
	var b strings.Builder
	b.WriteString("<table class=\"workbench-table\">\n<thead>\n<tr><th></th>")
	for _, c := range t.cols {
		fmt.Fprintf(&b, "<th>%s</th>", esc(c.Name))
	}
	b.WriteString("</tr>\n<tr class=\"dtype\"><th></th>")
	for _, c := range t.cols {
		fmt.Fprintf(&b, "<td><small>%s</small></td>", esc(c.dtypeName()))
	}
	b.WriteString("</tr>\n</thead>\n<tbody>\n")
	for k, i := range rows {
		if i < 0 {
			b.WriteString("<tr><th>…</th>")
			for range t.cols {
				b.WriteString("<td>…</td>")
			}
			b.WriteString("</tr>\n")
			continue
		}
		fmt.Fprintf(&b, "<tr><th>%d</th>", i)
		for j := range t.cols {
			fmt.Fprintf(&b, "<td>%s</td>", esc(strings.TrimPrefix(cells[j][k], " ")))
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>")
	if cut {
		fmt.Fprintf(&b, "\n<p>%d rows × %d columns</p>", t.NumRows(), len(t.cols))
	}
	return b.String()
}

// dtypeName is the type a column shows in HTML's header.
func (c *Column) dtypeName() string {
	switch c.Kind {
	case String:
		return "string"
	case Time:
		return "datetime"
	case Bool:
		return "bool"
	}
	return c.Values.DType().String()
}

// formatColumn formats every value of c for display as pandas does, with
// a leading space where a number has no minus sign (and before bools and
// strings), none before times.
func formatColumn(c *Column) []string {
	h := hostOf("", c)
	if h.vk == vFloat {
		return formatFloats(h.f, h.miss)
	}
	if h.vk == vTime {
		return formatTimes(h)
	}
	out := make([]string, h.len())
	for i := range out {
		var s string
		switch {
		case h.missing(i) && (h.vk == vInt || h.vk == vUint):
			s = "<NA>"
		case h.missing(i):
			s = "NaN"
		case h.vk == vInt:
			s = strconv.FormatInt(h.i[i], 10)
		case h.vk == vUint:
			s = strconv.FormatUint(h.u[i], 10)
		case h.vk == vBool:
			s = "False"
			if h.b[i] {
				s = "True"
			}
		case h.vk == vComplex:
			z := h.z[i]
			s = fmt.Sprintf("%s%+gj", strconv.FormatFloat(real(z), 'g', 6, 64), imag(z))
		case h.vk == vString:
			s = cellEscapes.Replace(h.s[i])
		}
		if !strings.HasPrefix(s, "-") || h.vk == vString {
			s = " " + s
		}
		if runes(s) > displayMaxWidth {
			s = string([]rune(s)[:displayMaxWidth-3]) + "..."
		}
		out[i] = s
	}
	return out
}

var cellEscapes = strings.NewReplacer("\n", `\n`, "\r", `\r`, "\t", `\t`)

var decimalNumber = regexp.MustCompile(`^\s*[+-]?[0-9]+\.[0-9]*$`)

// formatFloats formats a float column as pandas does by default: 6
// decimals, behind a space where there is no minus sign, then the trailing
// zeros that all values share trimmed (keeping one decimal); exponent form
// with 6 decimals when a value is smaller than 1e-6 in magnitude (but not
// 0), or when a value is larger than 1e6 and the trimmed fixed form is
// longer than 12 characters.
func formatFloats(x []float64, miss []bool) []string {
	out := make([]string, len(x))
	isMiss := func(i int) bool { return (miss != nil && miss[i]) || math.IsNaN(x[i]) }
	format := func(verb byte) {
		for i, v := range x {
			switch {
			case isMiss(i):
				out[i] = "NaN"
			case math.IsInf(v, 1):
				out[i] = " inf"
			case math.IsInf(v, -1):
				out[i] = "-inf"
			case math.Signbit(v):
				out[i] = strconv.FormatFloat(v, verb, 6, 64)
			default:
				out[i] = " " + strconv.FormatFloat(v, verb, 6, 64)
			}
		}
	}
	format('f')
	trimZeros(out)
	maxLen, large, small := 0, false, false
	for i, v := range x {
		maxLen = max(maxLen, len(out[i]))
		if isMiss(i) {
			continue
		}
		a := math.Abs(v)
		large = large || a > 1e6
		small = small || (a < 1e-6 && a > 0)
	}
	if small || (large && maxLen > 12) {
		format('e')
	}
	return out
}

// trimZeros drops the trailing zeros that all decimal numbers in out
// share, keeping one decimal, as pandas' _trim_zeros_float.
func trimZeros(out []string) {
	for {
		some, all := false, true
		for _, s := range out {
			if decimalNumber.MatchString(s) {
				some = true
				all = all && strings.HasSuffix(s, "0")
			}
		}
		if !some || !all {
			break
		}
		for i, s := range out {
			if decimalNumber.MatchString(s) {
				out[i] = s[:len(s)-1]
			}
		}
	}
	for i, s := range out {
		if decimalNumber.MatchString(s) && strings.HasSuffix(s, ".") {
			out[i] = s + "0"
		}
	}
}

// formatTimes formats a time column as pandas does: dates alone when every
// time is at midnight, else date and time, with as many fractional digits
// (3, 6 or 9) as the column needs; NaT when missing.
func formatTimes(h *hostCol) []string {
	out := make([]string, h.len())
	dateOnly, frac := true, 0
	for i, ns := range h.i {
		if h.missing(i) {
			continue
		}
		if ns%(24*int64(time.Hour)) != 0 {
			dateOnly = false
		}
		switch {
		case ns%1000 != 0:
			frac = 9
		case ns%1e6 != 0:
			frac = max(frac, 6)
		case ns%1e9 != 0:
			frac = max(frac, 3)
		}
	}
	layout := "2006-01-02"
	if !dateOnly {
		layout += " 15:04:05"
		if frac > 0 {
			layout += "." + strings.Repeat("0", frac)
		}
	}
	for i, ns := range h.i {
		if h.missing(i) {
			out[i] = "NaT"
			continue
		}
		out[i] = time.Unix(0, ns).UTC().Format(layout)
	}
	return out
}
