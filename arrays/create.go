package arrays

import (
	"fmt"
	"math"
	"reflect"

	"workbench/arrays/dtype"
	"workbench/arrays/shape"
	"workbench/devices"
)

// Asarray makes an array from v: a Go number (a 0-d array), a slice or nested
// slices of any numeric type (rectangular), or an *Array. The dtype is
// inferred from the Go types (int becomes int64, float64 stays float64, mixed
// kinds promote as NumPy does) unless Dtype is given. The data is copied,
// except that an *Array already of the asked dtype and device is returned
// as it is.
func Asarray(v any, opts ...Option) *Array {
	c := configure(opts)
	if a, ok := v.(*Array); ok {
		if a == nil {
			panic(valueErr("asarray", "nil array"))
		}
		if c.dtype != dtype.Invalid {
			a = a.Astype(c.dtype)
		}
		if c.device != nil {
			a = a.To(c.device)
		}
		return a
	}
	out := fromGo(v, c.dtype)
	if c.device != nil {
		out = out.To(c.device)
	}
	return out
}

// fromGo builds a CPU array from a Go value by reflection.
func fromGo(v any, want DType) *Array {
	if v == nil {
		panic(valueErr("asarray", "cannot make an array from nil"))
	}
	rv := reflect.ValueOf(v)
	var shp []int
	var leafType DType
	leafDepth := -1
	if err := inspect(rv, 0, &shp, &leafType, &leafDepth, []int{}); err != nil {
		panic(err)
	}
	dt := want
	if dt == dtype.Invalid {
		dt = leafType
		if dt == dtype.Invalid {
			dt = Float64 // an empty list, as NumPy does
		}
	}
	out := alloc(nil, dt, shp)
	data := out.buf.(devices.HostBuffer).Data()
	// Fast path: a flat slice of the very element type.
	if rv.Kind() == reflect.Slice && devices.DTypeOf(v) == dt {
		reflect.Copy(reflect.ValueOf(data), rv)
		return out
	}
	i := 0
	var fill func(rv reflect.Value)
	fill = func(rv reflect.Value) {
		for rv.Kind() == reflect.Interface || rv.Kind() == reflect.Pointer {
			if a, ok := rv.Interface().(*Array); ok {
				flat := a.Astype(dt).hostData()
				n := devices.SliceLen(flat)
				reflect.Copy(reflect.ValueOf(data).Slice(i, i+n), reflect.ValueOf(flat))
				i += n
				return
			}
			rv = rv.Elem()
		}
		if rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array {
			for j := 0; j < rv.Len(); j++ {
				fill(rv.Index(j))
			}
			return
		}
		setHost("asarray", data, i, rv.Interface(), dt)
		i++
	}
	fill(rv)
	return out
}

// inspect walks a Go value, recording the shape (which must be rectangular)
// and the promoted dtype of its leaves.
func inspect(rv reflect.Value, depth int, shp *[]int, leaf *DType, leafDepth *int, path []int) error {
	for rv.Kind() == reflect.Interface || rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return valueErr("asarray", "nil at %v", fmtPath(path))
		}
		if a, ok := rv.Interface().(*Array); ok {
			return inspectArray(a, depth, shp, leaf, leafDepth, path)
		}
		rv = rv.Elem()
	}
	switch rv.Kind() {
	case reflect.Slice, reflect.Array:
		n := rv.Len()
		if *leafDepth >= 0 && depth >= *leafDepth {
			return valueErr("asarray", "ragged nested sequence: %v is a sequence where a number was expected", fmtPath(path))
		}
		if depth == len(*shp) {
			*shp = append(*shp, n)
		} else if depth > len(*shp) || (*shp)[depth] != n {
			return valueErr("asarray", "ragged nested sequence: %v has length %d, expected %d", fmtPath(path), n, (*shp)[depth])
		}
		if n == 0 {
			if *leaf == dtype.Invalid {
				*leaf = goElemDType(rv.Type())
			}
			return nil
		}
		for j := 0; j < n; j++ {
			if err := inspect(rv.Index(j), depth+1, shp, leaf, leafDepth, append(path, j)); err != nil {
				return err
			}
		}
		return nil
	}
	if depth != len(*shp) || (*leafDepth >= 0 && *leafDepth != depth) {
		return valueErr("asarray", "ragged nested sequence: %v is a number where a sequence was expected", fmtPath(path))
	}
	*leafDepth = depth
	d := goDType(rv.Interface())
	if d == dtype.Invalid {
		// Named types such as time.Duration: go by kind.
		d = kindDType(rv.Kind())
		if d == dtype.Invalid {
			return valueErr("asarray", "%v is a %s, not a number", fmtPath(path), rv.Type())
		}
	}
	return promoteLeaf(leaf, d)
}

func inspectArray(a *Array, depth int, shp *[]int, leaf *DType, leafDepth *int, path []int) error {
	if d := depth + len(a.shape); *leafDepth >= 0 && *leafDepth != d {
		return valueErr("asarray", "ragged nested sequence: the array at %v has shape %v", fmtPath(path), shape.Shape(a.shape))
	}
	*leafDepth = depth + len(a.shape)
	if len(*shp) == depth {
		*shp = append(*shp, a.shape...)
	} else if len(*shp) != depth+len(a.shape) || !shape.Shape((*shp)[depth:]).Equal(a.shape) {
		return valueErr("asarray", "ragged nested sequence: the array at %v has shape %v", fmtPath(path), shape.Shape(a.shape))
	}
	return promoteLeaf(leaf, a.dt)
}

func promoteLeaf(leaf *DType, d DType) error {
	if *leaf == dtype.Invalid {
		*leaf = d
		return nil
	}
	p, err := dtype.Promote(*leaf, d)
	if err != nil {
		return err
	}
	*leaf = p
	return nil
}

func fmtPath(path []int) string {
	if len(path) == 0 {
		return "the value"
	}
	s := "element "
	for _, p := range path {
		s += fmt.Sprintf("[%d]", p)
	}
	return s
}

func kindDType(k reflect.Kind) DType {
	switch k {
	case reflect.Bool:
		return Bool
	case reflect.Int, reflect.Int64:
		return Int64
	case reflect.Int8:
		return Int8
	case reflect.Int16:
		return Int16
	case reflect.Int32:
		return Int32
	case reflect.Uint, reflect.Uint64, reflect.Uintptr:
		return Uint64
	case reflect.Uint8:
		return Uint8
	case reflect.Uint16:
		return Uint16
	case reflect.Uint32:
		return Uint32
	case reflect.Float32:
		return Float32
	case reflect.Float64:
		return Float64
	case reflect.Complex64:
		return Complex64
	case reflect.Complex128:
		return Complex128
	}
	return dtype.Invalid
}

func goElemDType(t reflect.Type) DType {
	for t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return kindDType(t.Kind())
}

// parseDims splits the arguments of a creation function into a shape (ints,
// or []int) and options.
func parseDims(op string, args []any) ([]int, *config) {
	var shp []int
	var opts []Option
	for _, a := range args {
		switch v := a.(type) {
		case int:
			shp = append(shp, v)
		case int64:
			shp = append(shp, int(v))
		case int32:
			shp = append(shp, int(v))
		case []int:
			shp = append(shp, v...)
		case shape.Shape:
			shp = append(shp, v...)
		case Option:
			opts = append(opts, v)
		default:
			panic(valueErr(op, "want axis lengths (ints) and options, got %T", a))
		}
	}
	for _, d := range shp {
		if d < 0 {
			panic(shapeErr(op, "negative dimensions are not allowed", shp))
		}
	}
	return shp, configure(opts)
}

func (c *config) dtypeOr(d DType) DType {
	if c.dtype != dtype.Invalid {
		return c.dtype
	}
	return d
}

// Zeros returns an array of zeros. Arguments are the axis lengths, then
// options: Zeros(2, 3, arrays.Dtype(arrays.Float32)). The default dtype is
// float64.
func Zeros(dims ...any) *Array {
	shp, c := parseDims("zeros", dims)
	return alloc(c.device, c.dtypeOr(Float64), shp)
}

// Empty returns an array whose contents are not set (in Workbench, zeros).
func Empty(dims ...any) *Array {
	shp, c := parseDims("empty", dims)
	return alloc(c.device, c.dtypeOr(Float64), shp)
}

// Ones returns an array of ones, float64 unless Dtype is given.
func Ones(dims ...any) *Array {
	shp, c := parseDims("ones", dims)
	return allocOut(c.device, c.dtypeOr(Float64), shp).Assign(1)
}

// Full returns an array filled with value. Its dtype is value's (bool,
// int64, float64 or complex128 for untyped Go constants) unless Dtype is
// given.
func Full(value any, dims ...any) *Array {
	shp, c := parseDims("full", dims)
	dt := c.dtype
	if dt == dtype.Invalid {
		if a, ok := value.(*Array); ok {
			dt = a.dt
		} else {
			dt = goDType(value)
		}
		if dt == dtype.Invalid {
			panic(valueErr("full", "fill value %v (%T) is not a number", value, value))
		}
	}
	return allocOut(c.device, dt, shp).Assign(value)
}

func likeDims(x *Array, opts []Option) ([]int, *config) {
	c := configure(opts)
	if c.device == nil {
		c.device = x.Device()
	}
	if c.dtype == dtype.Invalid {
		c.dtype = x.dt
	}
	return x.shape, c
}

// ZerosLike returns zeros with x's shape, dtype and device.
func ZerosLike(x *Array, opts ...Option) *Array {
	shp, c := likeDims(x, opts)
	return alloc(c.device, c.dtype, shp)
}

// EmptyLike returns an array with x's shape, dtype and device (zeros).
func EmptyLike(x *Array, opts ...Option) *Array { return ZerosLike(x, opts...) }

// OnesLike returns ones with x's shape, dtype and device.
func OnesLike(x *Array, opts ...Option) *Array { return ZerosLike(x, opts...).Assign(1) }

// FullLike returns an array with x's shape, dtype and device, filled with value.
func FullLike(x *Array, value any, opts ...Option) *Array {
	return ZerosLike(x, opts...).Assign(value)
}

// Arange returns evenly spaced values in [start, stop): Arange(stop),
// Arange(start, stop) or Arange(start, stop, step), then options. The dtype
// is int64 when all the numbers are integers, float64 otherwise.
func Arange(args ...any) *Array {
	var nums []any
	var opts []Option
	for _, a := range args {
		if o, ok := a.(Option); ok {
			opts = append(opts, o)
			continue
		}
		if scalarKind(a) == 0 || scalarKind(a) == dtype.ScalarBool || scalarKind(a) == dtype.ScalarComplex {
			panic(valueErr("arange", "want real numbers and options, got %T", a))
		}
		nums = append(nums, a)
	}
	c := configure(opts)
	allInt := true
	vals := make([]float64, len(nums))
	for i, n := range nums {
		if scalarKind(n) != dtype.ScalarInt {
			allInt = false
		}
		vals[i] = reflect.ValueOf(n).Convert(reflect.TypeOf(0.0)).Float()
	}
	start, stop, step := 0.0, 0.0, 1.0
	switch len(vals) {
	case 1:
		stop = vals[0]
	case 2:
		start, stop = vals[0], vals[1]
	case 3:
		start, stop, step = vals[0], vals[1], vals[2]
	default:
		panic(valueErr("arange", "want 1 to 3 numbers (stop; start, stop; start, stop, step), got %d", len(vals)))
	}
	if step == 0 {
		panic(valueErr("arange", "step must not be zero"))
	}
	n := int(math.Ceil((stop - start) / step))
	if n < 0 || math.IsNaN((stop-start)/step) {
		n = 0
	}
	dt := c.dtypeOr(Float64)
	if c.dtype == dtype.Invalid && allInt {
		dt = Int64
	}
	if allInt {
		s, st := reflectInt(nums, len(vals))
		data := make([]int64, n)
		for i := range data {
			data[i] = s + int64(i)*st
		}
		return FromSlice(data).Astype(dt).onDevice(c.device)
	}
	// NumPy fills start + i*delta with delta = (start + step) - start, which
	// is not always step.
	delta := (start + step) - start
	data := make([]float64, n)
	for i := range data {
		data[i] = start + float64(i)*delta
	}
	return FromSlice(data).Astype(dt).onDevice(c.device)
}

func reflectInt(nums []any, n int) (start, step int64) {
	get := func(i int) int64 { return reflect.ValueOf(nums[i]).Convert(reflect.TypeOf(int64(0))).Int() }
	step = 1
	switch n {
	case 2:
		start = get(0)
	case 3:
		start, step = get(0), get(2)
	}
	return start, step
}

func (a *Array) onDevice(d devices.Device) *Array {
	if d == nil {
		return a
	}
	return a.To(d)
}

// Linspace returns num evenly spaced values from start to stop, including
// stop unless Endpoint(false) is given. The dtype is float64 unless Dtype
// is given.
func Linspace(start, stop float64, num int, opts ...Option) *Array {
	c := configure(opts)
	if num < 0 {
		panic(valueErr("linspace", "number of samples, %d, must be non-negative", num))
	}
	div := num
	if c.endpoint {
		div = num - 1
	}
	delta := stop - start
	data := make([]float64, num)
	if div > 0 {
		step := delta / float64(div)
		for i := range data {
			if step == 0 {
				data[i] = float64(i)/float64(div)*delta + start
			} else {
				data[i] = float64(i)*step + start
			}
		}
	} else {
		for i := range data {
			data[i] = float64(i)*delta + start
		}
	}
	if c.endpoint && num > 1 {
		data[num-1] = stop
	}
	return FromSlice(data).Astype(c.dtypeOr(Float64)).onDevice(c.device)
}

// Eye returns a 2-d array with ones on a diagonal and zeros elsewhere:
// Eye(n), Eye(n, m) or Eye(n, m, k) where k selects the diagonal (positive
// above the main one), then options. The default dtype is float64.
func Eye(n int, args ...any) *Array {
	var ints []int
	var opts []Option
	for _, a := range args {
		switch v := a.(type) {
		case int:
			ints = append(ints, v)
		case Option:
			opts = append(opts, v)
		default:
			panic(valueErr("eye", "want ints (columns, diagonal) and options, got %T", a))
		}
	}
	m, k := n, 0
	if len(ints) > 0 {
		m = ints[0]
	}
	if len(ints) > 1 {
		k = ints[1]
	}
	if len(ints) > 2 {
		panic(valueErr("eye", "want at most rows, columns and diagonal, got %d ints", 1+len(ints)))
	}
	c := configure(opts)
	if n < 0 || m < 0 {
		panic(shapeErr("eye", "negative dimensions are not allowed", []int{n, m}))
	}
	data := make([]float64, n*m)
	for i := 0; i < n; i++ {
		if j := i + k; j >= 0 && j < m {
			data[i*m+j] = 1
		}
	}
	return FromSlice(data, n, m).Astype(c.dtypeOr(Float64)).onDevice(c.device)
}
