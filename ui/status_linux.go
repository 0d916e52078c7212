package ui

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"sync"
)

// kernelPID caches the kernel process found last.
var kernelPID struct {
	sync.Mutex
	pid int
}

// kernelRSS returns the resident memory of this process's kernel: its
// child process whose arguments include "kernel", the one started last.
// It reads /proc: the kernel client does not expose the process.
func kernelRSS() (uint64, bool) {
	kernelPID.Lock()
	defer kernelPID.Unlock()
	self := os.Getpid()
	if pid := kernelPID.pid; pid != 0 {
		if ppid, _, ok := procStat(pid); ok && ppid == self && isKernel(pid) {
			return procRSS(pid)
		}
		kernelPID.pid = 0
	}
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return 0, false
	}
	best, bestStart := 0, uint64(0)
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		ppid, start, ok := procStat(pid)
		if !ok || ppid != self || !isKernel(pid) {
			continue
		}
		if best == 0 || start > bestStart {
			best, bestStart = pid, start
		}
	}
	if best == 0 {
		return 0, false
	}
	kernelPID.pid = best
	return procRSS(best)
}

// procStat returns a process's parent and start time from /proc/PID/stat.
func procStat(pid int) (ppid int, start uint64, ok bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, 0, false
	}
	// The command name, in parentheses, may hold spaces: fields follow
	// the last ")".
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0, 0, false
	}
	f := strings.Fields(string(b[i+1:]))
	// f[0] is field 3 (state), f[1] field 4 (ppid), f[19] field 22
	// (starttime).
	if len(f) < 20 {
		return 0, 0, false
	}
	ppid, err1 := strconv.Atoi(f[1])
	start, err2 := strconv.ParseUint(f[19], 10, 64)
	return ppid, start, err1 == nil && err2 == nil
}

// isKernel reports whether the process's arguments include "kernel".
func isKernel(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/cmdline")
	if err != nil {
		return false
	}
	for _, a := range bytes.Split(b, []byte{0}) {
		if string(a) == "kernel" {
			return true
		}
	}
	return false
}

// procRSS returns a process's resident set size from /proc/PID/statm.
func procRSS(pid int) (uint64, bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/statm")
	if err != nil {
		return 0, false
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0, false
	}
	pages, err := strconv.ParseUint(f[1], 10, 64)
	if err != nil {
		return 0, false
	}
	return pages * uint64(os.Getpagesize()), true
}
