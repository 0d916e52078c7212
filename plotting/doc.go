// Package plotting draws figures from arrays and Go slices on top of
// gonum/plot, for the kernel to show inline (PNG, SVG) and for export (PNG,
// SVG, PDF). It knows nothing of Fyne.
//
// A Figure holds one panel or a grid of panels (Axes); each Axes collects
// series (lines, scatters, histograms, ...) and renders them when the figure
// is written:
//
//	fig := plotting.New()
//	ax := fig.Axes()
//	ax.Line(x, y, plotting.Label("signal"))
//	ax.SetTitle("A noisy sine").SetXLabel("t (s)").Legend()
//	png, err := fig.PNG()
//
// Inputs are *arrays.Array of any real dtype or Go slices of numbers; NaN
// values are gaps. Misuse (mismatched lengths, a negative bin count) panics
// with a *plotting.Error that names the values involved, as the arrays
// package does; writing a figure returns errors.
package plotting
