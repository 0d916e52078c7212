package plotting

//go:generate /usr/bin/python3 testdata/hist/generate.py

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"workbench/arrays"
)

func init() {
	registerGolden("hist_two_samples", func() *Figure {
		a := sampleNormal(1000, 1, 0, 1)
		b := sampleNormal(600, 2, 2.5, 0.7)
		f := New(Size(4, 3))
		f.Axes().Hist(a, Bins(20), Label("a")).
			Hist(b, Bins(15), Label("b")).
			SetTitle("Two samples").Legend()
		return f
	})
	registerGolden("hist_density_edges", func() *Figure {
		x := sampleNormal(2000, 3, 0, 1)
		f := New(Size(4, 3))
		f.Axes().Hist(x, BinEdges([]float64{-3, -2, -1, -0.5, 0, 0.5, 1, 2, 3}), Density(), Color("C2"), Label("density")).
			SetYLabel("density").Legend("top left")
		return f
	})
}

// sampleNormal returns n deterministic normal deviates (an xorshift
// generator and Box-Muller), the same on every platform.
func sampleNormal(n int, seed uint64, mean, sd float64) []float64 {
	s := seed*0x9E3779B97F4A7C15 + 1
	next := func() float64 {
		s ^= s << 13
		s ^= s >> 7
		s ^= s << 17
		return (float64(s>>11) + 0.5) / (1 << 53)
	}
	out := make([]float64, n)
	for i := range out {
		u, v := next(), next()
		out[i] = mean + sd*math.Sqrt(-2*math.Log(u))*math.Cos(2*math.Pi*v)
	}
	return out
}

// plotError runs fn and returns the *Error it panicked with, or nil, and
// whatever else it panicked with as an error.
func plotError(fn func()) (*Error, error) {
	err := arrays.Maybe(fn)
	var pe *Error
	if errors.As(err, &pe) {
		return pe, nil
	}
	return nil, err
}

// checkPlotError fails unless fn panics with a *Error whose message holds
// every want.
func checkPlotError(t *testing.T, name string, fn func(), want ...string) {
	t.Helper()
	pe, other := plotError(fn)
	if pe == nil {
		t.Errorf("%s: got %v, want a *plotting.Error", name, other)
		return
	}
	for _, w := range want {
		if !strings.Contains(pe.Error(), w) {
			t.Errorf("%s: %q does not mention %q", name, pe.Error(), w)
		}
	}
}

type numpyHist struct {
	Generator       string `json:"generator"`
	GeneratorSHA256 string `json:"generator_sha256"`
	NumpyVersion    string `json:"numpy_version"`
	Cases           []struct {
		Name     string    `json:"name"`
		Dtype    string    `json:"dtype"`
		X        []float64 `json:"x"`
		Bins     int       `json:"bins"`
		BinEdges []float64 `json:"bin_edges"`
		Range    []float64 `json:"range"`
		Density  bool      `json:"density"`
		Counts   []float64 `json:"counts"`
		Edges    []float64 `json:"edges"`
	} `json:"cases"`
}

func readNumpyHist(t *testing.T) *numpyHist {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "hist", "numpy.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc numpyHist
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	return &doc
}

func TestHistogramMatchesNumpy(t *testing.T) {
	doc := readNumpyHist(t)
	if len(doc.Cases) == 0 {
		t.Fatal("no cases in testdata/hist/numpy.json")
	}
	for _, c := range doc.Cases {
		t.Run(c.Name, func(t *testing.T) {
			var x any = c.X
			if c.Dtype == "int64" {
				ints := make([]int64, len(c.X))
				for i, v := range c.X {
					ints[i] = int64(v)
				}
				x = ints
			}
			var opts []Option
			if c.Bins != 0 {
				opts = append(opts, Bins(c.Bins))
			}
			if c.BinEdges != nil {
				opts = append(opts, BinEdges(c.BinEdges))
			}
			if c.Range != nil {
				opts = append(opts, BinRange(c.Range[0], c.Range[1]))
			}
			if c.Density {
				opts = append(opts, Density())
			}
			counts, edges := Histogram(x, opts...)
			if !equalFloats(counts, c.Counts) {
				t.Errorf("counts %v, numpy %v", counts, c.Counts)
			}
			if !equalFloats(edges, c.Edges) {
				t.Errorf("edges %v, numpy %v", edges, c.Edges)
			}
		})
	}
}

func equalFloats(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] && !(math.IsNaN(a[i]) && math.IsNaN(b[i])) {
			return false
		}
	}
	return true
}

// TestHistogramDataFresh fails when generate.py changed after numpy.json
// was made: run go generate ./plotting.
func TestHistogramDataFresh(t *testing.T) {
	doc := readNumpyHist(t)
	script, err := os.ReadFile(filepath.Join("testdata", "hist", "generate.py"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(script)
	if got := hex.EncodeToString(sum[:]); got != doc.GeneratorSHA256 {
		t.Errorf("testdata/hist/generate.py has sha256 %s, numpy.json was made by %s: run go generate ./plotting", got, doc.GeneratorSHA256)
	}
}

func TestHistogramSkipsNaN(t *testing.T) {
	clean := []float64{0.5, 1, 1.5, 2, 3, 3, 4.25}
	dirty := []float64{math.NaN(), 0.5, 1, math.Inf(1), 1.5, 2, math.NaN(), 3, 3, math.Inf(-1), 4.25}
	for _, opts := range [][]Option{
		nil, {Bins(3)}, {Density()}, {BinRange(1, 3)}, {BinEdges([]float64{0, 2, 5})},
	} {
		c1, e1 := Histogram(clean, opts...)
		c2, e2 := Histogram(dirty, opts...)
		if !equalFloats(c1, c2) || !equalFloats(e1, e2) {
			t.Errorf("with NaN: %v %v, without: %v %v", c2, e2, c1, e1)
		}
	}
	// Nothing finite: numpy's empty histogram over [0, 1].
	counts, edges := Histogram([]float64{math.NaN(), math.NaN()}, Bins(2))
	if !equalFloats(counts, []float64{0, 0}) || !equalFloats(edges, []float64{0, 0.5, 1}) {
		t.Errorf("all NaN: %v %v", counts, edges)
	}
	f := New(Size(2, 2), DPI(30))
	f.Axes().Hist(dirty).Hist([]float64{math.NaN()}).Hist([]float64{}, Density())
	if _, err := f.PNG(); err != nil {
		t.Fatal(err)
	}
}

func TestHistErrors(t *testing.T) {
	x := []float64{1, 2, 3}
	for _, c := range []struct {
		name string
		fn   func()
		want []string
	}{
		{"Bins(0)", func() { Bins(0) }, []string{"Bins", "0"}},
		{"Bins(-3)", func() { New().Axes().Hist(x, Bins(-3)) }, []string{"-3"}},
		{"one edge", func() { New().Axes().Hist(x, BinEdges([]float64{1})) }, []string{"1 values", "at least 2"}},
		{"decreasing edges", func() { Histogram(x, BinEdges([]float64{0, 2, 1})) }, []string{"BinEdges[2] = 1", "BinEdges[1] = 2"}},
		{"NaN edge", func() { Histogram(x, BinEdges([]float64{0, math.NaN()})) }, []string{"NaN"}},
		{"reversed range", func() { BinRange(2, 1) }, []string{"[2, 1]"}},
		{"infinite range", func() { BinRange(0, math.Inf(1)) }, []string{"+Inf"}},
		{"XErr in Hist", func() { New().Axes().Hist(x, XErr(1)) }, []string{"XErr", "ErrorBars"}},
		{"complex data", func() { Histogram(arrays.Zeros(3, Dtype(arrays.Complex128))) }, []string{"complex"}},
		{"strings", func() { Histogram([]string{"a"}) }, []string{"[]string"}},
	} {
		checkPlotError(t, c.name, c.fn, c.want...)
	}
}

func TestHistArrayInput(t *testing.T) {
	// A 2-d float32 array is flattened, as numpy.histogram ravels.
	a := arrays.Reshape(arrays.Asarray([]float32{1, 2, 2, 3, 3, 3}), 2, 3)
	counts, edges := Histogram(a, Bins(3))
	if !equalFloats(counts, []float64{1, 2, 3}) || len(edges) != 4 || edges[0] != 1 || edges[3] != 3 {
		t.Errorf("got %v %v", counts, edges)
	}
}

func ExampleHistogram() {
	counts, edges := Histogram([]int{1, 2, 2, 3, 3, 3, 4, 4, 4, 4}, Bins(4))
	fmt.Println(counts)
	fmt.Println(edges)
	// Output:
	// [1 2 3 4]
	// [1 1.75 2.5 3.25 4]
}

func ExampleAxes_Hist() {
	x := []float64{0.1, 0.4, 0.45, 0.5, 0.9, math.NaN(), 1.0}
	fig := New(Size(4, 3))
	fig.Axes().Hist(x, Bins(3), Label("x")).Legend()
	png, err := fig.PNG()
	fmt.Println(err, len(png) > 0)
	counts, _ := Histogram(x, Bins(3))
	fmt.Println(counts)
	// Output:
	// <nil> true
	// [1 3 2]
}
