package interp

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
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
