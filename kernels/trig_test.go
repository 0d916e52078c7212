package kernels

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
)

//go:generate /usr/bin/python3 testdata/generate_trig.py

// ulpDiff is |a - b| in units of the last place of b.
func ulpDiff(a, b float64) float64 {
	if a == b || (a != a && b != b) {
		return 0
	}
	ab := math.Abs(b)
	ulp := math.Nextafter(ab, math.Inf(1)) - ab
	return math.Abs(a-b) / ulp
}

// Sin64 and Cos64 stay within one ulp of the C library's values (which are
// within one ulp of the true values and nearly always correctly rounded),
// across magnitudes from subnormal to trigLimit and right next to multiples
// of pi/2.
func TestSinCosAgainstLibm(t *testing.T) {
	rows := readGenerated[[3]string](t, "testdata/trig.json", "testdata/generate_trig.py")
	if len(rows) < 1000 {
		t.Fatalf("only %d rows in testdata/trig.json", len(rows))
	}
	var worstSin, worstCos float64
	for _, r := range rows {
		x, sin, cos := parseHexFloat(t, r[0]), parseHexFloat(t, r[1]), parseHexFloat(t, r[2])
		ds, dc := ulpDiff(Sin64(x), sin), ulpDiff(Cos64(x), cos)
		if ds > 1 || dc > 1 {
			t.Errorf("x = %v: Sin64 %v (libm %v, %.2f ulp), Cos64 %v (libm %v, %.2f ulp)", x, Sin64(x), sin, ds, Cos64(x), cos, dc)
		}
		worstSin, worstCos = max(worstSin, ds), max(worstCos, dc)
	}
	t.Logf("%d arguments; worst: sin %.2f ulp, cos %.2f ulp", len(rows), worstSin, worstCos)
}

func TestSinCosSpecialValues(t *testing.T) {
	specials := []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), 5e-324, -5e-324}
	for _, x := range specials {
		if got, want := Sin64(x), math.Sin(x); math.Float64bits(got) != math.Float64bits(want) && !(got != got && want != want) {
			t.Errorf("Sin64(%v) = %v, want %v", x, got, want)
		}
		if got, want := Cos64(x), math.Cos(x); got != want && !(got != got && want != want) {
			t.Errorf("Cos64(%v) = %v, want %v", x, got, want)
		}
	}
}

// readGenerated reads a JSON file of reference values written by a
// generator script, checks that it records the script's current sha256
// (else the data is stale), and returns its rows.
func readGenerated[R any](t *testing.T, jsonPath, scriptPath string) []R {
	t.Helper()
	raw, err := os.ReadFile(jsonPath)
	if err != nil {
		t.Fatal(err)
	}
	var data struct {
		GeneratorSHA256 string `json:"generator_sha256"`
		Rows            []R
	}
	if err := json.Unmarshal(raw, &data); err != nil {
		t.Fatal(err)
	}
	gen, err := os.ReadFile(scriptPath)
	if err != nil {
		t.Fatal(err)
	}
	if sum := sha256.Sum256(gen); hex.EncodeToString(sum[:]) != data.GeneratorSHA256 {
		t.Errorf("%s is stale: run go generate ./kernels", jsonPath)
	}
	return data.Rows
}

// parseHexFloat reads a float written by Python's float.hex(); "" is 0.
func parseHexFloat(t *testing.T, s string) float64 {
	t.Helper()
	if s == "" {
		return 0
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("bad hex float %q: %v", s, err)
	}
	return v
}

// TestSinCos32 checks that the float32 sine and cosine (widened blocks
// through the float64 kernel) give float32(Sin64(float64(x))) exactly,
// for lengths around the block size, in place and not, with huge, NaN
// and infinite arguments among ordinary ones.
func TestSinCos32(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{0, 1, 7, 255, 256, 257, 1000} {
		src := make([]float32, n)
		for i := range src {
			switch i % 17 {
			case 3:
				src[i] = float32(math.Ldexp(r.Float64(), 100)) // beyond the kernel's fast range
			case 5:
				src[i] = float32(math.NaN())
			case 7:
				src[i] = float32(math.Inf(-1))
			default:
				src[i] = float32(r.NormFloat64() * 100)
			}
		}
		for _, cos := range []bool{false, true} {
			f := Sin64
			if cos {
				f = Cos64
			}
			got := make([]float32, n)
			sinCos32(got, src, cos)
			inPlace := append([]float32{}, src...)
			sinCos32(inPlace, inPlace, cos)
			for i, x := range src {
				want := float32(f(float64(x)))
				if math.Float32bits(got[i]) != math.Float32bits(want) && !(want != want && got[i] != got[i]) {
					t.Fatalf("n=%d cos=%v: element %d (%g) = %g, want %g", n, cos, i, x, got[i], want)
				}
				if math.Float32bits(inPlace[i]) != math.Float32bits(got[i]) && !(want != want && inPlace[i] != inPlace[i]) {
					t.Fatalf("n=%d cos=%v in place: element %d (%g) = %g, want %g", n, cos, i, x, inPlace[i], want)
				}
			}
		}
	}
}

// TestTanVector checks that the tangent through the sine and cosine
// vector kernels gives Tan64's bits, and float32(Tan64(x)) for float32:
// ordinary, huge (exactly reduced), tiny, subnormal and signed-zero
// arguments, the floats nearest to multiples of pi/2, NaN and infinities,
// for lengths around the block size, in place and not.
func TestTanVector(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	special := []float64{0, math.Copysign(0, -1), 1e-300, 5e-324, 1e-9, -3e-8, math.NaN(), math.Inf(1), math.Inf(-1),
		math.Pi / 2, -math.Pi / 2, 3 * math.Pi / 2, 1e22, 1e300, -1e308, 6381956970095103 * math.Pow(2, 797)}
	for _, n := range []int{0, 1, 9, 255, 256, 257, 2000} {
		src := make([]float64, n)
		for i := range src {
			switch i % 5 {
			case 0:
				src[i] = special[(i/5)%len(special)]
			case 1:
				src[i] = float64(r.IntN(100000)) * math.Pi / 2 // nearest multiples of pi/2
			case 2:
				src[i] = math.Ldexp(r.Float64(), r.IntN(2000)-1000)
			default:
				src[i] = r.NormFloat64() * 100
			}
		}
		got := make([]float64, n)
		tan64(got, src)
		inPlace := append([]float64{}, src...)
		tan64(inPlace, inPlace)
		for i, x := range src {
			want := Tan64(x)
			for _, g := range []float64{got[i], inPlace[i]} {
				if math.Float64bits(g) != math.Float64bits(want) && !(want != want && g != g) {
					t.Fatalf("n=%d: tan of %g = %g, want Tan64's %g", n, x, g, want)
				}
			}
		}
		src32 := make([]float32, n)
		for i, x := range src {
			src32[i] = float32(x)
		}
		got32 := make([]float32, n)
		tan32(got32, src32)
		for i, x := range src32 {
			want := float32(Tan64(float64(x)))
			if math.Float32bits(got32[i]) != math.Float32bits(want) && !(want != want && got32[i] != got32[i]) {
				t.Fatalf("n=%d: float32 tan of %g = %g, want %g", n, x, got32[i], want)
			}
		}
	}
}
