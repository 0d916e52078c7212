//go:build cgo && linux

package gpu

import (
	"fmt"

	"workbench/devices"
	"workbench/kernels"
	"workbench/kernels/glsl"
)

// The shapes of work: a reduction runs one invocation per output (serial)
// when the outputs are short, or many and not long, and otherwise trees in
// shared memory over chunks of at most chunkLen elements per work group,
// then a second pass over the chunks' partial results. A scan runs one
// invocation per line for lines of at most scanSerialMaxK. The serial
// runs bound the float rounding error (at most serialManyMaxK terms
// in sequence).
const (
	serialMaxK     = 128
	serialManyM    = 2048
	serialManyMaxK = 256
	chunkLen       = glsl.WorkGroupSize * 16
	maxPartials    = 1024
	scanSerialMaxK = 256
)

// Reduce reduces src over the axes marked true into dst (src's shape, the
// reduced axes' strides ignored). Sum, prod, min and max run for float32,
// float64 (with fp64), int32 and uint32; all and any (and the others, as
// on the CPU) for bool. Float sums combine in tree order.
func (d *Device) Reduce(op kernels.ReduceOp, dst, src devices.View, axes []bool) error {
	sb, err := d.buf(src, "Reduce's source")
	if err != nil {
		return err
	}
	if len(axes) != len(src.Shape) || len(dst.Shape) != len(src.Shape) || len(dst.Strides) != len(src.Shape) {
		return fmt.Errorf("gpu: Reduce of shape %v over axes %v into a view of shape %v", src.Shape, axes, dst.Shape)
	}
	if _, err := d.feat.Reduce(op, sb.dt, glsl.Serial); err != nil {
		return err
	}
	// The destination as a view: reduced axes have stride 0.
	dstrides := make([]int, len(axes))
	var kshape, rshape, kin, kout, rin []int
	for i, r := range axes {
		if r {
			rshape = append(rshape, src.Shape[i])
			rin = append(rin, src.Strides[i])
		} else {
			dstrides[i] = dst.Strides[i]
			kshape = append(kshape, src.Shape[i])
			kin = append(kin, src.Strides[i])
			kout = append(kout, dst.Strides[i])
		}
	}
	db, err := d.buf(devices.View{Buf: dst.Buf, Shape: src.Shape, Strides: dstrides, Offset: dst.Offset}, "Reduce's destination")
	if err != nil {
		return err
	}
	if db.dt != sb.dt {
		return fmt.Errorf("gpu: %v of %v into %v: the result has the source's dtype", op, sb.dt, db.dt)
	}
	kshape, kst := coalesce(kshape, [][]int{kin, kout})
	rshape, rst := coalesce(rshape, [][]int{rin})
	if len(kshape) > glsl.MaxDims || len(rshape) > glsl.MaxDims {
		return errTooManyAxes
	}
	m, k := prod(kshape), prod(rshape)
	if m == 0 {
		return nil
	}
	if k == 0 && (op == kernels.ReduceMin || op == kernels.ReduceMax) {
		return errEmpty
	}
	u := map[string][]int32{
		"u_m": {int32(m)}, "u_k": {int32(k)},
		"u_kndim": {int32(len(kshape))}, "u_kshape": ints32(kshape), "u_kin": ints32(kst[0]), "u_kout": ints32(kst[1]),
		"u_rndim": {int32(len(rshape))}, "u_rshape": ints32(rshape), "u_rin": ints32(rst[0]),
		"u_inoff": {int32(src.Offset)}, "u_outoff": {int32(dst.Offset)},
	}
	gen := func(stage glsl.ReduceStage) (glsl.Program, error) { return d.feat.Reduce(op, sb.dt, stage) }
	if k <= serialMaxK || m >= serialManyM && k <= serialManyMaxK {
		p, err := gen(glsl.Serial)
		if err != nil {
			return err
		}
		return d.launch(p, []*Buffer{db, sb}, u, groups(m, d.maxGroups[0]), 1)
	}
	g := min((k+chunkLen-1)/chunkLen, maxPartials)
	chunk := (k + g - 1) / g
	g = (k + chunk - 1) / chunk
	u["u_chunk"], u["u_groups"] = []int32{int32(chunk)}, []int32{int32(g)}
	y := min(m, d.maxGroups[1])
	if g == 1 {
		p, err := gen(glsl.TreeFirstLast)
		if err != nil {
			return err
		}
		return d.launch(p, []*Buffer{db, sb}, u, 1, y)
	}
	part, err := d.newBuffer(sb.dt, m*g, false, nil)
	if err != nil {
		return err
	}
	defer part.Release()
	p, err := gen(glsl.TreeFirst)
	if err != nil {
		return err
	}
	if err := d.launch(p, []*Buffer{part, sb}, u, min(g, d.maxGroups[0]), y); err != nil {
		return err
	}
	p, err = gen(glsl.TreeLast)
	if err != nil {
		return err
	}
	u["u_k"], u["u_chunk"], u["u_groups"] = []int32{int32(g)}, []int32{int32(g)}, []int32{1}
	return d.launch(p, []*Buffer{db, part}, u, 1, y)
}

func prod(shape []int) int {
	n := 1
	for _, s := range shape {
		n *= s
	}
	return n
}

// Cumulative writes the running sum or product of src along axis into dst
// (same shape) for float32, float64 (with fp64), int32 and uint32. Short
// lines (up to 256) are scanned one per invocation in order (the
// CPU's order); long ones in blocks of glsl.WorkGroupSize in shared
// memory, then the blocks' totals are scanned and added.
func (d *Device) Cumulative(op kernels.ReduceOp, dst, src devices.View, axis int) error {
	db, err := d.buf(dst, "Cumulative's destination")
	if err != nil {
		return err
	}
	sb, err := d.buf(src, "Cumulative's source")
	if err != nil {
		return err
	}
	if db.dt != sb.dt {
		return fmt.Errorf("gpu: cumulative %v of %v into %v: the result has the source's dtype", op, sb.dt, db.dt)
	}
	if _, err := d.feat.Scan(op, sb.dt, glsl.ScanSerial); err != nil {
		return err
	}
	if axis < 0 || axis >= len(src.Shape) || len(dst.Shape) != len(src.Shape) {
		return fmt.Errorf("gpu: cumulative %v along axis %d of shape %v into shape %v", op, axis, src.Shape, dst.Shape)
	}
	var lshape, lsrc, ldst []int
	for i, n := range src.Shape {
		if i != axis {
			lshape = append(lshape, n)
			lsrc = append(lsrc, src.Strides[i])
			ldst = append(ldst, dst.Strides[i])
		}
	}
	lshape, lst := coalesce(lshape, [][]int{lsrc, ldst})
	if len(lshape) > glsl.MaxDims {
		return errTooManyAxes
	}
	return d.scan(op, db, sb, lshape, lst[0], lst[1], src.Shape[axis], src.Strides[axis], dst.Strides[axis], src.Offset, dst.Offset)
}

// scan runs the running op over m lines (lshape) of k elements.
func (d *Device) scan(op kernels.ReduceOp, db, sb *Buffer, lshape, lsrc, ldst []int, k, ksrc, kdst, soff, doff int) error {
	m := prod(lshape)
	if m == 0 || k == 0 {
		return nil
	}
	u := map[string][]int32{
		"u_m": {int32(m)}, "u_k": {int32(k)}, "u_lndim": {int32(len(lshape))}, "u_lshape": ints32(lshape),
		"u_lsrc": ints32(lsrc), "u_ldst": ints32(ldst), "u_ksrc": {int32(ksrc)}, "u_kdst": {int32(kdst)},
		"u_soff": {int32(soff)}, "u_doff": {int32(doff)},
	}
	gen := func(ph glsl.ScanPhase) (glsl.Program, error) { return d.feat.Scan(op, sb.dt, ph) }
	if k <= scanSerialMaxK {
		p, err := gen(glsl.ScanSerial)
		if err != nil {
			return err
		}
		return d.launch(p, []*Buffer{db, sb, db}, u, groups(m, d.maxGroups[0]), 1)
	}
	nb := (k + glsl.WorkGroupSize - 1) / glsl.WorkGroupSize
	u["u_nb"] = []int32{int32(nb)}
	sums, err := d.newBuffer(sb.dt, m*nb, false, nil)
	if err != nil {
		return err
	}
	defer sums.Release()
	p, err := gen(glsl.ScanBlocks)
	if err != nil {
		return err
	}
	if err := d.launch(p, []*Buffer{db, sb, sums}, u, min(nb, d.maxGroups[0]), min(m, d.maxGroups[1])); err != nil {
		return err
	}
	// Scan the blocks' totals, line by line, in place.
	if err := d.scan(op, sums, sums, []int{m}, []int{nb}, []int{nb}, nb, 1, 1, 0, 0); err != nil {
		return err
	}
	p, err = gen(glsl.ScanAdd)
	if err != nil {
		return err
	}
	return d.launch(p, []*Buffer{db, db, sums}, u, groups(m*k, d.maxGroups[0]), 1)
}
