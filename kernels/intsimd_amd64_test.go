//go:build !purego

package kernels

import (
	"testing"
)

// vxHasLevel reports whether the integer kernels run at the SIMD level
// that simdLevels names (AVX-512 needs BW and VL besides what the float
// kernels need).
func vxHasLevel(level string) bool {
	switch level {
	case "avx512":
		return hasAVX512BWVL
	case "avx2":
		return true
	}
	return false
}

// Both tables hold both forms of every kernel the tests expect, and no
// kernel under another operation's or kind's name.
func TestVxTables(t *testing.T) {
	for _, tb := range []struct {
		name string
		t    vxTable
	}{{"avx512", vxAVX512}, {"avx2", vxAVX2}} {
		for op := vxOp(0); op < numVxOps; op++ {
			for kind := vxKind(0); kind < numVxKinds; kind++ {
				want := vxExpected(op, kind) || op == vxMul && tb.name == "avx512" && (kind == vkI64 || kind == vkU64)
				for form := 0; form < 2; form++ {
					k, ok := tb.t[vxKey{op, kind, form}]
					if ok != want || ok && k.f == nil {
						t.Errorf("%s: kernel of op %d on kind %d form %d: present %v, want %v", tb.name, op, kind, form, ok, want)
					}
					if ok && (tb.name == "avx512") != (k.whole == 0) {
						t.Errorf("%s: kernel of op %d on kind %d form %d: whole = %d", tb.name, op, kind, form, k.whole)
					}
				}
			}
		}
	}
}

// The 64-bit product runs at AVX-512 only with AVX-512DQ.
func TestVxMul64NeedsDQ(t *testing.T) {
	if !useAVX512 || !hasBMI2 || !hasAVX512BWVL {
		t.Skip("skipped: no AVX-512 kernels on this CPU")
	}
	defer func(dq bool) { vxHasDQ = dq }(vxHasDQ)
	vxHasDQ = false
	if vxLookup(vxMul, vkI64, 0).f != nil {
		t.Error("a 64-bit product kernel without AVX-512DQ")
	}
	if vxLookup(vxAdd, vkI64, 0).f == nil {
		t.Error("no 64-bit sum kernel")
	}
	vxHasDQ = true
	if vxLookup(vxMul, vkU64, 1).f == nil {
		t.Error("no 64-bit product kernel with AVX-512DQ")
	}
}
