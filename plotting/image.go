package plotting

import (
	"image"
	"math"
	"sort"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Imshow draws a 2-d array (an *arrays.Array or nested slices of numbers)
// as an image, each value a cell coloured through the colormap, as
// matplotlib's imshow with origin="upper": row 0 at the top, the y axis
// growing downward, and the centre of cell (i, j) at x = j, y = i (the
// image spans -0.5 to cols-0.5 and -0.5 to rows-0.5), with no margins
// around it. The cells stretch to fill the panel. NaN cells are
// transparent (the background shows). Options: Colormap, ColorRange
// (values beyond it take the end colours), Colorbar, Alpha.
//
// The image is rasterised at the output's resolution: a cell smaller than
// a pixel is averaged with its neighbours, one larger fills its pixels, so
// large arrays draw fast in PNG, SVG and PDF alike.
func (ax *Axes) Imshow(z any, opts ...Option) *Axes { return ax.imshow("Imshow", z, opts) }

// Heatmap is Imshow.
func (ax *Axes) Heatmap(z any, opts ...Option) *Axes { return ax.imshow("Heatmap", z, opts) }

func (ax *Axes) imshow(op string, z any, opts []Option) *Axes {
	rows, cols, data := matrix(op, "z", z)
	if rows == 0 || cols == 0 {
		panic(errorf(op, "z is empty (shape [%d %d])", rows, cols))
	}
	s := makeStyle(opts)
	checkColorStyle(op, s)
	return ax.add(&imageItem{rows: rows, cols: cols, data: data, style: s, m: newColorMapper(s, data)})
}

// checkColorStyle panics with a *Error of op for an unknown colormap or a
// reversed ColorRange.
func checkColorStyle(op string, s *style) {
	if s.colormap != "" {
		lookupColormap(op, s.colormap)
	}
	if s.vmin != nil && !(*s.vmin <= *s.vmax) {
		panic(errorf(op, "ColorRange(%g, %g): the minimum must not exceed the maximum", *s.vmin, *s.vmax))
	}
}

type imageItem struct {
	rows, cols int
	data       []float64 // row-major
	style      *style
	m          *colorMapper
}

func (it *imageItem) extent() (x0, x1, y0, y1 float64) {
	return -0.5, float64(it.cols) - 0.5, -0.5, float64(it.rows) - 0.5
}

func (it *imageItem) yDown() bool { return true }

func (it *imageItem) colorbarMapper() *colorMapper {
	if it.style.colorbar {
		return it.m
	}
	return nil
}

func (it *imageItem) plotters(ax *Axes, pixels int) ([]plot.Plotter, []legendEntry, error) {
	return []plot.Plotter{&imagePlotter{it: it}}, nil, nil
}

// imagePlotter draws an imageItem: it resamples the cells to the canvas's
// pixels, then draws that image unscaled.
type imagePlotter struct {
	it *imageItem
}

func (ip *imagePlotter) DataRange() (xmin, xmax, ymin, ymax float64) { return ip.it.extent() }

func (ip *imagePlotter) Plot(c draw.Canvas, p *plot.Plot) {
	it := ip.it
	trX, trY := p.Transforms(&c)
	dpi := canvasDPI(c.Canvas)
	dots := func(l vg.Length) float64 { return l.Dots(dpi) }
	// The visible cells and their edges in dots, clamped to the axes:
	// the image is clipped to the data area (and log axes never see the
	// values they cannot show).
	x0, _, y0, _ := it.extent()
	jlo, jhi := visibleCells(p.X, x0, it.cols)
	ilo, ihi := visibleCells(p.Y, y0, it.rows)
	if jlo >= jhi || ilo >= ihi {
		return
	}
	xe := make([]float64, jhi-jlo+1)
	for k := range xe {
		xe[k] = dots(trX(clampTo(p.X, x0+float64(jlo+k))))
	}
	ye := make([]float64, ihi-ilo+1)
	for k := range ye {
		ye[k] = dots(trY(clampTo(p.Y, y0+float64(ilo+k))))
	}
	// The pixel rectangle the image covers, in dots with y growing upward.
	px0, px1 := pixelSpan(xe)
	py0, py1 := pixelSpan(ye)
	w, h := px1-px0, py1-py0
	if w <= 0 || h <= 0 {
		return
	}
	colLo, colHi := cellSpans(xe, px0, w)
	// Image rows count down from the top: flip the pixel grid.
	flipped := make([]float64, len(ye))
	for k, y := range ye {
		flipped[k] = float64(py1+py0) - y
	}
	rowLo, rowHi := cellSpans(flipped, py0, h)
	for k := range colLo {
		colLo[k] += jlo
		colHi[k] += jlo
	}
	for k := range rowLo {
		rowLo[k] += ilo
		rowHi[k] += ilo
	}

	colors := make([][4]uint8, len(it.data))
	for k, v := range it.data {
		colors[k] = it.m.rgba(v)
	}
	alpha := 1.0
	if it.style.alpha != 0 {
		alpha = it.style.alpha
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for r := range h {
		i0, i1 := rowLo[r], rowHi[r]
		if i0 >= i1 {
			continue
		}
		line := img.Pix[r*img.Stride:]
		for q := range w {
			j0, j1 := colLo[q], colHi[q]
			if j0 >= j1 {
				continue
			}
			var sr, sg, sb, sa, n float64
			for i := i0; i < i1; i++ {
				for _, cc := range colors[i*it.cols+j0 : i*it.cols+j1] {
					a := float64(cc[3])
					sr += float64(cc[0]) * a
					sg += float64(cc[1]) * a
					sb += float64(cc[2]) * a
					sa += a
					n++
				}
			}
			// Premultiplied RGBA: the mean of the premultiplied colours.
			px := line[4*q : 4*q+4 : 4*q+4]
			px[0] = uint8(sr/255/n*alpha + 0.5)
			px[1] = uint8(sg/255/n*alpha + 0.5)
			px[2] = uint8(sb/255/n*alpha + 0.5)
			px[3] = uint8(sa/n*alpha + 0.5)
		}
	}
	rect := vg.Rectangle{
		Min: vg.Point{X: vg.Length(float64(px0) * 72 / dpi), Y: vg.Length(float64(py0) * 72 / dpi)},
		Max: vg.Point{X: vg.Length(float64(px1) * 72 / dpi), Y: vg.Length(float64(py1) * 72 / dpi)},
	}
	c.DrawImage(rect, img)
}

// visibleCells returns the cells [lo, hi) of a row of n unit cells from
// start that overlap the axis's range.
func visibleCells(a plot.Axis, start float64, n int) (lo, hi int) {
	amin, amax := min(a.Min, a.Max), max(a.Min, a.Max)
	if math.IsInf(amin, 0) || math.IsInf(amax, 0) || math.IsNaN(amin) || math.IsNaN(amax) {
		return 0, 0
	}
	lo = max(0, int(math.Floor(amin-start)))
	hi = min(n, int(math.Ceil(amax-start)))
	if !(amax > amin) || lo >= hi {
		return 0, 0
	}
	return lo, hi
}

// clampTo keeps v within the axis's range.
func clampTo(a plot.Axis, v float64) float64 {
	lo, hi := min(a.Min, a.Max), max(a.Min, a.Max)
	return min(max(v, lo), hi)
}

// pixelSpan returns the whole pixels [lo, hi) that positions in dots
// cover, rounding to the nearest pixel edge.
func pixelSpan(edges []float64) (lo, hi int) {
	a, b := math.Inf(1), math.Inf(-1)
	for _, e := range edges {
		a, b = min(a, e), max(b, e)
	}
	return int(math.Round(a)), int(math.Round(b))
}

// cellSpans assigns cells to the n pixels from p0 along one direction,
// given the cells' edges in dots (increasing or decreasing): pixel k
// averages the cells [lo[k], hi[k]) whose centres fall in it, or shows the
// one cell under its centre when no centre falls in it. Pixels outside all
// cells get lo == hi.
func cellSpans(edges []float64, p0, n int) (lo, hi []int) {
	cells := len(edges) - 1
	rev := edges[0] > edges[cells]
	pos := func(k int) float64 { // the edges in increasing order
		if rev {
			return edges[cells-k]
		}
		return edges[k]
	}
	lo, hi = make([]int, n), make([]int, n)
	for k := range n {
		left, right := float64(p0+k), float64(p0+k+1)
		// The first cell whose centre is at or right of left, and the
		// first whose centre is at or right of right.
		a := sort.Search(cells, func(m int) bool { return (pos(m)+pos(m+1))/2 >= left })
		b := sort.Search(cells, func(m int) bool { return (pos(m)+pos(m+1))/2 >= right })
		if a == b {
			// No centre inside: the cell under the pixel's centre.
			mid := left + 0.5
			m := sort.Search(cells, func(m int) bool { return pos(m+1) > mid })
			if m == cells || pos(m) > mid {
				continue
			}
			a, b = m, m+1
		}
		if rev {
			a, b = cells-b, cells-a
		}
		lo[k], hi[k] = a, b
	}
	return lo, hi
}
