package interp

import (
	"context"
	"reflect"
	"strings"
	"testing"

	yaegi "github.com/traefik/yaegi/interp"

	"workbench/arrays"
	"workbench/arrays/dtype"
	"workbench/devices"
	"workbench/kernels"
)

// namedDevice is a device that only has a name: enough for a notice.
type namedDevice struct{ devices.Device }

func (namedDevice) Name() string { return "fakegpu" }

// TestNoticeInCellStderr checks that a notice of the arrays package given
// while a cell runs shows in that cell's stderr stream, after what the
// cell printed before, once per cell.
func TestNoticeInCellStderr(t *testing.T) {
	s := newTestSession(t, Options{})
	emit := func() { arrays.RanOnCPU("arrays.Sort", namedDevice{}, "sorting") }
	if err := s.use(yaegi.Exports{"noticetest/noticetest": {"Emit": reflect.ValueOf(emit)}}); err != nil {
		t.Fatal(err)
	}
	const notice = "notice: arrays.Sort ran on the CPU: the fakegpu device does not implement sorting; the result was moved back to fakegpu\n"
	cells := []struct {
		src  string
		want []Output
	}{
		{"import (\"fmt\"; \"noticetest\")\nfmt.Println(\"before\")\nnoticetest.Emit()\nnoticetest.Emit()\nfmt.Println(\"after\")",
			[]Output{{Type: Stream, Name: "stdout", Text: "before\n"}, {Type: Stream, Name: "stderr", Text: notice}, {Type: Stream, Name: "stdout", Text: "after\n"}}},
		// The next cell is told again.
		{"noticetest.Emit()", []Output{{Type: Stream, Name: "stderr", Text: notice}}},
		{"1 + 1", []Output{{Type: ExecuteResult}}},
	}
	for i, c := range cells {
		outs, err := s.Run(context.Background(), c.src)
		if err != nil {
			t.Fatal(err)
		}
		if len(outs) != len(c.want) {
			t.Fatalf("cell %d: outputs %s, want %d", i, render(outs), len(c.want))
		}
		for j, w := range c.want {
			o := outs[j]
			if o.Type != w.Type || o.Name != w.Name || w.Type == Stream && o.Text != w.Text {
				t.Errorf("cell %d output %d: %v %q %q, want %v %q %q", i, j, o.Type, o.Name, o.Text, w.Type, w.Name, w.Text)
			}
		}
	}
	// After Close, notices no longer go to the session.
	s.Close()
	noticeRoute.Lock()
	routed := noticeRoute.s
	noticeRoute.Unlock()
	if routed == s {
		t.Error("notices still go to a closed session")
	}
}

// TestEnvironmentDevices checks what the environment says of the devices:
// the CPU always, the GPU with its description when present, and why it is
// absent otherwise.
func TestEnvironmentDevices(t *testing.T) {
	env := CurrentEnvironment(1)
	if len(env.Devices) == 0 || env.Devices[0] != "cpu" {
		t.Errorf("Devices = %q, want the cpu first", env.Devices)
	}
	if gpu := devices.GPU(); gpu != nil {
		if env.GPU != gpu.Info().Description || env.GPUAbsent != "" || !strings.Contains(strings.Join(env.Devices, " "), devices.GPUName) {
			t.Errorf("with a GPU: Devices %q, GPU %q, GPUAbsent %q", env.Devices, env.GPU, env.GPUAbsent)
		}
	} else if env.GPU != "" || env.GPUAbsent != devices.GPUAbsence().Error() {
		t.Errorf("without a GPU: GPU %q, GPUAbsent %q, want \"\" and %q", env.GPU, env.GPUAbsent, devices.GPUAbsence())
	}
}

// hiddenDevice is a device whose buffers the CPU cannot address, as a
// GPU's: it moves data (through CPU buffers it keeps to itself) and
// implements no operation, so that every operation falls back.
type hiddenDevice struct{ name string }

// hiddenBuffer wraps a CPU buffer without showing its Data.
type hiddenBuffer struct {
	dev *hiddenDevice
	cpu devices.Buffer
}

func (b *hiddenBuffer) Device() devices.Device { return b.dev }
func (b *hiddenBuffer) DType() dtype.DType     { return b.cpu.DType() }
func (b *hiddenBuffer) Len() int               { return b.cpu.Len() }

func (d *hiddenDevice) Name() string       { return d.name }
func (d *hiddenDevice) Kind() devices.Kind { return devices.KindGPU }
func (d *hiddenDevice) Info() devices.Info {
	return devices.Info{Name: d.name, Kind: devices.KindGPU, Description: "a test device"}
}

func (d *hiddenDevice) wrap(b devices.Buffer, err error) (devices.Buffer, error) {
	if err != nil {
		return nil, err
	}
	return &hiddenBuffer{dev: d, cpu: b}, nil
}

func (d *hiddenDevice) Alloc(dt dtype.DType, n int) (devices.Buffer, error) {
	return d.wrap(devices.CPU().Alloc(dt, n))
}

func (d *hiddenDevice) FromHost(data any) (devices.Buffer, error) {
	return d.wrap(devices.CPU().FromHost(data))
}

// cpuView is v on the CPU buffer behind it.
func cpuView(v devices.View) devices.View {
	v.Buf = v.Buf.(*hiddenBuffer).cpu
	return v
}

func (d *hiddenDevice) ToHost(v devices.View, dst any) error {
	return devices.CPU().ToHost(cpuView(v), dst)
}

func (d *hiddenDevice) Copy(dst, src devices.View) error {
	return devices.CPU().Copy(cpuView(dst), cpuView(src))
}

func (d *hiddenDevice) Unary(kernels.UnaryOp, devices.View, devices.View) error {
	return devices.ErrNotImplemented
}

func (d *hiddenDevice) Binary(kernels.BinaryOp, devices.View, devices.View, devices.View) error {
	return devices.ErrNotImplemented
}

func (d *hiddenDevice) Reduce(kernels.ReduceOp, devices.View, devices.View, []bool) error {
	return devices.ErrNotImplemented
}

func (d *hiddenDevice) Cumulative(kernels.ReduceOp, devices.View, devices.View, int) error {
	return devices.ErrNotImplemented
}

// TestCellOnAnotherDevice runs cells on arrays of a device that
// implements nothing: the results are right and on that device, and each
// cell's stderr says, once per function, what ran on the CPU.
func TestCellOnAnotherDevice(t *testing.T) {
	devices.Register(&hiddenDevice{name: "hidden"})
	s := newTestSession(t, Options{})
	notice := func(fn, what string) string {
		return "notice: arrays." + fn + " ran on the CPU: the hidden device does not implement " + what + "; the result was moved back to hidden\n"
	}
	cells := []struct {
		src    string
		stdout string
		stderr string
	}{
		{`import ("fmt"; "workbench/arrays"; "workbench/devices")
d, err := devices.Lookup("hidden")
x := arrays.FromSlice([]float64{3, 1, 2}).To(d)
y := arrays.Sort(x)
fmt.Println(err, y.Device().Name(), y.Data(), arrays.Sort(x).Data())`,
			"<nil> hidden [1 2 3] [1 2 3]\n", notice("Sort", "sorting")},
		{`fmt.Println(arrays.Add(x, x).Data(), arrays.Sort(x).Data())`,
			"[6 2 4] [1 2 3]\n", notice("Add", "add on float64") + notice("Sort", "sorting")},
	}
	for i, c := range cells {
		outs, err := s.Run(context.Background(), c.src)
		if err != nil {
			t.Fatal(err)
		}
		var stdout, stderr strings.Builder
		for _, o := range outs {
			switch {
			case o.Type == Stream && o.Name == "stdout":
				stdout.WriteString(o.Text)
			case o.Type == Stream && o.Name == "stderr":
				stderr.WriteString(o.Text)
			default:
				t.Errorf("cell %d: unexpected output %s", i, render([]Output{o}))
			}
		}
		if stdout.String() != c.stdout || stderr.String() != c.stderr {
			t.Errorf("cell %d: stdout %q, stderr %q; want %q and %q", i, stdout.String(), stderr.String(), c.stdout, c.stderr)
		}
	}
}

// TestLastDevice checks the device each cell reports (LastDevice, which
// the kernel sends in its execute_reply): the devices other than the CPU
// that the cell's arrays were moved to or computed on, joined with ","
// when several, else "cpu".
func TestLastDevice(t *testing.T) {
	devices.Register(&hiddenDevice{name: "lasta"})
	devices.Register(&hiddenDevice{name: "lastb"})
	s := newTestSession(t, Options{})
	if d := s.LastDevice(); d != "cpu" {
		t.Errorf("before any cell: %q, want cpu", d)
	}
	for _, c := range []struct{ name, src, want string }{
		{"on the CPU", `x := arrays.FromSlice([]float64{3, 1, 2}); y := arrays.Add(x, x); _ = y`, "cpu"},
		{"moved", `a, _ := devices.Lookup("lasta"); xa := x.To(a)`, "lasta"},
		{"computed there", `za := arrays.Add(xa, xa); _ = za`, "lasta"},
		{"read back", `fmt.Println(xa.Data())`, "cpu"},
		{"moved back", `xc := xa.To(devices.CPU()); _ = xc`, "lasta"}, // a move from lasta uses it
		{"two devices", `b, _ := devices.Lookup("lastb"); xb := x.To(b); _ = xa.To(b); _ = xb`, "lasta,lastb"},
		{"failed after the move", `_ = x.To(a); panic("after")`, "lasta"},
		{"compile error", `undefinedName.To(a)`, "cpu"},
		{"a new cell on the CPU", `1 + 1`, "cpu"},
	} {
		if _, err := s.Run(context.Background(), c.src); err != nil {
			t.Fatal(err)
		}
		if d := s.LastDevice(); d != c.want {
			t.Errorf("%s: %q, want %q", c.name, d, c.want)
		}
	}
}
