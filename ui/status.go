package ui

import (
	"fmt"
	"runtime/metrics"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workbench/interp"
)

// shellStatusBar is the line at the bottom of the window: the kernel's
// state, the device, the memory in use and the last message.
type shellStatusBar struct {
	bar                             *fyne.Container
	left                            *fyne.Container
	dot                             *canvas.Circle
	kernel, device, memory, message *widget.Label
}

func newShellStatusBar() *shellStatusBar {
	b := &shellStatusBar{
		dot:     canvas.NewCircle(theme.Color(theme.ColorNameDisabled)),
		kernel:  widget.NewLabel("No kernel"),
		device:  widget.NewLabel(""),
		memory:  widget.NewLabel(""),
		message: widget.NewLabel(""),
	}
	b.message.Truncation = fyne.TextTruncateEllipsis
	b.message.Alignment = fyne.TextAlignTrailing
	b.left = container.NewHBox()
	b.bar = container.NewBorder(nil, nil, b.left, nil, b.message)
	b.layout()
	return b
}

// layout shows the parts that have something to say, with separators
// between them.
func (b *shellStatusBar) layout() {
	dot := container.NewGridWrap(fyne.NewSquareSize(theme.TextSize()*0.7), b.dot)
	objs := []fyne.CanvasObject{container.NewCenter(dot), b.kernel}
	for _, l := range []*widget.Label{b.device, b.memory} {
		if l.Text != "" {
			objs = append(objs, widget.NewSeparator(), l)
		}
	}
	b.left.Objects = objs
	b.left.Refresh()
}

func (b *shellStatusBar) setMessage(msg string) {
	msg = strings.TrimSpace(strings.SplitN(msg, "\n", 2)[0])
	b.message.SetText(msg)
}

// setText sets one of the labels, and lays the bar out again when it
// becomes empty or not.
func (b *shellStatusBar) setText(l *widget.Label, text string) {
	if l.Text == text {
		return
	}
	relayout := (l.Text == "") != (text == "")
	l.SetText(text)
	if relayout {
		b.layout()
	}
}

// StatusText returns the status bar's text: the kernel's state, the
// device, the memory in use and the last message, " | " between them.
func (s *Shell) StatusText() string {
	var parts []string
	for _, l := range []*widget.Label{s.status.kernel, s.status.device, s.status.memory, s.status.message} {
		if l.Text != "" {
			parts = append(parts, l.Text)
		}
	}
	return strings.Join(parts, " | ")
}

// updateStatus shows the kernel's state and device.
func (s *Shell) updateStatus() {
	b := s.status
	text, col := "No kernel", theme.ColorNameDisabled
	switch s.kernelState {
	case "starting":
		text, col = "Kernel starting…", theme.ColorNameDisabled
	case "idle":
		text, col = "Kernel idle", theme.ColorNameSuccess
	case "busy":
		text, col = "Kernel busy", theme.ColorNameWarning
	case "dead":
		text, col = "Kernel dead (Kernel ▸ Restart)", theme.ColorNameError
	case "failed":
		text, col = "Kernel failed to start", theme.ColorNameError
	default:
		if s.foreign != "" {
			text = "No kernel (" + s.foreign + " notebook)"
		}
	}
	b.kernel.SetText(text)
	b.dot.FillColor = theme.Color(col)
	b.dot.Refresh()
	if s.kernel != nil {
		b.setText(b.device, deviceText(s.kernel.Environment()))
	} else if s.kernelState != "dead" {
		b.setText(b.device, "")
	}
}

// deviceText describes where cells compute: "CPU · AVX-512 · 8 workers",
// and the GPU when the kernel has one: its renderer and GL version as the
// kernel's environment describes it, else its name.
func deviceText(env interp.Environment) string {
	parts := []string{"CPU"}
	switch env.SIMD {
	case "":
	case "avx512":
		parts = append(parts, "AVX-512")
	case "avx2":
		parts = append(parts, "AVX2")
	case "go":
		parts = append(parts, "portable Go (no SIMD)")
	default:
		parts = append(parts, strings.ToUpper(env.SIMD))
	}
	if env.Workers == 1 {
		parts = append(parts, "1 worker")
	} else if env.Workers > 1 {
		parts = append(parts, fmt.Sprintf("%d workers", env.Workers))
	}
	text := strings.Join(parts, " · ")
	if env.GPU != "" {
		// The renderer and GL version, cut to fit the bar.
		return text + " | GPU: " + shorten(env.GPU, maxGPUText)
	}
	for _, d := range env.Devices {
		if d != "" && !strings.EqualFold(d, "cpu") {
			text += " | GPU: " + d
			break
		}
	}
	return text
}

// maxGPUText is the most characters of the GPU's description that the
// status bar shows.
const maxGPUText = 48

// shorten cuts s to at most n characters, ending with "…" when cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// readMemory reads the memory in use off the UI goroutine and shows it.
func (s *Shell) readMemory() {
	if s.closed {
		return
	}
	running := s.kernel != nil
	go func() {
		app := appMemory()
		kernel, ok := uint64(0), false
		if running {
			kernel, ok = kernelRSS()
		}
		s.post(func() { s.status.setText(s.status.memory, memoryText(app, kernel, ok)) })
	}()
}

// memoryText says how much memory is in use, and what was measured.
func memoryText(app, kernel uint64, kernelKnown bool) string {
	t := "Memory: app " + memoryMB(app) + " (Go runtime)"
	if kernelKnown {
		t += " · kernel " + memoryMB(kernel) + " (RSS)"
	}
	return t
}

func memoryMB(b uint64) string {
	return fmt.Sprintf("%.0f MB", float64(b)/(1<<20))
}

// appMemory returns the memory the Go runtime holds from the system, less
// what it has given back.
func appMemory() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 || s[1].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64() - s[1].Value.Uint64()
}
