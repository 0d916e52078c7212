package sessions

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Jupyter's own tools, from Debian (scripts/setup.sh installs them).
const (
	debianPython  = "/usr/bin/python3"
	debianJupyter = "/usr/bin/jupyter"
)

// needJupyter fails the test when Debian's python3-nbformat and
// jupyter-nbconvert are missing, or skips it when WORKBENCH_SKIP_JUPYTER=1.
func needJupyter(t *testing.T) {
	t.Helper()
	var missing []string
	if err := exec.Command(debianPython, "-c", "import nbformat").Run(); err != nil {
		missing = append(missing, "python3-nbformat")
	}
	if _, err := os.Stat(debianJupyter + "-nbconvert"); err != nil {
		missing = append(missing, "jupyter-nbconvert")
	}
	if len(missing) == 0 {
		return
	}
	msg := "Jupyter's tools are missing: install them with `sudo apt-get install -y " + strings.Join(missing, " ") +
		"` (or run bash scripts/setup.sh)"
	if os.Getenv("WORKBENCH_SKIP_JUPYTER") == "1" {
		t.Skip(msg + "; skipped because WORKBENCH_SKIP_JUPYTER=1")
	}
	t.Fatal(msg + "; set WORKBENCH_SKIP_JUPYTER=1 to skip this test")
}

// checkScript validates each notebook with nbformat and checks that
// nbformat writes it back exactly as we wrote it.
const checkScript = `
import sys, nbformat
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    nb = nbformat.reads(text, as_version=4)
    nbformat.validate(nb)
    again = nbformat.writes(nb) + "\n"
    if again != text:
        a, b = text.splitlines(), again.splitlines()
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                sys.exit("%s: nbformat writes line %d as %r, we wrote %r" % (path, i + 1, y, x))
        sys.exit("%s: nbformat writes %d lines, we wrote %d" % (path, len(b), len(a)))
    print(path, "ok")
`

// TestJupyterTools runs a notebook through Run and saves it, then has
// Jupyter's nbformat validate it (and write it exactly as we did) and
// jupyter nbconvert render it to HTML. A notebook written by Jupyter and
// saved back by us passes the same checks.
func TestJupyterTools(t *testing.T) {
	needJupyter(t)
	dir := t.TempDir()

	nb := session()
	md := NewMarkdown("# A session\n\nWith an attachment: ![dot](attachment:dot.png)")
	md.Attachments = []byte(`{"dot.png":{"image/png":"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC"}}`)
	nb.Cells[0] = md
	nb.Cells = append(nb.Cells, NewCode("display p 0%\nupdate p 100%\nstderr a warning\nvalue π ≈ 3.14159\u2028<tag> & \"quotes\"\t\x01"))
	nb.Cells = append(nb.Cells, &Cell{Type: RawCell, Source: "raw text"})
	nb.Record = &Record{Verify: &VerifySettings{Mask: []string{`\d+ms`}, Tolerance: &Tolerance{RTol: 1e-9, ATol: 1e-300}}}
	if _, err := Run(context.Background(), nb, newFake(), RunOptions{ContinueOnError: true}); err == nil {
		t.Fatal("the failing cell did not fail")
	}
	ours := filepath.Join(dir, "workbench.ipynb")
	if err := Save(nb, ours); err != nil {
		t.Fatal(err)
	}
	theirs := filepath.Join(dir, "jupyter.ipynb")
	jnb, err := Load(filepath.Join("testdata", "jupyter_python.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	if err := Save(jnb, theirs); err != nil {
		t.Fatal(err)
	}

	out, err := exec.Command(debianPython, "-c", checkScript, ours, theirs).CombinedOutput()
	if err != nil {
		t.Fatalf("nbformat: %v\n%s", err, out)
	}

	cmd := exec.Command(debianJupyter, "nbconvert", "--to", "html", "--output-dir", dir, ours)
	cmd.Env = append(os.Environ(), "JUPYTER_CONFIG_DIR="+filepath.Join(dir, "config"), "JUPYTER_DATA_DIR="+filepath.Join(dir, "data"), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("jupyter nbconvert --to html: %v\n%s", err, out)
	}
	html, err := os.ReadFile(filepath.Join(dir, "workbench.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"took 12ms", "a warning", "data:image/png;base64,", "expected"} {
		if !strings.Contains(string(html), want) {
			t.Errorf("the HTML lacks %q", want)
		}
	}
}
