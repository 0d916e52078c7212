package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
)

// runApp opens the desktop app on the session file args[0], or on the
// bundled example session when args is empty, and returns the exit status
// once its window has closed. Tests replace it.
var runApp = appMain

// isSessionArg reports whether a command-line word that names no
// subcommand is a session file to open in the app: an existing file, or a
// name ending in .ipynb or .go.
func isSessionArg(arg string) bool {
	switch filepath.Ext(arg) {
	case ".ipynb", ".go":
		return true
	}
	st, err := os.Stat(arg)
	return err == nil && st.Mode().IsRegular()
}

// appUsage is the usage line of the app.
func appUsage(w io.Writer) {
	io.WriteString(w, "       workbench [FILE.ipynb | FILE.go]   open the desktop app (on an example session without FILE)\n")
}

// quietLocaleEnv returns the environment to add for a kernel process so
// that Fyne, linked into this binary, does not log "Error parsing user
// locale C" into the kernel's stderr (which a crash report quotes): Fyne
// reads LC_ALL, LC_MESSAGES or LANG, and fails on C.UTF-8 and the like
// (but not on plain C or POSIX), unless LANGUAGE names a language.
func quietLocaleEnv() []string {
	locale := ""
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if locale = os.Getenv(name); locale != "" {
			break
		}
	}
	if locale == "" || locale == "C" || locale == "POSIX" || os.Getenv("LANGUAGE") != "" {
		return nil
	}
	lang, _, _ := strings.Cut(locale, ".")
	lang, _, _ = strings.Cut(strings.ReplaceAll(lang, "-", "_"), "_")
	if lang == "C" || lang == "POSIX" {
		return []string{"LANGUAGE=en"}
	}
	return nil
}
