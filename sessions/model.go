package sessions

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
)

// The nbformat version this package writes.
const (
	FormatMajor = 4
	FormatMinor = 5
)

// CellType is a cell's cell_type: "code", "markdown", "raw", or the type
// of a cell from a newer format that is kept as it is.
type CellType string

// The cell types of nbformat 4.
const (
	CodeCell     CellType = "code"
	MarkdownCell CellType = "markdown"
	RawCell      CellType = "raw"
)

// OutputType is an output's output_type.
type OutputType string

// The output types. OutputUpdateDisplayData is never stored: a kernel
// emits it to replace the data of an earlier display output with the same
// DisplayID, and Run does so.
const (
	OutputStream            OutputType = "stream"
	OutputDisplayData       OutputType = "display_data"
	OutputExecuteResult     OutputType = "execute_result"
	OutputError             OutputType = "error"
	OutputUpdateDisplayData OutputType = "update_display_data"
)

// MIME types with a meaning of their own to sessions.
const (
	MIMEText  = "text/plain"
	MIMEHTML  = "text/html"
	MIMEPNG   = "image/png"
	MIMESVG   = "image/svg+xml"
	MIMEArray = "application/vnd.workbench.array+json"
	MIMETable = "application/vnd.workbench.table+json"
	// MIMEProgress is the state of a progress bar, {"i":450,"n":1000}.
	MIMEProgress = "application/vnd.workbench.progress+json"
)

// Notebook is a session file: a Jupyter notebook of nbformat 4.
//
// Every key of the file that this package does not model is kept (in
// Metadata and in the Extra fields) and written back, so a notebook from
// Jupyter loads and saves without loss.
type Notebook struct {
	// Format and Minor are nbformat and nbformat_minor. Write writes
	// at least 4.5, the first version with cell ids.
	Format, Minor int
	// Metadata is the notebook's metadata, each key as raw JSON, but for
	// metadata.workbench, which is Record. (kernelspec and language_info
	// are here; see Language and SetGoMetadata.)
	Metadata map[string]json.RawMessage
	// Record is metadata.workbench, Workbench's reproducibility record;
	// nil when the file has none.
	Record *Record
	// Cells are the cells in order.
	Cells []*Cell
	// Extra holds the top-level keys other than cells, metadata,
	// nbformat and nbformat_minor.
	Extra map[string]json.RawMessage
}

// Cell is one cell of a notebook.
type Cell struct {
	// ID is the cell's id: 1 to 64 characters of a-z, A-Z, 0-9, "-" and
	// "_", unique in the notebook. Write gives a cell without one a fresh
	// id (see NewCellID).
	ID string
	// Type is the cell's type.
	Type CellType
	// Source is the cell's text, its lines joined.
	Source string
	// Metadata is the cell's metadata, each key as raw JSON, but for
	// metadata.workbench, which is Record.
	Metadata map[string]json.RawMessage
	// Record is the cell's metadata.workbench: its device, duration,
	// output digests and verify settings; nil when absent.
	Record *CellRecord
	// ExecutionCount is the code cell's execution count; nil for a cell
	// that has not run (null in the file). Unused for other types.
	ExecutionCount *int
	// Outputs are a code cell's outputs.
	Outputs []Output
	// Attachments are a markdown or raw cell's attachments (a MIME bundle
	// per file name), as raw JSON with multi-line strings joined; nil
	// when absent.
	Attachments json.RawMessage
	// Extra holds the cell's other keys. For a cell of an unknown type
	// that is everything but id, cell_type and metadata.
	Extra map[string]json.RawMessage
}

// Output is one output of a code cell.
type Output struct {
	// Type is the output_type.
	Type OutputType
	// Name is a stream's name, "stdout" or "stderr".
	Name string
	// Text is a stream's text.
	Text string
	// Data is the MIME bundle of display_data and execute_result.
	Data Bundle
	// Metadata is the output's metadata (display_data, execute_result),
	// each key as raw JSON.
	Metadata map[string]json.RawMessage
	// ExecutionCount is an execute_result's execution count (nil: null).
	ExecutionCount *int
	// DisplayID is the display_id that a kernel gives a display_data (in
	// its transient part) so that a later update_display_data can replace
	// it. It lives only while a notebook runs: files do not store it.
	DisplayID string
	// EName, EValue and Traceback describe an error: the kind, the message
	// and further lines.
	EName, EValue string
	Traceback     []string
	// Extra holds the output's other keys. For an output of an unknown
	// type that is everything but output_type.
	Extra map[string]json.RawMessage
}

// Bundle maps MIME types to content, as the kernel produces it: UTF-8
// text for text types (text/*, image/svg+xml and any type not listed
// below), the JSON text for JSON types (application/json and
// application/*+json, see IsJSONMIME), and the decoded bytes for binary
// types such as image/png (see IsBinaryMIME), which files store in base64.
type Bundle map[string][]byte

// IsJSONMIME reports whether a MIME type's data is a JSON value (nbformat's
// rule: application/json and application/...+json).
func IsJSONMIME(mime string) bool {
	return mime == "application/json" ||
		strings.HasPrefix(mime, "application/") && strings.HasSuffix(mime, "+json")
}

// IsBinaryMIME reports whether a MIME type's data is binary, stored in
// base64 in files: image/* but image/svg+xml, audio/*, video/*,
// application/pdf and application/octet-stream.
func IsBinaryMIME(mime string) bool {
	switch {
	case mime == MIMESVG:
		return false
	case strings.HasPrefix(mime, "image/"), strings.HasPrefix(mime, "audio/"), strings.HasPrefix(mime, "video/"):
		return true
	case mime == "application/pdf", mime == "application/octet-stream":
		return true
	}
	return false
}

// New returns an empty notebook of nbformat 4.5 with the kernelspec and
// language_info of Workbench's Go kernel.
func New() *Notebook {
	nb := &Notebook{Format: FormatMajor, Minor: FormatMinor}
	SetGoMetadata(nb, "")
	return nb
}

// NewCode returns a code cell with a fresh id.
func NewCode(source string) *Cell {
	return &Cell{ID: NewCellID(), Type: CodeCell, Source: source}
}

// NewMarkdown returns a markdown cell with a fresh id.
func NewMarkdown(source string) *Cell {
	return &Cell{ID: NewCellID(), Type: MarkdownCell, Source: source}
}

// Clone returns a deep copy of nb.
func (nb *Notebook) Clone() *Notebook {
	c := *nb
	c.Metadata = cloneRaw(nb.Metadata)
	c.Record = nb.Record.clone()
	c.Extra = cloneRaw(nb.Extra)
	c.Cells = make([]*Cell, len(nb.Cells))
	for i, cell := range nb.Cells {
		c.Cells[i] = cell.Clone()
	}
	return &c
}

// Clone returns a deep copy of c.
func (c *Cell) Clone() *Cell {
	d := *c
	d.Metadata = cloneRaw(c.Metadata)
	d.Record = c.Record.clone()
	d.ExecutionCount = clonePtr(c.ExecutionCount)
	d.Attachments = slices.Clone(c.Attachments)
	d.Extra = cloneRaw(c.Extra)
	if c.Outputs != nil {
		d.Outputs = make([]Output, len(c.Outputs))
		for i, o := range c.Outputs {
			d.Outputs[i] = o.Clone()
		}
	}
	return &d
}

// Clone returns a deep copy of o.
func (o Output) Clone() Output {
	p := o
	if o.Data != nil {
		p.Data = make(Bundle, len(o.Data))
		for k, v := range o.Data {
			p.Data[k] = slices.Clone(v)
		}
	}
	p.Metadata = cloneRaw(o.Metadata)
	p.ExecutionCount = clonePtr(o.ExecutionCount)
	p.Traceback = slices.Clone(o.Traceback)
	p.Extra = cloneRaw(o.Extra)
	return p
}

// ClearOutputs removes the outputs, execution counts and run records
// (device, duration, digests) of every code cell, keeping their verify
// settings.
func (nb *Notebook) ClearOutputs() {
	for _, c := range nb.Cells {
		if c.Type == CodeCell {
			c.clearRun()
		}
	}
}

func (c *Cell) clearRun() {
	c.Outputs = nil
	c.ExecutionCount = nil
	if c.Record != nil {
		c.Record.Device, c.Record.Duration, c.Record.Digests = "", 0, nil
		if c.Record.empty() {
			c.Record = nil
		}
	}
}

// FirstLine returns the first non-blank line of the cell's source,
// trimmed and cut to 60 characters, to name the cell in messages.
func (c *Cell) FirstLine() string {
	for line := range strings.SplitSeq(c.Source, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if r := []rune(line); len(r) > 60 {
			line = string(r[:59]) + "…"
		}
		return line
	}
	return ""
}

// Seed returns the seed recorded in the file (metadata.workbench.seed, or
// else the environment record's), and whether there is one.
func (nb *Notebook) Seed() (uint64, bool) {
	if nb.Record == nil {
		return 0, false
	}
	if nb.Record.Seed != nil {
		return *nb.Record.Seed, true
	}
	if nb.Record.Environment != nil {
		return nb.Record.Environment.Seed, true
	}
	return 0, false
}

func cloneRaw(m map[string]json.RawMessage) map[string]json.RawMessage {
	if m == nil {
		return nil
	}
	c := make(map[string]json.RawMessage, len(m))
	for k, v := range maps.All(m) {
		c[k] = slices.Clone(v)
	}
	return c
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}
