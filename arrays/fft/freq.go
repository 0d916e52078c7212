package fft

import (
	"workbench/arrays"
)

// freqOut wraps the frequencies with the dtype and device options.
func freqOut(op string, f []float64, c *config) *arrays.Array {
	out := arrays.FromSlice(f)
	if c.set["dtype"] {
		switch c.dtype {
		case arrays.Float64:
		case arrays.Float32:
			out = out.Astype(arrays.Float32)
		default:
			panic(argErr(op, "dtype", "must be a real floating-point dtype, not %v", c.dtype))
		}
	}
	if c.set["device"] {
		// To panics with an *arrays.DeviceError for a nil device (as
		// devices.GPU() is without a GPU) rather than staying on the CPU.
		out = out.To(c.device)
	}
	return out
}

func freqArgs(op string, n int, opts []Option) (*config, float64) {
	c := configure(op, opts, "d", "dtype", "device")
	if n < 1 {
		panic(argErr(op, "n", "must be at least 1, got %d", n))
	}
	if c.d == 0 {
		panic(argErr(op, "d", "the sample spacing must not be zero"))
	}
	return c, 1 / (float64(n) * c.d)
}

// Fftfreq returns the sample frequencies of an n-point transform with
// sample spacing D (default 1), as numpy.fft.fftfreq:
// [0, 1, ..., (n-1)/2, -(n/2), ..., -1] / (n·d). Options: D, Dtype, OnDevice.
func Fftfreq(n int, opts ...Option) *arrays.Array {
	c, val := freqArgs("fftfreq", n, opts)
	f := make([]float64, n)
	m := (n-1)/2 + 1
	for i := range m {
		f[i] = float64(i) * val
	}
	for i := m; i < n; i++ {
		f[i] = float64(i-n) * val
	}
	return freqOut("fftfreq", f, c)
}

// Rfftfreq returns the n/2+1 non-negative sample frequencies of an n-point
// real transform (Rfft) with sample spacing D, as numpy.fft.rfftfreq:
// [0, 1, ..., n/2] / (n·d). Options: D, Dtype, OnDevice.
func Rfftfreq(n int, opts ...Option) *arrays.Array {
	c, val := freqArgs("rfftfreq", n, opts)
	f := make([]float64, n/2+1)
	for i := range f {
		f[i] = float64(i) * val
	}
	return freqOut("rfftfreq", f, c)
}

// Fftshift moves the zero-frequency term to the middle: it rolls each of
// the axes (default all) by half its length, as numpy.fft.fftshift.
// Options: Axes (or Axis for one).
func Fftshift(x *arrays.Array, opts ...Option) *arrays.Array {
	return shift("fftshift", x, opts, false)
}

// Ifftshift undoes Fftshift (they differ for odd lengths), as
// numpy.fft.ifftshift. Options: Axes (or Axis for one).
func Ifftshift(x *arrays.Array, opts ...Option) *arrays.Array {
	return shift("ifftshift", x, opts, true)
}

func shift(op string, x *arrays.Array, opts []Option, inverse bool) *arrays.Array {
	c := configure(op, opts, "axes", "axis")
	shp := x.Shape()
	nd := len(shp)
	var axes []int
	switch {
	case c.set["axes"] && c.set["axis"]:
		panic(argErr(op, "axis", "give Axes or Axis, not both"))
	case c.set["axes"]:
		for _, a := range c.axes {
			axes = append(axes, normAxis(op, "axes", a, nd))
		}
	case c.set["axis"]:
		axes = []int{normAxis(op, "axis", c.axis, nd)}
	default:
		for i := range nd {
			axes = append(axes, i)
		}
	}
	// shifts[a] is how far axis a rolls forward; repeated axes add up, as
	// in numpy.roll.
	shifts := make([]int, nd)
	for _, a := range axes {
		if inverse {
			shifts[a] -= shp[a] / 2
		} else {
			shifts[a] += shp[a] / 2
		}
	}
	noteCPU(op, "frequency shifts", x)
	var out any
	switch d := x.Data().(type) {
	case []bool:
		out = roll(d, shp, shifts)
	case []int8:
		out = roll(d, shp, shifts)
	case []int16:
		out = roll(d, shp, shifts)
	case []int32:
		out = roll(d, shp, shifts)
	case []int64:
		out = roll(d, shp, shifts)
	case []uint8:
		out = roll(d, shp, shifts)
	case []uint16:
		out = roll(d, shp, shifts)
	case []uint32:
		out = roll(d, shp, shifts)
	case []uint64:
		out = roll(d, shp, shifts)
	case []float32:
		out = roll(d, shp, shifts)
	case []float64:
		out = roll(d, shp, shifts)
	case []complex64:
		out = roll(d, shp, shifts)
	case []complex128:
		out = roll(d, shp, shifts)
	default:
		panic(&arrays.DTypeError{Op: "fft." + op, DTypes: []arrays.DType{x.DType()}, Msg: "cannot shift arrays of"})
	}
	return arrays.FromSlice(out, shp...).To(x.Device())
}

// roll returns data (C order, shape shp; the caller's own copy, which it
// may return) with each axis a rolled forward by shifts[a]:
// out[..., (i+shift) mod n, ...] = data[..., i, ...].
func roll[T any](data []T, shp []int, shifts []int) []T {
	cur := data
	for a, sh := range shifts {
		n := shp[a]
		if n == 0 {
			return data
		}
		sh %= n
		if sh < 0 {
			sh += n
		}
		if sh == 0 {
			continue
		}
		outer, inner := layout(shp, a)
		next := make([]T, len(cur))
		for o := range outer {
			src := cur[o*n*inner : (o+1)*n*inner]
			dst := next[o*n*inner : (o+1)*n*inner]
			// Elements [0, n-sh) go to [sh, n); [n-sh, n) go to [0, sh).
			copy(dst[sh*inner:], src[:(n-sh)*inner])
			copy(dst[:sh*inner], src[(n-sh)*inner:])
		}
		cur = next
	}
	return cur
}
