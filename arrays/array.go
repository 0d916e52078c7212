package arrays

import (
	"fmt"
	"math"
	"runtime"
	"sort"

	"workbench/arrays/internal/adopt"
	"workbench/arrays/shape"
	"workbench/devices"
)

// Array is an n-dimensional array: a dtype, a shape, and a strided view of a
// buffer owned by a device. Arrays made by slicing, transposing, reshaping
// contiguous data and broadcasting share their buffer with the original.
type Array struct {
	dt      DType
	shape   []int
	strides []int // in elements
	offset  int   // index of the element at the origin
	buf     devices.Buffer
}

// alloc returns a new C-contiguous array, zeroed.
func alloc(dev devices.Device, dt DType, shp []int) *Array {
	if !dt.Valid() {
		panic(dtypeErr("alloc", "no arrays of this dtype yet", dt))
	}
	for _, d := range shp {
		if d < 0 {
			panic(shapeErr("alloc", "negative dimensions are not allowed", shp))
		}
	}
	if dev == nil {
		dev = devices.CPU()
	}
	n := shape.Shape(shp).Size()
	noteUse(dev)
	buf, err := dev.Alloc(dt, n)
	check("alloc", err)
	return &Array{dt: dt, shape: append([]int{}, shp...), strides: shape.ContiguousStrides(shp), buf: buf}
}

// allocOut returns a new C-contiguous array whose contents are not set, for
// a result that the caller overwrites whole.
func allocOut(dev devices.Device, dt DType, shp []int) *Array {
	if dev == nil {
		dev = devices.CPU()
	}
	u, ok := dev.(devices.UninitAllocator)
	if !ok || !dt.Valid() {
		return alloc(dev, dt, shp)
	}
	for _, d := range shp {
		if d < 0 {
			panic(shapeErr("alloc", "negative dimensions are not allowed", shp))
		}
	}
	noteUse(dev)
	buf, err := u.AllocUninit(dt, shape.Shape(shp).Size())
	check("alloc", err)
	return &Array{dt: dt, shape: append([]int{}, shp...), strides: shape.ContiguousStrides(shp), buf: buf}
}

// memoryOrder returns the order of a's axes, slowest first, in which its
// elements lie in memory without gaps, when that is not C order (a
// transposed contiguous array, say); otherwise nil.
func (a *Array) memoryOrder() []int {
	if a.IsContiguous() || len(a.shape) < 2 {
		return nil
	}
	perm := make([]int, len(a.shape))
	for i := range perm {
		perm[i] = i
	}
	key := func(ax int) int {
		if a.shape[ax] <= 1 {
			return math.MaxInt // anywhere will do; put them first
		}
		return a.strides[ax]
	}
	sort.SliceStable(perm, func(i, j int) bool { return key(perm[i]) > key(perm[j]) })
	want := 1
	for i := len(perm) - 1; i >= 0; i-- {
		ax := perm[i]
		if a.shape[ax] <= 1 {
			continue
		}
		if a.strides[ax] != want {
			return nil
		}
		want *= a.shape[ax]
	}
	return perm
}

// allocOutLike is allocOut for a result of like's shape, laid out in memory
// as like is (NumPy's order "K"), so that element-wise work on a transposed
// array reads and writes memory in order. It falls back to C order.
func allocOutLike(dev devices.Device, dt DType, shp []int, like *Array) *Array {
	if like == nil || !shape.Shape(like.shape).Equal(shp) {
		return allocOut(dev, dt, shp)
	}
	perm := like.memoryOrder()
	if perm == nil {
		return allocOut(dev, dt, shp)
	}
	pshape := make([]int, len(perm))
	for i, ax := range perm {
		pshape[i] = shp[ax]
	}
	out := allocOut(dev, dt, pshape)
	inv := make([]int, len(perm))
	for i, ax := range perm {
		inv[ax] = i
	}
	return PermuteDims(out, inv...)
}

// FromSlice returns an array that uses data, a typed Go slice such as
// []float64 or []int64, as its buffer without copying, viewed with the
// given shape (default: one axis as long as data). Changes through the array
// show in data and the other way round.
func FromSlice(data any, shp ...int) *Array {
	buf, err := devices.WrapHost(data)
	if err != nil {
		panic(valueErr("from_slice", "%v", err))
	}
	if len(shp) == 0 {
		shp = []int{buf.Len()}
	}
	if n := shape.Shape(shp).Size(); n != buf.Len() {
		panic(shapeErr("from_slice", fmt.Sprintf("cannot view %d elements as", buf.Len()), shp))
	}
	return &Array{dt: buf.DType(), shape: append([]int{}, shp...), strides: shape.ContiguousStrides(shp), buf: buf}
}

func init() {
	adopt.Adopt = func(data any, shp []int) any {
		buf, err := devices.WrapPooled(data)
		if err != nil {
			panic(valueErr("adopt", "%v", err))
		}
		if n := shape.Shape(shp).Size(); n != buf.Len() {
			panic(shapeErr("adopt", fmt.Sprintf("cannot view %d elements as", buf.Len()), shp))
		}
		return &Array{dt: buf.DType(), shape: append([]int{}, shp...), strides: shape.ContiguousStrides(shp), buf: buf}
	}
}

func (a *Array) view() devices.View {
	return devices.View{Buf: a.buf, Shape: a.shape, Strides: a.strides, Offset: a.offset}
}

// withView returns an array sharing a's buffer with a new shape, strides
// and offset.
func (a *Array) withView(shp, strides []int, offset int) *Array {
	return &Array{dt: a.dt, shape: shp, strides: strides, offset: offset, buf: a.buf}
}

// DType is the element type.
func (a *Array) DType() DType { return a.dt }

// Shape is the length of each axis (a copy).
func (a *Array) Shape() []int { return append([]int{}, a.shape...) }

// Ndim is the number of axes.
func (a *Array) Ndim() int { return len(a.shape) }

// Size is the number of elements.
func (a *Array) Size() int { return shape.Shape(a.shape).Size() }

// Strides are the steps between elements along each axis, in elements (a
// copy). NumPy's strides are these times the item size.
func (a *Array) Strides() []int { return append([]int{}, a.strides...) }

// Device is the device whose memory holds the array.
func (a *Array) Device() devices.Device { return a.buf.Device() }

// IsContiguous reports whether the elements lie in C order with no gaps.
func (a *Array) IsContiguous() bool {
	want := 1
	for i := len(a.shape) - 1; i >= 0; i-- {
		if a.shape[i] == 1 {
			continue
		}
		if a.shape[i] == 0 {
			return true
		}
		if a.strides[i] != want {
			return false
		}
		want *= a.shape[i]
	}
	return true
}

// sharesBuffer reports whether a and b are views of the same buffer.
func (a *Array) sharesBuffer(b *Array) bool { return a.buf == b.buf }

// To returns the array on device d: a itself when it is there already,
// otherwise a C-contiguous copy in d's memory. It moves data both ways:
// x.To(devices.GPU()) to the GPU, x.To(devices.CPU()) back.
//
// It panics with a *DeviceError when d is nil, as devices.GPU() is on a
// machine without a GPU: the error says why there is none (see
// devices.GPUAbsence; devices.GPU() and devices.List() let code check
// first). Operations on arrays of two different devices are a
// *DeviceError too. Operations that a device does not implement run on
// the CPU on a copy of the operands, after a notice (see SetNotice), and
// their result is moved back to the device.
func (a *Array) To(d devices.Device) *Array {
	if d == nil {
		panic(absentDevice())
	}
	if d == a.Device() {
		return a
	}
	noteUse(d)
	noteUse(a.Device())
	host := a.hostData()
	buf, err := d.FromHost(host)
	if err != nil {
		panic(&DeviceError{Op: "to", Msg: fmt.Sprintf("cannot move %v data to %s", a.dt, d.Name()), Err: err})
	}
	return &Array{dt: a.dt, shape: a.Shape(), strides: shape.ContiguousStrides(a.shape), buf: buf}
}

// hostData returns the elements in C order as a new typed Go slice.
func (a *Array) hostData() any {
	// Recycled memory when there is some: a fresh page costs a fault.
	out, err := devices.HostSlice(a.dt, a.Size())
	check("to_host", err)
	check("to_host", a.Device().ToHost(a.view(), out))
	return out
}

// hostView returns a typed Go slice that the CPU can read a's elements from
// (with a's strides and offset), copying only when the buffer is not in host
// memory, and the offset and strides to use.
func (a *Array) hostView() (data any, offset int, strides []int) {
	if hb, ok := a.buf.(devices.HostBuffer); ok {
		return hb.Data(), a.offset, a.strides
	}
	return a.hostData(), 0, shape.ContiguousStrides(a.shape)
}

// Data returns a copy of the elements in C order as a typed Go slice
// ([]float64 for Float64, []bool for Bool, ...).
func (a *Array) Data() any { return a.hostData() }

// Float64s returns a copy of the elements in C order converted to float64
// (complex numbers lose their imaginary part).
func (a *Array) Float64s() []float64 { return a.converted(Float64).([]float64) }

// Int64s returns a copy of the elements in C order converted to int64.
func (a *Array) Int64s() []int64 { return a.converted(Int64).([]int64) }

// Complex128s returns a copy of the elements in C order as complex128.
func (a *Array) Complex128s() []complex128 {
	return a.converted(Complex128).([]complex128)
}

// Bools returns a copy of the elements in C order as bools (non-zero is true).
func (a *Array) Bools() []bool { return a.converted(Bool).([]bool) }

// converted returns a copy of the elements in C order as dtype dt: one
// copy when a already has that dtype (Astype would copy once more).
func (a *Array) converted(dt DType) any {
	if a.dt == dt {
		return a.hostData()
	}
	return a.Astype(dt).hostData()
}

// Item returns the only element of a size-1 array as a Go value of the
// matching type (float64 for Float64, int8 for Int8, ...).
func (a *Array) Item() any {
	if a.Size() != 1 {
		panic(shapeErr("item", "only size-1 arrays have an item; this one has shape", a.shape))
	}
	data, off, _ := a.hostView()
	v := elementAt(data, off)
	runtime.KeepAlive(a)
	return v
}

// Float returns the only element of a size-1 array as a float64.
func (a *Array) Float() float64 {
	if a.dt.IsComplex() {
		panic(dtypeErr("float", "a complex array has no float value; use Complex or Real", a.dt))
	}
	return a.scalarArray("float").Astype(Float64).Item().(float64)
}

// Int returns the only element of a size-1 array as an int.
func (a *Array) Int() int {
	if a.dt.IsInexact() {
		panic(dtypeErr("int", "use Float for arrays of", a.dt))
	}
	return int(a.scalarArray("int").Astype(Int64).Item().(int64))
}

// Complex returns the only element of a size-1 array as a complex128.
func (a *Array) Complex() complex128 {
	return a.scalarArray("complex").Astype(Complex128).Item().(complex128)
}

// Bool returns the truth of the only element of a size-1 array.
func (a *Array) Bool() bool { return a.scalarArray("bool").Astype(Bool).Item().(bool) }

func (a *Array) scalarArray(op string) *Array {
	if a.Size() != 1 {
		panic(shapeErr(op, "only size-1 arrays convert to Go numbers; this one has shape", a.shape))
	}
	return a
}

func elementAt(data any, i int) any {
	switch s := data.(type) {
	case []bool:
		return s[i]
	case []int8:
		return s[i]
	case []int16:
		return s[i]
	case []int32:
		return s[i]
	case []int64:
		return s[i]
	case []uint8:
		return s[i]
	case []uint16:
		return s[i]
	case []uint32:
		return s[i]
	case []uint64:
		return s[i]
	case []float32:
		return s[i]
	case []float64:
		return s[i]
	case []complex64:
		return s[i]
	case []complex128:
		return s[i]
	}
	return nil
}

// Astype returns a copy of a converted to dtype dt, or a itself when it has
// that dtype already. Conversion is NumPy's unsafe casting: integers wrap,
// floats truncate toward zero, complex numbers drop their imaginary part.
func (a *Array) Astype(dt DType) *Array {
	if dt == a.dt {
		return a
	}
	dev := a.Device()
	out := allocOutLike(dev, dt, a.shape, a)
	if err := tryDevice("astype", dev, func() error { return dev.Copy(out.view(), a.view()) }); err != nil {
		ranOnCPU("Astype", dev, fmt.Sprintf("conversion from %v to %v", a.dt, dt))
		return a.hosted().Astype(dt).To(dev)
	}
	return out
}

// Astype returns x converted to dtype dt (a copy, or x itself when it has
// that dtype already).
func Astype(x *Array, dt DType) *Array { return x.Astype(dt) }

// Copy returns a C-contiguous copy of x that shares no memory with it.
func Copy(x *Array) *Array {
	dev := x.Device()
	out := allocOut(dev, x.dt, x.shape)
	if err := tryDevice("copy", dev, func() error { return dev.Copy(out.view(), x.view()) }); err != nil {
		ranOnCPU("Copy", dev, fmt.Sprintf("copies of %v", x.dt))
		return shaped(x.hostData(), x.shape).To(dev)
	}
	return out
}

// Copy returns a C-contiguous copy that shares no memory with a.
func (a *Array) Copy() *Array { return Copy(a) }

// contiguous returns a when it is C-contiguous, else a contiguous copy.
func (a *Array) contiguous() *Array {
	if a.IsContiguous() {
		return a
	}
	return Copy(a)
}

// Assign copies value (an array or a Go number, broadcast to a's shape and
// converted to a's dtype) into a's elements, and returns a. Since views
// share memory, assigning into a slice of an array changes the array. An
// array value is on a's device or on the CPU (which is copied over); one
// on another device panics with a *DeviceError.
func (a *Array) Assign(value any) *Array {
	indexDevices("assign", a, arrayOf(value))
	v := operandFor("assign", value, a)
	v = v.To(a.Device())
	if _, err := shape.BroadcastStrides(v.shape, v.strides, a.shape); err != nil {
		panic(shapeErr("assign", "could not broadcast the value of shape", v.shape, a.shape))
	}
	if v.sharesBuffer(a) {
		v = Copy(v) // the value may overlap the destination
	}
	dev := a.Device()
	src := broadcastView(v, a.shape)
	err := tryDevice("assign", dev, func() error { return dev.Copy(a.view(), src) })
	if err != nil && v.dt != a.dt {
		// Convert on the CPU, then copy without conversion.
		ranOnCPU("Assign", dev, fmt.Sprintf("conversion from %v to %v", v.dt, a.dt))
		v = v.hosted().Astype(a.dt).To(dev)
		src = broadcastView(v, a.shape)
		err = dev.Copy(a.view(), src)
	}
	check("assign", err)
	return a
}
