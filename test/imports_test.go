package test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"
	"testing"
)

// modulePath is the path of our module; every package under it is "ours".
const modulePath = "workbench"

// A layer is a group of our packages: a folder and everything below it.
// The longest matching prefix decides which layer a package belongs to, so
// arrays/dtype and arrays/shape are layers of their own inside arrays.
type layer struct {
	prefix string   // folder relative to the module root
	may    []string // other layers it may import; its own is always allowed
	// thirdParty lists the outside import-path prefixes it may use; nil
	// means any, an empty non-nil slice means the standard library only.
	thirdParty []string
	// noFyne forbids the UI toolkit (the UI lives in ui and cmd only).
	noFyne bool
}

// below lists every layer that the ui may import: all but cmd and test.
var below = []string{"interp", "sessions", "plotting", "arrays", "devices", "kernels", "arrays/dtype", "arrays/shape", "version", "assets", "sessions/cellsplit"}

// layers encodes DESIGN.md's rule: imports point one way, down the list
// ui -> sessions, interp -> plotting -> arrays -> devices -> kernels, and the
// leaf packages (dtypes, shapes, version) sit below everything. sessions
// imports none of the engine: it talks to the kernel through an interface of
// its own with plain types. See also STYLE.md, "Dependency direction".
var layers = []layer{
	{prefix: "version", may: nil, thirdParty: []string{}, noFyne: true},
	{prefix: "arrays/dtype", may: nil, thirdParty: []string{}, noFyne: true},
	{prefix: "arrays/shape", may: nil, thirdParty: []string{}, noFyne: true},
	{prefix: "kernels", may: []string{"arrays/dtype", "arrays/shape"}, thirdParty: []string{"golang.org/x/sys/"}, noFyne: true},
	{prefix: "devices", may: []string{"kernels", "arrays/dtype", "arrays/shape"}, noFyne: true},
	{prefix: "arrays", may: []string{"devices", "kernels", "arrays/dtype", "arrays/shape", "version"}, noFyne: true},
	{prefix: "plotting", may: []string{"arrays", "devices", "kernels", "arrays/dtype", "arrays/shape", "version"}, noFyne: true},
	{prefix: "interp", may: []string{"plotting", "arrays", "devices", "kernels", "arrays/dtype", "arrays/shape", "version", "sessions/cellsplit"}, noFyne: true},
	// DESIGN.md lets anything import the dtype and shape leaf packages.
	{prefix: "sessions", may: []string{"version", "arrays/dtype", "arrays/shape", "sessions/cellsplit"}, noFyne: true},
	// The leaf that cuts a cell of Go into declarations and statements:
	// the engine and the Go export must agree on it, so interp may import
	// it although it sits under sessions.
	{prefix: "sessions/cellsplit", may: nil, thirdParty: []string{}, noFyne: true},
	{prefix: "assets", may: nil, thirdParty: []string{}, noFyne: true},
	{prefix: "ui", may: below},
	{prefix: "cmd", may: append([]string{"ui"}, below...)},
	{prefix: "test", may: append([]string{"ui", "cmd"}, below...)},
}

// layerOf returns the layer of one of our packages (path relative to the
// module root), or nil if no layer claims it.
func layerOf(rel string) *layer {
	var best *layer
	for i := range layers {
		l := &layers[i]
		if rel == l.prefix || strings.HasPrefix(rel, l.prefix+"/") {
			if best == nil || len(l.prefix) > len(best.prefix) {
				best = l
			}
		}
	}
	return best
}

// ours reports whether path is one of our packages and returns its path
// relative to the module root.
func ours(path string) (string, bool) {
	if path == modulePath {
		return "", true
	}
	rel, ok := strings.CutPrefix(path, modulePath+"/")
	return rel, ok
}

// standard reports whether path looks like a standard-library package: its
// first element has no dot. ("C", cgo's pseudo-package, counts too.)
func standard(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// checkImport returns why importer (ours) may not import imp, or "".
func checkImport(importer, imp string) string {
	rel, _ := ours(importer)
	from := layerOf(rel)
	if from == nil {
		return fmt.Sprintf("%s belongs to no layer of DESIGN.md; add its folder to the table in test/imports_test.go", importer)
	}
	if irel, ok := ours(imp); ok {
		to := layerOf(irel)
		if to == nil {
			return fmt.Sprintf("%s imports %s, which belongs to no layer of DESIGN.md", importer, imp)
		}
		if to == from {
			return ""
		}
		for _, m := range from.may {
			if m == to.prefix {
				return ""
			}
		}
		allowed := "none of our packages"
		if len(from.may) > 0 {
			allowed = "only " + strings.Join(from.may, ", ")
		}
		return fmt.Sprintf("%s imports %s: %s/ may import %s (DESIGN.md: imports point one way)", importer, imp, from.prefix, allowed)
	}
	if standard(imp) {
		return ""
	}
	if from.noFyne && strings.HasPrefix(imp, "fyne.io/") {
		return fmt.Sprintf("%s imports %s: only ui/ and cmd/ may use the UI toolkit", importer, imp)
	}
	if from.thirdParty != nil {
		for _, p := range from.thirdParty {
			if strings.HasPrefix(imp, p) {
				return ""
			}
		}
		allowed := "the standard library only"
		if len(from.thirdParty) > 0 {
			allowed = "the standard library and " + strings.Join(from.thirdParty, ", ")
		}
		return fmt.Sprintf("%s imports %s: %s/ may use %s", importer, imp, from.prefix, allowed)
	}
	return ""
}

// TestImportDirection lists every package of the module with its imports,
// under each build configuration whose files differ (cgo on, the pure-Go
// CGO_ENABLED=0 purego build, and arm64), and checks every import against
// the table above.
func TestImportDirection(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("the go command is not on PATH (%v); cannot list imports", err)
	}
	configs := []struct {
		name string
		env  []string
		args []string
	}{
		{"default", nil, nil},
		{"CGO_ENABLED=0 -tags purego", []string{"CGO_ENABLED=0"}, []string{"-tags", "purego"}},
		{"GOARCH=arm64", []string{"GOARCH=arm64"}, nil},
	}
	seen := map[string]bool{}
	var failures []string
	npkg := 0
	for _, c := range configs {
		args := append([]string{"list", "-e", "-f", `{{.ImportPath}} {{join .Imports " "}}`}, c.args...)
		args = append(args, modulePath+"/...")
		cmd := exec.Command(gobin, args...)
		cmd.Env = append(os.Environ(), c.env...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go %s (%s): %v\n%s", strings.Join(args, " "), c.name, err, stderr.String())
		}
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			fields := strings.Fields(line)
			if len(fields) == 0 {
				continue
			}
			pkg := fields[0]
			if !seen[pkg] {
				seen[pkg] = true
				npkg++
			}
			for _, imp := range fields[1:] {
				key := pkg + " " + imp
				if seen[key] {
					continue
				}
				seen[key] = true
				if why := checkImport(pkg, imp); why != "" {
					failures = append(failures, why+" ["+c.name+"]")
				}
			}
		}
	}
	if npkg == 0 {
		t.Fatal("go list found no packages")
	}
	sort.Strings(failures)
	for _, f := range failures {
		t.Error(f)
	}
}

// TestCheckImport checks the table itself on imports that must pass and
// imports that must fail.
func TestCheckImport(t *testing.T) {
	for _, tc := range []struct {
		from, imp string
		ok        bool
	}{
		{"workbench/kernels", "math", true},
		{"workbench/kernels", "golang.org/x/sys/cpu", true},
		{"workbench/kernels", "workbench/arrays/dtype", true}, // DESIGN.md: anything may import the leaves
		{"workbench/kernels", "workbench/devices", false},
		{"workbench/kernels", "gonum.org/v1/gonum/blas", false},
		{"workbench/arrays/dtype", "workbench/arrays/shape", false},
		{"workbench/devices", "workbench/kernels", true},
		{"workbench/devices", "workbench/arrays/dtype", true},
		{"workbench/devices/gl", "workbench/devices", true},
		{"workbench/devices", "workbench/arrays", false},
		{"workbench/arrays", "workbench/devices", true},
		{"workbench/arrays/linalg", "workbench/arrays", true},
		{"workbench/arrays/linalg", "gonum.org/v1/gonum/mat", true},
		{"workbench/arrays", "workbench/interp", false},
		{"workbench/arrays", "workbench/plotting", false},
		{"workbench/arrays", "fyne.io/fyne/v2", false},
		{"workbench/plotting", "workbench/arrays", true},
		{"workbench/plotting", "workbench/sessions", false},
		{"workbench/interp", "workbench/plotting", true},
		{"workbench/interp", "workbench/sessions", false},
		{"workbench/sessions", "workbench/version", true},
		{"workbench/sessions", "workbench/arrays", false},
		{"workbench/sessions", "workbench/interp", false},
		{"workbench/ui", "workbench/sessions", true},
		{"workbench/ui", "fyne.io/fyne/v2/widget", true},
		{"workbench/ui", "workbench/cmd/workbench", false},
		{"workbench/cmd/workbench", "workbench/ui", true},
		{"workbench/nowhere", "fmt", false},
	} {
		why := checkImport(tc.from, tc.imp)
		if (why == "") != tc.ok {
			t.Errorf("checkImport(%s, %s) = %q, want allowed=%v", tc.from, tc.imp, why, tc.ok)
		}
	}
}
