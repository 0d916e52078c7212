package symbols

import (
	"reflect"

	"github.com/traefik/yaegi/stdlib"
)

// The bound packages. Each line extracts a few packages into files named
// after their import paths (workbench-arrays.go, gonum_org-v1-gonum-mat.go,
// ...). yaegi extract prints an error for a package it cannot load and goes
// on with exit status 0, so read its output; TestGeneratedUpToDate replays
// these lines and fails on a stale, missing or extra file.
//
// yaegi extract takes an import path without a dot for a standard library
// package, so it marks our files with a go1.N build constraint: they must be
// regenerated when Go's minor version changes.
//
// Skipped by extract because generic: nothing. As of gonum v0.17.0 none of
// the bound gonum packages exports a generic function or type, nor do ours
// (DESIGN.md asks for a plain exported surface). Not bound, though it would
// extract whole: gonum.org/v1/gonum/floats (slice helpers such as floats.Sum,
// floats.Span, floats.Dot, which stat users often reach for).

//go:generate go run github.com/traefik/yaegi/cmd/yaegi@v0.16.1 extract workbench/arrays workbench/arrays/dtype workbench/arrays/shape workbench/arrays/random workbench/arrays/table workbench/arrays/linalg workbench/arrays/fft
//go:generate go run github.com/traefik/yaegi/cmd/yaegi@v0.16.1 extract workbench/plotting workbench/devices
//go:generate go run github.com/traefik/yaegi/cmd/yaegi@v0.16.1 extract gonum.org/v1/gonum/mat gonum.org/v1/gonum/stat gonum.org/v1/gonum/stat/distuv gonum.org/v1/gonum/optimize
//go:generate go run github.com/traefik/yaegi/cmd/yaegi@v0.16.1 extract gonum.org/v1/gonum/integrate/quad gonum.org/v1/gonum/interp gonum.org/v1/gonum/diff/fd gonum.org/v1/gonum/dsp/fourier

// Symbols maps "importpath/pkgname" to the exported symbols of a bound
// package, as yaegi's Interpreter.Use expects. The generated files fill it
// in their init functions.
var Symbols = map[string]map[string]reflect.Value{}

// All returns the symbol tables an interpreter must Use, in order: the Go
// standard library as yaegi ships it, then ours.
func All() []map[string]map[string]reflect.Value {
	return []map[string]map[string]reflect.Value{stdlib.Symbols, Symbols}
}
