package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"workbench/sessions"
)

func TestSaveAndReopen(t *testing.T) {
	h := newShellHarness(t)
	s := h.open()
	dir := t.TempDir()
	a := filepath.Join(dir, "a.ipynb")
	want := cellSources(writeShellNotebook(t, a, "x := arrays.Arange(6)", "x.Sum()"))
	if err := s.OpenFile(a); err != nil {
		t.Fatal(err)
	}

	// Save As a notebook: the file becomes the window's.
	b := filepath.Join(dir, "b.ipynb")
	if err := s.SaveAs(b); err != nil {
		t.Fatal(err)
	}
	if s.Path() != b || s.Title() != "b.ipynb — Workbench" {
		t.Errorf("after Save As: path %q, title %q", s.Path(), s.Title())
	}
	nb, err := sessions.Load(b)
	if err != nil {
		t.Fatal(err)
	}
	if got := cellSources(nb); !reflect.DeepEqual(got, want) {
		t.Errorf("saved cells %q, want %q", got, want)
	}

	// Save As the percent format, and open that.
	g := filepath.Join(dir, "c.go")
	if err := s.SaveAs(g); err != nil {
		t.Fatal(err)
	}
	text, _ := os.ReadFile(g)
	if !strings.Contains(string(text), "// %%") {
		t.Errorf("c.go is not in percent format:\n%s", text)
	}
	if err := s.OpenFile(g); err != nil {
		t.Fatal(err)
	}
	if got := cellSources(s.View().Document()); !reflect.DeepEqual(got, want) {
		t.Errorf("reopened cells %q, want %q", got, want)
	}
	if got, want := s.Title(), "c.go — Workbench"; got != want {
		t.Errorf("title %q, want %q", got, want)
	}

	// Save writes to the file it came from.
	s.onChanged()
	s.Save()
	if s.Dirty() {
		t.Error("dirty after Save")
	}
	if _, err := sessions.Load(g); err != nil {
		t.Errorf("saved c.go does not load: %v", err)
	}
}

func TestSaveRefusesToOverwriteAnUnreadableFile(t *testing.T) {
	h := newShellHarness(t)
	s := h.open()
	dir := t.TempDir()
	a := filepath.Join(dir, "a.ipynb")
	writeShellNotebook(t, a, "1")
	if err := s.OpenFile(a); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.ipynb")
	os.WriteFile(bad, []byte("not a notebook"), 0o644)
	if err := s.SaveAs(bad); err == nil {
		t.Error("Save As over a damaged file succeeded")
	}
	if b, _ := os.ReadFile(bad); string(b) != "not a notebook" {
		t.Errorf("damaged file overwritten: %q", b)
	}
	if s.Path() != a {
		t.Errorf("path %q after a failed Save As, want %q", s.Path(), a)
	}
}

func TestDirtyTitle(t *testing.T) {
	h := newShellHarness(t)
	s := h.open()
	p := filepath.Join(t.TempDir(), "notes.ipynb")
	writeShellNotebook(t, p, "1")
	if err := s.OpenFile(p); err != nil {
		t.Fatal(err)
	}
	if s.Dirty() || strings.HasPrefix(s.Window().Title(), "•") {
		t.Fatalf("freshly opened notebook is dirty: %q", s.Window().Title())
	}
	s.onChanged() // the view's Changed event
	if !s.Dirty() {
		t.Error("not dirty after an edit")
	}
	if got, want := s.Window().Title(), "• notes.ipynb — Workbench"; got != want {
		t.Errorf("title %q, want %q", got, want)
	}
	s.Save()
	if got, want := s.Window().Title(), "notes.ipynb — Workbench"; got != want {
		t.Errorf("title after save %q, want %q", got, want)
	}
}

func TestClosePrompt(t *testing.T) {
	p := filepath.Join(t.TempDir(), "work.ipynb")
	writeShellNotebook(t, p, "1")

	t.Run("clean closes at once", func(t *testing.T) {
		h := newShellHarness(t)
		s := h.open()
		if err := s.OpenFile(p); err != nil {
			t.Fatal(err)
		}
		h.waitKernel()
		s.RequestClose()
		if s.prompt != nil || !s.closed {
			t.Errorf("clean notebook: prompt %v, closed %v", s.prompt != nil, s.closed)
		}
		h.wait("the kernel to close", h.kernel(0).isClosed)
	})

	t.Run("cancel", func(t *testing.T) {
		h := newShellHarness(t)
		s := h.open()
		if err := s.OpenFile(p); err != nil {
			t.Fatal(err)
		}
		s.onChanged()
		s.RequestClose()
		if s.prompt == nil {
			t.Fatal("no prompt before losing unsaved work")
		}
		if s.closed {
			t.Fatal("closed before an answer")
		}
		test.Tap(s.prompt.cancel)
		if s.closed || s.prompt != nil || !s.Dirty() {
			t.Errorf("after Cancel: closed %v, prompt %v, dirty %v", s.closed, s.prompt != nil, s.Dirty())
		}
	})

	t.Run("don't save", func(t *testing.T) {
		h := newShellHarness(t)
		s := h.open()
		if err := s.OpenFile(p); err != nil {
			t.Fatal(err)
		}
		s.onChanged()
		if err := s.Autosave(); err != nil {
			t.Fatal(err)
		}
		before, _ := os.ReadFile(p)
		s.RequestClose()
		test.Tap(s.prompt.discard)
		if !s.closed {
			t.Error("not closed after Don't Save")
		}
		if after, _ := os.ReadFile(p); string(after) != string(before) {
			t.Error("Don't Save wrote the file")
		}
		if _, err := os.Stat(s.RecoveryFile(p)); err == nil {
			t.Error("recovery file left after Don't Save")
		}
	})

	t.Run("save", func(t *testing.T) {
		h := newShellHarness(t)
		s := h.open()
		if err := s.OpenFile(p); err != nil {
			t.Fatal(err)
		}
		st, _ := os.Stat(p)
		old := st.ModTime().Add(-time.Hour)
		os.Chtimes(p, old, old)
		s.onChanged()
		s.RequestClose()
		test.Tap(s.prompt.save)
		if !s.closed {
			t.Error("not closed after Save")
		}
		if st, _ := os.Stat(p); !st.ModTime().After(old) {
			t.Error("Save did not write the file")
		}
	})

	t.Run("save untitled asks where", func(t *testing.T) {
		h := newShellHarness(t)
		s := h.open()
		s.New()
		s.onChanged()
		s.RequestClose()
		test.Tap(s.prompt.save)
		if s.closed {
			t.Error("closed before the Save As dialog was answered")
		}
		if s.Window().Canvas().Overlays().Top() == nil {
			t.Error("no Save As dialog")
		}
	})

	t.Run("open asks too", func(t *testing.T) {
		h := newShellHarness(t)
		s := h.open()
		s.New()
		s.onChanged()
		s.MenuItem("File", "New").Action()
		if s.prompt == nil {
			t.Fatal("File ▸ New with unsaved work: no prompt")
		}
		test.Tap(s.prompt.discard)
		if s.Dirty() {
			t.Error("still dirty after Don't Save and New")
		}
	})
}

func TestRecentFiles(t *testing.T) {
	h := newShellHarness(t)
	s := h.open()
	dir := t.TempDir()
	var paths []string
	for _, n := range []string{"one", "two", "three"} {
		p := filepath.Join(dir, n+".ipynb")
		writeShellNotebook(t, p, "1")
		paths = append(paths, p)
		if err := s.OpenFile(p); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{paths[2], paths[1], paths[0]}
	if got := s.Recent(); !reflect.DeepEqual(got, want) {
		t.Errorf("recent %q, want %q", got, want)
	}
	// Opening again moves to the front; the menu follows.
	if err := s.OpenFile(paths[0]); err != nil {
		t.Fatal(err)
	}
	want = []string{paths[0], paths[2], paths[1]}
	if got := s.Recent(); !reflect.DeepEqual(got, want) {
		t.Errorf("recent %q, want %q", got, want)
	}
	menu := s.MenuItem("File", "Open Recent").ChildMenu
	if len(menu.Items) < 3 || !strings.HasPrefix(menu.Items[0].Label, "one.ipynb — ") {
		t.Errorf("Open Recent menu: %v", menu.Items)
	}
	// A second window (the next start) sees the list: it is kept in the
	// preferences.
	h2 := &shellHarness{t: t, app: h.app, opts: h.opts}
	s2 := h2.open()
	if got := s2.Recent(); !reflect.DeepEqual(got, want) {
		t.Errorf("recent of a new shell %q, want %q", got, want)
	}
	// Opening from the menu.
	s.MenuItem("File", "Open Recent", recentLabel(paths[1])).Action()
	if s.Path() != paths[1] {
		t.Errorf("Open Recent opened %q, want %q", s.Path(), paths[1])
	}
	// A file that is gone leaves the list.
	os.Remove(paths[2])
	if err := s.OpenFile(paths[2]); err == nil {
		t.Error("opening a missing file succeeded")
	}
	for _, p := range s.Recent() {
		if p == paths[2] {
			t.Errorf("missing file stays in the list: %q", s.Recent())
		}
	}
	// At most maxRecent.
	for i := 0; i < maxRecent+3; i++ {
		s.addRecent(filepath.Join(dir, "x", string(rune('a'+i))+".ipynb"))
	}
	if n := len(s.Recent()); n != maxRecent {
		t.Errorf("%d recent files, want %d", n, maxRecent)
	}
	s.MenuItem("File", "Open Recent", "Clear Recent Files").Action()
	if n := len(s.Recent()); n != 0 {
		t.Errorf("%d recent files after Clear", n)
	}
}

func TestAutosaveAndRecovery(t *testing.T) {
	h := newShellHarness(t)
	h.opts.AutosaveDelay = 10 * time.Millisecond
	s := h.open()
	dir := t.TempDir()
	p := filepath.Join(dir, "work.ipynb")
	writeShellNotebook(t, p, "x := 1")
	old := time.Now().Add(-time.Hour)
	os.Chtimes(p, old, old)
	if err := s.OpenFile(p); err != nil {
		t.Fatal(err)
	}
	rec := s.RecoveryFile(p)
	if filepath.Dir(rec) != h.opts.RecoveryDir {
		t.Errorf("recovery file %q is not in %q", rec, h.opts.RecoveryDir)
	}

	// An edit is autosaved a little later.
	s.onChanged()
	h.wait("the autosave", func() bool { _, err := os.Stat(rec); return err == nil })
	if _, err := sessions.Load(rec); err != nil {
		t.Fatalf("recovery file does not load: %v", err)
	}

	// A crash: the window goes without closing. The recovery file holds
	// work that the file does not (here, a cell more).
	nb, _ := sessions.Load(p)
	nb.Cells = append(nb.Cells, sessions.NewCode("y := 2 // unsaved"))
	b, _ := sessions.Marshal(nb)
	os.WriteFile(rec, b, 0o600)

	h2 := &shellHarness{t: t, app: h.app, opts: h.opts}
	s2 := h2.open()
	if err := s2.OpenFile(p); err != nil {
		t.Fatal(err)
	}
	if !hasShellNotice(s2, "Unsaved work from") || !hasShellNotice(s2, "was recovered") {
		t.Fatalf("no recovery notice: %q", s2.Notices())
	}
	if !s2.Dirty() || !strings.HasPrefix(s2.Title(), "• ") {
		t.Errorf("recovered work is not marked unsaved: %q", s2.Title())
	}
	if got := cellSources(s2.View().Document()); got[len(got)-1] != "code:y := 2 // unsaved" {
		t.Errorf("recovered cells %q", got)
	}

	// Discard: back to the file.
	row := s2.notices.rows[noticeRecovery]
	tapShellButton(t, row, "Discard")
	if s2.Dirty() || len(s2.View().Document().Cells) != 2 {
		t.Errorf("after Discard: dirty %v, %d cells", s2.Dirty(), len(s2.View().Document().Cells))
	}
	if _, err := os.Stat(rec); err == nil {
		t.Error("recovery file stays after Discard")
	}
	s2.Close()

	// Keep: the work stays, unsaved; Save removes the recovery file.
	os.WriteFile(rec, b, 0o600)
	h3 := &shellHarness{t: t, app: h.app, opts: h.opts}
	s3 := h3.open()
	if err := s3.OpenFile(p); err != nil {
		t.Fatal(err)
	}
	tapShellButton(t, s3.notices.rows[noticeRecovery], "Keep")
	if hasShellNotice(s3, "was recovered") || !s3.Dirty() {
		t.Errorf("after Keep: notices %q, dirty %v", s3.Notices(), s3.Dirty())
	}
	s3.Save()
	if _, err := os.Stat(rec); err == nil {
		t.Error("recovery file stays after Save")
	}
	if saved, _ := sessions.Load(p); len(saved.Cells) != 3 {
		t.Errorf("saved %d cells, want the recovered 3", len(saved.Cells))
	}
	s3.Close()

	// A recovery file older than the file is stale: not offered, removed.
	os.WriteFile(rec, b, 0o600)
	os.Chtimes(rec, old, old)
	h4 := &shellHarness{t: t, app: h.app, opts: h.opts}
	s4 := h4.open()
	if err := s4.OpenFile(p); err != nil {
		t.Fatal(err)
	}
	if hasShellNotice(s4, "recovered") || s4.Dirty() {
		t.Errorf("stale recovery offered: %q", s4.Notices())
	}
	if _, err := os.Stat(rec); err == nil {
		t.Error("stale recovery file stays")
	}

	// A clean close removes the recovery file.
	s4.onChanged()
	s4.Autosave()
	if _, err := os.Stat(rec); err != nil {
		t.Fatal("no recovery file after Autosave")
	}
	s4.RequestClose()
	test.Tap(s4.prompt.discard)
	if _, err := os.Stat(rec); err == nil {
		t.Error("recovery file stays after closing")
	}
}

func TestRecoveryOfUntitledWork(t *testing.T) {
	h := newShellHarness(t)
	s := h.open()
	s.New()
	s.onChanged()
	if err := s.Autosave(); err != nil {
		t.Fatal(err)
	}
	rec := s.RecoveryFile("")
	if _, err := os.Stat(rec); err != nil {
		t.Fatalf("no recovery file for a new notebook: %v", err)
	}
	h2 := &shellHarness{t: t, app: h.app, opts: h.opts}
	s2 := h2.open()
	s2.New()
	if !hasShellNotice(s2, "was recovered") {
		t.Errorf("untitled work not offered back: %q", s2.Notices())
	}
}

func TestForeignNotebook(t *testing.T) {
	h := newShellHarness(t)
	s := h.open()
	p := filepath.Join(t.TempDir(), "pandas.ipynb")
	nb := writeShellNotebook(t, p, "import pandas as pd")
	nb.Metadata["kernelspec"] = json.RawMessage(`{"name":"python3","display_name":"Python 3","language":"python"}`)
	nb.Metadata["language_info"] = json.RawMessage(`{"name":"python"}`)
	if err := sessions.Save(nb, p); err != nil {
		t.Fatal(err)
	}
	if err := s.OpenFile(p); err != nil {
		t.Fatal(err)
	}
	if !hasShellNotice(s, "This notebook is for python; Workbench runs Go — read-only view") {
		t.Errorf("notices %q", s.Notices())
	}
	if hasShellNotice(s, "Run All to run it") {
		t.Errorf("a foreign notebook offers to run: %q", s.Notices())
	}
	if got := s.Title(); got != "pandas.ipynb (python, read-only) — Workbench" {
		t.Errorf("title %q", got)
	}
	s.RunAll()
	h.settle()
	if h.started() != 0 {
		t.Error("a kernel started for a python notebook")
	}
	if !s.MenuItem("Cell", "Run All").Disabled || !s.MenuItem("Kernel", "Restart").Disabled {
		t.Error("run items enabled for a python notebook")
	}
	if !strings.Contains(s.StatusText(), "No kernel (python notebook)") {
		t.Errorf("status %q", s.StatusText())
	}
	// A Go notebook after it runs again.
	q := filepath.Join(t.TempDir(), "go.ipynb")
	writeShellNotebook(t, q, "1")
	if err := s.OpenFile(q); err != nil {
		t.Fatal(err)
	}
	h.waitKernel()
	if s.MenuItem("Cell", "Run All").Disabled {
		t.Error("run items stay disabled")
	}
}

func TestOpenErrors(t *testing.T) {
	h := newShellHarness(t)
	s := h.open()
	p := filepath.Join(t.TempDir(), "broken.ipynb")
	os.WriteFile(p, []byte(`{"cells": [`), 0o644)
	err := s.OpenFile(p)
	if err == nil || !strings.Contains(err.Error(), "broken.ipynb") {
		t.Errorf("error %v does not name the file", err)
	}
	if s.Path() != "" {
		t.Errorf("a broken file became the window's: %q", s.Path())
	}
}
