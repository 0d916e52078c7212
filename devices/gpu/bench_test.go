//go:build cgo && linux

package gpu

import (
	"strings"
	"syscall"
	"testing"
	"time"

	"workbench/arrays/dtype"
	"workbench/devices"
	"workbench/kernels"
	"workbench/kernels/glsl"
)

// benchN is the length of the benchmarks' float32 vectors on the CPU and
// on llvmpipe (64 MiB each); a real GPU gets benchLen's longer ones.
const benchN = 1 << 24

// realGPU reports whether d is a GPU device that is not a software
// renderer (llvmpipe): one that the larger benchmarks are for.
func realGPU(d devices.Device) bool {
	g, ok := d.(*Device)
	return ok && !strings.Contains(strings.ToLower(g.Info().Details["renderer"]), "llvmpipe")
}

// benchLen is the length of the float32 vectors for d: benchN, and on a
// real GPU 2^27 (512 MiB each) or as many as its largest storage buffer
// holds, so that launching a shader and waiting for it weigh little
// against moving the data (2^24 floats take 60 µs at 3 TB/s).
func benchLen(d devices.Device) int {
	if !realGPU(d) {
		return benchN
	}
	n := 1 << 27
	for int64(n)*4 > d.(*Device).maxBytes && n > benchN {
		n /= 2
	}
	return n
}

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
	n := benchLen(d)
	data := make([]float32, n)
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
	if out, err = d.Alloc(dtype.Float32, n); err != nil {
		b.Fatal(err)
	}
	return x, y, out
}

// BenchmarkAdd adds two float32 vectors of 1<<24 elements.
func BenchmarkAdd(b *testing.B) {
	for _, d := range benchDevices(b) {
		b.Run(d.Name(), func(b *testing.B) {
			x, y, out := benchInputs(b, d)
			b.SetBytes(int64(3 * 4 * x.Len()))
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

// BenchmarkSin takes the sine of a float32 vector of 1<<24 elements
// (arguments up to 500: the GPU's exact argument reduction at work).
func BenchmarkSin(b *testing.B) {
	for _, d := range benchDevices(b) {
		b.Run(d.Name(), func(b *testing.B) {
			x, _, out := benchInputs(b, d)
			b.SetBytes(int64(2 * 4 * x.Len()))
			b.ResetTimer()
			for range b.N {
				if err := d.Unary(kernels.Sin, vec(out), vec(x)); err != nil {
					b.Fatal(err)
				}
				wait(b, d)
			}
		})
	}
}

// BenchmarkAddInt64 adds two int64 vectors of 1<<23 elements (the same
// bytes as BenchmarkAdd's), where the GPU has int64 arithmetic.
func BenchmarkAddInt64(b *testing.B) {
	for _, d := range benchDevices(b) {
		b.Run(d.Name(), func(b *testing.B) {
			n := benchLen(d) / 2
			data := make([]int64, n)
			for i := range data {
				data[i] = int64(i) << 20
			}
			x, err := d.FromHost(data)
			if err != nil {
				b.Fatal(err)
			}
			out, err := d.Alloc(dtype.Int64, n)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(3 * 8 * n))
			b.ResetTimer()
			for range b.N {
				if err := d.Binary(kernels.Add, vec(out), vec(x), vec(x)); err != nil {
					b.Skipf("skipped: %v", err)
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
			n := x.Len()
			b.SetBytes(int64(4 * n))
			b.ResetTimer()
			for range b.N {
				if err := d.Reduce(kernels.ReduceSum, devices.View{Buf: out, Shape: []int{n}, Strides: []int{0}}, vec(x), []bool{true}); err != nil {
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
			n := x.Len()
			rev := devices.View{Buf: x, Shape: []int{n}, Strides: []int{-1}, Offset: n - 1}
			b.SetBytes(int64(2 * 4 * n))
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

// mmBench is one shape of BenchmarkMatmulShapes: (m x k)(k x n) float32,
// with a's row stride 0 when it stands for a 1-d row vector (m = 1) and
// b's column stride 0 when it stands for a 1-d column vector (n = 1), as
// arrays.Matmul passes them.
type mmBench struct {
	name    string
	m, k, n int
	large   bool // only on a real GPU (minutes on llvmpipe)
}

var mmBenches = []mmBench{
	{"3x3", 3, 3, 3, false},
	{"64x64", 64, 64, 64, false},
	{"256x256", 256, 256, 256, false},
	{"100000x3x3", 100000, 3, 3, false},
	{"matvec-4096", 4096, 4096, 1, false},
	{"vecmat-4096", 1, 4096, 4096, false},
	{"1024x1024", 1024, 1024, 1024, false},
	{"4096x4096", 4096, 4096, 4096, true},
	{"8192x8192", 8192, 8192, 8192, true},
}

// strides returns the strides of a, b and c for a case.
func (c mmBench) strides() (sa, sb, sc []int) {
	sa, sb, sc = []int{c.k, 1}, []int{c.n, 1}, []int{c.n, 1}
	if c.m == 1 {
		sa[0] = 0
	}
	if c.n == 1 {
		sb = []int{1, 0}
	}
	return sa, sb, sc
}

// BenchmarkMatmulShapes multiplies float32 matrices of small, skinny and
// large shapes: on the CPU with kernels.GemmStrided32 (what arrays.Matmul
// runs there), on the GPU with the work Matmul chooses ("gpu") and with
// 128 x 128 tiles whatever the shape ("gpu-tiles128", all shapes took
// before Matmul chose), waiting for each. Besides the time it reports the
// process's CPU time per multiply (user and system, all threads:
// llvmpipe's work, less sensitive than the time to other loads on the
// machine).
func BenchmarkMatmulShapes(b *testing.B) {
	real := false
	if d, err := Open(); err == nil {
		real = realGPU(d)
	}
	for _, c := range mmBenches {
		if c.large && !real {
			continue
		}
		gflops := func(b *testing.B) {
			flop := 2 * float64(c.m) * float64(c.n) * float64(c.k)
			b.ReportMetric(flop*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
		}
		ha := mmData(dtype.Float32, c.m*c.k, false, 1).([]float32)
		hb := mmData(dtype.Float32, c.k*c.n, false, 2).([]float32)
		sa, sb, sc := c.strides()
		b.Run(c.name+"/cpu", func(b *testing.B) {
			out := make([]float32, c.m*c.n)
			b.ResetTimer()
			t0 := cpuTime()
			for range b.N {
				kernels.GemmStrided32(c.m, c.n, c.k, 1, ha, 0, sa[0], sa[1], hb, 0, sb[0], sb[1], 0, out, 0, sc[0], sc[1])
			}
			b.ReportMetric(float64(cpuTime()-t0)/float64(b.N), "cpu-ns/op")
			gflops(b)
		})
		for _, force := range []*mmPlan{nil, {tiled: true, tiling: glsl.MatmulLarge}} {
			name := c.name + "/gpu"
			if force != nil {
				name += "-tiles128"
			}
			b.Run(name, func(b *testing.B) {
				d, err := Open()
				if err != nil {
					b.Skipf("no GPU: %v", err)
				}
				g := d.(*Device)
				x, err := g.FromHost(ha)
				if err != nil {
					b.Fatal(err)
				}
				y, err := g.FromHost(hb)
				if err != nil {
					b.Fatal(err)
				}
				out, err := g.Alloc(dtype.Float32, c.m*c.n)
				if err != nil {
					b.Fatal(err)
				}
				defer x.(*Buffer).Release()
				defer y.(*Buffer).Release()
				defer out.(*Buffer).Release()
				dv := devices.View{Buf: out, Shape: []int{c.m, c.n}, Strides: sc}
				av := devices.View{Buf: x, Shape: []int{c.m, c.k}, Strides: sa}
				bv := devices.View{Buf: y, Shape: []int{c.k, c.n}, Strides: sb}
				if err := g.matmul(dv, av, bv, force); err != nil { // compiles the shader
					b.Fatal(err)
				}
				wait(b, g)
				b.ResetTimer()
				t0 := cpuTime()
				for range b.N {
					if err := g.matmul(dv, av, bv, force); err != nil {
						b.Fatal(err)
					}
					wait(b, g)
				}
				b.ReportMetric(float64(cpuTime()-t0)/float64(b.N), "cpu-ns/op")
				gflops(b)
			})
		}
	}
}

// cpuTime is the CPU time the process has taken, all threads.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
