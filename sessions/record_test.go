package sessions

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"
)

// TestEnvironmentGPURoundTrip reads environment records as the kernel
// writes them (interp.Environment's JSON), with and without a GPU, into a
// notebook, writes it and reads it back: the GPU keys are fields, unknown
// keys stay in Extra, and what is written is what was read.
func TestEnvironmentGPURoundTrip(t *testing.T) {
	const base = `"workbench":"0.1.0-dev (0082030)","go":"go1.26.8","os":"linux","arch":"amd64","cpu_features":["avx2","fma"],"simd":"avx2","workers":2,"seed":42`
	for _, tc := range []struct {
		name        string
		env         string // metadata.workbench.environment
		gpu, absent string
		extra       []string // keys kept in Extra
	}{
		{"a GPU", `{` + base + `,"devices":["cpu","gpu"],"gpu":"llvmpipe (LLVM 15.0.6, 256 bits), OpenGL 4.5"}`,
			"llvmpipe (LLVM 15.0.6, 256 bits), OpenGL 4.5", "", nil},
		{"no GPU", `{` + base + `,"devices":["cpu"],"gpu_absent":"no EGL display"}`, "", "no EGL display", nil},
		{"an older kernel", `{` + base + `,"devices":["cpu"]}`, "", "", nil},
		{"unknown keys kept", `{` + base + `,"devices":["cpu","gpu","npu"],"gpu":"NVIDIA H100/PCIe/SSE2, OpenGL 4.6.0","npu":{"name":"x"},"zz":1}`,
			"NVIDIA H100/PCIe/SSE2, OpenGL 4.6.0", "", []string{"npu", "zz"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var env Environment
			if err := json.Unmarshal([]byte(tc.env), &env); err != nil {
				t.Fatal(err)
			}
			var extra []string
			for k := range env.Extra {
				extra = append(extra, k)
			}
			slices.Sort(extra)
			if env.GPU != tc.gpu || env.GPUAbsent != tc.absent || !slices.Equal(extra, tc.extra) {
				t.Errorf("GPU %q, GPUAbsent %q, Extra keys %q; want %q, %q, %q", env.GPU, env.GPUAbsent, extra, tc.gpu, tc.absent, tc.extra)
			}

			nb := notebookOf("x")
			nb.Record = &Record{Environment: &env}
			nb.Cells[0].Record = &CellRecord{Device: "gpu"}
			b, err := Marshal(nb)
			if err != nil {
				t.Fatal(err)
			}
			back, err := Parse(b)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(back.Record.Environment, &env) || back.Cells[0].Record.Device != "gpu" {
				t.Errorf("read back: %+v, device %q", back.Record.Environment, back.Cells[0].Record.Device)
			}
			b2, err := Marshal(back)
			if err != nil {
				t.Fatal(err)
			}
			if string(b2) != string(b) {
				t.Errorf("written back differently:\n%s", firstDiff(string(b), string(b2)))
			}
			// The file holds the record as the kernel wrote it: no key
			// lost, none added (no empty "gpu" or "gpu_absent").
			var file struct {
				Metadata struct {
					Workbench struct {
						Environment any `json:"environment"`
					} `json:"workbench"`
				} `json:"metadata"`
			}
			var want any
			if err := json.Unmarshal(b, &file); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal([]byte(tc.env), &want); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(file.Metadata.Workbench.Environment, want) {
				t.Errorf("the file's environment\n%v\nwant\n%v", file.Metadata.Workbench.Environment, want)
			}
		})
	}
}
