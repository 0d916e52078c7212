// Package docs holds the doc comments and declarations of the packages
// that Workbench's interpreter binds: ours (arrays and its subpackages,
// plotting, devices), the bound gonum packages, the standard library
// packages that yaegi binds, and the predeclared identifiers (package
// "builtin"). The interpreter has only the compiled code of these
// packages, whose reflect types know neither parameter names nor doc
// comments; completion and inspection in a notebook read them here.
//
// The data is gathered from the Go source at build time by the generator
// in gen (see package docgen) and committed, gzip-compressed, as
// docs.json.gz, which is embedded. Regenerate it with
//
//	go generate ./interp/docs
//
// after changing a bound package's doc comments or exported surface, after
// regenerating the symbol tables (interp/symbols), or after upgrading Go or
// gonum; TestUpToDate fails while the data is stale.
//
// Only exported members that the symbol tables bind are kept (with the
// exported methods and fields of their types); internal packages are left
// out. The standard library part depends on the Go release the data was
// generated with, which [GoVersion] returns. Declarations are those of
// linux/amd64.
package docs
