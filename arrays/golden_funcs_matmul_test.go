package arrays

import "fmt"

// Golden functions of the group matmul (test/golden/gen_matmul.py).

func init() {
	goldenFuncs["Matmul"] = func(args []any, _ goldenKwargs) *Array {
		return Matmul(args[0].(*Array), args[1].(*Array))
	}
	goldenFuncs["Tensordot"] = func(args []any, kw goldenKwargs) *Array {
		var n int
		if err := goldenDecode(kw["axes"], &n); err == nil {
			return Tensordot(args[0].(*Array), args[1].(*Array), n)
		}
		var pair [][]int
		kw.get("axes", &pair)
		if len(pair) != 2 {
			panic(fmt.Sprintf("kwarg axes: %s", kw["axes"]))
		}
		return Tensordot(args[0].(*Array), args[1].(*Array), pair)
	}
	goldenFuncs["Vecdot"] = func(args []any, kw goldenKwargs) *Array {
		return Vecdot(args[0].(*Array), args[1].(*Array), kw.options()...)
	}
	// Most cases hold values whose products sum exactly (compared bit for
	// bit all the same); the "random" ones hold positive floats, whose sums
	// BLAS and NumPy's OpenBLAS round differently by the order of the
	// additions: each sum of k positive terms is within about k ULPs.
	tol := goldenTol{ulp64: 64, ulp32: 64, crel128: 1e-13, crel64: 2e-6}
	goldenTolerance["Matmul"] = tol
	goldenTolerance["Tensordot"] = tol
	goldenTolerance["Vecdot"] = tol
}
