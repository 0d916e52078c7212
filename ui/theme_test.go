package ui

import (
	"testing"

	"fyne.io/fyne/v2/theme"
)

func TestThemeToggle(t *testing.T) {
	h := newShellHarness(t)
	s := h.open()
	if s.ThemeMode() != ThemeSystem || !s.MenuItem("View", "System Theme").Checked {
		t.Errorf("default theme %q, want system", s.ThemeMode())
	}
	dark := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark)
	light := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight)

	s.MenuItem("View", "Dark Theme").Action()
	if s.ThemeMode() != ThemeDark || !s.MenuItem("View", "Dark Theme").Checked || s.MenuItem("View", "System Theme").Checked {
		t.Errorf("after Dark: mode %q", s.ThemeMode())
	}
	// Whatever the variant asked, the forced one wins.
	if got := h.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight); got != dark {
		t.Errorf("dark theme background %v, want %v", got, dark)
	}
	s.SetThemeMode(ThemeLight)
	if got := h.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantDark); got != light {
		t.Errorf("light theme background %v, want %v", got, light)
	}
	// Remembered for the next start.
	h2 := &shellHarness{t: t, app: h.app, opts: h.opts}
	if s2 := h2.open(); s2.ThemeMode() != ThemeLight {
		t.Errorf("next start's theme %q, want light", s2.ThemeMode())
	}
}
