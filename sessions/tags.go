package sessions

import "encoding/json"

// TagRaisesException is the cell tag, Jupyter's own, of a cell that is
// meant to fail (a teaching example of an error): its error does not stop
// a run, as with `jupyter nbconvert --execute`.
const TagRaisesException = "raises-exception"

// Tags returns the cell's tags (metadata.tags), or nil.
func (c *Cell) Tags() []string {
	var tags []string
	if raw, ok := c.Metadata["tags"]; ok {
		_ = json.Unmarshal(raw, &tags) // tags that are not a list of strings are none
	}
	return tags
}

// HasTag reports whether the cell has the tag.
func (c *Cell) HasTag(tag string) bool {
	for _, t := range c.Tags() {
		if t == tag {
			return true
		}
	}
	return false
}
