package fft

import "fmt"

// Error is what the functions of this package panic with when an argument
// is invalid: Op is the function (as NumPy names it), Arg the argument
// ("n", "axis", "axes", "s", "norm", "d", ...), Msg what is wrong with it,
// value included. arrays.Maybe turns the panic back into an error.
type Error struct {
	Op  string
	Arg string
	Msg string
}

// Error formats the error as "fft.Op: Arg: Msg".
func (e *Error) Error() string { return "fft." + e.Op + ": " + e.Arg + ": " + e.Msg }

func argErr(op, arg, format string, args ...any) *Error {
	return &Error{Op: op, Arg: arg, Msg: fmt.Sprintf(format, args...)}
}
