package arrays

import "fmt"

// Golden functions of the group shapes (test/golden/gen_shapes.py).

func init() {
	goldenFuncs["Ravel"] = func(args []any, _ goldenKwargs) *Array { return Ravel(args[0].(*Array)) }
	goldenFuncs["Atleast1d"] = goldenUnary(Atleast1d)
	goldenFuncs["Atleast2d"] = goldenUnary(Atleast2d)
	goldenFuncs["Atleast3d"] = goldenUnary(Atleast3d)
	goldenFuncs["Flip"] = func(args []any, kw goldenKwargs) *Array { return Flip(args[0].(*Array), kw.options()...) }
	goldenFuncs["Roll"] = func(args []any, kw goldenKwargs) *Array {
		return Roll(args[0].(*Array), goldenIntOrInts(kw, "shift"), kw.options()...)
	}
	goldenFuncs["Tile"] = func(args []any, kw goldenKwargs) *Array { return Tile(args[0].(*Array), kw.ints("reps")...) }
	goldenFuncs["Repeat"] = func(args []any, kw goldenKwargs) *Array {
		repeats := args[1]
		if repeats == nil {
			repeats = goldenIntOrInts(kw, "repeats")
		}
		return Repeat(args[0].(*Array), repeats, kw.options()...)
	}
	goldenFuncs["BroadcastShapes"] = func(_ []any, kw goldenKwargs) *Array {
		var shapes [][]int
		kw.get("shapes", &shapes)
		shp := BroadcastShapes(shapes...)
		out := make([]int64, len(shp))
		for i, d := range shp {
			out[i] = int64(d)
		}
		return FromSlice(out)
	}
	goldenFuncs["Moveaxis"] = func(args []any, kw goldenKwargs) *Array {
		return Moveaxis(args[0].(*Array), goldenIntOrInts(kw, "source"), goldenIntOrInts(kw, "destination"))
	}
	goldenFuncs["Swapaxes"] = func(args []any, kw goldenKwargs) *Array {
		return Swapaxes(args[0].(*Array), kw.int("axis1"), kw.int("axis2"))
	}
	goldenFuncs["Tril"] = func(args []any, kw goldenKwargs) *Array {
		if kw.has("k") {
			return Tril(args[0].(*Array), kw.int("k"))
		}
		return Tril(args[0].(*Array))
	}
	goldenFuncs["Triu"] = func(args []any, kw goldenKwargs) *Array {
		if kw.has("k") {
			return Triu(args[0].(*Array), kw.int("k"))
		}
		return Triu(args[0].(*Array))
	}
	goldenFuncs["Pad"] = func(args []any, kw goldenKwargs) *Array {
		var opts []Option
		if kw.has("mode") {
			opts = append(opts, PadMode(kw.str("mode")))
		}
		if kw.has("constant_values") {
			opts = append(opts, ConstantValues(goldenNestedKwarg(kw, "constant_values")))
		}
		if kw.has("end_values") {
			opts = append(opts, EndValues(goldenNestedKwarg(kw, "end_values")))
		}
		if kw.has("stat_length") {
			opts = append(opts, StatLength(goldenNestedKwarg(kw, "stat_length")))
		}
		if kw.has("reflect_type") {
			opts = append(opts, ReflectType(kw.str("reflect_type")))
		}
		return Pad(args[0].(*Array), goldenNestedKwarg(kw, "pad_width"), opts...)
	}

	goldenMultiFuncs["Split"] = func(args []any, kw goldenKwargs) []*Array {
		return Split(args[0].(*Array), goldenIntOrInts(kw, "sections"), kw.options()...)
	}
	goldenMultiFuncs["ArraySplit"] = func(args []any, kw goldenKwargs) []*Array {
		return ArraySplit(args[0].(*Array), goldenIntOrInts(kw, "sections"), kw.options()...)
	}
	goldenMultiFuncs["Unstack"] = func(args []any, kw goldenKwargs) []*Array {
		return Unstack(args[0].(*Array), kw.options()...)
	}
	goldenMultiFuncs["BroadcastArrays"] = func(args []any, _ goldenKwargs) []*Array {
		return BroadcastArrays(args[0].([]*Array)...)
	}
	goldenMultiFuncs["Meshgrid"] = func(args []any, kw goldenKwargs) []*Array {
		var opts []Option
		if kw.has("indexing") {
			opts = append(opts, Indexing(kw.str("indexing")))
		}
		return Meshgrid(args[0].([]*Array), opts...)
	}
}

// goldenIntOrInts reads a keyword argument that is an int (returned as int)
// or a list of ints (returned as []int).
func goldenIntOrInts(kw goldenKwargs, name string) any {
	var n int
	if err := goldenDecode(kw[name], &n); err == nil {
		return n
	}
	ns := []int{}
	kw.get(name, &ns)
	return ns
}

// goldenNestedKwarg reads a keyword argument made of numbers and nested
// lists as Go values: ints, float64s, complex128s and []any.
func goldenNestedKwarg(kw goldenKwargs, name string) any {
	var v any
	kw.get(name, &v)
	out, err := goldenToNested(v)
	if err != nil {
		panic(fmt.Sprintf("kwarg %s: %v", name, err))
	}
	return out
}
