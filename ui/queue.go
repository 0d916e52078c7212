package ui

// Running cells. The queue lives on the UI goroutine; only the kernel's
// Execute runs on a goroutine of its own, one cell at a time, and hands
// each output back through fyne.Do (NotebookView.do). A ticker redraws the
// running cell's time and outputs every tick, so that a cell printing in
// a tight loop costs the window one redraw a tick, whatever it prints.

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"

	"workbench/interp"
	"workbench/interp/client"
	"workbench/sessions"
)

// tickEvery is how often a running cell's time and outputs are redrawn.
const tickEvery = 100 * time.Millisecond

// runQueue is the cells waiting to run and the one running.
type runQueue struct {
	items []*runItem
	cur   *runItem
	// gen counts restarts: a cell queued before one does not stop the
	// cells queued after it when it fails.
	gen int
	// runAll is set when a restart asked to run every cell while the
	// cell it cut short had not ended yet.
	runAll bool
}

// runItem is one run of a cell.
type runItem struct {
	cw   *cellWidget
	gen  int
	done chan struct{}
	// streams gather the text of the cell's stream outputs by index, so
	// that a cell printing megabytes costs no quadratic copying; flush
	// hands them to the document.
	streams map[int]*strings.Builder
}

// runFrom runs cw (from its editor or the run commands) and then, by m,
// stays on it, selects the next cell (adding one at the end), or inserts
// a cell below. A markdown cell is rendered instead of run.
func (v *NotebookView) runFrom(cw *cellWidget, m runMode) {
	wasEditing := v.editing == cw
	v.selectCell(cw)
	if cw.isCode() {
		cw.cell.Source = cw.editor.source()
		v.enqueue([]*cellWidget{cw})
	}
	i := v.index(cw)
	switch m {
	case runStay:
		v.commandMode()
	case runAdvance:
		if i == len(v.cells)-1 {
			v.insertAt(i+1, sessions.CodeCell)
			v.editCell(v.cells[i+1], 0, 0)
			return
		}
		v.Select(i + 1)
		if next := v.cells[i+1]; wasEditing && next.isCode() {
			v.editCell(next, -1, -1)
			return
		}
		v.commandMode()
	case runInsert:
		v.insertAt(i+1, sessions.CodeCell)
		v.editCell(v.cells[i+1], 0, 0)
	}
}

// enqueue queues the code cells of cells (those not already queued or
// running) and starts the first if none runs.
func (v *NotebookView) enqueue(cells []*cellWidget) {
	if v.k == nil {
		v.status("No kernel: the cell cannot run (start or restart the kernel).")
		return
	}
	for _, cw := range cells {
		if !cw.isCode() || cw.state != idle {
			continue
		}
		cw.cell.Source = cw.editor.source()
		cw.state = queued
		cw.updatePrompt()
		cw.Refresh()
		v.q.items = append(v.q.items, &runItem{cw: cw, gen: v.q.gen})
	}
	v.startNext()
}

// startNext starts the first queued cell if none runs. Cells deleted
// while they waited are skipped.
func (v *NotebookView) startNext() {
	for v.q.cur == nil && len(v.q.items) > 0 {
		it := v.q.items[0]
		v.q.items = v.q.items[1:]
		if v.index(it.cw) < 0 || v.k == nil {
			it.cw.state = idle
			it.cw.updatePrompt()
			continue
		}
		v.start(it)
	}
}

// start runs it.
func (v *NotebookView) start(it *runItem) {
	v.q.cur = it
	cw := it.cw
	c := cw.cell
	c.Outputs = nil // as in Jupyter, a cell's old outputs go when it starts
	cw.resetOutputs()
	cw.state = running
	cw.started = time.Now()
	cw.took = 0
	cw.updatePrompt()
	cw.Refresh()
	if i := v.index(cw); i >= 0 {
		v.status(fmt.Sprintf("Running cell %d…", i+1))
	}
	it.done = make(chan struct{})
	k, code := v.k, c.Source
	go v.tick(it)
	go func() {
		reply, err := k.Execute(context.Background(), code, func(o interp.Output) {
			so := fromKernel(o)
			v.do(func() { v.emit(it, so) })
		})
		v.do(func() { v.finish(it, reply, err) })
	}()
}

// tick redraws it every tickEvery until it ends.
func (v *NotebookView) tick(it *runItem) {
	t := time.NewTicker(tickEvery)
	defer t.Stop()
	for {
		select {
		case <-it.done:
			return
		case <-t.C:
			v.do(func() {
				if v.q.cur == it {
					it.cw.updatePrompt()
					v.flush()
				}
			})
		}
	}
}

// emit records an output of it's cell in the document; the views follow
// at the next tick.
func (v *NotebookView) emit(it *runItem, o sessions.Output) {
	c := it.cw.cell
	switch o.Type {
	case sessions.OutputUpdateDisplayData:
		if o.DisplayID == "" {
			return
		}
		cells := v.cells
		if v.index(it.cw) < 0 {
			cells = append([]*cellWidget{it.cw}, cells...)
		}
		for _, cw := range cells {
			for j := range cw.cell.Outputs {
				if out := &cw.cell.Outputs[j]; out.DisplayID == o.DisplayID {
					out.Data, out.Metadata = o.Data, o.Metadata
					cw.outs.markDirty(j)
					v.dirty[cw] = true
				}
			}
		}
		return
	case sessions.OutputStream:
		if n := len(c.Outputs); n > 0 && c.Outputs[n-1].Type == sessions.OutputStream && c.Outputs[n-1].Name == o.Name {
			b := it.streams[n-1]
			if b == nil {
				b = &strings.Builder{}
				b.WriteString(c.Outputs[n-1].Text)
				if it.streams == nil {
					it.streams = map[int]*strings.Builder{}
				}
				it.streams[n-1] = b
			}
			b.WriteString(o.Text)
			it.cw.outs.markDirty(n - 1)
			v.dirty[it.cw] = true
			return
		}
	}
	c.Outputs = append(c.Outputs, o)
	v.dirty[it.cw] = true
}

// flush hands the running cell's streams to the document and redraws
// the outputs that changed.
func (v *NotebookView) flush() {
	if it := v.q.cur; it != nil {
		outs := it.cw.cell.Outputs
		for i, b := range it.streams {
			if i < len(outs) {
				outs[i].Text = b.String() // no copy
			}
		}
	}
	for cw := range v.dirty {
		cw.syncOutputs()
	}
	clear(v.dirty)
}

// finish ends it: the count and the run's record go to the document, and
// a failure empties the queue (as Jupyter's stop_on_error does), unless
// the cell is tagged raises-exception. A kernel that died or was
// restarted under the cell is said so on the cell; the window goes on.
func (v *NotebookView) finish(it *runItem, reply client.Reply, err error) {
	close(it.done)
	if v.q.cur == it {
		v.flush()
	}
	cw := it.cw
	c := cw.cell
	cw.took = time.Since(cw.started)
	if n := reply.ExecutionCount; n > 0 {
		c.ExecutionCount = &n
		for j := range c.Outputs {
			if c.Outputs[j].Type == sessions.OutputExecuteResult && c.Outputs[j].ExecutionCount == nil {
				c.Outputs[j].ExecutionCount = new(n)
			}
		}
	}
	var failure *sessions.Output
	kernelFailed := false
	switch {
	case err != nil:
		c.Outputs = append(c.Outputs, sessions.Output{Type: sessions.OutputError, EName: "KernelError", EValue: err.Error()})
		failure, kernelFailed = &c.Outputs[len(c.Outputs)-1], true
	case reply.Error != nil:
		for j := range c.Outputs {
			if c.Outputs[j].Type == sessions.OutputError {
				failure = &c.Outputs[j]
			}
		}
		kernelFailed = reply.Error.ErrName == client.ErrKernelDied || reply.Error.ErrName == client.ErrKernelRestarted
	case reply.Status != "" && reply.Status != "ok":
		c.Outputs = append(c.Outputs, sessions.Output{Type: sessions.OutputError, EName: "Error", EValue: "the kernel replied " + reply.Status})
		failure = &c.Outputs[len(c.Outputs)-1]
	}
	record(c, cw.took, reply.Device)
	v.recordEnvironment(cw.started)

	cw.state = idle
	if v.q.cur == it {
		v.q.cur = nil
	}
	v.dirty[cw] = true
	v.flush()
	cw.markError()
	cw.updatePrompt()
	cw.Refresh()
	i := v.index(cw)
	if v.q.runAll {
		v.q.runAll = false
		v.RunAll()
	}
	if i < 0 { // a deleted cell, or one of the notebook shown before
		v.startNext()
		return
	}
	v.changed()
	if v.ev.Ran != nil {
		v.ev.Ran(i)
	}

	name := fmt.Sprintf("cell %d", i+1)
	switch {
	case failure == nil:
		v.status(fmt.Sprintf("Ran %s in %s.", name, formatDuration(cw.took)))
	case kernelFailed:
		if it.gen == v.q.gen {
			v.clearQueue()
		}
		v.status(fmt.Sprintf("%s: %s: %s", upperFirst(name), failure.EName, failure.EValue))
	case c.HasTag(sessions.TagRaisesException):
		v.status(fmt.Sprintf("%s raised %s, as its tag says it should.", upperFirst(name), failure.EName))
	default:
		if it.gen == v.q.gen {
			v.clearQueue()
		}
		v.status(fmt.Sprintf("%s failed: %s: %s", upperFirst(name), failure.EName, failure.EValue))
	}
	v.startNext()
}

// recordEnvironment writes the kernel's environment record, its seed and
// when the cell that just ran started into the document's
// metadata.workbench, as workbench run does for a whole run, so that a file
// saved from the app says where its outputs came from (verify compares
// bit for bit where the environments match, and seeds its kernel alike). A
// kernel that reports no record (no architecture) leaves them as they are.
func (v *NotebookView) recordEnvironment(started time.Time) {
	if v.k == nil || v.doc == nil {
		return
	}
	env := v.k.Environment()
	if env.Arch == "" {
		return
	}
	b, err := json.Marshal(env)
	if err != nil {
		return
	}
	var rec sessions.Environment
	if err := json.Unmarshal(b, &rec); err != nil {
		return
	}
	if v.doc.Record == nil {
		v.doc.Record = &sessions.Record{}
	}
	seed := env.Seed
	v.doc.Record.Environment, v.doc.Record.Seed = &rec, &seed
	v.doc.Record.Date = started.UTC().Format(time.RFC3339)
}

// record writes a run's record on the cell, as the headless runner does:
// device is the reply's ("" when it says none, recorded as "cpu").
func record(c *sessions.Cell, took time.Duration, device string) {
	if c.Record == nil {
		c.Record = &sessions.CellRecord{}
	}
	if device == "" {
		device = "cpu"
	}
	c.Record.Device = device
	c.Record.Duration = math.Round(took.Seconds()*1e6) / 1e6
	c.Record.Digests = nil
	for _, o := range c.Outputs {
		c.Record.Digests = append(c.Record.Digests, sessions.OutputDigest(o))
	}
}

// clearRun clears a cell's outputs, count and run record (not its verify
// settings), as sessions' ClearOutputs does.
func clearRun(c *sessions.Cell) {
	c.Outputs = nil
	c.ExecutionCount = nil
	if r := c.Record; r != nil {
		r.Device, r.Duration, r.Digests = "", 0, nil
		if r.Verify == nil && len(r.Extra) == 0 {
			c.Record = nil
		}
	}
}

// clearQueue drops the cells waiting to run.
func (v *NotebookView) clearQueue() {
	for _, it := range v.q.items {
		it.cw.state = idle
		it.cw.updatePrompt()
		it.cw.Refresh()
	}
	v.q.items = nil
}

// interrupt empties the queue and interrupts the running cell.
func (v *NotebookView) interrupt() {
	n := len(v.q.items)
	v.clearQueue()
	if v.q.cur == nil {
		if n > 0 {
			v.status("Queue cleared.")
		}
		return
	}
	if k := v.k; k != nil {
		go k.Interrupt()
	}
	v.status("Interrupting…")
}

// restart restarts the kernel, off the UI goroutine, then runs every cell
// when runAll.
func (v *NotebookView) restart(runAll bool) {
	k := v.k
	if k == nil {
		v.status("No kernel to restart.")
		return
	}
	v.clearQueue()
	v.q.gen++
	v.status("Restarting the kernel…")
	go func() {
		err := k.Restart(context.Background())
		v.do(func() {
			if err != nil {
				v.status("Restarting the kernel failed: " + err.Error())
				return
			}
			v.status("The kernel restarted.")
			switch {
			case runAll && v.q.cur != nil:
				v.q.runAll = true // when the cell cut short has ended
			case runAll:
				v.RunAll()
			}
		})
	}()
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
