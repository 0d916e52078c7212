package ui

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/driver/software"

	"workbench/assets"
)

func TestMainMenu(t *testing.T) {
	h := newShellHarness(t)
	s := h.open()
	var menus []string
	for _, m := range s.Window().MainMenu().Items {
		menus = append(menus, m.Label)
	}
	if want := []string{"File", "Edit", "Cell", "Kernel", "View", "Help"}; !reflect.DeepEqual(menus, want) {
		t.Errorf("menus %q, want %q", menus, want)
	}
	for _, path := range [][]string{
		{"File", "New"}, {"File", "Open…"}, {"File", "Open Recent"}, {"File", "Open Example"},
		{"File", "Save"}, {"File", "Save As…"}, {"File", "Quit"},
		{"Edit", "Cut Cell"}, {"Edit", "Copy Cell"}, {"Edit", "Paste Cell Below"}, {"Edit", "Delete Cell"},
		{"Edit", "Undo Cell Operation"}, {"Edit", "Find…"},
		{"Cell", "Run and Select Below"}, {"Cell", "Run in Place"}, {"Cell", "Run All"}, {"Cell", "Run All Above"},
		{"Cell", "Run Selected and Below"}, {"Cell", "Clear Output"}, {"Cell", "Clear All Outputs"},
		{"Cell", "Insert Cell Above"}, {"Cell", "Insert Cell Below"}, {"Cell", "Move Cell Up"}, {"Cell", "Move Cell Down"},
		{"Cell", "To Code"}, {"Cell", "To Markdown"},
		{"Kernel", "Interrupt"}, {"Kernel", "Restart"}, {"Kernel", "Restart & Run All"},
		{"View", "Variables Panel"}, {"View", "Help Panel"}, {"View", "Light Theme"}, {"View", "Dark Theme"}, {"View", "System Theme"},
		{"Help", "About Workbench"},
	} {
		if it := s.MenuItem(path...); it == nil || (it.Action == nil && it.ChildMenu == nil) {
			t.Errorf("no menu item %q", path)
		}
	}
	if !s.MenuItem("File", "Quit").IsQuit {
		t.Error("File ▸ Quit is not the quit item")
	}
	ex := s.MenuItem("File", "Open Example").ChildMenu
	if len(ex.Items) != len(assets.Examples()) {
		t.Errorf("%d examples in the menu, want %d", len(ex.Items), len(assets.Examples()))
	}
	s.MenuItem("File", "Open Example", "plotting.ipynb").Action()
	if s.Title() != "plotting.ipynb (example) — Workbench" {
		t.Errorf("Open Example: title %q", s.Title())
	}
}

func TestShortcuts(t *testing.T) {
	h := newShellHarness(t)
	s := h.open()
	p := filepath.Join(t.TempDir(), "keys.ipynb")
	writeShellNotebook(t, p, "1")
	if err := s.OpenFile(p); err != nil {
		t.Fatal(err)
	}
	s.onChanged()
	press := func(k fyne.KeyName, m fyne.KeyModifier) {
		s.Window().Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: m})
	}
	press(fyne.KeyS, fyne.KeyModifierShortcutDefault)
	if s.Dirty() {
		t.Error("Ctrl+S did not save")
	}
	press(fyne.KeyF, fyne.KeyModifierShortcutDefault) // the view's find bar
	press(fyne.KeyS, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift)
	if s.Window().Canvas().Overlays().Top() == nil {
		t.Error("Ctrl+Shift+S shows no dialog")
	}
}

// TestWindowRenders draws the window at 1280x800 with the software
// painter: it fits, and it is not blank. With WORKBENCH_UI_SHOTS=DIR the
// pictures are written there to look at.
func TestWindowRenders(t *testing.T) {
	h := newShellHarness(t)
	s := h.open()
	if err := s.OpenExample(assets.DefaultExample); err != nil {
		t.Fatal(err)
	}
	h.waitKernel()
	h.settle()
	s.ShowVariables(true)
	s.ShowHelp(true)
	h.settle()
	min := s.Window().Content().MinSize()
	if min.Width > 1280 || min.Height > 800 {
		t.Errorf("the window needs %v: not usable at 1280x800", min)
	}
	for _, mode := range []ThemeMode{ThemeLight, ThemeDark} {
		s.SetThemeMode(mode)
		c := software.NewCanvas()
		c.SetContent(s.Window().Content())
		c.Resize(fyne.NewSize(1280, 800))
		img := c.Capture()
		if b := img.Bounds(); b.Dx() != 1280 || b.Dy() != 800 {
			t.Errorf("%s: capture %v", mode, b)
		}
		if n := countColours(img); n < 8 {
			t.Errorf("%s: capture has %d colours: blank?", mode, n)
		}
		if dir := os.Getenv("WORKBENCH_UI_SHOTS"); dir != "" {
			f, err := os.Create(filepath.Join(dir, "shell-"+string(mode)+".png"))
			if err != nil {
				t.Fatal(err)
			}
			png.Encode(f, img)
			f.Close()
		}
		s.Window().SetContent(c.Content())
	}
}

// colours counts the distinct colours of img (up to 1000).
func countColours(img image.Image) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
			if len(seen) >= 1000 {
				return len(seen)
			}
		}
	}
	return len(seen)
}
