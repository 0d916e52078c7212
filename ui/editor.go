package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// How a run from the editor goes on (see NotebookView.runFrom).
type runMode int

const (
	runStay    runMode = iota // Ctrl+Enter: run, stay on the cell
	runAdvance                // Shift+Enter: run, select the next cell
	runInsert                 // Alt+Enter: run, insert a cell below
)

// sourceEditor shows and edits a cell's source. Not editing, a code cell's
// source is drawn highlighted, beside a gutter of line numbers (the line
// of an error marked); editing, an editorEntry takes its place, beside the
// same gutter, at the same height, so nothing moves when editing starts,
// its own text transparent and the same highlighting drawn over it, glyph
// on glyph, as it changes (codeLayer).
// A markdown cell's editor has no gutter and no colors (the cell shows it
// only while it is edited).
type sourceEditor struct {
	widget.BaseWidget
	cw    *cellWidget
	code  bool
	entry *editorEntry
	// escroll scrolls the entry of a code cell sideways (the entry
	// itself does not scroll, so that the wheel over it scrolls the
	// notebook).
	escroll *hScroll
	// live is the highlighted source drawn over the entry while it is
	// edited (the entry's own text is transparent: see inkTheme).
	live   *codeLayer
	text   *widget.RichText
	scroll *hScroll
	themed *container.ThemeOverride
	gutter *widget.RichText
	bg     *canvas.Rectangle
	// body is what shows while editing: the entry, or its scroller.
	body    fyne.CanvasObject
	editing bool
	// errLine is the 1-based line an error points at, 0 for none.
	errLine int
	// lines is the number of lines the gutter and the entry are sized for.
	lines int
	// shown is the source last drawn highlighted; loading is set while
	// the entry's text is set from the document.
	shown   string
	loading bool
}

func newSourceEditor(cw *cellWidget, code bool, source string) *sourceEditor {
	ed := &sourceEditor{cw: cw, code: code, shown: "\x00"}
	ed.entry = newEditorEntry(ed)
	if !code {
		ed.entry.TextStyle = fyne.TextStyle{}
		ed.entry.Wrapping = fyne.TextWrapWord
		ed.entry.SetPlaceHolder("Markdown: # headings, *emphasis*, `code`, $math$ …")
	}
	ed.entry.OnChanged = ed.changed
	ed.body = fyne.CanvasObject(ed.entry)
	if code {
		ed.live = newCodeLayer()
		// The entry, its text invisible, under the highlighted layer:
		// events pass through the layer (it takes none) to the entry,
		// whose cursor, selection and border still draw.
		layers := container.NewStack(
			container.NewThemeOverride(ed.entry, inkTheme{}),
			container.NewThemeOverride(ed.live, syntaxTheme{}))
		ed.escroll = newHScroll(layers, cw.view.parentScroll)
		ed.entry.OnCursorChanged = ed.followCursor
		ed.body = ed.escroll
	}
	ed.text = widget.NewRichText()
	ed.scroll = newHScroll(ed.text, cw.view.parentScroll)
	ed.themed = container.NewThemeOverride(ed.scroll, syntaxTheme{})
	ed.gutter = widget.NewRichText()
	ed.bg = canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	ed.ExtendBaseWidget(ed)
	ed.setSource(source)
	return ed
}

// setSource shows source (from the document, not typed).
func (ed *sourceEditor) setSource(source string) {
	if ed.entry.Text != source {
		ed.loading = true
		ed.entry.SetText(source)
		ed.loading = false
	}
	ed.sizeLines()
	ed.redraw()
	ed.redrawLive()
}

// source is the editor's text.
func (ed *sourceEditor) source() string { return ed.entry.Text }

// changed is the entry's OnChanged: the user typed.
func (ed *sourceEditor) changed(text string) {
	ed.redrawLive()
	if ed.loading {
		return
	}
	ed.setErrorLine(0)
	resized := ed.sizeLines()
	ed.cw.sourceChanged(text, resized)
}

// sizeLines sizes the entry and the gutter for the text's lines and
// reports whether the count changed.
func (ed *sourceEditor) sizeLines() bool {
	n := strings.Count(ed.entry.Text, "\n") + 1
	if n == ed.lines {
		return false
	}
	ed.lines = n
	if ed.code {
		ed.drawGutter()
	} else {
		// Wrapped lines scroll inside; leave room for some.
		ed.entry.SetMinRowsVisible(max(n+len(ed.entry.Text)/120, 2))
	}
	ed.Refresh()
	return true
}

// redraw highlights the source again if it changed.
func (ed *sourceEditor) redraw() {
	if !ed.code || ed.shown == ed.entry.Text {
		return
	}
	ed.shown = ed.entry.Text
	ed.text.Segments = expandTabs(highlight(ed.shown))
	ed.text.Refresh()
}

// showLive draws the layer as editing starts: the text, and the colors
// (the theme may have changed while the layer was hidden).
func (ed *sourceEditor) showLive() {
	if ed.live != nil {
		ed.redrawLive()
		ed.live.Refresh()
	}
}

// redrawLive highlights the layer over the entry again if the entry's
// text changed (every keystroke: see BenchmarkKeystroke). Not editing,
// the layer is hidden and left as it was.
func (ed *sourceEditor) redrawLive() {
	if ed.live == nil || !ed.editing {
		return
	}
	w := ed.live.MinSize().Width
	ed.live.SetText(ed.entry.Text)
	if ed.live.MinSize().Width != w {
		ed.escroll.Refresh() // the line grew or shrank: scroll sideways over it
	}
}

// drawGutter writes the line numbers, the error's line marked.
func (ed *sourceEditor) drawGutter() {
	// Inline segments, lines ended by newlines: separate paragraphs would
	// be spaced apart more than the code's lines.
	segs := make([]widget.RichTextSegment, 0, ed.lines)
	for i := 1; i <= ed.lines; i++ {
		st := widget.RichTextStyle{
			Inline:    true,
			Alignment: fyne.TextAlignTrailing,
			ColorName: theme.ColorNamePlaceHolder,
			TextStyle: fyne.TextStyle{Monospace: true},
		}
		text := strconv.Itoa(i)
		if i == ed.errLine {
			st.ColorName = theme.ColorNameError
			text = "▶" + text
		}
		if i < ed.lines {
			text += "\n"
		}
		segs = append(segs, &widget.TextSegment{Text: text, Style: st})
	}
	ed.gutter.Segments = segs
	ed.gutter.Refresh()
}

// setErrorLine marks line n (1-based; 0 clears the mark).
func (ed *sourceEditor) setErrorLine(n int) {
	if n == ed.errLine {
		return
	}
	ed.errLine = n
	if ed.code {
		ed.drawGutter()
		ed.Refresh()
	}
}

// startEditing shows the entry, focused, its cursor at row and col (-1:
// where it was).
func (ed *sourceEditor) startEditing(row, col int) {
	if !ed.editing {
		ed.editing = true
		ed.showLive()
		ed.Refresh()
	}
	if row >= 0 {
		lines := strings.Split(ed.entry.Text, "\n")
		row = min(row, len(lines)-1)
		ed.entry.CursorRow = row
		ed.entry.CursorColumn = min(max(col, 0), len([]rune(lines[row])))
		ed.entry.Refresh()
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(ed.entry); c != nil && c.Focused() != ed.entry {
		c.Focus(ed.entry)
	}
}

// followCursor scrolls a long line sideways to keep the cursor in view.
func (ed *sourceEditor) followCursor() {
	if ed.escroll == nil || !ed.editing {
		return
	}
	w := ed.escroll.Size().Width
	if w <= 0 {
		return
	}
	x := ed.entry.CursorPosition().X
	margin := 4 * ed.Theme().Size(theme.SizeNameInnerPadding)
	off := ed.escroll.Offset.X
	switch {
	case x < off+margin:
		off = max(x-margin, 0)
	case x > off+w-margin:
		off = x - w + margin
	default:
		return
	}
	ed.escroll.ScrollToOffset(fyne.NewPos(off, 0))
}

// stopEditing shows the highlighted source again.
func (ed *sourceEditor) stopEditing() {
	if !ed.editing {
		return
	}
	ed.editing = false
	ed.redraw()
	ed.Refresh()
}

// focused: the entry got the focus (a click, or startEditing).
func (ed *sourceEditor) focused() {
	if !ed.editing {
		ed.editing = true
		ed.showLive()
		ed.Refresh()
	}
	ed.cw.view.editingCell(ed.cw)
}

func (ed *sourceEditor) run(m runMode) { ed.cw.view.runFrom(ed.cw, m) }

func (ed *sourceEditor) escape() { ed.cw.view.commandMode() }

func (ed *sourceEditor) complete() {
	if ed.code {
		ed.cw.view.complete(ed.cw)
	} else {
		ed.entry.Entry.TypedRune('\t')
	}
}

// Tapped implements fyne.Tappable: editing starts where the source was
// clicked.
func (ed *sourceEditor) Tapped(ev *fyne.PointEvent) {
	row, col := ed.cellAt(ev.Position)
	ed.cw.view.editCell(ed.cw, row, col)
}

// TappedSecondary implements fyne.SecondaryTappable: the cell's menu.
func (ed *sourceEditor) TappedSecondary(ev *fyne.PointEvent) { ed.cw.TappedSecondary(ev) }

// cellAt returns the line and column of the source under pos.
func (ed *sourceEditor) cellAt(pos fyne.Position) (row, col int) {
	th := ed.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	char := fyne.MeasureText("M", th.Size(theme.SizeNameText), fyne.TextStyle{Monospace: true})
	lineH := ed.lineHeight()
	x := pos.X - ed.gutterWidth() - pad + ed.scroll.Offset.X
	y := pos.Y - pad
	row = max(int(y/lineH), 0)
	lines := strings.Split(ed.entry.Text, "\n")
	if row >= len(lines) {
		row = len(lines) - 1
	}
	// Columns count runes; a tab is four columns wide on screen.
	target := max(int(x/char.Width+0.5), 0)
	w := 0
	for _, r := range lines[row] {
		step := 1
		if r == '\t' {
			step = 4
		}
		if w+step/2 >= target {
			break
		}
		w += step
		col++
	}
	return row, col
}

// lineHeight is the height of one line of monospace text.
func (ed *sourceEditor) lineHeight() float32 {
	if ed.lines > 0 {
		if h := ed.text.MinSize().Height; h > 0 && len(ed.text.Segments) > 0 {
			pad := ed.Theme().Size(theme.SizeNameInnerPadding)
			return (h - 2*pad) / float32(ed.lines)
		}
	}
	th := ed.Theme()
	return fyne.MeasureText("M", th.Size(theme.SizeNameText), fyne.TextStyle{Monospace: true}).Height
}

// gutterWidth is the width of the line numbers (none for markdown).
func (ed *sourceEditor) gutterWidth() float32 {
	if !ed.code {
		return 0
	}
	th := ed.Theme()
	digits := max(len(strconv.Itoa(ed.lines)), 2) + 1
	w := fyne.MeasureText(strings.Repeat("0", digits), th.Size(theme.SizeNameText), fyne.TextStyle{Monospace: true}).Width
	return w + 2*th.Size(theme.SizeNameInnerPadding)
}

// CreateRenderer implements fyne.Widget.
func (ed *sourceEditor) CreateRenderer() fyne.WidgetRenderer { return &editorRenderer{ed: ed} }

type editorRenderer struct{ ed *sourceEditor }

func (r *editorRenderer) Destroy() {}

func (r *editorRenderer) Layout(size fyne.Size) {
	ed := r.ed
	gw := ed.gutterWidth()
	ed.gutter.Move(fyne.NewPos(0, 0))
	ed.gutter.Resize(fyne.NewSize(gw, size.Height))
	body := fyne.NewSize(size.Width-gw, size.Height)
	for _, o := range []fyne.CanvasObject{ed.bg, ed.themed, ed.body} {
		o.Move(fyne.NewPos(gw, 0))
		o.Resize(body)
	}
}

func (r *editorRenderer) MinSize() fyne.Size {
	ed := r.ed
	// Editing or not, the same height: the highlighted text's (the
	// entry without a scroller of its own asks a little less).
	h := ed.entry.MinSize().Height
	if ed.code {
		ed.redraw() // if stale: the size is the text's
		h = max(h, ed.text.MinSize().Height)
	}
	return fyne.NewSize(ed.gutterWidth()+4*theme.Padding(), h)
}

func (r *editorRenderer) Objects() []fyne.CanvasObject {
	ed := r.ed
	if ed.editing || !ed.code {
		return []fyne.CanvasObject{ed.gutter, ed.body}
	}
	return []fyne.CanvasObject{ed.gutter, ed.bg, ed.themed}
}

func (r *editorRenderer) Refresh() {
	ed := r.ed
	ed.bg.FillColor = theme.ColorForWidget(theme.ColorNameInputBackground, ed)
	ed.bg.CornerRadius = ed.Theme().Size(theme.SizeNameInputRadius)
	ed.bg.Refresh()
	if ed.code {
		ed.gutter.Show()
	} else {
		ed.gutter.Hide()
	}
	r.Layout(ed.Size())
	canvas.Refresh(ed)
}
