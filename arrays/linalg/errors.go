package linalg

import (
	"errors"
	"fmt"
	"strings"

	"workbench/arrays"
	"workbench/arrays/linalg/internal/clapack"
	"workbench/arrays/shape"
)

// The reasons of an *Error, for errors.Is.
var (
	// ErrSingular: Solve or Inv met an exactly singular matrix (a zero
	// pivot of the LU factorization).
	ErrSingular = errors.New("singular matrix")
	// ErrNotPositiveDefinite: Cholesky's matrix is not (Hermitian)
	// positive definite.
	ErrNotPositiveDefinite = errors.New("matrix is not positive definite")
	// ErrNoConvergence: an eigenvalue or singular value iteration did not
	// converge.
	ErrNoConvergence = errors.New("the algorithm did not converge")
	// ErrNonFinite: Eig, Eigvals and the functions that compute an SVD (Svd, Svdvals, Pinv, MatrixRank, Lstsq, the matrix
	// norms 2, -2 and "nuc") refuse matrices holding infinities or NaNs
	// (NumPy raises LinAlgError there too).
	ErrNonFinite = errors.New("matrix holds infinities or NaNs")
)

// Error is the error of a routine that fails because of the values of a
// matrix (not its shape or dtype): its Err is ErrSingular,
// ErrNotPositiveDefinite, ErrNoConvergence or ErrNonFinite (use errors.Is),
// and Index, for a stack of matrices, the index of the first matrix that
// failed in the stack's leading axes (nil for a single matrix). The
// functions panic with it; arrays.Maybe turns the panic into an error.
type Error struct {
	Op    string // the function, as "linalg.Solve"
	Err   error
	Index []int
}

func (e *Error) Error() string {
	s := e.Op + ": " + e.Err.Error()
	if e.Index != nil {
		parts := make([]string, len(e.Index))
		for i, v := range e.Index {
			parts[i] = fmt.Sprint(v)
		}
		s += " (the matrix at index [" + strings.Join(parts, ", ") + "] of the stack)"
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// fromClapack maps the errors of package clapack onto ours.
func fromClapack(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, clapack.ErrSingular):
		return ErrSingular
	case errors.Is(err, clapack.ErrNotPositiveDefinite):
		return ErrNotPositiveDefinite
	case errors.Is(err, clapack.ErrNoConvergence):
		return ErrNoConvergence
	}
	return err
}

func shapeErr(op, msg string, shapes ...[]int) *arrays.ShapeError {
	ss := make([]shape.Shape, len(shapes))
	for i, s := range shapes {
		ss[i] = shape.Shape(append([]int{}, s...))
	}
	return &arrays.ShapeError{Op: op, Shapes: ss, Msg: msg}
}

func valueErr(op, format string, args ...any) *arrays.ValueError {
	return &arrays.ValueError{Op: op, Msg: fmt.Sprintf(format, args...)}
}
