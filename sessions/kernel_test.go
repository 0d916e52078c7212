package sessions

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strconv"
	"strings"
)

// fakeKernel runs cells written in a tiny language, one command a line:
//
//	print TEXT        a stream on stdout (TEXT and a newline)
//	stderr TEXT       a stream on stderr
//	value TEXT        an execute_result of text/plain
//	array X Y ...     an execute_result of a float64 array (MIMEArray)
//	array32 X Y ...   the same, float32
//	table X Y ...     an execute_result of a table with one float64 column
//	image R           a display_data of a 4x4 PNG of red R (and an SVG)
//	display ID TEXT   a display_data with display id ID
//	update ID TEXT    an update_display_data of display ID
//	fail MESSAGE      an error output, and status error
//	crash             the kernel dies (Execute returns an error)
//	gpu               the cell runs on the GPU (its reply's Device is
//	                  "gpu"); where the environment has no GPU it fails as
//	                  x.To(devices.GPU()) does
//	hang              waits for ctx to end
type fakeKernel struct {
	env   Environment
	count int
	// scale multiplies the values of arrays and tables, to make them
	// differ, and scale32 those of float32 arrays.
	scale, scale32 float64
	// pixel, when set, changes the colour of pixel (1, 2) of images.
	pixel    *color.RGBA
	restarts int
	// codes records the code of each Execute.
	codes []string
}

func newFake() *fakeKernel {
	return &fakeKernel{
		env: Environment{
			Workbench: "0.1.0-dev (test)", Go: "go1.26.8", OS: "linux", Arch: "amd64",
			CPUFeatures: []string{"avx2", "fma"}, SIMD: "avx2", Workers: 4, Devices: []string{"cpu"}, Seed: 42,
		},
		scale: 1, scale32: 1,
	}
}

func (k *fakeKernel) Environment(ctx context.Context) (Environment, error) { return k.env, nil }

func (k *fakeKernel) Restart(ctx context.Context) error {
	k.restarts++
	k.count = 0
	return nil
}

func (k *fakeKernel) Execute(ctx context.Context, code string, emit func(Output)) (ExecuteReply, error) {
	k.count++
	k.codes = append(k.codes, code)
	reply := ExecuteReply{Status: StatusOK, ExecutionCount: k.count}
	for line := range strings.SplitSeq(code, "\n") {
		cmd, arg, _ := strings.Cut(strings.TrimSpace(line), " ")
		switch cmd {
		case "print":
			emit(Output{Type: OutputStream, Name: "stdout", Text: arg + "\n"})
		case "stderr":
			emit(Output{Type: OutputStream, Name: "stderr", Text: arg + "\n"})
		case "value":
			emit(Output{Type: OutputExecuteResult, Data: Bundle{MIMEText: []byte(arg)}})
		case "array", "array32", "table":
			var vals []string
			for f := range strings.FieldsSeq(arg) {
				x, _ := strconv.ParseFloat(f, 64)
				if cmd == "array32" {
					vals = append(vals, strconv.FormatFloat(float64(float32(x*k.scale32)), 'g', -1, 32))
				} else {
					vals = append(vals, strconv.FormatFloat(x*k.scale, 'g', -1, 64))
				}
			}
			data := "[" + strings.Join(vals, ",") + "]"
			b := Bundle{MIMEText: []byte("array(" + data + ")"), MIMEHTML: []byte("<table>" + data + "</table>")}
			switch cmd {
			case "array":
				b[MIMEArray] = fmt.Appendf(nil, `{"dtype":"float64","shape":[%d],"data":%s}`, len(vals), data)
			case "array32":
				b[MIMEArray] = fmt.Appendf(nil, `{"dtype":"float32","shape":[%d],"data":%s}`, len(vals), data)
			default:
				b[MIMETable] = fmt.Appendf(nil, `{"columns":[{"name":"x","kind":"numeric","dtype":"float64","data":%s}],"rows":%d}`, data, len(vals))
			}
			emit(Output{Type: OutputExecuteResult, Data: b})
		case "image":
			r, _ := strconv.Atoi(arg)
			emit(Output{Type: OutputDisplayData, Data: Bundle{
				MIMEPNG:  k.png(uint8(r)),
				MIMESVG:  []byte(`<svg width="4" height="4"><rect fill="red"/></svg>`),
				MIMEText: []byte("<Figure 4x4 with 1 panel>"),
			}})
		case "display":
			id, text, _ := strings.Cut(arg, " ")
			emit(Output{Type: OutputDisplayData, DisplayID: id, Data: Bundle{MIMEText: []byte(text)}})
		case "update":
			id, text, _ := strings.Cut(arg, " ")
			emit(Output{Type: OutputUpdateDisplayData, DisplayID: id, Data: Bundle{MIMEText: []byte(text)}})
		case "fail":
			emit(Output{Type: OutputError, EName: "Panic", EValue: arg, Traceback: []string{"panic: " + arg, "\tat line 1"}})
			reply.Status = StatusError
			return reply, nil
		case "gpu":
			if k.env.GPU == "" {
				msg := "arrays: to: no GPU device: " + k.env.GPUAbsent
				emit(Output{Type: OutputError, EName: "DeviceError", EValue: msg, Traceback: []string{"panic: " + msg}})
				reply.Status = StatusError
				return reply, nil
			}
			reply.Device = "gpu"
		case "crash":
			return ExecuteReply{}, errors.New("the kernel process exited (signal: killed)")
		case "hang":
			<-ctx.Done()
			return ExecuteReply{}, ctx.Err()
		}
	}
	return reply, nil
}

func (k *fakeKernel) png(red uint8) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	for y := range 4 {
		for x := range 4 {
			img.Set(x, y, color.RGBA{red, 10, 20, 255})
		}
	}
	if k.pixel != nil {
		img.Set(1, 2, *k.pixel)
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// notebookOf makes a notebook of code cells (markdown when the source
// starts with "#").
func notebookOf(sources ...string) *Notebook {
	nb := New()
	for i, s := range sources {
		c := NewCode(s)
		if strings.HasPrefix(s, "#") {
			c = NewMarkdown(s)
		}
		c.ID = fmt.Sprintf("cell-%d", i+1)
		nb.Cells = append(nb.Cells, c)
	}
	return nb
}
