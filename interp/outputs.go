package interp

// OutputType says what kind of output a cell produced, as Jupyter's
// message types do.
type OutputType uint8

// The output types.
const (
	// Stream is text a cell printed (Name is "stdout" or "stderr").
	Stream OutputType = iota + 1
	// DisplayData is a value shown with display(...), or a progress bar.
	DisplayData
	// UpdateDisplayData replaces an earlier DisplayData with the same DisplayID.
	UpdateDisplayData
	// ExecuteResult is the value of the cell's last expression.
	ExecuteResult
	// Error is a compile error, a panic or a runtime error.
	Error
)

func (t OutputType) String() string {
	switch t {
	case Stream:
		return "stream"
	case DisplayData:
		return "display_data"
	case UpdateDisplayData:
		return "update_display_data"
	case ExecuteResult:
		return "execute_result"
	case Error:
		return "error"
	}
	return "unknown"
}

// Bundle maps MIME types to content: UTF-8 text for text/* types, a JSON
// document for */*+json types, raw bytes for images (the protocol layer
// base64-encodes them).
type Bundle map[string][]byte

// The MIME types the kernel produces.
const (
	MIMEText     = "text/plain"
	MIMEHTML     = "text/html"
	MIMEPNG      = "image/png"
	MIMESVG      = "image/svg+xml"
	MIMEArray    = "application/vnd.workbench.array+json"
	MIMETable    = "application/vnd.workbench.table+json"
	MIMEProgress = "application/vnd.workbench.progress+json"
)

// Output is one output of a cell.
type Output struct {
	Type OutputType
	// Name is the stream's name for Stream outputs: "stdout" or "stderr".
	Name string
	// Text is the text of a Stream output.
	Text string
	// Data is the MIME bundle of DisplayData, UpdateDisplayData and
	// ExecuteResult outputs.
	Data Bundle
	// DisplayID ties an UpdateDisplayData to the DisplayData it replaces.
	DisplayID string
	// ErrName, ErrValue and Traceback describe an Error output: the kind
	// ("CompileError", "Panic", ...), the message with the line and column
	// within the cell, and further lines.
	ErrName, ErrValue string
	Traceback         []string
}

// Displayer is implemented by values that know how to show themselves in a
// notebook: they return their own MIME bundle (at least text/plain).
type Displayer interface {
	DisplayBundle() Bundle
}
