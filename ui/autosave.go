package ui

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"time"

	"workbench/sessions"
)

// recoveryKey names the recovery file of a notebook: the hash of its
// file's path, "example-NAME" for an example not saved yet, "untitled"
// for a new notebook.
func recoveryKey(path, example string) string {
	switch {
	case path != "":
		h := sha256.Sum256([]byte(path))
		return hex.EncodeToString(h[:8])
	case example != "":
		return "example-" + strings.TrimSuffix(example, filepath.Ext(example))
	}
	return "untitled"
}

// RecoveryFile returns the recovery file that holds the unsaved work on
// the notebook at path ("" for a new notebook), whether or not it exists.
func (s *Shell) RecoveryFile(path string) string {
	if path != "" {
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
	}
	return s.recoveryPath(recoveryKey(path, ""))
}

// recoveryPath returns the recovery file of key, or "" when there is no
// folder for them.
func (s *Shell) recoveryPath(key string) string {
	if s.opts.RecoveryDir == "" {
		return ""
	}
	return filepath.Join(s.opts.RecoveryDir, key+".ipynb")
}

// scheduleAutosave writes the recovery file a little after the last edit.
func (s *Shell) scheduleAutosave() {
	if s.opts.AutosaveInterval < 0 {
		return
	}
	if s.timer != nil {
		s.timer.Stop()
	}
	s.timer = time.AfterFunc(s.opts.AutosaveDelay, func() {
		s.post(func() {
			if !s.closed {
				s.Autosave()
			}
		})
	})
}

// Autosave writes the notebook to its recovery file, when it has changes
// that are not saved and has changed since the last autosave. It runs
// every AutosaveInterval and a little after each edit; a crash leaves the
// file, and opening the notebook again offers its work back.
func (s *Shell) Autosave() error {
	if !s.dirty || s.edits == s.autosave {
		return nil
	}
	p := s.recoveryPath(recoveryKey(s.path, s.example))
	if p == "" {
		return nil
	}
	b, err := sessions.Marshal(s.view.Document())
	if err != nil {
		return err
	}
	if err := writeRecoveryFile(p, b); err != nil {
		s.status.setMessage("autosave failed: " + err.Error())
		return err
	}
	s.autosave = s.edits
	return nil
}

// writeRecoveryFile writes b to path through a temporary file and a rename.
func writeRecoveryFile(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".recovery-*")
	if err != nil {
		return err
	}
	_, err = f.Write(b)
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

// readRecovery returns the notebook of key's recovery file and when it
// was written, when that is after since; an older recovery file is stale
// and removed.
func (s *Shell) readRecovery(key string, since time.Time) (*sessions.Notebook, time.Time) {
	p := s.recoveryPath(key)
	if p == "" {
		return nil, time.Time{}
	}
	st, err := os.Stat(p)
	if err != nil {
		return nil, time.Time{}
	}
	if !st.ModTime().After(since) {
		os.Remove(p)
		return nil, time.Time{}
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, time.Time{}
	}
	doc, err := sessions.Parse(b)
	if err != nil {
		os.Remove(p)
		return nil, time.Time{}
	}
	return doc, st.ModTime()
}

// removeRecovery removes key's recovery file.
func (s *Shell) removeRecovery(key string) {
	if p := s.recoveryPath(key); p != "" {
		os.Remove(p)
	}
}
