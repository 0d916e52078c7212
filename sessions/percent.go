package sessions

// Jupytext's percent format for Go: the notebook as a .go text file that
// diffs well. See https://jupytext.readthedocs.io/en/latest/formats-scripts.html.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// percentMarker starts every cell.
const percentMarker = "// %%"

var (
	percentType = regexp.MustCompile(`\[(markdown|md|raw)\]`)
	percentKey  = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]*=`)
)

// ReadPercent reads a session in Jupytext's percent format for Go:
//
//	// ---
//	// jupyter:
//	//   kernelspec:
//	//     display_name: Go (Workbench)
//	//     language: go
//	//     name: workbench
//	// ---
//
//	// %% [markdown]
//	// # A title
//	//
//	// Some text.
//
//	// %%
//	x := arrays.Linspace(0, 1, 5)
//	x
//
// The header, a YAML block in "// " comments between "// ---" lines, is
// optional; of it ReadPercent uses jupyter.kernelspec and
// jupyter.workbench (the file's verify settings, as JSON). A line
// "// %%" starts a code cell, "// %% [markdown]" (or [md]) a markdown
// cell and "// %% [raw]" a raw cell, whose lines are "// " comments (the
// marker is taken off). What follows the marker may give a title and the
// cell's metadata as key=JSON pairs: "// %% Load the data [markdown]
// tags=["setup"]". One blank line before the next marker separates the
// cells and is not part of the cell; text before the first marker is a
// code cell. Outputs are not stored: the notebook has none.
//
// Errors are *FormatError; the only one is text that is not UTF-8.
func ReadPercent(r io.Reader) (*Notebook, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return ParsePercent(src)
}

// ParsePercent reads a session in percent format from its bytes, as
// ReadPercent does.
func ParsePercent(src []byte) (*Notebook, error) {
	if !utf8.Valid(src) {
		off := 0
		for off < len(src) {
			r, size := utf8.DecodeRune(src[off:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			off += size
		}
		line, col := lineCol(src, off)
		return nil, &FormatError{Line: line, Column: col, Msg: "the file is not UTF-8 text"}
	}
	text := strings.TrimPrefix(string(src), "\ufeff")
	text = strings.TrimSuffix(text, "\n")
	var lines []string
	if text != "" {
		lines = strings.Split(text, "\n")
	}
	nb := &Notebook{Format: FormatMajor, Minor: FormatMinor}
	start := 0
	var kernel map[string]string
	if len(lines) > 0 && strings.TrimRight(lines[0], " \r") == "// ---" {
		for i := 1; i < len(lines); i++ {
			if strings.TrimRight(lines[i], " \r") == "// ---" {
				kernel = readHeader(nb, lines[1:i])
				start = i + 1
				break
			}
		}
	}
	if kernel != nil && kernel["name"] != "" {
		ks := map[string]any{"name": kernel["name"], "display_name": kernel["display_name"]}
		if kernel["language"] != "" {
			ks["language"] = kernel["language"]
		}
		b, _ := json.Marshal(ks)
		nb.Metadata = map[string]json.RawMessage{"kernelspec": b}
	}
	if l := nb.Language(); l == "" || l == Language {
		SetGoMetadata(nb, "")
	}

	// Each cell's lines run to the next marker; the text before the first
	// marker is a code cell when it is not blank.
	type pending struct {
		cell   *Cell
		marked bool
		lines  []string
	}
	cells := []pending{{cell: &Cell{Type: CodeCell}}}
	for _, line := range lines[start:] {
		if isMarker(line) {
			cells = append(cells, pending{cell: parseMarker(line), marked: true})
			continue
		}
		last := &cells[len(cells)-1]
		last.lines = append(last.lines, line)
	}
	if strings.TrimSpace(strings.Join(cells[0].lines, "")) == "" {
		cells = cells[1:]
	}
	for i, p := range cells {
		ls := p.lines
		if !p.marked {
			for len(ls) > 0 && strings.TrimSpace(ls[0]) == "" {
				ls = ls[1:]
			}
		}
		if i == len(cells)-1 || !p.marked {
			for len(ls) > 0 && strings.TrimSpace(ls[len(ls)-1]) == "" {
				ls = ls[:len(ls)-1]
			}
		} else if len(ls) > 0 && strings.TrimRight(ls[len(ls)-1], "\r") == "" {
			ls = ls[:len(ls)-1]
		}
		if p.cell.Type != CodeCell {
			ls = slices.Clone(ls)
			for j, l := range ls {
				ls[j] = uncomment(l)
			}
		}
		p.cell.Source = strings.Join(ls, "\n")
		nb.Cells = append(nb.Cells, p.cell)
	}
	nb.EnsureIDs()
	return nb, nil
}

func isMarker(line string) bool {
	line = strings.TrimRight(line, "\r")
	return line == percentMarker || strings.HasPrefix(line, percentMarker+" ")
}

func uncomment(l string) string {
	switch {
	case strings.HasPrefix(l, "// "):
		return l[3:]
	case strings.HasPrefix(l, "//"):
		return l[2:]
	}
	return l
}

// parseMarker reads a cell marker line: type, title and metadata.
func parseMarker(line string) *Cell {
	c := &Cell{Type: CodeCell}
	rest := strings.TrimSpace(strings.TrimRight(line, "\r")[len(percentMarker):])
	title, meta := rest, ""
	if loc := percentType.FindStringSubmatchIndex(rest); loc != nil {
		switch rest[loc[2]:loc[3]] {
		case "markdown", "md":
			c.Type = MarkdownCell
		case "raw":
			c.Type = RawCell
		}
		title, meta = strings.TrimSpace(rest[:loc[0]]), rest[loc[1]:]
	} else {
		for p := 0; p <= len(rest); p++ {
			if p > 0 && (p == len(rest) || rest[p-1] != ' ') {
				continue
			}
			if _, ok := parseMeta(rest[p:]); ok && strings.TrimSpace(rest[p:]) != "" {
				title, meta = strings.TrimSpace(rest[:p]), rest[p:]
				break
			}
		}
	}
	md, ok := parseMeta(meta)
	if !ok {
		title = strings.TrimSpace(title + " " + meta)
		md = nil
	}
	if title != "" {
		if md == nil {
			md = map[string]json.RawMessage{}
		}
		b, _ := json.Marshal(title)
		md["title"] = b
	}
	if wb, ok := md["workbench"]; ok {
		var r CellRecord
		if json.Unmarshal(wb, &r) == nil {
			c.Record = &r
			delete(md, "workbench")
		}
	}
	if len(md) > 0 {
		c.Metadata = md
	}
	return c
}

// parseMeta reads key=JSON pairs separated by spaces.
func parseMeta(s string) (map[string]json.RawMessage, bool) {
	var md map[string]json.RawMessage
	for {
		s = strings.TrimLeft(s, " ")
		if s == "" {
			return md, true
		}
		k := percentKey.FindString(s)
		if k == "" {
			return nil, false
		}
		s = s[len(k):]
		d := json.NewDecoder(strings.NewReader(s))
		var v json.RawMessage
		if err := d.Decode(&v); err != nil {
			return nil, false
		}
		n := int(d.InputOffset())
		if n < len(s) && s[n] != ' ' {
			return nil, false
		}
		if md == nil {
			md = map[string]json.RawMessage{}
		}
		j, err := parseJSON(v)
		if err != nil {
			return nil, false
		}
		md[k[:len(k)-1]] = compactJSON(j)
		s = s[n:]
	}
}

// readHeader reads the YAML header (lines without the "// ---" around
// them): it returns jupyter.kernelspec's keys and sets the file's verify
// settings from jupyter.workbench.
func readHeader(nb *Notebook, lines []string) map[string]string {
	kernel := map[string]string{}
	type level struct {
		indent int
		key    string
	}
	var path []level
	for _, l := range lines {
		l = strings.TrimRight(uncomment(l), " \r")
		if strings.TrimSpace(l) == "" || strings.HasPrefix(strings.TrimSpace(l), "#") {
			continue
		}
		indent := len(l) - len(strings.TrimLeft(l, " "))
		key, value, ok := strings.Cut(strings.TrimSpace(l), ":")
		if !ok {
			continue
		}
		for len(path) > 0 && path[len(path)-1].indent >= indent {
			path = path[:len(path)-1]
		}
		var keys []string
		for _, p := range path {
			keys = append(keys, p.key)
		}
		keys = append(keys, key)
		full := strings.Join(keys, ".")
		value = strings.TrimSpace(value)
		switch {
		case strings.HasPrefix(full, "jupyter.kernelspec.") && len(keys) == 3:
			kernel[key] = yamlUnquote(value)
		case full == "jupyter.workbench" && strings.HasPrefix(value, "{"):
			var r Record
			if json.Unmarshal([]byte(value), &r) == nil {
				nb.Record = &r
			}
		}
		if value == "" {
			path = append(path, level{indent, key})
		}
	}
	return kernel
}

func yamlUnquote(v string) string {
	switch {
	case len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'':
		return strings.ReplaceAll(v[1:len(v)-1], "''", "'")
	case len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"':
		if s, err := strconv.Unquote(v); err == nil {
			return s
		}
		return v[1 : len(v)-1]
	}
	return v
}

var yamlPlain = regexp.MustCompile(`^[A-Za-z0-9_(][A-Za-z0-9 _.()/+-]*$`)

func yamlQuote(s string) string {
	if yamlPlain.MatchString(s) && !strings.HasSuffix(s, " ") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// WritePercent writes nb in Jupytext's percent format for Go (see
// ReadPercent): a header with the kernelspec (and the file's verify
// settings), then each cell after its marker, markdown and raw cells as
// "// " comments, one blank line between cells. Outputs and the run record
// are left out; cell metadata is written as key=JSON on the marker line.
// Cells of unknown types are left out. A markdown or raw line that would
// read as a marker ("%% ...") is written without the space ("//%% ...").
// ReadPercent reads back the same
// sources and cell types (but for blank lines at the very end of the last
// cell).
func WritePercent(w io.Writer, nb *Notebook) error {
	var b bytes.Buffer
	ks := nb.KernelSpec()
	if ks.Name == "" {
		ks = KernelSpec{Name: KernelName, DisplayName: KernelDisplayName, Language: Language}
	}
	b.WriteString("// ---\n// jupyter:\n")
	b.WriteString("//   jupytext:\n//     text_representation:\n//       extension: .go\n//       format_name: percent\n//       format_version: '1.3'\n")
	b.WriteString("//   kernelspec:\n")
	fmt.Fprintf(&b, "//     display_name: %s\n", yamlQuote(ks.DisplayName))
	if ks.Language != "" {
		fmt.Fprintf(&b, "//     language: %s\n", yamlQuote(ks.Language))
	}
	fmt.Fprintf(&b, "//     name: %s\n", yamlQuote(ks.Name))
	if nb.Record != nil && nb.Record.Verify != nil {
		n, err := valueNode(Record{Verify: nb.Record.Verify}, "metadata.workbench.verify")
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "//   workbench: %s\n", compactJSON(n))
	}
	b.WriteString("// ---\n")
	for _, c := range nb.Cells {
		if c == nil || c.Type != CodeCell && c.Type != MarkdownCell && c.Type != RawCell {
			continue
		}
		b.WriteString("\n")
		b.WriteString(percentMarker)
		switch c.Type {
		case MarkdownCell:
			b.WriteString(" [markdown]")
		case RawCell:
			b.WriteString(" [raw]")
		}
		md := cloneRaw(c.Metadata)
		if c.Record != nil && c.Record.Verify != nil {
			if md == nil {
				md = map[string]json.RawMessage{}
			}
			n, err := valueNode(CellRecord{Verify: c.Record.Verify}, "metadata.workbench.verify")
			if err != nil {
				return err
			}
			md["workbench"] = compactJSON(n)
		}
		keys := make([]string, 0, len(md))
		for k := range md {
			if percentKey.MatchString(k + "=") {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			n, err := parseJSON(md[k])
			if err != nil {
				return fmt.Errorf("sessions: cell metadata %s is not valid JSON: %v", k, err)
			}
			fmt.Fprintf(&b, " %s=%s", k, compactJSON(n))
		}
		b.WriteString("\n")
		if c.Source != "" {
			for l := range strings.SplitSeq(c.Source, "\n") {
				if c.Type != CodeCell {
					switch {
					case l == "":
						l = "//"
					case isMarker("// " + l):
						l = "//" + l // not a marker; reads back the same
					default:
						l = "// " + l
					}
				}
				b.WriteString(l)
				b.WriteString("\n")
			}
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}
