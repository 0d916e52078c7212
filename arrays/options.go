package arrays

import "workbench/devices"

// Option is a keyword argument of the array API standard, such as
// Axis(0), Keepdims() or Dtype(arrays.Float32).
type Option func(*config)

type config struct {
	dtype      DType
	hasAxis    bool
	axes       []int
	keepdims   bool
	correction float64
	endpoint   bool
	device     devices.Device
	include    bool

	// Sorting, searching, sets and statistics.
	descending bool
	side       string // "" (left), "left" or "right"
	sorter     *Array
	invert     bool
	hasN       bool
	n          int
	prepend    any
	append     any
	method     string
	weights    *Array
	minlength  int
	hasRange   bool
	rangeLo    float64
	rangeHi    float64
	density    bool

	// The options of other groups of functions, each declared beside them.
	indexOptions  // index_options.go
	shapeOptions  // shape_options.go
	matmulOptions // matmul_options.go
}

func configure(opts []Option) *config {
	c := &config{endpoint: true}
	for _, o := range opts {
		if o != nil {
			o(c)
		}
	}
	return c
}

// Dtype sets the dtype of the result.
func Dtype(d DType) Option { return func(c *config) { c.dtype = d } }

// Axis selects the axes to work along; several axes may be given.
// Negative axes count from the end.
func Axis(axes ...int) Option {
	return func(c *config) { c.hasAxis, c.axes = true, append([]int(nil), axes...) }
}

// Keepdims keeps reduced axes as axes of length 1.
func Keepdims() Option { return func(c *config) { c.keepdims = true } }

// Correction sets the degrees-of-freedom correction of Var and Std (1 for
// the sample variance).
func Correction(n float64) Option { return func(c *config) { c.correction = n } }

// Endpoint says whether Linspace includes its stop value (it does by default).
func Endpoint(include bool) Option { return func(c *config) { c.endpoint = include } }

// OnDevice places the result on device d. A nil d, which devices.GPU()
// returns on a machine without a GPU, panics with a *DeviceError that says
// why there is none, as To does, rather than leave the result on the CPU
// unasked.
func OnDevice(d devices.Device) Option {
	if d == nil {
		panic(absentDeviceIn("on_device"))
	}
	return func(c *config) { c.device = d }
}

// IncludeInitial makes CumulativeSum start with the initial value 0.
func IncludeInitial() Option { return func(c *config) { c.include = true } }

// Descending makes Sort and Argsort order from largest to smallest. The
// sort stays stable (equal elements keep their order) and NaNs still go
// last.
func Descending() Option { return func(c *config) { c.descending = true } }

// Stable asks Sort and Argsort for a stable sort, in which equal elements
// keep their relative order. It is the standard's default, and this
// package's sorts are always stable, so the option only says so in code.
func Stable() Option { return func(*config) {} }

// Side says which index Searchsorted returns for a value equal to elements
// of the sorted array: "left" (the default), the first such position, or
// "right", the one after the last.
func Side(side string) Option { return func(c *config) { c.side = side } }

// Sorter gives Searchsorted the indices (an integer array, as Argsort
// returns) that sort its first argument, which then need not be sorted.
func Sorter(indices *Array) Option { return func(c *config) { c.sorter = indices } }

// Invert makes Isin report the elements that are not in the second array.
func Invert() Option { return func(c *config) { c.invert = true } }

// N sets how many times Diff takes differences (1 by default).
func N(n int) Option { return func(c *config) { c.hasN, c.n = true, n } }

// Prepend gives Diff values (an array or a Go number) to put before x along
// the axis before taking differences.
func Prepend(values any) Option { return func(c *config) { c.prepend = values } }

// Append gives Diff values (an array or a Go number) to put after x along
// the axis before taking differences.
func Append(values any) Option { return func(c *config) { c.append = values } }

// Method chooses how Quantile, Percentile and their Nan forms estimate a
// quantile that falls between two elements, by NumPy's name: "linear" (the
// default), "lower", "higher", "nearest" or "midpoint".
func Method(name string) Option { return func(c *config) { c.method = name } }

// Weights gives Histogram and Bincount a weight per element of x (an array
// of x's shape): the bins then hold sums of weights instead of counts.
func Weights(w *Array) Option { return func(c *config) { c.weights = w } }

// Minlength makes Bincount's result at least n long.
func Minlength(n int) Option { return func(c *config) { c.minlength = n } }

// Range sets the lower and upper edges of Histogram's bins (by default the
// smallest and the largest element). Elements outside are not counted.
func Range(lo, hi float64) Option {
	return func(c *config) { c.hasRange, c.rangeLo, c.rangeHi = true, lo, hi }
}

// Density makes Histogram return a probability density: each count divided
// by the total count and by its bin's width, so that the integral is 1.
func Density() Option { return func(c *config) { c.density = true } }
