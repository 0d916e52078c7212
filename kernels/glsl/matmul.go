package glsl

import (
	"bytes"
	"fmt"
	"strings"
	"sync"

	"workbench/arrays/dtype"
)

// MatmulTiling is the shape of the tiled matrix multiply's work (see
// shaders/matmul.comp): a work group of TX x TY invocations computes a
// tile of BM() x BN() = (TY RM) x (TX RN) elements of the result, each
// invocation RM x RN of them (rows ty + TY i, columns tx + TX j), stepping
// through the inner dimension TK at a time through shared memory (a BM x
// TK tile of A and a TK x BN tile of B: (BM + BN) TK elements).
type MatmulTiling struct {
	TX, TY int // invocations along the columns (x) and the rows (y)
	RM, RN int // results per invocation along the rows and the columns
	TK     int // the step through k
}

// BM is the number of rows of C of a work group's tile.
func (t MatmulTiling) BM() int { return t.TY * t.RM }

// BN is the number of columns of C of a work group's tile.
func (t MatmulTiling) BN() int { return t.TX * t.RN }

func (t MatmulTiling) String() string {
	return fmt.Sprintf("%dx%d/%d (%dx%d of %dx%d)", t.BM(), t.BN(), t.TK, t.TY, t.TX, t.RM, t.RN)
}

// The tilings the GPU device chooses from. MatmulLarge is the classic 128
// x 128 x 8 tiling of GPU SGEMMs; on llvmpipe it is also the fastest tried
// for large matrices (1024x1024 float32 on 2 busy cores: 1 to 2.9
// GFLOP/s, against 0.5 to 0.7 with 64 x 64 x 16 tiles of 4 x 4 blocks).
// MatmulMedium has four times the work groups for the same matrices, for
// those that give MatmulLarge too few to fill a GPU; on llvmpipe it takes
// about twice the CPU time of MatmulLarge per product (256x256 and
// 512x512 float32), so the device chooses it there only where
// MatmulLarge would leave a thread without a tile or half a tile empty.
var (
	MatmulLarge  = MatmulTiling{TX: 16, TY: 16, RM: 8, RN: 8, TK: 8}
	MatmulMedium = MatmulTiling{TX: 16, TY: 16, RM: 4, RN: 4, TK: 8}
)

// maxInvocations is the most invocations of a work group that every
// OpenGL 4.3 implementation runs, and maxShared the most bytes of shared
// memory.
const (
	maxInvocations = 1024
	maxShared      = 32768
)

func (t MatmulTiling) check(t8 bool) error {
	words := 1
	if t8 {
		words = 2
	}
	if t.TX < 1 || t.TY < 1 || t.RM < 1 || t.RN < 1 || t.TK < 1 || t.TX*t.TY > maxInvocations ||
		4*words*t.TK*(t.BM()+t.BN()) > maxShared {
		return fmt.Errorf("glsl: matrix multiply tiling %+v: want positive sizes, at most %d invocations and %d bytes of shared memory",
			t, maxInvocations, maxShared)
	}
	return nil
}

// MatmulType returns the type that the matrix multiply of dt computes
// with, or an error matching kernels.ErrNotImplemented for a dtype that
// the GPU does not multiply.
func MatmulType(dt dtype.DType, fp64 bool) (Type, error) {
	return Features{FP64: fp64}.MatmulType(dt)
}

// MatmulType is the package's MatmulType on a GPU with features f: with
// Int64, int64 and uint64 matrices too.
func (f Features) MatmulType(dt dtype.DType) (Type, error) {
	t, err := f.Compute(dt)
	if err != nil {
		return None, err
	}
	if t == Bool || t.base() != t {
		return None, notImpl("matrix multiply of "+dt.String(), "the GPU multiplies float32, float64, int32, uint32, int64 and uint64 matrices")
	}
	return t, nil
}

// wide reports whether elements of t take two words.
func (t Type) wide() bool { return t == Double || t == Int64 || t == Uint64 }

// Matmul returns the tiled shader that multiplies stacks of matrices of
// dtype dt with tiling t: float32, int32 and uint32 (wrapping, as on the
// CPU) and, with fp64, float64 (Features.Matmul: with Int64, int64 and
// uint64 too); other dtypes give an error matching
// kernels.ErrNotImplemented, and a tiling that no GPU runs a plain error.
// The result (binding 0) and the operands A (binding 1) and B (binding 2)
// are addressed through strides given as uniforms (see shaders/matmul.comp
// for their names); the work groups are t.TX x t.TY, one per t.BM() x
// t.BN() tile along y (rows) and x (columns), one per matrix of the stack
// along z. Float sums run in order of k within each element, as products
// accumulated one at a time (the compiler may fuse them).
func Matmul(dt dtype.DType, fp64 bool, t MatmulTiling) (Program, error) {
	return Features{FP64: fp64}.Matmul(dt, t)
}

// Matmul is the package's Matmul on a GPU with features f.
func (f Features) Matmul(dt dtype.DType, t MatmulTiling) (Program, error) {
	key := mmKey{dt: dt, feat: f, tiling: t}
	if p, ok := mmCache.Load(key); ok {
		return p.(Program), nil
	}
	ty, err := f.MatmulType(dt)
	if err != nil {
		return Program{}, err
	}
	if err := t.check(ty.wide()); err != nil {
		return Program{}, err
	}
	p := struct {
		Name, Access, T    string
		TX, TY, RM, RN, TK int
	}{
		Name:   fmt.Sprintf("matmul %v %v", dt, t),
		Access: access(0, ty, false, true) + access(1, ty, true, false) + access(2, ty, true, false),
		T:      ty.GLSL(), TX: t.TX, TY: t.TY, RM: t.RM, RN: t.RN, TK: t.TK,
	}
	pr := renderAny("matmul.comp", p.Name, p)
	mmCache.Store(key, pr)
	return pr, nil
}

// mmCache holds the matrix multiply's programs made so far: the GPU
// device asks for one per multiply, and making one takes tens of
// microseconds.
var mmCache sync.Map // mmKey -> Program

type mmKey struct {
	dt     dtype.DType
	feat   Features
	matvec bool
	tiling MatmulTiling
	shape  MatvecShape
}

// MatvecShape is the shape of the work of the matrix multiply for results
// of few columns (see shaders/matvec.comp): a work group of Rows x Lanes
// invocations computes Rows rows of C and Cols columns of them; the Lanes
// invocations of a row split k between them (lane l takes k = l, l +
// Lanes, ...) and add their Cols partial sums up in a tree in shared
// memory. KFast numbers the invocations along k first (lanes of a row
// adjacent: for an A whose k stride is the shorter), otherwise along the
// rows. There is no shared tile: A is read once per block of Cols
// columns, straight from its buffer, B by every work group.
type MatvecShape struct {
	Rows, Lanes, Cols int
	KFast             bool
}

func (s MatvecShape) String() string {
	o := ""
	switch {
	case s.Rows == 1 || s.Lanes == 1:
	case s.KFast:
		o = " k-fast"
	default:
		o = " rows-fast"
	}
	return fmt.Sprintf("%d rows x %d lanes%s, %d columns", s.Rows, s.Lanes, o, s.Cols)
}

func (s MatvecShape) check(t8 bool) error {
	words := 1
	if t8 {
		words = 2
	}
	if s.Rows < 1 || s.Lanes < 1 || s.Cols < 1 || s.Rows*s.Lanes > maxInvocations || s.Lanes&(s.Lanes-1) != 0 ||
		(s.Lanes > 1 && 4*words*s.Cols*s.Rows*s.Lanes > maxShared) {
		return fmt.Errorf("glsl: matrix-vector shape %+v: want positive sizes, Lanes a power of two, at most %d invocations and %d bytes of shared memory",
			s, maxInvocations, maxShared)
	}
	return nil
}

// Matvec returns the shader that multiplies stacks of matrices of dtype
// dt whose products have few columns (a matrix-vector product for n = 1),
// with work shaped as s, s.Cols columns at a time; the dtypes, bindings and
// uniforms are those of Matmul's shaders (the uniforms u_afast and
// u_bfast excepted). The work groups are s.Rows x s.Lanes invocations
// along x, one per block of s.Rows rows along x, one per block of s.Cols
// columns along y, one per matrix of the stack along z. Float sums: lane
// l sums the products of k = l, l + s.Lanes, ... in order, one at a time
// (the compiler may fuse them), and the lanes' sums are added pairwise in
// a tree (lane l + s.Lanes/2 into lane l, and so on).
func Matvec(dt dtype.DType, fp64 bool, s MatvecShape) (Program, error) {
	return Features{FP64: fp64}.Matvec(dt, s)
}

// Matvec is the package's Matvec on a GPU with features f.
func (f Features) Matvec(dt dtype.DType, s MatvecShape) (Program, error) {
	if s.Rows == 1 || s.Lanes == 1 {
		s.KFast = false // the same work either way
	}
	key := mmKey{dt: dt, feat: f, matvec: true, shape: s}
	if p, ok := mmCache.Load(key); ok {
		return p.(Program), nil
	}
	ty, err := f.MatmulType(dt)
	if err != nil {
		return Program{}, err
	}
	if err := s.check(ty.wide()); err != nil {
		return Program{}, err
	}
	p := struct {
		Name, Access, T       string
		RW, KL, NC, NT, KFast int
	}{
		Name:   fmt.Sprintf("matvec %v %v", dt, s),
		Access: access(0, ty, false, true) + access(1, ty, true, false) + access(2, ty, true, false),
		T:      ty.GLSL(), RW: s.Rows, KL: s.Lanes, NC: s.Cols, NT: s.Rows * s.Lanes,
	}
	if s.KFast {
		p.KFast = 1
	}
	pr := renderAny("matvec.comp", p.Name, p)
	mmCache.Store(key, pr)
	return pr, nil
}

// renderAny fills in the shader file with p, enabling
// GL_ARB_gpu_shader_int64 right after #version where the source uses it.
func renderAny(file, name string, p any) Program {
	var b bytes.Buffer
	if err := templates.ExecuteTemplate(&b, file, p); err != nil {
		panic(fmt.Sprintf("glsl: template %s for %s: %v", file, name, err)) // a bug in the embedded files
	}
	src := b.String()
	if strings.Contains(src, "int64_t") {
		src = strings.Replace(src, "#version 430\n", "#version 430\n"+int64Extension, 1)
	}
	return Program{Name: name, Source: src}
}
