package random

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"workbench/arrays"
)

// TestChoiceGolden compares Choice with NumPy's Generator.choice (every
// path: integers, cdf search, Floyd, tail shuffle, weighted without
// replacement, populations that are arrays), and checks that the stream
// is left where NumPy leaves it (the next raw output).
func TestChoiceGolden(t *testing.T) {
	d := loadDist(t)
	for _, sd := range d.Seeds {
		for _, c := range sd.Choice {
			what := fmt.Sprintf("seed %d: choice(a=%v, size=%v, replace=%v, p=%v, shuffle=%v)", sd.Seed, c.A, c.Size, c.Replace, c.P, c.Shuffle)
			var a any
			switch v := c.A.(type) {
			case float64:
				a = int(v)
			case []any:
				ints := true
				f := make([]float64, len(v))
				for i, x := range v {
					f[i] = x.(float64)
					ints = ints && f[i] == math.Trunc(f[i])
				}
				if ints {
					a = arrays.FromSlice(f).Astype(arrays.Int64)
				} else {
					a = f
				}
			case string:
				a = arrays.Arange(12).Astype(arrays.Int64).Reshape(4, 3)
			}
			var opts []Option
			if c.Replace != nil {
				opts = append(opts, Replace(*c.Replace))
			}
			if c.P != nil {
				opts = append(opts, P(c.P))
			}
			if c.Shuffle != nil {
				opts = append(opts, ChoiceShuffle(*c.Shuffle))
			}
			g := New(sd.Seed)
			got := g.Choice(a, c.Size, opts...)
			if fmt.Sprint(got.Shape()) != fmt.Sprint(c.Shape) {
				t.Errorf("%s: shape %v, want %v", what, got.Shape(), c.Shape)
				continue
			}
			checkFloats(t, what, got.Float64s(), c.Values)
			if raw := g.Uint64(); raw != c.NextRaw {
				t.Errorf("%s: next raw output %#x, want %#x (the draws consumed differ)", what, raw, c.NextRaw)
			}
		}
	}
}

func TestChoiceDType(t *testing.T) {
	g := New(1)
	if dt := g.Choice(5, []int{3}).DType(); dt != arrays.Int64 {
		t.Errorf("Choice(5) dtype %v, want int64", dt)
	}
	if dt := g.Choice([]float32{1, 2, 3}, []int{2}).DType(); dt != arrays.Float32 {
		t.Errorf("Choice([]float32) dtype %v, want float32", dt)
	}
	x := g.Choice(7, nil)
	if x.Ndim() != 0 || x.Int64s()[0] < 0 || x.Int64s()[0] >= 7 {
		t.Errorf("Choice(7, nil) = %v, want a 0-d array in [0, 7)", x)
	}
	s := g.Choice(50, []int{50}, Replace(false)).Int64s()
	seen := map[int64]bool{}
	for _, v := range s {
		if v < 0 || v >= 50 || seen[v] {
			t.Fatalf("Choice(50, 50, Replace(false)) = %v is not a permutation", s)
		}
		seen[v] = true
	}
	s = g.Choice(20000, []int{30}, Replace(false), ChoiceShuffle(false)).Int64s()
	seen = map[int64]bool{}
	for _, v := range s {
		if v < 0 || v >= 20000 || seen[v] {
			t.Fatalf("Choice(20000, 30, no replace, no shuffle) = %v repeats or is out of range", s)
		}
		seen[v] = true
	}
}

// expectError runs f and checks that it panics with an *Error whose
// message holds want.
func expectError(t *testing.T, what, want string, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		r := recover()
		err, ok := r.(error)
		var e *Error
		if !ok || !errors.As(err, &e) {
			t.Errorf("%s: panicked with %v, want an *Error", what, r)
			return
		}
		if !strings.Contains(e.Error(), want) {
			t.Errorf("%s: error %q, want it to mention %q", what, e.Error(), want)
		}
	}()
	f()
}

func TestChoiceErrors(t *testing.T) {
	g := New(0)
	for _, c := range []struct {
		what, want string
		f          func()
	}{
		{"negative p", "not non-negative", func() { g.Choice(3, []int{2}, P([]float64{0.5, -0.1, 0.6})) }},
		{"p sum", "do not sum to 1", func() { g.Choice(3, []int{2}, P([]float64{0.5, 0.2, 0.2})) }},
		{"p NaN", "NaN", func() { g.Choice(2, []int{2}, P([]float64{math.NaN(), 1})) }},
		{"p length", "same size", func() { g.Choice(3, []int{2}, P([]float64{0.5, 0.5})) }},
		{"p 2-D", "1-dimensional", func() { g.Choice(4, []int{2}, P(arrays.Full(0.25, 2, 2))) }},
		{"too large", "larger sample", func() { g.Choice(3, []int{4}, Replace(false)) }},
		{"too few nonzero", "fewer non-zero", func() { g.Choice(3, []int{3}, Replace(false), P([]float64{0.5, 0.5, 0})) }},
		{"a = 0", "positive integer", func() { g.Choice(0, []int{1}) }},
		{"a < 0", "positive integer", func() { g.Choice(-3, []int{1}) }},
		{"empty a", "cannot be empty", func() { g.Choice([]float64{}, []int{1}) }},
		{"bad a", "must be an int", func() { g.Choice("abc", []int{1}) }},
		{"negative size", "negative dimensions", func() { g.Choice(3, []int{-1}) }},
		{"Method", "for MultivariateNormal", func() { g.Choice(3, nil, Method("svd")) }},
	} {
		expectError(t, c.what, c.want, c.f)
	}
	// Within sqrt(eps) of 1 is accepted, as in NumPy.
	g.Choice(2, []int{3}, P([]float64{0.5, 0.5 + 1e-9}))
}

func TestShufflePermutedGolden(t *testing.T) {
	d := loadDist(t)
	for _, sd := range d.Seeds {
		x := arrays.Arange(20).Astype(arrays.Int64).Reshape(5, 4)
		New(sd.Seed).Shuffle(x)
		checkInts(t, fmt.Sprintf("seed %d: shuffle 5x4", sd.Seed), x.Int64s(), sd.Shuffle2D)
		if fmt.Sprint(x.Shape()) != "[5 4]" {
			t.Errorf("shuffle changed the shape to %v", x.Shape())
		}
		y := arrays.Arange(24).Reshape(2, 3, 4)
		New(sd.Seed).Shuffle(y)
		checkFloats(t, fmt.Sprintf("seed %d: shuffle 2x3x4", sd.Seed), y.Float64s(), sd.Shuffle3D)
		z := arrays.Arange(7).Astype(arrays.Int64)
		New(sd.Seed).Shuffle(z)
		checkInts(t, fmt.Sprintf("seed %d: shuffle 7", sd.Seed), z.Int64s(), sd.Shuffle1D)

		// Shuffling a view writes through to the base array.
		base := arrays.Arange(40).Astype(arrays.Int64).Reshape(2, 5, 4)
		New(sd.Seed).Shuffle(base.Index(1))
		want := append(make([]int64, 0, 40), arrays.Arange(20).Astype(arrays.Int64).Int64s()...)
		for _, v := range sd.Shuffle2D {
			want = append(want, v+20)
		}
		checkInts(t, fmt.Sprintf("seed %d: shuffle of a view", sd.Seed), base.Int64s(), want)

		m := arrays.Arange(12).Astype(arrays.Int64).Reshape(3, 4)
		checkInts(t, "permuted(axis=None)", New(sd.Seed).Permuted(m).Int64s(), sd.PermutedNone)
		checkInts(t, "permuted(axis=0)", New(sd.Seed).Permuted(m, 0).Int64s(), sd.Permuted0)
		checkInts(t, "permuted(axis=1)", New(sd.Seed).Permuted(m, 1).Int64s(), sd.Permuted1)
		checkInts(t, "permuted(axis=-1)", New(sd.Seed).Permuted(m, -1).Int64s(), sd.Permuted1)
		m3 := arrays.Arange(24).Astype(arrays.Int64).Reshape(2, 3, 4)
		checkInts(t, "permuted 2x3x4 (axis=1)", New(sd.Seed).Permuted(m3, 1).Int64s(), sd.Permuted31)
		checkInts(t, "Permuted leaves its input", m.Int64s(), arrays.Arange(12).Astype(arrays.Int64).Int64s())
	}
	// An empty array draws nothing.
	g := New(5)
	g.Shuffle(arrays.Zeros([]int{4, 0}))
	if g.Uint64() != New(5).Uint64() {
		t.Error("shuffling an empty array consumed draws")
	}
	expectError(t, "shuffle 0-d", "0-d", func() { New(1).Shuffle(arrays.Asarray(3.0)) })
	expectError(t, "permuted axis", "out of bounds", func() { New(1).Permuted(arrays.Zeros([]int{2, 2}), 2) })
}
