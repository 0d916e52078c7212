package sessions

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func fixedClock() func() time.Time {
	t := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	return func() time.Time {
		t = t.Add(250 * time.Millisecond)
		return t
	}
}

func TestRunRecords(t *testing.T) {
	nb := notebookOf("# Title", "print a\nprint b\nstderr c\nprint d\nvalue 3", "array 1 2.5", "display p 0%\nupdate p 50%", "update p 100%\nimage 200")
	k := newFake()
	var events []string
	res, err := Run(context.Background(), nb, k, RunOptions{Now: fixedClock(), Progress: func(p Progress) { events = append(events, p.String()) }})
	if err != nil {
		t.Fatal(err)
	}
	if res.Ran != 4 || len(res.Failed) != 0 || res.Stopped {
		t.Errorf("result %+v", res)
	}
	wantEvents := []string{"[1/4] cell 2 started", "[1/4] cell 2 ok (250ms)", "[2/4] cell 3 started"}
	for i, w := range wantEvents {
		if events[i] != w {
			t.Errorf("event %d = %q, want %q", i, events[i], w)
		}
	}
	if len(events) != 8 {
		t.Errorf("%d events: %q", len(events), events)
	}
	// Streams of one name merge; the stderr between them keeps them apart.
	c := nb.Cells[1]
	if len(c.Outputs) != 4 || c.Outputs[0].Text != "a\nb\n" || c.Outputs[1].Name != "stderr" || c.Outputs[2].Text != "d\n" {
		t.Errorf("outputs %+v", c.Outputs)
	}
	if c.ExecutionCount == nil || *c.ExecutionCount != 1 || c.Outputs[3].ExecutionCount == nil || *c.Outputs[3].ExecutionCount != 1 {
		t.Errorf("execution counts not recorded: %+v", c)
	}
	if c.Record == nil || c.Record.Device != "cpu" || c.Record.Duration != 0.25 || len(c.Record.Digests) != 4 || c.Record.Digests[0] != OutputDigest(c.Outputs[0]) {
		t.Errorf("cell record %+v", c.Record)
	}
	// The update in the next cell replaced the display of cell 4.
	if got := string(nb.Cells[3].Outputs[0].Data[MIMEText]); got != "100%" || len(nb.Cells[3].Outputs) != 1 {
		t.Errorf("display after updates: %q (%d outputs)", got, len(nb.Cells[3].Outputs))
	}
	if nb.Cells[3].Record.Digests[0] != OutputDigest(nb.Cells[3].Outputs[0]) {
		t.Error("the digest of an updated display is stale")
	}
	r := nb.Record
	if r == nil || r.Environment == nil || r.Environment.SIMD != "avx2" || r.Seed == nil || *r.Seed != 42 || r.Date != "2026-03-01T12:00:00Z" {
		t.Errorf("record %+v", r)
	}
	if nb.Language() != "go" || nb.KernelSpec().Name != KernelName {
		t.Errorf("kernel metadata %s %s", nb.Metadata["kernelspec"], nb.Metadata["language_info"])
	}
	if nb.Cells[0].ExecutionCount != nil || nb.Cells[0].Record != nil {
		t.Error("the markdown cell got a run record")
	}
}

func TestRunStopsAtFailure(t *testing.T) {
	for _, tc := range []struct {
		name      string
		cont      bool
		ran       int
		failed    []int
		stopped   bool
		lastCount bool // whether the last cell ran
	}{
		{"stop", false, 2, []int{1}, true, false},
		{"continue", true, 4, []int{1, 3}, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			nb := notebookOf("print one", "print two\nfail index out of range [3] with length 2\nprint never", "print three", "fail again")
			// Old outputs of cells that do not run are cleared.
			nb.Cells[2].Outputs = []Output{{Type: OutputStream, Name: "stdout", Text: "stale"}}
			res, err := Run(context.Background(), nb, newFake(), RunOptions{ContinueOnError: tc.cont})
			if res.Ran != tc.ran || res.Stopped != tc.stopped || len(res.Failed) != len(tc.failed) {
				t.Fatalf("result %+v", res)
			}
			for i, f := range res.Failed {
				if f.Index != tc.failed[i] {
					t.Errorf("failure %d at cell %d, want %d", i, f.Index, tc.failed[i])
				}
			}
			var ce *CellError
			if !errors.As(err, &ce) || ce.Index != 1 {
				t.Fatalf("error %v", err)
			}
			want := `cell 2 (id "cell-2": print two): Panic: index out of range [3] with length 2`
			if ce.Error() != want {
				t.Errorf("error %q, want %q", ce.Error(), want)
			}
			c := nb.Cells[1]
			if len(c.Outputs) != 2 || c.Outputs[1].Type != OutputError {
				t.Errorf("failing cell outputs %+v", c.Outputs)
			}
			if ran := nb.Cells[2].ExecutionCount != nil; ran != tc.lastCount {
				t.Errorf("cell 3 ran: %v", ran)
			}
			if !tc.lastCount && nb.Cells[2].Outputs != nil {
				t.Error("stale outputs of a cell that did not run were kept")
			}
		})
	}
}

func TestRunKernelCrash(t *testing.T) {
	nb := notebookOf("print one", "crash", "print three")
	res, err := Run(context.Background(), nb, newFake(), RunOptions{ContinueOnError: true})
	var ce *CellError
	if !errors.As(err, &ce) || !ce.Kernel || ce.Index != 1 || !strings.Contains(ce.Error(), "KernelError: the kernel process exited") {
		t.Fatalf("error %v", err)
	}
	if !res.Stopped || res.Ran != 2 {
		t.Errorf("result %+v", res)
	}
	if o := nb.Cells[1].Outputs; len(o) != 1 || o[0].EName != "KernelError" {
		t.Errorf("outputs of the crashing cell: %+v", o)
	}
}

func TestRunOneCell(t *testing.T) {
	nb := notebookOf("print one", "print two", "# text")
	k := newFake()
	if _, err := Run(context.Background(), nb, k, RunOptions{}); err != nil {
		t.Fatal(err)
	}
	before := nb.Cells[0].Outputs[0].Text
	if _, err := Run(context.Background(), nb, k, RunOptions{Cells: []int{1}}); err != nil {
		t.Fatal(err)
	}
	if nb.Cells[0].Outputs[0].Text != before || *nb.Cells[1].ExecutionCount != 3 {
		t.Errorf("after running cell 2 again: %+v %+v", nb.Cells[0], nb.Cells[1])
	}
	if _, err := Run(context.Background(), nb, k, RunOptions{Cells: []int{2}}); err == nil || !strings.Contains(err.Error(), "markdown") {
		t.Errorf("running a markdown cell: %v", err)
	}
	if _, err := Run(context.Background(), nb, k, RunOptions{Cells: []int{7}}); err == nil {
		t.Error("running cell 8 of 3: no error")
	}
}

func TestRunCancel(t *testing.T) {
	nb := notebookOf("print one", "hang", "print three")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	res, err := Run(ctx, nb, newFake(), RunOptions{})
	if !errors.Is(err, context.DeadlineExceeded) || !res.Stopped {
		t.Errorf("Run = %+v, %v", res, err)
	}
}
