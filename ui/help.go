package ui

import (
	"context"
	"errors"
	"fmt"
	"go/doc/comment"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workbench/interp"
	"workbench/version"
)

// helpHint is what the help panel shows when it has nothing to show.
const helpHint = "Put the cursor on a name in a code cell to see its documentation here (Ctrl+I, View ▸ Help for Name Under Cursor)."

// helpPanel shows the documentation of the name under the cursor, from
// the kernel (Kernel.Inspect).
type helpPanel struct {
	s       *Shell
	box     fyne.CanvasObject
	text    *widget.RichText
	scroll  *container.Scroll
	shown   string // the markdown shown
	code    string // the code and cursor asked about last
	cursor  int
	loading bool
	again   bool
	// cursorContext is the view's CursorContext (tests replace it).
	cursorContext func() (string, int, bool)
}

func newHelpPanel(s *Shell) *helpPanel {
	p := &helpPanel{s: s, cursorContext: s.view.CursorContext, cursor: -1}
	p.text = widget.NewRichText()
	p.text.Wrapping = fyne.TextWrapWord
	p.scroll = container.NewVScroll(p.text)
	hide := widget.NewButtonWithIcon("", theme.CancelIcon(), func() { s.ShowHelp(false) })
	hide.Importance = widget.LowImportance
	p.box = container.NewBorder(sidePanelTitle("Help", hide), nil, nil, nil, p.scroll)
	p.setMarkdown(helpHint)
	return p
}

func (p *helpPanel) setMarkdown(md string) {
	if md == p.shown {
		return
	}
	p.shown = md
	p.text.ParseMarkdown(md)
	p.scroll.ScrollToTop()
}

// clear forgets the name shown (another notebook opened).
func (p *helpPanel) clear() {
	p.code, p.cursor = "", -1
	p.setMarkdown(helpHint)
}

// update asks the kernel about the name under the cursor, when the cursor
// moved (or always, when force) and shows the answer.
func (p *helpPanel) update(force bool) {
	code, cursor, ok := p.cursorContext()
	if !ok {
		if force {
			p.setMarkdown(helpHint)
		}
		return
	}
	if !force && code == p.code && cursor == p.cursor {
		return
	}
	p.code, p.cursor = code, cursor
	k := p.s.kernel
	if k == nil {
		if force {
			p.setMarkdown("No kernel is running: help comes from the kernel.")
		}
		return
	}
	if p.loading {
		p.again = true
		return
	}
	p.loading = true
	gen := p.s.kernelGen
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		in, err := k.Inspect(ctx, code, cursor)
		p.s.post(func() {
			p.loading = false
			if gen == p.s.kernelGen {
				switch {
				case errors.Is(err, context.DeadlineExceeded):
					if force {
						p.setMarkdown("The kernel is busy running a cell: help comes when it is done.")
					}
				case err != nil:
					if force {
						p.setMarkdown("No help: " + err.Error())
					}
				case in.Found:
					p.setMarkdown(inspectionMarkdown(in))
				case force:
					p.setMarkdown("Nothing known under the cursor.\n\n" + helpHint)
				}
			}
			if p.again {
				p.again = false
				p.update(true)
			}
		})
	}()
}

// inspectionMarkdown renders the kernel's answer: the name, its kind, its
// declaration, and its doc comment.
func inspectionMarkdown(in interp.Inspection) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", in.Name)
	if in.Kind != "" {
		fmt.Fprintf(&b, "*%s*\n\n", in.Kind)
	}
	if in.Signature != "" {
		fmt.Fprintf(&b, "```\n%s\n```\n\n", strings.TrimSpace(in.Signature))
	}
	if in.Value != "" {
		fmt.Fprintf(&b, "Value: `%s`\n\n", strings.ReplaceAll(in.Value, "`", "'"))
	}
	if doc := strings.TrimSpace(in.Doc); doc != "" {
		var p comment.Parser
		var pr comment.Printer
		b.Write(pr.Markdown(p.Parse(doc)))
	}
	return b.String()
}

// HelpText returns the help panel's text (markdown).
func (s *Shell) HelpText() string { return s.help.shown }

// ShowHelpForCursor shows the help panel with the documentation of the
// name under the cursor.
func (s *Shell) ShowHelpForCursor() {
	if !s.showHelp {
		s.ShowHelp(true)
		return
	}
	s.help.update(true)
}

// ShowAbout shows the versions of Workbench, Go and Fyne, and the kernel's
// environment.
func (s *Shell) ShowAbout() {
	d := dialog.NewCustom("About Workbench", "Close", widget.NewRichTextFromMarkdown(s.aboutText()), s.win)
	d.Show()
}

// aboutText is the About box's markdown.
func (s *Shell) aboutText() string {
	var b strings.Builder
	v := version.Version
	if r := version.Revision(); r != "" {
		v += " (" + r + ")"
	}
	fmt.Fprintf(&b, "## Workbench %s\n\nA desktop notebook for scientific computing in Go.\n\n", v)
	fmt.Fprintf(&b, "- App: %s, %s/%s, Fyne %s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH, fyneVersion())
	if s.kernel == nil {
		b.WriteString("- Kernel: not running\n")
		return b.String()
	}
	e := s.kernel.Environment()
	fmt.Fprintf(&b, "- Kernel: Workbench %s, %s, %s/%s\n", e.Workbench, e.Go, e.OS, e.Arch)
	fmt.Fprintf(&b, "- CPU: SIMD level %s (features: %s), %d workers\n", e.SIMD, strings.Join(e.CPUFeatures, " "), e.Workers)
	fmt.Fprintf(&b, "- Devices: %s\n", strings.Join(e.Devices, ", "))
	fmt.Fprintf(&b, "- Seed of rng: %d\n", e.Seed)
	return b.String()
}

// fyneVersion returns the version of the Fyne module built in.
func fyneVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, d := range info.Deps {
			if d.Path == "fyne.io/fyne/v2" {
				return d.Version
			}
		}
	}
	return "(unknown)"
}
