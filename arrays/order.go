package arrays

// The order that sorting, searching, sets and statistics use, and typed
// helpers that run those algorithms on the host copy of an array, one lane
// (a line along the axes worked on) at a time.

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"workbench/arrays/shape"
	"workbench/kernels"
)

// elem is every element type an array can have.
type elem interface {
	bool | int8 | int16 | int32 | int64 | uint8 | uint16 | uint32 | uint64 |
		float32 | float64 | complex64 | complex128
}

// cmpFloat orders floats as NumPy sorts them: NaN after every number, all
// NaNs equal, -0 equal to +0.
func cmpFloat[F float32 | float64](a, b F) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	case a == b:
		return 0
	}
	an, bn := a != a, b != b
	switch {
	case an && bn:
		return 0
	case an:
		return 1
	}
	return -1
}

// cmpComplexParts orders complex numbers as NumPy sorts them:
// lexicographically by real then imaginary part, with the numbers that hold
// a NaN after the others in the order R+Rj < R+NaNj < NaN+Rj < NaN+NaNj.
func cmpComplexParts[F float32 | float64](ar, ai, br, bi F) int {
	ca, cb := nanClass(ar, ai), nanClass(br, bi)
	if ca != cb {
		return cmp.Compare(ca, cb)
	}
	switch ca {
	case 0:
		if c := cmpFloat(ar, br); c != 0 {
			return c
		}
		return cmpFloat(ai, bi)
	case 1:
		return cmpFloat(ar, br)
	case 2:
		return cmpFloat(ai, bi)
	}
	return 0
}

func nanClass[F float32 | float64](re, im F) int {
	c := 0
	if re != re {
		c += 2
	}
	if im != im {
		c++
	}
	return c
}

func cmpComplex64(a, b complex64) int {
	return cmpComplexParts(real(a), imag(a), real(b), imag(b))
}

func cmpComplex128(a, b complex128) int {
	return cmpComplexParts(real(a), imag(a), real(b), imag(b))
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case b:
		return -1
	}
	return 1
}

// lanes is a typed slice that holds rows of n elements one after another,
// with the algorithms that work on it. Methods that take other slices
// expect them of the same element type.
type lanes interface {
	len() int
	// sortRows sorts each row in place, stably, NaNs last.
	sortRows(n int, desc bool)
	// argsortRows returns, for each row, the indices that sort it stably.
	argsortRows(n int, desc bool) []int64
	// partitionRows moves each row's kth smallest element to position kth,
	// smaller ones before it and larger ones after.
	partitionRows(n, kth int)
	argpartitionRows(n, kth int) []int64
	// argextremeRows returns the index of each row's largest (max) or
	// smallest element, the first NaN winning (skipNaN: NaNs ignored, -1
	// for a row of NaNs).
	argextremeRows(n int, max, skipNaN bool) []int64
	// searchsorted returns where each of values would go in the sorted
	// data (read through sorter when it is not nil).
	searchsorted(values any, sorter []int64, right bool) []int64
	// unique returns the distinct elements in order (NaNs each distinct,
	// -0 equal to +0, the first occurrence kept), and when all is set the
	// index of each first occurrence, the inverse and the counts.
	unique(all bool) (values any, index, inverse, counts []int64)
	// isin reports for each element whether it equals one of others.
	isin(others any) []bool
	// nonzero reports for each element whether it is not zero.
	nonzero() []bool
	// selectFrom replaces the elements where keep is false by those of other.
	selectFrom(other any, keep []bool)
	// isNaN reports whether element i is NaN (for complex numbers, holds a NaN).
	isNaN(i int) bool
	// take returns the elements at the indices, as a new typed slice.
	take(idx []int64) any
	data() any
	// nanLast moves the NaNs of row r (of n elements) to its end and
	// returns how many elements are not NaN.
	nanLast(r, n int) int
	// selectKs puts at each position k of ks (increasing, below m) of row
	// r the element a sort of the row's first m elements would put there.
	selectKs(r, n, m int, ks []int)
	// float64At and complex128At convert element i.
	float64At(i int) float64
	complex128At(i int) complex128
}

type typed[T elem] struct {
	s     []T
	cmp   func(a, b T) int
	fast  func([]T)      // slices.Sort for integers and floats
	sel   func([]T, int) // nthOrdered for integers and floats without NaNs
	float bool
	// key maps an integer or float to a uint64 whose unsigned order is
	// the sort order (NaN greatest, -0 as +0), for radix sorting; keyBytes
	// is how many low bytes of it vary.
	key      func(T) uint64
	unkey    func(uint64) T
	keyBytes int
}

// lanesOf wraps a typed slice of any dtype.
func lanesOf(data any) lanes {
	switch s := data.(type) {
	case []bool:
		return &typed[bool]{s: s, cmp: cmpBool}
	case []int8:
		return &typed[int8]{s: s, cmp: cmp.Compare[int8], fast: slices.Sort[[]int8], sel: nthOrdered[int8], key: radixKeyInt8, unkey: unkeyInt8, keyBytes: 1}
	case []int16:
		return &typed[int16]{s: s, cmp: cmp.Compare[int16], fast: slices.Sort[[]int16], sel: nthOrdered[int16], key: radixKeyInt16, unkey: unkeyInt16, keyBytes: 2}
	case []int32:
		return &typed[int32]{s: s, cmp: cmp.Compare[int32], fast: slices.Sort[[]int32], sel: nthOrdered[int32], key: radixKeyInt32, unkey: unkeyInt32, keyBytes: 4}
	case []int64:
		return &typed[int64]{s: s, cmp: cmp.Compare[int64], fast: slices.Sort[[]int64], sel: nthOrdered[int64], key: radixKeyInt64, unkey: unkeyInt64, keyBytes: 8}
	case []uint8:
		return &typed[uint8]{s: s, cmp: cmp.Compare[uint8], fast: slices.Sort[[]uint8], sel: nthOrdered[uint8], key: radixKeyUint[uint8], unkey: unkeyUint[uint8], keyBytes: 1}
	case []uint16:
		return &typed[uint16]{s: s, cmp: cmp.Compare[uint16], fast: slices.Sort[[]uint16], sel: nthOrdered[uint16], key: radixKeyUint[uint16], unkey: unkeyUint[uint16], keyBytes: 2}
	case []uint32:
		return &typed[uint32]{s: s, cmp: cmp.Compare[uint32], fast: slices.Sort[[]uint32], sel: nthOrdered[uint32], key: radixKeyUint[uint32], unkey: unkeyUint[uint32], keyBytes: 4}
	case []uint64:
		return &typed[uint64]{s: s, cmp: cmp.Compare[uint64], fast: slices.Sort[[]uint64], sel: nthOrdered[uint64], key: radixKeyUint[uint64], unkey: unkeyUint[uint64], keyBytes: 8}
	case []float32:
		return &typed[float32]{s: s, cmp: cmpFloat[float32], fast: slices.Sort[[]float32], sel: nthOrdered[float32], float: true, key: radixKeyFloat32, unkey: unkeyFloat32, keyBytes: 4}
	case []float64:
		return &typed[float64]{s: s, cmp: cmpFloat[float64], fast: slices.Sort[[]float64], sel: nthOrdered[float64], float: true, key: radixKeyFloat64, unkey: unkeyFloat64, keyBytes: 8}
	case []complex64:
		return &typed[complex64]{s: s, cmp: cmpComplex64}
	case []complex128:
		return &typed[complex128]{s: s, cmp: cmpComplex128}
	}
	panic(fmt.Sprintf("arrays: no lanes for %T", data))
}

// with returns t's algorithms on another slice.
func (t *typed[T]) with(s []T) *typed[T] {
	u := *t
	u.s = s
	return &u
}

func (t *typed[T]) len() int  { return len(t.s) }
func (t *typed[T]) data() any { return t.s }
func (t *typed[T]) rows(n int) int {
	if n == 0 {
		return 0
	}
	return len(t.s) / n
}

// eachRow calls fn for the rows, in parallel on the worker pool when there
// is enough work. Rows are independent, so results do not depend on the
// worker count.
func eachRow(rows, n int, fn func(r int)) {
	if rows == 0 {
		return
	}
	grain := max(1, kernels.Grain/max(n, 1))
	kernels.Parallel(rows, grain, func(_, lo, hi int) {
		for r := lo; r < hi; r++ {
			fn(r)
		}
	})
}

type indexed[T elem] struct {
	v T
	i int64
}

// argCmp orders (value, index) pairs: by value (reversed when desc, NaNs
// last either way), then by index, which makes any sort stable.
func (t *typed[T]) argCmp(desc bool) func(a, b indexed[T]) int {
	c := t.cmp
	if !desc {
		return func(a, b indexed[T]) int {
			if r := c(a.v, b.v); r != 0 {
				return r
			}
			return cmp.Compare(a.i, b.i)
		}
	}
	return func(a, b indexed[T]) int {
		an, bn := a.v != a.v, b.v != b.v
		var r int
		switch {
		case an != bn:
			if an {
				return 1
			}
			return -1
		case an:
			r = c(a.v, b.v)
		default:
			r = c(b.v, a.v)
		}
		if r != 0 {
			return r
		}
		return cmp.Compare(a.i, b.i)
	}
}

func (t *typed[T]) sortRows(n int, desc bool) {
	if t.fast == nil {
		if _, ok := any(t.s).([]bool); ok {
			eachRow(t.rows(n), n, func(r int) { sortBools(any(t.s[r*n:(r+1)*n]).([]bool), desc) })
			return
		}
		// Complex numbers: through the indices.
		idx := t.argsortRows(n, desc)
		out := make([]T, len(t.s))
		eachRow(t.rows(n), n, func(r int) {
			row := t.s[r*n : (r+1)*n]
			for j, i := range idx[r*n : (r+1)*n] {
				out[r*n+j] = row[i]
			}
		})
		copy(t.s, out)
		return
	}
	eachRow(t.rows(n), n, func(r int) { t.sortRow(t.s[r*n:(r+1)*n], desc) })
}

// sortRow sorts one row of integers or floats: a long one by radix, a
// short one with slices.Sort, after which it puts back what an unstable
// sort may disorder: the run of zeros (-0 and +0 are equal) and the NaNs,
// which go last, each in their original order.
func (t *typed[T]) sortRow(row []T, desc bool) {
	if len(row) >= radixMin {
		t.radixSortRow(row, desc)
		return
	}
	if !t.float {
		t.fast(row)
		if desc {
			slices.Reverse(row)
		}
		return
	}
	var zeros, nans []T
	var zero T
	k := 0
	for _, v := range row {
		switch {
		case v != v:
			nans = append(nans, v)
			continue
		case v == zero:
			zeros = append(zeros, v)
		}
		row[k] = v
		k++
	}
	num := row[:k]
	t.fast(num)
	if desc {
		slices.Reverse(num)
	}
	if len(zeros) > 0 {
		i, _ := slices.BinarySearchFunc(num, zero, func(a, b T) int {
			if desc {
				return t.cmp(b, a)
			}
			return t.cmp(a, b)
		})
		copy(num[i:], zeros)
	}
	copy(row[k:], nans)
}

// radixMin is the shortest row that sortRow and argsortRows sort by radix
// (stable, so equal keys keep their order); shorter ones go through
// comparisons.
const radixMin = 512

type keyed struct {
	k uint64
	i int64
}

// descKey is t.key, reversed for a descending sort except for NaN, which
// stays greatest.
func (t *typed[T]) descKey(desc bool) func(T) uint64 {
	if !desc {
		return t.key
	}
	mask := uint64(1)<<(8*t.keyBytes) - 1
	if t.keyBytes == 8 {
		mask = ^uint64(0)
	}
	key := t.key
	return func(v T) uint64 {
		if v != v {
			return mask
		}
		return ^key(v) & mask
	}
}

func radixKeyInt8(v int8) uint64   { return uint64(uint8(v) ^ 0x80) }
func radixKeyInt16(v int16) uint64 { return uint64(uint16(v) ^ 0x8000) }
func radixKeyInt32(v int32) uint64 { return uint64(uint32(v) ^ 0x80000000) }
func radixKeyInt64(v int64) uint64 { return uint64(v) ^ 1<<63 }

func radixKeyUint[U uint8 | uint16 | uint32 | uint64](v U) uint64 { return uint64(v) }

func radixKeyFloat32(v float32) uint64 {
	switch {
	case v != v:
		return math.MaxUint32
	case v == 0:
		return 1 << 31
	}
	b := math.Float32bits(v)
	if b>>31 != 0 {
		return uint64(^b)
	}
	return uint64(b | 1<<31)
}

func radixKeyFloat64(v float64) uint64 {
	switch {
	case v != v:
		return math.MaxUint64
	case v == 0:
		return 1 << 63
	}
	b := math.Float64bits(v)
	if b>>63 != 0 {
		return ^b
	}
	return b | 1<<63
}

// radixSortRow sorts a row of integers or floats by the radix of their
// keys. The keys of floats lose the sign of zero and NaN payloads, so the
// NaNs are set aside (to go last) and the run of zeros is put back in its
// original order, as a stable sort leaves them.
func (t *typed[T]) radixSortRow(row []T, desc bool) {
	mask := ^uint64(0) >> (64 - 8*t.keyBytes)
	keys := make([]uint64, 0, len(row))
	var zeros, nans []T
	var zero T
	for _, v := range row {
		if v != v {
			nans = append(nans, v)
			continue
		}
		if t.float && v == zero {
			zeros = append(zeros, v)
		}
		k := t.key(v)
		if desc {
			k = ^k & mask
		}
		keys = append(keys, k)
	}
	radixSortU64(keys, make([]uint64, len(keys)), t.keyBytes)
	for i, k := range keys {
		if desc {
			k = ^k & mask
		}
		row[i] = t.unkey(k)
	}
	if len(zeros) > 0 {
		num := row[:len(keys)]
		i, _ := slices.BinarySearchFunc(num, zero, func(a, b T) int {
			if desc {
				return t.cmp(b, a)
			}
			return t.cmp(a, b)
		})
		copy(num[i:], zeros)
	}
	copy(row[len(keys):], nans)
}

func unkeyInt8(k uint64) int8   { return int8(uint8(k) ^ 0x80) }
func unkeyInt16(k uint64) int16 { return int16(uint16(k) ^ 0x8000) }
func unkeyInt32(k uint64) int32 { return int32(uint32(k) ^ 0x80000000) }
func unkeyInt64(k uint64) int64 { return int64(k ^ 1<<63) }

func unkeyUint[U uint8 | uint16 | uint32 | uint64](k uint64) U { return U(k) }

func unkeyFloat32(k uint64) float32 {
	b := uint32(k)
	if b>>31 != 0 {
		return math.Float32frombits(b &^ (1 << 31))
	}
	return math.Float32frombits(^b)
}

func unkeyFloat64(k uint64) float64 {
	if k>>63 != 0 {
		return math.Float64frombits(k &^ (1 << 63))
	}
	return math.Float64frombits(^k)
}

// radixCounts counts, for each of the low nbytes bytes of the keys, how
// many keys have each value of it.
func radixCounts(counts *[8][256]int, k uint64, nbytes int) {
	for b := 0; b < nbytes; b++ {
		counts[b][byte(k>>(8*b))]++
	}
}

// radixOffsets turns counts into starting offsets; it reports false when
// all n keys share one value (the pass can be skipped).
func radixOffsets(c *[256]int, n int) bool {
	sum := 0
	for i, m := range c {
		if m == n {
			return false
		}
		c[i] = sum
		sum += m
	}
	return true
}

// radixSortU64 sorts keys (the low nbytes bytes of each significant) by
// least significant digit first, with buf as scratch space.
func radixSortU64(s, buf []uint64, nbytes int) {
	if len(s) < 2 {
		return
	}
	var counts [8][256]int
	for _, k := range s {
		radixCounts(&counts, k, nbytes)
	}
	src, dst := s, buf
	for b := 0; b < nbytes; b++ {
		c := &counts[b]
		if !radixOffsets(c, len(s)) {
			continue
		}
		shift := 8 * b
		for _, k := range src {
			d := byte(k >> shift)
			dst[c[d]] = k
			c[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &s[0] {
		copy(s, src)
	}
}

// radixSortKeyed is radixSortU64 for (key, index) pairs: stable, so equal
// keys keep their indices in order.
func radixSortKeyed(s, buf []keyed, nbytes int) {
	if len(s) < 2 {
		return
	}
	var counts [8][256]int
	for _, p := range s {
		radixCounts(&counts, p.k, nbytes)
	}
	src, dst := s, buf
	for b := 0; b < nbytes; b++ {
		c := &counts[b]
		if !radixOffsets(c, len(s)) {
			continue
		}
		shift := 8 * b
		for _, p := range src {
			d := byte(p.k >> shift)
			dst[c[d]] = p
			c[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &s[0] {
		copy(s, src)
	}
}

func sortBools(row []bool, desc bool) {
	trues := 0
	for _, v := range row {
		if v {
			trues++
		}
	}
	first := len(row) - trues // falses first
	if desc {
		first = trues
	}
	for i := range row {
		row[i] = (i >= first) != desc
	}
}

func (t *typed[T]) argsortRows(n int, desc bool) []int64 {
	out := make([]int64, len(t.s))
	if b, ok := any(t.s).([]bool); ok {
		eachRow(t.rows(n), n, func(r int) { argsortBools(b[r*n:(r+1)*n], out[r*n:(r+1)*n], desc) })
		return out
	}
	if t.key != nil && n >= radixMin {
		key := t.descKey(desc)
		eachRow(t.rows(n), n, func(r int) {
			row := t.s[r*n : (r+1)*n]
			pairs := make([]keyed, n)
			for i, v := range row {
				pairs[i] = keyed{key(v), int64(i)}
			}
			radixSortKeyed(pairs, make([]keyed, n), t.keyBytes)
			for i, p := range pairs {
				out[r*n+i] = p.i
			}
		})
		return out
	}
	less := t.argCmp(desc)
	eachRow(t.rows(n), n, func(r int) {
		row := t.s[r*n : (r+1)*n]
		pairs := make([]indexed[T], n)
		for i, v := range row {
			pairs[i] = indexed[T]{v, int64(i)}
		}
		slices.SortFunc(pairs, less)
		for i, p := range pairs {
			out[r*n+i] = p.i
		}
	})
	return out
}

func argsortBools(row []bool, out []int64, desc bool) {
	k := 0
	for _, want := range []bool{desc, !desc} {
		for i, v := range row {
			if v == want {
				out[k] = int64(i)
				k++
			}
		}
	}
}

func (t *typed[T]) partitionRows(n, kth int) {
	eachRow(t.rows(n), n, func(r int) { nthElement(t.s[r*n:(r+1)*n], kth, t.cmp) })
}

func (t *typed[T]) argpartitionRows(n, kth int) []int64 {
	out := make([]int64, len(t.s))
	less := t.argCmp(false)
	eachRow(t.rows(n), n, func(r int) {
		pairs := make([]indexed[T], n)
		for i, v := range t.s[r*n : (r+1)*n] {
			pairs[i] = indexed[T]{v, int64(i)}
		}
		nthElement(pairs, kth, less)
		for i, p := range pairs {
			out[r*n+i] = p.i
		}
	})
	return out
}

// nthElement rearranges s so that s[k] is the element a sort would put
// there, with no greater element before it and no smaller one after it
// (quickselect with a three-way partition, falling back to a sort when the
// pivots are poor).
func nthElement[E any](s []E, k int, c func(a, b E) int) {
	lo, hi := 0, len(s)
	for depth := 0; hi-lo > 16; depth++ {
		if depth > 64 {
			slices.SortFunc(s[lo:hi], c)
			return
		}
		m := lo + (hi-lo)/2
		// Median of three as the pivot.
		a, b, d := lo, m, hi-1
		if c(s[b], s[a]) < 0 {
			a, b = b, a
		}
		if c(s[d], s[b]) < 0 {
			b = d
			if c(s[b], s[a]) < 0 {
				b = a
			}
		}
		pivot := s[b]
		lt, i, gt := lo, lo, hi
		for i < gt {
			switch r := c(s[i], pivot); {
			case r < 0:
				s[lt], s[i] = s[i], s[lt]
				lt++
				i++
			case r > 0:
				gt--
				s[i], s[gt] = s[gt], s[i]
			default:
				i++
			}
		}
		switch {
		case k < lt:
			hi = lt
		case k >= gt:
			lo = gt
		default:
			return
		}
	}
	slices.SortFunc(s[lo:hi], c)
}

// nthOrdered is nthElement for numbers compared with < (no NaNs):
// quickselect with Hoare's partition around a median of three.
func nthOrdered[E cmp.Ordered](s []E, k int) {
	lo, hi := 0, len(s)-1
	for depth := 0; hi-lo >= 16; depth++ {
		if depth > 64 {
			slices.Sort(s[lo : hi+1])
			return
		}
		m := lo + (hi-lo)/2
		if s[m] < s[lo] {
			s[m], s[lo] = s[lo], s[m]
		}
		if s[hi] < s[lo] {
			s[hi], s[lo] = s[lo], s[hi]
		}
		if s[hi] < s[m] {
			s[hi], s[m] = s[m], s[hi]
		}
		pivot := s[m]
		i, j := lo, hi
		for i <= j {
			for s[i] < pivot {
				i++
			}
			for pivot < s[j] {
				j--
			}
			if i <= j {
				s[i], s[j] = s[j], s[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return // s[j+1:i] all equal the pivot
		}
	}
	// Insertion sort of the short rest.
	for a := lo + 1; a <= hi; a++ {
		for b := a; b > lo && s[b] < s[b-1]; b-- {
			s[b], s[b-1] = s[b-1], s[b]
		}
	}
}

func (t *typed[T]) argextremeRows(n int, max, skipNaN bool) []int64 {
	rows := t.rows(n)
	out := make([]int64, rows)
	want := -1
	if max {
		want = 1
	}
	eachRow(rows, n, func(r int) {
		row := t.s[r*n : (r+1)*n]
		best := -1
		for i, v := range row {
			if v != v {
				if skipNaN {
					continue
				}
				best = i
				break
			}
			if best < 0 || t.cmp(v, row[best]) == want {
				best = i
			}
		}
		out[r] = int64(best)
	})
	return out
}

func (t *typed[T]) searchsorted(values any, sorter []int64, right bool) []int64 {
	vs := values.([]T)
	out := make([]int64, len(vs))
	n := len(t.s)
	at := func(i int) T { return t.s[i] }
	if sorter != nil {
		at = func(i int) T { return t.s[sorter[i]] }
	}
	eachRow(len(vs), 64, func(j int) {
		v := vs[j]
		lo, hi := 0, n
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			c := t.cmp(at(m), v)
			if c < 0 || right && c == 0 {
				lo = m + 1
			} else {
				hi = m
			}
		}
		out[j] = int64(lo)
	})
	return out
}

func (t *typed[T]) unique(all bool) (values any, index, inverse, counts []int64) {
	n := len(t.s)
	if !all {
		s := slices.Clone(t.s)
		t.with(s).sortRows(n, false)
		vals := s[:0]
		for i, v := range s {
			if i == 0 || v != s[i-1] {
				vals = append(vals, v)
			}
		}
		return slices.Clip(vals), nil, nil, nil
	}
	perm := t.argsortRows(n, false)
	vals := make([]T, 0)
	inverse = make([]int64, n)
	var prev T
	for j, p := range perm {
		v := t.s[p]
		if j == 0 || v != prev {
			vals = append(vals, v)
			index = append(index, p)
			counts = append(counts, 0)
		}
		counts[len(counts)-1]++
		inverse[p] = int64(len(vals) - 1)
		prev = v
	}
	if index == nil {
		index, counts = []int64{}, []int64{}
	}
	return vals, index, inverse, counts
}

func (t *typed[T]) isin(others any) []bool {
	o := slices.Clone(others.([]T))
	t.with(o).sortRows(len(o), false)
	out := make([]bool, len(t.s))
	eachRow(len(t.s), 64, func(j int) {
		v := t.s[j]
		if v != v {
			return
		}
		i, _ := slices.BinarySearchFunc(o, v, t.cmp)
		out[j] = i < len(o) && o[i] == v
	})
	return out
}

func (t *typed[T]) nonzero() []bool {
	var z T
	out := make([]bool, len(t.s))
	for i, v := range t.s {
		out[i] = v != z
	}
	return out
}

func (t *typed[T]) selectFrom(other any, keep []bool) {
	o := other.([]T)
	for i, k := range keep {
		if !k {
			t.s[i] = o[i]
		}
	}
}

func (t *typed[T]) isNaN(i int) bool { return t.s[i] != t.s[i] }

func (t *typed[T]) nanLast(r, n int) int {
	row := t.s[r*n : (r+1)*n]
	if !t.float {
		if _, ok := any(row).([]bool); ok || t.fast != nil {
			return n
		}
	}
	m := 0
	for i, v := range row {
		if v == v {
			row[m], row[i] = row[i], row[m]
			m++
		}
	}
	return m
}

func (t *typed[T]) selectKs(r, n, m int, ks []int) {
	row := t.s[r*n : r*n+m]
	lo := 0
	for _, k := range ks {
		if k < lo {
			continue
		}
		if k == lo && lo > 0 {
			// The next order statistic after one just selected (the upper
			// middle of an even median) is the least of the rest: a scan.
			rest := row[lo:]
			least := 0
			for i := 1; i < len(rest); i++ {
				if t.cmp(rest[i], rest[least]) < 0 {
					least = i
				}
			}
			rest[0], rest[least] = rest[least], rest[0]
		} else if t.sel != nil {
			t.sel(row[lo:], k-lo) // no NaNs here
		} else {
			nthElement(row[lo:], k-lo, t.cmp)
		}
		lo = k + 1
	}
}

func (t *typed[T]) float64At(i int) float64 {
	switch v := any(t.s[i]).(type) {
	case bool:
		if v {
			return 1
		}
		return 0
	case int8:
		return float64(v)
	case int16:
		return float64(v)
	case int32:
		return float64(v)
	case int64:
		return float64(v)
	case uint8:
		return float64(v)
	case uint16:
		return float64(v)
	case uint32:
		return float64(v)
	case uint64:
		return float64(v)
	case float32:
		return float64(v)
	case float64:
		return v
	}
	return real(t.complex128At(i))
}

func (t *typed[T]) complex128At(i int) complex128 {
	switch v := any(t.s[i]).(type) {
	case complex64:
		return complex128(v)
	case complex128:
		return v
	}
	return complex(t.float64At(i), 0)
}

func (t *typed[T]) take(idx []int64) any {
	out := make([]T, len(idx))
	for j, i := range idx {
		out[j] = t.s[i]
	}
	return out
}

// ---------------------------------------------------------------- axes

// oneAxis reads the single axis an option selects (def when none is
// given), normalized for x; it panics with an error naming op and x's shape.
func oneAxis(op string, x *Array, c *config, def int) int {
	axis := def
	if c.hasAxis {
		if len(c.axes) != 1 {
			panic(valueErr(op, "give one axis, got %v", c.axes))
		}
		axis = c.axes[0]
	}
	ax, err := shape.NormalizeAxis(axis, len(x.shape))
	if err != nil {
		panic(shapeErr(op, fmt.Sprintf("axis %d: %v; array shape", axis, err), x.shape))
	}
	return ax
}

// laneCopy returns x's elements as a fresh typed slice in which the axes
// marked in red come last (in their order) and the others first: rows of n
// elements, one per position along the other axes. perm is the order of
// x's axes in that layout.
func laneCopy(x *Array, red []bool) (data any, rows, n int, perm []int) {
	rows, n = 1, 1
	for i, d := range x.shape {
		if !red[i] {
			perm = append(perm, i)
			rows *= d
		}
	}
	for i, d := range x.shape {
		if red[i] {
			perm = append(perm, i)
			n *= d
		}
	}
	if perm == nil {
		perm = []int{}
	}
	return PermuteDims(x, perm...).hostData(), rows, n, perm
}

// axisMask marks one axis of an ndim-dimensional array.
func axisMask(ndim, ax int) []bool {
	m := make([]bool, ndim)
	m[ax] = true
	return m
}

// fromLanes makes the array of x's shape whose elements data holds in the
// layout laneCopy gives with perm: C-contiguous, on x's device.
func fromLanes(x *Array, data any, perm []int) *Array {
	pshape := make([]int, len(perm))
	inv := make([]int, len(perm))
	identity := true
	for i, ax := range perm {
		pshape[i] = x.shape[ax]
		inv[ax] = i
		identity = identity && ax == i
	}
	out := shaped(data, pshape)
	if !identity {
		out = Copy(PermuteDims(out, inv...))
	}
	return out.onDevice(x.Device())
}

// reducedResult makes the array of a reduction's results, one per row of
// laneCopy's layout, with the reduced axes dropped or (keepdims) kept as
// length 1.
func reducedResult(x *Array, data any, red []bool, keepdims bool) *Array {
	shp := []int{}
	for i, d := range x.shape {
		switch {
		case !red[i]:
			shp = append(shp, d)
		case keepdims:
			shp = append(shp, 1)
		}
	}
	return shaped(data, shp).onDevice(x.Device())
}

// shaped adopts data (a typed slice) as a C-contiguous array of shape shp,
// which may be 0-d.
func shaped(data any, shp []int) *Array {
	a := FromSlice(data)
	if a.Size() != shape.Shape(shp).Size() {
		panic(shapeErr("from_slice", fmt.Sprintf("cannot view %d elements as", a.Size()), shp))
	}
	shp = append([]int{}, shp...)
	return a.withView(shp, shape.ContiguousStrides(shp), 0)
}
