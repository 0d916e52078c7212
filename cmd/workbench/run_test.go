package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"workbench/assets"
	"workbench/sessions"
)

// workbench runs the command line in-process and returns its exit status
// and what it printed.
func workbench(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = dispatch(&o, &e, args)
	return code, o.String(), e.String()
}

// writeFile writes a file in dir and returns its path.
func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const percentSession = `// %% [markdown]
// # A small session

// %%
x := arrays.Linspace(0, 1, 5)
fmt.Println("sum", x.Sum())

// %%
y := x.Mul(2).Add(rng.Random(5))
y

// %%
display(y.Shape(), "done")
`

func TestRunAndVerify(t *testing.T) {
	dir := t.TempDir()
	src := writeFile(t, dir, "small.go", percentSession)

	code, _, stderr := workbench(t, "run", src, "--seed", "7")
	if code != 0 {
		t.Fatalf("run: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "[1/3] cell 2 ok") || !strings.Contains(stderr, "[3/3] cell 4 ok") {
		t.Errorf("run's progress on stderr:\n%s", stderr)
	}
	out := filepath.Join(dir, "small.out.ipynb")
	nb, err := sessions.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	if seed, ok := nb.Seed(); !ok || seed != 7 {
		t.Errorf("recorded seed %d, %v; want 7", seed, ok)
	}
	if got := nb.Cells[1].Outputs; len(got) != 1 || got[0].Text != "sum 2.5\n" {
		t.Errorf("cell 2 outputs %+v", got)
	}
	if got := nb.Cells[2].Outputs; len(got) != 1 || got[0].Data[sessions.MIMEArray] == nil {
		t.Errorf("cell 3 outputs %+v, want an array", got)
	}
	if got := nb.Cells[3].Outputs; len(got) != 2 {
		t.Errorf("cell 4 outputs %+v, want two displays", got)
	}

	// The same file verifies, on any number of workers.
	for _, w := range []string{"1", "2"} {
		code, stdout, stderr := workbench(t, "verify", out, "--workers", w)
		if code != 0 || !strings.Contains(stdout, "came out the same") {
			t.Errorf("verify --workers %s: exit %d\n%s\n%s", w, code, stdout, stderr)
		}
	}

	// A changed number is caught, and the report names the cell.
	b, _ := os.ReadFile(out)
	changed := regexp.MustCompile(`"sum 2\.5\\n"`).ReplaceAll(b, []byte(`"sum 2.6\n"`))
	if bytes.Equal(changed, b) {
		t.Fatal("the test could not change the saved output")
	}
	bad := writeFile(t, dir, "changed.ipynb", string(changed))
	code, stdout, _ := workbench(t, "verify", bad)
	if code != 1 || !strings.Contains(stdout, "differs") || !strings.Contains(stdout, "cell 2") {
		t.Errorf("verify of a changed file: exit %d\n%s", code, stdout)
	}
}

func TestRunFailingCell(t *testing.T) {
	dir := t.TempDir()
	src := writeFile(t, dir, "fail.go", "// %%\nfmt.Println(1)\n// %%\na := arrays.Ones(3)\na.Add(arrays.Ones(4))\n// %%\nfmt.Println(3)\n")
	out := filepath.Join(dir, "executed.ipynb")
	code, _, stderr := workbench(t, "run", src, "-o", out)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	for _, want := range []string{"cell 2", "line 2, column 1", "shapes: (3,) and (4,)", "wrote " + out} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	nb, err := sessions.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	if nb.Cells[2].ExecutionCount != nil {
		t.Error("the cell after the failing one ran")
	}
	code, _, stderr = workbench(t, "run", src, "-o", out, "--allow-errors")
	if code != 1 || !strings.Contains(stderr, "3 of 3 code cells ran") {
		t.Errorf("--allow-errors: exit %d\n%s", code, stderr)
	}
}

func TestRunUsageErrors(t *testing.T) {
	dir := t.TempDir()
	src := writeFile(t, dir, "s.go", "// %%\n1\n")
	foreign := writeFile(t, dir, "py.ipynb", `{"cells": [], "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}, "language_info": {"name": "python"}}, "nbformat": 4, "nbformat_minor": 5}`)
	broken := writeFile(t, dir, "broken.ipynb", "{\"cells\": [\n  oops\n]}")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"run"}, 2, "Usage: workbench run"},
		{[]string{"run", src, "--inplace"}, 2, "percent-format Go file"},
		{[]string{"run", src, "-o", "x.ipynb", "--inplace"}, 2, "cannot be used together"},
		{[]string{"run", foreign}, 1, "not Go"},
		{[]string{"verify", foreign}, 2, "not Go"},
		{[]string{"run", broken}, 1, "broken.ipynb:2:"},
		{[]string{"verify", src}, 2, "no recorded seed"},
		{[]string{"run", filepath.Join(dir, "missing.ipynb")}, 1, "no such file"},
	} {
		code, _, stderr := workbench(t, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("workbench %v: exit %d, want %d with %q; stderr:\n%s", tc.args, code, tc.code, tc.want, stderr)
		}
	}
	if b, _ := os.ReadFile(broken); string(b) != "{\"cells\": [\n  oops\n]}" {
		t.Error("the broken file was changed")
	}
}

// TestExamplesVerify checks that every bundled example session comes out
// as saved (scripts/examples.sh re-runs them).
func TestExamplesVerify(t *testing.T) {
	dir := t.TempDir()
	for _, name := range assets.Examples() {
		b, err := assets.Example(name)
		if err != nil {
			t.Fatal(err)
		}
		p := writeFile(t, dir, name, string(b))
		code, stdout, stderr := workbench(t, "verify", p, "-q")
		if code != 0 {
			t.Errorf("%s does not verify (exit %d); re-run scripts/examples.sh if Workbench changed on purpose:\n%s\n%s", name, code, stdout, stderr)
		}
	}
}

func TestExport(t *testing.T) {
	dir := t.TempDir()
	b, err := assets.Example("plotting.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	in := writeFile(t, dir, "gallery.ipynb", string(b))
	for _, tc := range []struct {
		to, file string
		want     []string
	}{
		{"html", "gallery.html", []string{"<html", "data:image/png;base64,", "A plotting gallery"}},
		{"md", "gallery.md", []string{"# A plotting gallery", "```go", "](gallery_files/"}},
		{"go", "gallery.go", []string{"package main", "func main()", `"workbench/plotting"`}},
	} {
		code, _, stderr := workbench(t, "export", in, "--to", tc.to)
		if code != 0 {
			t.Fatalf("export --to %s: exit %d\n%s", tc.to, code, stderr)
		}
		got, err := os.ReadFile(filepath.Join(dir, tc.file))
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(string(got), w) {
				t.Errorf("--to %s: %s lacks %q", tc.to, tc.file, w)
			}
		}
		if tc.to == "html" && strings.Contains(string(got), `src="http`) {
			t.Error("the HTML page loads something from elsewhere")
		}
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "gallery_files", "*.png"))
	if len(pngs) != 4 {
		t.Errorf("%d images beside the Markdown, want 4: %v", len(pngs), pngs)
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"export", in}, 2, "want html, md or go"},
		{[]string{"export", in, "--to", "pdf"}, 2, "want html, md or go"},
		{[]string{"export", in, "--to", "html", "-o", in}, 2, "would overwrite the session"},
		{[]string{"export", in, "--to", "md", "-o", "-"}, 2, "need a folder"},
	} {
		code, _, stderr := workbench(t, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("workbench %v: exit %d, want %d with %q; stderr:\n%s", tc.args, code, tc.code, tc.want, stderr)
		}
	}
}
