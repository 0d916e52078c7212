package random

import "fmt"

// Error is the value a Generator method panics with when it is given an
// invalid argument: Op is the method, Msg says what was wrong, with the value.
type Error struct {
	Op  string
	Msg string
}

// Error formats the error as "random.Op: Msg".
func (e *Error) Error() string { return "random." + e.Op + ": " + e.Msg }

func errorf(op, format string, args ...any) *Error {
	return &Error{Op: op, Msg: fmt.Sprintf(format, args...)}
}
