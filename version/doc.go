// Package version says which Workbench this is: the release string and, when
// the binary was built from a version-control checkout, the revision it was
// built from.
//
// It is a leaf package that imports nothing of ours, so that the kernel, the
// session recorder and the command line can all report the same version.
package version
