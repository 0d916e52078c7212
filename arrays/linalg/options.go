package linalg

import (
	"fmt"
	"strings"

	"workbench/arrays"
)

// Option is a keyword argument of a function of this package, such as
// FullMatrices(false), Mode("complete"), Ord("nuc") or Keepdims(). A
// function refuses (with an *arrays.ValueError) an option it does not take.
type Option func(*config)

// optBit names an option, so that a function can check that it takes the
// options given.
type optBit uint32

const (
	optFullMatrices optBit = 1 << iota
	optMode
	optUpper
	optOrd
	optRtol
	optTol
	optRcond
	optKeepdims
	optAxis
	optOffset
	optHermitian
	optDtype
)

var optNames = []string{"FullMatrices", "Mode", "Upper", "Ord", "Rtol", "Tol", "Rcond", "Keepdims", "Axis", "Offset", "Hermitian", "Dtype"}

type config struct {
	set          optBit
	fullMatrices bool
	mode         string
	upper        bool
	ord          any
	rtol         float64
	tol          float64
	rcond        float64
	keepdims     bool
	axes         []int
	offset       int
	hermitian    bool
	dtype        arrays.DType
}

func (c *config) has(b optBit) bool { return c.set&b != 0 }

// configure applies opts and refuses those that op does not take.
func configure(op string, allowed optBit, opts []Option) *config {
	c := &config{fullMatrices: true, mode: "reduced"}
	for _, o := range opts {
		if o != nil {
			o(c)
		}
	}
	if extra := c.set &^ allowed; extra != 0 {
		var names, takes []string
		for i, n := range optNames {
			if extra&(1<<i) != 0 {
				names = append(names, n)
			}
			if allowed&(1<<i) != 0 {
				takes = append(takes, n)
			}
		}
		msg := fmt.Sprintf("does not take the option %s", strings.Join(names, ", "))
		if len(takes) == 0 {
			msg += " (it takes none)"
		} else {
			msg += fmt.Sprintf(" (it takes %s)", strings.Join(takes, ", "))
		}
		panic(&arrays.ValueError{Op: op, Msg: msg})
	}
	return c
}

// FullMatrices says whether Svd returns the full square U (m×m) and Vh
// (n×n), the default, or, with false, the reduced U (m×k) and Vh (k×n),
// k = min(m, n).
func FullMatrices(full bool) Option {
	return func(c *config) { c.set |= optFullMatrices; c.fullMatrices = full }
}

// Mode chooses what Qr returns: "reduced" (the default: Q m×k and R k×n,
// k = min(m, n)), "complete" (Q m×m and R m×n) or "r" (R k×n only; Q is
// nil).
func Mode(mode string) Option { return func(c *config) { c.set |= optMode; c.mode = mode } }

// Upper makes Cholesky return the upper triangular factor U with
// A = Uᴴ·U, computed from the upper triangle of A, instead of the lower L.
func Upper() Option { return func(c *config) { c.set |= optUpper; c.upper = true } }

// Ord sets the order of a norm. MatrixNorm takes "fro" (the default),
// "nuc", 1, -1, 2, -2, math.Inf(1) and math.Inf(-1); VectorNorm any number
// (int or float64), 2 by default, with 0 counting the non-zero elements
// and ±Inf giving the largest (smallest) magnitude; Norm takes both kinds
// as NumPy's norm does.
func Ord(ord any) Option { return func(c *config) { c.set |= optOrd; c.ord = ord } }

// Rtol sets the relative tolerance of Pinv and MatrixRank: singular values
// at or below rtol times the largest count as zero. The default is
// max(m, n)·eps of the dtype (float32's eps for float32 and complex64).
func Rtol(rtol float64) Option { return func(c *config) { c.set |= optRtol; c.rtol = rtol } }

// Tol sets an absolute tolerance for MatrixRank (NumPy's tol): singular
// values at or below it count as zero. It overrides Rtol.
func Tol(tol float64) Option { return func(c *config) { c.set |= optTol; c.tol = tol } }

// Rcond sets the cut-off of Lstsq: singular values at or below rcond times
// the largest count as zero. The default is max(m, n)·eps of the dtype
// (NumPy's rcond=None); a negative rcond means eps (LAPACK's meaning).
func Rcond(rcond float64) Option { return func(c *config) { c.set |= optRcond; c.rcond = rcond } }

// Keepdims keeps the axes that a norm reduces as axes of length 1.
func Keepdims() Option { return func(c *config) { c.set |= optKeepdims; c.keepdims = true } }

// Axis selects the axis of Cross and Vecdot (default -1), the axes of
// VectorNorm (default all), or for Norm one axis (a vector norm) or two
// (a matrix norm). Negative axes count from the end.
func Axis(axes ...int) Option {
	return func(c *config) { c.set |= optAxis; c.axes = append([]int(nil), axes...) }
}

// Offset selects the diagonal of Diagonal and Trace: 0 (the default) is
// the main one, k > 0 the k-th above it, k < 0 below.
func Offset(k int) Option { return func(c *config) { c.set |= optOffset; c.offset = k } }

// Hermitian tells Pinv and MatrixRank that the matrices are Hermitian
// (real symmetric), so that an eigenvalue decomposition of their lower
// triangle replaces the SVD.
func Hermitian() Option { return func(c *config) { c.set |= optHermitian; c.hermitian = true } }

// Dtype sets the dtype in which Trace sums (by default Sum's: int64 for
// signed integers and bools, uint64 for unsigned ones, x's dtype for
// floats and complex numbers).
func Dtype(dt arrays.DType) Option { return func(c *config) { c.set |= optDtype; c.dtype = dt } }
