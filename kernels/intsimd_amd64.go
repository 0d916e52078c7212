//go:build !purego

package kernels

import "golang.org/x/sys/cpu"

//go:generate sh -c "cd _asm/intsimd && go run . -out ../../intsimd_amd64.s -stubs ../../intsimd_stub_amd64.go -table ../../intsimd_table_amd64.go -pkg kernels"

// The AVX-512 kernels of intsimd_amd64.s use byte and word instructions
// (AVX-512BW), 256-bit masked moves (AVX-512VL) and BMI2 for their tail
// masks; 64-bit multiplication needs AVX-512DQ besides. useAVX2 and
// useAVX512 (trig_amd64.go) switch the levels off in tests.
var (
	hasAVX512BWVL = cpu.X86.HasAVX512BW && cpu.X86.HasAVX512VL
	vxHasDQ       = cpu.X86.HasAVX512DQ
)

// vxFlatAVX512 and vxFlatAVX2 are the tables vxAVX512 and vxAVX2
// (intsimd_table_amd64.go) as arrays, for a quick look-up.
var vxFlatAVX512, vxFlatAVX2 = flatten(vxAVX512), flatten(vxAVX2)

func flatten(t vxTable) *[numVxOps][numVxKinds][2]vxKernel {
	var a [numVxOps][numVxKinds][2]vxKernel
	for key, k := range t {
		a[key.op][key.kind][key.form] = k
	}
	return &a
}

// vxLookup returns the kernel of op on kind in form (0: two arrays, 1: an
// array and a scalar) of the widest level this CPU allows; its f is nil
// when there is none.
func vxLookup(op vxOp, kind vxKind, form int) vxKernel {
	if useAVX512 && hasBMI2 && hasAVX512BWVL {
		if op != vxMul || (kind != vkI64 && kind != vkU64) || vxHasDQ {
			return vxFlatAVX512[op][kind][form]
		}
	}
	if useAVX2 {
		return vxFlatAVX2[op][kind][form]
	}
	return vxKernel{}
}
