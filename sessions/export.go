package sessions

// Exporting a notebook to other formats: a self-contained HTML page
// (export_html.go, with the Markdown renderer of export_markdown.go), a
// Markdown file with its images beside it (export_md.go) and a plain Go
// program (export_go.go). README-export.md describes them for the README.

import (
	"fmt"
	"regexp"
	"strings"
)

// ExportOptions configure ExportHTML, ExportMarkdown and ExportGo.
type ExportOptions struct {
	// Name is the notebook's base name, its file name without the
	// extension ("analysis" for analysis.ipynb). It names the folder of a
	// Markdown export's images ("analysis_files/...") and titles an HTML
	// page whose markdown has no heading. Empty means "notebook".
	Name string
	// Seed, when not nil, replaces the notebook's recorded seed as the
	// seed of the Go program's rng (see ExportGo).
	Seed *uint64
}

// name returns the base name, "notebook" when unset.
func (o ExportOptions) name() string {
	if n := strings.TrimSpace(o.Name); n != "" {
		return n
	}
	return "notebook"
}

// seed returns the seed of the exported program's rng, and whether the
// options or the notebook give one.
func (o ExportOptions) seed(nb *Notebook) (uint64, bool) {
	if o.Seed != nil {
		return *o.Seed, true
	}
	return nb.Seed()
}

// notebookTitle returns the text of the first heading of the notebook's
// markdown cells (ATX "# Title" or setext), with inline markup removed,
// or "" when there is none.
func notebookTitle(nb *Notebook) string {
	for _, c := range nb.Cells {
		if c.Type != MarkdownCell {
			continue
		}
		lines := strings.Split(strings.ReplaceAll(c.Source, "\r\n", "\n"), "\n")
		fence := ""
		for i, line := range lines {
			if f := fenceOpen(line); f != "" && fence == "" {
				fence = f
				continue
			} else if fence != "" {
				if fenceCloses(line, fence) {
					fence = ""
				}
				continue
			}
			if _, text, ok := atxHeading(line); ok && text != "" {
				return plainInline(text)
			}
			if i+1 < len(lines) && strings.TrimSpace(line) != "" && !strings.HasPrefix(line, "    ") {
				if _, ok := setextUnderline(lines[i+1]); ok {
					return plainInline(strings.TrimSpace(line))
				}
			}
		}
	}
	return ""
}

var (
	inlineMarks = regexp.MustCompile("[*_`]+")
	inlineLink  = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
)

// plainInline strips the common inline markup from a line of markdown
// for a title: links become their text, emphasis and code marks go.
func plainInline(s string) string {
	s = inlineLink.ReplaceAllString(s, "$1")
	s = inlineMarks.ReplaceAllString(s, "")
	return strings.TrimSpace(s)
}

// recordSummary returns the reproducibility record of the notebook in
// short phrases ("Workbench 0.1.0-dev", "go1.26.8", "linux/amd64", "SIMD
// avx2", "4 workers", "seed 42", "run 2026-03-01T12:00:00Z"), or nil
// when the file has no record.
func recordSummary(nb *Notebook) []string {
	r := nb.Record
	if r == nil {
		return nil
	}
	var parts []string
	if e := r.Environment; e != nil {
		if e.Workbench != "" {
			parts = append(parts, "Workbench "+e.Workbench)
		}
		if e.Go != "" {
			parts = append(parts, e.Go)
		}
		switch {
		case e.OS != "" && e.Arch != "":
			parts = append(parts, e.OS+"/"+e.Arch)
		case e.Arch != "":
			parts = append(parts, e.Arch)
		}
		if e.SIMD != "" {
			parts = append(parts, "SIMD "+e.SIMD)
		}
		if e.Workers > 0 {
			w := fmt.Sprintf("%d workers", e.Workers)
			if e.Workers == 1 {
				w = "1 worker"
			}
			parts = append(parts, w)
		}
		if len(e.Devices) > 0 {
			parts = append(parts, "devices "+strings.Join(e.Devices, ", "))
		}
	}
	if seed, ok := nb.Seed(); ok {
		parts = append(parts, fmt.Sprintf("seed %d", seed))
	}
	if r.Date != "" {
		parts = append(parts, "run "+r.Date)
	}
	return parts
}

// ansiEscape matches the terminal colour codes of tracebacks (IPython
// colours its errors).
var ansiEscape = regexp.MustCompile(`\x1b\[[0-9;?]*[ -/]*[@-~]`)

// stripANSI removes terminal escape sequences from text.
func stripANSI(s string) string {
	if !strings.Contains(s, "\x1b") {
		return s
	}
	return ansiEscape.ReplaceAllString(s, "")
}

// errorText is an error output as text: "EName: EValue", then the
// traceback lines that add to it.
func errorText(o Output) string {
	head := o.EName
	if o.EValue != "" {
		if head != "" {
			head += ": "
		}
		head += o.EValue
	}
	lines := []string{head}
	for _, l := range o.Traceback {
		l = strings.TrimRight(stripANSI(l), "\n")
		if l == "" || l == head || l == o.EValue {
			continue
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}

// imageMIMEs are the raster image types the exports show, richest
// first, with their file extensions.
var imageMIMEs = []struct{ mime, ext string }{
	{MIMEPNG, ".png"},
	{"image/jpeg", ".jpg"},
	{"image/gif", ".gif"},
	{"image/webp", ".webp"},
}

// isWorkbenchBundle says whether a bundle came from Workbench's kernel:
// it carries one of our structured MIME types (an array, a table, a
// progress bar), whose text/html is our own.
func isWorkbenchBundle(b Bundle) bool {
	for k := range b {
		if strings.HasPrefix(k, "application/vnd.workbench.") {
			return true
		}
	}
	return false
}
