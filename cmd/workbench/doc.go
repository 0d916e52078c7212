// Command workbench is the one Workbench binary:
//
//	workbench                    open the desktop app on the bundled tour
//	workbench FILE.ipynb|.go     open a session in the desktop app
//	workbench run FILE           run every cell headless, write the executed notebook
//	workbench verify FILE        re-run a saved session and compare every output
//	workbench export FILE --to html|md|go
//	workbench kernel -f FILE     the Jupyter kernel process (kernel install: its kernelspec)
//	workbench version            versions, CPU features, SIMD level, workers, devices
//	workbench help               the usage
//
// The desktop app needs cgo (OpenGL and GLFW through Fyne); a build with
// CGO_ENABLED=0 has every other command. This package is wiring only: each
// subcommand lives in a file of its own and calls into the packages that do
// the work.
package main
