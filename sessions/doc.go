// Package sessions is the notebook document: cells, outputs and the
// reproducibility record kept under metadata.workbench, the .ipynb
// (nbformat 4.5) codec and Jupytext's percent format for Go, running a
// whole notebook through a kernel, and comparing a fresh run with the
// saved outputs (workbench verify).
//
// It imports none of the engine: it reaches the kernel only through its
// own Kernel interface with plain types, so it can be tested with a fake
// kernel and run headless.
//
// # The document
//
// A Notebook holds Cells (code, markdown, raw, or a type from a newer
// format, kept as it is); a code cell holds Outputs (stream, display_data,
// execute_result, error) whose data is a Bundle of MIME types. Every key
// of a file that the model does not name is kept, raw, in Metadata and
// the Extra fields, and written back: a notebook written by Jupyter (with
// another kernel's metadata, widget state, attachments, outputs of other
// MIME types) loads and saves without loss, and comes out byte for byte as
// nbformat writes it.
//
// # Files
//
// Read and Parse read nbformat 4 JSON; their errors (*FormatError) give
// the line and column of bad JSON and of values of the wrong kind, and
// name the nbformat version of a file that is too old or too new. Write
// and Marshal write as Jupyter does. Load and Save pick the format from
// the file name (".go" is the percent format, anything else a notebook);
// Save writes a temporary file beside the target and renames it, and
// never replaces a file that does not load (*OverwriteError).
// ReadPercent and WritePercent read and write Jupytext's percent format
// for Go, the notebook without its outputs as a .go text file.
//
// # Running
//
// Run runs a notebook's code cells (all, or those listed) through a
// Kernel, records outputs, execution counts, and the record of
// metadata.workbench (the kernel's Environment, the seed, the date, each
// cell's device, duration and output digests), and stops at the first
// failing cell unless told to go on; its error (*CellError) names the
// cell and the error. Workbench's kernel client implements Kernel; its
// outputs convert field by field (interp's Bundle has the same type as
// Bundle, its output type's String is the OutputType):
//
//	sessions.Output{Type: sessions.OutputType(o.Type.String()), Name: o.Name, Text: o.Text,
//		Data: sessions.Bundle(o.Data), DisplayID: o.DisplayID,
//		EName: o.ErrName, EValue: o.ErrValue, Traceback: o.Traceback}
//
// The client's Reply.Device, which the kernel's execute_reply gives
// ("gpu" for a cell whose arrays were moved to or computed on the GPU,
// else "cpu"), becomes ExecuteReply.Device.
//
// # Verifying
//
// Verify re-runs a saved notebook in a fresh kernel and Compare compares
// the outputs with the saved ones: text exactly after masking what the
// file marks volatile; arrays and tables (application/vnd.workbench.
// array+json and table+json) by their values, bit for bit when the two
// environment records agree in architecture and SIMD level (and, for a
// cell that ran on a GPU, name the same GPU), otherwise within tolerances
// (DefaultTolerance, DefaultFloat32Tolerance, or the file's); images by
// their pixels. The Report gives each code cell's verdict with the first
// difference and its size; Report.OK is the exit status of workbench
// verify. RefuseForeign refuses notebooks of other languages.
//
// README.md lists every key of metadata.workbench, in its section "The
// reproducibility record: metadata.workbench".
package sessions
