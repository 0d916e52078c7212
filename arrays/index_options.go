package arrays

// indexOptions holds the options of advanced indexing, Take and Put.
type indexOptions struct {
	indexMode string // IndexMode: "" (raise), "raise", "wrap" or "clip"
}
