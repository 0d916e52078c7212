package ui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// syntaxTheme is the app's current theme with the highlighting colors
// added, each derived from the theme's colors (keywords from primary, strings
// from success, numbers from warning, comments from the placeholder
// color, built-ins between primary and error), and, where it would be too
// faint on the editor's background, blended towards the foreground until
// it reads. No color is fixed here, so both variants work.
type syntaxTheme struct{}

func (syntaxTheme) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

// Color implements fyne.Theme.
func (t syntaxTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	b := t.base()
	var from color.Color
	switch n {
	case colorNameSyntaxKeyword:
		from = b.Color(theme.ColorNamePrimary, v)
	case colorNameSyntaxString:
		from = b.Color(theme.ColorNameSuccess, v)
	case colorNameSyntaxNumber:
		from = b.Color(theme.ColorNameWarning, v)
	case colorNameSyntaxComment:
		from = b.Color(theme.ColorNamePlaceHolder, v)
	case colorNameSyntaxBuiltin:
		from = mix(b.Color(theme.ColorNamePrimary, v), b.Color(theme.ColorNameError, v), 0.5)
	default:
		return b.Color(n, v)
	}
	return readable(from, b.Color(theme.ColorNameInputBackground, v), b.Color(theme.ColorNameForeground, v))
}

// Font implements fyne.Theme.
func (t syntaxTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base().Font(s) }

// Icon implements fyne.Theme.
func (t syntaxTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }

// Size implements fyne.Theme.
func (t syntaxTheme) Size(n fyne.ThemeSizeName) float32 { return t.base().Size(n) }

// mix returns a blend of a and b: frac 0 is a, 1 is b.
func mix(a, b color.Color, frac float64) color.Color {
	ar, ag, ab, aa := a.RGBA()
	br, bg, bb, ba := b.RGBA()
	f := func(x, y uint32) uint16 { return uint16(float64(x)*(1-frac) + float64(y)*frac) }
	return color.RGBA64{f(ar, br), f(ag, bg), f(ab, bb), f(aa, ba)}
}

// readable blends c towards fg until its contrast with bg is at least 3:1
// (WCAG's measure for large text, enough for colored code).
func readable(c, bg, fg color.Color) color.Color {
	for i := 0; i < 10 && contrast(c, bg) < 3; i++ {
		c = mix(c, fg, 0.2)
	}
	return c
}

// contrast is the WCAG contrast ratio of two colors (1 to 21).
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance is the relative luminance of c, its alpha ignored.
func luminance(c color.Color) float64 {
	r, g, b, a := c.RGBA()
	if a == 0 {
		return 0
	}
	lin := func(v uint32) float64 {
		x := float64(v) / float64(a) // un-premultiply
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// inkTheme is the app's current theme with the foreground (text) color
// transparent: the entry of a code cell draws its cursor, selection and
// border, but its text is drawn, highlighted, by the layer above it.
type inkTheme struct{}

// Color implements fyne.Theme.
func (inkTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameForeground {
		return color.Transparent
	}
	return fyne.CurrentApp().Settings().Theme().Color(n, v)
}

// Font implements fyne.Theme.
func (inkTheme) Font(s fyne.TextStyle) fyne.Resource {
	return fyne.CurrentApp().Settings().Theme().Font(s)
}

// Icon implements fyne.Theme.
func (inkTheme) Icon(n fyne.ThemeIconName) fyne.Resource {
	return fyne.CurrentApp().Settings().Theme().Icon(n)
}

// Size implements fyne.Theme.
func (inkTheme) Size(n fyne.ThemeSizeName) float32 {
	return fyne.CurrentApp().Settings().Theme().Size(n)
}
