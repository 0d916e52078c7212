package main

import (
	"io"

	"workbench/interp/jupyter"
)

// runKernel is `workbench kernel`: the kernel process behind Jupyter's
// messaging protocol (`kernel -f CONNECTION_FILE`), or `kernel install`,
// which writes the kernelspec that Jupyter tools list as "Go (Workbench)".
func runKernel(stdout, stderr io.Writer, args []string) int {
	return jupyter.Main(args, stdout, stderr)
}
