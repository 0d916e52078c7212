package arrays

import (
	"slices"
	"sync"

	"workbench/devices"
)

// used records the devices other than the CPU that arrays were allocated
// on since the last ResetNotices: every result of an operation on such a
// device, and every move there, allocates on it.
var used = struct {
	sync.Mutex
	names map[string]bool
}{names: map[string]bool{}}

// noteUse records that an array was allocated on dev.
func noteUse(dev devices.Device) {
	if dev == nil || dev == devices.CPU() {
		return
	}
	name := dev.Name()
	used.Lock()
	used.names[name] = true
	used.Unlock()
}

// DevicesUsed returns the names of the devices other than the CPU that
// arrays were moved to or computed on since the last ResetNotices, sorted
// (nil when there were none). The notebook's kernel records them as the
// device each cell ran on.
func DevicesUsed() []string {
	used.Lock()
	defer used.Unlock()
	if len(used.names) == 0 {
		return nil
	}
	names := make([]string, 0, len(used.names))
	for n := range used.names {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// resetUsed forgets the devices used.
func resetUsed() {
	used.Lock()
	clear(used.names)
	used.Unlock()
}
