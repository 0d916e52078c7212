// Command gen writes the data of package docs: the declarations and doc
// comments of the packages the interpreter binds, gathered from their Go
// source (see package docgen), as gzip-compressed JSON. go generate runs
// it in interp/docs:
//
//	go run ./gen -o docs.json.gz
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"workbench/interp/docs"
	"workbench/interp/docs/docgen"
)

func main() {
	out := flag.String("o", "docs.json.gz", "the file to write")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	d, err := docgen.Generate(".")
	if err != nil {
		return err
	}
	b, err := docs.Encode(d)
	if err != nil {
		return err
	}
	// Write beside the target, then rename: an interrupted run leaves the
	// old file whole.
	tmp, err := os.CreateTemp(filepath.Dir(out), ".docs-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return err
	}
	fmt.Printf("gen: %s: %d packages, %d bytes (%s)\n", out, len(d.Packages), len(b), d.Go)
	return nil
}
