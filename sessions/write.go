package sessions

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Write writes nb as nbformat 4.5 JSON the way Jupyter does (nbformat's
// writer): one space of indent per level, keys sorted, multi-line strings
// (sources, stream text, text/*, image/svg+xml and application/javascript
// data) as lists of lines, binary data in base64, and a final newline. A
// notebook that Jupyter wrote and Read read comes out byte for byte as it
// went in.
//
// Cells without a valid, unique id get a fresh one first (nb is changed).
// Write fails only on metadata that is not valid JSON, and on errors of w.
func Write(w io.Writer, nb *Notebook) error {
	b, err := Marshal(nb)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// Marshal returns nb as Write writes it.
func Marshal(nb *Notebook) ([]byte, error) {
	nb.EnsureIDs()
	root, err := encodeNotebook(nb)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	writeJSON(&buf, root, 0)
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// rawNode parses raw JSON for writing.
func rawNode(raw json.RawMessage, where string) (*jnode, error) {
	n, err := parseJSON(raw)
	if err != nil {
		return nil, fmt.Errorf("sessions: %s is not valid JSON: %v", where, err)
	}
	return n, nil
}

// valueNode turns a Go value into a node through encoding/json.
func valueNode(v any, where string) (*jnode, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("sessions: %s: %v", where, err)
	}
	n, err := rawNode(b, where)
	if err == nil {
		pythonNumbers(n)
	}
	return n, err
}

// addRaw adds the members of m to obj, but for those obj already has and
// those named in skip.
func addRaw(obj *jnode, m map[string]json.RawMessage, where string, skip ...string) error {
	for k, v := range m {
		if obj.get(k) != nil || slices.Contains(skip, k) {
			continue
		}
		n, err := rawNode(v, where+"."+k)
		if err != nil {
			return err
		}
		obj.set(k, n)
	}
	return nil
}

func encodeNotebook(nb *Notebook) (*jnode, error) {
	root := jobj()
	cells := jarr()
	cells.elems = []*jnode{}
	for i, c := range nb.Cells {
		if c == nil {
			return nil, fmt.Errorf("sessions: cell %d is nil", i+1)
		}
		n, err := encodeCell(c, fmt.Sprintf("cell %d", i+1))
		if err != nil {
			return nil, err
		}
		cells.elems = append(cells.elems, n)
	}
	root.set("cells", cells)
	md := jobj()
	if nb.Record != nil {
		n, err := valueNode(nb.Record, "metadata.workbench")
		if err != nil {
			return nil, err
		}
		md.set("workbench", n)
	}
	// nbformat's transient keys are never written.
	if err := addRaw(md, nb.Metadata, "metadata", "orig_nbformat", "orig_nbformat_minor", "signature"); err != nil {
		return nil, err
	}
	root.set("metadata", md)
	major := nb.Format
	if major == 0 {
		major = FormatMajor
	}
	root.set("nbformat", jint(major))
	root.set("nbformat_minor", jint(max(nb.Minor, FormatMinor)))
	if err := addRaw(root, nb.Extra, "notebook"); err != nil {
		return nil, err
	}
	return root, nil
}

func encodeCell(c *Cell, where string) (*jnode, error) {
	n := jobj()
	n.set("id", jstr(c.ID))
	n.set("cell_type", jstr(string(c.Type)))
	md := jobj()
	if c.Record != nil {
		r, err := valueNode(c.Record, where+": metadata.workbench")
		if err != nil {
			return nil, err
		}
		md.set("workbench", r)
	}
	if err := addRaw(md, c.Metadata, where+": metadata", "trusted"); err != nil {
		return nil, err
	}
	n.set("metadata", md)
	switch c.Type {
	case CodeCell, MarkdownCell, RawCell:
		n.set("source", multiline(c.Source))
		if c.Attachments != nil {
			a, err := rawNode(c.Attachments, where+": attachments")
			if err != nil {
				return nil, err
			}
			if a.kind == jObject {
				for _, b := range a.vals {
					if b.kind == jObject {
						splitBundle(b)
					}
				}
			}
			n.set("attachments", a)
		}
	}
	if c.Type == CodeCell {
		n.set("execution_count", countNode(c.ExecutionCount))
		outs := jarr()
		outs.elems = []*jnode{}
		for j, o := range c.Outputs {
			on, err := encodeOutput(o, fmt.Sprintf("%s, output %d", where, j+1))
			if err != nil {
				return nil, err
			}
			outs.elems = append(outs.elems, on)
		}
		n.set("outputs", outs)
	}
	if err := addRaw(n, c.Extra, where); err != nil {
		return nil, err
	}
	return n, nil
}

func countNode(p *int) *jnode {
	if p == nil {
		return jnull()
	}
	return jint(*p)
}

// splitBundle splits the multi-line strings of a MIME bundle as nbformat
// does: text/*, image/svg+xml and application/javascript.
func splitBundle(b *jnode) {
	for i, mime := range b.keys {
		if v := b.vals[i]; v.kind == jString && splitMIME(mime) {
			b.vals[i] = multiline(v.s)
		}
	}
}

func splitMIME(mime string) bool {
	return len(mime) >= 5 && mime[:5] == "text/" || mime == MIMESVG || mime == "application/javascript"
}

func encodeOutput(o Output, where string) (*jnode, error) {
	n := jobj()
	n.set("output_type", jstr(string(o.Type)))
	switch o.Type {
	case OutputStream:
		n.set("name", jstr(o.Name))
		n.set("text", multiline(o.Text))
	case OutputDisplayData, OutputExecuteResult, OutputUpdateDisplayData:
		data, err := encodeBundle(o.Data, where)
		if err != nil {
			return nil, err
		}
		n.set("data", data)
		md := jobj()
		if err := addRaw(md, o.Metadata, where+": metadata"); err != nil {
			return nil, err
		}
		n.set("metadata", md)
		if o.Type == OutputExecuteResult {
			n.set("execution_count", countNode(o.ExecutionCount))
		}
	case OutputError:
		n.set("ename", jstr(o.EName))
		n.set("evalue", jstr(o.EValue))
		tb := jstrs(o.Traceback)
		n.set("traceback", tb)
	}
	if err := addRaw(n, o.Extra, where); err != nil {
		return nil, err
	}
	return n, nil
}

// encodeBundle writes a MIME bundle as a file stores it.
func encodeBundle(b Bundle, where string) (*jnode, error) {
	n := jobj()
	for mime, v := range b {
		switch {
		case IsJSONMIME(mime):
			j, err := rawNode(v, where+": "+mime)
			if err != nil {
				return nil, err
			}
			n.set(mime, j)
		case IsBinaryMIME(mime):
			n.set(mime, jstr(base64.StdEncoding.EncodeToString(v)))
		case splitMIME(mime):
			n.set(mime, multiline(string(v)))
		default:
			n.set(mime, jstr(string(v)))
		}
	}
	return n, nil
}

// OverwriteError is returned by Save when asked to replace a file that
// is not a session file it can read: saving would destroy it.
type OverwriteError struct {
	Path string
	// Err says why the file does not load.
	Err error
}

// Error names the file and why it does not load.
func (e *OverwriteError) Error() string {
	return fmt.Sprintf("sessions: will not overwrite %s, which does not load as a session file (%v); save under another name", e.Path, e.Err)
}

// Unwrap returns why the file does not load.
func (e *OverwriteError) Unwrap() error { return e.Err }

// Save writes nb to path safely: into a temporary file in the same
// folder, synced, then renamed over path, so that a crash or a full disk
// never leaves a half-written file. A name ending in ".go" gets
// Jupytext's percent format (WritePercent, without outputs), any other a
// notebook (Write).
//
// Save never replaces a file that does not load (a damaged file, or one
// of another kind, such as a .go file without a "// %%" cell marker): it
// returns an *OverwriteError instead, so that a file that failed to open
// is never overwritten by what was opened in its place. An empty file may
// be replaced. The file keeps its permissions.
func Save(nb *Notebook, path string) error {
	var data []byte
	var err error
	if isPercentPath(path) {
		var buf bytes.Buffer
		err = WritePercent(&buf, nb)
		data = buf.Bytes()
	} else {
		data, err = Marshal(nb)
	}
	if err != nil {
		return err
	}
	mode := fs.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("sessions: will not overwrite %s: not a regular file", path)
		}
		mode = fi.Mode().Perm()
		if fi.Size() > 0 {
			if err := loadable(path); err != nil {
				var fe *FormatError
				if errors.As(err, &fe) {
					return &OverwriteError{Path: path, Err: err}
				}
				return fmt.Errorf("sessions: will not overwrite %s: %w", path, err)
			}
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return writeAtomic(path, data, mode)
}

// loadable returns why the file at path may not be replaced by a session:
// it does not load, or, for a .go file, it has neither a cell marker nor
// a percent-format header (it is Go source, not a session).
func loadable(path string) error {
	if _, err := Load(path); err != nil {
		return err
	}
	if !isPercentPath(path) {
		return nil
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for i, line := range strings.Split(string(src), "\n") {
		if isMarker(line) || i == 0 && strings.TrimRight(line, " \r") == "// ---" {
			return nil
		}
	}
	return &FormatError{Path: path, Msg: "no \"// %%\" cell marker: this is Go source, not a session in percent format"}
}

// writeAtomic writes data to a temporary file beside path and renames it
// over path.
func writeAtomic(path string, data []byte, mode fs.FileMode) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Chmod(mode); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp, path); err != nil {
		return err
	}
	if d, derr := os.Open(dir); derr == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
