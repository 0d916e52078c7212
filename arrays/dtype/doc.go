// Package dtype names the element types of Workbench arrays and the rules that
// combine them: sizes, kinds, and the type promotion table of the Python array
// API standard (NumPy 2's rules where the standard is silent).
//
// It is a leaf package: anything in Workbench may import it.
package dtype
