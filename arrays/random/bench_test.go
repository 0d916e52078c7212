package random

import "testing"

func BenchmarkStandardExponential(b *testing.B) {
	g := New(1)
	for b.Loop() {
		g.StandardExponential(1000)
	}
}

func BenchmarkGammaSmallShape(b *testing.B) {
	g := New(1)
	for b.Loop() {
		g.StandardGamma(0.3, 1000)
	}
}

func BenchmarkGamma(b *testing.B) {
	g := New(1)
	for b.Loop() {
		g.StandardGamma(2.5, 1000)
	}
}

func BenchmarkPoissonPTRS(b *testing.B) {
	g := New(1)
	for b.Loop() {
		g.Poisson(1234.5, 1000)
	}
}

func BenchmarkBinomialBTPE(b *testing.B) {
	g := New(1)
	for b.Loop() {
		g.Binomial(1000, 0.4, 1000)
	}
}
