//go:build !cgo

package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestAppWithoutCgo(t *testing.T) {
	var stderr bytes.Buffer
	if code := appMain(&stderr, &stderr, nil); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(stderr.String(), "built without cgo") {
		t.Errorf("message %q does not explain", stderr.String())
	}
}
