package plotting

//go:generate /usr/bin/python3 testdata/colormaps/generate.py

import (
	"errors"
	"image/color"
	"math"
	"sort"
	"strings"

	"gonum.org/v1/plot/palette"
)

// Colormaps returns the names of the colormaps that Colormap and
// NewColormap know: matplotlib's "viridis" (the default), "plasma",
// "inferno", "magma", "cividis", "coolwarm", "RdBu" and "gray", each also
// reversed with the suffix "_r" ("RdBu_r" runs from blue to red).
func Colormaps() []string {
	names := make([]string, 0, 2*len(colormapTables))
	for n := range colormapTables {
		names = append(names, n, n+"_r")
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := strings.ToLower(names[i]), strings.ToLower(names[j])
		if a != b {
			return a < b
		}
		return names[i] < names[j]
	})
	return names
}

// NewColormap returns the named colormap (see Colormaps) as a gonum
// palette.ColorMap over [0, 1]: matplotlib's 256 colours, linearly
// interpolated between entries. An unknown name panics with a *Error that
// lists the known ones.
func NewColormap(name string) palette.ColorMap { return lookupColormap("NewColormap", name) }

// lookupColormap returns the named colormap over [0, 1], or panics with a
// *Error of op that lists the names.
func lookupColormap(op, name string) *tableColormap {
	base, reversed := name, false
	t, ok := colormapTables[base]
	if !ok && strings.HasSuffix(name, "_r") {
		base, reversed = strings.TrimSuffix(name, "_r"), true
		t, ok = colormapTables[base]
	}
	if !ok {
		panic(errorf(op, "unknown colormap %q (want one of %s)", name, strings.Join(Colormaps(), ", ")))
	}
	return &tableColormap{table: t, reversed: reversed, min: 0, max: 1, alpha: 1}
}

// tableColormap is a palette.ColorMap over one of the 256-entry tables.
type tableColormap struct {
	table    *[256][3]uint8
	reversed bool
	min, max float64
	alpha    float64
}

var errColormapRange = errors.New("plotting: colormap minimum is not below its maximum")

// At returns the colour of v: an error for NaN and for values outside
// [Min, Max] (with the colour of the nearer end).
func (m *tableColormap) At(v float64) (color.Color, error) {
	switch {
	case math.IsNaN(v):
		return nil, palette.ErrNaN
	case !(m.min < m.max):
		return nil, errColormapRange
	case v < m.min:
		return m.colorAt(0), palette.ErrUnderflow
	case v > m.max:
		return m.colorAt(1), palette.ErrOverflow
	}
	return m.colorAt((v - m.min) / (m.max - m.min)), nil
}

func (m *tableColormap) colorAt(t float64) color.NRGBA {
	r, g, b := m.rgb(t)
	return color.NRGBA{R: r, G: g, B: b, A: uint8(math.Round(m.alpha * 255))}
}

// rgb is the colour at t in [0, 1] (clamped), interpolated linearly
// between the table's entries: t = i/255 gives entry i exactly.
func (m *tableColormap) rgb(t float64) (r, g, b uint8) {
	if m.reversed {
		t = 1 - t
	}
	x := min(max(t, 0), 1) * 255
	i := int(x)
	if i >= 255 {
		c := m.table[255]
		return c[0], c[1], c[2]
	}
	f := x - float64(i)
	lo, hi := m.table[i], m.table[i+1]
	mix := func(a, b uint8) uint8 { return uint8(float64(a) + f*(float64(b)-float64(a)) + 0.5) }
	return mix(lo[0], hi[0]), mix(lo[1], hi[1]), mix(lo[2], hi[2])
}

func (m *tableColormap) Max() float64     { return m.max }
func (m *tableColormap) SetMax(v float64) { m.max = v }
func (m *tableColormap) Min() float64     { return m.min }
func (m *tableColormap) SetMin(v float64) { m.min = v }
func (m *tableColormap) Alpha() float64   { return m.alpha }

// SetAlpha sets the opacity, from 0 (transparent) to 1 (opaque).
func (m *tableColormap) SetAlpha(a float64) {
	if !(a >= 0 && a <= 1) {
		panic(errorf("SetAlpha", "opacity %g is outside [0, 1]", a))
	}
	m.alpha = a
}

// Palette returns n colours evenly spaced from the low end to the high end.
func (m *tableColormap) Palette(n int) palette.Palette {
	cs := make(colorList, n)
	for i := range cs {
		t := 0.0
		if n > 1 {
			t = float64(i) / float64(n-1)
		}
		cs[i] = m.colorAt(t)
	}
	return cs
}

type colorList []color.Color

func (l colorList) Colors() []color.Color { return l }

// colorMapper maps values to colours through a colormap over a range.
type colorMapper struct {
	cmap   palette.ColorMap
	table  *tableColormap // cmap itself
	lo, hi float64
	name   string
}

// newColorMapper makes the mapper of a style for the given values: the
// style's colormap (viridis by default) over ColorRange, or over the finite
// values' range. An unknown colormap panics with a *Error.
func newColorMapper(s *style, values []float64) *colorMapper {
	name := s.colormap
	if name == "" {
		name = "viridis"
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range values {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	if s.vmin != nil {
		lo = *s.vmin
	}
	if s.vmax != nil {
		hi = *s.vmax
	}
	if !(lo < hi) {
		lo, hi = lo-0.5, lo+0.5
		if math.IsInf(lo, 0) || math.IsNaN(lo) {
			lo, hi = 0, 1
		}
	}
	cm := lookupColormap("Colormap", name)
	cm.SetMin(lo)
	cm.SetMax(hi)
	return &colorMapper{cmap: cm, table: cm, lo: lo, hi: hi, name: name}
}

// color returns the colour of v (transparent for NaN; clamped to the ends).
func (m *colorMapper) color(v float64) color.Color {
	if math.IsNaN(v) {
		return color.Transparent
	}
	return m.table.colorAt((v - m.lo) / (m.hi - m.lo))
}

// rgba is color for images: opaque, or all zero for NaN.
func (m *colorMapper) rgba(v float64) [4]uint8 {
	if math.IsNaN(v) {
		return [4]uint8{}
	}
	r, g, b := m.table.rgb((v - m.lo) / (m.hi - m.lo))
	return [4]uint8{r, g, b, 0xff}
}
