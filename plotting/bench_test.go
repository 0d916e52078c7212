package plotting

import (
	"math"
	"math/rand/v2"
	"testing"
)

// BenchmarkLine1M renders a line of 1,000,000 points to a PNG at the
// default size (640 x 480); decimation keeps it well under a second.
func BenchmarkLine1M(b *testing.B) {
	xs, ys := noisyLine(1_000_000, 7)
	b.ResetTimer()
	for b.Loop() {
		fig := New()
		fig.Axes().Line(xs, ys, Label("signal")).SetTitle("1M points").Legend()
		if _, err := fig.PNG(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLine1MUndecimated is BenchmarkLine1M drawing every point, for
// comparison (slow: tens of seconds).
func BenchmarkLine1MUndecimated(b *testing.B) {
	xs, ys := noisyLine(1_000_000, 7)
	noDecimate = true
	defer func() { noDecimate = false }()
	b.ResetTimer()
	for b.Loop() {
		fig := New()
		fig.Axes().Line(xs, ys, Label("signal")).SetTitle("1M points").Legend()
		if _, err := fig.PNG(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScatter100k renders 100,000 markers to a PNG (markers are not
// decimated).
func BenchmarkScatter100k(b *testing.B) {
	r := rand.New(rand.NewPCG(8, 1))
	xs, ys := make([]float64, 100_000), make([]float64, 100_000)
	for i := range xs {
		xs[i] = r.NormFloat64()
		ys[i] = xs[i] + 0.5*r.NormFloat64()
	}
	b.ResetTimer()
	for b.Loop() {
		fig := New()
		fig.Axes().Scatter(xs, ys, Marker("."), Alpha(0.3))
		if _, err := fig.PNG(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecimate1M is the decimation alone.
func BenchmarkDecimate1M(b *testing.B) {
	xs, ys := noisyLine(1_000_000, 7)
	ys[500_000] = math.NaN()
	b.ResetTimer()
	for b.Loop() {
		decimate(xs, ys, 640)
	}
}
