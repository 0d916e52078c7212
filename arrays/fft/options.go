package fft

import (
	"workbench/arrays"
	"workbench/devices"
)

// Option is a keyword argument of the standard's fft functions, such as
// N(512), Axis(0) or Norm("ortho").
type Option func(*config)

type config struct {
	set    map[string]bool // the options given, by argument name
	n      int
	axis   int
	axes   []int
	s      []int
	norm   string
	d      float64
	dtype  arrays.DType
	device devices.Device
}

func (c *config) mark(name string) {
	if c.set == nil {
		c.set = map[string]bool{}
	}
	c.set[name] = true
}

// configure applies opts and panics with an *Error naming an option that
// the function op does not take.
func configure(op string, opts []Option, allowed ...string) *config {
	c := &config{d: 1}
	for _, o := range opts {
		if o != nil {
			o(c)
		}
	}
	for name := range c.set {
		ok := false
		for _, a := range allowed {
			ok = ok || a == name
		}
		if !ok {
			panic(argErr(op, name, "is not an option of %s (it takes %v)", op, allowed))
		}
	}
	return c
}

// N sets the length of the transform along the axis (of the output, for
// Irfft and Hfft): the input is cropped, or padded with zeros, to that
// length (for Irfft and Hfft, to N/2+1). It must be at least 1.
func N(n int) Option { return func(c *config) { c.mark("n"); c.n = n } }

// Axis sets the axis of a one-dimensional transform (default -1, the
// last); negative axes count from the end.
func Axis(axis int) Option { return func(c *config) { c.mark("axis"); c.axis = axis } }

// Axes sets the axes of an n-dimensional transform, or of Fftshift and
// Ifftshift (default: all axes, or the last len(S) axes when S is given).
func Axes(axes ...int) Option {
	return func(c *config) { c.mark("axes"); c.axes = append([]int{}, axes...) }
}

// S sets the lengths of an n-dimensional transform along its axes, as N
// does for one axis (for Irfftn, the last is the output length).
func S(sizes ...int) Option {
	return func(c *config) { c.mark("s"); c.s = append([]int{}, sizes...) }
}

// Norm sets the normalisation: "backward" (the default: the inverse
// transforms divide by n), "ortho" (both divide by sqrt(n)) or "forward"
// (the forward transforms divide by n).
func Norm(mode string) Option { return func(c *config) { c.mark("norm"); c.norm = mode } }

// D sets the sample spacing of Fftfreq and Rfftfreq (default 1).
func D(d float64) Option { return func(c *config) { c.mark("d"); c.d = d } }

// Dtype sets the dtype of the result of Fftfreq and Rfftfreq (default
// Float64; Float32 is the other choice).
func Dtype(dt arrays.DType) Option { return func(c *config) { c.mark("dtype"); c.dtype = dt } }

// OnDevice places the result of Fftfreq and Rfftfreq on device d. A nil d
// (devices.GPU() on a machine without a GPU) panics with an
// *arrays.DeviceError that says why there is none.
func OnDevice(d devices.Device) Option {
	return func(c *config) { c.mark("device"); c.device = d }
}
