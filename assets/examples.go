package assets

import (
	"embed"
	"io/fs"
	"sort"
	"strings"
)

//go:embed examples/*.ipynb
var examples embed.FS

// DefaultExample is the example the app opens when started without a file.
const DefaultExample = "tour.ipynb"

// Examples returns the file names of the bundled example sessions, sorted.
func Examples() []string {
	entries, _ := fs.ReadDir(examples, "examples")
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".ipynb") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names
}

// Example returns the contents of the bundled example session name (as
// Examples lists it), or fs.ErrNotExist.
func Example(name string) ([]byte, error) {
	return examples.ReadFile("examples/" + name)
}
