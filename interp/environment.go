package interp

import (
	"runtime"
	"strings"

	"workbench/devices"
	"workbench/kernels"
	"workbench/version"
)

// Environment is the record of where a session runs: the kernel reports it
// (in kernel_info) and session files store it, so that a reader can tell
// whether results should match bit for bit. Its JSON keys are those of
// metadata.workbench.environment in a session file.
type Environment struct {
	// Workbench is the version, with the revision it was built from
	// when known: "0.1.0-dev (0082030…)".
	Workbench string `json:"workbench"`
	// Go is the Go release the kernel was built with: "go1.26.8".
	Go string `json:"go"`
	// OS and Arch are runtime.GOOS and runtime.GOARCH.
	OS   string `json:"os"`
	Arch string `json:"arch"`
	// CPUFeatures are the SIMD-related features found: "avx2", "fma", ...
	CPUFeatures []string `json:"cpu_features"`
	// SIMD is the level the kernels use: "avx512", "avx2" or "go".
	SIMD string `json:"simd"`
	// Workers is the size of the CPU worker pool.
	Workers int `json:"workers"`
	// Devices names the devices present: "cpu", and "gpu" when there is a
	// GPU device.
	Devices []string `json:"devices"`
	// GPU describes the GPU device, its renderer and GL version ("NVIDIA
	// H100/PCIe/SSE2, OpenGL 4.6.0"), when there is one.
	GPU string `json:"gpu,omitempty"`
	// GPUAbsent says why there is no GPU device ("no EGL display"), when
	// there is none.
	GPUAbsent string `json:"gpu_absent,omitempty"`
	// Seed seeds the session's generator rng.
	Seed uint64 `json:"seed"`
}

// CurrentEnvironment describes this process, for a session seeded with
// seed. It probes for the GPU (devices.GPU) first, so that the GPU device
// is listed when there is one; the first probe may take a moment.
func CurrentEnvironment(seed uint64) Environment {
	v := version.Version
	if rev := version.Revision(); rev != "" {
		v += " (" + rev + ")"
	}
	var gpu, absent string
	if d := devices.GPU(); d != nil {
		gpu = d.Info().Description
	} else if why := devices.GPUAbsence(); why != nil {
		absent = why.Error()
	}
	return Environment{
		Workbench:   v,
		Go:          runtime.Version(),
		OS:          runtime.GOOS,
		Arch:        runtime.GOARCH,
		CPUFeatures: strings.Fields(kernels.CPUFeatures()),
		SIMD:        kernels.SIMDLevel(),
		Workers:     kernels.Workers(),
		Devices:     devices.Names(),
		GPU:         gpu,
		GPUAbsent:   absent,
		Seed:        seed,
	}
}
