package assets

import (
	"encoding/json"
	"errors"
	"io/fs"
	"slices"
	"testing"
)

func TestExamples(t *testing.T) {
	names := Examples()
	if len(names) < 4 {
		t.Fatalf("%d examples (%v), want at least 4", len(names), names)
	}
	if !slices.Contains(names, DefaultExample) {
		t.Errorf("the default example %s is not bundled: %v", DefaultExample, names)
	}
	for _, n := range names {
		b, err := Example(n)
		if err != nil {
			t.Fatal(err)
		}
		var nb struct {
			Format int               `json:"nbformat"`
			Cells  []json.RawMessage `json:"cells"`
		}
		if err := json.Unmarshal(b, &nb); err != nil || nb.Format != 4 || len(nb.Cells) == 0 {
			t.Errorf("%s: not a notebook (nbformat %d, %d cells, %v)", n, nb.Format, len(nb.Cells), err)
		}
	}
	if _, err := Example("missing.ipynb"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing example: %v, want fs.ErrNotExist", err)
	}
}
