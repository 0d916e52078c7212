//go:build !amd64 || purego

package kernels

type simdLevel struct {
	name string
	set  func() func()
}

// simdLevels is portable Go alone in this build.
func simdLevels() []simdLevel {
	return []simdLevel{{"go", func() func() { return func() {} }}}
}
