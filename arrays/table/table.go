package table

import (
	"fmt"
	"time"

	"workbench/arrays"
)

// Kind is what a column holds.
type Kind uint8

// The kinds of column.
const (
	// Numeric columns hold an *arrays.Array of a numeric dtype (int64 or
	// float64 when read from CSV).
	Numeric Kind = iota + 1
	// Bool columns hold an *arrays.Array of dtype bool.
	Bool
	// String columns hold Go strings.
	String
	// Time columns hold date-times as an int64 array of nanoseconds since
	// the Unix epoch, in UTC.
	Time
)

func (k Kind) String() string {
	switch k {
	case Numeric:
		return "numeric"
	case Bool:
		return "bool"
	case String:
		return "string"
	case Time:
		return "time"
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// Column is one named column. Exactly one of Values (Numeric, Bool, Time)
// and Strings (String) is set. Missing, when not nil, marks missing values
// (true = missing); a missing float is also NaN in Values.
type Column struct {
	Name    string
	Kind    Kind
	Values  *arrays.Array // 1-d; nil for String columns
	Strings []string      // nil unless Kind is String
	Missing []bool        // nil when no value is missing
}

// Len is the number of values.
func (c *Column) Len() int {
	if c.Kind == String {
		return len(c.Strings)
	}
	if c.Values == nil {
		return 0
	}
	return c.Values.Size()
}

// IsMissing reports whether value i is missing.
func (c *Column) IsMissing(i int) bool { return c.Missing != nil && c.Missing[i] }

// Table is named columns of equal length. Tables are values: operations
// return new tables and never change their input (columns may share
// arrays, which are not written to).
type Table struct {
	cols []*Column
}

// Error is the error of a table operation: it names the operation and,
// where it applies, the column.
type Error struct {
	Op     string
	Column string
	Msg    string
}

func (e *Error) Error() string {
	if e.Column != "" {
		return fmt.Sprintf("table.%s: column %q: %s", e.Op, e.Column, e.Msg)
	}
	return fmt.Sprintf("table.%s: %s", e.Op, e.Msg)
}

// New makes a table from columns, which must have distinct names, a
// consistent kind and equal lengths.
func New(cols ...*Column) (*Table, error) {
	seen := map[string]bool{}
	n := -1
	for _, c := range cols {
		if c == nil {
			return nil, &Error{Op: "New", Msg: "nil column"}
		}
		if seen[c.Name] {
			return nil, &Error{Op: "New", Column: c.Name, Msg: "the name is used twice"}
		}
		seen[c.Name] = true
		if err := c.check(); err != nil {
			return nil, err
		}
		if n >= 0 && c.Len() != n {
			return nil, &Error{Op: "New", Column: c.Name, Msg: fmt.Sprintf("has %d values, column %q has %d", c.Len(), cols[0].Name, n)}
		}
		n = c.Len()
	}
	return &Table{cols: append([]*Column(nil), cols...)}, nil
}

func (c *Column) check() error {
	bad := func(msg string) error { return &Error{Op: "New", Column: c.Name, Msg: msg} }
	switch c.Kind {
	case String:
		if c.Values != nil {
			return bad("a string column has Values")
		}
	case Numeric, Bool, Time:
		if c.Values == nil {
			return bad("no Values")
		}
		if c.Values.Ndim() != 1 {
			return bad(fmt.Sprintf("Values must be 1-d, got shape %v", c.Values.Shape()))
		}
		dt := c.Values.DType()
		switch {
		case c.Kind == Bool && dt != arrays.Bool:
			return bad(fmt.Sprintf("a bool column of dtype %v", dt))
		case c.Kind == Time && dt != arrays.Int64:
			return bad(fmt.Sprintf("a time column of dtype %v (want int64 nanoseconds)", dt))
		case c.Kind == Numeric && (dt == arrays.Bool || !dt.Valid()):
			return bad(fmt.Sprintf("a numeric column of dtype %v", dt))
		}
	default:
		return bad(fmt.Sprintf("unknown kind %v", c.Kind))
	}
	if c.Missing != nil && len(c.Missing) != c.Len() {
		return bad(fmt.Sprintf("Missing has %d entries for %d values", len(c.Missing), c.Len()))
	}
	return nil
}

// FromArrays makes a table of numeric or bool columns from names and arrays.
func FromArrays(names []string, values []*arrays.Array) (*Table, error) {
	if len(names) != len(values) {
		return nil, &Error{Op: "FromArrays", Msg: fmt.Sprintf("%d names for %d arrays", len(names), len(values))}
	}
	cols := make([]*Column, len(names))
	for i, v := range values {
		k := Numeric
		if v != nil && v.DType() == arrays.Bool {
			k = Bool
		}
		cols[i] = &Column{Name: names[i], Kind: k, Values: v}
	}
	return New(cols...)
}

// StringColumn makes a string column.
func StringColumn(name string, values []string) *Column {
	return &Column{Name: name, Kind: String, Strings: values}
}

// TimeColumn makes a date-time column from Go times.
func TimeColumn(name string, values []time.Time) *Column {
	ns := make([]int64, len(values))
	for i, t := range values {
		ns[i] = t.UnixNano()
	}
	return &Column{Name: name, Kind: Time, Values: arrays.FromSlice(ns)}
}

// NumRows is the number of rows.
func (t *Table) NumRows() int {
	if len(t.cols) == 0 {
		return 0
	}
	return t.cols[0].Len()
}

// NumCols is the number of columns.
func (t *Table) NumCols() int { return len(t.cols) }

// Names are the column names in order.
func (t *Table) Names() []string {
	out := make([]string, len(t.cols))
	for i, c := range t.cols {
		out[i] = c.Name
	}
	return out
}

// Columns are the columns in order (the slice is a copy).
func (t *Table) Columns() []*Column { return append([]*Column(nil), t.cols...) }

// Column returns the column named name, or an error that lists the names.
func (t *Table) Column(name string) (*Column, error) {
	for _, c := range t.cols {
		if c.Name == name {
			return c, nil
		}
	}
	return nil, &Error{Op: "Column", Column: name, Msg: fmt.Sprintf("no such column (have %v)", t.Names())}
}

// Col returns the values of the column named name as an array (numeric,
// bool and time columns); it panics with an *Error for a missing name or a
// string column, for interactive use.
func (t *Table) Col(name string) *arrays.Array {
	c, err := t.Column(name)
	if err != nil {
		panic(err)
	}
	if c.Values == nil {
		panic(&Error{Op: "Col", Column: name, Msg: "a string column has no array; use Column(name).Strings"})
	}
	return c.Values
}
