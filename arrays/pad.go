package arrays

import (
	"fmt"
	"reflect"
	"slices"
)

// Pad returns x with elements added before and after each axis (NumPy's
// pad). padWidth gives how many: an int for every side of every axis, a
// pair {before, after} for every axis ([2]int or []int), or a pair per axis
// ([][2]int or [][]int, one row per axis). Widths must not be negative.
//
// PadMode chooses the values of the new elements: "constant" (the default,
// ConstantValues, 0 unless given), "edge", "reflect", "symmetric", "wrap",
// "linear_ramp" (EndValues), "maximum", "minimum", "mean", "median"
// (StatLength) or "empty"; ReflectType("odd") changes "reflect" and
// "symmetric". The axes are padded one after another, the first first, so
// that the corners take values from the axes padded before them, as in
// NumPy. The result is a new array of x's dtype; for integer arrays the
// statistics "mean" and "median" are rounded to the nearest integer (ties
// to even).
func Pad(x *Array, padWidth any, opts ...Option) *Array {
	c := configure(opts)
	mode := c.padMode
	if mode == "" {
		mode = "constant"
	}
	allowed := map[string]string{
		"constant": "ConstantValues", "edge": "", "wrap": "", "empty": "",
		"linear_ramp": "EndValues", "maximum": "StatLength", "minimum": "StatLength",
		"mean": "StatLength", "median": "StatLength", "reflect": "ReflectType", "symmetric": "ReflectType",
	}
	modeOpt, known := allowed[mode]
	if !known {
		panic(valueErr("pad", "mode %q is not supported (want constant, edge, reflect, symmetric, wrap, linear_ramp, maximum, minimum, mean, median or empty)", mode))
	}
	for _, o := range []struct {
		name string
		set  bool
	}{{"ConstantValues", c.hasConstant}, {"EndValues", c.hasEndValues},
		{"StatLength", c.hasStatLength}, {"ReflectType", c.reflectType != ""}} {
		if o.set && o.name != modeOpt {
			panic(valueErr("pad", "option %s does not apply to mode %q", o.name, mode))
		}
	}
	reflectOdd := false
	switch c.reflectType {
	case "", "even":
	case "odd":
		reflectOdd = true
	default:
		panic(valueErr("pad", "reflect type must be \"even\" or \"odd\", got %q", c.reflectType))
	}

	nd := len(x.shape)
	widths := padIndexPairs("pad width", padWidth, nd)
	shp := make([]int, nd)
	for i, d := range x.shape {
		shp[i] = widths[i][0] + d + widths[i][1]
	}
	padded := alloc(x.Device(), x.dt, shp)
	center := padded
	for ax := range x.shape {
		center = axisView(center, ax, widths[ax][0], x.shape[ax], 1)
	}
	if x.Size() > 0 {
		padCopy(center, x)
	}
	// roi is the part of padded that holds values when axis is padded:
	// whole along the axes up to axis, the original area beyond.
	roi := func(axis int) *Array {
		v := padded
		for a := axis + 1; a < nd; a++ {
			v = axisView(v, a, widths[a][0], x.shape[a], 1)
		}
		return v
	}

	switch {
	case mode == "constant":
		values := [][2]any{}
		if c.hasConstant {
			values = padPairs("constant values", c.constantValues, nd)
		} else {
			for range nd {
				values = append(values, [2]any{0, 0})
			}
		}
		for ax := range nd {
			r := roi(ax)
			padSides(r, ax, widths[ax], values[ax][0], values[ax][1])
		}
		return padded
	case mode == "empty":
		return padded
	case x.Size() == 0:
		for ax, d := range x.shape {
			if d == 0 && (widths[ax][0] > 0 || widths[ax][1] > 0) {
				panic(shapeErr("pad", fmt.Sprintf("cannot extend the empty axis %d with mode %q (only \"constant\" and \"empty\" can); shape", ax, mode), x.shape))
			}
		}
		return padded
	}

	switch mode {
	case "edge":
		for ax := range nd {
			r := roi(ax)
			left, right := padEdges(r, ax, widths[ax])
			padSides(r, ax, widths[ax], left, right)
		}
	case "linear_ramp":
		ends := [][2]any{}
		if c.hasEndValues {
			ends = padPairs("end values", c.endValues, nd)
		} else {
			for range nd {
				ends = append(ends, [2]any{0, 0})
			}
		}
		for ax := range nd {
			r := roi(ax)
			left, right := padEdges(r, ax, widths[ax])
			lr := linearRamp(r, ax, left, ends[ax][0], widths[ax][0])
			rr := Flip(linearRamp(r, ax, right, ends[ax][1], widths[ax][1]), Axis(ax))
			padSides(r, ax, widths[ax], lr, rr)
		}
	case "maximum", "minimum", "mean", "median":
		lengths := make([][2]int, nd)
		for i := range lengths {
			lengths[i] = [2]int{-1, -1}
		}
		if c.hasStatLength {
			lengths = padIndexPairs("stat length", c.statLength, nd)
		}
		for ax := range nd {
			r := roi(ax)
			left, right := padStats(r, ax, widths[ax], lengths[ax], mode)
			padSides(r, ax, widths[ax], left, right)
		}
	case "reflect", "symmetric":
		withEdge := mode == "symmetric"
		for ax := range nd {
			lp, rp := widths[ax][0], widths[ax][1]
			r := roi(ax)
			if x.shape[ax] == 1 && (lp > 0 || rp > 0) {
				// NumPy's legacy: a singleton axis extends with its value.
				left, right := padEdges(r, ax, widths[ax])
				padSides(r, ax, widths[ax], left, right)
				continue
			}
			for lp > 0 || rp > 0 {
				lp, rp = reflectBoth(r, ax, lp, rp, reflectOdd, withEdge)
			}
		}
	case "wrap":
		for ax := range nd {
			lp, rp := widths[ax][0], widths[ax][1]
			r := roi(ax)
			for lp > 0 || rp > 0 {
				lp, rp = wrapBoth(r, ax, lp, rp)
			}
		}
	}
	return padded
}

// padSides sets the first w[0] and the last w[1] elements of r along axis
// to left and right: arrays (broadcast) or Go numbers.
func padSides(r *Array, axis int, w [2]int, left, right any) {
	n := r.shape[axis]
	for side, v := range []any{left, right} {
		start, count := 0, w[0]
		if side == 1 {
			start, count = n-w[1], w[1]
		}
		dst := axisView(r, axis, start, count, 1)
		if a, ok := v.(*Array); ok {
			if dst.Size() > 0 {
				padCopy(dst, a)
			}
			continue
		}
		dst.Assign(v)
	}
}

// padEdges returns views of the first and the last element of r's
// original area along axis (axis length 1).
func padEdges(r *Array, axis int, w [2]int) (left, right *Array) {
	n := r.shape[axis]
	return axisView(r, axis, w[0], 1, 1), axisView(r, axis, n-w[1]-1, 1, 1)
}

// linearRamp returns NumPy's linspace(end, edge, num, endpoint=False) along
// axis, in the dtype NumPy computes it in (float64 for integers and bools,
// the dtype itself for floats and complex numbers), floored for integer
// arrays.
func linearRamp(r *Array, axis int, edge *Array, end any, num int) *Array {
	dt := meanDType(r.dt)
	stop := edge.Astype(dt)
	start := operandFor("pad", end, stop)
	if start.dt != dt {
		start = start.Astype(dt)
	}
	shp := slices.Repeat([]int{1}, len(r.shape))
	shp[axis] = num
	i := Arange(num).Astype(dt).Reshape(shp...).onDevice(r.Device())
	if num == 0 {
		return i
	}
	delta := Subtract(stop, start)
	step := Divide(delta, num)
	var y *Array
	if Any(Equal(step, 0)).Bool() {
		// NumPy's special case for steps that underflow to zero.
		y = Multiply(Divide(i, num), delta)
	} else {
		y = Multiply(i, step)
	}
	y = Add(y, start)
	if r.dt.IsInteger() {
		y = Floor(y)
	}
	return y
}

// padStats returns the statistic of mode over the elements of r's original
// area along axis nearest each side (lengths -1: all of them).
func padStats(r *Array, axis int, w, lengths [2]int, mode string) (left, right *Array) {
	lo, hi := w[0], r.shape[axis]-w[1]
	most := hi - lo
	ll, rl := lengths[0], lengths[1]
	if ll < 0 || ll > most {
		ll = most
	}
	if rl < 0 || rl > most {
		rl = most
	}
	if (ll == 0 || rl == 0) && (mode == "maximum" || mode == "minimum") {
		panic(valueErr("pad", "a stat length of 0 yields no value for mode %q", mode))
	}
	stat := func(chunk *Array) *Array {
		var s *Array
		switch mode {
		case "maximum":
			s = Max(chunk, Axis(axis), Keepdims())
		case "minimum":
			s = Min(chunk, Axis(axis), Keepdims())
		case "mean":
			s = Mean(chunk, Axis(axis), Keepdims())
		default:
			s = Median(chunk, Axis(axis), Keepdims())
		}
		if r.dt.IsInteger() {
			s = Round(s)
		}
		return s
	}
	left = stat(axisView(r, axis, lo, ll, 1))
	if ll == most && rl == most {
		return left, left
	}
	return left, stat(axisView(r, axis, hi-rl, rl, 1))
}

// reflectBoth is one round of NumPy's _set_reflect_both: it fills at most
// as many elements on each side as the filled area can mirror, and returns
// the widths still to fill.
func reflectBoth(r *Array, axis, lp, rp int, odd, withEdge bool) (int, int) {
	n := r.shape[axis]
	old := n - lp - rp
	edgeOff := 0
	if withEdge {
		edgeOff = 1
	} else {
		old--
	}
	if lp > 0 {
		k := min(old, lp)
		stop := lp - edgeOff
		chunk := axisView(r, axis, stop+k, k, -1)
		if odd {
			edge := axisView(r, axis, lp, 1, 1)
			chunk = Subtract(Multiply(edge, 2), chunk)
		}
		padCopy(axisView(r, axis, lp-k, k, 1), chunk)
		lp -= k
	}
	if rp > 0 {
		k := min(old, rp)
		first := n - rp + edgeOff - 2
		chunk := axisView(r, axis, first, k, -1)
		if odd {
			edge := axisView(r, axis, n-rp-1, 1, 1)
			chunk = Subtract(Multiply(edge, 2), chunk)
		}
		padCopy(axisView(r, axis, n-rp, k, 1), chunk)
		rp -= k
	}
	return lp, rp
}

// wrapBoth is one round of NumPy's _set_wrap_both.
func wrapBoth(r *Array, axis, lp, rp int) (int, int) {
	n := r.shape[axis]
	period := n - rp - lp
	newL, newR := 0, 0
	if lp > 0 {
		k := min(period, lp)
		chunk := axisView(r, axis, n-rp-k, k, 1)
		if lp > period {
			padCopy(axisView(r, axis, lp-period, period, 1), chunk)
			newL = lp - period
		} else {
			padCopy(axisView(r, axis, 0, lp, 1), chunk)
		}
	}
	if rp > 0 {
		k := min(period, rp)
		chunk := axisView(r, axis, lp, k, 1)
		if rp > period {
			padCopy(axisView(r, axis, n-rp, period, 1), chunk)
			newR = rp - period
		} else {
			padCopy(axisView(r, axis, n-rp, rp, 1), chunk)
		}
	}
	return newL, newR
}

// padPairs reads v as NumPy's _as_pairs does: one value for every side of
// every axis, a pair (before, after) for every axis, or one pair (or one
// value) per axis.
func padPairs(what string, v any, ndim int) [][2]any {
	shp, vals := nestedValues(what, v)
	out := make([][2]any, ndim)
	fill := func(a, b any) [][2]any {
		for i := range out {
			out[i] = [2]any{a, b}
		}
		return out
	}
	if len(shp) < 3 {
		if len(vals) == 1 {
			return fill(vals[0], vals[0])
		}
		if len(vals) == 2 && !(len(shp) == 2 && shp[0] == 2 && shp[1] == 1) {
			return fill(vals[0], vals[1])
		}
	}
	// Broadcast to (ndim, 2).
	rows, cols := 1, 1
	switch len(shp) {
	case 1:
		cols = shp[0]
	case 2:
		rows, cols = shp[0], shp[1]
	}
	if len(shp) > 2 || (rows != 1 && rows != ndim) || (cols != 1 && cols != 2) {
		panic(valueErr("pad", "%s of shape %v cannot be read as one pair per axis of a %d-d array", what, shp, ndim))
	}
	for i := range out {
		r := 0
		if rows > 1 {
			r = i
		}
		out[i] = [2]any{vals[r*cols], vals[r*cols+cols-1]}
	}
	return out
}

// padIndexPairs is padPairs for non-negative integers.
func padIndexPairs(what string, v any, ndim int) [][2]int {
	pairs := padPairs(what, v, ndim)
	out := make([][2]int, ndim)
	for i, p := range pairs {
		for j := range 2 {
			rv := reflect.ValueOf(p[j])
			switch rv.Kind() {
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
				out[i][j] = int(rv.Int())
			case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
				out[i][j] = int(rv.Uint())
			default:
				panic(valueErr("pad", "%s must be integers, got %T", what, p[j]))
			}
			if out[i][j] < 0 {
				panic(valueErr("pad", "%s cannot be negative, got %v", what, v))
			}
		}
	}
	return out
}

// nestedValues flattens a Go number, a (nested) slice or array of Go
// numbers, or an *Array into its shape and its values in C order.
func nestedValues(what string, v any) (shp []int, vals []any) {
	if a, ok := v.(*Array); ok && a != nil {
		data := reflect.ValueOf(a.Data())
		vals = make([]any, data.Len())
		for i := range vals {
			vals[i] = data.Index(i).Interface()
		}
		return a.Shape(), vals
	}
	if scalarKind(v) != 0 {
		return []int{}, []any{v}
	}
	rv := reflect.ValueOf(v)
	if !rv.IsValid() || (rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array) {
		panic(valueErr("pad", "%s: want a Go number or (nested) slices of them, got %T", what, v))
	}
	n := rv.Len()
	var inner []int
	for i := range n {
		s, vs := nestedValues(what, rv.Index(i).Interface())
		if i == 0 {
			inner = s
		} else if !slices.Equal(s, inner) {
			panic(valueErr("pad", "%s: ragged nesting %v", what, v))
		}
		vals = append(vals, vs...)
	}
	return append([]int{n}, inner...), vals
}

// padCopy copies src (broadcast) into dst, converting it to dst's dtype
// first with Astype, which falls back to the CPU, with a notice, on a
// device that cannot convert (as copyInto, a device copy, would not).
func padCopy(dst, src *Array) {
	if src.dt != dst.dt {
		src = src.To(dst.Device()).Astype(dst.dt)
	}
	copyInto("pad", dst, src)
}
