package random

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"workbench/arrays"
	"workbench/arrays/internal/devicefake"
	"workbench/devices"
)

// captureNotices collects the notices given while the test runs.
func captureNotices(t *testing.T) *[]string {
	t.Helper()
	var got []string
	prev := arrays.SetNotice(func(msg string) { got = append(got, msg) })
	arrays.ResetNotices()
	t.Cleanup(func() { arrays.SetNotice(prev); arrays.ResetNotices() })
	return &got
}

// TestFakeDevice runs the methods that take arrays on arrays of a device
// whose memory the CPU cannot address: the draws of the same seed on the
// CPU, the result on the device (Shuffle's in the array itself), and one
// notice naming the method, for two calls.
func TestFakeDevice(t *testing.T) {
	fake := devicefake.New("fake")
	pop := arrays.FromSlice([]float64{10, 20, 30, 40, 50, 60}, 3, 2)
	p := arrays.FromSlice([]float64{0.2, 0.5, 0.3})
	mean := arrays.FromSlice([]float64{1, -1})
	cov := arrays.FromSlice([]float64{2, 0.5, 0.5, 1}, 2, 2)
	cpu := func(a *arrays.Array) *arrays.Array { return a }
	cases := []struct {
		method string
		f      func(g *Generator, on func(*arrays.Array) *arrays.Array) *arrays.Array
	}{
		{"Choice", func(g *Generator, on func(*arrays.Array) *arrays.Array) *arrays.Array {
			return g.Choice(on(pop), []int{4})
		}},
		{"Choice", func(g *Generator, on func(*arrays.Array) *arrays.Array) *arrays.Array {
			return g.Choice(on(pop), []int{2}, Replace(false), P(on(p)))
		}},
		{"Choice", func(g *Generator, on func(*arrays.Array) *arrays.Array) *arrays.Array {
			return g.Choice(3, []int{5}, P(on(p)))
		}},
		{"Choice", func(g *Generator, on func(*arrays.Array) *arrays.Array) *arrays.Array {
			return g.Choice(on(arrays.FromSlice([]int64{6}).Reshape()), []int{3})
		}},
		{"Shuffle", func(g *Generator, on func(*arrays.Array) *arrays.Array) *arrays.Array {
			x := on(pop).Copy()
			g.Shuffle(x)
			return x
		}},
		{"Shuffle", func(g *Generator, on func(*arrays.Array) *arrays.Array) *arrays.Array {
			x := on(pop).Copy()
			g.Shuffle(x.T()) // a view, written back through it
			return x
		}},
		{"Permuted", func(g *Generator, on func(*arrays.Array) *arrays.Array) *arrays.Array {
			return g.Permuted(on(pop), 1)
		}},
		{"Permuted", func(g *Generator, on func(*arrays.Array) *arrays.Array) *arrays.Array {
			return g.Permuted(on(pop))
		}},
		{"MultivariateNormal", func(g *Generator, on func(*arrays.Array) *arrays.Array) *arrays.Array {
			return g.MultivariateNormal(on(mean), on(cov), []int{3}, Method("cholesky"))
		}},
	}
	for i, tc := range cases {
		t.Run(tc.method, func(t *testing.T) {
			notices := captureNotices(t)
			want := tc.f(New(uint64(i)), cpu)
			if len(*notices) != 0 {
				t.Fatalf("notices on the CPU: %q", *notices)
			}
			g := New(uint64(i))
			on := func(a *arrays.Array) *arrays.Array { return a.To(fake) }
			got := tc.f(g, on)
			tc.f(g, on)
			if got.Device() != devices.Device(fake) {
				t.Errorf("result on %s, want fake", got.Device().Name())
			}
			if got.DType() != want.DType() || !reflect.DeepEqual(got.Shape(), want.Shape()) {
				t.Errorf("result %v %v, want %v %v", got.DType(), got.Shape(), want.DType(), want.Shape())
			}
			if g, w := got.Data(), want.Data(); !reflect.DeepEqual(g, w) {
				t.Errorf("result %v, want %v", g, w)
			}
			prefix := "notice: random.Generator." + tc.method + " ran on the CPU: the fake device does not implement "
			if len(*notices) != 1 || !strings.HasPrefix((*notices)[0], prefix) {
				t.Errorf("notices %q, want one starting %q", *notices, prefix)
			}
		})
	}
}

// TestMixedDevices checks that arrays of two devices in one call are an
// *arrays.DeviceError naming both.
func TestMixedDevices(t *testing.T) {
	captureNotices(t)
	fake := devicefake.New("fake")
	pop := arrays.FromSlice([]float64{1, 2, 3})
	p := arrays.FromSlice([]float64{0.2, 0.5, 0.3})
	g := New(1)
	for name, f := range map[string]func(){
		"Choice": func() { g.Choice(pop, nil, P(p.To(fake))) },
		"MultivariateNormal": func() {
			g.MultivariateNormal(pop.To(fake), arrays.Eye(3), nil)
		},
	} {
		err := arrays.Maybe(f)
		var de *arrays.DeviceError
		if !errors.As(err, &de) {
			t.Errorf("%s: err = %v, want an *arrays.DeviceError", name, err)
			continue
		}
		if msg := err.Error(); !strings.HasPrefix(msg, "random."+name+": ") || !strings.Contains(msg, "fake") || !strings.Contains(msg, "cpu") {
			t.Errorf("%s: %q does not name the method and both devices", name, msg)
		}
	}
}
