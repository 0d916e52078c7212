// Package assets holds what Workbench embeds in its binary: icons, the
// theme, and the bundled example sessions (arrays, linear algebra, signals
// and FFT, ODEs, statistics, sparse systems, GPU). (It is filled by later
// issues; this package is a placeholder today.)
package assets
