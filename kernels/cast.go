package kernels

// Copy copies src into dst element-wise over shape, converting the element
// type where they differ, as NumPy's astype does with casting="unsafe":
// integers wrap, floats truncate toward zero when they become integers,
// complex numbers drop their imaginary part when they become real, and
// anything becomes bool by comparing with zero. Floats that become int32 or
// int64 give the smallest value of the type where they are NaN or their
// truncation does not fit, on every architecture (as Go does on amd64 and
// NumPy on x86).
func Copy(shape []int, dst, src Operand) error {
	l := newElementwiseLoop(shape, dst, src)
	if l.size == 0 {
		return nil
	}
	switch d := dst.Data.(type) {
	case []bool:
		return castToBool(l, d, src.Data)
	case []int8:
		return castToReal(l, d, src.Data)
	case []int16:
		return castToReal(l, d, src.Data)
	case []int32:
		return castToReal(l, d, src.Data)
	case []int64:
		return castToReal(l, d, src.Data)
	case []uint8:
		return castToReal(l, d, src.Data)
	case []uint16:
		return castToReal(l, d, src.Data)
	case []uint32:
		return castToReal(l, d, src.Data)
	case []uint64:
		return castToReal(l, d, src.Data)
	case []float32:
		return castToReal(l, d, src.Data)
	case []float64:
		return castToReal(l, d, src.Data)
	case []complex64:
		return castToComplex(l, d, src.Data)
	case []complex128:
		return castToComplex(l, d, src.Data)
	}
	return &OpError{Op: "copy", Type: typeName(dst.Data)}
}

func runCast[S, D any](l *loop, d []D, s []S, f func(S) D) error {
	ds, ss := l.inner(0), l.inner(1)
	Parallel(l.size, Grain, func(_, lo, hi int) {
		l.runs(lo, hi, func(o []int, n int) {
			od, os := o[0], o[1]
			if ds == 1 && ss == 1 {
				d, s := d[od:od+n], s[os:os+n]
				for i := range d {
					d[i] = f(s[i])
				}
				return
			}
			for i := 0; i < n; i++ {
				d[od] = f(s[os])
				od, os = od+ds, os+ss
			}
		})
	})
	return nil
}

// runSame copies without conversion; a strided source goes into a
// contiguous destination with the vector gather kernels.
func runSame[T any](l *loop, d, s []T) error {
	ds, ss := l.inner(0), l.inner(1)
	Parallel(l.size, Grain, func(_, lo, hi int) {
		l.runs(lo, hi, func(o []int, n int) {
			od, os := o[0], o[1]
			switch {
			case ds == 1 && ss == 1:
				copy(d[od:od+n], s[os:os+n])
				return
			case ds == 1 && ss != 0:
				gatherRun(d[od:od+n], s, os, ss)
				return
			}
			for i := 0; i < n; i++ {
				d[od] = s[os]
				od, os = od+ds, os+ss
			}
		})
	})
	return nil
}

// runConvert is runCast for real numbers, with the conversion of whole
// contiguous runs (convertLoop, and the vector kernels where they apply;
// strided runs go through buffers).
func runConvert[D, S realNum](l *loop, d []D, s []S) error {
	return runConverter(l, d, s, withVec(convertLoop[D, S]))
}

// runConverter runs the conversion of contiguous runs conv over the runs
// of l, whatever their strides.
func runConverter[D, S any](l *loop, d []D, s []S, conv func(d []D, s []S)) error {
	ds, ss := l.inner(0), l.inner(1)
	Parallel(l.size, Grain, func(_, lo, hi int) {
		// Buffers for strided runs, once per chunk (no run is longer
		// than the chunk).
		var sb []S
		var db []D
		if ss != 1 {
			sb = make([]S, min(convBuf, hi-lo))
		}
		if ds != 1 {
			db = make([]D, min(convBuf, hi-lo))
		}
		l.runs(lo, hi, func(o []int, n int) {
			convertStrided(conv, n, d, o[0], ds, s, o[1], ss, sb, db)
		})
	})
	return nil
}

func castToReal[D realNum](l *loop, d []D, src any) error {
	switch s := src.(type) {
	case []D:
		return runSame(l, d, s)
	case []bool:
		return runConverter(l, d, s, withVec(boolLoop[D]))
	case []int8:
		return runConvert(l, d, s)
	case []int16:
		return runConvert(l, d, s)
	case []int32:
		return runConvert(l, d, s)
	case []int64:
		return runConvert(l, d, s)
	case []uint8:
		return runConvert(l, d, s)
	case []uint16:
		return runConvert(l, d, s)
	case []uint32:
		return runConvert(l, d, s)
	case []uint64:
		return runConvert(l, d, s)
	case []float32:
		return runConvert(l, d, s)
	case []float64:
		return runConvert(l, d, s)
	case []complex64:
		return runCast(l, d, s, func(z complex64) D { return D(real(z)) })
	case []complex128:
		return runCast(l, d, s, func(z complex128) D { return D(real(z)) })
	}
	return &OpError{Op: "copy", Type: typeName(src) + " into " + typeName(d)}
}

func realToComplex[D complexT, S realNum](x S) D { return D(complex(float64(x), 0)) }

func castToComplex[D complexT](l *loop, d []D, src any) error {
	switch s := src.(type) {
	case []D:
		return runSame(l, d, s)
	case []bool:
		return runCast(l, d, s, func(x bool) D {
			if x {
				return 1
			}
			return 0
		})
	case []int8:
		return runCast(l, d, s, realToComplex[D, int8])
	case []int16:
		return runCast(l, d, s, realToComplex[D, int16])
	case []int32:
		return runCast(l, d, s, realToComplex[D, int32])
	case []int64:
		return runCast(l, d, s, realToComplex[D, int64])
	case []uint8:
		return runCast(l, d, s, realToComplex[D, uint8])
	case []uint16:
		return runCast(l, d, s, realToComplex[D, uint16])
	case []uint32:
		return runCast(l, d, s, realToComplex[D, uint32])
	case []uint64:
		return runCast(l, d, s, realToComplex[D, uint64])
	case []float32:
		return runCast(l, d, s, realToComplex[D, float32])
	case []float64:
		return runCast(l, d, s, realToComplex[D, float64])
	case []complex64:
		return runCast(l, d, s, func(z complex64) D { return D(z) })
	case []complex128:
		return runCast(l, d, s, func(z complex128) D { return D(z) })
	}
	return &OpError{Op: "copy", Type: typeName(src) + " into " + typeName(d)}
}

func nonzero[S number](x S) bool { return x != 0 }

func castToBool(l *loop, d []bool, src any) error {
	switch s := src.(type) {
	case []bool:
		return runSame(l, d, s)
	case []int8:
		return runCast(l, d, s, nonzero[int8])
	case []int16:
		return runCast(l, d, s, nonzero[int16])
	case []int32:
		return runCast(l, d, s, nonzero[int32])
	case []int64:
		return runCast(l, d, s, nonzero[int64])
	case []uint8:
		return runCast(l, d, s, nonzero[uint8])
	case []uint16:
		return runCast(l, d, s, nonzero[uint16])
	case []uint32:
		return runCast(l, d, s, nonzero[uint32])
	case []uint64:
		return runCast(l, d, s, nonzero[uint64])
	case []float32:
		return runCast(l, d, s, nonzero[float32])
	case []float64:
		return runCast(l, d, s, nonzero[float64])
	case []complex64:
		return runCast(l, d, s, nonzero[complex64])
	case []complex128:
		return runCast(l, d, s, nonzero[complex128])
	}
	return &OpError{Op: "copy", Type: typeName(src) + " into bool"}
}
