package jupyter

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestMain makes the test binary a Workbench kernel when
// WORKBENCH_KERNEL_MAIN=1: "jupyter.test kernel -f FILE" runs Main, as
// "workbench kernel -f FILE" does. TestJupyterClient starts it so.
func TestMain(m *testing.M) {
	if os.Getenv("WORKBENCH_KERNEL_MAIN") == "1" && len(os.Args) >= 2 && os.Args[1] == "kernel" {
		os.Exit(Main(os.Args[2:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

func TestMainCommand(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	prefix := t.TempDir()
	dir := t.TempDir()
	data := t.TempDir()
	t.Setenv("JUPYTER_DATA_DIR", data)
	for _, tc := range []struct {
		args   []string
		status int
		stdout string // a part of it
		stderr string
		spec   string // the kernelspec folder written
	}{
		{args: []string{"-h"}, stdout: "workbench kernel install"},
		{args: []string{"help"}, stdout: "Usage:"},
		{args: nil, status: 2, stderr: "-f CONNECTION_FILE is required"},
		{args: []string{"-f", "x.json", "extra"}, status: 2, stderr: `unexpected argument "extra"`},
		{args: []string{"--bogus"}, status: 2, stderr: "flag provided but not defined"},
		{args: []string{"-f", filepath.Join(dir, "missing.json")}, status: 1, stderr: "missing.json"},
		{args: []string{"install", "--prefix", prefix}, stdout: "installed kernelspec workbench in",
			spec: filepath.Join(prefix, "share", "jupyter", "kernels", "workbench")},
		{args: []string{"install", "--dir", dir, "--name", "wb2"}, stdout: "wb2", spec: filepath.Join(dir, "wb2")},
		{args: []string{"install"}, stdout: "installed", spec: filepath.Join(data, "kernels", "workbench")},
		{args: []string{"install", "--user"}, stdout: "installed", spec: filepath.Join(data, "kernels", "workbench")},
		{args: []string{"install", "--user", "--prefix", prefix}, status: 2, stderr: "one of"},
		{args: []string{"install", "--dir", dir, "--name", "../x"}, status: 1, stderr: "plain file name"},
	} {
		var stdout, stderr bytes.Buffer
		status := Main(tc.args, &stdout, &stderr)
		if status != tc.status || !strings.Contains(stdout.String(), tc.stdout) || !strings.Contains(stderr.String(), tc.stderr) {
			t.Errorf("Main(%q) = %d\nstdout: %s\nstderr: %s\nwant %d, stdout with %q, stderr with %q",
				tc.args, status, stdout.String(), stderr.String(), tc.status, tc.stdout, tc.stderr)
			continue
		}
		if tc.spec == "" {
			continue
		}
		k, err := ReadKernelSpec(tc.spec)
		if err != nil {
			t.Errorf("Main(%q): %v", tc.args, err)
			continue
		}
		want := []string{exe, "kernel", "-f", "{connection_file}"}
		if !reflect.DeepEqual(k.Argv, want) || k.DisplayName != "Go (Workbench)" || k.Language != "go" || k.InterruptMode != "message" {
			t.Errorf("Main(%q) wrote %+v", tc.args, k)
		}
	}
}

// python returns Debian's python3 with jupyter_client, or fails the test
// (skips it when WORKBENCH_SKIP_JUPYTER=1).
func python(t *testing.T) string {
	t.Helper()
	py := "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		if py, err = exec.LookPath("python3"); err != nil {
			py = ""
		}
	}
	var why string
	if py == "" {
		why = "python3 is not installed"
	} else if out, err := exec.Command(py, "-c", "import jupyter_client").CombinedOutput(); err != nil {
		why = py + " cannot import jupyter_client: " + strings.TrimSpace(string(out))
	}
	if why == "" {
		return py
	}
	if os.Getenv("WORKBENCH_SKIP_JUPYTER") == "1" {
		t.Skip(why + " (WORKBENCH_SKIP_JUPYTER=1)")
	}
	t.Fatal(why + ": install python3-jupyter-client (apt-get install python3-jupyter-client), or set WORKBENCH_SKIP_JUPYTER=1 to skip this test")
	return ""
}

// TestJupyterClient runs the kernel under Jupyter's own client library:
// testdata/drive_kernel.py starts this test binary as the kernel from a
// kernelspec, runs cells, completes, interrupts, restarts and shuts down.
func TestJupyterClient(t *testing.T) {
	py := python(t)
	tmp := t.TempDir()
	prefix := filepath.Join(tmp, "prefix")
	var stdout, stderr bytes.Buffer
	if Main([]string{"install", "--prefix", prefix}, &stdout, &stderr) != 0 {
		t.Fatalf("kernel install: %s", stderr.String())
	}
	// The test binary is the kernel when WORKBENCH_KERNEL_MAIN=1.
	specDir := filepath.Join(PrefixKernelsDir(prefix), KernelName)
	spec, err := ReadKernelSpec(specDir)
	if err != nil {
		t.Fatal(err)
	}
	spec.Env = map[string]string{"WORKBENCH_KERNEL_MAIN": "1", "WORKBENCH_SEED": "7"}
	if _, err := spec.Install(PrefixKernelsDir(prefix), KernelName); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	script, err := filepath.Abs(filepath.Join("testdata", "drive_kernel.py"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, py, script)
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(),
		"JUPYTER_PATH="+filepath.Join(prefix, "share", "jupyter"),
		"JUPYTER_DATA_DIR="+filepath.Join(tmp, "data"),
		"JUPYTER_RUNTIME_DIR="+filepath.Join(tmp, "runtime"),
		"JUPYTER_CONFIG_DIR="+filepath.Join(tmp, "config"),
		"JUPYTER_PLATFORM_DIRS=1",
		"PYTHONDONTWRITEBYTECODE=1",
	)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	runErr := cmd.Run()
	defer func() {
		if t.Failed() {
			t.Logf("drive_kernel.py stderr (the kernel's log too):\n%s", errOut.String())
		}
	}()
	var res struct {
		Error              string
		InterruptMode      string         `json:"interrupt_mode"`
		KernelInfo         map[string]any `json:"kernel_info"`
		Cells              []pyExec
		Complete           map[string]any
		IsComplete         map[string]any `json:"is_complete"`
		Interrupt          pyExec
		AfterInterrupt     pyExec `json:"after_interrupt"`
		Heartbeat          []any
		AfterRestart       pyExec `json:"after_restart"`
		AfterRestartNew    pyExec `json:"after_restart_new"`
		AliveAfterShutdown *bool  `json:"alive_after_shutdown"`
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatalf("drive_kernel.py: %v (%v); stdout:\n%s", err, runErr, out.String())
	}
	if res.Error != "" || runErr != nil {
		t.Fatalf("drive_kernel.py failed (%v):\n%s", runErr, res.Error)
	}

	if res.InterruptMode != "message" {
		t.Errorf("interrupt_mode %q", res.InterruptMode)
	}
	if res.KernelInfo["protocol_version"] != ProtocolVersion || res.KernelInfo["implementation"] != "workbench" {
		t.Errorf("kernel_info %v", res.KernelInfo)
	}
	if env, _ := res.KernelInfo["workbench"].(map[string]any); env["seed"] != 7.0 {
		t.Errorf("environment record %v: want seed 7 (from WORKBENCH_SEED)", env)
	}

	if len(res.Cells) != 3 {
		t.Fatalf("cells: %+v", res.Cells)
	}
	if got := res.Cells[0].text(); got != "stream stdout hello from Go\n" {
		t.Errorf("cell 1: %q", got)
	}
	c2 := res.Cells[1]
	if got := c2.text(); got != "execute_result array([1., 2., 3.])" || c2.Reply["execution_count"] != 2.0 {
		t.Errorf("cell 2: %q, reply %v", got, c2.Reply)
	}
	if c3 := res.Cells[2]; c3.Reply["status"] != "error" || !strings.Contains(c3.text(), "error CompileError line 2, column 10: undefined: nope") {
		t.Errorf("cell 3: %q, reply %v", c3.text(), c3.Reply)
	}

	if res.Complete["status"] != "ok" || res.Complete["cursor_end"] != 7.0 {
		t.Errorf("complete reply %v", res.Complete)
	}
	if res.IsComplete["status"] != "complete" {
		t.Errorf("is_complete reply %v", res.IsComplete)
	}

	if res.Interrupt.Reply["ename"] != "Interrupted" || !strings.Contains(res.Interrupt.text(), "error Interrupted") {
		t.Errorf("interrupt: reply %v, outputs %q", res.Interrupt.Reply, res.Interrupt.text())
	}
	if res.AfterInterrupt.text() != "execute_result array([1., 2., 3.])" {
		t.Errorf("after the interrupt: %q", res.AfterInterrupt.text())
	}
	if !reflect.DeepEqual(res.Heartbeat, []any{"ping 1", "ping 2"}) {
		t.Errorf("heartbeat echoes %v", res.Heartbeat)
	}

	if r := res.AfterRestart; r.Reply["status"] != "error" || !strings.Contains(r.text(), "undefined: x") {
		t.Errorf("after the restart, x should be gone: %q, reply %v", r.text(), r.Reply)
	}
	if r := res.AfterRestartNew; r.text() != "execute_result 10" || r.Reply["execution_count"] != 2.0 {
		t.Errorf("after the restart: %q, reply %v", r.text(), r.Reply)
	}
	if res.AliveAfterShutdown == nil || *res.AliveAfterShutdown {
		t.Errorf("the kernel is alive after shutdown_kernel")
	}
}

// pyExec is one execution as drive_kernel.py reports it.
type pyExec struct {
	Reply   map[string]any
	Outputs []struct {
		Type    string
		Content map[string]any
	}
}

// text writes the outputs in short: "stream stdout hello\n",
// "execute_result <text/plain>", "error <ename> <evalue>"; execute_input
// is left out.
func (e pyExec) text() string {
	var parts []string
	for _, o := range e.Outputs {
		switch o.Type {
		case "execute_input":
		case "stream":
			parts = append(parts, "stream "+o.Content["name"].(string)+" "+o.Content["text"].(string))
		case "execute_result", "display_data":
			data, _ := o.Content["data"].(map[string]any)
			s, _ := data["text/plain"].(string)
			parts = append(parts, o.Type+" "+s)
		case "error":
			parts = append(parts, "error "+o.Content["ename"].(string)+" "+o.Content["evalue"].(string))
		default:
			parts = append(parts, o.Type)
		}
	}
	return strings.Join(parts, "; ")
}
