// Package interp is Workbench's kernel: it runs cells of Go with yaegi,
// with the standard library, our packages (arrays, plotting, devices) and a
// curated set of gonum packages bound, captures what cells print, and turns
// values into display outputs keyed by MIME type, as Jupyter does.
//
// (The engine lands in parts with issue 5; the Jupyter-protocol kernel
// process and its client come after it.)
package interp
