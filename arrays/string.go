package arrays

// String prints the array as NumPy's str() does: aligned columns,
// shape-aware brackets, and "..." summarising arrays of more than 1000
// elements.
func (a *Array) String() string {
	if a == nil {
		return "<nil array>"
	}
	return formatArray(a.dt, a.shape, a.printData())
}

// GoString prints the array as NumPy's repr() does, such as
// array([1, 2], dtype=int8); fmt's %#v uses it.
func (a *Array) GoString() string {
	if a == nil {
		return "<nil array>"
	}
	return formatArrayRepr(a.dt, a.shape, a.printData())
}

// printData returns the elements in C order for printing. Large arrays
// are summarised, but copying them whole is still cheaper than printing.
func (a *Array) printData() any { return a.hostData() }
