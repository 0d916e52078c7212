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
	// Probe for the GPU first, so that Devices lists it when there is one.
	gpu := devices.GPU()
	fmt.Fprintf(stdout, "Devices: %s\n", strings.Join(devices.Names(), " "))
	fmt.Fprintf(stdout, "%s\n", gpuLine(gpu, devices.GPUAbsence()))
	return 0
}

// gpuLine describes the GPU device and whether it computes with float64
// and int64 ("gpu: NVIDIA H100, OpenGL 4.6; float64: yes, int64: yes"),
// or says why there is none ("gpu: absent (no EGL display)").
func gpuLine(gpu devices.Device, absence error) string {
	if gpu != nil {
		info := gpu.Info()
		line := "gpu: " + info.Description
		var feats []string
		for _, f := range []struct{ key, name string }{{"fp64", "float64"}, {"int64", "int64"}} {
			if v, ok := info.Details[f.key]; ok {
				yes := "no"
				if strings.HasPrefix(v, "yes") {
					yes = "yes"
				}
				feats = append(feats, f.name+": "+yes)
			}
		}
		if len(feats) > 0 {
			line += "; " + strings.Join(feats, ", ")
		}
		return line
	}
	why := "no reason given"
	if absence != nil {
		why = absence.Error()
	}
	return "gpu: absent (" + why + ")"
}
