package ui

import (
	"encoding/json"
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"workbench/sessions"
)

// progressOutput shows a progress display (MIMEProgress, {"i":450,"n":1000})
// as a bar, with the kernel's text beside it (percentage, count, times);
// the kernel updates it in place (update_display_data), and so does the
// view.
type progressOutput struct {
	widget.BaseWidget
	bar      *widget.ProgressBar
	infinite *widget.ProgressBarInfinite
	label    *widget.Label
	i, n     int
}

func newProgressOutput() *progressOutput {
	p := &progressOutput{bar: widget.NewProgressBar(), label: widget.NewLabel("")}
	p.bar.TextFormatter = func() string { return "" }
	p.label.TextStyle.Monospace = true
	p.ExtendBaseWidget(p)
	return p
}

// progressBarText matches the text bar that starts the text/plain form.
var progressBarText = regexp.MustCompile(`^\[[#.]*\]\s*`)

func (p *progressOutput) update(o *sessions.Output) bool {
	raw, ok := o.Data[sessions.MIMEProgress]
	if !ok {
		return false
	}
	var st struct{ I, N int }
	if json.Unmarshal(raw, &st) != nil {
		return false
	}
	p.i, p.n = st.I, st.N
	text := strings.TrimSpace(progressBarText.ReplaceAllString(string(o.Data[sessions.MIMEText]), ""))
	p.label.SetText(text)
	if st.N > 0 {
		p.bar.Max = float64(st.N)
		p.bar.SetValue(float64(min(max(st.I, 0), st.N)))
		if p.infinite != nil {
			p.infinite.Stop()
			p.infinite = nil
			p.Refresh()
		}
	} else if p.infinite == nil {
		p.infinite = widget.NewProgressBarInfinite()
		p.Refresh()
	}
	return true
}

// CreateRenderer implements fyne.Widget.
func (p *progressOutput) CreateRenderer() fyne.WidgetRenderer { return &progressRenderer{p: p} }

type progressRenderer struct{ p *progressOutput }

func (r *progressRenderer) barObject() fyne.CanvasObject {
	if r.p.infinite != nil {
		return r.p.infinite
	}
	return r.p.bar
}

func (r *progressRenderer) Destroy() {}

// Layout gives the bar up to 40% of the width (at least 160) and the
// label the rest.
func (r *progressRenderer) Layout(size fyne.Size) {
	bw := min(max(size.Width*0.4, 160), size.Width)
	bar := r.barObject()
	bh := bar.MinSize().Height
	bar.Resize(fyne.NewSize(bw, bh))
	bar.Move(fyne.NewPos(0, (size.Height-bh)/2))
	lh := r.p.label.MinSize().Height
	r.p.label.Resize(fyne.NewSize(size.Width-bw, lh))
	r.p.label.Move(fyne.NewPos(bw, (size.Height-lh)/2))
}

func (r *progressRenderer) MinSize() fyne.Size {
	b, l := r.barObject().MinSize(), r.p.label.MinSize()
	return fyne.NewSize(160+l.Width, max(b.Height, l.Height))
}

func (r *progressRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.barObject(), r.p.label}
}

func (r *progressRenderer) Refresh() { r.Layout(r.p.Size()) }
