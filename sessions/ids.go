package sessions

import (
	"crypto/rand"
	"encoding/hex"
)

// NewCellID returns a fresh cell id: eight random hexadecimal digits, as
// nbformat makes them.
func NewCellID() string {
	var b [4]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// ValidCellID reports whether id is a valid cell id for nbformat 4.5: 1 to
// 64 characters of a-z, A-Z, 0-9, "-" and "_".
func ValidCellID(id string) bool {
	if len(id) == 0 || len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// EnsureIDs gives every cell without a valid id, or with the id of an
// earlier cell, a fresh id (nbformat repairs duplicate ids the same way).
// Read and Write call it.
func (nb *Notebook) EnsureIDs() {
	seen := make(map[string]bool, len(nb.Cells))
	for _, c := range nb.Cells {
		if c != nil && ValidCellID(c.ID) && !seen[c.ID] {
			seen[c.ID] = true
		}
	}
	taken := make(map[string]bool, len(nb.Cells))
	for _, c := range nb.Cells {
		if c == nil {
			continue
		}
		if ValidCellID(c.ID) && !taken[c.ID] {
			taken[c.ID] = true
			continue
		}
		id := NewCellID()
		for seen[id] || taken[id] {
			id = NewCellID()
		}
		c.ID = id
		taken[id] = true
	}
}
