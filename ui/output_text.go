package ui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workbench/sessions"
)

// How much of a text output is shown at first: a very large output (a
// print loop, a giant array) is cut to this, with buttons to see more, so
// that the window never stalls laying out megabytes of text.
const (
	textShowLines = 2000
	textShowBytes = 200 << 10
	// textLineRunes cuts very long lines (a texture per line must stay
	// within what the GPU takes).
	textLineRunes = 2000
	// textShowAllMax is the most "Show all" shows; past it only "Show
	// more" (and copying) is offered.
	textShowAllMax = 200_000
)

// textOutput shows text (a stream, a text/plain value such as an array's
// printout) in monospace, cut when large, selectable with the mouse (see
// selText).
type textOutput struct {
	widget.BaseWidget
	env   *outputEnv
	color fyne.ThemeColorName
	text  string
	shown string
	// lines and bytes are the limits of what is shown.
	lines, bytes int

	rich   *widget.RichText
	sel    *selText
	scroll *hScroll
	note   *widget.Label
	more   *widget.Button
	all    *widget.Button
	bar    *fyne.Container
	box    *vstack
}

func newTextOutput(env *outputEnv) *textOutput {
	t := &textOutput{env: env, color: theme.ColorNameForeground, lines: textShowLines, bytes: textShowBytes}
	t.rich = widget.NewRichText()
	t.sel = newSelText(t.rich, env, t.copyText)
	// The selection under the text; it takes the mouse (the text takes
	// none).
	t.scroll = newHScroll(container.NewStack(t.sel, t.rich), env.scroll)
	t.note = widget.NewLabel("")
	t.note.TextStyle.Italic = true
	t.more = widget.NewButton("Show more", func() { t.grow(false) })
	t.all = widget.NewButton("Show all", func() { t.grow(true) })
	copyAll := widget.NewButtonWithIcon("Copy all", theme.ContentCopyIcon(), t.copyText)
	for _, b := range []*widget.Button{t.more, t.all, copyAll} {
		b.Importance = widget.LowImportance
	}
	t.bar = container.NewHBox(t.note, t.more, t.all, copyAll)
	t.bar.Hide()
	t.box = newVStack(0, t.scroll, t.bar)
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer implements fyne.Widget.
func (t *textOutput) CreateRenderer() fyne.WidgetRenderer { return &textRenderer{t: t} }

// textRenderer draws the text with half of the rich text's own padding
// above and below, so that outputs in a row read as one block.
type textRenderer struct{ t *textOutput }

func (r *textRenderer) trim() float32 { return r.t.Theme().Size(theme.SizeNameInnerPadding) / 2 }

func (r *textRenderer) Destroy() {}

func (r *textRenderer) Layout(size fyne.Size) {
	d := r.trim()
	r.t.box.Move(fyne.NewPos(0, -d/2))
	r.t.box.Resize(fyne.NewSize(size.Width, size.Height+d))
}

func (r *textRenderer) MinSize() fyne.Size {
	m := r.t.box.MinSize()
	return fyne.NewSize(m.Width, max(m.Height-r.trim(), 0))
}

func (r *textRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.t.box} }

func (r *textRenderer) Refresh() { r.t.box.Refresh() }

func (t *textOutput) update(o *sessions.Output) bool {
	if o.Type == sessions.OutputDisplayData || o.Type == sessions.OutputExecuteResult {
		if k := displayKind(o.Data); k != "text" {
			return false
		}
	}
	t.setText(plainText(o))
	return true
}

// setText shows text, cut to the limits.
func (t *textOutput) setText(text string) {
	t.text = text
	head, cut := textHead(text, t.lines, t.bytes)
	if head != t.shown || len(t.rich.Segments) == 0 {
		t.shown = head
		t.rich.Segments = []widget.RichTextSegment{&widget.TextSegment{
			Text:  strings.TrimSuffix(head, "\n"),
			Style: widget.RichTextStyle{ColorName: t.color, TextStyle: fyne.TextStyle{Monospace: true}},
		}}
		t.rich.Refresh()
		t.sel.setText(strings.TrimSuffix(head, "\n"))
	}
	if cut {
		total := strings.Count(text, "\n")
		if !strings.HasSuffix(text, "\n") {
			total++
		}
		shown := strings.Count(head, "\n")
		t.note.SetText(fmt.Sprintf("Output cut: %s of %s lines (%s) shown.", commas(shown), commas(total), byteSize(len(text))))
		t.all.SetText(fmt.Sprintf("Show all (%s lines)", commas(total)))
		if total > textShowAllMax || len(text) > 64*textShowBytes {
			t.all.Hide()
		} else {
			t.all.Show()
		}
		t.bar.Show()
	} else {
		t.bar.Hide()
	}
	t.box.Refresh()
}

// grow shows more of the text: five times as much, or all of it.
func (t *textOutput) grow(all bool) {
	if all {
		t.lines, t.bytes = len(t.text)+1, len(t.text)+1
	} else {
		t.lines, t.bytes = t.lines*5, t.bytes*5
	}
	t.setText(t.text)
	t.relayout()
}

// relayout tells the enclosing widgets that t's size changed.
func (t *textOutput) relayout() {
	if t.env.resized != nil {
		t.env.resized()
	}
}

func (t *textOutput) copyText() {
	fyne.CurrentApp().Clipboard().SetContent(t.text)
	if t.env.status != nil {
		t.env.status(fmt.Sprintf("copied %s of output", byteSize(len(t.text))))
	}
}

// TappedSecondary implements fyne.SecondaryTappable: a menu to copy the
// text.
func (t *textOutput) TappedSecondary(ev *fyne.PointEvent) {
	showMenu(t, ev, fyne.NewMenuItem("Copy output", t.copyText))
}

// textHead returns the beginning of s that fits in maxLines lines and
// maxBytes bytes (cut at a line's end where it can be), with lines longer
// than textLineRunes cut, and whether anything was left out.
func textHead(s string, maxLines, maxBytes int) (string, bool) {
	cut := false
	end := len(s)
	if end > maxBytes {
		end, cut = maxBytes, true
		if i := strings.LastIndexByte(s[:end], '\n'); i > 0 {
			end = i + 1
		} else {
			for end > 0 && !utf8.RuneStart(s[end]) {
				end--
			}
		}
	}
	n := 0
	for i := 0; i < end; i++ {
		if s[i] == '\n' {
			n++
			if n == maxLines && i+1 < len(s) {
				end, cut = i+1, true
				break
			}
		}
	}
	head := s[:end]
	if strings.Contains(head, "\n") || len(head) > textLineRunes {
		head = cutLongLines(head)
	}
	return head, cut
}

// cutLongLines shortens lines of more than textLineRunes runes.
func cutLongLines(s string) string {
	long := false
	for line := range strings.SplitSeq(s, "\n") {
		if len(line) > textLineRunes && utf8.RuneCountInString(line) > textLineRunes {
			long = true
			break
		}
	}
	if !long {
		return s
	}
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		if r := []rune(line); len(r) > textLineRunes {
			fmt.Fprintf(&b, "%s … (%s more characters)", string(r[:textLineRunes]), commas(len(r)-textLineRunes))
			continue
		}
		b.WriteString(line)
	}
	return b.String()
}

// commas writes n with thousands separators.
func commas(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + commas(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// byteSize writes a size in bytes for people.
func byteSize(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// Tapped implements fyne.Tappable: a click selects the cell.
func (t *textOutput) Tapped(*fyne.PointEvent) { t.env.tap() }
