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

// OnDevice places the result on device d.
func OnDevice(d devices.Device) Option { return func(c *config) { c.device = d } }

// IncludeInitial makes CumulativeSum start with the initial value 0.
func IncludeInitial() Option { return func(c *config) { c.include = true } }
