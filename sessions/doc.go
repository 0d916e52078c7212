// Package sessions is the notebook document: cells, outputs and the
// reproducibility record kept under metadata.workbench, the .ipynb
// (nbformat 4.5) codec, running a whole notebook through a kernel, and
// comparing a fresh run with the saved outputs (workbench verify). It reaches
// the kernel only through an interface of its own with plain types, so it can
// be tested with a fake kernel and run headless. (It is built by a later
// issue; this package is a placeholder today.)
package sessions
