package plotting

import (
	"bytes"
	"fmt"
	"image"
	"math"
	"os"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Default figure size and resolution.
const (
	DefaultWidth  = 6.4 // inches, as matplotlib
	DefaultHeight = 4.8
	DefaultDPI    = 100
)

// Error is the error of plotting misuse; it names the function and what
// was wrong.
type Error struct {
	Op  string
	Msg string
}

func (e *Error) Error() string { return "plotting." + e.Op + ": " + e.Msg }

func errorf(op, format string, args ...any) *Error {
	return &Error{Op: op, Msg: fmt.Sprintf(format, args...)}
}

// Figure is one panel or a grid of panels, with a size and a resolution.
type Figure struct {
	rows, cols     int
	axes           []*Axes
	width, height  float64 // inches
	dpi            float64
	title          string
	shareX, shareY bool
}

// FigureOption sets a property of a new figure.
type FigureOption func(*Figure)

// Size sets the figure's width and height in inches.
func Size(width, height float64) FigureOption {
	return func(f *Figure) { f.width, f.height = width, height }
}

// DPI sets the resolution of PNG output in dots per inch.
func DPI(dpi float64) FigureOption { return func(f *Figure) { f.dpi = dpi } }

// Title sets the figure's title (above all panels).
func Title(s string) FigureOption { return func(f *Figure) { f.title = s } }

// ShareX gives all panels of a grid the same x range; as matplotlib's
// sharex, only the bottom row shows x tick labels.
func ShareX() FigureOption { return func(f *Figure) { f.shareX = true } }

// ShareY gives all panels of a grid the same y range; as matplotlib's
// sharey, only the left column shows y tick labels.
func ShareY() FigureOption { return func(f *Figure) { f.shareY = true } }

// New returns a figure with one panel.
func New(opts ...FigureOption) *Figure { return Grid(1, 1, opts...) }

// Grid returns a figure with rows x cols panels, each with its own title,
// labels and legend (At(r, c) reaches them). Without Size it is 4.8 x 3.6
// inches per panel.
func Grid(rows, cols int, opts ...FigureOption) *Figure {
	if rows < 1 || cols < 1 {
		panic(errorf("Grid", "need at least one row and one column, got %d x %d", rows, cols))
	}
	f := &Figure{rows: rows, cols: cols, width: DefaultWidth, height: DefaultHeight, dpi: DefaultDPI}
	if rows*cols > 1 {
		f.width, f.height = DefaultWidth*float64(cols)*0.75, DefaultHeight*float64(rows)*0.75
	}
	for _, o := range opts {
		o(f)
	}
	if !(f.width > 0 && f.height > 0 && f.dpi > 0) {
		panic(errorf("Grid", "size %gx%g inches at %g dpi: all must be positive", f.width, f.height, f.dpi))
	}
	for i := 0; i < rows*cols; i++ {
		f.axes = append(f.axes, newAxes(f))
	}
	return f
}

// Panels returns the number of rows and columns of panels.
func (f *Figure) Panels() (rows, cols int) { return f.rows, f.cols }

// Axes returns the first (or only) panel.
func (f *Figure) Axes() *Axes { return f.axes[0] }

// At returns the panel at row r and column c, counting from 0 at the top left.
func (f *Figure) At(r, c int) *Axes {
	if r < 0 || r >= f.rows || c < 0 || c >= f.cols {
		panic(errorf("At", "panel (%d, %d) is outside a %d x %d grid", r, c, f.rows, f.cols))
	}
	return f.axes[r*f.cols+c]
}

// SetTitle sets the figure's title and returns the figure.
func (f *Figure) SetTitle(s string) *Figure { f.title = s; return f }

// SetSize sets the size in inches and returns the figure.
func (f *Figure) SetSize(width, height float64) *Figure {
	if !(width > 0 && height > 0) {
		panic(errorf("SetSize", "size %gx%g inches: both must be positive", width, height))
	}
	f.width, f.height = width, height
	return f
}

// SetDPI sets the resolution of PNG output and returns the figure.
func (f *Figure) SetDPI(dpi float64) *Figure {
	if !(dpi > 0) {
		panic(errorf("SetDPI", "dpi %g must be positive", dpi))
	}
	f.dpi = dpi
	return f
}

// PixelSize is the size of PNG output in pixels.
func (f *Figure) PixelSize() (w, h int) {
	return int(f.width*f.dpi + 0.5), int(f.height*f.dpi + 0.5)
}

// Space around and between the panels.
const (
	outerPad = 4 // points, around the figure
	innerPad = 8 // points, between panels (beyond their tick labels)
)

// draw renders the figure onto a canvas, which is dpi dots per inch (for
// decimation: a panel is at most width*dpi/cols pixels wide).
func (f *Figure) draw(c draw.Canvas, dpi float64) error {
	wpx := int(math.Ceil(f.width * dpi / float64(f.cols)))
	panels := make([]*panel, len(f.axes))
	plots := make([][]*plot.Plot, f.rows)
	for r := range plots {
		plots[r] = make([]*plot.Plot, f.cols)
		for k := range plots[r] {
			pn, err := f.axes[r*f.cols+k].buildPanel(wpx)
			if err != nil {
				return err
			}
			panels[r*f.cols+k] = pn
			plots[r][k] = pn.p
		}
	}
	f.share(plots)
	c = draw.Crop(c, vg.Points(outerPad), -vg.Points(outerPad), vg.Points(outerPad), -vg.Points(outerPad))
	if f.title != "" {
		sty := plot.New().Title.TextStyle
		sty.Font.Size = vg.Points(14)
		sty.XAlign = draw.XCenter
		sty.YAlign = draw.YTop
		c.FillText(sty, vg.Point{X: c.Center().X, Y: c.Max.Y}, f.title)
		c.Max.Y -= sty.Height(f.title) + vg.Points(6)
	}
	var canvases [][]draw.Canvas
	if f.rows*f.cols == 1 {
		canvases = [][]draw.Canvas{{c}}
	} else {
		tiles := draw.Tiles{Rows: f.rows, Cols: f.cols, PadX: vg.Points(innerPad), PadY: vg.Points(innerPad)}
		canvases = plot.Align(plots, tiles, c)
	}
	for r := range plots {
		for k := range plots[r] {
			pn := panels[r*f.cols+k]
			pn.p.Draw(canvases[r][k])
			pn.drawLegend(canvases[r][k])
		}
	}
	return nil
}

// share gives the panels common ranges where ShareX or ShareY was asked.
func (f *Figure) share(plots [][]*plot.Plot) {
	if !f.shareX && !f.shareY {
		return
	}
	var all []*plot.Plot
	for _, row := range plots {
		all = append(all, row...)
	}
	// As matplotlib's sharex/sharey: tick labels only on the outer panels,
	// x on the bottom row, y on the left column.
	for r, row := range plots {
		for k, p := range row {
			if f.shareX && r < f.rows-1 {
				hideTickLabels(&p.X)
			}
			if f.shareY && k > 0 {
				hideTickLabels(&p.Y)
			}
		}
	}
	if f.shareX {
		lo, hi := all[0].X.Min, all[0].X.Max
		for _, p := range all[1:] {
			lo, hi = min(lo, p.X.Min), max(hi, p.X.Max)
		}
		for _, p := range all {
			p.X.Min, p.X.Max = lo, hi
		}
	}
	if f.shareY {
		lo, hi := all[0].Y.Min, all[0].Y.Max
		for _, p := range all[1:] {
			lo, hi = min(lo, p.Y.Min), max(hi, p.Y.Max)
		}
		for _, p := range all {
			p.Y.Min, p.Y.Max = lo, hi
		}
	}
}

// imageCanvas is a white canvas of the figure's pixel size. (gonum's image
// canvas takes whole dots per inch; for a fractional resolution the figure
// is laid out at the nearest whole one, on exactly PixelSize pixels.)
func (f *Figure) imageCanvas() *vgimg.Canvas {
	w, h := f.PixelSize()
	img := image.NewRGBA(image.Rect(0, 0, max(w, 1), max(h, 1)))
	return vgimg.NewWith(vgimg.UseImage(img), vgimg.UseDPI(max(int(f.dpi+0.5), 1)))
}

// Image renders the figure to an image of PixelSize pixels.
func (f *Figure) Image() (image.Image, error) {
	c := f.imageCanvas()
	if err := f.draw(draw.New(c), f.dpi); err != nil {
		return nil, err
	}
	return c.Image(), nil
}

// Render returns the figure as "png", "svg" or "pdf" bytes. A PNG is
// PixelSize pixels: round(width*dpi) x round(height*dpi).
func (f *Figure) Render(format string) ([]byte, error) {
	w, h := vg.Length(f.width)*vg.Inch, vg.Length(f.height)*vg.Inch
	var canvas vg.CanvasWriterTo
	switch strings.ToLower(format) {
	case "png":
		canvas = vgimg.PngCanvas{Canvas: f.imageCanvas()}
	case "svg":
		canvas = vgsvg.New(w, h)
	case "pdf":
		// gonum's PDF canvas draws images upside down and translucent
		// colours too dark; drawn through the SVG, the PDF matches the PNG.
		svg, err := f.Render("svg")
		if err != nil {
			return nil, err
		}
		return PDFFromSVG(svg)
	default:
		return nil, errorf("Render", "unknown format %q (want png, svg or pdf)", format)
	}
	if err := f.draw(draw.New(canvas), f.dpi); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := canvas.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("plotting: writing %s: %w", format, err)
	}
	return buf.Bytes(), nil
}

// PNG renders the figure as PNG bytes.
func (f *Figure) PNG() ([]byte, error) { return f.Render("png") }

// SVG renders the figure as SVG bytes.
func (f *Figure) SVG() ([]byte, error) { return f.Render("svg") }

// PDF renders the figure as PDF bytes.
func (f *Figure) PDF() ([]byte, error) { return f.Render("pdf") }

// Save writes the figure to path in the format its extension names (.png,
// .svg or .pdf; any case). It writes a temporary file beside path and
// renames it, so path is either left as it was or holds the whole figure;
// a failed save leaves nothing behind.
func (f *Figure) Save(path string) error {
	ext := filepath.Ext(path)
	switch strings.ToLower(ext) {
	case ".png", ".svg", ".pdf":
	default:
		return errorf("Save", "%s: unknown extension %q (want .png, .svg or .pdf)", path, ext)
	}
	data, err := f.Render(strings.ToLower(ext[1:]))
	if err != nil {
		return fmt.Errorf("plotting: saving %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("plotting: saving %s: %w", path, err)
	}
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return fmt.Errorf("plotting: saving %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("plotting: saving %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("plotting: saving %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("plotting: saving %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("plotting: saving %s: %w", path, err)
	}
	ok = true
	return nil
}
