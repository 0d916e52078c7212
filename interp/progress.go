package interp

import (
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"
)

// progressWidth is the number of cells of the text bar.
const progressWidth = 20

// ProgressBundle renders a progress bar for step i of n, elapsed into the
// loop (0: unknown), as the bundle of a display output that the kernel
// replaces as the loop goes on:
//
//   - text/plain: "[#########...........] 45% (450/1000)", followed, when
//     elapsed > 0, by "0:05 elapsed, 0:06 left" (the time left estimated
//     from the rate so far) or, once i >= n, "0:11";
//   - text/html: the same text beside an HTML <progress> element;
//   - MIMEProgress: {"i":450,"n":1000}, the arguments as given. It holds no
//     times, so that it is the same on every run (verify can compare it;
//     the text, with its times, differs).
//
// i is clamped to [0, n] for the bar and the percentage (i > n shows a
// full bar, and the count as given); the percentage is rounded down, so
// that 100% means done. n <= 0 means the total is not known: the text is
// "450/?" and the time elapsed, the HTML an indeterminate <progress>.
func ProgressBundle(i, n int, elapsed time.Duration) Bundle {
	var text strings.Builder
	htmlBar := "<progress></progress>"
	ci := max(i, 0)
	if n > 0 {
		ci = min(ci, n)
		frac := float64(ci) / float64(n)
		filled := int(frac * progressWidth)
		pct := int(math.Floor(frac * 100))
		if ci < n {
			filled = min(filled, progressWidth-1)
			pct = min(pct, 99)
		}
		fmt.Fprintf(&text, "[%s%s] %d%% (%d/%d)", strings.Repeat("#", filled),
			strings.Repeat(".", progressWidth-filled), pct, i, n)
		htmlBar = fmt.Sprintf("<progress value=\"%d\" max=\"%d\">%d%%</progress>", ci, n, pct)
	} else {
		fmt.Fprintf(&text, "%d/?", i)
	}
	if elapsed > 0 {
		switch {
		case n > 0 && ci >= n:
			fmt.Fprintf(&text, " %s", clock(elapsed))
		case n > 0 && ci > 0:
			left := time.Duration(min(float64(elapsed)*float64(n-ci)/float64(ci), math.MaxInt64/2))
			fmt.Fprintf(&text, " %s elapsed, %s left", clock(elapsed), clock(left))
		default:
			fmt.Fprintf(&text, " %s elapsed", clock(elapsed))
		}
	}
	js := `{"i":` + strconv.Itoa(i) + `,"n":` + strconv.Itoa(n) + `}`
	return Bundle{
		MIMEText:     []byte(text.String()),
		MIMEHTML:     []byte(`<div class="workbench-progress">` + htmlBar + " <span>" + html.EscapeString(text.String()) + "</span></div>"),
		MIMEProgress: []byte(js),
	}
}

// clock writes d, rounded down to the second, as M:SS, or H:MM:SS from an
// hour on.
func clock(d time.Duration) string {
	s := int64(d / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// The progress builtin.
//
// A cell calls progress(i, n) in a loop, with the number of steps done
// and the number of steps in all (n <= 0: not known). The first call
// shows a bar: a DisplayData output with a fresh DisplayID
// ("progress-<cell>-<k>", the kth bar of the cell); later calls replace it
// with UpdateDisplayData outputs of the same DisplayID. A new bar starts
// when i goes down (a new loop) or after a bar reached n (a call that
// repeats the final state of a finished bar changes nothing). Updates go
// to Options.Emit at most every progressInterval; the first state and the
// final one (i >= n) always go out at once, and the last state given is
// delivered when the cell ends. Bars are made with ProgressBundle.
//
// What Run returns suits a saved notebook: the bar's DisplayData, holding
// its last state, and one UpdateDisplayData with that same state (not one
// per update), so that a reader that applies updates and one that ignores
// them both see the final bar.
//
// One bar is shown at a time: nested loops that both call progress start
// a new bar at each switch; call it for one of them.

// progressInterval is the least time between two updates of a bar.
const progressInterval = 100 * time.Millisecond

// progressState is a session's progress bars.
type progressState struct {
	mu   sync.Mutex
	cell int          // the cell running (or run last)
	k    int          // bars the cell started
	bar  *progressBar // the bar being updated, or nil
}

// progressBar is one bar.
type progressBar struct {
	id      string
	start   time.Time // the first call
	shown   time.Time // the last delivery
	i, n    int       // the last state given
	done    bool      // it reached n
	pending bool      // the last state was not delivered yet
}

// progressStart begins a cell.
func (s *Session) progressStart(cell int) {
	p := &s.prog
	p.mu.Lock()
	defer p.mu.Unlock()
	p.cell, p.k, p.bar = cell, 0, nil
}

// progressEnd ends a cell: a state not delivered yet is.
func (s *Session) progressEnd() {
	p := &s.prog
	p.mu.Lock()
	defer p.mu.Unlock()
	if b := p.bar; b != nil && b.pending {
		s.updateBar(b, time.Now())
	}
	p.bar = nil
}

// progress is the progress builtin.
func (s *Session) progress(i, n int) {
	now := time.Now()
	p := &s.prog
	p.mu.Lock()
	defer p.mu.Unlock()
	b := p.bar
	if b != nil && b.done && i == b.i && n == b.n {
		return // the final state again
	}
	if b == nil || i < b.i || b.done {
		if b != nil && b.pending {
			s.updateBar(b, now)
		}
		p.k++
		b = &progressBar{id: fmt.Sprintf("progress-%d-%d", p.cell, p.k), start: now, shown: now, i: i, n: n}
		b.done = n > 0 && i >= n
		p.bar = b
		s.coll.add(Output{Type: DisplayData, Data: ProgressBundle(i, n, 0), DisplayID: b.id})
		return
	}
	b.i, b.n = i, n
	b.done = n > 0 && i >= n
	b.pending = true
	if b.done || now.Sub(b.shown) >= progressInterval {
		s.updateBar(b, now)
	}
}

// updateBar delivers the last state of b.
func (s *Session) updateBar(b *progressBar, now time.Time) {
	b.pending = false
	b.shown = now
	s.coll.update(Output{Type: UpdateDisplayData, Data: ProgressBundle(b.i, b.n, now.Sub(b.start)), DisplayID: b.id})
}

// update records an UpdateDisplayData: it goes to Emit as it is, and in
// the cell's outputs it replaces the data of the DisplayData with the same
// DisplayID and the previous update of it, if any.
func (c *collector) update(o Output) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.drainLocked()
	c.flushLocked()
	replaced := false
	for i := range c.outs {
		if c.outs[i].DisplayID != o.DisplayID {
			continue
		}
		switch c.outs[i].Type {
		case DisplayData:
			c.outs[i].Data = o.Data // a new map: what Emit was given stays as it was
		case UpdateDisplayData:
			c.outs[i] = o
			replaced = true
		}
	}
	if !replaced {
		c.outs = append(c.outs, o)
	}
	if c.opts.Emit != nil {
		c.opts.Emit(o)
	}
}
