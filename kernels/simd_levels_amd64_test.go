//go:build !purego

package kernels

// simdLevel is one setting of the SIMD switches for tests.
type simdLevel struct {
	name string
	// set applies the level and returns a function that restores the
	// previous one.
	set func() func()
}

// simdLevels lists the levels this CPU can run, widest first, down to
// portable Go.
func simdLevels() []simdLevel {
	lv := func(name string, avx2, avx512 bool) simdLevel {
		return simdLevel{name, func() func() {
			a, b := useAVX2, useAVX512
			useAVX2, useAVX512 = avx2, avx512
			return func() { useAVX2, useAVX512 = a, b }
		}}
	}
	var out []simdLevel
	if useAVX512 && hasBMI2 {
		out = append(out, lv("avx512", useAVX2, true))
	}
	if useAVX2 && hasFMA {
		out = append(out, lv("avx2", true, false))
	}
	return append(out, lv("go", false, false))
}
