// Package plotting draws figures from arrays on top of gonum/plot: line,
// scatter, histogram, heatmap and more, rendered to images and bytes (PNG,
// SVG) that the kernel shows as cell outputs. It knows nothing of Fyne.
// (It is built by a later issue; this package is a placeholder today.)
package plotting
