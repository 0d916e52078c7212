package symbols_test

import (
	"bufio"
	"bytes"
	"fmt"
	"go/build"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/traefik/yaegi/extract"
)

// yaegiCmd starts the go:generate lines that TestGeneratedUpToDate replays.
const yaegiCmd = "//go:generate go run github.com/traefik/yaegi/cmd/yaegi@"

// generateLines returns the yaegi version and the packages named by the
// go:generate lines of symbols.go, in order.
func generateLines(t *testing.T) (version string, pkgs []string) {
	t.Helper()
	f, err := os.Open("symbols.go")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), yaegiCmd)
		if !ok {
			continue
		}
		fields := strings.Fields(rest)
		if len(fields) < 3 || fields[1] != "extract" {
			t.Fatalf("symbols.go: cannot read %q", sc.Text())
		}
		if version != "" && fields[0] != version {
			t.Fatalf("symbols.go: go:generate lines use yaegi %s and %s", version, fields[0])
		}
		version = fields[0]
		for _, p := range fields[2:] {
			if strings.HasPrefix(p, "-") {
				t.Fatalf("symbols.go: flag %s: this test replays plain extract commands only", p)
			}
			pkgs = append(pkgs, p)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(pkgs) == 0 {
		t.Fatal("symbols.go has no yaegi extract go:generate lines")
	}
	return version, pkgs
}

// TestGeneratedUpToDate extracts every bound package again, with yaegi's
// extract package at the version go.mod requires (which must be the one the
// go:generate lines run), and compares the result with the committed files.
//
// yaegi extract loads packages with go/build, which in module mode starts
// `go list` for every import of every non-standard package (about 140 for
// plotting alone): replaying the go:generate lines as they are takes about a
// minute on two cores. This test gets the same source files through a
// GOPATH of links to the module directories that `go list` reports, where
// go/build finds packages on its own, and extracts in parallel.
func TestGeneratedUpToDate(t *testing.T) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH: cannot check that the generated symbol files are up to date")
	}
	start := time.Now()
	version, pkgs := generateLines(t)

	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			if m.Path == "github.com/traefik/yaegi" && m.Version != version {
				t.Fatalf("go.mod requires yaegi %s but symbols.go generates with %s: make them agree", m.Version, version)
			}
		}
	}

	// A GOPATH whose src links each module that the packages use.
	cmd := exec.Command(goCmd, append([]string{"list", "-deps", "-f", "{{with .Module}}{{.Path}}\t{{.Dir}}{{end}}"}, pkgs...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.Bytes())
	}
	gopath := t.TempDir()
	mods := map[string]string{}
	for line := range strings.Lines(string(out)) {
		path, dir, ok := strings.Cut(strings.TrimSpace(line), "\t")
		if !ok {
			continue
		}
		if dir == "" {
			t.Fatalf("go list gives no directory for module %s", path)
		}
		mods[path] = dir
	}
	for path, dir := range mods {
		for other := range mods {
			if strings.HasPrefix(path, other+"/") {
				t.Fatalf("module %s is nested in module %s: this test cannot lay them out as a GOPATH", path, other)
			}
		}
		link := filepath.Join(gopath, "src", filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(dir, link); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("GO111MODULE", "off") // go/build reads it at each import
	saved := build.Default.GOPATH
	build.Default.GOPATH = gopath // the context yaegi's source importer uses
	defer func() { build.Default.GOPATH = saved }()
	setup := time.Since(start)

	// Extract as `yaegi extract` does, run from this directory: the
	// destination package is named after the directory, the file after the
	// import path.
	dest := filepath.Base(mustGetwd(t))
	fileName := strings.NewReplacer("/", "-", ".", "_", "~", "_")
	type result struct {
		name string
		src  []byte
		err  error
	}
	results := make([]result, len(pkgs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, p := range pkgs {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			var buf bytes.Buffer
			ext := extract.Extractor{Dest: dest}
			ip, err := ext.Extract(p, dest, &buf)
			results[i] = result{fileName.Replace(ip) + ".go", buf.Bytes(), err}
		})
	}
	wg.Wait()

	want := map[string]bool{}
	for i, r := range results {
		if r.err != nil {
			t.Errorf("extract %s: %v", pkgs[i], r.err)
			continue
		}
		want[r.name] = true
		got, err := os.ReadFile(r.name)
		if err != nil {
			t.Errorf("%s is missing: run go generate ./interp/symbols", r.name)
			continue
		}
		if !bytes.Equal(got, r.src) {
			t.Errorf("%s is stale (%s): run go generate ./interp/symbols (with %s)", r.name, firstDiff(got, r.src), runtime.Version())
		}
	}
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err == nil && bytes.HasPrefix(src, []byte("// Code generated by 'yaegi extract")) && !want[f] {
			t.Errorf("%s was generated for a package that symbols.go no longer names: delete it", f)
		}
	}
	t.Logf("%d packages: setup %v, total %v", len(pkgs), setup.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
}

func mustGetwd(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return wd
}

// firstDiff describes the first line where the committed file a and the
// fresh extraction b differ.
func firstDiff(a, b []byte) string {
	al := strings.Split(string(a), "\n")
	bl := strings.Split(string(b), "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d: have %q, extract gives %q", i+1, x, y)
		}
	}
	return "no line differs"
}
