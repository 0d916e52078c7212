package random

import (
	"fmt"
	"math"
	"testing"

	"workbench/arrays"
)

// TestArrays checks that each array method gives the dtype and shape asked
// for and the numbers of the matching slice draw.
func TestArrays(t *testing.T) {
	type draw struct {
		name  string
		dt    arrays.DType
		array func(g *Generator, shape ...int) *arrays.Array
		slice func(g *Generator, n int) []float64
	}
	f64 := func(f func(g *Generator, out []float64)) func(*Generator, int) []float64 {
		return func(g *Generator, n int) []float64 {
			out := make([]float64, n)
			f(g, out)
			return out
		}
	}
	draws := []draw{
		{"Random", arrays.Float64, (*Generator).Random, f64((*Generator).fillRandom)},
		{"RandomFloat32", arrays.Float32, (*Generator).RandomFloat32, func(g *Generator, n int) []float64 {
			out := make([]float32, n)
			g.fillRandom32(out)
			r := make([]float64, n)
			for i, v := range out {
				r[i] = float64(v)
			}
			return r
		}},
		{"Uniform", arrays.Float64, func(g *Generator, s ...int) *arrays.Array { return g.Uniform(-2, 5, s...) },
			f64(func(g *Generator, out []float64) { g.fillUniform(out, -2, 5) })},
		{"Normal", arrays.Float64, func(g *Generator, s ...int) *arrays.Array { return g.Normal(3, 0.5, s...) },
			f64(func(g *Generator, out []float64) { g.fillNormal(out, 3, 0.5) })},
		{"StandardNormal", arrays.Float64, (*Generator).StandardNormal, f64((*Generator).fillStandardNormal)},
		{"Integers", arrays.Int64, func(g *Generator, s ...int) *arrays.Array { return g.Integers(-4, 1<<35, s...) },
			func(g *Generator, n int) []float64 {
				out := make([]int64, n)
				g.fillIntegers(out, -4, 1<<35)
				r := make([]float64, n)
				for i, v := range out {
					r[i] = float64(v)
				}
				return r
			}},
	}
	for _, d := range draws {
		for _, shape := range [][]int{nil, {0}, {5}, {2, 3}, {2, 0, 4}, {3, 1, 2}} {
			t.Run(fmt.Sprint(d.name, shape), func(t *testing.T) {
				a := d.array(New(8), shape...)
				want := d.slice(New(8), checkShape(d.name, shape))
				wantShape := shape
				if len(shape) == 0 {
					wantShape = []int{}
				}
				if a.DType() != d.dt || fmt.Sprint(a.Shape()) != fmt.Sprint(wantShape) || a.Size() != len(want) {
					t.Fatalf("got %v %v (size %d), want %v %v", a.DType(), a.Shape(), a.Size(), d.dt, wantShape)
				}
				got := a.Float64s()
				for i := range want {
					if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
						t.Fatalf("element %d = %v, want %v", i, got[i], want[i])
					}
				}
			})
		}
	}
	p := New(4).Permutation(10)
	if p.DType() != arrays.Int64 || fmt.Sprint(p.Shape()) != "[10]" {
		t.Errorf("Permutation(10) is %v %v", p.DType(), p.Shape())
	}
	if got, want := fmt.Sprint(p.Int64s()), fmt.Sprint(New(4).Perm(10)); got != want {
		t.Errorf("Permutation(10) = %s, Perm(10) = %s", got, want)
	}
	if p := New(4).Permutation(0); p.Size() != 0 || p.Ndim() != 1 {
		t.Errorf("Permutation(0) has shape %v", p.Shape())
	}
	mustPanic(t, "Random(-1)", func() { New(0).Random(-1) })
	mustPanic(t, "Integers(1, 1)", func() { New(0).Integers(1, 1, 3) })
	mustPanic(t, "Normal(0, -2)", func() { New(0).Normal(0, -2, 3) })
	mustPanic(t, "Permutation(-1)", func() { New(0).Permutation(-1) })
}
