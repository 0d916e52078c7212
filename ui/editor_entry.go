package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// editorEntry is the multi-line monospace entry that edits a cell, with
// the notebook's keys caught inside it:
//
//   - Shift+Enter runs the cell and moves on, Ctrl+Enter runs it in place,
//     Alt+Enter runs it and inserts a cell below; Esc leaves to command
//     mode;
//   - Enter keeps the line's indentation, and adds a tab after an opening
//     {, ( or [; a } typed on an indented blank line takes a tab back;
//   - Tab after a name (or a dot) completes it, else indents; Shift+Tab
//     takes a tab from the start of the line; Ctrl+Space completes.
type editorEntry struct {
	widget.Entry
	ed *sourceEditor
	// shift and alt are held (KeyDown without KeyUp yet).
	shift, alt bool
}

func newEditorEntry(ed *sourceEditor) *editorEntry {
	e := &editorEntry{ed: ed}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapOff
	e.Scroll = fyne.ScrollNone // a code cell's editor scrolls the entry
	e.TextStyle = fyne.TextStyle{Monospace: true}
	e.ExtendBaseWidget(e)
	return e
}

// modifiers returns the modifiers held: those the driver reports (a
// desktop driver knows), or those seen in KeyDown.
func (e *editorEntry) modifiers() fyne.KeyModifier {
	var m fyne.KeyModifier
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		m = d.CurrentKeyModifiers()
	}
	if e.shift {
		m |= fyne.KeyModifierShift
	}
	if e.alt {
		m |= fyne.KeyModifierAlt
	}
	return m
}

// KeyDown implements desktop.Keyable.
func (e *editorEntry) KeyDown(k *fyne.KeyEvent) {
	switch k.Name {
	case desktop.KeyShiftLeft, desktop.KeyShiftRight:
		e.shift = true
	case desktop.KeyAltLeft, desktop.KeyAltRight:
		e.alt = true
	}
	e.Entry.KeyDown(k)
}

// KeyUp implements desktop.Keyable.
func (e *editorEntry) KeyUp(k *fyne.KeyEvent) {
	switch k.Name {
	case desktop.KeyShiftLeft, desktop.KeyShiftRight:
		e.shift = false
	case desktop.KeyAltLeft, desktop.KeyAltRight:
		e.alt = false
	}
	e.Entry.KeyUp(k)
}

// FocusGained implements fyne.Focusable: the cell is being edited.
func (e *editorEntry) FocusGained() {
	e.Entry.FocusGained()
	e.ed.focused()
}

// FocusLost implements fyne.Focusable.
func (e *editorEntry) FocusLost() {
	e.shift, e.alt = false, false
	e.Entry.FocusLost()
}

// TypedKey implements fyne.Focusable.
func (e *editorEntry) TypedKey(k *fyne.KeyEvent) {
	mods := e.modifiers()
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		switch {
		case mods&fyne.KeyModifierShift != 0:
			e.ed.run(runAdvance)
		case mods&fyne.KeyModifierAlt != 0:
			e.ed.run(runInsert)
		default:
			e.newline()
		}
		return
	case fyne.KeyEscape:
		e.ed.escape()
		return
	case fyne.KeyTab:
		switch {
		case mods&fyne.KeyModifierShift != 0:
			e.dedent()
		case e.afterName():
			e.ed.complete()
		default:
			e.Entry.TypedRune('\t')
		}
		return
	}
	e.Entry.TypedKey(k)
}

// TypedRune implements fyne.Focusable. A newline typed as a rune (pasted
// or from a test) is a plain newline: auto-indent belongs to the key.
func (e *editorEntry) TypedRune(r rune) {
	if r == '}' || r == ')' || r == ']' {
		if line := e.lineBeforeCursor(); line != "" && strings.TrimLeft(line, "\t ") == "" && strings.HasSuffix(line, "\t") {
			e.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
		}
	}
	e.Entry.TypedRune(r)
}

// TypedShortcut implements fyne.Shortcutable.
func (e *editorEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok {
		enter := cs.KeyName == fyne.KeyReturn || cs.KeyName == fyne.KeyEnter
		switch {
		case enter && cs.Modifier&fyne.KeyModifierControl != 0:
			e.ed.run(runStay)
			return
		case enter && cs.Modifier&fyne.KeyModifierShift != 0:
			e.ed.run(runAdvance)
			return
		case enter && cs.Modifier&fyne.KeyModifierAlt != 0:
			e.ed.run(runInsert)
			return
		case cs.KeyName == fyne.KeySpace && cs.Modifier&fyne.KeyModifierControl != 0:
			e.ed.complete()
			return
		}
	}
	e.Entry.TypedShortcut(s)
}

// lineBeforeCursor is the text of the cursor's line up to the cursor.
func (e *editorEntry) lineBeforeCursor() string {
	runes := []rune(e.Text)
	off := min(e.CursorTextOffset(), len(runes))
	start := off
	for start > 0 && runes[start-1] != '\n' {
		start--
	}
	return string(runes[start:off])
}

// afterName reports whether the cursor follows a name's character or a
// dot (where Tab completes).
func (e *editorEntry) afterName() bool {
	line := e.lineBeforeCursor()
	if line == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(line)
	return r == '.' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// newline breaks the line, keeping its indentation, one more after an
// opening bracket.
func (e *editorEntry) newline() {
	line := e.lineBeforeCursor()
	indent := line[:len(line)-len(strings.TrimLeft(line, "\t "))]
	if t := strings.TrimRight(line, "\t "); strings.HasSuffix(t, "{") || strings.HasSuffix(t, "(") || strings.HasSuffix(t, "[") {
		indent += "\t"
	}
	e.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	for _, r := range indent {
		e.Entry.TypedRune(r)
	}
}

// dedent takes one tab (or up to four spaces) from the start of the
// cursor's line.
func (e *editorEntry) dedent() {
	row := e.CursorRow
	lines := strings.Split(e.Text, "\n")
	if row >= len(lines) {
		return
	}
	line := lines[row]
	n := 0
	switch {
	case strings.HasPrefix(line, "\t"):
		n = 1
	default:
		for n < 4 && n < len(line) && line[n] == ' ' {
			n++
		}
	}
	if n == 0 {
		return
	}
	lines[row] = line[n:]
	col := max(e.CursorColumn-n, 0)
	e.SetText(strings.Join(lines, "\n"))
	e.CursorRow, e.CursorColumn = row, col
	e.Refresh()
}

// cursorByte is the cursor's byte offset in the text (the kernel's
// completion takes bytes; the entry counts runes).
func (e *editorEntry) cursorByte() int {
	runes := []rune(e.Text)
	off := min(e.CursorTextOffset(), len(runes))
	return len(string(runes[:off]))
}

// replaceBytes replaces text[start:end) (bytes, around the cursor) by s,
// as if typed, so that undo and the change callback see it.
func (e *editorEntry) replaceBytes(start, end int, s string) {
	text := e.Text
	cur := e.cursorByte()
	if start < 0 || end > len(text) || start > cur || end < cur {
		return
	}
	for range utf8.RuneCountInString(text[start:cur]) {
		e.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	}
	for range utf8.RuneCountInString(text[cur:end]) {
		e.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	}
	for _, r := range s {
		e.Entry.TypedRune(r)
	}
}
