// Package interp is Workbench's kernel: it runs the Go in a notebook cell with
// the yaegi interpreter, with the arrays, plotting and devices packages bound,
// captures what the cell prints, turns values into display outputs (text, PNG,
// SVG, and a structured MIME type for arrays), completes names, and runs as a
// process of its own behind Jupyter's messaging protocol, with a Go client.
// (The kernel lands with issue 5; this package is a placeholder today.)
package interp
