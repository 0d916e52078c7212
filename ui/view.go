package ui

// The notebook view's API, as the app shell (window, menus, files, panels)
// uses it. The view itself is in notebook.go and the files beside it.

// ViewEvents are the notebook view's callbacks to the shell, each called
// on Fyne's UI goroutine (fyne.Do). Any may be nil.
type ViewEvents struct {
	// Changed: the document was edited (cells, sources, outputs); the
	// shell marks the title dirty and schedules an autosave.
	Changed func()
	// Selected: the selected cell changed (for the help panel and the
	// status bar).
	Selected func(cell int)
	// Ran: a cell finished (the shell refreshes the variables panel).
	Ran func(cell int)
	// Status: a short message for the status bar ("cell 3 failed: ...").
	Status func(msg string)
}
