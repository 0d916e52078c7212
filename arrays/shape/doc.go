// Package shape holds the small, dependency-free rules about array shapes:
// sizes, C-contiguous strides, broadcasting, and normalising axes.
//
// It is a leaf package: anything in Workbench may import it.
package shape
