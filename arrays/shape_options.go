package arrays

// shapeOptions holds the options of the shape functions (Pad, Meshgrid, Split, ...).
type shapeOptions struct {
	indexing string // Meshgrid: "xy" (the default) or "ij"

	// Pad.
	padMode        string // "" is "constant"
	hasConstant    bool
	constantValues any
	hasEndValues   bool
	endValues      any
	hasStatLength  bool
	statLength     any
	reflectType    string // "" is "even"
}

// Indexing chooses Meshgrid's indexing: "xy" (Cartesian, the default of
// NumPy and of the array API standard), in which the first two axes of the
// results are swapped so that the first input varies along the columns, or
// "ij" (matrix indexing), in which input i varies along axis i.
func Indexing(mode string) Option { return func(c *config) { c.indexing = mode } }

// PadMode chooses how Pad fills the new elements, by NumPy's names:
//
//   - "constant" (the default): a constant, ConstantValues (0 by default);
//   - "edge": the edge element of each axis, repeated;
//   - "reflect": the mirror image of the elements next to the edge, the edge
//     excluded (1 2 3 gives 3 2 | 1 2 3 | 2 1);
//   - "symmetric": the mirror image with the edge included (2 1 | 1 2 3 | 3 2);
//   - "wrap": the elements from the other end, as if the array repeated;
//   - "linear_ramp": a linear ramp from EndValues (0 by default) to the edge;
//   - "maximum", "minimum", "mean", "median": that statistic of the
//     elements along the axis (of the StatLength elements nearest the edge
//     when given);
//   - "empty": unspecified values (zeros here).
//
// "reflect" and "symmetric" take ReflectType("odd") for an odd reflection.
// As in NumPy, an option that the mode does not read is an error.
func PadMode(mode string) Option { return func(c *config) { c.padMode = mode } }

// ConstantValues gives the value of Pad's "constant" mode (0 by default): a
// Go number for every axis and side, a pair such as []float64{before, after}
// for every axis, or a pair per axis such as [][2]float64{{1, 2}, {3, 4}}.
// The values convert to the array's dtype as an assignment does.
func ConstantValues(v any) Option {
	return func(c *config) { c.hasConstant, c.constantValues = true, v }
}

// EndValues gives the values at which Pad's "linear_ramp" mode starts its
// ramps at the outer edges (0 by default), in the forms ConstantValues takes.
func EndValues(v any) Option {
	return func(c *config) { c.hasEndValues, c.endValues = true, v }
}

// StatLength limits the statistic of Pad's "maximum", "minimum", "mean" and
// "median" modes to the n elements nearest each edge (all of them by
// default): an int for every axis and side, a pair []int{before, after}, or
// a pair per axis ([][2]int).
func StatLength(n any) Option {
	return func(c *config) { c.hasStatLength, c.statLength = true, n }
}

// ReflectType chooses the reflection of Pad's "reflect" and "symmetric"
// modes: "even" (the default) mirrors the values; "odd" mirrors them
// through the edge value (2*edge - mirrored), which extends a linear trend.
func ReflectType(kind string) Option { return func(c *config) { c.reflectType = kind } }
