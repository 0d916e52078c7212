package random

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// golden is one testdata/*.json file written by testdata/generate.py.
type golden struct {
	NumPy      string    `json:"numpy"`
	Seed       *uint64   `json:"seed"`
	Words      []uint32  `json:"words"`
	Pool       []uint32  `json:"pool"`
	StateWords []uint64  `json:"state_words"`
	PCGState   [2]string `json:"pcg_state"`
	Raw        []uint64  `json:"raw"`
	Uint32     []uint32  `json:"uint32"`
	Random     []float64 `json:"random"`
	Random32   []float64 `json:"random32"`
	Normal     []float64 `json:"normal"`
	Uniform    []struct {
		Low, High float64
		Values    []float64
	} `json:"uniform"`
	NormalLocScale []struct {
		Loc, Scale float64
		Values     []float64
	} `json:"normal_loc_scale"`
	NormalBig struct {
		N         int
		Checksums checksums
		Tail      [][2]float64
		Every     int
		Picks     []float64
	} `json:"normal_big"`
	Integers []struct {
		Low, High int64
		Values    []int64
	} `json:"integers"`
	IntegersBig []struct {
		Low, High int64
		N         int
		Checksums checksums
	} `json:"integers_big"`
	Permutation []struct {
		N      int
		Values []int64
	} `json:"permutation"`
	Shuffle struct {
		Floats  []float64
		Strings []string
	} `json:"shuffle"`
	Mixed []struct {
		Op     string
		Args   []json.Number
		Values []json.Number
	} `json:"mixed"`
}

type checksums struct {
	Xor uint64
	Sum uint64
}

func (c *checksums) add(b uint64) {
	c.Xor ^= b
	c.Sum += b
}

func loadGolden(t *testing.T) map[string]*golden {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files in testdata (run go generate): %v", err)
	}
	out := map[string]*golden{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		g := new(golden)
		if err := json.Unmarshal(data, g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out[filepath.Base(f)] = g
	}
	return out
}

// fresh returns the generator a golden file describes.
func (gd *golden) fresh() *Generator {
	if gd.Seed != nil {
		return New(*gd.Seed)
	}
	return NewWords(gd.Words...)
}

func sameFloat(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }

func checkFloats(t *testing.T, what string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: got %d values, want %d", what, len(got), len(want))
		return
	}
	bad := 0
	for i := range want {
		if !sameFloat(got[i], want[i]) {
			if bad < 5 {
				t.Errorf("%s[%d] = %v (%#x), want %v (%#x)", what, i, got[i], math.Float64bits(got[i]), want[i], math.Float64bits(want[i]))
			}
			bad++
		}
	}
	if bad > 5 {
		t.Errorf("%s: %d values differ in all", what, bad)
	}
}

func checkInts(t *testing.T, what string, got, want []int64) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: got %d values, want %d", what, len(got), len(want))
		return
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%s[%d] = %d, want %d (got %v)", what, i, got[i], want[i], got)
			return
		}
	}
}

func TestGoldenSeeding(t *testing.T) {
	for name, gd := range loadGolden(t) {
		t.Run(name, func(t *testing.T) {
			g := gd.fresh()
			if gd.Seed != nil && g.Seed() != *gd.Seed {
				t.Errorf("Seed() = %d, want %d", g.Seed(), *gd.Seed)
			}
			pool := seedPool(g.Entropy())
			for i, w := range gd.Pool {
				if pool[i] != w {
					t.Fatalf("pool = %#x, want %#x", pool, gd.Pool)
				}
			}
			sw := generateState(pool, 4)
			for i, w := range gd.StateWords {
				if sw[i] != w {
					t.Fatalf("generate_state = %#x, want %#x", sw, gd.StateWords)
				}
			}
			p := g.bitgen
			if s := fmt.Sprintf("%016x%016x", p.stateHi, p.stateLo); s != gd.PCGState[0] {
				t.Errorf("state = %s, want %s", s, gd.PCGState[0])
			}
			if s := fmt.Sprintf("%016x%016x", p.incHi, p.incLo); s != gd.PCGState[1] {
				t.Errorf("inc = %s, want %s", s, gd.PCGState[1])
			}
			for i, want := range gd.Raw {
				if got := g.Uint64(); got != want {
					t.Fatalf("raw[%d] = %#x, want %#x", i, got, want)
				}
			}
			g = gd.fresh()
			for i, want := range gd.Uint32 {
				if got := g.Uint32(); got != want {
					t.Fatalf("uint32[%d] = %#x, want %#x", i, got, want)
				}
			}
		})
	}
}

func TestGoldenFloats(t *testing.T) {
	for name, gd := range loadGolden(t) {
		t.Run(name, func(t *testing.T) {
			g := gd.fresh()
			got := make([]float64, len(gd.Random))
			for i := range got {
				got[i] = g.Float64()
			}
			checkFloats(t, "random", got, gd.Random)

			g = gd.fresh()
			got = make([]float64, len(gd.Random32))
			for i := range got {
				got[i] = float64(g.Float32())
			}
			checkFloats(t, "random32", got, gd.Random32)

			for _, c := range gd.Uniform {
				g = gd.fresh()
				got = make([]float64, len(c.Values))
				for i := range got {
					got[i] = g.uniform(c.Low, c.High-c.Low)
				}
				checkFloats(t, fmt.Sprintf("uniform(%v, %v)", c.Low, c.High), got, c.Values)
			}

			g = gd.fresh()
			got = make([]float64, len(gd.Normal))
			for i := range got {
				got[i] = g.NormFloat64()
			}
			checkFloats(t, "standard_normal", got, gd.Normal)

			for _, c := range gd.NormalLocScale {
				g = gd.fresh()
				got = make([]float64, len(c.Values))
				for i := range got {
					got[i] = c.Loc + c.Scale*g.NormFloat64()
				}
				checkFloats(t, fmt.Sprintf("normal(%v, %v)", c.Loc, c.Scale), got, c.Values)
			}
		})
	}
}

// TestGoldenNormalTail draws enough normals to go through the ziggurat's
// tail (beyond r = 3.654) and wedges many times.
func TestGoldenNormalTail(t *testing.T) {
	for name, gd := range loadGolden(t) {
		t.Run(name, func(t *testing.T) {
			nb := gd.NormalBig
			if len(nb.Tail) < 10 {
				t.Fatalf("only %d tail values in the golden file", len(nb.Tail))
			}
			g := gd.fresh()
			var sums checksums
			tail := 0
			for i := 0; i < nb.N; i++ {
				x := g.NormFloat64()
				sums.add(math.Float64bits(x))
				if math.Abs(x) > zigguratNorR {
					if tail >= len(nb.Tail) || int(nb.Tail[tail][0]) != i {
						t.Fatalf("draw %d = %v is in the tail, NumPy's next tail value is %v", i, x, nb.Tail[min(tail, len(nb.Tail)-1)])
					}
					if !sameFloat(x, nb.Tail[tail][1]) {
						t.Errorf("tail draw %d = %v, want %v", i, x, nb.Tail[tail][1])
					}
					tail++
				}
				if i%nb.Every == 0 && !sameFloat(x, nb.Picks[i/nb.Every]) {
					t.Errorf("draw %d = %v, want %v", i, x, nb.Picks[i/nb.Every])
				}
			}
			if tail != len(nb.Tail) {
				t.Errorf("%d tail draws, want %d", tail, len(nb.Tail))
			}
			if sums != nb.Checksums {
				t.Errorf("checksums of %d normals = %+v, want %+v", nb.N, sums, nb.Checksums)
			}
		})
	}
}

func TestGoldenIntegers(t *testing.T) {
	for name, gd := range loadGolden(t) {
		t.Run(name, func(t *testing.T) {
			for _, c := range gd.Integers {
				g := gd.fresh()
				got := make([]int64, len(c.Values))
				for i := range got {
					got[i] = g.Int64n(c.Low, c.High)
				}
				checkInts(t, fmt.Sprintf("integers(%d, %d)", c.Low, c.High), got, c.Values)
			}
			for _, c := range gd.IntegersBig {
				g := gd.fresh()
				var sums checksums
				for i := 0; i < c.N; i++ {
					sums.add(uint64(g.Int64n(c.Low, c.High)))
				}
				if sums != c.Checksums {
					t.Errorf("checksums of %d integers(%d, %d) = %+v, want %+v", c.N, c.Low, c.High, sums, c.Checksums)
				}
			}
		})
	}
}

func TestGoldenPermutationShuffle(t *testing.T) {
	for name, gd := range loadGolden(t) {
		t.Run(name, func(t *testing.T) {
			for _, c := range gd.Permutation {
				p := gd.fresh().Perm(c.N)
				got := make([]int64, len(p))
				for i, v := range p {
					got[i] = int64(v)
				}
				checkInts(t, fmt.Sprintf("permutation(%d)", c.N), got, c.Values)
			}
			x := make([]float64, 20)
			for i := range x {
				x[i] = float64(i) * 1.5
			}
			gd.fresh().Shuffle(x)
			checkFloats(t, "shuffle floats", x, gd.Shuffle.Floats)
			s := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q"}
			gd.fresh().Shuffle(s)
			if fmt.Sprint(s) != fmt.Sprint(gd.Shuffle.Strings) {
				t.Errorf("shuffle strings = %v, want %v", s, gd.Shuffle.Strings)
			}
			// The reflect path must agree with the typed ones.
			type pt struct{ x float64 }
			ps := make([]pt, 20)
			for i := range ps {
				ps[i] = pt{float64(i) * 1.5}
			}
			gd.fresh().Shuffle(ps)
			for i := range ps {
				x[i] = ps[i].x
			}
			checkFloats(t, "shuffle structs", x, gd.Shuffle.Floats)
		})
	}
}

// TestGoldenMixed runs NumPy's calls one after another on one generator,
// to check how the draws share PCG64's buffered 32-bit half.
func TestGoldenMixed(t *testing.T) {
	for name, gd := range loadGolden(t) {
		t.Run(name, func(t *testing.T) {
			g := gd.fresh()
			for k, c := range gd.Mixed {
				what := fmt.Sprintf("call %d: %s%v", k, c.Op, c.Args)
				a := make([]float64, len(c.Args))
				ai := make([]int64, len(c.Args))
				for i, s := range c.Args {
					a[i], _ = s.Float64()
					ai[i], _ = s.Int64()
				}
				var gotF []float64
				var gotI []int64
				switch c.Op {
				case "integers":
					gotI = make([]int64, ai[2])
					g.fillIntegers(gotI, ai[0], ai[1])
				case "random":
					gotF = make([]float64, ai[0])
					g.fillRandom(gotF)
				case "random32":
					f := make([]float32, ai[0])
					g.fillRandom32(f)
					for _, v := range f {
						gotF = append(gotF, float64(v))
					}
				case "normal":
					gotF = make([]float64, ai[2])
					g.fillNormal(gotF, a[0], a[1])
				case "uniform":
					gotF = make([]float64, ai[2])
					g.fillUniform(gotF, a[0], a[1])
				case "permutation":
					gotI = g.permutation(int(ai[0]))
				case "raw":
					for range ai[0] {
						gotI = append(gotI, int64(g.Uint64()))
					}
				default:
					t.Fatalf("%s: unknown op", what)
				}
				if gotF != nil {
					want := make([]float64, len(c.Values))
					for i, s := range c.Values {
						want[i], _ = s.Float64()
					}
					checkFloats(t, what, gotF, want)
				} else {
					want := make([]int64, len(c.Values))
					for i, s := range c.Values {
						if v, err := s.Int64(); err == nil {
							want[i] = v
						} else { // a raw uint64 above MaxInt64
							var u uint64
							fmt.Sscan(s.String(), &u)
							want[i] = int64(u)
						}
					}
					checkInts(t, what, gotI, want)
				}
			}
		})
	}
}
