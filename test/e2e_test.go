package test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The desktop app under a real X server (Xvfb): the workbench binary opens
// a session, runs every cell in its kernel process, captures its window
// and quits (WORKBENCH_E2E_SCREENSHOT); the test also captures the X
// screen with ImageMagick's import.
//
// WORKBENCH_E2E_OUT=DIR keeps the screenshots in DIR (to look at them);
// WORKBENCH_E2E_DOCS=1 also writes the screen of the example session to
// docs/screenshot.png, the README's picture.

// e2eApp is the binary built once for the tests of this file.
var e2eApp struct {
	path string
	err  error
}

// buildApp builds cmd/workbench with cgo (the app needs it), once.
func buildApp(t *testing.T) string {
	t.Helper()
	if e2eApp.path != "" || e2eApp.err != nil {
		if e2eApp.err != nil {
			t.Fatal(e2eApp.err)
		}
		return e2eApp.path
	}
	dir, err := os.MkdirTemp("", "workbench-e2e-bin-")
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "workbench")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/workbench")
	cmd.Dir = moduleRoot(t)
	cmd.Env = append(os.Environ(), "CGO_ENABLED=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		e2eApp.err = fmt.Errorf("go build ./cmd/workbench: %v\n%s", err, out)
		t.Fatal(e2eApp.err)
	}
	e2eApp.path = bin
	return bin
}

// moduleRoot is the repository's root: this package's parent folder.
func moduleRoot(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Dir(wd)
}

// needDisplayTools skips the test when Xvfb or a C compiler is missing.
func needDisplayTools(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: the app under Xvfb is skipped")
	}
	if _, err := exec.LookPath("Xvfb"); err != nil {
		t.Skip("Xvfb is not installed: the app's end-to-end test needs it (bash scripts/setup.sh installs xvfb, xauth and imagemagick)")
	}
	out, err := exec.Command("go", "env", "CGO_ENABLED").Output()
	if err != nil || strings.TrimSpace(string(out)) != "1" {
		t.Skip("cgo is off: the desktop app is not built without it")
	}
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no C compiler: the desktop app needs cgo")
	}
}

// startXvfb starts a virtual screen of 1280x800 on a free display number
// and returns the DISPLAY value.
func startXvfb(t *testing.T) string {
	t.Helper()
	for n := 91; n < 140; n++ {
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X%d-lock", n)); err == nil {
			continue
		}
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err == nil {
			continue
		}
		if display, ok := tryXvfb(t, n); ok {
			return display
		}
	}
	t.Fatal("no free X display number between :91 and :139")
	return ""
}

// tryXvfb starts Xvfb on display n; ok is false when it ended at once
// (another server took the number).
func tryXvfb(t *testing.T, n int) (display string, ok bool) {
	t.Helper()
	display = fmt.Sprintf(":%d", n)
	var stderr bytes.Buffer
	cmd := exec.Command("Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting Xvfb: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	socket := fmt.Sprintf("/tmp/.X11-unix/X%d", n)
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-exited:
			return "", false
		case <-time.After(50 * time.Millisecond):
		}
		if _, err := os.Stat(socket); err == nil {
			t.Cleanup(func() {
				// SIGTERM, so that Xvfb removes its lock file and socket
				// (killed, it leaves them, and the display numbers run out).
				cmd.Process.Signal(syscall.SIGTERM)
				select {
				case <-exited:
				case <-time.After(5 * time.Second):
					cmd.Process.Kill()
					<-exited
				}
			})
			return display, true
		}
	}
	cmd.Process.Kill()
	<-exited
	t.Fatalf("Xvfb %s did not start within 10 s: %s", display, stderr.String())
	return "", false
}

// appRun is what a run of the app under Xvfb left.
type appRun struct {
	stdout, stderr string
	window         image.Image // the app's capture of its window
	screen         image.Image // the X screen, when import is installed
	windowPNG      string
	screenPNG      string
}

// runApp starts the app on display with args, waits for its capture of
// the window, captures the screen and waits for the app to quit.
func runApp(t *testing.T, bin, display, name string, env []string, args ...string) appRun {
	t.Helper()
	out := os.Getenv("WORKBENCH_E2E_OUT")
	if out == "" {
		out = t.TempDir()
	} else if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	r := appRun{
		windowPNG: filepath.Join(out, name+"-window.png"),
		screenPNG: filepath.Join(out, name+"-screen.png"),
	}
	os.Remove(r.windowPNG)
	os.Remove(r.screenPNG)
	ctx, cancel := context.WithTimeout(context.Background(), 150*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = home
	cmd.Env = append(os.Environ(),
		"DISPLAY="+display,
		"LANG=C.UTF-8",
		"HOME="+home,
		"XDG_CACHE_HOME="+filepath.Join(home, "cache"),
		"XDG_CONFIG_HOME="+filepath.Join(home, "config"),
		"XDG_DATA_HOME="+filepath.Join(home, "data"),
		"WORKBENCH_E2E_SCREENSHOT="+r.windowPNG,
		"WORKBENCH_E2E_SIZE=1280x800",
		"WORKBENCH_E2E_LINGER=4",
	)
	cmd.Env = append(cmd.Env, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var exitErr error
	exited := false
	for !exited {
		if _, err := os.Stat(r.windowPNG); err == nil {
			break
		}
		select {
		case exitErr = <-done:
			exited = true
		case <-time.After(100 * time.Millisecond):
		}
	}
	if !exited {
		if imp, err := exec.LookPath("import"); err == nil {
			c := exec.Command(imp, "-window", "root", r.screenPNG)
			c.Env = append(os.Environ(), "DISPLAY="+display)
			if out, err := c.CombinedOutput(); err != nil {
				t.Errorf("import -window root: %v\n%s", err, out)
			}
		}
		exitErr = <-done
	}
	r.stdout, r.stderr = stdout.String(), stderr.String()
	t.Logf("%s: the app ran %.1f s\n%s", name, time.Since(start).Seconds(), r.stdout)
	if exitErr != nil {
		t.Fatalf("%s: the app failed: %v\nstdout:\n%s\nstderr:\n%s", name, exitErr, r.stdout, tail(r.stderr, 3000))
	}
	r.window = readPNG(t, r.windowPNG)
	if _, err := os.Stat(r.screenPNG); err == nil {
		r.screen = readPNG(t, r.screenPNG)
	}
	return r
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img
}

// distinctColours counts the colours of img (up to 1000), on a grid.
func distinctColours(img image.Image) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
			if len(seen) >= 1000 {
				return len(seen)
			}
		}
	}
	return len(seen)
}

// checkPictures checks the window's capture (the size the app reported,
// not blank) and the screen's (1280x800, not blank).
func checkPictures(t *testing.T, r appRun) {
	t.Helper()
	m := regexp.MustCompile(`e2e: capture: (\d+)x(\d+)`).FindStringSubmatch(r.stdout)
	if m == nil {
		t.Fatalf("the app did not report its capture:\n%s", r.stdout)
	}
	w, _ := strconv.Atoi(m[1])
	h, _ := strconv.Atoi(m[2])
	if b := r.window.Bounds(); b.Dx() != w || b.Dy() != h {
		t.Errorf("window capture is %dx%d, the app reported %dx%d", b.Dx(), b.Dy(), w, h)
	}
	if w < 1000 || h < 600 {
		t.Errorf("window capture is %dx%d: the window should fill most of the 1280x800 screen", w, h)
	}
	if n := distinctColours(r.window); n < 50 {
		t.Errorf("window capture has %d colours: blank?", n)
	}
	if r.screen == nil {
		t.Log("ImageMagick's import is not installed: no capture of the X screen")
		return
	}
	if b := r.screen.Bounds(); b.Dx() != 1280 || b.Dy() != 800 {
		t.Errorf("screen capture is %dx%d, want 1280x800", b.Dx(), b.Dy())
	}
	if n := distinctColours(r.screen); n < 50 {
		t.Errorf("screen capture has %d colours: the window is not drawn?", n)
	}
}

// TestAppRunsTheExample starts the app with no argument: it opens the
// bundled example session, whose every cell runs in the kernel process.
func TestAppRunsTheExample(t *testing.T) {
	needDisplayTools(t)
	bin := buildApp(t)
	display := startXvfb(t)
	r := runApp(t, bin, display, "example", []string{"WORKBENCH_E2E_PANELS=variables"})
	checkPictures(t, r)
	for _, want := range []string{
		"e2e: title: • tour.ipynb (example) — Workbench",
		"e2e: status: Kernel idle | CPU · ",
		" workers | ", // then the GPU, where there is one
		"| Memory: app ",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the app's report lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "e2e: notice: ") {
		t.Errorf("notices stay after Run All:\n%s", r.stdout)
	}
	if os.Getenv("WORKBENCH_E2E_DOCS") == "1" && r.screen != nil {
		docs := filepath.Join(moduleRoot(t), "docs", "screenshot.png")
		b, err := os.ReadFile(r.screenPNG)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(docs), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(docs, b, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", docs)
	}
}

// TestAppOutlivesItsKernel opens a session whose second cell ends the
// kernel process: the window lives on, says the kernel died, and quits
// normally.
func TestAppOutlivesItsKernel(t *testing.T) {
	needDisplayTools(t)
	bin := buildApp(t)
	display := startXvfb(t)
	nb, err := filepath.Abs(filepath.Join("testdata", "kernel-dies.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	r := runApp(t, bin, display, "kernel-dies", nil, nb)
	checkPictures(t, r)
	for _, want := range []string{
		"e2e: title: • kernel-dies.ipynb — Workbench",
		"e2e: status: Kernel dead",
		"e2e: notice: The kernel stopped",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the app's report lacks %q:\n%s", want, r.stdout)
		}
	}
}

// typedNotebook is a notebook of one code cell, a comment and blank
// lines: a click in its middle lands on a blank line.
const typedNotebook = `{
 "cells": [
  {
   "cell_type": "code",
   "execution_count": null,
   "id": "typed",
   "metadata": {},
   "outputs": [],
   "source": ["// The test clicks below and types here.\n", "\n", "\n", "\n", "\n", "\n"]
  }
 ],
 "metadata": {"kernelspec": {"display_name": "Go (Workbench)", "language": "go", "name": "workbench"}, "language_info": {"name": "go"}},
 "nbformat": 4,
 "nbformat_minor": 5
}
`

// TestAppTakesRealKeys drives the real window with xdotool (X input
// events, not Fyne's test driver): a click into the code cell, "1+1"
// typed, Shift+Return to run it, Ctrl+S to save; the saved file must hold
// the cell's source and its output, 2.
func TestAppTakesRealKeys(t *testing.T) {
	needDisplayTools(t)
	xdotool, err := exec.LookPath("xdotool")
	if err != nil {
		t.Skip("xdotool is not installed: the real window's keys are not tested (bash scripts/setup.sh installs it)")
	}
	bin := buildApp(t)
	display := startXvfb(t)
	home := t.TempDir()
	nb := filepath.Join(home, "typed.ipynb")
	if err := os.WriteFile(nb, []byte(typedNotebook), 0o644); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(),
		"DISPLAY="+display, "LANG=C.UTF-8", "LANGUAGE=en", "HOME="+home,
		"XDG_CACHE_HOME="+filepath.Join(home, "cache"),
		"XDG_CONFIG_HOME="+filepath.Join(home, "config"),
		"XDG_DATA_HOME="+filepath.Join(home, "data"))
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	app := exec.CommandContext(ctx, bin, nb)
	app.Dir, app.Env = home, env
	var stderr bytes.Buffer
	app.Stderr = &stderr
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		app.Process.Kill()
		app.Wait()
	}()
	xdo := func(args ...string) string {
		t.Helper()
		c := exec.CommandContext(ctx, xdotool, args...)
		c.Env = env
		out, err := c.CombinedOutput()
		if err != nil {
			t.Fatalf("xdotool %s: %v\n%s\napp's stderr:\n%s", strings.Join(args, " "), err, out, tail(stderr.String(), 2000))
		}
		return strings.TrimSpace(string(out))
	}
	win := strings.Fields(xdo("search", "--sync", "--onlyvisible", "--name", "typed.ipynb"))[0]
	time.Sleep(2 * time.Second) // the window lays out and draws
	// The mouse rests a moment before each click: GLFW drops a click
	// that comes with the pointer's first move into the window. The
	// first click selects the cell and starts editing; the second puts
	// the cursor on the blank line under the pointer.
	xdo("mousemove", "--window", win, "400", "200")
	time.Sleep(500 * time.Millisecond)
	for range 2 {
		xdo("click", "1")
		time.Sleep(500 * time.Millisecond)
	}
	xdo("type", "--delay", "50", "1+1")
	time.Sleep(300 * time.Millisecond)
	xdo("key", "shift+Return")
	// Save until the file holds the output (the kernel starts, runs).
	want := regexp.MustCompile(`"text/plain":\s*\[?\s*"2"`)
	var saved []byte
	deadline := time.Now().Add(60 * time.Second)
	for !want.Match(saved) {
		if time.Now().After(deadline) {
			t.Fatalf("after 60 s the saved notebook has no output 2:\n%s\napp's stderr:\n%s", saved, tail(stderr.String(), 2000))
		}
		time.Sleep(time.Second)
		xdo("key", "ctrl+s")
		time.Sleep(500 * time.Millisecond)
		saved, _ = os.ReadFile(nb)
	}
	if !bytes.Contains(saved, []byte(`1+1`)) || !bytes.Contains(saved, []byte(`"execution_count": 1`)) {
		t.Errorf("the saved cell lacks the typed source or its count:\n%s", saved)
	}
	if out := os.Getenv("WORKBENCH_E2E_OUT"); out != "" {
		if imp, err := exec.LookPath("import"); err == nil {
			c := exec.Command(imp, "-window", "root", filepath.Join(out, "typed-screen.png"))
			c.Env = env
			if b, err := c.CombinedOutput(); err != nil {
				t.Errorf("import: %v\n%s", err, b)
			}
		}
	}
}
