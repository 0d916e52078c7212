package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// ThemeMode is the window's choice of light or dark colours.
type ThemeMode string

// The theme modes of View ▸ Theme.
const (
	// ThemeSystem follows the system's light or dark setting (the
	// default).
	ThemeSystem ThemeMode = "system"
	// ThemeLight and ThemeDark force one variant.
	ThemeLight ThemeMode = "light"
	ThemeDark  ThemeMode = "dark"
)

// prefTheme is the preference key of the theme mode.
const prefTheme = "theme"

// ThemeMode returns the theme mode in use.
func (s *Shell) ThemeMode() ThemeMode { return s.themeMode }

// SetThemeMode switches between light, dark and the system's choice, and
// remembers it in the preferences.
func (s *Shell) SetThemeMode(m ThemeMode) {
	s.app.Preferences().SetString(prefTheme, string(m))
	s.applyTheme(m)
}

func (s *Shell) loadThemeMode() ThemeMode {
	switch m := ThemeMode(s.app.Preferences().StringWithFallback(prefTheme, string(ThemeSystem))); m {
	case ThemeLight, ThemeDark:
		return m
	}
	return ThemeSystem
}

func (s *Shell) applyTheme(m ThemeMode) {
	s.themeMode = m
	switch m {
	case ThemeLight:
		s.app.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	case ThemeDark:
		s.app.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	default:
		s.app.Settings().SetTheme(theme.DefaultTheme())
	}
	if s.menu != nil {
		s.menu.updateTheme()
	}
	if s.status != nil {
		s.updateStatus()
	}
}

// variantTheme is a theme with its variant fixed, whatever the system's.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

// Color implements fyne.Theme.
func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}
