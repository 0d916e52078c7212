package kernels

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// The committed assembly must be what the avo generator in _asm writes now.
// The generator is its own module; running it needs the go command and the
// module proxy (or a module cache that holds avo).
func TestGeneratedAssemblyIsFresh(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("skipped: the go command is not on PATH, so the avo generator cannot run")
	}
	tmp := t.TempDir()
	cmd := exec.Command(gobin, "run", ".", "-out", filepath.Join(tmp, "trig_amd64.s"),
		"-stubs", filepath.Join(tmp, "trig_stub_amd64.go"), "-pkg", "kernels")
	cmd.Dir = "_asm"
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("running the generator in kernels/_asm: %v\n%s", err, out)
	}
	for _, name := range []string{"trig_amd64.s", "trig_stub_amd64.go"} {
		want, err := os.ReadFile(filepath.Join(tmp, name))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		// The first line names the command with its output paths.
		if !bytes.Equal(afterFirstLine(got), afterFirstLine(want)) {
			t.Errorf("%s is stale: run go generate ./kernels", name)
		}
	}
}

func afterFirstLine(b []byte) []byte {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[i+1:]
	}
	return b
}
