package plotting

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/palette/moreland"
)

// colorMapper maps values to colours through a colormap over a range.
type colorMapper struct {
	cmap   palette.ColorMap
	lo, hi float64
	name   string
}

// newColorMapper makes the mapper of a style for the given values: the
// style's colormap (viridis by default) over ColorRange, or over the finite
// values' range.
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
	cm := colormapByName(name)
	cm.SetMin(lo)
	cm.SetMax(hi)
	return &colorMapper{cmap: cm, lo: lo, hi: hi, name: name}
}

// color returns the colour of v (transparent for NaN; clamped to the ends).
func (m *colorMapper) color(v float64) color.Color {
	if math.IsNaN(v) {
		return color.Transparent
	}
	v = min(max(v, m.lo), m.hi)
	c, err := m.cmap.At(v)
	if err != nil {
		return color.Transparent
	}
	return c
}

// colormapByName returns a colormap. (Placeholder palettes; the viridis and
// coolwarm tables replace them.)
func colormapByName(name string) palette.ColorMap {
	switch name {
	case "coolwarm":
		return moreland.SmoothBlueRed()
	}
	return moreland.Kindlmann()
}

// addColorbar records that the panel shows a colour bar for m.
func (ax *Axes) addColorbar(m *colorMapper) {}
