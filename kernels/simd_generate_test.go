package kernels

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// The committed simd_amd64.s and its stubs must be what the generator in
// _asm/simd writes now (it needs the go command and avo in the module cache
// or from the proxy).
func TestGeneratedSIMDIsFresh(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("skipped: the go command is not on PATH, so the avo generator cannot run")
	}
	tmp := t.TempDir()
	cmd := exec.Command(gobin, "run", ".", "-out", filepath.Join(tmp, "simd_amd64.s"),
		"-stubs", filepath.Join(tmp, "simd_stub_amd64.go"), "-pkg", "kernels")
	cmd.Dir = filepath.Join("_asm", "simd")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("running the generator in kernels/_asm/simd: %v\n%s", err, out)
	}
	for _, name := range []string{"simd_amd64.s", "simd_stub_amd64.go"} {
		want, err := os.ReadFile(filepath.Join(tmp, name))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(afterFirstLine(got), afterFirstLine(want)) {
			t.Errorf("%s is stale: run go generate ./kernels", name)
		}
	}
}
