package client

import (
	"slices"
	"strings"
	"testing"

	_ "workbench/devices/gpu" // the kernels the tests start have the GPU, where there is one
	"workbench/interp/jupyter"
)

// TestReplyDevice runs a cell on the CPU and, where the kernel has a GPU
// (Mesa's llvmpipe will do), one on the GPU: Reply.Device says which.
func TestReplyDevice(t *testing.T) {
	opts := kernelOptions()
	opts.Env = slices.DeleteFunc(opts.Env, func(s string) bool { return strings.HasPrefix(s, "WORKBENCH_GPU=") })
	c := start(t, opts)
	if r := run(t, c, "x := arrays.Ones(3)\nx.Sum()"); r.Error != nil || r.Device != "cpu" {
		t.Errorf("a cell on the CPU: device %q, error %+v", r.Device, r.Error)
	}
	env := c.Environment()
	if env.GPU == "" {
		t.Skipf("the kernel has no GPU: %s", env.GPUAbsent)
	}
	if r := run(t, c, "g := arrays.Ones(3).Astype(arrays.Float32).To(devices.GPU())\narrays.Add(g, g).Sum()"); r.Error != nil || r.Device != "gpu" {
		t.Errorf("a cell on the GPU: device %q, error %+v", r.Device, r.Error)
	}
}

// TestReplyDeviceMetadata reads the device from execute_reply metadata,
// as kernels old and new write it.
func TestReplyDeviceMetadata(t *testing.T) {
	for _, tc := range []struct {
		name string
		meta map[string]any
		want string
	}{
		{"gpu", map[string]any{"status": "ok", "workbench": map[string]any{"device": "gpu"}}, "gpu"},
		{"stuck", map[string]any{"workbench": map[string]any{"device": "cpu", "stuck": true}}, "cpu"},
		{"an older kernel", map[string]any{"status": "ok"}, ""},
		{"no metadata", nil, ""},
		{"not an object", map[string]any{"workbench": "gpu"}, ""},
		{"not a string", map[string]any{"workbench": map[string]any{"device": 1}}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := replyDevice(&jupyter.Message{Metadata: tc.meta}); got != tc.want {
				t.Errorf("replyDevice = %q, want %q", got, tc.want)
			}
		})
	}
}
