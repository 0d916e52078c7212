package ui

import (
	"flag"
	"fmt"
	"image/png"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"workbench/interp"
	"workbench/sessions"
)

var screenshots = flag.String("screenshots", "", "write screenshots of the view to this folder")

// harness is a notebook view in a test window, with the view's fyne.Do
// replaced by a queue that the test goroutine runs (pump), so that
// outputs arrive on the test's goroutine, as they would on the UI's.
type harness struct {
	t   testing.TB
	app fyne.App
	win fyne.Window
	v   *NotebookView
	k   *fakeKernel

	mu      sync.Mutex
	posted  []func()
	status  []string
	changed int
	ran     []int
}

func newHarness(t testing.TB, doc *sessions.Notebook) *harness {
	t.Helper()
	h := &harness{t: t, app: test.NewTempApp(t), k: newFakeKernel()}
	h.v = NewNotebookView(doc, h.k, ViewEvents{
		Changed: func() { h.changed++ },
		Ran:     func(i int) { h.ran = append(h.ran, i) },
		Status:  func(s string) { h.status = append(h.status, s) },
	})
	h.v.post = func(f func()) {
		h.mu.Lock()
		h.posted = append(h.posted, f)
		h.mu.Unlock()
	}
	h.win = test.NewWindow(h.v)
	h.win.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(func() {
		h.v.Interrupt()
		h.win.Close()
	})
	return h
}

// pump runs what the kernel's goroutines handed to the UI.
func (h *harness) pump() {
	for {
		h.mu.Lock()
		fs := h.posted
		h.posted = nil
		h.mu.Unlock()
		if len(fs) == 0 {
			return
		}
		for _, f := range fs {
			f()
		}
	}
}

// waitFor pumps until cond holds (10 s at most).
func (h *harness) waitFor(what string, cond func() bool) {
	h.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		h.pump()
		if cond() {
			return
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// idle waits until no cell runs or waits.
func (h *harness) idle() {
	h.t.Helper()
	h.waitFor("the queue to empty", func() bool { return !h.v.Running() })
}

// cell returns the widget of cell i.
func (h *harness) cell(i int) *cellWidget { return h.v.cells[i] }

// typeIn edits cell i and types text at its end.
func (h *harness) typeIn(i int, text string) {
	h.v.editCell(h.cell(i), 1<<30, 1<<30)
	test.Type(h.cell(i).editor.entry, text)
}

// shiftEnter presses Shift+Enter on f, as the desktop driver delivers it.
func shiftEnter(f fyne.Focusable) {
	if k, ok := f.(desktop.Keyable); ok {
		k.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		defer k.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	}
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// ctrlEnter presses Ctrl+Enter on f.
func ctrlEnter(f fyne.Shortcutable) {
	f.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
}

// focused returns what has the keyboard.
func (h *harness) focused() fyne.Focusable { return h.win.Canvas().Focused() }

// outputText is the text of cell i's outputs.
func (h *harness) outputText(i int) string {
	var b strings.Builder
	for _, o := range h.cell(i).cell.Outputs {
		b.WriteString(plainText(&o))
	}
	return b.String()
}

// notebook returns a notebook of code cells with these sources.
func notebook(sources ...string) *sessions.Notebook {
	nb := sessions.New()
	for _, s := range sources {
		nb.Cells = append(nb.Cells, sessions.NewCode(s))
	}
	return nb
}

func (h *harness) sources() []string {
	var s []string
	for _, c := range h.v.Document().Cells {
		s = append(s, c.Source)
	}
	return s
}

func (h *harness) lastStatus() string {
	if len(h.status) == 0 {
		return ""
	}
	return h.status[len(h.status)-1]
}

func TestOpenShowsCells(t *testing.T) {
	nb := notebook("x := 1", "x + 1")
	nb.Cells = append(nb.Cells, sessions.NewMarkdown("# Title"))
	h := newHarness(t, nb)
	if len(h.v.cells) != 3 || h.v.Selected() != 0 {
		t.Fatalf("%d cells, selected %d", len(h.v.cells), h.v.Selected())
	}
	if h.v.Running() || len(h.k.executed()) != 0 {
		t.Error("opening ran something")
	}
	// An empty notebook gets one empty code cell.
	h.v.SetDocument(sessions.New())
	if n := len(h.v.Document().Cells); n != 1 {
		t.Errorf("an empty notebook shows %d cells", n)
	}
}

func TestShiftEnterRunsAndAdvances(t *testing.T) {
	h := newHarness(t, notebook(""))
	h.typeIn(0, "print hello\nvalue 42")
	shiftEnter(h.focused())
	h.idle()
	if got := h.outputText(0); got != "hello\n42" {
		t.Errorf("outputs %q", got)
	}
	c := h.v.Document().Cells[0]
	if c.ExecutionCount == nil || *c.ExecutionCount != 1 || c.Source != "print hello\nvalue 42" {
		t.Errorf("cell: count %v source %q", c.ExecutionCount, c.Source)
	}
	if c.Record == nil || len(c.Record.Digests) != 2 {
		t.Errorf("no run record: %+v", c.Record)
	}
	// A new cell at the end, selected and edited.
	if len(h.v.cells) != 2 || h.v.Selected() != 1 || h.v.editing != h.cell(1) {
		t.Fatalf("after Shift+Enter: %d cells, selected %d", len(h.v.cells), h.v.Selected())
	}
	if h.focused() != h.cell(1).editor.entry {
		t.Errorf("focus on %T, not the new cell's editor", h.focused())
	}
	if !slices.Equal(h.ran, []int{0}) || h.changed == 0 {
		t.Errorf("events: ran %v, changed %d", h.ran, h.changed)
	}
	if got := h.cell(0).prompt.Text; got != "[1]:" {
		t.Errorf("prompt %q", got)
	}
}

func TestCtrlEnterStays(t *testing.T) {
	h := newHarness(t, notebook("", "value second"))
	h.typeIn(0, "value 1")
	ctrlEnter(h.focused().(fyne.Shortcutable))
	h.idle()
	if h.v.Selected() != 0 || len(h.v.cells) != 2 {
		t.Errorf("selected %d of %d cells", h.v.Selected(), len(h.v.cells))
	}
	if h.v.editing != nil || h.focused() != h.v {
		t.Errorf("not in command mode: editing %v, focus %T", h.v.editing, h.focused())
	}
	if got := h.outputText(0); got != "1" {
		t.Errorf("output %q", got)
	}
	// Again from command mode: the count goes up, the outputs are new.
	ctrlEnter(h.v)
	h.idle()
	if got := h.outputText(0); got != "1" || *h.cell(0).cell.ExecutionCount != 2 {
		t.Errorf("second run: %q, count %d", got, *h.cell(0).cell.ExecutionCount)
	}
}

func TestScreenshot(t *testing.T) {
	if *screenshots == "" {
		t.Skip("-screenshots not set")
	}
	for _, variant := range []string{"light", "dark"} {
		t.Run(variant, func(t *testing.T) {
			nb := notebook(
				"// Sum of squares\nfunc sq(x float64) float64 {\n\treturn x * x // squared\n}\nprint hello, world\nvalue 3.14",
				"progress 5\npng 480 240",
				"table",
				"value [[1 2 3]\n [4 5 6]]\nfail",
			)
			nb.Cells = append([]*sessions.Cell{sessions.NewMarkdown("# Heat equation\n\nSolve $u_t = \\alpha \\nabla^2 u$ on a *rod*, with `dt = 0.1`:\n\n- explicit Euler\n- see [the docs](https://go.dev)\n\n$$\\sum_{i=1}^{n} x_i^2 \\le \\frac{1}{2}$$")}, nb.Cells...)
			h := newHarness(t, nb)
			h.app.Settings().SetTheme(theme.LightTheme())
			if variant == "dark" {
				h.app.Settings().SetTheme(darkTheme())
			}
			h.v.RunAll()
			h.idle()
			h.v.Select(1)
			h.v.relayout()
			name := *screenshots + "/ui_view"
			if variant == "dark" {
				name += "_dark"
			}
			capture(t, h.win, name+".png")
			h.v.Select(len(h.v.cells) - 1)
			capture(t, h.win, name+"_end.png")
			// Editing, with the completion pop-up.
			h.v.Select(1)
			h.k.completions.Matches = testCandidates
			h.typeIn(1, "\nLo")
			h.cell(1).editor.entry.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeySpace, Modifier: fyne.KeyModifierControl})
			h.waitFor("the pop-up", func() bool { return h.v.comp != nil })
			capture(t, h.win, name+"_edit.png")
			if variant == "light" {
				h.v.closeCompletion()
				h.win.Canvas().(test.WindowlessCanvas).SetScale(2)
				h.v.Select(0)
				capture(t, h.win, *screenshots+"/ui_view_hidpi.png")
				h.win.Canvas().(test.WindowlessCanvas).SetScale(1)
				h.v.editCell(h.cell(0), 0, 0)
				capture(t, h.win, *screenshots+"/ui_view_markdown_edit.png")
			}
		})
	}
}

// darkTheme is Fyne's theme in its dark variant.
func darkTheme() fyne.Theme { return theme.DarkTheme() }

// capture writes a screenshot of win to path.
func capture(t *testing.T, win fyne.Window, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, win.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

// key is a key event.
func key(n fyne.KeyName) *fyne.KeyEvent { return &fyne.KeyEvent{Name: n} }

// TestManyCells: a notebook of 100 cells opens, and a cell that grows
// lays out, in reasonable time (no re-layout of everything per change).
func TestManyCells(t *testing.T) {
	var src []string
	for i := range 100 {
		src = append(src, fmt.Sprintf("// cell %d\nx%d := %d\nfor i := range 10 {\n\tx%d += i\n}\nprint x", i, i, i, i))
	}
	start := time.Now()
	h := newHarness(t, notebook(src...))
	open := time.Since(start)
	h.v.RunAll()
	h.idle()
	start = time.Now()
	for range 20 {
		h.typeIn(50, "\nvalue 1")
	}
	typing := time.Since(start)
	t.Logf("open 100 cells: %v; 20 new lines in cell 50: %v", open, typing)
	if open > 10*time.Second || typing > 5*time.Second {
		t.Errorf("too slow: open %v, typing %v", open, typing)
	}
}

// TestRunRecordsEnvironment checks that running a cell writes the kernel's
// environment record, seed and start time into the document, as workbench
// run does, keeping the file's verify settings; a kernel without a record
// writes none.
func TestRunRecordsEnvironment(t *testing.T) {
	h := newHarness(t, notebook("value 1"))
	h.v.Document().Record = &sessions.Record{Verify: &sessions.VerifySettings{Mask: []string{"x"}}}
	h.k.mu.Lock()
	h.k.env = interp.Environment{Arch: "amd64", OS: "linux", SIMD: "avx2", Workers: 4, Devices: []string{"cpu", "gpu"},
		GPU: "Some GPU, OpenGL 4.6", Seed: 42}
	h.k.mu.Unlock()
	before := time.Now().UTC().Add(-time.Second)
	h.v.RunAll()
	h.idle()
	r := h.v.Document().Record
	if r == nil || r.Environment == nil {
		t.Fatalf("no environment record after a run: %+v", r)
	}
	if e := r.Environment; e.Arch != "amd64" || e.SIMD != "avx2" || e.Workers != 4 || e.GPU != "Some GPU, OpenGL 4.6" {
		t.Errorf("environment record %+v", e)
	}
	if r.Seed == nil || *r.Seed != 42 {
		t.Errorf("seed %v, want 42", r.Seed)
	}
	if d, err := time.Parse(time.RFC3339, r.Date); err != nil || d.Before(before) {
		t.Errorf("date %q (%v), want the run's start", r.Date, err)
	}
	if r.Verify == nil || len(r.Verify.Mask) != 1 {
		t.Errorf("the verify settings were lost: %+v", r.Verify)
	}

	h2 := newHarness(t, notebook("value 1"))
	h2.v.RunAll()
	h2.idle()
	if r := h2.v.Document().Record; r != nil && r.Environment != nil {
		t.Errorf("a kernel without a record wrote %+v", r.Environment)
	}
}
