//go:build cgo && linux

package gpu

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/go-gl/gl/v4.3-core/gl"

	"workbench/arrays/dtype"
	"workbench/devices"
	"workbench/kernels"
	"workbench/kernels/glsl"
)

// Device is the GPU device. It implements devices.Device and
// devices.UninitAllocator; there is one per process.
type Device struct {
	gl   *glThread
	info devices.Info
	fp64 bool
	// feat are the features the shaders may use (fp64, int64).
	feat glsl.Features
	// maxBytes is the largest storage buffer that a shader may address.
	maxBytes int64
	// maxGroups is the most work groups of one dispatch along x and y.
	maxGroups [2]int
	// progs caches the compiled programs by name; GL thread only.
	progs map[string]*program
	// dead are buffers collected or released, to delete on the GL thread.
	dead struct {
		sync.Mutex
		ids []uint32
	}
}

type program struct {
	id   uint32
	locs map[string]int32
}

// Buffer is a GPU buffer: a shader storage buffer holding n elements of
// one dtype (see package kernels/glsl for the layout).
type Buffer struct {
	dev      *Device
	id       uint32
	dt       dtype.DType
	n        int
	released atomic.Bool
	cleanup  runtime.Cleanup
}

// Device returns the GPU device.
func (b *Buffer) Device() devices.Device { return b.dev }

// DType returns the element type.
func (b *Buffer) DType() dtype.DType { return b.dt }

// Len returns the number of elements.
func (b *Buffer) Len() int { return b.n }

// Release frees the buffer's GPU memory now, rather than when the buffer
// is garbage collected. The buffer must not be used afterwards; a second
// Release does nothing.
func (b *Buffer) Release() {
	if b.released.Swap(true) {
		return
	}
	b.cleanup.Stop()
	b.dev.freeLater(b.id)
}

var opened struct {
	once sync.Once
	dev  *Device
	err  error
}

// Open returns the GPU device, creating its GL context on the first call,
// or the reason there is none. Setting the environment variable
// WORKBENCH_GPU=off makes it absent.
func Open() (devices.Device, error) {
	opened.once.Do(func() { opened.dev, opened.err = open() })
	if opened.err != nil {
		return nil, opened.err
	}
	return opened.dev, nil
}

func open() (*Device, error) {
	if v := os.Getenv("WORKBENCH_GPU"); v == "off" || v == "0" {
		return nil, fmt.Errorf("disabled by WORKBENCH_GPU=%s", v)
	}
	t, err := startGL()
	if err != nil {
		return nil, err
	}
	d := &Device{gl: t, progs: map[string]*program{}}
	if err := t.do(d.discover); err != nil {
		return nil, err
	}
	return d, nil
}

// discover fills in the device's facts and checks that compute shaders
// run, on the GL thread.
func (d *Device) discover() error {
	str := func(name uint32) string {
		if p := gl.GetString(name); p != nil {
			return gl.GoStr(p)
		}
		return ""
	}
	geti := func(name uint32) int {
		var v int32
		gl.GetIntegerv(name, &v)
		return int(v)
	}
	vendor, renderer, version := str(gl.VENDOR), str(gl.RENDERER), str(gl.VERSION)
	major, minor := geti(gl.MAJOR_VERSION), geti(gl.MINOR_VERSION)
	if major < 4 || major == 4 && minor < 3 {
		return fmt.Errorf("OpenGL %d.%d on %s (%s): compute shaders need OpenGL 4.3", major, minor, renderer, version)
	}
	exts := map[string]bool{}
	for i := 0; i < geti(gl.NUM_EXTENSIONS); i++ {
		if p := gl.GetStringi(gl.EXTENSIONS, uint32(i)); p != nil {
			exts[gl.GoStr(p)] = true
		}
	}
	var size, count [3]int32
	for i := range 3 {
		gl.GetIntegeri_v(gl.MAX_COMPUTE_WORK_GROUP_SIZE, uint32(i), &size[i])
		gl.GetIntegeri_v(gl.MAX_COMPUTE_WORK_GROUP_COUNT, uint32(i), &count[i])
	}
	var maxBlock int64
	gl.GetInteger64v(gl.MAX_SHADER_STORAGE_BLOCK_SIZE, &maxBlock)
	d.maxBytes = maxBlock
	d.maxGroups = [2]int{min(int(count[0]), 65535), min(int(count[1]), 65535)}
	if err := glError("querying limits"); err != nil {
		return err
	}
	if size[0] < glsl.WorkGroupSize || geti(gl.MAX_COMPUTE_WORK_GROUP_INVOCATIONS) < glsl.WorkGroupSize {
		return fmt.Errorf("%s: work groups of at most %d invocations, the shaders need %d", renderer, size[0], glsl.WorkGroupSize)
	}
	// A shader that runs is the proof of compute shaders; a double one
	// the proof of fp64.
	if err := d.selfTest(false); err != nil {
		return fmt.Errorf("%s (%s): compute shaders do not work: %v", renderer, version, err)
	}
	fp64 := "no"
	if err := d.selfTest(true); err == nil {
		d.fp64 = true
		fp64 = "yes (core since OpenGL 4.0)"
		if exts["GL_ARB_gpu_shader_fp64"] {
			fp64 = "yes (GL_ARB_gpu_shader_fp64)"
		}
	}
	d.feat.FP64 = d.fp64
	int64s := "no (no GL_ARB_gpu_shader_int64)"
	if exts["GL_ARB_gpu_shader_int64"] {
		if err := d.selfTestInt64(); err != nil {
			int64s = "no (GL_ARB_gpu_shader_int64 fails its test: " + err.Error() + ")"
		} else {
			d.feat.Int64 = true
			int64s = "yes (GL_ARB_gpu_shader_int64)"
		}
	}
	d.info = devices.Info{
		Name: devices.GPUName, Kind: devices.KindGPU,
		Description: fmt.Sprintf("%s, OpenGL %s", renderer, version),
		Details: map[string]string{
			"vendor":                     vendor,
			"renderer":                   renderer,
			"gl_version":                 version,
			"glsl_version":               str(gl.SHADING_LANGUAGE_VERSION),
			"egl_platform":               t2s(d.gl.platform),
			"max_work_group_size":        fmt.Sprintf("%d x %d x %d", size[0], size[1], size[2]),
			"max_work_group_count":       fmt.Sprintf("%d x %d x %d", count[0], count[1], count[2]),
			"max_work_group_invocations": fmt.Sprint(geti(gl.MAX_COMPUTE_WORK_GROUP_INVOCATIONS)),
			"max_shared_memory":          fmt.Sprint(geti(gl.MAX_COMPUTE_SHARED_MEMORY_SIZE)),
			"max_storage_buffer_bytes":   fmt.Sprint(maxBlock),
			"fp64":                       fp64,
			"int64":                      int64s,
			"work_group_size":            fmt.Sprint(glsl.WorkGroupSize),
		},
	}
	return nil
}

func t2s(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// selfTest runs a conversion shader (float32 or float64 to int32) on a
// few elements and checks the result, on the GL thread.
func (d *Device) selfTest(double bool) error {
	src, in := []float32{1.5, -2.5, 42}, any(nil)
	dt := dtype.Float32
	in = src
	if double {
		dt, in = dtype.Float64, []float64{1.5, -2.5, 42}
	}
	p, err := glsl.Convert(dtype.Int32, dt, double, false)
	if err != nil {
		return err
	}
	return d.runSelfTest(p, dt, in)
}

// selfTestInt64 runs the conversion of int64 to int32 (the low words)
// on a few elements and checks the result, on the GL thread.
func (d *Device) selfTestInt64() error {
	p, err := glsl.Features{Int64: true}.Convert(dtype.Int32, dtype.Int64, false)
	if err != nil {
		return err
	}
	return d.runSelfTest(p, dtype.Int64, []int64{1<<40 + 1, -2<<40 - 2, 42 - 1<<62})
}

// runSelfTest runs the conversion p of the three elements in (of dtype dt)
// to int32, and checks that they give 1, -2, 42 (in their low words).
func (d *Device) runSelfTest(p glsl.Program, dt dtype.DType, in any) error {
	a, err := d.newBufferGL(dt, 3, false, in)
	if err != nil {
		return err
	}
	defer gl.DeleteBuffers(1, &a)
	b, err := d.newBufferGL(dtype.Int32, 3, true, nil)
	if err != nil {
		return err
	}
	defer gl.DeleteBuffers(1, &b)
	prog, err := d.programGL(p)
	if err != nil {
		return err
	}
	d.useGL(prog, map[string][]int32{"u_n": {3}, "u_ndim": {1}, "u_shape": {3}, "u_st": stridesUniform([]int{1}, []int{1}), "u_off": {0, 0, 0}})
	d.dispatchGL([]uint32{b, a}, 1, 1)
	got := make([]int32, 3)
	gl.BindBuffer(gl.SHADER_STORAGE_BUFFER, b)
	gl.GetBufferSubData(gl.SHADER_STORAGE_BUFFER, 0, 12, unsafe.Pointer(&got[0]))
	if err := glError(p.Name); err != nil {
		return err
	}
	if got[0] != 1 || got[1] != -2 || got[2] != 42 {
		return fmt.Errorf("%s gave %v, want [1 -2 42]", p.Name, got)
	}
	return nil
}

// Name returns "gpu".
func (d *Device) Name() string { return devices.GPUName }

// Kind returns devices.KindGPU.
func (d *Device) Kind() devices.Kind { return devices.KindGPU }

// Info describes the GPU: vendor, renderer, GL version, work-group limits
// and double-precision support in Details.
func (d *Device) Info() devices.Info {
	info := d.info
	info.Details = make(map[string]string, len(d.info.Details))
	for k, v := range d.info.Details {
		info.Details[k] = v
	}
	return info
}

// HasFloat64 reports whether the GPU computes with float64.
func (d *Device) HasFloat64() bool { return d.fp64 }

func glError(what string) error {
	var codes []string
	for i := 0; i < 8; i++ {
		e := gl.GetError()
		if e == gl.NO_ERROR {
			break
		}
		name := map[uint32]string{gl.INVALID_ENUM: "GL_INVALID_ENUM", gl.INVALID_VALUE: "GL_INVALID_VALUE",
			gl.INVALID_OPERATION: "GL_INVALID_OPERATION", gl.OUT_OF_MEMORY: "GL_OUT_OF_MEMORY",
			gl.INVALID_FRAMEBUFFER_OPERATION: "GL_INVALID_FRAMEBUFFER_OPERATION"}[e]
		if name == "" {
			name = fmt.Sprintf("GL error 0x%x", e)
		}
		codes = append(codes, name)
	}
	if len(codes) == 0 {
		return nil
	}
	return fmt.Errorf("gpu: %s: %s", what, strings.Join(codes, ", "))
}

// freeLater queues a GL buffer for deletion on the GL thread (cleanups
// and Release run elsewhere).
func (d *Device) freeLater(id uint32) {
	d.dead.Lock()
	d.dead.ids = append(d.dead.ids, id)
	n := len(d.dead.ids)
	d.dead.Unlock()
	if n >= 64 {
		go d.run(func() error { return nil }) // reaps
	}
}

// run runs f on the GL thread, after deleting the buffers that died.
func (d *Device) run(f func() error) error {
	return d.gl.do(func() error {
		d.dead.Lock()
		ids := d.dead.ids
		d.dead.ids = nil
		d.dead.Unlock()
		if len(ids) > 0 {
			gl.DeleteBuffers(int32(len(ids)), &ids[0])
		}
		return f()
	})
}

// hostBytes returns the bytes of a typed Go slice (nil when empty).
func hostBytes(data any) []byte {
	v := reflect.ValueOf(data)
	if v.Kind() != reflect.Slice || v.Len() == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(v.UnsafePointer()), v.Len()*int(v.Type().Elem().Size()))
}

// newBufferGL creates a GL buffer for n elements of dt, filled from data
// (a typed slice of dt, bool as bool), zeroed, or left as it is, on the GL
// thread.
func (d *Device) newBufferGL(dt dtype.DType, n int, zero bool, data any) (uint32, error) {
	size := glsl.StorageBytes(dt, n)
	var ptr unsafe.Pointer
	if data != nil && n > 0 {
		if bs, ok := data.([]bool); ok {
			w := make([]uint32, n)
			for i, b := range bs {
				if b {
					w[i] = 1
				}
			}
			data = w
		}
		raw := hostBytes(data)
		if len(raw) < size { // sub-word dtypes round up to whole words
			raw = append(raw[:len(raw):len(raw)], make([]byte, size-len(raw))...)
		}
		ptr = unsafe.Pointer(&raw[0])
	}
	var id uint32
	gl.GenBuffers(1, &id)
	gl.BindBuffer(gl.SHADER_STORAGE_BUFFER, id)
	gl.BufferData(gl.SHADER_STORAGE_BUFFER, size, ptr, gl.DYNAMIC_COPY)
	if ptr == nil && zero {
		gl.ClearBufferData(gl.SHADER_STORAGE_BUFFER, gl.R32UI, gl.RED_INTEGER, gl.UNSIGNED_INT, nil)
	}
	if err := glError(fmt.Sprintf("allocating %d bytes for %d elements of %v", size, n, dt)); err != nil {
		gl.DeleteBuffers(1, &id)
		return 0, err
	}
	return id, nil
}

func (d *Device) newBuffer(dt dtype.DType, n int, zero bool, data any) (*Buffer, error) {
	if n < 0 {
		return nil, fmt.Errorf("gpu: negative buffer length %d", n)
	}
	if !dt.Valid() {
		return nil, fmt.Errorf("gpu: cannot allocate elements of dtype %v", dt)
	}
	if size := int64(glsl.StorageBytes(dt, n)); size > d.maxBytes || n > 1<<31-1 {
		return nil, fmt.Errorf("gpu: %d elements of %v take %d bytes, more than this GPU's largest storage buffer (%d bytes)", n, dt, size, d.maxBytes)
	}
	var id uint32
	err := d.run(func() error {
		var err error
		id, err = d.newBufferGL(dt, n, zero, data)
		return err
	})
	if err != nil {
		return nil, err
	}
	b := &Buffer{dev: d, id: id, dt: dt, n: n}
	b.cleanup = runtime.AddCleanup(b, d.freeLater, id)
	return b, nil
}

// Alloc returns a zeroed buffer of n elements.
func (d *Device) Alloc(dt dtype.DType, n int) (devices.Buffer, error) {
	return d.newBuffer(dt, n, true, nil)
}

// AllocUninit returns a buffer of n elements whose contents are not set.
func (d *Device) AllocUninit(dt dtype.DType, n int) (devices.Buffer, error) {
	return d.newBuffer(dt, n, false, nil)
}

// FromHost returns a buffer holding a copy of a typed Go slice.
func (d *Device) FromHost(data any) (devices.Buffer, error) {
	dt := devices.DTypeOf(data)
	if dt == dtype.Invalid {
		return nil, fmt.Errorf("gpu: %T is not a slice of a supported element type", data)
	}
	return d.newBuffer(dt, devices.SliceLen(data), false, data)
}

// buf returns v's buffer if it is a live buffer of this device.
func (d *Device) buf(v devices.View, what string) (*Buffer, error) {
	b, ok := v.Buf.(*Buffer)
	if !ok || b == nil {
		return nil, fmt.Errorf("gpu: %s is a buffer of %T, not of the GPU", what, v.Buf)
	}
	if b.dev != d {
		return nil, fmt.Errorf("gpu: %s belongs to another GPU device", what)
	}
	if b.released.Load() {
		return nil, fmt.Errorf("gpu: %s was released", what)
	}
	if len(v.Strides) != len(v.Shape) {
		return nil, fmt.Errorf("gpu: %s has %d strides for %d axes", what, len(v.Strides), len(v.Shape))
	}
	lo, hi, n := span(v.Shape, v.Strides, v.Offset)
	if n > 0 && (lo < 0 || hi >= b.n) {
		return nil, fmt.Errorf("gpu: %s (shape %v, strides %v, offset %d) reaches elements %d to %d of a buffer of %d",
			what, v.Shape, v.Strides, v.Offset, lo, hi, b.n)
	}
	if n > 1<<31-1 {
		return nil, fmt.Errorf("gpu: %s has %d elements, more than a shader indexes", what, n)
	}
	return b, nil
}

// span returns the lowest and highest element index a view reaches, and
// its number of elements.
func span(shape, strides []int, offset int) (lo, hi, n int) {
	lo, hi, n = offset, offset, 1
	for i, s := range shape {
		n *= s
		if s == 0 {
			continue
		}
		if st := strides[i] * (s - 1); st > 0 {
			hi += st
		} else {
			lo += st
		}
	}
	return lo, hi, n
}

func keep(bufs ...*Buffer) {
	for _, b := range bufs {
		runtime.KeepAlive(b)
	}
}

// ToHost copies the elements of v, in C order, into dst, a typed Go slice
// of v's dtype and size: contiguous views are read directly, strided ones
// gathered on the GPU first (so that a column of a large matrix moves only
// its own elements).
func (d *Device) ToHost(v devices.View, dst any) error {
	b, err := d.buf(v, "ToHost's view")
	if err != nil {
		return err
	}
	defer keep(b)
	_, _, n := span(v.Shape, v.Strides, v.Offset)
	if got := devices.DTypeOf(dst); got != b.dt {
		return fmt.Errorf("gpu: ToHost into %T, want a slice of %v", dst, b.dt)
	}
	if m := devices.SliceLen(dst); m != n {
		return fmt.Errorf("gpu: ToHost into a slice of %d elements, want %d", m, n)
	}
	if n == 0 {
		return nil
	}
	shape, strides := coalesce(v.Shape, [][]int{v.Strides})
	eb := glsl.ElemBytes(b.dt)
	if len(shape) == 0 || len(shape) == 1 && strides[0][0] == 1 {
		return d.read(b.id, v.Offset*eb, n, dst)
	}
	tmp, err := d.newBuffer(b.dt, n, false, nil)
	if err != nil {
		return err
	}
	defer tmp.Release()
	err = d.Copy(devices.View{Buf: tmp, Shape: v.Shape, Strides: cStrides(v.Shape)}, v)
	if err != nil {
		return err
	}
	return d.read(tmp.id, 0, n, dst)
}

// read reads n elements from byte offset off of buffer id into dst.
func (d *Device) read(id uint32, off, n int, dst any) error {
	target := dst
	if _, ok := dst.([]bool); ok {
		target = make([]uint32, n)
	}
	raw := hostBytes(target)
	err := d.run(func() error {
		gl.BindBuffer(gl.SHADER_STORAGE_BUFFER, id)
		gl.GetBufferSubData(gl.SHADER_STORAGE_BUFFER, off, len(raw), unsafe.Pointer(&raw[0]))
		return glError(fmt.Sprintf("reading %d bytes at %d", len(raw), off))
	})
	if bs, ok := dst.([]bool); ok && err == nil {
		for i, w := range target.([]uint32) {
			bs[i] = w != 0
		}
	}
	return err
}

func cStrides(shape []int) []int {
	st := make([]int, len(shape))
	acc := 1
	for i := len(shape) - 1; i >= 0; i-- {
		st[i] = acc
		acc *= max(shape[i], 1)
	}
	return st
}

// coalesce drops the axes of length 1 and merges neighbouring axes that
// every operand walks as one; the result has the same elements in the
// same order. strides holds one slice per operand.
func coalesce(shape []int, strides [][]int) ([]int, [][]int) {
	var sh []int
	st := make([][]int, len(strides))
	for i, n := range shape {
		if n == 1 {
			continue
		}
		if k := len(sh) - 1; k >= 0 {
			merge := true
			for j := range strides {
				if st[j][k] != strides[j][i]*n {
					merge = false
					break
				}
			}
			if merge {
				sh[k] *= n
				for j := range strides {
					st[j][k] = strides[j][i]
				}
				continue
			}
		}
		sh = append(sh, n)
		for j := range strides {
			st[j] = append(st[j], strides[j][i])
		}
	}
	return sh, st
}

// stridesUniform packs the strides of up to three operands into u_st.
func stridesUniform(strides ...[]int) []int32 {
	u := make([]int32, 3*glsl.MaxDims)
	for j, s := range strides {
		for i, v := range s {
			u[j*glsl.MaxDims+i] = int32(v)
		}
	}
	return u
}

func ints32(v []int) []int32 {
	u := make([]int32, max(len(v), 1))
	for i, x := range v {
		u[i] = int32(x)
	}
	return u
}

// programGL returns the compiled program p, compiling it on first use, on
// the GL thread. Errors carry the shader's name and GL's info log.
func (d *Device) programGL(p glsl.Program) (*program, error) {
	if pr, ok := d.progs[p.Name]; ok {
		return pr, nil
	}
	sh := gl.CreateShader(gl.COMPUTE_SHADER)
	defer gl.DeleteShader(sh)
	src, free := gl.Strs(p.Source + "\x00")
	gl.ShaderSource(sh, 1, src, nil)
	free()
	gl.CompileShader(sh)
	var ok int32
	gl.GetShaderiv(sh, gl.COMPILE_STATUS, &ok)
	if ok == gl.FALSE {
		return nil, fmt.Errorf("gpu: compiling shader %q: %s", p.Name, infoLog(sh, false))
	}
	id := gl.CreateProgram()
	gl.AttachShader(id, sh)
	gl.LinkProgram(id)
	gl.GetProgramiv(id, gl.LINK_STATUS, &ok)
	if ok == gl.FALSE {
		log := infoLog(id, true)
		gl.DeleteProgram(id)
		return nil, fmt.Errorf("gpu: linking shader %q: %s", p.Name, log)
	}
	pr := &program{id: id, locs: map[string]int32{}}
	d.progs[p.Name] = pr
	return pr, nil
}

func infoLog(id uint32, prog bool) string {
	var n int32
	if prog {
		gl.GetProgramiv(id, gl.INFO_LOG_LENGTH, &n)
	} else {
		gl.GetShaderiv(id, gl.INFO_LOG_LENGTH, &n)
	}
	if n <= 1 {
		return "(no info log)"
	}
	buf := make([]uint8, n)
	if prog {
		gl.GetProgramInfoLog(id, n, nil, &buf[0])
	} else {
		gl.GetShaderInfoLog(id, n, nil, &buf[0])
	}
	return strings.TrimSpace(gl.GoStr(&buf[0]))
}

// useGL makes pr current and sets its int uniforms (scalars and arrays),
// on the GL thread. Uniforms the compiler removed are skipped.
func (d *Device) useGL(pr *program, uniforms map[string][]int32) {
	gl.UseProgram(pr.id)
	for name, vals := range uniforms {
		loc, ok := pr.locs[name]
		if !ok {
			cs := gl.Str(name + "\x00")
			loc = gl.GetUniformLocation(pr.id, cs)
			pr.locs[name] = loc
		}
		if loc < 0 || len(vals) == 0 {
			continue
		}
		gl.Uniform1iv(loc, int32(len(vals)), &vals[0])
	}
}

// dispatchGL binds bufs to bindings 0, 1, ... and runs groups (x, y) of
// the current program, then waits for its writes to be visible.
func (d *Device) dispatchGL(bufs []uint32, x, y int) {
	for i, id := range bufs {
		gl.BindBufferBase(gl.SHADER_STORAGE_BUFFER, uint32(i), id)
	}
	gl.DispatchCompute(uint32(max(x, 1)), uint32(max(y, 1)), 1)
	gl.MemoryBarrier(gl.ALL_BARRIER_BITS)
}

// maxElementwiseGroups caps the work groups of element-wise shaders: each
// invocation then loops over several elements, which llvmpipe runs
// faster (1<<24 float32 adds: 0.37 s rather than 0.64 s), and a million
// invocations still fill a large GPU.
const maxElementwiseGroups = 4096

// groups is the number of work groups for n invocations, at most limit.
func groups(n, limit int) int {
	return max(1, min((n+glsl.WorkGroupSize-1)/glsl.WorkGroupSize, limit))
}

// launch compiles (once) and runs program p over bufs with uniforms.
func (d *Device) launch(p glsl.Program, bufs []*Buffer, uniforms map[string][]int32, x, y int) error {
	ids := make([]uint32, len(bufs))
	for i, b := range bufs {
		ids[i] = b.id
	}
	defer keep(bufs...)
	return d.run(func() error {
		pr, err := d.programGL(p)
		if err != nil {
			return err
		}
		d.useGL(pr, uniforms)
		d.dispatchGL(ids, x, y)
		return glError(p.Name)
	})
}

var errTooManyAxes = fmt.Errorf("gpu: views of more than %d axes (after merging) are not implemented: %w", glsl.MaxDims, devices.ErrNotImplemented)

// elementwise runs the element-wise program that gen makes (for one axis
// or strided) over views, the destination first.
func (d *Device) elementwise(gen func(strided bool) (glsl.Program, error), bufs []*Buffer, views ...devices.View) error {
	strides := make([][]int, len(views))
	for i, v := range views {
		strides[i] = v.Strides
	}
	shape, st := coalesce(views[0].Shape, strides)
	n := 1
	for _, s := range shape {
		n *= s
	}
	if n == 0 {
		return nil
	}
	if len(shape) > glsl.MaxDims {
		return errTooManyAxes
	}
	p, err := gen(len(shape) > 1)
	if err != nil {
		return err
	}
	off := make([]int, 3)
	for i, v := range views {
		off[i] = v.Offset
	}
	u := map[string][]int32{
		"u_n": {int32(n)}, "u_ndim": {int32(len(shape))}, "u_shape": ints32(shape),
		"u_st": stridesUniform(st...), "u_off": ints32(off),
	}
	return d.launch(p, bufs, u, groups(n, min(d.maxGroups[0], maxElementwiseGroups)), 1)
}

// Copy copies src into dst (same shape), converting the dtype between
// float32, float64, int32, uint32, bool and, with int64 arithmetic,
// int64 and uint64; a copy without conversion works for every dtype
// (contiguous runs of the 1- and 2-byte ones with glCopyBufferSubData,
// strided ones with a shader's atomic stores into the shared words).
func (d *Device) Copy(dst, src devices.View) error {
	db, err := d.buf(dst, "Copy's destination")
	if err != nil {
		return err
	}
	sb, err := d.buf(src, "Copy's source")
	if err != nil {
		return err
	}
	if len(dst.Shape) != len(src.Shape) {
		return fmt.Errorf("gpu: Copy of shape %v into %v", src.Shape, dst.Shape)
	}
	if db.dt == sb.dt && glsl.ElemBytes(db.dt) < 4 {
		if done, err := d.copyBytes(db, sb, dst, src); done {
			return err
		}
	}
	return d.elementwise(func(strided bool) (glsl.Program, error) {
		return d.feat.Convert(db.dt, sb.dt, strided)
	}, []*Buffer{db, sb}, dst, src)
}

// copyBytes copies between contiguous views of a 1- or 2-byte dtype with
// glCopyBufferSubData (whose offsets need not be word-aligned), and
// reports whether the views were contiguous: strided ones are the copy
// shader's.
func (d *Device) copyBytes(db, sb *Buffer, dst, src devices.View) (done bool, err error) {
	strides := [][]int{dst.Strides, src.Strides}
	shape, st := coalesce(dst.Shape, strides)
	_, _, n := span(dst.Shape, dst.Strides, dst.Offset)
	if n == 0 {
		return true, nil
	}
	if len(shape) > 1 || len(shape) == 1 && (st[0][0] != 1 || st[1][0] != 1) {
		return false, nil
	}
	eb := glsl.ElemBytes(db.dt)
	defer keep(db, sb)
	return true, d.run(func() error {
		gl.BindBuffer(gl.COPY_READ_BUFFER, sb.id)
		gl.BindBuffer(gl.COPY_WRITE_BUFFER, db.id)
		gl.CopyBufferSubData(gl.COPY_READ_BUFFER, gl.COPY_WRITE_BUFFER, src.Offset*eb, dst.Offset*eb, n*eb)
		return glError(fmt.Sprintf("copying %d bytes of %v", n*eb, db.dt))
	})
}

// Unary computes dst = op(src) element-wise.
func (d *Device) Unary(op kernels.UnaryOp, dst, src devices.View) error {
	db, err := d.buf(dst, "Unary's destination")
	if err != nil {
		return err
	}
	sb, err := d.buf(src, "Unary's source")
	if err != nil {
		return err
	}
	if _, err := d.feat.Unary(op, sb.dt, false); err != nil {
		return err
	}
	if want := glsl.UnaryOut(op, sb.dt); db.dt != want {
		return fmt.Errorf("gpu: %v of %v writes %v, not %v", op, sb.dt, want, db.dt)
	}
	return d.elementwise(func(strided bool) (glsl.Program, error) {
		return d.feat.Unary(op, sb.dt, strided)
	}, []*Buffer{db, sb}, dst, src)
}

// Binary computes dst = op(a, b) element-wise.
func (d *Device) Binary(op kernels.BinaryOp, dst, a, b devices.View) error {
	db, err := d.buf(dst, "Binary's destination")
	if err != nil {
		return err
	}
	ab, err := d.buf(a, "Binary's first operand")
	if err != nil {
		return err
	}
	bb, err := d.buf(b, "Binary's second operand")
	if err != nil {
		return err
	}
	if ab.dt != bb.dt {
		return fmt.Errorf("gpu: %v of %v and %v: the operands must have one dtype", op, ab.dt, bb.dt)
	}
	if _, err := d.feat.Binary(op, ab.dt, false); err != nil {
		return err
	}
	if want := glsl.BinaryOut(op, ab.dt); db.dt != want {
		return fmt.Errorf("gpu: %v of %v writes %v, not %v", op, ab.dt, want, db.dt)
	}
	return d.elementwise(func(strided bool) (glsl.Program, error) {
		return d.feat.Binary(op, ab.dt, strided)
	}, []*Buffer{db, ab, bb}, dst, a, b)
}

var _ devices.UninitAllocator = (*Device)(nil)

// errEmpty is the error of a minimum or maximum over no elements.
var errEmpty = errors.New("gpu: zero-size reduction: minimum and maximum of no elements are undefined")

// write replaces the whole contents of b with data, a typed Go slice of
// b's dtype and length.
func (d *Device) write(b *Buffer, data any) error {
	if devices.DTypeOf(data) != b.dt || devices.SliceLen(data) != b.n {
		return fmt.Errorf("gpu: writing %T of %d into %d elements of %v", data, devices.SliceLen(data), b.n, b.dt)
	}
	if b.n == 0 {
		return nil
	}
	if bs, ok := data.([]bool); ok {
		w := make([]uint32, len(bs))
		for i, v := range bs {
			if v {
				w[i] = 1
			}
		}
		data = w
	}
	raw := hostBytes(data)
	defer keep(b)
	return d.run(func() error {
		gl.BindBuffer(gl.SHADER_STORAGE_BUFFER, b.id)
		gl.BufferSubData(gl.SHADER_STORAGE_BUFFER, 0, len(raw), unsafe.Pointer(&raw[0]))
		return glError(fmt.Sprintf("writing %d bytes", len(raw)))
	})
}

// Sync waits until the GPU has finished every operation sent to it
// (operations return when they are queued; reading back waits anyway).
func (d *Device) Sync() error {
	return d.run(func() error {
		gl.Finish()
		return glError("finishing")
	})
}
