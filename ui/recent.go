package ui

import (
	"os"
	"path/filepath"
	"strings"
)

// prefRecent is the preference key of the recent files, most recent
// first.
const prefRecent = "recent"

// maxRecent is how many recent files File ▸ Open Recent lists.
const maxRecent = 10

// Recent returns the notebooks opened or saved lately, most recent first
// (absolute paths). The list is kept in the app's preferences.
func (s *Shell) Recent() []string {
	return s.app.Preferences().StringList(prefRecent)
}

// addRecent puts path at the head of the recent files.
func (s *Shell) addRecent(path string) {
	list := []string{path}
	for _, p := range s.Recent() {
		if p != path && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	s.setRecent(list)
}

// removeRecent drops path from the recent files (it no longer exists).
func (s *Shell) removeRecent(path string) {
	old := s.Recent()
	var list []string
	for _, p := range old {
		if p != path {
			list = append(list, p)
		}
	}
	if len(list) != len(old) {
		s.setRecent(list)
	}
}

// ClearRecent empties the list of recent files.
func (s *Shell) ClearRecent() { s.setRecent(nil) }

func (s *Shell) setRecent(list []string) {
	if list == nil {
		list = []string{}
	}
	s.app.Preferences().SetStringList(prefRecent, list)
	if s.menu != nil {
		s.menu.updateRecent()
	}
}

// recentLabel names a recent file in the menu: "name.ipynb — ~/dir".
func recentLabel(path string) string {
	dir := filepath.Dir(path)
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		if dir == home {
			dir = "~"
		} else if strings.HasPrefix(dir, home+string(filepath.Separator)) {
			dir = "~" + dir[len(home):]
		}
	}
	return filepath.Base(path) + " — " + dir
}
