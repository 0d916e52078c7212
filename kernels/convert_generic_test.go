//go:build !amd64 || purego

package kernels

import "testing"

// forConvLevels runs f in portable Go, the only level of this build.
func forConvLevels(t *testing.T, f func(t *testing.T)) {
	for _, lv := range simdLevels() {
		t.Run(lv.name, func(t *testing.T) {
			defer lv.set()()
			f(t)
		})
	}
}
