package test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"workbench/interp/docs"
)

// TestReadmeCoverageTable checks the README's table of the array API
// standard's names: every Go name it gives exists in the package it names
// and is bound in the interpreter (interp/docs is gathered from the
// interpreter's symbol tables), and every absent name says why.
func TestReadmeCoverageTable(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	start := strings.Index(text, "<!-- coverage -->")
	end := strings.Index(text, "<!-- /coverage -->")
	if start < 0 || end < start {
		t.Fatal("README.md has no coverage table between <!-- coverage --> and <!-- /coverage -->")
	}
	paths := map[string]string{
		"arrays": "workbench/arrays",
		"linalg": "workbench/arrays/linalg",
		"fft":    "workbench/arrays/fft",
	}
	goName := regexp.MustCompile("^`([A-Za-z]+)\\.([A-Za-z0-9]+)`")
	rows, absent := 0, 0
	for _, line := range strings.Split(text[start:end], "\n") {
		cells := strings.Split(strings.Trim(line, "| "), " | ")
		if len(cells) < 3 || !strings.HasPrefix(cells[1], "`") {
			continue
		}
		rows++
		std, goCell := cells[1], cells[2]
		note := ""
		if len(cells) > 3 {
			note = strings.TrimSpace(cells[3])
		}
		if goCell == "—" {
			absent++
			if note == "" {
				t.Errorf("%s is marked absent without saying why", std)
			}
			continue
		}
		m := goName.FindStringSubmatch(goCell)
		if m == nil {
			t.Errorf("%s: cannot read the Go name %q (want `pkg.Name` or `Type.Method`)", std, goCell)
			continue
		}
		var ok bool
		switch m[1] {
		case "Array", "ArrayNamespaceInfo":
			_, ok = docs.Method("workbench/arrays", m[1], m[2])
		default:
			p, known := paths[m[1]]
			if !known {
				t.Errorf("%s: unknown package %q", std, m[1])
				continue
			}
			_, ok = docs.Lookup(p, m[2])
		}
		if !ok {
			t.Errorf("%s: the README says %s.%s, which the interpreter does not have", std, m[1], m[2])
		}
	}
	if rows < 200 {
		t.Errorf("the coverage table has %d rows; the standard v2025.12 with linalg and fft has over 200 names", rows)
	}
	t.Logf("%d names of the standard, %d absent", rows, absent)
}
