// Package docgen gathers the data of package docs from Go source: for
// every package that the interpreter binds (the keys of yaegi's
// stdlib.Symbols and of interp/symbols.Symbols) and for the predeclared
// identifiers (package builtin), it finds the source with go list, reads
// it with go/parser and go/doc, and keeps, for each exported member that
// the symbol tables bind, its declaration and doc comment, with the
// exported methods and fields of the bound types.
//
// It is used by the generator (interp/docs/gen, run by go generate) and by
// the test that checks the committed data is up to date. It needs the go
// command and the module's dependencies in the module cache.
package docgen
