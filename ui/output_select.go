package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// selText is a text output's text, selectable: a drag selects (drawn in
// the theme's selection color under the text), Ctrl+C or the right-click
// menu copies the selection, Ctrl+A selects all that is shown, and a
// click without a drag clears the selection and selects the cell. It
// takes the keyboard focus to receive Ctrl+C, and passes the other keys
// to the notebook, so that command mode's keys still work.
type selText struct {
	widget.BaseWidget
	rich *widget.RichText
	env  *outputEnv
	// lines is the text shown, cut into lines.
	lines []string
	// anchor is where the drag started, caret where it is; the selection
	// is between them (none when equal).
	anchor, caret textPos
	rects         []fyne.CanvasObject
	// copyAll copies the whole output (not only what is shown).
	copyAll func()
}

// textPos is a row and a column (in runes) of the shown text.
type textPos struct{ row, col int }

func (p textPos) before(q textPos) bool { return p.row < q.row || p.row == q.row && p.col < q.col }

func newSelText(rich *widget.RichText, env *outputEnv, copyAll func()) *selText {
	s := &selText{rich: rich, env: env, copyAll: copyAll}
	s.ExtendBaseWidget(s)
	return s
}

// setText notes the text shown (the rich text's) and clears the
// selection.
func (s *selText) setText(text string) {
	s.lines = strings.Split(text, "\n")
	s.anchor, s.caret = textPos{}, textPos{}
	s.Refresh()
}

// span is the selection, in order.
func (s *selText) span() (from, to textPos) {
	if s.caret.before(s.anchor) {
		return s.caret, s.anchor
	}
	return s.anchor, s.caret
}

// SelectedText is the text selected ("" for none).
func (s *selText) SelectedText() string {
	from, to := s.span()
	if from == to || len(s.lines) == 0 {
		return ""
	}
	var b strings.Builder
	for r := from.row; r <= to.row && r < len(s.lines); r++ {
		line := []rune(s.lines[r])
		c0, c1 := 0, len(line)
		if r == from.row {
			c0 = min(from.col, len(line))
		}
		if r == to.row {
			c1 = min(to.col, len(line))
		}
		b.WriteString(string(line[c0:max(c0, c1)]))
		if r < to.row {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// metrics are the text's padding, line height and style.
func (s *selText) metrics() (pad, lineH, size float32, style fyne.TextStyle) {
	th := s.rich.Theme()
	size = th.Size(theme.SizeNameText)
	style = fyne.TextStyle{Monospace: true}
	return th.Size(theme.SizeNameInnerPadding), fyne.MeasureText("M", size, style).Height, size, style
}

// posAt is the row and column nearest to p.
func (s *selText) posAt(p fyne.Position) textPos {
	if len(s.lines) == 0 {
		return textPos{}
	}
	pad, lineH, size, style := s.metrics()
	row := min(max(int((p.Y-pad)/lineH), 0), len(s.lines)-1)
	line := []rune(s.lines[row])
	x := p.X - pad
	// The first column whose middle is right of x (widths grow with the
	// column, so search).
	lo, hi := 0, len(line)
	for lo < hi {
		mid := (lo + hi) / 2
		w0 := fyne.MeasureText(string(line[:mid]), size, style).Width
		w1 := fyne.MeasureText(string(line[:mid+1]), size, style).Width
		if (w0+w1)/2 < x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return textPos{row, lo}
}

// MouseDown implements desktop.Mouseable: a drag starts here; the cell is
// selected (command mode, as a click on an output does), and the focus
// comes here (for Ctrl+C).
func (s *selText) MouseDown(ev *desktop.MouseEvent) {
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	s.anchor = s.posAt(ev.Position)
	s.caret = s.anchor
	s.Refresh()
	s.env.tap()
	if c := fyne.CurrentApp().Driver().CanvasForObject(s); c != nil {
		c.Focus(s)
	}
}

// MouseUp implements desktop.Mouseable.
func (s *selText) MouseUp(*desktop.MouseEvent) {}

// Dragged implements fyne.Draggable: the selection follows the mouse.
func (s *selText) Dragged(ev *fyne.DragEvent) {
	if p := s.posAt(ev.Position); p != s.caret {
		s.caret = p
		s.Refresh()
	}
}

// DragEnd implements fyne.Draggable.
func (s *selText) DragEnd() {}

// Tapped implements fyne.Tappable: a click (no drag) clears the
// selection and selects the cell.
func (s *selText) Tapped(*fyne.PointEvent) {
	if s.anchor != s.caret {
		s.anchor = s.caret
		s.Refresh()
	}
	s.env.tap()
}

// DoubleTapped implements fyne.DoubleTappable: selects the word (a run of
// letters, digits, dots and signs: a number) under the mouse.
func (s *selText) DoubleTapped(ev *fyne.PointEvent) {
	p := s.posAt(ev.Position)
	line := []rune(s.lines[p.row])
	word := func(r rune) bool {
		return r != ' ' && r != '\t' && r != '[' && r != ']' && r != ',' && r != '(' && r != ')'
	}
	a, b := min(p.col, len(line)), min(p.col, len(line))
	for a > 0 && word(line[a-1]) {
		a--
	}
	for b < len(line) && word(line[b]) {
		b++
	}
	s.anchor, s.caret = textPos{p.row, a}, textPos{p.row, b}
	s.Refresh()
}

// TappedSecondary implements fyne.SecondaryTappable: copy the selection
// or the whole output.
func (s *selText) TappedSecondary(ev *fyne.PointEvent) {
	var items []*fyne.MenuItem
	if sel := s.SelectedText(); sel != "" {
		items = append(items, fyne.NewMenuItem("Copy", func() { s.copySelection() }))
	}
	items = append(items,
		fyne.NewMenuItem("Copy output", s.copyAll),
		fyne.NewMenuItem("Select all", s.selectAll))
	showMenu(s, ev, items...)
}

func (s *selText) copySelection() {
	if sel := s.SelectedText(); sel != "" {
		fyne.CurrentApp().Clipboard().SetContent(sel)
	}
}

func (s *selText) selectAll() {
	last := len(s.lines) - 1
	s.anchor, s.caret = textPos{}, textPos{last, len([]rune(s.lines[last]))}
	s.Refresh()
}

// Cursor implements desktop.Cursorable: the text cursor.
func (s *selText) Cursor() desktop.Cursor { return desktop.TextCursor }

// FocusGained implements fyne.Focusable.
func (s *selText) FocusGained() {}

// FocusLost implements fyne.Focusable.
func (s *selText) FocusLost() {}

// TypedRune implements fyne.Focusable: the notebook's command keys.
func (s *selText) TypedRune(r rune) {
	if s.env.keys != nil {
		s.env.keys.TypedRune(r)
	}
}

// TypedKey implements fyne.Focusable: the notebook's command keys.
func (s *selText) TypedKey(k *fyne.KeyEvent) {
	if s.env.keys != nil {
		s.env.keys.TypedKey(k)
	}
}

// TypedShortcut implements fyne.Shortcutable: copy and select all here,
// the rest to the notebook.
func (s *selText) TypedShortcut(sc fyne.Shortcut) {
	switch sc.(type) {
	case *fyne.ShortcutCopy:
		if s.SelectedText() != "" {
			s.copySelection()
			return
		}
	case *fyne.ShortcutSelectAll:
		s.selectAll()
		return
	}
	if s.env.keys != nil {
		s.env.keys.TypedShortcut(sc)
	}
}

// CreateRenderer implements fyne.Widget.
func (s *selText) CreateRenderer() fyne.WidgetRenderer { return &selTextRenderer{s} }

type selTextRenderer struct{ s *selText }

func (r *selTextRenderer) Destroy()           {}
func (r *selTextRenderer) Layout(fyne.Size)   {}
func (r *selTextRenderer) MinSize() fyne.Size { return fyne.Size{} }

func (r *selTextRenderer) Objects() []fyne.CanvasObject { return r.s.rects }

// Refresh draws the selection: one rectangle per row, under the text.
func (r *selTextRenderer) Refresh() {
	s := r.s
	from, to := s.span()
	s.rects = s.rects[:0]
	if from != to {
		pad, lineH, size, style := s.metrics()
		col := theme.ColorForWidget(theme.ColorNameSelection, s)
		space := fyne.MeasureText(" ", size, style).Width
		for row := from.row; row <= to.row && row < len(s.lines); row++ {
			line := []rune(s.lines[row])
			c0, c1 := 0, len(line)
			if row == from.row {
				c0 = min(from.col, len(line))
			}
			if row == to.row {
				c1 = min(to.col, len(line))
			}
			x0 := fyne.MeasureText(string(line[:c0]), size, style).Width
			x1 := fyne.MeasureText(string(line[:c1]), size, style).Width
			if row < to.row {
				x1 += space // the line's end is selected too
			}
			if x1 <= x0 {
				continue
			}
			rect := canvas.NewRectangle(col)
			rect.Move(fyne.NewPos(pad+x0, pad+float32(row)*lineH))
			rect.Resize(fyne.NewSize(x1-x0, lineH))
			s.rects = append(s.rects, rect)
		}
	}
	canvas.Refresh(s)
}
