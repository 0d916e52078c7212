// Package fft is the array API standard's fft extension, with NumPy's
// meanings (numpy.fft): Fft, Ifft, Fftn, Ifftn, Rfft, Irfft, Rfftn, Irfftn,
// Hfft, Ihfft, Fftfreq, Rfftfreq, Fftshift and Ifftshift.
//
//	x := arrays.Linspace(0, 1, 1000)
//	X := fft.Rfft(x, fft.Norm("ortho"))
//	f := fft.Rfftfreq(1000, fft.D(0.001))
//	y := fft.Fftn(img, fft.Axes(0, 1), fft.S(512, 512))
//
// The keyword arguments are options: N(n) crops or zero-pads the axis to n
// (for Irfft and Hfft, n is the output length, and the input is cut or
// padded to n/2+1), Axis(a) picks the axis (default -1), Axes and S the
// axes and lengths of the n-dimensional transforms (NumPy's defaults: all
// axes, or the last len(S)), Norm("backward"|"ortho"|"forward") the
// scaling, D(d) the sample spacing of the frequency functions, Dtype and
// OnDevice their result's dtype and device.
//
// Dtypes follow the standard: float64, complex128, integer and bool inputs
// give complex128 (float64 for Irfft, Hfft and Irfftn); float32 and
// complex64 inputs give complex64 (float32). All transforms compute in
// float64 and round at the end, so single-precision results are the
// correctly rounded double-precision ones. NumPy 1.24 returns complex128
// for float32 input; the standard says complex64, and this package follows
// the standard. Rfft, Ihfft and Rfftn want real input: a complex array
// panics with an *arrays.DTypeError (NumPy drops the imaginary part with a
// warning).
//
// Any length works. Lengths are factored into radices 8, 4, 2, 3, 5 and other
// odd primes (self-sorting Stockham passes with precomputed twiddles);
// primes p above 31 whose p-1 has only small factors go through Rader's
// algorithm (a cyclic convolution of length p-1), other lengths with a
// large prime factor through Bluestein's (a convolution of 5-smooth
// length); lengths above 4096 are cut into two factors (the four-step
// algorithm), so that every pass works in cache.
// Real transforms of even length pack the even and odd samples into a
// complex transform of half the length and separate them with a
// post-twiddle; odd lengths are transformed two lines at a time as the real
// and imaginary parts of one complex line (a lone line of odd length goes
// through a complex transform). Plans (factors and twiddles) are built once
// per length and cached; the cache is safe for concurrent use and is never
// emptied, and up to 8 scratch buffers per size class are kept for reuse.
//
// Large transforms and stacks of transforms run on the shared worker pool
// (arrays.SetWorkers). The work is cut into pieces that depend on the sizes
// only, and each piece's arithmetic is the same whoever runs it, so results
// are bit for bit the same for any number of workers. Strided and
// transposed inputs are read through their views; the other axes of a
// one-dimensional transform are a batch.
//
// The transforms compute on the CPU. Given an array on another device (a
// GPU), they read a copy of it, give the notice that they ran on the CPU
// (see arrays.SetNotice; once per function and device until
// arrays.ResetNotices), and return their result on that device, as
// Fftshift and Ifftshift do too.
//
// Misuse panics: n < 1, an axis out of range, a norm other than the three,
// an option that the function does not take, all with an *Error that names
// the argument ("n", "axis", "axes", "s", "norm", "d", "dtype");
// arrays.Maybe turns the panic into an error.
package fft
