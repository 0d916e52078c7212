package arrays

import "strings"

// Golden functions of the group advanced_indexing (test/golden/gen_advanced.py).

// goldenIndexTemplate builds an index from a template such as "@, 1:, @",
// each "@" standing for the next of arrays.
func goldenIndexTemplate(template string, arrays []any) []any {
	var idx []any
	k := 0
	for _, part := range splitTopLevel(template) {
		if p := strings.TrimSpace(part); p == "@" {
			idx = append(idx, arrays[k])
			k++
		} else {
			idx = append(idx, p)
		}
	}
	if k != len(arrays) {
		panic("golden: the template " + template + " does not use every array")
	}
	return idx
}

// goldenIndexOptions adds the mode of Take and Put to the standard options.
func goldenIndexOptions(kw goldenKwargs) []Option {
	opts := kw.options()
	if kw.has("mode") {
		opts = append(opts, IndexMode(kw.str("mode")))
	}
	return opts
}

func init() {
	goldenFuncs["IndexArrays"] = func(args []any, kw goldenKwargs) *Array {
		return args[0].(*Array).Index(goldenIndexTemplate(kw.str("index"), args[1:])...)
	}
	goldenFuncs["SetIndexArrays"] = func(args []any, kw goldenKwargs) *Array {
		return args[0].(*Array).SetIndex(args[1], goldenIndexTemplate(kw.str("index"), args[2:])...)
	}
	goldenFuncs["Take"] = func(args []any, kw goldenKwargs) *Array {
		return Take(args[0].(*Array), args[1], goldenIndexOptions(kw)...)
	}
	goldenFuncs["TakeAlongAxis"] = func(args []any, kw goldenKwargs) *Array {
		return TakeAlongAxis(args[0].(*Array), args[1].(*Array), kw.int("axis"))
	}
	goldenFuncs["Put"] = func(args []any, kw goldenKwargs) *Array {
		return Put(args[0].(*Array), args[1], args[2], goldenIndexOptions(kw)...)
	}
	goldenFuncs["Compress"] = func(args []any, kw goldenKwargs) *Array {
		return Compress(args[0], args[1].(*Array), kw.options()...)
	}
	goldenFuncs["Extract"] = func(args []any, kw goldenKwargs) *Array {
		return Extract(args[0], args[1].(*Array))
	}
}
