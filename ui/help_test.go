package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"workbench/interp"
)

func TestHelpPanel(t *testing.T) {
	h := newShellHarness(t)
	s := h.open()
	s.New()
	k := h.waitKernel().(*shellKernel)
	k.mu.Lock()
	k.inspect = interp.Inspection{Found: true, Name: "arrays.Zeros", Kind: "func",
		Signature: "func Zeros(shape ...any) *Array",
		Doc:       "Zeros returns a new array of the given shape, filled with zeros.\n\nExample:\n\n\tarrays.Zeros(2, 3)\n"}
	k.mu.Unlock()
	code, cursor, ok := "", 0, false
	s.help.cursorContext = func() (string, int, bool) { return code, cursor, ok }

	// No code editor has the focus: a hint.
	s.ShowHelp(true)
	if !strings.Contains(s.HelpText(), "Put the cursor on a name") {
		t.Errorf("help %q", s.HelpText())
	}
	// F1 (or Ctrl+I) with the cursor on a name.
	code, cursor, ok = "z := arrays.Zeros(3)", 14, true
	s.Window().Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyI, Modifier: fyne.KeyModifierShortcutDefault})
	h.wait("the help", func() bool { return strings.Contains(s.HelpText(), "Zeros returns a new array") })
	for _, want := range []string{"## arrays.Zeros", "func Zeros(shape ...any) *Array", "arrays.Zeros(2, 3)"} {
		if !strings.Contains(s.HelpText(), want) {
			t.Errorf("help lacks %q:\n%s", want, s.HelpText())
		}
	}
	// Following the cursor: a move asks again.
	k.mu.Lock()
	k.inspect = interp.Inspection{Found: true, Name: "z", Kind: "var", Signature: "var z *arrays.Array", Value: "[0 0 0]"}
	k.mu.Unlock()
	cursor = 1
	s.onSelected(0)
	h.wait("the new help", func() bool { return strings.Contains(s.HelpText(), "## z") })
	if !strings.Contains(s.HelpText(), "Value: `[0 0 0]`") {
		t.Errorf("help %q", s.HelpText())
	}
}

func TestAbout(t *testing.T) {
	h := newShellHarness(t)
	s := h.open()
	if got := s.aboutText(); !strings.Contains(got, "Kernel: not running") {
		t.Errorf("about without a kernel:\n%s", got)
	}
	s.New()
	h.waitKernel()
	got := s.aboutText()
	for _, want := range []string{"Workbench 0.1", "Fyne", "SIMD level avx512", "8 workers", "Devices: cpu"} {
		if !strings.Contains(got, want) {
			t.Errorf("about lacks %q:\n%s", want, got)
		}
	}
	s.MenuItem("Help", "About Workbench").Action()
	if s.Window().Canvas().Overlays().Top() == nil {
		t.Error("no About dialog")
	}
}
