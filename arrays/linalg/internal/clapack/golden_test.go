package clapack

//go:generate /usr/bin/python3 testdata/generate.py

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"math"
	"math/cmplx"
	"os"
	"slices"
	"testing"
)

// goldenMatrix is a complex matrix as testdata/generate.py writes it.
type goldenMatrix struct {
	Shape []int     `json:"shape"`
	Re    []float64 `json:"re"`
	Im    []float64 `json:"im"`
}

func (g *goldenMatrix) values() []complex128 {
	if g == nil {
		return nil
	}
	v := make([]complex128, len(g.Re))
	for i := range v {
		v[i] = complex(g.Re[i], g.Im[i])
	}
	return v
}

// goldenCase is one matrix of testdata/golden.json and NumPy's results.
type goldenCase struct {
	Name      string        `json:"name"`
	A         goldenMatrix  `json:"a"`
	Hermitian bool          `json:"hermitian"`
	Singular  bool          `json:"singular"`
	R         goldenMatrix  `json:"r"`
	RFull     goldenMatrix  `json:"r_full"`
	SVDVals   []float64     `json:"svdvals"`
	LU        *goldenMatrix `json:"lu"`
	Piv       []int         `json:"piv"`
	Det       *goldenMatrix `json:"det"`
	Inv       *goldenMatrix `json:"inv"`
	EigVals   *goldenMatrix `json:"eigvals"`
	EigValsH  []float64     `json:"eigvalsh"`
}

type golden struct {
	Sha256 string       `json:"generator_sha256"`
	NumPy  string       `json:"numpy"`
	Cases  []goldenCase `json:"cases"`
}

func loadGolden(t *testing.T) *golden {
	t.Helper()
	b, err := os.ReadFile("testdata/golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var g golden
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("testdata/golden.json: %v", err)
	}
	if len(g.Cases) == 0 {
		t.Fatal("testdata/golden.json has no cases")
	}
	return &g
}

// TestGoldenUpToDate fails when testdata/generate.py changed since it
// wrote testdata/golden.json.
func TestGoldenUpToDate(t *testing.T) {
	g := loadGolden(t)
	src, err := os.ReadFile("testdata/generate.py")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(src)
	if got := hex.EncodeToString(sum[:]); got != g.Sha256 {
		t.Fatalf("testdata/golden.json is stale (generate.py has SHA-256 %s, the data was made by %s): run go generate ./arrays/linalg/internal/clapack", got, g.Sha256)
	}
}

func closeFloats(t *testing.T, what string, got, want []float64, eps float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", what, len(got), len(want))
	}
	for i := range got {
		if !(math.Abs(got[i]-want[i]) <= eps) {
			t.Errorf("%s: %v, NumPy %v", what, got, want)
			return
		}
	}
}

func TestGolden(t *testing.T) {
	g := loadGolden(t)
	for _, c := range g.Cases {
		t.Run(c.Name, func(t *testing.T) {
			m, n := c.A.Shape[0], c.A.Shape[1]
			a := c.A.values()
			e := 1e-13 * float64(max(m, n)) * math.Max(fro(a), 1)

			// QR: R exactly as LAPACK's sign convention gives it.
			_, r := QR(m, n, a, false)
			checkClose(t, "R (reduced)", r, c.R.values(), e)
			_, rf := QR(m, n, a, true)
			checkClose(t, "R (complete)", rf, c.RFull.values(), e)

			_, s, _, err := SVD(m, n, a, false, false)
			if err != nil {
				t.Fatal(err)
			}
			closeFloats(t, "singular values", s, c.SVDVals, e)

			if m != n {
				return
			}
			lu := clone(a)
			piv, sign, singular := LU(n, lu)
			if !slices.Equal(piv, c.Piv) {
				t.Errorf("pivots %v, zgetrf %v", piv, c.Piv)
			}
			checkClose(t, "LU", lu, c.LU.values(), e)
			if singular != c.Singular {
				t.Errorf("singular = %v, want %v", singular, c.Singular)
			}
			det := complex(float64(sign), 0)
			for i := 0; i < n; i++ {
				det *= lu[i*n+i]
			}
			wantDet := c.Det.values()[0]
			if cmplx.Abs(det-wantDet) > 1e-13*float64(n)*math.Max(cmplx.Abs(wantDet), 1) {
				t.Errorf("det %v, NumPy %v", det, wantDet)
			}

			inv := clone(a)
			err = Inverse(n, inv)
			if c.Singular {
				if !errors.Is(err, ErrSingular) {
					t.Errorf("Inverse of a singular matrix: err = %v", err)
				}
			} else {
				if err != nil {
					t.Fatal(err)
				}
				want := c.Inv.values()
				checkClose(t, "inverse", inv, want, 1e-13*float64(n)*fro(want)*fro(a))
			}

			w, _, err := Eig(n, a, false)
			if err != nil {
				t.Fatal(err)
			}
			checkClose(t, "eigenvalues (sorted)", sortedComplex(w), c.EigVals.values(), e)

			if c.Hermitian {
				wh, _, err := Eigh(n, a, false)
				if err != nil {
					t.Fatal(err)
				}
				closeFloats(t, "Hermitian eigenvalues", wh, c.EigValsH, e)
			}
		})
	}
}
