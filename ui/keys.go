package ui

// Command mode: the view has the keyboard (Esc in an editor, a click on a
// cell outside its editor), and Jupyter's single keys work.

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"workbench/sessions"
)

// keyChordDelay is the most time between the two keys of D D, I I and 0 0.
const keyChordDelay = 1500 * time.Millisecond

// keyState is command mode's memory of keys.
type keyState struct {
	// last is the first key of a chord (d, i or 0) typed at at.
	last  rune
	at    time.Time
	shift bool
}

// FocusGained implements fyne.Focusable: command mode.
func (v *NotebookView) FocusGained() {
	v.stopEditing()
	v.keys = keyState{}
}

// FocusLost implements fyne.Focusable.
func (v *NotebookView) FocusLost() { v.keys = keyState{} }

// KeyDown implements desktop.Keyable (to know that Shift is held).
func (v *NotebookView) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		v.keys.shift = true
	}
}

// KeyUp implements desktop.Keyable.
func (v *NotebookView) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		v.keys.shift = false
	}
}

// shiftHeld reports whether Shift is held.
func (v *NotebookView) shiftHeld() bool {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok && d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0 {
		return true
	}
	return v.keys.shift
}

// TypedRune implements fyne.Focusable: command mode's keys.
func (v *NotebookView) TypedRune(r rune) {
	prev := v.keys.last
	if time.Since(v.keys.at) > keyChordDelay {
		prev = 0
	}
	v.keys.last, v.keys.at = 0, time.Now()
	chord := func(first rune, then func()) {
		if prev == first {
			then()
			return
		}
		v.keys.last = first
	}
	switch r {
	case 'a', 'A':
		v.InsertCell(false, sessions.CodeCell)
	case 'b', 'B':
		v.InsertCell(true, sessions.CodeCell)
	case 'd', 'D':
		chord('d', v.DeleteSelected)
	case 'i', 'I':
		chord('i', v.Interrupt)
	case '0':
		chord('0', func() { v.Restart(false) })
	case 'm':
		v.SetSelectedType(sessions.MarkdownCell)
	case 'M':
		v.mergeBelow()
	case 'y', 'Y':
		v.SetSelectedType(sessions.CodeCell)
	case 'x', 'X':
		v.Cut()
	case 'c', 'C':
		v.Copy()
	case 'v':
		v.Paste()
	case 'V':
		v.pasteCells(false)
	case 'z', 'Z':
		v.Undo()
	case 'j', 'J':
		v.Select(v.sel + 1)
	case 'k', 'K':
		v.Select(v.sel - 1)
	case 'f', 'F':
		v.ShowFind()
	}
}

// TypedKey implements fyne.Focusable.
func (v *NotebookView) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if v.shiftHeld() {
			v.RunSelected(true)
			return
		}
		v.EditSelected()
	case fyne.KeyUp:
		v.Select(v.sel - 1)
	case fyne.KeyDown:
		v.Select(v.sel + 1)
	case fyne.KeyHome:
		v.Select(0)
	case fyne.KeyEnd:
		v.Select(len(v.cells) - 1)
	case fyne.KeyPageUp:
		v.Select(v.sel - 5)
	case fyne.KeyPageDown:
		v.Select(v.sel + 5)
	case fyne.KeyEscape:
		v.find.close()
	}
}

// TypedShortcut implements fyne.Shortcutable: runs with modifiers, and
// copy, cut, paste and undo of cells.
func (v *NotebookView) TypedShortcut(s fyne.Shortcut) {
	switch s := s.(type) {
	case *fyne.ShortcutCopy:
		v.Copy()
	case *fyne.ShortcutCut:
		v.Cut()
	case *fyne.ShortcutPaste:
		v.Paste()
	case *fyne.ShortcutUndo:
		v.Undo()
	case *desktop.CustomShortcut:
		enter := s.KeyName == fyne.KeyReturn || s.KeyName == fyne.KeyEnter
		switch {
		case enter && s.Modifier&fyne.KeyModifierControl != 0:
			v.RunSelected(false)
		case enter && s.Modifier&fyne.KeyModifierShift != 0:
			v.RunSelected(true)
		case enter && s.Modifier&fyne.KeyModifierAlt != 0:
			if cw := v.selected(); cw != nil {
				v.runFrom(cw, runInsert)
			}
		case s.KeyName == fyne.KeyF && s.Modifier&fyne.KeyModifierControl != 0:
			v.ShowFind()
		case s.KeyName == fyne.KeyUp && s.Modifier&fyne.KeyModifierControl != 0:
			v.MoveSelected(-1)
		case s.KeyName == fyne.KeyDown && s.Modifier&fyne.KeyModifierControl != 0:
			v.MoveSelected(1)
		}
	}
}
