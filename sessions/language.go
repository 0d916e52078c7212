package sessions

import (
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
)

// The kernelspec of Workbench's Go kernel, as Run records it in
// metadata.kernelspec.
const (
	KernelName        = "workbench"
	KernelDisplayName = "Go (Workbench)"
	// Language is the language of the kernel, in kernelspec.language and
	// language_info.name.
	Language = "go"
)

// KernelSpec is a notebook's metadata.kernelspec.
type KernelSpec struct {
	Name        string `json:"name"`
	DisplayName string `json:"display_name"`
	Language    string `json:"language,omitempty"`
}

// KernelSpec returns the notebook's metadata.kernelspec; the zero value
// when it has none (or one that is not an object).
func (nb *Notebook) KernelSpec() KernelSpec {
	var ks KernelSpec
	if raw, ok := nb.Metadata["kernelspec"]; ok {
		json.Unmarshal(raw, &ks)
	}
	return ks
}

// Language returns the notebook's language: metadata.language_info.name,
// or else metadata.kernelspec.language, in lower case; "" when the file
// says neither.
func (nb *Notebook) Language() string {
	var li struct {
		Name string `json:"name"`
	}
	if raw, ok := nb.Metadata["language_info"]; ok {
		json.Unmarshal(raw, &li)
	}
	if li.Name != "" {
		return strings.ToLower(li.Name)
	}
	return strings.ToLower(nb.KernelSpec().Language)
}

// ForeignError says that a notebook is for another language than Go.
type ForeignError struct {
	// Language is the notebook's language and Kernel its kernelspec's
	// name (either may be empty).
	Language, Kernel string
}

// Error says whose the notebook is and that verify runs Go notebooks.
func (e *ForeignError) Error() string {
	lang := e.Language
	if lang == "" {
		lang = "another language"
	}
	kernel := ""
	if e.Kernel != "" {
		kernel = fmt.Sprintf(" (kernel %s)", e.Kernel)
	}
	return fmt.Sprintf("this notebook is for %s%s, not Go: workbench verify runs Go notebooks", lang, kernel)
}

// RefuseForeign returns a *ForeignError when the notebook's
// language_info or kernelspec names a language other than Go, and nil
// for Go notebooks (Workbench's, and those of other Go kernels) and for
// notebooks that name no language.
func RefuseForeign(nb *Notebook) error {
	lang := nb.Language()
	if lang == "" || lang == Language || lang == "golang" {
		return nil
	}
	return &ForeignError{Language: lang, Kernel: nb.KernelSpec().Name}
}

// SetGoMetadata sets metadata.kernelspec and metadata.language_info to
// those of Workbench's Go kernel, keeping any other keys in them.
// goVersion ("go1.26.8") goes into language_info.version; "" means the Go
// that built this program.
func SetGoMetadata(nb *Notebook, goVersion string) {
	if goVersion == "" {
		goVersion = runtime.Version()
	}
	if nb.Metadata == nil {
		nb.Metadata = map[string]json.RawMessage{}
	}
	nb.Metadata["kernelspec"] = mergeObject(nb.Metadata["kernelspec"], map[string]any{
		"name":         KernelName,
		"display_name": KernelDisplayName,
		"language":     Language,
	})
	nb.Metadata["language_info"] = mergeObject(nb.Metadata["language_info"], map[string]any{
		"name":            Language,
		"version":         goVersion,
		"file_extension":  ".go",
		"mimetype":        "text/x-go",
		"codemirror_mode": "go",
		"pygments_lexer":  "go",
	})
}

// mergeObject sets keys of the JSON object raw (a fresh object when raw
// is not one).
func mergeObject(raw json.RawMessage, set map[string]any) json.RawMessage {
	m := map[string]json.RawMessage{}
	if json.Unmarshal(raw, &m) != nil || m == nil {
		m = map[string]json.RawMessage{}
	}
	for k, v := range set {
		b, _ := json.Marshal(v)
		m[k] = b
	}
	b, _ := json.Marshal(m)
	return b
}
