package sessions

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzRead checks that Parse never panics, and that whatever it accepts
// writes out, reads back and writes out again the same.
func FuzzRead(f *testing.F) {
	for _, name := range fixtures {
		f.Add(readFixture(f, name))
	}
	for _, s := range []string{
		`{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": []}`,
		`{"nbformat": 4, "nbformat_minor": 4, "metadata": {"workbench": {"seed": 1, "verify": {"mask": ["x"]}}}, "cells": [{"cell_type": "code", "source": "", "outputs": [], "execution_count": null, "metadata": {"workbench": {"device": "cpu"}}}]}`,
		`{"nbformat": 4, "cells": [{"cell_type": "markdown", "source": ["a\n", "b"], "attachments": {"x.png": {"image/png": "AA=="}}}]}`,
		`{"nbformat": 4, "cells": [{"cell_type": "code", "source": "", "outputs": [{"output_type": "display_data", "data": {"text/plain": ["a\r", "b"], "application/json": {"b": 1, "a": [1e5, -0.0]}, "image/gif": "R0lG\nODlh"}}]}]}`,
		`{"nbformat": 4, "cells": [], "x": "\ud83d\ude00 \ud800 \u2028 \u0000"}`,
		`{"a": 1, "a": 2}`,
		"\xef\xbb\xbf{\"nbformat\": 4, \"cells\": []}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		nb, err := Parse(src)
		if err != nil {
			return
		}
		out, err := Marshal(nb)
		if err != nil {
			// Only metadata that is not JSON can fail to write, and Parse
			// never makes such.
			t.Fatalf("Marshal of a parsed notebook: %v", err)
		}
		nb2, err := Parse(out)
		if err != nil {
			t.Fatalf("Parse of a written notebook: %v\n%s", err, out)
		}
		out2, err := Marshal(nb2)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out, out2) {
			t.Fatalf("not stable:\n%s", firstDiff(string(out), string(out2)))
		}
	})
}

// FuzzReadPercent checks that ParsePercent never panics and that what it
// reads writes out and reads back to the same cells.
func FuzzReadPercent(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "percent", "*.go"))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("// %% [markdown] a=1 b=\"x y\"\n// x\n\n// %%\n\n\nx\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		nb, err := ParsePercent(src)
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := WritePercent(&buf, nb); err != nil {
			t.Fatal(err)
		}
		nb2, err := ParsePercent(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		var buf2 bytes.Buffer
		if err := WritePercent(&buf2, nb2); err != nil {
			t.Fatal(err)
		}
		if buf.String() != buf2.String() {
			t.Fatalf("not stable:\n%s", firstDiff(buf.String(), buf2.String()))
		}
	})
}
