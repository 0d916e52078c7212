package random

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestSameSeedSameNumbers(t *testing.T) {
	for _, seed := range []uint64{0, 1, 42, 1 << 40, math.MaxUint64} {
		a, b := New(seed), New(seed)
		for i := 0; i < 1000; i++ {
			x, y := a.Float64(), b.Float64()
			n, m := a.NormFloat64(), b.NormFloat64()
			k, l := a.Int64n(-3, 1000), b.Int64n(-3, 1000)
			if x != y || n != m || k != l {
				t.Fatalf("seed %d, draw %d: (%v %v %v) then (%v %v %v)", seed, i, x, n, k, y, m, l)
			}
		}
		if a.Seed() != seed {
			t.Errorf("Seed() = %d, want %d", a.Seed(), seed)
		}
	}
}

func TestDifferentSeedsDiffer(t *testing.T) {
	seen := map[uint64]uint64{}
	for seed := uint64(0); seed < 1000; seed++ {
		first := New(seed).Uint64()
		if s, ok := seen[first]; ok {
			t.Fatalf("seeds %d and %d start with the same number %#x", s, seed, first)
		}
		seen[first] = seed
	}
	a, b := New(7), New(8)
	same := 0
	for i := 0; i < 100; i++ {
		if a.Float64() == b.Float64() {
			same++
		}
	}
	if same > 0 {
		t.Errorf("seeds 7 and 8 gave %d equal draws out of 100", same)
	}
}

func TestNewWords(t *testing.T) {
	for _, seed := range []uint64{0, 5, 1<<32 - 1, 1 << 32, 0xdeadbeefcafe, math.MaxUint64} {
		want := New(seed).Uint64()
		for _, w := range [][]uint32{
			{uint32(seed), uint32(seed >> 32)},
			{uint32(seed), uint32(seed >> 32), 0, 0},
		} {
			g := NewWords(w...)
			if got := g.Uint64(); got != want {
				t.Errorf("NewWords(%#x) = %#x, New(%#x) = %#x", w, got, seed, want)
			}
			if g.Seed() != seed {
				t.Errorf("NewWords(%#x).Seed() = %#x", w, g.Seed())
			}
		}
	}
	// Beyond the pool of four words, a zero word is entropy too.
	if NewWords(1, 2, 3, 4).Uint64() == NewWords(1, 2, 3, 4, 0).Uint64() {
		t.Error("a fifth word changed nothing")
	}
	if got := New(1 << 32).Entropy(); len(got) != 2 || got[0] != 0 || got[1] != 1 {
		t.Errorf("Entropy() = %v, want [0 1]", got)
	}
}

// TestUint32Buffer checks NumPy's next_uint32: low half, then high half.
func TestUint32Buffer(t *testing.T) {
	a, b := New(3), New(3)
	for i := 0; i < 10; i++ {
		u := a.Uint64()
		lo, hi := b.Uint32(), b.Uint32()
		if lo != uint32(u) || hi != uint32(u>>32) {
			t.Fatalf("Uint32 pair %#x %#x, from Uint64 %#x", lo, hi, u)
		}
	}
	// A 64-bit draw in between leaves the buffered half in place.
	b.Uint32()
	b.Float64()
	u := a.Uint64()
	if got := b.Uint32(); got != uint32(u>>32) {
		t.Errorf("buffered half after Float64 = %#x, want %#x", got, uint32(u>>32))
	}
}

func TestIntervalWide(t *testing.T) {
	g := New(11)
	g.Uint32() // fill the 32-bit buffer: the 64-bit path must not touch it
	for _, max := range []uint64{1 << 32, 1<<32 + 1, 1 << 40, math.MaxUint64 >> 1, math.MaxUint64} {
		for i := 0; i < 100; i++ {
			if v := g.bitgen.interval(max); v > max {
				t.Fatalf("interval(%d) = %d", max, v)
			}
		}
	}
	if !g.bitgen.hasUint32 {
		t.Error("the 64-bit interval used the 32-bit buffer")
	}
	if g.bitgen.interval(0) != 0 {
		t.Error("interval(0) != 0")
	}
}

func TestIntegersLimits(t *testing.T) {
	g := New(5)
	for i := 0; i < 1000; i++ {
		if v := g.Int64n(-7, -6); v != -7 {
			t.Fatalf("Int64n(-7, -6) = %d", v)
		}
		if v := g.Int64n(math.MaxInt64-1, math.MaxInt64); v != math.MaxInt64-1 {
			t.Fatalf("Int64n(max-1, max) = %d", v)
		}
		if v := g.Int64n(-3, 4); v < -3 || v >= 4 {
			t.Fatalf("Int64n(-3, 4) = %d", v)
		}
	}
	// The full uint64 range (only reachable inside): one raw draw.
	a, b := New(9), New(9)
	if a.bitgen.bounded(3, math.MaxUint64) != 3+b.Uint64() {
		t.Error("bounded with rng = 2**64-1 is not off + next64")
	}
}

func TestShuffleEdges(t *testing.T) {
	g := New(1)
	g.Shuffle([]float64{})
	g.Shuffle([]int{1})
	g.Shuffle([]uint16(nil))
	// None of these drew anything.
	if New(1).Uint64() != g.Uint64() {
		t.Error("shuffling fewer than two elements drew numbers")
	}
	x := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	g.Shuffle(x)
	seen := make([]bool, len(x))
	for _, v := range x {
		seen[v] = true
	}
	for i, ok := range seen {
		if !ok {
			t.Fatalf("shuffle lost %d: %v", i, x)
		}
	}
}

// mustPanic runs f and returns the *Error it panics with.
func mustPanic(t *testing.T, name string, f func()) *Error {
	t.Helper()
	var err *Error
	func() {
		defer func() {
			r := recover()
			e, ok := r.(error)
			if !ok || !errors.As(e, &err) {
				t.Errorf("%s: panicked with %v (%T), want a *random.Error", name, r, r)
			}
		}()
		f()
	}()
	return err
}

func TestInvalidArguments(t *testing.T) {
	g := New(0)
	cases := []struct {
		name, op, msg string
		f             func()
	}{
		{"Int64n empty", "Int64n", "low 5, high 5", func() { g.Int64n(5, 5) }},
		{"Int64n reversed", "Int64n", "low 5, high -1", func() { g.Int64n(5, -1) }},
		{"Integers empty", "Integers", "low 2, high 1", func() { g.fillIntegers(make([]int64, 1), 2, 1) }},
		{"Perm", "Perm", "-1", func() { g.Perm(-1) }},
		{"Permutation", "Permutation", "-4", func() { g.permutation(-4) }},
		{"Shuffle int", "Shuffle", "int", func() { g.Shuffle(3) }},
		{"Shuffle nil", "Shuffle", "nil", func() { g.Shuffle(nil) }},
		{"Uniform reversed", "Uniform", "low 2, high 1", func() { g.fillUniform(nil, 2, 1) }},
		{"Uniform overflow", "Uniform", "exceeds", func() { g.fillUniform(nil, -math.MaxFloat64, math.MaxFloat64) }},
		{"Uniform NaN", "Uniform", "NaN", func() { g.fillUniform(nil, math.NaN(), 1) }},
		{"Normal scale", "Normal", "scale -1", func() { g.fillNormal(nil, 0, -1) }},
		{"Normal -0", "Normal", "scale -0", func() { g.fillNormal(nil, 0, math.Copysign(0, -1)) }},
		{"shape", "Random", "[2 -3]", func() { checkShape("Random", []int{2, -3}) }},
		{"huge shape", "Random", "too large", func() { checkShape("Random", []int{math.MaxInt / 2, 3}) }},
	}
	for _, c := range cases {
		err := mustPanic(t, c.name, c.f)
		if err == nil {
			continue
		}
		if err.Op != c.op || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: error %q (Op %q), want Op %q and %q in the message", c.name, err, err.Op, c.op, c.msg)
		}
	}
	// Allowed by NumPy: an empty uniform range, a zero or NaN scale.
	g.fillUniform(make([]float64, 2), 3, 3)
	g.fillNormal(make([]float64, 2), 0, 0)
	g.fillNormal(make([]float64, 2), 0, math.NaN())
	if n := checkShape("Random", []int{3, 0, math.MaxInt}); n != 0 {
		t.Errorf("size of shape [3 0 max] = %d", n)
	}
}

func BenchmarkFloat64(b *testing.B) {
	g := New(0)
	for b.Loop() {
		g.Float64()
	}
}

func BenchmarkNormFloat64(b *testing.B) {
	g := New(0)
	for b.Loop() {
		g.NormFloat64()
	}
}

func BenchmarkInt64n(b *testing.B) {
	g := New(0)
	for b.Loop() {
		g.Int64n(0, 1000)
	}
}
