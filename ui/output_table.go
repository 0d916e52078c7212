package ui

import (
	"fmt"
	"math"
	"math/cmplx"
	"reflect"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workbench/interp"
	"workbench/sessions"
)

// How much of a table is shown: up to tableMaxRows rows and tableMaxCols
// columns; more are cut to the first and last tableEdge around a "…".
const (
	tableMaxRows = 20
	tableMaxCols = 20
	tableEdge    = 10
)

// tableOutput shows a table (MIMETable) as a grid: a header row, numbers
// right-aligned, missing values as NA, long tables cut around a row of
// dots, with "rows × columns" under it.
type tableOutput struct {
	widget.BaseWidget
	env     *outputEnv
	grid    *tableGrid
	caption *widget.Label
	box     *vstack
	text    string
}

func newTableOutput(env *outputEnv) *tableOutput {
	t := &tableOutput{env: env, grid: newTableGrid(), caption: widget.NewLabel("")}
	t.caption.TextStyle.Italic = true
	t.box = newVStack(0, newHScroll(t.grid, env.scroll), t.caption)
	t.ExtendBaseWidget(t)
	return t
}

func (t *tableOutput) update(o *sessions.Output) bool {
	raw := o.Data[sessions.MIMETable]
	if raw == nil {
		return false
	}
	tab, err := interp.DecodeTableJSON(raw)
	if err != nil {
		return false
	}
	t.text = string(o.Data[sessions.MIMEText])
	t.grid.setTable(tableCells(tab))
	t.caption.SetText(fmt.Sprintf("%s rows × %s columns", commas(tab.Rows), commas(len(tab.Columns))))
	t.box.Refresh()
	return true
}

// CreateRenderer implements fyne.Widget.
func (t *tableOutput) CreateRenderer() fyne.WidgetRenderer { return newWrapRenderer(t.box) }

// TappedSecondary implements fyne.SecondaryTappable: copy the text form.
func (t *tableOutput) TappedSecondary(ev *fyne.PointEvent) {
	showMenu(t, ev, fyne.NewMenuItem("Copy table as text", func() {
		fyne.CurrentApp().Clipboard().SetContent(t.text)
	}))
}

// tableCell is one shown cell of a table.
type tableCell struct {
	text    string
	numeric bool
	missing bool
}

// tableCells returns the rows to show, the header first; a row of nil
// stands for the rows left out, a cell with text "…" for the columns.
func tableCells(t *interp.TableJSON) [][]*tableCell {
	cols := shownIndexes(len(t.Columns), tableMaxCols)
	rows := shownIndexes(t.Rows, tableMaxRows)
	out := [][]*tableCell{}
	header := []*tableCell{}
	for _, c := range cols {
		if c < 0 {
			header = append(header, &tableCell{text: "…"})
			continue
		}
		header = append(header, &tableCell{text: t.Columns[c].Name, numeric: t.Columns[c].Kind == "numeric"})
	}
	out = append(out, header)
	for _, r := range rows {
		if r < 0 {
			out = append(out, nil)
			continue
		}
		row := []*tableCell{}
		for _, c := range cols {
			if c < 0 {
				row = append(row, &tableCell{text: "…"})
				continue
			}
			row = append(row, columnValue(&t.Columns[c], r, t.Rows, t.Truncated))
		}
		out = append(out, row)
	}
	return out
}

// shownIndexes returns the indexes shown of n: all of them, or the first
// and last tableEdge with -1 between.
func shownIndexes(n, most int) []int {
	var idx []int
	if n <= most {
		for i := range n {
			idx = append(idx, i)
		}
		return idx
	}
	for i := range tableEdge {
		idx = append(idx, i)
	}
	idx = append(idx, -1)
	for i := n - tableEdge; i < n; i++ {
		idx = append(idx, i)
	}
	return idx
}

// columnValue returns row r of column c (of a table of rows rows).
func columnValue(c *interp.ColumnJSON, r, rows int, truncated bool) *tableCell {
	data, missing, i := c.Data, c.Missing, r
	if truncated {
		// Shown rows are within the first or last ArrayJSONEdgeElements.
		if hn := reflectLen(c.Head); r < hn {
			data, missing = c.Head, c.HeadMissing
		} else {
			data, missing = c.Tail, c.TailMissing
			i = r - (rows - reflectLen(c.Tail))
		}
	}
	if i < len(missing) && missing[i] {
		return &tableCell{text: "NA", missing: true, numeric: c.Kind == "numeric"}
	}
	v := reflect.ValueOf(data)
	if v.Kind() != reflect.Slice || i < 0 || i >= v.Len() {
		return &tableCell{text: "?"}
	}
	e := v.Index(i)
	cell := &tableCell{numeric: c.Kind == "numeric"}
	switch {
	case c.Kind == "time" && e.CanInt():
		cell.text = time.Unix(0, e.Int()).UTC().Format("2006-01-02 15:04:05")
	case e.CanInt():
		cell.text = strconv.FormatInt(e.Int(), 10)
	case e.CanUint():
		cell.text = strconv.FormatUint(e.Uint(), 10)
	case e.CanFloat():
		cell.text = formatFloat(e.Float())
	case e.CanComplex():
		z := e.Complex()
		if cmplx.IsNaN(z) {
			cell.text = "NaN"
		} else {
			cell.text = fmt.Sprintf("%s%+sj", formatFloat(real(z)), formatFloat(imag(z)))
		}
	default:
		cell.text = fmt.Sprint(e.Interface())
	}
	return cell
}

func formatFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Inf"
	case math.IsInf(f, -1):
		return "-Inf"
	}
	return strconv.FormatFloat(f, 'g', 6, 64)
}

func reflectLen(x any) int {
	v := reflect.ValueOf(x)
	if v.Kind() != reflect.Slice {
		return 0
	}
	return v.Len()
}

// tableGrid draws the cells of a table.
type tableGrid struct {
	widget.BaseWidget
	rows [][]*tableCell
}

func newTableGrid() *tableGrid {
	g := &tableGrid{}
	g.ExtendBaseWidget(g)
	return g
}

func (g *tableGrid) setTable(rows [][]*tableCell) {
	g.rows = rows
	g.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (g *tableGrid) CreateRenderer() fyne.WidgetRenderer {
	r := &tableGridRenderer{g: g}
	r.build()
	return r
}

type tableGridRenderer struct {
	g       *tableGrid
	built   [][]*tableCell
	texts   [][]*canvas.Text
	stripes []*canvas.Rectangle // one per row, the header's first
	objects []fyne.CanvasObject
	colW    []float32
	rowH    float32
}

// build makes the objects for the grid's rows.
func (r *tableGridRenderer) build() {
	r.built = r.g.rows
	r.texts, r.stripes, r.objects = nil, nil, nil
	ncol := 0
	for _, row := range r.g.rows {
		ncol = max(ncol, len(row))
	}
	for _, row := range r.g.rows {
		bg := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
		r.stripes = append(r.stripes, bg)
		r.objects = append(r.objects, bg)
		var texts []*canvas.Text
		if row == nil { // the rows left out
			row = make([]*tableCell, ncol)
			for j := range row {
				row[j] = &tableCell{text: "⋮", numeric: true}
			}
		}
		for _, c := range row {
			t := canvas.NewText(c.text, theme.Color(theme.ColorNameForeground))
			t.TextStyle.Monospace = true
			if c.numeric || c.text == "…" {
				t.Alignment = fyne.TextAlignTrailing
			}
			texts = append(texts, t)
			r.objects = append(r.objects, t)
		}
		r.texts = append(r.texts, texts)
	}
	r.colW = make([]float32, ncol)
	r.applyTheme()
}

func (r *tableGridRenderer) applyTheme() {
	th := r.g.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	size := th.Size(theme.SizeNameText)
	for i, texts := range r.texts {
		switch {
		case i == 0:
			r.stripes[i].FillColor = th.Color(theme.ColorNameHeaderBackground, v)
		case i%2 == 0:
			r.stripes[i].FillColor = th.Color(theme.ColorNameHover, v)
		default:
			r.stripes[i].FillColor = th.Color(theme.ColorNameBackground, v)
		}
		for j, t := range texts {
			t.TextSize = size
			t.Color = th.Color(theme.ColorNameForeground, v)
			if row := r.g.rows[i]; j < len(row) && row[j].missing {
				t.Color = th.Color(theme.ColorNamePlaceHolder, v)
			}
		}
	}
	pad := th.Size(theme.SizeNameInnerPadding)
	for j := range r.colW {
		r.colW[j] = 0
	}
	r.rowH = 0
	for _, texts := range r.texts {
		for j, t := range texts {
			m := t.MinSize()
			r.colW[j] = max(r.colW[j], m.Width+pad*2)
			r.rowH = max(r.rowH, m.Height+pad/2)
		}
	}
}

func (r *tableGridRenderer) Destroy() {}

func (r *tableGridRenderer) Layout(fyne.Size) {
	width := float32(0)
	for _, w := range r.colW {
		width += w
	}
	pad := r.g.Theme().Size(theme.SizeNameInnerPadding)
	for i, texts := range r.texts {
		y := float32(i) * r.rowH
		r.stripes[i].Move(fyne.NewPos(0, y))
		r.stripes[i].Resize(fyne.NewSize(width, r.rowH))
		x := float32(0)
		for j, t := range texts {
			t.Move(fyne.NewPos(x+pad, y+pad/4))
			t.Resize(fyne.NewSize(r.colW[j]-pad*2, r.rowH-pad/2))
			x += r.colW[j]
		}
	}
}

func (r *tableGridRenderer) MinSize() fyne.Size {
	width := float32(0)
	for _, w := range r.colW {
		width += w
	}
	return fyne.NewSize(width, r.rowH*float32(len(r.texts)))
}

func (r *tableGridRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *tableGridRenderer) Refresh() {
	if !sameRows(r.built, r.g.rows) {
		r.build()
	} else {
		r.applyTheme()
	}
	r.Layout(r.g.Size())
	for _, o := range r.objects {
		o.Refresh()
	}
}

func sameRows(a, b [][]*tableCell) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) || len(a[i]) > 0 && a[i][0] != b[i][0] {
			return false
		}
	}
	return true
}

// Tapped implements fyne.Tappable: a click selects the cell.
func (t *tableOutput) Tapped(*fyne.PointEvent) { t.env.tap() }
