package random

import (
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/gonum/blas/blas64"

	"workbench/arrays"
)

func closeTo(a, b, tol float64) bool { return math.Abs(a-b) <= tol*math.Max(1, math.Abs(b)) }

// TestMultivariateNormalGolden checks the three methods against NumPy:
//   - cholesky: every draw equals NumPy's within 1e-12 (relative, or
//     absolute below 1);
//   - svd and eigh: the factor u*sqrt(s) (u*sqrt(|w|)) equals NumPy's up to
//     the sign of each column, within 1e-12 (the test covariances have
//     distinct singular values, so that is all the freedom there is), and
//     every draw equals NumPy's within 1e-12 once the normal that multiplies
//     a column whose sign differs is negated.
func TestMultivariateNormalGolden(t *testing.T) {
	d := loadDist(t)
	for _, sd := range d.Seeds {
		for _, c := range sd.MVN {
			n := len(c.Mean)
			what := fmt.Sprintf("seed %d: multivariate_normal(%v, %v, %v)", sd.Seed, c.Mean, c.Cov, c.Size)
			got := New(sd.Seed).MultivariateNormal(c.Mean, c.Cov, c.Size, Method("cholesky"))
			wantShape := fmt.Sprint(append(append([]int{}, c.Size...), n))
			if fmt.Sprint(got.Shape()) != wantShape {
				t.Errorf("%s: shape %v, want %s", what, got.Shape(), wantShape)
			}
			for i, v := range got.Float64s() {
				if !closeTo(v, c.Cholesky[i], 1e-12) {
					t.Errorf("%s cholesky[%d] = %v, want %v", what, i, v, c.Cholesky[i])
				}
			}
			z := New(sd.Seed).StandardNormal(got.Size()).Float64s()
			var flat []float64
			for _, r := range c.Cov {
				flat = append(flat, r...)
			}
			cov := blas64.General{Rows: n, Cols: n, Stride: n, Data: flat}
			for _, m := range []struct {
				method      string
				vecs, vals  []float64
				draws       []float64
				absEigenval bool
			}{
				{"svd", c.SvdU, c.SvdS, c.SVD, false},
				{"eigh", c.EighV, c.EighW, c.Eigh, true},
			} {
				f := mvnFactor("test", m.method, cov)
				sign := make([]float64, n)
				for k := 0; k < n; k++ {
					dot := 0.0
					for i := 0; i < n; i++ {
						dot += f[i*n+k] * m.vecs[i*n+k]
					}
					sign[k] = math.Copysign(1, dot)
					for i := 0; i < n; i++ {
						want := m.vecs[i*n+k] * math.Sqrt(math.Abs(m.vals[k]))
						if !closeTo(f[i*n+k], sign[k]*want, 1e-12) {
							t.Errorf("%s %s factor[%d][%d] = %v, want ±%v", what, m.method, i, k, f[i*n+k], want)
						}
					}
				}
				x := New(sd.Seed).MultivariateNormal(c.Mean, c.Cov, c.Size, Method(m.method)).Float64s()
				for r := 0; r < len(x); r += n {
					for i := 0; i < n; i++ {
						// Ours with the signs undone: mean + sum_k (sign_k z_k) F_ik.
						undone := c.Mean[i]
						for k := 0; k < n; k++ {
							undone += sign[k] * z[r+k] * f[i*n+k]
						}
						if !closeTo(undone, m.draws[r+i], 1e-12) {
							t.Errorf("%s %s[%d]: %v with the signs undone, NumPy %v", what, m.method, r+i, undone, m.draws[r+i])
						}
						same := true
						for _, s := range sign {
							same = same && s > 0
						}
						if same && !closeTo(x[r+i], m.draws[r+i], 1e-12) {
							t.Errorf("%s %s[%d] = %v, want %v", what, m.method, r+i, x[r+i], m.draws[r+i])
						}
					}
				}
			}
		}
	}
}

// TestMultivariateNormalMoments draws 20000 vectors with each method and
// checks the sample mean and covariance against the parameters, within 5
// standard errors (sqrt(C_ii/N) for the mean, sqrt((C_ii C_jj + C_ij²)/N)
// for the covariance).
func TestMultivariateNormalMoments(t *testing.T) {
	mean := []float64{1, -2, 0.5}
	cov := [][]float64{{4, 2, 0.6}, {2, 2, 0.4}, {0.6, 0.4, 1}}
	const N = 20000
	for _, method := range []string{"svd", "eigh", "cholesky"} {
		x := New(7).MultivariateNormal(arrays.FromSlice(mean), cov, []int{N}, Method(method)).Float64s()
		m := make([]float64, 3)
		for r := 0; r < N; r++ {
			for i := range m {
				m[i] += x[3*r+i] / N
			}
		}
		for i := range m {
			if se := math.Sqrt(cov[i][i] / N); math.Abs(m[i]-mean[i]) > 5*se {
				t.Errorf("%s: sample mean[%d] = %v, want %v ± %v", method, i, m[i], mean[i], 5*se)
			}
		}
		for i := 0; i < 3; i++ {
			for j := 0; j < 3; j++ {
				s := 0.0
				for r := 0; r < N; r++ {
					s += (x[3*r+i] - m[i]) * (x[3*r+j] - m[j])
				}
				s /= N - 1
				se := math.Sqrt((cov[i][i]*cov[j][j] + cov[i][j]*cov[i][j]) / N)
				if math.Abs(s-cov[i][j]) > 5*se {
					t.Errorf("%s: sample cov[%d][%d] = %v, want %v ± %v", method, i, j, s, cov[i][j], 5*se)
				}
			}
		}
	}
}

func TestMultivariateNormalErrors(t *testing.T) {
	g := New(0)
	notPSD := [][]float64{{1, 2}, {2, 1}}
	for _, c := range []struct {
		what, want string
		f          func()
	}{
		{"svd not PSD", "positive-semidefinite", func() { g.MultivariateNormal([]float64{0, 0}, notPSD, []int{3}) }},
		{"eigh not PSD", "positive-semidefinite", func() { g.MultivariateNormal([]float64{0, 0}, notPSD, []int{3}, Method("eigh")) }},
		{"cholesky not PD", "not positive definite", func() {
			g.MultivariateNormal([]float64{0, 0}, notPSD, []int{3}, Method("cholesky"))
		}},
		{"method", "method must be", func() { g.MultivariateNormal([]float64{0}, [][]float64{{1}}, nil, Method("qr")) }},
		{"lengths", "same length", func() { g.MultivariateNormal([]float64{0, 1}, [][]float64{{1}}, nil) }},
		{"square", "square", func() { g.MultivariateNormal([]float64{0, 1}, [][]float64{{1, 0}, {0}}, nil) }},
		{"mean 2-D", "1-dimensional", func() { g.MultivariateNormal(arrays.Zeros(2, 2), [][]float64{{1}}, nil) }},
		{"cov 1-D", "square", func() { g.MultivariateNormal([]float64{0}, arrays.Zeros(1), nil) }},
		{"choice option", "for Choice", func() { g.MultivariateNormal([]float64{0}, [][]float64{{1}}, nil, Replace(false)) }},
	} {
		expectError(t, c.what, c.want, c.f)
	}
	// A singular but PSD covariance is fine with svd and eigh.
	x := New(3).MultivariateNormal([]float64{0, 0}, [][]float64{{1, 1}, {1, 1}}, []int{5}).Float64s()
	for r := 0; r < len(x); r += 2 {
		if math.Abs(x[r]-x[r+1]) > 1e-12 {
			t.Errorf("singular cov [[1 1] [1 1]]: draw %v, %v should have equal components", x[r], x[r+1])
		}
	}
}
