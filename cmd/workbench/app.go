//go:build cgo

package main

import (
	"context"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/driver/software"

	"workbench/assets"
	"workbench/interp/client"
	"workbench/ui"
)

// appMain opens the desktop app: the window runs cells in a kernel
// process started from this executable ("workbench kernel").
//
// With WORKBENCH_E2E_SCREENSHOT=FILE.png set (the end-to-end test), the
// app runs every cell of the notebook once the window is up, waits until
// they are done, writes a capture of the window to FILE.png, prints the
// window's title, notices and status bar, and quits WORKBENCH_E2E_LINGER
// seconds later (default 3), so that the screen can be captured too.
func appMain(stdout, stderr io.Writer, args []string) int {
	a := app.NewWithID("org.workbench.app")
	start := func(ctx context.Context, dir string, seed uint64, onState func(string)) (ui.Kernel, error) {
		opts := kernelOptions()
		opts.Dir, opts.Seed, opts.OnState = dir, seed, onState
		opts.Env = append(opts.Env, quietLocaleEnv()...)
		c, err := client.Start(ctx, opts)
		if err != nil {
			return nil, err
		}
		return c, nil
	}
	s := ui.NewShell(a, start, ui.ShellOptions{})
	if len(args) > 0 {
		if err := s.OpenFile(args[0]); err != nil {
			fmt.Fprintf(stderr, "workbench: %v\n", err)
			return 1
		}
	} else if err := s.OpenExample(assets.DefaultExample); err != nil {
		fmt.Fprintf(stderr, "workbench: %v\n", err)
		return 1
	}
	if shot := os.Getenv("WORKBENCH_E2E_SCREENSHOT"); shot != "" {
		a.Lifecycle().SetOnStarted(func() { go e2eRun(s, shot, stdout, stderr) })
	}
	s.Window().ShowAndRun()
	return 0
}

// e2eRun runs every cell, captures the window into the PNG file shot and
// quits. WORKBENCH_E2E_SIZE (WxH) sizes the window first,
// WORKBENCH_E2E_PANELS ("variables,help") opens side panels and
// WORKBENCH_E2E_SELECT (a cell's index) scrolls to a cell before the
// capture.
func e2eRun(s *ui.Shell, shot string, stdout, stderr io.Writer) {
	timeout := envSeconds("WORKBENCH_E2E_TIMEOUT", 120)
	linger := envSeconds("WORKBENCH_E2E_LINGER", 3)
	fyne.DoAndWait(func() {
		var w, h float32
		if _, err := fmt.Sscanf(os.Getenv("WORKBENCH_E2E_SIZE"), "%gx%g", &w, &h); err == nil {
			s.Window().Resize(fyne.NewSize(w, h))
		}
		for _, p := range strings.Split(os.Getenv("WORKBENCH_E2E_PANELS"), ",") {
			switch strings.TrimSpace(p) {
			case "variables":
				s.ShowVariables(true)
			case "help":
				s.ShowHelp(true)
			}
		}
	})
	time.Sleep(500 * time.Millisecond)
	fyne.DoAndWait(s.RunAll)
	deadline := time.Now().Add(timeout)
	for idle := 0; idle < 3; {
		time.Sleep(250 * time.Millisecond)
		var busy bool
		fyne.DoAndWait(func() { busy = s.Busy() })
		if busy {
			idle = 0
		} else {
			idle++
		}
		if time.Now().After(deadline) {
			fmt.Fprintf(stderr, "e2e: the run did not finish within %v\n", timeout)
			break
		}
	}
	if i, err := strconv.Atoi(os.Getenv("WORKBENCH_E2E_SELECT")); err == nil {
		fyne.DoAndWait(func() { s.View().Select(i) })
	}
	time.Sleep(time.Second) // let the last outputs draw
	var report []string
	var err error
	fyne.DoAndWait(func() {
		w := s.Window()
		img, how := captureWindow(w)
		err = writePNG(shot, img)
		b := img.Bounds()
		report = append(report,
			"e2e: title: "+w.Title(),
			fmt.Sprintf("e2e: capture: %dx%d by %s (canvas %gx%g, scale %g)", b.Dx(), b.Dy(), how,
				w.Canvas().Size().Width, w.Canvas().Size().Height, w.Canvas().Scale()),
			"e2e: status: "+s.StatusText())
		for _, n := range s.Notices() {
			report = append(report, "e2e: notice: "+n)
		}
	})
	if err != nil {
		fmt.Fprintf(stderr, "e2e: %v\n", err)
	}
	fmt.Fprintln(stdout, strings.Join(report, "\n"))
	fmt.Fprintln(stdout, "e2e: screenshot written")
	time.Sleep(linger)
	fyne.DoAndWait(s.Close)
}

// captureWindow captures the window's content. OpenGL's capture reads the
// front buffer, which some drivers (Mesa under Xvfb) leave empty: then the
// content is drawn again by Fyne's software painter (without the menu
// bar, which the window draws apart).
func captureWindow(w fyne.Window) (image.Image, string) {
	img := w.Canvas().Capture()
	if !uniform(img) {
		return img, "opengl"
	}
	content := w.Content()
	size := w.Canvas().Size()
	c := software.NewCanvas()
	c.SetScale(w.Canvas().Scale())
	c.SetContent(content)
	c.Resize(size)
	img = c.Capture()
	w.SetContent(content)
	return img, "software"
}

// uniform reports whether every pixel of img has the same colour.
func uniform(img image.Image) bool {
	b := img.Bounds()
	first := img.At(b.Min.X, b.Min.Y)
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			if img.At(x, y) != first {
				return false
			}
		}
	}
	return true
}

// writePNG writes img to path through a temporary file and a rename, so
// that a reader never sees half a file.
func writePNG(path string, img image.Image) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".capture-*.png")
	if err != nil {
		return err
	}
	err = png.Encode(f, img)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

func envSeconds(name string, def float64) time.Duration {
	if v, err := strconv.ParseFloat(os.Getenv(name), 64); err == nil && v >= 0 {
		def = v
	}
	return time.Duration(def * float64(time.Second))
}
