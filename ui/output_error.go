package ui

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workbench/sessions"
)

// errorPos matches the place an error message of the kernel starts with
// when it is in the cell itself: "line 3, column 7: ...".
var errorPos = regexp.MustCompile(`^line (\d+), column (\d+): `)

// errorLine returns the line and column (1-based) of the cell that an
// error output points at, or 0, 0.
func errorLine(o *sessions.Output) (line, col int) {
	m := errorPos.FindStringSubmatch(o.EValue)
	if m == nil {
		return 0, 0
	}
	line, _ = strconv.Atoi(m[1])
	col, _ = strconv.Atoi(m[2])
	return line, col
}

// errorText is an error output as plain text, for copying.
func errorText(o *sessions.Output) string {
	var b strings.Builder
	b.WriteString(o.EName)
	if o.EValue != "" {
		b.WriteString(": " + o.EValue)
	}
	for i, t := range o.Traceback {
		if i == 0 && t == o.EValue {
			continue
		}
		b.WriteString("\n" + t)
	}
	return b.String()
}

// errorOutput shows an error in the theme's error color: the kind and the
// message, the line of the cell it points at with a caret under the
// column, and the rest of the traceback.
type errorOutput struct {
	widget.BaseWidget
	env  *outputEnv
	out  sessions.Output
	bar  *canvas.Rectangle
	rich *widget.RichText
}

func newErrorOutput(env *outputEnv) *errorOutput {
	e := &errorOutput{env: env, bar: canvas.NewRectangle(theme.Color(theme.ColorNameError))}
	e.rich = widget.NewRichText()
	e.rich.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

func (e *errorOutput) update(o *sessions.Output) bool {
	if o.Type != sessions.OutputError {
		return false
	}
	e.out = *o
	e.rich.Segments = errorSegments(o, e.env.source())
	e.rich.Refresh()
	return true
}

// errorSegments lays an error out.
func errorSegments(o *sessions.Output, source string) []widget.RichTextSegment {
	red := func(text string, bold, mono, inline bool) *widget.TextSegment {
		return &widget.TextSegment{Text: text, Style: widget.RichTextStyle{
			Inline: inline, ColorName: theme.ColorNameError,
			TextStyle: fyne.TextStyle{Bold: bold && !mono, Monospace: mono},
		}}
	}
	segs := []widget.RichTextSegment{red(o.EName, true, false, true)}
	msg := o.EValue
	if msg != "" {
		segs = append(segs, red(": "+msg, false, false, false))
	} else {
		segs = append(segs, red("", false, false, false))
	}
	if line, col := errorLine(o); line > 0 {
		if ex := excerpt(source, line, col); ex != "" {
			segs = append(segs, red(ex, false, true, false))
		}
	}
	for i, t := range o.Traceback {
		if i == 0 && t == o.EValue {
			continue
		}
		segs = append(segs, &widget.TextSegment{Text: t, Style: widget.RichTextStyle{
			ColorName: theme.ColorNameForeground, TextStyle: fyne.TextStyle{Monospace: true},
		}})
	}
	return segs
}

// excerpt quotes line (1-based) of source with a caret under column col
// (1-based, in bytes; 0 for none), tabs written as four spaces.
func excerpt(source string, line, col int) string {
	lines := strings.Split(source, "\n")
	if line < 1 || line > len(lines) {
		return ""
	}
	text := lines[line-1]
	prefix := fmt.Sprintf("%4d │ ", line)
	caret := ""
	if col >= 1 && col <= len(text)+1 {
		before := strings.ReplaceAll(text[:col-1], "\t", "    ")
		caret = "\n" + strings.Repeat(" ", len([]rune(prefix))+len([]rune(before))) + "^"
	}
	return prefix + strings.ReplaceAll(text, "\t", "    ") + caret
}

// TappedSecondary implements fyne.SecondaryTappable: copy the error.
func (e *errorOutput) TappedSecondary(ev *fyne.PointEvent) {
	showMenu(e, ev, fyne.NewMenuItem("Copy error", func() {
		fyne.CurrentApp().Clipboard().SetContent(errorText(&e.out))
	}))
}

// CreateRenderer implements fyne.Widget.
func (e *errorOutput) CreateRenderer() fyne.WidgetRenderer { return &errorRenderer{e: e} }

type errorRenderer struct{ e *errorOutput }

func (r *errorRenderer) barWidth() float32 { return theme.Padding() }

func (r *errorRenderer) Destroy() {}

func (r *errorRenderer) Layout(size fyne.Size) {
	w := r.barWidth()
	r.e.bar.Resize(fyne.NewSize(w, size.Height))
	r.e.bar.Move(fyne.NewPos(0, 0))
	r.e.rich.Move(fyne.NewPos(w, 0))
	r.e.rich.Resize(fyne.NewSize(size.Width-w, size.Height))
}

func (r *errorRenderer) MinSize() fyne.Size {
	m := r.e.rich.MinSize()
	return fyne.NewSize(m.Width+r.barWidth(), m.Height)
}

func (r *errorRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.e.bar, r.e.rich}
}

func (r *errorRenderer) Refresh() {
	r.e.bar.FillColor = theme.ColorForWidget(theme.ColorNameError, r.e)
	r.e.bar.Refresh()
	r.e.rich.Refresh()
}

// Tapped implements fyne.Tappable: a click selects the cell.
func (e *errorOutput) Tapped(*fyne.PointEvent) { e.env.tap() }
