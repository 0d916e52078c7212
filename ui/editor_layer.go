package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// codeLayer draws a code cell's source highlighted over the editor's
// entry, whose own text is transparent (inkTheme), while the cell is
// edited: one canvas.Text per token, placed where the entry draws the
// same characters (its inner padding, one text line per row, x from the
// width of the line before the token). A change redraws only the lines
// between the unchanged first and last lines, so a keystroke in a long
// cell costs little (BenchmarkKeystroke).
type codeLayer struct {
	widget.BaseWidget
	src   string
	lines []layerLine
	objs  []fyne.CanvasObject
	// the text size, the line height and the padding laid out with.
	size, lineH, pad float32
}

// layerLine is one line's tokens and its width.
type layerLine struct {
	toks  []layerTok
	width float32
}

type layerTok struct {
	text  string
	color fyne.ThemeColorName
	obj   *canvas.Text
}

func newCodeLayer() *codeLayer {
	l := &codeLayer{}
	l.ExtendBaseWidget(l)
	return l
}

// Text is the source drawn (tabs expanded).
func (l *codeLayer) Text() string {
	var b strings.Builder
	for i, ln := range l.lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		for _, t := range ln.toks {
			b.WriteString(t.text)
		}
	}
	return b.String()
}

// splitLines highlights src and cuts the tokens into lines.
func splitLines(src string) []layerLine {
	lines := []layerLine{{}}
	for _, s := range expandTabs(highlight(src)) {
		ts := s.(*widget.TextSegment)
		for i, part := range strings.Split(ts.Text, "\n") {
			if i > 0 {
				lines = append(lines, layerLine{})
			}
			if part != "" {
				ln := &lines[len(lines)-1]
				ln.toks = append(ln.toks, layerTok{text: part, color: ts.Style.ColorName})
			}
		}
	}
	if len(lines) == 1 && len(lines[0].toks) == 1 && lines[0].toks[0].text == " " && src == "" {
		lines[0].toks = nil // highlight's placeholder for an empty source
	}
	return lines
}

func sameLine(a, b layerLine) bool {
	if len(a.toks) != len(b.toks) {
		return false
	}
	for i := range a.toks {
		if a.toks[i].text != b.toks[i].text || a.toks[i].color != b.toks[i].color {
			return false
		}
	}
	return true
}

// SetText draws src, redrawing only the lines that changed.
func (l *codeLayer) SetText(src string) {
	if src == l.src && l.lines != nil {
		return
	}
	l.src = src
	lines := splitLines(src)
	old := l.lines
	// The unchanged lines at the start and at the end keep their objects.
	pre := 0
	for pre < len(old) && pre < len(lines) && sameLine(old[pre], lines[pre]) {
		lines[pre] = old[pre]
		pre++
	}
	suf := 0
	for suf < len(old)-pre && suf < len(lines)-pre && sameLine(old[len(old)-1-suf], lines[len(lines)-1-suf]) {
		lines[len(lines)-1-suf] = old[len(old)-1-suf]
		suf++
	}
	l.lines = lines
	if l.lineH == 0 {
		l.measure()
	}
	colors := map[fyne.ThemeColorName]color.Color{}
	for i := pre; i < len(lines)-suf; i++ {
		l.drawLine(i, colors)
		for _, t := range lines[i].toks {
			canvas.Refresh(t.obj)
		}
	}
	if len(lines) != len(old) {
		for i := len(lines) - suf; i < len(lines); i++ {
			l.placeLine(i)
		}
	}
	l.objs = l.objs[:0]
	for _, ln := range l.lines {
		for _, t := range ln.toks {
			l.objs = append(l.objs, t.obj)
		}
	}
}

// measure reads the theme's text size and padding.
func (l *codeLayer) measure() {
	th := l.Theme()
	l.size = th.Size(theme.SizeNameText)
	l.pad = th.Size(theme.SizeNameInnerPadding)
	l.lineH = fyne.MeasureText("M", l.size, fyne.TextStyle{Monospace: true}).Height
}

// drawLine makes line i's texts, colored (colors caches the theme's
// colors) and placed.
func (l *codeLayer) drawLine(i int, colors map[fyne.ThemeColorName]color.Color) {
	ln := &l.lines[i]
	for j := range ln.toks {
		t := &ln.toks[j]
		if t.obj == nil {
			t.obj = canvas.NewText(t.text, nil)
			t.obj.TextStyle = fyne.TextStyle{Monospace: true}
		}
		c, ok := colors[t.color]
		if !ok {
			c = l.Theme().Color(t.color, fyne.CurrentApp().Settings().ThemeVariant())
			colors[t.color] = c
		}
		t.obj.Color = c
		t.obj.TextSize = l.size
	}
	l.placeLine(i)
}

// placeLine moves line i's texts to its row.
func (l *codeLayer) placeLine(i int) {
	ln := &l.lines[i]
	y := l.pad + float32(i)*l.lineH
	var prefix strings.Builder
	x := l.pad
	for _, t := range ln.toks {
		t.obj.Move(fyne.NewPos(x, y))
		t.obj.Resize(t.obj.MinSize())
		prefix.WriteString(t.text)
		x = l.pad + fyne.MeasureText(prefix.String(), l.size, t.obj.TextStyle).Width
	}
	ln.width = x - l.pad
}

// CreateRenderer implements fyne.Widget.
func (l *codeLayer) CreateRenderer() fyne.WidgetRenderer { return &codeLayerRenderer{l} }

type codeLayerRenderer struct{ l *codeLayer }

func (r *codeLayerRenderer) Destroy()                     {}
func (r *codeLayerRenderer) Layout(fyne.Size)             {}
func (r *codeLayerRenderer) Objects() []fyne.CanvasObject { return r.l.objs }

func (r *codeLayerRenderer) MinSize() fyne.Size {
	l := r.l
	var w float32
	for _, ln := range l.lines {
		w = max(w, ln.width)
	}
	return fyne.NewSize(w+2*l.pad, float32(max(len(l.lines), 1))*l.lineH+2*l.pad)
}

// Refresh redraws everything: the theme (colors, sizes) may have changed.
func (r *codeLayerRenderer) Refresh() {
	l := r.l
	l.measure()
	colors := map[fyne.ThemeColorName]color.Color{}
	for i := range l.lines {
		l.drawLine(i, colors)
	}
	for _, o := range l.objs {
		o.Refresh()
	}
}
