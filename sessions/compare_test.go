package sessions

import (
	"context"
	"errors"
	"image/color"
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
