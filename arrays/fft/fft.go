package fft

import (
	"strings"

	"workbench/arrays"
	"workbench/arrays/internal/adopt"
	"workbench/devices"
)

// normAxis checks axis against an array of ndim axes and returns it
// counted from the start.
func normAxis(op, arg string, axis, ndim int) int {
	if axis < -ndim || axis >= ndim {
		panic(argErr(op, arg, "axis %d is out of bounds for an array of %d dimensions", axis, ndim))
	}
	if axis < 0 {
		axis += ndim
	}
	return axis
}

// isSingle reports whether results are complex64 (float32 for the real
// outputs of Irfft and Hfft): for float32 and complex64 inputs.
func isSingle(dt arrays.DType) bool { return dt == arrays.Float32 || dt == arrays.Complex64 }

// noteCPU gives the notice that function op (such as "fft" for Fft) runs
// on the CPU, on which this package computes, when x is on another device
// (the result goes back there: see complexOut and realOut). what is what
// the device does not implement.
func noteCPU(op, what string, x *arrays.Array) {
	if dev := x.Device(); dev != devices.CPU() {
		arrays.RanOnCPU("fft."+strings.ToUpper(op[:1])+op[1:], dev, what)
	}
}

// hostIn returns x's elements converted to dtype dt in C order, as a Go
// slice: one copy, converted on the host (after the notice of noteCPU for
// an array of another device).
func hostIn(op string, x *arrays.Array, dt arrays.DType) any {
	noteCPU(op, "Fourier transforms", x)
	if x.DType() != dt && x.Device() != devices.CPU() {
		x = x.To(devices.CPU())
	}
	if dt == arrays.Complex128 {
		return x.Complex128s()
	}
	return x.Float64s()
}

// complexIn returns x's elements as complex128, in C order.
func complexIn(op string, x *arrays.Array) []complex128 {
	return hostIn(op, x, arrays.Complex128).([]complex128)
}

func realIn(op string, x *arrays.Array) []float64 {
	if x.DType().IsComplex() {
		panic(&arrays.DTypeError{Op: "fft." + op, DTypes: []arrays.DType{x.DType()},
			Msg: "wants real input (take Real, or use Fft), got"})
	}
	return hostIn(op, x, arrays.Float64).([]float64)
}

// complexOut wraps data as the result of a transform of x (without a
// copy; its memory is recycled once the result is unreachable).
func complexOut(x *arrays.Array, data []complex128, shp []int) *arrays.Array {
	out := adopt.Adopt(data, shp).(*arrays.Array)
	if isSingle(x.DType()) {
		out = out.Astype(arrays.Complex64)
	}
	return out.To(x.Device())
}

func realOut(x *arrays.Array, data []float64, shp []int) *arrays.Array {
	out := adopt.Adopt(data, shp).(*arrays.Array)
	if isSingle(x.DType()) {
		out = out.Astype(arrays.Float32)
	}
	return out.To(x.Device())
}

// oneAxis reads the options of a one-dimensional transform: the axis, the
// length (def when N is not given) and the normalisation.
func oneAxis(op string, x *arrays.Array, opts []Option, def func(m int) int) (ax, n int, norm string) {
	c := configure(op, opts, "n", "axis", "norm")
	if !c.set["axis"] {
		c.axis = -1
	}
	if x.Ndim() == 0 {
		panic(argErr(op, "axis", "a 0-d array has no axis to transform"))
	}
	ax = normAxis(op, "axis", c.axis, x.Ndim())
	if c.set["n"] {
		n = c.n
	} else {
		n = def(x.Shape()[ax])
	}
	if n < 1 {
		panic(argErr(op, "n", "invalid number of data points (%d): must be at least 1", n))
	}
	normScale(op, c.norm, 1, false) // check it
	return ax, n, c.norm
}

func same(m int) int   { return m }
func double(m int) int { return 2 * (m - 1) }

// Fft computes the one-dimensional discrete Fourier transform along an
// axis (default the last), as numpy.fft.fft: X[k] = Σ x[j]·exp(-2πi jk/n).
// Options: N, Axis, Norm.
func Fft(x *arrays.Array, opts ...Option) *arrays.Array {
	return fft1("fft", x, true, opts)
}

// Ifft computes the one-dimensional inverse discrete Fourier transform,
// as numpy.fft.ifft. Options: N, Axis, Norm.
func Ifft(x *arrays.Array, opts ...Option) *arrays.Array {
	return fft1("ifft", x, false, opts)
}

func fft1(op string, x *arrays.Array, fwd bool, opts []Option) *arrays.Array {
	ax, n, norm := oneAxis(op, x, opts, same)
	data, shp := resize(complexIn(op, x), x.Shape(), ax, n)
	c2c(data, shp, ax, fwd, normScale(op, norm, n, !fwd))
	return complexOut(x, data, shp)
}

// Rfft computes the one-dimensional discrete Fourier transform of real
// input, as numpy.fft.rfft: the n/2+1 non-negative frequency terms.
// Options: N, Axis, Norm. Complex input panics with an *arrays.DTypeError.
func Rfft(x *arrays.Array, opts ...Option) *arrays.Array {
	ax, n, norm := oneAxis("rfft", x, opts, same)
	data, shp := resize(realIn("rfft", x), x.Shape(), ax, n)
	out, ns := r2c(data, shp, ax, normScale("rfft", norm, n, false))
	return complexOut(x, out, ns)
}

// Irfft computes the inverse of Rfft, as numpy.fft.irfft: n real values
// (default n = 2(m-1) for m input values) from the first n/2+1 of the axis,
// cropped or zero-padded; the imaginary parts of the zero (and, for even
// n, the Nyquist) frequency terms are ignored. Options: N, Axis, Norm.
func Irfft(x *arrays.Array, opts ...Option) *arrays.Array {
	ax, n, norm := oneAxis("irfft", x, opts, double)
	data, shp := resize(complexIn("irfft", x), x.Shape(), ax, n/2+1)
	out, ns := c2r(data, shp, ax, n, normScale("irfft", norm, n, true))
	return realOut(x, out, ns)
}

// swapNorm exchanges "backward" and "forward", as Hfft and Ihfft do.
func swapNorm(norm string) string {
	switch norm {
	case "", "backward":
		return "forward"
	case "forward":
		return "backward"
	}
	return norm
}

// Hfft computes the discrete Fourier transform of a signal with Hermitian
// symmetry, given by its first half, as numpy.fft.hfft: n real values
// (default n = 2(m-1)), Irfft of the conjugate scaled as a forward
// transform. Options: N, Axis, Norm.
func Hfft(x *arrays.Array, opts ...Option) *arrays.Array {
	ax, n, norm := oneAxis("hfft", x, opts, double)
	data, shp := resize(complexIn("hfft", x), x.Shape(), ax, n/2+1)
	for i, v := range data {
		data[i] = conj(v)
	}
	out, ns := c2r(data, shp, ax, n, normScale("hfft", swapNorm(norm), n, true))
	return realOut(x, out, ns)
}

// Ihfft computes the inverse of Hfft for real input, as numpy.fft.ihfft:
// the conjugate of Rfft scaled as an inverse transform. Options: N, Axis,
// Norm.
func Ihfft(x *arrays.Array, opts ...Option) *arrays.Array {
	ax, n, norm := oneAxis("ihfft", x, opts, same)
	data, shp := resize(realIn("ihfft", x), x.Shape(), ax, n)
	out, ns := r2c(data, shp, ax, normScale("ihfft", swapNorm(norm), n, false))
	for i, v := range out {
		out[i] = conj(v)
	}
	return complexOut(x, out, ns)
}

// nAxes reads the options of an n-dimensional transform, NumPy's way: S
// and Axes default to all axes, or the last len(S) axes; with invReal and
// no S the last length is 2(m-1).
func nAxes(op string, x *arrays.Array, opts []Option, invReal bool) (s, axes []int, norm string) {
	c := configure(op, opts, "s", "axes", "norm")
	shp := x.Shape()
	nd := len(shp)
	if c.set["axes"] {
		axes = make([]int, len(c.axes))
		for i, a := range c.axes {
			axes[i] = normAxis(op, "axes", a, nd)
		}
	}
	switch {
	case c.set["s"] && !c.set["axes"]:
		if len(c.s) > nd {
			panic(argErr(op, "s", "has %d lengths for an array of %d dimensions", len(c.s), nd))
		}
		for i := range c.s {
			axes = append(axes, nd-len(c.s)+i)
		}
	case !c.set["axes"]:
		for i := range nd {
			axes = append(axes, i)
		}
	}
	if c.set["s"] {
		if len(c.s) != len(axes) {
			panic(argErr(op, "s", "has %d lengths for %d axes", len(c.s), len(axes)))
		}
		s = append([]int{}, c.s...)
	} else {
		for _, a := range axes {
			s = append(s, shp[a])
		}
		if invReal && len(s) > 0 {
			s[len(s)-1] = 2 * (shp[axes[len(axes)-1]] - 1)
		}
	}
	for _, v := range s {
		if v < 1 {
			panic(argErr(op, "s", "invalid number of data points (%d): must be at least 1", v))
		}
	}
	if (invReal || op == "rfftn") && len(axes) == 0 {
		panic(argErr(op, "axes", "needs at least one axis"))
	}
	normScale(op, c.norm, 1, false)
	return s, axes, c.norm
}

// Fftn computes the n-dimensional discrete Fourier transform over the
// axes (default all), as numpy.fft.fftn. Options: S, Axes, Norm.
func Fftn(x *arrays.Array, opts ...Option) *arrays.Array {
	return fftN("fftn", x, true, opts)
}

// Ifftn computes the n-dimensional inverse discrete Fourier transform, as
// numpy.fft.ifftn. Options: S, Axes, Norm.
func Ifftn(x *arrays.Array, opts ...Option) *arrays.Array {
	return fftN("ifftn", x, false, opts)
}

func fftN(op string, x *arrays.Array, fwd bool, opts []Option) *arrays.Array {
	s, axes, norm := nAxes(op, x, opts, false)
	data, shp := complexIn(op, x), x.Shape()
	for i := len(axes) - 1; i >= 0; i-- {
		data, shp = resize(data, shp, axes[i], s[i])
		c2c(data, shp, axes[i], fwd, normScale(op, norm, s[i], !fwd))
	}
	return complexOut(x, data, shp)
}

// Rfftn computes the n-dimensional discrete Fourier transform of real
// input, as numpy.fft.rfftn: Rfft over the last axis, then Fft over the
// others. Options: S, Axes, Norm.
func Rfftn(x *arrays.Array, opts ...Option) *arrays.Array {
	s, axes, norm := nAxes("rfftn", x, opts, false)
	last := len(axes) - 1
	rdata, shp := resize(realIn("rfftn", x), x.Shape(), axes[last], s[last])
	data, shp := r2c(rdata, shp, axes[last], normScale("rfftn", norm, s[last], false))
	for i := 0; i < last; i++ {
		data, shp = resize(data, shp, axes[i], s[i])
		c2c(data, shp, axes[i], true, normScale("rfftn", norm, s[i], false))
	}
	return complexOut(x, data, shp)
}

// Irfftn computes the inverse of Rfftn, as numpy.fft.irfftn: Ifft over
// all axes but the last, then Irfft over the last (default length
// 2(m-1)). Options: S, Axes, Norm.
func Irfftn(x *arrays.Array, opts ...Option) *arrays.Array {
	s, axes, norm := nAxes("irfftn", x, opts, true)
	last := len(axes) - 1
	data, shp := complexIn("irfftn", x), x.Shape()
	for i := 0; i < last; i++ {
		data, shp = resize(data, shp, axes[i], s[i])
		c2c(data, shp, axes[i], false, normScale("irfftn", norm, s[i], true))
	}
	n := s[last]
	data, shp = resize(data, shp, axes[last], n/2+1)
	out, ns := c2r(data, shp, axes[last], n, normScale("irfftn", norm, n, true))
	return realOut(x, out, ns)
}
