// Package ui is the Fyne desktop app: the notebook view, cells, the code
// editor, output views, menus and dialogs. It hands cells to the sessions
// package and draws the outputs that come back; widgets are kept testable
// with Fyne's headless test driver, and the window itself is opened from
// cmd/workbench. (The desktop app lands with issue 7; this package is a
// placeholder today.)
package ui
