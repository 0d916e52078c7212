package plotting

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Option is a keyword argument of a series: Label("data"), Color("C1"),
// LineWidth(2), Marker("o"), Bins(30), ...
type Option func(*style)

type style struct {
	label      string
	color      color.Color
	alpha      float64 // 0 means opaque
	lineWidth  float64 // points; 0 means the default
	dashes     []float64
	marker     string
	markerSize float64 // points
	sizes      any     // per-point marker sizes (scatter)
	colors     any     // per-point values mapped through the colormap (scatter)
	colormap   string
	vmin, vmax *float64
	bins       int
	binEdges   any
	binRange   *binRange // histogram range (BinRange)
	xerr       any       // horizontal errors (XErr)
	density    bool
	levels     any
	colorbar   bool
	barWidth   float64
	where      string // step: "pre", "post", "mid"
}

func makeStyle(opts []Option) *style {
	s := &style{}
	for _, o := range opts {
		if o != nil {
			o(s)
		}
	}
	return s
}

// Label names the series in the legend.
func Label(s string) Option { return func(st *style) { st.label = s } }

// Color sets the series' colour: a name ("red", "black", ...), a cycle entry
// ("C0" to "C7"), "#rrggbb", or a color.Color.
func Color(c any) Option {
	col, err := parseColor(c)
	if err != nil {
		panic(errorf("Color", "%v", err))
	}
	return func(st *style) { st.color = col }
}

// Alpha sets the opacity, from 0 (invisible) to 1 (opaque).
func Alpha(a float64) Option {
	if a < 0 || a > 1 {
		panic(errorf("Alpha", "opacity %g is outside [0, 1]", a))
	}
	return func(st *style) { st.alpha = a }
}

// LineWidth sets the line width in points.
func LineWidth(w float64) Option { return func(st *style) { st.lineWidth = w } }

// Dashes sets a dash pattern in points, such as Dashes(4, 2).
func Dashes(d ...float64) Option { return func(st *style) { st.dashes = d } }

// Marker sets the marker shape: "o" (circle), "s" (square), "^" (triangle),
// "x" (cross), "+" (plus), "." (dot), "d" (diamond).
func Marker(m string) Option {
	if _, ok := glyphShapes[m]; !ok {
		panic(errorf("Marker", "unknown marker %q (want o s ^ x + . d)", m))
	}
	return func(st *style) { st.marker = m }
}

// MarkerSize sets the marker size in points.
func MarkerSize(pt float64) Option { return func(st *style) { st.markerSize = pt } }

// Colormap names the colormap of a heatmap, contour or coloured scatter:
// "viridis" (the default) or a diverging "coolwarm".
func Colormap(name string) Option {
	lookupColormap("Colormap", name) // an unknown name fails here, at the call
	return func(st *style) { st.colormap = name }
}

// ColorRange fixes the values that the ends of the colormap stand for.
func ColorRange(vmin, vmax float64) Option {
	return func(st *style) { st.vmin, st.vmax = &vmin, &vmax }
}

// Colorbar adds a colour bar beside a heatmap, contour or coloured scatter.
func Colorbar() Option { return func(st *style) { st.colorbar = true } }

var glyphShapes = map[string]draw.GlyphDrawer{
	"o": draw.CircleGlyph{},
	"s": draw.SquareGlyph{},
	"^": draw.TriangleGlyph{},
	"x": draw.CrossGlyph{},
	"+": draw.PlusGlyph{},
	".": draw.CircleGlyph{},
	"d": draw.BoxGlyph{},
}

func (s *style) lineStyle(c color.Color) draw.LineStyle {
	w := s.lineWidth
	if w == 0 {
		w = 1.5
	}
	ls := draw.LineStyle{Color: s.withAlpha(c), Width: vg.Points(w)}
	for _, d := range s.dashes {
		ls.Dashes = append(ls.Dashes, vg.Points(d))
	}
	return ls
}

func (s *style) glyphStyle(c color.Color) draw.GlyphStyle {
	m := s.marker
	if m == "" {
		m = "o"
	}
	size := s.markerSize
	if size == 0 {
		size = 3
		if m == "." {
			size = 1.5
		}
	}
	return draw.GlyphStyle{Color: s.withAlpha(c), Radius: vg.Points(size), Shape: glyphShapes[m]}
}

func (s *style) withAlpha(c color.Color) color.Color {
	if s.alpha == 0 {
		return c
	}
	r, g, b, a := c.RGBA()
	f := s.alpha
	return color.NRGBA64{R: uint16(r * 0xffff / max(a, 1)), G: uint16(g * 0xffff / max(a, 1)), B: uint16(b * 0xffff / max(a, 1)), A: uint16(float64(a) * f)}
}

// cycle is the Okabe–Ito palette, distinguishable with the common forms of
// colour blindness; series take its colours in turn.
var cycle = []color.Color{
	color.NRGBA{0x00, 0x72, 0xB2, 0xff}, // blue
	color.NRGBA{0xE6, 0x9F, 0x00, 0xff}, // orange
	color.NRGBA{0x00, 0x9E, 0x73, 0xff}, // bluish green
	color.NRGBA{0xD5, 0x5E, 0x00, 0xff}, // vermillion
	color.NRGBA{0xCC, 0x79, 0xA7, 0xff}, // reddish purple
	color.NRGBA{0x56, 0xB4, 0xE9, 0xff}, // sky blue
	color.NRGBA{0xF0, 0xE4, 0x42, 0xff}, // yellow
	color.NRGBA{0x00, 0x00, 0x00, 0xff}, // black
}

var namedColors = map[string]color.Color{
	"black": color.Black, "white": color.White,
	"red": color.NRGBA{0xD5, 0x5E, 0x00, 0xff}, "orange": cycle[1], "green": cycle[2],
	"blue": cycle[0], "purple": cycle[4], "skyblue": cycle[5], "yellow": cycle[6],
	"gray": color.NRGBA{0x80, 0x80, 0x80, 0xff}, "grey": color.NRGBA{0x80, 0x80, 0x80, 0xff},
}

func parseColor(c any) (color.Color, error) {
	switch v := c.(type) {
	case color.Color:
		return v, nil
	case string:
		s := strings.ToLower(strings.TrimSpace(v))
		if col, ok := namedColors[s]; ok {
			return col, nil
		}
		if len(s) == 2 && s[0] == 'c' && s[1] >= '0' && s[1] <= '7' {
			return cycle[s[1]-'0'], nil
		}
		if len(s) == 7 && s[0] == '#' {
			n, err := strconv.ParseUint(s[1:], 16, 32)
			if err == nil {
				return color.NRGBA{uint8(n >> 16), uint8(n >> 8), uint8(n), 0xff}, nil
			}
		}
		return nil, fmt.Errorf("unknown colour %q (want a name, C0..C7 or #rrggbb)", v)
	}
	return nil, fmt.Errorf("want a colour name or a color.Color, got %T", c)
}
