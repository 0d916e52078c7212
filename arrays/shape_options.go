package arrays

// shapeOptions holds the options of the shape functions (Pad, Meshgrid, Split, ...).
type shapeOptions struct{}
