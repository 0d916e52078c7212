package arrays

// Advanced ("fancy") indexing: integer arrays and boolean masks, for
// reading (Index) and for assignment (SetIndex), with NumPy's rules.
//
// The plan: the basic items (Spans, NewAxis, Ellipsis) make a view of the
// array in which the axes that advanced items index are kept whole (a 0-d
// mask adds an axis of length 1 there). Each advanced item becomes a list of
// element offsets into that view, with a shape: an int a 0-d list, an
// integer array its own shape, a mask the 1-d list of its true elements. The
// shapes broadcast to the shape B of the advanced dimensions, and the sum of
// the broadcast offsets gives one offset per position of B ("mid"). The
// axes that no advanced item indexes make the offset lists "pre" (the
// basic axes before the advanced ones, when these are next to each other in
// the index) and "post" (the rest). Element (p, m, q) of the result, in C
// order, is the view's element at pre[p] + mid[m] + post[q].

import (
	"fmt"
	"runtime"

	"workbench/arrays/shape"
	"workbench/devices"
)

// fancyEntry is one advanced item, placed on the view's axes.
type fancyEntry struct {
	item     indexItem // itemInt, itemArray or itemMask
	axis     int       // the first view axis it indexes
	naxes    int       // how many view axes it indexes
	origAxis int       // the first axis of the indexed array, for messages
}

type fancyPlan struct {
	view    *Array
	entries []fancyEntry
	fancy   []bool // per view axis: indexed by an entry
	consec  bool   // the advanced items are next to each other
}

// planFancy applies the basic items of an index with advanced items.
func (a *Array) planFancy(items []indexItem) *fancyPlan {
	used, ellipses := 0, 0
	for _, it := range items {
		switch it.kind {
		case itemInt, itemSpan, itemArray:
			used++
		case itemMask:
			used += len(it.arr.shape)
		case itemEllipsis:
			ellipses++
		}
	}
	if ellipses > 1 {
		panic(&IndexError{Msg: "an index can only have a single ellipsis ('...')"})
	}
	if used > len(a.shape) {
		panic(&IndexError{Msg: fmt.Sprintf("too many indices for array: array is %d-dimensional, but %d were indexed", len(a.shape), used)})
	}
	p := &fancyPlan{}
	var shp, strides []int
	offset := a.offset
	axis := 0
	keep := func(isFancy bool) {
		shp = append(shp, a.shape[axis])
		strides = append(strides, a.strides[axis])
		p.fancy = append(p.fancy, isFancy)
		axis++
	}
	// NumPy's rule (mapiter_fill_info): ints and advanced items go
	// together; any other item between two of them sends the advanced
	// dimensions to the front.
	status := -1 // -1: none seen; 0: in a run; 1: a basic item after the run; 2: separated
	for _, it := range items {
		if it.kind == itemInt || it.kind == itemArray || it.kind == itemMask {
			if status == -1 {
				status = 0
			} else if status == 1 {
				status = 2
			}
		} else if status == 0 {
			status = 1
		}
		switch it.kind {
		case itemInt, itemArray:
			p.entries = append(p.entries, fancyEntry{item: it, axis: len(shp), naxes: 1, origAxis: axis})
			keep(true)
		case itemMask:
			k := len(it.arr.shape)
			if k == 0 {
				p.entries = append(p.entries, fancyEntry{item: it, axis: len(shp), naxes: 1, origAxis: -1})
				shp = append(shp, 1)
				strides = append(strides, 0)
				p.fancy = append(p.fancy, true)
				continue
			}
			for j := 0; j < k; j++ {
				if it.arr.shape[j] != a.shape[axis+j] {
					panic(&IndexError{Msg: fmt.Sprintf("boolean index did not match indexed array along axis %d; size is %d but corresponding boolean size is %d: a mask of shape %v for axes of shape %v",
						axis+j, a.shape[axis+j], it.arr.shape[j], shape.Shape(it.arr.shape), shape.Shape(a.shape[axis:axis+k]))})
				}
			}
			p.entries = append(p.entries, fancyEntry{item: it, axis: len(shp), naxes: k, origAxis: axis})
			for j := 0; j < k; j++ {
				keep(true)
			}
		case itemSpan:
			start, step, length := it.span.indices(a.shape[axis])
			if length > 0 {
				offset += start * a.strides[axis]
			}
			shp = append(shp, length)
			strides = append(strides, a.strides[axis]*step)
			p.fancy = append(p.fancy, false)
			axis++
		case itemNewAxis:
			shp = append(shp, 1)
			strides = append(strides, 0)
			p.fancy = append(p.fancy, false)
		case itemEllipsis:
			for k := 0; k < len(a.shape)-used; k++ {
				keep(false)
			}
		}
	}
	for axis < len(a.shape) {
		keep(false)
	}
	if shp == nil {
		shp, strides = []int{}, []int{}
	}
	p.view = a.withView(shp, strides, offset)
	p.consec = status != 2
	return p
}

// fancyLayout is a plan resolved against the strides in which the host
// sees the view's elements.
type fancyLayout struct {
	bshape    []int // the broadcast shape of the advanced dimensions
	mid       []int // offsets, one per position of bshape
	pre, post []int // offsets of the basic axes before and after
	out       []int // the result's shape
	postRun   bool  // post is 0, 1, 2, ...: copy runs
}

// basicAxes returns the shape and the offsets of the view's axes that no
// advanced item indexes, split into those before the advanced dimensions
// and those after.
func (p *fancyPlan) basicAxes(hs []int) (preShape, preSt, postShape, postSt []int) {
	first := len(p.fancy)
	if p.consec {
		for i, f := range p.fancy {
			if f {
				first = i
				break
			}
		}
	} else {
		first = 0
	}
	for i, f := range p.fancy {
		if f {
			continue
		}
		if i < first {
			preShape, preSt = append(preShape, p.view.shape[i]), append(preSt, hs[i])
		} else {
			postShape, postSt = append(postShape, p.view.shape[i]), append(postSt, hs[i])
		}
	}
	return
}

// layout computes the offsets of a plan for host strides hs.
func (p *fancyPlan) layout(hs []int) *fancyLayout {
	l := &fancyLayout{}
	shapes := make([]shape.Shape, len(p.entries))
	offs := make([][]int, len(p.entries))
	for i := range p.entries {
		shapes[i], offs[i] = p.entryOffsets(&p.entries[i], hs)
	}
	b, err := shape.Broadcast(shapes...)
	if err != nil {
		msg := "shape mismatch: indexing arrays could not be broadcast together with shapes"
		for _, s := range shapes {
			msg += " " + s.String()
		}
		panic(&IndexError{Msg: msg})
	}
	l.bshape = b
	if len(p.entries) == 1 {
		l.mid = offs[0]
	} else {
		l.mid = make([]int, b.Size())
		for i := range p.entries {
			fancyAddBroadcast(l.mid, b, shapes[i], offs[i])
		}
	}
	preShape, preSt, postShape, postSt := p.basicAxes(hs)
	l.pre = fancyAxisOffsets(preShape, preSt)
	l.post = fancyAxisOffsets(postShape, postSt)
	l.out = append(append(append([]int{}, preShape...), b...), postShape...)
	l.postRun = len(l.post) > 1
	for i, o := range l.post {
		if o != i {
			l.postRun = false
			break
		}
	}
	return l
}

// entryOffsets returns the shape an advanced item contributes to the
// broadcast and the offsets it selects, in C order of that shape.
func (p *fancyPlan) entryOffsets(e *fancyEntry, hs []int) (shape.Shape, []int) {
	n := p.view.shape[e.axis]
	st := hs[e.axis]
	switch e.item.kind {
	case itemInt:
		i := e.item.i
		if i < -n || i >= n {
			panic(outOfBounds(i, e.origAxis, n))
		}
		if i < 0 {
			i += n
		}
		return shape.Shape{}, []int{i * st}
	case itemArray:
		arr := e.item.arr
		offs := make([]int, arr.Size())
		fancyIndexOffsets(offs, arr, n, st, e.origAxis)
		return shape.Shape(arr.shape).Clone(), offs
	}
	m := e.item.arr
	if len(m.shape) == 0 {
		if m.Bool() {
			return shape.Shape{1}, []int{0}
		}
		return shape.Shape{0}, []int{}
	}
	mshape, mst := fancyMergeAxes(p.view.shape[e.axis:e.axis+e.naxes], hs[e.axis:e.axis+e.naxes])
	offs := fancyMaskOffsets(fancyMaskBytes(m), mshape, mst)
	runtime.KeepAlive(m)
	return shape.Shape{len(offs)}, offs
}

// fancyIndexOffsets writes idx's elements, in C order, bounds-checked against
// an axis of length n and times stride, into dst.
func fancyIndexOffsets(dst []int, idx *Array, n, stride, axis int) {
	data, off, _ := idx.hostView()
	size := idx.Size()
	if idx.IsContiguous() {
		data = fancySliceRange(data, off, size)
	} else {
		data = idx.hostData()
	}
	if bad := fancyScaleIndices(dst, data, n, stride); bad >= 0 {
		panic(&IndexError{Msg: fmt.Sprintf("index %v is out of bounds for axis %d with size %d", elementAt(data, bad), axis, n)})
	}
	runtime.KeepAlive(idx)
}

// fancyMaskBytes returns a mask's elements in C order as bytes (0 or 1).
func fancyMaskBytes(m *Array) []uint8 {
	data, off, _ := m.hostView()
	if m.IsContiguous() {
		data = fancySliceRange(data, off, m.Size())
	} else {
		data = m.hostData()
	}
	return rawWords(data).([]uint8)
}

// fancyMergeAxes merges neighbouring axes that step through memory as one, so
// that loops over a mask's axes run long.
func fancyMergeAxes(shp, st []int) (mshape, mst []int) {
	for i := range shp {
		if shp[i] == 1 {
			continue
		}
		if k := len(mshape) - 1; k >= 0 && mst[k] == st[i]*shp[i] {
			mshape[k] *= shp[i]
			mst[k] = st[i]
			continue
		}
		mshape, mst = append(mshape, shp[i]), append(mst, st[i])
	}
	if len(mshape) == 0 {
		size := 1
		for _, d := range shp {
			size *= d
		}
		return []int{size}, []int{0}
	}
	return mshape, mst
}

// fancyMaskOffsets returns the offsets of the true elements of a mask of shape
// shp over axes with strides st, in C order.
func fancyMaskOffsets(m []uint8, shp, st []int) []int {
	count := fancyCountTrue(m)
	offs := make([]int, count+1) // one spare for the branchless loop
	k := len(shp)
	last, ls := shp[k-1], st[k-1]
	if count == 0 || last == 0 {
		return offs[:0]
	}
	pos := make([]int, k)
	base, c := 0, 0
	for i := 0; i < len(m) && c < count; i += last {
		row := m[i : i+last]
		o := base
		for _, b := range row {
			offs[c] = o
			c += int(b)
			o += ls
		}
		for d := k - 2; d >= 0; d-- {
			pos[d]++
			base += st[d]
			if pos[d] < shp[d] {
				break
			}
			base -= pos[d] * st[d]
			pos[d] = 0
		}
	}
	return offs[:count]
}

// fancyCountTrue counts the ones in a mask of bytes 0 and 1.
func fancyCountTrue(m []uint8) int {
	n := 0
	i := 0
	for ; i+8 <= len(m); i += 8 {
		w := uint64(m[i]) | uint64(m[i+1])<<8 | uint64(m[i+2])<<16 | uint64(m[i+3])<<24 |
			uint64(m[i+4])<<32 | uint64(m[i+5])<<40 | uint64(m[i+6])<<48 | uint64(m[i+7])<<56
		n += int((w * 0x0101010101010101) >> 56)
	}
	for ; i < len(m); i++ {
		n += int(m[i])
	}
	return n
}

// fancyAxisOffsets lists the offsets of all positions of axes of shape shp and
// strides st, in C order ([0] for no axes).
func fancyAxisOffsets(shp, st []int) []int {
	size := 1
	for _, d := range shp {
		size *= d
	}
	offs := make([]int, size)
	if size == 0 || len(shp) == 0 {
		return offs
	}
	mshape, mst := fancyMergeAxes(shp, st)
	k := len(mshape)
	last, ls := mshape[k-1], mst[k-1]
	pos := make([]int, k)
	base := 0
	for i := 0; i < size; i += last {
		row := offs[i : i+last]
		for j := range row {
			row[j] = base + j*ls
		}
		for d := k - 2; d >= 0; d-- {
			pos[d]++
			base += mst[d]
			if pos[d] < mshape[d] {
				break
			}
			base -= pos[d] * mst[d]
			pos[d] = 0
		}
	}
	return offs
}

// fancyAddBroadcast adds src, the offsets of shape from, broadcast to shape to,
// to dst (of shape to).
func fancyAddBroadcast(dst []int, to, from shape.Shape, src []int) {
	if len(dst) == 0 {
		return
	}
	if len(from) == 0 {
		v := src[0]
		for i := range dst {
			dst[i] += v
		}
		return
	}
	st, err := shape.BroadcastStrides(from, shape.ContiguousStrides(from), to)
	if err != nil {
		panic(err)
	}
	nd := len(to)
	last, ls := to[nd-1], st[nd-1]
	pos := make([]int, nd)
	o := 0
	for i := 0; i < len(dst); i += last {
		row := dst[i : i+last]
		if ls == 0 {
			v := src[o]
			for j := range row {
				row[j] += v
			}
		} else {
			for j := range row {
				row[j] += src[o+j*ls]
			}
		}
		for d := nd - 2; d >= 0; d-- {
			pos[d]++
			o += st[d]
			if pos[d] < to[d] {
				break
			}
			o -= pos[d] * st[d]
			pos[d] = 0
		}
	}
}

// ---------------------------------------------------------------- reading

// itemArrays returns the arrays of the advanced items of an index.
func itemArrays(items []indexItem) []*Array {
	var out []*Array
	for _, it := range items {
		if it.arr != nil && (it.kind == itemArray || it.kind == itemMask) {
			out = append(out, it.arr)
		}
	}
	return out
}

// hostedItems returns items with the arrays of its advanced items in host
// memory (a copy of items when one had to move).
func hostedItems(items []indexItem) []indexItem {
	var out []indexItem
	for i, it := range items {
		if it.arr == nil || it.arr.onHost() {
			continue
		}
		if out == nil {
			out = append([]indexItem{}, items...)
		}
		out[i].arr = it.arr.hosted()
	}
	if out == nil {
		return items
	}
	return out
}

// fancyGet is the advanced indexing of operation op (function fn: Index,
// Take, ...). The index arrays must be on a's device or in host memory.
// For an array whose memory the CPU cannot address, it runs on a host copy
// after a notice, and the result goes back to a's device.
func (a *Array) fancyGet(op, fn string, items []indexItem) *Array {
	indexDevices(op, a, itemArrays(items)...)
	if !a.onHost() {
		dev := a.Device()
		ranOnCPU(fn, dev, "indexing with arrays")
		return a.hosted().fancyGet(op, fn, hostedItems(items)).To(dev)
	}
	p := a.planFancy(items)
	src, base, hs := p.view.hostView()
	defer runtime.KeepAlive(p.view)
	if out := p.fastGet(src, base, hs); out != nil {
		return out.onDevice(a.Device())
	}
	l := p.layout(hs)
	out := allocOut(nil, a.dt, l.out)
	if out.Size() > 0 {
		gatherRaw(rawWords(out.buf.(devices.HostBuffer).Data()), rawWords(src), base, l)
	}
	return out.onDevice(a.Device())
}

// fastGet handles one integer array or one mask with no other axes to
// loop over, without offset lists; it returns nil for other indices.
func (p *fancyPlan) fastGet(src any, base int, hs []int) *Array {
	if len(p.entries) != 1 {
		return nil
	}
	e := &p.entries[0]
	for i, f := range p.fancy {
		if !f && p.view.shape[i] != 1 {
			return nil
		}
	}
	// Only axes of length 1 besides the advanced ones: they sit before or
	// after the advanced dimensions, and add nothing to the offsets.
	nbefore, nafter := 0, 0
	for i, f := range p.fancy {
		switch {
		case f:
		case p.consec && i < e.axis:
			nbefore++
		default:
			nafter++
		}
	}
	outShape := func(b []int) []int {
		s := make([]int, 0, nbefore+len(b)+nafter)
		for i := 0; i < nbefore; i++ {
			s = append(s, 1)
		}
		s = append(s, b...)
		for i := 0; i < nafter; i++ {
			s = append(s, 1)
		}
		return s
	}
	switch e.item.kind {
	case itemArray:
		idx := e.item.arr
		n, st := p.view.shape[e.axis], hs[e.axis]
		data, off, _ := idx.hostView()
		if idx.IsContiguous() {
			data = fancySliceRange(data, off, idx.Size())
		} else {
			data = idx.hostData()
		}
		out := allocOut(nil, p.view.dt, outShape(idx.shape))
		if bad := takeRaw(rawWords(out.buf.(devices.HostBuffer).Data()), rawWords(src), base, st, n, data); bad >= 0 {
			panic(&IndexError{Msg: fmt.Sprintf("index %v is out of bounds for axis %d with size %d", elementAt(data, bad), e.origAxis, n)})
		}
		runtime.KeepAlive(idx)
		return out
	case itemMask:
		m := e.item.arr
		if len(m.shape) == 0 {
			return nil
		}
		mshape, mst := fancyMergeAxes(p.view.shape[e.axis:e.axis+e.naxes], hs[e.axis:e.axis+e.naxes])
		if len(mshape) != 1 {
			return nil
		}
		bytes := fancyMaskBytes(m)
		counts, count := maskChunkCounts(bytes)
		out := allocOut(nil, p.view.dt, outShape([]int{count}))
		compressRaw(rawWords(out.buf.(devices.HostBuffer).Data()), rawWords(src), base, mst[0], bytes, counts)
		runtime.KeepAlive(m)
		return out
	}
	return nil
}

// ---------------------------------------------------------------- assignment

// fancySet is SetIndex with advanced items. The index arrays and an array
// value must be on a's device or in host memory. For an array whose memory
// the CPU cannot address, the assignment runs on a host copy of the view
// it writes, after a notice, and the copy is written back.
func (a *Array) fancySet(value any, items []indexItem) {
	indexDevices("setindex", a, append(itemArrays(items), arrayOf(value))...)
	if !a.onHost() {
		items = hostedItems(items) // read once, on the host
	}
	p := a.planFancy(items)
	v := operandFor("setindex", value, a)
	fancyWithHostData("SetIndex", p.view, func(dst any, base int, hs []int) {
		l := p.layout(hs)
		vals, scalar := fancyAssignValues(v, a, l.out)
		if shape.Shape(l.out).Size() == 0 {
			return
		}
		if scalar {
			fillRaw(rawWords(dst), base, l, rawWords(vals))
		} else {
			scatterRaw(rawWords(dst), base, l, rawWords(vals))
		}
	})
}

// fancyAssignValues converts the value of an assignment to dst's dtype and
// broadcasts it to shape shp: a typed slice of shp's size in C order, or,
// when the value has one element, that element alone (scalar true). The
// slice shares no memory with dst.
func fancyAssignValues(v, dst *Array, shp []int) (vals any, scalar bool) {
	v = dropLeadingOnes(v, len(shp))
	if !fancyBroadcastsTo(v.shape, shp) {
		panic(shapeErr("setindex", "shape mismatch: cannot broadcast the value array to the indexing result; their shapes", v.shape, shp))
	}
	v = v.Astype(dst.dt)
	if v.Size() == 1 {
		return v.hostData(), true
	}
	return BroadcastTo(v, shp...).hostData(), false
}

// fancyBroadcastsTo reports whether shape from broadcasts to shape to.
func fancyBroadcastsTo(from, to []int) bool {
	if len(from) > len(to) {
		return false
	}
	for i := range from {
		f, t := from[len(from)-1-i], to[len(to)-1-i]
		if f != t && f != 1 {
			return false
		}
	}
	return true
}

// fancyWithHostData calls fn with memory the CPU can write that holds v's
// elements at base + sum of index*hs: v's own buffer when it is in host
// memory, else a copy that is written back to v afterwards, after a notice
// that function op ran on the CPU.
func fancyWithHostData(op string, v *Array, fn func(data any, base int, hs []int)) {
	if hb, ok := v.buf.(devices.HostBuffer); ok {
		fn(hb.Data(), v.offset, v.strides)
		runtime.KeepAlive(v)
		return
	}
	ranOnCPU(op, v.Device(), "assignment at array indices")
	data := v.hostData()
	fn(data, 0, shape.ContiguousStrides(v.shape))
	v.Assign(shaped(data, v.shape).onDevice(v.Device()))
}

// fancySliceRange returns data[off:off+n] of a typed slice.
func fancySliceRange(data any, off, n int) any {
	switch s := data.(type) {
	case []bool:
		return s[off : off+n]
	case []int8:
		return s[off : off+n]
	case []int16:
		return s[off : off+n]
	case []int32:
		return s[off : off+n]
	case []int64:
		return s[off : off+n]
	case []uint8:
		return s[off : off+n]
	case []uint16:
		return s[off : off+n]
	case []uint32:
		return s[off : off+n]
	case []uint64:
		return s[off : off+n]
	case []float32:
		return s[off : off+n]
	case []float64:
		return s[off : off+n]
	case []complex64:
		return s[off : off+n]
	case []complex128:
		return s[off : off+n]
	}
	panic(fmt.Sprintf("arrays: sliceRange of %T", data))
}
