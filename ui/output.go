package ui

// A code cell's outputs: the document's outputs (sessions.Output) are the
// truth, and an outputArea keeps one view per output in step with them.
// Outputs that arrive while a cell runs change the document at once; the
// views catch up at most every tick (see queue.go), so that a cell that
// prints in a tight loop never floods the window with redraws.

import (
	"fmt"
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"workbench/interp"
	"workbench/sessions"
)

// fromKernel converts an output of the kernel to the document's.
func fromKernel(o interp.Output) sessions.Output {
	return sessions.Output{
		Type:      sessions.OutputType(o.Type.String()),
		Name:      o.Name,
		Text:      o.Text,
		Data:      sessions.Bundle(o.Data),
		DisplayID: o.DisplayID,
		EName:     o.ErrName,
		EValue:    o.ErrValue,
		Traceback: o.Traceback,
	}
}

// outputEnv is what output views need of their cell and view.
type outputEnv struct {
	// scroll is the notebook's scroller, for wide outputs to hand it the
	// vertical wheel.
	scroll func() *container.Scroll
	// width is the width outputs have, to fit images to.
	width func() float32
	// source is the cell's source, to quote the line of an error.
	source func() string
	// status reports a message (a saved file, a failure) to the shell.
	status func(string)
	// resized tells the cell that an output changed its size by itself.
	resized func()
	// tapped is a click on an output: outputs with a menu of their own
	// take the clicks (the driver gives a click to the innermost object
	// that handles any), and pass this one on to select the cell.
	tapped func()
	// keys takes the keys typed while an output has the focus (a text
	// output takes it to copy a selection): the notebook's command mode.
	keys interface {
		fyne.Focusable
		fyne.Shortcutable
	}
}

// tap passes a click on an output to its cell.
func (e *outputEnv) tap() {
	if e.tapped != nil {
		e.tapped()
	}
}

// outputView shows one output.
type outputView interface {
	fyne.CanvasObject
	// update shows o, the same output with new content (a stream that
	// grew, a display that was replaced); false means this kind of view
	// cannot show it, and the area makes a new one.
	update(o *sessions.Output) bool
}

// newOutputView returns the view that fits o.
func newOutputView(o *sessions.Output, env *outputEnv) outputView {
	switch o.Type {
	case sessions.OutputStream:
		t := newTextOutput(env)
		if o.Name == "stderr" {
			t.color = theme.ColorNameWarning
		}
		t.update(o)
		return t
	case sessions.OutputError:
		e := newErrorOutput(env)
		e.update(o)
		return e
	case sessions.OutputDisplayData, sessions.OutputExecuteResult:
		switch displayKind(o.Data) {
		case "progress":
			p := newProgressOutput()
			p.update(o)
			return p
		case "image":
			im := newImageOutput(env)
			if im.update(o) {
				return im
			}
		case "table":
			t := newTableOutput(env)
			if t.update(o) {
				return t
			}
		case "markdown":
			m := newMarkdownOutput()
			m.update(o)
			return m
		}
	}
	t := newTextOutput(env)
	t.update(o)
	return t
}

// displayKind picks how a bundle is shown: "progress", "image", "table",
// "markdown" or "text".
func displayKind(b sessions.Bundle) string {
	switch {
	case b[sessions.MIMEProgress] != nil:
		return "progress"
	case b[sessions.MIMEPNG] != nil || b[sessions.MIMESVG] != nil:
		return "image"
	case b[sessions.MIMETable] != nil:
		return "table"
	case b["text/markdown"] != nil && b[sessions.MIMEText] == nil:
		return "markdown"
	}
	return "text"
}

var htmlTag = regexp.MustCompile(`(?s)<[^>]*>`)

// plainText is the text an output shows as text: a stream's text, the
// bundle's text/plain, or else what can be made of its other types.
func plainText(o *sessions.Output) string {
	switch o.Type {
	case sessions.OutputStream:
		return o.Text
	case sessions.OutputError:
		return errorText(o)
	}
	if t, ok := o.Data[sessions.MIMEText]; ok {
		return string(t)
	}
	if t, ok := o.Data["text/markdown"]; ok {
		return string(t)
	}
	if t, ok := o.Data["text/latex"]; ok {
		return latexText(strings.Trim(string(t), "$ \n"))
	}
	if h, ok := o.Data[sessions.MIMEHTML]; ok {
		return strings.TrimSpace(htmlUnescape(htmlTag.ReplaceAllString(string(h), "")))
	}
	if len(o.Data) == 0 && o.Type != sessions.OutputDisplayData && o.Type != sessions.OutputExecuteResult {
		return fmt.Sprintf("[an output of type %s]", o.Type)
	}
	var types []string
	for k := range o.Data {
		types = append(types, k)
	}
	if len(types) == 0 {
		return ""
	}
	return fmt.Sprintf("[%s]", strings.Join(types, ", "))
}

// htmlUnescape undoes the few entities text outputs use.
func htmlUnescape(s string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'", "&amp;", "&", "&nbsp;", " ").Replace(s)
}

// outputArea shows a cell's outputs.
type outputArea struct {
	stack *vstack
	env   *outputEnv
	views []outputView
	dirty map[int]bool
}

func newOutputArea(env *outputEnv) *outputArea {
	a := &outputArea{env: env, dirty: map[int]bool{}}
	a.stack = newVStack(theme.Padding() / 2)
	return a
}

// reset drops every view: the outputs were cleared or replaced.
func (a *outputArea) reset() {
	a.views = nil
	a.dirty = map[int]bool{}
	a.stack.set(nil)
}

// markDirty notes that output i changed.
func (a *outputArea) markDirty(i int) { a.dirty[i] = true }

// sync brings the views in step with outs and reports whether any
// changed.
func (a *outputArea) sync(outs []sessions.Output) bool {
	changed := false
	if len(a.views) > len(outs) {
		a.views = nil
		changed = true
	}
	for i := range a.dirty {
		if i < len(a.views) {
			if !a.views[i].update(&outs[i]) {
				a.views[i] = newOutputView(&outs[i], a.env)
			}
			changed = true
		}
	}
	clear(a.dirty)
	for i := len(a.views); i < len(outs); i++ {
		a.views = append(a.views, newOutputView(&outs[i], a.env))
		changed = true
	}
	if !changed {
		return false
	}
	objs := make([]fyne.CanvasObject, len(a.views))
	for i, v := range a.views {
		objs[i] = v
	}
	a.stack.set(objs)
	return true
}
