package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workbench/interp"
)

// variablesPanel lists the session's variables: name, type, shape, dtype
// and a short form of the value.
type variablesPanel struct {
	box     fyne.CanvasObject
	table   *widget.Table
	empty   *widget.Label
	vars    []interp.Variable
	loading bool // a request is on its way
	again   bool // refresh once more when it is back
}

var variableColumns = []struct {
	title string
	width float32
}{{"Name", 64}, {"Type", 112}, {"Shape", 72}, {"DType", 72}, {"Value", 240}}

func newVariablesPanel(s *Shell) *variablesPanel {
	p := &variablesPanel{}
	p.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(p.vars), len(variableColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if id.Row >= len(p.vars) {
				l.SetText("")
				return
			}
			l.TextStyle = fyne.TextStyle{Monospace: id.Col == 4, Bold: id.Col == 0}
			l.SetText(variableCell(p.vars[id.Row], id.Col))
		})
	p.table.ShowHeaderColumn = false
	p.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	p.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(variableColumns) {
			o.(*widget.Label).SetText(variableColumns[id.Col].title)
		}
	}
	for i, c := range variableColumns {
		p.table.SetColumnWidth(i, c.width)
	}
	p.empty = widget.NewLabel("No variables yet: run a cell.")
	p.empty.Wrapping = fyne.TextWrapWord
	refresh := widget.NewButtonWithIcon("", theme.ViewRefreshIcon(), s.refreshVariables)
	refresh.Importance = widget.LowImportance
	hide := widget.NewButtonWithIcon("", theme.CancelIcon(), func() { s.ShowVariables(false) })
	hide.Importance = widget.LowImportance
	p.box = container.NewBorder(sidePanelTitle("Variables", refresh, hide), nil, nil, nil,
		container.NewStack(p.table, container.NewVBox(p.empty)))
	return p
}

// variableCell is the text of one column of a variable's row.
func variableCell(v interp.Variable, col int) string {
	switch col {
	case 0:
		return v.Name
	case 1:
		return v.Type
	case 2:
		return v.Shape
	case 3:
		return v.DType
	}
	// The summary of an array repeats its dtype and shape.
	return strings.TrimPrefix(v.Summary, v.DType+" "+v.Shape+" ")
}

func (p *variablesPanel) setVariables(vs []interp.Variable) {
	p.vars = vs
	if len(vs) == 0 {
		p.empty.Show()
		p.table.Hide()
	} else {
		p.empty.Hide()
		p.table.Show()
	}
	p.table.Refresh()
}

// Variables returns the variables that the panel lists.
func (s *Shell) Variables() []interp.Variable { return s.vars.vars }

// refreshVariables asks the kernel for the session's variables (off the
// UI goroutine) and shows them; at most one request is on its way.
func (s *Shell) refreshVariables() {
	k := s.kernel
	if !s.showVars || k == nil {
		return
	}
	if s.vars.loading {
		s.vars.again = true
		return
	}
	s.vars.loading = true
	gen := s.kernelGen
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		vs, err := k.Variables(ctx)
		s.post(func() {
			s.vars.loading = false
			if gen == s.kernelGen && err == nil {
				s.vars.setVariables(vs)
			}
			if s.vars.again {
				s.vars.again = false
				s.refreshVariables()
			}
		})
	}()
}
