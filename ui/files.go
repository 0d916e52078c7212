package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workbench/assets"
	"workbench/sessions"
)

// OpenFile opens the session file at path (a notebook, or a percent-format
// .go file) in place of the current notebook, without asking about the
// current one's unsaved changes (File ▸ Open asks first), and starts a
// kernel for it in the file's folder, seeded with the file's seed. Nothing
// runs: a notice says so until the user runs the notebook. A notebook for
// another language opens to be read, with no kernel. When a recovery file
// newer than the file holds unsaved work from an earlier session, that
// work is shown instead and a notice offers to keep or discard it.
func (s *Shell) OpenFile(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	doc, err := sessions.Load(abs)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			s.removeRecent(abs)
		}
		return err
	}
	var since time.Time
	if st, err := os.Stat(abs); err == nil {
		since = st.ModTime()
	}
	s.open(doc, abs, "", since)
	return nil
}

// OpenExample opens a bundled example session (one of assets.Examples) as
// a notebook without a file: Save asks where to put it.
func (s *Shell) OpenExample(name string) error {
	b, err := assets.Example(name)
	if err != nil {
		return fmt.Errorf("example %s: %w", name, err)
	}
	doc, err := sessions.Parse(b)
	if err != nil {
		return fmt.Errorf("example %s: %w", name, err)
	}
	s.open(doc, "", name, time.Time{})
	return nil
}

// New replaces the notebook by an empty one with one code cell, without
// asking about unsaved changes (File ▸ New asks first).
func (s *Shell) New() {
	doc := sessions.New()
	doc.Cells = append(doc.Cells, sessions.NewCode(""))
	s.open(doc, "", "", time.Time{})
}

// open shows doc, offering back the work of its recovery file when that
// is newer than since.
func (s *Shell) open(doc *sessions.Notebook, path, example string, since time.Time) {
	key := recoveryKey(path, example)
	rec, when := s.readRecovery(key, since)
	shown := doc
	if rec != nil {
		shown = rec
	}
	s.show(shown, path, example)
	if rec == nil {
		return
	}
	s.dirty = true
	s.edits, s.autosave = 1, 1
	s.updateTitle()
	s.notices.set(noticeRecovery,
		fmt.Sprintf("Unsaved work from %s was recovered.", when.Format("15:04 on Jan 2")),
		widget.NewButton("Keep", func() { s.notices.clear(noticeRecovery) }),
		widget.NewButton("Discard", func() {
			s.notices.clear(noticeRecovery)
			s.removeRecovery(key)
			s.view.SetDocument(doc)
			s.dirty = false
			s.edits, s.autosave = 0, 0
			s.updateTitle()
		}))
}

// show makes doc the notebook of the window and starts its kernel.
func (s *Shell) show(doc *sessions.Notebook, path, example string) {
	s.stopKernel(0)
	s.kernelErr = nil
	s.path, s.example = path, example
	s.foreign = foreignLanguage(doc)
	s.notices.clearAll()
	s.view.SetDocument(doc)
	s.dirty, s.edits, s.autosave = false, 0, 0
	s.untrusted = false
	switch {
	case s.foreign != "":
		s.notices.set(noticeForeign, fmt.Sprintf(
			"This notebook is for %s; Workbench runs Go — read-only view: its saved outputs are shown and nothing runs.", s.foreign))
	case example != "":
		s.untrusted = true
		s.notices.set(noticeUntrusted,
			fmt.Sprintf("This is the example %s: nothing has run; the outputs shown were saved with it. Run All to run it.", example),
			widget.NewButtonWithIcon("Run All", theme.MediaFastForwardIcon(), s.RunAll))
	case path != "":
		s.untrusted = true
		s.notices.set(noticeUntrusted, "This notebook was opened from a file: nothing has run. Run All to run it.",
			widget.NewButtonWithIcon("Run All", theme.MediaFastForwardIcon(), s.RunAll))
	}
	if path != "" {
		s.addRecent(path)
	}
	s.vars.setVariables(nil)
	s.help.clear()
	s.status.setMessage("")
	s.updateTitle()
	s.updateActions()
	if s.foreign != "" {
		s.kernelDir = s.kernelDirFor(path)
		s.setKernelState("")
		return
	}
	seed, _ := doc.Seed()
	s.startKernel(s.kernelDirFor(path), seed)
}

// foreignLanguage returns the language of a notebook for another language
// than Go, or "".
func foreignLanguage(doc *sessions.Notebook) string {
	var fe *sessions.ForeignError
	if !errors.As(sessions.RefuseForeign(doc), &fe) {
		return ""
	}
	switch {
	case fe.Language != "":
		return fe.Language
	case fe.Kernel != "":
		return fe.Kernel
	}
	return "another language"
}

// Save saves the notebook to its file, or asks where (as Save As does)
// when it has none.
func (s *Shell) Save() { s.saveThen(nil) }

// saveThen saves, then calls then (when not nil) once the notebook is
// saved; nothing happens after a failure or a cancelled dialog.
func (s *Shell) saveThen(then func()) {
	if s.path == "" {
		s.SaveAsDialog(then)
		return
	}
	if err := s.SaveAs(s.path); err != nil {
		s.showError(err)
		return
	}
	if then != nil {
		then()
	}
}

// SaveAs saves the notebook to path, which becomes its file: a notebook
// (.ipynb), or Jupytext's percent format for a name ending in .go (without
// outputs). The save is safe (a temporary file renamed over the old one)
// and never replaces a file that does not load as a session. The recovery
// file goes.
func (s *Shell) SaveAs(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if err := sessions.Save(s.view.Document(), abs); err != nil {
		return err
	}
	old := recoveryKey(s.path, s.example)
	s.path, s.example = abs, ""
	s.removeRecovery(old)
	s.removeRecovery(recoveryKey(s.path, ""))
	s.dirty = false
	s.autosave = s.edits
	s.addRecent(abs)
	s.updateTitle()
	s.status.setMessage("saved " + abs)
	return nil
}

// SaveAsDialog asks where to save the notebook, saves it there and calls
// then (when not nil).
func (s *Shell) SaveAsDialog(then func()) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			s.showError(err)
			return
		}
		if w == nil {
			return
		}
		p := w.URI().Path()
		w.Close()
		if ext := filepath.Ext(p); ext != ".ipynb" && ext != ".go" {
			// The dialog made an empty file under the name typed.
			if st, err := os.Stat(p); err == nil && st.Size() == 0 {
				os.Remove(p)
			}
			p += ".ipynb"
		}
		if err := s.SaveAs(p); err != nil {
			s.showError(err)
			return
		}
		if then != nil {
			then()
		}
	}, s.win)
	name := s.docName()
	if s.path == "" {
		name = "Untitled.ipynb"
		if s.example != "" {
			name = s.example
		}
	}
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".ipynb", ".go"}))
	s.setDialogLocation(d)
	d.Resize(shellDialogSize(s.win))
	d.Show()
}

// OpenDialog asks about unsaved changes, then for a file to open.
func (s *Shell) OpenDialog() {
	s.confirmDiscard("opening another notebook", func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil {
				s.showError(err)
				return
			}
			if r == nil {
				return
			}
			p := r.URI().Path()
			r.Close()
			if err := s.OpenFile(p); err != nil {
				s.showError(err)
			}
		}, s.win)
		d.SetFilter(storage.NewExtensionFileFilter([]string{".ipynb", ".go"}))
		s.setDialogLocation(d)
		d.Resize(shellDialogSize(s.win))
		d.Show()
	})
}

// openAsking opens path after asking about unsaved changes (Open Recent).
func (s *Shell) openAsking(path string) {
	s.confirmDiscard("opening another notebook", func() {
		if err := s.OpenFile(path); err != nil {
			s.showError(err)
		}
	})
}

// setDialogLocation starts a file dialog in the notebook's folder.
func (s *Shell) setDialogLocation(d *dialog.FileDialog) {
	dir := s.kernelDirFor(s.path)
	if dir == "" {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
}

// shellDialogSize is the size of file dialogs: most of the window.
func shellDialogSize(w fyne.Window) fyne.Size {
	sz := w.Canvas().Size()
	return fyne.NewSize(min(900, sz.Width*0.9), min(640, sz.Height*0.9))
}

// showError shows err in a dialog.
func (s *Shell) showError(err error) {
	msg := err.Error()
	if strings.Contains(msg, "no such file") {
		msg += "\n(it may have been moved or deleted)"
	}
	dialog.ShowError(errors.New(msg), s.win)
}
