package version

import "runtime/debug"

// Version is the release of Workbench.
const Version = "0.1.0-dev"

// Revision returns the version-control revision this binary was built from,
// with a "+dirty" suffix when the working tree had changes, or "" when the
// build carries no such record (as in tests, or with -buildvcs=false).
func Revision() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	var rev string
	var dirty bool
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return ""
	}
	if dirty {
		rev += "+dirty"
	}
	return rev
}
