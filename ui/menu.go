package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workbench/assets"
	"workbench/sessions"
)

// shellMenu is the window's main menu, with the items whose state
// changes.
type shellMenu struct {
	s      *Shell
	main   *fyne.MainMenu
	recent *fyne.Menu
	// runItems need a kernel (disabled for a notebook of another
	// language).
	runItems         []*fyne.MenuItem
	varsItem         *fyne.MenuItem
	helpItem         *fyne.MenuItem
	themeItems       map[ThemeMode]*fyne.MenuItem
	shortcuts        []fyne.Shortcut
	shortcutsActions []func()
}

// menuCtrl is Ctrl+key (Cmd+key on macOS).
func menuCtrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

// menuCtrlShift is Ctrl+Shift+key.
func menuCtrlShift(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

// menuKeyHint shows a key in a menu that the notebook view handles itself:
// its name matches no key press, so the menu never takes the key from
// the view.
type menuKeyHint struct{ desktop.CustomShortcut }

// ShortcutName implements fyne.Shortcut.
func (h *menuKeyHint) ShortcutName() string { return "hint:" + h.CustomShortcut.ShortcutName() }

func menuHint(k fyne.KeyName, m fyne.KeyModifier) fyne.Shortcut {
	return &menuKeyHint{desktop.CustomShortcut{KeyName: k, Modifier: m}}
}

func newShellMenu(s *Shell) *shellMenu {
	m := &shellMenu{s: s, themeItems: map[ThemeMode]*fyne.MenuItem{}}
	item := func(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, action)
		it.Shortcut = sc
		if sc != nil {
			if _, isHint := sc.(*menuKeyHint); !isHint {
				m.shortcuts = append(m.shortcuts, sc)
				m.shortcutsActions = append(m.shortcutsActions, action)
			}
		}
		return it
	}
	runItem := func(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
		it := item(label, sc, action)
		m.runItems = append(m.runItems, it)
		return it
	}
	sep := fyne.NewMenuItemSeparator

	examples := fyne.NewMenu("Open Example")
	for _, name := range assets.Examples() {
		examples.Items = append(examples.Items, fyne.NewMenuItem(name, func() {
			s.confirmDiscard("opening an example", func() {
				if err := s.OpenExample(name); err != nil {
					s.showError(err)
				}
			})
		}))
	}
	m.recent = fyne.NewMenu("Open Recent")
	recentItem := fyne.NewMenuItem("Open Recent", nil)
	recentItem.ChildMenu = m.recent
	examplesItem := fyne.NewMenuItem("Open Example", nil)
	examplesItem.ChildMenu = examples
	quit := item("Quit", menuCtrl(fyne.KeyQ), s.RequestClose)
	quit.IsQuit = true
	file := fyne.NewMenu("File",
		item("New", menuCtrl(fyne.KeyN), func() { s.confirmDiscard("starting a new notebook", s.New) }),
		item("Open…", menuCtrl(fyne.KeyO), s.OpenDialog),
		recentItem,
		examplesItem,
		sep(),
		item("Save", menuCtrl(fyne.KeyS), s.Save),
		item("Save As…", menuCtrlShift(fyne.KeyS), func() { s.SaveAsDialog(nil) }),
		sep(),
		quit,
	)

	v := s.view
	edit := fyne.NewMenu("Edit",
		item("Cut Cell", nil, v.Cut),
		item("Copy Cell", nil, v.Copy),
		item("Paste Cell Below", nil, v.Paste),
		item("Delete Cell", nil, v.DeleteSelected),
		item("Undo Cell Operation", nil, v.Undo),
		sep(),
		item("Find…", menuCtrl(fyne.KeyF), s.view.ShowFind),
	)
	cell := fyne.NewMenu("Cell",
		runItem("Run and Select Below", menuHint(fyne.KeyReturn, fyne.KeyModifierShift), func() { s.RunSelected(true) }),
		runItem("Run in Place", menuHint(fyne.KeyReturn, fyne.KeyModifierShortcutDefault), func() { s.RunSelected(false) }),
		runItem("Run All", nil, s.RunAll),
		runItem("Run All Above", nil, s.RunAbove),
		runItem("Run Selected and Below", nil, s.RunBelow),
		sep(),
		item("Clear Output", nil, func() { v.ClearOutputs(false) }),
		item("Clear All Outputs", nil, func() { v.ClearOutputs(true) }),
		sep(),
		item("Insert Cell Above", nil, func() { v.InsertCell(false, sessions.CodeCell) }),
		item("Insert Cell Below", nil, func() { v.InsertCell(true, sessions.CodeCell) }),
		item("Insert Markdown Cell Below", nil, func() { v.InsertCell(true, sessions.MarkdownCell) }),
		item("Move Cell Up", nil, func() { v.MoveSelected(-1) }),
		item("Move Cell Down", nil, func() { v.MoveSelected(1) }),
		sep(),
		item("To Code", nil, func() { v.SetSelectedType(sessions.CodeCell) }),
		item("To Markdown", nil, func() { v.SetSelectedType(sessions.MarkdownCell) }),
	)
	kernel := fyne.NewMenu("Kernel",
		runItem("Interrupt", nil, s.Interrupt),
		runItem("Restart", nil, func() { s.Restart(false) }),
		runItem("Restart & Run All", nil, func() { s.Restart(true) }),
	)
	m.varsItem = item("Variables Panel", nil, func() { s.ShowVariables(!s.showVars) })
	m.helpItem = item("Help Panel", nil, func() { s.ShowHelp(!s.showHelp) })
	for _, t := range []struct {
		mode  ThemeMode
		label string
	}{{ThemeSystem, "System Theme"}, {ThemeLight, "Light Theme"}, {ThemeDark, "Dark Theme"}} {
		m.themeItems[t.mode] = item(t.label, nil, func() { s.SetThemeMode(t.mode) })
	}
	view := fyne.NewMenu("View",
		m.varsItem,
		m.helpItem,
		item("Help for Name Under Cursor", menuCtrl(fyne.KeyI), s.ShowHelpForCursor),
		sep(),
		m.themeItems[ThemeSystem], m.themeItems[ThemeLight], m.themeItems[ThemeDark],
	)
	help := fyne.NewMenu("Help", item("About Workbench", nil, s.ShowAbout))
	m.main = fyne.NewMainMenu(file, edit, cell, kernel, view, help)
	m.updateRecent()
	m.updateTheme()
	m.updatePanels()
	return m
}

// updateRecent lists the recent files in File ▸ Open Recent.
func (m *shellMenu) updateRecent() {
	var items []*fyne.MenuItem
	for _, p := range m.s.Recent() {
		items = append(items, fyne.NewMenuItem(recentLabel(p), func() { m.s.openAsking(p) }))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("No Recent Files", nil)
		none.Disabled = true
		items = append(items, none)
	} else {
		items = append(items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem("Clear Recent Files", m.s.ClearRecent))
	}
	m.recent.Items = items
	m.main.Refresh()
}

func (m *shellMenu) updateTheme() {
	for mode, it := range m.themeItems {
		it.Checked = mode == m.s.themeMode
	}
	m.main.Refresh()
}

func (m *shellMenu) updatePanels() {
	m.varsItem.Checked = m.s.showVars
	m.helpItem.Checked = m.s.showHelp
	m.main.Refresh()
}

func (m *shellMenu) setRunnable(run bool) {
	changed := false
	for _, it := range m.runItems {
		if it.Disabled == run {
			it.Disabled = !run
			changed = true
		}
	}
	if changed {
		m.main.Refresh()
	}
}

// MenuItem returns the main menu's item at a path of labels ("File",
// "Save"), or nil.
func (s *Shell) MenuItem(path ...string) *fyne.MenuItem {
	if len(path) < 2 {
		return nil
	}
	var items []*fyne.MenuItem
	for _, m := range s.menu.main.Items {
		if m.Label == path[0] {
			items = m.Items
		}
	}
	var found *fyne.MenuItem
	for _, label := range path[1:] {
		found = nil
		for _, it := range items {
			if it.Label == label {
				found = it
			}
		}
		if found == nil {
			return nil
		}
		if found.ChildMenu != nil {
			items = found.ChildMenu.Items
		}
	}
	return found
}

// addShortcuts registers the menu's keys on the window's canvas too (the
// menu takes them first when it is drawn in the window), and F1 for help
// when no cell has the focus.
func (s *Shell) addShortcuts() {
	c := s.win.Canvas()
	for i, sc := range s.menu.shortcuts {
		action := s.menu.shortcutsActions[i]
		c.AddShortcut(sc, func(fyne.Shortcut) { action() })
	}
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		if e.Name == fyne.KeyF1 {
			s.ShowHelpForCursor()
		}
	})
}

// toolbar is the row of buttons above the notebook.
type shellToolbar struct {
	bar     fyne.CanvasObject
	runBtns []*widget.Button
}

func newShellToolbar(s *Shell) *shellToolbar {
	t := &shellToolbar{}
	btn := func(label string, icon fyne.Resource, run bool, f func()) *widget.Button {
		b := widget.NewButtonWithIcon(label, icon, f)
		b.Importance = widget.LowImportance
		if run {
			t.runBtns = append(t.runBtns, b)
		}
		return b
	}
	v := s.view
	t.bar = container.NewHBox(
		btn("Run", theme.MediaPlayIcon(), true, func() { s.RunSelected(true) }),
		btn("Run All", theme.MediaFastForwardIcon(), true, s.RunAll),
		btn("Interrupt", theme.MediaStopIcon(), true, s.Interrupt),
		btn("Restart", theme.MediaReplayIcon(), true, func() { s.Restart(false) }),
		widget.NewSeparator(),
		btn("Code", theme.ContentAddIcon(), false, func() { v.InsertCell(true, sessions.CodeCell) }),
		btn("Text", theme.ContentAddIcon(), false, func() { v.InsertCell(true, sessions.MarkdownCell) }),
		widget.NewSeparator(),
		btn("Save", theme.DocumentSaveIcon(), false, s.Save),
	)
	return t
}

func (t *shellToolbar) setRunnable(run bool) {
	for _, b := range t.runBtns {
		if run {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}
