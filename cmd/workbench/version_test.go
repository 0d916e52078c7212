package main

import (
	"bytes"
	"runtime"
	"strings"
	"testing"

	"workbench/version"
)

func TestVersion(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := runVersion(&stdout, &stderr, nil); code != 0 {
		t.Fatalf("runVersion returned %d, stderr: %s", code, stderr.String())
	}
	if stderr.Len() != 0 {
		t.Errorf("unexpected stderr: %q", stderr.String())
	}
	out := stdout.String()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	want := []string{"Workbench ", "Go ", "CPU features: ", "SIMD level: ", "Workers: ", "Devices: "}
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(want), out)
	}
	for i, prefix := range want {
		if !strings.HasPrefix(lines[i], prefix) || len(lines[i]) == len(prefix) {
			t.Errorf("line %d = %q, want %q followed by a value", i+1, lines[i], prefix)
		}
	}
	if !strings.Contains(lines[0], version.Version) {
		t.Errorf("first line %q does not contain %q", lines[0], version.Version)
	}
	if !strings.Contains(lines[1], runtime.Version()) {
		t.Errorf("Go line %q does not contain %q", lines[1], runtime.Version())
	}
	if !strings.Contains(lines[5], "cpu") {
		t.Errorf("devices line %q does not list the cpu device", lines[5])
	}
}

func TestDispatch(t *testing.T) {
	for _, tc := range []struct {
		args       []string
		code       int
		stdout     string // substring expected on stdout ("" = must be empty)
		stderrWant string // substring expected on stderr ("" = must be empty)
	}{
		{[]string{"version"}, 0, "Workbench ", ""},
		{[]string{"--version"}, 0, "Workbench ", ""},
		{[]string{"help"}, 0, "Usage: workbench", ""},
		{[]string{"nonsense"}, 2, "", "unknown command"},
		{[]string{"version", "extra"}, 2, "", "unexpected arguments"},
	} {
		var stdout, stderr bytes.Buffer
		code := dispatch(&stdout, &stderr, tc.args)
		if code != tc.code {
			t.Errorf("%q: exit %d, want %d", tc.args, code, tc.code)
		}
		check := func(name, got, want string) {
			if want == "" && got != "" {
				t.Errorf("%q: unexpected %s: %q", tc.args, name, got)
			} else if !strings.Contains(got, want) {
				t.Errorf("%q: %s %q does not contain %q", tc.args, name, got, want)
			}
		}
		check("stdout", stdout.String(), tc.stdout)
		check("stderr", stderr.String(), tc.stderrWant)
	}
}
