package kernels

import "math"

// Conversions and gathers with vector kernels (convert_amd64.s, generated
// by _asm/convert): float64 <-> float32, int32 -> float64 and float32,
// int64 <-> float64 (AVX-512DQ), float64 and float32 -> int32, and int8,
// uint8 and bool -> float64 and float32; copies of a run with a constant
// stride into a contiguous buffer (strided copies, and the buffers of
// strided conversions and sums); and the block sums of every other float64
// (reduce.go). Each kernel gives the very bits of the portable Go loop, so
// results do not depend on the SIMD level.
//
// Floats become int32 and int64 as on amd64 and as NumPy does on x86: NaN,
// infinities and values whose truncation does not fit give the smallest
// value of the type (x86's "integer indefinite"), on every architecture.

// convBuf is the length of the buffers that strided runs are gathered into.
const convBuf = 256

// floatToInt32 is int32(x), truncated toward zero, or math.MinInt32 when x
// is NaN or its truncation does not fit.
func floatToInt32[S float](x S) int32 {
	if f := float64(x); f > -1<<31-1 && f < 1<<31 {
		return int32(f)
	}
	return math.MinInt32
}

// floatToInt64 is int64(x), truncated toward zero, or math.MinInt64 when x
// is NaN or its truncation does not fit.
func floatToInt64[S float](x S) int64 {
	if f := float64(x); f >= -1<<63 && f < 1<<63 {
		return int64(f)
	}
	return math.MinInt64
}

// convertLoop is the portable conversion of a contiguous run of real
// numbers: d[i] = D(s[i]), with floats into int32 and int64 as
// floatToInt32 and floatToInt64 convert them.
func convertLoop[D, S realNum](d []D, s []S) {
	s = s[:len(d)]
	switch d := any(d).(type) {
	case []int32:
		switch s := any(s).(type) {
		case []float64:
			for i, x := range s {
				d[i] = floatToInt32(x)
			}
			return
		case []float32:
			for i, x := range s {
				d[i] = floatToInt32(x)
			}
			return
		}
	case []int64:
		switch s := any(s).(type) {
		case []float64:
			for i, x := range s {
				d[i] = floatToInt64(x)
			}
			return
		case []float32:
			for i, x := range s {
				d[i] = floatToInt64(x)
			}
			return
		}
	}
	for i := range d {
		d[i] = D(s[i])
	}
}

// boolLoop is the portable conversion of a contiguous run of bools:
// d[i] = 1 where s[i] is true, else 0.
func boolLoop[D realNum](d []D, s []bool) {
	s = s[:len(d)]
	for i, x := range s {
		if x {
			d[i] = 1
		} else {
			d[i] = 0
		}
	}
}

// withVec returns conv with the leading elements of each run done by the
// vector kernel of the current SIMD level, where there is one for D and S.
func withVec[D, S any](conv func(d []D, s []S)) func(d []D, s []S) {
	vk := vecConverter[D, S]()
	if vk == nil {
		return conv
	}
	return func(d []D, s []S) {
		if k := vk(d, s); k < len(d) {
			conv(d[k:], s[k:])
		}
	}
}

// convertSlice sets d[i] to s[i] converted to D, as Copy converts, for
// i < len(d); s must be at least as long.
func convertSlice[D, S realNum](d []D, s []S) {
	if len(s) < len(d) {
		panic("kernels: source shorter than the destination")
	}
	withVec(convertLoop[D, S])(d, s)
}

// convertStrided runs the contiguous conversion conv on a run with any
// strides: d[od+i*ds] = conv(s[os+i*ss]) for i < n. A strided source is
// gathered into sb and a strided destination converted into db first, a
// buffer length at a time (sb and db are of the same length, or nil where
// that side is contiguous).
func convertStrided[D, S any](conv func(d []D, s []S), n int, d []D, od, ds int, s []S, os, ss int, sb []S, db []D) {
	if ds == 1 && ss == 1 {
		conv(d[od:od+n], s[os:os+n])
		return
	}
	step := max(len(sb), len(db))
	for n > 0 {
		m := min(n, step)
		var src []S
		if ss == 1 {
			src = s[os : os+m]
		} else {
			src = sb[:m]
			gatherRun(src, s, os, ss)
		}
		if ds == 1 {
			conv(d[od:od+m], src)
		} else {
			conv(db[:m], src)
			for i, x := range db[:m] {
				d[od+i*ds] = x
			}
		}
		os += m * ss
		od += m * ds
		n -= m
	}
}

// gatherRun sets d[i] = s[o+i*st] for i < len(d), with the vector gather
// kernels for elements of 4 or 8 bytes where the CPU has them.
func gatherRun[T any](d, s []T, o, st int) {
	n := len(d)
	if n == 0 {
		return
	}
	// The first and last elements are in s (the kernels read only
	// between them).
	_, _ = s[o], s[o+(n-1)*st]
	if st == 1 {
		copy(d, s[o:o+n])
		return
	}
	k := vecGather(d, s, o, st)
	for i := k; i < n; i++ {
		d[i] = s[o+i*st]
	}
}
