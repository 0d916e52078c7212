package interp

import (
	"fmt"
	"os"
	"strings"
	"sync"

	"workbench/arrays"
)

// Notices of the arrays package (an operation on a GPU array that ran on
// the CPU, say) go to the stderr stream of the cell that is running, as a
// warning would, each once per cell: Run routes them to its session and
// resets arrays' record of the notices given. Notices that goroutines of a
// cell give after it ends go out with the session's next cell, as their
// printed text does; with no session, they go to os.Stderr. The same
// reset clears arrays' record of the devices used, which cellDevice reads
// when the cell ends.
var noticeRoute struct {
	sync.Mutex
	s *Session
}

// routeNotices sends the arrays package's notices to s's running cell.
func routeNotices(s *Session) {
	noticeRoute.Lock()
	noticeRoute.s = s
	noticeRoute.Unlock()
	arrays.SetNotice(deliverNotice)
	arrays.ResetNotices()
}

// unrouteNotices stops sending notices to s, which is closing.
func unrouteNotices(s *Session) {
	noticeRoute.Lock()
	defer noticeRoute.Unlock()
	if noticeRoute.s == s {
		noticeRoute.s = nil
	}
}

// deliverNotice is the arrays package's notice hook.
func deliverNotice(msg string) {
	noticeRoute.Lock()
	s := noticeRoute.s
	noticeRoute.Unlock()
	if s == nil {
		fmt.Fprintln(os.Stderr, msg)
		return
	}
	s.coll.notice(msg)
}

// notice records a notice as stderr text of the running cell, after what
// the cell printed before it.
func (c *collector) notice(msg string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.drainLocked()
	c.streamLocked("stderr", []byte(msg+"\n"))
}

// cellDevice names the device the cell that just ran ran on, from the
// devices its arrays used since routeNotices reset arrays' record: "gpu"
// (names joined with "," when several), or "cpu" when none. Arrays that
// goroutines of earlier cells allocate meanwhile count too.
func cellDevice() string {
	if used := arrays.DevicesUsed(); len(used) > 0 {
		return strings.Join(used, ",")
	}
	return "cpu"
}
