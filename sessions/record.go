package sessions

// The reproducibility record under metadata.workbench. README.md lists
// the same keys, in its section "The reproducibility record:
// metadata.workbench".

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
)

// Environment is the kernel's record of where a session ran, as the
// kernel reports it (in kernel_info) and as a file stores it under
// metadata.workbench.environment. Its JSON keys are those of the kernel's
// own record (interp.Environment), so the kernel's JSON unmarshals into it.
type Environment struct {
	// Workbench is the version of Workbench, with the revision when
	// known: "0.1.0-dev (0082030…)". JSON key "workbench".
	Workbench string `json:"workbench"`
	// Go is the Go release the kernel was built with: "go1.26.8". JSON
	// key "go".
	Go string `json:"go"`
	// OS and Arch are the kernel's GOOS and GOARCH: "linux", "amd64".
	// JSON keys "os" and "arch".
	OS   string `json:"os"`
	Arch string `json:"arch"`
	// CPUFeatures are the SIMD-related CPU features found: "avx2",
	// "fma", ... JSON key "cpu_features".
	CPUFeatures []string `json:"cpu_features"`
	// SIMD is the level the kernels use: "avx512", "avx2" or "go". JSON
	// key "simd".
	SIMD string `json:"simd"`
	// Workers is the size of the CPU worker pool. JSON key "workers".
	Workers int `json:"workers"`
	// Devices names the devices present: "cpu", and "gpu" when there is
	// a GPU device. JSON key "devices".
	Devices []string `json:"devices"`
	// GPU describes the GPU device, its renderer and GL version
	// ("llvmpipe (LLVM 15.0.6, 256 bits), OpenGL 4.5"), when there is
	// one; verify compares the cells that ran on the GPU bit for bit only
	// when both runs had the same. JSON key "gpu", absent when there is
	// no GPU.
	GPU string `json:"gpu,omitempty"`
	// GPUAbsent says why there is no GPU device ("no EGL display"), when
	// there is none and the kernel knows why. JSON key "gpu_absent".
	GPUAbsent string `json:"gpu_absent,omitempty"`
	// Seed seeds the session's generator rng. JSON key "seed".
	Seed uint64 `json:"seed"`
	// Extra holds keys this version does not know, kept as written.
	Extra map[string]json.RawMessage `json:"-"`
}

// Record is a notebook's metadata.workbench: what Run recorded of the last
// run, and the author's verify settings.
type Record struct {
	// Environment is the kernel's environment record of the last run.
	// JSON key "environment".
	Environment *Environment `json:"environment,omitempty"`
	// Seed is the session's random seed, the one the kernel's rng was
	// seeded with; verify starts its kernel with it. JSON key "seed".
	Seed *uint64 `json:"seed,omitempty"`
	// Date is when the last run started, RFC 3339 in UTC:
	// "2026-03-01T12:00:00Z". JSON key "date".
	Date string `json:"date,omitempty"`
	// Verify holds the file's verify settings. JSON key "verify".
	Verify *VerifySettings `json:"verify,omitempty"`
	// Extra holds keys this version does not know, kept as written.
	Extra map[string]json.RawMessage `json:"-"`
}

// CellRecord is a code cell's metadata.workbench.
type CellRecord struct {
	// Device is the device the cell ran on: "gpu" when its arrays were
	// moved to or computed on the GPU (the names of such devices, joined
	// with "," when there are several), else "cpu". JSON key "device".
	Device string `json:"device,omitempty"`
	// Duration is how long the cell ran, in seconds. It differs from run
	// to run and verify never compares it. JSON key "duration".
	Duration float64 `json:"duration,omitempty"`
	// Digests are "sha256:" and the hex SHA-256 of each output, in order
	// (see OutputDigest). JSON key "digests".
	Digests []string `json:"digests,omitempty"`
	// Verify holds the cell's verify settings, which override the file's.
	// JSON key "verify".
	Verify *VerifySettings `json:"verify,omitempty"`
	// Extra holds keys this version does not know, kept as written.
	Extra map[string]json.RawMessage `json:"-"`
}

// VerifySettings say how verify compares a fresh run with the saved one.
// The file's settings (metadata.workbench.verify) apply to every cell; a
// cell's own (its metadata.workbench.verify) override them: tolerances
// replace the file's, masks add to them. Unset fields take the defaults.
type VerifySettings struct {
	// Tolerance is how far float64 and complex128 values may differ when
	// the two runs' environments differ in architecture or SIMD level,
	// the cell ran on another device, or it ran on a GPU and the runs had
	// different GPUs (see DefaultTolerance). JSON key "tolerance".
	Tolerance *Tolerance `json:"tolerance,omitempty"`
	// Float32Tolerance is the same for float32 and complex64 values (see
	// DefaultFloat32Tolerance). JSON key "tolerance_float32".
	Float32Tolerance *Tolerance `json:"tolerance_float32,omitempty"`
	// Image is how far images may differ when the environments differ;
	// unset, images must be identical. JSON key "image".
	Image *ImageTolerance `json:"image,omitempty"`
	// Mask lists regular expressions (Go's syntax, RE2) whose matches in
	// text are volatile, such as timings: each match is replaced by
	// "<volatile>" in both runs before the texts are compared. JSON key
	// "mask".
	Mask []string `json:"mask,omitempty"`
	// Volatile (cells only) marks every output of the cell volatile: only
	// the number of outputs and their types are compared. JSON key
	// "volatile".
	Volatile bool `json:"volatile,omitempty"`
	// VolatileOutputs (cells only) lists the indices (from 0) of the
	// cell's volatile outputs. JSON key "volatile_outputs".
	VolatileOutputs []int `json:"volatile_outputs,omitempty"`
	// Skip (cells only) leaves the cell out of the comparison. JSON key
	// "skip".
	Skip bool `json:"skip,omitempty"`
	// Extra holds keys this version does not know, kept as written.
	Extra map[string]json.RawMessage `json:"-"`
}

// Tolerance bounds the difference of two floats a and b: they agree when
// |a-b| <= ATol + RTol*max(|a|, |b|). NaN agrees with NaN only, an
// infinity with the same infinity only.
type Tolerance struct {
	RTol float64 `json:"rtol"`
	ATol float64 `json:"atol"`
}

// The tolerances verify applies across environments when the file sets
// none: about 4500 ulps of float64 and 80 ulps of float32, enough for
// sums and products computed in another order or with fused
// multiply-adds, and no absolute slack.
var (
	DefaultTolerance        = Tolerance{RTol: 1e-12, ATol: 0}
	DefaultFloat32Tolerance = Tolerance{RTol: 1e-5, ATol: 0}
)

// ImageTolerance bounds the difference of two images of the same size: a
// pixel differs when one of its channels (0 to 255) differs by more than
// Channel, and the images agree when at most Pixels pixels differ.
type ImageTolerance struct {
	Pixels  int `json:"pixels"`
	Channel int `json:"channel"`
}

// The JSON codecs keep the keys that the structs do not know in Extra.

type (
	environmentJSON    Environment
	recordJSON         Record
	cellRecordJSON     CellRecord
	verifySettingsJSON VerifySettings
)

// MarshalJSON writes e with the keys of Extra.
func (e Environment) MarshalJSON() ([]byte, error) {
	return marshalExtra(environmentJSON(e), e.Extra)
}

// UnmarshalJSON reads e, keeping unknown keys in Extra.
func (e *Environment) UnmarshalJSON(b []byte) error {
	var v environmentJSON
	extra, err := unmarshalExtra(b, &v)
	if err != nil {
		return err
	}
	*e = Environment(v)
	e.Extra = extra
	return nil
}

// MarshalJSON writes r with the keys of Extra.
func (r Record) MarshalJSON() ([]byte, error) { return marshalExtra(recordJSON(r), r.Extra) }

// UnmarshalJSON reads r, keeping unknown keys in Extra.
func (r *Record) UnmarshalJSON(b []byte) error {
	var v recordJSON
	extra, err := unmarshalExtra(b, &v)
	if err != nil {
		return err
	}
	*r = Record(v)
	r.Extra = extra
	return nil
}

// MarshalJSON writes r with the keys of Extra.
func (r CellRecord) MarshalJSON() ([]byte, error) {
	return marshalExtra(cellRecordJSON(r), r.Extra)
}

// UnmarshalJSON reads r, keeping unknown keys in Extra.
func (r *CellRecord) UnmarshalJSON(b []byte) error {
	var v cellRecordJSON
	extra, err := unmarshalExtra(b, &v)
	if err != nil {
		return err
	}
	*r = CellRecord(v)
	r.Extra = extra
	return nil
}

// MarshalJSON writes s with the keys of Extra.
func (s VerifySettings) MarshalJSON() ([]byte, error) {
	return marshalExtra(verifySettingsJSON(s), s.Extra)
}

// UnmarshalJSON reads s, keeping unknown keys in Extra.
func (s *VerifySettings) UnmarshalJSON(b []byte) error {
	var v verifySettingsJSON
	extra, err := unmarshalExtra(b, &v)
	if err != nil {
		return err
	}
	*s = VerifySettings(v)
	s.Extra = extra
	return nil
}

// marshalExtra writes v (a struct) and adds the keys of extra that v does
// not write itself.
func marshalExtra(v any, extra map[string]json.RawMessage) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil || len(extra) == 0 {
		return b, err
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	for k, x := range extra {
		if _, ok := m[k]; !ok && !knownKey(v, k) {
			m[k] = x
		}
	}
	return json.Marshal(m)
}

// unmarshalExtra reads b into v (a pointer to a struct) and returns the
// keys that v does not know.
func unmarshalExtra(b []byte, v any) (map[string]json.RawMessage, error) {
	if err := json.Unmarshal(b, v); err != nil {
		return nil, err
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil || m == nil {
		return nil, err
	}
	var extra map[string]json.RawMessage
	for k, x := range m {
		if !knownKey(v, k) {
			if extra == nil {
				extra = map[string]json.RawMessage{}
			}
			extra[k] = bytes.Clone(x)
		}
	}
	return extra, nil
}

// knownKey reports whether the struct v (or *v) has a field for the JSON
// key k.
func knownKey(v any, k string) bool {
	t := reflect.TypeOf(v)
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" && name == k {
			return true
		}
	}
	return false
}

func (e *Environment) clone() *Environment {
	if e == nil {
		return nil
	}
	c := *e
	c.CPUFeatures = slices.Clone(e.CPUFeatures)
	c.Devices = slices.Clone(e.Devices)
	c.Extra = cloneRaw(e.Extra)
	return &c
}

func (r *Record) clone() *Record {
	if r == nil {
		return nil
	}
	c := *r
	c.Environment = r.Environment.clone()
	c.Seed = clonePtr(r.Seed)
	c.Verify = r.Verify.clone()
	c.Extra = cloneRaw(r.Extra)
	return &c
}

func (r *CellRecord) clone() *CellRecord {
	if r == nil {
		return nil
	}
	c := *r
	c.Digests = slices.Clone(r.Digests)
	c.Verify = r.Verify.clone()
	c.Extra = cloneRaw(r.Extra)
	return &c
}

func (r *CellRecord) empty() bool {
	return r.Device == "" && r.Duration == 0 && len(r.Digests) == 0 && r.Verify == nil && len(r.Extra) == 0
}

func (s *VerifySettings) clone() *VerifySettings {
	if s == nil {
		return nil
	}
	c := *s
	c.Tolerance = clonePtr(s.Tolerance)
	c.Float32Tolerance = clonePtr(s.Float32Tolerance)
	c.Image = clonePtr(s.Image)
	c.Mask = slices.Clone(s.Mask)
	c.VolatileOutputs = slices.Clone(s.VolatileOutputs)
	c.Extra = cloneRaw(s.Extra)
	return &c
}
