package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// appCalls records the app's openings: unit tests never open a window.
var appCalls [][]string

func init() {
	runApp = func(_, _ io.Writer, args []string) int {
		appCalls = append(appCalls, args)
		return 0
	}
}

func TestDispatchOpensTheApp(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "notes")
	if err := os.WriteFile(plain, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
		app  []string // the app's arguments; nil: the app must not open
		err  string
	}{
		{args: nil, app: []string{}},
		{args: []string{"paper.ipynb"}, app: []string{"paper.ipynb"}},
		{args: []string{"session.go"}, app: []string{"session.go"}},
		{args: []string{plain}, app: []string{plain}},
		{args: []string{"a.ipynb", "b.ipynb"}, code: 2, err: "one file"},
		{args: []string{"nonsense"}, code: 2, err: "unknown command"},
		{args: []string{"version"}, code: 0},
	} {
		appCalls = nil
		var stdout, stderr bytes.Buffer
		code := dispatch(&stdout, &stderr, tc.args)
		if code != tc.code {
			t.Errorf("%q: exit %d, want %d (stderr %q)", tc.args, code, tc.code, stderr.String())
		}
		if tc.err != "" && !strings.Contains(stderr.String(), tc.err) {
			t.Errorf("%q: stderr %q does not say %q", tc.args, stderr.String(), tc.err)
		}
		switch {
		case tc.app == nil && len(appCalls) != 0:
			t.Errorf("%q: the app opened with %q", tc.args, appCalls)
		case tc.app != nil && len(appCalls) != 1:
			t.Errorf("%q: the app opened %d times, want once", tc.args, len(appCalls))
		case tc.app != nil && len(tc.app) == 0 && len(appCalls[0]) != 0:
			t.Errorf("%q: the app opened with %q, want no file", tc.args, appCalls[0])
		case len(tc.app) > 0 && !reflect.DeepEqual(appCalls[0], tc.app):
			t.Errorf("%q: the app opened with %q, want %q", tc.args, appCalls[0], tc.app)
		}
	}
}

func TestUsageNamesTheApp(t *testing.T) {
	var stdout bytes.Buffer
	dispatch(&stdout, io.Discard, []string{"help"})
	if !strings.Contains(stdout.String(), "open the desktop app") {
		t.Errorf("usage does not mention the app:\n%s", stdout.String())
	}
}

func TestQuietLocaleEnv(t *testing.T) {
	for _, tc := range []struct {
		lcAll, lang, language string
		want                  []string
	}{
		{lang: "C.UTF-8", want: []string{"LANGUAGE=en"}},
		{lcAll: "C.utf8", lang: "de_DE.UTF-8", want: []string{"LANGUAGE=en"}},
		{lang: "C"},
		{lang: "en_US.UTF-8"},
		{lang: "C.UTF-8", language: "fr"},
		{},
	} {
		t.Setenv("LC_ALL", tc.lcAll)
		t.Setenv("LC_MESSAGES", "")
		t.Setenv("LANG", tc.lang)
		t.Setenv("LANGUAGE", tc.language)
		if got := quietLocaleEnv(); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("LC_ALL=%q LANG=%q LANGUAGE=%q: %q, want %q", tc.lcAll, tc.lang, tc.language, got, tc.want)
		}
	}
}
