// Package test holds Workbench's cross-package and end-to-end tests: the
// check that imports point one way (see DESIGN.md), and later whole sessions
// run through the command line and the desktop app driven under Xvfb. It has
// no code of its own besides its tests.
package test
