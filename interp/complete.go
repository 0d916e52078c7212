package interp

// Completion, inspection and the variables listing: what a front end asks
// of a session besides running cells.
//
// (Stubs: the contract for the kernel process and the client. Filled in by
// the engine's completion work.)

// Completion is the answer to a completion request: the names that fit at
// the cursor, and the part of the cell they replace.
type Completion struct {
	// Start and End are byte offsets into the cell: the text that a
	// chosen match replaces (the partial name before the cursor).
	Start, End int
	// Matches are the candidates, best first.
	Matches []Candidate
}

// Candidate is one name that fits.
type Candidate struct {
	// Name is the text to insert.
	Name string
	// Kind is "var", "const", "func", "type", "package", "method",
	// "field" or "keyword".
	Kind string
	// Signature is the declaration in short: "func Zeros(shape []int,
	// dt ...dtype.DType) *Array", "var x *arrays.Array".
	Signature string
	// Doc is the first sentence of the doc comment, if any.
	Doc string
}

// Inspection is the answer to an inspection request: what the name under
// the cursor is.
type Inspection struct {
	// Found is false when there is nothing known under the cursor.
	Found bool
	// Name is the qualified name: "arrays.Zeros", "(*arrays.Array).Sum",
	// "x".
	Name string
	// Signature is the declaration, as in Candidate.
	Signature string
	// Doc is the whole doc comment.
	Doc string
	// Value is a short form of the value, for session variables.
	Value string
}

// Variable is one variable of the session, for a variables panel.
type Variable struct {
	Name string `json:"name"`
	// Type is the Go type: "*arrays.Array", "int", "[]float64".
	Type string `json:"type"`
	// Shape and DType are set for arrays: "(3, 4)", "float64".
	Shape string `json:"shape,omitempty"`
	DType string `json:"dtype,omitempty"`
	// Summary is a short, one-line form of the value (at most about 80
	// characters).
	Summary string `json:"summary"`
}

// Complete returns the names that fit at byte offset cursor of cell:
// variables and functions in scope (the session's and the cell's own),
// package members after "pkg.", methods and fields after "value.", and
// keywords.
func (s *Session) Complete(cell string, cursor int) Completion {
	return Completion{Start: cursor, End: cursor}
}

// Inspect describes the name at byte offset cursor of cell (the name the
// cursor is in or just after).
func (s *Session) Inspect(cell string, cursor int) Inspection {
	return Inspection{}
}

// Variables lists the session's variables, sorted by name.
func (s *Session) Variables() []Variable {
	return nil
}

// IsComplete says whether cell is ready to run, as Jupyter's is_complete
// asks: "complete", "incomplete" (an open brace or parenthesis: more lines
// are coming; indent is what the next line should start with) or
// "invalid".
func IsComplete(cell string) (status, indent string) {
	return "complete", ""
}
