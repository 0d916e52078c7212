//go:build !cgo

package main

import (
	"fmt"
	"io"
)

// appMain explains that a build without cgo has no desktop app.
func appMain(_, stderr io.Writer, _ []string) int {
	fmt.Fprintln(stderr, "this workbench was built without cgo: the desktop app is not included; use run, verify, kernel, export")
	return 1
}
