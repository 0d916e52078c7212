//go:build cgo && linux

package gpu

import (
	"testing"

	"workbench/arrays/dtype"
	"workbench/devices"
	"workbench/kernels"
)

// benchN is the length of the benchmarks' float32 vectors (64 MiB each).
const benchN = 1 << 24

// benchDevices are the devices compared: the CPU, and the GPU where there
// is one. Each GPU iteration waits for the GPU to finish (Sync).
func benchDevices(b *testing.B) []devices.Device {
	ds := []devices.Device{devices.CPU()}
	if d, err := Open(); err == nil {
		ds = append(ds, d)
	} else {
		b.Logf("no GPU: %v", err)
	}
	return ds
}

func wait(b *testing.B, d devices.Device) {
	if g, ok := d.(*Device); ok {
		if err := g.Sync(); err != nil {
			b.Fatal(err)
		}
	}
}

func benchInputs(b *testing.B, d devices.Device) (x, y, out devices.Buffer) {
	data := make([]float32, benchN)
	for i := range data {
		data[i] = float32(i%1000) * 0.5
	}
	var err error
	if x, err = d.FromHost(data); err != nil {
		b.Fatal(err)
	}
	if y, err = d.FromHost(data); err != nil {
		b.Fatal(err)
	}
	if out, err = d.Alloc(dtype.Float32, benchN); err != nil {
		b.Fatal(err)
	}
	return x, y, out
}

// BenchmarkAdd adds two float32 vectors of 1<<24 elements.
func BenchmarkAdd(b *testing.B) {
	for _, d := range benchDevices(b) {
		b.Run(d.Name(), func(b *testing.B) {
			x, y, out := benchInputs(b, d)
			b.SetBytes(3 * 4 * benchN)
			b.ResetTimer()
			for range b.N {
				if err := d.Binary(kernels.Add, vec(out), vec(x), vec(y)); err != nil {
					b.Fatal(err)
				}
				wait(b, d)
			}
		})
	}
}

// BenchmarkSum sums a float32 vector of 1<<24 elements.
func BenchmarkSum(b *testing.B) {
	for _, d := range benchDevices(b) {
		b.Run(d.Name(), func(b *testing.B) {
			x, _, _ := benchInputs(b, d)
			out, err := d.Alloc(dtype.Float32, 1)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(4 * benchN)
			b.ResetTimer()
			for range b.N {
				if err := d.Reduce(kernels.ReduceSum, devices.View{Buf: out, Shape: []int{benchN}, Strides: []int{0}}, vec(x), []bool{true}); err != nil {
					b.Fatal(err)
				}
				wait(b, d)
			}
		})
	}
}

// BenchmarkCopy copies a float32 vector of 1<<24 elements, reversed, into
// another.
func BenchmarkCopy(b *testing.B) {
	for _, d := range benchDevices(b) {
		b.Run(d.Name(), func(b *testing.B) {
			x, _, out := benchInputs(b, d)
			rev := devices.View{Buf: x, Shape: []int{benchN}, Strides: []int{-1}, Offset: benchN - 1}
			b.SetBytes(2 * 4 * benchN)
			b.ResetTimer()
			for range b.N {
				if err := d.Copy(vec(out), rev); err != nil {
					b.Fatal(err)
				}
				wait(b, d)
			}
		})
	}
}
