package arrays

// The loops of advanced indexing. Gathering and scattering move elements
// without looking at them, so they work on the elements' bits: every dtype
// is viewed as a slice of unsigned words of its size (float64 and
// complex64 as uint64, complex128 as [2]uint64, bool as uint8), and each
// loop has five instances.

import (
	"fmt"
	"unsafe"

	"workbench/devices"
	"workbench/kernels"
)

// word is an element's bits.
type fancyWord interface {
	uint8 | uint16 | uint32 | uint64 | [2]uint64
}

// indexInt is the element type of an integer index array.
type fancyIndexInt interface {
	int8 | int16 | int32 | int64 | uint8 | uint16 | uint32 | uint64
}

func reinterpretWords[W fancyWord, T any](s []T) []W {
	if len(s) == 0 {
		return []W{}
	}
	return unsafe.Slice((*W)(unsafe.Pointer(unsafe.SliceData(s))), len(s))
}

// rawWords views a typed slice as words of its element size (same memory).
func rawWords(data any) any {
	switch s := data.(type) {
	case []bool:
		return reinterpretWords[uint8](s)
	case []int8:
		return reinterpretWords[uint8](s)
	case []uint8:
		return s
	case []int16:
		return reinterpretWords[uint16](s)
	case []uint16:
		return s
	case []int32:
		return reinterpretWords[uint32](s)
	case []uint32:
		return s
	case []float32:
		return reinterpretWords[uint32](s)
	case []int64:
		return reinterpretWords[uint64](s)
	case []uint64:
		return s
	case []float64:
		return reinterpretWords[uint64](s)
	case []complex64:
		return reinterpretWords[uint64](s)
	case []complex128:
		return reinterpretWords[[2]uint64](s)
	}
	panic(fmt.Sprintf("arrays: rawWords of %T", data))
}

// ---------------------------------------------------------------- offsets

// fancyScaleIndices writes each index of idx (an integer typed slice), made
// non-negative for an axis of length n and times stride, to dst. It
// returns the position of the first index out of bounds, or -1.
func fancyScaleIndices(dst []int, idx any, n, stride int) int {
	switch s := idx.(type) {
	case []int8:
		return fancyScaleIdx(dst, s, n, stride)
	case []int16:
		return fancyScaleIdx(dst, s, n, stride)
	case []int32:
		return fancyScaleIdx(dst, s, n, stride)
	case []int64:
		return fancyScaleIdx(dst, s, n, stride)
	case []uint8:
		return fancyScaleIdx(dst, s, n, stride)
	case []uint16:
		return fancyScaleIdx(dst, s, n, stride)
	case []uint32:
		return fancyScaleIdx(dst, s, n, stride)
	case []uint64:
		return fancyScaleIdx(dst, s, n, stride)
	}
	panic(fmt.Sprintf("arrays: scaleIndices of %T", idx))
}

func fancyScaleIdx[I fancyIndexInt](dst []int, idx []I, n, stride int) int {
	dst = dst[:len(idx)]
	for i, x := range idx {
		v := int(x) // uint64 wraps, as NumPy's cast to intp
		if v < 0 {
			v += n
		}
		if uint(v) >= uint(n) {
			return i
		}
		dst[i] = v * stride
	}
	return -1
}

// ---------------------------------------------------------------- gather

// fancyGrain is how many elements a chunk of a parallel gather moves.
const fancyGrain = 1 << 15

// gatherRaw fills dst (words) with src's elements at base + pre + mid +
// post, in parallel chunks of rows (one row per pair of pre and mid).
func gatherRaw(dst, src any, base int, l *fancyLayout) {
	rows := len(l.pre) * len(l.mid)
	grain := max(1, fancyGrain/max(1, len(l.post)))
	kernels.Parallel(rows, grain, func(_, lo, hi int) {
		switch d := dst.(type) {
		case []uint8:
			gatherWords(d, src.([]uint8), base, l, lo, hi)
		case []uint16:
			gatherWords(d, src.([]uint16), base, l, lo, hi)
		case []uint32:
			gatherWords(d, src.([]uint32), base, l, lo, hi)
		case []uint64:
			gatherWords(d, src.([]uint64), base, l, lo, hi)
		case [][2]uint64:
			gatherWords(d, src.([][2]uint64), base, l, lo, hi)
		}
	})
}

// gatherWords does rows lo to hi of gatherRaw.
func gatherWords[T fancyWord](dst, src []T, base int, l *fancyLayout, lo, hi int) {
	mid, post := l.mid, l.post
	np := len(post)
	k := lo * np
	pi, mi := lo/len(mid), lo%len(mid)
	for r := lo; r < hi; {
		o0 := base + l.pre[pi]
		// The rest of this pre's row of mids, or up to hi.
		end := min(len(mid), mi+hi-r)
		ms := mid[mi:end]
		switch {
		case np == 1:
			o := o0 + post[0]
			d := dst[k : k+len(ms)]
			for j, m := range ms {
				d[j] = src[o+m]
			}
			k += len(ms)
		case l.postRun:
			for _, m := range ms {
				o := o0 + m
				copy(dst[k:k+np], src[o:o+np])
				k += np
			}
		default:
			for _, m := range ms {
				o := o0 + m
				d := dst[k : k+np]
				for j, q := range post {
					d[j] = src[o+q]
				}
				k += np
			}
		}
		r += len(ms)
		pi, mi = pi+1, 0
	}
}

// takeRaw fills dst (words) with src's elements at base + idx[i]*stride,
// idx being an integer typed slice of indices into an axis of length n
// (negative ones count from the end). It returns the position of the first
// index out of bounds, or -1.
func takeRaw(dst, src any, base, stride, n int, idx any) int {
	count := devices.SliceLen(idx)
	chunks := kernels.Chunks(count, fancyGrain)
	if chunks <= 1 || kernels.Workers() == 1 {
		return takeChunk(dst, src, base, stride, n, idx)
	}
	bad := make([]int, chunks)
	kernels.Parallel(count, fancyGrain, func(c, lo, hi int) {
		b := takeChunk(wordsRange(dst, lo, hi), src, base, stride, n, fancySliceRange(idx, lo, hi-lo))
		if b >= 0 {
			b += lo
		}
		bad[c] = b
	})
	for _, b := range bad {
		if b >= 0 {
			return b
		}
	}
	return -1
}

// wordsRange returns words[lo:hi].
func wordsRange(words any, lo, hi int) any {
	if w, ok := words.([][2]uint64); ok {
		return w[lo:hi]
	}
	return fancySliceRange(words, lo, hi-lo)
}

func takeChunk(dst, src any, base, stride, n int, idx any) int {
	switch d := dst.(type) {
	case []uint8:
		return takeWords(d, src.([]uint8), base, stride, n, idx)
	case []uint16:
		return takeWords(d, src.([]uint16), base, stride, n, idx)
	case []uint32:
		return takeWords(d, src.([]uint32), base, stride, n, idx)
	case []uint64:
		return takeWords(d, src.([]uint64), base, stride, n, idx)
	case [][2]uint64:
		return takeWords(d, src.([][2]uint64), base, stride, n, idx)
	}
	panic(fmt.Sprintf("arrays: takeRaw of %T", dst))
}

func takeWords[T fancyWord](dst, src []T, base, stride, n int, idx any) int {
	switch s := idx.(type) {
	case []int8:
		return takeIndexed(dst, src, base, stride, n, s)
	case []int16:
		return takeIndexed(dst, src, base, stride, n, s)
	case []int32:
		return takeIndexed(dst, src, base, stride, n, s)
	case []int64:
		return takeIndexed(dst, src, base, stride, n, s)
	case []uint8:
		return takeIndexed(dst, src, base, stride, n, s)
	case []uint16:
		return takeIndexed(dst, src, base, stride, n, s)
	case []uint32:
		return takeIndexed(dst, src, base, stride, n, s)
	case []uint64:
		return takeIndexed(dst, src, base, stride, n, s)
	}
	panic(fmt.Sprintf("arrays: take with %T", idx))
}

func takeIndexed[T fancyWord, I fancyIndexInt](dst, src []T, base, stride, n int, idx []I) int {
	dst = dst[:len(idx)]
	if stride == 1 && n > 0 {
		s := src[base : base+n]
		for i, x := range idx {
			v := int(x)
			if x < 0 {
				v += n
			}
			if uint(v) >= uint(len(s)) {
				return i
			}
			dst[i] = s[v]
		}
		return -1
	}
	for i, x := range idx {
		v := int(x) // uint64 wraps, as NumPy's cast to intp
		if v < 0 {
			v += n
		}
		if uint(v) >= uint(n) {
			return i
		}
		dst[i] = src[base+v*stride]
	}
	return -1
}

// compressRaw fills dst (words) with the elements of src at base +
// i*stride for which m[i] is 1; dst is as long as m has ones, and counts
// holds the ones of each chunk of fancyGrain elements of m (maskChunkCounts).
func compressRaw(dst, src any, base, stride int, m []uint8, counts []int) {
	starts := make([]int, len(counts))
	total := 0
	for c, n := range counts {
		starts[c] = total
		total += n
	}
	kernels.Parallel(len(m), fancyGrain, func(c, lo, hi int) {
		if counts[c] == 0 {
			return
		}
		d := wordsRange(dst, starts[c], starts[c]+counts[c])
		b := base + lo*stride
		switch d := d.(type) {
		case []uint8:
			compressWords(d, src.([]uint8), b, stride, m[lo:hi])
		case []uint16:
			compressWords(d, src.([]uint16), b, stride, m[lo:hi])
		case []uint32:
			compressWords(d, src.([]uint32), b, stride, m[lo:hi])
		case []uint64:
			compressWords(d, src.([]uint64), b, stride, m[lo:hi])
		case [][2]uint64:
			compressWords(d, src.([][2]uint64), b, stride, m[lo:hi])
		}
	})
}

// maskChunkCounts counts the ones of each chunk of fancyGrain elements of
// a mask, in parallel, and returns the counts and their sum.
func maskChunkCounts(m []uint8) (counts []int, total int) {
	counts = make([]int, kernels.Chunks(len(m), fancyGrain))
	kernels.Parallel(len(m), fancyGrain, func(c, lo, hi int) { counts[c] = fancyCountTrue(m[lo:hi]) })
	for _, n := range counts {
		total += n
	}
	return counts, total
}

func compressWords[T fancyWord](dst, src []T, base, stride int, m []uint8) {
	count := len(dst)
	if count == 0 {
		return
	}
	// Branchless: every element is written at the next free place, which
	// moves on only past the selected ones.
	c := 0
	if stride == 1 {
		s := src[base : base+len(m)]
		for i, b := range m {
			dst[c] = s[i]
			c += int(b)
			if c == count {
				return
			}
		}
		return
	}
	o := base
	for _, b := range m {
		dst[c] = src[o]
		c += int(b)
		if c == count {
			return
		}
		o += stride
	}
}

// ---------------------------------------------------------------- scatter

// scatterRaw writes vals (words, in C order of the result) to dst at base +
// pre + mid + post; where offsets repeat, the last value stays.
func scatterRaw(dst any, base int, l *fancyLayout, vals any) {
	switch d := dst.(type) {
	case []uint8:
		scatterWords(d, base, l, vals.([]uint8))
	case []uint16:
		scatterWords(d, base, l, vals.([]uint16))
	case []uint32:
		scatterWords(d, base, l, vals.([]uint32))
	case []uint64:
		scatterWords(d, base, l, vals.([]uint64))
	case [][2]uint64:
		scatterWords(d, base, l, vals.([][2]uint64))
	}
}

func scatterWords[T fancyWord](dst []T, base int, l *fancyLayout, vals []T) {
	mid, post := l.mid, l.post
	k := 0
	switch np := len(post); {
	case np == 1:
		q := base + post[0]
		for _, p := range l.pre {
			o := q + p
			v := vals[k : k+len(mid)]
			for j, m := range mid {
				dst[o+m] = v[j]
			}
			k += len(mid)
		}
	case l.postRun:
		for _, p := range l.pre {
			for _, m := range mid {
				o := base + p + m
				copy(dst[o:o+np], vals[k:k+np])
				k += np
			}
		}
	default:
		for _, p := range l.pre {
			for _, m := range mid {
				o := base + p + m
				v := vals[k : k+np]
				for j, q := range post {
					dst[o+q] = v[j]
				}
				k += np
			}
		}
	}
}

// fillRaw writes the one value of val (words) to dst at base + pre + mid +
// post.
func fillRaw(dst any, base int, l *fancyLayout, val any) {
	switch d := dst.(type) {
	case []uint8:
		fillWords(d, base, l, val.([]uint8)[0])
	case []uint16:
		fillWords(d, base, l, val.([]uint16)[0])
	case []uint32:
		fillWords(d, base, l, val.([]uint32)[0])
	case []uint64:
		fillWords(d, base, l, val.([]uint64)[0])
	case [][2]uint64:
		fillWords(d, base, l, val.([][2]uint64)[0])
	}
}

func fillWords[T fancyWord](dst []T, base int, l *fancyLayout, w T) {
	for _, p := range l.pre {
		for _, m := range l.mid {
			o := base + p + m
			for _, q := range l.post {
				dst[o+q] = w
			}
		}
	}
}

// putRaw writes vals (words), cycled, to dst at base + offs[i].
func putRaw(dst any, base int, offs []int, vals any) {
	switch d := dst.(type) {
	case []uint8:
		putWords(d, base, offs, vals.([]uint8))
	case []uint16:
		putWords(d, base, offs, vals.([]uint16))
	case []uint32:
		putWords(d, base, offs, vals.([]uint32))
	case []uint64:
		putWords(d, base, offs, vals.([]uint64))
	case [][2]uint64:
		putWords(d, base, offs, vals.([][2]uint64))
	}
}

func putWords[T fancyWord](dst []T, base int, offs []int, vals []T) {
	if len(vals) == 0 {
		return
	}
	j := 0
	for _, o := range offs {
		dst[base+o] = vals[j]
		j++
		if j == len(vals) {
			j = 0
		}
	}
}
