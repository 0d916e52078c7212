package arrays

// Printing arrays the way NumPy 1.24 does, with its default print options
// (precision=8, threshold=1000, edgeitems=3, linewidth=75, suppress=False,
// floatmode='maxprec', sign='-', legacy=False).
//
// The code follows numpy/core/arrayprint.py (array2string, _formatArray,
// FloatingFormat, ComplexFloatingFormat, IntegerFormat, BoolFormat,
// array_repr, array_str), numpy/core/src/multiarray/dragon4.c (the Dragon4
// digit generator with its unique/min_digits/cutoff rules, FormatPositional,
// FormatScientific) and scalartypes.c.src (str() of a 0-d array is str() of
// its scalar). Golden outputs from real NumPy live in testdata/format.
//
// Known NumPy corners not reproduced: none among the dtypes we have. Float16
// and long double (float128) are not handled; NaN payloads and the sign of
// NaN are ignored, as NumPy does.

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"workbench/arrays/dtype"
)

// NumPy's default print options.
const (
	formatPrecision = 8
	formatThreshold = 1000
	formatEdgeItems = 3
	formatLineWidth = 75
	// formatBufferDigits stands for the size of Dragon4's output buffer
	// (16384 bytes in NumPy); it only bounds pathological outputs.
	formatBufferDigits = 16000
)

// formatArray prints an array the way NumPy's str() does (print(a)).
// data is a typed Go slice ([]float64, []bool, []int8, []complex64, ...) holding
// the array's elements in C order; shape may be empty (0-d) or contain zeros.
func formatArray(dt dtype.DType, shape []int, data any) string {
	if len(shape) == 0 {
		return formatScalarStr(dt, data)
	}
	if formatSize(shape) == 0 {
		return "[]"
	}
	return formatArray2String(dt, shape, data, " ", "", formatLineWidth)
}

// formatArrayRepr prints an array the way NumPy's repr() does:
// array([1., 2.]) and array([1, 2], dtype=int8), array(3.5), array([], shape=(0, 3), dtype=float64) etc.
func formatArrayRepr(dt dtype.DType, shape []int, data any) string {
	size := formatSize(shape)
	skipDtype := formatDtypeImplied(dt) && size > 0
	const prefix = "array("
	suffix := ","
	if skipDtype {
		suffix = ")"
	}
	var lst string
	switch {
	case size > 0:
		lst = formatArray2String(dt, shape, data, ", ", prefix, formatLineWidth-len(suffix))
	case len(shape) == 1:
		lst = "[]"
	default:
		lst = "[], shape=" + formatShapeTuple(shape)
	}
	s := prefix + lst + suffix
	if skipDtype {
		return s
	}
	dtypeStr := "dtype=" + dt.String() + ")"
	lastLineLen := len(s) - (strings.LastIndexByte(s, '\n') + 1)
	spacer := " "
	if lastLineLen+len(dtypeStr)+1 > formatLineWidth {
		spacer = "\n" + strings.Repeat(" ", len(prefix))
	}
	return s + spacer + dtypeStr
}

// formatDtypeImplied reports whether repr() leaves out the dtype: NumPy's
// int_, float_, complex_ and bool_ (int64, float64, complex128, bool).
func formatDtypeImplied(dt dtype.DType) bool {
	switch dt {
	case dtype.Int64, dtype.Float64, dtype.Complex128, dtype.Bool:
		return true
	}
	return false
}

func formatSize(shape []int) int {
	n := 1
	for _, d := range shape {
		n *= d
	}
	return n
}

// formatShapeTuple writes a shape as Python writes a tuple: (0,) or (0, 3).
func formatShapeTuple(shape []int) string {
	var b strings.Builder
	b.WriteByte('(')
	for i, d := range shape {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(d))
	}
	if len(shape) == 1 {
		b.WriteByte(',')
	}
	b.WriteByte(')')
	return b.String()
}

// formatArray2String is NumPy's _array2string for a non-empty array.
func formatArray2String(dt dtype.DType, shape []int, data any, sep, prefix string, lineWidth int) string {
	size := formatSize(shape)
	summarize := size > formatThreshold
	strides := make([]int, len(shape))
	st := 1
	for i := len(shape) - 1; i >= 0; i-- {
		strides[i] = st
		st *= shape[i]
	}
	// The elements the formatter sizes its columns from: all of them, or
	// only the leading and trailing edges when the array is summarised.
	var shown []int
	if summarize {
		shown = formatEdgeIndices(shape, strides)
	} else {
		shown = make([]int, size)
		for i := range shown {
			shown[i] = i
		}
	}
	elem := formatElementFunc(dt, data, shown, len(shape) == 0)
	nextLinePrefix := " " + strings.Repeat(" ", len(prefix))
	f := &formatLayout{
		shape:     shape,
		strides:   strides,
		elem:      elem,
		lineWidth: lineWidth,
		sep:       sep,
		summarize: summarize,
	}
	return f.recurse(0, 0, nextLinePrefix, lineWidth)
}

// formatEdgeIndices lists the flat offsets of the elements NumPy's
// _leading_trailing keeps: edgeitems at each end of every long axis.
func formatEdgeIndices(shape, strides []int) []int {
	offsets := []int{0}
	for ax, n := range shape {
		var idx []int
		if n > 2*formatEdgeItems {
			for i := 0; i < formatEdgeItems; i++ {
				idx = append(idx, i)
			}
			for i := n - formatEdgeItems; i < n; i++ {
				idx = append(idx, i)
			}
		} else {
			for i := 0; i < n; i++ {
				idx = append(idx, i)
			}
		}
		next := make([]int, 0, len(offsets)*len(idx))
		for _, o := range offsets {
			for _, i := range idx {
				next = append(next, o+i*strides[ax])
			}
		}
		offsets = next
	}
	return offsets
}

// formatLayout is NumPy's _formatArray: nested brackets, line wrapping and
// summarising.
type formatLayout struct {
	shape, strides []int
	elem           func(int) string
	lineWidth      int
	sep            string
	summarize      bool
}

func (f *formatLayout) recurse(axis, offset int, hangingIndent string, currWidth int) string {
	axesLeft := len(f.shape) - axis
	if axesLeft == 0 {
		return f.elem(offset)
	}
	nextHangingIndent := hangingIndent + " "
	nextWidth := currWidth - 1 // len("]")
	aLen := f.shape[axis]
	stride := f.strides[axis]
	showSummary := f.summarize && 2*formatEdgeItems < aLen
	leading, trailing := 0, aLen
	if showSummary {
		leading, trailing = formatEdgeItems, formatEdgeItems
	}
	var s strings.Builder
	if axesLeft == 1 {
		sepStripped := strings.TrimRight(f.sep, " \t\n")
		elemWidth := currWidth - max(len(sepStripped), 1)
		line := hangingIndent
		for i := 0; i < leading; i++ {
			word := f.recurse(axis+1, offset+i*stride, nextHangingIndent, nextWidth)
			line = formatExtendLine(&s, line, word, elemWidth, hangingIndent)
			line += f.sep
		}
		if showSummary {
			line = formatExtendLine(&s, line, "...", elemWidth, hangingIndent)
			line += f.sep
		}
		for i := trailing; i > 1; i-- {
			word := f.recurse(axis+1, offset+(aLen-i)*stride, nextHangingIndent, nextWidth)
			line = formatExtendLine(&s, line, word, elemWidth, hangingIndent)
			line += f.sep
		}
		word := f.recurse(axis+1, offset+(aLen-1)*stride, nextHangingIndent, nextWidth)
		line = formatExtendLine(&s, line, word, elemWidth, hangingIndent)
		s.WriteString(line)
	} else {
		lineSep := strings.TrimRight(f.sep, " \t\n") + strings.Repeat("\n", axesLeft-1)
		for i := 0; i < leading; i++ {
			s.WriteString(hangingIndent)
			s.WriteString(f.recurse(axis+1, offset+i*stride, nextHangingIndent, nextWidth))
			s.WriteString(lineSep)
		}
		if showSummary {
			s.WriteString(hangingIndent)
			s.WriteString("...")
			s.WriteString(lineSep)
		}
		for i := trailing; i > 1; i-- {
			s.WriteString(hangingIndent)
			s.WriteString(f.recurse(axis+1, offset+(aLen-i)*stride, nextHangingIndent, nextWidth))
			s.WriteString(lineSep)
		}
		s.WriteString(hangingIndent)
		s.WriteString(f.recurse(axis+1, offset+(aLen-1)*stride, nextHangingIndent, nextWidth))
	}
	return "[" + s.String()[len(hangingIndent):] + "]"
}

// formatExtendLine is NumPy's _extendLine: it appends word to line, first
// flushing line into s when the word would not fit (and wrapping helps).
func formatExtendLine(s *strings.Builder, line, word string, lineWidth int, nextLinePrefix string) string {
	needsWrap := len(line)+len(word) > lineWidth
	if len(line) <= len(nextLinePrefix) {
		needsWrap = false
	}
	if needsWrap {
		s.WriteString(strings.TrimRight(line, " \t\n"))
		s.WriteByte('\n')
		line = nextLinePrefix
	}
	return line + word
}

// formatElementFunc builds the element formatter for the dtype, sized from
// the elements at the offsets in shown. zeroD selects the 0-d variants.
func formatElementFunc(dt dtype.DType, data any, shown []int, zeroD bool) func(int) string {
	switch v := data.(type) {
	case []bool:
		trueStr := " True"
		if zeroD {
			trueStr = "True"
		}
		return func(i int) string {
			if v[i] {
				return trueStr
			}
			return "False"
		}
	case []int8:
		return formatIntFunc(shown, func(i int) string { return strconv.FormatInt(int64(v[i]), 10) })
	case []int16:
		return formatIntFunc(shown, func(i int) string { return strconv.FormatInt(int64(v[i]), 10) })
	case []int32:
		return formatIntFunc(shown, func(i int) string { return strconv.FormatInt(int64(v[i]), 10) })
	case []int64:
		return formatIntFunc(shown, func(i int) string { return strconv.FormatInt(v[i], 10) })
	case []int:
		return formatIntFunc(shown, func(i int) string { return strconv.Itoa(v[i]) })
	case []uint8:
		return formatIntFunc(shown, func(i int) string { return strconv.FormatUint(uint64(v[i]), 10) })
	case []uint16:
		return formatIntFunc(shown, func(i int) string { return strconv.FormatUint(uint64(v[i]), 10) })
	case []uint32:
		return formatIntFunc(shown, func(i int) string { return strconv.FormatUint(uint64(v[i]), 10) })
	case []uint64:
		return formatIntFunc(shown, func(i int) string { return strconv.FormatUint(v[i], 10) })
	case []float32:
		vals := make([]float64, len(shown))
		for k, i := range shown {
			vals[k] = float64(v[i])
		}
		ff := newFormatFloat(vals, true, '-')
		return func(i int) string { return ff.format(float64(v[i])) }
	case []float64:
		vals := make([]float64, len(shown))
		for k, i := range shown {
			vals[k] = v[i]
		}
		ff := newFormatFloat(vals, false, '-')
		return func(i int) string { return ff.format(v[i]) }
	case []complex64:
		re := make([]float64, len(shown))
		im := make([]float64, len(shown))
		for k, i := range shown {
			re[k], im[k] = float64(real(v[i])), float64(imag(v[i]))
		}
		rf := newFormatFloat(re, true, '-')
		imf := newFormatFloat(im, true, '+')
		return func(i int) string {
			return formatComplexJoin(rf.format(float64(real(v[i]))), imf.format(float64(imag(v[i]))))
		}
	case []complex128:
		re := make([]float64, len(shown))
		im := make([]float64, len(shown))
		for k, i := range shown {
			re[k], im[k] = real(v[i]), imag(v[i])
		}
		rf := newFormatFloat(re, false, '-')
		imf := newFormatFloat(im, false, '+')
		return func(i int) string {
			return formatComplexJoin(rf.format(real(v[i])), imf.format(imag(v[i])))
		}
	}
	panic("arrays: cannot format " + dt.String() + " data of this Go type")
}

// formatComplexJoin is ComplexFloatingFormat.__call__: the 'j' goes before
// the imaginary part's right padding.
func formatComplexJoin(r, i string) string {
	sp := len(strings.TrimRight(i, " "))
	return r + i[:sp] + "j" + i[sp:]
}

// formatIntFunc is NumPy's IntegerFormat: right-aligned to the wider of the
// largest and the smallest element. The widest decimal string is always the
// maximum or the minimum, so the widest string among the shown elements is
// used.
func formatIntFunc(shown []int, str func(int) string) func(int) string {
	width := 0
	for _, i := range shown {
		width = max(width, len(str(i)))
	}
	return func(i int) string {
		s := str(i)
		if len(s) < width {
			return strings.Repeat(" ", width-len(s)) + s
		}
		return s
	}
}

// formatScalarStr is str() of a 0-d array, which NumPy writes as str() of
// its scalar.
func formatScalarStr(dt dtype.DType, data any) string {
	switch v := data.(type) {
	case []bool:
		if v[0] {
			return "True"
		}
		return "False"
	case []float32:
		return formatFloatScalar(float64(v[0]), true, false)
	case []float64:
		return formatFloatScalar(v[0], false, false)
	case []complex64:
		return formatComplexScalar(float64(real(v[0])), float64(imag(v[0])), true)
	case []complex128:
		return formatComplexScalar(real(v[0]), imag(v[0]), false)
	}
	return formatElementFunc(dt, data, []int{0}, true)(0)
}

// formatFloatScalar is str() of a NumPy float scalar: the shortest unique
// digits, positional for 1e-4 <= |x| < 1e16 (and 0, nan), scientific
// otherwise. complexPart selects the trimming complex scalars use ("1", not
// "1.0").
func formatFloatScalar(x float64, is32, complexPart bool) string {
	return formatFloatScalarSign(x, is32, complexPart, false)
}

func formatFloatScalarSign(x float64, is32, complexPart, sign bool) string {
	trimPos := formatTrimLeaveOneZero
	if complexPart {
		trimPos = formatTrimDptZeros
	}
	abs := math.Abs(x)
	positional := math.IsNaN(x) || x == 0 || (abs < 1e16 && abs >= 1e-4)
	if positional {
		return formatDragon4Positional(x, is32, formatFloatOpts{
			precision: -1, minDigits: -1, unique: true, trim: trimPos, sign: sign,
			padLeft: -1, padRight: -1})
	}
	return formatDragon4Scientific(x, is32, formatFloatOpts{
		precision: -1, minDigits: -1, unique: true, trim: formatTrimDptZeros, sign: sign,
		padLeft: -1, expDigits: -1})
}

// formatComplexScalar is str() of a NumPy complex scalar: "(1+2j)", "2j",
// "(nan+infj)".
func formatComplexScalar(re, im float64, is32 bool) string {
	if re == 0 && !math.Signbit(re) {
		return formatFloatScalarSign(im, is32, true, false) + "j"
	}
	var rs, is string
	switch {
	case math.IsNaN(re):
		rs = "nan"
	case math.IsInf(re, 1):
		rs = "inf"
	case math.IsInf(re, -1):
		rs = "-inf"
	default:
		rs = formatFloatScalarSign(re, is32, true, false)
	}
	switch {
	case math.IsNaN(im):
		is = "+nan"
	case math.IsInf(im, 1):
		is = "+inf"
	case math.IsInf(im, -1):
		is = "-inf"
	default:
		is = formatFloatScalarSign(im, is32, true, true)
	}
	return "(" + rs + is + "j)"
}

// formatFloat is NumPy's FloatingFormat with the default options.
type formatFloat struct {
	is32      bool
	sign      byte // '-' or '+'
	expFormat bool
	padLeft   int
	padRight  int
	precision int
	minDigits int
	unique    bool
	trim      formatTrim
	expSize   int
}

// newFormatFloat is FloatingFormat.__init__ and fillFormat over data.
func newFormatFloat(data []float64, is32 bool, sign byte) *formatFloat {
	f := &formatFloat{is32: is32, sign: sign, precision: formatPrecision}
	var finite []float64
	for _, x := range data {
		if !math.IsNaN(x) && !math.IsInf(x, 0) {
			finite = append(finite, x)
		}
	}
	// Scientific notation is chosen from the non-zero finite values.
	maxVal, minVal, found := 0.0, 0.0, false
	for _, x := range finite {
		if x == 0 {
			continue
		}
		a := math.Abs(x)
		if !found {
			maxVal, minVal, found = a, a, true
			continue
		}
		maxVal = max(maxVal, a)
		minVal = min(minVal, a)
	}
	if found {
		var ratio float64
		if is32 {
			ratio = float64(float32(maxVal) / float32(minVal))
		} else {
			ratio = maxVal / minVal
		}
		if maxVal >= 1e8 || minVal < 0.0001 || ratio > 1000 {
			f.expFormat = true
		}
	}
	plusSign := sign == '+'
	switch {
	case len(finite) == 0:
		f.padLeft, f.padRight = 0, 0
		f.trim = formatTrimZeros
		f.expSize = -1
		f.unique = true
		f.minDigits = -1
	case f.expFormat:
		precision, padLeft, expSize := 0, 0, 0
		for _, x := range finite {
			s := formatDragon4Scientific(x, is32, formatFloatOpts{
				precision: f.precision, minDigits: -1, unique: true, trim: formatTrimZeros,
				sign: plusSign, padLeft: -1, expDigits: -1})
			mant, exp, _ := strings.Cut(s, "e")
			intPart, fracPart, _ := strings.Cut(mant, ".")
			expSize = max(expSize, len(exp)-1)
			precision = max(precision, len(fracPart))
			padLeft = max(padLeft, len(intPart))
		}
		f.expSize = expSize
		f.trim = formatTrimNone
		f.precision = precision
		f.minDigits = precision
		f.unique = true
		f.padLeft = padLeft
		f.padRight = expSize + 2 + precision
	default:
		padLeft, padRight := 0, 0
		for _, x := range finite {
			s := formatDragon4Positional(x, is32, formatFloatOpts{
				precision: f.precision, minDigits: -1, unique: true, trim: formatTrimZeros,
				sign: plusSign, padLeft: -1, padRight: -1})
			intPart, fracPart, _ := strings.Cut(s, ".")
			padLeft = max(padLeft, len(intPart))
			padRight = max(padRight, len(fracPart))
		}
		f.padLeft, f.padRight = padLeft, padRight
		f.expSize = -1
		f.unique = true
		f.trim = formatTrimZeros
		f.minDigits = 0
	}
	if len(data) != len(finite) {
		negInf := sign != '-'
		for _, x := range data {
			if math.IsInf(x, -1) {
				negInf = true
			}
		}
		infLen := 3
		if negInf {
			infLen++
		}
		offset := f.padRight + 1
		f.padLeft = max(f.padLeft, 3-offset, infLen-offset)
	}
	return f
}

func (f *formatFloat) format(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		var ret string
		switch {
		case math.IsNaN(x):
			ret = "nan"
			if f.sign == '+' {
				ret = "+nan"
			}
		case x < 0:
			ret = "-inf"
		case f.sign == '+':
			ret = "+inf"
		default:
			ret = "inf"
		}
		if n := f.padLeft + f.padRight + 1 - len(ret); n > 0 {
			return strings.Repeat(" ", n) + ret
		}
		return ret
	}
	opts := formatFloatOpts{
		precision: f.precision, minDigits: f.minDigits, unique: f.unique, trim: f.trim,
		sign: f.sign == '+', padLeft: f.padLeft, padRight: f.padRight, expDigits: f.expSize}
	if f.expFormat {
		return formatDragon4Scientific(x, f.is32, opts)
	}
	return formatDragon4Positional(x, f.is32, opts)
}

// formatTrim is Dragon4's TrimMode.
type formatTrim int

const (
	formatTrimNone         formatTrim = iota // 'k': keep trailing zeros and the point
	formatTrimZeros                          // '.': trim trailing zeros, keep the point
	formatTrimLeaveOneZero                   // '0': trim to one zero after the point
	formatTrimDptZeros                       // '-': trim zeros and the point
)

// formatFloatOpts are Dragon4_Options (unique digit mode; positional cuts
// off by fraction digits).
type formatFloatOpts struct {
	precision int
	minDigits int
	unique    bool
	trim      formatTrim
	sign      bool
	padLeft   int
	padRight  int
	expDigits int
}

// formatFloatBits is a finite float factored as mantissa * 2^exponent.
type formatFloatBits struct {
	mantissa       uint64
	exponent       int
	mantissaBit    int
	unequalMargins bool
	negative       bool
	inf, nan       bool
}

func formatDecompose(x float64, is32 bool) formatFloatBits {
	var fb formatFloatBits
	if is32 {
		bits := math.Float32bits(float32(x))
		frac := uint64(bits & (1<<23 - 1))
		e := int(bits>>23) & 0xff
		fb.negative = bits>>31 != 0
		switch {
		case e == 0xff:
			fb.nan, fb.inf = frac != 0, frac == 0
		case e != 0:
			fb.mantissa = 1<<23 | frac
			fb.exponent = e - 127 - 23
			fb.mantissaBit = 23
			fb.unequalMargins = e != 1 && frac == 0
		default:
			fb.mantissa = frac
			fb.exponent = 1 - 127 - 23
			fb.mantissaBit = formatLog2(frac)
		}
		return fb
	}
	bits := math.Float64bits(x)
	frac := bits & (1<<52 - 1)
	e := int(bits>>52) & 0x7ff
	fb.negative = bits>>63 != 0
	switch {
	case e == 0x7ff:
		fb.nan, fb.inf = frac != 0, frac == 0
	case e != 0:
		fb.mantissa = 1<<52 | frac
		fb.exponent = e - 1023 - 52
		fb.mantissaBit = 52
		fb.unequalMargins = e != 1 && frac == 0
	default:
		fb.mantissa = frac
		fb.exponent = 1 - 1023 - 52
		fb.mantissaBit = formatLog2(frac)
	}
	return fb
}

func formatLog2(v uint64) int {
	n := -1
	for v != 0 {
		v >>= 1
		n++
	}
	return max(n, 0)
}

// formatInfNan is Dragon4's PrintInfNan: no sign on nan.
func formatInfNan(fb formatFloatBits, sign bool) string {
	if fb.nan {
		return "nan"
	}
	if fb.negative {
		return "-inf"
	}
	if sign {
		return "+inf"
	}
	return "inf"
}

// formatDragon4 is NumPy's Dragon4 in unique digit mode: it returns the
// decimal digits of the value and the base-10 exponent of the first one.
// fraction selects CutoffMode_FractionLength (else TotalLength); cutoffMax
// and cutoffMin are the precision and min_digits limits (-1: none).
func formatDragon4(fb formatFloatBits, fraction bool, cutoffMax, cutoffMin int) ([]byte, int) {
	if fb.mantissa == 0 {
		return []byte{'0'}, 0
	}
	one := big.NewInt(1)
	value := new(big.Int).SetUint64(fb.mantissa)
	scale := new(big.Int)
	marginLow := new(big.Int)
	var marginHigh *big.Int // nil: equal to marginLow
	e := fb.exponent
	if fb.unequalMargins {
		if e > 0 {
			value.Lsh(value, uint(e+2))
			scale.SetInt64(4)
			marginLow.Lsh(one, uint(e))
			marginHigh = new(big.Int).Lsh(one, uint(e+1))
		} else {
			value.Lsh(value, 2)
			scale.Lsh(one, uint(-e+2))
			marginLow.SetInt64(1)
			marginHigh = big.NewInt(2)
		}
	} else {
		if e > 0 {
			value.Lsh(value, uint(e+1))
			scale.SetInt64(2)
			marginLow.Lsh(one, uint(e))
		} else {
			value.Lsh(value, 1)
			scale.Lsh(one, uint(-e+1))
			marginLow.SetInt64(1)
		}
	}
	const log10of2 = 0.30102999566398119521373889472449
	digitExponent := int(math.Ceil(float64(float64(fb.mantissaBit+e)*log10of2) - 0.69))
	if cutoffMax >= 0 && fraction && digitExponent <= -cutoffMax {
		digitExponent = -cutoffMax + 1
	}
	ten := big.NewInt(10)
	if digitExponent > 0 {
		scale.Mul(scale, new(big.Int).Exp(ten, big.NewInt(int64(digitExponent)), nil))
	} else if digitExponent < 0 {
		pow10 := new(big.Int).Exp(ten, big.NewInt(int64(-digitExponent)), nil)
		value.Mul(value, pow10)
		marginLow.Mul(marginLow, pow10)
		if marginHigh != nil {
			marginHigh.Lsh(marginLow, 1)
		}
	}
	if value.Cmp(scale) >= 0 {
		digitExponent++
	} else {
		value.Mul(value, ten)
		marginLow.Mul(marginLow, ten)
		if marginHigh != nil {
			marginHigh.Lsh(marginLow, 1)
		}
	}
	cutoffMaxExp := digitExponent - formatBufferDigits
	if cutoffMax >= 0 {
		desired := -cutoffMax
		if !fraction {
			desired = digitExponent - cutoffMax
		}
		cutoffMaxExp = max(cutoffMaxExp, desired)
	}
	cutoffMinExp := digitExponent
	if cutoffMin >= 0 {
		desired := -cutoffMin
		if !fraction {
			desired = digitExponent - cutoffMin
		}
		cutoffMinExp = min(cutoffMinExp, desired)
	}
	outExponent := digitExponent - 1
	isEven := fb.mantissa%2 == 0
	var digits []byte
	var low, high bool
	var outputDigit int
	q := new(big.Int)
	valueHigh := new(big.Int)
	for {
		digitExponent--
		q.QuoRem(value, scale, value)
		outputDigit = int(q.Int64())
		mh := marginLow
		if marginHigh != nil {
			mh = marginHigh
		}
		valueHigh.Add(value, mh)
		cmp := value.Cmp(marginLow)
		low = cmp < 0 || (isEven && cmp == 0)
		cmp = valueHigh.Cmp(scale)
		high = cmp > 0 || (isEven && cmp == 0)
		if ((low || high) && digitExponent <= cutoffMinExp) || digitExponent == cutoffMaxExp {
			break
		}
		digits = append(digits, byte('0'+outputDigit))
		value.Mul(value, ten)
		marginLow.Mul(marginLow, ten)
		if marginHigh != nil {
			marginHigh.Lsh(marginLow, 1)
		}
	}
	roundDown := low
	if low == high {
		value.Lsh(value, 1)
		cmp := value.Cmp(scale)
		roundDown = cmp < 0
		if cmp == 0 {
			roundDown = outputDigit&1 == 0
		}
	}
	if roundDown {
		return append(digits, byte('0'+outputDigit)), outExponent
	}
	if outputDigit < 9 {
		return append(digits, byte('0'+outputDigit+1)), outExponent
	}
	// Carry: drop trailing nines and increment the first other digit.
	for {
		if len(digits) == 0 {
			return []byte{'1'}, outExponent + 1
		}
		last := digits[len(digits)-1]
		digits = digits[:len(digits)-1]
		if last != '9' {
			return append(digits, last+1), outExponent
		}
	}
}

// formatDragon4Positional is NumPy's dragon4_positional with
// fractional=True: FormatPositional.
func formatDragon4Positional(x float64, is32 bool, o formatFloatOpts) string {
	fb := formatDecompose(x, is32)
	if fb.nan || fb.inf {
		return formatInfNan(fb, o.sign)
	}
	var buf []byte
	hasSign := 0
	if fb.negative {
		buf = append(buf, '-')
		hasSign = 1
	} else if o.sign {
		buf = append(buf, '+')
		hasSign = 1
	}
	digits, printExponent := formatDragon4(fb, true, o.precision, o.minDigits)
	numDigits := len(digits)
	numWholeDigits, numFractionDigits := 0, 0
	if printExponent >= 0 {
		numWholeDigits = printExponent + 1
		if numDigits <= numWholeDigits {
			buf = append(buf, digits...)
			for i := numDigits; i < numWholeDigits; i++ {
				buf = append(buf, '0')
			}
		} else {
			numFractionDigits = numDigits - numWholeDigits
			buf = append(buf, digits[:numWholeDigits]...)
			buf = append(buf, '.')
			buf = append(buf, digits[numWholeDigits:]...)
		}
	} else {
		numFractionZeros := -(printExponent + 1)
		buf = append(buf, '0', '.')
		for i := 0; i < numFractionZeros; i++ {
			buf = append(buf, '0')
		}
		buf = append(buf, digits...)
		numFractionDigits = numDigits + numFractionZeros
		numWholeDigits = 1
	}
	if o.trim != formatTrimDptZeros && numFractionDigits == 0 {
		buf = append(buf, '.')
	}
	addDigits := o.precision
	if o.unique {
		addDigits = o.minDigits
	}
	desiredFractionalDigits := max(addDigits, 0)
	if o.trim == formatTrimLeaveOneZero {
		if numFractionDigits == 0 {
			buf = append(buf, '0')
			numFractionDigits++
		}
	} else if o.trim == formatTrimNone && desiredFractionalDigits > numFractionDigits {
		for ; numFractionDigits < desiredFractionalDigits; numFractionDigits++ {
			buf = append(buf, '0')
		}
	}
	if o.trim != formatTrimNone && numFractionDigits > 0 {
		for buf[len(buf)-1] == '0' {
			buf = buf[:len(buf)-1]
			numFractionDigits--
		}
		if buf[len(buf)-1] == '.' {
			switch o.trim {
			case formatTrimLeaveOneZero:
				buf = append(buf, '0')
				numFractionDigits++
			case formatTrimDptZeros:
				buf = buf[:len(buf)-1]
			}
		}
	}
	if o.padRight >= numFractionDigits {
		if o.trim == formatTrimDptZeros && numFractionDigits == 0 {
			buf = append(buf, ' ')
		}
		for i := numFractionDigits; i < o.padRight; i++ {
			buf = append(buf, ' ')
		}
	}
	if shift := o.padLeft - (numWholeDigits + hasSign); shift > 0 {
		return strings.Repeat(" ", shift) + string(buf)
	}
	return string(buf)
}

// formatDragon4Scientific is NumPy's dragon4_scientific: FormatScientific.
func formatDragon4Scientific(x float64, is32 bool, o formatFloatOpts) string {
	fb := formatDecompose(x, is32)
	if fb.nan || fb.inf {
		return formatInfNan(fb, o.sign)
	}
	var buf []byte
	leftChars := 1
	if fb.negative || o.sign {
		leftChars++
	}
	for i := leftChars; i < o.padLeft; i++ {
		buf = append(buf, ' ')
	}
	if fb.negative {
		buf = append(buf, '-')
	} else if o.sign {
		buf = append(buf, '+')
	}
	cutoffMax, cutoffMin := -1, -1
	if o.precision >= 0 {
		cutoffMax = o.precision + 1
	}
	if o.minDigits >= 0 {
		cutoffMin = o.minDigits + 1
	}
	digits, printExponent := formatDragon4(fb, false, cutoffMax, cutoffMin)
	buf = append(buf, digits[0])
	numFractionDigits := len(digits) - 1
	if numFractionDigits > 0 {
		buf = append(buf, '.')
		buf = append(buf, digits[1:]...)
	}
	if o.trim != formatTrimDptZeros && numFractionDigits == 0 {
		buf = append(buf, '.')
	}
	addDigits := o.precision
	if o.unique {
		addDigits = o.minDigits
	}
	addDigits = max(addDigits, 0)
	if o.trim == formatTrimLeaveOneZero {
		if numFractionDigits == 0 {
			buf = append(buf, '0')
			numFractionDigits++
		}
	} else if o.trim == formatTrimNone {
		for ; numFractionDigits < addDigits; numFractionDigits++ {
			buf = append(buf, '0')
		}
	}
	if o.trim != formatTrimNone && numFractionDigits > 0 {
		for buf[len(buf)-1] == '0' {
			buf = buf[:len(buf)-1]
			numFractionDigits--
		}
		if o.trim == formatTrimLeaveOneZero && buf[len(buf)-1] == '.' {
			buf = append(buf, '0')
			numFractionDigits++
		}
	}
	expDigits := o.expDigits
	if expDigits > 5 {
		expDigits = 5
	}
	if expDigits < 0 {
		expDigits = 2
	}
	buf = append(buf, 'e')
	if printExponent >= 0 {
		buf = append(buf, '+')
	} else {
		buf = append(buf, '-')
		printExponent = -printExponent
	}
	es := strconv.Itoa(printExponent)
	for i := len(es); i < expDigits; i++ {
		buf = append(buf, '0')
	}
	buf = append(buf, es...)
	return string(buf)
}
