package sessions

import (
	"context"
	"errors"
	"image/color"
	"slices"
	"strings"
	"testing"
)

// session is a notebook with outputs of every kind the fake makes.
func session() *Notebook {
	return notebookOf(
		"# A session",
		"print took 12ms\nvalue 42",
		"array 0.1 0.2 0.30000000000000004",
		"table 1.5 2.5",
		"image 200",
		"fail expected",
	)
}

// saved runs session() with a fresh fake kernel.
func saved(t *testing.T) *Notebook {
	t.Helper()
	nb := session()
	nb.Record = &Record{Verify: &VerifySettings{Mask: []string{`\d+ms`}}}
	if _, err := Run(context.Background(), nb, newFake(), RunOptions{ContinueOnError: true}); err == nil {
		t.Fatal("the failing cell did not fail")
	}
	// Through a file and back, as verify sees it.
	b, err := Marshal(nb)
	if err != nil {
		t.Fatal(err)
	}
	nb, err = Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	return nb
}

func verify(t *testing.T, nb *Notebook, k *fakeKernel) *Report {
	t.Helper()
	rep, fresh, err := Verify(context.Background(), nb, k, VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if fresh == nil || fresh == nb {
		t.Fatal("no fresh notebook")
	}
	return rep
}

func statuses(r *Report) string {
	var s []string
	for _, c := range r.Cells {
		s = append(s, c.Status.String())
	}
	return strings.Join(s, " ")
}

func TestVerifyUnchanged(t *testing.T) {
	nb := saved(t)
	rep := verify(t, nb, newFake())
	if !rep.OK() || !rep.Exact || statuses(rep) != "same same same same same" {
		t.Errorf("report:\n%s", rep)
	}
	if !strings.Contains(rep.String(), "verify: all 5 code cells came out the same") {
		t.Errorf("report:\n%s", rep)
	}
	// Another worker count, same architecture and SIMD level: bit for bit.
	k := newFake()
	k.env.Workers = 64
	k.env.CPUFeatures = append(k.env.CPUFeatures, "avx512f")
	if rep := verify(t, nb, k); !rep.OK() || !rep.Exact {
		t.Errorf("with 64 workers:\n%s", rep)
	}
}

func TestVerifyChangedNumber(t *testing.T) {
	nb := saved(t)
	k := newFake()
	k.scale = 1 + 1e-15 // a few ulps
	rep := verify(t, nb, k)
	if rep.OK() || statuses(rep) != "same differs differs same same" {
		t.Fatalf("report:\n%s", rep)
	}
	d := rep.Cells[1].Differences[0]
	if d.Output != 0 || d.MIME != MIMEArray || !strings.HasPrefix(d.First, "element [0]: saved 0.1, now 0.10000000000000012 (difference 1.11e-16") ||
		!strings.HasPrefix(d.Size, "3 of 3 elements differ, by up to") || !strings.HasSuffix(d.Size, "compared bit for bit") {
		t.Errorf("difference %+v", d)
	}
	// The text beside the array is not compared.
	if len(rep.Cells[1].Differences) != 1 {
		t.Errorf("differences %+v", rep.Cells[1].Differences)
	}
	if d := rep.Cells[2].Differences[0]; d.MIME != MIMETable || !strings.HasPrefix(d.First, `column "x", row 0: saved 1.5, now 1.5000000000000018`) {
		t.Errorf("table difference %+v", d)
	}

	// On another SIMD level the same change is within the tolerance...
	k.env.SIMD = "avx512"
	rep = verify(t, nb, k)
	if !rep.OK() || rep.Exact || !strings.Contains(rep.String(), "numbers compared within tolerances: saved on amd64 with SIMD level avx2, run on amd64 with SIMD level avx512") {
		t.Errorf("across SIMD levels:\n%s", rep)
	}
	// ... but not a larger one.
	k.scale = 1.001
	rep = verify(t, nb, k)
	if rep.OK() || !strings.Contains(rep.Cells[1].Differences[0].Size, "tolerance rtol 1e-12, atol 0") {
		t.Errorf("a change of 1e-3:\n%s", rep)
	}
	// The file's tolerance applies.
	nb.Record.Verify.Tolerance = &Tolerance{RTol: 1e-2}
	if rep = verify(t, nb, k); !rep.OK() {
		t.Errorf("with rtol 1e-2:\n%s", rep)
	}
}

func TestVerifyChangedImage(t *testing.T) {
	nb := saved(t)
	k := newFake()
	k.pixel = &color.RGBA{190, 10, 20, 255}
	rep := verify(t, nb, k)
	if statuses(rep) != "same same same differs same" {
		t.Fatalf("report:\n%s", rep)
	}
	d := rep.Cells[3].Differences[0]
	if d.MIME != MIMEPNG || d.First != "pixel (1, 2) differs by 10 in a channel" || d.Size != "1 of 16 pixels differ, by up to 10 in a channel (of 255)" {
		t.Errorf("difference %+v", d)
	}
	// Across environments, an image tolerance lets it pass; the SVG is
	// then not compared.
	k.env.Arch = "arm64"
	nb.Record.Verify.Image = &ImageTolerance{Pixels: 1, Channel: 0}
	if rep := verify(t, nb, k); !rep.OK() {
		t.Errorf("with an image tolerance:\n%s", rep)
	}
}

func TestVerifyTextAndCounts(t *testing.T) {
	nb := saved(t)
	// Another output count and another text.
	nb.Cells[1].Source = "print took 15ms\nvalue 43"
	nb.Cells[5].Source = "print no failure"
	k := newFake()
	rep, _, err := Verify(context.Background(), nb, k, VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if statuses(rep) != "differs same same same differs" {
		t.Fatalf("report:\n%s", rep)
	}
	// The timing is masked; the value is not.
	ds := rep.Cells[0].Differences
	if len(ds) != 1 || ds[0].Output != 1 || ds[0].First != `line 1, column 2: saved "42", now "43"` || ds[0].Size != "1 of 1 lines differ" {
		t.Errorf("differences %+v", ds)
	}
	ds = rep.Cells[4].Differences
	if ds[0].Output != 0 || ds[0].First != `saved error "Panic: expected", now stream stdout "no failure\n"` {
		t.Errorf("differences %+v", ds)
	}
	// Marking the cells volatile or skipped lets them pass.
	nb.Cells[1].Record.Verify = &VerifySettings{VolatileOutputs: []int{1}}
	nb.Cells[5].Record.Verify = &VerifySettings{Skip: true}
	rep = verify(t, nb, k)
	if !rep.OK() || statuses(rep) != "same same same same skipped" {
		t.Errorf("report:\n%s", rep)
	}
}

func TestCompareOutputCount(t *testing.T) {
	a := notebookOf("x")
	b := a.Clone()
	a.Cells[0].Outputs = []Output{{Type: OutputStream, Name: "stdout", Text: "1\n"}, {Type: OutputStream, Name: "stderr", Text: "w\n"}}
	b.Cells[0].Outputs = []Output{{Type: OutputStream, Name: "stdout", Text: "1\n"}}
	rep := Compare(a, b, nil)
	if rep.OK() || rep.Cells[0].Differences[0].First != `2 outputs saved, 1 output now; the first missing is stream stderr "w\n"` {
		t.Errorf("report:\n%s", rep)
	}
	// Streams split otherwise still compare the same.
	b.Cells[0].Outputs = []Output{{Type: OutputStream, Name: "stdout", Text: "1"}, {Type: OutputStream, Name: "stdout", Text: "\n"}, {Type: OutputStream, Name: "stderr", Text: "w\n"}}
	if rep := Compare(a, b, nil); !rep.OK() {
		t.Errorf("report:\n%s", rep)
	}
}

func TestCompareArrays(t *testing.T) {
	set := settings{tol: DefaultTolerance, tol32: DefaultFloat32Tolerance}
	for _, tc := range []struct {
		name, a, b string
		exact      bool
		want       string // "" for no difference
	}{
		{"same text", `{"dtype":"float64","shape":[2],"data":[1,"nan"]}`, `{"shape":[2],"dtype":"float64","data":[1.0,"nan"]}`, true, ""},
		{"signed zero exact", `{"dtype":"float64","shape":[1],"data":[0]}`, `{"dtype":"float64","shape":[1],"data":[-0.0]}`, true, "element [0]: saved 0, now -0"},
		{"signed zero tolerance", `{"dtype":"float64","shape":[1],"data":[0]}`, `{"dtype":"float64","shape":[1],"data":[-0.0]}`, false, ""},
		{"inf", `{"dtype":"float64","shape":[1],"data":["inf"]}`, `{"dtype":"float64","shape":[1],"data":[1e308]}`, false, "element [0]: saved inf, now 1e+308"},
		{"nan", `{"dtype":"float32","shape":[1],"data":["nan"]}`, `{"dtype":"float32","shape":[1],"data":[1]}`, false, "element [0]: saved nan, now 1"},
		{"float32 tolerance", `{"dtype":"float32","shape":[1],"data":[1]}`, `{"dtype":"float32","shape":[1],"data":[1.000001]}`, false, ""},
		{"2-d index", `{"dtype":"int64","shape":[2,2],"data":[1,2,3,4]}`, `{"dtype":"int64","shape":[2,2],"data":[1,2,3,5]}`, false, "element [1 1]: saved 4, now 5"},
		{"complex", `{"dtype":"complex128","shape":[1],"data":[[1,2]]}`, `{"dtype":"complex128","shape":[1],"data":[[1,2.5]]}`, false, "element [0]: saved [1, 2], now [1, 2.5]"},
		{"dtype", `{"dtype":"float64","shape":[1],"data":[1]}`, `{"dtype":"float32","shape":[1],"data":[1]}`, false, "dtype: saved float64, now float32"},
		{"shape", `{"dtype":"float64","shape":[1,2],"data":[1,2]}`, `{"dtype":"float64","shape":[2],"data":[1,2]}`, false, "shape: saved [1 2], now [2]"},
		{"uint64", `{"dtype":"uint64","shape":[1],"data":[18446744073709551615]}`, `{"dtype":"uint64","shape":[1],"data":[18446744073709551614]}`, false, "element [0]: saved 18446744073709551615, now 18446744073709551614"},
		{"truncated digest", `{"dtype":"int8","shape":[5],"truncated":true,"head":[1],"tail":[5],"sha256":"aa"}`, `{"dtype":"int8","shape":[5],"truncated":true,"head":[1],"tail":[5],"sha256":"bb"}`, true, "the elements between head and tail differ (their SHA-256 digests differ)"},
		{"truncated tail", `{"dtype":"int8","shape":[5],"truncated":true,"head":[1],"tail":[5],"sha256":"aa"}`, `{"dtype":"int8","shape":[5],"truncated":true,"head":[1],"tail":[6],"sha256":"bb"}`, false, "element [4]: saved 5, now 6"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := compareArrayJSON([]byte(tc.a), []byte(tc.b), set, tc.exact)
			switch {
			case tc.want == "" && d != nil:
				t.Errorf("difference %+v", d)
			case tc.want != "" && (d == nil || !strings.HasPrefix(d.First, tc.want)):
				t.Errorf("difference %+v, want %q", d, tc.want)
			}
		})
	}
}

func TestCompareTables(t *testing.T) {
	set := settings{tol: DefaultTolerance, tol32: DefaultFloat32Tolerance}
	base := `{"columns":[{"name":"x","kind":"numeric","dtype":"float64","data":[1,"nan"],"missing":[false,true]},{"name":"s","kind":"string","dtype":"string","data":["a",""]}],"rows":2}`
	for _, tc := range []struct{ name, b, want string }{
		{"same", base, ""},
		{"missing", `{"columns":[{"name":"x","kind":"numeric","dtype":"float64","data":[1,"nan"]},{"name":"s","kind":"string","dtype":"string","data":["a",""]}],"rows":2}`, `column "x", row 1, missing: saved true, now false`},
		{"string", `{"columns":[{"name":"x","kind":"numeric","dtype":"float64","data":[1,"nan"],"missing":[false,true]},{"name":"s","kind":"string","dtype":"string","data":["a","b"]}],"rows":2}`, `column "s", row 1: saved "", now "b"`},
		{"renamed", `{"columns":[{"name":"y","kind":"numeric","dtype":"float64","data":[1,"nan"],"missing":[false,true]},{"name":"s","kind":"string","dtype":"string","data":["a",""]}],"rows":2}`, `column 1: saved "x" (numeric, float64), now "y"`},
		{"rows", `{"columns":[],"rows":3}`, "rows: saved 2, now 3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := compareTableJSON([]byte(base), []byte(tc.b), set, true)
			switch {
			case tc.want == "" && d != nil:
				t.Errorf("difference %+v", d)
			case tc.want != "" && (d == nil || !strings.HasPrefix(d.First, tc.want)):
				t.Errorf("difference %+v, want %q", d, tc.want)
			}
		})
	}
}

func TestRefuseForeign(t *testing.T) {
	nb, err := Parse(readFixture(t, "jupyter_python.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	want := "this notebook is for python (kernel python3), not Go: workbench verify runs Go notebooks"
	err = RefuseForeign(nb)
	var fe *ForeignError
	if !errors.As(err, &fe) || err.Error() != want {
		t.Errorf("RefuseForeign = %v", err)
	}
	if _, _, err := Verify(context.Background(), nb, newFake(), VerifyOptions{}); err == nil || err.Error() != want {
		t.Errorf("Verify = %v", err)
	}
	if err := RefuseForeign(&Notebook{}); err != nil {
		t.Errorf("a notebook without language: %v", err)
	}
}

func TestVerifySeedAndKernelDeath(t *testing.T) {
	nb := saved(t)
	k := newFake()
	k.env.Seed = 7
	rep := verify(t, nb, k)
	if rep.OK() || !strings.Contains(rep.String(), "problem: the fresh run used seed 7, the file was saved with seed 42") {
		t.Errorf("report:\n%s", rep)
	}
	nb.Cells[2].Source = "crash"
	rep = verify(t, nb, newFake())
	if rep.OK() || !strings.Contains(rep.String(), "the kernel failed at cell 3") {
		t.Errorf("report:\n%s", rep)
	}
}

func TestDigestNote(t *testing.T) {
	nb := saved(t)
	nb.Cells[1].Outputs[1].Data[MIMEText] = []byte("41")
	rep := Compare(nb, nb.Clone(), nil)
	if !rep.OK() || !strings.Contains(rep.String(), "the file was changed after the run") {
		t.Errorf("report:\n%s", rep)
	}
}

// The GPUs of the tests' environment records.
const (
	llvmpipe = "llvmpipe (LLVM 15.0.6, 256 bits), OpenGL 4.5"
	h100     = "NVIDIA H100/PCIe/SSE2, OpenGL 4.6.0"
)

// withGPU gives a fake kernel's environment a GPU (gpu != "") or says why
// it has none.
func withGPU(k *fakeKernel, gpu, absent string) *fakeKernel {
	k.env.GPU, k.env.GPUAbsent = gpu, absent
	k.env.Devices = []string{"cpu"}
	if gpu != "" {
		k.env.Devices = append(k.env.Devices, "gpu")
	}
	return k
}

// TestVerifyGPU verifies a session saved on llvmpipe, with a cell on the
// CPU and one on the GPU (float32), on other machines: the GPU cell is
// compared bit for bit only on the same GPU, within the float32 tolerance
// on another, and on a machine without a GPU the report says that the
// cell needs one. The CPU cell is compared as before, whatever the GPUs.
func TestVerifyGPU(t *testing.T) {
	cells := []string{"array 0.1 0.2 0.30000000000000004", "gpu\narray32 0.1 0.2 0.3"}
	save := func(t *testing.T, cells []string) *Notebook {
		t.Helper()
		nb := notebookOf(cells...)
		if _, err := Run(context.Background(), nb, withGPU(newFake(), llvmpipe, ""), RunOptions{}); err != nil {
			t.Fatal(err)
		}
		b, err := Marshal(nb)
		if err != nil {
			t.Fatal(err)
		}
		if nb, err = Parse(b); err != nil {
			t.Fatal(err)
		}
		return nb
	}
	if nb := save(t, cells); deviceOf(nb.Cells[0]) != "cpu" || deviceOf(nb.Cells[1]) != "gpu" || nb.Record.Environment.GPU != llvmpipe {
		t.Fatalf("saved devices %q and %q, GPU %q", deviceOf(nb.Cells[0]), deviceOf(nb.Cells[1]), nb.Record.Environment.GPU)
	}
	for _, tc := range []struct {
		name        string
		cpuOnly     bool              // only the CPU cell
		saved       func(*Notebook)   // changes the saved file
		fresh       func(*fakeKernel) // the fresh run's kernel
		statuses    string            // of the cells
		exact       []bool            // of the cells
		note        string            // a note of the report ("" for none about GPUs)
		cellNote    string            // a note of the GPU cell
		first, size string            // the GPU cell's first difference
	}{
		{name: "same GPU", fresh: func(k *fakeKernel) { withGPU(k, llvmpipe, "") },
			statuses: "same same", exact: []bool{true, true},
			note: `cells that ran on the GPU compared bit for bit: both runs had the GPU "` + llvmpipe + `"`},
		{name: "same GPU, other float32 bits", fresh: func(k *fakeKernel) { withGPU(k, llvmpipe, ""); k.scale32 = 1 + 1e-6 },
			statuses: "same differs", exact: []bool{true, true},
			note:  `cells that ran on the GPU compared bit for bit`,
			first: "element [0]: saved 0.1, now 0.1000001", size: "compared bit for bit"},
		{name: "other GPU", fresh: func(k *fakeKernel) { withGPU(k, h100, ""); k.scale32 = 1 + 1e-6 },
			statuses: "same same", exact: []bool{true, false},
			note:     `cells that ran on the GPU compared within tolerances: saved with the GPU "` + llvmpipe + `", run with the GPU "` + h100 + `"`,
			cellNote: "ran on gpu, on another GPU than when saved: numbers compared within tolerances"},
		{name: "other GPU, beyond the float32 tolerance", fresh: func(k *fakeKernel) { withGPU(k, h100, ""); k.scale32 = 1.001 },
			statuses: "same differs", exact: []bool{true, false},
			note:     `saved with the GPU "` + llvmpipe + `", run with the GPU "` + h100 + `"`,
			cellNote: "ran on gpu, on another GPU than when saved: numbers compared within tolerances",
			first:    "element [0]: saved 0.1, now 0.1001", size: "tolerance rtol 1e-05, atol 0"},
		{name: "same GPU, other SIMD level", fresh: func(k *fakeKernel) { withGPU(k, llvmpipe, ""); k.env.SIMD = "avx512"; k.scale32 = 1 + 1e-6 },
			statuses: "same same", exact: []bool{false, false},
			note: `cells that ran on the GPU compared within tolerances, as the others: both runs had the GPU "` + llvmpipe + `"`},
		{name: "the saved record does not describe its GPU", saved: func(nb *Notebook) { nb.Record.Environment.GPU = "" },
			fresh:    func(k *fakeKernel) { withGPU(k, llvmpipe, "") },
			statuses: "same same", exact: []bool{true, false},
			note:     `saved with a GPU it does not describe, run with the GPU "` + llvmpipe + `"`,
			cellNote: "ran on gpu, and the saved record does not describe its GPU: numbers compared within tolerances"},
		{name: "no GPU", fresh: func(k *fakeKernel) { withGPU(k, "", "no EGL display") },
			statuses: "same differs", exact: []bool{true, false},
			note:  `cells that ran on the GPU compared within tolerances: saved with the GPU "` + llvmpipe + `", run with no GPU (no EGL display)`,
			first: `needs a GPU, and this machine has none (no EGL display): the cell ran on the GPU "` + llvmpipe + `" when saved`},
		{name: "CPU cells, other GPU", cpuOnly: true, fresh: func(k *fakeKernel) { withGPU(k, h100, "") },
			statuses: "same", exact: []bool{true}},
		{name: "CPU cells, no GPU", cpuOnly: true, fresh: func(k *fakeKernel) { withGPU(k, "", "built without cgo") },
			statuses: "same", exact: []bool{true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cs := cells
			if tc.cpuOnly {
				cs = cells[:1]
			}
			nb := save(t, cs)
			if tc.saved != nil {
				tc.saved(nb)
			}
			k := newFake()
			tc.fresh(k)
			rep := verify(t, nb, k)
			if statuses(rep) != tc.statuses || rep.OK() != !strings.Contains(tc.statuses, "differs") {
				t.Fatalf("statuses %q, want %q:\n%s", statuses(rep), tc.statuses, rep)
			}
			for i, c := range rep.Cells {
				if c.Exact != tc.exact[i] {
					t.Errorf("cell %d: Exact %v, want %v:\n%s", i+1, c.Exact, tc.exact[i], rep)
				}
			}
			notes := strings.Join(rep.Notes, "\n")
			if tc.note == "" && strings.Contains(notes, "GPU") || !strings.Contains(notes, tc.note) {
				t.Errorf("notes:\n%s\nwant one with %q", notes, tc.note)
			}
			if tc.cpuOnly {
				if len(rep.Cells[0].Notes) > 0 {
					t.Errorf("CPU cell notes %q", rep.Cells[0].Notes)
				}
				return
			}
			g := rep.Cells[1]
			if tc.cellNote != "" && !slices.Contains(g.Notes, tc.cellNote) || tc.cellNote == "" && len(g.Notes) > 0 {
				t.Errorf("GPU cell notes %q, want %q", g.Notes, tc.cellNote)
			}
			if tc.first == "" {
				return
			}
			if len(g.Differences) == 0 {
				t.Fatalf("GPU cell: no difference:\n%s", rep)
			}
			d := g.Differences[0]
			if !strings.HasPrefix(d.First, tc.first) || !strings.Contains(d.Size, tc.size) {
				t.Errorf("GPU cell's first difference %+v, want %q (%q)", d, tc.first, tc.size)
			}
			if !strings.Contains(rep.String(), tc.first) {
				t.Errorf("report:\n%s", rep)
			}
		})
	}
}

// TestCompareGPUDevices checks the device records that Compare reads:
// names joined with "," when a cell used several devices, records without
// a device list, and a saved cell on a device other than the GPU.
func TestCompareGPUDevices(t *testing.T) {
	env := func(gpu, absent string, devs ...string) *Environment {
		return &Environment{Arch: "amd64", SIMD: "avx2", Devices: devs, GPU: gpu, GPUAbsent: absent}
	}
	for _, tc := range []struct {
		name         string
		saved, fresh *Environment
		device       string // the saved cell's
		lacks        string // "" when the fresh environment is not known to lack a device
	}{
		{"has the GPU", env(llvmpipe, "", "cpu", "gpu"), env(h100, "", "cpu", "gpu"), "gpu", ""},
		{"no GPU, why", env(llvmpipe, "", "cpu", "gpu"), env("", "no EGL display", "cpu"), "gpu",
			`needs a GPU, and this machine has none (no EGL display): the cell ran on the GPU "` + llvmpipe + `" when saved`},
		{"no GPU, saved without a description", env("", "", "cpu", "gpu"), env("", "", "cpu"), "gpu",
			"needs a GPU, and this machine has none: the cell ran on the GPU when saved"},
		{"no device list", env(llvmpipe, ""), env("", ""), "gpu", ""},
		{"several devices", env(llvmpipe, "", "cpu", "gpu", "npu"), env(llvmpipe, "", "cpu", "gpu"), "gpu,npu",
			"needs the npu device, and this machine has none: the cell ran on it when saved"},
		{"a CPU cell", env(llvmpipe, "", "cpu", "gpu"), env("", "no EGL display", "cpu"), "cpu", ""},
		{"no fresh record", env(llvmpipe, "", "cpu", "gpu"), nil, "gpu", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			why, ok := lacksDevice(tc.saved, tc.fresh, tc.device)
			if why != tc.lacks || ok != (tc.lacks != "") {
				t.Errorf("lacksDevice = %q, %v; want %q", why, ok, tc.lacks)
			}
		})
	}
}
