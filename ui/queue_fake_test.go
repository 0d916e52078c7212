package ui

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
	"sync"
	"time"

	"workbench/interp"
	"workbench/interp/client"
)

// fakeKernel runs a little script language, one command a line, so that
// tests are deterministic:
//
//	print TEXT      a line on stdout       stderr TEXT  a line on stderr
//	value TEXT      the cell's value (text/plain)
//	lines N         N lines on stdout, in chunks of 1000
//	progress N      a progress display updated N times
//	png W H         a picture (image/png and text/plain)
//	table           a table (MIMETable)
//	markdown TEXT   a text/markdown display
//	fail            a compile error at line 1, column 5
//	sleep           waits until interrupted (or 20 s)
//	die             the kernel dies
type fakeKernel struct {
	mu          sync.Mutex
	count       int
	ran         []string
	interrupt   chan struct{}
	restarts    int
	completions interp.Completion
	// started is signalled when a cell starts (if not nil).
	started chan string
	// env is what Environment reports.
	env interp.Environment
}

func newFakeKernel() *fakeKernel {
	return &fakeKernel{interrupt: make(chan struct{}, 1)}
}

func (k *fakeKernel) Execute(ctx context.Context, code string, emit func(interp.Output)) (client.Reply, error) {
	k.mu.Lock()
	k.count++
	n := k.count
	k.ran = append(k.ran, code)
	started := k.started
	k.mu.Unlock()
	if started != nil {
		started <- code
	}
	r := client.Reply{Status: "ok", ExecutionCount: n}
	out := func(o interp.Output) {
		r.Outputs = append(r.Outputs, o)
		if o.Type == interp.Error {
			oc := o
			r.Error = &oc
			r.Status = "error"
		}
		emit(o)
	}
	for line := range strings.SplitSeq(code, "\n") {
		cmd, arg, _ := strings.Cut(strings.TrimSpace(line), " ")
		switch cmd {
		case "print":
			out(interp.Output{Type: interp.Stream, Name: "stdout", Text: arg + "\n"})
		case "stderr":
			out(interp.Output{Type: interp.Stream, Name: "stderr", Text: arg + "\n"})
		case "value":
			out(interp.Output{Type: interp.ExecuteResult, Data: interp.Bundle{interp.MIMEText: []byte(arg)}})
		case "markdown":
			out(interp.Output{Type: interp.DisplayData, Data: interp.Bundle{"text/markdown": []byte(arg)}})
		case "lines":
			total, _ := strconv.Atoi(arg)
			var b strings.Builder
			for i := range total {
				fmt.Fprintf(&b, "line %d\n", i)
				if (i+1)%1000 == 0 || i == total-1 {
					out(interp.Output{Type: interp.Stream, Name: "stdout", Text: b.String()})
					b.Reset()
				}
			}
		case "progress":
			total, _ := strconv.Atoi(arg)
			out(interp.Output{Type: interp.DisplayData, DisplayID: "p1", Data: interp.ProgressBundle(0, total, 0)})
			for i := 1; i <= total; i++ {
				out(interp.Output{Type: interp.UpdateDisplayData, DisplayID: "p1", Data: interp.ProgressBundle(i, total, time.Second)})
			}
		case "png":
			var w, h int
			fmt.Sscan(arg, &w, &h)
			out(interp.Output{Type: interp.DisplayData, Data: interp.Bundle{
				interp.MIMEPNG:  testPNG(w, h),
				interp.MIMESVG:  []byte(fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d"></svg>`, w, h)),
				interp.MIMEText: []byte(fmt.Sprintf("<Figure %dx%d>", w, h)),
			}})
		case "table":
			out(interp.Output{Type: interp.ExecuteResult, Data: interp.Bundle{
				interp.MIMETable: []byte(`{"columns":[{"name":"x","kind":"numeric","dtype":"float64","data":[1.5,"nan",3],"missing":[false,true,false]},{"name":"label","kind":"string","dtype":"string","data":["a","b","c"]}],"rows":3}`),
				interp.MIMEText:  []byte("x label\n1.5 a\nNaN b\n3 c"),
			}})
		case "fail":
			out(interp.Output{Type: interp.Error, ErrName: "CompileError",
				ErrValue: "line 1, column 5: undefined: y", Traceback: []string{"line 1, column 5: undefined: y"}})
			return r, nil
		case "sleep":
			select {
			case <-k.interrupt:
				out(interp.Output{Type: interp.Error, ErrName: "Interrupted", ErrValue: "interrupted"})
				return r, nil
			case <-time.After(20 * time.Second):
			case <-ctx.Done():
				return r, ctx.Err()
			}
		case "die":
			out(interp.Output{Type: interp.Error, ErrName: client.ErrKernelDied, ErrValue: "the kernel process ended (signal: killed) while this cell ran"})
			r.Note = "the kernel is dead: restart it to run more cells"
			return r, nil
		case "broken":
			return client.Reply{}, errors.New("client: the kernel is dead (restart it)")
		}
	}
	return r, nil
}

func (k *fakeKernel) Interrupt() error {
	select {
	case k.interrupt <- struct{}{}:
	default:
	}
	return nil
}

func (k *fakeKernel) Restart(ctx context.Context) error {
	k.mu.Lock()
	k.restarts++
	k.count = 0
	k.mu.Unlock()
	return nil
}

func (k *fakeKernel) Complete(ctx context.Context, code string, cursor int) (interp.Completion, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	c := k.completions
	// The partial name before the cursor.
	start := cursor
	for start > 0 && (code[start-1] == '_' || isLetter(code[start-1]) || '0' <= code[start-1] && code[start-1] <= '9') {
		start--
	}
	c.Start, c.End = start, cursor
	return c, nil
}

func (k *fakeKernel) Inspect(ctx context.Context, code string, cursor int) (interp.Inspection, error) {
	return interp.Inspection{}, nil
}

func (k *fakeKernel) IsComplete(ctx context.Context, code string) (string, string, error) {
	return "complete", "", nil
}

func (k *fakeKernel) Variables(ctx context.Context) ([]interp.Variable, error) { return nil, nil }

func (k *fakeKernel) Environment() interp.Environment {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.env
}

func (k *fakeKernel) State() string { return "idle" }

func (k *fakeKernel) Close() error { return nil }

// executed returns the cells run so far.
func (k *fakeKernel) executed() []string {
	k.mu.Lock()
	defer k.mu.Unlock()
	return append([]string(nil), k.ran...)
}

// testPNG is a w×h picture: a gradient with a diagonal line.
func testPNG(w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.NRGBA{uint8(255 * x / max(w, 1)), 120, uint8(255 * y / max(h, 1)), 255})
			if x*h/max(w, 1) == y {
				img.Set(x, y, color.NRGBA{255, 255, 255, 255})
			}
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}
