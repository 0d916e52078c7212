package interp

import (
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"
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
