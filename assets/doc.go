// Package assets holds what Workbench embeds in its binary: the bundled
// example sessions today (a tour of arrays, a plotting gallery, the heat
// equation, reproducibility), and later the icons and the theme.
//
// The examples are executed notebooks, written by `workbench run`; CI
// checks that each passes `workbench verify`. To change one, edit it (in
// the app, or as percent-format text through `workbench export --to go`)
// and run scripts/examples.sh, which re-runs them all in place.
package assets
