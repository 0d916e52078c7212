package kernels

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// The committed assembly, stubs and tables must be what the avo generators
// in _asm write now. The generators are a module of their own; running them
// needs the go command and the module proxy (or a module cache that holds
// avo).
func TestGeneratedAssemblyIsFresh(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("skipped: the go command is not on PATH, so the avo generators cannot run")
	}
	for _, gen := range []struct {
		dir   string
		files [][2]string // generator flag, file written
	}{
		{"_asm", [][2]string{{"-out", "trig_amd64.s"}, {"-stubs", "trig_stub_amd64.go"}}},
		{"_asm/simd", [][2]string{{"-out", "simd_amd64.s"}, {"-stubs", "simd_stub_amd64.go"}}},
		{"_asm/explog", [][2]string{{"-out", "explog_amd64.s"}, {"-stubs", "explog_stub_amd64.go"}}},
		{"_asm/gemm", [][2]string{{"-out", "gemm_amd64.s"}, {"-stubs", "gemm_stub_amd64.go"}}},
		{"_asm/blas1", [][2]string{{"-out", "blas1_amd64.s"}, {"-stubs", "blas1_stub_amd64.go"}}},
		{"_asm/convert", [][2]string{{"-out", "convert_amd64.s"}, {"-stubs", "convert_stub_amd64.go"}}},
		{"_asm/intsimd", [][2]string{{"-out", "intsimd_amd64.s"}, {"-stubs", "intsimd_stub_amd64.go"}, {"-table", "intsimd_table_amd64.go"}}},
	} {
		t.Run(gen.dir, func(t *testing.T) {
			tmp := t.TempDir()
			args := []string{"run", "."}
			for _, f := range gen.files {
				args = append(args, f[0], filepath.Join(tmp, f[1]))
			}
			cmd := exec.Command(gobin, append(args, "-pkg", "kernels")...)
			cmd.Dir = filepath.FromSlash(gen.dir)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("running the generator in kernels/%s: %v\n%s", gen.dir, err, out)
			}
			for _, f := range gen.files {
				want, err := os.ReadFile(filepath.Join(tmp, f[1]))
				if err != nil {
					t.Fatal(err)
				}
				got, err := os.ReadFile(f[1])
				if err != nil {
					t.Fatal(err)
				}
				// The first line names the command with its output paths.
				if !bytes.Equal(afterFirstLine(got), afterFirstLine(want)) {
					t.Errorf("%s is stale: run go generate ./kernels", f[1])
				}
			}
		})
	}
}

func afterFirstLine(b []byte) []byte {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[i+1:]
	}
	return b
}
