package interp

import (
	"context"
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestProgressBundle(t *testing.T) {
	cases := []struct {
		i, n    int
		elapsed time.Duration
		text    string
		html    string // the <progress> element
		json    string
	}{
		{450, 1000, 0, "[#########...........] 45% (450/1000)", `<progress value="450" max="1000">45%</progress>`, `{"i":450,"n":1000}`},
		{0, 10, 0, "[....................] 0% (0/10)", `<progress value="0" max="10">0%</progress>`, `{"i":0,"n":10}`},
		{450, 1000, 5 * time.Second, "[#########...........] 45% (450/1000) 0:05 elapsed, 0:06 left", `<progress value="450" max="1000">45%</progress>`, `{"i":450,"n":1000}`},
		{0, 10, 3 * time.Second, "[....................] 0% (0/10) 0:03 elapsed", "", `{"i":0,"n":10}`},
		{10, 10, 11500 * time.Millisecond, "[####################] 100% (10/10) 0:11", `<progress value="10" max="10">100%</progress>`, `{"i":10,"n":10}`},
		// Not done is never shown as 100%, nor as a full bar.
		{999_999, 1_000_000, 0, "[###################.] 99% (999999/1000000)", `<progress value="999999" max="1000000">99%</progress>`, ""},
		// Past the end: a full bar, the count as given.
		{15, 10, 0, "[####################] 100% (15/10)", `<progress value="10" max="10">100%</progress>`, `{"i":15,"n":10}`},
		{-3, 10, 0, "[....................] 0% (-3/10)", `<progress value="0" max="10">0%</progress>`, `{"i":-3,"n":10}`},
		// No total.
		{5, 0, 0, "5/?", "<progress></progress>", `{"i":5,"n":0}`},
		{5, -1, 2 * time.Second, "5/? 0:02 elapsed", "<progress></progress>", `{"i":5,"n":-1}`},
		// Hours, and a huge estimate.
		{1, 2, 2*time.Hour + 3*time.Minute + 4*time.Second, "[##########..........] 50% (1/2) 2:03:04 elapsed, 2:03:04 left", "", ""},
		{1, math.MaxInt, time.Hour, "", "", ""},
	}
	for _, c := range cases {
		b := ProgressBundle(c.i, c.n, c.elapsed)
		if got := keys(b); !slices.Equal(got, []string{MIMEProgress, MIMEHTML, MIMEText}) {
			t.Errorf("(%d, %d): MIME types %v", c.i, c.n, got)
		}
		text := string(b[MIMEText])
		if c.text != "" && text != c.text {
			t.Errorf("(%d, %d, %v): text %q, want %q", c.i, c.n, c.elapsed, text, c.text)
		}
		h := string(b[MIMEHTML])
		n := xmlCheck(t, h)
		if n["progress"] != 1 || !strings.Contains(h, c.html) || !strings.Contains(h, "<span>"+text+"</span>") {
			t.Errorf("(%d, %d): html %s", c.i, c.n, h)
		}
		if c.json != "" && string(b[MIMEProgress]) != c.json {
			t.Errorf("(%d, %d): json %s, want %s", c.i, c.n, b[MIMEProgress], c.json)
		}
		var p struct{ I, N int }
		if err := json.Unmarshal(b[MIMEProgress], &p); err != nil || p.I != c.i || p.N != c.n {
			t.Errorf("(%d, %d): json %s: %v", c.i, c.n, b[MIMEProgress], err)
		}
	}
}

// progressRun runs cells in a fresh session and returns what Emit saw
// and what the last Run returned.
func progressRun(t *testing.T, cells ...string) (emitted, returned []Output, cell int) {
	t.Helper()
	var mu sync.Mutex
	s := newTestSession(t, Options{Emit: func(o Output) {
		mu.Lock()
		emitted = append(emitted, o)
		mu.Unlock()
	}})
	for _, c := range cells {
		mu.Lock()
		emitted = nil
		mu.Unlock()
		outs, err := s.Run(context.Background(), c)
		if err != nil || hasError(outs) {
			t.Fatalf("cell %q: %v %s", c, err, render(outs))
		}
		returned = outs
	}
	mu.Lock()
	defer mu.Unlock()
	return emitted, returned, len(cells)
}

// progressOf reads the MIMEProgress of a bar output.
func progressOf(t *testing.T, o Output) (i, n int) {
	t.Helper()
	var p struct{ I, N int }
	if err := json.Unmarshal(o.Data[MIMEProgress], &p); err != nil {
		t.Fatalf("%s %s: %v", o.Type, o.DisplayID, err)
	}
	return p.I, p.N
}

// bars groups the display outputs by DisplayID, in order.
func bars(outs []Output) (ids []string, by map[string][]Output) {
	by = map[string][]Output{}
	for _, o := range outs {
		if o.Type != DisplayData && o.Type != UpdateDisplayData {
			continue
		}
		if _, ok := by[o.DisplayID]; !ok {
			ids = append(ids, o.DisplayID)
		}
		by[o.DisplayID] = append(by[o.DisplayID], o)
	}
	return ids, by
}

func TestProgressBuiltin(t *testing.T) {
	t.Parallel()
	// 50 steps of 5 ms: about 250 ms, so a few throttled updates.
	start := time.Now()
	emitted, returned, cell := progressRun(t, `import "time"`,
		"for i := range 50 {\n\ttime.Sleep(5 * time.Millisecond)\n\tprogress(i+1, 50)\n}")
	took := time.Since(start)
	id := "progress-" + strconv.Itoa(cell) + "-1"
	ids, by := bars(emitted)
	if !slices.Equal(ids, []string{id}) {
		t.Fatalf("emitted bars %v, want [%s]", ids, id)
	}
	outs := by[id]
	if outs[0].Type != DisplayData {
		t.Errorf("first output %s, want display_data", outs[0].Type)
	}
	if i, n := progressOf(t, outs[0]); i != 1 || n != 50 {
		t.Errorf("first state %d/%d, want 1/50", i, n)
	}
	updates := outs[1:]
	if len(updates) == 0 {
		t.Fatal("no updates")
	}
	// At most one update per 100 ms, plus the final one.
	if max := int(took/progressInterval) + 2; len(updates) > max {
		t.Errorf("%d updates in %v, want at most %d", len(updates), took, max)
	}
	for _, u := range updates {
		if u.Type != UpdateDisplayData || u.DisplayID != id {
			t.Errorf("update %s %q", u.Type, u.DisplayID)
		}
	}
	final := updates[len(updates)-1]
	if i, n := progressOf(t, final); i != 50 || n != 50 || !strings.Contains(string(final.Data[MIMEText]), "100% (50/50)") {
		t.Errorf("final update %s", final.Data[MIMEText])
	}
	// What Run returns: the display holding the final state, and one update.
	rids, rby := bars(returned)
	if !slices.Equal(rids, []string{id}) || len(rby[id]) != 2 || rby[id][0].Type != DisplayData || rby[id][1].Type != UpdateDisplayData {
		t.Fatalf("returned %v", returned)
	}
	for _, o := range rby[id] {
		if i, n := progressOf(t, o); i != 50 || n != 50 {
			t.Errorf("returned %s holds %d/%d, want 50/50", o.Type, i, n)
		}
	}
	// Emit's display kept its first state: the returned one is a copy.
	if i, _ := progressOf(t, outs[0]); i != 1 {
		t.Errorf("the emitted display changed to %d", i)
	}
}

func TestProgressBars(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		cell  string
		final [][2]int // the last state of each bar, in order
		count []int    // the outputs each bar emitted (0: not checked)
	}{
		{"two loops", "for i := range 3 { progress(i+1, 3) }\nfor i := range 2 { progress(i+1, 2) }", [][2]int{{3, 3}, {2, 2}}, []int{0, 0}},
		// i going down starts a bar, even before n.
		{"restart", "for i := range 3 { progress(i, 10) }\nfor i := range 3 { progress(i, 10) }", [][2]int{{2, 10}, {2, 10}}, nil},
		// A loop that stops early: its last state is delivered at the end
		// of the cell, though the updates were throttled.
		{"stopped early", "for i := range 100 {\n\tprogress(i, 100)\n\tif i == 40 {\n\t\tbreak\n\t}\n}", [][2]int{{40, 100}}, nil},
		// The final state again changes nothing.
		{"final twice", "progress(5, 5)\nprogress(5, 5)", [][2]int{{5, 5}}, []int{1}},
		// Unknown total.
		{"no total", "for i := range 3 { progress(i+1, 0) }", [][2]int{{3, 0}}, nil},
		// A name of the user's own.
		{"redeclared", "progress := 3\nfmt.Println(progress)", nil, nil},
	}
	for _, tt := range tests {
		emitted, returned, cell := progressRun(t, tt.cell)
		ids, by := bars(emitted)
		if len(ids) != len(tt.final) {
			t.Errorf("%s: bars %v, want %d", tt.name, ids, len(tt.final))
			continue
		}
		for k, id := range ids {
			if want := "progress-" + strconv.Itoa(cell) + "-" + strconv.Itoa(k+1); id != want {
				t.Errorf("%s: bar %d has id %q, want %q", tt.name, k, id, want)
			}
			outs := by[id]
			last := outs[len(outs)-1]
			if i, n := progressOf(t, last); i != tt.final[k][0] || n != tt.final[k][1] {
				t.Errorf("%s: bar %d ends at %d/%d, want %v", tt.name, k, i, n, tt.final[k])
			}
			if tt.count != nil && tt.count[k] > 0 && len(outs) != tt.count[k] {
				t.Errorf("%s: bar %d emitted %d outputs, want %d", tt.name, k, len(outs), tt.count[k])
			}
		}
		rids, rby := bars(returned)
		if !slices.Equal(rids, ids) {
			t.Errorf("%s: returned bars %v, emitted %v", tt.name, rids, ids)
			continue
		}
		for k, id := range rids {
			if rby[id][0].Type != DisplayData || len(rby[id]) > 2 {
				t.Errorf("%s: returned for %s: %v", tt.name, id, rby[id])
			}
			if i, n := progressOf(t, rby[id][0]); i != tt.final[k][0] || n != tt.final[k][1] {
				t.Errorf("%s: returned display of bar %d holds %d/%d, want %v", tt.name, k, i, n, tt.final[k])
			}
		}
	}
}
