package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"workbench/sessions"
)

// runExport is `workbench export FILE --to html|go|md [-o OUT]`.
func runExport(stdout, stderr io.Writer, args []string) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	to := fs.String("to", "", "the format: html (a self-contained page), md (Markdown, images beside it) or go (a Go program)")
	out := fs.String("o", "", "the file to write (default: FILE with the format's extension; - for standard output)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: workbench export FILE.ipynb --to html|md|go [-o OUT]")
		fmt.Fprintln(stderr, "\nWrites the session as a self-contained HTML page, as Markdown with its images in")
		fmt.Fprintln(stderr, "NAME_files/ beside it, or as a plain Go program that redoes its computation.")
		fmt.Fprintln(stderr)
		fs.PrintDefaults()
	}
	in, code, ok := parseFileArg(fs, args)
	if !ok {
		return code
	}
	ext := map[string]string{"html": ".html", "md": ".md", "markdown": ".md", "go": ".go"}[*to]
	if ext == "" {
		fmt.Fprintf(stderr, "workbench export: --to %q: want html, md or go\n", *to)
		return 2
	}
	nb, err := sessions.Load(in)
	if err != nil {
		fmt.Fprintf(stderr, "workbench export: %v\n", err)
		return 1
	}
	dest := *out
	if dest == "" {
		dest = strings.TrimSuffix(in, filepath.Ext(in)) + ext
		if ext == ".go" && strings.EqualFold(filepath.Ext(in), ".go") {
			dest = strings.TrimSuffix(in, filepath.Ext(in)) + ".main.go"
		}
	}
	name := strings.TrimSuffix(filepath.Base(dest), filepath.Ext(dest))
	if dest == "-" {
		name = strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))
	}
	opts := sessions.ExportOptions{Name: name}
	var buf bytes.Buffer
	var files map[string][]byte
	switch ext {
	case ".html":
		err = sessions.ExportHTML(&buf, nb, opts)
	case ".md":
		files, err = sessions.ExportMarkdown(&buf, nb, opts)
	case ".go":
		err = sessions.ExportGo(&buf, nb, opts)
	}
	if err != nil {
		fmt.Fprintf(stderr, "workbench export: %s: %v\n", in, err)
		return 1
	}
	if dest == "-" {
		if len(files) > 0 {
			fmt.Fprintln(stderr, "workbench export: -o -: the Markdown's images need a folder; name a file with -o")
			return 2
		}
		stdout.Write(buf.Bytes())
		return 0
	}
	if abs(dest) == abs(in) {
		fmt.Fprintf(stderr, "workbench export: %s would overwrite the session itself; name another file with -o\n", dest)
		return 2
	}
	dir := filepath.Dir(dest)
	for rel, b := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			fmt.Fprintf(stderr, "workbench export: %v\n", err)
			return 1
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			fmt.Fprintf(stderr, "workbench export: %v\n", err)
			return 1
		}
	}
	if err := os.WriteFile(dest, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintf(stderr, "workbench export: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "wrote %s", dest)
	if len(files) > 0 {
		fmt.Fprintf(stderr, " and %d files beside it", len(files))
	}
	fmt.Fprintln(stderr)
	return 0
}

func abs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}
