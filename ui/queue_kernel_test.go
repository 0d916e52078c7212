package ui

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"workbench/interp/client"
	"workbench/interp/jupyter"
)

// TestMain makes the test binary a kernel when WORKBENCH_KERNEL_MAIN=1, so
// that the flow tests can run cells in a real kernel process (started with
// Options.Command = [the test binary]).
func TestMain(m *testing.M) {
	if os.Getenv("WORKBENCH_KERNEL_MAIN") == "1" {
		os.Exit(jupyter.Main(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// startTestKernel starts this test binary as a kernel process.
func startTestKernel(t *testing.T) *client.Client {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a kernel process")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	c, err := client.Start(ctx, client.Options{
		Command:        []string{os.Args[0]},
		Env:            []string{"WORKBENCH_KERNEL_MAIN=1"},
		Workers:        1,
		InterruptGrace: 2 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// TestRealKernel types in a cell, presses Shift+Enter and sees the
// kernel's answer; then a cell that kills the kernel process, which the
// cell reports while the view goes on, and a restart.
func TestRealKernel(t *testing.T) {
	c := startTestKernel(t)
	h := newHarness(t, notebook(""))
	h.v.SetKernel(c)
	h.typeIn(0, "x := 1 + 1\nx")
	shiftEnter(h.focused())
	h.idle()
	if got := h.outputText(0); got != "2" {
		t.Fatalf("x := 1 + 1; x gives %q (outputs %+v)", got, h.cell(0).cell.Outputs)
	}
	if n := h.cell(0).cell.ExecutionCount; n == nil || *n != 1 {
		t.Errorf("count %v", n)
	}

	// An error points at its line.
	h.typeIn(1, "y := 3\nz := undefinedName + y")
	ctrlEnter(h.focused().(fyne.Shortcutable))
	h.idle()
	outs := h.cell(1).cell.Outputs
	if len(outs) != 1 || outs[0].Type != "error" || h.cell(1).editor.errLine != 2 {
		t.Errorf("error outputs %+v, line %d", outs, h.cell(1).editor.errLine)
	}

	// A panic in a goroutine of the cell ends the kernel process.
	h.v.InsertCell(true, "code")
	h.typeIn(2, "go func() { panic(\"boom\") }()\nselect {}")
	ctrlEnter(h.focused().(fyne.Shortcutable))
	h.idle()
	outs = h.cell(2).cell.Outputs
	if len(outs) == 0 || outs[len(outs)-1].EName != client.ErrKernelDied {
		t.Fatalf("after the crash: %+v", outs)
	}
	if !strings.Contains(h.lastStatus(), client.ErrKernelDied) {
		t.Errorf("status %q", h.lastStatus())
	}
	// Restart, and the view runs cells again.
	h.v.Restart(false)
	h.waitFor("the restart", func() bool { return strings.Contains(h.lastStatus(), "restarted") })
	h.v.Select(0)
	h.v.RunSelected(false)
	h.idle()
	if got := h.outputText(0); got != "2" {
		t.Errorf("after the restart: %q", got)
	}
}
