package sessions

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// FormatError says what is wrong with a session file and where.
type FormatError struct {
	// Path is the file's name, when known.
	Path string
	// Line and Column (from 1; Column counts characters) locate the
	// problem; 0 when it concerns the file as a whole.
	Line, Column int
	// Msg says what is wrong.
	Msg string
}

// Error reads "path:line:column: message", leaving out what is unknown.
func (e *FormatError) Error() string {
	var b strings.Builder
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(":")
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, "%d:%d:", e.Line, e.Column)
	}
	if b.Len() > 0 {
		b.WriteString(" ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Read reads a notebook (nbformat 4 JSON) from r. Errors are
// *FormatError with the line and column of the problem: bad JSON, a value
// of the wrong kind, a notebook of another nbformat version.
func Read(r io.Reader) (*Notebook, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return Parse(src)
}

// Parse reads a notebook from its bytes, as Read does.
func Parse(src []byte) (*Notebook, error) {
	root, err := parseJSON(src)
	if err != nil {
		var je *jsonError
		if errors.As(err, &je) {
			line, col := lineCol(src, je.off)
			return nil, &FormatError{Line: line, Column: col, Msg: "bad JSON: " + je.msg}
		}
		return nil, err
	}
	d := &decoder{src: src}
	nb, err := d.notebook(root)
	if err != nil {
		return nil, err
	}
	nb.EnsureIDs()
	return nb, nil
}

// Load reads the session file at path: Jupytext's percent format (see
// ReadPercent) when its name ends in ".go", a notebook (see Read)
// otherwise. Errors name the file.
func Load(path string) (*Notebook, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var nb *Notebook
	if isPercentPath(path) {
		nb, err = ParsePercent(src)
	} else {
		nb, err = Parse(src)
	}
	if err != nil {
		var fe *FormatError
		if errors.As(err, &fe) {
			fe.Path = path
			return nil, fe
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return nb, nil
}

func isPercentPath(path string) bool { return strings.EqualFold(filepath.Ext(path), ".go") }

// decoder turns the JSON tree of a notebook into a Notebook.
type decoder struct {
	src []byte
}

// fail returns a FormatError at node n.
func (d *decoder) fail(n *jnode, format string, args ...any) error {
	e := &FormatError{Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Column = lineCol(d.src, n.off)
	}
	return e
}

// raw returns the compact JSON text of n.
func (d *decoder) raw(n *jnode) json.RawMessage {
	return compactJSON(n)
}

// rest puts the members of obj not named in known into a map of raw JSON.
func (d *decoder) rest(obj *jnode, known ...string) map[string]json.RawMessage {
	var m map[string]json.RawMessage
outer:
	for i, k := range obj.keys {
		for _, kk := range known {
			if k == kk {
				continue outer
			}
		}
		if m == nil {
			m = map[string]json.RawMessage{}
		}
		m[k] = d.raw(obj.vals[i])
	}
	return m
}

func (d *decoder) notebook(root *jnode) (*Notebook, error) {
	if root.kind != jObject {
		return nil, d.fail(root, "a notebook is a JSON object, not %s", root.kind)
	}
	major := root.get("nbformat")
	if major == nil {
		return nil, d.fail(root, "no nbformat key: this is not a Jupyter notebook")
	}
	v, ok := intValue(major)
	if !ok {
		return nil, d.fail(major, "nbformat must be an integer, not %s", describe(major))
	}
	switch {
	case v < FormatMajor:
		return nil, d.fail(major, "nbformat %d is too old: Workbench reads nbformat 4; convert the notebook with `jupyter nbconvert --to notebook --nbformat 4`", v)
	case v > FormatMajor:
		return nil, d.fail(major, "nbformat %d is newer than the nbformat 4 that Workbench reads", v)
	}
	nb := &Notebook{Format: v}
	if minor := root.get("nbformat_minor"); minor != nil {
		m, ok := intValue(minor)
		if !ok || m < 0 {
			return nil, d.fail(minor, "nbformat_minor must be a non-negative integer, not %s", describe(minor))
		}
		nb.Minor = m
	}
	if md := root.get("metadata"); md != nil {
		if md.kind != jObject {
			return nil, d.fail(md, "metadata must be an object, not %s", md.kind)
		}
		nb.Metadata = d.rest(md, "workbench", "orig_nbformat", "orig_nbformat_minor", "signature")
		if wb := md.get("workbench"); wb != nil {
			nb.Record = new(Record)
			if err := d.record(wb, "metadata.workbench", nb.Record); err != nil {
				return nil, err
			}
		}
	}
	cells := root.get("cells")
	if cells == nil {
		return nil, d.fail(root, "no cells key: this is not a notebook of nbformat 4")
	}
	if cells.kind != jArray {
		return nil, d.fail(cells, "cells must be a list, not %s", cells.kind)
	}
	nb.Cells = make([]*Cell, 0, len(cells.elems))
	for i, cn := range cells.elems {
		c, err := d.cell(cn, i)
		if err != nil {
			return nil, err
		}
		nb.Cells = append(nb.Cells, c)
	}
	nb.Extra = d.rest(root, "cells", "metadata", "nbformat", "nbformat_minor")
	return nb, nil
}

// record decodes a metadata.workbench object into v.
func (d *decoder) record(n *jnode, where string, v any) error {
	if n.kind != jObject {
		return d.fail(n, "%s must be an object, not %s", where, n.kind)
	}
	if err := json.Unmarshal(d.raw(n), v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			return d.fail(n, "%s.%s: %s is not %s", where, te.Field, te.Value, te.Type)
		}
		return d.fail(n, "%s: %v", where, err)
	}
	return nil
}

func (d *decoder) cell(n *jnode, i int) (*Cell, error) {
	where := fmt.Sprintf("cell %d", i+1)
	if n.kind != jObject {
		return nil, d.fail(n, "%s must be an object, not %s", where, n.kind)
	}
	tn := n.get("cell_type")
	if tn == nil || tn.kind != jString {
		return nil, d.fail(n, "%s has no cell_type string", where)
	}
	c := &Cell{Type: CellType(tn.s)}
	if id := n.get("id"); id != nil && id.kind == jString {
		c.ID = id.s // an invalid id gets a fresh one in EnsureIDs
	}
	if md := n.get("metadata"); md != nil {
		if md.kind != jObject {
			return nil, d.fail(md, "%s: metadata must be an object, not %s", where, md.kind)
		}
		c.Metadata = d.rest(md, "workbench", "trusted")
		if wb := md.get("workbench"); wb != nil {
			c.Record = new(CellRecord)
			if err := d.record(wb, where+": metadata.workbench", c.Record); err != nil {
				return nil, err
			}
		}
	}
	known := []string{"id", "cell_type", "metadata"}
	switch c.Type {
	case CodeCell, MarkdownCell, RawCell:
		known = append(known, "source", "attachments")
		src := n.get("source")
		if src == nil {
			return nil, d.fail(n, "%s has no source", where)
		}
		s, ok := joinStrings(src)
		if !ok {
			return nil, d.fail(src, "%s: source must be a string or a list of strings, not %s", where, describe(src))
		}
		c.Source = s
		if att := n.get("attachments"); att != nil {
			a, err := d.attachments(att, where)
			if err != nil {
				return nil, err
			}
			c.Attachments = a
		}
	}
	if c.Type == CodeCell {
		known = append(known, "execution_count", "outputs")
		if ec := n.get("execution_count"); ec != nil && ec.kind != jNull {
			v, ok := intValue(ec)
			if !ok {
				return nil, d.fail(ec, "%s: execution_count must be an integer or null, not %s", where, describe(ec))
			}
			c.ExecutionCount = &v
		}
		if outs := n.get("outputs"); outs != nil {
			if outs.kind != jArray {
				return nil, d.fail(outs, "%s: outputs must be a list, not %s", where, outs.kind)
			}
			c.Outputs = make([]Output, 0, len(outs.elems))
			for j, on := range outs.elems {
				o, err := d.output(on, fmt.Sprintf("%s, output %d", where, j+1))
				if err != nil {
					return nil, err
				}
				c.Outputs = append(c.Outputs, o)
			}
		}
	}
	c.Extra = d.rest(n, known...)
	return c, nil
}

// attachments checks a cell's attachments (file name to MIME bundle) and
// returns them as raw JSON with multi-line strings joined.
func (d *decoder) attachments(n *jnode, where string) (json.RawMessage, error) {
	if n.kind != jObject {
		return nil, d.fail(n, "%s: attachments must be an object, not %s", where, n.kind)
	}
	out := jobj()
	for i, name := range n.keys {
		b := n.vals[i]
		if b.kind != jObject {
			return nil, d.fail(b, "%s: attachment %q must be a MIME bundle (an object), not %s", where, name, b.kind)
		}
		nb := jobj()
		for j, mime := range b.keys {
			v := b.vals[j]
			if !IsJSONMIME(mime) {
				if s, ok := joinStrings(v); ok && v.kind == jArray {
					v = jstr(s)
				}
			}
			nb.set(mime, v)
		}
		out.set(name, nb)
	}
	return d.raw(out), nil
}

func (d *decoder) output(n *jnode, where string) (Output, error) {
	var o Output
	if n.kind != jObject {
		return o, d.fail(n, "%s must be an object, not %s", where, n.kind)
	}
	tn := n.get("output_type")
	if tn == nil || tn.kind != jString {
		return o, d.fail(n, "%s has no output_type string", where)
	}
	o.Type = OutputType(tn.s)
	known := []string{"output_type"}
	str := func(key string) (string, error) {
		v := n.get(key)
		if v == nil {
			return "", d.fail(n, "%s (%s) has no %s", where, o.Type, key)
		}
		s, ok := joinStrings(v)
		if !ok {
			return "", d.fail(v, "%s: %s must be a string, not %s", where, key, describe(v))
		}
		return s, nil
	}
	var err error
	switch o.Type {
	case OutputStream:
		known = append(known, "name", "text")
		if o.Name, err = str("name"); err != nil {
			return o, err
		}
		if o.Text, err = str("text"); err != nil {
			return o, err
		}
	case OutputDisplayData, OutputExecuteResult, OutputUpdateDisplayData:
		known = append(known, "data", "metadata")
		if data := n.get("data"); data != nil {
			if o.Data, err = d.bundle(data, where); err != nil {
				return o, err
			}
		}
		if md := n.get("metadata"); md != nil {
			if md.kind != jObject {
				return o, d.fail(md, "%s: metadata must be an object, not %s", where, md.kind)
			}
			o.Metadata = d.rest(md)
		}
		if o.Type == OutputExecuteResult {
			known = append(known, "execution_count")
			if ec := n.get("execution_count"); ec != nil && ec.kind != jNull {
				v, ok := intValue(ec)
				if !ok {
					return o, d.fail(ec, "%s: execution_count must be an integer or null, not %s", where, describe(ec))
				}
				o.ExecutionCount = &v
			}
		}
	case OutputError:
		known = append(known, "ename", "evalue", "traceback")
		if o.EName, err = str("ename"); err != nil {
			return o, err
		}
		if o.EValue, err = str("evalue"); err != nil {
			return o, err
		}
		if tb := n.get("traceback"); tb != nil {
			if tb.kind != jArray {
				return o, d.fail(tb, "%s: traceback must be a list of strings, not %s", where, tb.kind)
			}
			o.Traceback = make([]string, 0, len(tb.elems))
			for _, e := range tb.elems {
				if e.kind != jString {
					return o, d.fail(e, "%s: traceback must be a list of strings, not a list of %s", where, e.kind)
				}
				o.Traceback = append(o.Traceback, e.s)
			}
		}
	}
	o.Extra = d.rest(n, known...)
	return o, nil
}

func (d *decoder) bundle(n *jnode, where string) (Bundle, error) {
	if n.kind != jObject {
		return nil, d.fail(n, "%s: data must be a MIME bundle (an object), not %s", where, n.kind)
	}
	b := make(Bundle, len(n.keys))
	for i, mime := range n.keys {
		v := n.vals[i]
		if IsJSONMIME(mime) {
			b[mime] = compactJSON(v)
			continue
		}
		s, ok := joinStrings(v)
		if !ok {
			return nil, d.fail(v, "%s: %s data must be a string or a list of strings, not %s", where, mime, describe(v))
		}
		if IsBinaryMIME(mime) {
			data, err := decodeBase64(s)
			if err != nil {
				return nil, d.fail(v, "%s: %s data is not base64: %v", where, mime, err)
			}
			b[mime] = data
			continue
		}
		b[mime] = []byte(s)
	}
	return b, nil
}

// decodeBase64 decodes standard base64, ignoring line breaks and spaces.
func decodeBase64(s string) ([]byte, error) {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', ' ', '\t':
			return -1
		}
		return r
	}, s)
	return base64.StdEncoding.DecodeString(s)
}

// intValue returns the value of an integer node.
func intValue(n *jnode) (int, bool) {
	if n.kind != jNumber {
		return 0, false
	}
	v, err := strconv.Atoi(n.s)
	return v, err == nil
}

// describe names a node's kind, with its value when short.
func describe(n *jnode) string {
	switch n.kind {
	case jNumber:
		return "the number " + n.s
	case jString:
		if len(n.s) <= 20 {
			return "the string " + strconv.Quote(n.s)
		}
	}
	return n.kind.String()
}
