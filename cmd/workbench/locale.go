package main

import (
	"os"
	"strings"
)

// plainEnglishForCLocale makes the C locale (LANG=C.UTF-8, Debian's
// default in containers and CI) read as English for Fyne: its locale
// lookup turns "C.UTF-8" into the language tag "C", fails to parse it and
// logs three lines of "Fyne error: Error parsing user locale C" in every
// process that links it. Fyne looks in its package initialization, before
// this runs, so this process still logs them once, but the kernel
// processes it starts (which inherit the environment) no longer do. The C
// locale means untranslated messages, which is what LANGUAGE=en asks for;
// an explicit LANGUAGE is left alone, and so are real locales.
func plainEnglishForCLocale(getenv func(string) string, setenv func(key, value string) error) {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(k)
		if v == "" {
			continue
		}
		isC := v == "C" || v == "POSIX" || strings.HasPrefix(v, "C.") || strings.HasPrefix(v, "POSIX.")
		if isC && getenv("LANGUAGE") == "" {
			_ = setenv("LANGUAGE", "en")
		}
		return
	}
}

func init() { plainEnglishForCLocale(os.Getenv, os.Setenv) }
