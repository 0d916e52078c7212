package jupyter

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"

	"workbench/version"
)

// KernelName is the name Workbench's kernelspec is installed under.
const KernelName = "workbench"

// KernelSpec is the content of a kernelspec's kernel.json, which tells
// Jupyter's tools how to start a kernel. See
// https://jupyter-client.readthedocs.io/en/stable/kernels.html#kernel-specs.
type KernelSpec struct {
	// Argv is the command line; "{connection_file}" is replaced by the
	// path of the connection file.
	Argv        []string `json:"argv"`
	DisplayName string   `json:"display_name"`
	Language    string   `json:"language"`
	// InterruptMode is "signal" (SIGINT) or "message" (interrupt_request
	// on the control channel).
	InterruptMode string `json:"interrupt_mode,omitempty"`
	// Env is added to the kernel's environment.
	Env      map[string]string `json:"env,omitempty"`
	Metadata map[string]any    `json:"metadata,omitempty"`
}

// NewKernelSpec returns the kernelspec of the workbench binary exe: argv
// [exe, "kernel", "-f", "{connection_file}"], interrupts by message.
func NewKernelSpec(exe string) KernelSpec {
	return KernelSpec{
		Argv:          []string{exe, "kernel", "-f", "{connection_file}"},
		DisplayName:   "Go (Workbench)",
		Language:      "go",
		InterruptMode: "message",
		Metadata: map[string]any{
			"debugger":  false,
			"workbench": map[string]any{"version": version.Version},
		},
	}
}

// Install writes the kernelspec as kernelsDir/name/kernel.json (through a
// temporary file, renamed) and returns the kernelspec's folder.
func (k KernelSpec) Install(kernelsDir, name string) (string, error) {
	if name == "" || name != filepath.Base(name) || name == "." || name == ".." {
		return "", errors.New("jupyter: a kernel name must be a plain file name")
	}
	dir := filepath.Join(kernelsDir, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	b, err := json.MarshalIndent(k, "", "  ")
	if err != nil {
		return "", err
	}
	f, err := os.CreateTemp(dir, ".kernel-*.json")
	if err != nil {
		return "", err
	}
	_, err = f.Write(append(b, '\n'))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), filepath.Join(dir, "kernel.json"))
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return dir, nil
}

// ReadKernelSpec reads the kernel.json in a kernelspec's folder.
func ReadKernelSpec(dir string) (KernelSpec, error) {
	var k KernelSpec
	b, err := os.ReadFile(filepath.Join(dir, "kernel.json"))
	if err != nil {
		return k, err
	}
	err = json.Unmarshal(b, &k)
	return k, err
}

// UserKernelsDir returns the folder of the user's kernelspecs, as
// jupyter_core finds it: $JUPYTER_DATA_DIR/kernels, or else
// ~/Library/Jupyter/kernels on macOS, %APPDATA%\jupyter\kernels on Windows,
// and $XDG_DATA_HOME/jupyter/kernels (~/.local/share/jupyter/kernels)
// elsewhere.
func UserKernelsDir() (string, error) {
	if d := os.Getenv("JUPYTER_DATA_DIR"); d != "" {
		return filepath.Join(d, "kernels"), nil
	}
	home, err := os.UserHomeDir()
	switch runtime.GOOS {
	case "darwin":
		if err != nil {
			return "", err
		}
		return filepath.Join(home, "Library", "Jupyter", "kernels"), nil
	case "windows":
		if a := os.Getenv("APPDATA"); a != "" {
			return filepath.Join(a, "jupyter", "kernels"), nil
		}
		if err != nil {
			return "", err
		}
		return filepath.Join(home, "AppData", "Roaming", "jupyter", "kernels"), nil
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		return filepath.Join(x, "jupyter", "kernels"), nil
	}
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share", "jupyter", "kernels"), nil
}

// PrefixKernelsDir returns the kernelspec folder of an installation
// prefix (a virtual environment, /usr/local): prefix/share/jupyter/kernels.
func PrefixKernelsDir(prefix string) string {
	return filepath.Join(prefix, "share", "jupyter", "kernels")
}
