package main

import (
	"fmt"
	"io"
	"runtime"
	"strings"

	"workbench/devices"
	"workbench/kernels"
	"workbench/version"
)

// runVersion prints what this Workbench is and what it found on this
// machine, one fact per line.
func runVersion(stdout, stderr io.Writer, args []string) int {
	if len(args) > 0 {
		fmt.Fprintf(stderr, "workbench version: unexpected arguments %q\n", args)
		return 2
	}
	v := version.Version
	if rev := version.Revision(); rev != "" {
		v += " (" + rev + ")"
	}
	fmt.Fprintf(stdout, "Workbench %s\n", v)
	fmt.Fprintf(stdout, "Go %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(stdout, "CPU features: %s\n", kernels.CPUFeatures())
	fmt.Fprintf(stdout, "SIMD level: %s\n", kernels.SIMDLevel())
	fmt.Fprintf(stdout, "Workers: %d\n", kernels.Workers())
	fmt.Fprintf(stdout, "Devices: %s\n", strings.Join(devices.Names(), " "))
	return 0
}
