package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// sidePanelTitle is a side panel's heading with its buttons.
func sidePanelTitle(title string, buttons ...fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(nil, nil, l, container.NewHBox(buttons...))
}

// ShowVariables shows or hides the variables panel.
func (s *Shell) ShowVariables(show bool) {
	if s.showVars == show {
		return
	}
	s.showVars = show
	s.layoutPanels()
	if show {
		s.refreshVariables()
	}
}

// ShowHelp shows or hides the help panel.
func (s *Shell) ShowHelp(show bool) {
	if s.showHelp == show {
		return
	}
	s.showHelp = show
	s.layoutPanels()
	if show {
		s.help.update(true)
	}
}

// VariablesShown and HelpShown report whether the side panels show.
func (s *Shell) VariablesShown() bool { return s.showVars }

// HelpShown reports whether the help panel shows.
func (s *Shell) HelpShown() bool { return s.showHelp }

// layoutPanels puts the shown side panels to the right of the notebook.
func (s *Shell) layoutPanels() {
	offset := 0.62
	if s.split != nil {
		offset = s.split.Offset
	}
	var side fyne.CanvasObject
	switch {
	case s.showVars && s.showHelp:
		v := container.NewVSplit(s.vars.box, s.help.box)
		v.Offset = 0.5
		side = v
	case s.showVars:
		side = s.vars.box
	case s.showHelp:
		side = s.help.box
	}
	if side == nil {
		s.split = nil
		s.center.Objects = []fyne.CanvasObject{s.view}
	} else {
		s.split = container.NewHSplit(s.view, side)
		s.split.Offset = offset
		s.center.Objects = []fyne.CanvasObject{s.split}
	}
	s.center.Refresh()
	if s.menu != nil {
		s.menu.updatePanels()
	}
}
