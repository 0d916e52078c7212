package plotting

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// go test ./plotting -regen rewrites the golden images; look at every one
// you change before committing it.
var regen = flag.Bool("regen", false, "rewrite the golden PNGs in testdata/golden")

// goldenCases are the figures compared with testdata/golden/NAME.png. Test
// files register theirs in init with registerGolden.
var goldenCases = map[string]func() *Figure{}

func registerGolden(name string, fig func() *Figure) {
	if _, dup := goldenCases[name]; dup {
		panic("golden case registered twice: " + name)
	}
	goldenCases[name] = fig
}

// Pixels may differ by goldenChannelTol in any channel (antialiasing and
// font rasterising vary a little between library versions); at most
// goldenPixelFrac of the pixels may differ by more.
const (
	goldenChannelTol = 24
	goldenPixelFrac  = 0.002
)

func TestGoldenImages(t *testing.T) {
	names := make([]string, 0, len(goldenCases))
	for n := range goldenCases {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) == 0 {
		t.Fatal("no golden cases registered")
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			fig := goldenCases[name]()
			data, err := fig.PNG()
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "golden", name+".png")
			if *regen {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("no golden image (run go test ./plotting -regen and look at %s): %v", path, err)
			}
			if msg := compareImages(data, want); msg != "" {
				got := filepath.Join(t.TempDir(), name+".png")
				_ = os.WriteFile(got, data, 0o644)
				t.Errorf("%s differs from %s: %s (this run's image: %s)", name, path, msg, got)
			}
		})
	}
}

// compareImages returns "" when two PNGs match within the tolerances, or
// what differs.
func compareImages(got, want []byte) string {
	a, err := png.Decode(bytes.NewReader(got))
	if err != nil {
		return "decoding the new image: " + err.Error()
	}
	b, err := png.Decode(bytes.NewReader(want))
	if err != nil {
		return "decoding the golden image: " + err.Error()
	}
	if a.Bounds() != b.Bounds() {
		return "size " + a.Bounds().String() + ", golden " + b.Bounds().String()
	}
	bad := 0
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if pixelDiff(a, b, x, y) > goldenChannelTol {
				bad++
			}
		}
	}
	total := r.Dx() * r.Dy()
	if float64(bad) > goldenPixelFrac*float64(total) {
		return itoa(bad) + " of " + itoa(total) + " pixels differ"
	}
	return ""
}

func pixelDiff(a, b image.Image, x, y int) int {
	r1, g1, b1, a1 := a.At(x, y).RGBA()
	r2, g2, b2, a2 := b.At(x, y).RGBA()
	d := 0
	for _, p := range [][2]uint32{{r1, r2}, {g1, g2}, {b1, b2}, {a1, a2}} {
		v := int(p[0]>>8) - int(p[1]>>8)
		if v < 0 {
			v = -v
		}
		d = max(d, v)
	}
	return d
}

func itoa(n int) string {
	return string(appendInt(nil, n))
}

func appendInt(b []byte, n int) []byte {
	if n >= 10 {
		b = appendInt(b, n/10)
	}
	return append(b, byte('0'+n%10))
}
