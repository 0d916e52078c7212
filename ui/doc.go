// Package ui is Workbench's desktop app, on Fyne: the notebook view (cells
// with a highlighted Go editor, rendered markdown, outputs, the run queue,
// Jupyter's keys, completion) and the shell around it (menus, toolbar,
// files with recent files and autosave, notices, the variables and help
// panels, the status bar, themes).
//
// Cells run in a kernel process through the Kernel interface (implemented
// by interp/client's Client), never in the app's own process. The package
// does not import fyne.io/fyne/v2/app, so its widgets are tested with
// Fyne's headless driver; cmd/workbench opens the real window.
package ui
