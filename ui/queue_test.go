package ui

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"workbench/interp/client"
	"workbench/sessions"
)

func TestQueuedCellsRunInOrder(t *testing.T) {
	h := newHarness(t, notebook("print a", "print b", "print c"))
	h.k.started = make(chan string, 10)
	h.v.RunAll()
	if !h.v.Running() {
		t.Fatal("not running after RunAll")
	}
	for i := range 3 {
		if h.cell(i).prompt.Text != "[*]:" {
			t.Errorf("cell %d prompt %q while queued", i, h.cell(i).prompt.Text)
		}
	}
	h.idle()
	if got := h.k.executed(); !slices.Equal(got, []string{"print a", "print b", "print c"}) {
		t.Errorf("ran %v", got)
	}
	for i, want := range []string{"a\n", "b\n", "c\n"} {
		if got := h.outputText(i); got != want {
			t.Errorf("cell %d: %q", i, got)
		}
		if n := h.cell(i).cell.ExecutionCount; n == nil || *n != i+1 {
			t.Errorf("cell %d: count %v", i, n)
		}
	}
	if !slices.Equal(h.ran, []int{0, 1, 2}) {
		t.Errorf("Ran events %v", h.ran)
	}
	// Run above and below.
	h.v.Select(1)
	h.v.RunAbove()
	h.idle()
	h.v.RunBelow()
	h.idle()
	if got := h.k.executed()[3:]; !slices.Equal(got, []string{"print a", "print b", "print c"}) {
		t.Errorf("above, then below ran %v", got)
	}
}

func TestRunningCellShowsBusy(t *testing.T) {
	h := newHarness(t, notebook("print start\nsleep", "value 2"))
	h.v.RunAll()
	h.waitFor("the first output", func() bool { return h.outputText(0) == "start\n" })
	cw := h.cell(0)
	if cw.state != running || cw.prompt.Text != "[*]:" || cw.runBtn.Icon.Name() != theme.MediaStopIcon().Name() {
		t.Errorf("running cell: state %v prompt %q", cw.state, cw.prompt.Text)
	}
	h.waitFor("the elapsed time", func() bool { return strings.HasSuffix(cw.timer.Text, "s") })
	if h.cell(1).state != queued || h.cell(1).timer.Text != "queued" {
		t.Errorf("second cell: state %v, %q", h.cell(1).state, h.cell(1).timer.Text)
	}
	// The view stays usable: edit another cell while it runs.
	h.typeIn(1, "\n")
	if h.v.editing != h.cell(1) {
		t.Error("cannot edit while a cell runs")
	}
}

func TestInterruptClearsQueue(t *testing.T) {
	h := newHarness(t, notebook("sleep", "value 1", "value 2"))
	h.k.started = make(chan string, 10)
	h.v.RunAll()
	<-h.k.started
	h.v.Interrupt()
	h.idle()
	if got := h.k.executed(); !slices.Equal(got, []string{"sleep"}) {
		t.Errorf("ran %v", got)
	}
	outs := h.cell(0).cell.Outputs
	if len(outs) != 1 || outs[0].EName != "Interrupted" {
		t.Errorf("interrupted cell's outputs: %+v", outs)
	}
	for i := 1; i < 3; i++ {
		if cw := h.cell(i); cw.state != idle || cw.prompt.Text != "[ ]:" {
			t.Errorf("cell %d: state %v prompt %q", i, cw.state, cw.prompt.Text)
		}
	}
	// The queue works again afterwards.
	h.v.Select(1)
	h.v.RunSelected(false)
	h.idle()
	if got := h.outputText(1); got != "1" {
		t.Errorf("after the interrupt: %q", got)
	}
}

// TestEscapeIIInterrupts: Esc leaves the editor, I I interrupts.
func TestEscapeIIInterrupts(t *testing.T) {
	h := newHarness(t, notebook("", "value 1"))
	h.k.started = make(chan string, 10)
	h.typeIn(0, "sleep")
	h.focused().TypedKey(key(fyne.KeyEscape))
	if h.v.editing != nil || h.focused() != h.v {
		t.Fatalf("Esc: editing %v, focus %T", h.v.editing, h.focused())
	}
	h.v.RunAll()
	<-h.k.started
	h.focused().TypedRune('i')
	if !h.v.Running() {
		t.Fatal("one I interrupted")
	}
	h.focused().TypedRune('i')
	h.idle()
	if got := h.k.executed(); !slices.Equal(got, []string{"sleep"}) {
		t.Errorf("ran %v", got)
	}
}

func TestKernelDeathShownOnCell(t *testing.T) {
	h := newHarness(t, notebook("print before\ndie", "value 1"))
	h.v.RunAll()
	h.idle()
	outs := h.cell(0).cell.Outputs
	if len(outs) != 2 || outs[1].EName != client.ErrKernelDied {
		t.Fatalf("outputs %+v", outs)
	}
	if got := h.k.executed(); len(got) != 1 {
		t.Errorf("the queue went on after the kernel died: %v", got)
	}
	if !strings.Contains(h.lastStatus(), client.ErrKernelDied) {
		t.Errorf("status %q", h.lastStatus())
	}
	if _, ok := h.cell(0).outs.views[1].(*errorOutput); !ok {
		t.Errorf("the death is shown as %T", h.cell(0).outs.views[1])
	}
	// The view lives on.
	h.v.Select(1)
	h.v.RunSelected(false)
	h.idle()
	if h.outputText(1) != "1" {
		t.Error("cannot run after the kernel died")
	}
}

func TestKernelErrorShownOnCell(t *testing.T) {
	h := newHarness(t, notebook("broken", "value 1"))
	h.v.RunAll()
	h.idle()
	outs := h.cell(0).cell.Outputs
	if len(outs) != 1 || outs[0].EName != "KernelError" || !strings.Contains(outs[0].EValue, "dead") {
		t.Fatalf("outputs %+v", outs)
	}
	if len(h.k.executed()) != 1 {
		t.Errorf("ran %v", h.k.executed())
	}
}

func TestErrorStopsQueueAndMarksLine(t *testing.T) {
	nb := notebook("value 1\nfail", "value 2", "value 3")
	h := newHarness(t, nb)
	h.v.RunAll()
	h.idle()
	if len(h.k.executed()) != 1 {
		t.Errorf("ran %v after an error", h.k.executed())
	}
	cw := h.cell(0)
	if cw.editor.errLine != 1 {
		t.Errorf("error line %d", cw.editor.errLine)
	}
	e, ok := cw.outs.views[1].(*errorOutput)
	if !ok {
		t.Fatalf("error shown as %T", cw.outs.views[1])
	}
	text := e.rich.String()
	for _, want := range []string{"CompileError", "undefined: y", "1 │ value 1", "    ^"} {
		if !strings.Contains(text, want) {
			t.Errorf("error text %q lacks %q", text, want)
		}
	}
	if !strings.Contains(h.lastStatus(), "failed") {
		t.Errorf("status %q", h.lastStatus())
	}
	// Typing clears the mark.
	h.typeIn(0, " ")
	if cw.editor.errLine != 0 {
		t.Error("the mark stays after an edit")
	}
	// A cell tagged raises-exception does not stop the queue.
	h2 := newHarness(t, notebook("fail", "value 2"))
	h2.cell(0).cell.Metadata = map[string]json.RawMessage{"tags": json.RawMessage(`["raises-exception"]`)}
	h2.v.RunAll()
	h2.idle()
	if len(h2.k.executed()) != 2 {
		t.Errorf("raises-exception: ran %v", h2.k.executed())
	}
}

func TestProgressUpdatesInPlace(t *testing.T) {
	h := newHarness(t, notebook("progress 7"))
	h.v.RunAll()
	h.idle()
	outs := h.cell(0).cell.Outputs
	if len(outs) != 1 || !strings.Contains(string(outs[0].Data[sessions.MIMEText]), "(7/7)") {
		t.Fatalf("outputs %+v", outs)
	}
	p, ok := h.cell(0).outs.views[0].(*progressOutput)
	if !ok {
		t.Fatalf("progress shown as %T", h.cell(0).outs.views[0])
	}
	if p.bar.Value != 7 || p.bar.Max != 7 || !strings.Contains(p.label.Text, "100%") {
		t.Errorf("bar %v/%v, label %q", p.bar.Value, p.bar.Max, p.label.Text)
	}
}

// TestOutputsLive: outputs show while the cell runs, before it ends.
func TestOutputsLive(t *testing.T) {
	h := newHarness(t, notebook("progress 3\nprint working\nsleep"))
	h.v.RunAll()
	h.waitFor("live outputs", func() bool { return len(h.cell(0).outs.views) == 2 })
	p := h.cell(0).outs.views[0].(*progressOutput)
	if p.bar.Value != 3 {
		t.Errorf("progress %v while running", p.bar.Value)
	}
	if !h.v.Running() {
		t.Error("the cell ended")
	}
	h.v.Interrupt()
	h.idle()
}

func TestRestart(t *testing.T) {
	h := newHarness(t, notebook("value 1", "value 2"))
	h.v.RunAll()
	h.idle()
	h.v.Restart(true)
	h.waitFor("the run after the restart", func() bool { return len(h.k.executed()) == 4 && !h.v.Running() })
	if h.k.restarts != 1 {
		t.Errorf("%d restarts", h.k.restarts)
	}
	if n := h.cell(1).cell.ExecutionCount; n == nil || *n != 2 {
		t.Errorf("count after restart %v", n)
	}
	// No kernel: nothing runs, the shell is told.
	h.v.SetKernel(nil)
	h.v.RunAll()
	if h.v.Running() || !strings.Contains(h.lastStatus(), "No kernel") {
		t.Errorf("without a kernel: running %v, status %q", h.v.Running(), h.lastStatus())
	}
}

func TestClearOutputs(t *testing.T) {
	h := newHarness(t, notebook("value 1", "value 2"))
	h.v.RunAll()
	h.idle()
	h.v.Select(0)
	h.v.ClearOutputs(false)
	if c := h.cell(0).cell; len(c.Outputs) != 0 || c.ExecutionCount != nil || len(h.cell(0).outs.views) != 0 {
		t.Errorf("cell 0 after clearing: %+v", c)
	}
	if len(h.cell(1).cell.Outputs) != 1 {
		t.Error("clearing one cleared another")
	}
	h.v.ClearOutputs(true)
	for _, c := range h.v.Document().Cells {
		if len(c.Outputs) != 0 || c.ExecutionCount != nil || c.Record != nil {
			t.Errorf("after clearing all: %+v", c)
		}
	}
}

func TestLargeOutputCut(t *testing.T) {
	h := newHarness(t, notebook("lines 2600"))
	start := time.Now()
	h.v.RunAll()
	h.idle()
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("2600 lines took %v", d)
	}
	if n := strings.Count(h.outputText(0), "\n"); n != 2600 {
		t.Fatalf("the document has %d lines", n)
	}
	v := h.cell(0).outs.views[0].(*textOutput)
	shown := strings.Count(v.rich.String(), "\n") + 1
	if shown != textShowLines || !v.bar.Visible() || !strings.Contains(v.note.Text, "2,000 of 2,600 lines") {
		t.Errorf("shows %d lines, bar %v, note %q", shown, v.bar.Visible(), v.note.Text)
	}
	if v.all.Text != "Show all (2,600 lines)" {
		t.Errorf("button %q", v.all.Text)
	}
	v.all.OnTapped()
	if shown := strings.Count(v.rich.String(), "\n") + 1; shown != 2600 || v.bar.Visible() {
		t.Errorf("after Show all: %d lines, bar %v", shown, v.bar.Visible())
	}
	v.copyText()
	if got := h.app.Clipboard().Content(); got != h.outputText(0) {
		t.Errorf("copied %d bytes", len(got))
	}
}

// TestRestartAndRunAllWhileRunning: the cell cut short by the restart
// runs again with the others.
func TestRestartAndRunAllWhileRunning(t *testing.T) {
	h := newHarness(t, notebook("sleep", "value 2"))
	h.k.started = make(chan string, 10)
	h.v.RunAll()
	<-h.k.started
	h.v.Restart(true)
	// The fake's restart does not end the running cell: interrupt it as
	// the client's restart would.
	h.waitFor("the restart", func() bool { return strings.Contains(h.lastStatus(), "restarted") })
	if !h.v.q.runAll {
		t.Fatal("Run All did not wait for the running cell")
	}
	h.k.Interrupt()
	h.waitFor("the second run", func() bool { return len(h.k.executed()) == 2 })
	h.k.Interrupt()
	h.idle()
	if got := h.k.executed(); !slices.Equal(got, []string{"sleep", "sleep"}) {
		t.Errorf("ran %v", got)
	}
}

// TestNewDocumentWhileRunning: the old document's cell ends quietly.
func TestNewDocumentWhileRunning(t *testing.T) {
	h := newHarness(t, notebook("print old\nsleep", "value 1"))
	h.k.started = make(chan string, 10)
	h.v.RunAll()
	<-h.k.started
	old := h.v.Document()
	h.v.SetDocument(notebook("value new"))
	h.k.Interrupt()
	h.idle()
	if len(h.k.executed()) != 1 || len(old.Cells[0].Outputs) != 2 {
		t.Errorf("ran %v; old outputs %+v", h.k.executed(), old.Cells[0].Outputs)
	}
	if len(h.ran) != 0 {
		t.Errorf("Ran events for the old document: %v", h.ran)
	}
	h.v.RunAll()
	h.idle()
	if h.outputText(0) != "new" {
		t.Errorf("new document: %q", h.outputText(0))
	}
}
