package plotting

import (
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// defaultLevels is the number of contour levels matplotlib aims at.
const defaultLevels = 7

// Contour draws the contour lines of a 2-d array z (an *arrays.Array or
// nested slices of numbers), as matplotlib's contour(z): the value in row
// i, column j stands at x = j, y = i, so row 0 is at the bottom; drawn over
// an Imshow of the same array the lines lie on its cells. The panel fits
// the grid without margins. Cells with a NaN or infinite corner are left
// out. Options:
//
//   - Levels(n): about n round values over the data's range (7 by
//     default), as matplotlib picks them; or LevelValues(v) for the levels
//     themselves.
//   - Colormap, ColorRange: lines are coloured by level, the lowest level
//     taking the colormap's low end and the highest its high end (as
//     matplotlib, the automatic levels run to one round value beyond each
//     end of the data), unless ColorRange says otherwise.
//   - Color: one colour for all lines; negative levels are dashed then.
//   - LineWidth (1.5 points by default), Dashes, Alpha, Label, Colorbar.
func (ax *Axes) Contour(z any, opts ...Option) *Axes {
	rows, cols, data := matrix("Contour", "z", z)
	if rows < 2 || cols < 2 {
		panic(errorf("Contour", "z must have at least 2 rows and 2 columns, got shape [%d %d]", rows, cols))
	}
	s := makeStyle(opts)
	checkColorStyle("Contour", s)
	lo, hi := finiteRange(data)
	var levels []float64
	switch l := s.levels.(type) {
	case nil:
		levels = niceLevels(lo, hi, defaultLevels)
	case int:
		levels = niceLevels(lo, hi, l)
	case []float64:
		levels = l
	}
	it := &contourItem{rows: rows, cols: cols, style: s, levels: levels, m: newColorMapper(s, levels)}
	for _, level := range levels {
		it.lines = append(it.lines, contourLines(rows, cols, data, level))
	}
	return ax.add(it)
}

// Levels sets the number of contour levels: about n round values over
// the data's range, as matplotlib's contour(z, n).
func Levels(n int) Option {
	if n < 1 {
		panic(errorf("Levels", "want at least one level, got %d", n))
	}
	return func(st *style) { st.levels = n }
}

// LevelValues sets the contour levels: an array or slice of finite
// numbers in increasing order.
func LevelValues(v any) Option {
	vals := append([]float64(nil), floats("LevelValues", "levels", v)...)
	if len(vals) == 0 {
		panic(errorf("LevelValues", "want at least one level, got none"))
	}
	for i, x := range vals {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			panic(errorf("LevelValues", "level %d is %g; levels must be finite", i, x))
		}
		if i > 0 && !(x > vals[i-1]) {
			panic(errorf("LevelValues", "levels must increase, but level %d is %g after %g", i, x, vals[i-1]))
		}
	}
	return func(st *style) { st.levels = vals }
}

// finiteRange is the range of the finite values (NaN, NaN when none).
func finiteRange(data []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range data {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	if lo > hi {
		return math.NaN(), math.NaN()
	}
	return lo, hi
}

// niceLevels picks n contour levels over [lo, hi] as matplotlib's
// contour(z, n) does: the ticks of MaxNLocator(n+1) (steps of 1, 1.5, 2,
// 2.5, 3, 4, 5, 6 or 8 times a power of ten), less those beyond the first
// one below lo and the first one above hi. Levels outside the data draw no
// line, but they set the range that the colours span.
func niceLevels(lo, hi float64, n int) []float64 {
	if !(lo < hi) {
		return nil
	}
	bins := float64(n + 1)
	// matplotlib's scale_range: ticks are counted from an offset when the
	// range is narrow beside its mean.
	offset := 0.0
	if mean := (lo + hi) / 2; math.Abs(mean)/(hi-lo) >= 100 {
		offset = math.Copysign(math.Pow(10, math.Floor(math.Log10(math.Abs(mean)))), mean)
	}
	scale := math.Pow(10, math.Floor(math.Log10((hi-lo)/bins)))
	vmin, vmax := lo-offset, hi-offset
	raw := (vmax - vmin) / bins
	steps := []float64{1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}
	var stair []float64 // MaxNLocator's staircase of steps
	for _, s := range steps[:len(steps)-1] {
		stair = append(stair, 0.1*s)
	}
	stair = append(append(stair, steps...), 10*steps[1])
	step := 0.0
	for _, s := range stair {
		if s*scale >= raw {
			step = s * scale
			break
		}
	}
	const tol = 1e-10
	base := math.Floor(vmin/step) * step
	d, m := divmod(vmin-base, step)
	low := d
	if math.Abs(m/step-1) < tol {
		low++
	}
	d, m = divmod(vmax-base, step)
	high := d + 1
	if math.Abs(m/step) < tol {
		high--
	}
	var levels []float64
	for k := low; k <= high; k++ {
		// Round away the binary noise of k*step (0.30000000000000004).
		v, _ := strconv.ParseFloat(strconv.FormatFloat(k*step+base+offset, 'g', 12, 64), 64)
		levels = append(levels, v)
	}
	// matplotlib's _autolev: keep one level beyond each end of the data.
	i0, i1 := 0, len(levels)
	for i, v := range levels {
		if v < lo {
			i0 = i
		}
	}
	for i, v := range levels {
		if v > hi {
			i1 = i + 1
			break
		}
	}
	if i1-i0 < 3 {
		return levels
	}
	return levels[i0:i1]
}

// divmod is Python's for floats: the floor of x/y and the remainder.
func divmod(x, y float64) (d, m float64) {
	d = math.Floor(x / y)
	return d, x - d*y
}

// contourLines traces the level's contour through the grid by marching
// squares: the corners of each cell at or above the level against those
// below, a line crossing each edge between them where the values
// interpolate linearly to the level; a saddle is resolved by the mean of
// the cell's corners. Segments are joined into polylines in data
// coordinates (x = column, y = row).
func contourLines(rows, cols int, z []float64, level float64) []plotter.XYs {
	// Edge keys: 2*(i*cols+j) is the edge from (i, j) to (i, j+1), one
	// more the edge from (i, j) to (i+1, j).
	hEdge := func(i, j int) int { return 2 * (i*cols + j) }
	vEdge := func(i, j int) int { return 2*(i*cols+j) + 1 }
	point := func(key int) plotter.XY {
		k := key / 2
		i, j := k/cols, k%cols
		za := z[k]
		if key%2 == 0 {
			zb := z[k+1]
			return plotter.XY{X: float64(j) + (level-za)/(zb-za), Y: float64(i)}
		}
		zb := z[k+cols]
		return plotter.XY{X: float64(j), Y: float64(i) + (level-za)/(zb-za)}
	}
	finite := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

	var segs [][2]int
	for i := 0; i+1 < rows; i++ {
		for j := 0; j+1 < cols; j++ {
			a, b := z[i*cols+j], z[i*cols+j+1]
			c, d := z[(i+1)*cols+j+1], z[(i+1)*cols+j]
			if !finite(a) || !finite(b) || !finite(c) || !finite(d) {
				continue
			}
			bottom, right, top, left := hEdge(i, j), vEdge(i, j+1), hEdge(i+1, j), vEdge(i, j)
			cse := 0
			for bit, v := range [4]float64{a, b, c, d} {
				if v >= level {
					cse |= 1 << bit
				}
			}
			centreAbove := (a+b+c+d)/4 >= level
			switch cse {
			case 1, 14:
				segs = append(segs, [2]int{left, bottom})
			case 2, 13:
				segs = append(segs, [2]int{bottom, right})
			case 3, 12:
				segs = append(segs, [2]int{left, right})
			case 4, 11:
				segs = append(segs, [2]int{right, top})
			case 6, 9:
				segs = append(segs, [2]int{bottom, top})
			case 7, 8:
				segs = append(segs, [2]int{top, left})
			case 5: // a and c above
				if centreAbove {
					segs = append(segs, [2]int{bottom, right}, [2]int{top, left})
				} else {
					segs = append(segs, [2]int{left, bottom}, [2]int{right, top})
				}
			case 10: // b and d above
				if centreAbove {
					segs = append(segs, [2]int{left, bottom}, [2]int{right, top})
				} else {
					segs = append(segs, [2]int{bottom, right}, [2]int{top, left})
				}
			}
		}
	}

	// Join the segments: each edge is shared by at most two of them.
	ends := make(map[int][]int, 2*len(segs))
	for s, e := range segs {
		ends[e[0]] = append(ends[e[0]], s)
		ends[e[1]] = append(ends[e[1]], s)
	}
	used := make([]bool, len(segs))
	// next follows the chain from edge key across segment s; it returns
	// the next segment and the edge where it leaves, or -1.
	next := func(s, key int) (int, int) {
		for _, t := range ends[key] {
			if t != s && !used[t] {
				used[t] = true
				e := segs[t]
				if e[0] == key {
					return t, e[1]
				}
				return t, e[0]
			}
		}
		return -1, -1
	}
	var lines []plotter.XYs
	for s := range segs {
		if used[s] {
			continue
		}
		used[s] = true
		// Walk backward from the first end, then forward from the second.
		var back []int
		for t, k := s, segs[s][0]; ; {
			back = append(back, k)
			if t, k = next(t, k); t < 0 {
				break
			}
		}
		line := make(plotter.XYs, 0, len(back)+1)
		for q := len(back) - 1; q >= 0; q-- {
			line = append(line, point(back[q]))
		}
		for t, k := s, segs[s][1]; ; {
			line = append(line, point(k))
			if t, k = next(t, k); t < 0 {
				break
			}
		}
		lines = append(lines, line)
	}
	return lines
}

type contourItem struct {
	rows, cols int
	style      *style
	levels     []float64
	lines      [][]plotter.XYs // per level
	m          *colorMapper
}

func (it *contourItem) extent() (x0, x1, y0, y1 float64) {
	return 0, float64(it.cols - 1), 0, float64(it.rows - 1)
}

func (it *contourItem) yDown() bool { return false }

func (it *contourItem) colorbarMapper() *colorMapper {
	if it.style.colorbar {
		return it.m
	}
	return nil
}

// lineStyle is the style of level k's lines.
func (it *contourItem) lineStyle(k int) draw.LineStyle {
	s := it.style
	if s.color != nil {
		ls := s.lineStyle(s.color)
		if len(s.dashes) == 0 && it.levels[k] < 0 {
			// matplotlib's negative_linestyle for one-colour contours.
			w := ls.Width / vg.Points(1)
			ls.Dashes = []vg.Length{vg.Points(3.7 * float64(w)), vg.Points(1.6 * float64(w))}
		}
		return ls
	}
	return s.lineStyle(it.m.color(it.levels[k]))
}

func (it *contourItem) plotters(ax *Axes, pixels int) ([]plot.Plotter, []legendEntry, error) {
	ps := []plot.Plotter{&contourPlotter{it: it}}
	if it.style.label == "" || len(it.levels) == 0 {
		return ps, nil, nil
	}
	thumb := lineThumb(it.lineStyle(len(it.levels) / 2))
	return ps, []legendEntry{{label: it.style.label, thumbs: []plot.Thumbnailer{thumb}}}, nil
}

// lineThumb is a legend thumbnail: a line across the middle.
type lineThumb draw.LineStyle

func (l lineThumb) Thumbnail(c *draw.Canvas) {
	y := c.Center().Y
	c.StrokeLine2(draw.LineStyle(l), c.Min.X, y, c.Max.X, y)
}

type contourPlotter struct {
	it *contourItem
}

func (cp *contourPlotter) DataRange() (xmin, xmax, ymin, ymax float64) { return cp.it.extent() }

func (cp *contourPlotter) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	xlog, ylog := !isLinear(p.X), !isLinear(p.Y) // log: keep off values <= 0
	for k, lines := range cp.it.lines {
		ls := cp.it.lineStyle(k)
		for _, line := range lines {
			var run []vg.Point
			flush := func() {
				if len(run) > 1 {
					c.StrokeLines(ls, c.ClipLinesXY(run)...)
				}
				run = nil
			}
			for _, pt := range line {
				if (xlog && pt.X <= 0) || (ylog && pt.Y <= 0) {
					flush()
					continue
				}
				run = append(run, vg.Point{X: trX(pt.X), Y: trY(pt.Y)})
			}
			flush()
		}
	}
}
