package fft

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"testing"

	"workbench/arrays"
)

// The golden file's layout (see testdata/generate.py).
type goldenArray struct {
	DType string    `json:"dtype"`
	Shape []int     `json:"shape"`
	Re    []float64 `json:"re"`
	Im    []float64 `json:"im"`
}

type goldenCase struct {
	Func      string         `json:"func"`
	Shape     []int          `json:"shape"`
	DType     string         `json:"dtype"`
	Seed      int            `json:"seed"`
	Transpose bool           `json:"transpose"`
	Args      map[string]any `json:"args"`
	Error     string         `json:"error"`
	Out       *goldenArray   `json:"out"`
	Sample    int            `json:"sample"`
	WantDType string         `json:"want_dtype"`
}

type goldenFile struct {
	ScriptSHA256 string       `json:"script_sha256"`
	NumpyVersion string       `json:"numpy_version"`
	Cases        []goldenCase `json:"cases"`
	Freqs        []struct {
		Func string    `json:"func"`
		N    int       `json:"n"`
		D    float64   `json:"d"`
		Out  []float64 `json:"out"`
	} `json:"freqs"`
	Shifts []struct {
		Func  string  `json:"func"`
		Shape []int   `json:"shape"`
		Axes  []int   `json:"axes"`
		Out   []int64 `json:"out"`
	} `json:"shifts"`
}

func loadGolden(t *testing.T) *goldenFile {
	t.Helper()
	b, err := os.ReadFile("testdata/golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var g goldenFile
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	return &g
}

func TestGoldenUpToDate(t *testing.T) {
	g := loadGolden(t)
	src, err := os.ReadFile("testdata/generate.py")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(src)
	if got := hex.EncodeToString(sum[:]); got != g.ScriptSHA256 {
		t.Fatalf("testdata/generate.py (sha256 %s) differs from the script that wrote golden.json (%s): run go generate in arrays/fft", got, g.ScriptSHA256)
	}
}

// genInput rebuilds a case's input with generate.py's formula.
func genInput(shape []int, dt string, seed int) *arrays.Array {
	size := 1
	for _, d := range shape {
		size *= d
	}
	re := func(j int) float64 { return float64((j*7919+seed)%65521)/65521 - 0.5 }
	im := func(j int) float64 { return float64((j*104729+3*seed)%65519)/65519 - 0.5 }
	var data any
	switch dt {
	case "int64":
		v := make([]int64, size)
		for j := range v {
			v[j] = int64((j*7919+seed)%17 - 8)
		}
		data = v
	case "int32":
		v := make([]int32, size)
		for j := range v {
			v[j] = int32((j*7919+seed)%17 - 8)
		}
		data = v
	case "float64":
		v := make([]float64, size)
		for j := range v {
			v[j] = re(j)
		}
		data = v
	case "float32":
		v := make([]float32, size)
		for j := range v {
			v[j] = float32(re(j))
		}
		data = v
	case "complex128":
		v := make([]complex128, size)
		for j := range v {
			v[j] = complex(re(j), im(j))
		}
		data = v
	case "complex64":
		v := make([]complex64, size)
		for j := range v {
			v[j] = complex64(complex(re(j), im(j)))
		}
		data = v
	default:
		panic("unknown dtype " + dt)
	}
	return arrays.FromSlice(data, shape...)
}

func ints(v any) []int {
	var out []int
	for _, e := range v.([]any) {
		out = append(out, int(e.(float64)))
	}
	return out
}

func caseOptions(args map[string]any) []Option {
	var opts []Option
	for k, v := range args {
		switch k {
		case "n":
			opts = append(opts, N(int(v.(float64))))
		case "axis":
			opts = append(opts, Axis(int(v.(float64))))
		case "axes":
			opts = append(opts, Axes(ints(v)...))
		case "s":
			opts = append(opts, S(ints(v)...))
		case "norm":
			opts = append(opts, Norm(v.(string)))
		}
	}
	return opts
}

var funcs = map[string]func(*arrays.Array, ...Option) *arrays.Array{
	"fft": Fft, "ifft": Ifft, "rfft": Rfft, "irfft": Irfft, "hfft": Hfft, "ihfft": Ihfft,
	"fftn": Fftn, "ifftn": Ifftn, "rfftn": Rfftn, "irfftn": Irfftn,
}

func reverse(n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = n - 1 - i
	}
	return p
}

func (c *goldenCase) name() string {
	return fmt.Sprintf("%s%v/%s/seed%d/T%v/%v", c.Func, c.Shape, c.DType, c.Seed, c.Transpose, c.Args)
}

// compare checks got against NumPy's want by relative RMS error.
func compare(got *arrays.Array, want *goldenArray, sample int, tol float64) error {
	g := got.Complex128s()
	if sample > 0 {
		var s []complex128
		for i := 0; i < len(g); i += sample {
			s = append(s, g[i])
		}
		g = s
	} else if fmt.Sprint(got.Shape()) != fmt.Sprint(want.Shape) {
		return fmt.Errorf("shape %v, want %v", got.Shape(), want.Shape)
	}
	if len(g) != len(want.Re) {
		return fmt.Errorf("%d values, want %d", len(g), len(want.Re))
	}
	var num, den float64
	for i, v := range g {
		w := complex(want.Re[i], 0)
		if want.Im != nil {
			w = complex(want.Re[i], want.Im[i])
		}
		d := v - w
		num += real(d)*real(d) + imag(d)*imag(d)
		den += real(w)*real(w) + imag(w)*imag(w)
	}
	e := math.Sqrt(num / math.Max(den, 1e-300))
	if den == 0 {
		e = math.Sqrt(num)
	}
	if !(e <= tol) {
		return fmt.Errorf("relative RMS error %.3g > %.3g", e, tol)
	}
	return nil
}

func TestGolden(t *testing.T) {
	g := loadGolden(t)
	if len(g.Cases) < 300 {
		t.Fatalf("only %d golden cases", len(g.Cases))
	}
	for i := range g.Cases {
		c := &g.Cases[i]
		t.Run(c.name(), func(t *testing.T) {
			x := genInput(c.Shape, c.DType, c.Seed)
			if c.Transpose {
				x = arrays.PermuteDims(x, reverse(x.Ndim())...)
			}
			f := funcs[c.Func]
			var got *arrays.Array
			err := arrays.Maybe(func() { got = f(x, caseOptions(c.Args)...) })
			if c.Error != "" {
				var fe *Error
				if !errors.As(err, &fe) {
					t.Fatalf("want an *fft.Error naming %q, got %v", c.Error, err)
				}
				if fe.Arg != c.Error {
					t.Fatalf("error names %q, want %q: %v", fe.Arg, c.Error, fe)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			wantDT := c.WantDType
			if wantDT == "" {
				wantDT = c.Out.DType
			}
			if got.DType().String() != wantDT {
				t.Fatalf("dtype %v, want %s", got.DType(), wantDT)
			}
			n := 1
			for _, d := range got.Shape() {
				n *= d
			}
			tol := 1e-15 * math.Max(2, math.Log2(float64(max(n, c.Out.Shape[0]))))
			if wantDT == "complex64" || wantDT == "float32" {
				tol = 1e-6
			}
			if err := compare(got, c.Out, c.Sample, tol); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestGoldenFreqsAndShifts(t *testing.T) {
	g := loadGolden(t)
	for _, c := range g.Freqs {
		var got []float64
		if c.Func == "fftfreq" {
			got = Fftfreq(c.N, D(c.D)).Float64s()
		} else {
			got = Rfftfreq(c.N, D(c.D)).Float64s()
		}
		if fmt.Sprint(got) != fmt.Sprint(c.Out) {
			t.Errorf("%s(%d, d=%g) = %v, want %v", c.Func, c.N, c.D, got, c.Out)
		}
	}
	for _, c := range g.Shifts {
		size := 1
		for _, d := range c.Shape {
			size *= d
		}
		x := arrays.Arange(size).Reshape(c.Shape...)
		var opts []Option
		if c.Axes != nil {
			opts = append(opts, Axes(c.Axes...))
		}
		f := Fftshift
		if c.Func == "ifftshift" {
			f = Ifftshift
		}
		got := f(x, opts...)
		if fmt.Sprint(got.Shape()) != fmt.Sprint(c.Shape) || fmt.Sprint(got.Int64s()) != fmt.Sprint(c.Out) && size > 0 {
			t.Errorf("%s(shape %v, axes %v) = %v, want %v", c.Func, c.Shape, c.Axes, got.Int64s(), c.Out)
		}
	}
}
